/*
 * plan: an implementation plan for an issue, its schema and its validation,
 * its JSON, and where plans are kept (the run store's plans table).
 *
 * A plan is what plan/generate gets from a model: a summary, subtasks (id,
 * title, description, the files each touches and creates, acceptance
 * criteria, an estimate in hours, the subtasks it depends on), risks and
 * open questions. Reading one is two steps:
 *
 *   plan_parse()    finds the JSON object in the model's text (bare, inside
 *                   a ```json fence, or with prose around it) and reads it
 *                   into a struct plan, checking the schema: required
 *                   fields, their types, sizes;
 *   plan_validate() checks what the schema cannot: unique subtask ids,
 *                   dependencies that exist and form no cycle (the cycle is
 *                   named), files that exist in the work tree or index or
 *                   are listed as new, at least one subtask, sane estimates.
 *
 * Both append their findings to a list of messages meant for the model
 * that wrote the plan ("subtasks[1].dependsOn: \"S9\" is not a subtask
 * id"), which the repair request carries and plan_invalid's data.errors
 * returns.
 *
 * Revisions of a plan share its id; each is stored whole with the run that
 * produced it (plan_save, plan_load; the rows are store_plan_* in
 * store/store.h).
 */
#ifndef AIRUNNER_PLAN_H
#define AIRUNNER_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "json/json.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/strv.h"

struct store;

/* Limits a plan must stay within (each a validation error beyond). */
#define PLAN_MAX_SUBTASKS 50
#define PLAN_MAX_ID_LEN 32
#define PLAN_MAX_ESTIMATE_HOURS 40.0 /* more: the subtask should be split */
#define PLAN_MAX_FILES 200           /* per subtask, files + newFiles */
/* Messages kept per list (a plan that is wrong everywhere says so once). */
#define PLAN_MAX_ERRORS 40

/* The issue a plan is for: the Issue shape of the protocol, as far as a
 * plan needs it. Strings owned; NULL when absent. */
struct plan_issue {
	char *source;      /* "jira", "github", "file", "inline" */
	char *key;         /* "PROJ-12", "owner/repo#12", "docs/x.md" */
	char *title;
	char *url;
	char *description; /* Markdown; in the prompt, not in the Plan */
};

struct plan_subtask {
	char *id;          /* "S1"; unique within the plan */
	char *title;
	char *description;
	struct strv files;     /* existing files it will touch */
	struct strv new_files; /* files it will create */
	struct strv criteria;  /* acceptance criteria */
	double estimate_hours;
	struct strv depends_on; /* ids of subtasks done before this one */
};

struct plan {
	int64_t id;     /* the plan's id in the store; 0 until saved */
	int revision;   /* 1, 2, ...; 0 until saved */
	int64_t run_id; /* the run that produced this revision; 0: none */
	struct plan_issue issue;
	char *summary;
	struct plan_subtask *subtasks; /* owned, n_subtasks of them */
	size_t n_subtasks;
	struct strv risks;
	struct strv open_questions;
	char *model;    /* the model that wrote it, or NULL */
	double created; /* epoch seconds; 0: not set */
};

void plan_init(struct plan *p);
/* Frees everything p owns; p is empty (plan_init'ed) afterwards. */
void plan_release(struct plan *p);
void plan_issue_release(struct plan_issue *i);
/* Deep copy of from into to (to is overwritten, not released). */
void plan_issue_copy(struct plan_issue *to, const struct plan_issue *from);

/*
 * Reads a plan from text[0..n): a model's answer (the JSON object alone, in
 * a ```json fence, or with text before and after it) or a stored plan's
 * JSON. Fields other than the plan's own (id, revision, runId, issue,
 * model, created) are read when present and never required. out must be
 * plan_init'ed; it is filled as far as the text allows.
 *
 * Returns 0 when the schema holds, or -1 with e->kind ERR_PLAN_INVALID
 * and one message per problem appended to errors (no JSON object found;
 * a missing field; a wrong type).
 */
int plan_parse(struct plan *out, const char *text, size_t n,
	       struct strv *errors, struct err *e);

/* Whether path (relative to the work tree, '/'-separated) exists in the
 * work tree or the index. */
typedef bool (*plan_file_exists_fn)(const char *path, void *data);

/*
 * Checks a parsed plan (fields the schema requires and were missing are
 * plan_parse's to report, and skipped here, so a plan read only in part is
 * checked for the rest): at least one subtask; ids short, of
 * letters, digits, '.', '_', '-', and unique; dependsOn naming existing
 * subtasks other than itself, with no cycle (each cycle named: "S1 -> S2
 * -> S1"); paths relative, inside the work tree, not under .git/; each
 * path in files existing (exists() says; NULL skips the existence checks)
 * or listed in the newFiles of some subtask (an earlier one creates it);
 * each path in newFiles not existing yet; estimates above 0 and at most
 * PLAN_MAX_ESTIMATE_HOURS. Appends one message per problem to errors (at
 * most PLAN_MAX_ERRORS in all) and returns how many it appended (0: valid).
 */
int plan_validate(const struct plan *p, plan_file_exists_fn exists,
		  void *data, struct strv *errors);

/* The subtask with this id, or NULL. */
const struct plan_subtask *plan_subtask_find(const struct plan *p,
					     const char *id);

/*
 * Writes the protocol's Plan object: {id, revision, runId, issue: {source,
 * key, title, url}, summary, subtasks: [{id, title, description, files,
 * newFiles, acceptanceCriteria, estimateHours, dependsOn}], risks,
 * openQuestions, model, created (ISO 8601 UTC)}. Unset id, revision, runId,
 * model and created are null.
 */
void plan_write_json(struct json_writer *w, const struct plan *p);
/* One Subtask object: {id, title, description, files, newFiles,
 * acceptanceCriteria, estimateHours, dependsOn} (for an execution's
 * prompt or events). */
void plan_subtask_write_json(struct json_writer *w,
			     const struct plan_subtask *t);
/* What the store keeps: the same without id, revision and runId (those
 * are its columns), with the issue's description. */
void plan_write_body_json(struct json_writer *w, const struct plan *p);
/* "2026-11-30T05:00:00Z" (UTC) for epoch seconds t, appended to out. */
void plan_format_time(struct buf *out, double t);
/* The Issue object of the protocol: {source, key, title, description, url}
 * (the subset a plan keeps). */
void plan_issue_write_json(struct json_writer *w, const struct plan_issue *i);
/* Reads an inline Issue object (value v of d) into out (released first):
 * title required; source defaults to "inline". -1 with ERR_INVALID_PARAMS
 * naming what is wrong (`what` prefixes it, e.g. "issue"). */
int plan_issue_read(struct plan_issue *out, const struct json_doc *d, int v,
		    const char *what, struct err *e);
/* A Markdown issue file: the first heading is the title (the file name
 * when there is none), the rest the description; key is rel (its path
 * relative to the work tree). -1 with e set (ERR_NOT_FOUND, ERR_IO,
 * ERR_INVALID_PARAMS for a file that is not UTF-8 text). */
int plan_issue_from_markdown(struct plan_issue *out, const char *text,
			     size_t n, const char *rel, struct err *e);

/* ---- stored plans ---- */

/*
 * Saves p: a new plan when p->id is 0, else the next revision of plan
 * p->id (ERR_NOT_FOUND if there is none). Sets p->id and p->revision;
 * p->created is set to now when 0. work_tree (absolute, or NULL) is what
 * plan/list's root matches.
 */
int plan_save(struct store *s, struct plan *p, const char *work_tree,
	      struct err *e);
/* Loads plan id at revision (0: its latest) into out (plan_init'ed):
 * ERR_NOT_FOUND naming the id (and revision) when there is none. */
int plan_load(struct store *s, int64_t id, int revision, struct plan *out,
	      struct err *e);

/* ---- generation (generate.c): a job of kind "plan" ---- */

struct context_cache;
struct job_kind;
struct llm_client;

#define PLAN_DEFAULT_THINKING_BUDGET 10000
/* Room for the answer above the thinking budget (max_tokens = budget +
 * this): a plan of 50 subtasks is far below it. */
#define PLAN_ANSWER_TOKENS 16000

/* What to plan; every pointer borrowed for plan_gen_new (copied). */
struct plan_gen_params {
	const char *root;               /* the work tree's top, absolute */
	const struct plan_issue *issue; /* NULL only when revising: the
					   stored plan's issue then */
	const char *feedback;           /* or NULL */
	int64_t plan_id;                /* > 0: revise this plan's latest
					   revision (feedback required) */
	const char *const *focus_files; /* for the repo context; or NULL */
	size_t n_focus_files;
	const char *const *focus_symbols;
	size_t n_focus_symbols;
	int64_t thinking_budget; /* 0: airunner.plan.thinkingBudget, else
				    PLAN_DEFAULT_THINKING_BUDGET */
	const char *provider;    /* NULL: anthropic */
	const char *model;       /* NULL: airunner.plan.model, else the
				    provider's default */
};

struct plan_gen;

/*
 * A plan generation, to be the data of a job of kind plan_gen_kind (which
 * releases it). Reads the config of root and the provider now, so a bad
 * setting or a missing key is an error of the call (ERR_CONFIG,
 * ERR_INVALID_PARAMS, ERR_AUTH). llm, context and store are borrowed and
 * must outlive the job.
 *
 * The job: the repo context (context_get, with the focus); one model call
 * with extended thinking, the instructions and the context as two system
 * blocks (the breakpoint on the context), the issue (and previous plan and
 * feedback) in the user turn, streamed; the answer parsed and validated;
 * an invalid answer gets exactly one repair turn carrying the errors, and
 * one still invalid ends in ERR_PLAN_INVALID with data.errors. A valid
 * plan is saved (a new plan, or the next revision) with the job's run id.
 * job_report()s {kind: "thinking"|"text", delta, request, attempt} for each
 * streamed piece (request 1, or 2 for the repair; attempt changes when a
 * dropped stream is retried and the text starts over), and events
 * "context", "request", "thinking"/"text" (the deltas in pieces of up to
 * 4 KiB), "invalid", "saved". Each model call is an attempt of the run.
 */
int plan_gen_new(struct plan_gen **out, const struct plan_gen_params *p,
		 struct llm_client *llm, struct context_cache *context,
		 struct store *store, struct err *e);
extern const struct job_kind plan_gen_kind;

/*
 * Once the job has ended: 0 with the result JSON ({plan, runId, usage,
 * costUsd, context}) in *json, or -1 with *e the error and *data (NULL or
 * a JSON object of more fields for the error's data: errors, runId).
 * Pointers valid while the job's data lives.
 */
int plan_gen_outcome(const struct plan_gen *g, const struct buf **json,
		     const struct err **e, const char **data);

#endif
