/*
 * airunner plan [--socket PATH | --stdio] [--feedback TEXT --plan ID]
 *               [--budget N] [--model M] [--json] ISSUE
 * airunner plan --plan ID [--revision N] [--json]
 *
 * An implementation plan for ISSUE against the work tree the current
 * directory is in, through the agent (plan/generate; started when none
 * listens): ISSUE is a Markdown file (its first heading the title) or an
 * issue key that issue/fetch resolves. --feedback TEXT with --plan ID makes
 * the next revision of that plan. Without ISSUE and feedback, plan/get
 * shows plan ID (its latest revision, or --revision N). Prints the plan for
 * a person (summary; subtasks numbered with their files, dependencies,
 * criteria and estimates; risks; open questions), or the method's result
 * with --json. While the model works, a progress line on stderr when it is
 * a terminal. argv[0] is "plan". Exit 0, 1 the agent refused (an invalid
 * plan: the errors follow the message), 2 usage error or no agent.
 */
#ifndef AIRUNNER_CLI_PLAN_CMD_H
#define AIRUNNER_CLI_PLAN_CMD_H

int cmd_plan(int argc, char **argv);

#endif
