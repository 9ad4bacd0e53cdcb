#include "rpc/frame.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HEADER_NAME "content-length:"

void frame_reader_init(struct frame_reader *r, size_t max_body)
{
	memset(r, 0, sizeof(*r));
	r->max_body = max_body ? max_body : FRAME_DEFAULT_MAX_BODY;
	/* The buffer holds at most one body plus a header and a read's worth. */
	buf_init(&r->in, r->max_body + FRAME_MAX_HEADER + 65536);
}

void frame_reader_release(struct frame_reader *r)
{
	buf_release(&r->in);
}

void frame_reader_feed(struct frame_reader *r, const char *data, size_t n)
{
	/* Discard bytes of a refused body as they come, never buffering them. */
	if (r->skip) {
		size_t k = n < r->skip ? n : r->skip;

		r->skip -= k;
		data += k;
		n -= k;
	}
	if (n)
		buf_add(&r->in, data, n); /* bounded: see init */
}

/* Where "Content-Length:" next occurs in [from, to), or to. */
static size_t find_header(const struct buf *in, size_t from, size_t to)
{
	size_t i, hl = strlen(HEADER_NAME);

	for (i = from; i + hl <= to; i++)
		if (strncasecmp(in->ptr + i, HEADER_NAME, hl) == 0)
			return i;
	return to;
}

/* Drops bytes up to the next "Content-Length:". Anywhere, not only at a line
 * start: after a body whose length lied short, the next header follows the
 * leftover bytes directly. */
static int resync(struct frame_reader *r)
{
	size_t i, hl = strlen(HEADER_NAME);

	for (i = 0; i + hl <= r->in.len; i++) {
		if (strncasecmp(r->in.ptr + i, HEADER_NAME, hl) == 0) {
			buf_consume(&r->in, i);
			r->resync = 0;
			r->scanned = 0;
			return 1;
		}
	}
	/* Keep a tail that could be the start of the header name. */
	if (r->in.len > hl)
		buf_consume(&r->in, r->in.len - hl);
	return 0;
}

static int parse_length(const char *v, size_t n, size_t *out)
{
	size_t i = 0, val = 0;

	while (i < n && (v[i] == ' ' || v[i] == '\t'))
		i++;
	if (i == n)
		return -1;
	for (; i < n && isdigit((unsigned char)v[i]); i++) {
		if (val > ((size_t)-1 - 9) / 10)
			return -1;
		val = val * 10 + (size_t)(v[i] - '0');
	}
	while (i < n && (v[i] == ' ' || v[i] == '\t'))
		i++;
	if (i != n)
		return -1;
	*out = val;
	return 0;
}

/* Parses the header block [0, end); 0 with *len, or -1 with e set. */
static int parse_headers(const char *h, size_t end, size_t *len, struct err *e)
{
	size_t pos = 0, hl = strlen(HEADER_NAME);
	int have = 0;

	while (pos < end) {
		const char *line = h + pos;
		const char *eol = memchr(line, '\r', end - pos);
		size_t n = eol ? (size_t)(eol - line) : end - pos;
		const char *colon = memchr(line, ':', n);

		if (!colon)
			return err_set(e, ERR_PARSE,
				       "malformed header line (no ':')");
		if (n >= hl && strncasecmp(line, HEADER_NAME, hl) == 0) {
			if (parse_length(line + hl, n - hl, len) < 0)
				return err_set(e, ERR_PARSE,
					       "invalid Content-Length value");
			have = 1;
		}
		pos += n + 2; /* \r\n */
	}
	if (!have)
		return err_set(e, ERR_PARSE, "missing Content-Length header");
	return 0;
}

enum frame_status frame_reader_next(struct frame_reader *r, const char **body,
				    size_t *len, struct err *e)
{
	if (r->in_body == 2) { /* the body handed out last time */
		buf_consume(&r->in, r->body_len);
		r->in_body = 0;
	}
	for (;;) {
		if (r->in_body) {
			if (r->in.len < r->body_len)
				return FRAME_NEED_MORE;
			/* Consumed at the next call, once the caller is done. */
			r->in_body = 2;
			*body = r->in.ptr;
			*len = r->body_len;
			return FRAME_BODY;
		}
		if (r->resync && !resync(r))
			return FRAME_NEED_MORE;
		{
			size_t start = r->scanned > 3 ? r->scanned - 3 : 0;
			char *p = NULL;
			size_t i;

			for (i = start; i + 4 <= r->in.len; i++)
				if (memcmp(r->in.ptr + i, "\r\n\r\n", 4) == 0) {
					p = r->in.ptr + i;
					break;
				}
			if (!p) {
				r->scanned = r->in.len;
				if (r->in.len > FRAME_MAX_HEADER) {
					r->resync = 1;
					buf_consume(&r->in, 1);
					err_set(e, ERR_PARSE,
						"header section longer than %d bytes",
						FRAME_MAX_HEADER);
					return FRAME_ERROR;
				}
				return FRAME_NEED_MORE;
			}
			i = (size_t)(p - r->in.ptr);
			r->scanned = 0;
			if (parse_headers(r->in.ptr, i, &r->body_len, e) < 0) {
				size_t at = find_header(&r->in, 1, i);

				if (at < i) {
					/* Garbage, then a header: keep the
					 * header. */
					buf_consume(&r->in, at);
				} else {
					buf_consume(&r->in, i + 4);
					r->resync = 1;
				}
				return FRAME_ERROR;
			}
			buf_consume(&r->in, i + 4);
			if (r->body_len > r->max_body) {
				size_t have = r->in.len < r->body_len
						      ? r->in.len
						      : r->body_len;

				err_set(e, ERR_TOO_BIG,
					"message of %zu bytes exceeds the limit of %zu bytes",
					r->body_len, r->max_body);
				buf_consume(&r->in, have);
				r->skip = r->body_len - have;
				return FRAME_ERROR;
			}
			r->in_body = 1;
		}
	}
}

void frame_write(struct buf *out, const char *body, size_t n)
{
	/* "Content-Length: " + 20 digits + "\r\n\r\n": one allocation. */
	buf_grow(out, 40 + n);
	buf_add(out, "Content-Length: ", 16);
	buf_add_uint(out, n);
	buf_add(out, "\r\n\r\n", 4);
	buf_add(out, body, n);
}
