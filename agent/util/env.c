#include "util/env.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

extern char **environ;

static const char *const git_repo_vars[] = {
	"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX",
	"GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY",
	"GIT_ALTERNATE_OBJECT_DIRECTORIES",
};

#define NVARS (sizeof(git_repo_vars) / sizeof(git_repo_vars[0]))

static int is_git_repo_var(const char *entry)
{
	size_t i, n;

	for (i = 0; i < NVARS; i++) {
		n = strlen(git_repo_vars[i]);
		if (strncmp(entry, git_repo_vars[i], n) == 0 && entry[n] == '=')
			return 1;
	}
	return 0;
}

void env_scrub_git(void)
{
	size_t i;

	for (i = 0; i < NVARS; i++)
		unsetenv(git_repo_vars[i]);
}

char **env_without_git(void)
{
	size_t n = 0, k = 0;
	char **out;

	while (environ[n])
		n++;
	out = xmalloc(sizeof(*out) * (n + 1));
	for (n = 0; environ[n]; n++)
		if (!is_git_repo_var(environ[n]))
			out[k++] = environ[n];
	out[k] = NULL;
	return out;
}
