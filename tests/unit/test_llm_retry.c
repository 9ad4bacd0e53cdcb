/* Retry policy and the limiter, as pure functions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>

#include <cmocka.h>

#include "llm/retry.h"

/* 1994-11-06 08:49:37 UTC */
#define NOW ((time_t)784111777)

static void test_retry_after(void **state)
{
	assert_int_equal(retry_after_ms("1500", NULL, NOW), 1500);
	assert_int_equal(retry_after_ms("1500", "9", NOW), 1500);
	assert_int_equal(retry_after_ms(NULL, "2", NOW), 2000);
	assert_int_equal(retry_after_ms("", "0.5", NOW), 500);
	assert_int_equal(retry_after_ms("junk", "3", NOW), 3000);
	assert_int_equal(
		retry_after_ms(NULL, "Sun, 06 Nov 1994 08:49:40 GMT", NOW),
		3000);
	/* In the past, over a minute, zero, negative, garbage: ignored. */
	assert_int_equal(
		retry_after_ms(NULL, "Sun, 06 Nov 1994 08:49:30 GMT", NOW), -1);
	assert_int_equal(retry_after_ms(NULL, "61", NOW), -1);
	assert_int_equal(retry_after_ms("60001", NULL, NOW), -1);
	assert_int_equal(retry_after_ms(NULL, "60", NOW), 60000);
	assert_int_equal(retry_after_ms(NULL, "0", NOW), -1);
	assert_int_equal(retry_after_ms(NULL, "-1", NOW), -1);
	assert_int_equal(retry_after_ms(NULL, "2s", NOW), -1);
	assert_int_equal(retry_after_ms(NULL, "Sun, 06 Nov 1994 08:49", NOW),
			 -1);
	assert_int_equal(retry_after_ms(NULL, NULL, NOW), -1);
}

static void test_should(void **state)
{
	static const long yes[] = { 0, 408, 409, 429, 500, 502, 503, 504, 529 };
	static const long no[] = { 400, 401, 403, 404, 413, 422 };

	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		assert_true(retry_should(yes[i], NULL));
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		assert_false(retry_should(no[i], ""));
	assert_false(retry_should(429, "false"));
	assert_false(retry_should(529, "false"));
	assert_true(retry_should(400, "true"));
	assert_true(retry_should(503, "maybe"));
}

static void test_backoff(void **state)
{
	assert_int_equal(retry_backoff_ms(1, 0), 500);
	assert_int_equal(retry_backoff_ms(2, 0), 1000);
	assert_int_equal(retry_backoff_ms(3, 0), 2000);
	assert_int_equal(retry_backoff_ms(5, 0), 8000);
	assert_int_equal(retry_backoff_ms(50, 0), 8000);
	for (int n = 1; n < 10; n++)
		for (double j = 0; j < 1; j += 0.1) {
			long ms = retry_backoff_ms(n, j);

			assert_true(ms >= 375); /* 500 less 25 % */
			assert_true(ms <= 8000);
			assert_true(ms <= retry_backoff_ms(n, 0));
			assert_true(ms >= retry_backoff_ms(n, 0) * 3 / 4);
		}
}

static void test_limiter(void **state)
{
	struct retry_limiter l = { 60, 0 }; /* one a second */
	struct retry_limiter slow = { 2, 0 }; /* one in 30 s */
	struct retry_limiter off = { 0, 0 };
	double now = 1000;

	/* Six seconds' worth goes at once, then one a second. */
	for (int i = 0; i < 6; i++)
		assert_true(retry_limiter_reserve(&l, 1, now) == 0);
	assert_true(fabs(retry_limiter_reserve(&l, 1, now) - 1) < 1e-9);
	assert_true(fabs(retry_limiter_reserve(&l, 1, now) - 2) < 1e-9);
	/* Much later the budget is whole again. */
	assert_true(retry_limiter_reserve(&l, 1, now + 1000) == 0);
	/* One send always goes at once, even when it costs more than the
	 * burst; the next waits for it. */
	assert_true(retry_limiter_reserve(&slow, 1, now) == 0);
	assert_true(fabs(retry_limiter_reserve(&slow, 1, now) - 30) < 1e-9);
	l.tat = 0;
	assert_true(retry_limiter_reserve(&l, 120, now) == 0);
	assert_true(fabs(retry_limiter_reserve(&l, 1, now) - 115) < 1e-9);
	assert_true(retry_limiter_reserve(&off, 1e9, now) == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_retry_after),
		cmocka_unit_test(test_should),
		cmocka_unit_test(test_backoff),
		cmocka_unit_test(test_limiter),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
