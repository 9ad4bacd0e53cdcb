/*
 * exec: one plan subtask (or one failed verification, for `fix`) turned into
 * a verified change of the work tree, or into nothing at all.
 *
 * A run climbs the healing ladder: each attempt is a bounded conversation
 * in which the model works through edit tools confined beneath the work tree
 * (exec/workspace.h), then verification (verify/verify.h) on the files the
 * run changed plus the project-wide checks. A failed attempt's classified
 * errors, its diff and the errors of every earlier attempt go into the next
 * attempt's prompt; the same errors twice in a row move the run to the next
 * rung at once. The next attempt starts from the failed attempt's files, not
 * from the snapshot: most failures are near misses that one more edit fixes,
 * and the model sees the whole diff against the original, so nothing it did
 * is hidden from it.
 *
 * Before the first write of each file its original content (or absence) and
 * index entry go into the git object database under refs/airunner/runs/<id>
 * (git/snapshot.h), so a failed or cancelled run, or an agent killed
 * mid-run, is restored byte for byte. Success commits exactly the run's
 * files (or, for fix, stages them) and tags the parent.
 *
 * The prompt is layered for the prompt cache: tools, then the instructions
 * and the repo context (a breakpoint), then the plan and the subtask with
 * its files as they were when the run started (a breakpoint), then what is
 * particular to this attempt. The first two layers are the same bytes for
 * every attempt of a run, and the first for every subtask of one plan.
 */
#ifndef AIRUNNER_EXEC_H
#define AIRUNNER_EXEC_H

#include <stdbool.h>
#include <stdint.h>

#include "llm/llm.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/strv.h"

struct ev_loop;
struct config;
struct job_pool;
struct verify_cache;
struct classify_cache;
struct context_cache;
struct exec_run;

/* One rung of the healing ladder: `attempts` tries on one model. */
struct exec_rung {
	char *provider;          /* "anthropic", "openai", a configured one */
	char *model;             /* NULL: the provider's default */
	int64_t thinking_budget; /* 0: off (and always off on OpenAI) */
	int attempts;            /* >= 1 */
};

/* The ladder from configuration: `[ladder "N"]` sections (provider, model,
 * thinkingBudget, attempts) in order, else the default (Anthropic twice
 * with a thinking budget of 5,000, then OpenAI once). */
struct exec_ladder {
	struct exec_rung *v;
	int n;
};

int exec_ladder_load(struct exec_ladder *out, struct config *cfg,
		     struct err *e);
void exec_ladder_release(struct exec_ladder *l);
/* Total attempts over every rung. */
int exec_ladder_attempts(const struct exec_ladder *l);

/* What a run is asked to do; strings borrowed for exec_start only. */
struct exec_request {
	const char *root;     /* the work tree's top, absolute */
	uint64_t run_id;      /* names the snapshot ref and the AI-Run trailer */
	const char *issue_key; /* for the commit subject and the tag; or NULL */
	const char *title;    /* the commit subject's text */
	/* The stable task text: the plan and the subtask, or the failure to
	 * fix. */
	const char *task;
	/* The repo context (the first cached layer); may be NULL. */
	const char *context;
	/* Files the task names, whose content goes into the task layer. */
	const struct strv *files;
	/* fix: the work is the staged content; success stages the files
	 * and commits nothing (the person runs `git commit` again). */
	bool fix;
	double max_cost_usd; /* 0: no cap */
	int max_turns;       /* tool turns per attempt; 0: the default */
	struct config *cfg;  /* borrowed for the run: prices, providers */
	const struct exec_ladder *ladder; /* copied */

	/* The agent's shared parts (borrowed, must outlive the run). */
	struct ev_loop *loop;
	struct llm_client *llm;
	struct job_pool *procs;
	struct verify_cache *verify_cache;
	struct classify_cache *patterns;
};

/* One attempt as it ended, for the record. Borrowed during the callback. */
struct exec_attempt {
	int attempt;
	const char *provider, *model;
	struct llm_usage usage;
	double cost, duration, time;
	bool passed;
	const char *category; /* the first error's category when it failed */
};

/* How a run ended. Borrowed during the callback. */
struct exec_result {
	bool ok;
	const char *commit; /* hex sha when committed, else NULL */
	const char *tag;    /* the rollback tag, or NULL */
	const struct strv *files; /* the files the run changed */
	int attempts;
	double cost;
	struct llm_usage usage;
	const char *category; /* the last failure's category, or NULL */
	/* The last failed verification's diagnostics as a JSON array, or
	 * NULL. */
	const char *diagnostics_json;
	bool restored; /* the work tree was put back from the snapshot */
};

struct exec_callbacks {
	/* A step of the run's story: phase, message (may be NULL), data (one
	 * JSON object, may be NULL). */
	void (*event)(const char *phase, const char *message,
		      const char *data_json, void *ud);
	/* Live progress (a JSON object), e.g. streamed text. May be NULL. */
	void (*report)(const char *value_json, void *ud);
	void (*attempt)(const struct exec_attempt *a, void *ud);
	/* Once, from the loop. e is NULL on success; on failure its kind is
	 * the run's (verification_failed, budget_exceeded, cancelled, ...). */
	void (*done)(const struct exec_result *res, const struct err *e,
		     void *ud);
	void *ud;
};

/* Starts a run. 0 and *out, or -1 with e set (nothing started, done never
 * called). */
int exec_start(struct exec_run **out, const struct exec_request *req,
	       const struct exec_callbacks *cb, struct err *e);
/* Stops the model call or verification in flight, restores the work tree;
 * done follows from the loop with ERR_CANCELLED. */
void exec_cancel(struct exec_run *r);
/* Only after done. */
void exec_free(struct exec_run *r);

#endif
