/*
 * blobid: git's object id of a blob, the SHA-1 of "blob <length>\0" and the
 * bytes, in hex: the digest airunner names cached verdicts and tool state
 * by. The same id `git hash-object` prints, so the names stay what libgit2
 * made them before. Computed with nettle rather than libgit2, because
 * starting libgit2 (git_libgit2_init) in Debian's build parses every CA
 * certificate of the system: about 60% of a short `airunner classify`.
 */
#ifndef AIRUNNER_BLOBID_H
#define AIRUNNER_BLOBID_H

#include <stddef.h>

#define BLOB_ID_HEXSZ 40

/* out gets the 40 hex digits and a NUL. */
void blob_id_hex(const void *data, size_t len, char out[BLOB_ID_HEXSZ + 1]);

#endif
