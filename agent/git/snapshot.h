/*
 * git/snapshot: the originals of a run's files, kept in the repository's
 * object database so that the run can be undone byte for byte, by this
 * process or by a later one (an agent killed mid-run, restarted).
 *
 * A run's snapshot is a commit pinned by the ref refs/airunner/runs/<run-id>
 * (so `git gc` keeps its objects). Its tree:
 *
 *   paths        a blob: one record per recorded path, each record
 *                "<path>\0<perm>\0<keep>\0", in the order recorded. <perm>
 *                is the file's permission bits in octal ("644", "664",
 *                "755"; "" for a symlink or a missing file), which git's
 *                tree modes alone would lose. <keep> is, for a path that did
 *                not exist, its deepest folder that did exist ("" for the
 *                root): restore removes the folders the run created above a
 *                new file, and no others.
 *   wt/<path>    the work-tree file as it was, raw bytes (no filters), with
 *                its mode: 100644, 100755 or 120000 (a symlink: the target
 *                as the blob). Absent: the file did not exist.
 *   ix/<path>    the stage-0 index entry as it was: its blob id and mode
 *                (100644, 100755, 120000; 160000 for a submodule). Absent:
 *                the path was not in the index.
 *
 * Adding a path writes a new commit (no parent: the ref holds one commit,
 * the latest state) and moves the ref with a compare-and-swap, so every
 * snapshot_add is durable on its own and the snapshot grows one path at a
 * time. A path already recorded keeps its first record: the original is the
 * content before the run's first write, whatever the run did later.
 *
 * The index used is always the repository's own (.git/index), never a
 * GIT_INDEX_FILE or one given to repo_use_index: pass a struct repo that was
 * not given one.
 *
 * Paths are relative to the work tree's top and are trusted here: callers
 * check them first (exec/workspace.h workspace_check_path). Synchronous: run
 * off the loop.
 */
#ifndef AIRUNNER_GIT_SNAPSHOT_H
#define AIRUNNER_GIT_SNAPSHOT_H

#include <stdbool.h>
#include <stdint.h>

#include "git/repo.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/strv.h"

#define SNAPSHOT_REF_PREFIX "refs/airunner/runs/"

/* Appends the ref's name for run_id ("refs/airunner/runs/41") to out. */
void snapshot_ref_name(struct buf *out, int64_t run_id);

/*
 * Records the current state of path (work-tree content and mode, or absence;
 * index entry, or absence) into run_id's snapshot, creating the snapshot if
 * it is the first. A path already recorded: nothing to do (0). A folder at
 * path: ERR_INVALID_PARAMS. Conflicted index entries at path (stages 1-3):
 * ERR_CONFLICTS.
 */
int snapshot_add(struct repo *r, int64_t run_id, const char *path,
		 struct err *e);

/* Whether run_id has a snapshot (its ref exists). */
int snapshot_exists(struct repo *r, int64_t run_id, bool *exists,
		    struct err *e);

/* Appends the recorded paths to out, in the order recorded. No snapshot:
 * ERR_NOT_FOUND. */
int snapshot_paths(struct repo *r, int64_t run_id, struct strv *out,
		   struct err *e);

/*
 * Puts every recorded path back as it was: the work-tree file byte for byte
 * and mode for mode (one that did not exist is removed, with the folders the
 * run made for it), and its index entry (one that did not exist is removed
 * from the index). Other files and other index entries are not touched. The
 * ref stays (snapshot_drop removes it), so a restore interrupted half-way
 * can be run again; restoring twice is harmless. restored (may be NULL)
 * gets the recorded paths appended. No snapshot: ERR_NOT_FOUND.
 */
int snapshot_restore(struct repo *r, int64_t run_id, struct strv *restored,
		     struct err *e);

/* Removes run_id's ref (its objects go with the next gc). No snapshot: 0. */
int snapshot_drop(struct repo *r, int64_t run_id, struct err *e);

/*
 * Appends to out a unified diff (git's format, 3 lines of context, paths
 * a/ and b/) from the snapshot's originals to the work tree's current
 * content of the recorded paths: what the run changed so far (the "diff of
 * the previous attempt" in a retry prompt). At most `limit` bytes (0: out's
 * cap); over it, the diff is cut at a line and "... (diff cut)\n" ends it.
 */
int snapshot_diff(struct repo *r, int64_t run_id, size_t limit,
		  struct buf *out, struct err *e);

#endif
