#include "cli/verification.h"

#include <ev.h>
#include <git2.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/client.h"
#include "json/json.h"
#include "proc/proc.h"
#include "util/paths.h"
#include "verify/verify.h"

/* Reaching (or starting) the agent must be quick: past this, the checks run
 * in-process instead of making the commit wait on a wedged agent. */
#define CONNECT_TIMEOUT_MS 2000
/* The whole verification. Each check has its own, shorter timeout, so the
 * agent answers well before this unless it is stuck. */
#define VERIFY_TIMEOUT_S 600

int verification_work_tree(struct buf *out, struct err *e)
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
		err_set(e, ERR_NOT_A_REPOSITORY, "not inside a git repository");
		return -1;
	}
	wd = git_repository_workdir(repo);
	if (!wd) {
		err_set(e, ERR_NOT_A_REPOSITORY, "a bare repository has no work tree "
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

/* verify/run params for v. */
static void build_params(struct buf *out, const struct verification *v)
{
	struct json_writer w;

	json_writer_init(&w, out);
	json_obj_begin(&w);
	json_kv_str(&w, "root", v->root);
	if (v->files) {
		json_key(&w, "files");
		json_arr_begin(&w);
		for (size_t i = 0; v->files[i]; i++)
			json_w_str(&w, v->files[i]);
		json_arr_end(&w);
	}
	if (v->staged)
		json_kv_bool(&w, "staged", true);
	if (v->all)
		json_kv_bool(&w, "all", true);
	if (v->index)
		json_kv_str(&w, "index", v->index);
	if (v->progress)
		json_kv_str(&w, "workDoneToken", "cli");
	if (v->origin)
		json_kv_str(&w, "origin", v->origin);
	if (v->urgent)
		json_kv_str(&w, "priority", "urgent");
	json_obj_end(&w);
}

/*
 * On a terminal, a line that says which check just finished while tsc and
 * friends take their seconds; erased before the report.
 */
static void progress_show(const char *what, const char *msg, int64_t percent)
{
	if (msg)
		fprintf(stderr, "\r\033[Kairunner: verifying... %s (%lld%%)",
			msg, (long long)percent);
	else
		fprintf(stderr, "\r\033[Kairunner: verifying %s...", what);
	fflush(stderr);
}

static void progress_clear(const struct verification *v)
{
	if (v->progress)
		fputs("\r\033[K", stderr);
}

/* $/progress from the agent: {token, value: {kind, message, percentage}}. */
static void on_notify(const char *method, const char *params, void *data)
{
	const struct verification *v = data;
	struct json_doc d = JSON_DOC_INIT;
	struct err e = ERR_INIT;
	char *msg = NULL;
	int64_t pct = 0;
	int val;

	if (strcmp(method, "$/progress") ||
	    json_parse(&d, params, strlen(params), JSON_MAX_DEPTH_DEFAULT,
		       &e) < 0)
		goto out;
	val = json_get(&d, 0, "value");
	msg = json_strdup(&d, json_get(&d, val, "message"));
	json_int64(&d, json_get(&d, val, "percentage"), &pct);
	if (msg && json_str_eq(&d, json_get(&d, val, "kind"), "report"))
		progress_show(v->progress, msg, pct);
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
static int verify_by_agent(const struct verification *v, const char *params,
			   struct buf *result, struct err *e)
{
	struct client *c = NULL;
	struct err ce = ERR_INIT;
	int code = 0, r;

	if (client_open(&c, NULL, v->root, CLIENT_AUTOSTART,
			CONNECT_TIMEOUT_MS, &ce) < 0) {
		/* A socket that is not safely ours (someone else's folder or
		 * agent) is an attack or a mistake to be told about, not an
		 * absent agent: the caller's error policy decides. */
		if (ce.kind == ERR_UNSAFE_SOCKET) {
			err_move(e, &ce);
			return -1;
		}
		err_clear(&ce);
		return 1;
	}
	if (v->progress)
		client_on_notify(c, on_notify, (void *)v);
	r = client_call(c, "verify/run", params, VERIFY_TIMEOUT_S * 1000,
			result, &code, e);
	if (r < 0 && code)
		err_prefix(e, "verify/run error %d", code);
	client_close(c);
	return r;
}

/* No agent: the same verification in this process, on the default loop. */
struct in_process {
	const struct verification *v;
	struct verify_run *run;
	struct verify_result *res;
	ev_timer limit;
	bool timed_out;
};

static void in_process_progress(const struct verify_check_result *cr,
				size_t done, size_t total, void *data)
{
	struct in_process *ip = data;
	struct buf msg = BUF_INIT;

	if (!ip->v->progress)
		return;
	buf_addf(&msg, "%s %s", cr->name, verify_status_name(cr->status));
	progress_show(ip->v->progress, msg.ptr,
		      total ? (int64_t)(done * 100 / total) : 100);
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

static int verify_in_process(const struct verification *v, struct buf *result,
			     struct err *e)
{
	struct in_process ip = { .v = v };
	struct verify_request req = {
		.root = v->root,
		.files = v->files,
		.staged = v->staged,
		.index = v->index,
		.all = v->all,
		.progress = in_process_progress,
	};
	struct json_writer w;

	struct buf dir = BUF_INIT;
	int r = -1;

	/* The agent's cache folder: a verdict either of them reached serves
	 * the other. */
	paths_state_dir(&dir);
	buf_adds(&dir, "/verify-cache");
	req.cache = verify_cache_open(dir.ptr);
	buf_reset(&dir);
	paths_state_dir(&dir);
	buf_adds(&dir, "/tools"); /* the agent's tools' state too */
	req.tools_state = dir.ptr;
	proc_adopt_orphans(); /* as the agent does for its checks */
	if (verify_run(&ip.run, EV_DEFAULT, &req, in_process_done, &ip, e) < 0)
		goto out;
	ev_timer_init(&ip.limit, in_process_limit, VERIFY_TIMEOUT_S, 0.0);
	ip.limit.data = &ip;
	ev_timer_start(EV_DEFAULT, &ip.limit);
	ev_run(EV_DEFAULT, 0);
	if (!ip.res) {
		err_set(e, ERR_INTERNAL, "verification ended without a result");
		goto out;
	}
	if (ip.res->error.kind) {
		err_move(e, &ip.res->error);
		goto out;
	}
	if (ip.timed_out) {
		err_set(e, ERR_TIMEOUT, "the checks did not finish within %d s",
			VERIFY_TIMEOUT_S);
		goto out;
	}
	json_writer_init(&w, result);
	verify_result_write_json(&w, ip.res);
	r = 0;
out:
	verify_result_free(ip.res);
	verify_cache_free(req.cache);
	buf_release(&dir);
	return r;
}

int verification_run(const struct verification *v, struct buf *result,
		     struct err *e)
{
	struct buf params = BUF_INIT;
	int r;

	build_params(&params, v);
	if (v->progress)
		progress_show(v->progress, NULL, 0);
	r = verify_by_agent(v, params.ptr, result, e);
	if (r == 1)
		r = verify_in_process(v, result, e);
	progress_clear(v);
	buf_release(&params);
	return r;
}
