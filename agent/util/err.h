/*
 * err: the one error idiom.
 *
 * A function that can fail returns 0 on success or a negative status, and
 * fills a `struct err` that the caller owns with the details: a stable `kind`
 * (a static string such as "invalid_params" or "outside_workspace", which the
 * protocol layer maps to a JSON-RPC code in one place) and a message meant for
 * a person. Callers release it with err_clear(). Messages never hold secrets.
 */
#ifndef AIRUNNER_ERR_H
#define AIRUNNER_ERR_H

#include "util/buf.h"

struct err {
	const char *kind; /* static string, NULL when no error */
	struct buf msg;
};

#define ERR_INIT { NULL, BUF_INIT }

/* Stable kinds shared by several modules. Modules may use their own strings;
 * rpc/ maps unknown kinds to the server error range. */
#define ERR_INVALID_PARAMS "invalid_params"
#define ERR_INTERNAL "internal"
#define ERR_CANCELLED "cancelled"
#define ERR_IO "io"
#define ERR_PARSE "parse"
#define ERR_TOO_BIG "too_big"
#define ERR_TIMEOUT "timeout"
#define ERR_NOT_FOUND "not_found"

void err_init(struct err *e);
/* Records kind and message (replacing any earlier error); returns -1 so that
 * `return err_set(e, ...)` reads naturally. e may be NULL. */
int err_set(struct err *e, const char *kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Like err_set, with ": strerror(errno)" appended. */
int err_set_errno(struct err *e, const char *kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Puts "context: " in front of the message. */
void err_prefix(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void err_clear(struct err *e);
void err_move(struct err *dst, struct err *src);

#endif
