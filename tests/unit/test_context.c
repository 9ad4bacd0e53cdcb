/*
 * context: the repository view against real repositories made with the git
 * command line, one per test, and a private state folder for the outline
 * cache.
 */
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

#include "context/context.h"

static char tmp[256], repo[300], state[300];

static void sh(const char *fmt, ...)
{
	char inner[4096], cmd[8192];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(inner, sizeof(inner), fmt, ap);
	va_end(ap);
	snprintf(cmd, sizeof(cmd),
		 "cd '%s' && export GIT_CONFIG_NOSYSTEM=1 HOME='%s' && "
		 "git config --global user.name t && "
		 "git config --global user.email t@t && "
		 "git config --global protocol.file.allow always && %s",
		 repo, tmp, inner);
	assert_int_equal(system(cmd), 0);
}

static void write_file(const char *rel, const char *content)
{
	char p[1024];
	FILE *f;

	snprintf(p, sizeof(p), "%s/%s", repo, rel);
	for (char *s = strchr(p + strlen(repo) + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		mkdir(p, 0755);
		*s = '/';
	}
	f = fopen(p, "w");
	assert_non_null(f);
	fputs(content, f);
	fclose(f);
}

static int rm_entry(const char *p, const struct stat *st, int flag,
		    struct FTW *ftw)
{
	return remove(p);
}

static int setup(void **unused)
{
	snprintf(tmp, sizeof(tmp), "%s/airunner-test-context-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(tmp));
	snprintf(repo, sizeof(repo), "%s/repo", tmp);
	snprintf(state, sizeof(state), "%s/state", tmp);
	assert_int_equal(mkdir(repo, 0755), 0);
	sh("git init -q");
	return 0;
}

static int teardown(void **unused)
{
	nftw(tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}

/* A small project: a focus (app/main.py) that uses one helper among many
 * files that define other things. */
static void small_project(int noise)
{
	char name[64], body[512];

	write_file("app/main.py",
		   "from lib.helpers import parse_config_value\n\n"
		   "def run(argv):\n"
		   "    return parse_config_value(argv[1])\n");
	write_file("lib/helpers.py",
		   "def parse_config_value(text):\n"
		   "    \"\"\"Parses one value.\"\"\"\n"
		   "    return text.strip()\n");
	for (int i = 0; i < noise; i++) {
		snprintf(name, sizeof(name), "aaa/noise_%03d.py", i);
		snprintf(body, sizeof(body),
			 "class Noise%d:\n"
			 "    def method_one_of_%d(self, a, b):\n"
			 "        return a + b\n\n"
			 "    def method_two_of_%d(self):\n"
			 "        return None\n", i, i, i);
		write_file(name, body);
	}
	write_file("README.md", "# Demo\n\nA demo project.\n");
	write_file("pyproject.toml", "[project]\nname = \"demo\"\n");
	sh("git add -A && git commit -qm base");
}

static void request(struct context_request *q, const char *const *focus,
		    size_t n, size_t budget)
{
	memset(q, 0, sizeof(*q));
	q->root = repo;
	q->focus_files = focus;
	q->n_focus_files = n;
	q->token_budget = budget;
}

static bool valid_utf8(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	for (size_t i = 0; i < n;) {
		size_t len = u[i] < 0x80 ? 1 : (u[i] & 0xE0) == 0xC0 ? 2 :
			     (u[i] & 0xF0) == 0xE0 ? 3 : (u[i] & 0xF8) == 0xF0 ? 4 : 0;
		if (!len || i + len > n)
			return false;
		for (size_t k = 1; k < len; k++)
			if ((u[i + k] & 0xC0) != 0x80)
				return false;
		i += len;
	}
	return true;
}

static void test_same_state_same_bytes_and_cache_hit(void **unused)
{
	const char *focus[] = { "app/main.py" };
	struct context_cache *c1, *c2;
	struct context_result a, b, again;
	struct context_request q;
	struct err e = ERR_INIT;

	small_project(5);
	request(&q, focus, 1, 4000);
	assert_int_equal(context_cache_new(&c1, state, &e), 0);
	context_result_init(&a);
	context_result_init(&b);
	context_result_init(&again);
	assert_int_equal(context_get(c1, &q, &a, &e), 0);
	assert_false(a.from_cache);
	/* Every listed file once: the .py files parsed, README.md and
	 * pyproject.toml only checked for binary content. */
	assert_int_equal(a.parsed, 9);
	assert_int_equal(a.bytes, a.text.len);
	/* No absolute path, no timestamp: the temp folder is nowhere. */
	assert_null(strstr(a.text.ptr, tmp));

	/* Same state, same cache: served from memory, nothing parsed. */
	assert_int_equal(context_get(c1, &q, &again, &e), 0);
	assert_true(again.from_cache);
	assert_int_equal(again.parsed, 0);
	assert_int_equal(again.bytes, a.bytes);
	assert_memory_equal(again.text.ptr, a.text.ptr, a.bytes);

	/* A second cache (a restarted agent) reads the outlines from disk and
	 * builds the same bytes. */
	assert_int_equal(context_cache_new(&c2, state, &e), 0);
	assert_int_equal(context_get(c2, &q, &b, &e), 0);
	assert_false(b.from_cache);
	assert_int_equal(b.parsed, 0);
	assert_int_equal(b.bytes, a.bytes);
	assert_memory_equal(b.text.ptr, a.text.ptr, a.bytes);

	context_result_release(&a);
	context_result_release(&b);
	context_result_release(&again);
	context_cache_free(c1);
	context_cache_free(c2);
}

/* A new cache (a restarted agent, built from scratch on the same state)
 * gives the same bytes as r. */
static void assert_same_as_fresh(const struct context_request *q,
				 const struct context_result *r)
{
	struct context_cache *fresh;
	struct context_result f;
	struct err e = ERR_INIT;

	assert_int_equal(context_cache_new(&fresh, state, &e), 0);
	context_result_init(&f);
	assert_int_equal(context_get(fresh, q, &f, &e), 0);
	assert_int_equal(f.bytes, r->bytes);
	assert_memory_equal(f.text.ptr, r->text.ptr, r->bytes);
	context_result_release(&f);
	context_cache_free(fresh);
}

static void test_one_change_one_parse(void **unused)
{
	const char *focus[] = { "app/main.py" };
	struct context_cache *c;
	struct context_result r;
	struct context_request q;
	struct err e = ERR_INIT;

	small_project(5);
	request(&q, focus, 1, 4000);
	assert_int_equal(context_cache_new(&c, state, &e), 0);
	context_result_init(&r);
	assert_int_equal(context_get(c, &q, &r, &e), 0);
	assert_null(strstr(r.text.ptr, "brand_new_function"));

	/* An unstaged edit of one file: only its outline is made again. */
	write_file("lib/helpers.py",
		   "def parse_config_value(text):\n"
		   "    return text.strip()\n\n"
		   "def brand_new_function(x):\n"
		   "    return x\n");
	assert_int_equal(context_get(c, &q, &r, &e), 0);
	assert_false(r.from_cache);
	assert_int_equal(r.parsed, 1);
	assert_non_null(strstr(r.text.ptr, "4: def brand_new_function(x):"));

	/* The patched state gives what a fresh build of it gives. */
	assert_same_as_fresh(&q, &r);

	/* The focus starts using the new name: its edges change. */
	write_file("app/main.py",
		   "from lib.helpers import brand_new_function\n\n"
		   "def run(argv):\n"
		   "    return brand_new_function(argv[1])\n");
	assert_int_equal(context_get(c, &q, &r, &e), 0);
	assert_int_equal(r.parsed, 1);
	assert_same_as_fresh(&q, &r);

	/* Nothing changed since: a hit again. */
	assert_int_equal(context_get(c, &q, &r, &e), 0);
	assert_true(r.from_cache);

	/* Staging it changes the index, not the content: a new state, but
	 * the outline is known already. */
	sh("git add lib/helpers.py");
	assert_int_equal(context_get(c, &q, &r, &e), 0);
	assert_false(r.from_cache);
	assert_int_equal(r.parsed, 0);
	assert_non_null(strstr(r.text.ptr, "brand_new_function"));

	context_result_release(&r);
	context_cache_free(c);
}

static void test_budget_respected(void **unused)
{
	const char *focus[] = { "app/main.py" };
	static const size_t budgets[] = { 300, 600, 1000, 2000, 4000, 20000 };
	struct context_cache *c;
	struct context_result r;
	struct context_request q;
	struct err e = ERR_INIT;
	size_t last_bytes = 0;

	small_project(60);
	assert_int_equal(context_cache_new(&c, state, &e), 0);
	context_result_init(&r);
	for (size_t i = 0; i < sizeof(budgets) / sizeof(budgets[0]); i++) {
		request(&q, focus, 1, budgets[i]);
		assert_int_equal(context_get(c, &q, &r, &e), 0);
		assert_true(r.tokens <= budgets[i]);
		assert_int_equal(r.tokens,
				 context_estimate_tokens(r.text.ptr, r.text.len));
		/* A bigger budget shows more. */
		assert_true(r.bytes >= last_bytes);
		last_bytes = r.bytes;
	}
	/* The largest holds every noise file's outline. */
	assert_non_null(strstr(r.text.ptr, "### aaa/noise_059.py"));
	context_result_release(&r);
	context_cache_free(c);
}

static void test_focus_definitions_present(void **unused)
{
	const char *focus[] = { "app/main.py" };
	struct context_cache *c;
	struct context_result r;
	struct context_request q;
	struct err e = ERR_INIT;

	/* 200 files whose outlines come first in path order, and a budget
	 * that holds only a few outlines. */
	small_project(200);
	assert_int_equal(context_cache_new(&c, state, &e), 0);
	context_result_init(&r);
	request(&q, focus, 1, 1500);
	assert_int_equal(context_get(c, &q, &r, &e), 0);
	/* The focus in full, then the definition it uses. */
	assert_non_null(strstr(r.text.ptr, "### app/main.py\n```python\n"
					   "from lib.helpers import"));
	assert_non_null(strstr(r.text.ptr, "### lib/helpers.py\n"
					   "1: def parse_config_value(text):"));
	assert_string_equal(r.files.v[0], "app/main.py");
	assert_string_equal(r.files.v[1], "lib/helpers.py");

	/* Filling in path order (the baseline) does not reach it. */
	q.alphabetical = true;
	assert_int_equal(context_get(c, &q, &r, &e), 0);
	assert_null(strstr(r.text.ptr, "def parse_config_value"));

	/* A symbol as the focus, no file: its definition is ranked first. */
	const char *sym[] = { "parse_config_value" };
	request(&q, NULL, 0, 1500);
	q.focus_symbols = sym;
	q.n_focus_symbols = 1;
	assert_int_equal(context_get(c, &q, &r, &e), 0);
	assert_string_equal(r.files.v[0], "lib/helpers.py");

	/* A subtask's text naming the symbol does the same. */
	request(&q, NULL, 0, 1500);
	q.focus_text = "Make parse_config_value() reject empty strings.";
	assert_int_equal(context_get(c, &q, &r, &e), 0);
	assert_string_equal(r.files.v[0], "lib/helpers.py");

	context_result_release(&r);
	context_cache_free(c);
}

static void test_odd_repository(void **unused)
{
	const char *focus[] = { "bad.py" };
	struct context_cache *c;
	struct context_result r;
	struct context_request q;
	struct err e = ERR_INIT;
	char sub[400];

	/* No commits yet: everything is only in the index. */
	write_file("ok.py", "def fine():\n    pass\n");
	write_file("bad.py", "def bad():\n    return '\xff\xfe caf\xc3'\n");
	write_file("data.bin", "x");
	sh("printf 'PNG\\0\\1\\2' > image.png && printf 'abc\\0def' > blob.dat && "
	   "truncate -s 50M big.txt && mkdir -p node_modules/x && "
	   "echo 'module.exports = 1' > node_modules/x/index.js && "
	   "echo '{}' > package-lock.json && ln -s ok.py link.py");
	snprintf(sub, sizeof(sub), "%s/sub", tmp);
	sh("git init -q '%s' && git -C '%s' commit -q --allow-empty -m s && "
	   "git submodule add -q '%s' sub >/dev/null 2>&1 && git add -A", sub,
	   sub, sub);

	assert_int_equal(context_cache_new(&c, state, &e), 0);
	context_result_init(&r);
	request(&q, focus, 1, 4000);
	assert_int_equal(context_get(c, &q, &r, &e), 0);
	assert_true(valid_utf8(r.text.ptr, r.text.len));
	/* Each left-out file, with the rule that left it out. */
	/* blob.dat by its NUL byte, the others by their extension. */
	assert_non_null(strstr(r.text.ptr, "binary (3): blob.dat data.bin image.png\n"));
	assert_non_null(strstr(r.text.ptr, "huge (1): big.txt\n"));
	assert_non_null(strstr(r.text.ptr, "submodule (1): sub\n"));
	assert_non_null(strstr(r.text.ptr, "symlink (1): link.py\n"));
	assert_non_null(strstr(r.text.ptr, "vendored (1): node_modules/x/index.js\n"));
	assert_non_null(strstr(r.text.ptr, "generated (1): package-lock.json\n"));
	/* The invalid bytes became U+FFFD; the outline is there. */
	assert_non_null(strstr(r.text.ptr, "'\xEF\xBF\xBD\xEF\xBF\xBD caf\xEF\xBF\xBD'"));
	assert_non_null(strstr(r.text.ptr, "1: def fine():"));
	context_result_release(&r);
	context_cache_free(c);
}

static void test_languages(void **unused)
{
	static const struct { const char *path, *src, *line; } files[] = {
		{ "s/a.ts", "export function tsFn(a: number): number {\n  return a;\n}\n"
			    "export interface Shape { x: number }\n",
		  "4: export interface Shape { x: number }" },
		{ "s/b.tsx", "export class View {\n  render() { return <div/>; }\n}\n",
		  "2: render() { return <div/>; }" },
		{ "s/c.js", "function jsFn() {}\nclass K { m() {} }\n",
		  "2: class K { m() {} }" },
		{ "s/d.py", "class P:\n    def meth(self):\n        pass\n",
		  "  2: def meth(self):" },
		{ "s/e.c", "#include \"e.h\"\nint c_fn(int x)\n{\n\treturn x;\n}\n",
		  "2: int c_fn(int x)" },
		{ "s/e.h", "struct thing { int a; };\n", "1: struct thing { int a; };" },
		{ "s/f.cpp", "namespace n {\nclass Cpp { void go(); };\n}\n",
		  "2: class Cpp { void go(); };" },
		{ "s/g.go", "package g\n\nfunc GoFn() int { return 1 }\n",
		  "3: func GoFn() int { return 1 }" },
		{ "s/h.rs", "pub struct R;\nimpl R {\n    pub fn rust_fn(&self) {}\n}\n",
		  "3: pub fn rust_fn(&self) {}" },
		{ "s/J.java", "public class J {\n  void jm() {}\n}\n",
		  "2: void jm() {}" },
		{ "s/plain.txt", "not code\n", NULL },
	};
	struct context_cache *c;
	struct context_result r;
	struct context_request q;
	struct err e = ERR_INIT;

	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		write_file(files[i].path, files[i].src);
	sh("git add -A && git commit -qm langs");
	assert_int_equal(context_cache_new(&c, state, &e), 0);
	context_result_init(&r);
	request(&q, NULL, 0, 8000);
	assert_int_equal(context_get(c, &q, &r, &e), 0);
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		if (!files[i].line) {
			/* No grammar: listed, no outline. */
			assert_non_null(strstr(r.text.ptr, "\ns/plain.txt\n"));
			assert_null(strstr(r.text.ptr, "### s/plain.txt"));
			continue;
		}
		char want[512];
		snprintf(want, sizeof(want), "### %s\n", files[i].path);
		if (!strstr(r.text.ptr, want) || !strstr(r.text.ptr, files[i].line))
			fail_msg("%s: no outline line \"%s\" in:\n%s",
				 files[i].path, files[i].line, r.text.ptr);
	}
	context_result_release(&r);
	context_cache_free(c);
}

static void test_bad_requests(void **unused)
{
	const char *focus[] = { "../outside.py" };
	struct context_cache *c;
	struct context_result r;
	struct context_request q;
	struct err e = ERR_INIT;
	char notrepo[400];

	assert_int_equal(context_cache_new(&c, state, &e), 0);
	context_result_init(&r);
	request(&q, focus, 1, 1000);
	assert_int_equal(context_get(c, &q, &r, &e), -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS);
	err_clear(&e);

	snprintf(notrepo, sizeof(notrepo), "%s/state", tmp);
	q.root = notrepo;
	q.n_focus_files = 0;
	assert_int_equal(context_get(c, &q, &r, &e), -1);
	assert_int_equal(e.kind, ERR_NOT_A_REPOSITORY);
	err_clear(&e);
	context_result_release(&r);
	context_cache_free(c);
}

static void test_estimate(void **unused)
{
	/* Words, punctuation, line breaks with their indentation. */
	assert_int_equal(context_estimate_tokens("", 0), 0);
	assert_int_equal(context_estimate_tokens("hello world", 11), 2);
	assert_int_equal(context_estimate_tokens("f(x);\n    y", 11), 7);
	assert_int_equal(context_estimate_tokens("caf\xc3\xa9", 5), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_same_state_same_bytes_and_cache_hit,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_one_change_one_parse, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_budget_respected, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_focus_definitions_present,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_odd_repository, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_languages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_requests, setup,
						teardown),
		cmocka_unit_test(test_estimate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
