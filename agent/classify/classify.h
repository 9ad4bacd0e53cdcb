/*
 * classify: build, lint and test output in, structured diagnostics out.
 *
 * The knowledge lives in a pattern database, data/patterns/NN-tool.conf, shipped
 * with airunner (repo and user additions come as extra files). Each pattern
 * is a PCRE2 regex over one line, with named groups (file, line, col, code,
 * msg, sev, and any others a hint wants), a category from the stable list
 * below, and a hint template filled from the groups, so a hint names the
 * symbol or module at fault. A pattern may look a few lines back or ahead
 * (`before` / `after`) to fold multi-line output into one diagnostic: a
 * Python traceback's `File "x", line N`, rustc's `--> file:line:col`, javac's
 * `symbol:` line, jest's stack frame.
 *
 * Every regex is JIT-compiled once at load and runs with a match limit and a
 * depth limit on lines capped at CLASSIFY_LINE_MAX bytes, so no input can
 * stall or crash the agent. The format of the data files is described at the
 * top of data/patterns/README.
 */
#ifndef AIRUNNER_CLASSIFY_H
#define AIRUNNER_CLASSIFY_H

#include <stdbool.h>
#include <stddef.h>

#include "json/json.h"
#include "util/err.h"

struct buf;

/* Longer lines are matched on their first CLASSIFY_LINE_MAX bytes only. */
#define CLASSIFY_LINE_MAX 4096

enum diag_severity { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };

/* Stable category ids (metrics and the self-healing prompt key on them). */
#define CAT_MISSING_EXPORT "missing_export"
#define CAT_IMPORT_RESOLUTION "import_resolution"
#define CAT_UNDEFINED_SYMBOL "undefined_symbol"
#define CAT_TYPE_ERROR "type_error"
#define CAT_SYNTAX_ERROR "syntax_error"
#define CAT_TAILWIND_INVALID_CLASS "tailwind_invalid_class"
#define CAT_LINT_VIOLATION "lint_violation"
#define CAT_TEST_FAILURE "test_failure"
#define CAT_LINK_ERROR "link_error"
#define CAT_MISSING_DEPENDENCY "missing_dependency"
#define CAT_TIMEOUT "timeout"
#define CAT_UNKNOWN "unknown"

/* All strings are owned by the diag (malloc'd) and may be NULL. */
struct diag {
	char *file;
	int line, column; /* 1-based; 0 when unknown */
	enum diag_severity severity;
	char *code;      /* "TS2322", "no-unused-vars", "E0308", ... */
	char *message;
	const char *category; /* static: one of the CAT_* ids */
	char *hint;      /* what to do about it, as specific as the match */
	char *tool;      /* "tsc", "eslint", "gcc", "python", "jest", ... */
};

struct diag_list {
	struct diag *v;
	size_t n, alloc;
};

#define DIAG_LIST_INIT { NULL, 0, 0 }

struct classify_db;

/*
 * Loads the shipped database (every .conf file of AIRUNNER_DATADIR/patterns,
 * in name order) and then extra_files (a NULL-terminated list of paths, typically the
 * config's `classify.patterns`; may be NULL). Patterns of extra files are
 * tried before the shipped ones of the same priority, so a repo can refine a
 * built-in. A file that does not parse or a regex that does not compile fails
 * the load with ERR_PARSE naming the file and line. *out is freed with
 * classify_db_free(); a loaded db is read-only and may be shared.
 */
int classify_db_load(struct classify_db **out, const char *const *extra_files,
		     struct err *e);
void classify_db_free(struct classify_db *db);

struct classify_cache;
/* The databases shared between requests, most recently used kept; the
 * agent owns one. Databases are reference counted: one still acquired
 * outlives the cache. */
struct classify_cache *classify_cache_new(void);
void classify_cache_free(struct classify_cache *cache);

/*
 * The database for a workspace, shared through cache: the shipped patterns plus the files
 * its config names in `classify.patterns` (repeatable; relative paths are
 * relative to the workspace; workspace may be NULL). Loaded on first use and
 * cached by the files' paths, sizes and mtimes, so an edited pattern file is
 * reloaded on the next acquire. *out holds a reference: give it back with
 * classify_db_release() when done (it may be kept across loop callbacks).
 * Loop thread only. Errors as classify_db_load, or the config's.
 */
int classify_db_acquire(struct classify_cache *cache,
			struct classify_db **out, const char *workspace,
			struct err *e);
void classify_db_release(struct classify_db *db);

/* A digest (40 hex digits) of the content of every pattern file the db was
 * loaded from, shipped and extra, in load order: equal digests, same
 * patterns. Keys caches of classified output. Points into db. */
const char *classify_db_digest(const struct classify_db *db);

/* The static CAT_* id named name, or NULL when there is none. */
const char *classify_category_find(const char *name);

/* Number of patterns loaded. */
size_t classify_db_count(const struct classify_db *db);

/*
 * Classifies text[0..len) (any bytes; NUL, invalid UTF-8 and ANSI colour
 * codes are fine) and appends its diagnostics to out in input order. With a
 * tool_hint ("tsc", "eslint", ...; may be NULL) that tool's patterns are tried
 * first on every line; the others still run, since a test script's output
 * mixes tools. Exact repeats (same file, position, code and message) are
 * reported once. Returns 0; -1 only if the db is unusable.
 */
int classify_text(const struct classify_db *db, const char *tool_hint,
		  const char *text, size_t len, struct diag_list *out,
		  struct err *e);

/*
 * What a caller may add to a classification (all optional: a zeroed struct
 * behaves as classify_text).
 */
struct classify_opts {
	const char *tool_hint; /* as classify_text's; may be NULL */
	/* Wall-clock seconds the request may take; <= 0: no limit. When it
	 * runs out, classification stops where it is, outcome->out_of_time is
	 * set, and one `unknown` diagnostic (tool "classify") says from which
	 * line on the text was not classified. */
	double budget;
	/* The run failed (a non-zero exit): it is never reported as zero
	 * problems. If nothing is recognised, one `unknown` diagnostic carries
	 * the output's tail, at the first place in the project the output
	 * names (a stack's or a sanitizer report's first own frame). */
	bool failed;
	/* Does the repository hold this file (the path as the tool printed
	 * it)? A place naming a file the repository has is strong evidence;
	 * without it (NULL), places are judged by their shape alone. */
	bool (*file_exists)(void *ctx, const char *path);
	void *ctx; /* for file_exists; borrowed */
};

struct classify_outcome {
	bool out_of_time;  /* the budget ran out */
	size_t stopped_at; /* then: first line (1-based) not classified */
	size_t general;    /* diagnostics made by the general layer */
	bool fallback;     /* the one diagnostic of a failed run with nothing
			    * recognised */
};

/*
 * classify_text with options; *outcome (may be NULL) says how it went.
 * Below the pattern database, a general layer reads what the patterns leave:
 * places in the common shapes (see data/patterns/README), severities, rule
 * codes, and a category from the message's own words.
 */
int classify_text_opts(const struct classify_db *db,
		       const struct classify_opts *opts, const char *text,
		       size_t len, struct diag_list *out,
		       struct classify_outcome *outcome, struct err *e);

/*
 * A log whose lines carry what relayed them (a CI service's timestamps,
 * BuildKit's step and seconds, Compose's service, a task runner's clock, a
 * monorepo task runner's label of each task, whose tasks' lines are then
 * gathered task by task), or whose lines are go test -json's events: into
 * *out (initialised here; the caller releases it), the lines as the tool
 * printed them, and true.
 * False, *out untouched, when the log is neither. classify_text_opts and
 * classify_output_failed read through it.
 */
bool classify_relay(const char *text, size_t len, struct buf *out);

/* A new zeroed diag at the end of l, owned by l. */
struct diag *diag_list_push(struct diag_list *l);
/* Frees every diag and the array; the list is empty and reusable. */
void diag_list_release(struct diag_list *l);
/* Frees the strings of one diag (not d itself). */
void diag_release(struct diag *d);

/* {file,line,column,severity,code,message,category,hint,tool}; absent
 * strings and unknown positions (0) are written as null. */
void diag_write_json(struct json_writer *w, const struct diag *d);
const char *diag_severity_name(enum diag_severity s);
/*
 * Did the run that printed text[0..len) fail, read from the text alone (for
 * a log given without its exit status)? Error, fatal, FAIL, panic,
 * traceback and signal lines, and an error's spelling inside a line, are
 * signs; "0 errors", "no failures", "exit code 0" are not.
 */
bool classify_output_failed(const char *text, size_t len);

/* The errors/classify result: {diagnostics: [diag...], summary: {errors,
 * warnings, categories: {id: count}}} (protocol/openrpc.json). */
void classify_write_result(struct json_writer *w, const struct diag_list *l);

#endif
