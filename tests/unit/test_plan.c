/* plan: reading a model's answer, validating tricky plans, the JSON written
 * back, Markdown issues, and plans with revisions in a real store. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plan/plan.h"
#include "store/store.h"

/* ---- helpers ---- */

/* The work tree the plans talk about: these files exist. */
static const char *const existing[] = {
	"src/cart.ts", "src/format.ts", "README.md", NULL,
};

static bool exists(const char *path, void *data)
{
	(void)data;
	for (int i = 0; existing[i]; i++)
		if (!strcmp(existing[i], path))
			return true;
	return false;
}

/* A subtask as JSON: id, files, newFiles, dependsOn, estimate. */
static void add_subtask(struct buf *b, const char *id, const char *files,
			const char *new_files, const char *deps, const char *est)
{
	if (b->len && b->ptr[b->len - 1] == '}')
		buf_addch(b, ',');
	buf_addf(b, "{\"id\":\"%s\",\"title\":\"Do %s\",\"description\":\"d\","
		 "\"files\":[%s],\"newFiles\":[%s],\"acceptanceCriteria\":"
		 "[\"works\"],\"estimateHours\":%s,\"dependsOn\":[%s]}",
		 id, id, files, new_files, est, deps);
}

static void wrap(struct buf *out, const struct buf *subs)
{
	buf_addf(out, "{\"summary\":\"s\",\"subtasks\":[%s],\"risks\":[],"
		 "\"openQuestions\":[]}", subs->ptr);
}

/* Parses and validates text; the errors into *errors (caller releases). */
static int check(const char *text, struct strv *errors)
{
	struct plan p;
	struct err e = ERR_INIT;
	int r;

	plan_init(&p);
	r = plan_parse(&p, text, strlen(text), errors, &e);
	if (r == 0 || p.n_subtasks)
		plan_validate(&p, exists, NULL, errors);
	plan_release(&p);
	err_clear(&e);
	return r;
}

/* Whether one of the errors contains s. */
static bool said(const struct strv *errors, const char *s)
{
	for (size_t i = 0; i < errors->n; i++)
		if (strstr(errors->v[i], s))
			return true;
	return false;
}

static void dump(const struct strv *errors)
{
	for (size_t i = 0; i < errors->n; i++)
		fprintf(stderr, "  %s\n", errors->v[i]);
}

#define ASSERT_SAID(errors, s)                                          \
	do {                                                            \
		if (!said(errors, s)) {                                 \
			dump(errors);                                   \
			fail_msg("no error says \"%s\"", s);            \
		}                                                       \
	} while (0)

/* ---- parsing ---- */

static void test_parse_wrapped_answers(void **state)
{
	static const char *const forms[] = {
		"%s",
		"```json\n%s\n```\n",
		"Here is the plan:\n\n```json\n%s\n```\n\nLet me know.",
		"Sure. %s That is all.",
		"```\n%s\n```",
	};
	struct buf subs = BUF_INIT, json = BUF_INIT;

	(void)state;
	add_subtask(&subs, "S1", "\"src/cart.ts\"", "", "", "1.5");
	wrap(&json, &subs);
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		struct buf text = BUF_INIT;
		struct strv errors = STRV_INIT;
		struct plan p;
		struct err e = ERR_INIT;

		plan_init(&p);
		buf_addf(&text, forms[i], json.ptr);
		assert_int_equal(plan_parse(&p, text.ptr, text.len, &errors,
					    &e), 0);
		assert_int_equal(errors.n, 0);
		assert_int_equal(p.n_subtasks, 1);
		assert_string_equal(p.subtasks[0].id, "S1");
		assert_string_equal(p.subtasks[0].files.v[0], "src/cart.ts");
		assert_true(p.subtasks[0].estimate_hours == 1.5);
		assert_int_equal(plan_validate(&p, exists, NULL, &errors), 0);
		plan_release(&p);
		strv_release(&errors);
		buf_release(&text);
	}
	buf_release(&subs);
	buf_release(&json);
}

static void test_parse_schema_errors(void **state)
{
	struct strv errors = STRV_INIT;
	struct plan p;
	struct err e = ERR_INIT;
	const char *text;

	(void)state;
	plan_init(&p);
	assert_int_equal(plan_parse(&p, "I cannot plan this.", 19, &errors,
				    &e), -1);
	assert_int_equal(e.kind, ERR_PLAN_INVALID);
	ASSERT_SAID(&errors, "no JSON object");
	strv_release(&errors);
	err_clear(&e);

	text = "{\"summary\": 3, \"subtasks\": [{\"id\": \"S1\", \"title\": \"t\","
	       " \"description\": \"d\", \"files\": [\"a\", 2],"
	       " \"estimateHours\": \"2h\", \"acceptanceCriteria\": []},"
	       " \"S2\"], \"risks\": \"none\"}";
	assert_int_equal(plan_parse(&p, text, strlen(text), &errors, &e), -1);
	ASSERT_SAID(&errors, "summary: expected a string, got a number");
	ASSERT_SAID(&errors, "subtasks[0].files[1]: expected a non-empty "
			     "string, got a number");
	ASSERT_SAID(&errors, "subtasks[0].estimateHours: expected a number, "
			     "got a string");
	ASSERT_SAID(&errors, "subtasks[0].acceptanceCriteria: empty");
	ASSERT_SAID(&errors, "subtasks[1]: expected an object, got a string");
	ASSERT_SAID(&errors, "risks: expected an array of strings");
	plan_release(&p);
	strv_release(&errors);
	err_clear(&e);

	text = "{\"summary\": \"s\"}";
	assert_int_equal(plan_parse(&p, text, strlen(text), &errors, &e), -1);
	ASSERT_SAID(&errors, "subtasks: missing");
	plan_release(&p);
	strv_release(&errors);
	err_clear(&e);
}

/* ---- validation ---- */

static void test_cycles_named(void **state)
{
	struct buf subs = BUF_INIT, json = BUF_INIT;
	struct strv errors = STRV_INIT;

	(void)state;
	/* S1 -> S2 -> S3 -> S1, and apart from it S4 <-> S5; S6 on itself. */
	add_subtask(&subs, "S1", "", "", "\"S2\"", "1");
	add_subtask(&subs, "S2", "", "", "\"S3\"", "1");
	add_subtask(&subs, "S3", "", "", "\"S1\"", "1");
	add_subtask(&subs, "S4", "", "", "\"S5\"", "1");
	add_subtask(&subs, "S5", "", "", "\"S4\"", "1");
	add_subtask(&subs, "S6", "", "", "\"S6\"", "1");
	wrap(&json, &subs);
	assert_int_equal(check(json.ptr, &errors), 0);
	ASSERT_SAID(&errors, "dependency cycle S1 -> S2 -> S3 -> S1");
	ASSERT_SAID(&errors, "dependency cycle S4 -> S5 -> S4");
	ASSERT_SAID(&errors, "S6 depends on itself");
	assert_int_equal(errors.n, 3);
	strv_release(&errors);
	buf_release(&subs);
	buf_release(&json);
}

/* A diamond shares dependencies without a cycle; so does a chain given
 * in reverse order. */
static void test_diamond_is_fine(void **state)
{
	struct buf subs = BUF_INIT, json = BUF_INIT;
	struct strv errors = STRV_INIT;

	(void)state;
	add_subtask(&subs, "D", "", "", "\"B\",\"C\"", "1");
	add_subtask(&subs, "B", "", "", "\"A\"", "1");
	add_subtask(&subs, "C", "", "", "\"A\"", "1");
	add_subtask(&subs, "A", "", "", "", "1");
	wrap(&json, &subs);
	assert_int_equal(check(json.ptr, &errors), 0);
	if (errors.n)
		dump(&errors);
	assert_int_equal(errors.n, 0);
	buf_release(&subs);
	buf_release(&json);
}

static void test_ids_and_dependencies(void **state)
{
	struct buf subs = BUF_INIT, json = BUF_INIT;
	struct strv errors = STRV_INIT;

	(void)state;
	add_subtask(&subs, "S1", "", "", "", "1");
	add_subtask(&subs, "S1", "", "", "\"S9\",\"S1\"", "1");
	add_subtask(&subs, "step two", "", "", "\"S1\",\"S1\"", "1");
	wrap(&json, &subs);
	check(json.ptr, &errors);
	ASSERT_SAID(&errors, "subtasks[1].id: \"S1\" is the id of "
			     "subtasks[0] too");
	ASSERT_SAID(&errors, "subtasks[1].dependsOn: \"S9\" is not a subtask "
			     "id");
	ASSERT_SAID(&errors, "subtasks[2].id: \"step two\" is not an id");
	ASSERT_SAID(&errors, "subtasks[2].dependsOn: \"S1\" twice");
	strv_release(&errors);
	buf_reset(&json);
	buf_reset(&subs);

	/* No subtask at all. */
	wrap(&json, &subs);
	check(json.ptr, &errors);
	ASSERT_SAID(&errors, "subtasks: none");
	strv_release(&errors);
	buf_release(&subs);
	buf_release(&json);
}

static void test_files_and_estimates(void **state)
{
	struct buf subs = BUF_INIT, json = BUF_INIT;
	struct strv errors = STRV_INIT;

	(void)state;
	/* S1 creates src/discount.ts, so S2 may touch it as an existing
	 * file; src/missing.ts exists nowhere. */
	add_subtask(&subs, "S1", "\"src/cart.ts\"", "\"src/discount.ts\"", "",
		    "2");
	add_subtask(&subs, "S2", "\"src/discount.ts\",\"src/missing.ts\"",
		    "\"README.md\",\"src/discount.ts\"", "\"S1\"", "0");
	add_subtask(&subs, "S3",
		    "\"/etc/passwd\",\"../x\",\"src/./a\",\".git/config\","
		    "\"a//b\",\"src\\\\win.c\"", "", "", "41");
	add_subtask(&subs, "S4", "\"src/format.ts\"", "\"src/format.ts\"", "",
		    "40");
	wrap(&json, &subs);
	check(json.ptr, &errors);
	ASSERT_SAID(&errors, "subtasks[1].files: \"src/missing.ts\" does not "
			     "exist");
	ASSERT_SAID(&errors, "subtasks[1].newFiles: \"README.md\" exists "
			     "already");
	ASSERT_SAID(&errors, "subtasks[1].newFiles: \"src/discount.ts\" is "
			     "created by S1 already");
	ASSERT_SAID(&errors, "subtasks[1].files: \"src/discount.ts\" is also "
			     "in newFiles");
	ASSERT_SAID(&errors, "subtasks[1].estimateHours: 0");
	ASSERT_SAID(&errors, "subtasks[2].estimateHours: 41");
	ASSERT_SAID(&errors, "\"/etc/passwd\" absolute");
	ASSERT_SAID(&errors, "\"../x\" has a '.' or '..' component");
	ASSERT_SAID(&errors, "\"src/./a\" has a '.' or '..' component");
	ASSERT_SAID(&errors, "\".git/config\" is inside .git/");
	ASSERT_SAID(&errors, "\"a//b\" has an empty component");
	ASSERT_SAID(&errors, "has a backslash");
	ASSERT_SAID(&errors, "subtasks[3].files: \"src/format.ts\" is also in "
			     "newFiles");
	/* S1 is right, and nothing blames it. */
	assert_false(said(&errors, "subtasks[0]"));
	strv_release(&errors);
	buf_release(&subs);
	buf_release(&json);
}

/* Without an existence check (NULL), only the paths' shape counts. */
static void test_no_existence_check(void **state)
{
	struct plan p;
	struct strv errors = STRV_INIT;
	struct err e = ERR_INIT;
	struct buf subs = BUF_INIT, json = BUF_INIT;

	(void)state;
	plan_init(&p);
	add_subtask(&subs, "S1", "\"nowhere.c\"", "\"README.md\"", "", "1");
	wrap(&json, &subs);
	assert_int_equal(plan_parse(&p, json.ptr, json.len, &errors, &e), 0);
	assert_int_equal(plan_validate(&p, NULL, NULL, &errors), 0);
	plan_release(&p);
	strv_release(&errors);
	err_clear(&e);
	buf_release(&subs);
	buf_release(&json);
}

/* A wrong plan gets at most PLAN_MAX_ERRORS messages and says so. */
static void test_errors_capped(void **state)
{
	struct buf subs = BUF_INIT, json = BUF_INIT;
	struct strv errors = STRV_INIT;

	(void)state;
	for (int i = 0; i < PLAN_MAX_SUBTASKS; i++)
		add_subtask(&subs, "X", "\"gone.c\"", "", "\"Y\"", "-1");
	wrap(&json, &subs);
	check(json.ptr, &errors);
	assert_int_equal(errors.n, PLAN_MAX_ERRORS + 1);
	assert_string_equal(errors.v[PLAN_MAX_ERRORS],
			    "(more problems left out)");
	strv_release(&errors);
	buf_release(&subs);
	buf_release(&json);
}

/* ---- JSON, subtasks, issues ---- */

static void test_write_parse_round_trip(void **state)
{
	struct buf subs = BUF_INIT, json = BUF_INIT, out = BUF_INIT,
		   again = BUF_INIT;
	struct strv errors = STRV_INIT;
	struct plan p, q;
	struct json_writer w;
	struct err e = ERR_INIT;
	const struct plan_subtask *t;

	(void)state;
	plan_init(&p);
	plan_init(&q);
	add_subtask(&subs, "S1", "\"src/cart.ts\"", "\"src/n\\u00e9w.ts\"",
		    "", "0.25");
	add_subtask(&subs, "S2", "", "", "\"S1\"", "3");
	wrap(&json, &subs);
	assert_int_equal(plan_parse(&p, json.ptr, json.len, &errors, &e), 0);
	p.issue.source = strdup("jira");
	p.issue.key = strdup("PROJ-12");
	p.issue.title = strdup("Discounts");
	p.model = strdup("claude-sonnet-4-5");
	p.id = 7;
	p.revision = 2;
	p.run_id = 41;
	p.created = 1796101200; /* 2026-12-01T05:00:00Z */
	json_writer_init(&w, &out);
	plan_write_json(&w, &p);
	assert_non_null(strstr(out.ptr, "\"created\":\"2026-12-01T05:00:00Z\""));
	assert_non_null(strstr(out.ptr, "\"issue\":{\"source\":\"jira\","
				       "\"key\":\"PROJ-12\",\"title\":"
				       "\"Discounts\",\"url\":null}"));
	assert_int_equal(plan_parse(&q, out.ptr, out.len, &errors, &e), 0);
	assert_int_equal(q.id, 7);
	assert_int_equal(q.revision, 2);
	assert_int_equal(q.run_id, 41);
	q.created = p.created;
	json_writer_init(&w, &again);
	plan_write_json(&w, &q);
	assert_string_equal(again.ptr, out.ptr);

	t = plan_subtask_find(&q, "S2");
	assert_non_null(t);
	assert_string_equal(t->depends_on.v[0], "S1");
	assert_string_equal(plan_subtask_find(&q, "S1")->new_files.v[0],
			    "src/n\xc3\xa9w.ts");
	assert_null(plan_subtask_find(&q, "S3"));
	{
		struct buf one = BUF_INIT;

		json_writer_init(&w, &one);
		plan_subtask_write_json(&w, t);
		assert_string_equal(one.ptr,
			"{\"id\":\"S2\",\"title\":\"Do S2\",\"description\":"
			"\"d\",\"files\":[],\"newFiles\":[],"
			"\"acceptanceCriteria\":[\"works\"],\"estimateHours\":3,"
			"\"dependsOn\":[\"S1\"]}");
		buf_release(&one);
	}
	assert_null(plan_subtask_find(&q, NULL));
	plan_release(&p);
	plan_release(&q);
	buf_release(&subs);
	buf_release(&json);
	buf_release(&out);
	buf_release(&again);
}

static void test_markdown_issue(void **state)
{
	static const char md[] =
		"Some preamble.\n\n```sh\n# a comment, not a heading\n```\n\n"
		"## Discount codes ##\n\nCustomers type a code.\n";
	static const char bad[] = "# T\n\xff\xfe\n";
	struct plan_issue i = { 0 };
	struct err e = ERR_INIT;

	(void)state;
	assert_int_equal(plan_issue_from_markdown(&i, md, sizeof(md) - 1,
						  "docs/x.md", &e), 0);
	assert_string_equal(i.title, "Discount codes");
	assert_string_equal(i.source, "file");
	assert_string_equal(i.key, "docs/x.md");
	assert_non_null(strstr(i.description, "Customers type a code."));
	assert_non_null(strstr(i.description, "Some preamble."));
	assert_null(strstr(i.description, "Discount codes"));

	assert_int_equal(plan_issue_from_markdown(&i, "No heading here.\n", 17,
						  "notes/todo.md", &e), 0);
	assert_string_equal(i.title, "todo");
	assert_string_equal(i.description, "No heading here.");

	assert_int_equal(plan_issue_from_markdown(&i, bad, sizeof(bad) - 1,
						  "b.md", &e), -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS);
	plan_issue_release(&i);
	err_clear(&e);
}

/* ---- the store ---- */

static char tmp[256];

static int rm_entry(const char *p, const struct stat *st, int flag,
		    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(p);
}

static void test_saved_revisions(void **state)
{
	struct store *s = NULL;
	struct buf db = BUF_INIT, subs = BUF_INIT, json = BUF_INIT;
	struct strv errors = STRV_INIT;
	struct store_plans l = STORE_PLANS_INIT;
	struct store_plan_filter f = { 0 };
	struct plan p, q, r;
	struct err e = ERR_INIT;
	int64_t first;

	(void)state;
	snprintf(tmp, sizeof(tmp), "/tmp/airunner-test-plan-XXXXXX");
	assert_non_null(mkdtemp(tmp));
	buf_addf(&db, "%s/airunner.db", tmp);
	assert_int_equal(store_open(&s, db.ptr, &e), 0);
	plan_init(&p);
	plan_init(&q);
	plan_init(&r);
	add_subtask(&subs, "S1", "", "", "", "1");
	wrap(&json, &subs);
	assert_int_equal(plan_parse(&p, json.ptr, json.len, &errors, &e), 0);
	p.issue.key = strdup("PROJ-1");
	p.issue.title = strdup("One");
	p.issue.source = strdup("jira");

	/* Revision 1 of a new plan, then revision 2 of the same. */
	assert_int_equal(plan_save(s, &p, "/w", &e), 0);
	first = p.id;
	assert_true(first > 0);
	assert_int_equal(p.revision, 1);
	free(p.summary);
	p.summary = strdup("revised");
	assert_int_equal(plan_save(s, &p, "/w", &e), 0);
	assert_int_equal(p.id, first);
	assert_int_equal(p.revision, 2);

	assert_int_equal(plan_load(s, first, 0, &q, &e), 0);
	assert_int_equal(q.revision, 2);
	assert_string_equal(q.summary, "revised");
	assert_string_equal(q.issue.key, "PROJ-1");
	assert_string_equal(plan_subtask_find(&q, "S1")->title, "Do S1");
	assert_int_equal(plan_load(s, first, 1, &r, &e), 0);
	assert_string_equal(r.summary, "s");

	/* A second plan; the list shows each plan's latest, newest first. */
	p.id = 0;
	assert_int_equal(plan_save(s, &p, "/other", &e), 0);
	assert_int_equal(p.id, first + 1);
	assert_int_equal(store_plan_list(s, &f, &l, &e), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].id, first + 1);
	assert_int_equal(l.v[1].revision, 2);
	store_plans_release(&l);
	f.work_tree = "/w";
	assert_int_equal(store_plan_list(s, &f, &l, &e), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].summary, "revised");
	store_plans_release(&l);

	/* What is not there. */
	plan_release(&r);
	assert_int_equal(plan_load(s, first, 3, &r, &e), -1);
	assert_int_equal(e.kind, ERR_NOT_FOUND);
	assert_non_null(strstr(e.msg.ptr, "no revision 3 of plan"));
	err_clear(&e);
	p.id = 999;
	assert_int_equal(plan_save(s, &p, "/w", &e), -1);
	assert_int_equal(e.kind, ERR_NOT_FOUND);
	err_clear(&e);

	plan_release(&p);
	plan_release(&q);
	plan_release(&r);
	store_close(s);
	nftw(tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	buf_release(&db);
	buf_release(&subs);
	buf_release(&json);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_wrapped_answers),
		cmocka_unit_test(test_parse_schema_errors),
		cmocka_unit_test(test_cycles_named),
		cmocka_unit_test(test_diamond_is_fine),
		cmocka_unit_test(test_ids_and_dependencies),
		cmocka_unit_test(test_files_and_estimates),
		cmocka_unit_test(test_no_existence_check),
		cmocka_unit_test(test_errors_capped),
		cmocka_unit_test(test_write_parse_round_trip),
		cmocka_unit_test(test_markdown_issue),
		cmocka_unit_test(test_saved_revisions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
