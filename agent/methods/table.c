#include "methods/methods.h"

const struct rpc_method *const method_table[] = {
	methods_lifecycle,
	methods_testing,
	methods_classify,
	methods_verify,
	methods_llm,
	methods_run,
	methods_metrics,
	methods_context,
	methods_exec,
	methods_issue,
	methods_plan,
	NULL,
};
