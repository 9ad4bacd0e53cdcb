/*
 * http: HTTP requests on the libev loop, through libcurl's multi socket
 * interface. Any number of transfers run at once while the loop keeps
 * serving everything else; nothing here ever blocks.
 *
 * A request is started with http_start() and ends exactly once with its
 * on_done callback: completed (any HTTP status), failed (connection error,
 * timeout, too big) or cancelled. The request object belongs to the client
 * and is freed right after on_done returns.
 */
#ifndef AIRUNNER_HTTP_H
#define AIRUNNER_HTTP_H

#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

struct ev_loop;
struct http_client;
struct http_request;

/* Error kinds of a failed transfer (besides ERR_CANCELLED, ERR_TIMEOUT and
 * ERR_TOO_BIG). */

/* The response headers the callers act on, captured as sent (truncated to
 * the field size; empty when absent). */
struct http_headers {
	char request_id[128]; /* request-id or x-request-id */
	char retry_after[64];
	char retry_after_ms[32];
	char should_retry[16]; /* x-should-retry */
	char content_type[96];
	/* For the issue sources (agent/issues): GitHub's pagination and
	 * rate limit. */
	char link[1024];
	char ratelimit_remaining[24]; /* x-ratelimit-remaining */
	char ratelimit_reset[24];     /* x-ratelimit-reset, epoch seconds */
};

struct http_result {
	long status;                        /* 0 when no response came */
	const struct http_headers *headers; /* never NULL */
	/* The collected body: all of it when no on_data was given, and the
	 * body of a non-2xx response always (capped at max_body). */
	const char *body;
	size_t body_len;
	/* NULL when the transfer completed (whatever its status); otherwise
	 * why it did not. */
	const struct err *err;
};

struct http_options {
	const char *url;
	/* "Name: value" lines, NULL-terminated; copied. May be NULL. */
	const char *const *headers;
	/* A POST body when body is not NULL (copied), else a GET. */
	const char *body;
	size_t body_len;
	long connect_timeout_ms; /* 0: curl's default */
	long idle_timeout_ms;    /* no body bytes for this long ends it; 0: off */
	long total_timeout_ms;   /* 0: no limit */
	size_t max_body;         /* cap on a collected body; 0: 16 MiB */
	/* Body bytes of a 2xx response as they arrive. Return 0, or -1 with e
	 * filled to end the transfer with that error. May be NULL. Must not
	 * call http_cancel(). */
	int (*on_data)(const char *p, size_t n, void *ud, struct err *e);
	/* Called exactly once; r and everything in it is valid during the
	 * call only. */
	void (*on_done)(const struct http_result *r, void *ud);
	void *ud;
};

/* The client is bound to one loop; free it only when no request is live. */
struct http_client *http_client_new(struct ev_loop *loop);
void http_client_free(struct http_client *c);
/* Number of live requests (for tests and shutdown). */
int http_client_active(const struct http_client *c);

/* Starts a request. Returns it (owned by the client; valid until on_done
 * returns), or NULL with e filled when curl refuses the options (on_done
 * is then not called). */
struct http_request *http_start(struct http_client *c,
				const struct http_options *o, struct err *e);

/* Aborts the transfer; on_done runs before this returns, with an error of
 * kind ERR_CANCELLED. Must not be called from inside on_data. May be called
 * from any on_done, for any live request: for one whose own on_done is
 * already running (it is ending anyway) it does nothing. */
void http_cancel(struct http_request *r);

#endif
