#include "config/config.h"

#include <git2.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "git/giterr.h"
#include "util/buf.h"
#include "util/mem.h"

struct config {
	git_config *user; /* may be NULL when no user config exists */
	git_config *team; /* the .airunner file, or NULL */
};

static int snapshot(git_config **c)
{
	git_config *snap;

	if (!*c)
		return 0;
	if (git_config_snapshot(&snap, *c) < 0)
		return -1;
	git_config_free(*c);
	*c = snap;
	return 0;
}

int config_open(struct config **out, const char *workspace, struct err *e)
{
	struct config *cfg = xcalloc(1, sizeof(*cfg));
	struct buf path = BUF_INIT;
	git_repository *repo = NULL;
	int r = -1;

	git_libgit2_init();
	if (git_config_open_default(&cfg->user) < 0)
		cfg->user = NULL;
	if (workspace) {
		/* The repo's own .git/config outranks the user's global one. */
		if (git_repository_open_ext(&repo, workspace,
					    GIT_REPOSITORY_OPEN_NO_SEARCH,
					    NULL) == 0) {
			git_config *local = NULL;

			if (git_repository_config(&local, repo) == 0) {
				if (cfg->user)
					git_config_free(cfg->user);
				cfg->user = local;
			}
		}
		buf_addf(&path, "%s/.airunner", workspace);
		if (access(path.ptr, F_OK) == 0) {
			if (git_config_new(&cfg->team) < 0 ||
			    git_config_add_file_ondisk(
				    cfg->team, path.ptr,
				    GIT_CONFIG_LEVEL_LOCAL, NULL, 0) < 0) {
				err_set_libgit2(e, ERR_CONFIG, path.ptr);
				goto out;
			}
		}
	}
	/* Read-only snapshots: a live git_config checks its files for changes
	 * on every lookup, which made each get cost about 10 us. A config is
	 * opened per request, so it never needs to see later edits. */
	if (snapshot(&cfg->user) < 0 || snapshot(&cfg->team) < 0) {
		err_set_libgit2(e, ERR_CONFIG, "config snapshot");
		goto out;
	}
	*out = cfg;
	cfg = NULL;
	r = 0;
out:
	if (repo)
		git_repository_free(repo);
	buf_release(&path);
	config_free(cfg);
	return r;
}

void config_free(struct config *cfg)
{
	if (!cfg)
		return;
	if (cfg->user)
		git_config_free(cfg->user);
	if (cfg->team)
		git_config_free(cfg->team);
	free(cfg);
}

/* Looks key up user-first; *src says which config answered. */
static int lookup(struct config *cfg, const char *key, git_config **src,
		  const char **name, struct buf *tmp)
{
	git_config_entry *ent = NULL;

	buf_reset(tmp);
	buf_addf(tmp, "airunner.%s", key);
	if (cfg->user && git_config_get_entry(&ent, cfg->user, tmp->ptr) == 0) {
		git_config_entry_free(ent);
		*src = cfg->user;
		*name = tmp->ptr;
		return 1;
	}
	if (cfg->team && git_config_get_entry(&ent, cfg->team, key) == 0) {
		git_config_entry_free(ent);
		*src = cfg->team;
		*name = key;
		return 1;
	}
	return 0;
}

int config_get_string(struct config *cfg, const char *key, char **out,
		      struct err *e)
{
	struct buf tmp = BUF_INIT;
	git_config *src;
	git_buf val = { 0 };
	const char *name;
	int r;

	r = lookup(cfg, key, &src, &name, &tmp);
	if (r == 1) {
		if (git_config_get_string_buf(&val, src, name) < 0) {
			r = err_set_libgit2(e, ERR_CONFIG, key);
		} else {
			*out = xstrdup(val.ptr ? val.ptr : "");
			git_buf_dispose(&val);
		}
	}
	buf_release(&tmp);
	return r;
}

int config_get_int(struct config *cfg, const char *key, int64_t *out,
		   struct err *e)
{
	struct buf tmp = BUF_INIT;
	git_config *src;
	const char *name;
	int64_t v;
	int r;

	r = lookup(cfg, key, &src, &name, &tmp);
	if (r == 1) {
		if (git_config_get_int64(&v, src, name) < 0)
			r = err_set_libgit2(e, ERR_CONFIG, key);
		else
			*out = v;
	}
	buf_release(&tmp);
	return r;
}

int config_get_bool(struct config *cfg, const char *key, bool *out,
		    struct err *e)
{
	struct buf tmp = BUF_INIT;
	git_config *src;
	const char *name;
	int v, r;

	r = lookup(cfg, key, &src, &name, &tmp);
	if (r == 1) {
		if (git_config_get_bool(&v, src, name) < 0)
			r = err_set_libgit2(e, ERR_CONFIG, key);
		else
			*out = v != 0;
	}
	buf_release(&tmp);
	return r;
}

struct multivar_state {
	int (*fn)(const char *value, void *data);
	void *data;
	int count;
	bool stopped;
};

static int multivar_cb(const git_config_entry *ent, void *p)
{
	struct multivar_state *st = p;

	st->count++;
	if (st->fn(ent->value ? ent->value : "", st->data)) {
		st->stopped = true;
		return GIT_EUSER;
	}
	return 0;
}

static int foreach_multivar(git_config *c, const char *name,
			    struct multivar_state *st, struct err *e)
{
	int r;

	if (!c || st->stopped)
		return 0;
	r = git_config_get_multivar_foreach(c, name, NULL, multivar_cb, st);
	if (r < 0 && r != GIT_ENOTFOUND && r != GIT_EUSER)
		return err_set_libgit2(e, ERR_CONFIG, name);
	return 0;
}

int config_get_all(struct config *cfg, const char *key,
		   int (*fn)(const char *value, void *data), void *data,
		   struct err *e)
{
	struct multivar_state st = { fn, data, 0, false };
	struct buf tmp = BUF_INIT;
	int r;

	buf_addf(&tmp, "airunner.%s", key);
	r = foreach_multivar(cfg->team, key, &st, e);
	if (r == 0)
		r = foreach_multivar(cfg->user, tmp.ptr, &st, e);
	buf_release(&tmp);
	return r < 0 ? -1 : st.count;
}

struct subsection_state {
	const char *prefix; /* "check." or "airunner.check." */
	size_t plen;
	char **seen;
	size_t nseen;
};

static int subsection_cb(const git_config_entry *ent, void *p)
{
	struct subsection_state *st = p;
	const char *name = ent->name + st->plen;
	const char *dot;
	char *sub;
	size_t i;

	/* Filtered here, not by a libgit2 regex: git_config_foreach_match
	 * leaks its PCRE2 match data (libgit2 1.5). */
	if (strncmp(ent->name, st->prefix, st->plen))
		return 0;
	dot = strrchr(name, '.');
	if (!dot || dot == name)
		return 0;
	sub = xstrndup(name, (size_t)(dot - name));
	for (i = 0; i < st->nseen; i++)
		if (strcmp(st->seen[i], sub) == 0) {
			free(sub);
			return 0;
		}
	st->seen = xrealloc(st->seen, sizeof(*st->seen) * (st->nseen + 1));
	st->seen[st->nseen++] = sub;
	return 0;
}

int config_subsections(struct config *cfg, const char *section,
		       int (*fn)(const char *name, void *data), void *data,
		       struct err *e)
{
	struct subsection_state st = { 0 };
	struct buf prefix = BUF_INIT;
	git_config *srcs[2] = { cfg->team, cfg->user };
	size_t i;
	int k, r = 0;

	for (k = 0; k < 2 && r == 0; k++) {
		if (!srcs[k])
			continue;
		buf_reset(&prefix);
		buf_addf(&prefix, "%s%s.", k == 0 ? "" : "airunner.", section);
		st.prefix = prefix.ptr;
		st.plen = prefix.len;
		if (git_config_foreach(srcs[k], subsection_cb, &st) < 0)
			r = err_set_libgit2(e, ERR_CONFIG, section);
	}
	for (i = 0; i < st.nseen; i++) {
		if (r == 0 && fn(st.seen[i], data))
			r = 1;
		free(st.seen[i]);
	}
	free(st.seen);
	buf_release(&prefix);
	return r < 0 ? -1 : 0;
}
