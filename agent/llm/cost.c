#include "llm/cost.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"

/* USD per million tokens, from the providers' price pages (November 2026).
 * Anthropic: a 5 min cache write costs 1.25x input, a 1 h write 2x, a read
 * 0.1x. OpenAI: cached input at its own rate, no write charge. */
#define ANTHROPIC(in, out) { in, out, (in) * 1.25, (in) * 2, (in) * 0.1 }
#define OPENAI(in, out, cached) { in, out, 0, 0, cached }

static const struct {
	const char *prefix;
	struct llm_price price;
} prices[] = {
	{ "claude-opus-4-1", ANTHROPIC(15, 75) },
	{ "claude-opus-4-0", ANTHROPIC(15, 75) },
	{ "claude-opus-4-2", ANTHROPIC(15, 75) }, /* claude-opus-4-20250514 */
	{ "claude-opus-4-5", ANTHROPIC(5, 25) },
	{ "claude-opus-4-6", ANTHROPIC(5, 25) },
	{ "claude-opus-4-7", ANTHROPIC(5, 25) },
	{ "claude-opus-4-8", ANTHROPIC(5, 25) },
	{ "claude-opus-5", ANTHROPIC(5, 25) },
	{ "claude-sonnet-4", ANTHROPIC(3, 15) },
	{ "claude-sonnet-5", ANTHROPIC(2, 10) },
	{ "claude-haiku-4", ANTHROPIC(1, 5) },
	{ "claude-3-5-haiku", ANTHROPIC(0.8, 4) },
	{ "gpt-5", OPENAI(1.25, 10, 0.125) },
	{ "gpt-5-mini", OPENAI(0.25, 2, 0.025) },
	{ "gpt-5-nano", OPENAI(0.05, 0.4, 0.005) },
	{ "gpt-4.1", OPENAI(2, 8, 0.5) },
	{ "gpt-4.1-mini", OPENAI(0.4, 1.6, 0.1) },
	{ "gpt-4.1-nano", OPENAI(0.1, 0.4, 0.025) },
	{ "gpt-4o", OPENAI(2.5, 10, 1.25) },
	{ "gpt-4o-mini", OPENAI(0.15, 0.6, 0.075) },
	{ "o3", OPENAI(2, 8, 0.5) },
	{ "o3-mini", OPENAI(1.1, 4.4, 0.55) },
	{ "o4-mini", OPENAI(1.1, 4.4, 0.275) },
};

static int override(struct config *cfg, const char *model, const char *field,
		    double *v, struct err *e)
{
	char *s = NULL, *end;
	double d;
	int r;

	r = config_get_string(cfg, "price", model, field, &s, e);
	if (r <= 0)
		return r;
	errno = 0;
	d = strtod(s, &end);
	if (errno || end == s || *end || d < 0) {
		err_set(e, ERR_INVALID_PARAMS,
			"config price.%s.%s: not a price per million tokens: "
			"'%s'", model, field, s);
		free(s);
		return -1;
	}
	free(s);
	*v = d;
	return 1;
}

int cost_price(struct llm_price *out, const char *model, struct config *cfg,
	       struct err *e)
{
	size_t best = 0;
	int found = 0, r;

	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < sizeof(prices) / sizeof(prices[0]); i++) {
		size_t n = strlen(prices[i].prefix);

		if (n > best && !strncmp(model, prices[i].prefix, n)) {
			best = n;
			*out = prices[i].price;
			found = 1;
		}
	}
	if (!cfg)
		return found;
	{
		static const char *const fields[] = {
			"input", "output", "cacheWrite", "cacheWrite1h",
			"cacheRead"
		};
		double *dst[] = { &out->input, &out->output,
				  &out->cache_write, &out->cache_write_1h,
				  &out->cache_read };

		for (int i = 0; i < 5; i++) {
			r = override(cfg, model, fields[i], dst[i], e);
			if (r < 0)
				return -1;
			found |= r;
		}
	}
	return found;
}

double cost_usd(const struct llm_price *p, const struct llm_usage *u)
{
	double write_5m = (double)(u->cache_write - u->cache_write_1h);

	return ((double)u->input * p->input +
		(double)u->output * p->output +
		write_5m * p->cache_write +
		(double)u->cache_write_1h * p->cache_write_1h +
		(double)u->cache_read * p->cache_read) / 1e6;
}
