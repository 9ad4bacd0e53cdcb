/*
 * The curl multi socket interface on libev: curl tells us which sockets to
 * watch (socket callback) and when to call it back (timer callback); we run
 * one ev_io per socket and one ev_timer per client, and hand every event to
 * curl_multi_socket_action(). Finished transfers are collected with
 * curl_multi_info_read() after each action.
 */
#include "llm/http.h"

#include <curl/curl.h>
#include <ev.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/mem.h"

#define HTTP_DEFAULT_MAX_BODY ((size_t)16 << 20)

struct http_client {
	struct ev_loop *loop;
	CURLM *multi;
	ev_timer timer; /* curl's one timeout */
	int active;
};

struct http_request {
	struct http_client *c;
	CURL *easy;
	struct curl_slist *hdrs;
	struct http_options o;
	ev_timer idle;
	long status;
	struct http_headers headers;
	struct buf body;
	struct err err; /* set by a callback that ended the transfer */
	bool finishing; /* on_done is running: a cancel does nothing */
	char errbuf[CURL_ERROR_SIZE];
};

/* Per-socket state, attached to curl's socket with curl_multi_assign(). */
struct http_sock {
	ev_io io;
	struct http_client *c;
};

static void finish(struct http_request *r, const struct err *e);

/* Header lines carry API keys: wiped before they go back to the heap, as
 * llm.c does with its own copies. */
static void free_headers(struct curl_slist *h)
{
	for (struct curl_slist *l = h; l; l = l->next)
		explicit_bzero(l->data, strlen(l->data));
	curl_slist_free_all(h);
}

/*
 * Reports the transfers curl has finished. An on_done may cancel (and so
 * free) another transfer whose done message is still queued: nothing read
 * from curl is kept across a callback (each message is read afresh after
 * the previous on_done returned), and curl_multi_remove_handle() drops a
 * removed handle's queued message, so a freed transfer is never reported.
 */
static void collect_done(struct http_client *c)
{
	CURLMsg *msg;
	int left;

	while ((msg = curl_multi_info_read(c->multi, &left))) {
		struct http_request *r = NULL;
		struct err e = ERR_INIT;

		if (msg->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &r);
		if (r->err.kind) {
			err_move(&e, &r->err);
		} else if (msg->data.result == CURLE_OPERATION_TIMEDOUT) {
			err_set(&e, ERR_TIMEOUT, "%s",
				r->errbuf[0] ? r->errbuf : "timed out");
		} else if (msg->data.result != CURLE_OK) {
			err_set(&e, ERR_CONNECTION, "%s",
				r->errbuf[0] ? r->errbuf
					     : curl_easy_strerror(msg->data.result));
		}
		finish(r, e.kind ? &e : NULL);
		err_clear(&e);
	}
}

static void on_io(struct ev_loop *loop, ev_io *w, int revents)
{
	struct http_sock *s = (struct http_sock *)w;
	struct http_client *c = s->c;
	int action = 0, running;

	/* s may be freed inside socket_action (CURL_POLL_REMOVE). */
	if (revents & EV_READ)
		action |= CURL_CSELECT_IN;
	if (revents & EV_WRITE)
		action |= CURL_CSELECT_OUT;
	curl_multi_socket_action(c->multi, w->fd, action, &running);
	collect_done(c);
}

static void on_timer(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct http_client *c = w->data;
	int running;

	curl_multi_socket_action(c->multi, CURL_SOCKET_TIMEOUT, 0, &running);
	collect_done(c);
}

static int curl_socket_cb(CURL *easy, curl_socket_t fd, int what, void *userp,
			  void *sockp)
{
	struct http_client *c = userp;
	struct http_sock *s = sockp;
	int events = 0;

	if (what == CURL_POLL_REMOVE) {
		if (s) {
			ev_io_stop(c->loop, &s->io);
			free(s);
			curl_multi_assign(c->multi, fd, NULL);
		}
		return 0;
	}
	if (!s) {
		s = xcalloc(1, sizeof(*s));
		s->c = c;
		curl_multi_assign(c->multi, fd, s);
	} else {
		ev_io_stop(c->loop, &s->io);
	}
	if (what & CURL_POLL_IN)
		events |= EV_READ;
	if (what & CURL_POLL_OUT)
		events |= EV_WRITE;
	ev_io_init(&s->io, on_io, fd, events);
	ev_io_start(c->loop, &s->io);
	return 0;
}

/* curl asks for one timer: -1 deletes it, 0 means "as soon as possible"
 * (never call socket_action from inside this callback), else milliseconds,
 * kept fractional so the timer never fires early. */
static int curl_timer_cb(CURLM *multi, long timeout_ms, void *userp)
{
	struct http_client *c = userp;

	ev_timer_stop(c->loop, &c->timer);
	if (timeout_ms >= 0) {
		ev_timer_set(&c->timer, (double)timeout_ms / 1000.0, 0.);
		ev_timer_start(c->loop, &c->timer);
	}
	return 0;
}

struct http_client *http_client_new(struct ev_loop *loop)
{
	struct http_client *c = xcalloc(1, sizeof(*c));

	curl_global_init(CURL_GLOBAL_DEFAULT);
	c->loop = loop;
	c->multi = curl_multi_init();
	if (!c->multi)
		abort(); /* out of memory */
	ev_timer_init(&c->timer, on_timer, 0., 0.);
	c->timer.data = c;
	curl_multi_setopt(c->multi, CURLMOPT_SOCKETFUNCTION, curl_socket_cb);
	curl_multi_setopt(c->multi, CURLMOPT_SOCKETDATA, c);
	curl_multi_setopt(c->multi, CURLMOPT_TIMERFUNCTION, curl_timer_cb);
	curl_multi_setopt(c->multi, CURLMOPT_TIMERDATA, c);
	return c;
}

void http_client_free(struct http_client *c)
{
	if (!c)
		return;
	ev_timer_stop(c->loop, &c->timer);
	curl_multi_cleanup(c->multi);
	free(c);
}

int http_client_active(const struct http_client *c)
{
	return c->active;
}

static void copy_value(char *dst, size_t size, const char *v, size_t n)
{
	while (n && (v[n - 1] == '\r' || v[n - 1] == '\n' || v[n - 1] == ' '))
		n--;
	if (n >= size)
		n = size - 1;
	memcpy(dst, v, n);
	dst[n] = '\0';
}

static size_t on_header(char *p, size_t size, size_t n, void *ud)
{
	struct http_request *r = ud;
	struct http_headers *h = &r->headers;
	size_t len = size * n, nl;
	const char *colon = memchr(p, ':', len);
	static const struct {
		const char *name;
		size_t off, size;
	} want[] = {
#define W(name, field) { name, offsetof(struct http_headers, field), \
			 sizeof(((struct http_headers *)0)->field) }
		W("request-id", request_id),
		W("x-request-id", request_id),
		W("retry-after", retry_after),
		W("retry-after-ms", retry_after_ms),
		W("x-should-retry", should_retry),
		W("content-type", content_type),
		W("link", link),
		W("x-ratelimit-remaining", ratelimit_remaining),
		W("x-ratelimit-reset", ratelimit_reset),
#undef W
	};

	/* A new status line starts a new response (after a 100 Continue or
	 * a redirect): forget the headers of the previous one. */
	if (len > 5 && !strncmp(p, "HTTP/", 5)) {
		memset(h, 0, sizeof(*h));
		return len;
	}
	if (!colon)
		return len;
	nl = (size_t)(colon - p);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const char *v = colon + 1;

		if (strlen(want[i].name) != nl ||
		    strncasecmp(p, want[i].name, nl))
			continue;
		while (v < p + len && *v == ' ')
			v++;
		copy_value((char *)h + want[i].off, want[i].size, v,
			   (size_t)(p + len - v));
	}
	return len;
}

static size_t on_write(char *p, size_t size, size_t n, void *ud)
{
	struct http_request *r = ud;
	size_t len = size * n;

	if (!r->status)
		curl_easy_getinfo(r->easy, CURLINFO_RESPONSE_CODE, &r->status);
	if (r->o.idle_timeout_ms)
		ev_timer_again(r->c->loop, &r->idle);
	if (r->o.on_data && r->status >= 200 && r->status < 300) {
		if (r->o.on_data(p, len, r->o.ud, &r->err) < 0) {
			if (!r->err.kind)
				err_set(&r->err, ERR_INTERNAL, "body refused");
			return 0;
		}
		return len;
	}
	if (buf_add(&r->body, p, len) < 0) {
		err_set(&r->err, ERR_TOO_BIG, "response body over %zu bytes",
			r->body.max);
		return 0;
	}
	return len;
}

static void on_idle(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct http_request *r = w->data;
	struct err e = ERR_INIT;

	err_set(&e, ERR_TIMEOUT, "no data for %ld ms", r->o.idle_timeout_ms);
	finish(r, &e);
	err_clear(&e);
}

static void finish(struct http_request *r, const struct err *e)
{
	struct http_client *c = r->c;
	struct http_result res;

	if (!r->status)
		curl_easy_getinfo(r->easy, CURLINFO_RESPONSE_CODE, &r->status);
	r->finishing = true;
	ev_timer_stop(c->loop, &r->idle);
	curl_multi_remove_handle(c->multi, r->easy);
	c->active--;
	res.status = r->status;
	res.headers = &r->headers;
	res.body = r->body.ptr;
	res.body_len = r->body.len;
	res.err = e;
	r->o.on_done(&res, r->o.ud);
	curl_easy_cleanup(r->easy);
	free_headers(r->hdrs);
	buf_release(&r->body);
	err_clear(&r->err);
	free(r);
}

struct http_request *http_start(struct http_client *c,
				const struct http_options *o, struct err *e)
{
	struct http_request *r = xcalloc(1, sizeof(*r));
	CURL *h;

	r->c = c;
	r->o = *o;
	r->o.headers = NULL;
	r->o.body = NULL;
	buf_init(&r->body, o->max_body ? o->max_body : HTTP_DEFAULT_MAX_BODY);
	err_init(&r->err);
	r->easy = h = curl_easy_init();
	if (!h)
		abort();
	for (size_t i = 0; o->headers && o->headers[i]; i++)
		r->hdrs = curl_slist_append(r->hdrs, o->headers[i]);
	/* No "Expect: 100-continue" round trip before a large body. */
	r->hdrs = curl_slist_append(r->hdrs, "Expect:");
	curl_easy_setopt(h, CURLOPT_URL, o->url);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, r->hdrs);
	if (o->body) {
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
				 (curl_off_t)o->body_len);
		curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, o->body);
	}
	curl_easy_setopt(h, CURLOPT_PRIVATE, r);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, r->errbuf);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_write);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
	if (o->connect_timeout_ms)
		curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
				 o->connect_timeout_ms);
	if (o->total_timeout_ms)
		curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, o->total_timeout_ms);
	ev_timer_init(&r->idle, on_idle, 0.,
		      (double)o->idle_timeout_ms / 1000.0);
	r->idle.data = r;
	if (curl_multi_add_handle(c->multi, h) != CURLM_OK) {
		err_set(e, ERR_INTERNAL, "curl refused the transfer");
		curl_easy_cleanup(h);
		free_headers(r->hdrs);
		buf_release(&r->body);
		free(r);
		return NULL;
	}
	c->active++;
	if (o->idle_timeout_ms)
		ev_timer_again(c->loop, &r->idle);
	return r;
}

void http_cancel(struct http_request *r)
{
	struct err e = ERR_INIT;

	/* Its on_done is running (a chain of callbacks came back to it):
	 * ending it again would free it under that on_done. */
	if (r->finishing)
		return;
	err_set(&e, ERR_CANCELLED, "request cancelled");
	finish(r, &e);
	err_clear(&e);
}
