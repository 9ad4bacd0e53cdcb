/*
 * store: plans and their revisions. A plan is written once per revision
 * and read a few times, so its statements are prepared per call rather than
 * kept on the handle.
 */
#include "store/internal.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

#define PLAN_COLS \
	"id, revision, run_id, work_tree, issue_key, title, summary," \
	" subtasks, plan, created"

static int prepare(struct store *s, const char *q, sqlite3_stmt **st,
		   struct err *e)
{
	int rc = sqlite3_prepare_v2(s->db, q, -1, st, NULL);

	return rc == SQLITE_OK ? 0
			       : store_sqlerr(s, rc, e, "preparing a statement");
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? xstrdup((const char *)t) : NULL;
}

static void plan_from_row(sqlite3_stmt *st, struct store_plan *p)
{
	p->id = sqlite3_column_int64(st, 0);
	p->revision = sqlite3_column_int(st, 1);
	p->run_id = sqlite3_column_int64(st, 2);
	p->work_tree = col_dup(st, 3);
	p->issue_key = col_dup(st, 4);
	p->title = col_dup(st, 5);
	p->summary = col_dup(st, 6);
	p->subtasks = sqlite3_column_int(st, 7);
	p->json = col_dup(st, 8);
	p->created = sqlite3_column_double(st, 9);
}

/* One integer (NULL reads as 0) from a query of one row. */
static int query_int(struct store *s, const char *q, int64_t arg,
		     int64_t *out, bool *null, struct err *e)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (prepare(s, q, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, arg);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*null = sqlite3_column_type(st, 0) == SQLITE_NULL;
		*out = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : store_sqlerr(s, rc, e, "reading plans");
}

int store_plan_put(struct store *s, const struct store_plan *p, int64_t *id,
		   int *revision, struct err *e)
{
	static const char ins[] =
		"INSERT INTO plans (" PLAN_COLS ")"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	sqlite3_stmt *st = NULL;
	int64_t n = 0, rev = 1;
	bool null = false;
	int rc;

	if (!p->json || !*p->json)
		return err_set(e, ERR_INVALID_PARAMS, "a plan without JSON");
	if (store_begin(s, e) < 0)
		return -1;
	if (p->id <= 0) {
		if (query_int(s, "SELECT coalesce(max(id), 0) + 1 FROM plans",
			      0, &n, &null, e) < 0)
			goto fail;
	} else {
		if (query_int(s, "SELECT max(revision) FROM plans WHERE id = ?1",
			      p->id, &rev, &null, e) < 0)
			goto fail;
		if (null) {
			err_set(e, ERR_NOT_FOUND, "no plan %lld",
				(long long)p->id);
			goto fail;
		}
		n = p->id;
		rev++;
	}
	if (prepare(s, ins, &st, e) < 0)
		goto fail;
	sqlite3_bind_int64(st, 1, n);
	sqlite3_bind_int64(st, 2, rev);
	if (p->run_id > 0)
		sqlite3_bind_int64(st, 3, p->run_id);
	store_bind_text(st, 4, p->work_tree);
	store_bind_text(st, 5, p->issue_key);
	store_bind_text(st, 6, p->title);
	store_bind_text(st, 7, p->summary);
	sqlite3_bind_int(st, 8, p->subtasks);
	store_bind_text(st, 9, p->json);
	sqlite3_bind_double(st, 10, p->created);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_sqlerr(s, rc, e, "recording a plan");
		goto fail;
	}
	if (store_commit(s, e) < 0)
		return -1;
	*id = n;
	*revision = (int)rev;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

int store_plan_get(struct store *s, int64_t id, int revision,
		   struct store_plan *out, struct err *e)
{
	static const char latest[] =
		"SELECT " PLAN_COLS " FROM plans WHERE id = ?1"
		" ORDER BY revision DESC LIMIT 1";
	static const char exact[] =
		"SELECT " PLAN_COLS " FROM plans WHERE id = ?1"
		" AND revision = ?2";
	sqlite3_stmt *st = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	if (prepare(s, revision > 0 ? exact : latest, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (revision > 0)
		sqlite3_bind_int(st, 2, revision);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		plan_from_row(st, out);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return store_sqlerr(s, rc, e, "reading a plan");
	if (revision > 0)
		return err_set(e, ERR_NOT_FOUND, "no revision %d of plan %lld",
			       revision, (long long)id);
	return err_set(e, ERR_NOT_FOUND, "no plan %lld", (long long)id);
}

void store_plan_release(struct store_plan *p)
{
	free(p->work_tree);
	free(p->issue_key);
	free(p->title);
	free(p->summary);
	free(p->json);
	memset(p, 0, sizeof(*p));
}

int store_plan_list(struct store *s, const struct store_plan_filter *f,
		    struct store_plans *out, struct err *e)
{
	static const char q[] =
		"SELECT " PLAN_COLS " FROM plans p"
		" WHERE p.revision = (SELECT max(revision) FROM plans r"
		"  WHERE r.id = p.id)"
		" AND (?1 IS NULL OR p.work_tree = ?1)"
		" AND (?2 IS NULL OR p.issue_key = ?2)"
		" ORDER BY p.id DESC LIMIT ?3";
	sqlite3_stmt *st = NULL;
	size_t alloc = out->n;
	int rc;

	if (prepare(s, q, &st, e) < 0)
		return -1;
	store_bind_text(st, 1, f->work_tree);
	store_bind_text(st, 2, f->issue_key);
	sqlite3_bind_int(st, 3, f->limit > 0 ? f->limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			out->v = xrealloc(out->v, alloc * sizeof(*out->v));
		}
		memset(&out->v[out->n], 0, sizeof(out->v[0]));
		plan_from_row(st, &out->v[out->n++]);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sqlerr(s, rc, e, "listing plans");
}

void store_plans_release(struct store_plans *l)
{
	for (size_t i = 0; i < l->n; i++)
		store_plan_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
