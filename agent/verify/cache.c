/*
 * The verification cache: a few recent staged results, keyed by everything
 * the verdict depends on but the tools themselves, least recently used out.
 * Owned by whoever runs verifications (the agent); never a global.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "verify/run.h"

#define CACHE_MAX 32

struct verify_cache {
	struct {
		char *key;
		struct verify_result *res;
		uint64_t used;
	} slot[CACHE_MAX];
	uint64_t clock;
};

struct verify_cache *verify_cache_new(void)
{
	return xcalloc(1, sizeof(struct verify_cache));
}

void verify_cache_free(struct verify_cache *c)
{
	if (!c)
		return;
	verify_cache_clear(c);
	free(c);
}

const struct verify_result *verify_cache_get(struct verify_cache *c,
					     const char *key)
{
	size_t i;

	for (i = 0; i < CACHE_MAX; i++)
		if (c->slot[i].key && !strcmp(c->slot[i].key, key)) {
			c->slot[i].used = ++c->clock;
			return c->slot[i].res;
		}
	return NULL;
}

void verify_cache_put(struct verify_cache *c, const char *key,
		      const struct verify_result *r)
{
	size_t i, victim = 0;

	for (i = 0; i < CACHE_MAX; i++) {
		if (!c->slot[i].key) {
			victim = i;
			break;
		}
		if (c->slot[i].used < c->slot[victim].used)
			victim = i;
	}
	free(c->slot[victim].key);
	verify_result_free(c->slot[victim].res);
	c->slot[victim].key = xstrdup(key);
	c->slot[victim].res = verify_result_dup(r);
	c->slot[victim].used = ++c->clock;
}

void verify_cache_clear(struct verify_cache *c)
{
	size_t i;

	for (i = 0; i < CACHE_MAX; i++) {
		free(c->slot[i].key);
		verify_result_free(c->slot[i].res);
		memset(&c->slot[i], 0, sizeof(c->slot[i]));
	}
}
