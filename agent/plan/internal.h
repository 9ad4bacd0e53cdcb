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

#endif
