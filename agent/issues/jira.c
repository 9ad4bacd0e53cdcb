/*
 * Jira: Cloud (REST v3, basic auth with an e-mail and an API token, rich
 * text in ADF) and Server / Data Center (REST v2, a personal access token
 * as bearer, rich text in wiki markup).
 *
 * A fetch is GET /rest/api/{3,2}/issue/KEY with the fields we show; the
 * issue carries its first comments, and when it has more, GET .../comment
 * pages follow (startAt, maxResults). A comment is POST .../comment.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "issues/internal.h"
#include "issues/issues.h"
#include "llm/http.h"
#include "util/mem.h"

#define JIRA_FIELDS "summary,description,status,labels,comment,issuetype," \
		    "priority,assignee,reporter,created,updated"

static bool jira_key_ok(const char *s, size_t n)
{
	size_t i = 0;

	if (!n || !isupper((unsigned char)s[0]))
		return false;
	while (i < n && (isupper((unsigned char)s[i]) ||
			 isdigit((unsigned char)s[i]) || s[i] == '_'))
		i++;
	if (i + 1 >= n || s[i] != '-')
		return false;
	for (i++; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* PROJ-12 from .../browse/PROJ-12 or ...?selectedIssue=PROJ-12. */
static char *key_from_url(const char *url)
{
	const char *p = strstr(url, "/browse/");
	size_t n;

	if (p)
		p += 8;
	else if ((p = strstr(url, "selectedIssue=")))
		p += 14;
	else
		return NULL;
	n = strcspn(p, "/?#&");
	return jira_key_ok(p, n) ? xstrndup(p, n) : NULL;
}

/* scheme://host[:port] of url, or NULL. */
static char *origin_of(const char *url)
{
	const char *p = strstr(url, "://");

	if (!p)
		return NULL;
	p += 3;
	return xstrndup(url, (size_t)(p - url) + strcspn(p, "/?#"));
}

/* An issue's text: ADF (v3) or wiki markup (v2), as Markdown. */
static char *text_md(const struct json_doc *d, int v)
{
	struct buf md = BUF_INIT;

	if (json_type(d, v) == JSON_OBJECT) {
		issue_adf_to_markdown(&md, d, v);
	} else if (json_type(d, v) == JSON_STRING) {
		struct buf raw = BUF_INIT;

		json_str(d, v, &raw);
		issue_wiki_to_markdown(&md, raw.ptr, raw.len);
		buf_release(&raw);
	}
	return buf_detach(&md, NULL);
}

static char *name_of(const struct json_doc *d, int person)
{
	char *s = issue_json_strdup(d, json_get(d, person, "displayName"));

	return s ? s : issue_json_strdup(d, json_get(d, person, "name"));
}

/* Comments of a page ({comments, startAt, maxResults, total}); sets the
 * next page's URL and returns 1 when more are due. */
static int add_comments(struct issue_op *op, const struct json_doc *d,
			int page)
{
	int list = json_get(d, page, "comments");
	int64_t total = 0, start = 0;
	int got = 0;

	for (int c = json_first(d, list); c >= 0; c = json_next(d, c), got++)
		issue_op_comment(op, name_of(d, json_get(d, c, "author")),
				 issue_json_strdup(d, json_get(d, c, "created")),
				 text_md(d, json_get(d, c, "body")));
	json_int64(d, json_get(d, page, "total"), &total);
	json_int64(d, json_get(d, page, "startAt"), &start);
	if (!got || start + got >= total || ++op->pages >= ISSUE_MAX_PAGES)
		return 0;
	buf_reset(&op->url);
	buf_addf(&op->url,
		 "%s/rest/api/%d/issue/%s/comment?startAt=%lld&maxResults=100",
		 op->base, op->jira_server ? 2 : 3, op->key,
		 (long long)(start + got));
	return 1;
}

static int parse_body(const struct http_result *r, struct json_doc *d,
		      struct err *e)
{
	if (json_parse(d, r->body, r->body_len, JSON_MAX_DEPTH_DEFAULT, e) < 0) {
		err_prefix(e, "Jira's answer");
		return -1;
	}
	if (json_type(d, 0) != JSON_OBJECT)
		return err_set(e, ERR_PARSE, "Jira's answer: not an object");
	return 0;
}

static int on_issue(struct issue_op *op, const struct http_result *r,
		    struct err *e)
{
	struct json_doc d = JSON_DOC_INIT;
	int f, labels, ret = -1;
	struct issue *is = &op->issue;

	if (parse_body(r, &d, e) < 0)
		goto out;
	if (op->pages > 0) { /* a page of comments */
		ret = add_comments(op, &d, 0);
		goto out;
	}
	f = json_get(&d, 0, "fields");
	is->source = ISSUE_SOURCE_JIRA;
	is->key = issue_json_strdup(&d, json_get(&d, 0, "key"));
	if (!is->key)
		is->key = xstrdup(op->key);
	is->title = issue_json_strdup(&d, json_get(&d, f, "summary"));
	is->description = text_md(&d, json_get(&d, f, "description"));
	is->status = issue_json_strdup(
		&d, json_get(&d, json_get(&d, f, "status"), "name"));
	{
		struct buf url = BUF_INIT;

		buf_addf(&url, "%s/browse/%s", op->base, is->key);
		is->url = buf_detach(&url, NULL);
	}
	labels = json_get(&d, f, "labels");
	for (int l = json_first(&d, labels); l >= 0; l = json_next(&d, l)) {
		char *s = issue_json_strdup(&d, l);

		if (s)
			strv_push(&is->labels, s);
	}
	issue_op_field(op, "flavor", xstrdup(op->jira_server ? "server"
							     : "cloud"));
	issue_op_field(op, "type",
		       issue_json_strdup(&d, json_get(&d, json_get(&d, f,
							  "issuetype"),
						 "name")));
	issue_op_field(op, "priority",
		       issue_json_strdup(&d, json_get(&d, json_get(&d, f,
							  "priority"),
						 "name")));
	issue_op_field(op, "assignee", name_of(&d, json_get(&d, f, "assignee")));
	issue_op_field(op, "reporter", name_of(&d, json_get(&d, f, "reporter")));
	issue_op_field(op, "created",
		       issue_json_strdup(&d, json_get(&d, f, "created")));
	issue_op_field(op, "updated",
		       issue_json_strdup(&d, json_get(&d, f, "updated")));
	if (!is->title) {
		err_set(e, ERR_PARSE,
			"Jira's answer for %s has no fields.summary", op->key);
		goto out;
	}
	ret = add_comments(op, &d, json_get(&d, f, "comment"));
out:
	json_doc_release(&d);
	return ret;
}

static int on_comment(struct issue_op *op, const struct http_result *r,
		      struct err *e)
{
	struct json_doc d = JSON_DOC_INIT;
	struct buf url = BUF_INIT;
	int ret = -1;

	if (parse_body(r, &d, e) < 0)
		goto out;
	op->comment_id = issue_json_strdup(&d, json_get(&d, 0, "id"));
	if (!op->comment_id) {
		err_set(e, ERR_PARSE, "Jira's answer: no comment id");
		goto out;
	}
	buf_addf(&url, "%s/browse/%s?focusedCommentId=%s", op->base, op->key,
		 op->comment_id);
	op->comment_url = buf_detach(&url, NULL);
	ret = 0;
out:
	json_doc_release(&d);
	buf_release(&url);
	return ret;
}

static int credentials(struct issue_op *op, struct config *cfg,
		       struct err *e)
{
	char *type = issue_setting(cfg, NULL, "jira", "type");
	char *email = issue_setting(cfg, "JIRA_EMAIL", "jira", "email");
	const char *token = getenv("JIRA_API_TOKEN");
	const char *pat = getenv("JIRA_PAT");
	struct buf h = BUF_INIT, pair = BUF_INIT;
	int r = -1;

	if (token && !*token)
		token = NULL;
	if (pat && !*pat)
		pat = NULL;
	if (type && strcasecmp(type, "cloud") && strcasecmp(type, "server") &&
	    strcasecmp(type, "datacenter")) {
		err_set(e, ERR_CONFIG,
			"jira.type: \"cloud\" or \"server\" (Server and Data "
			"Center), not \"%s\"", type);
		goto out;
	}
	op->jira_server = type ? strcasecmp(type, "cloud") != 0
			       : (pat && !token);
	if (op->jira_server) {
		op->auth_hint = "check JIRA_PAT (a personal access token of "
				"an account that can see the issue)";
		if (!pat) {
			err_set(e, ERR_AUTH,
				"Jira Server / Data Center needs a personal "
				"access token: set JIRA_PAT in the agent's "
				"environment");
			goto out;
		}
		buf_addf(&h, "Authorization: Bearer %s", pat);
		strv_add(&op->secrets, pat);
	} else {
		op->auth_hint = "check JIRA_EMAIL and JIRA_API_TOKEN (an API "
				"token made at id.atlassian.com for that "
				"e-mail)";
		if (!email || !token) {
			err_set(e, ERR_AUTH,
				"Jira Cloud needs JIRA_EMAIL and JIRA_API_TOKEN "
				"in the agent's environment (or JIRA_PAT and "
				"jira.type = server for Jira Server / Data "
				"Center)");
			goto out;
		}
		buf_addf(&pair, "%s:%s", email, token);
		buf_adds(&h, "Authorization: Basic ");
		issue_base64(&h, pair.ptr, pair.len);
		strv_add(&op->secrets, token);
		strv_add(&op->secrets, h.ptr + 21);
	}
	strv_push(&op->headers, buf_detach(&h, NULL));
	r = 0;
out:
	free(type);
	free(email);
	if (pair.cap)
		memset(pair.ptr, 0, pair.len);
	buf_release(&pair);
	if (h.cap)
		memset(h.ptr, 0, h.len);
	buf_release(&h);
	return r;
}

int issue_jira_prepare(struct issue_op *op, const struct issue_ref *ref,
		       struct config *cfg, const char *comment_md,
		       struct err *e)
{
	size_t n;

	op->service = "Jira";
	if (ref->key && jira_key_ok(ref->key, strlen(ref->key)))
		op->key = xstrdup(ref->key);
	else if (ref->url)
		op->key = key_from_url(ref->url);
	if (!op->key)
		return err_set(e, ERR_INVALID_PARAMS,
			       "%s is not a Jira issue key (PROJ-12) or URL "
			       "(.../browse/PROJ-12)",
			       ref->key ? ref->key : ref->url ? ref->url : "?");
	op->base = issue_setting(cfg, "JIRA_BASE_URL", "jira", "baseUrl");
	if (!op->base && ref->url)
		op->base = origin_of(ref->url);
	if (!op->base)
		return err_set(e, ERR_CONFIG,
			       "no Jira site for %s: set JIRA_BASE_URL (e.g. "
			       "https://example.atlassian.net) or "
			       "airunner.jira.baseUrl",
			       op->key);
	n = strlen(op->base);
	while (n && op->base[n - 1] == '/')
		op->base[--n] = '\0';
	if (strncmp(op->base, "https://", 8) && strncmp(op->base, "http://", 7))
		return err_set(e, ERR_CONFIG,
			       "the Jira base URL must start with https:// "
			       "(got %s)", op->base);
	buf_addf(&op->what, "issue %s", op->key);
	if (credentials(op, cfg, e) < 0)
		return -1;
	strv_add(&op->headers, "Accept: application/json");
	strv_add(&op->headers, "User-Agent: airunner");
	if (comment_md) {
		struct json_writer w;

		strv_add(&op->headers, "Content-Type: application/json");
		json_writer_init(&w, &op->post);
		json_obj_begin(&w);
		json_key(&w, "body");
		if (op->jira_server) {
			struct buf wiki = BUF_INIT;

			issue_markdown_to_wiki(&wiki, comment_md,
					       strlen(comment_md));
			json_w_strn(&w, wiki.ptr, wiki.len);
			buf_release(&wiki);
		} else {
			issue_markdown_to_adf(&w, comment_md,
					      strlen(comment_md));
		}
		json_obj_end(&w);
		buf_addf(&op->url, "%s/rest/api/%d/issue/%s/comment", op->base,
			 op->jira_server ? 2 : 3, op->key);
		op->on_response = on_comment;
	} else {
		buf_addf(&op->url, "%s/rest/api/%d/issue/%s?fields=" JIRA_FIELDS,
			 op->base, op->jira_server ? 2 : 3, op->key);
		op->on_response = on_issue;
	}
	return 0;
}
