/* giterr: libgit2's last error as our struct err. */
#ifndef AIRUNNER_GITERR_H
#define AIRUNNER_GITERR_H

#include "util/err.h"

/* Sets e to "what: <libgit2's message>" with the given kind; returns -1. */
int err_set_libgit2(struct err *e, enum err_kind kind, const char *what);

#endif
