#include "util/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/buf.h"

static int threshold = -1;
static enum log_level default_level = LOG_INFO;

void log_default_level(enum log_level level)
{
	default_level = level;
	threshold = -1;
}

static int level_from_env(void)
{
	const char *v = getenv("AIRUNNER_LOG");

	if (!v)
		return default_level;
	if (!strcmp(v, "debug"))
		return LOG_DEBUG;
	if (!strcmp(v, "warn"))
		return LOG_WARN;
	if (!strcmp(v, "error"))
		return LOG_ERROR;
	return LOG_INFO;
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	static const char *names[] = { "debug", "info", "warn", "error" };
	struct buf line = BUF_INIT;
	struct timespec ts;
	struct tm tm;
	va_list ap;

	if (threshold < 0)
		threshold = level_from_env();
	if ((int)level < threshold)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	buf_addf(&line, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ airunner[%s] ",
		 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		 tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000000, names[level]);
	va_start(ap, fmt);
	buf_vaddf(&line, fmt, ap);
	va_end(ap);
	buf_addch(&line, '\n');
	/* One write per line so lines from concurrent writers do not mix. */
	fwrite(line.ptr, 1, line.len, stderr);
	fflush(stderr);
	buf_release(&line);
}
