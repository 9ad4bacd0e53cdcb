/*
 * The one place where an error kind becomes a JSON-RPC code. The kinds and
 * their codes are one table (util/err_kinds.h); clients read data.kind, and
 * the code tells generic JSON-RPC clients the class of the failure.
 */
#include "rpc/errors.h"

static const int kind_codes[ERR_KIND_COUNT] = {
	[ERR_NONE] = -32603,
#define ERR_KIND(k, name, code) [k] = code,
#include "util/err_kinds.h"
#undef ERR_KIND
};

int rpc_error_code(enum err_kind kind)
{
	return (unsigned)kind < ERR_KIND_COUNT ? kind_codes[kind] : -32603;
}
