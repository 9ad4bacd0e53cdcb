/*
 * buf: the one growable byte buffer (git's strbuf, curl's dynbuf).
 *
 * Invariants: ptr is never NULL and ptr[len] is always '\0', so a buf can be
 * handed to C string functions at any time; len <= max. A buf that would grow
 * past max refuses the bytes and returns -1, leaving its content unchanged.
 * Out-of-memory aborts (there is no sane recovery in a daemon); bad input never
 * does.
 */
#ifndef AIRUNNER_BUF_H
#define AIRUNNER_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Default cap for a buf that was not given one: big enough for any message we
 * accept (frames are capped lower), small enough to stop a runaway. */
#define BUF_DEFAULT_MAX ((size_t)1 << 30)

struct buf {
	char *ptr;
	size_t len;
	size_t cap; /* 0 while ptr points at the shared empty string */
	size_t max;
};

extern char buf_empty[];
#define BUF_INIT { buf_empty, 0, 0, BUF_DEFAULT_MAX }

void buf_init(struct buf *b, size_t max);
/* Frees the memory; the buf is empty and reusable afterwards. */
void buf_release(struct buf *b);
/* Keeps the memory, drops the content. */
void buf_reset(struct buf *b);
/* Returns the malloc'd string (caller frees); the buf is left empty. */
char *buf_detach(struct buf *b, size_t *len);

int buf_grow(struct buf *b, size_t extra);
int buf_add(struct buf *b, const void *data, size_t n);
int buf_adds(struct buf *b, const char *s);
int buf_addch(struct buf *b, int c);
int buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int buf_vaddf(struct buf *b, const char *fmt, va_list ap);
/* Decimal digits of v; by hand, as printf costs more than the rest of a
 * small reply. */
int buf_add_uint(struct buf *b, uint64_t v);
/* Removes the first n bytes (n <= len). */
void buf_consume(struct buf *b, size_t n);
void buf_truncate(struct buf *b, size_t len);
/* Takes a copy of b's content (for handing off without giving up b). */
char *buf_strdup(const struct buf *b);

/* Reads the whole of a file into b (appending). 0, or -1 with errno set. */
int buf_read_file(struct buf *b, const char *path, size_t limit);

#endif
