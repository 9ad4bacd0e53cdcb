/*
 * config/ against real files: a real repository made with the git command
 * line, the user's settings written with `git config` (a private HOME, so the
 * global file is ours too), the team's in a real .airunner.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/config.h"
#include "llm/cost.h"
#include "util/buf.h"
#include "util/strv.h"

static char base[256]; /* holds home/ and repo/ */
static char repo[300];

static void sh_at(const char *dir, const char *fmt, ...)
{
	struct buf cmd = BUF_INIT;
	va_list ap;

	buf_addf(&cmd, "cd '%s' && ", dir);
	va_start(ap, fmt);
	buf_vaddf(&cmd, fmt, ap);
	va_end(ap);
	assert_int_equal(system(cmd.ptr), 0);
	buf_release(&cmd);
}

#define sh(...) sh_at(repo, __VA_ARGS__)

/* Writes the team file. */
static void team(const char *text)
{
	struct buf path = BUF_INIT;
	FILE *f;

	buf_addf(&path, "%s/.airunner", repo);
	f = fopen(path.ptr, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	buf_release(&path);
}

static int rm_entry(const char *p, const struct stat *st, int flag,
		    struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(p);
}

/* Each test starts from a fresh repository and an empty global config. */
static int setup(void **state)
{
	(void)state;
	sh_at(base, "rm -rf repo home/.gitconfig && mkdir repo && "
		    "git -C repo init -q");
	return 0;
}

static struct config *open_ok(void)
{
	struct config *cfg = NULL;
	struct err e = ERR_INIT;

	if (config_open(&cfg, repo, &e) < 0)
		fail_msg("config_open: %s", e.msg.ptr);
	err_clear(&e);
	return cfg;
}

/* config_open is refused; returns the message (caller frees). */
static char *open_fails(void)
{
	struct config *cfg = NULL;
	struct err e = ERR_INIT;

	assert_int_equal(config_open(&cfg, repo, &e), -1);
	assert_null(cfg);
	assert_int_equal(e.kind, ERR_CONFIG);
	return buf_detach(&e.msg, NULL);
}

static char *get_str(struct config *cfg, const char *section,
		     const char *sub, const char *name)
{
	struct err e = ERR_INIT;
	char *v = NULL;

	assert_int_not_equal(config_get_string(cfg, section, sub, name, &v, &e),
			     -1);
	return v;
}

static int add_value(const char *v, void *data)
{
	strv_add(data, v);
	return 0;
}

static int add_name(const char *v, void *data)
{
	strv_add(data, v);
	return 0;
}

static int stop_at_first(const char *v, void *data)
{
	(void)v;
	(*(int *)data)++;
	return 1;
}

/* The user's value wins over the team's; the repo's .git/config over the
 * global one; within one file the last line. */
static void test_user_over_team(void **state)
{
	struct config *cfg;
	struct err e = ERR_INIT;
	int64_t t = 0;
	char *v;

	(void)state;
	team("[check \"tsc\"]\n\tcommand = npx tsc --noEmit\n\ttimeout = 10\n"
	     "[hook]\n\tonError = block\n[llm \"proxy\"]\n\tmodel = m1\n"
	     "\tmodel = m2\n");
	sh("git config airunner.check.tsc.timeout 30");
	sh("git config --global airunner.hook.onError allow");
	cfg = open_ok();
	assert_int_equal(config_get_int(cfg, "check", "tsc", "timeout", &t, &e),
			 1);
	assert_int_equal(t, 30);
	v = get_str(cfg, "check", "tsc", "command");
	assert_string_equal(v, "npx tsc --noEmit"); /* only the team has it */
	free(v);
	v = get_str(cfg, "hook", NULL, "onError");
	assert_string_equal(v, "allow"); /* global user beats team */
	free(v);
	v = get_str(cfg, "llm", "proxy", "model");
	assert_string_equal(v, "m2"); /* the last line of a file */
	free(v);
	assert_int_equal(config_get_string(cfg, "check", "tsc", "nope", &v, &e),
			 0);
	assert_int_equal(config_get_string(cfg, "nope", NULL, "x", &v, &e), 0);
	config_free(cfg);

	sh("git config airunner.hook.onError block");
	cfg = open_ok();
	v = get_str(cfg, "hook", NULL, "onerror");
	assert_string_equal(v, "block"); /* .git/config beats global */
	free(v);
	config_free(cfg);
}

/* Multivars: the team's values first, then the user's, each in file order
 * (global before the repo's .git/config). */
static void test_multivar_order(void **state)
{
	struct config *cfg;
	struct strv l = STRV_INIT;
	struct err e = ERR_INIT;
	int n = 0;

	(void)state;
	team("[check \"lint\"]\n\tfiles = *.ts\n\tcommand = lint\n"
	     "[check \"other\"]\n\tfiles = nope\n"
	     "[check \"lint\"]\n\tfiles = *.tsx\n");
	sh("git config --global --add airunner.check.lint.files '*.js'");
	sh("git config --add airunner.check.lint.files '*.mjs' && "
	   "git config --add airunner.check.lint.files '*.cjs'");
	cfg = open_ok();
	assert_int_equal(config_get_all(cfg, "check", "lint", "files",
					add_value, &l, &e),
			 5);
	assert_int_equal(l.n, 5);
	assert_string_equal(l.v[0], "*.ts");
	assert_string_equal(l.v[1], "*.tsx");
	assert_string_equal(l.v[2], "*.js");
	assert_string_equal(l.v[3], "*.mjs");
	assert_string_equal(l.v[4], "*.cjs");
	strv_release(&l);
	/* fn stops the walk */
	assert_int_equal(config_get_all(cfg, "check", "lint", "files",
					stop_at_first, &n, &e),
			 1);
	assert_int_equal(n, 1);
	assert_int_equal(config_get_all(cfg, "check", "lint", "env", add_value,
					&l, &e),
			 0);
	config_free(cfg);
}

/* Section and variable names are case-insensitive, subsections are not. */
static void test_case_rules(void **state)
{
	struct config *cfg;
	struct err e = ERR_INIT;
	int64_t t = 0;
	char *v = NULL;

	(void)state;
	team("[CHECK \"TSC\"]\n\tTimeOut = 5\n[check \"tsc\"]\n\ttimeout = 7\n"
	     "[Hook]\n\tONERROR = allow\n");
	cfg = open_ok();
	assert_int_equal(config_get_int(cfg, "check", "TSC", "timeout", &t, &e),
			 1);
	assert_int_equal(t, 5);
	assert_int_equal(config_get_int(cfg, "Check", "tsc", "TIMEOUT", &t, &e),
			 1);
	assert_int_equal(t, 7);
	assert_int_equal(config_get_int(cfg, "check", "Tsc", "timeout", &t, &e),
			 0);
	v = get_str(cfg, "hook", NULL, "onError");
	assert_string_equal(v, "allow");
	free(v);
	config_free(cfg);

	/* The user's side: `git config airunner.Check.TSC.timeout` is section
	 * Check (any case), subsection TSC (this case). */
	sh("git config airunner.Check.TSC.timeout 9");
	cfg = open_ok();
	assert_int_equal(config_get_int(cfg, "check", "TSC", "timeout", &t, &e),
			 1);
	assert_int_equal(t, 9);
	assert_int_equal(config_get_int(cfg, "check", "tsc", "timeout", &t, &e),
			 1);
	assert_int_equal(t, 7);
	config_free(cfg);
}

/* Every subsection once, in the order it first appears: the team's, then
 * the ones only the user has. Keys of the section itself are no subsection;
 * a subsection may hold dots. */
static void test_subsections_once(void **state)
{
	struct config *cfg;
	struct strv l = STRV_INIT;
	struct err e = ERR_INIT;
	char *v;

	(void)state;
	team("[check]\n\tparallel = 2\n[check \"zeta\"]\n\tcommand = z\n"
	     "[check \"alpha\"]\n\tcommand = a\n[check \"zeta\"]\n\tfiles = x\n"
	     "[llm \"my.proxy\"]\n\tmodel = m\n");
	sh("git config airunner.check.alpha.timeout 3 && "
	   "git config airunner.check.mid.command m && "
	   "git config airunner.check.mid.files y");
	cfg = open_ok();
	assert_int_equal(config_subsections(cfg, "check", add_name, &l, &e), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0], "zeta");
	assert_string_equal(l.v[1], "alpha");
	assert_string_equal(l.v[2], "mid");
	strv_release(&l);
	assert_int_equal(config_subsections(cfg, "llm", add_name, &l, &e), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0], "my.proxy");
	strv_release(&l);
	v = get_str(cfg, "llm", "my.proxy", "model");
	assert_string_equal(v, "m");
	free(v);
	assert_int_equal(config_subsections(cfg, "none", add_name, &l, &e), 0);
	assert_int_equal(l.n, 0);
	config_free(cfg);
}

/* Typed values as git reads them; a bad one names the source and key. */
static void test_types(void **state)
{
	struct config *cfg;
	struct err e = ERR_INIT;
	bool b = false;
	int64_t t = 0;
	char *v;

	(void)state;
	team("[check \"a\"]\n\tblocking\n\ttimeout = 2k\n\tenabled = no\n"
	     "[check \"b\"]\n\ttimeout = soon\n\tblocking = maybe\n");
	cfg = open_ok();
	assert_int_equal(config_get_bool(cfg, "check", "a", "blocking", &b, &e),
			 1);
	assert_true(b); /* a bare name is true */
	v = get_str(cfg, "check", "a", "blocking");
	assert_string_equal(v, "");
	free(v);
	assert_int_equal(config_get_bool(cfg, "check", "a", "enabled", &b, &e),
			 1);
	assert_false(b);
	assert_int_equal(config_get_int(cfg, "check", "a", "timeout", &t, &e),
			 1);
	assert_int_equal(t, 2048);
	assert_int_equal(config_get_int(cfg, "check", "b", "timeout", &t, &e),
			 -1);
	assert_int_equal(e.kind, ERR_CONFIG);
	assert_non_null(strstr(e.msg.ptr, "/.airunner"));
	assert_non_null(strstr(e.msg.ptr, "check.b.timeout"));
	assert_non_null(strstr(e.msg.ptr, "'soon'"));
	err_clear(&e);
	assert_int_equal(config_get_bool(cfg, "check", "b", "blocking", &b, &e),
			 -1);
	assert_non_null(strstr(e.msg.ptr, "not a boolean"));
	err_clear(&e);
	config_free(cfg);

	sh("git config airunner.check.b.timeout later");
	cfg = open_ok();
	assert_int_equal(config_get_int(cfg, "check", "b", "timeout", &t, &e),
			 -1);
	assert_non_null(strstr(e.msg.ptr, "git config"));
	assert_non_null(strstr(e.msg.ptr, "airunner.check.b.timeout"));
	err_clear(&e);
	config_free(cfg);
}

/* A malformed team file: the error names the file and the line. */
static void test_malformed(void **state)
{
	char *msg;

	(void)state;
	team("[check \"tsc\"]\n\ttimeout = 1\n[broken\n\tx = 1\n");
	msg = open_fails();
	assert_non_null(strstr(msg, "/.airunner"));
	assert_non_null(strstr(msg, ".airunner:3"));
	assert_null(strstr(msg, "/proc/")); /* our copy is not what is named */
	free(msg);

	team("[check \"tsc\"]\n\tcommand = a\n\tbad_key = 1\n");
	msg = open_fails();
	assert_non_null(strstr(msg, "invalid configuration key"));
	assert_non_null(strstr(msg, ".airunner:3"));
	free(msg);
}

/* Includes would be opened by libgit2 past every check: refused. */
static void test_include_refused(void **state)
{
	char *msg;

	(void)state;
	team("[check \"a\"]\n\tcommand = a # [include] in a value is fine\n"
	     "  [ Include ]\n\tpath = /etc/passwd\n");
	msg = open_fails();
	assert_non_null(strstr(msg, ".airunner:3"));
	assert_non_null(strstr(msg, "include"));
	free(msg);
	team("[check \"a\"] command = a\n[includeIf \"gitdir:/\"]\n"
	     "\tpath = x\n");
	msg = open_fails();
	assert_non_null(strstr(msg, ".airunner:2"));
	free(msg);
	team("[hook][include]\n\tpath = x\n");
	msg = open_fails();
	assert_non_null(strstr(msg, ".airunner:1"));
	free(msg);
	/* a section merely named like it is not an include */
	team("[check \"include\"]\n\tcommand = i\n[included]\n\tx = 1\n");
	config_free(open_ok());
}

static void write_checks(int n)
{
	struct buf path = BUF_INIT;
	FILE *f;
	int i;

	buf_addf(&path, "%s/.airunner", repo);
	f = fopen(path.ptr, "w");
	assert_non_null(f);
	for (i = 0; i < n; i++)
		fprintf(f, "[check \"c%d\"]\n\tcommand = true %d\n"
			   "\ttimeout = %d\n",
			i, i, i % 100);
	fclose(f);
	buf_release(&path);
}

/* As many checks as the limit load, and every one is found; one more is
 * refused, and 10,000 (the file that took 135 s) are refused at once, with
 * the file and the limit named. */
static void test_many_checks(void **state)
{
	struct config *cfg;
	struct strv l = STRV_INIT;
	struct err e = ERR_INIT;
	int64_t t;
	char *msg, name[32];
	int i;

	(void)state;
	write_checks(CONFIG_SUBSECTIONS_MAX);
	cfg = open_ok();
	assert_int_equal(config_subsections(cfg, "check", add_name, &l, &e), 0);
	assert_int_equal(l.n, CONFIG_SUBSECTIONS_MAX);
	for (i = 0; i < CONFIG_SUBSECTIONS_MAX; i++) {
		snprintf(name, sizeof(name), "c%d", i);
		assert_string_equal(l.v[i], name);
		assert_int_equal(config_get_int(cfg, "check", name, "timeout",
						&t, &e),
				 1);
		assert_int_equal(t, i % 100);
	}
	strv_release(&l);
	config_free(cfg);

	write_checks(CONFIG_SUBSECTIONS_MAX + 1);
	msg = open_fails();
	assert_non_null(strstr(msg, "/.airunner"));
	assert_non_null(strstr(msg, "1000"));
	assert_non_null(strstr(msg, "[check"));
	free(msg);

	write_checks(10000);
	msg = open_fails();
	assert_non_null(strstr(msg, "/.airunner: more than 1000 [check"));
	free(msg);
}

/* A 43 MB team file is refused by its size, before anything parses it. */
static void test_huge_file(void **state)
{
	struct buf path = BUF_INIT, block = BUF_INIT;
	char *msg;
	size_t written = 0;
	FILE *f;
	int i;

	(void)state;
	for (i = 0; i < 1000; i++)
		buf_addf(&block, "[check \"c%d\"]\n\tcommand = true\n", i);
	buf_addf(&path, "%s/.airunner", repo);
	f = fopen(path.ptr, "w");
	assert_non_null(f);
	while (written < 43u << 20)
		written += fwrite(block.ptr, 1, block.len, f);
	fclose(f);
	msg = open_fails();
	assert_non_null(strstr(msg, path.ptr));
	assert_non_null(strstr(msg, "over the limit of 1048576 bytes"));
	free(msg);
	buf_release(&path);
	buf_release(&block);
}

/* The callers' keys through the one shape: a model's price, whose name
 * (the subsection) holds dots and is matched exactly, overridden per field by
 * the user; a bad one names the key. */
static void test_price_keys(void **state)
{
	struct config *cfg;
	struct llm_price p;
	struct err e = ERR_INIT;

	(void)state;
	team("[price \"my.model-1\"]\n\tinput = 0.5\n\toutput = 2\n"
	     "[price \"bad\"]\n\tinput = cheap\n");
	sh("git config airunner.price.my.model-1.output 3");
	cfg = open_ok();
	assert_int_equal(cost_price(&p, "my.model-1", cfg, &e), 1);
	assert_true(p.input == 0.5);
	assert_true(p.output == 3);
	assert_int_equal(cost_price(&p, "My.model-1", cfg, &e), 0);
	assert_int_equal(cost_price(&p, "bad", cfg, &e), -1);
	assert_non_null(strstr(e.msg.ptr, "price.bad.input"));
	err_clear(&e);
	config_free(cfg);
}

/* No workspace, or a workspace without .airunner or without git: the user's
 * config alone, no error. */
static void test_sources_optional(void **state)
{
	struct config *cfg = NULL;
	struct err e = ERR_INIT;
	char *v;

	(void)state;
	sh("rm -f .airunner && git config --global airunner.hook.onError allow");
	assert_int_equal(config_open(&cfg, NULL, &e), 0);
	v = get_str(cfg, "hook", NULL, "onError");
	assert_string_equal(v, "allow");
	free(v);
	config_free(cfg);
	assert_int_equal(config_open(&cfg, base, &e), 0); /* not a repo */
	v = get_str(cfg, "hook", NULL, "onError");
	assert_string_equal(v, "allow");
	free(v);
	config_free(cfg);
	cfg = open_ok();
	config_free(cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_user_over_team, setup),
		cmocka_unit_test_setup(test_multivar_order, setup),
		cmocka_unit_test_setup(test_case_rules, setup),
		cmocka_unit_test_setup(test_subsections_once, setup),
		cmocka_unit_test_setup(test_types, setup),
		cmocka_unit_test_setup(test_malformed, setup),
		cmocka_unit_test_setup(test_include_refused, setup),
		cmocka_unit_test_setup(test_many_checks, setup),
		cmocka_unit_test_setup(test_huge_file, setup),
		cmocka_unit_test_setup(test_price_keys, setup),
		cmocka_unit_test_setup(test_sources_optional, setup),
	};
	char home[300];
	int r;

	/* A private HOME before libgit2 first looks for the global config;
	 * the system one may exist but has no airunner keys. */
	snprintf(base, sizeof(base), "%s/airunner-test-config-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(base))
		return 1;
	snprintf(repo, sizeof(repo), "%s/repo", base);
	snprintf(home, sizeof(home), "%s/home", base);
	if (mkdir(home, 0700) < 0)
		return 1;
	setenv("HOME", home, 1);
	setenv("XDG_CONFIG_HOME", home, 1);
	unsetenv("GIT_DIR");
	unsetenv("GIT_CONFIG_GLOBAL");
	r = cmocka_run_group_tests(tests, NULL, NULL);
	nftw(base, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return r;
}
