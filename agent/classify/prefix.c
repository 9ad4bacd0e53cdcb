/*
 * What a runner puts before every line of the output it relays: a CI
 * service's timestamp ("2024-05-01T12:00:03.2345678Z " on GitHub Actions,
 * Azure Pipelines and `docker logs -t`; GitLab's adds a stream tag, "00O ";
 * a daemon's "2024/01/01 00:00:00| ", squid's),
 * BuildKit's step and seconds ("#11 2.981 ", and "2.981 " in the recap of a
 * failed step), Compose's service ("app-1  | "), a task runner's clock
 * ("[12:00:01] "), a daemon's seconds since the epoch ("1700000000: ",
 * mosquitto's), sbt's level ("[info] ", and "[error] " before what
 * continues a report: the source and carets under a place), Valgrind's
 * process ("==4021== ", before every line of its tools' reports). Under it, a tool's own lines are as the tool printed
 * them; the readers of classify.c look for them at the line's start.
 *
 * Which prefix a log carries is decided once, from its first lines (most of
 * those that are not blank must carry it), so a log without one costs a
 * look at those lines only. Then every line that carries it loses it; the
 * lines stay where they were, so line numbers do not move (but for a task
 * runner's, below).
 *
 * A task runner that runs several tasks at once labels each line with its
 * task (Turborepo's "web:lint: ", pnpm's "apps/web lint: ", concurrently's
 * "[lint] "), and the tasks' lines interleave: each task's lines are
 * gathered, in the order the tasks first spoke, so that a report of several
 * lines (eslint's file over its rows) reads whole.
 *
 * go test -json relays its tests' lines too, each in an event of its own:
 * the lines are the events' "Output", in turn.
 */
#include "classify/prefix.h"

#include <stdlib.h>
#include <string.h>

#include "classify/classify.h"
#include "classify/dirs.h"
#include "json/json.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/mem.h"

enum prefix_kind { PX_NONE, PX_STAMP, PX_BUILDKIT, PX_COMPOSE, PX_CLOCK, PX_EPOCH,
		   PX_LEVEL, PX_VALGRIND, PX_VTEST, PX_TASK };

/* lines sampled to decide; fewer than PREFIX_MIN_LINES carrying one is
 * chance */
enum { PREFIX_SAMPLE = 64, PREFIX_MIN_LINES = 2 };
/* tasks told apart in those lines, at most, for their labels to count as a
 * task runner's */
enum { TASKS_MAX = 12 };

static bool digits(const char *p, size_t n, size_t at, size_t count)
{
	size_t k;

	if (at + count > n)
		return false;
	for (k = at; k < at + count; k++)
		if (p[k] < '0' || p[k] > '9')
			return false;
	return true;
}

/* "HH:MM:SS" at p[at], then an optional fraction: where it ends, or 0. */
static size_t clock_end(const char *p, size_t n, size_t at)
{
	if (!digits(p, n, at, 2) || at + 8 > n || p[at + 2] != ':' ||
	    !digits(p, n, at + 3, 2) || p[at + 5] != ':' || !digits(p, n, at + 6, 2))
		return 0;
	at += 8;
	if (at < n && (p[at] == '.' || p[at] == ',') && digits(p, n, at + 1, 1))
		for (at++; at < n && p[at] >= '0' && p[at] <= '9'; at++)
			;
	return at;
}

/* "Jan 01 00:00:00.000 " (Tor's), "Dec  4 12:00:01 " (syslog's, the
 * day padded with a blank): its length, or 0. */
static bool month_at(const char *p, size_t n, size_t at)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	size_t k;

	if (at + 3 > n)
		return false;
	for (k = 0; k < 36; k += 3)
		if (!memcmp(p + at, months + k, 3))
			return true;
	return false;
}

/* "[01-Jan-2024 00:00:00] " (PHP's and PHP-FPM's logs): its length, or
 * 0. */
static size_t php_stamp_len(const char *p, size_t n)
{
	size_t e;

	if (n < 22 || p[0] != '[' || !digits(p, n, 1, 2) || p[3] != '-' ||
	    !month_at(p, n, 4) || p[7] != '-' || !digits(p, n, 8, 4) ||
	    p[12] != ' ' || !(e = clock_end(p, n, 13)) || e >= n || p[e] != ']')
		return 0;
	return e + 1 < n && p[e + 1] == ' ' ? e + 2 : e + 1 == n ? e + 1 : 0;
}

static size_t month_stamp_len(const char *p, size_t n)
{
	size_t k, e;

	if (n < 16 || p[3] != ' ' || !month_at(p, n, 0))
		return 0;
	k = p[4] == ' ' ? 5 : 4;
	if (!digits(p, n, k, 1))
		return 0;
	k += digits(p, n, k, 2) ? 2 : 1;
	if (k - 4 != 2 || p[k] != ' ' || !(e = clock_end(p, n, k + 1)))
		return 0;
	return e < n && p[e] == ' ' ? e + 1 : e == n ? e : 0;
}

/* "2024-05-01T12:00:03.2345678Z " or "[2024-05-01 12:00:03.123] ", with
 * GitLab's stream tag after it ("00O ", "01E+ "): its length, or 0. */
static size_t stamp_len(const char *p, size_t n)
{
	size_t k = p[0] == '[' ? 1 : 0, e;

	if (p[0] >= 'A' && p[0] <= 'S')
		return month_stamp_len(p, n);
	if (k && n > 4 && p[3] == '-')
		return php_stamp_len(p, n);

	/* (the date with '/': squid's and nginx's logs, "2024/01/01
	 * 00:00:00| ") */
	if (!digits(p, n, k, 4) || k + 11 > n ||
	    (p[k + 4] != '-' && p[k + 4] != '/') ||
	    !digits(p, n, k + 5, 2) || p[k + 7] != p[k + 4] || !digits(p, n, k + 8, 2) ||
	    (p[k + 10] != 'T' && p[k + 10] != ' '))
		return 0;
	if (!(e = clock_end(p, n, k + 11)))
		return 0;
	if (e < n && p[e] == 'Z')
		e++;
	else if (e < n && (p[e] == '+' || p[e] == '-') && digits(p, n, e + 1, 2))
		for (e += 3; e < n && (p[e] == ':' || (p[e] >= '0' && p[e] <= '9')); e++)
			;
	/* Icinga's "[2024-01-01 00:00:00 +0000] " */
	if (k && e + 6 < n && p[e] == ' ' && (p[e + 1] == '+' || p[e + 1] == '-') &&
	    digits(p, n, e + 2, 4))
		e += 6;
	if (k && (e >= n || p[e++] != ']'))
		return 0;
	if (!k && e < n && p[e] == '|')
		e++;
	if (e >= n || (p[e] != ' ' && p[e] != '\t'))
		return e == n ? e : 0;
	e++;
	/* the zone's name and the process' id after it: PostgreSQL's and
	 * PgBouncer's "2024-01-01 00:00:00.123 UTC [4242] " (a word in
	 * capitals alone is a level, "WARN x", the line's own: a zone only
	 * with the id after it, or UTC's and GMT's name) */
	if (!k) {
		size_t z = e, d;

		while (z < n && z - e < 5 && p[z] >= 'A' && p[z] <= 'Z')
			z++;
		if (z - e >= 2 && z < n && p[z] == ' ') {
			d = z + 1;
			if (d < n && p[d] == '[') {
				for (z = d + 1; z < n && p[z] >= '0' && p[z] <= '9'; z++)
					;
				if (z > d + 1 && z + 1 < n && p[z] == ']' && p[z + 1] == ' ')
					e = z + 2;
			} else if (z - e == 3 && (!memcmp(p + e, "UTC", 3) ||
						  !memcmp(p + e, "GMT", 3))) {
				e = d;
			}
		}
	}
	if (digits(p, n, e, 2) && e + 2 < n && (p[e + 2] == 'O' || p[e + 2] == 'E')) {
		size_t t = e + 3;

		if (t < n && p[t] == '+')
			t++;
		if (t == n || p[t] == ' ')
			e = t < n ? t + 1 : t;
	}
	return e;
}

/* "2.981 " (seconds into a BuildKit step): its length, or 0. */
static size_t seconds_len(const char *p, size_t n)
{
	size_t k = 0;

	while (k < n && k < 6 && p[k] >= '0' && p[k] <= '9')
		k++;
	if (!k || k + 5 > n || p[k] != '.' || !digits(p, n, k + 1, 3) ||
	    (p[k + 4] != ' ' && k + 4 != n))
		return 0;
	return k + 4 < n ? k + 5 : k + 4;
}

/* "#11 2.981 ", "#11 [build 4/5] RUN x" (BuildKit's plain progress): the
 * step's number and its time, or 0. */
static size_t buildkit_len(const char *p, size_t n)
{
	size_t k = 1;

	if (!n || p[0] != '#')
		return 0;
	while (k < n && p[k] >= '0' && p[k] <= '9')
		k++;
	if (k == 1 || (k < n && p[k] != ' '))
		return 0;
	if (k == n)
		return k;
	k++;
	return k + seconds_len(p + k, n - k);
}

/* "app-1  | " (Compose's service and replica): its length, or 0. */
static size_t compose_len(const char *p, size_t n)
{
	size_t k = 0, b;

	while (k < n && k < 64 && ((p[k] >= 'a' && p[k] <= 'z') ||
				   (p[k] >= 'A' && p[k] <= 'Z') ||
				   (p[k] >= '0' && p[k] <= '9') || p[k] == '-' ||
				   p[k] == '_' || p[k] == '.'))
		k++;
	if (!k)
		return 0;
	for (b = k; b < n && p[b] == ' '; b++)
		;
	if (b == k || b >= n || p[b] != '|')
		return 0;
	return b + 1 < n && p[b + 1] == ' ' ? b + 2 : b + 1 == n ? b + 1 : 0;
}

/* "[12:00:01] " (gulp's, Grunt's time-grunt): its length, or 0. */
static size_t sgr_skip(const char *p, size_t n, size_t k);

static size_t clock_len(const char *p, size_t n)
{
	size_t e, k, f;

	/* "14:16:55 | 23672  | configuration   | msg" (ExaBGP's): the time,
	 * then up to two columns (the process, the part of the program),
	 * each ended by " | " */
	/* "14:43:18 (20273) ERROR ..." (log4js' layout, Stryker's, its
	 * colour before it): the time and the process */
	k = sgr_skip(p, n, 0);
	if (n > k + 12 && (e = clock_end(p, n, k)) && e + 3 < n &&
	    p[e] == ' ' && p[e + 1] == '(' && p[e + 2] >= '0' && p[e + 2] <= '9') {
		for (k = e + 2; k < n && p[k] >= '0' && p[k] <= '9'; k++)
			;
		if (k + 2 < n && p[k] == ')' && p[k + 1] == ' ')
			return k + 2;
	}
	if (n > 11 && p[0] != '[' && (e = clock_end(p, n, 0)) &&
	    n - e > 3 && !memcmp(p + e, " | ", 3)) {
		for (k = e + 3, f = 0; f < 2; f++) {
			const char *bar = memchr(p + k, '|', n - k < 24 ? n - k : 24);

			if (!bar || bar == p + k || bar[-1] != ' ' ||
			    (size_t)(bar - p) + 1 >= n || bar[1] != ' ')
				break;
			k = (size_t)(bar - p) + 2;
		}
		return k;
	}
	if (!n || p[0] != '[' || !(e = clock_end(p, n, 1)) || e >= n || p[e] != ']')
		return 0;
	return e + 1 < n && p[e + 1] == ' ' ? e + 2 : 0;
}

/* "1700000000: " (seconds since the epoch, between 2001 and 2033, as
 * mosquitto stamps its lines): its length, or 0. */
static size_t epoch_len(const char *p, size_t n)
{
	return n > 12 && p[0] == '1' && digits(p, n, 0, 10) && p[10] == ':' &&
	       p[11] == ' ' ? 12 : 0;
}

/* sbt's (and mill's) level before every line: "[info] ", "[warn] ",
 * "[error] ", "[success] ", "[debug] ": its length, or 0. */
static size_t level_tag(const char *p, size_t n)
{
	static const char *const tags[] = {
		"[info] ", "[warn] ", "[error] ", "[success] ", "[debug] ",
	};
	size_t k, len;

	if (n < 6 || p[0] != '[')
		return 0;
	for (k = 0; k < sizeof(tags) / sizeof(*tags); k++) {
		len = strlen(tags[k]);
		if (n >= len && !memcmp(p, tags[k], len))
			return len;
		if (n == len - 1 && !memcmp(p, tags[k], n)) /* "[error]" alone */
			return n;
	}
	return 0;
}

/* The level tag to take off p[0..n): "[info] " always, "[error] " and
 * "[warn] " only before what continues a report (a source line or a caret
 * under the place, Scala 3's "-- [E006] ..." and its box): a tag before a
 * place keeps its severity, sbt having dropped the compiler's "error:". */
static size_t level_len(const char *p, size_t n)
{
	size_t k = level_tag(p, n), d;

	if (!k || p[1] == 'i' || p[1] == 's' || p[1] == 'd' || k == n)
		return k;
	if (p[k] == ' ' || p[k] == '\t' || p[k] == '|' ||
	    (n - k > 3 && p[k] == '-' && p[k + 1] == '-' && p[k + 2] == ' '))
		return k;
	for (d = k; d < n && p[d] >= '0' && p[d] <= '9'; d++)
		;
	return d > k && d + 1 < n && p[d] == ' ' && p[d + 1] == '|' ? k : 0;
}

/* "==4021== " (Valgrind's process id, before each line of its tools'
 * reports; "==4021==" alone on the blank line between two): its length,
 * or 0. */
static size_t valgrind_len(const char *p, size_t n)
{
	size_t k = 2;

	if (n < 5 || p[0] != '=' || p[1] != '=')
		return 0;
	while (k < n && k < 12 && p[k] >= '0' && p[k] <= '9')
		k++;
	if (k == 2 || k + 2 > n || p[k] != '=' || p[k + 1] != '=')
		return 0;
	k += 2;
	return k == n ? k : p[k] == ' ' ? k + 1 : 0;
}

/* "**** c1    ", "---- v1    ", "*    top   " (varnishtest's level, four
 * stars to one or its failure's four dashes, padded to five, then the
 * test's actor: "top", "dT", "c1", "s1", "v1"): its length, or 0. */
static bool is_alnum(char c);

static size_t vtest_len(const char *p, size_t n)
{
	size_t k = 0, a;

	if (n < 8)
		return 0;
	if (p[0] == '-')
		k = memcmp(p, "----", 4) ? 0 : 4;
	else if (p[0] == '#')
		k = 1;
	else
		while (k < 4 && p[k] == '*')
			k++;
	if (!k)
		return 0;
	while (k < 5 && p[k] == ' ')
		k++;
	if (k != 5 || (p[k] < 'a' || p[k] > 'z'))
		return 0;
	for (a = k; k < n && k - a < 8 && is_alnum(p[k]); k++)
		;
	if (k == n || p[k] != ' ')
		return 0;
	while (k < n && p[k] == ' ')
		k++;
	return k;
}

/* The three ways a task runner labels a task's lines. */
enum label_form { LF_BRACKET = 1, LF_PACKAGE_TASK, LF_FOLDER_SCRIPT, LF_PACKAGE };

/* A task's label at a line's start: the bytes that tell the task
 * (key..key + keylen; Turborepo's "web#lint" is its "web:lint") and, for
 * pnpm's, its folder (the first dirlen bytes of those). */
struct label {
	enum label_form form;
	size_t key, keylen, dirlen;
};

static bool is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A byte of a package's name or folder: "@acme/ui", "apps/web-2". */
static bool name_byte(char c)
{
	return is_alnum(c) || c == '@' || c == '.' || c == '_' || c == '/' ||
	       c == '-' || c == '+';
}

/* A byte of a script's or task's name: "test:unit", "build.prod". */
static bool task_byte(char c)
{
	return is_alnum(c) || c == ':' || c == '.' || c == '_' || c == '-';
}

/* A level or a verdict, which a line's own tool puts in brackets or before
 * a colon (Maven's "[ERROR] ", Python's "ERROR:root: "), is no task. */
static bool level_word(const char *p, size_t n)
{
	static const char *const words[] = {
		"info",	   "error",   "err",	 "warn",    "warning", "debug",
		"fatal",   "trace",   "notice",	 "note",    "verbose", "critical",
		"crit",	   "emerg",   "alert",	 "severe",  "fine",    "hint",
		"pass",	   "passed",  "fail",	 "failed",  "failure", "ok",
		"skip",	   "skipped", "success", "todo",    "done",    "log",
		"e",	   "w",	      "i",	 "f",	    "x",       "v",
		"s",
	};
	size_t k, j;

	for (k = 0; k < sizeof(words) / sizeof(*words); k++) {
		if (strlen(words[k]) != n)
			continue;
		for (j = 0; j < n && (p[j] | 0x20) == words[k][j]; j++)
			;
		if (j == n)
			return true;
	}
	return false;
}

/* ANSI's colour codes ("\x1b[36m") from p[k] on: where they end. */
static size_t sgr_skip(const char *p, size_t n, size_t k)
{
	size_t e;

	while (k + 2 < n && p[k] == '\x1b' && p[k + 1] == '[') {
		for (e = k + 2; e < n && ((p[e] >= '0' && p[e] <= '9') || p[e] == ';');
		     e++)
			;
		if (e >= n || p[e] != 'm')
			break;
		k = e + 1;
	}
	return k;
}

/* Does a label end at p[k]: a blank, the line's end, or its colour's
 * reset? */
static bool label_ends(const char *p, size_t n, size_t k)
{
	return k == n || p[k] == ' ' || p[k] == '\x1b';
}

/* "[lint] ", "[0] ", npm-run-all's padded "[lint ] ", yarn's "[web]: ":
 * its length, or 0. Not ninja's "[1/10] ", a clock, CMake's "[ 50%] ",
 * GoogleTest's "[ RUN      ] ". */
static size_t bracket_label(const char *p, size_t n, struct label *lab)
{
	size_t k = 1, end;
	bool digits_only = true, other = false;

	for (; k < n && k < 64 && (name_byte(p[k]) || p[k] == ':'); k++) {
		if (p[k] < '0' || p[k] > '9') {
			digits_only = false;
			if (p[k] != ':' && p[k] != '/')
				other = true;
		}
	}
	end = k;
	if (end == 1 || (!digits_only && !other) || level_word(p + 1, end - 1))
		return 0;
	while (k < n && p[k] == ' ')
		k++;
	if (k >= n || p[k] != ']')
		return 0;
	k++;
	if (k < n && p[k] == ':')
		k++;
	if (!label_ends(p, n, k))
		return 0;
	lab->form = LF_BRACKET;
	lab->key = 1;
	lab->keylen = end - 1;
	lab->dirlen = 0;
	return k;
}

/* Turborepo's "web:lint: ", "@acme/ui:test:unit: " (package, then task),
 * and its own "web#lint: " about the task: its length, or 0. Not a
 * place's "a.c:3: " (a task starts with a letter). */
static size_t package_task_label(const char *p, size_t n, struct label *lab)
{
	size_t k = 0, sep, t;

	while (k < n && k < 128 && name_byte(p[k]))
		k++;
	sep = k;
	if (!sep || sep + 2 >= n || (p[sep] != ':' && p[sep] != '#') ||
	    !is_letter(p[sep + 1]) || level_word(p, sep))
		return 0;
	for (t = sep + 1; t < n && t - sep < 64; t++) {
		if (p[t] == ':' && label_ends(p, n, t + 1)) {
			lab->form = LF_PACKAGE_TASK;
			lab->key = 0;
			lab->keylen = t;
			lab->dirlen = 0;
			return t + 1;
		}
		if (!task_byte(p[t]))
			return 0;
	}
	return 0;
}

/* pnpm's "apps/web lint: " (the package's folder, then the script) and
 * "apps/web lint$ eslint ." (the command it runs): its length, or 0. */
static size_t folder_script_label(const char *p, size_t n, struct label *lab)
{
	size_t k = 0, d, t;

	while (k < n && k < 128 && name_byte(p[k]))
		k++;
	d = k;
	if (!d || d + 2 >= n || p[d] != ' ' || !is_letter(p[d + 1]) ||
	    level_word(p, d))
		return 0;
	for (t = d + 1; t < n && t - d < 64 && task_byte(p[t]); t++)
		;
	if (t < n && p[t] == '$' && label_ends(p, n, t + 1))
		k = t + 1;
	else if (p[t - 1] == ':' && t - 1 > d + 1 && label_ends(p, n, t))
		k = t--;
	else
		return 0;
	/* "Options error: ", "Parse error: " are a tool's own */
	if (level_word(p + d + 1, t - d - 1))
		return 0;
	lab->form = LF_FOLDER_SCRIPT;
	lab->key = 0;
	lab->keylen = t;
	lab->dirlen = d;
	return k;
}

/* Nx's and Lerna's streamed "web: ", "@acme/api: " (a package's name
 * alone): its length, or 0. Not a file's "a.c: " nor a folder's "src/x: "
 * (no dot; a slash only in a scope's name), nor a level's. */
static size_t package_label(const char *p, size_t n, struct label *lab)
{
	size_t k = p[0] == '@' ? 1 : 0, slash = 0;

	if (k >= n || !is_letter(p[k]))
		return 0;
	for (; k < n && k < 128 && (is_alnum(p[k]) || p[k] == '_' || p[k] == '-' ||
				    p[k] == '/'); k++)
		if (p[k] == '/')
			slash++;
	if (k + 1 >= n || p[k] != ':' || p[k + 1] != ' ' ||
	    slash != (p[0] == '@') || level_word(p, k))
		return 0;
	lab->form = LF_PACKAGE;
	lab->key = 0;
	lab->keylen = k;
	lab->dirlen = 0;
	return k + 1;
}

/* Does a package's label at p (*lab) open npm's banner of that package's
 * script, "web: > web@1.0.0 lint"? */
static bool package_banner(const char *p, size_t n, const struct label *lab)
{
	size_t k = lab->key + lab->keylen + 2;

	return k + lab->keylen + 3 < n && p[k] == '>' && p[k + 1] == ' ' &&
	       !memcmp(p + k + 2, p + lab->key, lab->keylen) &&
	       p[k + 2 + lab->keylen] == '@';
}

/* A task runner's label at p[0..n), in its colours or not (a runner
 * colours each task's label in a CI that shows colours, GitHub Actions):
 * its length, the blank after it too (*lab says what it is, its offsets
 * from p), or 0. */
static size_t task_label(const char *p, size_t n, struct label *lab)
{
	size_t lead = sgr_skip(p, n, 0), k;
	const char *q = p + lead;
	size_t m = n - lead;

	if (m < 3 || (!is_alnum(q[0]) && q[0] != '@' && q[0] != '['))
		return 0;
	if (q[0] == '[')
		k = bracket_label(q, m, lab);
	else if (!(k = package_task_label(q, m, lab)) &&
		 !(k = folder_script_label(q, m, lab)))
		k = package_label(q, m, lab);
	if (!k)
		return 0;
	lab->key += lead;
	k = sgr_skip(p, n, lead + k);
	if (k < n && p[k] == ' ')
		k = sgr_skip(p, n, k + 1);
	return k;
}

/* Do two labels (at a and b) name one task? Turborepo's "web#lint" is
 * "web:lint". */
static bool same_task(const char *a, const struct label *la, const char *b,
		      const struct label *lb)
{
	size_t k;

	if (la->form != lb->form || la->keylen != lb->keylen)
		return false;
	a += la->key;
	b += lb->key;
	for (k = 0; k < la->keylen; k++)
		if (a[k] != b[k] && !((a[k] == '#' || a[k] == ':') &&
				      (b[k] == '#' || b[k] == ':')))
			return false;
	return true;
}

static size_t prefix_len(enum prefix_kind kind, const char *p, size_t n)
{
	if (!n)
		return 0;
	switch (kind) {
	case PX_STAMP:
		return stamp_len(p, n);
	case PX_BUILDKIT:
		/* the recap of a failed step drops the step's number */
		return p[0] == '#' ? buildkit_len(p, n) : seconds_len(p, n);
	case PX_COMPOSE:
		return compose_len(p, n);
	case PX_CLOCK:
		return clock_len(p, n);
	case PX_EPOCH:
		return epoch_len(p, n);
	case PX_LEVEL:
		return level_len(p, n);
	case PX_VALGRIND:
		return valgrind_len(p, n);
	case PX_VTEST:
		return vtest_len(p, n);
	case PX_TASK: /* (relay_tasks reads its labels) */
	case PX_NONE:
		break;
	}
	return 0;
}

/* The prefix text's first non-blank lines carry, or PX_NONE; for a task
 * runner's labels, *form is their form. */
static enum prefix_kind prefix_of(const char *text, size_t len,
				  enum label_form *form)
{
	size_t seen[PX_TASK + 1] = { 0 };
	size_t lines = 0, k, at = 0, ntasks = 0;
	/* the tasks told apart, a few at most */
	struct {
		const char *p;
		struct label lab;
		bool folder; /* pnpm's: a folder's path, or its command told */
	} tasks[TASKS_MAX + 1];
	struct label lab;

	while (at < len && lines < PREFIX_SAMPLE) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - text) - at : len - at;
		const char *p = text + at;

		if (n && p[n - 1] == '\r')
			n--;
		if (n) {
			lines++;
			seen[PX_STAMP] += stamp_len(p, n) != 0;
			seen[PX_COMPOSE] += compose_len(p, n) != 0;
			seen[PX_CLOCK] += clock_len(p, n) != 0;
			seen[PX_EPOCH] += epoch_len(p, n) != 0;
			seen[PX_LEVEL] += level_tag(p, n) != 0;
			seen[PX_VALGRIND] += valgrind_len(p, n) != 0;
			seen[PX_VTEST] += vtest_len(p, n) != 0;
			/* "#11 2.981 ": a step's number and its seconds */
			k = buildkit_len(p, n);
			seen[PX_BUILDKIT] += k > 2 && p[k - 1] == ' ' &&
					     memchr(p, '.', k) != NULL;
			if (ntasks <= TASKS_MAX && task_label(p, n, &lab)) {
				for (k = 0; k < ntasks; k++)
					if (same_task(tasks[k].p, &tasks[k].lab, p, &lab))
						break;
				/* (a package's name alone counts from its
				 * script's banner on: not pnpm's "Scope: 2
				 * of 3 workspace projects") */
				if (k == ntasks && lab.form == LF_PACKAGE &&
				    !package_banner(p, n, &lab))
					k = SIZE_MAX;
				if (k == ntasks) {
					tasks[ntasks].p = p;
					tasks[ntasks].lab = lab;
					tasks[ntasks++].folder = false;
				}
				if (k != SIZE_MAX) {
					seen[PX_TASK]++;
					tasks[k].folder |=
						lab.form == LF_FOLDER_SCRIPT &&
						(memchr(p + lab.key, '/', lab.dirlen) ||
						 p[lab.key + lab.keylen] == '$');
				}
			}
		}
		at = nl ? (size_t)(nl - text) + 1 : len;
	}
	if (lines < PREFIX_MIN_LINES)
		return PX_NONE;
	/* a clock on most lines; a date and time on a third (a daemon's
	 * check quotes the lines of its configuration unstamped between its
	 * own, chronyd's); BuildKit's step and seconds on a few (its recap
	 * and the Dockerfile quoted under a failed step carry none);
	 * Compose's service on a third (Compose's own lines, "app-1 exited
	 * with code 2", are between) */
	if (seen[PX_STAMP] >= PREFIX_MIN_LINES && seen[PX_STAMP] * 3 >= lines)
		return PX_STAMP;
	if (seen[PX_BUILDKIT] >= PREFIX_MIN_LINES)
		return PX_BUILDKIT;
	if (seen[PX_COMPOSE] >= PREFIX_MIN_LINES && seen[PX_COMPOSE] * 3 >= lines)
		return PX_COMPOSE;
	if (seen[PX_CLOCK] * 2 >= lines)
		return PX_CLOCK;
	if (seen[PX_EPOCH] * 2 >= lines)
		return PX_EPOCH;
	if (seen[PX_LEVEL] * 2 >= lines)
		return PX_LEVEL;
	/* the program's own lines are between Valgrind's */
	if (seen[PX_VALGRIND] >= PREFIX_MIN_LINES && seen[PX_VALGRIND] * 2 >= lines)
		return PX_VALGRIND;
	if (seen[PX_VTEST] * 2 >= lines)
		return PX_VTEST;
	/* labels on a third of the lines (a runner's own lines are between),
	 * each told twice or more on average, all of one form: a tool's own
	 * "Caused by: " is on a line or two, and a line's words differ
	 * from line to line */
	if (seen[PX_TASK] >= PREFIX_MIN_LINES && seen[PX_TASK] * 3 >= lines &&
	    ntasks <= TASKS_MAX && seen[PX_TASK] >= 2 * ntasks) {
		/* pnpm's labels name a package's folder, or the
		 * command its task runs: two words and a colon alone are
		 * a tool's own ("Options error: ") */
		for (k = 0; k < ntasks; k++)
			if (tasks[k].lab.form != tasks[0].lab.form ||
			    (tasks[k].lab.form == LF_FOLDER_SCRIPT &&
			     !tasks[k].folder))
				return PX_NONE;
		*form = tasks[0].lab.form;
		return PX_TASK;
	}
	return PX_NONE;
}

/* A line of go test -json (test2json) at p[0..n): one event, an object
 * whose first member is its time or its action. */
static bool go_event(const char *p, size_t n)
{
	return (n > 10 && !memcmp(p, "{\"Time\":\"", 9)) ||
	       (n > 12 && !memcmp(p, "{\"Action\":\"", 11));
}

/* go test -json's events: into *dec (initialised here) the lines the tests
 * printed, the "Output" of each "output" (or "build-output") event in
 * turn; a line that is no event (a build's error on stderr) as it is.
 * False, dec untouched, when the first line that is not blank is no
 * event. */
/* A record of Python's Rich logging handler (Pelican's, and most Rich
 * CLIs'): "[14:31:57] ERROR    msg      log.py:96", the time blank when
 * it has not changed, the level padded to eight. Where its message starts
 * (the level at *lvl), or 0. */
static size_t rich_record(const char *p, size_t n, size_t *lvl, size_t *lvl_len)
{
	static const char *const levels[] = { "DEBUG", "INFO", "WARNING",
					      "ERROR", "CRITICAL" };
	size_t k, j, len;

	if (n > 20 && p[0] == '[' && clock_end(p, n, 1) == 9 && p[9] == ']' &&
	    p[10] == ' ')
		k = 11;
	else if (n > 20 && !memcmp(p, "           ", 11))
		k = 11;
	else
		return 0;
	for (j = 0; j < sizeof(levels) / sizeof(*levels); j++) {
		len = strlen(levels[j]);
		if (!memcmp(p + k, levels[j], len))
			break;
	}
	if (j == sizeof(levels) / sizeof(*levels))
		return 0;
	/* the column padded to eight, one blank after it */
	for (j = k + len; j < k + 9; j++)
		if (p[j] != ' ')
			return 0;
	if (p[k + 9] == ' ')
		return 0;
	*lvl = k;
	*lvl_len = len;
	return k + 9;
}

/* The message of a Rich record's first line without the padding and the
 * logging call's place at its right ("  log.py:96", the tool's own
 * source, no place of the input's): its length. */
static size_t rich_message(const char *p, size_t n, size_t *width)
{
	size_t e = n, b;

	*width = 0;
	while (e && p[e - 1] == ' ')
		e--;
	for (b = e; b && p[b - 1] != ' '; b--)
		;
	if (b >= 2 && b < e && p[b - 2] == ' ' && memchr(p + b, ':', e - b) &&
	    p[e - 1] >= '0' && p[e - 1] <= '9' && memmem(p + b, e - b, ".py:", 4)) {
		/* the message's column ends a blank before the place's */
		*width = b - 1;
		e = b;
		while (e && p[e - 1] == ' ')
			e--;
	}
	return e;
}

/* A Rich log (two records or more among the first lines, the first with
 * its time) into dec: each record on one line, "LEVEL: message" and the
 * lines it wrapped onto (indented to its message's column) joined to it,
 * as a plain logger would have printed it. False when the text is none. */
static bool rich_log(const char *text, size_t len, struct buf *dec)
{
	size_t at = 0, lines = 0, records = 0, col = 0, lvl, lvl_len, m, e;
	size_t width = 0; /* the message's column, when the record says */
	bool open = false, timed = false, glue = false;

	while (at < len && lines < 64) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - text) - at : len - at;

		if (n && rich_record(text + at, n, &lvl, &lvl_len)) {
			timed |= !records && text[at] == '[';
			records++;
		}
		lines += n > 0;
		at += n + (nl != NULL);
	}
	if (records < 2 || !timed)
		return false;
	buf_init(dec, 0);
	buf_grow(dec, len);
	for (at = 0; at < len;) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - text) - at : len - at, k;
		const char *p = text + at;

		at += n + (nl != NULL);
		if ((m = rich_record(p, n, &lvl, &lvl_len))) {
			if (open)
				buf_addch(dec, '\n');
			buf_add(dec, p + lvl, lvl_len);
			buf_adds(dec, ": ");
			buf_add(dec, p + m, rich_message(p + m, n - m, &width));
			col = m;
			open = true;
			glue = false;
			continue;
		}
		for (k = 0; k < n && p[k] == ' '; k++)
			;
		if (open && k >= col && k < n) {
			for (e = n; e > k && p[e - 1] == ' '; e--)
				;
			if (!glue)
				buf_addch(dec, ' ');
			buf_add(dec, p + k, e - k);
			/* a word longer than the column, cut at its edge
			 * ("/w/src/pelican/c" over "ontent/a.md: msg"): the
			 * next line goes on with it */
			glue = width && k == col && e - k == width;
			continue;
		}
		if (open)
			buf_addch(dec, '\n');
		open = false;
		buf_add(dec, p, n + (nl != NULL));
	}
	if (open)
		buf_addch(dec, '\n');
	return true;
}

static bool go_events(const char *text, size_t len, struct buf *dec)
{
	struct json_doc doc = JSON_DOC_INIT;
	struct err e = ERR_INIT;
	size_t at = 0;
	int v;

	while (at < len && (text[at] == '\n' || text[at] == ' ' ||
			    text[at] == '\r'))
		at++;
	if (!go_event(text + at, len - at))
		return false;
	buf_init(dec, 0);
	buf_grow(dec, len / 2);
	for (at = 0; at < len;) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - text) - at : len - at;

		if (!go_event(text + at, n)) {
			buf_add(dec, text + at, n + (nl != NULL));
		} else if (json_parse(&doc, text + at, n, 8, &e) == 0) {
			v = json_get(&doc, 0, "Action");
			if ((json_str_eq(&doc, v, "output") ||
			     json_str_eq(&doc, v, "build-output")) &&
			    (v = json_get(&doc, 0, "Output")) >= 0)
				json_str(&doc, v, dec);
			json_doc_release(&doc);
		} else {
			err_clear(&e);
		}
		at += n + (nl != NULL);
	}
	return true;
}

/* The folder a line of a task tells it ran in (prev[0..prevn): the line
 * above it), or NULL: npm's when the task's script failed (cl_npm_dir),
 * pnpm's banner "> web@1.0.0 lint /p/apps/web", Turborepo's "ERROR  command
 * (/p/apps/web) npm run lint exited (1)". Allocated. */
static char *task_folder(const char *l, size_t n, const char *prev,
			 size_t prevn)
{
	const char *hit, *end;
	size_t k, sp = 0;

	while (n && (l[n - 1] == '\r' || l[n - 1] == ' '))
		n--;
	if (cl_npm_dir(l, n, prev, prevn, &k, &sp))
		return xstrndup(l + k, sp);
	if (n > 4 && l[0] == '>' && l[1] == ' ' && memchr(l, '@', n)) {
		for (k = 2; k < n && sp < 2; k++)
			sp += l[k] == ' ';
		if (sp == 2 && k < n && l[k] == '/' && !memchr(l + k, ' ', n - k))
			return xstrndup(l + k, n - k);
		return NULL;
	}
	if ((hit = memmem(l, n, "command (/", 10)) &&
	    (end = memchr(hit + 9, ')', (size_t)(l + n - hit) - 9)))
		return xstrndup(hit + 9, (size_t)(end - hit) - 9);
	return NULL;
}

/* One task's lines, in a list through their `next`. */
struct task_group {
	const char *p; /* a line with its label (NULL: the lines with none) */
	struct label lab;
	size_t first, last;
	char *dir; /* owned, or NULL */
};

struct task_line {
	size_t at, n, skip; /* the line text[at..at + n), its label's length */
	size_t next;	    /* its task's next line, or SIZE_MAX */
};

/* tasks told apart in a whole log, at most (more are lines of no task),
 * and the slots of the table that finds them by label */
enum { GROUPS_MAX = 4096, TASK_SLOTS = 2 * GROUPS_MAX };

/* A label's hash, "web#lint" as "web:lint". */
static size_t task_hash(const char *p, const struct label *lab)
{
	size_t h = 2166136261u, k;

	for (k = 0; k < lab->keylen; k++)
		h = (h ^ (unsigned char)(p[lab->key + k] == '#' ? ':'
							       : p[lab->key + k])) *
		    16777619u;
	return h & (TASK_SLOTS - 1);
}

/* The task labelled as p's label says (slots: group + 1, 0 empty), or
 * SIZE_MAX. */
static size_t task_find(const size_t *slots, const struct task_group *g,
			const char *p, const struct label *lab)
{
	size_t h = task_hash(p, lab);

	for (; slots[h]; h = (h + 1) & (TASK_SLOTS - 1))
		if (same_task(g[slots[h] - 1].p, &g[slots[h] - 1].lab, p, lab))
			return slots[h] - 1;
	return SIZE_MAX;
}

static void task_add(size_t *slots, const struct task_group *g, size_t k)
{
	size_t h = task_hash(g[k].p, &g[k].lab);

	while (slots[h])
		h = (h + 1) & (TASK_SLOTS - 1);
	slots[h] = k + 1;
}

/* A task runner's log: into *out (initialised here) each task's lines, its
 * label taken off, one task after another in the order they first spoke,
 * and into *dirs (may be NULL) where each task's lines start and the
 * folder it ran in. */
static void relay_tasks(const char *text, size_t len, enum label_form form,
			struct buf *out, struct cl_task_dirs *dirs)
{
	struct task_line *lines = NULL;
	struct task_group *g = NULL;
	size_t nlines = 0, lalloc = 0, ng = 0, galloc = 0, last = SIZE_MAX;
	size_t at, k, i, prev;
	size_t *slots = xcalloc(TASK_SLOTS, sizeof(*slots));
	const char *prev_dir = NULL;

	for (at = 0; at < len;) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - text) - at : len - at;
		struct label lab;
		size_t skip = task_label(text + at, n, &lab);
		const char *p = text + at;

		if (skip && lab.form != form)
			skip = 0;
		/* its task: the last line's, most often; a line with no label
		 * goes on what the line above began (a runner labels all
		 * its tasks' lines, and its own between them are about
		 * the task above; a tool's own tags leave what continues a
		 * report unlabelled, Frama-C's "[kernel] a.c:2: " over
		 * "  syntax error:") */
		if (!skip && last != SIZE_MAX) {
			k = last;
		} else if (skip && last != SIZE_MAX && g[last].p &&
			   same_task(g[last].p, &g[last].lab, p, &lab)) {
			k = last;
		} else {
			k = skip ? task_find(slots, g, p, &lab) : SIZE_MAX;
			if (k == SIZE_MAX && skip && ng == GROUPS_MAX) {
				skip = 0; /* (a task too many: no task) */
				k = last;
			}
			if (k == SIZE_MAX) {
				if (ng == galloc) {
					galloc = galloc ? galloc * 2 : 16;
					g = xrealloc(g, galloc * sizeof(*g));
				}
				g[ng].p = skip ? p : NULL;
				if (skip)
					g[ng].lab = lab;
				g[ng].first = g[ng].last = SIZE_MAX;
				g[ng].dir = skip && lab.form == LF_FOLDER_SCRIPT
						    ? xstrndup(p + lab.key, lab.dirlen)
						    : NULL;
				if (skip)
					task_add(slots, g, ng);
				k = ng++;
			}
		}
		last = k;
		if (nlines == lalloc) {
			lalloc = lalloc ? lalloc * 2 : 256;
			lines = xrealloc(lines, lalloc * sizeof(*lines));
		}
		lines[nlines].at = at;
		lines[nlines].n = n;
		lines[nlines].skip = skip;
		lines[nlines].next = SIZE_MAX;
		if (g[k].last == SIZE_MAX)
			g[k].first = nlines;
		else
			lines[g[k].last].next = nlines;
		g[k].last = nlines++;
		at += n + (nl != NULL);
	}

	buf_init(out, 0);
	buf_grow(out, len + 1);
	for (k = 0; k < ng; k++) {
		for (i = g[k].first, prev = SIZE_MAX;
		     g[k].p && !g[k].dir && i != SIZE_MAX;
		     prev = i, i = lines[i].next)
			g[k].dir = task_folder(
				text + lines[i].at + lines[i].skip,
				lines[i].n - lines[i].skip,
				prev == SIZE_MAX ? "" : text + lines[prev].at + lines[prev].skip,
				prev == SIZE_MAX ? 0 : lines[prev].n - lines[prev].skip);
		if (dirs && (g[k].dir || prev_dir)) {
			if (dirs->n == dirs->alloc) {
				dirs->alloc = dirs->alloc ? dirs->alloc * 2 : 8;
				dirs->v = xrealloc(dirs->v,
						   dirs->alloc * sizeof(*dirs->v));
			}
			dirs->v[dirs->n].at = out->len;
			dirs->v[dirs->n++].dir = g[k].dir ? xstrdup(g[k].dir) : NULL;
		}
		prev_dir = g[k].dir;
		for (i = g[k].first; i != SIZE_MAX; i = lines[i].next) {
			buf_add(out, text + lines[i].at + lines[i].skip,
				lines[i].n - lines[i].skip);
			buf_addch(out, '\n');
		}
	}
	for (k = 0; k < ng; k++)
		free(g[k].dir);
	free(g);
	free(lines);
	free(slots);
}

void cl_task_dirs_release(struct cl_task_dirs *d)
{
	size_t k;

	for (k = 0; k < d->n; k++)
		free(d->v[k].dir);
	free(d->v);
	d->v = NULL;
	d->n = d->alloc = 0;
}

bool classify_relay(const char *text, size_t len, struct buf *out)
{
	return cl_relay(text, len, out, NULL);
}

bool cl_relay(const char *text, size_t len, struct buf *out,
	      struct cl_task_dirs *dirs)
{
	enum prefix_kind kind;
	enum label_form form;
	size_t at = 0, round;
	struct buf pass = BUF_INIT;
	bool any = false;

	/* a relayed log may be relayed again (Compose under a CI's stamps):
	 * one prefix at a time, outermost first; a task runner's labels
	 * last (its tasks' lines are moved: no prefix is read after it) */
	for (round = 0;
	     round < 3 && (kind = prefix_of(text, len, &form)) != PX_NONE;
	     round++) {
		if (kind == PX_TASK) {
			relay_tasks(text, len, form, &pass, dirs);
		} else {
			buf_init(&pass, 0);
			buf_grow(&pass, len);
			for (at = 0; at < len;) {
				const char *nl = memchr(text + at, '\n', len - at);
				size_t n = nl ? (size_t)(nl - text) - at : len - at;
				size_t k = prefix_len(kind, text + at, n);

				/* (smaller than text, which fit: no cap to
				 * meet) */
				buf_add(&pass, text + at + k,
					n - k + (nl != NULL));
				at += n + (nl != NULL);
			}
		}
		if (any)
			buf_release(out);
		*out = pass;
		text = out->ptr;
		len = out->len;
		any = true;
		if (kind == PX_TASK)
			break;
	}
	/* a Rich log's records, each on one line */
	if (rich_log(text, len, &pass)) {
		if (any)
			buf_release(out);
		*out = pass;
		text = out->ptr;
		len = out->len;
		any = true;
	}
	/* under them, go test -json's events (which move the lines again:
	 * the tasks' folders no longer say where their lines are) */
	if (go_events(text, len, &pass)) {
		if (any)
			buf_release(out);
		*out = pass;
		any = true;
		if (dirs)
			cl_task_dirs_release(dirs);
	}
	return any;
}
