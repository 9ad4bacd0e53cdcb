#include "cli/runs_cmd.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/output.h"
#include "json/json.h"
#include "store/store.h"

/* One line: id, when, kind, state, priority, duration, outcome, where. */
static void add_line(struct buf *out, const struct store_run *r)
{
	char when[32];
	time_t t = (time_t)r->created;

	strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", localtime(&t));
	buf_addf(out, "%6lld  %s  %-8s %-11s %-6s ", (long long)r->id, when,
		 r->kind, store_state_name(r->state),
		 store_priority_name(r->priority));
	if (r->duration > 0)
		buf_addf(out, "%8.2f s  ", r->duration);
	else
		buf_adds(out, "       -    ");
	buf_adds(out, r->outcome ? r->outcome
				 : r->error_kind ? r->error_kind : "-");
	if (r->error_category)
		buf_addf(out, " (%s)", r->error_category);
	if (r->work_tree)
		buf_addf(out, "  %s", r->work_tree);
	buf_addch(out, '\n');
}

int cmd_runs(int argc, char **argv)
{
	struct store_run_filter f = { 0 };
	struct store_runs queued = STORE_RUNS_INIT, rest = STORE_RUNS_INIT;
	struct store *st = NULL;
	struct buf path = BUF_INIT, out = BUF_INIT;
	struct json_writer w;
	struct err e = ERR_INIT;
	enum store_state state = STORE_NSTATES;
	char repo[PATH_MAX];
	bool json = false;
	int i, r = EXIT_USAGE;
	long limit = 20;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--repo") && i + 1 < argc) {
			if (!realpath(argv[++i], repo))
				return output_usage("runs", "no folder %s",
						    argv[i]);
			f.work_tree = repo;
		} else if (!strcmp(argv[i], "--kind") && i + 1 < argc) {
			f.kind = argv[++i];
		} else if (!strcmp(argv[i], "--state") && i + 1 < argc) {
			if (store_state_parse(argv[++i], &state) < 0)
				return output_usage("runs", "no state %s "
						    "(queued, running, "
						    "succeeded, failed, "
						    "cancelled, interrupted)",
						    argv[i]);
		} else if (!strcmp(argv[i], "--limit") && i + 1 < argc) {
			limit = strtol(argv[++i], NULL, 10);
			if (limit < 1 || limit > 100000)
				return output_usage("runs", "--limit is 1 to "
						    "100000");
		} else if (!strcmp(argv[i], "--json")) {
			json = true;
		} else {
			return output_usage("runs", "unknown option %s",
					    argv[i]);
		}
	}
	store_default_path(&path);
	if (store_open(&st, path.ptr, &e) < 0)
		goto fail;
	if (state == STORE_NSTATES || state == STORE_QUEUED) {
		f.states = STORE_STATE_BIT(STORE_QUEUED);
		f.order = STORE_ORDER_QUEUE;
		if (store_run_list(st, &f, &queued, &e) < 0)
			goto fail;
	}
	if (state != STORE_QUEUED) {
		f.states = state != STORE_NSTATES
				   ? STORE_STATE_BIT(state)
				   : (STORE_STATE_BIT(STORE_NSTATES) - 1) &
					     ~STORE_STATE_BIT(STORE_QUEUED);
		f.order = STORE_ORDER_NEWEST;
		f.limit = (int)limit;
		if (store_run_list(st, &f, &rest, &e) < 0)
			goto fail;
	}
	if (json) {
		json_writer_init(&w, &out);
		json_obj_begin(&w);
		json_key(&w, "runs");
		json_arr_begin(&w);
		for (size_t k = 0; k < queued.n; k++)
			store_run_write_json(&w, &queued.v[k]);
		for (size_t k = 0; k < rest.n; k++)
			store_run_write_json(&w, &rest.v[k]);
		json_arr_end(&w);
		json_obj_end(&w);
		buf_addch(&out, '\n');
	} else {
		for (size_t k = 0; k < queued.n; k++)
			add_line(&out, &queued.v[k]);
		for (size_t k = 0; k < rest.n; k++)
			add_line(&out, &rest.v[k]);
		if (!out.len)
			buf_adds(&out, "no runs\n");
	}
	r = output_write(stdout, &out) < 0 ? EXIT_USAGE : EXIT_OK;
	goto out;
fail:
	fprintf(stderr, "airunner: runs: %s\n", e.msg.ptr);
out:
	store_runs_release(&queued);
	store_runs_release(&rest);
	store_close(st);
	buf_release(&path);
	buf_release(&out);
	err_clear(&e);
	return r;
}
