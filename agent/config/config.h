/*
 * config: settings in git-config syntax, read with libgit2.
 *
 * Two sources:
 *   - the user's git config (system, XDG, global, and the repo's .git/config),
 *     under the `airunner.` prefix: `git config airunner.hook.onError allow`,
 *     or for a subsection, `[airunner "check.tsc"] timeout = 30`, which is
 *     also `git config airunner.check.tsc.timeout 30`;
 *   - the repo's committed `.airunner` file (team settings) with the same keys
 *     and no prefix: `[hook] onError = block`, `[check "tsc"] timeout = 30`.
 *
 * Every lookup names a key by its three parts, as git does: a section
 * ("check"), a subsection ("tsc", or NULL for a key of the section itself,
 * such as hook.onError) and a variable name ("timeout"). Section and variable
 * names are case-insensitive; subsection names are case-sensitive
 * (`[check "TSC"]` is another check than `[check "tsc"]`). In the user's
 * config the section is the first part of the airunner subsection and the
 * rest is the subsection: `[airunner "llm.my.proxy"] model = x` is section
 * "llm", subsection "my.proxy", name "model".
 *
 * Precedence: for a single value the user's config wins over the team's, and
 * within one source the last value wins (the repo's .git/config over the
 * global one, a later line over an earlier one), as in git. A multivar gives
 * every value: the team's first, then the user's, each in file order.
 *
 * config_open() reads each source once into a table of its own (sorted by
 * key), so a lookup costs O(log n) however big the config is, and nothing
 * reads the disk after it. The team file is refused when it is not a regular
 * file (a FIFO would block the loop in open()), is over CONFIG_FILE_MAX
 * bytes, includes other files, or has more than CONFIG_SUBSECTIONS_MAX
 * subsections in one section (e.g. 1,000 checks): each with an error of kind
 * ERR_CONFIG naming the file and the limit.
 *
 * API keys are never read from here: they come from the environment.
 */
#ifndef AIRUNNER_CONFIG_H
#define AIRUNNER_CONFIG_H

#include <stdbool.h>
#include <stdint.h>

#include "util/err.h"

/* A config that cannot be used (a malformed or refused file, a value of the
 * wrong type) is an error of kind ERR_CONFIG. */

/* Limits on each source: the team file's size, the number of distinct
 * subsections of one section (checks, providers, prices), and the number of
 * airunner settings in one source. */
#define CONFIG_FILE_MAX ((size_t)1 << 20)
#define CONFIG_SUBSECTIONS_MAX 1000
#define CONFIG_ENTRIES_MAX 50000

struct config;

/* workspace may be NULL (user config only). A missing .airunner is fine; a
 * malformed one is an error naming the file and line. *out is a snapshot
 * (later edits need a new config_open()), freed with config_free(). */
int config_open(struct config **out, const char *workspace, struct err *e);
void config_free(struct config *cfg);

/* Lookups. section and name are required; subsection is NULL for a key of
 * the section itself ("hook", NULL, "onError"). The strings are only read
 * during the call.
 *
 * config_get_string: 1 found (*out malloc'd, caller frees; a bare `name`
 * line with no `=` gives ""), 0 absent. Never fails, but takes e for the
 * shape's sake. */
int config_get_string(struct config *cfg, const char *section,
		      const char *subsection, const char *name, char **out,
		      struct err *e);
/* 1 found, 0 absent (out untouched), -1 a value that is not an integer (git's
 * k/m/g suffixes are accepted), with e naming the source and the key. */
int config_get_int(struct config *cfg, const char *section,
		   const char *subsection, const char *name, int64_t *out,
		   struct err *e);
/* 1 found, 0 absent (out untouched), -1 not a boolean. true/yes/on/1 and a
 * bare `name` are true, false/no/off/0 and "" false, as in git. */
int config_get_bool(struct config *cfg, const char *section,
		    const char *subsection, const char *name, bool *out,
		    struct err *e);
/* Every value of a multivar (e.g. repeated `files = ...`): the team's values
 * first, then the user's, each in file order. fn gets each value (never
 * NULL; a bare `name` gives "") and returns non-zero to stop. Returns the
 * number of values given to fn, or -1. */
int config_get_all(struct config *cfg, const char *section,
		   const char *subsection, const char *name,
		   int (*fn)(const char *value, void *data), void *data,
		   struct err *e);

/* Calls fn once per distinct subsection name of `section` seen in either
 * source ("check" -> "tsc", "eslint", ...): the team's in the order they
 * first appear, then the ones only the user has. fn returns non-zero to
 * stop. 0, or -1. */
int config_subsections(struct config *cfg, const char *section,
		       int (*fn)(const char *name, void *data), void *data,
		       struct err *e);

#endif
