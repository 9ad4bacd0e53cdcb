/*
 * sweep: finds what a child left behind, by looking at /proc (Linux).
 * Internal to proc/: proc.c runs a pass when a child is done.
 *
 * A check's descendants are found three ways, because each one alone can be
 * escaped: by process group (what setsid or setpgid leaves), by the tag
 * proc.c puts in every child's environment (what `env -i` drops, but a
 * setsid grandchild keeps), and, with the agent as child subreaper, by being
 * an orphan adopted by us (whatever escaped both, once its parent died).
 */
#ifndef AIRUNNER_PROC_SWEEP_H
#define AIRUNNER_PROC_SWEEP_H

#include <stdbool.h>
#include <sys/types.h>

struct sweep_target {
	pid_t pgid;    /* the child's process group (its leader's pid) */
	/* "NAME=VALUE" as it stands in a descendant's environment. Borrowed. */
	const char *tag;
	/* The leader's start (clock ticks after boot, /proc/PID/stat field
	 * 22): nothing older is a descendant, so a recycled group id or a
	 * process from before cannot match. */
	unsigned long long since;
	/* Also kill untagged orphans of ours started since then: set when no
	 * other child is running that could own them. */
	bool strays;
};

/* One pass: SIGKILL to every live process of our uid that matches t.
 * Returns how many matched (killed now, or killed before and not yet
 * gone); 0 means nothing of t's is left. */
int proc_sweep_pass(const struct sweep_target *t);

/* SIGKILL to every process of our uid whose environment carries the tag
 * name=<pid>-<seq> of an owner that no longer exists (an agent killed with
 * SIGKILL leaves its checks running). Returns how many. */
int proc_sweep_dead_owners(const char *name);

/* The start time of pid (as `since` above), or 0 when unknown. */
unsigned long long proc_sweep_starttime(pid_t pid);

#endif
