/*
 * LSP framing: resumable at any byte boundary, limits enforced before
 * buffering, and a bad frame costs one error, not the connection.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "rpc/frame.h"

/* Collects bodies ("B:<body>") and errors ("E:<kind>") in order. */
static void drain(struct frame_reader *r, struct buf *log)
{
	struct err e = ERR_INIT;
	const char *body;
	size_t len;
	enum frame_status st;

	while ((st = frame_reader_next(r, &body, &len, &e)) != FRAME_NEED_MORE) {
		if (st == FRAME_BODY) {
			buf_adds(log, "B:");
			buf_add(log, body, len);
		} else {
			buf_addf(log, "E:%s", err_kind_name(e.kind));
			err_clear(&e);
		}
		buf_addch(log, '|');
	}
}

static void feed_all(struct frame_reader *r, const char *s, size_t n,
		     size_t step, struct buf *log)
{
	size_t i, k;

	for (i = 0; i < n; i += k) {
		k = n - i < step ? n - i : step;
		frame_reader_feed(r, s + i, k);
		drain(r, log);
	}
}

static void frames_survive_any_split(void **state)
{
	const char in[] = "Content-Length: 2\r\n\r\n{}"
			  "content-length:3\r\nContent-Type: application/"
			  "vscode-jsonrpc; charset=utf-8\r\n\r\n[1]"
			  "Content-Length: 0\r\n\r\n";
	size_t step;

	for (step = 1; step <= sizeof(in); step++) {
		struct frame_reader r;
		struct buf log = BUF_INIT;

		frame_reader_init(&r, 0);
		feed_all(&r, in, sizeof(in) - 1, step, &log);
		assert_string_equal(log.ptr, "B:{}|B:[1]|B:|");
		buf_release(&log);
		frame_reader_release(&r);
	}
}

static void bad_headers_resynchronise(void **state)
{
	const char in[] = "Content-Length: abc\r\n\r\n{}"
			  "Content-Type: x\r\n\r\n{}"
			  "garbage\r\n\r\n"
			  "Content-Length: 2\r\n\r\nok";
	struct frame_reader r;
	struct buf log = BUF_INIT;

	frame_reader_init(&r, 0);
	feed_all(&r, in, sizeof(in) - 1, sizeof(in), &log);
	/* One error for the bad region; the good frame after it arrives. */
	assert_string_equal(log.ptr, "E:parse|B:ok|");
	buf_release(&log);
	frame_reader_release(&r);
}

static void short_length_leaves_garbage_that_is_skipped(void **state)
{
	/* The body is 7 bytes but the header says 4: "{\"a\"" is handed out,
	 * ":1}" is garbage, and the next frame still arrives. */
	const char in[] = "Content-Length: 4\r\n\r\n{\"a\":1}"
			  "Content-Length: 2\r\n\r\n[]";
	struct frame_reader r;
	struct buf log = BUF_INIT;

	frame_reader_init(&r, 0);
	feed_all(&r, in, sizeof(in) - 1, 3, &log);
	assert_string_equal(log.ptr, "B:{\"a\"|E:parse|B:[]|");
	buf_release(&log);
	frame_reader_release(&r);
}

static void oversized_body_is_refused_without_buffering(void **state)
{
	struct frame_reader r;
	struct buf log = BUF_INIT;
	char chunk[1000];
	int i;

	frame_reader_init(&r, 100);
	frame_reader_feed(&r, "Content-Length: 5000\r\n\r\n", 24);
	drain(&r, &log);
	memset(chunk, 'x', sizeof(chunk));
	for (i = 0; i < 5; i++) {
		frame_reader_feed(&r, chunk, sizeof(chunk));
		drain(&r, &log);
		assert_true(r.in.len == 0); /* nothing of it is kept */
	}
	frame_reader_feed(&r, "Content-Length: 2\r\n\r\n{}", 23);
	drain(&r, &log);
	assert_string_equal(log.ptr, "E:too_big|B:{}|");
	buf_release(&log);
	frame_reader_release(&r);
}

static void endless_header_is_cut_off(void **state)
{
	struct frame_reader r;
	struct buf log = BUF_INIT;
	char chunk[4096];
	int i;

	frame_reader_init(&r, 0);
	memset(chunk, 'h', sizeof(chunk));
	for (i = 0; i < 4; i++) {
		frame_reader_feed(&r, chunk, sizeof(chunk));
		drain(&r, &log);
	}
	assert_true(r.in.len <= FRAME_MAX_HEADER + sizeof(chunk));
	frame_reader_feed(&r, "\r\nContent-Length: 1\r\n\r\n1", 24);
	drain(&r, &log);
	assert_non_null(strstr(log.ptr, "E:parse|"));
	assert_non_null(strstr(log.ptr, "B:1|"));
	buf_release(&log);
	frame_reader_release(&r);
}

static void write_frames_bytes_not_characters(void **state)
{
	struct buf out = BUF_INIT;

	frame_write(&out, "\"\xc3\xa9\"", 4);
	assert_string_equal(out.ptr, "Content-Length: 4\r\n\r\n\"\xc3\xa9\"");
	buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(frames_survive_any_split),
		cmocka_unit_test(bad_headers_resynchronise),
		cmocka_unit_test(short_length_leaves_garbage_that_is_skipped),
		cmocka_unit_test(oversized_body_is_refused_without_buffering),
		cmocka_unit_test(endless_header_is_cut_off),
		cmocka_unit_test(write_frames_bytes_not_characters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
