/*
 * proc: child processes on the libev loop.
 *
 * A child is started with posix_spawn (no shell: argv is passed as is) in a
 * process group of its own, with stdin on /dev/null and stdout and stderr on
 * one pipe, so the captured text interleaves the way a terminal shows it.
 * The output is read without blocking into a buf with a cap: the head is
 * kept, the rest is read and dropped, and the result says it was truncated.
 *
 * A child is done only when it has exited AND its pipe reached EOF (tmux's
 * job.c): a grandchild that still holds the pipe keeps it alive, and is
 * killed with the group if it outlives the leader by more than the grace
 * period. Children are reaped by ev_child on the default loop; nothing here
 * calls waitpid(-1) or installs a SIGCHLD handler.
 *
 * A timeout or proc_cancel() kills the whole group: SIGTERM, then SIGKILL
 * after the grace period. When a child is done for any reason, whatever it
 * left running (in its group, or escaped with setsid but still carrying its
 * environment tag, or orphaned to us as subreaper) gets SIGKILL before the
 * callback runs: no process outlives its check.
 */
#ifndef AIRUNNER_PROC_H
#define AIRUNNER_PROC_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

struct ev_loop;
struct proc;

#define PROC_OUTPUT_MAX_DEFAULT ((size_t)1 << 20)
#define PROC_KILL_GRACE_DEFAULT 2.0
/* Every child's environment carries PROC_TAG_NAME=AGENTPID-SEQ, by which
 * its descendants are found when it is done (sweep.h). */
#define PROC_TAG_NAME "AIRUNNER_PROC"

struct proc_spec {
	/* NULL-terminated; argv[0] is looked up in PATH when it has no '/'.
	 * Borrowed: copied by proc_spawn. */
	const char *const *argv;
	/* NULL-terminated "KEY=VALUE" strings added to (or replacing in) the
	 * agent's environment; NULL for none. Borrowed. */
	const char *const *env;
	const char *cwd;     /* NULL: the agent's cwd. Borrowed. */
	size_t output_max;   /* 0: PROC_OUTPUT_MAX_DEFAULT */
	double timeout;      /* seconds; 0: none */
	double kill_grace;   /* seconds from SIGTERM to SIGKILL; 0: default */
	/* A long-lived child spoken to (verify's resident workers): stdin is
	 * a pipe whose write end proc_stdin() gives, and with on_data set the
	 * output goes to on_data as it comes (the result's output stays
	 * empty). Both off: stdin is /dev/null, the output is collected. */
	bool stdin_pipe;
	void (*on_data)(struct proc *p, const char *s, size_t n, void *data);
};

enum proc_status {
	PROC_EXITED,    /* exit_code is set */
	PROC_SIGNALED,  /* killed by a signal we did not send: term_signal */
	PROC_TIMED_OUT, /* we killed it at its timeout */
	PROC_CANCELLED, /* we killed it for proc_cancel() */
};

struct proc_result {
	enum proc_status status;
	int exit_code;   /* PROC_EXITED only; else -1 */
	int term_signal; /* the signal that ended it, or 0 */
	struct buf output; /* stdout and stderr, at most output_max bytes */
	bool truncated;    /* more output came than output_max */
	double duration;   /* seconds from spawn to done */
};

/* Called once when the child is done. The result (and its output buf) is
 * the callback's to read; it may take the output with buf_detach(). The
 * proc is freed right after the callback returns: do not keep p. */
typedef void (*proc_done_fn)(struct proc *p, struct proc_result *r,
			     void *data);

/*
 * Starts a child. loop must be the default loop (ev_child only works
 * there). Returns 0 and *out (owned by the loop until done; the caller may
 * keep it only to call proc_cancel before done), or -1 with e set when the
 * child cannot be started: a missing program is ERR_NOT_FOUND ("spawn"
 * failures of other kinds are "spawn"). fn is never called on failure.
 */
int proc_spawn(struct proc **out, struct ev_loop *loop,
	       const struct proc_spec *spec, proc_done_fn fn, void *data,
	       struct err *e);

/* Kills the child's group (SIGTERM, then SIGKILL after the grace period);
 * its callback still comes, later, with PROC_CANCELLED. Only valid before the
 * callback ran; a second call does nothing. */
void proc_cancel(struct proc *p);

/* Makes this process the child subreaper (Linux): descendants orphaned by
 * a child's death come to us, not to init, so they can be found and
 * killed. Call once, early, in a process that runs children. */
void proc_adopt_orphans(void);
/* Kills what dead processes' children left running (an agent or a hook
 * killed with SIGKILL mid-check): ours only, found by the tag every child
 * carries. Call at start. Returns how many. */
int proc_kill_leftovers(void);

/* The write end of the child's stdin (non-blocking; owned by the proc,
 * closed when it is done), or -1 without spec.stdin_pipe or after
 * proc_close_stdin(). */
int proc_stdin(const struct proc *p);
/* Closes the child's stdin: it reads end of file. */
void proc_close_stdin(struct proc *p);

/* The child's pid (also its process group id). */
int proc_pid(const struct proc *p);

#endif
