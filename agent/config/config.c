#include "config/config.h"

#include <ctype.h>
#include <stdbool.h>
#include <errno.h>
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "git/giterr.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/mem.h"

/* One setting. section and name are lower-cased; the strings live in one
 * allocation starting at section. */
struct entry {
	char *section;
	char *sub;   /* as written; NULL for a key of the section itself */
	char *name;
	char *value; /* NULL for a bare `name` line (true as a bool) */
	size_t seq;  /* position in the source, for order among equal keys */
};

/* One source's settings, sorted by (section, subsection, name, seq). */
struct source {
	struct entry *v;
	size_t n, alloc;
	char *where;        /* for messages: the file, or "git config" */
	const char *prefix; /* "airunner." for the user's config, else "" */
	struct err *e;      /* while loading */
};

struct config {
	struct source team, user;
};

/* ---- the table ---- */

/* Compares e's key with (section, sub, name) on the first `depth` parts. A
 * missing subsection sorts before every subsection. */
static int key_cmp(const struct entry *e, const char *section, const char *sub,
		   const char *name, int depth)
{
	int c = strcasecmp(e->section, section);

	if (c || depth == 1)
		return c;
	if (!e->sub != !sub)
		return e->sub ? 1 : -1;
	if (e->sub && (c = strcmp(e->sub, sub)))
		return c;
	if (depth == 2)
		return 0;
	return strcasecmp(e->name, name);
}

static int entry_cmp(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	int c = key_cmp(a, b->section, b->sub, b->name, 3);

	if (c)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The entries of src whose first `depth` key parts equal the query:
 * [*lo, *hi). Two binary searches. */
static void key_range(const struct source *src, const char *section,
		      const char *sub, const char *name, int depth, size_t *lo,
		      size_t *hi)
{
	size_t a = 0, b = src->n, m;

	while (a < b) {
		m = a + (b - a) / 2;
		if (key_cmp(&src->v[m], section, sub, name, depth) < 0)
			a = m + 1;
		else
			b = m;
	}
	*lo = a;
	b = src->n;
	while (a < b) {
		m = a + (b - a) / 2;
		if (key_cmp(&src->v[m], section, sub, name, depth) <= 0)
			a = m + 1;
		else
			b = m;
	}
	*hi = a;
}

/* Adds a libgit2 entry: "section.name" or "section.sub.name" (the
 * subsection may hold dots, so it runs from the first dot to the last). */
static int add_entry(const git_config_entry *ge, void *p)
{
	struct source *src = p;
	size_t plen = strlen(src->prefix), nlen, vlen;
	const char *key = ge->name, *d1, *d2;
	struct entry *en;
	char *s;

	if (strncasecmp(key, src->prefix, plen))
		return 0;
	key += plen;
	d1 = strchr(key, '.');
	d2 = strrchr(key, '.');
	if (!d1 || d1 == key || !d2[1])
		return 0; /* "airunner.foo": no section of ours */
	if (src->n == CONFIG_ENTRIES_MAX) {
		err_set(src->e, ERR_CONFIG,
			"%s: more than %d airunner settings (the limit)",
			src->where, CONFIG_ENTRIES_MAX);
		return GIT_EUSER;
	}
	if (src->n == src->alloc) {
		src->alloc = src->alloc ? 2 * src->alloc : 64;
		src->v = xrealloc(src->v, src->alloc * sizeof(*src->v));
	}
	nlen = strlen(key);
	vlen = ge->value ? strlen(ge->value) + 1 : 0;
	s = xmalloc(nlen + 1 + vlen);
	memcpy(s, key, nlen + 1);
	en = &src->v[src->n];
	en->seq = src->n++;
	en->section = s;
	s[d1 - key] = '\0';
	en->sub = d1 == d2 ? NULL : s + (d1 - key) + 1;
	s[d2 - key] = '\0';
	en->name = s + (d2 - key) + 1;
	en->value = ge->value ? memcpy(s + nlen + 1, ge->value, vlen) : NULL;
	for (s = en->section; *s; s++)
		*s = (char)tolower((unsigned char)*s);
	for (s = en->name; *s; s++)
		*s = (char)tolower((unsigned char)*s);
	return 0;
}

/* Reads all of c into src once, sorts it, and enforces the limit on
 * subsections per section. */
static int source_load(struct source *src, git_config *c, struct err *e)
{
	size_t i, subs = 0;
	int r;

	src->e = e;
	r = git_config_foreach(c, add_entry, src);
	src->e = NULL;
	if (r == GIT_EUSER)
		return -1;
	if (r < 0)
		return err_set_libgit2(e, ERR_CONFIG, src->where);
	if (src->n) /* qsort wants a non-NULL array even when empty */
		qsort(src->v, src->n, sizeof(*src->v), entry_cmp);
	for (i = 0; i < src->n; i++) {
		const struct entry *en = &src->v[i], *prev = i ? en - 1 : NULL;

		if (!prev || strcmp(prev->section, en->section))
			subs = 0;
		if (!en->sub || (prev && !key_cmp(prev, en->section, en->sub,
						  NULL, 2)))
			continue;
		if (++subs > CONFIG_SUBSECTIONS_MAX)
			return err_set(e, ERR_CONFIG,
				       "%s: more than %d [%s \"...\"] "
				       "sections (the limit)",
				       src->where, CONFIG_SUBSECTIONS_MAX,
				       en->section);
	}
	return 0;
}

static void source_release(struct source *src)
{
	size_t i;

	for (i = 0; i < src->n; i++)
		free(src->v[i].section);
	free(src->v);
	free(src->where);
	memset(src, 0, sizeof(*src));
}

/* ---- the team file ---- */

/* The first line of text holding a section header [include] or
 * [includeIf "..."], or 0. libgit2 would open the included file by path, past
 * every check made here, so the team file may not include anything. Headers
 * are looked for where git reads them: at the start of a line and right
 * after another header's ']'. */
static int include_line(const char *text)
{
	const char *p = text, *q;
	int line = 1;

	for (; *p; line++) {
		for (;;) {
			size_t n;

			while (*p == ' ' || *p == '\t')
				p++;
			if (*p != '[')
				break;
			p++;
			while (*p == ' ' || *p == '\t')
				p++;
			for (q = p; isalnum((unsigned char)*q) || *q == '-' ||
				    *q == '.';
			     q++)
				;
			n = (size_t)(q - p);
			if ((n == 7 && !strncasecmp(p, "include", 7)) ||
			    (n >= 9 && !strncasecmp(p, "includeif", 9)))
				return line;
			/* to the header's end, past a quoted subsection */
			while (*q && *q != '\n' && *q != ']') {
				if (*q == '"')
					for (q++; *q && *q != '\n' && *q != '"';
					     q++)
						if (*q == '\\' && q[1])
							q++;
				if (*q == '"')
					q++;
				else if (*q && *q != '\n' && *q != ']')
					q++;
			}
			p = *q == ']' ? q + 1 : q;
		}
		p = strchr(p, '\n');
		if (!p)
			break;
		p++;
	}
	return 0;
}

/* libgit2's message with every mention of `alias` replaced by `path`. */
static int err_set_parse(struct err *e, const char *alias, const char *path)
{
	const git_error *ge = git_error_last();
	const char *m = ge && ge->message ? ge->message : "unknown error";
	size_t alen = strlen(alias);
	struct buf msg = BUF_INIT;
	const char *hit;

	while ((hit = strstr(m, alias))) {
		buf_add(&msg, m, (size_t)(hit - m));
		buf_adds(&msg, path);
		m = hit + alen;
	}
	buf_adds(&msg, m);
	err_set(e, ERR_CONFIG, "%s: %s", path, msg.ptr);
	buf_release(&msg);
	return -1;
}

/* Parses the team file, whose bytes (text) have been read and checked.
 * libgit2 parses files only by path, so it is handed an anonymous in-memory
 * copy (/proc/self/fd/N of a memfd): what it parses is exactly what was
 * checked, and a file swapped for a FIFO after our check cannot block it.
 * Where memfds or /proc are missing, libgit2 gets the real path, after the
 * same checks; what remains then is the window between our fstat and
 * libgit2's open(), open only to someone who can already write the work
 * tree. */
static int team_parse(git_config **out, const char *path,
		      const struct buf *text, struct err *e)
{
	char alias[64];
	const char *use = path;
	struct stat st;
	size_t off = 0;
	int fd = -1, r = -1;

	fd = memfd_create("airunner-config", MFD_CLOEXEC);
	while (fd >= 0 && off < text->len) {
		ssize_t n = write(fd, text->ptr + off, text->len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			close(fd);
			fd = -1;
			break;
		}
		off += (size_t)n;
	}
	if (fd >= 0) {
		snprintf(alias, sizeof(alias), "/proc/self/fd/%d", fd);
		if (stat(alias, &st) == 0 && S_ISREG(st.st_mode) &&
		    (size_t)st.st_size == text->len)
			use = alias;
	}
	if (use == path && fs_check_regular(path, CONFIG_FILE_MAX, e) < 0) {
		e->kind = ERR_CONFIG;
		goto out;
	}
	if (git_config_new(out) < 0 ||
	    git_config_add_file_ondisk(*out, use, GIT_CONFIG_LEVEL_LOCAL, NULL,
				       0) < 0) {
		err_set_parse(e, use, path);
		goto out;
	}
	r = 0;
out:
	if (fd >= 0)
		close(fd);
	return r;
}

static int team_open(struct config *cfg, const char *workspace, struct err *e)
{
	struct buf path = BUF_INIT, text = BUF_INIT;
	git_config *gc = NULL;
	int line, r = -1;

	buf_addf(&path, "%s/.airunner", workspace);
	if (fs_read_regular(&text, path.ptr, CONFIG_FILE_MAX, e) < 0) {
		if (e->kind == ERR_NOT_FOUND) {
			err_clear(e); /* no team settings */
			r = 0;
		} else {
			e->kind = ERR_CONFIG;
		}
		goto out;
	}
	if (memchr(text.ptr, '\0', text.len)) {
		err_set(e, ERR_CONFIG, "%s: holds a NUL byte", path.ptr);
		goto out;
	}
	if ((line = include_line(text.ptr))) {
		err_set(e, ERR_CONFIG,
			"%s:%d: [include] and [includeIf] are not supported "
			"in a team file",
			path.ptr, line);
		goto out;
	}
	if (team_parse(&gc, path.ptr, &text, e) < 0)
		goto out;
	cfg->team.where = buf_detach(&path, NULL);
	cfg->team.prefix = "";
	r = source_load(&cfg->team, gc, e);
out:
	git_config_free(gc);
	buf_release(&path);
	buf_release(&text);
	return r;
}

/* ---- open, free ---- */

static int user_open(struct config *cfg, const char *workspace, struct err *e)
{
	git_repository *repo = NULL;
	git_config *gc = NULL;
	int r;

	/* The repo's own .git/config outranks the user's global one; the
	 * repository's config holds every level, so the user's files alone
	 * are read only when there is no repository (each read is a dozen
	 * system calls per file, on every verification). */
	if (workspace && git_repository_open_ext(&repo, workspace,
						 GIT_REPOSITORY_OPEN_NO_SEARCH,
						 NULL) == 0) {
		if (git_repository_config(&gc, repo) < 0)
			gc = NULL;
		git_repository_free(repo);
	}
	if (!gc && git_config_open_default(&gc) < 0)
		gc = NULL;
	cfg->user.where = xstrdup("git config");
	cfg->user.prefix = "airunner.";
	if (!gc)
		return 0;
	r = source_load(&cfg->user, gc, e);
	git_config_free(gc);
	return r;
}

int config_open(struct config **out, const char *workspace, struct err *e)
{
	struct config *cfg = xcalloc(1, sizeof(*cfg));

	git_libgit2_init();
	if (user_open(cfg, workspace, e) < 0 ||
	    (workspace && team_open(cfg, workspace, e) < 0)) {
		config_free(cfg);
		return -1;
	}
	*out = cfg;
	return 0;
}

void config_free(struct config *cfg)
{
	if (!cfg)
		return;
	source_release(&cfg->team);
	source_release(&cfg->user);
	free(cfg);
}

/* ---- lookups ---- */

/* The value that answers a single lookup: the user's last, else the team's
 * last. *src says which source it came from. */
static const struct entry *lookup(struct config *cfg, const char *section,
				  const char *sub, const char *name,
				  const struct source **src)
{
	const struct source *order[2] = { &cfg->user, &cfg->team };
	size_t lo, hi;
	int k;

	for (k = 0; k < 2; k++) {
		key_range(order[k], section, sub, name, 3, &lo, &hi);
		if (lo < hi) {
			*src = order[k];
			return &order[k]->v[hi - 1];
		}
	}
	return NULL;
}

/* "check.tsc.timeout", or "airunner.check.tsc.timeout" in the user's
 * config, for messages. */
static int bad_value(struct err *e, const struct source *src,
		     const struct entry *en, const char *what)
{
	return err_set(e, ERR_CONFIG, "%s: %s%s%s%s.%s: '%s' is not %s",
		       src->where, src->prefix, en->section,
		       en->sub ? "." : "", en->sub ? en->sub : "", en->name,
		       en->value ? en->value : "", what);
}

int config_get_string(struct config *cfg, const char *section,
		      const char *subsection, const char *name, char **out,
		      struct err *e)
{
	const struct source *src;
	const struct entry *en = lookup(cfg, section, subsection, name, &src);

	(void)e;
	if (!en)
		return 0;
	*out = xstrdup(en->value ? en->value : "");
	return 1;
}

int config_get_int(struct config *cfg, const char *section,
		   const char *subsection, const char *name, int64_t *out,
		   struct err *e)
{
	const struct source *src;
	const struct entry *en = lookup(cfg, section, subsection, name, &src);
	int64_t v;

	if (!en)
		return 0;
	if (!en->value || git_config_parse_int64(&v, en->value) < 0)
		return bad_value(e, src, en, "an integer");
	*out = v;
	return 1;
}

int config_get_bool(struct config *cfg, const char *section,
		    const char *subsection, const char *name, bool *out,
		    struct err *e)
{
	const struct source *src;
	const struct entry *en = lookup(cfg, section, subsection, name, &src);
	int v;

	if (!en)
		return 0;
	if (git_config_parse_bool(&v, en->value) < 0)
		return bad_value(e, src, en, "a boolean");
	*out = v != 0;
	return 1;
}

int config_get_all(struct config *cfg, const char *section,
		   const char *subsection, const char *name,
		   int (*fn)(const char *value, void *data), void *data,
		   struct err *e)
{
	const struct source *order[2] = { &cfg->team, &cfg->user };
	size_t lo, hi, i;
	int k, count = 0;

	(void)e;
	for (k = 0; k < 2; k++) {
		key_range(order[k], section, subsection, name, 3, &lo, &hi);
		for (i = lo; i < hi; i++) {
			const char *v = order[k]->v[i].value;

			count++;
			if (fn(v ? v : "", data))
				return count;
		}
	}
	return count;
}

struct first_seen {
	const char *name;
	size_t seq;
};

static int first_seen_cmp(const void *pa, const void *pb)
{
	const struct first_seen *a = pa, *b = pb;

	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Appends to *list the distinct subsections of section in src, each with
 * where it first appears, in that order; skips those `other` has. */
static void subsections_of(const struct source *src, const char *section,
			   const struct source *other,
			   struct first_seen **list, size_t *n)
{
	size_t lo, hi, i, start = *n, olo, ohi;

	const char *cur = NULL;
	bool kept = false;

	key_range(src, section, NULL, NULL, 1, &lo, &hi);
	for (i = lo; i < hi; i++) {
		const struct entry *en = &src->v[i];

		if (!en->sub)
			continue;
		if (cur && !strcmp(cur, en->sub)) {
			/* the same subsection: keep its earliest position */
			if (kept && en->seq < (*list)[*n - 1].seq)
				(*list)[*n - 1].seq = en->seq;
			continue;
		}
		cur = en->sub;
		if (other) {
			key_range(other, section, en->sub, NULL, 2, &olo,
				  &ohi);
			kept = olo == ohi;
		} else {
			kept = true;
		}
		if (!kept)
			continue;
		*list = xrealloc(*list, (*n + 1) * sizeof(**list));
		(*list)[(*n)++] = (struct first_seen){ en->sub, en->seq };
	}
	if (*n > start)
		qsort(*list + start, *n - start, sizeof(**list),
		      first_seen_cmp);
}

int config_subsections(struct config *cfg, const char *section,
		       int (*fn)(const char *name, void *data), void *data,
		       struct err *e)
{
	struct first_seen *list = NULL;
	size_t n = 0, i;

	(void)e;
	subsections_of(&cfg->team, section, NULL, &list, &n);
	subsections_of(&cfg->user, section, &cfg->team, &list, &n);
	for (i = 0; i < n; i++)
		if (fn(list[i].name, data))
			break;
	free(list);
	return 0;
}
