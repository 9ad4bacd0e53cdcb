/*
 * errors/classify {output, tool?} -> {diagnostics, summary}.
 *
 * The shipped database is loaded once per process. A workspace whose config
 * names extra pattern files (`classify.patterns`, repeatable, relative to the
 * workspace) gets its own database, cached until the list changes. The work
 * is CPU only (well over 100 MB/s), so it runs inside the handler.
 */
#include <stdlib.h>
#include <string.h>

#include "classify/classify.h"
#include "config/config.h"
#include "methods/methods.h"
#include "util/mem.h"

static struct classify_db *shipped_db;
static struct classify_db *extra_db; /* for extra_key */
static char *extra_key;              /* the extra files, one a line */

struct extras {
	const char *workspace;
	char **files; /* NULL-terminated */
	size_t n;
	struct buf key;
};

static int add_extra(const char *value, void *data)
{
	struct extras *x = data;
	struct buf path = BUF_INIT;

	if (value[0] == '/' || !x->workspace)
		buf_adds(&path, value);
	else
		buf_addf(&path, "%s/%s", x->workspace, value);
	buf_addf(&x->key, "%s\n", path.ptr);
	x->files = xrealloc(x->files, (x->n + 2) * sizeof(*x->files));
	x->files[x->n++] = buf_detach(&path, NULL);
	x->files[x->n] = NULL;
	return 0;
}

static void extras_release(struct extras *x)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		free(x->files[i]);
	free(x->files);
	buf_release(&x->key);
}

/* The database for a workspace: borrowed, valid until the next call. */
static const struct classify_db *db_for(const char *workspace, struct err *e)
{
	struct extras x = { workspace, NULL, 0, BUF_INIT };
	struct config *cfg = NULL;
	const struct classify_db *db = NULL;

	if (config_open(&cfg, workspace, e) < 0 ||
	    config_get_all(cfg, "classify.patterns", add_extra, &x, e) < 0)
		goto out;
	if (!x.n) {
		if (!shipped_db && classify_db_load(&shipped_db, NULL, e) < 0)
			goto out;
		db = shipped_db;
		goto out;
	}
	if (!extra_key || strcmp(extra_key, x.key.ptr)) {
		struct classify_db *fresh;

		if (classify_db_load(&fresh, (const char *const *)x.files, e) < 0)
			goto out;
		classify_db_free(extra_db);
		free(extra_key);
		extra_db = fresh;
		extra_key = buf_strdup(&x.key);
	}
	db = extra_db;
out:
	config_free(cfg);
	extras_release(&x);
	return db;
}

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
	const struct json_doc *d = rpc_call_doc(call);
	const struct classify_db *db;
	struct buf output = BUF_INIT, out = BUF_INIT;
	struct diag_list l = DIAG_LIST_INIT;
	struct err e = ERR_INIT;
	struct json_writer w;
	char *tool = NULL;
	size_t i;

	json_str(d, rpc_call_param(call, "output"), &output);
	if (json_type(d, rpc_call_param(call, "tool")) == JSON_STRING &&
	    !(tool = json_strdup(d, rpc_call_param(call, "tool")))) {
		err_set(&e, ERR_INVALID_PARAMS, "tool must not contain NUL");
		goto fail;
	}
	db = db_for(rpc_call_workspace(call), &e);
	if (!db || classify_text(db, tool, output.ptr, output.len, &l, &e) < 0)
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
	diag_list_release(&l);
	buf_release(&output);
	buf_release(&out);
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
