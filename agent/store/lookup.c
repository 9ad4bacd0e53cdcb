/*
 * Lookups that are rare (a rollback reading what a run committed): a
 * statement prepared per call, so they add nothing to every handle.
 */
#include "store/internal.h"

int store_event_find(struct store *s, int64_t run_id, const char *phase,
		     struct buf *data, bool *found, struct err *e)
{
	static const char sql[] =
		"SELECT data FROM events WHERE run_id = ?1 AND phase = ?2 "
		"ORDER BY seq DESC LIMIT 1";
	sqlite3_stmt *st = NULL;
	int rc;

	*found = false;
	rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sqlerr(s, rc, e, "finding an event");
	sqlite3_bind_int64(st, 1, run_id);
	store_bind_text(st, 2, phase);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(st, 0);

		*found = true;
		if (text)
			buf_adds(data, text);
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_sqlerr(s, rc, e, "finding an event");
	return 0;
}
