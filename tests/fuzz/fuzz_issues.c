/*
 * Fuzz target: any bytes through the issue text converters. As JSON (when
 * it parses) through ADF -> Markdown; as text through wiki markup ->
 * Markdown, Markdown -> ADF (which must be valid JSON whose Markdown comes
 * back without a crash) and Markdown -> wiki markup, and as a Markdown
 * issue file. No input may crash, hang or leak.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "issues/issues.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct json_doc d = JSON_DOC_INIT, back = JSON_DOC_INIT;
	struct buf out = BUF_INIT, adf = BUF_INIT;
	struct json_writer w;
	struct issue is;

	if (json_parse(&d, s, size, JSON_MAX_DEPTH_DEFAULT, NULL) == 0)
		issue_adf_to_markdown(&out, &d, 0);
	json_doc_release(&d);
	buf_reset(&out);
	issue_wiki_to_markdown(&out, s, size);
	buf_reset(&out);
	issue_markdown_to_wiki(&out, s, size);
	json_writer_init(&w, &adf);
	issue_markdown_to_adf(&w, s, size);
	if (json_parse(&back, adf.ptr, adf.len, JSON_MAX_DEPTH_DEFAULT, NULL) < 0)
		abort(); /* the writer made invalid JSON */
	buf_reset(&out);
	issue_adf_to_markdown(&out, &back, 0);
	json_doc_release(&back);
	issue_init(&is);
	issue_from_markdown(&is, s, size, "fuzz.md");
	if (!is.title || !is.description)
		abort();
	issue_release(&is);
	buf_release(&out);
	buf_release(&adf);
	return 0;
}
