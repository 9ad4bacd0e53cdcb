/* Allocation that aborts on out-of-memory: a daemon cannot limp on without
 * memory, and checking every malloc hides the real error paths. */
#ifndef AIRUNNER_MEM_H
#define AIRUNNER_MEM_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
