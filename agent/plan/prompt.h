/*
 * The texts of plan generation (prompt.c): private to plan/, in a header of
 * their own so the unit tests can read them.
 */
#ifndef AIRUNNER_PLAN_PROMPT_H
#define AIRUNNER_PLAN_PROMPT_H

#include "plan/plan.h"
#include "util/buf.h"

/* The stable instructions: the first system block of every planning call,
 * before the repo context (whose block carries the cache breakpoint). */
extern const char plan_prompt_instructions[];

/* The user turn: the issue; when revising, the previous plan (may be NULL)
 * and the feedback on it; appended to out. */
void plan_prompt_user(struct buf *out, const struct plan_issue *issue,
		      const struct plan *previous, const char *feedback);
/* The repair turn: the validation errors and what to answer. */
void plan_prompt_repair(struct buf *out, const struct strv *errors);

#endif
