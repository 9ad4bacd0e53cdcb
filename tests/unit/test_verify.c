/* verify: globs, command splitting, JSONC, import resolution, config. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <ev.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "verify/checks.h"

static char tmp[256];

static void write_file(const char *rel, const char *content)
{
	char path[512], *slash;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", tmp, rel);
	for (slash = strchr(path + strlen(tmp) + 1, '/'); slash;
	     slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0755);
		*slash = '/';
	}
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(content, f);
	fclose(f);
}

static int rm_entry(const char *p, const struct stat *st, int flag,
		    struct FTW *ftw)
{
	return remove(p);
}

static int setup(void **state)
{
	snprintf(tmp, sizeof(tmp), "%s/airunner-test-verify-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(tmp));
	return 0;
}

static int teardown(void **state)
{
	nftw(tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}

static void test_glob(void **state)
{
	assert_true(verify_glob_match("*.ts", "a.ts"));
	assert_true(verify_glob_match("*.ts", "src/deep/a.ts"));
	assert_false(verify_glob_match("*.ts", "a.tsx"));
	assert_false(verify_glob_match("*.ts", "src.ts/a.js"));
	assert_true(verify_glob_match("src/*.ts", "src/a.ts"));
	assert_false(verify_glob_match("src/*.ts", "src/x/a.ts"));
	assert_false(verify_glob_match("src/*.ts", "lib/src/a.ts"));
	assert_true(verify_glob_match("/src/*.ts", "src/a.ts"));
	assert_true(verify_glob_match("src/**/*.ts", "src/a.ts"));
	assert_true(verify_glob_match("src/**/*.ts", "src/x/y/a.ts"));
	assert_false(verify_glob_match("src/**/*.ts", "lib/x/a.ts"));
	assert_true(verify_glob_match("**/test/*.js", "test/a.js"));
	assert_true(verify_glob_match("**/test/*.js", "a/b/test/a.js"));
	assert_false(verify_glob_match("**/test/*.js", "a/b/test/c/a.js"));
	assert_true(verify_glob_match("src/**", "src/x/y"));
	assert_false(verify_glob_match("src/**", "srcx/y"));
	assert_true(verify_glob_match("[ab].c", "a.c"));
	assert_false(verify_glob_match("[ab].c", "c.c"));
	assert_true(verify_glob_match("[!ab].c", "c.c"));
	assert_true(verify_glob_match("[a-c]?.c", "bx.c"));
	assert_false(verify_glob_match("?.c", "ab.c"));
	assert_true(verify_glob_match("*", "any/thing.md"));
	assert_true(verify_glob_match("Makefile", "sub/Makefile"));
	assert_true(verify_glob_match("a\\*b", "a*b"));
	assert_false(verify_glob_match("a\\*b", "axb"));
	assert_false(verify_glob_match("[unterminated", "u"));
	assert_true(verify_glob_match("[unterminated", "[unterminated"));
}

static void split_is(const char *cmd, const char *const *want)
{
	struct strv out = STRV_INIT;
	struct err e = ERR_INIT;
	size_t i;

	assert_int_equal(verify_split_command(cmd, &out, &e), 0);
	for (i = 0; want[i]; i++) {
		assert_true(i < out.n);
		assert_string_equal(out.v[i], want[i]);
	}
	assert_int_equal(out.n, i);
	strv_release(&out);
}

static void test_split(void **state)
{
	struct strv out = STRV_INIT;
	struct err e = ERR_INIT;

	split_is("npx  eslint\t--max-warnings 0 {files}",
		 (const char *[]){ "npx", "eslint", "--max-warnings", "0",
				   "{files}", NULL });
	split_is("sh -c 'echo $HOME; x' \"a \\\"b\\\" $c\" d\\ e ''",
		 (const char *[]){ "sh", "-c", "echo $HOME; x", "a \"b\" $c",
				   "d e", "", NULL });
	split_is("a'b'\"c\"d", (const char *[]){ "abcd", NULL });
	split_is("   ", (const char *[]){ NULL });
	split_is("\"x\\n\"", (const char *[]){ "x\\n", NULL });

	assert_int_equal(verify_split_command("a 'b", &out, &e), -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS);
	err_clear(&e);
	assert_int_equal(verify_split_command("a \"b", &out, &e), -1);
	err_clear(&e);
	strv_release(&out);
}

static void test_jsonc(void **state)
{
	const char *src = "{\n // line \"comment\"\n \"a\": \"x // not a "
			  "comment /* nor this */\", /* block */\n \"b\": [1, "
			  "2, ], \"c\": {\"d\": \"\\\"\",},\n}\n";
	struct buf out = BUF_INIT;
	struct json_doc doc = JSON_DOC_INIT;
	struct err e = ERR_INIT;

	verify_jsonc_strip(src, strlen(src), &out);
	assert_int_equal(json_parse(&doc, out.ptr, out.len, 64, &e), 0);
	assert_true(json_str_eq(&doc, json_get(&doc, 0, "a"),
				"x // not a comment /* nor this */"));
	assert_int_equal(json_count(&doc, json_get(&doc, 0, "b")), 2);
	assert_true(json_str_eq(&doc, json_get(&doc, json_get(&doc, 0, "c"), "d"),
				"\""));
	json_doc_release(&doc);
	buf_release(&out);
}

static const struct diag *find_diag(const struct diag_list *l, int line)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i].line == line)
			return &l->v[i];
	return NULL;
}

static void test_imports(void **state)
{
	struct verify_tsconfig tc;
	struct diag_list l = DIAG_LIST_INIT;
	struct err e = ERR_INIT;
	const struct diag *d;

	write_file("tsconfig.json",
		   "{ // paths and baseUrl\n \"compilerOptions\": {\n"
		   "  \"baseUrl\": \"./src\",\n"
		   "  \"paths\": { \"@lib/*\": [\"missing/*\", \"lib/*\"],"
		   " \"~cfg\": [\"config.ts\"], },\n },\n}\n");
	write_file("src/lib/util.ts", "export const u = 1;\n");
	write_file("src/config.ts", "export default {};\n");
	write_file("src/app/comp.tsx", "export default 1;\n");
	write_file("src/app/dir/index.ts", "export {};\n");
	write_file("src/app/esm.ts", "export {};\n");
	write_file("src/app/data.json", "{}\n");
	write_file("src/a/b/c/d/deep.ts",
		   "import x from '../../../../lib/util';\n");
	write_file("src/app/main.ts",
		   "import { u } from '../lib/util';\n"          /* 1 ok */
		   "import C from './comp';\n"                   /* 2 ok */
		   "import './dir';\n"                           /* 3 ok */
		   "import e from './esm.js';\n"                 /* 4 ok */
		   "import j from './data.json';\n"              /* 5 ok */
		   "import { m } from './missing';\n"            /* 6 err */
		   "export * from './gone';\n"                   /* 7 err */
		   "const r = require('./norequire');\n"         /* 8 err */
		   "const p = import('./nodynamic');\n"          /* 9 err */
		   "// import x from './in-comment';\n"          /* 10 */
		   "const s = \"import y from './in-string'\";\n" /* 11 */
		   "import { l } from '@lib/util';\n"            /* 12 ok */
		   "import { n } from '@lib/nothing';\n"         /* 13 err */
		   "import cfg from '~cfg';\n"                   /* 14 ok */
		   "import react from 'react';\n"                /* 15 pkg */
		   "const t = `import z from './in-template'`;\n" /* 16 */
		   "const q = import(`./${name}`);\n"            /* 17 */
		   "obj.require('./prop');\n"                    /* 18 */
		   "import {\n  a,\n} from './multi';\n");       /* 21 err */

	assert_int_equal(verify_tsconfig_load(&tc, tmp, &e), 0);
	assert_int_equal(tc.path_keys.n, 2);
	assert_int_equal(verify_imports_file(tmp, "src/app/main.ts", &tc, &l,
					     &e), 0);
	assert_int_equal(l.n, 6);
	d = find_diag(&l, 6);
	assert_non_null(d);
	assert_string_equal(d->category, CAT_IMPORT_RESOLUTION);
	assert_int_equal(d->severity, DIAG_ERROR);
	assert_string_equal(d->file, "src/app/main.ts");
	assert_int_equal(d->column, 19);
	assert_non_null(strstr(d->message, "'./missing'"));
	assert_non_null(find_diag(&l, 7));
	assert_non_null(find_diag(&l, 8));
	assert_non_null(find_diag(&l, 9));
	d = find_diag(&l, 13);
	assert_non_null(d);
	assert_non_null(strstr(d->hint, "paths"));
	assert_non_null(find_diag(&l, 21));
	diag_list_release(&l);

	assert_int_equal(verify_imports_file(tmp, "src/a/b/c/d/deep.ts", &tc,
					     &l, &e), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].severity, DIAG_WARNING);
	assert_non_null(strstr(l.v[0].message, "4 folders"));
	diag_list_release(&l);

	/* A missing file is an error of the call, not a diagnostic. */
	assert_int_equal(verify_imports_file(tmp, "src/none.ts", &tc, &l, &e),
			 -1);
	assert_int_equal(l.n, 0);
	err_clear(&e);
	verify_tsconfig_release(&tc);

	write_file("tsconfig.json", "{ \"compilerOptions\": ");
	assert_int_equal(verify_tsconfig_load(&tc, tmp, &e), -1);
	assert_non_null(strstr(e.msg.ptr, "tsconfig.json"));
	err_clear(&e);
}

static void test_config(void **state)
{
	struct verify_checks c = VERIFY_CHECKS_INIT;
	struct err e = ERR_INIT;
	const struct verify_check *k;
	char cmd[600];

	/* Nothing to detect, nothing configured: no checks. */
	assert_int_equal(verify_checks_load(&c, tmp, &e), 0);
	assert_int_equal(c.n, 0);

	write_file("package.json",
		   "{\"scripts\":{\"test\":\"vitest run\"}}");
	write_file("tsconfig.json", "{}");
	write_file("node_modules/typescript/package.json", "{}");
	write_file("eslint.config.js", "export default [];\n");
	write_file("x.py", "");
	write_file(".airunner",
		   "[check \"docs\"]\n"
		   "\tcommand = markdownlint --config 'my conf.json' {files}\n"
		   "\tfiles = *.md\n\tfiles = docs/**\n"
		   "\ttimeout = 5\n\tblocking = false\n"
		   "\tenv = LANG=C\n\tenv = X=a=b\n"
		   "[check \"tsc\"]\n\tenabled = false\n"
		   "[check \"imports\"]\n\ttimeout = 3\n");
	snprintf(cmd, sizeof(cmd),
		 "cd %s && git init -q && git config airunner.check.docs.timeout 9",
		 tmp);
	assert_int_equal(system(cmd), 0);

	assert_int_equal(verify_checks_load(&c, tmp, &e), 0);
	assert_null(verify_checks_find(&c, "tsc"));       /* turned off */
	assert_null(verify_checks_find(&c, "eslint"));    /* no local eslint */
	k = verify_checks_find(&c, "tests");
	assert_non_null(k);
	assert_int_equal(k->command.n, 4);
	assert_string_equal(k->command.v[3], "--passWithNoTests");
	assert_string_equal(k->env.v[0], "CI=true");
	assert_true(k->timeout == 60.0);
	assert_non_null(verify_checks_find(&c, "python"));
	k = verify_checks_find(&c, "imports");
	assert_int_equal(k->source, VERIFY_CONFIG);
	assert_true(k->timeout == 3.0);
	assert_int_equal(k->kind, VERIFY_KIND_IMPORTS);
	k = verify_checks_find(&c, "docs");
	assert_non_null(k);
	assert_int_equal(k->source, VERIFY_CONFIG);
	assert_int_equal(k->command.n, 4);
	assert_string_equal(k->command.v[2], "my conf.json");
	assert_string_equal(k->command.v[3], "{files}");
	assert_int_equal(k->files.n, 2);
	assert_string_equal(k->files.v[1], "docs/**");
	assert_int_equal(k->env.n, 2);
	assert_string_equal(k->env.v[1], "X=a=b");
	assert_false(k->blocking);
	assert_true(k->timeout == 9.0); /* the user's git config wins */
	verify_checks_release(&c);

	write_file(".airunner", "[check \"bad\"]\n\tcommand = a 'b\n");
	assert_int_equal(verify_checks_load(&c, tmp, &e), -1);
	assert_non_null(strstr(e.msg.ptr, "bad"));
	assert_int_equal(e.kind, ERR_CONFIG);
	err_clear(&e);
	write_file(".airunner", "[check \"nocmd\"]\n\tfiles = *.x\n");
	assert_int_equal(verify_checks_load(&c, tmp, &e), -1);
	assert_non_null(strstr(e.msg.ptr, "without a command"));
	err_clear(&e);
	write_file(".airunner", "[check \"t\"]\n\tcommand = x\n\ttimeout = -1\n");
	assert_int_equal(verify_checks_load(&c, tmp, &e), -1);
	err_clear(&e);
	write_file(".airunner", "[check \"t\"]\n\tcommand = x\n\tenv = NOEQ\n");
	assert_int_equal(verify_checks_load(&c, tmp, &e), -1);
	err_clear(&e);
	assert_int_equal(c.n, 0);
}

static const char *env_get(const struct strv *env, const char *key)
{
	size_t n = strlen(key);

	for (size_t i = 0; i < env->n; i++)
		if (!strncmp(env->v[i], key, n) && env->v[i][n] == '=')
			return env->v[i] + n + 1;
	return NULL;
}

/* python's bytecode prefix: a private folder, never one someone else made
 * (python loads modules' bytecode from it). */
static void test_pycache_prefix(void **state)
{
	struct verify_checks c = VERIFY_CHECKS_INIT;
	struct err e = ERR_INIT;
	char *saved = getenv("TMPDIR") ? strdup(getenv("TMPDIR")) : NULL;
	char ws[300], dir[400];
	const char *prefix;
	struct stat st;

	snprintf(ws, sizeof(ws), "%s/ws", tmp);
	mkdir(ws, 0755);
	write_file("ws/x.py", "");
	setenv("TMPDIR", tmp, 1);
	snprintf(dir, sizeof(dir), "%s/airunner-pycache-%lu", tmp,
		 (unsigned long)getuid());

	assert_int_equal(verify_checks_load(&c, ws, &e), 0);
	assert_non_null(verify_checks_find(&c, "python"));
	prefix = env_get(&verify_checks_find(&c, "python")->env,
			 "PYTHONPYCACHEPREFIX");
	assert_non_null(prefix);
	assert_string_equal(prefix, dir);
	assert_int_equal(lstat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	verify_checks_release(&c);

	/* A folder others can write (made before us, as in a shared /tmp)
	 * is not used. */
	assert_int_equal(chmod(dir, 0777), 0);
	assert_int_equal(verify_checks_load(&c, ws, &e), 0);
	assert_null(env_get(&verify_checks_find(&c, "python")->env,
			    "PYTHONPYCACHEPREFIX"));
	verify_checks_release(&c);

	if (saved)
		setenv("TMPDIR", saved, 1);
	else
		unsetenv("TMPDIR");
	free(saved);
	err_clear(&e);
}

static void on_run_done(struct verify_result *res, void *data)
{
	*(struct verify_result **)data = res;
}

/* The cache a caller owns (the agent has one). */
static struct verify_cache *cache;

static struct verify_result *run_staged(struct err *e)
{
	struct verify_request req = { .root = tmp, .staged = true,
				      .cache = cache };
	struct verify_result *res = NULL;

	if (verify_run(NULL, EV_DEFAULT, &req, on_run_done, &res, e) < 0)
		return NULL;
	ev_run(EV_DEFAULT, 0);
	assert_non_null(res);
	return res;
}

/* A partially staged file means the checks run in a checkout of the index;
 * a second run of the same content is the cache's, with no checkout at all
 * (here one could not even be made). */
static void test_cache_before_checkout(void **state)
{
	struct err e = ERR_INIT;
	struct verify_result *res;
	char *saved = getenv("TMPDIR") ? strdup(getenv("TMPDIR")) : NULL;
	char cmd[600];

	verify_cache_clear(cache);
	write_file(".airunner", "[check \"t\"]\n\tcommand = true\n"
				"\tfiles = *.txt\n");
	write_file("a.txt", "staged\n");
	snprintf(cmd, sizeof(cmd), "cd %s && git init -q && git add a.txt",
		 tmp);
	assert_int_equal(system(cmd), 0);
	write_file("a.txt", "not staged\n");

	setenv("TMPDIR", tmp, 1);
	res = run_staged(&e);
	assert_non_null(res);
	assert_true(res->ok);
	assert_false(res->cached);
	assert_int_equal(res->n, 1);
	assert_int_equal(res->checks[0].status, VERIFY_PASSED);
	verify_result_free(res);

	setenv("TMPDIR", "/nonexistent-airunner-tmp", 1);
	res = run_staged(&e);
	if (!res)
		fail_msg("second run: %s", e.msg.ptr);
	assert_true(res->cached);
	assert_true(res->ok);
	verify_result_free(res);

	if (saved)
		setenv("TMPDIR", saved, 1);
	else
		unsetenv("TMPDIR");
	free(saved);
	verify_cache_clear(cache);
	err_clear(&e);
}

/* Checks that run in the work tree see its untracked files too: a verdict
 * they decided is not the cache's once they change. */
static void test_cache_sees_untracked(void **state)
{
	struct err e = ERR_INIT;
	struct verify_result *res;
	char cmd[600], path[400];

	verify_cache_clear(cache);
	write_file(".airunner", "[check \"t\"]\n\tcommand = test ! -e "
				"scratch.txt\n\tfiles = *.txt\n");
	write_file("a.txt", "staged\n");
	write_file("scratch.txt", "not tracked\n");
	snprintf(cmd, sizeof(cmd), "cd %s && git init -q && git add a.txt",
		 tmp);
	assert_int_equal(system(cmd), 0);

	res = run_staged(&e);
	assert_non_null(res);
	assert_false(res->ok);
	verify_result_free(res);

	snprintf(path, sizeof(path), "%s/scratch.txt", tmp);
	assert_int_equal(unlink(path), 0);
	res = run_staged(&e);
	assert_non_null(res);
	assert_false(res->cached);
	assert_true(res->ok);
	verify_result_free(res);

	res = run_staged(&e); /* nothing changed: now the cache answers */
	assert_non_null(res);
	assert_true(res->cached);
	assert_true(res->ok);
	verify_result_free(res);
	verify_cache_clear(cache);
	err_clear(&e);
}

/* The imports check reports in-process, not through a child: its output
 * has the same cap as any check's. */
static void test_imports_output_capped(void **state)
{
	const char *files[] = { "a.ts", NULL };
	struct verify_request req = { .root = tmp, .files = files };
	struct verify_result *res = NULL;
	struct err e = ERR_INIT;
	struct buf src = BUF_INIT;
	FILE *f;
	char path[400];

	write_file("package.json", "{}");
	for (int i = 0; i < 20000; i++)
		buf_addf(&src, "import './missing-module-number-%d';\n", i);
	snprintf(path, sizeof(path), "%s/a.ts", tmp);
	assert_non_null(f = fopen(path, "w"));
	fwrite(src.ptr, 1, src.len, f);
	fclose(f);

	assert_int_equal(verify_run(NULL, EV_DEFAULT, &req, on_run_done, &res,
				    &e), 0);
	ev_run(EV_DEFAULT, 0);
	assert_non_null(res);
	assert_int_equal(res->n, 1);
	assert_string_equal(res->checks[0].name, "imports");
	assert_int_equal(res->checks[0].status, VERIFY_FAILED);
	assert_int_equal(res->checks[0].diags.n, 20000);
	assert_true(res->checks[0].output.len <= (256 << 10));
	assert_true(res->checks[0].truncated);
	verify_result_free(res);
	buf_release(&src);
	err_clear(&e);
}

int main(void)
{
	int r;

	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_glob),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_jsonc),
		cmocka_unit_test_setup_teardown(test_imports, setup, teardown),
		cmocka_unit_test_setup_teardown(test_config, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pycache_prefix, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_cache_before_checkout,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_imports_output_capped,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache_sees_untracked,
						setup, teardown),
	};

	/* Only the test's own config counts, not the machine's. */
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	setenv("HOME", "/nonexistent-airunner-home", 1);
	unsetenv("XDG_CONFIG_HOME");
	cache = verify_cache_new();
	r = cmocka_run_group_tests(tests, NULL, NULL);
	verify_cache_free(cache);
	return r;
}
