/*
 * The state of one verification run, shared by the files of verify/ that
 * plan and run it: run.c (files, planning, running), cc.c (the C compiler
 * from compile_commands.json), checkout.c (the temporary checkout of the
 * index), result.c and cache.c. Not part of verify's public surface.
 */
#ifndef AIRUNNER_VERIFY_RUN_H
#define AIRUNNER_VERIFY_RUN_H

#include <ev.h>

#include "git/repo.h"
#include "job/job.h"
#include "verify/checks.h"

struct verify_run;
struct check_run;

/* One child process of a check (or the in-process imports check). */
struct check_child {
	struct verify_run *run;
	struct check_run *cr;
	struct strv argv; /* empty for an in-process check */
	char *cwd;
	struct proc *proc; /* while running */
	/* A warm tool's state: the shared file, and this child's copy that
	 * replaces it when the tool exits on its own (NULL: cold). */
	char *state, *state_tmp;
	bool has_slot;     /* holds a slot of the process pool */
	/* Asked of a resident worker (NULL: not, or no longer); once it
	 * sent the check back, the one-shot command runs. */
	struct verify_resident_call *resident;
	bool one_shot;
};

struct check_run {
	const struct verify_check *check;
	struct verify_check_result *res;
	struct strv files; /* the request's files this check covers */
	size_t nchildren, children_done;
	bool timed_out, spawn_failed, failed, cancelled, started;
	int exit_code;
	double start;
};

struct verify_run {
	struct ev_loop *loop;
	char *root;     /* the workspace (real path) */
	char *run_root; /* where the checks run: root, or the checkout */
	char *tmpdir;   /* the checkout to remove, or NULL */
	struct verify_checks checks;
	struct strv files;
	struct check_run *crs;
	size_t ncr;
	struct check_child *children;
	size_t nchildren, next, running;
	/* Check processes across all runs: one slot per child. */
	struct job_pool *procs;
	struct job_pool *own_procs; /* made for this run when none was given */
	struct job_pool_waiter waiter;
	/* The request, as the threads that list and check out need it. */
	struct repo *repo; /* NULL when the files were named */
	bool staged, all, has_files, partial, use_cache;
	/* A staged run in which no check covers a file (list_work): the
	 * work tree is not compared, nothing is cached, no checkout. */
	bool idle;
	char *index;
	/* Set by list_work and checkout_work (threads): read on the loop
	 * once they are back. */
	struct err prep_err;
	struct verify_cache *cache; /* may be NULL */
	char *tools_state; /* verify_request.tools_state, or NULL */
	struct verify_residents *residents; /* borrowed, or NULL */
	struct verify_result *result;
	char *cache_key; /* NULL: not cacheable */
	/* A staged run in the work tree: the files there that git does not
	 * track (name, size, mtime), for the cache key: tools see them too. */
	struct buf untracked;
	/* NULL until acquire_patterns (never, when the run is idle). */
	const struct classify_db *db;
	struct classify_cache *patterns; /* verify_request.patterns, or own */
	struct classify_db *db_ref; /* the workspace's, released at the end */
	struct classify_cache *own_patterns; /* made for this run, or NULL */
	bool cancelled, pumping, from_cache;
	double start;
	ev_timer kick_w;
	verify_done_fn done;
	void (*progress)(const struct verify_check_result *, size_t, size_t,
			 void *);
	void *data;
	size_t checks_done, checks_run;
};

/*
 * Normalizes path (relative to root, or absolute) to a clean path relative
 * to root, appended to out; false when it leaves root. Lexical, as git
 * names files: a symlink inside the work tree is a file of the work tree.
 */
bool verify_path_relative(const char *root, const char *path,
			  struct buf *out);
/* Adds a child to cr, to run in run->run_root. */
struct check_child *verify_child_add(struct verify_run *run,
				     struct check_run *cr);
/* Adds file to argv; a file named like an option stays a file (./-x). */
void verify_add_file_arg(struct strv *argv, const char *file);

/* cc.c: one child per file with a compile_commands.json entry, one plain
 * `cc -fsyntax-only` for the others. */
void verify_plan_cc(struct verify_run *run, struct check_run *cr);

/* checkout.c: checks the index out into a temporary folder (run->tmpdir,
 * run->run_root), dependency folders linked in. */
int verify_checkout_index(struct verify_run *run, struct repo *repo,
			  struct err *e);
/* Removes a checkout made by verify_checkout_index. */
void verify_checkout_remove(const char *dir);

/* result.c: an empty result. */
struct verify_result *verify_result_new(void);
/* A deep copy (of a result without an error). */
struct verify_result *verify_result_dup(const struct verify_result *r);
/* The result that verify_result_write_json wrote as value v of d, into *out
 * (caller frees); -1 when it is not one (nothing allocated then). */
int verify_result_read_json(struct verify_result **out,
			    const struct json_doc *d, int v);

/* cache.c: the result for key (owned by the cache), or NULL. */
const struct verify_result *verify_cache_get(struct verify_cache *c,
					     const char *key);
/* Stores a copy of r under key. */
void verify_cache_put(struct verify_cache *c, const char *key,
		      const struct verify_result *r);

/* resident.c: a check asked of a resident worker. */
enum verify_resident_status {
	VERIFY_RESIDENT_DONE,        /* exit_code and output are the tool's */
	VERIFY_RESIDENT_UNAVAILABLE, /* run the one-shot command instead */
	VERIFY_RESIDENT_TIMEOUT,     /* the call's timeout passed */
	VERIFY_RESIDENT_CANCELLED,   /* verify_resident_cancel */
};
struct verify_resident_call;
/* Called once, from the loop (never from inside verify_resident_call);
 * output (NULL unless DONE) is borrowed for the call. */
typedef void (*verify_resident_fn)(enum verify_resident_status status,
				   int exit_code, struct buf *output,
				   void *data);
/* Asks the worker of (root, tool) to check files as found in dir (root,
 * or a checkout of its index). -1 (fn never called): no worker can take
 * it now, run the one-shot command. */
int verify_resident_call(struct verify_resident_call **out,
			 struct verify_residents *rs, const char *root,
			 enum verify_warm tool, const char *dir,
			 const struct strv *files, double timeout,
			 verify_resident_fn fn, void *data);
/* Kills the worker; the call ends with CANCELLED once it is gone. */
void verify_resident_cancel(struct verify_resident_call *c);

#endif
