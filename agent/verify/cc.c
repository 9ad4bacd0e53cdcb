/*
 * The C check: the compiler with each file's flags from
 * compile_commands.json (a syntax check only), or plain `cc -fsyntax-only`.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/mem.h"
#include "util/paths.h"
#include "verify/run.h"



/* Whether prog (looked up in PATH) is gcc: it alone gets
 * -fdiagnostics-format=json in the form the patterns know. */
static bool cc_is_gcc(const char *prog)
{
	char real[PATH_MAX];
	struct buf cand = BUF_INIT;
	bool gcc;

	if (strchr(prog, '/'))
		buf_adds(&cand, prog);
	else if (!paths_which(prog, &cand))
		return false;
	gcc = realpath(cand.ptr, real) && strstr(strrchr(real, '/'), "gcc");
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
		if (!verify_path_relative(run->root, abs.ptr, &rel) ||
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

/* One child per file with a compile_commands.json entry, one plain
 * `cc -fsyntax-only` for the others. */
void verify_plan_cc(struct verify_run *run, struct check_run *cr)
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
		struct check_child *j;

		if (!have_db || !cc_from_db(run, &db, cr->files.v[i], own,
					    &argv, &cwd)) {
			strv_add(&plain, cr->files.v[i]);
			continue;
		}
		j = verify_child_add(run, cr);
		j->argv = argv;
		free(j->cwd);
		j->cwd = cwd;
	}
	if (plain.n) {
		struct check_child *j = verify_child_add(run, cr);

		strv_add(&j->argv, "cc");
		strv_add(&j->argv, "-fsyntax-only");
		if (own && cc_is_gcc("cc"))
			strv_add(&j->argv, "-fdiagnostics-format=json");
		for (i = 0; i < plain.n; i++)
			verify_add_file_arg(&j->argv, plain.v[i]);
	}
	strv_release(&plain);
	json_doc_release(&db);
	buf_release(&path);
	buf_release(&src);
}

