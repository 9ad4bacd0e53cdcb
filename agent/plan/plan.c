/*
 * plan: the struct's life, reading a plan out of a model's answer (or the
 * store), writing the protocol's Plan object, and issues as a plan knows
 * them (inline objects, Markdown files). Validation is in validate.c, the
 * store glue in store.c, generation in generate.c.
 */
#include "plan/plan.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "plan/internal.h"
#include "util/mem.h"

void plan_init(struct plan *p)
{
	memset(p, 0, sizeof(*p));
}

void plan_issue_release(struct plan_issue *i)
{
	free(i->source);
	free(i->key);
	free(i->title);
	free(i->url);
	free(i->description);
	memset(i, 0, sizeof(*i));
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void plan_issue_copy(struct plan_issue *to, const struct plan_issue *from)
{
	to->source = dup_or_null(from->source);
	to->key = dup_or_null(from->key);
	to->title = dup_or_null(from->title);
	to->url = dup_or_null(from->url);
	to->description = dup_or_null(from->description);
}

static void subtask_release(struct plan_subtask *t)
{
	free(t->id);
	free(t->title);
	free(t->description);
	strv_release(&t->files);
	strv_release(&t->new_files);
	strv_release(&t->criteria);
	strv_release(&t->depends_on);
}

void plan_release(struct plan *p)
{
	for (size_t i = 0; i < p->n_subtasks; i++)
		subtask_release(&p->subtasks[i]);
	free(p->subtasks);
	plan_issue_release(&p->issue);
	free(p->summary);
	strv_release(&p->risks);
	strv_release(&p->open_questions);
	free(p->model);
	plan_init(p);
}

const struct plan_subtask *plan_subtask_find(const struct plan *p,
					     const char *id)
{
	for (size_t i = 0; id && i < p->n_subtasks; i++)
		if (p->subtasks[i].id && !strcmp(p->subtasks[i].id, id))
			return &p->subtasks[i];
	return NULL;
}

/* ---- error lists ---- */

void plan_add_error(struct strv *errors, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	if (errors->n > PLAN_MAX_ERRORS)
		return;
	if (errors->n == PLAN_MAX_ERRORS) {
		strv_add(errors, "(more problems left out)");
		return;
	}
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	strv_push(errors, buf_detach(&b, NULL));
}

/* ---- finding the JSON in a model's answer ---- */

static bool parse_object(struct json_doc *d, const char *s, size_t n)
{
	if (json_parse(d, s, n, JSON_MAX_DEPTH_DEFAULT, NULL) == 0 &&
	    json_type(d, 0) == JSON_OBJECT)
		return true;
	json_doc_release(d);
	return false;
}

/* The body of the first ``` fence (```json or bare), or NULL. */
static const char *fence_body(const char *s, size_t n, size_t *len)
{
	const char *open = NULL, *end = s + n, *p, *close;

	for (p = s; p + 3 <= end; p++)
		if (!memcmp(p, "```", 3) && (p == s || p[-1] == '\n')) {
			open = p;
			break;
		}
	if (!open)
		return NULL;
	p = memchr(open, '\n', (size_t)(end - open));
	if (!p)
		return NULL;
	p++;
	for (close = p; close + 3 <= end; close++)
		if (!memcmp(close, "```", 3) && close[-1] == '\n')
			break;
	if (close + 3 > end)
		close = end; /* an unclosed fence: the rest */
	*len = (size_t)(close - p);
	return p;
}

/*
 * The answer's JSON object into d (which then borrows text): the whole
 * text, else the first fence's body, else from the first '{' to the last
 * '}'. Models wrap JSON in prose or fences despite being told not to.
 */
static bool find_object(struct json_doc *d, const char *s, size_t n)
{
	const char *f, *a, *b;
	size_t fl;

	if (parse_object(d, s, n))
		return true;
	f = fence_body(s, n, &fl);
	if (f && parse_object(d, f, fl))
		return true;
	a = memchr(s, '{', n);
	for (b = s + n; b > s && b[-1] != '}'; b--)
		;
	return a && b > a && parse_object(d, a, (size_t)(b - a));
}

/* ---- reading with the schema ---- */

struct reader {
	const struct json_doc *d;
	struct strv *errors;
};

static const char *type_word(const struct json_doc *d, int v)
{
	switch (json_type(d, v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_NUMBER: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	default: return "nothing";
	}
}

/* A string member: 1 read, 0 absent/null (an error if required), -1
 * wrong. Empty strings are refused when required. */
static int read_str(struct reader *r, int obj, const char *key,
		    const char *where, bool required, char **out)
{
	int v = json_get(r->d, obj, key);
	char *s;

	if (v < 0 || json_type(r->d, v) == JSON_NULL) {
		if (required)
			plan_add_error(r->errors, "%s%s: missing (a string)",
				       where, key);
		return required ? -1 : 0;
	}
	if (json_type(r->d, v) != JSON_STRING) {
		plan_add_error(r->errors, "%s%s: expected a string, got %s",
			       where, key, type_word(r->d, v));
		return -1;
	}
	s = json_strdup(r->d, v);
	if (!s) {
		plan_add_error(r->errors, "%s%s: holds a NUL character", where,
			       key);
		return -1;
	}
	if (required && !*s) {
		plan_add_error(r->errors, "%s%s: empty", where, key);
		free(s);
		return -1;
	}
	free(*out);
	*out = s;
	return 1;
}

/* An array of non-empty strings; absent or null is an empty list unless
 * required (then it must have one string at least). */
static int read_strs(struct reader *r, int obj, const char *key,
		     const char *where, bool required, struct strv *out)
{
	int v = json_get(r->d, obj, key), i = 0, bad = 0;

	if (v < 0 || json_type(r->d, v) == JSON_NULL) {
		if (required)
			plan_add_error(r->errors, "%s%s: missing (an array of "
				       "strings)", where, key);
		return required ? -1 : 0;
	}
	if (json_type(r->d, v) != JSON_ARRAY) {
		plan_add_error(r->errors, "%s%s: expected an array of strings, "
			       "got %s", where, key, type_word(r->d, v));
		return -1;
	}
	for (int x = json_first(r->d, v); x >= 0; x = json_next(r->d, x), i++) {
		char *s = json_type(r->d, x) == JSON_STRING
				  ? json_strdup(r->d, x) : NULL;

		if (!s || !*s) {
			plan_add_error(r->errors, "%s%s[%d]: expected a "
				       "non-empty string, got %s", where, key,
				       i, s ? "\"\"" : type_word(r->d, x));
			free(s);
			bad = 1;
			continue;
		}
		strv_push(out, s); /* out owns it */
	}
	if (required && !bad && out->n == 0) {
		plan_add_error(r->errors, "%s%s: empty (at least one)", where,
			       key);
		return -1;
	}
	return bad ? -1 : 1;
}

static int read_subtask(struct reader *r, int v, int i,
			struct plan_subtask *t)
{
	struct buf where = BUF_INIT;
	int bad = 0, est;

	buf_addf(&where, "subtasks[%d].", i);
	if (json_type(r->d, v) != JSON_OBJECT) {
		plan_add_error(r->errors, "subtasks[%d]: expected an object, "
			       "got %s", i, type_word(r->d, v));
		buf_release(&where);
		return -1;
	}
	bad |= read_str(r, v, "id", where.ptr, true, &t->id) < 0;
	bad |= read_str(r, v, "title", where.ptr, true, &t->title) < 0;
	bad |= read_str(r, v, "description", where.ptr, true,
			&t->description) < 0;
	bad |= read_strs(r, v, "files", where.ptr, false, &t->files) < 0;
	bad |= read_strs(r, v, "newFiles", where.ptr, false,
			 &t->new_files) < 0;
	bad |= read_strs(r, v, "acceptanceCriteria", where.ptr, true,
			 &t->criteria) < 0;
	bad |= read_strs(r, v, "dependsOn", where.ptr, false,
			 &t->depends_on) < 0;
	est = json_get(r->d, v, "estimateHours");
	t->estimate_hours = NAN; /* unread: said here, skipped by validate */
	if (est < 0) {
		plan_add_error(r->errors, "%sestimateHours: missing (a number "
			       "of hours)", where.ptr);
		bad = 1;
	} else if (json_double(r->d, est, &t->estimate_hours) < 0) {
		plan_add_error(r->errors, "%sestimateHours: expected a number, "
			       "got %s", where.ptr, type_word(r->d, est));
		bad = 1;
	}
	buf_release(&where);
	return bad ? -1 : 0;
}

/* What a stored plan has besides the model's fields. */
static void read_extras(struct reader *r, struct plan *p)
{
	const struct json_doc *d = r->d;
	int issue = json_get(d, 0, "issue");
	int64_t v;

	/* A plan written before it had an issue (plan_write_json of a bare
	 * answer) has one of nulls: nothing to read. */
	if (json_type(d, issue) == JSON_OBJECT &&
	    json_type(d, json_get(d, issue, "title")) == JSON_STRING) {
		struct err e = ERR_INIT;

		if (plan_issue_read(&p->issue, d, issue, "issue", &e) < 0)
			plan_add_error(r->errors, "%s", e.msg.ptr);
		err_clear(&e);
	}
	if (json_type(d, json_get(d, 0, "model")) == JSON_STRING) {
		free(p->model);
		p->model = json_strdup(d, json_get(d, 0, "model"));
	}
	if (json_int64(d, json_get(d, 0, "id"), &v) == 0 && v > 0)
		p->id = v;
	if (json_int64(d, json_get(d, 0, "revision"), &v) == 0 && v > 0 &&
	    v < INT32_MAX)
		p->revision = (int)v;
	if (json_int64(d, json_get(d, 0, "runId"), &v) == 0 && v > 0)
		p->run_id = v;
}

int plan_parse(struct plan *out, const char *text, size_t n,
	       struct strv *errors, struct err *e)
{
	struct json_doc d = JSON_DOC_INIT;
	struct reader r = { &d, errors };
	size_t before = errors->n;
	int subs, i = 0;

	if (!find_object(&d, text, n)) {
		plan_add_error(errors, "no JSON object found in the answer: "
			       "answer with the plan as one JSON object");
		return err_set(e, ERR_PLAN_INVALID, "the answer holds no JSON "
			       "object");
	}
	read_str(&r, 0, "summary", "", true, &out->summary);
	read_strs(&r, 0, "risks", "", false, &out->risks);
	read_strs(&r, 0, "openQuestions", "", false, &out->open_questions);
	read_extras(&r, out);
	subs = json_get(&d, 0, "subtasks");
	if (subs < 0) {
		plan_add_error(errors, "subtasks: missing (an array of "
			       "subtask objects)");
	} else if (json_type(&d, subs) != JSON_ARRAY) {
		plan_add_error(errors, "subtasks: expected an array, got %s",
			       type_word(&d, subs));
	} else if (json_count(&d, subs) > PLAN_MAX_SUBTASKS) {
		plan_add_error(errors, "subtasks: %d of them, more than %d: "
			       "make them coarser", json_count(&d, subs),
			       PLAN_MAX_SUBTASKS);
	} else {
		out->subtasks = xcalloc((size_t)json_count(&d, subs) + 1,
					sizeof(*out->subtasks));
		for (int v = json_first(&d, subs); v >= 0;
		     v = json_next(&d, v), i++)
			read_subtask(&r, v, i, &out->subtasks[i]);
		out->n_subtasks = (size_t)i;
	}
	json_doc_release(&d);
	if (errors->n > before)
		return err_set(e, ERR_PLAN_INVALID, "the plan does not follow "
			       "the schema: %s", errors->v[before]);
	return 0;
}

/* ---- writing ---- */

static void kv_strs(struct json_writer *w, const char *key,
		    const struct strv *l)
{
	json_key(w, key);
	json_arr_begin(w);
	for (size_t i = 0; i < l->n; i++)
		json_w_str(w, l->v[i]);
	json_arr_end(w);
}

void plan_format_time(struct buf *out, double t)
{
	time_t s = (time_t)t;
	struct tm tm;
	char b[32];

	gmtime_r(&s, &tm);
	strftime(b, sizeof(b), "%Y-%m-%dT%H:%M:%SZ", &tm);
	buf_adds(out, b);
}

void plan_issue_write_json(struct json_writer *w, const struct plan_issue *i)
{
	json_obj_begin(w);
	json_kv_str_or_null(w, "source", i->source);
	json_kv_str_or_null(w, "key", i->key);
	json_kv_str_or_null(w, "title", i->title);
	json_kv_str_or_null(w, "url", i->url);
	json_obj_end(w);
}

static void write_subtask(struct json_writer *w, const struct plan_subtask *t)
{
	json_obj_begin(w);
	json_kv_str_or_null(w, "id", t->id);
	json_kv_str_or_null(w, "title", t->title);
	json_kv_str_or_null(w, "description", t->description);
	kv_strs(w, "files", &t->files);
	kv_strs(w, "newFiles", &t->new_files);
	kv_strs(w, "acceptanceCriteria", &t->criteria);
	json_kv_double(w, "estimateHours", t->estimate_hours);
	kv_strs(w, "dependsOn", &t->depends_on);
	json_obj_end(w);
}

void plan_subtask_write_json(struct json_writer *w,
			     const struct plan_subtask *t)
{
	write_subtask(w, t);
}

enum plan_json { PLAN_JSON_FULL, PLAN_JSON_STORED, PLAN_JSON_ANSWER };

static void write_plan(struct json_writer *w, const struct plan *p,
		       enum plan_json what)
{
	bool ids = what == PLAN_JSON_FULL;

	json_obj_begin(w);
	if (what == PLAN_JSON_ANSWER)
		goto answer;
	if (ids) {
		json_key(w, "id");
		if (p->id > 0)
			json_w_int(w, p->id);
		else
			json_w_null(w);
		json_key(w, "revision");
		if (p->revision > 0)
			json_w_int(w, p->revision);
		else
			json_w_null(w);
		json_key(w, "runId");
		if (p->run_id > 0)
			json_w_int(w, p->run_id);
		else
			json_w_null(w);
	}
	json_key(w, "issue");
	if (ids) {
		plan_issue_write_json(w, &p->issue);
	} else {
		/* The store keeps the description too: a revision asked
		 * for without the issue still shows it to the model. */
		json_obj_begin(w);
		json_kv_str_or_null(w, "source", p->issue.source);
		json_kv_str_or_null(w, "key", p->issue.key);
		json_kv_str_or_null(w, "title", p->issue.title);
		json_kv_str_or_null(w, "url", p->issue.url);
		json_kv_str_or_null(w, "description", p->issue.description);
		json_obj_end(w);
	}
answer:
	json_kv_str_or_null(w, "summary", p->summary);
	json_key(w, "subtasks");
	json_arr_begin(w);
	for (size_t i = 0; i < p->n_subtasks; i++)
		write_subtask(w, &p->subtasks[i]);
	json_arr_end(w);
	kv_strs(w, "risks", &p->risks);
	kv_strs(w, "openQuestions", &p->open_questions);
	if (what == PLAN_JSON_ANSWER) {
		json_obj_end(w);
		return;
	}
	json_kv_str_or_null(w, "model", p->model);
	json_key(w, "created");
	if (p->created > 0) {
		struct buf t = BUF_INIT;

		plan_format_time(&t, p->created);
		json_w_str(w, t.ptr);
		buf_release(&t);
	} else {
		json_w_null(w);
	}
	json_obj_end(w);
}

void plan_write_json(struct json_writer *w, const struct plan *p)
{
	write_plan(w, p, PLAN_JSON_FULL);
}

void plan_write_body_json(struct json_writer *w, const struct plan *p)
{
	write_plan(w, p, PLAN_JSON_STORED);
}

void plan_write_answer_json(struct json_writer *w, const struct plan *p)
{
	write_plan(w, p, PLAN_JSON_ANSWER);
}

/* ---- issues ---- */

static const char *const sources[] = { "jira", "github", "file", "inline" };

/* A member that is a string or null/absent, into *out. */
static int issue_str(const struct json_doc *d, int obj, const char *key,
		     const char *what, char **out, struct err *e)
{
	int v = json_get(d, obj, key);

	if (v < 0 || json_type(d, v) == JSON_NULL)
		return 0;
	if (json_type(d, v) != JSON_STRING || !(*out = json_strdup(d, v)))
		return err_set(e, ERR_INVALID_PARAMS, "%s.%s: a string", what,
			       key);
	return 0;
}

int plan_issue_read(struct plan_issue *out, const struct json_doc *d, int v,
		    const char *what, struct err *e)
{
	bool known = false;

	plan_issue_release(out);
	if (json_type(d, v) != JSON_OBJECT)
		return err_set(e, ERR_INVALID_PARAMS, "%s: an object", what);
	if (issue_str(d, v, "source", what, &out->source, e) < 0 ||
	    issue_str(d, v, "key", what, &out->key, e) < 0 ||
	    issue_str(d, v, "title", what, &out->title, e) < 0 ||
	    issue_str(d, v, "url", what, &out->url, e) < 0 ||
	    issue_str(d, v, "description", what, &out->description, e) < 0)
		goto fail;
	if (!out->title || !*out->title) {
		err_set(e, ERR_INVALID_PARAMS, "%s.title: a non-empty string",
			what);
		goto fail;
	}
	if (!out->source)
		out->source = xstrdup("inline");
	for (size_t i = 0; i < sizeof(sources) / sizeof(sources[0]); i++)
		known |= !strcmp(out->source, sources[i]);
	if (!known) {
		err_set(e, ERR_INVALID_PARAMS, "%s.source: jira, github, file "
			"or inline, not \"%s\"", what, out->source);
		goto fail;
	}
	return 0;
fail:
	plan_issue_release(out);
	return -1;
}

static bool blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* s[0..n) without blanks at either end, as a new string. */
static char *trimmed(const char *s, size_t n)
{
	while (n && blank((unsigned char)*s))
		s++, n--;
	while (n && blank((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

int plan_issue_from_markdown(struct plan_issue *out, const char *text,
			     size_t n, const char *rel, struct err *e)
{
	const char *line = text, *end = text + n, *nl;
	bool fenced = false;

	if (!utf8_valid(text, n) || memchr(text, '\0', n))
		return err_set(e, ERR_INVALID_PARAMS, "%s: not UTF-8 text",
			       rel);
	plan_issue_release(out);
	out->source = xstrdup("file");
	out->key = xstrdup(rel);
	for (; line < end; line = nl + 1) {
		const char *p = line, *q;
		int level = 0;

		nl = memchr(line, '\n', (size_t)(end - line));
		if (!nl)
			nl = end;
		if (nl - p >= 3 && (!memcmp(p, "```", 3) ||
				    !memcmp(p, "~~~", 3)))
			fenced = !fenced;
		if (fenced)
			continue;
		while (p < nl && *p == '#' && level < 7)
			p++, level++;
		if (level < 1 || level > 6 || (p < nl && *p != ' ' &&
					       *p != '\t'))
			continue;
		/* An ATX heading: its text, without closing #s. */
		q = nl;
		while (q > p && blank((unsigned char)q[-1]))
			q--;
		while (q > p && q[-1] == '#')
			q--;
		out->title = trimmed(p, (size_t)(q - p));
		if (!*out->title) {
			free(out->title);
			out->title = NULL;
			continue;
		}
		{
			struct buf desc = BUF_INIT;

			buf_add(&desc, text, (size_t)(line - text));
			if (nl < end)
				buf_add(&desc, nl + 1, (size_t)(end - nl - 1));
			out->description = trimmed(desc.ptr, desc.len);
			buf_release(&desc);
		}
		return 0;
	}
	/* No heading: the file's name is the title, all of it the text. */
	{
		const char *base = strrchr(rel, '/');
		const char *dot;

		base = base ? base + 1 : rel;
		dot = strrchr(base, '.');
		out->title = dot && dot > base ? xstrndup(base,
							  (size_t)(dot - base))
					       : xstrdup(base);
		out->description = trimmed(text, n);
	}
	return 0;
}
