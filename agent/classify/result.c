/*
 * The errors/classify result, {diagnostics, summary}: one writer for the
 * method and for `airunner classify --format json`, so both print the same.
 */
#include <string.h>

#include "classify/classify.h"

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

void classify_write_result(struct json_writer *w, const struct diag_list *l)
{
	size_t i;

	json_obj_begin(w);
	json_key(w, "diagnostics");
	json_arr_begin(w);
	for (i = 0; i < l->n; i++)
		diag_write_json(w, &l->v[i]);
	json_arr_end(w);
	write_summary(w, l);
	json_obj_end(w);
}
