/*
 * git/commit: the write side of a run's history, through libgit2 (never the
 * git command). Commits of exactly the run's files, the tag on the parent,
 * rollback of a committed run (revert, reset), and staging for
 * `airunner fix`.
 *
 * The one rule: only the given paths are ever touched. The user's other
 * staged and unstaged changes stay as they were, index entries included.
 * The index is the repository's own (.git/index), never GIT_INDEX_FILE or one
 * given to repo_use_index: pass a struct repo that was not given one.
 *
 * Paths are relative to the work tree's top and are trusted here (callers
 * check them: exec/workspace.h workspace_check_path). Commit ids are hex
 * (REPO_OID_HEX + 1 bytes with the NUL). Synchronous: run off the loop.
 */
#ifndef AIRUNNER_GIT_COMMIT_H
#define AIRUNNER_GIT_COMMIT_H

#include <stdbool.h>

#include "git/repo.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/strv.h"

#define COMMIT_TAG_PREFIX "ai/"

/*
 * Makes a new commit on HEAD (an unborn HEAD gets the branch's first commit)
 * whose tree is HEAD's tree with each of paths set to its work-tree content
 * (as `git add` would store it: clean filters applied; mode from the file:
 * executable or not, symlink) or removed when the file no longer exists.
 * message is the whole message (subject, blank line, body, trailers), used
 * as given (a final newline is added when missing). Author and committer from
 * the repository's config (user.name, user.email), else
 * "airunner <airunner@localhost>". Afterwards the index entries of paths
 * are the committed blobs (removed for deleted paths); every other index
 * entry is as it was. out gets the new commit's id. No path differs from
 * HEAD: refused with ERR_INVALID_PARAMS ("nothing to commit"), as git
 * would. HEAD moved meanwhile (another commit raced ours): ERR_CONFLICTS,
 * nothing written.
 */
int commit_paths(struct repo *r, const struct strv *paths, const char *message,
		 char *out, struct err *e);

/*
 * Creates the lightweight tag "ai/<issue>/before-<sha7>" on the first parent
 * of commit (sha7: the parent's id, 7 hex digits) and appends its name
 * (without refs/tags/) to name. issue is the issue key ("PROJ-12",
 * "owner/repo#12"); characters a ref name cannot hold become '-'; NULL or
 * "": "ai/run/before-<sha7>". A commit without parent (the first of its
 * branch): nothing is tagged, name stays empty, 0. The tag already there on
 * the same commit: 0; on another: ERR_CONFLICTS.
 */
int commit_tag_before(struct repo *r, const char *commit, const char *issue,
		      struct buf *name, struct err *e);

/*
 * Lists the paths commit changed against its first parent (added, modified,
 * deleted; a rename is its two paths), sorted, appended to out.
 */
int commit_changed_paths(struct repo *r, const char *commit, struct strv *out,
			 struct err *e);

/*
 * Reverts commit's changes to its own files only: a new commit on the current
 * HEAD whose tree is HEAD's with each file commit changed set back to its
 * version in commit's first parent (removed where the parent had none); the
 * work-tree files and index entries of those paths follow; nothing else is
 * touched. Refused with ERR_WORKSPACE_DIRTY, touching nothing, when any of
 * those files differs now between commit and HEAD (a later commit changed
 * it), between HEAD and the index, or between the index and the work tree
 * (an untracked file where the commit had deleted one counts too); the
 * message lists them. message as for commit_paths. out: the new commit's id;
 * files (may be NULL) gets the reverted paths.
 */
int commit_revert(struct repo *r, const char *commit, const char *message,
		  char *out, struct strv *files, struct err *e);

/*
 * Resets the branch to the tag `tag` (a name as commit_tag_before gives),
 * like `git reset --hard`, when HEAD is still `commit` (the run's) and the
 * work tree is clean: no staged or unstaged change to a tracked file, and no
 * untracked file where the reset would write one. Otherwise
 * ERR_WORKSPACE_DIRTY (naming the first few offending paths, or saying HEAD
 * moved), touching nothing. Tag missing: ERR_NOT_FOUND. files (may be NULL)
 * gets the paths the reset changed.
 */
int commit_reset(struct repo *r, const char *tag, const char *commit,
		 struct strv *files, struct err *e);

/*
 * Stages paths from the work tree (`git add` for each; a path whose file is
 * gone is removed from the index), leaving every other index entry alone.
 * For `airunner fix`: the fixed files go back into the index for the
 * person's next `git commit`.
 */
int commit_stage_paths(struct repo *r, const struct strv *paths,
		       struct err *e);

/*
 * Appends to dirty, sorted, each of paths whose state is not HEAD's: staged
 * (index differs from HEAD), unstaged (work tree differs from the index), or
 * untracked and not ignored. paths NULL: every such path of the work tree.
 * An empty result is a clean work tree for those paths.
 */
int commit_dirty_paths(struct repo *r, const struct strv *paths,
		       struct strv *dirty, struct err *e);

/*
 * Appends to unstaged, sorted, each tracked path whose work tree differs
 * from the index (modified, deleted, type changed): the files a `git add`
 * of the whole file would carry more than was staged.
 */
int commit_unstaged_paths(struct repo *r, struct strv *unstaged,
			  struct err *e);

#endif
