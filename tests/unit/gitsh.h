/*
 * gitsh: what the git-backed unit tests share: a scratch folder, shell
 * commands run in it (the git command line sets repositories up and checks
 * them, as a person would), their output, and cleanup. Header-only: each
 * test includes it once.
 */
#ifndef AIRUNNER_TEST_GITSH_H
#define AIRUNNER_TEST_GITSH_H

#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"

/* The scratch folder, and the repository inside it. */
static char gitsh_base[256], gitsh_repo[300];

static void gitsh_vcmd(struct buf *cmd, const char *fmt, va_list ap)
{
	buf_addf(cmd, "cd '%s' && ", gitsh_repo);
	buf_vaddf(cmd, fmt, ap);
}

/* Runs the command in the repository; fails the test on a non-zero exit. */
static void __attribute__((format(printf, 1, 2))) sh(const char *fmt, ...)
{
	struct buf cmd = BUF_INIT;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	gitsh_vcmd(&cmd, fmt, ap);
	va_end(ap);
	rc = system(cmd.ptr);
	if (rc != 0)
		fprintf(stderr, "command failed (%d): %s\n", rc, cmd.ptr);
	assert_int_equal(rc, 0);
	buf_release(&cmd);
}

/* The command's standard output (caller frees). */
static char *__attribute__((format(printf, 1, 2))) sh_out(const char *fmt, ...)
{
	struct buf cmd = BUF_INIT, out = BUF_INIT;
	char chunk[4096];
	va_list ap;
	size_t n;
	FILE *f;

	va_start(ap, fmt);
	gitsh_vcmd(&cmd, fmt, ap);
	va_end(ap);
	f = popen(cmd.ptr, "r");
	assert_non_null(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&out, chunk, n);
	assert_int_equal(pclose(f), 0);
	buf_release(&cmd);
	return buf_detach(&out, NULL);
}

static int gitsh_rm(const char *p, const struct stat *st, int flag,
		    struct FTW *ftw)
{
	(void)st; (void)flag; (void)ftw;
	/* A test may leave a folder without write permission. */
	chmod(p, 0700);
	return remove(p);
}

/* Makes the scratch folder with an empty repository at base/repo. */
static void gitsh_setup(void)
{
	snprintf(gitsh_base, sizeof(gitsh_base), "%s/airunner-test-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(gitsh_base));
	snprintf(gitsh_repo, sizeof(gitsh_repo), "%s/repo", gitsh_base);
	assert_int_equal(mkdir(gitsh_repo, 0755), 0);
	sh("git init -q -b main");
}

static void gitsh_teardown(void)
{
	nftw(gitsh_base, gitsh_rm, 16, FTW_DEPTH | FTW_PHYS);
}

/* A git identity for the command line, and no system or user config. */
static void gitsh_env(void)
{
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	setenv("GIT_CONFIG_GLOBAL", "/dev/null", 1);
	setenv("GIT_AUTHOR_NAME", "t", 1);
	setenv("GIT_AUTHOR_EMAIL", "t@example.com", 1);
	setenv("GIT_COMMITTER_NAME", "t", 1);
	setenv("GIT_COMMITTER_EMAIL", "t@example.com", 1);
}

#endif
