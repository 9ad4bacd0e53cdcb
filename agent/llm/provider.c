/*
 * Provider settings: the two built-in providers and any configured
 * [llm "name"], resolved from the environment and config.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/config.h"
#include "llm/llm.h"
#include "llm/retry.h"
#include "util/mem.h"

#define DEFAULT_CONNECT_TIMEOUT_MS 10000
#define DEFAULT_IDLE_TIMEOUT_MS 60000

static const struct {
	const char *name;
	enum llm_wire_kind wire;
	const char *url_env, *key_env, *url, *model;
} builtin[] = {
	{ "anthropic", LLM_WIRE_ANTHROPIC, "ANTHROPIC_BASE_URL",
	  "ANTHROPIC_API_KEY", "https://api.anthropic.com",
	  "claude-sonnet-4-5" },
	{ "openai", LLM_WIRE_OPENAI, "OPENAI_BASE_URL", "OPENAI_API_KEY",
	  "https://api.openai.com/v1", "gpt-4.1" },
};

static int get_str(struct config *cfg, const char *name, const char *var,
		   char **out, struct err *e)
{
	if (!cfg)
		return 0;
	return config_get_string(cfg, "llm", name, var, out, e);
}

static int get_int(struct config *cfg, const char *name, const char *var,
		   int64_t *out, struct err *e)
{
	if (!cfg)
		return 0;
	return config_get_int(cfg, "llm", name, var, out, e);
}

/* Counts and milliseconds: 0 (off, or curl's default) up to a day's
 * worth of milliseconds, which also keeps them within a long. */
static int check_range(const char *name, const char *var, int64_t v,
		       struct err *e)
{
	if (v < 0 || v > 86400000)
		return err_set(e, ERR_INVALID_PARAMS,
			       "llm.%s.%s must be 0..86400000", name, var);
	return 0;
}

/* The key file must be the user's own, readable by nobody else. The checks
 * are made on the open file (fstat), so nothing can be swapped in between. */
static int read_key_file(struct llm_provider *p, const char *path,
			 struct err *e)
{
	struct buf b = BUF_INIT;
	struct stat st;
	char chunk[4096];
	ssize_t k;
	size_t n;
	int fd, r = -1;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return err_set_errno(e, ERR_AUTH, "%s: key file %s",
				     p->name, path);
	if (fstat(fd, &st) < 0) {
		err_set_errno(e, ERR_AUTH, "%s: key file %s", p->name, path);
		goto out;
	}
	if (!S_ISREG(st.st_mode) || (st.st_mode & 077) ||
	    st.st_uid != getuid()) {
		err_set(e, ERR_AUTH,
			"%s: key file %s has mode %04o; it must be a "
			"file of yours with mode 0600", p->name, path,
			(unsigned)(st.st_mode & 07777));
		goto out;
	}
	while ((k = read(fd, chunk, sizeof(chunk))) != 0) {
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0 || b.len + (size_t)k > 16384) {
			if (k < 0)
				err_set_errno(e, ERR_AUTH,
					      "%s: key file %s", p->name, path);
			else
				err_set(e, ERR_AUTH,
					"%s: key file %s is larger than 16 KiB",
					p->name, path);
			goto out;
		}
		buf_add(&b, chunk, (size_t)k);
	}
	n = b.len;
	while (n && isspace((unsigned char)b.ptr[n - 1]))
		n--;
	if (n)
		p->api_key = xstrndup(b.ptr, n);
	p->key_source = xstrdup("file");
	r = 0;
out:
	explicit_bzero(chunk, sizeof(chunk)); /* what was read is the key */
	explicit_bzero(b.ptr, b.len);
	buf_release(&b);
	close(fd);
	return r;
}

int llm_provider_load(struct llm_provider *p, struct config *cfg,
		      const char *name, struct err *e)
{
	int bi = -1, r;
	char *s = NULL;
	int64_t v;
	const char *env;

	memset(p, 0, sizeof(*p));
	for (const char *q = name; *q; q++)
		if (!isalnum((unsigned char)*q) && *q != '-' && *q != '_')
			return err_set(e, ERR_INVALID_PARAMS,
				       "bad provider name");
	for (size_t i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
		if (!strcmp(name, builtin[i].name))
			bi = (int)i;
	p->name = xstrdup(name);
	p->wire = bi >= 0 ? builtin[bi].wire : LLM_WIRE_OPENAI;
	if ((r = get_str(cfg, name, "type", &s, e)) < 0)
		goto fail;
	if (r) {
		if (!strcmp(s, "anthropic"))
			p->wire = LLM_WIRE_ANTHROPIC;
		else if (!strcmp(s, "openai"))
			p->wire = LLM_WIRE_OPENAI;
		else {
			err_set(e, ERR_INVALID_PARAMS, "llm.%s.type: '%s' is "
				"neither anthropic nor openai", name, s);
			goto fail;
		}
		free(s);
		s = NULL;
	}

	if (bi >= 0 && (env = getenv(builtin[bi].url_env)) && *env)
		p->base_url = xstrdup(env);
	else if ((r = get_str(cfg, name, "baseUrl", &p->base_url, e)) < 0)
		goto fail;
	if (!p->base_url) {
		if (bi < 0) {
			err_set(e, ERR_INVALID_PARAMS, "unknown provider '%s' "
				"(configure llm.%s.baseUrl)", name, name);
			goto fail;
		}
		p->base_url = xstrdup(builtin[bi].url);
	}
	for (size_t n = strlen(p->base_url); n && p->base_url[n - 1] == '/';)
		p->base_url[--n] = '\0';

	if ((r = get_str(cfg, name, "apiKeyEnv", &s, e)) < 0)
		goto fail;
	if (!r && bi >= 0)
		s = xstrdup(builtin[bi].key_env);
	/* The public endpoints need a key; a configured server may not. */
	if (s && (bi >= 0 || r))
		p->key_env = xstrdup(s);
	if (s && (env = getenv(s)) && *env) {
		struct buf src = BUF_INIT;

		buf_addf(&src, "env:%s", s);
		p->api_key = xstrdup(env);
		p->key_source = buf_detach(&src, NULL);
	}
	free(s);
	s = NULL;
	if (!p->api_key) {
		if ((r = get_str(cfg, name, "apiKeyFile", &s, e)) < 0)
			goto fail;
		if (r && read_key_file(p, s, e) < 0)
			goto fail;
		free(s);
		s = NULL;
	}

	if ((r = get_str(cfg, name, "model", &p->default_model, e)) < 0)
		goto fail;
	if (!r && bi >= 0)
		p->default_model = xstrdup(builtin[bi].model);
	/* Ranges are checked on the int64 before any narrowing cast: a
	 * negative timeout would reach libev and curl as is. */
	v = RETRY_DEFAULT_MAX;
	if (cfg && config_get_int(cfg, "llm", NULL, "maxRetries", &v, e) < 0)
		goto fail;
	if (get_int(cfg, name, "maxRetries", &v, e) < 0)
		goto fail;
	if (v < 0 || v > 10) {
		err_set(e, ERR_INVALID_PARAMS, "llm maxRetries must be 0..10");
		goto fail;
	}
	p->max_retries = (int)v;
	v = 0;
	if (get_int(cfg, name, "requestsPerMinute", &v, e) < 0 ||
	    check_range(name, "requestsPerMinute", v, e) < 0)
		goto fail;
	p->requests_per_min = (double)v;
	v = 0;
	if (get_int(cfg, name, "inputTokensPerMinute", &v, e) < 0 ||
	    check_range(name, "inputTokensPerMinute", v, e) < 0)
		goto fail;
	p->input_tokens_per_min = (double)v;
	v = DEFAULT_CONNECT_TIMEOUT_MS;
	if (get_int(cfg, name, "connectTimeoutMs", &v, e) < 0 ||
	    check_range(name, "connectTimeoutMs", v, e) < 0)
		goto fail;
	p->connect_timeout_ms = (long)v;
	v = DEFAULT_IDLE_TIMEOUT_MS;
	if (get_int(cfg, name, "idleTimeoutMs", &v, e) < 0 ||
	    check_range(name, "idleTimeoutMs", v, e) < 0)
		goto fail;
	p->idle_timeout_ms = (long)v;
	v = LLM_DEFAULT_MAX_RESPONSE_BYTES;
	if (get_int(cfg, name, "maxResponseBytes", &v, e) < 0)
		goto fail;
	if (v < 1024 || v > ((int64_t)1 << 30)) {
		err_set(e, ERR_INVALID_PARAMS,
			"llm.%s.maxResponseBytes must be 1024..1073741824",
			name);
		goto fail;
	}
	p->max_response_bytes = (size_t)v;
	return 0;
fail:
	free(s);
	llm_provider_release(p);
	return -1;
}

void llm_provider_release(struct llm_provider *p)
{
	if (p->api_key)
		explicit_bzero(p->api_key, strlen(p->api_key));
	free(p->api_key);
	free(p->name);
	free(p->base_url);
	free(p->key_source);
	free(p->key_env);
	free(p->default_model);
	memset(p, 0, sizeof(*p));
}

struct names {
	int (*fn)(const char *name, void *data);
	void *data;
};

static int configured_name(const char *name, void *data)
{
	struct names *n = data;

	for (size_t i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
		if (!strcmp(name, builtin[i].name))
			return 0;
	return n->fn(name, n->data);
}

int llm_provider_names(struct config *cfg,
		       int (*fn)(const char *name, void *data), void *data,
		       struct err *e)
{
	struct names n = { fn, data };

	for (size_t i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
		if (fn(builtin[i].name, data))
			return 0;
	if (cfg && config_subsections(cfg, "llm", configured_name, &n, e) < 0)
		return -1;
	return 0;
}
