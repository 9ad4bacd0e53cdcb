/*
 * metrics/summary {since?, until?, workTree?, kind?}: the run store's
 * figures over a window (store/store.h names every field).
 */
#include <stdlib.h>

#include <ev.h>

#include "methods/methods.h"
#include "store/store.h"

static void handle_summary(struct rpc_call *call)
{
	struct agent *a = call_agent(call);
	struct store_metrics_filter f = { 0 };
	struct buf out = BUF_INIT;
	struct json_writer w;
	struct err e = ERR_INIT;
	char *wt = NULL, *kind = NULL;

	f.since = ev_time() - 7 * 86400.0; /* a week unless told */
	if (rpc_param_double(call, "since", &f.since, &e) < 0 ||
	    rpc_param_double(call, "until", &f.until, &e) < 0 ||
	    rpc_param_path(call, "workTree", &wt, &e) < 0 ||
	    rpc_param_string(call, "kind", &kind, &e) < 0)
		goto fail;
	if (!a->store) {
		err_set(&e, ERR_STORE, "this agent has no run store");
		goto fail;
	}
	f.work_tree = wt;
	f.kind = kind;
	json_writer_init(&w, &out);
	if (store_metrics_summary(a->store, &f, &w, &e) < 0) {
		buf_release(&out);
		goto fail;
	}
	rpc_call_reply_buf(call, &out);
	goto out;
fail:
	rpc_call_reply_error(call, &e);
out:
	err_clear(&e);
	free(wt);
	free(kind);
}

static const struct rpc_param_spec summary_params[] = {
	{ "since", RPC_T(JSON_NUMBER), false },
	{ "until", RPC_T(JSON_NUMBER), false },
	{ "workTree", RPC_T(JSON_STRING), false },
	{ "kind", RPC_T(JSON_STRING), false },
	{ NULL, 0, false },
};

const struct rpc_method methods_metrics[] = {
	{ "metrics/summary", handle_summary, summary_params, 0 },
	{ NULL, NULL, NULL, 0 },
};
