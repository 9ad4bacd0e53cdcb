/*
 * run/subscribe, and how job events reach clients: `run/event {run, seq,
 * time, kind, phase, message, data}` to the client that started the job
 * when it named a progress token, and to every client that subscribed to
 * the job or to all runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ev.h>

#include "methods/methods.h"
#include "rpc/session.h"
#include "store/store.h"
#include "util/log.h"
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

static void publish(struct agent *a, const struct job_event *ev)
{
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

/* ---- the record of every job: the run store ---- */

static const enum store_priority store_priorities[JOB_NPRIO] = {
	[JOB_URGENT] = STORE_URGENT,
	[JOB_HIGH] = STORE_HIGH,
	[JOB_NORMAL] = STORE_NORMAL,
	[JOB_LOW] = STORE_LOW,
};

/* A store that fails is logged, never fatal to the work: the run goes on
 * unrecorded rather than a commit being blocked by a full disk. */
static void store_failed(const char *what, struct err *e)
{
	log_warn("run store: %s: %s", what, e->msg.ptr);
	err_clear(e);
}

static uint64_t rec_submitted(struct job *j, void *ud)
{
	struct agent *a = ud;
	struct store_run_spec spec = { 0 };
	struct err e = ERR_INIT;
	int64_t id = 0;

	/* Queries (errors/classify) are jobs, not runs. */
	if (!a->store || !store_kind_valid(job_kind_of(j)->name))
		return 0;
	spec.kind = job_kind_of(j)->name;
	spec.work_tree = job_work_tree(j);
	spec.priority = store_priorities[job_priority_of(j)];
	spec.origin = job_origin(j);
	spec.issue_key = job_issue_key(j);
	spec.subtask = job_subtask(j);
	spec.owner = a->owner;
	spec.created = job_queued_at(j);
	if (store_run_insert(a->store, &spec, &id, &e) < 0) {
		store_failed("recording a new run", &e);
		return 0;
	}
	return (uint64_t)id;
}

static bool recorded(const struct agent *a, const struct job *j)
{
	return a->store && job_id(j) < ((uint64_t)1 << 52);
}

static void rec_event(struct job *j, const struct job_event *ev, void *ud)
{
	struct agent *a = ud;
	struct store_event se = { (int64_t)ev->job, ev->time, ev->phase,
				  ev->message, ev->data_json };
	struct err e = ERR_INIT;

	if (recorded(a, j)) {
		if (!strcmp(ev->phase, "started") &&
		    store_run_start(a->store, (int64_t)ev->job, ev->time,
				    &e) < 0)
			store_failed("starting a run", &e);
		/* "ended" is the finish below, with the outcome. */
		if (strcmp(ev->phase, "ended") &&
		    store_event_append(a->store, &se, NULL, &e) < 0)
			store_failed("recording an event", &e);
	}
	publish(a, ev);
}

static void rec_ended(struct job *j, const struct job_summary *sum, void *ud)
{
	static const enum store_state states[] = {
		[JOB_SUCCEEDED] = STORE_SUCCEEDED,
		[JOB_FAILED] = STORE_FAILED,
		[JOB_CANCELLED] = STORE_CANCELLED,
	};
	struct agent *a = ud;
	struct store_run_end end = { 0 };
	struct store_event se = { (int64_t)job_id(j), ev_time(), "ended",
				  NULL, NULL };
	struct err e = ERR_INIT;

	if (!recorded(a, j))
		return;
	if (job_kind_of(j)->record)
		job_kind_of(j)->record(j, a->store, job_id(j));
	end.state = states[sum->outcome];
	end.finished = se.time;
	end.outcome = sum->result;
	end.error_kind = sum->error_kind ? err_kind_name(sum->error_kind)
					 : NULL;
	end.error_category = sum->error_category;
	end.error_message = sum->error_message;
	end.cost = -1;
	se.message = sum->outcome == JOB_CANCELLED ? "cancelled" : NULL;
	if (store_event_append(a->store, &se, NULL, &e) < 0)
		store_failed("recording an event", &e);
	if (store_run_finish(a->store, (int64_t)job_id(j), &end, &e) < 0)
		store_failed("finishing a run", &e);
}

void methods_record_jobs(struct agent *a)
{
	struct job_recorder rec = { rec_submitted, rec_event, rec_ended, a };

	job_engine_set_recorder(a->jobs, &rec);
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

int method_param_root(struct rpc_call *call, char **root, struct err *e)
{
	int r = rpc_param_path(call, "root", root, e);

	if (r < 0)
		return -1;
	if (!r && rpc_call_workspace(call))
		*root = xstrdup(rpc_call_workspace(call));
	if (!*root)
		return err_set(e, ERR_INVALID_PARAMS,
			       "no workspace: pass root, or name one at "
			       "initialize");
	return 0;
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

/* ---- run/list, run/get, run/cancel, run/events ---- */

static bool need_store(struct rpc_call *call)
{
	struct err e = ERR_INIT;

	if (call_agent(call)->store)
		return true;
	err_set(&e, ERR_STORE, "this agent has no run store");
	rpc_call_reply_error(call, &e);
	err_clear(&e);
	return false;
}

static void reply_error(struct rpc_call *call, struct err *e)
{
	rpc_call_reply_error(call, e);
	err_clear(e);
}

/* A run as the store has it, and where it stands in this agent's queue. */
static void write_run(struct json_writer *w, struct agent *a,
		      const struct store_run *r)
{
	struct job *j = job_find(a->jobs, (uint64_t)r->id);
	struct buf one = BUF_INIT;
	struct json_writer ow;

	/* store_run_write_json writes one object: add the position into it
	 * by writing it to a side buffer first. */
	json_writer_init(&ow, &one);
	store_run_write_json(&ow, r);
	if (one.len && one.ptr[one.len - 1] == '}') {
		buf_truncate(&one, one.len - 1);
		buf_adds(&one, ",\"position\":");
		if (j && job_queue_position(j))
			buf_add_uint(&one, job_queue_position(j));
		else
			buf_adds(&one, "null");
		buf_addch(&one, '}');
	}
	json_w_raw(w, one.ptr, one.len);
	buf_release(&one);
}

static void handle_list(struct rpc_call *call)
{
	struct agent *a = call_agent(call);
	struct store_run_filter f = { 0 };
	struct store_runs queued = STORE_RUNS_INIT, rest = STORE_RUNS_INIT;
	struct buf out = BUF_INIT;
	struct json_writer w;
	struct err e = ERR_INIT;
	char *wt = NULL, *kind = NULL, *state = NULL;
	int64_t limit = 50;
	enum store_state st;
	size_t i;

	if (!need_store(call))
		return;
	if (rpc_param_path(call, "workTree", &wt, &e) < 0 ||
	    rpc_param_string(call, "kind", &kind, &e) < 0 ||
	    rpc_param_string(call, "state", &state, &e) < 0 ||
	    rpc_param_int(call, "limit", 1, 1000, &limit, &e) < 0)
		goto fail;
	if (state && store_state_parse(state, &st) < 0) {
		err_set(&e, ERR_INVALID_PARAMS,
			"param 'state' must be queued, running, succeeded, "
			"failed, cancelled or interrupted");
		goto fail;
	}
	f.work_tree = wt;
	f.kind = kind;
	/* The queue in the order it will be taken, then the rest, newest
	 * first. */
	if (!state || st == STORE_QUEUED) {
		f.states = STORE_STATE_BIT(STORE_QUEUED);
		f.order = STORE_ORDER_QUEUE;
		if (store_run_list(a->store, &f, &queued, &e) < 0)
			goto fail;
	}
	if (!state || st != STORE_QUEUED) {
		f.states = state ? STORE_STATE_BIT(st)
				 : (STORE_STATE_BIT(STORE_NSTATES) - 1) &
					   ~STORE_STATE_BIT(STORE_QUEUED);
		f.order = STORE_ORDER_NEWEST;
		f.limit = (int)limit;
		if (store_run_list(a->store, &f, &rest, &e) < 0)
			goto fail;
	}
	json_writer_init(&w, &out);
	json_obj_begin(&w);
	json_key(&w, "runs");
	json_arr_begin(&w);
	for (i = 0; i < queued.n; i++)
		write_run(&w, a, &queued.v[i]);
	for (i = 0; i < rest.n; i++)
		write_run(&w, a, &rest.v[i]);
	json_arr_end(&w);
	json_obj_end(&w);
	rpc_call_reply_buf(call, &out);
	goto out;
fail:
	reply_error(call, &e);
out:
	store_runs_release(&queued);
	store_runs_release(&rest);
	free(wt);
	free(kind);
	free(state);
}

static int param_run(struct rpc_call *call, int64_t *run, struct err *e)
{
	int r = rpc_param_int(call, "run", 1, INT64_MAX, run, e);

	if (r == 0)
		return err_set(e, ERR_INVALID_PARAMS, "missing param 'run'");
	return r < 0 ? -1 : 0;
}

/* params.run read back from the store into *r (caller releases); false
 * when the call was answered with an error instead. */
static bool read_run(struct rpc_call *call, int64_t *id, struct store_run *r)
{
	struct err e = ERR_INIT;

	if (!need_store(call))
		return false;
	if (param_run(call, id, &e) < 0 ||
	    store_run_get(call_agent(call)->store, *id, r, &e) < 0) {
		reply_error(call, &e);
		return false;
	}
	return true;
}

static void handle_get(struct rpc_call *call)
{
	struct agent *a = call_agent(call);
	struct store_run r;
	struct buf out = BUF_INIT;
	struct json_writer w;
	struct err e = ERR_INIT;
	int64_t id;

	if (!read_run(call, &id, &r))
		return;
	json_writer_init(&w, &out);
	json_obj_begin(&w);
	json_key(&w, "run");
	write_run(&w, a, &r);
	json_key(&w, "attempts");
	if (store_attempts_write_json(a->store, id, &w, &e) < 0)
		goto fail;
	json_key(&w, "verification");
	if (store_verification_write_json(a->store, id, &w, &e) < 0)
		goto fail;
	json_obj_end(&w);
	rpc_call_reply_buf(call, &out);
	store_run_release(&r);
	return;
fail:
	buf_release(&out);
	store_run_release(&r);
	reply_error(call, &e);
}

static void handle_cancel(struct rpc_call *call)
{
	struct agent *a = call_agent(call);
	struct store_run r;
	struct err e = ERR_INIT;
	struct job *j;
	int64_t id;

	if (!read_run(call, &id, &r))
		return;
	j = job_find(a->jobs, (uint64_t)id);
	if (!j) {
		if (r.state == STORE_QUEUED || r.state == STORE_RUNNING)
			err_set(&e, ERR_INVALID_PARAMS,
				"run %lld belongs to another agent (%s)",
				(long long)id, r.owner ? r.owner : "unknown");
		else
			err_set(&e, ERR_INVALID_PARAMS,
				"run %lld has already ended (%s)",
				(long long)id, store_state_name(r.state));
		store_run_release(&r);
		reply_error(call, &e);
		return;
	}
	store_run_release(&r);
	/* A queued run leaves the queue; a running one has its children
	 * killed and its transfers aborted. Its end comes as run/event. */
	job_cancel(j);
	rpc_call_reply(call, "{\"cancelled\":true}", 18);
}

static void handle_events(struct rpc_call *call)
{
	struct agent *a = call_agent(call);
	struct store_run r;
	struct buf out = BUF_INIT;
	struct json_writer w;
	struct err e = ERR_INIT;
	int64_t id, after = 0;

	if (rpc_param_int(call, "after", 0, INT64_MAX, &after, &e) < 0) {
		reply_error(call, &e);
		return;
	}
	if (!read_run(call, &id, &r))
		return;
	json_writer_init(&w, &out);
	json_obj_begin(&w);
	json_kv_int(&w, "run", id);
	json_kv_str(&w, "state", store_state_name(r.state));
	json_key(&w, "events");
	store_run_release(&r);
	if (store_events_write_json(a->store, id, after, 0, &w, NULL, &e) <
	    0) {
		buf_release(&out);
		reply_error(call, &e);
		return;
	}
	json_obj_end(&w);
	rpc_call_reply_buf(call, &out);
}

static const struct rpc_param_spec list_params[] = {
	{ "workTree", RPC_T(JSON_STRING), false },
	{ "kind", RPC_T(JSON_STRING), false },
	{ "state", RPC_T(JSON_STRING), false },
	{ "limit", RPC_T(JSON_NUMBER), false },
	{ NULL, 0, false },
};

static const struct rpc_param_spec run_params[] = {
	{ "run", RPC_T(JSON_NUMBER), true },
	{ NULL, 0, false },
};

static const struct rpc_param_spec events_params[] = {
	{ "run", RPC_T(JSON_NUMBER), true },
	{ "after", RPC_T(JSON_NUMBER), false },
	{ NULL, 0, false },
};

static const struct rpc_param_spec subscribe_params[] = {
	{ "run", RPC_T(JSON_NUMBER) | RPC_T(JSON_NULL), false },
	{ NULL, 0, false },
};

const struct rpc_method methods_run[] = {
	{ "run/list", handle_list, list_params, 0 },
	{ "run/get", handle_get, run_params, 0 },
	{ "run/cancel", handle_cancel, run_params, 0 },
	{ "run/events", handle_events, events_params, 0 },
	{ "run/subscribe", handle_subscribe, subscribe_params, 0 },
	{ NULL, NULL, NULL, 0 },
};
