#include "core/agent.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ev.h>

#include "classify/classify.h"
#include "context/context.h"
#include "job/job.h"
#include "llm/llm.h"
#include "proc/proc.h"
#include "store/store.h"
#include "util/mem.h"
#include "util/paths.h"
#include "util/log.h"
#include "verify/verify.h"

/* Resident tool workers: AIRUNNER_RESIDENT_MAX at once (default 4, two
 * work trees' tsc and eslint; 0: none, every check one-shot), each ended
 * after AIRUNNER_RESIDENT_IDLE seconds unused (default 900). */
static struct verify_residents *residents_new(struct ev_loop *loop)
{
	const char *max = getenv("AIRUNNER_RESIDENT_MAX");
	const char *idle = getenv("AIRUNNER_RESIDENT_IDLE");
	char *end;
	long n = 4;
	double s = 900;

	if (max && *max) {
		n = strtol(max, &end, 10);
		if (*end || n < 0 || n > 64)
			n = 4;
	}
	if (idle && *idle) {
		s = strtod(idle, &end);
		if (*end || !(s > 0))
			s = 900;
	}
	return verify_residents_new(loop, (unsigned)n, s);
}

void agent_init(struct agent *a, struct ev_loop *loop)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	struct buf dir = BUF_INIT;
	int n;

	memset(a, 0, sizeof(*a));
	a->loop = loop;
	a->jobs = job_engine_new(loop);
	a->procs = job_pool_new(loop, cores > 0 ? (unsigned)cores : 1);
	/* Verdicts outlive the agent (and serve the hook without one). */
	paths_state_dir(&dir);
	buf_adds(&dir, "/verify-cache");
	a->verify_cache = verify_cache_open(dir.ptr);
	buf_release(&dir);
	a->patterns = classify_cache_new();
	a->residents = residents_new(loop);
	/* What an agent killed mid-verification left behind. */
	n = proc_kill_leftovers();
	if (n)
		log_info("killed %d check process(es) left by dead agents", n);
	n = verify_checkout_sweep();
	if (n)
		log_info("removed %d checkout(s) of the index left by dead "
			 "processes", n);
}

/* Whether a run's owner is this agent, or an agent on stdio ("pid:N")
 * that no longer exists: its runs are nobody's now. */
static bool owner_gone(const char *run_owner, const char *owner)
{
	char *end;
	long pid;

	if (!run_owner)
		return false;
	if (!strcmp(run_owner, owner))
		return true;
	if (strncmp(run_owner, "pid:", 4))
		return false;
	pid = strtol(run_owner + 4, &end, 10);
	return pid > 0 && !*end && kill((pid_t)pid, 0) < 0 && errno == ESRCH;
}

int agent_open_store(struct agent *a, const char *path, const char *owner,
		     struct err *e)
{
	struct store_runs left = STORE_RUNS_INIT;
	struct store_run_filter f = { 0 };
	struct buf def = BUF_INIT;
	double now = ev_time();
	int n = 0, r = -1;
	size_t i;

	if (!path)
		store_default_path(&def);
	if (store_open(&a->store, path ? path : def.ptr, e) < 0)
		goto out;
	a->owner = xstrdup(owner);
	if (store_mark_interrupted(a->store, owner, now, &n, e) < 0)
		goto out;
	/* Runs of a dead agent on stdio: running ones were interrupted;
	 * queued ones belonged to callers now gone (the verifications and
	 * completions there end with them). */
	f.states = STORE_STATE_BIT(STORE_QUEUED) | STORE_STATE_BIT(STORE_RUNNING);
	if (store_run_list(a->store, &f, &left, e) < 0)
		goto out;
	for (i = 0; i < left.n; i++) {
		bool queued = left.v[i].state == STORE_QUEUED;
		struct store_run_end end = {
			queued ? STORE_CANCELLED : STORE_INTERRUPTED, now,
			NULL, "interrupted", NULL,
			queued ? "the agent stopped before it started"
			       : "the agent running it stopped", -1 };

		if (!owner_gone(left.v[i].owner, owner))
			continue;
		if (store_run_finish(a->store, left.v[i].id, &end, e) < 0)
			goto out;
		n += !queued;
	}
	if (n)
		log_warn("%d run(s) left running by a dead agent are now "
			 "interrupted", n);
	r = 0;
out:
	store_runs_release(&left);
	buf_release(&def);
	return r;
}

void agent_release(struct agent *a)
{
	job_engine_free(a->jobs); /* first: jobs hold the rest */
	a->jobs = NULL;
	verify_residents_free(a->residents); /* their workers end */
	store_close(a->store);
	context_cache_free(a->context);
	for (size_t i = 0; i < AGENT_PLAN_CONTEXTS; i++) {
		free(a->plan_contexts[i].root);
		free(a->plan_contexts[i].text);
	}
	free(a->owner);
	if (a->llm)
		llm_client_free(a->llm);
	job_pool_free(a->procs);
	verify_cache_free(a->verify_cache);
	classify_cache_free(a->patterns);
	memset(a, 0, sizeof(*a));
}

struct llm_client *agent_llm(struct agent *a)
{
	if (!a->llm)
		a->llm = llm_client_new(a->loop);
	return a->llm;
}
