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
 *
 * The hook client, airunner-hook (agent/hook_main.c), answers most commits
 * without this binary and runs `airunner hook pre-commit` for the rest, with
 * `HOOK_AGENT_FAILED MESSAGE` after it when the agent it reached failed:
 * then only hook.onError is applied to MESSAGE (it needs the config reader),
 * exactly as when this command's own agent call fails.
 */
#ifndef AIRUNNER_CLI_HOOK_H
#define AIRUNNER_CLI_HOOK_H

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HOOK_AGENT_FAILED "--agent-failed"

/* AIRUNNER_SKIP asks to skip the hook once: set to anything but "", 0,
 * false or no (any case). hooks/pre-commit tests the same words. Inline:
 * airunner-hook shares it without this module's libraries. */
static inline bool hook_skip_requested(void)
{
	const char *v = getenv("AIRUNNER_SKIP");

	return v && *v && strcmp(v, "0") && strcasecmp(v, "false") &&
	       strcasecmp(v, "no");
}

int cmd_hooks(int argc, char **argv);
int cmd_hook(int argc, char **argv);

#endif
