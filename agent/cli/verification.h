/*
 * verification: one way to verify from the command line, shared by
 * `airunner hook pre-commit` and `airunner verify`.
 *
 * The running agent does the work (started when none listens), so its
 * result cache and loaded pattern database serve every commit and every
 * `verify`; when no agent can be reached within 2 s the same checks run in
 * this process, on the default loop. Either way the result is verify/run's
 * JSON (protocol/openrpc.json), which hooks/report.h renders.
 */
#ifndef AIRUNNER_CLI_VERIFICATION_H
#define AIRUNNER_CLI_VERIFICATION_H

#include <stdbool.h>

#include "util/buf.h"
#include "util/err.h"

/* What to verify; the strings are borrowed for the call. */
struct verification {
	const char *root; /* the top of the work tree, absolute */
	/* Files relative to root or absolute inside it, NULL-terminated; NULL:
	 * the staged files with `staged`, every file with `all`, else the
	 * changed files of the work tree. */
	const char *const *files;
	bool staged, all;
	const char *index; /* with staged: the index file (absolute) or NULL */
	/* A progress line on stderr while the checks run ("verifying the
	 * staged content..."): NULL for none (stderr is not a terminal). */
	const char *progress;
	/* Who asks, for the run's record ("hook", "cli"); the hook's runs go
	 * first: a person is waiting on `git commit`. */
	const char *origin;
	bool urgent;
};

/*
 * The top of the work tree the current directory is in, appended to out.
 * Under a git hook (GIT_INDEX_FILE set) that is the cwd, found without
 * libgit2, whose start-up alone costs more than the rest of the hook.
 * -1 with e->kind "not_a_repo" outside a work tree.
 */
int verification_work_tree(struct buf *out, struct err *e);

/*
 * Runs v through the agent, else in-process, and appends the verify/run
 * result JSON to result. -1 when the verification could not be done (the
 * agent failed or timed out, bad files): e says why (kind "rpc_error" for
 * the agent's refusals, with its message).
 */
int verification_run(const struct verification *v, struct buf *result,
		     struct err *e);

#endif
