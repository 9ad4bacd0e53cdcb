/*
 * The git hook commands:
 *
 *   airunner hooks install [--repo DIR]    put the hooks into a repository
 *   airunner hooks uninstall [--repo DIR]  take them out, restoring what
 *                                          was there
 *   airunner hook pre-commit               what hooks/pre-commit runs: verify
 *                                          the staged content, block on
 *                                          failure
 *
 * argv[0] is the command's own name ("hooks" / "hook"), as main passes it.
 * Each returns the process exit status: 0 success (commit allowed), 1 blocked
 * or failed, 2 usage error.
 */
#ifndef AIRUNNER_CLI_HOOK_H
#define AIRUNNER_CLI_HOOK_H

int cmd_hooks(int argc, char **argv);
int cmd_hook(int argc, char **argv);

#endif
