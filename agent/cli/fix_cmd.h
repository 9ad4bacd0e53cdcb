/*
 * airunner fix [--commit [-- GIT-COMMIT-ARGS...]] [--max-cost USD] [--json]
 *
 * After `git commit` was blocked: the agent heals the staged content's
 * failure (subtask/execute in fix mode) and stages the fixed files again.
 * argv[0] is "fix". Exit 0 fixed (or git commit's status with --commit), 1
 * the agent could not fix it (the files are as they were), 2 usage or no
 * agent.
 */
#ifndef AIRUNNER_CLI_FIX_CMD_H
#define AIRUNNER_CLI_FIX_CMD_H

int cmd_fix(int argc, char **argv);

#endif
