/*
 * exec/workspace: the edit tools' file operations, confined beneath a work
 * tree. What the model asks for (read, write, replace a snippet, delete,
 * list, search) goes through here and nowhere else.
 *
 * Every path is relative to the work tree's top, '/'-separated, as git names
 * them ("src/a.ts"; "./src//a.ts" is taken as "src/a.ts"; "src/", a folder,
 * is ERR_INVALID_PARAMS where a file is meant). A path is refused
 * with ERR_OUTSIDE_WORKSPACE, a message naming the path and the rule, and
 * nothing touched, when:
 *   - it is empty, absolute, or has a ".." component;
 *   - any component is named .git (in any case: ".GIT/config" too);
 *   - its first component is airunner's own configuration, `.airunner`
 *     (in any case);
 *   - resolving it would leave the work tree (a symlink leading out, file or
 *     folder): the kernel checks this with openat2(RESOLVE_BENEATH |
 *     RESOLVE_NO_MAGICLINKS); where openat2 is missing (ENOSYS) a by-hand
 *     walk opens one component at a time with O_NOFOLLOW and refuses every
 *     symlink;
 *   - it reaches a file under .git or .airunner through a symlink inside the
 *     work tree (reads resolve the link and apply the rules to its target);
 *   - for a modification (write, replace, delete): any component is a
 *     symlink at all. Writes never follow links, so a link inside the tree
 *     cannot redirect one; the message names the link and says to edit the
 *     real path.
 *
 * Modifications: the caller's before_write hook (workspace_set_hook) is
 * called once per path, before that path's first modification through this
 * workspace (the lead snapshots the original there); if it fails, nothing is
 * modified and its error is returned. workspace_touched() lists the paths
 * modified so far.
 *
 * Everything here is synchronous file-system work on a local work tree: the
 * caller runs it off the loop (job_offload) when the files may be large.
 * A struct workspace is used by one thread at a time.
 */
#ifndef AIRUNNER_EXEC_WORKSPACE_H
#define AIRUNNER_EXEC_WORKSPACE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "util/buf.h"
#include "util/err.h"
#include "util/strv.h"

struct workspace;

/* Flags for workspace_open. */
enum {
	/* Never call openat2; always use the by-hand walk (what a kernel
	 * without openat2 gets). For tests of the fallback. */
	WORKSPACE_NO_OPENAT2 = 1 << 0,
};

/*
 * Called before the first modification of `path` (normalised, relative to
 * the root). Returns 0 to let the modification happen, or -1 with e set to
 * stop it (the error is returned to the caller of the write as is).
 */
typedef int (*workspace_before_write_fn)(const char *path, void *ud,
					 struct err *e);

/* Opens a workspace on root (a folder: the top of a git work tree; holds an
 * O_PATH|O_DIRECTORY descriptor on it, so a later rename of root does not
 * redirect anything). flags: WORKSPACE_* or 0. *out is freed with
 * workspace_free(). */
int workspace_open(struct workspace **out, const char *root, unsigned flags,
		   struct err *e);
void workspace_free(struct workspace *ws);

/* Sets (or, with fn NULL, clears) the before_write hook. ud is the caller's;
 * it must outlive the workspace or the next call. */
void workspace_set_hook(struct workspace *ws, workspace_before_write_fn fn,
			void *ud);

/* Checks path against the lexical rules above (not the file system) and
 * appends its normalised form to norm (may be NULL). 0, or -1 with
 * ERR_OUTSIDE_WORKSPACE. */
int workspace_check_path(const char *path, struct buf *norm, struct err *e);

struct workspace_file {
	bool exists;	  /* false: no such file (nothing else is set) */
	mode_t mode;	  /* st_mode of the file: S_IFREG | permissions */
	struct buf content; /* the bytes, as on disk (no filters) */
};

#define WORKSPACE_FILE_INIT { false, 0, BUF_INIT }

void workspace_file_release(struct workspace_file *f);

/*
 * Reads path into *out (content appended to out->content). A missing file (or
 * a missing folder on the way) is not an error: out->exists is false. Not a
 * regular file (a folder, a FIFO, a device): ERR_INVALID_PARAMS. Over
 * `limit` bytes (0: out->content's own cap): ERR_TOO_BIG, before a byte is
 * read. Symlinks inside the work tree are followed (see the rules above).
 */
int workspace_read(struct workspace *ws, const char *path, size_t limit,
		   struct workspace_file *out, struct err *e);

/*
 * Writes data[0..len) as the whole content of path: a temp file in the same
 * folder, written, fsync'ed, then renamed over path (a reader never sees half
 * a file; a crash leaves the old or the new content). An existing file keeps
 * its permission bits (a 0755 script stays executable); a new file gets 0644
 * less the umask; missing parent folders are created (0755 less the umask),
 * beneath the root only. Path being a folder: ERR_INVALID_PARAMS.
 * *created (may be NULL) says whether the file is new.
 */
int workspace_write(struct workspace *ws, const char *path, const void *data,
		    size_t len, bool *created, struct err *e);

/*
 * Replaces the one exact occurrence of old (old_len > 0 bytes) in path by
 * new, and writes the file as workspace_write does. Refused with
 * ERR_INVALID_PARAMS, file untouched, when old occurs zero times ("not
 * found in PATH; the nearest line alike is line N: ..." when one looks
 * close) or several times ("occurs K times in PATH, at lines a, b, ...:
 * include more of the surrounding text so it matches once"). A missing
 * file: ERR_NOT_FOUND. limit as for workspace_read (0: no limit beyond the
 * buffer's cap).
 */
int workspace_replace(struct workspace *ws, const char *path, const char *old,
		      size_t old_len, const char *new_text, size_t new_len,
		      size_t limit, struct err *e);

/* Removes the file path (a symlink inside the tree is refused like any
 * modification through a link). Missing: ERR_NOT_FOUND. A folder:
 * ERR_INVALID_PARAMS. Folders it leaves empty are removed too, up to (not
 * including) the root, as git would leave no trace of them. */
int workspace_delete(struct workspace *ws, const char *path, struct err *e);

/* Appends to out, sorted, every file git sees in the work tree (tracked, and
 * untracked but not ignored: git/repo.h REPO_FILES_ALL) under the folder
 * `under` ("" or NULL: everywhere; the folder itself must pass the rules),
 * leaving out the paths the rules refuse (.airunner). */
int workspace_list(struct workspace *ws, const char *under, struct strv *out,
		   struct err *e);

struct workspace_search_result {
	size_t matches;	  /* lines written to out */
	bool truncated;	  /* max_matches reached: there may be more */
	size_t skipped;	  /* files skipped: binary (a NUL byte), or too big */
};

/*
 * Searches the files workspace_list(under) gives for lines matching the
 * PCRE2 pattern (UTF-8 when valid, else bytes), appending to out one line per
 * match: "path:LINE: text\n" (LINE from 1; text cut at 200 bytes with
 * "..."), files in order, at most max_matches lines (0: 100). Files over
 * 1 MiB and binary files are skipped. A bad pattern: ERR_INVALID_PARAMS
 * naming the offset and PCRE2's message.
 */
int workspace_search(struct workspace *ws, const char *pattern,
		     const char *under, size_t max_matches, struct buf *out,
		     struct workspace_search_result *res, struct err *e);

/* The paths modified through this workspace so far (each once, in the order
 * of their first modification). Owned by ws. */
const struct strv *workspace_touched(const struct workspace *ws);

#endif
