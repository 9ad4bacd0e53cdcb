/*
 * The JSON reader is strict (RFC 8259), linear, and fenced around jsmn; the
 * writer emits valid JSON whatever bytes it is handed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "json/json.h"
#include "util/mem.h"

static int parses(const char *s)
{
	struct json_doc d = JSON_DOC_INIT;
	struct err e = ERR_INIT;
	int r = json_parse(&d, s, strlen(s), 0, &e);

	json_doc_release(&d);
	err_clear(&e);
	return r == 0;
}

static void accepts_valid_documents(void **state)
{
	static const char *ok[] = {
		"0", "-0", "1.5e10", "-1E-3", "true", "false", "null", "\"\"",
		"[]", "{}", " [ 1 , 2 ] ", "{\"a\":{\"b\":[null,true]}}",
		"\"\\u00e9\\ud83d\\ude00\\n\\/\"", "\"h\xc3\xa9\xf0\x9f\x98\x80\"",
		"[[[[[]]]]]", "{\"\":0}", "\t\r\n1\n",
	};
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		assert_true(parses(ok[i]));
}

static void rejects_what_jsmn_would_let_through(void **state)
{
	static const char *bad[] = {
		"", " ", "01", "1.", ".5", "+1", "-", "1e", "1e+", "tru", "nul",
		"truex", "[1,]", "{\"a\":1,}", "[1 2]", "{\"a\" 1}", "{a:1}",
		"{1:2}", "[", "]", "{", "\"abc", "\"\\x\"", "\"\\u12\"",
		"\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"",
		"\"\x01\"", "\"\xff\"", "\"\xc0\xaf\"", "\"\xed\xa0\x80\"",
		"\"\xf4\x90\x80\x80\"", "\"\xe2\x82\"", "1 2", "[] []", "{}x",
		"NaN", "Infinity", "'a'", "[1,,2]", "{\"a\"::1}",
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (parses(bad[i]))
			fail_msg("accepted invalid JSON #%zu: %s", i, bad[i]);
	}
}

static void nul_byte_is_rejected(void **state)
{
	struct json_doc d = JSON_DOC_INIT;
	struct err e = ERR_INIT;

	assert_int_equal(json_parse(&d, "[1]\0", 4, 0, &e), -1);
	assert_int_equal(json_parse(&d, "\"a\0b\"", 5, 0, &e), -1);
	err_clear(&e);
}

static char *nested(int depth)
{
	char *s = xmalloc((size_t)depth * 2 + 1);

	memset(s, '[', (size_t)depth);
	memset(s + depth, ']', (size_t)depth);
	s[depth * 2] = '\0';
	return s;
}

static void depth_limit_is_exact(void **state)
{
	struct json_doc d = JSON_DOC_INIT;
	struct err e = ERR_INIT;
	char *ok = nested(256), *deep = nested(257);

	assert_int_equal(json_parse(&d, ok, strlen(ok), 256, &e), 0);
	json_doc_release(&d);
	assert_int_equal(json_parse(&d, deep, strlen(deep), 256, &e), -1);
	assert_int_equal(e.kind, ERR_TOO_BIG);
	free(ok);
	free(deep);
	err_clear(&e);
}

static void error_names_the_byte(void **state)
{
	struct json_doc d = JSON_DOC_INIT;
	struct err e = ERR_INIT;

	assert_int_equal(json_parse(&d, "[1, x]", 6, 0, &e), -1);
	assert_int_equal(e.kind, ERR_PARSE);
	assert_non_null(strstr(e.msg.ptr, "byte 4"));
	err_clear(&e);
}

static void lookups_and_iteration(void **state)
{
	const char *s = "{\"a\":[1,{\"x\":[2,3]},\"s\"],\"b\":{\"c\":true},"
			"\"e\\u0073c\":\"\\u00e9\\ud83d\\ude00\",\"n\":-42}";
	struct json_doc d = JSON_DOC_INIT;
	struct buf b = BUF_INIT;
	int a, v, count = 0;
	int64_t n;
	bool t;

	assert_int_equal(json_parse(&d, s, strlen(s), 0, NULL), 0);
	a = json_get(&d, 0, "a");
	assert_int_equal(json_type(&d, a), JSON_ARRAY);
	assert_int_equal(json_count(&d, a), 3);
	for (v = json_first(&d, a); v >= 0; v = json_next(&d, v))
		count++;
	assert_int_equal(count, 3); /* nested values are skipped whole */
	assert_int_equal(json_bool(&d, json_get(&d, json_get(&d, 0, "b"), "c"),
				   &t), 0);
	assert_true(t);
	assert_int_equal(json_int64(&d, json_get(&d, 0, "n"), &n), 0);
	assert_int_equal(n, -42);
	/* Keys are compared after unescaping. */
	v = json_get(&d, 0, "esc");
	assert_int_equal(json_str(&d, v, &b), 0);
	assert_string_equal(b.ptr, "\xc3\xa9\xf0\x9f\x98\x80");
	assert_int_equal(json_get(&d, 0, "missing"), -1);
	assert_int_equal(json_get(&d, -1, "a"), -1); /* chains through absent */
	assert_int_equal(json_type(&d, -1), JSON_NONE);
	count = 0;
	for (v = json_first(&d, 0); v >= 0; v = json_next(&d, v))
		count++;
	assert_int_equal(count, 4);
	buf_release(&b);
	json_doc_release(&d);
}

static void integers_are_range_checked(void **state)
{
	const char *s = "[9223372036854775807,9223372036854775808,1.0,1e2]";
	struct json_doc d = JSON_DOC_INIT;
	int64_t n;
	int v;

	assert_int_equal(json_parse(&d, s, strlen(s), 0, NULL), 0);
	v = json_first(&d, 0);
	assert_int_equal(json_int64(&d, v, &n), 0);
	assert_true(n == INT64_MAX);
	v = json_next(&d, v);
	assert_int_equal(json_int64(&d, v, &n), -1); /* overflow */
	v = json_next(&d, v);
	assert_int_equal(json_int64(&d, v, &n), -1); /* not an integer */
	v = json_next(&d, v);
	assert_int_equal(json_int64(&d, v, &n), -1);
	json_doc_release(&d);
}

static void writer_escapes_and_repairs(void **state)
{
	struct buf out = BUF_INIT;
	struct json_writer w;
	struct json_doc d = JSON_DOC_INIT;
	const char raw[] = "q\"b\\\n\x01\xff\xc3\xa9\xed\xa0\x80z";

	json_writer_init(&w, &out);
	json_obj_begin(&w);
	json_key(&w, "s");
	json_w_strn(&w, raw, sizeof(raw) - 1);
	json_kv_int(&w, "i", -7);
	json_kv_double(&w, "d", 0.1);
	json_key(&w, "nan");
	json_w_double(&w, 0.0 / 0.0);
	json_key(&w, "a");
	json_arr_begin(&w);
	json_w_bool(&w, true);
	json_w_null(&w);
	json_arr_end(&w);
	json_obj_end(&w);
	assert_string_equal(out.ptr,
			    "{\"s\":\"q\\\"b\\\\\\n\\u0001\xef\xbf\xbd\xc3\xa9"
			    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdz\",\"i\":-7,"
			    "\"d\":0.1,\"nan\":null,\"a\":[true,null]}");
	/* And what it wrote reads back. */
	assert_int_equal(json_parse(&d, out.ptr, out.len, 0, NULL), 0);
	json_doc_release(&d);
	buf_release(&out);
}

static void writer_integers_at_the_edges(void **state)
{
	struct buf out = BUF_INIT;
	struct json_writer w;

	json_writer_init(&w, &out);
	json_arr_begin(&w);
	json_w_int(&w, 0);
	json_w_int(&w, -1);
	json_w_int(&w, 10);
	json_w_int(&w, INT64_MAX);
	json_w_int(&w, INT64_MIN);
	json_w_uint(&w, UINT64_MAX);
	json_arr_end(&w);
	assert_string_equal(out.ptr,
			    "[0,-1,10,9223372036854775807,-9223372036854775808,"
			    "18446744073709551615]");
	buf_release(&out);
}

/* A buf that reaches its max refuses bytes; the writer remembers, so that
 * nobody sends the cut-short text as if it were JSON. */
static void writer_failure_sticks_at_the_bufs_max(void **state)
{
	struct buf out;
	struct json_writer w;

	buf_init(&out, 32);
	json_writer_init(&w, &out);
	json_obj_begin(&w);
	json_kv_str(&w, "a", "fits");
	assert_false(json_writer_failed(&w));
	json_kv_str(&w, "text", "this string is longer than what is left");
	assert_true(json_writer_failed(&w));
	json_kv_int(&w, "n", 1); /* small enough to fit, still failed */
	json_obj_end(&w);
	assert_true(json_writer_failed(&w));
	assert_true(out.len <= 32);
	buf_release(&out);

	/* Escapes count: 10 control bytes are 60 bytes quoted. */
	buf_init(&out, 40);
	assert_int_equal(json_quote(&out, "\x01\x02\x03\x04\x05\x06\x07\x0e\x0f\x10", 10), -1);
	buf_reset(&out);
	assert_int_equal(json_quote(&out, "ok", 2), 0);
	assert_string_equal(out.ptr, "\"ok\"");
	buf_release(&out);
}

static void writer_output_always_parses(void **state)
{
	struct buf out = BUF_INIT;
	struct json_writer w;
	struct json_doc d = JSON_DOC_INIT;
	unsigned char bytes[512];
	size_t i;
	unsigned seed = 12345;
	int round;

	for (round = 0; round < 500; round++) {
		for (i = 0; i < sizeof(bytes); i++) {
			seed = seed * 1103515245 + 12345;
			bytes[i] = (unsigned char)(seed >> 16);
		}
		buf_reset(&out);
		json_writer_init(&w, &out);
		json_arr_begin(&w);
		json_w_strn(&w, (const char *)bytes, sizeof(bytes));
		json_arr_end(&w);
		assert_int_equal(json_parse(&d, out.ptr, out.len, 0, NULL), 0);
		assert_true(utf8_valid(out.ptr, out.len));
		json_doc_release(&d);
	}
	buf_release(&out);
}

static void long_input_stays_linear(void **state)
{
	/* 200k nested-then-flat tokens: quadratic code would take minutes. */
	struct buf s = BUF_INIT;
	struct json_doc d = JSON_DOC_INIT;
	int i;

	buf_addch(&s, '[');
	for (i = 0; i < 200000; i++)
		buf_adds(&s, i ? ",[1,{\"k\":[]}]" : "[1,{\"k\":[]}]");
	buf_addch(&s, ']');
	assert_int_equal(json_parse(&d, s.ptr, s.len, 0, NULL), 0);
	assert_int_equal(json_count(&d, 0), 200000);
	json_doc_release(&d);
	buf_release(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepts_valid_documents),
		cmocka_unit_test(rejects_what_jsmn_would_let_through),
		cmocka_unit_test(nul_byte_is_rejected),
		cmocka_unit_test(depth_limit_is_exact),
		cmocka_unit_test(error_names_the_byte),
		cmocka_unit_test(lookups_and_iteration),
		cmocka_unit_test(integers_are_range_checked),
		cmocka_unit_test(writer_escapes_and_repairs),
		cmocka_unit_test(writer_integers_at_the_edges),
		cmocka_unit_test(writer_failure_sticks_at_the_bufs_max),
		cmocka_unit_test(writer_output_always_parses),
		cmocka_unit_test(long_input_stays_linear),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
