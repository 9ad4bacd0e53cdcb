/*
 * exec/workspace: the model's file operations stay beneath the work tree.
 * Each refusal is checked to leave the file system exactly as it was.
 * Every confinement test runs twice: with openat2, and with the by-hand walk
 * a kernel without openat2 gets.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <errno.h>
#include <sys/stat.h>

#include "exec/workspace.h"
#include "gitsh.h"

struct hook_log {
	struct strv paths;
	bool fail;
};

static int record_hook(const char *path, void *ud, struct err *e)
{
	struct hook_log *log = ud;

	if (log->fail)
		return err_set(e, ERR_IO, "snapshot of %s failed", path);
	strv_add(&log->paths, path);
	return 0;
}

static int setup(void **state)
{
	gitsh_setup();
	sh("printf 'one\\ntwo\\nthree\\n' > a.txt && mkdir -p src && "
	   "printf 'int x;\\n' > src/x.c && printf '#!/bin/sh\\necho hi\\n' "
	   "> run.sh && chmod 755 run.sh && printf 'build/\\n' > .gitignore && "
	   "git add -A && git commit -qm base && "
	   "mkdir -p ../outside && printf 'secret\\n' > ../outside/secret.txt");
	return 0;
}

static int teardown(void **state)
{
	gitsh_teardown();
	return 0;
}

static unsigned flags_of(void **state)
{
	return (unsigned)(uintptr_t)*state;
}

/* A snapshot of everything a refused edit could have changed: the work
 * tree with modes and content, .git's hooks and config, and the folder
 * outside. */
static char *world(void)
{
	return sh_out("cd .. && find . -path ./repo/.git/objects -prune -o "
		      "-path ./repo/.git/logs -prune -o -printf '%%p %%m %%y "
		      "%%s\\n' | sort && cat repo/.git/config outside/* && "
		      "git -C repo status --porcelain");
}

static void expect_refused(int rc, struct err *e, const char *path)
{
	assert_int_equal(rc, -1);
	assert_int_equal(e->kind, ERR_OUTSIDE_WORKSPACE);
	if (!strstr(e->msg.ptr, path))
		fail_msg("message does not name %s: %s", path, e->msg.ptr);
	err_clear(e);
}

static void test_edits_outside_are_refused(void **state)
{
	struct workspace *ws;
	struct err e = ERR_INIT;
	struct hook_log log = { STRV_INIT, false };
	struct buf abs = BUF_INIT;
	char *before, *after;
	const char *bad[] = {
		"../outside/new.txt",	    /* climbing out */
		"src/../../outside/x.txt", /* climbing out from a folder */
		"linkdir/new.txt",	    /* a folder link leading out */
		"linkfile",		    /* a file link leading out */
		".git/hooks/pre-commit",    /* the repository's own data */
		".GIT/config",		    /* in any case */
		"src/.Git/x",		    /* at any depth */
		".airunner",		    /* airunner's own config */
		"",
	};
	size_t i;

	sh("ln -s ../outside linkdir && ln -s ../outside/secret.txt linkfile && "
	   "git add linkdir linkfile && git commit -qm links");
	buf_addf(&abs, "%s/outside/new.txt", gitsh_base);
	before = world();
	assert_int_equal(workspace_open(&ws, gitsh_repo, flags_of(state), &e), 0);
	workspace_set_hook(ws, record_hook, &log);

	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		expect_refused(workspace_write(ws, bad[i], "x\n", 2, NULL, &e),
			       &e, bad[i]);
		expect_refused(workspace_replace(ws, bad[i], "s", 1, "t", 1, 0,
						 &e),
			       &e, bad[i]);
		expect_refused(workspace_delete(ws, bad[i], &e), &e, bad[i]);
	}
	/* an absolute path, even one inside the work tree */
	expect_refused(workspace_write(ws, abs.ptr, "x", 1, NULL, &e), &e,
		       abs.ptr);
	buf_reset(&abs);
	buf_addf(&abs, "%s/a.txt", gitsh_repo);
	expect_refused(workspace_write(ws, abs.ptr, "x", 1, NULL, &e), &e,
		       abs.ptr);

	/* the rule is named, so the model can act on it */
	assert_int_equal(workspace_write(ws, "linkdir/new.txt", "x", 1, NULL,
					 &e), -1);
	assert_non_null(strstr(e.msg.ptr, "linkdir is a symbolic link leading "
				       "outside the work tree"));
	err_clear(&e);
	assert_int_equal(workspace_write(ws, ".git/hooks/pre-commit", "x", 1,
					 NULL, &e), -1);
	assert_non_null(strstr(e.msg.ptr, ".git"));
	err_clear(&e);

	/* reading through them is refused as well */
	{
		struct workspace_file f = WORKSPACE_FILE_INIT;

		expect_refused(workspace_read(ws, "linkfile", 0, &f, &e), &e,
			       "linkfile");
		expect_refused(workspace_read(ws, "linkdir/secret.txt", 0, &f,
					      &e),
			       &e, "linkdir/secret.txt");
		expect_refused(workspace_read(ws, ".git/config", 0, &f, &e), &e,
			       ".git/config");
		assert_false(f.exists);
		workspace_file_release(&f);
	}

	after = world();
	assert_string_equal(before, after); /* nothing touched */
	assert_int_equal(log.paths.n, 0);   /* nor snapshotted */
	assert_int_equal(workspace_touched(ws)->n, 0);
	free(before);
	free(after);
	buf_release(&abs);
	strv_release(&log.paths);
	workspace_free(ws);
}

/* Links that stay inside: reads follow them (with openat2), edits never go
 * through them, and a link into .git is no way in. */
static void test_links_inside(void **state)
{
	struct workspace *ws;
	struct workspace_file f = WORKSPACE_FILE_INIT;
	struct err e = ERR_INIT;
	char *before, *after;

	sh("ln -s a.txt alias.txt && ln -s src lib && "
	   "ln -s .git/config gitconfig");
	before = world();
	assert_int_equal(workspace_open(&ws, gitsh_repo, flags_of(state), &e), 0);
	if (flags_of(state) & WORKSPACE_NO_OPENAT2) {
		/* without openat2 no link is followed */
		expect_refused(workspace_read(ws, "alias.txt", 0, &f, &e), &e,
			       "alias.txt");
	} else {
		assert_int_equal(workspace_read(ws, "alias.txt", 0, &f, &e), 0);
		assert_true(f.exists);
		assert_string_equal(f.content.ptr, "one\ntwo\nthree\n");
		workspace_file_release(&f);
		assert_int_equal(workspace_read(ws, "lib/x.c", 0, &f, &e), 0);
		assert_string_equal(f.content.ptr, "int x;\n");
		workspace_file_release(&f);
	}
	expect_refused(workspace_read(ws, "gitconfig", 0, &f, &e), &e,
		       "gitconfig");
	expect_refused(workspace_write(ws, "alias.txt", "x", 1, NULL, &e), &e,
		       "alias.txt");
	expect_refused(workspace_write(ws, "lib/x.c", "x", 1, NULL, &e), &e,
		       "lib/x.c");
	assert_int_equal(workspace_write(ws, "gitconfig", "x", 1, NULL, &e), -1);
	assert_non_null(strstr(e.msg.ptr, "symbolic link"));
	err_clear(&e);
	after = world();
	assert_string_equal(before, after);
	free(before);
	free(after);
	workspace_free(ws);
}

static void test_read(void **state)
{
	struct workspace *ws;
	struct workspace_file f = WORKSPACE_FILE_INIT;
	struct err e = ERR_INIT;

	assert_int_equal(workspace_open(&ws, gitsh_repo, flags_of(state), &e), 0);
	assert_int_equal(workspace_read(ws, "./src//x.c", 0, &f, &e), 0);
	assert_true(f.exists);
	assert_true(S_ISREG(f.mode));
	assert_string_equal(f.content.ptr, "int x;\n");
	workspace_file_release(&f);

	assert_int_equal(workspace_read(ws, "run.sh", 0, &f, &e), 0);
	assert_int_equal(f.mode & 0777, 0755);
	workspace_file_release(&f);

	/* missing (file or folder) is an answer, not an error */
	assert_int_equal(workspace_read(ws, "nope.txt", 0, &f, &e), 0);
	assert_false(f.exists);
	assert_int_equal(workspace_read(ws, "no/such/dir.txt", 0, &f, &e), 0);
	assert_false(f.exists);

	assert_int_equal(workspace_read(ws, "a.txt", 5, &f, &e), -1);
	assert_int_equal(e.kind, ERR_TOO_BIG);
	assert_non_null(strstr(e.msg.ptr, "a.txt"));
	assert_int_equal(f.content.len, 0);
	err_clear(&e);

	assert_int_equal(workspace_read(ws, "src", 0, &f, &e), -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS);
	err_clear(&e);

	/* a FIFO is refused at once, never waited on */
	sh("mkfifo pipe");
	assert_int_equal(workspace_read(ws, "pipe", 0, &f, &e), -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS);
	assert_non_null(strstr(e.msg.ptr, "pipe is a special file"));
	err_clear(&e);
	assert_int_equal(workspace_write(ws, "pipe", "x", 1, NULL, &e), -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS);
	err_clear(&e);
	workspace_file_release(&f);
	workspace_free(ws);
}

static void test_write(void **state)
{
	struct workspace *ws;
	struct err e = ERR_INIT;
	struct hook_log log = { STRV_INIT, false };
	struct stat st;
	struct buf p = BUF_INIT;
	bool created = true;
	char *s;
	mode_t old_umask;

	assert_int_equal(workspace_open(&ws, gitsh_repo, flags_of(state), &e), 0);
	workspace_set_hook(ws, record_hook, &log);

	/* an executable stays executable */
	assert_int_equal(workspace_write(ws, "run.sh", "#!/bin/sh\necho bye\n",
					 19, &created, &e), 0);
	assert_false(created);
	buf_addf(&p, "%s/run.sh", gitsh_repo);
	assert_int_equal(stat(p.ptr, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0755);
	s = sh_out("./run.sh");
	assert_string_equal(s, "bye\n");
	free(s);

	/* a new file: 0644 less the umask, its folders made */
	old_umask = umask(027);
	assert_int_equal(workspace_write(ws, "new/deep/n.txt", "n\n", 2,
					 &created, &e), 0);
	umask(old_umask);
	assert_true(created);
	buf_reset(&p);
	buf_addf(&p, "%s/new/deep/n.txt", gitsh_repo);
	assert_int_equal(stat(p.ptr, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	s = sh_out("cat new/deep/n.txt");
	assert_string_equal(s, "n\n");
	free(s);

	/* no temp file left behind */
	s = sh_out("find . -name '.airunner-tmp*'");
	assert_string_equal(s, "");
	free(s);

	/* the hook: once per path, before its first write */
	assert_int_equal(workspace_write(ws, "run.sh", "x", 1, NULL, &e), 0);
	assert_int_equal(log.paths.n, 2);
	assert_string_equal(log.paths.v[0], "run.sh");
	assert_string_equal(log.paths.v[1], "new/deep/n.txt");
	assert_int_equal(workspace_touched(ws)->n, 2);

	/* a failing hook stops the write */
	log.fail = true;
	assert_int_equal(workspace_write(ws, "a.txt", "gone", 4, NULL, &e), -1);
	assert_int_equal(e.kind, ERR_IO);
	assert_non_null(strstr(e.msg.ptr, "snapshot of a.txt"));
	err_clear(&e);
	assert_int_equal(workspace_write(ws, "fresh/f.txt", "f", 1, NULL, &e),
			 -1);
	err_clear(&e);
	s = sh_out("cat a.txt; ls fresh 2>&1 || true");
	assert_non_null(strstr(s, "one\ntwo\nthree\n"));
	assert_non_null(strstr(s, "No such file")); /* no folder made either */
	free(s);

	/* a folder is not a file */
	log.fail = false;
	assert_int_equal(workspace_write(ws, "src", "x", 1, NULL, &e), -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS);
	err_clear(&e);

	buf_release(&p);
	strv_release(&log.paths);
	workspace_free(ws);
}

static void test_replace(void **state)
{
	struct workspace *ws;
	struct err e = ERR_INIT;
	char *s;

	sh("printf 'let a = 1;\\nfoo();\\nlet b = 2;\\nfoo();\\n' > dup.js && "
	   "chmod 700 dup.js");
	assert_int_equal(workspace_open(&ws, gitsh_repo, flags_of(state), &e), 0);

	/* zero matches: refused, with the line that looks alike */
	assert_int_equal(workspace_replace(ws, "dup.js", "let  b = 3;", 11,
					   "x", 1, 0, &e), -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS);
	assert_non_null(strstr(e.msg.ptr, "not found in dup.js"));
	assert_non_null(strstr(e.msg.ptr, "line 3: let b = 2;"));
	err_clear(&e);

	/* several matches: refused, saying how many and where */
	assert_int_equal(workspace_replace(ws, "dup.js", "foo();", 6, "bar();",
					   6, 0, &e), -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS);
	assert_non_null(strstr(e.msg.ptr, "occurs 2 times in dup.js, at "
				       "lines 2, 4"));
	assert_non_null(strstr(e.msg.ptr, "surrounding text"));
	err_clear(&e);
	s = sh_out("cat dup.js");
	assert_string_equal(s, "let a = 1;\nfoo();\nlet b = 2;\nfoo();\n");
	free(s);
	assert_int_equal(workspace_touched(ws)->n, 0);

	/* exactly one: replaced, mode kept */
	assert_int_equal(workspace_replace(ws, "dup.js", "let b = 2;\nfoo();",
					   17, "let b = 3;\nbar();", 17, 0, &e),
			 0);
	s = sh_out("cat dup.js; stat -c %%a dup.js");
	assert_string_equal(s, "let a = 1;\nfoo();\nlet b = 3;\nbar();\n700\n");
	free(s);

	assert_int_equal(workspace_replace(ws, "none.js", "a", 1, "b", 1, 0,
					   &e), -1);
	assert_int_equal(e.kind, ERR_NOT_FOUND);
	err_clear(&e);
	workspace_free(ws);
}

static void test_delete(void **state)
{
	struct workspace *ws;
	struct err e = ERR_INIT;
	char *s;

	sh("mkdir -p only/here && printf 'x' > only/here/f.txt");
	assert_int_equal(workspace_open(&ws, gitsh_repo, flags_of(state), &e), 0);
	assert_int_equal(workspace_delete(ws, "a.txt", &e), 0);
	assert_int_equal(workspace_delete(ws, "only/here/f.txt", &e), 0);
	s = sh_out("git status --porcelain; ls");
	assert_non_null(strstr(s, " D a.txt"));
	assert_null(strstr(s, "only")); /* its empty folders went too */
	free(s);
	assert_int_equal(workspace_delete(ws, "a.txt", &e), -1);
	assert_int_equal(e.kind, ERR_NOT_FOUND);
	err_clear(&e);
	assert_int_equal(workspace_delete(ws, "src", &e), -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS);
	err_clear(&e);
	workspace_free(ws);
}

static void test_list_and_search(void **state)
{
	struct workspace *ws;
	struct workspace_search_result res;
	struct strv l = STRV_INIT;
	struct buf out = BUF_INIT;
	struct err e = ERR_INIT;

	sh("mkdir -p build src/deep && printf 'int x;\\n' > build/gen.c && "
	   "printf 'int y;\\nint x2;\\n' > src/deep/y.c && "
	   "printf '[verify]\\n' > .airunner && "
	   "printf 'bin\\0ary int x\\n' > src/blob.bin");
	assert_int_equal(workspace_open(&ws, gitsh_repo, flags_of(state), &e), 0);

	assert_int_equal(workspace_list(ws, NULL, &l, &e), 0);
	assert_true(strv_has(&l, "src/deep/y.c")); /* untracked */
	assert_true(strv_has(&l, "a.txt"));
	assert_false(strv_has(&l, "build/gen.c")); /* ignored */
	assert_false(strv_has(&l, ".airunner"));   /* not the model's */
	strv_release(&l);

	assert_int_equal(workspace_list(ws, "src/", &l, &e), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0], "src/blob.bin");
	assert_string_equal(l.v[1], "src/deep/y.c");
	assert_string_equal(l.v[2], "src/x.c");
	strv_release(&l);
	expect_refused(workspace_list(ws, "../outside", &l, &e), &e,
		       "../outside");

	assert_int_equal(workspace_search(ws, "int x", NULL, 0, &out, &res, &e),
			 0);
	assert_string_equal(out.ptr, "src/deep/y.c:2: int x2;\n"
				     "src/x.c:1: int x;\n");
	assert_int_equal(res.matches, 2);
	assert_false(res.truncated);
	assert_int_equal(res.skipped, 1); /* the binary file */
	buf_reset(&out);

	assert_int_equal(workspace_search(ws, "^int", "src", 1, &out, &res, &e),
			 0);
	assert_string_equal(out.ptr, "src/deep/y.c:1: int y;\n");
	assert_true(res.truncated);
	buf_reset(&out);

	assert_int_equal(workspace_search(ws, "int (", NULL, 0, &out, &res, &e),
			 -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS);
	assert_non_null(strstr(e.msg.ptr, "offset 5"));
	err_clear(&e);

	buf_release(&out);
	workspace_free(ws);
}

static void test_check_path(void **state)
{
	struct buf n = BUF_INIT;
	struct err e = ERR_INIT;

	assert_int_equal(workspace_check_path("./a//b/./c.txt", &n, &e), 0);
	assert_string_equal(n.ptr, "a/b/c.txt");
	buf_reset(&n);
	assert_int_equal(workspace_check_path(".gitignore", &n, &e), 0);
	assert_int_equal(workspace_check_path("docs/.airunner", &n, &e), 0);
	assert_int_equal(workspace_check_path("a/..b", &n, &e), 0);
	expect_refused(workspace_check_path("a/../b", &n, &e), &e, "a/../b");
	expect_refused(workspace_check_path(".", &n, &e), &e, ".");
	assert_int_equal(workspace_check_path("src/", &n, &e), -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS); /* a folder, not a file */
	err_clear(&e);
	expect_refused(workspace_check_path(".Airunner", &n, &e), &e,
		       ".Airunner");
	buf_release(&n);
}

/* Each test with openat2, then with the by-hand walk. */
#define BOTH(t)                                                          \
	{ #t, t, setup, teardown, (void *)(uintptr_t)0 },                \
	{ #t " (no openat2)", t, setup, teardown,                        \
	  (void *)(uintptr_t)WORKSPACE_NO_OPENAT2 }

int main(void)
{
	const struct CMUnitTest tests[] = {
		BOTH(test_edits_outside_are_refused),
		BOTH(test_links_inside),
		BOTH(test_read),
		BOTH(test_write),
		BOTH(test_replace),
		BOTH(test_delete),
		BOTH(test_list_and_search),
		cmocka_unit_test(test_check_path),
	};

	gitsh_env();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
