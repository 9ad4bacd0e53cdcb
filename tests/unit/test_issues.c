/*
 * issues/: the converters (ADF -> Markdown, wiki markup -> Markdown,
 * Markdown -> ADF and wiki markup), a Markdown file read as an issue, and
 * the Issue shape's JSON both ways.
 *
 * The large documents live in tests/issues/fixtures/ beside what they must
 * become; the protocol tests (tests/issues/issues.test.mjs) serve the same
 * documents from a fake Jira and expect the same Markdown.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "issues/issues.h"
#include "util/fs.h"

#define FIX "issues/fixtures/"

static char *slurp(const char *path)
{
	struct buf b = BUF_INIT;
	struct err e = ERR_INIT;

	if (fs_read_regular(&b, path, 0, &e) < 0)
		fail_msg("%s", e.msg.ptr);
	return buf_detach(&b, NULL);
}

/* The Markdown of an ADF document given as JSON text. */
static char *adf_md(const char *json)
{
	struct json_doc d = JSON_DOC_INIT;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;

	if (json_parse(&d, json, strlen(json), JSON_MAX_DEPTH_DEFAULT, &e) < 0)
		fail_msg("%s", e.msg.ptr);
	issue_adf_to_markdown(&out, &d, 0);
	json_doc_release(&d);
	return buf_detach(&out, NULL);
}

static char *wiki_md(const char *s)
{
	struct buf out = BUF_INIT;

	issue_wiki_to_markdown(&out, s, strlen(s));
	return buf_detach(&out, NULL);
}

static void expect_adf(const char *json, const char *want)
{
	char *got = adf_md(json);

	assert_string_equal(got, want);
	free(got);
}

static void expect_wiki(const char *wiki, const char *want)
{
	char *got = wiki_md(wiki);

	assert_string_equal(got, want);
	free(got);
}

/* A paragraph doc around inline nodes. */
#define PARA(inl)                                                     \
	"{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":"     \
	"\"paragraph\",\"content\":[" inl "]}]}"
#define TEXT(t) "{\"type\":\"text\",\"text\":\"" t "\"}"
#define MARKED(t, m) \
	"{\"type\":\"text\",\"text\":\"" t "\",\"marks\":[" m "]}"

static void test_adf_fixture(void **state)
{
	char *json = slurp(FIX "adf-tricky.json");
	char *want = slurp(FIX "adf-tricky.md");

	(void)state;
	expect_adf(json, want);
	free(json);
	free(want);
}

static void test_adf_marks(void **state)
{
	(void)state;
	/* spaces move outside emphasis, or Markdown would not read it */
	expect_adf(PARA(TEXT("a") "," MARKED(" bold ", "{\"type\":\"strong\"}")
				"," TEXT("b")),
		   "a **bold** b\n");
	/* every mark at once, the link outermost */
	expect_adf(PARA(MARKED("all", "{\"type\":\"em\"},{\"type\":\"strike\"},"
				      "{\"type\":\"strong\"},{\"type\":"
				      "\"link\",\"attrs\":{\"href\":"
				      "\"https://x.y/(a)\"}}")),
		   "[***~~all~~***](<https://x.y/(a)>)\n");
	/* a code span holding backticks gets a longer fence */
	expect_adf(PARA(MARKED("a `b` c", "{\"type\":\"code\"}")),
		   "``a `b` c``\n");
	expect_adf(PARA(MARKED("`x", "{\"type\":\"code\"}")), "`` `x ``\n");
	/* literal Markdown in text is escaped, words with _ are not */
	expect_adf(PARA(TEXT("*x* [y] <b> snake_case _z_")),
		   "\\*x\\* \\[y\\] \\<b> snake_case \\_z\\_\n");
	/* unknown marks (colour, underline) are dropped, the text stays */
	expect_adf(PARA(MARKED("red", "{\"type\":\"textColor\",\"attrs\":"
				      "{\"color\":\"#f00\"}},{\"type\":"
				      "\"underline\"}")),
		   "red\n");
}

static void test_adf_degrades(void **state)
{
	(void)state;
	/* nothing, and not an object: nothing */
	expect_adf("{\"type\":\"doc\",\"version\":1,\"content\":[]}", "");
	expect_adf("[1,2]", "");
	expect_adf("null", "");
	/* a string where ADF was expected (a v2 field): as is */
	expect_adf("\"plain\"", "plain");
	/* an unknown inline node: its text; an unknown block: its content */
	expect_adf(PARA(TEXT("a ") ",{\"type\":\"sparkle\",\"text\":\"b\"}"),
		   "a b\n");
	expect_adf("{\"type\":\"doc\",\"content\":[{\"type\":\"layoutSection\","
		   "\"content\":[{\"type\":\"layoutColumn\",\"content\":[{"
		   "\"type\":\"paragraph\",\"content\":[" TEXT("left") "]}]},"
		   "{\"type\":\"layoutColumn\",\"content\":[{\"type\":"
		   "\"paragraph\",\"content\":[" TEXT("right") "]}]}]}]}",
		   "left\n\nright\n");
	/* an extension with no content: nothing, and no crash */
	expect_adf("{\"type\":\"doc\",\"content\":[{\"type\":\"extension\","
		   "\"attrs\":{\"extensionKey\":\"x\"}}]}",
		   "");
	/* wrong shapes inside: content not an array, text not a string */
	expect_adf("{\"type\":\"doc\",\"content\":{\"type\":\"paragraph\"}}",
		   "");
	expect_adf(PARA("{\"type\":\"text\",\"text\":42}," TEXT("ok")), "ok\n");
	/* a heading level out of range is clamped */
	expect_adf("{\"type\":\"doc\",\"content\":[{\"type\":\"heading\","
		   "\"attrs\":{\"level\":9},\"content\":[" TEXT("deep") "]}]}",
		   "###### deep\n");
	/* a mention without text names its id */
	expect_adf(PARA("{\"type\":\"mention\",\"attrs\":{\"id\":\"42\"}}"),
		   "@42\n");
}

static void test_adf_nesting(void **state)
{
	(void)state;
	/* a quote inside a list inside a quote: prefixes compose */
	expect_adf(
		"{\"type\":\"doc\",\"content\":[{\"type\":\"blockquote\","
		"\"content\":[{\"type\":\"bulletList\",\"content\":[{\"type\":"
		"\"listItem\",\"content\":[{\"type\":\"paragraph\",\"content\":"
		"[" TEXT("item") "]},{\"type\":\"blockquote\",\"content\":[{"
		"\"type\":\"paragraph\",\"content\":[" TEXT("inner") "]}]}]}]}]}]}",
		"> - item\n>   > inner\n");
	/* a table without a header row: the first row becomes it; short
	 * rows are padded */
	expect_adf(
		"{\"type\":\"doc\",\"content\":[{\"type\":\"table\",\"content\":"
		"[{\"type\":\"tableRow\",\"content\":[{\"type\":\"tableCell\","
		"\"content\":[{\"type\":\"paragraph\",\"content\":[" TEXT("a")
		"]}]},{\"type\":\"tableCell\",\"content\":[{\"type\":"
		"\"paragraph\",\"content\":[" TEXT("b") "]}]}]},{\"type\":"
		"\"tableRow\",\"content\":[{\"type\":\"tableCell\",\"content\":"
		"[{\"type\":\"paragraph\",\"content\":[" TEXT("c") "]}]}]}]}]}",
		"| a | b |\n| --- | --- |\n| c |  |\n");
}

static void test_wiki_fixture(void **state)
{
	char *wiki = slurp(FIX "wiki-tricky.txt");
	char *want = slurp(FIX "wiki-tricky.md");

	(void)state;
	expect_wiki(wiki, want);
	free(wiki);
	free(want);
}

static void test_wiki_edges(void **state)
{
	(void)state;
	expect_wiki("", "");
	/* unclosed markup stays literal (and escaped for Markdown) */
	expect_wiki("an *unclosed bold", "an \\*unclosed bold\n");
	expect_wiki("a {{mono", "a {{mono\n");
	/* an unclosed code block runs to the end, as in Jira */
	expect_wiki("{code:python}\nx = 1\n", "```python\nx = 1\n```\n");
	/* the language from named parameters */
	expect_wiki("{code:title=a.go|language=go}\nfunc f()\n{code}",
		    "```go\nfunc f()\n```\n");
	/* words with dashes and underscores, sums, are no markup */
	expect_wiki("well-known re-run snake_case 2 * 3",
		    "well-known re-run snake_case 2 * 3\n");
	/* headings of every level; a fake one is text */
	expect_wiki("h3. Three\nh7. seven", "### Three\n\nh7. seven\n");
	/* attachments and users */
	expect_wiki("[^log.txt] by [~ann]", "[attachment: log.txt] by @ann\n");
	/* a list item of an ordered list nests bullets under its text */
	expect_wiki("# a\n## b\n#* c",
		    "1. a\n   1. b\n   - c\n");
	/* a code block holding a Markdown fence gets a longer fence */
	expect_wiki("{noformat}```{noformat}", "````\n```\n````\n");
	/* CRLF line ends */
	expect_wiki("h1. T\r\nbody\r\n", "# T\n\nbody\n");
}

static char *repeat(const char *unit, size_t times)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < times; i++)
		buf_adds(&b, unit);
	return buf_detach(&b, NULL);
}

/* Hostile text: a hundred thousand unclosed markers on one line, or
 * quotes nested a hundred thousand deep. Each must come out (as text)
 * without a quadratic scan or a stack overflow; ctest's time limit on
 * this binary is what fails a quadratic converter. */
static void test_pathological(void **state)
{
	static const char *const units[] = { " *a", "_a ", "[", "{{", "??a ",
					     "<http://", "**a ", "`a ``",
					     "> ", "- ", "~~a " };
	struct buf out = BUF_INIT, adf = BUF_INIT;
	struct json_writer w;

	(void)state;
	for (size_t u = 0; u < sizeof(units) / sizeof(units[0]); u++) {
		char *s = repeat(units[u], 100000);
		size_t n = strlen(s);

		buf_reset(&out);
		issue_wiki_to_markdown(&out, s, n);
		assert_true(out.len > 0);
		buf_reset(&out);
		issue_markdown_to_wiki(&out, s, n);
		assert_true(out.len > 0);
		buf_reset(&adf);
		json_writer_init(&w, &adf);
		issue_markdown_to_adf(&w, s, n);
		assert_true(adf.len > 0);
		free(s);
	}
	buf_release(&out);
	buf_release(&adf);
}

static void test_markdown_out(void **state)
{
	char *md = slurp(FIX "comment.md");
	char *want_md = slurp(FIX "comment.roundtrip.md");
	char *want_wiki = slurp(FIX "comment.wiki");
	struct buf adf = BUF_INIT, wiki = BUF_INIT;
	struct json_writer w;
	char *back;

	(void)state;
	json_writer_init(&w, &adf);
	issue_markdown_to_adf(&w, md, strlen(md));
	/* the ADF is read back through the other converter: what a Jira
	 * Cloud user sees is what the comment said */
	back = adf_md(adf.ptr);
	assert_string_equal(back, want_md);
	free(back);
	/* no empty text node: Jira refuses them */
	assert_null(strstr(adf.ptr, "\"text\":\"\""));
	issue_markdown_to_wiki(&wiki, md, strlen(md));
	assert_string_equal(wiki.ptr, want_wiki);
	/* the wiki markup read back keeps the structure */
	back = wiki_md(wiki.ptr);
	assert_non_null(strstr(back, "## Plan for `parse_args`"));
	assert_non_null(strstr(back, "- step **two**\n  1. sub a\n  1. sub b"));
	assert_non_null(strstr(back, "```c\nint main(void) { return 0; }\n```"));
	free(back);
	buf_release(&adf);
	buf_release(&wiki);
	free(md);
	free(want_md);
	free(want_wiki);

	/* an empty comment is an empty doc, still valid ADF */
	buf_init(&adf, 0);
	json_writer_init(&w, &adf);
	issue_markdown_to_adf(&w, "", 0);
	assert_string_equal(adf.ptr,
			    "{\"version\":1,\"type\":\"doc\",\"content\":[]}");
	buf_release(&adf);
}

static void test_from_markdown(void **state)
{
	static const char doc[] =
		"---\n"
		"title: From front matter\n"
		"status: In Progress\n"
		"labels: [bug, \"ui\"]\n"
		"owner: ann\n"
		"---\n"
		"\n"
		"```md\n"
		"# not the title: in a fence\n"
		"```\n"
		"## Crash on save\n"
		"\n"
		"It crashes.\n";
	struct issue is;

	(void)state;
	issue_init(&is);
	issue_from_markdown(&is, doc, strlen(doc), "x.md");
	assert_string_equal(is.title, "Crash on save");
	assert_string_equal(is.description,
			    "```md\n# not the title: in a fence\n```\n\n"
			    "It crashes.\n");
	assert_string_equal(is.status, "In Progress");
	assert_int_equal(is.labels.n, 2);
	assert_string_equal(is.labels.v[1], "ui");
	assert_string_equal(is.fields.ptr,
			    "{\"frontMatter\":{\"owner\":\"ann\"}}");
	issue_release(&is);

	/* no heading: the front matter's title, else the file's name */
	issue_init(&is);
	issue_from_markdown(&is, "just text\n", 10, "notes.md");
	assert_string_equal(is.title, "notes.md");
	assert_string_equal(is.description, "just text\n");
	issue_release(&is);
	issue_init(&is);
	issue_from_markdown(&is, "---\ntitle: T\nlabels:\n  - a\n  - b\n---\nbody",
			    41, NULL);
	assert_string_equal(is.title, "T");
	assert_int_equal(is.labels.n, 2);
	assert_string_equal(is.description, "body\n");
	issue_release(&is);
}

static void test_issue_json(void **state)
{
	static const char in[] =
		"{\"title\":\"T\",\"description\":\"D\",\"labels\":[\"a\"],"
		"\"fields\":{\"x\":[1,{\"y\":null}]}}";
	struct json_doc d = JSON_DOC_INIT;
	struct err e = ERR_INIT;
	struct issue is;
	struct buf out = BUF_INIT;
	struct json_writer w;

	(void)state;
	issue_init(&is);
	assert_int_equal(json_parse(&d, in, strlen(in), 16, &e), 0);
	assert_int_equal(issue_parse_json(&is, &d, 0, &e), 0);
	json_writer_init(&w, &out);
	issue_write_json(&w, &is);
	assert_string_equal(out.ptr,
			    "{\"source\":\"inline\",\"key\":null,\"title\":\"T\","
			    "\"description\":\"D\",\"url\":null,\"status\":null,"
			    "\"labels\":[\"a\"],\"fields\":{\"x\":[1,{\"y\":"
			    "null}]}}");
	json_doc_release(&d);
	issue_release(&is);
	buf_release(&out);

	/* what is wrong is named */
	static const char *const bad[] = {
		"{\"description\":\"no title\"}",
		"{\"title\":\"\"}",
		"{\"title\":\"t\",\"labels\":[1]}",
		"{\"title\":\"t\",\"source\":\"gitlab\"}",
		"{\"title\":\"t\",\"fields\":[]}",
		"[]",
	};
	static const char *const why[] = {
		"issue.title", "issue.title", "issue.labels", "issue.source",
		"issue.fields", "issue: an object",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		issue_init(&is);
		assert_int_equal(json_parse(&d, bad[i], strlen(bad[i]), 16, &e),
				 0);
		assert_int_equal(issue_parse_json(&is, &d, 0, &e), -1);
		assert_int_equal(e.kind, ERR_INVALID_PARAMS);
		assert_non_null(strstr(e.msg.ptr, why[i]));
		err_clear(&e);
		json_doc_release(&d);
		issue_release(&is);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_adf_fixture),
		cmocka_unit_test(test_adf_marks),
		cmocka_unit_test(test_adf_degrades),
		cmocka_unit_test(test_adf_nesting),
		cmocka_unit_test(test_wiki_fixture),
		cmocka_unit_test(test_wiki_edges),
		cmocka_unit_test(test_markdown_out),
		cmocka_unit_test(test_pathological),
		cmocka_unit_test(test_from_markdown),
		cmocka_unit_test(test_issue_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
