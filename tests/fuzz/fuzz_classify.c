/*
 * Fuzz target: any bytes as build output through the shipped pattern
 * database, with the first byte choosing a tool hint. Every diagnostic must
 * be well formed (a category, a tool, sane positions) and serialize to valid
 * JSON.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "classify/classify.h"

static struct classify_db *db;

static const char *const hints[] = { NULL, "tsc", "eslint", "gcc", "python",
				     "node", "jest", "rustc", "go", "javac" };

static void check(const struct diag *d)
{
	struct buf out = BUF_INIT;
	struct json_writer w;
	struct json_doc doc = JSON_DOC_INIT;

	if (!d->category || !d->tool || d->line < 0 || d->column < 0)
		abort();
	json_writer_init(&w, &out);
	diag_write_json(&w, d);
	if (json_parse(&doc, out.ptr, out.len, 0, NULL) < 0)
		abort();
	json_doc_release(&doc);
	buf_release(&out);
}

/* A repository where every path with a '.' exists. */
static bool any_file(void *ctx, const char *path)
{
	(void)ctx;
	return strchr(path, '.') != NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list l = DIAG_LIST_INIT;
	struct err e = ERR_INIT;
	const char *hint = NULL;
	bool failed = false;
	size_t i;

	if (!db && classify_db_load(&db, NULL, &e) < 0)
		abort();
	if (size) {
		failed = data[0] & 0x80;
		hint = hints[data[0] % (sizeof(hints) / sizeof(*hints))];
		data++;
		size--;
	}
	/* a high first byte: as verify calls it, a failed run with the
	 * repository's files known (the general layer's strong evidence) */
	if (failed) {
		struct classify_opts o = { hint, 0, true, any_file, NULL };

		if (classify_text_opts(db, &o, (const char *)data, size, &l, NULL,
				       &e) < 0 || l.n == 0)
			abort();
	} else {
		/* as `airunner classify LOG` calls it: no repository, the
		 * failure read from the log; a failed one is never nothing */
		struct classify_opts o = { hint, 0, false, NULL, NULL };

		o.failed = classify_output_failed((const char *)data, size);
		if (classify_text_opts(db, &o, (const char *)data, size, &l, NULL,
				       &e) < 0 || (o.failed && l.n == 0))
			abort();
	}
	for (i = 0; i < l.n; i++)
		check(&l.v[i]);
	diag_list_release(&l);
	return 0;
}
