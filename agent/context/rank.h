/* context/rank: personalised PageRank over a weighted directed graph. */
#ifndef AIRUNNER_CONTEXT_RANK_H
#define AIRUNNER_CONTEXT_RANK_H
#include <stddef.h>
#include <stdint.h>

/* Compressed rows: node i's edges are to[start[i] .. start[i+1]). */
struct rank_graph {
	size_t n;
	size_t *start;		/* n + 1 entries */
	uint32_t *to;
	double *weight;
	double *out_weight;	/* sum of node i's edge weights */
};

/*
 * Fills out (n entries, caller-owned) with the stationary rank of a walk
 * that follows edges by weight with probability 0.85 and otherwise jumps to
 * a node drawn from personal (n entries, not normalised; all zero means
 * uniform). Deterministic: the same graph and personal give the same
 * doubles.
 */
void rank_pagerank(const struct rank_graph *g, const double *personal,
		   double *out);

#endif
