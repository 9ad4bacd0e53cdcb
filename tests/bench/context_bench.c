/*
 * context_bench: the driver tests/bench/context_bench.sh runs.
 *
 *   context_bench timing ROOT STATE FILE RUNS
 *     cold (empty state folder), cold from the disk cache (a new cache),
 *     warm (nothing changed) and after FILE changed; medians in ms.
 *   context_bench ranking ROOT STATE CASES BUDGET SEED DUMPDIR
 *     for CASES symbols drawn at random (defined in one file, used in
 *     another), the share where the defining file is in a BUDGET-token view
 *     focused on a file that uses the symbol, ranked and in path order.
 *     Writes the first views to DUMPDIR/view-N.txt with the estimate in
 *     DUMPDIR/estimates.tsv (for the tokenizer comparison).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "context/context.h"
#include "context/internal.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/strv.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void die(const char *what, struct err *e)
{
	fprintf(stderr, "context_bench: %s: %s\n", what,
		e && e->kind ? e->msg.ptr : "failed");
	exit(1);
}

static double get(struct context_cache *c, const struct context_request *q,
		  struct context_result *r)
{
	struct err e = ERR_INIT;
	double t0 = now_ms();

	if (context_get(c, q, r, &e) < 0)
		die("context_get", &e);
	return now_ms() - t0;
}

static int timing(const char *root, const char *state, const char *file,
		  int runs)
{
	struct context_cache *c, *c2;
	struct context_result r;
	struct context_request q = { 0 };
	struct err e = ERR_INIT;
	double *warm = xcalloc((size_t)runs, sizeof(double));
	double *change = xcalloc((size_t)runs, sizeof(double));
	size_t parsed_total = 0;
	struct buf path = BUF_INIT;

	q.root = root;
	q.token_budget = 8000;
	context_result_init(&r);
	if (context_cache_new(&c, state, &e) < 0)
		die("cache", &e);
	double cold = get(c, &q, &r);
	size_t cold_parsed = r.parsed;
	if (context_cache_new(&c2, state, &e) < 0)
		die("cache", &e);
	double disk = get(c2, &q, &r);
	context_cache_free(c2);
	for (int i = 0; i < runs; i++) {
		warm[i] = get(c, &q, &r);
		if (!r.from_cache)
			die("warm call not served from the cache", NULL);
	}
	buf_addf(&path, "%s/%s", root, file);
	for (int i = 0; i < runs; i++) {
		FILE *f = fopen(path.ptr, "a");
		if (!f)
			die(path.ptr, NULL);
		fprintf(f, "\nfunction benchChange%d() { return %d; }\n", i, i);
		fclose(f);
		change[i] = get(c, &q, &r);
		parsed_total += r.parsed;
	}
	printf("cold_ms\t%.1f\nfiles_parsed_cold\t%zu\ncold_from_disk_ms\t%.1f\n"
	       "warm_ms\t%.3f\nchange_ms\t%.2f\nparsed_per_change\t%.2f\n"
	       "view_bytes\t%zu\nview_tokens\t%zu\n",
	       cold, cold_parsed, disk, median(warm, (size_t)runs),
	       median(change, (size_t)runs), (double)parsed_total / runs,
	       r.bytes, r.tokens);
	context_result_release(&r);
	context_cache_free(c);
	buf_release(&path);
	free(warm);
	free(change);
	return 0;
}

/* ---- ranking quality ------------------------------------------------------ */

struct sym {
	char *name;
	int definer;	/* file index; -2 when defined in several files */
};

static uint64_t rng_state;
static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static int cmp_sym(const void *a, const void *b)
{
	return strcmp(((const struct sym *)a)->name, ((const struct sym *)b)->name);
}

static int ranking(const char *root, const char *state, int cases,
		   size_t budget, uint64_t seed, const char *dumpdir)
{
	struct strv files = STRV_INIT;
	struct outline **ol;
	struct sym *syms = NULL;
	size_t nsyms = 0, asyms = 0;
	struct buf cmd = BUF_INIT, line = BUF_INIT, content = BUF_INIT;
	struct context_cache *c;
	struct context_result r;
	struct err e = ERR_INIT;
	int hits_rank = 0, hits_alpha = 0, done = 0;
	FILE *p, *est;

	/* The tracked files, and what each defines and references. */
	buf_addf(&cmd, "git -C '%s' ls-files", root);
	p = popen(cmd.ptr, "r");
	for (char l[4096]; p && fgets(l, sizeof(l), p);) {
		l[strcspn(l, "\n")] = '\0';
		strv_add(&files, l);
	}
	if (p)
		pclose(p);
	ol = xcalloc(files.n + 1, sizeof(*ol));
	for (size_t i = 0; i < files.n; i++) {
		int lang = outline_lang_of(files.v[i]);
		git_oid zero;
		if (lang < 0)
			continue;
		memset(&zero, 0, sizeof(zero));
		buf_reset(&content);
		buf_reset(&line);
		buf_addf(&line, "%s/%s", root, files.v[i]);
		if (buf_read_file(&content, line.ptr, 1 << 20) < 0)
			continue;
		ol[i] = outline_build(&zero, lang, content.ptr, content.len);
		for (size_t k = 0; k < ol[i]->ndefs; k++) {
			const char *n = outline_str(ol[i], ol[i]->defs[k].name);
			if (strlen(n) < 4)
				continue;
			if (nsyms == asyms) {
				asyms = asyms ? asyms * 2 : 1024;
				syms = xrealloc(syms, asyms * sizeof(*syms));
			}
			syms[nsyms].name = xstrdup(n);
			syms[nsyms++].definer = (int)i;
		}
	}
	qsort(syms, nsyms, sizeof(*syms), cmp_sym);
	/* Keep names defined in exactly one file. */
	struct sym *once = xcalloc(nsyms + 1, sizeof(*once));
	size_t k = 0;
	for (size_t i = 0, j; i < nsyms; i = j) {
		bool one = true;
		for (j = i; j < nsyms && !strcmp(syms[j].name, syms[i].name); j++)
			one = one && syms[j].definer == syms[i].definer;
		if (one)
			once[k++] = (struct sym){ xstrdup(syms[i].name),
						  syms[i].definer };
	}
	for (size_t i = 0; i < nsyms; i++)
		free(syms[i].name);
	free(syms);
	syms = once;
	nsyms = k;

	if (context_cache_new(&c, state, &e) < 0)
		die("cache", &e);
	context_result_init(&r);
	buf_reset(&line);
	buf_addf(&line, "%s/estimates.tsv", dumpdir);
	est = fopen(line.ptr, "w");
	rng_state = seed ? seed : 1;
	for (int attempt = 0; done < cases && attempt < cases * 50; attempt++) {
		struct sym *s = &syms[rng() % (nsyms ? nsyms : 1)];
		/* A file (not the definer) that references the name. */
		size_t users[64], nu = 0;
		for (size_t i = 0; i < files.n && nu < 64; i++) {
			if (!ol[i] || (int)i == s->definer ||
			    outline_lang_family(ol[i]->lang) !=
			    outline_lang_family(ol[s->definer]->lang))
				continue;
			for (size_t x = 0; x < ol[i]->nrefs; x++)
				if (!strcmp(outline_str(ol[i], ol[i]->refs[x]),
					    s->name)) {
					users[nu++] = i;
					break;
				}
		}
		if (!nu)
			continue;
		const char *focus[1] = { files.v[users[rng() % nu]] };
		struct context_request q = { 0 };
		q.root = root;
		q.focus_files = focus;
		q.n_focus_files = 1;
		q.token_budget = budget;
		for (int alpha = 0; alpha < 2; alpha++) {
			q.alphabetical = alpha;
			get(c, &q, &r);
			if (strv_has(&r.files, files.v[s->definer]))
				*(alpha ? &hits_alpha : &hits_rank) += 1;
			else if (!alpha && getenv("CONTEXT_BENCH_MISSES"))
				fprintf(stderr, "miss: %s defined in %s, focus %s\n",
					s->name, files.v[s->definer], focus[0]);
			if (!alpha && done < 20 && est) {
				buf_reset(&line);
				buf_addf(&line, "%s/view-%d.txt", dumpdir, done);
				FILE *f = fopen(line.ptr, "w");
				if (f) {
					fwrite(r.text.ptr, 1, r.text.len, f);
					fclose(f);
					fprintf(est, "view-%d.txt\t%zu\t%zu\n", done,
						r.bytes, r.tokens);
				}
			}
		}
		done++;
	}
	if (est)
		fclose(est);
	printf("files\t%zu\nsymbols_defined_once\t%zu\ncases\t%d\nbudget\t%zu\n"
	       "ranked_hits\t%d\nranked_share\t%.3f\n"
	       "alphabetical_hits\t%d\nalphabetical_share\t%.3f\n",
	       files.n, nsyms, done, budget, hits_rank,
	       done ? (double)hits_rank / done : 0, hits_alpha,
	       done ? (double)hits_alpha / done : 0);
	for (size_t i = 0; i < files.n; i++)
		outline_free(ol[i]);
	free(ol);
	for (size_t i = 0; i < nsyms; i++)
		free(syms[i].name);
	free(syms);
	strv_release(&files);
	buf_release(&cmd);
	buf_release(&line);
	buf_release(&content);
	context_result_release(&r);
	context_cache_free(c);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 6 && !strcmp(argv[1], "timing"))
		return timing(argv[2], argv[3], argv[4], atoi(argv[5]));
	if (argc == 8 && !strcmp(argv[1], "ranking"))
		return ranking(argv[2], argv[3], atoi(argv[4]),
			       (size_t)atol(argv[5]),
			       (uint64_t)strtoull(argv[6], NULL, 10), argv[7]);
	fprintf(stderr, "usage: context_bench timing ROOT STATE FILE RUNS\n"
			"       context_bench ranking ROOT STATE CASES BUDGET SEED "
			"DUMPDIR\n");
	return 2;
}
