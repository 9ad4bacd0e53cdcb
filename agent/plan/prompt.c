/*
 * The words of plan generation: the stable instructions (the first system
 * block, byte for byte the same in every call so the cached prefix holds),
 * the user turn with the issue (and, when revising, the previous plan and
 * the feedback), and the repair turn that carries the validation errors.
 */
#include <string.h>

#include "plan/internal.h"
#include "plan/prompt.h"

const char plan_prompt_instructions[] =
	"You are airunner's planner. You write implementation plans for "
	"issues in the software repository described in the next system "
	"block (the file map, the manifests, and outlines of the source "
	"files).\n"
	"\n"
	"A plan breaks the issue into subtasks that a coding agent will "
	"carry out one at a time, each in a single session that edits a few "
	"files and is then verified by the project's own checks (compiler, "
	"linter, tests) and committed. Make each subtask small enough for "
	"that: one coherent change, usually under a day of work, that leaves "
	"the project building and its tests passing.\n"
	"\n"
	"Answer with the plan as one JSON object and nothing else: no prose "
	"before or after it, no Markdown fence. The object has exactly these "
	"members:\n"
	"\n"
	"{\n"
	"  \"summary\": string, what the change does and how, in a few "
	"sentences,\n"
	"  \"subtasks\": [ {\n"
	"    \"id\": string, short and unique: \"S1\", \"S2\", ...,\n"
	"    \"title\": string, imperative, one line,\n"
	"    \"description\": string, what to change and how, naming the "
	"functions and types involved,\n"
	"    \"files\": [string], existing files it changes, paths relative "
	"to the repository's top exactly as in the file map,\n"
	"    \"newFiles\": [string], files it creates (not existing yet),\n"
	"    \"acceptanceCriteria\": [string], at least one, each checkable "
	"(a test that passes, a behaviour to observe),\n"
	"    \"estimateHours\": number, above 0 and at most 40,\n"
	"    \"dependsOn\": [string], ids of the subtasks that must be done "
	"before this one\n"
	"  } ],\n"
	"  \"risks\": [string], what could go wrong or be hard,\n"
	"  \"openQuestions\": [string], what the issue leaves undecided "
	"(empty if nothing)\n"
	"}\n"
	"\n"
	"Rules the plan is checked against:\n"
	"- at least one subtask, at most 50;\n"
	"- ids unique; dependsOn names only ids of this plan, never the "
	"subtask itself, and the dependencies form no cycle;\n"
	"- every path in files exists in the repository, or is in the "
	"newFiles of an earlier subtask; every path in newFiles does not "
	"exist yet; no absolute paths, no '..';\n"
	"- order the subtasks so each comes after those it depends on.\n"
	"\n"
	"Where the repository view does not show enough to be sure, say so "
	"in openQuestions or risks rather than inventing files or APIs.\n";

static void add_issue(struct buf *out, const struct plan_issue *i)
{
	buf_adds(out, "# Issue\n\n");
	if (i->key)
		buf_addf(out, "Key: %s (%s)\n", i->key,
			 i->source ? i->source : "inline");
	if (i->url)
		buf_addf(out, "URL: %s\n", i->url);
	buf_addf(out, "Title: %s\n\n", i->title ? i->title : "(none)");
	if (i->description && *i->description) {
		buf_adds(out, i->description);
		buf_adds(out, "\n\n");
	}
}

void plan_prompt_user(struct buf *out, const struct plan_issue *issue,
		      const struct plan *previous, const char *feedback)
{
	add_issue(out, issue);
	if (previous) {
		struct buf json = BUF_INIT;
		struct json_writer w;
		json_writer_init(&w, &json);
		plan_write_answer_json(&w, previous);
		buf_addf(out, "# The current plan (revision %d)\n\n",
			 previous->revision);
		buf_add(out, json.ptr, json.len);
		buf_adds(out, "\n\n# Feedback on it\n\n");
		buf_adds(out, feedback ? feedback : "");
		buf_adds(out, "\n\nRevise the plan to address the feedback. "
			 "Keep what the feedback does not question. Answer "
			 "with the whole revised plan as one JSON object.\n");
		buf_release(&json);
		return;
	}
	if (feedback && *feedback) {
		buf_adds(out, "# Guidance\n\n");
		buf_adds(out, feedback);
		buf_adds(out, "\n\n");
	}
	buf_adds(out, "Write the implementation plan for this issue. Answer "
		 "with the plan as one JSON object.\n");
}

void plan_prompt_repair(struct buf *out, const struct strv *errors)
{
	buf_adds(out, "That plan does not pass the checks:\n");
	for (size_t i = 0; i < errors->n; i++)
		buf_addf(out, "- %s\n", errors->v[i]);
	buf_adds(out, "\nAnswer again with the whole corrected plan as one "
		 "JSON object, nothing else.\n");
}
