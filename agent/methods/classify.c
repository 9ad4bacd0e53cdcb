/*
 * errors/classify {output, tool?, budgetMs?} -> {diagnostics, summary}.
 *
 * The database is the workspace's shared one (the shipped patterns plus the
 * repo's `classify.patterns` files).
 */
#include <stdlib.h>
#include <string.h>

#include "classify/classify.h"
#include "methods/methods.h"
#include "util/mem.h"

/*
 * Classifying is CPU work (over 100 MB/s, but a 64 MiB log or a hostile
 * pattern file still takes seconds): it runs on a thread of its own, within
 * a time budget, so every other client is answered meanwhile.
 */
struct classify_job {
	struct classify_db *db; /* acquired on the loop, released there */
	struct buf output;
	char *tool;
	double budget;
	int failed; /* 1, 0, or -1: read from the output */
	bool started;
	/* Filled on the worker thread. */
	struct buf result;
	struct err err;
};

static void classify_work(void *arg)
{
	struct classify_job *cj = arg;
	struct classify_opts opts = { .tool_hint = cj->tool,
				      .budget = cj->budget };
	struct diag_list l = DIAG_LIST_INIT;
	struct json_writer w;

	/* a failed run is never zero problems; a passing one gets no
	 * invented error */
	opts.failed = cj->failed < 0 ? classify_output_failed(cj->output.ptr,
							       cj->output.len)
				     : cj->failed == 1;
	if (classify_text_opts(cj->db, &opts, cj->output.ptr, cj->output.len,
			       &l, NULL, &cj->err) == 0) {
		json_writer_init(&w, &cj->result);
		classify_write_result(&w, &l);
	}
	diag_list_release(&l);
}

static enum job_step classify_step(struct job *j)
{
	struct classify_job *cj = job_data(j);

	if (cj->started)
		return job_offloaded(j) ? JOB_STEP_WAIT : JOB_STEP_DONE;
	cj->started = true;
	if (job_cancelled(j)) {
		err_set(&cj->err, ERR_CANCELLED, "cancelled");
		return JOB_STEP_DONE;
	}
	if (job_offload(j, classify_work, cj, &cj->err) < 0)
		return JOB_STEP_DONE;
	return JOB_STEP_WAIT;
}

static void classify_release(void *data)
{
	struct classify_job *cj = data;

	classify_db_release(cj->db);
	buf_release(&cj->output);
	buf_release(&cj->result);
	err_clear(&cj->err);
	free(cj->tool);
	free(cj);
}

static void classify_summarize(struct job *j, struct job_summary *out)
{
	struct classify_job *cj = job_data(j);

	out->outcome = job_cancelled(j)	 ? JOB_CANCELLED
		       : cj->err.kind ? JOB_FAILED
				      : JOB_SUCCEEDED;
	out->error_kind = cj->err.kind;
}

/* Not recorded as a run: it is a query, not work on a workspace. */
static const struct job_kind classify_kind = {
	.name = "classify",
	.step = classify_step,
	.release = classify_release,
	.summarize = classify_summarize,
};

static void classify_reply(struct rpc_call *call, struct job *j)
{
	struct classify_job *cj = job_data(j);

	if (cj->err.kind)
		rpc_call_reply_error(call, &cj->err);
	else
		rpc_call_reply_buf(call, &cj->result);
}

static void handle_classify(struct rpc_call *call)
{
	struct classify_job *cj = xcalloc(1, sizeof(*cj));
	struct job_spec spec = { .kind = &classify_kind,
				 .priority = JOB_HIGH };
	struct err e = ERR_INIT;
	int64_t budget_ms = 10000;
	bool failed = false;
	int given = 0;

	buf_init(&cj->output, 0);
	buf_init(&cj->result, 0);
	err_init(&cj->err);
	if (rpc_param_text(call, "output", &cj->output, &e) < 0 ||
	    rpc_param_string(call, "tool", &cj->tool, &e) < 0 ||
	    rpc_param_int(call, "budgetMs", 1, 600000, &budget_ms, &e) < 0 ||
	    (given = rpc_param_bool(call, "failed", &failed, &e)) < 0 ||
	    classify_db_acquire(call_agent(call)->patterns, &cj->db,
				rpc_call_workspace(call), &e) < 0) {
		rpc_call_reply_error(call, &e);
		err_clear(&e);
		classify_release(cj);
		return;
	}
	cj->budget = (double)budget_ms / 1000.0;
	cj->failed = given ? failed : -1;
	spec.data = cj;
	method_job_start(call, &spec, classify_reply);
}

static const struct rpc_param_spec classify_params[] = {
	{ "output", RPC_T(JSON_STRING), true },
	{ "tool", RPC_T(JSON_STRING) | RPC_T(JSON_NULL), false },
	{ "budgetMs", RPC_T(JSON_NUMBER), false },
	{ "failed", RPC_T_BOOL | RPC_T(JSON_NULL), false },
	{ NULL, 0, false },
};

const struct rpc_method methods_classify[] = {
	{ "errors/classify", handle_classify, classify_params, 0 },
	{ NULL, NULL, NULL, 0 },
};
