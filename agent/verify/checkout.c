/*
 * The temporary checkout of the index: what a staged run checks when the
 * work tree is not what would be committed, with the dependency folders the
 * checkout lacks (untracked) linked in from the work tree.
 */
#include <ftw.h>
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

static int rm_entry(const char *path, const struct stat *st, int flag,
		    struct FTW *ftw)
{
	remove(path);
	return 0;
}



int verify_checkout_index(struct verify_run *run, struct repo *repo,
			  struct err *e)
{
	const char *tmp = getenv("TMPDIR");
	struct buf dir = BUF_INIT, link = BUF_INIT, target = BUF_INIT;
	char real[PATH_MAX];
	struct stat st;
	size_t i;
	int r = -1;

	buf_addf(&dir, "%s/airunner-verify-XXXXXX", tmp && *tmp ? tmp : "/tmp");
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
