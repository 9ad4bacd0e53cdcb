/*
 * wire: what the driver (llm.c) needs from a provider's wire format, and
 * the helpers the formats share (wire.c). Private to llm/.
 */
#ifndef AIRUNNER_LLM_WIRE_H
#define AIRUNNER_LLM_WIRE_H

#include "llm/llm.h"

#define WIRE_MAX_TOOL_CALLS 128

/* Assembly state of one streamed attempt. */
struct llm_stream {
	struct llm_response *res; /* borrowed */
	const struct llm_callbacks *cb;
	int attempt;
	bool done; /* the stream's end marker was seen */
	/* What the blocks hold so far (text, thinking, tool input, redacted
	 * data, signatures), and the most they may: an append past it fails
	 * with over_cap set, for the driver to name its setting. 0: no cap
	 * (a whole response: its body is capped instead). */
	size_t text_bytes, max_text;
	bool over_cap;
	/* OpenAI: the block each kind of delta goes to, or -1. */
	int text_block;
	int thinking_block;
	int tool_block[WIRE_MAX_TOOL_CALLS];
};

struct llm_wire {
	const char *path; /* appended to the base URL */
	/* "Name: value" header lines for the key (NULL: no key). Each is
	 * written into out, at most n lines, NULL-terminated; the strings
	 * are malloc'd (they hold the secret; freed by the caller after
	 * wiping). */
	void (*auth_headers)(const char *key, char **out, int n);
	/* The request body (appended to out), from r and its messages and
	 * tools already parsed and checked by wire_parse_request() (tools
	 * NULL when there are none). ERR_INVALID_PARAMS for a bad request. */
	int (*build)(struct buf *out, const struct llm_request *r,
		     const struct json_doc *msgs, const struct json_doc *tools,
		     struct err *e);
	/* A whole (non-streamed) response body into res. */
	int (*parse)(struct llm_response *res, const char *body, size_t n,
		     struct err *e);
	/* One SSE event of a streamed response. On an error event it sets
	 * res->status (the HTTP status the error stands for) and
	 * res->error_type, and fails. */
	int (*event)(struct llm_stream *s, const char *event,
		     const char *data, size_t n, struct err *e);
};

extern const struct llm_wire llm_wire_anthropic;
extern const struct llm_wire llm_wire_openai;

/* Each block type's name in the neutral (and Anthropic) shape, and the
 * member holding its text; indexed by enum llm_block_type. */
struct wire_block_kind {
	const char *name;
	const char *field; /* NULL: tool_use, whose input is JSON */
};
extern const struct wire_block_kind wire_block_kinds[];
#define WIRE_BLOCK_KINDS 4

/* Shared helpers (wire.c). */
struct llm_block *llm_response_add(struct llm_response *res,
				   enum llm_block_type type);
/* Empties res for another attempt (the request ids stay). */
void llm_response_reset(struct llm_response *res);
void llm_response_release(struct llm_response *res);
/* Readies s for a new attempt (cb may be NULL: no deltas). */
void llm_stream_init(struct llm_stream *s, struct llm_response *res,
		     const struct llm_callbacks *cb, int attempt);
/* Appends string value v of d (nothing when v is not a string), or the
 * raw bytes p/n, to `into`: the text or signature of block `index`. The
 * bytes are counted against max_text, and a text append goes to the
 * consumer as a delta when `delta` is set. Past max_text, or past the
 * buf's own cap, the call fails: nothing is ever cut. */
int llm_stream_add(struct llm_stream *s, int index, struct buf *into,
		   const struct json_doc *d, int v, bool delta,
		   struct err *e);
int llm_stream_add_raw(struct llm_stream *s, int index, struct buf *into,
		       const char *p, size_t n, struct err *e);
/* Reads int64 member `key` of obj into *out if present. */
void wire_get_int(const struct json_doc *d, int obj, const char *key,
		  int64_t *out);
/* Replaces *dst with the string member `key` of obj, if present. */
void wire_get_str(const struct json_doc *d, int obj, const char *key,
		  char **dst);
/* Parses and checks the request's neutral messages (a non-empty array of
 * {role: user|assistant, content: string|array of block objects}) and
 * tools (an array of named objects, or none): ERR_INVALID_PARAMS when they
 * are not. The docs are released by the caller either way. */
int wire_parse_request(struct json_doc *msgs, struct json_doc *tools,
		       const struct llm_request *r, struct err *e);
/* Parses, then builds with w: the two steps in one. */
int wire_build(const struct llm_wire *w, struct buf *out,
	       const struct llm_request *r, struct err *e);
/* An error event or body: {"error": {"type", "message"}} sets
 * res->error_type and appends the message to msg. */
void wire_error_body(const struct json_doc *d, struct llm_response *res,
		     struct buf *msg);

#endif
