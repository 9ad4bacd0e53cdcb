/*
 * Fuzz target: bytes from a client, through framing, the JSON reader and
 * dispatch (the lifecycle methods included), with every byte we send back
 * checked to be a valid frame holding valid JSON.
 *
 * The first input byte picks the read size, so splits land everywhere.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <ev.h>

#include "core/agent.h"
#include "job/job.h"
#include "methods/methods.h"
#include "rpc/frame.h"
#include "rpc/session.h"

static struct frame_reader replies;
/* One agent for every input, as one daemon serves every client. */
static struct agent agent;

static void check_replies(void)
{
	struct err e = ERR_INIT;
	struct json_doc d = JSON_DOC_INIT;
	const char *body;
	size_t len;
	enum frame_status st;

	while ((st = frame_reader_next(&replies, &body, &len, &e)) !=
	       FRAME_NEED_MORE) {
		if (st != FRAME_BODY ||
		    json_parse(&d, body, len, 0, NULL) < 0)
			abort(); /* we framed or wrote something invalid */
		json_doc_release(&d);
	}
}

static int fuzz_send(void *transport, const char *data, size_t n,
		     unsigned flags)
{
	frame_reader_feed(&replies, data, n);
	check_replies();
	return 0;
}

static void fuzz_close(void *transport, bool after_shutdown)
{
}

static const struct rpc_transport_ops ops = { fuzz_send, fuzz_close };

static void fuzz_stop(struct agent *a, int exit_status)
{
}

static const struct agent_ops agent_ops = { fuzz_stop };

static void agent_ready(void)
{
	if (agent.rpc)
		return;
	agent_init(&agent, EV_DEFAULT);
	agent.ops = &agent_ops;
	agent.started = ev_time();
	agent.rpc = rpc_server_new(EV_DEFAULT, method_table, &agent);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rpc_limits lim = { 1 << 20, 64 };
	struct rpc_session *s;
	size_t step, i, k;

	if (size == 0)
		return 0;
	step = (size_t)data[0] % 64 + 1;
	data++;
	size--;
	agent_ready();
	frame_reader_init(&replies, 0);
	s = rpc_session_new(agent.rpc, &ops, NULL, &lim);
	for (i = 0; i < size; i += k) {
		k = size - i < step ? size - i : step;
		rpc_session_feed(s, (const char *)data + i, k);
		/* Frames beyond the first wait for a turn of the loop. */
		ev_run(EV_DEFAULT, EVRUN_NOWAIT);
	}
	rpc_session_detach(s);
	/* What the input started ends (cancelled with its client) before the
	 * next input: nothing carries over. */
	for (i = 0; i < 1000 && (job_engine_count(agent.jobs, JOB_QUEUED) ||
				 job_engine_count(agent.jobs, JOB_RUNNING));
	     i++)
		ev_run(EV_DEFAULT, EVRUN_NOWAIT);
	frame_reader_release(&replies);
	return 0;
}
