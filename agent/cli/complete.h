/*
 * airunner __complete-methods: the method names the running agent
 * advertises (initialize's capabilities.methods), one a line, for the shell
 * completions of `airunner call`. Never starts an agent and never fails:
 * with none listening it prints nothing and exits 0, quickly.
 */
#ifndef AIRUNNER_CLI_COMPLETE_H
#define AIRUNNER_CLI_COMPLETE_H

int cmd_complete_methods(int argc, char **argv);

#endif
