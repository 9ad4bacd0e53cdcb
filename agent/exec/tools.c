#include <stdlib.h>
#include <string.h>

#include "exec/tools.h"
#include "exec/workspace.h"
#include "util/err.h"
#include "util/mem.h"
#include "util/strv.h"

/* What a read shows at most, and a listing. */
#define READ_MAX (256 << 10)
#define LIST_MAX 2000
#define SEARCH_MAX 200

#define PATH_PROP \
	"\"path\":{\"type\":\"string\",\"description\":\"relative to the " \
	"repository's top folder, e.g. src/app.ts\"}"

static const char TOOLS[] =
	"["
	"{\"name\":\"read_file\",\"description\":\"Reads a file of the "
	"repository. With start_line/end_line (1-based, inclusive) only "
	"those lines.\",\"input_schema\":{\"type\":\"object\",\"properties\":"
	"{" PATH_PROP ",\"start_line\":{\"type\":\"integer\"},\"end_line\":"
	"{\"type\":\"integer\"}},\"required\":[\"path\"]}},"
	"{\"name\":\"list_files\",\"description\":\"Lists the files git sees "
	"in the work tree (tracked, and untracked but not ignored), under a "
	"folder or everywhere.\",\"input_schema\":{\"type\":\"object\","
	"\"properties\":{" PATH_PROP "}}},"
	"{\"name\":\"search\",\"description\":\"Searches the files for lines "
	"matching a regular expression (PCRE2); answers path:line: text.\","
	"\"input_schema\":{\"type\":\"object\",\"properties\":{\"pattern\":"
	"{\"type\":\"string\"}," PATH_PROP "},\"required\":[\"pattern\"]}},"
	"{\"name\":\"write_file\",\"description\":\"Writes the whole content "
	"of a file, creating it (and its folders) if needed.\","
	"\"input_schema\":{\"type\":\"object\",\"properties\":{" PATH_PROP
	",\"content\":{\"type\":\"string\"}},\"required\":[\"path\","
	"\"content\"]}},"
	"{\"name\":\"replace_in_file\",\"description\":\"Replaces one exact "
	"occurrence of old_text in a file by new_text. old_text must occur "
	"exactly once: include enough surrounding lines.\",\"input_schema\":"
	"{\"type\":\"object\",\"properties\":{" PATH_PROP ",\"old_text\":"
	"{\"type\":\"string\"},\"new_text\":{\"type\":\"string\"}},"
	"\"required\":[\"path\",\"old_text\",\"new_text\"]}},"
	"{\"name\":\"delete_file\",\"description\":\"Deletes a file.\","
	"\"input_schema\":{\"type\":\"object\",\"properties\":{" PATH_PROP
	"},\"required\":[\"path\"]}}"
	"]";

const char *exec_tools_json(void)
{
	return TOOLS;
}

size_t exec_tools_len(void)
{
	return sizeof(TOOLS) - 1;
}

/* A string argument into out; false (and a message) when it is missing. */
static bool arg_str(const struct json_doc *d, int input, const char *name,
		    struct buf *val, struct buf *out)
{
	int v = input >= 0 ? json_get(d, input, name) : -1;

	if (v < 0 || json_type(d, v) != JSON_STRING) {
		buf_addf(out, "missing argument: %s (a string)", name);
		return false;
	}
	json_str(d, v, val);
	return true;
}

/* The kind first: "outside_workspace: ..." tells the model (and the
 * person reading the run's events) what rule it met. */
static void say_err(struct exec_tool_call *tc, struct buf *out,
		    const struct err *e)
{
	tc->error = e->kind;
	buf_addf(out, "%s: ", err_kind_name(e->kind));
	buf_add(out, e->msg.ptr, e->msg.len);
}

static int read_lines(struct workspace *ws, const struct json_doc *d,
		      int input, const char *path, struct exec_tool_call *tc,
		      struct buf *out)
{
	struct workspace_file f = WORKSPACE_FILE_INIT;
	struct err e = ERR_INIT;
	int64_t from = 0, to = 0;
	int rc = -1;

	json_int64(d, json_get(d, input, "start_line"), &from);
	json_int64(d, json_get(d, input, "end_line"), &to);
	if (workspace_read(ws, path, READ_MAX, &f, &e) < 0) {
		say_err(tc, out, &e);
		goto out;
	}
	if (!f.exists) {
		buf_addf(out, "%s does not exist", path);
		goto out;
	}
	if (memchr(f.content.ptr, 0, f.content.len)) {
		buf_addf(out, "%s is a binary file (%zu bytes)", path,
			 f.content.len);
		rc = 0;
		goto out;
	}
	if (from <= 0 && to <= 0) {
		buf_add(out, f.content.ptr, f.content.len);
	} else {
		int64_t line = 1;
		const char *p = f.content.ptr, *end = p + f.content.len;

		if (from <= 0)
			from = 1;
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			const char *next = nl ? nl + 1 : end;

			if (line >= from && (to <= 0 || line <= to))
				buf_add(out, p, (size_t)(next - p));
			p = next;
			line++;
		}
	}
	rc = 0;
out:
	workspace_file_release(&f);
	err_clear(&e);
	return rc;
}

int exec_tool_run(struct workspace *ws, const struct json_doc *d, int input,
		  struct exec_tool_call *tc, struct buf *out)
{
	struct buf path = BUF_INIT, a = BUF_INIT, b = BUF_INIT;
	struct err e = ERR_INIT;
	const char *name = tc->name ? tc->name : "";
	bool has_path = input >= 0 && json_get(d, input, "path") >= 0;
	int rc = -1;

	if (has_path && !arg_str(d, input, "path", &path, out))
		goto out;
	if (has_path)
		tc->path = xstrdup(path.ptr);
	if (!strcmp(name, "read_file")) {
		if (!has_path && !arg_str(d, input, "path", &path, out))
			goto out;
		rc = read_lines(ws, d, input, path.ptr, tc, out);
	} else if (!strcmp(name, "list_files")) {
		struct strv files = STRV_INIT;

		if (workspace_list(ws, has_path ? path.ptr : NULL, &files,
				   &e) < 0) {
			say_err(tc, out, &e);
		} else {
			for (size_t i = 0; i < files.n && i < LIST_MAX; i++)
				buf_addf(out, "%s\n", files.v[i]);
			if (files.n > LIST_MAX)
				buf_addf(out, "... and %zu more\n",
					 files.n - LIST_MAX);
			if (!files.n)
				buf_adds(out, "(no files)\n");
			rc = 0;
		}
		strv_release(&files);
	} else if (!strcmp(name, "search")) {
		struct workspace_search_result sr = { 0 };

		if (!arg_str(d, input, "pattern", &a, out))
			goto out;
		if (workspace_search(ws, a.ptr, has_path ? path.ptr : NULL,
				     SEARCH_MAX, out, &sr, &e) < 0) {
			say_err(tc, out, &e);
			goto out;
		}
		if (!sr.matches)
			buf_adds(out, "(no match)\n");
		if (sr.truncated)
			buf_addf(out, "(stopped at %d matches: narrow the "
				      "pattern or the folder)\n", SEARCH_MAX);
		rc = 0;
	} else if (!strcmp(name, "write_file")) {
		if (!has_path && !arg_str(d, input, "path", &path, out))
			goto out;
		if (!arg_str(d, input, "content", &a, out))
			goto out;
		tc->edit = true;
		tc->action = "write";
		if (workspace_write(ws, path.ptr, a.ptr, a.len, &tc->created,
				    &e) < 0) {
			say_err(tc, out, &e);
			goto out;
		}
		buf_addf(out, "%s %s (%zu bytes)", tc->created ? "created"
							       : "wrote",
			 path.ptr, a.len);
		rc = 0;
	} else if (!strcmp(name, "replace_in_file")) {
		if (!has_path && !arg_str(d, input, "path", &path, out))
			goto out;
		if (!arg_str(d, input, "old_text", &a, out) ||
		    !arg_str(d, input, "new_text", &b, out))
			goto out;
		tc->edit = true;
		tc->action = "replace";
		if (!a.len) {
			buf_adds(out, "old_text is empty: name the text to "
				      "replace, or use write_file");
			goto out;
		}
		if (workspace_replace(ws, path.ptr, a.ptr, a.len, b.ptr, b.len,
				      0, &e) < 0) {
			say_err(tc, out, &e);
			goto out;
		}
		buf_addf(out, "replaced in %s", path.ptr);
		rc = 0;
	} else if (!strcmp(name, "delete_file")) {
		if (!has_path && !arg_str(d, input, "path", &path, out))
			goto out;
		tc->edit = true;
		tc->action = "delete";
		if (workspace_delete(ws, path.ptr, &e) < 0) {
			say_err(tc, out, &e);
			goto out;
		}
		buf_addf(out, "deleted %s", path.ptr);
		rc = 0;
	} else {
		buf_addf(out, "unknown tool: %s (the tools are read_file, "
			      "list_files, search, write_file, replace_in_file, "
			      "delete_file)", name);
	}
out:
	buf_release(&path);
	buf_release(&a);
	buf_release(&b);
	err_clear(&e);
	return rc;
}

void exec_tool_event(const struct exec_tool_call *tc, struct buf *out)
{
	struct json_writer w;

	json_writer_init(&w, out);
	json_obj_begin(&w);
	json_kv_str(&w, "name", tc->name ? tc->name : "");
	if (tc->path)
		json_kv_str(&w, "path", tc->path);
	json_obj_end(&w);
}

void exec_tool_edit_event(const struct exec_tool_call *tc, struct buf *out)
{
	struct json_writer w;

	json_writer_init(&w, out);
	json_obj_begin(&w);
	json_kv_str(&w, "path", tc->path ? tc->path : "");
	json_kv_str(&w, "action", tc->action);
	if (tc->created)
		json_kv_bool(&w, "created", true);
	json_obj_end(&w);
}

void exec_tool_call_release(struct exec_tool_call *tc)
{
	free(tc->id);
	free(tc->name);
	free(tc->path);
	memset(tc, 0, sizeof(*tc));
}
