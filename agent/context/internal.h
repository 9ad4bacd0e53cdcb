/*
 * context/internal: what the files of agent/context share. Not a public
 * surface; include context.h from outside.
 */
#ifndef AIRUNNER_CONTEXT_INTERNAL_H
#define AIRUNNER_CONTEXT_INTERNAL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <git2.h>
#include "util/buf.h"
#include "util/err.h"

/* Bumped whenever what an outline holds changes: old cache files are then
 * ignored (their name carries the version). */
#define OUTLINE_FORMAT 1

enum outline_kind {
	OK_FUNCTION, OK_METHOD, OK_CLASS, OK_INTERFACE, OK_MODULE, OK_TYPE,
	OK_CONSTANT, OK_MACRO, OK_OTHER,
};

struct outline_def {
	uint32_t name;	/* offset into the outline's strings */
	uint32_t sig;	/* offset: the definition's first line, trimmed */
	uint32_t line;	/* 1-based */
	uint8_t kind;	/* enum outline_kind */
	uint8_t depth;	/* nesting among definitions, 0 at the top */
};

/* What one blob holds, for the view and the graph. Shared by every file
 * with the same blob id and language; lives as long as the cache. */
struct outline {
	git_oid id;
	int lang;		/* outline_lang index, -1 for none */
	bool binary;		/* NUL in the first 8 KiB */
	char *strings;		/* NUL-separated */
	size_t strings_len;
	struct outline_def *defs;
	size_t ndefs;
	uint32_t *refs;		/* names referenced, sorted, unique */
	size_t nrefs;
	uint32_t *imports;	/* import strings as written, sorted, unique */
	size_t nimports;
};

/* The language a path's extension names, -1 for none (or its grammar is not
 * compiled in). */
int outline_lang_of(const char *path);
const char *outline_lang_name(int lang);
/* Languages whose files use each other's names share a family (C and C++;
 * JavaScript, TypeScript and TSX); -1 for none. */
int outline_lang_family(int lang);

/*
 * Analyses content (n bytes) as language lang (-1: binary check only) into
 * *out (caller frees with outline_free). Parse failures leave an outline
 * with no definitions, never an error.
 */
struct outline *outline_build(const git_oid *id, int lang, const char *content,
			      size_t n);
void outline_free(struct outline *o);

/* The disk cache under dir (outlines/ of the state folder): 0 and *out on a
 * hit, -1 on a miss (or an unreadable entry). */
int outline_load(const char *dir, const git_oid *id, int lang,
		 struct outline **out);
/* Best effort: a failure to store only costs a later parse. */
void outline_store(const char *dir, const struct outline *o);

static inline const char *outline_str(const struct outline *o, uint32_t off)
{
	return o->strings + off;
}

/* Appends n bytes of s to b as valid UTF-8 (each invalid byte becomes
 * U+FFFD). */
void context_add_utf8(struct buf *b, const char *s, size_t n);

#endif
