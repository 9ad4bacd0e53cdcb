/*
 * subtask/execute and run/rollback: the writing runs. Each is a job that
 * belongs to the agent (it goes on when the client that asked goes) and
 * has its work tree to itself. The work is exec/ (the ladder) and git/
 * (snapshots, commits); this file reads params, builds the task text from
 * the plan, and turns outcomes into replies and records.
 */
#include <stdlib.h>
#include <string.h>

#include <ev.h>

#include "config/config.h"
#include "context/context.h"
#include "exec/exec.h"
#include "git/commit.h"
#include "git/snapshot.h"
#include "methods/methods.h"
#include "plan/plan.h"
#include "store/store.h"
#include "util/log.h"
#include "util/mem.h"
#include "verify/verify.h"

/* ---- the task text ---- */

static void add_list(struct buf *b, const struct json_doc *d, int arr,
		     const char *title)
{
	if (json_count(d, arr) <= 0)
		return;
	buf_addf(b, "\n%s:\n", title);
	for (int v = json_first(d, arr); v >= 0; v = json_next(d, v)) {
		buf_adds(b, "- ");
		json_str(d, v, b);
		buf_addch(b, '\n');
	}
}

static void add_field(struct buf *b, const struct json_doc *d, int obj,
		      const char *key, const char *prefix)
{
	int v = json_get(d, obj, key);

	if (json_type(d, v) != JSON_STRING)
		return;
	buf_adds(b, prefix);
	json_str(d, v, b);
	buf_addch(b, '\n');
}

/*
 * The subtask st of plan (both in d; plan may be -1 for an inline subtask)
 * as the model reads it: the issue and the plan's summary, every subtask in
 * one line each (it sees where its part fits), then this one in full. The
 * files it names go to files.
 */
static void task_text(const struct json_doc *d, int plan, int st,
		      struct buf *b, struct strv *files)
{
	int issue = plan >= 0 ? json_get(d, plan, "issue") : -1;
	int subs = plan >= 0 ? json_get(d, plan, "subtasks") : -1;

	if (issue >= 0) {
		buf_adds(b, "## The issue\n\n");
		add_field(b, d, issue, "key", "Key: ");
		add_field(b, d, issue, "title", "Title: ");
	}
	if (plan >= 0 && json_get(d, plan, "summary") >= 0) {
		buf_adds(b, "\n## The plan\n\n");
		add_field(b, d, plan, "summary", "");
		buf_adds(b, "\nIts subtasks:\n");
		for (int s = json_first(d, subs); s >= 0; s = json_next(d, s)) {
			buf_adds(b, "- ");
			json_str(d, json_get(d, s, "id"), b);
			buf_adds(b, ": ");
			json_str(d, json_get(d, s, "title"), b);
			buf_addch(b, '\n');
		}
	}
	buf_adds(b, "\n## This subtask\n\n");
	add_field(b, d, st, "id", "Id: ");
	add_field(b, d, st, "title", "Title: ");
	if (json_get(d, st, "description") >= 0) {
		buf_addch(b, '\n');
		add_field(b, d, st, "description", "");
	}
	add_list(b, d, json_get(d, st, "acceptanceCriteria"),
		 "Acceptance criteria");
	add_list(b, d, json_get(d, st, "files"), "Files to change");
	add_list(b, d, json_get(d, st, "newFiles"), "Files to create");
	for (const char *const *k = (const char *const[]){ "files", "newFiles",
							   NULL };
	     *k; k++) {
		int arr = json_get(d, st, *k);

		for (int v = json_first(d, arr); v >= 0; v = json_next(d, v)) {
			char *f = json_strdup(d, v);

			if (f && *f)
				strv_push(files, f);
			else
				free(f);
		}
	}
	strv_sort_uniq(files);
}

/* ---- subtask/execute: a job ---- */

struct exec_job {
	struct agent *agent;
	struct job *job; /* set at the first step */
	char *root, *issue_key, *title, *subtask_id;
	int64_t plan_id; /* the stored plan it comes from, or 0 */
	char *issue_source; /* "jira", "github", ...: where to report, or NULL */
	struct buf task;
	struct strv files;
	bool fix, detached;
	double max_cost;
	struct config *cfg;
	struct exec_ladder ladder;
	struct exec_run *run;
	struct verify_run *vrun; /* fix: the failure, found first */
	bool ended;
	/* The outcome. */
	struct buf result;
	struct err err;
	struct buf err_data;
	char *category;
	bool committed;
};

static void exec_event(const char *phase, const char *message,
		       const char *data, void *ud)
{
	struct exec_job *x = ud;

	job_emit(x->job, phase, message, data);
}

static void exec_report(const char *value, void *ud)
{
	struct exec_job *x = ud;

	job_report(x->job, value);
}

/* Each attempt goes on the record as it ends: an agent killed later still
 * has them. */
static void exec_attempt(const struct exec_attempt *at, void *ud)
{
	struct exec_job *x = ud;
	struct store_attempt a = { .run_id = (int64_t)job_id(x->job) };
	struct err e = ERR_INIT;

	if (!x->agent->store)
		return;
	a.attempt = at->attempt;
	a.provider = at->provider;
	a.model = at->model;
	a.tokens_input = at->usage.input;
	a.tokens_output = at->usage.output;
	a.tokens_cache_read = at->usage.cache_read;
	a.tokens_cache_write = at->usage.cache_write;
	a.cost = at->cost;
	a.duration = at->duration;
	a.time = at->time;
	a.outcome = at->passed ? "succeeded" : "failed";
	a.error_category = at->category;
	if (store_attempt_add(x->agent->store, &a, &e) < 0) {
		log_warn("run store: recording an attempt: %s", e.msg.ptr);
		err_clear(&e);
	}
}

static void write_files(struct json_writer *w, const struct strv *files)
{
	json_key(w, "files");
	json_arr_begin(w);
	for (size_t i = 0; files && i < files->n; i++)
		json_w_str(w, files->v[i]);
	json_arr_end(w);
}

/* The run's end as a comment on its issue (when the config asks). */
static void report_result(struct exec_job *x, const struct exec_result *res,
			  const struct err *e)
{
	struct buf md = BUF_INIT;

	if (!x->issue_source || x->fix)
		return;
	buf_addf(&md, "**airunner run %llu**: %s",
		 (unsigned long long)job_id(x->job), x->title ? x->title : "");
	if (x->subtask_id)
		buf_addf(&md, " (%s)", x->subtask_id);
	if (!e)
		buf_addf(&md, "\n\nCommitted `%.12s` after %d attempt%s.",
			 res->commit ? res->commit : "", res->attempts,
			 res->attempts == 1 ? "" : "s");
	else
		buf_addf(&md, "\n\nNot done: %s. The work tree was left as it "
			      "was.", e->msg.ptr);
	method_issue_report(x->agent, x->root, x->issue_source, x->issue_key,
			    md.ptr);
	buf_release(&md);
}

static void exec_done(const struct exec_result *res, const struct err *e,
		      void *ud)
{
	struct exec_job *x = ud;
	struct json_writer w;
	struct buf *out = e ? &x->err_data : &x->result;

	x->ended = true;
	x->committed = res->commit != NULL;
	free(x->category);
	x->category = res->category ? xstrdup(res->category) : NULL;
	if (e)
		err_set(&x->err, e->kind, "%s", e->msg.ptr);
	json_writer_init(&w, out);
	json_obj_begin(&w);
	json_kv_int(&w, "runId", (int64_t)job_id(x->job));
	if (!e)
		json_kv_str(&w, "state", "succeeded");
	if (res->commit)
		json_kv_str(&w, "commit", res->commit);
	if (res->tag)
		json_kv_str(&w, "tag", res->tag);
	json_kv_int(&w, "attempts", res->attempts);
	write_files(&w, res->files);
	if (x->fix && !e)
		json_kv_bool(&w, "staged", true);
	json_kv_double(&w, "costUsd", res->cost);
	json_key(&w, "usage");
	llm_write_usage(&w, &res->usage);
	if (e) {
		json_kv_str_or_null(&w, "category", res->category);
		json_key(&w, "diagnostics");
		if (res->diagnostics_json)
			json_w_raw(&w, res->diagnostics_json,
				   strlen(res->diagnostics_json));
		else
			json_w_raw(&w, "[]", 2);
		json_kv_bool(&w, "restored", res->restored);
		if (e->kind == ERR_BUDGET_EXCEEDED)
			json_kv_double(&w, "spentUsd", res->cost);
	}
	json_obj_end(&w);
	if (!e || e->kind != ERR_CANCELLED)
		report_result(x, res, e);
	job_wake(x->job);
}

#define NPLAN_CONTEXTS AGENT_PLAN_CONTEXTS

/* The context text a plan's earlier run used on this work tree, moved to
 * the front; or NULL. */
static const char *plan_context_find(struct agent *a, int64_t plan,
				     const char *root)
{
	struct plan_context *v = a->plan_contexts, hit;

	for (size_t i = 0; plan && i < NPLAN_CONTEXTS; i++) {
		if (v[i].plan != plan || !v[i].root || strcmp(v[i].root, root))
			continue;
		hit = v[i];
		memmove(&v[1], &v[0], i * sizeof(*v));
		v[0] = hit;
		return v[0].text;
	}
	return NULL;
}

static void plan_context_put(struct agent *a, int64_t plan, const char *root,
			     const char *text)
{
	struct plan_context *v = a->plan_contexts;
	struct plan_context *last = &v[NPLAN_CONTEXTS - 1];

	free(last->root);
	free(last->text);
	memmove(&v[1], &v[0], (NPLAN_CONTEXTS - 1) * sizeof(*v));
	v[0].plan = plan;
	v[0].root = xstrdup(root);
	v[0].text = xstrdup(text);
}

static int start_exec(struct exec_job *x, struct err *e)
{
	struct agent *a = x->agent;
	struct exec_request q = { 0 };
	struct exec_callbacks cb = { exec_event, exec_report, exec_attempt,
				     exec_done, x };
	struct context_request cq = { 0 };
	struct context_result ctx;
	int rc = -1;

	context_result_init(&ctx);
	if (!a->context && context_cache_new(&a->context, NULL, e) < 0)
		goto out;
	/* No focus: the view of the whole repository, the same bytes for
	 * every attempt and every subtask while the repository is as it was.
	 * The task's files go into the task layer. */
	cq.root = x->root;
	q.context = plan_context_find(a, x->plan_id, x->root);
	if (!q.context) {
		if (context_get(a->context, &cq, &ctx, e) < 0)
			goto out;
		q.context = ctx.text.ptr;
		if (x->plan_id)
			plan_context_put(a, x->plan_id, x->root, ctx.text.ptr);
	}
	q.root = x->root;
	q.run_id = job_id(x->job);
	q.issue_key = x->issue_key;
	q.title = x->title;
	q.task = x->task.ptr;
	q.files = &x->files;
	q.fix = x->fix;
	q.max_cost_usd = x->max_cost;
	q.cfg = x->cfg;
	q.ladder = &x->ladder;
	q.loop = a->loop;
	q.llm = agent_llm(a);
	q.procs = a->procs;
	q.verify_cache = a->verify_cache;
	q.patterns = a->patterns;
	rc = exec_start(&x->run, &q, &cb, e);
out:
	context_result_release(&ctx);
	return rc;
}

/* fix: the staged content's failure is the task. */
static void fix_verified(struct verify_result *res, void *data)
{
	struct exec_job *x = data;
	struct err e = ERR_INIT;
	int n = 0;

	x->vrun = NULL;
	if (job_cancelled(x->job)) {
		err_set(&x->err, ERR_CANCELLED, "cancelled");
		goto end;
	}
	if (res->ok) {
		err_set(&x->err, ERR_NOTHING_TO_FIX,
			"the staged content passes every check: nothing to "
			"fix");
		goto end;
	}
	buf_adds(&x->task, "The developer's commit was blocked: these checks "
			   "failed on the staged content.\n\n");
	for (size_t i = 0; i < res->n; i++) {
		const struct verify_check_result *c = &res->checks[i];

		if (!c->blocking || c->status == VERIFY_PASSED ||
		    c->status == VERIFY_SKIPPED)
			continue;
		buf_addf(&x->task, "Check `%s` %s.\n", c->name,
			 verify_status_name(c->status));
		for (size_t k = 0; k < c->diags.n; k++) {
			const struct diag *d = &c->diags.v[k];

			if (d->severity != DIAG_ERROR || n++ >= 50)
				continue;
			buf_addf(&x->task, "- %s at %s:%d:%d: %s", d->category,
				 d->file ? d->file : "?", d->line, d->column,
				 d->message ? d->message : "");
			if (d->hint)
				buf_addf(&x->task, "\n  hint: %s", d->hint);
			buf_addch(&x->task, '\n');
			if (d->file)
				strv_add(&x->files, d->file);
		}
	}
	strv_sort_uniq(&x->files);
	buf_adds(&x->task, "\nFix these errors in the files with the smallest "
			   "change that keeps what the developer meant.\n");
	if (start_exec(x, &e) < 0)
		err_move(&x->err, &e);
	else
		goto out;
end:
	x->ended = true;
out:
	verify_result_free(res);
	err_clear(&e);
	job_wake(x->job);
}

static enum job_step exec_step(struct job *j)
{
	struct exec_job *x = job_data(j);
	struct verify_request q = { 0 };
	struct err e = ERR_INIT;

	if (x->job)
		return x->ended ? JOB_STEP_DONE : JOB_STEP_WAIT;
	x->job = j;
	if (job_cancelled(j)) {
		err_set(&x->err, ERR_CANCELLED, "cancelled");
		return JOB_STEP_DONE;
	}
	if (!x->fix) {
		if (start_exec(x, &e) < 0)
			goto fail;
		return JOB_STEP_WAIT;
	}
	job_emit(j, "verify", "finding what failed", NULL);
	q.root = x->root;
	q.staged = true;
	q.procs = x->agent->procs;
	q.patterns = x->agent->patterns;
	q.cache = x->agent->verify_cache;
	if (verify_run(&x->vrun, x->agent->loop, &q, fix_verified, x, &e) < 0)
		goto fail;
	return JOB_STEP_WAIT;
fail:
	err_move(&x->err, &e);
	return JOB_STEP_DONE;
}

static void exec_cancel_job(struct job *j)
{
	struct exec_job *x = job_data(j);

	if (x->vrun)
		verify_cancel(x->vrun);
	else if (x->run && !x->ended)
		exec_cancel(x->run);
}

static void exec_release(void *data)
{
	struct exec_job *x = data;

	exec_free(x->run);
	config_free(x->cfg);
	exec_ladder_release(&x->ladder);
	free(x->root);
	free(x->issue_key);
	free(x->issue_source);
	free(x->title);
	free(x->subtask_id);
	buf_release(&x->task);
	strv_release(&x->files);
	buf_release(&x->result);
	err_clear(&x->err);
	buf_release(&x->err_data);
	free(x->category);
	free(x);
}

static void exec_summarize(struct job *j, struct job_summary *out)
{
	struct exec_job *x = job_data(j);

	if (x->err.kind == ERR_CANCELLED || (!x->err.kind && !x->ended)) {
		out->outcome = JOB_CANCELLED;
		return;
	}
	out->outcome = x->err.kind ? JOB_FAILED : JOB_SUCCEEDED;
	out->result = x->err.kind ? NULL : x->committed ? "committed"
							: "staged";
	out->error_kind = x->err.kind;
	out->error_category = x->category;
	out->error_message = x->err.kind ? x->err.msg.ptr : NULL;
}

static const struct job_kind execute_kind = {
	.name = "execute",
	.outlives_caller = true,
	.step = exec_step,
	.cancel = exec_cancel_job,
	.release = exec_release,
	.summarize = exec_summarize,
};

static const struct job_kind fix_kind = {
	.name = "fix",
	.outlives_caller = true,
	.step = exec_step,
	.cancel = exec_cancel_job,
	.release = exec_release,
	.summarize = exec_summarize,
};

static void exec_reply(struct rpc_call *call, struct job *j)
{
	struct exec_job *x = job_data(j);

	/* Cancelled while it waited in the queue: it never ran. */
	if (!x->err.kind && !x->result.len)
		err_set(&x->err, ERR_CANCELLED, "cancelled before it started");
	if (x->err.kind)
		rpc_call_reply_error_data(call, &x->err,
					  x->err_data.len ? x->err_data.ptr
							  : NULL);
	else
		rpc_call_reply(call, x->result.ptr, x->result.len);
}

/* The task from a stored plan: the plan as plan/get shows it, read back
 * through the one task_text. */
static int read_planned(struct rpc_call *call, struct exec_job *x,
			int64_t plan_id, struct err *e)
{
	struct plan p;
	struct buf json = BUF_INIT;
	struct json_writer w;
	struct json_doc d = JSON_DOC_INIT;
	char *sub = NULL;
	int64_t rev = 0;
	int rc = -1, st = -1;

	plan_init(&p);
	if (rpc_param_string(call, "subtaskId", &sub, e) < 0 ||
	    rpc_param_int(call, "revision", 1, INT32_MAX, &rev, e) < 0)
		goto out;
	if (!sub) {
		err_set(e, ERR_INVALID_PARAMS,
			"param 'subtaskId' is required with planId");
		goto out;
	}
	if (!x->agent->store) {
		err_set(e, ERR_STORE, "no run store: plans cannot be read");
		goto out;
	}
	if (plan_load(x->agent->store, plan_id, (int)rev, &p, e) < 0)
		goto out;
	if (!plan_subtask_find(&p, sub)) {
		err_set(e, ERR_NOT_FOUND, "plan %lld has no subtask '%s'",
			(long long)plan_id, sub);
		goto out;
	}
	json_writer_init(&w, &json);
	plan_write_json(&w, &p);
	if (json_parse(&d, json.ptr, json.len, JSON_MAX_DEPTH_DEFAULT, e) < 0)
		goto out;
	for (int v = json_first(&d, json_get(&d, 0, "subtasks")); v >= 0;
	     v = json_next(&d, v))
		if (json_str_eq(&d, json_get(&d, v, "id"), sub))
			st = v;
	x->issue_key = p.issue.key ? xstrdup(p.issue.key) : NULL;
	x->issue_source = p.issue.source ? xstrdup(p.issue.source) : NULL;
	x->title = json_strdup(&d, json_get(&d, st, "title"));
	x->subtask_id = xstrdup(sub);
	task_text(&d, 0, st, &x->task, &x->files);
	rc = 0;
out:
	json_doc_release(&d);
	buf_release(&json);
	plan_release(&p);
	free(sub);
	return rc;
}

/* The subtask to run: params.subtask inline, or params.planId +
 * params.subtaskId from the plan store. */
static int read_subtask(struct rpc_call *call, struct exec_job *x,
			struct err *e)
{
	const struct json_doc *d = rpc_call_doc(call);
	int st = rpc_call_param(call, "subtask");
	int issue = rpc_call_param(call, "issue");
	int64_t plan_id = 0;

	if (rpc_param_int(call, "planId", 1, INT64_MAX, &plan_id, e) < 0)
		return -1;
	x->plan_id = plan_id;
	if (plan_id)
		return read_planned(call, x, plan_id, e);
	if (st < 0)
		return err_set(e, ERR_INVALID_PARAMS,
			       "name the work: subtask, planId and subtaskId, "
			       "or fix");
	if (json_type(d, st) != JSON_OBJECT ||
	    json_type(d, json_get(d, st, "title")) != JSON_STRING)
		return err_set(e, ERR_INVALID_PARAMS,
			       "param 'subtask' must be an object with a title");
	if (issue >= 0) {
		x->issue_key = json_strdup(d, json_get(d, issue, "key"));
		x->issue_source = json_strdup(d, json_get(d, issue, "source"));
	}
	x->title = json_strdup(d, json_get(d, st, "title"));
	x->subtask_id = json_strdup(d, json_get(d, st, "id"));
	task_text(d, -1, st, &x->task, &x->files);
	return 0;
}

static void handle_execute(struct rpc_call *call)
{
	struct agent *a = call_agent(call);
	struct job_spec spec = { .priority = JOB_NORMAL, .writer = true };
	struct exec_job *x = xcalloc(1, sizeof(*x));
	struct err e = ERR_INIT;
	struct job *j;
	bool fix = false;

	x->agent = a;
	buf_init(&x->task, 0);
	buf_init(&x->result, 0);
	buf_init(&x->err_data, 0);
	err_init(&x->err);
	if (method_param_root(call, &x->root, &e) < 0 ||
	    rpc_param_bool(call, "detach", &x->detached, &e) < 0 ||
	    rpc_param_double(call, "maxCostUsd", &x->max_cost, &e) < 0 ||
	    method_param_priority(call, &spec.priority, &e) < 0)
		goto fail;
	fix = rpc_call_param(call, "fix") >= 0;
	if (x->max_cost < 0) {
		err_set(&e, ERR_INVALID_PARAMS,
			"param 'maxCostUsd' must be 0 or more");
		goto fail;
	}
	if (config_open(&x->cfg, x->root, &e) < 0 ||
	    exec_ladder_load(&x->ladder, x->cfg, &e) < 0)
		goto fail;
	if (!x->max_cost) {
		char *s = NULL;

		if (config_get_string(x->cfg, "exec", NULL, "maxCostUsd", &s,
				      &e) > 0)
			x->max_cost = strtod(s, NULL);
		free(s);
	}
	x->fix = fix;
	if (!fix && read_subtask(call, x, &e) < 0)
		goto fail;
	if (fix)
		x->title = xstrdup("fix the blocked commit");
	spec.kind = fix ? &fix_kind : &execute_kind;
	spec.data = x;
	spec.work_tree = x->root;
	spec.origin = "editor";
	spec.issue_key = x->issue_key;
	spec.subtask = x->subtask_id;
	if (!x->detached) {
		method_job_start(call, &spec, exec_reply);
		return;
	}
	/* Detached: the run is the agent's alone; the caller follows it with
	 * run/subscribe or run/events. */
	j = job_submit(a->jobs, &spec, NULL);
	{
		struct buf out = BUF_INIT;

		buf_adds(&out, "{\"runId\":");
		buf_add_uint(&out, job_id(j));
		buf_adds(&out, ",\"state\":\"queued\"}");
		rpc_call_reply_buf(call, &out);
	}
	return;
fail:
	rpc_call_reply_error(call, &e);
	err_clear(&e);
	exec_release(x);
}

/* ---- run/rollback ---- */

enum rollback_mode { RB_RESTORE, RB_REVERT, RB_RESET };

static const char *const rollback_modes[] = { "restore", "revert", "reset" };

struct rollback_job {
	struct agent *agent;
	struct job *job;
	int64_t target;
	char *work_tree;
	enum rollback_mode mode;
	char *commit, *tag, *subject;
	bool started;
	/* Filled by the work, off the loop. */
	struct strv files;
	char new_commit[REPO_OID_HEX + 1];
	struct err err;
	struct buf result;
};

/* The git work, on a thread: the loop goes on answering meanwhile. */
static void rollback_work(void *arg)
{
	struct rollback_job *rb = arg;
	struct repo *repo = NULL;
	struct buf msg = BUF_INIT;

	if (repo_open(&repo, rb->work_tree, &rb->err) < 0)
		goto out;
	switch (rb->mode) {
	case RB_RESTORE:
		if (snapshot_restore(repo, rb->target, &rb->files,
				     &rb->err) < 0)
			goto out;
		snapshot_drop(repo, rb->target, &rb->err);
		err_clear(&rb->err);
		break;
	case RB_REVERT:
		buf_addf(&msg, "Revert \"%s\"\n\nThis reverts commit %s, made "
			       "by airunner run %lld.\n\nAI-Run: %llu\n",
			 rb->subject ? rb->subject : rb->commit, rb->commit,
			 (long long)rb->target,
			 (unsigned long long)job_id(rb->job));
		commit_revert(repo, rb->commit, msg.ptr, rb->new_commit,
			      &rb->files, &rb->err);
		break;
	case RB_RESET:
		commit_reset(repo, rb->tag, rb->commit, &rb->files, &rb->err);
		break;
	}
out:
	buf_release(&msg);
	repo_free(repo);
}

static enum job_step rollback_step(struct job *j)
{
	struct rollback_job *rb = job_data(j);
	struct json_writer w;
	struct buf data = BUF_INIT;

	if (!rb->started) {
		rb->job = j;
		rb->started = true;
		if (job_cancelled(j)) {
			err_set(&rb->err, ERR_CANCELLED, "cancelled");
			return JOB_STEP_DONE;
		}
		buf_addf(&data, "{\"run\":%lld,\"mode\":\"%s\"}",
			 (long long)rb->target, rollback_modes[rb->mode]);
		job_emit(j, "rollback", NULL, data.ptr);
		buf_release(&data);
		if (job_offload(j, rollback_work, rb, &rb->err) < 0)
			return JOB_STEP_DONE;
		return JOB_STEP_WAIT;
	}
	if (job_offloaded(j))
		return JOB_STEP_WAIT;
	if (!rb->err.kind) {
		json_writer_init(&w, &rb->result);
		json_obj_begin(&w);
		json_kv_int(&w, "runId", (int64_t)job_id(j));
		json_kv_int(&w, "rolledBack", rb->target);
		json_kv_str(&w, "mode", rollback_modes[rb->mode]);
		write_files(&w, &rb->files);
		if (rb->new_commit[0])
			json_kv_str(&w, "commit", rb->new_commit);
		json_obj_end(&w);
		job_emit(j, "restored", NULL, rb->result.ptr);
	}
	return JOB_STEP_DONE;
}

static void rollback_release(void *data)
{
	struct rollback_job *rb = data;

	free(rb->work_tree);
	free(rb->commit);
	free(rb->tag);
	free(rb->subject);
	strv_release(&rb->files);
	err_clear(&rb->err);
	buf_release(&rb->result);
	free(rb);
}

static void rollback_summarize(struct job *j, struct job_summary *out)
{
	struct rollback_job *rb = job_data(j);

	if (rb->err.kind == ERR_CANCELLED || !rb->started) {
		out->outcome = JOB_CANCELLED;
		return;
	}
	out->outcome = rb->err.kind ? JOB_FAILED : JOB_SUCCEEDED;
	out->result = rb->err.kind ? NULL : rollback_modes[rb->mode];
	out->error_kind = rb->err.kind;
	out->error_message = rb->err.kind ? rb->err.msg.ptr : NULL;
}

/* Cancelling a rollback half-way would leave a half-restored tree: the
 * git work, once started, finishes. */
static const struct job_kind rollback_kind = {
	.name = "rollback",
	.outlives_caller = true,
	.step = rollback_step,
	.release = rollback_release,
	.summarize = rollback_summarize,
};

static void rollback_reply(struct rpc_call *call, struct job *j)
{
	struct rollback_job *rb = job_data(j);

	if (!rb->err.kind && !rb->result.len)
		err_set(&rb->err, ERR_CANCELLED, "cancelled before it started");
	if (rb->err.kind)
		rpc_call_reply_error(call, &rb->err);
	else
		rpc_call_reply(call, rb->result.ptr, rb->result.len);
}

/* What the run committed, from its "commit" event: sha and tag. */
static int read_commit(struct agent *a, struct rollback_job *rb,
		       struct err *e)
{
	struct buf data = BUF_INIT;
	struct json_doc d;
	bool found = false;
	int rc = -1;

	if (store_event_find(a->store, rb->target, "commit", &data, &found,
			     e) < 0)
		goto out;
	if (!found) {
		rc = 0;
		goto out;
	}
	if (json_parse(&d, data.ptr, data.len, JSON_MAX_DEPTH_DEFAULT, e) < 0)
		goto out;
	rb->commit = json_strdup(&d, json_get(&d, 0, "sha"));
	rb->tag = json_strdup(&d, json_get(&d, 0, "tag"));
	json_doc_release(&d);
	rc = 0;
out:
	buf_release(&data);
	return rc;
}

static void handle_rollback(struct rpc_call *call)
{
	struct agent *a = call_agent(call);
	struct job_spec spec = { .priority = JOB_HIGH, .writer = true };
	struct rollback_job *rb = xcalloc(1, sizeof(*rb));
	struct store_run run = { 0 };
	struct err e = ERR_INIT;
	char *mode = NULL;
	bool have_run = false;

	rb->agent = a;
	err_init(&rb->err);
	buf_init(&rb->result, 0);
	if (rpc_param_int(call, "runId", 1, INT64_MAX, &rb->target, &e) < 0 ||
	    rpc_param_string(call, "mode", &mode, &e) < 0)
		goto fail;
	if (!rb->target) {
		err_set(&e, ERR_INVALID_PARAMS, "param 'runId' is required");
		goto fail;
	}
	if (mode && strcmp(mode, "revert") && strcmp(mode, "reset")) {
		err_set(&e, ERR_INVALID_PARAMS,
			"param 'mode' must be \"revert\" or \"reset\"");
		goto fail;
	}
	if (!a->store) {
		err_set(&e, ERR_STORE, "no run store: runs cannot be found");
		goto fail;
	}
	if (store_run_get(a->store, rb->target, &run, &e) < 0)
		goto fail;
	have_run = true;
	if (strcmp(run.kind, "execute") && strcmp(run.kind, "fix")) {
		err_set(&e, ERR_INVALID_PARAMS,
			"run %lld is a %s run: only execute and fix runs are "
			"rolled back", (long long)rb->target, run.kind);
		goto fail;
	}
	if (run.state == STORE_QUEUED || run.state == STORE_RUNNING) {
		err_set(&e, ERR_STORE_STATE,
			"run %lld is still %s: cancel it first (run/cancel); a "
			"cancelled run restores itself", (long long)rb->target,
			store_state_name(run.state));
		goto fail;
	}
	if (!run.work_tree) {
		err_set(&e, ERR_NOT_FOUND, "run %lld has no work tree",
			(long long)rb->target);
		goto fail;
	}
	rb->work_tree = xstrdup(run.work_tree);
	if (read_commit(a, rb, &e) < 0)
		goto fail;
	if (rb->commit) {
		rb->mode = mode && !strcmp(mode, "reset") ? RB_RESET
							  : RB_REVERT;
		if (rb->mode == RB_RESET && !rb->tag) {
			err_set(&e, ERR_NOT_FOUND,
				"run %lld's commit has no tag (it was the "
				"first commit of its branch): use mode "
				"\"revert\"", (long long)rb->target);
			goto fail;
		}
	} else {
		if (mode) {
			err_set(&e, ERR_INVALID_PARAMS,
				"run %lld made no commit: it is restored from "
				"its snapshot, without a mode",
				(long long)rb->target);
			goto fail;
		}
		rb->mode = RB_RESTORE;
	}
	spec.kind = &rollback_kind;
	spec.data = rb;
	spec.work_tree = rb->work_tree;
	spec.origin = "editor";
	spec.issue_key = run.issue_key; /* copied by job_submit */
	method_job_start(call, &spec, rollback_reply);
	store_run_release(&run);
	free(mode);
	return;
fail:
	rpc_call_reply_error(call, &e);
	err_clear(&e);
	if (have_run)
		store_run_release(&run);
	free(mode);
	rollback_release(rb);
}

static const struct rpc_param_spec execute_params[] = {
	{ "root", RPC_T(JSON_STRING), false },
	{ "planId", RPC_T(JSON_NUMBER), false },
	{ "subtaskId", RPC_T(JSON_STRING), false },
	{ "revision", RPC_T(JSON_NUMBER), false },
	{ "subtask", RPC_T(JSON_OBJECT), false },
	{ "issue", RPC_T(JSON_OBJECT), false },
	{ "fix", RPC_T(JSON_OBJECT), false },
	{ "maxCostUsd", RPC_T(JSON_NUMBER), false },
	{ "priority", RPC_T(JSON_STRING), false },
	{ "detach", RPC_T_BOOL, false },
	{ "workDoneToken", RPC_T(JSON_STRING) | RPC_T(JSON_NUMBER), false },
	{ NULL, 0, false },
};

static const struct rpc_param_spec rollback_params[] = {
	{ "runId", RPC_T(JSON_NUMBER), true },
	{ "mode", RPC_T(JSON_STRING), false },
	{ "workDoneToken", RPC_T(JSON_STRING) | RPC_T(JSON_NUMBER), false },
	{ NULL, 0, false },
};

const struct rpc_method methods_exec[] = {
	{ "subtask/execute", handle_execute, execute_params, 0 },
	{ "run/rollback", handle_rollback, rollback_params, 0 },
	{ NULL, NULL, NULL, 0 },
};
