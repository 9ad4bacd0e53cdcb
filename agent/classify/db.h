/*
 * The loaded pattern database: private to classify/ (db.c builds it,
 * classify.c runs it).
 */
#ifndef AIRUNNER_CLASSIFY_DB_H
#define AIRUNNER_CLASSIFY_DB_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stdint.h>

#include "classify/classify.h"
#include "classify/learned.h"
#include "util/blobid.h"

/* A needle is a literal (two bytes or more) every line a pattern matches
 * contains; the db keeps at most this many distinct ones (one bit each in a
 * line's mask of CL_NEEDLE_WORDS words). The shipped files use about 70,
 * the general layer's triggers (general.h) 24 more: room for a
 * repository's own. */
#define CL_MAX_NEEDLES 192 /* < 255: heads holds 1 + an index in a byte */
#define CL_NEEDLE_WORDS (CL_MAX_NEEDLES / 64)
/* At most this many before, after and needle lines in one pattern. */
#define CL_MAX_CONTEXT 16

/* Groups with a meaning of their own (other names only feed templates). */
enum cl_field {
	CL_F_OTHER, CL_F_FILE, CL_F_LINE, CL_F_COL, CL_F_CARET, CL_F_CODE,
	CL_F_MSG, CL_F_SEV, CL_F_COUNT
};

struct cl_group {
	const char *name; /* points into the compiled code's name table */
	uint32_t number;
	enum cl_field field;
};

struct cl_regex {
	pcre2_code *code;
	bool jit; /* JIT compiled; otherwise the interpreter runs it */
	struct cl_group *groups; /* named groups, sorted by name */
	size_t ngroups;
	size_t memo; /* `before` regexes: index of its search memo */
};

struct cl_pattern {
	char *id, *tool;
	const char *category; /* static CAT_* string */
	enum diag_severity severity;
	int priority;
	int span;        /* lines `before` / `after` look at */
	int caret_shift; /* columns to subtract from a `caret` group's offset */
	struct cl_regex re;
	struct cl_regex *before, *after;
	size_t nbefore, nafter;
	struct cl_regex until; /* code NULL when absent */
	char *hint, *message, *code; /* templates; may be NULL */
	char *need; /* a capture the diagnostic must end up with, or NULL */
	bool drop;  /* matched lines are known noise: no diagnostic */
	/* mask of db needles; all 0 = run on every line */
	uint64_t needles[CL_NEEDLE_WORDS];
	/* its needles when the index had no room for one (or one is a
	 * single byte): looked for in each line before the regex runs */
	char **loose;
	size_t nloose;
};

struct classify_db {
	struct cl_pattern *pats; /* sorted: priority, then load order */
	size_t n;
	char *needle[CL_MAX_NEEDLES];
	size_t needle_len[CL_MAX_NEEDLES];
	/* the first eight bytes (fewer: the mask says), as a memcpy to a
	 * uint64_t reads them: one compare rules out most near misses, and
	 * the eleven needles of "erro" from each other */
	uint64_t needle_pre[CL_MAX_NEEDLES], needle_premask[CL_MAX_NEEDLES];
	size_t nneedles;
	/* The needles by their first two bytes, indexed by the two bytes as
	 * one 16-bit load reads them (cl_pair): 1 + the index of the first
	 * (0: none starts so, and the scan of a line moves on), then a chain
	 * through next_same_pair. A byte each: one load and a test a
	 * position, and a stop meets only the needles of its own pair. */
	uint8_t heads[65536];
	uint8_t next_same_pair[CL_MAX_NEEDLES];
	/* By the same pair, the needles' third bytes, a bit each by the
	 * byte's low three bits (all eight for a two-byte needle): the scan
	 * stops at half the places heads alone would stop it ("--", ": ",
	 * "re" start no needle at most of them), each a chain walked. */
	uint8_t third[65536];
	/* The needles some pattern has, and the general layer's trigger
	 * groups (CL_T_*) each needle stands for: one scan of a line tells
	 * both. groups_always: the groups whose words found no room (their
	 * readers then run on every line). */
	uint64_t pattern_needles[CL_NEEDLE_WORDS];
	uint8_t needle_groups[CL_MAX_NEEDLES];
	unsigned groups_always;
	size_t nmemo;       /* `before` regexes in all patterns */
	size_t unguarded;   /* patterns without needles (run on every line) */
	uint32_t max_group; /* highest capture group number of any regex */
	pcre2_match_context *mctx;
	/* the pattern folder's learned-words, or NULL when it has none */
	struct cl_learned *learned;
	unsigned refs; /* classify_db_acquire's sharing; 1 after a load */
	char digest[BLOB_ID_HEXSZ + 1]; /* blob id of every file loaded, in order */
};

/* Runs one regex on subject[0..n) with the db's limits. >0 on a match. */
int cl_match(const struct classify_db *db, const struct cl_regex *re,
	     const char *subject, size_t n, pcre2_match_data *md);

#endif
