#include "git/snapshot.h"

#include <errno.h>
#include <fcntl.h>
#include <git2.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "git/giterr.h"
#include "git/repo_git.h"
#include "util/beneath.h"
#include "util/mem.h"

#define MANIFEST "paths"
#define WT_DIR "wt/"
#define IX_DIR "ix/"

/* One record of the manifest; the strings point into the manifest blob's
 * copy, owned by struct snap. */
struct record {
	const char *path, *perm, *keep;
};

/* A snapshot read back. */
struct snap {
	git_commit *commit; /* NULL: no snapshot yet */
	git_tree *tree;
	struct buf manifest;
	struct record *rec;
	size_t n;
};

static void snap_release(struct snap *s)
{
	git_tree_free(s->tree);
	git_commit_free(s->commit);
	buf_release(&s->manifest);
	free(s->rec);
	memset(s, 0, sizeof(*s));
}

void snapshot_ref_name(struct buf *out, int64_t run_id)
{
	buf_addf(out, SNAPSHOT_REF_PREFIX "%" PRId64, run_id);
}

/* Splits the manifest into records: path\0perm\0keep\0, repeated. */
static int parse_manifest(struct snap *s, struct err *e)
{
	const char *p = s->manifest.ptr, *end = p + s->manifest.len;
	size_t alloc = 0;

	while (p < end) {
		const char *f[3];
		int i;

		for (i = 0; i < 3; i++) {
			const char *nul = memchr(p, '\0', (size_t)(end - p));

			if (!nul)
				return err_set(e, ERR_PARSE,
					       "the snapshot's list of paths "
					       "is damaged");
			f[i] = p;
			p = nul + 1;
		}
		if (s->n == alloc) {
			alloc = alloc ? 2 * alloc : 16;
			s->rec = xrealloc(s->rec, alloc * sizeof(*s->rec));
		}
		s->rec[s->n].path = f[0];
		s->rec[s->n].perm = f[1];
		s->rec[s->n].keep = f[2];
		s->n++;
	}
	return 0;
}

/* Reads run_id's snapshot into s; no snapshot: s->commit stays NULL, 0. */
static int snap_load(git_repository *git, int64_t run_id, struct snap *s,
		     git_oid *ref_target, struct err *e)
{
	struct buf name = BUF_INIT;
	git_reference *ref = NULL;
	git_tree_entry *te = NULL;
	git_blob *blob = NULL;
	int rc, r = -1;

	memset(s, 0, sizeof(*s));
	buf_init(&s->manifest, BUF_DEFAULT_MAX);
	snapshot_ref_name(&name, run_id);
	rc = git_reference_lookup(&ref, git, name.ptr);
	if (rc == GIT_ENOTFOUND) {
		r = 0;
		goto out;
	}
	if (rc < 0) {
		err_set_libgit2(e, ERR_IO, name.ptr);
		goto out;
	}
	if (ref_target)
		git_oid_cpy(ref_target, git_reference_target(ref));
	if (git_commit_lookup(&s->commit, git, git_reference_target(ref)) < 0 ||
	    git_commit_tree(&s->tree, s->commit) < 0 ||
	    git_tree_entry_bypath(&te, s->tree, MANIFEST) < 0 ||
	    git_blob_lookup(&blob, git, git_tree_entry_id(te)) < 0) {
		err_set_libgit2(e, ERR_IO, "reading the snapshot");
		goto out;
	}
	buf_add(&s->manifest, git_blob_rawcontent(blob),
		(size_t)git_blob_rawsize(blob));
	r = parse_manifest(s, e);
out:
	git_blob_free(blob);
	git_tree_entry_free(te);
	git_reference_free(ref);
	buf_release(&name);
	return r;
}

static int open_root(git_repository *git, struct err *e)
{
	const char *wd = git_repository_workdir(git);
	int fd;

	if (!wd)
		return err_set(e, ERR_NOT_A_REPOSITORY,
			       "the repository has no work tree");
	fd = open(wd, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return err_set_errno(e, ERR_IO, "cannot open %s", wd);
	return fd;
}

static int load_index(git_repository *git, git_index **idx, struct err *e)
{
	if (git_repository_index(idx, git) < 0)
		return err_set_libgit2(e, ERR_IO, "opening the index");
	/* force: another process (git add) may have changed it within the
	 * same second, which the timestamp check would miss. */
	if (git_index_read(*idx, 1) < 0) {
		git_index_free(*idx);
		*idx = NULL;
		return err_set_libgit2(e, ERR_IO, "reading the index");
	}
	return 0;
}

/* The work-tree side of a path, read raw: *present, its blob, tree mode and
 * permission bits; for a missing file, the deepest folder that exists. */
struct wt_state {
	bool present;
	git_oid id;
	git_filemode_t mode;
	struct buf perm, keep;
};

static int read_worktree(git_repository *git, int rootfd, const char *path,
			 struct wt_state *w, struct err *e)
{
	struct buf data = BUF_INIT;
	const char *leaf;
	struct stat st;
	int dfd, fd = -1, r = -1;

	dfd = beneath_open_parent(rootfd, path, 0, &leaf);
	if (dfd < 0 && errno != ENOENT) {
		return err_set_errno(e, errno == ELOOP ? ERR_OUTSIDE_WORKSPACE
						       : ERR_IO,
				     "snapshot of %s: its folder", path);
	}
	if (dfd < 0 || fstatat(dfd, leaf, &st, AT_SYMLINK_NOFOLLOW) < 0) {
		char *slash;

		if (dfd >= 0 && errno != ENOENT) {
			err_set_errno(e, ERR_IO, "snapshot of %s", path);
			goto out;
		}
		/* Missing: find the deepest folder that exists. */
		buf_adds(&w->keep, path);
		while ((slash = strrchr(w->keep.ptr, '/')) != NULL) {
			int t;

			buf_truncate(&w->keep, (size_t)(slash - w->keep.ptr));
			t = beneath_open(rootfd, w->keep.ptr,
					 O_PATH | O_DIRECTORY, 0);
			if (t >= 0) {
				close(t);
				break;
			}
		}
		if (!slash)
			buf_reset(&w->keep);
		r = 0;
		goto out;
	}
	if (S_ISLNK(st.st_mode)) {
		char target[4096];
		ssize_t n = readlinkat(dfd, leaf, target, sizeof(target));

		if (n < 0 || (size_t)n == sizeof(target)) {
			err_set_errno(e, ERR_IO, "snapshot of %s: readlink",
				      path);
			goto out;
		}
		buf_add(&data, target, (size_t)n);
		w->mode = GIT_FILEMODE_LINK;
	} else if (S_ISREG(st.st_mode)) {
		fd = openat(dfd, leaf, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
					       O_NOCTTY | O_CLOEXEC);
		if (fd < 0) {
			err_set_errno(e, ERR_IO, "snapshot of %s", path);
			goto out;
		}
		for (;;) {
			ssize_t n;

			buf_grow(&data, 65536);
			n = read(fd, data.ptr + data.len,
				 data.cap - data.len - 1);
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				err_set_errno(e, ERR_IO, "snapshot of %s",
					      path);
				goto out;
			}
			if (n == 0)
				break;
			data.len += (size_t)n;
			data.ptr[data.len] = '\0';
		}
		w->mode = (st.st_mode & 0111) ? GIT_FILEMODE_BLOB_EXECUTABLE
					      : GIT_FILEMODE_BLOB;
		buf_addf(&w->perm, "%o", (unsigned)(st.st_mode & 07777));
	} else {
		err_set(e, ERR_INVALID_PARAMS, "snapshot of %s: it is %s", path,
			S_ISDIR(st.st_mode) ? "a folder" : "a special file");
		goto out;
	}
	/* Raw bytes, no filters: restore must give back exactly these. */
	if (git_blob_create_from_buffer(&w->id, git, data.ptr, data.len) < 0) {
		err_set_libgit2(e, ERR_IO, "snapshot: storing the file");
		goto out;
	}
	w->present = true;
	r = 0;
out:
	if (fd >= 0)
		close(fd);
	if (dfd >= 0)
		close(dfd);
	buf_release(&data);
	return r;
}

static int make_signature(git_signature **sig, struct err *e)
{
	if (git_signature_now(sig, "airunner", "airunner@localhost") < 0)
		return err_set_libgit2(e, ERR_INTERNAL, "signature");
	return 0;
}

int snapshot_add(struct repo *r, int64_t run_id, const char *path,
		 struct err *e)
{
	git_repository *git = repo_git(r);
	struct snap s;
	struct wt_state w = { false, { { 0 } }, 0, BUF_INIT, BUF_INIT };
	struct buf name = BUF_INIT, wtp = BUF_INIT, ixp = BUF_INIT,
		   msg = BUF_INIT;
	git_index *idx = NULL;
	const git_index_entry *ie;
	git_tree_update up[3];
	git_oid old_target, manifest_id, tree_id, commit_id;
	git_tree *tree = NULL;
	git_signature *sig = NULL;
	git_reference *ref = NULL;
	size_t i, nup = 0;
	int rootfd = -1, stage, rc, ret = -1;

	if (snap_load(git, run_id, &s, &old_target, e) < 0)
		goto out;
	for (i = 0; i < s.n; i++)
		if (strcmp(s.rec[i].path, path) == 0) {
			ret = 0; /* the first original wins */
			goto out;
		}
	if (load_index(git, &idx, e) < 0)
		goto out;
	for (stage = 1; stage <= 3; stage++)
		if (git_index_get_bypath(idx, path, stage)) {
			err_set(e, ERR_CONFLICTS,
				"%s has unresolved conflicts in the index",
				path);
			goto out;
		}
	ie = git_index_get_bypath(idx, path, 0);
	if (ie && ie->mode == GIT_FILEMODE_COMMIT) {
		err_set(e, ERR_INVALID_PARAMS, "%s is a submodule", path);
		goto out;
	}
	if ((rootfd = open_root(git, e)) < 0)
		goto out;
	if (read_worktree(git, rootfd, path, &w, e) < 0)
		goto out;

	/* The manifest grows by one record. */
	buf_add(&s.manifest, path, strlen(path) + 1);
	buf_add(&s.manifest, w.perm.ptr, w.perm.len + 1);
	buf_add(&s.manifest, w.present ? "" : w.keep.ptr,
		(w.present ? 0 : w.keep.len) + 1);
	if (git_blob_create_from_buffer(&manifest_id, git, s.manifest.ptr,
					s.manifest.len) < 0) {
		err_set_libgit2(e, ERR_IO, "snapshot: the list of paths");
		goto out;
	}
	memset(up, 0, sizeof(up));
	up[nup].action = GIT_TREE_UPDATE_UPSERT;
	up[nup].id = manifest_id;
	up[nup].filemode = GIT_FILEMODE_BLOB;
	up[nup++].path = MANIFEST;
	if (w.present) {
		buf_addf(&wtp, WT_DIR "%s", path);
		up[nup].action = GIT_TREE_UPDATE_UPSERT;
		up[nup].id = w.id;
		up[nup].filemode = w.mode;
		up[nup++].path = wtp.ptr;
	}
	if (ie) {
		buf_addf(&ixp, IX_DIR "%s", path);
		up[nup].action = GIT_TREE_UPDATE_UPSERT;
		up[nup].id = ie->id;
		up[nup].filemode = (git_filemode_t)ie->mode;
		up[nup++].path = ixp.ptr;
	}
	if (git_tree_create_updated(&tree_id, git, s.tree, nup, up) < 0 ||
	    git_tree_lookup(&tree, git, &tree_id) < 0) {
		err_set_libgit2(e, ERR_IO, "snapshot: writing its tree");
		goto out;
	}
	if (make_signature(&sig, e) < 0)
		goto out;
	buf_addf(&msg, "airunner: snapshot of run %" PRId64 "\n", run_id);
	/* No parent: the ref holds the latest state, one commit. */
	if (git_commit_create(&commit_id, git, NULL, sig, sig, NULL, msg.ptr,
			      tree, 0, NULL) < 0) {
		err_set_libgit2(e, ERR_IO, "snapshot: writing its commit");
		goto out;
	}
	snapshot_ref_name(&name, run_id);
	/* Compare-and-swap: two writers of one run's snapshot cannot lose a
	 * record silently; the loser gets ERR_CONFLICTS and may retry. */
	if (s.commit)
		rc = git_reference_create_matching(&ref, git, name.ptr,
						   &commit_id, 1, &old_target,
						   msg.ptr);
	else
		rc = git_reference_create(&ref, git, name.ptr, &commit_id, 0,
					  msg.ptr);
	if (rc == GIT_EEXISTS || rc == GIT_EMODIFIED) {
		err_set(e, ERR_CONFLICTS,
			"%s changed while adding %s to it", name.ptr, path);
		goto out;
	}
	if (rc < 0) {
		err_set_libgit2(e, ERR_IO, name.ptr);
		goto out;
	}
	ret = 0;
out:
	if (rootfd >= 0)
		close(rootfd);
	git_reference_free(ref);
	git_signature_free(sig);
	git_tree_free(tree);
	git_index_free(idx);
	snap_release(&s);
	buf_release(&w.perm);
	buf_release(&w.keep);
	buf_release(&name);
	buf_release(&wtp);
	buf_release(&ixp);
	buf_release(&msg);
	return ret;
}

int snapshot_exists(struct repo *r, int64_t run_id, bool *exists,
		    struct err *e)
{
	struct buf name = BUF_INIT;
	git_oid id;
	int rc;

	snapshot_ref_name(&name, run_id);
	rc = git_reference_name_to_id(&id, repo_git(r), name.ptr);
	buf_release(&name);
	if (rc < 0 && rc != GIT_ENOTFOUND)
		return err_set_libgit2(e, ERR_IO, "reading the snapshot's ref");
	*exists = rc == 0;
	return 0;
}

static int snap_must_load(struct repo *r, int64_t run_id, struct snap *s,
			  struct err *e)
{
	if (snap_load(repo_git(r), run_id, s, NULL, e) < 0)
		return -1;
	if (!s->commit)
		return err_set(e, ERR_NOT_FOUND, "run %" PRId64 " has no "
			       "snapshot", run_id);
	return 0;
}

int snapshot_paths(struct repo *r, int64_t run_id, struct strv *out,
		   struct err *e)
{
	struct snap s;
	size_t i;
	int ret = -1;

	if (snap_must_load(r, run_id, &s, e) == 0) {
		for (i = 0; i < s.n; i++)
			strv_add(out, s.rec[i].path);
		ret = 0;
	}
	snap_release(&s);
	return ret;
}

/* The entry at prefix+path in the snapshot's tree, or NULL. */
static git_tree_entry *snap_entry(struct snap *s, const char *prefix,
				  const char *path)
{
	struct buf p = BUF_INIT;
	git_tree_entry *te = NULL;

	buf_addf(&p, "%s%s", prefix, path);
	if (git_tree_entry_bypath(&te, s->tree, p.ptr) < 0)
		te = NULL;
	buf_release(&p);
	return te;
}

/* Removes the work-tree file at path (a file the run created), and the
 * folders it made for it. */
static int remove_file(int rootfd, const struct record *rec, struct err *e)
{
	const char *leaf;
	struct stat st;
	int dfd = beneath_open_parent(rootfd, rec->path, 0, &leaf), rc = 0;

	if (dfd < 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		return err_set_errno(e, errno == ELOOP ? ERR_OUTSIDE_WORKSPACE
						       : ERR_IO,
				     "restoring %s: its folder", rec->path);
	}
	if (fstatat(dfd, leaf, &st, AT_SYMLINK_NOFOLLOW) == 0) {
		if (S_ISDIR(st.st_mode))
			rc = unlinkat(dfd, leaf, AT_REMOVEDIR);
		else
			rc = unlinkat(dfd, leaf, 0);
		if (rc < 0)
			err_set_errno(e, ERR_IO, "restoring %s: removing it",
				      rec->path);
	}
	close(dfd);
	if (rc == 0)
		beneath_prune(rootfd, rec->path, rec->keep);
	return rc;
}

static int put_file(git_repository *git, int rootfd, const struct record *rec,
		    const git_tree_entry *te, struct err *e)
{
	git_blob *blob = NULL;
	const char *leaf;
	mode_t mode;
	int dfd, rc = -1;

	if (git_blob_lookup(&blob, git, git_tree_entry_id(te)) < 0)
		return err_set_libgit2(e, ERR_IO, "restoring a file");
	dfd = beneath_open_parent(rootfd, rec->path, BENEATH_CREATE, &leaf);
	if (dfd < 0) {
		err_set_errno(e, errno == ELOOP ? ERR_OUTSIDE_WORKSPACE : ERR_IO,
			      "restoring %s: its folder", rec->path);
		goto out;
	}
	if (git_tree_entry_filemode(te) == GIT_FILEMODE_LINK) {
		struct buf target = BUF_INIT;

		buf_add(&target, git_blob_rawcontent(blob),
			(size_t)git_blob_rawsize(blob));
		rc = beneath_symlink(dfd, leaf, target.ptr);
		buf_release(&target);
	} else {
		if (*rec->perm)
			mode = (mode_t)strtoul(rec->perm, NULL, 8);
		else
			mode = git_tree_entry_filemode(te) ==
					       GIT_FILEMODE_BLOB_EXECUTABLE
				       ? 0755
				       : 0644;
		rc = beneath_replace(dfd, leaf, git_blob_rawcontent(blob),
				     (size_t)git_blob_rawsize(blob), mode, NULL);
	}
	if (rc < 0)
		err_set_errno(e, errno == ELOOP ? ERR_OUTSIDE_WORKSPACE : ERR_IO,
			      "restoring %s", rec->path);
	close(dfd);
out:
	git_blob_free(blob);
	return rc;
}

/* The index entry of rec back as it was. When the restored file is exactly
 * the staged blob, its stat data goes in too, so git sees it clean without
 * re-reading it; otherwise git compares the content. */
static int put_index_entry(git_index *idx, int rootfd, const struct record *rec,
			   const git_tree_entry *ix, const git_tree_entry *wt,
			   struct err *e)
{
	git_index_entry ie;
	const char *leaf;
	struct stat st;
	int dfd;

	if (!ix) {
		if (git_index_get_bypath(idx, rec->path, 0) &&
		    git_index_remove(idx, rec->path, 0) < 0)
			return err_set_libgit2(e, ERR_IO, rec->path);
		return 0;
	}
	memset(&ie, 0, sizeof(ie));
	ie.path = rec->path;
	ie.mode = git_tree_entry_filemode(ix);
	git_oid_cpy(&ie.id, git_tree_entry_id(ix));
	if (wt && git_oid_equal(git_tree_entry_id(wt), git_tree_entry_id(ix)) &&
	    git_tree_entry_filemode(wt) == git_tree_entry_filemode(ix) &&
	    (dfd = beneath_open_parent(rootfd, rec->path, 0, &leaf)) >= 0) {
		if (fstatat(dfd, leaf, &st, AT_SYMLINK_NOFOLLOW) == 0) {
			ie.ctime.seconds = (int32_t)st.st_ctim.tv_sec;
			ie.ctime.nanoseconds = (uint32_t)st.st_ctim.tv_nsec;
			ie.mtime.seconds = (int32_t)st.st_mtim.tv_sec;
			ie.mtime.nanoseconds = (uint32_t)st.st_mtim.tv_nsec;
			ie.dev = (uint32_t)st.st_dev;
			ie.ino = (uint32_t)st.st_ino;
			ie.uid = (uint32_t)st.st_uid;
			ie.gid = (uint32_t)st.st_gid;
			ie.file_size = (uint32_t)st.st_size;
		}
		close(dfd);
	}
	if (git_index_add(idx, &ie) < 0)
		return err_set_libgit2(e, ERR_IO, rec->path);
	return 0;
}

int snapshot_restore(struct repo *r, int64_t run_id, struct strv *restored,
		     struct err *e)
{
	git_repository *git = repo_git(r);
	struct err first = ERR_INIT;
	struct snap s;
	git_index *idx = NULL;
	size_t i;
	int rootfd = -1, pass, ret = -1;

	if (snap_must_load(r, run_id, &s, e) < 0)
		goto out;
	if ((rootfd = open_root(git, e)) < 0 || load_index(git, &idx, e) < 0)
		goto out;
	/*
	 * Pass 0 removes what the run created, pass 1 puts the originals
	 * back: a file the run deleted may have become a folder of new
	 * files, which must go first. An error on one path does not stop the
	 * others (the most is put back); the first one is returned, and the
	 * ref stays for another try.
	 */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < s.n; i++) {
			struct err pe = ERR_INIT;
			git_tree_entry *wt = snap_entry(&s, WT_DIR, s.rec[i].path);
			int rc = 0;

			if (pass == 0 && !wt)
				rc = remove_file(rootfd, &s.rec[i], &pe);
			else if (pass == 1 && wt)
				rc = put_file(git, rootfd, &s.rec[i], wt, &pe);
			if (rc < 0 && first.kind == ERR_NONE)
				err_move(&first, &pe);
			err_clear(&pe);
			git_tree_entry_free(wt);
		}
	for (i = 0; i < s.n; i++) {
		struct err pe = ERR_INIT;
		git_tree_entry *wt = snap_entry(&s, WT_DIR, s.rec[i].path);
		git_tree_entry *ix = snap_entry(&s, IX_DIR, s.rec[i].path);

		if (put_index_entry(idx, rootfd, &s.rec[i], ix, wt, &pe) < 0 &&
		    first.kind == ERR_NONE)
			err_move(&first, &pe);
		err_clear(&pe);
		git_tree_entry_free(wt);
		git_tree_entry_free(ix);
	}
	if (git_index_write(idx) < 0 && first.kind == ERR_NONE)
		err_set_libgit2(&first, ERR_IO, "writing the index");
	if (first.kind != ERR_NONE) {
		err_move(e, &first);
		goto out;
	}
	if (restored)
		for (i = 0; i < s.n; i++)
			strv_add(restored, s.rec[i].path);
	ret = 0;
out:
	err_clear(&first);
	if (rootfd >= 0)
		close(rootfd);
	git_index_free(idx);
	snap_release(&s);
	return ret;
}

int snapshot_drop(struct repo *r, int64_t run_id, struct err *e)
{
	struct buf name = BUF_INIT;
	git_reference *ref = NULL;
	int rc, ret = 0;

	snapshot_ref_name(&name, run_id);
	rc = git_reference_lookup(&ref, repo_git(r), name.ptr);
	if (rc == 0 && git_reference_delete(ref) < 0)
		ret = err_set_libgit2(e, ERR_IO, name.ptr);
	else if (rc < 0 && rc != GIT_ENOTFOUND)
		ret = err_set_libgit2(e, ERR_IO, name.ptr);
	git_reference_free(ref);
	buf_release(&name);
	return ret;
}

struct diff_out {
	struct buf *out;
	size_t limit;
	bool cut;
};

static int diff_line(const git_diff_delta *delta, const git_diff_hunk *hunk,
		     const git_diff_line *line, void *payload)
{
	struct diff_out *d = payload;
	struct buf *b = d->out;

	if (d->cut)
		return 0;
	if (d->limit && b->len + line->content_len + 1 > d->limit) {
		d->cut = true;
		return 0;
	}
	if (line->origin == GIT_DIFF_LINE_CONTEXT ||
	    line->origin == GIT_DIFF_LINE_ADDITION ||
	    line->origin == GIT_DIFF_LINE_DELETION)
		buf_addch(b, line->origin);
	buf_add(b, line->content, line->content_len);
	return 0;
}

int snapshot_diff(struct repo *r, int64_t run_id, size_t limit,
		  struct buf *out, struct err *e)
{
	git_repository *git = repo_git(r);
	git_diff_options opts;
	git_diff *diff = NULL;
	git_tree_entry *te = NULL;
	git_tree *wt = NULL;
	struct diff_out d = { out, 0, false };
	struct snap s;
	char **paths = NULL;
	size_t i;
	int ret = -1;

	if (snap_must_load(r, run_id, &s, e) < 0)
		goto out;
	if (git_tree_entry_bypath(&te, s.tree, "wt") == 0 &&
	    git_tree_lookup(&wt, git, git_tree_entry_id(te)) < 0) {
		err_set_libgit2(e, ERR_IO, "reading the snapshot");
		goto out;
	}
	paths = xcalloc(s.n ? s.n : 1, sizeof(*paths));
	for (i = 0; i < s.n; i++)
		paths[i] = (char *)s.rec[i].path;
	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.flags = GIT_DIFF_DISABLE_PATHSPEC_MATCH |
		     GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS |
		     GIT_DIFF_SHOW_UNTRACKED_CONTENT |
		     GIT_DIFF_INCLUDE_IGNORED | GIT_DIFF_RECURSE_IGNORED_DIRS;
	opts.pathspec.strings = paths;
	opts.pathspec.count = s.n;
	if (git_diff_tree_to_workdir(&diff, git, wt, &opts) < 0) {
		err_set_libgit2(e, ERR_IO, "comparing with the snapshot");
		goto out;
	}
	d.limit = limit ? out->len + limit : 0;
	if (git_diff_print(diff, GIT_DIFF_FORMAT_PATCH, diff_line, &d) < 0) {
		err_set_libgit2(e, ERR_IO, "printing the diff");
		goto out;
	}
	if (d.cut)
		buf_adds(out, "... (diff cut)\n");
	ret = 0;
out:
	free(paths);
	git_diff_free(diff);
	git_tree_free(wt);
	git_tree_entry_free(te);
	snap_release(&s);
	return ret;
}
