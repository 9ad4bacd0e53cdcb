/*
 * report: a verify/run result (protocol/, the JSON the agent answers and
 * verify_result_write_json writes) turned into the compact text a person
 * reads under `git commit`:
 *
 *   tsc failed (exit 2, 1.3 s)
 *   src/cart.ts:9:3: type_error: Type 'string' is not assignable to ...
 *       hint: ...
 *   airunner: 1 error, 0 warnings in 2 checks (tsc failed) - commit blocked
 *
 * Diagnostics are grouped per check; a failed check with no diagnostics shows
 * the tail of its output instead, so no failure is ever silent. Nothing at
 * all is written when no check applies.
 */
#ifndef AIRUNNER_REPORT_H
#define AIRUNNER_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/err.h"

enum {
	REPORT_COLOR = 1 << 0, /* ANSI colors (the caller checked for a tty) */
	/* Not under `git commit` (`airunner verify`): the summary ends with
	 * "failed" rather than "commit blocked". */
	REPORT_NO_COMMIT = 1 << 1,
};

/*
 * Renders the result json[0..len) into out. *blocked is set from the
 * result's `ok` (a blocking check failed). A result that is not a verify/run
 * result is an error (kind ERR_PARSE or ERR_INVALID_PARAMS) and out is left
 * as it was.
 */
int report_render(struct buf *out, const char *json, size_t len,
		  unsigned flags, bool *blocked, struct err *e);

/*
 * Renders an errors/classify result ({diagnostics, summary}) the same way:
 * each diagnostic as `file:line:col: category: message` with its hint, then
 * "airunner: N errors, M warnings". *errors is set from the summary. Errors
 * as report_render.
 */
int report_render_diagnostics(struct buf *out, const char *json, size_t len,
			      unsigned flags, int64_t *errors, struct err *e);

#endif
