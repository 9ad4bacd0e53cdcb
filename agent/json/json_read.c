/*
 * The strict reader: our validator first, jsmn second (see json.h for why).
 */
#include "json/json.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

#define JSMN_STATIC
#define JSMN_PARENT_LINKS
#include <jsmn.h>

struct json_tok {
	enum json_type type;
	int start, end; /* byte offsets; strings exclude the quotes */
	int size;       /* elements, members, or 1 for a key */
	int parent;
	int skip; /* index of the first token after this one's subtree */
};

size_t utf8_valid_seq(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		if (n < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0) /* overlong */
			return 0;
		if (c == 0xED && s[1] >= 0xA0) /* UTF-16 surrogate */
			return 0;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90) /* overlong */
			return 0;
		if (c == 0xF4 && s[1] >= 0x90) /* above U+10FFFF */
			return 0;
		return 4;
	}
	return 0;
}

bool utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8_valid_seq(p + i, n - i);
		if (!k)
			return false;
		i += k;
	}
	return true;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Reads 4 hex digits at s; -1 if they are not. */
static long hex4(const char *s)
{
	long v = 0;
	int i, h;

	for (i = 0; i < 4; i++) {
		h = hexval((unsigned char)s[i]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

struct validator {
	const char *s;
	size_t n, i;
	int ntok;
	struct err *e;
};

static int fail(struct validator *v, const char *why)
{
	return err_set(v->e, ERR_PARSE, "parse error at byte %zu: %s", v->i,
		       why);
}

static void skip_ws(struct validator *v)
{
	while (v->i < v->n) {
		char c = v->s[v->i];

		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		v->i++;
	}
}

static int scan_string(struct validator *v)
{
	const unsigned char *s = (const unsigned char *)v->s;
	size_t n = v->n;
	size_t k;
	long cp, lo;

	v->i++; /* opening quote */
	while (v->i < n) {
		unsigned char c = s[v->i];

		if (c == '"') {
			v->i++;
			return 0;
		}
		if (c < 0x20)
			return fail(v, "control character in string");
		if (c == '\\') {
			if (v->i + 1 >= n)
				return fail(v, "unterminated string");
			c = s[v->i + 1];
			if (c != 'u') {
				if (!strchr("\"\\/bfnrt", c) || c == 0)
					return fail(v, "invalid escape in string");
				v->i += 2;
				continue;
			}
			if (v->i + 6 > n || (cp = hex4(v->s + v->i + 2)) < 0)
				return fail(v, "invalid \\u escape");
			v->i += 6;
			if (cp >= 0xDC00 && cp <= 0xDFFF)
				return fail(v, "lone low surrogate in \\u escape");
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				if (v->i + 6 > n || s[v->i] != '\\' ||
				    s[v->i + 1] != 'u' ||
				    (lo = hex4(v->s + v->i + 2)) < 0xDC00 ||
				    lo > 0xDFFF)
					return fail(v, "lone high surrogate in \\u escape");
				v->i += 6;
			}
			continue;
		}
		if (c < 0x80) {
			v->i++;
			continue;
		}
		k = utf8_valid_seq(s + v->i, n - v->i);
		if (!k)
			return fail(v, "invalid UTF-8 in string");
		v->i += k;
	}
	return fail(v, "unterminated string");
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int scan_number(struct validator *v)
{
	const char *s = v->s;
	size_t n = v->n;

	if (s[v->i] == '-')
		v->i++;
	if (v->i >= n || !is_digit(s[v->i]))
		return fail(v, "invalid number");
	if (s[v->i] == '0')
		v->i++;
	else
		while (v->i < n && is_digit(s[v->i]))
			v->i++;
	if (v->i < n && s[v->i] == '.') {
		v->i++;
		if (v->i >= n || !is_digit(s[v->i]))
			return fail(v, "invalid number: digit expected after '.'");
		while (v->i < n && is_digit(s[v->i]))
			v->i++;
	}
	if (v->i < n && (s[v->i] == 'e' || s[v->i] == 'E')) {
		v->i++;
		if (v->i < n && (s[v->i] == '+' || s[v->i] == '-'))
			v->i++;
		if (v->i >= n || !is_digit(s[v->i]))
			return fail(v, "invalid number: digit expected in exponent");
		while (v->i < n && is_digit(s[v->i]))
			v->i++;
	}
	return 0;
}

static int scan_literal(struct validator *v, const char *lit)
{
	size_t k = strlen(lit);

	if (v->n - v->i < k || memcmp(v->s + v->i, lit, k) != 0)
		return fail(v, "invalid literal");
	v->i += k;
	return 0;
}

enum vstate { V_VALUE, V_VALUE_OR_END, V_KEY, V_KEY_OR_END, V_AFTER };

static int validate(struct validator *v, int max_depth)
{
	char *stack = xmalloc((size_t)max_depth + 1);
	int depth = 0, r = -1;
	enum vstate st = V_VALUE;
	char c;

	for (;;) {
		skip_ws(v);
		switch (st) {
		case V_VALUE_OR_END:
			if (v->i < v->n && v->s[v->i] == ']') {
				v->i++;
				depth--;
				st = V_AFTER;
				break;
			}
			/* fall through */
		case V_VALUE:
			if (v->i >= v->n) {
				fail(v, "unexpected end of input, value expected");
				goto out;
			}
			v->ntok++;
			c = v->s[v->i];
			if (c == '{' || c == '[') {
				if (depth >= max_depth) {
					err_set(v->e, ERR_TOO_BIG,
						"nesting deeper than %d levels",
						max_depth);
					goto out;
				}
				stack[depth++] = c;
				v->i++;
				st = c == '{' ? V_KEY_OR_END : V_VALUE_OR_END;
				break;
			}
			if (c == '"') {
				if (scan_string(v) < 0)
					goto out;
			} else if (c == '-' || is_digit(c)) {
				if (scan_number(v) < 0)
					goto out;
			} else if (c == 't') {
				if (scan_literal(v, "true") < 0)
					goto out;
			} else if (c == 'f') {
				if (scan_literal(v, "false") < 0)
					goto out;
			} else if (c == 'n') {
				if (scan_literal(v, "null") < 0)
					goto out;
			} else {
				fail(v, "unexpected character, value expected");
				goto out;
			}
			st = V_AFTER;
			break;
		case V_KEY_OR_END:
			if (v->i < v->n && v->s[v->i] == '}') {
				v->i++;
				depth--;
				st = V_AFTER;
				break;
			}
			/* fall through */
		case V_KEY:
			if (v->i >= v->n || v->s[v->i] != '"') {
				fail(v, "object key (a string) expected");
				goto out;
			}
			v->ntok++;
			if (scan_string(v) < 0)
				goto out;
			skip_ws(v);
			if (v->i >= v->n || v->s[v->i] != ':') {
				fail(v, "':' expected after object key");
				goto out;
			}
			v->i++;
			st = V_VALUE;
			break;
		case V_AFTER:
			if (depth == 0) {
				if (v->i != v->n) {
					fail(v, "unexpected data after the value");
					goto out;
				}
				r = 0;
				goto out;
			}
			if (v->i >= v->n) {
				fail(v, "unexpected end of input");
				goto out;
			}
			c = v->s[v->i];
			if (c == ',') {
				v->i++;
				st = stack[depth - 1] == '{' ? V_KEY : V_VALUE;
			} else if ((c == '}' && stack[depth - 1] == '{') ||
				   (c == ']' && stack[depth - 1] == '[')) {
				v->i++;
				depth--;
			} else {
				fail(v, stack[depth - 1] == '{'
						? "',' or '}' expected"
						: "',' or ']' expected");
				goto out;
			}
			break;
		}
	}
out:
	free(stack);
	return r;
}

static enum json_type prim_type(char c)
{
	if (c == 't')
		return JSON_TRUE;
	if (c == 'f')
		return JSON_FALSE;
	if (c == 'n')
		return JSON_NULL;
	return JSON_NUMBER;
}

int json_parse(struct json_doc *doc, const char *src, size_t len,
	       int max_depth, struct err *e)
{
	struct validator v = { src, len, 0, 0, e };
	jsmn_parser p;
	jsmntok_t *jt = NULL;
	int *stack = NULL, sp = 0, i, n, r = -1;

	doc->src = NULL;
	doc->len = 0;
	doc->tok = NULL;
	doc->ntok = 0;
	if (len >= INT_MAX)
		return err_set(e, ERR_TOO_BIG, "JSON text larger than 2 GiB");
	if (max_depth <= 0)
		max_depth = JSON_MAX_DEPTH_DEFAULT;
	if (validate(&v, max_depth) < 0)
		return -1;

	jt = xmalloc(sizeof(*jt) * (size_t)v.ntok);
	jsmn_init(&p);
	n = jsmn_parse(&p, src, len, jt, (unsigned)v.ntok);
	if (n != v.ntok) {
		err_set(e, ERR_INTERNAL,
			"tokenizer disagrees with validator (%d != %d)", n,
			v.ntok);
		goto out;
	}
	doc->tok = xmalloc(sizeof(*doc->tok) * (size_t)n);
	stack = xmalloc(sizeof(*stack) * (size_t)n);
	for (i = 0; i < n; i++) {
		struct json_tok *t = &doc->tok[i];

		switch (jt[i].type) {
		case JSMN_OBJECT: t->type = JSON_OBJECT; break;
		case JSMN_ARRAY: t->type = JSON_ARRAY; break;
		case JSMN_STRING: t->type = JSON_STRING; break;
		default: t->type = prim_type(src[jt[i].start]); break;
		}
		t->start = jt[i].start;
		t->end = jt[i].end;
		t->size = jt[i].size;
		t->parent = jt[i].parent;
		/* Close every open token whose text ended before this one
		 * began: its subtree is complete. Tokens are in pre-order, so
		 * this is linear overall. */
		while (sp > 0 && doc->tok[stack[sp - 1]].end <= t->start)
			doc->tok[stack[--sp]].skip = i;
		stack[sp++] = i;
	}
	while (sp > 0)
		doc->tok[stack[--sp]].skip = n;
	doc->src = src;
	doc->len = len;
	doc->ntok = n;
	r = 0;
out:
	free(jt);
	free(stack);
	if (r < 0) {
		free(doc->tok);
		doc->tok = NULL;
	}
	return r;
}

void json_doc_release(struct json_doc *doc)
{
	free(doc->tok);
	doc->tok = NULL;
	doc->ntok = 0;
	doc->src = NULL;
	doc->len = 0;
}

static bool valid_index(const struct json_doc *d, int v)
{
	return d && v >= 0 && v < d->ntok;
}

enum json_type json_type(const struct json_doc *d, int v)
{
	return valid_index(d, v) ? d->tok[v].type : JSON_NONE;
}

const char *json_type_name(enum json_type t)
{
	switch (t) {
	case JSON_OBJECT: return "object";
	case JSON_ARRAY: return "array";
	case JSON_STRING: return "string";
	case JSON_NUMBER: return "number";
	case JSON_TRUE:
	case JSON_FALSE: return "boolean";
	case JSON_NULL: return "null";
	default: return "absent";
	}
}

int json_count(const struct json_doc *d, int v)
{
	enum json_type t = json_type(d, v);

	return t == JSON_OBJECT || t == JSON_ARRAY ? d->tok[v].size : 0;
}

int json_first(const struct json_doc *d, int v)
{
	if (json_count(d, v) == 0)
		return -1;
	return v + 1;
}

int json_next(const struct json_doc *d, int v)
{
	int p, nx;

	if (!valid_index(d, v))
		return -1;
	p = d->tok[v].parent;
	if (p < 0)
		return -1;
	nx = d->tok[v].skip; /* for a key, the skip lands on its value */
	if (d->tok[p].type == JSON_OBJECT && nx < d->ntok)
		nx = d->tok[nx].skip;
	if (nx >= d->ntok || d->tok[nx].parent != p)
		return -1;
	return nx;
}

int json_member_value(const struct json_doc *d, int key)
{
	if (!valid_index(d, key) || key + 1 >= d->ntok ||
	    d->tok[key + 1].parent != key)
		return -1;
	return key + 1;
}

int json_get(const struct json_doc *d, int obj, const char *key)
{
	int k, found = -1;

	if (json_type(d, obj) != JSON_OBJECT)
		return -1;
	for (k = json_first(d, obj); k >= 0; k = json_next(d, k))
		if (json_str_eq(d, k, key))
			found = json_member_value(d, k);
	return found;
}

const char *json_raw(const struct json_doc *d, int v, size_t *len)
{
	int start, end;

	if (!valid_index(d, v)) {
		*len = 0;
		return "";
	}
	start = d->tok[v].start;
	end = d->tok[v].end;
	if (d->tok[v].type == JSON_STRING) { /* include the quotes */
		start--;
		end++;
	}
	*len = (size_t)(end - start);
	return d->src + start;
}

static void put_utf8(struct buf *out, unsigned long cp)
{
	char b[4];

	if (cp < 0x80) {
		b[0] = (char)cp;
		buf_add(out, b, 1);
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		buf_add(out, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		buf_add(out, b, 3);
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		buf_add(out, b, 4);
	}
}

/* The text was validated, so escapes here are well-formed. */
int json_str(const struct json_doc *d, int v, struct buf *out)
{
	const char *s, *end, *run;
	unsigned long cp, lo;

	if (json_type(d, v) != JSON_STRING)
		return -1;
	s = d->src + d->tok[v].start;
	end = d->src + d->tok[v].end;
	while (s < end) {
		run = s;
		while (s < end && *s != '\\')
			s++;
		if (buf_add(out, run, (size_t)(s - run)) < 0)
			return -1;
		if (s >= end)
			break;
		switch (s[1]) {
		case 'b': buf_addch(out, '\b'); break;
		case 'f': buf_addch(out, '\f'); break;
		case 'n': buf_addch(out, '\n'); break;
		case 'r': buf_addch(out, '\r'); break;
		case 't': buf_addch(out, '\t'); break;
		case 'u':
			cp = (unsigned long)hex4(s + 2);
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				lo = (unsigned long)hex4(s + 8);
				cp = 0x10000 + ((cp - 0xD800) << 10) +
				     (lo - 0xDC00);
				s += 6;
			}
			put_utf8(out, cp);
			s += 4;
			break;
		default: buf_addch(out, s[1]); break;
		}
		s += 2;
	}
	return 0;
}

char *json_strdup(const struct json_doc *d, int v)
{
	struct buf b = BUF_INIT;

	if (json_str(d, v, &b) < 0 || strlen(b.ptr) != b.len) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

bool json_str_eq(const struct json_doc *d, int v, const char *s)
{
	const char *p;
	size_t n, k;
	struct buf tmp = BUF_INIT;
	bool eq;

	if (json_type(d, v) != JSON_STRING)
		return false;
	p = d->src + d->tok[v].start;
	n = (size_t)(d->tok[v].end - d->tok[v].start);
	if (!memchr(p, '\\', n)) { /* the common case: no escapes */
		k = strlen(s);
		return k == n && memcmp(p, s, n) == 0;
	}
	json_str(d, v, &tmp);
	eq = tmp.len == strlen(s) && memcmp(tmp.ptr, s, tmp.len) == 0;
	buf_release(&tmp);
	return eq;
}

int json_int64(const struct json_doc *d, int v, int64_t *out)
{
	char tmp[32];
	const char *p;
	size_t n, i;
	long long val;
	char *endp;

	if (json_type(d, v) != JSON_NUMBER)
		return -1;
	p = json_raw(d, v, &n);
	if (n >= sizeof(tmp))
		return -1;
	for (i = 0; i < n; i++)
		if (p[i] == '.' || p[i] == 'e' || p[i] == 'E')
			return -1;
	memcpy(tmp, p, n);
	tmp[n] = '\0';
	errno = 0;
	val = strtoll(tmp, &endp, 10);
	if (errno == ERANGE || *endp)
		return -1;
	*out = (int64_t)val;
	return 0;
}

int json_double(const struct json_doc *d, int v, double *out)
{
	char tmp[64];
	const char *p;
	size_t n;
	double val;

	if (json_type(d, v) != JSON_NUMBER)
		return -1;
	p = json_raw(d, v, &n);
	if (n >= sizeof(tmp))
		return -1;
	memcpy(tmp, p, n);
	tmp[n] = '\0';
	val = strtod(tmp, NULL);
	if (!isfinite(val))
		return -1;
	*out = val;
	return 0;
}

int json_bool(const struct json_doc *d, int v, bool *out)
{
	enum json_type t = json_type(d, v);

	if (t != JSON_TRUE && t != JSON_FALSE)
		return -1;
	*out = t == JSON_TRUE;
	return 0;
}
