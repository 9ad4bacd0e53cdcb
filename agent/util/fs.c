#include "util/fs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"

int fs_mkdirs(const char *path, mode_t mode, struct err *e)
{
	struct buf p = BUF_INIT;
	size_t i;
	int r = 0;

	buf_adds(&p, path);
	for (i = 1; i <= p.len; i++) {
		bool last = i == p.len;

		if (p.ptr[i] != '/' && !last)
			continue;
		p.ptr[i] = '\0';
		if (mkdir(p.ptr, last ? mode : 0755) < 0 && errno != EEXIST) {
			r = err_set_errno(e, ERR_IO, "mkdir %s", p.ptr);
			break;
		}
		if (!last)
			p.ptr[i] = '/';
	}
	buf_release(&p);
	return r;
}

static const char *type_name(mode_t m)
{
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISDIR(m))
		return "a folder";
	if (S_ISCHR(m))
		return "a character device";
	if (S_ISBLK(m))
		return "a block device";
	if (S_ISSOCK(m))
		return "a socket";
	return "not a regular file";
}

/* Opens path without blocking and checks what it is on the descriptor, so
 * nothing can be swapped in between the check and the read. Returns the fd
 * (in blocking mode again) with *st filled, or -1 with e set. */
static int open_regular(const char *path, size_t limit, struct stat *st,
			struct err *e)
{
	/* O_NONBLOCK: open() of a FIFO with no writer would wait for one. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);

	if (fd < 0) {
		if (errno == ENOENT)
			return err_set(e, ERR_NOT_FOUND, "%s: no such file",
				       path);
		return err_set_errno(e, ERR_IO, "cannot open %s", path);
	}
	if (fstat(fd, st) < 0) {
		err_set_errno(e, ERR_IO, "cannot stat %s", path);
		goto fail;
	}
	if (!S_ISREG(st->st_mode)) {
		err_set(e, ERR_IO, "%s is %s, not a regular file", path,
			type_name(st->st_mode));
		goto fail;
	}
	if (limit && (uint64_t)st->st_size > (uint64_t)limit) {
		err_set(e, ERR_TOO_BIG,
			"%s is %lld bytes, over the limit of %zu bytes", path,
			(long long)st->st_size, limit);
		goto fail;
	}
	/* Regular files ignore O_NONBLOCK, but clear it all the same. */
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) < 0) {
		err_set_errno(e, ERR_IO, "cannot read %s", path);
		goto fail;
	}
	return fd;
fail:
	close(fd);
	return -1;
}

int fs_read_regular(struct buf *out, const char *path, size_t limit,
		    struct err *e)
{
	char chunk[16384];
	struct stat st;
	size_t total = 0, start = out->len;
	ssize_t n;
	int fd = open_regular(path, limit, &st, e), r = -1;

	if (fd < 0)
		return -1;
	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err_set_errno(e, ERR_IO, "cannot read %s", path);
			goto out;
		}
		if (n == 0)
			break;
		total += (size_t)n;
		/* The file may have grown since fstat. */
		if ((limit && total > limit) ||
		    buf_add(out, chunk, (size_t)n) < 0) {
			err_set(e, ERR_TOO_BIG,
				"%s is over the limit of %zu bytes", path,
				limit ? limit : out->max);
			goto out;
		}
	}
	r = 0;
out:
	if (r < 0)
		buf_truncate(out, start);
	close(fd);
	return r;
}

int fs_check_regular(const char *path, size_t limit, struct err *e)
{
	struct stat st;
	int fd = open_regular(path, limit, &st, e);

	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

/* Adds the segments of p[0..n) to out, which ends in '/' or is at floor. */
static bool path_segments(struct buf *out, size_t floor, bool absolute,
			  const char *p, size_t n)
{
	while (n) {
		const char *slash = memchr(p, '/', n);
		size_t k = slash ? (size_t)(slash - p) : n;

		if (k == 2 && p[0] == '.' && p[1] == '.') {
			size_t at = out->len;

			if (at == floor && !absolute)
				return false;
			if (at > floor)
				at--; /* the '/' ending the last segment */
			while (at > floor && out->ptr[at - 1] != '/')
				at--;
			buf_truncate(out, at);
		} else if (k && !(k == 1 && p[0] == '.')) {
			buf_add(out, p, k);
			buf_addch(out, '/');
		}
		p += k + (slash ? 1 : 0);
		n -= k + (slash ? 1 : 0);
	}
	return true;
}

bool fs_path_join(struct buf *out, const char *dir, size_t dir_len,
		  const char *rel)
{
	size_t start = out->len, floor;
	bool absolute;

	if (rel[0] == '/')
		dir_len = 0;
	absolute = dir_len ? dir[0] == '/' : rel[0] == '/';
	if (absolute)
		buf_addch(out, '/');
	floor = out->len;
	if (!path_segments(out, floor, absolute, dir, dir_len) ||
	    !path_segments(out, floor, absolute, rel, strlen(rel))) {
		buf_truncate(out, start);
		return false;
	}
	if (out->len > floor)
		buf_truncate(out, out->len - 1); /* the last '/' */
	return true;
}
