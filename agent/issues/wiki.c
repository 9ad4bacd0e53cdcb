/*
 * Jira wiki markup (Jira Server / Data Center's text format) to Markdown.
 *
 * Line by line: {code}, {noformat}, {quote} and {panel} are blocks that
 * span lines; headings (h1.), quotes (bq.), lists (*, #, -, nested by
 * repeating: "#*"), tables (||head|| and |cell|) and rules (----) are
 * recognised at a line's start; everything else is a paragraph line whose
 * inline markup (*strong*, _em_, -strike-, +ins+, {{mono}}, [text|url],
 * [~user], !image!, {color}, \\ breaks) is rewritten. Markup Jira would not
 * read as such (an unclosed *) stays literal.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "issues/internal.h"
#include "issues/issues.h"
#include "util/mem.h"

static bool word_char(int c)
{
	return isalnum(c) || c >= 0x80;
}

/* The closing `c` of an inline span opened at s[i]: not preceded by a
 * space, followed by a non-word character; n when none on this line. */
static size_t span_close(const char *s, size_t i, size_t n, char c)
{
	if (i + 1 >= n || s[i + 1] == ' ' || s[i + 1] == c)
		return n;
	for (size_t j = i + 2; j < n; j++) {
		if (s[j] == '\\') {
			j++;
			continue;
		}
		if (s[j] == c && s[j - 1] != ' ' &&
		    (j + 1 == n || !word_char((unsigned char)s[j + 1])))
			return j;
	}
	return n;
}

/* Spans nest at most this deep; deeper markup is text. */
#define WIKI_MAX_DEPTH 16

static void inline_wiki_at(struct buf *out, const char *s, size_t n,
			   int depth);

static void inline_wiki(struct buf *out, const char *s, size_t n)
{
	inline_wiki_at(out, s, n, 0);
}

static void add_link(struct buf *out, const char *s, size_t n)
{
	const char *bar = memchr(s, '|', n);
	const char *text = s, *url = s;
	size_t tn = n, un = n;

	if (n && s[0] == '~') { /* [~username] */
		buf_addch(out, '@');
		buf_add(out, s + 1, n - 1);
		return;
	}
	if (n && s[0] == '^') { /* [^attachment.txt] */
		buf_adds(out, "[attachment: ");
		issue_md_escape(out, s + 1, n - 1);
		buf_addch(out, ']');
		return;
	}
	if (bar) {
		tn = (size_t)(bar - s);
		url = bar + 1;
		un = n - tn - 1;
	}
	if (!bar && (issue_has_prefix(url, un, "http") ||
		     issue_has_prefix(url, un, "mailto:"))) {
		buf_addch(out, '<');
		buf_add(out, url, un);
		buf_addch(out, '>');
		return;
	}
	buf_addch(out, '[');
	inline_wiki(out, text, tn);
	buf_adds(out, "](");
	issue_md_add_url(out, url, un);
	buf_addch(out, ')');
}

/*
 * Each search for a closing marker that fails is remembered (fail[c]: the
 * first position it failed from): a search from further on would fail too,
 * so a line of a thousand unclosed markers costs one scan, not a thousand.
 */
static bool may_close(const size_t *fail, char c, size_t i)
{
	return i < fail[(unsigned char)c & 127];
}

static void failed(size_t *fail, char c, size_t i)
{
	if (i < fail[(unsigned char)c & 127])
		fail[(unsigned char)c & 127] = i;
}

static void inline_wiki_at(struct buf *out, const char *s, size_t n,
			   int depth)
{
	size_t i = 0, fail[128];

	for (size_t k = 0; k < 128; k++)
		fail[k] = (size_t)-1;
	while (i < n) {
		char c = s[i];
		size_t e = n;
		bool open_ok = (i == 0 || !word_char((unsigned char)s[i - 1])) &&
			       depth < WIKI_MAX_DEPTH;

		if (c == '\\' && i + 1 < n && s[i + 1] == '\\') {
			buf_adds(out, "\\\n"); /* \\ is a line break */
			i += 2;
			while (i < n && s[i] == ' ')
				i++;
		} else if (c == '\\' && i + 1 < n) {
			issue_md_escape(out, s + i + 1, 1);
			i += 2;
		} else if (c == '{' && i + 1 < n && s[i + 1] == '{' &&
			   may_close(fail, '{', i) &&
			   ((e = (size_t)((const char *)memmem(s + i + 2,
							      n - i - 2, "}}",
							      2) ?: s + n) -
				 (size_t)s) < n ||
			    (failed(fail, '{', i), false))) {
			size_t a = i + 2, run = 0, longest = 0;

			for (size_t k = a; k < e; k++) {
				run = s[k] == '`' ? run + 1 : 0;
				if (run > longest)
					longest = run;
			}
			for (size_t k = 0; k <= longest; k++)
				buf_addch(out, '`');
			buf_add(out, s + a, e - a);
			for (size_t k = 0; k <= longest; k++)
				buf_addch(out, '`');
			i = e + 2;
		} else if (c == '{' && (issue_has_prefix(s + i, n - i, "{color") ||
					issue_has_prefix(s + i, n - i, "{anchor")) &&
			   may_close(fail, '}', i) &&
			   (memchr(s + i, '}', n - i) ||
			    (failed(fail, '}', i), false))) {
			/* colours and anchors have no Markdown: dropped */
			i = (size_t)((const char *)memchr(s + i, '}', n - i) -
				     s) + 1;
		} else if (c == '[' && may_close(fail, '[', i) &&
			   (memchr(s + i, ']', n - i) ||
			    (failed(fail, '[', i), false))) {
			e = (size_t)((const char *)memchr(s + i, ']', n - i) - s);
			add_link(out, s + i + 1, e - i - 1);
			i = e + 1;
		} else if (c == '!' && i + 1 < n && s[i + 1] != ' ' &&
			   s[i + 1] != '!' && may_close(fail, '!', i) &&
			   ((e = span_close(s, i, n, '!')) < n ||
			    (failed(fail, '!', i), false))) {
			const char *bar = memchr(s + i + 1, '|', e - i - 1);
			size_t fn = bar ? (size_t)(bar - s) - i - 1 : e - i - 1;

			buf_adds(out, "![");
			issue_md_escape(out, s + i + 1, fn);
			buf_adds(out, "](");
			issue_md_add_url(out, s + i + 1, fn);
			buf_addch(out, ')');
			i = e + 1;
		} else if (open_ok && c != '?' && issue_in_set(c, "*_-+^~") &&
			   i + 1 < n && s[i + 1] != ' ' && s[i + 1] != c &&
			   may_close(fail, c, i) &&
			   ((e = span_close(s, i, n, c)) < n ||
			    (failed(fail, c, i), false))) {
			const char *md = c == '*' ? "**" : c == '_' ? "*"
					 : c == '-' ? "~~" : "";

			buf_adds(out, md);
			inline_wiki_at(out, s + i + 1, e - i - 1, depth + 1);
			buf_adds(out, md);
			i = e + 1;
		} else if (open_ok && c == '?' && i + 1 < n && s[i + 1] == '?' &&
			   may_close(fail, '?', i) &&
			   ((e = (size_t)((const char *)memmem(s + i + 2,
							      n - i - 2, "??",
							      2) ?: s + n) -
				 (size_t)s) < n ||
			    (failed(fail, '?', i), false))) {
			buf_addch(out, '*'); /* ??citation?? */
			inline_wiki_at(out, s + i + 2, e - i - 2, depth + 1);
			buf_addch(out, '*');
			i = e + 2;
		} else {
			/* plain text, escaped for Markdown in runs */
			size_t j = i + 1;

			while (j < n && !strchr("\\{[!*_-+?^~", s[j]))
				j++;
			if (c == '_' && i > 0 && word_char((unsigned char)s[i - 1]) &&
			    i + 1 < n && word_char((unsigned char)s[i + 1]))
				j = i + 1, buf_addch(out, '_'); /* snake_case */
			else
				issue_md_escape(out, s + i, j - i);
			i = j;
		}
	}
}

/* ---- blocks ---- */

struct line {
	const char *p;
	size_t n;
};

static bool starts(const struct line *l, const char *tag)
{
	size_t k = strlen(tag);

	return l->n >= k && !strncasecmp(l->p, tag, k);
}

/* A block macro's opening line, "{code:java}" or "{code:title=x|
 * language=go}": the language, if given. Returns the offset after '}'. */
static size_t macro_open(const struct line *l, const char *name,
			 struct buf *lang)
{
	size_t k = strlen(name), i;
	const char *close;

	if (l->n < k + 2 || l->p[0] != '{' || strncasecmp(l->p + 1, name, k) ||
	    (l->p[k + 1] != '}' && l->p[k + 1] != ':'))
		return 0;
	close = memchr(l->p, '}', l->n);
	if (!close)
		return 0;
	for (i = k + 2; l->p[k + 1] == ':' && i < (size_t)(close - l->p);) {
		size_t j = i;
		const char *eq;

		while (j < (size_t)(close - l->p) && l->p[j] != '|')
			j++;
		eq = memchr(l->p + i, '=', j - i);
		if (!eq && lang && !lang->len)
			buf_add(lang, l->p + i, j - i);
		else if (eq && lang && (size_t)(eq - l->p) - i == 8 &&
			 !strncmp(l->p + i, "language", 8)) {
			buf_reset(lang);
			buf_add(lang, eq + 1, j - (size_t)(eq + 1 - l->p));
		} else if (eq && lang && !strcmp(name, "panel") &&
			   (size_t)(eq - l->p) - i == 5 &&
			   !strncmp(l->p + i, "title", 5)) {
			buf_reset(lang);
			buf_add(lang, eq + 1, j - (size_t)(eq + 1 - l->p));
		}
		i = j + 1;
	}
	return (size_t)(close - l->p) + 1;
}

static void add_fence(struct buf *out, const char *code, size_t n,
		      const char *lang)
{
	size_t run = 0, fence = 3;

	for (size_t i = 0; i < n; i++) {
		run = code[i] == '`' ? run + 1 : 0;
		if (run >= fence)
			fence = run + 1;
	}
	for (size_t i = 0; i < fence; i++)
		buf_addch(out, '`');
	buf_adds(out, lang);
	buf_addch(out, '\n');
	buf_add(out, code, n);
	if (n && code[n - 1] != '\n')
		buf_addch(out, '\n');
	for (size_t i = 0; i < fence; i++)
		buf_addch(out, '`');
}

/* Splits a table row into cells on '|' outside [links] and {{mono}}. */
static void add_row(struct buf *out, const char *s, size_t n, int *ncols)
{
	size_t i = 0, cells = 0;
	bool header = n >= 2 && s[0] == '|' && s[1] == '|';

	while (i < n && s[i] == '|')
		i++;
	buf_addch(out, '|');
	while (i < n) {
		size_t j = i;
		int br = 0, mono = 0;
		struct buf cell = BUF_INIT;

		for (; j < n; j++) {
			if (s[j] == '[')
				br++;
			else if (s[j] == ']' && br)
				br--;
			else if (issue_has_prefix(s + j, n - j, "{{"))
				mono = 1;
			else if (issue_has_prefix(s + j, n - j, "}}"))
				mono = 0;
			else if (s[j] == '|' && !br && !mono)
				break;
		}
		inline_wiki(&cell, s + i, j - i);
		issue_md_trim_end(&cell);
		buf_addch(out, ' ');
		for (size_t k = 0; k < cell.len; k++) {
			if (cell.ptr[k] == '|')
				buf_addch(out, '\\');
			if (cell.ptr[k] == '\n')
				buf_adds(out, "<br>");
			else
				buf_addch(out, cell.ptr[k]);
		}
		buf_adds(out, cell.len && cell.ptr[0] == ' ' ? "|" : " |");
		buf_release(&cell);
		cells++;
		i = j;
		while (i < n && s[i] == '|')
			i++;
		while (i < n && s[i] == ' ')
			i++;
	}
	(void)header;
	if ((int)cells > *ncols && *ncols >= 0)
		*ncols = (int)cells;
}

static void convert_lines(struct buf *out, struct line *lines, size_t nl);

/* Collects the lines up to the closing {name}; the text between. */
static size_t block_body(struct line *lines, size_t nl, size_t i,
			 size_t after_open, const char *name, struct buf *body)
{
	struct buf tag = BUF_INIT;
	const char *close;
	size_t cl;
	struct line first = { lines[i].p + after_open,
			      lines[i].n - after_open };
	const char *end;

	buf_addf(&tag, "{%s}", name);
	close = tag.ptr;
	cl = tag.len;
	/* the opening line may hold text, even the close */
	end = memmem(first.p, first.n, close, cl);
	if (end) {
		buf_add(body, first.p, (size_t)(end - first.p));
		buf_release(&tag);
		return i + 1;
	}
	if (first.n) {
		buf_add(body, first.p, first.n);
		buf_addch(body, '\n');
	}
	for (i++; i < nl; i++) {
		end = memmem(lines[i].p, lines[i].n, close, cl);
		if (end) {
			buf_add(body, lines[i].p, (size_t)(end - lines[i].p));
			buf_release(&tag);
			return i + 1;
		}
		buf_add(body, lines[i].p, lines[i].n);
		buf_addch(body, '\n');
	}
	buf_release(&tag);
	return nl; /* unclosed: to the end, as Jira does */
}

static bool all_dashes(const struct line *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->p[i] != '-')
			return false;
	return true;
}

/* The list markers of a line ("**", "#*"), or 0. */
static size_t list_depth(const struct line *l)
{
	size_t k = 0;

	while (k < l->n && (l->p[k] == '*' || l->p[k] == '#' ||
			    (l->p[k] == '-' && k == 0)))
		k++;
	if (!k || k >= l->n || l->p[k] != ' ')
		return 0;
	if (l->p[0] == '-' && k > 1)
		return 0;
	if (k == 4 && !strncmp(l->p, "----", 4))
		return 0;
	return k;
}

static void sep(struct buf *out)
{
	issue_md_trim_end(out);
	if (out->len)
		buf_adds(out, "\n\n");
}

static void convert_lines(struct buf *out, struct line *lines, size_t nl)
{
	size_t i = 0;

	while (i < nl) {
		struct line *l = &lines[i];
		struct buf lang = BUF_INIT, body = BUF_INIT;
		size_t k, lead = 0;

		while (lead < l->n && (l->p[lead] == ' ' || l->p[lead] == '\t'))
			lead++;
		l->p += lead;
		l->n -= lead;
		if (!l->n) {
			i++;
		} else if ((k = macro_open(l, "code", &lang)) ||
			   (k = macro_open(l, "noformat", NULL))) {
			bool code = starts(l, "{code");

			i = block_body(lines, nl, i, k,
				       code ? "code" : "noformat", &body);
			sep(out);
			/* a block's first line break is Jira's, not the code's */
			if (body.len && body.ptr[0] == '\n')
				buf_consume(&body, 1);
			while (body.len && body.ptr[body.len - 1] == '\n')
				buf_truncate(&body, body.len - 1);
			add_fence(out, body.ptr, body.len, lang.ptr);
		} else if ((k = macro_open(l, "quote", NULL)) ||
			   (k = macro_open(l, "panel", &lang))) {
			struct buf inner = BUF_INIT;
			bool panel = starts(l, "{panel");

			i = block_body(lines, nl, i, k,
				       panel ? "panel" : "quote", &body);
			if (lang.len) {
				buf_adds(&inner, "**");
				issue_md_escape(&inner, lang.ptr, lang.len);
				buf_adds(&inner, "**\n\n");
			}
			issue_wiki_to_markdown(&inner, body.ptr, body.len);
			issue_md_trim_end(&inner);
			sep(out);
			issue_md_prefix_lines(out, inner.ptr, inner.len, "> ", 0);
			buf_release(&inner);
		} else if (l->n >= 3 && l->p[0] == 'h' && l->p[1] >= '1' &&
			   l->p[1] <= '6' && l->p[2] == '.') {
			sep(out);
			for (int h = 0; h < l->p[1] - '0'; h++)
				buf_addch(out, '#');
			buf_addch(out, ' ');
			k = 3;
			while (k < l->n && l->p[k] == ' ')
				k++;
			inline_wiki(out, l->p + k, l->n - k);
			i++;
		} else if (starts(l, "bq. ")) {
			sep(out);
			buf_adds(out, "> ");
			inline_wiki(out, l->p + 4, l->n - 4);
			i++;
		} else if (l->n >= 4 && all_dashes(l)) {
			sep(out);
			buf_adds(out, "---");
			i++;
		} else if (l->p[0] == '|') {
			int ncols = 0, row = 0;

			sep(out);
			for (; i < nl && lines[i].n && lines[i].p[0] == '|';
			     i++, row++) {
				add_row(out, lines[i].p, lines[i].n, &ncols);
				buf_addch(out, '\n');
				if (row == 0) {
					buf_addch(out, '|');
					for (int c = 0; c < ncols; c++)
						buf_adds(out, " --- |");
					buf_addch(out, '\n');
				}
			}
		} else if ((k = list_depth(l))) {
			/* a run of list lines; each nests under the markers
			 * of the ones before it */
			size_t widths[16] = { 0 };

			sep(out);
			for (; i < nl && (k = list_depth(&lines[i])); i++) {
				struct line *x = &lines[i];
				size_t indent = 0;
				char last = x->p[k - 1];

				for (size_t d = 0; d + 1 < k && d < 16; d++)
					indent += widths[d] ? widths[d] : 2;
				for (size_t s = 0; s < indent; s++)
					buf_addch(out, ' ');
				if (k <= 16)
					widths[k - 1] = last == '#' ? 3 : 2;
				buf_adds(out, last == '#' ? "1. " : "- ");
				inline_wiki(out, x->p + k + 1, x->n - k - 1);
				buf_addch(out, '\n');
			}
		} else {
			/* a paragraph: lines up to a blank or a block */
			struct buf para = BUF_INIT;

			sep(out);
			while (i < nl && lines[i].n) {
				struct line *x = &lines[i];

				if (para.len &&
				    (x->p[0] == '|' || x->p[0] == '{' ||
				     list_depth(x) ||
				     (x->n >= 3 && x->p[0] == 'h' &&
				      isdigit((unsigned char)x->p[1]) &&
				      x->p[2] == '.') ||
				     starts(x, "bq. ")))
					break;
				if (para.len)
					buf_adds(&para, "\\\n");
				inline_wiki(&para, x->p, x->n);
				i++;
				if (i < nl) {
					size_t s = 0;

					while (s < lines[i].n &&
					       lines[i].p[s] == ' ')
						s++;
					lines[i].p += s;
					lines[i].n -= s;
				}
			}
			issue_md_add_block_text(out, para.ptr, para.len);
			buf_release(&para);
		}
		buf_release(&lang);
		buf_release(&body);
	}
}

void issue_wiki_to_markdown(struct buf *out, const char *s, size_t n)
{
	struct line *lines;
	size_t nl = 1, k = 0;
	struct buf md = BUF_INIT;

	for (size_t i = 0; i < n; i++)
		nl += s[i] == '\n';
	lines = xcalloc(nl, sizeof(*lines));
	for (size_t i = 0, start = 0; i <= n; i++) {
		if (i == n || s[i] == '\n') {
			size_t e = i;

			if (e > start && s[e - 1] == '\r')
				e--;
			lines[k].p = s + start;
			lines[k].n = e - start;
			k++;
			start = i + 1;
		}
	}
	convert_lines(&md, lines, k);
	free(lines);
	issue_md_trim_end(&md);
	if (md.len) {
		buf_add(out, md.ptr, md.len);
		buf_addch(out, '\n');
	}
	buf_release(&md);
}
