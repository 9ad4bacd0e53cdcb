/* Results: what a run produced, copied, written as JSON, freed. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "verify/run.h"

const char *verify_status_name(enum verify_status s)
{
	static const char *const names[] = { "passed", "failed", "timeout",
					     "cancelled", "error", "skipped" };

	return (unsigned)s < sizeof(names) / sizeof(*names) ? names[s]
							    : "error";
}



struct verify_result *verify_result_new(void)
{
	struct verify_result *r = xcalloc(1, sizeof(*r));

	r->error = (struct err)ERR_INIT;
	return r;
}

static void check_result_release(struct verify_check_result *c)
{
	free(c->name);
	free(c->tool);
	strv_release(&c->command);
	buf_release(&c->output);
	diag_list_release(&c->diags);
}

void verify_result_free(struct verify_result *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->n; i++)
		check_result_release(&r->checks[i]);
	free(r->checks);
	err_clear(&r->error);
	free(r);
}

static char *strdup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void diag_copy(struct diag *dst, const struct diag *src)
{
	*dst = *src;
	dst->file = strdup_or_null(src->file);
	dst->code = strdup_or_null(src->code);
	dst->message = strdup_or_null(src->message);
	dst->hint = strdup_or_null(src->hint);
	dst->tool = strdup_or_null(src->tool);
}

struct verify_result *verify_result_dup(const struct verify_result *r)
{
	struct verify_result *c = xcalloc(1, sizeof(*c));
	size_t i, j;

	*c = *r;
	c->error = (struct err)ERR_INIT; /* only good results are copied */
	c->checks = xcalloc(r->n ? r->n : 1, sizeof(*c->checks));
	for (i = 0; i < r->n; i++) {
		const struct verify_check_result *s = &r->checks[i];
		struct verify_check_result *d = &c->checks[i];

		*d = *s;
		d->name = xstrdup(s->name);
		d->tool = xstrdup(s->tool);
		memset(&d->command, 0, sizeof(d->command));
		strv_add_all(&d->command, &s->command);
		buf_init(&d->output, 0);
		buf_add(&d->output, s->output.ptr, s->output.len);
		memset(&d->diags, 0, sizeof(d->diags));
		for (j = 0; j < s->diags.n; j++)
			diag_copy(diag_list_push(&d->diags), &s->diags.v[j]);
	}
	return c;
}

void verify_result_write_json(struct json_writer *w,
			      const struct verify_result *r)
{
	size_t i, j, ran = 0, failed = 0, errors = 0, warnings = 0;

	json_obj_begin(w);
	json_kv_bool(w, "ok", r->ok);
	json_kv_bool(w, "cached", r->cached);
	if (r->tree[0])
		json_kv_str(w, "tree", r->tree);
	json_kv_int(w, "durationMs", (int64_t)(r->duration * 1000.0 + 0.5));
	json_key(w, "checks");
	json_arr_begin(w);
	for (i = 0; i < r->n; i++) {
		const struct verify_check_result *c = &r->checks[i];

		ran += c->status != VERIFY_SKIPPED;
		if (c->status == VERIFY_FAILED || c->status == VERIFY_TIMEOUT ||
		    c->status == VERIFY_ERROR)
			failed++;
		json_obj_begin(w);
		json_kv_str(w, "name", c->name);
		json_kv_str(w, "tool", c->tool);
		verify_write_strv(w, "command", &c->command);
		json_kv_str(w, "status", verify_status_name(c->status));
		json_kv_bool(w, "blocking", c->blocking);
		json_key(w, "exitCode");
		if (c->exit_code >= 0)
			json_w_int(w, c->exit_code);
		else
			json_w_null(w);
		json_kv_int(w, "durationMs",
			    (int64_t)(c->duration * 1000.0 + 0.5));
		json_key(w, "output");
		json_w_strn(w, c->output.ptr, c->output.len);
		json_kv_bool(w, "truncated", c->truncated);
		json_key(w, "diagnostics");
		json_arr_begin(w);
		for (j = 0; j < c->diags.n; j++) {
			errors += c->diags.v[j].severity == DIAG_ERROR;
			warnings += c->diags.v[j].severity == DIAG_WARNING;
			diag_write_json(w, &c->diags.v[j]);
		}
		json_arr_end(w);
		json_obj_end(w);
	}
	json_arr_end(w);
	json_key(w, "summary");
	json_obj_begin(w);
	json_kv_int(w, "checks", (int64_t)ran);
	json_kv_int(w, "failed", (int64_t)failed);
	json_kv_int(w, "errors", (int64_t)errors);
	json_kv_int(w, "warnings", (int64_t)warnings);
	json_obj_end(w);
	json_obj_end(w);
}


/* ---- reading back (the persisted cache) ---- */

static int status_parse(const struct json_doc *d, int v,
			enum verify_status *out)
{
	enum verify_status s;

	for (s = VERIFY_PASSED; s <= VERIFY_SKIPPED; s++)
		if (json_str_eq(d, v, verify_status_name(s))) {
			*out = s;
			return 0;
		}
	return -1;
}

static int severity_parse(const struct json_doc *d, int v,
			  enum diag_severity *out)
{
	enum diag_severity s;

	for (s = DIAG_ERROR; s <= DIAG_NOTE; s++)
		if (json_str_eq(d, v, diag_severity_name(s))) {
			*out = s;
			return 0;
		}
	return -1;
}

/* A string member, or NULL when null or absent; -1 for anything else. */
static int opt_str(const struct json_doc *d, int obj, const char *key,
		   char **out)
{
	int v = json_get(d, obj, key);

	*out = NULL;
	if (v < 0 || json_type(d, v) == JSON_NULL)
		return 0;
	return (*out = json_strdup(d, v)) ? 0 : -1;
}

/* A position: a positive integer, or null for unknown (0). */
static int opt_pos(const struct json_doc *d, int obj, const char *key,
		   int *out)
{
	int v = json_get(d, obj, key);
	int64_t n;

	*out = 0;
	if (v < 0 || json_type(d, v) == JSON_NULL)
		return 0;
	if (json_int64(d, v, &n) < 0 || n <= 0 || n > INT32_MAX)
		return -1;
	*out = (int)n;
	return 0;
}

static int diag_read(const struct json_doc *d, int v, struct diag *out)
{
	char *cat = NULL;
	int r = -1;

	memset(out, 0, sizeof(*out));
	if (json_type(d, v) != JSON_OBJECT ||
	    opt_str(d, v, "file", &out->file) < 0 ||
	    opt_pos(d, v, "line", &out->line) < 0 ||
	    opt_pos(d, v, "column", &out->column) < 0 ||
	    severity_parse(d, json_get(d, v, "severity"), &out->severity) < 0 ||
	    opt_str(d, v, "code", &out->code) < 0 ||
	    opt_str(d, v, "message", &out->message) < 0 ||
	    opt_str(d, v, "hint", &out->hint) < 0 ||
	    opt_str(d, v, "tool", &out->tool) < 0 ||
	    opt_str(d, v, "category", &cat) < 0 ||
	    !(out->category = classify_category_find(cat)))
		goto out;
	r = 0;
out:
	free(cat);
	return r;
}

static int check_read(const struct json_doc *d, int v,
		      struct verify_check_result *c)
{
	int x, k;
	int64_t n;

	buf_init(&c->output, 0);
	c->exit_code = -1;
	if (json_type(d, v) != JSON_OBJECT ||
	    !(c->name = json_strdup(d, json_get(d, v, "name"))) ||
	    !(c->tool = json_strdup(d, json_get(d, v, "tool"))) ||
	    status_parse(d, json_get(d, v, "status"), &c->status) < 0 ||
	    json_bool(d, json_get(d, v, "blocking"), &c->blocking) < 0 ||
	    json_bool(d, json_get(d, v, "truncated"), &c->truncated) < 0 ||
	    json_str(d, json_get(d, v, "output"), &c->output) < 0 ||
	    json_int64(d, json_get(d, v, "durationMs"), &n) < 0)
		return -1;
	c->duration = (double)n / 1000.0;
	x = json_get(d, v, "exitCode");
	if (json_type(d, x) != JSON_NULL) {
		if (json_int64(d, x, &n) < 0 || n < 0 || n > INT32_MAX)
			return -1;
		c->exit_code = (int)n;
	}
	x = json_get(d, v, "command");
	if (json_type(d, x) != JSON_ARRAY)
		return -1;
	for (k = json_first(d, x); k >= 0; k = json_next(d, k)) {
		char *s = json_strdup(d, k);

		if (!s)
			return -1;
		strv_push(&c->command, s);
	}
	x = json_get(d, v, "diagnostics");
	if (json_type(d, x) != JSON_ARRAY)
		return -1;
	for (k = json_first(d, x); k >= 0; k = json_next(d, k))
		if (diag_read(d, k, diag_list_push(&c->diags)) < 0)
			return -1;
	return 0;
}

int verify_result_read_json(struct verify_result **out,
			    const struct json_doc *d, int v)
{
	struct verify_result *r = verify_result_new();
	int checks = json_get(d, v, "checks"), k;
	int64_t ms;
	struct buf tree = BUF_INIT;

	*out = NULL;
	if (json_type(d, v) != JSON_OBJECT ||
	    json_bool(d, json_get(d, v, "ok"), &r->ok) < 0 ||
	    json_int64(d, json_get(d, v, "durationMs"), &ms) < 0 ||
	    json_type(d, checks) != JSON_ARRAY)
		goto fail;
	r->duration = (double)ms / 1000.0;
	if (json_get(d, v, "tree") >= 0) {
		if (json_str(d, json_get(d, v, "tree"), &tree) < 0 ||
		    tree.len >= sizeof(r->tree))
			goto fail;
		memcpy(r->tree, tree.ptr, tree.len + 1);
	}
	r->checks = xcalloc((size_t)json_count(d, checks) + 1,
			    sizeof(*r->checks));
	for (k = json_first(d, checks); k >= 0; k = json_next(d, k))
		if (check_read(d, k, &r->checks[r->n++]) < 0)
			goto fail;
	buf_release(&tree);
	*out = r;
	return 0;
fail:
	buf_release(&tree);
	verify_result_free(r);
	return -1;
}
