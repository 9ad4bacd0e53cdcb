#include "hooks/hooks.h"

#include <errno.h>
#include <git2.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "git/giterr.h"
#include "util/fs.h"

#define HOOK_NAME "pre-commit"
#define ORIG_SUFFIX ".airunner-orig"
/* The line that tells our script from anyone else's. */
#define MARKER "\n# airunner-managed-hook"
/* The line install fills in with the binary's path. */
#define BIN_LINE "\ninstalled_bin=''\n"
/* A hook bigger than this is certainly not ours; do not read it all. */
#define HOOK_MAX ((size_t)1 << 20)

int hooks_dir(struct buf *out, const char *repo_path, struct err *e)
{
	git_repository *repo = NULL;
	git_config *cfg = NULL;
	git_buf val = { 0 };
	const char *workdir;
	int r = -1, found;

	git_libgit2_init();
	if (git_repository_open_ext(&repo, repo_path, 0, NULL) < 0) {
		err_set_libgit2(e, ERR_NOT_A_REPOSITORY, repo_path);
		goto out;
	}
	workdir = git_repository_workdir(repo);
	if (!workdir) {
		err_set(e, ERR_NOT_A_REPOSITORY,
			"%s: a bare repository has no commits to verify",
			repo_path);
		goto out;
	}
	if (git_repository_config_snapshot(&cfg, repo) < 0) {
		err_set_libgit2(e, ERR_CONFIG, repo_path);
		goto out;
	}
	/* git_config_get_path expands a leading ~/ as git does. */
	found = git_config_get_path(&val, cfg, "core.hooksPath");
	if (found < 0 && found != GIT_ENOTFOUND) {
		err_set_libgit2(e, ERR_CONFIG, "core.hooksPath");
		goto out;
	}
	if (found == 0 && val.ptr[0]) {
		/* Relative to where git runs hooks: the top of the work tree. */
		if (val.ptr[0] != '/')
			buf_adds(out, workdir); /* ends with '/' */
		buf_adds(out, val.ptr);
		while (out->len > 1 && out->ptr[out->len - 1] == '/')
			buf_truncate(out, out->len - 1);
	} else {
		buf_addf(out, "%shooks", git_repository_commondir(repo));
	}
	r = 0;
out:
	git_buf_dispose(&val);
	git_config_free(cfg);
	git_repository_free(repo);
	return r;
}

/* 1 if path exists (as anything, a dangling symlink too), 0 if not, -1. */
static int exists(const char *path, struct stat *st, struct err *e)
{
	if (lstat(path, st) == 0)
		return 1;
	if (errno == ENOENT)
		return 0;
	return err_set_errno(e, ERR_IO, "%s", path);
}

/* Is the file at path airunner's hook? Only a regular file can be. */
static bool is_ours(const char *path, const struct stat *st)
{
	struct buf b = BUF_INIT;
	bool ours;

	if (!S_ISREG(st->st_mode) || (size_t)st->st_size > HOOK_MAX)
		return false;
	ours = buf_read_file(&b, path, HOOK_MAX) == 0 &&
	       strstr(b.ptr, MARKER) != NULL;
	buf_release(&b);
	return ours;
}

/* Whether path can stand in a "#!" line: absolute, nothing the kernel
 * would split or cut (it splits at the first blank and reads 256 bytes at
 * most; older kernels 128). */
static bool shebang_safe(const char *path)
{
	if (path[0] != '/' || strlen(path) > 120)
		return false;
	for (const char *c = path; *c; c++)
		if (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r')
			return false;
	return true;
}

/* The script with bin recorded in it, single-quoted for sh; its "#!" line
 * naming the client beside bin when there is one, so that git runs that
 * with no shell (it reads nothing of the file: the rest stays the script,
 * for whoever runs the file with sh). */
static void render_hook(struct buf *out, const char *bin)
{
	const char *s = hooks_pre_commit_script;
	const char *at = strstr(s, BIN_LINE);
	const char *slash = bin ? strrchr(bin, '/') : NULL;
	const char *nl = strchr(s, '\n');
	struct buf client = BUF_INIT;

	if (slash && at && nl && nl < at) {
		buf_add(&client, bin, (size_t)(slash - bin) + 1);
		buf_adds(&client, HOOKS_CLIENT_NAME);
		if (shebang_safe(client.ptr) && access(client.ptr, X_OK) == 0) {
			buf_addf(out, "#!%s", client.ptr);
			s = nl;
		}
	}
	if (!bin || !at) {
		buf_add(out, s, hooks_pre_commit_script_len -
				(size_t)(s - hooks_pre_commit_script));
		goto out;
	}
	buf_add(out, s, (size_t)(at - s));
	buf_adds(out, "\ninstalled_bin='");
	for (const char *c = bin; *c; c++) {
		if (*c == '\'')
			buf_adds(out, "'\\''");
		else
			buf_addch(out, *c);
	}
	buf_adds(out, "'\n");
	buf_adds(out, at + strlen(BIN_LINE));
out:
	buf_release(&client);
}

/* Writes the hook through a temp file and a rename, so git never runs a
 * half-written script. */
static int write_hook(const char *dir, const char *path, const char *bin,
		      struct err *e)
{
	struct buf tmp = BUF_INIT, script = BUF_INIT;
	size_t off = 0;
	int fd, r = -1;

	render_hook(&script, bin);
	buf_addf(&tmp, "%s/.%s.airunner-XXXXXX", dir, HOOK_NAME);
	fd = mkstemp(tmp.ptr);
	if (fd < 0) {
		err_set_errno(e, ERR_IO, "cannot create a file in %s", dir);
		goto out;
	}
	while (off < script.len) {
		ssize_t n = write(fd, script.ptr + off, script.len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err_set_errno(e, ERR_IO, "write %s", tmp.ptr);
			break;
		}
		off += (size_t)n;
	}
	if (off < script.len || fchmod(fd, 0755) < 0) {
		if (off == script.len)
			err_set_errno(e, ERR_IO, "chmod %s", tmp.ptr);
		close(fd);
		unlink(tmp.ptr);
		goto out;
	}
	if (close(fd) < 0 || rename(tmp.ptr, path) < 0) {
		err_set_errno(e, ERR_IO, "cannot write %s", path);
		unlink(tmp.ptr);
		goto out;
	}
	r = 0;
out:
	buf_release(&tmp);
	buf_release(&script);
	return r;
}

/* The hooks folder and the two files in it that install and uninstall
 * deal with. */
struct hook_files {
	struct buf dir, hook, orig;
};

static int hook_files_find(struct hook_files *f, const char *repo,
			   struct err *e)
{
	buf_init(&f->dir, BUF_DEFAULT_MAX);
	buf_init(&f->hook, BUF_DEFAULT_MAX);
	buf_init(&f->orig, BUF_DEFAULT_MAX);
	if (hooks_dir(&f->dir, repo, e) < 0)
		return -1;
	buf_addf(&f->hook, "%s/%s", f->dir.ptr, HOOK_NAME);
	buf_addf(&f->orig, "%s/%s%s", f->dir.ptr, HOOK_NAME, ORIG_SUFFIX);
	return 0;
}

static void hook_files_release(struct hook_files *f)
{
	buf_release(&f->dir);
	buf_release(&f->hook);
	buf_release(&f->orig);
}

int hooks_install(const char *repo, const char *bin, unsigned *did,
		  struct buf *hook_path, struct err *e)
{
	struct hook_files f;
	struct stat st, ost;
	bool moved = false;
	int r = -1, have_hook, have_orig;

	*did = 0;
	if (hook_files_find(&f, repo, e) < 0 || fs_mkdirs(f.dir.ptr, 0777, e) < 0)
		goto out;
	if ((have_orig = exists(f.orig.ptr, &ost, e)) < 0 ||
	    (have_hook = exists(f.hook.ptr, &st, e)) < 0)
		goto out;
	if (have_hook && is_ours(f.hook.ptr, &st)) {
		*did |= HOOKS_WAS_INSTALLED;
	} else if (have_hook && have_orig) {
		/* Moving this one aside would lose the one kept earlier. */
		err_set(e, ERR_CONFLICTS,
			"%s is not airunner's and %s already exists; move one of "
			"them away and install again",
			f.hook.ptr, f.orig.ptr);
		goto out;
	} else if (have_hook) {
		if (rename(f.hook.ptr, f.orig.ptr) < 0) {
			err_set_errno(e, ERR_IO, "cannot move %s aside",
				      f.hook.ptr);
			goto out;
		}
		moved = true;
	}
	if (write_hook(f.dir.ptr, f.hook.ptr, bin, e) < 0) {
		if (moved)
			rename(f.orig.ptr, f.hook.ptr); /* put it back */
		goto out;
	}
	*did |= HOOKS_INSTALLED;
	if (have_orig || moved)
		*did |= HOOKS_KEPT_ORIG;
	if (hook_path)
		buf_adds(hook_path, f.hook.ptr);
	r = 0;
out:
	hook_files_release(&f);
	return r;
}

int hooks_uninstall(const char *repo, unsigned *did, struct buf *hook_path,
		    struct err *e)
{
	struct hook_files f;
	struct stat st, ost;
	int r = -1, have_hook, have_orig;

	*did = 0;
	if (hook_files_find(&f, repo, e) < 0)
		goto out;
	if ((have_orig = exists(f.orig.ptr, &ost, e)) < 0 ||
	    (have_hook = exists(f.hook.ptr, &st, e)) < 0)
		goto out;
	if (hook_path)
		buf_adds(hook_path, f.hook.ptr);
	if (have_hook && !is_ours(f.hook.ptr, &st)) {
		err_set(e, ERR_CONFLICTS,
			"%s is not airunner's; leaving it%s", f.hook.ptr,
			have_orig ? " and " HOOK_NAME ORIG_SUFFIX " alone" : "");
		goto out;
	}
	if (have_orig) {
		/* rename keeps the bytes, the mode, a symlink as a symlink. */
		if (rename(f.orig.ptr, f.hook.ptr) < 0) {
			err_set_errno(e, ERR_IO, "cannot restore %s",
				      f.orig.ptr);
			goto out;
		}
		*did |= HOOKS_RESTORED_ORIG;
	} else if (have_hook) {
		if (unlink(f.hook.ptr) < 0) {
			err_set_errno(e, ERR_IO, "cannot remove %s",
				      f.hook.ptr);
			goto out;
		}
		*did |= HOOKS_REMOVED;
	}
	r = 0;
out:
	hook_files_release(&f);
	return r;
}
