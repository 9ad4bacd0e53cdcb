/*
 * The job engine and pools.
 *
 * Deferred work runs from an ev_check watcher, paired with an ev_idle one
 * that only keeps the loop from blocking while work is pending. (An ev_idle
 * callback alone would starve under steady I/O: libev calls idle watchers
 * only when nothing else is pending.)
 */
#include "job/job.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <ev.h>

#include "util/mem.h"

struct defer {
	ev_check check;
	ev_idle idle;
	struct ev_loop *loop;
};

static void defer_idle_cb(struct ev_loop *loop, ev_idle *w, int revents)
{
}

static void defer_init(struct defer *d, struct ev_loop *loop,
		       void (*cb)(struct ev_loop *, ev_check *, int),
		       void *data)
{
	d->loop = loop;
	ev_check_init(&d->check, cb);
	d->check.data = data;
	ev_idle_init(&d->idle, defer_idle_cb);
}

static void defer_arm(struct defer *d)
{
	if (!ev_is_active(&d->check)) {
		ev_check_start(d->loop, &d->check);
		ev_idle_start(d->loop, &d->idle);
	}
}

static void defer_disarm(struct defer *d)
{
	ev_check_stop(d->loop, &d->check);
	ev_idle_stop(d->loop, &d->idle);
}

/* ---- jobs ---- */

struct job {
	struct job_engine *e;
	uint64_t id;
	const struct job_kind *kind;
	enum job_priority prio;
	enum job_state state;
	char *work_tree, *origin;
	char *issue_key, *subtask;
	bool writer;
	double queued_at;
	void *data;
	struct job_owner owner;
	bool has_owner;
	bool cancelled;
	bool cancel_pending; /* the kind's cancel hook is yet to run */
	bool runnable;       /* on the runnable list */
	bool wake;           /* step it */
	unsigned offloaded;  /* work on other threads not yet back */
	uint64_t seq;
	struct job *next_q;    /* queue (while queued) */
	struct job *next_run;  /* runnable list */
	struct job *prev, *next; /* all jobs */
};

struct job_engine {
	struct ev_loop *loop;
	uint64_t next_id;
	struct job *jobs;
	struct job *queue_head, *queue_tail; /* in order of submission */
	struct job *runnable, *runnable_tail; /* stepped in this order */
	bool admit;
	struct defer defer;
	struct job_recorder rec;
	bool has_rec;
	unsigned count[JOB_ENDED + 1];
	double aging;
	/* Work on other threads: each says it is done through async_w. */
	struct offload *offloads;
	ev_async async_w; /* seconds of waiting worth one priority level */
};

static void engine_check_cb(struct ev_loop *loop, ev_check *w, int revents);
static void offload_done_cb(struct ev_loop *loop, ev_async *w, int revents);

struct job_engine *job_engine_new(struct ev_loop *loop)
{
	struct job_engine *e = xcalloc(1, sizeof(*e));

	e->loop = loop;
	e->next_id = 1;
	e->aging = JOB_AGING_SECONDS;
	defer_init(&e->defer, loop, engine_check_cb, e);
	ev_async_init(&e->async_w, offload_done_cb);
	e->async_w.data = e;
	return e;
}

void job_engine_set_recorder(struct job_engine *e,
			     const struct job_recorder *rec)
{
	e->has_rec = rec != NULL;
	if (rec) {
		e->rec = *rec;
		/* Numbers of unrecorded jobs stay clear of the run ids. */
		if (e->next_id < ((uint64_t)1 << 52))
			e->next_id = (uint64_t)1 << 52;
	}
}

unsigned job_engine_count(const struct job_engine *e, enum job_state st)
{
	return e->count[st];
}

static void make_runnable(struct job *j)
{
	struct job_engine *e = j->e;

	if (!j->runnable) {
		j->runnable = true;
		j->next_run = NULL;
		if (e->runnable_tail)
			e->runnable_tail->next_run = j;
		else
			e->runnable = j;
		e->runnable_tail = j;
	}
	defer_arm(&e->defer);
}

static void runnable_remove(struct job *j)
{
	struct job_engine *e = j->e;
	struct job **pp = &e->runnable, *prev = NULL;

	while (*pp && *pp != j) {
		prev = *pp;
		pp = &(*pp)->next_run;
	}
	if (*pp) {
		*pp = j->next_run;
		if (e->runnable_tail == j)
			e->runnable_tail = prev;
	}
	j->next_run = NULL;
	j->runnable = false;
}

static void set_state(struct job *j, enum job_state st)
{
	j->e->count[j->state]--;
	j->state = st;
	j->e->count[st]++;
}

void job_emit(struct job *j, const char *phase, const char *message,
	      const char *data_json)
{
	struct job_event ev = { j->id, ++j->seq, ev_time(), j->kind->name,
				phase, message, data_json };

	if (j->has_owner && j->owner.event)
		j->owner.event(j, &ev, j->owner.ud);
	if (j->e->has_rec && j->e->rec.event)
		j->e->rec.event(j, &ev, j->e->rec.ud);
}

void job_report(struct job *j, const char *value_json)
{
	if (j->has_owner && j->owner.report)
		j->owner.report(j, value_json, j->owner.ud);
}

struct job *job_submit(struct job_engine *e, const struct job_spec *spec,
		       const struct job_owner *owner)
{
	struct job *j = xcalloc(1, sizeof(*j));

	j->e = e;
	j->kind = spec->kind;
	j->origin = spec->origin ? xstrdup(spec->origin) : NULL;
	j->issue_key = spec->issue_key ? xstrdup(spec->issue_key) : NULL;
	j->subtask = spec->subtask ? xstrdup(spec->subtask) : NULL;
	j->prio = spec->priority < JOB_NPRIO ? spec->priority : JOB_LOW;
	j->state = JOB_QUEUED;
	j->data = spec->data;
	j->work_tree = spec->work_tree ? xstrdup(spec->work_tree) : NULL;
	j->writer = spec->writer;
	j->queued_at = ev_time();
	if (e->has_rec && e->rec.submitted)
		j->id = e->rec.submitted(j, e->rec.ud);
	if (!j->id)
		j->id = e->next_id++;
	if (owner) {
		j->owner = *owner;
		j->has_owner = true;
	}
	j->next = e->jobs;
	if (e->jobs)
		e->jobs->prev = j;
	e->jobs = j;
	e->count[JOB_QUEUED]++;
	if (e->queue_tail)
		e->queue_tail->next_q = j;
	else
		e->queue_head = j;
	e->queue_tail = j;
	e->admit = true;
	defer_arm(&e->defer);
	return j;
}

void job_wake(struct job *j)
{
	if (j->state == JOB_ENDED)
		return;
	j->wake = true;
	make_runnable(j);
}

void job_cancel(struct job *j)
{
	if (j->state == JOB_ENDED || j->cancelled)
		return;
	j->cancelled = true;
	j->cancel_pending = true;
	make_runnable(j);
}

void job_disown(struct job *j)
{
	j->has_owner = false;
	if (!j->kind->outlives_caller)
		job_cancel(j);
}

uint64_t job_id(const struct job *j)
{
	return j->id;
}

struct job *job_find(struct job_engine *e, uint64_t id)
{
	struct job *j;

	for (j = e->jobs; j; j = j->next)
		if (j->id == id)
			return j;
	return NULL;
}

const struct job_kind *job_kind_of(const struct job *j)
{
	return j->kind;
}

const char *job_origin(const struct job *j)
{
	return j->origin;
}

const char *job_issue_key(const struct job *j)
{
	return j->issue_key;
}

const char *job_subtask(const struct job *j)
{
	return j->subtask;
}

enum job_state job_state_of(const struct job *j)
{
	return j->state;
}

enum job_priority job_priority_of(const struct job *j)
{
	return j->prio;
}

const char *job_work_tree(const struct job *j)
{
	return j->work_tree;
}

bool job_writer(const struct job *j)
{
	return j->writer;
}

double job_queued_at(const struct job *j)
{
	return j->queued_at;
}

void *job_data(const struct job *j)
{
	return j->data;
}

bool job_cancelled(const struct job *j)
{
	return j->cancelled;
}

struct ev_loop *job_loop(const struct job *j)
{
	return j->e->loop;
}

static void queue_remove(struct job *j)
{
	struct job_engine *e = j->e;
	struct job **pp = &e->queue_head, *prev = NULL;

	while (*pp && *pp != j) {
		prev = *pp;
		pp = &(*pp)->next_q;
	}
	if (!*pp)
		return;
	*pp = j->next_q;
	if (e->queue_tail == j)
		e->queue_tail = prev;
	j->next_q = NULL;
}

/* Ends j: its owner hears done, then it is freed. */
static void job_end(struct job *j)
{
	struct job_engine *e = j->e;
	struct job_summary sum = {
		.outcome = j->cancelled ? JOB_CANCELLED : JOB_SUCCEEDED
	};

	if (j->state == JOB_QUEUED)
		queue_remove(j);
	if (j->offloaded) /* a kind's bug: its thread still uses the data */
		abort();
	if (j->runnable) /* woken on its way out (by its own cancel hook) */
		runnable_remove(j);
	set_state(j, JOB_ENDED);
	job_emit(j, "ended", j->cancelled ? "cancelled" : NULL, NULL);
	/* The summary is the job's as it ended (pointers into its data, alive
	 * until release); then the owner hears, so its caller (a commit
	 * waiting in its hook) has the answer before the record is written.
	 * Written in this same turn of the loop: any request that follows
	 * the answer finds the run recorded. */
	if (e->has_rec && e->rec.ended && j->kind->summarize)
		j->kind->summarize(j, &sum);
	if (j->has_owner && j->owner.done)
		j->owner.done(j, j->owner.ud);
	if (e->has_rec && e->rec.ended)
		e->rec.ended(j, &sum, e->rec.ud);
	if (j->kind->release)
		j->kind->release(j->data);
	if (j->prev)
		j->prev->next = j->next;
	else
		e->jobs = j->next;
	if (j->next)
		j->next->prev = j->prev;
	free(j->work_tree);
	free(j->origin);
	free(j->issue_key);
	free(j->subtask);
	free(j);
	e->admit = true; /* a slot of its kind, or its work tree, is free */
}

static unsigned running_of_kind(const struct job_engine *e,
				const struct job_kind *k)
{
	const struct job *j;
	unsigned n = 0;

	for (j = e->jobs; j; j = j->next)
		n += j->state == JOB_RUNNING && j->kind == k;
	return n;
}

/* A running job on the work tree: any (busy), or a writer (written). */
static bool work_tree_running(const struct job_engine *e, const char *wt,
			      bool writers_only)
{
	const struct job *j;

	for (j = e->jobs; j; j = j->next)
		if (j->state == JOB_RUNNING && j->work_tree &&
		    (j->writer || !writers_only) && !strcmp(j->work_tree, wt))
			return true;
	return false;
}

static bool can_start(const struct job_engine *e, const struct job *j)
{
	if (j->kind->max_running &&
	    running_of_kind(e, j->kind) >= j->kind->max_running)
		return false;
	if (!j->work_tree)
		return true;
	/* A writer has the work tree to itself; a reader waits for one. */
	return !work_tree_running(e, j->work_tree, !j->writer);
}

/* The priority a queued job has now: one level up for every
 * JOB_AGING_SECONDS it has waited. */
static double effective_priority(const struct job *j, double now)
{
	return (double)j->prio - (now - j->queued_at) / j->e->aging;
}

void job_engine_set_aging(struct job_engine *e, double seconds)
{
	e->aging = seconds > 0 ? seconds : JOB_AGING_SECONDS;
}

/* Whether a goes before b in the queue. */
static bool goes_before(const struct job *a, const struct job *b, double now)
{
	double pa = effective_priority(a, now), pb = effective_priority(b, now);

	return pa < pb || (pa == pb && a->id < b->id);
}

/* The queued job that would start next among those that can, or NULL. */
static struct job *next_to_start(const struct job_engine *e, double now)
{
	struct job *j, *best = NULL;

	for (j = e->queue_head; j; j = j->next_q)
		if ((!best || goes_before(j, best, now)) && can_start(e, j))
			best = j;
	return best;
}

unsigned job_queue_position(const struct job *j)
{
	const struct job *o;
	double now = ev_time();
	unsigned pos = 1;

	if (j->state != JOB_QUEUED)
		return 0;
	for (o = j->e->queue_head; o; o = o->next_q)
		pos += o != j && goes_before(o, j, now);
	return pos;
}

/* Starts queued jobs, best first, while their limits allow. */
static void admit(struct job_engine *e)
{
	double now = ev_time();
	struct job *j;

	e->admit = false;
	while ((j = next_to_start(e, now))) {
		queue_remove(j);
		set_state(j, JOB_RUNNING);
		job_emit(j, "started", NULL, NULL);
		j->wake = true;
		make_runnable(j);
	}
}

static void engine_check_cb(struct ev_loop *loop, ev_check *w, int revents)
{
	struct job_engine *e = w->data;
	struct job *list, *j;

	if (e->admit)
		admit(e);
	/* Take the list: what the steps wake goes to the next round. */
	list = e->runnable;
	e->runnable = e->runnable_tail = NULL;
	while ((j = list)) {
		list = j->next_run;
		j->next_run = NULL;
		j->runnable = false;
		if (j->state == JOB_QUEUED) {
			if (j->cancelled)
				job_end(j); /* never started: nothing to stop */
			continue;
		}
		if (j->cancel_pending) {
			j->cancel_pending = false;
			if (j->kind->cancel)
				j->kind->cancel(j);
			j->wake = true; /* the step sees job_cancelled() */
		}
		if (j->wake) {
			j->wake = false;
			if (j->kind->step(j) == JOB_STEP_DONE)
				job_end(j);
		}
	}
	if (e->admit)
		admit(e);
	if (!e->runnable && !e->admit)
		defer_disarm(&e->defer);
}

/* ---- work off the loop ---- */

struct offload {
	struct job *j;
	void (*work)(void *arg);
	void *arg;
	pthread_t thread;
	atomic_bool done;
	struct offload *next;
};

static void *offload_main(void *p)
{
	struct offload *o = p;
	struct job_engine *e = o->j->e;

	o->work(o->arg);
	atomic_store(&o->done, true);
	ev_async_send(e->loop, &e->async_w); /* the one thread-safe call */
	return NULL;
}

int job_offload(struct job *j, void (*work)(void *arg), void *arg,
		struct err *e)
{
	struct job_engine *eng = j->e;
	struct offload *o = xcalloc(1, sizeof(*o));
	int rc;

	o->j = j;
	o->work = work;
	o->arg = arg;
	atomic_init(&o->done, false);
	if (!ev_is_active(&eng->async_w))
		ev_async_start(eng->loop, &eng->async_w);
	rc = pthread_create(&o->thread, NULL, offload_main, o);
	if (rc) {
		free(o);
		return err_set(e, ERR_INTERNAL, "cannot start a thread: %s",
			       strerror(rc));
	}
	o->next = eng->offloads;
	eng->offloads = o;
	j->offloaded++;
	return 0;
}

bool job_offloaded(const struct job *j)
{
	return j->offloaded > 0;
}

static void offload_done_cb(struct ev_loop *loop, ev_async *w, int revents)
{
	struct job_engine *e = w->data;
	struct offload **pp = &e->offloads, *o;

	while ((o = *pp)) {
		if (!atomic_load(&o->done)) {
			pp = &o->next;
			continue;
		}
		*pp = o->next;
		pthread_join(o->thread, NULL);
		o->j->offloaded--;
		job_wake(o->j);
		free(o);
	}
	if (!e->offloads)
		ev_async_stop(loop, w);
}

void job_engine_cancel_all(struct job_engine *e)
{
	struct job *j;

	for (j = e->jobs; j; j = j->next)
		job_cancel(j);
}

void job_engine_free(struct job_engine *e)
{
	if (!e)
		return;
	job_engine_cancel_all(e);
	while (e->jobs)
		ev_run(e->loop, EVRUN_ONCE);
	defer_disarm(&e->defer);
	free(e);
}

/* ---- pools ---- */

struct job_pool {
	unsigned cap, used;
	struct job_pool_waiter *head, *tail;
	struct defer defer;
};

static void pool_check_cb(struct ev_loop *loop, ev_check *w, int revents)
{
	struct job_pool *p = w->data;
	struct job_pool_waiter *wt;

	defer_disarm(&p->defer);
	while (p->used < p->cap && (wt = p->head)) {
		p->head = wt->next;
		if (!p->head)
			p->tail = NULL;
		wt->next = NULL;
		wt->queued = false;
		p->used++;
		wt->granted(wt);
	}
}

struct job_pool *job_pool_new(struct ev_loop *loop, unsigned n)
{
	struct job_pool *p = xcalloc(1, sizeof(*p));

	p->cap = n ? n : 1;
	defer_init(&p->defer, loop, pool_check_cb, p);
	return p;
}

void job_pool_free(struct job_pool *p)
{
	if (!p)
		return;
	defer_disarm(&p->defer);
	free(p);
}

bool job_pool_take(struct job_pool *p, struct job_pool_waiter *w)
{
	/* Waiters first: a newcomer does not overtake the queue. */
	if (p->used < p->cap && !p->head) {
		p->used++;
		return true;
	}
	w->next = NULL;
	w->queued = true;
	if (p->tail)
		p->tail->next = w;
	else
		p->head = w;
	p->tail = w;
	return false;
}

void job_pool_give(struct job_pool *p)
{
	if (p->used)
		p->used--;
	if (p->head)
		defer_arm(&p->defer);
}

void job_pool_forget(struct job_pool *p, struct job_pool_waiter *w)
{
	struct job_pool_waiter **pp = &p->head, *prev = NULL;

	if (!w->queued)
		return;
	while (*pp && *pp != w) {
		prev = *pp;
		pp = &(*pp)->next;
	}
	if (*pp) {
		*pp = w->next;
		if (p->tail == w)
			p->tail = prev;
	}
	w->next = NULL;
	w->queued = false;
}
