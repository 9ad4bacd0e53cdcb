#include "core/agent.h"

#include <string.h>
#include <unistd.h>

#include "job/job.h"
#include "llm/llm.h"
#include "proc/proc.h"
#include "util/log.h"
#include "verify/verify.h"

void agent_init(struct agent *a, struct ev_loop *loop)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	int n;

	memset(a, 0, sizeof(*a));
	a->loop = loop;
	a->jobs = job_engine_new(loop);
	a->procs = job_pool_new(loop, cores > 0 ? (unsigned)cores : 1);
	a->verify_cache = verify_cache_new();
	/* What an agent killed mid-verification left behind. */
	n = proc_kill_leftovers();
	if (n)
		log_info("killed %d check process(es) left by dead agents", n);
	n = verify_checkout_sweep();
	if (n)
		log_info("removed %d checkout(s) of the index left by dead "
			 "processes", n);
}

void agent_release(struct agent *a)
{
	job_engine_free(a->jobs); /* first: jobs hold the rest */
	a->jobs = NULL;
	if (a->llm)
		llm_client_free(a->llm);
	job_pool_free(a->procs);
	verify_cache_free(a->verify_cache);
	memset(a, 0, sizeof(*a));
}

struct llm_client *agent_llm(struct agent *a)
{
	if (!a->llm)
		a->llm = llm_client_new(a->loop);
	return a->llm;
}
