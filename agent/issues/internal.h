/*
 * issues/internal.h: what the files of agent/issues/ share, not part of
 * the module's surface.
 */
#ifndef AIRUNNER_ISSUES_INTERNAL_H
#define AIRUNNER_ISSUES_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <ev.h>

#include "issues/issues.h"
#include "json/json.h"
#include "util/strv.h"
#include "util/buf.h"

/* c is one of the characters of set (never the terminating NUL). */
static inline bool issue_in_set(int c, const char *set)
{
	return c && strchr(set, c);
}

/* s[0..n) starts with p. */
static inline bool issue_has_prefix(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);

	return n >= k && !memcmp(s, p, k);
}

/* ---- Markdown writing helpers (markdown.c) ---- */

/* Appends text escaped so Markdown reads it literally (emphasis, code,
 * link brackets, HTML), leaving intraword underscores alone. */
void issue_md_escape(struct buf *out, const char *s, size_t n);
/* A link destination: as is, or in <> when it holds spaces or parens. */
void issue_md_add_url(struct buf *out, const char *s, size_t n);
/* A paragraph's text, its first character escaped when Markdown would
 * read the line as a heading, list item or quote. */
void issue_md_add_block_text(struct buf *out, const char *s, size_t n);
/* Drops trailing white space and newlines. */
void issue_md_trim_end(struct buf *b);
/* Appends s[0..n) with first_prefix before its first line, and before
 * every other line `indent` spaces, or first_prefix again when indent is
 * 0 (a quote: "> "). Empty lines get no trailing spaces. */
void issue_md_prefix_lines(struct buf *out, const char *s, size_t n,
			   const char *first_prefix, size_t indent);

/* ---- ADF (adf.c) ---- */

/* One inline ADF node as Markdown. */
void issue_md_inline_node(struct buf *out, const struct json_doc *d, int n);

/* ---- operations (op.c), and the sources that drive them ---- */

struct config;
struct http_result;

struct issue_op;

/* Called for each 2xx response: fills op->issue (a fetch) or
 * op->comment_url / op->comment_id (a comment). Returns 0 when done, 1 when
 * op->url (and op->post) name the next request, -1 with e set. */
typedef int (*issue_response_fn)(struct issue_op *op,
				 const struct http_result *r, struct err *e);

struct issue_op {
	struct ev_loop *loop;
	struct http_client *http;
	enum issue_source source;
	bool comment;
	/* What the messages name: "Jira", "GitHub"; "Jira issue PROJ-1" at
	 * https://x; and the variables a 401 asks for. */
	const char *service;
	struct buf what;
	const char *auth_hint;
	/* The request: url, "Name: value" header lines (the Authorization
	 * line holds a secret: wiped when freed), a POST body or empty. */
	struct buf url;
	struct strv headers;
	struct buf post;
	/* Every secret in play, scrubbed from any message that leaves. */
	struct strv secrets;
	issue_response_fn on_response;
	/* Source state. */
	char *base;        /* the service's base URL, no trailing '/' */
	char *key;         /* PROJ-12, owner/repo */
	long long number;  /* a GitHub issue number */
	bool jira_server;  /* REST v2 and wiki markup */
	int pages;
	/* The result being built. */
	struct issue issue;
	struct strv comments; /* author, created, body: three per comment */
	struct strv fields;   /* name, value pairs for issue.fields */
	bool pull_request;
	char *comment_url, *comment_id;
	/* In flight. */
	struct http_request *req;
	ev_timer timer; /* a retry's wait, or the deferred end */
	int retries;
	struct err err;
	bool ended;
	issue_fetch_done_fn fetch_done;
	issue_comment_done_fn comment_done;
	void *ud;
};

/* Prepare op for its source: base URL, credentials, the first request.
 * cfg may be NULL. -1 with e set (auth when credentials are missing). */
int issue_jira_prepare(struct issue_op *op, const struct issue_ref *ref,
		       struct config *cfg, const char *comment_md,
		       struct err *e);
int issue_github_prepare(struct issue_op *op, const struct issue_ref *ref,
			 struct config *cfg, const char *comment_md,
			 struct err *e);

/* A setting: the environment's env (if given and set), else the config's
 * section.name, else NULL. Malloc'd. */
char *issue_setting(struct config *cfg, const char *env,
		    const char *section, const char *name);
/* base64 of s, appended (basic auth). */
void issue_base64(struct buf *out, const char *s, size_t n);
/* Reads value v of d as a string into a malloc'd C string, or NULL. */
char *issue_json_strdup(const struct json_doc *d, int v);
/* Adds a name, value pair to op->fields when value is not NULL (taken). */
void issue_op_field(struct issue_op *op, const char *name, char *value);
/* Adds a comment (all taken; any may be NULL). */
void issue_op_comment(struct issue_op *op, char *author, char *created,
		      char *body);

#endif
