/*
 * The Issue and IssueRef shapes: lifecycle, JSON out, JSON in.
 */
#include <stdlib.h>
#include <string.h>

#include "issues/issues.h"
#include "util/mem.h"

const char *issue_source_name(enum issue_source s)
{
	switch (s) {
	case ISSUE_SOURCE_JIRA:
		return "jira";
	case ISSUE_SOURCE_GITHUB:
		return "github";
	case ISSUE_SOURCE_FILE:
		return "file";
	case ISSUE_SOURCE_INLINE:
		return "inline";
	case ISSUE_SOURCE_AUTO:
		break;
	}
	return NULL;
}

void issue_init(struct issue *is)
{
	memset(is, 0, sizeof(*is));
	is->labels = (struct strv)STRV_INIT;
	buf_init(&is->fields, 0);
}

void issue_release(struct issue *is)
{
	free(is->key);
	free(is->title);
	free(is->description);
	free(is->url);
	free(is->status);
	strv_release(&is->labels);
	buf_release(&is->fields);
	issue_init(is);
}

void issue_ref_release(struct issue_ref *ref)
{
	free(ref->key);
	free(ref->url);
	free(ref->path);
	free(ref->root);
	memset(ref, 0, sizeof(*ref));
}

void issue_write_json(struct json_writer *w, const struct issue *is)
{
	json_obj_begin(w);
	json_kv_str(w, "source", issue_source_name(is->source)
					 ? issue_source_name(is->source)
					 : "inline");
	json_kv_str_or_null(w, "key", is->key);
	json_kv_str(w, "title", is->title ? is->title : "");
	json_kv_str(w, "description", is->description ? is->description : "");
	json_kv_str_or_null(w, "url", is->url);
	json_kv_str_or_null(w, "status", is->status);
	json_key(w, "labels");
	json_arr_begin(w);
	for (size_t i = 0; i < is->labels.n; i++)
		json_w_str(w, is->labels.v[i]);
	json_arr_end(w);
	json_key(w, "fields");
	if (is->fields.len)
		json_w_raw(w, is->fields.ptr, is->fields.len);
	else {
		json_obj_begin(w);
		json_obj_end(w);
	}
	json_obj_end(w);
}

static enum issue_source source_of(const struct json_doc *d, int v)
{
	static const enum issue_source all[] = {
		ISSUE_SOURCE_JIRA, ISSUE_SOURCE_GITHUB, ISSUE_SOURCE_FILE,
		ISSUE_SOURCE_INLINE,
	};

	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if (json_str_eq(d, v, issue_source_name(all[i])))
			return all[i];
	return ISSUE_SOURCE_AUTO;
}

/* An optional string member: 0 (absent, null, or read), -1 wrong type. */
static int opt_str(const struct json_doc *d, int obj, const char *name,
		   char **out, struct err *e)
{
	int v = json_get(d, obj, name);

	if (v < 0 || json_type(d, v) == JSON_NULL)
		return 0;
	*out = json_strdup(d, v);
	if (!*out)
		return err_set(e, ERR_INVALID_PARAMS,
			       "issue.%s: a string without NUL characters",
			       name);
	return 0;
}

int issue_parse_json(struct issue *out, const struct json_doc *d, int v,
		     struct err *e)
{
	int labels, fields, src;

	if (json_type(d, v) != JSON_OBJECT)
		return err_set(e, ERR_INVALID_PARAMS, "issue: an object");
	src = json_get(d, v, "source");
	out->source = ISSUE_SOURCE_INLINE;
	if (src >= 0 && json_type(d, src) != JSON_NULL) {
		out->source = source_of(d, src);
		if (!out->source)
			return err_set(e, ERR_INVALID_PARAMS,
				       "issue.source: \"jira\", \"github\", "
				       "\"file\" or \"inline\"");
	}
	if (opt_str(d, v, "key", &out->key, e) < 0 ||
	    opt_str(d, v, "title", &out->title, e) < 0 ||
	    opt_str(d, v, "description", &out->description, e) < 0 ||
	    opt_str(d, v, "url", &out->url, e) < 0 ||
	    opt_str(d, v, "status", &out->status, e) < 0)
		return -1;
	if (!out->title || !*out->title)
		return err_set(e, ERR_INVALID_PARAMS,
			       "issue.title: a non-empty string is required");
	labels = json_get(d, v, "labels");
	if (labels >= 0 && json_type(d, labels) != JSON_NULL &&
	    json_type(d, labels) != JSON_ARRAY)
		return err_set(e, ERR_INVALID_PARAMS,
			       "issue.labels: an array of strings");
	for (int l = json_first(d, labels); l >= 0; l = json_next(d, l)) {
		char *s = json_strdup(d, l);

		if (!s)
			return err_set(e, ERR_INVALID_PARAMS,
				       "issue.labels: an array of strings");
		strv_push(&out->labels, s);
	}
	fields = json_get(d, v, "fields");
	if (fields >= 0 && json_type(d, fields) == JSON_OBJECT) {
		size_t n;
		const char *raw = json_raw(d, fields, &n);

		buf_add(&out->fields, raw, n);
	} else if (fields >= 0 && json_type(d, fields) != JSON_NULL) {
		return err_set(e, ERR_INVALID_PARAMS, "issue.fields: an object");
	}
	return 0;
}

int issue_ref_parse_json(struct issue_ref *out, const struct json_doc *d,
			 int v, struct err *e)
{
	static const char *const names[] = { "key", "url", "path", "root" };
	char **dst[] = { &out->key, &out->url, &out->path, &out->root };
	int src;

	if (json_type(d, v) != JSON_OBJECT)
		return err_set(e, ERR_INVALID_PARAMS, "issue: an object");
	src = json_get(d, v, "source");
	if (src >= 0 && json_type(d, src) != JSON_NULL) {
		out->source = source_of(d, src);
		if (!out->source || out->source == ISSUE_SOURCE_INLINE)
			return err_set(e, ERR_INVALID_PARAMS,
				       "source: \"jira\", \"github\" or "
				       "\"file\"");
	}
	for (size_t i = 0; i < 4; i++) {
		int m = json_get(d, v, names[i]);

		if (m < 0 || json_type(d, m) == JSON_NULL)
			continue;
		*dst[i] = json_strdup(d, m);
		if (!*dst[i] || !**dst[i])
			return err_set(e, ERR_INVALID_PARAMS,
				       "%s: a non-empty string", names[i]);
	}
	if (!out->key && !out->url && !out->path)
		return err_set(e, ERR_INVALID_PARAMS,
			       "an issue reference needs a key (PROJ-12, "
			       "owner/repo#12, #12), a url or a path");
	return 0;
}
