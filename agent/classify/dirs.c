/*
 * The folders a build log was printed in. GNU make's recursion (and `make
 * -C`, `cmake --build` over Makefiles) brackets what it runs in a folder with
 * "make[N]: Entering directory '/p/lib'" and "make[N]: Leaving directory
 * '/p/lib'"; ninja (meson compile, cmake --build over Ninja) says once
 * "ninja: Entering directory `build'". A stack of the folders entered, by
 * line, is all it takes: under `make -j` without --output-sync the brackets
 * of several folders interleave, and the innermost open one is the best
 * guess (classify.c asks the repository, when it has one, whether the file
 * is there).
 */
#include "classify/dirs.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/fs.h"
#include "util/mem.h"

/* From line `from` on, the folder is `dir` (NULL: the tool's own). */
struct change {
	size_t from;
	const char *dir;
};

struct cl_dirs {
	struct change *v;
	size_t n, alloc;
	char **names; /* every folder named, owned */
	size_t nnames, names_alloc;
};

struct open_dir {
	const char *dir;
	size_t n;
};

/* "make", "gmake", "mingw32-make", "/usr/bin/make", each maybe with
 * "[N]"; "makepp"; "ninja" and samurai's "samu". */
static bool builder(const char *p, size_t n)
{
	size_t k;

	if (n && p[n - 1] == ']') {
		for (k = n - 1; k > 0 && p[k - 1] >= '0' && p[k - 1] <= '9'; k--)
			;
		if (k == 0 || k == n - 1 || p[k - 1] != '[')
			return false;
		n = k - 1;
	}
	for (k = n; k > 0 && p[k - 1] != '/'; k--)
		;
	p += k;
	n -= k;
	return (n >= 4 && !memcmp(p + n - 4, "make", 4)) ||
	       (n == 6 && !memcmp(p, "makepp", 6)) ||
	       (n == 5 && !memcmp(p, "ninja", 5)) ||
	       (n == 4 && !memcmp(p, "samu", 4));
}

/* The folder quoted at p[0..n) ('x', `x', "x", ‘x’) to its end, trailing
 * blanks aside: its offset and length, or false. */
static bool quoted_dir(const char *p, size_t n, size_t *at, size_t *len)
{
	size_t open, close;

	while (n && (p[n - 1] == ' ' || p[n - 1] == '\r' || p[n - 1] == '\t'))
		n--;
	if (n >= 2 && (p[0] == '\'' || p[0] == '`' || p[0] == '"') &&
	    (p[n - 1] == '\'' || p[n - 1] == '"')) {
		open = 1;
		close = 1;
	} else if (n >= 6 && !memcmp(p, "\xe2\x80\x98", 3) &&
		   !memcmp(p + n - 3, "\xe2\x80\x99", 3)) {
		open = 3;
		close = 3;
	} else {
		return false;
	}
	if (n < open + close + 1)
		return false;
	*at = open;
	*len = n - open - close;
	return true;
}

static void change_add(struct cl_dirs *d, size_t from, const char *dir)
{
	if (d->n && d->v[d->n - 1].from == from) {
		d->v[d->n - 1].dir = dir; /* two on one line: the last holds */
		return;
	}
	if (d->n == d->alloc) {
		d->alloc = d->alloc ? d->alloc * 2 : 16;
		d->v = xrealloc(d->v, d->alloc * sizeof(*d->v));
	}
	d->v[d->n].from = from;
	d->v[d->n++].dir = dir;
}

static const char *name_add(struct cl_dirs *d, const char *p, size_t n)
{
	if (d->nnames == d->names_alloc) {
		d->names_alloc = d->names_alloc ? d->names_alloc * 2 : 8;
		d->names = xrealloc(d->names, d->names_alloc * sizeof(*d->names));
	}
	return d->names[d->nnames++] = xstrndup(p, n);
}

/* npm's word for its error lines: "npm error " (npm 10), "npm ERR! ": the
 * length of the line's start that says it, or 0. */
static size_t npm_error(const char *l, size_t n)
{
	if (n > 10 && !memcmp(l, "npm error ", 10))
		return 10;
	if (n > 9 && !memcmp(l, "npm ERR! ", 9))
		return 9;
	return 0;
}

bool cl_npm_dir(const char *l, size_t n, const char *prev, size_t prevn,
		size_t *at, size_t *len)
{
	size_t k = npm_error(l, n), c;

	while (n && (l[n - 1] == '\r' || l[n - 1] == ' '))
		n--;
	if (!k)
		return false;
	if (n > k + 5 && !memcmp(l + k, "path /", 6)) {
		/* under "npm error code 2" */
		c = npm_error(prev, prevn);
		while (prevn && (prev[prevn - 1] == '\r' || prev[prevn - 1] == ' '))
			prevn--;
		if (!c || prevn < c + 6 || memcmp(prev + c, "code ", 5))
			return false;
		for (c += 5; c < prevn && prev[c] >= '0' && prev[c] <= '9'; c++)
			;
		if (c < prevn || (prev[c - 1] < '0' || prev[c - 1] > '9'))
			return false;
		k += 5;
	} else if (n > k + 9 && !memcmp(l + k, "location /", 10)) {
		k += 9;
	} else if (n > k + 15 && !memcmp(l + k, "  at location: /", 16)) {
		k += 15;
	} else {
		return false;
	}
	*at = k;
	*len = n - k;
	return true;
}

struct cl_dirs *cl_dirs_read(const char *text, const size_t *start,
			     const size_t *lines, size_t nl)
{
	static const char needle[] = "ing directory ";
	const size_t len = sizeof(needle) - 1;
	struct cl_dirs *d = NULL;
	struct open_dir *stack = NULL;
	struct cl_dir_mark *npm = NULL; /* dirs owned */
	size_t depth = 0, alloc = 0, c, nnpm = 0, npm_alloc = 0, npm_from = 0;

	for (c = 0; c < nl; c++) {
		size_t i = lines[c], end, word, k, dir, dlen;
		const char *l = text + start[i], *hit;
		bool enter;

		end = start[i + 1] > start[i] ? start[i + 1] - 1 - start[i] : 0;
		/* npm's folder, told after the script's output: the lines
		 * from the last it told on */
		if (l[0] == 'n' && i > 0 &&
		    cl_npm_dir(l, end, text + start[i - 1],
			       start[i] - 1 - start[i - 1], &dir, &dlen)) {
			if (nnpm + 2 > npm_alloc) {
				npm_alloc = npm_alloc ? npm_alloc * 2 : 8;
				npm = xrealloc(npm, npm_alloc * sizeof(*npm));
			}
			if (nnpm && npm[nnpm - 1].from == npm_from)
				nnpm--; /* (the last one's end: this one's start) */
			npm[nnpm].from = npm_from;
			npm[nnpm++].dir = xstrndup(l + dir, dlen);
			npm[nnpm].from = i + 1;
			npm[nnpm++].dir = NULL;
			npm_from = i + 1;
			continue;
		}
		if (!(hit = memmem(l, end, needle, len)))
			continue;
		word = (size_t)(hit - l);
		/* "<builder>: Entering directory " / "Leaving directory " */
		if (word >= 5 && !memcmp(hit - 5, "Enter", 5)) {
			enter = true;
			word -= 5;
		} else if (word >= 4 && !memcmp(hit - 4, "Leav", 4)) {
			enter = false;
			word -= 4;
		} else {
			continue;
		}
		if (word < 3 || l[word - 1] != ' ' || l[word - 2] != ':' ||
		    memchr(l, ' ', word - 2) || !builder(l, word - 2))
			continue;
		k = (size_t)(hit - l) + len;
		if (k > end || !quoted_dir(l + k, end - k, &dir, &dlen))
			continue;
		dir += k;
		if (!d)
			d = xcalloc(1, sizeof(*d));
		if (enter) {
			if (depth == alloc) {
				alloc = alloc ? alloc * 2 : 8;
				stack = xrealloc(stack, alloc * sizeof(*stack));
			}
			stack[depth].dir = name_add(d, l + dir, dlen);
			stack[depth++].n = dlen;
		} else {
			/* the folder it leaves, and any entered after it
			 * and never left (an interleaved -j log) */
			for (k = depth; k > 0; k--)
				if (stack[k - 1].n == dlen &&
				    !memcmp(stack[k - 1].dir, l + dir, dlen))
					break;
			if (!k)
				continue;
			depth = k - 1;
		}
		change_add(d, i + 1, depth ? stack[depth - 1].dir : NULL);
	}
	free(stack);
	if (nnpm) {
		d = cl_dirs_over(d, npm, nnpm);
		for (c = 0; c < nnpm; c++)
			free((char *)npm[c].dir);
		free(npm);
	}
	return d;
}

void cl_dirs_free(struct cl_dirs *d)
{
	size_t k;

	if (!d)
		return;
	for (k = 0; k < d->nnames; k++)
		free(d->names[k]);
	free(d->names);
	free(d->v);
	free(d);
}

struct cl_dirs *cl_dirs_over(struct cl_dirs *d, const struct cl_dir_mark *base,
			     size_t n)
{
	struct cl_dirs *o;
	size_t i = 0, j = 0, from;
	const char *task = NULL, *made;

	if (!n)
		return d;
	o = xcalloc(1, sizeof(*o));
	if (d) {
		o->names = d->names; /* the builders' folders move over */
		o->nnames = d->nnames;
		o->names_alloc = d->names_alloc;
	}
	/* every line where either changes */
	while (j < n || (d && i < d->n)) {
		from = j < n ? base[j].from : SIZE_MAX;
		if (d && i < d->n && d->v[i].from < from)
			from = d->v[i].from;
		for (; j < n && base[j].from == from; j++)
			task = base[j].dir ? name_add(o, base[j].dir,
						      strlen(base[j].dir))
					   : NULL;
		for (; d && i < d->n && d->v[i].from == from; i++)
			;
		made = cl_dirs_at(d, from);
		change_add(o, from, made ? made : task);
	}
	if (d) {
		free(d->v);
		free(d);
	}
	return o;
}

const char *cl_dirs_at(const struct cl_dirs *d, size_t line)
{
	size_t lo = 0, hi;

	if (!d || !d->n || line < d->v[0].from)
		return NULL;
	hi = d->n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->v[mid].from <= line)
			lo = mid;
		else
			hi = mid;
	}
	return d->v[lo].dir;
}

bool cl_dirs_join(struct buf *out, const char *dir, const char *path)
{
	if (path[0] == '/')
		return false;
	return fs_path_join(out, dir, strlen(dir), path);
}
