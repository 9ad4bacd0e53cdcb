/*
 * json: a strict RFC 8259 reader on jsmn, and a writer that cannot emit
 * invalid JSON.
 *
 * Reading is two passes, both linear in the input: json_parse() first runs
 * our own validator (grammar, UTF-8, escapes, nesting depth, control
 * characters, a single top-level value), and only then lets jsmn (compiled
 * with JSMN_PARENT_LINKS and JSMN_STRICT) tokenize text known to be valid.
 * jsmn is never shown bytes we have not validated: that is the fence around
 * its leniency and its worst cases.
 *
 * A value is named by its token index (an int); -1 means "absent". Accessors
 * take -1 gracefully, so lookups chain: json_get(d, json_get(d, 0, "a"), "b").
 */
#ifndef AIRUNNER_JSON_H
#define AIRUNNER_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/err.h"

#define JSON_MAX_DEPTH_DEFAULT 256

enum json_type {
	JSON_NONE = 0, /* absent (index -1) */
	JSON_OBJECT,
	JSON_ARRAY,
	JSON_STRING,
	JSON_NUMBER,
	JSON_TRUE,
	JSON_FALSE,
	JSON_NULL,
};

struct json_tok; /* private */

struct json_doc {
	const char *src; /* borrowed: must outlive the doc */
	size_t len;
	struct json_tok *tok;
	int ntok;
};

#define JSON_DOC_INIT { NULL, 0, NULL, 0 }

/*
 * Validates and tokenizes src[0..len). On error returns -1 with e->kind
 * ERR_PARSE ("parse error at byte N: why") or ERR_TOO_BIG (nesting deeper than
 * max_depth), and the doc is left empty. The doc borrows src.
 */
int json_parse(struct json_doc *doc, const char *src, size_t len,
	       int max_depth, struct err *e);
void json_doc_release(struct json_doc *doc);

enum json_type json_type(const struct json_doc *d, int v);
const char *json_type_name(enum json_type t);
/* Member of an object by key (the last one, if a key repeats), or -1. */
int json_get(const struct json_doc *d, int obj, const char *key);
/* Number of elements of an array / members of an object; 0 for others. */
int json_count(const struct json_doc *d, int v);
/* Iteration: json_first(d, arr) then json_next(d, elem) until -1. For an
 * object, json_first/json_next yield keys; the value is key + 1... use
 * json_member_value(). */
int json_first(const struct json_doc *d, int v);
int json_next(const struct json_doc *d, int v);
int json_member_value(const struct json_doc *d, int key);

/* The raw text of a value (exactly as in the source). */
const char *json_raw(const struct json_doc *d, int v, size_t *len);

/* String value, unescaped, appended to out. -1 if v is not a string. The
 * result is valid UTF-8 but may contain NUL (from \u0000). */
int json_str(const struct json_doc *d, int v, struct buf *out);
/* String value as a new C string (caller frees), or NULL if v is not a string
 * or holds a NUL. */
char *json_strdup(const struct json_doc *d, int v);
/* Compares a string value to s without allocating (escapes decoded). */
bool json_str_eq(const struct json_doc *d, int v, const char *s);
/* Integers: -1 if not a number, not integral, or out of range. */
int json_int64(const struct json_doc *d, int v, int64_t *out);
int json_double(const struct json_doc *d, int v, double *out);
/* true/false; -1 otherwise. */
int json_bool(const struct json_doc *d, int v, bool *out);

/* ---- writing ---- */

#define JSON_WRITER_MAX_DEPTH 256

/*
 * A streaming writer over a buf that inserts commas and colons itself. Any
 * string it is given is escaped, and bytes that are not valid UTF-8 come out
 * as U+FFFD, so the output is always valid JSON text in valid UTF-8, unless
 * out refused bytes at its max: then `failed` is set for good and the text
 * must not be used (json_writer_failed).
 */
struct json_writer {
	struct buf *out; /* borrowed */
	int depth;
	bool need_comma[JSON_WRITER_MAX_DEPTH];
	bool after_key;
	bool failed;
};

void json_writer_init(struct json_writer *w, struct buf *out);
void json_obj_begin(struct json_writer *w);
void json_obj_end(struct json_writer *w);
void json_arr_begin(struct json_writer *w);
void json_arr_end(struct json_writer *w);
void json_key(struct json_writer *w, const char *key);
void json_w_str(struct json_writer *w, const char *s);
void json_w_strn(struct json_writer *w, const char *s, size_t n);
void json_w_int(struct json_writer *w, int64_t v);
void json_w_uint(struct json_writer *w, uint64_t v);
/* Non-finite values are written as null: JSON has no NaN. */
void json_w_double(struct json_writer *w, double v);
void json_w_bool(struct json_writer *w, bool v);
void json_w_null(struct json_writer *w);
/* Copies a value of a parsed doc (already valid) verbatim. */
void json_w_value(struct json_writer *w, const struct json_doc *d, int v);
/* Inserts text the caller guarantees is one valid JSON value. */
void json_w_raw(struct json_writer *w, const char *json, size_t n);
/* True once out refused a byte: what it holds is cut short. */
bool json_writer_failed(const struct json_writer *w);

/* Appends s[0..n) as a quoted JSON string to out (no writer state). 0, or
 * -1 when out refused bytes at its max (out is cut short then). */
int json_quote(struct buf *out, const char *s, size_t n);

/* Keyed shorthands for the common case inside an object. */
void json_kv_str(struct json_writer *w, const char *key, const char *s);
void json_kv_int(struct json_writer *w, const char *key, int64_t v);
void json_kv_double(struct json_writer *w, const char *key, double v);
void json_kv_bool(struct json_writer *w, const char *key, bool v);
/* s, or null when s is NULL. */
void json_kv_str_or_null(struct json_writer *w, const char *key,
			 const char *s);

/* UTF-8: length of the valid sequence starting at s (1..4), or 0 if the bytes
 * at s do not start a valid one (overlong, surrogate, > U+10FFFF, truncated). */
size_t utf8_valid_seq(const unsigned char *s, size_t n);
bool utf8_valid(const char *s, size_t n);

#endif
