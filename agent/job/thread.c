/*
 * Work off the loop for code that is not a job (verify's checkout of the
 * index and its removal, which the hook also runs with no engine): one
 * thread and one ev_async per piece of work, done() back on the loop.
 */
#include <ev.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "job/job.h"
#include "util/mem.h"

struct thread_work {
	struct ev_loop *loop;
	ev_async done_w;
	pthread_t thread;
	void (*work)(void *arg);
	void (*done)(void *arg);
	void *arg;
};

static void *thread_main(void *p)
{
	struct thread_work *t = p;

	t->work(t->arg);
	ev_async_send(t->loop, &t->done_w); /* the one thread-safe call */
	return NULL;
}

static void thread_done_cb(struct ev_loop *loop, ev_async *w, int revents)
{
	struct thread_work *t = w->data;

	ev_async_stop(loop, w);
	pthread_join(t->thread, NULL);
	if (t->done)
		t->done(t->arg);
	free(t);
}

int job_thread_run(struct ev_loop *loop, void (*work)(void *arg),
		   void (*done)(void *arg), void *arg, struct err *e)
{
	struct thread_work *t = xcalloc(1, sizeof(*t));
	int rc;

	t->loop = loop;
	t->work = work;
	t->done = done;
	t->arg = arg;
	ev_async_init(&t->done_w, thread_done_cb);
	t->done_w.data = t;
	/* Active until done: the loop does not end while work is out. */
	ev_async_start(loop, &t->done_w);
	rc = pthread_create(&t->thread, NULL, thread_main, t);
	if (rc) {
		ev_async_stop(loop, &t->done_w);
		free(t);
		return err_set(e, ERR_INTERNAL, "cannot start a thread: %s",
			       strerror(rc));
	}
	return 0;
}
