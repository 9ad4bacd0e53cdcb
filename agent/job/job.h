/*
 * job: work that outlives the callback that started it, driven from the loop.
 *
 * A job has an id, a kind, a priority and a state. The engine starts queued
 * jobs in priority order (first come first served within a priority) while
 * the kind's limit allows, and calls the kind's step function from a loop
 * watcher, never from inside job_submit, job_wake or job_cancel: a step may
 * start children or transfers and return JOB_STEP_WAIT; their callbacks call
 * job_wake() and the engine steps the job again. The step that returns
 * JOB_STEP_DONE ends the job; its owner's done callback runs from the loop.
 *
 * Cancelling is always deferred. job_cancel() only marks the job; the
 * engine then calls the kind's cancel hook from the loop, which stops what is
 * in flight (kills children, aborts transfers) and must not end the job: the
 * work's own callbacks wake it, and the step sees job_cancelled(). So no
 * done callback ever runs inside the code that asked for the cancel, for any
 * kind.
 *
 * Events: job_emit() tells the owner and every engine listener (run/event to
 * subscribed clients); job_report() is live progress for the owner only
 * (streamed text, percentages). The owner is whoever submitted the job (an
 * RPC call); when it goes, job_disown() cancels the job unless its kind
 * outlives its caller.
 *
 * Pools bound shared resources across jobs (check processes: one per core):
 * job_pool_take() grants a slot at once or queues a waiter that is called
 * later from the loop, holding the slot.
 */
#ifndef AIRUNNER_JOB_H
#define AIRUNNER_JOB_H

#include <stdbool.h>
#include <stdint.h>

#include "util/err.h"

struct ev_loop;
struct job;
struct job_engine;

enum job_priority { JOB_URGENT, JOB_HIGH, JOB_NORMAL, JOB_LOW, JOB_NPRIO };

enum job_state { JOB_QUEUED, JOB_RUNNING, JOB_ENDED };

enum job_step { JOB_STEP_WAIT, JOB_STEP_DONE };

/* How a job ended, for its record. Strings borrowed until the call
 * returns. */
enum job_outcome { JOB_SUCCEEDED, JOB_FAILED, JOB_CANCELLED };

struct job_summary {
	enum job_outcome outcome;
	const char *result;         /* a short word: "passed", "completed" */
	enum err_kind error_kind;   /* ERR_NONE when it succeeded */
	const char *error_category; /* a classify category, or NULL */
	const char *error_message;  /* for people; no secrets */
};

struct job_kind {
	const char *name;      /* "verify", "llm" */
	bool outlives_caller;  /* goes on when the client that asked goes */
	unsigned max_running;  /* at most this many at once; 0: no limit */
	/* Starts or continues the work (see above). */
	enum job_step (*step)(struct job *j);
	/* Stops the work in flight; never ends the job. May be NULL. */
	void (*cancel)(struct job *j);
	/* Frees the data given to job_submit. */
	void (*release)(void *data);
	/* How it ended (may be NULL: succeeded unless cancelled). Called
	 * once, when it has ended, before release. */
	void (*summarize)(struct job *j, struct job_summary *out);
	/* What else its record holds (a verification, model attempts),
	 * written through the recorder's store (an opaque struct store *).
	 * May be NULL. */
	void (*record)(struct job *j, void *store, uint64_t run);
};

/* One event of a job's story. Strings are valid during the callback. */
struct job_event {
	uint64_t job;
	uint64_t seq; /* 1, 2, ... per job */
	double time;  /* epoch seconds */
	const char *kind;
	const char *phase;     /* "queued", "started", "check", "ended", ... */
	const char *message;   /* for people; may be NULL */
	const char *data_json; /* one JSON value, or NULL */
};

struct job_owner {
	/* Each job_emit()ted event (may be NULL). */
	void (*event)(struct job *j, const struct job_event *ev, void *ud);
	/* Each job_report() (may be NULL): value_json is one JSON object. */
	void (*report)(struct job *j, const char *value_json, void *ud);
	/* Once, from the loop, when the job has ended; the job is freed when
	 * it returns. Read the outcome from job_data(). */
	void (*done)(struct job *j, void *ud);
	void *ud;
};

/* Who keeps the record of every job (the agent's run store), and hears its
 * events (to publish them). */
struct job_recorder {
	/* A new job: its id, > 0 (a run id), or 0 to let the engine number
	 * it (nothing is recorded then). */
	uint64_t (*submitted)(struct job *j, void *ud);
	void (*event)(struct job *j, const struct job_event *ev, void *ud);
	/* It has ended: sum->outcome etc. come from the kind. */
	void (*ended)(struct job *j, const struct job_summary *sum, void *ud);
	void *ud;
};

struct job_engine *job_engine_new(struct ev_loop *loop);
/* Cancels what is left and runs the loop until every job has ended, then
 * frees the engine. */
void job_engine_free(struct job_engine *e);
/* rec (copied) records and hears every job from now on; NULL to stop. */
void job_engine_set_recorder(struct job_engine *e,
			     const struct job_recorder *rec);
/* Cancels every job (daemon shutdown); their owners still hear done. */
void job_engine_cancel_all(struct job_engine *e);
unsigned job_engine_count(const struct job_engine *e, enum job_state st);

/* What a new job is; strings are copied. */
struct job_spec {
	const char *origin; /* who asked: "hook", "editor", "cli"; or NULL */
	const struct job_kind *kind;
	enum job_priority priority;
	/* Owned by the job from now on: released by kind->release. */
	void *data;
	/* The work tree it reads or writes (absolute), or NULL. A writer has
	 * it to itself: no other writer, and no reader (a verification would
	 * see half-applied edits), runs on it meanwhile. */
	const char *work_tree;
	bool writer;
	/* What the run is about, for its record: an issue key and a subtask
	 * id, or NULL. */
	const char *issue_key;
	const char *subtask;
};

/*
 * Queues a job. owner is copied; it may be NULL for a job nobody waits for.
 * Returns the job, valid until owner->done returns (or, without an owner,
 * until it ends).
 *
 * Queued jobs start in order of priority, first come first served within
 * one, as their kind's limit and the work tree's writer allow. A job that
 * waits ages: every JOB_AGING_SECONDS it has waited count as one priority
 * higher, so no job waits for ever behind a stream of more urgent ones. A
 * job that cannot start (its work tree has a writer) does not hold up the
 * jobs behind it that can.
 */
struct job *job_submit(struct job_engine *e, const struct job_spec *spec,
		       const struct job_owner *owner);

#define JOB_AGING_SECONDS 30.0

/* The aging period (default JOB_AGING_SECONDS). */
void job_engine_set_aging(struct job_engine *e, double seconds);

/* Where j stands among the queued jobs (1: next to start), 0 when it is
 * not queued. */
unsigned job_queue_position(const struct job *j);

/* Asks the engine to step j again (from the loop). */
void job_wake(struct job *j);
/* Marks j cancelled; the kind's cancel hook runs later from the loop. A
 * queued job ends without running. */
void job_cancel(struct job *j);
/* The owner is gone: it hears nothing more; j is cancelled unless its kind
 * outlives its caller. */
void job_disown(struct job *j);

/* Emits an event to the owner and the engine's listener. */
void job_emit(struct job *j, const char *phase, const char *message,
	      const char *data_json);
/* Live progress for the owner only. */
void job_report(struct job *j, const char *value_json);

uint64_t job_id(const struct job *j);
/* The job with this id while it exists, or NULL. */
struct job *job_find(struct job_engine *e, uint64_t id);
const char *job_origin(const struct job *j); /* or NULL */
const char *job_issue_key(const struct job *j); /* or NULL */
const char *job_subtask(const struct job *j);   /* or NULL */
const struct job_kind *job_kind_of(const struct job *j);
enum job_state job_state_of(const struct job *j);
enum job_priority job_priority_of(const struct job *j);
const char *job_work_tree(const struct job *j); /* or NULL */
bool job_writer(const struct job *j);
double job_queued_at(const struct job *j);      /* ev_time() */
void *job_data(const struct job *j);
bool job_cancelled(const struct job *j);
struct ev_loop *job_loop(const struct job *j);

/* ---- work off the loop ---- */

/*
 * Runs work(arg) on a thread of its own (CPU-bound work that would stall
 * the loop: classifying a huge log, a large checkout), then wakes j from
 * the loop. Until then j's step must leave what work uses alone and wait
 * (job_offloaded() is true); work must not touch the loop or the job.
 * 0, or -1 with e set when no thread could be started.
 */
int job_offload(struct job *j, void (*work)(void *arg), void *arg,
		struct err *e);
bool job_offloaded(const struct job *j);

/*
 * The same for work that is no job's (verify's checkout of the index, which
 * the hook also runs without an engine): work(arg) on a thread of its own,
 * then done(arg) (may be NULL) from loop. Until then the pending work keeps
 * loop running. 0, or -1 with e set when no thread could be started
 * (nothing is called then).
 */
int job_thread_run(struct ev_loop *loop, void (*work)(void *arg),
		   void (*done)(void *arg), void *arg, struct err *e);

/* ---- pools ---- */

struct job_pool;

struct job_pool_waiter {
	void (*granted)(struct job_pool_waiter *w); /* holds a slot now */
	struct job_pool_waiter *next;
	bool queued;
};

/* A pool of n slots (n >= 1) whose waiters are called from loop. */
struct job_pool *job_pool_new(struct ev_loop *loop, unsigned n);
/* Only when no slot is held and nobody waits. */
void job_pool_free(struct job_pool *p);
/* true: a slot is taken now. false: w is queued and w->granted runs later
 * from the loop with a slot taken for it. */
bool job_pool_take(struct job_pool *p, struct job_pool_waiter *w);
/* Gives a taken slot back. */
void job_pool_give(struct job_pool *p);
/* Takes a queued waiter out (it will not be granted). */
void job_pool_forget(struct job_pool *p, struct job_pool_waiter *w);

#endif
