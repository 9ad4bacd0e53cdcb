/*
 * Atlassian Document Format (Jira Cloud's rich text, a JSON tree) to
 * Markdown (CommonMark with GitHub's tables and strike-through).
 *
 * Each block is rendered into a buffer of its own, then its lines are
 * prefixed where it sits (a list item's indentation, a quote's "> "), so
 * nesting of any depth composes without the renderer knowing its context.
 * The JSON reader already bounds the depth, so recursion is bounded too.
 * Anything not understood degrades to its text; nothing is refused.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "issues/issues.h"
#include "issues/internal.h"

static void render_block(struct buf *out, const struct json_doc *d, int n);
static void render_inlines(struct buf *out, const struct json_doc *d,
			   int parent);

static bool is_type(const struct json_doc *d, int n, const char *type)
{
	return json_str_eq(d, json_get(d, n, "type"), type);
}

static int attr(const struct json_doc *d, int n, const char *name)
{
	return json_get(d, json_get(d, n, "attrs"), name);
}

static bool is_inline_type(const struct json_doc *d, int n)
{
	static const char *const inl[] = {
		"text", "hardBreak", "mention", "emoji", "inlineCard",
		"status", "date", "placeholder", "mediaInline", NULL,
	};

	for (int i = 0; inl[i]; i++)
		if (is_type(d, n, inl[i]))
			return true;
	return false;
}

/* Children blocks joined by sep ("\n\n" between paragraphs, "\n" in a
 * tight list item). Runs of inline nodes among blocks (which ADF does not
 * allow, but degraded input has) become one paragraph. */
static void render_blocks(struct buf *out, const struct json_doc *d,
			  int parent, const char *sep)
{
	int content = json_get(d, parent, "content");
	bool first = true;

	for (int c = json_first(d, content); c >= 0;) {
		struct buf one = BUF_INIT;

		if (is_inline_type(d, c)) {
			/* the run of inline siblings, as one paragraph */
			while (c >= 0 && is_inline_type(d, c)) {
				issue_md_inline_node(&one, d, c);
				c = json_next(d, c);
			}
		} else {
			render_block(&one, d, c);
			c = json_next(d, c);
		}
		issue_md_trim_end(&one);
		if (one.len) {
			if (!first)
				buf_adds(out, sep);
			buf_add(out, one.ptr, one.len);
			first = false;
		}
		buf_release(&one);
	}
}

/* ---- inline ---- */

static void add_code_span(struct buf *out, const char *s, size_t n)
{
	size_t run = 0, longest = 0;

	for (size_t i = 0; i < n; i++) {
		run = s[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	for (size_t i = 0; i <= longest; i++)
		buf_addch(out, '`');
	if (n && (s[0] == '`' || s[n - 1] == '`'))
		buf_addch(out, ' ');
	for (size_t i = 0; i < n; i++)
		buf_addch(out, s[i] == '\n' ? ' ' : s[i]);
	if (n && (s[0] == '`' || s[n - 1] == '`'))
		buf_addch(out, ' ');
	for (size_t i = 0; i <= longest; i++)
		buf_addch(out, '`');
}

/* A text node with its marks. Emphasis markers must hug the text, so the
 * text's outer spaces go outside them. */
static void render_text(struct buf *out, const struct json_doc *d, int n)
{
	struct buf text = BUF_INIT, href = BUF_INIT;
	int marks = json_get(d, n, "marks");
	bool strong = false, em = false, strike = false, code = false;
	bool link = false;
	size_t lead = 0, trail = 0;
	const char *s;
	size_t len;

	json_str(d, json_get(d, n, "text"), &text);
	for (int m = json_first(d, marks); m >= 0; m = json_next(d, m)) {
		if (is_type(d, m, "strong"))
			strong = true;
		else if (is_type(d, m, "em"))
			em = true;
		else if (is_type(d, m, "strike"))
			strike = true;
		else if (is_type(d, m, "code"))
			code = true;
		else if (is_type(d, m, "link")) {
			buf_reset(&href);
			link = json_str(d, attr(d, m, "href"), &href) == 0;
		}
	}
	s = text.ptr;
	len = text.len;
	if (!strong && !em && !strike && !code && !link) {
		issue_md_escape(out, s, len);
		goto out;
	}
	while (lead < len && s[lead] == ' ')
		lead++;
	while (trail < len - lead && s[len - 1 - trail] == ' ')
		trail++;
	buf_add(out, s, lead);
	if (lead == len)
		goto out;
	if (link)
		buf_addch(out, '[');
	if (strong)
		buf_adds(out, "**");
	if (em)
		buf_addch(out, '*');
	if (strike)
		buf_adds(out, "~~");
	if (code)
		add_code_span(out, s + lead, len - lead - trail);
	else
		issue_md_escape(out, s + lead, len - lead - trail);
	if (strike)
		buf_adds(out, "~~");
	if (em)
		buf_addch(out, '*');
	if (strong)
		buf_adds(out, "**");
	if (link) {
		buf_adds(out, "](");
		issue_md_add_url(out, href.ptr, href.len);
		buf_addch(out, ')');
	}
	buf_add(out, s + len - trail, trail);
out:
	buf_release(&text);
	buf_release(&href);
}

static void add_attr_str(struct buf *out, const struct json_doc *d, int n,
			 const char *name)
{
	json_str(d, attr(d, n, name), out);
}

static void render_date(struct buf *out, const struct json_doc *d, int n)
{
	struct buf ts = BUF_INIT;
	char day[16];
	struct tm tm;
	time_t t;

	add_attr_str(&ts, d, n, "timestamp");
	t = (time_t)(strtoll(ts.ptr, NULL, 10) / 1000);
	if (ts.len && gmtime_r(&t, &tm) &&
	    strftime(day, sizeof(day), "%Y-%m-%d", &tm))
		buf_adds(out, day);
	buf_release(&ts);
}

void issue_md_inline_node(struct buf *out, const struct json_doc *d, int n)
{
	size_t before = out->len;

	if (is_type(d, n, "text")) {
		render_text(out, d, n);
	} else if (is_type(d, n, "hardBreak")) {
		buf_adds(out, "\\\n");
	} else if (is_type(d, n, "mention")) {
		add_attr_str(out, d, n, "text");
		if (out->len == before) {
			buf_addch(out, '@');
			add_attr_str(out, d, n, "id");
		} else if (out->ptr[before] != '@') {
			buf_truncate(out, before);
			buf_addch(out, '@');
			add_attr_str(out, d, n, "text");
		}
	} else if (is_type(d, n, "emoji")) {
		add_attr_str(out, d, n, "text");
		if (out->len == before)
			add_attr_str(out, d, n, "shortName");
	} else if (is_type(d, n, "inlineCard")) {
		struct buf url = BUF_INIT;

		add_attr_str(&url, d, n, "url");
		if (url.len) {
			buf_addch(out, '<');
			buf_add(out, url.ptr, url.len);
			buf_addch(out, '>');
		}
		buf_release(&url);
	} else if (is_type(d, n, "status")) {
		buf_addch(out, '[');
		add_attr_str(out, d, n, "text");
		buf_addch(out, ']');
	} else if (is_type(d, n, "date")) {
		render_date(out, d, n);
	} else if (is_type(d, n, "placeholder")) {
		add_attr_str(out, d, n, "text");
	} else if (is_type(d, n, "mediaInline")) {
		buf_adds(out, "[attachment: ");
		add_attr_str(out, d, n, "alt");
		if (out->len == before + 13)
			add_attr_str(out, d, n, "id");
		buf_addch(out, ']');
	} else if (json_get(d, n, "content") >= 0) {
		render_inlines(out, d, n); /* unknown: its inline content */
	} else {
		struct buf t = BUF_INIT;

		if (json_str(d, json_get(d, n, "text"), &t) < 0)
			add_attr_str(&t, d, n, "text");
		issue_md_escape(out, t.ptr, t.len);
		buf_release(&t);
	}
}

static void render_inlines(struct buf *out, const struct json_doc *d,
			   int parent)
{
	int content = json_get(d, parent, "content");

	for (int c = json_first(d, content); c >= 0; c = json_next(d, c)) {
		if (is_inline_type(d, c) || json_get(d, c, "content") < 0)
			issue_md_inline_node(out, d, c);
		else {
			/* a block where inlines belong: its text, flattened */
			struct buf b = BUF_INIT;

			render_block(&b, d, c);
			for (size_t i = 0; i < b.len; i++)
				buf_addch(out, b.ptr[i] == '\n' ? ' ' : b.ptr[i]);
			buf_release(&b);
		}
	}
}

/* ---- blocks ---- */

/* Markdown would read a paragraph starting "# x", "- x", "> x" or "1. x"
 * as something else: escape its first character. */
static void add_paragraph(struct buf *out, const struct buf *p)
{
	issue_md_add_block_text(out, p->ptr, p->len);
}

static void render_code_block(struct buf *out, const struct json_doc *d,
			      int n)
{
	struct buf text = BUF_INIT, lang = BUF_INIT;
	int content = json_get(d, n, "content");
	size_t run = 0, fence = 3;

	for (int c = json_first(d, content); c >= 0; c = json_next(d, c))
		json_str(d, json_get(d, c, "text"), &text);
	add_attr_str(&lang, d, n, "language");
	for (size_t i = 0; i < text.len; i++) {
		run = text.ptr[i] == '`' ? run + 1 : 0;
		if (run >= fence)
			fence = run + 1;
	}
	for (size_t i = 0; i < fence; i++)
		buf_addch(out, '`');
	for (size_t i = 0; i < lang.len; i++)
		if (!isspace((unsigned char)lang.ptr[i]) && lang.ptr[i] != '`')
			buf_addch(out, lang.ptr[i]);
	buf_addch(out, '\n');
	buf_add(out, text.ptr, text.len);
	if (text.len && text.ptr[text.len - 1] != '\n')
		buf_addch(out, '\n');
	for (size_t i = 0; i < fence; i++)
		buf_addch(out, '`');
	buf_release(&text);
	buf_release(&lang);
}

static void render_list(struct buf *out, const struct json_doc *d, int n,
			bool ordered)
{
	int content = json_get(d, n, "content");
	int64_t number = 1;
	bool first = true;

	if (ordered)
		json_int64(d, attr(d, n, "order"), &number);
	for (int c = json_first(d, content); c >= 0; c = json_next(d, c)) {
		struct buf item = BUF_INIT, marker = BUF_INIT;

		if (ordered)
			buf_addf(&marker, "%lld. ", (long long)number++);
		else if (is_type(d, c, "taskItem"))
			buf_adds(&marker, json_str_eq(d, attr(d, c, "state"),
						      "DONE")
						  ? "- [x] "
						  : "- [ ] ");
		else
			buf_adds(&marker, "- ");
		if (is_type(d, c, "taskItem") || is_type(d, c, "decisionItem"))
			render_inlines(&item, d, c);
		else if (is_type(d, c, "listItem"))
			render_blocks(&item, d, c, "\n");
		else
			render_block(&item, d, c);
		issue_md_trim_end(&item);
		if (!first)
			buf_addch(out, '\n');
		issue_md_prefix_lines(out, item.ptr, item.len, marker.ptr,
				      is_type(d, c, "taskItem") ? 2 : marker.len);
		first = false;
		buf_release(&item);
		buf_release(&marker);
	}
}

/* A cell's content on one line: paragraphs joined by <br>, pipes escaped. */
static void render_cell(struct buf *out, const struct json_doc *d, int cell)
{
	struct buf c = BUF_INIT;

	render_blocks(&c, d, cell, "\n");
	issue_md_trim_end(&c);
	for (size_t i = 0; i < c.len; i++) {
		if (c.ptr[i] == '\n')
			buf_adds(out, "<br>");
		else if (c.ptr[i] == '|')
			buf_adds(out, "\\|");
		else
			buf_addch(out, c.ptr[i]);
	}
	buf_release(&c);
}

static void render_table(struct buf *out, const struct json_doc *d, int n)
{
	int rows = json_get(d, n, "content");
	int ncols = 0, r, row = 0;

	for (r = json_first(d, rows); r >= 0; r = json_next(d, r))
		if (json_count(d, json_get(d, r, "content")) > ncols)
			ncols = json_count(d, json_get(d, r, "content"));
	if (!ncols)
		return;
	/* GitHub's tables need a header row: the first row is it. */
	for (r = json_first(d, rows); r >= 0; r = json_next(d, r), row++) {
		int cells = json_get(d, r, "content"), col = 0;

		buf_addch(out, '|');
		for (int c = json_first(d, cells); c >= 0;
		     c = json_next(d, c), col++) {
			buf_addch(out, ' ');
			render_cell(out, d, c);
			buf_adds(out, " |");
		}
		for (; col < ncols; col++)
			buf_adds(out, "  |");
		buf_addch(out, '\n');
		if (row == 0) {
			buf_addch(out, '|');
			for (col = 0; col < ncols; col++)
				buf_adds(out, " --- |");
			buf_addch(out, '\n');
		}
	}
}

static void render_quoted(struct buf *out, const struct buf *inner)
{
	issue_md_prefix_lines(out, inner->ptr, inner->len, "> ", 0);
}

static void render_panel(struct buf *out, const struct json_doc *d, int n)
{
	struct buf inner = BUF_INIT, type = BUF_INIT;

	add_attr_str(&type, d, n, "panelType");
	if (type.len) {
		type.ptr[0] = (char)toupper((unsigned char)type.ptr[0]);
		buf_addf(&inner, "**%s:**\n", type.ptr);
	}
	render_blocks(&inner, d, n, "\n\n");
	issue_md_trim_end(&inner);
	render_quoted(out, &inner);
	buf_release(&inner);
	buf_release(&type);
}

static void render_media(struct buf *out, const struct json_doc *d, int n)
{
	int content = json_get(d, n, "content");
	bool first = true;

	if (is_type(d, n, "media")) {
		struct buf name = BUF_INIT, url = BUF_INIT;

		add_attr_str(&name, d, n, "alt");
		if (!name.len)
			add_attr_str(&name, d, n, "id");
		add_attr_str(&url, d, n, "url");
		if (url.len && json_str_eq(d, attr(d, n, "type"), "external")) {
			buf_adds(out, "![");
			issue_md_escape(out, name.ptr, name.len);
			buf_adds(out, "](");
			issue_md_add_url(out, url.ptr, url.len);
			buf_addch(out, ')');
		} else {
			buf_adds(out, "[attachment: ");
			issue_md_escape(out, name.ptr, name.len);
			buf_addch(out, ']');
		}
		buf_release(&name);
		buf_release(&url);
		return;
	}
	for (int c = json_first(d, content); c >= 0; c = json_next(d, c)) {
		if (!is_type(d, c, "media"))
			continue; /* a caption: rendered below */
		if (!first)
			buf_addch(out, ' ');
		render_media(out, d, c);
		first = false;
	}
	for (int c = json_first(d, content); c >= 0; c = json_next(d, c))
		if (is_type(d, c, "caption")) {
			buf_addch(out, '\n');
			render_inlines(out, d, c);
		}
}

static void render_block(struct buf *out, const struct json_doc *d, int n)
{
	struct buf tmp = BUF_INIT;
	int64_t level = 1;

	if (is_type(d, n, "doc")) {
		render_blocks(out, d, n, "\n\n");
	} else if (is_type(d, n, "paragraph")) {
		render_inlines(&tmp, d, n);
		add_paragraph(out, &tmp);
	} else if (is_type(d, n, "heading")) {
		json_int64(d, attr(d, n, "level"), &level);
		if (level < 1 || level > 6)
			level = level < 1 ? 1 : 6;
		for (int64_t i = 0; i < level; i++)
			buf_addch(out, '#');
		buf_addch(out, ' ');
		render_inlines(&tmp, d, n);
		for (size_t i = 0; i < tmp.len; i++)
			buf_addch(out, tmp.ptr[i] == '\n' ? ' ' : tmp.ptr[i]);
	} else if (is_type(d, n, "bulletList") || is_type(d, n, "taskList") ||
		   is_type(d, n, "decisionList")) {
		render_list(out, d, n, false);
	} else if (is_type(d, n, "orderedList")) {
		render_list(out, d, n, true);
	} else if (is_type(d, n, "codeBlock")) {
		render_code_block(out, d, n);
	} else if (is_type(d, n, "blockquote")) {
		render_blocks(&tmp, d, n, "\n\n");
		issue_md_trim_end(&tmp);
		render_quoted(out, &tmp);
	} else if (is_type(d, n, "panel")) {
		render_panel(out, d, n);
	} else if (is_type(d, n, "rule")) {
		buf_adds(out, "---");
	} else if (is_type(d, n, "table")) {
		render_table(out, d, n);
	} else if (is_type(d, n, "mediaSingle") ||
		   is_type(d, n, "mediaGroup") || is_type(d, n, "media")) {
		render_media(out, d, n);
	} else if (is_type(d, n, "blockCard") || is_type(d, n, "embedCard")) {
		add_attr_str(&tmp, d, n, "url");
		if (tmp.len)
			buf_addf(out, "<%s>", tmp.ptr);
	} else if (is_type(d, n, "expand") || is_type(d, n, "nestedExpand")) {
		add_attr_str(&tmp, d, n, "title");
		if (tmp.len) {
			buf_adds(out, "**");
			issue_md_escape(out, tmp.ptr, tmp.len);
			buf_adds(out, "**\n\n");
		}
		render_blocks(out, d, n, "\n\n");
	} else if (is_inline_type(d, n)) {
		issue_md_inline_node(out, d, n);
	} else if (json_get(d, n, "content") >= 0) {
		/* unknown block (extension, layoutSection, ...): its content */
		render_blocks(out, d, n, "\n\n");
	} else {
		issue_md_inline_node(out, d, n); /* its text, if any */
	}
	buf_release(&tmp);
}

void issue_adf_to_markdown(struct buf *out, const struct json_doc *d,
			   int node)
{
	size_t start = out->len;

	if (json_type(d, node) == JSON_STRING) {
		/* a v2-style plain string where ADF was expected */
		json_str(d, node, out);
		return;
	}
	if (json_type(d, node) != JSON_OBJECT)
		return;
	render_block(out, d, node);
	if (out->len > start) {
		issue_md_trim_end(out);
		buf_addch(out, '\n');
	}
}
