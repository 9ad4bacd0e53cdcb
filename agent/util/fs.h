/* fs: small file-system helpers shared by the commands and the agent. */
#ifndef AIRUNNER_FS_H
#define AIRUNNER_FS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "util/buf.h"
#include "util/err.h"

/* mkdir -p: creates path and its missing parents. Parents get 0755 (less the
 * umask), the last component `mode`; an existing folder is fine. 0, or -1
 * with e set (kind ERR_IO, naming the folder that could not be made). */
int fs_mkdirs(const char *path, mode_t mode, struct err *e);

/* Reads the whole of the regular file at path into out (appending), for
 * files that someone else may have put there (a repo's settings, pattern
 * files, a client's paths). The file is opened with O_NONBLOCK, so a FIFO
 * never blocks the loop in open(), and its type and size are checked with
 * fstat on the open descriptor: anything but a regular file (a FIFO, a
 * device, a folder, a socket) is refused by name, and so is a file over
 * `limit` bytes (0: no limit beyond out's own cap), before a byte is read.
 * Symlinks are followed (a link to a regular file is fine). 0, or -1 with e
 * set: ERR_NOT_FOUND for a missing file, ERR_TOO_BIG over the limit, ERR_IO
 * otherwise; the message names the path. */
int fs_read_regular(struct buf *out, const char *path, size_t limit,
		    struct err *e);

/* The same checks for a file that another library will open by path itself
 * (libgit2's index, for one): 0 if path is a regular file of at most `limit`
 * bytes (0: any size), else -1 with e set as above. The file may change
 * between this check and the other library's open(): callers say in a
 * comment what that window allows. */
int fs_check_regular(const char *path, size_t limit, struct err *e);

/* Appends dir[0..dir_len) joined with rel to out, "." and ".." resolved in
 * both (an absolute rel stands alone; dir may end in '/' or be empty). False,
 * out as it was, when a ".." climbs above a relative path's start ("a" and
 * "../../b"); above "/" it stays at "/". */
bool fs_path_join(struct buf *out, const char *dir, size_t dir_len,
		  const char *rel);

#endif
