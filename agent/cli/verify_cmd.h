/*
 * airunner verify [--staged | --all] [--json] [FILE...]
 *
 * The hook's checks, on demand: the changed files of the work tree (the
 * default), the staged content, every file, or the FILEs named (relative to
 * the current directory). The report on stdout as under `git commit`, or
 * with --json verify/run's result. argv[0] is "verify". Exit 0 passed,
 * 1 a blocking check failed, 2 usage error or the checks could not run.
 */
#ifndef AIRUNNER_CLI_VERIFY_CMD_H
#define AIRUNNER_CLI_VERIFY_CMD_H

int cmd_verify(int argc, char **argv);

#endif
