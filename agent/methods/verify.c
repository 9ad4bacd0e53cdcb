/*
 * verify/checks and verify/run: the protocol face of verify/. The work is in
 * verify_run() on the loop; this file turns params into a request and the
 * result into JSON, and maps progress and cancellation.
 */
#include <stdlib.h>
#include <string.h>

#include "methods/methods.h"
#include "store/store.h"
#include "util/log.h"
#include "util/mem.h"
#include "util/paths.h"
#include "util/strv.h"
#include "verify/verify.h"

static void handle_checks(struct rpc_call *call)
{
	struct verify_checks checks = VERIFY_CHECKS_INIT;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct json_writer w;
	char *root = NULL;
	size_t i;

	if (method_param_root(call, &root, &e) < 0 ||
	    verify_checks_load(&checks, root, &e) < 0) {
		rpc_call_reply_error(call, &e);
		goto out;
	}
	json_writer_init(&w, &out);
	json_obj_begin(&w);
	json_key(&w, "checks");
	json_arr_begin(&w);
	for (i = 0; i < checks.n; i++)
		verify_check_write_json(&w, &checks.v[i]);
	json_arr_end(&w);
	json_obj_end(&w);
	rpc_call_reply_buf(call, &out);
out:
	verify_checks_release(&checks);
	err_clear(&e);
	free(root);
}

/* ---- verify/run: a job ---- */

struct verify_job {
	struct agent *agent;
	struct job *job; /* set at the first step */
	char *root, *index;
	struct strv files, checks;
	bool has_files, has_checks, staged, all;
	struct verify_run *run; /* while checks run */
	struct verify_result *result;
	struct err err; /* the run could not start */
};

static void report(struct job *j, const char *kind, const char *message,
		   int percentage)
{
	struct buf out = BUF_INIT;
	struct json_writer w;

	json_writer_init(&w, &out);
	json_obj_begin(&w);
	json_kv_str(&w, "kind", kind);
	if (!strcmp(kind, "begin"))
		json_kv_str(&w, "title", "verify");
	if (message)
		json_kv_str(&w, "message", message);
	if (percentage >= 0)
		json_kv_int(&w, "percentage", percentage);
	json_obj_end(&w);
	job_report(j, out.ptr);
	buf_release(&out);
}

static void on_progress(const struct verify_check_result *cr, size_t done,
			size_t total, void *data)
{
	struct verify_job *vj = data;
	struct buf msg = BUF_INIT, ev = BUF_INIT;
	struct json_writer w;

	buf_addf(&msg, "%s %s", cr->name, verify_status_name(cr->status));
	report(vj->job, "report", msg.ptr,
	       total ? (int)(done * 100 / total) : 100);
	json_writer_init(&w, &ev);
	json_obj_begin(&w);
	json_kv_str(&w, "check", cr->name);
	json_kv_str(&w, "status", verify_status_name(cr->status));
	json_kv_int(&w, "durationMs", (int64_t)(cr->duration * 1000.0 + 0.5));
	json_kv_int(&w, "diagnostics", (int64_t)cr->diags.n);
	json_obj_end(&w);
	job_emit(vj->job, "check", msg.ptr, ev.ptr);
	buf_release(&msg);
	buf_release(&ev);
}

static void on_done(struct verify_result *res, void *data)
{
	struct verify_job *vj = data;

	vj->run = NULL;
	if (res->error.kind) { /* it could not start after all */
		err_move(&vj->err, &res->error);
		verify_result_free(res);
		res = NULL;
	}
	vj->result = res;
	job_wake(vj->job);
}

static enum job_step verify_step(struct job *j)
{
	struct verify_job *vj = job_data(j);
	struct verify_request req = { 0 };
	struct buf tools = BUF_INIT;
	int r;

	if (vj->job)
		return vj->run ? JOB_STEP_WAIT : JOB_STEP_DONE;
	vj->job = j;
	report(j, "begin", NULL, 0);
	if (job_cancelled(j)) {
		err_set(&vj->err, ERR_CANCELLED, "verification cancelled");
		return JOB_STEP_DONE;
	}
	req.root = vj->root;
	req.files = vj->has_files ? strv_argv(&vj->files) : NULL;
	req.checks = vj->has_checks ? strv_argv(&vj->checks) : NULL;
	req.staged = vj->staged;
	req.all = vj->all;
	req.index = vj->index;
	req.cache = vj->agent->verify_cache;
	req.patterns = vj->agent->patterns;
	req.procs = vj->agent->procs;
	paths_state_dir(&tools);
	buf_adds(&tools, "/tools");
	req.tools_state = tools.ptr;
	req.residents = vj->agent->residents;
	req.progress = on_progress;
	r = verify_run(&vj->run, job_loop(j), &req, on_done, vj, &vj->err);
	buf_release(&tools); /* copied by verify_run */
	return r < 0 ? JOB_STEP_DONE : JOB_STEP_WAIT;
}

static void verify_job_cancel(struct job *j)
{
	struct verify_job *vj = job_data(j);

	if (vj->run)
		verify_cancel(vj->run); /* on_done still comes */
}

static void verify_job_release(void *data)
{
	struct verify_job *vj = data;

	free(vj->root);
	free(vj->index);
	strv_release(&vj->files);
	strv_release(&vj->checks);
	verify_result_free(vj->result);
	err_clear(&vj->err);
	free(vj);
}

/* The category of most error diagnostics (the first seen wins a tie). */
static const char *top_category(const struct verify_result *r)
{
	struct tally {
		const char *category;
		size_t n;
	} *t;
	const char *best = NULL;
	size_t nt = 0, cap = 0, best_n = 0, i, k, c;

	for (i = 0; i < r->n; i++)
		cap += r->checks[i].diags.n;
	t = xcalloc(cap + 1, sizeof(*t));
	for (i = 0; i < r->n; i++)
		for (k = 0; k < r->checks[i].diags.n; k++) {
			const struct diag *d = &r->checks[i].diags.v[k];

			if (d->severity != DIAG_ERROR || !d->category)
				continue;
			for (c = 0; c < nt && strcmp(t[c].category, d->category);
			     c++)
				;
			if (c == nt)
				t[nt++].category = d->category;
			t[c].n++;
		}
	for (c = 0; c < nt; c++) /* in order of first sight */
		if (t[c].n > best_n) {
			best = t[c].category;
			best_n = t[c].n;
		}
	free(t);
	return best;
}

static void verify_summarize(struct job *j, struct job_summary *out)
{
	struct verify_job *vj = job_data(j);

	if (job_cancelled(j)) {
		out->outcome = JOB_CANCELLED;
		return;
	}
	if (!vj->result) {
		out->outcome = JOB_FAILED;
		out->error_kind = vj->err.kind;
		out->error_message = vj->err.msg.ptr;
		return;
	}
	out->outcome = vj->result->ok ? JOB_SUCCEEDED : JOB_FAILED;
	out->result = vj->result->ok ? "passed" : "failed";
	if (!vj->result->ok) {
		out->error_kind = ERR_VERIFICATION_FAILED;
		out->error_category = top_category(vj->result);
	}
}

/* The verdict, each check and the diagnostics by category. */
static void verify_record(struct job *j, void *store, uint64_t run)
{
	struct verify_job *vj = job_data(j);
	const struct verify_result *r = vj->result;
	struct store_verification v = { .run_id = (int64_t)run };
	struct store_check *checks;
	struct store_diag_count *counts;
	struct err e = ERR_INIT;
	size_t i, k, nd = 0, c;

	if (!r)
		return;
	for (i = 0; i < r->n; i++)
		nd += r->checks[i].diags.n;
	checks = xcalloc(r->n + 1, sizeof(*checks));
	counts = xcalloc(nd + 1, sizeof(*counts));
	for (i = 0; i < r->n; i++) {
		const struct verify_check_result *cr = &r->checks[i];

		checks[i] = (struct store_check){ cr->name,
						  verify_status_name(cr->status),
						  cr->duration, cr->blocking };
		for (k = 0; k < cr->diags.n; k++) {
			const char *cat = cr->diags.v[k].category;

			if (!cat)
				continue;
			for (c = 0; c < v.ndiags && strcmp(counts[c].category,
							  cat);
			     c++)
				;
			if (c == v.ndiags)
				counts[v.ndiags++].category = cat;
			counts[c].count++;
		}
	}
	v.ok = r->ok;
	v.cached = r->cached;
	v.duration = r->duration;
	v.checks = checks;
	v.nchecks = r->n;
	v.diags = counts;
	if (store_verification_add(store, &v, &e) < 0) {
		log_warn("run store: recording a verification: %s", e.msg.ptr);
		err_clear(&e);
	}
	free(checks);
	free(counts);
}

/* A verification belongs to its caller: the hook killed, it stops. */
static const struct job_kind verify_kind = {
	.name = "verify",
	.step = verify_step,
	.cancel = verify_job_cancel,
	.release = verify_job_release,
	.summarize = verify_summarize,
	.record = verify_record,
};

static void verify_reply(struct rpc_call *call, struct job *j)
{
	struct verify_job *vj = job_data(j);
	struct buf out = BUF_INIT;
	struct json_writer w;

	if (!vj->result) {
		report(j, "end", vj->err.msg.ptr, -1);
		rpc_call_reply_error(call, &vj->err);
		return;
	}
	report(j, "end", vj->result->ok ? "ok" : "failed", -1);
	if (job_cancelled(j)) {
		struct err e = ERR_INIT;

		err_set(&e, ERR_CANCELLED, "verification cancelled");
		rpc_call_reply_error(call, &e);
		err_clear(&e);
		return;
	}
	json_writer_init(&w, &out);
	verify_result_write_json(&w, vj->result);
	rpc_call_reply_buf(call, &out);
}

static void handle_run(struct rpc_call *call)
{
	struct verify_job *vj = xcalloc(1, sizeof(*vj));
	struct job_spec spec = { .kind = &verify_kind, .priority = JOB_NORMAL };
	struct err e = ERR_INIT;
	char *origin = NULL;
	int r;

	err_init(&vj->err);
	vj->agent = call_agent(call);
	if (method_param_root(call, &vj->root, &e) < 0 ||
	    (r = rpc_param_strings(call, "files", &vj->files, &e)) < 0)
		goto fail;
	vj->has_files = r;
	if ((r = rpc_param_strings(call, "checks", &vj->checks, &e)) < 0)
		goto fail;
	vj->has_checks = r;
	if (rpc_param_bool(call, "staged", &vj->staged, &e) < 0 ||
	    rpc_param_bool(call, "all", &vj->all, &e) < 0 ||
	    rpc_param_path(call, "index", &vj->index, &e) < 0 ||
	    method_param_priority(call, &spec.priority, &e) < 0 ||
	    rpc_param_string(call, "origin", &origin, &e) < 0)
		goto fail;
	/* A reader of its work tree: it waits while a writer is at work. */
	spec.data = vj;
	spec.work_tree = vj->root;
	spec.origin = origin;
	method_job_start(call, &spec, verify_reply);
	free(origin);
	return;
fail:
	rpc_call_reply_error(call, &e);
	err_clear(&e);
	free(origin);
	verify_job_release(vj);
}

static const struct rpc_param_spec checks_params[] = {
	{ "root", RPC_T(JSON_STRING), false },
	{ NULL, 0, false },
};

static const struct rpc_param_spec run_params[] = {
	{ "root", RPC_T(JSON_STRING), false },
	{ "files", RPC_T(JSON_ARRAY), false },
	{ "staged", RPC_T_BOOL, false },
	{ "all", RPC_T_BOOL, false },
	{ "index", RPC_T(JSON_STRING), false },
	{ "checks", RPC_T(JSON_ARRAY), false },
	{ "priority", RPC_T(JSON_STRING), false },
	{ "origin", RPC_T(JSON_STRING), false },
	{ NULL, 0, false },
};

const struct rpc_method methods_verify[] = {
	{ "verify/checks", handle_checks, checks_params, 0 },
	{ "verify/run", handle_run, run_params, 0 },
	{ NULL, NULL, NULL, 0 },
};
