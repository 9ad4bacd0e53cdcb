/*
 * context/rank: personalised PageRank over the file graph.
 *
 * The idea is Aider's repo map: a file that references a name points at the
 * files defining it, and rank flows from the focus (the personalisation)
 * along those edges, so the definitions the focus uses rise first.
 */
#include "context/rank.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

#define DAMPING 0.85
#define MAX_ITER 40
#define EPSILON 1e-9

void rank_pagerank(const struct rank_graph *g, const double *personal,
		   double *out)
{
	size_t n = g->n;
	double *next = xcalloc(n ? n : 1, sizeof(*next));
	double psum = 0;

	for (size_t i = 0; i < n; i++)
		psum += personal[i];
	for (size_t i = 0; i < n; i++)
		out[i] = psum > 0 ? personal[i] / psum : 1.0 / (double)n;
	for (int it = 0; it < MAX_ITER && n; it++) {
		double dangling = 0, delta = 0;

		memset(next, 0, n * sizeof(*next));
		for (size_t i = 0; i < n; i++) {
			if (g->out_weight[i] <= 0) {
				dangling += out[i];
				continue;
			}
			double share = DAMPING * out[i] / g->out_weight[i];
			for (size_t k = g->start[i]; k < g->start[i + 1]; k++)
				next[g->to[k]] += share * g->weight[k];
		}
		/* Teleport and dangling mass both go back to the focus. */
		double back = (1.0 - DAMPING) + DAMPING * dangling;
		for (size_t i = 0; i < n; i++) {
			double p = psum > 0 ? personal[i] / psum :
					      1.0 / (double)n;
			next[i] += back * p;
			delta += fabs(next[i] - out[i]);
		}
		memcpy(out, next, n * sizeof(*out));
		if (delta < EPSILON)
			break;
	}
	free(next);
}
