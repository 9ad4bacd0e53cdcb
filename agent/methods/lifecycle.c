/*
 * initialize, initialized, shutdown, exit, status, $/cancelRequest.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ev.h>

#include "methods/methods.h"
#include "job/job.h"
#include "rpc/session.h"

#define PROTOCOL_VERSION "1.0"

static void handle_initialize(struct rpc_call *call)
{
	struct rpc_session *s = rpc_call_session(call);
	struct buf out = BUF_INIT;
	struct json_writer w;
	struct err e = ERR_INIT;
	char *path = NULL;

	if (rpc_session_initialized(s)) {
		err_set(&e, ERR_INVALID_REQUEST,
			"initialize was already called on this connection");
		goto fail;
	}
	if (rpc_param_path(call, "rootUri", &path, &e) < 0 ||
	    (!path && rpc_param_path(call, "rootPath", &path, &e) < 0))
		goto fail;
	rpc_session_set_initialized(s, path);

	json_writer_init(&w, &out);
	json_obj_begin(&w);
	json_kv_str(&w, "protocolVersion", PROTOCOL_VERSION);
	json_key(&w, "serverInfo");
	json_obj_begin(&w);
	json_kv_str(&w, "name", "airunner");
	json_kv_str(&w, "version", AIRUNNER_VERSION);
	json_obj_end(&w);
	json_key(&w, "capabilities");
	json_obj_begin(&w);
	json_key(&w, "methods");
	json_arr_begin(&w);
	rpc_write_method_names(call_agent(call)->rpc, &w);
	json_arr_end(&w);
	json_key(&w, "notifications");
	json_arr_begin(&w);
	json_w_str(&w, "$/progress");
	json_w_str(&w, "run/event");
	json_arr_end(&w);
	json_obj_end(&w);
	if (path)
		json_kv_str(&w, "workspace", path);
	json_obj_end(&w);
	free(path);
	rpc_call_reply_buf(call, &out);
	return;
fail:
	rpc_call_reply_error(call, &e);
	err_clear(&e);
}

static void handle_initialized(struct rpc_call *call)
{
	rpc_call_reply(call, "null", 4);
}

static void handle_shutdown(struct rpc_call *call)
{
	struct agent *a = call_agent(call);
	struct err e = ERR_INIT;
	bool daemon = false;

	if (rpc_param_bool(call, "daemon", &daemon, &e) < 0) {
		rpc_call_reply_error(call, &e);
		err_clear(&e);
		return;
	}
	rpc_session_set_shutdown(rpc_call_session(call));
	rpc_call_reply(call, "null", 4);
	if (daemon)
		a->ops->request_stop(a, 0);
}

static void handle_exit(struct rpc_call *call)
{
	struct rpc_session *s = rpc_call_session(call);

	rpc_call_reply(call, "null", 4);
	rpc_session_close(s);
}

static void handle_status(struct rpc_call *call)
{
	struct agent *a = call_agent(call);
	const struct rpc_stats *st = rpc_server_stats(a->rpc);
	struct buf out = BUF_INIT;
	struct json_writer w;

	json_writer_init(&w, &out);
	json_obj_begin(&w);
	json_kv_str(&w, "version", AIRUNNER_VERSION);
	json_kv_int(&w, "pid", (int64_t)getpid());
	/* Whole milliseconds: formatting a double costs a third of a status. */
	json_kv_int(&w, "uptimeMs",
		    (int64_t)((ev_now(a->loop) - a->started) * 1000.0));
	json_kv_str(&w, "transport", a->stdio ? "stdio" : "socket");
	if (a->socket)
		json_kv_str(&w, "socket", a->socket);
	json_kv_int(&w, "connections", st->sessions);
	/* This status request itself is not counted as work in flight. */
	json_kv_int(&w, "requestsInFlight", st->calls_in_flight - 1);
	json_kv_int(&w, "requestsTotal", (int64_t)st->requests_total);
	json_kv_int(&w, "queuedOutputBytes", (int64_t)a->queued_output);
	json_key(&w, "jobs");
	json_obj_begin(&w);
	json_kv_int(&w, "queued", job_engine_count(a->jobs, JOB_QUEUED));
	json_kv_int(&w, "running", job_engine_count(a->jobs, JOB_RUNNING));
	json_obj_end(&w);
	json_obj_end(&w);
	rpc_call_reply_buf(call, &out);
}

static void handle_cancel(struct rpc_call *call)
{
	int id = rpc_call_param(call, "id");

	rpc_session_cancel(rpc_call_session(call), rpc_call_doc(call), id);
	rpc_call_reply(call, "null", 4);
}

static const struct rpc_param_spec initialize_params[] = {
	{ "processId", RPC_T(JSON_NUMBER) | RPC_T(JSON_NULL), false },
	{ "rootUri", RPC_T(JSON_STRING) | RPC_T(JSON_NULL), false },
	{ "rootPath", RPC_T(JSON_STRING) | RPC_T(JSON_NULL), false },
	{ "clientInfo", RPC_T(JSON_OBJECT), false },
	{ "capabilities", RPC_T(JSON_OBJECT), false },
	{ NULL, 0, false },
};

static const struct rpc_param_spec shutdown_params[] = {
	{ "daemon", RPC_T_BOOL, false },
	{ NULL, 0, false },
};

static const struct rpc_param_spec cancel_params[] = {
	{ "id", RPC_T(JSON_STRING) | RPC_T(JSON_NUMBER), true },
	{ NULL, 0, false },
};

static const struct rpc_param_spec no_params[] = {
	{ NULL, 0, false },
};

const struct rpc_method methods_lifecycle[] = {
	{ "initialize", handle_initialize, initialize_params, RPC_M_BEFORE_INIT },
	{ "initialized", handle_initialized, NULL, 0 },
	{ "shutdown", handle_shutdown, shutdown_params, 0 },
	{ "exit", handle_exit, NULL, RPC_M_BEFORE_INIT },
	{ "status", handle_status, no_params, 0 },
	{ "$/cancelRequest", handle_cancel, cancel_params, RPC_M_BEFORE_INIT },
	{ NULL, NULL, NULL, 0 },
};
