#include "util/paths.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/mem.h"

void paths_socket_default(struct buf *out)
{
	const char *env = getenv("AIRUNNER_SOCKET");
	const char *rt = getenv("XDG_RUNTIME_DIR");

	if (env && *env)
		buf_adds(out, env);
	else if (rt && *rt)
		buf_addf(out, "%s/airunner/agent.sock", rt);
	else
		buf_addf(out, "/tmp/airunner-%d/agent.sock", (int)getuid());
}

void paths_state_dir(struct buf *out)
{
	const char *st = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");

	if (st && *st)
		buf_addf(out, "%s/airunner", st);
	else if (home && *home)
		buf_addf(out, "%s/.local/state/airunner", home);
	else
		buf_addf(out, "/tmp/airunner-%d", (int)getuid());
}

static int check_stat(const char *dir, const struct stat *st, struct err *e)
{
	if (S_ISLNK(st->st_mode))
		return err_set(e, ERR_UNSAFE_SOCKET,
			       "%s is a symlink (owned by uid %d); the agent's folder must be a real directory",
			       dir, (int)st->st_uid);
	if (!S_ISDIR(st->st_mode))
		return err_set(e, ERR_UNSAFE_SOCKET, "%s is not a directory",
			       dir);
	if (st->st_uid != getuid())
		return err_set(e, ERR_UNSAFE_SOCKET,
			       "%s belongs to uid %d, not to us (uid %d)", dir,
			       (int)st->st_uid, (int)getuid());
	if (st->st_mode & 0077)
		return err_set(e, ERR_UNSAFE_SOCKET,
			       "%s is open to other users (mode %03o); it must be 0700",
			       dir, (unsigned)(st->st_mode & 0777));
	return 0;
}

int paths_check_private_dir(const char *dir, struct err *e)
{
	struct stat st;
	int fd, r;

	/* lstat first, for a message that says "symlink" rather than the
	 * ELOOP that O_NOFOLLOW gives. */
	if (lstat(dir, &st) < 0)
		return err_set_errno(e, ERR_IO, "cannot stat %s", dir);
	if (check_stat(dir, &st, e) < 0)
		return -1;
	/* Then the same checks on what we actually open: a swap between
	 * lstat and here is caught (O_NOFOLLOW refuses a symlink). */
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ELOOP || errno == ENOTDIR)
			return err_set(e, ERR_UNSAFE_SOCKET,
				       "%s changed while we checked it", dir);
		return err_set_errno(e, ERR_IO, "cannot open %s", dir);
	}
	r = fstat(fd, &st) < 0
		? err_set_errno(e, ERR_IO, "cannot stat %s", dir)
		: check_stat(dir, &st, e);
	close(fd);
	return r;
}

int paths_check_socket_dir(const char *socket_path, bool create,
			   struct err *e)
{
	char *dir = xstrdup(socket_path), *slash = strrchr(dir, '/');
	int r = -1;

	if (!slash || slash == dir) {
		r = 0;
		goto out;
	}
	*slash = '\0';
	if (create && mkdir(dir, 0700) < 0 && errno != EEXIST) {
		err_set_errno(e, ERR_IO, "cannot create %s", dir);
		goto out;
	}
	r = paths_check_private_dir(dir, e);
out:
	free(dir);
	return r;
}

bool paths_which(const char *prog, struct buf *out)
{
	const char *p = getenv("PATH");
	struct stat st;

	while (p) {
		const char *colon = strchr(p, ':');
		size_t n = colon ? (size_t)(colon - p) : strlen(p);

		buf_reset(out);
		if (n)
			buf_add(out, p, n);
		else
			buf_addch(out, '.');
		buf_addf(out, "/%s", prog);
		if (stat(out->ptr, &st) == 0 && S_ISREG(st.st_mode) &&
		    access(out->ptr, X_OK) == 0)
			return true;
		p = colon ? colon + 1 : NULL;
	}
	buf_reset(out);
	return false;
}
