#include "cli/verify_cmd.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/output.h"
#include "cli/verification.h"
#include "hooks/report.h"
#include "util/env.h"
#include "util/strv.h"

/* FILE arguments are relative to where the user stands; verify/run takes
 * them relative to the work tree or absolute, so make them absolute. */
static void add_file(struct strv *files, const char *cwd, const char *arg)
{
	struct buf path = BUF_INIT;

	if (arg[0] == '/')
		buf_adds(&path, arg);
	else
		buf_addf(&path, "%s/%s", cwd, arg);
	strv_push(files, buf_detach(&path, NULL)); /* files owns it */
}

int cmd_verify(int argc, char **argv)
{
	struct verification v = { .origin = "cli" };
	struct strv files = STRV_INIT;
	struct buf root = BUF_INIT, result = BUF_INIT, report = BUF_INIT;
	struct err e = ERR_INIT;
	bool json = false, blocked = false, only_files = false;
	unsigned flags = REPORT_NO_COMMIT;
	char cwd[PATH_MAX];
	int status = EXIT_USAGE;

	if (!getcwd(cwd, sizeof(cwd))) {
		fputs("airunner: verify: cannot read the current folder\n",
		      stderr);
		return EXIT_USAGE;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (only_files || a[0] != '-')
			add_file(&files, cwd, a);
		else if (!strcmp(a, "--"))
			only_files = true;
		else if (!strcmp(a, "--staged") || !strcmp(a, "--cached"))
			v.staged = true;
		else if (!strcmp(a, "--all"))
			v.all = true;
		else if (!strcmp(a, "--json"))
			json = true;
		else {
			status = output_usage("verify", "unknown option %s", a);
			goto out;
		}
	}
	if (v.staged && v.all) {
		status = output_usage("verify", "--staged and --all exclude "
				      "each other");
		goto out;
	}
	if (verification_work_tree(&root, &e) < 0) {
		fprintf(stderr, "airunner: verify: %s\n", e.msg.ptr);
		goto out;
	}
	/* Run from inside a git hook or alias: the checks must act on this
	 * work tree, not on what git's variables pin. */
	env_scrub_git();
	v.root = root.ptr;
	if (files.n)
		v.files = strv_argv(&files);
	if (!json && output_interactive(STDERR_FILENO))
		v.progress = v.staged ? "the staged content"
			   : v.all    ? "every file"
			   : files.n  ? "the files named"
				      : "the changed files";
	if (verification_run(&v, &result, &e) < 0) {
		fprintf(stderr, "airunner: verify: %s\n", e.msg.ptr);
		goto out;
	}
	if (json) {
		/* Rendered only for its verdict, and to refuse nonsense. */
		if (report_render(&report, result.ptr, result.len, 0, &blocked,
				  &e) < 0)
			goto unreadable;
		buf_addch(&result, '\n');
		if (output_write(stdout, &result) < 0)
			goto out;
		status = blocked ? EXIT_FAILED : EXIT_OK;
		goto out;
	}
	if (output_color(STDOUT_FILENO))
		flags |= REPORT_COLOR;
	if (report_render(&report, result.ptr, result.len, flags, &blocked,
			  &e) < 0)
		goto unreadable;
	if (!report.len)
		buf_adds(&report, "airunner: no check applies to these files "
			 "\xe2\x80\x94 nothing to verify\n");
	if (output_write(stdout, &report) < 0)
		goto out;
	status = blocked ? EXIT_FAILED : EXIT_OK;
	goto out;
unreadable:
	if (e.kind)
		fprintf(stderr, "airunner: verify: unreadable verify/run "
			"result: %s\n", e.msg.ptr);
out:
	strv_release(&files);
	buf_release(&root);
	buf_release(&result);
	buf_release(&report);
	err_clear(&e);
	return status;
}
