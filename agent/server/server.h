/*
 * server: the libev loop, its listeners (stdio, the Unix socket) and the
 * connections on them. Each connection carries one rpc_session.
 */
#ifndef AIRUNNER_SERVER_H
#define AIRUNNER_SERVER_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

struct server_options {
	const char *socket_path; /* NULL: the default path */
	bool stdio;              /* serve one client on stdin/stdout */
	size_t max_frame;        /* 0: 64 MiB */
	int max_depth;           /* 0: 256 */
	/* Output queued for all clients together; 0: 512 MiB. */
	size_t max_queued_output;
};

/* Runs until stopped; returns the process exit status, or -1 with e set
 * when the server could not start (e->kind "already_running" when another
 * agent holds the socket). */
int server_run(const struct server_options *opt, struct err *e);

#endif
