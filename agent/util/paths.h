/*
 * paths: where the agent's socket and state live (DESIGN.md), and the one
 * check that a folder holding them is private to us. The server runs the
 * check before it listens, the client before it connects: a folder someone
 * else made (or made into a symlink) must never carry our requests.
 */
#ifndef AIRUNNER_PATHS_H
#define AIRUNNER_PATHS_H

#include <stdbool.h>

#include "util/buf.h"
#include "util/err.h"

/* The kind of every refusal below: the path exists but is not safely ours. */


/* $AIRUNNER_SOCKET, else $XDG_RUNTIME_DIR/airunner/agent.sock, else
 * /tmp/airunner-UID/agent.sock. Appended to out. */
void paths_socket_default(struct buf *out);

/* The folder for the agent's log: $XDG_STATE_HOME/airunner, else
 * ~/.local/state/airunner, else /tmp/airunner-UID. Appended to out. */
void paths_state_dir(struct buf *out);

/*
 * Succeeds when dir is a real directory (not a symlink), owned by our uid,
 * with no group or other permission bits. The checks are made on a
 * descriptor opened with O_NOFOLLOW, so a swap between look and open is
 * caught. A refusal has kind ERR_UNSAFE_SOCKET and names the folder and the
 * problem; a folder that cannot be looked at at all is ERR_IO (errno kept,
 * ENOENT when missing).
 */
int paths_check_private_dir(const char *dir, struct err *e);

/* Checks the folder of socket_path as above; with create, makes it (0700)
 * first when it does not exist. A path without a folder part passes. */
int paths_check_socket_dir(const char *socket_path, bool create,
			   struct err *e);

/* The first executable regular file named prog in a folder of $PATH (an
 * empty entry is "."), as `command -v` finds it, into out (reset first);
 * false, out empty, when there is none. */
bool paths_which(const char *prog, struct buf *out);

#endif
