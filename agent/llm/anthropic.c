/*
 * The Anthropic Messages API: POST /v1/messages, streamed as SSE events
 * (message_start, content_block_start/delta/stop, message_delta,
 * message_stop, ping, error) or answered whole.
 */
#include <stdlib.h>
#include <string.h>

#include "llm/wire.h"
#include "util/mem.h"

#define ANTHROPIC_VERSION "2023-06-01"
#define DEFAULT_MAX_TOKENS 4096
#define MIN_THINKING_BUDGET 1024
/* Far above any model's output, and low enough that the default
 * max_tokens (budget + DEFAULT_MAX_TOKENS) cannot overflow. */
#define MAX_THINKING_BUDGET (1 << 30)

static void anthropic_auth(const char *key, char **out, int n)
{
	struct buf b = BUF_INIT;

	out[0] = xstrdup("anthropic-version: " ANTHROPIC_VERSION);
	out[1] = NULL;
	if (key && n > 2) {
		buf_addf(&b, "x-api-key: %s", key);
		out[1] = buf_detach(&b, NULL);
		out[2] = NULL;
	}
}

static void cache_control(struct json_writer *w, bool ttl_1h)
{
	json_key(w, "cache_control");
	json_obj_begin(w);
	json_kv_str(w, "type", "ephemeral");
	if (ttl_1h)
		json_kv_str(w, "ttl", "1h");
	json_obj_end(w);
}

/* Copies object v with a cache_control member set. */
static void copy_with_cache(struct json_writer *w, const struct json_doc *d,
			    int v, bool ttl_1h)
{
	json_obj_begin(w);
	for (int k = json_first(d, v); k >= 0; k = json_next(d, k)) {
		char *name = json_strdup(d, k);

		if (name && strcmp(name, "cache_control")) {
			json_key(w, name);
			json_w_value(w, d, json_member_value(d, k));
		}
		free(name);
	}
	cache_control(w, ttl_1h);
	json_obj_end(w);
}

static bool marked(const struct llm_request *r, int i, int n)
{
	for (int k = 0; k < r->n_cache_messages; k++) {
		int m = r->cache_messages[k];

		if (m == i || (m < 0 && n + m == i))
			return true;
	}
	return false;
}

/* A message's content, with a breakpoint on its last block if asked. */
static int write_message(struct json_writer *w, const struct json_doc *d,
			 int msg, bool cache, bool ttl_1h)
{
	int content = json_get(d, msg, "content");
	int last = -1;

	json_obj_begin(w);
	json_key(w, "role");
	json_w_value(w, d, json_get(d, msg, "role"));
	json_key(w, "content");
	if (!cache) {
		json_w_value(w, d, content);
	} else if (json_type(d, content) == JSON_STRING) {
		json_arr_begin(w);
		json_obj_begin(w);
		json_kv_str(w, "type", "text");
		json_key(w, "text");
		json_w_value(w, d, content);
		cache_control(w, ttl_1h);
		json_obj_end(w);
		json_arr_end(w);
	} else {
		json_arr_begin(w);
		for (int b = json_first(d, content); b >= 0; b = json_next(d, b))
			last = b;
		for (int b = json_first(d, content); b >= 0;
		     b = json_next(d, b)) {
			if (b == last)
				copy_with_cache(w, d, b, ttl_1h);
			else
				json_w_value(w, d, b);
		}
		json_arr_end(w);
	}
	json_obj_end(w);
	return 0;
}

static int anthropic_build(struct buf *out, const struct llm_request *r,
			   const struct json_doc *msgs,
			   const struct json_doc *tools, struct err *e)
{
	struct json_writer w;
	int64_t max_tokens = r->max_tokens;
	int n, i;

	if (r->thinking_budget) {
		if (r->thinking_budget < MIN_THINKING_BUDGET) {
			return err_set(e, ERR_INVALID_PARAMS,
				"thinking budget %lld under the minimum %d",
				(long long)r->thinking_budget,
				MIN_THINKING_BUDGET);
		}
		if (r->thinking_budget > MAX_THINKING_BUDGET) {
			return err_set(e, ERR_INVALID_PARAMS,
				"thinking budget %lld over the maximum %d",
				(long long)r->thinking_budget,
				MAX_THINKING_BUDGET);
		}
		if (!max_tokens)
			max_tokens = r->thinking_budget + DEFAULT_MAX_TOKENS;
		if (max_tokens <= r->thinking_budget) {
			return err_set(e, ERR_INVALID_PARAMS,
				"max_tokens %lld must be above the thinking "
				"budget %lld", (long long)max_tokens,
				(long long)r->thinking_budget);
		}
		if (r->has_temperature && r->temperature != 1.0) {
			return err_set(e, ERR_INVALID_PARAMS,
				"extended thinking needs temperature 1");
		}
	}
	if (!max_tokens)
		max_tokens = DEFAULT_MAX_TOKENS;
	n = json_count(msgs, 0);
	for (i = 0; i < r->n_cache_messages; i++) {
		int m = r->cache_messages[i], msg, content;

		if (m >= n || m < -n) {
			return err_set(e, ERR_INVALID_PARAMS,
				"cache breakpoint on message %d of %d", m, n);
		}
		msg = json_first(msgs, 0);
		for (int k = m < 0 ? n + m : m; k > 0; k--)
			msg = json_next(msgs, msg);
		content = json_get(msgs, msg, "content");
		/* The breakpoint goes on the last block (every block is an
		 * object: wire_parse_request); none means nowhere to put it. */
		if (json_type(msgs, content) == JSON_ARRAY &&
		    json_count(msgs, content) == 0) {
			return err_set(e, ERR_INVALID_PARAMS,
				"cache breakpoint on message %d, which has "
				"no content block", m);
		}
	}

	json_writer_init(&w, out);
	json_obj_begin(&w);
	json_kv_str(&w, "model", r->model);
	json_kv_int(&w, "max_tokens", max_tokens);
	if (r->n_system_blocks > 0) {
		json_key(&w, "system");
		json_arr_begin(&w);
		for (i = 0; i < r->n_system_blocks; i++) {
			json_obj_begin(&w);
			json_kv_str(&w, "type", "text");
			json_kv_str(&w, "text", r->system_blocks[i].text);
			if (r->system_blocks[i].cache)
				cache_control(&w, r->cache_ttl_1h);
			json_obj_end(&w);
		}
		json_arr_end(&w);
	} else if (r->system) {
		json_key(&w, "system");
		json_arr_begin(&w);
		json_obj_begin(&w);
		json_kv_str(&w, "type", "text");
		json_kv_str(&w, "text", r->system);
		if (r->cache_system)
			cache_control(&w, r->cache_ttl_1h);
		json_obj_end(&w);
		json_arr_end(&w);
	}
	json_key(&w, "messages");
	json_arr_begin(&w);
	i = 0;
	for (int m = json_first(msgs, 0); m >= 0; m = json_next(msgs, m), i++)
		write_message(&w, msgs, m, marked(r, i, n), r->cache_ttl_1h);
	json_arr_end(&w);
	if (tools) {
		int last = -1;

		for (int t = json_first(tools, 0); t >= 0;
		     t = json_next(tools, t))
			last = t;
		json_key(&w, "tools");
		json_arr_begin(&w);
		for (int t = json_first(tools, 0); t >= 0;
		     t = json_next(tools, t)) {
			if (t == last && r->cache_tools &&
			    json_type(tools, t) == JSON_OBJECT)
				copy_with_cache(&w, tools, t,
						r->cache_ttl_1h);
			else
				json_w_value(&w, tools, t);
		}
		json_arr_end(&w);
	}
	if (r->thinking_budget) {
		json_key(&w, "thinking");
		json_obj_begin(&w);
		json_kv_str(&w, "type", "enabled");
		json_kv_int(&w, "budget_tokens", r->thinking_budget);
		json_obj_end(&w);
		json_kv_double(&w, "temperature", 1.0);
	} else if (r->has_temperature) {
		json_kv_double(&w, "temperature", r->temperature);
	}
	if (r->stream)
		json_kv_bool(&w, "stream", true);
	json_obj_end(&w);
	return 0;
}

static void read_usage(const struct json_doc *d, int u, struct llm_usage *out)
{
	int64_t in = -1;

	if (u < 0)
		return;
	wire_get_int(d, u, "input_tokens", &out->input);
	wire_get_int(d, u, "output_tokens", &out->output);
	wire_get_int(d, u, "cache_creation_input_tokens", &out->cache_write);
	wire_get_int(d, u, "cache_read_input_tokens", &out->cache_read);
	wire_get_int(d, json_get(d, u, "cache_creation"),
		     "ephemeral_1h_input_tokens", &in);
	if (in >= 0)
		out->cache_write_1h = in;
}

/* A content block as the API wrote it, appended to the response. */
static int read_block(struct llm_stream *s, const struct json_doc *d, int v,
		      struct err *e)
{
	int t = json_get(d, v, "type");

	for (int i = 0; i < WIRE_BLOCK_KINDS; i++) {
		const struct wire_block_kind *k = &wire_block_kinds[i];
		struct llm_block *b;
		int index;
		size_t n;
		const char *raw;

		if (!json_str_eq(d, t, k->name))
			continue;
		b = llm_response_add(s->res, (enum llm_block_type)i);
		index = s->res->nblocks - 1;
		if (k->field && llm_stream_add(s, index, &b->text, d,
					       json_get(d, v, k->field),
					       false, e) < 0)
			return -1;
		if (llm_stream_add(s, index, &b->signature, d,
				   json_get(d, v, "signature"), false, e) < 0)
			return -1;
		wire_get_str(d, v, "id", &b->id);
		wire_get_str(d, v, "name", &b->name);
		if (i == LLM_BLOCK_TOOL_USE) {
			raw = json_raw(d, json_get(d, v, "input"), &n);
			/* A streamed tool_use starts with "input": {} and
			 * gets its input from deltas. */
			if (raw && !(n == 2 && !memcmp(raw, "{}", 2)) &&
			    llm_stream_add_raw(s, index, &b->text, raw, n,
					       e) < 0)
				return -1;
		}
		return 0;
	}
	return err_set(e, ERR_LLM, "unknown content block type");
}

static int anthropic_parse(struct llm_response *res, const char *body,
			   size_t n, struct err *e)
{
	struct json_doc d = JSON_DOC_INIT;
	struct llm_stream s;
	int content, rc = -1;

	llm_stream_init(&s, res, NULL, 0);
	if (json_parse(&d, body, n, JSON_MAX_DEPTH_DEFAULT, e) < 0)
		goto out;
	if (!json_str_eq(&d, json_get(&d, 0, "type"), "message")) {
		err_set(e, ERR_LLM, "response is not a message");
		goto out;
	}
	wire_get_str(&d, 0, "id", &res->id);
	wire_get_str(&d, 0, "model", &res->model);
	wire_get_str(&d, 0, "stop_reason", &res->stop_reason);
	read_usage(&d, json_get(&d, 0, "usage"), &res->usage);
	content = json_get(&d, 0, "content");
	for (int b = json_first(&d, content); b >= 0; b = json_next(&d, b))
		if (read_block(&s, &d, b, e) < 0)
			goto out;
	rc = 0;
out:
	json_doc_release(&d);
	return rc;
}

static long error_status(const struct json_doc *d, int err)
{
	int t = json_get(d, err, "type");

	if (json_str_eq(d, t, "overloaded_error"))
		return 529;
	if (json_str_eq(d, t, "rate_limit_error"))
		return 429;
	if (json_str_eq(d, t, "api_error"))
		return 500;
	return 400;
}

static int on_delta(struct llm_stream *s, const struct json_doc *d, int index,
		    int delta, struct err *e)
{
	struct llm_block *b = &s->res->blocks[index];
	int t = json_get(d, delta, "type");
	static const char *const text[][2] = {
		{ "text_delta", "text" },
		{ "thinking_delta", "thinking" },
		{ "input_json_delta", "partial_json" },
	};

	for (size_t i = 0; i < sizeof(text) / sizeof(text[0]); i++)
		if (json_str_eq(d, t, text[i][0]))
			return llm_stream_add(s, index, &b->text, d,
					      json_get(d, delta, text[i][1]),
					      true, e);
	if (json_str_eq(d, t, "signature_delta"))
		return llm_stream_add(s, index, &b->signature, d,
				      json_get(d, delta, "signature"), false,
				      e);
	return 0;
}

static int anthropic_event(struct llm_stream *s, const char *event,
			   const char *data, size_t n, struct err *e)
{
	struct json_doc d = JSON_DOC_INIT;
	struct llm_response *res = s->res;
	int type, rc = -1;
	int64_t index = -1;

	if (json_parse(&d, data, n, JSON_MAX_DEPTH_DEFAULT, e) < 0) {
		err_prefix(e, "stream event %s", event);
		goto out;
	}
	type = json_get(&d, 0, "type");
	wire_get_int(&d, 0, "index", &index);
	if (json_str_eq(&d, type, "message_start")) {
		int m = json_get(&d, 0, "message");

		wire_get_str(&d, m, "id", &res->id);
		wire_get_str(&d, m, "model", &res->model);
		read_usage(&d, json_get(&d, m, "usage"), &res->usage);
	} else if (json_str_eq(&d, type, "content_block_start")) {
		if (index != res->nblocks) {
			err_set(e, ERR_LLM, "stream: block %lld out of "
				"order", (long long)index);
			goto out;
		}
		if (read_block(s, &d, json_get(&d, 0, "content_block"),
			       e) < 0)
			goto out;
	} else if (json_str_eq(&d, type, "content_block_delta")) {
		if (index < 0 || index >= res->nblocks) {
			err_set(e, ERR_LLM, "stream: delta for unknown "
				"block %lld", (long long)index);
			goto out;
		}
		if (on_delta(s, &d, (int)index, json_get(&d, 0, "delta"),
			     e) < 0)
			goto out;
	} else if (json_str_eq(&d, type, "message_delta")) {
		wire_get_str(&d, json_get(&d, 0, "delta"), "stop_reason",
			     &res->stop_reason);
		read_usage(&d, json_get(&d, 0, "usage"), &res->usage);
	} else if (json_str_eq(&d, type, "message_stop")) {
		s->done = true;
	} else if (json_str_eq(&d, type, "error")) {
		struct buf msg = BUF_INIT;

		res->status = error_status(&d, json_get(&d, 0, "error"));
		wire_error_body(&d, res, &msg);
		err_set(e, ERR_LLM, "stream error: %s", msg.ptr);
		buf_release(&msg);
		goto out;
	}
	/* ping, content_block_stop and event types added later need
	 * nothing. */
	rc = 0;
out:
	json_doc_release(&d);
	return rc;
}

const struct llm_wire llm_wire_anthropic = {
	.path = "/v1/messages",
	.auth_headers = anthropic_auth,
	.build = anthropic_build,
	.parse = anthropic_parse,
	.event = anthropic_event,
};
