/*
 * Running checks: the files, where to run (work tree or a checkout of the
 * index), one child per check (or one per file for the C compiler with
 * compile_commands.json), each child holding a slot of the process pool
 * (shared by every run: one per core), and the cache lookup.
 */
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "proc/proc.h"
#include "util/blobid.h"
#include "util/fs.h"
#include "util/mem.h"
#include "verify/run.h"

#define OUTPUT_MAX ((size_t)256 << 10) /* per check, in the result */
#define ARGS_CHUNK ((size_t)64 << 10) /* file names per child, in bytes */

/* ---- paths ---- */

bool verify_path_relative(const char *root, const char *path, struct buf *out)
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

/*
 * A tool run in a folder of the workspace names its files from there, and
 * not every runner says which ("apps/web build: src/a.ts(1,5): error" from
 * pnpm -r, a script that cd's first): a path the workspace does not have is
 * the one file of the run whose path ends in it, if exactly one does. The
 * run's files are those verified (the changed ones, or all with `all`).
 */
static const char *file_by_suffix(const struct verify_run *run,
				  const char *rel)
{
	const char *found = NULL;
	size_t n, i;

	while (rel[0] == '.' && rel[1] == '/')
		rel += 2;
	n = strlen(rel);
	for (i = 0; i < run->files.n; i++) {
		const char *f = run->files.v[i];
		size_t fn = strlen(f);

		if (fn > n && f[fn - n - 1] == '/' && !strcmp(f + fn - n, rel)) {
			if (found)
				return NULL; /* two: which is a guess */
			found = f;
		}
	}
	return found;
}

/* A diagnostic's file as the workspace names it. */
static void diag_fix_path(struct verify_run *run, const struct check_child *job,
			  struct diag *d)
{
	struct buf abs = BUF_INIT, rel = BUF_INIT;
	const char *whole;
	struct stat st;

	if (!d->file || !*d->file)
		return;
	if (d->file[0] != '/')
		buf_addf(&abs, "%s/%s", job->cwd, d->file);
	else
		buf_adds(&abs, d->file);
	if (d->file[0] != '/' && stat(abs.ptr, &st) &&
	    (whole = file_by_suffix(run, d->file))) {
		free(d->file);
		d->file = xstrdup(whole);
	} else if (verify_path_relative(run->run_root, abs.ptr, &rel) ||
		   verify_path_relative(run->root, abs.ptr, &rel)) {
		free(d->file);
		d->file = buf_detach(&rel, NULL);
	}
	buf_release(&abs);
	buf_release(&rel);
}

void verify_add_file_arg(struct strv *argv, const char *file)
{
	struct buf dot = BUF_INIT;

	if (file[0] != '-') {
		strv_add(argv, file);
		return;
	}
	buf_addf(&dot, "./%s", file);
	strv_push(argv, buf_detach(&dot, NULL));
}

struct check_child *verify_child_add(struct verify_run *run,
				     struct check_run *cr)
{
	struct check_child *c = &run->children[run->nchildren++];

	memset(c, 0, sizeof(*c));
	c->run = run;
	c->cr = cr;
	c->cwd = xstrdup(run->run_root);
	cr->nchildren++;
	return c;
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
		struct check_child *j = verify_child_add(run, cr);
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
				verify_add_file_arg(&j->argv, cr->files.v[k]);
		}
		if (!strv_has(cmd, "{files}"))
			break; /* project-wide: one run */
		f = chunk_end;
	} while (f < cr->files.n);
}

/* ---- running ---- */

static void pump(struct verify_run *run);
static void warm_done(struct check_child *j, bool publish);

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
/* Whether the child's cwd (or the workspace) holds path as the tool
 * printed it: a place naming a file the project has is strong evidence. */
static bool child_has_file(void *ctx, const char *path)
{
	const struct check_child *j = ctx;
	struct buf abs = BUF_INIT;
	struct stat st;
	bool found;

	if (path[0] == '/')
		buf_adds(&abs, path);
	else
		buf_addf(&abs, "%s/%s", j->cwd, path);
	found = stat(abs.ptr, &st) == 0 && S_ISREG(st.st_mode);
	buf_release(&abs);
	return found;
}

/* A check's output is classified within this many seconds; the rest is
 * reported as not classified (a hostile pattern cannot hold the agent). */
#define CLASSIFY_BUDGET_S 10.0

static void child_classify(struct check_child *j, const char *text, size_t len,
			   bool failed)
{
	struct verify_run *run = j->run;
	struct classify_opts opts = { 0 };
	struct diag_list l = DIAG_LIST_INIT;
	struct err e = ERR_INIT;
	size_t i;

	opts.tool_hint = j->cr->check->tool;
	opts.budget = CLASSIFY_BUDGET_S;
	/* A failed check is never zero problems. */
	opts.failed = failed;
	opts.file_exists = child_has_file;
	opts.ctx = j;
	if (classify_text_opts(run->db, &opts, text, len, &l, NULL, &e) < 0)
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

static void child_done(struct check_child *j)
{
	struct check_run *cr = j->cr;

	if (j->has_slot) {
		j->has_slot = false;
		job_pool_give(j->run->procs);
	}
	if (++cr->children_done == cr->nchildren)
		check_finish(j->run, cr);
	pump(j->run);
}

static void on_proc_done(struct proc *p, struct proc_result *r, void *data)
{
	struct check_child *j = data;
	struct check_run *cr = j->cr;

	j->proc = NULL;
	j->run->running--;
	warm_done(j, r->status == PROC_EXITED);
	output_append(cr, r->output.ptr, r->output.len);
	if (r->truncated)
		cr->res->truncated = true;
	child_classify(j, r->output.ptr, r->output.len,
		       r->status == PROC_SIGNALED ||
			       (r->status == PROC_EXITED && r->exit_code != 0));
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
	child_done(j);
}

static void run_imports(struct check_child *j)
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

/* ---- warm tools ---- */

/* Copies from to to (a new file, 0600); -1 when from cannot be read. */
static int copy_file(const char *from, const char *to)
{
	int in = open(from, O_RDONLY | O_CLOEXEC | O_NOFOLLOW), out = -1, r = -1;
	struct stat st;
	ssize_t k;

	if (in < 0 || fstat(in, &st) < 0 || !S_ISREG(st.st_mode))
		goto out;
	out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (out < 0)
		goto out;
	/* In the kernel: a few MiB of build info in a millisecond or two. */
	while ((k = copy_file_range(in, NULL, out, NULL, (size_t)1 << 30, 0)) > 0)
		;
	r = k == 0 ? 0 : -1;
out:
	if (in >= 0)
		close(in);
	if (out >= 0 && close(out) < 0)
		r = -1;
	if (r < 0 && out >= 0)
		unlink(to);
	return r;
}

/*
 * The tool's flags for its state in the work tree's folder under
 * tools_state (named by the SHA-1 of the work tree's path), appended to
 * argv after the program; j->state and j->state_tmp set. Nothing when the
 * check keeps no state, the run is in a checkout, or the check runs as
 * several children (they would share one file).
 */
static void warm_args(struct verify_run *run, struct check_child *j,
		      struct strv *argv)
{
	static unsigned long seq;
	const struct verify_check *k = j->cr->check;
	struct buf dir = BUF_INIT, b = BUF_INIT;
	struct err e = ERR_INIT;
	char hex[BLOB_ID_HEXSZ + 1];

	if (k->warm == VERIFY_WARM_NONE || !run->tools_state ||
	    strcmp(run->run_root, run->root) || j->cr->nchildren != 1)
		return;
	blob_id_hex(run->root, strlen(run->root), hex);
	buf_addf(&dir, "%s/%s", run->tools_state, hex);
	if (fs_mkdirs(dir.ptr, 0700, &e) < 0)
		goto out; /* cold, then */
	buf_addf(&b, "%s/%s", dir.ptr,
		 k->warm == VERIFY_WARM_TSC ? "tsc.tsbuildinfo" : "eslint.cache");
	j->state = buf_detach(&b, NULL);
	buf_addf(&b, "%s.%d-%lu.tmp", j->state, (int)getpid(), ++seq);
	j->state_tmp = buf_detach(&b, NULL);
	unlink(j->state_tmp);
	copy_file(j->state, j->state_tmp); /* none yet: the tool starts one */
	if (k->warm == VERIFY_WARM_TSC) {
		strv_add(argv, "--incremental");
		strv_add(argv, "--tsBuildInfoFile");
	} else {
		strv_add(argv, "--cache");
		strv_add(argv, "--cache-strategy");
		strv_add(argv, "content");
		strv_add(argv, "--cache-location");
	}
	strv_add(argv, j->state_tmp);
out:
	buf_release(&dir);
	err_clear(&e);
}

/* The tool exited on its own: its state replaces the shared one. Else
 * (killed, timed out, cancelled) the copy goes. */
static void warm_done(struct check_child *j, bool publish)
{
	if (!j->state_tmp)
		return;
	if (!publish || rename(j->state_tmp, j->state) < 0)
		unlink(j->state_tmp);
	free(j->state_tmp);
	j->state_tmp = NULL;
}

/* ---- resident workers ---- */

static void start_child(struct verify_run *run, struct check_child *j);

static void on_resident_done(enum verify_resident_status status,
			     int exit_code, struct buf *output, void *data)
{
	struct check_child *j = data;
	struct check_run *cr = j->cr;

	j->resident = NULL;
	j->run->running--;
	switch (status) {
	case VERIFY_RESIDENT_UNAVAILABLE:
		/* Sent back: the one-shot command, holding the same slot. */
		j->one_shot = true;
		start_child(j->run, j);
		return;
	case VERIFY_RESIDENT_TIMEOUT:
		cr->timed_out = true;
		break;
	case VERIFY_RESIDENT_CANCELLED:
		cr->cancelled = true;
		break;
	case VERIFY_RESIDENT_DONE:
		/* As on_proc_done does with a tool that exited. */
		output_append(cr, output->ptr, output->len);
		child_classify(j, output->ptr, output->len, exit_code != 0);
		if (cr->exit_code <= 0)
			cr->exit_code = exit_code;
		cr->failed |= exit_code != 0;
		break;
	}
	child_done(j);
}

/*
 * Which checks a worker may answer, explicitly: the detected tsc and eslint
 * checks (warm set), with the detected command (a configured `command`
 * clears warm) and no configured env (the worker has the agent's), run as
 * one process; eslint in the work tree only. True when the worker took it.
 *
 * Why a worker of ours (data/resident/worker.mjs) rather than tsserver:
 * tsserver answers per open file, while a commit's verdict needs every file
 * the change affects and tsc's exact text; a builder program over the
 * project's own typescript gives both, and the same process model serves
 * eslint.
 */
static bool start_resident(struct verify_run *run, struct check_child *j)
{
	const struct verify_check *k = j->cr->check;

	if (j->one_shot || !run->residents || k->warm == VERIFY_WARM_NONE ||
	    k->env.n || j->cr->nchildren != 1 || k->kind != VERIFY_KIND_COMMAND)
		return false;
	/* eslint's plugins keep state by where their config was loaded from
	 * (typescript-eslint refuses a second place): its worker serves the
	 * work tree only, a checkout's run is one-shot. tsc's worker reads a
	 * checkout's files under the work tree's names. */
	if (k->warm == VERIFY_WARM_ESLINT && strcmp(run->run_root, run->root))
		return false;
	if (verify_resident_call(&j->resident, run->residents, run->root,
				 k->warm, run->run_root, &j->cr->files,
				 k->timeout, on_resident_done, j) < 0)
		return false;
	run->running++;
	return true;
}

static void start_child(struct verify_run *run, struct check_child *j)
{
	const struct verify_check *k = j->cr->check;
	struct proc_spec spec = { 0 };
	struct strv argv = STRV_INIT;
	struct err e = ERR_INIT;
	size_t i;

	if (!j->cr->started) {
		j->cr->started = true;
		j->cr->start = ev_time();
	}
	if (k->kind == VERIFY_KIND_IMPORTS) {
		run_imports(j);
		child_done(j);
		return;
	}
	if (start_resident(run, j))
		return;
	/* The program, its state flags, then the rest: the command the
	 * result shows stays the check's own. */
	if (j->argv.n)
		strv_add(&argv, j->argv.v[0]);
	warm_args(run, j, &argv);
	for (i = 1; i < j->argv.n; i++)
		strv_add(&argv, j->argv.v[i]);
	spec.argv = strv_argv(&argv);
	spec.env = k->env.n ? strv_argv(&k->env) : NULL;
	spec.cwd = j->cwd;
	spec.output_max = OUTPUT_MAX;
	spec.timeout = k->timeout;
	if (proc_spawn(&j->proc, run->loop, &spec, on_proc_done, j, &e) < 0) {
		output_append(j->cr, e.msg.ptr, e.msg.len);
		j->cr->spawn_failed = true;
		err_clear(&e);
		warm_done(j, false);
		strv_release(&argv);
		child_done(j);
		return;
	}
	strv_release(&argv);
	run->running++;
}

static void run_free(struct verify_run *run)
{
	size_t i;

	ev_timer_stop(run->loop, &run->kick_w);
	for (i = 0; i < run->ncr; i++)
		strv_release(&run->crs[i].files);
	if (run->waiter.queued)
		job_pool_forget(run->procs, &run->waiter);
	for (i = 0; i < run->nchildren; i++) {
		warm_done(&run->children[i], false);
		free(run->children[i].state);
		strv_release(&run->children[i].argv);
		free(run->children[i].cwd);
	}
	if (run->tmpdir) /* only when no thread could remove it */
		verify_checkout_remove(run->tmpdir);
	repo_free(run->repo);
	free(run->index);
	err_clear(&run->prep_err);
	job_pool_free(run->own_procs);
	if (run->db_ref)
		classify_db_release(run->db_ref);
	classify_cache_free(run->own_patterns);
	verify_checks_release(&run->checks);
	strv_release(&run->files);
	buf_release(&run->untracked);
	verify_result_free(run->result);
	free(run->crs);
	free(run->children);
	free(run->cache_key);
	free(run->tools_state);
	free(run->root);
	free(run->run_root);
	free(run->tmpdir);
	free(run);
}

/* Gives the result to the caller and frees the run. */
static void run_done(struct verify_run *run)
{
	struct verify_result *res = run->result;
	verify_done_fn done = run->done;
	void *data = run->data;

	run->result = NULL;
	run_free(run);
	done(res, data);
}

static void remove_work(void *arg)
{
	struct verify_run *run = arg;

	verify_checkout_remove(run->tmpdir);
}

static void removed(void *arg)
{
	struct verify_run *run = arg;

	free(run->tmpdir);
	run->tmpdir = NULL;
	run_done(run);
}

/* The checkout goes before the answer (whoever reads it finds no
 * leftover), on a thread: 50,000 files take a while to unlink. */
static void run_deliver(struct verify_run *run)
{
	struct err e = ERR_INIT;

	if (run->tmpdir &&
	    job_thread_run(run->loop, remove_work, removed, run, &e) == 0)
		return;
	err_clear(&e);
	run_done(run); /* run_free removes it, here */
}

static void run_finish(struct verify_run *run)
{
	struct verify_result *res = run->result;
	bool cacheable = !run->from_cache && run->cache_key && run->cache;
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
		verify_cache_put(run->cache, run->cache_key, res);
	run_deliver(run);
}

/* Starts children in order, each once it holds a slot of the pool. */
static void pump(struct verify_run *run)
{
	if (run->pumping)
		return;
	run->pumping = true;
	while (run->next < run->nchildren && !run->waiter.queued) {
		struct check_child *j = &run->children[run->next];

		if (run->cancelled) {
			run->next++;
			j->cr->cancelled = true;
			child_done(j);
			continue;
		}
		if (!j->has_slot && !job_pool_take(run->procs, &run->waiter))
			break; /* slot_granted() resumes */
		j->has_slot = true;
		run->next++;
		start_child(run, j);
	}
	run->pumping = false;
	if (!run->running && run->next == run->nchildren &&
	    !run->waiter.queued)
		run_finish(run);
}

static void slot_granted(struct job_pool_waiter *w)
{
	struct verify_run *run =
		(struct verify_run *)((char *)w -
				      offsetof(struct verify_run, waiter));

	run->children[run->next].has_slot = true;
	pump(run);
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
	if (run->waiter.queued) {
		/* Nothing more starts: pump() marks the rest cancelled. */
		job_pool_forget(run->procs, &run->waiter);
		ev_timer_start(run->loop, &run->kick_w);
	}
	for (i = 0; i < run->next; i++) {
		if (run->children[i].proc)
			proc_cancel(run->children[i].proc);
		if (run->children[i].resident)
			verify_resident_cancel(run->children[i].resident);
	}
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

/*
 * Before anything runs, on the loop: the files named (inside the
 * workspace), the repository when one is needed (a staged run, or no files
 * named), a usable index path. The listing itself is list_work's.
 */
static int check_request(struct verify_run *run,
			 const struct verify_request *req, struct err *e)
{
	const char *const *f;

	if (req->files) {
		for (f = req->files; *f; f++) {
			struct buf rel = BUF_INIT;

			/* Either spelling of the root: as given, or real. */
			if (!verify_path_relative(run->root, *f, &rel) &&
			    (buf_reset(&rel), !verify_path_relative(req->root, *f, &rel))) {
				buf_release(&rel);
				return err_set(e, ERR_OUTSIDE_WORKSPACE,
					       "%s is outside the workspace %s",
					       *f, run->root);
			}
			strv_push(&run->files, buf_detach(&rel, NULL));
		}
		strv_sort_uniq(&run->files);
		if (!req->staged)
			return 0;
	}
	if (req->staged && req->index && req->index[0] != '/')
		return err_set(e, ERR_INVALID_PARAMS,
			       "index must be an absolute path");
	if (repo_open(&run->repo, run->root, e) < 0) {
		err_prefix(e, "%s needs a git repository",
			   req->staged ? "checking the staged content"
				       : "finding the changed files");
		return -1;
	}
	run->staged = req->staged;
	run->all = req->all;
	run->has_files = req->files != NULL;
	run->index = req->index ? xstrdup(req->index) : NULL;
	return 0;
}

/* Whether one of k's globs matches path: the file is k's to check. */
static bool check_covers(const struct verify_check *k, const char *path)
{
	for (size_t g = 0; g < k->files.n; g++)
		if (verify_glob_match(k->files.v[g], path))
			return true;
	return false;
}

/* Whether some check covers one of files: whether anything runs. */
static bool checks_cover(const struct verify_checks *c,
			 const struct strv *files)
{
	for (size_t i = 0; i < c->n; i++)
		for (size_t f = 0; f < files->n; f++)
			if (check_covers(&c->v[i], files->v[f]))
				return true;
	return false;
}

/*
 * On a thread (it reads the whole index and stats the work tree: long on a
 * big repository): the files to check into run->files, the index's tree,
 * run->idle when no check covers them, else run->partial when the work
 * tree is not what would be committed. Touches only the run's repository,
 * files, result tree, idle, partial, untracked and prep_err, which the loop
 * leaves alone meanwhile (and reads run->checks, which it does not change).
 */
static void list_work(void *arg)
{
	struct verify_run *run = arg;
	struct err *e = &run->prep_err;
	struct strv staged = STRV_INIT;

	if (!run->staged) {
		repo_files(run->repo, run->all ? REPO_FILES_ALL
					       : REPO_FILES_CHANGED,
			   &run->files, NULL, e);
		return;
	}
	/* The index against HEAD first: no file of the work tree is read
	 * until a check is known to run. Most commits touch files that no
	 * check covers (docs, data), and the hook should cost them nothing
	 * beyond the tree id. */
	if ((run->index && repo_use_index(run->repo, run->index, e) < 0) ||
	    repo_files(run->repo, REPO_FILES_STAGED, &staged, NULL, e) < 0 ||
	    repo_index_tree(run->repo, run->result->tree, e) < 0)
		goto out;
	run->idle = !checks_cover(&run->checks,
				  run->has_files ? &run->files : &staged);
	/* Something runs: where (partial: a checkout of the index), and
	 * what else the tools see (untracked files, for the cache key). */
	if (!run->idle &&
	    (repo_work_tree_differs(run->repo, &run->partial, e) < 0 ||
	     (!run->partial &&
	      note_untracked(run, run->repo, &staged, e) < 0)))
		goto out;
	if (!run->has_files) {
		run->files = staged;
		memset(&staged, 0, sizeof(staged));
	}
out:
	strv_release(&staged);
}

/* On a thread: the checkout of the index (every file written). */
static void checkout_work(void *arg)
{
	struct verify_run *run = arg;

	verify_checkout_index(run, run->repo, &run->prep_err);
}

/* What the installed tools are, as cheaply as it can be seen: the
 * dependency folders' mtimes (an entry added or removed) and npm's record
 * of what it installed (rewritten by every install). */
static void key_tools(struct buf *k, const char *root)
{
	static const char *const marks[] = {
		"node_modules", "node_modules/.package-lock.json", ".venv",
		"venv", "vendor", NULL
	};
	struct buf path = BUF_INIT;
	struct stat st;
	size_t i;

	for (i = 0; marks[i]; i++) {
		buf_reset(&path);
		buf_addf(&path, "%s/%s", root, marks[i]);
		if (stat(path.ptr, &st) < 0)
			continue;
		buf_addf(k, "%s\t%lld\t%lld.%09ld\n", marks[i],
			 (long long)st.st_size, (long long)st.st_mtim.tv_sec,
			 st.st_mtim.tv_nsec);
	}
	buf_release(&path);
}

/* Everything the verdict depends on but the tools themselves: the content
 * (tree, and the untracked files the tools see in the work tree), the
 * checks, the files, the patterns that classify the output (their content:
 * an edited pattern file is another key), airunner's own version (its
 * classifier), and a sign of the installed tools. */
static char *cache_key(struct verify_run *run)
{
	struct buf k = BUF_INIT;
	struct json_writer w;
	size_t i;

	buf_addf(&k, "airunner %s\npatterns %s\n", AIRUNNER_VERSION,
		 classify_db_digest(run->db));
	key_tools(&k, run->root);
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
	size_t i, f, cap = 0;

	for (i = 0; i < run->checks.n; i++)
		cap += run->files.n + 1;
	run->children = xcalloc(cap ? cap : 1, sizeof(*run->children));
	run->crs = xcalloc(run->checks.n ? run->checks.n : 1,
			   sizeof(*run->crs));
	res->checks = xcalloc(run->checks.n ? run->checks.n : 1,
			      sizeof(*res->checks));
	for (i = 0; i < run->checks.n; i++) {
		const struct verify_check *k = &run->checks.v[i];
		struct check_run *cr = &run->crs[run->ncr++];
		size_t first = run->nchildren;

		cr->check = k;
		cr->res = &res->checks[res->n++];
		cr->exit_code = -1;
		cr->res->name = xstrdup(k->name);
		cr->res->tool = xstrdup(k->tool);
		cr->res->blocking = k->blocking;
		cr->res->exit_code = -1;
		buf_init(&cr->res->output, 0);
		for (f = 0; f < run->files.n; f++)
			if (check_covers(k, run->files.v[f]))
				strv_add(&cr->files, run->files.v[f]);
		if (!cr->files.n) {
			cr->res->status = VERIFY_SKIPPED;
			strv_add_all(&cr->res->command, &k->command);
			continue;
		}
		run->checks_run++;
		switch (k->kind) {
		case VERIFY_KIND_IMPORTS:
			verify_child_add(run, cr);
			break;
		case VERIFY_KIND_CC:
			verify_plan_cc(run, cr);
			break;
		case VERIFY_KIND_COMMAND:
			plan_command(run, cr);
			break;
		}
		strv_add_all(&cr->res->command, &run->children[first].argv);
	}
}

/* A step of the start failed (on a thread): the run ends with the error,
 * and with the checkout, if one was begun, removed first. */
static void start_failed(struct verify_run *run)
{
	err_move(&run->result->error, &run->prep_err);
	run_deliver(run);
}

/* Where the checks run is known: plan them, and start on the next turn. */
static void start_checks(struct verify_run *run)
{
	if (!run->run_root)
		run->run_root = xstrdup(run->root);
	plan(run);
	ev_timer_start(run->loop, &run->kick_w);
}

static void checked_out(void *arg)
{
	struct verify_run *run = arg;

	if (run->prep_err.kind)
		start_failed(run);
	else
		start_checks(run);
}

/*
 * The patterns that classify the checks' output (and key the cache), once
 * something is known to run: a commit that no check covers does not read
 * the config and the pattern files for them. A broken pattern file fails
 * the run here, as it did at the start.
 */
static int acquire_patterns(struct verify_run *run, struct err *e)
{
	if (run->db)
		return 0;
	if (!run->patterns)
		run->patterns = run->own_patterns = classify_cache_new();
	if (classify_db_acquire(run->patterns, &run->db_ref, run->root, e) < 0)
		return -1;
	run->db = run->db_ref;
	return 0;
}

/* The files are known (back on the loop): the cache may answer; else the
 * checks run, in a checkout of the index when the work tree differs. */
static void listed(void *arg)
{
	struct verify_run *run = arg;
	const struct verify_result *hit;

	if (run->prep_err.kind ||
	    (!run->idle && acquire_patterns(run, &run->prep_err) < 0)) {
		start_failed(run);
		return;
	}
	/* Nothing runs: nothing worth keeping either (this answer costs
	 * less than a lookup), and the cache key was not gathered. */
	if (run->use_cache && !run->idle) {
		run->cache_key = cache_key(run);
		if ((hit = verify_cache_get(run->cache, run->cache_key))) {
			verify_result_free(run->result);
			run->result = verify_result_dup(hit);
			run->result->cached = true;
			run->from_cache = true;
			/* Nothing to run: pump() finishes at once. */
			ev_timer_start(run->loop, &run->kick_w);
			return;
		}
	}
	/* Cancelled meanwhile: no checkout; pump() marks every check. */
	if (run->partial && !run->cancelled) {
		if (job_thread_run(run->loop, checkout_work, checked_out, run,
				   &run->prep_err) < 0)
			start_failed(run);
		return;
	}
	start_checks(run);
}

int verify_run(struct verify_run **out, struct ev_loop *loop,
	       const struct verify_request *req, verify_done_fn done,
	       void *data, struct err *e)
{
	struct verify_run *run;
	char real[PATH_MAX];
	struct stat st;
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
	run->result = verify_result_new();
	run->prep_err = (struct err)ERR_INIT;
	buf_init(&run->untracked, 0);
	ev_timer_init(&run->kick_w, on_kick, 0., 0.);
	run->kick_w.data = run;
	run->cache = req->cache;
	run->tools_state = req->tools_state ? xstrdup(req->tools_state) : NULL;
	run->residents = req->residents;
	run->waiter.granted = slot_granted;
	if (req->procs) {
		run->procs = req->procs;
	} else {
		cores = sysconf(_SC_NPROCESSORS_ONLN);
		run->procs = run->own_procs =
			job_pool_new(loop, cores > 0 ? (unsigned)cores : 1);
	}

	run->db = req->db;
	run->patterns = req->patterns;
	if (verify_checks_load(&run->checks, run->root, e) < 0 ||
	    select_checks(&run->checks, run->root, req->checks, e) < 0 ||
	    check_request(run, req, e) < 0)
		goto fail;
	run->use_cache = req->staged && run->cache;
	if (!run->repo) {
		listed(run); /* the files were named: nothing to list */
	} else if (job_thread_run(loop, list_work, listed, run, e) < 0)
		goto fail;
	if (out)
		*out = run;
	return 0;
fail:
	run_free(run);
	return -1;
}
