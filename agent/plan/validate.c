/*
 * plan_validate: what a plan must be beyond its schema, each problem said
 * so the model that wrote the plan can fix it in one more turn.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plan/internal.h"
#include "util/mem.h"

static bool id_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

static bool id_ok(const char *id)
{
	size_t n = strlen(id);

	if (!n || n > PLAN_MAX_ID_LEN)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!id_char((unsigned char)id[i]))
			return false;
	return true;
}

/* Why a path is not one the executor could write beneath the work tree,
 * or NULL when it is fine. */
static const char *path_problem(const char *p)
{
	const char *c = p;

	if (!*p)
		return "empty";
	if (p[0] == '/')
		return "absolute: give it relative to the work tree's top";
	if (strchr(p, '\\'))
		return "has a backslash: use '/'";
	for (;;) {
		const char *slash = strchr(c, '/');
		size_t n = slash ? (size_t)(slash - c) : strlen(c);

		if (n == 0)
			return "has an empty component ('//' or a trailing '/')";
		if ((n == 1 && c[0] == '.') || (n == 2 && !memcmp(c, "..", 2)))
			return "has a '.' or '..' component: give it relative "
			       "to the work tree's top";
		if (c == p && n == 4 && !memcmp(c, ".git", 4))
			return "is inside .git/";
		if (!slash)
			return NULL;
		c = slash + 1;
	}
}

/* A subtask's id for a message (it may be missing: plan_parse said so). */
static const char *sid(const struct plan_subtask *t)
{
	return t->id ? t->id : "?";
}

static bool created_by_plan(const struct plan *p, const char *path)
{
	for (size_t i = 0; i < p->n_subtasks; i++)
		if (strv_has(&p->subtasks[i].new_files, path))
			return true;
	return false;
}

static void check_paths(const struct plan *p, size_t i,
			plan_file_exists_fn exists, void *data,
			struct strv *errors)
{
	const struct plan_subtask *t = &p->subtasks[i];
	const char *why;
	size_t k, j;

	if (t->files.n + t->new_files.n > PLAN_MAX_FILES)
		plan_add_error(errors, "subtasks[%zu] (%s): %zu files, more "
			       "than %d: split it", i, sid(t),
			       t->files.n + t->new_files.n, PLAN_MAX_FILES);
	for (k = 0; k < t->files.n; k++) {
		const char *f = t->files.v[k];

		if ((why = path_problem(f))) {
			plan_add_error(errors, "subtasks[%zu].files: \"%s\" %s",
				       i, f, why);
			continue;
		}
		if (strv_has(&t->new_files, f))
			plan_add_error(errors, "subtasks[%zu].files: \"%s\" is "
				       "also in newFiles: list it in one",
				       i, f);
		else if (exists && !exists(f, data) && !created_by_plan(p, f))
			plan_add_error(errors, "subtasks[%zu].files: \"%s\" "
				       "does not exist in the work tree (list "
				       "it under newFiles if the subtask "
				       "creates it)", i, f);
	}
	for (k = 0; k < t->new_files.n; k++) {
		const char *f = t->new_files.v[k];

		if ((why = path_problem(f))) {
			plan_add_error(errors, "subtasks[%zu].newFiles: \"%s\" "
				       "%s", i, f, why);
			continue;
		}
		if (exists && exists(f, data))
			plan_add_error(errors, "subtasks[%zu].newFiles: \"%s\" "
				       "exists already (list it under files)",
				       i, f);
		/* Two subtasks creating one file: the second edits it. */
		for (j = 0; j < i; j++)
			if (strv_has(&p->subtasks[j].new_files, f)) {
				plan_add_error(errors, "subtasks[%zu].newFiles:"
					       " \"%s\" is created by %s "
					       "already (list it under files)",
					       i, f, sid(&p->subtasks[j]));
				break;
			}
	}
}

static long index_of(const struct plan *p, const char *id)
{
	for (size_t i = 0; i < p->n_subtasks; i++)
		if (p->subtasks[i].id && !strcmp(p->subtasks[i].id, id))
			return (long)i;
	return -1;
}

/* Depth-first search for cycles: color 0 unseen, 1 on the path, 2 done.
 * Each edge back into the path closes a cycle, named along the path. */
struct dfs {
	const struct plan *p;
	char *color;
	size_t *path, depth;
	struct strv *errors;
	int cycles;
};

static void visit(struct dfs *s, size_t i)
{
	const struct plan_subtask *t = &s->p->subtasks[i];

	s->color[i] = 1;
	s->path[s->depth++] = i;
	for (size_t k = 0; k < t->depends_on.n; k++) {
		long j = index_of(s->p, t->depends_on.v[k]);

		if (j < 0 || (size_t)j == i)
			continue; /* said already */
		if (s->color[j] == 0) {
			visit(s, (size_t)j);
		} else if (s->color[j] == 1) {
			struct buf c = BUF_INIT;
			size_t from = 0;

			while (s->path[from] != (size_t)j)
				from++;
			for (size_t m = from; m < s->depth; m++)
				buf_addf(&c, "%s -> ", s->p->subtasks[s->path[m]].id);
			buf_adds(&c, s->p->subtasks[j].id);
			plan_add_error(s->errors, "dependsOn: dependency cycle "
				       "%s (each depends on the next): break it",
				       c.ptr);
			buf_release(&c);
			s->cycles++;
		}
	}
	s->depth--;
	s->color[i] = 2;
}

int plan_validate(const struct plan *p, plan_file_exists_fn exists,
		  void *data, struct strv *errors)
{
	size_t before = errors->n, i, k, j;
	bool ids_ok = true;
	struct dfs s = { p, NULL, NULL, 0, errors, 0 };

	/* Missing fields are plan_parse's to report; a partly read plan is
	 * still checked for the rest, so one repair turn can fix it all. */
	if (p->n_subtasks == 0)
		plan_add_error(errors, "subtasks: none; a plan has at least "
			       "one subtask");
	if (p->n_subtasks > PLAN_MAX_SUBTASKS)
		plan_add_error(errors, "subtasks: %zu of them, more than %d: "
			       "make them coarser", p->n_subtasks,
			       PLAN_MAX_SUBTASKS);
	for (i = 0; i < p->n_subtasks; i++) {
		const struct plan_subtask *t = &p->subtasks[i];

		if (!t->id) {
			ids_ok = false;
			continue;
		}
		if (!id_ok(t->id)) {
			plan_add_error(errors, "subtasks[%zu].id: \"%s\" is not "
				       "an id (1 to %d letters, digits, '.', "
				       "'_' or '-', like \"S1\")", i, t->id,
				       PLAN_MAX_ID_LEN);
			ids_ok = false;
			continue;
		}
		for (j = 0; j < i; j++)
			if (p->subtasks[j].id &&
			    !strcmp(p->subtasks[j].id, t->id)) {
				plan_add_error(errors, "subtasks[%zu].id: \"%s\""
					       " is the id of subtasks[%zu] "
					       "too: ids must be unique", i,
					       t->id, j);
				ids_ok = false;
			}
		if (isnan(t->estimate_hours))
			; /* plan_parse said it was missing */
		else if (!(t->estimate_hours > 0) ||
		    t->estimate_hours > PLAN_MAX_ESTIMATE_HOURS)
			plan_add_error(errors, "subtasks[%zu].estimateHours: "
				       "%g; an estimate is above 0 and at "
				       "most %g hours (split a bigger "
				       "subtask)", i, t->estimate_hours,
				       PLAN_MAX_ESTIMATE_HOURS);
		check_paths(p, i, exists, data, errors);
	}
	for (i = 0; i < p->n_subtasks; i++) {
		const struct plan_subtask *t = &p->subtasks[i];

		for (k = 0; k < t->depends_on.n; k++) {
			const char *d = t->depends_on.v[k];

			if (t->id && !strcmp(d, t->id))
				plan_add_error(errors, "subtasks[%zu].dependsOn:"
					       " %s depends on itself", i,
					       t->id);
			else if (index_of(p, d) < 0)
				plan_add_error(errors, "subtasks[%zu].dependsOn:"
					       " \"%s\" is not a subtask id", i,
					       d);
			for (j = 0; j < k; j++)
				if (!strcmp(t->depends_on.v[j], d))
					plan_add_error(errors, "subtasks[%zu]."
						       "dependsOn: \"%s\" twice",
						       i, d);
		}
	}
	/* Cycles only make sense over ids that name one subtask each. */
	if (ids_ok && p->n_subtasks) {
		s.color = xcalloc(p->n_subtasks, 1);
		s.path = xcalloc(p->n_subtasks, sizeof(*s.path));
		for (i = 0; i < p->n_subtasks; i++)
			if (!s.color[i])
				visit(&s, i);
		free(s.color);
		free(s.path);
	}
	return (int)(errors->n - before);
}
