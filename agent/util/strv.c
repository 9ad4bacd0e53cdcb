#include "util/strv.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

void strv_push(struct strv *l, char *s)
{
	if (l->n + 2 > l->alloc) {
		l->alloc = l->alloc ? l->alloc * 2 : 8;
		l->v = xrealloc(l->v, l->alloc * sizeof(*l->v));
	}
	l->v[l->n++] = s;
	l->v[l->n] = NULL;
}

void strv_add(struct strv *l, const char *s)
{
	strv_push(l, xstrdup(s));
}

void strv_addn(struct strv *l, const char *s, size_t n)
{
	strv_push(l, xstrndup(s, n));
}

void strv_add_all(struct strv *l, const struct strv *from)
{
	size_t i;

	for (i = 0; i < from->n; i++)
		strv_add(l, from->v[i]);
}

void strv_release(struct strv *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void strv_sort_uniq(struct strv *l)
{
	size_t i, k = 0;

	if (l->n < 2)
		return;
	qsort(l->v, l->n, sizeof(*l->v), cmp_str);
	for (i = 0; i < l->n; i++) {
		if (k && !strcmp(l->v[k - 1], l->v[i]))
			free(l->v[i]);
		else
			l->v[k++] = l->v[i];
	}
	l->n = k;
	l->v[k] = NULL;
}

bool strv_has(const struct strv *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], s))
			return true;
	return false;
}

const char *const *strv_argv(const struct strv *l)
{
	static const char *const empty[] = { NULL };

	return l->v ? (const char *const *)l->v : empty;
}
