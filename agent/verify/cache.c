/*
 * The verification cache: staged results keyed by everything the verdict
 * depends on but the tools themselves. A few recent ones in memory, least
 * recently used out; with a folder, every result is also a file there, so
 * it survives a restart and is shared by the agent and the hook's
 * in-process fallback. Owned by whoever runs verifications (the agent, or
 * the hook for one run); never a global.
 *
 * On disk: one file per key, named by the key's SHA-1, holding
 * {"format": 1, "key": "...", "result": {...}} (the result as verify/run
 * answers it). A file is written under a temporary name and renamed, so a
 * reader sees a whole entry or none; the key inside is compared whole, so a
 * hash collision is a miss; a file that does not parse, or of another
 * format, is a miss too. Files are a cache: nothing is fsync'd, and the
 * oldest (by mtime, touched on every hit) go when there are more than
 * DISK_MAX. Files, not the run store: the hook must not open, migrate or be
 * refused by the run database to read a verdict, an entry can be deleted by
 * hand, and a bad one costs one run, never the record of runs.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/blobid.h"
#include "util/fs.h"
#include "util/log.h"
#include "util/mem.h"
#include "verify/run.h"

#define CACHE_MAX 32
#define DISK_MAX 256
#define DISK_FORMAT 1
/* A result holds at most 256 KiB of output per check: far below this. */
#define ENTRY_MAX ((size_t)64 << 20)
#define SUFFIX ".json"

struct verify_cache {
	struct {
		char *key;
		struct verify_result *res;
		uint64_t used;
	} slot[CACHE_MAX];
	uint64_t clock;
	char *dir; /* NULL: memory only */
};

struct verify_cache *verify_cache_new(void)
{
	return xcalloc(1, sizeof(struct verify_cache));
}

struct verify_cache *verify_cache_open(const char *dir)
{
	struct verify_cache *c = verify_cache_new();

	c->dir = xstrdup(dir);
	return c;
}

void verify_cache_free(struct verify_cache *c)
{
	if (!c)
		return;
	verify_cache_forget(c);
	free(c->dir);
	free(c);
}

/* dir/<sha1 of key>.json into out. */
static void entry_path(const struct verify_cache *c, const char *key,
		       struct buf *out)
{
	char hex[BLOB_ID_HEXSZ + 1];

	blob_id_hex(key, strlen(key), hex);
	buf_addf(out, "%s/%s" SUFFIX, c->dir, hex);
}

static void memory_put(struct verify_cache *c, const char *key,
		       struct verify_result *owned)
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
	c->slot[victim].res = owned;
	c->slot[victim].used = ++c->clock;
}

/* The entry for key on disk, or NULL (missing, unreadable, another key). */
static struct verify_result *disk_get(struct verify_cache *c, const char *key)
{
	struct buf path = BUF_INIT, text = BUF_INIT;
	struct json_doc d = JSON_DOC_INIT;
	struct verify_result *res = NULL;
	struct err e = ERR_INIT;
	int64_t format;

	entry_path(c, key, &path);
	if (fs_read_regular(&text, path.ptr, ENTRY_MAX, &e) < 0) {
		if (e.kind != ERR_NOT_FOUND)
			log_debug("verification cache: %s", e.msg.ptr);
		goto out;
	}
	if (json_parse(&d, text.ptr, text.len, 0, &e) < 0 ||
	    json_int64(&d, json_get(&d, 0, "format"), &format) < 0 ||
	    format != DISK_FORMAT ||
	    !json_str_eq(&d, json_get(&d, 0, "key"), key) ||
	    verify_result_read_json(&res, &d, json_get(&d, 0, "result")) < 0) {
		log_debug("verification cache: %s is not an entry for this "
			  "key; ignored", path.ptr);
		goto out;
	}
	/* Recently used: the last to go when the folder is pruned. */
	utimensat(AT_FDCWD, path.ptr, NULL, 0);
out:
	json_doc_release(&d);
	buf_release(&path);
	buf_release(&text);
	err_clear(&e);
	return res;
}

const struct verify_result *verify_cache_get(struct verify_cache *c,
					     const char *key)
{
	struct verify_result *res;
	size_t i;

	for (i = 0; i < CACHE_MAX; i++)
		if (c->slot[i].key && !strcmp(c->slot[i].key, key)) {
			c->slot[i].used = ++c->clock;
			return c->slot[i].res;
		}
	if (!c->dir || !(res = disk_get(c, key)))
		return NULL;
	memory_put(c, key, res);
	return res;
}

struct aged {
	char *name;
	struct timespec mtime;
};

static int aged_cmp(const void *a, const void *b)
{
	const struct aged *x = a, *y = b;

	if (x->mtime.tv_sec != y->mtime.tv_sec)
		return x->mtime.tv_sec < y->mtime.tv_sec ? -1 : 1;
	if (x->mtime.tv_nsec != y->mtime.tv_nsec)
		return x->mtime.tv_nsec < y->mtime.tv_nsec ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* Our entries in dir (name ends in SUFFIX, a regular file); with keep, the
 * oldest beyond keep are removed, else all. */
static void disk_prune(const char *dir, size_t keep)
{
	struct aged *v = NULL;
	size_t n = 0, alloc = 0, i;
	struct dirent *de;
	struct stat st;
	DIR *d = opendir(dir);
	int fd;

	if (!d)
		return;
	fd = dirfd(d);
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);

		if (len <= sizeof(SUFFIX) - 1 || de->d_name[0] == '.' ||
		    strcmp(de->d_name + len - (sizeof(SUFFIX) - 1), SUFFIX) ||
		    fstatat(fd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
		    !S_ISREG(st.st_mode))
			continue;
		if (n == alloc) {
			alloc = alloc ? alloc * 2 : 64;
			v = xrealloc(v, alloc * sizeof(*v));
		}
		v[n].name = xstrdup(de->d_name);
		v[n++].mtime = st.st_mtim;
	}
	if (n > keep) {
		qsort(v, n, sizeof(*v), aged_cmp);
		for (i = 0; i < n - keep; i++)
			unlinkat(fd, v[i].name, 0);
	}
	closedir(d);
	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

/* Writes the entry under a temporary name, then renames it in place. */
static int disk_put(struct verify_cache *c, const char *key,
		    const struct verify_result *r, struct err *e)
{
	struct buf path = BUF_INIT, tmp = BUF_INIT, text = BUF_INIT;
	struct json_writer w;
	size_t off = 0;
	int fd = -1, rc = -1;

	if (fs_mkdirs(c->dir, 0700, e) < 0)
		goto out;
	entry_path(c, key, &path);
	buf_addf(&tmp, "%s/.tmp-%d-XXXXXX", c->dir, (int)getpid());
	json_writer_init(&w, &text);
	json_obj_begin(&w);
	json_kv_int(&w, "format", DISK_FORMAT);
	json_kv_str(&w, "key", key);
	json_key(&w, "result");
	verify_result_write_json(&w, r);
	json_obj_end(&w);
	if ((fd = mkstemp(tmp.ptr)) < 0) {
		err_set_errno(e, ERR_IO, "creating %s", tmp.ptr);
		goto out;
	}
	while (off < text.len) {
		ssize_t k = write(fd, text.ptr + off, text.len - off);

		if (k < 0) {
			err_set_errno(e, ERR_IO, "writing %s", tmp.ptr);
			goto out;
		}
		off += (size_t)k;
	}
	if (close(fd) < 0) {
		fd = -1;
		err_set_errno(e, ERR_IO, "writing %s", tmp.ptr);
		goto out;
	}
	fd = -1;
	if (rename(tmp.ptr, path.ptr) < 0) {
		err_set_errno(e, ERR_IO, "renaming %s", tmp.ptr);
		goto out;
	}
	disk_prune(c->dir, DISK_MAX);
	rc = 0;
out:
	if (fd >= 0)
		close(fd);
	if (rc < 0 && tmp.len)
		unlink(tmp.ptr);
	buf_release(&path);
	buf_release(&tmp);
	buf_release(&text);
	return rc;
}

void verify_cache_put(struct verify_cache *c, const char *key,
		      const struct verify_result *r)
{
	struct err e = ERR_INIT;

	memory_put(c, key, verify_result_dup(r));
	/* A cache that cannot be written only costs the next run time. */
	if (c->dir && disk_put(c, key, r, &e) < 0)
		log_warn("verification cache: %s", e.msg.ptr);
	err_clear(&e);
}

void verify_cache_forget(struct verify_cache *c)
{
	size_t i;

	for (i = 0; i < CACHE_MAX; i++) {
		free(c->slot[i].key);
		verify_result_free(c->slot[i].res);
		memset(&c->slot[i], 0, sizeof(c->slot[i]));
	}
}

void verify_cache_clear(struct verify_cache *c)
{
	verify_cache_forget(c);
	if (c->dir)
		disk_prune(c->dir, 0);
}
