/*
 * rpc: JSON-RPC 2.0 over LSP framing. This header is what a method handler
 * sees; the framing and dispatch live in rpc/ and the transports in
 * server/.
 *
 * A handler is called once per request with a `struct rpc_call`. It must end
 * the call exactly once, now or later from a loop callback, with
 * rpc_call_reply() or rpc_call_reply_error(); the call is freed then and must
 * not be touched again. Handlers never block: slow work runs on the libev loop
 * (children, HTTP) and replies when it is done. If the client cancels the
 * request or goes away, the cancel callback runs; the handler then stops its
 * work and still ends the call (its reply is dropped if nobody is listening).
 */
#ifndef AIRUNNER_RPC_H
#define AIRUNNER_RPC_H

#include <stdbool.h>
#include <stddef.h>

#include "json/json.h"
#include "util/err.h"

struct ev_loop;
struct rpc_call;

/* JSON-RPC and LSP error codes. */
#define RPC_PARSE_ERROR -32700
#define RPC_INVALID_REQUEST -32600
#define RPC_METHOD_NOT_FOUND -32601
#define RPC_INVALID_PARAMS -32602
#define RPC_INTERNAL_ERROR -32603
#define RPC_SERVER_NOT_INITIALIZED -32002
#define RPC_REQUEST_CANCELLED -32800
#define RPC_SERVER_ERROR -32000 /* our own range: -32000..-32099 */

typedef void (*rpc_handler_fn)(struct rpc_call *call);
typedef void (*rpc_cancel_fn)(struct rpc_call *call, void *data);

/* Bits of enum json_type, for a param spec. */
#define RPC_T(t) (1u << (t))
#define RPC_T_BOOL (RPC_T(JSON_TRUE) | RPC_T(JSON_FALSE))
#define RPC_T_ANY 0u

struct rpc_param_spec {
	const char *name;
	unsigned types; /* RPC_T(...) bits; 0 = any type */
	bool required;
};

enum {
	RPC_M_BEFORE_INIT = 1 << 0, /* callable before `initialize` */
	RPC_M_HIDDEN = 1 << 1,      /* not advertised (test-only methods) */
};

struct rpc_method {
	const char *name;
	rpc_handler_fn handler;
	/* Checked before the handler runs: each named param's type, and
	 * presence when required. Terminated by a {NULL} entry; may be NULL.
	 * Params must be an object (or absent) for a method with a spec. */
	const struct rpc_param_spec *params;
	unsigned flags;
};

/* ---- what a handler reads ---- */

struct ev_loop *rpc_call_loop(const struct rpc_call *call);
const char *rpc_call_method(const struct rpc_call *call);
bool rpc_call_is_notification(const struct rpc_call *call);
/* The request's parsed message; valid until the call ends. */
const struct json_doc *rpc_call_doc(const struct rpc_call *call);
/* The params value (token index into rpc_call_doc), or -1. */
int rpc_call_params(const struct rpc_call *call);
/* params[name], or -1. */
int rpc_call_param(const struct rpc_call *call, const char *name);
/* The workspace root the connection named at `initialize` (rootUri or
 * rootPath, as an absolute path), or NULL. */
const char *rpc_call_workspace(const struct rpc_call *call);

/* ---- ending the call ---- */

/* result_json: one valid JSON value (build it with json_writer). */
void rpc_call_reply(struct rpc_call *call, const char *result_json, size_t n);
/* The same with the result in a buf, which is released. */
void rpc_call_reply_buf(struct rpc_call *call, struct buf *result);
/* Maps e->kind to a code in one place (rpc/errors.c); data.kind carries it. */
void rpc_call_reply_error(struct rpc_call *call, const struct err *e);
/* For when the handler knows the code; `data_json` may be NULL or one JSON
 * object that becomes `data` (its "kind" is added). */
void rpc_call_reply_error_code(struct rpc_call *call, int code,
			       const char *kind, const char *message,
			       const char *data_json);

/* ---- cancellation and progress ---- */

/* fn(call, data) runs once if the request is cancelled ($/cancelRequest) or
 * its connection closes before the call ends. Set NULL to clear. */
void rpc_call_on_cancel(struct rpc_call *call, rpc_cancel_fn fn, void *data);
bool rpc_call_cancelled(const struct rpc_call *call);
/* Sends a notification to the caller's connection (dropped if it is gone). */
void rpc_call_notify(struct rpc_call *call, const char *method,
		     const char *params_json, size_t n);
/* `$/progress` with the token the request named in params.workDoneToken or
 * params.progressToken (nothing is sent if it named none). value_json is the
 * LSP-style {"kind":"begin"|"report"|"end", ...} object. */
void rpc_call_progress(struct rpc_call *call, const char *value_json,
		       size_t n);

#endif
