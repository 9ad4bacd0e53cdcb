#include "hooks/report.h"

#include <stdint.h>
#include <string.h>

#include "json/json.h"

/* Lines of a failed check's output shown when it yielded no diagnostics. */
#define TAIL_LINES 15

#define C_RED "\033[31m"
#define C_YELLOW "\033[33m"
#define C_GREEN "\033[32m"
#define C_BOLD "\033[1m"
#define C_DIM "\033[2m"
#define C_OFF "\033[0m"

struct out {
	struct buf *b;
	bool color;
};

static void color(struct out *o, const char *code)
{
	if (o->color)
		buf_adds(o->b, code);
}

/*
 * Tool text goes to a terminal: control characters (an escape sequence in a
 * message could rewrite the screen) become '?', and a newline keeps the
 * continuation indented under its line.
 */
static void add_text(struct out *o, const char *s, size_t n,
		     const char *indent)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n')
			buf_addf(o->b, "\n%s", indent);
		else if ((c < 0x20 && c != '\t') || c == 0x7f)
			buf_addch(o->b, '?');
		else
			buf_addch(o->b, c);
	}
}

/* doc[obj][key] as a string into tmp ("" when absent or not a string). */
static const char *str(const struct json_doc *d, int obj, const char *key,
		       struct buf *tmp)
{
	buf_reset(tmp);
	json_str(d, json_get(d, obj, key), tmp);
	return tmp->ptr;
}

static int64_t num(const struct json_doc *d, int obj, const char *key)
{
	int64_t v = 0;

	json_int64(d, json_get(d, obj, key), &v);
	return v;
}

static bool flag(const struct json_doc *d, int obj, const char *key)
{
	bool v = false;

	json_bool(d, json_get(d, obj, key), &v);
	return v;
}

static void add_duration(struct buf *b, int64_t ms)
{
	if (ms < 1000)
		buf_addf(b, "%lld ms", (long long)ms);
	else
		buf_addf(b, "%.1f s", (double)ms / 1000.0);
}

static void add_plural(struct buf *b, int64_t n, const char *what)
{
	buf_addf(b, "%lld %s%s", (long long)n, what, n == 1 ? "" : "s");
}

static bool failing(const char *status)
{
	return !strcmp(status, "failed") || !strcmp(status, "timeout") ||
	       !strcmp(status, "error") || !strcmp(status, "cancelled");
}

/* "tsc failed", "hang timed out": the check's verdict in a few words. */
static void add_verdict(struct buf *b, const char *name, const char *status)
{
	if (!strcmp(status, "timeout"))
		buf_addf(b, "%s timed out", name);
	else if (!strcmp(status, "error"))
		buf_addf(b, "%s could not run", name);
	else
		buf_addf(b, "%s %s", name, status);
}

/* file:line:col: category: message, then the hint under it. */
static void render_diag(struct out *o, const struct json_doc *d, int diag,
			struct buf *tmp)
{
	const char *s;
	bool warning;
	int64_t line = num(d, diag, "line"), col = num(d, diag, "column");

	s = str(d, diag, "severity", tmp);
	warning = strcmp(s, "error") != 0;
	color(o, C_BOLD);
	s = str(d, diag, "file", tmp);
	if (*s) {
		add_text(o, s, tmp->len, "");
		if (line > 0)
			buf_addf(o->b, ":%lld", (long long)line);
		if (line > 0 && col > 0)
			buf_addf(o->b, ":%lld", (long long)col);
	} else {
		s = str(d, diag, "tool", tmp);
		add_text(o, *s ? s : "output", *s ? tmp->len : 6, "");
	}
	buf_adds(o->b, ": ");
	color(o, C_OFF);
	color(o, warning ? C_YELLOW : C_RED);
	s = str(d, diag, "category", tmp);
	add_text(o, *s ? s : "unknown", *s ? tmp->len : 7, "");
	if (warning)
		buf_adds(o->b, " (warning)");
	color(o, C_OFF);
	buf_adds(o->b, ": ");
	str(d, diag, "message", tmp);
	add_text(o, tmp->ptr, tmp->len, "    ");
	buf_addch(o->b, '\n');
	s = str(d, diag, "hint", tmp);
	if (*s) {
		color(o, C_DIM);
		buf_adds(o->b, "    hint: ");
		add_text(o, s, tmp->len, "          ");
		color(o, C_OFF);
		buf_addch(o->b, '\n');
	}
}

/* The last TAIL_LINES lines of a check's output, indented. */
static void render_tail(struct out *o, const char *s, size_t n,
			bool truncated)
{
	size_t start = n, lines = 0;

	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
		n--;
	if (n == 0)
		return;
	start = n;
	while (start > 0 && lines < TAIL_LINES) {
		start--;
		if (s[start] == '\n' && ++lines == TAIL_LINES) {
			start++;
			break;
		}
	}
	if (start > 0 || truncated)
		buf_adds(o->b, "    ...\n");
	buf_adds(o->b, "    ");
	add_text(o, s + start, n - start, "    ");
	buf_addch(o->b, '\n');
}

static void render_check(struct out *o, const struct json_doc *d, int chk,
			 struct buf *tmp)
{
	struct buf name = BUF_INIT;
	const char *status;
	bool blocking = flag(d, chk, "blocking");
	int diags = json_get(d, chk, "diagnostics");
	int64_t code = num(d, chk, "exitCode"), ms = num(d, chk, "durationMs");

	str(d, chk, "name", &name);
	status = str(d, chk, "status", tmp);
	if (!failing(status) && json_count(d, diags) == 0)
		goto out;
	color(o, C_BOLD);
	color(o, failing(status) && blocking ? C_RED : C_YELLOW);
	add_text(o, name.ptr, name.len, "");
	buf_addch(o->b, ' ');
	if (!strcmp(status, "timeout")) {
		buf_adds(o->b, "timed out after ");
		add_duration(o->b, ms);
		buf_adds(o->b, "; its processes were killed");
	} else if (!strcmp(status, "failed")) {
		buf_addf(o->b, "failed (exit %lld, ", (long long)code);
		add_duration(o->b, ms);
		buf_addch(o->b, ')');
	} else if (!strcmp(status, "error")) {
		buf_adds(o->b, "could not run");
	} else if (!strcmp(status, "passed")) {
		buf_adds(o->b, "passed with warnings");
	} else {
		add_text(o, status, strlen(status), "");
	}
	if (failing(status) && !blocking)
		buf_adds(o->b, " (not blocking)");
	color(o, C_OFF);
	buf_addch(o->b, '\n');
	if (json_count(d, diags) > 0) {
		for (int g = json_first(d, diags); g >= 0; g = json_next(d, g))
			render_diag(o, d, g, tmp);
	} else {
		size_t n;
		const char *s;

		buf_reset(tmp);
		json_str(d, json_get(d, chk, "output"), tmp);
		s = tmp->ptr;
		n = tmp->len;
		render_tail(o, s, n, flag(d, chk, "truncated"));
	}
out:
	buf_release(&name);
}

int report_render(struct buf *out, const char *json, size_t len,
		  unsigned flags, bool *blocked, struct err *e)
{
	struct json_doc d = JSON_DOC_INIT;
	struct buf tmp = BUF_INIT, failed = BUF_INIT;
	struct out o = { out, (flags & REPORT_COLOR) != 0 };
	int checks, sum, nran = 0;
	bool ok;
	int64_t errors = 0, warnings = 0;
	size_t mark = out->len;
	int r = -1;

	if (json_parse(&d, json, len, JSON_MAX_DEPTH_DEFAULT, e) < 0)
		goto out;
	checks = json_get(&d, 0, "checks");
	if (json_bool(&d, json_get(&d, 0, "ok"), &ok) < 0 ||
	    json_type(&d, checks) != JSON_ARRAY) {
		err_set(e, ERR_INVALID_PARAMS,
			"not a verify/run result: no `ok` or `checks`");
		goto out;
	}
	*blocked = !ok;
	for (int c = json_first(&d, checks); c >= 0; c = json_next(&d, c)) {
		const char *status = str(&d, c, "status", &tmp);

		/* A skipped check covered none of the files: it did not run. */
		nran += strcmp(status, "skipped") != 0;
		if (failing(status)) {
			struct buf name = BUF_INIT;

			str(&d, c, "name", &name);
			if (failed.len)
				buf_adds(&failed, ", ");
			add_verdict(&failed, name.ptr, status);
			buf_release(&name);
		}
		render_check(&o, &d, c, &tmp);
	}
	if (nran == 0 && ok) {
		r = 0; /* nothing applies: the commit passes quietly */
		goto out;
	}
	sum = json_get(&d, 0, "summary");
	errors = num(&d, sum, "errors");
	warnings = num(&d, sum, "warnings");
	color(&o, C_BOLD);
	buf_adds(out, "airunner: ");
	add_plural(out, errors, "error");
	buf_adds(out, ", ");
	add_plural(out, warnings, "warning");
	buf_adds(out, " in ");
	add_plural(out, nran, "check");
	if (failed.len) {
		buf_adds(out, " (");
		add_text(&o, failed.ptr, failed.len, "");
		buf_addch(out, ')');
	}
	if (flag(&d, 0, "cached"))
		buf_adds(out, ", cached");
	buf_adds(out, " \xe2\x80\x94 "); /* em dash */
	color(&o, ok ? C_GREEN : C_RED);
	buf_adds(out, ok ? "ok"
		 : (flags & REPORT_NO_COMMIT) ? "failed" : "commit blocked");
	color(&o, C_OFF);
	buf_addch(out, '\n');
	if (!ok && !(flags & REPORT_NO_COMMIT))
		buf_adds(out, "airunner: to have it fixed: airunner fix "
			      "(then git commit again)\n");
	r = 0;
out:
	if (r < 0)
		buf_truncate(out, mark);
	json_doc_release(&d);
	buf_release(&tmp);
	buf_release(&failed);
	return r;
}

static void render_summary(struct out *o, int64_t errors, int64_t warnings)
{
	color(o, C_BOLD);
	buf_adds(o->b, "airunner: ");
	color(o, errors ? C_RED : warnings ? C_YELLOW : C_GREEN);
	add_plural(o->b, errors, "error");
	buf_adds(o->b, ", ");
	add_plural(o->b, warnings, "warning");
	color(o, C_OFF);
	buf_addch(o->b, '\n');
}

int report_render_diagnostics(struct buf *out, const char *json, size_t len,
			      unsigned flags, int64_t *errors, struct err *e)
{
	struct json_doc d = JSON_DOC_INIT;
	struct buf tmp = BUF_INIT;
	struct out o = { out, (flags & REPORT_COLOR) != 0 };
	int diags, sum;
	size_t mark = out->len;
	int r = -1;

	if (json_parse(&d, json, len, JSON_MAX_DEPTH_DEFAULT, e) < 0)
		goto out;
	diags = json_get(&d, 0, "diagnostics");
	sum = json_get(&d, 0, "summary");
	if (json_type(&d, diags) != JSON_ARRAY ||
	    json_type(&d, sum) != JSON_OBJECT) {
		err_set(e, ERR_INVALID_PARAMS, "not an errors/classify result: "
			"no `diagnostics` or `summary`");
		goto out;
	}
	for (int g = json_first(&d, diags); g >= 0; g = json_next(&d, g))
		render_diag(&o, &d, g, &tmp);
	*errors = num(&d, sum, "errors");
	render_summary(&o, *errors, num(&d, sum, "warnings"));
	r = 0;
out:
	if (r < 0)
		buf_truncate(out, mark);
	json_doc_release(&d);
	buf_release(&tmp);
	return r;
}
