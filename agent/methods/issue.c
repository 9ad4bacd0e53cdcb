/*
 * issue/fetch IssueRef -> Issue
 * issue/comment {issue: IssueRef, body} -> {url, id}
 *
 * Thin: params in, an "issue" job that runs issues/ on the loop, JSON out.
 * Being jobs, they are cancellable ($/cancelRequest) and recorded as runs
 * like model calls.
 */
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "issues/issues.h"
#include "llm/llm.h"
#include "methods/methods.h"
#include "util/mem.h"

struct issue_job {
	struct agent *agent;
	struct job *job; /* set at the first step */
	struct issue_ref ref;
	char *body;      /* issue/comment's Markdown, or NULL for a fetch */
	struct config *cfg;
	struct issue_op *op; /* while it runs */
	bool ended;
	struct buf result; /* the result's JSON, once ended well */
	struct err err;
};

static void fetch_done(const struct issue *is, const struct err *e, void *ud)
{
	struct issue_job *ij = ud;
	struct json_writer w;

	ij->op = NULL;
	ij->ended = true;
	if (e) {
		err_set(&ij->err, e->kind, "%s", e->msg.ptr);
	} else {
		json_writer_init(&w, &ij->result);
		issue_write_json(&w, is);
	}
	job_wake(ij->job);
}

static void comment_done(const char *url, const char *id, const struct err *e,
			 void *ud)
{
	struct issue_job *ij = ud;
	struct json_writer w;

	ij->op = NULL;
	ij->ended = true;
	if (e) {
		err_set(&ij->err, e->kind, "%s", e->msg.ptr);
	} else {
		json_writer_init(&w, &ij->result);
		json_obj_begin(&w);
		json_key(&w, "url");
		if (url)
			json_w_str(&w, url);
		else
			json_w_null(&w);
		json_kv_str(&w, "id", id);
		json_obj_end(&w);
	}
	job_wake(ij->job);
}

static enum job_step issue_step(struct job *j)
{
	struct issue_job *ij = job_data(j);
	struct ev_loop *loop = ij->agent->loop;
	struct http_client *http;

	if (ij->job)
		return ij->ended ? JOB_STEP_DONE : JOB_STEP_WAIT;
	ij->job = j;
	if (job_cancelled(j)) {
		err_set(&ij->err, ERR_CANCELLED, "cancelled");
		return JOB_STEP_DONE;
	}
	http = llm_client_http(agent_llm(ij->agent));
	if (ij->body)
		ij->op = issue_comment_start(loop, http, &ij->ref, ij->body,
					     ij->cfg, comment_done, ij,
					     &ij->err);
	else
		ij->op = issue_fetch_start(loop, http, &ij->ref, ij->cfg,
					   fetch_done, ij, &ij->err);
	return ij->op ? JOB_STEP_WAIT : JOB_STEP_DONE;
}

static void issue_job_cancel(struct job *j)
{
	struct issue_job *ij = job_data(j);

	if (ij->op)
		issue_cancel(ij->op); /* its done runs now, and wakes us */
}

static void issue_job_release(void *data)
{
	struct issue_job *ij = data;

	issue_ref_release(&ij->ref);
	free(ij->body);
	config_free(ij->cfg);
	buf_release(&ij->result);
	err_clear(&ij->err);
	free(ij);
}

static void issue_job_summarize(struct job *j, struct job_summary *out)
{
	struct issue_job *ij = job_data(j);

	if (job_cancelled(j) || ij->err.kind == ERR_CANCELLED) {
		out->outcome = JOB_CANCELLED;
		return;
	}
	out->outcome = ij->err.kind ? JOB_FAILED : JOB_SUCCEEDED;
	out->result = ij->err.kind ? NULL : ij->body ? "commented" : "fetched";
	out->error_kind = ij->err.kind;
	out->error_message = ij->err.kind ? ij->err.msg.ptr : NULL;
}

/* Requests to trackers side by side; each is one or a few transfers. */
static const struct job_kind issue_kind = {
	.name = "issue",
	.max_running = 8,
	.step = issue_step,
	.cancel = issue_job_cancel,
	.release = issue_job_release,
	.summarize = issue_job_summarize,
};

static void issue_reply(struct rpc_call *call, struct job *j)
{
	struct issue_job *ij = job_data(j);

	if (ij->err.kind)
		rpc_call_reply_error(call, &ij->err);
	else
		rpc_call_reply(call, ij->result.ptr, ij->result.len);
}

/* The reference in value v, its root from params.root, v.root or the
 * workspace (absolute in every case). */
static int read_ref(struct rpc_call *call, int v, struct issue_job *ij,
		    struct err *e)
{
	const struct json_doc *d = rpc_call_doc(call);
	char *root = NULL;
	int r;

	if (issue_ref_parse_json(&ij->ref, d, v, e) < 0)
		return -1;
	r = rpc_param_path(call, "root", &root, e);
	if (r < 0)
		return -1;
	if (!r && ij->ref.root && ij->ref.root[0] != '/' &&
	    strncmp(ij->ref.root, "file:", 5))
		return err_set(e, ERR_INVALID_PARAMS,
			       "issue.root: an absolute path");
	if (!r && ij->ref.root && !strncmp(ij->ref.root, "file://", 7)) {
		root = xstrdup(ij->ref.root + 7);
	} else if (!r && !ij->ref.root && rpc_call_workspace(call)) {
		root = xstrdup(rpc_call_workspace(call));
	}
	if (root) {
		free(ij->ref.root);
		ij->ref.root = root;
	}
	return config_open(&ij->cfg, ij->ref.root, e);
}

static void start(struct rpc_call *call, struct issue_job *ij)
{
	struct job_spec spec = { .kind = &issue_kind, .priority = JOB_HIGH };

	spec.data = ij;
	method_job_start(call, &spec, issue_reply);
}

static struct issue_job *issue_job_new(struct rpc_call *call)
{
	struct issue_job *ij = xcalloc(1, sizeof(*ij));

	ij->agent = call_agent(call);
	buf_init(&ij->result, 0);
	err_init(&ij->err);
	return ij;
}

static void fail(struct rpc_call *call, struct issue_job *ij, struct err *e)
{
	rpc_call_reply_error(call, e);
	err_clear(e);
	issue_job_release(ij);
}

static void handle_fetch(struct rpc_call *call)
{
	struct issue_job *ij = issue_job_new(call);
	struct err e = ERR_INIT;

	if (read_ref(call, rpc_call_params(call), ij, &e) < 0)
		fail(call, ij, &e);
	else
		start(call, ij);
}

static void handle_comment(struct rpc_call *call)
{
	struct issue_job *ij = issue_job_new(call);
	struct err e = ERR_INIT;

	if (rpc_param_string(call, "body", &ij->body, &e) < 0 ||
	    read_ref(call, rpc_call_param(call, "issue"), ij, &e) < 0)
		fail(call, ij, &e);
	else if (!ij->body || !*ij->body) {
		err_set(&e, ERR_INVALID_PARAMS, "body: a non-empty comment");
		fail(call, ij, &e);
	} else {
		start(call, ij);
	}
}

/* ---- runs reporting back ---- */

static bool source_of(const char *name, enum issue_source *out)
{
	if (!name)
		return false;
	if (!strcmp(name, "jira"))
		*out = ISSUE_SOURCE_JIRA;
	else if (!strcmp(name, "github"))
		*out = ISSUE_SOURCE_GITHUB;
	else
		return false;
	return true;
}

void method_issue_report(struct agent *a, const char *root,
			 const char *source, const char *key,
			 const char *body)
{
	struct job_spec spec = { .kind = &issue_kind, .priority = JOB_LOW,
				 .origin = "agent" };
	struct issue_job *ij;
	struct config *cfg = NULL;
	struct err e = ERR_INIT;
	enum issue_source src;
	bool on = false;

	if (!key || !*key || !source_of(source, &src))
		return;
	if (config_open(&cfg, root, &e) < 0 ||
	    config_get_bool(cfg, "issue", NULL, "comment", &on, &e) < 0 ||
	    !on) {
		config_free(cfg);
		err_clear(&e);
		return;
	}
	ij = xcalloc(1, sizeof(*ij));
	ij->agent = a;
	buf_init(&ij->result, 0);
	err_init(&ij->err);
	ij->ref.source = src;
	ij->ref.key = xstrdup(key);
	ij->ref.root = xstrdup(root);
	ij->body = xstrdup(body);
	ij->cfg = cfg;
	spec.data = ij;
	/* Nobody waits: the comment is a run of its own, in runs and
	 * metrics, failing without failing the work it reports. */
	job_submit(a->jobs, &spec, NULL);
}

static const struct rpc_param_spec fetch_params[] = {
	{ "source", RPC_T(JSON_STRING), false },
	{ "key", RPC_T(JSON_STRING), false },
	{ "url", RPC_T(JSON_STRING), false },
	{ "path", RPC_T(JSON_STRING), false },
	{ "root", RPC_T(JSON_STRING), false },
	{ NULL, 0, false },
};

static const struct rpc_param_spec comment_params[] = {
	{ "issue", RPC_T(JSON_OBJECT), true },
	{ "body", RPC_T(JSON_STRING), true },
	{ "root", RPC_T(JSON_STRING), false },
	{ NULL, 0, false },
};

const struct rpc_method methods_issue[] = {
	{ "issue/fetch", handle_fetch, fetch_params, 0 },
	{ "issue/comment", handle_comment, comment_params, 0 },
	{ NULL, NULL, NULL, 0 },
};
