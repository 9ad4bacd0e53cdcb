#include "cli/hook.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/output.h"
#include "cli/verification.h"
#include "config/config.h"
#include "hooks/hooks.h"
#include "hooks/report.h"
#include "util/buf.h"
#include "util/env.h"
#include "util/err.h"

/* ---- airunner hooks install|uninstall ---- */

static int usage_hooks(void)
{
	fputs("usage: airunner hooks install|uninstall [--repo DIR]\n", stderr);
	return 2;
}

int cmd_hooks(int argc, char **argv)
{
	struct err e = ERR_INIT;
	struct buf path = BUF_INIT;
	const char *verb, *repo = ".";
	char bin[PATH_MAX];
	unsigned did;
	int r;

	if (argc < 2)
		return usage_hooks();
	verb = argv[1];
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--repo") && i + 1 < argc)
			repo = argv[++i];
		else if (!strncmp(argv[i], "--repo=", 7))
			repo = argv[i] + 7;
		else
			return usage_hooks();
	}
	if (!strcmp(verb, "install")) {
		/* The hook remembers this binary for when PATH lacks one. */
		r = hooks_install(repo,
				  realpath("/proc/self/exe", bin) ? bin : NULL,
				  &did, &path, &e);
		if (r == 0 && (did & HOOKS_WAS_INSTALLED))
			printf("airunner: the pre-commit hook in %s is up to "
			       "date\n", path.ptr);
		else if (r == 0)
			printf("airunner: installed the pre-commit hook in %s\n",
			       path.ptr);
		if (r == 0 && (did & HOOKS_KEPT_ORIG))
			printf("  the pre-commit hook that was there is kept as "
			       "pre-commit.airunner-orig and runs first\n");
	} else if (!strcmp(verb, "uninstall")) {
		r = hooks_uninstall(repo, &did, &path, &e);
		if (r == 0 && (did & HOOKS_RESTORED_ORIG))
			printf("airunner: removed the pre-commit hook; restored "
			       "the one that was there before in %s\n",
			       path.ptr);
		else if (r == 0 && (did & HOOKS_REMOVED))
			printf("airunner: removed the pre-commit hook %s\n",
			       path.ptr);
		else if (r == 0)
			printf("airunner: no airunner hook in %s\n", path.ptr);
	} else {
		return usage_hooks();
	}
	if (r < 0)
		fprintf(stderr, "airunner: hooks %s: %s\n", verb, e.msg.ptr);
	buf_release(&path);
	err_clear(&e);
	return r < 0 ? 1 : 0;
}

/* ---- airunner hook pre-commit ---- */

/* The index to check: `git commit -a` and `git commit FILE` stage into a
 * temporary index named by GIT_INDEX_FILE, and that one, not .git/index,
 * is what is about to be committed. Appended to out (absolute), or nothing
 * when git named none. */
static void index_path(struct buf *out, const char *root)
{
	const char *gif = getenv("GIT_INDEX_FILE");

	if (!gif || !*gif)
		return;
	if (gif[0] != '/')
		buf_addf(out, "%s/", root); /* git runs hooks at the root */
	buf_adds(out, gif);
}

/*
 * Verification could not be done (the agent crashed, timed out, answered
 * nonsense): hook.onError decides, default block. Read only now, so a
 * commit that goes well never pays for opening the config.
 */
static int agent_failed(const char *root, const struct err *why)
{
	struct config *cfg = NULL;
	struct err e = ERR_INIT;
	char *v = NULL;
	bool allow = false;

	fprintf(stderr, "airunner: verification failed to run: %s\n",
		why->msg.len ? why->msg.ptr : "unknown error");
	if (config_open(&cfg, root, &e) < 0) {
		fprintf(stderr, "airunner: %s\n", e.msg.ptr);
	} else if (config_get_string(cfg, "hook", NULL, "onerror", &v, &e) == 1) {
		allow = !strcasecmp(v, "allow");
		if (!allow && strcasecmp(v, "block"))
			fprintf(stderr, "airunner: hook.onError is '%s'; "
				"expected block or allow\n", v);
	}
	free(v);
	config_free(cfg);
	err_clear(&e);
	if (allow) {
		fputs("airunner: commit allowed without verification "
		      "(hook.onError = allow)\n", stderr);
		return 0;
	}
	fputs("airunner: commit blocked (hook.onError = block). To commit "
	      "anyway: git commit --no-verify, or AIRUNNER_SKIP=1 git commit\n",
	      stderr);
	return 1;
}

int cmd_hook(int argc, char **argv)
{
	struct err e = ERR_INIT;
	struct buf root = BUF_INIT, result = BUF_INIT;
	struct buf report = BUF_INIT, index = BUF_INIT;
	struct verification v = { .staged = true, .origin = "hook",
				  .urgent = true };
	unsigned flags = 0;
	bool blocked = false;
	const char *failed = NULL;
	int status = 1;

	if (argc < 2 || strcmp(argv[1], "pre-commit")) {
		fputs("usage: airunner hook pre-commit\n", stderr);
		return 2;
	}
	/* From airunner-hook (agent/hook_main.c): the agent it reached failed,
	 * and hook.onError, which needs the config reader, is ours to apply.
	 * Not for people: git passes the hook no arguments. */
	if (argc >= 4 && !strcmp(argv[2], HOOK_AGENT_FAILED))
		failed = argv[3];
	if (hook_skip_requested())
		return 0;
	if (verification_work_tree(&root, &e) < 0) {
		fprintf(stderr, "airunner: hook pre-commit: %s\n", e.msg.ptr);
		goto out;
	}
	index_path(&index, root.ptr);
	/* Now that root and the index path are read: git's variables must not
	 * reach the checks (a test suite running git would act on the commit's
	 * temporary index, or on another worktree). */
	env_scrub_git();
	v.root = root.ptr;
	v.index = index.len ? index.ptr : NULL;
	if (failed) {
		err_set(&e, ERR_AGENT_UNAVAILABLE, "%s", failed);
		status = agent_failed(root.ptr, &e);
		goto out;
	}
	if (output_interactive(STDERR_FILENO))
		v.progress = "the staged content";
	if (verification_run(&v, &result, &e) < 0) {
		status = agent_failed(root.ptr, &e);
		goto out;
	}
	if (output_color(STDERR_FILENO))
		flags |= REPORT_COLOR;
	if (report_render(&report, result.ptr, result.len, flags, &blocked,
			  &e) < 0) {
		err_prefix(&e, "unreadable verify/run result");
		status = agent_failed(root.ptr, &e);
		goto out;
	}
	fputs(report.ptr, stderr);
	status = blocked ? 1 : 0;
out:
	buf_release(&root);
	buf_release(&result);
	buf_release(&report);
	buf_release(&index);
	err_clear(&e);
	return status;
}
