/*
 * What a runner puts before every line of the output it relays: a CI
 * service's timestamp ("2024-05-01T12:00:03.2345678Z " on GitHub Actions,
 * Azure Pipelines and `docker logs -t`; GitLab's adds a stream tag, "00O ";
 * a daemon's "2024/01/01 00:00:00| ", squid's),
 * BuildKit's step and seconds ("#11 2.981 ", and "2.981 " in the recap of a
 * failed step), Compose's service ("app-1  | "), a task runner's clock
 * ("[12:00:01] "), a daemon's seconds since the epoch ("1700000000: ",
 * mosquitto's), sbt's level ("[info] ", and "[error] " before what
 * continues a report: the source and carets under a place). Under it, a tool's own lines are as the tool printed
 * them; the readers of classify.c look for them at the line's start.
 *
 * Which prefix a log carries is decided once, from its first lines (most of
 * those that are not blank must carry it), so a log without one costs a
 * look at those lines only. Then every line that carries it loses it; the
 * lines stay where they were, so line numbers do not move.
 *
 * go test -json relays its tests' lines too, each in an event of its own:
 * the lines are the events' "Output", in turn.
 */
#include <string.h>

#include "classify/classify.h"
#include "json/json.h"
#include "util/buf.h"
#include "util/err.h"

enum prefix_kind { PX_NONE, PX_STAMP, PX_BUILDKIT, PX_COMPOSE, PX_CLOCK, PX_EPOCH,
		   PX_LEVEL };

/* lines sampled to decide; fewer than PREFIX_MIN_LINES carrying one is
 * chance */
enum { PREFIX_SAMPLE = 64, PREFIX_MIN_LINES = 2 };

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
static size_t clock_len(const char *p, size_t n)
{
	size_t e;

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
	case PX_NONE:
		break;
	}
	return 0;
}

/* The prefix text's first non-blank lines carry, or PX_NONE. */
static enum prefix_kind prefix_of(const char *text, size_t len)
{
	size_t seen[PX_LEVEL + 1] = { 0 };
	size_t lines = 0, k, at = 0;

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
			/* "#11 2.981 ": a step's number and its seconds */
			k = buildkit_len(p, n);
			seen[PX_BUILDKIT] += k > 2 && p[k - 1] == ' ' &&
					     memchr(p, '.', k) != NULL;
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

bool classify_relay(const char *text, size_t len, struct buf *out)
{
	enum prefix_kind kind;
	size_t at = 0, round;
	struct buf pass = BUF_INIT;
	bool any = false;

	/* a relayed log may be relayed again (Compose under a CI's stamps):
	 * one prefix at a time, outermost first */
	for (round = 0; round < 3 && (kind = prefix_of(text, len)) != PX_NONE;
	     round++) {
		buf_init(&pass, 0);
		buf_grow(&pass, len);
		for (at = 0; at < len;) {
			const char *nl = memchr(text + at, '\n', len - at);
			size_t n = nl ? (size_t)(nl - text) - at : len - at;
			size_t k = prefix_len(kind, text + at, n);

			/* (smaller than text, which fit: no cap to meet) */
			buf_add(&pass, text + at + k, n - k + (nl != NULL));
			at += n + (nl != NULL);
		}
		if (any)
			buf_release(out);
		*out = pass;
		text = out->ptr;
		len = out->len;
		any = true;
	}
	/* under them, go test -json's events */
	if (go_events(text, len, &pass)) {
		if (any)
			buf_release(out);
		*out = pass;
		any = true;
	}
	return any;
}
