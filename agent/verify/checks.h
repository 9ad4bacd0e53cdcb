/*
 * verify/checks.h: the verify module's internals shared by its files and
 * its unit tests. Not for other modules: they use verify.h.
 */
#ifndef AIRUNNER_VERIFY_CHECKS_H
#define AIRUNNER_VERIFY_CHECKS_H

#include <stdbool.h>

#include "classify/classify.h"
#include "json/json.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/strv.h"
#include "verify/verify.h"

/*
 * Matches a '/'-separated relative path against a glob: `*` and `?` never
 * cross a '/', `[...]` is a class (`[!...]` negated), `**` as a whole
 * segment spans any number of folders. A glob without a '/' matches the
 * file's name in any folder, as in .gitignore ("*.ts").
 */
bool verify_glob_match(const char *glob, const char *path);

/*
 * Splits a command the way a shell splits words, with no expansion: blanks
 * separate words; '...' is literal; "..." takes \" \\ \$ \` escapes;
 * a backslash outside quotes escapes the next character. An unbalanced
 * quote is ERR_INVALID_PARAMS. Words are appended to out.
 */
int verify_split_command(const char *cmd, struct strv *out, struct err *e);

/* Removes // and block comments and trailing commas from JSONC (tsconfig),
 * leaving strings alone; the result is appended to out. */
void verify_jsonc_strip(const char *src, size_t len, struct buf *out);

/* The tsconfig facts import resolution needs. */
struct verify_tsconfig {
	char *base_url; /* absolute, or NULL */
	char *dir;      /* the tsconfig's folder, absolute (paths without baseUrl) */
	/* compilerOptions.paths: key i (a pattern with at most one '*') maps
	 * to the '\n'-separated targets path_targets.v[i]. */
	struct strv path_keys;
	struct strv path_targets;
};

/* Reads root/tsconfig.json if it exists (absent: an empty config, 0). */
int verify_tsconfig_load(struct verify_tsconfig *tc, const char *root,
			 struct err *e);
void verify_tsconfig_release(struct verify_tsconfig *tc);

/*
 * The imports check on one file: root is the folder the file is in
 * (absolute, the run's root), rel its path below it. Unresolved relative
 * (or `paths`-mapped) imports are errors, imports reaching up more than three
 * folders warnings; appended to out with `rel` as the file.
 */
int verify_imports_file(const char *root, const char *rel,
			const struct verify_tsconfig *tc,
			struct diag_list *out, struct err *e);

/* Frees one check's strings (not k itself). */
void verify_check_release(struct verify_check *k);

/* "key": [strings...] inside an object. */
void verify_write_strv(struct json_writer *w, const char *key,
		       const struct strv *l);

#endif
