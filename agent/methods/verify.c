/*
 * verify/checks and verify/run: the protocol face of verify/. The work is in
 * verify_run() on the loop; this file turns params into a request and the
 * result into JSON, and maps progress and cancellation.
 */
#include <stdlib.h>
#include <string.h>

#include "methods/methods.h"
#include "util/mem.h"
#include "util/strv.h"
#include "verify/verify.h"

/* params.root, else the workspace of `initialize`; NULL (and an error
 * reply sent) when neither names one. Caller frees. */
static char *call_root(struct rpc_call *call)
{
	const struct json_doc *d = rpc_call_doc(call);
	int v = rpc_call_param(call, "root");
	char *root = NULL;

	if (v >= 0)
		root = json_strdup(d, v);
	else if (rpc_call_workspace(call))
		root = xstrdup(rpc_call_workspace(call));
	if (!root || root[0] != '/') {
		struct err e = ERR_INIT;

		err_set(&e, ERR_INVALID_PARAMS,
			root ? "root must be an absolute path"
			     : "no workspace: pass root, or name one at initialize");
		rpc_call_reply_error(call, &e);
		err_clear(&e);
		free(root);
		return NULL;
	}
	return root;
}

/* A params array of strings into out; false (and an error reply) if an
 * element is not a string. */
static bool param_strings(struct rpc_call *call, const char *name,
			  struct strv *out)
{
	const struct json_doc *d = rpc_call_doc(call);
	int v = rpc_call_param(call, name), el;

	for (el = json_first(d, v); el >= 0; el = json_next(d, el)) {
		char *s = json_strdup(d, el);

		if (!s || !*s) {
			struct err e = ERR_INIT;

			free(s);
			err_set(&e, ERR_INVALID_PARAMS,
				"%s must be an array of non-empty strings", name);
			rpc_call_reply_error(call, &e);
			err_clear(&e);
			return false;
		}
		strv_push(out, s);
	}
	return true;
}

static void handle_checks(struct rpc_call *call)
{
	struct verify_checks checks = VERIFY_CHECKS_INIT;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct json_writer w;
	char *root = call_root(call);
	size_t i;

	if (!root)
		return;
	if (verify_checks_load(&checks, root, &e) < 0) {
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

struct run_call {
	struct rpc_call *call;
	struct verify_run *run;
};

static void progress_send(struct rpc_call *call, const char *kind,
			  const char *message, int percentage)
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
	rpc_call_progress(call, out.ptr, out.len);
	buf_release(&out);
}

static void on_progress(const struct verify_check_result *cr, size_t done,
			size_t total, void *data)
{
	struct run_call *rc = data;
	struct buf msg = BUF_INIT;

	buf_addf(&msg, "%s %s", cr->name, verify_status_name(cr->status));
	progress_send(rc->call, "report", msg.ptr,
		      total ? (int)(done * 100 / total) : 100);
	buf_release(&msg);
}

static void on_cancel(struct rpc_call *call, void *data)
{
	struct run_call *rc = data;

	/* The children are killed; on_done still ends the call. */
	verify_cancel(rc->run);
}

static void on_done(struct verify_result *res, void *data)
{
	struct run_call *rc = data;
	struct buf out = BUF_INIT;
	struct json_writer w;

	rpc_call_on_cancel(rc->call, NULL, NULL);
	progress_send(rc->call, "end", res->ok ? "ok" : "failed", -1);
	if (rpc_call_cancelled(rc->call)) {
		struct err e = ERR_INIT;

		err_set(&e, ERR_CANCELLED, "verification cancelled");
		rpc_call_reply_error(rc->call, &e);
		err_clear(&e);
	} else {
		json_writer_init(&w, &out);
		verify_result_write_json(&w, res);
		rpc_call_reply_buf(rc->call, &out);
	}
	verify_result_free(res);
	free(rc);
}

static void handle_run(struct rpc_call *call)
{
	const struct json_doc *d = rpc_call_doc(call);
	struct verify_request req = { 0 };
	struct strv files = STRV_INIT, checks = STRV_INIT;
	struct run_call *rc = NULL;
	struct err e = ERR_INIT;
	char *root = call_root(call), *index = NULL;
	bool b;

	if (!root)
		return;
	if (!param_strings(call, "files", &files) ||
	    !param_strings(call, "checks", &checks))
		goto out;
	req.root = root;
	if (rpc_call_param(call, "files") >= 0)
		req.files = strv_argv(&files);
	if (rpc_call_param(call, "checks") >= 0)
		req.checks = strv_argv(&checks);
	if (json_bool(d, rpc_call_param(call, "staged"), &b) == 0)
		req.staged = b;
	if (json_bool(d, rpc_call_param(call, "all"), &b) == 0)
		req.all = b;
	req.index = index = json_strdup(d, rpc_call_param(call, "index"));
	req.progress = on_progress;

	rc = xcalloc(1, sizeof(*rc));
	rc->call = call;
	progress_send(call, "begin", NULL, 0);
	if (verify_run(&rc->run, rpc_call_loop(call), &req, on_done, rc,
		       &e) < 0) {
		progress_send(call, "end", e.msg.ptr, -1);
		rpc_call_reply_error(call, &e);
		free(rc);
		goto out;
	}
	rpc_call_on_cancel(call, on_cancel, rc);
out:
	strv_release(&files);
	strv_release(&checks);
	err_clear(&e);
	free(index);
	free(root);
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
	{ NULL, 0, false },
};

const struct rpc_method methods_verify[] = {
	{ "verify/checks", handle_checks, checks_params, 0 },
	{ "verify/run", handle_run, run_params, 0 },
	{ NULL, NULL, NULL, 0 },
};
