/* Which checks apply to a workspace: detection, configuration, globs. */
#include "verify/checks.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/config.h"
#include "json/json.h"
#include "util/mem.h"

#define TESTS_TIMEOUT 60.0
#define TOOL_TIMEOUT 120.0

static const char *const js_globs[] = { "*.ts", "*.tsx", "*.mts", "*.cts",
					"*.js", "*.jsx", "*.mjs", "*.cjs",
					NULL };

/* ---- globs ---- */

/* One class at p ('[' already seen); *adv gets its length after '['. */
static bool class_match(const char *p, char c, size_t *adv)
{
	const char *q = p;
	bool neg = false, hit = false;

	if (*q == '!' || *q == '^') {
		neg = true;
		q++;
	}
	if (*q == ']') { /* a leading ']' is literal */
		hit = c == ']';
		q++;
	}
	for (; *q && *q != ']'; q++) {
		if (q[1] == '-' && q[2] && q[2] != ']') {
			hit |= c >= q[0] && c <= q[2];
			q += 2;
		} else
			hit |= c == *q;
	}
	if (!*q) /* unterminated: '[' is a literal */
		return false;
	*adv = (size_t)(q - p) + 1;
	return hit != neg;
}

static bool glob_at(const char *g, const char *s)
{
	for (; *g; g++, s++) {
		size_t adv;

		switch (*g) {
		case '*':
			if (g[1] == '*' && (g[2] == '/' || !g[2])) {
				/* "**" spans folders; "**" + "/" may also
				 * match no folder at all. */
				const char *rest = g[2] ? g + 3 : g + 2;

				if (!g[2])
					return true;
				for (;; s++) {
					if (glob_at(rest, s))
						return true;
					if (!*s)
						return false;
					while (*s && *s != '/')
						s++;
					if (!*s)
						return false;
				}
			}
			for (;; s++) {
				if (glob_at(g + 1, s))
					return true;
				if (!*s || *s == '/')
					return false;
			}
		case '?':
			if (!*s || *s == '/')
				return false;
			break;
		case '[':
			if (!*s || *s == '/')
				return false;
			if (strchr(g + 1, ']')) {
				if (!class_match(g + 1, *s, &adv))
					return false;
				g += adv;
				break;
			}
			if (*s != '[')
				return false;
			break;
		case '\\':
			if (g[1])
				g++;
			/* fall through */
		default:
			if (*g != *s)
				return false;
		}
	}
	return !*s;
}

bool verify_glob_match(const char *glob, const char *path)
{
	const char *base;

	if (!strchr(glob, '/')) {
		base = strrchr(path, '/');
		return glob_at(glob, base ? base + 1 : path);
	}
	if (glob[0] == '/')
		glob++;
	return glob_at(glob, path);
}

/* ---- command splitting ---- */

int verify_split_command(const char *cmd, struct strv *out, struct err *e)
{
	struct buf w = BUF_INIT;
	const char *p = cmd;
	bool in_word = false;
	int r = -1;

	for (;;) {
		char c = *p;

		if (!c || c == ' ' || c == '\t' || c == '\n') {
			if (in_word)
				strv_push(out, buf_detach(&w, NULL));
			in_word = false;
			if (!c)
				break;
			p++;
			continue;
		}
		in_word = true;
		if (c == '\'') {
			const char *end = strchr(p + 1, '\'');

			if (!end) {
				err_set(e, ERR_INVALID_PARAMS,
					"unbalanced ' in command: %s", cmd);
				goto out;
			}
			buf_add(&w, p + 1, (size_t)(end - p - 1));
			p = end + 1;
		} else if (c == '"') {
			for (p++; *p && *p != '"'; p++) {
				if (*p == '\\' && p[1] && strchr("\"\\$`", p[1]))
					p++;
				buf_addch(&w, *p);
			}
			if (!*p) {
				err_set(e, ERR_INVALID_PARAMS,
					"unbalanced \" in command: %s", cmd);
				goto out;
			}
			p++;
		} else if (c == '\\' && p[1]) {
			buf_addch(&w, p[1]);
			p += 2;
		} else {
			buf_addch(&w, c);
			p++;
		}
	}
	r = 0;
out:
	buf_release(&w);
	return r;
}

/* ---- JSONC ---- */

void verify_jsonc_strip(const char *src, size_t len, struct buf *out)
{
	size_t i = 0;

	while (i < len) {
		char c = src[i];

		if (c == '"') {
			size_t j = i + 1;

			while (j < len && src[j] != '"')
				j += src[j] == '\\' ? 2 : 1;
			j = j < len ? j + 1 : len;
			buf_add(out, src + i, j - i);
			i = j;
		} else if (c == '/' && i + 1 < len && src[i + 1] == '/') {
			while (i < len && src[i] != '\n')
				i++;
		} else if (c == '/' && i + 1 < len && src[i + 1] == '*') {
			i += 2;
			while (i + 1 < len && !(src[i] == '*' && src[i + 1] == '/'))
				i++;
			i = i + 2 < len ? i + 2 : len;
			buf_addch(out, ' ');
		} else if (c == ',') {
			/* A comma followed (past blanks and comments) by a
			 * closing bracket is dropped. */
			size_t j = i + 1;

			for (;;) {
				while (j < len && strchr(" \t\r\n", src[j]))
					j++;
				if (j + 1 < len && src[j] == '/' &&
				    src[j + 1] == '/') {
					while (j < len && src[j] != '\n')
						j++;
				} else if (j + 1 < len && src[j] == '/' &&
					   src[j + 1] == '*') {
					j += 2;
					while (j + 1 < len &&
					       !(src[j] == '*' && src[j + 1] == '/'))
						j++;
					j += 2;
				} else
					break;
			}
			if (!(j < len && (src[j] == '}' || src[j] == ']')))
				buf_addch(out, ',');
			i++;
		} else {
			buf_addch(out, c);
			i++;
		}
	}
}

/* ---- detection ---- */

static bool file_exists(const char *root, const char *rel)
{
	struct buf p = BUF_INIT;
	struct stat st;
	bool ok;

	buf_addf(&p, "%s/%s", root, rel);
	ok = stat(p.ptr, &st) == 0;
	buf_release(&p);
	return ok;
}

/* Whether the top folder holds a file ending in ext. */
static bool top_has_ext(const char *root, const char *ext)
{
	DIR *d = opendir(root);
	struct dirent *de;
	size_t el = strlen(ext);
	bool hit = false;

	if (!d)
		return false;
	while (!hit && (de = readdir(d))) {
		size_t n = strlen(de->d_name);

		hit = n > el && !strcmp(de->d_name + n - el, ext);
	}
	closedir(d);
	return hit;
}

static struct verify_check *check_add(struct verify_checks *c,
				      const char *name, const char *tool)
{
	struct verify_check *k;

	if (c->n == c->alloc) {
		c->alloc = c->alloc ? c->alloc * 2 : 8;
		c->v = xrealloc(c->v, c->alloc * sizeof(*c->v));
	}
	k = &c->v[c->n++];
	memset(k, 0, sizeof(*k));
	k->name = xstrdup(name);
	k->tool = xstrdup(tool);
	k->blocking = true;
	k->timeout = TOOL_TIMEOUT;
	return k;
}

static void add_words(struct strv *l, const char *const *words)
{
	for (; *words; words++)
		strv_add(l, *words);
}

void verify_check_release(struct verify_check *k)
{
	free(k->name);
	free(k->tool);
	strv_release(&k->command);
	strv_release(&k->files);
	strv_release(&k->env);
}

void verify_checks_release(struct verify_checks *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		verify_check_release(&c->v[i]);
	free(c->v);
	c->v = NULL;
	c->n = c->alloc = 0;
}

/* npm's placeholder test script fails on purpose; it is not a test suite. */
static bool placeholder_test_script(const char *s)
{
	return strstr(s, "no test specified") != NULL;
}

static bool has_word(const char *s, const char *w)
{
	size_t n = strlen(w);
	const char *p;

	for (p = strstr(s, w); p; p = strstr(p + 1, w)) {
		bool left = p == s || !(p[-1] == '-' || p[-1] == '_' ||
					(p[-1] >= 'a' && p[-1] <= 'z'));
		char r = p[n];
		bool right = !(r == '-' || r == '_' || (r >= 'a' && r <= 'z'));

		if (left && right)
			return true;
	}
	return false;
}

static void detect_tests(struct verify_checks *c, const char *root)
{
	struct buf path = BUF_INIT, src = BUF_INIT;
	struct json_doc doc = JSON_DOC_INIT;
	struct err e = ERR_INIT;
	char *script = NULL;
	struct verify_check *k;

	buf_addf(&path, "%s/package.json", root);
	if (buf_read_file(&src, path.ptr, 1 << 20) < 0 ||
	    json_parse(&doc, src.ptr, src.len, 64, &e) < 0)
		goto out; /* npm would fail on it too; tsc will say why */
	script = json_strdup(&doc, json_get(&doc, json_get(&doc, 0, "scripts"),
					    "test"));
	if (!script || placeholder_test_script(script))
		goto out;
	k = check_add(c, "tests", "npm");
	add_words(&k->command, (const char *const[]){ "npm", "test", NULL });
	/* jest and vitest fail a run that finds no test file. */
	if (has_word(script, "jest") || has_word(script, "vitest"))
		add_words(&k->command,
			  (const char *const[]){ "--", "--passWithNoTests",
						 NULL });
	strv_add(&k->files, "*");
	strv_add(&k->env, "CI=true");
	k->timeout = TESTS_TIMEOUT;
out:
	free(script);
	json_doc_release(&doc);
	err_clear(&e);
	buf_release(&src);
	buf_release(&path);
}

static const char *const eslint_configs[] = {
	"eslint.config.js", "eslint.config.mjs", "eslint.config.cjs",
	"eslint.config.ts", ".eslintrc", ".eslintrc.js", ".eslintrc.cjs",
	".eslintrc.json", ".eslintrc.yml", ".eslintrc.yaml", NULL,
};

/*
 * py_compile writes .pyc files: not into the user's tree. Python also LOADS
 * the bytecode of the modules it imports (py_compile itself) from that
 * prefix, so it must be a folder nobody else can write: in a shared /tmp a
 * fixed name could be made first by another user, who would then run code
 * as us. Ours (made 0700, checked after) or the variable is left out.
 */
static void add_pycache_env(struct strv *env)
{
	const char *tmp = getenv("TMPDIR");
	struct buf v = BUF_INIT;
	struct stat st;
	const char *dir;

	buf_addf(&v, "PYTHONPYCACHEPREFIX=%s/airunner-pycache-%lu",
		 tmp && *tmp ? tmp : "/tmp", (unsigned long)getuid());
	dir = strchr(v.ptr, '=') + 1;
	if ((mkdir(dir, 0700) == 0 || errno == EEXIST) &&
	    lstat(dir, &st) == 0 && S_ISDIR(st.st_mode) &&
	    st.st_uid == getuid() && !(st.st_mode & 077))
		strv_push(env, buf_detach(&v, NULL));
	buf_release(&v);
}

static void detect(struct verify_checks *c, const char *root)
{
	struct verify_check *k;
	bool node = file_exists(root, "package.json") ||
		    file_exists(root, "tsconfig.json");
	size_t i;

	if (file_exists(root, "tsconfig.json") &&
	    file_exists(root, "node_modules/typescript/package.json")) {
		k = check_add(c, "tsc", "tsc");
		add_words(&k->command,
			  (const char *const[]){ "node_modules/.bin/tsc",
						 "--noEmit", "--pretty",
						 "false", NULL });
		k->warm = VERIFY_WARM_TSC;
		add_words(&k->files, js_globs);
		strv_add(&k->files, "tsconfig.json");
	}
	for (i = 0; eslint_configs[i]; i++)
		if (file_exists(root, eslint_configs[i]))
			break;
	if (eslint_configs[i] &&
	    file_exists(root, "node_modules/eslint/package.json")) {
		k = check_add(c, "eslint", "eslint");
		add_words(&k->command,
			  (const char *const[]){ "node_modules/.bin/eslint",
						 "{files}", NULL });
		k->warm = VERIFY_WARM_ESLINT;
		add_words(&k->files, js_globs);
	}
	if (node) {
		k = check_add(c, "imports", "imports");
		k->kind = VERIFY_KIND_IMPORTS;
		add_words(&k->files, js_globs);
	}
	if (file_exists(root, "package.json"))
		detect_tests(c, root);
	if (file_exists(root, "pyproject.toml") ||
	    file_exists(root, "setup.py") ||
	    file_exists(root, "requirements.txt") || top_has_ext(root, ".py")) {
		k = check_add(c, "python", "python");
		add_words(&k->command,
			  (const char *const[]){ "python3", "-m", "py_compile",
						 "{files}", NULL });
		strv_add(&k->files, "*.py");
		add_pycache_env(&k->env);
	}
	if (file_exists(root, "compile_commands.json") ||
	    file_exists(root, "build/compile_commands.json") ||
	    top_has_ext(root, ".c")) {
		k = check_add(c, "c", "gcc");
		k->kind = VERIFY_KIND_CC;
		add_words(&k->command,
			  (const char *const[]){ "cc", "-fsyntax-only",
						 "{files}", NULL });
		strv_add(&k->files, "*.c");
	}
}

/* ---- configuration ---- */

struct conf_state {
	struct verify_checks *c;
	struct config *cfg;
	struct err *e;
	int failed;
};

static int add_to_strv(const char *value, void *data)
{
	strv_add(data, value);
	return 0;
}

struct verify_check *verify_checks_find(const struct verify_checks *c,
					const char *name)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (!strcmp(c->v[i].name, name))
			return &c->v[i];
	return NULL;
}

static int conf_check(const char *name, void *data)
{
	struct conf_state *st = data;
	struct verify_check *k = verify_checks_find(st->c, name);
	struct strv files = STRV_INIT, env = STRV_INIT;
	char *cmd = NULL, *tool = NULL;
	bool enabled = true, b;
	int64_t t;
	int r;

	if (config_get_bool(st->cfg, "check", name, "enabled", &enabled,
			    st->e) < 0)
		goto fail;
	if (!enabled) {
		if (k) {
			verify_check_release(k);
			*k = st->c->v[--st->c->n];
		}
		goto out;
	}
	if ((r = config_get_string(st->cfg, "check", name, "command", &cmd,
				   st->e)) < 0)
		goto fail;
	if (!k && !cmd) {
		err_set(st->e, ERR_CONFIG,
			"check \"%s\" is configured without a command", name);
		goto fail;
	}
	if (!k) {
		k = check_add(st->c, name, name);
		strv_add(&k->files, "*");
	}
	k->source = VERIFY_CONFIG;
	if (cmd) {
		struct strv argv = STRV_INIT;

		k->warm = VERIFY_WARM_NONE; /* its own command: its own flags */
		if (verify_split_command(cmd, &argv, st->e) < 0 || !argv.n) {
			strv_release(&argv);
			if (!st->e->kind)
				err_set(st->e, ERR_CONFIG, "empty command");
			st->e->kind = ERR_CONFIG; /* a bad command is bad config */
			err_prefix(st->e, "check \"%s\"", name);
			goto fail;
		}
		strv_release(&k->command);
		k->command = argv;
		/* A command of the project's own choosing runs as given. */
		k->kind = VERIFY_KIND_COMMAND;
	}
	if (config_get_string(st->cfg, "check", name, "tool", &tool,
			      st->e) < 0)
		goto fail;
	if (tool) {
		free(k->tool);
		k->tool = tool;
		tool = NULL;
	}
	if (config_get_all(st->cfg, "check", name, "files", add_to_strv,
			   &files, st->e) < 0)
		goto fail;
	if (files.n) {
		strv_release(&k->files);
		k->files = files;
		files = (struct strv)STRV_INIT;
	}
	if (config_get_all(st->cfg, "check", name, "env", add_to_strv, &env,
			   st->e) < 0)
		goto fail;
	for (size_t i = 0; i < env.n; i++) {
		if (!strchr(env.v[i], '=') || env.v[i][0] == '=') {
			err_set(st->e, ERR_CONFIG,
				"check \"%s\": env wants KEY=VALUE, not %s",
				name, env.v[i]);
			goto fail;
		}
		strv_add(&k->env, env.v[i]);
	}
	if ((r = config_get_int(st->cfg, "check", name, "timeout", &t,
				st->e)) < 0)
		goto fail;
	if (r == 1) {
		if (t < 0 || t > 86400) {
			err_set(st->e, ERR_CONFIG,
				"check \"%s\": timeout must be 0..86400 seconds",
				name);
			goto fail;
		}
		k->timeout = (double)t;
	}
	if ((r = config_get_bool(st->cfg, "check", name, "blocking", &b,
				 st->e)) < 0)
		goto fail;
	if (r == 1)
		k->blocking = b;
	goto out;
fail:
	st->failed = 1;
out:
	free(cmd);
	free(tool);
	strv_release(&files);
	strv_release(&env);
	return st->failed;
}

int verify_checks_load(struct verify_checks *out, const char *root,
		       struct err *e)
{
	struct conf_state st = { out, NULL, e, 0 };

	detect(out, root);
	if (config_open(&st.cfg, root, e) < 0)
		goto fail;
	if (config_subsections(st.cfg, "check", conf_check, &st, e) < 0 ||
	    st.failed)
		goto fail;
	config_free(st.cfg);
	return 0;
fail:
	config_free(st.cfg);
	verify_checks_release(out);
	return -1;
}

void verify_write_strv(struct json_writer *w, const char *key,
		       const struct strv *l)
{
	size_t i;

	json_key(w, key);
	json_arr_begin(w);
	for (i = 0; i < l->n; i++)
		json_w_str(w, l->v[i]);
	json_arr_end(w);
}

void verify_check_write_json(struct json_writer *w,
			     const struct verify_check *c)
{
	json_obj_begin(w);
	json_kv_str(w, "name", c->name);
	json_kv_str(w, "tool", c->tool);
	verify_write_strv(w, "command", &c->command);
	verify_write_strv(w, "files", &c->files);
	json_kv_double(w, "timeout", c->timeout);
	json_kv_bool(w, "blocking", c->blocking);
	json_kv_str(w, "source",
		    c->source == VERIFY_CONFIG ? "config" : "detected");
	if (c->env.n)
		verify_write_strv(w, "env", &c->env);
	json_obj_end(w);
}
