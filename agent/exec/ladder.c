/*
 * The healing ladder from configuration:
 *
 *	[ladder "1"]
 *		provider = anthropic
 *		thinkingBudget = 5000
 *		attempts = 2
 *	[ladder "2"]
 *		provider = openai
 *		model = gpt-4.1
 *
 * Rungs are climbed in the order their sections first appear.
 */
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "exec/exec.h"
#include "util/mem.h"

#define DEFAULT_THINKING_BUDGET 5000
#define MAX_RUNGS 16
#define MAX_RUNG_ATTEMPTS 10

static void rung_add(struct exec_ladder *l, const char *provider,
		     int64_t budget, int attempts)
{
	struct exec_rung *r;

	l->v = xrealloc(l->v, (size_t)(l->n + 1) * sizeof(*l->v));
	r = &l->v[l->n++];
	memset(r, 0, sizeof(*r));
	r->provider = xstrdup(provider);
	r->thinking_budget = budget;
	r->attempts = attempts;
}

struct load_ctx {
	struct exec_ladder *l;
	struct config *cfg;
	struct err *e;
	int failed;
};

static int load_rung(const char *name, void *data)
{
	struct load_ctx *c = data;
	struct exec_rung *r;
	char *provider = NULL;
	int64_t budget = 0, attempts = 1;

	if (c->l->n == MAX_RUNGS) {
		err_set(c->e, ERR_CONFIG, "ladder: more than %d rungs",
			MAX_RUNGS);
		goto fail;
	}
	if (config_get_string(c->cfg, "ladder", name, "provider", &provider,
			      c->e) <= 0 || !*provider) {
		err_set(c->e, ERR_CONFIG, "ladder \"%s\": no provider", name);
		goto fail;
	}
	if (config_get_int(c->cfg, "ladder", name, "thinkingBudget", &budget,
			   c->e) < 0 ||
	    config_get_int(c->cfg, "ladder", name, "attempts", &attempts,
			   c->e) < 0)
		goto fail;
	if (attempts < 1 || attempts > MAX_RUNG_ATTEMPTS) {
		err_set(c->e, ERR_CONFIG,
			"ladder \"%s\": attempts must be 1 to %d", name,
			MAX_RUNG_ATTEMPTS);
		goto fail;
	}
	if (budget < 0) {
		err_set(c->e, ERR_CONFIG,
			"ladder \"%s\": thinkingBudget must be 0 or more", name);
		goto fail;
	}
	rung_add(c->l, provider, budget, (int)attempts);
	r = &c->l->v[c->l->n - 1];
	if (config_get_string(c->cfg, "ladder", name, "model", &r->model,
			      c->e) > 0 && !*r->model) {
		free(r->model);
		r->model = NULL;
	}
	free(provider);
	return 0;
fail:
	free(provider);
	c->failed = 1;
	return 1;
}

int exec_ladder_load(struct exec_ladder *out, struct config *cfg,
		     struct err *e)
{
	struct load_ctx c = { out, cfg, e, 0 };

	memset(out, 0, sizeof(*out));
	if (cfg && (config_subsections(cfg, "ladder", load_rung, &c, e) < 0 ||
		    c.failed)) {
		exec_ladder_release(out);
		return -1;
	}
	if (!out->n) {
		rung_add(out, "anthropic", DEFAULT_THINKING_BUDGET, 2);
		rung_add(out, "openai", 0, 1);
	}
	return 0;
}

void exec_ladder_release(struct exec_ladder *l)
{
	for (int i = 0; i < l->n; i++) {
		free(l->v[i].provider);
		free(l->v[i].model);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

int exec_ladder_attempts(const struct exec_ladder *l)
{
	int n = 0;

	for (int i = 0; i < l->n; i++)
		n += l->v[i].attempts;
	return n;
}
