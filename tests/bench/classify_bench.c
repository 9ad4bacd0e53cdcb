/*
 * classify_bench LOG [RUNS]: classify_text over a whole build log, RUNS
 * times (default 5); prints the best run's MB/s and what it found, as one
 * line of JSON for tests/bench/classify_bench.sh. The best run is counted
 * twice: in wall-clock seconds, and in CPU seconds of this process (on a
 * machine other work loads, the steadier of the two). Built with
 * -DAIRUNNER_BENCH=ON only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "classify/classify.h"

static double now(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct classify_db *db;
	struct buf log = BUF_INIT;
	struct err e = ERR_INIT;
	double best = 1e30, best_cpu = 1e30, t0, c0, load;
	size_t ndiag = 0, i;
	int runs = argc > 2 ? atoi(argv[2]) : 5, r;

	if (argc < 2 || runs < 1) {
		fprintf(stderr, "usage: classify_bench LOG [RUNS]\n");
		return 2;
	}
	if (buf_read_file(&log, argv[1], 0) < 0) {
		perror(argv[1]);
		return 1;
	}
	t0 = now(CLOCK_MONOTONIC);
	if (classify_db_load(&db, NULL, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg.ptr);
		return 1;
	}
	load = now(CLOCK_MONOTONIC) - t0;
	for (r = 0; r < runs; r++) {
		struct diag_list l = DIAG_LIST_INIT;
		double t, c;

		t0 = now(CLOCK_MONOTONIC);
		c0 = now(CLOCK_PROCESS_CPUTIME_ID);
		classify_text(db, NULL, log.ptr, log.len, &l, &e);
		c = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
		t = now(CLOCK_MONOTONIC) - t0;
		if (t < best)
			best = t;
		if (c < best_cpu)
			best_cpu = c;
		ndiag = l.n;
		if (r == runs - 1) {
			/* places, so the peer's results can be compared */
			for (i = 0; i < l.n; i++)
				fprintf(stderr, "%s:%d\n", l.v[i].file ? l.v[i].file :
					"None", l.v[i].line);
		}
		diag_list_release(&l);
	}
	printf("{\"bytes\":%zu,\"seconds\":%.4f,\"mb_per_s\":%.1f,"
	       "\"cpu_seconds\":%.4f,\"cpu_mb_per_s\":%.1f,"
	       "\"diagnostics\":%zu,\"patterns\":%zu,\"load_ms\":%.1f}\n",
	       log.len, best, (double)log.len / 1e6 / best, best_cpu,
	       (double)log.len / 1e6 / best_cpu, ndiag, classify_db_count(db),
	       load * 1e3);
	classify_db_free(db);
	buf_release(&log);
	return 0;
}
