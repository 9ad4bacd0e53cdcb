#include "cli/classify_cmd.h"

#include <errno.h>
#include <git2.h>
#include <limits.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "classify/classify.h"
#include "cli/output.h"
#include "cli/sarif.h"
#include "hooks/report.h"
#include "json/json.h"

enum format { FMT_REPORT, FMT_JSON, FMT_SARIF, FMT_GNU };

static int parse_format(const char *s, enum format *out)
{
	static const char *const names[] = { "report", "json", "sarif",
					     "gnu" };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(s, names[i])) {
			*out = (enum format)i;
			return 0;
		}
	return -1;
}

/* The whole of stdin into b. */
static int read_stdin(struct buf *b, struct err *e)
{
	char chunk[65536];
	ssize_t n;

	for (;;) {
		n = read(STDIN_FILENO, chunk, sizeof(chunk));
		if (n == 0)
			return 0;
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return err_set_errno(e, ERR_IO, "reading standard input");
		if (buf_add(b, chunk, (size_t)n) < 0)
			return err_set(e, ERR_TOO_BIG, "standard input is "
				       "larger than %zu bytes", b->max);
	}
}

/* The work tree around the cwd, for the repo's own patterns; NULL outside
 * one (a log in CI, a scratch folder): the shipped patterns only. libgit2
 * stays started for the process: reading the configuration next needs it,
 * and a second start costs what the first did (Debian's build parses every
 * CA certificate then), half of a short classify. */
static char *workspace(void)
{
	git_repository *repo = NULL;
	char *top = NULL;
	const char *wd;

	git_libgit2_init();
	if (git_repository_open_ext(&repo, ".", 0, NULL) == 0 &&
	    (wd = git_repository_workdir(repo)))
		top = strdup(wd);
	git_repository_free(repo);
	return top;
}

/* Text of a diagnostic on one line: a newline in a message would start a
 * line a reader of the format takes for another entry. */
static void add_line(struct buf *out, const char *s)
{
	for (; *s; s++)
		buf_addch(out, *s == '\n' || *s == '\r' ? ' ' : *s);
}

/* file:line:col: severity: [category] message, GNU's format (gcc's own),
 * what vim's default 'errorformat', Emacs' compilation mode and VS Code's
 * $gcc problem matcher read. No file: the tool's name stands for it. */
static void write_gnu(struct buf *out, const struct diag_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct diag *d = &l->v[i];

		if (d->file && *d->file) {
			add_line(out, d->file);
			if (d->line > 0)
				buf_addf(out, ":%d", d->line);
			if (d->line > 0 && d->column > 0)
				buf_addf(out, ":%d", d->column);
		} else {
			add_line(out, d->tool ? d->tool : "airunner");
		}
		buf_addf(out, ": %s: [%s] ", diag_severity_name(d->severity),
			 d->category);
		add_line(out, d->message ? d->message : "");
		buf_addch(out, '\n');
	}
}

int cmd_classify(int argc, char **argv)
{
	struct classify_cache *patterns = NULL;
	struct classify_db *db = NULL;
	struct diag_list l = DIAG_LIST_INIT;
	struct buf in = BUF_INIT, out = BUF_INIT, json = BUF_INIT;
	struct err e = ERR_INIT;
	struct json_writer w;
	enum format fmt = FMT_REPORT;
	const char *tool = NULL, *file = NULL, *fmtname = NULL;
	struct classify_opts opts = { 0 };
	int failed = -1; /* -1: read from the log */
	char *ws = NULL;
	char cwd[PATH_MAX];
	int64_t errors = 0;
	int status = EXIT_USAGE;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--tool") && i + 1 < argc)
			tool = argv[++i];
		else if (!strncmp(a, "--tool=", 7))
			tool = a + 7;
		else if (!strcmp(a, "--format") && i + 1 < argc)
			fmtname = argv[++i];
		else if (!strncmp(a, "--format=", 9))
			fmtname = a + 9;
		else if (!strcmp(a, "--json"))
			fmtname = "json";
		else if (!strcmp(a, "--failed"))
			failed = 1;
		else if (!strcmp(a, "--passed"))
			failed = 0;
		else if (a[0] == '-' && a[1])
			return output_usage("classify", "unknown option %s", a);
		else if (!file)
			file = a;
		else
			return output_usage("classify", "one log at a time: "
					    "unexpected %s", a);
	}
	if (fmtname && parse_format(fmtname, &fmt) < 0)
		return output_usage("classify", "unknown format %s (report, "
				    "json, sarif or gnu)", fmtname);
	if (!file || !strcmp(file, "-")) {
		if (read_stdin(&in, &e) < 0)
			goto fail;
	} else if (buf_read_file(&in, file, BUF_DEFAULT_MAX) < 0) {
		err_set_errno(&e, ERR_IO, "cannot read %s", file);
		goto fail;
	}
	ws = workspace();
	patterns = classify_cache_new();
	/* a failed run is never zero problems; a passing one's log gets no
	 * invented error */
	opts.tool_hint = tool;
	opts.failed = failed < 0 ? classify_output_failed(in.ptr, in.len)
				 : failed == 1;
	if (classify_db_acquire(patterns, &db, ws, &e) < 0 ||
	    classify_text_opts(db, &opts, in.ptr, in.len, &l, NULL, &e) < 0)
		goto fail;
	for (size_t i = 0; i < l.n; i++)
		errors += l.v[i].severity == DIAG_ERROR;

	switch (fmt) {
	case FMT_JSON:
		json_writer_init(&w, &out);
		classify_write_result(&w, &l);
		buf_addch(&out, '\n');
		break;
	case FMT_SARIF:
		sarif_write(&out, &l, getcwd(cwd, sizeof(cwd)) ? cwd : "/");
		break;
	case FMT_GNU:
		write_gnu(&out, &l);
		break;
	case FMT_REPORT:
		json_writer_init(&w, &json);
		classify_write_result(&w, &l);
		if (report_render_diagnostics(&out, json.ptr, json.len,
					      output_color(STDOUT_FILENO)
						      ? REPORT_COLOR : 0,
					      &errors, &e) < 0)
			goto fail;
		break;
	}
	if (output_write(stdout, &out) < 0)
		goto out;
	status = errors ? EXIT_FAILED : EXIT_OK;
	goto out;
fail:
	fprintf(stderr, "airunner: classify: %s\n", e.msg.ptr);
out:
	classify_db_release(db);
	classify_cache_free(patterns);
	diag_list_release(&l);
	buf_release(&in);
	buf_release(&out);
	buf_release(&json);
	free(ws);
	err_clear(&e);
	return status;
}
