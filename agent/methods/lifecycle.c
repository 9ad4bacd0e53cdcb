/*
 * initialize, initialized, shutdown, exit, status, $/cancelRequest.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ev.h>

#include "methods/methods.h"
#include "rpc/session.h"
#include "server/server.h"
#include "util/mem.h"

#define PROTOCOL_VERSION "1.0"

/* file:///a%20b -> /a b. NULL unless it is an absolute local path. */
static char *uri_to_path(const char *uri)
{
	struct buf out = BUF_INIT;
	const char *p;

	if (strncmp(uri, "file://", 7) == 0) {
		uri += 7;
		if (strncmp(uri, "localhost/", 10) == 0)
			uri += 9;
	}
	if (uri[0] != '/')
		return NULL;
	for (p = uri; *p; p++) {
		if (p[0] == '%' && isxdigit((unsigned char)p[1]) &&
		    isxdigit((unsigned char)p[2])) {
			char hex[3] = { p[1], p[2], 0 };
			long v = strtol(hex, NULL, 16);

			if (v == 0)
				goto bad;
			buf_addch(&out, (int)v);
			p += 2;
		} else {
			buf_addch(&out, *p);
		}
	}
	return buf_detach(&out, NULL);
bad:
	buf_release(&out);
	return NULL;
}

static void handle_initialize(struct rpc_call *call)
{
	const struct json_doc *d = rpc_call_doc(call);
	struct rpc_session *s = rpc_call_session(call);
	struct buf out = BUF_INIT;
	struct json_writer w;
	char *root = NULL, *path = NULL;
	int v;

	if (rpc_session_initialized(s)) {
		rpc_call_reply_error_code(call, RPC_INVALID_REQUEST,
					  "invalid_request",
					  "initialize was already called on this connection",
					  NULL);
		return;
	}
	v = rpc_call_param(call, "rootUri");
	if (json_type(d, v) != JSON_STRING)
		v = rpc_call_param(call, "rootPath");
	if (json_type(d, v) == JSON_STRING) {
		root = json_strdup(d, v);
		path = root ? uri_to_path(root) : NULL;
		if (!path) {
			rpc_call_reply_error_code(call, RPC_INVALID_PARAMS,
						  ERR_INVALID_PARAMS,
						  "rootUri must be a file URI or an absolute path",
						  NULL);
			free(root);
			return;
		}
	}
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
	rpc_write_method_names(&w);
	json_arr_end(&w);
	json_key(&w, "notifications");
	json_arr_begin(&w);
	json_w_str(&w, "$/progress");
	json_arr_end(&w);
	json_obj_end(&w);
	if (path)
		json_kv_str(&w, "workspace", path);
	json_obj_end(&w);
	free(root);
	free(path);
	rpc_call_reply_buf(call, &out);
}

static void handle_initialized(struct rpc_call *call)
{
	rpc_call_reply(call, "null", 4);
}

static void handle_shutdown(struct rpc_call *call)
{
	const struct json_doc *d = rpc_call_doc(call);
	bool daemon = false;

	json_bool(d, rpc_call_param(call, "daemon"), &daemon);
	rpc_session_set_shutdown(rpc_call_session(call));
	rpc_call_reply(call, "null", 4);
	if (daemon)
		server_request_stop(0);
}

static void handle_exit(struct rpc_call *call)
{
	struct rpc_session *s = rpc_call_session(call);

	rpc_call_reply(call, "null", 4);
	rpc_session_close(s);
}

static void handle_status(struct rpc_call *call)
{
	const struct server_info *info = server_info();
	struct buf out = BUF_INIT;
	struct json_writer w;

	json_writer_init(&w, &out);
	json_obj_begin(&w);
	json_kv_str(&w, "version", AIRUNNER_VERSION);
	json_kv_int(&w, "pid", (int64_t)getpid());
	/* Whole milliseconds: formatting a double costs a third of a status. */
	json_kv_int(&w, "uptimeMs",
		    (int64_t)((ev_now(rpc_call_loop(call)) - info->started) *
			      1000.0));
	json_kv_str(&w, "transport", info->stdio ? "stdio" : "socket");
	if (info->socket)
		json_kv_str(&w, "socket", info->socket);
	json_kv_int(&w, "connections", rpc_stats.sessions);
	/* This status request itself is not counted as work in flight. */
	json_kv_int(&w, "requestsInFlight", rpc_stats.calls_in_flight - 1);
	json_kv_int(&w, "requestsTotal", (int64_t)rpc_stats.requests_total);
	json_kv_int(&w, "queuedOutputBytes", (int64_t)info->queued_output);
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
