/*
 * airunner classify [--tool T] [--format report|json|sarif|gnu] [FILE | -]
 *
 * Any build or test log in (FILE, or standard input: `make 2>&1 | airunner
 * classify`), its diagnostics out: the report (`file:line:col: category:
 * message` and the hint, then a count), errors/classify's JSON (--json is
 * --format json), SARIF 2.1.0 for CI, or GNU's `file:line:col: severity:
 * [category] message` for vim's :cfile, Emacs and VS Code's $gcc matcher.
 * In-process, so it needs no agent and no repository; inside a work tree the
 * repo's own `classify.patterns` take part. argv[0] is "classify". Exit 0 no
 * errors, 1 errors found, 2 usage error or unreadable input.
 */
#ifndef AIRUNNER_CLI_CLASSIFY_CMD_H
#define AIRUNNER_CLI_CLASSIFY_CMD_H

int cmd_classify(int argc, char **argv);

#endif
