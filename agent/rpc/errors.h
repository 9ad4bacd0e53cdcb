#ifndef AIRUNNER_RPC_ERRORS_H
#define AIRUNNER_RPC_ERRORS_H

#include "util/err.h"

/* The JSON-RPC code of an error kind: the code column of util/err_kinds.h,
 * which protocol/README.md lists too. ERR_NONE is an internal error. */
int rpc_error_code(enum err_kind kind);

#endif
