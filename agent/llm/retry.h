/*
 * retry: the retry policy of the official SDKs, as pure functions of what
 * a response said, so they can be tested without a network; and a
 * client-side rate limiter (GCRA) that spaces sends out instead of letting
 * concurrent jobs stampede into 429s.
 */
#ifndef AIRUNNER_RETRY_H
#define AIRUNNER_RETRY_H

#include <stdbool.h>
#include <time.h>

#define RETRY_DEFAULT_MAX 2
#define RETRY_BACKOFF_MIN_MS 500
#define RETRY_BACKOFF_MAX_MS 8000
#define RETRY_AFTER_MAX_MS 60000

/* The server's wish from retry-after-ms (milliseconds) or retry-after
 * (seconds, or an HTTP date measured from now): milliseconds, or -1 when
 * neither is present, valid, positive and at most 60 s. Either may be NULL
 * or empty. */
long retry_after_ms(const char *retry_after_ms, const char *retry_after,
		    time_t now);

/* Whether a failed attempt may be retried: x-should-retry "true"/"false"
 * decides when given; else connection errors (status 0), 408, 409, 429 and
 * every 5xx (529 included) are retried, other statuses not. */
bool retry_should(long status, const char *should_retry);

/* Exponential backoff before retry number n (1, 2, ...): 0.5 s doubling up
 * to 8 s, less up to 25 % jitter; jitter01 is a random number in [0, 1). */
long retry_backoff_ms(int n, double jitter01);

/* Generic cell rate algorithm: `rate` units per minute, evenly spaced,
 * with bursts of up to RETRY_LIMITER_BURST_S seconds' worth. */
#define RETRY_LIMITER_BURST_S 6.0
struct retry_limiter {
	double rate; /* units per minute; 0: unlimited */
	double tat;  /* theoretical arrival time, seconds */
};

/* Reserves `cost` units at time `now` (seconds) and returns how long the
 * sender must wait first (seconds, >= 0). Reservations queue up: each
 * waits behind the ones before it. */
double retry_limiter_reserve(struct retry_limiter *l, double cost,
			     double now);

#endif
