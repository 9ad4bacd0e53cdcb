/*
 * exec/tools: the edit tools the model works through, their definitions
 * (the `tools` array of a request) and their execution on a confined
 * workspace. A tool that fails answers the model with what went wrong, in
 * words it can act on; it never ends the run.
 */
#ifndef AIRUNNER_EXEC_TOOLS_H
#define AIRUNNER_EXEC_TOOLS_H

#include <stdbool.h>
#include <stddef.h>

#include "json/json.h"
#include "util/buf.h"
#include "util/err.h"

struct workspace;

/* The tool definitions as a JSON array ({name, description, input_schema}):
 * static, the same bytes for every request (a cacheable prefix). */
const char *exec_tools_json(void);
size_t exec_tools_len(void);

/* One call as it ran. Strings owned (exec_tool_call_release). */
struct exec_tool_call {
	char *id, *name;
	char *path;         /* the path it named, or NULL */
	const char *action; /* for an edit: "write", "replace", "delete" */
	bool edit;          /* it changed the work tree */
	bool created;       /* a write made a new file */
	enum err_kind error; /* why it failed, ERR_NONE when it did not */
};

/*
 * Runs tc->name with the input object d[input] on ws and appends what the
 * model is told to out. 0, or -1 when the call failed (out says why: an
 * unknown tool, a missing argument, a path refused, a snippet that matched
 * zero or several times).
 */
int exec_tool_run(struct workspace *ws, const struct json_doc *d, int input,
		  struct exec_tool_call *tc, struct buf *out);
/* {name, path?} and {path, action}: the tool and edit events' data. */
void exec_tool_event(const struct exec_tool_call *tc, struct buf *out);
void exec_tool_edit_event(const struct exec_tool_call *tc, struct buf *out);
void exec_tool_call_release(struct exec_tool_call *tc);

#endif
