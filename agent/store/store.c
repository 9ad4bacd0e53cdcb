/*
 * store: opening and migrating the database, and recording runs, attempts,
 * events and verifications. The metrics queries are in metrics.c.
 */
#include "store/internal.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/fs.h"
#include "util/mem.h"

/* A write waits this long for another writer (another agent on the same
 * file) before giving up with ERR_STORE_BUSY. Transactions are a few
 * statements long, so reaching it means something is wrong. */
#define STORE_BUSY_TIMEOUT_MS 5000

/*
 * migrations[v] takes a database from user_version v to v + 1. Only ever
 * append: a released step is never edited, since databases out there went
 * through it.
 *
 * Schema notes: the metrics read a window of runs by creation time, so the
 * hot figures are denormalized for them: runs carries its attempts' totals
 * (tokens, cost, count) and its verification's verdict (verify_ok,
 * verify_cached), so the main scan reads one row per run and joins nothing;
 * attempts and diagnostics carry their run's created time (run_created),
 * indexed, so the healing and diagnostics queries read only their own rows
 * in the window. runs_created is the window's index;
 * runs_state serves the queue (state, priority, id) and "what is running";
 * the child tables are keyed by (run_id, ...) WITHOUT ROWID, so a run's
 * attempts, events or checks are one contiguous range.
 */
static const char *const migrations[] = {
	/* 0 -> 1 */
	"CREATE TABLE runs ("
	" id INTEGER PRIMARY KEY,"
	" kind TEXT NOT NULL,"
	" work_tree TEXT,"
	" priority INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 3),"
	" state TEXT NOT NULL CHECK (state IN ('queued','running','succeeded',"
	"  'failed','cancelled','interrupted')),"
	" origin TEXT,"
	" owner TEXT,"
	" created REAL NOT NULL,"
	" started REAL,"
	" finished REAL,"
	" duration REAL,"
	" issue_key TEXT,"
	" subtask TEXT,"
	" request TEXT,"
	" outcome TEXT,"
	" error_kind TEXT,"
	" error_category TEXT,"
	" error_message TEXT,"
	" cost REAL NOT NULL DEFAULT 0,"
	" attempts INTEGER NOT NULL DEFAULT 0,"
	" tokens_input INTEGER NOT NULL DEFAULT 0,"
	" tokens_output INTEGER NOT NULL DEFAULT 0,"
	" tokens_cache_read INTEGER NOT NULL DEFAULT 0,"
	" tokens_cache_write INTEGER NOT NULL DEFAULT 0,"
	" verify_ok INTEGER,"
	" verify_cached INTEGER);"
	"CREATE INDEX runs_created ON runs(created);"
	"CREATE INDEX runs_state ON runs(state, priority, id);"
	"CREATE INDEX runs_work_tree ON runs(work_tree, id);"
	"CREATE TABLE attempts ("
	" run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
	" attempt INTEGER NOT NULL CHECK (attempt >= 1),"
	" run_created REAL NOT NULL,"
	" provider TEXT,"
	" model TEXT,"
	" tokens_input INTEGER NOT NULL,"
	" tokens_output INTEGER NOT NULL,"
	" tokens_cache_read INTEGER NOT NULL,"
	" tokens_cache_write INTEGER NOT NULL,"
	" cost REAL NOT NULL,"
	" duration REAL NOT NULL,"
	" time REAL,"
	" outcome TEXT,"
	" error_category TEXT,"
	" PRIMARY KEY (run_id, attempt)) WITHOUT ROWID;"
	"CREATE INDEX attempts_healing ON attempts(run_created, outcome)"
	" WHERE attempt >= 2;"
	"CREATE TABLE events ("
	" run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
	" seq INTEGER NOT NULL,"
	" time REAL NOT NULL,"
	" phase TEXT NOT NULL,"
	" message TEXT,"
	" data TEXT,"
	" PRIMARY KEY (run_id, seq)) WITHOUT ROWID;"
	"CREATE TABLE verifications ("
	" run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,"
	" ok INTEGER NOT NULL,"
	" cached INTEGER NOT NULL,"
	" duration REAL NOT NULL);"
	"CREATE TABLE verification_checks ("
	" run_id INTEGER NOT NULL"
	"  REFERENCES verifications(run_id) ON DELETE CASCADE,"
	" idx INTEGER NOT NULL,"
	" name TEXT NOT NULL,"
	" status TEXT NOT NULL,"
	" duration REAL NOT NULL,"
	" blocking INTEGER NOT NULL,"
	" PRIMARY KEY (run_id, idx)) WITHOUT ROWID;"
	"CREATE TABLE verification_diagnostics ("
	" run_id INTEGER NOT NULL"
	"  REFERENCES verifications(run_id) ON DELETE CASCADE,"
	" category TEXT NOT NULL,"
	" count INTEGER NOT NULL,"
	" run_created REAL NOT NULL,"
	" PRIMARY KEY (run_id, category)) WITHOUT ROWID;"
	"CREATE INDEX diagnostics_created"
	" ON verification_diagnostics(run_created, category, count);",
	/* 1 -> 2: plans and their revisions (plans.c). The plan's JSON is
	 * kept whole; the columns beside it are what plan/list shows and
	 * filters on without parsing it. */
	"CREATE TABLE plans ("
	" id INTEGER NOT NULL CHECK (id >= 1),"
	" revision INTEGER NOT NULL CHECK (revision >= 1),"
	" run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,"
	" work_tree TEXT,"
	" issue_key TEXT,"
	" title TEXT,"
	" summary TEXT,"
	" subtasks INTEGER NOT NULL,"
	" plan TEXT NOT NULL,"
	" created REAL NOT NULL,"
	" PRIMARY KEY (id, revision)) WITHOUT ROWID;"
	"CREATE INDEX plans_work_tree ON plans(work_tree, id);"
	"CREATE INDEX plans_issue ON plans(issue_key, id);",
};

#define NMIGRATIONS (sizeof(migrations) / sizeof(migrations[0]))
_Static_assert(NMIGRATIONS == STORE_SCHEMA_VERSION,
	       "one migration per schema version");

#define RUN_COLS \
	"id, kind, work_tree, priority, state, origin, owner, created," \
	" started, finished, duration, issue_key, subtask, request, outcome," \
	" error_kind, error_category, error_message, cost, attempts," \
	" tokens_input, tokens_output, tokens_cache_read, tokens_cache_write"

static const char *const sql[ST_COUNT] = {
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
	[ST_RUN_INSERT] =
		"INSERT INTO runs (kind, work_tree, priority, state, origin,"
		" owner, created, issue_key, subtask, request)"
		" VALUES (?1, ?2, ?3, 'queued', ?4, ?5, ?6, ?7, ?8, ?9)",
	[ST_RUN_START] =
		"UPDATE runs SET state = 'running', started = ?2"
		" WHERE id = ?1 AND state = 'queued'",
	[ST_RUN_FINISH] =
		"UPDATE runs SET state = ?2, finished = ?3,"
		" duration = CASE WHEN started IS NULL THEN 0"
		"  ELSE max(?3 - started, 0) END,"
		" outcome = ?4, error_kind = ?5, error_category = ?6,"
		" error_message = ?7,"
		" cost = CASE WHEN ?8 >= 0 THEN ?8 ELSE cost END"
		" WHERE id = ?1 AND (state = 'running'"
		"  OR (state = 'queued' AND ?2 = 'cancelled'))",
	[ST_RUN_STATE] = "SELECT state FROM runs WHERE id = ?1",
	[ST_RUN_GET] = "SELECT " RUN_COLS " FROM runs WHERE id = ?1",
	[ST_RUN_INTERRUPT] =
		"UPDATE runs SET state = 'interrupted', finished = ?2,"
		" duration = max(?2 - started, 0), error_kind = 'interrupted',"
		" error_message = 'the agent running it stopped'"
		" WHERE state = 'running' AND owner = ?1",
	[ST_RUN_INTERRUPT_ALL] =
		"UPDATE runs SET state = 'interrupted', finished = ?2,"
		" duration = max(?2 - started, 0), error_kind = 'interrupted',"
		" error_message = 'the agent running it stopped'"
		" WHERE state = 'running'",
	[ST_ATTEMPT_INSERT] =
		"INSERT INTO attempts (run_id, attempt, provider, model,"
		" tokens_input, tokens_output, tokens_cache_read,"
		" tokens_cache_write, cost, duration, time, outcome,"
		" error_category, run_created)"
		" SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
		" created FROM runs WHERE id = ?1",
	[ST_RUN_ADD_ATTEMPT] =
		"UPDATE runs SET attempts = attempts + 1,"
		" tokens_input = tokens_input + ?2,"
		" tokens_output = tokens_output + ?3,"
		" tokens_cache_read = tokens_cache_read + ?4,"
		" tokens_cache_write = tokens_cache_write + ?5,"
		" cost = cost + ?6 WHERE id = ?1",
	[ST_ATTEMPTS_OF] =
		"SELECT attempt, provider, model, tokens_input, tokens_output,"
		" tokens_cache_read, tokens_cache_write, cost, duration, time,"
		" outcome, error_category FROM attempts WHERE run_id = ?1"
		" ORDER BY attempt",
	[ST_EVENT_INSERT] =
		"INSERT INTO events (run_id, seq, time, phase, message, data)"
		" SELECT ?1, coalesce(max(seq), 0) + 1, ?2, ?3, ?4, ?5"
		" FROM events WHERE run_id = ?1 RETURNING seq",
	[ST_EVENTS_AFTER] =
		"SELECT seq, time, phase, message, data FROM events"
		" WHERE run_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
	[ST_VERIF_DELETE] = "DELETE FROM verifications WHERE run_id = ?1",
	[ST_VERIF_INSERT] =
		"INSERT INTO verifications (run_id, ok, cached, duration)"
		" VALUES (?1, ?2, ?3, ?4)",
	[ST_CHECK_INSERT] =
		"INSERT INTO verification_checks (run_id, idx, name, status,"
		" duration, blocking) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[ST_DIAG_INSERT] =
		"INSERT INTO verification_diagnostics (run_id, category, count,"
		" run_created) SELECT ?1, ?2, ?3, created FROM runs WHERE id = ?1"
		" ON CONFLICT (run_id, category)"
		" DO UPDATE SET count = count + excluded.count",
	[ST_RUN_SET_VERDICT] =
		"UPDATE runs SET verify_ok = ?2, verify_cached = ?3"
		" WHERE id = ?1",
	[ST_VERIF_GET] =
		"SELECT ok, cached, duration FROM verifications"
		" WHERE run_id = ?1",
	[ST_CHECKS_OF] =
		"SELECT name, status, duration, blocking FROM verification_checks"
		" WHERE run_id = ?1 ORDER BY idx",
	[ST_DIAGS_OF] =
		"SELECT category, count FROM verification_diagnostics"
		" WHERE run_id = ?1 ORDER BY category",
	/* metrics.c: ?1 since, ?2 until (or +inf), ?3 work tree, ?4 kind.
	 * The runs of a window are found by their ids (?5, ?6: the lowest and
	 * highest id created in it, from the covering runs_created index),
	 * then read in rowid order: one sequential pass over the table, where
	 * going through runs_created would cost a b-tree lookup per run. The
	 * created test stays, so a clock that went backwards costs nothing
	 * but a few extra rows read. */
	[ST_M_RUNS] =
		"SELECT r.kind, r.state,"
		" CASE WHEN r.started IS NOT NULL THEN r.duration END,"
		" CASE WHEN r.origin = 'hook' AND r.verify_ok IS NOT NULL"
		"  THEN r.finished - r.created END,"
		" r.error_category, r.attempts, r.cost, r.verify_ok,"
		" r.verify_cached, r.tokens_input, r.tokens_output,"
		" r.tokens_cache_read, r.tokens_cache_write FROM runs r"
		" WHERE r.id BETWEEN ?5 AND ?6"
		" AND +r.created >= ?1 AND +r.created < ?2"
		" AND (?3 IS NULL OR r.work_tree = ?3)"
		" AND (?4 IS NULL OR r.kind = ?4)",
	[ST_M_RANGE] =
		"SELECT min(id), max(id) FROM runs"
		" WHERE created >= ?1 AND created < ?2",
	/* The run is looked up only when the window is narrowed. */
	[ST_M_DIAGS] =
		"SELECT d.category, sum(d.count) FROM verification_diagnostics d"
		" WHERE d.run_created >= ?1 AND d.run_created < ?2"
		" AND ((?3 IS NULL AND ?4 IS NULL) OR EXISTS (SELECT 1 FROM runs r"
		"  WHERE r.id = d.run_id AND (?3 IS NULL OR r.work_tree = ?3)"
		"  AND (?4 IS NULL OR r.kind = ?4)))"
		" GROUP BY d.category",
	[ST_M_HEAL] =
		"SELECT a.attempt, a.outcome = 'succeeded', p.error_category"
		" FROM attempts a LEFT JOIN attempts p ON p.run_id = a.run_id"
		"  AND p.attempt = a.attempt - 1"
		" WHERE a.attempt >= 2"
		" AND a.run_created >= ?1 AND a.run_created < ?2"
		" AND ((?3 IS NULL AND ?4 IS NULL) OR EXISTS (SELECT 1 FROM runs r"
		"  WHERE r.id = a.run_id AND (?3 IS NULL OR r.work_tree = ?3)"
		"  AND (?4 IS NULL OR r.kind = ?4)))",
};

static const char *const state_names[STORE_NSTATES] = {
	"queued", "running", "succeeded", "failed", "cancelled", "interrupted",
};
static const char *const priority_names[STORE_NPRIORITIES] = {
	"urgent", "high", "normal", "low",
};
static const char *const kinds[] = {
	"verify", "plan", "execute", "rollback", "fix", "llm", "issue",
	"test", /* the agent's test-only jobs (AIRUNNER_TEST_METHODS=1) */
};

const char *store_state_name(enum store_state st)
{
	return (unsigned)st < STORE_NSTATES ? state_names[st] : "?";
}

const char *store_priority_name(enum store_priority p)
{
	return (unsigned)p < STORE_NPRIORITIES ? priority_names[p] : "?";
}

int store_state_parse(const char *name, enum store_state *out)
{
	for (int i = 0; name && i < STORE_NSTATES; i++)
		if (strcmp(name, state_names[i]) == 0) {
			*out = (enum store_state)i;
			return 0;
		}
	return -1;
}

int store_priority_parse(const char *name, enum store_priority *out)
{
	for (int i = 0; name && i < STORE_NPRIORITIES; i++)
		if (strcmp(name, priority_names[i]) == 0) {
			*out = (enum store_priority)i;
			return 0;
		}
	return -1;
}

bool store_kind_valid(const char *kind)
{
	for (size_t i = 0; kind && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kind, kinds[i]) == 0)
			return true;
	return false;
}

/* ---- plumbing ---- */

int store_sqlerr(struct store *s, int rc, struct err *e, const char *what)
{
	int prim = rc & 0xff;
	enum err_kind kind = prim == SQLITE_BUSY || prim == SQLITE_LOCKED
				   ? ERR_STORE_BUSY : ERR_STORE;

	return err_set(e, kind, "%s: %s (SQLite code %d)", what,
		       s && s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc),
		       rc);
}

sqlite3_stmt *store_stmt(struct store *s, enum st_id id, struct err *e)
{
	sqlite3_stmt *st = s->st[id];
	int rc;

	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return st;
	}
	rc = sqlite3_prepare_v3(s->db, sql[id], -1, SQLITE_PREPARE_PERSISTENT,
				&s->st[id], NULL);
	if (rc != SQLITE_OK) {
		store_sqlerr(s, rc, e, "preparing a statement");
		return NULL;
	}
	return s->st[id];
}

/* Runs a statement that returns no rows (or whose rows we do not want). */
static int step_done(struct store *s, sqlite3_stmt *st, struct err *e,
		     const char *what)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_sqlerr(s, rc, e, what);
	return 0;
}

static int exec_id(struct store *s, enum st_id id, struct err *e,
		   const char *what)
{
	sqlite3_stmt *st = store_stmt(s, id, e);

	return st ? step_done(s, st, e, what) : -1;
}

int store_begin(struct store *s, struct err *e)
{
	return exec_id(s, ST_BEGIN, e, "starting a transaction");
}

int store_commit(struct store *s, struct err *e)
{
	if (exec_id(s, ST_COMMIT, e, "committing") < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

void store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		exec_id(s, ST_ROLLBACK, NULL, "rolling back");
}

int store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	return v ? sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT)
		 : sqlite3_bind_null(st, i);
}

static void bind_time(sqlite3_stmt *st, int i, double t)
{
	if (t > 0)
		sqlite3_bind_double(st, i, t);
	else
		sqlite3_bind_null(st, i);
}

static char *col_strdup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? xstrdup((const char *)t) : NULL;
}

/* NULL, or text that parses as one JSON value. */
static int check_json(const char *text, const char *field, struct err *e)
{
	struct json_doc d = JSON_DOC_INIT;
	struct err pe = ERR_INIT;
	int rc = 0;

	if (!text)
		return 0;
	if (json_parse(&d, text, strlen(text), JSON_MAX_DEPTH_DEFAULT, &pe) < 0)
		rc = err_set(e, ERR_INVALID_PARAMS, "%s is not JSON: %s", field,
			     pe.msg.ptr);
	json_doc_release(&d);
	err_clear(&pe);
	return rc;
}

/* Writes stored JSON text as a value: text we wrote was checked on the way
 * in, but the file is the user's, so it is checked again on the way out and
 * written as a string if someone broke it. */
static void write_stored_json(struct json_writer *w, const char *text)
{
	if (!text)
		json_w_null(w);
	else if (check_json(text, "", NULL) == 0)
		json_w_raw(w, text, strlen(text));
	else
		json_w_str(w, text);
}

/* ---- open, migrate, close ---- */

static double mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/*
 * Waiting for another writer. SQLite's own busy timeout sleeps longer and
 * longer (up to 100 ms a try), and the lock is not handed over fairly: an
 * agent that writes back to back frees it for microseconds between its
 * transactions, so a waiter that wakes every 100 ms can miss every chance
 * until it times out (the two-writer test saw it). Trying every 250 us
 * until the deadline finds the gaps; it only costs while the lock is taken.
 */
static int busy_wait(void *arg, int count)
{
	struct store *s = arg;
	struct timespec pause = { 0, 250 * 1000 };

	if (count == 0)
		s->busy_since = mono_ms();
	else if (mono_ms() - s->busy_since >= STORE_BUSY_TIMEOUT_MS)
		return 0;
	nanosleep(&pause, NULL);
	return 1;
}

static int pragma_int(struct store *s, const char *q, int *out, struct err *e)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, q, -1, &st, NULL);

	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int(st, 0);
			rc = SQLITE_OK;
		}
	}
	if (rc != SQLITE_OK)
		store_sqlerr(s, rc, e, s->path);
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? 0 : -1;
}

static int exec_sql(struct store *s, const char *q, struct err *e)
{
	int rc = sqlite3_exec(s->db, q, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : store_sqlerr(s, rc, e, s->path);
}

static int migrate(struct store *s, struct err *e)
{
	struct buf q = BUF_INIT;
	int v = 0; /* set by pragma_int; gcc -O3 cannot tell */

	if (s->version == STORE_SCHEMA_VERSION)
		return 0;
	if (store_begin(s, e) < 0)
		return -1;
	/* Read again under the write lock: another agent may have migrated
	 * the file since we looked. */
	if (pragma_int(s, "PRAGMA user_version", &v, e) < 0)
		goto fail;
	if (v > STORE_SCHEMA_VERSION) {
		err_set(e, ERR_STORE_VERSION,
			"%s has schema version %d, newer than this airunner's %d",
			s->path, v, STORE_SCHEMA_VERSION);
		goto fail;
	}
	for (; v < STORE_SCHEMA_VERSION; v++)
		if (exec_sql(s, migrations[v], e) < 0) {
			err_prefix(e, "migrating to schema version %d", v + 1);
			goto fail;
		}
	buf_addf(&q, "PRAGMA user_version = %d", v);
	if (exec_sql(s, q.ptr, e) < 0 || store_commit(s, e) < 0)
		goto fail;
	buf_release(&q);
	s->version = v;
	return 0;
fail:
	buf_release(&q);
	store_rollback(s);
	return -1;
}

int store_open(struct store **out, const char *path, struct err *e)
{
	struct store *s = xcalloc(1, sizeof(*s));
	const char *slash = strrchr(path, '/');
	struct buf journal = BUF_INIT;
	sqlite3_stmt *st = NULL;
	int rc;

	*out = NULL;
	s->path = xstrdup(path);
	if (slash && slash != path) {
		char *dir = xstrdup(path);

		dir[slash - path] = '\0';
		rc = fs_mkdirs(dir, 0700, e);
		free(dir);
		if (rc < 0)
			goto fail;
	}
	/* NOMUTEX: a handle belongs to one thread, so SQLite's per-call
	 * locking is pure cost. */
	rc = sqlite3_open_v2(path, &s->db,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				     SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		store_sqlerr(s, rc, e, path);
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_handler(s->db, busy_wait, s);
	/* The version first, before anything that could write: a newer
	 * database is left exactly as it is. */
	if (pragma_int(s, "PRAGMA user_version", &s->version, e) < 0)
		goto fail;
	if (s->version > STORE_SCHEMA_VERSION) {
		err_set(e, ERR_STORE_VERSION,
			"%s has schema version %d, newer than this airunner's %d;"
			" use a newer airunner (the file is left untouched)",
			path, s->version, STORE_SCHEMA_VERSION);
		goto fail;
	}
	rc = sqlite3_prepare_v2(s->db, "PRAGMA journal_mode = WAL", -1, &st,
				NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		buf_adds(&journal, (const char *)sqlite3_column_text(st, 0));
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK) {
		store_sqlerr(s, rc, e, path);
		goto fail;
	}
	if (strcmp(journal.ptr, "wal") != 0) {
		err_set(e, ERR_STORE, "%s: cannot use WAL mode (journal mode %s)",
			path, journal.ptr);
		goto fail;
	}
	/* Reads through a memory map: the metrics scan a window of the file,
	 * and pread into SQLite's own page cache cost more than the scan.
	 * The map is shared with the OS page cache, not private memory. */
	if (exec_sql(s, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
		     " PRAGMA mmap_size = 268435456", e) < 0)
		goto fail;
	if (migrate(s, e) < 0)
		goto fail;
	buf_release(&journal);
	*out = s;
	return 0;
fail:
	buf_release(&journal);
	store_close(s);
	return -1;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(s->st[i]);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

void store_default_path(struct buf *out)
{
	const char *st = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");

	if (st && *st)
		buf_addf(out, "%s/airunner/airunner.db", st);
	else if (home && *home)
		buf_addf(out, "%s/.local/state/airunner/airunner.db", home);
	else
		buf_addf(out, "/tmp/airunner-%d/airunner.db", (int)getuid());
}

int store_schema_version(struct store *s)
{
	return s->version;
}

/* ---- runs ---- */

int store_run_insert(struct store *s, const struct store_run_spec *spec,
		     int64_t *id, struct err *e)
{
	sqlite3_stmt *st;

	if (!store_kind_valid(spec->kind))
		return err_set(e, ERR_INVALID_PARAMS, "unknown run kind '%s'",
			       spec->kind ? spec->kind : "");
	if ((unsigned)spec->priority >= STORE_NPRIORITIES)
		return err_set(e, ERR_INVALID_PARAMS, "unknown priority %d",
			       (int)spec->priority);
	if (check_json(spec->request, "request", e) < 0)
		return -1;
	/* BEGIN IMMEDIATE even for one statement: it takes the write lock
	 * up front, waiting for another agent through the busy timeout. */
	if (!(st = store_stmt(s, ST_RUN_INSERT, e)) || store_begin(s, e) < 0)
		return -1;
	store_bind_text(st, 1, spec->kind);
	store_bind_text(st, 2, spec->work_tree);
	sqlite3_bind_int(st, 3, (int)spec->priority);
	store_bind_text(st, 4, spec->origin);
	store_bind_text(st, 5, spec->owner);
	sqlite3_bind_double(st, 6, spec->created);
	store_bind_text(st, 7, spec->issue_key);
	store_bind_text(st, 8, spec->subtask);
	store_bind_text(st, 9, spec->request);
	if (step_done(s, st, e, "recording a run") < 0) {
		store_rollback(s);
		return -1;
	}
	*id = sqlite3_last_insert_rowid(s->db);
	return store_commit(s, e);
}

/* After an UPDATE that matched nothing: why (inside the transaction). */
static int explain_no_change(struct store *s, int64_t id, const char *to,
			     struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_RUN_STATE, e);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		err_set(e, ERR_STORE_STATE, "run %lld is %s; it cannot become %s",
			(long long)id, sqlite3_column_text(st, 0), to);
	else if (rc == SQLITE_DONE)
		err_set(e, ERR_NOT_FOUND, "no run %lld", (long long)id);
	else
		store_sqlerr(s, rc, e, "reading a run");
	sqlite3_reset(st);
	return -1;
}

/* Runs a prepared UPDATE of one run inside its own transaction; when it
 * changes nothing, says why. */
static int update_run(struct store *s, sqlite3_stmt *st, int64_t id,
		      const char *to, struct err *e)
{
	if (store_begin(s, e) < 0)
		return -1;
	if (step_done(s, st, e, "updating a run") < 0)
		goto fail;
	if (sqlite3_changes(s->db) == 0) {
		explain_no_change(s, id, to, e);
		goto fail;
	}
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}

int store_run_start(struct store *s, int64_t id, double now, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_RUN_START, e);

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_double(st, 2, now);
	return update_run(s, st, id, "running", e);
}

int store_run_finish(struct store *s, int64_t id,
		     const struct store_run_end *end, struct err *e)
{
	sqlite3_stmt *st;

	if (end->state < STORE_SUCCEEDED || end->state >= STORE_NSTATES)
		return err_set(e, ERR_INVALID_PARAMS,
			       "a run cannot finish as %s",
			       store_state_name(end->state));
	if (!(st = store_stmt(s, ST_RUN_FINISH, e)))
		return -1;
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, store_state_name(end->state));
	sqlite3_bind_double(st, 3, end->finished);
	store_bind_text(st, 4, end->outcome);
	store_bind_text(st, 5, end->error_kind);
	store_bind_text(st, 6, end->error_category);
	store_bind_text(st, 7, end->error_message);
	sqlite3_bind_double(st, 8, end->cost);
	return update_run(s, st, id, store_state_name(end->state), e);
}

int store_mark_interrupted(struct store *s, const char *owner, double now,
			   int *n, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, owner ? ST_RUN_INTERRUPT
					       : ST_RUN_INTERRUPT_ALL, e);

	if (n)
		*n = 0;
	if (!st)
		return -1;
	if (owner)
		store_bind_text(st, 1, owner);
	sqlite3_bind_double(st, 2, now);
	if (store_begin(s, e) < 0)
		return -1;
	if (step_done(s, st, e, "marking runs interrupted") < 0) {
		store_rollback(s);
		return -1;
	}
	if (n)
		*n = sqlite3_changes(s->db);
	return store_commit(s, e);
}

static double col_time(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL
		       ? 0 : sqlite3_column_double(st, i);
}

/* Reads a row of RUN_COLS. */
static void run_from_row(sqlite3_stmt *st, struct store_run *r)
{
	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(st, 0);
	r->kind = col_strdup(st, 1);
	r->work_tree = col_strdup(st, 2);
	r->priority = (enum store_priority)sqlite3_column_int(st, 3);
	if (store_state_parse((const char *)sqlite3_column_text(st, 4),
			      &r->state) < 0)
		r->state = STORE_FAILED; /* the CHECK makes this unreachable */
	r->origin = col_strdup(st, 5);
	r->owner = col_strdup(st, 6);
	r->created = col_time(st, 7);
	r->started = col_time(st, 8);
	r->finished = col_time(st, 9);
	r->duration = col_time(st, 10);
	r->issue_key = col_strdup(st, 11);
	r->subtask = col_strdup(st, 12);
	r->request = col_strdup(st, 13);
	r->outcome = col_strdup(st, 14);
	r->error_kind = col_strdup(st, 15);
	r->error_category = col_strdup(st, 16);
	r->error_message = col_strdup(st, 17);
	r->cost = sqlite3_column_double(st, 18);
	r->attempts = sqlite3_column_int(st, 19);
	r->tokens_input = sqlite3_column_int64(st, 20);
	r->tokens_output = sqlite3_column_int64(st, 21);
	r->tokens_cache_read = sqlite3_column_int64(st, 22);
	r->tokens_cache_write = sqlite3_column_int64(st, 23);
}

int store_run_get(struct store *s, int64_t id, struct store_run *out,
		  struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_RUN_GET, e);
	int rc;

	memset(out, 0, sizeof(*out));
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		run_from_row(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return err_set(e, ERR_NOT_FOUND, "no run %lld", (long long)id);
	return store_sqlerr(s, rc, e, "reading a run");
}

void store_run_release(struct store_run *r)
{
	free(r->kind);
	free(r->work_tree);
	free(r->origin);
	free(r->owner);
	free(r->issue_key);
	free(r->subtask);
	free(r->request);
	free(r->outcome);
	free(r->error_kind);
	free(r->error_category);
	free(r->error_message);
	memset(r, 0, sizeof(*r));
}

static void kv_time(struct json_writer *w, const char *k, double t)
{
	json_key(w, k);
	if (t > 0)
		json_w_double(w, t);
	else
		json_w_null(w);
}

static void write_tokens(struct json_writer *w, int64_t in, int64_t out,
			 int64_t cr, int64_t cw)
{
	json_key(w, "tokens");
	json_obj_begin(w);
	json_kv_int(w, "input", in);
	json_kv_int(w, "output", out);
	json_kv_int(w, "cacheRead", cr);
	json_kv_int(w, "cacheWrite", cw);
	json_obj_end(w);
}

void store_run_write_json(struct json_writer *w, const struct store_run *r)
{
	json_obj_begin(w);
	json_kv_int(w, "id", r->id);
	json_kv_str_or_null(w, "kind", r->kind);
	json_kv_str_or_null(w, "workTree", r->work_tree);
	json_kv_str(w, "priority", store_priority_name(r->priority));
	json_kv_str(w, "state", store_state_name(r->state));
	json_kv_str_or_null(w, "origin", r->origin);
	kv_time(w, "created", r->created);
	kv_time(w, "started", r->started);
	kv_time(w, "finished", r->finished);
	json_key(w, "durationMs");
	if (r->finished > 0)
		json_w_double(w, r->duration * 1000);
	else
		json_w_null(w);
	json_kv_str_or_null(w, "issueKey", r->issue_key);
	json_kv_str_or_null(w, "subtask", r->subtask);
	json_key(w, "request");
	write_stored_json(w, r->request);
	json_kv_str_or_null(w, "outcome", r->outcome);
	json_kv_str_or_null(w, "errorKind", r->error_kind);
	json_kv_str_or_null(w, "errorCategory", r->error_category);
	json_kv_str_or_null(w, "errorMessage", r->error_message);
	json_kv_double(w, "cost", r->cost);
	json_kv_int(w, "attempts", r->attempts);
	write_tokens(w, r->tokens_input, r->tokens_output,
		     r->tokens_cache_read, r->tokens_cache_write);
	json_obj_end(w);
}

int store_run_list(struct store *s, const struct store_run_filter *f,
		   struct store_runs *out, struct err *e)
{
	struct buf q = BUF_INIT;
	sqlite3_stmt *st = NULL;
	size_t cap = out->n;
	int rc, i, first = 1;

	/* Built per call (run/list is not on a hot path); every value is a
	 * bound parameter, only the shape of the WHERE varies. */
	buf_adds(&q, "SELECT " RUN_COLS " FROM runs WHERE 1");
	if (f->work_tree)
		buf_adds(&q, " AND work_tree = ?1");
	if (f->kind)
		buf_adds(&q, " AND kind = ?2");
	if (f->before_id > 0)
		buf_adds(&q, " AND id < ?3");
	if (f->after_id > 0)
		buf_adds(&q, " AND id > ?4");
	if (f->states) {
		buf_adds(&q, " AND state IN (");
		for (i = 0; i < STORE_NSTATES; i++)
			if (f->states & STORE_STATE_BIT(i)) {
				buf_addf(&q, "%s'%s'", first ? "" : ",",
					 state_names[i]);
				first = 0;
			}
		buf_adds(&q, ")");
	}
	buf_adds(&q, f->order == STORE_ORDER_QUEUE
			     ? " ORDER BY priority, id" : " ORDER BY id DESC");
	buf_adds(&q, " LIMIT ?5");
	rc = sqlite3_prepare_v2(s->db, q.ptr, -1, &st, NULL);
	buf_release(&q);
	if (rc != SQLITE_OK)
		return store_sqlerr(s, rc, e, "listing runs");
	store_bind_text(st, 1, f->work_tree);
	store_bind_text(st, 2, f->kind);
	sqlite3_bind_int64(st, 3, f->before_id);
	sqlite3_bind_int64(st, 4, f->after_id);
	sqlite3_bind_int(st, 5, f->limit > 0 ? f->limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? 2 * cap : 16;
			out->v = xrealloc(out->v, cap * sizeof(*out->v));
		}
		run_from_row(st, &out->v[out->n++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_sqlerr(s, rc, e, "listing runs");
	return 0;
}

void store_runs_release(struct store_runs *l)
{
	for (size_t i = 0; i < l->n; i++)
		store_run_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* ---- attempts ---- */

/* A constraint failure while adding a child row: no such run, or a key that
 * is already there. */
static int child_err(struct store *s, int rc, int64_t run_id, struct err *e,
		     const char *what)
{
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
		return err_set(e, ERR_NOT_FOUND, "no run %lld",
			       (long long)run_id);
	if (rc == SQLITE_CONSTRAINT_PRIMARYKEY)
		return err_set(e, ERR_INVALID_PARAMS,
			       "%s of run %lld is already recorded", what,
			       (long long)run_id);
	return store_sqlerr(s, rc, e, what);
}

int store_attempt_add(struct store *s, const struct store_attempt *a,
		      struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (a->attempt < 1)
		return err_set(e, ERR_INVALID_PARAMS,
			       "attempt numbers start at 1 (got %d)", a->attempt);
	if (store_begin(s, e) < 0)
		return -1;
	if (!(st = store_stmt(s, ST_ATTEMPT_INSERT, e)))
		goto fail;
	sqlite3_bind_int64(st, 1, a->run_id);
	sqlite3_bind_int(st, 2, a->attempt);
	store_bind_text(st, 3, a->provider);
	store_bind_text(st, 4, a->model);
	sqlite3_bind_int64(st, 5, a->tokens_input);
	sqlite3_bind_int64(st, 6, a->tokens_output);
	sqlite3_bind_int64(st, 7, a->tokens_cache_read);
	sqlite3_bind_int64(st, 8, a->tokens_cache_write);
	sqlite3_bind_double(st, 9, a->cost);
	sqlite3_bind_double(st, 10, a->duration);
	bind_time(st, 11, a->time);
	store_bind_text(st, 12, a->outcome);
	store_bind_text(st, 13, a->error_category);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		child_err(s, rc, a->run_id, e, "an attempt");
		goto fail;
	}
	if (sqlite3_changes(s->db) == 0) { /* the SELECT found no run */
		err_set(e, ERR_NOT_FOUND, "no run %lld", (long long)a->run_id);
		goto fail;
	}
	if (!(st = store_stmt(s, ST_RUN_ADD_ATTEMPT, e)))
		goto fail;
	sqlite3_bind_int64(st, 1, a->run_id);
	sqlite3_bind_int64(st, 2, a->tokens_input);
	sqlite3_bind_int64(st, 3, a->tokens_output);
	sqlite3_bind_int64(st, 4, a->tokens_cache_read);
	sqlite3_bind_int64(st, 5, a->tokens_cache_write);
	sqlite3_bind_double(st, 6, a->cost);
	if (step_done(s, st, e, "adding an attempt to its run") < 0)
		goto fail;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}

int store_attempts_write_json(struct store *s, int64_t run_id,
			      struct json_writer *w, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_ATTEMPTS_OF, e);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, run_id);
	json_arr_begin(w);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_obj_begin(w);
		json_kv_int(w, "attempt", sqlite3_column_int(st, 0));
		json_kv_str_or_null(w, "provider",
			       (const char *)sqlite3_column_text(st, 1));
		json_kv_str_or_null(w, "model",
			       (const char *)sqlite3_column_text(st, 2));
		write_tokens(w, sqlite3_column_int64(st, 3),
			     sqlite3_column_int64(st, 4),
			     sqlite3_column_int64(st, 5),
			     sqlite3_column_int64(st, 6));
		json_kv_double(w, "cost", sqlite3_column_double(st, 7));
		json_kv_double(w, "durationMs",
			       sqlite3_column_double(st, 8) * 1000);
		kv_time(w, "time", col_time(st, 9));
		json_kv_str_or_null(w, "outcome",
			       (const char *)sqlite3_column_text(st, 10));
		json_kv_str_or_null(w, "errorCategory",
			       (const char *)sqlite3_column_text(st, 11));
		json_obj_end(w);
	}
	json_arr_end(w);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0
				 : store_sqlerr(s, rc, e, "reading attempts");
}

/* ---- events ---- */

int store_event_append(struct store *s, const struct store_event *ev,
		       int64_t *seq, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (!ev->phase)
		return err_set(e, ERR_INVALID_PARAMS, "an event needs a phase");
	if (check_json(ev->data, "event data", e) < 0)
		return -1;
	/* One statement (INSERT ... SELECT max + 1) in a BEGIN IMMEDIATE
	 * transaction: in autocommit, its read of max(seq) would start a
	 * read snapshot that another agent's commit can make stale, and that
	 * fails at once with SQLITE_BUSY instead of waiting (seen in the
	 * two-writer test). */
	if (!(st = store_stmt(s, ST_EVENT_INSERT, e)) || store_begin(s, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, ev->run_id);
	sqlite3_bind_double(st, 2, ev->time);
	store_bind_text(st, 3, ev->phase);
	store_bind_text(st, 4, ev->message);
	store_bind_text(st, 5, ev->data);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (seq)
			*seq = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		child_err(s, rc, ev->run_id, e, "an event");
		store_rollback(s);
		return -1;
	}
	return store_commit(s, e);
}

int store_events_write_json(struct store *s, int64_t run_id, int64_t after,
			    int limit, struct json_writer *w, int *n,
			    struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_EVENTS_AFTER, e);
	int rc, count = 0;

	if (n)
		*n = 0;
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, run_id);
	sqlite3_bind_int64(st, 2, after);
	sqlite3_bind_int(st, 3, limit > 0 ? limit : -1);
	json_arr_begin(w);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_obj_begin(w);
		json_kv_int(w, "run", run_id);
		json_kv_int(w, "seq", sqlite3_column_int64(st, 0));
		json_kv_double(w, "time", sqlite3_column_double(st, 1));
		json_kv_str_or_null(w, "phase",
			       (const char *)sqlite3_column_text(st, 2));
		json_kv_str_or_null(w, "message",
			       (const char *)sqlite3_column_text(st, 3));
		json_key(w, "data");
		write_stored_json(w, (const char *)sqlite3_column_text(st, 4));
		json_obj_end(w);
		count++;
	}
	json_arr_end(w);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_sqlerr(s, rc, e, "reading events");
	if (n)
		*n = count;
	return 0;
}

/* ---- verifications ---- */

int store_verification_add(struct store *s, const struct store_verification *v,
			   struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	for (size_t i = 0; i < v->nchecks; i++)
		if (!v->checks[i].name || !v->checks[i].status)
			return err_set(e, ERR_INVALID_PARAMS,
				       "check %zu needs a name and a status", i);
	for (size_t i = 0; i < v->ndiags; i++)
		if (!v->diags[i].category)
			return err_set(e, ERR_INVALID_PARAMS,
				       "diagnostic count %zu needs a category",
				       i);
	if (store_begin(s, e) < 0)
		return -1;
	if (!(st = store_stmt(s, ST_VERIF_DELETE, e)))
		goto fail;
	sqlite3_bind_int64(st, 1, v->run_id);
	if (step_done(s, st, e, "replacing a verification") < 0)
		goto fail;
	if (!(st = store_stmt(s, ST_VERIF_INSERT, e)))
		goto fail;
	sqlite3_bind_int64(st, 1, v->run_id);
	sqlite3_bind_int(st, 2, v->ok);
	sqlite3_bind_int(st, 3, v->cached);
	sqlite3_bind_double(st, 4, v->duration);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		child_err(s, rc, v->run_id, e, "a verification");
		goto fail;
	}
	if (!(st = store_stmt(s, ST_RUN_SET_VERDICT, e)))
		goto fail;
	sqlite3_bind_int64(st, 1, v->run_id);
	sqlite3_bind_int(st, 2, v->ok);
	sqlite3_bind_int(st, 3, v->cached);
	if (step_done(s, st, e, "recording a verdict") < 0)
		goto fail;
	for (size_t i = 0; i < v->nchecks; i++) {
		if (!(st = store_stmt(s, ST_CHECK_INSERT, e)))
			goto fail;
		sqlite3_bind_int64(st, 1, v->run_id);
		sqlite3_bind_int64(st, 2, (int64_t)i);
		store_bind_text(st, 3, v->checks[i].name);
		store_bind_text(st, 4, v->checks[i].status);
		sqlite3_bind_double(st, 5, v->checks[i].duration);
		sqlite3_bind_int(st, 6, v->checks[i].blocking);
		if (step_done(s, st, e, "recording a check") < 0)
			goto fail;
	}
	for (size_t i = 0; i < v->ndiags; i++) {
		if (!(st = store_stmt(s, ST_DIAG_INSERT, e)))
			goto fail;
		sqlite3_bind_int64(st, 1, v->run_id);
		store_bind_text(st, 2, v->diags[i].category);
		sqlite3_bind_int64(st, 3, v->diags[i].count);
		if (step_done(s, st, e, "recording diagnostic counts") < 0)
			goto fail;
	}
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}

int store_verification_write_json(struct store *s, int64_t run_id,
				  struct json_writer *w, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_VERIF_GET, e);
	int rc;

	if (!st)
		return -1;
	/* Read in one transaction so the three queries agree with each
	 * other while another agent writes. */
	sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL);
	sqlite3_bind_int64(st, 1, run_id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
		if (rc != SQLITE_DONE)
			return store_sqlerr(s, rc, e, "reading a verification");
		json_w_null(w);
		return 0;
	}
	json_obj_begin(w);
	json_kv_bool(w, "ok", sqlite3_column_int(st, 0) != 0);
	json_kv_bool(w, "cached", sqlite3_column_int(st, 1) != 0);
	json_kv_double(w, "durationMs", sqlite3_column_double(st, 2) * 1000);
	sqlite3_reset(st);
	json_key(w, "checks");
	json_arr_begin(w);
	if (!(st = store_stmt(s, ST_CHECKS_OF, e)))
		goto fail;
	sqlite3_bind_int64(st, 1, run_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_obj_begin(w);
		json_kv_str(w, "name", (const char *)sqlite3_column_text(st, 0));
		json_kv_str(w, "status",
			    (const char *)sqlite3_column_text(st, 1));
		json_kv_double(w, "durationMs",
			       sqlite3_column_double(st, 2) * 1000);
		json_kv_bool(w, "blocking", sqlite3_column_int(st, 3) != 0);
		json_obj_end(w);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_sqlerr(s, rc, e, "reading checks");
		goto fail;
	}
	json_arr_end(w);
	json_key(w, "diagnostics");
	json_obj_begin(w);
	if (!(st = store_stmt(s, ST_DIAGS_OF, e)))
		goto fail;
	sqlite3_bind_int64(st, 1, run_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		json_kv_int(w, (const char *)sqlite3_column_text(st, 0),
			    sqlite3_column_int64(st, 1));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_sqlerr(s, rc, e, "reading diagnostic counts");
		goto fail;
	}
	json_obj_end(w);
	json_obj_end(w);
	sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	return 0;
fail:
	sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	return -1;
}
