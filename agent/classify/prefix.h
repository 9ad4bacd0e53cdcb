/*
 * classify_relay (classify.h) with what a task runner says about where its
 * tasks ran. Private to classify/.
 */
#ifndef AIRUNNER_CLASSIFY_PREFIX_H
#define AIRUNNER_CLASSIFY_PREFIX_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

/* From byte `at` of the relayed text on, the lines are one task's, run in
 * folder dir (owned; NULL: not told). pnpm's label names the folder
 * ("apps/web lint: "); under other runners the task's own npm lines do
 * ("npm error path /p/apps/web"). */
struct cl_task_dir {
	size_t at;
	char *dir;
};

struct cl_task_dirs {
	struct cl_task_dir *v;
	size_t n, alloc;
};

#define CL_TASK_DIRS_INIT { NULL, 0, 0 }

/* classify_relay, and into *dirs (may be NULL) the folders of the tasks a
 * task runner ran, when it labelled their lines. */
bool cl_relay(const char *text, size_t len, struct buf *out,
	      struct cl_task_dirs *dirs);
void cl_task_dirs_release(struct cl_task_dirs *d);

#endif
