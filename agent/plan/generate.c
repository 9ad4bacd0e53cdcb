/*
 * Plan generation as a job: the repo context, one model call with extended
 * thinking, validation, at most one repair turn, the plan saved. See
 * plan_gen_new() in plan.h for the whole story.
 *
 * The step function is a small state machine. Model calls finish in a
 * callback from the HTTP layer; that callback only keeps what it needs and
 * wakes the job, and the next step acts on it (starting a transfer from
 * inside a transfer's callback is what libcurl forbids).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <ev.h>

#include "config/config.h"
#include "context/context.h"
#include "job/job.h"
#include "llm/llm.h"
#include "plan/internal.h"
#include "plan/prompt.h"
#include "store/store.h"
#include "util/log.h"
#include "util/mem.h"

/* Streamed text becomes a run event in pieces of about this size. */
#define EVENT_PIECE 4096

enum gen_state { GEN_START, GEN_CALLING, GEN_ANSWERED, GEN_DONE };

/* One model call, for the run's attempts. */
struct gen_call {
	bool sent;
	double started, duration;
	struct llm_usage usage;
	double cost; /* < 0: unknown */
	char *model;
	const char *outcome; /* "succeeded", "invalid", "failed" */
};

struct plan_gen {
	/* Borrowed from the agent. */
	struct llm_client *llm;
	struct context_cache *context;
	struct store *store;
	struct job *job;
	enum gen_state state;

	/* What to plan (owned). */
	char *root, *feedback;
	struct plan_issue issue;
	bool have_issue;
	int64_t plan_id;
	struct strv focus_files, focus_symbols;
	struct config *cfg;
	struct llm_provider p;
	char *model;

	/* The conversation. */
	struct plan previous; /* when revising */
	struct context_result ctx;
	struct buf user;      /* the first user turn */
	struct buf messages;  /* the current request's messages (JSON) */
	struct llm_system_block sys[2];
	struct llm_request req;
	struct llm_call *call; /* while a transfer runs */
	int request;           /* 1; 2 for the repair */
	struct gen_call calls[2];

	/* The answer of the last call, kept by on_done for the next step. */
	struct buf answer;  /* its text blocks */
	bool cut;           /* it stopped at max_tokens */
	struct buf content; /* its content blocks (JSON), for the repair */
	struct err call_err;
	struct buf call_err_data;

	/* Streamed pieces waiting to become one event. */
	struct buf pending;
	enum llm_block_type pending_type;
	int pending_attempt;

	struct strv errors;
	struct plan plan;
	struct buf result;
	struct err err;
	struct buf err_data;
};

/* ---- events and progress ---- */

static void emit(struct plan_gen *g, const char *phase, const char *msg,
		 struct buf *data)
{
	job_emit(g->job, phase, msg, data && data->len ? data->ptr : NULL);
	if (data)
		buf_reset(data);
}

static void flush_pending(struct plan_gen *g)
{
	struct buf data = BUF_INIT;
	struct json_writer w;

	if (!g->pending.len)
		return;
	json_writer_init(&w, &data);
	json_obj_begin(&w);
	json_kv_int(&w, "request", g->request);
	json_key(&w, "delta");
	json_w_strn(&w, g->pending.ptr, g->pending.len);
	json_obj_end(&w);
	emit(g, g->pending_type == LLM_BLOCK_THINKING ? "thinking" : "text",
	     NULL, &data);
	buf_reset(&g->pending);
	buf_release(&data);
}

static void on_delta(enum llm_block_type type, int index, const char *p,
		     size_t n, int attempt, void *ud)
{
	struct plan_gen *g = ud;
	struct buf out = BUF_INIT;
	struct json_writer w;

	(void)index;
	if (type != LLM_BLOCK_TEXT && type != LLM_BLOCK_THINKING)
		return; /* redacted thinking is opaque; no tools here */
	json_writer_init(&w, &out);
	json_obj_begin(&w);
	/* LSP's shape: a report; what it carries is in "type". */
	json_kv_str(&w, "kind", "report");
	json_kv_str(&w, "type", type == LLM_BLOCK_THINKING ? "thinking"
							   : "text");
	json_key(&w, "delta");
	json_w_strn(&w, p, n);
	json_kv_int(&w, "request", g->request);
	json_kv_int(&w, "attempt", attempt);
	json_obj_end(&w);
	job_report(g->job, out.ptr);
	buf_release(&out);

	/* A retried stream starts its text over: drop the old attempt's. */
	if (attempt != g->pending_attempt)
		buf_reset(&g->pending);
	g->pending_attempt = attempt;
	if (g->pending.len && g->pending_type != type)
		flush_pending(g);
	g->pending_type = type;
	buf_add(&g->pending, p, n);
	if (g->pending.len >= EVENT_PIECE)
		flush_pending(g);
}

/* ---- the model calls ---- */

static void on_done(const struct llm_response *res, const struct err *e,
		    void *ud)
{
	struct plan_gen *g = ud;
	struct gen_call *c = &g->calls[g->request - 1];
	struct json_writer w;

	g->call = NULL;
	flush_pending(g);
	c->duration = ev_time() - c->started;
	c->usage = res->usage;
	c->cost = res->cost_usd;
	free(c->model);
	c->model = res->model ? xstrdup(res->model) : NULL;
	buf_reset(&g->answer);
	buf_reset(&g->content);
	if (e) {
		c->outcome = "failed";
		err_set(&g->call_err, e->kind, "%s", e->msg.ptr);
		json_writer_init(&w, &g->call_err_data);
		json_obj_begin(&w);
		json_kv_str(&w, "provider", g->p.name);
		json_kv_int(&w, "status", res->status);
		if (res->error_type)
			json_kv_str(&w, "errorType", res->error_type);
		json_obj_end(&w);
	} else {
		for (int i = 0; i < res->nblocks; i++)
			if (res->blocks[i].type == LLM_BLOCK_TEXT)
				buf_add(&g->answer, res->blocks[i].text.ptr,
					res->blocks[i].text.len);
		json_writer_init(&w, &g->content);
		llm_write_content(&w, res);
		g->cut = res->stop_reason &&
			 !strcmp(res->stop_reason, "max_tokens");
	}
	g->state = GEN_ANSWERED;
	job_wake(g->job);
}

static int send_request(struct plan_gen *g)
{
	struct llm_callbacks cb = { on_delta, on_done, g };
	struct buf data = BUF_INIT;
	struct json_writer w;

	g->req.messages_json = g->messages.ptr;
	g->req.messages_len = g->messages.len;
	json_writer_init(&w, &data);
	json_obj_begin(&w);
	json_kv_int(&w, "request", g->request);
	json_kv_bool(&w, "repair", g->request > 1);
	json_kv_str(&w, "provider", g->p.name);
	json_kv_str(&w, "model", g->req.model);
	json_kv_int(&w, "thinkingBudget", g->req.thinking_budget);
	json_obj_end(&w);
	emit(g, "request", g->request > 1 ? "asking for a repaired plan"
					  : "asking for a plan", &data);
	buf_release(&data);
	g->calls[g->request - 1].sent = true;
	g->calls[g->request - 1].started = ev_time();
	g->calls[g->request - 1].cost = -1;
	g->state = GEN_CALLING;
	g->call = llm_complete(g->llm, &g->p, &g->req, g->cfg, &cb, &g->err);
	if (!g->call) {
		g->calls[g->request - 1].sent = false;
		return -1;
	}
	return 0;
}

/* messages = [{"role":"user","content": user}] (+ the repair turns). */
static void first_messages(struct plan_gen *g)
{
	struct json_writer w;

	buf_reset(&g->messages);
	json_writer_init(&w, &g->messages);
	json_arr_begin(&w);
	json_obj_begin(&w);
	json_kv_str(&w, "role", "user");
	json_key(&w, "content");
	json_w_strn(&w, g->user.ptr, g->user.len);
	json_obj_end(&w);
	json_arr_end(&w);
}

/* The conversation so far, the answer as it came (thinking and its
 * signature included, as the API wants it back), and the errors. */
static void repair_messages(struct plan_gen *g)
{
	struct buf fix = BUF_INIT;
	struct json_writer w;

	plan_prompt_repair(&fix, &g->errors);
	buf_reset(&g->messages);
	json_writer_init(&w, &g->messages);
	json_arr_begin(&w);
	json_obj_begin(&w);
	json_kv_str(&w, "role", "user");
	json_key(&w, "content");
	json_w_strn(&w, g->user.ptr, g->user.len);
	json_obj_end(&w);
	json_obj_begin(&w);
	json_kv_str(&w, "role", "assistant");
	json_key(&w, "content");
	json_w_raw(&w, g->content.ptr, g->content.len);
	json_obj_end(&w);
	json_obj_begin(&w);
	json_kv_str(&w, "role", "user");
	json_key(&w, "content");
	json_w_strn(&w, fix.ptr, fix.len);
	json_obj_end(&w);
	json_arr_end(&w);
	buf_release(&fix);
}

/* ---- the steps ---- */

static int begin(struct plan_gen *g)
{
	struct context_request q = { 0 };
	struct buf data = BUF_INIT;
	struct json_writer w;

	if (g->plan_id > 0) {
		if (plan_load(g->store, g->plan_id, 0, &g->previous,
			      &g->err) < 0)
			return -1;
		if (!g->have_issue)
			plan_issue_copy(&g->issue, &g->previous.issue);
	}
	/* Synchronous, and fast once warm (context/context.h). */
	q.root = g->root;
	q.focus_files = strv_argv(&g->focus_files);
	q.n_focus_files = g->focus_files.n;
	q.focus_symbols = strv_argv(&g->focus_symbols);
	q.n_focus_symbols = g->focus_symbols.n;
	if (context_get(g->context, &q, &g->ctx, &g->err) < 0)
		return -1;
	json_writer_init(&w, &data);
	json_obj_begin(&w);
	json_kv_bool(&w, "fromCache", g->ctx.from_cache);
	json_kv_int(&w, "bytes", (int64_t)g->ctx.bytes);
	json_kv_int(&w, "tokens", (int64_t)g->ctx.tokens);
	json_obj_end(&w);
	emit(g, "context", "the repo context", &data);
	buf_release(&data);

	g->sys[0].text = plan_prompt_instructions;
	g->sys[1].text = g->ctx.text.ptr;
	g->sys[1].cache = true;
	g->req.system_blocks = g->sys;
	g->req.n_system_blocks = 2;
	plan_prompt_user(&g->user, &g->issue,
			 g->plan_id > 0 ? &g->previous : NULL, g->feedback);
	first_messages(g);
	g->request = 1;
	return send_request(g);
}

static bool file_exists(const char *path, void *data)
{
	struct plan_gen *g = data;
	struct buf full = BUF_INIT;
	struct stat st;
	bool r;

	/* path passed the checks for '..' and absolute paths already. */
	buf_addf(&full, "%s/%s", g->root, path);
	r = lstat(full.ptr, &st) == 0;
	buf_release(&full);
	return r;
}

static void write_usage_sum(struct plan_gen *g, struct json_writer *w)
{
	struct llm_usage u = { 0 };
	double cost = 0;
	bool known = true;

	for (int i = 0; i < 2; i++) {
		if (!g->calls[i].sent)
			continue;
		u.input += g->calls[i].usage.input;
		u.output += g->calls[i].usage.output;
		u.cache_write += g->calls[i].usage.cache_write;
		u.cache_write_1h += g->calls[i].usage.cache_write_1h;
		u.cache_read += g->calls[i].usage.cache_read;
		if (g->calls[i].cost < 0)
			known = false;
		else
			cost += g->calls[i].cost;
	}
	json_key(w, "usage");
	llm_write_usage(w, &u);
	json_key(w, "costUsd");
	if (known)
		json_w_double(w, cost);
	else
		json_w_null(w);
}

/* The job's run id, when the run store records it (ids past 2^52 are the
 * engine's own numbering of unrecorded jobs, as in methods/run.c). */
static int64_t run_id(const struct plan_gen *g)
{
	uint64_t id = job_id(g->job);

	return id < ((uint64_t)1 << 52) ? (int64_t)id : 0;
}

static void succeed(struct plan_gen *g)
{
	struct json_writer w;
	struct buf data = BUF_INIT;

	plan_issue_copy(&g->plan.issue, &g->issue);
	free(g->plan.model);
	g->plan.model = xstrdup(g->calls[g->request - 1].model
					? g->calls[g->request - 1].model
					: g->req.model);
	g->plan.run_id = run_id(g);
	g->plan.id = g->plan_id > 0 ? g->plan_id : 0;
	if (plan_save(g->store, &g->plan, g->root, &g->err) < 0)
		return;
	json_writer_init(&w, &data);
	json_obj_begin(&w);
	json_kv_int(&w, "planId", g->plan.id);
	json_kv_int(&w, "revision", g->plan.revision);
	json_kv_int(&w, "subtasks", (int64_t)g->plan.n_subtasks);
	json_obj_end(&w);
	emit(g, "saved", NULL, &data);
	buf_release(&data);

	json_writer_init(&w, &g->result);
	json_obj_begin(&w);
	json_key(&w, "plan");
	plan_write_json(&w, &g->plan);
	json_key(&w, "runId");
	if (g->plan.run_id)
		json_w_int(&w, g->plan.run_id);
	else
		json_w_null(&w);
	write_usage_sum(g, &w);
	json_key(&w, "context");
	json_obj_begin(&w);
	json_kv_bool(&w, "fromCache", g->ctx.from_cache);
	json_kv_int(&w, "bytes", (int64_t)g->ctx.bytes);
	json_kv_int(&w, "tokens", (int64_t)g->ctx.tokens);
	json_obj_end(&w);
	json_obj_end(&w);
}

static void write_errors(struct json_writer *w, const struct strv *errors)
{
	json_key(w, "errors");
	json_arr_begin(w);
	for (size_t i = 0; i < errors->n; i++)
		json_w_str(w, errors->v[i]);
	json_arr_end(w);
}

/* The answer of request 1 or 2: a plan, a repair, or the end. Returns
 * true when a repair request is under way. */
static bool answered(struct plan_gen *g)
{
	struct gen_call *c = &g->calls[g->request - 1];
	struct buf data = BUF_INIT;
	struct json_writer w;
	struct err pe = ERR_INIT;

	if (g->call_err.kind) {
		err_move(&g->err, &g->call_err);
		buf_add(&g->err_data, g->call_err_data.ptr,
			g->call_err_data.len);
		return false;
	}
	plan_release(&g->plan);
	strv_release(&g->errors);
	/* Validated even when the schema did not hold, as far as it was
	 * read: the repair turn should carry every problem at once. */
	if (plan_parse(&g->plan, g->answer.ptr, g->answer.len, &g->errors,
		       &pe) == 0 || g->plan.n_subtasks)
		plan_validate(&g->plan, file_exists, g, &g->errors);
	err_clear(&pe);
	if (g->errors.n && g->cut)
		plan_add_error(&g->errors, "the answer stopped at the token "
			       "limit (%lld): think less and keep the plan "
			       "shorter", (long long)g->req.max_tokens);
	if (!g->errors.n) {
		c->outcome = "succeeded";
		succeed(g);
		return false;
	}
	c->outcome = "invalid";
	json_writer_init(&w, &data);
	json_obj_begin(&w);
	json_kv_int(&w, "request", g->request);
	json_kv_bool(&w, "repair", g->request == 1);
	write_errors(&w, &g->errors);
	json_obj_end(&w);
	emit(g, "invalid", g->request == 1 ? "the plan is invalid: asking "
		"for a repair" : "the repaired plan is invalid", &data);
	buf_release(&data);
	if (g->request == 1 && !job_cancelled(g->job)) {
		repair_messages(g);
		g->request = 2;
		return send_request(g) == 0;
	}
	err_set(&g->err, ERR_PLAN_INVALID, "the plan is invalid%s: %s%s",
		g->request > 1 ? " after one repair" : "", g->errors.v[0],
		g->errors.n > 1 ? " (and more: see data.errors)" : "");
	json_writer_init(&w, &g->err_data);
	json_obj_begin(&w);
	write_errors(&w, &g->errors);
	json_key(&w, "runId");
	if (run_id(g))
		json_w_int(&w, run_id(g));
	else
		json_w_null(&w);
	json_obj_end(&w);
	return false;
}

static enum job_step gen_step(struct job *j)
{
	struct plan_gen *g = job_data(j);

	switch (g->state) {
	case GEN_START:
		g->job = j;
		if (job_cancelled(j)) {
			err_set(&g->err, ERR_CANCELLED, "cancelled");
			break;
		}
		if (begin(g) < 0)
			break;
		return JOB_STEP_WAIT;
	case GEN_CALLING:
		return JOB_STEP_WAIT;
	case GEN_ANSWERED:
		if (answered(g))
			return JOB_STEP_WAIT;
		break;
	case GEN_DONE:
		break;
	}
	g->state = GEN_DONE;
	return JOB_STEP_DONE;
}

static void gen_cancel(struct job *j)
{
	struct plan_gen *g = job_data(j);

	if (g->call)
		llm_cancel(g->call); /* on_done runs now and wakes us */
}

static void gen_release(void *data)
{
	struct plan_gen *g = data;

	free(g->root);
	free(g->feedback);
	plan_issue_release(&g->issue);
	strv_release(&g->focus_files);
	strv_release(&g->focus_symbols);
	config_free(g->cfg);
	llm_provider_release(&g->p);
	free(g->model);
	plan_release(&g->previous);
	context_result_release(&g->ctx);
	buf_release(&g->user);
	buf_release(&g->messages);
	for (int i = 0; i < 2; i++)
		free(g->calls[i].model);
	buf_release(&g->answer);
	buf_release(&g->content);
	err_clear(&g->call_err);
	buf_release(&g->call_err_data);
	buf_release(&g->pending);
	strv_release(&g->errors);
	plan_release(&g->plan);
	buf_release(&g->result);
	err_clear(&g->err);
	buf_release(&g->err_data);
	free(g);
}

static void gen_summarize(struct job *j, struct job_summary *out)
{
	struct plan_gen *g = job_data(j);

	if (g->err.kind == ERR_CANCELLED ||
	    (job_cancelled(j) && g->err.kind)) {
		out->outcome = JOB_CANCELLED;
		return;
	}
	out->outcome = g->err.kind ? JOB_FAILED : JOB_SUCCEEDED;
	out->result = g->err.kind ? NULL : "planned";
	out->error_kind = g->err.kind;
	out->error_message = g->err.kind ? g->err.msg.ptr : NULL;
}

/* Each model call is an attempt: the repair is attempt 2. */
static void gen_record(struct job *j, void *store, uint64_t run)
{
	struct plan_gen *g = job_data(j);
	struct err e = ERR_INIT;

	for (int i = 0; i < 2; i++) {
		struct gen_call *c = &g->calls[i];
		struct store_attempt a = { .run_id = (int64_t)run,
					   .attempt = i + 1 };

		if (!c->sent)
			continue;
		a.provider = g->p.name;
		a.model = c->model ? c->model : g->req.model;
		a.tokens_input = c->usage.input;
		a.tokens_output = c->usage.output;
		a.tokens_cache_read = c->usage.cache_read;
		a.tokens_cache_write = c->usage.cache_write;
		a.cost = c->cost > 0 ? c->cost : 0;
		a.duration = c->duration;
		a.time = c->started;
		a.outcome = c->outcome ? c->outcome : "failed";
		a.error_category = c->outcome && !strcmp(c->outcome, "invalid")
					   ? "plan_invalid" : NULL;
		if (store_attempt_add(store, &a, &e) < 0) {
			log_warn("run store: recording an attempt: %s",
				 e.msg.ptr);
			err_clear(&e);
		}
	}
}

/* Plans side by side: each is one model call at a time, paced by the
 * provider's limiter besides. */
const struct job_kind plan_gen_kind = {
	.name = "plan",
	.max_running = 4,
	.step = gen_step,
	.cancel = gen_cancel,
	.release = gen_release,
	.summarize = gen_summarize,
	.record = gen_record,
};

int plan_gen_new(struct plan_gen **out, const struct plan_gen_params *p,
		 struct llm_client *llm, struct context_cache *context,
		 struct store *store, struct err *e)
{
	struct plan_gen *g = xcalloc(1, sizeof(*g));
	int64_t budget = PLAN_DEFAULT_THINKING_BUDGET;

	*out = NULL;
	g->llm = llm;
	g->context = context;
	g->store = store;
	g->root = xstrdup(p->root);
	g->feedback = p->feedback ? xstrdup(p->feedback) : NULL;
	g->plan_id = p->plan_id;
	context_result_init(&g->ctx);
	err_init(&g->err);
	err_init(&g->call_err);
	buf_init(&g->user, 0);
	buf_init(&g->messages, 0);
	buf_init(&g->answer, 0);
	buf_init(&g->content, 0);
	buf_init(&g->call_err_data, 0);
	buf_init(&g->pending, 0);
	buf_init(&g->result, 0);
	buf_init(&g->err_data, 0);
	for (size_t i = 0; i < p->n_focus_files; i++)
		strv_add(&g->focus_files, p->focus_files[i]);
	for (size_t i = 0; i < p->n_focus_symbols; i++)
		strv_add(&g->focus_symbols, p->focus_symbols[i]);
	if (p->issue) {
		plan_issue_copy(&g->issue, p->issue);
		g->have_issue = true;
	} else if (p->plan_id <= 0) {
		err_set(e, ERR_INVALID_PARAMS, "issue: required (an Issue, or "
			"an IssueRef) unless planId names a plan to revise");
		goto fail;
	}
	if (p->plan_id > 0 && (!p->feedback || !*p->feedback)) {
		err_set(e, ERR_INVALID_PARAMS, "feedback: required to revise "
			"plan %lld", (long long)p->plan_id);
		goto fail;
	}
	if (config_open(&g->cfg, p->root, e) < 0 ||
	    config_get_int(g->cfg, "plan", NULL, "thinkingBudget", &budget,
			   e) < 0 ||
	    config_get_string(g->cfg, "plan", NULL, "model", &g->model,
			      e) < 0 ||
	    llm_provider_load(&g->p, g->cfg,
			      p->provider ? p->provider : "anthropic", e) < 0)
		goto fail;
	if (p->thinking_budget > 0)
		budget = p->thinking_budget;
	if (p->model) {
		free(g->model);
		g->model = xstrdup(p->model);
	}
	g->req.model = g->model ? g->model : g->p.default_model;
	g->req.stream = true;
	/* Extended thinking is Anthropic's; with it on, the API takes no
	 * forced tool_choice and no temperature but 1 (llm sends 1), and
	 * max_tokens must be above the budget. */
	if (g->p.wire == LLM_WIRE_ANTHROPIC) {
		if (budget < 1024 || budget > 200000) {
			err_set(e, ERR_INVALID_PARAMS, "thinkingBudget: from "
				"1024 to 200000 tokens, not %lld",
				(long long)budget);
			goto fail;
		}
		g->req.thinking_budget = budget;
		g->req.max_tokens = budget + PLAN_ANSWER_TOKENS;
	}
	*out = g;
	return 0;
fail:
	gen_release(g);
	return -1;
}

int plan_gen_outcome(const struct plan_gen *g, const struct buf **json,
		     const struct err **e, const char **data)
{
	*json = &g->result;
	*e = &g->err;
	*data = g->err_data.len ? g->err_data.ptr : NULL;
	return g->err.kind ? -1 : 0;
}
