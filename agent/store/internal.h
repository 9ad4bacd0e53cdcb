/*
 * Private to store/: the handle, its prepared statements, and the helpers
 * store.c and metrics.c share.
 */
#ifndef AIRUNNER_STORE_INTERNAL_H
#define AIRUNNER_STORE_INTERNAL_H

#include <sqlite3.h>

#include "store/store.h"

/* Statements prepared once per handle, on first use (store_stmt). */
enum st_id {
	ST_BEGIN,
	ST_COMMIT,
	ST_ROLLBACK,
	ST_RUN_INSERT,
	ST_RUN_START,
	ST_RUN_FINISH,
	ST_RUN_STATE,
	ST_RUN_GET,
	ST_RUN_INTERRUPT,
	ST_RUN_INTERRUPT_ALL,
	ST_ATTEMPT_INSERT,
	ST_RUN_ADD_ATTEMPT,
	ST_ATTEMPTS_OF,
	ST_EVENT_INSERT,
	ST_EVENTS_AFTER,
	ST_VERIF_DELETE,
	ST_VERIF_INSERT,
	ST_CHECK_INSERT,
	ST_DIAG_INSERT,
	ST_RUN_SET_VERDICT,
	ST_VERIF_GET,
	ST_CHECKS_OF,
	ST_DIAGS_OF,
	ST_M_RANGE,
	ST_M_RUNS,
	ST_M_DIAGS,
	ST_M_HEAL,
	ST_COUNT
};

struct store {
	sqlite3 *db;
	char *path; /* owned */
	int version;
	double busy_since; /* ms, CLOCK_MONOTONIC: when the wait began */
	sqlite3_stmt *st[ST_COUNT];
};

/* The statement, reset and with its bindings cleared; NULL with e set. */
sqlite3_stmt *store_stmt(struct store *s, enum st_id id, struct err *e);
/* Sets e from the database's last error ("what: message"), choosing the kind
 * from rc (ERR_STORE_BUSY or ERR_STORE); returns -1. */
int store_sqlerr(struct store *s, int rc, struct err *e, const char *what);
/* BEGIN IMMEDIATE / COMMIT / ROLLBACK (the last never fails visibly). */
int store_begin(struct store *s, struct err *e);
int store_commit(struct store *s, struct err *e);
void store_rollback(struct store *s);
/* Binds s, or NULL when s is NULL (SQLITE_TRANSIENT: copied). */
int store_bind_text(sqlite3_stmt *st, int i, const char *s);

#endif
