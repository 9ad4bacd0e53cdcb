/*
 * airunner: the command line. Each command is a function in the table below.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/classify_cmd.h"
#include "cli/metrics_cmd.h"
#include "cli/fix_cmd.h"
#include "cli/plan_cmd.h"
#include "cli/runs_cmd.h"
#include "cli/client.h"
#include "cli/complete.h"
#include "cli/hook.h"
#include "cli/verify_cmd.h"
#include "json/json.h"
#include "server/server.h"
#include "util/log.h"

static const char usage_text[] =
	"usage: airunner <command> [options]\n"
	"\n"
	"commands:\n"
	"  verify [--staged | --all] [--json] [FILE...]\n"
	"        run the checks the hook runs: on the changed files of the work\n"
	"        tree, the staged content, every file, or the FILEs; the report,\n"
	"        or verify/run's result with --json\n"
	"  classify [--tool T] [--failed | --passed] [--format report|json|sarif|gnu] [--json] [FILE | -]\n"
	"        the diagnostics in a build or test log (FILE or standard input),\n"
	"        as the report, errors/classify's JSON, SARIF 2.1.0, or GNU's\n"
	"        file:line:col: severity: [category] message; a failed run's log\n"
	"        (--failed, or read from the log) is never zero problems\n"
	"  metrics [--since AGE] [--repo DIR] [--kind K] [--format table|json|openmetrics] [--json]\n"
	"        what the runs of the last 7 days (or AGE: 24h, 30d) did: counts and\n"
	"        success rates by kind, durations, tokens and cost, the prompt-cache\n"
	"        share, verification pass rate and the hook's latency, healing\n"
	"  runs [--repo DIR] [--kind K] [--state S] [--limit N] [--json]\n"
	"        the recorded runs: the queue in the order it will be taken, then\n"
	"        the others, newest first (verifications, completions, ...)\n"
	"  fix [--max-cost USD] [--json] [--commit [-- GIT-COMMIT-ARGS...]]\n"
	"        after a blocked commit: the agent heals the staged content's\n"
	"        failure (the model edits, the checks verify) and stages the fixed\n"
	"        files again; --commit then runs git commit\n"
	"  plan [--feedback TEXT --plan ID] [--budget N] [--model M] [--json] ISSUE\n"
	"  plan --plan ID [--revision N] [--json]\n"
	"        an implementation plan for ISSUE (a Markdown file, or an issue\n"
	"        key) against this work tree: summary, subtasks with files,\n"
	"        criteria, estimates and dependencies, risks, open questions;\n"
	"        --feedback revises plan ID; without ISSUE, shows plan ID\n"
	"  call [--socket PATH | --stdio] [--no-start] [--timeout MS] METHOD [PARAMS-JSON]\n"
	"        call one method and print its result as JSON; starts the agent\n"
	"        when none is listening\n"
	"  serve [--stdio] [--socket PATH] [--max-frame BYTES]\n"
	"        run the agent: on stdin/stdout for one client, or on the Unix\n"
	"        socket for any number of clients (default $XDG_RUNTIME_DIR/airunner/agent.sock)\n"
	"  hooks install|uninstall [--repo DIR]\n"
	"        put airunner's git pre-commit hook into a repository (keeping and\n"
	"        chaining a hook that is there), or take it out, restoring that one\n"
	"  hook pre-commit\n"
	"        what the hook runs: verify the staged content, exit 1 to block\n"
	"        (skip: git commit --no-verify, or AIRUNNER_SKIP=1)\n"
	"\n"
	"options:\n"
	"  --help      this text (man airunner for all of it)\n"
	"  --version   the version\n"
	"\n"
	"exit status:\n"
	"  0  success: checks passed, no errors in the log, the call answered\n"
	"  1  a blocking check failed (verify, hook), errors found (classify),\n"
	"     a JSON-RPC error (call), the agent failed (serve)\n"
	"  2  usage error, or the work could not be done (no agent for call,\n"
	"     unreadable input, not a repository)\n"
	"  3  serve: another agent already serves the socket\n"
	"\n"
	"environment:\n"
	"  AIRUNNER_SOCKET   the agent's socket     AIRUNNER_LOG  debug|info|warn|error\n"
	"  AIRUNNER_SKIP=1   skip the hook once     NO_COLOR      no colours\n"
	"  AIRUNNER_BIN      the binary the hook runs\n"
	"  AIRUNNER_DATADIR  the folder holding patterns/ (default: beside the binary)\n"
	"  AIRUNNER_MAX_QUEUED_OUTPUT  bytes of unread output the agent holds for\n"
	"                    all clients together (default 512 MiB)\n";

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "airunner: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n(see airunner --help)\n");
	return 2;
}

static int parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || *end || v == 0)
		return -1;
	*out = (size_t)v;
	return 0;
}

static int cmd_serve(int argc, char **argv)
{
	struct server_options opt = { 0 };
	struct err e = ERR_INIT;
	int i, r;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--stdio"))
			opt.stdio = true;
		else if (!strcmp(argv[i], "--socket") && i + 1 < argc)
			opt.socket_path = argv[++i];
		else if (!strcmp(argv[i], "--max-frame") && i + 1 < argc) {
			if (parse_size(argv[++i], &opt.max_frame) < 0)
				return usage_error("bad --max-frame: %s",
						   argv[i]);
		} else
			return usage_error("serve: unknown option %s", argv[i]);
	}
	if (getenv("AIRUNNER_MAX_QUEUED_OUTPUT") &&
	    parse_size(getenv("AIRUNNER_MAX_QUEUED_OUTPUT"),
		       &opt.max_queued_output) < 0)
		return usage_error("bad AIRUNNER_MAX_QUEUED_OUTPUT: %s",
				   getenv("AIRUNNER_MAX_QUEUED_OUTPUT"));
	r = server_run(&opt, &e);
	if (r < 0) {
		fprintf(stderr, "airunner: %s\n", e.msg.ptr);
		r = e.kind == ERR_ALREADY_RUNNING ? 3 : 1;
	}
	err_clear(&e);
	return r;
}

static bool params_valid(const char *params)
{
	struct json_doc d = JSON_DOC_INIT;
	int r = json_parse(&d, params, strlen(params), 0, NULL);

	json_doc_release(&d);
	return r == 0;
}

static int cmd_call(int argc, char **argv)
{
	const char *socket_path = NULL, *method = NULL, *params = NULL;
	unsigned flags = CLIENT_AUTOSTART;
	struct client *c = NULL;
	struct err e = ERR_INIT;
	struct buf result = BUF_INIT;
	char cwd[4096];
	int i, code = 0, timeout = 0, r;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--socket") && i + 1 < argc)
			socket_path = argv[++i];
		else if (!strcmp(argv[i], "--stdio"))
			flags = CLIENT_STDIO;
		else if (!strcmp(argv[i], "--no-start"))
			flags &= ~(unsigned)CLIENT_AUTOSTART;
		else if (!strcmp(argv[i], "--timeout") && i + 1 < argc)
			timeout = atoi(argv[++i]);
		else if (argv[i][0] == '-' && argv[i][1] == '-')
			return usage_error("call: unknown option %s", argv[i]);
		else if (!method)
			method = argv[i];
		else if (!params)
			params = argv[i];
		else
			return usage_error("call: unexpected argument %s",
					   argv[i]);
	}
	if (!method)
		return usage_error("call: %s", "METHOD is missing");
	if (params && !params_valid(params))
		return usage_error("call: PARAMS-JSON is not valid JSON: %s",
				   params);
	if (client_open(&c, socket_path, getcwd(cwd, sizeof(cwd)), flags,
			5000, &e) < 0) {
		fprintf(stderr, "airunner: %s\n", e.msg.ptr);
		err_clear(&e);
		return 2;
	}
	/* The handshake already said initialize; show its answer. */
	if (!strcmp(method, "initialize"))
		r = buf_adds(&result, client_initialize_result(c));
	else
		r = client_call(c, method, params, timeout, &result, &code, &e);
	if (r == 0) {
		fwrite(result.ptr, 1, result.len, stdout);
		fputc('\n', stdout);
	} else if (e.kind == ERR_RPC) {
		fprintf(stderr, "airunner: error %d: %s\n", code, e.msg.ptr);
		if (result.len)
			fprintf(stderr, "%s\n", result.ptr);
		r = 1;
	} else {
		fprintf(stderr, "airunner: %s\n", e.msg.ptr);
		r = 2;
	}
	client_close(c);
	buf_release(&result);
	err_clear(&e);
	return r;
}

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
} commands[] = {
	{ "serve", cmd_serve },
	{ "call", cmd_call },
	{ "hooks", cmd_hooks },
	{ "hook", cmd_hook },
	{ "verify", cmd_verify },
	{ "classify", cmd_classify },
	{ "metrics", cmd_metrics },
	{ "runs", cmd_runs },
	{ "fix", cmd_fix },
	{ "plan", cmd_plan },
	/* For the shell completions (completions/): not in --help. */
	{ "__complete-methods", cmd_complete_methods },
};

int main(int argc, char **argv)
{
	size_t i;

	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help")) {
		fputs(usage_text, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("airunner %s\n", AIRUNNER_VERSION);
		return 0;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
	return usage_error("unknown command %s", argv[1]);
}
