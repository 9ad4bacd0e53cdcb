/* util/buf: the invariants every caller leans on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "util/buf.h"

/* A refused addf leaves the buffer as it was, NUL where len says. */
static void refused_addf_keeps_the_string(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 8);
	assert_int_equal(buf_adds(&b, "abc"), 0);
	assert_int_equal(buf_addf(&b, "%s", "0123456789"), -1);
	assert_int_equal(b.len, 3);
	assert_string_equal(b.ptr, "abc");
	assert_int_equal(buf_addf(&b, "%d", 42), 0);
	assert_string_equal(b.ptr, "abc42");
	buf_release(&b);
}

static void uint_digits(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	buf_add_uint(&b, 0);
	buf_addch(&b, ' ');
	buf_add_uint(&b, 1234567890);
	buf_addch(&b, ' ');
	buf_add_uint(&b, UINT64_MAX);
	assert_string_equal(b.ptr, "0 1234567890 18446744073709551615");
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(refused_addf_keeps_the_string),
		cmocka_unit_test(uint_digits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
