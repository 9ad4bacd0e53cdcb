/*
 * What every wire format shares: the response being assembled, streamed
 * deltas, small JSON getters, the neutral request's checks, and writing a
 * response back out in the neutral shape.
 */
#include <stdlib.h>
#include <string.h>

#include "llm/wire.h"
#include "util/mem.h"

/* ---- responses ---- */

struct llm_block *llm_response_add(struct llm_response *res,
				   enum llm_block_type type)
{
	struct llm_block *b;

	res->blocks = xrealloc(res->blocks,
			       (size_t)(res->nblocks + 1) * sizeof(*b));
	b = &res->blocks[res->nblocks++];
	memset(b, 0, sizeof(*b));
	b->type = type;
	buf_init(&b->text, BUF_DEFAULT_MAX);
	buf_init(&b->signature, 1 << 20);
	return b;
}

/* Drops what an attempt produced; attempts and request ids stay. */
void llm_response_reset(struct llm_response *res)
{
	for (int i = 0; i < res->nblocks; i++) {
		buf_release(&res->blocks[i].text);
		buf_release(&res->blocks[i].signature);
		free(res->blocks[i].id);
		free(res->blocks[i].name);
	}
	free(res->blocks);
	free(res->id);
	free(res->model);
	free(res->stop_reason);
	free(res->error_type);
	res->blocks = NULL;
	res->nblocks = 0;
	res->id = res->model = res->stop_reason = res->error_type = NULL;
	memset(&res->usage, 0, sizeof(res->usage));
	res->status = 0;
}

void llm_response_release(struct llm_response *res)
{
	llm_response_reset(res);
	for (int i = 0; i < res->n_request_ids; i++)
		free(res->request_ids[i]);
	memset(res, 0, sizeof(*res));
}

void llm_stream_init(struct llm_stream *s, struct llm_response *res,
		     const struct llm_callbacks *cb, int attempt)
{
	memset(s, 0, sizeof(*s));
	s->res = res;
	s->cb = cb;
	s->attempt = attempt;
	s->text_block = s->thinking_block = -1;
	for (int i = 0; i < WIRE_MAX_TOOL_CALLS; i++)
		s->tool_block[i] = -1;
}

/* into refused n more bytes: the stream's cap passed (a text buf's own
 * cap, BUF_DEFAULT_MAX, is never under max_text), or a signature's. */
static int stream_refused(struct llm_stream *s, int index,
			  const struct buf *into, size_t n, struct err *e)
{
	if (s->max_text && s->text_bytes + n > s->max_text) {
		s->over_cap = true;
		return err_set(e, ERR_LLM, "the completion passed %zu bytes",
			       s->max_text);
	}
	return err_set(e, ERR_LLM, "block %d: %s over %zu bytes", index,
		       into == &s->res->blocks[index].signature
			       ? "the signature"
			       : "the text",
		       into->max);
}

/* Counts what was just appended to into (from `before` on), and passes
 * text on to the consumer. */
static int stream_took(struct llm_stream *s, int index, struct buf *into,
		       size_t before, bool delta, struct err *e)
{
	const struct llm_block *b = &s->res->blocks[index];
	size_t n = into->len - before;

	s->text_bytes += n;
	if (s->max_text && s->text_bytes > s->max_text) {
		s->over_cap = true;
		return err_set(e, ERR_LLM, "the completion passed %zu bytes",
			       s->max_text);
	}
	if (n && delta && into == &b->text && s->cb && s->cb->on_delta)
		s->cb->on_delta(b->type, index, into->ptr + before, n,
				s->attempt, s->cb->ud);
	return 0;
}

int llm_stream_add(struct llm_stream *s, int index, struct buf *into,
		   const struct json_doc *d, int v, bool delta,
		   struct err *e)
{
	size_t before = into->len, raw = 0;

	if (json_type(d, v) != JSON_STRING)
		return 0;
	if (json_str(d, v, into) < 0) {
		/* The escaped form is never shorter than the decoded. */
		json_raw(d, v, &raw);
		buf_truncate(into, before);
		return stream_refused(s, index, into, raw, e);
	}
	return stream_took(s, index, into, before, delta, e);
}

int llm_stream_add_raw(struct llm_stream *s, int index, struct buf *into,
		       const char *p, size_t n, struct err *e)
{
	size_t before = into->len;

	if (buf_add(into, p, n) < 0)
		return stream_refused(s, index, into, n, e);
	return stream_took(s, index, into, before, false, e);
}

void wire_get_int(const struct json_doc *d, int obj, const char *key,
		  int64_t *out)
{
	int64_t v;

	if (json_int64(d, json_get(d, obj, key), &v) == 0)
		*out = v;
}

void wire_get_str(const struct json_doc *d, int obj, const char *key,
		  char **dst)
{
	char *s = json_strdup(d, json_get(d, obj, key));

	if (s) {
		free(*dst);
		*dst = s;
	}
}

void wire_error_body(const struct json_doc *d, struct llm_response *res,
		     struct buf *msg)
{
	int err = json_get(d, 0, "error");

	/* OpenAI's error has "type" and sometimes only "code". */
	wire_get_str(d, err, "code", &res->error_type);
	wire_get_str(d, err, "type", &res->error_type);
	if (json_str(d, json_get(d, err, "message"), msg) < 0 &&
	    json_type(d, err) == JSON_STRING)
		json_str(d, err, msg);
}

int wire_parse_request(struct json_doc *msgs, struct json_doc *tools,
		       const struct llm_request *r, struct err *e)
{
	int i = 0;

	if (!r->messages_json ||
	    json_parse(msgs, r->messages_json, r->messages_len, 64, e) < 0 ||
	    json_type(msgs, 0) != JSON_ARRAY || json_count(msgs, 0) == 0) {
		err_clear(e);
		return err_set(e, ERR_INVALID_PARAMS,
			       "messages: a non-empty JSON array is needed");
	}
	for (int m = json_first(msgs, 0); m >= 0; m = json_next(msgs, m), i++) {
		int role = json_get(msgs, m, "role");
		int content = json_get(msgs, m, "content"), k = 0;
		enum json_type ct = json_type(msgs, content);

		if (!json_str_eq(msgs, role, "user") &&
		    !json_str_eq(msgs, role, "assistant"))
			return err_set(e, ERR_INVALID_PARAMS, "messages[%d]: "
				       "role must be user or assistant", i);
		if (ct != JSON_STRING && ct != JSON_ARRAY)
			return err_set(e, ERR_INVALID_PARAMS, "messages[%d]: "
				       "content must be a string or an array "
				       "of blocks", i);
		/* A block that is not an object would be dropped (OpenAI) or
		 * sent malformed (a cache breakpoint on it). */
		for (int b = ct == JSON_ARRAY ? json_first(msgs, content) : -1;
		     b >= 0; b = json_next(msgs, b), k++)
			if (json_type(msgs, b) != JSON_OBJECT)
				return err_set(e, ERR_INVALID_PARAMS,
					       "messages[%d].content[%d]: a "
					       "block must be an object", i, k);
	}
	if (!r->tools_json)
		return 0;
	if (json_parse(tools, r->tools_json, r->tools_len, 64, e) < 0 ||
	    json_type(tools, 0) != JSON_ARRAY) {
		err_clear(e);
		return err_set(e, ERR_INVALID_PARAMS, "tools: not an array");
	}
	i = 0;
	for (int t = json_first(tools, 0); t >= 0; t = json_next(tools, t), i++)
		if (json_type(tools, json_get(tools, t, "name")) != JSON_STRING)
			return err_set(e, ERR_INVALID_PARAMS,
				       "tools[%d]: a name is needed", i);
	return 0;
}

int wire_build(const struct llm_wire *w, struct buf *out,
	       const struct llm_request *r, struct err *e)
{
	struct json_doc msgs = JSON_DOC_INIT, tools = JSON_DOC_INIT;
	int rc = -1;

	if (wire_parse_request(&msgs, &tools, r, e) == 0)
		rc = w->build(out, r, &msgs, r->tools_json ? &tools : NULL, e);
	json_doc_release(&msgs);
	json_doc_release(&tools);
	return rc;
}

const struct wire_block_kind wire_block_kinds[WIRE_BLOCK_KINDS] = {
	[LLM_BLOCK_TEXT] = { "text", "text" },
	[LLM_BLOCK_THINKING] = { "thinking", "thinking" },
	[LLM_BLOCK_REDACTED_THINKING] = { "redacted_thinking", "data" },
	[LLM_BLOCK_TOOL_USE] = { "tool_use", NULL },
};

void llm_write_content(struct json_writer *w, const struct llm_response *res)
{
	json_arr_begin(w);
	for (int i = 0; i < res->nblocks; i++) {
		const struct llm_block *b = &res->blocks[i];
		const struct wire_block_kind *k = &wire_block_kinds[b->type];
		struct json_doc d = JSON_DOC_INIT;
		struct err e = ERR_INIT;

		json_obj_begin(w);
		json_kv_str(w, "type", k->name);
		if (k->field) {
			json_key(w, k->field);
			json_w_strn(w, b->text.ptr, b->text.len);
		}
		if (b->signature.len)
			json_kv_str(w, "signature", b->signature.ptr);
		if (b->type == LLM_BLOCK_TOOL_USE) {
			json_kv_str(w, "id", b->id ? b->id : "");
			json_kv_str(w, "name", b->name ? b->name : "");
			json_key(w, "input");
			/* The input came as JSON text; a model may still
			 * produce a broken one, which is passed on as a
			 * string rather than dropped. */
			if (!b->text.len)
				json_w_raw(w, "{}", 2);
			else if (json_parse(&d, b->text.ptr, b->text.len,
					    JSON_MAX_DEPTH_DEFAULT, &e) == 0)
				json_w_value(w, &d, 0);
			else
				json_w_strn(w, b->text.ptr, b->text.len);
		}
		json_obj_end(w);
		json_doc_release(&d);
		err_clear(&e);
	}
	json_arr_end(w);
}

void llm_write_usage(struct json_writer *w, const struct llm_usage *u)
{
	json_obj_begin(w);
	json_kv_int(w, "input", u->input);
	json_kv_int(w, "output", u->output);
	json_kv_int(w, "cacheWrite", u->cache_write);
	json_kv_int(w, "cacheWrite1h", u->cache_write_1h);
	json_kv_int(w, "cacheRead", u->cache_read);
	json_obj_end(w);
}

