/* store: runs, attempts, events, verifications and metrics on a real SQLite
 * file in a temporary folder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <ftw.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "json/json.h"
#include "store/store.h"
#include "util/buf.h"

static char tmp[256];
static struct buf dbpath = BUF_INIT;

static int rm_entry(const char *p, const struct stat *st, int flag,
		    struct FTW *ftw)
{
	return remove(p);
}

static int setup(void **state)
{
	snprintf(tmp, sizeof(tmp), "%s/airunner-test-store-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(tmp));
	buf_reset(&dbpath);
	buf_addf(&dbpath, "%s/state/airunner/airunner.db", tmp);
	return 0;
}

/* KEEP=1 leaves the folder (database, promtool input) for a look. */
static int teardown(void **state)
{
	if (!getenv("KEEP"))
		nftw(tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	buf_release(&dbpath);
	return 0;
}

static struct store *open_ok(void)
{
	struct store *s = NULL;
	struct err e = ERR_INIT;

	if (store_open(&s, dbpath.ptr, &e) < 0)
		fail_msg("store_open: %s: %s", err_kind_name(e.kind), e.msg.ptr);
	return s;
}

/* One integer from a query run straight on the file with sqlite3. */
static int64_t sql_int(const char *path, const char *q)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t v = -1;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, q, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static char *sql_text(const char *path, const char *q)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	char *v = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, q, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static int64_t insert(struct store *s, const char *kind, const char *tree,
		      enum store_priority prio, double created)
{
	struct store_run_spec spec = {
		.kind = kind, .work_tree = tree, .priority = prio,
		.origin = "editor", .created = created,
	};
	struct err e = ERR_INIT;
	int64_t id = 0;

	if (store_run_insert(s, &spec, &id, &e) < 0)
		fail_msg("insert: %s", e.msg.ptr);
	return id;
}

static void finish(struct store *s, int64_t id, enum store_state st,
		   double at, const char *category)
{
	struct store_run_end end = {
		.state = st, .finished = at, .cost = -1,
		.error_category = category,
		.error_kind = st == STORE_SUCCEEDED ? NULL : "failed",
	};
	struct err e = ERR_INIT;

	if (store_run_finish(s, id, &end, &e) < 0)
		fail_msg("finish: %s", e.msg.ptr);
}

static void start(struct store *s, int64_t id, double at)
{
	struct err e = ERR_INIT;

	if (store_run_start(s, id, at, &e) < 0)
		fail_msg("start: %s", e.msg.ptr);
}

/* ---- JSON lookups by a dotted path ("byKind.1.successRate") ---- */

static int jpath(const struct json_doc *d, const char *path)
{
	char *copy = strdup(path), *save = NULL;
	int v = 0;

	for (char *part = strtok_r(copy, ".", &save); part && v >= 0;
	     part = strtok_r(NULL, ".", &save)) {
		if (json_type(d, v) == JSON_ARRAY) {
			int n = atoi(part);

			v = json_first(d, v);
			while (n-- > 0 && v >= 0)
				v = json_next(d, v);
		} else {
			v = json_get(d, v, part);
		}
	}
	free(copy);
	if (v < 0)
		fail_msg("no %s in the JSON", path);
	return v;
}

static double jnum(const struct json_doc *d, const char *path)
{
	double x;

	if (json_double(d, jpath(d, path), &x) < 0)
		fail_msg("%s is not a number", path);
	return x;
}

static bool jnull(const struct json_doc *d, const char *path)
{
	return json_type(d, jpath(d, path)) == JSON_NULL;
}

static void jstr_eq(const struct json_doc *d, const char *path, const char *s)
{
	if (!json_str_eq(d, jpath(d, path), s))
		fail_msg("%s is not \"%s\"", path, s);
}

/* ---- tests ---- */

static void test_schema_created(void **state)
{
	struct store *s = open_ok();
	struct buf dir = BUF_INIT;
	struct stat sb;
	char *mode;

	assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
	store_close(s);
	buf_addf(&dir, "%s/state/airunner", tmp);
	assert_int_equal(stat(dir.ptr, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_int_equal(sql_int(dbpath.ptr, "PRAGMA user_version"),
			 STORE_SCHEMA_VERSION);
	mode = sql_text(dbpath.ptr, "PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	free(mode);
	assert_int_equal(sql_int(dbpath.ptr, "SELECT count(*) FROM"
				 " sqlite_schema WHERE type = 'table'"), 7);
	buf_release(&dir);
}

static void test_default_path(void **state)
{
	struct buf p = BUF_INIT;
	char *old = getenv("XDG_STATE_HOME") ? strdup(getenv("XDG_STATE_HOME"))
					     : NULL;

	setenv("XDG_STATE_HOME", "/x/state", 1);
	store_default_path(&p);
	assert_string_equal(p.ptr, "/x/state/airunner/airunner.db");
	buf_reset(&p);
	unsetenv("XDG_STATE_HOME");
	store_default_path(&p);
	assert_non_null(strstr(p.ptr, "/.local/state/airunner/airunner.db"));
	if (old)
		setenv("XDG_STATE_HOME", old, 1);
	free(old);
	buf_release(&p);
}

static void test_reopen_keeps_data(void **state)
{
	struct store *s = open_ok();
	struct store_run r;
	struct err e = ERR_INIT;
	int64_t id = insert(s, "plan", "/repo", STORE_HIGH, 100);

	start(s, id, 101);
	store_close(s);
	s = open_ok();
	assert_int_equal(store_run_get(s, id, &r, &e), 0);
	assert_string_equal(r.kind, "plan");
	assert_string_equal(r.work_tree, "/repo");
	assert_int_equal(r.priority, STORE_HIGH);
	assert_int_equal(r.state, STORE_RUNNING);
	assert_true(r.started == 101);
	store_run_release(&r);
	store_close(s);
}

static void write_file(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

/* The database's folder, for tests that put a file there first. */
static void make_db_dir(void)
{
	struct buf dir = BUF_INIT;

	buf_addf(&dir, "%s/state", tmp);
	assert_int_equal(mkdir(dir.ptr, 0700), 0);
	buf_adds(&dir, "/airunner");
	assert_int_equal(mkdir(dir.ptr, 0700), 0);
	buf_release(&dir);
}

static void test_newer_version_refused(void **state)
{
	struct store *s = NULL;
	struct err e = ERR_INIT;
	struct buf before = BUF_INIT, after = BUF_INIT;
	sqlite3 *db;

	make_db_dir();
	/* A database from a future airunner: schema 99, a table we do not
	 * know, in rollback-journal mode. */
	assert_int_equal(sqlite3_open(dbpath.ptr, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE future (x);"
				      " INSERT INTO future VALUES (42);"
				      " PRAGMA user_version = 99;",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(buf_read_file(&before, dbpath.ptr, 1 << 20), 0);

	assert_int_equal(store_open(&s, dbpath.ptr, &e), -1);
	assert_null(s);
	assert_int_equal(e.kind, ERR_STORE_VERSION);
	assert_non_null(strstr(e.msg.ptr, "schema version 99"));
	{
		struct buf want = BUF_INIT;

		buf_addf(&want, "this airunner's %d", STORE_SCHEMA_VERSION);
		assert_non_null(strstr(e.msg.ptr, want.ptr));
		buf_release(&want);
	}

	assert_int_equal(buf_read_file(&after, dbpath.ptr, 1 << 20), 0);
	assert_int_equal(before.len, after.len);
	assert_memory_equal(before.ptr, after.ptr, before.len);
	assert_int_equal(sql_int(dbpath.ptr, "SELECT x FROM future"), 42);
	err_clear(&e);
	buf_release(&before);
	buf_release(&after);
}

static void test_not_a_database(void **state)
{
	static const char junk[] = "this is not a database, it is a text file "
				   "that happens to sit where the store goes\n";
	struct store *s = NULL;
	struct err e = ERR_INIT;
	struct buf after = BUF_INIT;

	make_db_dir();
	write_file(dbpath.ptr, junk, sizeof(junk) - 1);
	assert_int_equal(store_open(&s, dbpath.ptr, &e), -1);
	assert_int_equal(e.kind, ERR_STORE);
	assert_non_null(strstr(e.msg.ptr, "not a database"));
	assert_int_equal(buf_read_file(&after, dbpath.ptr, 1 << 20), 0);
	assert_string_equal(after.ptr, junk);
	err_clear(&e);
	buf_release(&after);
}

/* A database made at version 0 (the file exists, nothing in it, as an older
 * airunner or a crash between create and migrate leaves it) is migrated,
 * and opening twice at once migrates it once. */
static void test_migrates_from_version_0(void **state)
{
	struct store *a, *b;
	sqlite3 *db;

	make_db_dir();
	assert_int_equal(sqlite3_open(dbpath.ptr, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 0", NULL,
				      NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	a = open_ok();
	b = open_ok();
	assert_int_equal(store_schema_version(a), STORE_SCHEMA_VERSION);
	assert_int_equal(store_schema_version(b), STORE_SCHEMA_VERSION);
	insert(a, "verify", NULL, STORE_NORMAL, 1);
	insert(b, "verify", NULL, STORE_NORMAL, 2);
	store_close(a);
	store_close(b);
	assert_int_equal(sql_int(dbpath.ptr, "SELECT count(*) FROM runs"), 2);
}

/* A database of schema 1 (before plans) gets the plans table and keeps its
 * runs. */
static void test_migrates_from_version_1(void **state)
{
	struct store *s = open_ok();
	struct store_plan p = { .json = "{}", .created = 1, .subtasks = 1 };
	struct err e = ERR_INIT;
	int64_t id;
	int rev;
	sqlite3 *db;

	insert(s, "verify", NULL, STORE_NORMAL, 1);
	store_close(s);
	assert_int_equal(sqlite3_open(dbpath.ptr, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TABLE plans;"
				      " PRAGMA user_version = 1", NULL, NULL,
				      NULL), SQLITE_OK);
	sqlite3_close(db);
	s = open_ok();
	assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
	assert_int_equal(store_plan_put(s, &p, &id, &rev, &e), 0);
	assert_int_equal(id, 1);
	assert_int_equal(rev, 1);
	store_close(s);
	assert_int_equal(sql_int(dbpath.ptr, "SELECT count(*) FROM runs"), 1);
}

static void test_transitions(void **state)
{
	struct store *s = open_ok();
	struct store_run_spec spec = {
		.kind = "execute", .work_tree = "/repo", .priority = STORE_URGENT,
		.origin = "cli", .created = 1000, .issue_key = "ABC-12",
		.subtask = "2", .request = "{\"issue\":\"ABC-12\",\"n\":[1,2]}",
	};
	struct store_run_end end = {
		.state = STORE_FAILED, .finished = 1012.5, .outcome = "rolled_back",
		.error_kind = "verify_failed", .error_category = "type_error",
		.error_message = "tsc found 2 errors", .cost = 0.25,
	};
	struct store_run r;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct json_writer w;
	struct json_doc d = JSON_DOC_INIT;
	int64_t id, id2;

	assert_int_equal(store_run_insert(s, &spec, &id, &e), 0);
	assert_true(id > 0);
	/* Finishing a queued run other than by cancelling is refused. */
	end.state = STORE_SUCCEEDED;
	assert_int_equal(store_run_finish(s, id, &end, &e), -1);
	assert_int_equal(e.kind, ERR_STORE_STATE);
	assert_non_null(strstr(e.msg.ptr, "is queued"));
	end.state = STORE_FAILED;

	start(s, id, 1002);
	assert_int_equal(store_run_start(s, id, 1003, &e), -1);
	assert_int_equal(e.kind, ERR_STORE_STATE);
	assert_int_equal(store_run_finish(s, id, &end, &e), 0);
	/* Finished is final. */
	end.state = STORE_SUCCEEDED;
	assert_int_equal(store_run_finish(s, id, &end, &e), -1);
	assert_int_equal(e.kind, ERR_STORE_STATE);

	assert_int_equal(store_run_get(s, id, &r, &e), 0);
	assert_int_equal(r.state, STORE_FAILED);
	assert_true(r.duration == 10.5);
	assert_true(r.cost == 0.25);
	assert_string_equal(r.error_category, "type_error");
	assert_string_equal(r.issue_key, "ABC-12");

	json_writer_init(&w, &out);
	store_run_write_json(&w, &r);
	assert_int_equal(json_parse(&d, out.ptr, out.len, 64, &e), 0);
	jstr_eq(&d, "state", "failed");
	jstr_eq(&d, "priority", "urgent");
	jstr_eq(&d, "workTree", "/repo");
	jstr_eq(&d, "errorKind", "verify_failed");
	assert_true(jnum(&d, "durationMs") == 10500);
	assert_true(jnum(&d, "request.n.1") == 2);
	assert_true(jnull(&d, "origin") == false);
	json_doc_release(&d);
	store_run_release(&r);

	/* A queued run can be cancelled; it never started, so no duration. */
	id2 = insert(s, "verify", "/repo", STORE_NORMAL, 1100);
	end = (struct store_run_end){ .state = STORE_CANCELLED,
				      .finished = 1101, .cost = -1 };
	assert_int_equal(store_run_finish(s, id2, &end, &e), 0);
	assert_int_equal(store_run_get(s, id2, &r, &e), 0);
	assert_int_equal(r.state, STORE_CANCELLED);
	assert_true(r.duration == 0 && r.started == 0);
	store_run_release(&r);

	/* Nothing to move, bad input. */
	assert_int_equal(store_run_start(s, 9999, 1, &e), -1);
	assert_int_equal(e.kind, ERR_NOT_FOUND);
	assert_int_equal(store_run_get(s, 9999, &r, &e), -1);
	assert_int_equal(e.kind, ERR_NOT_FOUND);
	spec.kind = "dance";
	assert_int_equal(store_run_insert(s, &spec, &id, &e), -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS);
	spec.kind = "plan";
	spec.request = "{\"unterminated\":";
	assert_int_equal(store_run_insert(s, &spec, &id, &e), -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS);
	assert_int_equal(sql_int(dbpath.ptr, "SELECT count(*) FROM runs"), 2);

	err_clear(&e);
	buf_release(&out);
	store_close(s);
}

static void test_interrupted_at_start(void **state)
{
	struct store *s = open_ok();
	struct store_run_spec spec = { .kind = "execute", .priority = STORE_NORMAL,
				       .created = 10 };
	struct store_run_filter f = {
		.states = STORE_STATE_BIT(STORE_QUEUED),
		.order = STORE_ORDER_QUEUE,
	};
	struct store_runs l = STORE_RUNS_INIT;
	struct store_run r;
	struct err e = ERR_INIT;
	int64_t mine, theirs, q1, q2, q3;
	int n = -1;

	spec.owner = "/run/a.sock";
	assert_int_equal(store_run_insert(s, &spec, &mine, &e), 0);
	start(s, mine, 11);
	spec.owner = "/run/b.sock";
	assert_int_equal(store_run_insert(s, &spec, &theirs, &e), 0);
	start(s, theirs, 11);
	q1 = insert(s, "fix", "/r", STORE_LOW, 12);
	q2 = insert(s, "execute", "/r", STORE_NORMAL, 13);
	q3 = insert(s, "rollback", "/r", STORE_URGENT, 14);

	/* Agent a restarts: its own running run is interrupted, b's is not. */
	assert_int_equal(store_mark_interrupted(s, "/run/a.sock", 20, &n, &e),
			 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_run_get(s, mine, &r, &e), 0);
	assert_int_equal(r.state, STORE_INTERRUPTED);
	assert_string_equal(r.error_kind, "interrupted");
	assert_true(r.finished == 20 && r.duration == 9);
	store_run_release(&r);
	assert_int_equal(store_run_get(s, theirs, &r, &e), 0);
	assert_int_equal(r.state, STORE_RUNNING);
	store_run_release(&r);

	/* The queued runs come back in the order they are to run. */
	assert_int_equal(store_run_list(s, &f, &l, &e), 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.v[0].id, q3);
	assert_int_equal(l.v[1].id, q2);
	assert_int_equal(l.v[2].id, q1);
	store_runs_release(&l);

	/* Without an owner every running run is interrupted. */
	assert_int_equal(store_mark_interrupted(s, NULL, 30, &n, &e), 0);
	assert_int_equal(n, 1);
	store_close(s);
}

static void test_events_replay(void **state)
{
	struct store *s = open_ok();
	int64_t id = insert(s, "execute", "/r", STORE_NORMAL, 1), seq = 0;
	struct store_event ev = { .run_id = id, .phase = "edit" };
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT, data = BUF_INIT;
	struct json_writer w;
	struct json_doc d = JSON_DOC_INIT;
	int n;

	for (int i = 1; i <= 5; i++) {
		buf_reset(&data);
		buf_addf(&data, "{\"file\":\"src/%d.ts\",\"i\":%d}", i, i);
		ev.time = 100 + i;
		ev.message = i == 3 ? "third \"quoted\"" : NULL;
		ev.data = i == 4 ? NULL : data.ptr;
		assert_int_equal(store_event_append(s, &ev, &seq, &e), 0);
		assert_int_equal(seq, i);
	}
	/* A client that saw up to seq 2 catches up with 3, 4, 5. */
	json_writer_init(&w, &out);
	assert_int_equal(store_events_write_json(s, id, 2, 0, &w, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_int_equal(json_parse(&d, out.ptr, out.len, 64, &e), 0);
	assert_int_equal(json_count(&d, 0), 3);
	assert_true(jnum(&d, "0.seq") == 3);
	assert_true(jnum(&d, "0.run") == (double)id);
	assert_true(jnum(&d, "0.time") == 103);
	jstr_eq(&d, "0.message", "third \"quoted\"");
	jstr_eq(&d, "0.phase", "edit");
	assert_true(jnum(&d, "0.data.i") == 3);
	assert_true(jnull(&d, "1.data"));
	assert_true(jnull(&d, "1.message"));
	assert_true(jnum(&d, "2.seq") == 5);
	json_doc_release(&d);

	/* With a limit, and after the last one. */
	buf_reset(&out);
	json_writer_init(&w, &out);
	assert_int_equal(store_events_write_json(s, id, 0, 2, &w, &n, &e), 0);
	assert_int_equal(n, 2);
	buf_reset(&out);
	json_writer_init(&w, &out);
	assert_int_equal(store_events_write_json(s, id, 5, 0, &w, &n, &e), 0);
	assert_int_equal(n, 0);
	assert_string_equal(out.ptr, "[]");

	/* Bad data and a missing run are refused and store nothing. */
	ev.data = "{nope}";
	assert_int_equal(store_event_append(s, &ev, &seq, &e), -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS);
	ev.data = NULL;
	ev.run_id = id + 100;
	assert_int_equal(store_event_append(s, &ev, &seq, &e), -1);
	assert_int_equal(e.kind, ERR_NOT_FOUND);
	assert_int_equal(sql_int(dbpath.ptr, "SELECT count(*) FROM events"), 5);

	err_clear(&e);
	buf_release(&out);
	buf_release(&data);
	store_close(s);
}

static void test_list_filters(void **state)
{
	struct store *s = open_ok();
	struct store_runs l = STORE_RUNS_INIT;
	struct store_run_filter f = { 0 };
	struct err e = ERR_INIT;
	int64_t id[8];

	id[0] = insert(s, "verify", "/a", STORE_NORMAL, 1);
	id[1] = insert(s, "plan", "/a", STORE_NORMAL, 2);
	id[2] = insert(s, "verify", "/b", STORE_NORMAL, 3);
	id[3] = insert(s, "verify", "/a", STORE_NORMAL, 4);
	id[4] = insert(s, "execute", "/a", STORE_NORMAL, 5);
	id[5] = insert(s, "verify", "/a", STORE_NORMAL, 6);
	start(s, id[3], 7);
	start(s, id[5], 7);
	finish(s, id[5], STORE_SUCCEEDED, 8, NULL);

	/* Everything, newest first. */
	assert_int_equal(store_run_list(s, &f, &l, &e), 0);
	assert_int_equal(l.n, 6);
	for (size_t i = 0; i < 6; i++)
		assert_int_equal(l.v[i].id, id[5 - i]);
	store_runs_release(&l);

	/* verify runs in /a. */
	f.work_tree = "/a";
	f.kind = "verify";
	assert_int_equal(store_run_list(s, &f, &l, &e), 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.v[0].id, id[5]);
	assert_int_equal(l.v[1].id, id[3]);
	assert_int_equal(l.v[2].id, id[0]);
	store_runs_release(&l);

	/* ... that are queued or running. */
	f.states = STORE_STATE_BIT(STORE_QUEUED) | STORE_STATE_BIT(STORE_RUNNING);
	assert_int_equal(store_run_list(s, &f, &l, &e), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].id, id[3]);
	assert_int_equal(l.v[0].state, STORE_RUNNING);
	assert_int_equal(l.v[1].id, id[0]);
	store_runs_release(&l);

	/* Paging: two at a time below an id. */
	f = (struct store_run_filter){ .limit = 2, .before_id = id[4] };
	assert_int_equal(store_run_list(s, &f, &l, &e), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].id, id[3]);
	assert_int_equal(l.v[1].id, id[2]);
	store_runs_release(&l);
	f = (struct store_run_filter){ .after_id = id[3] };
	assert_int_equal(store_run_list(s, &f, &l, &e), 0);
	assert_int_equal(l.n, 2);
	store_runs_release(&l);
	store_close(s);
}

static void test_attempts(void **state)
{
	struct store *s = open_ok();
	int64_t id = insert(s, "execute", "/a", STORE_NORMAL, 1);
	struct store_attempt a = {
		.run_id = id, .attempt = 1, .provider = "anthropic",
		.model = "claude", .tokens_input = 100, .tokens_output = 20,
		.tokens_cache_read = 1000, .tokens_cache_write = 50,
		.cost = 0.5, .duration = 3, .time = 2, .outcome = "failed",
		.error_category = "type_error",
	};
	struct store_run r;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct json_writer w;
	struct json_doc d = JSON_DOC_INIT;

	assert_int_equal(store_attempt_add(s, &a, &e), 0);
	a.attempt = 2;
	a.outcome = "succeeded";
	a.error_category = NULL;
	a.cost = 0.25;
	assert_int_equal(store_attempt_add(s, &a, &e), 0);
	/* The same attempt twice, or for no run, is refused. */
	assert_int_equal(store_attempt_add(s, &a, &e), -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS);
	a.run_id = id + 1;
	assert_int_equal(store_attempt_add(s, &a, &e), -1);
	assert_int_equal(e.kind, ERR_NOT_FOUND);

	assert_int_equal(store_run_get(s, id, &r, &e), 0);
	assert_int_equal(r.attempts, 2);
	assert_int_equal(r.tokens_input, 200);
	assert_int_equal(r.tokens_cache_read, 2000);
	assert_int_equal(r.tokens_cache_write, 100);
	assert_true(r.cost == 0.75);
	store_run_release(&r);
	start(s, id, 2);
	finish(s, id, STORE_SUCCEEDED, 9, NULL);
	/* The finish kept the attempts' cost (cost < 0). */
	assert_int_equal(store_run_get(s, id, &r, &e), 0);
	assert_true(r.cost == 0.75);
	store_run_release(&r);

	json_writer_init(&w, &out);
	assert_int_equal(store_attempts_write_json(s, id, &w, &e), 0);
	assert_int_equal(json_parse(&d, out.ptr, out.len, 64, &e), 0);
	assert_int_equal(json_count(&d, 0), 2);
	jstr_eq(&d, "0.errorCategory", "type_error");
	jstr_eq(&d, "1.outcome", "succeeded");
	assert_true(jnum(&d, "1.tokens.cacheRead") == 1000);
	assert_true(jnum(&d, "0.durationMs") == 3000);
	json_doc_release(&d);
	err_clear(&e);
	buf_release(&out);
	store_close(s);
}

static void test_verification(void **state)
{
	struct store *s = open_ok();
	int64_t id = insert(s, "verify", "/a", STORE_NORMAL, 1);
	struct store_check checks[] = {
		{ "tsc", "failed", 1.25, true },
		{ "eslint", "passed", 0.5, false },
	};
	struct store_diag_count diags[] = {
		{ "type_error", 2 }, { "lint_violation", 1 }, { "type_error", 1 },
	};
	struct store_verification v = {
		.run_id = id, .ok = false, .duration = 1.5, .checks = checks,
		.nchecks = 2, .diags = diags, .ndiags = 3,
	};
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct json_writer w;
	struct json_doc d = JSON_DOC_INIT;

	assert_int_equal(store_verification_add(s, &v, &e), 0);
	/* Recording it again replaces it. */
	assert_int_equal(store_verification_add(s, &v, &e), 0);
	json_writer_init(&w, &out);
	assert_int_equal(store_verification_write_json(s, id, &w, &e), 0);
	assert_int_equal(json_parse(&d, out.ptr, out.len, 64, &e), 0);
	assert_true(json_type(&d, jpath(&d, "ok")) == JSON_FALSE);
	assert_true(jnum(&d, "durationMs") == 1500);
	jstr_eq(&d, "checks.0.name", "tsc");
	assert_true(json_type(&d, jpath(&d, "checks.0.blocking")) == JSON_TRUE);
	assert_true(jnum(&d, "checks.1.durationMs") == 500);
	assert_true(jnum(&d, "diagnostics.type_error") == 3);
	assert_true(jnum(&d, "diagnostics.lint_violation") == 1);
	json_doc_release(&d);

	buf_reset(&out);
	json_writer_init(&w, &out);
	assert_int_equal(store_verification_write_json(s, id + 50, &w, &e), 0);
	assert_string_equal(out.ptr, "null");
	v.run_id = id + 50;
	assert_int_equal(store_verification_add(s, &v, &e), -1);
	assert_int_equal(e.kind, ERR_NOT_FOUND);
	err_clear(&e);
	buf_release(&out);
	store_close(s);
}

/* ---- metrics over runs whose figures we know ---- */

static void attempt(struct store *s, int64_t run, int n, const char *outcome,
		    const char *cat, int64_t in, int64_t out, int64_t cr,
		    int64_t cw, double cost)
{
	struct store_attempt a = {
		.run_id = run, .attempt = n, .provider = "anthropic",
		.model = "m", .tokens_input = in, .tokens_output = out,
		.tokens_cache_read = cr, .tokens_cache_write = cw, .cost = cost,
		.duration = 1, .outcome = outcome, .error_category = cat,
	};
	struct err e = ERR_INIT;

	if (store_attempt_add(s, &a, &e) < 0)
		fail_msg("attempt: %s", e.msg.ptr);
}

static void verify_run(struct store *s, const char *origin, double created,
		       double started, double finished, bool ok, bool cached,
		       const struct store_diag_count *diags, size_t ndiags,
		       const char *cat)
{
	struct store_run_spec spec = {
		.kind = "verify", .work_tree = "/a", .priority = STORE_URGENT,
		.origin = origin, .created = created,
	};
	struct store_verification v = {
		.ok = ok, .cached = cached, .duration = finished - started,
		.diags = diags, .ndiags = ndiags,
	};
	struct err e = ERR_INIT;
	int64_t id;

	assert_int_equal(store_run_insert(s, &spec, &id, &e), 0);
	start(s, id, started);
	v.run_id = id;
	assert_int_equal(store_verification_add(s, &v, &e), 0);
	finish(s, id, ok ? STORE_SUCCEEDED : STORE_FAILED, finished, cat);
}

/*
 * The window [1000, 2000) holds:
 *   verify  v1 hook   run 1001-1003 (latency 3) passed, 1 lint_violation
 *           v2 hook   run 1010-1014 (latency 4) failed type_error,
 *                     3 type_error + 1 lint_violation
 *           v3 editor run 1021-1022 passed, cached
 *           v4 hook   run 1030-1031 (latency 1) passed
 *   execute e1 10 s, attempt 1 succeeded
 *           e2 20 s, attempt 1 failed type_error, attempt 2 succeeded
 *           e3 30 s, attempts 1 type_error, 2 and 3 import_resolution,
 *              failed import_resolution
 *           e4 cancelled while queued; e5 interrupted after 60 s;
 *           e6 queued
 *   plan    p1 queued, in work tree /b
 * and one verify run on each side of the window.
 */
static void make_known_runs(struct store *s)
{
	static const struct store_diag_count d1[] = { { "lint_violation", 1 } };
	static const struct store_diag_count d2[] = {
		{ "type_error", 3 }, { "lint_violation", 1 },
	};
	struct store_run_end cancel = { .state = STORE_CANCELLED, .cost = -1,
					.finished = 1401 };
	struct store_run_spec spec = { .kind = "execute", .work_tree = "/a",
				       .priority = STORE_NORMAL, .owner = "me" };
	struct err e = ERR_INIT;
	int64_t id;
	int n;

	verify_run(s, "hook", 999, 999, 1000, false, false, NULL, 0, "x");
	verify_run(s, "hook", 1000, 1001, 1003, true, false, d1, 1, NULL);
	verify_run(s, "hook", 1010, 1010, 1014, false, false, d2, 2,
		   "type_error");
	verify_run(s, "editor", 1020, 1021, 1022, true, true, NULL, 0, NULL);
	verify_run(s, "hook", 1030, 1030, 1031, true, false, NULL, 0, NULL);
	verify_run(s, "hook", 2000, 2000, 2001, false, false, d2, 2, "y");

	spec.created = 1100;
	assert_int_equal(store_run_insert(s, &spec, &id, &e), 0);
	start(s, id, 1100);
	attempt(s, id, 1, "succeeded", NULL, 100, 50, 900, 0, 0.10);
	finish(s, id, STORE_SUCCEEDED, 1110, NULL);

	spec.created = 1200;
	assert_int_equal(store_run_insert(s, &spec, &id, &e), 0);
	start(s, id, 1200);
	attempt(s, id, 1, "failed", "type_error", 100, 40, 800, 100, 0.20);
	attempt(s, id, 2, "succeeded", NULL, 50, 30, 900, 0, 0.10);
	finish(s, id, STORE_SUCCEEDED, 1220, NULL);

	spec.created = 1300;
	assert_int_equal(store_run_insert(s, &spec, &id, &e), 0);
	start(s, id, 1300);
	attempt(s, id, 1, "failed", "type_error", 10, 10, 0, 0, 0.01);
	attempt(s, id, 2, "failed", "import_resolution", 10, 10, 0, 0, 0.01);
	attempt(s, id, 3, "failed", "import_resolution", 10, 10, 0, 0, 0.01);
	finish(s, id, STORE_FAILED, 1330, "import_resolution");

	spec.created = 1400;
	assert_int_equal(store_run_insert(s, &spec, &id, &e), 0);
	assert_int_equal(store_run_finish(s, id, &cancel, &e), 0);

	spec.created = 1500;
	assert_int_equal(store_run_insert(s, &spec, &id, &e), 0);
	start(s, id, 1500);
	assert_int_equal(store_mark_interrupted(s, "me", 1560, &n, &e), 0);
	assert_int_equal(n, 1);

	spec.created = 1600;
	assert_int_equal(store_run_insert(s, &spec, &id, &e), 0);
	insert(s, "plan", "/b", STORE_LOW, 1700);
}

static void summary(struct store *s, const struct store_metrics_filter *f,
		    struct json_doc *d, struct buf *out)
{
	struct json_writer w;
	struct err e = ERR_INIT;

	buf_reset(out);
	json_writer_init(&w, out);
	if (store_metrics_summary(s, f, &w, &e) < 0)
		fail_msg("summary: %s", e.msg.ptr);
	if (json_parse(d, out->ptr, out->len, 64, &e) < 0)
		fail_msg("summary is not JSON: %s\n%s", e.msg.ptr, out->ptr);
}

#define near(a, b) (fabs((a) - (b)) < 1e-9)

static void test_metrics_known(void **state)
{
	struct store *s = open_ok();
	struct store_metrics_filter f = { .since = 1000, .until = 2000 };
	struct json_doc d = JSON_DOC_INIT;
	struct buf out = BUF_INIT;

	make_known_runs(s);
	summary(s, &f, &d, &out);

	assert_true(jnum(&d, "since") == 1000);
	assert_true(jnull(&d, "workTree"));
	assert_true(jnum(&d, "runs.total") == 11);
	assert_true(jnum(&d, "runs.succeeded") == 5);
	assert_true(jnum(&d, "runs.failed") == 2);
	assert_true(jnum(&d, "runs.cancelled") == 1);
	assert_true(jnum(&d, "runs.interrupted") == 1);
	assert_true(jnum(&d, "runs.queued") == 2);
	assert_true(jnum(&d, "runs.running") == 0);
	assert_true(near(jnum(&d, "runs.successRate"), 5.0 / 8));
	/* Durations 1 1 2 4 10 20 30 60 s: p50 is the 4th, p95 the 8th. */
	assert_true(jnum(&d, "runs.duration.count") == 8);
	assert_true(jnum(&d, "runs.duration.p50Ms") == 4000);
	assert_true(jnum(&d, "runs.duration.p95Ms") == 60000);
	assert_true(jnum(&d, "runs.duration.sumMs") == 128000);

	/* byKind sorted: execute, plan, verify. */
	jstr_eq(&d, "byKind.0.kind", "execute");
	assert_true(jnum(&d, "byKind.0.total") == 6);
	assert_true(near(jnum(&d, "byKind.0.successRate"), 0.5));
	assert_true(jnum(&d, "byKind.0.duration.p50Ms") == 20000);
	assert_true(jnum(&d, "byKind.0.duration.p95Ms") == 60000);
	jstr_eq(&d, "byKind.1.kind", "plan");
	assert_true(jnum(&d, "byKind.1.queued") == 1);
	assert_true(jnull(&d, "byKind.1.successRate"));
	assert_true(jnull(&d, "byKind.1.duration.p50Ms"));
	jstr_eq(&d, "byKind.2.kind", "verify");
	assert_true(jnum(&d, "byKind.2.total") == 4);
	assert_true(near(jnum(&d, "byKind.2.successRate"), 0.75));
	assert_true(jnum(&d, "byKind.2.duration.p50Ms") == 1000);
	assert_true(jnum(&d, "byKind.2.duration.p95Ms") == 4000);

	assert_true(jnum(&d, "tokens.input") == 280);
	assert_true(jnum(&d, "tokens.output") == 150);
	assert_true(jnum(&d, "tokens.cacheRead") == 2600);
	assert_true(jnum(&d, "tokens.cacheWrite") == 100);
	assert_true(near(jnum(&d, "cost"), 0.43));
	assert_true(near(jnum(&d, "cacheReadShare"), 2600.0 / 2980));

	assert_true(jnum(&d, "verification.runs") == 4);
	assert_true(jnum(&d, "verification.passed") == 3);
	assert_true(jnum(&d, "verification.cached") == 1);
	assert_true(near(jnum(&d, "verification.passRate"), 0.75));
	/* Hook latencies 1 3 4 s. */
	assert_true(jnum(&d, "verification.hookLatency.count") == 3);
	assert_true(jnum(&d, "verification.hookLatency.p50Ms") == 3000);
	assert_true(jnum(&d, "verification.hookLatency.p95Ms") == 4000);
	jstr_eq(&d, "verification.diagnostics.0.category", "type_error");
	assert_true(jnum(&d, "verification.diagnostics.0.count") == 3);
	jstr_eq(&d, "verification.diagnostics.1.category", "lint_violation");
	assert_true(jnum(&d, "verification.diagnostics.1.count") == 2);

	assert_true(jnum(&d, "healing.runs") == 2);
	assert_true(jnum(&d, "healing.healed") == 1);
	assert_true(near(jnum(&d, "healing.rate"), 0.5));
	assert_true(jnum(&d, "healing.byAttempt.0.attempt") == 2);
	assert_true(jnum(&d, "healing.byAttempt.0.tried") == 2);
	assert_true(jnum(&d, "healing.byAttempt.0.succeeded") == 1);
	assert_true(jnum(&d, "healing.byAttempt.1.attempt") == 3);
	assert_true(jnum(&d, "healing.byAttempt.1.tried") == 1);
	assert_true(jnum(&d, "healing.byAttempt.1.rate") == 0);
	jstr_eq(&d, "healing.byCategory.0.category", "type_error");
	assert_true(jnum(&d, "healing.byCategory.0.tried") == 2);
	assert_true(jnum(&d, "healing.byCategory.0.succeeded") == 1);
	jstr_eq(&d, "healing.byCategory.1.category", "import_resolution");
	assert_true(jnum(&d, "healing.byCategory.1.tried") == 1);

	jstr_eq(&d, "topErrorCategories.0.category", "import_resolution");
	assert_true(jnum(&d, "topErrorCategories.0.runs") == 1);
	jstr_eq(&d, "topErrorCategories.1.category", "type_error");
	assert_int_equal(json_count(&d, jpath(&d, "topErrorCategories")), 2);
	json_doc_release(&d);

	/* Narrowed to a kind, and to a work tree. */
	f.kind = "execute";
	summary(s, &f, &d, &out);
	assert_true(jnum(&d, "runs.total") == 6);
	assert_int_equal(json_count(&d, jpath(&d, "byKind")), 1);
	assert_true(jnum(&d, "verification.runs") == 0);
	assert_true(jnull(&d, "verification.passRate"));
	jstr_eq(&d, "kind", "execute");
	json_doc_release(&d);
	f.kind = NULL;
	f.work_tree = "/a";
	summary(s, &f, &d, &out);
	assert_true(jnum(&d, "runs.total") == 10);
	json_doc_release(&d);
	/* An open window takes the runs on both sides too. */
	f = (struct store_metrics_filter){ 0 };
	summary(s, &f, &d, &out);
	assert_true(jnum(&d, "runs.total") == 13);
	assert_true(jnull(&d, "until"));
	json_doc_release(&d);

	buf_release(&out);
	store_close(s);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* p50/p95 against sorting, for sizes and value spreads that find the
 * edges of a selection algorithm: 1 and 2 values, many equal values,
 * ascending and random input. */
static void test_percentiles_match_sorting(void **state)
{
	static const int sizes[] = { 1, 2, 3, 20, 21, 301 };
	struct store *s = open_ok();
	struct json_doc d = JSON_DOC_INIT;
	struct buf out = BUF_INIT;
	double base = 10000, v[301];
	unsigned seed = 7;

	for (size_t t = 0; t < sizeof(sizes) / sizeof(sizes[0]); t++) {
		int n = sizes[t];
		struct store_metrics_filter f = { .since = base,
						  .until = base + 1000 };

		for (int i = 0; i < n; i++) {
			int64_t id = insert(s, "llm", NULL, STORE_NORMAL,
					    base + i);

			seed = seed * 1103515245 + 12345;
			/* whole milliseconds: few distinct values when t
			 * is odd, an ascending run when t is 4 */
			v[i] = t == 4 ? i / 1000.0
			       : (double)((seed >> 8) % (t % 2 ? 5 : 100000)) /
					 1000.0;
			start(s, id, base + i);
			finish(s, id, STORE_SUCCEEDED, base + i + v[i], NULL);
			v[i] = (base + i + v[i]) - (base + i);
		}
		qsort(v, (size_t)n, sizeof(double), cmp_double);
		summary(s, &f, &d, &out);
		assert_true(jnum(&d, "runs.duration.count") == n);
		assert_true(near(jnum(&d, "runs.duration.p50Ms"),
				 v[(int)ceil(0.50 * n) - 1] * 1000));
		assert_true(near(jnum(&d, "runs.duration.p95Ms"),
				 v[(int)ceil(0.95 * n) - 1] * 1000));
		json_doc_release(&d);
		base += 1000;
	}
	buf_release(&out);
	store_close(s);
}

/* ---- OpenMetrics through Prometheus's own parsers ---- */

static bool have_promtool(void)
{
	return system("command -v promtool >/dev/null 2>&1") == 0;
}

static bool have_python_client(void)
{
	return system("/usr/bin/python3 -c 'import prometheus_client' "
		      ">/dev/null 2>&1") == 0;
}

/* Parses stdin as OpenMetrics and prints the number of samples. */
#define PY_PARSE \
	"import sys\n" \
	"from prometheus_client.openmetrics.parser import " \
	"text_string_to_metric_families as parse\n" \
	"print(sum(len(f.samples) for f in parse(sys.stdin.read())))\n"

/* Runs cmd in tmp, returns its exit status and its output in out. */
static int run(struct buf *out, const char *cmd)
{
	struct buf full = BUF_INIT;
	FILE *p;
	char chunk[4096];
	size_t n;
	int status;

	buf_addf(&full, "cd '%s' && %s 2>&1", tmp, cmd);
	p = popen(full.ptr, "r");
	assert_non_null(p);
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		buf_add(out, chunk, n);
	status = pclose(p);
	buf_release(&full);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void test_openmetrics(void **state)
{
	struct store *s = open_ok();
	struct store_metrics_filter f = { .since = 1000, .until = 2000 };
	struct buf om = BUF_INIT, stamped = BUF_INIT, path = BUF_INIT,
		   out = BUF_INIT;
	struct err e = ERR_INIT;
	char *line, *save = NULL, *copy, family[128] = "", type[32] = "";
	int samples = 0, rc;

	make_known_runs(s);
	/* a label value that needs escaping */
	{
		int64_t id = insert(s, "fix", "/a", STORE_NORMAL, 1900);

		start(s, id, 1900);
		finish(s, id, STORE_FAILED, 1901, "we\"ird\\cat\negory");
	}
	assert_int_equal(store_metrics_openmetrics(s, &f, 0, &om, &e), 0);
	assert_int_equal(store_metrics_openmetrics(s, &f, STORE_OM_TIMESTAMPS,
						   &stamped, &e), 0);
	store_close(s);

	/* Our own reading of the rules the parsers below do not all check:
	 * ends in # EOF; every sample belongs to the family above it; a
	 * counter's samples end in _total, a summary's are the name, _sum or
	 * _count. */
	assert_true(om.len > 7);
	assert_string_equal(om.ptr + om.len - 6, "# EOF\n");
	assert_non_null(strstr(om.ptr,
			       "airunner_runs_total{kind=\"verify\","
			       "state=\"succeeded\"} 3\n"));
	assert_non_null(strstr(om.ptr, "airunner_run_duration_seconds{kind="
				       "\"verify\",quantile=\"0.95\"} 4\n"));
	assert_non_null(strstr(om.ptr,
			       "category=\"we\\\"ird\\\\cat\\negory\"} 1\n"));
	assert_non_null(strstr(om.ptr, "# UNIT airunner_cost_dollars dollars"));
	copy = strdup(om.ptr);
	for (line = strtok_r(copy, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		size_t fl = strlen(family);

		if (sscanf(line, "# TYPE %127s %31s", family, type) == 2)
			continue;
		if (line[0] == '#')
			continue;
		samples++;
		assert_memory_equal(line, family, fl);
		if (strcmp(type, "counter") == 0)
			assert_memory_equal(line + fl, "_total", 6);
		else if (strcmp(type, "summary") == 0)
			assert_true(line[fl] == '{' || line[fl] == '_');
		else
			assert_true(line[fl] == '{' || line[fl] == ' ');
	}
	free(copy);
	assert_true(samples > 30);

	buf_addf(&path, "%s/m.txt", tmp);
	write_file(path.ptr, om.ptr, om.len);
	buf_reset(&path);
	buf_addf(&path, "%s/m.om", tmp);
	write_file(path.ptr, stamped.ptr, stamped.len);

	/* 1. The Prometheus Python client's OpenMetrics parser (Debian's
	 * python3-prometheus-client), the strictest at hand: it refuses a
	 * counter sample without _total, a clashing name, a missing # EOF. */
	if (have_python_client()) {
		struct buf want = BUF_INIT;

		if (run(&out, "/usr/bin/python3 -c '" PY_PARSE "' < m.txt") != 0)
			fail_msg("the OpenMetrics parser refused it:\n%s\n%s",
				 out.ptr, om.ptr);
		buf_addf(&want, "%d\n", samples);
		assert_string_equal(out.ptr, want.ptr);
		buf_release(&want);
	}
	if (!have_promtool()) {
		/* scripts/debian-packages.txt installs it (`prometheus`). */
		print_message("promtool not found: skipping Prometheus's own "
			      "parsers (apt-get install prometheus)\n");
		skip();
	}
	/* 2. Prometheus's OpenMetrics parser, as `promtool tsdb
	 * create-blocks-from openmetrics` uses it: strict about # EOF, UNIT
	 * suffixes and the grammar. It backfills, so it needs timestamps:
	 * the stamped output differs from the plain one only by them. */
	buf_reset(&out);
	if (run(&out, "promtool tsdb create-blocks-from openmetrics m.om "
		      "blocks") != 0)
		fail_msg("promtool rejected the OpenMetrics text:\n%s\n%s",
			 out.ptr, stamped.ptr);
	/* Every sample went in: the block lists them. */
	{
		struct buf want = BUF_INIT;

		buf_addf(&want, " %d ", samples);
		assert_non_null(strstr(out.ptr, want.ptr));
		buf_release(&want);
	}

	/* 3. `promtool check metrics`: the text-format parser a scraper
	 * falls back on (and its linter) reads the plain output. It knows
	 * nothing of OpenMetrics counters (family X, samples X_total), so it
	 * lints those as untyped and without help; any parse error fails. */
	buf_reset(&out);
	rc = run(&out, "promtool check metrics < m.txt");
	if (rc != 0 && rc != 3)
		fail_msg("promtool check metrics failed (%d):\n%s", rc, out.ptr);
	copy = strdup(out.ptr);
	for (line = strtok_r(copy, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		const char *tail = "_total no help text";
		size_t n = strlen(line), tn = strlen(tail);

		if (n < tn || strcmp(line + n - tn, tail) != 0)
			fail_msg("promtool check metrics: %s\n%s", line,
				 om.ptr);
	}
	free(copy);

	err_clear(&e);
	buf_release(&om);
	buf_release(&stamped);
	buf_release(&path);
	buf_release(&out);
}

/* ---- two agents on one file ---- */

#define WRITER_RUNS 1500

static int writer(const char *owner, int64_t shared)
{
	struct store *s = NULL;
	struct err e = ERR_INIT;
	struct store_run_spec spec = {
		.kind = "verify", .work_tree = "/w", .priority = STORE_NORMAL,
		.owner = owner, .created = 1,
	};
	struct store_run_end end = { .state = STORE_SUCCEEDED, .finished = 3,
				     .cost = -1 };
	struct store_event ev = { .phase = "check", .time = 2 };
	int64_t id;

	if (store_open(&s, dbpath.ptr, &e) < 0)
		goto fail;
	for (int i = 0; i < WRITER_RUNS; i++) {
		if (store_run_insert(s, &spec, &id, &e) < 0 ||
		    store_run_start(s, id, 2, &e) < 0)
			goto fail;
		ev.run_id = id;
		if (store_event_append(s, &ev, NULL, &e) < 0)
			goto fail;
		/* Both writers number events of one run at once. */
		ev.run_id = shared;
		ev.message = owner;
		if (store_event_append(s, &ev, NULL, &e) < 0)
			goto fail;
		if (store_run_finish(s, id, &end, &e) < 0)
			goto fail;
	}
	store_close(s);
	return 0;
fail:
	fprintf(stderr, "writer %s: %s: %s\n", owner, err_kind_name(e.kind), e.msg.ptr);
	store_close(s);
	return 1;
}

static void test_two_writers(void **state)
{
	struct store *s = open_ok();
	int64_t shared = insert(s, "execute", "/w", STORE_NORMAL, 1);
	pid_t pid[2];
	int status;
	char *check;

	assert_int_equal(shared, 1); /* the queries below name it */
	/* No connection crosses a fork: the children open their own. */
	store_close(s);
	for (int i = 0; i < 2; i++) {
		pid[i] = fork();
		assert_true(pid[i] >= 0);
		if (pid[i] == 0)
			_exit(writer(i ? "b" : "a", shared));
	}
	for (int i = 0; i < 2; i++) {
		assert_int_equal(waitpid(pid[i], &status, 0), pid[i]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	check = sql_text(dbpath.ptr, "PRAGMA integrity_check");
	assert_string_equal(check, "ok");
	free(check);
	assert_int_equal(sql_int(dbpath.ptr, "SELECT count(*) FROM runs"
				 " WHERE state = 'succeeded'"), 2 * WRITER_RUNS);
	assert_int_equal(sql_int(dbpath.ptr, "SELECT count(*) FROM runs"
				 " WHERE owner = 'a'"), WRITER_RUNS);
	assert_int_equal(sql_int(dbpath.ptr, "SELECT count(*) FROM events"),
			 4 * WRITER_RUNS);
	/* The shared run's events are numbered 1..2N with no gap or twin. */
	assert_int_equal(sql_int(dbpath.ptr, "SELECT count(DISTINCT seq) FROM"
				 " events WHERE run_id = 1"), 2 * WRITER_RUNS);
	assert_int_equal(sql_int(dbpath.ptr, "SELECT max(seq) FROM events"
				 " WHERE run_id = 1"), 2 * WRITER_RUNS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_schema_created),
		T(test_default_path),
		T(test_reopen_keeps_data),
		T(test_newer_version_refused),
		T(test_not_a_database),
		T(test_migrates_from_version_0),
		T(test_migrates_from_version_1),
		T(test_transitions),
		T(test_interrupted_at_start),
		T(test_events_replay),
		T(test_list_filters),
		T(test_attempts),
		T(test_verification),
		T(test_metrics_known),
		T(test_percentiles_match_sorting),
		T(test_openmetrics),
		T(test_two_writers),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
