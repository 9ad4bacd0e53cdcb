/*
 * Methods for the test suite only: registered RPC_M_HIDDEN, callable only
 * when the agent runs with AIRUNNER_TEST_METHODS=1, never advertised.
 *
 * test/sleep {ms} answers after ms milliseconds on a loop timer: it proves
 * that a slow request holds up nothing else, and gives cancellation a
 * request to cancel.
 */
#include <stdlib.h>

#include <ev.h>

#include "methods/methods.h"
#include "util/mem.h"

struct sleeper {
	ev_timer timer;
	struct rpc_call *call;
	int64_t ms;
};

static void sleep_done(struct ev_loop *loop, ev_timer *t, int revents)
{
	struct sleeper *s = t->data;
	struct buf out = BUF_INIT;

	buf_addf(&out, "{\"slept\":%lld}", (long long)s->ms);
	rpc_call_reply_buf(s->call, &out);
	free(s);
}

static void sleep_cancel(struct rpc_call *call, void *data)
{
	struct sleeper *s = data;

	ev_timer_stop(rpc_call_loop(call), &s->timer);
	rpc_call_reply_error_code(call, RPC_REQUEST_CANCELLED, ERR_CANCELLED,
				  "cancelled", NULL);
	free(s);
}

static void handle_sleep(struct rpc_call *call)
{
	struct sleeper *s;
	int64_t ms = 0;

	if (json_int64(rpc_call_doc(call), rpc_call_param(call, "ms"), &ms) <
		    0 ||
	    ms < 0 || ms > 600000) {
		rpc_call_reply_error_code(call, RPC_INVALID_PARAMS,
					  ERR_INVALID_PARAMS,
					  "ms must be an integer from 0 to 600000",
					  NULL);
		return;
	}
	s = xcalloc(1, sizeof(*s));
	s->call = call;
	s->ms = ms;
	ev_timer_init(&s->timer, sleep_done, (double)ms / 1000.0, 0.0);
	s->timer.data = s;
	ev_timer_start(rpc_call_loop(call), &s->timer);
	rpc_call_on_cancel(call, sleep_cancel, s);
}

static const struct rpc_param_spec sleep_params[] = {
	{ "ms", RPC_T(JSON_NUMBER), true },
	{ NULL, 0, false },
};

const struct rpc_method methods_testing[] = {
	{ "test/sleep", handle_sleep, sleep_params, RPC_M_HIDDEN },
	{ NULL, NULL, NULL, 0 },
};
