/* llm/http on a real libev loop against a tiny HTTP server on the same loop:
 * status, headers and bodies, streaming, the caps and timeouts, cancel and
 * connection errors. Every test ends with the loop empty: ev_run() returns
 * only when no watcher is left, so a leaked transfer or timer hangs the test
 * (and ctest's timeout fails it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cmocka.h>
#include <ev.h>

#include "llm/http.h"

struct server {
	struct ev_loop *loop;
	ev_io listen;
	ev_io conn;
	int port;
	const char *reply;  /* sent once the request is in */
	bool stall;         /* keep the connection open after the reply */
	struct buf request; /* what the client sent */
};

struct outcome {
	int calls;
	long status;
	enum err_kind err_kind;
	struct buf body;
	struct buf streamed;
	struct http_headers headers;
	struct server *srv;
	enum err_kind refuse_kind; /* on_data fails with this */
};

static void server_close(struct server *s)
{
	if (ev_is_active(&s->conn)) {
		ev_io_stop(s->loop, &s->conn);
		close(s->conn.fd);
	}
	if (ev_is_active(&s->listen)) {
		ev_io_stop(s->loop, &s->listen);
		close(s->listen.fd);
	}
}

static void on_conn(struct ev_loop *loop, ev_io *w, int revents)
{
	struct server *s = w->data;
	char tmp[4096];
	ssize_t n = read(w->fd, tmp, sizeof(tmp));
	const char *end;

	if (n <= 0) {
		ev_io_stop(loop, w);
		close(w->fd);
		return;
	}
	buf_add(&s->request, tmp, (size_t)n);
	end = strstr(s->request.ptr, "\r\n\r\n");
	if (!end)
		return;
	{
		const char *cl = strcasestr(s->request.ptr, "content-length:");
		size_t want = cl ? strtoul(cl + 15, NULL, 10) : 0;

		if (s->request.len < (size_t)(end + 4 - s->request.ptr) + want)
			return;
	}
	assert_int_equal(write(w->fd, s->reply, strlen(s->reply)),
			 (ssize_t)strlen(s->reply));
	if (!s->stall) {
		ev_io_stop(loop, w);
		close(w->fd);
	}
}

static void on_accept(struct ev_loop *loop, ev_io *w, int revents)
{
	struct server *s = w->data;
	int fd = accept(w->fd, NULL, NULL);

	assert_true(fd >= 0);
	ev_io_init(&s->conn, on_conn, fd, EV_READ);
	s->conn.data = s;
	ev_io_start(loop, &s->conn);
}

static void server_start(struct server *s, struct ev_loop *loop,
			 const char *reply, bool stall)
{
	struct sockaddr_in a = { 0 };
	socklen_t len = sizeof(a);
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	memset(s, 0, sizeof(*s));
	s->loop = loop;
	s->reply = reply;
	s->stall = stall;
	buf_init(&s->request, 1 << 20);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(listen(fd, 4), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
	s->port = ntohs(a.sin_port);
	ev_io_init(&s->listen, on_accept, fd, EV_READ);
	s->listen.data = s;
	ev_io_start(loop, &s->listen);
}

static int on_data(const char *p, size_t n, void *ud, struct err *e)
{
	struct outcome *o = ud;

	if (o->refuse_kind)
		return err_set(e, o->refuse_kind, "refused");
	buf_add(&o->streamed, p, n);
	return 0;
}

static void on_done(const struct http_result *r, void *ud)
{
	struct outcome *o = ud;

	o->calls++;
	o->status = r->status;
	o->headers = *r->headers;
	buf_add(&o->body, r->body, r->body_len);
	if (r->err)
		o->err_kind = r->err->kind;
	if (o->srv)
		server_close(o->srv);
}

static void outcome_release(struct outcome *o)
{
	buf_release(&o->body);
	buf_release(&o->streamed);
}

static void on_cancel_timer(struct ev_loop *loop, ev_timer *t, int revents)
{
	http_cancel(t->data);
}

/* Runs one request to the server (or `url`) until the loop is empty; o
 * comes zeroed (or with refuse_kind set). */
static void run(struct outcome *o, struct server *s, const char *url,
		struct http_options *opt, double cancel_after)
{
	struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);
	struct http_client *c = http_client_new(loop);
	struct http_request *r;
	struct err e = ERR_INIT;
	char u[128];
	ev_timer t;

	o->srv = s;
	buf_init(&o->body, 1 << 20);
	buf_init(&o->streamed, 1 << 20);
	if (s) {
		server_start(s, loop, s->reply, s->stall);
		snprintf(u, sizeof(u), "http://127.0.0.1:%d/v1/x", s->port);
		url = u;
	}
	opt->url = url;
	opt->on_done = on_done;
	opt->ud = o;
	r = http_start(c, opt, &e);
	assert_non_null(r);
	ev_timer_init(&t, on_cancel_timer, cancel_after, 0.);
	t.data = r;
	if (cancel_after > 0)
		ev_timer_start(loop, &t);
	ev_run(loop, 0);
	assert_int_equal(o->calls, 1);
	assert_int_equal(http_client_active(c), 0);
	http_client_free(c);
	ev_loop_destroy(loop);
}

static void test_post_headers_body(void **state)
{
	struct server s = {
		.reply = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n"
			 "Request-Id: req_1\r\nretry-after: 3\r\n"
			 "retry-after-ms: 2500\r\nx-should-retry: true\r\n"
			 "content-type: application/json\r\n\r\nhello",
	};
	const char *const hdrs[] = { "x-api-key: k", "anthropic-version: 1",
				     NULL };
	struct http_options opt = { .headers = hdrs, .body = "{\"a\":1}",
				    .body_len = 7 };
	struct outcome o = { 0 };

	run(&o, &s, NULL, &opt, 0);
	assert_int_equal(o.err_kind, ERR_NONE);
	assert_int_equal(o.status, 200);
	assert_string_equal(o.body.ptr, "hello");
	assert_string_equal(o.headers.request_id, "req_1");
	assert_string_equal(o.headers.retry_after, "3");
	assert_string_equal(o.headers.retry_after_ms, "2500");
	assert_string_equal(o.headers.should_retry, "true");
	assert_string_equal(o.headers.content_type, "application/json");
	assert_true(!strncmp(s.request.ptr, "POST /v1/x HTTP/1.1\r\n", 21));
	assert_non_null(strstr(s.request.ptr, "\r\nx-api-key: k\r\n"));
	assert_null(strcasestr(s.request.ptr, "Expect:"));
	assert_non_null(strstr(s.request.ptr, "\r\n\r\n{\"a\":1}"));
	outcome_release(&o);
	buf_release(&s.request);
}

static void test_streamed_chunks(void **state)
{
	struct server s = {
		.reply = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
			 "3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n",
	};
	struct http_options opt = { .on_data = on_data };
	struct outcome o = { 0 };

	run(&o, &s, NULL, &opt, 0);
	assert_int_equal(o.err_kind, ERR_NONE);
	assert_string_equal(o.streamed.ptr, "abcdefg");
	assert_int_equal(o.body.len, 0);
	outcome_release(&o);
	buf_release(&s.request);
}

static void test_error_body_collected(void **state)
{
	struct server s = {
		.reply = "HTTP/1.1 429 Too Many\r\nContent-Length: 7\r\n\r\n"
			 "{\"e\":1}",
	};
	struct http_options opt = { .on_data = on_data };
	struct outcome o = { 0 };

	run(&o, &s, NULL, &opt, 0);
	assert_int_equal(o.err_kind, ERR_NONE);
	assert_int_equal(o.status, 429);
	assert_string_equal(o.body.ptr, "{\"e\":1}");
	assert_int_equal(o.streamed.len, 0);
	outcome_release(&o);
	buf_release(&s.request);
}

static void test_idle_timeout(void **state)
{
	struct server s = {
		.reply = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
			 "3\r\nabc\r\n",
		.stall = true,
	};
	struct http_options opt = { .on_data = on_data,
				    .idle_timeout_ms = 200 };
	struct outcome o = { 0 };

	run(&o, &s, NULL, &opt, 0);
	assert_int_equal(o.err_kind, ERR_TIMEOUT);
	assert_string_equal(o.streamed.ptr, "abc");
	outcome_release(&o);
	buf_release(&s.request);
}

static void test_total_timeout(void **state)
{
	struct server s = { .reply = "", .stall = true };
	struct http_options opt = { .total_timeout_ms = 200 };
	struct outcome o = { 0 };

	run(&o, &s, NULL, &opt, 0);
	assert_int_equal(o.err_kind, ERR_TIMEOUT);
	assert_int_equal(o.status, 0);
	outcome_release(&o);
	buf_release(&s.request);
}

static void test_caps_and_refusal(void **state)
{
	struct server s = {
		.reply = "HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n"
			 "01234567890123456789",
	};
	struct server s2 = s;
	struct http_options opt = { .max_body = 10 };
	struct http_options opt2 = { .on_data = on_data };
	struct outcome o = { 0 };

	run(&o, &s, NULL, &opt, 0);
	assert_int_equal(o.err_kind, ERR_TOO_BIG);
	outcome_release(&o);
	buf_release(&s.request);

	memset(&o, 0, sizeof(o));
	o.refuse_kind = ERR_IO;
	run(&o, &s2, NULL, &opt2, 0);
	assert_int_equal(o.err_kind, ERR_IO);
	outcome_release(&o);
	buf_release(&s2.request);
}

static void test_cancel(void **state)
{
	struct server s = {
		.reply = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
			 "3\r\nabc\r\n",
		.stall = true,
	};
	struct http_options opt = { .on_data = on_data };
	struct outcome o = { 0 };

	run(&o, &s, NULL, &opt, 0.2);
	assert_int_equal(o.err_kind, ERR_CANCELLED);
	assert_string_equal(o.streamed.ptr, "abc");
	outcome_release(&o);
	buf_release(&s.request);
}

static void test_connection_refused(void **state)
{
	struct http_options opt = { .connect_timeout_ms = 2000 };
	struct outcome o = { 0 };

	run(&o, NULL, "http://127.0.0.1:1/", &opt, 0);
	assert_int_equal(o.err_kind, ERR_CONNECTION);
	assert_int_equal(o.status, 0);
	outcome_release(&o);
}

/*
 * Two transfers that curl finishes in the same pass: both done messages
 * are queued when the first on_done runs. The server takes the connections
 * (the kernel's backlog) and never answers, so both hit their total
 * timeout; the loop is held past it, so curl's one timer call finds both
 * expired.
 */
struct pair {
	struct ev_loop *loop;
	struct http_request *req[2];
	int calls[2];
	bool returned[2];      /* that on_done has returned */
	enum err_kind kind[2];
	unsigned iteration[2]; /* ev_iteration() in on_done */
	bool cross_cancel;     /* each on_done cancels the other */
	int order[2], n;
};

struct pair_ud {
	struct pair *p;
	int i;
};

static void pair_done(const struct http_result *r, void *ud)
{
	struct pair_ud *u = ud;
	struct pair *p = u->p;
	int other = 1 - u->i;

	p->calls[u->i]++;
	p->kind[u->i] = r->err ? r->err->kind : ERR_NONE;
	p->iteration[u->i] = ev_iteration(p->loop);
	p->order[p->n++] = u->i;
	/* The other request is valid until its on_done returns: cancelling
	 * it here frees it while its done message may still be queued, and
	 * its own on_done, run by that cancel, cancels this one back. */
	if (p->cross_cancel && !p->returned[other])
		http_cancel(p->req[other]);
	p->returned[u->i] = true;
}

static void hold_loop(struct ev_loop *loop, ev_timer *t, int revents)
{
	usleep(300 * 1000);
}

static void run_pair(struct pair *p)
{
	struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);
	struct http_client *c = http_client_new(loop);
	struct sockaddr_in a = { 0 };
	socklen_t len = sizeof(a);
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct pair_ud ud[2] = { { p, 0 }, { p, 1 } };
	struct err e = ERR_INIT;
	char url[128];
	ev_timer hold;

	p->loop = loop;
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(listen(fd, 4), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
	snprintf(url, sizeof(url), "http://127.0.0.1:%d/", ntohs(a.sin_port));
	for (int i = 0; i < 2; i++) {
		struct http_options o = { .url = url, .total_timeout_ms = 100,
					  .on_done = pair_done, .ud = &ud[i] };

		p->req[i] = http_start(c, &o, &e);
		assert_non_null(p->req[i]);
	}
	ev_timer_init(&hold, hold_loop, 0.05, 0.);
	ev_timer_start(loop, &hold);
	ev_run(loop, 0);
	assert_int_equal(p->calls[0], 1);
	assert_int_equal(p->calls[1], 1);
	assert_int_equal(http_client_active(c), 0);
	close(fd);
	http_client_free(c);
	ev_loop_destroy(loop);
}

static void test_on_done_cancels_queued_transfer(void **state)
{
	struct pair plain = { 0 }, cross = { .cross_cancel = true };

	/* Left alone, both time out, reported in one loop iteration: from
	 * the one collect pass that found both done messages queued. */
	run_pair(&plain);
	assert_int_equal(plain.kind[0], ERR_TIMEOUT);
	assert_int_equal(plain.kind[1], ERR_TIMEOUT);
	assert_int_equal(plain.iteration[0], plain.iteration[1]);

	/* The first reported cancels the second, whose done message is
	 * queued behind it: the second ends once, as cancelled, and its
	 * message (its easy handle freed) is never read. Its cancel of the
	 * first, still in its on_done, does nothing. Under ASan a freed
	 * transfer reported again, or a request ended twice, fails here. */
	run_pair(&cross);
	assert_int_equal(cross.kind[cross.order[0]], ERR_TIMEOUT);
	assert_int_equal(cross.kind[cross.order[1]], ERR_CANCELLED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_post_headers_body),
		cmocka_unit_test(test_streamed_chunks),
		cmocka_unit_test(test_error_body_collected),
		cmocka_unit_test(test_idle_timeout),
		cmocka_unit_test(test_total_timeout),
		cmocka_unit_test(test_caps_and_refusal),
		cmocka_unit_test(test_cancel),
		cmocka_unit_test(test_connection_refused),
		cmocka_unit_test(test_on_done_cancels_queued_transfer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
