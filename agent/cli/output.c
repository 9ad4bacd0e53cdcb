#include "cli/output.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool output_interactive(int fd)
{
	const char *term = getenv("TERM");

	return isatty(fd) && term && *term && strcmp(term, "dumb") != 0;
}

bool output_color(int fd)
{
	const char *no = getenv("NO_COLOR");

	return output_interactive(fd) && !(no && *no);
}

int output_write(FILE *f, const struct buf *b)
{
	if ((b->len && fwrite(b->ptr, 1, b->len, f) != b->len) || fflush(f)) {
		/* stderr may be the stream that failed; try anyway. */
		fputs("airunner: could not write the output\n", stderr);
		return -1;
	}
	return 0;
}

int output_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "airunner: %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\n(see airunner --help)\n", stderr);
	return EXIT_USAGE;
}
