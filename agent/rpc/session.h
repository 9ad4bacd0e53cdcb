/*
 * session: one client's protocol state, independent of its transport.
 *
 * server/ owns the file descriptors and hands received bytes to
 * rpc_session_feed(); the session frames, parses and dispatches them and
 * sends replies back through the transport's ops. A session is reference
 * counted: the transport holds one reference and every call in flight holds
 * one, so a call may outlive its connection (its reply is then dropped).
 */
#ifndef AIRUNNER_SESSION_H
#define AIRUNNER_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "rpc/rpc.h"

struct rpc_session;

struct rpc_transport_ops {
	/* Queue bytes for the client (already framed): 0, or -1 when they
	 * cannot be queued (the client is over its output limits). flags:
	 * RPC_SEND_RESERVE marks the small error that stands in for a reply
	 * refused that way; the transport takes it from a reserve, or drops
	 * the client if even that is spent. */
	int (*send)(void *transport, const char *data, size_t n,
		    unsigned flags);
	/* The client asked to end the connection (`exit`); after_shutdown
	 * tells whether it sent `shutdown` first (LSP's exit code rule). */
	void (*close)(void *transport, bool after_shutdown);
};

#define RPC_SEND_RESERVE 1u

struct rpc_limits {
	size_t max_frame; /* body bytes; 0 = FRAME_DEFAULT_MAX_BODY */
	int max_depth;    /* 0 = JSON_MAX_DEPTH_DEFAULT */
};

/* Counters for `status`. */
struct rpc_stats {
	unsigned sessions;
	unsigned calls_in_flight;
	unsigned long long requests_total;
};

/*
 * The protocol layer's process-wide state: the method table it dispatches to
 * (handed in, so rpc/ never reads methods/), its sessions, and ctx, the
 * pointer every handler reaches through rpc_call_ctx() (the agent).
 */
struct rpc_server *rpc_server_new(struct ev_loop *loop,
				  const struct rpc_method *const *table,
				  void *ctx);
/* After every session is gone. */
void rpc_server_free(struct rpc_server *srv);
/* Enables methods flagged RPC_M_HIDDEN (tests only). */
void rpc_server_enable_hidden(struct rpc_server *srv, bool on);
const struct rpc_stats *rpc_server_stats(const struct rpc_server *srv);
/* Cancels every call in flight on every session (daemon shutdown). */
void rpc_server_cancel_all(struct rpc_server *srv);
/* Sends the notification to every session subscribed to any of topics
 * (NULL-terminated), once each. */
void rpc_server_publish(struct rpc_server *srv, const char *const *topics,
			const char *method, const char *params_json, size_t n);
/* Appends the names of the advertised methods to w (an open array). */
void rpc_write_method_names(const struct rpc_server *srv,
			    struct json_writer *w);

struct rpc_session *rpc_session_new(struct rpc_server *srv,
				    const struct rpc_transport_ops *ops,
				    void *transport,
				    const struct rpc_limits *limits);
/* Frames and dispatches received bytes. */
void rpc_session_feed(struct rpc_session *s, const char *data, size_t n);
/* The transport is gone: calls in flight are cancelled, later replies are
 * dropped, and the transport's reference is released. */
void rpc_session_detach(struct rpc_session *s);

/* True while calls are in flight on s, or frames wait their turn. */
bool rpc_session_busy(const struct rpc_session *s);

/* ---- for the lifecycle methods ---- */
struct rpc_session *rpc_call_session(const struct rpc_call *call);
void rpc_session_set_initialized(struct rpc_session *s, const char *workspace);
bool rpc_session_initialized(const struct rpc_session *s);
void rpc_session_set_shutdown(struct rpc_session *s);
/* Asks the transport to close once pending output is written. */
void rpc_session_close(struct rpc_session *s);
/* Cancels the call whose id matches (JSON value of a parsed doc). Returns
 * true if one was found. */
bool rpc_session_cancel(struct rpc_session *s, const struct json_doc *d,
			int id);
/* A notification outside any call (dropped once the client is gone). */
void rpc_session_notify(struct rpc_session *s, const char *method,
			const char *params_json, size_t n);
/* Topics the session hears through rpc_server_publish ("run:*", "run:7"). */
void rpc_session_subscribe(struct rpc_session *s, const char *topic);
bool rpc_session_subscribed(const struct rpc_session *s, const char *topic);

#endif
