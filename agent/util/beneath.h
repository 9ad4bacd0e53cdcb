/*
 * beneath: file operations relative to a root folder's descriptor that never
 * leave it and never follow a symlink on the way (exec/workspace for the
 * model's edits, git/snapshot for restoring). Paths are relative,
 * '/'-separated, already checked lexically by the caller (no "..", no
 * empty or absolute path). Results are errno-style, so each caller words its
 * own message: 0, or -1 with errno set (ELOOP: a component is a symlink;
 * ENOTDIR: a component is not a folder; ENOENT: missing).
 */
#ifndef AIRUNNER_BENEATH_H
#define AIRUNNER_BENEATH_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* How to resolve (`how` below): */
enum {
	/* Follow symlinks that stay beneath the root (openat2 only). */
	BENEATH_FOLLOW = 1 << 0,
	/* Never call openat2, as on a kernel without it (for tests). */
	BENEATH_BY_HAND = 1 << 1,
	/* beneath_open_parent: make the missing folders. */
	BENEATH_CREATE = 1 << 2,
};

/*
 * openat2(rootfd, path, flags, RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS |
 * (BENEATH_FOLLOW ? 0 : RESOLVE_NO_SYMLINKS)). Where the kernel lacks
 * openat2 (ENOSYS), or with BENEATH_BY_HAND: a walk one component at a time
 * with O_NOFOLLOW, refusing every symlink (ELOOP) even with BENEATH_FOLLOW.
 * Leaving the root through a symlink: EXDEV. Returns the descriptor.
 */
int beneath_open(int rootfd, const char *path, int flags, unsigned how);

/*
 * Opens (O_PATH | O_DIRECTORY) the folder holding path's last component,
 * following no symlink; with BENEATH_CREATE, missing folders are made (0755
 * less the umask), one at a time beneath rootfd. *leaf points at the last
 * component inside path. Returns the descriptor.
 */
int beneath_open_parent(int rootfd, const char *path, unsigned how,
			const char **leaf);

/*
 * Replaces the file leaf in the folder dirfd by data[0..len): a temp file
 * in that folder, written, fsync'ed, given its mode, renamed over leaf, and
 * the folder synced. mode: the permission bits to give it, or (mode_t)-1 for
 * "keep the existing file's bits; 0644 less the umask for a new file".
 * *created (may be NULL): leaf did not exist. leaf a symlink: ELOOP; a
 * folder: EISDIR (nothing written either way).
 */
int beneath_replace(int dirfd, const char *leaf, const void *data, size_t len,
		    mode_t mode, bool *created);

/* Replaces leaf in dirfd by a symlink to target (temp name, then rename).
 * leaf a folder: EISDIR. */
int beneath_symlink(int dirfd, const char *leaf, const char *target);

/* Removes the folders of path (its parents, deepest first) that are empty,
 * stopping at the first one that is not, or at keep (a prefix folder of
 * path, "" for the root), which is never removed. */
void beneath_prune(int rootfd, const char *path, const char *keep);

#endif
