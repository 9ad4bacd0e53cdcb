/*
 * git/snapshot and git/commit against real repositories: the git command
 * line sets the scene (the user's staged and unstaged work included) and
 * checks the outcome, as a person at the terminal would.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <git2.h>
#include <sys/wait.h>

#include "exec/workspace.h"
#include "git/commit.h"
#include "git/snapshot.h"
#include "gitsh.h"

#define RUN 41

static int setup(void **state)
{
	gitsh_setup();
	/* a binary file, an executable, plain files, one to delete */
	sh("printf 'bin\\0\\001\\377ary\\r\\n' > bin.dat && "
	   "printf '#!/bin/sh\\necho hi\\n' > run.sh && chmod 755 run.sh && "
	   "printf 'a\\n' > a.txt && printf 'b\\n' > b.txt && "
	   "printf 'c\\n' > c.txt && printf 'old\\n' > old.txt && "
	   "printf 'ignored/\\n' > .gitignore && "
	   "git add -A && git commit -qm base");
	return 0;
}

static int teardown(void **state)
{
	gitsh_teardown();
	return 0;
}

/* Everything restore must give back: each file's mode, type and bytes, the
 * index entries, and what git says about both. */
static char *state_of_everything(void)
{
	return sh_out("find . -path ./.git -prune -o -type f -printf '%%p %%m\\n' "
		      "-o -type l -printf '%%p -> %%l\\n' -o -type d -printf "
		      "'%%p/\\n' | sort && find . -path ./.git -prune -o -type f "
		      "-print0 | sort -z | xargs -0 sha256sum && "
		      "git ls-files -s && git status --porcelain && "
		      "git diff && git diff --cached");
}

static struct repo *open_repo(void)
{
	struct repo *r;
	struct err e = ERR_INIT;

	assert_int_equal(repo_open(&r, gitsh_repo, &e), 0);
	return r;
}

static void snap(struct repo *r, const char *path)
{
	struct err e = ERR_INIT;

	if (snapshot_add(r, RUN, path, &e) < 0)
		fail_msg("snapshot_add %s: %s", path, e.msg.ptr);
}

static void test_snapshot_restore_is_exact(void **state)
{
	struct repo *r = open_repo();
	struct err e = ERR_INIT;
	struct strv paths = STRV_INIT;
	char *before, *after, *s;
	pid_t pid;
	int status;

	/* The user's own work: a partially staged file, a staged new one. */
	sh("printf 'a2\\n' > a.txt && git add a.txt && printf 'a3\\n' > a.txt "
	   "&& printf 's\\n' > staged-new.txt && git add staged-new.txt && "
	   "mkdir -p keep && chmod 640 c.txt");
	before = state_of_everything();

	/* What a run does, each path snapshotted before its first change. */
	snap(r, "bin.dat");
	snap(r, "run.sh");
	snap(r, "a.txt");
	snap(r, "old.txt");
	snap(r, "c.txt");
	snap(r, "new/deep/file.txt");
	snap(r, "keep/n.txt");
	snap(r, "staged-new.txt");
	sh("printf 'garbage' > bin.dat && chmod 644 run.sh && "
	   "printf 'run\\n' > a.txt && rm old.txt && chmod 755 c.txt && "
	   "mkdir -p new/deep && printf 'n\\n' > new/deep/file.txt && "
	   "printf 'n\\n' > keep/n.txt && rm staged-new.txt && "
	   "git add -A bin.dat a.txt old.txt new staged-new.txt");
	/* a second snapshot of a path keeps the first original */
	snap(r, "a.txt");
	assert_int_equal(snapshot_paths(r, RUN, &paths, &e), 0);
	assert_int_equal(paths.n, 8);
	assert_string_equal(paths.v[0], "bin.dat");
	assert_string_equal(paths.v[5], "new/deep/file.txt");
	strv_release(&paths);

	s = sh_out("git for-each-ref --format='%%(refname)' refs/airunner/");
	assert_string_equal(s, "refs/airunner/runs/41\n");
	free(s);
	/* the snapshot is ordinary, well-formed git data */
	s = sh_out("git fsck --strict --no-progress 2>&1 && "
		   "git ls-tree -r --name-only refs/airunner/runs/41");
	assert_null(strstr(s, "error"));
	assert_non_null(strstr(s, "paths\nwt/a.txt\n"));
	assert_non_null(strstr(s, "ix/staged-new.txt\n"));
	assert_null(strstr(s, "wt/new/deep/file.txt")); /* it did not exist */
	free(s);
	repo_free(r);

	/* Restore from a fresh process, as after the agent was killed: all
	 * it has is the repository and the run's id. */
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct repo *fresh;
		struct strv restored = STRV_INIT;

		if (repo_open(&fresh, gitsh_repo, &e) < 0 ||
		    snapshot_restore(fresh, RUN, &restored, &e) < 0) {
			fprintf(stderr, "restore: %s\n", e.msg.ptr);
			_exit(1);
		}
		_exit(restored.n == 8 ? 0 : 2);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);

	after = state_of_everything();
	assert_string_equal(before, after);
	s = sh_out("ls -d new 2>/dev/null; ls -d keep");
	assert_string_equal(s, "keep\n"); /* the run's folders gone, not ours */
	free(s);

	/* the ref stays until dropped, and restoring twice is harmless */
	r = open_repo();
	assert_int_equal(snapshot_restore(r, RUN, NULL, &e), 0);
	free(after);
	after = state_of_everything();
	assert_string_equal(before, after);
	assert_int_equal(snapshot_drop(r, RUN, &e), 0);
	s = sh_out("git for-each-ref refs/airunner/");
	assert_string_equal(s, "");
	free(s);
	assert_int_equal(snapshot_restore(r, RUN, NULL, &e), -1);
	assert_int_equal(e.kind, ERR_NOT_FOUND);
	err_clear(&e);
	assert_int_equal(snapshot_drop(r, RUN, &e), 0);
	free(before);
	free(after);
	repo_free(r);
}

static void test_snapshot_survives_gc_and_diff(void **state)
{
	struct repo *r = open_repo();
	struct err e = ERR_INIT;
	struct buf d = BUF_INIT;
	bool exists = true;
	char *s;

	assert_int_equal(snapshot_exists(r, RUN, &exists, &e), 0);
	assert_false(exists);
	snap(r, "a.txt");
	snap(r, "brand-new.txt");
	assert_int_equal(snapshot_exists(r, RUN, &exists, &e), 0);
	assert_true(exists);
	sh("printf 'changed\\n' > a.txt && printf 'fresh\\n' > brand-new.txt "
	   "&& git gc -q --prune=now");

	assert_int_equal(snapshot_diff(r, RUN, 0, &d, &e), 0);
	assert_non_null(strstr(d.ptr, "--- a/a.txt\n+++ b/a.txt\n"));
	assert_non_null(strstr(d.ptr, "-a\n+changed\n"));
	assert_non_null(strstr(d.ptr, "+++ b/brand-new.txt\n"));
	assert_non_null(strstr(d.ptr, "+fresh\n"));
	buf_reset(&d);
	assert_int_equal(snapshot_diff(r, RUN, 40, &d, &e), 0);
	assert_true(d.len <= 40 + strlen("... (diff cut)\n"));
	assert_non_null(strstr(d.ptr, "... (diff cut)\n"));
	buf_release(&d);

	/* the originals outlived gc, pinned by the ref */
	assert_int_equal(snapshot_restore(r, RUN, NULL, &e), 0);
	s = sh_out("cat a.txt; ls brand-new.txt 2>&1 || true");
	assert_non_null(strstr(s, "a\n"));
	assert_non_null(strstr(s, "No such file"));
	free(s);
	repo_free(r);
}

/* The user's state of the files a run does not touch. */
static char *others(void)
{
	return sh_out("git status --porcelain -- b.txt c.txt u.txt && "
		      "git diff -- b.txt c.txt && git diff --cached -- b.txt "
		      "c.txt && git ls-files -s -- b.txt c.txt");
}

static void test_commit_exactly_the_runs_files(void **state)
{
	struct repo *r = open_repo();
	struct err e = ERR_INIT;
	struct strv paths = STRV_INIT;
	struct buf tag = BUF_INIT;
	char sha[REPO_OID_HEX + 1], *before, *after, *s, *parent;

	sh("mkdir lonely && printf 'x\\n' > lonely/only.txt && "
	   "git add lonely && git commit -qm lonely && "
	   "git config user.name 'Ada Lovelace' && "
	   "git config user.email ada@example.com && "
	   "printf 'b staged\\n' > b.txt && git add b.txt && "
	   "printf 'c unstaged\\n' > c.txt && printf 'u\\n' > u.txt");
	before = others();
	parent = sh_out("git rev-parse HEAD");

	/* the run: a change, a new file in a new folder, a deletion */
	sh("printf 'a by the run\\n' > a.txt && mkdir -p src && "
	   "printf 'new\\n' > src/new.ts && rm old.txt lonely/only.txt");
	strv_add(&paths, "a.txt");
	strv_add(&paths, "src/new.ts");
	strv_add(&paths, "old.txt");
	strv_add(&paths, "lonely/only.txt");
	strv_add(&paths, "a.txt"); /* named twice: once is enough */
	assert_int_equal(commit_paths(r, &paths,
				      "PROJ-12: add the thing\n\nBody.\n\n"
				      "AI-Run: 41\nModel: m\nAttempts: 1",
				      sha, &e),
			 0);

	s = sh_out("git rev-parse HEAD");
	assert_memory_equal(s, sha, REPO_OID_HEX);
	free(s);
	s = sh_out("git show --name-status --format= HEAD");
	assert_string_equal(s, "M\ta.txt\nD\tlonely/only.txt\nD\told.txt\n"
			       "A\tsrc/new.ts\n");
	free(s);
	/* no empty folder left in the tree; git fsck finds nothing wrong */
	s = sh_out("git ls-tree -r -t --name-only HEAD && git fsck --strict "
		   "--no-progress 2>&1");
	assert_null(strstr(s, "lonely"));
	assert_null(strstr(s, "error"));
	assert_null(strstr(s, "warning"));
	free(s);
	s = sh_out("git log -1 --format='%%an <%%ae>|%%cn|%%B'");
	assert_string_equal(s, "Ada Lovelace <ada@example.com>|Ada Lovelace|"
			       "PROJ-12: add the thing\n\nBody.\n\n"
			       "AI-Run: 41\nModel: m\nAttempts: 1\n\n");
	free(s);
	s = sh_out("git show HEAD:a.txt");
	assert_string_equal(s, "a by the run\n");
	free(s);
	/* the committed paths' index entries are the committed blobs */
	s = sh_out("git status --porcelain -- a.txt src old.txt && git diff "
		   "--cached HEAD -- a.txt src old.txt");
	assert_string_equal(s, "");
	free(s);
	/* and the user's work is exactly as it was */
	after = others();
	assert_string_equal(before, after);

	/* the tag on the parent */
	assert_int_equal(commit_tag_before(r, sha, "PROJ-12", &tag, &e), 0);
	assert_int_equal(strncmp(tag.ptr, "ai/PROJ-12/before-", 18), 0);
	assert_memory_equal(tag.ptr + 18, parent, 7);
	s = sh_out("git rev-parse %s && git cat-file -t %s", tag.ptr, tag.ptr);
	assert_memory_equal(s, parent, REPO_OID_HEX);
	assert_non_null(strstr(s, "\ncommit\n")); /* lightweight */
	free(s);
	buf_reset(&tag);
	assert_int_equal(commit_tag_before(r, sha, "PROJ-12", &tag, &e), 0);
	buf_reset(&tag);
	assert_int_equal(commit_tag_before(r, sha, "owner/repo#12", &tag, &e),
			 0);
	assert_int_equal(strncmp(tag.ptr, "ai/owner/repo#12/before-", 24), 0);
	buf_reset(&tag);
	assert_int_equal(commit_tag_before(r, sha, "a b..c~^:", &tag, &e), 0);
	assert_int_equal(strncmp(tag.ptr, "ai/a-b.-c---/before-", 20), 0);
	buf_reset(&tag);

	/* nothing left to commit */
	assert_int_equal(commit_paths(r, &paths, "again", sha, &e), -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS);
	err_clear(&e);

	free(before);
	free(after);
	free(parent);
	buf_release(&tag);
	strv_release(&paths);
	repo_free(r);
}

static void test_commit_on_unborn_head(void **state)
{
	struct repo *r;
	struct err e = ERR_INIT;
	struct strv paths = STRV_INIT;
	struct buf tag = BUF_INIT;
	char sha[REPO_OID_HEX + 1], *s;

	/* a fresh repository, no identity anywhere: the fallback */
	sh("rm -rf .git * .gitignore && git init -q -b main && "
	   "printf 'x\\n' > first.txt && printf 'y\\n' > other.txt && "
	   "git add other.txt");
	git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL,
			 gitsh_base);
	git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_XDG,
			 gitsh_base);
	r = open_repo();
	strv_add(&paths, "first.txt");
	assert_int_equal(commit_paths(r, &paths, "first", sha, &e), 0);
	s = sh_out("git log --format='%%an <%%ae> %%s' && "
		   "git show --name-only --format= HEAD && git status "
		   "--porcelain");
	assert_string_equal(s, "airunner <airunner@localhost> first\n"
			       "first.txt\nA  other.txt\n");
	free(s);
	/* no parent, no tag */
	assert_int_equal(commit_tag_before(r, sha, "X-1", &tag, &e), 0);
	assert_int_equal(tag.len, 0);
	strv_release(&paths);
	repo_free(r);
}

/* The run's commit: a.txt changed, n.txt added, old.txt deleted. */
static void run_commit(struct repo *r, char *sha, struct buf *tag)
{
	struct strv paths = STRV_INIT;
	struct err e = ERR_INIT;

	sh("printf 'a run\\n' > a.txt && printf 'n\\n' > n.txt && rm old.txt");
	strv_add(&paths, "a.txt");
	strv_add(&paths, "n.txt");
	strv_add(&paths, "old.txt");
	assert_int_equal(commit_paths(r, &paths, "run", sha, &e), 0);
	assert_int_equal(commit_tag_before(r, sha, "PROJ-1", tag, &e), 0);
	strv_release(&paths);
}

static void test_revert(void **state)
{
	struct repo *r = open_repo();
	struct err e = ERR_INIT;
	struct strv files = STRV_INIT, changed = STRV_INIT;
	struct buf tag = BUF_INIT;
	char sha[REPO_OID_HEX + 1], rev[REPO_OID_HEX + 1];
	char *before, *after, *head, *s;

	run_commit(r, sha, &tag);
	assert_int_equal(commit_changed_paths(r, sha, &changed, &e), 0);
	assert_int_equal(changed.n, 3);
	/* the user goes on working, on other files */
	sh("printf 'b later\\n' > b.txt && git commit -qam later && "
	   "printf 'c staged\\n' > c.txt && git add c.txt && "
	   "printf 'c unstaged\\n' > c.txt && printf 'u\\n' > u.txt");

	/* refused: an unstaged change to one of the run's files */
	sh("printf 'mine\\n' >> a.txt");
	before = sh_out("git status --porcelain && git rev-parse HEAD");
	assert_int_equal(commit_revert(r, sha, "revert", rev, NULL, &e), -1);
	assert_int_equal(e.kind, ERR_WORKSPACE_DIRTY);
	assert_non_null(strstr(e.msg.ptr, "a.txt"));
	err_clear(&e);
	/* an untracked file where the run deleted one */
	sh("git checkout -q -- a.txt && printf 'again\\n' > old.txt");
	assert_int_equal(commit_revert(r, sha, "revert", rev, NULL, &e), -1);
	assert_int_equal(e.kind, ERR_WORKSPACE_DIRTY);
	assert_non_null(strstr(e.msg.ptr, "old.txt"));
	err_clear(&e);
	sh("rm old.txt && printf 'mine\\n' >> a.txt");
	after = sh_out("git status --porcelain && git rev-parse HEAD");
	assert_string_equal(before, after); /* nothing touched */
	free(before);
	free(after);
	sh("git checkout -q -- a.txt");

	/* allowed: only the run's files change, in a new commit */
	before = others();
	head = sh_out("git rev-parse HEAD");
	assert_int_equal(commit_revert(r, sha, "Revert run 41", rev, &files,
				       &e), 0);
	assert_int_equal(files.n, 3);
	s = sh_out("git rev-parse HEAD^ && git show --name-status --format=%%s "
		   "HEAD && cat a.txt old.txt && ls n.txt 2>&1 || true");
	assert_memory_equal(s, head, REPO_OID_HEX);
	assert_non_null(strstr(s, "Revert run 41\n\nM\ta.txt\nD\tn.txt\n"
				  "A\told.txt\n"));
	assert_non_null(strstr(s, "a\nold\n"));
	assert_non_null(strstr(s, "No such file"));
	free(s);
	s = sh_out("git status --porcelain -- a.txt n.txt old.txt; "
		   "git show HEAD:b.txt");
	assert_string_equal(s, "b later\n"); /* run files clean, later kept */
	free(s);
	after = others();
	assert_string_equal(before, after);
	free(before);
	free(after);
	free(head);

	/* refused: a later commit changed the run's file */
	strv_release(&changed);
	strv_release(&files);
	buf_reset(&tag);
	run_commit(r, sha, &tag);
	sh("printf 'edited after\\n' > n.txt && git commit -qam after");
	head = sh_out("git rev-parse HEAD");
	assert_int_equal(commit_revert(r, sha, "revert", rev, NULL, &e), -1);
	assert_int_equal(e.kind, ERR_WORKSPACE_DIRTY);
	assert_non_null(strstr(e.msg.ptr, "a later commit"));
	assert_non_null(strstr(e.msg.ptr, "n.txt"));
	err_clear(&e);
	s = sh_out("git rev-parse HEAD");
	assert_string_equal(s, head);
	free(s);
	free(head);
	buf_release(&tag);
	repo_free(r);
}

static void test_reset(void **state)
{
	struct repo *r = open_repo();
	struct err e = ERR_INIT;
	struct strv files = STRV_INIT;
	struct buf tag = BUF_INIT;
	char sha[REPO_OID_HEX + 1], *base, *before, *after, *s;

	base = sh_out("git rev-parse HEAD");
	run_commit(r, sha, &tag);

	/* refused: a staged change elsewhere (a reset would lose it) */
	sh("printf 'b staged\\n' > b.txt && git add b.txt");
	before = sh_out("git status --porcelain && git rev-parse HEAD");
	assert_int_equal(commit_reset(r, tag.ptr, sha, NULL, &e), -1);
	assert_int_equal(e.kind, ERR_WORKSPACE_DIRTY);
	assert_non_null(strstr(e.msg.ptr, "b.txt"));
	err_clear(&e);
	after = sh_out("git status --porcelain && git rev-parse HEAD");
	assert_string_equal(before, after);
	free(before);
	free(after);
	sh("git reset -q b.txt && git checkout -q -- b.txt");

	/* refused: an untracked file where the reset would write */
	sh("printf 'mine\\n' > old.txt");
	assert_int_equal(commit_reset(r, tag.ptr, sha, NULL, &e), -1);
	assert_int_equal(e.kind, ERR_WORKSPACE_DIRTY);
	assert_non_null(strstr(e.msg.ptr, "old.txt"));
	err_clear(&e);
	sh("rm old.txt");

	/* allowed: clean, HEAD still the run's; an unrelated untracked file
	 * is no obstacle and survives */
	sh("printf 'u\\n' > u.txt");
	assert_int_equal(commit_reset(r, tag.ptr, sha, &files, &e), 0);
	assert_int_equal(files.n, 3);
	s = sh_out("git rev-parse HEAD && git status --porcelain && cat u.txt "
		   "old.txt a.txt");
	assert_memory_equal(s, base, REPO_OID_HEX);
	assert_non_null(strstr(s, "\n?? u.txt\nu\nold\na\n"));
	free(s);

	/* refused: HEAD is no longer the run's commit */
	assert_int_equal(commit_reset(r, tag.ptr, sha, NULL, &e), -1);
	assert_int_equal(e.kind, ERR_WORKSPACE_DIRTY);
	assert_non_null(strstr(e.msg.ptr, "HEAD moved"));
	err_clear(&e);
	assert_int_equal(commit_reset(r, "ai/none/before-0000000", sha, NULL,
				      &e), -1);
	assert_int_equal(e.kind, ERR_NOT_FOUND);
	err_clear(&e);

	free(base);
	strv_release(&files);
	buf_release(&tag);
	repo_free(r);
}

static void test_stage_and_dirty(void **state)
{
	struct repo *r = open_repo();
	struct err e = ERR_INIT;
	struct strv paths = STRV_INIT, dirty = STRV_INIT;
	char *s;

	/* the user staged b; the fix changed a and removed old */
	sh("printf 'b staged\\n' > b.txt && git add b.txt && "
	   "printf 'b more\\n' > b.txt && printf 'a fixed\\n' > a.txt && "
	   "rm old.txt && printf 'c unstaged\\n' > c.txt");
	strv_add(&paths, "a.txt");
	strv_add(&paths, "old.txt");
	assert_int_equal(commit_stage_paths(r, &paths, &e), 0);
	s = sh_out("git status --porcelain");
	assert_string_equal(s, "M  a.txt\nMM b.txt\n M c.txt\nD  old.txt\n");
	free(s);
	s = sh_out("git show :b.txt");
	assert_string_equal(s, "b staged\n"); /* its index entry untouched */
	free(s);

	strv_release(&paths);
	strv_add(&paths, "a.txt");
	strv_add(&paths, "run.sh");
	strv_add(&paths, "u.txt");
	sh("printf 'u\\n' > u.txt");
	assert_int_equal(commit_dirty_paths(r, &paths, &dirty, &e), 0);
	assert_int_equal(dirty.n, 2);
	assert_string_equal(dirty.v[0], "a.txt");
	assert_string_equal(dirty.v[1], "u.txt");
	strv_release(&dirty);
	assert_int_equal(commit_dirty_paths(r, NULL, &dirty, &e), 0);
	assert_int_equal(dirty.n, 5); /* a b c old u */
	strv_release(&dirty);
	strv_release(&paths);
	repo_free(r);
}

/* The wiring the execution job uses: the workspace's hook snapshots each
 * path before its first change, and a failed run is undone from it. */
static int snapshot_hook(const char *path, void *ud, struct err *e)
{
	return snapshot_add(ud, RUN, path, e);
}

static void test_workspace_edits_undone(void **state)
{
	struct repo *r = open_repo();
	struct workspace *ws;
	struct err e = ERR_INIT;
	struct strv paths = STRV_INIT;
	char *before, *after;

	sh("printf 'mine\\n' >> b.txt && git add b.txt");
	before = state_of_everything();
	assert_int_equal(workspace_open(&ws, gitsh_repo, 0, &e), 0);
	workspace_set_hook(ws, snapshot_hook, r);
	assert_int_equal(workspace_write(ws, "run.sh", "echo x\n", 7, NULL, &e),
			 0);
	assert_int_equal(workspace_replace(ws, "b.txt", "mine", 4, "theirs", 6,
					   0, &e), 0);
	assert_int_equal(workspace_delete(ws, "old.txt", &e), 0);
	assert_int_equal(workspace_write(ws, "lib/new.ts", "n\n", 2, NULL, &e),
			 0);
	assert_int_equal(workspace_write(ws, "run.sh", "echo y\n", 7, NULL, &e),
			 0);
	assert_int_equal(snapshot_paths(r, RUN, &paths, &e), 0);
	assert_int_equal(paths.n, 4);
	workspace_free(ws);

	assert_int_equal(snapshot_restore(r, RUN, NULL, &e), 0);
	assert_int_equal(snapshot_drop(r, RUN, &e), 0);
	after = state_of_everything();
	assert_string_equal(before, after);
	free(before);
	free(after);
	strv_release(&paths);
	repo_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_snapshot_restore_is_exact,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_snapshot_survives_gc_and_diff, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_commit_exactly_the_runs_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_commit_on_unborn_head,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_revert, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reset, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stage_and_dirty, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_workspace_edits_undone,
						setup, teardown),
	};

	gitsh_env();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
