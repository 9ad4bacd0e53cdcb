/*
 * Loading the pattern database: parsing data/patterns/NN-tool.conf (format in
 * data/patterns/README), expanding %{defines}, compiling and JIT-compiling
 * every regex once, and collecting the needles that let classify.c skip the
 * patterns a line cannot match.
 */
#include "classify/db.h"
#include "classify/general.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/datadir.h"
#include "util/fs.h"
#include "util/mem.h"

/* Bounds on a single pcre2 run: a pathological line costs at most this much
 * work, then counts as "no match". */
#define CL_MATCH_LIMIT 200000
#define CL_DEPTH_LIMIT 2000
#define CL_HEAP_LIMIT_KIB 4096
#define CL_SPAN_DEFAULT 6
#define CL_SPAN_MAX 1000
#define CL_FILE_MAX ((size_t)4 << 20)

static const char *const categories[] = {
	CAT_MISSING_EXPORT, CAT_IMPORT_RESOLUTION, CAT_UNDEFINED_SYMBOL,
	CAT_TYPE_ERROR, CAT_SYNTAX_ERROR, CAT_TAILWIND_INVALID_CLASS,
	CAT_LINT_VIOLATION, CAT_TEST_FAILURE, CAT_LINK_ERROR,
	CAT_MISSING_DEPENDENCY, CAT_TIMEOUT, CAT_UNKNOWN,
};

struct define {
	char *name, *value;
};

/* What a [pattern] section said, before compiling. */
struct section {
	char *id;
	int line;
	char *tool, *category, *severity, *regex, *until, *hint, *message,
		*code, *need;
	char **before, **after, **needle;
	size_t nbefore, nafter, nneedle;
	int priority, span, caret_shift;
	bool seen_span, drop;
	/* where each regex was written, for compile errors */
	int regex_line, until_line;
	int before_line[CL_MAX_CONTEXT], after_line[CL_MAX_CONTEXT];
};

struct loader {
	struct classify_db *db;
	struct define *defs;
	size_t ndefs;
	size_t alloc; /* of db->pats */
	unsigned *order; /* load order of each pattern, for a stable sort */
	int extra; /* loading extra files: they win ties */
	const char *path; /* file being read, for messages */
	/* Every file's bytes in load order, each after its length: what the
	 * digest is of. */
	struct buf content;
};

static int cl_fail(struct loader *ld, int line, struct err *e, const char *what,
		   const char *detail)
{
	return err_set(e, ERR_PARSE, "%s:%d: %s%s%s", ld->path, line, what,
		       detail ? ": " : "", detail ? detail : "");
}

int cl_match(const struct classify_db *db, const struct cl_regex *re,
	     const char *subject, size_t n, pcre2_match_data *md)
{
	if (re->jit)
		return pcre2_jit_match(re->code, (PCRE2_SPTR)subject, n, 0, 0,
				       md, db->mctx);
	return pcre2_match(re->code, (PCRE2_SPTR)subject, n, 0, 0, md,
			   db->mctx);
}

static void regex_release(struct cl_regex *re)
{
	pcre2_code_free(re->code);
	free(re->groups);
	memset(re, 0, sizeof(*re));
}

static int group_cmp(const void *a, const void *b)
{
	const struct cl_group *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : (x->number > y->number) - (x->number < y->number);
}

/* Expands %{name} from the defines seen so far. */
static int expand_defines(struct loader *ld, int line, const char *src,
			  struct buf *out, struct err *e)
{
	const char *p = src;

	while (*p) {
		const char *end;
		size_t i, n;

		if (p[0] != '%' || p[1] != '{') {
			buf_addch(out, *p++);
			continue;
		}
		end = strchr(p + 2, '}');
		if (!end)
			return cl_fail(ld, line, e, "unterminated %{", NULL);
		n = (size_t)(end - (p + 2));
		for (i = ld->ndefs; i-- > 0;)
			if (strlen(ld->defs[i].name) == n &&
			    !memcmp(ld->defs[i].name, p + 2, n))
				break;
		if (i == (size_t)-1) {
			char *name = xstrndup(p + 2, n);
			int rc = cl_fail(ld, line, e, "unknown define", name);

			free(name);
			return rc;
		}
		buf_adds(out, ld->defs[i].value);
		p = end + 1;
	}
	return 0;
}

static enum cl_field field_of(const char *name)
{
	static const char *const names[CL_F_COUNT] = {
		[CL_F_FILE] = "file", [CL_F_LINE] = "line", [CL_F_COL] = "col",
		[CL_F_CARET] = "caret", [CL_F_CODE] = "code", [CL_F_MSG] = "msg",
		[CL_F_SEV] = "sev",
	};
	int f;

	for (f = CL_F_OTHER + 1; f < CL_F_COUNT; f++)
		if (!strcmp(names[f], name))
			return (enum cl_field)f;
	return CL_F_OTHER;
}

static int regex_compile(struct loader *ld, int line, const char *src,
			 struct cl_regex *re, struct err *e)
{
	struct buf pat = BUF_INIT;
	PCRE2_SIZE erroff;
	int errcode, rc = -1;
	uint32_t count, size, top, i;
	PCRE2_SPTR table;

	memset(re, 0, sizeof(*re));
	if (expand_defines(ld, line, src, &pat, e) < 0)
		goto out;
	/* Bytes, not UTF: tool output is whatever the tool wrote. */
	re->code = pcre2_compile((PCRE2_SPTR)pat.ptr, pat.len, PCRE2_DUPNAMES,
				 &errcode, &erroff, NULL);
	if (!re->code) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(errcode, msg, sizeof(msg));
		err_set(e, ERR_PARSE, "%s:%d: regex: %s at offset %zu", ld->path,
			line, (const char *)msg, (size_t)erroff);
		goto out;
	}
	/* Without JIT support the interpreter runs it under the same limits. */
	re->jit = pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0;

	pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &top);
	if (top > ld->db->max_group)
		ld->db->max_group = top;
	pcre2_pattern_info(re->code, PCRE2_INFO_NAMECOUNT, &count);
	pcre2_pattern_info(re->code, PCRE2_INFO_NAMEENTRYSIZE, &size);
	pcre2_pattern_info(re->code, PCRE2_INFO_NAMETABLE, &table);
	re->groups = count ? xcalloc(count, sizeof(*re->groups)) : NULL;
	for (i = 0; i < count; i++) {
		PCRE2_SPTR ent = table + (size_t)i * size;

		re->groups[i].number = (uint32_t)(ent[0] << 8 | ent[1]);
		re->groups[i].name = (const char *)(ent + 2);
		re->groups[i].field = field_of(re->groups[i].name);
	}
	re->ngroups = count;
	if (count)
		qsort(re->groups, count, sizeof(*re->groups), group_cmp);
	rc = 0;
out:
	buf_release(&pat);
	return rc;
}

/* Frees what a pattern holds; a half-built one (zeroed first) too. */
static void pattern_release(struct cl_pattern *p)
{
	size_t i;

	regex_release(&p->re);
	regex_release(&p->until);
	for (i = 0; i < p->nbefore; i++)
		regex_release(&p->before[i]);
	for (i = 0; i < p->nafter; i++)
		regex_release(&p->after[i]);
	for (i = 0; i < p->nloose; i++)
		free(p->loose[i]);
	free(p->loose);
	free(p->before);
	free(p->after);
	free(p->id);
	free(p->tool);
	free(p->hint);
	free(p->message);
	free(p->code);
	free(p->need);
}

static void section_release(struct section *s)
{
	size_t i;

	free(s->id);
	free(s->tool);
	free(s->category);
	free(s->severity);
	free(s->regex);
	free(s->until);
	free(s->hint);
	free(s->message);
	free(s->code);
	free(s->need);
	for (i = 0; i < s->nbefore; i++)
		free(s->before[i]);
	for (i = 0; i < s->nafter; i++)
		free(s->after[i]);
	for (i = 0; i < s->nneedle; i++)
		free(s->needle[i]);
	free(s->before);
	free(s->after);
	free(s->needle);
	memset(s, 0, sizeof(*s));
}

static int needle_bit(struct classify_db *db, const char *s, uint64_t *mask)
{
	size_t i, n = strlen(s);

	for (i = 0; i < db->nneedles; i++)
		if (db->needle_len[i] == n && !memcmp(db->needle[i], s, n))
			break;
	if (i == db->nneedles) {
		/* Out of bits, or too short to index: the pattern looks for
		 * its needles in every line itself (cl_pattern.loose). */
		if (i == CL_MAX_NEEDLES || n < 2)
			return -1;
		db->needle[i] = xstrdup(s);
		db->needle_len[i] = n;
		db->needle_pre[i] = db->needle_premask[i] = 0;
		memcpy(&db->needle_pre[i], s, n < 8 ? n : 8);
		memset(&db->needle_premask[i], 0xff, n < 8 ? n : 8);
		db->next_same_pair[i] = db->heads[cl_pair((const unsigned char *)s)];
		db->heads[cl_pair((const unsigned char *)s)] = (uint8_t)(i + 1);
		db->third[cl_pair((const unsigned char *)s)] |=
			n > 2 ? (uint8_t)(1u << (s[2] & 7)) : 0xff;
		db->nneedles++;
	}
	mask[i / 64] |= (uint64_t)1 << (i % 64);
	return 0;
}

/* Indexes the general layer's trigger words after the patterns' needles
 * (a word both use keeps one bit). */
static void index_triggers(struct classify_db *db)
{
	const struct cl_trigger *t;
	size_t i, w;

	for (i = 0; i < db->n; i++)
		for (w = 0; w < CL_NEEDLE_WORDS; w++)
			db->pattern_needles[w] |= db->pats[i].needles[w];
	for (t = cl_triggers; t->text; t++) {
		uint64_t m[CL_NEEDLE_WORDS] = { 0 };

		if (needle_bit(db, t->text, m) < 0) {
			db->groups_always |= t->groups;
			continue;
		}
		for (w = 0; w < CL_NEEDLE_WORDS; w++)
			if (m[w])
				db->needle_groups[w * 64 + (size_t)__builtin_ctzll(m[w])] |=
					(uint8_t)t->groups;
	}
}

static int parse_severity(const char *s, enum diag_severity *out)
{
	if (!strcmp(s, "error"))
		*out = DIAG_ERROR;
	else if (!strcmp(s, "warning"))
		*out = DIAG_WARNING;
	else if (!strcmp(s, "note"))
		*out = DIAG_NOTE;
	else
		return -1;
	return 0;
}

/* Compiles a finished [pattern] section into db->pats. */
static int section_finish(struct loader *ld, struct section *s, struct err *e)
{
	struct classify_db *db = ld->db;
	struct cl_pattern *p;
	size_t i;

	if (!s->tool || !s->regex || (!s->category && !s->drop))
		return cl_fail(ld, s->line, e,
			       "pattern needs tool, regex and category (or drop)",
			       s->id);
	if (db->n == ld->alloc) {
		ld->alloc = ld->alloc ? ld->alloc * 2 : 64;
		db->pats = xrealloc(db->pats, ld->alloc * sizeof(*db->pats));
		ld->order = xrealloc(ld->order, ld->alloc * sizeof(*ld->order));
	}
	p = &db->pats[db->n];
	memset(p, 0, sizeof(*p));
	p->drop = s->drop;
	for (i = 0; s->category && i < sizeof(categories) / sizeof(*categories);
	     i++)
		if (!strcmp(categories[i], s->category))
			p->category = categories[i];
	if (s->category && !p->category)
		return cl_fail(ld, s->line, e, "unknown category", s->category);
	p->severity = DIAG_ERROR;
	if (s->severity && parse_severity(s->severity, &p->severity) < 0)
		return cl_fail(ld, s->line, e, "severity must be error, warning or note",
			       s->severity);
	p->priority = s->priority;
	p->span = s->seen_span ? s->span : CL_SPAN_DEFAULT;
	p->caret_shift = s->caret_shift;
	if (regex_compile(ld, s->regex_line, s->regex, &p->re, e) < 0)
		goto fail;
	if (s->until &&
	    regex_compile(ld, s->until_line, s->until, &p->until, e) < 0)
		goto fail;
	p->before = s->nbefore ? xcalloc(s->nbefore, sizeof(*p->before)) : NULL;
	for (; p->nbefore < s->nbefore; p->nbefore++) {
		struct cl_regex *re = &p->before[p->nbefore];

		if (regex_compile(ld, s->before_line[p->nbefore],
				  s->before[p->nbefore], re, e) < 0)
			goto fail;
		re->memo = db->nmemo++;
	}
	p->after = s->nafter ? xcalloc(s->nafter, sizeof(*p->after)) : NULL;
	for (; p->nafter < s->nafter; p->nafter++)
		if (regex_compile(ld, s->after_line[p->nafter],
				  s->after[p->nafter], &p->after[p->nafter], e) < 0)
			goto fail;
	for (i = 0; i < s->nneedle; i++)
		if (needle_bit(db, s->needle[i], p->needles) < 0) {
			memset(p->needles, 0, sizeof(p->needles));
			p->loose = xcalloc(s->nneedle, sizeof(*p->loose));
			for (p->nloose = 0; p->nloose < s->nneedle; p->nloose++)
				p->loose[p->nloose] = xstrdup(s->needle[p->nloose]);
			break;
		}
	for (i = 0; i < CL_NEEDLE_WORDS && !p->needles[i]; i++)
		;
	db->unguarded += i == CL_NEEDLE_WORDS;
	p->id = s->id;
	p->tool = s->tool;
	p->hint = s->hint;
	p->message = s->message;
	p->code = s->code;
	p->need = s->need;
	s->id = s->tool = s->hint = s->message = s->code = s->need = NULL;
	/* Extra files are read last but sort first among equals. */
	ld->order[db->n] = ld->extra ? (unsigned)db->n : (1u << 30) + (unsigned)db->n;
	db->n++;
	return 0;
fail:
	pattern_release(p);
	return -1;
}

static int parse_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

static void push(char ***v, size_t *n, const char *s, size_t len)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = xstrndup(s, len);
}

/* Sets one key of a [pattern] section. */
static int section_set(struct loader *ld, struct section *s, int line,
		       const char *key, const char *val, struct err *e)
{
	char **one = NULL;

	if ((!strcmp(key, "before") && s->nbefore == CL_MAX_CONTEXT) ||
	    (!strcmp(key, "after") && s->nafter == CL_MAX_CONTEXT) ||
	    (!strcmp(key, "needle") && s->nneedle == CL_MAX_CONTEXT))
		return cl_fail(ld, line, e, "too many lines of this key", key);
	if (!strcmp(key, "tool"))
		one = &s->tool;
	else if (!strcmp(key, "category"))
		one = &s->category;
	else if (!strcmp(key, "severity"))
		one = &s->severity;
	else if (!strcmp(key, "regex")) {
		one = &s->regex;
		s->regex_line = line;
	} else if (!strcmp(key, "until")) {
		one = &s->until;
		s->until_line = line;
	} else if (!strcmp(key, "hint"))
		one = &s->hint;
	else if (!strcmp(key, "message"))
		one = &s->message;
	else if (!strcmp(key, "code"))
		one = &s->code;
	else if (!strcmp(key, "need"))
		one = &s->need;
	if (one) {
		free(*one);
		*one = xstrdup(val);
		return 0;
	}
	if (!strcmp(key, "before")) {
		s->before_line[s->nbefore] = line;
		push(&s->before, &s->nbefore, val, strlen(val));
	} else if (!strcmp(key, "after")) {
		s->after_line[s->nafter] = line;
		push(&s->after, &s->nafter, val, strlen(val));
	} else if (!strcmp(key, "needle")) {
		size_t n = strlen(val);

		/* Quotes keep a needle's edge blanks: "  error  ". */
		if (n >= 2 && val[0] == '"' && val[n - 1] == '"') {
			val++;
			n -= 2;
		}
		if (!n)
			return cl_fail(ld, line, e, "empty needle", NULL);
		push(&s->needle, &s->nneedle, val, n);
	} else if (!strcmp(key, "priority")) {
		if (parse_int(val, -1000, 1000, &s->priority) < 0)
			return cl_fail(ld, line, e, "priority must be -1000..1000",
				       val);
	} else if (!strcmp(key, "span")) {
		if (parse_int(val, 1, CL_SPAN_MAX, &s->span) < 0)
			return cl_fail(ld, line, e, "span must be 1..1000", val);
		s->seen_span = true;
	} else if (!strcmp(key, "drop")) {
		if (strcmp(val, "true") && strcmp(val, "false"))
			return cl_fail(ld, line, e, "drop must be true or false",
				       val);
		s->drop = !strcmp(val, "true");
	} else if (!strcmp(key, "caret_shift")) {
		if (parse_int(val, 0, CLASSIFY_LINE_MAX, &s->caret_shift) < 0)
			return cl_fail(ld, line, e, "bad caret_shift", val);
	} else {
		return cl_fail(ld, line, e, "unknown key", key);
	}
	return 0;
}

static char *trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
			   end[-1] == '\r'))
		*--end = '\0';
	return s;
}

enum where { NOWHERE, IN_DEFINE, IN_PATTERN };

/* `[define]` or `[pattern "id"]`. */
static int parse_header(struct loader *ld, int line, char *s, enum where *w,
			struct section *sec, struct err *e)
{
	size_t n = strlen(s);
	char *q;

	if (s[n - 1] != ']')
		return cl_fail(ld, line, e, "unterminated section header", NULL);
	s[n - 1] = '\0';
	s = trim(s + 1);
	if (!strcmp(s, "define")) {
		*w = IN_DEFINE;
		return 0;
	}
	if (strncmp(s, "pattern", 7) || (s[7] != ' ' && s[7] != '\t'))
		return cl_fail(ld, line, e, "unknown section", s);
	s = trim(s + 7);
	n = strlen(s);
	if (n < 3 || s[0] != '"' || s[n - 1] != '"')
		return cl_fail(ld, line, e, "pattern id must be quoted", s);
	s[n - 1] = '\0';
	for (q = s + 1; *q; q++)
		if (*q == '"' || *q == '\\')
			return cl_fail(ld, line, e, "bad pattern id", s + 1);
	*w = IN_PATTERN;
	sec->id = xstrdup(s + 1);
	sec->line = line;
	return 0;
}

static int load_file(struct loader *ld, const char *path, struct err *e)
{
	struct buf text = BUF_INIT;
	struct section sec;
	enum where w = NOWHERE;
	char *p, *next;
	int line = 0, rc = -1;

	memset(&sec, 0, sizeof(sec));
	ld->path = path;
	/* A regular file only: a FIFO here would block the loop in open(). */
	if (fs_read_regular(&text, path, CL_FILE_MAX, e) < 0) {
		err_prefix(e, "cannot read pattern file");
		goto out;
	}
	buf_addf(&ld->content, "%zu\n", text.len);
	buf_add(&ld->content, text.ptr, text.len);
	if (memchr(text.ptr, '\0', text.len)) {
		cl_fail(ld, 1, e, "NUL byte in pattern file", NULL);
		goto out;
	}
	for (p = text.ptr; p; p = next) {
		char *s, *eq, *key, *val;

		line++;
		next = strchr(p, '\n');
		if (next)
			*next++ = '\0';
		s = trim(p);
		/* Comments only at line start: regexes are full of '#' and ';'. */
		if (!*s || *s == '#' || *s == ';')
			continue;
		if (*s == '[') {
			if (w == IN_PATTERN && section_finish(ld, &sec, e) < 0)
				goto out;
			section_release(&sec);
			if (parse_header(ld, line, s, &w, &sec, e) < 0)
				goto out;
			continue;
		}
		eq = strchr(s, '=');
		if (!eq || w == NOWHERE) {
			cl_fail(ld, line, e, eq ? "key outside a section" :
				"expected key = value", NULL);
			goto out;
		}
		*eq = '\0';
		key = trim(s);
		val = trim(eq + 1);
		if (!*key) {
			cl_fail(ld, line, e, "empty key", NULL);
			goto out;
		}
		if (w == IN_DEFINE) {
			struct buf v = BUF_INIT;

			if (expand_defines(ld, line, val, &v, e) < 0) {
				buf_release(&v);
				goto out;
			}
			ld->defs = xrealloc(ld->defs,
					    (ld->ndefs + 1) * sizeof(*ld->defs));
			ld->defs[ld->ndefs].name = xstrdup(key);
			ld->defs[ld->ndefs++].value = buf_detach(&v, NULL);
		} else if (section_set(ld, &sec, line, key, val, e) < 0) {
			goto out;
		}
	}
	if (w == IN_PATTERN && section_finish(ld, &sec, e) < 0)
		goto out;
	rc = 0;
out:
	section_release(&sec);
	buf_release(&text);
	return rc;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .conf files of dir, sorted by name. */
static int list_conf(const char *dir, char ***out, size_t *n, struct err *e)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	*out = NULL;
	*n = 0;
	if (!d)
		return err_set_errno(e, ERR_IO, "cannot open pattern folder %s",
				     dir);
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		struct buf path = BUF_INIT;

		if (de->d_name[0] == '.' || len < 6 ||
		    strcmp(de->d_name + len - 5, ".conf"))
			continue;
		buf_addf(&path, "%s/%s", dir, de->d_name);
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		(*out)[(*n)++] = buf_detach(&path, NULL);
	}
	closedir(d);
	qsort(*out, *n, sizeof(**out), name_cmp);
	return 0;
}

/* Stable sort by priority (high first), then load order. */
static void sort_patterns(struct classify_db *db, unsigned *order)
{
	size_t i, j;

	for (i = 1; i < db->n; i++) {
		struct cl_pattern p = db->pats[i];
		unsigned o = order[i];

		for (j = i; j > 0; j--) {
			const struct cl_pattern *q = &db->pats[j - 1];

			if (q->priority > p.priority ||
			    (q->priority == p.priority && order[j - 1] < o))
				break;
			db->pats[j] = db->pats[j - 1];
			order[j] = order[j - 1];
		}
		db->pats[j] = p;
		order[j] = o;
	}
}

/* The blob id of what was loaded: a verdict cached with one set of
 * patterns is never served under another. */
static void set_digest(struct classify_db *db, const struct buf *content)
{
	blob_id_hex(content->ptr, content->len, db->digest);
}

/* dir/learned-words, the general layer's categories by likeness
 * (learned.h), when the folder has it: a pattern folder of a test or of
 * an older install may not. Part of the digest: it changes verdicts. */
static int load_learned(struct loader *ld, const char *dir, struct err *e)
{
	struct buf path = BUF_INIT, text = BUF_INIT;
	int rc = 0;

	buf_addf(&path, "%s/learned-words", dir);
	if (access(path.ptr, F_OK) < 0)
		goto out;
	rc = fs_read_regular(&text, path.ptr, CL_FILE_MAX, e);
	if (rc == 0)
		rc = cl_learned_parse(&ld->db->learned, text.ptr ? text.ptr : "",
				      text.len, e);
	if (rc < 0) {
		err_prefix(e, "%s", path.ptr);
		goto out;
	}
	buf_addf(&ld->content, "%zu\n", text.len);
	buf_add(&ld->content, text.ptr, text.len);
out:
	buf_release(&path);
	buf_release(&text);
	return rc;
}

static int load_dir(struct classify_db **out, const char *dir,
		    const char *const *extra_files, struct err *e)
{
	struct loader ld;
	char **files = NULL;
	size_t nfiles = 0, i;
	int rc = -1;

	*out = NULL;
	memset(&ld, 0, sizeof(ld));
	buf_init(&ld.content, 0);
	ld.db = xcalloc(1, sizeof(*ld.db));
	ld.db->mctx = pcre2_match_context_create(NULL);
	if (!ld.db->mctx)
		abort(); /* out of memory, as xmalloc does */
	pcre2_set_match_limit(ld.db->mctx, CL_MATCH_LIMIT);
	pcre2_set_depth_limit(ld.db->mctx, CL_DEPTH_LIMIT);
	pcre2_set_heap_limit(ld.db->mctx, CL_HEAP_LIMIT_KIB);

	if (list_conf(dir, &files, &nfiles, e) < 0)
		goto out;
	for (i = 0; i < nfiles; i++)
		if (load_file(&ld, files[i], e) < 0)
			goto out;
	ld.extra = 1;
	for (i = 0; extra_files && extra_files[i]; i++)
		if (load_file(&ld, extra_files[i], e) < 0)
			goto out;
	if (!ld.db->n) {
		err_set(e, ERR_NOT_FOUND, "no patterns in %s", dir);
		goto out;
	}
	if (load_learned(&ld, dir, e) < 0)
		goto out;
	sort_patterns(ld.db, ld.order);
	index_triggers(ld.db);
	set_digest(ld.db, &ld.content);
	ld.db->refs = 1;
	*out = ld.db;
	ld.db = NULL;
	rc = 0;
out:
	classify_db_free(ld.db);
	for (i = 0; i < ld.ndefs; i++) {
		free(ld.defs[i].name);
		free(ld.defs[i].value);
	}
	free(ld.defs);
	free(ld.order);
	buf_release(&ld.content);
	for (i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	return rc;
}

int classify_db_load(struct classify_db **out, const char *const *extra_files,
		     struct err *e)
{
	struct buf dir = BUF_INIT;
	int rc;

	datadir_path(&dir, "patterns"); /* the install tree's, or the source's */
	rc = load_dir(out, dir.ptr, extra_files, e);
	buf_release(&dir);
	return rc;
}

const char *classify_db_digest(const struct classify_db *db)
{
	return db->digest;
}

const char *classify_category_find(const char *name)
{
	size_t i;

	for (i = 0; name && i < sizeof(categories) / sizeof(*categories); i++)
		if (!strcmp(categories[i], name))
			return categories[i];
	return NULL;
}

size_t classify_db_count(const struct classify_db *db)
{
	return db ? db->n : 0;
}

void classify_db_free(struct classify_db *db)
{
	size_t i;

	if (!db)
		return;
	for (i = 0; i < db->n; i++)
		pattern_release(&db->pats[i]);
	free(db->pats);
	for (i = 0; i < db->nneedles; i++)
		free(db->needle[i]);
	pcre2_match_context_free(db->mctx);
	cl_learned_free(db->learned);
	free(db);
}
