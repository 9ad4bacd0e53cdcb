/*
 * rpc: sessions, calls and dispatch.
 *
 * One frame body becomes one `rpc_msg` (its own copy of the text and the
 * parsed tokens), shared by the calls of a batch. A call is "answered" when
 * its response has been sent or dropped, and "ended" when its handler has
 * finished with it; the two differ when a request is cancelled (-32800 goes
 * out at once, the handler winds down later).
 */
#include "rpc/rpc.h"

#include <ev.h>
#include <stdlib.h>
#include <string.h>

#include "rpc/errors.h"
#include "rpc/frame.h"
#include "rpc/session.h"
#include "util/mem.h"
#include "util/strv.h"

/* Everything process-wide of the protocol layer: one per server_run. */
struct rpc_server {
	struct ev_loop *loop;
	const struct rpc_method *const *table;
	void *ctx;
	bool hidden_enabled;
	struct rpc_session *sessions;
	struct rpc_stats stats;
};

struct rpc_msg {
	int refs;
	char *text;
	struct json_doc doc;
};

struct rpc_batch {
	struct rpc_session *s;
	size_t pending; /* responses (or notifications) not yet answered */
	struct buf out; /* "[resp,resp" so far */
	unsigned nresp;
};

struct rpc_call {
	struct rpc_session *s;
	struct rpc_msg *msg;
	struct rpc_batch *batch;
	const struct rpc_method *m;
	int req;       /* token of the request object */
	int id;        /* token of the id, or -1 for a notification */
	rpc_cancel_fn cancel_fn;
	void *cancel_data;
	bool answered, cancelled, cancel_notified;
	struct rpc_call *prev, *next;
};

struct rpc_session {
	struct rpc_server *srv;
	int refs;
	const struct rpc_transport_ops *ops;
	void *transport; /* NULL once detached */
	struct frame_reader fr;
	/* More frames may be buffered: the next is dispatched from here, on
	 * the next turn of the loop (holds a reference while active). */
	ev_timer more_w;
	int max_depth;
	bool initialized, shutdown;
	char *workspace;
	struct rpc_call *calls;
	struct strv topics; /* rpc_session_subscribe */
	struct rpc_session *prev, *next; /* all sessions of srv */
};

struct rpc_server *rpc_server_new(struct ev_loop *loop,
				  const struct rpc_method *const *table,
				  void *ctx)
{
	struct rpc_server *srv = xcalloc(1, sizeof(*srv));

	srv->loop = loop;
	srv->table = table;
	srv->ctx = ctx;
	return srv;
}

void rpc_server_free(struct rpc_server *srv)
{
	free(srv);
}

void rpc_server_enable_hidden(struct rpc_server *srv, bool on)
{
	srv->hidden_enabled = on;
}

const struct rpc_stats *rpc_server_stats(const struct rpc_server *srv)
{
	return &srv->stats;
}

/* ---- sessions ---- */

static void session_more_cb(struct ev_loop *loop, ev_timer *w, int revents);

struct rpc_session *rpc_session_new(struct rpc_server *srv,
				    const struct rpc_transport_ops *ops,
				    void *transport,
				    const struct rpc_limits *limits)
{
	struct rpc_session *s = xcalloc(1, sizeof(*s));

	s->srv = srv;
	s->refs = 1;
	s->ops = ops;
	s->transport = transport;
	frame_reader_init(&s->fr, limits ? limits->max_frame : 0);
	ev_timer_init(&s->more_w, session_more_cb, 0., 0.);
	s->more_w.data = s;
	s->max_depth = limits && limits->max_depth ? limits->max_depth
						   : JSON_MAX_DEPTH_DEFAULT;
	s->next = srv->sessions;
	if (srv->sessions)
		srv->sessions->prev = s;
	srv->sessions = s;
	srv->stats.sessions++;
	return s;
}

/* Not inlined: gcc 12 then misreads the ref-count pattern as use-after-free. */
__attribute__((noinline)) static void session_unref(struct rpc_session *s)
{
	if (--s->refs > 0)
		return;
	if (s->prev)
		s->prev->next = s->next;
	else
		s->srv->sessions = s->next;
	if (s->next)
		s->next->prev = s->prev;
	frame_reader_release(&s->fr);
	strv_release(&s->topics);
	free(s->workspace);
	free(s);
}

static int session_send_flags(struct rpc_session *s, const char *body,
			      size_t n, unsigned flags)
{
	struct buf framed = BUF_INIT;
	int r;

	if (!s->transport)
		return 0; /* nobody listens: nothing to refuse */
	frame_write(&framed, body, n);
	r = s->ops->send(s->transport, framed.ptr, framed.len, flags);
	buf_release(&framed);
	return r;
}

static void build_error(struct buf *out, const struct rpc_msg *msg, int id,
			enum err_kind kind, const char *message,
			const char *data_json);

/*
 * Sends a response; one the transport cannot queue (a client that does not
 * read its output, over its share or the agent's total) is answered with a
 * small output_limit error in its place, so the client learns why instead
 * of waiting for ever. msg and id name the request (id < 0: null).
 */
static void session_send_reply(struct rpc_session *s, const char *body,
			       size_t n, const struct rpc_msg *msg, int id)
{
	struct buf out = BUF_INIT, why = BUF_INIT;

	if (session_send_flags(s, body, n, 0) == 0)
		return;
	buf_addf(&why,
		 "the reply (%zu bytes) cannot be queued: this client is not reading its output, or the agent holds too much unread output",
		 n);
	build_error(&out, msg, id, ERR_OUTPUT_LIMIT, why.ptr, NULL);
	session_send_flags(s, out.ptr, out.len, RPC_SEND_RESERVE);
	buf_release(&out);
	buf_release(&why);
}

static void session_send(struct rpc_session *s, const char *body, size_t n)
{
	session_send_reply(s, body, n, NULL, -1);
}

/* Runs each call's cancel callback once; callbacks may end calls, so the
 * list is walked again from the head after each one. */
static void session_cancel_calls(struct rpc_session *s, bool answer);

void rpc_session_detach(struct rpc_session *s)
{
	if (ev_is_active(&s->more_w)) {
		ev_timer_stop(s->srv->loop, &s->more_w);
		s->refs--; /* the timer's; the transport's is still held */
	}
	s->transport = NULL;
	s->srv->stats.sessions--;
	session_cancel_calls(s, false);
	session_unref(s);
}

bool rpc_session_busy(const struct rpc_session *s)
{
	return s->calls != NULL || ev_is_active(&s->more_w);
}

void rpc_session_set_initialized(struct rpc_session *s, const char *workspace)
{
	s->initialized = true;
	free(s->workspace);
	s->workspace = workspace ? xstrdup(workspace) : NULL;
}

bool rpc_session_initialized(const struct rpc_session *s)
{
	return s->initialized;
}

void rpc_session_set_shutdown(struct rpc_session *s)
{
	s->shutdown = true;
}

void rpc_session_close(struct rpc_session *s)
{
	if (s->transport)
		s->ops->close(s->transport, s->shutdown);
}

/* ---- responses ---- */

static void write_id(struct json_writer *w, const struct rpc_msg *msg, int id)
{
	if (id < 0)
		json_w_null(w);
	else
		json_w_value(w, &msg->doc, id);
}

static void build_result(struct buf *out, const struct rpc_msg *msg, int id,
			 const char *result, size_t n)
{
	struct json_writer w;

	json_writer_init(&w, out);
	json_obj_begin(&w);
	json_kv_str(&w, "jsonrpc", "2.0");
	json_key(&w, "id");
	write_id(&w, msg, id);
	json_key(&w, "result");
	json_w_raw(&w, result, n);
	json_obj_end(&w);
}

static void build_error(struct buf *out, const struct rpc_msg *msg, int id,
			enum err_kind kind, const char *message,
			const char *data_json)
{
	struct json_doc dd = JSON_DOC_INIT;
	struct json_writer w;
	int k;

	json_writer_init(&w, out);
	json_obj_begin(&w);
	json_kv_str(&w, "jsonrpc", "2.0");
	json_key(&w, "id");
	write_id(&w, msg, id);
	json_key(&w, "error");
	json_obj_begin(&w);
	json_kv_int(&w, "code", rpc_error_code(kind));
	json_kv_str(&w, "message", message);
	json_key(&w, "data");
	json_obj_begin(&w);
	json_kv_str(&w, "kind", err_kind_name(kind ? kind : ERR_INTERNAL));
	if (data_json &&
	    json_parse(&dd, data_json, strlen(data_json), 0, NULL) == 0 &&
	    json_type(&dd, 0) == JSON_OBJECT) {
		for (k = json_first(&dd, 0); k >= 0; k = json_next(&dd, k)) {
			struct buf key = BUF_INIT;

			json_str(&dd, k, &key);
			if (strcmp(key.ptr, "kind") != 0) {
				json_key(&w, key.ptr);
				json_w_value(&w, &dd, json_member_value(&dd, k));
			}
			buf_release(&key);
		}
	}
	json_doc_release(&dd);
	json_obj_end(&w);
	json_obj_end(&w);
	json_obj_end(&w);
}

static void batch_finish_one(struct rpc_batch *b)
{
	if (--b->pending > 0)
		return;
	if (b->nresp) {
		buf_addch(&b->out, ']');
		session_send(b->s, b->out.ptr, b->out.len);
	}
	buf_release(&b->out);
	session_unref(b->s);
	free(b);
}

/* Sends (or adds to the batch) one response; body may be NULL for a
 * notification, which only counts down the batch. */
static void respond(struct rpc_session *s, struct rpc_batch *b,
		    const struct buf *body)
{
	if (!b) {
		if (body)
			session_send(s, body->ptr, body->len);
		return;
	}
	if (body) {
		buf_addch(&b->out, b->nresp++ ? ',' : '[');
		buf_add(&b->out, body->ptr, body->len);
	}
	batch_finish_one(b);
}

static void respond_error(struct rpc_session *s, struct rpc_batch *b,
			  const struct rpc_msg *msg, int id, enum err_kind kind,
			  const char *message)
{
	struct buf out = BUF_INIT;

	build_error(&out, msg, id, kind, message, NULL);
	respond(s, b, &out);
	buf_release(&out);
}

/* An error for a request; a notification gets none (JSON-RPC 2.0). */
static void reject(struct rpc_session *s, struct rpc_batch *b,
		   const struct rpc_msg *msg, int id, enum err_kind kind,
		   const char *message)
{
	if (id >= 0)
		respond_error(s, b, msg, id, kind, message);
	else
		respond(s, b, NULL);
}

/* ---- calls ---- */

static void msg_unref(struct rpc_msg *msg)
{
	if (--msg->refs > 0)
		return;
	json_doc_release(&msg->doc);
	free(msg->text);
	free(msg);
}

/* body NULL: answer nothing (notification, or nobody listening). */
static void call_answer(struct rpc_call *c, const struct buf *body)
{
	if (c->answered)
		return;
	c->answered = true;
	if (!c->batch && c->id >= 0 && body) {
		session_send_reply(c->s, body->ptr, body->len, c->msg, c->id);
		return;
	}
	respond(c->s, c->batch, c->id >= 0 ? body : NULL);
}

static void call_end(struct rpc_call *c)
{
	struct rpc_session *s = c->s;

	if (!c->answered)
		call_answer(c, NULL);
	if (c->prev)
		c->prev->next = c->next;
	else
		s->calls = c->next;
	if (c->next)
		c->next->prev = c->prev;
	s->srv->stats.calls_in_flight--;
	msg_unref(c->msg);
	free(c);
	session_unref(s);
}

static void call_cancel(struct rpc_call *c, bool answer)
{
	rpc_cancel_fn fn = c->cancel_fn;
	void *data = c->cancel_data;

	c->cancelled = true;
	c->cancel_notified = true;
	if (!c->answered) {
		struct buf out = BUF_INIT;

		if (answer && c->id >= 0)
			build_error(&out, c->msg, c->id, ERR_CANCELLED,
				    "request cancelled", NULL);
		call_answer(c, answer ? &out : NULL);
		buf_release(&out);
	}
	/* Last: the callback may end (and free) the call. */
	if (fn)
		fn(c, data);
}

static void session_cancel_calls(struct rpc_session *s, bool answer)
{
	struct rpc_call *c;

	s->refs++;
again:
	for (c = s->calls; c; c = c->next) {
		if (!c->cancel_notified) {
			call_cancel(c, answer);
			goto again;
		}
	}
	session_unref(s);
}

void rpc_server_cancel_all(struct rpc_server *srv)
{
	struct rpc_session *s, *next;

	for (s = srv->sessions; s; s = next) {
		s->refs++;
		session_cancel_calls(s, true);
		next = s->next;
		session_unref(s);
	}
}

static bool same_id(const struct json_doc *a, int ia, const struct json_doc *b,
		    int ib)
{
	enum json_type ta = json_type(a, ia), tb = json_type(b, ib);
	struct buf sa = BUF_INIT, sb = BUF_INIT;
	size_t na, nb;
	const char *ra, *rb;
	bool eq;

	if (ta != tb)
		return false;
	if (ta == JSON_STRING) {
		json_str(a, ia, &sa);
		json_str(b, ib, &sb);
		eq = sa.len == sb.len && memcmp(sa.ptr, sb.ptr, sa.len) == 0;
		buf_release(&sa);
		buf_release(&sb);
		return eq;
	}
	if (ta != JSON_NUMBER)
		return false;
	ra = json_raw(a, ia, &na);
	rb = json_raw(b, ib, &nb);
	return na == nb && memcmp(ra, rb, na) == 0;
}

bool rpc_session_cancel(struct rpc_session *s, const struct json_doc *d,
			int id)
{
	struct rpc_call *c;

	for (c = s->calls; c; c = c->next)
		if (c->id >= 0 && !c->cancel_notified &&
		    same_id(&c->msg->doc, c->id, d, id)) {
			call_cancel(c, true);
			return true;
		}
	return false;
}

void *rpc_call_ctx(const struct rpc_call *call)
{
	return call->s->srv->ctx;
}

bool rpc_call_client_gone(const struct rpc_call *call)
{
	return !call->s->transport;
}

const struct json_doc *rpc_call_doc(const struct rpc_call *call)
{
	return &call->msg->doc;
}

int rpc_call_params(const struct rpc_call *call)
{
	return json_get(&call->msg->doc, call->req, "params");
}

int rpc_call_param(const struct rpc_call *call, const char *name)
{
	return json_get(&call->msg->doc, rpc_call_params(call), name);
}

const char *rpc_call_workspace(const struct rpc_call *call)
{
	return call->s->workspace;
}

struct rpc_session *rpc_call_session(const struct rpc_call *call)
{
	return call->s;
}

void rpc_call_reply(struct rpc_call *call, const char *result_json, size_t n)
{
	struct buf out = BUF_INIT;

	if (!call->answered && call->id >= 0) {
		build_result(&out, call->msg, call->id, result_json, n);
		call_answer(call, &out);
	}
	buf_release(&out);
	call_end(call);
}

void rpc_call_reply_buf(struct rpc_call *call, struct buf *result)
{
	rpc_call_reply(call, result->ptr, result->len);
	buf_release(result);
}

void rpc_call_reply_error_data(struct rpc_call *call, const struct err *e,
			       const char *data_json)
{
	enum err_kind kind = e && e->kind ? e->kind : ERR_INTERNAL;
	const char *message = e && e->msg.len ? e->msg.ptr : "internal error";
	struct buf out = BUF_INIT;

	if (!call->answered && call->id >= 0) {
		build_error(&out, call->msg, call->id, kind, message,
			    data_json);
		call_answer(call, &out);
	}
	buf_release(&out);
	call_end(call);
}

void rpc_call_reply_error(struct rpc_call *call, const struct err *e)
{
	rpc_call_reply_error_data(call, e, NULL);
}

void rpc_call_on_cancel(struct rpc_call *call, rpc_cancel_fn fn, void *data)
{
	call->cancel_fn = fn;
	call->cancel_data = data;
}

static void build_notification(struct buf *out, const char *method,
			       const char *params_json, size_t n)
{
	struct json_writer w;

	json_writer_init(&w, out);
	json_obj_begin(&w);
	json_kv_str(&w, "jsonrpc", "2.0");
	json_kv_str(&w, "method", method);
	if (params_json) {
		json_key(&w, "params");
		json_w_raw(&w, params_json, n);
	}
	json_obj_end(&w);
}

void rpc_session_notify(struct rpc_session *s, const char *method,
			const char *params_json, size_t n)
{
	struct buf out = BUF_INIT;

	if (!s->transport)
		return;
	build_notification(&out, method, params_json, n);
	/* A notification that cannot be queued is dropped: it answers
	 * nothing, and the reply that follows reports the limit. */
	session_send_flags(s, out.ptr, out.len, 0);
	buf_release(&out);
}

void rpc_call_notify(struct rpc_call *call, const char *method,
		     const char *params_json, size_t n)
{
	/* After the response, progress would arrive out of order. */
	if (!call->answered)
		rpc_session_notify(call->s, method, params_json, n);
}

void rpc_session_subscribe(struct rpc_session *s, const char *topic)
{
	if (!rpc_session_subscribed(s, topic))
		strv_add(&s->topics, topic);
}

bool rpc_session_subscribed(const struct rpc_session *s, const char *topic)
{
	size_t i;

	for (i = 0; i < s->topics.n; i++)
		if (!strcmp(s->topics.v[i], topic))
			return true;
	return false;
}

void rpc_server_publish(struct rpc_server *srv, const char *const *topics,
			const char *method, const char *params_json, size_t n)
{
	struct rpc_session *s;
	struct buf out = BUF_INIT;
	const char *const *t;

	for (s = srv->sessions; s; s = s->next) {
		if (!s->transport || !s->topics.n)
			continue;
		for (t = topics; *t && !rpc_session_subscribed(s, *t); t++)
			;
		if (!*t)
			continue;
		if (!out.len)
			build_notification(&out, method, params_json, n);
		session_send_flags(s, out.ptr, out.len, 0);
	}
	buf_release(&out);
}

/* The token the request named for progress, or -1. */
static int progress_token(const struct rpc_call *call)
{
	const struct json_doc *d = &call->msg->doc;
	int tok = rpc_call_param(call, "workDoneToken");

	if (tok < 0)
		tok = rpc_call_param(call, "progressToken");
	if (json_type(d, tok) != JSON_STRING && json_type(d, tok) != JSON_NUMBER)
		return -1;
	return tok;
}

bool rpc_call_wants_progress(const struct rpc_call *call)
{
	return progress_token(call) >= 0;
}

void rpc_call_progress(struct rpc_call *call, const char *value_json, size_t n)
{
	const struct json_doc *d = &call->msg->doc;
	int tok = progress_token(call);
	struct buf params = BUF_INIT;
	struct json_writer w;

	if (tok < 0)
		return;
	json_writer_init(&w, &params);
	json_obj_begin(&w);
	json_key(&w, "token");
	json_w_value(&w, d, tok);
	json_key(&w, "value");
	json_w_raw(&w, value_json, n);
	json_obj_end(&w);
	rpc_call_notify(call, "$/progress", params.ptr, params.len);
	buf_release(&params);
}

/* ---- dispatch ---- */

static const struct rpc_method *find_method(const struct rpc_server *srv,
					    const struct json_doc *d, int name)
{
	const struct rpc_method *const *t;
	const struct rpc_method *m;

	for (t = srv->table; *t; t++)
		for (m = *t; m->name; m++)
			if (json_str_eq(d, name, m->name) &&
			    (!(m->flags & RPC_M_HIDDEN) || srv->hidden_enabled))
				return m;
	return NULL;
}

void rpc_write_method_names(const struct rpc_server *srv,
			    struct json_writer *w)
{
	const struct rpc_method *const *t;
	const struct rpc_method *m;

	for (t = srv->table; *t; t++)
		for (m = *t; m->name; m++)
			if (!(m->flags & RPC_M_HIDDEN))
				json_w_str(w, m->name);
}

static const char *types_text(unsigned types, struct buf *out)
{
	static const enum json_type all[] = { JSON_OBJECT, JSON_ARRAY,
					      JSON_STRING, JSON_NUMBER,
					      JSON_TRUE,   JSON_NULL };
	size_t i;

	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if (types & RPC_T(all[i])) {
			if (out->len)
				buf_adds(out, " or ");
			buf_adds(out, json_type_name(all[i]));
		}
	return out->ptr;
}

/* 0, or -1 with a message naming the param and what was expected. */
static int check_params(const struct rpc_method *m, const struct json_doc *d,
			int params, struct err *e)
{
	const struct rpc_param_spec *p;
	struct buf want = BUF_INIT;
	enum json_type t;
	int v;

	if (!m->params)
		return 0;
	t = json_type(d, params);
	if (t != JSON_NONE && t != JSON_OBJECT)
		return err_set(e, ERR_INVALID_PARAMS,
			       "params must be an object for %s", m->name);
	for (p = m->params; p->name; p++) {
		v = json_get(d, params, p->name);
		t = json_type(d, v);
		if (t == JSON_NONE) {
			if (p->required)
				return err_set(e, ERR_INVALID_PARAMS,
					       "missing required param '%s'",
					       p->name);
			continue;
		}
		if (p->types && !(p->types & RPC_T(t))) {
			err_set(e, ERR_INVALID_PARAMS,
				"param '%s' must be %s, not %s", p->name,
				types_text(p->types, &want), json_type_name(t));
			buf_release(&want);
			return -1;
		}
	}
	return 0;
}

static void dispatch_one(struct rpc_session *s, struct rpc_msg *msg, int v,
			 struct rpc_batch *b)
{
	const struct json_doc *d = &msg->doc;
	struct err e = ERR_INIT;
	const struct rpc_method *m;
	struct rpc_call *c;
	int id, ver, method, params;
	enum json_type t;

	if (json_type(d, v) != JSON_OBJECT) {
		respond_error(s, b, msg, -1, ERR_INVALID_REQUEST, "a request must be an object");
		return;
	}
	id = json_get(d, v, "id");
	t = json_type(d, id);
	if (t != JSON_NONE && t != JSON_STRING && t != JSON_NUMBER &&
	    t != JSON_NULL) {
		respond_error(s, b, msg, -1, ERR_INVALID_REQUEST,
			      "id must be a string, a number or null");
		return;
	}
	method = json_get(d, v, "method");
	if (method < 0 && (json_get(d, v, "result") >= 0 ||
			   json_get(d, v, "error") >= 0)) {
		respond(s, b, NULL); /* a response: we send no requests */
		return;
	}
	ver = json_get(d, v, "jsonrpc");
	if (!json_str_eq(d, ver, "2.0")) {
		respond_error(s, b, msg, id, ERR_INVALID_REQUEST, "jsonrpc must be \"2.0\"");
		return;
	}
	if (json_type(d, method) != JSON_STRING) {
		respond_error(s, b, msg, id, ERR_INVALID_REQUEST, "method must be a string");
		return;
	}
	params = json_get(d, v, "params");
	t = json_type(d, params);
	if (t != JSON_NONE && t != JSON_OBJECT && t != JSON_ARRAY) {
		respond_error(s, b, msg, id, ERR_INVALID_REQUEST,
			      "params must be an object or an array");
		return;
	}
	m = find_method(s->srv, d, method);
	if (!m) {
		struct buf why = BUF_INIT;

		buf_adds(&why, "method not found: ");
		json_str(d, method, &why);
		reject(s, b, msg, id, ERR_METHOD_NOT_FOUND, why.ptr);
		buf_release(&why);
		return;
	}
	if (!s->initialized && !(m->flags & RPC_M_BEFORE_INIT)) {
		reject(s, b, msg, id, ERR_NOT_INITIALIZED,
		       "server not initialized: send initialize first");
		return;
	}
	if (s->shutdown && strcmp(m->name, "exit") != 0) {
		reject(s, b, msg, id, ERR_SHUTTING_DOWN,
		       "server is shutting down: only exit is accepted");
		return;
	}
	if (check_params(m, d, params, &e) < 0) {
		reject(s, b, msg, id, ERR_INVALID_PARAMS, e.msg.ptr);
		err_clear(&e);
		return;
	}

	c = xcalloc(1, sizeof(*c));
	c->s = s;
	c->msg = msg;
	c->batch = b;
	c->m = m;
	c->req = v;
	c->id = id;
	msg->refs++;
	s->refs++;
	c->next = s->calls;
	if (s->calls)
		s->calls->prev = c;
	s->calls = c;
	s->srv->stats.calls_in_flight++;
	s->srv->stats.requests_total++;
	m->handler(c);
}

static void dispatch_body(struct rpc_session *s, const char *body, size_t n)
{
	struct rpc_msg *msg = xcalloc(1, sizeof(*msg));
	struct err e = ERR_INIT;
	struct rpc_batch *b;
	int v;

	msg->refs = 1;
	msg->text = xstrndup(body, n);
	if (json_parse(&msg->doc, msg->text, n, s->max_depth, &e) < 0) {
		respond_error(s, NULL, msg, -1,
			      e.kind == ERR_TOO_BIG ? ERR_LIMIT_EXCEEDED
						    : ERR_PARSE_ERROR,
			      e.msg.ptr);
		goto out;
	}
	if (json_type(&msg->doc, 0) != JSON_ARRAY) {
		dispatch_one(s, msg, 0, NULL);
		goto out;
	}
	if (json_count(&msg->doc, 0) == 0) {
		respond_error(s, NULL, msg, -1, ERR_INVALID_REQUEST, "empty batch");
		goto out;
	}
	b = xcalloc(1, sizeof(*b));
	b->s = s;
	s->refs++;
	buf_init(&b->out, 0);
	/* One extra count so the batch cannot finish while being walked. */
	b->pending = (size_t)json_count(&msg->doc, 0) + 1;
	for (v = json_first(&msg->doc, 0); v >= 0; v = json_next(&msg->doc, v))
		dispatch_one(s, msg, v, b);
	batch_finish_one(b);
out:
	err_clear(&e);
	msg_unref(msg);
}

/*
 * Dispatches the buffered frames, but at most one request: when a client
 * sends many in one write, the others wait for the next turn of the loop,
 * so other clients (and timers, children, transfers) are served between
 * them. Framing errors cost nothing to answer and do not count.
 */
static void session_dispatch(struct rpc_session *s)
{
	struct err e = ERR_INIT;
	const char *body;
	size_t len;
	enum frame_status st;

	s->refs++; /* a handler may detach the transport meanwhile */
	while (s->transport &&
	       (st = frame_reader_next(&s->fr, &body, &len, &e)) !=
		       FRAME_NEED_MORE) {
		if (st == FRAME_BODY) {
			dispatch_body(s, body, len);
			if (s->transport && s->fr.in.len &&
			    !ev_is_active(&s->more_w)) {
				ev_timer_start(s->srv->loop, &s->more_w);
				s->refs++;
			}
			break;
		}
		{
			struct buf out = BUF_INIT;
			build_error(&out, NULL, -1,
				    e.kind == ERR_TOO_BIG ? ERR_LIMIT_EXCEEDED
							  : ERR_PARSE_ERROR,
				    e.msg.ptr, NULL);
			session_send(s, out.ptr, out.len);
			buf_release(&out);
			err_clear(&e);
		}
	}
	session_unref(s);
}

static void session_more_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct rpc_session *s = w->data;

	ev_timer_stop(loop, w);
	session_dispatch(s);
	session_unref(s); /* the timer's */
}

void rpc_session_feed(struct rpc_session *s, const char *data, size_t n)
{
	frame_reader_feed(&s->fr, data, n);
	/* With frames already waiting their turn, these queue behind them. */
	if (!ev_is_active(&s->more_w))
		session_dispatch(s);
}
