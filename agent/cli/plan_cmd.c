#include "cli/plan_cmd.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/client.h"
#include "cli/output.h"
#include "cli/verification.h"
#include "json/json.h"
#include "util/env.h"

struct options {
	const char *issue, *feedback, *socket, *model;
	long long plan_id, revision, budget;
	bool json, stdio;
};

/* ---- rendering a Plan for a person ---- */

static void add_str(struct buf *out, const struct json_doc *d, int v,
		    const char *none)
{
	if (json_str(d, v, out) < 0)
		buf_adds(out, none);
}

/* Text indented by `pad` on every line. */
static void add_indented(struct buf *out, const struct json_doc *d, int v,
			 const char *pad)
{
	struct buf s = BUF_INIT;
	const char *p, *nl;

	json_str(d, v, &s);
	for (p = s.ptr; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p);
		buf_adds(out, pad);
		buf_add(out, p, (size_t)(nl - p));
		buf_addch(out, '\n');
		if (!*nl)
			break;
	}
	buf_release(&s);
}

static void add_list_inline(struct buf *out, const struct json_doc *d,
			    int arr)
{
	bool first = true;

	for (int x = json_first(d, arr); x >= 0; x = json_next(d, x)) {
		if (!first)
			buf_adds(out, ", ");
		json_str(d, x, out);
		first = false;
	}
}

static void add_bullets(struct buf *out, const struct json_doc *d, int arr,
			const char *pad)
{
	struct buf s = BUF_INIT;

	for (int x = json_first(d, arr); x >= 0; x = json_next(d, x)) {
		buf_reset(&s);
		json_str(d, x, &s);
		buf_addf(out, "%s- %s\n", pad, s.ptr);
	}
	buf_release(&s);
}

static double hours(const struct json_doc *d, int t)
{
	double h = 0;

	json_double(d, json_get(d, t, "estimateHours"), &h);
	return h;
}

static void render_plan(struct buf *out, const struct json_doc *d, int p)
{
	int issue = json_get(d, p, "issue"), subs = json_get(d, p, "subtasks");
	int risks = json_get(d, p, "risks"), qs = json_get(d, p, "openQuestions");
	int64_t id = 0, rev = 0, run = 0;
	double total = 0;
	int n = 0;

	json_int64(d, json_get(d, p, "id"), &id);
	json_int64(d, json_get(d, p, "revision"), &rev);
	for (int t = json_first(d, subs); t >= 0; t = json_next(d, t))
		total += hours(d, t);
	buf_addf(out, "Plan %lld, revision %lld: ", (long long)id,
		 (long long)rev);
	if (json_type(d, json_get(d, issue, "key")) == JSON_STRING) {
		add_str(out, d, json_get(d, issue, "key"), "");
		buf_adds(out, " ");
	}
	add_str(out, d, json_get(d, issue, "title"), "(untitled)");
	buf_adds(out, "\n(");
	if (json_int64(d, json_get(d, p, "runId"), &run) == 0)
		buf_addf(out, "run %lld, ", (long long)run);
	add_str(out, d, json_get(d, p, "model"), "model unknown");
	buf_adds(out, ", ");
	add_str(out, d, json_get(d, p, "created"), "");
	buf_adds(out, ")\n\nSummary\n");
	add_indented(out, d, json_get(d, p, "summary"), "  ");
	buf_addf(out, "\nSubtasks (%d, %.1f h in all)\n", json_count(d, subs),
		 total);
	for (int t = json_first(d, subs); t >= 0; t = json_next(d, t)) {
		int deps = json_get(d, t, "dependsOn");

		buf_addf(out, "%3d. [", ++n);
		add_str(out, d, json_get(d, t, "id"), "?");
		buf_adds(out, "] ");
		add_str(out, d, json_get(d, t, "title"), "");
		buf_addf(out, "  (%.1f h)\n", hours(d, t));
		add_indented(out, d, json_get(d, t, "description"), "       ");
		if (json_count(d, json_get(d, t, "files"))) {
			buf_adds(out, "       files: ");
			add_list_inline(out, d, json_get(d, t, "files"));
			buf_addch(out, '\n');
		}
		if (json_count(d, json_get(d, t, "newFiles"))) {
			buf_adds(out, "       new files: ");
			add_list_inline(out, d, json_get(d, t, "newFiles"));
			buf_addch(out, '\n');
		}
		buf_adds(out, "       depends on: ");
		if (json_count(d, deps))
			add_list_inline(out, d, deps);
		else
			buf_adds(out, "nothing");
		buf_adds(out, "\n       acceptance criteria:\n");
		add_bullets(out, d, json_get(d, t, "acceptanceCriteria"),
			    "         ");
	}
	if (json_count(d, risks)) {
		buf_adds(out, "\nRisks\n");
		add_bullets(out, d, risks, "  ");
	}
	if (json_count(d, qs)) {
		buf_adds(out, "\nOpen questions\n");
		add_bullets(out, d, qs, "  ");
	}
}

/* plan/generate's result (with usage) or plan/get's Plan. */
static int render(struct buf *out, const struct buf *result, bool generated,
		  struct err *e)
{
	struct json_doc d = JSON_DOC_INIT;
	int p, u;
	double cost;

	if (json_parse(&d, result->ptr, result->len, 0, e) < 0)
		return -1;
	p = generated ? json_get(&d, 0, "plan") : 0;
	render_plan(out, &d, p);
	if (generated) {
		u = json_get(&d, 0, "usage");
		buf_adds(out, "\n");
		buf_addf(out, "tokens: ");
		{
			int64_t in = 0, o = 0, cr = 0, cw = 0;

			json_int64(&d, json_get(&d, u, "input"), &in);
			json_int64(&d, json_get(&d, u, "output"), &o);
			json_int64(&d, json_get(&d, u, "cacheRead"), &cr);
			json_int64(&d, json_get(&d, u, "cacheWrite"), &cw);
			buf_addf(out, "%lld in, %lld out, %lld read from the "
				 "prompt cache, %lld written to it",
				 (long long)in, (long long)o, (long long)cr,
				 (long long)cw);
		}
		if (json_double(&d, json_get(&d, 0, "costUsd"), &cost) == 0)
			buf_addf(out, "; cost $%.4f", cost);
		buf_addch(out, '\n');
	}
	json_doc_release(&d);
	return 0;
}

/* ---- progress while the model thinks ---- */

struct progress {
	size_t thinking, text;
	bool drawn;
};

static void on_notify(const char *method, const char *params, void *data)
{
	struct progress *pr = data;
	struct json_doc d = JSON_DOC_INIT;
	struct buf delta = BUF_INIT;
	int v;

	if (strcmp(method, "$/progress") ||
	    json_parse(&d, params, strlen(params), 0, NULL) < 0)
		return;
	v = json_get(&d, 0, "value");
	json_str(&d, json_get(&d, v, "delta"), &delta);
	if (json_str_eq(&d, json_get(&d, v, "kind"), "thinking"))
		pr->thinking += delta.len;
	else if (json_str_eq(&d, json_get(&d, v, "kind"), "text"))
		pr->text += delta.len;
	fprintf(stderr, "\rplanning: %zu characters of thinking, %zu of "
		"plan...", pr->thinking, pr->text);
	fflush(stderr);
	pr->drawn = true;
	buf_release(&delta);
	json_doc_release(&d);
}

/* ---- the command ---- */

static void issue_param(struct json_writer *w, const char *issue,
			const char *cwd)
{
	struct stat st;

	json_key(w, "issue");
	json_obj_begin(w);
	if (stat(issue, &st) == 0) {
		struct buf abs = BUF_INIT;
		char real[PATH_MAX];

		if (realpath(issue, real))
			buf_adds(&abs, real);
		else if (issue[0] == '/')
			buf_adds(&abs, issue);
		else
			buf_addf(&abs, "%s/%s", cwd, issue);
		json_kv_str(w, "source", "file");
		json_kv_str(w, "path", abs.ptr);
		buf_release(&abs);
	} else {
		/* A key (PROJ-12, owner/repo#12): issue/fetch resolves it. */
		json_kv_str(w, "key", issue);
	}
	json_obj_end(w);
}

static int parse_args(int argc, char **argv, struct options *o)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		char *end;

		if (!strcmp(a, "--json")) {
			o->json = true;
		} else if (!strcmp(a, "--stdio")) {
			o->stdio = true;
		} else if (!strcmp(a, "--socket") && i + 1 < argc) {
			o->socket = argv[++i];
		} else if (!strcmp(a, "--feedback") && i + 1 < argc) {
			o->feedback = argv[++i];
		} else if (!strcmp(a, "--model") && i + 1 < argc) {
			o->model = argv[++i];
		} else if ((!strcmp(a, "--plan") || !strcmp(a, "--revision") ||
			    !strcmp(a, "--budget")) && i + 1 < argc) {
			long long v = strtoll(argv[++i], &end, 10);

			if (*end || v < 1)
				return output_usage("plan", "%s takes a "
						    "positive number, not %s",
						    a, argv[i]);
			if (!strcmp(a, "--plan"))
				o->plan_id = v;
			else if (!strcmp(a, "--revision"))
				o->revision = v;
			else
				o->budget = v;
		} else if (a[0] == '-' && a[1]) {
			return output_usage("plan", "unknown option %s", a);
		} else if (!o->issue) {
			o->issue = a;
		} else {
			return output_usage("plan", "one ISSUE only, not %s",
					    a);
		}
	}
	if (o->feedback && !o->plan_id)
		return output_usage("plan", "--feedback revises a plan: name "
				    "it with --plan ID");
	if (!o->issue && !o->plan_id)
		return output_usage("plan", "ISSUE is missing (a Markdown "
				    "file, or an issue key)");
	if (!o->issue && o->plan_id && !o->feedback)
		return -1; /* show the stored plan */
	return 0;
}

int cmd_plan(int argc, char **argv)
{
	struct options o = { 0 };
	struct client *c = NULL;
	struct buf root = BUF_INIT, params = BUF_INIT, result = BUF_INIT;
	struct buf out = BUF_INIT;
	struct json_writer w;
	struct progress pr = { 0 };
	struct err e = ERR_INIT;
	char cwd[PATH_MAX];
	const char *method = "plan/generate";
	int code = 0, r = parse_args(argc, argv, &o), status = EXIT_USAGE;

	if (r > 0)
		return r;
	if (r < 0)
		method = "plan/get";
	if (!getcwd(cwd, sizeof(cwd))) {
		fputs("airunner: plan: cannot read the current folder\n",
		      stderr);
		return EXIT_USAGE;
	}
	/* A stored plan can be shown from anywhere; a new one is of the
	 * work tree we stand in. */
	if (verification_work_tree(&root, &e) < 0) {
		if (r == 0) {
			fprintf(stderr, "airunner: plan: %s\n", e.msg.ptr);
			goto out;
		}
		err_clear(&e);
		buf_adds(&root, cwd);
	}
	env_scrub_git();
	json_writer_init(&w, &params);
	json_obj_begin(&w);
	if (r < 0) {
		json_kv_int(&w, "planId", o.plan_id);
		if (o.revision)
			json_kv_int(&w, "revision", o.revision);
	} else {
		json_kv_str(&w, "root", root.ptr);
		if (o.issue)
			issue_param(&w, o.issue, cwd);
		if (o.feedback)
			json_kv_str(&w, "feedback", o.feedback);
		if (o.plan_id)
			json_kv_int(&w, "planId", o.plan_id);
		if (o.budget)
			json_kv_int(&w, "thinkingBudget", o.budget);
		if (o.model)
			json_kv_str(&w, "model", o.model);
		json_kv_str(&w, "origin", "cli");
		if (!o.json && output_interactive(STDERR_FILENO))
			json_kv_str(&w, "workDoneToken", "airunner-plan");
	}
	json_obj_end(&w);
	if (client_open(&c, o.socket, root.ptr,
			o.stdio ? CLIENT_STDIO : CLIENT_AUTOSTART, 5000,
			&e) < 0) {
		fprintf(stderr, "airunner: plan: %s\n", e.msg.ptr);
		goto out;
	}
	client_on_notify(c, on_notify, &pr);
	r = client_call(c, method, params.ptr, 0, &result, &code, &e);
	if (pr.drawn)
		fputs("\n", stderr);
	if (r < 0) {
		fprintf(stderr, "airunner: plan: %s\n", e.msg.ptr);
		if (e.kind == ERR_RPC && result.len) {
			struct json_doc d = JSON_DOC_INIT;

			/* The validation errors, one a line. */
			if (json_parse(&d, result.ptr, result.len, 0, NULL) == 0)
				add_bullets(&out, &d, json_get(&d, 0, "errors"),
					    "  ");
			json_doc_release(&d);
			output_write(stderr, &out);
		}
		status = e.kind == ERR_RPC ? EXIT_FAILED : EXIT_USAGE;
		goto out;
	}
	if (o.json) {
		buf_addch(&result, '\n');
		status = output_write(stdout, &result) < 0 ? EXIT_USAGE
							  : EXIT_OK;
		goto out;
	}
	if (render(&out, &result, !strcmp(method, "plan/generate"), &e) < 0) {
		fprintf(stderr, "airunner: plan: unreadable result: %s\n",
			e.msg.ptr);
		goto out;
	}
	status = output_write(stdout, &out) < 0 ? EXIT_USAGE : EXIT_OK;
out:
	client_close(c);
	buf_release(&root);
	buf_release(&params);
	buf_release(&result);
	buf_release(&out);
	err_clear(&e);
	return status;
}
