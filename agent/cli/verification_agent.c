#include "cli/verification_agent.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json/json.h"

/* verify/run params for v. */
static void build_params(struct buf *out, const struct verification *v)
{
	struct json_writer w;

	json_writer_init(&w, out);
	json_obj_begin(&w);
	json_kv_str(&w, "root", v->root);
	if (v->files) {
		json_key(&w, "files");
		json_arr_begin(&w);
		for (size_t i = 0; v->files[i]; i++)
			json_w_str(&w, v->files[i]);
		json_arr_end(&w);
	}
	if (v->staged)
		json_kv_bool(&w, "staged", true);
	if (v->all)
		json_kv_bool(&w, "all", true);
	if (v->index)
		json_kv_str(&w, "index", v->index);
	if (v->progress)
		json_kv_str(&w, "workDoneToken", "cli");
	if (v->origin)
		json_kv_str(&w, "origin", v->origin);
	if (v->urgent)
		json_kv_str(&w, "priority", "urgent");
	json_obj_end(&w);
}

/*
 * On a terminal, a line that says which check just finished while tsc and
 * friends take their seconds; erased before the report.
 */
void verification_progress_show(const char *what, const char *msg,
				int64_t percent)
{
	if (msg)
		fprintf(stderr, "\r\033[Kairunner: verifying... %s (%lld%%)",
			msg, (long long)percent);
	else
		fprintf(stderr, "\r\033[Kairunner: verifying %s...", what);
	fflush(stderr);
}

void verification_progress_clear(const struct verification *v)
{
	if (v->progress)
		fputs("\r\033[K", stderr);
}

/* $/progress from the agent: {token, value: {kind, message, percentage}}. */
static void on_notify(const char *method, const char *params, void *data)
{
	const struct verification *v = data;
	struct json_doc d = JSON_DOC_INIT;
	struct err e = ERR_INIT;
	char *msg = NULL;
	int64_t pct = 0;
	int val;

	if (strcmp(method, "$/progress") ||
	    json_parse(&d, params, strlen(params), JSON_MAX_DEPTH_DEFAULT,
		       &e) < 0)
		goto out;
	val = json_get(&d, 0, "value");
	msg = json_strdup(&d, json_get(&d, val, "message"));
	json_int64(&d, json_get(&d, val, "percentage"), &pct);
	if (msg && json_str_eq(&d, json_get(&d, val, "kind"), "report"))
		verification_progress_show(v->progress, msg, pct);
out:
	free(msg);
	json_doc_release(&d);
	err_clear(&e);
}

int verification_agent_send(struct client *c, const struct verification *v,
			    int64_t *id, struct err *e)
{
	struct buf params = BUF_INIT;
	int r;

	build_params(&params, v);
	r = client_send(c, "verify/run", params.ptr, id, e);
	buf_release(&params);
	return r;
}

int verification_agent_wait(struct client *c, const struct verification *v,
			    int64_t id, struct buf *result, struct err *e)
{
	int code = 0, r;

	if (v->progress)
		client_on_notify(c, on_notify, (void *)v);
	r = client_wait(c, "verify/run", id, VERIFICATION_TIMEOUT_S * 1000,
			result, &code, e);
	if (r < 0 && code)
		err_prefix(e, "verify/run error %d", code);
	return r;
}

int verification_agent_call(struct client *c, const struct verification *v,
			    struct buf *result, struct err *e)
{
	int64_t id;

	if (verification_agent_send(c, v, &id, e) < 0)
		return -1;
	return verification_agent_wait(c, v, id, result, e);
}
