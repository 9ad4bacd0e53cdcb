#include "git/commit.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "git/giterr.h"
#include "git/repo_git.h"
#include "util/mem.h"

/* How many paths an ERR_WORKSPACE_DIRTY message names before "...". */
#define DIRTY_NAMED 10

static int load_index(git_repository *git, git_index **idx, struct err *e)
{
	if (git_repository_index(idx, git) < 0)
		return err_set_libgit2(e, ERR_IO, "opening the index");
	/* force: a `git add` within the same second would slip past the
	 * timestamp check. */
	if (git_index_read(*idx, 1) < 0) {
		git_index_free(*idx);
		*idx = NULL;
		return err_set_libgit2(e, ERR_IO, "reading the index");
	}
	return 0;
}

/* HEAD's commit, or NULL (0) for an unborn branch. */
static int head_commit(git_repository *git, git_commit **out, struct err *e)
{
	git_oid id;
	int rc = git_reference_name_to_id(&id, git, "HEAD");

	*out = NULL;
	if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH)
		return 0;
	if (rc < 0 || git_commit_lookup(out, git, &id) < 0)
		return err_set_libgit2(e, ERR_IO, "reading HEAD");
	return 0;
}

static int lookup_commit(git_repository *git, const char *hex,
			 git_commit **out, struct err *e)
{
	git_oid id;

	if (git_oid_fromstrn(&id, hex, strlen(hex)) < 0 ||
	    git_commit_lookup_prefix(out, git, &id, strlen(hex)) < 0)
		return err_set(e, ERR_NOT_FOUND, "no commit %s", hex);
	return 0;
}

static int signature(git_repository *git, git_signature **sig, struct err *e)
{
	if (git_signature_default(sig, git) == 0)
		return 0;
	if (git_signature_now(sig, "airunner", "airunner@localhost") < 0)
		return err_set_libgit2(e, ERR_INTERNAL, "signature");
	return 0;
}

/* Writes a commit with tree on HEAD (parent: head, or none), moving the
 * branch only if it is still at head. */
static int make_commit(git_repository *git, git_commit *head, git_tree *tree,
		       const char *message, char *out, struct err *e)
{
	struct buf msg = BUF_INIT;
	git_signature *sig = NULL;
	const git_commit *parents[1];
	git_oid id;
	int rc, ret = -1;

	buf_adds(&msg, message ? message : "");
	if (!msg.len || msg.ptr[msg.len - 1] != '\n')
		buf_addch(&msg, '\n');
	if (signature(git, &sig, e) < 0)
		goto out;
	parents[0] = head;
	/* update_ref "HEAD": libgit2 moves the branch HEAD names only if its
	 * tip is still parents[0] (else GIT_EMODIFIED), and creates it for an
	 * unborn one. */
	rc = git_commit_create(&id, git, "HEAD", sig, sig, NULL, msg.ptr, tree,
			       head ? 1 : 0, parents);
	if (rc == GIT_EMODIFIED) {
		err_set(e, ERR_CONFLICTS, "HEAD moved while committing");
		goto out;
	}
	if (rc < 0) {
		err_set_libgit2(e, ERR_IO, "committing");
		goto out;
	}
	git_oid_tostr(out, REPO_OID_HEX + 1, &id);
	ret = 0;
out:
	git_signature_free(sig);
	buf_release(&msg);
	return ret;
}

/* Whether core.filemode is on (git's default where the file system keeps
 * the executable bit). */
static bool trust_filemode(git_repository *git)
{
	git_config *cfg = NULL;
	int v = 1;

	if (git_repository_config_snapshot(&cfg, git) == 0) {
		if (git_config_get_bool(&v, cfg, "core.filemode") < 0)
			v = 1;
		git_config_free(cfg);
	}
	return v != 0;
}

/* The tree update that sets path to its work-tree state: the blob as
 * `git add` would store it, or a removal. *skip when there is nothing to do
 * (a file missing from both the work tree and base). */
static int update_for(git_repository *git, git_tree *base, const char *path,
		      bool filemode, git_tree_update *up, bool *skip,
		      struct err *e)
{
	const char *wd = git_repository_workdir(git);
	git_tree_entry *te = NULL;
	struct buf full = BUF_INIT;
	struct stat st;
	int ret = -1;

	*skip = false;
	memset(up, 0, sizeof(*up));
	up->path = path;
	if (base && git_tree_entry_bypath(&te, base, path) < 0)
		te = NULL;
	buf_addf(&full, "%s%s", wd, path);
	if (lstat(full.ptr, &st) < 0) {
		if (errno != ENOENT && errno != ENOTDIR) {
			err_set_errno(e, ERR_IO, "cannot stat %s", path);
			goto out;
		}
		up->action = GIT_TREE_UPDATE_REMOVE;
		*skip = te == NULL;
		ret = 0;
		goto out;
	}
	if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
		err_set(e, ERR_INVALID_PARAMS, "%s is not a file", path);
		goto out;
	}
	if (git_blob_create_from_workdir(&up->id, git, path) < 0) {
		err_set_libgit2(e, ERR_IO, path);
		goto out;
	}
	up->action = GIT_TREE_UPDATE_UPSERT;
	if (S_ISLNK(st.st_mode))
		up->filemode = GIT_FILEMODE_LINK;
	else if (filemode)
		up->filemode = (st.st_mode & 0100) ? GIT_FILEMODE_BLOB_EXECUTABLE
						   : GIT_FILEMODE_BLOB;
	else /* no executable bit to trust: keep what HEAD had */
		up->filemode = te && git_tree_entry_filemode(te) ==
					     GIT_FILEMODE_BLOB_EXECUTABLE
				       ? GIT_FILEMODE_BLOB_EXECUTABLE
				       : GIT_FILEMODE_BLOB;
	ret = 0;
out:
	git_tree_entry_free(te);
	buf_release(&full);
	return ret;
}

/* The updates as an array without the skipped ones; base's tree id when
 * nothing changes. */
static int updated_tree(git_repository *git, git_tree *base,
			git_tree_update *up, size_t n, git_tree **out,
			struct err *e)
{
	git_oid id;

	if (git_tree_create_updated(&id, git, base, n, up) < 0 ||
	    git_tree_lookup(out, git, &id) < 0)
		return err_set_libgit2(e, ERR_IO, "writing the tree");
	return 0;
}

/* Stages path from the work tree (or removes it from the index when its
 * file is gone). */
static int stage_one(git_repository *git, git_index *idx, const char *path,
		     struct err *e)
{
	struct buf full = BUF_INIT;
	struct stat st;
	int rc;

	buf_addf(&full, "%s%s", git_repository_workdir(git), path);
	if (lstat(full.ptr, &st) == 0)
		rc = git_index_add_bypath(idx, path);
	else if (git_index_get_bypath(idx, path, 0) ||
		 git_index_get_bypath(idx, path, 1) ||
		 git_index_get_bypath(idx, path, 2) ||
		 git_index_get_bypath(idx, path, 3))
		rc = git_index_remove_bypath(idx, path);
	else
		rc = 0;
	buf_release(&full);
	if (rc < 0)
		return err_set_libgit2(e, ERR_IO, path);
	return 0;
}

int commit_paths(struct repo *r, const struct strv *given, const char *message,
		 char *out, struct err *e)
{
	git_repository *git = repo_git(r);
	struct strv uniq = STRV_INIT, *paths = &uniq;
	git_commit *head = NULL;
	git_tree *base = NULL, *tree = NULL;
	git_index *idx = NULL;
	git_tree_update *up = NULL;
	bool filemode = trust_filemode(git);
	size_t i, n = 0;
	int ret = -1;

	/* A path named twice would be two updates of one tree entry. */
	strv_add_all(&uniq, given);
	strv_sort_uniq(&uniq);
	if (!git_repository_workdir(git)) {
		err_set(e, ERR_NOT_A_REPOSITORY, "no work tree");
		goto out;
	}
	if (head_commit(git, &head, e) < 0 ||
	    (head && git_commit_tree(&base, head) < 0))
		goto out;
	up = xcalloc(paths->n ? paths->n : 1, sizeof(*up));
	for (i = 0; i < paths->n; i++) {
		bool skip;

		if (update_for(git, base, paths->v[i], filemode, &up[n], &skip,
			       e) < 0)
			goto out;
		if (!skip)
			n++;
	}
	if (updated_tree(git, base, up, n, &tree, e) < 0)
		goto out;
	if ((base && git_oid_equal(git_tree_id(base), git_tree_id(tree))) ||
	    (!base && git_tree_entrycount(tree) == 0)) {
		err_set(e, ERR_INVALID_PARAMS,
			"nothing to commit: the files are as HEAD has them");
		goto out;
	}
	if (make_commit(git, head, tree, message, out, e) < 0)
		goto out;
	/* The committed paths' index entries become the committed blobs;
	 * `git add` of the same content gives the same ids, and fills in
	 * the stat data. Other entries are not looked at. */
	if (load_index(git, &idx, e) < 0)
		goto out;
	for (i = 0; i < paths->n; i++)
		if (stage_one(git, idx, paths->v[i], e) < 0)
			goto out;
	if (git_index_write(idx) < 0) {
		err_set_libgit2(e, ERR_IO, "writing the index");
		goto out;
	}
	ret = 0;
out:
	free(up);
	strv_release(&uniq);
	git_index_free(idx);
	git_tree_free(tree);
	git_tree_free(base);
	git_commit_free(head);
	return ret;
}

/* The issue key as one piece of a ref name: anything git would refuse
 * becomes '-'. */
static void tag_piece(struct buf *b, const char *issue)
{
	size_t start = b->len;
	const char *p;

	for (p = issue; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '#' || c == '+' || c == '=' || c == ',')
			buf_addch(b, (char)c);
		else if (c == '/' || c == '.')
			/* kept between names, never doubled or leading */
			buf_addch(b, (b->len > start &&
				      b->ptr[b->len - 1] != '/' &&
				      b->ptr[b->len - 1] != '.')
					     ? (char)c
					     : '-');
		else
			buf_addch(b, '-');
	}
	while (b->len > start && (b->ptr[b->len - 1] == '/' ||
				  b->ptr[b->len - 1] == '.'))
		b->ptr[b->len - 1] = '-';
	if (b->len == start)
		buf_adds(b, "run");
}

int commit_tag_before(struct repo *r, const char *commit, const char *issue,
		      struct buf *name, struct err *e)
{
	git_repository *git = repo_git(r);
	git_commit *c = NULL;
	git_object *parent = NULL;
	git_reference *existing = NULL;
	struct buf tag = BUF_INIT, full = BUF_INIT;
	char sha[REPO_OID_HEX + 1];
	git_oid id;
	int valid = 0, rc, ret = -1;

	if (lookup_commit(git, commit, &c, e) < 0)
		goto out;
	if (git_commit_parentcount(c) == 0) {
		ret = 0;
		goto out;
	}
	git_oid_tostr(sha, sizeof(sha), git_commit_parent_id(c, 0));
	buf_adds(&tag, COMMIT_TAG_PREFIX);
	tag_piece(&tag, issue && *issue ? issue : "run");
	buf_addf(&tag, "/before-%.7s", sha);
	buf_addf(&full, "refs/tags/%s", tag.ptr);
	if (git_reference_name_is_valid(&valid, full.ptr) < 0 || !valid) {
		/* Something tag_piece let through (".lock" at the end of a
		 * piece, say): the plain form. */
		buf_reset(&tag);
		buf_reset(&full);
		buf_addf(&tag, COMMIT_TAG_PREFIX "run/before-%.7s", sha);
		buf_addf(&full, "refs/tags/%s", tag.ptr);
	}
	if (git_object_lookup(&parent, git, git_commit_parent_id(c, 0),
			      GIT_OBJECT_COMMIT) < 0) {
		err_set_libgit2(e, ERR_IO, "the parent commit");
		goto out;
	}
	/* Lightweight: a bookmark of our own, no tag object, and `git
	 * describe` (annotated tags only, by default) goes on naming the
	 * user's releases. */
	rc = git_tag_create_lightweight(&id, git, tag.ptr, parent, 0);
	if (rc == GIT_EEXISTS) {
		if (git_reference_lookup(&existing, git, full.ptr) < 0 ||
		    !git_reference_target(existing) ||
		    !git_oid_equal(git_reference_target(existing),
				   git_commit_parent_id(c, 0))) {
			err_set(e, ERR_CONFLICTS,
				"the tag %s exists and points elsewhere",
				tag.ptr);
			goto out;
		}
	} else if (rc < 0) {
		err_set_libgit2(e, ERR_IO, tag.ptr);
		goto out;
	}
	buf_add(name, tag.ptr, tag.len);
	ret = 0;
out:
	git_reference_free(existing);
	git_object_free(parent);
	git_commit_free(c);
	buf_release(&tag);
	buf_release(&full);
	return ret;
}

/* The paths that differ between two trees (either may be NULL: empty). */
static int tree_changes(git_repository *git, git_tree *a, git_tree *b,
			struct strv *out, struct err *e)
{
	git_diff_options opts;
	git_diff *diff = NULL;
	size_t i, n;

	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	if (git_diff_tree_to_tree(&diff, git, a, b, &opts) < 0)
		return err_set_libgit2(e, ERR_IO, "comparing trees");
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);

		strv_add(out, d->old_file.path);
		strv_add(out, d->new_file.path);
	}
	strv_sort_uniq(out);
	git_diff_free(diff);
	return 0;
}

int commit_changed_paths(struct repo *r, const char *commit, struct strv *out,
			 struct err *e)
{
	git_repository *git = repo_git(r);
	git_commit *c = NULL, *p = NULL;
	git_tree *ct = NULL, *pt = NULL;
	int ret = -1;

	if (lookup_commit(git, commit, &c, e) < 0)
		goto out;
	if (git_commit_tree(&ct, c) < 0 ||
	    (git_commit_parentcount(c) &&
	     (git_commit_parent(&p, c, 0) < 0 || git_commit_tree(&pt, p) < 0))) {
		err_set_libgit2(e, ERR_IO, commit);
		goto out;
	}
	ret = tree_changes(git, pt, ct, out, e);
out:
	git_tree_free(ct);
	git_tree_free(pt);
	git_commit_free(p);
	git_commit_free(c);
	return ret;
}

/* Whether the entries at path in a and b (NULL trees: empty) are the same
 * blob and mode, or both absent. */
static bool same_entry(git_tree *a, git_tree *b, const char *path)
{
	git_tree_entry *x = NULL, *y = NULL;
	bool same;

	if (a && git_tree_entry_bypath(&x, a, path) < 0)
		x = NULL;
	if (b && git_tree_entry_bypath(&y, b, path) < 0)
		y = NULL;
	same = (!x && !y) ||
	       (x && y && git_oid_equal(git_tree_entry_id(x),
					git_tree_entry_id(y)) &&
		git_tree_entry_filemode(x) == git_tree_entry_filemode(y));
	git_tree_entry_free(x);
	git_tree_entry_free(y);
	return same;
}

static void dirty_message(struct err *e, const char *what,
			  const struct strv *paths)
{
	struct buf m = BUF_INIT;
	size_t i;

	buf_adds(&m, what);
	for (i = 0; i < paths->n && i < DIRTY_NAMED; i++)
		buf_addf(&m, "%s%s", i ? ", " : ": ", paths->v[i]);
	if (paths->n > DIRTY_NAMED)
		buf_addf(&m, ", ... (%zu in all)", paths->n);
	err_set(e, ERR_WORKSPACE_DIRTY, "%s", m.ptr);
	buf_release(&m);
}

int commit_revert(struct repo *r, const char *commit, const char *message,
		  char *out, struct strv *files, struct err *e)
{
	git_repository *git = repo_git(r);
	git_commit *c = NULL, *p = NULL, *head = NULL;
	git_tree *ct = NULL, *pt = NULL, *ht = NULL, *tree = NULL;
	struct strv changed = STRV_INIT, later = STRV_INIT, dirty = STRV_INIT;
	git_tree_update *up = NULL;
	git_checkout_options co;
	size_t i, n = 0;
	int ret = -1;

	if (lookup_commit(git, commit, &c, e) < 0)
		goto out;
	if (git_commit_tree(&ct, c) < 0 ||
	    (git_commit_parentcount(c) &&
	     (git_commit_parent(&p, c, 0) < 0 || git_commit_tree(&pt, p) < 0))) {
		err_set_libgit2(e, ERR_IO, commit);
		goto out;
	}
	if (head_commit(git, &head, e) < 0)
		goto out;
	if (!head || git_commit_tree(&ht, head) < 0) {
		err_set(e, ERR_NOT_FOUND, "HEAD has no commit to revert on");
		goto out;
	}
	if (tree_changes(git, pt, ct, &changed, e) < 0)
		goto out;
	for (i = 0; i < changed.n; i++)
		if (!same_entry(ct, ht, changed.v[i]))
			strv_add(&later, changed.v[i]);
	if (later.n) {
		dirty_message(e, "a later commit changed the run's files",
			      &later);
		goto out;
	}
	if (commit_dirty_paths(r, &changed, &dirty, e) < 0)
		goto out;
	if (dirty.n) {
		dirty_message(e, "the run's files have uncommitted changes",
			      &dirty);
		goto out;
	}
	/* HEAD's tree with the run's files as the parent had them. */
	up = xcalloc(changed.n ? changed.n : 1, sizeof(*up));
	for (i = 0; i < changed.n; i++) {
		git_tree_entry *te = NULL;

		if (pt && git_tree_entry_bypath(&te, pt, changed.v[i]) == 0) {
			up[n].action = GIT_TREE_UPDATE_UPSERT;
			git_oid_cpy(&up[n].id, git_tree_entry_id(te));
			up[n].filemode = git_tree_entry_filemode(te);
			up[n++].path = changed.v[i];
			git_tree_entry_free(te);
		} else if (!same_entry(ht, NULL, changed.v[i])) {
			up[n].action = GIT_TREE_UPDATE_REMOVE;
			up[n++].path = changed.v[i];
		}
	}
	if (updated_tree(git, ht, up, n, &tree, e) < 0)
		goto out;
	if (git_oid_equal(git_tree_id(tree), git_tree_id(ht))) {
		err_set(e, ERR_INVALID_PARAMS,
			"nothing to revert: HEAD already has the run's files "
			"as before it");
		goto out;
	}
	/* The work tree and index entries of those files first (they are
	 * clean, so nothing of the user's is lost), then the commit. */
	git_checkout_options_init(&co, GIT_CHECKOUT_OPTIONS_VERSION);
	co.checkout_strategy = GIT_CHECKOUT_FORCE |
			       GIT_CHECKOUT_DISABLE_PATHSPEC_MATCH;
	co.paths.strings = changed.v;
	co.paths.count = changed.n;
	co.baseline = ht;
	if (git_checkout_tree(git, (git_object *)tree, &co) < 0) {
		err_set_libgit2(e, ERR_IO, "writing the reverted files");
		goto out;
	}
	if (make_commit(git, head, tree, message, out, e) < 0)
		goto out;
	if (files)
		strv_add_all(files, &changed);
	ret = 0;
out:
	free(up);
	strv_release(&changed);
	strv_release(&later);
	strv_release(&dirty);
	git_tree_free(tree);
	git_tree_free(ht);
	git_tree_free(pt);
	git_tree_free(ct);
	git_commit_free(head);
	git_commit_free(p);
	git_commit_free(c);
	return ret;
}

int commit_reset(struct repo *r, const char *tag, const char *commit,
		 struct strv *files, struct err *e)
{
	git_repository *git = repo_git(r);
	struct buf full = BUF_INIT;
	git_object *target = NULL;
	git_commit *c = NULL, *head = NULL;
	git_tree *tt = NULL, *ht = NULL;
	struct strv changed = STRV_INIT, dirty = STRV_INIT,
		    blocking = STRV_INIT;
	git_checkout_options co;
	size_t i;
	int ret = -1;

	buf_addf(&full, "refs/tags/%s", tag);
	if (git_revparse_single(&target, git, full.ptr) < 0) {
		err_set(e, ERR_NOT_FOUND, "no tag %s", tag);
		goto out;
	}
	if (git_object_peel((git_object **)&c, target, GIT_OBJECT_COMMIT) < 0 ||
	    git_commit_tree(&tt, c) < 0) {
		err_set_libgit2(e, ERR_IO, tag);
		goto out;
	}
	if (head_commit(git, &head, e) < 0)
		goto out;
	if (!head || git_oid_strcmp(git_commit_id(head), commit) != 0) {
		char now[REPO_OID_HEX + 1] = "";

		if (head)
			git_oid_tostr(now, sizeof(now), git_commit_id(head));
		err_set(e, ERR_WORKSPACE_DIRTY,
			"HEAD moved: it is %.12s, not the run's commit %.12s; "
			"use a revert instead", head ? now : "unborn", commit);
		goto out;
	}
	if (git_commit_tree(&ht, head) < 0) {
		err_set_libgit2(e, ERR_IO, "HEAD's tree");
		goto out;
	}
	if (tree_changes(git, tt, ht, &changed, e) < 0)
		goto out;
	/* Clean: no change to a tracked file anywhere, and nothing
	 * untracked where the reset would write. */
	if (commit_dirty_paths(r, NULL, &dirty, e) < 0)
		goto out;
	for (i = 0; i < dirty.n; i++) {
		git_tree_entry *te = NULL;
		bool tracked = git_tree_entry_bypath(&te, ht, dirty.v[i]) == 0;
		unsigned st = 0;

		git_tree_entry_free(te);
		if (!tracked && !strv_has(&changed, dirty.v[i]) &&
		    git_status_file(&st, git, dirty.v[i]) == 0 &&
		    !(st & (GIT_STATUS_INDEX_NEW | GIT_STATUS_INDEX_MODIFIED)))
			continue; /* untracked, out of the reset's way */
		strv_add(&blocking, dirty.v[i]);
	}
	for (i = 0; i < changed.n; i++) {
		struct buf p = BUF_INIT;
		struct stat st;
		git_tree_entry *te = NULL;
		bool in_head = git_tree_entry_bypath(&te, ht, changed.v[i]) == 0;

		git_tree_entry_free(te);
		buf_addf(&p, "%s%s", git_repository_workdir(git), changed.v[i]);
		/* An ignored file where the reset would write one. */
		if (!in_head && lstat(p.ptr, &st) == 0 &&
		    !strv_has(&blocking, changed.v[i]))
			strv_add(&blocking, changed.v[i]);
		buf_release(&p);
	}
	if (blocking.n) {
		strv_sort_uniq(&blocking);
		dirty_message(e, "the work tree is not clean", &blocking);
		goto out;
	}
	git_checkout_options_init(&co, GIT_CHECKOUT_OPTIONS_VERSION);
	co.checkout_strategy = GIT_CHECKOUT_FORCE;
	if (git_reset(git, (git_object *)c, GIT_RESET_HARD, &co) < 0) {
		err_set_libgit2(e, ERR_IO, "resetting");
		goto out;
	}
	if (files)
		strv_add_all(files, &changed);
	ret = 0;
out:
	strv_release(&changed);
	strv_release(&dirty);
	strv_release(&blocking);
	git_tree_free(tt);
	git_tree_free(ht);
	git_commit_free(c);
	git_commit_free(head);
	git_object_free(target);
	buf_release(&full);
	return ret;
}

int commit_stage_paths(struct repo *r, const struct strv *paths,
		       struct err *e)
{
	git_repository *git = repo_git(r);
	git_index *idx = NULL;
	size_t i;
	int ret = -1;

	if (!git_repository_workdir(git))
		return err_set(e, ERR_NOT_A_REPOSITORY, "no work tree");
	if (load_index(git, &idx, e) < 0)
		return -1;
	for (i = 0; i < paths->n; i++)
		if (stage_one(git, idx, paths->v[i], e) < 0)
			goto out;
	if (git_index_write(idx) < 0) {
		err_set_libgit2(e, ERR_IO, "writing the index");
		goto out;
	}
	ret = 0;
out:
	git_index_free(idx);
	return ret;
}

/* The paths of the status entries, new and old names, sorted. */
static int status_paths(struct repo *r, const struct strv *paths,
			git_status_show_t show, unsigned int flags,
			struct strv *out, struct err *e)
{
	git_repository *git = repo_git(r);
	git_status_options opts;
	git_status_list *list = NULL;
	size_t i, n;

	git_status_options_init(&opts, GIT_STATUS_OPTIONS_VERSION);
	opts.show = show;
	opts.flags = flags | GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
	if (paths) {
		opts.flags |= GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH;
		opts.pathspec.strings = paths->v;
		opts.pathspec.count = paths->n;
	}
	if (git_status_list_new(&list, git, &opts) < 0)
		return err_set_libgit2(e, ERR_IO, "reading the status");
	n = git_status_list_entrycount(list);
	for (i = 0; i < n; i++) {
		const git_status_entry *s = git_status_byindex(list, i);
		const git_diff_delta *d = s->head_to_index ? s->head_to_index
							   : s->index_to_workdir;

		if (s->status == GIT_STATUS_CURRENT ||
		    (s->status & GIT_STATUS_IGNORED) || !d)
			continue;
		strv_add(out, d->new_file.path);
		if (d->old_file.path && strcmp(d->old_file.path,
					       d->new_file.path) != 0)
			strv_add(out, d->old_file.path);
	}
	strv_sort_uniq(out);
	git_status_list_free(list);
	return 0;
}

int commit_dirty_paths(struct repo *r, const struct strv *paths,
		       struct strv *dirty, struct err *e)
{
	if (paths && paths->n == 0)
		return 0;
	return status_paths(r, paths, GIT_STATUS_SHOW_INDEX_AND_WORKDIR,
			    GIT_STATUS_OPT_INCLUDE_UNTRACKED |
			    GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS,
			    dirty, e);
}

int commit_unstaged_paths(struct repo *r, struct strv *unstaged,
			  struct err *e)
{
	return status_paths(r, NULL, GIT_STATUS_SHOW_WORKDIR_ONLY, 0,
			    unstaged, e);
}
