#include "proc/sweep.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"

struct pinfo {
	char state;
	pid_t ppid, pgrp;
	unsigned long long start;
};

/* Fields 3, 4, 5 and 22 of /proc/PID/stat; the name (field 2) may hold
 * spaces and parentheses, so parsing starts after its last ')'. */
static int read_stat(pid_t pid, struct pinfo *pi)
{
	struct buf path = BUF_INIT, text = BUF_INIT;
	char *rp;
	int r = -1;

	buf_addf(&path, "/proc/%d/stat", (int)pid);
	if (buf_read_file(&text, path.ptr, 4096) < 0)
		goto out;
	rp = strrchr(text.ptr, ')');
	if (rp &&
	    sscanf(rp + 1,
		   " %c %d %d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d"
		   " %*d %*d %*d %*d %llu",
		   &pi->state, &pi->ppid, &pi->pgrp, &pi->start) == 4)
		r = 0;
out:
	buf_release(&path);
	buf_release(&text);
	return r;
}

static bool has_tag(pid_t pid, const char *tag)
{
	struct buf path = BUF_INIT, env = BUF_INIT;
	size_t tlen = strlen(tag) + 1; /* with its NUL: no prefix match */
	bool found = false;
	const char *p, *end;

	buf_addf(&path, "/proc/%d/environ", (int)pid);
	/* Children get the tag last, so it sits near the end; 1 MiB is more
	 * environment than any tool starts with. */
	if (buf_read_file(&env, path.ptr, (size_t)1 << 20) < 0)
		goto out;
	for (p = env.ptr, end = env.ptr + env.len; p < end;
	     p += strlen(p) + 1)
		if ((size_t)(end - p) >= tlen && !memcmp(p, tag, tlen)) {
			found = true;
			break;
		}
out:
	buf_release(&path);
	buf_release(&env);
	return found;
}

/* The pid last handed out, or -1 when the kernel does not say. */
static long last_pid(void)
{
	struct buf text = BUF_INIT;
	long v = -1;

	if (buf_read_file(&text, "/proc/sys/kernel/ns_last_pid", 64) == 0 &&
	    text.len)
		v = strtol(text.ptr, NULL, 10);
	buf_release(&text);
	return v;
}

int proc_sweep_pass(const struct sweep_target *t)
{
	pid_t self = getpid();
	uid_t uid = getuid();
	struct dirent *de;
	int matched = 0;
	/*
	 * Reading /proc/PID/stat costs tens of microseconds on some
	 * kernels, too much to do for every process on the machine at every
	 * check's end. Pids are handed out in increasing order until they
	 * wrap: a process started after the leader has a higher pid, or,
	 * once the counter wrapped, one up to the last handed out. Only
	 * those are read; readdir alone is cheap. (A counter that went all
	 * the way round during one check would hide an escapee from this
	 * pass; the group and subreaper paths still find what they can.)
	 */
	long last = last_pid();
	bool wrapped = last >= 0 && last < (long)t->pgid;
	DIR *d = opendir("/proc");

	if (!d)
		return 0;
	while ((de = readdir(d))) {
		struct pinfo pi;
		struct stat st;
		char *end;
		long pid = strtol(de->d_name, &end, 10);
		bool tagged, ours;

		if (*end || pid <= 0 || pid == self)
			continue;
		if (last >= 0 && pid <= (long)t->pgid &&
		    !(wrapped && pid <= last))
			continue; /* older than the child */
		/* Most processes are older than the child: one read and
		 * they are skipped. */
		if (read_stat((pid_t)pid, &pi) < 0 ||
		    pi.state == 'Z' || pi.state == 'X' || pi.start < t->since)
			continue;
		if (fstatat(dirfd(d), de->d_name, &st, 0) < 0 ||
		    st.st_uid != uid)
			continue; /* not ours to judge, nor to signal */
		tagged = t->tag && has_tag((pid_t)pid, t->tag);
		/* A member of the group counts when it carries the tag or
		 * is our own child (its parent died, we adopted it): the
		 * group id alone could in theory be a recycled one. */
		ours = tagged ||
		       (pi.ppid == self && (pi.pgrp == t->pgid || t->strays));
		if (!ours)
			continue;
		matched++;
		kill((pid_t)pid, SIGKILL);
	}
	closedir(d);
	return matched;
}

unsigned long long proc_sweep_starttime(pid_t pid)
{
	struct pinfo pi;

	return read_stat(pid, &pi) < 0 ? 0 : pi.start;
}

/* The pid in a "NAME=pid-seq" tag of pid's environment, or 0. */
static long tag_owner(pid_t pid, const char *name)
{
	struct buf path = BUF_INIT, env = BUF_INIT;
	size_t nlen = strlen(name);
	const char *p, *end;
	long owner = 0;

	buf_addf(&path, "/proc/%d/environ", (int)pid);
	if (buf_read_file(&env, path.ptr, (size_t)1 << 20) < 0)
		goto out;
	for (p = env.ptr, end = env.ptr + env.len; p < end;
	     p += strlen(p) + 1)
		if (!strncmp(p, name, nlen) && p[nlen] == '=') {
			owner = strtol(p + nlen + 1, NULL, 10);
			break;
		}
out:
	buf_release(&path);
	buf_release(&env);
	return owner;
}

int proc_sweep_dead_owners(const char *name)
{
	pid_t self = getpid();
	uid_t uid = getuid();
	struct dirent *de;
	struct stat st;
	int killed = 0;
	DIR *d = opendir("/proc");

	if (!d)
		return 0;
	while ((de = readdir(d))) {
		char *end;
		long pid = strtol(de->d_name, &end, 10), owner;

		if (*end || pid <= 0 || pid == self ||
		    fstatat(dirfd(d), de->d_name, &st, 0) < 0 ||
		    st.st_uid != uid)
			continue;
		owner = tag_owner((pid_t)pid, name);
		/* A live owner (or a pid now someone else's) keeps it. */
		if (owner <= 0 || owner == self ||
		    kill((pid_t)owner, 0) == 0 || errno != ESRCH)
			continue;
		if (kill((pid_t)pid, SIGKILL) == 0)
			killed++;
	}
	closedir(d);
	return killed;
}
