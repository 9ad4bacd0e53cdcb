/*
 * git/repo: what verification needs from a workspace's repository, through
 * libgit2. Nothing here writes to the work tree or the index file; the only
 * writes are objects (the index's tree) into the object database, which is
 * what `git write-tree` does too.
 *
 * Paths are relative to the work tree's top, '/'-separated, as git names
 * them.
 */
#ifndef AIRUNNER_GIT_REPO_H
#define AIRUNNER_GIT_REPO_H

#include <stdbool.h>

#include "util/err.h"
#include "util/strv.h"

#define REPO_OID_HEX 40

struct repo;

/* Opens the repository whose work tree is exactly `workspace` (no search
 * upwards). Not a repository, or a bare one: error kind "not_a_repository". *out
 * is freed with repo_free(). */
int repo_open(struct repo **out, const char *workspace, struct err *e);
void repo_free(struct repo *r);
/*
 * Reads the index from index_path (absolute) instead of the repository's
 * own: git names a temporary index in GIT_INDEX_FILE for the hooks of
 * `git commit -a` and `git commit FILE`, and that one holds what will be
 * committed. Every later call on r uses it.
 */
int repo_use_index(struct repo *r, const char *index_path, struct err *e);

enum repo_files_which {
	/* Index vs HEAD: added, modified, renamed (new name), copied, type
	 * changed; not deleted. An unborn HEAD counts as empty. */
	REPO_FILES_STAGED,
	/* Work tree vs HEAD (staged or not) plus untracked files that are
	 * not ignored; not deleted. */
	REPO_FILES_CHANGED,
	/* Every tracked or untracked, not ignored, file in the work tree. */
	REPO_FILES_ALL,
};

/*
 * Appends the files to out, sorted. For REPO_FILES_STAGED, *partial (may be
 * NULL) is set when some tracked file's work-tree content differs from the
 * index or is missing from the work tree (a partially staged file, or an
 * unstaged change elsewhere that a project-wide check such as tsc would
 * see): then the work tree is not what would be committed. Untracked files
 * do not count. With partial NULL the work tree is not looked at.
 */
int repo_files(struct repo *r, enum repo_files_which which, struct strv *out,
	       bool *partial, struct err *e);

/* *differs: what repo_files(REPO_FILES_STAGED) says in *partial, alone (the
 * index against the work tree; HEAD is not read). With repo_files(STAGED,
 * partial NULL), which reads only the index and HEAD, the same answers as
 * one repo_files(STAGED, &partial) call, in two steps. */
int repo_work_tree_differs(struct repo *r, bool *differs, struct err *e);

/* Whether path's work-tree content differs from its index entry (a
 * partially staged file), or the file is missing from the work tree. */
int repo_path_differs(struct repo *r, const char *path, bool *differs,
		      struct err *e);

/* The id of the tree the index would commit, as hex (out: REPO_OID_HEX + 1
 * bytes). Writes the tree objects, never the index file. An index with
 * conflicts cannot be written: error kind "conflicts". */
int repo_index_tree(struct repo *r, char *out, struct err *e);

/* Writes the index's content into dir (which must exist, normally empty),
 * leaving the work tree and the index file untouched. */
int repo_checkout_index(struct repo *r, const char *dir, struct err *e);

#endif
