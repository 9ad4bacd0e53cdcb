/* fs: small file-system helpers shared by the commands and the agent. */
#ifndef AIRUNNER_FS_H
#define AIRUNNER_FS_H

#include <sys/types.h>

#include "util/err.h"

/* mkdir -p: creates path and its missing parents. Parents get 0755 (less the
 * umask), the last component `mode`; an existing folder is fine. 0, or -1
 * with e set (kind ERR_IO, naming the folder that could not be made). */
int fs_mkdirs(const char *path, mode_t mode, struct err *e);

#endif
