/*
 * Markdown in and out: the helpers the converters write Markdown with, a
 * Markdown file read as an issue, and a comment's Markdown written as ADF
 * (Jira Cloud) or wiki markup (Jira Server).
 *
 * The Markdown reader is a small block parser (paragraphs, ATX headings,
 * fenced code, quotes, rules, nested lists) into a tree, and an inline
 * scanner (code spans, strong, em, strike, links, escapes) that reports
 * runs of text with their marks. Both writers walk the same tree, so the
 * subset they share is the same by construction. It is not CommonMark in
 * full (no setext headings, indented code, HTML, reference links): a
 * comment written by a person or a model comes out right; anything else
 * comes out as text, never lost.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "issues/internal.h"
#include "issues/issues.h"
#include "util/mem.h"

/* ---- writing Markdown ---- */

static bool is_word(int c)
{
	return isalnum(c) || c >= 0x80;
}

void issue_md_escape(struct buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		bool esc = false;

		switch (c) {
		case '\\': case '`': case '[': case ']':
			esc = true;
			break;
		case '*': /* "2 * 3" opens nothing */
			esc = !((i == 0 || s[i - 1] == ' ') &&
				(i + 1 == n || s[i + 1] == ' '));
			break;
		case '_': /* snake_case stays readable */
			esc = !(i > 0 && is_word((unsigned char)s[i - 1]) &&
				i + 1 < n && is_word((unsigned char)s[i + 1]));
			break;
		case '~':
			esc = i + 1 < n && s[i + 1] == '~';
			break;
		case '<':
			esc = i + 1 < n && (isalpha((unsigned char)s[i + 1]) ||
					    s[i + 1] == '/' || s[i + 1] == '!');
			break;
		}
		if (esc)
			buf_addch(out, '\\');
		buf_addch(out, (char)c);
	}
}

void issue_md_add_url(struct buf *out, const char *s, size_t n)
{
	bool angle = false;

	for (size_t i = 0; i < n; i++)
		if (s[i] == ' ' || s[i] == '(' || s[i] == ')')
			angle = true;
	if (angle)
		buf_addch(out, '<');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n' || s[i] == '<' || s[i] == '>')
			continue;
		buf_addch(out, s[i]);
	}
	if (angle)
		buf_addch(out, '>');
}

void issue_md_add_block_text(struct buf *out, const char *s, size_t n)
{
	size_t digits = 0;

	while (digits < n && isdigit((unsigned char)s[digits]))
		digits++;
	if (n && (s[0] == '#' || s[0] == '>')) {
		buf_addch(out, '\\');
	} else if (n >= 2 && (s[0] == '-' || s[0] == '+') &&
		   (s[1] == ' ' || s[1] == s[0])) {
		buf_addch(out, '\\');
	} else if (n == 1 && (s[0] == '-' || s[0] == '+')) {
		buf_addch(out, '\\');
	} else if (digits && digits + 1 < n &&
		   (s[digits] == '.' || s[digits] == ')') &&
		   s[digits + 1] == ' ') {
		buf_add(out, s, digits);
		buf_addch(out, '\\');
		s += digits;
		n -= digits;
	}
	buf_add(out, s, n);
}

void issue_md_trim_end(struct buf *b)
{
	size_t n = b->len;

	while (n && (b->ptr[n - 1] == '\n' || b->ptr[n - 1] == ' ' ||
		     b->ptr[n - 1] == '\t' || b->ptr[n - 1] == '\r'))
		n--;
	/* a hard break's backslash must not end a block */
	if (n && b->ptr[n - 1] == '\\' && n < b->len &&
	    (n < 2 || b->ptr[n - 2] != '\\'))
		n--;
	buf_truncate(b, n);
}

void issue_md_prefix_lines(struct buf *out, const char *s, size_t n,
			   const char *first_prefix, size_t indent)
{
	size_t i = 0;
	bool first = true;

	while (i <= n) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t end = nl ? (size_t)(nl - s) : n;

		if (first) {
			buf_adds(out, first_prefix);
		} else if (end > i) {
			if (indent)
				for (size_t k = 0; k < indent; k++)
					buf_addch(out, ' ');
			else
				buf_adds(out, first_prefix);
		} else if (!indent) {
			/* an empty line of a quote: the marker, no space */
			size_t pl = strlen(first_prefix);

			while (pl && first_prefix[pl - 1] == ' ')
				pl--;
			buf_add(out, first_prefix, pl);
		}
		buf_add(out, s + i, end - i);
		first = false;
		if (!nl)
			break;
		buf_addch(out, '\n');
		i = end + 1;
	}
}

/* ---- reading Markdown: blocks ---- */

enum md_type {
	MD_PARA,
	MD_HEADING,
	MD_CODE,
	MD_QUOTE,
	MD_BULLET,
	MD_ORDERED,
	MD_ITEM,
	MD_RULE,
};

struct md_node {
	enum md_type type;
	int level;        /* heading level; ordered list's first number */
	struct buf text;  /* paragraph, heading or code text */
	char *lang;       /* code block language, or NULL */
	struct md_node *child, *next;
};

struct md_line {
	const char *p;
	size_t n;
};

static struct md_node *md_new(enum md_type type)
{
	struct md_node *m = xcalloc(1, sizeof(*m));

	m->type = type;
	buf_init(&m->text, 0);
	return m;
}

static void md_free(struct md_node *m)
{
	while (m) {
		struct md_node *next = m->next;

		md_free(m->child);
		buf_release(&m->text);
		free(m->lang);
		free(m);
		m = next;
	}
}

static size_t indent_of(const struct md_line *l)
{
	size_t i = 0;

	while (i < l->n && l->p[i] == ' ')
		i++;
	return i;
}

/* The first character after the indentation, or 0 on a blank line. */
static char first_char(const struct md_line *l)
{
	size_t i = indent_of(l);

	return i < l->n ? l->p[i] : 0;
}

static bool blank(const struct md_line *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (!isspace((unsigned char)l->p[i]))
			return false;
	return true;
}

/* A list marker at the line's start (after its indentation): 1 bullet,
 * 2 ordered (number in *num), 0 none; *width is marker + space. */
static int list_marker(const struct md_line *l, size_t *width, int *num)
{
	size_t i = indent_of(l), d = i;

	if (i + 1 < l->n && issue_in_set(l->p[i], "-*+") && l->p[i + 1] == ' ') {
		*width = i + 2;
		return 1;
	}
	while (d < l->n && isdigit((unsigned char)l->p[d]) && d - i < 9)
		d++;
	if (d > i && d + 1 < l->n && (l->p[d] == '.' || l->p[d] == ')') &&
	    l->p[d + 1] == ' ') {
		*num = atoi(l->p + i);
		*width = d + 2;
		return 2;
	}
	return 0;
}

static bool is_rule(const struct md_line *l)
{
	size_t count = 0;
	char c = 0;

	for (size_t i = 0; i < l->n; i++) {
		if (l->p[i] == ' ')
			continue;
		if (!issue_in_set(l->p[i], "-*_") || (c && l->p[i] != c))
			return false;
		c = l->p[i];
		count++;
	}
	return count >= 3;
}

static size_t fence_len(const struct md_line *l, char *ch)
{
	size_t i = indent_of(l), k = i;

	if (i < l->n && (l->p[i] == '`' || l->p[i] == '~')) {
		while (k < l->n && l->p[k] == l->p[i])
			k++;
		if (k - i >= 3) {
			*ch = l->p[i];
			return k - i;
		}
	}
	return 0;
}

static int heading_level(const struct md_line *l, size_t *text)
{
	size_t i = indent_of(l), h = 0;

	while (i + h < l->n && l->p[i + h] == '#')
		h++;
	if (h < 1 || h > 6 || (i + h < l->n && l->p[i + h] != ' '))
		return 0;
	*text = i + h;
	while (*text < l->n && l->p[*text] == ' ')
		(*text)++;
	return (int)h;
}

/* Quotes and lists nest at most this deep; deeper, lines are text. */
#define MD_MAX_DEPTH 32

static struct md_node *md_parse_lines(struct md_line *lines, size_t nl,
				      int depth);

/* Lines [from, to) with `strip` leading characters removed from each
 * (fewer when a line has fewer spaces), parsed as blocks. */
static struct md_node *md_parse_sub(struct md_line *lines, size_t from,
				    size_t to, size_t strip, bool quote,
				    int depth)
{
	struct md_line *sub = xcalloc(to - from + 1, sizeof(*sub));
	struct md_node *m;

	for (size_t i = from; i < to; i++) {
		struct md_line l = lines[i];
		size_t k = 0;

		if (quote) {
			while (k < l.n && l.p[k] == ' ' && k < 3)
				k++;
			if (k < l.n && l.p[k] == '>')
				k++;
			if (k < l.n && l.p[k] == ' ')
				k++;
		} else {
			while (k < l.n && k < strip && l.p[k] == ' ')
				k++;
		}
		sub[i - from].p = l.p + k;
		sub[i - from].n = l.n - k;
	}
	m = md_parse_lines(sub, to - from, depth);
	free(sub);
	return m;
}

static struct md_node *md_parse_lines(struct md_line *lines, size_t nl,
				      int depth)
{
	struct md_node *head = NULL, **tail = &head;
	bool deep = depth >= MD_MAX_DEPTH;
	size_t i = 0;

	while (i < nl) {
		struct md_line *l = &lines[i];
		struct md_node *m = NULL;
		size_t text, width, fl;
		int level, kind, num = 1;
		char ch;

		if (blank(l)) {
			i++;
			continue;
		}
		if ((fl = fence_len(l, &ch))) {
			size_t ind = indent_of(l), k = ind + fl, j;
			size_t e = l->n;

			m = md_new(MD_CODE);
			while (k < l->n && l->p[k] == ' ')
				k++;
			while (e > k && isspace((unsigned char)l->p[e - 1]))
				e--;
			if (e > k) {
				size_t w = k;

				while (w < e && !isspace((unsigned char)l->p[w]))
					w++;
				m->lang = xstrndup(l->p + k, w - k);
			}
			for (j = i + 1; j < nl; j++) {
				char c2;
				size_t f2 = fence_len(&lines[j], &c2);

				if (f2 >= fl && c2 == ch)
					break;
				buf_add(&m->text, lines[j].p, lines[j].n);
				buf_addch(&m->text, '\n');
			}
			i = j < nl ? j + 1 : j;
		} else if ((level = heading_level(l, &text))) {
			size_t e = l->n;

			m = md_new(MD_HEADING);
			m->level = level;
			while (e > text && (l->p[e - 1] == '#' ||
					    l->p[e - 1] == ' '))
				e--;
			buf_add(&m->text, l->p + text, e - text);
			i++;
		} else if (is_rule(l) && !list_marker(l, &width, &num)) {
			m = md_new(MD_RULE);
			i++;
		} else if (!deep && first_char(l) == '>') {
			size_t j = i;

			while (j < nl && !blank(&lines[j]) &&
			       (first_char(&lines[j]) == '>' ||
				j > i))
				j++;
			m = md_new(MD_QUOTE);
			m->child = md_parse_sub(lines, i, j, 0, true, depth + 1);
			i = j;
		} else if (!deep && (kind = list_marker(l, &width, &num))) {
			size_t base = indent_of(l);

			m = md_new(kind == 1 ? MD_BULLET : MD_ORDERED);
			m->level = num;
			struct md_node **items = &m->child;
			while (i < nl) {
				size_t w2, j = i + 1;
				int n2, k2 = list_marker(&lines[i], &w2, &n2);
				struct md_node *item;

				if (k2 != kind || indent_of(&lines[i]) != base)
					break;
				/* the item: lines indented past its marker,
				 * blank lines inside, lazy paragraph lines */
				while (j < nl) {
					struct md_line *x = &lines[j];
					size_t w3;
					int n3;

					if (blank(x)) {
						if (j + 1 < nl &&
						    !blank(&lines[j + 1]) &&
						    indent_of(&lines[j + 1]) >= w2) {
							j++;
							continue;
						}
						break;
					}
					if (indent_of(x) >= w2) {
						j++;
						continue;
					}
					if (list_marker(x, &w3, &n3) ||
					    fence_len(x, &ch) ||
					    heading_level(x, &text) ||
					    first_char(x) == '>' ||
					    blank(&lines[j - 1]))
						break;
					j++; /* lazy continuation */
				}
				item = md_new(MD_ITEM);
				/* the first line without its marker */
				lines[i].p += w2;
				lines[i].n -= w2;
				item->child = md_parse_sub(lines, i, j, w2, false,
							   depth + 1);
				lines[i].p -= w2;
				lines[i].n += w2;
				*items = item;
				items = &item->next;
				i = j;
				while (i < nl && blank(&lines[i]) && i + 1 < nl &&
				       list_marker(&lines[i + 1], &w2, &n2) ==
					       kind &&
				       indent_of(&lines[i + 1]) == base)
					i++;
			}
		} else {
			m = md_new(MD_PARA);
			while (i < nl && !blank(&lines[i])) {
				size_t w3;
				int n3;

				if (m->text.len &&
				    (fence_len(&lines[i], &ch) ||
				     heading_level(&lines[i], &text) ||
				     list_marker(&lines[i], &w3, &n3) ||
				     first_char(&lines[i]) == '>'))
					break;
				if (m->text.len)
					buf_addch(&m->text, '\n');
				buf_add(&m->text, lines[i].p + indent_of(&lines[i]),
					lines[i].n - indent_of(&lines[i]));
				i++;
			}
			issue_md_trim_end(&m->text);
		}
		*tail = m;
		tail = &m->next;
	}
	return head;
}

static struct md_node *md_parse(const char *s, size_t n)
{
	struct md_line *lines;
	size_t nl = 1, k = 0;
	struct md_node *m;

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
	/* tabs as four spaces would need copies; a tab-indented line is
	 * read as indented by one */
	m = md_parse_lines(lines, k, 0);
	free(lines);
	return m;
}

/* ---- reading Markdown: inline ---- */

enum {
	MARK_STRONG = 1,
	MARK_EM = 2,
	MARK_CODE = 4,
	MARK_STRIKE = 8,
	MARK_LINK = 16,
	MARK_BREAK = 32, /* a line break, no text */
};

struct span_sink {
	void (*span)(struct span_sink *k, const char *s, size_t n,
		     unsigned marks, const char *href);
};

/* Finds the closing delimiter delim (length dl) in s[from..n), not
 * preceded by a space; returns its offset or n. */
static size_t find_close(const char *s, size_t from, size_t n,
			 const char *delim, size_t dl)
{
	for (size_t i = from; i + dl <= n; i++) {
		if (s[i] == '\\') {
			i++;
			continue;
		}
		if (s[i] == '`') {
			/* skip code spans: their contents are not markup */
			size_t r = i;

			while (r < n && s[r] == '`')
				r++;
			for (size_t q = r; q < n; q++)
				if (s[q] == '`') {
					size_t e = q;

					while (e < n && s[e] == '`')
						e++;
					if (e - q == r - i) {
						i = e - 1;
						break;
					}
					q = e - 1;
				}
			continue;
		}
		if (!memcmp(s + i, delim, dl) && i > from && s[i - 1] != ' ' &&
		    (dl > 1 || i + 1 >= n || s[i + 1] != delim[0]))
			return i;
	}
	return n;
}

/* Spans nest at most this deep, and a link's text is at most this long:
 * past either, markup is text. */
#define INLINE_MAX_DEPTH 16
#define LINK_TEXT_MAX 4096

/* find_close() with a memory of failures (slot: one per delimiter): a
 * search that failed from `from` fails from anywhere after it too, so
 * unclosed markers cost one scan each kind, not one each. */
static size_t close_at(const char *s, size_t from, size_t n,
		       const char *delim, size_t *fail, int slot)
{
	size_t e;

	if (from >= fail[slot])
		return n;
	e = find_close(s, from, n, delim, strlen(delim));
	if (e >= n)
		fail[slot] = from;
	return e;
}

static void inline_scan_at(struct span_sink *k, const char *s, size_t n,
			   unsigned marks, const char *href, int depth);

static void inline_scan(struct span_sink *k, const char *s, size_t n,
			unsigned marks, const char *href)
{
	inline_scan_at(k, s, n, marks, href, 0);
}

static void inline_scan_at(struct span_sink *k, const char *s, size_t n,
			   unsigned marks, const char *href, int depth)
{
	struct buf lit = BUF_INIT;
	size_t i = 0, fail[6], no_gt = (size_t)-1;
	bool deep = depth >= INLINE_MAX_DEPTH;

	for (size_t f = 0; f < 6; f++)
		fail[f] = (size_t)-1;

#define FLUSH()                                                         \
	do {                                                            \
		if (lit.len)                                            \
			k->span(k, lit.ptr, lit.len, marks, href);      \
		buf_reset(&lit);                                        \
	} while (0)

	while (i < n) {
		char c = s[i];
		size_t e;

		if (c == '\\' && i + 1 < n && ispunct((unsigned char)s[i + 1])) {
			buf_addch(&lit, s[i + 1]);
			i += 2;
		} else if (c == '\n') {
			FLUSH();
			k->span(k, "", 0, marks | MARK_BREAK, href);
			i++;
		} else if (c == '`') {
			size_t r = i, q;

			while (r < n && s[r] == '`')
				r++;
			for (q = r; q < n; q++) {
				size_t x = q;

				while (x < n && s[x] == '`')
					x++;
				if (x > q && x - q == r - i)
					break;
				if (x > q)
					q = x - 1;
			}
			if (q >= n) {
				buf_add(&lit, s + i, r - i);
				i = r;
				continue;
			}
			FLUSH();
			{
				size_t a = r, b = q;

				if (b - a >= 2 && s[a] == ' ' && s[b - 1] == ' ')
					a++, b--;
				k->span(k, s + a, b - a, marks | MARK_CODE,
					href);
			}
			i = q + (r - i);
		} else if (!deep && (c == '*' || c == '_') && i + 1 < n &&
			   s[i + 1] == c && i + 2 < n && s[i + 2] != ' ' &&
			   (e = close_at(s, i + 2, n, c == '*' ? "**" : "__",
					 fail, c == '*' ? 0 : 1)) < n) {
			FLUSH();
			inline_scan_at(k, s + i + 2, e - i - 2,
				       marks | MARK_STRONG, href, depth + 1);
			i = e + 2;
		} else if (!deep && (c == '*' || c == '_') && i + 1 < n &&
			   s[i + 1] != ' ' &&
			   !(c == '_' && i > 0 && is_word((unsigned char)s[i - 1])) &&
			   (e = close_at(s, i + 1, n, c == '*' ? "*" : "_",
					 fail, c == '*' ? 2 : 3)) < n &&
			   !(c == '_' && e + 1 < n &&
			     is_word((unsigned char)s[e + 1]))) {
			FLUSH();
			inline_scan_at(k, s + i + 1, e - i - 1, marks | MARK_EM,
				       href, depth + 1);
			i = e + 1;
		} else if (!deep && c == '~' && i + 2 < n && s[i + 1] == '~' &&
			   (e = close_at(s, i + 2, n, "~~", fail, 4)) < n) {
			FLUSH();
			inline_scan_at(k, s + i + 2, e - i - 2,
				       marks | MARK_STRIKE, href, depth + 1);
			i = e + 2;
		} else if (!deep && c == '[' && !(marks & MARK_LINK)) {
			/* [text](url) with balanced brackets in text */
			size_t open = 0, j = i, u;
			size_t end = n - i > LINK_TEXT_MAX ? i + LINK_TEXT_MAX : n;
			bool ok = false;

			for (; j < end; j++) {
				if (s[j] == '\\') {
					j++;
					continue;
				}
				if (s[j] == '[')
					open++;
				else if (s[j] == ']' && --open == 0)
					break;
			}
			if (j < end && j + 1 < n && s[j + 1] == '(') {
				size_t uend = n - j > LINK_TEXT_MAX
						      ? j + LINK_TEXT_MAX
						      : n;

				for (u = j + 2; u < uend && s[u] != ')' &&
						s[u] != '\n';
				     u++)
					;
				ok = u < uend && s[u] == ')';
				if (ok) {
					char *url;
					size_t a = j + 2, b = u;

					if (b > a && s[a] == '<' && s[b - 1] == '>')
						a++, b--;
					url = xstrndup(s + a, b - a);
					FLUSH();
					inline_scan_at(k, s + i + 1, j - i - 1,
						       marks | MARK_LINK, url,
						       depth + 1);
					free(url);
					i = u + 1;
				}
			}
			if (!ok) {
				buf_addch(&lit, c);
				i++;
			}
		} else if (c == '<' && !(marks & MARK_LINK) && i < no_gt &&
			   (issue_has_prefix(s + i + 1, n - i - 1, "http://") ||
			    issue_has_prefix(s + i + 1, n - i - 1, "https://")) &&
			   (memchr(s + i, '>', n - i) || (no_gt = i, false))) {
			const char *gt = memchr(s + i, '>', n - i);
			char *url = xstrndup(s + i + 1, (size_t)(gt - s) - i - 1);

			FLUSH();
			k->span(k, url, strlen(url), marks | MARK_LINK, url);
			free(url);
			i = (size_t)(gt - s) + 1;
		} else {
			buf_addch(&lit, c);
			i++;
		}
	}
	FLUSH();
#undef FLUSH
	buf_release(&lit);
}

/* ---- Markdown to ADF ---- */

struct adf_sink {
	struct span_sink k;
	struct json_writer *w;
};

static void adf_span(struct span_sink *k, const char *s, size_t n,
		     unsigned marks, const char *href)
{
	struct json_writer *w = ((struct adf_sink *)k)->w;

	if (marks & MARK_BREAK) {
		json_obj_begin(w);
		json_kv_str(w, "type", "hardBreak");
		json_obj_end(w);
		return;
	}
	if (!n)
		return; /* ADF refuses empty text nodes */
	json_obj_begin(w);
	json_kv_str(w, "type", "text");
	json_key(w, "text");
	json_w_strn(w, s, n);
	if (marks & ~MARK_BREAK) {
		json_key(w, "marks");
		json_arr_begin(w);
		/* code combines with links only */
		if (marks & MARK_CODE) {
			json_obj_begin(w);
			json_kv_str(w, "type", "code");
			json_obj_end(w);
		} else {
			static const struct {
				unsigned bit;
				const char *name;
			} m[] = { { MARK_STRONG, "strong" },
				  { MARK_EM, "em" },
				  { MARK_STRIKE, "strike" } };

			for (size_t i = 0; i < 3; i++)
				if (marks & m[i].bit) {
					json_obj_begin(w);
					json_kv_str(w, "type", m[i].name);
					json_obj_end(w);
				}
		}
		if ((marks & MARK_LINK) && href) {
			json_obj_begin(w);
			json_kv_str(w, "type", "link");
			json_key(w, "attrs");
			json_obj_begin(w);
			json_kv_str(w, "href", href);
			json_obj_end(w);
			json_obj_end(w);
		}
		json_arr_end(w);
	}
	json_obj_end(w);
}

static void adf_inline(struct json_writer *w, const struct buf *text)
{
	struct adf_sink k = { { adf_span }, w };

	json_key(w, "content");
	json_arr_begin(w);
	inline_scan(&k.k, text->ptr, text->len, 0, NULL);
	json_arr_end(w);
}

static void adf_blocks(struct json_writer *w, const struct md_node *m)
{
	for (; m; m = m->next) {
		json_obj_begin(w);
		switch (m->type) {
		case MD_PARA:
			json_kv_str(w, "type", "paragraph");
			adf_inline(w, &m->text);
			break;
		case MD_HEADING:
			json_kv_str(w, "type", "heading");
			json_key(w, "attrs");
			json_obj_begin(w);
			json_kv_int(w, "level", m->level);
			json_obj_end(w);
			adf_inline(w, &m->text);
			break;
		case MD_CODE:
			json_kv_str(w, "type", "codeBlock");
			if (m->lang) {
				json_key(w, "attrs");
				json_obj_begin(w);
				json_kv_str(w, "language", m->lang);
				json_obj_end(w);
			}
			json_key(w, "content");
			json_arr_begin(w);
			if (m->text.len > 1) {
				json_obj_begin(w);
				json_kv_str(w, "type", "text");
				json_key(w, "text");
				/* without the last newline */
				json_w_strn(w, m->text.ptr, m->text.len - 1);
				json_obj_end(w);
			}
			json_arr_end(w);
			break;
		case MD_QUOTE:
			json_kv_str(w, "type", "blockquote");
			json_key(w, "content");
			json_arr_begin(w);
			adf_blocks(w, m->child);
			json_arr_end(w);
			break;
		case MD_BULLET:
		case MD_ORDERED:
			json_kv_str(w, "type", m->type == MD_BULLET
						      ? "bulletList"
						      : "orderedList");
			if (m->type == MD_ORDERED && m->level != 1) {
				json_key(w, "attrs");
				json_obj_begin(w);
				json_kv_int(w, "order", m->level);
				json_obj_end(w);
			}
			json_key(w, "content");
			json_arr_begin(w);
			adf_blocks(w, m->child);
			json_arr_end(w);
			break;
		case MD_ITEM:
			json_kv_str(w, "type", "listItem");
			json_key(w, "content");
			json_arr_begin(w);
			if (!m->child) {
				/* a list item needs a paragraph */
				json_obj_begin(w);
				json_kv_str(w, "type", "paragraph");
				json_obj_end(w);
			}
			adf_blocks(w, m->child);
			json_arr_end(w);
			break;
		case MD_RULE:
			json_kv_str(w, "type", "rule");
			break;
		}
		json_obj_end(w);
	}
}

void issue_markdown_to_adf(struct json_writer *w, const char *s, size_t n)
{
	struct md_node *m = md_parse(s, n);

	json_obj_begin(w);
	json_kv_int(w, "version", 1);
	json_kv_str(w, "type", "doc");
	json_key(w, "content");
	json_arr_begin(w);
	adf_blocks(w, m);
	json_arr_end(w);
	json_obj_end(w);
	md_free(m);
}

/* ---- Markdown to Jira wiki markup ---- */

struct wiki_sink {
	struct span_sink k;
	struct buf *out;
	bool in_list; /* a newline would end the item: breaks are \\ */
};

static void wiki_span(struct span_sink *k, const char *s, size_t n,
		      unsigned marks, const char *href)
{
	struct wiki_sink *ws = (struct wiki_sink *)k;
	struct buf *out = ws->out;

	if (marks & MARK_BREAK) {
		buf_adds(out, ws->in_list ? " \\\\ " : "\n");
		return;
	}
	if (marks & MARK_LINK)
		buf_addch(out, '[');
	if (marks & MARK_CODE) {
		buf_adds(out, "{{");
		buf_add(out, s, n);
		buf_adds(out, "}}");
	} else {
		if (marks & MARK_STRONG)
			buf_addch(out, '*');
		if (marks & MARK_EM)
			buf_addch(out, '_');
		if (marks & MARK_STRIKE)
			buf_addch(out, '-');
		for (size_t i = 0; i < n; i++) {
			/* characters wiki markup would read as markup: the
			 * brackets always, the span markers where they could
			 * open a span (not inside a word, not before a space) */
			bool esc = issue_in_set(s[i], "{}[]|!");

			if (issue_in_set(s[i], "*_-+^~") &&
			    (i == 0 || !is_word((unsigned char)s[i - 1])) &&
			    i + 1 < n && s[i + 1] != ' ')
				esc = true;
			if (esc)
				buf_addch(out, '\\');
			buf_addch(out, s[i]);
		}
		if (marks & MARK_STRIKE)
			buf_addch(out, '-');
		if (marks & MARK_EM)
			buf_addch(out, '_');
		if (marks & MARK_STRONG)
			buf_addch(out, '*');
	}
	if ((marks & MARK_LINK) && href)
		buf_addf(out, "|%s]", href);
	else if (marks & MARK_LINK)
		buf_addch(out, ']');
}

static void wiki_blocks(struct buf *out, const struct md_node *m,
			const char *list_prefix)
{
	struct wiki_sink k = { { wiki_span }, out, *list_prefix != '\0' };

	for (; m; m = m->next) {
		switch (m->type) {
		case MD_PARA:
			inline_scan(&k.k, m->text.ptr, m->text.len, 0, NULL);
			break;
		case MD_HEADING:
			buf_addf(out, "h%d. ", m->level);
			inline_scan(&k.k, m->text.ptr, m->text.len, 0, NULL);
			break;
		case MD_CODE:
			buf_adds(out, m->lang ? "{code:" : "{code}");
			if (m->lang)
				buf_addf(out, "%s}", m->lang);
			buf_addch(out, '\n');
			buf_add(out, m->text.ptr, m->text.len);
			buf_adds(out, "{code}");
			break;
		case MD_QUOTE:
			buf_adds(out, "{quote}\n");
			wiki_blocks(out, m->child, "");
			buf_adds(out, "\n{quote}");
			break;
		case MD_BULLET:
		case MD_ORDERED: {
			struct buf prefix = BUF_INIT;

			buf_adds(&prefix, list_prefix);
			buf_addch(&prefix, m->type == MD_BULLET ? '*' : '#');
			for (const struct md_node *it = m->child; it;
			     it = it->next) {
				buf_add(out, prefix.ptr, prefix.len);
				buf_addch(out, ' ');
				wiki_blocks(out, it->child, prefix.ptr);
				if (it->next)
					buf_addch(out, '\n');
			}
			buf_release(&prefix);
			break;
		}
		case MD_ITEM:
			wiki_blocks(out, m->child, list_prefix);
			break;
		case MD_RULE:
			buf_adds(out, "----");
			break;
		}
		if (m->next)
			/* inside a list item, what follows the first
			 * paragraph (a nested list) starts on its own line */
			buf_adds(out, *list_prefix ? "\n" : "\n\n");
	}
}

void issue_markdown_to_wiki(struct buf *out, const char *s, size_t n)
{
	struct md_node *m = md_parse(s, n);

	wiki_blocks(out, m, "");
	md_free(m);
}

/* ---- a Markdown file as an issue ---- */

static char *trimmed(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (n >= 2 && (s[0] == '"' || s[0] == '\'') && s[n - 1] == s[0])
		s++, n -= 2;
	return xstrndup(s, n);
}

/* A list value: "[a, b]" or "a, b". */
static void add_labels(struct strv *labels, const char *s, size_t n)
{
	size_t i = 0;

	if (n && s[0] == '[')
		s++, n--;
	if (n && s[n - 1] == ']')
		n--;
	while (i < n) {
		size_t j = i;
		char *v;

		while (j < n && s[j] != ',')
			j++;
		v = trimmed(s + i, j - i);
		if (*v)
			strv_push(labels, v);
		else
			free(v);
		i = j + 1;
	}
}

/* Simple YAML front matter: `key: value` lines, and `- item` lines
 * under `labels:`. Other keys go into fields. Returns where the body
 * starts. */
static size_t front_matter(struct issue *is, const char *s, size_t n,
			   char **title)
{
	struct json_writer w;
	size_t i, end;
	bool in_labels = false;
	const char *close;

	if (n < 4 || strncmp(s, "---", 3) || (s[3] != '\n' && s[3] != '\r'))
		return 0;
	i = s[3] == '\r' ? 5 : 4;
	for (close = s + i;; close++) {
		close = memmem(close, n - (size_t)(close - s), "\n---", 4);
		if (!close)
			return 0;
		end = (size_t)(close - s) + 4;
		if (end == n || s[end] == '\n' || s[end] == '\r')
			break;
	}
	json_writer_init(&w, &is->fields);
	buf_reset(&is->fields);
	json_obj_begin(&w);
	json_key(&w, "frontMatter");
	json_obj_begin(&w);
	while (i < (size_t)(close - s) + 1) {
		const char *line = s + i, *nl = memchr(line, '\n', n - i);
		size_t ln = nl ? (size_t)(nl - line) : n - i;
		const char *colon = memchr(line, ':', ln);

		i += ln + 1;
		if (ln && line[ln - 1] == '\r')
			ln--;
		if (in_labels && ln > 2 && line[0] != ' ' && line[0] != '-')
			in_labels = false;
		if (in_labels) {
			const char *dash = memchr(line, '-', ln);

			if (dash) {
				char *v = trimmed(dash + 1,
						  ln - (size_t)(dash + 1 - line));

				if (*v)
					strv_push(&is->labels, v);
				else
					free(v);
			}
			continue;
		}
		if (!colon || line[0] == '#' || line[0] == ' ')
			continue;
		{
			char *key = trimmed(line, (size_t)(colon - line));
			const char *v = colon + 1;
			size_t vn = ln - (size_t)(v - line);
			char *val = trimmed(v, vn);

			if (!strcmp(key, "title")) {
				free(*title);
				*title = val;
				val = NULL;
			} else if (!strcmp(key, "status")) {
				free(is->status);
				is->status = val;
				val = NULL;
			} else if (!strcmp(key, "labels")) {
				add_labels(&is->labels, val, strlen(val));
				in_labels = !*val;
			} else {
				json_kv_str(&w, key, val);
			}
			free(key);
			free(val);
		}
	}
	json_obj_end(&w);
	json_obj_end(&w);
	while (end < n && (s[end] == '\n' || s[end] == '\r'))
		end++;
	return end;
}

void issue_from_markdown(struct issue *out, const char *s, size_t n,
			 const char *fallback_title)
{
	char *fm_title = NULL;
	size_t i = front_matter(out, s, n, &fm_title), body = i;
	size_t h_start = 0, h_end = 0;
	bool in_code = false, found = false;
	struct buf desc = BUF_INIT;

	/* the first ATX heading outside code fences */
	while (i < n && !found) {
		const char *nl = memchr(s + i, '\n', n - i);
		struct md_line l = { s + i, nl ? (size_t)(nl - s) - i : n - i };
		size_t text;
		char ch;

		if (l.n && l.p[l.n - 1] == '\r')
			l.n--;
		if (fence_len(&l, &ch))
			in_code = !in_code;
		else if (!in_code && heading_level(&l, &text)) {
			size_t e = l.n;

			while (e > text && (l.p[e - 1] == '#' || l.p[e - 1] == ' '))
				e--;
			free(out->title);
			out->title = xstrndup(l.p + text, e - text);
			h_start = i;
			h_end = nl ? (size_t)(nl - s) + 1 : n;
			found = true;
		}
		i = nl ? (size_t)(nl - s) + 1 : n;
	}
	if (found) {
		buf_add(&desc, s + body, h_start - body);
		buf_add(&desc, s + h_end, n - h_end);
	} else {
		buf_add(&desc, s + body, n - body);
	}
	if (!out->title)
		out->title = fm_title ? xstrdup(fm_title)
				      : xstrdup(fallback_title ? fallback_title
							       : "");
	/* the description without the blank lines around it */
	{
		size_t a = 0;

		while (a < desc.len && (desc.ptr[a] == '\n' || desc.ptr[a] == '\r'))
			a++;
		buf_consume(&desc, a);
		issue_md_trim_end(&desc);
		if (desc.len)
			buf_addch(&desc, '\n');
	}
	free(out->description);
	out->description = buf_detach(&desc, NULL);
	free(fm_title);
}
