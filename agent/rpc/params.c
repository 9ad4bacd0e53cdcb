/*
 * Reading params: the one way every handler does it, each failure an
 * invalid_params error naming the param.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "rpc/rpc.h"
#include "util/mem.h"

static int param(const struct rpc_call *call, const char *name,
		 enum json_type *t)
{
	int v = rpc_call_param(call, name);

	*t = json_type(rpc_call_doc(call), v);
	return *t == JSON_NONE || *t == JSON_NULL ? -1 : v;
}

static int wrong(struct err *e, const char *name, const char *what)
{
	return err_set(e, ERR_INVALID_PARAMS, "param '%s' must be %s", name,
		       what);
}

int rpc_param_string(const struct rpc_call *call, const char *name,
		     char **out, struct err *e)
{
	enum json_type t;
	int v = param(call, name, &t);
	char *s;

	if (v < 0)
		return 0;
	if (t != JSON_STRING)
		return wrong(e, name, "a string");
	if (!(s = json_strdup(rpc_call_doc(call), v)))
		return wrong(e, name, "a string without NUL characters");
	*out = s;
	return 1;
}

int rpc_param_text(const struct rpc_call *call, const char *name,
		   struct buf *out, struct err *e)
{
	enum json_type t;
	int v = param(call, name, &t);

	if (v < 0)
		return 0;
	if (t != JSON_STRING || json_str(rpc_call_doc(call), v, out) < 0)
		return wrong(e, name, "a string");
	return 1;
}

int rpc_param_strings(const struct rpc_call *call, const char *name,
		      struct strv *out, struct err *e)
{
	const struct json_doc *d = rpc_call_doc(call);
	enum json_type t;
	int v = param(call, name, &t), el;

	if (v < 0)
		return 0;
	if (t != JSON_ARRAY)
		return wrong(e, name, "an array of strings");
	for (el = json_first(d, v); el >= 0; el = json_next(d, el)) {
		char *s = json_type(d, el) == JSON_STRING ? json_strdup(d, el)
							  : NULL;

		if (!s || !*s) {
			free(s);
			return wrong(e, name,
				     "an array of non-empty strings without "
				     "NUL characters");
		}
		strv_push(out, s);
	}
	return 1;
}

int rpc_param_bool(const struct rpc_call *call, const char *name, bool *out,
		   struct err *e)
{
	enum json_type t;
	int v = param(call, name, &t);

	if (v < 0)
		return 0;
	if (json_bool(rpc_call_doc(call), v, out) < 0)
		return wrong(e, name, "true or false");
	return 1;
}

int rpc_param_int(const struct rpc_call *call, const char *name, int64_t min,
		  int64_t max, int64_t *out, struct err *e)
{
	enum json_type t;
	int v = param(call, name, &t);
	int64_t n;

	if (v < 0)
		return 0;
	if (json_int64(rpc_call_doc(call), v, &n) < 0 || n < min || n > max)
		return err_set(e, ERR_INVALID_PARAMS,
			       "param '%s' must be an integer from %lld to "
			       "%lld", name, (long long)min, (long long)max);
	*out = n;
	return 1;
}

int rpc_param_double(const struct rpc_call *call, const char *name,
		     double *out, struct err *e)
{
	enum json_type t;
	int v = param(call, name, &t);

	if (v < 0)
		return 0;
	if (t != JSON_NUMBER || json_double(rpc_call_doc(call), v, out) < 0)
		return wrong(e, name, "a number");
	return 1;
}

/* file:///a%20b -> /a b. -1 unless it is an absolute local path. */
static int uri_to_path(const char *uri, struct buf *out)
{
	const char *p;

	if (strncmp(uri, "file://", 7) == 0) {
		uri += 7;
		if (strncmp(uri, "localhost/", 10) == 0)
			uri += 9;
	}
	if (uri[0] != '/')
		return -1;
	for (p = uri; *p; p++) {
		if (p[0] == '%' && isxdigit((unsigned char)p[1]) &&
		    isxdigit((unsigned char)p[2])) {
			char hex[3] = { p[1], p[2], 0 };
			long v = strtol(hex, NULL, 16);

			if (v == 0)
				return -1; /* %00 */
			buf_addch(out, (int)v);
			p += 2;
		} else {
			buf_addch(out, *p);
		}
	}
	return 0;
}

int rpc_param_path(const struct rpc_call *call, const char *name, char **out,
		   struct err *e)
{
	struct buf path = BUF_INIT;
	char *s = NULL;
	int r = rpc_param_string(call, name, &s, e);

	if (r <= 0)
		return r;
	if (uri_to_path(s, &path) < 0) {
		free(s);
		buf_release(&path);
		return wrong(e, name, "an absolute path or a file: URI");
	}
	free(s);
	*out = buf_detach(&path, NULL);
	return 1;
}
