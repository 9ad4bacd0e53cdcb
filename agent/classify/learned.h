/*
 * Categories by likeness: when the general layer's own words name no
 * category for a message, the words of labelled messages of other tools
 * (data/patterns/learned-words, made by tests/classify/learn-words.sh from
 * the classification fixtures) say which category the message is most like.
 * A naive Bayes reading of word and word-pair counts: a tool nobody wrote a
 * rule for still says "expected a number" or "symbol not previously
 * defined" in the words other tools use for the same kind of problem.
 * Private to classify/.
 */
#ifndef AIRUNNER_CLASSIFY_LEARNED_H
#define AIRUNNER_CLASSIFY_LEARNED_H

#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

struct cl_learned;

/* Reads the examples in text[0..n) ("category<TAB>word word ...", one a
 * line; '#' starts a comment line) into *out (the caller frees it with
 * cl_learned_free). An unknown category is an error naming its line. */
int cl_learned_parse(struct cl_learned **out, const char *text, size_t n,
		     struct err *e);
void cl_learned_free(struct cl_learned *m);

/* The category the message's first line is most like, or NULL when its
 * words were never seen or no category stands out of the others by enough
 * (m NULL: always NULL). The result is a static CAT_* string. */
const char *cl_learned_category(const struct cl_learned *m, const char *msg,
				size_t n);

/* Appends the words the model reads in the message's first line to out,
 * space-separated: lower-case runs of two letters or more, leaving out
 * what a message quotes (a name, a value: 'x', "y", `z`, ‘w’), any path
 * (a run with a slash) and the words every message has ("the", "error"),
 * which say nothing of the problem's kind. What learn-words.sh stores, and what a message is read as. */
void cl_learned_words(const char *msg, size_t n, struct buf *out);

#endif
