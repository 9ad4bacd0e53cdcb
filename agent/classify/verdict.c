/*
 * Did the run that printed this output fail? For a log given without its
 * exit status (`airunner classify LOG`, errors/classify without `failed`):
 * a failed run is never reported as zero problems, a passing one never gets
 * an invented error.
 *
 * Strong signs are what tools of every kind print when they fail: a line
 * that opens with error / fatal / FAIL / panic / a traceback / a signal's
 * name, an error's spelling inside a line (": error", "error[E",
 * "TypeError:", "exited with code 2", "make: ***"), a count of failures
 * that is not zero ("2 failed", "4 offenses"), or a place whose message is
 * not a warning or a note ("v.go:6:2: format %s has arg n of wrong type
 * int": a checker's finding). Weak signs are an error's words anywhere
 * ("Parse error near line 2", "no such column", "cannot", "unexpected",
 * and whatever the general layer's words name: "import cycle not
 * allowed"); they count only when the log does not also say it passed
 * ("12 passing", "0 errors"), since a passing suite names errors in its
 * tests. A log over 512 KiB is read at its two ends.
 */
#include <ctype.h>
#include <string.h>

#include "classify/classify.h"
#include "classify/general.h"
#include "util/buf.h"

/* What a line opens with when the run failed. Case as tools print it. */
static const char *const openers[] = {
	"error", "Error", "ERROR", "fatal", "Fatal", "FATAL", "FAIL",
	"Failed", "failed", "Failure", "FAILURE", "Traceback",
	"panic:", "Segmentation fault", "Aborted", "Killed", "Bus error",
	"Illegal instruction", "Floating point exception", "Uncaught",
	"Unhandled", "Exception", "npm ERR!", "not ok ", "--- FAIL",
	"BUILD FAILED", "E   ", "\xe2\x9c\x96" /* ✖ */, "\xe2\x9c\x97" /* ✗ */,
	"\xe2\x9c\x98" /* ✘ */, "\xe2\x9c\x95" /* ✕ */, "\xe2\x9d\x8c" /* ❌ */,
	"** (" /* Elixir's raised error: "** (Mix) Can't continue" */,
	"*** - " /* CLISP's: "*** - READ: input stream ... ends within" */,
	"E: " /* Debian's tools: apt's "E: Unable to locate package x",
	       * lintian's "E: pkg: tag" */,
	"*** Failed! " /* QuickCheck's falsified property */,
	"Rewriting " /* a fixer that changed a file, which fails its check
		      * (pyupgrade's "Rewriting a.py", a pre-commit hook's) */,
};

/* What a failed run prints inside a line. A word ending in a blank is a
 * status read after it ("exit code 0" is none). */
static const char *const inside[] = {
	": error", ": fatal", "error[", "Error:", "Exception:", "ERROR:",
	"FAILED", "exited with code ", "exit status ", "exit code ",
	"returned non-zero", "non-zero exit", "core dumped", "ut of memory",
	"Permission denied", "command not found", "No such file or directory",
	"tack overflow", "undefined reference", "panicked at", "make: ***",
	"]: ***", "Sanitizer", "Assertion failed", "assertion failed",
	"would reformat", "would be reformatted",
	/* a copied-code detector's count (jsinspect's "1 match found
	 * across 2 files"; none found says "No matches found") */
	"match found across", "matches found across",
	/* a budget gone over (size-limit's "Package size limit has
	 * exceeded by 1 kB") */
	"limit has exceeded",
	/* a gate's own failure (coverage.py's "Coverage failure: total of
	 * 62 is less than fail-under=90"), a tool that stops itself
	 * (license-checker's "... not permitted by the --onlyAllow flag.
	 * Exiting.") */
	"failure: ", ". Exiting.", ". Aborting.",
};

/* Counted words: a sign after a number that is not 0 ("2 failed"). */
static const char *const counted[] = {
	"failed", "failing", "failures", "failure", "errors", "error",
	"error(s)", "offenses", "offences", "problems", "problem",
	"violations", "violation", "issues", "issue",
};

/* An error's words anywhere: signs when the log does not say it passed. */
static const char *const weak[] = {
	"error", "Error", "ERROR", "no such ", "No such ", "cannot ",
	"Cannot ", "can't ", "could not ", "Could not ", "unable to ",
	"Unable to ", "couldn't ", "Couldn't ", "not found", "undefined",
	"Undefined", "unexpected",
	"Unexpected", "invalid ", "Invalid ", "Missing ", "missing ",
	"Expecting ", "expecting ", "Expected ", "expected ",
	"failed" /* "a.ts failed for `.ts` rules: kebabcase" (ls-lint) */,
};

/* What a passing run says of itself. */
static const char *const passed[] = {
	" passing", " passed", "PASS", "SUCCESS", "Success", "successful",
	"0 errors", "0 failed", "no errors", "No errors", "All tests passed",
};

/* w at l[at..] as a word of its own: no letter or digit on either side
 * where w itself starts or ends with one ("error:", not "errors.go",
 * "Failover" or "terror"). */
static bool whole(const char *l, size_t n, size_t at, const char *w)
{
	size_t k = strlen(w);

	if (isalnum((unsigned char)w[0]) && at > 0 &&
	    (isalnum((unsigned char)l[at - 1]) || l[at - 1] == '_'))
		return false;
	if (isalnum((unsigned char)w[k - 1]) && at + k < n &&
	    (isalnum((unsigned char)l[at + k]) || strchr("_./-", l[at + k])))
		return false;
	return true;
}

/* The number right before l[at], if any: 0 for "0 ", 1+ for "2 ", -1 for
 * none ("no failures" counts as 0). */
static long count_before(const char *l, size_t at)
{
	size_t b = at, t;
	long v = 0;

	while (b > 0 && l[b - 1] == ' ')
		b--;
	if (b == at)
		return -1;
	for (t = b; t > 0 && isdigit((unsigned char)l[t - 1]); t--)
		;
	if (t == b)
		return b >= 2 && (l[b - 2] == 'n' || l[b - 2] == 'N') &&
				       l[b - 1] == 'o' &&
				       (b == 2 || !isalpha((unsigned char)l[b - 3]))
			       ? 0
			       : -1;
	for (; t < b && v < 1000000; t++)
		v = v * 10 + (l[t] - '0');
	return v;
}

/* Does l[0..n) hold w at a place where test(l, n, at, w) says yes? */
static bool find(const char *l, size_t n, const char *w,
		 bool (*test)(const char *, size_t, size_t, const char *))
{
	const char *p = l;
	size_t len = strlen(w);

	while ((p = memmem(p, n - (size_t)(p - l), w, len))) {
		if (test(l, n, (size_t)(p - l), w))
			return true;
		p += len;
	}
	return false;
}

static bool status_or_any(const char *l, size_t n, size_t at, const char *w)
{
	size_t k = strlen(w), e = at + k;

	if (w[k - 1] != ' ')
		return true;
	return !(e < n && l[e] == '0' && (e + 1 == n || !isdigit((unsigned char)l[e + 1])));
}

static bool counted_nonzero(const char *l, size_t n, size_t at, const char *w)
{
	size_t b = at, t;
	long c;

	if (!whole(l, n, at, w))
		return false;
	if ((c = count_before(l, at)) >= 0)
		return c > 0;
	/* one word of what kind between them: mdspell's "2 spelling errors
	 * found", "3 type errors" */
	while (b > 0 && l[b - 1] == ' ')
		b--;
	for (t = b; t > 0 && isalpha((unsigned char)l[t - 1]); t--)
		;
	return b - t >= 3 && t < at && count_before(l, t) > 0;
}

static bool weak_word(const char *l, size_t n, size_t at, const char *w)
{
	return whole(l, n, at, w) && count_before(l, at) != 0;
}

static bool any(const char *l, size_t n, size_t at, const char *w)
{
	(void)l, (void)n, (void)at, (void)w;
	return true;
}

/* "path:line[:col]: message" whose words say neither warning nor note. */
static bool place_failed(const char *l, size_t n)
{
	struct cl_loc loc;
	struct cl_words w;

	if (cl_loc_read(l, n, &loc) != CL_LOC_INLINE || !loc.file_len ||
	    loc.line <= 0 || !loc.msg_len)
		return false;
	cl_words_read(l + loc.msg, loc.msg_len, &w);
	return !w.note && w.sev != DIAG_WARNING && w.sev != DIAG_NOTE;
}

#define EACH(i, a) for (i = 0; i < sizeof(a) / sizeof(*(a)); i++)

/* A place alone on its line ("a.pug:1:4", no severity before it): a
 * report's head whose message comes under it. */
static bool lone_place(const char *l, size_t n)
{
	struct cl_loc loc;

	return n && cl_may_place(l, n) && cl_loc_read(l, n, &loc) == CL_LOC_ALONE &&
	       loc.file_len && loc.line > 0 && !loc.pre_len;
}

/* "  1:7  msg  rule" under a file's own line (a stylish report): a row
 * whose words say neither warning nor note. */
static bool stylish_row(const char *l, size_t n)
{
	struct cl_loc loc;
	struct cl_words w;

	if (!n || (l[0] != ' ' && l[0] != '\t') ||
	    cl_header_place(l, n, &loc) != CL_LOC_INLINE || !loc.col)
		return false;
	cl_words_read(l + loc.msg, loc.msg_len, &w);
	return !w.note && w.sev != DIAG_WARNING && w.sev != DIAG_NOTE;
}

/* A linter's finding by its shape, whatever its words: a line and a
 * column told in words ("\"x\" may be passive voice on line 3 at column
 * 9", write-good's console; "at line 3, column 9"), or a line number
 * heading a rule's code ("1: T3 Title has trailing punctuation", gitlint's;
 * "12: E501 line too long"). A weak sign: a passing run may print one. */
static bool finding_shape(const char *l, size_t n)
{
	size_t i = 0, c;

	while (i < n && isdigit((unsigned char)l[i]))
		i++;
	if (i && i + 2 < n && l[i] == ':' && l[i + 1] == ' ') {
		for (i += 2, c = i; i < n && isupper((unsigned char)l[i]); i++)
			;
		if (i > c && i - c <= 4 && i < n && isdigit((unsigned char)l[i])) {
			for (c = i; i < n && isdigit((unsigned char)l[i]); i++)
				;
			if (i - c <= 5 && i < n && l[i] == ' ')
				return true;
		}
	}
	/* "line" and "col" both: most lines have no "ine " */
	return memmem(l, n, "ine ", 4) && cl_line_in_words(l, n) > 0 &&
	       cl_col_in_words(l, n) >= 0;
}

/* "a.py: Unused imports/variables detected" (autoflake --check's): a file
 * heading words that name a kind of finding, a linter's too. A weak
 * sign: the run's other lines may say it passed. */
static bool file_finding(const char *l, size_t n)
{
	const char *c = memchr(l, ':', n < 256 ? n : 256);
	struct cl_words w;
	size_t k;

	if (!c || c == l || (size_t)(c - l) + 2 >= n || c[1] != ' ' ||
	    !memchr(l, '.', (size_t)(c - l)))
		return false;
	for (k = 0; l + k < c; k++)
		if (l[k] == ' ' || l[k] == '\t')
			return false;
	cl_words_read(c + 2, n - (size_t)(c + 2 - l), &w);
	return w.category != NULL;
}

static bool strong_sign(const char *l, size_t n)
{
	size_t i = 0, k;

	/* colour and indentation before the first word */
	for (;;) {
		while (i < n && (l[i] == ' ' || l[i] == '\t'))
			i++;
		if (i + 1 < n && l[i] == '\x1b' && l[i + 1] == '[') {
			while (i < n && l[i] != 'm')
				i++;
			i += i < n;
			continue;
		}
		break;
	}
	EACH(k, openers)
		if (n - i >= strlen(openers[k]) &&
		    !memcmp(l + i, openers[k], strlen(openers[k])) &&
		    whole(l + i, n - i, 0, openers[k]))
			return true;
	EACH(k, inside)
		if (find(l, n, inside[k], status_or_any))
			return true;
	EACH(k, counted)
		if (find(l, n, counted[k], counted_nonzero))
			return true;
	return place_failed(l, n);
}

/* A long log is read at its two ends: what a failed run says of itself
 * (its error, its summary, its exit status) is there, and the rest would
 * cost more than classifying it. */
#define VERDICT_END_BYTES ((size_t)256 << 10)

/* Reads the lines of text[from..to) (to at a line's end or the text's),
 * into *weak_seen and *passed_seen; true at a strong sign. */
static bool read_lines(const char *text, size_t from, size_t to,
		       bool *weak_seen, bool *passed_seen)
{
	const char *p = text + from, *end = text + to;
	size_t k;
	/* the line before: a place alone, a file's own line (or a row
	 * under it) */
	bool lone = false, headed = false;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (strong_sign(p, n))
			return true;
		/* what a report looks like, whatever its words: a place
		 * alone over a code frame quoting the source (pug-lint's
		 * console, "a.pug:1:4" over "  > 1| DIV#main"), a stylish
		 * file header over a "  1:7  msg" row that is no warning */
		if (!*weak_seen && ((lone && cl_source_line(p, n)) ||
				    (headed && stylish_row(p, n))))
			*weak_seen = true;
		if (!*weak_seen) {
			lone = lone_place(p, n);
			headed = (headed && n && (p[0] == ' ' || p[0] == '\t')) ||
				 (n && p[0] != ' ' && cl_path_line(p, n));
		}
		EACH(k, weak)
			*weak_seen = *weak_seen || find(p, n, weak[k], weak_word);
		*weak_seen = *weak_seen || finding_shape(p, n) || file_finding(p, n);
		/* the general layer's words for what went wrong ("import
		 * cycle not allowed"), but a linter's */
		if (!*weak_seen && n) {
			struct cl_words w;

			cl_words_read(p, n, &w);
			*weak_seen = w.category &&
				     !cl_cat_is(w.category, CAT_LINT_VIOLATION);
		}
		EACH(k, passed)
			*passed_seen = *passed_seen || find(p, n, passed[k], any);
		p += n + 1;
	}
	return false;
}

static bool output_failed(const char *text, size_t len)
{
	bool weak_seen = false, passed_seen = false;
	size_t head = len, tail;
	const char *nl;

	if (len > 2 * VERDICT_END_BYTES) {
		/* whole lines: the head up to a line's end, the tail from
		 * one's start */
		nl = memchr(text + VERDICT_END_BYTES, '\n', len - VERDICT_END_BYTES);
		head = nl ? (size_t)(nl - text) : len;
		nl = memchr(text + len - VERDICT_END_BYTES, '\n', VERDICT_END_BYTES);
		tail = nl ? (size_t)(nl - text) + 1 : len;
		if (tail < head)
			tail = head;
		if (read_lines(text, tail, len, &weak_seen, &passed_seen))
			return true;
	}
	if (read_lines(text, 0, head, &weak_seen, &passed_seen))
		return true;
	return weak_seen && !passed_seen;
}

bool classify_output_failed(const char *text, size_t len)
{
	struct buf relayed = BUF_INIT;
	bool failed;

	if (!classify_relay(text, len, &relayed))
		return output_failed(text, len);
	failed = output_failed(relayed.ptr, relayed.len);
	buf_release(&relayed);
	return failed;
}
