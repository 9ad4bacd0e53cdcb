/*
 * verification_agent: the agent's side of a command-line verification, on
 * libc alone: the verify/run request, the call on an open client, and the
 * progress line. verification.c adds the in-process fallback (libev,
 * libgit2, the checks themselves); the hook client (agent/hook_main.c,
 * `airunner-hook`) uses only this, so a commit answered by the running agent
 * never loads the libraries of the full binary.
 */
#ifndef AIRUNNER_CLI_VERIFICATION_AGENT_H
#define AIRUNNER_CLI_VERIFICATION_AGENT_H

#include <stdint.h>

#include "cli/client.h"
#include "cli/verification.h"
#include "util/buf.h"
#include "util/err.h"

/* Reaching (or starting) the agent must be quick: past this, the checks run
 * in-process instead of making the commit wait on a wedged agent. */
#define VERIFICATION_CONNECT_TIMEOUT_MS 2000
/* The whole verification. Each check has its own, shorter timeout, so the
 * agent answers well before this unless it is stuck. */
#define VERIFICATION_TIMEOUT_S 600

/*
 * verify/run for v on c (open, borrowed), its result JSON appended to
 * result. With v->progress, the agent's $/progress reports update the
 * progress line meanwhile. -1 when the agent refused (e->kind "rpc_error",
 * the message prefixed "verify/run error CODE"), failed or timed out.
 */
int verification_agent_call(struct client *c, const struct verification *v,
			    struct buf *result, struct err *e);
/* The same in two halves (client_send, client_wait): the request sent,
 * *id set; then its answer awaited. */
int verification_agent_send(struct client *c, const struct verification *v,
			    int64_t *id, struct err *e);
int verification_agent_wait(struct client *c, const struct verification *v,
			    int64_t id, struct buf *result, struct err *e);

/*
 * The progress line on stderr, for a terminal: "verifying WHAT..." when msg
 * is NULL, else "verifying... MSG (PERCENT%)"; each rewrites the last.
 */
void verification_progress_show(const char *what, const char *msg,
				int64_t percent);
/* Erases the line, before the report (nothing without v->progress). */
void verification_progress_clear(const struct verification *v);

#endif
