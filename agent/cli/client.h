/*
 * client: the blocking side of the protocol, for short-lived commands
 * (`airunner call`, `airunner hook pre-commit`). It connects to the agent's
 * socket (starting the agent when none listens, if asked), performs the
 * `initialize` handshake, and makes calls one at a time.
 */
#ifndef AIRUNNER_CLIENT_H
#define AIRUNNER_CLIENT_H

#include <stdbool.h>

#include "util/buf.h"
#include "util/err.h"

struct client;

enum {
	CLIENT_AUTOSTART = 1 << 0, /* start `airunner serve` if nobody listens */
	CLIENT_STDIO = 1 << 1,     /* spawn a private `airunner serve --stdio` */
	/* Send `initialize` and return without its answer, so the first call
	 * goes out in the same breath (the agent answers in order);
	 * client_initialized then waits for the handshake's answer. */
	CLIENT_NO_WAIT = 1 << 2,
};

/* socket_path NULL = the default path (paths_socket_default). workspace may
 * be NULL. timeout_ms bounds connecting (and starting) the agent. Before a
 * byte is sent, the socket's folder must be ours and private and the agent
 * must run as our uid; a refusal has e->kind ERR_UNSAFE_SOCKET and says why.
 * Other failures: e->kind "agent_unavailable" with the reason. */
int client_open(struct client **out, const char *socket_path,
		const char *workspace, unsigned flags, int timeout_ms,
		struct err *e);
/*
 * Sends one request and waits up to timeout_ms (<= 0: no limit) for its
 * response. On success the result's JSON text is appended to `result` and 0
 * returned. A JSON-RPC error returns -1 with e->kind "rpc_error", *code set
 * (when code is non-NULL) and the message in e->msg; the error's `data` JSON,
 * if any, is appended to `result`. Transport failures: e->kind
 * "agent_unavailable". Notifications received meanwhile are passed to
 * on_notify when set.
 */
int client_call(struct client *c, const char *method, const char *params_json,
		int timeout_ms, struct buf *result, int *code, struct err *e);
/*
 * client_call in two halves, for a request sent before the answer to an
 * earlier one is read: client_send sends it and sets *id; client_wait waits
 * for the response to id, as client_call does (method names it in errors).
 * A response to another id read meanwhile is dropped: wait in the order
 * the requests were sent.
 */
int client_send(struct client *c, const char *method, const char *params_json,
		int64_t *id, struct err *e);
int client_wait(struct client *c, const char *method, int64_t id,
		int timeout_ms, struct buf *result, int *code, struct err *e);
/* After client_open with CLIENT_NO_WAIT: waits up to timeout_ms for the
 * answer to `initialize` (0 at once when it was read already). Failures as
 * client_open's; the connection is then of no use. */
int client_initialized(struct client *c, int timeout_ms, struct err *e);
/* The result of the handshake's `initialize` (JSON text, owned by c). */
const char *client_initialize_result(const struct client *c);
void client_on_notify(struct client *c,
		      void (*fn)(const char *method, const char *params_json,
				 void *data),
		      void *data);
void client_close(struct client *c);

#endif
