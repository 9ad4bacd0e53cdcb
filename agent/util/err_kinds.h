/*
 * Every error kind, its stable name (what clients read in data.kind) and its
 * JSON-RPC code, in one table. util/err.h turns it into `enum err_kind`, so a
 * misspelt kind does not compile; rpc/errors.c reads the code column, so no
 * kind can be left without a code. protocol/README.md lists the same rows
 * (tests/protocol/openrpc.test.mjs checks that both agree).
 *
 * ERR_KIND(constant, "name", code)
 */
ERR_KIND(ERR_PARSE_ERROR, "parse_error", -32700)
ERR_KIND(ERR_INVALID_REQUEST, "invalid_request", -32600)
ERR_KIND(ERR_LIMIT_EXCEEDED, "limit_exceeded", -32600)
ERR_KIND(ERR_SHUTTING_DOWN, "shutting_down", -32600)
ERR_KIND(ERR_METHOD_NOT_FOUND, "method_not_found", -32601)
ERR_KIND(ERR_INVALID_PARAMS, "invalid_params", -32602)
ERR_KIND(ERR_INTERNAL, "internal", -32603)
ERR_KIND(ERR_NOT_INITIALIZED, "not_initialized", -32002)
ERR_KIND(ERR_CANCELLED, "cancelled", -32800)
ERR_KIND(ERR_VERIFICATION_FAILED, "verification_failed", -32001)
ERR_KIND(ERR_LLM_UNAVAILABLE, "llm_unavailable", -32003)
ERR_KIND(ERR_RATE_LIMITED, "rate_limited", -32004)
ERR_KIND(ERR_WORKSPACE_DIRTY, "workspace_dirty", -32005)
ERR_KIND(ERR_OUTSIDE_WORKSPACE, "outside_workspace", -32006)
ERR_KIND(ERR_TIMEOUT, "timeout", -32007)
ERR_KIND(ERR_NOT_FOUND, "not_found", -32008)
ERR_KIND(ERR_NOT_A_REPOSITORY, "not_a_repository", -32009)
ERR_KIND(ERR_LLM, "llm_error", -32010)
ERR_KIND(ERR_AUTH, "auth", -32011)
ERR_KIND(ERR_IO, "io", -32012)
ERR_KIND(ERR_CONFIG, "config", -32013)
ERR_KIND(ERR_PARSE, "parse", -32014)
ERR_KIND(ERR_CONFLICTS, "conflicts", -32015)
ERR_KIND(ERR_TOO_BIG, "too_big", -32016)
ERR_KIND(ERR_SPAWN, "spawn", -32017)
ERR_KIND(ERR_CONNECTION, "connection", -32018)
ERR_KIND(ERR_ALREADY_RUNNING, "already_running", -32019)
ERR_KIND(ERR_AGENT_UNAVAILABLE, "agent_unavailable", -32020)
ERR_KIND(ERR_RPC, "rpc_error", -32021)
ERR_KIND(ERR_OUTPUT_LIMIT, "output_limit", -32022)
ERR_KIND(ERR_UNSAFE_SOCKET, "unsafe_socket", -32023)
ERR_KIND(ERR_STORE, "store", -32024)
ERR_KIND(ERR_STORE_VERSION, "store_version", -32025)
ERR_KIND(ERR_STORE_STATE, "store_state", -32026)
ERR_KIND(ERR_STORE_BUSY, "store_busy", -32027)
