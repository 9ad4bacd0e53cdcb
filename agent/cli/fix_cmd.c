/*
 * airunner fix [--commit [-- GIT-COMMIT-ARGS...]] [--max-cost USD] [--json]
 *
 * After `git commit` was blocked: asks the agent (started when none
 * listens) to heal the staged content's failure with the ladder. The fixed
 * files are staged again; the person runs `git commit` again (or passes
 * --commit, which runs it for them with the arguments after `--`). The
 * run's story is printed as it happens.
 */
#include "cli/fix_cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/client.h"
#include "cli/output.h"
#include "cli/verification.h"
#include "json/json.h"
#include "util/buf.h"

struct fix_out {
	bool quiet;
};

static void print_event(const char *params, void *data)
{
	struct fix_out *o = data;
	struct json_doc d;
	struct buf phase = BUF_INIT, msg = BUF_INIT;
	int ev;

	if (o->quiet || json_parse(&d, params, strlen(params),
				   JSON_MAX_DEPTH_DEFAULT, NULL) < 0)
		return;
	json_str(&d, json_get(&d, 0, "phase"), &phase);
	ev = json_get(&d, 0, "data");
	if (!strcmp(phase.ptr, "attempt")) {
		int64_t n = 0, of = 0;

		json_int64(&d, json_get(&d, ev, "attempt"), &n);
		json_int64(&d, json_get(&d, ev, "of"), &of);
		buf_addf(&msg, "attempt %lld of %lld: ", (long long)n,
			 (long long)of);
		json_str(&d, json_get(&d, ev, "provider"), &msg);
		buf_addch(&msg, ' ');
		json_str(&d, json_get(&d, ev, "model"), &msg);
	} else if (!strcmp(phase.ptr, "edit")) {
		buf_adds(&msg, "  ");
		json_str(&d, json_get(&d, ev, "action"), &msg);
		buf_addch(&msg, ' ');
		json_str(&d, json_get(&d, ev, "path"), &msg);
	} else if (!strcmp(phase.ptr, "refused")) {
		buf_adds(&msg, "  refused: ");
		json_str(&d, json_get(&d, 0, "message"), &msg);
	} else if (!strcmp(phase.ptr, "verified")) {
		bool passed = false;

		json_bool(&d, json_get(&d, ev, "passed"), &passed);
		buf_adds(&msg, passed ? "  verified: passed"
				      : "  verified: failed, ");
		if (!passed)
			json_str(&d, json_get(&d, ev, "category"), &msg);
	} else if (!strcmp(phase.ptr, "restored")) {
		buf_adds(&msg, "restored the files as they were");
	} else if (!strcmp(phase.ptr, "model_failed") ||
		   !strcmp(phase.ptr, "rung_skipped")) {
		buf_adds(&msg, "  the model could not be reached: ");
		json_str(&d, json_get(&d, 0, "message"), &msg);
	}
	if (msg.len)
		fprintf(stderr, "airunner fix: %s\n", msg.ptr);
	json_doc_release(&d);
	buf_release(&phase);
	buf_release(&msg);
}

static void on_notify(const char *method, const char *params, void *data)
{
	if (!strcmp(method, "run/event"))
		print_event(params, data);
}

/* The files the run staged, for the closing line. */
static void add_files(struct buf *out, const char *result)
{
	struct json_doc d;
	int files;

	if (json_parse(&d, result, strlen(result), JSON_MAX_DEPTH_DEFAULT,
		       NULL) < 0)
		return;
	files = json_get(&d, 0, "files");
	for (int v = json_first(&d, files); v >= 0; v = json_next(&d, v)) {
		buf_addch(out, ' ');
		json_str(&d, v, out);
	}
	json_doc_release(&d);
}

static int run_git_commit(char **args, int n)
{
	char **argv = calloc((size_t)n + 3, sizeof(char *));

	if (!argv)
		return 2;
	argv[0] = "git";
	argv[1] = "commit";
	for (int i = 0; i < n; i++)
		argv[i + 2] = args[i];
	fflush(NULL);
	execvp("git", argv);
	perror("airunner fix: git commit");
	free(argv);
	return 2;
}

int cmd_fix(int argc, char **argv)
{
	struct fix_out o = { false };
	struct client *c = NULL;
	struct buf root = BUF_INIT, params = BUF_INIT, result = BUF_INIT,
		   line = BUF_INIT;
	struct json_writer w;
	struct err e = ERR_INIT;
	bool commit = false, json = false;
	double max_cost = 0;
	int i, code = 0, status = EXIT_USAGE;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--commit")) {
			commit = true;
		} else if (!strcmp(argv[i], "--json")) {
			json = true;
		} else if (!strcmp(argv[i], "--max-cost") && i + 1 < argc) {
			char *end;

			max_cost = strtod(argv[++i], &end);
			if (*end || max_cost < 0)
				return output_usage("fix", "--max-cost takes "
						    "dollars, e.g. 0.50");
		} else if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else {
			return output_usage("fix", "unknown option %s",
					    argv[i]);
		}
	}
	if (i < argc && !commit)
		return output_usage("fix", "arguments after -- go to git "
				    "commit: add --commit");
	if (verification_work_tree(&root, &e) < 0) {
		fprintf(stderr, "airunner fix: %s\n", e.msg.ptr);
		status = 2;
		goto out;
	}
	o.quiet = json;
	json_writer_init(&w, &params);
	json_obj_begin(&w);
	json_kv_str(&w, "root", root.ptr);
	json_key(&w, "fix");
	json_obj_begin(&w);
	json_kv_bool(&w, "staged", true);
	json_obj_end(&w);
	if (max_cost > 0)
		json_kv_double(&w, "maxCostUsd", max_cost);
	json_kv_str(&w, "priority", "high");
	json_kv_str(&w, "workDoneToken", "fix");
	json_obj_end(&w);
	if (client_open(&c, NULL, root.ptr, CLIENT_AUTOSTART, 5000, &e) < 0) {
		fprintf(stderr, "airunner fix: %s\n", e.msg.ptr);
		status = 2;
		goto out;
	}
	client_on_notify(c, on_notify, &o);
	if (!json)
		fputs("airunner fix: healing the staged content's failure\n",
		      stderr);
	if (client_call(c, "subtask/execute", params.ptr, 0, &result, &code,
			&e) < 0) {
		if (json && result.len) {
			fwrite(result.ptr, 1, result.len, stdout);
			fputc('\n', stdout);
		}
		fprintf(stderr, "airunner fix: %s\n", e.msg.ptr);
		status = e.kind == ERR_RPC ? 1 : 2;
		goto out;
	}
	if (json) {
		fwrite(result.ptr, 1, result.len, stdout);
		fputc('\n', stdout);
	} else {
		buf_adds(&line, "airunner fix: fixed; staged again:");
		add_files(&line, result.ptr);
		fprintf(stderr, "%s\n", line.ptr);
		if (!commit)
			fputs("airunner fix: run `git commit` again\n", stderr);
	}
	status = 0;
	if (commit) {
		client_close(c);
		c = NULL;
		status = run_git_commit(argv + i, argc - i);
	}
out:
	client_close(c);
	buf_release(&root);
	buf_release(&params);
	buf_release(&result);
	buf_release(&line);
	err_clear(&e);
	return status;
}
