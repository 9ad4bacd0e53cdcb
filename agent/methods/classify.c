/*
 * errors/classify {output, tool?} -> {diagnostics, summary}.
 *
 * The database is the workspace's shared one (the shipped patterns plus the
 * repo's `classify.patterns` files). The work is CPU only (over 100 MB/s),
 * so it runs inside the handler.
 */
#include <stdlib.h>
#include <string.h>

#include "classify/classify.h"
#include "methods/methods.h"

struct tally {
	const char *category;
	size_t n;
};

static void write_summary(struct json_writer *w, const struct diag_list *l)
{
	struct tally t[16];
	size_t nt = 0, i, k, errors = 0, warnings = 0;

	for (i = 0; i < l->n; i++) {
		const struct diag *d = &l->v[i];

		errors += d->severity == DIAG_ERROR;
		warnings += d->severity == DIAG_WARNING;
		for (k = 0; k < nt && strcmp(t[k].category, d->category); k++)
			;
		if (k == nt && nt < sizeof(t) / sizeof(*t))
			t[nt++] = (struct tally){ d->category, 0 };
		if (k < nt)
			t[k].n++;
	}
	json_key(w, "summary");
	json_obj_begin(w);
	json_kv_int(w, "errors", (int64_t)errors);
	json_kv_int(w, "warnings", (int64_t)warnings);
	json_key(w, "categories");
	json_obj_begin(w);
	for (k = 0; k < nt; k++)
		json_kv_int(w, t[k].category, (int64_t)t[k].n);
	json_obj_end(w);
	json_obj_end(w);
}

static void handle_classify(struct rpc_call *call)
{
	struct classify_db *db = NULL;
	struct buf out = BUF_INIT, output = BUF_INIT;
	struct diag_list l = DIAG_LIST_INIT;
	struct err e = ERR_INIT;
	struct json_writer w;
	char *tool = NULL;
	size_t i;

	if (rpc_param_text(call, "output", &output, &e) < 0 ||
	    rpc_param_string(call, "tool", &tool, &e) < 0)
		goto fail;
	if (classify_db_acquire(&db, rpc_call_workspace(call), &e) < 0 ||
	    classify_text(db, tool, output.ptr, output.len, &l, &e) < 0)
		goto fail;

	json_writer_init(&w, &out);
	json_obj_begin(&w);
	json_key(&w, "diagnostics");
	json_arr_begin(&w);
	for (i = 0; i < l.n; i++)
		diag_write_json(&w, &l.v[i]);
	json_arr_end(&w);
	write_summary(&w, &l);
	json_obj_end(&w);
	rpc_call_reply(call, out.ptr, out.len);
	goto out;
fail:
	rpc_call_reply_error(call, &e);
out:
	classify_db_release(db);
	diag_list_release(&l);
	buf_release(&out);
	buf_release(&output);
	free(tool);
	err_clear(&e);
}

static const struct rpc_param_spec classify_params[] = {
	{ "output", RPC_T(JSON_STRING), true },
	{ "tool", RPC_T(JSON_STRING) | RPC_T(JSON_NULL), false },
	{ NULL, 0, false },
};

const struct rpc_method methods_classify[] = {
	{ "errors/classify", handle_classify, classify_params, 0 },
	{ NULL, NULL, NULL, 0 },
};
