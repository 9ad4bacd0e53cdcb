/*
 * context: the repository view (see context.h). One `struct ctx_repo` per
 * work tree holds the state the view is built from (files, outlines, the
 * graph) and the last views served; context_get checks whether that state
 * still matches the repository, updates what changed, then ranks and fills
 * the budget.
 */
#include "context/context.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "context/files.h"
#include "context/internal.h"
#include "context/rank.h"
#include "git/giterr.h"
#include "util/fs.h"
#include "util/log.h"
#include "util/mem.h"

/* Views kept per repository (different focuses on the same state). */
#define VIEWS_KEPT 8
/* A name defined in more files than this says little about a file. */
#define MAX_DEFINERS 40
#define MANIFEST_BYTES 2048
#define MANIFEST_LINES 60
#define README_BYTES 3072
#define README_LINES 40
#define LEFT_OUT_SHOWN 10
#define DIRS_SHOWN 20
/* Definitions shown for a ranked file before only the relevant ones. */
#define OUTLINE_LINES 12

/* ---- small hash maps (keys borrowed) ------------------------------------ */

static uint64_t hash_bytes(const void *p, size_t n, uint64_t h)
{
	const unsigned char *s = p;

	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}
#define HASH_SEED 0xcbf29ce484222325ULL

/* String -> uint32. */
struct smap {
	const char **keys;
	uint32_t *vals;
	size_t cap, n;
};

static void smap_release(struct smap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

static size_t smap_slot(const struct smap *m, const char *k)
{
	size_t i = hash_bytes(k, strlen(k), HASH_SEED) & (m->cap - 1);

	while (m->keys[i] && strcmp(m->keys[i], k))
		i = (i + 1) & (m->cap - 1);
	return i;
}

static bool smap_get(const struct smap *m, const char *k, uint32_t *v)
{
	if (!m->cap)
		return false;
	size_t i = smap_slot(m, k);
	if (!m->keys[i])
		return false;
	*v = m->vals[i];
	return true;
}

/* Sets k (borrowed) to v unless present; returns the value now there. */
static uint32_t smap_put(struct smap *m, const char *k, uint32_t v)
{
	if ((m->n + 1) * 2 > m->cap) {
		struct smap g = { NULL, NULL, m->cap ? m->cap * 2 : 64, 0 };
		g.keys = xcalloc(g.cap, sizeof(*g.keys));
		g.vals = xcalloc(g.cap, sizeof(*g.vals));
		for (size_t i = 0; i < m->cap; i++)
			if (m->keys[i])
				smap_put(&g, m->keys[i], m->vals[i]);
		smap_release(m);
		*m = g;
	}
	size_t i = smap_slot(m, k);
	if (!m->keys[i]) {
		m->keys[i] = k;
		m->vals[i] = v;
		m->n++;
	}
	return m->vals[i];
}

/* Lists of file indexes, by list id (what an smap maps a name to). */
struct lists {
	uint32_t **v;
	uint32_t *n, *alloc;
	size_t count, cap;
};

static uint32_t lists_new(struct lists *l)
{
	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
		l->n = xrealloc(l->n, l->cap * sizeof(*l->n));
		l->alloc = xrealloc(l->alloc, l->cap * sizeof(*l->alloc));
	}
	l->v[l->count] = NULL;
	l->n[l->count] = l->alloc[l->count] = 0;
	return (uint32_t)l->count++;
}

static void lists_push(struct lists *l, uint32_t id, uint32_t x)
{
	if (l->n[id] && l->v[id][l->n[id] - 1] == x)
		return;	/* files come in order: one entry a file */
	if (l->n[id] == l->alloc[id]) {
		l->alloc[id] = l->alloc[id] ? l->alloc[id] * 2 : 2;
		l->v[id] = xrealloc(l->v[id], l->alloc[id] * sizeof(uint32_t));
	}
	l->v[id][l->n[id]++] = x;
}

static void lists_release(struct lists *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->v[i]);
	free(l->v);
	free(l->n);
	free(l->alloc);
	memset(l, 0, sizeof(*l));
}

/* Name -> the files listing it, built on the fly. */
struct index {
	struct smap map;
	struct lists lists;
};

static void index_add(struct index *x, const char *key, uint32_t file)
{
	uint32_t id;

	if (!smap_get(&x->map, key, &id)) {
		id = lists_new(&x->lists);
		smap_put(&x->map, key, id);
	}
	lists_push(&x->lists, id, file);
}

static const uint32_t *index_find(const struct index *x, const char *key,
				  uint32_t *n)
{
	uint32_t id;

	*n = 0;
	if (!smap_get(&x->map, key, &id))
		return NULL;
	*n = x->lists.n[id];
	return x->lists.v[id];
}

static void index_release(struct index *x)
{
	smap_release(&x->map);
	lists_release(&x->lists);
}

/* ---- state -------------------------------------------------------------- */

struct ctx_file {
	char *path;
	git_oid id;		/* content's blob id (the work tree's if dirty) */
	git_oid index_id;
	uint32_t mode;
	uint64_t size;
	const char *rule;	/* NULL: listed */
	int lang;
	struct outline *ol;	/* borrowed from the cache's memo; may be NULL */
	char *dir_base;		/* Go files: their folder's last name (owned) */
	bool clean;		/* the work tree matched the index entry */
	bool manifest;		/* a manifest or the README */
	uint32_t path_tokens;	/* the path's line in the file map */
	/* The work-tree stat last hashed (dirty files), and its id. */
	bool wt_known;
	int64_t wt_sec, wt_nsec;
	uint64_t wt_size, wt_ino;
	git_oid wt_id;
};

/* One index entry's work-tree stat. */
/* One index entry and its work-tree file. The entry is a copy (its path
 * owned): libgit2 frees the index's own entries when it reads a changed
 * index file, and a scan outlives that (inotify events stat it later). */
struct scan {
	git_index_entry entry;
	bool missing, differs;
	struct stat st;
};

struct view {
	char *request;		/* canonical request, see request_key */
	size_t tokens;
	struct buf text;
	struct strv files;
};

struct ctx_repo {
	char *root;		/* with a trailing '/' */
	git_repository *repo;
	bool have_key;
	git_oid index_sum, head;
	uint64_t dirty;
	struct ctx_file *files;
	size_t nfiles;
	/* The graph and the lookups ranking needs, rebuilt with files. */
	struct rank_graph g;
	struct index defs, refs, by_base, by_dir;
	struct smap by_path;
	struct view views[VIEWS_KEPT];
	size_t next_view;
	/* The last scan (one per file, as files), valid while the index is
	 * unchanged, and the inotify watches that keep it current: a warm call
	 * reads the events instead of stating every file. ino_fd is -1 when
	 * watching is off (then every call stats). */
	struct scan *scan;
	size_t nscan;
	int ino_fd;
	bool watch_failed;
	char **wd_dir;		/* watch descriptor -> folder ("" or "a/b/") */
	size_t nwd;
};

/* Memo of outlines by (blob id, language). */
struct omap {
	struct outline **slots;
	size_t cap, n;
};

struct context_cache {
	char *outline_dir;
	struct ctx_repo **repos;
	size_t nrepos;
	struct omap memo;
};

static size_t omap_slot(const struct omap *m, const git_oid *id, int lang)
{
	uint64_t h;

	memcpy(&h, id->id, sizeof(h));
	size_t i = (size_t)(h ^ (uint64_t)(lang + 1)) & (m->cap - 1);
	while (m->slots[i] && (m->slots[i]->lang != lang ||
			       git_oid_cmp(&m->slots[i]->id, id)))
		i = (i + 1) & (m->cap - 1);
	return i;
}

static struct outline *omap_get(const struct omap *m, const git_oid *id,
				int lang)
{
	return m->cap ? m->slots[omap_slot(m, id, lang)] : NULL;
}

static void omap_put(struct omap *m, struct outline *o)
{
	if ((m->n + 1) * 2 > m->cap) {
		struct omap g = { NULL, m->cap ? m->cap * 2 : 256, 0 };
		g.slots = xcalloc(g.cap, sizeof(*g.slots));
		for (size_t i = 0; i < m->cap; i++)
			if (m->slots[i])
				omap_put(&g, m->slots[i]);
		free(m->slots);
		*m = g;
	}
	m->slots[omap_slot(m, &o->id, o->lang)] = o;
	m->n++;
}

static void view_clear(struct view *v)
{
	free(v->request);
	v->request = NULL;
	buf_release(&v->text);
	strv_release(&v->files);
}

static void graph_release(struct ctx_repo *r)
{
	free(r->g.start);
	free(r->g.to);
	free(r->g.weight);
	free(r->g.out_weight);
	memset(&r->g, 0, sizeof(r->g));
	index_release(&r->defs);
	index_release(&r->refs);
	index_release(&r->by_base);
	index_release(&r->by_dir);
	smap_release(&r->by_path);
}

static void files_free(struct ctx_file *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(f[i].path);
		free(f[i].dir_base);
	}
	free(f);
}

static void watch_close(struct ctx_repo *r);

static void scan_free(struct scan *s, size_t n)
{
	for (size_t i = 0; s && i < n; i++)
		free((char *)s[i].entry.path);
	free(s);
}

static void repo_state_free(struct ctx_repo *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < VIEWS_KEPT; i++)
		view_clear(&r->views[i]);
	graph_release(r);
	files_free(r->files, r->nfiles);
	scan_free(r->scan, r->nscan);
	watch_close(r);
	git_repository_free(r->repo);
	free(r->root);
	free(r);
}

int context_cache_new(struct context_cache **out, const char *state_dir,
		      struct err *e)
{
	struct buf dir = BUF_INIT;
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");

	if (state_dir)
		buf_adds(&dir, state_dir);
	else if (xdg && *xdg == '/')
		buf_addf(&dir, "%s/airunner", xdg);
	else if (home && *home == '/')
		buf_addf(&dir, "%s/.local/state/airunner", home);
	else
		buf_adds(&dir, "/tmp/airunner-state");
	buf_adds(&dir, "/outlines");
	if (fs_mkdirs(dir.ptr, 0700, e) < 0) {
		buf_release(&dir);
		return -1;
	}
	git_libgit2_init();
	*out = xcalloc(1, sizeof(**out));
	(*out)->outline_dir = buf_detach(&dir, NULL);
	return 0;
}

void context_cache_free(struct context_cache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nrepos; i++)
		repo_state_free(c->repos[i]);
	free(c->repos);
	for (size_t i = 0; i < c->memo.cap; i++)
		outline_free(c->memo.slots[i]);
	free(c->memo.slots);
	free(c->outline_dir);
	free(c);
	git_libgit2_shutdown();
}

void context_result_init(struct context_result *r)
{
	memset(r, 0, sizeof(*r));
	buf_init(&r->text, BUF_DEFAULT_MAX);
}

void context_result_release(struct context_result *r)
{
	buf_release(&r->text);
	strv_release(&r->files);
}

/* ---- UTF-8 and tokens --------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t len;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xE0) == 0xC0)
		len = 2, cp = s[0] & 0x1F;
	else if ((s[0] & 0xF0) == 0xE0)
		len = 3, cp = s[0] & 0x0F;
	else if ((s[0] & 0xF8) == 0xF0)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

void context_add_utf8(struct buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0;

	while (i < n) {
		size_t len = u[i] ? utf8_len(u + i, n - i) : 0;
		if (len) {
			i += len;
			continue;
		}
		buf_add(b, s + run, i - run);
		buf_adds(b, "\xEF\xBF\xBD");	/* U+FFFD */
		run = ++i;
	}
	buf_add(b, s + run, n - run);
}

static bool is_word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

size_t context_estimate_tokens(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t t = 0, i = 0;

	while (i < n) {
		if (is_word(u[i])) {
			size_t j = i;
			while (j < n && is_word(u[j]))
				j++;
			t += 1 + (j - i - 1) / 8;
			i = j;
		} else if (u[i] == '\n') {
			t++;
			while (i < n && (u[i] == '\n' || u[i] == ' ' ||
					 u[i] == '\t'))
				i++;
		} else if (u[i] == ' ' || u[i] == '\t') {
			/* A space before a word goes with the word. */
			size_t j = i;
			while (j < n && (u[j] == ' ' || u[j] == '\t'))
				j++;
			t += (j - i) / 4;
			i = j;
		} else if (u[i] >= 0x80) {
			t++;
			i++;
			while (i < n && (u[i] & 0xC0) == 0x80)
				i++;
		} else {
			t++;
			i++;
		}
	}
	/* Calibrated on the benchmark's views against a real tokenizer,
	 * which counts about 8% more than the rules above (README). */
	return t + t / 12;
}

/* ---- the state: index, HEAD, dirty files ---------------------------------- */

static void stat_of(const struct stat *st, int64_t *sec, int64_t *nsec)
{
	*sec = st->st_mtim.tv_sec;
	*nsec = st->st_mtim.tv_nsec;
}

/* Stats one entry's work-tree file. */
static void scan_stat(const struct ctx_repo *r, struct scan *sc, struct buf *p)
{
	const git_index_entry *e = &sc->entry;
	int64_t sec, nsec;

	sc->missing = sc->differs = false;
	if ((e->mode & 0170000) == GIT_FILEMODE_COMMIT)
		return;
	buf_reset(p);
	buf_adds(p, r->root);
	buf_adds(p, e->path);
	if (lstat(p->ptr, &sc->st) < 0) {
		sc->missing = true;
		return;
	}
	stat_of(&sc->st, &sec, &nsec);
	sc->differs = (uint64_t)sc->st.st_size != e->file_size ||
		      sec != e->mtime.seconds ||
		      (uint32_t)nsec != e->mtime.nanoseconds;
}

/* The dirty key: a hash of the stat of every file that differs from its
 * index entry (or is missing). */
static uint64_t scan_hash(const struct scan *s, size_t n)
{
	uint64_t h = HASH_SEED;

	for (size_t i = 0; i < n; i++) {
		const struct scan *sc = &s[i];
		if (!sc->missing && !sc->differs)
			continue;
		h = hash_bytes(sc->entry.path, strlen(sc->entry.path) + 1, h);
		h = hash_bytes(&sc->missing, sizeof(sc->missing), h);
		if (!sc->missing) {
			h = hash_bytes(&sc->st.st_size, sizeof(sc->st.st_size), h);
			h = hash_bytes(&sc->st.st_mtim, sizeof(sc->st.st_mtim), h);
			h = hash_bytes(&sc->st.st_ino, sizeof(sc->st.st_ino), h);
		}
	}
	return h;
}

/* Stats every index entry's work-tree file: one scan per path. */
static size_t scan_index(struct ctx_repo *r, git_index *idx,
			 struct scan **out)
{
	size_t n = git_index_entrycount(idx), k = 0;
	struct scan *s = xcalloc(n ? n : 1, sizeof(*s));
	struct buf p = BUF_INIT;

	for (size_t i = 0; i < n; i++) {
		const git_index_entry *e = git_index_get_byindex(idx, i);
		if (k && !strcmp(s[k - 1].entry.path, e->path))
			continue;	/* a conflict's other stages */
		s[k].entry = *e;
		s[k].entry.path = xstrdup(e->path);
		scan_stat(r, &s[k++], &p);
	}
	buf_release(&p);
	*out = s;
	return k;
}

/* ---- change notification ----------------------------------------------- */

static void watch_close(struct ctx_repo *r)
{
	if (r->ino_fd >= 0)
		close(r->ino_fd);
	r->ino_fd = -1;
	for (size_t i = 0; i < r->nwd; i++)
		free(r->wd_dir[i]);
	free(r->wd_dir);
	r->wd_dir = NULL;
	r->nwd = 0;
}

/*
 * Watches every folder that holds a tracked file, before the scan that the
 * events then keep current. Any failure (no inotify, the watch limit)
 * leaves watching off: every call then stats every file, which is correct,
 * only slower.
 */
static void watch_arm(struct ctx_repo *r, git_index *idx)
{
	const uint32_t mask = IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB |
			      IN_CREATE | IN_DELETE | IN_MOVED_FROM |
			      IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;
	struct buf p = BUF_INIT;
	const char *last = NULL;
	size_t last_len = (size_t)-1;

	if (r->ino_fd < 0 && r->watch_failed)
		return;
	if (r->ino_fd < 0) {
		r->ino_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
		if (r->ino_fd < 0)
			goto fail;
	}
	for (size_t i = 0, n = git_index_entrycount(idx); i <= n; i++) {
		const char *path = "";
		size_t len = 0;
		if (i < n) {
			path = git_index_get_byindex(idx, i)->path;
			const char *slash = strrchr(path, '/');
			len = slash ? (size_t)(slash - path) + 1 : 0;
		}
		if (i == n)
			len = 0;	/* the top itself, last */
		if (last && len == last_len && !memcmp(last, path, len))
			continue;
		last = path;
		last_len = len;
		buf_reset(&p);
		buf_adds(&p, r->root);
		buf_add(&p, path, len);
		int wd = inotify_add_watch(r->ino_fd, p.ptr, mask);
		if (wd < 0)
			goto fail;
		if ((size_t)wd >= r->nwd) {
			size_t more = (size_t)wd + 64;
			r->wd_dir = xrealloc(r->wd_dir, more * sizeof(char *));
			memset(r->wd_dir + r->nwd, 0, (more - r->nwd) * sizeof(char *));
			r->nwd = more;
		}
		if (!r->wd_dir[wd])
			r->wd_dir[wd] = xstrndup(path, len);
	}
	buf_release(&p);
	return;
fail:
	buf_release(&p);
	watch_close(r);
	r->watch_failed = true;
}

/*
 * Reads the pending events and stats again the tracked files they name.
 * 0 when the scan is current, -1 when only a full scan will do (the queue
 * overflowed, a watched folder went away).
 */
static int watch_drain(struct ctx_repo *r)
{
	char ev[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
	struct buf p = BUF_INIT, rel = BUF_INIT;
	int rc = 0;

	for (;;) {
		ssize_t len = read(r->ino_fd, ev, sizeof(ev));
		if (len < 0 && errno == EINTR)
			continue;
		if (len < 0 && errno == EAGAIN)
			break;
		if (len <= 0) {
			rc = -1;
			break;
		}
		for (char *at = ev; at < ev + len;) {
			const struct inotify_event *ie = (const void *)at;
			at += sizeof(*ie) + ie->len;
			if (ie->mask & (IN_Q_OVERFLOW | IN_DELETE_SELF |
					IN_MOVE_SELF | IN_IGNORED)) {
				rc = -1;
				continue;
			}
			if (ie->wd < 0 || (size_t)ie->wd >= r->nwd ||
			    !r->wd_dir[ie->wd] || !ie->len)
				continue;
			buf_reset(&rel);
			buf_adds(&rel, r->wd_dir[ie->wd]);
			buf_adds(&rel, ie->name);
			uint32_t i;
			if (rc == 0 && smap_get(&r->by_path, rel.ptr, &i) &&
			    i < r->nscan)
				scan_stat(r, &r->scan[i], &p);
		}
	}
	buf_release(&p);
	buf_release(&rel);
	return rc;
}

/* Reads a work-tree file (at most limit bytes). */
static int read_worktree(const struct ctx_repo *r, const char *path,
			 struct buf *b, size_t limit)
{
	struct buf p = BUF_INIT;
	int rc;

	buf_addf(&p, "%s%s", r->root, path);
	buf_reset(b);
	rc = buf_read_file(b, p.ptr, limit);
	buf_release(&p);
	return rc;
}

/* The outline of (id, lang): from memory, the disk, or a parse of
 * content (read on demand into *content). */
static struct outline *outline_for(struct context_cache *c,
				   struct ctx_repo *r, struct ctx_file *f,
				   struct buf *content, bool have_content,
				   size_t *parsed)
{
	struct outline *o = omap_get(&c->memo, &f->id, f->lang);

	if (o)
		return o;
	if (outline_load(c->outline_dir, &f->id, f->lang, &o) == 0) {
		omap_put(&c->memo, o);
		return o;
	}
	if (!have_content && read_worktree(r, f->path, content,
					   FILES_HUGE + 1) < 0) {
		/* Gone or unreadable in the work tree: the blob then. */
		git_blob *blob = NULL;
		if (git_blob_lookup(&blob, r->repo, &f->id) < 0)
			return NULL;
		buf_reset(content);
		buf_add(content, git_blob_rawcontent(blob),
			(size_t)git_blob_rawsize(blob));
		git_blob_free(blob);
	}
	o = outline_build(&f->id, f->lang, content->ptr, content->len);
	(*parsed)++;
	outline_store(c->outline_dir, o);
	omap_put(&c->memo, o);
	return o;
}

/* The files whose content (or rule) a rebuild changed, with the outline
 * each had before (NULL when it was not listed). */
struct changes {
	uint32_t *file;
	const struct outline **old;
	size_t n;
	bool same_paths;	/* the same files in the same order */
};

/* Builds the files from the scan, reusing what the old state knew. */
static void rebuild_files(struct context_cache *c, struct ctx_repo *r,
			  const struct scan *s, size_t n, size_t *parsed,
			  struct changes *ch)
{
	struct ctx_file *files = xcalloc(n ? n : 1, sizeof(*files));
	struct buf content = BUF_INIT;
	size_t old = 0;

	ch->file = xcalloc(n ? n : 1, sizeof(*ch->file));
	ch->old = xcalloc(n ? n : 1, sizeof(*ch->old));
	ch->n = 0;
	ch->same_paths = n == r->nfiles;
	for (size_t i = 0; i < n; i++) {
		const git_index_entry *e = &s[i].entry;
		struct ctx_file *f = &files[i], *prev = NULL;
		bool have_content = false;

		while (old < r->nfiles && strcmp(r->files[old].path, e->path) < 0)
			old++;
		if (old < r->nfiles && !strcmp(r->files[old].path, e->path))
			prev = &r->files[old];
		ch->same_paths = ch->same_paths && prev && old == i;
		/* Unchanged since the last build: taken over as it is (the
		 * path too, so the maps' keys stay valid). */
		if (prev && !git_oid_cmp(&prev->index_id, &e->id) &&
		    prev->mode == e->mode && !s[i].missing &&
		    ((!s[i].differs && prev->clean) ||
		     (s[i].differs && prev->wt_known &&
		      prev->wt_sec == s[i].st.st_mtim.tv_sec &&
		      prev->wt_nsec == s[i].st.st_mtim.tv_nsec &&
		      prev->wt_size == (uint64_t)s[i].st.st_size &&
		      prev->wt_ino == (uint64_t)s[i].st.st_ino))) {
			*f = *prev;
			prev->path = prev->dir_base = NULL;
			old++;	/* its path is gone; paths are unique */
			continue;
		}
		ch->file[ch->n] = (uint32_t)i;
		ch->old[ch->n++] = prev && !prev->rule ? prev->ol : NULL;
		f->clean = !s[i].differs && !s[i].missing;
		git_oid_cpy(&f->index_id, &e->id);
		git_oid_cpy(&f->id, &e->id);
		f->mode = e->mode;
		f->size = e->file_size;
		if (prev) {
			/* The same strings: the maps' keys point into them. */
			f->path = prev->path;
			f->dir_base = prev->dir_base;
			prev->path = prev->dir_base = NULL;
			old++;
		} else {
			f->path = xstrdup(e->path);
		}
		f->lang = outline_lang_of(f->path);
		f->manifest = files_is_manifest(f->path) || files_is_readme(f->path);
		f->path_tokens = (uint32_t)context_estimate_tokens(
			f->path, strlen(f->path)) + 1;
		const char *slash = strrchr(f->path, '/');
		if (!prev && slash && !strcmp(outline_lang_name(f->lang), "go")) {
			const char *d = slash;
			while (d > f->path && d[-1] != '/')
				d--;
			f->dir_base = xstrndup(d, (size_t)(slash - d));
		}
		if ((e->mode & 0170000) == GIT_FILEMODE_COMMIT) {
			f->rule = FILES_RULE_SUBMODULE;
			continue;
		}
		if (S_ISLNK(e->mode)) {
			f->rule = FILES_RULE_SYMLINK;
			continue;
		}
		if (s[i].missing) {
			f->rule = FILES_RULE_DELETED;
			continue;
		}
		if (s[i].differs)
			f->size = (uint64_t)s[i].st.st_size;
		f->rule = files_rule_by_path(f->path, f->size);
		if (f->rule)
			continue;
		if (s[i].differs) {
			int64_t sec, nsec;
			stat_of(&s[i].st, &sec, &nsec);
			f->wt_known = true;
			f->wt_sec = sec;
			f->wt_nsec = nsec;
			f->wt_size = (uint64_t)s[i].st.st_size;
			f->wt_ino = (uint64_t)s[i].st.st_ino;
			if (prev && prev->wt_known && prev->wt_sec == sec &&
			    prev->wt_nsec == nsec &&
			    prev->wt_size == f->wt_size &&
			    prev->wt_ino == f->wt_ino) {
				git_oid_cpy(&f->wt_id, &prev->wt_id);
			} else {
				if (read_worktree(r, f->path, &content,
						  FILES_HUGE + 1) < 0) {
					f->rule = FILES_RULE_DELETED;
					continue;
				}
				have_content = true;
				git_odb_hash(&f->wt_id, content.ptr, content.len,
					     GIT_OBJECT_BLOB);
			}
			git_oid_cpy(&f->id, &f->wt_id);
		}
		f->ol = outline_for(c, r, f, &content, have_content, parsed);
		if (f->ol && f->ol->binary)
			f->rule = FILES_RULE_BINARY;
	}
	buf_release(&content);
	files_free(r->files, r->nfiles);
	r->files = files;
	r->nfiles = n;
}

/* ---- the graph ------------------------------------------------------------ */

static const char *const js_exts[] = {
	"", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".d.ts", "/index.ts",
	"/index.tsx", "/index.js", "/index.jsx", NULL,
};
static const char *const py_exts[] = { ".py", "/__init__.py", ".pyi", NULL };
static const char *const rs_exts[] = { ".rs", "/mod.rs", NULL };
static const char *const java_exts[] = { ".java", NULL };
static const char *const plain[] = { "", NULL };

/* Joins dir (with its '/' or empty) and rel into out; false when rel
 * climbs out of the work tree. */
static bool join_path(struct buf *out, const char *dir, size_t dir_len,
		      const char *rel)
{
	buf_reset(out);
	return fs_path_join(out, dir, dir_len, rel);
}

static void edge_add(uint32_t **to, double **w, size_t *n, size_t *cap,
		     uint32_t t, double weight)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*to = xrealloc(*to, *cap * sizeof(**to));
		*w = xrealloc(*w, *cap * sizeof(**w));
	}
	(*to)[*n] = t;
	(*w)[(*n)++] = weight;
}

struct edges {
	uint32_t *to;
	double *w;
	size_t n, cap;
};

/* Adds an edge to every file whose path is cand + one of exts (exact
 * first, then as a suffix after a '/'). */
static void resolve_to(const struct ctx_repo *r, struct edges *ed,
		       uint32_t from, const char *cand,
		       const char *const *exts, bool suffix, double weight)
{
	struct buf p = BUF_INIT;

	for (const char *const *x = exts; *x; x++) {
		uint32_t id, nb;
		buf_reset(&p);
		buf_addf(&p, "%s%s", cand, *x);
		if (smap_get(&r->by_path, p.ptr, &id)) {
			if (id != from)
				edge_add(&ed->to, &ed->w, &ed->n, &ed->cap, id,
					 weight);
			goto out;
		}
		if (!suffix)
			continue;
		const char *slash = strrchr(p.ptr, '/');
		const uint32_t *l = index_find(&r->by_base,
					       slash ? slash + 1 : p.ptr, &nb);
		bool any = false;
		for (uint32_t k = 0; k < nb && nb <= MAX_DEFINERS; k++) {
			const char *fp = r->files[l[k]].path;
			size_t fl = strlen(fp);
			if (l[k] != from && fl > p.len &&
			    fp[fl - p.len - 1] == '/' &&
			    !strcmp(fp + fl - p.len, p.ptr)) {
				edge_add(&ed->to, &ed->w, &ed->n, &ed->cap, l[k],
					 weight);
				any = true;
			}
		}
		if (any)
			goto out;
	}
out:
	buf_release(&p);
}

/* Resolves one import of file `from` to files of the repository. */
static void resolve_import(const struct ctx_repo *r, struct edges *ed,
			   uint32_t from, const char *imp)
{
	const struct ctx_file *f = &r->files[from];
	const char *lang = outline_lang_name(f->lang);
	const char *slash = strrchr(f->path, '/');
	size_t dir_len = slash ? (size_t)(slash - f->path) + 1 : 0;
	struct buf s = BUF_INIT, p = BUF_INIT;
	const double w = 1.0;

	/* Strip quotes and brackets. */
	size_t n = strlen(imp);
	if (n >= 2 && strchr("\"'`<", imp[0]))
		buf_add(&s, imp + 1, n - 2);
	else
		buf_add(&s, imp, n);

	if (!strcmp(lang, "javascript") || !strcmp(lang, "typescript") ||
	    !strcmp(lang, "tsx")) {
		if (s.ptr[0] != '.' || !join_path(&p, f->path, dir_len, s.ptr))
			goto out;
		/* TypeScript imports name the emitted .js. */
		size_t pl = p.len;
		if (pl > 3 && !strcmp(p.ptr + pl - 3, ".js")) {
			struct buf q = BUF_INIT;
			buf_add(&q, p.ptr, pl - 3);
			resolve_to(r, ed, from, q.ptr, js_exts, false, w);
			buf_release(&q);
		}
		resolve_to(r, ed, from, p.ptr, js_exts, false, w);
	} else if (!strcmp(lang, "c") || !strcmp(lang, "cpp")) {
		if (join_path(&p, f->path, dir_len, s.ptr)) {
			uint32_t id;
			if (smap_get(&r->by_path, p.ptr, &id)) {
				if (id != from)
					edge_add(&ed->to, &ed->w, &ed->n,
						 &ed->cap, id, w);
				goto out;
			}
		}
		resolve_to(r, ed, from, s.ptr, plain, true, w);
	} else if (!strcmp(lang, "python")) {
		size_t dots = 0;
		while (s.ptr[dots] == '.')
			dots++;
		buf_reset(&p);
		if (dots) {
			/* from .x import y: relative to the file's package */
			size_t k = dir_len;
			for (size_t d = 1; d < dots && k > 0; d++) {
				k--;
				while (k > 0 && f->path[k - 1] != '/')
					k--;
			}
			buf_add(&p, f->path, k);
		}
		for (const char *c = s.ptr + dots; *c; c++)
			buf_addch(&p, *c == '.' ? '/' : *c);
		if (p.len && p.ptr[p.len - 1] == '/')
			buf_truncate(&p, p.len - 1);
		if (p.len)
			resolve_to(r, ed, from, p.ptr, py_exts, !dots, w);
	} else if (!strcmp(lang, "java")) {
		for (char *c = s.ptr; *c; c++)
			if (*c == '.')
				*c = '/';
		resolve_to(r, ed, from, s.ptr, java_exts, true, w);
	} else if (!strcmp(lang, "rust")) {
		if (!strchr(s.ptr, ':')) {	/* mod x; */
			buf_reset(&p);
			buf_add(&p, f->path, dir_len);
			buf_adds(&p, s.ptr);
			resolve_to(r, ed, from, p.ptr, rs_exts, false, w);
			goto out;
		}
		buf_reset(&p);
		for (const char *c = s.ptr; *c; c++) {
			if (c[0] == ':' && c[1] == ':') {
				buf_addch(&p, '/');
				c++;
			} else {
				buf_addch(&p, *c);
			}
		}
		const char *q = p.ptr;
		while (!strncmp(q, "crate/", 6) || !strncmp(q, "self/", 5) ||
		       !strncmp(q, "super/", 6))
			q = strchr(q, '/') + 1;
		/* use a::b::C: the module is the longest prefix that is a
		 * file. */
		char *dup = xstrdup(q);
		for (;;) {
			size_t before = ed->n;
			resolve_to(r, ed, from, dup, rs_exts, true, w);
			char *last = strrchr(dup, '/');
			if (ed->n > before || !last)
				break;
			*last = '\0';
		}
		free(dup);
	} else if (!strcmp(lang, "go")) {
		/* A package is a folder: the longest suffix of the import path
		 * that names one. */
		const char *last = strrchr(s.ptr, '/');
		const char *base = last ? last + 1 : s.ptr;
		uint32_t nb;
		const uint32_t *l = index_find(&r->by_dir, base, &nb);
		size_t best = 0;
		for (uint32_t k = 0; k < nb; k++) {
			const char *fp = r->files[l[k]].path;
			const char *fs = strrchr(fp, '/');
			size_t dl = fs ? (size_t)(fs - fp) : 0;
			if (dl <= s.len && !memcmp(s.ptr + s.len - dl, fp, dl) &&
			    (dl == s.len || s.ptr[s.len - dl - 1] == '/') &&
			    dl >= best)
				best = dl;
		}
		for (uint32_t k = 0; k < nb && best; k++) {
			const char *fp = r->files[l[k]].path;
			const char *fs = strrchr(fp, '/');
			if (fs && (size_t)(fs - fp) == best &&
			    !memcmp(s.ptr + s.len - best, fp, best) &&
			    l[k] != from)
				edge_add(&ed->to, &ed->w, &ed->n, &ed->cap, l[k],
					 w);
		}
	}
out:
	buf_release(&s);
	buf_release(&p);
}

static int cmp_edge_to(const void *a, const void *b, void *arg)
{
	const struct edges *ed = arg;
	uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
	uint32_t x = ed->to[i], y = ed->to[j];

	/* Ties in insertion order: the sums do not depend on qsort. */
	if (x != y)
		return x < y ? -1 : 1;
	return i < j ? -1 : i > j;
}

/* Appends file i's edges, merged by target in target order, to the CSR
 * arrays at *total (growing them by *cap); returns its out weight. The one
 * place edges are made, so a full and an incremental build agree to the
 * bit. */
static double file_edges(struct ctx_repo *r, size_t i, struct edges *ed,
			 size_t *total, size_t *cap)
{
	struct ctx_file *f = &r->files[i];
	size_t first = *total;
	double out = 0;

	if (f->rule || !f->ol)
		return 0;
	ed->n = 0;
	for (size_t k = 0; k < f->ol->nrefs; k++) {
		const char *name = outline_str(f->ol, f->ol->refs[k]);
		uint32_t nd;
		const uint32_t *l = index_find(&r->defs, name, &nd);
		if (!nd || nd > MAX_DEFINERS)
			continue;
		double w = strlen(name) < 3 ? 0.1 : 1.0;
		/* A name in C means nothing about a Python file. */
		for (uint32_t d = 0; d < nd; d++)
			if (l[d] != i &&
			    outline_lang_family(r->files[l[d]].lang) ==
			    outline_lang_family(f->lang))
				edge_add(&ed->to, &ed->w, &ed->n, &ed->cap, l[d],
					 w / nd);
	}
	for (size_t k = 0; k < f->ol->nimports; k++)
		resolve_import(r, ed, (uint32_t)i,
			       outline_str(f->ol, f->ol->imports[k]));
	if (!ed->n)
		return 0;
	/* Sum the weights of repeated targets, in target order. */
	uint32_t *ord = xcalloc(ed->n, sizeof(*ord));
	for (size_t k = 0; k < ed->n; k++)
		ord[k] = (uint32_t)k;
	qsort_r(ord, ed->n, sizeof(*ord), cmp_edge_to, ed);
	for (size_t k = 0; k < ed->n; k++) {
		uint32_t t = ed->to[ord[k]];
		double w = ed->w[ord[k]];
		if (*total > first && r->g.to[*total - 1] == t) {
			r->g.weight[*total - 1] += w;
		} else {
			if (*total == *cap) {
				*cap = *cap ? *cap * 2 : 1024;
				r->g.to = xrealloc(r->g.to, *cap * sizeof(uint32_t));
				r->g.weight = xrealloc(r->g.weight,
						       *cap * sizeof(double));
			}
			r->g.to[*total] = t;
			r->g.weight[(*total)++] = w;
		}
		out += w;
	}
	free(ord);
	return out;
}

static void rebuild_graph(struct ctx_repo *r)
{
	struct edges ed = { NULL, NULL, 0, 0 };
	size_t n = r->nfiles, total = 0, cap = 0;

	graph_release(r);
	for (size_t i = 0; i < n; i++) {
		struct ctx_file *f = &r->files[i];
		const char *base = strrchr(f->path, '/');
		smap_put(&r->by_path, f->path, (uint32_t)i);
		index_add(&r->by_base, base ? base + 1 : f->path, (uint32_t)i);
		if (f->dir_base)
			index_add(&r->by_dir, f->dir_base, (uint32_t)i);
		if (f->rule || !f->ol)
			continue;
		for (size_t k = 0; k < f->ol->ndefs; k++)
			index_add(&r->defs, outline_str(f->ol, f->ol->defs[k].name),
				  (uint32_t)i);
		for (size_t k = 0; k < f->ol->nrefs; k++)
			index_add(&r->refs, outline_str(f->ol, f->ol->refs[k]),
				  (uint32_t)i);
	}
	r->g.n = n;
	r->g.start = xcalloc(n + 1, sizeof(*r->g.start));
	r->g.out_weight = xcalloc(n ? n : 1, sizeof(*r->g.out_weight));
	for (size_t i = 0; i < n; i++) {
		r->g.start[i] = total;
		r->g.out_weight[i] = file_edges(r, i, &ed, &total, &cap);
	}
	r->g.start[n] = total;
	free(ed.to);
	free(ed.w);
}

/* Inserts file into key's list, keeping it ascending (as a full build
 * makes it). */
static void index_insert(struct index *x, const char *key, uint32_t file)
{
	uint32_t id;

	if (!smap_get(&x->map, key, &id)) {
		id = lists_new(&x->lists);
		smap_put(&x->map, key, id);
	}
	struct lists *l = &x->lists;
	uint32_t k = 0;
	while (k < l->n[id] && l->v[id][k] < file)
		k++;
	if (k < l->n[id] && l->v[id][k] == file)
		return;
	if (l->n[id] == l->alloc[id]) {
		l->alloc[id] = l->alloc[id] ? l->alloc[id] * 2 : 2;
		l->v[id] = xrealloc(l->v[id], l->alloc[id] * sizeof(uint32_t));
	}
	memmove(&l->v[id][k + 1], &l->v[id][k], (l->n[id] - k) * sizeof(uint32_t));
	l->v[id][k] = file;
	l->n[id]++;
}

static void index_remove(struct index *x, const char *key, uint32_t file)
{
	uint32_t id;

	if (!smap_get(&x->map, key, &id))
		return;
	struct lists *l = &x->lists;
	for (uint32_t k = 0; k < l->n[id]; k++)
		if (l->v[id][k] == file) {
			memmove(&l->v[id][k], &l->v[id][k + 1],
				(l->n[id] - k - 1) * sizeof(uint32_t));
			l->n[id]--;
			return;
		}
}

static int cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct definition names of o (NULL: none), sorted. */
static size_t def_names(const struct outline *o, const char ***out)
{
	size_t n = 0;

	*out = xcalloc(o && o->ndefs ? o->ndefs : 1, sizeof(char *));
	for (size_t k = 0; o && k < o->ndefs; k++)
		(*out)[n++] = outline_str(o, o->defs[k].name);
	qsort(*out, n, sizeof(char *), cmp_cstr);
	size_t u = 0;
	for (size_t k = 0; k < n; k++)
		if (!u || strcmp((*out)[u - 1], (*out)[k]))
			(*out)[u++] = (*out)[k];
	return u;
}

/* Marks every file that references name. */
static void mark_referrers(const struct ctx_repo *r, const char *name,
			   bool *aff)
{
	uint32_t nr;
	const uint32_t *l = index_find(&r->refs, name, &nr);

	for (uint32_t k = 0; k < nr; k++)
		aff[l[k]] = true;
}

/*
 * After some files' content changed (same paths, same index): updates the
 * name indexes for those files and rebuilds only the edges of the files
 * that change touches (the files themselves, and the files referencing a
 * name they started or stopped defining). The result is what
 * rebuild_graph would make.
 */
static void update_graph(struct ctx_repo *r, const struct changes *ch)
{
	size_t n = r->nfiles, total = 0, cap = 0;
	bool *aff = xcalloc(n ? n : 1, sizeof(bool));
	struct edges ed = { NULL, NULL, 0, 0 };

	for (size_t c = 0; c < ch->n; c++) {
		uint32_t x = ch->file[c];
		const struct ctx_file *f = &r->files[x];
		const struct outline *oo = ch->old[c];
		const struct outline *no = f->rule ? NULL : f->ol;
		const char **a, **b;
		size_t na = def_names(oo, &a), nb = def_names(no, &b);

		aff[x] = true;
		for (size_t i = 0, j = 0; i < na || j < nb;) {
			int d = i == na ? 1 : j == nb ? -1 : strcmp(a[i], b[j]);
			if (d < 0) {
				index_remove(&r->defs, a[i], x);
				mark_referrers(r, a[i++], aff);
			} else if (d > 0) {
				index_insert(&r->defs, b[j], x);
				mark_referrers(r, b[j++], aff);
			} else {
				i++;
				j++;
			}
		}
		free(a);
		free(b);
		for (size_t k = 0; oo && k < oo->nrefs; k++)
			index_remove(&r->refs, outline_str(oo, oo->refs[k]), x);
		for (size_t k = 0; no && k < no->nrefs; k++)
			index_insert(&r->refs, outline_str(no, no->refs[k]), x);
	}
	/* The rows, old ones copied, touched ones made again. */
	struct rank_graph old = r->g;
	memset(&r->g, 0, sizeof(r->g));
	r->g.n = n;
	r->g.start = xcalloc(n + 1, sizeof(*r->g.start));
	r->g.out_weight = xcalloc(n ? n : 1, sizeof(*r->g.out_weight));
	cap = old.start[n] + 1024;
	r->g.to = xcalloc(cap, sizeof(uint32_t));
	r->g.weight = xcalloc(cap, sizeof(double));
	for (size_t i = 0; i < n; i++) {
		r->g.start[i] = total;
		if (aff[i]) {
			r->g.out_weight[i] = file_edges(r, i, &ed, &total, &cap);
			continue;
		}
		size_t len = old.start[i + 1] - old.start[i];
		if (total + len > cap) {
			cap = (total + len) * 2;
			r->g.to = xrealloc(r->g.to, cap * sizeof(uint32_t));
			r->g.weight = xrealloc(r->g.weight, cap * sizeof(double));
		}
		memcpy(r->g.to + total, old.to + old.start[i], len * sizeof(uint32_t));
		memcpy(r->g.weight + total, old.weight + old.start[i],
		       len * sizeof(double));
		total += len;
		r->g.out_weight[i] = old.out_weight[i];
	}
	r->g.start[n] = total;
	free(old.start);
	free(old.to);
	free(old.weight);
	free(old.out_weight);
	free(ed.to);
	free(ed.w);
	free(aff);
}

/* ---- the request ---------------------------------------------------------- */

static bool path_ok(const char *p)
{
	if (!*p || p[0] == '/')
		return false;
	for (const char *c = p; *c;) {
		const char *slash = strchr(c, '/');
		size_t n = slash ? (size_t)(slash - c) : strlen(c);
		if (n == 0 || (n == 2 && c[0] == '.' && c[1] == '.'))
			return false;
		c += n + (slash ? 1 : 0);
	}
	return true;
}

/*
 * The request as one string, for finding an earlier view of it. The focus
 * files' stat is part of it: an untracked focus file is not in the state's
 * key, yet its content is in the view.
 */
static void request_key(const struct ctx_repo *r,
			const struct context_request *q, size_t budget,
			struct buf *k)
{
	struct buf p = BUF_INIT;
	struct stat st;

	buf_addf(k, "budget %zu\nalpha %d\n", budget, q->alphabetical);
	for (size_t i = 0; i < q->n_focus_files; i++) {
		buf_reset(&p);
		buf_addf(&p, "%s%s", r->root, q->focus_files[i]);
		memset(&st, 0, sizeof(st));
		(void)lstat(p.ptr, &st);
		buf_addf(k, "file %s %lld %lld.%ld\n", q->focus_files[i],
			 (long long)st.st_size, (long long)st.st_mtim.tv_sec,
			 (long)st.st_mtim.tv_nsec);
	}
	for (size_t i = 0; i < q->n_focus_symbols; i++)
		buf_addf(k, "symbol %s\n", q->focus_symbols[i]);
	if (q->focus_text) {
		buf_adds(k, "text ");
		buf_adds(k, q->focus_text);
	}
	buf_release(&p);
}

static void personal_add_definers(const struct ctx_repo *r, double *personal,
				  const char *name, double mass,
				  uint32_t max_definers)
{
	uint32_t nd;
	const uint32_t *l = index_find(&r->defs, name, &nd);

	if (!nd || nd > max_definers)
		return;
	for (uint32_t i = 0; i < nd; i++)
		personal[l[i]] += mass / nd;
}

/* The focus text names files (by path or base name) and symbols. */
static void personal_from_text(const struct ctx_repo *r, double *personal,
			       const char *text)
{
	struct buf w = BUF_INIT;

	for (const char *c = text; *c;) {
		const char *s = c;
		while (*c && (is_word((unsigned char)*c) || *c == '.' ||
			      *c == '/' || *c == '-'))
			c++;
		if (c == s) {
			c++;
			continue;
		}
		buf_reset(&w);
		buf_add(&w, s, (size_t)(c - s));
		while (w.len && (w.ptr[w.len - 1] == '.' || w.ptr[w.len - 1] == '/'))
			buf_truncate(&w, w.len - 1);
		uint32_t id, nb;
		if (smap_get(&r->by_path, w.ptr, &id)) {
			personal[id] += 1.0;
			continue;
		}
		const uint32_t *l = index_find(&r->by_base, w.ptr, &nb);
		if (nb && nb <= 3) {
			for (uint32_t k = 0; k < nb; k++)
				personal[l[k]] += 1.0 / nb;
			continue;
		}
		/* Identifiers inside the word (a.b.c, path/name). */
		for (const char *p = w.ptr; *p;) {
			const char *b = p;
			while (*p && is_word((unsigned char)*p))
				p++;
			if (p - b >= 3) {
				char *id_name = xstrndup(b, (size_t)(p - b));
				personal_add_definers(r, personal, id_name, 0.5, 10);
				free(id_name);
			}
			while (*p && !is_word((unsigned char)*p))
				p++;
		}
	}
	buf_release(&w);
}

/* ---- the text ----------------------------------------------------------- */

struct block {
	struct buf text;
	size_t tokens;
	uint32_t file;		/* index into files, or UINT32_MAX */
};

static void block_release(struct block *b)
{
	buf_release(&b->text);
}

/* Adds up to max_bytes / max_lines of content, cut at a line end. */
static void add_head(struct buf *out, const char *s, size_t n,
		     size_t max_bytes, size_t max_lines, bool *cut)
{
	size_t end = 0, lines = 0;

	*cut = false;
	while (end < n && lines < max_lines) {
		const char *nl = memchr(s + end, '\n', n - end);
		size_t next = nl ? (size_t)(nl - s) + 1 : n;
		if (next > max_bytes)
			break;
		end = next;
		lines++;
	}
	if (end == 0 && n > 0) {	/* one long line: cut it */
		end = n < max_bytes ? n : max_bytes;
		while (end > 0 && end < n && ((unsigned char)s[end] & 0xC0) == 0x80)
			end--;
	}
	*cut = end < n;
	context_add_utf8(out, s, end);
	if (end && s[end - 1] != '\n')
		buf_addch(out, '\n');
}

/*
 * A file's outline: every definition, or for a long one (more than
 * OUTLINE_LINES) the definitions the focus names (relevant, may be NULL)
 * and then the top-level ones, in line order, with a count of the rest.
 */
static void outline_text(struct buf *b, const struct ctx_file *f,
			 const struct smap *relevant)
{
	size_t n = f->ol->ndefs, shown = 0;
	bool *show = xcalloc(n ? n : 1, sizeof(bool));

	for (size_t i = 0; i < n; i++)
		show[i] = n <= OUTLINE_LINES;
	if (n > OUTLINE_LINES) {
		uint32_t unused;
		for (size_t i = 0; i < n && relevant; i++)
			if (smap_get(relevant, outline_str(f->ol,
							   f->ol->defs[i].name),
				     &unused) && shown < OUTLINE_LINES) {
				show[i] = true;
				shown++;
			}
		for (size_t i = 0; i < n && shown < OUTLINE_LINES; i++)
			if (!show[i] && f->ol->defs[i].depth == 0) {
				show[i] = true;
				shown++;
			}
	}
	for (size_t i = 0; i < n; i++) {
		const struct outline_def *d = &f->ol->defs[i];
		if (!show[i])
			continue;
		for (unsigned k = 0; k < d->depth && k < 8; k++)
			buf_adds(b, "  ");
		buf_addf(b, "%u: ", d->line);
		context_add_utf8(b, outline_str(f->ol, d->sig),
				 strlen(outline_str(f->ol, d->sig)));
		buf_addch(b, '\n');
	}
	if (n > OUTLINE_LINES)
		buf_addf(b, "(%zu more definitions)\n", n - shown);
	free(show);
}

static const char *fence_lang(const struct ctx_file *f)
{
	return f && f->lang >= 0 ? outline_lang_name(f->lang) : "";
}

struct order_item {
	double rank;
	const char *path;
	uint32_t file;
};

static int cmp_order(const void *a, const void *b)
{
	const struct order_item *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank > y->rank ? -1 : 1;
	return strcmp(x->path, y->path);
}

#define SORT_HEAD 2048

/* The k-th largest (0-based) of v[0..n); reorders v. */
static double kth_largest(double *v, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1;

	while (lo < hi) {
		double pivot = v[lo + (hi - lo) / 2];
		size_t i = lo, j = hi;
		while (i <= j) {
			while (v[i] > pivot)
				i++;
			while (v[j] < pivot)
				j--;
			if (i <= j) {
				double t = v[i];
				v[i] = v[j];
				v[j] = t;
				i++;
				if (j == 0)
					break;
				j--;
			}
		}
		if (k <= j && j < hi)
			hi = j;
		else if (k >= i && i > lo)
			lo = i;
		else
			break;
	}
	return v[k];
}

/* Moves every item ranked at least the SORT_HEAD-th to the front and
 * sorts them; returns how many are sorted. */
static size_t sort_head(struct order_item *o, size_t n)
{
	if (n <= 2 * SORT_HEAD) {
		qsort(o, n, sizeof(*o), cmp_order);
		return n;
	}
	double *v = xcalloc(n, sizeof(double));
	for (size_t i = 0; i < n; i++)
		v[i] = o[i].rank;
	double thr = kth_largest(v, n, SORT_HEAD - 1);
	free(v);
	size_t head = 0;
	for (size_t i = 0; i < n; i++)
		if (o[i].rank >= thr) {
			struct order_item t = o[head];
			o[head++] = o[i];
			o[i] = t;
		}
	qsort(o, head, sizeof(*o), cmp_order);
	return head;
}

/* Sorts the rest once item k is wanted beyond the sorted head. */
static size_t sort_rest(struct order_item *o, size_t n, size_t sorted,
			size_t k)
{
	if (k < sorted)
		return sorted;
	qsort(o + sorted, n - sorted, sizeof(*o), cmp_order);
	return n;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static int cmp_manifest(const void *a, const void *b, void *arg)
{
	const struct ctx_repo *r = arg;
	const char *x = r->files[*(const uint32_t *)a].path;
	const char *y = r->files[*(const uint32_t *)b].path;
	size_t dx = 0, dy = 0;

	for (const char *c = x; *c; c++)
		dx += *c == '/';
	for (const char *c = y; *c; c++)
		dy += *c == '/';
	if (dx != dy)
		return dx < dy ? -1 : 1;
	return strcmp(x, y);
}

static const char *const rule_order[] = {
	FILES_RULE_BINARY, FILES_RULE_DELETED, FILES_RULE_GENERATED,
	FILES_RULE_HUGE, FILES_RULE_SUBMODULE, FILES_RULE_SYMLINK,
	FILES_RULE_VENDORED, NULL,
};

/* Builds the view for q on the current state into v. */
static int build_view(struct ctx_repo *r, const struct context_request *q,
		      size_t budget, struct view *v, struct err *e)
{
	size_t n = r->nfiles, used = 0, listed = 0;
	double *personal = xcalloc(n ? n : 1, sizeof(double));
	double *rank = xcalloc(n ? n : 1, sizeof(double));
	bool *is_focus = xcalloc(n ? n : 1, sizeof(bool));
	bool *shown = xcalloc(n ? n : 1, sizeof(bool));
	struct order_item *order = xcalloc(n ? n : 1, sizeof(*order));
	struct buf head = BUF_INIT, map = BUF_INIT, man = BUF_INIT,
		   focus = BUF_INIT, content = BUF_INIT, tmp = BUF_INIT;
	struct block *blocks = NULL;
	size_t nblocks = 0, norder = 0;
	struct strv focus_files = STRV_INIT;
	struct smap relevant = { NULL, NULL, 0, 0 };
	int rc = -1;

	/* The focus: files, then symbols and text as personalisation. */
	for (size_t i = 0; i < q->n_focus_files; i++) {
		const char *p = q->focus_files[i];
		if (!path_ok(p)) {
			err_set(e, ERR_INVALID_PARAMS,
				"focus file \"%s\" is not a relative path inside "
				"the work tree", p);
			goto out;
		}
		strv_add(&focus_files, p);
	}
	strv_sort_uniq(&focus_files);
	for (size_t i = 0; i < focus_files.n; i++) {
		uint32_t id;
		if (smap_get(&r->by_path, focus_files.v[i], &id)) {
			is_focus[id] = true;
			personal[id] += 1.0;
		}
	}
	for (size_t i = 0; i < q->n_focus_symbols; i++)
		personal_add_definers(r, personal, q->focus_symbols[i], 1.0,
				      UINT32_MAX);
	if (q->focus_text)
		personal_from_text(r, personal, q->focus_text);
	/* Names the focus uses or names: their definitions are shown first
	 * in a long outline. */
	for (size_t i = 0; i < n; i++)
		if (is_focus[i] && r->files[i].ol)
			for (size_t k = 0; k < r->files[i].ol->nrefs; k++)
				smap_put(&relevant, outline_str(r->files[i].ol,
								r->files[i].ol->refs[k]), 0);
	for (size_t i = 0; i < q->n_focus_symbols; i++)
		smap_put(&relevant, q->focus_symbols[i], 0);
	rank_pagerank(&r->g, personal, rank);
	for (size_t i = 0; i < n; i++) {
		if (r->files[i].rule)
			continue;
		listed++;
		if (is_focus[i])
			continue;
		order[norder].rank = q->alphabetical ? 0 : rank[i];
		order[norder].path = r->files[i].path;
		order[norder++].file = (uint32_t)i;
	}
	/* Only the best ranked are usually shown: sort those first, the rest
	 * when a loop below reaches them (the order is the same as one
	 * sort's). */
	size_t sorted = sort_head(order, norder);

	buf_adds(&head, "# Repository context\n"
			"Paths are relative to the work tree's top.\n\n");
	used += context_estimate_tokens(head.ptr, head.len);

	/* Focus files in full (up to half the budget), else their outline. */
	if (focus_files.n)
		buf_adds(&focus, "## Focus\n\n");
	for (size_t i = 0; i < focus_files.n; i++) {
		const char *p = focus_files.v[i];
		uint32_t id;
		const struct ctx_file *f = smap_get(&r->by_path, p, &id) ?
					   &r->files[id] : NULL;
		bool cut;
		buf_reset(&tmp);
		if (f && f->rule) {
			buf_addf(&tmp, "### %s (left out: %s)\n\n", p, f->rule);
		} else if (read_worktree(r, p, &content, FILES_HUGE) < 0) {
			buf_addf(&tmp, "### %s (not readable)\n\n", p);
		} else {
			buf_addf(&tmp, "### %s\n```%s\n", p, fence_lang(f));
			add_head(&tmp, content.ptr, content.len, content.len,
				 (size_t)-1, &cut);
			buf_adds(&tmp, "```\n\n");
			size_t t = context_estimate_tokens(tmp.ptr, tmp.len);
			if (used + t > budget / 2) {
				buf_reset(&tmp);
				if (f && f->ol && f->ol->ndefs) {
					buf_addf(&tmp, "### %s (outline; too big to "
						 "show in full)\n", p);
					outline_text(&tmp, f, NULL);
					buf_addch(&tmp, '\n');
				} else {
					buf_addf(&tmp, "### %s (too big to show)"
						 "\n\n", p);
				}
			}
		}
		size_t t = context_estimate_tokens(tmp.ptr, tmp.len);
		if (used + t > budget)
			continue;
		used += t;
		buf_add(&focus, tmp.ptr, tmp.len);
		strv_add(&v->files, p);
	}

	/* Manifests and the README's head (up to 10%). */
	{
		uint32_t *ms = xcalloc(n ? n : 1, sizeof(*ms));
		size_t nm = 0, cap = used + budget * 10 / 100;
		for (size_t i = 0; i < n; i++)
			if (!r->files[i].rule && !is_focus[i] &&
			    r->files[i].manifest)
				ms[nm++] = (uint32_t)i;
		qsort_r(ms, nm, sizeof(*ms), cmp_manifest, r);
		for (size_t k = 0; k < nm; k++) {
			const struct ctx_file *f = &r->files[ms[k]];
			bool readme = files_is_readme(f->path), cut;
			if (read_worktree(r, f->path, &content, FILES_HUGE) < 0)
				continue;
			buf_reset(&tmp);
			buf_addf(&tmp, "### %s%s\n```\n", f->path,
				 readme ? " (head)" : "");
			add_head(&tmp, content.ptr, content.len,
				 readme ? README_BYTES : MANIFEST_BYTES,
				 readme ? README_LINES : MANIFEST_LINES, &cut);
			buf_addf(&tmp, "```%s\n\n", cut ? " (cut)" : "");
			size_t t = context_estimate_tokens(tmp.ptr, tmp.len);
			if (used + t > cap)
				continue;
			used += t;
			buf_add(&man, tmp.ptr, tmp.len);
		}
		if (man.len) {
			buf_reset(&tmp);
			buf_adds(&tmp, "## Manifests\n\n");
			buf_add(&tmp, man.ptr, man.len);
			buf_reset(&man);
			buf_add(&man, tmp.ptr, tmp.len);
			used += context_estimate_tokens("## Manifests\n\n", 14);
		}
		free(ms);
	}

	/* The file map (up to 12% when it does not all fit): every listed
	 * file, else the best ranked ones and a count per top folder. */
	{
		size_t cap = used + budget * 12 / 100, all = 0;
		uint32_t *pick = xcalloc(n ? n : 1, sizeof(*pick));
		size_t npick = 0;
		for (size_t i = 0; i < n; i++)
			if (!r->files[i].rule)
				all += r->files[i].path_tokens;
		bool whole = used + all + 16 <= cap || all < budget / 10;
		size_t t_map = 0;
		for (size_t i = 0; i < n; i++)
			if (is_focus[i] && !r->files[i].rule)
				pick[npick++] = (uint32_t)i;
		for (size_t k = 0; k < norder; k++) {
			sorted = sort_rest(order, norder, sorted, k);
			size_t t = r->files[order[k].file].path_tokens;
			if (!whole && used + t_map + t > cap)
				break;
			t_map += t;
			pick[npick++] = order[k].file;
		}
		qsort(pick, npick, sizeof(*pick), cmp_u32);
		buf_addf(&map, "## Files (%zu in the index, %zu listed)\n\n",
			 n, listed);
		for (size_t k = 0; k < npick; k++) {
			context_add_utf8(&map, r->files[pick[k]].path,
					 strlen(r->files[pick[k]].path));
			buf_addch(&map, '\n');
			shown[pick[k]] = true;
		}
		if (npick < listed) {
			/* Counts per top-level folder of the files not shown. */
			struct { const char *p; size_t len, count; } dirs[DIRS_SHOWN + 1];
			size_t nd = 0, other = 0;
			for (size_t i = 0; i < n; i++) {
				if (r->files[i].rule || shown[i])
					continue;
				const char *p = r->files[i].path;
				const char *sl = strchr(p, '/');
				size_t len = sl ? (size_t)(sl - p) + 1 : 0;
				if (nd && dirs[nd - 1].len == len &&
				    !memcmp(dirs[nd - 1].p, p, len)) {
					dirs[nd - 1].count++;
				} else if (nd < DIRS_SHOWN) {
					dirs[nd].p = p;
					dirs[nd].len = len;
					dirs[nd++].count = 1;
				} else {
					other++;
				}
			}
			buf_addf(&map, "(%zu more files not shown:", listed - npick);
			for (size_t d = 0; d < nd; d++) {
				if (dirs[d].len)
					buf_addf(&map, " %.*s %zu;",
						 (int)dirs[d].len, dirs[d].p,
						 dirs[d].count);
				else
					buf_addf(&map, " top level %zu;",
						 dirs[d].count);
			}
			if (other)
				buf_addf(&map, " elsewhere %zu;", other);
			buf_truncate(&map, map.len - 1);
			buf_adds(&map, ")\n");
		}
		buf_addch(&map, '\n');
		/* Left out, by rule. */
		bool any = false;
		for (const char *const *rule = rule_order; *rule; rule++) {
			size_t count = 0, shown_here = 0;
			for (size_t i = 0; i < n; i++)
				count += r->files[i].rule && !strcmp(r->files[i].rule, *rule);
			if (!count)
				continue;
			if (!any)
				buf_adds(&map, "## Left out\n\n");
			any = true;
			buf_addf(&map, "%s (%zu):", *rule, count);
			for (size_t i = 0; i < n && shown_here < LEFT_OUT_SHOWN; i++) {
				if (!r->files[i].rule || strcmp(r->files[i].rule, *rule))
					continue;
				buf_addch(&map, ' ');
				context_add_utf8(&map, r->files[i].path,
						 strlen(r->files[i].path));
				shown_here++;
			}
			if (count > shown_here)
				buf_addf(&map, " and %zu more", count - shown_here);
			buf_addch(&map, '\n');
		}
		if (any)
			buf_addch(&map, '\n');
		used += context_estimate_tokens(map.ptr, map.len);
		free(pick);
	}

	/* Outlines in rank order, as long as the budget lasts. */
	{
		const char *title = q->alphabetical ?
			"## Outlines (in path order)\n\n" :
			"## Outlines (most connected to the focus first)\n\n";
		size_t misses = 0;
		used += context_estimate_tokens(title, strlen(title));
		blocks = xcalloc(norder + 1, sizeof(*blocks));
		buf_init(&blocks[0].text, BUF_DEFAULT_MAX);
		buf_adds(&blocks[0].text, title);
		blocks[0].file = UINT32_MAX;
		nblocks = 1;
		for (size_t k = 0; k < norder && misses < 64; k++) {
			sorted = sort_rest(order, norder, sorted, k);
			const struct ctx_file *f = &r->files[order[k].file];
			if (!f->ol || !f->ol->ndefs)
				continue;
			struct block *b = &blocks[nblocks];
			buf_init(&b->text, BUF_DEFAULT_MAX);
			buf_adds(&b->text, "### ");
			context_add_utf8(&b->text, f->path, strlen(f->path));
			buf_addch(&b->text, '\n');
			outline_text(&b->text, f, &relevant);
			buf_addch(&b->text, '\n');
			b->tokens = context_estimate_tokens(b->text.ptr,
							    b->text.len);
			if (used + b->tokens > budget) {
				block_release(b);
				misses++;
				continue;
			}
			misses = 0;
			used += b->tokens;
			b->file = order[k].file;
			nblocks++;
		}
		if (nblocks == 1) {
			block_release(&blocks[0]);
			nblocks = 0;
		}
	}

	/* Stable parts first: the map and manifests do not depend on the
	 * focus when everything fits. */
	buf_add(&v->text, head.ptr, head.len);
	buf_add(&v->text, map.ptr, map.len);
	buf_add(&v->text, man.ptr, man.len);
	buf_add(&v->text, focus.ptr, focus.len);
	size_t base_len = v->text.len;
	for (size_t k = 0; k < nblocks; k++)
		buf_add(&v->text, blocks[k].text.ptr, blocks[k].text.len);
	/* The estimate of the whole can exceed the sum of the parts by a few
	 * tokens: drop outlines from the end until it fits. */
	while (nblocks > 1 &&
	       context_estimate_tokens(v->text.ptr, v->text.len) > budget) {
		nblocks--;
		block_release(&blocks[nblocks]);
		buf_truncate(&v->text, base_len);
		for (size_t k = 0; k < nblocks; k++)
			buf_add(&v->text, blocks[k].text.ptr, blocks[k].text.len);
	}
	for (size_t k = 0; k < nblocks; k++)
		if (blocks[k].file != UINT32_MAX)
			strv_add(&v->files, r->files[blocks[k].file].path);
	rc = 0;
out:
	for (size_t k = 0; k < nblocks; k++)
		block_release(&blocks[k]);
	free(blocks);
	free(personal);
	free(rank);
	free(is_focus);
	free(shown);
	free(order);
	buf_release(&head);
	buf_release(&map);
	buf_release(&man);
	buf_release(&focus);
	buf_release(&content);
	buf_release(&tmp);
	strv_release(&focus_files);
	smap_release(&relevant);
	return rc;
}

/* ---- context_get ---------------------------------------------------------- */

static int repo_state_get(struct context_cache *c, const char *root,
			  struct ctx_repo **out, struct err *e)
{
	struct buf dir = BUF_INIT;
	struct ctx_repo *r = NULL;
	git_repository *repo = NULL;
	int rc = -1;

	if (!root || root[0] != '/')
		return err_set(e, ERR_INVALID_PARAMS,
			       "the root must be an absolute path");
	buf_adds(&dir, root);
	while (dir.len > 1 && dir.ptr[dir.len - 1] == '/')
		buf_truncate(&dir, dir.len - 1);
	buf_addch(&dir, '/');
	for (size_t i = 0; i < c->nrepos; i++)
		if (!strcmp(c->repos[i]->root, dir.ptr)) {
			*out = c->repos[i];
			rc = 0;
			goto out;
		}
	if (git_repository_open_ext(&repo, dir.ptr,
				    GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0) {
		err_set(e, ERR_NOT_A_REPOSITORY, "%s is not a git work tree",
			root);
		goto out;
	}
	const char *wd = git_repository_workdir(repo);
	if (!wd || strcmp(wd, dir.ptr)) {
		err_set(e, ERR_NOT_A_REPOSITORY,
			"%s is not the top of a git work tree", root);
		goto out;
	}
	r = xcalloc(1, sizeof(*r));
	r->root = buf_detach(&dir, NULL);
	r->repo = repo;
	r->ino_fd = -1;
	repo = NULL;
	c->repos = xrealloc(c->repos, (c->nrepos + 1) * sizeof(*c->repos));
	c->repos[c->nrepos++] = r;
	*out = r;
	rc = 0;
out:
	git_repository_free(repo);
	buf_release(&dir);
	return rc;
}

int context_get(struct context_cache *c, const struct context_request *req,
		struct context_result *out, struct err *e)
{
	struct ctx_repo *r = NULL;
	git_index *idx = NULL;
	struct buf key = BUF_INIT;
	git_oid sum, head;
	uint64_t dirty;
	size_t budget = req->token_budget ? req->token_budget :
					    CONTEXT_DEFAULT_BUDGET;
	int rc = -1;

	buf_reset(&out->text);
	strv_release(&out->files);
	out->bytes = out->tokens = out->parsed = 0;
	out->from_cache = false;
	if (repo_state_get(c, req->root, &r, e) < 0)
		return -1;
	if (git_repository_index(&idx, r->repo) < 0 ||
	    git_index_read(idx, 0) < 0) {
		err_set_libgit2(e, ERR_IO, "reading the index");
		goto out;
	}
	git_oid_cpy(&sum, git_index_checksum(idx));
	if (git_reference_name_to_id(&head, r->repo, "HEAD") < 0) {
		memset(&head, 0, sizeof(head));	/* no commits yet */
		git_error_clear();
	}
	bool index_same = r->have_key && !git_oid_cmp(&sum, &r->index_sum) &&
			  !git_oid_cmp(&head, &r->head);
	if (index_same && r->ino_fd >= 0 && watch_drain(r) == 0) {
		/* The events kept the last scan current. */
	} else {
		scan_free(r->scan, r->nscan);
		r->scan = NULL;
		r->nscan = 0; /* events drained below find nothing to stat */
		watch_arm(r, idx);
		if (r->ino_fd >= 0 && watch_drain(r) < 0)
			log_debug("context: change events lost; full scan");
		r->nscan = scan_index(r, idx, &r->scan);
	}
	dirty = scan_hash(r->scan, r->nscan);
	if (!index_same || dirty != r->dirty) {
		struct changes ch;
		rebuild_files(c, r, r->scan, r->nscan, &out->parsed, &ch);
		/* Only content changed: patch the graph; else make it anew. */
		if (index_same && ch.same_paths)
			update_graph(r, &ch);
		else
			rebuild_graph(r);
		free(ch.file);
		free(ch.old);
		for (size_t i = 0; i < VIEWS_KEPT; i++)
			view_clear(&r->views[i]);
		git_oid_cpy(&r->index_sum, &sum);
		git_oid_cpy(&r->head, &head);
		r->dirty = dirty;
		r->have_key = true;
	}
	request_key(r, req, budget, &key);
	struct view *v = NULL;
	for (size_t i = 0; i < VIEWS_KEPT; i++)
		if (r->views[i].request && !strcmp(r->views[i].request, key.ptr))
			v = &r->views[i];
	if (v) {
		out->from_cache = true;
	} else {
		struct view fresh = { NULL, 0, BUF_INIT, STRV_INIT };
		if (build_view(r, req, budget, &fresh, e) < 0) {
			view_clear(&fresh);
			goto out;
		}
		fresh.request = buf_detach(&key, NULL);
		fresh.tokens = context_estimate_tokens(fresh.text.ptr,
						       fresh.text.len);
		v = &r->views[r->next_view];
		view_clear(v);
		*v = fresh;
		r->next_view = (r->next_view + 1) % VIEWS_KEPT;
	}
	buf_add(&out->text, v->text.ptr, v->text.len);
	strv_add_all(&out->files, &v->files);
	out->bytes = out->text.len;
	out->tokens = v->tokens;
	rc = 0;
out:
	buf_release(&key);
	git_index_free(idx);
	return rc;
}
