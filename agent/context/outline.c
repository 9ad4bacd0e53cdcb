/*
 * context/outline: what one blob holds (definitions, references, imports),
 * from tree-sitter and the grammars' own tag queries, and its disk cache.
 */
#include "context/internal.h"

#include <errno.h>
#include <fcntl.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <tree_sitter/api.h>
#include <unistd.h>

#include "util/log.h"
#include "util/mem.h"

/* How many bytes of a definition's first line the outline keeps. */
#define SIG_MAX 160
/* The longest one parse may take. */
#define PARSE_TIMEOUT_US 2000000
/* Binary check: NUL within this many leading bytes. */
#define BINARY_PROBE 8192

#define GRAMMAR(n)                                                      \
	extern const TSLanguage *tree_sitter_##n(void);                 \
	extern const char context_tags_##n[];                           \
	extern const size_t context_tags_##n##_len;
#ifdef AIRUNNER_GRAMMAR_C
GRAMMAR(c)
#endif
#ifdef AIRUNNER_GRAMMAR_CPP
GRAMMAR(cpp)
#endif
#ifdef AIRUNNER_GRAMMAR_GO
GRAMMAR(go)
#endif
#ifdef AIRUNNER_GRAMMAR_JAVA
GRAMMAR(java)
#endif
#ifdef AIRUNNER_GRAMMAR_JAVASCRIPT
GRAMMAR(javascript)
#endif
#ifdef AIRUNNER_GRAMMAR_PYTHON
GRAMMAR(python)
#endif
#ifdef AIRUNNER_GRAMMAR_RUST
GRAMMAR(rust)
#endif
#ifdef AIRUNNER_GRAMMAR_TYPESCRIPT
GRAMMAR(typescript)
#endif
#ifdef AIRUNNER_GRAMMAR_TSX
GRAMMAR(tsx)
#endif

/*
 * Our own queries for imports (the tag queries have none). Each @import
 * capture is a string or name as written; context.c resolves it to a file.
 */
#define IMPORTS_JS                                                      \
	"(import_statement source: (string) @import)\n"                 \
	"(export_statement source: (string) @import)\n"                 \
	"(call_expression function: (identifier) @f "                   \
	"  arguments: (arguments (string) @import) (#eq? @f \"require\"))\n"
#define IMPORTS_C "(preproc_include path: (string_literal) @import)\n"

struct lang {
	const char *name;
	const char *exts;	/* space-separated, with the dot */
	const TSLanguage *(*language)(void);
	const char *tags;
	const size_t *tags_len;
	const char *imports;
	/* Lazily made, then shared (the agent is single-threaded). */
	TSQuery *tq, *iq;
	bool tried, tag_refs;
};

#define L(n, exts, imp)                                                 \
	{ #n, exts, tree_sitter_##n, context_tags_##n,                  \
	  &context_tags_##n##_len, imp, NULL, NULL, false, false },
static struct lang langs[] = {
#ifdef AIRUNNER_GRAMMAR_C
	L(c, " .c .h ", IMPORTS_C)
#endif
#ifdef AIRUNNER_GRAMMAR_CPP
	L(cpp, " .cc .cpp .cxx .hpp .hh .hxx .h++ .c++ ", IMPORTS_C)
#endif
#ifdef AIRUNNER_GRAMMAR_GO
	L(go, " .go ", "(import_spec path: (interpreted_string_literal) @import)\n")
#endif
#ifdef AIRUNNER_GRAMMAR_JAVA
	L(java, " .java ", "(import_declaration (scoped_identifier) @import)\n")
#endif
#ifdef AIRUNNER_GRAMMAR_JAVASCRIPT
	L(javascript, " .js .mjs .cjs .jsx ", IMPORTS_JS)
#endif
#ifdef AIRUNNER_GRAMMAR_PYTHON
	L(python, " .py .pyi ",
	  "(import_statement name: (dotted_name) @import)\n"
	  "(import_statement name: (aliased_import name: (dotted_name) @import))\n"
	  "(import_from_statement module_name: (_) @import)\n")
#endif
#ifdef AIRUNNER_GRAMMAR_RUST
	L(rust, " .rs ",
	  "(mod_item name: (identifier) @import)\n"
	  "(use_declaration argument: (scoped_identifier) @import)\n")
#endif
#ifdef AIRUNNER_GRAMMAR_TYPESCRIPT
	L(typescript, " .ts .mts .cts ", IMPORTS_JS)
#endif
#ifdef AIRUNNER_GRAMMAR_TSX
	L(tsx, " .tsx ", IMPORTS_JS)
#endif
	{ NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, false },
};
/* A function, not a constant: with no grammar built in it is 0, and a
 * constant 0 bound trips -Wtype-limits at every `i < nlangs()`. */
static size_t nlangs(void)
{
	return sizeof(langs) / sizeof(langs[0]) - 1;
}

int outline_lang_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	char ext[16];
	size_t n;

	if (!dot || (slash && dot < slash) || dot == path ||
	    (slash && dot == slash + 1))
		return -1;
	n = strlen(dot);
	if (n + 3 > sizeof(ext))
		return -1;
	ext[0] = ' ';
	for (size_t i = 0; i < n; i++)
		ext[i + 1] = (char)((dot[i] >= 'A' && dot[i] <= 'Z') ?
				    dot[i] + 32 : dot[i]);
	ext[n + 1] = ' ';
	ext[n + 2] = '\0';
	for (size_t i = 0; i < nlangs(); i++)
		if (strstr(langs[i].exts, ext))
			return (int)i;
	return -1;
}

const char *outline_lang_name(int lang)
{
	return lang >= 0 && (size_t)lang < nlangs() ? langs[lang].name : "";
}

int outline_lang_family(int lang)
{
	const char *n = outline_lang_name(lang);

	if (lang < 0)
		return -1;
	if (!strcmp(n, "cpp"))
		return outline_lang_of("x.c");
	if (!strcmp(n, "typescript") || !strcmp(n, "tsx"))
		return outline_lang_of("x.js");
	return lang;
}

static TSQuery *query_new(const struct lang *l, const char *src, size_t n,
			  const char *what)
{
	uint32_t off = 0;
	TSQueryError qe = TSQueryErrorNone;
	TSQuery *q = ts_query_new(l->language(), src, (uint32_t)n, &off, &qe);

	if (!q)
		log_warn("context: %s query for %s fails at byte %u (error %d);"
			 " files in it get no %s", what, l->name, off, (int)qe,
			 what);
	return q;
}

/* Makes the queries of a language on first use; false if its grammar's
 * ABI is outside what the library reads (then no outline). */
static bool lang_ready(struct lang *l)
{
	if (l->tried)
		return l->tq != NULL;
	l->tried = true;
	uint32_t v = ts_language_version(l->language());
	if (v < TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION ||
	    v > TREE_SITTER_LANGUAGE_VERSION) {
		log_warn("context: grammar %s has ABI %u, the library reads "
			 "%d..%d; its files get no outline", l->name, v,
			 TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION,
			 TREE_SITTER_LANGUAGE_VERSION);
		return false;
	}
	l->tq = query_new(l, l->tags, *l->tags_len, "tags");
	l->iq = query_new(l, l->imports, strlen(l->imports), "imports");
	if (l->tq) {
		uint32_t nc = ts_query_capture_count(l->tq);
		for (uint32_t i = 0; i < nc; i++) {
			uint32_t len;
			const char *s = ts_query_capture_name_for_id(l->tq, i,
								     &len);
			if (len > 10 && !strncmp(s, "reference.", 10))
				l->tag_refs = true;
		}
	}
	return l->tq != NULL;
}

/* ---- building ---------------------------------------------------------- */

struct tmp_def {
	uint32_t start, end, line;
	uint8_t kind;
	char *name, *sig;
};

struct builder {
	const char *src;
	size_t n;
	struct tmp_def *defs;
	size_t ndefs, adefs;
	char **refs;
	size_t nrefs, arefs;
	char **imports;
	size_t nimports, aimports;
};

static void push_str(char ***v, size_t *n, size_t *a, char *s)
{
	if (*n == *a) {
		*a = *a ? *a * 2 : 16;
		*v = xrealloc(*v, (*a) * sizeof(**v));
	}
	(*v)[(*n)++] = s;
}

static char *node_text(const struct builder *b, TSNode node)
{
	uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);

	if (e > b->n)
		e = (uint32_t)b->n;
	if (s > e)
		s = e;
	return xstrndup(b->src + s, e - s);
}

static uint8_t kind_of(const char *s, uint32_t len)
{
	static const struct { const char *name; uint8_t kind; } kinds[] = {
		{ "function", OK_FUNCTION }, { "method", OK_METHOD },
		{ "class", OK_CLASS }, { "interface", OK_INTERFACE },
		{ "module", OK_MODULE }, { "type", OK_TYPE },
		{ "constant", OK_CONSTANT }, { "macro", OK_MACRO },
	};
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strlen(kinds[i].name) == len && !memcmp(s, kinds[i].name, len))
			return kinds[i].kind;
	return OK_OTHER;
}

/* The text a predicate argument stands for: a capture's node text or a
 * string. NULL when the capture is not in this match. */
static char *pred_arg(const struct builder *b, const TSQuery *q,
		      const TSQueryMatch *m, const TSQueryPredicateStep *st)
{
	uint32_t len;

	if (st->type == TSQueryPredicateStepTypeString)
		return xstrdup(ts_query_string_value_for_id(q, st->value_id,
							    &len));
	for (uint16_t i = 0; i < m->capture_count; i++)
		if (m->captures[i].index == st->value_id)
			return node_text(b, m->captures[i].node);
	return NULL;
}

static bool regex_match(const char *re, const char *s)
{
	int ec;
	PCRE2_SIZE eo;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED,
					 PCRE2_UTF, &ec, &eo, NULL);
	bool hit = false;

	if (!code)
		return false;
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
	hit = pcre2_match(code, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL) >= 0;
	pcre2_match_data_free(md);
	pcre2_code_free(code);
	return hit;
}

/* The text predicates the tag queries use (#eq?, #not-eq?, #match?,
 * #not-match?); the others (#strip!, #select-adjacent!, ...) are about
 * doc comments, which the outline does not keep. */
static bool predicates_hold(const struct builder *b, const TSQuery *q,
			    const TSQueryMatch *m)
{
	uint32_t nsteps, len;
	const TSQueryPredicateStep *st =
		ts_query_predicates_for_pattern(q, m->pattern_index, &nsteps);
	bool ok = true;

	for (uint32_t i = 0; i < nsteps && ok;) {
		uint32_t j = i;
		while (j < nsteps && st[j].type != TSQueryPredicateStepTypeDone)
			j++;
		if (j - i == 3 && st[i].type == TSQueryPredicateStepTypeString) {
			const char *op = ts_query_string_value_for_id(
				q, st[i].value_id, &len);
			bool neg = !strncmp(op, "not-", 4);
			const char *base = neg ? op + 4 : op;
			char *x = pred_arg(b, q, m, &st[i + 1]);
			char *y = pred_arg(b, q, m, &st[i + 2]);
			if (x && y && !strcmp(base, "eq?"))
				ok = (strcmp(x, y) == 0) != neg;
			else if (x && y && !strcmp(base, "match?"))
				ok = regex_match(y, x) != neg;
			free(x);
			free(y);
		}
		i = j + 1;
	}
	return ok;
}

/* The source line where node starts, trimmed and capped at SIG_MAX bytes
 * (at a character boundary). */
static char *first_line(const struct builder *b, TSNode node)
{
	size_t s = ts_node_start_byte(node), e;

	if (s > b->n)
		s = b->n;
	while (s > 0 && b->src[s - 1] != '\n')
		s--;
	e = s;
	while (e < b->n && b->src[e] != '\n')
		e++;
	while (s < e && (b->src[s] == ' ' || b->src[s] == '\t'))
		s++;
	while (e > s && (b->src[e - 1] == ' ' || b->src[e - 1] == '\t' ||
			 b->src[e - 1] == '\r'))
		e--;
	if (e - s > SIG_MAX) {
		e = s + SIG_MAX;
		while (e > s && ((unsigned char)b->src[e] & 0xC0) == 0x80)
			e--;
	}
	char *out = xstrndup(b->src + s, e - s);
	for (char *p = out; *p; p++)
		if (*p == '\t' || *p == '\r')
			*p = ' ';
	return out;
}

static void run_tags(struct builder *b, const struct lang *l, TSNode root)
{
	TSQueryCursor *qc = ts_query_cursor_new();
	TSQueryMatch m;
	uint32_t len;

	ts_query_cursor_exec(qc, l->tq, root);
	while (ts_query_cursor_next_match(qc, &m)) {
		TSNode name_node = { { 0 }, NULL, NULL }, what = name_node;
		const char *role = NULL;
		bool have_name = false, have_what = false;

		for (uint16_t i = 0; i < m.capture_count; i++) {
			const char *cn = ts_query_capture_name_for_id(
				l->tq, m.captures[i].index, &len);
			if (len == 4 && !memcmp(cn, "name", 4)) {
				name_node = m.captures[i].node;
				have_name = true;
			} else if ((len > 11 && !strncmp(cn, "definition.", 11)) ||
				   (len > 10 && !strncmp(cn, "reference.", 10))) {
				what = m.captures[i].node;
				role = cn;
				have_what = true;
			}
		}
		if (!have_name || !have_what || !predicates_hold(b, l->tq, &m))
			continue;
		char *name = node_text(b, name_node);
		if (!*name || strchr(name, '\n')) {
			free(name);
			continue;
		}
		if (role[0] == 'r') {
			push_str(&b->refs, &b->nrefs, &b->arefs, name);
			continue;
		}
		if (b->ndefs == b->adefs) {
			b->adefs = b->adefs ? b->adefs * 2 : 16;
			b->defs = xrealloc(b->defs, b->adefs * sizeof(*b->defs));
		}
		struct tmp_def *d = &b->defs[b->ndefs++];
		const char *k = strchr(role, '.') + 1;
		d->start = ts_node_start_byte(what);
		d->end = ts_node_end_byte(what);
		d->line = ts_node_start_point(what).row + 1;
		d->kind = kind_of(k, (uint32_t)(len - (size_t)(k - role)));
		d->name = name;
		d->sig = first_line(b, what);
	}
	ts_query_cursor_delete(qc);
}

static void run_imports(struct builder *b, const struct lang *l, TSNode root)
{
	TSQueryCursor *qc = ts_query_cursor_new();
	TSQueryMatch m;
	uint32_t len;

	ts_query_cursor_exec(qc, l->iq, root);
	while (ts_query_cursor_next_match(qc, &m)) {
		if (!predicates_hold(b, l->iq, &m))
			continue;
		for (uint16_t i = 0; i < m.capture_count; i++) {
			const char *cn = ts_query_capture_name_for_id(
				l->iq, m.captures[i].index, &len);
			if (len != 6 || memcmp(cn, "import", 6))
				continue;
			char *s = node_text(b, m.captures[i].node);
			if (!*s || strchr(s, '\n') || strlen(s) > 300) {
				free(s);
				continue;
			}
			push_str(&b->imports, &b->nimports, &b->aimports, s);
		}
	}
	ts_query_cursor_delete(qc);
}

/* For grammars whose tag queries name no references (C, C++), every
 * identifier in the tree stands for one, as in Aider's fallback. */
static void identifier_refs(struct builder *b, TSNode root)
{
	TSTreeCursor cur = ts_tree_cursor_new(root);

	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&cur);
		if (ts_node_child_count(n) == 0 && ts_node_is_named(n)) {
			const char *t = ts_node_type(n);
			if (strstr(t, "identifier"))
				push_str(&b->refs, &b->nrefs, &b->arefs,
					 node_text(b, n));
		}
		if (ts_tree_cursor_goto_first_child(&cur))
			continue;
		while (!ts_tree_cursor_goto_next_sibling(&cur))
			if (!ts_tree_cursor_goto_parent(&cur))
				goto out;
	}
out:
	ts_tree_cursor_delete(&cur);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_def(const void *a, const void *b)
{
	const struct tmp_def *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)	/* the enclosing one first */
		return x->end > y->end ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->name, y->name);
}

static uint32_t add_string(struct buf *sb, const char *s)
{
	uint32_t off = (uint32_t)sb->len;

	buf_add(sb, s, strlen(s) + 1);
	return off;
}

/* Sorts and drops repeats of v; frees the dropped strings. */
static size_t uniq(char **v, size_t n)
{
	size_t k = 0;

	if (n)
		qsort(v, n, sizeof(*v), cmp_str);
	for (size_t i = 0; i < n; i++) {
		if (k && !strcmp(v[k - 1], v[i])) {
			free(v[i]);
			continue;
		}
		v[k++] = v[i];
	}
	return k;
}

/* Moves b's findings into o (strings, sorted, deduplicated). */
static void builder_finish(struct builder *b, struct outline *o)
{
	struct buf sb = BUF_INIT;
	uint32_t stack[256];
	size_t depth = 0;

	if (b->ndefs)	/* qsort wants a pointer even for none */
		qsort(b->defs, b->ndefs, sizeof(*b->defs), cmp_def);
	o->defs = xcalloc(b->ndefs ? b->ndefs : 1, sizeof(*o->defs));
	for (size_t i = 0; i < b->ndefs; i++) {
		struct tmp_def *d = &b->defs[i];
		/* Two patterns, one definition: keep the first. */
		for (size_t k = o->ndefs; k-- > 0 && o->defs[k].line == d->line;)
			if (!strcmp(sb.ptr + o->defs[k].name, d->name))
				goto drop;
		while (depth && stack[depth - 1] <= d->start)
			depth--;
		struct outline_def *od = &o->defs[o->ndefs++];
		od->name = add_string(&sb, d->name);
		od->sig = add_string(&sb, d->sig);
		od->line = d->line;
		od->kind = d->kind;
		od->depth = (uint8_t)(depth > 255 ? 255 : depth);
		if (depth < sizeof(stack) / sizeof(stack[0]))
			stack[depth++] = d->end;
drop:
		free(d->name);
		free(d->sig);
	}
	free(b->defs);
	b->nrefs = uniq(b->refs, b->nrefs);
	o->refs = xcalloc(b->nrefs ? b->nrefs : 1, sizeof(*o->refs));
	for (size_t i = 0; i < b->nrefs; i++) {
		o->refs[o->nrefs++] = add_string(&sb, b->refs[i]);
		free(b->refs[i]);
	}
	free(b->refs);
	b->nimports = uniq(b->imports, b->nimports);
	o->imports = xcalloc(b->nimports ? b->nimports : 1,
			     sizeof(*o->imports));
	for (size_t i = 0; i < b->nimports; i++) {
		o->imports[o->nimports++] = add_string(&sb, b->imports[i]);
		free(b->imports[i]);
	}
	free(b->imports);
	o->strings = buf_detach(&sb, &o->strings_len);
}

struct outline *outline_build(const git_oid *id, int lang, const char *content,
			      size_t n)
{
	struct outline *o = xcalloc(1, sizeof(*o));
	struct builder b = { content, n, NULL, 0, 0, NULL, 0, 0, NULL, 0, 0 };

	git_oid_cpy(&o->id, id);
	o->lang = lang;
	o->binary = memchr(content, '\0', n < BINARY_PROBE ? n : BINARY_PROBE)
		    != NULL;
	if (!o->binary && lang >= 0 && (size_t)lang < nlangs() &&
	    lang_ready(&langs[lang]) && n < UINT32_MAX) {
		struct lang *l = &langs[lang];
		TSParser *p = ts_parser_new();
		TSTree *t = NULL;

		/* A pathological file must not stall the agent: no outline
		 * rather than a hang. */
		ts_parser_set_timeout_micros(p, PARSE_TIMEOUT_US);
		if (ts_parser_set_language(p, l->language()))
			t = ts_parser_parse_string(p, NULL, content,
						   (uint32_t)n);
		if (t) {
			TSNode root = ts_tree_root_node(t);
			run_tags(&b, l, root);
			if (l->iq)
				run_imports(&b, l, root);
			if (!l->tag_refs)
				identifier_refs(&b, root);
			ts_tree_delete(t);
		}
		ts_parser_delete(p);
	}
	builder_finish(&b, o);
	return o;
}

void outline_free(struct outline *o)
{
	if (!o)
		return;
	free(o->strings);
	free(o->defs);
	free(o->refs);
	free(o->imports);
	free(o);
}

/* ---- disk cache -------------------------------------------------------- */

/*
 * One file per (blob, language, format): dir/ab/cdef...-lang-vN. Text, one
 * record a line:
 *   airunner-outline N        header
 *   B                         binary
 *   D kind line depth name\tsig
 *   R name
 *   I import
 */
static void cache_path(struct buf *p, const char *dir, const git_oid *id,
		       int lang)
{
	char hex[GIT_OID_HEXSZ + 1];

	git_oid_tostr(hex, sizeof(hex), id);
	buf_addf(p, "%s/%.2s/%s-%s-v%d", dir, hex, hex + 2,
		 lang >= 0 ? outline_lang_name(lang) : "none",
		 OUTLINE_FORMAT);
}

int outline_load(const char *dir, const git_oid *id, int lang,
		 struct outline **out)
{
	struct buf p = BUF_INIT, c = BUF_INIT;
	struct builder b = { NULL, 0, NULL, 0, 0, NULL, 0, 0, NULL, 0, 0 };
	struct outline *o = NULL;
	char hdr[32];
	int rc = -1;

	cache_path(&p, dir, id, lang);
	if (buf_read_file(&c, p.ptr, 64 << 20) < 0)
		goto out;
	snprintf(hdr, sizeof(hdr), "airunner-outline %d\n", OUTLINE_FORMAT);
	if (strncmp(c.ptr, hdr, strlen(hdr)))
		goto out;
	o = xcalloc(1, sizeof(*o));
	git_oid_cpy(&o->id, id);
	o->lang = lang;
	for (char *line = c.ptr + strlen(hdr), *nl; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!nl)
			goto bad;
		*nl = '\0';
		if (line[0] == 'B' && !line[1]) {
			o->binary = true;
		} else if (line[0] == 'R' && line[1] == ' ') {
			push_str(&b.refs, &b.nrefs, &b.arefs,
				 xstrdup(line + 2));
		} else if (line[0] == 'I' && line[1] == ' ') {
			push_str(&b.imports, &b.nimports, &b.aimports,
				 xstrdup(line + 2));
		} else if (line[0] == 'D' && line[1] == ' ') {
			unsigned kind, ln, depth;
			int used = 0;
			if (sscanf(line + 2, "%u %u %u %n", &kind, &ln, &depth,
				   &used) != 3 || !used)
				goto bad;
			char *name = line + 2 + used, *tab = strchr(name, '\t');
			if (!tab)
				goto bad;
			if (b.ndefs == b.adefs) {
				b.adefs = b.adefs ? b.adefs * 2 : 16;
				b.defs = xrealloc(b.defs, b.adefs * sizeof(*b.defs));
			}
			/* Nesting is stored; start/end rebuild the order. */
			struct tmp_def *d = &b.defs[b.ndefs];
			d->start = (uint32_t)b.ndefs;
			d->end = depth;
			d->line = ln;
			d->kind = (uint8_t)kind;
			d->name = xstrndup(name, (size_t)(tab - name));
			d->sig = xstrdup(tab + 1);
			b.ndefs++;
		} else {
			goto bad;
		}
	}
	{
		/* builder_finish recomputes depth from ranges; loaded defs
		 * carry their depth in `end`, so set it back afterwards. */
		uint8_t *depths = xcalloc(b.ndefs ? b.ndefs : 1, 1);
		for (size_t i = 0; i < b.ndefs; i++) {
			depths[i] = (uint8_t)b.defs[i].end;
			b.defs[i].end = b.defs[i].start + 1;
		}
		builder_finish(&b, o);
		for (size_t i = 0; i < o->ndefs; i++)
			o->defs[i].depth = depths[i];
		free(depths);
	}
	*out = o;
	o = NULL;
	rc = 0;
	goto out;
bad:
	for (size_t i = 0; i < b.ndefs; i++) {
		free(b.defs[i].name);
		free(b.defs[i].sig);
	}
	free(b.defs);
	for (size_t i = 0; i < b.nrefs; i++)
		free(b.refs[i]);
	free(b.refs);
	for (size_t i = 0; i < b.nimports; i++)
		free(b.imports[i]);
	free(b.imports);
out:
	outline_free(o);
	buf_release(&p);
	buf_release(&c);
	return rc;
}

void outline_store(const char *dir, const struct outline *o)
{
	struct buf p = BUF_INIT, tmp = BUF_INIT, c = BUF_INIT;
	int fd = -1;

	buf_addf(&c, "airunner-outline %d\n", OUTLINE_FORMAT);
	if (o->binary)
		buf_adds(&c, "B\n");
	for (size_t i = 0; i < o->ndefs; i++) {
		const struct outline_def *d = &o->defs[i];
		buf_addf(&c, "D %u %u %u %s\t%s\n", d->kind, d->line, d->depth,
			 outline_str(o, d->name), outline_str(o, d->sig));
	}
	for (size_t i = 0; i < o->nrefs; i++)
		buf_addf(&c, "R %s\n", outline_str(o, o->refs[i]));
	for (size_t i = 0; i < o->nimports; i++)
		buf_addf(&c, "I %s\n", outline_str(o, o->imports[i]));

	cache_path(&p, dir, &o->id, o->lang);
	/* The two-hex folder: made on demand, private like the state dir. */
	char *slash = strrchr(p.ptr, '/');
	*slash = '\0';
	if (mkdir(p.ptr, 0700) < 0 && errno != EEXIST)
		goto out;
	*slash = '/';
	/* Written aside, then renamed: a reader never sees half a file. */
	buf_addf(&tmp, "%s.%ld.tmp", p.ptr, (long)getpid());
	fd = open(tmp.ptr, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		goto out;
	size_t off = 0;
	while (off < c.len) {
		ssize_t w = write(fd, c.ptr + off, c.len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	if (close(fd) < 0 || off != c.len || rename(tmp.ptr, p.ptr) < 0)
		unlink(tmp.ptr);
	fd = -1;
out:
	buf_release(&p);
	buf_release(&tmp);
	buf_release(&c);
}
