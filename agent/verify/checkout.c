/*
 * The temporary checkout of the index: what a staged run checks when the
 * work tree is not what would be committed, with the dependency folders the
 * checkout lacks (untracked) linked in from the work tree.
 */
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <string.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/mem.h"
#include "verify/run.h"

/* Folders a checkout of the index lacks (untracked) but tools need. */
static const char *const dep_dirs[] = { "node_modules", ".venv", "venv",
					"vendor", NULL };

#define CHECKOUT_PREFIX "airunner-verify-"

static int rm_entry(const char *path, const struct stat *st, int flag,
		    struct FTW *ftw)
{
	remove(path);
	return 0;
}

static const char *tmp_dir(void)
{
	const char *tmp = getenv("TMPDIR");

	return tmp && *tmp ? tmp : "/tmp";
}

/*
 * The folder's name carries the pid of the process that made it
 * (airunner-verify-<pid>-XXXXXX): after a SIGKILL, the next agent knows a
 * leftover by it, and never takes another process's folder for one.
 */
int verify_checkout_index(struct verify_run *run, struct repo *repo,
			  struct err *e)
{
	struct buf dir = BUF_INIT, link = BUF_INIT, target = BUF_INIT;
	char real[PATH_MAX];
	struct stat st;
	size_t i;
	int r = -1;

	buf_addf(&dir, "%s/" CHECKOUT_PREFIX "%d-XXXXXX", tmp_dir(),
		 (int)getpid());
	if (!mkdtemp(dir.ptr)) {
		err_set_errno(e, ERR_IO, "creating %s", dir.ptr);
		goto out;
	}
	/* Tools print the real path (node's cwd): match them. */
	if (!realpath(dir.ptr, real)) {
		err_set_errno(e, ERR_IO, "%s", dir.ptr);
		rmdir(dir.ptr);
		goto out;
	}
	run->tmpdir = xstrdup(real);
	if (repo_checkout_index(repo, real, e) < 0)
		goto out;
	for (i = 0; dep_dirs[i]; i++) {
		buf_reset(&target);
		buf_reset(&link);
		buf_addf(&target, "%s/%s", run->root, dep_dirs[i]);
		buf_addf(&link, "%s/%s", real, dep_dirs[i]);
		if (stat(target.ptr, &st) < 0 || !S_ISDIR(st.st_mode) ||
		    lstat(link.ptr, &st) == 0)
			continue; /* absent, or tracked (in the checkout) */
		if (symlink(target.ptr, link.ptr) < 0) {
			err_set_errno(e, ERR_IO, "linking %s", link.ptr);
			goto out;
		}
	}
	run->run_root = xstrdup(real);
	r = 0;
out:
	buf_release(&dir);
	buf_release(&link);
	buf_release(&target);
	return r;
}


void verify_checkout_remove(const char *dir)
{
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

int verify_checkout_sweep(void)
{
	const char *tmp = tmp_dir();
	struct buf path = BUF_INIT;
	struct dirent *d;
	struct stat st;
	DIR *dir = opendir(tmp);
	int n = 0;

	if (!dir)
		return 0;
	while ((d = readdir(dir))) {
		char *end;
		long pid;

		if (strncmp(d->d_name, CHECKOUT_PREFIX,
			    sizeof(CHECKOUT_PREFIX) - 1))
			continue;
		pid = strtol(d->d_name + sizeof(CHECKOUT_PREFIX) - 1, &end, 10);
		if (pid <= 0 || *end != '-' || pid == getpid())
			continue;
		/* Alive (or someone else's, EPERM): not a leftover. */
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		buf_reset(&path);
		buf_addf(&path, "%s/%s", tmp, d->d_name);
		/* Ours, and a real folder: a stranger's file or a symlink
		 * planted under that name is never followed or removed. */
		if (lstat(path.ptr, &st) < 0 || !S_ISDIR(st.st_mode) ||
		    st.st_uid != getuid())
			continue;
		verify_checkout_remove(path.ptr);
		n++;
	}
	closedir(dir);
	buf_release(&path);
	return n;
}
