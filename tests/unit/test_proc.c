/* proc: real children on the real default loop. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <errno.h>
#include <ev.h>
#include <fcntl.h>
#include <linux/sched.h> /* struct clone_args */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "proc/proc.h"

struct outcome {
	int done;
	enum proc_status status;
	int exit_code;
	int term_signal;
	char *output;
	bool truncated;
};

static void on_done(struct proc *p, struct proc_result *r, void *data)
{
	struct outcome *o = data;

	o->done++;
	o->status = r->status;
	o->exit_code = r->exit_code;
	o->term_signal = r->term_signal;
	o->truncated = r->truncated;
	o->output = buf_detach(&r->output, NULL);
}

static void outcome_release(struct outcome *o)
{
	free(o->output);
	memset(o, 0, sizeof(*o));
}

static void run(const char *const *argv, const struct proc_spec *extra,
		struct outcome *o)
{
	struct proc_spec spec = { 0 };
	struct err e = ERR_INIT;
	struct proc *p;

	if (extra)
		spec = *extra;
	spec.argv = argv;
	assert_int_equal(proc_spawn(&p, EV_DEFAULT, &spec, on_done, o, &e), 0);
	ev_run(EV_DEFAULT, 0);
	assert_int_equal(o->done, 1);
	err_clear(&e);
}

/* A process is gone when /proc has no entry or only a zombie waiting for
 * whoever reaps orphans here. */
static bool pid_state_gone(long pid)
{
	char path[64], line[256];
	FILE *f;
	bool gone = true;

	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	f = fopen(path, "r");
	if (!f)
		return true;
	if (fgets(line, sizeof(line), f)) {
		char *rp = strrchr(line, ')');

		gone = rp && rp[1] == ' ' && (rp[2] == 'Z' || rp[2] == 'X');
	}
	fclose(f);
	return gone;
}

/* SIGKILL is delivered asynchronously: the pipe closes on the way out a
 * moment before the process turns into a zombie, so give it that moment. */
static bool pid_gone(long pid)
{
	int i;

	for (i = 0; i < 500; i++) {
		if (pid_state_gone(pid))
			return true;
		usleep(10000);
	}
	return false;
}

static void test_exit_codes(void **state)
{
	const char *ok[] = { "true", NULL };
	const char *fail[] = { "sh", "-c", "exit 7", NULL };
	const char *sig[] = { "sh", "-c", "kill -SEGV $$", NULL };
	struct outcome o = { 0 };

	run(ok, NULL, &o);
	assert_int_equal(o.status, PROC_EXITED);
	assert_int_equal(o.exit_code, 0);
	outcome_release(&o);

	run(fail, NULL, &o);
	assert_int_equal(o.status, PROC_EXITED);
	assert_int_equal(o.exit_code, 7);
	outcome_release(&o);

	run(sig, NULL, &o);
	assert_int_equal(o.status, PROC_SIGNALED);
	assert_int_equal(o.term_signal, SIGSEGV);
	outcome_release(&o);
}

static void test_output_env_cwd(void **state)
{
	/* The argument with spaces and a quote arrives as one word: no
	 * shell is involved in passing it. */
	const char *argv[] = { "sh", "-c",
			       "printf '%s|%s|' \"$1\" \"$AIRUNNER_T\"; pwd; "
			       "echo err >&2; cat",
			       "sh", "a b'c", NULL };
	const char *env[] = { "AIRUNNER_T=x=y", NULL };
	struct proc_spec spec = { .env = env, .cwd = "/tmp" };
	struct outcome o = { 0 };

	run(argv, &spec, &o);
	assert_int_equal(o.exit_code, 0);
	/* cat read /dev/null: stdin is never the agent's. */
	assert_string_equal(o.output, "a b'c|x=y|/tmp\nerr\n");
	assert_false(o.truncated);
	outcome_release(&o);
}

/* A long-lived child spoken to: a line written to its stdin pipe comes
 * back through on_data while it runs; closing stdin ends it. */
struct talk {
	struct outcome o; /* first: on_done takes the talk as its outcome */
	struct buf got;
	int lines;
};

static void on_talk(struct proc *p, const char *s, size_t n, void *data)
{
	struct talk *t = data;

	buf_add(&t->got, s, n);
	if (memchr(s, '\n', n) && ++t->lines == 1) {
		/* The first answer: ask again, then say goodbye. */
		assert_int_equal(write(proc_stdin(p), "two\n", 4), 4);
		proc_close_stdin(p);
		assert_int_equal(proc_stdin(p), -1);
	}
}

static void test_stdin_pipe_streamed(void **state)
{
	const char *argv[] = { "sh", "-c",
			       "while read l; do echo \"got $l\"; done; "
			       "echo bye", NULL };
	struct proc_spec spec = { .argv = argv, .stdin_pipe = true,
				  .on_data = on_talk };
	struct talk t = { .lines = 0 };
	struct err e = ERR_INIT;
	struct proc *p;

	buf_init(&t.got, 0);
	assert_int_equal(proc_spawn(&p, EV_DEFAULT, &spec, on_done, &t, &e), 0);
	assert_true(proc_stdin(p) >= 0);
	assert_int_equal(write(proc_stdin(p), "one\n", 4), 4);
	ev_run(EV_DEFAULT, 0);
	assert_int_equal(t.o.done, 1);
	assert_int_equal(t.o.exit_code, 0);
	/* Streamed, not collected. */
	assert_string_equal(t.o.output, "");
	assert_string_equal(t.got.ptr, "got one\ngot two\nbye\n");
	buf_release(&t.got);
	outcome_release(&t.o);
	err_clear(&e);
}

static void test_output_cap(void **state)
{
	const char *argv[] = { "sh", "-c",
			       "head -c 300000 /dev/zero | tr '\\0' a; "
			       "echo; echo tail",
			       NULL };
	struct proc_spec spec = { .output_max = 1000 };
	struct outcome o = { 0 };

	run(argv, &spec, &o);
	assert_int_equal(o.status, PROC_EXITED);
	assert_int_equal(o.exit_code, 0); /* drained: the writer never blocked */
	assert_int_equal(strlen(o.output), 1000);
	assert_int_equal(o.output[999], 'a'); /* the head is kept */
	assert_true(o.truncated);
	outcome_release(&o);
}

static void test_timeout_kills_group(void **state)
{
	/* The grandchild holds the pipe too: only killing the group ends it. */
	const char *argv[] = { "sh", "-c", "sleep 100 & echo $!; sleep 100",
			       NULL };
	struct proc_spec spec = { .timeout = 0.3, .kill_grace = 0.3 };
	struct outcome o = { 0 };
	long grandchild;

	run(argv, &spec, &o);
	assert_int_equal(o.status, PROC_TIMED_OUT);
	assert_int_equal(o.term_signal, SIGTERM);
	grandchild = strtol(o.output, NULL, 10);
	assert_true(grandchild > 1);
	assert_true(pid_gone(grandchild));
	outcome_release(&o);
}

static void test_sigterm_ignored(void **state)
{
	const char *argv[] = { "sh", "-c", "trap '' TERM; sleep 100", NULL };
	struct proc_spec spec = { .timeout = 0.2, .kill_grace = 0.2 };
	struct outcome o = { 0 };

	run(argv, &spec, &o);
	assert_int_equal(o.status, PROC_TIMED_OUT);
	assert_int_equal(o.term_signal, SIGKILL);
	outcome_release(&o);
}

static void cancel_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
	proc_cancel(w->data);
}

static void test_cancel(void **state)
{
	const char *argv[] = { "sh", "-c", "sleep 100 & echo $!; wait", NULL };
	struct proc_spec spec = { .argv = argv, .kill_grace = 0.3 };
	struct outcome o = { 0 };
	struct err e = ERR_INIT;
	struct proc *p;
	ev_timer t;
	long leader;

	assert_int_equal(proc_spawn(&p, EV_DEFAULT, &spec, on_done, &o, &e), 0);
	ev_timer_init(&t, cancel_cb, 0.1, 0.);
	leader = proc_pid(p);
	t.data = p;
	ev_timer_start(EV_DEFAULT, &t);
	ev_run(EV_DEFAULT, 0);
	assert_int_equal(o.done, 1);
	assert_int_equal(o.status, PROC_CANCELLED);
	assert_true(pid_gone(strtol(o.output, NULL, 10)));
	assert_true(pid_gone(leader)); /* reaped by ev_child: no zombie */
	outcome_release(&o);
}

static void test_leader_exits_grandchild_holds_pipe(void **state)
{
	/* Leader done, a grandchild keeps the pipe: killed after the grace
	 * period, so the job ends and leaves nothing behind. */
	const char *argv[] = { "sh", "-c", "sleep 100 & echo $!", NULL };
	struct proc_spec spec = { .kill_grace = 0.2 };
	struct outcome o = { 0 };

	run(argv, &spec, &o);
	assert_int_equal(o.status, PROC_EXITED);
	assert_int_equal(o.exit_code, 0);
	assert_true(pid_gone(strtol(o.output, NULL, 10)));
	outcome_release(&o);
}

/*
 * What a check leaves behind must not outlive it (issue 8, item 3). Each
 * script records a descendant's pid in a file, since the descendant closes
 * its output and is invisible through the pipe.
 */
static char pid_file[64];

static long recorded_pid(void)
{
	FILE *f;
	long pid = 0;
	int i;

	/* The descendant writes its pid as it starts; give it that moment. */
	for (i = 0; i < 500 && pid <= 0; i++) {
		f = fopen(pid_file, "r");
		if (f) {
			if (fscanf(f, "%ld", &pid) != 1)
				pid = 0;
			fclose(f);
		}
		if (pid <= 0)
			usleep(10000);
	}
	unlink(pid_file);
	return pid;
}

/* Runs `sh -c script` with $0 = the pid file. */
static void run_script(const char *script, const struct proc_spec *extra,
		       struct outcome *o)
{
	const char *argv[] = { "sh", "-c", script, pid_file, NULL };

	snprintf(pid_file, sizeof(pid_file), "/tmp/airunner-test-proc-%d",
		 (int)getpid());
	unlink(pid_file);
	run(argv, extra, o);
}

static void test_timeout_kills_silent_grandchild(void **state)
{
	/* Same group, ignores SIGTERM, output redirected: the pipe closes when
	 * the leader dies, so only the group kill at the end can reach it. */
	struct proc_spec spec = { .timeout = 1.0, .kill_grace = 0.3 };
	struct outcome o = { 0 };
	long pid;

	run_script("(trap '' TERM; exec sleep 100) >/dev/null 2>&1 &"
		   " echo $! >\"$0\"; sleep 100",
		   &spec, &o);
	assert_int_equal(o.status, PROC_TIMED_OUT);
	pid = recorded_pid();
	assert_true(pid > 1);
	assert_true(pid_gone(pid));
	outcome_release(&o);
}

static void test_timeout_kills_setsid_grandchild(void **state)
{
	/* Its own session and group: out of reach of kill(-pgid). */
	struct proc_spec spec = { .timeout = 1.0, .kill_grace = 0.3 };
	struct outcome o = { 0 };
	long pid;

	/* The timeout is long enough for the grandchild to record its pid
	 * on a loaded machine; one killed before that leaves nothing to
	 * check. */
	run_script("setsid sh -c 'trap \"\" TERM; echo $$ >\"$0\";"
		   " exec sleep 100' \"$0\" >/dev/null 2>&1 &"
		   " until [ -s \"$0\" ]; do sleep 0.01; done; sleep 100",
		   &spec, &o);
	assert_int_equal(o.status, PROC_TIMED_OUT);
	pid = recorded_pid();
	assert_true(pid > 1);
	assert_true(pid_gone(pid));
	outcome_release(&o);
}

static void test_passing_check_leaves_nothing(void **state)
{
	/* The check passes at once; its background child lives on quietly. */
	struct outcome o = { 0 };
	long pid;

	run_script("sleep 100 >/dev/null 2>&1 & echo $! >\"$0\"; sleep 0.1",
		   NULL, &o);
	assert_int_equal(o.status, PROC_EXITED);
	assert_int_equal(o.exit_code, 0);
	pid = recorded_pid();
	assert_true(pid > 1);
	assert_true(pid_gone(pid));
	outcome_release(&o);
}

static void test_escapee_without_tag(void **state)
{
	/* New session and an empty environment: neither the group nor the tag
	 * finds it. Its parent (the check) exits, so it comes to us as the
	 * subreaper, and as no other child runs, it is ours to kill. */
	struct outcome o = { 0 };
	long pid;

	run_script("setsid env -i sh -c 'echo $$ >\"$1\"; exec sleep 100'"
		   " sh \"$0\" >/dev/null 2>&1 &"
		   " until [ -s \"$0\" ]; do sleep 0.01; done",
		   NULL, &o);
	assert_int_equal(o.status, PROC_EXITED);
	pid = recorded_pid();
	assert_true(pid > 1);
	assert_true(pid_gone(pid));
	outcome_release(&o);
}

/* Cancels once the descendant has recorded its pid (or after 5 s):
 * cancelled earlier, it dies unrecorded and the test has nothing to look
 * for. Process start-up on a loaded CI machine took longer than 0.2 s. */
static void cancel_when_recorded_cb(struct ev_loop *loop, ev_timer *w,
				    int revents)
{
	static int ticks;
	struct stat st;

	if ((stat(pid_file, &st) == 0 && st.st_size > 0) || ++ticks > 500) {
		ev_timer_stop(loop, w);
		proc_cancel(w->data);
	}
}

static void test_cancel_kills_setsid_grandchild(void **state)
{
	const char *argv[] = { "sh", "-c",
			       "setsid sh -c 'trap \"\" TERM; echo $$ >\"$0\";"
			       " exec sleep 100' \"$0\" >/dev/null 2>&1 & wait",
			       pid_file, NULL };
	struct proc_spec spec = { .argv = argv, .kill_grace = 0.3 };
	struct outcome o = { 0 };
	struct err e = ERR_INIT;
	struct proc *p;
	ev_timer t;
	long pid;

	snprintf(pid_file, sizeof(pid_file), "/tmp/airunner-test-proc-%d",
		 (int)getpid());
	unlink(pid_file);
	assert_int_equal(proc_spawn(&p, EV_DEFAULT, &spec, on_done, &o, &e), 0);
	ev_timer_init(&t, cancel_when_recorded_cb, 0.01, 0.01);
	t.data = p;
	ev_timer_start(EV_DEFAULT, &t);
	ev_run(EV_DEFAULT, 0);
	assert_int_equal(o.done, 1);
	assert_int_equal(o.status, PROC_CANCELLED);
	pid = recorded_pid();
	assert_true(pid > 1);
	assert_true(pid_gone(pid));
	outcome_release(&o);
}

static void test_missing_program(void **state)
{
	const char *argv[] = { "airunner-no-such-program", NULL };
	const char *empty[] = { NULL };
	struct proc_spec spec = { .argv = argv };
	struct outcome o = { 0 };
	struct err e = ERR_INIT;
	struct proc *p = NULL;

	assert_int_equal(proc_spawn(&p, EV_DEFAULT, &spec, on_done, &o, &e), -1);
	assert_int_equal(e.kind, ERR_NOT_FOUND);
	assert_non_null(strstr(e.msg.ptr, "airunner-no-such-program"));
	err_clear(&e);

	spec.argv = argv;
	spec.cwd = "/nonexistent-dir-for-airunner";
	argv[0] = "true";
	assert_int_equal(proc_spawn(&p, EV_DEFAULT, &spec, on_done, &o, &e), -1);
	err_clear(&e);

	spec.argv = empty;
	spec.cwd = NULL;
	assert_int_equal(proc_spawn(&p, EV_DEFAULT, &spec, on_done, &o, &e), -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS);
	err_clear(&e);
	ev_run(EV_DEFAULT, 0); /* nothing pending: returns at once */
	assert_int_equal(o.done, 0);
}

/*
 * The group kill never reaches a reused number (issue 13). The leader
 * exits while a setsid grandchild holds the pipe, so the group is empty
 * but the job goes on for the grace period, its SIGKILL timer still
 * aimed at the group. In that period an unrelated process takes the
 * leader's pid and makes it its group's id. Pids are only handed out on
 * request in a pid namespace of our own (clone3's set_tid), so the test
 * runs in one: a child of the test, pid 1 there, with its own /proc.
 */
#define REUSE_SKIP 77

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);
	ssize_t n = fd < 0 ? -1 : write(fd, text, strlen(text));

	if (fd >= 0)
		close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* A process with pid `pid` in a group of its own, waiting to be killed;
 * its pid, or -1 while the number is still taken. */
static pid_t start_decoy(pid_t pid)
{
	struct clone_args ca = { 0 };
	pid_t want = pid, r;

	ca.exit_signal = SIGCHLD;
	ca.set_tid = (uint64_t)(uintptr_t)&want;
	ca.set_tid_size = 1;
	r = (pid_t)syscall(SYS_clone3, &ca, sizeof(ca));
	if (r == 0) {
		setpgid(0, 0);
		for (;;)
			pause();
	}
	return r;
}

struct reuse {
	struct proc *p;
	pid_t leader, decoy;
	ev_timer poll;
	int polls;
};

/* As soon as the leader is reaped (and its empty group gone with it), a
 * decoy takes its number. Given up after 5 s, so a failure cannot hang. */
static void reuse_poll(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct reuse *r = w->data;

	if (++r->polls > 1000)
		ev_timer_stop(loop, w);
	else if (kill(r->leader, 0) == 0 || errno != ESRCH)
		return;
	else if ((r->decoy = start_decoy(r->leader)) > 0)
		ev_timer_stop(loop, w);
}

/* In the namespace: 0 when the decoy survived the job, else what failed. */
static int reuse_scenario(void)
{
	const char *argv[] = {
		"sh", "-c",
		"setsid sh -c ': >\"$0\"; exec sleep 30' \"$0\" &"
		" while ! [ -e \"$0\" ]; do sleep 0.01; done",
		pid_file, NULL };
	struct proc_spec spec = { .argv = argv, .kill_grace = 1.0 };
	struct outcome o = { 0 };
	struct reuse r = { 0 };
	struct err e = ERR_INIT;
	int rc;

	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0 ||
	    mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC,
		  NULL) < 0)
		return REUSE_SKIP;
	unlink(argv[3]);
	ev_loop_fork(EV_DEFAULT);
	if (proc_spawn(&r.p, EV_DEFAULT, &spec, on_done, &o, &e) < 0)
		return 2;
	r.leader = proc_pid(r.p);
	ev_timer_init(&r.poll, reuse_poll, 0.005, 0.005);
	r.poll.data = &r;
	ev_timer_start(EV_DEFAULT, &r.poll);
	ev_run(EV_DEFAULT, 0);
	unlink(argv[3]);
	if (o.done != 1 || o.status != PROC_EXITED)
		rc = 3;
	else if (r.decoy != r.leader)
		rc = 4; /* the number never came free in time */
	else if (pid_state_gone(r.decoy))
		rc = 5; /* the group kill reached the decoy */
	else
		rc = 0;
	outcome_release(&o);
	return rc;
}

static void test_group_kill_spares_reused_pgid(void **state)
{
	char map[64];
	uid_t uid = getuid();
	gid_t gid = getgid();
	int status;
	pid_t child;

	/* Named by the test's own pid: inside, every pid is small. */
	snprintf(pid_file, sizeof(pid_file), "/tmp/airunner-test-proc-%d",
		 (int)getpid());
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		pid_t init;

		if (unshare(CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNS) < 0)
			_exit(REUSE_SKIP);
		snprintf(map, sizeof(map), "0 %d 1", (int)uid);
		if (write_file("/proc/self/uid_map", map) < 0)
			_exit(REUSE_SKIP);
		snprintf(map, sizeof(map), "0 %d 1", (int)gid);
		if (write_file("/proc/self/setgroups", "deny") < 0 ||
		    write_file("/proc/self/gid_map", map) < 0)
			_exit(REUSE_SKIP);
		init = fork(); /* pid 1 of the new namespace */
		if (init == 0)
			_exit(reuse_scenario());
		if (init < 0 || waitpid(init, &status, 0) != init)
			_exit(REUSE_SKIP);
		_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 6);
	}
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == REUSE_SKIP) {
		print_message("no user and pid namespace here: skipped\n");
		skip();
	}
	switch (WEXITSTATUS(status)) {
	case 0:
		break;
	case 5:
		fail_msg("the group kill reached a process that took the "
			 "leader's number");
		break;
	default:
		fail_msg("the scenario failed with %d (2: spawn, 3: the job's "
			 "end, 4: the number never came free)",
			 WEXITSTATUS(status));
	}
}

#define MANY 40

static void test_many(void **state)
{
	struct outcome o[MANY];
	char code[MANY][8];
	struct err e = ERR_INIT;
	int i;

	memset(o, 0, sizeof(o));
	for (i = 0; i < MANY; i++) {
		/* "sh -c script word": the word is $0 */
		const char *argv[] = { "sh", "-c", "echo $0; exit $0", code[i],
				       NULL };
		struct proc_spec spec = { .argv = argv };
		struct proc *p;

		snprintf(code[i], sizeof(code[i]), "%d", i);
		assert_int_equal(
			proc_spawn(&p, EV_DEFAULT, &spec, on_done, &o[i], &e), 0);
	}
	ev_run(EV_DEFAULT, 0);
	for (i = 0; i < MANY; i++) {
		char want[16];

		snprintf(want, sizeof(want), "%d\n", i);
		assert_int_equal(o[i].done, 1);
		assert_int_equal(o[i].exit_code, i);
		assert_string_equal(o[i].output, want);
		outcome_release(&o[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_timeout_kills_silent_grandchild),
		cmocka_unit_test(test_timeout_kills_setsid_grandchild),
		cmocka_unit_test(test_passing_check_leaves_nothing),
		cmocka_unit_test(test_escapee_without_tag),
		cmocka_unit_test(test_cancel_kills_setsid_grandchild),
		cmocka_unit_test(test_exit_codes),
		cmocka_unit_test(test_output_env_cwd),
		cmocka_unit_test(test_stdin_pipe_streamed),
		cmocka_unit_test(test_output_cap),
		cmocka_unit_test(test_timeout_kills_group),
		cmocka_unit_test(test_sigterm_ignored),
		cmocka_unit_test(test_cancel),
		cmocka_unit_test(test_leader_exits_grandchild_holds_pipe),
		cmocka_unit_test(test_missing_program),
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_group_kill_spares_reused_pgid),
	};

	proc_adopt_orphans(); /* as the agent does */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
