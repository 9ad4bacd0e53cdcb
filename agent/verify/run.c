/*
 * Running checks: the files, where to run (work tree or a checkout of the
 * index), one job per child (a check is one job, or one per file for the C
 * compiler with compile_commands.json), at most one job per core, and the
 * result cache.
 */
#include "verify/checks.h"

#include <ev.h>
#include <ftw.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "git/repo.h"
#include "proc/proc.h"
#include "util/mem.h"

#define OUTPUT_MAX ((size_t)256 << 10) /* per check, in the result */
#define CACHE_MAX 32
#define ARGS_CHUNK ((size_t)64 << 10) /* file names per child, in bytes */

/* Folders a checkout of the index lacks (untracked) but tools need. */
static const char *const dep_dirs[] = { "node_modules", ".venv", "venv",
					"vendor", NULL };

struct verify_run;
struct check_run;

struct job {
	struct verify_run *run;
	struct check_run *cr;
	struct strv argv; /* empty for an in-process check */
	char *cwd;
	struct proc *proc; /* while running */
};

struct check_run {
	const struct verify_check *check;
	struct verify_check_result *res;
	struct strv files; /* the request's files this check covers */
	size_t njobs, jobs_done;
	bool timed_out, spawn_failed, failed, cancelled, started;
	int exit_code;
	double start;
};

struct verify_run {
	struct ev_loop *loop;
	char *root;     /* the workspace (real path) */
	char *run_root; /* where the checks run: root, or the checkout */
	char *tmpdir;   /* the checkout to remove, or NULL */
	struct verify_checks checks;
	struct strv files;
	struct check_run *crs;
	size_t ncr;
	struct job *jobs;
	size_t njobs, next, running, max_running;
	struct verify_result *result;
	char *cache_key; /* NULL: not cacheable */
	/* A staged run in the work tree: the files there that git does not
	 * track (name, size, mtime), for the cache key: tools see them too. */
	struct buf untracked;
	const struct classify_db *db;
	struct classify_db *db_ref; /* the workspace's, released at the end */
	bool cancelled, pumping, from_cache;
	double start;
	ev_timer kick_w;
	verify_done_fn done;
	void (*progress)(const struct verify_check_result *, size_t, size_t,
			 void *);
	void *data;
	size_t checks_done, checks_run;
};

const char *verify_status_name(enum verify_status s)
{
	static const char *const names[] = { "passed", "failed", "timeout",
					     "cancelled", "error", "skipped" };

	return (unsigned)s < sizeof(names) / sizeof(*names) ? names[s]
							    : "error";
}

/* ---- results ---- */

static void check_result_release(struct verify_check_result *c)
{
	free(c->name);
	free(c->tool);
	strv_release(&c->command);
	buf_release(&c->output);
	diag_list_release(&c->diags);
}

void verify_result_free(struct verify_result *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->n; i++)
		check_result_release(&r->checks[i]);
	free(r->checks);
	free(r);
}

static char *strdup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void diag_copy(struct diag *dst, const struct diag *src)
{
	*dst = *src;
	dst->file = strdup_or_null(src->file);
	dst->code = strdup_or_null(src->code);
	dst->message = strdup_or_null(src->message);
	dst->hint = strdup_or_null(src->hint);
	dst->tool = strdup_or_null(src->tool);
}

static struct verify_result *result_dup(const struct verify_result *r)
{
	struct verify_result *c = xcalloc(1, sizeof(*c));
	size_t i, j;

	*c = *r;
	c->checks = xcalloc(r->n ? r->n : 1, sizeof(*c->checks));
	for (i = 0; i < r->n; i++) {
		const struct verify_check_result *s = &r->checks[i];
		struct verify_check_result *d = &c->checks[i];

		*d = *s;
		d->name = xstrdup(s->name);
		d->tool = xstrdup(s->tool);
		memset(&d->command, 0, sizeof(d->command));
		strv_add_all(&d->command, &s->command);
		buf_init(&d->output, 0);
		buf_add(&d->output, s->output.ptr, s->output.len);
		memset(&d->diags, 0, sizeof(d->diags));
		for (j = 0; j < s->diags.n; j++)
			diag_copy(diag_list_push(&d->diags), &s->diags.v[j]);
	}
	return c;
}

void verify_result_write_json(struct json_writer *w,
			      const struct verify_result *r)
{
	size_t i, j, ran = 0, failed = 0, errors = 0, warnings = 0;

	json_obj_begin(w);
	json_kv_bool(w, "ok", r->ok);
	json_kv_bool(w, "cached", r->cached);
	if (r->tree[0])
		json_kv_str(w, "tree", r->tree);
	json_kv_int(w, "durationMs", (int64_t)(r->duration * 1000.0 + 0.5));
	json_key(w, "checks");
	json_arr_begin(w);
	for (i = 0; i < r->n; i++) {
		const struct verify_check_result *c = &r->checks[i];

		ran += c->status != VERIFY_SKIPPED;
		if (c->status == VERIFY_FAILED || c->status == VERIFY_TIMEOUT ||
		    c->status == VERIFY_ERROR)
			failed++;
		json_obj_begin(w);
		json_kv_str(w, "name", c->name);
		json_kv_str(w, "tool", c->tool);
		verify_write_strv(w, "command", &c->command);
		json_kv_str(w, "status", verify_status_name(c->status));
		json_kv_bool(w, "blocking", c->blocking);
		json_key(w, "exitCode");
		if (c->exit_code >= 0)
			json_w_int(w, c->exit_code);
		else
			json_w_null(w);
		json_kv_int(w, "durationMs",
			    (int64_t)(c->duration * 1000.0 + 0.5));
		json_key(w, "output");
		json_w_strn(w, c->output.ptr, c->output.len);
		json_kv_bool(w, "truncated", c->truncated);
		json_key(w, "diagnostics");
		json_arr_begin(w);
		for (j = 0; j < c->diags.n; j++) {
			errors += c->diags.v[j].severity == DIAG_ERROR;
			warnings += c->diags.v[j].severity == DIAG_WARNING;
			diag_write_json(w, &c->diags.v[j]);
		}
		json_arr_end(w);
		json_obj_end(w);
	}
	json_arr_end(w);
	json_key(w, "summary");
	json_obj_begin(w);
	json_kv_int(w, "checks", (int64_t)ran);
	json_kv_int(w, "failed", (int64_t)failed);
	json_kv_int(w, "errors", (int64_t)errors);
	json_kv_int(w, "warnings", (int64_t)warnings);
	json_obj_end(w);
	json_obj_end(w);
}

/* ---- the cache: a few recent staged results, least recently used out ---- */

static struct {
	char *key;
	struct verify_result *res;
	uint64_t used;
} cache[CACHE_MAX];
static uint64_t cache_clock;

static struct verify_result *cache_get(const char *key)
{
	size_t i;

	for (i = 0; i < CACHE_MAX; i++)
		if (cache[i].key && !strcmp(cache[i].key, key)) {
			cache[i].used = ++cache_clock;
			return cache[i].res;
		}
	return NULL;
}

static void cache_put(const char *key, const struct verify_result *r)
{
	size_t i, victim = 0;

	for (i = 0; i < CACHE_MAX; i++) {
		if (!cache[i].key) {
			victim = i;
			break;
		}
		if (cache[i].used < cache[victim].used)
			victim = i;
	}
	free(cache[victim].key);
	verify_result_free(cache[victim].res);
	cache[victim].key = xstrdup(key);
	cache[victim].res = result_dup(r);
	cache[victim].used = ++cache_clock;
}

void verify_cache_clear(void)
{
	size_t i;

	for (i = 0; i < CACHE_MAX; i++) {
		free(cache[i].key);
		verify_result_free(cache[i].res);
		memset(&cache[i], 0, sizeof(cache[i]));
	}
}

/* ---- paths ---- */

/*
 * Normalizes path (relative to root, or absolute) to a clean path relative
 * to root, appended to out; false when it leaves root. Lexical, as git
 * names files: a symlink inside the work tree is a file of the work tree.
 */
static bool path_relative(const char *root, const char *path, struct buf *out)
{
	struct strv seg = STRV_INIT;
	const char *p;
	size_t rl = strlen(root), i;
	bool ok = true;

	if (path[0] == '/') {
		while (rl > 1 && root[rl - 1] == '/')
			rl--;
		if (strncmp(path, root, rl) || (path[rl] && path[rl] != '/'))
			return false;
		path += rl;
	}
	for (p = path; *p;) {
		const char *s = strchr(p, '/');
		size_t n = s ? (size_t)(s - p) : strlen(p);

		if (n == 2 && !strncmp(p, "..", 2)) {
			if (!seg.n) {
				ok = false;
				break;
			}
			free(seg.v[--seg.n]);
			seg.v[seg.n] = NULL;
		} else if (n && !(n == 1 && *p == '.'))
			strv_addn(&seg, p, n);
		p += n + (s ? 1 : 0);
	}
	if (ok && !seg.n)
		ok = false; /* the root itself is not a file */
	for (i = 0; ok && i < seg.n; i++)
		buf_addf(out, "%s%s", i ? "/" : "", seg.v[i]);
	strv_release(&seg);
	return ok;
}

/* A diagnostic's file as the workspace names it. */
static void diag_fix_path(struct verify_run *run, const struct job *job,
			  struct diag *d)
{
	struct buf abs = BUF_INIT, rel = BUF_INIT;

	if (!d->file || !*d->file)
		return;
	if (d->file[0] != '/')
		buf_addf(&abs, "%s/%s", job->cwd, d->file);
	else
		buf_adds(&abs, d->file);
	if (path_relative(run->run_root, abs.ptr, &rel) ||
	    path_relative(run->root, abs.ptr, &rel)) {
		free(d->file);
		d->file = buf_detach(&rel, NULL);
	}
	buf_release(&abs);
	buf_release(&rel);
}

static int rm_entry(const char *path, const struct stat *st, int flag,
		    struct FTW *ftw)
{
	remove(path);
	return 0;
}

/* ---- the checkout of the index ---- */

static int make_checkout(struct verify_run *run, struct repo *repo,
			 struct err *e)
{
	const char *tmp = getenv("TMPDIR");
	struct buf dir = BUF_INIT, link = BUF_INIT, target = BUF_INIT;
	char real[PATH_MAX];
	struct stat st;
	size_t i;
	int r = -1;

	buf_addf(&dir, "%s/airunner-verify-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir.ptr)) {
		err_set_errno(e, ERR_IO, "creating %s", dir.ptr);
		goto out;
	}
	/* Tools print the real path (node's cwd): match them. */
	if (!realpath(dir.ptr, real)) {
		err_set_errno(e, ERR_IO, "%s", dir.ptr);
		rmdir(dir.ptr);
		goto out;
	}
	run->tmpdir = xstrdup(real);
	if (repo_checkout_index(repo, real, e) < 0)
		goto out;
	for (i = 0; dep_dirs[i]; i++) {
		buf_reset(&target);
		buf_reset(&link);
		buf_addf(&target, "%s/%s", run->root, dep_dirs[i]);
		buf_addf(&link, "%s/%s", real, dep_dirs[i]);
		if (stat(target.ptr, &st) < 0 || !S_ISDIR(st.st_mode) ||
		    lstat(link.ptr, &st) == 0)
			continue; /* absent, or tracked (in the checkout) */
		if (symlink(target.ptr, link.ptr) < 0) {
			err_set_errno(e, ERR_IO, "linking %s", link.ptr);
			goto out;
		}
	}
	run->run_root = xstrdup(real);
	r = 0;
out:
	buf_release(&dir);
	buf_release(&link);
	buf_release(&target);
	return r;
}

/* ---- the C compiler ---- */

/* Whether prog (looked up in PATH) is gcc: it alone gets
 * -fdiagnostics-format=json in the form the patterns know. */
static bool cc_is_gcc(const char *prog)
{
	const char *path = getenv("PATH");
	char real[PATH_MAX];
	struct buf cand = BUF_INIT;
	bool gcc = false;

	if (strchr(prog, '/')) {
		gcc = realpath(prog, real) && strstr(strrchr(real, '/'), "gcc");
		return gcc;
	}
	while (path && *path && !gcc) {
		const char *c = strchr(path, ':');
		size_t n = c ? (size_t)(c - path) : strlen(path);

		buf_reset(&cand);
		buf_addf(&cand, "%.*s/%s", (int)n, path, prog);
		if (access(cand.ptr, X_OK) == 0) {
			gcc = realpath(cand.ptr, real) &&
			      strstr(strrchr(real, '/'), "gcc");
			break;
		}
		path = c ? c + 1 : NULL;
	}
	buf_release(&cand);
	return gcc;
}

/* root-prefixed paths of the workspace point into the checkout instead,
 * where the checkout has them. */
static char *map_root(struct verify_run *run, const char *s)
{
	size_t rl = strlen(run->root);
	struct buf m = BUF_INIT;
	const char *at = strstr(s, run->root);
	struct stat st;

	if (!run->tmpdir || !at || (at[rl] && at[rl] != '/'))
		return xstrdup(s);
	buf_add(&m, s, (size_t)(at - s));
	buf_adds(&m, run->run_root);
	buf_adds(&m, at + rl);
	if (stat(m.ptr + (at - s), &st) < 0) {
		buf_release(&m);
		return xstrdup(s);
	}
	return buf_detach(&m, NULL);
}

/* A file named like an option stays a file. */
static void add_file_arg(struct strv *argv, const char *file)
{
	struct buf dot = BUF_INIT;

	if (file[0] != '-') {
		strv_add(argv, file);
		return;
	}
	buf_addf(&dot, "./%s", file);
	strv_push(argv, buf_detach(&dot, NULL));
}

static struct job *job_add(struct verify_run *run, struct check_run *cr)
{
	struct job *j = &run->jobs[run->njobs++];

	memset(j, 0, sizeof(*j));
	j->run = run;
	j->cr = cr;
	j->cwd = xstrdup(run->run_root);
	cr->njobs++;
	return j;
}

/*
 * The compile_commands.json entry for file turned into a syntax check:
 * argv and cwd filled (caller frees) and true, or false when there is none.
 * own: the check is airunner's own, so gcc may speak JSON.
 */
static bool cc_from_db(struct verify_run *run, const struct json_doc *db,
		       const char *file, bool own, struct strv *argv,
		       char **cwd)
{
	struct buf rel = BUF_INIT, abs = BUF_INIT;
	int ent;
	bool found = false;

	for (ent = json_first(db, 0); ent >= 0 && !found;
	     ent = json_next(db, ent)) {
		char *dir = json_strdup(db, json_get(db, ent, "directory"));
		char *f = json_strdup(db, json_get(db, ent, "file"));
		char *cmd = NULL;
		struct strv args = STRV_INIT;
		int a;
		size_t i;

		if (!dir || !f)
			goto next;
		buf_reset(&rel);
		buf_reset(&abs);
		if (f[0] == '/')
			buf_adds(&abs, f);
		else
			buf_addf(&abs, "%s/%s", dir, f);
		if (!path_relative(run->root, abs.ptr, &rel) ||
		    strcmp(rel.ptr, file))
			goto next;
		a = json_get(db, ent, "arguments");
		if (json_type(db, a) == JSON_ARRAY) {
			for (a = json_first(db, a); a >= 0;
			     a = json_next(db, a)) {
				char *s = json_strdup(db, a);

				if (!s) /* not a string, or holds a NUL */
					goto next;
				strv_push(&args, s);
			}
		} else {
			cmd = json_strdup(db, json_get(db, ent, "command"));
			if (!cmd || verify_split_command(cmd, &args, NULL) < 0)
				goto next;
		}
		if (!args.n)
			goto next;
		for (i = 0; i < args.n; i++) {
			const char *s = args.v[i];

			/* Drop what builds an output; keep the flags. */
			if (!strcmp(s, "-o") || !strcmp(s, "-MF") ||
			    !strcmp(s, "-MT") || !strcmp(s, "-MQ")) {
				i++;
				continue;
			}
			if (!strcmp(s, "-c") || !strcmp(s, "-MD") ||
			    !strcmp(s, "-MMD") || !strcmp(s, f) ||
			    !strncmp(s, "-fdiagnostics-format", 20))
				continue;
			strv_push(argv, map_root(run, s));
		}
		strv_add(argv, "-fsyntax-only");
		if (own && cc_is_gcc(args.v[0]))
			strv_add(argv, "-fdiagnostics-format=json");
		buf_reset(&abs);
		buf_addf(&abs, "%s/%s", run->run_root, file);
		strv_add(argv, abs.ptr);
		*cwd = map_root(run, dir);
		found = true;
next:
		strv_release(&args);
		free(cmd);
		free(dir);
		free(f);
	}
	buf_release(&rel);
	buf_release(&abs);
	return found;
}

/* One job per file with a compile_commands.json entry, one plain
 * `cc -fsyntax-only` for the others. */
static void plan_cc(struct verify_run *run, struct check_run *cr)
{
	static const char *const dbs[] = { "compile_commands.json",
					   "build/compile_commands.json", NULL };
	struct buf path = BUF_INIT, src = BUF_INIT;
	struct json_doc db = JSON_DOC_INIT;
	struct strv plain = STRV_INIT;
	bool have_db = false, own = cr->check->source == VERIFY_DETECTED;
	size_t i;

	for (i = 0; dbs[i] && !have_db; i++) {
		buf_reset(&path);
		buf_reset(&src);
		buf_addf(&path, "%s/%s", run->root, dbs[i]);
		json_doc_release(&db);
		have_db = buf_read_file(&src, path.ptr, 64u << 20) == 0 &&
			  json_parse(&db, src.ptr, src.len, 64, NULL) == 0 &&
			  json_type(&db, 0) == JSON_ARRAY;
	}
	for (i = 0; i < cr->files.n; i++) {
		struct strv argv = STRV_INIT;
		char *cwd = NULL;
		struct job *j;

		if (!have_db || !cc_from_db(run, &db, cr->files.v[i], own,
					    &argv, &cwd)) {
			strv_add(&plain, cr->files.v[i]);
			continue;
		}
		j = job_add(run, cr);
		j->argv = argv;
		free(j->cwd);
		j->cwd = cwd;
	}
	if (plain.n) {
		struct job *j = job_add(run, cr);

		strv_add(&j->argv, "cc");
		strv_add(&j->argv, "-fsyntax-only");
		if (own && cc_is_gcc("cc"))
			strv_add(&j->argv, "-fdiagnostics-format=json");
		for (i = 0; i < plain.n; i++)
			add_file_arg(&j->argv, plain.v[i]);
	}
	strv_release(&plain);
	json_doc_release(&db);
	buf_release(&path);
	buf_release(&src);
}

/* ---- planning ---- */

/*
 * The command with {files} expanded. A long file list (`all` on a big repo)
 * is cut into several children of at most ARGS_CHUNK bytes of names each, so
 * no exec fails with E2BIG; a check that takes {files} checks each file on
 * its own terms, so the verdicts add up.
 */
static void plan_command(struct verify_run *run, struct check_run *cr)
{
	const struct strv *cmd = &cr->check->command;
	size_t f = 0, i;

	do {
		struct job *j = job_add(run, cr);
		size_t chunk_end = f, bytes = 0;

		while (chunk_end < cr->files.n &&
		       (chunk_end == f || bytes < ARGS_CHUNK))
			bytes += strlen(cr->files.v[chunk_end++]) + 1;
		for (i = 0; i < cmd->n; i++) {
			size_t k;

			if (strcmp(cmd->v[i], "{files}")) {
				strv_add(&j->argv, cmd->v[i]);
				continue;
			}
			for (k = f; k < chunk_end; k++)
				add_file_arg(&j->argv, cr->files.v[k]);
		}
		if (!strv_has(cmd, "{files}"))
			break; /* project-wide: one run */
		f = chunk_end;
	} while (f < cr->files.n);
}

/* ---- running ---- */

static void pump(struct verify_run *run);

static void output_append(struct check_run *cr, const char *s, size_t n)
{
	struct buf *out = &cr->res->output;
	size_t room = out->len < OUTPUT_MAX ? OUTPUT_MAX - out->len : 0;

	if (n > room) {
		n = room;
		cr->res->truncated = true;
	}
	buf_add(out, s, n);
}

/* Classifies a job's output into its check's diagnostics. */
static void job_classify(struct job *j, const char *text, size_t len)
{
	struct verify_run *run = j->run;
	struct diag_list l = DIAG_LIST_INIT;
	struct err e = ERR_INIT;
	size_t i;

	if (classify_text(run->db, j->cr->check->tool, text, len, &l, &e) < 0)
		output_append(j->cr, e.msg.ptr, e.msg.len);
	for (i = 0; i < l.n; i++) {
		diag_fix_path(run, j, &l.v[i]);
		*diag_list_push(&j->cr->res->diags) = l.v[i]; /* moved */
	}
	free(l.v);
	err_clear(&e);
}

static void check_finish(struct verify_run *run, struct check_run *cr)
{
	struct verify_check_result *res = cr->res;

	res->duration = ev_time() - cr->start;
	res->exit_code = cr->exit_code;
	if (cr->timed_out) {
		struct diag *d = diag_list_push(&res->diags);
		struct buf s = BUF_INIT;

		res->status = VERIFY_TIMEOUT;
		d->severity = DIAG_ERROR;
		d->category = CAT_TIMEOUT;
		d->code = xstrdup("timeout");
		d->tool = xstrdup(cr->check->tool);
		buf_addf(&s, "check %s timed out after %g s and was killed",
			 cr->check->name, cr->check->timeout);
		d->message = buf_detach(&s, NULL);
		buf_addf(&s, "make it faster, or raise its limit: "
			     "`[check \"%s\"] timeout = <seconds>` in .airunner",
			 cr->check->name);
		d->hint = buf_detach(&s, NULL);
	} else if (cr->cancelled)
		res->status = VERIFY_CANCELLED;
	else if (cr->spawn_failed)
		res->status = VERIFY_ERROR;
	else
		res->status = cr->failed ? VERIFY_FAILED : VERIFY_PASSED;
	run->checks_done++;
	if (run->progress)
		run->progress(res, run->checks_done, run->checks_run,
			      run->data);
}

static void job_done(struct job *j)
{
	struct check_run *cr = j->cr;

	if (++cr->jobs_done == cr->njobs)
		check_finish(j->run, cr);
	pump(j->run);
}

static void on_proc_done(struct proc *p, struct proc_result *r, void *data)
{
	struct job *j = data;
	struct check_run *cr = j->cr;

	j->proc = NULL;
	j->run->running--;
	output_append(cr, r->output.ptr, r->output.len);
	if (r->truncated)
		cr->res->truncated = true;
	job_classify(j, r->output.ptr, r->output.len);
	switch (r->status) {
	case PROC_TIMED_OUT:
		cr->timed_out = true;
		break;
	case PROC_CANCELLED:
		cr->cancelled = true;
		break;
	case PROC_EXITED:
		if (cr->exit_code <= 0)
			cr->exit_code = r->exit_code;
		cr->failed |= r->exit_code != 0;
		break;
	case PROC_SIGNALED:
		cr->failed = true;
		break;
	}
	job_done(j);
}

static void run_imports(struct job *j)
{
	struct verify_run *run = j->run;
	struct check_run *cr = j->cr;
	struct verify_tsconfig tc;
	struct err e = ERR_INIT;
	struct buf line = BUF_INIT;
	size_t i;

	if (verify_tsconfig_load(&tc, run->run_root, &e) < 0) {
		output_append(cr, e.msg.ptr, e.msg.len);
		cr->spawn_failed = true;
		goto out;
	}
	for (i = 0; i < cr->files.n; i++) {
		if (verify_imports_file(run->run_root, cr->files.v[i], &tc,
					&cr->res->diags, &e) < 0) {
			/* A file that vanished is not an import error. */
			output_append(cr, e.msg.ptr, e.msg.len);
			output_append(cr, "\n", 1);
			err_clear(&e);
		}
	}
	for (i = 0; i < cr->res->diags.n; i++) {
		const struct diag *d = &cr->res->diags.v[i];

		if (d->severity == DIAG_ERROR)
			cr->failed = true;
		buf_reset(&line);
		buf_addf(&line, "%s:%d:%d: %s\n", d->file, d->line, d->column,
			 d->message);
		output_append(cr, line.ptr, line.len);
	}
	cr->exit_code = cr->failed ? 1 : 0;
	verify_tsconfig_release(&tc);
out:
	buf_release(&line);
	err_clear(&e);
}

static void start_job(struct verify_run *run, struct job *j)
{
	const struct verify_check *k = j->cr->check;
	struct proc_spec spec = { 0 };
	struct err e = ERR_INIT;

	if (!j->cr->started) {
		j->cr->started = true;
		j->cr->start = ev_time();
	}
	if (k->kind == VERIFY_KIND_IMPORTS) {
		run_imports(j);
		job_done(j);
		return;
	}
	spec.argv = strv_argv(&j->argv);
	spec.env = k->env.n ? strv_argv(&k->env) : NULL;
	spec.cwd = j->cwd;
	spec.output_max = OUTPUT_MAX;
	spec.timeout = k->timeout;
	if (proc_spawn(&j->proc, run->loop, &spec, on_proc_done, j, &e) < 0) {
		output_append(j->cr, e.msg.ptr, e.msg.len);
		j->cr->spawn_failed = true;
		err_clear(&e);
		job_done(j);
		return;
	}
	run->running++;
}

static void run_free(struct verify_run *run)
{
	size_t i;

	ev_timer_stop(run->loop, &run->kick_w);
	for (i = 0; i < run->ncr; i++)
		strv_release(&run->crs[i].files);
	for (i = 0; i < run->njobs; i++) {
		strv_release(&run->jobs[i].argv);
		free(run->jobs[i].cwd);
	}
	if (run->tmpdir)
		nftw(run->tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	if (run->db_ref)
		classify_db_release(run->db_ref);
	verify_checks_release(&run->checks);
	strv_release(&run->files);
	buf_release(&run->untracked);
	verify_result_free(run->result);
	free(run->crs);
	free(run->jobs);
	free(run->cache_key);
	free(run->root);
	free(run->run_root);
	free(run->tmpdir);
	free(run);
}

static void run_finish(struct verify_run *run)
{
	struct verify_result *res = run->result;
	verify_done_fn done = run->done;
	void *data = run->data;
	bool cacheable = !run->from_cache && run->cache_key;
	size_t i;

	res->ok = true;
	for (i = 0; i < res->n; i++) {
		enum verify_status s = res->checks[i].status;

		if (s != VERIFY_PASSED && s != VERIFY_SKIPPED &&
		    res->checks[i].blocking)
			res->ok = false;
		/* Only a verdict the content decided is worth keeping. */
		if (s != VERIFY_PASSED && s != VERIFY_SKIPPED &&
		    s != VERIFY_FAILED)
			cacheable = false;
	}
	res->duration = ev_time() - run->start;
	if (cacheable)
		cache_put(run->cache_key, res);
	run->result = NULL;
	run_free(run);
	done(res, data);
}

static void pump(struct verify_run *run)
{
	if (run->pumping)
		return;
	run->pumping = true;
	while (run->next < run->njobs &&
	       (run->cancelled || run->running < run->max_running)) {
		struct job *j = &run->jobs[run->next++];

		if (run->cancelled) {
			j->cr->cancelled = true;
			job_done(j);
		} else
			start_job(run, j);
	}
	run->pumping = false;
	if (!run->running && run->next == run->njobs)
		run_finish(run);
}

static void on_kick(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct verify_run *run = w->data;

	ev_timer_stop(loop, w);
	pump(run);
}

void verify_cancel(struct verify_run *run)
{
	size_t i;

	run->cancelled = true;
	for (i = 0; i < run->next; i++)
		if (run->jobs[i].proc)
			proc_cancel(run->jobs[i].proc);
}

/* ---- starting a run ---- */

/* Keeps only the named checks; an unknown name is an error. */
static int select_checks(struct verify_checks *c, const char *root,
			 const char *const *names, struct err *e)
{
	const char *const *n;
	size_t i, k = 0;

	if (!names)
		return 0;
	for (n = names; *n; n++)
		if (!verify_checks_find(c, *n))
			return err_set(e, ERR_INVALID_PARAMS,
				       "no check named \"%s\" in %s", *n, root);
	for (i = 0; i < c->n; i++) {
		for (n = names; *n && strcmp(c->v[i].name, *n); n++)
			;
		if (*n)
			c->v[k++] = c->v[i];
		else
			verify_check_release(&c->v[i]);
	}
	c->n = k;
	return 0;
}

/*
 * The files to check into run->files. *partial: the work tree is not what
 * would be committed; then *repo_out gets the open repository (caller
 * frees) for the checkout, made only when the cache cannot answer.
 */
/* The changed files that are not staged: with the tracked ones the same in
 * the work tree and the index (not partial), the untracked ones. */
static int note_untracked(struct verify_run *run, struct repo *repo,
			  const struct strv *staged, struct err *e)
{
	struct strv changed = STRV_INIT;
	struct buf path = BUF_INIT;
	struct stat st;
	size_t i, j = 0;

	if (repo_files(repo, REPO_FILES_CHANGED, &changed, NULL, e) < 0)
		return -1;
	for (i = 0; i < changed.n; i++) {
		int c = 1;

		/* Both sorted: walk them together. */
		while (j < staged->n && (c = strcmp(staged->v[j],
						    changed.v[i])) < 0)
			j++;
		if (j < staged->n && c == 0)
			continue;
		buf_reset(&path);
		buf_addf(&path, "%s/%s", run->root, changed.v[i]);
		if (lstat(path.ptr, &st) < 0)
			memset(&st, 0, sizeof(st));
		buf_addf(&run->untracked, "\n?%s\t%lld\t%lld.%09ld",
			 changed.v[i], (long long)st.st_size,
			 (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
	}
	buf_release(&path);
	strv_release(&changed);
	return 0;
}

static int collect_files(struct verify_run *run,
			 const struct verify_request *req, bool *partial,
			 struct repo **repo_out, struct err *e)
{
	struct repo *repo = NULL;
	const char *const *f;
	int r = -1;

	*partial = false;
	if (req->files) {
		for (f = req->files; *f; f++) {
			struct buf rel = BUF_INIT;

			/* Either spelling of the root: as given, or real. */
			if (!path_relative(run->root, *f, &rel) &&
			    (buf_reset(&rel), !path_relative(req->root, *f, &rel))) {
				buf_release(&rel);
				return err_set(e, "outside_workspace",
					       "%s is outside the workspace %s",
					       *f, run->root);
			}
			strv_push(&run->files, buf_detach(&rel, NULL));
		}
		strv_sort_uniq(&run->files);
		if (!req->staged)
			return 0;
	}
	if (repo_open(&repo, run->root, e) < 0) {
		err_prefix(e, "%s needs a git repository",
			   req->staged ? "checking the staged content"
				       : "finding the changed files");
		return -1;
	}
	if (req->staged) {
		struct strv staged = STRV_INIT;

		if (req->index && req->index[0] != '/') {
			err_set(e, ERR_INVALID_PARAMS,
				"index must be an absolute path");
			goto out;
		}
		if (req->index && repo_use_index(repo, req->index, e) < 0)
			goto out;
		if (repo_files(repo, REPO_FILES_STAGED, &staged, partial, e) < 0 ||
		    repo_index_tree(repo, run->result->tree, e) < 0) {
			strv_release(&staged);
			goto out;
		}
		if (!*partial && note_untracked(run, repo, &staged, e) < 0) {
			strv_release(&staged);
			goto out;
		}
		if (!req->files)
			run->files = staged;
		else
			strv_release(&staged);
	} else if (repo_files(repo, req->all ? REPO_FILES_ALL
					     : REPO_FILES_CHANGED,
			      &run->files, NULL, e) < 0)
		goto out;
	if (*partial) {
		*repo_out = repo;
		repo = NULL;
	}
	r = 0;
out:
	repo_free(repo);
	return r;
}

/* Everything the verdict depends on but the tools themselves. */
static char *cache_key(struct verify_run *run)
{
	struct buf k = BUF_INIT;
	struct json_writer w;
	size_t i;

	buf_addf(&k, "%s\n%s\n", run->root, run->result->tree);
	json_writer_init(&w, &k);
	json_arr_begin(&w);
	for (i = 0; i < run->checks.n; i++)
		verify_check_write_json(&w, &run->checks.v[i]);
	json_arr_end(&w);
	for (i = 0; i < run->files.n; i++)
		buf_addf(&k, "\n%s", run->files.v[i]);
	buf_add(&k, run->untracked.ptr, run->untracked.len);
	return buf_detach(&k, NULL);
}

static void plan(struct verify_run *run)
{
	struct verify_result *res = run->result;
	size_t i, f, g, cap = 0;

	for (i = 0; i < run->checks.n; i++)
		cap += run->files.n + 1;
	run->jobs = xcalloc(cap ? cap : 1, sizeof(*run->jobs));
	run->crs = xcalloc(run->checks.n ? run->checks.n : 1,
			   sizeof(*run->crs));
	res->checks = xcalloc(run->checks.n ? run->checks.n : 1,
			      sizeof(*res->checks));
	for (i = 0; i < run->checks.n; i++) {
		const struct verify_check *k = &run->checks.v[i];
		struct check_run *cr = &run->crs[run->ncr++];
		size_t first_job = run->njobs;

		cr->check = k;
		cr->res = &res->checks[res->n++];
		cr->exit_code = -1;
		cr->res->name = xstrdup(k->name);
		cr->res->tool = xstrdup(k->tool);
		cr->res->blocking = k->blocking;
		cr->res->exit_code = -1;
		buf_init(&cr->res->output, 0);
		for (f = 0; f < run->files.n; f++)
			for (g = 0; g < k->files.n; g++)
				if (verify_glob_match(k->files.v[g],
						      run->files.v[f])) {
					strv_add(&cr->files, run->files.v[f]);
					break;
				}
		if (!cr->files.n) {
			cr->res->status = VERIFY_SKIPPED;
			strv_add_all(&cr->res->command, &k->command);
			continue;
		}
		run->checks_run++;
		switch (k->kind) {
		case VERIFY_KIND_IMPORTS:
			job_add(run, cr);
			break;
		case VERIFY_KIND_CC:
			plan_cc(run, cr);
			break;
		case VERIFY_KIND_COMMAND:
			plan_command(run, cr);
			break;
		}
		strv_add_all(&cr->res->command, &run->jobs[first_job].argv);
	}
}

int verify_run(struct verify_run **out, struct ev_loop *loop,
	       const struct verify_request *req, verify_done_fn done,
	       void *data, struct err *e)
{
	struct verify_run *run;
	struct verify_result *hit;
	struct repo *repo = NULL;
	char real[PATH_MAX];
	struct stat st;
	bool partial = false;
	long cores;

	if (out)
		*out = NULL;
	if (!req->root || req->root[0] != '/')
		return err_set(e, ERR_INVALID_PARAMS,
			       "the workspace root must be an absolute path");
	if (!realpath(req->root, real) || stat(real, &st) < 0 ||
	    !S_ISDIR(st.st_mode))
		return err_set(e, ERR_INVALID_PARAMS, "%s is not a folder",
			       req->root);
	if (!ev_is_default_loop(loop))
		return err_set(e, ERR_INTERNAL,
			       "checks run on the default loop");
	run = xcalloc(1, sizeof(*run));
	run->loop = loop;
	run->start = ev_time();
	run->root = xstrdup(real);
	run->done = done;
	run->data = data;
	run->progress = req->progress;
	run->result = xcalloc(1, sizeof(*run->result));
	buf_init(&run->untracked, 0);
	ev_timer_init(&run->kick_w, on_kick, 0., 0.);
	run->kick_w.data = run;
	cores = sysconf(_SC_NPROCESSORS_ONLN);
	run->max_running = cores > 0 ? (size_t)cores : 1;

	if (req->db)
		run->db = req->db;
	else if (classify_db_acquire(&run->db_ref, run->root, e) < 0)
		goto fail;
	else
		run->db = run->db_ref;
	if (verify_checks_load(&run->checks, run->root, e) < 0 ||
	    select_checks(&run->checks, run->root, req->checks, e) < 0 ||
	    collect_files(run, req, &partial, &repo, e) < 0)
		goto fail;
	if (req->staged) {
		run->cache_key = cache_key(run);
		if ((hit = cache_get(run->cache_key))) {
			verify_result_free(run->result);
			run->result = result_dup(hit);
			run->result->cached = true;
			run->from_cache = true;
			/* Nothing to run: pump() finishes at once. */
		}
	}
	if (!run->from_cache) {
		if (partial && make_checkout(run, repo, e) < 0)
			goto fail;
		if (!run->run_root)
			run->run_root = xstrdup(run->root);
		plan(run);
	}
	repo_free(repo);
	ev_timer_start(loop, &run->kick_w);
	if (out)
		*out = run;
	return 0;
fail:
	repo_free(repo);
	run_free(run);
	return -1;
}
