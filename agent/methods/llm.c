/*
 * llm/models and llm/complete: the provider layer reached directly, for
 * editors and the test suite.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "llm/llm.h"
#include "methods/methods.h"
#include "rpc/errors.h"
#include "util/mem.h"

#define MAX_CACHE_BREAKPOINTS 4

/* One client per process: its limiters must see every call. */
static struct llm_client *client;

static struct llm_client *client_for(struct rpc_call *call)
{
	if (!client)
		client = llm_client_new(rpc_call_loop(call));
	return client;
}

/* ---- llm/models ---- */

struct models_ctx {
	struct json_writer *w;
	struct config *cfg;
};

static int write_model(const char *value, void *data)
{
	json_w_str(data, value);
	return 0;
}

static int write_provider(const char *name, void *data)
{
	struct models_ctx *m = data;
	struct json_writer *w = m->w;
	struct llm_provider p;
	struct err e = ERR_INIT;

	json_obj_begin(w);
	json_kv_str(w, "name", name);
	if (llm_provider_load(&p, m->cfg, name, &e) < 0) {
		json_kv_str(w, "error", e.msg.ptr);
		json_obj_end(w);
		err_clear(&e);
		return 0;
	}
	json_kv_str(w, "type", p.wire == LLM_WIRE_ANTHROPIC ? "anthropic"
							    : "openai");
	json_kv_str(w, "baseUrl", p.base_url);
	json_kv_bool(w, "keyPresent", p.api_key != NULL);
	if (p.key_source)
		json_kv_str(w, "keySource", p.key_source);
	json_key(w, "defaultModel");
	if (p.default_model)
		json_w_str(w, p.default_model);
	else
		json_w_null(w);
	json_key(w, "models");
	json_arr_begin(w);
	if (p.default_model)
		json_w_str(w, p.default_model);
	if (m->cfg)
		config_get_all(m->cfg, "llm", name, "models", write_model, w,
			       &e);
	json_arr_end(w);
	json_kv_int(w, "maxRetries", p.max_retries);
	json_kv_double(w, "requestsPerMinute", p.requests_per_min);
	json_kv_double(w, "inputTokensPerMinute", p.input_tokens_per_min);
	json_obj_end(w);
	llm_provider_release(&p);
	err_clear(&e);
	return 0;
}

static void handle_models(struct rpc_call *call)
{
	struct buf out = BUF_INIT;
	struct json_writer w;
	struct models_ctx m = { &w, NULL };
	struct err e = ERR_INIT;

	if (config_open(&m.cfg, rpc_call_workspace(call), &e) < 0) {
		rpc_call_reply_error(call, &e);
		goto out;
	}
	json_writer_init(&w, &out);
	json_obj_begin(&w);
	json_key(&w, "providers");
	json_arr_begin(&w);
	if (llm_provider_names(m.cfg, write_provider, &m, &e) < 0) {
		rpc_call_reply_error(call, &e);
		goto out;
	}
	json_arr_end(&w);
	json_obj_end(&w);
	rpc_call_reply(call, out.ptr, out.len);
out:
	config_free(m.cfg);
	buf_release(&out);
	err_clear(&e);
}

/* ---- llm/complete ---- */

struct job {
	struct rpc_call *call;
	struct llm_call *llm;
	bool stream;
	char *provider;
};

static const char *const delta_types[] = {
	[LLM_BLOCK_TEXT] = "text",
	[LLM_BLOCK_THINKING] = "thinking",
	[LLM_BLOCK_REDACTED_THINKING] = "redacted_thinking",
	[LLM_BLOCK_TOOL_USE] = "tool_input",
};

static void progress(struct job *j, const char *kind,
		     void (*more)(struct json_writer *w, const void *data),
		     const void *data)
{
	struct buf out = BUF_INIT;
	struct json_writer w;

	json_writer_init(&w, &out);
	json_obj_begin(&w);
	json_kv_str(&w, "kind", kind);
	if (more)
		more(&w, data);
	json_obj_end(&w);
	rpc_call_progress(j->call, out.ptr, out.len);
	buf_release(&out);
}

struct delta {
	enum llm_block_type type;
	int index, attempt;
	const char *p;
	size_t n;
};

static void write_delta(struct json_writer *w, const void *data)
{
	const struct delta *d = data;

	json_kv_str(w, "type", delta_types[d->type]);
	json_kv_int(w, "index", d->index);
	json_kv_int(w, "attempt", d->attempt);
	json_key(w, "delta");
	json_w_strn(w, d->p, d->n);
}

static void on_delta(enum llm_block_type type, int index, const char *p,
		     size_t n, int attempt, void *ud)
{
	struct delta d = { type, index, attempt, p, n };

	progress(ud, "report", write_delta, &d);
}

static void kv_str_or_null(struct json_writer *w, const char *key,
			   const char *s)
{
	json_key(w, key);
	if (s)
		json_w_str(w, s);
	else
		json_w_null(w);
}

/* What the retries did: in a result and in an error's data alike. */
static void write_attempts(struct json_writer *w,
			   const struct llm_response *res)
{
	json_kv_int(w, "attempts", res->attempts);
	json_key(w, "requestIds");
	json_arr_begin(w);
	for (int i = 0; i < res->n_request_ids; i++)
		json_w_str(w, res->request_ids[i]);
	json_arr_end(w);
}

static void write_result(struct json_writer *w, const struct job *j,
			 const struct llm_response *res)
{
	struct buf text = BUF_INIT;

	for (int i = 0; i < res->nblocks; i++)
		if (res->blocks[i].type == LLM_BLOCK_TEXT)
			buf_add(&text, res->blocks[i].text.ptr,
				res->blocks[i].text.len);
	json_obj_begin(w);
	json_kv_str(w, "provider", j->provider);
	kv_str_or_null(w, "model", res->model);
	kv_str_or_null(w, "id", res->id);
	json_key(w, "text");
	json_w_strn(w, text.ptr, text.len);
	/* The assistant turn, thinking with signatures and tool calls
	 * included, to send back as is in the next request. */
	json_key(w, "content");
	llm_write_content(w, res);
	kv_str_or_null(w, "stopReason", res->stop_reason);
	json_key(w, "usage");
	llm_write_usage(w, &res->usage);
	json_key(w, "costUsd");
	if (res->cost_usd >= 0)
		json_w_double(w, res->cost_usd);
	else
		json_w_null(w);
	write_attempts(w, res);
	json_obj_end(w);
	buf_release(&text);
}

static void on_done(const struct llm_response *res, const struct err *e,
		    void *ud)
{
	struct job *j = ud;
	struct buf out = BUF_INIT;
	struct json_writer w;

	rpc_call_on_cancel(j->call, NULL, NULL);
	if (j->stream)
		progress(j, "end", NULL, NULL);
	json_writer_init(&w, &out);
	if (!e) {
		write_result(&w, j, res);
		rpc_call_reply(j->call, out.ptr, out.len);
	} else {
		json_obj_begin(&w);
		json_kv_str(&w, "provider", j->provider);
		json_kv_int(&w, "status", res->status);
		if (res->error_type)
			json_kv_str(&w, "errorType", res->error_type);
		write_attempts(&w, res);
		json_obj_end(&w);
		rpc_call_reply_error_code(j->call, rpc_error_code(e->kind),
					  e->kind, e->msg.ptr, out.ptr);
	}
	buf_release(&out);
	free(j->provider);
	free(j);
}

static void on_cancel(struct rpc_call *call, void *data)
{
	struct job *j = data;

	llm_cancel(j->llm); /* on_done replies */
}

/* The request's optional params, read into req. Strings stay owned by the
 * call's doc. */
static int read_request(struct rpc_call *call, struct llm_request *req,
			int *marks, struct err *e)
{
	const struct json_doc *d = rpc_call_doc(call);
	int v, cache = rpc_call_param(call, "cache");
	bool b;

	req->messages_json = json_raw(d, rpc_call_param(call, "messages"),
				      &req->messages_len);
	if ((v = rpc_call_param(call, "tools")) >= 0)
		req->tools_json = json_raw(d, v, &req->tools_len);
	if ((v = rpc_call_param(call, "responseSchema")) >= 0)
		req->json_schema = json_raw(d, v, &req->json_schema_len);
	if ((v = rpc_call_param(call, "maxTokens")) >= 0 &&
	    (json_int64(d, v, &req->max_tokens) < 0 || req->max_tokens < 1))
		return err_set(e, ERR_INVALID_PARAMS,
			       "maxTokens: a positive integer is needed");
	if ((v = rpc_call_param(call, "thinkingBudget")) >= 0 &&
	    (json_int64(d, v, &req->thinking_budget) < 0 ||
	     req->thinking_budget < 0))
		return err_set(e, ERR_INVALID_PARAMS,
			       "thinkingBudget: a positive integer is needed");
	if ((v = rpc_call_param(call, "temperature")) >= 0) {
		json_double(d, v, &req->temperature);
		req->has_temperature = true;
	}
	if ((v = rpc_call_param(call, "deadlineMs")) >= 0) {
		int64_t ms;

		if (json_int64(d, v, &ms) < 0 || ms < 1 || ms > 3600000)
			return err_set(e, ERR_INVALID_PARAMS,
				       "deadlineMs: 1 to 3600000");
		req->deadline_ms = (long)ms;
	}
	if (json_bool(d, rpc_call_param(call, "stream"), &b) == 0)
		req->stream = b;
	if (cache < 0)
		return 0;
	if (json_type(d, cache) != JSON_OBJECT)
		return err_set(e, ERR_INVALID_PARAMS, "cache: an object");
	if (json_bool(d, json_get(d, cache, "system"), &b) == 0)
		req->cache_system = b;
	if (json_bool(d, json_get(d, cache, "tools"), &b) == 0)
		req->cache_tools = b;
	v = json_get(d, cache, "ttl");
	if (v >= 0 && !json_str_eq(d, v, "5m") && !json_str_eq(d, v, "1h"))
		return err_set(e, ERR_INVALID_PARAMS,
			       "cache.ttl: \"5m\" or \"1h\"");
	req->cache_ttl_1h = json_str_eq(d, v, "1h");
	v = json_get(d, cache, "messages");
	for (int m = json_first(d, v); m >= 0; m = json_next(d, m)) {
		int64_t i;

		if (json_int64(d, m, &i) < 0 || i > 100000 || i < -100000 ||
		    req->n_cache_messages == MAX_CACHE_BREAKPOINTS)
			return err_set(e, ERR_INVALID_PARAMS,
				       "cache.messages: up to %d message "
				       "indices", MAX_CACHE_BREAKPOINTS);
		marks[req->n_cache_messages++] = (int)i;
	}
	req->cache_messages = marks;
	return 0;
}

static void handle_complete(struct rpc_call *call)
{
	const struct json_doc *d = rpc_call_doc(call);
	struct llm_request req = { 0 };
	struct llm_provider p = { 0 };
	struct llm_callbacks cb = { 0 };
	struct config *cfg = NULL;
	struct err e = ERR_INIT;
	struct job *j = NULL;
	char *provider = json_strdup(d, rpc_call_param(call, "provider"));
	char *model = json_strdup(d, rpc_call_param(call, "model"));
	char *system = json_strdup(d, rpc_call_param(call, "system"));
	char *effort = json_strdup(d, rpc_call_param(call, "reasoningEffort"));
	int marks[MAX_CACHE_BREAKPOINTS];
	static const char *const text_params[] = { "provider", "model",
						    "system",
						    "reasoningEffort" };
	size_t i;

	/* json_strdup gives NULL for a string holding \u0000: refuse it rather
	 * than fall back to a default as if it were absent. */
	for (i = 0; i < sizeof(text_params) / sizeof(text_params[0]); i++) {
		int v = rpc_call_param(call, text_params[i]);
		char *tmp;

		if (json_type(d, v) != JSON_STRING)
			continue;
		tmp = json_strdup(d, v);
		if (!tmp) {
			err_set(&e, ERR_INVALID_PARAMS,
				"param '%s' must not contain a NUL character",
				text_params[i]);
			goto fail;
		}
		free(tmp);
	}
	if (config_open(&cfg, rpc_call_workspace(call), &e) < 0 ||
	    llm_provider_load(&p, cfg, provider ? provider : "anthropic",
			      &e) < 0 ||
	    read_request(call, &req, marks, &e) < 0)
		goto fail;
	req.model = model ? model : p.default_model;
	req.system = system;
	req.reasoning_effort = effort;
	j = xcalloc(1, sizeof(*j));
	j->call = call;
	j->stream = req.stream;
	j->provider = xstrdup(p.name);
	cb.on_done = on_done;
	cb.on_delta = req.stream ? on_delta : NULL;
	cb.ud = j;
	if (j->stream)
		progress(j, "begin", NULL, NULL);
	j->llm = llm_complete(client_for(call), &p, &req, cfg, &cb, &e);
	if (!j->llm)
		goto fail;
	rpc_call_on_cancel(call, on_cancel, j);
	goto out;
fail:
	if (j && j->stream)
		progress(j, "end", NULL, NULL);
	rpc_call_reply_error(call, &e);
	if (j)
		free(j->provider);
	free(j);
out:
	llm_provider_release(&p);
	config_free(cfg);
	err_clear(&e);
	free(provider);
	free(model);
	free(system);
	free(effort);
}

static const struct rpc_param_spec complete_params[] = {
	{ "provider", RPC_T(JSON_STRING), false },
	{ "model", RPC_T(JSON_STRING), false },
	{ "system", RPC_T(JSON_STRING), false },
	{ "messages", RPC_T(JSON_ARRAY), true },
	{ "tools", RPC_T(JSON_ARRAY), false },
	{ "responseSchema", RPC_T(JSON_OBJECT), false },
	{ "reasoningEffort", RPC_T(JSON_STRING), false },
	{ "maxTokens", RPC_T(JSON_NUMBER), false },
	{ "thinkingBudget", RPC_T(JSON_NUMBER), false },
	{ "temperature", RPC_T(JSON_NUMBER), false },
	{ "stream", RPC_T_BOOL, false },
	{ "cache", RPC_T(JSON_OBJECT), false },
	{ "deadlineMs", RPC_T(JSON_NUMBER), false },
	{ NULL, 0, false },
};

const struct rpc_method methods_llm[] = {
	{ "llm/models", handle_models, NULL, 0 },
	{ "llm/complete", handle_complete, complete_params, 0 },
	{ NULL, NULL, NULL, 0 },
};
