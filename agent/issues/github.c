/*
 * GitHub issues: GET /repos/{owner}/{repo}/issues/{n}, then its comments
 * page by page (per_page=100, following the Link header's rel="next"), and
 * POST .../comments for a comment. The body is Markdown already.
 *
 * A pull request is an issue to this API too: it is fetched, and its
 * fields say pullRequest: true.
 *
 * The token (GITHUB_TOKEN) is optional: public repositories read without
 * one, at a lower rate limit. A Link URL that leaves the API's base is not
 * followed, so the token never goes anywhere else.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "issues/internal.h"
#include "issues/issues.h"
#include "llm/http.h"
#include "util/mem.h"

#define GITHUB_API_DEFAULT "https://api.github.com"

static bool name_ok(const char *s, size_t n)
{
	if (!n || n > 100)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("-_.", s[i]))
			return false;
	return strncmp(s, "..", n) && strncmp(s, ".", n);
}

/* "owner/repo" into op->key when both parts are well-formed. */
static bool set_repo(struct issue_op *op, const char *owner, size_t on,
		     const char *repo, size_t rn)
{
	if (rn > 4 && !strncmp(repo + rn - 4, ".git", 4))
		rn -= 4;
	if (!name_ok(owner, on) || !name_ok(repo, rn))
		return false;
	free(op->key);
	op->key = xmalloc(on + rn + 2);
	memcpy(op->key, owner, on);
	op->key[on] = '/';
	memcpy(op->key + on + 1, repo, rn);
	op->key[on + rn + 1] = '\0';
	return true;
}

static bool set_number(struct issue_op *op, const char *s)
{
	char *end;
	long long n = strtoll(s, &end, 10);

	if (end == s || n <= 0 || (*end && !strchr("/?#", *end)))
		return false;
	op->number = n;
	return true;
}

/* .../owner/repo/issues/12 or .../pull/12 (github.com or GHE). */
static bool from_url(struct issue_op *op, const char *url)
{
	const char *mark = strstr(url, "/issues/");
	const char *p, *repo, *owner;

	if (!mark)
		mark = strstr(url, "/pull/");
	if (!mark || !strstr(url, "://"))
		return false;
	for (repo = mark; repo > url && repo[-1] != '/'; repo--)
		;
	if (repo <= url + 1)
		return false;
	for (owner = repo - 1; owner > url && owner[-1] != '/'; owner--)
		;
	p = strchr(mark + 1, '/') + 1;
	return set_repo(op, owner, (size_t)(repo - 1 - owner), repo,
			(size_t)(mark - repo)) &&
	       set_number(op, p);
}

/* owner/repo of the root's origin remote (git@host:o/r.git,
 * https://host/o/r, ssh://git@host/o/r.git). */
static int origin_repo(struct issue_op *op, const char *root, struct err *e)
{
	git_repository *repo = NULL;
	git_config *cfg = NULL;
	const char *url = NULL, *end, *mid, *start;
	int r = -1;

	if (!root)
		return err_set(e, ERR_INVALID_PARAMS,
			       "#N names an issue of the workspace's origin "
			       "remote: give a root, or owner/repo#N");
	/* The configured URL as is: git_remote_lookup() would also apply
	 * url.*.insteadOf rules, which name no owner/repo we want. */
	if (git_repository_open_ext(&repo, root, 0, NULL) < 0 ||
	    git_repository_config_snapshot(&cfg, repo) < 0 ||
	    git_config_get_string(&url, cfg, "remote.origin.url") < 0) {
		err_set(e, ERR_INVALID_PARAMS,
			"%s has no origin remote to take owner/repo from: use "
			"owner/repo#N", root);
		goto out;
	}
	end = url + strlen(url);
	while (end > url && end[-1] == '/')
		end--;
	for (mid = end; mid > url && mid[-1] != '/'; mid--)
		;
	for (start = mid - 1; start > url && start[-1] != '/' &&
			      start[-1] != ':';
	     start--)
		;
	if (mid <= url || !set_repo(op, start, (size_t)(mid - 1 - start), mid,
				    (size_t)(end - mid))) {
		err_set(e, ERR_INVALID_PARAMS,
			"the origin remote of %s (%s) names no owner/repo: use "
			"owner/repo#N", root, url);
		goto out;
	}
	r = 0;
out:
	git_config_free(cfg);
	git_repository_free(repo);
	return r;
}

static int parse_ref(struct issue_op *op, const struct issue_ref *ref,
		     struct err *e)
{
	const char *k = ref->key, *hash;

	if (ref->url && !k) {
		if (from_url(op, ref->url))
			return 0;
		return err_set(e, ERR_INVALID_PARAMS,
			       "%s is not a GitHub issue URL "
			       "(https://github.com/owner/repo/issues/12)",
			       ref->url);
	}
	hash = k ? strchr(k, '#') : NULL;
	if (!hash || !set_number(op, hash + 1) || strchr(hash + 1, '/'))
		return err_set(e, ERR_INVALID_PARAMS,
			       "%s is not a GitHub issue: owner/repo#12, or #12 "
			       "for the workspace's origin remote",
			       k ? k : "?");
	if (hash == k)
		return origin_repo(op, ref->root, e);
	{
		const char *slash = memchr(k, '/', (size_t)(hash - k));

		if (slash && set_repo(op, k, (size_t)(slash - k), slash + 1,
				      (size_t)(hash - slash - 1)))
			return 0;
	}
	return err_set(e, ERR_INVALID_PARAMS,
		       "%s is not a GitHub issue: owner/repo#12", k);
}

/* The rel="next" URL of a Link header, when it stays under op->base. */
static bool next_link(struct issue_op *op, const char *link)
{
	const char *p = link;

	while ((p = strchr(p, '<'))) {
		const char *gt = strchr(p, '>');
		const char *comma;

		if (!gt)
			return false;
		comma = strchr(gt, ',');
		if (strstr(gt, "rel=\"next\"") &&
		    (!comma || strstr(gt, "rel=\"next\"") < comma)) {
			size_t bl = strlen(op->base);

			if (strncmp(p + 1, op->base, bl) ||
			    (p[1 + bl] != '/' && p[1 + bl] != '?'))
				return false;
			buf_reset(&op->url);
			buf_add(&op->url, p + 1, (size_t)(gt - p - 1));
			return true;
		}
		p = gt;
	}
	return false;
}

static char *login_of(const struct json_doc *d, int user)
{
	return issue_json_strdup(d, json_get(d, user, "login"));
}

static int parse_body(const struct http_result *r, struct json_doc *d,
		      enum json_type want, struct err *e)
{
	if (json_parse(d, r->body, r->body_len, JSON_MAX_DEPTH_DEFAULT, e) < 0) {
		err_prefix(e, "GitHub's answer");
		return -1;
	}
	if (json_type(d, 0) != want)
		return err_set(e, ERR_PARSE, "GitHub's answer: not an %s",
			       want == JSON_OBJECT ? "object" : "array");
	return 0;
}

static int on_comments(struct issue_op *op, const struct http_result *r,
		       struct err *e)
{
	struct json_doc d = JSON_DOC_INIT;
	int ret = -1;

	if (parse_body(r, &d, JSON_ARRAY, e) < 0)
		goto out;
	for (int c = json_first(&d, 0); c >= 0; c = json_next(&d, c)) {
		char *body = issue_json_strdup(&d, json_get(&d, c, "body"));

		issue_op_comment(op, login_of(&d, json_get(&d, c, "user")),
				 issue_json_strdup(&d, json_get(&d, c,
								"created_at")),
				 body);
	}
	ret = ++op->pages < ISSUE_MAX_PAGES && json_count(&d, 0) > 0 &&
	      next_link(op, r->headers->link);
out:
	json_doc_release(&d);
	return ret;
}

static int on_issue(struct issue_op *op, const struct http_result *r,
		    struct err *e)
{
	struct json_doc d = JSON_DOC_INIT;
	struct issue *is = &op->issue;
	struct buf key = BUF_INIT;
	int64_t ncomments = 0, number = 0;
	int ret = -1;

	if (op->pages > 0 || op->issue.title)
		return on_comments(op, r, e);
	if (parse_body(r, &d, JSON_OBJECT, e) < 0)
		goto out;
	is->source = ISSUE_SOURCE_GITHUB;
	buf_addf(&key, "%s#%lld", op->key, op->number);
	is->key = buf_detach(&key, NULL);
	is->title = issue_json_strdup(&d, json_get(&d, 0, "title"));
	if (!is->title) {
		err_set(e, ERR_PARSE, "GitHub's answer for %s has no title",
			is->key);
		goto out;
	}
	is->description = issue_json_strdup(&d, json_get(&d, 0, "body"));
	if (!is->description)
		is->description = xstrdup("");
	is->url = issue_json_strdup(&d, json_get(&d, 0, "html_url"));
	is->status = issue_json_strdup(&d, json_get(&d, 0, "state"));
	for (int l = json_first(&d, json_get(&d, 0, "labels")); l >= 0;
	     l = json_next(&d, l)) {
		char *s = issue_json_strdup(&d, l);

		if (!s)
			s = issue_json_strdup(&d, json_get(&d, l, "name"));
		if (s)
			strv_push(&is->labels, s);
	}
	op->pull_request = json_get(&d, 0, "pull_request") >= 0 &&
			   json_type(&d, json_get(&d, 0, "pull_request")) !=
				   JSON_NULL;
	if (json_int64(&d, json_get(&d, 0, "number"), &number) == 0) {
		struct buf n = BUF_INIT;

		buf_addf(&n, "%lld", (long long)number);
		issue_op_field(op, "number", buf_detach(&n, NULL));
	}
	issue_op_field(op, "author", login_of(&d, json_get(&d, 0, "user")));
	issue_op_field(op, "assignee",
		       login_of(&d, json_get(&d, 0, "assignee")));
	issue_op_field(op, "milestone",
		       issue_json_strdup(&d, json_get(&d, json_get(&d, 0,
								   "milestone"),
						      "title")));
	issue_op_field(op, "stateReason",
		       issue_json_strdup(&d, json_get(&d, 0, "state_reason")));
	issue_op_field(op, "created",
		       issue_json_strdup(&d, json_get(&d, 0, "created_at")));
	issue_op_field(op, "updated",
		       issue_json_strdup(&d, json_get(&d, 0, "updated_at")));
	json_int64(&d, json_get(&d, 0, "comments"), &ncomments);
	ret = 0;
	if (ncomments > 0) {
		buf_reset(&op->url);
		buf_addf(&op->url, "%s/repos/%s/issues/%lld/comments?per_page=100",
			 op->base, op->key, op->number);
		ret = 1;
	}
out:
	json_doc_release(&d);
	buf_release(&key);
	return ret;
}

static int on_comment(struct issue_op *op, const struct http_result *r,
		      struct err *e)
{
	struct json_doc d = JSON_DOC_INIT;
	int ret = -1;
	int64_t id;

	if (parse_body(r, &d, JSON_OBJECT, e) < 0)
		goto out;
	if (json_int64(&d, json_get(&d, 0, "id"), &id) < 0) {
		err_set(e, ERR_PARSE, "GitHub's answer: no comment id");
		goto out;
	}
	{
		struct buf s = BUF_INIT;

		buf_addf(&s, "%lld", (long long)id);
		op->comment_id = buf_detach(&s, NULL);
	}
	op->comment_url = issue_json_strdup(&d, json_get(&d, 0, "html_url"));
	ret = 0;
out:
	json_doc_release(&d);
	return ret;
}

int issue_github_prepare(struct issue_op *op, const struct issue_ref *ref,
			 struct config *cfg, const char *comment_md,
			 struct err *e)
{
	const char *token = getenv("GITHUB_TOKEN");
	size_t n;

	op->service = "GitHub";
	op->auth_hint = "set GITHUB_TOKEN to a token that can read the "
			"repository (and write issues, to comment)";
	if (parse_ref(op, ref, e) < 0)
		return -1;
	buf_addf(&op->what, "issue %s#%lld", op->key, op->number);
	op->base = issue_setting(cfg, "GITHUB_API_URL", "github", "apiUrl");
	if (!op->base)
		op->base = xstrdup(GITHUB_API_DEFAULT);
	n = strlen(op->base);
	while (n && op->base[n - 1] == '/')
		op->base[--n] = '\0';
	if (strncmp(op->base, "https://", 8) && strncmp(op->base, "http://", 7))
		return err_set(e, ERR_CONFIG,
			       "the GitHub API URL must start with https:// "
			       "(got %s)", op->base);
	if (token && *token) {
		struct buf h = BUF_INIT;

		buf_addf(&h, "Authorization: Bearer %s", token);
		strv_push(&op->headers, buf_detach(&h, NULL));
		strv_add(&op->secrets, token);
	} else if (comment_md) {
		return err_set(e, ERR_AUTH,
			       "commenting on GitHub needs a token: set "
			       "GITHUB_TOKEN in the agent's environment");
	}
	strv_add(&op->headers, "Accept: application/vnd.github+json");
	strv_add(&op->headers, "X-GitHub-Api-Version: 2022-11-28");
	strv_add(&op->headers, "User-Agent: airunner");
	if (comment_md) {
		struct json_writer w;

		strv_add(&op->headers, "Content-Type: application/json");
		json_writer_init(&w, &op->post);
		json_obj_begin(&w);
		json_kv_str(&w, "body", comment_md);
		json_obj_end(&w);
		buf_addf(&op->url, "%s/repos/%s/issues/%lld/comments", op->base,
			 op->key, op->number);
		op->on_response = on_comment;
	} else {
		buf_addf(&op->url, "%s/repos/%s/issues/%lld", op->base, op->key,
			 op->number);
		op->on_response = on_issue;
	}
	return 0;
}
