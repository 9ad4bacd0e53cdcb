/*
 * One issue operation: which source a reference names, the HTTP requests
 * in turn on the loop (a source's response handler decides the next), the
 * retries a 429 asks for, and the errors a person can act on.
 *
 * Secrets: the Authorization header is built here from the environment,
 * held in op->headers only, wiped when the op is freed, and every value
 * in op->secrets is scrubbed from any message before it leaves (a server
 * that echoes a header back cannot leak it through us).
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ev.h>
#include <git2.h>

#include "config/config.h"
#include "issues/internal.h"
#include "issues/issues.h"
#include "llm/http.h"
#include "llm/retry.h"
#include "util/fs.h"
#include "util/mem.h"

#define ISSUE_FILE_MAX ((size_t)1 << 20)
#define CONNECT_TIMEOUT_MS 10000
#define TOTAL_TIMEOUT_MS 60000
#define MAX_BODY ((size_t)32 << 20)

/* ---- small shared helpers ---- */

char *issue_setting(struct config *cfg, const char *env, const char *section,
		    const char *name)
{
	const char *v = env ? getenv(env) : NULL;
	char *out = NULL;
	struct err e = ERR_INIT;

	if (v && *v)
		return xstrdup(v);
	if (cfg && section &&
	    config_get_string(cfg, section, NULL, name, &out, &e) > 0 &&
	    !*out) {
		free(out);
		out = NULL;
	}
	err_clear(&e);
	return out;
}

void issue_base64(struct buf *out, const char *s, size_t n)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				  "abcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16;

		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		buf_addch(out, tab[(v >> 18) & 63]);
		buf_addch(out, tab[(v >> 12) & 63]);
		buf_addch(out, i + 1 < n ? tab[(v >> 6) & 63] : '=');
		buf_addch(out, i + 2 < n ? tab[v & 63] : '=');
	}
}

char *issue_json_strdup(const struct json_doc *d, int v)
{
	return json_type(d, v) == JSON_STRING ? json_strdup(d, v) : NULL;
}

void issue_op_field(struct issue_op *op, const char *name, char *value)
{
	if (!value)
		return;
	strv_add(&op->fields, name);
	strv_push(&op->fields, value);
}

void issue_op_comment(struct issue_op *op, char *author, char *created,
		      char *body)
{
	strv_push(&op->comments, author ? author : xstrdup(""));
	strv_push(&op->comments, created ? created : xstrdup(""));
	strv_push(&op->comments, body ? body : xstrdup(""));
}

/* ---- lifecycle ---- */

static void wipe(struct buf *b)
{
	if (b->cap)
		memset(b->ptr, 0, b->len);
	buf_release(b);
}

static void op_free(struct issue_op *op)
{
	for (size_t i = 0; i < op->headers.n; i++)
		memset(op->headers.v[i], 0, strlen(op->headers.v[i]));
	for (size_t i = 0; i < op->secrets.n; i++)
		memset(op->secrets.v[i], 0, strlen(op->secrets.v[i]));
	strv_release(&op->headers);
	strv_release(&op->secrets);
	buf_release(&op->what);
	buf_release(&op->url);
	wipe(&op->post);
	free(op->base);
	free(op->key);
	issue_release(&op->issue);
	strv_release(&op->comments);
	strv_release(&op->fields);
	free(op->comment_url);
	free(op->comment_id);
	err_clear(&op->err);
	free(op);
}

/* Replaces every secret in e's message by "***". */
static void scrub(struct issue_op *op, struct err *e)
{
	for (size_t i = 0; i < op->secrets.n; i++) {
		const char *s = op->secrets.v[i];
		size_t sl = strlen(s);
		char *hit;

		if (sl < 4)
			continue;
		while ((hit = memmem(e->msg.ptr, e->msg.len, s, sl))) {
			struct buf b = BUF_INIT;
			size_t at = (size_t)(hit - e->msg.ptr);

			buf_add(&b, e->msg.ptr, at);
			buf_adds(&b, "***");
			buf_adds(&b, e->msg.ptr + at + sl);
			buf_release(&e->msg);
			e->msg = b;
		}
	}
}

static void write_fields(struct issue_op *op)
{
	struct json_writer w;

	buf_reset(&op->issue.fields);
	json_writer_init(&w, &op->issue.fields);
	json_obj_begin(&w);
	for (size_t i = 0; i + 1 < op->fields.n; i += 2)
		json_kv_str(&w, op->fields.v[i], op->fields.v[i + 1]);
	if (op->pull_request)
		json_kv_bool(&w, "pullRequest", true);
	json_key(&w, "comments");
	json_arr_begin(&w);
	for (size_t i = 0; i + 2 < op->comments.n; i += 3) {
		json_obj_begin(&w);
		json_kv_str(&w, "author", op->comments.v[i]);
		json_kv_str(&w, "created", op->comments.v[i + 1]);
		json_kv_str(&w, "body", op->comments.v[i + 2]);
		json_obj_end(&w);
	}
	json_arr_end(&w);
	json_obj_end(&w);
}

/* Ends op (from the loop): done, then free. */
static void finish(struct issue_op *op, const struct err *e)
{
	struct err copy = ERR_INIT;

	op->ended = true;
	ev_timer_stop(op->loop, &op->timer);
	if (e) {
		err_set(&copy, e->kind, "%s", e->msg.ptr);
		scrub(op, &copy);
	} else if (!op->comment && op->source != ISSUE_SOURCE_FILE) {
		write_fields(op);
	}
	if (op->comment)
		op->comment_done(e ? NULL : op->comment_url,
				 e ? NULL : op->comment_id, e ? &copy : NULL,
				 op->ud);
	else
		op->fetch_done(e ? NULL : &op->issue, e ? &copy : NULL,
			       op->ud);
	err_clear(&copy);
	op_free(op);
}

/* ---- requests, responses, retries ---- */

static void send_request(struct issue_op *op);

static void on_timer(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct issue_op *op = w->data;

	(void)loop;
	(void)revents;
	ev_timer_stop(op->loop, &op->timer);
	if (op->err.kind) {
		struct err e = ERR_INIT;

		err_move(&e, &op->err);
		finish(op, &e);
		err_clear(&e);
		return;
	}
	if (op->issue.title && !op->req && op->source == ISSUE_SOURCE_FILE) {
		finish(op, NULL);
		return;
	}
	send_request(op);
}

/* Ends op from the loop soon (never inside the start call). */
static void defer_finish(struct issue_op *op)
{
	ev_timer_set(&op->timer, 0., 0.);
	ev_timer_start(op->loop, &op->timer);
}

/* The server's own words, when it gave any: Jira's errorMessages and
 * errors, GitHub's message. At most 300 bytes. */
static void server_words(struct buf *out, const struct http_result *r)
{
	struct json_doc d = JSON_DOC_INIT;
	struct err pe = ERR_INIT;
	struct buf words = BUF_INIT;
	int msgs, errs;

	if (!r->body_len || json_parse(&d, r->body, r->body_len, 64, &pe) < 0)
		goto out;
	json_str(&d, json_get(&d, 0, "message"), &words);
	msgs = json_get(&d, 0, "errorMessages");
	for (int m = json_first(&d, msgs); m >= 0; m = json_next(&d, m)) {
		if (words.len)
			buf_adds(&words, "; ");
		json_str(&d, m, &words);
	}
	errs = json_get(&d, 0, "errors");
	if (json_type(&d, errs) == JSON_OBJECT)
		for (int k = json_first(&d, errs); k >= 0; k = json_next(&d, k)) {
			if (json_type(&d, json_member_value(&d, k)) != JSON_STRING)
				continue;
			if (words.len)
				buf_adds(&words, "; ");
			json_str(&d, k, &words);
			buf_adds(&words, ": ");
			json_str(&d, json_member_value(&d, k), &words);
		}
	if (words.len > 300) {
		buf_truncate(&words, 300);
		buf_adds(&words, "...");
	}
	for (size_t i = 0; i < words.len; i++)
		if ((unsigned char)words.ptr[i] < 0x20)
			words.ptr[i] = ' ';
	if (words.len)
		buf_addf(out, " (%s says: %s)", "server", words.ptr);
out:
	json_doc_release(&d);
	err_clear(&pe);
	buf_release(&words);
}

/* How long the server asks us to wait, in ms, or -1 when it does not say:
 * retry-after in seconds (0 allowed) or as an HTTP date; GitHub's
 * x-ratelimit-reset (epoch seconds) when its limit is spent. */
static long wait_asked(const struct http_result *r)
{
	const struct http_headers *h = r->headers;
	char *end;

	if (h->retry_after[0]) {
		long s = strtol(h->retry_after, &end, 10);

		if (end != h->retry_after && !*end && s >= 0)
			return s > LONG_MAX / 1000 ? LONG_MAX : s * 1000;
		return retry_after_ms(NULL, h->retry_after, time(NULL));
	}
	if (h->ratelimit_reset[0] && !strcmp(h->ratelimit_remaining, "0")) {
		long long reset = strtoll(h->ratelimit_reset, &end, 10);
		long long now = (long long)time(NULL);

		if (end != h->ratelimit_reset && !*end)
			return reset <= now ? 0
			       : reset - now > LONG_MAX / 1000
				       ? LONG_MAX
				       : (long)(reset - now) * 1000;
	}
	return -1;
}

/* A rate limit: waits and retries while allowed, else sets e. Returns 1
 * when a retry is scheduled. */
static int rate_limited(struct issue_op *op, const struct http_result *r,
			struct err *e)
{
	long ms = wait_asked(r);

	if (ms < 0)
		ms = retry_backoff_ms(op->retries + 1, (double)rand() / RAND_MAX);
	if (op->retries < ISSUE_MAX_RETRIES && ms <= ISSUE_MAX_WAIT_MS) {
		op->retries++;
		ev_timer_set(&op->timer, (double)ms / 1000.0, 0.);
		ev_timer_start(op->loop, &op->timer);
		return 1;
	}
	if (ms > ISSUE_MAX_WAIT_MS)
		err_set(e, ERR_RATE_LIMITED,
			"%s rate limit reached for %s: it asks to wait %ld s; "
			"try again later",
			op->service, op->what.ptr, ms / 1000);
	else
		err_set(e, ERR_RATE_LIMITED,
			"%s rate limit reached for %s: still limited after %d "
			"retries; try again in a minute",
			op->service, op->what.ptr, op->retries);
	return 0;
}

static void on_http_done(const struct http_result *r, void *ud)
{
	struct issue_op *op = ud;
	struct err e = ERR_INIT;
	int next;

	op->req = NULL;
	if (r->err) {
		if (r->err->kind == ERR_CANCELLED)
			err_set(&e, ERR_CANCELLED, "cancelled");
		else
			err_set(&e, ERR_CONNECTION,
				"cannot reach %s at %s: %s", op->service,
				op->base, r->err->msg.ptr);
		goto fail;
	}
	if (r->status >= 200 && r->status < 300) {
		next = op->on_response(op, r, &e);
		if (next < 0)
			goto fail;
		if (next == 0) {
			finish(op, NULL);
			return;
		}
		op->retries = 0;
		send_request(op);
		return;
	}
	switch (r->status) {
	case 401:
		err_set(&e, ERR_AUTH,
			"%s refused the credentials for %s (401 Unauthorized): "
			"%s",
			op->service, op->what.ptr, op->auth_hint);
		break;
	case 403:
		/* GitHub's spent rate limit, or its secondary limit (a 403
		 * with retry-after) */
		if (!strcmp(r->headers->ratelimit_remaining, "0") ||
		    r->headers->retry_after[0]) {
			if (rate_limited(op, r, &e))
				goto wait;
			break;
		}
		err_set(&e, ERR_FORBIDDEN,
			"%s denied access to %s (403 Forbidden): the account "
			"lacks permission",
			op->service, op->what.ptr);
		break;
	case 404:
		err_set(&e, ERR_NOT_FOUND,
			"%s has no %s (404 Not Found), or the account cannot "
			"see it",
			op->service, op->what.ptr);
		break;
	case 429:
		if (rate_limited(op, r, &e))
			goto wait;
		break;
	default:
		if (r->status >= 500 || r->status == 0) {
			if (r->status == 502 || r->status == 503 ||
			    r->status == 504) {
				if (rate_limited(op, r, &e))
					goto wait;
				err_clear(&e);
			}
			err_set(&e, ERR_CONNECTION,
				"%s at %s failed with HTTP %ld for %s",
				op->service, op->base, r->status, op->what.ptr);
		} else {
			err_set(&e, ERR_INVALID_PARAMS,
				"%s refused the request for %s (HTTP %ld)",
				op->service, op->what.ptr, r->status);
		}
	}
	server_words(&e.msg, r);
fail:
	finish(op, &e);
wait:
	err_clear(&e);
}

static void send_request(struct issue_op *op)
{
	struct http_options o = { 0 };
	struct err e = ERR_INIT;

	o.url = op->url.ptr;
	o.headers = (const char *const *)strv_argv(&op->headers);
	if (op->post.len) {
		o.body = op->post.ptr;
		o.body_len = op->post.len;
	}
	o.connect_timeout_ms = CONNECT_TIMEOUT_MS;
	o.total_timeout_ms = TOTAL_TIMEOUT_MS;
	o.max_body = MAX_BODY;
	o.on_done = on_http_done;
	o.ud = op;
	op->req = http_start(op->http, &o, &e);
	if (!op->req) {
		/* from a callback: end through the loop, like any error */
		err_move(&op->err, &e);
		defer_finish(op);
	}
	err_clear(&e);
}

/* ---- which source ---- */

static bool is_jira_key(const char *s)
{
	size_t i = 0;

	if (!isupper((unsigned char)s[0]))
		return false;
	while (isupper((unsigned char)s[i]) || isdigit((unsigned char)s[i]) ||
	       s[i] == '_')
		i++;
	if (s[i] != '-' || !s[i + 1])
		return false;
	for (i++; s[i]; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

static bool has_issue_number(const char *url)
{
	return strstr(url, "/issues/") || strstr(url, "/pull/");
}

static enum issue_source guess_source(const struct issue_ref *ref)
{
	const char *hash;

	if (ref->source)
		return ref->source;
	if (ref->path)
		return ISSUE_SOURCE_FILE;
	if (ref->url) {
		if (strstr(ref->url, "/browse/") ||
		    strstr(ref->url, "selectedIssue="))
			return ISSUE_SOURCE_JIRA;
		if (has_issue_number(ref->url))
			return ISSUE_SOURCE_GITHUB;
		return ISSUE_SOURCE_AUTO;
	}
	if (is_jira_key(ref->key))
		return ISSUE_SOURCE_JIRA;
	hash = strchr(ref->key, '#');
	if (hash && hash[1] && strspn(hash + 1, "0123456789") ==
				       strlen(hash + 1))
		return ISSUE_SOURCE_GITHUB;
	return ISSUE_SOURCE_FILE; /* if it exists: checked when read */
}

/* ---- the file source ---- */

static int read_file_issue(struct issue_op *op, const struct issue_ref *ref,
			   struct err *e)
{
	const char *given = ref->path ? ref->path : ref->key;
	struct buf path = BUF_INIT, text = BUF_INIT;
	char *real = NULL, *real_root = NULL;
	const char *base;
	int r = -1;

	if (!given && ref->url && !strncmp(ref->url, "file://", 7))
		given = ref->url + 7;
	if (!given) {
		err_set(e, ERR_INVALID_PARAMS, "a file issue needs a path");
		goto out;
	}
	if (given[0] == '/') {
		buf_adds(&path, given);
	} else {
		if (!ref->root) {
			err_set(e, ERR_INVALID_PARAMS,
				"the relative path %s needs a root (a "
				"workspace)", given);
			goto out;
		}
		real_root = realpath(ref->root, NULL);
		if (!real_root) {
			err_set_errno(e, ERR_NOT_FOUND, "root %s", ref->root);
			goto out;
		}
		buf_addf(&path, "%s/%s", real_root, given);
		real = realpath(path.ptr, NULL);
		if (!real) {
			if (!ref->source && !ref->path)
				err_set(e, ERR_INVALID_PARAMS,
					"%s is not an issue reference: use a "
					"Jira key (PROJ-12), owner/repo#12, "
					"#12, a github.com or Jira URL, or the "
					"path of a Markdown file", given);
			else
				err_set(e, ERR_NOT_FOUND,
					"no issue file %s in %s", given,
					ref->root);
			goto out;
		}
		if (strncmp(real, real_root, strlen(real_root)) ||
		    (real[strlen(real_root)] != '/' &&
		     strcmp(real_root, "/"))) {
			err_set(e, ERR_OUTSIDE_WORKSPACE,
				"%s leads outside the workspace %s", given,
				ref->root);
			goto out;
		}
	}
	if (fs_read_regular(&text, path.ptr, ISSUE_FILE_MAX, e) < 0)
		goto out;
	base = strrchr(given, '/') ? strrchr(given, '/') + 1 : given;
	issue_from_markdown(&op->issue, text.ptr, text.len, base);
	op->issue.source = ISSUE_SOURCE_FILE;
	op->issue.key = xstrdup(given);
	r = 0;
out:
	free(real);
	free(real_root);
	buf_release(&path);
	buf_release(&text);
	return r;
}

/* ---- starting ---- */

static struct issue_op *op_new(struct ev_loop *loop, struct http_client *http)
{
	struct issue_op *op = xcalloc(1, sizeof(*op));

	op->loop = loop;
	op->http = http;
	buf_init(&op->what, 0);
	buf_init(&op->url, 0);
	buf_init(&op->post, 0);
	issue_init(&op->issue);
	err_init(&op->err);
	ev_timer_init(&op->timer, on_timer, 0., 0.);
	op->timer.data = op;
	return op;
}

static struct issue_op *start(struct ev_loop *loop, struct http_client *http,
			      const struct issue_ref *ref, struct config *cfg,
			      const char *comment, struct err *e)
{
	struct issue_op *op = op_new(loop, http);
	int r;

	op->comment = comment != NULL;
	op->source = guess_source(ref);
	switch (op->source) {
	case ISSUE_SOURCE_JIRA:
		r = issue_jira_prepare(op, ref, cfg, comment, e);
		break;
	case ISSUE_SOURCE_GITHUB:
		r = issue_github_prepare(op, ref, cfg, comment, e);
		break;
	case ISSUE_SOURCE_FILE:
		if (comment) {
			r = err_set(e, ERR_INVALID_PARAMS,
				    "comments need a Jira or GitHub issue: "
				    "%s is a file",
				    ref->path ? ref->path : ref->key);
			break;
		}
		r = read_file_issue(op, ref, e);
		if (r == 0) {
			defer_finish(op);
			return op;
		}
		break;
	default:
		r = err_set(e, ERR_INVALID_PARAMS,
			    "%s is not an issue URL: use a github.com "
			    ".../issues/N URL or a Jira .../browse/KEY URL",
			    ref->url ? ref->url : "?");
	}
	if (r < 0) {
		scrub(op, e);
		op_free(op);
		return NULL;
	}
	send_request(op);
	return op;
}

struct issue_op *issue_fetch_start(struct ev_loop *loop,
				   struct http_client *http,
				   const struct issue_ref *ref,
				   struct config *cfg, issue_fetch_done_fn done,
				   void *ud, struct err *e)
{
	struct issue_op *op = start(loop, http, ref, cfg, NULL, e);

	if (op) {
		op->fetch_done = done;
		op->ud = ud;
	}
	return op;
}

struct issue_op *issue_comment_start(struct ev_loop *loop,
				     struct http_client *http,
				     const struct issue_ref *ref,
				     const char *body, struct config *cfg,
				     issue_comment_done_fn done, void *ud,
				     struct err *e)
{
	struct issue_op *op;

	if (!body || !*body) {
		err_set(e, ERR_INVALID_PARAMS, "body: a non-empty comment");
		return NULL;
	}
	op = start(loop, http, ref, cfg, body, e);
	if (op) {
		op->comment_done = done;
		op->ud = ud;
	}
	return op;
}

void issue_cancel(struct issue_op *op)
{
	struct err e = ERR_INIT;

	if (op->req) {
		http_cancel(op->req); /* on_http_done ends op */
		return;
	}
	err_set(&e, ERR_CANCELLED, "cancelled");
	finish(op, &e);
	err_clear(&e);
}
