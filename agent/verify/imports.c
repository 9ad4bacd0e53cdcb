/*
 * The imports check: relative (and tsconfig `paths`) imports of a JS/TS file
 * that resolve to no file, found in-process without running a tool.
 *
 * The scanner is a small lexer, not a parser: it skips comments, strings and
 * template literals, and looks at the words `from`, `import` and `require`
 * followed by a string literal (or `(` and one). That covers static imports
 * and re-exports (`... from './x'`), bare imports (`import './x'`), dynamic
 * imports and require calls, and nothing inside a comment or a string.
 */
#include "verify/checks.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "json/json.h"
#include "util/mem.h"

#define SOURCE_MAX (8u << 20) /* larger files are generated: not checked */
#define DEEP_IMPORT_LEVELS 3

/* Extensions tried on an import without one, in TypeScript's order. */
static const char *const exts[] = { ".ts", ".tsx", ".d.ts", ".js", ".jsx",
				    ".mjs", ".cjs", ".mts", ".cts", NULL };

void verify_tsconfig_release(struct verify_tsconfig *tc)
{
	free(tc->base_url);
	free(tc->dir);
	strv_release(&tc->path_keys);
	strv_release(&tc->path_targets);
	memset(tc, 0, sizeof(*tc));
}

int verify_tsconfig_load(struct verify_tsconfig *tc, const char *root,
			 struct err *e)
{
	struct buf path = BUF_INIT, raw = BUF_INIT, src = BUF_INIT;
	struct json_doc doc = JSON_DOC_INIT;
	int opts, paths, key, r = -1;

	memset(tc, 0, sizeof(*tc));
	tc->dir = xstrdup(root);
	buf_addf(&path, "%s/tsconfig.json", root);
	if (buf_read_file(&raw, path.ptr, SOURCE_MAX) < 0) {
		r = 0; /* no tsconfig: relative imports only */
		goto out;
	}
	verify_jsonc_strip(raw.ptr, raw.len, &src);
	if (json_parse(&doc, src.ptr, src.len, JSON_MAX_DEPTH_DEFAULT, e) < 0) {
		err_prefix(e, "%s", path.ptr);
		goto out;
	}
	opts = json_get(&doc, 0, "compilerOptions");
	if (json_type(&doc, json_get(&doc, opts, "baseUrl")) == JSON_STRING) {
		char *b = json_strdup(&doc, json_get(&doc, opts, "baseUrl"));
		struct buf abs = BUF_INIT;

		if (b) {
			buf_addf(&abs, "%s/%s", root, b);
			tc->base_url = buf_detach(&abs, NULL);
		}
		free(b);
	}
	paths = json_get(&doc, opts, "paths");
	if (json_type(&doc, paths) == JSON_OBJECT) {
		for (key = json_first(&doc, paths); key >= 0;
		     key = json_next(&doc, key)) {
			int arr = json_member_value(&doc, key), t;
			struct buf targets = BUF_INIT;
			char *k = json_strdup(&doc, key);

			if (!k || json_type(&doc, arr) != JSON_ARRAY) {
				free(k);
				continue;
			}
			for (t = json_first(&doc, arr); t >= 0;
			     t = json_next(&doc, t)) {
				char *s = json_strdup(&doc, t);

				if (s && !strchr(s, '\n'))
					buf_addf(&targets, "%s%s",
						 targets.len ? "\n" : "", s);
				free(s);
			}
			strv_push(&tc->path_keys, k);
			strv_push(&tc->path_targets, buf_detach(&targets, NULL));
		}
	}
	r = 0;
out:
	if (r < 0)
		verify_tsconfig_release(tc);
	json_doc_release(&doc);
	buf_release(&path);
	buf_release(&raw);
	buf_release(&src);
	return r;
}

/* ---- resolution ---- */

static bool is_file(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* base is a path without the extension the import may leave out. */
static bool resolve_base(const char *base)
{
	struct buf p = BUF_INIT;
	size_t n = strlen(base), i;
	bool ok = false;

	buf_adds(&p, base);
	if (is_file(p.ptr)) {
		ok = true;
		goto out;
	}
	for (i = 0; exts[i] && !ok; i++) {
		buf_truncate(&p, n);
		buf_adds(&p, exts[i]);
		ok = is_file(p.ptr);
	}
	for (i = 0; exts[i] && !ok; i++) {
		buf_truncate(&p, n);
		buf_addf(&p, "/index%s", exts[i]);
		ok = is_file(p.ptr);
	}
	/* TypeScript's ESM style names the output: './x.js' for x.ts. */
	if (!ok && n > 3) {
		static const char *const out_ext[][3] = {
			{ ".js", ".ts", ".tsx" },
			{ ".jsx", ".tsx", NULL },
			{ ".mjs", ".mts", NULL },
			{ ".cjs", ".cts", NULL },
		};

		for (i = 0; i < 4 && !ok; i++) {
			size_t el = strlen(out_ext[i][0]);

			if (n <= el || strcmp(base + n - el, out_ext[i][0]))
				continue;
			for (size_t j = 1; j < 3 && out_ext[i][j] && !ok; j++) {
				buf_truncate(&p, n - el);
				buf_adds(&p, out_ext[i][j]);
				ok = is_file(p.ptr);
			}
		}
	}
out:
	buf_release(&p);
	return ok;
}

/* tsconfig paths: 1 resolved, 0 matched a key but resolved nowhere, -1 no
 * key matched. */
static int resolve_paths(const struct verify_tsconfig *tc, const char *spec)
{
	const char *base = tc->base_url ? tc->base_url : tc->dir;
	size_t i, sl = strlen(spec);

	for (i = 0; i < tc->path_keys.n; i++) {
		const char *key = tc->path_keys.v[i];
		const char *star = strchr(key, '*');
		const char *t = tc->path_targets.v[i];
		size_t pre, suf;
		const char *mid;
		size_t midlen;

		if (!star) {
			if (strcmp(key, spec))
				continue;
			mid = "";
			midlen = 0;
		} else {
			pre = (size_t)(star - key);
			suf = strlen(star + 1);
			if (sl < pre + suf || strncmp(spec, key, pre) ||
			    strcmp(spec + sl - suf, star + 1))
				continue;
			mid = spec + pre;
			midlen = sl - pre - suf;
		}
		while (*t) {
			const char *nl = strchr(t, '\n');
			size_t tl = nl ? (size_t)(nl - t) : strlen(t);
			struct buf cand = BUF_INIT;
			const char *ts = memchr(t, '*', tl);
			bool ok;

			buf_addf(&cand, "%s/", base);
			if (ts) {
				buf_add(&cand, t, (size_t)(ts - t));
				buf_add(&cand, mid, midlen);
				buf_add(&cand, ts + 1, tl - (size_t)(ts - t) - 1);
			} else
				buf_add(&cand, t, tl);
			ok = resolve_base(cand.ptr);
			buf_release(&cand);
			if (ok)
				return 1;
			t += tl + (nl ? 1 : 0);
		}
		return 0;
	}
	return -1;
}

static int up_levels(const char *spec)
{
	int n = 0;

	if (!strncmp(spec, "./", 2))
		spec += 2;
	while (!strncmp(spec, "../", 3) || !strcmp(spec, "..")) {
		n++;
		spec += spec[2] ? 3 : 2;
	}
	return n;
}

static void add_diag(struct diag_list *out, const char *rel, int line,
		     int col, enum diag_severity sev, const char *code,
		     const char *category, char *message, char *hint)
{
	struct diag *d = diag_list_push(out);

	d->file = xstrdup(rel);
	d->line = line;
	d->column = col;
	d->severity = sev;
	d->code = xstrdup(code);
	d->category = category;
	d->message = message;
	d->hint = hint;
	d->tool = xstrdup("imports");
}

static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));

static char *fmt(const char *f, ...)
{
	struct buf s = BUF_INIT;
	va_list ap;

	va_start(ap, f);
	buf_vaddf(&s, f, ap);
	va_end(ap);
	return buf_detach(&s, NULL);
}

static void check_spec(const char *root, const char *rel,
		       const struct verify_tsconfig *tc, const char *spec,
		       int line, int col, struct diag_list *out)
{
	bool relative = spec[0] == '.' &&
			(spec[1] == '/' || !spec[1] ||
			 (spec[1] == '.' && (spec[2] == '/' || !spec[2])));
	int r;

	if (relative) {
		struct buf base = BUF_INIT;
		const char *slash = strrchr(rel, '/');
		int up = up_levels(spec);

		buf_addf(&base, "%s/", root);
		if (slash)
			buf_add(&base, rel, (size_t)(slash - rel) + 1);
		buf_adds(&base, spec);
		r = resolve_base(base.ptr);
		buf_release(&base);
		if (!r) {
			add_diag(out, rel, line, col, DIAG_ERROR,
				 "unresolved-import", CAT_IMPORT_RESOLUTION,
				 fmt("cannot resolve import '%s'", spec),
				 fmt("no file matches '%s' from %s (tried the "
				     "name as is, with .ts .tsx .d.ts .js .jsx "
				     ".mjs .cjs, and /index.*): fix the path "
				     "or its case, or add the file",
				     spec, rel));
		} else if (up > DEEP_IMPORT_LEVELS) {
			add_diag(out, rel, line, col, DIAG_WARNING,
				 "deep-relative-import", CAT_LINT_VIOLATION,
				 fmt("import '%s' reaches up %d folders", spec,
				     up),
				 fmt("import '%s' climbs %d levels: a path "
				     "alias (tsconfig paths) keeps it stable "
				     "when files move",
				     spec, up));
		}
		return;
	}
	if (!tc || spec[0] == '/')
		return;
	r = resolve_paths(tc, spec);
	if (r == 0)
		add_diag(out, rel, line, col, DIAG_ERROR, "unresolved-import",
			 CAT_IMPORT_RESOLUTION,
			 fmt("cannot resolve import '%s'", spec),
			 fmt("'%s' matches a tsconfig paths entry but no file "
			     "is there (from %s): fix the path or the mapping",
			     spec, rel));
	/* Otherwise a package, or baseUrl-relative: node_modules is not
	 * ours to judge (tsc does). */
}

/* ---- the scanner ---- */

struct scan {
	const char *s;
	size_t n, i;
	int line;
	size_t line_start;
};

static void adv(struct scan *sc)
{
	if (sc->s[sc->i] == '\n') {
		sc->line++;
		sc->line_start = sc->i + 1;
	}
	sc->i++;
}

static bool is_ident(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '$' ||
	       (unsigned char)c >= 0x80;
}

/* Skips blanks and comments. */
static void skip_space(struct scan *sc)
{
	while (sc->i < sc->n) {
		char c = sc->s[sc->i];

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			adv(sc);
		} else if (c == '/' && sc->i + 1 < sc->n &&
			   sc->s[sc->i + 1] == '/') {
			while (sc->i < sc->n && sc->s[sc->i] != '\n')
				adv(sc);
		} else if (c == '/' && sc->i + 1 < sc->n &&
			   sc->s[sc->i + 1] == '*') {
			adv(sc);
			adv(sc);
			while (sc->i < sc->n &&
			       !(sc->s[sc->i] == '*' && sc->i + 1 < sc->n &&
				 sc->s[sc->i + 1] == '/'))
				adv(sc);
			if (sc->i < sc->n) {
				adv(sc);
				adv(sc);
			}
		} else
			break;
	}
}

/* Reads a '...' or "..." literal at i into out (escapes kept simple: a
 * backslash takes the next byte). Returns false if none is there. */
static bool read_string(struct scan *sc, struct buf *out)
{
	char q;

	if (sc->i >= sc->n)
		return false;
	q = sc->s[sc->i];
	if (q != '\'' && q != '"')
		return false;
	adv(sc);
	while (sc->i < sc->n && sc->s[sc->i] != q && sc->s[sc->i] != '\n') {
		if (sc->s[sc->i] == '\\' && sc->i + 1 < sc->n)
			adv(sc);
		buf_addch(out, sc->s[sc->i]);
		adv(sc);
	}
	if (sc->i >= sc->n || sc->s[sc->i] != q)
		return false;
	adv(sc);
	return true;
}

static void skip_template(struct scan *sc)
{
	adv(sc); /* ` */
	while (sc->i < sc->n && sc->s[sc->i] != '`') {
		if (sc->s[sc->i] == '\\' && sc->i + 1 < sc->n)
			adv(sc);
		adv(sc);
	}
	if (sc->i < sc->n)
		adv(sc);
}

static bool word_at(const struct scan *sc, size_t start, size_t end,
		    const char *w)
{
	return end - start == strlen(w) && !memcmp(sc->s + start, w, end - start);
}

int verify_imports_file(const char *root, const char *rel,
			const struct verify_tsconfig *tc,
			struct diag_list *out, struct err *e)
{
	struct buf path = BUF_INIT, src = BUF_INIT, spec = BUF_INIT;
	struct scan sc = { 0 };
	int r = -1;

	buf_addf(&path, "%s/%s", root, rel);
	if (buf_read_file(&src, path.ptr, SOURCE_MAX) < 0) {
		err_set_errno(e, ERR_IO, "%s", rel);
		goto out;
	}
	sc.s = src.ptr;
	sc.n = src.len;
	sc.line = 1;
	while (sc.i < sc.n) {
		char c = sc.s[sc.i];
		size_t start, end;
		bool dotted;

		if (c == '/' && sc.i + 1 < sc.n &&
		    (sc.s[sc.i + 1] == '/' || sc.s[sc.i + 1] == '*')) {
			skip_space(&sc);
			continue;
		}
		if (c == '\'' || c == '"') {
			buf_reset(&spec);
			if (!read_string(&sc, &spec))
				adv(&sc);
			continue;
		}
		if (c == '`') {
			skip_template(&sc);
			continue;
		}
		if (!is_ident(c)) {
			adv(&sc);
			continue;
		}
		/* A word; `x.import` or `a.from` is a property, not ours. */
		dotted = sc.i > 0 && sc.s[sc.i - 1] == '.';
		start = sc.i;
		while (sc.i < sc.n && is_ident(sc.s[sc.i]))
			adv(&sc);
		end = sc.i;
		if (dotted)
			continue;
		if (word_at(&sc, start, end, "from") ||
		    word_at(&sc, start, end, "import") ||
		    word_at(&sc, start, end, "require")) {
			bool call = false;
			int line;
			int col;

			skip_space(&sc);
			if (sc.i < sc.n && sc.s[sc.i] == '(' &&
			    !word_at(&sc, start, end, "from")) {
				call = true;
				adv(&sc);
				skip_space(&sc);
			}
			if (word_at(&sc, start, end, "require") && !call)
				continue;
			line = sc.line;
			col = (int)(sc.i - sc.line_start) + 1;
			buf_reset(&spec);
			if (sc.i < sc.n && read_string(&sc, &spec) &&
			    !memchr(spec.ptr, '\0', spec.len)) {
				if (call) {
					skip_space(&sc);
					/* import(`./${x}`) or a + b: not a
					 * literal path, skip. */
					if (sc.i >= sc.n || sc.s[sc.i] != ')')
						continue;
				}
				check_spec(root, rel, tc, spec.ptr, line, col,
					   out);
			}
		}
	}
	r = 0;
out:
	buf_release(&path);
	buf_release(&src);
	buf_release(&spec);
	return r;
}
