/*
 * frame: LSP base-protocol framing, `Content-Length: N\r\n\r\n` + N bytes.
 *
 * The reader is resumable (its state lives with the connection) and never
 * re-scans what it has already looked at. It enforces its limits before
 * allocating: a header section over FRAME_MAX_HEADER bytes or a body over
 * `max_body` is refused without buffering it. A broken header is reported and
 * the reader resynchronises on the next `Content-Length:` so that one bad
 * frame costs one error, not the connection.
 */
#ifndef AIRUNNER_FRAME_H
#define AIRUNNER_FRAME_H

#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

#define FRAME_MAX_HEADER 8192
#define FRAME_DEFAULT_MAX_BODY ((size_t)64 << 20)

struct frame_reader {
	struct buf in;     /* unconsumed bytes */
	size_t max_body;
	size_t body_len;   /* valid while in_body */
	size_t skip;       /* body bytes still to discard (oversized frame) */
	size_t scanned;    /* header bytes already searched for \r\n\r\n */
	int in_body;
	int resync;        /* discarding garbage up to the next header */
};

void frame_reader_init(struct frame_reader *r, size_t max_body);
void frame_reader_release(struct frame_reader *r);
/* Appends received bytes. */
void frame_reader_feed(struct frame_reader *r, const char *data, size_t n);

enum frame_status {
	FRAME_NEED_MORE = 0, /* no complete frame buffered */
	FRAME_BODY = 1,      /* body and len give one frame's body; valid until
				the next frame_reader_* call */
	FRAME_ERROR = 2,     /* a framing error to report (e filled); call
				again: the reader has skipped past it */
};

enum frame_status frame_reader_next(struct frame_reader *r, const char **body,
				    size_t *len, struct err *e);

/* Appends a framed message to out. */
void frame_write(struct buf *out, const char *body, size_t n);

#endif
