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
#include "cli/verification_agent.h"
#include "json/json.h"
#include "proc/proc.h"
#include "util/paths.h"
#include "verify/verify.h"

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

/*
 * The agent does the work when one runs (or can be started): it keeps the
 * result cache and the loaded pattern database warm across commits.
 * 1 = no agent reachable (the caller checks in-process), 0 = result filled,
 * -1 = the agent failed.
 */
static int verify_by_agent(const struct verification *v, struct buf *result,
			   struct err *e)
{
	struct client *c = NULL;
	struct err ce = ERR_INIT;
	int r;

	if (client_open(&c, NULL, v->root, CLIENT_AUTOSTART,
			VERIFICATION_CONNECT_TIMEOUT_MS, &ce) < 0) {
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
	r = verification_agent_call(c, v, result, e);
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
	verification_progress_show(ip->v->progress, msg.ptr,
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
	ev_timer_init(&ip.limit, in_process_limit, VERIFICATION_TIMEOUT_S, 0.0);
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
			VERIFICATION_TIMEOUT_S);
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
	int r;

	if (v->progress)
		verification_progress_show(v->progress, NULL, 0);
	r = verify_by_agent(v, result, e);
	if (r == 1)
		r = verify_in_process(v, result, e);
	verification_progress_clear(v);
	return r;
}
