/* The SSE parser fed whole, byte by byte, and in random splits: the events
 * that come out must always be the same. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "llm/sse.h"

struct seen {
	struct buf log; /* "event|data\n" per event */
	int n;
	int stop_at;    /* fail on this event (1-based), 0: never */
};

static int collect(const char *event, const char *data, size_t len, void *ud,
		   struct err *e)
{
	struct seen *s = ud;

	s->n++;
	buf_addf(&s->log, "%s|", event);
	buf_add(&s->log, data, len);
	buf_addch(&s->log, '\n');
	if (s->stop_at && s->n == s->stop_at)
		return err_set(e, ERR_CANCELLED, "stopped by the callback");
	return 0;
}

/* Feeds text in pieces whose sizes come from `next`; returns the log. */
static char *feed(const char *text, size_t n, size_t (*next)(void), int *rc)
{
	struct sse_parser p;
	struct seen s = { BUF_INIT, 0, 0 };
	struct err e = ERR_INIT;
	size_t off = 0;

	*rc = 0;
	sse_init(&p, 1 << 16);
	while (off < n && *rc == 0) {
		size_t k = next ? next() : n;

		if (k > n - off)
			k = n - off;
		*rc = sse_feed(&p, text + off, k, collect, &s, &e);
		off += k;
	}
	sse_release(&p);
	err_clear(&e);
	return buf_detach(&s.log, NULL);
}

static size_t one(void)
{
	return 1;
}

static size_t random_size(void)
{
	return (size_t)(rand() % 7) + 1;
}

static const char stream[] =
	"\xEF\xBB\xBF"
	": a comment\n"
	"event: message_start\n"
	"data: {\"a\":1}\n"
	"\n"
	"event: content_block_delta\r\n"
	"data: {\"text\":\"h\xC3\xA9llo \xE2\x82\xAC\"}\r\n"
	"\r\n"
	"data: line one\r"
	"data: line two\r"
	"\r"
	"data:no space\n"
	"id: 7\n"
	"retry: 100\n"
	"unknown: field\n"
	"\n"
	"event: empty-data\n"
	"data\n"
	"\n"
	"event: no-data-is-no-event\n"
	"\n"
	"data: trailing, never ended\n";

static const char expected[] =
	"message_start|{\"a\":1}\n"
	"content_block_delta|{\"text\":\"h\xC3\xA9llo \xE2\x82\xAC\"}\n"
	"message|line one\nline two\n"
	"message|no space\n"
	"empty-data|\n";

static void test_whole(void **state)
{
	int rc;
	char *log = feed(stream, sizeof(stream) - 1, NULL, &rc);

	assert_int_equal(rc, 0);
	assert_string_equal(log, expected);
	free(log);
}

static void test_byte_by_byte(void **state)
{
	int rc;
	char *log = feed(stream, sizeof(stream) - 1, one, &rc);

	assert_int_equal(rc, 0);
	assert_string_equal(log, expected);
	free(log);
}

static void test_random_splits(void **state)
{
	srand(42);
	for (int i = 0; i < 500; i++) {
		int rc;
		char *log = feed(stream, sizeof(stream) - 1, random_size, &rc);

		assert_int_equal(rc, 0);
		assert_string_equal(log, expected);
		free(log);
	}
}

static void test_size_cap(void **state)
{
	struct sse_parser p;
	struct seen s = { BUF_INIT, 0, 0 };
	struct err e = ERR_INIT;
	char big[200];

	memset(big, 'x', sizeof(big));
	sse_init(&p, 100);
	assert_int_equal(sse_feed(&p, "data: ", 6, collect, &s, &e), 0);
	assert_int_equal(sse_feed(&p, big, sizeof(big), collect, &s, &e), -1);
	assert_int_equal(e.kind, ERR_TOO_BIG);
	assert_int_equal(s.n, 0);
	sse_release(&p);
	buf_release(&s.log);
	err_clear(&e);
}

static void test_callback_stops(void **state)
{
	struct sse_parser p;
	struct seen s = { BUF_INIT, 0, 1 };
	struct err e = ERR_INIT;
	const char two[] = "data: 1\n\ndata: 2\n\n";

	sse_init(&p, 1024);
	assert_int_equal(sse_feed(&p, two, sizeof(two) - 1, collect, &s, &e),
			 -1);
	assert_int_equal(e.kind, ERR_CANCELLED);
	assert_int_equal(s.n, 1);
	sse_release(&p);
	buf_release(&s.log);
	err_clear(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole),
		cmocka_unit_test(test_byte_by_byte),
		cmocka_unit_test(test_random_splits),
		cmocka_unit_test(test_size_cap),
		cmocka_unit_test(test_callback_stops),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
