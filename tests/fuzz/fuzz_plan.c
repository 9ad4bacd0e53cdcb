/*
 * Fuzz target: any bytes as a model's answer to the planner. Reading and
 * validating never crash, loop or leak; a plan that reads and validates is
 * written as JSON that parses again to the same plan, whose dependencies
 * then form no cycle (checked here independently: every subtask depends
 * only on subtasks listed before it once the list is put in an order where
 * that is possible).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "plan/plan.h"

/* A work tree where every path with a '.' in its last part exists. */
static bool some_files(const char *path, void *data)
{
	const char *base = strrchr(path, '/');

	(void)data;
	return strchr(base ? base : path, '.') != NULL;
}

/* Kahn's algorithm: all subtasks can be ordered iff there is no cycle. */
static bool acyclic(const struct plan *p)
{
	bool *done = calloc(p->n_subtasks + 1, sizeof(*done));
	size_t placed = 0, round;
	bool progress = true;

	for (round = 0; progress && placed < p->n_subtasks; round++) {
		progress = false;
		for (size_t i = 0; i < p->n_subtasks; i++) {
			bool ready = !done[i];

			for (size_t k = 0; ready && k < p->subtasks[i].depends_on.n;
			     k++)
				for (size_t j = 0; j < p->n_subtasks; j++)
					if (!strcmp(p->subtasks[j].id,
						    p->subtasks[i].depends_on.v[k]) &&
					    !done[j])
						ready = false;
			if (ready) {
				done[i] = true;
				placed++;
				progress = true;
			}
		}
	}
	free(done);
	return placed == p->n_subtasks;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct plan p, q;
	struct strv errors = STRV_INIT;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT, again = BUF_INIT;
	struct json_writer w;

	plan_init(&p);
	plan_init(&q);
	if (plan_parse(&p, (const char *)data, size, &errors, &e) == 0 &&
	    plan_validate(&p, some_files, NULL, &errors) == 0) {
		if (!acyclic(&p))
			abort();
		json_writer_init(&w, &out);
		plan_write_json(&w, &p);
		if (plan_parse(&q, out.ptr, out.len, &errors, &e) < 0)
			abort();
		json_writer_init(&w, &again);
		plan_write_json(&w, &q);
		if (out.len != again.len || memcmp(out.ptr, again.ptr, out.len))
			abort();
	} else if (!errors.n) {
		abort(); /* refused without saying why */
	}
	plan_release(&p);
	plan_release(&q);
	strv_release(&errors);
	err_clear(&e);
	buf_release(&out);
	buf_release(&again);
	return 0;
}
