/*
 * methods: the JSON-RPC method table. One file per method family under
 * methods/, each exporting a {NULL}-terminated array of struct rpc_method;
 * table.c lists the arrays. The table is what `initialize` advertises and
 * what protocol/ documents.
 */
#ifndef AIRUNNER_METHODS_H
#define AIRUNNER_METHODS_H

#include "rpc/rpc.h"

extern const struct rpc_method methods_lifecycle[];
extern const struct rpc_method methods_testing[];
extern const struct rpc_method methods_classify[];
extern const struct rpc_method methods_verify[];
extern const struct rpc_method methods_llm[];
extern const struct rpc_method methods_context[];

/* Every method array, NULL-terminated. */
extern const struct rpc_method *const method_table[];

#endif
