#include "exec/workspace.h"

#define PCRE2_CODE_UNIT_WIDTH 8

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "git/repo.h"
#include "util/beneath.h"
#include "util/mem.h"

/* What search reads of a file at most, and how much of a line it shows. */
#define SEARCH_FILE_MAX ((size_t)1 << 20)
#define SEARCH_LINE_MAX 200
#define SEARCH_DEFAULT_MATCHES 100
/* Lines looked at for "the nearest line alike". */
#define NEAREST_MAX_LINES 50000

struct workspace {
	int rootfd;	       /* O_PATH | O_DIRECTORY on the root */
	char *root;	       /* as given: for repo_open */
	char *real;	       /* the root's real path: where links lead */
	unsigned how;	       /* BENEATH_BY_HAND or 0 */
	workspace_before_write_fn hook;
	void *hook_ud;
	struct strv touched;
	struct repo *repo; /* opened on first list/search */
};

int workspace_open(struct workspace **out, const char *root, unsigned flags,
		   struct err *e)
{
	struct workspace *ws;
	char *real;
	int fd;

	fd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return err_set_errno(e, errno == ENOENT ? ERR_NOT_FOUND : ERR_IO,
				     "cannot open the work tree %s", root);
	real = realpath(root, NULL);
	if (!real) {
		close(fd);
		return err_set_errno(e, ERR_IO, "cannot resolve %s", root);
	}
	ws = xcalloc(1, sizeof(*ws));
	ws->rootfd = fd;
	ws->root = xstrdup(root);
	ws->real = real;
	ws->how = (flags & WORKSPACE_NO_OPENAT2) ? BENEATH_BY_HAND : 0;
	*out = ws;
	return 0;
}

void workspace_free(struct workspace *ws)
{
	if (!ws)
		return;
	close(ws->rootfd);
	repo_free(ws->repo);
	strv_release(&ws->touched);
	free(ws->root);
	free(ws->real);
	free(ws);
}

void workspace_set_hook(struct workspace *ws, workspace_before_write_fn fn,
			void *ud)
{
	ws->hook = fn;
	ws->hook_ud = ud;
}

const struct strv *workspace_touched(const struct workspace *ws)
{
	return &ws->touched;
}

void workspace_file_release(struct workspace_file *f)
{
	buf_release(&f->content);
	f->exists = false;
	f->mode = 0;
}

/* ---- the rules ---- */

static int refuse(struct err *e, const char *path, const char *rule)
{
	return err_set(e, ERR_OUTSIDE_WORKSPACE, "refused %s: %s", path, rule);
}

/* Normalises path into norm ("./a//b" -> "a/b") and checks the lexical
 * rules. allow_root: "" and "." are the root itself (a folder to list). */
static int check_path(const char *path, bool allow_root, struct buf *norm,
		      struct err *e)
{
	const char *p = path, *end;
	bool first = true;

	if (!path || !*path) {
		if (allow_root)
			return 0;
		return err_set(e, ERR_OUTSIDE_WORKSPACE,
			       "refused an empty path: name a file relative "
			       "to the work tree");
	}
	if (*path == '/')
		return refuse(e, path,
			      "an absolute path; give the path relative to "
			      "the work tree's top");
	if (!allow_root && path[strlen(path) - 1] == '/')
		return err_set(e, ERR_INVALID_PARAMS,
			       "%s names a folder; give a file's path", path);
	for (; *p; p = *end ? end + 1 : end) {
		size_t n;

		end = strchrnul(p, '/');
		n = (size_t)(end - p);
		if (n == 0 || (n == 1 && p[0] == '.'))
			continue;
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return refuse(e, path,
				      "'..' would leave the work tree; paths "
				      "stay beneath it");
		if (n == 4 && strncasecmp(p, ".git", 4) == 0)
			return refuse(e, path,
				      "nothing under .git may be read or "
				      "edited (the repository's own data)");
		if (first && n == 9 && strncasecmp(p, ".airunner", 9) == 0)
			return refuse(e, path,
				      ".airunner is airunner's own "
				      "configuration, not for a run to touch");
		if (!first)
			buf_addch(norm, '/');
		buf_add(norm, p, n);
		first = false;
	}
	if (first && !allow_root)
		return refuse(e, path, "names the work tree itself, not a file");
	return 0;
}

int workspace_check_path(const char *path, struct buf *norm, struct err *e)
{
	struct buf tmp = BUF_INIT;
	int r = check_path(path, false, norm ? norm : &tmp, e);

	buf_release(&tmp);
	return r;
}

/* Where the real path `real` lies relative to the root: appends the relative
 * path to rel and returns true when beneath it. */
static bool relative_to_root(const struct workspace *ws, const char *real,
			     struct buf *rel)
{
	size_t n = strlen(ws->real);

	if (strcmp(ws->real, "/") == 0)
		n = 0;
	if (strncmp(real, ws->real, n) != 0 ||
	    (real[n] != '/' && real[n] != '\0'))
		return false;
	buf_adds(rel, real[n] == '/' ? real + n + 1 : real + n);
	return true;
}

/* The refusal for a modification whose path runs into a symlink: names the
 * first link on the way, and where it leads. */
static int refuse_link(struct workspace *ws, const char *norm, struct err *e)
{
	struct buf prefix = BUF_INIT, full = BUF_INIT, rel = BUF_INIT;
	struct buf rule = BUF_INIT;
	const char *p = norm;
	char *real = NULL;

	/* The first prefix that cannot be opened without following a link is
	 * the link. */
	for (;;) {
		const char *end = strchrnul(p, '/');
		int fd;

		buf_reset(&prefix);
		buf_add(&prefix, norm, (size_t)(end - norm));
		fd = beneath_open(ws->rootfd, prefix.ptr, O_PATH, ws->how);
		if (fd < 0 || !*end) {
			if (fd >= 0)
				close(fd);
			break;
		}
		close(fd);
		p = end + 1;
	}
	buf_addf(&full, "%s/%s", ws->real, prefix.ptr);
	real = realpath(full.ptr, NULL);
	if (!real || !relative_to_root(ws, real, &rel))
		buf_addf(&rule, "%s is a symbolic link leading outside the "
			 "work tree", prefix.ptr);
	else
		buf_addf(&rule, "%s is a symbolic link (to %s); edits do not "
			 "go through links: use the real path", prefix.ptr,
			 rel.len ? rel.ptr : "the work tree's top");
	refuse(e, norm, rule.ptr);
	free(real);
	buf_release(&prefix);
	buf_release(&full);
	buf_release(&rel);
	buf_release(&rule);
	return -1;
}

/* For a file opened through symlinks: where it really is must pass the
 * rules too (a link inside the tree to .git/config is no way in). */
static int check_opened(struct workspace *ws, int fd, const char *norm,
			struct err *e)
{
	struct buf proc = BUF_INIT, rel = BUF_INIT, dummy = BUF_INIT;
	char target[PATH_MAX];
	ssize_t n;
	int r = 0;

	buf_addf(&proc, "/proc/self/fd/%d", fd);
	n = readlink(proc.ptr, target, sizeof(target) - 1);
	if (n < 0) {
		r = refuse(e, norm,
			   "it goes through a symbolic link, and where the "
			   "link leads cannot be checked (no /proc)");
		goto out;
	}
	target[n] = '\0';
	if (!relative_to_root(ws, target, &rel)) {
		r = refuse(e, norm, "a symbolic link leads outside the work tree");
		goto out;
	}
	if (check_path(rel.ptr, false, &dummy, e) < 0) {
		err_prefix(e, "%s is a link to %s", norm, rel.ptr);
		r = -1;
	}
out:
	buf_release(&proc);
	buf_release(&rel);
	buf_release(&dummy);
	return r;
}

/* ---- reading ---- */

static int read_fd(int fd, const char *norm, size_t limit, struct buf *out,
		   struct err *e)
{
	struct stat st;
	size_t start = out->len;

	if (fstat(fd, &st) < 0)
		return err_set_errno(e, ERR_IO, "cannot stat %s", norm);
	if (!S_ISREG(st.st_mode))
		return err_set(e, ERR_INVALID_PARAMS, "%s is %s, not a file",
			       norm, S_ISDIR(st.st_mode) ? "a folder"
						     : "a special file");
	if (limit && (uint64_t)st.st_size > (uint64_t)limit)
		return err_set(e, ERR_TOO_BIG,
			       "%s is %lld bytes, over the limit of %zu bytes",
			       norm, (long long)st.st_size, limit);
	for (;;) {
		ssize_t n;

		if (buf_grow(out, 65536) < 0) {
			buf_truncate(out, start);
			return err_set(e, ERR_TOO_BIG, "%s is too big to read",
				       norm);
		}
		n = read(fd, out->ptr + out->len, out->cap - out->len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			buf_truncate(out, start);
			return err_set_errno(e, ERR_IO, "reading %s", norm);
		}
		if (n == 0)
			break;
		out->len += (size_t)n;
		out->ptr[out->len] = '\0';
		if (limit && out->len - start > limit) {
			/* It grew since the fstat. */
			buf_truncate(out, start);
			return err_set(e, ERR_TOO_BIG,
				       "%s is over the limit of %zu bytes",
				       norm, limit);
		}
	}
	return 0;
}

/* Opens norm for reading, following links that stay beneath the root and
 * checking where they lead. Returns the fd, -1 with e set, or -2 when there
 * is no such file. */
static int open_for_read(struct workspace *ws, const char *norm, struct err *e)
{
	const int flags = O_RDONLY | O_NONBLOCK | O_NOCTTY;
	int fd = beneath_open(ws->rootfd, norm, flags, ws->how);

	if (fd < 0 && errno == ELOOP && !(ws->how & BENEATH_BY_HAND)) {
		fd = beneath_open(ws->rootfd, norm, flags,
				  ws->how | BENEATH_FOLLOW);
		if (fd >= 0 && check_opened(ws, fd, norm, e) < 0) {
			close(fd);
			return -1;
		}
	}
	if (fd >= 0)
		return fd;
	switch (errno) {
	case ENOENT:
	case ENOTDIR:
		return -2;
	case EXDEV:
		return refuse(e, norm,
			      "a symbolic link on the way leads outside the "
			      "work tree");
	case ELOOP:
		if (ws->how & BENEATH_BY_HAND)
			return refuse(e, norm,
				      "a symbolic link on the way (without "
				      "openat2, links are not followed)");
		return refuse(e, norm, "too many symbolic links on the way");
	default:
		return err_set_errno(e, ERR_IO, "cannot open %s", norm);
	}
}

int workspace_read(struct workspace *ws, const char *path, size_t limit,
		   struct workspace_file *out, struct err *e)
{
	struct buf norm = BUF_INIT;
	struct stat st;
	int fd, r = -1;

	out->exists = false;
	out->mode = 0;
	if (check_path(path, false, &norm, e) < 0)
		goto out;
	fd = open_for_read(ws, norm.ptr, e);
	if (fd == -2) {
		r = 0;
		goto out;
	}
	if (fd < 0)
		goto out;
	if (read_fd(fd, norm.ptr, limit, &out->content, e) == 0 &&
	    fstat(fd, &st) == 0) {
		out->exists = true;
		out->mode = st.st_mode;
		r = 0;
	}
	close(fd);
out:
	buf_release(&norm);
	return r;
}

/* ---- modifying ---- */

struct edit {
	struct buf norm;
	int dfd;	  /* the folder holding the file; -1: it does not exist yet */
	const char *leaf; /* inside norm */
	bool exists;	  /* the file is there (a regular file) */
};

static void edit_release(struct edit *ed)
{
	if (ed->dfd >= 0)
		close(ed->dfd);
	buf_release(&ed->norm);
}

/* Checks path for a modification and opens its folder (without following
 * any link, and without making anything). must_exist: a missing file is
 * ERR_NOT_FOUND. */
static int edit_prepare(struct workspace *ws, const char *path, bool must_exist,
			struct edit *ed, struct err *e)
{
	struct stat st;

	buf_init(&ed->norm, BUF_DEFAULT_MAX);
	ed->dfd = -1;
	ed->exists = false;
	if (check_path(path, false, &ed->norm, e) < 0)
		return -1;
	ed->dfd = beneath_open_parent(ws->rootfd, ed->norm.ptr, ws->how,
				      &ed->leaf);
	if (ed->dfd < 0) {
		const char *slash = strrchr(ed->norm.ptr, '/');

		ed->leaf = slash ? slash + 1 : ed->norm.ptr;
		switch (errno) {
		case ENOENT:
			break;
		case ELOOP:
		case EXDEV:
			return refuse_link(ws, ed->norm.ptr, e);
		case ENOTDIR:
			return err_set(e, ERR_INVALID_PARAMS,
				       "%s: a folder on the way is a file",
				       ed->norm.ptr);
		default:
			return err_set_errno(e, ERR_IO, "cannot open the folder "
					     "of %s", ed->norm.ptr);
		}
	} else if (fstatat(ed->dfd, ed->leaf, &st, AT_SYMLINK_NOFOLLOW) == 0) {
		if (S_ISLNK(st.st_mode))
			return refuse_link(ws, ed->norm.ptr, e);
		if (S_ISDIR(st.st_mode))
			return err_set(e, ERR_INVALID_PARAMS,
				       "%s is a folder, not a file",
				       ed->norm.ptr);
		if (!S_ISREG(st.st_mode))
			return err_set(e, ERR_INVALID_PARAMS,
				       "%s is a special file, not a regular one",
				       ed->norm.ptr);
		ed->exists = true;
	} else if (errno != ENOENT) {
		return err_set_errno(e, ERR_IO, "cannot stat %s", ed->norm.ptr);
	}
	if (must_exist && !ed->exists)
		return err_set(e, ERR_NOT_FOUND, "%s: no such file",
			       ed->norm.ptr);
	return 0;
}

/* The hook, once per path, before its first modification. */
static int before_write(struct workspace *ws, const char *norm, struct err *e)
{
	if (strv_has(&ws->touched, norm))
		return 0;
	if (ws->hook && ws->hook(norm, ws->hook_ud, e) < 0) {
		if (e && e->kind == ERR_NONE)
			err_set(e, ERR_INTERNAL, "%s: the snapshot failed",
				norm);
		return -1;
	}
	strv_add(&ws->touched, norm);
	return 0;
}

static int edit_write(struct workspace *ws, struct edit *ed, const void *data,
		      size_t len, bool *created, struct err *e)
{
	if (ed->dfd < 0) {
		ed->dfd = beneath_open_parent(ws->rootfd, ed->norm.ptr,
					      ws->how | BENEATH_CREATE,
					      &ed->leaf);
		if (ed->dfd < 0) {
			if (errno == ELOOP)
				return refuse_link(ws, ed->norm.ptr, e);
			return err_set_errno(e, ERR_IO, "cannot make the "
					     "folders of %s", ed->norm.ptr);
		}
	}
	if (beneath_replace(ed->dfd, ed->leaf, data, len, (mode_t)-1,
			    created) < 0) {
		if (errno == ELOOP)
			return refuse_link(ws, ed->norm.ptr, e);
		if (errno == EISDIR)
			return err_set(e, ERR_INVALID_PARAMS,
				       "%s is a folder, not a file",
				       ed->norm.ptr);
		return err_set_errno(e, ERR_IO, "writing %s", ed->norm.ptr);
	}
	return 0;
}

int workspace_write(struct workspace *ws, const char *path, const void *data,
		    size_t len, bool *created, struct err *e)
{
	struct edit ed;
	int r = -1;

	if (edit_prepare(ws, path, false, &ed, e) == 0 &&
	    before_write(ws, ed.norm.ptr, e) == 0)
		r = edit_write(ws, &ed, data, len, created, e);
	edit_release(&ed);
	return r;
}

/* 1-based line number of offset off in s. */
static size_t line_of(const char *s, size_t off)
{
	size_t line = 1;
	const char *p = s, *end = s + off;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		line++;
		p++;
	}
	return line;
}

static void trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' ||
		      (*s)[*n - 1] == '\r'))
		(*n)--;
}

#define BIGRAM_BUCKETS 4096

static unsigned bigram(const char *s)
{
	return ((unsigned char)s[0] * 31u + (unsigned char)s[1]) %
	       BIGRAM_BUCKETS;
}

/*
 * The line of content most like the first non-blank line of old (Dice's
 * coefficient over character pairs, which forgives a changed word or a typo;
 * equal but for the indentation scores 1), when it looks close enough to
 * help: appended to msg. Linear in the file's size.
 */
static void nearest_line(const char *content, size_t clen, const char *old,
			 size_t old_len, struct buf *msg)
{
	uint16_t want[BIGRAM_BUCKETS], seen[BIGRAM_BUCKETS];
	const char *o = old, *p = content, *end = content + clen;
	const char *best = NULL;
	size_t on = 0, best_n = 0, best_line = 0, line = 0, i;
	double best_score = 0.0;

	/* The first non-blank line of old. */
	while (o < old + old_len) {
		const char *nl = memchr(o, '\n', (size_t)(old + old_len - o));

		on = nl ? (size_t)(nl - o) : (size_t)(old + old_len - o);
		trim(&o, &on);
		if (on)
			break;
		o = nl ? nl + 1 : old + old_len;
	}
	if (on < 2)
		return;
	if (on > SEARCH_LINE_MAX)
		on = SEARCH_LINE_MAX;
	memset(want, 0, sizeof(want));
	memset(seen, 0, sizeof(seen));
	for (i = 0; i + 1 < on; i++)
		want[bigram(o + i)]++;
	while (p < end && line < NEAREST_MAX_LINES) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *l = p;
		size_t ln = nl ? (size_t)(nl - p) : (size_t)(end - p), common = 0;
		double score;

		line++;
		p = nl ? nl + 1 : end;
		trim(&l, &ln);
		if (ln < 2)
			continue;
		if (ln > SEARCH_LINE_MAX)
			ln = SEARCH_LINE_MAX;
		for (i = 0; i + 1 < ln; i++) {
			unsigned h = bigram(l + i);

			if (seen[h]++ < want[h])
				common++;
		}
		for (i = 0; i + 1 < ln; i++)
			seen[bigram(l + i)] = 0;
		score = 2.0 * (double)common / (double)(on - 1 + ln - 1);
		if (score > best_score) {
			best_score = score;
			best = l;
			best_n = ln;
			best_line = line;
		}
	}
	if (best && best_score >= 0.5)
		buf_addf(msg, "; the nearest line alike is line %zu: %.*s",
			 best_line, (int)best_n, best);
}

int workspace_replace(struct workspace *ws, const char *path, const char *old,
		      size_t old_len, const char *new_text, size_t new_len,
		      size_t limit, struct err *e)
{
	struct buf content = BUF_INIT, out = BUF_INIT, msg = BUF_INIT;
	struct edit ed;
	size_t count = 0, first = 0, off;
	size_t lines[5];
	int fd, r = -1;

	if (edit_prepare(ws, path, true, &ed, e) < 0)
		goto out;
	if (!old_len) {
		err_set(e, ERR_INVALID_PARAMS,
			"the text to replace in %s is empty: give the exact "
			"text to change", ed.norm.ptr);
		goto out;
	}
	fd = openat(ed.dfd, ed.leaf,
		    O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		err_set_errno(e, ERR_IO, "cannot open %s", ed.norm.ptr);
		goto out;
	}
	r = read_fd(fd, ed.norm.ptr, limit, &content, e);
	close(fd);
	if (r < 0)
		goto out;
	r = -1;
	/* Every start counts, overlapping ones too: "aa" in "aaa" is two
	 * places the model could have meant. */
	for (off = 0; off + old_len <= content.len;) {
		const char *m = memmem(content.ptr + off, content.len - off,
				       old, old_len);

		if (!m)
			break;
		if (count < 5)
			lines[count] = line_of(content.ptr,
					       (size_t)(m - content.ptr));
		if (!count)
			first = (size_t)(m - content.ptr);
		count++;
		off = (size_t)(m - content.ptr) + 1;
	}
	if (count == 0) {
		buf_addf(&msg, "the text to replace was not found in %s "
			 "(it must match exactly, whitespace included)",
			 ed.norm.ptr);
		nearest_line(content.ptr, content.len, old, old_len, &msg);
		err_set(e, ERR_INVALID_PARAMS, "%s", msg.ptr);
		goto out;
	}
	if (count > 1) {
		size_t i;

		buf_addf(&msg, "the text to replace occurs %zu times in %s, "
			 "at lines ", count, ed.norm.ptr);
		for (i = 0; i < count && i < 5; i++)
			buf_addf(&msg, "%s%zu", i ? ", " : "", lines[i]);
		buf_adds(&msg, count > 5 ? ", ...: " : ": ");
		buf_adds(&msg, "include more of the surrounding text so it "
			 "matches exactly once");
		err_set(e, ERR_INVALID_PARAMS, "%s", msg.ptr);
		goto out;
	}
	buf_add(&out, content.ptr, first);
	buf_add(&out, new_text, new_len);
	buf_add(&out, content.ptr + first + old_len,
		content.len - first - old_len);
	if (before_write(ws, ed.norm.ptr, e) < 0)
		goto out;
	r = edit_write(ws, &ed, out.ptr, out.len, NULL, e);
out:
	edit_release(&ed);
	buf_release(&content);
	buf_release(&out);
	buf_release(&msg);
	return r;
}

int workspace_delete(struct workspace *ws, const char *path, struct err *e)
{
	struct edit ed;
	int r = -1;

	if (edit_prepare(ws, path, true, &ed, e) < 0 ||
	    before_write(ws, ed.norm.ptr, e) < 0)
		goto out;
	if (unlinkat(ed.dfd, ed.leaf, 0) < 0) {
		err_set_errno(e, ERR_IO, "deleting %s", ed.norm.ptr);
		goto out;
	}
	beneath_prune(ws->rootfd, ed.norm.ptr, "");
	r = 0;
out:
	edit_release(&ed);
	return r;
}

/* ---- listing and searching ---- */

int workspace_list(struct workspace *ws, const char *under, struct strv *out,
		   struct err *e)
{
	struct strv all = STRV_INIT;
	struct buf prefix = BUF_INIT, scratch = BUF_INIT;
	size_t i;
	int r = -1;

	if (check_path(under, true, &prefix, e) < 0)
		goto out;
	if (prefix.len)
		buf_addch(&prefix, '/');
	if (!ws->repo && repo_open(&ws->repo, ws->root, e) < 0)
		goto out;
	if (repo_files(ws->repo, REPO_FILES_ALL, &all, NULL, e) < 0)
		goto out;
	for (i = 0; i < all.n; i++) {
		struct err ignored = ERR_INIT;

		if (strncmp(all.v[i], prefix.ptr, prefix.len) != 0)
			continue;
		buf_reset(&scratch);
		if (check_path(all.v[i], false, &scratch, &ignored) == 0)
			strv_add(out, all.v[i]);
		err_clear(&ignored);
	}
	r = 0;
out:
	strv_release(&all);
	buf_release(&prefix);
	buf_release(&scratch);
	return r;
}

/* Appends "path:LINE: text\n", the text cut at SEARCH_LINE_MAX bytes (on a
 * UTF-8 boundary). */
static void add_hit(struct buf *out, const char *path, size_t line,
		    const char *text, size_t n)
{
	bool cut = n > SEARCH_LINE_MAX;

	if (n && text[n - 1] == '\r')
		n--;
	if (cut) {
		n = SEARCH_LINE_MAX;
		while (n && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;
	}
	buf_addf(out, "%s:%zu: ", path, line);
	buf_add(out, text, n);
	buf_adds(out, cut ? "...\n" : "\n");
}

int workspace_search(struct workspace *ws, const char *pattern,
		     const char *under, size_t max_matches, struct buf *out,
		     struct workspace_search_result *res, struct err *e)
{
	struct strv files = STRV_INIT;
	pcre2_code *re = NULL;
	pcre2_match_data *md = NULL;
	int errcode;
	PCRE2_SIZE erroff;
	size_t i;
	int r = -1;

	memset(res, 0, sizeof(*res));
	if (!max_matches)
		max_matches = SEARCH_DEFAULT_MATCHES;
	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
			   PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &errcode,
			   &erroff, NULL);
	if (!re) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(errcode, msg, sizeof(msg));
		err_set(e, ERR_INVALID_PARAMS,
			"bad search pattern at offset %zu: %s", (size_t)erroff,
			(const char *)msg);
		goto out;
	}
	/* JIT where the platform has it; the interpreter otherwise. */
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	md = pcre2_match_data_create_from_pattern(re, NULL);
	if (workspace_list(ws, under, &files, e) < 0)
		goto out;
	for (i = 0; i < files.n && !res->truncated; i++) {
		struct workspace_file f = WORKSPACE_FILE_INIT;
		struct err fe = ERR_INIT;
		const char *p, *end;
		size_t line = 0;

		if (workspace_read(ws, files.v[i], SEARCH_FILE_MAX, &f, &fe) < 0 ||
		    !f.exists ||
		    memchr(f.content.ptr, '\0',
			   f.content.len < 8000 ? f.content.len : 8000)) {
			/* Too big, binary, refused (a link leading out), or
			 * gone since the listing: not searched. */
			if (f.exists || fe.kind != ERR_NONE)
				res->skipped++;
			err_clear(&fe);
			workspace_file_release(&f);
			continue;
		}
		p = f.content.ptr;
		end = p + f.content.len;
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

			line++;
			if (pcre2_match(re, (PCRE2_SPTR)p, n, 0, 0, md, NULL) >=
			    0) {
				if (res->matches == max_matches) {
					res->truncated = true;
					break;
				}
				add_hit(out, files.v[i], line, p, n);
				res->matches++;
			}
			p = nl ? nl + 1 : end;
		}
		workspace_file_release(&f);
	}
	r = 0;
out:
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	strv_release(&files);
	return r;
}
