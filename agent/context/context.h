/*
 * context: a view of a repository within a token budget, for the prompt
 * prefix of every model call about a workspace (planning, subtasks,
 * healing).
 *
 * The view holds, in this order: the file map from the git index (and the
 * files left out, each with its rule), the manifests and the README's head,
 * the focus files in full, then outlines (definitions with their first line,
 * from tree-sitter and the grammars' own tag queries) of the files ranked by
 * how they connect to the focus (personalised PageRank over the graph of
 * references to definitions and resolved imports), filling the budget in
 * rank order.
 *
 * The text is deterministic: the same repository state and request give the
 * same bytes (sorted, no timestamps, no absolute paths), so it can be a
 * cache-stable prompt prefix. Outlines are cached per blob id on disk under
 * the state folder; the whole view is cached in memory, keyed by the index's
 * checksum, HEAD and the dirty files' stat state, and rebuilt incrementally
 * (only changed blobs are parsed again).
 *
 * context_get is synchronous: warm and incremental calls take milliseconds,
 * but the first (cold) call on a huge repository parses every source file
 * and takes seconds; it should move to a worker thread when the job engine
 * offers one.
 */
#ifndef AIRUNNER_CONTEXT_H
#define AIRUNNER_CONTEXT_H
#include <stdbool.h>
#include <stddef.h>
#include "util/buf.h"
#include "util/err.h"
#include "util/strv.h"

/* Budget used when a request names none. */
#define CONTEXT_DEFAULT_BUDGET 8000

struct context_cache;

struct context_request {
	const char *root;	/* work tree's top, absolute; borrowed */
	/* Paths relative to root ('/'-separated); borrowed. */
	const char *const *focus_files;
	size_t n_focus_files;
	const char *const *focus_symbols;
	size_t n_focus_symbols;
	const char *focus_text;	/* e.g. a subtask's text; NULL for none */
	size_t token_budget;	/* 0: CONTEXT_DEFAULT_BUDGET */
	/* Fill outlines in path order instead of rank order (the baseline the
	 * benchmark compares ranking with). */
	bool alphabetical;
};

struct context_result {
	struct buf text;	/* the view, valid UTF-8 */
	size_t bytes;		/* text.len */
	size_t tokens;		/* context_estimate_tokens(text) */
	bool from_cache;	/* the same view was served before, unchanged */
	/* Files whose content or outline is in text, in the order shown. */
	struct strv files;
	/* Outlines parsed during this call (neither in memory nor on disk). */
	size_t parsed;
};

/*
 * state_dir: the folder for the outline cache (outlines/ is made beneath it,
 * mode 0700); NULL means $XDG_STATE_HOME/airunner (~/.local/state/airunner).
 * *out is freed with context_cache_free().
 */
int context_cache_new(struct context_cache **out, const char *state_dir,
		      struct err *e);
void context_cache_free(struct context_cache *c);

void context_result_init(struct context_result *r);
void context_result_release(struct context_result *r);

/*
 * Fills out (initialised by the caller; its old content is replaced) with
 * the view of req->root. Errors: "not_a_repository", ERR_INVALID_PARAMS (a
 * focus file outside the work tree), ERR_IO.
 */
int context_get(struct context_cache *c, const struct context_request *req,
		struct context_result *out, struct err *e);

/*
 * Estimated tokens of n bytes of text: one per run of letters/digits (and
 * one more per 8 bytes of a long run), one per other visible byte outside
 * multi-byte characters, one per line break with its indentation. How close
 * this comes to a real tokenizer is measured in tests/bench (README).
 */
size_t context_estimate_tokens(const char *s, size_t n);

#endif
