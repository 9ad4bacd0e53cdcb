/*
 * Where each line of a build log was printed: a recursive make says when it
 * enters and leaves a folder ("make[1]: Entering directory '/p/lib'"), ninja
 * and meson which folder they build in ("ninja: Entering directory
 * `build'"), and the compilers they run name their files from there
 * ("a.c:3:5: error: ..." is /p/lib/a.c; "../src/b.c" under ninja is
 * src/b.c); npm which folder a script that failed ran in, after its
 * output; a task runner which folder each task runs in. Private to
 * classify/.
 */
#ifndef AIRUNNER_CLASSIFY_DIRS_H
#define AIRUNNER_CLASSIFY_DIRS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

struct cl_dirs;

/* The folders a text says it was in, read from its lines that may say so
 * (lines[0..n), ascending; those the needle scan found "ing directory "
 * in): line i is text[start[i]..start[i + 1] - 1). NULL when none does, as
 * in most logs. The caller frees the result with cl_dirs_free. */
struct cl_dirs *cl_dirs_read(const char *text, const size_t *start,
			     const size_t *lines, size_t n);

/* npm's folder of a script that failed (npm 7 and later): "npm error path
 * /p/apps/web" right under "npm error code 2" (under a code that is no exit
 * status, ENOENT's, the path is a file's), "npm error location /p/apps/web",
 * npm 8's "npm ERR!   at location: /p/apps/web". Its offset and length in
 * l[0..n) (prev[0..prevn): the line above), or false. */
bool cl_npm_dir(const char *l, size_t n, const char *prev, size_t prevn,
		size_t *at, size_t *len);

/* A folder from line `from` on (dir borrowed; NULL: none told). */
struct cl_dir_mark {
	size_t from;
	const char *dir;
};

/* d (consumed, may be NULL) over the folders a task runner said its tasks
 * ran in (base[0..n), ascending): a builder's folder where it names one,
 * else the task's. The caller frees the result with cl_dirs_free. */
struct cl_dirs *cl_dirs_over(struct cl_dirs *d, const struct cl_dir_mark *base,
			     size_t n);
void cl_dirs_free(struct cl_dirs *d);

/* The folder line was printed in (absolute, or as the tool named it: relative
 * to where it was run), or NULL: the tool's own. Borrowed from d (d NULL:
 * always NULL). */
const char *cl_dirs_at(const struct cl_dirs *d, size_t line);

/* Appends to out the file a line in folder dir names by path, "." and ".."
 * resolved; false, out as it was, when path is absolute or climbs above
 * dir's start (then the name as printed is the best there is). */
bool cl_dirs_join(struct buf *out, const char *dir, const char *path);

#endif
