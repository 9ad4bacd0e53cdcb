/*
 * OpenAI Chat Completions: POST {base}/chat/completions, streamed as SSE
 * "data:" chunks ending with "data: [DONE]", or answered whole. Any
 * OpenAI-compatible server (vLLM, Ollama, llama.cpp, gateways) takes the
 * same requests.
 */
#include <stdlib.h>
#include <string.h>

#include "llm/wire.h"
#include "util/mem.h"

static void openai_auth(const char *key, char **out, int n)
{
	struct buf b = BUF_INIT;

	out[0] = NULL;
	if (key && n > 1) {
		buf_addf(&b, "Authorization: Bearer %s", key);
		out[0] = buf_detach(&b, NULL);
		out[1] = NULL;
	}
}

/* The text of a string or of the text blocks of an array, joined. */
static void join_text(const struct json_doc *d, int content, struct buf *out)
{
	if (json_type(d, content) == JSON_STRING) {
		json_str(d, content, out);
		return;
	}
	for (int b = json_first(d, content); b >= 0; b = json_next(d, b))
		if (json_str_eq(d, json_get(d, b, "type"), "text"))
			json_str(d, json_get(d, b, "text"), out);
}

static void write_user(struct json_writer *w, const struct json_doc *d,
		       int content)
{
	struct buf text = BUF_INIT;

	/* Tool results become "tool" messages, which must directly follow
	 * the assistant turn that asked for them. */
	for (int b = json_first(d, content);
	     json_type(d, content) == JSON_ARRAY && b >= 0;
	     b = json_next(d, b)) {
		struct buf res = BUF_INIT;

		if (!json_str_eq(d, json_get(d, b, "type"), "tool_result"))
			continue;
		join_text(d, json_get(d, b, "content"), &res);
		json_obj_begin(w);
		json_kv_str(w, "role", "tool");
		json_key(w, "tool_call_id");
		json_w_value(w, d, json_get(d, b, "tool_use_id"));
		json_key(w, "content");
		json_w_strn(w, res.ptr, res.len);
		json_obj_end(w);
		buf_release(&res);
	}
	join_text(d, content, &text);
	if (text.len || json_type(d, content) == JSON_STRING) {
		json_obj_begin(w);
		json_kv_str(w, "role", "user");
		json_key(w, "content");
		json_w_strn(w, text.ptr, text.len);
		json_obj_end(w);
	}
	buf_release(&text);
}

static void write_assistant(struct json_writer *w, const struct json_doc *d,
			    int content)
{
	struct buf text = BUF_INIT;
	bool calls = false;

	join_text(d, content, &text);
	json_obj_begin(w);
	json_kv_str(w, "role", "assistant");
	json_key(w, "content");
	if (text.len)
		json_w_strn(w, text.ptr, text.len);
	else
		json_w_null(w);
	for (int b = json_first(d, content);
	     json_type(d, content) == JSON_ARRAY && b >= 0;
	     b = json_next(d, b)) {
		const char *raw;
		size_t n;

		if (!json_str_eq(d, json_get(d, b, "type"), "tool_use"))
			continue;
		if (!calls) {
			json_key(w, "tool_calls");
			json_arr_begin(w);
			calls = true;
		}
		json_obj_begin(w);
		json_key(w, "id");
		json_w_value(w, d, json_get(d, b, "id"));
		json_kv_str(w, "type", "function");
		json_key(w, "function");
		json_obj_begin(w);
		json_key(w, "name");
		json_w_value(w, d, json_get(d, b, "name"));
		/* OpenAI takes the arguments as a JSON text in a string. */
		raw = json_raw(d, json_get(d, b, "input"), &n);
		json_key(w, "arguments");
		if (raw)
			json_w_strn(w, raw, n);
		else
			json_w_str(w, "{}");
		json_obj_end(w);
		json_obj_end(w);
	}
	if (calls)
		json_arr_end(w);
	json_obj_end(w);
	buf_release(&text);
}

static int openai_build(struct buf *out, const struct llm_request *r,
			const struct json_doc *msgs,
			const struct json_doc *tools, struct err *e)
{
	struct json_writer w;

	if (r->thinking_budget)
		return err_set(e, ERR_INVALID_PARAMS, "a thinking budget is "
			       "for Anthropic models; use reasoningEffort");
	json_writer_init(&w, out);
	json_obj_begin(&w);
	json_kv_str(&w, "model", r->model);
	json_key(&w, "messages");
	json_arr_begin(&w);
	if (r->n_system_blocks > 0) {
		struct buf sys = BUF_INIT;

		for (int b = 0; b < r->n_system_blocks; b++) {
			if (b)
				buf_adds(&sys, "\n\n");
			buf_adds(&sys, r->system_blocks[b].text);
		}
		json_obj_begin(&w);
		json_kv_str(&w, "role", "system");
		json_key(&w, "content");
		json_w_strn(&w, sys.ptr, sys.len);
		json_obj_end(&w);
		buf_release(&sys);
	} else if (r->system) {
		json_obj_begin(&w);
		json_kv_str(&w, "role", "system");
		json_kv_str(&w, "content", r->system);
		json_obj_end(&w);
	}
	for (int m = json_first(msgs, 0); m >= 0; m = json_next(msgs, m)) {
		int content = json_get(msgs, m, "content");

		if (json_str_eq(msgs, json_get(msgs, m, "role"), "user"))
			write_user(&w, msgs, content);
		else
			write_assistant(&w, msgs, content);
	}
	json_arr_end(&w);
	if (r->max_tokens)
		json_kv_int(&w, "max_completion_tokens", r->max_tokens);
	if (r->has_temperature)
		json_kv_double(&w, "temperature", r->temperature);
	if (r->reasoning_effort)
		json_kv_str(&w, "reasoning_effort", r->reasoning_effort);
	if (tools) {
		json_key(&w, "tools");
		json_arr_begin(&w);
		for (int t = json_first(tools, 0); t >= 0;
		     t = json_next(tools, t)) {
			int schema = json_get(tools, t, "input_schema");

			json_obj_begin(&w);
			json_kv_str(&w, "type", "function");
			json_key(&w, "function");
			json_obj_begin(&w);
			json_key(&w, "name");
			json_w_value(&w, tools, json_get(tools, t, "name"));
			if (json_get(tools, t, "description") >= 0) {
				json_key(&w, "description");
				json_w_value(&w, tools,
					     json_get(tools, t, "description"));
			}
			json_key(&w, "parameters");
			if (schema >= 0)
				json_w_value(&w, tools, schema);
			else
				json_w_raw(&w, "{\"type\":\"object\"}", 17);
			json_obj_end(&w);
			json_obj_end(&w);
		}
		json_arr_end(&w);
	}
	if (r->json_schema) {
		json_key(&w, "response_format");
		json_obj_begin(&w);
		json_kv_str(&w, "type", "json_schema");
		json_key(&w, "json_schema");
		json_w_raw(&w, r->json_schema, r->json_schema_len);
		json_obj_end(&w);
	}
	if (r->stream) {
		json_kv_bool(&w, "stream", true);
		json_key(&w, "stream_options");
		json_obj_begin(&w);
		json_kv_bool(&w, "include_usage", true);
		json_obj_end(&w);
	}
	json_obj_end(&w);
	return 0;
}

static void read_usage(const struct json_doc *d, int u, struct llm_usage *out)
{
	int64_t prompt = 0, cached = 0;

	if (u < 0)
		return;
	wire_get_int(d, u, "prompt_tokens", &prompt);
	wire_get_int(d, u, "completion_tokens", &out->output);
	wire_get_int(d, json_get(d, u, "prompt_tokens_details"),
		     "cached_tokens", &cached);
	/* A compatible server may report more cached than prompt tokens. */
	if (cached > prompt)
		cached = prompt;
	out->cache_read = cached;
	out->input = prompt - cached;
}

/* The block `*slot` names, created (and *slot set) on first use. */
static struct llm_block *slot_block(struct llm_stream *s, int *slot,
				    enum llm_block_type type)
{
	if (*slot < 0) {
		llm_response_add(s->res, type);
		*slot = s->res->nblocks - 1;
	}
	return &s->res->blocks[*slot];
}

static int add_text(struct llm_stream *s, int *slot,
		    enum llm_block_type type, const struct json_doc *d, int v,
		    struct err *e)
{
	struct llm_block *b;

	if (json_type(d, v) != JSON_STRING)
		return 0;
	b = slot_block(s, slot, type);
	return llm_stream_add(s, *slot, &b->text, d, v, true, e);
}

static int add_tool_calls(struct llm_stream *s, const struct json_doc *d,
			  int calls, struct err *e)
{
	int pos = 0;

	for (int c = json_first(d, calls); c >= 0; c = json_next(d, c), pos++) {
		int64_t idx = pos;
		int fn = json_get(d, c, "function");
		struct llm_block *b;

		wire_get_int(d, c, "index", &idx);
		if (idx < 0 || idx >= WIRE_MAX_TOOL_CALLS)
			return err_set(e, ERR_LLM, "tool call index %lld "
				       "out of range", (long long)idx);
		b = slot_block(s, &s->tool_block[idx], LLM_BLOCK_TOOL_USE);
		wire_get_str(d, c, "id", &b->id);
		wire_get_str(d, fn, "name", &b->name);
		if (add_text(s, &s->tool_block[idx], LLM_BLOCK_TOOL_USE, d,
			     json_get(d, fn, "arguments"), e) < 0)
			return -1;
	}
	return 0;
}

/* One choice's message (whole) or delta (streamed): the same fields. */
static int read_choice(struct llm_stream *s, const struct json_doc *d,
		       int choice, int msg, struct err *e)
{
	if (add_text(s, &s->thinking_block, LLM_BLOCK_THINKING, d,
		     json_get(d, msg, "reasoning_content"), e) < 0 ||
	    add_text(s, &s->text_block, LLM_BLOCK_TEXT, d,
		     json_get(d, msg, "content"), e) < 0 ||
	    add_tool_calls(s, d, json_get(d, msg, "tool_calls"), e) < 0)
		return -1;
	if (json_type(d, json_get(d, choice, "finish_reason")) == JSON_STRING)
		wire_get_str(d, choice, "finish_reason", &s->res->stop_reason);
	return 0;
}

static int read_chunk(struct llm_stream *s, const char *data, size_t n,
		      bool whole, struct err *e)
{
	struct json_doc d = JSON_DOC_INIT;
	int choice, rc = -1;

	if (json_parse(&d, data, n, JSON_MAX_DEPTH_DEFAULT, e) < 0)
		goto out;
	if (json_get(&d, 0, "error") >= 0) {
		struct buf msg = BUF_INIT;

		s->res->status = 500;
		wire_error_body(&d, s->res, &msg);
		err_set(e, ERR_LLM, "stream error: %s", msg.ptr);
		buf_release(&msg);
		goto out;
	}
	wire_get_str(&d, 0, "id", &s->res->id);
	wire_get_str(&d, 0, "model", &s->res->model);
	read_usage(&d, json_get(&d, 0, "usage"), &s->res->usage);
	choice = json_first(&d, json_get(&d, 0, "choices"));
	if (whole && choice < 0) {
		err_set(e, ERR_LLM, "response has no choices");
		goto out;
	}
	if (choice >= 0 &&
	    read_choice(s, &d, choice,
			json_get(&d, choice, whole ? "message" : "delta"),
			e) < 0)
		goto out;
	rc = 0;
out:
	json_doc_release(&d);
	return rc;
}

static int openai_parse(struct llm_response *res, const char *body, size_t n,
			struct err *e)
{
	struct llm_stream s;

	llm_stream_init(&s, res, NULL, 0);
	return read_chunk(&s, body, n, true, e);
}

static int openai_event(struct llm_stream *s, const char *event,
			const char *data, size_t n, struct err *e)
{
	if (n == 6 && !memcmp(data, "[DONE]", 6)) {
		s->done = true;
		return 0;
	}
	return read_chunk(s, data, n, false, e);
}

const struct llm_wire llm_wire_openai = {
	.path = "/chat/completions",
	.auth_headers = openai_auth,
	.build = openai_build,
	.parse = openai_parse,
	.event = openai_event,
};
