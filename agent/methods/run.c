/*
 * run/subscribe, and how job events reach clients: `run/event {run, seq,
 * time, kind, phase, message, data}` to the client that started the job
 * when it named a progress token, and to every client that subscribed to
 * the job or to all runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "methods/methods.h"
#include "rpc/session.h"
#include "util/mem.h"

static void write_event(struct buf *out, const struct job_event *ev)
{
	struct json_writer w;

	json_writer_init(&w, out);
	json_obj_begin(&w);
	json_kv_int(&w, "run", (int64_t)ev->job);
	json_kv_int(&w, "seq", (int64_t)ev->seq);
	json_kv_double(&w, "time", ev->time);
	json_kv_str(&w, "kind", ev->kind);
	json_kv_str(&w, "phase", ev->phase);
	if (ev->message)
		json_kv_str(&w, "message", ev->message);
	json_key(&w, "data");
	if (ev->data_json)
		json_w_raw(&w, ev->data_json, strlen(ev->data_json));
	else
		json_w_null(&w);
	json_obj_end(&w);
}

static void run_topic(struct buf *out, uint64_t run)
{
	buf_adds(out, "run:");
	buf_add_uint(out, run);
}

void methods_publish_job_event(const struct job_event *ev, void *ud)
{
	struct agent *a = ud;
	struct buf params = BUF_INIT, one = BUF_INIT;
	const char *topics[3];

	run_topic(&one, ev->job);
	topics[0] = "run:*";
	topics[1] = one.ptr;
	topics[2] = NULL;
	write_event(&params, ev);
	rpc_server_publish(a->rpc, topics, "run/event", params.ptr,
			   params.len);
	buf_release(&params);
	buf_release(&one);
}

/* ---- a job tied to a call ---- */

struct jobcall {
	struct rpc_call *call;
	struct job *job;
	method_job_reply_fn reply;
};

static void jc_event(struct job *j, const struct job_event *ev, void *ud)
{
	struct jobcall *jc = ud;
	struct rpc_session *s = rpc_call_session(jc->call);
	struct buf params = BUF_INIT, one = BUF_INIT;

	/* Only a caller that asked for progress hears its run's events; a
	 * subscriber hears them through the listener already. */
	if (!rpc_call_wants_progress(jc->call))
		return;
	run_topic(&one, ev->job);
	if (!rpc_session_subscribed(s, "run:*") &&
	    !rpc_session_subscribed(s, one.ptr)) {
		write_event(&params, ev);
		rpc_session_notify(s, "run/event", params.ptr, params.len);
	}
	buf_release(&params);
	buf_release(&one);
}

static void jc_report(struct job *j, const char *value_json, void *ud)
{
	struct jobcall *jc = ud;

	rpc_call_progress(jc->call, value_json, strlen(value_json));
}

static void jc_done(struct job *j, void *ud)
{
	struct jobcall *jc = ud;

	rpc_call_on_cancel(jc->call, NULL, NULL);
	jc->reply(jc->call, j);
	free(jc);
}

static void jc_cancel(struct rpc_call *call, void *data)
{
	struct jobcall *jc = data;
	struct err e = ERR_INIT;

	if (!rpc_call_client_gone(call)) {
		job_cancel(jc->job); /* jc_done still ends the call */
		return;
	}
	/* Nobody to answer: let go of the job, end the call now. */
	job_disown(jc->job);
	err_set(&e, ERR_CANCELLED, "the client went away");
	rpc_call_reply_error(call, &e);
	err_clear(&e);
	free(jc);
}

struct job *method_job_start(struct rpc_call *call, const struct job_spec *spec,
			     method_job_reply_fn reply)
{
	struct jobcall *jc = xcalloc(1, sizeof(*jc));
	struct job_owner owner = { jc_event, jc_report, jc_done, jc };

	jc->call = call;
	jc->reply = reply;
	jc->job = job_submit(call_agent(call)->jobs, spec, &owner);
	rpc_call_on_cancel(call, jc_cancel, jc);
	return jc->job;
}

static const char *const priority_names[JOB_NPRIO] = {
	[JOB_URGENT] = "urgent",
	[JOB_HIGH] = "high",
	[JOB_NORMAL] = "normal",
	[JOB_LOW] = "low",
};

int method_param_priority(struct rpc_call *call, enum job_priority *out,
			  struct err *e)
{
	char *name = NULL;
	int r = rpc_param_string(call, "priority", &name, e), p;

	if (r <= 0)
		return r;
	for (p = 0; p < JOB_NPRIO && strcmp(priority_names[p], name); p++)
		;
	free(name);
	if (p == JOB_NPRIO)
		return err_set(e, ERR_INVALID_PARAMS,
			       "param 'priority' must be urgent, high, normal "
			       "or low");
	*out = (enum job_priority)p;
	return 1;
}

/* ---- run/subscribe ---- */

static void handle_subscribe(struct rpc_call *call)
{
	struct rpc_session *s = rpc_call_session(call);
	struct buf topic = BUF_INIT, out = BUF_INIT;
	struct err e = ERR_INIT;
	int64_t run = 0;
	int r = rpc_param_int(call, "run", 1, INT64_MAX, &run, &e);

	if (r < 0) {
		rpc_call_reply_error(call, &e);
		err_clear(&e);
		return;
	}
	if (r)
		run_topic(&topic, (uint64_t)run);
	else
		buf_adds(&topic, "run:*");
	rpc_session_subscribe(s, topic.ptr);
	buf_adds(&out, "{\"subscribed\":");
	if (r)
		buf_add_uint(&out, (uint64_t)run);
	else
		buf_adds(&out, "\"*\"");
	buf_addch(&out, '}');
	rpc_call_reply_buf(call, &out);
	buf_release(&topic);
}

static const struct rpc_param_spec subscribe_params[] = {
	{ "run", RPC_T(JSON_NUMBER) | RPC_T(JSON_NULL), false },
	{ NULL, 0, false },
};

const struct rpc_method methods_run[] = {
	{ "run/subscribe", handle_subscribe, subscribe_params, 0 },
	{ NULL, NULL, NULL, 0 },
};
