/*
 * Error kinds: one table gives each its name and its JSON-RPC code, so no
 * kind can reach a client without a code of its own or with a name that
 * another kind has.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rpc/errors.h"
#include "util/err.h"

static void every_kind_has_a_distinct_name_and_a_code_of_its_own(void **state)
{
	for (int k = ERR_NONE + 1; k < ERR_KIND_COUNT; k++) {
		const char *name = err_kind_name((enum err_kind)k);
		int code = rpc_error_code((enum err_kind)k);

		assert_true(strlen(name) > 0);
		/* -32000 was what an unknown string kind used to get. */
		assert_int_not_equal(code, -32000);
		assert_true((code >= -32099 && code <= -32001) ||
			    code == -32700 || code == -32600 ||
			    code == -32601 || code == -32602 ||
			    code == -32603 || code == -32800);
		for (int o = k + 1; o < ERR_KIND_COUNT; o++)
			assert_string_not_equal(name,
						err_kind_name((enum err_kind)o));
	}
}

static void err_set_keeps_the_kind_and_the_message(void **state)
{
	struct err e = ERR_INIT;

	assert_int_equal(err_set(&e, ERR_OUTSIDE_WORKSPACE, "%s is out", "x"),
			 -1);
	assert_int_equal(e.kind, ERR_OUTSIDE_WORKSPACE);
	assert_string_equal(err_kind_name(e.kind), "outside_workspace");
	assert_int_equal(rpc_error_code(e.kind), -32006);
	assert_string_equal(e.msg.ptr, "x is out");
	err_clear(&e);
	assert_int_equal(e.kind, ERR_NONE);
	/* No error is not a kind a client sees: it is a bug, reported so. */
	assert_int_equal(rpc_error_code(ERR_NONE), -32603);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			every_kind_has_a_distinct_name_and_a_code_of_its_own),
		cmocka_unit_test(err_set_keeps_the_kind_and_the_message),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
