#include "util/beneath.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/mem.h"

static int sys_openat2(int dirfd, const char *path, int flags,
		       unsigned long long resolve)
{
#ifdef SYS_openat2
	struct open_how oh;
	int fd, tries = 0;

	memset(&oh, 0, sizeof(oh));
	oh.flags = (unsigned long long)(flags | O_CLOEXEC);
	oh.resolve = resolve;
	/* EAGAIN: a rename elsewhere raced the lookup; the kernel asks for a
	 * retry rather than risk a wrong answer. */
	do
		fd = (int)syscall(SYS_openat2, dirfd, path, &oh, sizeof(oh));
	while (fd < 0 && errno == EAGAIN && ++tries < 16);
	return fd;
#else
	(void)dirfd; (void)path; (void)flags; (void)resolve;
	errno = ENOSYS;
	return -1;
#endif
}

/* Opens the folder comp inside dfd without following a symlink: ELOOP for a
 * link (O_PATH | O_NOFOLLOW would hand back the link itself, and O_DIRECTORY
 * turns that into ENOTDIR: both are told apart by an lstat). */
static int open_dir_nofollow(int dfd, const char *comp)
{
	struct stat st;
	int fd = openat(dfd, comp, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0) {
		int saved = errno;

		if (saved == ENOTDIR &&
		    fstatat(dfd, comp, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISLNK(st.st_mode))
			saved = ELOOP;
		errno = saved;
		return -1;
	}
	if (fstat(fd, &st) < 0 || !S_ISDIR(st.st_mode)) {
		close(fd);
		errno = S_ISLNK(st.st_mode) ? ELOOP : ENOTDIR;
		return -1;
	}
	return fd;
}

/* The by-hand walk: every folder on the way opened with O_NOFOLLOW relative
 * to the previous one. With create, missing folders are made. Returns the
 * descriptor of the folder holding the last component (O_PATH), and
 * *leaf. The path has no ".." (the caller checked), so each step goes one
 * level down and the walk cannot climb out. */
static int walk_parent(int rootfd, const char *path, bool create,
		       const char **leaf)
{
	struct buf comp = BUF_INIT;
	const char *p = path, *slash;
	int dfd = openat(rootfd, ".", O_PATH | O_DIRECTORY | O_CLOEXEC);

	while (dfd >= 0 && (slash = strchr(p, '/'))) {
		int nfd;

		buf_reset(&comp);
		buf_add(&comp, p, (size_t)(slash - p));
		nfd = open_dir_nofollow(dfd, comp.ptr);
		if (nfd < 0 && errno == ENOENT && create) {
			if (mkdirat(dfd, comp.ptr, 0755) < 0 && errno != EEXIST)
				nfd = -1;
			else
				nfd = open_dir_nofollow(dfd, comp.ptr);
		}
		if (nfd < 0) {
			int saved = errno;

			close(dfd);
			errno = saved;
			dfd = -1;
			break;
		}
		close(dfd);
		dfd = nfd;
		p = slash + 1;
	}
	buf_release(&comp);
	*leaf = p;
	return dfd;
}

int beneath_open(int rootfd, const char *path, int flags, unsigned how)
{
	unsigned long long resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
	const char *leaf;
	struct stat st;
	int fd, dfd;

	if (!(how & BENEATH_FOLLOW))
		resolve |= RESOLVE_NO_SYMLINKS;
	if (!(how & BENEATH_BY_HAND)) {
		fd = sys_openat2(rootfd, *path ? path : ".", flags, resolve);
		/* EPERM: a container's seccomp filter that predates openat2
		 * (Docker's before 20.10) refuses it so; openat2 itself never
		 * answers EPERM for a path. The walk is the same rules. */
		if (fd >= 0 || (errno != ENOSYS && errno != EPERM))
			return fd;
	}
	if (!*path)
		return openat(rootfd, ".", flags | O_CLOEXEC);
	dfd = walk_parent(rootfd, path, false, &leaf);
	if (dfd < 0)
		return -1;
	fd = openat(dfd, leaf, flags | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 && (errno == ELOOP || errno == ENOTDIR) &&
	    fstatat(dfd, leaf, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISLNK(st.st_mode))
		errno = ELOOP;
	if (fd >= 0 && (flags & O_PATH) && fstat(fd, &st) == 0 &&
	    S_ISLNK(st.st_mode)) {
		/* O_PATH | O_NOFOLLOW opened the link itself. */
		close(fd);
		fd = -1;
		errno = ELOOP;
	}
	close(dfd);
	return fd;
}

int beneath_open_parent(int rootfd, const char *path, unsigned how,
			const char **leaf)
{
	const char *slash = strrchr(path, '/');
	struct buf dir = BUF_INIT;
	int fd;

	if (!slash) {
		*leaf = path;
		return openat(rootfd, ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
	}
	if (how & BENEATH_CREATE)
		return walk_parent(rootfd, path, true, leaf);
	buf_add(&dir, path, (size_t)(slash - path));
	fd = beneath_open(rootfd, dir.ptr, O_PATH | O_DIRECTORY,
			  how & BENEATH_BY_HAND);
	buf_release(&dir);
	*leaf = slash + 1;
	return fd;
}

/* A name for a temp file beside the target: hidden, ours, unlikely to be
 * taken; O_EXCL decides. */
static void temp_name(struct buf *b, unsigned attempt)
{
	static unsigned counter;

	buf_reset(b);
	buf_addf(b, ".airunner-tmp-%ld-%u-%u", (long)getpid(), ++counter,
		 attempt);
}

static int write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static void sync_dir(int dirfd)
{
	int fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	/* Best effort: the rename is done; syncing the folder makes it
	 * survive a power cut, and a file system that cannot is no reason to
	 * fail the write. */
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

int beneath_replace(int dirfd, const char *leaf, const void *data, size_t len,
		    mode_t mode, bool *created)
{
	struct buf tmp = BUF_INIT;
	struct stat st;
	bool is_new = false;
	unsigned attempt;
	int fd = -1, saved;

	if (fstatat(dirfd, leaf, &st, AT_SYMLINK_NOFOLLOW) == 0) {
		if (S_ISLNK(st.st_mode)) {
			errno = ELOOP;
			return -1;
		}
		if (S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			return -1;
		}
		if (!S_ISREG(st.st_mode)) {
			errno = EINVAL;
			return -1;
		}
		if (mode == (mode_t)-1)
			mode = st.st_mode & 07777;
	} else if (errno == ENOENT) {
		is_new = true;
	} else {
		return -1;
	}
	for (attempt = 0; attempt < 100; attempt++) {
		temp_name(&tmp, attempt);
		/* 0644 here, so a new file gets it less the umask. */
		fd = openat(dirfd, tmp.ptr,
			    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			    0644);
		if (fd >= 0 || errno != EEXIST)
			break;
	}
	if (fd < 0)
		goto fail;
	if (write_all(fd, data, len) < 0)
		goto fail_unlink;
	if (mode != (mode_t)-1 && fchmod(fd, mode) < 0)
		goto fail_unlink;
	if (fsync(fd) < 0)
		goto fail_unlink;
	if (close(fd) < 0) {
		fd = -1;
		goto fail_unlink;
	}
	fd = -1;
	if (renameat(dirfd, tmp.ptr, dirfd, leaf) < 0)
		goto fail_unlink;
	sync_dir(dirfd);
	buf_release(&tmp);
	if (created)
		*created = is_new;
	return 0;
fail_unlink:
	saved = errno;
	if (fd >= 0)
		close(fd);
	unlinkat(dirfd, tmp.ptr, 0);
	errno = saved;
fail:
	buf_release(&tmp);
	return -1;
}

int beneath_symlink(int dirfd, const char *leaf, const char *target)
{
	struct buf tmp = BUF_INIT;
	unsigned attempt;
	int r = -1, saved;

	for (attempt = 0; attempt < 100; attempt++) {
		temp_name(&tmp, attempt);
		r = symlinkat(target, dirfd, tmp.ptr);
		if (r == 0 || errno != EEXIST)
			break;
	}
	if (r == 0 && renameat(dirfd, tmp.ptr, dirfd, leaf) < 0) {
		saved = errno;
		unlinkat(dirfd, tmp.ptr, 0);
		errno = saved;
		r = -1;
	}
	if (r == 0)
		sync_dir(dirfd);
	buf_release(&tmp);
	return r;
}

void beneath_prune(int rootfd, const char *path, const char *keep)
{
	struct buf dir = BUF_INIT;
	size_t keep_len = keep ? strlen(keep) : 0;
	char *slash;

	buf_adds(&dir, path);
	while ((slash = strrchr(dir.ptr, '/')) != NULL) {
		const char *leaf;
		int dfd, r;

		buf_truncate(&dir, (size_t)(slash - dir.ptr));
		if (dir.len <= keep_len)
			break;
		dfd = beneath_open_parent(rootfd, dir.ptr, 0, &leaf);
		if (dfd < 0)
			break;
		r = unlinkat(dfd, leaf, AT_REMOVEDIR);
		close(dfd);
		if (r < 0)
			break;
	}
	buf_release(&dir);
}
