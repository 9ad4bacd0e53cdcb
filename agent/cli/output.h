/*
 * output: the decisions every command makes the same way.
 *
 *   colour   only on a terminal whose TERM is not "dumb", and never when
 *            NO_COLOR is set to anything but "" (https://no-color.org);
 *   --json   the result as the protocol gives it, on stdout, nothing else;
 *   errors   "airunner: CMD: message" on stderr.
 *
 * Exit statuses shared by the commands (listed in --help and airunner(1)):
 * 0 success, 1 the command's verdict is negative (checks failed, errors
 * found, JSON-RPC error), 2 usage error or the work could not be done,
 * 3 another agent already serves the socket (serve).
 */
#ifndef AIRUNNER_CLI_OUTPUT_H
#define AIRUNNER_CLI_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "util/buf.h"

enum {
	EXIT_OK = 0,
	EXIT_FAILED = 1,
	EXIT_USAGE = 2,
	EXIT_RUNNING = 3,
};

/* Colour for what is written to fd (STDOUT_FILENO, STDERR_FILENO). */
bool output_color(int fd);
/* Whether fd is a terminal a progress line may be drawn on (same test as
 * colour, without NO_COLOR: progress is not colour). */
bool output_interactive(int fd);
/* Writes b to f; -1 (with a message on stderr) when the write failed, e.g.
 * a closed pipe or a full disk, so a command does not claim success. */
int output_write(FILE *f, const struct buf *b);
/* "airunner: CMD: " + message + "\n(see airunner --help)" on stderr;
 * returns EXIT_USAGE. */
int output_usage(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
