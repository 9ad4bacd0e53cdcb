/*
 * The provider driver: one llm_call per completion, run as a small state
 * machine on the loop: wait (limiter or backoff) -> attempt (one HTTP
 * transfer) -> done or wait again. The overall deadline is one timer over
 * all of it; cancellation and the deadline both end the live transfer.
 */
#include "llm/llm.h"

#include <ctype.h>
#include <ev.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "llm/cost.h"
#include "llm/http.h"
#include "llm/retry.h"
#include "llm/sse.h"
#include "llm/wire.h"
#include "util/log.h"
#include "util/mem.h"

#define DEFAULT_DEADLINE_MS (10 * 60 * 1000)
#define SSE_MAX_EVENT ((size_t)8 << 20)
#define MAX_AUTH_HEADERS 4

struct limiter {
	char *provider;
	struct retry_limiter requests, tokens;
	struct limiter *next;
};

struct llm_client {
	struct ev_loop *loop;
	struct http_client *http;
	struct limiter *limiters;
	uint64_t rng;
	int active;
};

struct llm_call {
	struct llm_client *c;
	const struct llm_wire *wire;
	char *provider;
	char *key; /* only to cut it out of error messages */
	char *url;
	char *headers[MAX_AUTH_HEADERS + 4];
	struct buf body;
	bool stream;
	int max_retries;
	long connect_timeout_ms, idle_timeout_ms;
	size_t max_response_bytes;
	double started, deadline_at; /* ev_now() seconds */
	char *model;
	struct limiter *limiter;
	struct llm_price price;
	bool has_price;
	struct llm_callbacks cb;
	struct llm_response res;
	struct sse_parser sse;
	struct llm_stream st;
	struct http_request *http; /* the live transfer, or NULL */
	ev_timer wait;             /* before the next attempt */
	ev_timer deadline;
	enum err_kind stopping; /* ERR_CANCELLED or ERR_TIMEOUT once stopped */
};

/* ---- the client ---- */

struct llm_client *llm_client_new(struct ev_loop *loop)
{
	struct llm_client *c = xcalloc(1, sizeof(*c));

	c->loop = loop;
	c->http = http_client_new(loop);
	c->rng = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32) ^
		 (uint64_t)(uintptr_t)c;
	return c;
}

struct http_client *llm_client_http(struct llm_client *c)
{
	return c->http;
}

void llm_client_free(struct llm_client *c)
{
	if (!c)
		return;
	while (c->limiters) {
		struct limiter *l = c->limiters;

		c->limiters = l->next;
		free(l->provider);
		free(l);
	}
	http_client_free(c->http);
	free(c);
}

static double jitter(struct llm_client *c)
{
	/* xorshift64: backoff jitter needs spread, not secrecy. */
	c->rng ^= c->rng << 13;
	c->rng ^= c->rng >> 7;
	c->rng ^= c->rng << 17;
	return (double)(c->rng >> 11) / (double)(1ull << 53);
}

static struct limiter *limiter_for(struct llm_client *c,
				   const struct llm_provider *p)
{
	struct limiter *l;

	for (l = c->limiters; l; l = l->next)
		if (!strcmp(l->provider, p->name))
			break;
	if (!l) {
		l = xcalloc(1, sizeof(*l));
		l->provider = xstrdup(p->name);
		l->next = c->limiters;
		c->limiters = l;
	}
	/* The rates follow the config of the latest call. */
	l->requests.rate = p->requests_per_min;
	l->tokens.rate = p->input_tokens_per_min;
	return l;
}

/* ---- one call ---- */

static void call_free(struct llm_call *call)
{
	struct llm_client *c = call->c;

	ev_timer_stop(c->loop, &call->wait);
	ev_timer_stop(c->loop, &call->deadline);
	for (int i = 0; call->headers[i]; i++) {
		explicit_bzero(call->headers[i], strlen(call->headers[i]));
		free(call->headers[i]);
	}
	if (call->key)
		explicit_bzero(call->key, strlen(call->key));
	free(call->key);
	free(call->provider);
	free(call->model);
	free(call->url);
	buf_release(&call->body);
	sse_release(&call->sse);
	llm_response_release(&call->res);
	c->active--;
	free(call);
}

static void call_finish(struct llm_call *call, const struct err *e)
{
	const struct llm_usage *u = &call->res.usage;

	call->res.cost_usd = -1;
	if (!e && call->has_price)
		call->res.cost_usd = cost_usd(&call->price, u);
	if (e)
		log_info("llm %s %s: %s after %.2f s: %s", call->provider,
			 call->model, err_kind_name(e->kind),
			 ev_now(call->c->loop) - call->started, e->msg.ptr);
	else
		log_info("llm %s %s: %s in %.2f s, %d attempt(s), tokens in "
			 "%lld out %lld cache read %lld write %lld",
			 call->provider, call->model,
			 call->res.stop_reason ? call->res.stop_reason : "done",
			 ev_now(call->c->loop) - call->started,
			 call->res.attempts, (long long)u->input,
			 (long long)u->output, (long long)u->cache_read,
			 (long long)u->cache_write);
	call->cb.on_done(&call->res, e, call->cb.ud);
	call_free(call);
}

static void call_finish_kind(struct llm_call *call, enum err_kind kind,
			     const char *msg)
{
	struct err e = ERR_INIT;

	err_set(&e, kind, "%s: %s", call->provider, msg);
	call_finish(call, &e);
	err_clear(&e);
}

static int on_sse(const char *event, const char *data, size_t n, void *ud,
		  struct err *e)
{
	struct llm_call *call = ud;

	if (call->wire->event(&call->st, event, data, n, e) == 0)
		return 0;
	if (call->st.over_cap) {
		err_clear(e);
		err_set(e, ERR_LLM, "the completion passed %zu bytes of text "
			"and was stopped (llm.%s.maxResponseBytes)",
			call->max_response_bytes, call->provider);
	}
	return -1;
}

static int on_data(const char *p, size_t n, void *ud, struct err *e)
{
	struct llm_call *call = ud;

	return sse_feed(&call->sse, p, n, on_sse, call, e);
}

static void attempt_done(const struct http_result *r, void *ud);

static void attempt_start(struct llm_call *call)
{
	struct http_options o = { 0 };
	struct err e = ERR_INIT;

	call->res.attempts++;
	llm_stream_init(&call->st, &call->res, &call->cb, call->res.attempts);
	call->st.max_text = call->max_response_bytes;
	sse_release(&call->sse);
	sse_init(&call->sse, SSE_MAX_EVENT);
	o.url = call->url;
	o.headers = (const char *const *)call->headers;
	o.body = call->body.ptr;
	o.body_len = call->body.len;
	o.connect_timeout_ms = call->connect_timeout_ms;
	if (call->stream) {
		o.on_data = on_data;
		o.idle_timeout_ms = call->idle_timeout_ms;
	}
	o.on_done = attempt_done;
	o.ud = call;
	call->http = http_start(call->c->http, &o, &e);
	if (!call->http) {
		call_finish(call, &e);
		err_clear(&e);
	}
}

static void on_wait(struct ev_loop *loop, ev_timer *w, int revents)
{
	attempt_start(w->data);
}

/* Waits `delay` seconds (and for the limiter) before the next attempt. */
static void attempt_schedule(struct llm_call *call, double delay)
{
	struct ev_loop *loop = call->c->loop;
	double now = ev_now(loop), w;

	w = retry_limiter_reserve(&call->limiter->requests, 1, now);
	if (w > delay)
		delay = w;
	/* A prompt is about 4 bytes a token: near enough to pace by. */
	w = retry_limiter_reserve(&call->limiter->tokens,
				  (double)call->body.len / 4, now);
	if (w > delay)
		delay = w;
	ev_timer_set(&call->wait, delay, 0.);
	ev_timer_start(loop, &call->wait);
}

static void on_deadline(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct llm_call *call = w->data;

	call->stopping = ERR_TIMEOUT;
	if (call->http)
		http_cancel(call->http); /* ends the call */
	else
		call_finish_kind(call, ERR_TIMEOUT, "deadline passed");
}

void llm_cancel(struct llm_call *call)
{
	call->stopping = ERR_CANCELLED;
	if (call->http)
		http_cancel(call->http);
	else
		call_finish_kind(call, ERR_CANCELLED, "cancelled");
}

/* Provider messages can quote a key back (OpenAI's "Incorrect API key
 * provided: ..."): cut the key, and anything that looks like one. */
static void redact(struct buf *msg, const char *key)
{
	struct buf out = BUF_INIT;
	const char *p = msg->ptr;
	/* A key of a few letters would cut innocent words. */
	size_t kl = key && strlen(key) >= 4 ? strlen(key) : 0;

	while (*p) {
		if (kl && !strncmp(p, key, kl)) {
			buf_adds(&out, "[redacted]");
			p += kl;
		} else if (!strncmp(p, "sk-", 3)) {
			buf_adds(&out, "sk-[redacted]");
			while (*p && !isspace((unsigned char)*p) && *p != '"' &&
			       *p != '\'' && *p != ',' && *p != '.')
				p++;
		} else {
			buf_addch(&out, *p++);
		}
	}
	buf_release(msg);
	*msg = out;
}

static enum err_kind kind_for_status(long status)
{
	if (status == 429)
		return ERR_RATE_LIMITED;
	if (status == 401 || status == 403)
		return ERR_AUTH;
	if (status == 0 || status >= 500)
		return ERR_LLM_UNAVAILABLE;
	return ERR_LLM;
}

static void add_request_id(struct llm_response *res, const char *id)
{
	if (*id && res->n_request_ids < LLM_MAX_REQUEST_IDS)
		res->request_ids[res->n_request_ids++] = xstrdup(id);
}

static void attempt_done(const struct http_result *r, void *ud)
{
	struct llm_call *call = ud;
	struct llm_response *res = &call->res;
	struct buf msg = BUF_INIT;
	struct err e = ERR_INIT;
	enum err_kind kind = ERR_NONE;
	bool retry = false;
	long wait_ms = -1;

	call->http = NULL;
	add_request_id(res, r->headers->request_id);
	if (call->stopping) {
		call_finish_kind(call, call->stopping,
				 call->stopping == ERR_TIMEOUT
					 ? "deadline passed"
					 : "cancelled");
		return;
	}
	if (r->err && (r->err->kind == ERR_CONNECTION ||
		       r->err->kind == ERR_TIMEOUT)) {
		/* No (whole) answer: always worth another try. */
		kind = r->err->kind == ERR_TIMEOUT ? ERR_TIMEOUT
							  : ERR_LLM_UNAVAILABLE;
		buf_addf(&msg, "%s", r->err->msg.ptr);
		retry = true;
	} else if (r->err) {
		/* The body was refused: a bad stream, or an error event. */
		kind = res->status ? kind_for_status(res->status) : ERR_LLM;
		buf_addf(&msg, "%s", r->err->msg.ptr);
		retry = res->status && retry_should(res->status, NULL);
	} else if (r->status >= 200 && r->status < 300) {
		res->status = r->status;
		if (call->stream && !call->st.done) {
			kind = ERR_LLM_UNAVAILABLE;
			buf_adds(&msg, "the stream ended before its end");
			retry = true;
		} else if (!call->stream &&
			   call->wire->parse(res, r->body, r->body_len,
					     &e) < 0) {
			kind = ERR_LLM;
			buf_addf(&msg, "bad response: %s", e.msg.ptr);
		}
	} else {
		struct json_doc d = JSON_DOC_INIT;

		res->status = r->status;
		kind = kind_for_status(r->status);
		buf_addf(&msg, "HTTP %ld", r->status);
		if (json_parse(&d, r->body, r->body_len, 32, &e) == 0) {
			struct buf text = BUF_INIT;

			wire_error_body(&d, res, &text);
			if (res->error_type)
				buf_addf(&msg, " %s", res->error_type);
			if (text.len)
				buf_addf(&msg, ": %.500s", text.ptr);
			buf_release(&text);
		}
		json_doc_release(&d);
		retry = retry_should(r->status, r->headers->should_retry);
		wait_ms = retry_after_ms(r->headers->retry_after_ms,
					 r->headers->retry_after, time(NULL));
	}
	err_clear(&e);
	if (!kind) {
		buf_release(&msg);
		call_finish(call, NULL);
		return;
	}
	if (retry && res->attempts <= call->max_retries) {
		double delay, left;

		if (wait_ms < 0)
			wait_ms = retry_backoff_ms(res->attempts,
						   jitter(call->c));
		delay = (double)wait_ms / 1000.0;
		left = call->deadline_at - ev_now(call->c->loop);
		if (delay < left) {
			log_info("llm %s %s: attempt %d: %s; retrying in "
				 "%.2f s", call->provider, call->model,
				 res->attempts, err_kind_name(kind), delay);
			buf_release(&msg);
			llm_response_reset(res);
			attempt_schedule(call, delay);
			return;
		}
	}
	redact(&msg, call->key);
	if (r->headers->request_id[0])
		buf_addf(&msg, " (request-id %s)", r->headers->request_id);
	if (res->attempts > 1)
		buf_addf(&msg, " after %d attempts", res->attempts);
	call_finish_kind(call, kind, msg.ptr);
	buf_release(&msg);
}

struct llm_call *llm_complete(struct llm_client *c,
			      const struct llm_provider *p,
			      const struct llm_request *req,
			      struct config *cfg,
			      const struct llm_callbacks *cb, struct err *e)
{
	struct llm_call *call = xcalloc(1, sizeof(*call));
	const struct llm_wire *wire = p->wire == LLM_WIRE_ANTHROPIC
					      ? &llm_wire_anthropic
					      : &llm_wire_openai;
	long deadline = req->deadline_ms > 0 ? req->deadline_ms
					     : DEFAULT_DEADLINE_MS;
	int n = 0, r;

	buf_init(&call->body, BUF_DEFAULT_MAX);
	sse_init(&call->sse, SSE_MAX_EVENT);
	if (!req->model || !*req->model) {
		err_set(e, ERR_INVALID_PARAMS, "no model given");
		goto fail;
	}
	if (!p->api_key && p->key_env) {
		err_set(e, ERR_AUTH, "%s: no API key (set %s)", p->name,
			p->key_env);
		goto fail;
	}
	if (wire_build(wire, &call->body, req, e) < 0)
		goto fail;
	r = cost_price(&call->price, req->model, cfg, e);
	if (r < 0)
		goto fail;
	call->has_price = r > 0;

	call->c = c;
	call->wire = wire;
	call->provider = xstrdup(p->name);
	call->model = xstrdup(req->model);
	call->key = p->api_key ? xstrdup(p->api_key) : NULL;
	call->url = xmalloc(strlen(p->base_url) + strlen(wire->path) + 1);
	strcpy(call->url, p->base_url);
	strcat(call->url, wire->path);
	call->headers[n++] = xstrdup("content-type: application/json");
	call->headers[n++] = xstrdup(req->stream
					     ? "accept: text/event-stream"
					     : "accept: application/json");
	wire->auth_headers(p->api_key, call->headers + n, MAX_AUTH_HEADERS);
	call->stream = req->stream;
	call->max_retries = p->max_retries;
	call->connect_timeout_ms = p->connect_timeout_ms;
	call->idle_timeout_ms = p->idle_timeout_ms;
	call->max_response_bytes = p->max_response_bytes
					   ? p->max_response_bytes
					   : (size_t)LLM_DEFAULT_MAX_RESPONSE_BYTES;
	call->cb = *cb;
	call->limiter = limiter_for(c, p);
	ev_timer_init(&call->wait, on_wait, 0., 0.);
	call->wait.data = call;
	ev_timer_init(&call->deadline, on_deadline, (double)deadline / 1000.0,
		      0.);
	call->deadline.data = call;
	call->started = ev_now(c->loop);
	call->deadline_at = call->started + (double)deadline / 1000.0;
	ev_timer_start(c->loop, &call->deadline);
	c->active++;
	attempt_schedule(call, 0);
	return call;
fail:
	buf_release(&call->body);
	sse_release(&call->sse);
	free(call);
	return NULL;
}
