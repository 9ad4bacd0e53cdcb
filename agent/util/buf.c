#include "util/buf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/mem.h"

char buf_empty[1];

void buf_init(struct buf *b, size_t max)
{
	b->ptr = buf_empty;
	b->len = 0;
	b->cap = 0;
	b->max = max ? max : BUF_DEFAULT_MAX;
}

void buf_release(struct buf *b)
{
	if (b->cap)
		free(b->ptr);
	b->ptr = buf_empty;
	b->len = 0;
	b->cap = 0;
}

void buf_reset(struct buf *b)
{
	buf_truncate(b, 0);
}

char *buf_detach(struct buf *b, size_t *len)
{
	char *p = b->cap ? b->ptr : xstrdup("");

	if (len)
		*len = b->len;
	b->ptr = buf_empty;
	b->len = 0;
	b->cap = 0;
	return p;
}

int buf_grow(struct buf *b, size_t extra)
{
	size_t want, ncap;

	if (extra > b->max || b->len > b->max - extra)
		return -1;
	want = b->len + extra + 1;
	if (want <= b->cap)
		return 0;
	ncap = b->cap ? b->cap : 64;
	while (ncap < want)
		ncap = ncap > ((size_t)-1) / 2 ? want : ncap * 2;
	/* cap never passes max + 1, so "room left" also means "under max". */
	if (b->max < (size_t)-1 && ncap > b->max + 1)
		ncap = b->max + 1;
	if (b->cap) {
		b->ptr = xrealloc(b->ptr, ncap);
	} else {
		b->ptr = xmalloc(ncap);
		b->ptr[0] = '\0';
	}
	b->cap = ncap;
	return 0;
}

int buf_add(struct buf *b, const void *data, size_t n)
{
	if (n == 0)
		return 0;
	/* Fast path: room already there (the common case on hot paths). */
	if (b->cap - b->len <= n && buf_grow(b, n) < 0)
		return -1;
	memmove(b->ptr + b->len, data, n);
	b->len += n;
	b->ptr[b->len] = '\0';
	return 0;
}

int buf_adds(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

int buf_addch(struct buf *b, int c)
{
	if (b->cap - b->len <= 1 && buf_grow(b, 1) < 0)
		return -1;
	b->ptr[b->len++] = (char)c;
	b->ptr[b->len] = '\0';
	return 0;
}

int buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(b->ptr + b->len, b->cap ? b->cap - b->len : 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return -1;
	if (b->cap && (size_t)n < b->cap - b->len) {
		b->len += (size_t)n;
		return 0;
	}
	if (buf_grow(b, (size_t)n) < 0) {
		/* The first try wrote a partial tail over our NUL. */
		if (b->cap)
			b->ptr[b->len] = '\0';
		return -1;
	}
	vsnprintf(b->ptr + b->len, b->cap - b->len, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = buf_vaddf(b, fmt, ap);
	va_end(ap);
	return r;
}

int buf_add_uint(struct buf *b, uint64_t v)
{
	char tmp[20], *p = tmp + sizeof(tmp);

	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return buf_add(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

void buf_consume(struct buf *b, size_t n)
{
	if (n >= b->len) {
		buf_truncate(b, 0);
		return;
	}
	memmove(b->ptr, b->ptr + n, b->len - n);
	b->len -= n;
	b->ptr[b->len] = '\0';
}

void buf_truncate(struct buf *b, size_t len)
{
	if (len >= b->len)
		return;
	b->len = len;
	b->ptr[len] = '\0';
}

char *buf_strdup(const struct buf *b)
{
	char *p = xmalloc(b->len + 1);

	memcpy(p, b->ptr, b->len + 1);
	return p;
}

int buf_read_file(struct buf *b, const char *path, size_t limit)
{
	char chunk[16384];
	size_t total = 0;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		total += (size_t)n;
		if ((limit && total > limit) || buf_add(b, chunk, (size_t)n) < 0) {
			close(fd);
			errno = EFBIG;
			return -1;
		}
	}
	if (n < 0) {
		int saved = errno;

		close(fd);
		errno = saved;
		return -1;
	}
	close(fd);
	return 0;
}
