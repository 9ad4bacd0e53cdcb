/*
 * sse: an incremental parser for text/event-stream (the WHATWG rules that the
 * Anthropic and OpenAI streams follow). Bytes go in as they arrive, split
 * anywhere (mid-line, mid-"\r\n", mid-UTF-8); each complete event comes out
 * once, on the blank line that ends it.
 */
#ifndef AIRUNNER_SSE_H
#define AIRUNNER_SSE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

/* event: the `event:` field ("message" when none was given); data: the
 * `data:` lines joined with "\n" (NUL-terminated, len given). Return 0, or
 * -1 with e filled to stop parsing. */
typedef int (*sse_event_fn)(const char *event, const char *data, size_t len,
			    void *ud, struct err *e);

struct sse_parser {
	struct buf line;  /* the line being read */
	struct buf event; /* the current event's name */
	struct buf data;  /* the current event's data */
	bool after_cr;    /* last byte was '\r': a following '\n' is the same
			   * line end */
	bool started;     /* past a possible BOM */
	bool have_data;
};

/* max: cap on one event's size (line + data); a bigger one is an error of
 * kind ERR_TOO_BIG. */
void sse_init(struct sse_parser *p, size_t max);
void sse_release(struct sse_parser *p);

/* Feeds n bytes; calls fn for each event completed. 0, or -1 on an
 * oversized event or when fn failed. */
int sse_feed(struct sse_parser *p, const char *s, size_t n, sse_event_fn fn,
	     void *ud, struct err *e);

#endif
