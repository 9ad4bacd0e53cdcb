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

#include <stdint.h>

#include "json/json.h"
#include "util/err.h"
#include "util/strv.h"

struct ev_loop;
struct rpc_call;
struct rpc_server;
struct rpc_session;

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

/* What the server was given as ctx (the agent). */
void *rpc_call_ctx(const struct rpc_call *call);
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
/* The code comes from e->kind (rpc/errors.c); data.kind carries its name. */
void rpc_call_reply_error(struct rpc_call *call, const struct err *e);
/* The same with more fields for `data`: data_json is one JSON object (or
 * NULL) whose members are added beside "kind". */
void rpc_call_reply_error_data(struct rpc_call *call, const struct err *e,
			       const char *data_json);

/* ---- cancellation and progress ---- */

/* fn(call, data) runs once if the request is cancelled ($/cancelRequest) or
 * its connection closes before the call ends. Set NULL to clear. */
void rpc_call_on_cancel(struct rpc_call *call, rpc_cancel_fn fn, void *data);
/* True once the call's connection is gone (in a cancel callback: the cancel
 * came from the client leaving, not from $/cancelRequest). */
bool rpc_call_client_gone(const struct rpc_call *call);
/* Sends a notification to the caller's connection (dropped if it is gone). */
void rpc_call_notify(struct rpc_call *call, const char *method,
		     const char *params_json, size_t n);
/* `$/progress` with the token the request named in params.workDoneToken or
 * params.progressToken (nothing is sent if it named none). value_json is the
 * LSP-style {"kind":"begin"|"report"|"end", ...} object. */
void rpc_call_progress(struct rpc_call *call, const char *value_json,
		       size_t n);
/* Whether the request named a progress token: it asked to hear how its
 * work goes (run/event too). */
bool rpc_call_wants_progress(const struct rpc_call *call);

/* ---- params ----
 *
 * One way to read params, for every handler. Each returns 1 when the param
 * was given and read into *out, 0 when it is absent or null (*out untouched),
 * and -1 with e set (ERR_INVALID_PARAMS, naming the param and what it must
 * be) when it is there but wrong. Strings are refused when they hold a NUL
 * character, since C would silently cut them there.
 */
int rpc_param_string(const struct rpc_call *call, const char *name,
		     char **out, struct err *e); /* malloc'd */
/* A string that may hold any character, NUL included (a build log),
 * appended to out. */
int rpc_param_text(const struct rpc_call *call, const char *name,
		   struct buf *out, struct err *e);
/* An array of non-empty strings, appended to out. */
int rpc_param_strings(const struct rpc_call *call, const char *name,
		      struct strv *out, struct err *e);
int rpc_param_bool(const struct rpc_call *call, const char *name, bool *out,
		   struct err *e);
/* An integer within [min, max]. */
int rpc_param_int(const struct rpc_call *call, const char *name, int64_t min,
		  int64_t max, int64_t *out, struct err *e);
int rpc_param_double(const struct rpc_call *call, const char *name,
		     double *out, struct err *e);
/* An absolute path (a file: URI is accepted too), malloc'd. */
int rpc_param_path(const struct rpc_call *call, const char *name, char **out,
		   struct err *e);

#endif
