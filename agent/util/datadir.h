/*
 * datadir: where airunner's shipped data (the pattern database) lives.
 *
 * In order: $AIRUNNER_DATADIR when set and not empty; the install tree,
 * found from the binary itself (/proc/self/exe, then AIRUNNER_REL_DATADIR
 * from its folder: `<prefix>/bin/airunner` -> `<prefix>/share/airunner`),
 * when that folder exists; else the source tree the binary was built from
 * (AIRUNNER_DATADIR at compile time), so a binary in the build tree needs
 * no install. An installed or unpacked tree can therefore be moved anywhere.
 */
#ifndef AIRUNNER_DATADIR_H
#define AIRUNNER_DATADIR_H

#include "util/buf.h"

/* Appends "<datadir>/<sub>" (sub may be NULL: the folder itself) to out. */
void datadir_path(struct buf *out, const char *sub);

#endif
