/*
 * Methods for the test suite only: registered RPC_M_HIDDEN, callable only
 * when the agent runs with AIRUNNER_TEST_METHODS=1, never advertised.
 *
 * test/sleep {ms, detach?, workTree?, writer?, priority?} is a job that
 * ends after ms milliseconds on a loop timer: it proves that a slow request
 * holds up nothing else, gives cancellation a request to cancel, with
 * `detach` it outlives the connection that started it, and with `workTree`
 * and `writer` it holds a work tree's writer slot (as writing runs will).
 */
#include <stdlib.h>

#include <ev.h>

#include "methods/methods.h"
#include "util/mem.h"

struct sleep_job {
	ev_timer timer;
	struct job *job;
	int64_t ms;
	bool fired;
};

static void sleep_fired(struct ev_loop *loop, ev_timer *t, int revents)
{
	struct sleep_job *s = t->data;

	s->fired = true;
	job_wake(s->job);
}

static enum job_step sleep_step(struct job *j)
{
	struct sleep_job *s = job_data(j);

	if (s->fired || job_cancelled(j))
		return JOB_STEP_DONE;
	if (!s->job) {
		s->job = j;
		ev_timer_init(&s->timer, sleep_fired, (double)s->ms / 1000.0,
			      0.0);
		s->timer.data = s;
		ev_timer_start(job_loop(j), &s->timer);
		job_emit(j, "sleeping", NULL, NULL);
	}
	return JOB_STEP_WAIT;
}

static void sleep_cancel(struct job *j)
{
	struct sleep_job *s = job_data(j);

	if (s->job)
		ev_timer_stop(job_loop(j), &s->timer);
}

static void sleep_release(void *data)
{
	free(data);
}

static const struct job_kind sleep_kind = {
	.name = "test",
	.step = sleep_step,
	.cancel = sleep_cancel,
	.release = sleep_release,
};

static const struct job_kind sleep_detached_kind = {
	.name = "test",
	.outlives_caller = true,
	.step = sleep_step,
	.cancel = sleep_cancel,
	.release = sleep_release,
};

static void sleep_reply(struct rpc_call *call, struct job *j)
{
	struct sleep_job *s = job_data(j);
	struct buf out = BUF_INIT;
	struct err e = ERR_INIT;

	if (!s->fired) {
		err_set(&e, ERR_CANCELLED, "cancelled");
		rpc_call_reply_error(call, &e);
		err_clear(&e);
		return;
	}
	buf_adds(&out, "{\"slept\":");
	buf_add_uint(&out, (uint64_t)s->ms);
	buf_adds(&out, ",\"run\":");
	buf_add_uint(&out, job_id(j));
	buf_addch(&out, '}');
	rpc_call_reply_buf(call, &out);
}

static void handle_sleep(struct rpc_call *call)
{
	struct job_spec spec = { .priority = JOB_NORMAL };
	struct sleep_job *s;
	struct err e = ERR_INIT;
	char *work_tree = NULL;
	int64_t ms = 0;
	bool detach = false;

	if (rpc_param_int(call, "ms", 0, 600000, &ms, &e) < 0 ||
	    rpc_param_bool(call, "detach", &detach, &e) < 0 ||
	    rpc_param_path(call, "workTree", &work_tree, &e) < 0 ||
	    rpc_param_bool(call, "writer", &spec.writer, &e) < 0 ||
	    method_param_priority(call, &spec.priority, &e) < 0) {
		rpc_call_reply_error(call, &e);
		err_clear(&e);
		free(work_tree);
		return;
	}
	s = xcalloc(1, sizeof(*s));
	s->ms = ms;
	spec.kind = detach ? &sleep_detached_kind : &sleep_kind;
	spec.data = s;
	spec.work_tree = work_tree;
	method_job_start(call, &spec, sleep_reply);
	free(work_tree);
}

static const struct rpc_param_spec sleep_params[] = {
	{ "ms", RPC_T(JSON_NUMBER), true },
	{ "detach", RPC_T_BOOL, false },
	{ "workTree", RPC_T(JSON_STRING), false },
	{ "writer", RPC_T_BOOL, false },
	{ "priority", RPC_T(JSON_STRING), false },
	{ "workDoneToken", RPC_T(JSON_STRING) | RPC_T(JSON_NUMBER), false },
	{ NULL, 0, false },
};

const struct rpc_method methods_testing[] = {
	{ "test/sleep", handle_sleep, sleep_params, RPC_M_HIDDEN },
	{ NULL, NULL, NULL, 0 },
};
