/*
 * The one place where an error kind becomes a JSON-RPC code. Kinds are
 * stable strings (err.h and each module); clients read data.kind, and the
 * code tells generic JSON-RPC clients the class of the failure.
 */
#include "rpc/errors.h"

#include <string.h>

#include "rpc/rpc.h"

static const struct {
	const char *kind;
	int code;
} kind_codes[] = {
	{ ERR_INVALID_PARAMS, RPC_INVALID_PARAMS },
	{ ERR_INTERNAL, RPC_INTERNAL_ERROR },
	{ ERR_CANCELLED, RPC_REQUEST_CANCELLED },
	{ "parse_error", RPC_PARSE_ERROR },
	{ "invalid_request", RPC_INVALID_REQUEST },
	{ "limit_exceeded", RPC_INVALID_REQUEST },
	{ "method_not_found", RPC_METHOD_NOT_FOUND },
	{ "not_initialized", RPC_SERVER_NOT_INITIALIZED },
	{ "shutting_down", RPC_INVALID_REQUEST },
	{ "verification_failed", -32001 },
	{ "llm_unavailable", -32003 },
	{ "rate_limited", -32004 },
	{ "workspace_dirty", -32005 },
	{ "outside_workspace", -32006 },
	{ ERR_TIMEOUT, -32007 },
	{ ERR_NOT_FOUND, -32008 },
	{ "not_a_repository", -32009 },
	{ "llm_error", -32010 },
	{ "auth", -32011 },
	{ ERR_IO, -32012 },
	{ "config", -32013 },
	{ "parse", -32014 },
	{ "conflicts", -32015 },
	{ "output_limit", -32016 },
};

int rpc_error_code(const char *kind)
{
	size_t i;

	if (!kind)
		return RPC_INTERNAL_ERROR;
	for (i = 0; i < sizeof(kind_codes) / sizeof(kind_codes[0]); i++)
		if (strcmp(kind_codes[i].kind, kind) == 0)
			return kind_codes[i].code;
	return RPC_SERVER_ERROR;
}
