/*
 * util/fs: reading files someone else named, on real files, folders, FIFOs
 * and devices. The FIFO cases run in a forked child under alarm(), so a
 * regression (an open() waiting for a writer) fails instead of hanging.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/blobid.h"
#include "util/buf.h"
#include "util/fs.h"

static char dir[256];

static const char *at(const char *name)
{
	static char path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return path;
}

static void put(const char *name, const char *text)
{
	FILE *f = fopen(at(name), "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Runs fs_read_regular (check == 0) or fs_check_regular on path in a child
 * limited to 5 s; returns the error message (caller frees), or NULL when
 * the call succeeded. */
static char *bounded(const char *path, int check)
{
	struct buf msg = BUF_INIT;
	char chunk[512];
	int pfd[2], status;
	ssize_t n;
	pid_t pid;

	assert_int_equal(pipe(pfd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct buf out = BUF_INIT;
		struct err e = ERR_INIT;
		int r;

		alarm(5);
		r = check ? fs_check_regular(path, 0, &e)
			  : fs_read_regular(&out, path, 0, &e);
		if (r < 0 && write(pfd[1], e.msg.ptr, e.msg.len) < 0)
			_exit(3);
		_exit(r < 0 ? 1 : 0);
	}
	close(pfd[1]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (WIFSIGNALED(status))
		fail_msg("%s blocked (signal %d)", path, WTERMSIG(status));
	while ((n = read(pfd[0], chunk, sizeof(chunk))) > 0)
		buf_add(&msg, chunk, (size_t)n);
	close(pfd[0]);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == 0) {
		buf_release(&msg);
		return NULL;
	}
	assert_int_equal(WEXITSTATUS(status), 1);
	return buf_detach(&msg, NULL);
}

static void test_regular_read(void **state)
{
	struct buf b = BUF_INIT;
	struct err e = ERR_INIT;

	(void)state;
	put("a.txt", "hello\n");
	buf_adds(&b, ">");
	assert_int_equal(fs_read_regular(&b, at("a.txt"), 6, &e), 0);
	assert_string_equal(b.ptr, ">hello\n"); /* appended */
	buf_reset(&b);
	/* a symlink to a regular file is fine */
	assert_int_equal(symlink("a.txt", at("link")), 0);
	assert_int_equal(fs_read_regular(&b, at("link"), 0, &e), 0);
	assert_string_equal(b.ptr, "hello\n");
	assert_int_equal(fs_check_regular(at("link"), 0, &e), 0);
	buf_release(&b);
}

static void test_limit_and_missing(void **state)
{
	struct buf b = BUF_INIT;
	struct err e = ERR_INIT;

	(void)state;
	put("big.txt", "0123456789");
	buf_adds(&b, "kept");
	assert_int_equal(fs_read_regular(&b, at("big.txt"), 9, &e), -1);
	assert_int_equal(e.kind, ERR_TOO_BIG);
	assert_non_null(strstr(e.msg.ptr, "big.txt is 10 bytes, over the "
					  "limit of 9 bytes"));
	assert_string_equal(b.ptr, "kept"); /* nothing half-read */
	err_clear(&e);
	assert_int_equal(fs_check_regular(at("big.txt"), 9, &e), -1);
	assert_int_equal(e.kind, ERR_TOO_BIG);
	err_clear(&e);

	assert_int_equal(fs_read_regular(&b, at("none"), 0, &e), -1);
	assert_int_equal(e.kind, ERR_NOT_FOUND);
	assert_non_null(strstr(e.msg.ptr, "none: no such file"));
	err_clear(&e);
	assert_int_equal(fs_check_regular(at("none"), 0, &e), -1);
	assert_int_equal(e.kind, ERR_NOT_FOUND);
	err_clear(&e);
	buf_release(&b);
}

static void test_not_regular(void **state)
{
	char *msg;

	(void)state;
	assert_int_equal(mkfifo(at("fifo"), 0600), 0);
	msg = bounded(at("fifo"), 0);
	assert_non_null(msg);
	assert_non_null(strstr(msg, "/fifo is a FIFO, not a regular file"));
	free(msg);
	msg = bounded(at("fifo"), 1);
	assert_non_null(msg);
	assert_non_null(strstr(msg, "is a FIFO"));
	free(msg);

	assert_int_equal(mkdir(at("sub"), 0700), 0);
	msg = bounded(at("sub"), 0);
	assert_non_null(strstr(msg, "/sub is a folder"));
	free(msg);

	msg = bounded("/dev/null", 0);
	assert_non_null(strstr(msg, "/dev/null is a character device"));
	free(msg);

	/* a symlink to a FIFO is a FIFO */
	assert_int_equal(symlink("fifo", at("tofifo")), 0);
	msg = bounded(at("tofifo"), 0);
	assert_non_null(strstr(msg, "/tofifo is a FIFO"));
	free(msg);
}

/* Joins a folder and a path as a build names it: "." and ".." resolved in
 * both, an absolute path standing alone, never above "/", and no climb out
 * of a relative folder (then nothing is added). */
static void test_path_join(void **state)
{
	static const struct {
		const char *dir, *rel, *want; /* want NULL: refused */
	} cases[] = {
		{ "/p/lib", "a.c", "/p/lib/a.c" },
		{ "/p/lib/", "./sub/../b.c", "/p/lib/b.c" },
		{ "build", "../src/a.c", "src/a.c" },
		{ "../build", "../src/a.c", NULL }, /* above "." already */
		{ "a/./b", "../../c", "c" },
		{ "", "x/y", "x/y" },
		{ "/p", "/usr/include/x.h", "/usr/include/x.h" },
		{ "/p", "../../../etc", "/etc" },
		{ "build", "../../x", NULL },
		{ "", "..", NULL },
	};
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(cases) / sizeof(*cases); k++) {
		struct buf b = BUF_INIT;
		bool ok;

		buf_adds(&b, "=");
		ok = fs_path_join(&b, cases[k].dir, strlen(cases[k].dir),
				  cases[k].rel);
		if (!cases[k].want) {
			assert_false(ok);
			assert_string_equal(b.ptr, "=");
		} else {
			assert_true(ok);
			assert_string_equal(b.ptr + 1, cases[k].want);
		}
		buf_release(&b);
	}
}

/* What `git hash-object` prints for the file at path. */
static void git_hash_object(const char *path, char out[BLOB_ID_HEXSZ + 1])
{
	struct buf cmd = BUF_INIT;
	FILE *p;

	buf_addf(&cmd, "git hash-object '%s'", path);
	p = popen(cmd.ptr, "r");
	assert_non_null(p);
	assert_non_null(fgets(out, BLOB_ID_HEXSZ + 1, p));
	assert_int_equal(pclose(p), 0);
	buf_release(&cmd);
}

/* Cache files and tool state are named by these ids: they are git's blob
 * ids, for any bytes (NULs, a length past one SHA-1 block), so the names
 * libgit2 gave them before stay the same. */
static void test_blob_ids_are_gits(void **state)
{
	static const size_t sizes[] = { 0, 3, 55, 56, 64, 1 << 20 };
	char ours[BLOB_ID_HEXSZ + 1], gits[BLOB_ID_HEXSZ + 1];
	(void)state;

	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		struct buf b = BUF_INIT;
		FILE *f;

		for (size_t k = 0; k < sizes[i]; k++)
			buf_addch(&b, (char)(k * 7 % 251));
		f = fopen(at("blob"), "wb");
		assert_non_null(f);
		assert_int_equal(fwrite(b.ptr ? b.ptr : "", 1, b.len, f), b.len);
		fclose(f);
		blob_id_hex(b.ptr ? b.ptr : "", b.len, ours);
		git_hash_object(at("blob"), gits);
		assert_string_equal(ours, gits);
		buf_release(&b);
	}
	blob_id_hex("", 0, ours);
	assert_string_equal(ours, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
}

static int rm_entry(const char *p, const struct stat *st, int flag,
		    struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_regular_read),
		cmocka_unit_test(test_limit_and_missing),
		cmocka_unit_test(test_not_regular),
		cmocka_unit_test(test_path_join),
		cmocka_unit_test(test_blob_ids_are_gits),
	};
	int r;

	snprintf(dir, sizeof(dir), "%s/airunner-test-fs-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir))
		return 1;
	r = cmocka_run_group_tests(tests, NULL, NULL);
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return r;
}
