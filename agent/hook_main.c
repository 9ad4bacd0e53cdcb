/*
 * airunner-hook: what the pre-commit hook (hooks/pre-commit) runs when it is
 * installed beside airunner. It does what `airunner hook pre-commit` does
 * when the agent runs: the same verify/run on the agent's socket, the same
 * report, the same exit status. It is built from libc-only modules (util/,
 * json/, the client, the report), so a commit does not wait for the dynamic
 * loader to map the full binary's libraries (curl's TLS stacks, libgit2,
 * SQLite, PCRE2, tree-sitter): that cost, not the work, was most of the
 * hook's time.
 *
 * Whatever needs those libraries is the full binary's, run with exec in our
 * place (same pid, so git sees one hook): no agent listening (it starts one,
 * or checks in-process), not under `git commit` (finding the work tree takes
 * libgit2), a usage error (its message), and a failed agent (hook.onError is
 * read from the config; HOOK_AGENT_FAILED hands it the reason).
 *
 * It is also the hook file's interpreter: `airunner hooks install` writes a
 * hook whose "#!" line names it (hooks/hooks.h), so git's commit runs no
 * shell, and the kernel hands us the hook's path first. Then we do what the
 * script hooks/pre-commit does before it would exec us.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/client.h"
#include "cli/hook.h"
#include "cli/output.h"
#include "cli/verification_agent.h"
#include "hooks/hooks.h"
#include "hooks/report.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/mem.h"
#include "util/paths.h"

/* The full binary: beside us, as installed and as built. */
#define FULL_NAME "airunner"

/* Says that what cannot run (errno says why) and that the commit is
 * blocked, with how to bypass it. */
static void cannot_run(const char *what)
{
	fprintf(stderr, "airunner: cannot run %s (%s); the commit is "
		"blocked.\n  bypass once: git commit --no-verify, or "
		"AIRUNNER_SKIP=1 git commit\n", what, strerror(errno));
}

/*
 * Runs `airunner hook ARGS...` in this process: args are ours after argv[0]
 * (`pre-commit` and git's arguments), or, when failed is set, `pre-commit
 * HOOK_AGENT_FAILED failed`. The full binary is the one in our own folder
 * (/proc/self/exe, symlinks resolved: the pair installed together), else the
 * first on PATH. Returns only when neither can be run: 1, the commit blocked
 * with a word on how to bypass.
 */
static int run_full(int argc, char **argv, const char *failed)
{
	struct buf path = BUF_INIT;
	char self[PATH_MAX], **args;
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	int k = 0, saved;

	args = xcalloc((size_t)argc + 4, sizeof(*args));
	args[k++] = FULL_NAME;
	args[k++] = "hook";
	if (failed) {
		args[k++] = "pre-commit";
		args[k++] = HOOK_AGENT_FAILED;
		args[k++] = (char *)failed;
	} else {
		for (int i = 1; i < argc; i++)
			args[k++] = argv[i];
	}
	args[k] = NULL;
	/* As git left it: the client ignored SIGPIPE, and an ignored signal
	 * stays ignored across exec, into every check the full binary runs. */
	signal(SIGPIPE, SIG_DFL);
	fflush(stderr);
	if (n > 0) {
		char *slash;

		self[n] = '\0';
		slash = strrchr(self, '/');
		buf_add(&path, self, slash ? (size_t)(slash - self) + 1 : 0);
		buf_adds(&path, FULL_NAME);
		execv(path.ptr, args);
	}
	saved = errno;
	execvp(FULL_NAME, args);
	if (errno == ENOENT && n > 0)
		errno = saved; /* the one beside us says more */
	cannot_run(path.len ? path.ptr : FULL_NAME);
	buf_release(&path);
	free(args);
	return 1;
}

/* The hook that was there before airunner's, kept beside it: run first with
 * git's arguments (args, argv-style, args[0] replaced); its verdict stands,
 * as in the script's `"$orig" "$@" || exit $?`. 0 to go on, else the
 * status to exit with. */
static int run_orig(const char *hook, char **args)
{
	const char *slash = strrchr(hook, '/');
	struct buf orig = BUF_INIT;
	int status = 0, ws;
	pid_t pid;

	buf_add(&orig, hook, (size_t)(slash - hook) + 1);
	buf_adds(&orig, "pre-commit.airunner-orig");
	if (access(orig.ptr, X_OK) < 0)
		goto out;
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		args[0] = orig.ptr;
		execv(orig.ptr, args);
		cannot_run(orig.ptr);
		_exit(126); /* as sh says of a file it cannot execute */
	}
	if (pid < 0) {
		cannot_run(orig.ptr);
		status = 1;
		goto out;
	}
	while (waitpid(pid, &ws, 0) < 0)
		if (errno != EINTR) {
			status = 1;
			goto out;
		}
	if (WIFEXITED(ws))
		status = WEXITSTATUS(ws);
	else if (WIFSIGNALED(ws))
		status = 128 + WTERMSIG(ws);
out:
	buf_release(&orig);
	return status;
}

/* The airunner the script would pick: $AIRUNNER_BIN, else the first on
 * PATH, into out; false when neither, and the one beside us (the installed
 * pair) is the one. */
static bool pick_airunner(struct buf *out)
{
	const char *env = getenv("AIRUNNER_BIN");

	if (env && *env) {
		buf_adds(out, env);
		return true;
	}
	return paths_which(FULL_NAME, out);
}

/* Whether a and b name one file. */
static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/*
 * Run by the kernel as the hook file's interpreter: argv is us, the hook's
 * path, git's arguments. The kept hook, AIRUNNER_SKIP, then the airunner
 * the script would pick: when its client is us, -1 (go on as `pre-commit`
 * in this process); otherwise exec its client, or `BIN hook pre-commit`
 * for a binary with no client beside it. Else the status to exit with.
 */
static int run_hook_file(int argc, char **argv)
{
	struct buf bin = BUF_INIT, client = BUF_INIT;
	char **args = xcalloc((size_t)argc + 3, sizeof(*args));
	const char *slash;
	int status, k = 0;

	/* `BIN hook pre-commit ARGS`; its tail serves the client (from
	 * args + 1) and the kept hook (from args + 2), each given its own
	 * args[0]. */
	args[k++] = NULL;
	args[k++] = "hook";
	args[k++] = "pre-commit";
	for (int i = 2; i < argc; i++)
		args[k++] = argv[i];
	status = run_orig(argv[1], args + 2);
	if (status || hook_skip_requested())
		goto out;
	status = -1;
	if (!pick_airunner(&bin))
		goto out;
	slash = strrchr(bin.ptr, '/');
	if (slash && !strcmp(slash + 1, FULL_NAME)) {
		buf_add(&client, bin.ptr, (size_t)(slash - bin.ptr) + 1);
		buf_adds(&client, HOOKS_CLIENT_NAME);
		if (same_file(client.ptr, "/proc/self/exe"))
			goto out; /* that pair is ours */
		if (access(client.ptr, X_OK) == 0) {
			args[1] = HOOKS_CLIENT_NAME;
			execv(client.ptr, args + 1);
			cannot_run(client.ptr);
			status = 1;
			goto out;
		}
	}
	args[0] = bin.ptr;
	execv(bin.ptr, args);
	cannot_run(bin.ptr);
	status = 1;
out:
	buf_release(&bin);
	buf_release(&client);
	free(args);
	return status;
}

/* Whether argv[1] is a hook file's path (the kernel gives the path git ran,
 * so it has a slash), not a hook's name. */
static bool is_hook_file(int argc, char **argv)
{
	const char *slash = argc >= 2 ? strrchr(argv[1], '/') : NULL;

	return slash && !strcmp(slash + 1, "pre-commit");
}

int main(int argc, char **argv)
{
	struct err e = ERR_INIT;
	struct buf root = BUF_INIT, index = BUF_INIT;
	struct buf result = BUF_INIT, report = BUF_INIT;
	struct verification v = { .staged = true, .origin = "hook",
				  .urgent = true };
	struct client *c = NULL;
	const char *gif = getenv("GIT_INDEX_FILE");
	char cwd[PATH_MAX];
	int64_t id;
	bool blocked = false;
	int status;

	if (is_hook_file(argc, argv)) {
		status = run_hook_file(argc, argv);
		if (status >= 0)
			return status;
		/* From here on, as if run as `airunner-hook pre-commit ARGS`. */
		argv[1] = "pre-commit";
	}
	if (argc < 2 || strcmp(argv[1], "pre-commit"))
		return run_full(argc, argv, NULL); /* with its usage message */
	if (hook_skip_requested())
		return 0;
	/* git runs the hook at the top of the work tree and names the index
	 * (for -a and FILE, a temporary one). Without it, finding the work
	 * tree takes libgit2. */
	if (!gif || !getcwd(cwd, sizeof(cwd)))
		return run_full(argc, argv, NULL);
	buf_adds(&root, cwd);
	if (*gif) {
		if (gif[0] != '/')
			buf_addf(&index, "%s/", root.ptr);
		buf_adds(&index, gif);
	}
	v.root = root.ptr;
	v.index = index.len ? index.ptr : NULL;
	if (output_interactive(STDERR_FILENO))
		v.progress = "the staged content";
	/* Only an agent that already listens: starting one is the full
	 * binary's work, and so is checking in-process when it cannot. The
	 * handshake and verify/run go out together (one wake-up of the agent
	 * less); an agent that does not take the handshake is no agent. */
	if (client_open(&c, NULL, v.root, CLIENT_NO_WAIT,
			VERIFICATION_CONNECT_TIMEOUT_MS, &e) < 0 ||
	    verification_agent_send(c, &v, &id, &e) < 0 ||
	    client_initialized(c, VERIFICATION_CONNECT_TIMEOUT_MS, &e) < 0) {
		client_close(c);
		status = run_full(argc, argv, NULL);
		goto out;
	}
	if (v.progress)
		verification_progress_show(v.progress, NULL, 0);
	status = verification_agent_wait(c, &v, id, &result, &e);
	client_close(c);
	verification_progress_clear(&v);
	if (status == 0 &&
	    report_render(&report, result.ptr, result.len,
			  output_color(STDERR_FILENO) ? REPORT_COLOR : 0,
			  &blocked, &e) < 0) {
		err_prefix(&e, "unreadable verify/run result");
		status = -1;
	}
	if (status < 0) {
		status = run_full(argc, argv, e.msg.ptr);
		goto out;
	}
	fputs(report.ptr, stderr);
	status = blocked ? 1 : 0;
out:
	buf_release(&root);
	buf_release(&index);
	buf_release(&result);
	buf_release(&report);
	err_clear(&e);
	return status;
}
