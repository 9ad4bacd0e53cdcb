/*
 * errors/classify {output, tool?} -> {diagnostics, summary}.
 *
 * The database is the workspace's shared one (the shipped patterns plus the
 * repo's `classify.patterns` files). The work is CPU only (over 100 MB/s),
 * so it runs inside the handler.
 */
#include <stdlib.h>
#include <string.h>

#include "classify/classify.h"
#include "methods/methods.h"

static void handle_classify(struct rpc_call *call)
{
	struct classify_db *db = NULL;
	struct buf out = BUF_INIT, output = BUF_INIT;
	struct diag_list l = DIAG_LIST_INIT;
	struct err e = ERR_INIT;
	struct json_writer w;
	char *tool = NULL;

	if (rpc_param_text(call, "output", &output, &e) < 0 ||
	    rpc_param_string(call, "tool", &tool, &e) < 0)
		goto fail;
	if (classify_db_acquire(call_agent(call)->patterns, &db,
				rpc_call_workspace(call), &e) < 0 ||
	    classify_text(db, tool, output.ptr, output.len, &l, &e) < 0)
		goto fail;

	json_writer_init(&w, &out);
	classify_write_result(&w, &l);
	rpc_call_reply(call, out.ptr, out.len);
	goto out;
fail:
	rpc_call_reply_error(call, &e);
out:
	classify_db_release(db);
	diag_list_release(&l);
	buf_release(&out);
	buf_release(&output);
	free(tool);
	err_clear(&e);
}

static const struct rpc_param_spec classify_params[] = {
	{ "output", RPC_T(JSON_STRING), true },
	{ "tool", RPC_T(JSON_STRING) | RPC_T(JSON_NULL), false },
	{ NULL, 0, false },
};

const struct rpc_method methods_classify[] = {
	{ "errors/classify", handle_classify, classify_params, 0 },
	{ NULL, NULL, NULL, 0 },
};
