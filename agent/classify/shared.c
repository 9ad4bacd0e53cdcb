/*
 * The databases the agent shares between requests: one per distinct list of
 * extra pattern files (most workspaces have none, so most share the shipped
 * one). A list is keyed by each file's path, size and mtime, so an edited
 * repo pattern file is picked up on the next request. Entries are reference
 * counted: a check that holds a database across its children keeps it alive
 * even if the cache lets it go meanwhile.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "classify/db.h"
#include "config/config.h"
#include "util/mem.h"

#define SHARED_MAX 8

struct shared {
	char *key; /* the extra files with size and mtime, one a line */
	struct classify_db *db;
	unsigned long last_use;
};

/* Owned by whoever shares databases between requests (the agent); a
 * command that classifies once makes its own. */
static void cache_drop(struct shared *c)
{
	classify_db_release(c->db);
	free(c->key);
	memset(c, 0, sizeof(*c));
}

struct classify_cache {
	struct shared slot[SHARED_MAX];
	unsigned long use_clock;
};

struct classify_cache *classify_cache_new(void)
{
	return xcalloc(1, sizeof(struct classify_cache));
}

struct extras {
	const char *workspace;
	char **files; /* NULL-terminated */
	size_t n;
	struct buf key;
};

static int add_extra(const char *value, void *data)
{
	struct extras *x = data;
	struct buf path = BUF_INIT;
	struct stat st;

	if (value[0] == '/' || !x->workspace)
		buf_adds(&path, value);
	else
		buf_addf(&path, "%s/%s", x->workspace, value);
	if (stat(path.ptr, &st) < 0)
		memset(&st, 0, sizeof(st)); /* the load reports it */
	buf_addf(&x->key, "%s\t%lld\t%lld.%09ld\n", path.ptr,
		 (long long)st.st_size, (long long)st.st_mtim.tv_sec,
		 st.st_mtim.tv_nsec);
	x->files = xrealloc(x->files, (x->n + 2) * sizeof(*x->files));
	x->files[x->n++] = buf_detach(&path, NULL);
	x->files[x->n] = NULL;
	return 0;
}

static void extras_release(struct extras *x)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		free(x->files[i]);
	free(x->files);
	buf_release(&x->key);
}


void classify_cache_free(struct classify_cache *cache)
{
	if (!cache)
		return;
	for (size_t i = 0; i < SHARED_MAX; i++)
		if (cache->slot[i].db)
			cache_drop(&cache->slot[i]);
	free(cache);
}

int classify_db_acquire(struct classify_cache *cache,
			struct classify_db **out, const char *workspace,
			struct err *e)
{
	struct extras x = { workspace, NULL, 0, BUF_INIT };
	struct config *cfg = NULL;
	struct shared *c, *slot = &cache->slot[0];
	struct classify_db *db;
	int rc = -1;
	size_t i;

	*out = NULL;
	if (config_open(&cfg, workspace, e) < 0 ||
	    config_get_all(cfg, "classify", NULL, "patterns", add_extra, &x, e) < 0)
		goto out;
	for (i = 0; i < SHARED_MAX; i++) {
		c = &cache->slot[i];
		if (c->db && !strcmp(c->key, x.key.ptr)) {
			c->last_use = ++cache->use_clock;
			c->db->refs++;
			*out = c->db;
			rc = 0;
			goto out;
		}
		if (!c->db || (slot->db && c->last_use < slot->last_use))
			slot = c;
	}
	if (classify_db_load(&db, (const char *const *)x.files, e) < 0)
		goto out;
	if (slot->db)
		cache_drop(slot);
	slot->key = buf_strdup(&x.key);
	slot->db = db;
	slot->last_use = ++cache->use_clock;
	db->refs++; /* the cache's own reference */
	*out = db;
	rc = 0;
out:
	config_free(cfg);
	extras_release(&x);
	return rc;
}

void classify_db_release(struct classify_db *db)
{
	if (db && --db->refs == 0)
		classify_db_free(db);
}
