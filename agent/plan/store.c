/*
 * plan_save, plan_load: a plan as a row of the run store's plans table.
 * The row keeps the plan's body (plan_write_body_json); its id, revision,
 * run and creation time are the row's columns.
 */
#include <stdlib.h>
#include <string.h>

#include <ev.h>

#include "plan/internal.h"
#include "store/store.h"

int plan_save(struct store *s, struct plan *p, const char *work_tree,
	      struct err *e)
{
	struct store_plan row = { 0 };
	struct buf json = BUF_INIT;
	struct json_writer w;
	int64_t id;
	int rev, r;

	if (p->created <= 0)
		p->created = ev_time();
	json_writer_init(&w, &json);
	plan_write_body_json(&w, p);
	row.id = p->id;
	row.run_id = p->run_id;
	row.work_tree = (char *)work_tree; /* borrowed for the call */
	row.issue_key = p->issue.key;
	row.title = p->issue.title;
	row.summary = p->summary;
	row.subtasks = (int)p->n_subtasks;
	row.json = json.ptr;
	row.created = p->created;
	r = store_plan_put(s, &row, &id, &rev, e);
	if (r == 0) {
		p->id = id;
		p->revision = rev;
	}
	buf_release(&json);
	return r;
}

int plan_load(struct store *s, int64_t id, int revision, struct plan *out,
	      struct err *e)
{
	struct store_plan row;
	struct strv errors = STRV_INIT;
	int r = -1;

	if (store_plan_get(s, id, revision, &row, e) < 0)
		return -1;
	/* Written by plan_save after validation: a stored plan that no
	 * longer parses is a damaged file, said as such. */
	if (plan_parse(out, row.json, strlen(row.json), &errors, e) < 0) {
		err_set(e, ERR_STORE, "plan %lld revision %d in the store is "
			"damaged: %s", (long long)id, row.revision,
			errors.n ? errors.v[0] : "unreadable");
		goto out;
	}
	out->id = row.id;
	out->revision = row.revision;
	out->run_id = row.run_id;
	out->created = row.created;
	r = 0;
out:
	strv_release(&errors);
	store_plan_release(&row);
	return r;
}
