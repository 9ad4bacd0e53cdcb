/*
 * config_load ROOT RUNS: times verify_checks_load() on ROOT, in process, RUNS
 * times, and prints {"checks":N,"median_s":T} or {"error":"..."} as one JSON
 * line. config_bench.sh builds it against the old code and this tree's, so
 * the config's own cost is compared without the agent's start-up around it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "util/err.h"
#include "verify/verify.h"

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	struct err e = ERR_INIT;
	double *t;
	size_t n = 0;
	int runs, i;

	if (argc != 3 || (runs = atoi(argv[2])) < 1) {
		fprintf(stderr, "usage: config_load ROOT RUNS\n");
		return 2;
	}
	t = calloc((size_t)runs, sizeof(*t));
	if (!t)
		return 1;
	for (i = 0; i < runs; i++) {
		struct verify_checks c = { 0 };
		struct timespec a, b;

		clock_gettime(CLOCK_MONOTONIC, &a);
		if (verify_checks_load(&c, argv[1], &e) < 0) {
			const char *p;

			fputs("{\"error\":\"", stdout);
			for (p = e.msg.ptr; *p; p++)
				if (*p == '"' || *p == '\\')
					printf("\\%c", *p);
				else if ((unsigned char)*p >= 0x20)
					putchar(*p);
			puts("\"}");
			free(t);
			return 0;
		}
		clock_gettime(CLOCK_MONOTONIC, &b);
		t[i] = (double)(b.tv_sec - a.tv_sec) +
		       (double)(b.tv_nsec - a.tv_nsec) / 1e9;
		n = c.n;
		verify_checks_release(&c);
	}
	qsort(t, (size_t)runs, sizeof(*t), cmp_double);
	printf("{\"checks\":%zu,\"median_s\":%.6f}\n", n, t[runs / 2]);
	free(t);
	return 0;
}
