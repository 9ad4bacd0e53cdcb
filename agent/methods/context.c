/*
 * context/get {root?, focusFiles?, focusSymbols?, focusText?, budget?}
 *   -> {text, bytes, tokens, fromCache, files}
 *
 * Thin: params in, context_get, JSON out. The cache is the agent's, made
 * on the first call. The call is synchronous: warm and
 * incremental calls take milliseconds, the first call on a huge repository
 * parses every file (see context/context.h).
 */
#include <stdlib.h>
#include <string.h>

#include "context/context.h"
#include "methods/methods.h"
#include "util/strv.h"

static void handle_get(struct rpc_call *call)
{
	struct agent *a = call_agent(call);
	struct strv files = STRV_INIT, symbols = STRV_INIT;
	struct context_request q = { 0 };
	struct context_result r;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct json_writer w;
	char *root = NULL, *text = NULL;
	int64_t budget = 0;

	context_result_init(&r);
	if (method_param_root(call, &root, &e) < 0 ||
	    rpc_param_int(call, "budget", 100, 1000000, &budget, &e) < 0 ||
	    rpc_param_string(call, "focusText", &text, &e) < 0 ||
	    rpc_param_strings(call, "focusFiles", &files, &e) < 0 ||
	    rpc_param_strings(call, "focusSymbols", &symbols, &e) < 0)
		goto fail;
	if (!a->context && context_cache_new(&a->context, NULL, &e) < 0)
		goto fail;
	q.root = root;
	q.focus_files = strv_argv(&files);
	q.n_focus_files = files.n;
	q.focus_symbols = strv_argv(&symbols);
	q.n_focus_symbols = symbols.n;
	q.focus_text = text;
	q.token_budget = (size_t)budget;
	if (context_get(a->context, &q, &r, &e) < 0)
		goto fail;

	json_writer_init(&w, &out);
	json_obj_begin(&w);
	json_key(&w, "text");
	json_w_strn(&w, r.text.ptr, r.text.len);
	json_kv_int(&w, "bytes", (int64_t)r.bytes);
	json_kv_int(&w, "tokens", (int64_t)r.tokens);
	json_kv_bool(&w, "fromCache", r.from_cache);
	json_key(&w, "files");
	json_arr_begin(&w);
	for (size_t i = 0; i < r.files.n; i++)
		json_w_str(&w, r.files.v[i]);
	json_arr_end(&w);
	json_obj_end(&w);
	rpc_call_reply_buf(call, &out);
	goto out;
fail:
	rpc_call_reply_error(call, &e);
out:
	context_result_release(&r);
	strv_release(&files);
	strv_release(&symbols);
	buf_release(&out);
	err_clear(&e);
	free(root);
	free(text);
}

static const struct rpc_param_spec get_params[] = {
	{ "root", RPC_T(JSON_STRING), false },
	{ "focusFiles", RPC_T(JSON_ARRAY), false },
	{ "focusSymbols", RPC_T(JSON_ARRAY), false },
	{ "focusText", RPC_T(JSON_STRING) | RPC_T(JSON_NULL), false },
	{ "budget", RPC_T(JSON_NUMBER), false },
	{ NULL, 0, false },
};

const struct rpc_method methods_context[] = {
	{ "context/get", handle_get, get_params, 0 },
	{ NULL, NULL, NULL, 0 },
};
