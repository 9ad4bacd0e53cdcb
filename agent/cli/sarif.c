#include "cli/sarif.h"

#include <string.h>

#include "json/json.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

static const struct {
	const char *id, *text;
} rules[] = {
	{ CAT_MISSING_EXPORT, "A module does not export the name imported "
			      "from it." },
	{ CAT_IMPORT_RESOLUTION, "An import names a module or file that "
				 "cannot be found." },
	{ CAT_UNDEFINED_SYMBOL, "A name is used that is not declared." },
	{ CAT_TYPE_ERROR, "A value's type does not fit where it is used." },
	{ CAT_SYNTAX_ERROR, "The source does not parse." },
	{ CAT_TAILWIND_INVALID_CLASS, "A Tailwind class that does not "
				      "exist." },
	{ CAT_LINT_VIOLATION, "A linter rule is violated." },
	{ CAT_TEST_FAILURE, "A test failed." },
	{ CAT_LINK_ERROR, "The linker could not resolve or combine "
			  "symbols." },
	{ CAT_MISSING_DEPENDENCY, "A package or library the code needs is "
				  "not installed." },
	{ CAT_TIMEOUT, "A tool or test did not finish in time." },
	{ CAT_UNKNOWN, "An error no pattern could categorise." },
};

#define NRULES (sizeof(rules) / sizeof(rules[0]))

static size_t rule_index(const char *category)
{
	size_t i;

	for (i = 0; i < NRULES - 1; i++)
		if (!strcmp(rules[i].id, category))
			return i;
	return NRULES - 1; /* unknown */
}

static const char *level(enum diag_severity s)
{
	return s == DIAG_ERROR ? "error" : s == DIAG_WARNING ? "warning"
							     : "note";
}

/* RFC 3986: everything but unreserved characters and '/' percent-encoded,
 * so a path with spaces or '#' stays one URI reference. */
static void add_uri_path(struct buf *out, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
			buf_addch(out, *p);
		else
			buf_addf(out, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
	}
}

static void write_location(struct json_writer *w, const struct diag *d)
{
	struct buf uri = BUF_INIT;

	json_key(w, "locations");
	json_arr_begin(w);
	json_obj_begin(w);
	json_key(w, "physicalLocation");
	json_obj_begin(w);
	json_key(w, "artifactLocation");
	json_obj_begin(w);
	if (d->file[0] == '/') {
		buf_adds(&uri, "file://");
		add_uri_path(&uri, d->file);
		json_kv_str(w, "uri", uri.ptr);
	} else {
		add_uri_path(&uri, d->file[0] == '.' && d->file[1] == '/'
					   ? d->file + 2 : d->file);
		json_kv_str(w, "uri", uri.ptr);
		json_kv_str(w, "uriBaseId", "%SRCROOT%");
	}
	json_obj_end(w);
	if (d->line > 0) {
		json_key(w, "region");
		json_obj_begin(w);
		json_kv_int(w, "startLine", d->line);
		if (d->column > 0)
			json_kv_int(w, "startColumn", d->column);
		json_obj_end(w);
	}
	json_obj_end(w);
	json_obj_end(w);
	json_arr_end(w);
	buf_release(&uri);
}

static void write_result(struct json_writer *w, const struct diag *d)
{
	struct buf text = BUF_INIT;

	json_obj_begin(w);
	json_kv_str(w, "ruleId", rules[rule_index(d->category)].id);
	json_kv_int(w, "ruleIndex", (int64_t)rule_index(d->category));
	json_kv_str(w, "level", level(d->severity));
	json_key(w, "message");
	json_obj_begin(w);
	buf_adds(&text, d->message && *d->message ? d->message
						  : d->category);
	if (d->hint && *d->hint)
		buf_addf(&text, "\nhint: %s", d->hint);
	json_kv_str(w, "text", text.ptr);
	json_obj_end(w);
	if (d->file && *d->file)
		write_location(w, d);
	json_key(w, "properties");
	json_obj_begin(w);
	if (d->tool)
		json_kv_str(w, "tool", d->tool);
	if (d->code)
		json_kv_str(w, "code", d->code);
	if (d->hint)
		json_kv_str(w, "hint", d->hint);
	json_obj_end(w);
	json_obj_end(w);
	buf_release(&text);
}

void sarif_write(struct buf *out, const struct diag_list *l,
		 const char *srcroot)
{
	struct json_writer w;
	struct buf root = BUF_INIT;
	size_t i;

	/* ruleIndex points into the full table, so every rule is listed;
	 * twelve short lines, and a reader needs no second lookup. */
	json_writer_init(&w, out);
	json_obj_begin(&w);
	json_kv_str(&w, "$schema", SARIF_SCHEMA);
	json_kv_str(&w, "version", "2.1.0");
	json_key(&w, "runs");
	json_arr_begin(&w);
	json_obj_begin(&w);
	json_key(&w, "tool");
	json_obj_begin(&w);
	json_key(&w, "driver");
	json_obj_begin(&w);
	json_kv_str(&w, "name", "airunner");
	json_kv_str(&w, "version", AIRUNNER_VERSION);
	json_key(&w, "rules");
	json_arr_begin(&w);
	for (i = 0; i < NRULES; i++) {
		json_obj_begin(&w);
		json_kv_str(&w, "id", rules[i].id);
		json_key(&w, "shortDescription");
		json_obj_begin(&w);
		json_kv_str(&w, "text", rules[i].text);
		json_obj_end(&w);
		json_obj_end(&w);
	}
	json_arr_end(&w);
	json_obj_end(&w);
	json_obj_end(&w);
	/* A base URI must end with '/' (SARIF 3.14.14). */
	buf_adds(&root, "file://");
	add_uri_path(&root, srcroot);
	if (root.ptr[root.len - 1] != '/')
		buf_addch(&root, '/');
	json_key(&w, "originalUriBaseIds");
	json_obj_begin(&w);
	json_key(&w, "%SRCROOT%");
	json_obj_begin(&w);
	json_kv_str(&w, "uri", root.ptr);
	json_obj_end(&w);
	json_obj_end(&w);
	json_key(&w, "results");
	json_arr_begin(&w);
	for (i = 0; i < l->n; i++)
		write_result(&w, &l->v[i]);
	json_arr_end(&w);
	json_obj_end(&w);
	json_arr_end(&w);
	json_obj_end(&w);
	buf_addch(out, '\n');
	buf_release(&root);
}
