/*
 * Private to plan/: what plan.c, validate.c, store.c and generate.c share.
 */
#ifndef AIRUNNER_PLAN_INTERNAL_H
#define AIRUNNER_PLAN_INTERNAL_H

#include "plan/plan.h"
#include "util/buf.h"

/* Appends a message to errors, keeping at most PLAN_MAX_ERRORS (then one
 * "(more problems left out)"). */
void plan_add_error(struct strv *errors, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The model's part of a plan: {summary, subtasks, risks, openQuestions},
 * as the model is asked to answer (the current plan of a revision). */
void plan_write_answer_json(struct json_writer *w, const struct plan *p);

#endif
