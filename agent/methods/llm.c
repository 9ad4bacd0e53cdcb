/*
 * llm/models and llm/complete: the provider layer reached directly, for
 * editors and the test suite.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ev.h>

#include "config/config.h"
#include "llm/llm.h"
#include "methods/methods.h"
#include "store/store.h"
#include "util/log.h"
#include "util/mem.h"

#define MAX_CACHE_BREAKPOINTS 4

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

/* ---- llm/complete: a job ---- */

/* Everything a completion needs, owned: the request points into it. */
struct complete_job {
	struct agent *agent;
	struct job *job; /* set at the first step */
	struct config *cfg;
	struct llm_provider p;
	char *model, *system, *effort;
	struct buf messages, tools, schema;
	int marks[MAX_CACHE_BREAKPOINTS];
	struct llm_request req;
	struct llm_call *llm; /* while the transfer runs */
	bool ended;
	double started;
	/* For the run's record: what the call cost. */
	struct llm_usage usage;
	double cost, duration;
	char *model_used;
	struct buf result;   /* the result's JSON, once ended well */
	struct err err;      /* or the error, with more fields for data */
	struct buf err_data;
};

static const char *const delta_types[] = {
	[LLM_BLOCK_TEXT] = "text",
	[LLM_BLOCK_THINKING] = "thinking",
	[LLM_BLOCK_REDACTED_THINKING] = "redacted_thinking",
	[LLM_BLOCK_TOOL_USE] = "tool_input",
};

static void report(struct job *j, const char *kind,
		   enum llm_block_type type, int index, int attempt,
		   const char *p, size_t n)
{
	struct buf out = BUF_INIT;
	struct json_writer w;

	json_writer_init(&w, &out);
	json_obj_begin(&w);
	json_kv_str(&w, "kind", kind);
	if (p) {
		json_kv_str(&w, "type", delta_types[type]);
		json_kv_int(&w, "index", index);
		json_kv_int(&w, "attempt", attempt);
		json_key(&w, "delta");
		json_w_strn(&w, p, n);
	}
	json_obj_end(&w);
	job_report(j, out.ptr);
	buf_release(&out);
}

static void on_delta(enum llm_block_type type, int index, const char *p,
		     size_t n, int attempt, void *ud)
{
	struct complete_job *cj = ud;

	report(cj->job, "report", type, index, attempt, p, n);
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

static void write_result(struct json_writer *w, const char *provider,
			 const struct llm_response *res)
{
	struct buf text = BUF_INIT;

	for (int i = 0; i < res->nblocks; i++)
		if (res->blocks[i].type == LLM_BLOCK_TEXT)
			buf_add(&text, res->blocks[i].text.ptr,
				res->blocks[i].text.len);
	json_obj_begin(w);
	json_kv_str(w, "provider", provider);
	json_kv_str_or_null(w, "model", res->model);
	json_kv_str_or_null(w, "id", res->id);
	json_key(w, "text");
	json_w_strn(w, text.ptr, text.len);
	/* The assistant turn, thinking with signatures and tool calls
	 * included, to send back as is in the next request. */
	json_key(w, "content");
	llm_write_content(w, res);
	json_kv_str_or_null(w, "stopReason", res->stop_reason);
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

/* res and e live only during this call: keep their JSON. */
static void on_done(const struct llm_response *res, const struct err *e,
		    void *ud)
{
	struct complete_job *cj = ud;
	struct json_writer w;

	cj->llm = NULL;
	cj->ended = true;
	cj->usage = res->usage;
	cj->cost = res->cost_usd;
	cj->duration = ev_time() - cj->started;
	free(cj->model_used);
	cj->model_used = res->model ? xstrdup(res->model) : NULL;
	if (!e) {
		json_writer_init(&w, &cj->result);
		write_result(&w, cj->p.name, res);
		/* Never a result cut short: the text goes in twice (text and
		 * content), escaped, and can outgrow the result's buf. */
		if (json_writer_failed(&w)) {
			buf_release(&cj->result);
			err_set(&cj->err, ERR_TOO_BIG,
				"the model's answer is too large to return (over %zu bytes as JSON); lower llm.%s.maxResponseBytes",
				cj->result.max, cj->p.name);
		}
	} else {
		err_set(&cj->err, e->kind, "%s", e->msg.ptr);
		json_writer_init(&w, &cj->err_data);
		json_obj_begin(&w);
		json_kv_str(&w, "provider", cj->p.name);
		json_kv_int(&w, "status", res->status);
		if (res->error_type)
			json_kv_str(&w, "errorType", res->error_type);
		write_attempts(&w, res);
		json_obj_end(&w);
	}
	job_wake(cj->job);
}

static enum job_step complete_step(struct job *j)
{
	struct complete_job *cj = job_data(j);
	struct llm_callbacks cb = { 0 };

	if (cj->job)
		return cj->ended ? JOB_STEP_DONE : JOB_STEP_WAIT;
	cj->job = j;
	if (job_cancelled(j)) {
		err_set(&cj->err, ERR_CANCELLED, "cancelled");
		return JOB_STEP_DONE;
	}
	if (cj->req.stream)
		report(j, "begin", 0, 0, 0, NULL, 0);
	cb.on_done = on_done;
	cb.on_delta = cj->req.stream ? on_delta : NULL;
	cj->started = ev_time();
	cb.ud = cj;
	cj->llm = llm_complete(agent_llm(cj->agent), &cj->p, &cj->req,
			       cj->cfg, &cb, &cj->err);
	return cj->llm ? JOB_STEP_WAIT : JOB_STEP_DONE;
}

static void complete_cancel(struct job *j)
{
	struct complete_job *cj = job_data(j);

	if (cj->llm)
		llm_cancel(cj->llm); /* on_done runs now, and wakes us */
}

static void complete_release(void *data)
{
	struct complete_job *cj = data;

	config_free(cj->cfg);
	llm_provider_release(&cj->p);
	free(cj->model);
	free(cj->system);
	free(cj->effort);
	buf_release(&cj->messages);
	buf_release(&cj->tools);
	buf_release(&cj->schema);
	buf_release(&cj->result);
	buf_release(&cj->err_data);
	err_clear(&cj->err);
	free(cj->model_used);
	free(cj);
}

static void complete_summarize(struct job *j, struct job_summary *out)
{
	struct complete_job *cj = job_data(j);

	if (job_cancelled(j) || cj->err.kind == ERR_CANCELLED) {
		out->outcome = JOB_CANCELLED;
		return;
	}
	out->outcome = cj->err.kind ? JOB_FAILED : JOB_SUCCEEDED;
	out->result = cj->err.kind ? NULL : "completed";
	out->error_kind = cj->err.kind;
	out->error_message = cj->err.kind ? cj->err.msg.ptr : NULL;
}

/* The call as one attempt: its tokens, cost and time. */
static void complete_record(struct job *j, void *store, uint64_t run)
{
	struct complete_job *cj = job_data(j);
	struct store_attempt a = { .run_id = (int64_t)run, .attempt = 1 };
	struct err e = ERR_INIT;

	if (!cj->ended)
		return; /* nothing was sent */
	a.provider = cj->p.name;
	a.model = cj->model_used ? cj->model_used : cj->req.model;
	a.tokens_input = cj->usage.input;
	a.tokens_output = cj->usage.output;
	a.tokens_cache_read = cj->usage.cache_read;
	a.tokens_cache_write = cj->usage.cache_write;
	a.cost = cj->cost > 0 ? cj->cost : 0;
	a.duration = cj->duration;
	a.time = cj->started;
	a.outcome = cj->err.kind ? "failed" : "succeeded";
	if (store_attempt_add(store, &a, &e) < 0) {
		log_warn("run store: recording an attempt: %s", e.msg.ptr);
		err_clear(&e);
	}
}

/* Model calls side by side, all providers together: each provider's own
 * limiter paces its requests besides. */
static const struct job_kind complete_kind = {
	.name = "llm",
	.max_running = 16,
	.step = complete_step,
	.cancel = complete_cancel,
	.release = complete_release,
	.summarize = complete_summarize,
	.record = complete_record,
};

static void complete_reply(struct rpc_call *call, struct job *j)
{
	struct complete_job *cj = job_data(j);

	if (cj->req.stream && cj->job)
		report(j, "end", 0, 0, 0, NULL, 0);
	if (cj->err.kind)
		rpc_call_reply_error_data(call, &cj->err,
					  cj->err_data.len ? cj->err_data.ptr
							   : NULL);
	else
		rpc_call_reply(call, cj->result.ptr, cj->result.len);
}

/* A JSON param copied as text into out (absent: out stays empty). */
static void param_json(struct rpc_call *call, const char *name,
		       struct buf *out)
{
	size_t n;
	const char *raw = json_raw(rpc_call_doc(call),
				   rpc_call_param(call, name), &n);

	if (raw)
		buf_add(out, raw, n);
}

/* The cache breakpoints: {system?, tools?, ttl?, messages?: [index]}. */
static int read_cache(struct rpc_call *call, struct complete_job *cj,
		      struct err *e)
{
	const struct json_doc *d = rpc_call_doc(call);
	struct llm_request *req = &cj->req;
	int v, cache = rpc_call_param(call, "cache");
	bool b;

	if (cache < 0)
		return 0;
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
		cj->marks[req->n_cache_messages++] = (int)i;
	}
	req->cache_messages = cj->marks;
	return 0;
}

static int read_request(struct rpc_call *call, struct complete_job *cj,
			struct err *e)
{
	struct llm_request *req = &cj->req;
	char *provider = NULL;
	int64_t ms = 0;
	int r = -1;

	if (rpc_param_string(call, "provider", &provider, e) < 0 ||
	    rpc_param_string(call, "model", &cj->model, e) < 0 ||
	    rpc_param_string(call, "system", &cj->system, e) < 0 ||
	    rpc_param_string(call, "reasoningEffort", &cj->effort, e) < 0 ||
	    rpc_param_int(call, "maxTokens", 1, INT64_MAX, &req->max_tokens,
			  e) < 0 ||
	    rpc_param_int(call, "thinkingBudget", 0, INT64_MAX,
			  &req->thinking_budget, e) < 0 ||
	    rpc_param_int(call, "deadlineMs", 1, 3600000, &ms, e) < 0 ||
	    rpc_param_bool(call, "stream", &req->stream, e) < 0 ||
	    read_cache(call, cj, e) < 0)
		goto out;
	req->has_temperature = rpc_param_double(call, "temperature",
						&req->temperature, e) > 0;
	req->deadline_ms = (long)ms;
	if (config_open(&cj->cfg, rpc_call_workspace(call), e) < 0 ||
	    llm_provider_load(&cj->p, cj->cfg,
			      provider ? provider : "anthropic", e) < 0)
		goto out;
	param_json(call, "messages", &cj->messages);
	param_json(call, "tools", &cj->tools);
	param_json(call, "responseSchema", &cj->schema);
	req->messages_json = cj->messages.ptr;
	req->messages_len = cj->messages.len;
	if (cj->tools.len) {
		req->tools_json = cj->tools.ptr;
		req->tools_len = cj->tools.len;
	}
	if (cj->schema.len) {
		req->json_schema = cj->schema.ptr;
		req->json_schema_len = cj->schema.len;
	}
	req->model = cj->model ? cj->model : cj->p.default_model;
	req->system = cj->system;
	req->reasoning_effort = cj->effort;
	r = 0;
out:
	free(provider);
	return r;
}

static void handle_complete(struct rpc_call *call)
{
	struct complete_job *cj = xcalloc(1, sizeof(*cj));
	struct job_spec spec = { .kind = &complete_kind,
				 .priority = JOB_NORMAL };
	struct err e = ERR_INIT;

	cj->agent = call_agent(call);
	err_init(&cj->err);
	buf_init(&cj->messages, 0);
	buf_init(&cj->tools, 0);
	buf_init(&cj->schema, 0);
	buf_init(&cj->result, 0);
	buf_init(&cj->err_data, 0);
	if (read_request(call, cj, &e) < 0) {
		rpc_call_reply_error(call, &e);
		err_clear(&e);
		complete_release(cj);
		return;
	}
	spec.data = cj;
	method_job_start(call, &spec, complete_reply);
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
