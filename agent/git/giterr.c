#include "git/giterr.h"

#include <git2.h>

int err_set_libgit2(struct err *e, enum err_kind kind, const char *what)
{
	const git_error *ge = git_error_last();

	return err_set(e, kind, "%s: %s", what,
		       ge && ge->message ? ge->message : "unknown error");
}
