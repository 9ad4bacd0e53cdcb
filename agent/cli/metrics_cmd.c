#include "cli/metrics_cmd.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/output.h"
#include "json/json.h"
#include "store/store.h"

enum format { FMT_TABLE, FMT_JSON, FMT_OPENMETRICS };

/* "7d", "24h", "30m", "90s" or plain seconds: how far back. -1 if bad. */
static double parse_age(const char *s)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s || v < 0)
		return -1;
	if (!*end || !strcmp(end, "s"))
		return v;
	if (!strcmp(end, "m"))
		return v * 60;
	if (!strcmp(end, "h"))
		return v * 3600;
	if (!strcmp(end, "d"))
		return v * 86400;
	if (!strcmp(end, "w"))
		return v * 7 * 86400;
	return -1;
}

static double num(const struct json_doc *d, int obj, const char *key)
{
	double v = 0;

	json_double(d, json_get(d, obj, key), &v);
	return v;
}

/* "12 ms", "3.4 s", or "-" when the figure is null. */
static void add_ms(struct buf *out, const struct json_doc *d, int obj,
		   const char *key)
{
	int v = json_get(d, obj, key);
	double ms;

	if (json_double(d, v, &ms) < 0)
		buf_adds(out, "-");
	else if (ms < 1000)
		buf_addf(out, "%.0f ms", ms);
	else
		buf_addf(out, "%.1f s", ms / 1000);
}

static void add_rate(struct buf *out, const struct json_doc *d, int obj,
		     const char *key)
{
	double r;

	if (json_double(d, json_get(d, obj, key), &r) < 0)
		buf_adds(out, "-");
	else
		buf_addf(out, "%.1f%%", r * 100);
}

static void table_row(struct buf *out, const struct json_doc *d,
		      const char *name, int runs)
{
	struct buf p50 = BUF_INIT, p95 = BUF_INIT, rate = BUF_INIT;
	int dur = json_get(d, runs, "duration");

	add_ms(&p50, d, dur, "p50Ms");
	add_ms(&p95, d, dur, "p95Ms");
	add_rate(&rate, d, runs, "successRate");
	buf_addf(out, "%-10s %6.0f %6.0f %6.0f %9.0f %11.0f %8s %9s %9s\n",
		 name, num(d, runs, "total"), num(d, runs, "succeeded"),
		 num(d, runs, "failed"), num(d, runs, "cancelled"),
		 num(d, runs, "interrupted"), rate.ptr, p50.ptr, p95.ptr);
	buf_release(&p50);
	buf_release(&p95);
	buf_release(&rate);
}

/* The summary as a person reads it. */
static int render_table(struct buf *out, const char *json, size_t n,
			double since, struct err *e)
{
	struct json_doc d = JSON_DOC_INIT;
	struct buf s = BUF_INIT;
	char when[64];
	time_t t = (time_t)since;
	int v, k, ver, lat, heal, tok;

	if (json_parse(&d, json, n, 0, e) < 0)
		return -1;
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M", localtime(&t));
	buf_addf(out, "airunner runs since %s\n\n", when);
	buf_addf(out, "%-10s %6s %6s %6s %9s %11s %8s %9s %9s\n", "kind",
		 "runs", "ok", "failed", "cancelled", "interrupted",
		 "success", "p50", "p95");
	v = json_get(&d, 0, "byKind");
	for (k = json_first(&d, v); k >= 0; k = json_next(&d, k)) {
		buf_reset(&s);
		json_str(&d, json_get(&d, k, "kind"), &s);
		table_row(out, &d, s.ptr, k);
	}
	table_row(out, &d, "all", json_get(&d, 0, "runs"));

	tok = json_get(&d, 0, "tokens");
	buf_addf(out, "\ntokens: %.0f in, %.0f out, %.0f read from the "
		      "prompt cache (",
		 num(&d, tok, "input"), num(&d, tok, "output"),
		 num(&d, tok, "cacheRead"));
	add_rate(out, &d, 0, "cacheReadShare");
	buf_addf(out, " of the prompt), %.0f written to it; cost $%.4f\n",
		 num(&d, tok, "cacheWrite"), num(&d, 0, "cost"));

	ver = json_get(&d, 0, "verification");
	lat = json_get(&d, ver, "hookLatency");
	buf_addf(out, "verification: %.0f runs, %.0f passed (",
		 num(&d, ver, "runs"), num(&d, ver, "passed"));
	add_rate(out, &d, ver, "passRate");
	buf_adds(out, "); the hook waited p50 ");
	add_ms(out, &d, lat, "p50Ms");
	buf_adds(out, ", p95 ");
	add_ms(out, &d, lat, "p95Ms");
	buf_addch(out, '\n');

	heal = json_get(&d, 0, "healing");
	buf_addf(out, "self-healing: %.0f runs needed more than one attempt, "
		      "%.0f healed (",
		 num(&d, heal, "runs"), num(&d, heal, "healed"));
	add_rate(out, &d, heal, "rate");
	buf_adds(out, ")\n");

	v = json_get(&d, 0, "topErrorCategories");
	if (json_count(&d, v) > 0) {
		buf_adds(out, "top error categories:");
		for (k = json_first(&d, v); k >= 0; k = json_next(&d, k)) {
			buf_reset(&s);
			json_str(&d, json_get(&d, k, "category"), &s);
			buf_addf(out, " %s (%.0f)", s.ptr,
				 num(&d, k, "runs"));
		}
		buf_addch(out, '\n');
	}
	buf_release(&s);
	json_doc_release(&d);
	return 0;
}

int cmd_metrics(int argc, char **argv)
{
	struct store_metrics_filter f = { 0 };
	struct store *st = NULL;
	struct buf path = BUF_INIT, out = BUF_INIT, json = BUF_INIT;
	struct json_writer w;
	struct err e = ERR_INIT;
	enum format fmt = FMT_TABLE;
	char repo[PATH_MAX];
	double age = 7 * 86400;
	int i, r = EXIT_USAGE;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--since") && i + 1 < argc) {
			if ((age = parse_age(argv[++i])) < 0)
				return output_usage("metrics",
						    "bad --since %s (7d, 24h, "
						    "30m, 90s)", argv[i]);
		} else if (!strcmp(argv[i], "--repo") && i + 1 < argc) {
			if (!realpath(argv[++i], repo))
				return output_usage("metrics", "no folder %s",
						    argv[i]);
			f.work_tree = repo;
		} else if (!strcmp(argv[i], "--kind") && i + 1 < argc) {
			f.kind = argv[++i];
		} else if (!strcmp(argv[i], "--json")) {
			fmt = FMT_JSON;
		} else if (!strcmp(argv[i], "--format") && i + 1 < argc) {
			const char *s = argv[++i];

			if (!strcmp(s, "table"))
				fmt = FMT_TABLE;
			else if (!strcmp(s, "json"))
				fmt = FMT_JSON;
			else if (!strcmp(s, "openmetrics"))
				fmt = FMT_OPENMETRICS;
			else
				return output_usage("metrics",
						    "--format is table, json "
						    "or openmetrics, not %s",
						    s);
		} else {
			return output_usage("metrics", "unknown option %s",
					    argv[i]);
		}
	}
	f.since = (double)time(NULL) - age;
	store_default_path(&path);
	if (store_open(&st, path.ptr, &e) < 0)
		goto fail;
	if (fmt == FMT_OPENMETRICS) {
		if (store_metrics_openmetrics(st, &f, 0, &out, &e) < 0)
			goto fail;
	} else {
		json_writer_init(&w, &json);
		if (store_metrics_summary(st, &f, &w, &e) < 0)
			goto fail;
		if (fmt == FMT_JSON) {
			buf_add(&out, json.ptr, json.len);
			buf_addch(&out, '\n');
		} else if (render_table(&out, json.ptr, json.len, f.since,
					&e) < 0) {
			goto fail;
		}
	}
	r = output_write(stdout, &out) < 0 ? EXIT_USAGE : EXIT_OK;
	goto out;
fail:
	fprintf(stderr, "airunner: metrics: %s\n", e.msg.ptr);
	r = EXIT_USAGE;
out:
	store_close(st);
	buf_release(&path);
	buf_release(&out);
	buf_release(&json);
	err_clear(&e);
	return r;
}
