/*
 * plan/generate, plan/get, plan/list: params in, plan/ does the work, JSON
 * out. Generation is a job of kind "plan" (plan/plan.h, plan_gen_new).
 *
 * The issue comes inline (an Issue object, with a title) or as an IssueRef
 * naming a Markdown file in the work tree ({source: "file", path}). Refs to
 * Jira or GitHub need issue/fetch (the issues module); until it is wired in
 * here they are refused with a message saying to pass the fetched Issue.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "context/context.h"
#include "issues/issues.h"
#include "llm/llm.h"
#include "methods/methods.h"
#include "plan/plan.h"
#include "store/store.h"
#include "util/fs.h"
#include "util/mem.h"
#include "util/strv.h"

#define ISSUE_FILE_MAX ((size_t)1 << 20)

static int need_store(struct agent *a, struct err *e)
{
	return a->store ? 0
			: err_set(e, ERR_STORE, "the agent has no run store: "
				  "plans cannot be kept");
}

/* An IssueRef to a Markdown file beneath root: {path} (relative to root,
 * or absolute inside it). Both are resolved, so neither '..' nor a symlink
 * reads a file outside the work tree. */
static int issue_from_file(struct plan_issue *out, const char *root,
			   const char *path, struct err *e)
{
	struct buf full = BUF_INIT, text = BUF_INIT;
	char *real_root = realpath(root, NULL), *real = NULL;
	size_t n;
	int r = -1;

	if (path[0] == '/')
		buf_adds(&full, path);
	else
		buf_addf(&full, "%s/%s", root, path);
	if (!real_root) {
		err_set_errno(e, ERR_IO, "%s", root);
		goto out;
	}
	real = realpath(full.ptr, NULL);
	if (!real) {
		err_set_errno(e, errno == ENOENT ? ERR_NOT_FOUND : ERR_IO,
			      "issue.path: %s", path);
		goto out;
	}
	n = strlen(real_root);
	if (strncmp(real, real_root, n) || real[n] != '/') {
		err_set(e, ERR_OUTSIDE_WORKSPACE, "issue.path: %s is outside "
			"the work tree", path);
		goto out;
	}
	if (fs_read_regular(&text, real, ISSUE_FILE_MAX, e) == 0 &&
	    plan_issue_from_markdown(out, text.ptr, text.len, real + n + 1,
				     e) == 0)
		r = 0;
out:
	free(real_root);
	free(real);
	buf_release(&full);
	buf_release(&text);
	return r;
}

/* params.issue: an Issue (it has a title) or an IssueRef. */
static int read_issue(struct rpc_call *call, const char *root,
		      struct plan_issue *out, bool *given, struct err *e)
{
	const struct json_doc *d = rpc_call_doc(call);
	int v = rpc_call_param(call, "issue");
	char *path = NULL;
	int r;

	*given = v >= 0 && json_type(d, v) == JSON_OBJECT;
	if (!*given)
		return 0;
	if (json_get(d, v, "title") >= 0)
		return plan_issue_read(out, d, v, "issue", e);
	if (json_get(d, v, "path") >= 0 &&
	    (json_get(d, v, "source") < 0 ||
	     json_str_eq(d, json_get(d, v, "source"), "file"))) {
		path = json_strdup(d, json_get(d, v, "path"));
		if (!path || !*path) {
			free(path);
			return err_set(e, ERR_INVALID_PARAMS, "issue.path: a "
				       "non-empty string");
		}
		r = issue_from_file(out, root, path, e);
		free(path);
		return r;
	}
	/* A Jira or GitHub reference: fetched first (handle_generate). */
	*given = false;
	return 0;
}

/* params.issue names a tracker's issue ({key} or {url}). */
static bool issue_is_remote(struct rpc_call *call)
{
	const struct json_doc *d = rpc_call_doc(call);
	int v = rpc_call_param(call, "issue");

	return v >= 0 && json_type(d, v) == JSON_OBJECT &&
	       json_get(d, v, "title") < 0 && json_get(d, v, "path") < 0 &&
	       (json_get(d, v, "key") >= 0 || json_get(d, v, "url") >= 0);
}

/* The plan as a comment on its issue (when the config asks for it). */
static void report_plan(struct agent *a, const char *root, const char *json,
			size_t n)
{
	struct json_doc d = JSON_DOC_INIT;
	struct buf md = BUF_INIT, source = BUF_INIT, key = BUF_INIT;
	int plan, issue;
	int64_t id = 0, rev = 0;

	if (!root || json_parse(&d, json, n, JSON_MAX_DEPTH_DEFAULT, NULL) < 0)
		return;
	plan = json_get(&d, 0, "plan");
	issue = json_get(&d, plan, "issue");
	json_str(&d, json_get(&d, issue, "source"), &source);
	json_str(&d, json_get(&d, issue, "key"), &key);
	json_int64(&d, json_get(&d, plan, "id"), &id);
	json_int64(&d, json_get(&d, plan, "revision"), &rev);
	buf_addf(&md, "**airunner plan %lld, revision %lld**\n\n",
		 (long long)id, (long long)rev);
	json_str(&d, json_get(&d, plan, "summary"), &md);
	buf_adds(&md, "\n\n");
	for (int t = json_first(&d, json_get(&d, plan, "subtasks")); t >= 0;
	     t = json_next(&d, t)) {
		buf_adds(&md, "- **");
		json_str(&d, json_get(&d, t, "id"), &md);
		buf_adds(&md, "** ");
		json_str(&d, json_get(&d, t, "title"), &md);
		buf_addch(&md, '\n');
	}
	method_issue_report(a, root, source.ptr, key.ptr, md.ptr);
	json_doc_release(&d);
	buf_release(&md);
	buf_release(&source);
	buf_release(&key);
}

static void reply_generated(struct rpc_call *call, struct job *j)
{
	const struct buf *json;
	const struct err *e;
	const char *data;

	if (plan_gen_outcome(job_data(j), &json, &e, &data) < 0) {
		rpc_call_reply_error_data(call, e, data);
		return;
	}
	report_plan(call_agent(call), job_work_tree(j), json->ptr, json->len);
	rpc_call_reply(call, json->ptr, json->len);
}

/* Plans with the issue given inline or read from a file, or with `fetched`
 * (the tracker's issue, fetched first). Ends the call or starts its job. */
static void generate_with(struct rpc_call *call, const struct issue *fetched)
{
	struct agent *a = call_agent(call);
	const struct json_doc *d = rpc_call_doc(call);
	struct plan_gen_params p = { 0 };
	struct job_spec spec = { .kind = &plan_gen_kind,
				 .priority = JOB_NORMAL,
				 .origin = "editor" };
	struct plan_gen *g = NULL;
	struct plan_issue issue = { 0 };
	struct strv files = STRV_INIT, symbols = STRV_INIT;
	char *root = NULL, *feedback = NULL, *model = NULL, *provider = NULL;
	char *origin = NULL;
	struct err e = ERR_INIT;
	bool given = false;
	int focus = rpc_call_param(call, "focus");

	if (fetched) {
		issue.source = xstrdup(issue_source_name(fetched->source));
		issue.key = fetched->key ? xstrdup(fetched->key) : NULL;
		issue.title = xstrdup(fetched->title ? fetched->title : "");
		issue.url = fetched->url ? xstrdup(fetched->url) : NULL;
		issue.description = fetched->description
			? xstrdup(fetched->description) : NULL;
		given = true;
	}
	if (need_store(a, &e) < 0 ||
	    method_param_root(call, &root, &e) < 0 ||
	    (!fetched && read_issue(call, root, &issue, &given, &e) < 0) ||
	    rpc_param_string(call, "feedback", &feedback, &e) < 0 ||
	    rpc_param_int(call, "planId", 1, INT64_MAX, &p.plan_id, &e) < 0 ||
	    rpc_param_int(call, "thinkingBudget", 1024, 200000,
			  &p.thinking_budget, &e) < 0 ||
	    rpc_param_string(call, "model", &model, &e) < 0 ||
	    rpc_param_string(call, "provider", &provider, &e) < 0 ||
	    rpc_param_string(call, "origin", &origin, &e) < 0 ||
	    method_param_priority(call, &spec.priority, &e) < 0)
		goto fail;
	for (int m = json_first(d, json_get(d, focus, "files")); m >= 0;
	     m = json_next(d, m))
		if (json_type(d, m) == JSON_STRING)
			strv_push(&files, json_strdup(d, m));
	for (int m = json_first(d, json_get(d, focus, "symbols")); m >= 0;
	     m = json_next(d, m))
		if (json_type(d, m) == JSON_STRING)
			strv_push(&symbols, json_strdup(d, m));
	if (!a->context && context_cache_new(&a->context, NULL, &e) < 0)
		goto fail;
	p.root = root;
	p.issue = given ? &issue : NULL;
	p.feedback = feedback;
	p.focus_files = strv_argv(&files);
	p.n_focus_files = files.n;
	p.focus_symbols = strv_argv(&symbols);
	p.n_focus_symbols = symbols.n;
	p.model = model;
	p.provider = provider;
	if (plan_gen_new(&g, &p, agent_llm(a), a->context, a->store, &e) < 0)
		goto fail;
	spec.data = g;
	spec.work_tree = root;
	if (origin)
		spec.origin = origin; /* "cli" from `airunner plan` */
	method_job_start(call, &spec, reply_generated);
	goto out;
fail:
	rpc_call_reply_error(call, &e);
out:
	plan_issue_release(&issue);
	strv_release(&files);
	strv_release(&symbols);
	free(root);
	free(feedback);
	free(model);
	free(provider);
	free(origin);
	err_clear(&e);
}

/* ---- a tracker's issue, fetched before planning ---- */

struct issue_wait {
	struct rpc_call *call;
	struct issue_op *op;
};

static void issue_fetched(const struct issue *is, const struct err *e,
			  void *ud)
{
	struct issue_wait *w = ud;
	struct rpc_call *call = w->call;

	free(w);
	rpc_call_on_cancel(call, NULL, NULL);
	if (e)
		rpc_call_reply_error(call, e);
	else
		generate_with(call, is);
}

/* $/cancelRequest or the client gone while the issue is fetched. */
static void issue_wait_cancel(struct rpc_call *call, void *data)
{
	struct issue_wait *w = data;

	(void)call;
	issue_cancel(w->op); /* issue_fetched runs now */
}

static void handle_generate(struct rpc_call *call)
{
	struct agent *a = call_agent(call);
	const struct json_doc *d = rpc_call_doc(call);
	struct issue_ref ref = { 0 };
	struct issue_wait *w;
	struct config *cfg = NULL;
	struct err e = ERR_INIT;
	char *root = NULL;

	if (!issue_is_remote(call)) {
		generate_with(call, NULL);
		return;
	}
	if (method_param_root(call, &root, &e) < 0 ||
	    issue_ref_parse_json(&ref, d, rpc_call_param(call, "issue"),
				 &e) < 0 ||
	    config_open(&cfg, root, &e) < 0)
		goto fail;
	if (!ref.root)
		ref.root = xstrdup(root);
	w = xcalloc(1, sizeof(*w));
	w->call = call;
	w->op = issue_fetch_start(a->loop, llm_client_http(agent_llm(a)),
				  &ref, cfg, issue_fetched, w, &e);
	if (!w->op) {
		free(w);
		goto fail;
	}
	rpc_call_on_cancel(call, issue_wait_cancel, w);
	goto out;
fail:
	rpc_call_reply_error(call, &e);
out:
	issue_ref_release(&ref);
	config_free(cfg);
	free(root);
	err_clear(&e);
}

static void handle_get(struct rpc_call *call)
{
	struct agent *a = call_agent(call);
	struct plan p;
	struct buf out = BUF_INIT;
	struct json_writer w;
	struct err e = ERR_INIT;
	int64_t id = 0, rev = 0;

	plan_init(&p);
	if (need_store(a, &e) < 0 ||
	    rpc_param_int(call, "planId", 1, INT64_MAX, &id, &e) < 0 ||
	    rpc_param_int(call, "revision", 1, INT32_MAX, &rev, &e) < 0 ||
	    plan_load(a->store, id, (int)rev, &p, &e) < 0) {
		rpc_call_reply_error(call, &e);
		goto out;
	}
	json_writer_init(&w, &out);
	plan_write_json(&w, &p);
	rpc_call_reply_buf(call, &out);
out:
	plan_release(&p);
	buf_release(&out);
	err_clear(&e);
}

static void handle_list(struct rpc_call *call)
{
	struct agent *a = call_agent(call);
	struct store_plan_filter f = { 0 };
	struct store_plans l = STORE_PLANS_INIT;
	struct buf out = BUF_INIT, when = BUF_INIT;
	struct json_writer w;
	struct err e = ERR_INIT;
	char *root = NULL, *key = NULL;
	int64_t limit = 0;

	if (need_store(a, &e) < 0 ||
	    rpc_param_path(call, "root", &root, &e) < 0 ||
	    rpc_param_string(call, "issueKey", &key, &e) < 0 ||
	    rpc_param_int(call, "limit", 1, 100000, &limit, &e) < 0)
		goto fail;
	f.work_tree = root;
	f.issue_key = key;
	f.limit = (int)limit;
	if (store_plan_list(a->store, &f, &l, &e) < 0)
		goto fail;
	json_writer_init(&w, &out);
	json_obj_begin(&w);
	json_key(&w, "plans");
	json_arr_begin(&w);
	for (size_t i = 0; i < l.n; i++) {
		const struct store_plan *sp = &l.v[i];

		json_obj_begin(&w);
		json_kv_int(&w, "id", sp->id);
		json_kv_int(&w, "revision", sp->revision);
		json_key(&w, "issueKey");
		if (sp->issue_key)
			json_w_str(&w, sp->issue_key);
		else
			json_w_null(&w);
		json_key(&w, "title");
		if (sp->title)
			json_w_str(&w, sp->title);
		else
			json_w_null(&w);
		json_key(&w, "summary");
		if (sp->summary)
			json_w_str(&w, sp->summary);
		else
			json_w_null(&w);
		json_kv_int(&w, "subtasks", sp->subtasks);
		json_key(&w, "runId");
		if (sp->run_id)
			json_w_int(&w, sp->run_id);
		else
			json_w_null(&w);
		json_key(&w, "workTree");
		if (sp->work_tree)
			json_w_str(&w, sp->work_tree);
		else
			json_w_null(&w);
		buf_reset(&when);
		plan_format_time(&when, sp->created);
		json_kv_str(&w, "created", when.ptr);
		json_obj_end(&w);
	}
	json_arr_end(&w);
	json_obj_end(&w);
	rpc_call_reply_buf(call, &out);
	goto out;
fail:
	rpc_call_reply_error(call, &e);
out:
	store_plans_release(&l);
	buf_release(&out);
	buf_release(&when);
	free(root);
	free(key);
	err_clear(&e);
}

static const struct rpc_param_spec generate_params[] = {
	{ "root", RPC_T(JSON_STRING), false },
	{ "issue", RPC_T(JSON_OBJECT), false },
	{ "feedback", RPC_T(JSON_STRING), false },
	{ "planId", RPC_T(JSON_NUMBER), false },
	{ "focus", RPC_T(JSON_OBJECT), false },
	{ "thinkingBudget", RPC_T(JSON_NUMBER), false },
	{ "model", RPC_T(JSON_STRING), false },
	{ "provider", RPC_T(JSON_STRING), false },
	{ "priority", RPC_T(JSON_STRING), false },
	{ "origin", RPC_T(JSON_STRING), false },
	{ NULL, 0, false },
};

static const struct rpc_param_spec get_params[] = {
	{ "planId", RPC_T(JSON_NUMBER), true },
	{ "revision", RPC_T(JSON_NUMBER), false },
	{ NULL, 0, false },
};

static const struct rpc_param_spec list_params[] = {
	{ "root", RPC_T(JSON_STRING), false },
	{ "issueKey", RPC_T(JSON_STRING), false },
	{ "limit", RPC_T(JSON_NUMBER), false },
	{ NULL, 0, false },
};

const struct rpc_method methods_plan[] = {
	{ "plan/generate", handle_generate, generate_params, 0 },
	{ "plan/get", handle_get, get_params, 0 },
	{ "plan/list", handle_list, list_params, 0 },
	{ NULL, NULL, NULL, 0 },
};
