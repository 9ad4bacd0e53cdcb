/*
 * issues: issue sources (Jira Cloud, Jira Server / Data Center, GitHub, a
 * local Markdown file) read into one shape, and comments posted back.
 *
 * Fetching and commenting are asynchronous on the agent's loop, through the
 * curl-multi HTTP layer (llm/http.h): issue_fetch_start() and
 * issue_comment_start() return an operation that ends exactly once with its
 * done callback, always from the loop (never inside the start call), with a
 * result or an error of a stable kind:
 *   ERR_AUTH         401, or credentials missing (the message names the
 *                    variables to set, never their values)
 *   ERR_FORBIDDEN    403
 *   ERR_RATE_LIMITED 429 after ISSUE_MAX_RETRIES retries honouring
 *                    retry-after (GitHub: also 403 with
 *                    x-ratelimit-remaining: 0, waiting for x-ratelimit-reset)
 *   ERR_NOT_FOUND    404, a missing file
 *   ERR_CONNECTION   host down, refused, dropped, timed out, 5xx
 *   ERR_INVALID_PARAMS  a reference of no known shape, a comment on a file
 *   ERR_OUTSIDE_WORKSPACE  a relative path leading out of the root
 *   ERR_CANCELLED    issue_cancel()
 *
 * Where things come from (environment first, then config, see
 * config/config.h; secrets only ever from the environment):
 *   Jira   JIRA_BASE_URL or jira.baseUrl (or the origin of a /browse/ URL);
 *          Cloud: JIRA_EMAIL + JIRA_API_TOKEN (basic auth, REST v3, ADF);
 *          Server / Data Center: JIRA_PAT (bearer, REST v2, wiki markup).
 *          jira.type = cloud | server decides; else JIRA_PAT without
 *          JIRA_API_TOKEN means server, anything else cloud.
 *   GitHub GITHUB_API_URL or github.apiUrl (default https://api.github.com);
 *          GITHUB_TOKEN (optional: public repositories read without one).
 *
 * Descriptions and comments are Markdown whatever the source: ADF and wiki
 * markup are converted (issue_adf_to_markdown, issue_wiki_to_markdown), and
 * a comment's Markdown is converted back for Jira (issue_markdown_to_adf,
 * issue_markdown_to_wiki).
 */
#ifndef AIRUNNER_ISSUES_H
#define AIRUNNER_ISSUES_H

#include <stdbool.h>
#include <stddef.h>

#include "json/json.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/strv.h"

struct config;
struct ev_loop;
struct http_client;

/* 429s (and GitHub's exhausted rate limit) retried this many times. */
#define ISSUE_MAX_RETRIES 3
/* A wait the server asks for beyond this is not waited for: the error
 * says when to try again instead. */
#define ISSUE_MAX_WAIT_MS 60000
/* Comment pages followed at most (100 comments a page). */
#define ISSUE_MAX_PAGES 20

enum issue_source {
	ISSUE_SOURCE_AUTO = 0, /* an IssueRef without source: guessed */
	ISSUE_SOURCE_JIRA,
	ISSUE_SOURCE_GITHUB,
	ISSUE_SOURCE_FILE,
	ISSUE_SOURCE_INLINE,
};

/* "jira", "github", "file", "inline" (NULL for AUTO). */
const char *issue_source_name(enum issue_source s);

/* An IssueRef: every string owned (malloc'd) or NULL. */
struct issue_ref {
	enum issue_source source;
	char *key, *url, *path, *root;
};

/* The Issue shape of protocol/README.md; every string owned or NULL. */
struct issue {
	enum issue_source source;
	char *key, *title, *description, *url, *status;
	struct strv labels;
	/* One JSON object of source-specific extras (comments, author,
	 * type...); empty means {}. */
	struct buf fields;
};

void issue_init(struct issue *is);
void issue_release(struct issue *is);
void issue_ref_release(struct issue_ref *ref);

/* Writes is as the contract's Issue object. */
void issue_write_json(struct json_writer *w, const struct issue *is);

/* Reads an inline Issue (value v of d) into out (issue_init'ed): title is
 * required, the rest optional; source defaults to "inline". -1 with e
 * (ERR_INVALID_PARAMS naming the member) when it is not one. */
int issue_parse_json(struct issue *out, const struct json_doc *d, int v,
		     struct err *e);

/* Reads an IssueRef (value v of d) into out (zeroed by the caller): at
 * least one of key, url, path. -1 with e set otherwise. */
int issue_ref_parse_json(struct issue_ref *out, const struct json_doc *d,
			 int v, struct err *e);

/* ---- asynchronous operations ---- */

struct issue_op;

/* is and e are valid during the call only; exactly one is non-NULL. */
typedef void (*issue_fetch_done_fn)(const struct issue *is,
				    const struct err *e, void *ud);
/* url (may be NULL) and id on success, else e. */
typedef void (*issue_comment_done_fn)(const char *url, const char *id,
				      const struct err *e, void *ud);

/*
 * Starts fetching ref (read during the call only; copied). cfg (may be
 * NULL) is read during the call only. Returns the operation, valid until
 * done returns; or NULL with e set when the reference or the credentials
 * are wrong before anything is sent (done is then not called).
 */
struct issue_op *issue_fetch_start(struct ev_loop *loop,
				   struct http_client *http,
				   const struct issue_ref *ref,
				   struct config *cfg, issue_fetch_done_fn done,
				   void *ud, struct err *e);

/* Posts body (Markdown, copied) as a comment on ref; as above. A file
 * reference is ERR_INVALID_PARAMS. */
struct issue_op *issue_comment_start(struct ev_loop *loop,
				     struct http_client *http,
				     const struct issue_ref *ref,
				     const char *body, struct config *cfg,
				     issue_comment_done_fn done, void *ud,
				     struct err *e);

/* Stops op: its done runs before this returns, with ERR_CANCELLED. Not
 * from inside done. */
void issue_cancel(struct issue_op *op);

/* ---- converters (pure; tested on their own) ---- */

/* Appends the Markdown of an ADF node (a doc, or any node) of d. Unknown
 * nodes degrade to their text; nothing is refused. */
void issue_adf_to_markdown(struct buf *out, const struct json_doc *d,
			   int node);
/* Appends the Markdown of Jira wiki markup. */
void issue_wiki_to_markdown(struct buf *out, const char *s, size_t n);
/* Writes Markdown as an ADF doc: paragraphs, headings, bullet and ordered
 * lists (nested), code blocks, blockquotes, rules; inline code, strong,
 * em, strike and links. */
void issue_markdown_to_adf(struct json_writer *w, const char *s, size_t n);
/* Appends Markdown rewritten as Jira wiki markup (same subset). */
void issue_markdown_to_wiki(struct buf *out, const char *s, size_t n);

/* A Markdown document as an issue: optional front matter (title, status,
 * labels), the first heading as the title (else the front matter's, else
 * fallback_title), the rest as the description. */
void issue_from_markdown(struct issue *out, const char *s, size_t n,
			 const char *fallback_title);

#endif
