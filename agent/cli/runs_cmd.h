/*
 * airunner runs [--repo DIR] [--kind K] [--state S] [--limit N] [--json]
 *
 * The runs the store recorded: the queue first (in the order it will be
 * taken), then the others, newest first; one line a run, or run/list's JSON
 * with --json. Reads the store itself (no agent needed). argv[0] is
 * "runs". Exit 0, or 2 for a usage error or a store that cannot be read.
 */
#ifndef AIRUNNER_CLI_RUNS_CMD_H
#define AIRUNNER_CLI_RUNS_CMD_H

int cmd_runs(int argc, char **argv);

#endif
