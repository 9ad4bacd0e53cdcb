/*
 * Fuzz target: a provider's streamed response body, through the SSE parser
 * and the Anthropic or OpenAI event assembly, then written out as the
 * neutral content blocks, which must be valid JSON whatever came in.
 *
 * The first byte picks the wire (low bit) and the read size, so events split
 * everywhere.
 */
#include <stdint.h>
#include <stdlib.h>

#include "llm/sse.h"
#include "llm/wire.h"

struct ctx {
	const struct llm_wire *wire;
	struct llm_stream st;
};

static int on_event(const char *event, const char *data, size_t n, void *ud,
		    struct err *e)
{
	struct ctx *c = ud;

	return c->wire->event(&c->st, event, data, n, e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct llm_response res = { 0 };
	struct sse_parser p;
	struct ctx c;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct json_writer w;
	struct json_doc d = JSON_DOC_INIT;
	size_t step;

	if (size < 1)
		return 0;
	c.wire = data[0] & 1 ? &llm_wire_openai : &llm_wire_anthropic;
	step = (size_t)(data[0] >> 1) + 1;
	data++;
	size--;
	llm_stream_init(&c.st, &res, NULL, 1);
	sse_init(&p, 1 << 16);
	for (size_t off = 0; off < size; off += step) {
		size_t n = size - off < step ? size - off : step;

		if (sse_feed(&p, (const char *)data + off, n, on_event, &c,
			     &e) < 0)
			break;
	}
	json_writer_init(&w, &out);
	llm_write_content(&w, &res);
	if (json_parse(&d, out.ptr, out.len, 0, NULL) < 0)
		abort();
	json_doc_release(&d);
	buf_release(&out);
	sse_release(&p);
	llm_response_release(&res);
	err_clear(&e);
	return 0;
}
