/*
 * The job engine: jobs start in priority order within their kind's limit,
 * every step and every end comes from the loop, and a cancel never ends a
 * job from inside the code that asked for it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <ev.h>

#include "job/job.h"
#include "util/buf.h"

/* A job that finishes when its timer fires, or at once when cancelled:
 * its cancel hook completes the work synchronously, as llm_cancel does. */
struct work {
	const char *name;
	struct buf *log; /* "start:name end:name ..." */
	double seconds;
	ev_timer timer;
	struct job *job;
	bool finished;
	bool in_cancel; /* inside the kind's cancel hook */
	bool in_caller; /* inside job_cancel / job_submit / job_wake */
	int steps, dones;
};

static void fired(struct ev_loop *loop, ev_timer *t, int revents)
{
	struct work *w = t->data;

	w->finished = true;
	job_wake(w->job);
}

static enum job_step work_step(struct job *j)
{
	struct work *w = job_data(j);

	assert_false(w->in_caller); /* steps come from the loop only */
	w->steps++;
	if (w->finished)
		return JOB_STEP_DONE;
	if (!w->job) {
		w->job = j;
		buf_addf(w->log, "start:%s ", w->name);
		ev_timer_init(&w->timer, fired, w->seconds, 0.0);
		w->timer.data = w;
		ev_timer_start(job_loop(j), &w->timer);
	}
	return JOB_STEP_WAIT;
}

static void work_cancel(struct job *j)
{
	struct work *w = job_data(j);

	w->in_cancel = true;
	ev_timer_stop(job_loop(j), &w->timer);
	fired(job_loop(j), &w->timer, 0); /* the work ends right here */
	w->in_cancel = false;
}

static const struct job_kind one_at_a_time = {
	.name = "work", .max_running = 1,
	.step = work_step, .cancel = work_cancel,
};

static const struct job_kind outliving = {
	.name = "work", .outlives_caller = true,
	.step = work_step, .cancel = work_cancel,
};

static const struct job_kind belonging = {
	.name = "work", .step = work_step, .cancel = work_cancel,
};

static void on_done(struct job *j, void *ud)
{
	struct work *w = ud;

	assert_false(w->in_cancel);
	assert_false(w->in_caller);
	w->dones++;
	buf_addf(w->log, "end:%s ", w->name);
}

static void submit_on(struct job_engine *e, const struct job_kind *k,
		      enum job_priority p, struct work *w, const char *wt,
		      bool writer)
{
	struct job_owner owner = { NULL, NULL, on_done, w };
	struct job_spec spec = { .kind = k, .priority = p, .data = w,
				 .work_tree = wt, .writer = writer };

	w->in_caller = true;
	w->job = NULL;
	job_submit(e, &spec, &owner);
	w->in_caller = false;
}

static void submit(struct job_engine *e, const struct job_kind *k,
		   enum job_priority p, struct work *w)
{
	submit_on(e, k, p, w, NULL, false);
}

static void jobs_start_by_priority_then_in_order_within_the_kinds_limit(
	void **state)
{
	struct job_engine *e = job_engine_new(EV_DEFAULT);
	struct buf log = BUF_INIT;
	struct work w[5] = {
		{ .name = "low", .log = &log, .seconds = 0.001 },     { .name = "normal1", .log = &log, .seconds = 0.001 },
		{ .name = "urgent", .log = &log, .seconds = 0.001 },  { .name = "high", .log = &log, .seconds = 0.001 },
		{ .name = "normal2", .log = &log, .seconds = 0.001 },
	};
	enum job_priority p[5] = { JOB_LOW, JOB_NORMAL, JOB_URGENT, JOB_HIGH,
				   JOB_NORMAL };

	for (int i = 0; i < 5; i++)
		submit(e, &one_at_a_time, p[i], &w[i]);
	assert_int_equal(job_engine_count(e, JOB_QUEUED), 5);
	ev_run(EV_DEFAULT, 0);
	assert_string_equal(log.ptr,
			    "start:urgent end:urgent start:high end:high "
			    "start:normal1 end:normal1 start:normal2 "
			    "end:normal2 start:low end:low ");
	for (int i = 0; i < 5; i++)
		assert_int_equal(w[i].dones, 1);
	job_engine_free(e);
	buf_release(&log);
}

/* The cancel hook ends the work synchronously; done still comes later,
 * from the loop, never inside job_cancel or the hook. */
static void a_cancel_never_ends_the_job_from_inside_the_cancel(void **state)
{
	struct job_engine *e = job_engine_new(EV_DEFAULT);
	struct buf log = BUF_INIT;
	struct work w = { .name = "long", .log = &log, .seconds = 30.0 };
	struct job *j;

	submit(e, &belonging, JOB_NORMAL, &w);
	ev_run(EV_DEFAULT, EVRUN_NOWAIT); /* admitted and started */
	assert_non_null(w.job);
	j = w.job;
	w.in_caller = true;
	job_cancel(j);
	assert_int_equal(w.dones, 0);
	w.in_caller = false;
	assert_true(job_cancelled(j));
	ev_run(EV_DEFAULT, 0);
	assert_int_equal(w.dones, 1);
	assert_string_equal(log.ptr, "start:long end:long ");
	job_engine_free(e);
	buf_release(&log);
}

static void a_queued_job_cancelled_ends_without_ever_running(void **state)
{
	struct job_engine *e = job_engine_new(EV_DEFAULT);
	struct buf log = BUF_INIT;
	struct work first = { .name = "first", .log = &log, .seconds = 0.01 }, second = { .name = "second", .log = &log, .seconds = 0.01 };
	struct job_owner owner = { NULL, NULL, on_done, &second };
	struct job_spec spec = { .kind = &one_at_a_time,
				 .priority = JOB_NORMAL, .data = &second };
	struct job *j;

	submit(e, &one_at_a_time, JOB_NORMAL, &first);
	j = job_submit(e, &spec, &owner);
	job_cancel(j);
	assert_int_equal(second.dones, 0);
	ev_run(EV_DEFAULT, 0);
	assert_int_equal(second.steps, 0);
	assert_int_equal(second.dones, 1);
	assert_null(strstr(log.ptr, "start:second"));
	assert_string_equal(log.ptr, "end:second start:first end:first ");
	job_engine_free(e);
	buf_release(&log);
}

struct heard {
	struct buf phases;
};

static void listen_cb(struct job *j, const struct job_event *ev, void *ud)
{
	struct heard *h = ud;

	buf_addf(&h->phases, "%llu:%s ", (unsigned long long)ev->job,
		 ev->phase);
}

/* The caller goes: a job of its own is cancelled; a job whose kind
 * outlives its caller runs to its end, and the listener hears it. */
static void a_disowned_job_ends_unless_its_kind_outlives_the_caller(
	void **state)
{
	struct job_engine *e = job_engine_new(EV_DEFAULT);
	struct heard h = { .phases = BUF_INIT };
	struct buf log = BUF_INIT;
	struct work mine = { .name = "mine", .log = &log, .seconds = 30.0 }, kept = { .name = "kept", .log = &log, .seconds = 0.02 };
	struct job_recorder rec = { .event = listen_cb, .ud = &h };
	struct buf want = BUF_INIT;
	struct job *jm, *jk;
	uint64_t im, ik;

	job_engine_set_recorder(e, &rec);
	submit(e, &belonging, JOB_NORMAL, &mine);
	submit(e, &outliving, JOB_NORMAL, &kept);
	ev_run(EV_DEFAULT, EVRUN_NOWAIT);
	jm = mine.job;
	jk = kept.job;
	im = job_id(jm);
	ik = job_id(jk);
	assert_int_equal(ik, im + 1);
	job_disown(jm);
	job_disown(jk);
	ev_run(EV_DEFAULT, 0);
	/* Nobody owns them any more: no done, but both ended. */
	assert_int_equal(mine.dones, 0);
	assert_int_equal(kept.dones, 0);
	assert_true(mine.steps >= 2);
	assert_false(kept.in_cancel);
	buf_addf(&want, "%llu:ended", (unsigned long long)im);
	assert_non_null(strstr(h.phases.ptr, want.ptr));
	buf_reset(&want);
	buf_addf(&want, "%llu:ended", (unsigned long long)ik);
	assert_non_null(strstr(h.phases.ptr, want.ptr));
	buf_release(&want);
	/* The kept one ran to its timer, the other was cut short. */
	assert_true(kept.finished);
	assert_int_equal(job_engine_count(e, JOB_RUNNING), 0);
	job_engine_free(e);
	buf_release(&log);
	buf_release(&h.phases);
}

struct taker {
	struct job_pool_waiter w;
	int granted;
	bool in_give;
};

static void granted(struct job_pool_waiter *w)
{
	struct taker *t = (struct taker *)w;

	assert_false(t->in_give);
	t->granted++;
}

static void a_pool_grants_slots_in_order_and_from_the_loop(void **state)
{
	struct job_pool *p = job_pool_new(EV_DEFAULT, 2);
	struct taker a = { .w.granted = granted }, b = { .w.granted = granted },
		     c = { .w.granted = granted }, d = { .w.granted = granted };

	assert_true(job_pool_take(p, &a.w));
	assert_true(job_pool_take(p, &b.w));
	assert_false(job_pool_take(p, &c.w));
	assert_false(job_pool_take(p, &d.w));
	c.in_give = true;
	job_pool_give(p);
	c.in_give = false;
	assert_int_equal(c.granted, 0);
	ev_run(EV_DEFAULT, 0);
	assert_int_equal(c.granted, 1);
	assert_int_equal(d.granted, 0); /* one slot came back, one waiter in */
	job_pool_forget(p, &d.w);
	job_pool_give(p);
	job_pool_give(p);
	ev_run(EV_DEFAULT, 0);
	assert_int_equal(d.granted, 0);
	job_pool_free(p);
}

/* Where word is in the log (it must be there). */
static long at(const struct buf *log, const char *word)
{
	const char *p = strstr(log->ptr, word);

	assert_non_null(p);
	return p - log->ptr;
}

static const struct job_kind any = {
	.name = "work", .step = work_step, .cancel = work_cancel,
};

/* One writer per work tree, and no reader while it writes; other work
 * trees go side by side. */
static void a_writer_has_its_work_tree_to_itself(void **state)
{
	struct job_engine *e = job_engine_new(EV_DEFAULT);
	struct buf log = BUF_INIT;
	struct work w1 = { .name = "w1", .log = &log, .seconds = 0.05 },
		    w2 = { .name = "w2", .log = &log, .seconds = 0.01 },
		    r1 = { .name = "r1", .log = &log, .seconds = 0.01 },
		    b1 = { .name = "b1", .log = &log, .seconds = 0.01 };

	submit_on(e, &any, JOB_NORMAL, &w1, "/a", true);
	submit_on(e, &any, JOB_URGENT, &w2, "/a", true);
	submit_on(e, &any, JOB_URGENT, &r1, "/a", false);
	submit_on(e, &any, JOB_LOW, &b1, "/b", true);
	/* w2 and r1 are more urgent, but w1 came first and nothing ran: the
	 * urgent writer starts, then the tree is taken. */
	ev_run(EV_DEFAULT, EVRUN_NOWAIT);
	assert_int_equal(job_engine_count(e, JOB_RUNNING), 2);
	assert_string_equal(log.ptr, "start:w2 start:b1 ");
	ev_run(EV_DEFAULT, 0);
	/* The reader waited for the writer on /a; each ran alone there. */
	if (!(at(&log, "end:w2") < at(&log, "start:r1") &&
	      at(&log, "end:r1") < at(&log, "start:w1")))
		fail_msg("order: %s", log.ptr);
	job_engine_free(e);
	buf_release(&log);
}

/* A job that has waited long enough goes before a more urgent newcomer. */
static void a_waiting_job_ages_past_newer_urgent_ones(void **state)
{
	struct job_engine *e = job_engine_new(EV_DEFAULT);
	struct buf log = BUF_INIT;
	struct work hold = { .name = "hold", .log = &log, .seconds = 0.2 },
		    low = { .name = "low", .log = &log, .seconds = 0.001 },
		    urgent = { .name = "urgent", .log = &log,
			       .seconds = 0.001 };

	job_engine_set_aging(e, 0.02); /* 20 ms of waiting: one level */
	submit(e, &one_at_a_time, JOB_NORMAL, &hold);
	submit(e, &one_at_a_time, JOB_LOW, &low);
	ev_run(EV_DEFAULT, EVRUN_NOWAIT); /* hold runs, low waits */
	ev_sleep(0.15);                   /* low ages by 7 levels */
	submit(e, &one_at_a_time, JOB_URGENT, &urgent);
	ev_run(EV_DEFAULT, 0);
	assert_string_equal(log.ptr, "start:hold end:hold start:low end:low "
				     "start:urgent end:urgent ");
	job_engine_free(e);
	buf_release(&log);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			jobs_start_by_priority_then_in_order_within_the_kinds_limit),
		cmocka_unit_test(
			a_cancel_never_ends_the_job_from_inside_the_cancel),
		cmocka_unit_test(
			a_queued_job_cancelled_ends_without_ever_running),
		cmocka_unit_test(
			a_disowned_job_ends_unless_its_kind_outlives_the_caller),
		cmocka_unit_test(a_pool_grants_slots_in_order_and_from_the_loop),
		cmocka_unit_test(a_writer_has_its_work_tree_to_itself),
		cmocka_unit_test(a_waiting_job_ages_past_newer_urgent_ones),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
