/*
 * err: the one error idiom.
 *
 * A function that can fail returns 0 on success or a negative status, and
 * fills a `struct err` that the caller owns with the details: a `kind` from the
 * one table of kinds (util/err_kinds.h: its stable name, such as
 * "invalid_params" or "outside_workspace", and its JSON-RPC code) and a
 * message meant for a person. Callers release it with err_clear(). Messages
 * never hold secrets.
 */
#ifndef AIRUNNER_ERR_H
#define AIRUNNER_ERR_H

#include "util/buf.h"

enum err_kind {
	ERR_NONE = 0, /* no error */
#define ERR_KIND(k, name, code) k,
#include "util/err_kinds.h"
#undef ERR_KIND
	ERR_KIND_COUNT
};

struct err {
	enum err_kind kind; /* ERR_NONE when no error */
	struct buf msg;
};

#define ERR_INIT { ERR_NONE, BUF_INIT }

/* The stable name of a kind ("invalid_params"); "" for ERR_NONE. */
const char *err_kind_name(enum err_kind kind);

void err_init(struct err *e);
/* Records kind and message (replacing any earlier error); returns -1 so that
 * `return err_set(e, ...)` reads naturally. e may be NULL. */
int err_set(struct err *e, enum err_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Like err_set, with ": strerror(errno)" appended. */
int err_set_errno(struct err *e, enum err_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Puts "context: " in front of the message. */
void err_prefix(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void err_clear(struct err *e);
void err_move(struct err *dst, struct err *src);

#endif
