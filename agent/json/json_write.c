/*
 * The writer: whatever bytes it is handed, it emits valid JSON in valid UTF-8.
 */
#include "json/json.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char hexdig[] = "0123456789abcdef";

int json_quote(struct buf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run, k;
	char esc[6];
	int rc = 0;

	/* A refused grow is not fatal: the appends below judge each piece. */
	(void)buf_grow(out, n + 2);
	rc |= buf_addch(out, '"');
	while (i < n) {
		run = i;
		/* Copy the longest run of bytes that need no escaping. */
		while (i < n && p[i] >= 0x20 && p[i] < 0x80 && p[i] != '"' &&
		       p[i] != '\\')
			i++;
		rc |= buf_add(out, s + run, i - run);
		if (i >= n)
			break;
		if (p[i] >= 0x80) {
			k = utf8_valid_seq(p + i, n - i);
			if (k) {
				rc |= buf_add(out, s + i, k);
				i += k;
			} else {
				rc |= buf_add(out, "\xEF\xBF\xBD", 3); /* U+FFFD */
				i++;
			}
			continue;
		}
		switch (p[i]) {
		case '"': rc |= buf_add(out, "\\\"", 2); break;
		case '\\': rc |= buf_add(out, "\\\\", 2); break;
		case '\n': rc |= buf_add(out, "\\n", 2); break;
		case '\r': rc |= buf_add(out, "\\r", 2); break;
		case '\t': rc |= buf_add(out, "\\t", 2); break;
		case '\b': rc |= buf_add(out, "\\b", 2); break;
		case '\f': rc |= buf_add(out, "\\f", 2); break;
		default:
			esc[0] = '\\';
			esc[1] = 'u';
			esc[2] = '0';
			esc[3] = '0';
			esc[4] = hexdig[p[i] >> 4];
			esc[5] = hexdig[p[i] & 15];
			rc |= buf_add(out, esc, 6);
			break;
		}
		i++;
	}
	rc |= buf_addch(out, '"');
	return rc < 0 ? -1 : 0;
}

void json_writer_init(struct json_writer *w, struct buf *out)
{
	w->out = out;
	w->depth = 0;
	w->need_comma[0] = false;
	w->after_key = false;
	w->failed = false;
}

bool json_writer_failed(const struct json_writer *w)
{
	return w->failed;
}

/* Every append goes through here: a refusal sticks. */
static void put(struct json_writer *w, int rc)
{
	if (rc < 0)
		w->failed = true;
}

/* Separator before a value: none after a key, a comma between elements. */
static void value_prefix(struct json_writer *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->need_comma[w->depth])
		put(w, buf_addch(w->out, ','));
	w->need_comma[w->depth] = true;
}

static void open_container(struct json_writer *w, char c)
{
	value_prefix(w);
	put(w, buf_addch(w->out, c));
	assert(w->depth + 1 < JSON_WRITER_MAX_DEPTH);
	w->depth++;
	w->need_comma[w->depth] = false;
}

static void close_container(struct json_writer *w, char c)
{
	assert(w->depth > 0 && !w->after_key);
	w->depth--;
	put(w, buf_addch(w->out, c));
}

void json_obj_begin(struct json_writer *w) { open_container(w, '{'); }
void json_obj_end(struct json_writer *w) { close_container(w, '}'); }
void json_arr_begin(struct json_writer *w) { open_container(w, '['); }
void json_arr_end(struct json_writer *w) { close_container(w, ']'); }

void json_key(struct json_writer *w, const char *key)
{
	value_prefix(w);
	put(w, json_quote(w->out, key, strlen(key)));
	put(w, buf_addch(w->out, ':'));
	w->after_key = true;
}

void json_w_strn(struct json_writer *w, const char *s, size_t n)
{
	value_prefix(w);
	put(w, json_quote(w->out, s, n));
}

void json_w_str(struct json_writer *w, const char *s)
{
	if (!s) {
		json_w_null(w);
		return;
	}
	json_w_strn(w, s, strlen(s));
}

void json_w_int(struct json_writer *w, int64_t v)
{
	value_prefix(w);
	if (v < 0)
		put(w, buf_addch(w->out, '-'));
	/* -(v + 1) + 1 stays in range for INT64_MIN. */
	put(w, buf_add_uint(w->out, v < 0 ? (uint64_t)-(v + 1) + 1 : (uint64_t)v));
}

void json_w_uint(struct json_writer *w, uint64_t v)
{
	value_prefix(w);
	put(w, buf_add_uint(w->out, v));
}

void json_w_double(struct json_writer *w, double v)
{
	char tmp[40];

	value_prefix(w);
	if (!isfinite(v)) {
		put(w, buf_adds(w->out, "null"));
		return;
	}
	/* Shortest of %.15g / %.17g that reads back exactly. */
	snprintf(tmp, sizeof(tmp), "%.15g", v);
	if (strtod(tmp, NULL) != v)
		snprintf(tmp, sizeof(tmp), "%.17g", v);
	put(w, buf_adds(w->out, tmp));
}

void json_w_bool(struct json_writer *w, bool v)
{
	value_prefix(w);
	put(w, buf_adds(w->out, v ? "true" : "false"));
}

void json_w_null(struct json_writer *w)
{
	value_prefix(w);
	put(w, buf_adds(w->out, "null"));
}

void json_w_raw(struct json_writer *w, const char *json, size_t n)
{
	value_prefix(w);
	put(w, buf_add(w->out, json, n));
}

void json_w_value(struct json_writer *w, const struct json_doc *d, int v)
{
	size_t n;
	const char *raw;

	if (json_type(d, v) == JSON_NONE) {
		json_w_null(w);
		return;
	}
	raw = json_raw(d, v, &n);
	json_w_raw(w, raw, n);
}

void json_kv_str(struct json_writer *w, const char *key, const char *s)
{
	json_key(w, key);
	json_w_str(w, s);
}

void json_kv_int(struct json_writer *w, const char *key, int64_t v)
{
	json_key(w, key);
	json_w_int(w, v);
}

void json_kv_double(struct json_writer *w, const char *key, double v)
{
	json_key(w, key);
	json_w_double(w, v);
}

void json_kv_bool(struct json_writer *w, const char *key, bool v)
{
	json_key(w, key);
	json_w_bool(w, v);
}

void json_kv_str_or_null(struct json_writer *w, const char *key, const char *s)
{
	json_key(w, key);
	if (s)
		json_w_str(w, s);
	else
		json_w_null(w);
}
