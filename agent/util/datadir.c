#include "util/datadir.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef AIRUNNER_REL_DATADIR
#define AIRUNNER_REL_DATADIR "../share/airunner"
#endif

static bool is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The install tree's data folder beside the running binary, into out; false
 * when the binary is not in one (the build tree). */
static bool from_exe(struct buf *out)
{
	char exe[PATH_MAX];
	char *slash;
	size_t mark = out->len;

	if (!realpath("/proc/self/exe", exe))
		return false;
	slash = strrchr(exe, '/');
	if (!slash)
		return false;
	*slash = '\0';
	buf_addf(out, "%s/%s", exe, AIRUNNER_REL_DATADIR);
	if (is_dir(out->ptr + mark))
		return true;
	buf_truncate(out, mark);
	return false;
}

void datadir_path(struct buf *out, const char *sub)
{
	const char *env = getenv("AIRUNNER_DATADIR");

	if (env && *env)
		buf_adds(out, env);
	else if (!from_exe(out))
		buf_adds(out, AIRUNNER_DATADIR);
	if (sub)
		buf_addf(out, "/%s", sub);
}
