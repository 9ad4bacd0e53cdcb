#include "llm/retry.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
				      "May", "Jun", "Jul", "Aug",
				      "Sep", "Oct", "Nov", "Dec" };

/* An IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), the only HTTP date
 * form servers send today. -1 if s is not one. */
static time_t http_date(const char *s)
{
	char mon[4];
	int day, year, h, m, sec, n = 0;
	struct tm tm;

	if (sscanf(s, "%*3[A-Za-z], %2d %3s %4d %2d:%2d:%2d GMT%n", &day, mon,
		   &year, &h, &m, &sec, &n) != 6 || s[n] != '\0')
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_mon = -1;
	for (int i = 0; i < 12; i++)
		if (!strcmp(mon, months[i]))
			tm.tm_mon = i;
	if (tm.tm_mon < 0 || day < 1 || day > 31 || h > 23 || m > 59 ||
	    sec > 60)
		return -1;
	tm.tm_mday = day;
	tm.tm_year = year - 1900;
	tm.tm_hour = h;
	tm.tm_min = m;
	tm.tm_sec = sec;
	return timegm(&tm);
}

/* A non-negative decimal number, fractions allowed; -1 otherwise. */
static double parse_number(const char *s)
{
	char *end;
	double v;

	if (!s || !isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (errno || *end != '\0')
		return -1;
	return v;
}

long retry_after_ms(const char *ms, const char *after, time_t now)
{
	double v = -1;

	if (ms && *ms)
		v = parse_number(ms);
	if (v < 0 && after && *after) {
		v = parse_number(after);
		if (v >= 0) {
			v *= 1000;
		} else {
			time_t t = http_date(after);

			if (t != (time_t)-1)
				v = ((double)t - (double)now) * 1000;
		}
	}
	if (v <= 0 || v > RETRY_AFTER_MAX_MS)
		return -1;
	return (long)v;
}

bool retry_should(long status, const char *should_retry)
{
	if (should_retry && !strcmp(should_retry, "true"))
		return true;
	if (should_retry && !strcmp(should_retry, "false"))
		return false;
	return status == 0 || status == 408 || status == 409 ||
	       status == 429 || status >= 500;
}

long retry_backoff_ms(int n, double jitter01)
{
	double d = RETRY_BACKOFF_MIN_MS;

	for (int i = 1; i < n && d < RETRY_BACKOFF_MAX_MS; i++)
		d *= 2;
	if (d > RETRY_BACKOFF_MAX_MS)
		d = RETRY_BACKOFF_MAX_MS;
	return (long)(d * (1.0 - 0.25 * jitter01));
}

double retry_limiter_reserve(struct retry_limiter *l, double cost,
			     double now)
{
	double interval, tat, wait, burst;

	if (l->rate <= 0)
		return 0;
	interval = 60.0 / l->rate;
	tat = l->tat > now ? l->tat : now;
	l->tat = tat + cost * interval;
	/* A tenth of a minute's worth may go at once (or one send, however
	 * big): wait only for what exceeds it. */
	burst = RETRY_LIMITER_BURST_S;
	if (cost * interval > burst)
		burst = cost * interval;
	wait = l->tat - burst - now;
	return wait > 0 ? wait : 0;
}
