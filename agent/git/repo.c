#include "git/repo.h"

#include <git2.h>
#include <git2/sys/repository.h>
#include <stdlib.h>
#include <string.h>

#include "git/giterr.h"
#include "git/repo_git.h"
#include "util/fs.h"
#include "util/mem.h"

struct repo {
	git_repository *git;
	git_index *index; /* re-read from disk by every operation that uses it */
};

int repo_open(struct repo **out, const char *workspace, struct err *e)
{
	struct repo *r;
	git_repository *git = NULL;

	git_libgit2_init();
	if (git_repository_open_ext(&git, workspace,
				    GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0)
		return err_set(e, ERR_NOT_A_REPOSITORY, "not a git repository: %s",
			       workspace);
	if (git_repository_is_bare(git)) {
		git_repository_free(git);
		return err_set(e, ERR_NOT_A_REPOSITORY,
			       "a bare repository has no work tree: %s",
			       workspace);
	}
	r = xcalloc(1, sizeof(*r));
	r->git = git;
	*out = r;
	return 0;
}

void repo_free(struct repo *r)
{
	if (!r)
		return;
	git_index_free(r->index);
	git_repository_free(r->git);
	free(r);
}

int repo_use_index(struct repo *r, const char *index_path, struct err *e)
{
	git_index *idx;

	/* libgit2 opens the path itself, and would take a missing file for an
	 * empty index (verifying the empty tree) and wait in open() on a FIFO.
	 * The file can still be swapped between this check and libgit2's
	 * open(), but only by someone who can write where the caller's own
	 * index lives. */
	if (fs_check_regular(index_path, 0, e) < 0) {
		e->kind = ERR_INVALID_PARAMS;
		err_prefix(e, "index");
		return -1;
	}
	if (git_index_open(&idx, index_path) < 0)
		return err_set_libgit2(e, ERR_IO, index_path);
	/* The repository takes its own reference, and status and write-tree
	 * go through it. */
	if (git_repository_set_index(r->git, idx) < 0) {
		git_index_free(idx);
		return err_set_libgit2(e, ERR_IO, index_path);
	}
	git_index_free(r->index);
	r->index = idx;
	return 0;
}

/* Loads r->index, re-read from disk: another process (git add) may have
 * changed it since. */
static int repo_index(struct repo *r, struct err *e)
{
	if (!r->index && git_repository_index(&r->index, r->git) < 0)
		return err_set_libgit2(e, ERR_IO, "reading the index");
	if (git_index_read(r->index, 0) < 0)
		return err_set_libgit2(e, ERR_IO, "reading the index");
	return 0;
}

static const unsigned wt_differs = GIT_STATUS_WT_MODIFIED |
				   GIT_STATUS_WT_DELETED |
				   GIT_STATUS_WT_TYPECHANGE |
				   GIT_STATUS_WT_RENAMED;

int repo_files(struct repo *r, enum repo_files_which which, struct strv *out,
	       bool *partial, struct err *e)
{
	git_status_options opts;
	git_status_list *list = NULL;
	size_t i, n;
	int ret = -1;

	if (partial)
		*partial = false;
	if (repo_index(r, e) < 0)
		return -1;
	git_status_options_init(&opts, GIT_STATUS_OPTIONS_VERSION);
	opts.flags = GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
	switch (which) {
	case REPO_FILES_STAGED:
		/* The work tree only answers partial: without it, no file
		 * of the work tree is read or even stat()ed. */
		opts.show = partial ? GIT_STATUS_SHOW_INDEX_AND_WORKDIR
				    : GIT_STATUS_SHOW_INDEX_ONLY;
		opts.flags |= GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX;
		break;
	case REPO_FILES_CHANGED:
		opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
		opts.flags |= GIT_STATUS_OPT_INCLUDE_UNTRACKED |
			      GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
		break;
	case REPO_FILES_ALL:
		opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
		opts.flags |= GIT_STATUS_OPT_INCLUDE_UNTRACKED |
			      GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
			      GIT_STATUS_OPT_INCLUDE_UNMODIFIED;
		break;
	}
	if (git_status_list_new(&list, r->git, &opts) < 0) {
		err_set_libgit2(e, ERR_IO, "reading the status");
		goto out;
	}
	n = git_status_list_entrycount(list);
	for (i = 0; i < n; i++) {
		const git_status_entry *s = git_status_byindex(list, i);
		const git_diff_delta *d;

		if (which == REPO_FILES_STAGED) {
			if (partial && (s->status & wt_differs))
				*partial = true;
			d = s->head_to_index;
			if (!d || d->status == GIT_DELTA_DELETED ||
			    d->status == GIT_DELTA_UNMODIFIED)
				continue;
		} else {
			if (s->status & (GIT_STATUS_WT_DELETED |
					 GIT_STATUS_IGNORED))
				continue;
			if ((s->status & GIT_STATUS_INDEX_DELETED) &&
			    !(s->status & GIT_STATUS_WT_NEW))
				continue;
			d = s->index_to_workdir ? s->index_to_workdir
						: s->head_to_index;
			if (!d)
				continue;
		}
		strv_add(out, d->new_file.path);
	}
	strv_sort_uniq(out);
	ret = 0;
out:
	git_status_list_free(list);
	return ret;
}

int repo_work_tree_differs(struct repo *r, bool *differs, struct err *e)
{
	git_status_options opts;
	git_status_list *list = NULL;
	size_t i, n;

	*differs = false;
	if (repo_index(r, e) < 0)
		return -1;
	git_status_options_init(&opts, GIT_STATUS_OPTIONS_VERSION);
	opts.show = GIT_STATUS_SHOW_WORKDIR_ONLY;
	opts.flags = GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
	if (git_status_list_new(&list, r->git, &opts) < 0)
		return err_set_libgit2(e, ERR_IO, "reading the status");
	n = git_status_list_entrycount(list);
	for (i = 0; i < n && !*differs; i++)
		*differs = (git_status_byindex(list, i)->status & wt_differs) != 0;
	git_status_list_free(list);
	return 0;
}

int repo_path_differs(struct repo *r, const char *path, bool *differs,
		      struct err *e)
{
	unsigned flags = 0;

	if (git_status_file(&flags, r->git, path) < 0)
		return err_set_libgit2(e, ERR_IO, path);
	*differs = (flags & wt_differs) != 0;
	return 0;
}

int repo_index_tree(struct repo *r, char *out, struct err *e)
{
	git_oid oid;

	if (repo_index(r, e) < 0)
		return -1;
	if (git_index_has_conflicts(r->index))
		return err_set(e, ERR_CONFLICTS,
			       "the index has unresolved conflicts");
	if (git_index_write_tree(&oid, r->index) < 0)
		return err_set_libgit2(e, ERR_IO, "writing the index's tree");
	git_oid_tostr(out, REPO_OID_HEX + 1, &oid);
	return 0;
}

int repo_checkout_index(struct repo *r, const char *dir, struct err *e)
{
	git_checkout_options opts;

	if (repo_index(r, e) < 0)
		return -1;
	git_checkout_options_init(&opts, GIT_CHECKOUT_OPTIONS_VERSION);
	/* FORCE writes every file; DONT_UPDATE_INDEX keeps the stat data of
	 * the copy out of the user's index. */
	opts.checkout_strategy = GIT_CHECKOUT_FORCE |
				 GIT_CHECKOUT_DONT_UPDATE_INDEX;
	opts.target_directory = dir;
	if (git_checkout_index(r->git, r->index, &opts) < 0)
		return err_set_libgit2(e, ERR_IO, "checking out the index");
	return 0;
}

git_repository *repo_git(struct repo *r)
{
	return r->git;
}
