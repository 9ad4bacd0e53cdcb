/*
 * context/files: which files of the index the view leaves out, and why.
 * The rules are named in the view, so a reader knows what it is not seeing.
 */
#ifndef AIRUNNER_CONTEXT_FILES_H
#define AIRUNNER_CONTEXT_FILES_H
#include <stdbool.h>
#include <stdint.h>

/* A file larger than this is "huge": listed as left out, never read. */
#define FILES_HUGE ((uint64_t)1 << 20)

/* Rule names, in the order the view lists them. */
#define FILES_RULE_BINARY "binary"
#define FILES_RULE_GENERATED "generated"
#define FILES_RULE_HUGE "huge"
#define FILES_RULE_SUBMODULE "submodule"
#define FILES_RULE_SYMLINK "symlink"
#define FILES_RULE_VENDORED "vendored"
#define FILES_RULE_DELETED "deleted"

/* The rule a path (and its size) alone leaves out, or NULL. Binary by
 * content (a NUL in the first 8 KiB) is found later, from the bytes. */
const char *files_rule_by_path(const char *path, uint64_t size);
/* package.json, tsconfig*.json, CMakeLists.txt, pyproject.toml, go.mod,
 * Cargo.toml and the like, at any depth. */
bool files_is_manifest(const char *path);
/* README* at the top. */
bool files_is_readme(const char *path);

#endif
