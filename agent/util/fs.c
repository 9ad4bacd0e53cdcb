#include "util/fs.h"

#include <errno.h>
#include <stdbool.h>
#include <sys/stat.h>

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
