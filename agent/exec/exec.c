/*
 * exec: the run's state machine (exec.h says what a run is).
 *
 * Every transition happens in advance(), called from a zero timer: model
 * and verification callbacks only store what they got and kick, so no
 * callback starts new work from inside the code that called it (curl's
 * done loop, verify's done) and a cancel never re-enters a step.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ev.h>

#include "config/config.h"
#include "exec/exec.h"
#include "exec/tools.h"
#include "exec/workspace.h"
#include "git/commit.h"
#include "git/repo.h"
#include "git/snapshot.h"
#include "llm/cost.h"
#include "util/log.h"
#include "util/mem.h"
#include "verify/verify.h"

#define DEFAULT_MAX_TURNS 25
/* Room for the answer besides the thinking budget. */
#define OUTPUT_TOKENS 8192
/* A file's content in the task layer, and a diff in a retry prompt. */
#define TASK_FILE_MAX (64 << 10)
#define DIFF_MAX (48 << 10)
#define ERRORS_SHOWN 20

enum stage {
	ST_ATTEMPT,   /* start the next attempt's first call */
	ST_CALLING,   /* a model call in flight */
	ST_ANSWERED,  /* a model answer to act on */
	ST_VERIFYING, /* verification in flight */
	ST_VERIFIED,  /* a verification result to act on */
	ST_ENDED,
};

struct exec_run {
	struct ev_loop *loop;
	char *root, *issue_key, *title, *task, *context;
	struct strv files;
	bool fix;
	double max_cost;
	int max_turns;
	uint64_t run_id;
	struct config *cfg;
	struct exec_ladder ladder;
	struct llm_client *llm;
	struct job_pool *procs;
	struct verify_cache *verify_cache;
	struct classify_cache *patterns;
	struct exec_callbacks cb;

	struct workspace *ws;
	struct repo *repo;
	struct buf system;     /* instructions + context: the first layer */
	struct buf task_layer; /* the plan, the subtask, its files */
	/* The person's changes a run must not carry: every uncommitted path;
	 * for a fix, the paths with unstaged changes (staging them whole
	 * would commit more than the person staged). */
	struct strv user_dirty;

	enum stage stage;
	ev_timer kick;
	bool cancelled;

	/* The ladder's position. */
	int rung, rung_attempt, attempt, total;
	struct llm_provider prov;
	bool prov_loaded;
	char *model; /* the model asked for this attempt */

	/* The current attempt's conversation. */
	struct buf messages; /* a JSON array */
	int turns;
	struct llm_call *call;
	struct buf answer_src;  /* the last answer's content (JSON) */
	struct json_doc answer; /* parsed: it borrows answer_src */
	bool has_answer;
	struct err call_err;
	char *answered_model;
	struct llm_usage att_usage;
	double att_cost, att_start;

	struct verify_run *vrun;
	struct verify_result *vres;

	/* Across attempts. */
	struct buf history;   /* every failed attempt's errors, for prompts */
	struct buf last_sig;  /* the last attempt's errors, to spot a repeat */
	bool repeated;        /* the last two attempts ended alike */
	struct buf diags_json;
	char *category;
	struct llm_usage usage;
	double spent;

	/* The end. */
	struct buf refused; /* the first edit refused, for the error */
	struct err err;
	char commit_id[REPO_OID_HEX + 1];
	struct buf tag;
	bool restored;
};

static const char INSTRUCTIONS[] =
	"You are airunner, a software engineer working in a git repository "
	"on behalf of its developer. You change the repository only through "
	"the tools you are given; every path is relative to the repository's "
	"top folder. Make the smallest change that does what the task asks "
	"and leaves the project's checks (type checker, linter, compiler, "
	"tests) passing. Read a file before you change it. Prefer "
	"replace_in_file for small edits of existing files. Never touch "
	".git or .airunner. When the work is done, answer with a short "
	"summary of what you changed and why, and call no more tools: the "
	"agent then runs the project's checks on your change.";

static void kick(struct exec_run *r)
{
	ev_timer_stop(r->loop, &r->kick);
	ev_timer_set(&r->kick, 0., 0.);
	ev_timer_start(r->loop, &r->kick);
}

static void emit(struct exec_run *r, const char *phase, const char *message,
		 const char *data)
{
	if (r->cb.event)
		r->cb.event(phase, message, data, r->cb.ud);
}

/* ---- the prompt ---- */

static void build_system(struct exec_run *r)
{
	buf_adds(&r->system, INSTRUCTIONS);
	if (r->context && *r->context) {
		buf_adds(&r->system, "\n\n# The repository\n\n");
		buf_adds(&r->system, r->context);
	}
}

/* The task and its files as they are now, before any write of this run:
 * the same bytes for every attempt, so it is read from the cache. */
static void build_task_layer(struct exec_run *r)
{
	struct buf *b = &r->task_layer;

	buf_adds(b, r->fix ? "# What to fix\n\n" : "# Your task\n\n");
	buf_adds(b, r->task);
	if (r->files.n)
		buf_adds(b, "\n\n# The task's files as they are now\n");
	for (size_t i = 0; i < r->files.n; i++) {
		struct workspace_file f = WORKSPACE_FILE_INIT;
		struct err e = ERR_INIT;

		buf_addf(b, "\n## %s\n\n", r->files.v[i]);
		if (workspace_read(r->ws, r->files.v[i], TASK_FILE_MAX, &f,
				   &e) < 0)
			buf_addf(b, "(not shown: %s)\n", e.msg.ptr);
		else if (!f.exists)
			buf_adds(b, "(does not exist yet)\n");
		else if (memchr(f.content.ptr, 0, f.content.len))
			buf_adds(b, "(binary)\n");
		else {
			buf_adds(b, "```\n");
			buf_add(b, f.content.ptr, f.content.len);
			if (f.content.len &&
			    f.content.ptr[f.content.len - 1] != '\n')
				buf_addch(b, '\n');
			buf_adds(b, "```\n");
		}
		workspace_file_release(&f);
		err_clear(&e);
	}
}

static const struct exec_rung *rung_of(const struct exec_run *r)
{
	return &r->ladder.v[r->rung];
}

/* What is particular to this attempt: which one it is, and what the earlier
 * ones got wrong. */
static void build_attempt_text(struct exec_run *r, struct buf *b)
{
	buf_addf(b, "This is attempt %d of at most %d.", r->attempt, r->total);
	if (!r->history.len) {
		buf_adds(b, r->fix ? " Fix the errors above in the files; the "
				     "fixed files are staged for the commit."
				   : " Begin.");
		return;
	}
	buf_adds(b, " The earlier attempts did not pass verification.\n\n");
	buf_add(b, r->history.ptr, r->history.len);
	if (r->repeated)
		buf_adds(b, "\nThe last attempt ended with exactly the same "
			    "errors as the one before it: that approach does "
			    "not work. Take a different one.\n");
	buf_adds(b, "\nThe work tree holds the last attempt's changes (the "
		    "diff above is against the original files). Fix what the "
		    "checks report; change other things only as needed.\n");
}

static void start_messages(struct exec_run *r)
{
	struct json_writer w;
	struct buf text = BUF_INIT;

	build_attempt_text(r, &text);
	buf_reset(&r->messages);
	json_writer_init(&w, &r->messages);
	json_arr_begin(&w);
	json_obj_begin(&w);
	json_kv_str(&w, "role", "user");
	json_key(&w, "content");
	json_arr_begin(&w);
	/* The task layer carries its own breakpoint: the attempt's text
	 * after it changes, the task does not. */
	json_obj_begin(&w);
	json_kv_str(&w, "type", "text");
	json_key(&w, "text");
	json_w_strn(&w, r->task_layer.ptr, r->task_layer.len);
	json_key(&w, "cache_control");
	json_obj_begin(&w);
	json_kv_str(&w, "type", "ephemeral");
	json_obj_end(&w);
	json_obj_end(&w);
	json_obj_begin(&w);
	json_kv_str(&w, "type", "text");
	json_key(&w, "text");
	json_w_strn(&w, text.ptr, text.len);
	json_obj_end(&w);
	json_arr_end(&w);
	json_obj_end(&w);
	json_arr_end(&w);
	buf_release(&text);
	r->turns = 0;
}

/* Appends one message ({"role": role, "content": raw JSON}) to the array. */
static void messages_push(struct exec_run *r, const char *role,
			  const char *content, size_t n)
{
	struct buf m = BUF_INIT;
	struct json_writer w;

	/* Drop the closing bracket, add ",{...}]". */
	buf_truncate(&r->messages, r->messages.len - 1);
	json_writer_init(&w, &m);
	json_obj_begin(&w);
	json_kv_str(&w, "role", role);
	json_key(&w, "content");
	json_w_raw(&w, content, n);
	json_obj_end(&w);
	buf_addch(&r->messages, ',');
	buf_add(&r->messages, m.ptr, m.len);
	buf_addch(&r->messages, ']');
	buf_release(&m);
}

/* ---- ending ---- */

static void finish(struct exec_run *r);

/* The work tree back as it was, from the snapshot. */
static void restore(struct exec_run *r)
{
	struct strv files = STRV_INIT;
	struct err e = ERR_INIT;
	struct buf data = BUF_INIT;
	struct json_writer w;
	bool exists = false;

	if (snapshot_exists(r->repo, (int64_t)r->run_id, &exists, &e) < 0 ||
	    !exists)
		goto out;
	if (snapshot_restore(r->repo, (int64_t)r->run_id, &files, &e) < 0) {
		log_error("run %llu: restoring the work tree: %s",
			  (unsigned long long)r->run_id, e.msg.ptr);
		emit(r, "restore_failed", e.msg.ptr, NULL);
		goto out;
	}
	r->restored = true;
	json_writer_init(&w, &data);
	json_obj_begin(&w);
	json_key(&w, "files");
	json_arr_begin(&w);
	for (size_t i = 0; i < files.n; i++)
		json_w_str(&w, files.v[i]);
	json_arr_end(&w);
	json_obj_end(&w);
	emit(r, "restored", "the work tree is as it was", data.ptr);
	snapshot_drop(r->repo, (int64_t)r->run_id, &e);
out:
	strv_release(&files);
	buf_release(&data);
	err_clear(&e);
}

static void fail(struct exec_run *r, enum err_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fail(struct exec_run *r, enum err_kind kind, const char *fmt, ...)
{
	va_list ap;

	if (!r->err.kind) {
		struct buf msg = BUF_INIT;

		va_start(ap, fmt);
		buf_vaddf(&msg, fmt, ap);
		va_end(ap);
		err_set(&r->err, kind, "%s", msg.ptr);
		buf_release(&msg);
	}
	restore(r);
	finish(r);
}

static void finish(struct exec_run *r)
{
	struct exec_result res = { 0 };

	r->stage = ST_ENDED;
	ev_timer_stop(r->loop, &r->kick);
	res.ok = !r->err.kind;
	res.commit = r->commit_id[0] ? r->commit_id : NULL;
	res.tag = r->tag.len ? r->tag.ptr : NULL;
	res.files = workspace_touched(r->ws);
	res.attempts = r->attempt;
	res.cost = r->spent;
	res.usage = r->usage;
	res.category = r->category;
	res.diagnostics_json = r->diags_json.len ? r->diags_json.ptr : NULL;
	res.restored = r->restored;
	r->cb.done(&res, r->err.kind ? &r->err : NULL, r->cb.ud);
}

/* ---- the ladder ---- */

/* Moves to the next attempt: the rung's next, or the next rung's first
 * (at once when the last two attempts ended alike). false: none left. */
static bool climb(struct exec_run *r)
{
	if (r->repeated || r->rung_attempt >= rung_of(r)->attempts) {
		if (r->rung + 1 >= r->ladder.n)
			return false;
		r->rung++;
		r->rung_attempt = 0;
	}
	return true;
}

static int load_rung(struct exec_run *r, struct err *e)
{
	const struct exec_rung *g = rung_of(r);

	if (r->prov_loaded) {
		llm_provider_release(&r->prov);
		r->prov_loaded = false;
	}
	if (llm_provider_load(&r->prov, r->cfg, g->provider, e) < 0)
		return -1;
	r->prov_loaded = true;
	free(r->model);
	r->model = xstrdup(g->model ? g->model
				    : r->prov.default_model ? r->prov.default_model
							    : "");
	return 0;
}

/* ---- a model call ---- */

static void on_delta(enum llm_block_type type, int index, const char *p,
		     size_t n, int attempt, void *ud)
{
	struct exec_run *r = ud;
	struct buf out = BUF_INIT;
	struct json_writer w;

	(void)index;
	(void)attempt;
	if (!r->cb.report ||
	    (type != LLM_BLOCK_TEXT && type != LLM_BLOCK_THINKING))
		return;
	json_writer_init(&w, &out);
	json_obj_begin(&w);
	json_kv_str(&w, "kind", "report");
	json_kv_str(&w, "type", type == LLM_BLOCK_TEXT ? "text" : "thinking");
	json_kv_int(&w, "attempt", r->attempt);
	json_key(&w, "delta");
	json_w_strn(&w, p, n);
	json_obj_end(&w);
	r->cb.report(out.ptr, r->cb.ud);
	buf_release(&out);
}

static void on_answer(const struct llm_response *res, const struct err *e,
		      void *ud)
{
	struct exec_run *r = ud;
	struct json_writer w;
	struct err pe = ERR_INIT;

	r->call = NULL;
	r->att_usage.input += res->usage.input;
	r->att_usage.output += res->usage.output;
	r->att_usage.cache_read += res->usage.cache_read;
	r->att_usage.cache_write += res->usage.cache_write;
	r->att_usage.cache_write_1h += res->usage.cache_write_1h;
	if (res->cost_usd > 0) {
		r->att_cost += res->cost_usd;
		r->spent += res->cost_usd;
	}
	if (res->model) {
		free(r->answered_model);
		r->answered_model = xstrdup(res->model);
	}
	if (e) {
		err_set(&r->call_err, e->kind, "%s", e->msg.ptr);
	} else {
		if (r->has_answer)
			json_doc_release(&r->answer);
		buf_reset(&r->answer_src);
		json_writer_init(&w, &r->answer_src);
		llm_write_content(&w, res);
		r->has_answer = json_parse(&r->answer, r->answer_src.ptr,
					   r->answer_src.len, JSON_MAX_DEPTH_DEFAULT,
					   &pe) == 0;
		if (!r->has_answer)
			err_set(&r->call_err, ERR_LLM, "the answer: %s",
				pe.msg.ptr);
		else
			messages_push(r, "assistant", r->answer_src.ptr,
				      r->answer_src.len);
	}
	err_clear(&pe);
	r->stage = ST_ANSWERED;
	kick(r);
}

/* The most this call can cost: the whole prompt at the uncached input
 * price, and every output token it may produce. Anything lower could let a
 * call cross the cap. */
static double call_cost_bound(struct exec_run *r, const struct llm_request *q)
{
	struct llm_price price;
	struct llm_usage u = { 0 };
	struct err e = ERR_INIT;
	size_t bytes = r->system.len + r->messages.len + exec_tools_len();

	if (cost_price(&price, q->model, r->cfg, &e) <= 0) {
		err_clear(&e);
		return 0; /* no price known: nothing to hold it to */
	}
	/* ~3 bytes a token for code is on the high side of the count, as a
	 * bound should be. */
	u.input = (int64_t)(bytes / 3);
	u.output = q->max_tokens;
	return cost_usd(&price, &u);
}

static void start_call(struct exec_run *r)
{
	static const int cache_last[] = { -1 };
	struct llm_request q = { 0 };
	struct llm_callbacks cb = { on_delta, on_answer, r };
	const struct exec_rung *g = rung_of(r);
	double bound;

	q.model = r->model;
	q.system = r->system.ptr;
	q.messages_json = r->messages.ptr;
	q.messages_len = r->messages.len;
	q.tools_json = exec_tools_json();
	q.tools_len = exec_tools_len();
	q.stream = true;
	q.cache_system = true;
	/* The conversation so far: the next turn reads it from the cache. */
	q.cache_messages = cache_last;
	q.n_cache_messages = 1;
	if (r->prov.wire == LLM_WIRE_ANTHROPIC && g->thinking_budget > 0)
		q.thinking_budget = g->thinking_budget;
	q.max_tokens = q.thinking_budget + OUTPUT_TOKENS;
	bound = call_cost_bound(r, &q);
	if (r->max_cost > 0 && r->spent + bound > r->max_cost) {
		struct buf data = BUF_INIT;

		buf_addf(&data, "{\"spentUsd\":%.6f,\"maxCostUsd\":%.6f,"
				"\"nextCallUsd\":%.6f}",
			 r->spent, r->max_cost, bound);
		emit(r, "budget", "the next model call could cross the cap",
		     data.ptr);
		buf_release(&data);
		fail(r, ERR_BUDGET_EXCEEDED,
		     "spend cap reached: $%.4f spent of $%.4f, and the next "
		     "call could cost up to $%.4f", r->spent, r->max_cost,
		     bound);
		return;
	}
	err_clear(&r->call_err);
	r->stage = ST_CALLING;
	r->call = llm_complete(r->llm, &r->prov, &q, r->cfg, &cb,
			       &r->call_err);
	if (!r->call) {
		r->stage = ST_ANSWERED; /* the error is the answer */
		kick(r);
	}
}

static void start_attempt(struct exec_run *r)
{
	struct buf data = BUF_INIT;
	struct json_writer w;
	struct err e = ERR_INIT;

	r->attempt++;
	r->rung_attempt++;
	if (r->rung_attempt == 1 && load_rung(r, &e) < 0) {
		/* A rung that cannot be used (no key): say so, climb on. */
		emit(r, "rung_skipped", e.msg.ptr, NULL);
		r->attempt--;
		r->rung_attempt = rung_of(r)->attempts;
		r->repeated = false;
		if (!climb(r)) {
			fail(r, e.kind, "%s", e.msg.ptr);
			err_clear(&e);
			return;
		}
		err_clear(&e);
		kick(r);
		return;
	}
	memset(&r->att_usage, 0, sizeof(r->att_usage));
	r->att_cost = 0;
	r->att_start = ev_time();
	json_writer_init(&w, &data);
	json_obj_begin(&w);
	json_kv_int(&w, "attempt", r->attempt);
	json_kv_int(&w, "of", r->total);
	json_kv_str(&w, "provider", r->prov.name);
	json_kv_str(&w, "model", r->model);
	json_obj_end(&w);
	emit(r, "attempt", NULL, data.ptr);
	buf_release(&data);
	start_messages(r);
	start_call(r);
}

/* ---- tools ---- */

/* Before the first write of a path: the original goes into the snapshot.
 * A file the person has changed and not committed is left alone, so the
 * run's commit never carries their work. */
static int before_write(const char *path, void *ud, struct err *e)
{
	struct exec_run *r = ud;

	if (strv_has(&r->user_dirty, path))
		return err_set(e, ERR_WORKSPACE_DIRTY, r->fix
			? "%s has unstaged changes of the developer's; a fix "
			  "would stage them too, so it is not edited"
			: "%s has uncommitted changes of the developer's; "
			  "it is not edited by a run (they commit or "
			  "stash them first)", path);
	if (snapshot_add(r->repo, (int64_t)r->run_id, path, e) < 0)
		return -1;
	if (workspace_touched(r->ws)->n == 0) {
		/* The first write: the snapshot exists from now on. */
		emit(r, "snapshot", NULL, "{}");
	}
	return 0;
}

/* Runs the answer's tool calls; true when there were any. */
static bool run_tools(struct exec_run *r)
{
	struct buf results = BUF_INIT;
	struct json_writer w;
	const struct json_doc *d = &r->answer;
	bool any = false;

	json_writer_init(&w, &results);
	json_arr_begin(&w);
	for (int b = json_first(d, 0); b >= 0; b = json_next(d, b)) {
		struct exec_tool_call tc = { 0 };
		struct buf out = BUF_INIT, ev = BUF_INIT;
		bool is_error;

		if (!json_str_eq(d, json_get(d, b, "type"), "tool_use"))
			continue;
		any = true;
		tc.id = json_strdup(d, json_get(d, b, "id"));
		tc.name = json_strdup(d, json_get(d, b, "name"));
		is_error = exec_tool_run(r->ws, d, json_get(d, b, "input"),
					 &tc, &out) < 0;
		exec_tool_event(&tc, &ev);
		emit(r, "tool", NULL, ev.ptr);
		if (tc.edit && !is_error) {
			buf_reset(&ev);
			exec_tool_edit_event(&tc, &ev);
			emit(r, "edit", NULL, ev.ptr);
		} else if (tc.error == ERR_OUTSIDE_WORKSPACE ||
			   tc.error == ERR_WORKSPACE_DIRTY) {
			/* Nothing was written; the model is told, and so is
			 * whoever follows the run. */
			buf_reset(&ev);
			exec_tool_event(&tc, &ev);
			emit(r, "refused", out.ptr, ev.ptr);
			if (!r->refused.len)
				buf_add(&r->refused, out.ptr, out.len);
		}
		json_obj_begin(&w);
		json_kv_str(&w, "type", "tool_result");
		json_kv_str(&w, "tool_use_id", tc.id ? tc.id : "");
		json_key(&w, "content");
		json_w_strn(&w, out.ptr, out.len);
		if (is_error)
			json_kv_bool(&w, "is_error", true);
		json_obj_end(&w);
		exec_tool_call_release(&tc);
		buf_release(&out);
		buf_release(&ev);
	}
	json_arr_end(&w);
	if (any)
		messages_push(r, "user", results.ptr, results.len);
	buf_release(&results);
	return any;
}

/* ---- verification ---- */

static void on_check(const struct verify_check_result *cr, size_t done,
		     size_t total, void *data)
{
	struct exec_run *r = data;
	struct buf ev = BUF_INIT;
	struct json_writer w;

	(void)done;
	(void)total;
	json_writer_init(&w, &ev);
	json_obj_begin(&w);
	json_kv_int(&w, "attempt", r->attempt);
	json_kv_str(&w, "check", cr->name);
	json_kv_str(&w, "status", verify_status_name(cr->status));
	json_kv_int(&w, "durationMs", (int64_t)(cr->duration * 1000.0 + 0.5));
	json_kv_int(&w, "diagnostics", (int64_t)cr->diags.n);
	json_obj_end(&w);
	emit(r, "check", cr->name, ev.ptr);
	buf_release(&ev);
}

static void on_verified(struct verify_result *res, void *data)
{
	struct exec_run *r = data;

	r->vrun = NULL;
	r->vres = res;
	r->stage = ST_VERIFIED;
	kick(r);
}

static void start_verify(struct exec_run *r)
{
	const struct strv *touched = workspace_touched(r->ws);
	struct verify_request q = { 0 };
	struct strv files = STRV_INIT;
	struct buf data = BUF_INIT;
	struct err e = ERR_INIT;

	buf_addf(&data, "{\"attempt\":%d}", r->attempt);
	emit(r, "verify", NULL, data.ptr);
	buf_release(&data);
	q.root = r->root;
	if (r->fix) {
		/* What the person will commit: the staged content, with the
		 * fixed files staged again. */
		if (touched->n && commit_stage_paths(r->repo, touched, &e) < 0) {
			fail(r, e.kind, "staging the fixed files: %s",
			     e.msg.ptr);
			goto out;
		}
		q.staged = true;
	} else {
		/* The changed files, and the task's files besides, so the
		 * checks that cover them run even when nothing changed. */
		strv_add_all(&files, touched);
		strv_add_all(&files, &r->files);
		strv_sort_uniq(&files);
		for (size_t i = 0; i < files.n; i++) {
			struct workspace_file f = WORKSPACE_FILE_INIT;
			struct err fe = ERR_INIT;

			/* A deleted file cannot be a check's argument. */
			if (workspace_read(r->ws, files.v[i], 1, &f, &fe) < 0 &&
			    fe.kind != ERR_TOO_BIG)
				f.exists = false;
			else if (fe.kind == ERR_TOO_BIG)
				f.exists = true;
			if (!f.exists) {
				free(files.v[i]);
				memmove(&files.v[i], &files.v[i + 1],
					(files.n - i - 1) * sizeof(char *));
				files.n--;
				files.v[files.n] = NULL;
				i--;
			}
			workspace_file_release(&f);
			err_clear(&fe);
		}
		q.files = files.n ? strv_argv(&files) : NULL;
		q.all = !files.n;
	}
	q.procs = r->procs;
	q.patterns = r->patterns;
	q.cache = r->verify_cache;
	q.progress = on_check;
	r->stage = ST_VERIFYING;
	if (verify_run(&r->vrun, r->loop, &q, on_verified, r, &e) < 0)
		fail(r, e.kind, "verification could not run: %s", e.msg.ptr);
out:
	strv_release(&files);
	err_clear(&e);
}

static bool check_failed(const struct verify_check_result *c)
{
	return c->blocking &&
	       (c->status == VERIFY_FAILED || c->status == VERIFY_TIMEOUT ||
		c->status == VERIFY_ERROR);
}

/* The failed verification as the next prompt reads it, and its signature:
 * the same errors twice are the same signature. */
static void note_failure(struct exec_run *r, const struct verify_result *res)
{
	struct buf sig = BUF_INIT, diff = BUF_INIT;
	struct json_writer w;
	struct err e = ERR_INIT;
	int shown = 0;

	buf_reset(&r->diags_json);
	json_writer_init(&w, &r->diags_json);
	json_arr_begin(&w);
	free(r->category);
	r->category = NULL;
	buf_addf(&r->history, "## Attempt %d failed verification\n\n",
		 r->attempt);
	for (size_t i = 0; i < res->n; i++) {
		const struct verify_check_result *c = &res->checks[i];

		if (!check_failed(c))
			continue;
		buf_addf(&sig, "%s:%s\n", c->name,
			 verify_status_name(c->status));
		buf_addf(&r->history, "Check `%s` %s.\n", c->name,
			 verify_status_name(c->status));
		for (size_t k = 0; k < c->diags.n; k++) {
			const struct diag *d = &c->diags.v[k];

			if (d->severity != DIAG_ERROR)
				continue;
			diag_write_json(&w, d);
			if (!r->category)
				r->category = xstrdup(d->category);
			buf_addf(&sig, "%s|%s|%d|%s\n", d->category,
				 d->file ? d->file : "", d->line,
				 d->message ? d->message : "");
			if (shown++ >= ERRORS_SHOWN)
				continue;
			buf_addf(&r->history, "- %s at %s:%d:%d: %s",
				 d->category, d->file ? d->file : "?",
				 d->line, d->column,
				 d->message ? d->message : "");
			if (d->code)
				buf_addf(&r->history, " (%s)", d->code);
			if (d->hint)
				buf_addf(&r->history, "\n  hint: %s", d->hint);
			buf_addch(&r->history, '\n');
		}
		if (!c->diags.n && c->output.len) {
			size_t n = c->output.len, from = n > 2000 ? n - 2000 : 0;

			buf_adds(&r->history, "Its output ends:\n```\n");
			buf_add(&r->history, c->output.ptr + from, n - from);
			buf_adds(&r->history, "\n```\n");
		}
	}
	if (shown > ERRORS_SHOWN)
		buf_addf(&r->history, "- ... and %d more\n",
			 shown - ERRORS_SHOWN);
	json_arr_end(&w);
	if (!r->category)
		r->category = xstrdup("unknown");
	if (snapshot_diff(r->repo, (int64_t)r->run_id, DIFF_MAX, &diff,
			  &e) == 0 && diff.len) {
		buf_addf(&r->history, "\nThe diff after attempt %d:\n```diff\n",
			 r->attempt);
		buf_add(&r->history, diff.ptr, diff.len);
		buf_adds(&r->history, "```\n");
	} else if (!diff.len) {
		buf_addf(&r->history, "\nAttempt %d changed no file.\n",
			 r->attempt);
	}
	buf_addch(&r->history, '\n');
	r->repeated = r->last_sig.len && sig.len == r->last_sig.len &&
		      !memcmp(sig.ptr, r->last_sig.ptr, sig.len);
	buf_reset(&r->last_sig);
	buf_add(&r->last_sig, sig.ptr, sig.len);
	buf_release(&sig);
	buf_release(&diff);
	err_clear(&e);
}

static void record_attempt(struct exec_run *r, bool passed,
			   const char *category)
{
	struct exec_attempt a = { 0 };

	a.attempt = r->attempt;
	a.provider = r->prov.name;
	a.model = r->answered_model ? r->answered_model : r->model;
	a.usage = r->att_usage;
	a.cost = r->att_cost;
	a.duration = ev_time() - r->att_start;
	a.time = r->att_start;
	a.passed = passed;
	a.category = category;
	r->usage.input += r->att_usage.input;
	r->usage.output += r->att_usage.output;
	r->usage.cache_read += r->att_usage.cache_read;
	r->usage.cache_write += r->att_usage.cache_write;
	r->usage.cache_write_1h += r->att_usage.cache_write_1h;
	if (r->cb.attempt)
		r->cb.attempt(&a, r->cb.ud);
}

static void succeed(struct exec_run *r)
{
	const struct strv *touched = workspace_touched(r->ws);
	struct buf msg = BUF_INIT, data = BUF_INIT;
	struct json_writer w;
	struct err e = ERR_INIT;

	if (r->fix) {
		/* Staged already; the person commits. The snapshot stays:
		 * run/rollback of a fix puts their files and index back. */
		goto done;
	}
	if (!touched->n) {
		if (r->refused.len)
			fail(r, ERR_OUTSIDE_WORKSPACE,
			     "every edit the model made was refused: %s",
			     r->refused.ptr);
		else
			fail(r, ERR_LLM, "the model ended without changing "
			     "any file: nothing to commit");
		goto out;
	}
	if (r->issue_key && *r->issue_key)
		buf_addf(&msg, "%s: ", r->issue_key);
	buf_addf(&msg, "%s\n\n", r->title && *r->title ? r->title
						       : "airunner change");
	buf_addf(&msg, "AI-Run: %llu\nModel: %s\nAttempts: %d\n",
		 (unsigned long long)r->run_id,
		 r->answered_model ? r->answered_model : r->model, r->attempt);
	if (commit_paths(r->repo, touched, msg.ptr, r->commit_id, &e) < 0) {
		r->commit_id[0] = 0;
		/* Edits that put every file back as HEAD has it. */
		if (e.kind == ERR_INVALID_PARAMS)
			fail(r, ERR_LLM, "the model's edits leave every file "
			     "as it was: nothing to commit");
		else
			fail(r, e.kind, "committing: %s", e.msg.ptr);
		goto out;
	}
	if (commit_tag_before(r->repo, r->commit_id, r->issue_key, &r->tag,
			      &e) < 0) {
		log_warn("run %llu: tagging: %s",
			 (unsigned long long)r->run_id, e.msg.ptr);
		err_clear(&e);
	}
	snapshot_drop(r->repo, (int64_t)r->run_id, &e);
	json_writer_init(&w, &data);
	json_obj_begin(&w);
	json_kv_str(&w, "sha", r->commit_id);
	json_kv_str_or_null(&w, "tag", r->tag.len ? r->tag.ptr : NULL);
	json_obj_end(&w);
	emit(r, "commit", r->commit_id, data.ptr);
done:
	finish(r);
out:
	buf_release(&msg);
	buf_release(&data);
	err_clear(&e);
}

static void verified(struct exec_run *r)
{
	struct verify_result *res = r->vres;
	struct buf data = BUF_INIT;
	struct json_writer w;
	size_t ndiags = 0;

	r->vres = NULL;
	if (r->cancelled) {
		verify_result_free(res);
		fail(r, ERR_CANCELLED, "cancelled");
		return;
	}
	if (!res->ok)
		note_failure(r, res);
	for (size_t i = 0; i < res->n; i++)
		if (check_failed(&res->checks[i]))
			ndiags += res->checks[i].diags.n;
	json_writer_init(&w, &data);
	json_obj_begin(&w);
	json_kv_int(&w, "attempt", r->attempt);
	json_kv_bool(&w, "passed", res->ok);
	json_kv_int(&w, "diagnostics", (int64_t)ndiags);
	json_kv_str_or_null(&w, "category", res->ok ? NULL : r->category);
	if (r->repeated && !res->ok)
		json_kv_bool(&w, "repeated", true);
	json_obj_end(&w);
	emit(r, "verified", res->ok ? "passed" : r->category, data.ptr);
	buf_release(&data);
	record_attempt(r, res->ok, res->ok ? NULL : r->category);
	if (res->ok) {
		verify_result_free(res);
		free(r->category);
		r->category = NULL;
		buf_reset(&r->diags_json);
		succeed(r);
		return;
	}
	verify_result_free(res);
	if (!climb(r)) {
		fail(r, ERR_VERIFICATION_FAILED,
		     "%d attempt%s failed verification; the last with %s",
		     r->attempt, r->attempt == 1 ? "" : "s", r->category);
		return;
	}
	r->stage = ST_ATTEMPT;
	kick(r);
}

/* The model answered (or the call failed). */
static void answered(struct exec_run *r)
{
	if (r->cancelled) {
		fail(r, ERR_CANCELLED, "cancelled");
		return;
	}
	if (r->call_err.kind) {
		/* The provider failed after its own retries: this attempt is
		 * lost, the next rung may still work. */
		struct buf data = BUF_INIT;

		buf_addf(&data, "{\"attempt\":%d,\"kind\":\"%s\"}", r->attempt,
			 err_kind_name(r->call_err.kind));
		emit(r, "model_failed", r->call_err.msg.ptr, data.ptr);
		buf_release(&data);
		record_attempt(r, false, err_kind_name(r->call_err.kind));
		r->repeated = true; /* the same provider again would not help */
		if (!climb(r)) {
			fail(r, r->call_err.kind, "%s", r->call_err.msg.ptr);
			return;
		}
		r->repeated = false;
		start_attempt(r);
		return;
	}
	if (run_tools(r)) {
		if (++r->turns < r->max_turns) {
			start_call(r);
			return;
		}
		emit(r, "turn_limit", NULL, NULL);
	}
	start_verify(r);
}

static void advance(struct exec_run *r)
{
	switch (r->stage) {
	case ST_ATTEMPT:
		start_attempt(r);
		break;
	case ST_ANSWERED:
		answered(r);
		break;
	case ST_VERIFIED:
		verified(r);
		break;
	case ST_CALLING:
	case ST_VERIFYING:
	case ST_ENDED:
		break;
	}
}

static void kicked(struct ev_loop *loop, ev_timer *t, int revents)
{
	(void)loop;
	(void)revents;
	advance(t->data);
}

/* ---- the surface ---- */

static int check_user_changes(struct exec_run *r, struct err *e)
{
	struct buf both = BUF_INIT;

	/* A subtask: every path with uncommitted changes (staged, unstaged
	 * or untracked); the run edits none of them. */
	if (!r->fix)
		return commit_dirty_paths(r->repo, NULL, &r->user_dirty, e);
	/* A fix edits the staged files and stages them again: a failing
	 * file that also has unstaged changes cannot be fixed without
	 * committing those too, so the fix does not start (no model call). */
	if (commit_unstaged_paths(r->repo, &r->user_dirty, e) < 0)
		return -1;
	for (size_t i = 0; i < r->files.n; i++)
		if (strv_has(&r->user_dirty, r->files.v[i]))
			buf_addf(&both, "%s%s", both.len ? ", " : "",
				 r->files.v[i]);
	if (both.len) {
		err_set(e, ERR_WORKSPACE_DIRTY,
			"%s: staged with unstaged changes besides; a fix would "
			"stage those too. Stage the whole file (git add) or put "
			"the unstaged part aside (git stash --keep-index), then "
			"run the fix again", both.ptr);
		buf_release(&both);
		return -1;
	}
	return 0;
}

int exec_start(struct exec_run **out, const struct exec_request *req,
	       const struct exec_callbacks *cb, struct err *e)
{
	struct exec_run *r = xcalloc(1, sizeof(*r));
	struct buf *bufs[] = { &r->system, &r->task_layer, &r->messages,
			       &r->answer_src, &r->history, &r->last_sig,
			       &r->diags_json, &r->refused, &r->tag };

	for (size_t i = 0; i < sizeof(bufs) / sizeof(bufs[0]); i++)
		buf_init(bufs[i], 0);
	err_init(&r->call_err);
	err_init(&r->err);

	r->loop = req->loop;
	r->root = xstrdup(req->root);
	r->issue_key = req->issue_key ? xstrdup(req->issue_key) : NULL;
	r->title = req->title ? xstrdup(req->title) : NULL;
	r->task = xstrdup(req->task ? req->task : "");
	r->context = req->context ? xstrdup(req->context) : NULL;
	if (req->files)
		strv_add_all(&r->files, req->files);
	r->fix = req->fix;
	r->max_cost = req->max_cost_usd;
	r->max_turns = req->max_turns > 0 ? req->max_turns : DEFAULT_MAX_TURNS;
	r->run_id = req->run_id;
	r->cfg = req->cfg;
	r->llm = req->llm;
	r->procs = req->procs;
	r->verify_cache = req->verify_cache;
	r->patterns = req->patterns;
	r->cb = *cb;
	r->ladder.n = req->ladder->n;
	r->ladder.v = xcalloc((size_t)r->ladder.n, sizeof(*r->ladder.v));
	for (int i = 0; i < r->ladder.n; i++) {
		r->ladder.v[i] = req->ladder->v[i];
		r->ladder.v[i].provider = xstrdup(req->ladder->v[i].provider);
		r->ladder.v[i].model = req->ladder->v[i].model
			? xstrdup(req->ladder->v[i].model) : NULL;
	}
	r->total = exec_ladder_attempts(&r->ladder);
	ev_timer_init(&r->kick, kicked, 0., 0.);
	r->kick.data = r;
	if (!r->ladder.n) {
		err_set(e, ERR_CONFIG, "the healing ladder has no rung");
		goto fail;
	}
	if (repo_open(&r->repo, r->root, e) < 0 ||
	    workspace_open(&r->ws, r->root, 0, e) < 0)
		goto fail;
	if (check_user_changes(r, e) < 0)
		goto fail;
	workspace_set_hook(r->ws, before_write, r);
	build_system(r);
	build_task_layer(r);
	r->stage = ST_ATTEMPT;
	kick(r);
	*out = r;
	return 0;
fail:
	exec_free(r);
	return -1;
}

void exec_cancel(struct exec_run *r)
{
	if (r->stage == ST_ENDED || r->cancelled)
		return;
	r->cancelled = true;
	if (r->call)
		llm_cancel(r->call); /* on_answer runs now and kicks */
	else if (r->vrun)
		verify_cancel(r->vrun); /* on_verified follows */
	else
		kick(r);
	if (r->stage == ST_ATTEMPT) {
		r->stage = ST_ANSWERED; /* answered() sees the cancel */
		kick(r);
	}
}

void exec_free(struct exec_run *r)
{
	if (!r)
		return;
	ev_timer_stop(r->loop, &r->kick);
	free(r->root);
	free(r->issue_key);
	free(r->title);
	free(r->task);
	free(r->context);
	strv_release(&r->files);
	exec_ladder_release(&r->ladder);
	workspace_free(r->ws);
	repo_free(r->repo);
	buf_release(&r->system);
	buf_release(&r->task_layer);
	strv_release(&r->user_dirty);
	if (r->prov_loaded)
		llm_provider_release(&r->prov);
	free(r->model);
	buf_release(&r->messages);
	if (r->has_answer)
		json_doc_release(&r->answer);
	buf_release(&r->answer_src);
	err_clear(&r->call_err);
	free(r->answered_model);
	if (r->vres)
		verify_result_free(r->vres);
	buf_release(&r->history);
	buf_release(&r->last_sig);
	buf_release(&r->diags_json);
	free(r->category);
	err_clear(&r->err);
	buf_release(&r->refused);
	buf_release(&r->tag);
	free(r);
}
