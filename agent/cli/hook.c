#include "cli/hook.h"

#include <ev.h>
#include <git2.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/client.h"
#include "config/config.h"
#include "hooks/hooks.h"
#include "hooks/report.h"
#include "json/json.h"
#include "util/buf.h"
#include "util/env.h"
#include "util/err.h"
#include "verify/verify.h"

/* Reaching (or starting) the agent must be quick: past this, the hook checks
 * in-process instead of making the commit wait on a wedged agent. */
#define CONNECT_TIMEOUT_MS 2000
/* The whole verification. Each check has its own, shorter timeout, so the
 * agent answers well before this unless it is stuck. */
#define VERIFY_TIMEOUT_S 600

static bool skip_requested(void)
{
	const char *v = getenv("AIRUNNER_SKIP");

	return v && *v && strcmp(v, "0") && strcasecmp(v, "false") &&
	       strcasecmp(v, "no");
}

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

/*
 * The top of the work tree to verify. Under git (GIT_INDEX_FILE set) that
 * is the cwd: git runs hooks there. That case skips libgit2, whose
 * initialisation alone (TLS set-up) costs more than the rest of the hook.
 * Called by hand or by the pre-commit framework, libgit2 finds the repo.
 */
static int work_tree(struct buf *out, struct err *e)
{
	git_repository *repo = NULL;
	const char *wd;
	char cwd[PATH_MAX];
	int r = -1;

	if (getenv("GIT_INDEX_FILE") && getcwd(cwd, sizeof(cwd))) {
		buf_adds(out, cwd);
		return 0;
	}
	git_libgit2_init();
	if (git_repository_open_ext(&repo, ".", 0, NULL) < 0) {
		err_set(e, "not_a_repo", "not inside a git repository");
		return -1;
	}
	wd = git_repository_workdir(repo);
	if (!wd) {
		err_set(e, "not_a_repo", "a bare repository has no commits "
			"to verify");
		goto out;
	}
	buf_adds(out, wd);
	if (out->len > 1 && out->ptr[out->len - 1] == '/')
		buf_truncate(out, out->len - 1);
	r = 0;
out:
	git_repository_free(repo);
	return r;
}

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

/* verify/run params: the staged content of root. */
static void build_params(struct buf *out, const char *root,
			 const char *index, bool tty)
{
	struct json_writer w;

	json_writer_init(&w, out);
	json_obj_begin(&w);
	json_kv_str(&w, "root", root);
	json_kv_bool(&w, "staged", true);
	if (index)
		json_kv_str(&w, "index", index);
	if (tty)
		json_kv_str(&w, "workDoneToken", "hook");
	json_obj_end(&w);
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

/*
 * On a terminal, a line that says which check just finished while tsc and
 * friends take their seconds; erased before the report.
 */
static void progress_show(const char *msg, int64_t percent)
{
	if (msg)
		fprintf(stderr, "\r\033[Kairunner: verifying... %s (%lld%%)",
			msg, (long long)percent);
	else
		fputs("\r\033[Kairunner: verifying the staged content...",
		      stderr);
	fflush(stderr);
}

static void progress_clear(bool tty)
{
	if (tty)
		fputs("\r\033[K", stderr);
}

/* $/progress from the agent: {token, value: {kind, message, percentage}}. */
static void on_notify(const char *method, const char *params, void *data)
{
	struct json_doc d = JSON_DOC_INIT;
	struct err e = ERR_INIT;
	char *msg = NULL;
	int64_t pct = 0;
	int v;

	if (strcmp(method, "$/progress") ||
	    json_parse(&d, params, strlen(params), JSON_MAX_DEPTH_DEFAULT,
		       &e) < 0)
		goto out;
	v = json_get(&d, 0, "value");
	msg = json_strdup(&d, json_get(&d, v, "message"));
	json_int64(&d, json_get(&d, v, "percentage"), &pct);
	if (msg && json_str_eq(&d, json_get(&d, v, "kind"), "report"))
		progress_show(msg, pct);
out:
	free(msg);
	json_doc_release(&d);
	err_clear(&e);
}

/*
 * The agent does the work when one runs (or can be started): it keeps the
 * result cache and the loaded pattern database warm across commits.
 * 1 = no agent reachable (the caller checks in-process), 0 = result filled,
 * -1 = the agent failed.
 */
static int verify_by_agent(const char *root, const char *params, bool tty,
			   struct buf *result, struct err *e)
{
	struct client *c = NULL;
	struct err ce = ERR_INIT;
	int code = 0, r;

	if (client_open(&c, NULL, root, CLIENT_AUTOSTART, CONNECT_TIMEOUT_MS,
			&ce) < 0) {
		err_clear(&ce);
		return 1;
	}
	if (tty)
		client_on_notify(c, on_notify, NULL);
	r = client_call(c, "verify/run", params, VERIFY_TIMEOUT_S * 1000,
			result, &code, e);
	if (r < 0 && code)
		err_prefix(e, "verify/run error %d", code);
	client_close(c);
	return r;
}

/* No agent: the same verification in this process, on the default loop. */
struct in_process {
	struct verify_run *run;
	struct verify_result *res;
	ev_timer limit;
	bool tty, timed_out;
};

static void in_process_progress(const struct verify_check_result *cr,
				size_t done, size_t total, void *data)
{
	struct in_process *ip = data;
	struct buf msg = BUF_INIT;

	if (!ip->tty)
		return;
	buf_addf(&msg, "%s %s", cr->name, verify_status_name(cr->status));
	progress_show(msg.ptr, total ? (int64_t)(done * 100 / total) : 100);
	buf_release(&msg);
}

static void in_process_done(struct verify_result *res, void *data)
{
	struct in_process *ip = data;

	ip->res = res;
	ev_timer_stop(EV_DEFAULT, &ip->limit);
}

/* The same bound as through the agent: a check configured without a timeout
 * must not hang `git commit` for ever. */
static void in_process_limit(struct ev_loop *loop, ev_timer *t, int revents)
{
	struct in_process *ip = t->data;

	ip->timed_out = true;
	verify_cancel(ip->run);
}

static int verify_in_process(const char *root, const char *index, bool tty,
			     struct buf *result, struct err *e)
{
	struct in_process ip = { .tty = tty };
	struct verify_request req = {
		.root = root,
		.staged = true,
		.index = index,
		.progress = in_process_progress,
	};
	struct json_writer w;

	if (verify_run(&ip.run, EV_DEFAULT, &req, in_process_done, &ip, e) < 0)
		return -1;
	ev_timer_init(&ip.limit, in_process_limit, VERIFY_TIMEOUT_S, 0.0);
	ip.limit.data = &ip;
	ev_timer_start(EV_DEFAULT, &ip.limit);
	ev_run(EV_DEFAULT, 0);
	if (!ip.res)
		return err_set(e, ERR_INTERNAL,
			       "verification ended without a result");
	if (ip.timed_out) {
		verify_result_free(ip.res);
		return err_set(e, ERR_TIMEOUT,
			       "the checks did not finish within %d s",
			       VERIFY_TIMEOUT_S);
	}
	json_writer_init(&w, result);
	verify_result_write_json(&w, ip.res);
	verify_result_free(ip.res);
	return 0;
}

int cmd_hook(int argc, char **argv)
{
	struct err e = ERR_INIT;
	struct buf root = BUF_INIT, params = BUF_INIT, result = BUF_INIT;
	struct buf report = BUF_INIT, index = BUF_INIT;
	unsigned flags = 0;
	bool blocked = false, tty;
	int r, status = 1;

	if (argc < 2 || strcmp(argv[1], "pre-commit")) {
		fputs("usage: airunner hook pre-commit\n", stderr);
		return 2;
	}
	if (skip_requested())
		return 0;
	if (work_tree(&root, &e) < 0) {
		fprintf(stderr, "airunner: hook pre-commit: %s\n", e.msg.ptr);
		goto out;
	}
	tty = isatty(STDERR_FILENO) && getenv("TERM") &&
	      strcmp(getenv("TERM"), "dumb");
	index_path(&index, root.ptr);
	/* Now that root and the index path are read: git's variables must not
	 * reach the checks (a test suite running git would act on the commit's
	 * temporary index, or on another worktree). */
	env_scrub_git();
	build_params(&params, root.ptr, index.len ? index.ptr : NULL, tty);
	if (tty)
		progress_show(NULL, 0);
	r = verify_by_agent(root.ptr, params.ptr, tty, &result, &e);
	if (r == 1)
		r = verify_in_process(root.ptr, index.len ? index.ptr : NULL,
				      tty, &result, &e);
	progress_clear(tty);
	if (r < 0) {
		status = agent_failed(root.ptr, &e);
		goto out;
	}
	if (tty && !getenv("NO_COLOR"))
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
	buf_release(&params);
	buf_release(&result);
	buf_release(&report);
	buf_release(&index);
	err_clear(&e);
	return status;
}
