/* Results: what a run produced, copied, written as JSON, freed. */
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

