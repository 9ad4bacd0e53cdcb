/*
 * env: the variables git sets for its hooks that pin one repository
 * (GIT_DIR, GIT_INDEX_FILE, ...). An agent that serves every repo, and the
 * checks it runs for some other repo, must not inherit them.
 */
#ifndef AIRUNNER_ENV_H
#define AIRUNNER_ENV_H

/* Unsets them in this process. */
void env_scrub_git(void);
/* A NULL-terminated copy of environ without them: the array is malloc'd
 * (caller frees it), the strings are environ's own. */
char **env_without_git(void);

#endif
