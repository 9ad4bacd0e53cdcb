/*
 * store_bench: what recording runs and summing them up costs.
 *
 *   store_bench [--runs N] [--metrics-runs N] [--reps N] [--paced SECONDS]
 *               [--dir DIR] [--no-peer 1]
 *
 * 1. Recording: N runs (default 2000; N/10 for the slower peers), each as
 *    the engine records one:
 *    insert, start, one attempt, five events, finish (nine transactions).
 *    Runs/s for the store as configured (WAL, synchronous=NORMAL) against two
 *    peers measured in the same command: WAL with synchronous=FULL, and
 *    SQLite's defaults (rollback journal, synchronous=FULL). Also the worst
 *    and the p99/p99.9 single store call: how long the loop would stall if
 *    the store ran on it.
 * 2. Paced (--paced S, default 0: off): the same recording at 1,000 runs a
 *    minute for S seconds, with the worst single call.
 * 3. Metrics: store_metrics_summary over a store of M runs (default
 *    100,000; a mix of verify, execute with self-healing, llm and plan over
 *    30 days), median of R runs (default 7), whole history and the last 7
 *    days; the peer computes the same counts and percentiles with plain
 *    SQL (GROUP BY, ORDER BY ... OFFSET for each percentile, tokens joined
 *    from the attempts).
 *
 * Built with -DAIRUNNER_BENCH=ON. Includes store/internal.h to set the
 * peers' pragmas on the store's own connection.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/internal.h"
#include "store/store.h"

static double clock_s(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now(void)
{
	return clock_s(CLOCK_MONOTONIC);
}

/* CPU time of this process: on a shared, loaded machine the wall time of a
 * query is mostly waiting for a core; this is the work it did. */
static double cpu(void)
{
	return clock_s(CLOCK_PROCESS_CPUTIME_ID);
}

static void die(const char *what, struct err *e)
{
	fprintf(stderr, "store_bench: %s: %s\n", what,
		e && e->kind ? e->msg.ptr : "failed");
	exit(1);
}

struct lat {
	double *v;
	size_t n, cap;
};

static void lat_add(struct lat *l, double x)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 1024;
		l->v = realloc(l->v, l->cap * sizeof(*l->v));
		if (!l->v)
			abort();
	}
	l->v[l->n++] = x;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double lat_pct(struct lat *l, double p)
{
	size_t rank = (size_t)ceil(p / 100.0 * (double)l->n);

	qsort(l->v, l->n, sizeof(double), cmp_double);
	return l->v[rank ? rank - 1 : 0];
}

static const char *const categories[] = {
	"type_error", "import_resolution", "lint_violation", "test_failure",
	"syntax_error", "missing_export",
};

/* Records one run the way the engine does; each store call's duration
 * goes to l (may be NULL). */
static void record_run(struct store *s, int i, double t, struct lat *l)
{
	struct store_run_spec spec = {
		.kind = "execute", .work_tree = "/home/dev/project",
		.priority = STORE_NORMAL, .origin = "editor",
		.owner = "/run/user/1000/airunner/agent.sock", .created = t,
		.issue_key = "ABC-123", .subtask = "2",
		.request = "{\"issue\":\"ABC-123\",\"subtask\":2}",
	};
	struct store_attempt a = {
		.attempt = 1, .provider = "anthropic", .model = "claude-sonnet",
		.tokens_input = 1200, .tokens_output = 800,
		.tokens_cache_read = 30000, .tokens_cache_write = 2000,
		.cost = 0.012, .duration = 4.2, .time = t + 1,
		.outcome = "succeeded",
	};
	struct store_event ev = {
		.time = t + 1, .phase = "edit",
		.message = "editing src/components/Button.tsx",
		.data = "{\"file\":\"src/components/Button.tsx\",\"bytes\":1834}",
	};
	struct store_run_end end = {
		.state = i % 10 ? STORE_SUCCEEDED : STORE_FAILED,
		.finished = t + 6, .outcome = "committed", .cost = -1,
		.error_category = i % 10 ? NULL : "type_error",
	};
	struct err e = ERR_INIT;
	int64_t id;
	double c;

#define TIMED(call, what)                                                      \
	do {                                                                   \
		c = now();                                                     \
		if ((call) < 0)                                                \
			die(what, &e);                                         \
		if (l)                                                         \
			lat_add(l, now() - c);                                 \
	} while (0)

	TIMED(store_run_insert(s, &spec, &id, &e), "insert");
	TIMED(store_run_start(s, id, t + 0.5, &e), "start");
	a.run_id = id;
	TIMED(store_attempt_add(s, &a, &e), "attempt");
	ev.run_id = id;
	for (int k = 0; k < 5; k++)
		TIMED(store_event_append(s, &ev, NULL, &e), "event");
	TIMED(store_run_finish(s, id, &end, &e), "finish");
#undef TIMED
}

static struct store *open_fresh(const char *dir, const char *name,
				const char *pragmas)
{
	struct buf path = BUF_INIT;
	struct store *s;
	struct err e = ERR_INIT;

	buf_addf(&path, "%s/%s", dir, name);
	unlink(path.ptr);
	buf_adds(&path, "-wal");
	unlink(path.ptr);
	buf_truncate(&path, path.len - 4);
	if (store_open(&s, path.ptr, &e) < 0)
		die(path.ptr, &e);
	if (pragmas && sqlite3_exec(s->db, pragmas, NULL, NULL, NULL) !=
			       SQLITE_OK)
		die(sqlite3_errmsg(s->db), NULL);
	buf_release(&path);
	return s;
}

struct rec_result {
	double runs_per_s;
	double max, p99, p999;
};

static struct rec_result bench_record(const char *dir, const char *name,
				      const char *pragmas, int runs)
{
	struct store *s = open_fresh(dir, name, pragmas);
	struct lat l = { 0 };
	struct rec_result r;
	double t0 = now();

	for (int i = 0; i < runs; i++)
		record_run(s, i, 1.7e9 + i, &l);
	r.runs_per_s = runs / (now() - t0);
	r.max = lat_pct(&l, 100);
	r.p99 = lat_pct(&l, 99);
	r.p999 = lat_pct(&l, 99.9);
	free(l.v);
	store_close(s);
	return r;
}

static void paced(const char *dir, double seconds)
{
	struct store *s = open_fresh(dir, "paced.db", NULL);
	struct lat l = { 0 };
	double t0 = now(), interval = 60.0 / 1000;
	int i = 0;

	while (now() - t0 < seconds) {
		double next = t0 + i * interval, wait = next - now();

		if (wait > 0)
			usleep((useconds_t)(wait * 1e6));
		record_run(s, i, 1.7e9 + i, &l);
		i++;
	}
	printf("paced: %d runs in %.0f s (1,000 a minute), %zu calls: "
	       "p99 %.3f ms, p99.9 %.3f ms, worst %.3f ms\n",
	       i, seconds, l.n, lat_pct(&l, 99) * 1e3, lat_pct(&l, 99.9) * 1e3,
	       lat_pct(&l, 100) * 1e3);
	free(l.v);
	store_close(s);
}

/* ---- metrics ---- */

static void fill(struct store *s, int runs, double end)
{
	static const struct store_diag_count diags[] = {
		{ "type_error", 3 }, { "lint_violation", 2 },
	};
	static const struct store_check checks[] = {
		{ "tsc", "failed", 1.2, true }, { "eslint", "passed", 0.8, false },
	};
	struct err e = ERR_INIT;
	double span = 30 * 86400.0;

	srand(42);
	/* Generation only: no fsync, so making the store takes seconds. */
	sqlite3_exec(s->db, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	for (int i = 0; i < runs; i++) {
		int r = rand() % 100;
		double t = end - span + span * i / runs;
		const char *kind = r < 60 ? "verify" : r < 85 ? "execute"
					   : r < 95 ? "llm" : "plan";
		struct store_run_spec spec = {
			.kind = kind, .priority = STORE_NORMAL, .created = t,
			.work_tree = i % 3 ? "/home/dev/a" : "/home/dev/b",
			.origin = r < 45 ? "hook" : "editor",
		};
		bool ok = rand() % 100 < 80;
		double dur = 0.2 + (rand() % 10000) / 1000.0;
		struct store_run_end end_ = {
			.state = ok ? STORE_SUCCEEDED : STORE_FAILED,
			.finished = t + dur + 0.05, .cost = -1,
			.error_category = ok ? NULL
					     : categories[rand() % 6],
		};
		int64_t id;

		if (store_run_insert(s, &spec, &id, &e) < 0 ||
		    store_run_start(s, id, t + 0.05, &e) < 0)
			die("fill", &e);
		if (r < 60) {
			struct store_verification v = {
				.run_id = id, .ok = ok, .cached = i % 4 == 0,
				.duration = dur, .checks = checks, .nchecks = 2,
				.diags = ok ? NULL : diags, .ndiags = ok ? 0 : 2,
			};

			if (store_verification_add(s, &v, &e) < 0)
				die("fill", &e);
		} else if (r < 95) {
			int n = r < 85 ? 1 + rand() % 3 : 1;

			for (int k = 1; k <= n; k++) {
				struct store_attempt a = {
					.run_id = id, .attempt = k,
					.provider = "anthropic", .model = "m",
					.tokens_input = 1000,
					.tokens_output = 500,
					.tokens_cache_read = 20000,
					.tokens_cache_write = 1000,
					.cost = 0.01, .duration = 2,
					.outcome = k == n && ok ? "succeeded"
								: "failed",
					.error_category = k == n && ok ? NULL
						: categories[rand() % 6],
				};

				if (store_attempt_add(s, &a, &e) < 0)
					die("fill", &e);
			}
		}
		if (store_run_finish(s, id, &end_, &e) < 0)
			die("fill", &e);
	}
	sqlite3_exec(s->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
}

static double time_summary(struct store *s, double since, size_t *bytes,
			   double *cpu_s)
{
	struct store_metrics_filter f = { .since = since };
	struct buf out = BUF_INIT;
	struct json_writer w;
	struct err e = ERR_INIT;
	double t0 = now(), c0 = cpu(), t;

	json_writer_init(&w, &out);
	if (store_metrics_summary(s, &f, &w, &e) < 0)
		die("summary", &e);
	t = now() - t0;
	*cpu_s = cpu() - c0;
	*bytes = out.len;
	buf_release(&out);
	return t;
}

/* The peer: the same counts and percentiles the textbook way, in SQL. */
static double time_sql_peer(struct store *s, double since, double *cpu_s)
{
	static const char *const q_counts =
		"SELECT r.kind, r.state, count(*), sum(r.duration)"
		" FROM runs r WHERE r.created >= ?1 GROUP BY r.kind, r.state";
	static const char *const q_n =
		"SELECT count(*) FROM runs WHERE created >= ?1 AND kind = ?2"
		" AND finished IS NOT NULL AND started IS NOT NULL";
	static const char *const q_pct =
		"SELECT duration FROM runs WHERE created >= ?1 AND kind = ?2"
		" AND finished IS NOT NULL AND started IS NOT NULL"
		" ORDER BY duration LIMIT 1 OFFSET ?3";
	static const char *const q_tokens =
		"SELECT sum(a.tokens_input), sum(a.tokens_output),"
		" sum(a.tokens_cache_read), sum(a.tokens_cache_write),"
		" sum(a.cost) FROM runs r JOIN attempts a ON a.run_id = r.id"
		" WHERE r.created >= ?1";
	static const char *const q_verif =
		"SELECT count(*), sum(v.ok) FROM runs r JOIN verifications v"
		" ON v.run_id = r.id WHERE r.created >= ?1";
	static const char *const kinds[] = { "verify", "execute", "llm",
					     "plan" };
	sqlite3_stmt *st;
	double t0 = now(), c0 = cpu();

#define PREP(q) \
	if (sqlite3_prepare_v2(s->db, q, -1, &st, NULL) != SQLITE_OK) \
		die(sqlite3_errmsg(s->db), NULL); \
	sqlite3_bind_double(st, 1, since)
	PREP(q_counts);
	while (sqlite3_step(st) == SQLITE_ROW)
		;
	sqlite3_finalize(st);
	for (int k = 0; k < 4; k++) {
		int64_t n = 0;

		PREP(q_n);
		sqlite3_bind_text(st, 2, kinds[k], -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		for (int p = 50; n && p <= 95; p += 45) {
			PREP(q_pct);
			sqlite3_bind_text(st, 2, kinds[k], -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 3,
					   (int64_t)ceil(p / 100.0 * n) - 1);
			sqlite3_step(st);
			sqlite3_finalize(st);
		}
	}
	PREP(q_tokens);
	sqlite3_step(st);
	sqlite3_finalize(st);
	PREP(q_verif);
	sqlite3_step(st);
	sqlite3_finalize(st);
#undef PREP
	*cpu_s = cpu() - c0;
	return now() - t0;
}

static int no_peer; /* --no-peer: profile ours alone */

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(double), cmp_double);
	return v[n / 2];
}

static void bench_metrics(const char *dir, int runs, int reps)
{
	struct buf path = BUF_INIT;
	struct store *s;
	struct err e = ERR_INIT;
	double end = 1.75e9, ours[2][64], peer[2][64], ours_cpu[2][64],
	       peer_cpu[2][64], t0, c;
	const double since[2] = { 0, end - 7 * 86400.0 };
	const char *label[2] = { "all 30 days", "last 7 days" };
	size_t bytes = 0;

	buf_addf(&path, "%s/metrics-%d.db", dir, runs);
	if (access(path.ptr, F_OK) == 0) {
		if (store_open(&s, path.ptr, &e) < 0)
			die(path.ptr, &e);
		printf("metrics: reusing %s\n", path.ptr);
	} else {
		if (store_open(&s, path.ptr, &e) < 0)
			die(path.ptr, &e);
		t0 = now();
		fill(s, runs, end);
		printf("metrics: made %d runs in %.1f s (%s)\n", runs,
		       now() - t0, path.ptr);
	}
	if (reps > 64)
		reps = 64;
	/* One warm-up of each, so both read a warm page cache. */
	time_summary(s, 0, &bytes, &c);
	time_sql_peer(s, 0, &c);
	for (int w = 0; w < 2; w++) {
		for (int i = 0; i < reps; i++) {
			ours[w][i] = time_summary(s, since[w], &bytes,
						  &ours_cpu[w][i]);
			peer[w][i] = no_peer ? 1 : time_sql_peer(s, since[w],
							&peer_cpu[w][i]);
		}
		double a = median(ours[w], reps), b = median(peer[w], reps);
		double ac = median(ours_cpu[w], reps),
		       bc = median(peer_cpu[w], reps);

		printf("metrics/summary over %d runs, %s (median of %d):\n"
		       "  ours %.1f ms wall, %.1f ms CPU (%zu bytes of JSON);"
		       " plain-SQL peer %.1f ms wall, %.1f ms CPU;"
		       " peer/ours %.2fx (CPU %.2fx)\n",
		       runs, label[w], reps, a * 1e3, ac * 1e3, bytes,
		       b * 1e3, bc * 1e3, b / a, bc / ac);
	}
	store_close(s);
	buf_release(&path);
}

int main(int argc, char **argv)
{
	int runs = 2000, peer_runs, metrics_runs = 100000, reps = 7;
	double pace = 0;
	char dirbuf[] = "/tmp/airunner-store-bench-XXXXXX";
	const char *dir = NULL;
	struct rec_result ours, full, dflt;

	for (int i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--runs") == 0)
			runs = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--metrics-runs") == 0)
			metrics_runs = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--reps") == 0)
			reps = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--paced") == 0)
			pace = atof(argv[i + 1]);
		else if (strcmp(argv[i], "--no-peer") == 0)
			no_peer = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--dir") == 0)
			dir = argv[i + 1];
		else {
			fprintf(stderr, "store_bench: unknown option %s\n",
				argv[i]);
			return 2;
		}
	}
	peer_runs = runs / 10 > 50 ? runs / 10 : 50;
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!dir && !(dir = mkdtemp(dirbuf))) {
		perror("mkdtemp");
		return 1;
	}
	printf("store_bench in %s (SQLite %s)\n", dir, sqlite3_libversion());

	if (runs <= 0)
		goto metrics;
	ours = bench_record(dir, "ours.db", NULL, runs);
	/* The peers fsync every commit: a tenth of the runs gives their rate
	 * in a tenth of the time. */
	full = bench_record(dir, "full.db", "PRAGMA synchronous = FULL",
			    peer_runs);
	dflt = bench_record(dir, "default.db",
			    "PRAGMA journal_mode = DELETE;"
			    " PRAGMA synchronous = FULL", peer_runs);
	printf("record runs (insert, start, attempt, 5 events, finish; "
	       "%d for ours, %d for the peers):\n", runs, peer_runs);
	printf("  %-34s %8.0f runs/s  p99 %.3f ms  p99.9 %.3f ms  worst "
	       "%.3f ms\n", "ours (WAL, synchronous=NORMAL)", ours.runs_per_s,
	       ours.p99 * 1e3, ours.p999 * 1e3, ours.max * 1e3);
	printf("  %-34s %8.0f runs/s  p99 %.3f ms  p99.9 %.3f ms  worst "
	       "%.3f ms\n", "peer: WAL, synchronous=FULL", full.runs_per_s,
	       full.p99 * 1e3, full.p999 * 1e3, full.max * 1e3);
	printf("  %-34s %8.0f runs/s  p99 %.3f ms  p99.9 %.3f ms  worst "
	       "%.3f ms\n", "peer: SQLite defaults (DELETE, FULL)",
	       dflt.runs_per_s, dflt.p99 * 1e3, dflt.p999 * 1e3,
	       dflt.max * 1e3);
	printf("  ours/WAL+FULL %.1fx, ours/defaults %.1fx; 1,000 runs a "
	       "minute keeps the store busy %.2f%% of the time at our rate\n",
	       ours.runs_per_s / full.runs_per_s,
	       ours.runs_per_s / dflt.runs_per_s,
	       1000.0 / 60 / ours.runs_per_s * 100);
metrics:
	if (pace > 0)
		paced(dir, pace);
	if (metrics_runs > 0)
		bench_metrics(dir, metrics_runs, reps);
	return 0;
}
