/*
 * strv: a growable array of owned C strings, always NULL-terminated (so v can
 * be handed to posix_spawn as argv once it holds a string; strv_argv() gives
 * a usable argv for an empty list too.
 */
#ifndef AIRUNNER_STRV_H
#define AIRUNNER_STRV_H

#include <stdbool.h>
#include <stddef.h>

struct strv {
	char **v;
	size_t n, alloc;
};

#define STRV_INIT { NULL, 0, 0 }

/* Takes ownership of s (malloc'd). */
void strv_push(struct strv *l, char *s);
/* Pushes a copy of s. */
void strv_add(struct strv *l, const char *s);
void strv_addn(struct strv *l, const char *s, size_t n);
void strv_add_all(struct strv *l, const struct strv *from);
/* Frees every string and the array; the list is empty and reusable. */
void strv_release(struct strv *l);
/* Sorts with strcmp and drops exact repeats. */
void strv_sort_uniq(struct strv *l);
bool strv_has(const struct strv *l, const char *s);
/* v, never NULL: an empty list gives a pointer to a NULL entry. */
const char *const *strv_argv(const struct strv *l);

#endif
