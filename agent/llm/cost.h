/*
 * cost: dollars per million tokens per model, and usage turned into cost.
 * Defaults for current Claude and OpenAI models; each field overridable in
 * config as `[price "model-name"] input = 3.0` (also output, cacheWrite,
 * cacheWrite1h, cacheRead).
 */
#ifndef AIRUNNER_COST_H
#define AIRUNNER_COST_H

#include <stdbool.h>

#include "llm/llm.h"

struct config;

struct llm_price {
	double input;
	double output;
	double cache_write;    /* 5 min TTL */
	double cache_write_1h;
	double cache_read;
};

/* The price of `model`: the built-in entry whose name is the longest prefix
 * of it (so dated ids match their family), then config overrides for the
 * exact model name. 1 found, 0 no price known, -1 bad config value. */
int cost_price(struct llm_price *out, const char *model, struct config *cfg,
	       struct err *e);

/* Dollars for usage u at price p. */
double cost_usd(const struct llm_price *p, const struct llm_usage *u);

#endif
