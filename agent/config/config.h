/*
 * config: settings in git-config syntax, read with libgit2.
 *
 * Two sources, looked up user first:
 *   - the user's git config (system, XDG, global, and the repo's .git/config),
 *     under the `airunner.` prefix: `git config airunner.hook.onError allow`,
 *     or for a subsection, `[airunner "check.tsc"] timeout = 30`;
 *   - the repo's committed `.airunner` file (team settings) with the same keys
 *     and no prefix: `[hook] onError = block`, `[check "tsc"] timeout = 30`.
 * Keys are given without the prefix ("hook.onerror", "check.tsc.timeout");
 * section and variable names are case-insensitive as in git.
 *
 * API keys are never read from here: they come from the environment.
 */
#ifndef AIRUNNER_CONFIG_H
#define AIRUNNER_CONFIG_H

#include <stdbool.h>
#include <stdint.h>

#include "util/err.h"

struct config;

/* workspace may be NULL (user config only). A missing .airunner is fine; a
 * malformed one is an error naming the file and line. *out is a snapshot
 * (later edits need a new config_open()), freed with config_free(). */
int config_open(struct config **out, const char *workspace, struct err *e);
void config_free(struct config *cfg);

/* 1 found (*out malloc'd, caller frees), 0 absent, -1 error. */
int config_get_string(struct config *cfg, const char *key, char **out,
		      struct err *e);
/* 1 found, 0 absent (out untouched), -1 malformed value. */
int config_get_int(struct config *cfg, const char *key, int64_t *out,
		   struct err *e);
int config_get_bool(struct config *cfg, const char *key, bool *out,
		    struct err *e);
/* Every value of a multivar (e.g. repeated `files = ...`), user values after
 * team values. fn returns non-zero to stop. Returns the count, or -1. */
int config_get_all(struct config *cfg, const char *key,
		   int (*fn)(const char *value, void *data), void *data,
		   struct err *e);

/* Calls fn once per distinct subsection name of `section` seen in either
 * source ("check" -> "tsc", "eslint", ...). */
int config_subsections(struct config *cfg, const char *section,
		       int (*fn)(const char *name, void *data), void *data,
		       struct err *e);

#endif
