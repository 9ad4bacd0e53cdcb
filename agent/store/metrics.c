/*
 * store metrics: the figures of `metrics/summary` over a window of runs,
 * written as JSON or as OpenMetrics text.
 *
 * Four queries: the id range of the window, one sequential scan of the runs
 * in it (runs carry their attempts' totals and their verification's
 * verdict), the diagnostic counts by category and the self-healing attempts
 * (each read from its own index on the run's creation time). Counting and percentiles happen here in C:
 * one pass, then one sort per kind.
 */
#include "store/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/mem.h"

#define TOP_ERROR_CATEGORIES 10

struct dvec {
	double *v;
	size_t n, cap;
	double sum;
	double p50, p95; /* set by dvec_finish when n > 0 */
};

/* Counts for one kind, or for all of them. */
struct kind_acc {
	char *kind; /* owned; NULL for the total */
	int64_t states[STORE_NSTATES];
	int64_t total;
	struct dvec dur;
};

/* A category with two counts (runs; or tried and succeeded). */
struct cat_acc {
	char *name; /* owned */
	int64_t a, b;
};

struct cat_list {
	struct cat_acc *v;
	size_t n, cap;
};

struct attempt_acc {
	int attempt;
	int64_t tried, succeeded;
};

struct metrics {
	struct kind_acc all;
	struct kind_acc *kinds;
	size_t nkinds;
	int64_t tokens_input, tokens_output, tokens_cache_read,
		tokens_cache_write;
	double cost;
	int64_t verif_runs, verif_passed, verif_cached;
	struct dvec hook_latency;
	struct cat_list diags;      /* a = diagnostics */
	int64_t heal_runs, healed;
	struct attempt_acc *by_attempt; /* sorted by attempt */
	size_t nattempts;
	struct cat_list heal_cats;  /* a = tried, b = succeeded */
	struct cat_list errors;     /* a = runs */
};

static void dvec_push(struct dvec *d, double x)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 64;
		d->v = xrealloc(d->v, d->cap * sizeof(*d->v));
	}
	d->v[d->n++] = x;
	d->sum += x;
}

/* Moves the k-th smallest of v[0..n) to v[k], smaller ones before it and
 * larger ones after (Hoare's selection, median-of-three pivot): linear on
 * average, where sorting 100,000 durations was a quarter of a summary. */
static void select_kth(double *v, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, i = lo, j = hi;
		double a = v[lo], b = v[mid], c = v[hi], pivot, t;

		pivot = a < b ? (b < c ? b : (a < c ? c : a))
			      : (a < c ? a : (b < c ? c : b));
		while (i <= j) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i <= j) {
				t = v[i];
				v[i] = v[j];
				v[j] = t;
				i++;
				if (j == 0)
					break;
				j--;
			}
		}
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			return;
	}
}

/* Nearest rank: the value at rank ceil(p/100 * n) of the sorted values. */
static size_t nearest_rank(size_t n, double p)
{
	size_t rank = (size_t)ceil(p / 100.0 * (double)n);

	return rank < 1 ? 0 : rank - 1;
}

static void dvec_finish(struct dvec *d)
{
	size_t k50, k95;

	if (!d->n)
		return;
	k50 = nearest_rank(d->n, 50);
	k95 = nearest_rank(d->n, 95);
	select_kth(d->v, d->n, k50);
	d->p50 = d->v[k50];
	/* Everything from k50 up is >= p50: select within it. */
	select_kth(d->v + k50, d->n - k50, k95 - k50);
	d->p95 = d->v[k95];
}

static struct cat_acc *cat_get(struct cat_list *l, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].name, name) == 0)
			return &l->v[i];
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n] = (struct cat_acc){ xstrdup(name), 0, 0 };
	return &l->v[l->n++];
}

static int cmp_cat_desc(const void *a, const void *b)
{
	const struct cat_acc *x = a, *y = b;

	if (x->a != y->a)
		return x->a < y->a ? 1 : -1;
	return strcmp(x->name, y->name);
}

static void cat_list_release(struct cat_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].name);
	free(l->v);
}

static struct kind_acc *kind_get(struct metrics *m, const char *kind)
{
	for (size_t i = 0; i < m->nkinds; i++)
		if (strcmp(m->kinds[i].kind, kind) == 0)
			return &m->kinds[i];
	m->kinds = xrealloc(m->kinds, (m->nkinds + 1) * sizeof(*m->kinds));
	memset(&m->kinds[m->nkinds], 0, sizeof(*m->kinds));
	m->kinds[m->nkinds].kind = xstrdup(kind);
	return &m->kinds[m->nkinds++];
}

static int cmp_kind(const void *a, const void *b)
{
	return strcmp(((const struct kind_acc *)a)->kind,
		      ((const struct kind_acc *)b)->kind);
}

static struct attempt_acc *attempt_get(struct metrics *m, int attempt)
{
	size_t i;

	for (i = 0; i < m->nattempts; i++)
		if (m->by_attempt[i].attempt == attempt)
			return &m->by_attempt[i];
	m->by_attempt = xrealloc(m->by_attempt,
				 (m->nattempts + 1) * sizeof(*m->by_attempt));
	/* Keep them sorted: insert in place. */
	for (i = m->nattempts; i > 0 && m->by_attempt[i - 1].attempt > attempt;
	     i--)
		m->by_attempt[i] = m->by_attempt[i - 1];
	m->by_attempt[i] = (struct attempt_acc){ attempt, 0, 0 };
	m->nattempts++;
	return &m->by_attempt[i];
}

static void metrics_release(struct metrics *m)
{
	free(m->all.dur.v);
	for (size_t i = 0; i < m->nkinds; i++) {
		free(m->kinds[i].kind);
		free(m->kinds[i].dur.v);
	}
	free(m->kinds);
	free(m->hook_latency.v);
	free(m->by_attempt);
	cat_list_release(&m->diags);
	cat_list_release(&m->heal_cats);
	cat_list_release(&m->errors);
}

/* qsort, which must not be given NULL even for nothing. */
static void sort(void *v, size_t n, size_t size,
		 int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(v, n, size, cmp);
}

static sqlite3_stmt *window_stmt(struct store *s, enum st_id id,
				 const struct store_metrics_filter *f,
				 struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, id, e);

	if (!st)
		return NULL;
	sqlite3_bind_double(st, 1, f->since);
	sqlite3_bind_double(st, 2, f->until > 0 ? f->until : HUGE_VAL);
	store_bind_text(st, 3, f->work_tree);
	store_bind_text(st, 4, f->kind);
	return st;
}

/* The state from its name, by its first letters (the CHECK constraint
 * keeps the column to the six names): this runs once per run scanned. */
static int state_of(const char *st, enum store_state *out)
{
	if (!st)
		return -1;
	switch (st[0]) {
	case 'q': *out = STORE_QUEUED; return 0;
	case 'r': *out = STORE_RUNNING; return 0;
	case 's': *out = STORE_SUCCEEDED; return 0;
	case 'f': *out = STORE_FAILED; return 0;
	case 'c': *out = STORE_CANCELLED; return 0;
	case 'i': *out = STORE_INTERRUPTED; return 0;
	}
	return -1;
}

/* One row of ST_M_RUNS. Columns are read only when the row needs them: a
 * column call per run is a measurable part of a 100,000-run summary. */
static void count_run(struct metrics *m, sqlite3_stmt *st)
{
	const char *kind = (const char *)sqlite3_column_text(st, 0);
	struct kind_acc *k;
	enum store_state sv;
	int attempts;

	if (state_of((const char *)sqlite3_column_text(st, 1), &sv) < 0)
		return;
	k = kind_get(m, kind ? kind : "");
	k->total++;
	k->states[sv]++;
	m->all.total++;
	m->all.states[sv]++;
	if (sv >= STORE_SUCCEEDED && sqlite3_column_type(st, 2) != SQLITE_NULL) {
		double d = sqlite3_column_double(st, 2);

		dvec_push(&k->dur, d);
		dvec_push(&m->all.dur, d);
	}
	if (sqlite3_column_type(st, 3) != SQLITE_NULL)
		dvec_push(&m->hook_latency, sqlite3_column_double(st, 3));
	if (sv == STORE_FAILED || sv == STORE_INTERRUPTED) {
		const char *cat = (const char *)sqlite3_column_text(st, 4);

		if (cat)
			cat_get(&m->errors, cat)->a++;
	}
	attempts = sqlite3_column_int(st, 5);
	m->cost += sqlite3_column_double(st, 6);
	if (sqlite3_column_type(st, 7) != SQLITE_NULL) {
		m->verif_runs++;
		m->verif_passed += sqlite3_column_int(st, 7) != 0;
		m->verif_cached += sqlite3_column_int(st, 8) != 0;
	}
	if (attempts > 0) {
		m->tokens_input += sqlite3_column_int64(st, 9);
		m->tokens_output += sqlite3_column_int64(st, 10);
		m->tokens_cache_read += sqlite3_column_int64(st, 11);
		m->tokens_cache_write += sqlite3_column_int64(st, 12);
	}
	if (attempts >= 2) {
		m->heal_runs++;
		m->healed += sv == STORE_SUCCEEDED;
	}
}

static int metrics_compute(struct store *s, const struct store_metrics_filter *f,
			   struct metrics *m, struct err *e)
{
	sqlite3_stmt *st;
	int64_t lo = 1, hi = 0;
	int rc;

	memset(m, 0, sizeof(*m));
	/* One read transaction: the three queries see the same snapshot
	 * while another agent keeps writing. */
	rc = sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_sqlerr(s, rc, e, "reading metrics");

	if (!(st = window_stmt(s, ST_M_RANGE, f, e)))
		goto fail;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		lo = sqlite3_column_int64(st, 0);
		hi = sqlite3_column_type(st, 1) == SQLITE_NULL
			     ? 0 : sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		goto sqlfail;
	if (!(st = window_stmt(s, ST_M_RUNS, f, e)))
		goto fail;
	sqlite3_bind_int64(st, 5, lo);
	sqlite3_bind_int64(st, 6, hi);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		count_run(m, st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto sqlfail;

	if (!(st = window_stmt(s, ST_M_DIAGS, f, e)))
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		cat_get(&m->diags, (const char *)sqlite3_column_text(st, 0))->a +=
			sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto sqlfail;

	if (!(st = window_stmt(s, ST_M_HEAL, f, e)))
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		bool ok = sqlite3_column_int(st, 1) != 0;
		const char *cat = (const char *)sqlite3_column_text(st, 2);
		struct attempt_acc *a = attempt_get(m,
						    sqlite3_column_int(st, 0));
		struct cat_acc *c = cat_get(&m->heal_cats,
					    cat ? cat : "unknown");

		a->tried++;
		a->succeeded += ok;
		c->a++;
		c->b += ok;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto sqlfail;
	sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);

	sort(m->kinds, m->nkinds, sizeof(*m->kinds), cmp_kind);
	for (size_t i = 0; i < m->nkinds; i++)
		dvec_finish(&m->kinds[i].dur);
	dvec_finish(&m->all.dur);
	dvec_finish(&m->hook_latency);
	sort(m->errors.v, m->errors.n, sizeof(*m->errors.v), cmp_cat_desc);
	sort(m->diags.v, m->diags.n, sizeof(*m->diags.v), cmp_cat_desc);
	sort(m->heal_cats.v, m->heal_cats.n, sizeof(*m->heal_cats.v),
	     cmp_cat_desc);
	return 0;
sqlfail:
	store_sqlerr(s, rc, e, "reading metrics");
fail:
	sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	metrics_release(m);
	return -1;
}

/* ---- JSON ---- */

static void kv_ratio(struct json_writer *w, const char *key, double num,
		     double den)
{
	json_key(w, key);
	if (den > 0)
		json_w_double(w, num / den);
	else
		json_w_null(w);
}

static void write_dist(struct json_writer *w, const char *key,
		       const struct dvec *d)
{
	json_key(w, key);
	json_obj_begin(w);
	json_kv_int(w, "count", (int64_t)d->n);
	json_kv_double(w, "sumMs", d->sum * 1000);
	json_key(w, "p50Ms");
	if (d->n)
		json_w_double(w, d->p50 * 1000);
	else
		json_w_null(w);
	json_key(w, "p95Ms");
	if (d->n)
		json_w_double(w, d->p95 * 1000);
	else
		json_w_null(w);
	json_obj_end(w);
}

static double success_den(const struct kind_acc *k)
{
	return (double)(k->states[STORE_SUCCEEDED] + k->states[STORE_FAILED] +
			k->states[STORE_INTERRUPTED]);
}

/* The members of a "runs" / "byKind" object (without the braces). */
static void write_kind_fields(struct json_writer *w, const struct kind_acc *k)
{
	json_kv_int(w, "total", k->total);
	for (int i = 0; i < STORE_NSTATES; i++)
		json_kv_int(w, store_state_name((enum store_state)i),
			    k->states[i]);
	kv_ratio(w, "successRate", (double)k->states[STORE_SUCCEEDED],
		 success_den(k));
	write_dist(w, "duration", &k->dur);
}

static void kv_opt_str(struct json_writer *w, const char *key, const char *v)
{
	json_key(w, key);
	if (v)
		json_w_str(w, v);
	else
		json_w_null(w);
}

static void write_summary(struct json_writer *w,
			  const struct store_metrics_filter *f,
			  const struct metrics *m)
{
	int64_t prompt = m->tokens_input + m->tokens_cache_read +
			 m->tokens_cache_write;
	size_t i;

	json_obj_begin(w);
	json_kv_double(w, "since", f->since);
	json_key(w, "until");
	if (f->until > 0)
		json_w_double(w, f->until);
	else
		json_w_null(w);
	kv_opt_str(w, "workTree", f->work_tree);
	kv_opt_str(w, "kind", f->kind);

	json_key(w, "runs");
	json_obj_begin(w);
	write_kind_fields(w, &m->all);
	json_obj_end(w);
	json_key(w, "byKind");
	json_arr_begin(w);
	for (i = 0; i < m->nkinds; i++) {
		json_obj_begin(w);
		json_kv_str(w, "kind", m->kinds[i].kind);
		write_kind_fields(w, &m->kinds[i]);
		json_obj_end(w);
	}
	json_arr_end(w);

	json_key(w, "tokens");
	json_obj_begin(w);
	json_kv_int(w, "input", m->tokens_input);
	json_kv_int(w, "output", m->tokens_output);
	json_kv_int(w, "cacheRead", m->tokens_cache_read);
	json_kv_int(w, "cacheWrite", m->tokens_cache_write);
	json_obj_end(w);
	json_kv_double(w, "cost", m->cost);
	kv_ratio(w, "cacheReadShare", (double)m->tokens_cache_read,
		 (double)prompt);

	json_key(w, "verification");
	json_obj_begin(w);
	json_kv_int(w, "runs", m->verif_runs);
	json_kv_int(w, "passed", m->verif_passed);
	json_kv_int(w, "failed", m->verif_runs - m->verif_passed);
	json_kv_int(w, "cached", m->verif_cached);
	kv_ratio(w, "passRate", (double)m->verif_passed,
		 (double)m->verif_runs);
	write_dist(w, "hookLatency", &m->hook_latency);
	json_key(w, "diagnostics");
	json_arr_begin(w);
	for (i = 0; i < m->diags.n; i++) {
		json_obj_begin(w);
		json_kv_str(w, "category", m->diags.v[i].name);
		json_kv_int(w, "count", m->diags.v[i].a);
		json_obj_end(w);
	}
	json_arr_end(w);
	json_obj_end(w);

	json_key(w, "healing");
	json_obj_begin(w);
	json_kv_int(w, "runs", m->heal_runs);
	json_kv_int(w, "healed", m->healed);
	kv_ratio(w, "rate", (double)m->healed, (double)m->heal_runs);
	json_key(w, "byAttempt");
	json_arr_begin(w);
	for (i = 0; i < m->nattempts; i++) {
		const struct attempt_acc *a = &m->by_attempt[i];

		json_obj_begin(w);
		json_kv_int(w, "attempt", a->attempt);
		json_kv_int(w, "tried", a->tried);
		json_kv_int(w, "succeeded", a->succeeded);
		kv_ratio(w, "rate", (double)a->succeeded, (double)a->tried);
		json_obj_end(w);
	}
	json_arr_end(w);
	json_key(w, "byCategory");
	json_arr_begin(w);
	for (i = 0; i < m->heal_cats.n; i++) {
		const struct cat_acc *c = &m->heal_cats.v[i];

		json_obj_begin(w);
		json_kv_str(w, "category", c->name);
		json_kv_int(w, "tried", c->a);
		json_kv_int(w, "succeeded", c->b);
		kv_ratio(w, "rate", (double)c->b, (double)c->a);
		json_obj_end(w);
	}
	json_arr_end(w);
	json_obj_end(w);

	json_key(w, "topErrorCategories");
	json_arr_begin(w);
	for (i = 0; i < m->errors.n && i < TOP_ERROR_CATEGORIES; i++) {
		json_obj_begin(w);
		json_kv_str(w, "category", m->errors.v[i].name);
		json_kv_int(w, "runs", m->errors.v[i].a);
		json_obj_end(w);
	}
	json_arr_end(w);
	json_obj_end(w);
}

int store_metrics_summary(struct store *s, const struct store_metrics_filter *f,
			  struct json_writer *w, struct err *e)
{
	struct metrics m;

	if (metrics_compute(s, f, &m, e) < 0)
		return -1;
	write_summary(w, f, &m);
	metrics_release(&m);
	return 0;
}

/* ---- OpenMetrics ---- */

struct om {
	struct buf *out;
	struct buf ts; /* " <timestamp>" or empty */
};

static void om_family(struct om *o, const char *name, const char *type,
		      const char *unit, const char *help)
{
	buf_addf(o->out, "# TYPE %s %s\n", name, type);
	if (unit)
		buf_addf(o->out, "# UNIT %s %s\n", name, unit);
	buf_addf(o->out, "# HELP %s %s\n", name, help);
}

/* A label value, escaped as OpenMetrics wants (\\, \", \n). */
static void om_label(struct buf *l, const char *name, const char *value)
{
	if (l->len)
		buf_addch(l, ',');
	buf_addf(l, "%s=\"", name);
	for (const char *p = value; *p; p++) {
		if (*p == '\\' || *p == '"')
			buf_addch(l, '\\');
		if (*p == '\n')
			buf_adds(l, "\\n");
		else
			buf_addch(l, *p);
	}
	buf_addch(l, '"');
}

static void om_head(struct om *o, const char *name, const char *suffix,
		    const struct buf *labels)
{
	buf_addf(o->out, "%s%s", name, suffix);
	if (labels && labels->len)
		buf_addf(o->out, "{%s}", labels->ptr);
	buf_addch(o->out, ' ');
}

static void om_int(struct om *o, const char *name, const char *suffix,
		   const struct buf *labels, int64_t v)
{
	om_head(o, name, suffix, labels);
	buf_addf(o->out, "%lld%s\n", (long long)v, o->ts.ptr);
}

static void om_double(struct om *o, const char *name, const char *suffix,
		      const struct buf *labels, double v)
{
	if (!isfinite(v))
		return;
	om_head(o, name, suffix, labels);
	buf_addf(o->out, "%.15g%s\n", v, o->ts.ptr);
}

static void om_ratio(struct om *o, const char *name, const struct buf *labels,
		     double num, double den)
{
	if (den > 0)
		om_double(o, name, "", labels, num / den);
}

static void om_summary(struct om *o, const char *name, struct buf *labels,
		       const struct dvec *d)
{
	size_t base = labels->len;

	if (d->n) {
		om_label(labels, "quantile", "0.5");
		om_double(o, name, "", labels, d->p50);
		buf_truncate(labels, base);
		om_label(labels, "quantile", "0.95");
		om_double(o, name, "", labels, d->p95);
		buf_truncate(labels, base);
	}
	om_double(o, name, "_sum", labels, d->sum);
	om_int(o, name, "_count", labels, (int64_t)d->n);
}

static void write_openmetrics(struct om *o, const struct metrics *m)
{
	static const char *const token_types[] = {
		"input", "output", "cache_read", "cache_write"
	};
	const int64_t tokens[] = {
		m->tokens_input, m->tokens_output, m->tokens_cache_read,
		m->tokens_cache_write
	};
	struct buf l = BUF_INIT, num = BUF_INIT;
	size_t i;
	int j;

	om_family(o, "airunner_runs", "counter", NULL,
		  "Runs created in the window, by kind and state.");
	for (i = 0; i < m->nkinds; i++)
		for (j = 0; j < STORE_NSTATES; j++) {
			buf_reset(&l);
			om_label(&l, "kind", m->kinds[i].kind);
			om_label(&l, "state",
				 store_state_name((enum store_state)j));
			om_int(o, "airunner_runs", "_total", &l,
			       m->kinds[i].states[j]);
		}

	om_family(o, "airunner_run_success_ratio", "gauge", NULL,
		  "Succeeded over succeeded, failed and interrupted runs.");
	for (i = 0; i < m->nkinds; i++) {
		buf_reset(&l);
		om_label(&l, "kind", m->kinds[i].kind);
		om_ratio(o, "airunner_run_success_ratio", &l,
			 (double)m->kinds[i].states[STORE_SUCCEEDED],
			 success_den(&m->kinds[i]));
	}

	om_family(o, "airunner_run_duration_seconds", "summary", "seconds",
		  "Time from start to end of finished runs (nearest rank).");
	for (i = 0; i < m->nkinds; i++) {
		buf_reset(&l);
		om_label(&l, "kind", m->kinds[i].kind);
		om_summary(o, "airunner_run_duration_seconds", &l,
			   &m->kinds[i].dur);
	}

	om_family(o, "airunner_tokens", "counter", NULL,
		  "Model tokens by type (input is the uncached prompt).");
	for (j = 0; j < 4; j++) {
		buf_reset(&l);
		om_label(&l, "type", token_types[j]);
		om_int(o, "airunner_tokens", "_total", &l, tokens[j]);
	}

	om_family(o, "airunner_cost_dollars", "counter", "dollars",
		  "Model cost.");
	om_double(o, "airunner_cost_dollars", "_total", NULL, m->cost);

	om_family(o, "airunner_prompt_cache_read_ratio", "gauge", NULL,
		  "Share of prompt tokens read from the prompt cache.");
	om_ratio(o, "airunner_prompt_cache_read_ratio", NULL,
		 (double)m->tokens_cache_read,
		 (double)(m->tokens_input + m->tokens_cache_read +
			  m->tokens_cache_write));

	om_family(o, "airunner_verifications", "counter", NULL,
		  "Verifications by result.");
	buf_reset(&l);
	om_label(&l, "result", "passed");
	om_int(o, "airunner_verifications", "_total", &l, m->verif_passed);
	buf_reset(&l);
	om_label(&l, "result", "failed");
	om_int(o, "airunner_verifications", "_total", &l,
	       m->verif_runs - m->verif_passed);

	om_family(o, "airunner_verification_pass_ratio", "gauge", NULL,
		  "Share of verifications that passed.");
	om_ratio(o, "airunner_verification_pass_ratio", NULL,
		 (double)m->verif_passed, (double)m->verif_runs);

	om_family(o, "airunner_hook_verification_latency_seconds", "summary",
		  "seconds",
		  "Time the commit hook waited for a verification (nearest rank).");
	buf_reset(&l);
	om_summary(o, "airunner_hook_verification_latency_seconds", &l,
		   &m->hook_latency);

	om_family(o, "airunner_diagnostics", "counter", NULL,
		  "Diagnostics found by verifications, by category.");
	for (i = 0; i < m->diags.n; i++) {
		buf_reset(&l);
		om_label(&l, "category", m->diags.v[i].name);
		om_int(o, "airunner_diagnostics", "_total", &l,
		       m->diags.v[i].a);
	}

	om_family(o, "airunner_healing_attempts", "counter", NULL,
		  "Self-healing attempts (number 2 and up) by result.");
	for (i = 0; i < m->nattempts; i++) {
		buf_reset(&num);
		buf_addf(&num, "%d", m->by_attempt[i].attempt);
		buf_reset(&l);
		om_label(&l, "attempt", num.ptr);
		om_label(&l, "result", "succeeded");
		om_int(o, "airunner_healing_attempts", "_total", &l,
		       m->by_attempt[i].succeeded);
		buf_reset(&l);
		om_label(&l, "attempt", num.ptr);
		om_label(&l, "result", "failed");
		om_int(o, "airunner_healing_attempts", "_total", &l,
		       m->by_attempt[i].tried - m->by_attempt[i].succeeded);
	}

	om_family(o, "airunner_healing_category_attempts", "counter", NULL,
		  "Self-healing attempts by the error category they healed.");
	for (i = 0; i < m->heal_cats.n; i++) {
		buf_reset(&l);
		om_label(&l, "category", m->heal_cats.v[i].name);
		om_label(&l, "result", "succeeded");
		om_int(o, "airunner_healing_category_attempts", "_total", &l,
		       m->heal_cats.v[i].b);
		buf_reset(&l);
		om_label(&l, "category", m->heal_cats.v[i].name);
		om_label(&l, "result", "failed");
		om_int(o, "airunner_healing_category_attempts", "_total", &l,
		       m->heal_cats.v[i].a - m->heal_cats.v[i].b);
	}

	om_family(o, "airunner_run_errors", "counter", NULL,
		  "Failed and interrupted runs by error category.");
	for (i = 0; i < m->errors.n; i++) {
		buf_reset(&l);
		om_label(&l, "category", m->errors.v[i].name);
		om_int(o, "airunner_run_errors", "_total", &l,
		       m->errors.v[i].a);
	}
	buf_adds(o->out, "# EOF\n");
	buf_release(&l);
	buf_release(&num);
}

int store_metrics_openmetrics(struct store *s,
			      const struct store_metrics_filter *f,
			      unsigned flags, struct buf *out, struct err *e)
{
	struct om o = { out, BUF_INIT };
	struct metrics m;

	if (metrics_compute(s, f, &m, e) < 0)
		return -1;
	if (flags & STORE_OM_TIMESTAMPS)
		buf_addf(&o.ts, " %.3f",
			 f->until > 0 ? f->until : (double)time(NULL));
	write_openmetrics(&o, &m);
	buf_release(&o.ts);
	metrics_release(&m);
	return 0;
}
