/*
 * verify: the checks that apply to a workspace, and running them.
 *
 * A check is a command (argv, never a shell string) with the files it
 * covers (globs), a timeout and whether its failure blocks a commit. Checks
 * are detected from the project (tsconfig.json and a local typescript, an
 * eslint config and a local eslint, package.json's test script, Python and C
 * sources) and configured in git-config syntax: `[check "name"]` in the
 * repo's .airunner, or `[airunner "check.name"]` in the user's git config,
 * with command, files (multivar), timeout (seconds), blocking, env
 * (multivar KEY=VALUE) and enabled. A configured name that matches a detected
 * check changes it; `enabled = false` turns it off. In a command the word
 * `{files}` becomes the covered files, one argument each.
 *
 * verify_run() runs the checks that cover at least one of the files, in
 * parallel (at most one per core), each in its own process group on the
 * caller's libev loop, and classifies their output into diagnostics. With
 * `staged`, it checks what the index would commit: in the work tree when that
 * is the same content, else in a temporary checkout of the index (dependency
 * folders such as node_modules linked in), never touching the user's files.
 * Children take slots of a process pool shared by every run (one per core).
 * A staged run's result is cached by (index tree, checks, files, the
 * pattern database's content, airunner's version) in the cache the caller
 * owns: running it again on the same content answers at once with cached =
 * true, after a restart too when the cache has a folder. A staged run whose
 * files no check covers reads only the index and HEAD (no work-tree
 * status, no checkout, no pattern files) and is not cached: deciding it
 * again costs less than a lookup.
 *
 * The git hook calls this in-process when no agent answers:
 *
 *	struct verify_request req = { .root = top, .staged = true };
 *	verify_run(&run, EV_DEFAULT, &req, done, &state, &e);
 *	ev_run(EV_DEFAULT, 0);   // done() gets the result
 */
#ifndef AIRUNNER_VERIFY_H
#define AIRUNNER_VERIFY_H

#include <stdbool.h>
#include <stddef.h>

#include "classify/classify.h"
#include "json/json.h"
#include "util/err.h"
#include "util/strv.h"

struct ev_loop;
struct job_pool;
struct verify_cache;
struct verify_residents;

/* How a check runs. */
enum verify_kind {
	VERIFY_KIND_COMMAND, /* argv as given ({files} expanded) */
	VERIFY_KIND_IMPORTS, /* in-process: relative imports that resolve */
	VERIFY_KIND_CC,      /* the C compiler, per file from compile_commands */
};

enum verify_source { VERIFY_DETECTED, VERIFY_CONFIG };

/* The incremental state a detected tool keeps between runs (see
 * verify_request.tools_state); a configured command keeps none. */
enum verify_warm { VERIFY_WARM_NONE, VERIFY_WARM_TSC, VERIFY_WARM_ESLINT };

/* Every string and list is owned by the check. */
struct verify_check {
	char *name;
	char *tool;          /* classification hint: "tsc", "eslint", "gcc" */
	struct strv command; /* argv; may hold the word "{files}" */
	struct strv files;   /* globs over workspace-relative paths */
	struct strv env;     /* "KEY=VALUE" */
	double timeout;      /* seconds; 0: none */
	bool blocking;
	enum verify_kind kind;
	enum verify_source source;
	enum verify_warm warm;
};

struct verify_checks {
	struct verify_check *v;
	size_t n, alloc;
};

#define VERIFY_CHECKS_INIT { NULL, 0, 0 }

/* The checks of the workspace at root (absolute): detected, then changed,
 * added or turned off by configuration. A bad configuration (an unbalanced
 * quote in a command, a configured check without a command) is an error of
 * kind "config" naming the check. */
int verify_checks_load(struct verify_checks *out, const char *root,
		       struct err *e);
void verify_checks_release(struct verify_checks *c);
/* The check named name, or NULL. Points into c. */
struct verify_check *verify_checks_find(const struct verify_checks *c,
					const char *name);
/* {name, tool, command, files, timeout, blocking, source} */
void verify_check_write_json(struct json_writer *w,
			     const struct verify_check *c);

/* ---- running ---- */

enum verify_status {
	VERIFY_PASSED,
	VERIFY_FAILED,
	VERIFY_TIMEOUT,
	VERIFY_CANCELLED,
	VERIFY_ERROR,   /* could not run (missing tool, bad command) */
	VERIFY_SKIPPED, /* no file it covers was given */
};

const char *verify_status_name(enum verify_status s);

/* What a run produced for one check. All owned by the result. */
struct verify_check_result {
	char *name;
	char *tool;
	struct strv command; /* as run ({files} expanded) */
	enum verify_status status;
	bool blocking;
	int exit_code; /* -1 when it did not exit on its own */
	double duration; /* seconds */
	struct buf output; /* stdout+stderr, capped */
	bool truncated;
	struct diag_list diags; /* paths relative to the workspace */
};

struct verify_result {
	bool ok;     /* no blocking check failed, timed out or errored */
	bool cached; /* answered from the cache */
	char tree[41]; /* the index's tree id for a staged run, else "" */
	double duration;
	struct verify_check_result *checks;
	size_t n;
	/* kind != ERR_NONE: the run could not start after verify_run
	 * returned (the index could not be read or checked out); then there
	 * are no checks. */
	struct err error;
};

/* {ok, cached, tree?, durationMs, checks: [...], summary: {checks (that
 * ran: not skipped), failed (failed, timed out or errored), errors,
 * warnings (diagnostics)}} */
void verify_result_write_json(struct json_writer *w,
			      const struct verify_result *r);
void verify_result_free(struct verify_result *r);

struct verify_request {
	const char *root; /* the workspace, absolute; a git work tree for
			   * staged, all, or when files is NULL */
	/* Files to check, relative to root (or absolute inside it);
	 * NULL-terminated. NULL: the staged files with `staged`, every file
	 * with `all`, else the changed files of the work tree. A path outside
	 * root is an error of kind "outside_workspace". */
	const char *const *files;
	bool staged;
	/* With staged: the index file to check (absolute), NULL for the
	 * repository's own. The pre-commit hook passes GIT_INDEX_FILE. */
	const char *index;
	bool all;
	/* Names of the checks to run (NULL-terminated), NULL: all. An
	 * unknown name is ERR_INVALID_PARAMS. */
	const char *const *checks;
	/* The pattern database (borrowed, must outlive the run); NULL: the
	 * workspace's (classify_db_acquire: shipped patterns plus the
	 * config's classify.patterns). */
	const struct classify_db *db;
	/* The pattern databases shared between runs (borrowed); NULL: one of
	 * the run's own. */
	struct classify_cache *patterns;
	/* Where staged results are kept and found (borrowed); NULL: none. */
	struct verify_cache *cache;
	/* The pool whose slots bound check processes (borrowed); NULL: one of
	 * the run's own with a slot per core. */
	struct job_pool *procs;
	/* Where tools keep their incremental state between runs (absolute;
	 * the agent's and the hook's: STATE/tools), NULL: none, every run
	 * cold. Per work tree: tsc's build info (--incremental
	 * --tsBuildInfoFile), eslint's cache (--cache --cache-strategy
	 * content). Only a run in the work tree itself uses it (a checkout's
	 * paths differ every run). Each run works on a private copy that
	 * replaces the shared state only when the tool exited on its own, so
	 * a killed tool or a concurrent run never leaves it half written; a
	 * stale state costs the tool time, never the verdict (the tools check
	 * content hashes and their own options). */
	const char *tools_state;
	/* The resident workers (borrowed; the agent's), NULL: none, every
	 * tool one-shot (the hook's in-process fallback). A detected tsc or
	 * eslint check whose command is the detected one (a configured
	 * `command` or `env` makes it one-shot), run as one process, is asked
	 * of the work tree's worker with the content the run checks (the
	 * work tree, or for tsc the checkout of the index; eslint in a
	 * checkout, and type-aware eslint, stay one-shot); a worker that is busy,
	 * cannot start, errs or dies sends the check back to the one-shot
	 * command. Its output and exit code are the command's. */
	struct verify_residents *residents;
	/* Called as each check finishes (may be NULL). */
	void (*progress)(const struct verify_check_result *cr, size_t done,
			 size_t total, void *data);
};

/*
 * Called once when the run ends, from the loop (never from inside
 * verify_run). The callback owns res (verify_result_free). A cancelled run
 * still delivers its result, with the checks that were stopped marked
 * cancelled. A run that failed to start after verify_run returned delivers
 * res->error.
 */
typedef void (*verify_done_fn)(struct verify_result *res, void *data);

struct verify_run;

/*
 * Starts a run on loop (which must be the default loop: children are reaped
 * there). Reading the index, listing the files, checking the index out and
 * removing the checkout happen on threads, so the loop goes on meanwhile.
 * Errors found before anything runs (bad params, a path outside the
 * workspace, not a git repository for staged) return -1 with e set, and done
 * is never called. Otherwise *out (may be NULL if the caller will not
 * cancel) names the run until done is called. req and its strings are
 * copied.
 */
int verify_run(struct verify_run **out, struct ev_loop *loop,
	       const struct verify_request *req, verify_done_fn done,
	       void *data, struct err *e);

/* Kills every running check's process group; checks not started yet are
 * not started. done still comes, later. Only valid before done. */
void verify_cancel(struct verify_run *run);

/* Removes the checkouts of the index that dead processes left in $TMPDIR
 * (an agent or hook killed mid-run): only ours, only real folders, only of
 * pids that no longer exist. Returns how many went. */
int verify_checkout_sweep(void);

/* ---- resident workers ---- */

/*
 * Long-lived tool workers (data/resident/worker.mjs: node with the
 * project's own typescript or eslint loaded), one per work tree and tool,
 * at most max at once, each ended after idle seconds unused; max 0: none.
 * Workers are spawned on loop (the default loop) and spoken to through
 * pipes it watches.
 */
struct verify_residents *verify_residents_new(struct ev_loop *loop,
					      unsigned max, double idle);
/* Ends every worker (waiting, on the loop, for their processes to end)
 * and frees the set. After every run that used it is done. */
void verify_residents_free(struct verify_residents *rs);

/* ---- the cache ---- */

/* A cache in memory only. */
struct verify_cache *verify_cache_new(void);
/* A cache that also keeps every result as a file in dir (made 0700 on the
 * first write; the agent's and the hook's: STATE/verify-cache), so results
 * outlive the process and are shared between processes. Reading or writing
 * the folder never fails a run: a bad entry is a miss. */
struct verify_cache *verify_cache_open(const char *dir);
void verify_cache_free(struct verify_cache *c);
/* Drops the cached results, in memory and on disk (tests, and after a
 * configuration change). */
void verify_cache_clear(struct verify_cache *c);
/* Drops the results held in memory only: the next look-up reads the
 * folder, as a restarted agent does. */
void verify_cache_forget(struct verify_cache *c);

#endif
