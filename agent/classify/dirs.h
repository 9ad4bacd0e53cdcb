/*
 * Where each line of a build log was printed: a recursive make says when it
 * enters and leaves a folder ("make[1]: Entering directory '/p/lib'"), ninja
 * and meson which folder they build in ("ninja: Entering directory
 * `build'"), and the compilers they run name their files from there
 * ("a.c:3:5: error: ..." is /p/lib/a.c; "../src/b.c" under ninja is
 * src/b.c). Private to classify/.
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
