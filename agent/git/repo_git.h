/*
 * git/repo_git: the libgit2 handle under a struct repo, for the other
 * modules of agent/git only (snapshot, commit). Nothing outside agent/git
 * includes this: the rest of the agent sees struct repo through git/repo.h.
 */
#ifndef AIRUNNER_GIT_REPO_GIT_H
#define AIRUNNER_GIT_REPO_GIT_H

#include <git2.h>

#include "git/repo.h"

/* Owned by r: valid until repo_free(r). */
git_repository *repo_git(struct repo *r);

#endif
