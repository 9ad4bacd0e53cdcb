#include "util/err.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

static const char *const kind_names[ERR_KIND_COUNT] = {
	[ERR_NONE] = "",
#define ERR_KIND(k, name, code) [k] = name,
#include "util/err_kinds.h"
#undef ERR_KIND
};

const char *err_kind_name(enum err_kind kind)
{
	return (unsigned)kind < ERR_KIND_COUNT ? kind_names[kind] : "internal";
}

void err_init(struct err *e)
{
	e->kind = ERR_NONE;
	buf_init(&e->msg, 64 * 1024);
}

static void err_vset(struct err *e, enum err_kind kind, const char *fmt,
		     va_list ap)
{
	e->kind = kind;
	buf_reset(&e->msg);
	buf_vaddf(&e->msg, fmt, ap);
}

int err_set(struct err *e, enum err_kind kind, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return -1;
	va_start(ap, fmt);
	err_vset(e, kind, fmt, ap);
	va_end(ap);
	return -1;
}

int err_set_errno(struct err *e, enum err_kind kind, const char *fmt, ...)
{
	int saved = errno;
	va_list ap;

	if (!e)
		return -1;
	va_start(ap, fmt);
	err_vset(e, kind, fmt, ap);
	va_end(ap);
	buf_addf(&e->msg, ": %s", strerror(saved));
	errno = saved;
	return -1;
}

void err_prefix(struct err *e, const char *fmt, ...)
{
	struct buf tmp;
	va_list ap;

	if (!e || !e->kind)
		return;
	buf_init(&tmp, 64 * 1024);
	va_start(ap, fmt);
	buf_vaddf(&tmp, fmt, ap);
	va_end(ap);
	buf_adds(&tmp, ": ");
	buf_add(&tmp, e->msg.ptr, e->msg.len);
	buf_release(&e->msg);
	e->msg = tmp;
}

void err_clear(struct err *e)
{
	if (!e)
		return;
	e->kind = ERR_NONE;
	buf_release(&e->msg);
}

void err_move(struct err *dst, struct err *src)
{
	err_clear(dst);
	dst->kind = src->kind;
	dst->msg = src->msg;
	src->kind = ERR_NONE;
	buf_init(&src->msg, dst->msg.max);
}
