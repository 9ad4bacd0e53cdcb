#include "proc/proc.h"

#include <errno.h>
#include <ev.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "proc/sweep.h"
#include "util/log.h"
#include "util/mem.h"

extern char **environ;

struct proc {
	struct ev_loop *loop;
	pid_t pid;
	int fd; /* read end of the output pipe, -1 after EOF */
	int in; /* write end of the stdin pipe, or -1 */
	void (*on_data)(struct proc *, const char *, size_t, void *);
	ev_child child_w;
	ev_io io_w;
	ev_timer timeout_w;
	ev_timer kill_w; /* SIGKILL after SIGTERM; or the drain limit */
	bool exited;
	bool timed_out;
	bool cancelled;
	bool killing;
	int kill_rounds; /* SIGKILLs sent after the leader exited */
	int sweeps;      /* passes after done, while leftovers die */
	char *tag;       /* PROC_TAG_NAME=agentpid-seq, in the child's env */
	unsigned long long since; /* the leader's start time */
	int wstatus;
	double start;
	double kill_grace;
	size_t output_max;
	struct proc_result res;
	proc_done_fn fn;
	void *data;
};

/* Children not yet done: leftovers that no tag or group ties to a child
 * are killed only when none is running (sweep.h). */
static unsigned live_count;
static unsigned long long tag_seq;

void proc_adopt_orphans(void)
{
	/* Descendants whose parent dies come to us instead of init: libev
	 * reaps them, and proc_sweep_pass finds them by their parent. */
	if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) < 0)
		log_warn("cannot become a child subreaper: %s",
			 strerror(errno));
}

int proc_stdin(const struct proc *p)
{
	return p->in;
}

void proc_close_stdin(struct proc *p)
{
	if (p->in >= 0)
		close(p->in);
	p->in = -1;
}

int proc_pid(const struct proc *p)
{
	return p->pid;
}

/* environ with spec->env laid over it; the strings are borrowed, the array
 * is the caller's to free. */
static char **env_merge(const char *const *add, char *tag)
{
	size_t n = 0, nadd = 0, i, j, k = 0;
	char **envp;

	while (environ[n])
		n++;
	while (add && add[nadd])
		nadd++;
	envp = xcalloc(n + nadd + 2, sizeof(*envp));
	for (i = 0; i < n; i++) {
		const char *eq = strchr(environ[i], '=');
		size_t klen = eq ? (size_t)(eq - environ[i]) : strlen(environ[i]);
		bool replaced = false;

		/* Our own tag, inherited when the agent runs under a check
		 * (tests do), gives way to the child's. */
		replaced = klen == strlen(PROC_TAG_NAME) &&
			   !strncmp(environ[i], PROC_TAG_NAME, klen);
		for (j = 0; j < nadd && !replaced; j++)
			replaced = !strncmp(add[j], environ[i], klen) &&
				   add[j][klen] == '=';
		if (!replaced)
			envp[k++] = environ[i];
	}
	for (j = 0; j < nadd; j++)
		envp[k++] = (char *)add[j];
	envp[k++] = tag; /* last, where sweep.c looks first */
	return envp;
}

static void proc_free(struct proc *p)
{
	free(p->tag);
	free(p);
}

/* One pass over what p left; true when something was still there. */
static bool proc_sweep(struct proc *p)
{
	struct sweep_target t = {
		.pgid = p->pid,
		.tag = p->tag,
		.since = p->since,
		.strays = live_count == 0,
	};

	return proc_sweep_pass(&t) > 0;
}

/* After done: SIGKILLed leftovers take a moment to die, and their own
 * children come to us (the subreaper) only then; pass again until nothing
 * is left, for at most a second. The timer keeps the loop alive, so a
 * short-lived caller (the hook) does not exit before it is done. */
static void on_sweep_timer(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct proc *p = w->data;

	if (proc_sweep(p) && ++p->sweeps < 50)
		return;
	if (p->sweeps >= 50)
		log_warn("processes left by pid %d would not die", (int)p->pid);
	ev_timer_stop(loop, w);
	proc_free(p);
}

static void proc_finish(struct proc *p)
{
	struct proc_result *r = &p->res;
	bool leftovers;

	ev_child_stop(p->loop, &p->child_w);
	ev_io_stop(p->loop, &p->io_w);
	ev_timer_stop(p->loop, &p->timeout_w);
	ev_timer_stop(p->loop, &p->kill_w);
	if (p->fd >= 0)
		close(p->fd);
	p->fd = -1;
	proc_close_stdin(p);

	r->exit_code = -1;
	r->term_signal = WIFSIGNALED(p->wstatus) ? WTERMSIG(p->wstatus) : 0;
	if (p->timed_out)
		r->status = PROC_TIMED_OUT;
	else if (p->cancelled)
		r->status = PROC_CANCELLED;
	else if (WIFEXITED(p->wstatus)) {
		r->status = PROC_EXITED;
		r->exit_code = WEXITSTATUS(p->wstatus);
	} else
		r->status = PROC_SIGNALED;
	r->duration = ev_time() - p->start;

	/*
	 * No process outlives its check: whatever the check left (a
	 * background child of a check that passed, a grandchild that ignored
	 * SIGTERM and closed its output, a setsid escapee) gets SIGKILL now,
	 * before the result goes out. The leader is reaped by now, so its
	 * group id is not used as such: proc_sweep_pass kills members one by
	 * one, and only those it can tie to this child (sweep.h).
	 */
	live_count--;
	leftovers = proc_sweep(p);

	p->fn(p, r, p->data);
	buf_release(&r->output);
	if (!leftovers) {
		proc_free(p);
		return;
	}
	ev_set_cb(&p->kill_w, on_sweep_timer);
	ev_timer_set(&p->kill_w, 0.02, 0.02);
	ev_timer_start(p->loop, &p->kill_w);
}

static void proc_maybe_finish(struct proc *p)
{
	if (p->exited && p->fd < 0)
		proc_finish(p);
}

static void proc_kill_group(struct proc *p, int sig)
{
	/* The group outlives its leader while a member lives: the kernel keeps
	 * the number allocated while it names a live group. Once the leader is
	 * reaped, a process holding that number again means every member is
	 * gone and the number was reused (perhaps for someone else's group):
	 * never signal it. */
	if (p->exited && (kill(p->pid, 0) == 0 || errno != ESRCH))
		return;
	if (kill(-p->pid, sig) < 0 && errno == ESRCH && !p->exited)
		kill(p->pid, sig);
}

static void on_output(struct ev_loop *loop, ev_io *w, int revents)
{
	struct proc *p = w->data;
	char chunk[16384];

	for (;;) {
		ssize_t n = read(p->fd, chunk, sizeof(chunk));

		if (n > 0 && p->on_data) {
			p->on_data(p, chunk, (size_t)n, p->data);
			continue;
		}
		if (n > 0) {
			size_t room = p->output_max - p->res.output.len;
			size_t keep = (size_t)n < room ? (size_t)n : room;

			if (keep)
				buf_add(&p->res.output, chunk, keep);
			if (keep < (size_t)n)
				p->res.truncated = true;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return;
		break; /* EOF, or an error that will not go away */
	}
	ev_io_stop(loop, w);
	close(p->fd);
	p->fd = -1;
	proc_maybe_finish(p);
}

static void on_kill_timer(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct proc *p = w->data;

	proc_kill_group(p, SIGKILL);
	if (p->exited && p->fd >= 0 && p->kill_rounds++ > 0) {
		/* The leader is gone, the group was sent SIGKILL a grace
		 * period ago, and something outside our reach (a grandchild
		 * that left the group) still holds the pipe: stop waiting. */
		ev_io_stop(loop, &p->io_w);
		close(p->fd);
		p->fd = -1;
	}
	/* The timer repeats until the job is done. */
	proc_maybe_finish(p);
}

static void proc_start_kill(struct proc *p)
{
	if (p->killing)
		return;
	p->killing = true;
	proc_kill_group(p, SIGTERM);
	ev_timer_stop(p->loop, &p->kill_w);
	ev_timer_set(&p->kill_w, p->kill_grace, p->kill_grace);
	ev_timer_start(p->loop, &p->kill_w);
}

static void on_timeout(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct proc *p = w->data;

	if (p->exited || p->cancelled)
		return;
	p->timed_out = true;
	proc_start_kill(p);
}

void proc_cancel(struct proc *p)
{
	if (p->cancelled || p->timed_out)
		return;
	p->cancelled = true;
	proc_start_kill(p);
}

static void on_child(struct ev_loop *loop, ev_child *w, int revents)
{
	struct proc *p = w->data;

	p->wstatus = w->rstatus;
	p->exited = true;
	ev_child_stop(loop, w);
	ev_timer_stop(loop, &p->timeout_w);
	if (p->fd >= 0 && !ev_is_active(&p->kill_w)) {
		/* Output still open: give the rest of the group the grace
		 * period to finish writing, then kill it. */
		ev_timer_set(&p->kill_w, p->kill_grace, p->kill_grace);
		ev_timer_start(loop, &p->kill_w);
	}
	proc_maybe_finish(p);
}

int proc_spawn(struct proc **out, struct ev_loop *loop,
	       const struct proc_spec *spec, proc_done_fn fn, void *data,
	       struct err *e)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t none, all;
	struct buf tag = BUF_INIT;
	char **envp = NULL;
	int pfd[2] = { -1, -1 }, ifd[2] = { -1, -1 };
	struct proc *p = NULL;
	pid_t pid;
	int rc, r = -1;
	bool fa_ok = false, attr_ok = false;

	if (!spec->argv || !spec->argv[0] || !spec->argv[0][0])
		return err_set(e, ERR_INVALID_PARAMS, "empty command");
	if (!ev_is_default_loop(loop))
		return err_set(e, ERR_INTERNAL,
			       "children need the default loop (ev_child)");
	if (pipe2(pfd, O_CLOEXEC) < 0)
		return err_set_errno(e, ERR_SPAWN, "pipe");
	if (fcntl(pfd[0], F_SETFL, O_NONBLOCK) < 0) {
		err_set_errno(e, ERR_SPAWN, "fcntl");
		goto out;
	}
	/* Written to without blocking the loop. */
	if (spec->stdin_pipe && (pipe2(ifd, O_CLOEXEC) < 0 ||
				 fcntl(ifd[1], F_SETFL, O_NONBLOCK) < 0)) {
		err_set_errno(e, ERR_SPAWN, "stdin pipe");
		goto out;
	}

	if ((rc = posix_spawn_file_actions_init(&fa)) != 0)
		goto spawn_err;
	fa_ok = true;
	if ((rc = ifd[0] >= 0
			  ? posix_spawn_file_actions_adddup2(&fa, ifd[0], 0)
			  : posix_spawn_file_actions_addopen(&fa, 0, "/dev/null",
							     O_RDONLY, 0)) ||
	    (rc = posix_spawn_file_actions_adddup2(&fa, pfd[1], 1)) ||
	    (rc = posix_spawn_file_actions_adddup2(&fa, pfd[1], 2)) ||
	    /* Whatever the agent holds open without CLOEXEC stays home. */
	    (rc = posix_spawn_file_actions_addclosefrom_np(&fa, 3)))
		goto spawn_err;
	if (spec->cwd &&
	    (rc = posix_spawn_file_actions_addchdir_np(&fa, spec->cwd)))
		goto spawn_err;
	if ((rc = posix_spawnattr_init(&attr)) != 0)
		goto spawn_err;
	attr_ok = true;
	sigemptyset(&none);
	sigfillset(&all);
	if ((rc = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP |
						   POSIX_SPAWN_SETSIGMASK |
						   POSIX_SPAWN_SETSIGDEF)) ||
	    (rc = posix_spawnattr_setpgroup(&attr, 0)) ||
	    (rc = posix_spawnattr_setsigmask(&attr, &none)) ||
	    (rc = posix_spawnattr_setsigdefault(&attr, &all)))
		goto spawn_err;

	buf_addf(&tag, "%s=%d-%llu", PROC_TAG_NAME, (int)getpid(), ++tag_seq);
	envp = env_merge(spec->env, tag.ptr);
	rc = posix_spawnp(&pid, spec->argv[0], &fa, &attr,
			  (char *const *)spec->argv, envp);
	if (rc != 0) {
		if (rc == ENOENT || rc == EACCES || rc == ENOTDIR)
			err_set(e, rc == ENOENT ? ERR_NOT_FOUND : ERR_SPAWN,
				"cannot run %s%s%s: %s", spec->argv[0],
				spec->cwd ? " in " : "",
				spec->cwd ? spec->cwd : "", strerror(rc));
		else
			err_set(e, ERR_SPAWN, "cannot run %s: %s",
				spec->argv[0], strerror(rc));
		goto out;
	}
	close(pfd[1]);
	pfd[1] = -1;

	p = xcalloc(1, sizeof(*p));
	p->loop = loop;
	p->pid = pid;
	p->fd = pfd[0];
	pfd[0] = -1;
	p->in = ifd[1];
	ifd[1] = -1;
	p->on_data = spec->on_data;
	p->start = ev_time();
	p->tag = buf_detach(&tag, NULL);
	p->since = proc_sweep_starttime(pid);
	live_count++;
	p->kill_grace = spec->kill_grace > 0 ? spec->kill_grace
					     : PROC_KILL_GRACE_DEFAULT;
	p->output_max = spec->output_max ? spec->output_max
					 : PROC_OUTPUT_MAX_DEFAULT;
	buf_init(&p->res.output, p->output_max);
	p->fn = fn;
	p->data = data;

	/* Started before we return to the loop, so the child's SIGCHLD
	 * cannot be handled (and its status lost) before we watch for it. */
	ev_child_init(&p->child_w, on_child, pid, 0);
	p->child_w.data = p;
	ev_child_start(loop, &p->child_w);
	ev_io_init(&p->io_w, on_output, p->fd, EV_READ);
	p->io_w.data = p;
	ev_io_start(loop, &p->io_w);
	ev_init(&p->kill_w, on_kill_timer);
	p->kill_w.data = p;
	ev_init(&p->timeout_w, on_timeout);
	p->timeout_w.data = p;
	if (spec->timeout > 0) {
		ev_timer_set(&p->timeout_w, spec->timeout, 0.);
		ev_timer_start(loop, &p->timeout_w);
	}
	*out = p;
	r = 0;
	goto out;

spawn_err:
	err_set(e, ERR_SPAWN, "cannot set up %s: %s", spec->argv[0],
		strerror(rc));
out:
	if (fa_ok)
		posix_spawn_file_actions_destroy(&fa);
	if (attr_ok)
		posix_spawnattr_destroy(&attr);
	free(envp);
	buf_release(&tag);
	if (pfd[0] >= 0)
		close(pfd[0]);
	if (pfd[1] >= 0)
		close(pfd[1]);
	if (ifd[0] >= 0)
		close(ifd[0]);
	if (ifd[1] >= 0)
		close(ifd[1]);
	return r;
}

int proc_kill_leftovers(void)
{
	return proc_sweep_dead_owners(PROC_TAG_NAME);
}
