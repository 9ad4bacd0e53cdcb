/* hooks/report: verify/run results rendered as the pre-commit report. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "hooks/report.h"

static const char *render(const char *json, unsigned flags, bool *blocked,
			  struct buf *out)
{
	struct err e = ERR_INIT;

	buf_reset(out);
	assert_int_equal(report_render(out, json, strlen(json), flags,
				       blocked, &e), 0);
	err_clear(&e);
	return out->ptr;
}

#define CHECK(name, status, blocking, extra)                                   \
	"{\"name\":\"" name "\",\"tool\":\"" name "\",\"status\":\"" status   \
	"\",\"blocking\":" blocking ",\"exitCode\":2,\"durationMs\":1312" extra "}"

static void test_type_error_blocks(void **state)
{
	struct buf out = BUF_INIT;
	bool blocked = false;
	const char *s = render(
		"{\"ok\":false,\"cached\":false,\"durationMs\":1400,\"checks\":["
		CHECK("tsc", "failed", "true",
		      ",\"output\":\"x\",\"diagnostics\":[{\"file\":\"src/a.ts\","
		      "\"line\":3,\"column\":7,\"severity\":\"error\",\"code\":"
		      "\"TS2322\",\"message\":\"Type 'string' is not assignable "
		      "to type 'number'.\",\"category\":\"type_error\",\"hint\":"
		      "\"Fix the value's type.\",\"tool\":\"tsc\"}]")
		"," CHECK("eslint", "passed", "false", ",\"diagnostics\":[]")
		"],\"summary\":{\"checks\":2,\"failed\":1,\"errors\":1,"
		"\"warnings\":0}}",
		0, &blocked, &out);

	assert_true(blocked);
	assert_non_null(strstr(s, "tsc failed (exit 2, 1.3 s)\n"));
	assert_non_null(strstr(
		s, "\nsrc/a.ts:3:7: type_error: Type 'string' is not assignable "
		   "to type 'number'.\n    hint: Fix the value's type.\n"));
	/* A passed check with nothing to say is not mentioned. */
	assert_null(strstr(s, "eslint"));
	assert_non_null(strstr(s, "airunner: 1 error, 0 warnings in 2 checks "
				  "(tsc failed) \xe2\x80\x94 commit blocked\n"));
	assert_null(strchr(s, '\033'));
	buf_release(&out);
}

static void test_all_passed(void **state)
{
	struct buf out = BUF_INIT;
	bool blocked = true;
	const char *s = render(
		"{\"ok\":true,\"cached\":true,\"checks\":["
		CHECK("tsc", "passed", "true", ",\"diagnostics\":[]")
		"],\"summary\":{\"checks\":1,\"failed\":0,\"errors\":0,"
		"\"warnings\":0}}",
		0, &blocked, &out);

	assert_false(blocked);
	assert_string_equal(s, "airunner: 0 errors, 0 warnings in 1 check, "
			       "cached \xe2\x80\x94 ok\n");
	buf_release(&out);
}

static void test_no_checks_is_quiet(void **state)
{
	struct buf out = BUF_INIT;
	bool blocked = true;

	render("{\"ok\":true,\"cached\":false,\"checks\":[],\"summary\":{}}", 0,
	       &blocked, &out);
	assert_false(blocked);
	assert_int_equal(out.len, 0);
	buf_release(&out);
}

/* Checks that cover none of the staged files did not run: they are not
 * counted, and when none ran the commit passes quietly. */
static void test_skipped_checks_not_counted(void **state)
{
	struct buf out = BUF_INIT;
	bool blocked = true;

	render("{\"ok\":true,\"checks\":["
	       CHECK("tsc", "skipped", "true", ",\"diagnostics\":[]") ","
	       CHECK("eslint", "skipped", "true", ",\"diagnostics\":[]")
	       "],\"summary\":{\"checks\":0}}", 0, &blocked, &out);
	assert_false(blocked);
	assert_int_equal(out.len, 0);

	render("{\"ok\":true,\"checks\":["
	       CHECK("tsc", "skipped", "true", ",\"diagnostics\":[]") ","
	       CHECK("py", "passed", "true", ",\"diagnostics\":[]")
	       "],\"summary\":{\"checks\":1}}", 0, &blocked, &out);
	assert_string_equal(out.ptr, "airunner: 0 errors, 0 warnings in 1 "
				     "check \xe2\x80\x94 ok\n");
	buf_release(&out);
}

static void test_timeout_shows_output_tail(void **state)
{
	struct buf out = BUF_INIT;
	bool blocked = false;
	const char *s = render(
		"{\"ok\":false,\"checks\":["
		"{\"name\":\"hang\",\"status\":\"timeout\",\"blocking\":true,"
		"\"durationMs\":2004,\"output\":\"1\\n2\\n3\\n4\\n5\\n6\\n7\\n8\\n9"
		"\\n10\\n11\\n12\\n13\\n14\\n15\\n16\\n17\\n\",\"truncated\":false,"
		"\"diagnostics\":[]}],"
		"\"summary\":{\"checks\":1,\"failed\":1,\"errors\":0,"
		"\"warnings\":0}}",
		0, &blocked, &out);

	assert_true(blocked);
	assert_non_null(strstr(s, "hang timed out after 2.0 s; its processes "
				  "were killed\n    ...\n    3\n    4\n"));
	assert_null(strstr(s, "    2\n"));
	assert_non_null(strstr(s, "    17\n"));
	assert_non_null(strstr(s, "(hang timed out)"));
	buf_release(&out);
}

static void test_warning_not_blocking(void **state)
{
	struct buf out = BUF_INIT;
	bool blocked = true;
	const char *s = render(
		"{\"ok\":true,\"checks\":["
		CHECK("eslint", "failed", "false",
		      ",\"diagnostics\":[{\"file\":\"b.ts\",\"line\":1,\"column\":"
		      "0,\"severity\":\"warning\",\"message\":\"m\\u001b[2Jx\\n"
		      "more\",\"category\":\"lint_violation\",\"hint\":\"\"}]")
		"],\"summary\":{\"checks\":1,\"failed\":1,\"errors\":0,"
		"\"warnings\":1}}",
		0, &blocked, &out);

	assert_false(blocked);
	assert_non_null(strstr(s, "eslint failed (exit 2, 1.3 s) (not blocking)\n"));
	/* No column when the tool gave none; the escape is neutralised; a
	 * continuation line stays indented; an empty hint is not shown. */
	assert_non_null(strstr(s, "\nb.ts:1: lint_violation (warning): m?[2Jx\n"
				  "    more\nairunner: 0 errors, 1 warning"));
	assert_non_null(strstr(s, "\xe2\x80\x94 ok\n"));
	buf_release(&out);
}

static void test_color_only_when_asked(void **state)
{
	struct buf out = BUF_INIT;
	bool blocked;
	const char *json =
		"{\"ok\":true,\"checks\":[" CHECK("t", "passed", "true", "")
		"],\"summary\":{}}";

	assert_non_null(strchr(render(json, REPORT_COLOR, &blocked, &out),
			       '\033'));
	assert_null(strchr(render(json, 0, &blocked, &out), '\033'));
	buf_release(&out);
}

static void test_bad_input(void **state)
{
	struct buf out = BUF_INIT;
	struct err e = ERR_INIT;
	bool blocked = false;
	static const char *const bad[] = {
		"", "{", "[]", "{\"ok\":true}", "{\"checks\":[]}",
		"{\"ok\":1,\"checks\":[]}",
	};

	buf_adds(&out, "kept");
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		assert_int_equal(report_render(&out, bad[i], strlen(bad[i]), 0,
					       &blocked, &e), -1);
		assert_non_null(e.kind);
		assert_string_equal(out.ptr, "kept");
		err_clear(&e);
	}
	/* Wrong types inside a result are tolerated, never a crash. */
	render("{\"ok\":false,\"checks\":[1,{\"status\":7,\"diagnostics\":"
	       "[null,{\"line\":\"x\"}]},{\"status\":\"failed\",\"diagnostics\":"
	       "{}}],\"summary\":[]}", 0, &blocked, &out);
	assert_true(blocked);
	assert_non_null(strstr(out.ptr, "commit blocked"));
	buf_release(&out);
}

/* `airunner verify` is not a commit: the verdict says "failed". */
static void test_no_commit_wording(void **state)
{
	struct buf out = BUF_INIT;
	bool blocked = false;
	const char *s = render(
		"{\"ok\":false,\"checks\":[" CHECK("sh", "failed", "true",
		",\"output\":\"x.sh: 1: Syntax error\",\"diagnostics\":[]")
		"],\"summary\":{\"errors\":0,\"warnings\":0}}",
		REPORT_NO_COMMIT, &blocked, &out);

	assert_true(blocked);
	assert_non_null(strstr(s, "(sh failed) \xe2\x80\x94 failed\n"));
	assert_null(strstr(s, "commit blocked"));
	buf_release(&out);
}

/* An errors/classify result in the same lines, then the count. */
static void test_diagnostics(void **state)
{
	struct buf out = BUF_INIT;
	struct err e = ERR_INIT;
	int64_t errors = -1;
	const char *json =
		"{\"diagnostics\":[{\"file\":\"a.c\",\"line\":4,\"column\":16,"
		"\"severity\":\"error\",\"code\":null,\"message\":\"'n' "
		"undeclared\",\"category\":\"undefined_symbol\",\"hint\":"
		"\"declare 'n'\",\"tool\":\"gcc\"},{\"file\":\"a.c\",\"line\":3,"
		"\"column\":null,\"severity\":\"warning\",\"message\":\"unused "
		"\\u001b[31m\",\"category\":\"lint_violation\",\"hint\":null}],"
		"\"summary\":{\"errors\":1,\"warnings\":1,\"categories\":{}}}";

	assert_int_equal(report_render_diagnostics(&out, json, strlen(json), 0,
						   &errors, &e), 0);
	assert_int_equal(errors, 1);
	assert_string_equal(out.ptr,
		"a.c:4:16: undefined_symbol: 'n' undeclared\n"
		"    hint: declare 'n'\n"
		"a.c:3: lint_violation (warning): unused ?[31m\n"
		"airunner: 1 error, 1 warning\n");
	buf_reset(&out);
	assert_int_equal(report_render_diagnostics(&out, json, strlen(json),
						   REPORT_COLOR, &errors, &e), 0);
	assert_non_null(strchr(out.ptr, '\033'));
	/* Not a classify result: an error, out untouched. */
	buf_reset(&out);
	assert_int_equal(report_render_diagnostics(&out, "{\"ok\":true}", 11,
						   0, &errors, &e), -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS);
	assert_int_equal(out.len, 0);
	err_clear(&e);
	buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_type_error_blocks),
		cmocka_unit_test(test_all_passed),
		cmocka_unit_test(test_no_checks_is_quiet),
		cmocka_unit_test(test_skipped_checks_not_counted),
		cmocka_unit_test(test_timeout_shows_output_tail),
		cmocka_unit_test(test_warning_not_blocking),
		cmocka_unit_test(test_color_only_when_asked),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_no_commit_wording),
		cmocka_unit_test(test_diagnostics),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
