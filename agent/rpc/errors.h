#ifndef AIRUNNER_RPC_ERRORS_H
#define AIRUNNER_RPC_ERRORS_H

/* The JSON-RPC code for an error kind (see the table in errors.c and
 * protocol/README.md); unknown kinds get -32000. */
int rpc_error_code(const char *kind);

#endif
