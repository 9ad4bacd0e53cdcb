/* git/repo against real repositories made with the git command line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "git/repo.h"
#include "util/buf.h"

static char tmp[256];

static void sh(const char *fmt, const char *arg)
{
	char cmd[2048], inner[900];

	snprintf(inner, sizeof(inner), fmt, arg);
	snprintf(cmd, sizeof(cmd), "cd '%s' && %s", tmp, inner);
	assert_int_equal(system(cmd), 0);
}

static char *slurp(const char *path)
{
	struct buf b = BUF_INIT;

	if (buf_read_file(&b, path, 1 << 20) < 0)
		return NULL;
	return buf_detach(&b, NULL);
}

static int rm_entry(const char *p, const struct stat *st, int flag,
		    struct FTW *ftw)
{
	return remove(p);
}

static int setup(void **state)
{
	snprintf(tmp, sizeof(tmp), "%s/airunner-test-repo-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(tmp));
	sh("git init -q && printf 'a\\n' > a.txt && printf 'b\\n' > b.txt && "
	   "printf 'gone\\n' > gone.txt && printf 'move me please, I am long "
	   "enough to be a rename\\n' > old.txt && git add -A && "
	   "git commit -qm base%s", "");
	return 0;
}

static int teardown(void **state)
{
	nftw(tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}

static void test_files(void **state)
{
	struct repo *r;
	struct strv l = STRV_INIT;
	struct err e = ERR_INIT;
	bool partial = true;

	assert_int_equal(repo_open(&r, tmp, &e), 0);
	assert_int_equal(repo_files(r, REPO_FILES_STAGED, &l, &partial, &e), 0);
	assert_int_equal(l.n, 0);
	assert_false(partial);

	sh("printf 'a2\\n' > a.txt && printf 'n\\n' > new.txt && "
	   "git rm -q gone.txt && git mv old.txt dir-new.txt && git add -A && "
	   "printf 'untracked\\n' > u.txt%s", "");
	assert_int_equal(repo_files(r, REPO_FILES_STAGED, &l, &partial, &e), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0], "a.txt");
	assert_string_equal(l.v[1], "dir-new.txt");
	assert_string_equal(l.v[2], "new.txt");
	assert_false(partial); /* u.txt is untracked: not counted */
	strv_release(&l);

	assert_int_equal(repo_files(r, REPO_FILES_CHANGED, &l, NULL, &e), 0);
	assert_true(strv_has(&l, "u.txt"));
	assert_true(strv_has(&l, "a.txt"));
	assert_false(strv_has(&l, "gone.txt"));
	assert_false(strv_has(&l, "b.txt"));
	strv_release(&l);

	assert_int_equal(repo_files(r, REPO_FILES_ALL, &l, NULL, &e), 0);
	assert_true(strv_has(&l, "b.txt"));
	assert_true(strv_has(&l, "u.txt"));
	assert_false(strv_has(&l, "gone.txt"));
	strv_release(&l);

	/* a partially staged file, then an unstaged change elsewhere */
	sh("printf 'a3\\n' > a.txt%s", "");
	assert_int_equal(repo_files(r, REPO_FILES_STAGED, &l, &partial, &e), 0);
	assert_true(partial);
	strv_release(&l);
	sh("git add a.txt && printf 'b2\\n' > b.txt%s", "");
	assert_int_equal(repo_files(r, REPO_FILES_STAGED, &l, &partial, &e), 0);
	assert_true(partial);
	assert_false(strv_has(&l, "b.txt"));
	strv_release(&l);
	repo_free(r);
}

static void test_tree_and_checkout(void **state)
{
	struct repo *r;
	struct err e = ERR_INIT;
	char tree[REPO_OID_HEX + 1], want[64], path[512], dir[300];
	char *index_before, *index_after, *s;
	bool differs;
	FILE *f;

	sh("printf 'staged\\n' > a.txt && git add a.txt && "
	   "printf 'worktree\\n' > a.txt && git write-tree > ../%s.tree",
	   strrchr(tmp, '/') + 1);
	snprintf(path, sizeof(path), "%s.tree", tmp);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(want, sizeof(want), f));
	fclose(f);
	unlink(path);
	want[REPO_OID_HEX] = '\0';

	snprintf(path, sizeof(path), "%s/.git/index", tmp);
	index_before = slurp(path);
	assert_int_equal(repo_open(&r, tmp, &e), 0);
	assert_int_equal(repo_index_tree(r, tree, &e), 0);
	assert_string_equal(tree, want);
	assert_int_equal(repo_path_differs(r, "a.txt", &differs, &e), 0);
	assert_true(differs);
	assert_int_equal(repo_path_differs(r, "b.txt", &differs, &e), 0);
	assert_false(differs);

	snprintf(dir, sizeof(dir), "%s.co", tmp);
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(repo_checkout_index(r, dir, &e), 0);
	snprintf(path, sizeof(path), "%s/a.txt", dir);
	s = slurp(path);
	assert_string_equal(s, "staged\n"); /* the index, not the work tree */
	free(s);
	snprintf(path, sizeof(path), "%s/a.txt", tmp);
	s = slurp(path);
	assert_string_equal(s, "worktree\n");
	free(s);
	snprintf(path, sizeof(path), "%s/.git/index", tmp);
	index_after = slurp(path);
	assert_string_equal(index_before, index_after); /* untouched */
	free(index_before);
	free(index_after);
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	repo_free(r);
}

static void test_not_a_repo(void **state)
{
	struct repo *r = NULL;
	struct err e = ERR_INIT;
	char sub[300];

	snprintf(sub, sizeof(sub), "%s/sub", tmp);
	assert_int_equal(mkdir(sub, 0700), 0);
	/* no search upwards: the workspace is the work tree's top */
	assert_int_equal(repo_open(&r, sub, &e), -1);
	assert_int_equal(e.kind, ERR_NOT_A_REPOSITORY);
	assert_non_null(strstr(e.msg.ptr, sub));
	err_clear(&e);
	assert_int_equal(repo_open(&r, "/nonexistent/airunner", &e), -1);
	err_clear(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tree_and_checkout, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_not_a_repo, setup,
						teardown),
	};

	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	setenv("GIT_AUTHOR_NAME", "t", 1);
	setenv("GIT_AUTHOR_EMAIL", "t@example.com", 1);
	setenv("GIT_COMMITTER_NAME", "t", 1);
	setenv("GIT_COMMITTER_EMAIL", "t@example.com", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
