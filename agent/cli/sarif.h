/*
 * sarif: diagnostics as a SARIF 2.1.0 log (OASIS Static Analysis Results
 * Interchange Format), the file CI systems and code-scanning services read
 * to annotate a pull request.
 *
 * One run whose driver is airunner; a rule per category that occurs (the
 * stable ids of classify.h, with a one-line description); a result per
 * diagnostic: ruleId the category, level error/warning/note, the message
 * with the hint under it, the file as a URI reference relative to
 * %SRCROOT% (the current folder, named in originalUriBaseIds) or a file://
 * URI when absolute, and the tool's name and code in properties.
 */
#ifndef AIRUNNER_CLI_SARIF_H
#define AIRUNNER_CLI_SARIF_H

#include "classify/classify.h"
#include "util/buf.h"

/* Appends the log for l to out. srcroot: the absolute folder relative paths
 * are relative to (the cwd). */
void sarif_write(struct buf *out, const struct diag_list *l,
		 const char *srcroot);

#endif
