/*
 * store: the one SQLite database per user that records every run.
 *
 * $XDG_STATE_HOME/airunner/airunner.db (else ~/.local/state/airunner/): runs,
 * their model attempts, their events, the verifications of verify runs, and
 * plans with their revisions;
 * the metrics are queries over them (store_metrics_*, metrics.c).
 *
 * The database is in WAL mode with a busy timeout (5 s), synchronous=NORMAL
 * (a commit is durable against a crash of the agent, and against a power cut
 * up to the last checkpoint) and foreign keys on. Every state change is one
 * short `BEGIN IMMEDIATE` transaction, so two agents (two sockets) on the one
 * file wait for each other's write lock instead of failing or corrupting it;
 * readers never wait for writers. The schema version is PRAGMA user_version
 * and moves forward only; a database newer than this binary is refused
 * (ERR_STORE_VERSION) and never written to.
 *
 * Calls are synchronous and short (see tests/bench/README.md for the worst
 * single call while recording 1,000 runs a minute); a store handle belongs to
 * one thread. Times are epoch seconds as doubles, and durations seconds; 0
 * means "not set". In the JSON written here times stay epoch seconds and
 * durations are milliseconds ("durationMs"), as in the rest of the protocol.
 *
 * Errors: 0 or -1 with e set (a *_write_json that fails may have written
 * part of a value: discard the output). Kinds: ERR_STORE_VERSION, ERR_STORE_STATE (a
 * transition the run's state does not allow), ERR_STORE_BUSY (the write lock
 * stayed taken past the busy timeout), ERR_STORE (anything else SQLite says:
 * a file that is not a database, a full disk), ERR_NOT_FOUND (no such run),
 * ERR_INVALID_PARAMS (an unknown kind, a JSON field that is not JSON), ERR_IO
 * (the folder could not be made).
 */
#ifndef AIRUNNER_STORE_H
#define AIRUNNER_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "json/json.h"
#include "util/buf.h"
#include "util/err.h"


/* The schema version this binary writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 2

struct store; /* opaque; one per agent (or per test) */

/*
 * Opens (creating the file, and its folder with mode 0700, if missing) and
 * migrates the database at path. *out is the new handle (caller closes it
 * with store_close); NULL on error. A database whose user_version is above
 * STORE_SCHEMA_VERSION is refused with ERR_STORE_VERSION naming both
 * versions, and its file is left exactly as it was.
 */
int store_open(struct store **out, const char *path, struct err *e);
/* Finalizes the statements and closes the database; s may be NULL. */
void store_close(struct store *s);
/* $XDG_STATE_HOME/airunner/airunner.db, else
 * $HOME/.local/state/airunner/airunner.db, else
 * /tmp/airunner-<uid>/airunner.db; appended to out. */
void store_default_path(struct buf *out);
/* The schema version of the open database (STORE_SCHEMA_VERSION once open). */
int store_schema_version(struct store *s);

/* ---- runs ---- */

enum store_state {
	STORE_QUEUED,
	STORE_RUNNING,
	STORE_SUCCEEDED,
	STORE_FAILED,
	STORE_CANCELLED,
	STORE_INTERRUPTED, /* left running by an agent that died */
	STORE_NSTATES
};
/* For store_run_filter.states: STORE_STATE_BIT(STORE_QUEUED) | ... */
#define STORE_STATE_BIT(s) (1u << (s))

enum store_priority {
	STORE_URGENT, STORE_HIGH, STORE_NORMAL, STORE_LOW, STORE_NPRIORITIES
};

/* "queued", "running", ... / "urgent", "high", ...; "?" if out of range. */
const char *store_state_name(enum store_state st);
const char *store_priority_name(enum store_priority p);
/* The enum for a name; -1 if the name is not one. */
int store_state_parse(const char *name, enum store_state *out);
int store_priority_parse(const char *name, enum store_priority *out);
/* The run kinds: verify, plan, execute, rollback, fix, llm, issue. */
bool store_kind_valid(const char *kind);

/* What a new run is made of; every pointer is borrowed for the call. */
struct store_run_spec {
	const char *kind;      /* required, store_kind_valid */
	const char *work_tree; /* absolute path, or NULL */
	enum store_priority priority;
	const char *origin;    /* "hook", "editor", "cli", ...; or NULL */
	const char *owner;     /* the agent that runs it (its socket path), see
				  store_mark_interrupted; or NULL */
	double created;        /* required */
	const char *issue_key; /* or NULL */
	const char *subtask;   /* or NULL */
	const char *request;   /* a JSON summary of the params, or NULL */
};

/* Inserts a run in state queued; *id is the id SQLite assigned (ids only
 * grow, so they order runs by creation). */
int store_run_insert(struct store *s, const struct store_run_spec *spec,
		     int64_t *id, struct err *e);
/* queued -> running, started = now. ERR_STORE_STATE if it is not queued. */
int store_run_start(struct store *s, int64_t id, double now, struct err *e);

/* How a run ended; pointers borrowed for the call. */
struct store_run_end {
	enum store_state state;     /* succeeded, failed, cancelled or
				       interrupted */
	double finished;            /* required */
	const char *outcome;        /* short result ("passed", "committed"), or
				       NULL */
	const char *error_kind;     /* err kind when it did not succeed, or NULL */
	const char *error_category; /* a classify CAT_* id, or NULL */
	const char *error_message;  /* for a person, no secrets; or NULL */
	double cost;                /* dollars; < 0 keeps the sum of the
				       attempts' costs */
};
/* running -> succeeded|failed|cancelled|interrupted, or queued -> cancelled
 * (a run cancelled before it started). duration = finished - started (0 when
 * it never started). One transaction; ERR_STORE_STATE for any other move. */
int store_run_finish(struct store *s, int64_t id,
		     const struct store_run_end *end, struct err *e);

/*
 * At start-up: every run still running whose owner is `owner` (every running
 * run when owner is NULL) becomes interrupted, finished = now, error_kind
 * "interrupted". Pass the socket path as owner so that an agent on another
 * socket, alive on the same database, keeps its runs. *n (may be NULL) is the
 * number of runs changed. The queued runs to resume are then
 * store_run_list(states = queued, order = STORE_ORDER_QUEUE).
 */
int store_mark_interrupted(struct store *s, const char *owner, double now,
			   int *n, struct err *e);

/* A run as read back; the strings are owned (store_run_release frees). */
struct store_run {
	int64_t id;
	char *kind, *work_tree, *origin, *owner, *issue_key, *subtask;
	char *request; /* JSON text or NULL */
	enum store_priority priority;
	enum store_state state;
	double created, started, finished, duration;
	char *outcome, *error_kind, *error_category, *error_message;
	double cost;
	int attempts; /* number of model attempts recorded */
	int64_t tokens_input, tokens_output, tokens_cache_read,
		tokens_cache_write;
};

/* Fills *out (caller releases); ERR_NOT_FOUND if there is no such run. */
int store_run_get(struct store *s, int64_t id, struct store_run *out,
		  struct err *e);
void store_run_release(struct store_run *r);
/*
 * Writes a run as a JSON object:
 *   {"id","kind","workTree","priority","state","origin","created","started",
 *    "finished","durationMs","issueKey","subtask","request","outcome",
 *    "errorKind","errorCategory","errorMessage","cost","attempts",
 *    "tokens":{"input","output","cacheRead","cacheWrite"}}
 * Unset strings and times are null; "request" is the stored JSON value.
 */
void store_run_write_json(struct json_writer *w, const struct store_run *r);

enum store_order {
	STORE_ORDER_NEWEST, /* id descending: newest first */
	STORE_ORDER_QUEUE,  /* priority (urgent first), then id ascending: the
			       order queued runs are taken in */
};

/* Zero-initialize for "everything, newest first". */
struct store_run_filter {
	const char *work_tree; /* NULL: any */
	const char *kind;      /* NULL: any */
	unsigned states;       /* STORE_STATE_BIT mask; 0: any */
	int64_t before_id;     /* > 0: only ids below (paging) */
	int64_t after_id;      /* > 0: only ids above */
	int limit;             /* <= 0: no limit */
	enum store_order order;
};

struct store_runs {
	struct store_run *v; /* owned */
	size_t n;
};
#define STORE_RUNS_INIT { NULL, 0 }

/* Appends the matching runs to out (caller releases). */
int store_run_list(struct store *s, const struct store_run_filter *f,
		   struct store_runs *out, struct err *e);
void store_runs_release(struct store_runs *l);

/* ---- attempts (one per model call that did the run's work) ---- */

/* Borrowed for the call. Attempt n >= 2 is a self-healing attempt: it was
 * made because attempt n - 1 failed with error_category. */
struct store_attempt {
	int64_t run_id;
	int attempt; /* 1, 2, ...; unique within the run */
	const char *provider, *model;
	int64_t tokens_input;  /* the uncached part of the prompt */
	int64_t tokens_output;
	int64_t tokens_cache_read;
	int64_t tokens_cache_write;
	double cost, duration, time;
	const char *outcome;        /* "succeeded" counts as a success; any
				       other word ("failed", ...) does not */
	const char *error_category; /* why it failed, or NULL */
};

/* Records an attempt and adds its tokens and cost to the run's totals, in
 * one transaction. ERR_NOT_FOUND if the run does not exist. */
int store_attempt_add(struct store *s, const struct store_attempt *a,
		      struct err *e);
/* Writes the run's attempts as a JSON array, by attempt number:
 *   [{"attempt","provider","model","tokens":{"input","output","cacheRead",
 *     "cacheWrite"},"cost","durationMs","time","outcome","errorCategory"}] */
int store_attempts_write_json(struct store *s, int64_t run_id,
			      struct json_writer *w, struct err *e);

/* ---- events ---- */

/* Borrowed for the call. */
struct store_event {
	int64_t run_id;
	double time;
	const char *phase;   /* required */
	const char *message; /* or NULL */
	const char *data;    /* JSON text, or NULL */
};

/* Appends an event; *seq (may be NULL) is its number within the run: 1 for
 * the first, then one more each time, assigned inside the transaction so
 * that two writers never share one. */
int store_event_append(struct store *s, const struct store_event *ev,
		       int64_t *seq, struct err *e);
/* The data (JSON text) of the run's last event of this phase, appended to
 * data; *found says whether there was one. */
int store_event_find(struct store *s, int64_t run_id, const char *phase,
		     struct buf *data, bool *found, struct err *e);
/* Writes the run's events with seq > after as a JSON array in seq order,
 * at most limit of them (<= 0: all), each
 *   {"run","seq","time","phase","message","data"}
 * (the `run/event` notification's params). *n (may be NULL) is how many. */
int store_events_write_json(struct store *s, int64_t run_id, int64_t after,
			    int limit, struct json_writer *w, int *n,
			    struct err *e);

/* ---- verifications (one per verify run) ---- */

struct store_check {
	const char *name;   /* "tsc", "eslint", ... */
	const char *status; /* "passed", "failed", "skipped", "timeout", ... */
	double duration;
	bool blocking;
};

struct store_diag_count {
	const char *category; /* classify CAT_* id */
	int64_t count;
};

/* Borrowed for the call. Whether it came from the hook is the run's origin. */
struct store_verification {
	int64_t run_id;
	bool ok, cached;
	double duration;
	const struct store_check *checks;
	size_t nchecks;
	const struct store_diag_count *diags;
	size_t ndiags;
};

/* Records a verification (replacing one the run already had), its checks and
 * diagnostic counts in one transaction. */
int store_verification_add(struct store *s, const struct store_verification *v,
			   struct err *e);
/* Writes {"ok","cached","durationMs","checks":[{"name","status",
 * "durationMs","blocking"}],"diagnostics":{"<category>":count}}, or null if
 * the run has no verification. */
int store_verification_write_json(struct store *s, int64_t run_id,
				  struct json_writer *w, struct err *e);

/* ---- plans (plans.c; plan/plan.h reads and writes their JSON) ---- */

/* One revision of a plan. Read back, the strings are owned
 * (store_plan_release); given to store_plan_put, borrowed. */
struct store_plan {
	int64_t id;     /* revisions share it */
	int revision;   /* 1, 2, ... */
	int64_t run_id; /* the run that made it; 0: none (or deleted) */
	char *work_tree, *issue_key, *title, *summary; /* or NULL */
	int subtasks;   /* how many */
	char *json;     /* the plan (required) */
	double created; /* required */
};

/* Inserts p as revision 1 of a new plan when p->id is 0 (the next id), else
 * as the next revision of plan p->id (ERR_NOT_FOUND when it has none), in
 * one transaction; *id and *revision say what it became. ERR_INVALID_PARAMS
 * when p->json is missing. */
int store_plan_put(struct store *s, const struct store_plan *p, int64_t *id,
		   int *revision, struct err *e);
/* Plan id at revision (<= 0: its latest) into *out (caller releases);
 * ERR_NOT_FOUND naming what is missing. */
int store_plan_get(struct store *s, int64_t id, int revision,
		   struct store_plan *out, struct err *e);
void store_plan_release(struct store_plan *p);

struct store_plan_filter {
	const char *work_tree; /* NULL: any */
	const char *issue_key; /* NULL: any */
	int limit;             /* <= 0: no limit */
};

struct store_plans {
	struct store_plan *v; /* owned */
	size_t n;
};
#define STORE_PLANS_INIT { NULL, 0 }

/* The latest revision of each matching plan (matched on that revision's
 * work tree and issue key), newest plan first, appended to out. */
int store_plan_list(struct store *s, const struct store_plan_filter *f,
		    struct store_plans *out, struct err *e);
void store_plans_release(struct store_plans *l);

/* ---- metrics (metrics.c) ---- */

/* The window is runs created in [since, until); until <= 0 means no upper
 * bound. work_tree and kind narrow it (NULL: all). */
struct store_metrics_filter {
	double since, until;
	const char *work_tree;
	const char *kind;
};

/*
 * Writes the `metrics/summary` result, one JSON object:
 *
 * {"since", "until" (null: open), "workTree", "kind" (null: all),
 *  "runs": {"total","queued","running","succeeded","failed","cancelled",
 *           "interrupted","successRate",
 *           "duration":{"count","sumMs","p50Ms","p95Ms"}},
 *  "byKind": [{"kind", and the same fields as "runs"}]  (kinds seen, sorted),
 *  "tokens": {"input","output","cacheRead","cacheWrite"},
 *  "cost", "cacheReadShare",
 *  "verification": {"runs","passed","failed","cached","passRate",
 *                   "hookLatency":{"count","sumMs","p50Ms","p95Ms"},
 *                   "diagnostics":[{"category","count"}]  (most first)},
 *  "healing": {"runs","healed","rate",
 *              "byAttempt":[{"attempt","tried","succeeded","rate"}],
 *              "byCategory":[{"category","tried","succeeded","rate"}]},
 *  "topErrorCategories": [{"category","runs"}]  (at most 10, most first)}
 *
 * - successRate = succeeded / (succeeded + failed + interrupted): cancelled
 *   runs were stopped by someone, not failed; null when nothing finished.
 * - durations are finished - started of finished runs that started, in
 *   milliseconds. p50/p95 are nearest-rank percentiles: the value at rank
 *   ceil(p/100 * n) of the sorted values (always one of the observed values);
 *   null when there are none.
 * - tokens and cost sum the runs' attempts; cacheReadShare =
 *   cacheRead / (input + cacheRead + cacheWrite), the share of prompt tokens
 *   read from the prompt cache (input is the uncached part); null if 0.
 * - verification counts the runs that recorded a verification (verify
 *   runs); passRate = passed / runs. hookLatency is finished - created (queue wait
 *   included: what the hook waited) of those whose run origin is "hook".
 * - healing: runs with 2 attempts or more; healed = those that succeeded.
 *   byAttempt: for each attempt number n >= 2, the attempts made and those
 *   whose outcome is "succeeded"; byCategory: the same for attempts n >= 2,
 *   grouped by the error category of attempt n - 1 (what was being healed).
 * - topErrorCategories: failed and interrupted runs by error category.
 */
int store_metrics_summary(struct store *s, const struct store_metrics_filter *f,
			  struct json_writer *w, struct err *e);

/* store_metrics_openmetrics flags */
#define STORE_OM_TIMESTAMPS 1u /* stamp every sample with the window's end
				  (or now): for backfilling a TSDB */

/*
 * The same figures as OpenMetrics text (application/openmetrics-text;
 * version=1.0.0), appended to out: `# TYPE`, `# UNIT` (families in seconds
 * and dollars), `# HELP` for every family, counters named X with samples
 * X_total, summaries with quantile 0.5 and 0.95 and _sum/_count, gauges for
 * the ratios (omitted when undefined), label values escaped, ending in
 * `# EOF`. Families:
 *   airunner_runs{kind,state} counter
 *   airunner_run_success_ratio{kind} gauge
 *   airunner_run_duration_seconds{kind} summary
 *   airunner_tokens{type=input|output|cache_read|cache_write} counter
 *   airunner_cost_dollars counter
 *   airunner_prompt_cache_read_ratio gauge
 *   airunner_verifications{result=passed|failed} counter
 *   airunner_verification_pass_ratio gauge
 *   airunner_hook_verification_latency_seconds summary
 *   airunner_diagnostics{category} counter
 *   airunner_healing_attempts{attempt,result=succeeded|failed} counter
 *   airunner_healing_category_attempts{category,result} counter
 *   airunner_run_errors{category} counter
 * The counts are over the window, as in the summary.
 */
int store_metrics_openmetrics(struct store *s,
			      const struct store_metrics_filter *f,
			      unsigned flags, struct buf *out, struct err *e);

#endif
