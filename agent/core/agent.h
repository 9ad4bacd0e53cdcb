/*
 * agent: the one object that holds what is process-wide (redis's `server`,
 * without the global). server_run() creates it and owns it; rpc/ hands it to
 * every handler as the call's ctx (methods/ reach it with call_agent()), and
 * methods pass down the parts a subsystem needs. Nothing else is global.
 *
 * Where a new long-running capability goes: a job kind (job/job.h) whose
 * step drives the subsystem's async API; a method that reads params, submits
 * the job to agent->jobs and answers from the job's done (methods/jobcall.h).
 */
#ifndef AIRUNNER_AGENT_H
#define AIRUNNER_AGENT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

struct ev_loop;
struct job_engine;
struct job_pool;
struct llm_client;
struct rpc_server;
struct store;
struct verify_cache;
struct verify_residents;
struct agent;
struct context_cache;
struct classify_cache;

/* What the transport layer supplies (the agent does not call server/). */
struct agent_ops {
	/* Stops accepting, cancels what is in flight, flushes replies, then
	 * ends server_run() with exit_status. Safe from any loop callback. */
	void (*request_stop)(struct agent *a, int exit_status);
};

#define AGENT_PLAN_CONTEXTS 8

struct agent {
	struct ev_loop *loop;
	struct rpc_server *rpc;  /* sessions, the method table */
	struct job_engine *jobs; /* every job: verifications, completions */
	struct job_pool *procs;  /* check processes: one slot per core */
	struct verify_cache *verify_cache;
	/* tsc and eslint kept loaded per work tree (verify.h) */
	struct verify_residents *residents;
	struct classify_cache *patterns; /* pattern databases, by workspace */
	struct store *store;     /* the run store (runs, events, metrics) */
	struct context_cache *context; /* repo views, made on first use */
	/* The repo context the runs of one plan share: the view their first
	 * subtask saw, so every subtask's cached prompt prefix is the same
	 * bytes though each commit changes the repository. Most recently used
	 * first. */
	struct plan_context {
		int64_t plan;
		char *root, *text;
	} plan_contexts[AGENT_PLAN_CONTEXTS];
	char *owner;             /* what the store calls us: the socket, or
				    pid:N on stdio */
	/* Made on the first model call (agent_llm): loading libcurl's TLS
	 * stack is not for an agent that only verifies commits. */
	struct llm_client *llm;
	double started;     /* ev_time() at start */
	const char *socket; /* NULL on stdio */
	bool stdio;
	size_t queued_output; /* bytes no client has read yet, all of them */
	const struct agent_ops *ops;
	void *ops_data; /* the server */
};

/* Makes the process-wide parts on loop (the rpc server comes from the
 * server, which owns the transports). */
void agent_init(struct agent *a, struct ev_loop *loop);
/* Opens the run store at path (NULL: the default) for owner, and marks the
 * runs a dead agent of ours left running as interrupted. A store newer
 * than this binary is an error (ERR_STORE_VERSION): the agent does not
 * start rather than lose records. */
int agent_open_store(struct agent *a, const char *path, const char *owner,
		     struct err *e);
/* Ends every job (running the loop until they are gone) and frees it all. */
void agent_release(struct agent *a);
/* The model client, made on first use. */
struct llm_client *agent_llm(struct agent *a);

#endif
