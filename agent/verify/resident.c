/*
 * Resident workers: a long-lived node process per work tree and tool (tsc,
 * eslint) that keeps the project's own tool loaded between runs
 * (data/resident/worker.mjs says what it keeps and why it is our own worker
 * rather than tsserver). Spoken to through two pipes watched by the loop:
 * one JSON request a line on its stdin, one answer a line on its output.
 *
 * A worker serves one request at a time; busy, or not startable, or
 * answering "unavailable", or dying mid-request, it sends the check back to
 * the one-shot command (the caller's fallback), so a worker can only make a
 * check faster. At most `max` live at once (the least recently used idle
 * one makes room), each ended after `idle` seconds unused, and all of them
 * with verify_residents_free (and by end of file on their stdin when the
 * agent dies). One that died is started again on the next run.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "proc/proc.h"
#include "util/datadir.h"
#include "util/log.h"
#include "util/mem.h"
#include "verify/run.h"

#define MARK "\001airunner-worker "
#define LINE_MAX_BYTES ((size_t)64 << 20) /* an answer larger: kill it */

struct worker {
	struct verify_residents *rs;
	struct worker *next;
	char *root;
	enum verify_warm tool;
	struct proc *proc; /* NULL once done */
	bool dying;        /* killed, or answered that it is stale */
	struct buf line;   /* the output not yet a whole line */
	struct buf pending; /* request bytes not yet written */
	ev_io write_w;
	ev_timer idle_w;
	ev_timer timeout_w;
	unsigned long long seq;
	struct verify_resident_call *call; /* in flight, or NULL */
};

struct verify_resident_call {
	struct worker *w;
	unsigned long long id;
	verify_resident_fn fn;
	void *data;
	bool cancelled;
};

/* A work tree whose tool a worker cannot serve (its typescript too old,
 * say): not tried again before `until`. */
struct refusal {
	struct refusal *next;
	char *root;
	enum verify_warm tool;
	double until;
};

struct verify_residents {
	struct ev_loop *loop;
	struct worker *list; /* most recently used first */
	struct refusal *refused;
	unsigned max;
	unsigned live; /* workers whose process is not done, listed or not */
	double idle;
};

struct verify_residents *verify_residents_new(struct ev_loop *loop,
					      unsigned max, double idle)
{
	struct verify_residents *rs = xcalloc(1, sizeof(*rs));

	rs->loop = loop;
	rs->max = max;
	rs->idle = idle;
	return rs;
}

static void worker_unlink(struct worker *w)
{
	struct worker **pp;

	for (pp = &w->rs->list; *pp; pp = &(*pp)->next)
		if (*pp == w) {
			*pp = w->next;
			break;
		}
	w->next = NULL;
}

/* Ends the call in flight (if any) with status; the worker keeps going. */
static void call_end(struct worker *w, enum verify_resident_status status,
		     int exit_code, struct buf *output)
{
	struct verify_resident_call *c = w->call;
	struct ev_loop *loop = w->rs->loop;

	if (!c)
		return;
	w->call = NULL;
	ev_timer_stop(loop, &w->timeout_w);
	ev_io_stop(loop, &w->write_w);
	buf_reset(&w->pending);
	c->fn(status, exit_code, output, c->data);
	free(c);
}

/* Stops the worker: it is not used again, and is freed when its process
 * is done (proc's callback). */
static void worker_kill(struct worker *w)
{
	struct ev_loop *loop = w->rs->loop;

	worker_unlink(w);
	w->dying = true;
	ev_timer_stop(loop, &w->idle_w);
	ev_io_stop(loop, &w->write_w);
	if (w->proc)
		proc_cancel(w->proc);
}

static void worker_free(struct worker *w)
{
	buf_release(&w->line);
	buf_release(&w->pending);
	free(w->root);
	free(w);
}

static void on_worker_done(struct proc *p, struct proc_result *r, void *data)
{
	struct worker *w = data;
	struct ev_loop *loop = w->rs->loop;

	(void)p;
	(void)r;
	w->proc = NULL;
	w->rs->live--;
	worker_unlink(w);
	ev_timer_stop(loop, &w->idle_w);
	ev_io_stop(loop, &w->write_w);
	/* Died mid-request: the one-shot command answers instead. */
	call_end(w, w->call && w->call->cancelled ? VERIFY_RESIDENT_CANCELLED
						  : VERIFY_RESIDENT_UNAVAILABLE,
		 -1, NULL);
	log_debug("resident %s worker for %s ended",
		  w->tool == VERIFY_WARM_TSC ? "tsc" : "eslint", w->root);
	worker_free(w);
}

/* One answer line (after the mark). */
static void on_answer(struct worker *w, const char *s, size_t n)
{
	struct json_doc d = JSON_DOC_INIT;
	struct err e = ERR_INIT;
	struct buf output = BUF_INIT;
	int64_t id, code;
	int v;

	if (json_parse(&d, s, n, 8, &e) < 0 || json_type(&d, 0) != JSON_OBJECT ||
	    (v = json_get(&d, 0, "id")) < 0 || json_int64(&d, v, &id) < 0 ||
	    !w->call || (unsigned long long)id != w->call->id) {
		/* Not an answer to what we asked: it cannot be trusted. */
		log_warn("resident worker for %s: an answer that is not one",
			 w->root);
		worker_kill(w); /* first: fn may ask again */
		call_end(w, VERIFY_RESIDENT_UNAVAILABLE, -1, NULL);
		goto out;
	}
	if ((v = json_get(&d, 0, "unavailable")) >= 0) {
		bool retry = true;

		json_str(&d, v, &output);
		log_info("resident worker for %s: %.*s; the tool runs "
			 "one-shot", w->root, (int)output.len, output.ptr);
		if ((v = json_get(&d, 0, "retry")) >= 0 &&
		    json_bool(&d, v, &retry) == 0 && !retry) {
			struct refusal *f = xcalloc(1, sizeof(*f));

			f->root = xstrdup(w->root);
			f->tool = w->tool;
			f->until = ev_now(w->rs->loop) + w->rs->idle;
			f->next = w->rs->refused;
			w->rs->refused = f;
		}
		worker_kill(w); /* it exits anyway: stale or broken */
		call_end(w, VERIFY_RESIDENT_UNAVAILABLE, -1, NULL);
		goto out;
	}
	if ((v = json_get(&d, 0, "exit")) < 0 ||
	    json_int64(&d, v, &code) < 0 || code < 0 || code > 255 ||
	    (v = json_get(&d, 0, "output")) < 0 || json_str(&d, v, &output) < 0) {
		worker_kill(w); /* first: fn may ask again */
		call_end(w, VERIFY_RESIDENT_UNAVAILABLE, -1, NULL);
		goto out;
	}
	call_end(w, VERIFY_RESIDENT_DONE, (int)code, &output);
	if (!w->dying && !w->call) { /* fn may have asked again */
		ev_timer_set(&w->idle_w, w->rs->idle, 0.);
		ev_timer_start(w->rs->loop, &w->idle_w);
	}
out:
	buf_release(&output);
	json_doc_release(&d);
	err_clear(&e);
}

/* What the worker writes: answers after the mark; the rest is what a
 * plugin printed, dropped. */
static void on_worker_data(struct proc *p, const char *s, size_t n,
			   void *data)
{
	struct worker *w = data;
	char *nl;

	(void)p;
	buf_add(&w->line, s, n);
	while (w->line.len && (nl = memchr(w->line.ptr, '\n', w->line.len))) {
		size_t len = (size_t)(nl - w->line.ptr);
		char *mark = memmem(w->line.ptr, len, MARK, strlen(MARK));

		if (mark && !w->dying) {
			size_t off = (size_t)(mark - w->line.ptr) + strlen(MARK);

			on_answer(w, w->line.ptr + off, len - off);
		}
		buf_consume(&w->line, len + 1);
	}
	if (w->line.len > LINE_MAX_BYTES) {
		buf_reset(&w->line);
		worker_kill(w); /* first: fn may ask again */
		call_end(w, VERIFY_RESIDENT_UNAVAILABLE, -1, NULL);
	}
}

static void on_idle(struct ev_loop *loop, ev_timer *t, int revents)
{
	struct worker *w = t->data;

	(void)loop;
	(void)revents;
	log_debug("resident worker for %s idle: ended", w->root);
	worker_kill(w);
}

static void on_call_timeout(struct ev_loop *loop, ev_timer *t, int revents)
{
	struct worker *w = t->data;

	(void)loop;
	(void)revents;
	/* It is busy in a synchronous check: only killing stops it. */
	worker_kill(w);
	call_end(w, VERIFY_RESIDENT_TIMEOUT, -1, NULL);
}

/* Writes what is pending without blocking; the rest when the pipe has
 * room. */
static void write_pending(struct worker *w)
{
	int fd = w->proc ? proc_stdin(w->proc) : -1;

	while (w->pending.len) {
		ssize_t k = fd >= 0 ? write(fd, w->pending.ptr, w->pending.len)
				    : -1;

		if (k > 0) {
			buf_consume(&w->pending, (size_t)k);
			continue;
		}
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0 && errno == EAGAIN) {
			if (!ev_is_active(&w->write_w)) {
				ev_io_set(&w->write_w, fd, EV_WRITE);
				ev_io_start(w->rs->loop, &w->write_w);
			}
			return;
		}
		/* The worker is gone or going: its done callback ends the
		 * call with the fallback. */
		buf_reset(&w->pending);
		worker_kill(w);
		return;
	}
	ev_io_stop(w->rs->loop, &w->write_w);
}

static void on_writable(struct ev_loop *loop, ev_io *io, int revents)
{
	(void)loop;
	(void)revents;
	write_pending(io->data);
}

static struct worker *worker_start(struct verify_residents *rs,
				   const char *root, enum verify_warm tool)
{
	struct buf script = BUF_INIT;
	struct proc_spec spec = { 0 };
	struct err e = ERR_INIT;
	struct worker *w = xcalloc(1, sizeof(*w));
	const char *argv[5];

	datadir_path(&script, "resident/worker.mjs");
	argv[0] = "node";
	argv[1] = script.ptr;
	argv[2] = tool == VERIFY_WARM_TSC ? "tsc" : "eslint";
	argv[3] = root;
	argv[4] = NULL;
	spec.argv = argv;
	spec.cwd = root;
	spec.stdin_pipe = true;
	spec.on_data = on_worker_data;
	w->rs = rs;
	w->root = xstrdup(root);
	w->tool = tool;
	buf_init(&w->line, 0);
	buf_init(&w->pending, 0);
	ev_init(&w->write_w, on_writable);
	w->write_w.data = w;
	ev_init(&w->idle_w, on_idle);
	w->idle_w.data = w;
	ev_init(&w->timeout_w, on_call_timeout);
	w->timeout_w.data = w;
	if (proc_spawn(&w->proc, rs->loop, &spec, on_worker_done, w, &e) < 0) {
		log_info("no resident worker for %s: %s", root, e.msg.ptr);
		worker_free(w);
		w = NULL;
	} else {
		w->next = rs->list;
		rs->list = w;
		rs->live++;
		log_debug("resident %s worker for %s started", argv[2], root);
	}
	buf_release(&script);
	err_clear(&e);
	return w;
}

/* The worker for (root, tool), started if there is room: NULL when it is
 * busy or cannot be had. */
static struct worker *worker_get(struct verify_residents *rs,
				 const char *root, enum verify_warm tool)
{
	struct worker *w, *lru_idle = NULL;
	struct refusal **fp, *f;
	unsigned n = 0;

	for (fp = &rs->refused; (f = *fp);) {
		if (f->until <= ev_now(rs->loop)) { /* expired: forget it */
			*fp = f->next;
			free(f->root);
			free(f);
			continue;
		}
		if (f->tool == tool && !strcmp(f->root, root))
			return NULL;
		fp = &f->next;
	}
	for (w = rs->list; w; w = w->next) {
		n++;
		if (!w->call)
			lru_idle = w;
		if (w->tool == tool && !strcmp(w->root, root)) {
			if (w->call)
				return NULL; /* busy: one-shot this time */
			worker_unlink(w); /* to the front: most recent */
			w->next = rs->list;
			rs->list = w;
			return w;
		}
	}
	if (n >= rs->max) {
		if (!lru_idle)
			return NULL;
		worker_kill(lru_idle);
	}
	return worker_start(rs, root, tool);
}

int verify_resident_call(struct verify_resident_call **out,
			 struct verify_residents *rs, const char *root,
			 enum verify_warm tool, const char *dir,
			 const struct strv *files, double timeout,
			 verify_resident_fn fn, void *data)
{
	struct verify_resident_call *c;
	struct json_writer jw;
	struct worker *w;
	size_t i;

	*out = NULL;
	if (!rs || !rs->max || tool == VERIFY_WARM_NONE ||
	    !(w = worker_get(rs, root, tool)))
		return -1;
	c = xcalloc(1, sizeof(*c));
	c->w = w;
	c->id = ++w->seq;
	c->fn = fn;
	c->data = data;
	w->call = c;
	ev_timer_stop(rs->loop, &w->idle_w);
	json_writer_init(&jw, &w->pending);
	json_obj_begin(&jw);
	json_key(&jw, "id");
	json_w_uint(&jw, c->id);
	json_kv_str(&jw, "dir", dir);
	json_key(&jw, "files");
	json_arr_begin(&jw);
	for (i = 0; i < files->n; i++)
		json_w_str(&jw, files->v[i]);
	json_arr_end(&jw);
	json_obj_end(&jw);
	buf_addch(&w->pending, '\n');
	if (timeout > 0) {
		ev_timer_set(&w->timeout_w, timeout, 0.);
		ev_timer_start(rs->loop, &w->timeout_w);
	}
	*out = c;
	write_pending(w);
	return 0;
}

void verify_resident_cancel(struct verify_resident_call *c)
{
	/* A check cannot be stopped inside the worker: the worker goes, and
	 * the call ends when it is gone. */
	c->cancelled = true;
	ev_timer_stop(c->w->rs->loop, &c->w->timeout_w);
	worker_kill(c->w);
}

void verify_residents_free(struct verify_residents *rs)
{
	if (!rs)
		return;
	while (rs->list)
		worker_kill(rs->list);
	/* SIGTERM went to each; their callbacks free them. Node ends at
	 * once on it (SIGKILL after the grace period otherwise). */
	while (rs->live)
		ev_run(rs->loop, EVRUN_ONCE);
	while (rs->refused) {
		struct refusal *f = rs->refused;

		rs->refused = f->next;
		free(f->root);
		free(f);
	}
	free(rs);
}
