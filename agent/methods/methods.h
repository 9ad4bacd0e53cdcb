/*
 * methods: the JSON-RPC method table. One file per method family under
 * methods/, each exporting a {NULL}-terminated array of struct rpc_method;
 * table.c lists the arrays, and server_run hands the table to rpc/. The
 * table is what `initialize` advertises and what protocol/ documents.
 *
 * A method reads its params (rpc_param_*), starts the work and answers. Work
 * that outlives a callback is a job: method_job_start() submits it and ties
 * it to the call (progress, run/event, cancellation, the reply).
 */
#ifndef AIRUNNER_METHODS_H
#define AIRUNNER_METHODS_H

#include "core/agent.h"
#include "job/job.h"
#include "rpc/rpc.h"

extern const struct rpc_method methods_lifecycle[];
extern const struct rpc_method methods_testing[];
extern const struct rpc_method methods_classify[];
extern const struct rpc_method methods_verify[];
extern const struct rpc_method methods_llm[];
extern const struct rpc_method methods_run[];
extern const struct rpc_method methods_metrics[];
extern const struct rpc_method methods_context[];
extern const struct rpc_method methods_exec[];
extern const struct rpc_method methods_issue[];
extern const struct rpc_method methods_plan[];

/* Every method array, NULL-terminated. */
extern const struct rpc_method *const method_table[];

static inline struct agent *call_agent(const struct rpc_call *call)
{
	return rpc_call_ctx(call);
}

/* Ends the call from the job's outcome (a result or an error). */
typedef void (*method_job_reply_fn)(struct rpc_call *call, struct job *j);

/*
 * Submits a job for call: its job_report()s become `$/progress` with the
 * call's token, its events `run/event` notifications to the caller (and to
 * subscribers, through the engine's listener), and its end the reply.
 * $/cancelRequest cancels the job; the client leaving disowns it (which
 * cancels it unless its kind outlives its caller). data is the job's (see
 * job_submit).
 */
struct job *method_job_start(struct rpc_call *call, const struct job_spec *spec,
			     method_job_reply_fn reply);

/* params.root (a path or file: URI), else the workspace the connection
 * named at `initialize`, into *root (caller frees); -1 with e set when
 * neither names one. */
int method_param_root(struct rpc_call *call, char **root, struct err *e);

/* params.priority ("urgent", "high", "normal", "low") into *out; absent
 * leaves it. -1 with e set for anything else. */
int method_param_priority(struct rpc_call *call, enum job_priority *out,
			  struct err *e);

/* When the work tree's config says `issue.comment = true` and the issue
 * is Jira's or GitHub's (source "jira" or "github"), posts body (Markdown)
 * as a comment on it, as a run of its own that nobody waits for. */
void method_issue_report(struct agent *a, const char *root,
			 const char *source, const char *key,
			 const char *body);

/* Makes the agent's run store the record of every job (runs, events,
 * outcomes), and sends each job event as `run/event` to the sessions
 * subscribed to it (run/subscribe). */
void methods_record_jobs(struct agent *a);

#endif
