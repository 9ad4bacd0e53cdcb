/*
 * Running the pattern database over a text.
 *
 * The text is split into lines once. Each pattern names needles (literals its
 * lines must contain); one pass over each line finds the needles it holds,
 * so a line only meets the patterns it could match, and most lines of a big
 * log meet none. The first pattern that matches a line makes its diagnostic;
 * its `before` and `after` regexes fill what the line lacks from the lines
 * around it.
 */
#include "classify/db.h"

#include <limits.h>
#include <stdint.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "classify/dirs.h"
#include "classify/prefix.h"
#include "classify/general.h"

#include "util/buf.h"
#include "util/mem.h"

/* A whole-line JSON document from gcc -fdiagnostics-format=json is parsed
 * up to this size (it is one line however many diagnostics it holds). */
#define CL_JSON_MAX ((size_t)16 << 20)
/* Openings of a report amid other text that did not close, at most, and
 * how far one is looked for its close (a search the length of a big log
 * for every "<b>" line would cost more than reading the log). */
#define CL_EMBED_TRIES 4
#define CL_EMBED_MAX ((size_t)512 << 10)
#define CL_MAX_CAPTURES 32
/* The clock is read once per this many lines looked at. */
#define CL_CLOCK_EVERY 32
/* A located message's continuation: at most this many lines, and bytes. */
#define CL_CONT_LINES 24
#define CL_CONT_MAX 1024
/* Lines a headline looks ahead for its place, and back for a lone one. */
#define CL_AHEAD 16
#define CL_BACK 6
#define CL_TRACE 24 /* a placeless error's trace above it */
/* line_place's answers kept: a power of two, past CL_AHEAD + CL_BACK */
#define CL_PLACED 32
/* Lines above a frame whose words may say what failed there. */
#define CL_WORDS_ABOVE 8
/* how far up a list's rows reach for the heading naming their kind */
#define CL_LIST_ROWS 40
/* A failed run's fallback diagnostic: at most this much of its tail. */
#define CL_TAIL_LINES 12
/* Lines of a failed run's output whose words may name the fallback's category. */
#define CL_FALLBACK_WORDS 40
#define CL_TAIL_MAX 2048

struct capture {
	const char *name; /* borrowed from a regex's name table */
	size_t off, len;  /* in scan.vals */
	size_t col;       /* offset of the capture in its line */
};

/* The last backward search of one `before` regex: it started below line
 * `from` (0: none yet) and found `found` (or -1) within its span. */
struct memo {
	size_t from;
	long found;
};

/* Indices into out of the diagnostics of this text a test picked, in
 * order, among those before out->v[upto]: asked at every emit, a scan of
 * them all would make a text with many problems quadratic. */
struct diag_picks {
	size_t *v, n, alloc, upto;
};

struct scan {
	const struct classify_db *db;
	const char *text;
	size_t nlines;
	/* does the text hold pre-commit's "- hook id: "? 0 not asked yet,
	 * 1 no, 2 yes */
	unsigned char hooks;
	/* does the text hold a native stack's addressed frame ("at 0x",
	 * "by 0x")? 0 not asked yet, 1 no, 2 yes */
	unsigned char addressed;
	bool repo; /* file_exists asks a repository, not a name's shape */
	/* Where each line starts, and start[nlines]: line i ends one byte
	 * before start[i + 1] (its '\n'); line_len() drops a '\r' too. */
	size_t *start;
	unsigned char *used; /* L_* flags of each line */
	struct memo *memo;
	const struct cl_pattern **order; /* patterns in the order tried */
	/* Which patterns (bits in `order` positions, `words` words a row) each
	 * needle guards; the last row holds the unguarded ones. */
	uint64_t *guarded;
	uint64_t *cand; /* scratch row */
	size_t words;
	pcre2_match_data *md;
	/* The lines with colour codes (nesc of them, esc_bytes long in all),
	 * de-coloured once into plain; plain_at finds a line's copy (its
	 * length, then its bytes) by the line's number: open addressing,
	 * plain_mask + 1 slots. Sized by the few lines that have colour, not
	 * by the text: fresh pages cost a fault each. */
	size_t nesc, esc_bytes;
	struct buf plain;
	struct plain_slot {
		size_t line, off;
	} *plain_at;
	size_t plain_mask;
	struct buf vals;      /* capture values of the diagnostic in making */
	struct capture cap[CL_MAX_CAPTURES];
	size_t ncap;
	const struct capture *field[CL_F_COUNT]; /* by meaning, or NULL */
	/* 64-bit hashes of the diagnostics made (open addressing): a repeat
	 * is dropped */
	uint64_t *seen;
	uint64_t sighted; /* the words of the last finding first_sighting passed */
	size_t nseen, seen_alloc;
	struct diag_list *out;
	size_t first; /* out->n when this text started */
	struct cl_dirs *dirs; /* the folders a build said it was in, or NULL */
	const struct classify_opts *opts;
	struct classify_outcome *outcome;
	double deadline; /* CLOCK_MONOTONIC seconds; 0: none */
	unsigned tick;
	bool stopped; /* the budget ran out */
	/* the finding in making is a running program's report (a native
	 * stack under it): checkers' words lend it no kind */
	bool runtime_report;
	/* The line each diagnostic of this text came from, to put the
	 * general layer's among the patterns' in input order at the end. */
	size_t cur;
	/* the last numbered failure general_numbered read at a place on
	 * its own line ("1) test: x line: 15 a.cpp"): its number and line,
	 * 0 when none */
	unsigned numbered;
	size_t numbered_at;
	/* the first frames of stacks general_pass met (lines), for
	 * orphan_test_frames; the first sixteen */
	size_t orphan[16], norphan;
	size_t *at, nat, at_alloc;
	/* The candidates of test_failure_at, placeless_cause and
	 * verdict_named_in */
	struct diag_picks tf, placeless, unplaced;
	/* The line of each of the patterns' diagnostics (the first nspec of
	 * this text), kept in step with them while the general layer runs:
	 * place_reported reads them for every headline, and a walk over the
	 * diagnostics themselves reads a cache line each. */
	int *spec_line;
	size_t nspec;
	/* line_place's last answers, by line (slot j % CL_PLACED) */
	struct placed {
		size_t line;  /* 1 + the line; 0: empty */
		const char *at; /* the view read: a tag taken off moves it */
		bool read;    /* cl_may_place let cl_loc_read read it */
		enum cl_loc_kind kind;
		struct cl_loc loc;
	} placed[CL_PLACED];
};

/* ---- lines ---- */

/* A line's flags (scan.used). */
#define L_FOLDED 1  /* folded into an earlier diagnostic */
#define L_TAKEN 2   /* a pattern's own line: the general layer leaves it */
#define L_USED (L_FOLDED | L_TAKEN)
#define L_ESC 4     /* holds a colour code (ESC), a CI's tag before it
		     * (ci_tag_len) or a '\r' that rewrote it: read from
		     * scan.plain */
/* The line lacks the words of a CL_T_* group (general.h): its reader can
 * skip it. Set by the needle scan; a line it never saw has none. */
#define L_NO(groups) ((unsigned char)((groups) << 3))

/* "##[error]", "##[warning]", "##[group]" before a line (GitHub Actions' and
 * Azure Pipelines' logs): its length, or 0. What follows is the tool's
 * line, read without it as a colour code is (the workflow commands a tool
 * prints itself, "::error file=..::", are general_workflow_command's). */
static size_t ci_tag_len(const char *p, size_t n)
{
	size_t k;

	if (n < 5 || p[0] != '#' || p[1] != '#' || p[2] != '[')
		return 0;
	for (k = 3; k < n && k < 16 && p[k] >= 'a' && p[k] <= 'z'; k++)
		;
	return k > 3 && k < n && p[k] == ']' ? k + 1 : 0;
}

/* A Lisp debugger's prompt before a line ("[1] CL-USER(1): ", ABCL's at
 * its first level, or CLISP's "Break 1 [2]> "): the REPL read the end of
 * its input, so the prompt and the next run's first line share a line.
 * Its length, or 0. */
static size_t repl_prompt_len(const char *p, size_t n)
{
	size_t k;

	if (n > 8 && p[0] == '[') {
		for (k = 1; k < n && k < 4 && p[k] >= '0' && p[k] <= '9'; k++)
			;
		if (k == 1 || k + 2 >= n || p[k] != ']' || p[k + 1] != ' ')
			return 0;
		k += 2;
		if (k >= n || p[k] < 'A' || p[k] > 'Z')
			return 0;
		while (k < n && ((p[k] >= 'A' && p[k] <= 'Z') || p[k] == '-' ||
				 (p[k] >= '0' && p[k] <= '9')))
			k++;
		if (k + 1 >= n || p[k] != '(' || p[k + 1] < '0' || p[k + 1] > '9')
			return 0;
		for (k++; k < n && p[k] >= '0' && p[k] <= '9'; k++)
			;
		return k + 2 < n && p[k] == ')' && p[k + 1] == ':' &&
		       p[k + 2] == ' ' ? k + 3 : 0;
	}
	if (n > 12 && !memcmp(p, "Break ", 6) && p[6] >= '0' && p[6] <= '9') {
		const char *gt = memchr(p + 6, '>', n - 6 < 16 ? n - 6 : 16);

		return gt && (size_t)(gt - p) + 1 < n && gt[1] == ' ' &&
		       gt[-1] == ']' ? (size_t)(gt - p) + 2 : 0;
	}
	return 0;
}

/* Is the next byte c of the text (ending at end) before le, the end of a
 * line? *at is that byte, or where the search for it stopped (*found
 * false), looked up a window at a time. */
static bool byte_before(const char **at, bool *found, const char *le,
			const char *end, int c)
{
	while (!*found && *at < le) {
		size_t w = (size_t)(end - *at) < 16384 ? (size_t)(end - *at) : 16384;
		const char *q = memchr(*at, c, w);

		*found = q != NULL;
		*at = q ? q : *at + w;
	}
	return *found && *at < le;
}

/* Splits the text into lines, and flags those with a colour code (ESC)
 * or a '\r' inside. The array is sized for lines of 32 bytes on average
 * (build logs run longer), so it seldom grows, and pages it does not
 * reach are never touched. The next ESC (and '\r') is looked up a window
 * at a time, the window the line search reads next: one look per window
 * when there is none (most logs), and no second pass over a text too big
 * for the cache. */
static void split_lines(struct scan *s, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	const char *esc = text; /* the next ESC, or where the search stopped */
	const char *cr = text;  /* the next '\r', likewise */
	bool esc_found = false, cr_found = false;
	size_t alloc = len / 32 + 64;

	s->start = xmalloc(alloc * sizeof(*s->start));
	s->used = xcalloc(alloc, 1);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		bool plain = false;

		if (s->nlines + 1 == alloc) { /* one left for start[nlines] */
			s->start = xrealloc(s->start, 2 * alloc * sizeof(*s->start));
			s->used = xrealloc(s->used, 2 * alloc);
			memset(s->used + alloc, 0, alloc);
			alloc *= 2;
		}
		if (byte_before(&esc, &esc_found, le, end, '\x1b')) {
			plain = true;
			esc_found = false;
			esc = le;
		}
		/* (a bell opening the line: librep's "\a*** Unbound variable:
		 * x", read without it; so is a Lisp debugger's prompt) */
		plain |= (*p == '#' && ci_tag_len(p, (size_t)(le - p))) || *p == '\a' ||
			 ((*p == '[' || *p == 'B') && repl_prompt_len(p, (size_t)(le - p)));
		/* a '\r' inside the line: a progress counter overwritten in
		 * place (one ending the line is a CRLF log's) */
		if (byte_before(&cr, &cr_found, le, end, '\r')) {
			plain |= cr + 1 < le;
			cr_found = false;
			cr = le;
		}
		if (plain) {
			size_t n = (size_t)(le - p);

			s->used[s->nlines] = L_ESC;
			s->nesc++;
			s->esc_bytes += n < CLASSIFY_LINE_MAX ? n : CLASSIFY_LINE_MAX;
		}
		s->start[s->nlines++] = (size_t)(p - text);
		p = nl ? nl + 1 : end;
	}
	/* as if the last line ended in a '\n' */
	s->start[s->nlines] = len && text[len - 1] != '\n' ? len + 1 : len;
}

/* The length of line i, without its '\n' and a '\r' before it. */
static size_t line_len(const struct scan *s, size_t i)
{
	size_t b = s->start[i], e = s->start[i + 1] - 1;

	/* no branch: whether a line is empty or not comes at random. An
	 * empty line's e is its '\n' (a last line with none is not empty). */
	e -= (e > b) & (s->text[e - 1 + (e == b)] == '\r');
	return e - b;
}

/* The text's length, less a last '\n'. */
static size_t text_len(const struct scan *s)
{
	return s->start[s->nlines] ? s->start[s->nlines] - 1 : 0;
}

/* Copies line i's first CLASSIFY_LINE_MAX bytes into s->plain without
 * ANSI colour sequences, after their length; plain has the room. */
static void plain_add(struct scan *s, size_t i)
{
	const char *p = s->text + s->start[i], *cr;
	size_t len = line_len(s, i), at = s->plain.len, out, j, h;

	if (len > CLASSIFY_LINE_MAX)
		len = CLASSIFY_LINE_MAX;
	for (h = i & s->plain_mask; s->plain_at[h].line != SIZE_MAX;
	     h = (h + 1) & s->plain_mask)
		;
	s->plain_at[h].line = i;
	s->plain_at[h].off = at;
	buf_add(&s->plain, &len, sizeof(len)); /* set below */
	/* what a terminal shows of a line a '\r' rewrote: its last part
	 * (a counter's "\rF: 2\rF: 3" reads "F: 3") */
	for (j = len; j > 0 && p[j - 1] == '\r'; j--)
		;
	if ((cr = memrchr(p, '\r', j))) {
		len = j;
		j = (size_t)(cr + 1 - p);
	} else {
		j = 0;
	}
	j += ci_tag_len(p + j, len - j);
	for (j += repl_prompt_len(p + j, len - j); j < len && p[j] == '\a'; j++)
		;
	while (j < len) {
		const char *esc = memchr(p + j, '\x1b', len - j);
		size_t run = esc ? (size_t)(esc - (p + j)) : len - j;

		buf_add(&s->plain, p + j, run);
		j += run + 1;
		if (!esc || j >= len)
			continue;
		/* CSI: ESC [ parameters, then a final byte 0x40..0x7e */
		if (p[j] == '[') {
			for (j++; j < len && !((unsigned char)p[j] >= 0x40 &&
					      (unsigned char)p[j] <= 0x7e);
			     j++)
				;
			j++;
		} else if (p[j] == ']') {
			/* OSC, a terminal's hyperlink ("ESC ]8;;file://x ESC
			 * \"): up to BEL or ESC \ */
			for (j++; j < len && p[j] != '\a' &&
				  !(p[j] == '\x1b' && j + 1 < len && p[j + 1] == '\\');
			     j++)
				;
			j += j < len && p[j] == '\x1b' ? 2 : 1;
		} else if (p[j] == '(' || p[j] == ')') {
			j += 2; /* a character set ("ESC ( B": tput sgr0's reset) */
		} else {
			j++; /* a two-byte escape ("ESC =", "ESC >") */
		}
	}
	out = s->plain.len - at - sizeof(len);
	memcpy(s->plain.ptr + at, &out, sizeof(out));
}

/* De-colours the lines split_lines flagged, once: a line is read many
 * times (the lines around every error are), copied once. The copies
 * never move after this, so views of them stay valid. */
static void plain_lines(struct scan *s)
{
	size_t i, slots = 2;

	if (!s->nesc)
		return;
	while (slots < 2 * s->nesc)
		slots *= 2;
	s->plain_mask = slots - 1;
	s->plain_at = xmalloc(slots * sizeof(*s->plain_at));
	for (i = 0; i < slots; i++)
		s->plain_at[i].line = SIZE_MAX;
	buf_grow(&s->plain, s->esc_bytes + s->nesc * sizeof(size_t));
	for (i = 0; i < s->nlines; i++)
		if (s->used[i] & L_ESC)
			plain_add(s, i);
}

/* Line i as matched: capped, and without ANSI colour sequences. Valid
 * until the scan ends. */
static const char *line_view(const struct scan *s, size_t i, size_t *n)
{
	size_t len, h;

	if (!(s->used[i] & L_ESC)) {
		len = line_len(s, i);
		*n = len > CLASSIFY_LINE_MAX ? CLASSIFY_LINE_MAX : len;
		return s->text + s->start[i];
	}
	for (h = i & s->plain_mask; s->plain_at[h].line != i; h = (h + 1) & s->plain_mask)
		;
	memcpy(n, s->plain.ptr + s->plain_at[h].off, sizeof(*n));
	return s->plain.ptr + s->plain_at[h].off + sizeof(*n);
}

/* Did the needle scan find none of group's words (CL_T_*) in line i? Then
 * the group's reader finds nothing there. */
static bool lacks(const struct scan *s, size_t i, unsigned group)
{
	return (s->used[i] & L_NO(group)) != 0;
}

static bool is_alnum_byte(char c);
static bool carets_under(struct scan *s, size_t j);

/* An error at a Rust source (file[0..n)) with no code and no words that
 * name its kind: in rustc's short format ("src/main.rs:3:5: error:
 * unneeded `return` statement") rustc's own errors carry a code
 * ("error[E0308]: "), a lint denied to error level (clippy's, under -D
 * warnings) none. */
static bool uncoded_rust_error(const char *file, size_t n)
{
	return n > 3 && !memcmp(file + n - 3, ".rs", 3);
}

/* How much of l[0..n) comes before an object's inspection ("#<T:0x"): its
 * words, not the values the object holds (another failure's message). */
static size_t before_object_dump(const char *l, size_t n)
{
	const char *o = l, *end = l + n, *c;

	while ((o = memmem(o, (size_t)(end - o), "#<", 2))) {
		for (c = o + 2; c < end && (is_alnum_byte(*c) || *c == ':' ||
					    *c == '_'); c++)
			if (c + 2 < end && c[0] == ':' && c[1] == '0' && c[2] == 'x')
				return (size_t)(o - l);
		o += 2;
	}
	return n;
}

/* Is l[0..n) the line of code a test runner quotes as what failed
 * ("Failure/Error: expect(Calc.new.add(1)).to eq(2)", RSpec's)? A call
 * in it is no place ("Calc.new.add(1)"); the frame under it is. */
static bool quoted_code(const char *l, size_t n)
{
	size_t k = 0;

	while (k < n && l[k] == ' ')
		k++;
	return n - k > 15 && l[k] == 'F' && !memcmp(l + k, "Failure/Error: ", 15);
}

/* A row quoting a line of a file after its number and a bar, indented
 * or marked ("        3 | We recieve orders daily.", a code frame's
 * "    > 6 |   expect.assertions(2);"): its line in *line and where the
 * quote starts (0: not such a row). A code frame's row holds no place,
 * whatever its code looks like. */
static size_t quoted_line_row(const char *l, size_t n, int *line)
{
	size_t k = 0;

	while (k < n && l[k] == ' ')
		k++;
	if (k + 1 < n && l[k] == '>' && l[k + 1] == ' ')
		k += 2;
	if (!k || k >= n || !isdigit((unsigned char)l[k]) ||
	    !cl_read_int(l, n, &k, line) || *line <= 0 || k + 3 > n ||
	    memcmp(l + k, " | ", 3))
		return 0;
	return k + 3;
}

/* Is l[at] inside an object's inspection ("for #<TestCalc:0x00007fc4
 * @failures=[#<Test::Unit::Failure:0x... @location=["a.rb:9:in `t'"]",
 * what Ruby before 3.3 prints of a NoMethodError's receiver)? A place
 * there is a value the object holds, not where anything went wrong. */
static bool in_object_dump(const char *l, size_t at)
{
	return at > 8 && before_object_dump(l, at) < at;
}

static bool file_known(const struct scan *s, const char *l, size_t off,
		       size_t n);

/* How long the name of a file with neither a folder nor an extension is
 * at l[0..n) ("mbsyncrc", "00-shop"): letters, digits, '_', '-', '.'. */
static size_t bare_name_len(const char *l, size_t n)
{
	size_t e;

	for (e = 0; e < n && (isalnum((unsigned char)l[e]) || l[e] == '_' ||
			      l[e] == '-' || l[e] == '.'); e++)
		;
	return e;
}

/* "mbsyncrc:4: Invalid SSL type" (mbsync's), "ifquery: interfaces:5: msg"
 * after the program's name: a file with neither a folder nor an
 * extension, which no shape says is one, with its line after it, opening
 * line j (l[0..n)) or after one word: a place when the repository has
 * that file. */
static bool bare_file_place(struct scan *s, size_t j, const char *l,
			    size_t n, struct cl_loc *loc)
{
	size_t f = 0, e, k, a, an;
	const char *al;
	int line, col = 0;

	e = bare_name_len(l, n);
	/* one word before it: the program's name */
	if (e + 2 < n && l[e] == ':' && l[e + 1] == ' ' &&
	    isalnum((unsigned char)l[e + 2])) {
		f = e + 2;
		e = f + bare_name_len(l + f, n - f);
	}
	if (e < f + 2 || e + 3 >= n || l[e] != ':' ||
	    !isdigit((unsigned char)l[e + 1]))
		return false;
	k = e + 1;
	if (!cl_read_int(l, n, &k, &line) || line <= 0 || k + 1 >= n)
		return false;
	if (l[k] == ':' && isdigit((unsigned char)l[k + 1]) &&
	    (++k, !cl_read_int(l, n, &k, &col) || k + 1 >= n))
		return false;
	if (l[k] != ':' || l[k + 1] != ' ' || !file_known(s, l, f, e - f))
		return false;
	/* a program's name before its lines, a number after it in one
	 * ("pan:1: assertion violated" over "pan: wrote a.pml.trail", Spin's
	 * verifier, built in the repository): no file's place */
	for (a = j > 8 ? j - 8 : 0; !f && a < s->nlines && a <= j + 8; a++) {
		al = line_view(s, a, &an);
		if (a != j && an > e + 2 && !memcmp(al, l, e) && al[e] == ':' &&
		    al[e + 1] == ' ')
			return false;
	}
	for (k += 2; k < n && l[k] == ' '; k++)
		;
	while (n > k && (l[n - 1] == ' ' || l[n - 1] == '\r'))
		n--;
	if (k == n)
		return false;
	memset(loc, 0, sizeof(*loc));
	loc->kind = CL_LOC_INLINE;
	loc->file = f;
	loc->file_len = e - f;
	loc->line = line;
	loc->col = col;
	loc->msg = k;
	loc->msg_len = n - k;
	loc->pre_len = f ? f - 2 : 0;
	return true;
}

/* The place line j holds (l[0..n), its line_view), as cl_loc_read reads
 * it; CL_LOC_NONE, loc cleared, when cl_may_place says it has none. The
 * lines around a report are asked by every reader of a report near them,
 * and by general_pass in its turn: the last answers are kept, by line. */
static enum cl_loc_kind line_place(struct scan *s, size_t j, const char *l,
				   size_t n, struct cl_loc *loc)
{
	struct placed *p = &s->placed[j % CL_PLACED];

	/* (the view, not only the line: offsets are into what was read) */
	if (p->line != j + 1 || p->at != l) {
		p->line = j + 1;
		p->at = l;
		p->read = cl_may_place(l, n);
		p->kind = p->read ? cl_loc_read(l, n, &p->loc) : CL_LOC_NONE;
		if (p->read && p->kind == CL_LOC_NONE && s->repo &&
		    bare_file_place(s, j, l, n, &p->loc))
			p->kind = CL_LOC_INLINE;
		/* a line with carets under it is quoted source, whatever
		 * in it looks like a place ("wallet.deposit(2)" over
		 * "^^^^^^^^", Ruby's error_highlight) */
		if (p->kind != CL_LOC_NONE &&
		    (in_object_dump(l, p->loc.file) || quoted_code(l, n) ||
		     carets_under(s, j)))
			p->kind = CL_LOC_NONE;
	}
	if (p->read)
		*loc = p->loc;
	else /* (read by no caller then) */
		memset(loc, 0, sizeof(*loc));
	return p->kind;
}

/* The needles in p[0..n), into m (CL_NEEDLE_WORDS words). Two passes: the
 * first notes where a byte pair and the byte after it can start a needle
 * (db->third) with no branch at all (a test that passes at random, a few
 * times a line, is a misprediction each time it goes the other way than
 * the last), the second tries those places' needles. A line longer than
 * CLASSIFY_LINE_MAX is not given. */
_Static_assert(CLASSIFY_LINE_MAX <= 65536, "needles_in notes places in 16 bits");

static void needles_in(const struct classify_db *db, const unsigned char *p,
		       size_t n, uint64_t *m)
{
	uint16_t at[CLASSIFY_LINE_MAX];
	size_t j, k, c, nat = 0;

	memset(m, 0, CL_NEEDLE_WORDS * sizeof(*m));
	for (j = 0; j + 2 < n; j++) {
		at[nat] = (uint16_t)j;
		nat += (db->third[cl_pair(p + j)] >> (p[j + 2] & 7)) & 1;
	}
	if (n >= 2) { /* the last pair has no third byte */
		at[nat] = (uint16_t)(n - 2);
		nat += db->heads[cl_pair(p + n - 2)] != 0;
	}
	for (c = 0; c < nat; c++) {
		uint64_t w8 = 0;

		j = at[c];
		/* "er" is common, "erro" is not: eight bytes at once first
		 * (a constant size: the copy is one load) */
		if (n - j >= 8)
			memcpy(&w8, p + j, 8);
		else /* the line's last bytes */
			for (k = 0; k < n - j; k++)
				((unsigned char *)&w8)[k] = p[j + k];
		for (k = db->heads[cl_pair(p + j)]; k--; k = db->next_same_pair[k]) {
			size_t len = db->needle_len[k];

			if ((w8 & db->needle_premask[k]) == db->needle_pre[k] &&
			    len <= n - j &&
			    (len <= 8 || !memcmp(p + j + 8, db->needle[k] + 8, len - 8)))
				m[k / 64] |= (uint64_t)1 << (k % 64);
		}
	}
}

/* The needles line i holds (into m), in what its regexes will see: the
 * first CLASSIFY_LINE_MAX bytes, without colour codes; true if any
 * pattern's. The general layer's trigger groups it lacks go in its flags. */
static bool line_needles(struct scan *s, size_t i, uint64_t *m)
{
	const struct classify_db *db = s->db;
	size_t n, w;
	const char *p = line_view(s, i, &n);
	uint64_t any = 0, b;
	unsigned groups = db->groups_always;

	needles_in(db, (const unsigned char *)p, n, m);
	for (w = 0; w < CL_NEEDLE_WORDS; w++) {
		for (b = m[w]; b; b &= b - 1)
			groups |= db->needle_groups[w * 64 + (size_t)__builtin_ctzll(b)];
		any |= m[w] & db->pattern_needles[w];
	}
	s->used[i] |= L_NO(CL_T_ALL & ~groups);
	return any != 0;
}

/* ---- captures ---- */

/* The capture called name[0..n), or NULL. */
static const struct capture *cap_getn(const struct scan *s, const char *name,
				      size_t n)
{
	size_t i;

	for (i = 0; i < s->ncap; i++)
		if (!strncmp(s->cap[i].name, name, n) && !s->cap[i].name[n])
			return &s->cap[i];
	return NULL;
}

static const struct capture *cap_get(const struct scan *s, const char *name)
{
	return cap_getn(s, name, strlen(name));
}

/* Records the named groups a match set, unless an earlier match (the line
 * itself comes first) already gave that name. */
static void cap_add(struct scan *s, const struct cl_regex *re,
		    const char *subject)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
	uint32_t nov = pcre2_get_ovector_count(s->md);
	const struct capture *had = s->field[CL_F_FILE];
	bool elsewhere = false; /* this line places another file */
	size_t i;

	for (i = 0; had && i < re->ngroups; i++) {
		const struct cl_group *g = &re->groups[i];

		if (g->field == CL_F_FILE && g->number < nov &&
		    ov[2 * g->number] != PCRE2_UNSET)
			elsewhere = ov[2 * g->number + 1] - ov[2 * g->number] != had->len ||
				    memcmp(subject + ov[2 * g->number],
					   s->vals.ptr + had->off, had->len);
	}
	for (i = 0; i < re->ngroups && s->ncap < CL_MAX_CAPTURES; i++) {
		const struct cl_group *g = &re->groups[i];
		struct capture *c;

		if (g->number >= nov || ov[2 * g->number] == PCRE2_UNSET ||
		    (g->field != CL_F_OTHER ? s->field[g->field] != NULL :
		     cap_get(s, g->name) != NULL))
			continue;
		/* a line and column belong to the file on their line: a frame
		 * in another file ("at f (node_modules/tsx/dist/x.cjs:23:1010)"
		 * under "- /w/main.ts") does not place the file taken before */
		if (elsewhere && (g->field == CL_F_LINE || g->field == CL_F_COL))
			continue;
		c = &s->cap[s->ncap++];
		if (g->field != CL_F_OTHER)
			s->field[g->field] = c;
		c->name = g->name;
		c->off = s->vals.len;
		c->len = ov[2 * g->number + 1] - ov[2 * g->number];
		c->col = ov[2 * g->number];
		buf_add(&s->vals, subject + c->col, c->len);
	}
}

static void cap_reset(struct scan *s)
{
	buf_reset(&s->vals);
	s->ncap = 0;
	memset(s->field, 0, sizeof(s->field));
}

static char *cap_dup(const struct scan *s, const struct capture *c)
{
	return c && c->len ? xstrndup(s->vals.ptr + c->off, c->len) : NULL;
}

static int cap_int(const struct scan *s, const struct capture *c)
{
	long v = 0;
	size_t i;

	/* (six digits or more, zero-padded, are a byte's offset as a
	 * dump prints it, no line: WABT's "add.wasm:0000028: error: ...") */
	if (!c || (c->len >= 6 && s->vals.ptr[c->off] == '0'))
		return 0;
	for (i = 0; i < c->len; i++) {
		char ch = s->vals.ptr[c->off + i];

		if (ch < '0' || ch > '9')
			return 0;
		v = v * 10 + (ch - '0');
		if (v > INT_MAX)
			return 0;
	}
	return (int)v;
}

/* The '}' closing the '{' at p (nesting counted), or NULL. */
static const char *closing_brace(const char *p, const char *end)
{
	int depth = 0;

	for (; p < end; p++) {
		if (*p == '{')
			depth++;
		else if (*p == '}' && --depth == 0)
			return p;
	}
	return NULL;
}

/* Template language of hint, message and code:
 *   {name}          the capture, or nothing
 *   {name|text}     the capture, or text
 *   {?name:text}    text (itself a template) only if the capture is set
 * Anything else is literal. */
static void expand_into(const struct scan *s, const char *p, const char *end,
			struct buf *out)
{
	while (p < end) {
		const char *close = *p == '{' ? closing_brace(p, end) : NULL;
		const char *name = p + 1, *sep;
		const struct capture *c;

		if (!close) {
			const char *brace = memchr(p + 1, '{', (size_t)(end - p - 1));
			const char *stop = brace ? brace : end;

			buf_add(out, p, (size_t)(stop - p));
			p = stop;
			continue;
		}
		if (*name == '?') {
			name++;
			sep = memchr(name, ':', (size_t)(close - name));
			if (!sep) {
				buf_addch(out, *p++);
				continue;
			}
			c = cap_getn(s, name, (size_t)(sep - name));
			if (c && c->len)
				expand_into(s, sep + 1, close, out);
		} else {
			sep = memchr(name, '|', (size_t)(close - name));
			c = cap_getn(s, name, (size_t)((sep ? sep : close) - name));
			if (c && c->len)
				buf_add(out, s->vals.ptr + c->off, c->len);
			else if (sep)
				buf_add(out, sep + 1, (size_t)(close - sep - 1));
		}
		p = close + 1;
	}
}

static char *expand(const struct scan *s, const char *tpl)
{
	struct buf out = BUF_INIT;

	if (!tpl)
		return NULL;
	expand_into(s, tpl, tpl + strlen(tpl), &out);
	return buf_detach(&out, NULL);
}

/* ---- context lines ---- */

/* Nearest line in [i - span, i) that re matches; -1 if none. Searches
 * remember how far they got, so a run of diagnostics under one header
 * (eslint's stylish file line) costs one scan, not one per diagnostic. */
static long search_before(struct scan *s, const struct cl_regex *re,
			  size_t i, int span)
{
	struct memo *m = &s->memo[re->memo];
	size_t lo = i > (size_t)span ? i - (size_t)span : 0;
	size_t j, stop = lo, n;
	long found = -1;

	if (m->from && m->from <= i && m->from > lo)
		stop = m->from;
	for (j = i; j > stop;) {
		const char *l = line_view(s, --j, &n);

		if (cl_match(s->db, re, l, n, s->md) > 0) {
			found = (long)j;
			break;
		}
	}
	if (found < 0 && stop > lo && m->found >= (long)lo)
		found = m->found;
	m->from = i;
	m->found = found;
	return found;
}

/* Does the file re's last match on l (in md) captured name the runtime's
 * or a dependency's file (cl_foreign_path)? */
static bool foreign_file(const struct cl_regex *re, const char *l,
			 pcre2_match_data *md)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	uint32_t nov = pcre2_get_ovector_count(md);
	size_t k;

	for (k = 0; k < re->ngroups; k++) {
		uint32_t g = re->groups[k].number;

		if (re->groups[k].field == CL_F_FILE && g < nov &&
		    ov[2 * g] != PCRE2_UNSET)
			return cl_foreign_path(l + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
	}
	return false;
}

/* The nearest line above line at, down to line lo, that re matches with a
 * file of the project's, matched into md (its view in *n); else l (line
 * at's view), matched again. A trace's frames are indented: a line that is
 * not ("Traceback (most recent call last):", another tool's output) ends
 * the search. */
static const char *project_frame_above(struct scan *s, const struct cl_regex *re,
				       size_t at, size_t lo, const char *l,
				       size_t *n)
{
	size_t j, jn;

	for (j = at; j > lo;) {
		const char *up = line_view(s, --j, &jn);

		if (!jn || (up[0] != ' ' && up[0] != '\t'))
			break;
		if (cl_match(s->db, re, up, jn, s->md) > 0 &&
		    !foreign_file(re, up, s->md)) {
			*n = jn;
			return up;
		}
	}
	cl_match(s->db, re, l, *n, s->md);
	return l;
}

/* Fills what the line lacks from the lines around it: `after` lines first
 * (rustc's `-->`, a stack frame: the most precise), then `before` lines (a
 * traceback's `File`, eslint's file header). The after-lines used are listed
 * in fold[] so the caller can retire them once the diagnostic is kept. */
static size_t add_context(struct scan *s, const struct cl_pattern *p,
			  size_t i, size_t *fold)
{
	size_t k, j, n, nfold = 0;

	for (k = 0; k < p->nafter; k++) {
		const struct cl_regex *re = &p->after[k];

		for (j = i + 1; j < s->nlines && j <= i + (size_t)p->span; j++) {
			const char *l = line_view(s, j, &n);

			if (p->until.code &&
			    cl_match(s->db, &p->until, l, n, s->md) > 0)
				break;
			if (cl_match(s->db, re, l, n, s->md) > 0) {
				cap_add(s, re, l);
				fold[nfold++] = j;
				break;
			}
		}
	}
	for (k = 0; k < p->nbefore; k++) {
		const struct cl_regex *re = &p->before[k];
		long at = search_before(s, re, i, p->span);
		const char *l;

		if (at < 0)
			continue;
		/* Match again to load this line's groups into md. */
		l = line_view(s, (size_t)at, &n);
		if (cl_match(s->db, re, l, n, s->md) <= 0)
			continue;
		/* A frame in the runtime's or a dependency's file (the
		 * assertion helper of a test library that raised, a library
		 * call the project's code misused): the project's frame above
		 * it in the span is where its code failed. */
		if (foreign_file(re, l, s->md))
			l = project_frame_above(s, re, (size_t)at,
						i > (size_t)p->span ? i - (size_t)p->span : 0,
						l, &n);
		cap_add(s, re, l);
	}
	return nfold;
}

/* ---- diagnostics ---- */

static uint64_t hash_str(uint64_t h, const char *str)
{
	const unsigned char *p = (const unsigned char *)(str ? str : "");

	for (; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	return (h ^ 0xff) * 1099511628211u;
}

/* Adds d's hash to the seen-set; false if it was already there. */
static bool seen_insert(struct scan *s, uint64_t h);

/* Is h in the seen-set? */
static bool seen_has(const struct scan *s, uint64_t h)
{
	size_t i, mask = s->seen_alloc - 1;

	if (!s->seen_alloc)
		return false;
	h |= 1;
	for (i = h & mask; s->seen[i]; i = (i + 1) & mask)
		if (s->seen[i] == h)
			return true;
	return false;
}

/* d, told at a file's line, is kept: its words are seen (first_sighting
 * hashed them). */
static void placed_words_told(struct scan *s, const struct diag *d)
{
	if (d->file && d->line > 0 && d->message)
		seen_insert(s, s->sighted);
}

/* Does a finding still in the list tell message at a file's line? (One
 * kept may have been folded into another since; one at a file alone may
 * be dropped for a finding at its line later.) */
static bool told_at_a_place(const struct scan *s, const char *message)
{
	size_t k;

	for (k = s->out->n; k-- > s->first;)
		if (s->out->v[k].file && s->out->v[k].line > 0 &&
		    s->out->v[k].message &&
		    !strcmp(s->out->v[k].message, message))
			return true;
	return false;
}

/* Is d new: not told before at its place, nor, placeless, in the words
 * of a finding kept at a place (a wrapper's recap of the errors it ran
 * into: latexmk's "Collected error summary" quoting "! LaTeX Error: File
 * `x.sty' not found.", placed above by TeX's own lines)? */
static bool first_sighting(struct scan *s, const struct diag *d)
{
	uint64_t h = 14695981039346656037u;

	/* the words alone: a key of their own, and part of d's */
	s->sighted = hash_str(0x6c62272e07bb0142u, d->message);
	if (!d->file && d->message && seen_has(s, s->sighted) &&
	    told_at_a_place(s, d->message))
		return false;
	h = hash_str(h, d->file);
	h = hash_str(h, d->code);
	h = (h ^ s->sighted) * 1099511628211u;
	h = (h ^ (uint64_t)(unsigned)d->line) * 1099511628211u;
	h = (h ^ (uint64_t)(unsigned)d->column) * 1099511628211u;
	return seen_insert(s, h);
}

/* Has the general layer read this exact line before? (Its diagnostic
 * would be a repeat: skip the work.) Hashed apart from diagnostics. */
static bool line_seen(struct scan *s, const char *l, size_t n)
{
	uint64_t h = 0x84222325cbf29ce4u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)l[i]) * 1099511628211u;
	return !seen_insert(s, (h ^ 0x5a) * 1099511628211u);
}

/* Adds h to the seen-set; false if it was already there. */
static bool seen_insert(struct scan *s, uint64_t h)
{
	size_t i, mask;

	h |= 1; /* 0 marks an empty slot */
	if (2 * (s->nseen + 1) > s->seen_alloc) {
		uint64_t *old = s->seen;
		size_t oldn = s->seen_alloc;

		s->seen_alloc = oldn ? oldn * 2 : 256;
		s->seen = xcalloc(s->seen_alloc, sizeof(*s->seen));
		for (i = 0; i < oldn; i++) {
			size_t k;

			if (!old[i])
				continue;
			for (k = old[i] & (s->seen_alloc - 1); s->seen[k];
			     k = (k + 1) & (s->seen_alloc - 1))
				;
			s->seen[k] = old[i];
		}
		free(old);
	}
	mask = s->seen_alloc - 1;
	for (i = h & mask; s->seen[i]; i = (i + 1) & mask)
		if (s->seen[i] == h)
			return false;
	s->seen[i] = h;
	s->nseen++;
	return true;
}

/* A new diagnostic of this text, from line s->cur. */
static struct diag *push(struct scan *s)
{
	if (s->nat == s->at_alloc) {
		s->at_alloc = s->at_alloc ? s->at_alloc * 2 : 16;
		s->at = xrealloc(s->at, s->at_alloc * sizeof(*s->at));
	}
	s->at[s->nat++] = s->cur;
	return diag_list_push(s->out);
}

/* The folders the text's builders say they work in (the lines the needle
 * scan found their words in), over those of the tasks a task runner ran
 * (where each task's lines start in the text), or NULL. */
static struct cl_dirs *dirs_of(struct scan *s, const struct cl_task_dirs *tasks)
{
	struct cl_dirs *d;
	struct cl_dir_mark *base;
	size_t *lines = NULL, n = 0, alloc = 0, i, k;

	for (i = 0; i < s->nlines; i++) {
		if (lacks(s, i, CL_T_DIR))
			continue;
		if (n == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			lines = xrealloc(lines, alloc * sizeof(*lines));
		}
		lines[n++] = i;
	}
	d = n ? cl_dirs_read(s->text, s->start, lines, n) : NULL;
	free(lines);
	if (!tasks->n)
		return d;
	base = xmalloc(tasks->n * sizeof(*base));
	for (k = i = 0; k < tasks->n; k++) {
		while (i < s->nlines && s->start[i] < tasks->v[k].at)
			i++;
		base[k].from = i;
		base[k].dir = tasks->v[k].dir;
	}
	d = cl_dirs_over(d, base, tasks->n);
	free(base);
	return d;
}

/*
 * A build that says which folder it works in names its files from there
 * ("make[1]: Entering directory '/p/lib'" over "a.c:3:5: error: ..."): each
 * diagnostic's file as the folder makes it, unless the repository has the
 * file as printed and not in the folder.
 */
static void files_in_their_dirs(struct scan *s)
{
	struct buf in = BUF_INIT;
	size_t k, n = s->out->n - s->first;

	for (k = 0; s->dirs && k < n && k < s->nat; k++) {
		struct diag *d = &s->out->v[s->first + k];
		const char *dir = cl_dirs_at(s->dirs, s->at[k]);

		buf_reset(&in);
		if (!d->file || !dir || !cl_dirs_join(&in, dir, d->file))
			continue;
		if (s->repo && !s->opts->file_exists(s->opts->ctx, in.ptr) &&
		    s->opts->file_exists(s->opts->ctx, d->file))
			continue;
		free(d->file);
		d->file = buf_detach(&in, NULL);
	}
	buf_release(&in);
}

struct ranked {
	size_t at, k; /* line, then order made */
	struct diag d;
};

static int ranked_cmp(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->k < y->k ? -1 : x->k > y->k;
}

/* The patterns' diagnostics came first, the general layer's after: one
 * order, the input's (a tie keeps the order they were made in). */
static void input_order(struct scan *s)
{
	struct ranked *r;
	size_t k, n = s->out->n - s->first;

	if (n < 2 || n != s->nat)
		return;
	r = xmalloc(n * sizeof(*r));
	for (k = 0; k < n; k++) {
		r[k].at = s->at[k];
		r[k].k = k;
		r[k].d = s->out->v[s->first + k];
	}
	qsort(r, n, sizeof(*r), ranked_cmp);
	for (k = 0; k < n; k++)
		s->out->v[s->first + k] = r[k].d;
	free(r);
}

static enum diag_severity severity_of(const struct scan *s,
				      enum diag_severity dflt)
{
	const struct capture *c = s->field[CL_F_SEV];
	char ch;

	if (!c || !c->len)
		return dflt;
	ch = s->vals.ptr[c->off];
	if (ch == 'w' || ch == 'W')
		return DIAG_WARNING;
	if (ch == 'n' || ch == 'N' || ch == 'i' || ch == 'I')
		return DIAG_NOTE;
	return DIAG_ERROR;
}

static char *trimmed(const char *l, size_t n)
{
	while (n && (*l == ' ' || *l == '\t')) {
		l++;
		n--;
	}
	while (n && (l[n - 1] == ' ' || l[n - 1] == '\t'))
		n--;
	return xstrndup(l, n);
}

/* "Undefined symbol: 'y'" at a line of a source is a compiler's or an
 * assembler's (cc65, ca65, yasm, Sun C): a linker names no line for it.
 * The category the words gave (cat), or undefined_symbol for it. */
static const char *symbol_at_line(const char *cat, int line, const char *m,
				  size_t n)
{
	if (cat && line > 0 && cl_cat_is(cat, CAT_LINK_ERROR) &&
	    cl_find(m, n, "ndefined symbol", 15))
		return CAT_UNDEFINED_SYMBOL;
	return cat;
}

/* The hint of a category read by likeness to other tools' messages
 * (learned.h) */
#define LIKENED_HINT "read from words other tools use for this kind of " \
		     "problem: see the message at this position"

/* "got }" at the place of the finding just made, "Expected ; at end of
 * statement": what a parser found instead of what it wanted, told as a
 * finding of its own (sparse; "expected X" / "got Y" pairs of hand-written
 * parsers, varnish's VCC): one problem, the line added to the one above. */
static bool got_of_last(struct scan *s, const struct diag *d)
{
	struct diag *t;
	struct buf m = BUF_INIT;

	if (s->out->n <= s->first || !d->file || d->line <= 0 ||
	    strncmp(d->message, "got ", 4))
		return false;
	t = &s->out->v[s->out->n - 1];
	if (!t->file || strcmp(t->file, d->file) || t->line != d->line ||
	    (!strstr(t->message, "xpected") && !strstr(t->message, "xpecting")))
		return false;
	buf_adds(&m, t->message);
	buf_adds(&m, ", ");
	buf_adds(&m, d->message);
	free(t->message);
	t->message = buf_detach(&m, NULL);
	return true;
}

/* The make family's "all] Error 1" of "kmk: *** [a.kmk:2: all] Error 1": the
 * recipe at that line failed. */
static bool recipe_failed(const char *m, size_t n)
{
	size_t e = n;

	while (e && m[e - 1] >= '0' && m[e - 1] <= '9')
		e--;
	return e < n && e > 8 && !memcmp(m + e - 8, "] Error ", 8);
}

/* "Error parsing Tupfile line 2" (tup's, under what went wrong there): the
 * parser gave up at the place the message names. */
static bool parse_failed_at(const char *m, size_t n)
{
	return (n > 14 && !memcmp(m, "Error parsing ", 14)) ||
	       (n > 20 && !memcmp(m, "Error while parsing ", 20));
}

/* Does message m only say the run gave up there, or that an error was
 * there ("-- aborting creation process", "compilation aborted", "giving
 * up", Singular's "error occurred in or before a.sing line 3: `code`",
 * the make family's recipe_failed, parse_failed_at)? */
static bool gave_up(const char *m, size_t n)
{
	return recipe_failed(m, n) || parse_failed_at(m, n) ||
	       cl_find(m, n, "abort", 5) || cl_find(m, n, "Abort", 5) ||
	       cl_find(m, n, "giving up", 9) || cl_find(m, n, "gave up", 7) ||
	       cl_find(m, n, "occurred in", 11);
}

/* The make family's "*** [Makefile:9: main.o] Error 1" after the findings
 * of this run, placing none of them: the recipe whose errors were told
 * above failed, nothing new. */
static bool recipe_failed_again(const struct scan *s, const struct diag *d,
				size_t msg_len)
{
	return s->out->n > 0 && cl_cat_is(d->category, CAT_UNKNOWN) &&
	       recipe_failed(d->message, msg_len);
}

/* 'Error in script "a.nsi" on line 4 -- aborting creation process' under
 * the placeless finding just made from the line right above ('Invalid
 * command: "Fil"', makensis's): the place of that finding, told by a line
 * that says nothing else but that the run gave up there. */
static bool places_last(struct scan *s, struct diag *d)
{
	struct diag *t;

	if (!d->file || d->line <= 0 || !cl_cat_is(d->category, CAT_UNKNOWN) ||
	    !gave_up(d->message, strlen(d->message)) || s->out->n <= s->first ||
	    s->out->n - s->first != s->nat)
		return false;
	t = &s->out->v[s->out->n - 1];
	if (t->file || s->at[s->nat - 1] + 1 != s->cur ||
	    t->severity != d->severity ||
	    (cl_cat_is(t->category, CAT_UNKNOWN) &&
	     !parse_failed_at(d->message, strlen(d->message))))
		return false;
	/* words of no kind over where the parser gave up: its grammar's */
	if (cl_cat_is(t->category, CAT_UNKNOWN))
		t->category = CAT_SYNTAX_ERROR;
	t->file = d->file;
	d->file = NULL;
	t->line = d->line;
	t->column = d->column;
	return true;
}

/* The words of the line right over the current one, when the current one
 * only says the run gave up at its place and those words name a kind of
 * problem and no place, and nothing took them ('!include: could not find:
 * "shop.nsh"' over makensis's 'Error in script "inc.nsi" on line 2 --
 * aborting creation process'): that line folded, its message's length in
 * *len and its kind in *category; NULL if not. */
static const char *words_over_giving_up(struct scan *s, const char *m,
					size_t n, size_t *len,
					const char **category)
{
	struct cl_words w;
	struct cl_loc loc;
	const char *a;
	size_t an;

	if (!gave_up(m, n) || !s->cur || (s->used[s->cur - 1] & L_USED) ||
	    (s->nat && s->at[s->nat - 1] + 1 == s->cur))
		return NULL;
	a = line_view(s, s->cur - 1, &an);
	if (!an || line_place(s, s->cur - 1, a, an, &loc) != CL_LOC_NONE)
		return NULL;
	cl_words_read(a, an, &w);
	if (!w.category || w.text >= an)
		return NULL;
	s->used[s->cur - 1] |= L_FOLDED;
	*len = an - w.text;
	*category = w.category;
	return a + w.text;
}

/* Is message m only a parser's "syntax error" or "parse error", no word
 * of what it met? */
static bool bare_syntax_error(const char *m)
{
	size_t n = strlen(m);

	while (n && (m[n - 1] == '.' || m[n - 1] == ' '))
		n--;
	return (n == 12 && (!memcmp(m, "syntax error", 12) ||
			    !memcmp(m, "Syntax error", 12))) ||
	       (n == 11 && (!memcmp(m, "parse error", 11) ||
			    !memcmp(m, "Parse error", 11)));
}

/* A parser's bare "syntax error" and the message that says what it was
 * at the same place, one after the other in either order (NSD's
 * "a.zone:6: syntax error" then "a.zone:6: unrecognized RR type 'FROB'",
 * "EOF inside quoted string" then "syntax error"): one problem, told in
 * the words that say more, a syntax error when they name no kind. */
static bool syntax_error_told_twice(struct scan *s, struct diag *d)
{
	struct diag *t;

	if (s->out->n <= s->first || !d->file || d->line <= 0)
		return false;
	t = &s->out->v[s->out->n - 1];
	if (!t->file || strcmp(t->file, d->file) || t->line != d->line)
		return false;
	if (bare_syntax_error(d->message)) {
		if (cl_cat_is(t->category, CAT_UNKNOWN))
			t->category = CAT_SYNTAX_ERROR;
		return true;
	}
	if (!bare_syntax_error(t->message))
		return false;
	free(t->message);
	t->message = d->message;
	d->message = NULL;
	if (!cl_cat_is(d->category, CAT_UNKNOWN))
		t->category = d->category;
	if (!t->column)
		t->column = d->column;
	return true;
}

/* Bytes a message's end must share with another's to be the same words */
enum { TOLD_AGAIN_MIN = 24 };

/* The tail of m worth comparing: past its first ": " (a label, a logger's
 * name) when TOLD_AGAIN_MIN bytes are left; else m. */
static const char *message_tail(const char *m)
{
	const char *c = strstr(m, ": ");

	return c && strlen(c + 2) >= TOLD_AGAIN_MIN ? c + 2 : m;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);

	return k >= TOLD_AGAIN_MIN && n >= k && !strcmp(s + n - k, tail);
}

/* Is d the last diagnostic told again at the same place, one message the
 * other's end ("[kea-dhcp4.dhcp4/1] DHCP4_PARSER_FAIL ...: subnet
 * configuration failed: x (a.json:6:7)" in a server's log, then "Error
 * encountered: subnet configuration failed: x (a.json:6:7)")? */
static bool told_again(const struct scan *s, const struct diag *d)
{
	const struct diag *t;

	if (s->out->n <= s->first || !d->file || d->line <= 0 || !d->message)
		return false;
	t = &s->out->v[s->out->n - 1];
	if (!t->file || strcmp(t->file, d->file) || t->line != d->line ||
	    t->column != d->column || !t->message)
		return false;
	return ends_with(t->message, message_tail(d->message)) ||
	       ends_with(d->message, message_tail(t->message));
}

/* Is d a schema validator's word that the element holding the last
 * finding, in the same file, failed because of it (libxml2's Relax-NG:
 * "Element page failed to validate content", "Element resources has
 * extra content: primitive", "Invalid sequence in interleave" under
 * "Expecting element op, got opp"; xmllint, yelp-check, crm_verify)? */
static bool consequence_of_last(const struct scan *s, const struct diag *d)
{
	const struct diag *t;

	if (s->out->n <= s->first || !d->file || !d->message)
		return false;
	t = &s->out->v[s->out->n - 1];
	if (!t->file || strcmp(t->file, d->file))
		return false;
	/* (libxml2 names its validator: one look rules out the rest) */
	return strstr(d->message, "Relax-NG") &&
	       (strstr(d->message, "failed to validate content") ||
		strstr(d->message, " has extra content: ") ||
		strstr(d->message, "Invalid sequence in interleave"));
}

/* Is msg[0..n), placeless and of no kind, the run's word that the
 * warnings told above were errors (odoc's "ERROR: Warnings have been
 * generated.", "all warnings being treated as errors"): nothing of its
 * own. */
static bool warnings_were_errors(const struct scan *s, const char *msg,
				 size_t n, const char *category)
{
	const char *w;

	if (n > 64 || s->out->n <= s->first || !cl_cat_is(category, CAT_UNKNOWN) ||
	    !(w = cl_find(msg, n, "arnings ", 8)))
		return false;
	w += 8;
	n -= (size_t)(w - msg);
	return (n >= 19 && !memcmp(w, "have been generated", 19)) ||
	       (n >= 23 && !memcmp(w, "being treated as errors", 23)) ||
	       (n >= 17 && !memcmp(w, "treated as errors", 17));
}

/* Is d, an error with no line, the verdict on the warning of the same
 * kind told on the line right above, also with no line, in the same file
 * or none (dpkg's "warning: can't parse dependency dpkg-dev (>= 1.0"
 * then "error: cannot parse Build-Depends field")? One problem: the
 * error, the warning's words after it. */
static bool verdict_on_warning(struct scan *s, struct diag *d)
{
	struct diag *t;
	struct buf m = BUF_INIT;

	if (s->out->n <= s->first || s->out->n - s->first != s->nat ||
	    d->line > 0 || d->severity != DIAG_ERROR || !d->message)
		return false;
	t = &s->out->v[s->out->n - 1];
	if (t->severity != DIAG_WARNING || t->line > 0 ||
	    s->at[s->nat - 1] + 1 != s->cur || strcmp(t->category, d->category) ||
	    !!t->file != !!d->file || (t->file && strcmp(t->file, d->file)))
		return false;
	buf_adds(&m, d->message);
	buf_adds(&m, ": ");
	buf_adds(&m, t->message ? t->message : "");
	free(t->message);
	t->message = buf_detach(&m, NULL);
	t->severity = DIAG_ERROR;
	return true;
}

static bool cause_category(const char *category);
static const char *kind_under(struct scan *s, size_t i, const char *m,
			      size_t mn, struct buf *more);
static bool known_file(const void *ctx, const char *p, size_t n);
static bool blank_line(struct scan *s, size_t j);

/* An exception that tells its message on the lines under it, none after
 * its name (Cheetah's "Cheetah.Parser.ParseError: " over a blank line,
 * "Some #directives are missing their corresponding #end ___ tag: if"
 * and "Line 3, column 4 in file a.tmpl"): the first paragraph under line
 * i, a few lines, gives d its message (its first line) and its place (a
 * line naming a file of the project and its line). Those lines are
 * folded into d. False if there is none. */
static bool message_below(struct scan *s, size_t i, struct diag *d)
{
	struct cl_loc loc;
	const char *l;
	size_t j, n, end;

	for (j = i + 1; j <= i + 2 && blank_line(s, j); j++)
		;
	if (j >= s->nlines || j > i + 2)
		return false;
	for (end = j; end < j + 4 && !blank_line(s, end) && end < s->nlines &&
		      !(s->used[end] & L_USED); end++) {
		l = line_view(s, end, &n);
		if (!d->file && s->opts->file_exists &&
		    cl_loose_place(l, n, known_file, s, &loc) != CL_LOC_NONE &&
		    loc.line > 0) {
			d->file = xstrndup(l + loc.file, loc.file_len);
			d->line = loc.line;
			d->column = loc.col;
		}
	}
	if (end == j)
		return false;
	l = line_view(s, j, &n);
	free(d->message);
	d->message = trimmed(l, n);
	while (end-- > j)
		s->used[end] |= L_FOLDED;
	return true;
}

/* Makes the diagnostic of pattern p from the captures gathered so far. */
static void emit(struct scan *s, const struct cl_pattern *p, const char *l,
		 size_t n)
{
	const char *liken = NULL;
	struct diag d;
	const struct capture *c;
	struct cl_loc loc;
	size_t ln;
	bool tool_trace = false; /* no frame of the project's */
	bool below = false; /* its message told under it */

	memset(&d, 0, sizeof(d));
	d.file = cap_dup(s, s->field[CL_F_FILE]);
	if (d.file && !strncmp(d.file, "file://", 7))
		memmove(d.file, d.file + 7, strlen(d.file + 7) + 1);
	d.line = cap_int(s, s->field[CL_F_LINE]);
	d.column = cap_int(s, s->field[CL_F_COL]);
	if (!d.column && (c = s->field[CL_F_CARET]) &&
	    c->col >= (size_t)p->caret_shift)
		d.column = (int)(c->col - (size_t)p->caret_shift) + 1;
	d.severity = severity_of(s, p->severity);
	d.code = p->code ? expand(s, p->code) : cap_dup(s, s->field[CL_F_CODE]);
	if (p->message)
		d.message = expand(s, p->message);
	else if (!(d.message = cap_dup(s, s->field[CL_F_MSG])))
		d.message = trimmed(l, n);
	d.category = p->category;
	/* a trace with no frame of the project's (a tool written in Python
	 * raising on its input: "ExpatError: mismatched tag: line 6, column
	 * 4" under frames in /usr/share/glib-2.0): no place in the runtime's
	 * code, only the line the message tells (of the text it read) */
	if (d.file && d.file[0] == '/' && cl_foreign_path(d.file, strlen(d.file))) {
		tool_trace = true;
		free(d.file);
		d.file = NULL;
		d.line = cl_line_in_words(d.message, strlen(d.message));
		d.column = d.line > 0 ? cl_col_in_words(d.message, strlen(d.message)) : 0;
		if (d.column < 0)
			d.column = 0;
		/* ... or the place in it of a file of the project (Mako's
		 * "SyntaxException: msg in file 'a.mako' at line: 2 char:
		 * 1": the template it read) */
		if (d.line > 0 && s->opts->file_exists &&
		    cl_loose_place(d.message, strlen(d.message), known_file, s,
				   &loc) != CL_LOC_NONE && loc.line == d.line) {
			d.file = xstrndup(d.message + loc.file, loc.file_len);
			d.column = loc.col;
		}
		if (!p->message && (!s->field[CL_F_MSG] || !s->field[CL_F_MSG]->len) &&
		    s->cur < s->nlines &&
		    line_view(s, s->cur, &ln) == l)
			below = message_below(s, s->cur, &d);
	}
	if (!first_sighting(s, &d) || got_of_last(s, &d)) {
		diag_release(&d);
		return;
	}
	/* What the pattern leaves, the message's own words fill: a generic
	 * "error" pattern's category, a rule code in brackets. */
	if (!d.code || cl_cat_is(d.category, CAT_UNKNOWN)) {
		struct cl_words w;

		cl_words_read(d.message, strlen(d.message), &w);
		if (!d.code && w.code_len)
			d.code = xstrndup(d.message + w.code, w.code_len);
		/* a message told under the exception (message_below): its
		 * name may be all that names the kind ("ParseError") */
		if (!w.category && below && d.code) {
			struct cl_words cw;

			cl_words_read(d.code, strlen(d.code), &cw);
			w.category = cw.category;
		}
		w.category = symbol_at_line(w.category, d.line, d.message,
					    strlen(d.message));
		if (cl_cat_is(d.category, CAT_UNKNOWN))
			d.category = w.category ? w.category :
				     w.code_len || (d.code && !strncmp(d.code, "-W", 2)) ||
				     /* a warning no words name: a checker's
				      * finding, as the general layer reads one */
				     d.severity == DIAG_WARNING ?
				     CAT_LINT_VIOLATION : CAT_UNKNOWN;
		if (cl_cat_is(d.category, CAT_UNKNOWN) && !d.code &&
		    d.severity == DIAG_ERROR && d.file &&
		    uncoded_rust_error(d.file, strlen(d.file)))
			d.category = CAT_LINT_VIOLATION;
		/* no word names a kind: for the catch-all pattern, the kind
		 * other tools' messages in the same words were, as
		 * general_emit reads one (a tool's own pattern that says
		 * unknown means it) */
		if (cl_cat_is(d.category, CAT_UNKNOWN) &&
		    !strcmp(p->tool, "generic") &&
		    (liken = cl_learned_category(s->db->learned, d.message,
						  strlen(d.message))))
			d.category = liken;
		/* a compiler pattern's "undefined symbol 'x'" at a line of a
		 * source (re2c, cc65): a name, as the general layer reads it */
		if (d.line > 0 && cl_cat_is(d.category, CAT_LINK_ERROR) &&
		    cl_cat_is(p->category, CAT_UNKNOWN) &&
		    strstr(d.message, "ndefined symbol"))
			d.category = CAT_UNDEFINED_SYMBOL;
		/* that tool could not open its input ("FileNotFoundError:
		 * [Errno 2] No such file or directory: 'a.g'" under yapps2's
		 * frames): a file the run named that does not resolve, as
		 * errno_file_of_dependency reads node's */
		if (tool_trace && cl_cat_is(d.category, CAT_UNKNOWN) &&
		    cl_errno_report(d.message, strlen(d.message)) &&
		    cl_find(d.message, strlen(d.message), "o such file", 11))
			d.category = CAT_IMPORT_RESOLUTION;
	}
	/* a failed test whose message names a problem with a kind of its
	 * own ("adds: ReferenceError: greet is not defined"): that kind, as
	 * test_run_pass keeps it; a value of the wrong type at run time
	 * stays the test's failure */
	if (cl_cat_is(d.category, CAT_TEST_FAILURE)) {
		struct cl_words w;

		cl_words_read(d.message, strlen(d.message), &w);
		if (w.category && cause_category(w.category) &&
		    !cl_cat_is(w.category, CAT_TYPE_ERROR)) {
			d.category = w.category;
			d.hint = xstrdup("the test failed on this: read from the "
					 "message's words, fix what it names");
		}
	}
	if (!d.hint)
		d.hint = liken && d.category == liken ? xstrdup(LIKENED_HINT) :
							expand(s, p->hint);
	d.tool = xstrdup(p->tool);
	placed_words_told(s, &d);
	*push(s) = d;
}

/* Pattern p on line i (l[0..n)): true if it matched and took the line. */
static bool try_pattern(struct scan *s, const struct cl_pattern *p, size_t i,
			const char *l, size_t n)
{
	size_t nfold, fold[CL_MAX_CONTEXT], k;

	for (k = 0; k < p->nloose &&
		    !cl_find(l, n, p->loose[k], strlen(p->loose[k])); k++)
		;
	if (p->nloose && k == p->nloose)
		return false; /* none of the needles the index had no room for */
	if (cl_match(s->db, &p->re, l, n, s->md) <= 0)
		return false;
	cap_reset(s);
	cap_add(s, &p->re, l);
	nfold = i < s->nlines ? add_context(s, p, i, fold) : 0;
	if (p->need && !cap_get(s, p->need))
		return false;
	while (nfold)
		s->used[fold[--nfold]] |= L_FOLDED;
	if (i < s->nlines)
		s->used[i] |= L_TAKEN; /* the general layer leaves it */
	if (!p->drop)
		emit(s, p, l, n);
	return true;
}

/* Tries the patterns that the needles in mask (CL_NEEDLE_WORDS words;
 * NULL: every needle) let through, in order, on line i (l[0..n)); true if
 * one matched. tool, when set, limits the patterns to that tool's. */
static bool classify_line(struct scan *s, size_t i, const char *l, size_t n,
			  const uint64_t *mask, const char *tool)
{
	size_t nn = s->db->nneedles, w, k, mw;
	uint64_t bits;

	memcpy(s->cand, s->guarded + nn * s->words, s->words * sizeof(*s->cand));
	for (mw = 0; mw < CL_NEEDLE_WORDS && mw * 64 < nn; mw++) {
		bits = mask ? mask[mw] : ~(uint64_t)0;
		if (nn - mw * 64 < 64)
			bits &= ((uint64_t)1 << (nn - mw * 64)) - 1;
		for (; bits; bits &= bits - 1) {
			const uint64_t *row = s->guarded +
				(mw * 64 + (size_t)__builtin_ctzll(bits)) * s->words;

			for (w = 0; w < s->words; w++)
				s->cand[w] |= row[w];
		}
	}
	for (w = 0; w < s->words; w++)
		for (bits = s->cand[w]; bits; bits &= bits - 1) {
			const struct cl_pattern *p;

			k = w * 64 + (size_t)__builtin_ctzll(bits);
			p = s->order[k];
			if (tool && strcmp(p->tool, tool))
				continue;
			if (try_pattern(s, p, i, l, n))
				return true;
		}
	return false;
}

/* gcc -fdiagnostics-format=json: one line holding an array of
 * {kind, message, option, locations: [{caret: {file, line, column}}]}.
 * Each becomes a `file:line:col: kind: message` line for the gcc patterns, so
 * the text and JSON forms are classified by the same knowledge. */
static bool classify_gcc_json(struct scan *s, size_t i)
{
	const char *src = s->text + s->start[i];
	struct json_doc doc = JSON_DOC_INIT;
	struct err e = ERR_INIT;
	struct buf line = BUF_INIT;
	bool any = false;
	int v;

	if (line_len(s, i) > CL_JSON_MAX ||
	    json_parse(&doc, src, line_len(s, i), 64, &e) < 0 ||
	    json_type(&doc, 0) != JSON_ARRAY)
		goto out;
	for (v = json_first(&doc, 0); v >= 0; v = json_next(&doc, v)) {
		int loc = json_get(&doc, json_first(&doc, json_get(&doc, v,
						    "locations")), "caret");
		int64_t ln = 0, col = 0;
		size_t before = s->out->n;

		if (json_type(&doc, json_get(&doc, v, "kind")) != JSON_STRING ||
		    json_type(&doc, json_get(&doc, v, "message")) != JSON_STRING)
			continue;
		buf_reset(&line);
		json_str(&doc, json_get(&doc, loc, "file"), &line);
		json_int64(&doc, json_get(&doc, loc, "line"), &ln);
		json_int64(&doc, json_get(&doc, loc, "column"), &col);
		buf_addf(&line, ":%lld:%lld: ", (long long)ln, (long long)col);
		json_str(&doc, json_get(&doc, v, "kind"), &line);
		buf_adds(&line, ": ");
		json_str(&doc, json_get(&doc, v, "message"), &line);
		if (line.len > CLASSIFY_LINE_MAX)
			buf_truncate(&line, CLASSIFY_LINE_MAX);
		if (!classify_line(s, s->nlines, line.ptr, line.len, NULL, "gcc"))
			continue;
		any = true;
		if (s->out->n > before && !s->out->v[before].code) {
			struct diag *d = &s->out->v[before];

			d->code = json_strdup(&doc, json_get(&doc, v, "option"));
		}
	}
out:
	json_doc_release(&doc);
	err_clear(&e);
	buf_release(&line);
	return any;
}

/* eslint -f json: one line holding [{filePath, messages: [{ruleId,
 * severity, message, line, column}]}]. Each message becomes a line of
 * eslint's unix format ("file:line:col: message [Error/rule]") for the
 * eslint patterns. */
static bool classify_eslint_json(struct scan *s, size_t i)
{
	const char *src = s->text + s->start[i];
	struct json_doc doc = JSON_DOC_INIT;
	struct err e = ERR_INIT;
	struct buf line = BUF_INIT, file = BUF_INIT;
	bool any = false;
	int f, m;

	if (line_len(s, i) > CL_JSON_MAX ||
	    json_parse(&doc, src, line_len(s, i), 64, &e) < 0 ||
	    json_type(&doc, 0) != JSON_ARRAY)
		goto out;
	for (f = json_first(&doc, 0); f >= 0; f = json_next(&doc, f)) {
		buf_reset(&file);
		if (json_str(&doc, json_get(&doc, f, "filePath"), &file) < 0)
			continue;
		for (m = json_first(&doc, json_get(&doc, f, "messages")); m >= 0;
		     m = json_next(&doc, m)) {
			int64_t ln = 0, col = 0, sev = 2;

			json_int64(&doc, json_get(&doc, m, "line"), &ln);
			json_int64(&doc, json_get(&doc, m, "column"), &col);
			json_int64(&doc, json_get(&doc, m, "severity"), &sev);
			buf_reset(&line);
			buf_addf(&line, "%s:%lld:%lld: ", file.ptr, (long long)ln,
				 (long long)col);
			json_str(&doc, json_get(&doc, m, "message"), &line);
			buf_adds(&line, sev == 1 ? " [Warning" : " [Error");
			if (json_type(&doc, json_get(&doc, m, "ruleId")) == JSON_STRING) {
				buf_addch(&line, '/');
				json_str(&doc, json_get(&doc, m, "ruleId"), &line);
			}
			buf_addch(&line, ']');
			if (line.len > CLASSIFY_LINE_MAX)
				buf_truncate(&line, CLASSIFY_LINE_MAX);
			if (classify_line(s, s->nlines, line.ptr, line.len,
					  NULL, "eslint"))
				any = true;
		}
	}
out:
	json_doc_release(&doc);
	err_clear(&e);
	buf_release(&line);
	buf_release(&file);
	return any;
}

static bool looks_like_eslint_json(const char *l, size_t n)
{
	return n > 14 && !memcmp(l, "[{\"filePath\":", 13);
}

static bool looks_like_gcc_json(const char *l, size_t n)
{
	return n > 12 && l[0] == '[' && cl_find(l, n < 64 ? n : 64, "\"kind\"", 6);
}

/* ---- the time budget ---- */

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* True once the budget is spent (the clock is read every CL_CLOCK_EVERY
 * calls); then records where classification stopped and says so. */
static bool out_of_time(struct scan *s, size_t i)
{
	struct diag *d;
	struct buf m = BUF_INIT;

	if (s->stopped)
		return true;
	if (!s->deadline || ++s->tick % CL_CLOCK_EVERY)
		return false;
	if (now_seconds() < s->deadline)
		return false;
	s->stopped = true;
	if (s->outcome) {
		s->outcome->out_of_time = true;
		s->outcome->stopped_at = i + 1;
	}
	buf_addf(&m, "classification ran out of its time budget (%g s) at line "
		 "%zu of %zu: the rest of the output was not classified",
		 s->opts->budget, i + 1, s->nlines);
	d = push(s);
	d->severity = DIAG_ERROR;
	d->category = CAT_UNKNOWN;
	d->message = buf_detach(&m, NULL);
	d->hint = xstrdup("read the rest of the output yourself, or give the "
			  "classification more time");
	d->tool = xstrdup("classify");
	return true;
}

/* ---- the general layer ---- */

static bool file_known(const struct scan *s, const char *l, size_t off,
		       size_t n)
{
	const char *dir;
	char *p;
	bool yes;

	if (!s->opts->file_exists || !n)
		return false;
	/* "//BUILD.gn", "//src/a.cc": GN's and Bazel's paths from the
	 * source root */
	if (n > 2 && l[off] == '/' && l[off + 1] == '/' && l[off + 2] != '/') {
		off += 2;
		n -= 2;
	}
	p = xstrndup(l + off, n);
	yes = s->opts->file_exists(s->opts->ctx, p);
	/* "a.c" under "make[1]: Entering directory '/p/lib'" */
	if (!yes && s->dirs && (dir = cl_dirs_at(s->dirs, s->cur))) {
		struct buf in = BUF_INIT;

		yes = cl_dirs_join(&in, dir, p) &&
		      s->opts->file_exists(s->opts->ctx, in.ptr);
		buf_release(&in);
	}
	free(p);
	return yes;
}

/* Bytes no file name of a project holds (file_plausible): a table, not
 * strchr, as each byte of each name asked about is. */
static const bool path_bad[256] = {
	['"'] = 1, ['\''] = 1, ['`'] = 1, ['<'] = 1, ['>'] = 1, ['|'] = 1,
	['*'] = 1, ['?'] = 1, ['{'] = 1, ['}'] = 1,
};

/*
 * With no repository to ask (`airunner classify LOG`, errors/classify), a
 * token stands for a file the project has when it is shaped like one: no
 * blanks or quotes, not a URL, an option or somebody else's file (the
 * runtime's, a dependency's: cl_foreign_path), and a last component with an
 * extension that has a letter in it ("a.c", "src/x.test.ts"; not "1.2.3"),
 * a manual page's section, or a build file's well-known name. A log's own
 * files are not there to confirm anything, and judging every place by its
 * shape alone would drop the loose and headed spellings.
 */
static bool file_plausible(void *ctx, const char *p)
{
	static const char *const named[] = {
		"Makefile", "makefile", "GNUmakefile", "Dockerfile",
		"Containerfile", "Rakefile", "Gemfile", "Jenkinsfile",
		"Vagrantfile", "Justfile", "justfile", "mkfile", "BUILD",
		"WORKSPACE",
	};
	static const char *const hosts[] = { "com", "org", "net", "io" };
	const char *base, *dot, *c;
	size_t k;
	bool letter = false;

	(void)ctx;
	if (!*p || *p == '-' || strstr(p, "://") || strlen(p) > 1024 ||
	    cl_foreign_path(p, strlen(p)))
		return false;
	for (c = p; *c; c++)
		if ((unsigned char)*c <= ' ' || path_bad[(unsigned char)*c])
			return false;
	base = strrchr(p, '/');
	base = base ? base + 1 : p;
	for (k = 0; k < sizeof(named) / sizeof(*named); k++)
		if (!strcmp(base, named[k]))
			return true;
	dot = strrchr(base, '.');
	if (!dot || dot == base || !dot[1] || strlen(dot + 1) > 12)
		return false;
	/* a manual page ("x.1", "ls.8"), not a version ("v1.2", "3.1") */
	if (dot[1] >= '1' && dot[1] <= '9' && !dot[2] &&
	    isalpha((unsigned char)dot[-1]))
		return true;
	for (c = dot + 1; *c; c++) {
		if (!isalnum((unsigned char)*c) && *c != '_' && *c != '+' &&
		    *c != '-')
			return false;
		/* in camel case: a member or a class ("AppTest.testAdd",
		 * "com.ex.AppTest"), as plausible_path says */
		if (c > dot + 1 && isupper((unsigned char)*c) &&
		    islower((unsigned char)c[-1]))
			return false;
		letter |= isalpha((unsigned char)*c) != 0;
	}
	for (k = 0; k < sizeof(hosts) / sizeof(*hosts); k++)
		if (!strcmp(dot + 1, hosts[k]) && !strchr(p, '/'))
			return false;
	return letter;
}

/* cl_known_fn over the scan's file_exists (ctx: the scan). */
static bool known_file(const void *ctx, const char *p, size_t n)
{
	return file_known(ctx, p, 0, n);
}

/* Is the file an errno said was not there ("ENOENT: no such file or
 * directory, open 'layout.pug'") one a dependency's code opened: the first
 * frame under line i past the runtime's own (node:fs) in a dependency
 * (pug-load extending a template, protobufjs loading an imported .proto),
 * the tool told to read it by the project, an import that does not
 * resolve? A file the project's own code opened (a gulp task reading
 * 'src/index.html') is its run's error, no import. Frames with a column
 * only: pug's "at ext.pug line 1" is the template asking, no code. */
static bool errno_file_of_dependency(struct scan *s, size_t i)
{
	struct cl_loc loc;
	const char *l;
	size_t j, n;

	for (j = i + 1; j < s->nlines && j <= i + 12; j++) {
		l = line_view(s, j, &n);
		if (cl_loc_read(l, n, &loc) != CL_LOC_FRAME || !loc.file_len ||
		    loc.col <= 0)
			continue;
		if (!strncmp(l + loc.file, "node:", 5) ||
		    !strncmp(l + loc.file, "internal/", 9))
			continue;
		return cl_foreign_path(l + loc.file, loc.file_len);
	}
	return false;
}

/* Is path a test's file by the names test runners look for: test_x.py,
 * x_test.go, x.test.ts, x.spec.js, XTest.java, FooTests.cs, or a file under
 * test/, tests/, spec/, __tests__/ or t/ (Perl's)? */
static bool test_file(const char *path)
{
	static const char *const dirs[] = { "test/", "tests/", "spec/",
					    "__tests__/", "t/" };
	static const char *const stems[] = { "_test", "_spec", ".test",
					     ".spec", "Test", "Tests", "Spec",
					     "_tests", ".tst", "_tst" };
	const char *base = strrchr(path, '/'), *dot;
	size_t k, stem;

	base = base ? base + 1 : path;
	for (k = 0; k < sizeof(dirs) / sizeof(*dirs); k++) {
		const char *at = strstr(path, dirs[k]);

		if (at && (at == path || at[-1] == '/'))
			return true;
	}
	if (!strncmp(base, "test_", 5) || !strncmp(base, "test-", 5))
		return true;
	dot = strrchr(base, '.');
	stem = dot ? (size_t)(dot - base) : strlen(base);
	for (k = 0; k < sizeof(stems) / sizeof(*stems); k++) {
		size_t n = strlen(stems[k]);

		if (stem > n && !memcmp(base + stem - n, stems[k], n))
			return true;
	}
	return false;
}

/* Do paths a and b name the same file (one the other's tail at a '/':
 * "a.bats" and "/w/bt/a.bats")? */
static bool same_file(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la < lb) {
		const char *t = a;

		a = b;
		b = t;
		la = lb;
		lb = strlen(b);
	}
	return !strcmp(a + la - lb, b) && (la == lb || a[la - lb - 1] == '/');
}

/* Is path a document of prose (Markdown, reStructuredText, AsciiDoc, Org,
 * plain text)? Nothing compiles one: what a tool finds at a line of it is
 * a prose or markup linter's finding (write-good, proselint, alex, vale,
 * textlint, markdownlint, doc8, codespell), whatever its words. */
static bool prose_file(const char *path)
{
	static const char *const exts[] = { "md", "markdown", "mdx", "rst",
					    "txt", "adoc", "asciidoc", "org",
					    "textile" };
	const char *dot = strrchr(path, '.');
	size_t k;

	if (!dot || strchr(dot, '/'))
		return false;
	for (k = 0; k < sizeof(exts) / sizeof(*exts); k++)
		if (!strcasecmp(dot + 1, exts[k]))
			return true;
	return false;
}

/* Is category one that says why something failed (an undefined name, a
 * type, an import, syntax), not only that it did? */
static bool cause_category(const char *category)
{
	/* by the first letter first: asked of every report read */
	switch (category[0]) {
	case 'u':
		return cl_cat_is(category, CAT_UNDEFINED_SYMBOL);
	case 't':
		return cl_cat_is(category, CAT_TYPE_ERROR);
	case 'i':
		return cl_cat_is(category, CAT_IMPORT_RESOLUTION);
	case 'm':
		return cl_cat_is(category, CAT_MISSING_DEPENDENCY) ||
		       cl_cat_is(category, CAT_MISSING_EXPORT);
	case 's':
		return cl_cat_is(category, CAT_SYNTAX_ERROR);
	default:
		return false;
	}
}

/* Lists the diagnostics added since the last call that pick() takes. A
 * pick holds what cannot change after the diagnostic is made; the caller
 * checks the rest. */
static void picks_update(struct scan *s, struct diag_picks *p,
			 bool (*pick)(const struct diag *))
{
	if (p->upto < s->first)
		p->upto = s->first;
	for (; p->upto < s->out->n; p->upto++) {
		if (!pick(&s->out->v[p->upto]))
			continue;
		if (p->n == p->alloc) {
			p->alloc = p->alloc ? 2 * p->alloc : 16;
			p->v = xrealloc(p->v, p->alloc * sizeof(*p->v));
		}
		p->v[p->n++] = p->upto;
	}
}

/* A failed test, or an unknown one the words under it may make one */
static bool maybe_test_failure(const struct diag *d)
{
	return d->file && (cl_cat_is(d->category, CAT_TEST_FAILURE) ||
			   cl_cat_is(d->category, CAT_UNKNOWN));
}

/* A failed test reported at file:line, or NULL. */
static struct diag *test_failure_at(struct scan *s, const char *file, int line)
{
	size_t k;

	picks_update(s, &s->tf, maybe_test_failure);
	for (k = 0; k < s->tf.n; k++) {
		struct diag *t = &s->out->v[s->tf.v[k]];

		if (t->line == line && cl_cat_is(t->category, CAT_TEST_FAILURE) &&
		    same_file(t->file, file))
			return t;
	}
	return NULL;
}

/* Gives t, a diagnostic of this text, its line (spec_line too). */
static void line_set(struct scan *s, struct diag *t, int line)
{
	size_t k = (size_t)(t - s->out->v) - s->first;

	t->line = line;
	if (k < s->nspec)
		s->spec_line[k] = line;
}

/* In a file, at no line (yet: a line is given later, never taken away) */
static bool placeless(const struct diag *d)
{
	return d->file && !d->line;
}

/* The last diagnostic the general layer gave in file with no line whose
 * category names a cause, or NULL. */
static struct diag *placeless_cause(struct scan *s, const char *file)
{
	size_t k;

	picks_update(s, &s->placeless, placeless);
	for (k = s->placeless.n; k--;) {
		struct diag *t = &s->out->v[s->placeless.v[k]];

		if (!t->line && cause_category(t->category) &&
		    same_file(t->file, file))
			return t;
	}
	return NULL;
}

/* Do the messages of t and d open with the same label ("config: failed
 * to parse line in a.cf (line 2)" and "config: invalid regexp for X",
 * SpamAssassin's): two reports of one kind, neither closing the other. */
static bool same_label(const struct diag *t, const struct diag *d)
{
	const char *c;
	size_t k;

	if (!t->message || !d->message || !(c = strstr(t->message, ": ")))
		return false;
	k = (size_t)(c - t->message);
	if (k < 2 || k > 24 || memchr(t->message, ' ', k))
		return false;
	return !strncmp(t->message, d->message, k + 2);
}

/* Is d, placeless, the closing line of the finding just above it, a
 * cause of the same kind at a place ("Error: b.dts:8.2-3 syntax error"
 * then "FATAL ERROR: Unable to parse input tree", a compiler's "aborting
 * due to the previous error" in words of its own)? */
static bool closes_last(const struct scan *s, const struct diag *d)
{
	const struct diag *t;
	size_t at;

	if (d->file || s->out->n <= s->first || s->out->n - s->first != s->nat ||
	    !cause_category(d->category))
		return false;
	t = &s->out->v[s->out->n - 1];
	at = s->at[s->out->n - 1 - s->first];
	return t->file && at < s->cur && s->cur - at <= 2 &&
	       !strcmp(t->category, d->category) && !same_label(t, d);
}

/* d, closing the finding just above it (closes_last), opening with the
 * line it is at ("Line 2: Unexpected token ;" under r.js' "Parse error
 * using esprima for file: js/a.js"): that finding's line, and what is
 * wrong there told after its words. */
static void line_to_last(struct scan *s, const struct diag *d)
{
	struct diag *t = &s->out->v[s->out->n - 1];
	const char *m = d->message;
	struct buf b = BUF_INIT;
	int line = 0;

	if (t->line || !m || (m[0] != 'L' && m[0] != 'l') || strncmp(m + 1, "ine ", 4))
		return;
	for (m += 5; *m >= '0' && *m <= '9' && line < 10000000; m++)
		line = line * 10 + (*m - '0');
	if (!line || m[0] != ':' || m[1] != ' ' || !m[2])
		return;
	line_set(s, t, line);
	buf_adds(&b, t->message);
	buf_adds(&b, ": ");
	buf_adds(&b, m + 2);
	free(t->message);
	t->message = buf_detach(&b, NULL);
}

/* Made with no file (it may be given one later) */
static bool unplaced(const struct diag *d)
{
	return !d->file;
}

/* A placeless failed test told on one of the few lines above the current
 * one whose name m quotes ('adds', "adds"), or TAP's verdict on a test
 * m names, its YAML block above; or NULL. */
static struct diag *verdict_named_in(struct scan *s, const char *m)
{
	size_t c, len;

	picks_update(s, &s->unplaced, unplaced);
	for (c = s->unplaced.n; c--;) {
		size_t k = s->unplaced.v[c];
		struct diag *t = &s->out->v[k];
		size_t at;
		const char *q;

		if (k - s->first >= s->nat)
			continue;
		at = s->at[k - s->first];
		if (t->file || at > s->cur || s->cur - at > 40 ||
		    !cl_cat_is(t->category, CAT_TEST_FAILURE) ||
		    !(len = strlen(t->message)))
			continue;
		/* TAP's "not ok 2 adds" over its YAML block, whose stack's
		 * error is told in the test's name ("Error: adds" over "at
		 * file:///s/a.test.js:10:3": tape, riteway) */
		if (!strncmp(t->message, "not ok ", 7)) {
			q = t->message + 7;
			while (*q >= '0' && *q <= '9')
				q++;
			if (q[0] == ' ' && q[1] == '-' && q[2] == ' ')
				q += 2;
			if (*q == ' ' && !strcmp(q + 1, m))
				return t;
		}
		if (s->cur - at > 4)
			continue;
		for (q = m; (q = strstr(q, t->message)); q++)
			if (q > m && (q[-1] == '\'' || q[-1] == '"' || q[-1] == '`') &&
			    q[len] == q[-1])
				return t;
	}
	return NULL;
}

/* The file of the project a message names at its end, its place told in
 * words ("Undefined variable src_dir in calc.gyp", "... while evaluating
 * condition 'x==1' in 'calc.gyp'", "Could not locate the included file
 * 'x.html' ... in a.html"), or, with any_word, whatever word is before it
 * (ast-grep's "Cannot parse rule rules/a.yml"); NULL if none (a string the
 * caller owns). */
static char *file_at_end(struct scan *s, const char *m, size_t n, bool any_word)
{
	size_t e = n, b;

	if (!s->opts->file_exists)
		return NULL;
	while (e && (m[e - 1] == ' ' || m[e - 1] == '.' || m[e - 1] == '\'' ||
		     m[e - 1] == '"' || m[e - 1] == '`'))
		e--;
	for (b = e; b && m[b - 1] != ' ' && m[b - 1] != '\'' && m[b - 1] != '"' &&
		    m[b - 1] != '`'; b--)
		;
	if (b == e || !memchr(m + b, '.', e - b))
		return NULL;
	/* the word before it: "in" (or its quote's opening); "for" (a
	 * coverage gate's "does not meet threshold (90%) for src/a.js",
	 * nyc's and c8's), "file: " */
	if (b >= 4 && (m[b - 1] == '\'' || m[b - 1] == '"' || m[b - 1] == '`'))
		b--;
	/* (those two only where the repository says it has the file: a
	 * name's shape alone is any file, there or missing) */
	if (!any_word && (b < 4 || memcmp(m + b - 4, " in ", 4)) &&
	    (!s->repo || b < 5 || memcmp(m + b - 5, " for ", 5)) &&
	    /* r.js' "Parse error using esprima for file: /w/js/a.js"; not
	     * a file the run could not open ("Error opening input file:
	     * x.ggo"): that is missing, no place */
	    (!s->repo || b < 6 || memcmp(m + b - 6, "file: ", 6) ||
	     cl_find(m, b, "open", 4) || cl_find(m, b, "find", 4) ||
	     cl_find(m, b, "read", 4) || cl_find(m, b, "load", 4)))
		return NULL;
	if (b == 0)
		return NULL;
	if (m[b] == '\'' || m[b] == '"' || m[b] == '`')
		b++;
	return known_file(s, m + b, e - b) ? xstrndup(m + b, e - b) : NULL;
}

/* Does the first name message m quotes ("pkg.missing", 'pkg/x', 'pkg')
 * start with a Python package or module the repository has
 * (pkg/__init__.py, pkg.py, src/pkg/__init__.py)? Then the quoted name
 * is m[*at..*at+*len) and its package's m[*at..*at+*pkg). */
static bool project_module(struct scan *s, const char *m, size_t *at,
			   size_t *len, size_t *pkg)
{
	static const char *const shapes[] = { "%.*s/__init__.py", "%.*s.py",
					      "src/%.*s/__init__.py" };
	const char *q = strpbrk(m, "'\"`"), *c, *e;
	struct buf path = BUF_INIT;
	size_t k, n;
	bool yes = false;

	if (!q || !(e = strchr(q + 1, *q)))
		return false;
	for (c = ++q; is_alnum_byte(*c) || *c == '_'; c++)
		;
	n = (size_t)(c - q);
	/* "pkg.missing", "pkg/x", or "pkg" itself as Python says it
	 * (pytest's "No module named 'pkg'" when the project's root is not
	 * on the path) */
	if (!n || (*c != '.' && *c != '/' &&
		   (c != e || !strstr(m, "No module named"))))
		return false;
	for (k = 0; k < sizeof(shapes) / sizeof(*shapes) && !yes; k++) {
		buf_reset(&path);
		buf_addf(&path, shapes[k], (int)n, q);
		yes = file_known(s, path.ptr, 0, path.len);
	}
	buf_release(&path);
	*at = (size_t)(q - m);
	*len = (size_t)(e - q);
	*pkg = n;
	return yes;
}

/* Does the source line quoted under line i, over its carets, import
 * ("import shop.util.Money" under "Cart.kt:3:13: error: unresolved
 * reference: util")? A name an import statement does not find is a module
 * that does not resolve. */
static bool quotes_import(struct scan *s, size_t i)
{
	static const char *const words[] = { "import ", "from ", "use ",
					     "#include " };
	const char *q;
	size_t qn, b, k;

	if (i + 2 >= s->nlines || !carets_under(s, i + 1))
		return false;
	q = line_view(s, i + 1, &qn);
	for (b = 0; b < qn && (q[b] == ' ' || q[b] == '\t'); b++)
		;
	for (k = 0; k < sizeof(words) / sizeof(*words); k++)
		if (qn - b > strlen(words[k]) &&
		    !memcmp(q + b, words[k], strlen(words[k])))
			/* Python's "from x import y", not a query's FROM */
			return k != 1 || cl_find(q + b, qn - b, " import ", 8);
	return false;
}

/* "Cannot find implementation or library stub for module named
 * "pkg.missing"" (mypy), "Unable to import 'pkg.missing'" (pylint),
 * "Import "pkg.missing" could not be resolved" (pyright): a module of a
 * package the repository has is the project's, no package to install,
 * whichever layer read it. A name an import the output quotes does not
 * find is a module that does not resolve, repository or not. */
static void own_modules(struct scan *s)
{
	struct buf hint = BUF_INIT;
	size_t k, at, len, pkg;

	for (k = s->first; k < s->out->n; k++) {
		struct diag *d = &s->out->v[k];

		/* (Scala's "object util is not a member of package shop"
		 * over "import shop.util.Money" is a member's type error in
		 * its words) */
		if ((cl_cat_is(d->category, CAT_UNDEFINED_SYMBOL) ||
		     cl_cat_is(d->category, CAT_TYPE_ERROR)) && d->file &&
		    s->out->n - s->first == s->nat &&
		    quotes_import(s, s->at[k - s->first])) {
			d->category = CAT_IMPORT_RESOLUTION;
			free(d->hint);
			d->hint = xstrdup("the import names what no module of the "
					  "project or its dependencies provides: "
					  "check the path it imports");
			continue;
		}
		if (!s->repo || !cl_cat_is(d->category, CAT_MISSING_DEPENDENCY) ||
		    !project_module(s, d->message, &at, &len, &pkg))
			continue;
		d->category = CAT_IMPORT_RESOLUTION;
		buf_reset(&hint);
		if (len == pkg)
			buf_addf(&hint, "'%.*s' is the project's own package, "
				 "not one to install: run from the project's "
				 "root or put it on the import path (an "
				 "editable install, the test runner's root)",
				 (int)len, d->message + at);
		else
			buf_addf(&hint, "'%.*s' is a module of the project's own "
				 "package '%.*s', not one to install: check its "
				 "name and that its file exists", (int)len,
				 d->message + at, (int)pkg, d->message + at);
		free(d->hint);
		d->hint = buf_detach(&hint, NULL);
	}
	buf_release(&hint);
}

/* How long the place in words that opens m[0..n) is, with the ": " after
 * it, when it names file ("on line 4 of total.f: " after f2c's "Error";
 * "at line 3:5 of a.x: "), or 0: the place is read, the message is what
 * follows. */
static size_t lead_place_words(const char *m, size_t n, const char *file)
{
	size_t k = 0, f, fl = strlen(file);
	const char *c;

	/* the file first, then its line: "c.ll, line 3: x" (flexc++'s
	 * after its "[Error 1]") */
	if (n > fl + 9 && !memcmp(m, file, fl) && !memcmp(m + fl, ", line ", 7) &&
	    m[fl + 7] >= '0' && m[fl + 7] <= '9') {
		for (k = fl + 7; k < n && m[k] >= '0' && m[k] <= '9'; k++)
			;
		return k + 2 < n && m[k] == ':' && m[k + 1] == ' ' ? k + 2 : 0;
	}
	if (n > 3 && (!memcmp(m, "on ", 3) || !memcmp(m, "at ", 3) ||
		      !memcmp(m, "in ", 3)))
		k = 3;
	if (k + 6 > n || memcmp(m + k, "line ", 5) || m[k + 5] < '0' || m[k + 5] > '9')
		return 0;
	for (k += 5; k < n && ((m[k] >= '0' && m[k] <= '9') || m[k] == ':'); k++)
		;
	if (k + 4 > n || memcmp(m + k, " of ", 4))
		return 0;
	f = k + 4;
	if (!(c = cl_find(m + f, n - f, ": ", 2)))
		return 0;
	k = (size_t)(c - m);
	/* the file it names is the place's, as given or its tail */
	if (k - f > fl || memcmp(file + fl - (k - f), m + f, k - f) ||
	    (k - f < fl && file[fl - (k - f) - 1] != '/'))
		return 0;
	return k + 2 < n ? k + 2 : 0;
}

/*
 * Is m[0..n) a row of a metric's report: a name and its figures, no word
 * of a message ("parse%\t13\t13\t18" pmccabe's, "'grade' 9" mccabe's,
 * "grade - C (13)" radon's)? A gate lists what is over its limit so: a
 * lint's finding. A name with no figure counts only in a table whose row
 * opened with figures (row: the line it is in), GNU complexity's "   7
 * 29   lex.c(2): next_token".
 */
static bool metric_row(const char *m, size_t n, const char *row, size_t rn)
{
	size_t i = 0, k;
	bool figure = false;
	char q = 0;

	if (n && (m[0] == '\'' || m[0] == '"'))
		q = m[i++];
	if (i >= n || !(isalpha((unsigned char)m[i]) || m[i] == '_'))
		return false;
	while (i < n && (is_alnum_byte(m[i]) || m[i] == ':' || m[i] == '.' ||
			 m[i] == '$' || m[i] == '~'))
		i++;
	if (q && (i >= n || m[i++] != q))
		return false;
	if (i < n && m[i] == '%')
		i++;
	if (i + 1 < n && m[i] == '(' && m[i + 1] == ')')
		i += 2;
	if (i == n) {
		/* a name alone: under figures in its row */
		k = 0;
		while (k < rn && (row[k] == ' ' || row[k] == '\t'))
			k++;
		return !q && k < rn && row[k] >= '0' && row[k] <= '9';
	}
	if (m[i] != ' ' && m[i] != '\t')
		return false;
	for (; i < n; i++) {
		char c = m[i];

		if (c >= '0' && c <= '9')
			figure = true;
		else if (c >= 'A' && c <= 'F') {
			/* a grade: a letter alone */
			if (is_alnum_byte(m[i - 1]) ||
			    (i + 1 < n && is_alnum_byte(m[i + 1])))
				return false;
		} else if (!strchr(" \t.,-|()/", c))
			return false;
	}
	return figure;
}

/* Is m[0..n) (a dozen bytes or more) in the message of one of the last
 * few findings this output has made, wherever it placed it? (A tool's
 * repeat follows its first telling closely; a dense log's thousands of
 * findings are not each searched again.) */
static bool told_before(const struct scan *s, const char *m, size_t n)
{
	size_t k, stop;

	if (n < 12)
		return false;
	stop = s->out->n > s->first + 8 ? s->out->n - 8 : s->first;
	for (k = s->out->n; k > stop; k--) {
		const struct diag *d = &s->out->v[k - 1];

		if (d->message && cl_find(d->message, strlen(d->message), m, n))
			return true;
	}
	return false;
}

/* Is what m[0..n) says after its labels ("Original error stack trace:
 * Error: x", Eleventy's, after its "Error: x" placed above: words and
 * blanks before each colon, no name) in a finding this output has already
 * made? (All of it again is not: two runs may fail alike, each a problem;
 * nor what follows a name: "x.c: No such file or directory" is x.c's.) */
static bool tail_told_before(const struct scan *s, const char *m, size_t n)
{
	size_t k, from = 0;

	for (k = 0; k + 1 < n && k - from <= 40; k++) {
		if (m[k] == ':' && m[k + 1] == ' ') {
			if (k == from)
				return false;
			from = k + 2;
			if (told_before(s, m + from, n - from))
				return true;
			k++;
		} else if (!isalpha((unsigned char)m[k]) && m[k] != ' ') {
			return false;
		}
	}
	return false;
}

/* A diagnostic of the general layer. file may be NULL. */
static void general_emit(struct scan *s, char *file, int line, int col,
			 int sev, const char *code, size_t code_len,
			 const char *msg, size_t msg_len, const char *category)
{
	const char *liken = NULL, *at;
	struct diag d, *t;

	/* a note at a file the repository does not have: the tool telling
	 * where in its own source it is ("info: main.c:421: version:
	 * 1.13.1", foot's), no finding */
	if (sev == DIAG_NOTE && file && s->repo &&
	    !known_file(s, file, strlen(file))) {
		free(file);
		return;
	}
	if (!file)
		file = file_at_end(s, msg, msg_len, false);
	/* placeless, what a finding above said already, after a label maybe
	 * (Eleventy's "Original error stack trace: Error: x" under its
	 * placed "Error: x"): no second problem */
	if (!file && !line && (tail_told_before(s, msg, msg_len) ||
			       warnings_were_errors(s, msg, msg_len, category)))
		return;
	/* (Scheme 9's "undefined symbol: x" at a line of a.scm: no linker's) */
	category = symbol_at_line(category, line, msg, msg_len);
	memset(&d, 0, sizeof(d));
	d.file = file;
	d.line = line;
	d.column = col;
	d.severity = sev < 0 ? DIAG_ERROR : (enum diag_severity)sev;
	d.code = code_len ? xstrndup(code, code_len) : NULL;
	while (msg_len && (msg[msg_len - 1] == ' ' || msg[msg_len - 1] == '\t'))
		msg_len--;
	if (file && (at = msg + lead_place_words(msg, msg_len, file)) > msg) {
		msg_len -= (size_t)(at - msg);
		msg = at;
	}
	/* MSBuild's project after the message (" [/p/src/App.csproj]"):
	 * which build said it, no part of what is wrong */
	if (msg_len > 8 && msg[msg_len - 1] == ']' &&
	    (!memcmp(msg + msg_len - 5, "proj]", 5) ||
	     !memcmp(msg + msg_len - 5, ".sln]", 5)) &&
	    (at = memrchr(msg, '[', msg_len)) && at > msg && at[-1] == ' ')
		msg_len = (size_t)(at - msg) - 1;
	/* Maven's pointer to its help page (" -> [Help 2]"), no part of
	 * the message: the error told again with it is the same */
	if (msg_len > 12 && msg[msg_len - 1] == ']') {
		size_t from = msg_len > 16 ? msg_len - 16 : 0;

		if ((at = cl_find(msg + from, msg_len - from, " -> [Help ", 10)))
			msg_len = (size_t)(at - msg);
	}
	if (file && line > 0 && cl_cat_is(category, CAT_UNKNOWN) &&
	    (at = words_over_giving_up(s, msg, msg_len, &msg_len, &category)))
		msg = at;
	d.message = xstrndup(msg, msg_len);
	if (cl_cat_is(category, CAT_UNKNOWN) && line > 0) {
		size_t rn;
		const char *row = line_view(s, s->cur, &rn);

		if (metric_row(msg, msg_len, row, rn))
			category = CAT_LINT_VIOLATION;
	}
	/* an error nothing names, in a test's own file: the test failed
	 * there (pytest's "test_a.py:19: KeyError", go's "x_test.go:15:
	 * got 4, want 5") */
	if (cl_cat_is(category, CAT_UNKNOWN) && d.severity == DIAG_ERROR &&
	    file && test_file(file))
		category = CAT_TEST_FAILURE;
	/* a finding at a line of a document of prose: a linter's */
	if (cl_cat_is(category, CAT_UNKNOWN) && file && line > 0 &&
	    prose_file(file))
		category = CAT_LINT_VIOLATION;
	/* no word here names a kind: the kind other tools' messages in
	 * the same words were; an errno's, whose code it was that failed */
	if (cl_cat_is(category, CAT_UNKNOWN) && cl_errno_report(d.message, msg_len)) {
		if (cl_find(d.message, msg_len, "no such file", 12) &&
		    errno_file_of_dependency(s, s->cur))
			category = CAT_IMPORT_RESOLUTION;
	} else if (cl_cat_is(category, CAT_UNKNOWN) && !s->runtime_report &&
		   (liken = cl_learned_category(s->db->learned, d.message,
						msg_len))) {
		category = liken;
	}
	d.category = category;
	if (!first_sighting(s, &d) || got_of_last(s, &d) ||
	    (closes_last(s, &d) && (line_to_last(s, &d), true)) ||
	    places_last(s, &d) || syntax_error_told_twice(s, &d) ||
	    recipe_failed_again(s, &d, msg_len) ||
	    told_again(s, &d) || consequence_of_last(s, &d) ||
	    verdict_on_warning(s, &d)) {
		diag_release(&d);
		return;
	}
	/* the cause of a failed test told at the test's place ("not ok 3"
	 * placed at a.bats:12, then "a.bats: line 12: x: command not
	 * found"): one problem, the failure taking the cause's category */
	if (file && line > 0 && cause_category(category) &&
	    (t = test_failure_at(s, file, line))) {
		struct buf m = BUF_INIT;

		buf_adds(&m, t->message);
		buf_adds(&m, ": ");
		buf_adds(&m, d.message);
		free(t->message);
		t->message = buf_detach(&m, NULL);
		t->category = category;
		diag_release(&d);
		return;
	}
	/* a cause told in a file with no line ("NoMethodError: undefined
	 * method `h'" over its backtrace, minitest's and Test::Unit's
	 * "Error:" blocks), then a failure or a frame at a line of that file
	 * ("test/a.rb:13:in `test_h'"; a frame in a test's file reads as its
	 * failure, elsewhere as unknown): one problem, the cause's, placed
	 * there */
	if (file && line > 0 && (cl_cat_is(category, CAT_TEST_FAILURE) ||
				 cl_cat_is(category, CAT_UNKNOWN)) &&
	    (t = placeless_cause(s, file))) {
		line_set(s, t, line);
		t->column = col;
		diag_release(&d);
		return;
	}
	/* a test's verdict with no place ("not ok 1 - adds": TAP), then its
	 * place in the comment under it ("#   Failed test 'adds'" over "#
	 * at calc.t line 7.": Perl's Test::More, Raku's Test, node-tap): one
	 * failure, placed there */
	if (file && line > 0 && cl_cat_is(category, CAT_TEST_FAILURE) &&
	    (t = verdict_named_in(s, d.message))) {
		t->file = d.file;
		d.file = NULL;
		line_set(s, t, line);
		t->column = col;
		diag_release(&d);
		return;
	}
	if (cl_cat_is(category, CAT_UNKNOWN))
		d.hint = xstrdup("see the message at this position");
	else if (cl_cat_is(category, CAT_LINT_VIOLATION))
		d.hint = d.code ? xstrdup("fix the code this rule points at, or "
					  "configure the rule if it is wrong here") :
			 xstrdup("fix the code this warning points at");
	else if (liken && category == liken)
		d.hint = xstrdup(LIKENED_HINT);
	else
		d.hint = xstrdup("read from the message's words: see the message "
				 "at this position");
	d.tool = xstrdup(s->opts->tool_hint ? s->opts->tool_hint : "generic");
	placed_words_told(s, &d);
	*push(s) = d;
	if (s->outcome)
		s->outcome->general++;
}

/* Is line j there and blank? */
static bool blank_line(struct scan *s, size_t j)
{
	const char *l;
	size_t n, k;

	if (j >= s->nlines)
		return false;
	l = line_view(s, j, &n);
	for (k = 0; k < n && (l[k] == ' ' || l[k] == '\t'); k++)
		;
	return k == n;
}

/* Line j, right under a line whose message ends in ':' ("ERROR: a.pl:1:
 * Initialization goal raised exception:", "ERROR: In procedure x:"), says
 * what the line announced ("ERROR: main/0: Unknown procedure: f/1",
 * "Unbound variable: x") when it holds something, names no place and
 * opens no new report of its own. Appended to out and folded. */
static bool announced(struct scan *s, size_t j, struct buf *out)
{
	struct cl_loc loc;
	const char *l;
	size_t n, k;

	if (j >= s->nlines || (s->used[j] & L_USED))
		return false;
	l = line_view(s, j, &n);
	for (k = 0; k < n && (l[k] == ' ' || l[k] == '\t'); k++)
		;
	if (k == n || l[k] == '^' || l[k] == '~' || cl_summary(l, n, !lacks(s, j, CL_T_SUMMARY)) ||
	    line_place(s, j, l, n, &loc) != CL_LOC_NONE)
		return false;
	if (out->len)
		buf_addch(out, ' ');
	buf_add(out, l + k, n - k);
	s->used[j] |= L_FOLDED;
	return true;
}

/* The lines of the box under a report's place at line at, its quoted
 * source and its notes ("  = Use JSON.parse instead"), are that report's:
 * no trace of a later one (ast-grep's "Error: Cannot parse rule x.yml"
 * under a warning's box). */
static void box_fold(struct scan *s, size_t at)
{
	const char *l;
	size_t j, n, k;

	for (j = at + 1; j < s->nlines && !(s->used[j] & L_USED); j++) {
		l = line_view(s, j, &n);
		for (k = 0; k < n && l[k] == ' '; k++)
			;
		if (!cl_code_frame_line(l, n, 0) &&
		    (!k || n - k < 2 || memcmp(l + k, "= ", 2)))
			break;
		s->used[j] |= L_FOLDED;
	}
}

/* Is m[0..n) one word, a tag or a label ("FIXABLE", "parse": Biome's),
 * not a message? */
static bool one_word(const char *m, size_t n)
{
	size_t k;

	while (n && m[n - 1] == ' ')
		n--;
	for (k = 0; k < n; k++)
		if (!is_alnum_byte(m[k]) && m[k] != '_' && m[k] != '-')
			return false;
	return n >= 3;
}

/* The lines under line i indented deeper than it (blank lines between
 * them allowed) that name no place of their own: the rest of its message
 * ("CMake Error at a:3 (x):" and its paragraphs, pyright's second line
 * with the rule code). Appended to out, one blank between lines; *last
 * gets the offset in out of the last one. How many lines were read. */
static size_t continuation(struct scan *s, size_t i, struct buf *out,
			   size_t *last)
{
	const char *l;
	size_t n, j, ind, k, taken = 0;

	l = line_view(s, i, &n);
	for (ind = 0; ind < n && (l[ind] == ' ' || l[ind] == '\t'); ind++)
		;
	for (j = i + 1; j < s->nlines && j <= i + CL_CONT_LINES; j++) {
		struct cl_loc loc;

		if (s->used[j] & L_USED)
			break;
		l = line_view(s, j, &n);
		/* blanks, and pyright's no-break spaces (U+00A0) */
		for (k = 0; k < n && (l[k] == ' ' || l[k] == '\t' ||
				      (l[k] == '\xc2' && k + 1 < n &&
				       l[k + 1] == '\xa0' && ++k)); k++)
			;
		if (k == n)
			continue; /* a blank line inside the message */
		if (k <= ind || l[k] == '^' || l[k] == '~' ||
		    cl_code_frame_line(l, n, k) ||
		    line_place(s, j, l, n, &loc) != CL_LOC_NONE)
			break;
		if (out->len)
			buf_addch(out, ' ');
		*last = out->len;
		buf_add(out, l + k, n - k);
		taken++;
		if (out->len > CL_CONT_MAX)
			break;
	}
	return taken;
}

/* Has the general layer already reported file:line, at column col when
 * both tell one (a weak message at a place told before, PHP's "thrown in
 * a.php on line 2"; not a linter's next finding further along the line,
 * htmllint's "lint.html: line 7, col 20, tag names must be lowercase"
 * after its "col 6")? */
static bool general_at(const struct scan *s, const char *file, int line,
		       int col)
{
	size_t k = s->out->n, stop = k > s->first + 64 ? k - 64 : s->first;

	while (k-- > stop) {
		const struct diag *d = &s->out->v[k];

		if (d->line == line && d->file && file && !strcmp(d->file, file) &&
		    (col <= 0 || d->column <= 0 || d->column == col))
			return true;
	}
	return false;
}

/* Is m[0..n) a few words ending in "failed" ("FPM initialization
 * failed", "Build failed.", gdnsd's "Initial load of zone data failed",
 * "Loading configuration from './a/config' failed")? */
static bool outcome_failed(const char *m, size_t n)
{
	size_t k, words = 1;

	while (n && (m[n - 1] == '.' || m[n - 1] == '!' || m[n - 1] == ' '))
		n--;
	if (n < 7 || memcmp(m + n - 6, "failed", 6) || m[n - 7] != ' ')
		return false;
	for (k = 0; k < n; k++)
		if (m[k] == ' ')
			words++;
		else if (!is_alnum_byte(m[k]) && !strchr("-./'\"`", m[k]))
			return false;
	return words <= 6;
}

/* Does m[0..n) end saying the run gave up ("... Aborting.", "aborted",
 * "giving up")? */
static bool ends_giving_up(const char *m, size_t n)
{
	while (n && (m[n - 1] == '.' || m[n - 1] == '!' || m[n - 1] == ' '))
		n--;
	return (n >= 8 && !strncasecmp(m + n - 8, "aborting", 8)) ||
	       (n >= 7 && !strncasecmp(m + n - 7, "aborted", 7)) ||
	       (n >= 9 && !strncasecmp(m + n - 9, "giving up", 9));
}

/* Has a finding of the last 64 been placed in file, at any line? */
static bool file_reported(const struct scan *s, const char *file)
{
	size_t k = s->out->n, stop = k > s->first + 64 ? k - 64 : s->first;

	while (k-- > stop)
		if (s->out->v[k].file && same_file(s->out->v[k].file, file))
			return true;
	return false;
}

/* Did a finding of the last 64 say m[0..n) at line `line`? A runner's
 * recap tells a failure again at a place of its own spelling (Maven
 * Surefire's "AppTest.testAdd:12 expected: <5> but was: <4>" under
 * "Failures:", after "AppTest.java:12" in the trace). */
static bool said_at_line(const struct scan *s, int line, const char *m,
			 size_t n)
{
	size_t k = s->out->n, stop = k > s->first + 64 ? k - 64 : s->first;

	while (k-- > stop) {
		const struct diag *d = &s->out->v[k];

		if (d->line == line && d->message && strlen(d->message) == n &&
		    !memcmp(d->message, m, n))
			return true;
	}
	return false;
}

/* Is m[0..n) only "(name)", a stack frame's function? */
static bool frame_function(const char *m, size_t n)
{
	size_t k;

	if (n < 3 || m[0] != '(' || m[n - 1] != ')')
		return false;
	for (k = 1; k < n - 1; k++)
		if (!((m[k] >= 'a' && m[k] <= 'z') || (m[k] >= 'A' && m[k] <= 'Z') ||
		      (m[k] >= '0' && m[k] <= '9') || m[k] == '_' || m[k] == '.' ||
		      m[k] == '/' || m[k] == ' '))
			return false;
	return true;
}

/* Is m[0..n) only the scope a finding is in, "#(A.B.f)" or "(A.B.f)"
 * (Credo's, after the place), no words of its own? */
static bool scope_only(const char *m, size_t n)
{
	while (n && (m[n - 1] == ' ' || m[n - 1] == '\t'))
		n--;
	if (n && m[0] == '#')
		m++, n--;
	return frame_function(m, n) && !memchr(m, ' ', n);
}

/* Line j's message when it is one a checker put right over its place
 * ("┃ [F] ↗ Avoid negated conditions in if-else blocks.", Credo's): a
 * frame's box-drawn border, a one-letter tag and a priority's arrow
 * before it are decoration. At least three words, no place of its own,
 * not read yet; *words and *len are they (in the line's view). */
static bool message_over_place(struct scan *s, size_t j, const char **words,
			       size_t *len)
{
	const unsigned char *u;
	struct cl_loc loc;
	const char *l;
	size_t n, k = 0, gaps = 0;

	if ((s->used[j] & L_USED) || (s->nat && s->at[s->nat - 1] == j))
		return false; /* read already, or reported from */
	l = line_view(s, j, &n);
	u = (const unsigned char *)l;
	for (;;) {
		if (k < n && (l[k] == ' ' || l[k] == '\t' || l[k] == '|'))
			k++;
		/* U+2500-U+257F box drawing, U+2190-U+21FF arrows */
		else if (k + 2 < n && u[k] == 0xe2 &&
			 (u[k + 1] == 0x94 || u[k + 1] == 0x95 ||
			  u[k + 1] == 0x86 || u[k + 1] == 0x87))
			k += 3;
		else if (k + 3 < n && l[k] == '[' && l[k + 2] == ']' &&
			 l[k + 1] >= 'A' && l[k + 1] <= 'Z' && l[k + 3] == ' ')
			k += 3;
		else
			break;
	}
	if (k == n || line_place(s, j, l, n, &loc) != CL_LOC_NONE)
		return false;
	*words = l + k;
	*len = n - k;
	for (; k < n; k++)
		gaps += l[k] == ' ' && k + 1 < n && l[k + 1] != ' ';
	return gaps >= 2;
}

/* Is p[0..n) one word and a blank, a command's name ("rspec ")? */
static bool command_word(const char *p, size_t n)
{
	size_t k;

	if (n < 2 || p[n - 1] != ' ')
		return false;
	for (k = 0; k + 1 < n; k++)
		if (!((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= '0' && p[k] <= '9') ||
		      p[k] == '-' || p[k] == '_' || p[k] == '.'))
			return false;
	return true;
}

/* What the lines between a headline (line i) and its place (line at) say
 * when the headline's own words do not ("Failure/Error: expect(x)" over
 * "NoMethodError:" and "undefined method `mul'" over its frame): the first
 * category (not a linter's) they name. The lines are folded into it. */
static const char *words_between(struct scan *s, size_t i, size_t at)
{
	const char *cat = NULL, *l;
	struct cl_words w;
	struct cl_loc loc;
	size_t j, n;

	for (j = i + 1; j < at && j <= i + CL_AHEAD; j++) {
		l = line_view(s, j, &n);
		if (s->used[j] & L_USED ||
		    line_place(s, j, l, n, &loc) == CL_LOC_INLINE)
			return cat;
		cl_words_read(l, n, &w);
		if (!cat && w.category && !cl_cat_is(w.category, CAT_LINT_VIOLATION))
			cat = w.category;
		if (cat)
			s->used[j] |= L_FOLDED;
	}
	return cat;
}

/* Does the label before a headline's message (line[0..msg)) say
 * "Failure" ("Failure/Error:", "Failure:"), or name an assertion's
 * exception? */
static bool failure_label(const char *line, size_t msg)
{
	size_t b = 0;

	while (b < msg && (line[b] == ' ' || line[b] == '\t'))
		b++;
	/* an assertion's exception heading it: "AssertionError
	 * [ERR_ASSERTION]: -1 == 5" (Node's assert), "java.lang.
	 * AssertionError: x", "AssertionFailedError:" */
	if (msg - b >= 6 && cl_find(line + b, msg - b, "Assert", 6))
		return true;
	return msg - b >= 8 && !strncmp(line + b, "Failure", 7) &&
	       (line[b + 7] == ':' || line[b + 7] == '/');
}

/* Is m[0..n) a few words of letters ("runtime error")? */
static bool few_words(const char *m, size_t n)
{
	size_t k, blanks = 0;

	for (k = 0; k < n; k++) {
		if (m[k] == ' ')
			blanks++;
		else if (!((m[k] >= 'a' && m[k] <= 'z') || (m[k] >= 'A' && m[k] <= 'Z')))
			return false;
	}
	return n && blanks < 3;
}

/* The first category (not a linter's) that the few lines above line
 * `cur` name, nearest first; NULL if none. */
static const char *words_above(struct scan *s, size_t cur)
{
	const char *cat = NULL;
	size_t j, n;

	for (j = cur; j > 0 && cur - j < CL_WORDS_ABOVE && !cat; j--) {
		const char *l = line_view(s, j - 1, &n);
		struct cl_words w;

		cl_words_read(l, before_object_dump(l, n), &w);
		if (w.category && !cl_cat_is(w.category, CAT_LINT_VIOLATION))
			cat = w.category;
	}
	return cat;
}

/* Is l[0..n) a count of the rows under it and their kind, with no colon:
 * "2 modules with unused exports" (ts-unused-exports')? */
static bool count_first_heading(const char *l, size_t n)
{
	size_t k = 0;

	while (k < n && l[k] >= '0' && l[k] <= '9')
		k++;
	return k && k + 2 < n && l[k] == ' ' && l[k + 1] >= 'a' && l[k + 1] <= 'z' &&
	       !memchr(l, ':', n) && !memchr(l, ')', n) && !memchr(l, '/', n);
}

/* Is m[0..n) a word and its replacement, "Typescript → TypeScript", and
 * nothing more? */
static bool replacement_only(const char *m, size_t n)
{
	const char *a;
	size_t k;

	while (n && (m[n - 1] == ' ' || m[n - 1] == '\t'))
		n--;
	if (n < 7 || !(a = cl_find(m, n, " \xe2\x86\x92 ", 5)) || a == m ||
	    a + 5 == m + n)
		return false;
	for (k = 0; k < n; k++)
		if (m[k] == ':' || m[k] == '(' || m[k] == '"')
			return false;
	return !memchr(m, ' ', (size_t)(a - m)) &&
	       !memchr(a + 5, ' ', n - (size_t)(a + 5 - m));
}

/* The category a list's heading names for the rows under it that say
 * nothing of themselves: "Missing requirements:" over "a.py:3 dist=x
 * module=x" (pip-missing-reqs), a checker's "Undefined variables:". The
 * heading is the nearest line above `cur`, with no blank line between,
 * indented no deeper than the rows under it, short, and ending in ':' or
 * counting them ("2 modules with unused exports"); NULL when there is
 * none or its words do not say. *sev: the severity the heading names (-1:
 * none); *head..*head_len: its words without the colon (into the scan's
 * text). */
static const char *heading_words(struct scan *s, size_t cur, int *sev,
				 const char **head, size_t *head_len)
{
	size_t j, n, k, ind = (size_t)-1;
	struct cl_words w;

	for (j = cur + 1; j-- > 0 && cur - j < CL_LIST_ROWS;) {
		const char *l = line_view(s, j, &n);

		for (k = 0; k < n && (l[k] == ' ' || l[k] == '\t'); k++)
			;
		if (k == n)
			return NULL; /* a blank line ends the list */
		if (j < cur && k <= ind && n - k < 60 &&
		    (l[n - 1] == ':' || count_first_heading(l + k, n - k))) {
			cl_words_read(l + k, n - k, &w);
			*sev = w.sev;
			*head = l + k;
			*head_len = n - k - (l[n - 1] == ':');
			return w.category;
		}
		if (k < ind)
			ind = k;
	}
	return NULL;
}

static bool duration_only(const char *m, size_t n);
static bool progress_note(const char *m, size_t n);

/* The first line of the paragraph under line i, after one blank line or
 * two: where a header that is only a place ("Error ---- a.js:3:19" in
 * Flow, Elm's "-- TYPE MISMATCH ---- a.elm") says what it reports. Past
 * the text when there is none. */
static size_t paragraph_below(struct scan *s, size_t i)
{
	size_t j, n, k;

	for (j = i + 1; j < s->nlines && j <= i + 3; j++) {
		const char *l = line_view(s, j, &n);

		for (k = 0; k < n && (l[k] == ' ' || l[k] == '\t'); k++)
			;
		if (k < n)
			return j > i + 1 ? j : s->nlines;
	}
	return s->nlines;
}

/* Is the line above line i a test runner's failure label, numbered or
 * not ("  1) Failure:", "Failure:")? */
static bool under_failure_label(struct scan *s, size_t i)
{
	const char *q;
	size_t ln, b = 0;

	if (!i)
		return false;
	q = line_view(s, i - 1, &ln);
	while (b < ln && (q[b] == ' ' || q[b] == '\t'))
		b++;
	while (b < ln && isdigit((unsigned char)q[b]))
		b++;
	if (b + 1 < ln && q[b] == ')' && q[b + 1] == ' ')
		b += 2;
	return failure_label(q + b, ln - b);
}

/* Is what follows loc's "FILE:N:" on l[0..n) a line of source as grep -n
 * quotes it: glued to the colon, or its indentation kept ("a.py:7:
 * print(x)"), where a message stands one blank after it? */
static bool quoted_after_place(const char *l, size_t n,
			       const struct cl_loc *loc)
{
	size_t k = loc->file + loc->file_len;

	if (!loc->file_len || loc->col || k + 2 >= n || l[k] != ':' ||
	    l[k + 1] < '0' || l[k + 1] > '9')
		return false;
	for (k++; k < n && l[k] >= '0' && l[k] <= '9'; k++)
		;
	if (k + 1 >= n || l[k] != ':')
		return false;
	k++;
	return l[k] == '\t' ||
	       (l[k] == ' ' && k + 1 < n && (l[k + 1] == ' ' || l[k + 1] == '\t')) ||
	       (l[k] != ' ' && l[k] != '\r');
}

/* Where the words after " line N: " in m[0..n) start, or n. */
static size_t after_line_in_words(const char *m, size_t n)
{
	const char *c = cl_find(m, n, " line ", 6);
	size_t k;

	if (!c)
		return n;
	k = (size_t)(c - m) + 6;
	if (k >= n || m[k] < '0' || m[k] > '9')
		return n;
	while (k < n && m[k] >= '0' && m[k] <= '9')
		k++;
	/* and its column, or columns: kamailio's "line 5, column 12-27: " */
	if (k + 9 < n && !memcmp(m + k, ", column ", 9) && m[k + 9] >= '0' &&
	    m[k + 9] <= '9')
		for (k += 9; k < n && ((m[k] >= '0' && m[k] <= '9') || m[k] == '-'); k++)
			;
	return k + 2 < n && m[k] == ':' && m[k + 1] == ' ' ? k + 2 : n;
}

/* Is line i in a report of pre-commit's ("name....Failed" over "- hook
 * id: x"), under its hook's id and before the next hook's verdict? */
static bool in_hook_report(struct scan *s, size_t i)
{
	const char *l;
	size_t j, n;

	if (!s->hooks)
		s->hooks = memmem(s->text, text_len(s), "- hook id: ", 11) ?
			   2 : 1;
	if (s->hooks == 1)
		return false;
	for (j = i; j-- > 0 && i - j <= 200;) {
		l = line_view(s, j, &n);
		if (n > 11 && !memcmp(l, "- hook id: ", 11))
			return true;
		if (n > 9 && l[0] != ' ' &&
		    ((n > 6 && !memcmp(l + n - 6, "Passed", 6)) ||
		     !memcmp(l + n - 7, "Skipped", 7) ||
		     !memcmp(l + n - 6, "Failed", 6)) && memmem(l, n, "...", 3))
			return false;
	}
	return false;
}

/* Is line i in the list a run closes with, of the failures told above
 * (behave's "Failing scenarios:" over "  a.feature:3  name", Cucumber's
 * "Failing Scenarios:" over "cucumber a.feature:3 # x", RSpec's "Failed
 * examples:" over "rspec ./a_spec.rb:4 # x", "Failed tests:")? A heading
 * ending in ':' that says fail, over the list's lines; one blank line may
 * part them. Asked only of a line that names no problem (not "Build failed
 * with 2 errors:" over the errors), once a finding was told. */
static bool failure_summary(struct scan *s, size_t i)
{
	size_t j, n, k;
	const char *l;
	bool blank = false;

	for (j = i; j-- > 0 && i - j <= 64;) {
		l = line_view(s, j, &n);
		while (n && (l[n - 1] == ' ' || l[n - 1] == '\r'))
			n--;
		if (!n) {
			if (blank || j + 1 == i)
				return false;
			blank = true;
			continue;
		}
		/* "  3 failed" over the failed tests' places and titles
		 * (Playwright's recap) */
		for (k = 0; k < n && l[k] == ' '; k++)
			;
		if (k < n && l[k] >= '0' && l[k] <= '9') {
			while (k < n && l[k] >= '0' && l[k] <= '9')
				k++;
			if (n - k == 7 && !memcmp(l + k, " failed", 7))
				return true;
		}
		if (l[n - 1] != ':' || n > 48)
			continue; /* another line of the list */
		/* "Failure: test_words(CalcTest):" heads one failure's
		 * report, not a list (test-unit's) */
		if (memchr(l, ':', n - 1))
			return false;
		for (k = 0; k + 4 <= n; k++)
			if ((l[k] | 0x20) == 'f' && !strncmp(l + k + 1, "ail", 3))
				return true;
		return false;
	}
	return false;
}

/* A BDD runner's listing of what ran, each step or scenario with its
 * definition's place as a trailing comment (behave's and Cucumber's
 * "Given x  # steps/a.py:4", godog's "# steps_test.go:12 -> f",
 * "Scenario: y  # a.feature:3"): a step failed only when its failure is
 * told under it, indented deeper; the others are no finding. */
static bool fails_further_below(struct scan *s, size_t i, const char *file,
				size_t file_len, int line);

static bool step_listing(struct scan *s, const char *l, size_t n,
			 const struct cl_loc *loc)
{
	size_t f = loc->file, k, j, ind = 0, below;
	const char *u;

	if (!loc->file_len || f < 3 || l[f - 1] != ' ' || l[f - 2] != '#' ||
	    l[f - 3] != ' ')
		return false;
	/* the place (and a "-> fn" or a time) ends the line */
	for (k = f; k < n && l[k] != ' '; k++)
		;
	if (k < n && !(k + 3 < n && l[k + 1] == '-' && l[k + 2] == '>') &&
	    !duration_only(l + k, n - k))
		return false;
	while (ind < n && (l[ind] == ' ' || l[ind] == '\t'))
		ind++;
	if (s->cur + 1 >= s->nlines)
		return true;
	u = line_view(s, s->cur + 1, &below);
	for (j = 0; j < below && (u[j] == ' ' || u[j] == '\t'); j++)
		;
	/* the next step, or nothing told under it; or a failure told
	 * under it at a later line of the step's own file, the frame where
	 * it failed ("at World.<anonymous> (/w/steps.js:6:10)" under "\u2716
	 * Then x # steps.js:5", Cucumber's): that place is the failure's */
	return j <= ind || j == below ||
	       memmem(u, below, " # ", 3) != NULL ||
	       fails_further_below(s, s->cur, l + f, loc->file_len, loc->line);
}

struct place {
	char *file;
	int line, col;
	size_t at; /* the line it came from */
};

static bool headline_place(struct scan *s, size_t i, long lone,
			   struct place *out);
static bool box_position(struct scan *s, size_t i, int *line, int *col);

/* The category of the finding just made when its message opens with the
 * words m[0..k) (two words or more, the ones before a place), or NULL. */
static const char *words_of_last(struct scan *s, const char *m, size_t k)
{
	const struct diag *t;

	while (k && m[k - 1] == ' ')
		k--;
	if (k < 8 || !memchr(m, ' ', k) || s->out->n <= s->first)
		return NULL;
	t = &s->out->v[s->out->n - 1];
	if (strncmp(t->message, m, k) || cl_cat_is(t->category, CAT_UNKNOWN))
		return NULL;
	return t->category;
}

/* Where a rule ending m[0..n) starts ("add works ────────", "x -----"):
 * three or more of one of '-', '=', '_' or the box-drawing lines, and the
 * blanks before them; n if m ends in none. */
static size_t rule_start(const char *m, size_t n)
{
	static const char *const glyphs[] = { "-", "=", "_", "\xe2\x94\x80",
					      "\xe2\x94\x81", "\xe2\x95\x90" };
	size_t k, g, e = n, count;

	while (e && (m[e - 1] == ' ' || m[e - 1] == '\t'))
		e--;
	for (g = 0; g < sizeof(glyphs) / sizeof(*glyphs); g++) {
		size_t gl = strlen(glyphs[g]);

		for (k = e, count = 0; k >= gl && !memcmp(m + k - gl, glyphs[g], gl);
		     k -= gl)
			count++;
		if (count >= 3) {
			while (k && (m[k - 1] == ' ' || m[k - 1] == '\t'))
				k--;
			return k;
		}
	}
	return n;
}

/* Does l[0..n) open with word, then blanks and a colon ("found   :")? */
static bool labelled(const char *l, size_t n, const char *word)
{
	size_t k = 0, len = strlen(word);

	while (k < n && (l[k] == ' ' || l[k] == '\t'))
		k++;
	if (n - k < len || memcmp(l + k, word, len))
		return false;
	for (k += len; k < n && l[k] == ' '; k++)
		;
	return k < n && l[k] == ':';
}

/* Are lines j and j + 1 a type found and the type required ("found   :
 * number" over "required: string")? */
static bool found_required(struct scan *s, size_t j)
{
	const char *l;
	size_t n;

	if (j + 1 >= s->nlines)
		return false;
	l = line_view(s, j, &n);
	if (!labelled(l, n, "found"))
		return false;
	l = line_view(s, j + 1, &n);
	return labelled(l, n, "required");
}

/* A Ruby frame's message: "in `fn'", "in 'fn'" (Ruby 3.4), maybe a
 * message after it. */
static bool ruby_frame(const char *m, size_t n)
{
	return n > 4 && m[0] == 'i' && m[1] == 'n' && m[2] == ' ' &&
	       (m[3] == '`' || m[3] == '\'');
}

/* Is line j a Ruby frame ("a.rb:9:in `block in <top>'")? */
static bool ruby_frame_line(struct scan *s, size_t j)
{
	struct cl_loc loc;
	const char *l;
	size_t n;

	l = line_view(s, j, &n);
	return line_place(s, j, l, n, &loc) == CL_LOC_INLINE &&
	       ruby_frame(l + loc.msg, loc.msg_len);
}

/* Does m[0..n) only point at a definition, ending in "defined" or
 * "declared" (and "at", "here", blanks or ':' after it), or opening with
 * where it is ("Defined in module SHOW line 17 file a.f", "Declared at
 * a.c:3", the other half of a mismatch told at its use)? */
static bool definition_pointer(const char *m, size_t n)
{
	static const char *const tails[] = { " at", " here", ":" };
	static const char *const heads[] = { "efined in ", "efined at ",
					     "eclared in ", "eclared at " };
	size_t k;

	if (n > 12 && (m[0] == 'D' || m[0] == 'd'))
		for (k = 0; k < sizeof(heads) / sizeof(*heads); k++)
			if (!memcmp(m + 1, heads[k], strlen(heads[k])))
				return true;

	while (n && (m[n - 1] == ' ' || m[n - 1] == '\t'))
		n--;
	for (k = 0; k < sizeof(tails) / sizeof(*tails); k++)
		if (n > strlen(tails[k]) &&
		    !memcmp(m + n - strlen(tails[k]), tails[k], strlen(tails[k])))
			n -= strlen(tails[k]);
	return (n >= 7 && !memcmp(m + n - 7, "defined", 7) &&
		(n == 7 || m[n - 8] == ' ')) ||
	       (n >= 8 && !memcmp(m + n - 8, "declared", 8) &&
		(n == 8 || m[n - 9] == ' '));
}

/* Does m[0..n) open with a Python warning's class and its colon
 * ("FutureWarning: x", "DeprecationWarning: x", "UserWarning: x")? */
static bool python_warning(const char *m, size_t n)
{
	size_t k;

	for (k = 0; k < n && k < 40 && isalpha((unsigned char)m[k]); k++)
		;
	return k > 7 && k + 1 < n && m[k] == ':' && isupper((unsigned char)m[0]) &&
	       !memcmp(m + k - 7, "Warning", 7);
}

/* Does m[0..n) only say that something was declared or defined here,
 * in parentheses or not ("(operation 'x' declared here)", omniidl's
 * note under its error), or point at the first definition? Whatever its words' likeness says, a pointer. */
static bool declared_here(const char *m, size_t n)
{
	while (n && (m[n - 1] == ' ' || m[n - 1] == '.'))
		n--;
	if (n > 2 && m[0] == '(' && m[n - 1] == ')')
		n--;
	return (n > 14 && !memcmp(m + n - 14, " declared here", 14)) ||
	       (n > 13 && !memcmp(m + n - 13, " defined here", 13)) ||
	       /* cflow's "this is the place of previous definition" */
	       (n > 20 && !memcmp(m + n - 20, " previous definition", 20)) ||
	       (n > 21 && !memcmp(m + n - 21, " previous declaration", 21));
}

static size_t numbered_item(const char *l, size_t n, unsigned *num);
static bool general_status_row(struct scan *s, size_t i, const char *l,
			       size_t n, size_t k);
static bool general_boxed_row(struct scan *s, size_t i, const char *l, size_t n);
static const char *heading_kind(const char *h, size_t n);
static void item_words(struct scan *s, size_t i, struct buf *words);

/* If line j places line `line` of a path that ends in "/" *file, *file
 * becomes that path (the caller's string freed), line j is read. */
static void same_place_below(struct scan *s, size_t j, char **file, int line)
{
	struct cl_loc loc;
	const char *l;
	size_t n, fl = strlen(*file);

	l = line_view(s, j, &n);
	if (line_place(s, j, l, n, &loc) == CL_LOC_NONE || loc.line != line ||
	    loc.file_len <= fl + 1 || l[loc.file + loc.file_len - fl - 1] != '/' ||
	    memcmp(l + loc.file + loc.file_len - fl, *file, fl))
		return;
	free(*file);
	*file = xstrndup(l + loc.file, loc.file_len);
	s->used[j] |= L_FOLDED;
}

/* A test's mark at l[k] ("\u2713 ", "\u2718 "): +len for a pass mark
 * (check marks), -len for a fail mark (crosses), 0 for none. */
static int test_mark(const char *l, size_t n, size_t k)
{
	static const char *const pass[] = { "\xe2\x9c\x93", "\xe2\x9c\x94",
					    "\xe2\x88\x9a" };
	static const char *const fail[] = { "\xe2\x9c\x98", "\xe2\x9c\x97",
					    "\xe2\x9c\x96", "\xe2\x9c\x95",
					    "\xc3\x97" };
	size_t m, len;

	for (m = 0; m < sizeof(pass) / sizeof(*pass); m++) {
		len = strlen(pass[m]);
		if (k + len < n && !memcmp(l + k, pass[m], len) && l[k + len] == ' ')
			return (int)len;
	}
	for (m = 0; m < sizeof(fail) / sizeof(*fail); m++) {
		len = strlen(fail[m]);
		if (k + len < n && !memcmp(l + k, fail[m], len) && l[k + len] == ' ')
			return -(int)len;
	}
	return 0;
}

/* "\u2713  2 tests/a.spec.js:11:1 \u203a adds zero (12ms)", "\u2718  1 ...": a
 * runner's line for each test as it ends (Playwright's list reporter):
 * a mark, its number or not, the test's place and title. Nothing to
 * report there: a pass mark's test passed, and a fail mark's failure is
 * told in full below, where its place is named again with what failed
 * (one that is not stays a finding). */
enum { TOLD_BELOW = 1 << 20 };

static bool test_progress_told(struct scan *s, const char *l,
			       const struct cl_loc *loc)
{
	struct buf at = BUF_INIT;
	size_t k = 0, from;
	int mark;
	bool told;

	while (k < loc->file && (l[k] == ' ' || l[k] == '\t'))
		k++;
	if (k >= loc->file || !(mark = test_mark(l, loc->file, k)))
		return false;
	k += (size_t)(mark > 0 ? mark : -mark);
	while (k < loc->file && (l[k] == ' ' || (l[k] >= '0' && l[k] <= '9')))
		k++;
	/* the project it ran in: "[chromium] \u203a " */
	if (k < loc->file && l[k] == '[') {
		while (k < loc->file && l[k] != ']')
			k++;
		for (k++; k < loc->file && l[k] == ' '; k++)
			;
		if (k + 3 < loc->file && !memcmp(l + k, "\xe2\x80\xba ", 4))
			k += 4;
	}
	if (k != loc->file || loc->line <= 0)
		return false;
	if (mark > 0)
		return true;
	/* told again within the next TOLD_BELOW bytes: a run of thousands
	 * of tests asks this of each cross, so not of the whole log */
	from = s->start[s->cur + 1];
	buf_add(&at, l + loc->file, loc->file_len);
	buf_addf(&at, ":%d", loc->line);
	told = from < text_len(s) &&
	       memmem(s->text + from, text_len(s) - from < TOLD_BELOW ?
				      text_len(s) - from : TOLD_BELOW,
		      at.ptr, at.len) != NULL;
	buf_release(&at);
	return told;
}

/* Line i, a test's own place (a runner's numbered failure, "1)
 * tests/a.spec.js:7:1 \u203a adds \u2500\u2500\u2500", Playwright's; a BDD step):
 * does its report, the lines under it indented deeper, name a later line
 * of the same file (the frame where it failed, "at /w/tests/a.spec.js:
 * 8:21")? That place is the failure's; line i's only says which test. */
static bool fails_further_below(struct scan *s, size_t i, const char *file,
				size_t file_len, int line)
{
	struct cl_loc loc;
	const char *q, *f;
	size_t j, ind, k, ln, fl;

	q = line_view(s, i, &ln);
	for (ind = 0; ind < ln && q[ind] == ' '; ind++)
		;
	for (j = i + 1; j < s->nlines && j <= i + 2 * CL_AHEAD; j++) {
		q = line_view(s, j, &ln);
		for (k = 0; k < ln && (q[k] == ' ' || q[k] == '\t'); k++)
			;
		if (k == ln)
			continue;
		if (k <= ind)
			return false;
		if (line_place(s, j, q, ln, &loc) == CL_LOC_NONE ||
		    loc.line <= line || !loc.file_len)
			continue;
		f = q + loc.file;
		fl = loc.file_len;
		if (fl >= file_len && !memcmp(f + fl - file_len, file, file_len) &&
		    (fl == file_len || f[fl - file_len - 1] == '/'))
			return true;
	}
	return false;
}

/* Is loc's file the project's: no runtime's or dependency's, and one the
 * repository has when there is one to ask? */
static bool project_file(struct scan *s, const char *l, const struct cl_loc *loc)
{
	return !cl_foreign_path(l + loc->file, loc->file_len) &&
	       (!s->opts->file_exists || file_known(s, l, loc->file, loc->file_len));
}

/* A library's frame raising an error whose message opens with a place of
 * the project ("/usr/lib/ruby/gems/rbs/errors.rb:131:in `check!':
 * sig/calc.rbs:3:28...3:33: Could not find Strng", an uncaught exception
 * a tool raised about its input): that inner place, in *inner (offsets
 * into l); false if there is none. */
static bool inner_place(struct scan *s, const char *l,
			const struct cl_loc *loc, struct cl_loc *inner)
{
	const char *m = l + loc->msg, *q;
	size_t k = 0, len = loc->msg_len;

	if (!loc->file_len || len < 8 || !cl_may_place(m, len) ||
	    project_file(s, l, loc))
		return false;
	/* Ruby's method the frame is in: "in `check!': " */
	if (len > 4 && (!memcmp(m, "in `", 4) || !memcmp(m, "in '", 4)) &&
	    (q = cl_find(m, len, "': ", 3)))
		k = (size_t)(q - m) + 3;
	if (cl_loc_read(m + k, len - k, inner) != CL_LOC_INLINE ||
	    !inner->file_len || inner->line <= 0 || inner->pre_len)
		return false;
	inner->file += loc->msg + k;
	inner->msg += loc->msg + k;
	return project_file(s, l, inner);
}

/* Is m[0..n) only an exception's class, its package before it or not
 * ("java.lang.ArithmeticException", "ZeroDivisionError")? Gradle tells a
 * failed test's cause so, "java.lang.X at AppTest.java:18". */
static bool exception_class(const char *m, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (!is_alnum_byte(m[k]) && m[k] != '.' && m[k] != '_' && m[k] != '$')
			return false;
	return (n > 5 && !memcmp(m + n - 5, "Error", 5)) ||
	       (n > 9 && !memcmp(m + n - 9, "Exception", 9));
}

/* Does m[0..n) end pointing at a place ("The first occurrence of ID
 * “main” was here.", "previous definition is here", "first defined
 * here")? Told as a note, the other place of the problem above; an error's
 * own words may end so too ("The most recent un-matched '{' is here"). */
static bool points_back(const char *m, size_t n)
{
	while (n && (m[n - 1] == '.' || m[n - 1] == ' '))
		n--;
	return (n > 9 && !memcmp(m + n - 9, " was here", 9)) ||
	       (n > 8 && !memcmp(m + n - 8, " is here", 8)) ||
	       definition_pointer(m, n);
}

static bool restates_last(const struct scan *s, const char *m, size_t n);

/* "Error in a.conf line 4:" over the code it read up to that line, the
 * spot marked by a trailing "<--", and the message on the line after the
 * mark (ferm's): one finding at the place, in the message's words. With
 * no mark, the one line of code under the heading and a message after it
 * whose words name a kind (dpic's '*** dpic ERROR: file "a.pic" line 3:'
 * over "arrow right 1 +" over "Syntax error, unexpected end of line"). */
static bool marked_code_message(struct scan *s, const char *l, size_t n,
				const struct cl_loc *loc)
{
	struct cl_words w;
	struct cl_loc at;
	const char *q;
	size_t j, k, qn;
	bool marked = false;

	for (j = s->cur + 1; j < s->nlines && j <= s->cur + 12; j++) {
		if (s->used[j] & L_USED)
			return false;
		q = line_view(s, j, &qn);
		while (qn && (q[qn - 1] == ' ' || q[qn - 1] == '\t'))
			qn--;
		if (!qn)
			break;
		if (qn > 3 && !memcmp(q + qn - 3, "<--", 3)) {
			marked = true;
			break;
		}
	}
	/* unmarked, the heading ends at its line number, and the message
	 * is no heading of its own (checkbashisms' "possible bashism in
	 * a.sh line 4 (...):" over its code is one of a list) */
	if (!marked) {
		size_t hn = n;

		while (hn && (l[hn - 1] == ' ' || l[hn - 1] == '\t'))
			hn--;
		if (hn < 2 || l[hn - 1] != ':' || !isdigit((unsigned char)l[hn - 2]))
			return false;
		j = s->cur + 1;
	}
	if (j + 1 >= s->nlines || j > s->cur + 12 || (s->used[j + 1] & L_USED))
		return false;
	q = line_view(s, j, &qn);
	if (!marked && (!qn || line_place(s, j, q, qn, &at) != CL_LOC_NONE))
		return false;
	q = line_view(s, j + 1, &qn);
	if (!qn || q[0] == ' ' || q[0] == '\t' ||
	    line_place(s, j + 1, q, qn, &at) != CL_LOC_NONE)
		return false;
	cl_words_read(q, qn, &w);
	if (!marked && (!w.category || q[qn - 1] == ':'))
		return false;
	general_emit(s, xstrndup(l + loc->file, loc->file_len), loc->line,
		     loc->col, w.sev >= 0 ? w.sev : DIAG_ERROR, q + w.code,
		     w.code_len, q + w.text, qn - w.text,
		     w.category ? w.category : CAT_UNKNOWN);
	for (k = s->cur + 1; k <= j + 1; k++)
		s->used[k] |= L_FOLDED;
	return true;
}

/* Where the message starts in Ruby's frame words "in `method': msg"
 * (m[0..n), after a frame's place), or 0 if m is none. */
static size_t raised_in(const char *m, size_t n)
{
	const char *q;

	/* (the method told as Ruby tells it: "block (2 levels) in f",
	 * "<top (required)>") */
	if (n < 8 || (memcmp(m, "in `", 4) && memcmp(m, "in '", 4)) ||
	    !(q = cl_find(m + 4, n - 4 < 64 ? n - 4 : 64, "': ", 3)))
		return 0;
	return (size_t)(q - m) + 3;
}

/* m[0..n)'s length without the class of the exception it ends with
 * ("... never closed (Liquid::SyntaxError)"). */
static size_t class_stripped(const char *m, size_t n)
{
	size_t k = n;

	if (n < 4 || m[n - 1] != ')')
		return n;
	for (k = n - 1; k > 0 && m[k - 1] != '(' && m[k - 1] != ' '; k--)
		;
	return k > 1 && m[k - 1] == '(' && m[k - 2] == ' ' && m[k] >= 'A' &&
	       m[k] <= 'Z' ? k - 2 : n;
}

/* A located message ("a.c:3:5: error: x", "a.sh:3:1: SC2086 ...",
 * "a.pas(3,5) Error: x"). header: the last lone path line, for stylish
 * output that gives only line:col. */
/* Does the place loc read end line l[0..n) in parentheses, its line and
 * column told ("Reference to undefined rule 'x' (a.grammar 2:16)")? */
static bool paren_place_ends(const char *l, size_t n, const struct cl_loc *loc)
{
	while (n && (l[n - 1] == ' ' || l[n - 1] == '\r'))
		n--;
	return loc->file > 0 && l[loc->file - 1] == '(' && loc->line > 0 &&
	       loc->col > 0 && n && l[n - 1] == ')' &&
	       !memchr(l + loc->file, '(', n - loc->file);
}

/* Does the message m[0..n) go on the one above it: "error:  ... to
 * match this", after its severity? */
static bool continues_last(const char *m, size_t n)
{
	size_t k = 0;

	if (n > 7 && !strncasecmp(m, "error:", 6))
		k = 6;
	else if (n > 6 && !strncasecmp(m, "note:", 5))
		k = 5;
	while (k < n && m[k] == ' ')
		k++;
	return k + 4 < n && !memcmp(m + k, "... ", 4);
}

/* The first frame under line i (its trace: frames only, forty lines at
 * most) in a file the project has, into *p (its file the caller's). */
static bool project_frame_below(struct scan *s, size_t i, struct place *p)
{
	struct cl_loc fl;
	const char *f;
	size_t j, fn;

	bool framed = false;

	for (j = i + 1; j < s->nlines && j <= i + 40; j++) {
		enum cl_loc_kind k;

		f = line_view(s, j, &fn);
		k = cl_loc_read(f, fn, &fl);
		/* (the message's own lines before the trace: "--    degre
		 * (of class Symbol)") */
		if (k == CL_LOC_NONE && !framed && j <= i + 6 && fn)
			continue;
		if (k != CL_LOC_FRAME || !fl.file_len)
			return false;
		framed = true;
		if (file_known(s, f, fl.file, fl.file_len)) {
			p->file = xstrndup(f + fl.file, fl.file_len);
			p->line = fl.line;
			p->col = fl.col;
			p->at = j;
			return true;
		}
	}
	return false;
}

/* Is p[0..n) a program's path: in a bin, sbin or libexec folder, its
 * name with no extension ("/usr/bin/ld", ".../avr/bin/ld")? */
static bool program_path(const char *p, size_t n)
{
	const char *slash = memrchr(p, '/', n);
	size_t d;

	if (!slash || memchr(slash, '.', (size_t)(p + n - slash)))
		return false;
	d = (size_t)(slash - p);
	return (d >= 4 && !memcmp(slash - 4, "/bin", 4)) ||
	       (d >= 5 && !memcmp(slash - 5, "/sbin", 5)) ||
	       (d >= 8 && !memcmp(slash - 8, "/libexec", 8));
}

/* Is the placed line l[0..n) (the current one) a place the finding just
 * made points to: indented deeper than that finding's line, in the same
 * file, its words no severity and no kind, only code frames and blanks
 * between them (Wireit's "❌ package.json:8:5 Cycle detected in
 * dependencies of "build"." over the quoted lines and "    package.json:
 * 10:24 "build" points to "bundle"")? */
static bool points_of_last(struct scan *s, const char *l, size_t n,
			   const struct cl_loc *loc)
{
	const struct diag *d;
	struct cl_words w;
	const char *a;
	size_t k, ka, j, an, at;

	if (!s->nat || s->out->n <= s->first || !loc->file_len ||
	    !(n && (l[0] == ' ' || l[0] == '\t')))
		return false;
	d = &s->out->v[s->out->n - 1];
	at = s->at[s->nat - 1];
	/* (a finding with no line yet takes it from the frame under it:
	 * Ruby's "calc_test.rb:18:in `test_div'") */
	if (!d->file || d->line <= 0 || d->line == loc->line || at >= s->cur ||
	    s->cur - at > 16 ||
	    strlen(d->file) != loc->file_len ||
	    memcmp(d->file, l + loc->file, loc->file_len))
		return false;
	for (k = 0; k < n && (l[k] == ' ' || l[k] == '\t'); k++)
		;
	a = line_view(s, at, &an);
	for (ka = 0; ka < an && (a[ka] == ' ' || a[ka] == '\t'); ka++)
		;
	if (ka >= k)
		return false;
	for (j = at + 1; j < s->cur; j++) {
		const char *b = line_view(s, j, &an);
		struct cl_loc bl;

		if (an && !(s->used[j] & L_FOLDED) &&
		    cl_loc_read(b, an, &bl) != CL_LOC_NONE && bl.file_len)
			return false; /* another place between: a list (not
				       * one it points to too) */
	}
	cl_words_read(l + loc->msg, loc->msg_len, &w);
	return w.sev < 0 && !w.category;
}

/* Is line i (l[0..n)), its message m[0..mn) after its place, a frame of
 * a Lua traceback ("\tinit.lua:6: in main chunk", "\ta.lua:4: in
 * function 'setup'" under "stack traceback:", its frames between)? The
 * error over it says what went wrong. */
static bool lua_frame(const struct scan *s, size_t i, const char *l,
		      size_t n, const char *m, size_t mn)
{
	/* (Lua 5.1's "in function 'f'", 5.4's "in function <a.lua:3>") */
	static const char *const ins[] = { "in main chunk", "in function ",
		"in local ", "in upvalue ", "in method ", "in field ",
		"in ?" };
	const char *a;
	size_t k, an, j;
	bool in = false;

	if (!n || (l[0] != '\t' && l[0] != ' ') || mn < 4 || m[0] != 'i')
		return false;
	for (k = 0; k < sizeof(ins) / sizeof(*ins) && !in; k++)
		in = mn >= strlen(ins[k]) && !memcmp(m, ins[k], strlen(ins[k]));
	for (j = i; in && j-- > 0 && i - j <= 40;) {
		a = line_view(s, j, &an);
		if (an >= 16 && !memcmp(a, "stack traceback:", 16))
			return true;
		if (!an || (a[0] != '\t' && a[0] != ' '))
			return false;
	}
	return false;
}

static void general_inline(struct scan *s, const char *l, size_t n,
			   const struct cl_loc *loc, const char *hdr,
			   size_t hdr_len)
{
	struct cl_loc in;
	struct cl_words w, cw;
	const char *m = l + loc->msg;
	const char *above; /* the finding over a place that names its scope */
	const char *cat, *code;
	char *file;
	bool known, bare, place_only, ruled, tagged, paren;
	struct buf more = BUF_INIT, msg = BUF_INIT;
	size_t last = 0, text, text_len, end, after, back, more_text = 0;
	struct place p;
	int line, col;
	unsigned num;

	if (!hdr && (points_of_last(s, l, n, loc) ||
		     lua_frame(s, s->cur, l, n, m, loc->msg_len))) {
		s->used[s->cur] |= L_FOLDED;
		return;
	}
	/* "... to match this" (Macaulay2's, under "expected \")\""): the
	 * finding above goes on */
	if (!hdr && loc->file_len && s->out->n > s->first &&
	    continues_last(m, loc->msg_len)) {
		s->used[s->cur] |= L_FOLDED;
		return;
	}
	/* a program's path opening its message, no line: the linker's
	 * "/usr/lib/gcc/avr/5.4.0/../../../avr/bin/ld: region `text'
	 * overflowed by 1118 bytes" (a tool's name, no place) */
	if (!hdr && loc->file_len && loc->line <= 0 && l[loc->file] == '/' &&
	    program_path(l + loc->file, loc->file_len)) {
		cl_words_read(m, loc->msg_len, &w);
		if (w.category && !w.note)
			general_emit(s, NULL, 0, 0, w.sev >= 0 ? w.sev : DIAG_ERROR,
				     NULL, 0, m + w.text, loc->msg_len - w.text,
				     w.category);
		return;
	}
	if (!hdr && inner_place(s, l, loc, &in)) {
		general_inline(s, l, n, &in, NULL, 0);
		return;
	}
	/* a message, then where the tool's own code said it, outside the
	 * repository (Perl's die: "'x' is not a valid attribute name at
	 * /usr/share/perl5/Graph/Easy/Parser.pm line 1302."): the problem
	 * is the message's, its place in the input not told */
	if (!hdr && loc->file_len && loc->file > loc->msg + loc->msg_len &&
	    l[loc->file] == '/' && loc->line > 0 && s->opts->file_exists &&
	    cl_foreign_path(l + loc->file, loc->file_len)) {
		/* (no severity: Perl's die all the same, when its words
		 * name a cause: "' -> [ Ulm' not recognized by
		 * Graph::Easy::Parser at /usr/bin/graph-easy line 84.") */
		cl_words_read(m, loc->msg_len, &w);
		if (w.sev < 0) {
			if (s->opts->failed && w.category && !w.code_len &&
			    cause_category(w.category) &&
			    !restates_last(s, m, loc->msg_len))
				general_emit(s, NULL, 0, 0, DIAG_ERROR, NULL, 0,
					     m, loc->msg_len, w.category);
			return;
		}
		in = *loc;
		in.file = in.file_len = 0;
		in.line = in.col = 0;
		general_inline(s, l, n, &in, NULL, 0);
		return;
	}
	/* an exception a runtime's or a dependency's code raised and
	 * nobody caught (Ruby's "/usr/lib/ruby/3.1.0/psych.rb:455:in
	 * `parse': (<unknown>): did not find expected ',' ... at line 2
	 * column 14 (Psych::SyntaxError)" over its "\tfrom" frames): the
	 * place is the library's, the problem its input's. One the tool
	 * told above in its own words (Jekyll's "Liquid Exception: x in
	 * a.html") is that one; else it is placed only by its words ("at
	 * line 2 column 14": of an input it does not name). */
	if (!hdr && loc->file_len && l[loc->file] == '/' && loc->line > 0 &&
	    cl_foreign_path(l + loc->file, loc->file_len) &&
	    (text = raised_in(m, loc->msg_len))) {
		text_len = class_stripped(m + text, loc->msg_len - text);
		if (told_before(s, m + text, text_len))
			return;
		cl_words_read(m + text, text_len, &w);
		line = cl_line_in_words(m + text, text_len);
		col = line > 0 ? cl_col_in_words(m + text, text_len) : 0;
		if (w.category || s->opts->failed)
			general_emit(s, NULL, line > 0 ? line : 0, col > 0 ? col : 0,
				     DIAG_ERROR, NULL, 0, m + text, text_len,
				     w.category ? w.category : CAT_UNKNOWN);
		return;
	}
	/* an error raised in a library outside the repository, over a
	 * trace through it to the project's code (Macaulay2's
	 * "/usr/share/Macaulay2/Core/robust.m2:102:26:(1):[8]: error: no
	 * method for ..." over "gb.m2:4:7:(3):[7]: --back trace--"): at the
	 * project's first frame */
	if (!hdr && loc->file_len && l[loc->file] == '/' && loc->line > 0 &&
	    loc->file < loc->msg && s->opts->file_exists &&
	    cl_foreign_path(l + loc->file, loc->file_len) &&
	    project_frame_below(s, s->cur, &p)) {
		size_t j, jn;

		/* the message with its lines over the trace ("--  degre (of
		 * class Symbol)") */
		cl_words_read(m, loc->msg_len, &w);
		buf_add(&msg, m + w.text, loc->msg_len - w.text);
		for (j = s->cur + 1; j < p.at; j++) {
			const char *jl = line_view(s, j, &jn);

			while (jn && (jl[0] == '-' || jl[0] == ' '))
				jl++, jn--;
			buf_addch(&msg, ' ');
			buf_add(&msg, jl, jn);
			s->used[j] |= L_FOLDED;
		}
		cl_words_read(msg.ptr, msg.len, &cw);
		general_emit(s, p.file, p.line, p.col, w.sev >= 0 ? w.sev : DIAG_ERROR,
			     NULL, 0, msg.ptr, msg.len,
			     cw.category ? cw.category : CAT_UNKNOWN);
		buf_release(&msg);
		return;
	}
	/* OpenSSL's error queue ("../crypto/bio/bss_file.c:297: error:
	 * 80000002:system library::No such file or directory"): the place
	 * is in OpenSSL's source, the reason is the problem, and a step's
	 * "system lib" or "BIO lib" says only where it passed (the reader
	 * took its "error:" for a severity) */
	back = loc->msg >= 6 && !memcmp(m - 6, "error:", 6) ? 6 : 0;
	if (loc->file_len &&
	    (text = cl_openssl_reason(m - back, loc->msg_len + back))) {
		const char *queued = m - back, *reason = queued + text, *c;
		size_t qn = loc->msg_len + back, rn = qn - text;

		if ((c = memchr(reason, ':', rn)))
			rn = (size_t)(c - reason);
		cl_words_read(queued, qn, &w);
		if (rn > 4 && memcmp(reason + rn - 4, " lib", 4) &&
		    !restates_last(s, queued, qn))
			general_emit(s, NULL, 0, 0, DIAG_ERROR, NULL, 0, queued,
				     qn, w.category ? w.category : CAT_UNKNOWN);
		return;
	}
	if (loc->file_len && line_seen(s, l, n))
		return;
	if (loc->file_len && n && l[n - 1] == ':' &&
	    marked_code_message(s, l, n, loc))
		return;
	if (duration_only(m, loc->msg_len))
		return; /* a step's place and its time */
	if (loc->file_len && test_progress_told(s, l, loc))
		return;
	if (loc->file_len && numbered_item(l, n, &num) &&
	    fails_further_below(s, s->cur, l + loc->file, loc->file_len, loc->line))
		return; /* the test's own place: its frame below tells it */
	if (step_listing(s, l, n, loc))
		return;
	if (progress_note(m, loc->msg_len))
		return; /* "configure.ac:3: installing './compile'" */
	/* "┃       lib/a.ex:306 #(A.f)" under "┃ [F] ↗ Avoid negated
	 * conditions.": the place names the scope it is in; what is wrong
	 * is the line above, a checker's finding unless its words say more */
	if (!hdr && loc->file_len && loc->msg > loc->file && s->cur > 0 &&
	    scope_only(m, loc->msg_len) &&
	    file_known(s, l, loc->file, loc->file_len) &&
	    message_over_place(s, s->cur - 1, &above, &text_len)) {
		cl_words_read(above, text_len, &w);
		if (!w.note) {
			s->used[s->cur - 1] |= L_FOLDED;
			general_emit(s, xstrndup(l + loc->file, loc->file_len),
				     loc->line, loc->col,
				     w.sev >= 0 ? w.sev : DIAG_ERROR, above + w.code,
				     w.code_len, above + w.text, text_len - w.text,
				     w.category ? w.category : CAT_LINT_VIOLATION);
			return;
		}
	}
	cl_words_read(m, loc->msg_len, &w);
	/* "AppArmor parser error for a in profile a at line 5: Invalid
	 * capability x": the tool's name for all its errors, the place in
	 * words, then what is wrong: the words after the place say it */
	if (loc->file_len && l + loc->file > m &&
	    (after = after_line_in_words(m, loc->msg_len)) < loc->msg_len) {
		struct cl_words tw;

		cl_words_read(m + after, loc->msg_len - after, &tw);
		/* (none: the kind other tools' messages in those words were) */
		if (!tw.category && !tw.code_len)
			tw.category = cl_learned_category(s->db->learned,
							  m + after,
							  loc->msg_len - after);
		if (tw.category && w.category && tw.category != w.category &&
		    cl_cat_is(w.category, CAT_SYNTAX_ERROR))
			w.category = tw.category;
	}
	w.category = symbol_at_line(w.category, loc->line, m, loc->msg_len);
	/* "found   : number" and "required: string" under it: two types that
	 * do not agree (Closure Compiler's, scalac's, older javac's) */
	if ((!w.category || cl_cat_is(w.category, CAT_UNKNOWN)) &&
	    found_required(s, s->cur + 1))
		w.category = CAT_TYPE_ERROR;
	/* a runner's numbered failure at its place, "1) HelperTest.pm:8 -
	 * test_helper(HelperTest)", its cause told under it ("Undefined
	 * subroutine &HelperTest::missing_helper called"); a value that
	 * differs ("expected 5, got -1") stays the test's failure */
	if (!w.category && s->cur + 1 < s->nlines && numbered_item(l, n, &num)) {
		struct buf iw = BUF_INIT;
		struct cl_words uw;

		item_words(s, s->cur, &iw);
		cl_words_read(iw.ptr ? iw.ptr : "", iw.len, &uw);
		if (uw.category && !cl_cat_is(uw.category, CAT_TYPE_ERROR) &&
		    cause_category(uw.category))
			w.category = uw.category;
		buf_release(&iw);
	}
	/* a Ruby stack's deeper steps ("a.rb:9:in `block in <top>'" under
	 * "a.rb:10:in `x': msg"): the stack's first frame is the failure */
	if (!w.category && w.sev < 0 && ruby_frame(m, loc->msg_len) &&
	    s->cur > 0 && ruby_frame_line(s, s->cur - 1))
		return;
	/* "a.build:3:1: error in function executable()" under the error
	 * it happened in: where, not a problem of its own */
	if (!w.category && w.text + 12 < loc->msg_len &&
	    !memcmp(m + w.text, "in function ", 12) && s->out->n > s->first &&
	    s->out->v[s->out->n - 1].line == loc->line)
		return;
	/* a name at a place, nothing said of it, in the closing list */
	if (w.sev < 0 && !w.category && !w.code_len && s->out->n > s->first &&
	    failure_summary(s, s->cur))
		return; /* told above */
	/* "a.po:2: ...this is the location of the first definition": the
	 * message above, continued */
	if (w.note || cl_summary(m, loc->msg_len, !lacks(s, s->cur, CL_T_SUMMARY)) ||
	    (loc->msg_len > 3 && !memcmp(m, "...", 3)) ||
	    (points_back(m, loc->msg_len) && w.sev == DIAG_NOTE))
		return;
	/* "/usr/lib/python3.11/x.py:126: in f", "(fn)": a frame in the
	 * runtime's or a dependency's code is a step of a stack, never the
	 * failure */
	if (w.sev < 0 && !w.code_len && !w.category && loc->file_len &&
	    cl_foreign_path(l + loc->file, loc->file_len) &&
	    (frame_function(m, loc->msg_len) ||
	     (loc->msg_len > 3 && !memcmp(m, "in ", 3) &&
	      !memchr(m + 3, ' ', loc->msg_len - 3))))
		return;
	/* "/usr/lib/python3/dist-packages/x/y.py:4530: FutureWarning: msg":
	 * a warning Python raised in a dependency's code (its place is
	 * where the library calls the deprecated thing), no finding of the
	 * project's */
	if (loc->file_len && cl_foreign_path(l + loc->file, loc->file_len) &&
	    python_warning(m, loc->msg_len))
		return;
	code = m + w.code;
	if (w.sev < 0 && loc->pre_len)
		w.sev = cl_prefix_sev(l + loc->pre, loc->pre_len);
	/* "ninja: error: a.x:4: msg": a severity among the prefix's words */
	if (w.sev < 0 && loc->pre_len)
		w.sev = cl_sev_among(l + loc->pre, loc->pre_len);
	/* "step defined at a.feature line 10.", "x declared here": where
	 * something named above is defined, told with nothing wrong said
	 * (whatever severity the tool gives every line: aidl's "ERROR:
	 * a.aidl:4.9-13: previously defined here.") */
	if (!w.code_len && (declared_here(m, loc->msg_len) ||
	    (w.sev < 0 && !w.category && (definition_pointer(m, loc->msg_len) ||
			      (loc->pre_len && definition_pointer(l + loc->pre,
								  loc->pre_len))))))
		return;
	/* "SyntaxError: a.js: msg (3:2)": an error's name before the place
	 * says what it is when the message does not */
	if (!w.category && loc->pre_len) {
		struct cl_words pw;
		const char *pre = l + loc->pre;
		size_t k;

		cl_words_read(pre, loc->pre_len, &pw);
		/* a tool's own name for a parser's error, in one CamelCase
		 * word ("SvgoParserError"): the words its capitals start */
		for (k = 1; !pw.category && k + 5 < loc->pre_len &&
			    pre[k] != ' '; k++)
			if (pre[k] >= 'A' && pre[k] <= 'Z')
				cl_words_read(pre + k, loc->pre_len - k, &pw);
		if (pw.category && !cl_cat_is(pw.category, CAT_LINT_VIOLATION))
			w.category = pw.category;
	}
	/* one letter for a severity (rubocop's and pylint's "C:", "W:",
	 * kotlinc's "e: ", "w: ", "i: ") */
	if (w.sev < 0 && loc->pre_len && strchr("CWRIEFewi", l[loc->pre]) &&
	    (loc->pre_len == 1 || (loc->pre_len <= 3 && l[loc->pre + 1] == ':' &&
				   (loc->pre_len == 2 || l[loc->pre + 2] == ' '))))
		w.sev = strchr("EFe", l[loc->pre]) ? DIAG_ERROR :
			strchr("Ii", l[loc->pre]) ? DIAG_NOTE : DIAG_WARNING;
	known = loc->file_len ? file_known(s, l, loc->file, loc->file_len) :
		hdr != NULL;
	/* no file: only a stylish header's, or a message that says what it
	 * is (tidy's "line 6 column 6 - Warning: x") */
	if (!loc->file_len && !hdr && w.sev < 0)
		return;
	text = w.text < loc->msg_len ? w.text : 0;
	text_len = w.text < loc->msg_len ? loc->msg_len - w.text : loc->msg_len;
	/* "X Error at a:3 (fn):" tells its message on the lines under it */
	bare = text_len < 3 || w.text >= loc->msg_len || m[loc->msg_len - 1] == ':';
	/* the message proper is the place alone: a header, its words in
	 * the paragraph under it */
	place_only = !w.category && !w.code_len && loc->file_len &&
		     ((m + text == l + loc->file && !memchr(m + text, ' ', text_len)) ||
		      /* or where in the document: "at #/paths/~1a/get"
		       * (Redocly's, a JSON pointer) */
		      (text_len > 5 && !memcmp(m + text, "at #/", 5) &&
		       !memchr(m + text + 3, ' ', text_len - 3)));
	/* "Template render error: (views/a.njk) [Line 4, Column 4]" over
	 * "  unknown block tag: endfro" (nunjucks'): after the label, only
	 * the place; what went wrong is under it */
	paren = loc->file_len && loc->file > 0 && l[loc->file - 1] == '(' &&
		cl_paren_place_only(l + loc->file - 1, n - loc->file + 1);
	if (paren)
		place_only = bare = true;
	/* a heading ruled off to the line's end ("── Error ('a.R:14'): t
	 * ─────", testthat's; a box-drawn or dashed banner over a report):
	 * what went wrong is the line under it */
	end = rule_start(m + text, text_len);
	ruled = end < text_len;
	text_len = end; /* the rule is decoration, not words */
	/* "a.js:1:1 lint/style/useConst  FIXABLE  \u2501\u2501\u2501", "a.js:3:11
	 * parse  \u2501\u2501\u2501" (Biome): a rule or a label over the message,
	 * the paragraph under it */
	tagged = ruled && one_word(m + text, text_len);
	if ((bare || !w.code_len || (!w.category && w.sev < 0)) &&
	    (continuation(s, s->cur, &more, &last) ||
	     (bare && loc->msg_len && m[loc->msg_len - 1] == ':' &&
	      announced(s, s->cur + 1, &more)) ||
	     /* a severity alone ("a_test.cc:5: Failure", googletest's):
	      * the line under it and what it indents say what failed
	      * ("Expected equality of these values:" over "  add(1, 2)") */
	     (bare && w.sev >= 0 && w.text >= loc->msg_len &&
	      announced(s, s->cur + 1, &more) &&
	      (continuation(s, s->cur + 1, &more, &last), true)) ||
	     (paren && announced(s, s->cur + 1, &more)) ||
	     (place_only && (bare = true) &&
	      announced(s, paragraph_below(s, s->cur), &more)) ||
	     (ruled && !w.category && (bare = true) &&
	      announced(s, s->cur + 1, &more)))) {
		cl_words_read(more.ptr, more.len, &cw);
		more_text = cw.code_len ? 0 : cw.text;
		/* "XPST0081: XPath syntax error at char 11 ...:" over
		 * "Undeclared namespace prefix {x}" (Saxon's): the innermost
		 * line says what the syntax error was */
		if (last && cw.category && cl_cat_is(cw.category, CAT_SYNTAX_ERROR)) {
			struct cl_words lw;

			cl_words_read(more.ptr + last, more.len - last, &lw);
			if (lw.category && cause_category(lw.category))
				cw.category = lw.category;
		}
		if (!w.category && (bare || (w.sev < 0 && !w.code_len)))
			w.category = cw.category;
		/* "Syntax error on line 9 of a.conf:" over "Invalid command
		 * 'X'": the heading places it, the message says what it is */
		else if (bare && cw.category && cl_place_heading(m, loc->msg_len))
			w.category = cw.category;
		/* a message wrapped onto the lines under it ("the function 'f'
		 * is not known to be" over "    defined.", Dialyzer's "The call
		 * m:f" over its reasons): its words read whole */
		if (!w.category && !bare && !w.code_len && cw.category)
			w.category = cw.category;
		if (!w.category && !bare && !w.code_len && text_len) {
			struct buf whole = BUF_INIT;
			struct cl_words ww;

			buf_add(&whole, m + text, text_len);
			buf_addch(&whole, ' ');
			buf_add(&whole, more.ptr, more.len);
			cl_words_read(whole.ptr, whole.len, &ww);
			w.category = ww.category;
			buf_release(&whole);
		}
		/* "p.py:1 at module level:" over "    D100: Missing ...": the
		 * lines under it say what it is */
		if (bare && !w.code_len && cw.code_len) {
			code = more.ptr + cw.code;
			w.code_len = cw.code_len;
		}
		if (bare && w.sev < 0)
			w.sev = cw.sev;
		if (!w.code_len) {
			memset(&cw, 0, sizeof(cw));
			cl_trailing_code(more.ptr + last, more.len - last, &cw);
			if (cw.code_len) {
				code = more.ptr + last + cw.code;
				w.code_len = cw.code_len;
			}
		}
		if (bare || tagged) {
			size_t tl = tagged ? 0 : text_len;

			if (tl && m[text + tl - 1] == ':')
				tl--;
			if (!place_only)
				buf_add(&msg, m + text, tl);
			if (msg.len)
				buf_adds(&msg, ": ");
			/* (under a place alone, its own severity is no
			 * part of the message: "Error: filter not found") */
			if (paren && more_text < more.len)
				buf_add(&msg, more.ptr + more_text, more.len - more_text);
			else
				buf_add(&msg, more.ptr, more.len);
		}
	}
	/* "app.py:7:    print(x)" under pre-commit's "- hook id: no-print":
	 * a line a pattern hook matched, quoted as grep -n quotes it; the
	 * hook is a check, and the quoted source says nothing of what it
	 * found ("# TODO: check types" is no type error) */
	if (w.sev < 0 && !w.code_len && quoted_after_place(l, n, loc) &&
	    in_hook_report(s, s->cur))
		w.category = CAT_LINT_VIOLATION;
	/* "a_test.x:5: (test)" under "stacktrace:": a frame naming its
	 * function; what failed is said by the lines above it ("Assertion
	 * with == failed") */
	if (!w.category && w.sev < 0 && !w.code_len &&
	    (frame_function(m, loc->msg_len) || ruby_frame(m, loc->msg_len)))
		w.category = words_above(s, s->cur);
	/* "runtime error: file a.xsl line 4 ...": a few words naming a
	 * severity before the place; what went wrong is said above it */
	if (!w.category && w.sev < 0 && !w.code_len && loc->msg < loc->file &&
	    few_words(m, loc->msg_len) &&
	    (w.sev = cl_sev_among(m, loc->msg_len)) == DIAG_ERROR)
		w.category = words_above(s, s->cur);
	/* "AddTest#test_adds [test/a.rb:9]:" under minitest's "1) Failure:",
	 * "a.rb:9:in `test_add'" under Test::Unit's "Failure: test_add(T)":
	 * the place of the test a runner's failure label heads */
	if (!w.category && w.sev < 0 && !w.code_len &&
	    under_failure_label(s, s->cur))
		w.category = CAT_TEST_FAILURE;
	/* "possible bashism in a.sh line 9 (echo -e):" after findings told
	 * in the same words before their place: one more of the list
	 * (checkbashisms, "Use of uninitialized value in x at a.pl line 3",
	 * Tcl's and lint's "warning text in FILE line N") */
	if (w.sev < 0 && !w.code_len && !w.category && loc->file_len &&
	    loc->msg < loc->file)
		w.category = words_of_last(s, m, (size_t)(l + loc->file - m));
	/* "java.lang.ArithmeticException at AppTest.java:18": an error
	 * the code raised, named by its class (a test run's failure, once
	 * test_run_pass sees the run's verdict) */
	if (!w.category && w.sev < 0 && !w.code_len && loc->msg < loc->file &&
	    exception_class(m + text, text_len)) {
		code = m + text;
		w.code_len = text_len;
		w.sev = DIAG_ERROR;
		w.category = CAT_UNKNOWN;
	}
	/* "Missing requirements:" over "a.py:3 dist=x module=x": the
	 * heading says what the row is, and is its message's first words */
	if (!w.category && w.sev < 0 && !w.code_len && loc->file_len && known) {
		const char *hw;
		size_t hl;
		int hs;

		if ((w.category = heading_words(s, s->cur, &hs, &hw, &hl)) &&
		    !msg.len) {
			w.sev = hs;
			buf_add(&msg, hw, hl);
			buf_adds(&msg, ": ");
			buf_add(&msg, m + text, text_len);
		}
	}
	/* "Typescript → TypeScript \t ./README.md:3:12" (case-police's): a
	 * word and the one it should be, a checker's finding */
	if (w.sev < 0 && !w.code_len && !w.category && loc->msg < loc->file &&
	    replacement_only(m + text, text_len))
		w.category = CAT_LINT_VIOLATION;
	/* Shape alone is weak evidence: the message must say what it is, or
	 * the file must be the project's. */
	if (w.sev < 0 && !w.code_len && !w.category &&
	    (!known || (loc->msg < loc->file && !paren_place_ends(l, n, loc))))
		goto out; /* "test at a.mjs:3:1": a place the message ends on
			   * says nothing of itself (in parentheses with its
			   * column, lezer-generator's "msg (a.grammar 2:16)",
			   * it is a report's shape) */
	/* a check's name alone ("W: org.example.Demo:7: spdx-license-
	 * unknown") says what it is only at a file the project has */
	if (w.lead_check && !w.category && !known && s->opts->file_exists)
		goto out;
	if (!w.code_len && !w.category && w.sev < 0 && loc->msg_len < 3)
		goto out;
	/* "syntax error in a/control at line 4: line with unknown format"
	 * (dpkg's): the tool calls it a syntax error before the place, and
	 * the detail after it, a value's kind, is what the text's form
	 * broke (not so a cause a wrapper's "parse error in" names:
	 * Kamailio's "failed to load module") */
	if (w.category && cl_cat_is(w.category, CAT_TYPE_ERROR) && loc->file_len &&
	    loc->file > 16 &&
	    cl_find(l, loc->file, "syntax error in ", 16))
		w.category = CAT_SYNTAX_ERROR;
	/* its kind told under it ("Error loading /w/a.lisp at line 5" over
	 * "... condition of type UNDEFINED-FUNCTION", ABCL's) */
	if (!w.category && !w.code_len && w.sev != DIAG_WARNING &&
	    w.sev != DIAG_NOTE && loc->file_len && loc->line > 0) {
		struct buf under = BUF_INIT;

		if ((w.category = kind_under(s, s->cur, m + text, text_len,
					     &under))) {
			if (!msg.len)
				buf_add(&msg, m + text, text_len);
			buf_add(&msg, under.ptr, under.len);
		}
		buf_release(&under);
	}
	cat = w.category ? w.category :
	      w.code_len || w.sev == DIAG_WARNING || w.sev == DIAG_NOTE ?
	      CAT_LINT_VIOLATION : CAT_UNKNOWN;
	if (!w.category && !w.code_len && w.sev == DIAG_ERROR &&
	    uncoded_rust_error(l + loc->file, loc->file_len))
		cat = CAT_LINT_VIOLATION;
	/* a shell's "command not found" at a line of the project's own
	 * script: a name the script calls that nothing defines (a helper,
	 * a function); from the runner's own shell ("sh: 1: x: not found")
	 * it stays a tool that is not installed */
	if (known && loc->file_len && cl_cat_is(cat, CAT_MISSING_DEPENDENCY) &&
	    cl_find(m, loc->msg_len, "command not found", 17))
		cat = CAT_UNDEFINED_SYMBOL;
	file = loc->file_len ? xstrndup(l + loc->file, loc->file_len) :
	       hdr ? xstrndup(hdr, hdr_len) : NULL;
	line = loc->line;
	col = loc->col;
	/* "ERROR in (t) (NumberFormatException.java:67)": a failure placed
	 * in a file the repository lacks (the runtime's), its trace under
	 * it naming the project's frame (clojure.test, a JVM test runner's
	 * "at" lines, Python's frames): there; any finding in such a file
	 * when the place under it names the same line */
	if (loc->file_len && !known && s->opts->file_exists &&
	    headline_place(s, s->cur, -1, &p)) {
		if (cl_cat_is(cat, CAT_TEST_FAILURE) || cl_cat_is(cat, CAT_UNKNOWN) ||
		    (line > 0 && p.line == line)) {
			free(file);
			file = p.file;
			line = p.line;
			col = p.col;
			s->used[p.at] |= L_FOLDED;
		} else {
			free(p.file);
		}
	}
	/* the same place told again under it in full ("src/main.js (1:9):
	 * msg" over "file: /w/app/src/main.js:1:9", vite's, relative to a
	 * root that need not be the repository's): the full one */
	if (file && line > 0 && s->cur + 1 < s->nlines)
		same_place_below(s, s->cur + 1, &file, line);
	if (w.sev < 0 && !w.code_len && !w.category &&
	    general_at(s, file, loc->line, loc->col)) {
		free(file);
		goto out;
	}
	/* "rspec ./spec/a_spec.rb:4 # adds": a command that runs again a
	 * failure told above, saying nothing of itself */
	if (w.sev < 0 && !w.code_len && !w.category && loc->pre_len &&
	    loc->pre == 0 && command_word(l, loc->pre_len) && s->out->n > s->first) {
		free(file);
		goto out;
	}
	/* the same words at the same line, placed in a file the project
	 * lacks: the recap of a failure told above */
	if (!known && line > 0 && !msg.len && said_at_line(s, line, m + text, text_len)) {
		free(file);
		goto out;
	}
	if (msg.len)
		general_emit(s, file, line, col, w.sev, code,
			     w.code_len, msg.ptr, msg.len, cat);
	else
		general_emit(s, file, line, col, w.sev, code,
			     w.code_len, m + text, text_len, cat);
out:
	buf_release(&more);
	buf_release(&msg);
}

static bool code_offset(const char *m, size_t n);

/* A JVM frame of the runtime's or a test framework's own code, its file
 * told bare ("at org.testng.Assert.fail(Assert.java:94)", "at java.base/
 * jdk.internal...", or with no "at"): never the project's, even with no
 * repository to ask. l[0..file) is the frame up to its file. */
static bool jvm_runtime_frame(const char *l, size_t file)
{
	static const char *const pkgs[] = {
		"java.", "javax.", "jdk.", "sun.", "org.junit.", "org.testng.",
		"junit.", "kotlin.", "kotlinx.", "scala.", "org.apache.maven.",
		"org.gradle.", "org.opentest4j.", "org.assertj.", "org.hamcrest.",
	};
	const char *at, *slash;
	size_t k, len, rest;

	if (file < 5 || l[file - 1] != '(')
		return false;
	/* "at pkg.C.m(", or told without "at" (JUnit 5's launcher) */
	if ((at = memmem(l, file, "at ", 3)))
		at += 3;
	else
		for (at = l; at < l + file && (*at == ' ' || *at == '\t'); at++)
			;
	/* a module before the class: "java.base/jdk.internal.x", or a class
	 * loader's name (Gradle's "app//org.junit.x") */
	if ((slash = memrchr(at, '/', (size_t)(l + file - at))))
		at = slash + 1;
	rest = (size_t)(l + file - at);
	for (k = 0; k < sizeof(pkgs) / sizeof(*pkgs); k++) {
		len = strlen(pkgs[k]);
		if (rest > len && !memcmp(at, pkgs[k], len))
			return true;
	}
	return false;
}

/* "Emergency stop." and " ==> Fatal error occurred, no output PDF file
 * produced!" after a place: TeX stopping at the error told above, no
 * finding of their own. */
static bool tex_stop(const char *m, size_t n)
{
	while (n && m[0] == ' ')
		m++, n--;
	return (n == 15 && !memcmp(m, "Emergency stop.", 15)) ||
	       (n > 26 && !memcmp(m, "==> Fatal error occurred", 24));
}

/* Is the message of loc, read off l, only a severity said before the
 * place (" Error at a.gri:2", Gri's, under the report it closes)? Then
 * the place is that report's, as a frame's would be. */
static bool sev_at_trailer(const char *l, const struct cl_loc *loc)
{
	size_t k;

	if (loc->msg > loc->file || loc->msg_len < 4 || loc->msg_len > 8)
		return false;
	for (k = 0; k < loc->msg_len; k++)
		if ((l[loc->msg + k] | 0x20) < 'a' || (l[loc->msg + k] | 0x20) > 'z')
			return false;
	return cl_prefix_sev(l + loc->msg, loc->msg_len) >= 0;
}

/* Is l[0..n) nothing but the place loc read, a file of the repository's
 * and its line told in words ("  indent.slim, Line 4, Column 4" under
 * Slim's "Slim::Parser::SyntaxError: Malformed indentation")? */
static bool place_told_alone(const char *l, size_t n, const struct cl_loc *loc)
{
	static const char *const words[] = { "line", "column", "col", "char",
					     "at", "in", "on", "of", "row",
					     "pos", "position" };
	size_t i = 0, e, w;

	if (loc->line <= 0)
		return false;
	while (i < n) {
		if (i == loc->file && loc->file_len) {
			i += loc->file_len;
			continue;
		}
		if (!isalpha((unsigned char)l[i])) {
			if (!strchr(" \t,:;.()'\"0123456789", l[i]))
				return false;
			i++;
			continue;
		}
		for (e = i; e < n && isalpha((unsigned char)l[e]); e++)
			;
		for (w = 0; w < sizeof(words) / sizeof(*words); w++)
			if (strlen(words[w]) == e - i &&
			    !strncasecmp(l + i, words[w], e - i))
				break;
		if (w == sizeof(words) / sizeof(*words))
			return false;
		i = e;
	}
	return true;
}

/* The place of line j as a frame or lone place, if it is one worth
 * taking; strong when the repository has the file. */
static bool place_of(struct scan *s, size_t j, struct place *p, bool *strong,
		     bool alone_only)
{
	struct cl_loc loc;
	const char *l;
	size_t n;
	enum cl_loc_kind k;

	l = line_view(s, j, &n);
	memset(&loc, 0, sizeof(loc));
	k = line_place(s, j, l, n, &loc);
	/* "a.zig:6:5: 0x211b4e in test.adds (test)": a frame by its message;
	 * "./a.tex:6: Emergency stop.": where TeX stopped, the error's place */
	if (k == CL_LOC_INLINE && (code_offset(l + loc.msg, loc.msg_len) ||
				   tex_stop(l + loc.msg, loc.msg_len) ||
				   sev_at_trailer(l, &loc)))
		k = CL_LOC_FRAME;
	/* "file: /src/a.js" (vite): the file alone, no digit to gate on */
	if (k == CL_LOC_NONE && !alone_only && cl_file_label(l, n, &loc))
		k = CL_LOC_FRAME;
	if (k == CL_LOC_NONE && !alone_only && cl_path_line(l, n)) {
		/* rollup: the file alone on the line under the error */
		loc.kind = k = CL_LOC_ALONE;
		loc.file_len = n;
		while (loc.file_len && (l[loc.file_len - 1] == ' ' ||
					l[loc.file_len - 1] == '\t'))
			loc.file_len--;
	}
	/* a place in the words of no reader above, alone on its line */
	if (k == CL_LOC_NONE && s->opts->file_exists && n > 4 &&
	    memchr(l, '.', n) &&
	    cl_loose_place(l, n, known_file, s, &loc) != CL_LOC_NONE &&
	    place_told_alone(l, n, &loc))
		k = CL_LOC_ALONE;
	if (k != CL_LOC_FRAME && k != CL_LOC_ALONE)
		return false;
	if (alone_only && k != CL_LOC_ALONE)
		return false;
	if (cl_foreign_path(l + loc.file, loc.file_len) ||
	    (k == CL_LOC_FRAME && jvm_runtime_frame(l, loc.file)))
		return false;
	*strong = file_known(s, l, loc.file, loc.file_len);
	/* an OCaml backtrace's step in a library's file ('Raised at
	 * Alcotest_engine__Test.check in file "src/alcotest-engine/test.ml"'):
	 * the framework's, not the project's */
	if (k == CL_LOC_FRAME && !*strong && s->opts->file_exists &&
	    cl_ocaml_step(l, n))
		return false;
	p->file = xstrndup(l + loc.file, loc.file_len);
	p->line = loc.line;
	p->col = loc.col;
	p->at = j;
	return true;
}

/* Where the TAP YAML block opening right under line i ends ("not ok 2"
 * over "  ---" ... "  ...": node-tap, tape, node:test, QUnit,
 * TAP::Harness), however long the values it quotes; 0 if none opens. */
static size_t yaml_block_end(struct scan *s, size_t i)
{
	size_t j, n, k;
	const char *l;

	if (i + 1 >= s->nlines)
		return 0;
	l = line_view(s, i + 1, &n);
	for (k = 0; k < n && l[k] == ' '; k++)
		;
	if (n - k != 3 || memcmp(l + k, "---", 3))
		return 0;
	for (j = i + 2; j < s->nlines && j <= i + 256; j++) {
		l = line_view(s, j, &n);
		for (k = 0; k < n && l[k] == ' '; k++)
			;
		if (n - k == 3 && !memcmp(l + k, "...", 3))
			return j;
	}
	return 0;
}

/* "expected RuntimeError, got #<ArgumentError: x> with backtrace:"
 * (RSpec's raise_error): is line j one of the frames indented under such
 * a line, the other exception's and not where the expectation failed?
 * *nested: the indent of the last such line (0: none), kept by the
 * caller over the lines it walks down. */
static bool other_trace(struct scan *s, size_t j, size_t *nested)
{
	const char *l;
	size_t n, k;

	l = line_view(s, j, &n);
	for (k = 0; k < n && l[k] == ' '; k++)
		;
	if (*nested && k > *nested && k < n)
		return true;
	*nested = n > k + 15 && !memcmp(l + n - 15, "with backtrace:", 15) ? k : 0;
	return false;
}

/* The offset in l[0..n) past its indent and a box's side ("   \u2502 "). */
static size_t box_text(const char *l, size_t n)
{
	size_t k = 0;

	while (k < n && (l[k] == ' ' || l[k] == '\t'))
		k++;
	if (k + 2 < n && !memcmp(l + k, "\xe2\x94\x82", 3))
		for (k += 3; k < n && (l[k] == ' ' || l[k] == '\t'); k++)
			;
	return k;
}

/* Does a test's verdict ("\u2718 Applies coupon", a check mark's or a
 * cross) open a line between lines a and b? Then a place alone at a is
 * another test's, not that of a report at b. */
static bool test_between(struct scan *s, size_t a, size_t b)
{
	const char *l;
	size_t n, j, k;

	for (j = a + 1; j < b; j++) {
		l = line_view(s, j, &n);
		for (k = 0; k < n && l[k] == ' '; k++)
			;
		if (test_mark(l, n, k))
			return true;
	}
	return false;
}

/* "tests/CartTest.php:13" alone, closing the box under "\u2718 Sums
 * prices" whose lines above it say what failed ("\u2502 Failed asserting
 * that 6.0 is identical to 7.0.", PHPUnit's testdox): that test's
 * failure, at its place. Read at line i, the place alone (loc). */
static bool test_box_place(struct scan *s, size_t i, const struct cl_loc *loc)
{
	struct buf msg = BUF_INIT;
	struct cl_words w;
	const char *l;
	size_t n, j, k, top = i;

	/* nothing more in the box under it */
	for (j = i + 1; j < s->nlines && j <= i + 2; j++) {
		l = line_view(s, j, &n);
		k = box_text(l, n);
		if (k < n && !test_mark(l, n, k))
			return false;
	}
	/* up the box to the failed test's verdict */
	for (j = i; j-- > 0 && i - j <= 8;) {
		int mark;

		l = line_view(s, j, &n);
		k = box_text(l, n);
		if (k < n && (mark = test_mark(l, n, k))) {
			if (mark < 0)
				top = j;
			break;
		}
	}
	if (top == i)
		return false;
	for (j = top + 1; j < i; j++) {
		l = line_view(s, j, &n);
		k = box_text(l, n);
		if (k == n || (s->used[j] & L_USED))
			continue;
		if (msg.len)
			buf_addch(&msg, ' ');
		buf_add(&msg, l + k, n - k);
		s->used[j] |= L_FOLDED;
	}
	if (!msg.len)
		return false;
	cl_words_read(msg.ptr, msg.len, &w);
	general_emit(s, xstrndup(line_view(s, i, &n) + loc->file, loc->file_len),
		     loc->line, loc->col, DIAG_ERROR, NULL, 0, msg.ptr, msg.len,
		     w.category && !cl_cat_is(w.category, CAT_LINT_VIOLATION) ?
		     w.category : CAT_TEST_FAILURE);
	buf_release(&msg);
	return true;
}

/* How far below line i its report may name its place: CL_AHEAD lines, or
 * to the end of the TAP YAML block under it. */
static size_t report_reach(struct scan *s, size_t i)
{
	size_t end = yaml_block_end(s, i);

	return end ? end : i + CL_AHEAD;
}

static bool program_name(const char *p, size_t n);

/* Is line j a place alone heading a report of its own, its message
 * under the code frame quoting the place ('File "a.ml", line 2,
 * characters 10-20:' over "2 | let n = Stats.mean" and "Error: Unbound
 * module Stats", OCaml's)? No headline above it takes it then. */
static bool heads_own_report(struct scan *s, size_t j)
{
	struct cl_loc loc;
	const char *l;
	size_t n, k, m;

	l = line_view(s, j, &n);
	/* what the tool was doing at a place, the error under it ('While
	 * parsing file "a.ledger", line 5:' over "Error: Invalid date",
	 * Ledger's) */
	if (n > 8 && !memcmp(l, "While ", 6) && l[n - 1] == ':')
		return true;
	if (!n || line_place(s, j, l, n, &loc) != CL_LOC_ALONE)
		return false;
	/* the tool's name before it ("ejs: a.ejs:1" over "  >> 1| x", its
	 * message under the frame): a report of its own starts there */
	if (loc.pre_len && program_name(l + loc.pre, loc.pre_len) &&
	    j + 1 < s->nlines) {
		l = line_view(s, j + 1, &n);
		return cl_source_line(l, n);
	}
	if (l[n - 1] != ':' || loc.pre_len)
		return false;
	for (k = j + 1; k < s->nlines && k <= j + 4; k++) {
		l = line_view(s, k, &n);
		if (cl_headline(l, n, &m, true))
			return true;
		if (!cl_source_line(l, n) && !carets_under(s, k - 1))
			return false;
	}
	return false;
}

/* The place of a headline at line i: a lone place just above it (gfortran,
 * node), else the first frame or lone place below it, in the project (one
 * the repository has, when we can ask). */
static bool headline_place(struct scan *s, size_t i, long lone,
			   struct place *out)
{
	struct place p, weak;
	bool strong, have_weak = false;
	size_t j, msg, n, nested = 0;
	const char *l;
	size_t reach = report_reach(s, i);

	if (lone >= 0 && i - (size_t)lone <= CL_BACK &&
	    !test_between(s, (size_t)lone, i) &&
	    place_of(s, (size_t)lone, out, &strong, true))
		return true;
	for (j = i + 1; j < s->nlines && j <= reach; j++) {
		if (s->used[j] & L_TAKEN)
			break;
		if (other_trace(s, j, &nested))
			continue;
		l = line_view(s, j, &n);
		/* another report's ("x msg" over its box is miette's) */
		if ((!lacks(s, j, CL_T_HEADLINE) &&
		     cl_headline(l, n, &msg, !lacks(s, j, CL_T_SUMMARY))) ||
		    cl_marked_message(l, n, &msg))
			break;
		if (heads_own_report(s, j))
			break;
		/* the program's last word closes its reports ("Corosync
		 * Cluster Engine exiting with status 8 at main.c:1417.": a
		 * place in its own source) */
		if (cl_exit_status(l, n))
			break;
		if (!place_of(s, j, &p, &strong, false))
			continue;
		if (strong || !s->opts->file_exists) {
			if (have_weak)
				free(weak.file);
			*out = p;
			return true;
		}
		if (!have_weak) {
			weak = p;
			have_weak = true;
		} else {
			free(p.file);
		}
	}
	if (have_weak)
		*out = weak;
	return have_weak;
}

/* Does a diagnostic of the patterns (the first `specific` of this text)
 * already name file:line? */
static bool place_reported(const struct scan *s, const char *file, int line,
			   size_t specific)
{
	size_t k;

	for (k = 0; k < specific; k++) {
		const struct diag *d;

		if (s->spec_line[k] != line)
			continue;
		d = &s->out->v[s->first + k];
		if (d->file && file && same_file(d->file, file))
			return true;
	}
	return false;
}

/* Is line j a line of source quoted over a caret ("    throw new
 * E(open.path.original);" over "    ^", node's uncaught error; a
 * compiler's quoted line)? Its tokens are code, not files. */
static bool quoted_over_caret(struct scan *s, size_t j)
{
	const char *l;
	size_t n, k;
	bool caret;

	if (j + 1 >= s->nlines)
		return false;
	l = line_view(s, j + 1, &n);
	for (k = 0; k < n && (l[k] == ' ' || l[k] == '\t'); k++)
		;
	caret = k < n && l[k] == '^';
	while (k < n && (l[k] == '^' || l[k] == '~' || l[k] == ' '))
		k++;
	return caret && k == n;
}

/* A code frame under the place p read from (miette's box, a header):
 * the caret under its quoted line p->line gives the column, which the
 * header may not ("   ,-[a.js:2:1]" over " 2 | const b = a +;" and
 * "   :              ^"). A column told in words is the column: the
 * gutter's last blank may be the code's own ("at a.blp line 4 column
 * 7:" over "   4 |  Gtk.x"). */
static void frame_caret(struct scan *s, struct place *p)
{
	size_t j, sn, cn;
	int col = 0;

	if (p->col > 0) {
		const char *at = line_view(s, p->at, &sn);

		if (cl_find(at, sn, " column ", 8))
			return;
	}
	for (j = p->at + 1; !col && j + 1 < s->nlines && j <= p->at + 8; j++) {
		const char *src = line_view(s, j, &sn);
		const char *car = line_view(s, j + 1, &cn);

		col = cl_frame_caret_col(src, sn, car, cn, p->line);
	}
	if (col > 0)
		p->col = col;
}

/* Does l[0..n) tell of a file the tool wrote ("writing MIDI file a.mid",
 * "Output written in a.ind", "Wrote a.o")? What it names is an output,
 * never where a problem is. */
static bool output_notice(const char *l, size_t n)
{
	static const char *const words[] = { "writing ", "Writing ", "written ",
					     "Wrote ", "wrote " };
	const char *at;
	size_t k;

	/* (words of their own: a fixer's "Rewriting a.py" is no output) */
	for (k = 0; k < sizeof(words) / sizeof(*words); k++)
		for (at = l; (at = cl_find(at, n - (size_t)(at - l), words[k],
					   strlen(words[k]))); at++)
			if (at == l || !isalpha((unsigned char)at[-1]))
				return true;
	return false;
}

/* Does l[k..n), right after a file's name, say a step on it failed
 * ('"a.yang" failed.', " failed to compile")? */
static bool failed_after(const char *l, size_t n, size_t k)
{
	if (k < n && (l[k] == '"' || l[k] == '\'' || l[k] == '`'))
		k++;
	return k + 7 <= n && l[k] == ' ' &&
	       (!memcmp(l + k + 1, "failed", 6) || !memcmp(l + k + 1, "FAILED", 6));
}

/* Do the words before a file's name at l[k] say it failed ("failed to
 * compile sieve script 'a.sieve'", "Failed to load a.aug")? */
static bool failed_before(const char *l, size_t k)
{
	return cl_find(l, k, "ailed to ", 9) || cl_find(l, k, "FAILED", 6);
}

/* Does l[0..n) open with a step of the run in its gerund, capitalized at
 * the line's start ("Parsing scenario file a.yarn", "Checking a.c...",
 * "Analyzing file \"a.mp3\"...")? */
static bool work_step(const char *l, size_t n)
{
	static const char *const verbs[] = { "Parsing ", "Checking ",
					     "Analyzing ", "Processing ",
					     "Validating ", "Compiling ",
					     "Linting ", "Reading " };
	size_t k;

	if (!n || !strchr("PCAVLR", l[0]))
		return false;
	for (k = 0; k < sizeof(verbs) / sizeof(*verbs); k++)
		if (n > strlen(verbs[k]) && !memcmp(l, verbs[k], strlen(verbs[k])))
			return true;
	return false;
}

/* Does l[0..n) head the lines under it with the file they are about: a
 * label ("File: b.fits", fitsverify's) or a step of the run on it? */
static bool file_heading(const char *l, size_t n)
{
	return (n > 6 && !memcmp(l, "File: ", 6)) || work_step(l, n);
}

/* The diagnostic of this text made at line j, or NULL. */
static const struct diag *reported_at(const struct scan *s, size_t j)
{
	size_t k;

	for (k = s->nat; k-- > 0 && s->at[k] >= j;)
		if (s->at[k] == j)
			return &s->out->v[s->first + k];
	return NULL;
}

/* Is l[0..n) a row of a report's table: a name, then only numbers in
 * columns, two at least, between blanks or bars (gcovr's "price.c  7  4
 * 57%  3,5,8", c8's " a.mjs |  50 |  50 | 3-4,6-7"): data, whatever file
 * its first cell names? */
static bool data_row(const char *l, size_t n)
{
	size_t k = 0, cols = 0;

	while (k < n && l[k] == ' ')
		k++;
	while (k < n && l[k] != ' ' && l[k] != '|')
		k++;
	while (k < n) {
		while (k < n && (l[k] == ' ' || l[k] == '|'))
			k++;
		if (k == n)
			break;
		if (!isdigit((unsigned char)l[k]))
			return false;
		while (k < n && (isdigit((unsigned char)l[k]) || l[k] == '.' ||
				 l[k] == ',' || l[k] == '-' || l[k] == '%'))
			k++;
		if (k < n && l[k] != ' ' && l[k] != '|')
			return false;
		cols++;
	}
	return cols >= 2;
}

/* Is l[0..n) a command a build echoed, a program's name and then its
 * options ("cc -c main.c -o main.o", "javac -d out A.java"), no message's
 * colon in it? */
static bool invocation_line(const char *l, size_t n)
{
	size_t k;

	for (k = 0; k < n && ((l[k] >= 'a' && l[k] <= 'z') || isdigit((unsigned char)l[k]) ||
			      l[k] == '+' || l[k] == '-' || l[k] == '_' ||
			      l[k] == '.' || l[k] == '/'); k++)
		;
	return k > 0 && k + 2 < n && l[k] == ' ' && l[k + 1] == '-' &&
	       isalpha((unsigned char)l[k + 2]) && !cl_find(l, n, ": ", 2);
}

/* The outermost file of the project a trace above line i names (up to
 * CL_TRACE lines, not past another report or a line read before); NULL if
 * none. */
static char *file_above(struct scan *s, size_t i)
{
	const struct diag *d;
	size_t j, n, off, len;
	unsigned reports = 0;
	char *file = NULL;
	const char *l;
	struct cl_loc loc;

	for (j = i; j-- > 0 && i - j <= CL_TRACE;) {
		if (s->used[j] & L_USED)
			break;
		/* a placeless report of its own (htslib's "[E::fn] msg"):
		 * what is above it is not this line's trace; nor is a
		 * second report at a file (fetchmail's "fetchmail:a.rc:2:
		 * syntax error" over "fetchmail:b.rc:1: ..." over "Cannot
		 * resolve service 99999": b's, if any) */
		if ((d = reported_at(s, j)) && (!d->file || ++reports > 1))
			break;
		l = line_view(s, j, &n);
		if (!lacks(s, j, CL_T_HEADLINE) &&
		    cl_headline(l, n, &off, !lacks(s, j, CL_T_SUMMARY)))
			break; /* above it: another report's */
		/* Node's last line under an uncaught error ("Node.js
		 * v20.20.2"): what is above it was another run's */
		if (n > 9 && !memcmp(l, "Node.js v", 9) &&
		    isdigit((unsigned char)l[9]))
			break;
		/* a message at a file above is another report too */
		if (line_place(s, j, l, n, &loc) == CL_LOC_INLINE && loc.file_len)
			break;
		/* (nor a command the build ran: "cc -c main.c -o main.o"
		 * over make's "No rule to make target 'util.o'") */
		if (output_notice(l, n) || data_row(l, n) || invocation_line(l, n))
			continue;
		if (cl_repo_token(l, n, known_file, s, &off, &len) &&
		    !quoted_over_caret(s, j)) {
			/* a step on the file that failed closes the report
			 * over it ('Parsing schema module "a.yang" failed.'
			 * under libyang's message), and so does the run's
			 * verdict on it right under that report ("sievec:
			 * Fatal: failed to compile sieve script 'a.sieve'"):
			 * that file is the report's above, not line i's */
			if (failed_after(l, n, off + len) ||
			    (j && ((s->used[j - 1] & L_USED) ||
				   reported_at(s, j - 1)) &&
			     failed_before(l, off)))
				break;
			free(file);
			file = xstrndup(l + off, len);
			/* the heading of this report's lines: above it,
			 * another file's (fitsverify's "File: b.fits" over
			 * its errors, the last file's under its own above) */
			if (file_heading(l, n))
				break;
		}
	}
	return file;
}

/* "(2:0)" ending m[0..n): a line and a column, into *line and *col. */
static bool trailing_position(const char *m, size_t n, int *line, int *col)
{
	size_t k;
	int l, c;

	while (n && (m[n - 1] == ' ' || m[n - 1] == '.'))
		n--;
	if (n < 5 || m[n - 1] != ')')
		return false;
	for (k = n - 1; k > 0 && m[k - 1] != '('; k--)
		;
	if (!k || (k > 1 && m[k - 2] != ' ') || !cl_read_int(m, n, &k, &l) ||
	    l <= 0 || k >= n || m[k] != ':' || (++k, !cl_read_int(m, n, &k, &c)) ||
	    k != n - 1)
		return false;
	*line = l;
	*col = c;
	return true;
}

/* A place in a copy the tool made of a project's file under /tmp
 * ("BibTeX subsystem: /tmp/biber_tmp_x/8fe4.utf8, line 6, syntax error",
 * Biber's): its line, or 0 when m[0..n) names no such place. */
static int temp_copy_line(const char *m, size_t n)
{
	const char *t = cl_find(m, n, "/tmp/", 5);

	/* (a token's start, or /var/tmp's) */
	if (!t || (t > m && t[-1] != ' ' && t[-1] != '\'' && t[-1] != '"' &&
		   !(t - m >= 4 && !memcmp(t - 4, "/var", 4))))
		return 0;
	return cl_line_in_words(m, n);
}

/* The file of the project the nearest line above line i names, up to
 * another report: the one the tool said it read last ("Found BibTeX data
 * source 'refs.bib'" over the error in its copy). The caller frees it;
 * NULL if none. */
static char *nearest_file_above(struct scan *s, size_t i)
{
	size_t j, n, off, len;
	const char *l;

	for (j = i; j-- > 0 && i - j <= CL_TRACE;) {
		if (s->used[j] & L_USED)
			break;
		l = line_view(s, j, &n);
		if (!lacks(s, j, CL_T_HEADLINE) &&
		    cl_headline(l, n, &off, !lacks(s, j, CL_T_SUMMARY)))
			break;
		if (output_notice(l, n))
			continue;
		if (cl_repo_token(l, n, known_file, s, &off, &len))
			return xstrndup(l + off, len);
	}
	return NULL;
}

/* Did the last diagnostic, placed in file, take a cause's kind from its
 * own words, and do this line's words (cat) name another cause? */
static bool other_kind_than_last(const struct scan *s, const char *file,
				 const char *cat)
{
	const struct diag *d;

	if (!cat || !cause_category(cat) || s->out->n <= s->first)
		return false;
	d = &s->out->v[s->out->n - 1];
	return d->file && d->line && !strcmp(d->file, file) &&
	       cause_category(d->category) && strcmp(d->category, cat) &&
	       !(d->hint && !strcmp(d->hint, LIKENED_HINT));
}

/* "Parse error at a.js:2,12" then "ERROR: Unexpected token": a report
 * with no line of its own naming the file the last diagnostic placed is
 * that one's detail (its words name the category the place line did
 * not, or only its likeness guessed: pasmo's "ERROR on line 4 of file
 * a.asm" over "ERROR: Symbol 'x' is undefined"). */
static bool detail_of_last(struct scan *s, const char *file, const char *cat,
			   int sev, const char *m, size_t n)
{
	struct buf more = BUF_INIT;
	struct diag *d;
	int own, col;

	if (s->out->n <= s->first)
		return false;
	d = &s->out->v[s->out->n - 1];
	/* (a warning is no detail of an error: GLib's "Gtk-WARNING **:
	 * Unknown property" after the parse error another run reported;
	 * nor a line that opens with a line of its own: sievec's "a: line
	 * 5: error: unknown command 'x'" under its "a: line 3: ...") */
	if (!d->file || !d->line || strcmp(d->file, file) ||
	    (sev == DIAG_WARNING && d->severity == DIAG_ERROR) ||
	    (cl_line_col_opening(m, n, &own, &col) && own != d->line))
		return false;
	if (cat && (cl_cat_is(d->category, CAT_UNKNOWN) ||
		    (d->hint && !strcmp(d->hint, LIKENED_HINT)))) {
		d->category = cat;
		free(d->hint);
		d->hint = xstrdup("read from the message's words: see the message "
				  "at this position");
	}
	buf_adds(&more, d->message ? d->message : "");
	buf_adds(&more, ": ");
	buf_add(&more, m, n);
	free(d->message);
	d->message = buf_detach(&more, NULL);
	return true;
}

/* Does m[0..n), a message with no place, quote the file the last
 * diagnostic placed at a line ("failed to load configuration file
 * 'a.conf' (invalid item)" after "config, file 'a.conf', line 3, ...",
 * knotc's), or quote it by a longer path or URL ending in it (gjs's
 * "Failed to resolve imports for module: 'file:///w/e.js'")? Then it is
 * that problem's verdict on its file, told twice. */
static bool restates_last(const struct scan *s, const char *m, size_t n)
{
	const struct diag *d;
	size_t k, e, fl;

	if (s->out->n <= s->first)
		return false;
	d = &s->out->v[s->out->n - 1];
	if (!d->file || !d->line)
		return false;
	fl = strlen(d->file);
	for (k = 0; k < n; k++) {
		if (m[k] != '\'' && m[k] != '"' && m[k] != '`')
			continue;
		for (e = k + 1; e < n && m[e] != m[k]; e++)
			;
		if (e < n && e - k - 1 >= fl && !memcmp(m + e - fl, d->file, fl) &&
		    (e - k - 1 == fl || m[e - fl - 1] == '/'))
			return true;
		k = e;
	}
	return false;
}

/* The file of the project a message opens with ("cart.c (File size
 * changed from 105 to 107)" after "FAIL: ", uncrustify --check's): a copy
 * the caller frees, or NULL. */
static char *opening_file(const struct scan *s, const char *m, size_t n)
{
	size_t e = 0, b;
	bool dot = false;

	/* past a verdict's or a severity's label: "FAIL: ", "error: " */
	for (b = 0; b < n && is_alnum_byte(m[b]); b++)
		;
	if (b && b + 2 < n && m[b] == ':' && m[b + 1] == ' ') {
		m += b + 2;
		n -= b + 2;
	}
	while (e < n && m[e] != ' ' && m[e] != ':' && m[e] != ',' && m[e] != '(') {
		dot |= m[e] == '.' || m[e] == '/';
		e++;
	}
	/* a place of its own after it ("web/b.js (1:11): x", "a.c:3:")
	 * is read as one */
	if (e < n && (m[e] == ':' || (e + 2 < n && m[e] == ' ' && m[e + 1] == '(' &&
				      m[e + 2] >= '0' && m[e + 2] <= '9')))
		return NULL;
	return dot && s->repo && file_known(s, m, 0, e) ? xstrndup(m, e) : NULL;
}

/* Is l[0..n) a row of fields between tabs (two tabs at least after its
 * first field): data a tool wrote, not a report? */
static bool tab_row(const char *l, size_t n)
{
	const char *t;
	size_t k = 0;

	while (k < n && (l[k] == ' ' || l[k] == '\t'))
		k++;
	if (!(t = memchr(l + k, '\t', n - k)) || t == l + k)
		return false;
	k = (size_t)(t - l) + 1;
	return k < n && l[k] != '\t' && memchr(l + k, '\t', n - k);
}

/* Is l[0..n) a row of a table whose cells bars part, three bars at
 * least ("   calc.js |  40 |  0 |  50 |", a coverage report's)? */
static bool bar_row(const char *l, size_t n)
{
	const char *b = l, *e = l + n;
	int bars = 0;

	while (bars < 3 && (b = memchr(b, '|', (size_t)(e - b))))
		bars++, b++;
	return bars >= 3;
}

/* The first file of the project a few lines under line i name (a
 * compiler's command told after its error: CHICKEN's "Error: shell
 * command terminated ...: 'chicken' 'b.scm'"); NULL if none. */
static char *file_below(struct scan *s, size_t i, const char *cat)
{
	size_t j, n, off, len, msg;
	const char *l;

	for (j = i + 1; j < s->nlines && j <= i + CL_BACK; j++) {
		if (s->used[j] & L_USED)
			break;
		l = line_view(s, j, &n);
		/* another test's verdict: its name is no file ("FAILURE in
		 * test.mul: msg" under "ERROR in test.err: msg") */
		if (cl_verdict_on_test(l, n) || heads_own_report(s, j))
			break;
		/* (nor is the program's last word: "Corosync Cluster Engine
		 * exiting with status 8 at main.c:1417.", its own source; nor
		 * a row of the data it wrote, fields between tabs: ctags'
		 * "main\tmain.c\t/^int main(void) {$/;\"\tf") */
		if (output_notice(l, n) || cl_exit_status(l, n) || tab_row(l, n) ||
		    bar_row(l, n))
			continue;
		/* the run's next step, on its next file ("Parsing scenario
		 * file b.yarn", yarn's; "Checking b.c ..."): what is over
		 * it was the step before */
		if (work_step(l, n))
			break;
		/* a frame in the runtime's or a test framework's code
		 * ("at org.junit.x.Builder.build(Builder.java:151)") is none
		 * of the project's, whatever its name looks like */
		if (cl_repo_token(l, n, known_file, s, &off, &len) &&
		    !jvm_runtime_frame(l, off) && !cl_foreign_path(l + off, len)) {
			/* another error's own line naming a file in its words
			 * ("ERR: problem accessing file ... 'a.lsp'" under
			 * "ERR: x"): that error's; one opening with its place
			 * ("ERROR: a.c:10:") places what is over it too */
			if (cl_headline(l, n, &msg, true) && off > msg + 1)
				break;
			/* ... and one naming another cause than line i's
			 * ("a.cg3: Error: Cannot stat b.cg3" under "Error: Set
			 * N already defined"): a report of its own */
			if (cat && cause_category(cat)) {
				struct cl_words w;

				cl_words_read(l, n, &w);
				if (w.category && cause_category(w.category) &&
				    strcmp(w.category, cat))
					break;
			}
			return xstrndup(l + off, len);
		}
	}
	return NULL;
}

/* The file of the project a line a few under line i names alone, blanks
 * around it ("    load.mac", Maxima's trailer under an error); NULL if
 * none. */
static char *file_alone_below(struct scan *s, size_t i)
{
	size_t j, n, b, k;
	const char *l;

	for (j = i + 1; j < s->nlines && j <= i + 3; j++) {
		if (s->used[j] & L_USED)
			break;
		l = line_view(s, j, &n);
		for (b = 0; b < n && (l[b] == ' ' || l[b] == '\t'); b++)
			;
		while (n > b && (l[n - 1] == ' ' || l[n - 1] == '\t'))
			n--;
		if (n > b && !memchr(l + b, ' ', n - b) && file_known(s, l, b, n - b))
			return xstrndup(l + b, n - b);
		/* right under it, the file the tool was reading, ending the
		 * line: the file whose include failed ("Errors reading or
		 * parsing ./inc/radiusd.conf", FreeRADIUS's) */
		for (k = n; k > b && l[k - 1] != ' ' && l[k - 1] != '\t'; k--)
			;
		if (j == i + 1 && k > b && k < n &&
		    (cl_find(l, k, "reading ", 8) || cl_find(l, k, "parsing ", 8) ||
		     cl_find(l, k, "loading ", 8) || cl_find(l, k, "processing ", 11)) &&
		    file_known(s, l, k, n - k))
			return xstrndup(l + k, n - k);
	}
	return NULL;
}

/* The line number right after file and a colon ending line i + 1, when
 * that line names no problem of its own ("Error found at a.conf:2." under
 * "Error: Unknown configuration variable"): the place of the message on
 * line i, and line i + 1 folded into it; 0 if not. */
static int line_of_file_under(struct scan *s, size_t i, const char *file)
{
	size_t n, fl = strlen(file), k;
	const char *l, *at;
	struct cl_words w;
	int v = 0;

	if (i + 1 >= s->nlines || (s->used[i + 1] & L_USED))
		return 0;
	l = line_view(s, i + 1, &n);
	if (!(at = cl_find(l, n, file, fl)))
		return 0;
	k = (size_t)(at - l) + fl + 1;
	if (k >= n || l[k - 1] != ':' || !cl_read_int(l, n, &k, &v))
		return 0;
	cl_words_read(l, (size_t)(at - l), &w);
	if (w.category || w.code_len)
		return 0;
	/* the place ends the line: "ERROR: a.pl:10:" heads the lines
	 * under it, it does not place the one above */
	if (k < n && l[k] == '.')
		k++;
	if (k < n)
		return 0;
	s->used[i + 1] |= L_FOLDED;
	return v;
}

/* The file of the project the line right above line i names alone, in
 * parentheses or not, a list's number before it maybe (Eleventy's "2.
 * (./a.njk)" over the error rendering it): the file the tool was
 * reading (the caller frees it); NULL if that line says anything else. */
static char *file_alone_above(struct scan *s, size_t i)
{
	size_t n, b = 0, e;
	const char *l;

	if (!i || (s->used[i - 1] & L_USED))
		return NULL;
	l = line_view(s, i - 1, &n);
	while (n && (l[n - 1] == ' ' || l[n - 1] == '\t'))
		n--;
	while (b < n && (l[b] == ' ' || l[b] == '\t'))
		b++;
	for (e = b; e < n && l[e] >= '0' && l[e] <= '9'; e++)
		;
	if (e > b && e + 1 < n && l[e] == '.' && l[e + 1] == ' ')
		b = e + 2;
	if (n > b + 2 && l[b] == '(' && l[n - 1] == ')') {
		b++;
		n--;
	}
	if (n <= b || memchr(l + b, ' ', n - b) || !file_known(s, l, b, n - b))
		return NULL;
	return xstrndup(l + b, n - b);
}

/* The nearest line above line i that holds something, up to `reach`
 * lines up (blank lines between), without its trailing blanks; NULL when
 * there is none or a report took it. */
static const char *text_above(struct scan *s, size_t i, size_t reach, size_t *n)
{
	const char *l;
	size_t j;

	for (j = i; j-- > 0 && i - j <= reach;) {
		if (s->used[j] & L_USED)
			return NULL;
		l = line_view(s, j, n);
		while (*n && (l[*n - 1] == ' ' || l[*n - 1] == '\t'))
			(*n)--;
		if (*n)
			return l;
	}
	return NULL;
}

/* The file of the project a line a little above line i says the tool
 * was reading, at its end ("A problem occurred while reading the config
 * file /s/a.cfg.lua", Prosody's, over the included file it could not
 * load): the caller frees it; NULL if none. */
static char *file_read_above(struct scan *s, size_t i)
{
	size_t n, b;
	const char *l = text_above(s, i, 3, &n);

	if (!l)
		return NULL;
	for (b = n; b > 0 && l[b - 1] != ' '; b--)
		;
	if (b < 9 || b == n || !cl_find(l, b, "reading ", 8) ||
	    !file_known(s, l, b, n - b))
		return NULL;
	return xstrndup(l + b, n - b);
}

/* The file of the project and the line a counter just above line i says
 * alone, a blank line between maybe ("\rundef.fst: 2\rundef.fst: 3", SFST's
 * progress, over "Error: undefined variable: $v$"): where the tool was
 * when it stopped. The file (the caller frees it) and *line; NULL if the
 * line above is anything else. */
static char *counter_above(struct scan *s, size_t i, int *line)
{
	size_t n, b, c, k;
	const char *l = text_above(s, i, 2, &n);
	int v;

	if (!l)
		return NULL;
	for (b = 0; b < n && (l[b] == ' ' || l[b] == '\t'); b++)
		;
	for (c = b; c < n && l[c] != ':' && l[c] != ' '; c++)
		;
	k = c + 1;
	if (c == b || c >= n || l[c] != ':')
		return NULL;
	while (k < n && l[k] == ' ')
		k++;
	if (!cl_read_int(l, n, &k, &v) || k != n || v <= 0 ||
	    !file_known(s, l, b, c - b))
		return NULL;
	*line = v;
	return xstrndup(l + b, c - b);
}

/* The line told in fields beside file on one of the few lines under line
 * i that say nothing else (yorick's "  LINE: 7  FILE: total.i" under
 * "SYNTAX: syntax error near <EOF>"): that line folded, the number; or 0. */
static int line_in_fields_under(struct scan *s, size_t i, const char *file)
{
	size_t j, n, fl = strlen(file);
	const char *l;
	struct cl_words w;
	char low[128];
	size_t k;
	int v;

	for (j = i + 1; j < s->nlines && j <= i + 4; j++) {
		if (s->used[j] & L_USED)
			return 0;
		l = line_view(s, j, &n);
		if (n > sizeof(low) || !cl_find(l, n, file, fl))
			continue;
		/* (the labels may be in capitals) */
		for (k = 0; k < n; k++)
			low[k] = (char)tolower((unsigned char)l[k]);
		for (k = 0; k < n && low[k] == ' '; k++)
			;
		/* fields only: a label opens the line */
		if ((n - k < 5 || (memcmp(low + k, "line:", 5) &&
				   memcmp(low + k, "file:", 5))) ||
		    (v = cl_line_in_words(low, n)) <= 0)
			return 0;
		cl_words_read(l, n, &w);
		if (w.category || w.code_len || w.sev >= 0)
			return 0;
		s->used[j] |= L_FOLDED;
		return v;
	}
	return 0;
}

/* The first file of the project l[0..n) names in quotes ('a.yml',
 * "src/a.c", `x.json`) or parentheses ("Entry 'b' (refs.bib): x",
 * Biber's), as a string the caller owns; NULL if none. */
static char *quoted_project_file(struct scan *s, const char *l, size_t n)
{
	size_t k, e;
	char close;

	for (k = 0; k < n; k++) {
		if (l[k] != '\'' && l[k] != '"' && l[k] != '`' && l[k] != '(')
			continue;
		close = l[k] == '(' ? ')' : l[k];
		for (e = k + 1; e < n && l[e] != close && l[e] != ' '; e++)
			;
		if (e < n && l[e] == close && e > k + 2 &&
		    memchr(l + k + 1, '.', e - k - 1) &&
		    known_file(s, l + k + 1, e - k - 1))
			return xstrndup(l + k + 1, e - k - 1);
		k = e;
	}
	return NULL;
}

/* The file of the project l[0..n) names unquoted where something is
 * ("missing ) after argument list in brace.ejs while compiling ejs", "Failed
 * to find any GraphQL type definitions in: a.graphql;", "Key definitions not
 * in schema object at ref.schema.json#definitions/Addr", "referred to from
 * a.schema.json#/properties/a": after "in", "at" or "from", a JSON
 * pointer's fragment after it), as a string the caller owns; NULL if none. */
static char *project_file_in(struct scan *s, const char *l, size_t n)
{
	static const char *const preps[] = { " in ", " in: ", " at ", " from ",
					     "(in " };
	const char *at;
	size_t p, k, e;

	for (p = 0; p < sizeof(preps) / sizeof(*preps); p++)
		for (at = l; (at = cl_find(at, n - (size_t)(at - l), preps[p],
					   strlen(preps[p]))); at++) {
			k = (size_t)(at - l) + strlen(preps[p]);
			for (e = k; e < n && l[e] != ' ' && l[e] != ',' &&
				    l[e] != ';' && l[e] != '#' && l[e] != ')'; e++)
				;
			/* a sentence's full stop or colon is not the name's */
			while (e > k && (l[e - 1] == '.' || l[e - 1] == ':'))
				e--;
			if (e > k + 2 && memchr(l + k, '.', e - k) &&
			    known_file(s, l + k, e - k))
				return xstrndup(l + k, e - k);
		}
	return NULL;
}

/* Is p[0..n) no word of a sentence: a digit, '-' or '_' in it
 * ("00-shop", "db_v2")? */
static bool no_word(const char *p, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (isdigit((unsigned char)p[k]) || p[k] == '-' || p[k] == '_')
			return true;
	return false;
}

/* The file of the project the lines around line i name whose name
 * without its extension is the label l[0..n) opening line i (sievec's
 * "shop: line 4: error: msg" over "sievec: Fatal: failed to compile sieve
 * script 'shop.sieve'"); NULL if none. */
static char *label_stem_file(struct scan *s, size_t i, const char *l,
			     size_t n)
{
	size_t d, j, nn, off, len, e, base;
	const char *nl;
	int side;

	while (n && (l[n - 1] == ' ' || l[n - 1] == ':'))
		n--;
	if (n < 2 || n > 64 || memchr(l, ' ', n) || memchr(l, '.', n))
		return NULL;
	for (d = 1; d <= 8; d++)
		for (side = 0; side < 2; side++) {
			if (side ? d > i : i + d >= s->nlines)
				continue;
			j = side ? i - d : i + d;
			nl = line_view(s, j, &nn);
			if (!cl_repo_token(nl, nn, known_file, s, &off, &len))
				continue;
			for (e = len; e && nl[off + e - 1] != '.' &&
				      nl[off + e - 1] != '/'; e--)
				;
			for (base = e; base && nl[off + base - 1] != '/'; base--)
				;
			/* its stem, or its path without the extension */
			if (e && nl[off + e - 1] == '.' &&
			    ((e - 1 - base == n && !memcmp(nl + off + base, l, n)) ||
			     (e - 1 == n && !memcmp(nl + off, l, n))))
				return xstrndup(nl + off, len);
		}
	return NULL;
}

/* A severity's label, then a file of the project, then the message:
 * qpdf's "WARNING: report.pdf: file is damaged" and "WARNING: report.pdf
 * (offset 999): xref not found", dconf's "error: 00-shop: msg",
 * i18nspector's "E: fr.po: tag" (lintian's
 * spelling, where a package would stand). That file, as a string the
 * caller owns; NULL if none. */
static char *file_after_label(struct scan *s, const char *l, size_t n)
{
	size_t k = 0, e;

	while (k < n && k < 16 && isalpha((unsigned char)l[k]))
		k++;
	if (!k || k + 2 >= n || l[k] != ':' || l[k + 1] != ' ')
		return NULL;
	k += 2;
	for (e = k; e < n && l[e] != ':' && l[e] != ' '; e++)
		;
	/* (a name with no extension too, before its colon and a blank, when
	 * it is no word: dconf's "error: 00-shop: Key file contains line
	 * ...", a file of its database's folder; not unittest's "FAIL:
	 * test_add (test_calc.T.test_add)", Deno's "error: Error: Values
	 * are not equal", OUnit's "Error: calc:3:parse.") */
	if (e == k || e >= n || (l[e] == ' ' && (e + 1 >= n || l[e + 1] != '(')) ||
	    (!memchr(l + k, '.', e - k) &&
	     (l[e] != ':' || e + 1 >= n || l[e + 1] != ' ' || !no_word(l + k, e - k))) ||
	    !known_file(s, l + k, e - k))
		return NULL;
	return xstrndup(l + k, e - k);
}

/* A file of the project m[0..n) names as a path from here ("./a.md",
 * after a blank), as a string the caller owns; NULL if none. */
static char *dot_path_in(struct scan *s, const char *m, size_t n)
{
	const char *at = m;
	size_t k, e;

	while ((at = cl_find(at, n - (size_t)(at - m), "./", 2))) {
		k = (size_t)(at - m);
		at += 2;
		if (k > 0 && m[k - 1] != ' ')
			continue;
		for (e = k + 2; e < n && m[e] != ' ' && m[e] != '\'' && m[e] != '"' &&
			    m[e] != ':' && m[e] != ',' && m[e] != ')'; e++)
			;
		while (e > k + 2 && m[e - 1] == '.')
			e--;
		if (e > k + 3 && memchr(m + k + 2, '.', e - k - 2) &&
		    known_file(s, m + k + 2, e - k - 2))
			return xstrndup(m + k + 2, e - k - 2);
	}
	return NULL;
}

/* The file of the project m[0..n) names: quoted (maybe the one it looked
 * for), or else unquoted where something is (*where set); NULL if none. */
static char *project_file_named(struct scan *s, const char *m, size_t n,
				bool *where)
{
	char *f = quoted_project_file(s, m, n);

	*where = !f && (f = project_file_in(s, m, n));
	return f;
}

/* Does m[0..n) name a file the repository lacks ("can't open
 * 'nosuch.jpg'", "File not found - a.png"): a token shaped as a file,
 * quoted or not? */
static bool names_missing_file(struct scan *s, const char *m, size_t n)
{
	size_t k = 0, e;

	while (k < n) {
		while (k < n && strchr(" \t'\"`,()", m[k]))
			k++;
		for (e = k; e < n && !strchr(" \t'\"`,()", m[e]); e++)
			;
		while (e > k && (m[e - 1] == '.' || m[e - 1] == ':'))
			e--;
		if (e > k + 2 && memchr(m + k, '.', e - k) &&
		    cl_path_line(m + k, e - k) && !cl_foreign_path(m + k, e - k) &&
		    !known_file(s, m + k, e - k))
			return true;
		for (k = e; k < n && !strchr(" \t'\"`,()", m[k]); k++)
			;
	}
	return false;
}

/* The line of file told right after its quotes in m[0..n), into *line
 * and *col: in parentheses ('in "a.yaml" (11:1)', js-yaml's), or after a
 * colon as "L:C:", the name of the text read before it maybe ("Can't parse
 * 'a.json': <data>:7:98: msg", "Can't parse 'a.yml': 6:4: msg",
 * flatpak-builder's); false if none. */
static bool place_after_quoted(const char *m, size_t n, const char *file,
			       int *line, int *col)
{
	size_t len = strlen(file), k;
	const char *at = m, *e;
	bool paren;

	while ((at = cl_find(at, n - (size_t)(at - m), file, len))) {
		k = (size_t)(at - m) + len;
		at++;
		if (k + 4 >= n || (m[k] != '"' && m[k] != '\'' && m[k] != '`'))
			continue;
		paren = m[k + 1] == ' ' && m[k + 2] == '(';
		if (!paren && (m[k + 1] != ':' || m[k + 2] != ' '))
			continue;
		k += 3;
		/* "<data>:", "<string>:": what the reader called the text */
		if (!paren && m[k] == '<' && (e = memchr(m + k, '>', n - k)) &&
		    e + 1 < m + n && e[1] == ':')
			k = (size_t)(e - m) + 2;
		*col = 0;
		if (!cl_read_int(m, n, &k, line) || *line <= 0)
			continue;
		if (k + 1 < n && (m[k] == ':' || (paren && m[k] == ',')) &&
		    isdigit((unsigned char)m[k + 1]))
			k++, cl_read_int(m, n, &k, col);
		if (k < n && m[k] == (paren ? ')' : ':'))
			return true;
		*line = *col = 0;
	}
	return false;
}

/* Does m[0..n) only name a file ("file in.xml", "a.c")? */
static bool names_only_a_file(const char *m, size_t n)
{
	if (n > 5 && !memcmp(m, "file ", 5))
		m += 5, n -= 5;
	return cl_path_line(m, n);
}

/* Has a diagnostic of category cat been reported for this text? */
static bool reported(const struct scan *s, const char *cat)
{
	size_t k;

	for (k = s->first; k < s->out->n; k++)
		if (!strcmp(s->out->v[k].category, cat))
			return true;
	return false;
}

/* Where a linker's complaint starts on l[0..n) ("(.text+0x21): undefined
 * reference to `f'", "ld.lld: error: undefined symbol: f", MSVC's
 * "unresolved external symbol"), or n: the words every linker uses. */
static size_t link_words(const char *l, size_t n)
{
	static const char *const words[] = { "undefined reference to",
					     "multiple definition of",
					     "undefined symbol",
					     "unresolved external" };
	const char *at;
	size_t k;

	/* (asked only of lines with one of them: CL_T_LINK) */
	for (k = 0; k < sizeof(words) / sizeof(*words); k++)
		if ((at = cl_find(l, n, words[k], strlen(words[k]))))
			return (size_t)(at - l);
	return n;
}

/* PyYAML's and ruamel's report: the context and its mark ("while parsing
 * a block mapping" over 'in "a.yml", line 3, column 3'), then the problem
 * and its mark ("did not find expected key" over 'in "a.yml", line 5,
 * column 4'): the problem is at the last mark. Moves *p there (the marks
 * and words read) and puts the problem's words in *words; false if p's
 * mark is the last. */
static bool yaml_problem_mark(struct scan *s, struct place *p, struct buf *words)
{
	size_t j = p->at, n, k, wn;
	struct cl_loc loc;
	const char *l, *w;
	bool moved = false;

	while (j + 2 < s->nlines && !(s->used[j + 2] & L_USED)) {
		l = line_view(s, j + 2, &n);
		for (k = 0; k < n && l[k] == ' '; k++)
			;
		if (!k || n - k < 4 || memcmp(l + k, "in \"", 4) ||
		    !cl_place_in_words(l, n, &loc) || loc.line <= 0 ||
		    strlen(p->file) != loc.file_len ||
		    memcmp(p->file, l + loc.file, loc.file_len))
			break;
		w = line_view(s, j + 1, &wn);
		if (!wn || w[0] == ' ')
			break;
		buf_reset(words);
		buf_add(words, w, wn);
		p->line = loc.line;
		p->col = loc.col;
		s->used[j + 1] |= L_FOLDED;
		s->used[j + 2] |= L_FOLDED;
		j += 2;
		moved = true;
	}
	p->at = j;
	return moved;
}

/* A placeless headline after the patterns' errors whose words name a
 * cause none of them has (yasm's "FATAL: unable to open include file" after
 * its placed errors, an import or a name no line holds): a problem of its
 * own, not their summary. */
static bool own_cause(const struct scan *s, const char *cat)
{
	return cat && cause_category(cat) && !reported(s, cat);
}

/* Is file f the place or in the words of a report of this run's? */
static bool file_named_before(const struct scan *s, const char *f)
{
	size_t k;

	for (k = s->first; k < s->out->n; k++) {
		const struct diag *d = &s->out->v[k];

		if ((d->file && same_file(d->file, f)) ||
		    (d->message && strstr(d->message, f)))
			return true;
	}
	return false;
}

/* ... or a file missing that none of them names (cproto's "cc1: fatal
 * error: nofile.c: No such file or directory" after gcc's placed
 * "shop.h: No such file or directory"): another file, another problem. */
static bool own_missing_file(const struct scan *s, const char *cat,
			     const char *m, size_t n)
{
	char *f;
	bool own;

	if (!cat || !cl_cat_is(cat, CAT_IMPORT_RESOLUTION) ||
	    !(f = cl_file_heading(m, n)))
		return false;
	own = !file_named_before(s, f);
	free(f);
	return own;
}

/* A verdict on a file the findings just before it are in: nginx's
 * "configuration file a.conf test failed", haproxy's "Error(s) found in
 * configuration file : a.cfg", systemd's "Unit a.service has a bad unit
 * file setting", a compiler's "compilation of a.c failed": their summary,
 * no finding of its own. The last few findings are asked (a summary
 * follows its findings). */
static bool verdict_on_reported(const struct scan *s, const char *m, size_t n)
{
	size_t k, len;

	for (k = s->out->n; k > s->first && k + 32 > s->out->n; k--) {
		const char *f = s->out->v[k - 1].file;

		if (f && (len = strlen(f)) > 2 && cl_find(m, n, f, len))
			return true;
	}
	return false;
}

/* A placeless "--- FAIL: TestCalc (0.01s)" (a name and a time, nothing
 * said of it) after this output's failed tests were placed: the verdict
 * of the suite that holds them (go test's over Ginkgo's specs). */
static bool suite_verdict(const struct scan *s, const char *m, size_t n)
{
	size_t k, j;

	if (n > 9 && !memcmp(m, "--- FAIL: ", 10))
		k = 10;
	else
		return false;
	for (j = k; j < n && m[j] != ' '; j++)
		;
	if (j < n && !duration_only(m + j, n - j))
		return false;
	for (k = s->out->n; k > s->first && k + 32 > s->out->n; k--) {
		const struct diag *d = &s->out->v[k - 1];

		if (d->file && d->line > 0 && cl_cat_is(d->category, CAT_TEST_FAILURE))
			return true;
	}
	return false;
}

/* "sums prices => ./cart_test.ts:4:6" over "error: Error: Values are not
 * equal" (deno test's): the test the error was raised in, named over it
 * with its place, a blank line between maybe. That place, the error's. */
static bool test_named_above(struct scan *s, size_t i, struct place *out)
{
	struct cl_loc loc;
	const char *l, *a;
	size_t j, n, k;

	for (j = i; j-- > 0 && i - j <= 2;) {
		if (s->used[j] & L_USED)
			return false;
		l = line_view(s, j, &n);
		if (!n)
			continue;
		if (!(a = cl_find(l, n, " => ", 4)))
			return false;
		k = (size_t)(a - l) + 4;
		if (cl_loc_read(l + k, n - k, &loc) == CL_LOC_NONE || !loc.file_len ||
		    loc.line <= 0 || loc.file != 0 || loc.msg_len)
			return false;
		out->file = xstrndup(l + k + loc.file, loc.file_len);
		out->line = loc.line;
		out->col = loc.col;
		out->at = j;
		return true;
	}
	return false;
}

/* The test whose report line i is in, as LLVM's lit frames it: "*****
 * TEST 'suite :: dir/a.ll' FAILED *****" over its script and "Command
 * Output (stderr):", up to a line of stars alone. That test's file (the
 * path after " :: ", one the project has), as a string the caller owns;
 * NULL if none. */
static char *lit_test_above(struct scan *s, size_t i)
{
	const char *l, *t, *q;
	size_t j, n, k;

	/* (its output's fence, "--", a few lines above: most lines have
	 * none, and no more is read) */
	for (j = i; j-- > 0 && i - j <= 8;) {
		l = line_view(s, j, &n);
		if (n == 2 && l[0] == '-' && l[1] == '-')
			break;
	}
	if (j == (size_t)-1 || i - j > 8)
		return NULL;
	for (j = i; j-- > 0 && i - j <= 40;) {
		l = line_view(s, j, &n);
		if (n < 20 || memcmp(l, "**********", 10))
			continue;
		if (!(t = cl_find(l, n, " TEST '", 7)))
			return NULL; /* the end of another test's report */
		k = (size_t)(t - l) + 7;
		if (!(t = cl_find(l + k, n - k, " :: ", 4)) ||
		    !(q = memchr(t + 4, '\'', (size_t)(l + n - t - 4))))
			return NULL;
		k = (size_t)(t + 4 - l);
		return known_file(s, l + k, (size_t)(q - l) - k) ?
		       xstrndup(l + k, (size_t)(q - l) - k) : NULL;
	}
	return NULL;
}

/* The innermost frame of the project in a trace that ends just above
 * line i, most recent call last (Python's 'File "a.py", line 20, in f'
 * over the quoted line and its carets, and the error under them, as any
 * Python tool prints it): the error's place. Walks back over the frames
 * and their quoted code only; the first frame met is the innermost. */
static bool frame_above(struct scan *s, size_t i, struct place *out)
{
	struct place p;
	size_t j, n, k;
	const char *l;
	bool strong;

	for (j = i; j-- > 0 && i - j <= 4;) {
		/* (nor past a report read there: jscodeshift's " ERR
		 * src/c.js ..." over its SyntaxError, the previous file's
		 * stack above it) */
		if ((s->used[j] & L_USED) || reported_at(s, j))
			return false;
		l = line_view(s, j, &n);
		for (k = 0; k < n && (l[k] == ' ' || l[k] == '\t'); k++)
			;
		if (k == n || !k)
			return false; /* a blank or unindented line: no trace */
		if (!cl_frame_prefix(l, n))
			continue; /* the frame's quoted code, its carets */
		if (!place_of(s, j, &p, &strong, false))
			return false;
		if (strong && p.line > 0) {
			*out = p;
			return true;
		}
		free(p.file);
		return false;
	}
	return false;
}

/* The line closing a most-recent-call-last trace ("Traceback (most recent
 * call last):" over its frames), "pkg.mod.Name: msg" whatever the name
 * (Twisted's "twisted.trial.unittest.FailTest: -1 != 5", Python's own
 * exceptions no pattern names, Jython's, Hy's): one finding at the
 * trace's innermost frame in the project, the frames of the runtime and
 * the test framework under it skipped. A name of a failed check
 * ("FailTest", "AssertionFailed") is a test's failure. */
static bool general_trace_end(struct scan *s, size_t i, const char *l,
			      size_t n)
{
	struct place p, best;
	struct cl_words w;
	const char *pl, *cat;
	size_t k, j, pn, ind, b;
	bool strong, have = false;

	for (ind = 0; ind < n && (l[ind] == ' ' || l[ind] == '\t'); ind++)
		;
	for (k = ind; k < n && (is_alnum_byte(l[k]) || l[k] == '_' || l[k] == '.'); k++)
		;
	if (k == ind || k + 2 >= n || l[k] != ':' || l[k + 1] != ' ' ||
	    !s->opts->file_exists)
		return false;
	/* indented, only an exception's name: most indented "key: value"
	 * lines are a report's fields, not a trace's end */
	if (ind && !(k - ind > 5 && !memcmp(l + k - 5, "Error", 5)) &&
	    !(k - ind > 9 && !memcmp(l + k - 9, "Exception", 9)) &&
	    !cl_find(l + ind, k - ind, "Fail", 4))
		return false;
	memset(&best, 0, sizeof(best));
	for (j = i; j-- > 0 && i - j <= 64;) {
		pl = line_view(s, j, &pn);
		for (b = 0; b < pn && b < ind && (pl[b] == ' ' || pl[b] == '\t'); b++)
			;
		if (b == ind && pn - b >= 34 &&
		    !memcmp(pl + b, "Traceback (most recent call last):", 34))
			break;
		/* a trace told indented (stestr's "Captured traceback:"
		 * under its test): its lines as deep as the error's, blank
		 * lines between them */
		if (ind ? b < ind && b < pn :
			  !pn || (pl[0] != ' ' && pl[0] != '\t')) {
			free(best.file);
			return false; /* no trace right above */
		}
		if (have || !cl_frame_prefix(pl, pn))
			continue;
		if (!place_of(s, j, &p, &strong, false))
			continue;
		if (strong && p.line > 0 && !cl_foreign_path(p.file, strlen(p.file))) {
			best = p;
			have = true;
		} else {
			free(p.file);
		}
	}
	if (j == (size_t)-1 || i - j > 64 || !have) {
		free(best.file);
		return false;
	}
	cl_words_read(l + k + 2, n - k - 2, &w);
	cat = w.category;
	/* ... or its class's words with it ("TemplateNotFound: x.j2") */
	if (!cat) {
		cl_words_read(l + ind, n - ind, &w);
		cat = w.category;
	}
	if (!cat && (cl_find(l + ind, k - ind, "Fail", 4) ||
		     cl_find(l + ind, k - ind, "Assert", 6)))
		cat = CAT_TEST_FAILURE;
	s->used[best.at] |= L_FOLDED;
	general_emit(s, best.file, best.line, best.col, DIAG_ERROR, l + ind,
		     k - ind, l + k + 2, n - k - 2, cat ? cat : CAT_UNKNOWN);
	return true;
}

/* The file a message about an import names as the importer after " from
 * ", quoted or not ("Rollup failed to resolve import "x" from
 * "/s/src/main.js".", Rollup's "Could not resolve './math' from
 * src/index.js"), or NULL. */
static char *importer_named(const char *m, size_t n)
{
	const char *f = cl_find(m, n, " from ", 6), *e;

	/* (bun's "Cannot find module './feed' from 'feed.test.ts'") */
	if (!f || (!cl_find(m, (size_t)(f - m), "import", 6) &&
		   !cl_find(m, (size_t)(f - m), "resolve", 7) &&
		   !cl_find(m, (size_t)(f - m), "find module", 11)))
		return NULL;
	f += 6;
	if (f < m + n && (*f == '"' || *f == '\'')) {
		f++;
		e = memchr(f, f[-1], n - (size_t)(f - m));
	} else {
		for (e = f; e < m + n && *e != ' ' && *e != '\t'; e++)
			;
		/* the sentence's full stop is not the file's */
		if (e > f && e[-1] == '.')
			e--;
	}
	if (!e || e == f || !cl_path_line(f, (size_t)(e - f)) ||
	    cl_foreign_path(f, (size_t)(e - f)))
		return NULL;
	return xstrndup(f, (size_t)(e - f));
}

/* Does m[0..n) end in a word that says the sentence goes on ("named",
 * "at", "from", "in", "of", "to") or in ':'? */
static bool sentence_goes_on(const char *m, size_t n)
{
	static const char *const words[] = { " named", " at", " from", " in",
					     " of", " to" };
	size_t k;

	while (n && (m[n - 1] == ' ' || m[n - 1] == '\t'))
		n--;
	if (n && m[n - 1] == ':')
		return true;
	for (k = 0; k < sizeof(words) / sizeof(*words); k++)
		if (n > strlen(words[k]) &&
		    !memcmp(m + n - strlen(words[k]), words[k], strlen(words[k])))
			return true;
	return false;
}

/* A message a tool wraps over several lines, each opening with the same
 * prefix ("error: Unable to find file or target named" over "error:
 * 'util.c'" and "error: referred to from project at", Boost.Build): line
 * i and the lines under it that go on with it, one blank between them, as
 * a string the caller frees; NULL when none goes on. A line goes on when
 * it is indented under the prefix, or the line before it was or ended
 * mid-sentence, and names no place. The lines joined are read no more. */
static char *prefixed_continuation(struct scan *s, size_t i, const char *pre,
				   size_t plen)
{
	struct buf all = BUF_INIT;
	struct cl_loc loc;
	const char *l;
	size_t j, n, k, pn;
	bool open, deep;

	while (plen && (pre[plen - 1] == ' ' || pre[plen - 1] == '\t'))
		plen--;
	if (plen < 2 || pre[plen - 1] != ':')
		return NULL;
	l = line_view(s, i, &n);
	for (pn = 0; pn < n && (l[pn] == ' ' || l[pn] == '\t'); pn++)
		;
	/* itself deep under its prefix: the rest of a report above */
	if (n - pn > plen + 3 && !memcmp(l + pn + plen, "   ", 3))
		return NULL;
	buf_add(&all, l + pn, n - pn);
	open = sentence_goes_on(l, n);
	for (j = i + 1; j < s->nlines && j <= i + 8; j++) {
		if (s->used[j] & L_USED)
			break;
		l = line_view(s, j, &n);
		for (k = 0; k < n && (l[k] == ' ' || l[k] == '\t'); k++)
			;
		if (n - k <= plen || memcmp(l + k, pre, plen))
			break;
		k += plen;
		/* a column of its own under the prefix: three blanks or more */
		deep = n - k > 3 && l[k] == ' ' && l[k + 1] == ' ' && l[k + 2] == ' ';
		/* a line with a place of its own is a report of its own */
		if ((!deep && !open) || line_place(s, j, l, n, &loc) != CL_LOC_NONE)
			break;
		while (k < n && (l[k] == ' ' || l[k] == '\t'))
			k++;
		/* ... and so is one whose words say what is wrong by
		 * themselves ("x: error: syntax error in a.control at line 6:
		 * ... (not field-colon-value)" over "x: error: two.0 is not a
		 * valid version", dpkg's) */
		if (!deep) {
			struct cl_words w;

			cl_words_read(l + k, n - k, &w);
			if (w.category && !cl_cat_is(w.category, CAT_LINT_VIOLATION))
				break;
		}
		buf_addch(&all, ' ');
		buf_add(&all, l + k, n - k);
		s->used[j] |= L_FOLDED;
		open = deep || sentence_goes_on(l, n);
	}
	if (j == i + 1) {
		buf_release(&all);
		return NULL;
	}
	return buf_detach(&all, NULL);
}

/* Does the message m[0..n) tell how to learn more, or count what was
 * told, rather than say what is wrong (Maven's and Gradle's closing
 * lines: "To see the full stack trace of the errors, re-run Maven with
 * the -e switch.", "Run with --stacktrace option", "The build could not
 * read 1 project")? */
static bool advice(const char *m, size_t n)
{
	static const char *const heads[] = {
		"To see the full stack trace", "Re-run Maven ", "Re-run with ",
		"For more information about the errors", "Run with --",
		"Get more help at ", "The build could not read ", "[Help ",
		/* the trace under an error (Octave's "error: called from"
		 * over "    cart at line 2 column 7"): the error's */
		"called from",
	};
	size_t k;

	for (k = 0; k < sizeof(heads) / sizeof(*heads); k++)
		if (n >= strlen(heads[k]) && !memcmp(m, heads[k], strlen(heads[k])))
			return true;
	return false;
}

/* Is h[0..n), a headline's head, a label of advice ("Help: ", "Hint: ",
 * "Tip: "; ast-grep's "Help: The file is not a valid ast-grep rule" under
 * its error)? What follows it says how to fix the error above, no error
 * of its own. */
static bool advice_label(const char *h, size_t n)
{
	static const char *const labels[] = { "Help: ", "help: ", "Hint: ",
					      "hint: ", "Tip: ", "tip: " };
	size_t k;

	for (k = 0; k < sizeof(labels) / sizeof(*labels); k++)
		if (n == strlen(labels[k]) && !memcmp(h, labels[k], n))
			return true;
	return false;
}

/* Is line i + 1 a headline of its own ("[ERROR] Some problems were
 * encountered while processing the POMs:" over "[ERROR] Malformed POM
 * a/pom.xml: ...")? Then line i heads it and the others under it. */
static bool headline_next(struct scan *s, size_t i)
{
	const char *q;
	size_t qn, m;

	if (i + 1 >= s->nlines || (s->used[i + 1] & L_USED))
		return false;
	q = line_view(s, i + 1, &qn);
	return qn && q[0] != ' ' && cl_headline(q, qn, &m, true) && m < qn &&
	       !advice(q + m, qn - m);
}

/* Does m[0..n) open with its own position, "[4,8] " or "(4,8) "? Then
 * *line and *col are it. */
static bool own_position(const char *m, size_t n, int *line, int *col)
{
	size_t k = 1;
	int l, c;

	if (n < 6 || (m[0] != '[' && m[0] != '(') || !cl_read_int(m, n, &k, &l) ||
	    k >= n || m[k++] != ',' || !cl_read_int(m, n, &k, &c) || k + 1 >= n ||
	    m[k] != (m[0] == '[' ? ']' : ')') || m[k + 1] != ' ' || !l)
		return false;
	*line = l;
	*col = c;
	return true;
}

/* Is m[0..n) (a dozen bytes or more, a final '.' aside) in the message of
 * the finding just made, and placed (one with no place yet, TAP's "not ok
 * 2 x", is placed by what comes under it)? */
static bool repeats_last(const struct scan *s, const char *m, size_t n,
			 const char *file)
{
	const struct diag *d;

	while (n && (m[n - 1] == '.' || m[n - 1] == ' '))
		n--;
	if (n < 12 || s->out->n <= s->first)
		return false;
	d = &s->out->v[s->out->n - 1];
	/* its place (file: the line right under it) another file of the
	 * repository's: the same words of a report of its own (spatch's
	 * "parse error:" over each semantic patch's place) */
	if (file && d->file && strcmp(file, d->file) && s->opts->file_exists &&
	    file_known(s, file, 0, strlen(file)))
		return false;
	return d->file && d->line && d->message &&
	       memmem(d->message, strlen(d->message), m, n);
}

/* The innermost cause a report lists under its headline, line i ("Error:
 * Cannot parse rule a.yml" over "✖ Caused by" and "╰▻ x", ast-grep's and
 * miette's; anyhow's "Caused by:" over "    0: x", "    1: y"): the last
 * cause whose words name a kind, read into *w, its words (*text, *tn:
 * into the scan's text) and its line and column in words; false if no
 * such list is under line i. */
static bool innermost_cause(struct scan *s, size_t i, struct cl_words *w,
			    int *line, int *col, const char **text, size_t *tn)
{
	const char *l;
	size_t j, n, k;
	bool listed = false, found = false;

	for (j = i + 1; j < s->nlines && j <= i + 24; j++) {
		l = line_view(s, j, &n);
		for (k = 0; k < n && (l[k] == ' ' || l[k] == '\t'); k++)
			;
		if (k == n) {
			if (listed)
				break;
			continue;
		}
		if (!listed) {
			/* (a mark before it: miette's "✖ ", "× ") */
			if (n - k > 4 && (unsigned char)l[k] >= 0xc0)
				while (k < n && l[k] != ' ')
					k++;
			while (k < n && l[k] == ' ')
				k++;
			if (n - k >= 9 && !memcmp(l + k, "Caused by", 9))
				listed = true;
			else if (j > i + 3)
				return false;
			continue;
		}
		/* a cause: "╰▻ x", "0: x"; a column-0 line ends the list */
		if (k == 0 && (unsigned char)l[0] < 0x80)
			break;
		if (n - k > 7 && !memcmp(l + k, "\xe2\x95\xb0\xe2\x96\xbb ", 7))
			k += 7;
		else if (k < n && l[k] >= '0' && l[k] <= '9' && k + 2 < n &&
			 l[k + 1] == ':' && l[k + 2] == ' ')
			k += 3;
		else
			continue; /* its code frame, its source's place */
		{
			struct cl_words cw;

			cl_words_read(l + k, n - k, &cw);
			if (!cw.category)
				continue;
			*w = cw;
			*text = l + k + cw.text;
			*tn = n - k - cw.text;
			*line = cl_line_in_words(l + k, n - k);
			/* (no column told: -1, "colum" cut short) */
			*col = *line > 0 ? cl_col_in_words(l + k, n - k) : 0;
			if (*col < 0)
				*col = 0;
			found = true;
		}
	}
	return found;
}

/* Does m[0..n) open with the step the tool was taking on a file, a verb
 * in its gerund ("loading /w/a.lisp at line 5", "Processing x.conf")? */
static bool step_on_file(const char *m, size_t n)
{
	static const char *const steps[] = { "loading ", "processing ",
		"compiling ", "reading ", "evaluating ", "parsing ",
		"including ", "importing ", "while " };
	size_t k, len;

	for (k = 0; k < sizeof(steps) / sizeof(*steps); k++) {
		len = strlen(steps[k]);
		if (n > len && tolower((unsigned char)m[0]) == steps[k][0] &&
		    !memcmp(m + 1, steps[k] + 1, len - 1))
			return true;
	}
	return false;
}

/* The kind of a placed report whose words name none, told in the one or
 * two lines right under it that are no report of their own: ABCL's
 * "Error loading /w/a.lisp at line 5 (offset 100)" over "Debugger invoked
 * on condition of type UNDEFINED-FUNCTION" and "  The function TOTL is
 * undefined." The last of them that names a cause wins; the lines read
 * are folded into the report, their text after its own into *more. */
static const char *kind_under(struct scan *s, size_t i, const char *m,
			      size_t mn, struct buf *more)
{
	const char *l, *cat = NULL, *at;
	size_t j, n, k, off, last = i;
	struct cl_loc loc;
	struct cl_words w;

	/* a report of a step on the file, no more ("loading F at line 5") */
	if (!step_on_file(m, mn))
		return NULL;
	for (j = i + 1; j < s->nlines && j <= i + 2; j++) {
		if (s->used[j] & L_USED)
			break;
		l = line_view(s, j, &n);
		for (k = 0; k < n && (l[k] == ' ' || l[k] == '\t'); k++)
			;
		if (k == n || cl_headline(l, n, &off, true) ||
		    line_place(s, j, l, n, &loc) != CL_LOC_NONE)
			break;
		/* (after the object that raised it: '#<THREAD "x" {8CE}>: ') */
		if (n - k > 4 && l[k] == '#' && l[k + 1] == '<' &&
		    (at = cl_find(l + k, n - k, ">: ", 3)))
			k = (size_t)(at + 3 - l);
		cl_words_read(l + k, n - k, &w);
		if (w.category && cause_category(w.category)) {
			cat = w.category;
			last = j;
		}
	}
	for (j = i + 1; j <= last; j++) {
		l = line_view(s, j, &n);
		for (k = 0; k < n && (l[k] == ' ' || l[k] == '\t'); k++)
			;
		buf_adds(more, ": ");
		buf_add(more, l + k, n - k);
		s->used[j] |= L_FOLDED;
	}
	return cat;
}

/* The file of the project m[0..n) names after " in " ("... in
 * a/package.json at .version"); a copy the caller frees, or NULL. */
static char *file_after_in(struct scan *s, const char *m, size_t n)
{
	const char *c = m;
	size_t b, e;

	if (!s->opts->file_exists)
		return NULL;
	while ((c = cl_find(c, n - (size_t)(c - m), " in ", 4))) {
		b = (size_t)(c - m) + 4;
		for (e = b; e < n && m[e] != ' '; e++)
			;
		while (e > b && (m[e - 1] == ',' || m[e - 1] == ':' || m[e - 1] == '.'))
			e--;
		/* or in quotes: dpdm's "miss "./x" in "src/a.ts"" */
		if (e > b + 2 && (m[b] == '"' || m[b] == '\'') && m[e - 1] == m[b])
			b++, e--;
		if (e > b && memchr(m + b, '.', e - b) && known_file(s, m + b, e - b))
			return xstrndup(m + b, e - b);
		c += 4;
	}
	return NULL;
}

/* An error report without a place on its line ("Error: x", "✘ [ERROR]
 * x", "FooError: x"): placed from the lines around it. */
/* Is f a C or C++ source file by its name? */
static bool c_source(const char *f)
{
	static const char *const exts[] = { ".c", ".cc", ".cpp", ".cxx", ".h",
					    ".hpp" };
	size_t n = strlen(f), k, e;

	for (k = 0; k < sizeof(exts) / sizeof(*exts); k++) {
		e = strlen(exts[k]);
		if (n > e && !memcmp(f + n - e, exts[k], e))
			return true;
	}
	return false;
}

/* Does m[0..n) open with a function's name and a colon ("set_locale: x",
 * "GDScript::reload: x")? */
static bool fn_label(const char *m, size_t n)
{
	size_t k = 0;

	if (!n || !(isalpha((unsigned char)m[0]) || m[0] == '_'))
		return false;
	while (k < n && (isalnum((unsigned char)m[k]) || m[k] == '_' ||
			 (m[k] == ':' && k + 1 < n && m[k + 1] == ':' && (k += 1))))
		k++;
	return k + 1 < n && m[k] == ':' && m[k + 1] == ' ';
}

/* Does line j repeat a headline's label (lab[0..len), "Template render
 * error: ") with only a place after it, indented under it (an included
 * template's report inside the one that included it)? */
static bool label_place_again(struct scan *s, size_t j, const char *lab,
			      size_t len)
{
	const char *l;
	size_t n, k;

	if (j >= s->nlines || (s->used[j] & L_USED))
		return false;
	l = line_view(s, j, &n);
	for (k = 0; k < n && (l[k] == ' ' || l[k] == '\t'); k++)
		;
	return n - k > len && !memcmp(l + k, lab, len) &&
	       cl_paren_place_only(l + k + len, n - k - len);
}

static void general_headline(struct scan *s, size_t i, const char *l,
			     size_t n, size_t msg, long lone, size_t specific)
{
	struct cl_words w;
	struct place p = { NULL, 0, 0, 0 };
	struct cl_loc own;
	const char *cat, *class_cat = NULL, *code;
	char *line = xstrndup(l, n); /* its own: the line under may join it */
	const char *at;
	struct buf more = BUF_INIT, told = BUF_INIT; /* told: with its cause */
	size_t b = 0, code_len, k;
	bool no_place, where = false; /* quoted: the file it is in, not one missing */
	bool paren_only = false;
	char *wrapped, *quoted;
	int tl, ol, oc;

	/* "error at line 6: " over its message (ratfor's): the blanks
	 * after the colon say nothing */
	while (n > msg && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	while (b < msg && (line[b] == ' ' || line[b] == '\t'))
		b++;
	if (advice(line + msg, n - msg) || advice_label(line + b, msg - b) ||
	    (n > msg && line[n - 1] == ':' && headline_next(s, i))) {
		free(line);
		return;
	}
	/* "Template render error: (views/a.njk)" over "  unknown block tag:
	 * endfro" (nunjucks'): a message that is only its place is told on
	 * the line under. The label again under it with only a place (an
	 * included template's, nested) is this report's too: the last of
	 * them reports it, its line the one it tells. */
	if (msg > b && cl_paren_place_only(line + msg, n - msg)) {
		size_t j = i;

		while (label_place_again(s, j + 1, line + b, msg - b))
			j++;
		if (j > i) {
			for (k = i + 1; k < j; k++)
				s->used[k] |= L_FOLDED;
			free(line);
			return;
		}
		paren_only = true;
	}
	no_place = !strncmp(line + b, "unknown file: ", 14) ||
		   !strncmp(line + b, "<unknown>: ", 11);
	if (msg > b && (wrapped = prefixed_continuation(s, i, l + b, msg - b))) {
		free(line);
		line = wrapped;
		n = strlen(line);
	}
	cl_words_read(line + msg, n - msg, &w);
	/* an exception's class over a message that is only a name
	 * ("jinja2.exceptions.TemplateNotFound: nosuch.j2"): the two read
	 * as one sentence ("template not found: nosuch.j2") */
	if (msg > b && !w.code_len && (cat = cl_class_category(line + b, n - b)))
		w.category = cat;
	/* "SyntaxError: empty expression not allowed", "TypeError: cannot
	 * read property 'x' of null" (Duktape's): the error's class names the
	 * kind when the words after it name none, or only a linter's (asked
	 * once the place is known: in a test's file, a test's failure) */
	if (msg > b && !w.code_len &&
	    (!w.category || cl_cat_is(w.category, CAT_LINT_VIOLATION))) {
		struct cl_words cw;

		cl_words_read(line + b, msg - b, &cw);
		if (cw.category && !cl_cat_is(cw.category, CAT_LINT_VIOLATION))
			class_cat = cw.category;
	}
	/* "ERROR: In procedure x:" over "Unbound variable: y": the line
	 * under it says what it is; so it does under a severity alone
	 * ("unknown file: Failure" over "C++ exception ... thrown") */
	if (n > msg && (line[n - 1] == ':' || paren_only ||
			(w.sev >= 0 && w.text >= n - msg)) &&
	    (announced(s, i + 1, &more) ||
	     /* a blank line between ("[error] Build failed with 1 error:",
	      * a blank, "[PARSE_ERROR] Expected `}`": rolldown) */
	     (blank_line(s, i + 1) && announced(s, i + 2, &more)))) {
		struct cl_words mw;

		cl_words_read(more.ptr, more.len, &mw);
		if (!w.category)
			w.category = mw.category;
		struct buf both = BUF_INIT;

		buf_add(&both, line + msg, n - msg);
		buf_addch(&both, ' ');
		buf_add(&both, more.ptr, more.len);
		free(line);
		line = buf_detach(&both, &n);
		msg = 0;
	}
	buf_release(&more);
	/* "unknown file: Failure": the tool says it knows no place; none
	 * around it is this error's */
	if (no_place) {
	} else if ((at = cl_find(line, n, "panicked at ", 12)) &&
	    cl_loc_read(at + 9, n - (size_t)(at + 9 - line), &own) != CL_LOC_NONE &&
	    own.file_len) {
		p.file = xstrndup(at + 9 + own.file, own.file_len);
		p.line = own.line;
		p.col = own.col;
	} else if (s->repo && (p.file = file_after_label(s, line + b, n - b))) {
		/* "WARNING: report.pdf: file is damaged" */
	} else if (s->repo && msg > b &&
		   (k = cl_line_col_opening(line + msg, n - msg, &ol, &oc)) &&
		   (p.file = label_stem_file(s, i, line + b, msg - b))) {
		/* "shop: line 4: error: msg", the file named around it; the
		 * message after its line */
		p.line = ol;
		p.col = oc;
		msg += k;
		if (cl_headline(line + msg, n - msg, &k, false))
			msg += k;
		cl_words_read(line + msg, n - msg, &w);
	} else if ((k = cl_path_words(line + msg, n - msg)) &&
		   known_file(s, line + msg, k) &&
		   /* (not the file looked for: "lib/util.gyp not found") */
		   (!w.category || (!cl_cat_is(w.category, CAT_IMPORT_RESOLUTION) &&
				    !cl_cat_is(w.category, CAT_MISSING_DEPENDENCY)))) {
		/* " ERR src/b.js Transformation error (Unexpected token
		 * (2:7))": the file, and the position the message ends on */
		p.file = xstrndup(line + msg, k);
		cl_paren_position(line + msg, n - msg, &p.line, &p.col);
	} else if (test_named_above(s, i, &p)) {
		/* the test it was raised in says where */
	} else if ((p.file = lit_test_above(s, i))) {
		/* "error: no check strings found with prefix 'FOO:'" in
		 * lit's report of the test's run */
	} else if (s->opts->file_exists && frame_above(s, i, &p)) {
		/* the trace above it says where */
	} else if ((p.file = opening_file(s, line + msg, n - msg))) {
		/* "FAIL: cart.c (File size changed ...)": the file it opens
		 * with, not the next one's */
	} else if (headline_place(s, i, lone, &p)) {
		int bl, bc;


		/* "File: a.js:1:1" above, "╭─[2:17]" under: the box's
		 * place in that file */
		if (p.at < i && box_position(s, i, &bl, &bc)) {
			p.line = bl;
			p.col = bc ? bc : p.col;
		}
		/* a frame of the tool's own code under a message that
		 * tells its own position in the input ("ParserException:
		 * [4,8] expecting: ';'", SableCC's): that position, no file */
		if (p.at > i && s->opts->file_exists &&
		    !file_known(s, p.file, 0, strlen(p.file)) &&
		    own_position(line + msg, n - msg, &p.line, &p.col)) {
			free(p.file);
			p.file = NULL;
		}
		/* a function of the tool's own C or C++ source, one the
		 * repository lacks, under "fn: msg": the tool's report on
		 * itself (Godot's "ERROR: set_locale: Unsupported locale 'C'"
		 * over "   At: core/translation.cpp:969."), none of the
		 * project's problems */
		if (p.at > i && s->repo && p.file && p.file[0] != '/' &&
		    c_source(p.file) && fn_label(line + msg, n - msg) &&
		    !file_known(s, p.file, 0, strlen(p.file))) {
			s->used[p.at] |= L_FOLDED;
			free(p.file);
			free(line);
			return;
		}
		/* ... or under the message the finding just made already
		 * told ("a.j:3: JAS Error Unknown directive." over
		 * "jas.jasError: Unknown directive." and the assembler's
		 * trace): that finding's trace, told again */
		if (p.at > i && repeats_last(s, line + msg, n - msg,
					     p.at == i + 1 ? p.file : NULL)) {
			s->used[p.at] |= L_FOLDED;
			free(p.file);
			free(line);
			return;
		}
		s->used[p.at] |= L_FOLDED;
		if (!w.category && p.at > i)
			w.category = words_between(s, i, p.at);
		if (p.at > i)
			frame_caret(s, &p);
		/* past the context's mark, the problem's (PyYAML's) */
		if (p.at == i + 1 && yaml_problem_mark(s, &p, &more)) {
			struct buf both = BUF_INIT;

			buf_add(&both, line, n);
			buf_adds(&both, ": ");
			buf_add(&both, more.ptr, more.len);
			free(line);
			line = buf_detach(&both, &n);
			buf_release(&more);
		}
		if (p.at > i)
			box_fold(s, p.at);
	} else if (s->repo && !specific && msg > b &&
		   (p.file = project_file_in(s, line + b, msg - b))) {
		/* "Error in type 'x/y' (in a.xml): msg": the file the
		 * heading says the error is in */
		p.line = cl_line_in_words(line + b, msg - b);
	} else if (s->repo && !specific && (p.file = dot_path_in(s, line + msg, n - msg))) {
		/* "Could not process ./hello.md" (Pelican's): the file the
		 * message names as a path from here */
	} else if ((p.file = importer_named(line + msg, n - msg))) {
		/* "failed to resolve import "x" from "src/main.js"" (vite,
		 * Rollup): the file that imports it */
	} else if ((p.file = cl_file_heading(line + msg, n - msg))) {
		/* "error:  /w/bad.json: Expected ... at position 15": the
		 * file heads the message, no line; but a file the repository
		 * lacks and the words say is missing ("lib/env.csh: No such
		 * file or directory.") is what was looked for, no place */
		if (s->repo && w.category &&
		    cl_cat_is(w.category, CAT_IMPORT_RESOLUTION) &&
		    !file_known(s, p.file, 0, strlen(p.file))) {
			free(p.file);
			p.file = NULL;
		}
	} else if (s->repo && !specific &&
		   (quoted = project_file_named(s, line + msg, n - msg, &where))) {
		/* "failed to load configuration file 'key.conf'" (PHP-FPM's,
		 * knotc's) after the error in it: that error told again; or
		 * else that file, unless it is what was looked for */
		if (file_reported(s, quoted)) {
			free(quoted);
			free(line);
			return;
		}
		if (!where && w.category &&
		    (cl_cat_is(w.category, CAT_IMPORT_RESOLUTION) ||
		     cl_cat_is(w.category, CAT_MISSING_DEPENDENCY))) {
			struct diag *last = s->out->n > s->first ?
					    &s->out->v[s->out->n - 1] : NULL;

			/* ... "syntax error ... in Unknown on line 1" over it:
			 * the file that error was in */
			if (last && !last->file) {
				last->file = quoted;
				free(line);
				return;
			}
			free(quoted);
		} else {
			p.file = quoted;
			if (!place_after_quoted(line + msg, n - msg, quoted,
						&p.line, &p.col))
				p.line = cl_line_in_words(line + msg, n - msg);
		}
	} else if (s->opts->file_exists && !specific &&
		   w.category && cl_cat_is(w.category, CAT_IMPORT_RESOLUTION) &&
		   names_missing_file(s, line + msg, n - msg)) {
		/* the file it could not find named: in no file of a line
		 * above or a row below ("can't open 'nosuch.jpg'" over the
		 * next image's row), only the one a heading right above
		 * names alone (Eleventy's "(./a.njk)"), the message's last
		 * words ("... in a.html") or a trailer under it (Maxima's
		 * "    load.mac") */
		if (!(p.file = counter_above(s, i, &p.line)) &&
		    !(p.file = file_alone_above(s, i)) &&
		    !(p.file = file_read_above(s, i)) &&
		    !(p.file = file_at_end(s, line + msg, n - msg, false)))
			p.file = file_alone_below(s, i);
	} else if (s->opts->file_exists && !specific &&
		   cl_loose_place(line + msg, n - msg, known_file, s, &own) !=
		   CL_LOC_NONE && own.line > 0 &&
		   cl_line_in_words(line + msg, n - msg) == own.line) {
		/* a file of the project and its line in the message's own
		 * words ("Error parsing Tupfile line 2", tup's) */
		p.file = xstrndup(line + msg + own.file, own.file_len);
		p.line = own.line;
		p.col = own.col;
	} else if (s->opts->file_exists && !specific &&
		   (tl = temp_copy_line(line + msg, n - msg)) > 0 &&
		   (p.file = nearest_file_above(s, i))) {
		/* a line of the copy the tool read in /tmp: the line of the
		 * project's file it said it read */
		p.line = tl;
	} else if (s->opts->file_exists && !specific) {
		/* a trace above it that names a file of the project, without
		 * a line (guile's "(primitive-load "a.scm")"), or the command
		 * told under it; after the patterns' errors, a placeless line
		 * is their summary */
		if (!(p.file = counter_above(s, i, &p.line)))
			p.file = file_above(s, i);
		/* ... unless the report there named a kind and this line
		 * another ("Unknown option: frob" under help2man's
		 * "re.h2m:3: Unmatched ( in regex"): a problem of its own,
		 * and that file was the other one's */
		if (p.file && other_kind_than_last(s, p.file, w.category)) {
			free(p.file);
			p.file = NULL;
		} else if (p.file && detail_of_last(s, p.file, w.category,
					     w.sev >= 0 ? w.sev : cl_sev_among(line, msg),
					     line + msg, n - msg)) {
			free(p.file);
			free(line);
			return;
		}
		/* (a package to install is none of the project's files:
		 * nimble's "Error: Package not found." over the build of
		 * another package) */
		if (!p.file && !(w.category &&
				 cl_cat_is(w.category, CAT_MISSING_DEPENDENCY)))
			p.file = file_below(s, i, w.category);
		/* its line in its words: "Error: (line 3) unterminated list" */
		if (p.file && !p.line)
			p.line = cl_line_in_words(line + msg, n - msg);
		/* ... or its position in parentheses ending it, line and
		 * column from 0 (acorn's and Babel's "SyntaxError: The
		 * keyword 'const' is reserved (2:0)") */
		if (p.file && !p.line && trailing_position(line + msg, n - msg,
							   &p.line, &p.col))
			p.col++;
		/* ... or after that file on the line right under, which says
		 * no more ("Error found at a.conf:2.", mosquitto's) */
		if (p.file && !p.line)
			p.line = line_of_file_under(s, i, p.file);
		if (p.file && !p.line)
			p.line = line_in_fields_under(s, i, p.file);
	}
	if (!p.file && restates_last(s, line + msg, n - msg)) {
		free(line);
		return;
	}
	/* "Warning, line 3, msg": the line its heading told, no file */
	if (!p.file && !p.line)
		cl_sev_line_commas(line + b, n - b, &p.line);
	/* "error: file in.xml" after the reports: it names the file they
	 * were in, nothing more */
	if (!w.category && !w.code_len && s->out->n > s->first &&
	    names_only_a_file(line + msg, n - msg)) {
		free(p.file);
		free(line);
		return;
	}
	/* Known tools' errors were taken by their patterns: a placeless
	 * headline after them is their summary, and one at a place they
	 * reported is the same error told twice. */
	/* ... but a link error after compile errors is a problem of its own
	 * (the compile errors' summary is never one), once */
	if (!p.file && w.category && cl_cat_is(w.category, CAT_LINK_ERROR)) {
		if (reported(s, CAT_LINK_ERROR)) {
			free(line);
			return;
		}
	} else if ((!p.file && specific && !own_cause(s, w.category) &&
		    !own_missing_file(s, w.category, line + msg + w.text,
				      n - msg - w.text)) ||
		   (p.file && place_reported(s, p.file, p.line, specific))) {
		free(p.file);
		free(line);
		return;
	}
	/* a failed test's report ("Error: should be equal" under TAP's "not
	 * ok 1") whose words name nothing or a test's failure, at the place
	 * its test was reported: the same failure told twice */
	if (p.file && !w.code_len && (!w.category || cl_cat_is(w.category, CAT_LINT_VIOLATION) ||
				      cl_cat_is(w.category, CAT_TEST_FAILURE)) &&
	    general_at(s, p.file, p.line, 0) && strncmp(line + msg, "not ok ", 7)) {
		free(p.file);
		free(line);
		return;
	}
	/* a row of the closing list of failures ("[ERROR] Failures:" over
	 * "[ERROR]   AppTest.testAdd:12 expected: <5> but was: <4>",
	 * Surefire's) after the failures were told */
	if (!p.file && (!w.category || cl_cat_is(w.category, CAT_TEST_FAILURE)) &&
	    !w.code_len && ((s->out->n > s->first && failure_summary(s, i)) ||
			     /* "FPM initialization failed", "Build failed."
			      * after the findings: their outcome */
			     (s->out->n > s->first && !w.category &&
			      outcome_failed(line + msg, n - msg)) ||
			    verdict_on_reported(s, line + msg, n - msg) ||
			    suite_verdict(s, line + msg, n - msg))) {
		free(line);
		return;
	}
	/* "Could not parse h.a@1.0::types. Aborting." (hidl-gen) after the
	 * error it stopped on: the run giving up, no problem of its own */
	if (!p.file && s->out->n > s->first && ends_giving_up(line + msg, n - msg)) {
		free(line);
		return;
	}
	if (class_cat && (!w.category || cl_cat_is(w.category, CAT_LINT_VIOLATION)) &&
	    !(p.file && test_file(p.file)))
		w.category = class_cat;
	/* its kind told under it, as general_inline reads it */
	if (!w.category && !w.code_len && p.file && p.line > 0 &&
	    (cat = kind_under(s, i, line + msg, n - msg, &more))) {
		w.category = cat;
		buf_add(&told, line + msg, n - msg);
		buf_add(&told, more.ptr, more.len);
	}
	buf_release(&more);
	/* the causes listed under it, innermost last: the last says what
	 * it is and where in the file the headline ends naming ("Cannot
	 * parse rule a.yml" over "╰▻ error: line 3 column 1: unknown field
	 * `patern`") */
	if (!w.code_len && !told.len) {
		struct cl_words cause;
		const char *ct;
		size_t ctn;
		int cl = 0, cc = 0;

		if (innermost_cause(s, i, &cause, &cl, &cc, &ct, &ctn)) {
			w.category = cause.category;
			buf_add(&told, line + msg, n - msg);
			buf_adds(&told, ": ");
			buf_add(&told, ct, ctn);
			if (!p.file && cl > 0 &&
			    (p.file = file_at_end(s, line + msg, n - msg, true))) {
				p.line = cl;
				p.col = cc;
			}
		}
	}
	/* "⚠ rule: msg", "WARNING: msg": a warning that names nothing else
	 * is a linter's finding */
	if (w.sev < 0)
		w.sev = msg >= 3 && cl_find(line, msg, "\xe2\x9a\xa0", 3) ? DIAG_WARNING :
			cl_sev_among(line, msg);
	if (!w.category && w.sev == DIAG_WARNING)
		w.category = CAT_LINT_VIOLATION;
	/* a failed test is one whatever a linter's words in its name say
	 * ("not ok 2 should be deeply equivalent") */
	if (w.category && cl_cat_is(w.category, CAT_LINT_VIOLATION) &&
	    !strncmp(line + msg, "not ok ", 7))
		w.category = NULL;
	/* the code in brackets on the severity the headline opened with
	 * ("error[no-console-log]: msg", ast-grep's and other codespan
	 * reports; rustc's "error[E0425]"), as the head's words read it:
	 * the finding's rule */
	code = line + msg + w.code;
	code_len = w.code_len;
	if (!code_len && msg > b) {
		struct cl_words hw;

		/* (glued to its severity, "error[x]": not a tag of its
		 * own, "[error] x") */
		cl_words_read(line + b, msg - b, &hw);
		if (hw.sev >= 0 && hw.code_len && hw.code >= 2 &&
		    line[b + hw.code - 1] == '[' &&
		    isalpha((unsigned char)line[b + hw.code - 2])) {
			code = line + b + hw.code;
			code_len = hw.code_len;
		}
	}
	/* ... or the reason a marked row ends with, the row's file named
	 * in it ("✘ 1.0.0 → 2.0.0 in a/package.json at .dependencies
	 * (DiffersToLocal)") */
	if (!code_len && !w.category && msg > b &&
	    (k = cl_reason_code(line + msg, n - msg, &code_len))) {
		code = line + msg + k;
		if (!p.file)
			p.file = file_after_in(s, line + msg, n - msg);
	}
	/* ... or the rule in kebab case a marked row ends with ("⨯ error
	 * Dependency x has multiple versions. multiple-dependency-versions",
	 * sherif's) */
	if (!code_len && msg > b && (unsigned char)line[b] >= 0xc0 &&
	    (k = cl_kebab_rule(line + msg, n - msg, &code_len)))
		code = line + msg + k;
	/* "FAIL x", TAP's "not ok N", and a "Failure:" label (RSpec's
	 * "Failure/Error:", minitest's and Test::Unit's "Failure:") */
	cat = w.category ? w.category :
	      !strncmp(line + msg, "FAIL", 4) || !strncmp(line + msg, "--- FAIL", 8) ||
	      !strncmp(line + msg, "not ok ", 7) || failure_label(line, msg) ?
	      CAT_TEST_FAILURE : code_len ? CAT_LINT_VIOLATION : CAT_UNKNOWN;
	general_emit(s, p.file, p.line, p.col, w.sev >= 0 ? w.sev : DIAG_ERROR,
		     code, code_len, told.len ? told.ptr : line + msg,
		     told.len ? told.len : n - msg, cat);
	buf_release(&told);
	free(line);
}

/* "   ^-- SC2086 (info): msg" under "In a.sh line 3:": the lone place's
 * file and line, the caret's column. */
static void general_caret(struct scan *s, const char *l, size_t n, size_t at,
			  size_t col, size_t lone)
{
	struct cl_words w;
	struct cl_loc loc;
	const char *ll;
	size_t ln;
	char *msg = xstrndup(l + at, n - at), *file;

	cl_words_read(msg, n - at, &w);
	ll = line_view(s, lone, &ln);
	if (w.note || cl_loc_read(ll, ln, &loc) != CL_LOC_ALONE) {
		free(msg);
		return;
	}
	file = xstrndup(ll + loc.file, loc.file_len);
	general_emit(s, file, loc.line, (int)col, w.sev, msg + w.code, w.code_len,
		     msg + w.text, n - at - w.text,
		     w.category ? w.category : CAT_LINT_VIOLATION);
	free(msg);
}

/* ---- JSON and SARIF reporters ---- */

/* Keys the common reporters use (pyright --outputjson, SARIF, ruff,
 * mypy -O json, stylelint, shellcheck and hadolint json, golangci-lint). */
static const char *const js_msg_keys[] = { "message", "msg", "text", "Text",
					   "description", NULL };
static const char *const js_file_keys[] = { "file", "filePath", "filename",
					    "fileName", "Filename", "path",
					    "uri", "source", NULL };
static const char *const js_line_keys[] = { "line", "startLine", "row", "Line",
					    "lineNumber", "line_number", NULL };
static const char *const js_col_keys[] = { "column", "startColumn", "col",
					   "character", "Column", NULL };
static const char *const js_sev_keys[] = { "severity", "level", "Severity",
					   "type", NULL };
static const char *const js_code_keys[] = { "ruleId", "rule", "code",
					    "check_name", "symbol", "FromLinter",
					    "messageId", NULL };

/* The first of keys obj has (of type want, or any when JSON_NONE), or -1. */
static int js_get_any(const struct json_doc *d, int obj,
		      const char *const *keys, enum json_type want)
{
	int v;

	for (; *keys; keys++)
		if ((v = json_get(d, obj, *keys)) >= 0 &&
		    (want == JSON_NONE || json_type(d, v) == want))
			return v;
	return -1;
}

/* Depth-first, the first object in v's subtree (depth at most `depth`)
 * with one of keys (of type want); *holder is that object. */
static int js_find(const struct json_doc *d, int v, const char *const *keys,
		   enum json_type want, int depth, int *holder)
{
	int k, r;

	if (depth < 0)
		return -1;
	if (json_type(d, v) == JSON_OBJECT &&
	    (r = js_get_any(d, v, keys, want)) >= 0) {
		*holder = v;
		return r;
	}
	if (json_type(d, v) != JSON_OBJECT && json_type(d, v) != JSON_ARRAY)
		return -1;
	for (k = json_first(d, v); k >= 0; k = json_next(d, k)) {
		int c = json_type(d, v) == JSON_OBJECT ? json_member_value(d, k) : k;

		if ((r = js_find(d, c, keys, want, depth - 1, holder)) >= 0)
			return r;
	}
	return -1;
}

/* One reported problem: an object with a message (SARIF's is
 * {text}); its place anywhere below it, else the file of an object above
 * it (stylelint's `source`, eslint's `filePath`). True if it was one. */
static bool js_diag(struct scan *s, const struct json_doc *d, int v,
		    const char *outer_file)
{
	int m = js_get_any(d, v, js_msg_keys, JSON_NONE), holder = -1, f, ln, c,
	    sv, cd;
	int64_t line = 0, col = 0;
	char *msg = NULL, *file = NULL, *sev = NULL, *code = NULL;
	struct cl_words w;
	const char *cat;
	int sevn = -1;

	if (m >= 0 && json_type(d, m) == JSON_OBJECT)
		m = json_get(d, m, "text");
	if (m < 0 || json_type(d, m) != JSON_STRING)
		return false;
	ln = js_find(d, v, js_line_keys, JSON_NUMBER, 5, &holder);
	f = js_find(d, v, js_file_keys, JSON_STRING, 5, &(int){ 0 });
	if (ln < 0 && f < 0 && !outer_file)
		return false; /* a message, but no problem at a place */
	if (ln >= 0) {
		json_int64(d, ln, &line);
		c = js_get_any(d, holder, js_col_keys, JSON_NUMBER);
		if (c >= 0)
			json_int64(d, c, &col);
		/* LSP ranges ({line, character}, pyright) count from 0 */
		if (json_get(d, holder, "character") >= 0) {
			line++;
			col++;
		}
	}
	msg = json_strdup(d, m);
	file = f >= 0 ? json_strdup(d, f) : outer_file ? xstrdup(outer_file) : NULL;
	if (file && !strncmp(file, "file://", 7))
		memmove(file, file + 7, strlen(file + 7) + 1);
	/* "path": "#/port" (z-schema's, a JSON Schema validator's): where
	 * in the document, a JSON pointer, no file; said after the message */
	if (file && file[0] == '#' && (!file[1] || file[1] == '/')) {
		struct buf at = BUF_INIT;

		buf_addf(&at, "%s (at %s)", msg, file);
		free(msg);
		msg = buf_detach(&at, NULL);
		free(file);
		file = outer_file ? xstrdup(outer_file) : NULL;
	}
	sv = js_get_any(d, v, js_sev_keys, JSON_NONE);
	if (sv >= 0 && json_type(d, sv) == JSON_STRING) {
		sev = json_strdup(d, sv);
		sevn = sev[0] == 'w' || sev[0] == 'W' ? DIAG_WARNING :
		       strchr("nNiIhH", sev[0]) && sev[0] ? DIAG_NOTE : DIAG_ERROR;
	} else if (sv >= 0 && json_type(d, sv) == JSON_NUMBER) {
		int64_t n = 0;

		json_int64(d, sv, &n); /* eslint: 2 error, 1 warning */
		sevn = n == 1 ? DIAG_WARNING : DIAG_ERROR;
	}
	cd = js_get_any(d, v, js_code_keys, JSON_NONE);
	if (cd >= 0 && json_type(d, cd) == JSON_STRING) {
		code = json_strdup(d, cd);
	} else if (cd >= 0 && json_type(d, cd) == JSON_NUMBER) {
		size_t rl; /* shellcheck's 2086 */
		const char *raw = json_raw(d, cd, &rl);

		code = xstrndup(raw, rl);
	}
	cl_words_read(msg, strlen(msg), &w);
	cat = w.category ? w.category :
	      code || w.code_len || sevn == DIAG_WARNING || sevn == DIAG_NOTE ?
	      CAT_LINT_VIOLATION : CAT_UNKNOWN;
	if (!sev || strcmp(sev, "none"))
		general_emit(s, file, line > 0 && line < INT_MAX ? (int)line : 0,
			     col > 0 && col < INT_MAX ? (int)col : 0, sevn,
			     code ? code : msg + w.code, code ? strlen(code) : w.code_len,
			     msg, strlen(msg), cat);
	else
		free(file);
	free(msg);
	free(sev);
	free(code);
	return true;
}

/* Walks a reporter's document: each object with a message is one problem
 * (not looked into further); others pass their file down. */
static size_t js_walk(struct scan *s, const struct json_doc *d, int v,
		      const char *outer_file, int depth)
{
	size_t n = 0;
	int k, f;
	char *own = NULL;

	if (depth > 16)
		return 0;
	if (json_type(d, v) == JSON_OBJECT) {
		if (js_diag(s, d, v, outer_file))
			return 1;
		f = js_get_any(d, v, js_file_keys, JSON_STRING);
		if (f >= 0)
			outer_file = own = json_strdup(d, f);
	} else if (json_type(d, v) != JSON_ARRAY) {
		return 0;
	}
	for (k = json_first(d, v); k >= 0; k = json_next(d, k))
		n += js_walk(s, d, json_type(d, v) == JSON_OBJECT ?
			     json_member_value(d, k) : k, outer_file, depth + 1);
	free(own);
	return n;
}

/* text[0..len) as one reporter document: the problems it holds. */
static size_t js_reporter(struct scan *s, const char *text, size_t len)
{
	struct json_doc doc = JSON_DOC_INIT;
	struct err e = ERR_INIT;
	size_t n = 0;

	if (len <= CL_JSON_MAX && json_parse(&doc, text, len, 64, &e) == 0)
		n = js_walk(s, &doc, 0, NULL, 0);
	json_doc_release(&doc);
	err_clear(&e);
	return n;
}

/* Is p[0..n), blanks aside, a JSON object or array? */
static bool js_shaped(const char *p, size_t n)
{
	while (n && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++, n--;
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\n' ||
		     p[n - 1] == '\r'))
		n--;
	return n >= 2 && ((p[0] == '{' && p[n - 1] == '}') ||
			  (p[0] == '[' && p[n - 1] == ']'));
}

/* ---- XML reporters (checkstyle, JUnit, cppcheck --xml, PMD) ---- */

/* An element of an XML report, as far as a reporter needs it. */
struct xml_el {
	char name[16]; /* lower case, cut */
	char *file;    /* its own file attribute, or <file name>'s */
	/* a problem in the making (error, warning, failure, violation...) */
	bool problem;
	char *msg, *sev, *rule, *type, *test;
	int line, col;
	size_t body; /* where its content starts */
};

/* Decodes XML's entities in p[0..n) into out. */
static void xml_text(struct buf *out, const char *p, size_t n)
{
	static const struct { const char *e; char c; } ents[] = {
		{ "&lt;", '<' }, { "&gt;", '>' }, { "&amp;", '&' },
		{ "&quot;", '"' }, { "&apos;", '\'' },
	};
	size_t i, k;

	for (i = 0; i < n; i++) {
		if (p[i] != '&') {
			buf_addch(out, p[i]);
			continue;
		}
		for (k = 0; k < sizeof(ents) / sizeof(*ents); k++)
			if (n - i >= strlen(ents[k].e) &&
			    !memcmp(p + i, ents[k].e, strlen(ents[k].e)))
				break;
		if (k < sizeof(ents) / sizeof(*ents)) {
			buf_addch(out, ents[k].c);
			i += strlen(ents[k].e) - 1;
		} else if (i + 3 < n && p[i + 1] == '#') {
			/* &#10; &#x3C;: ASCII only; others pass as they are */
			bool hex = p[i + 2] == 'x' || p[i + 2] == 'X';
			char *end;
			unsigned long v = strtoul(p + i + 2 + hex, &end, hex ? 16 : 10);

			if (end < p + n && *end == ';' && v > 0 && v < 128) {
				buf_addch(out, (char)v);
				i = (size_t)(end - p);
			} else {
				buf_addch(out, '&');
			}
		} else {
			buf_addch(out, '&');
		}
	}
}

static char *xml_dup(const char *p, size_t n)
{
	struct buf b = BUF_INIT;

	xml_text(&b, p, n);
	return b.len ? buf_detach(&b, NULL) : (buf_release(&b), xstrdup(""));
}

static bool xml_is(const struct xml_el *e, const char *const *names)
{
	for (; *names; names++)
		if (!strcmp(e->name, *names))
			return true;
	return false;
}

/* The place a problem's text tells (a JUnit failure's trace): the first
 * frame or located line in the project, else the first at all. */
static void xml_body_place(struct scan *s, const char *t, size_t len,
			   struct xml_el *el)
{
	const char *p = t, *end = t + len;
	char *weak = NULL;
	int wl = 0, wc = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		struct cl_loc loc;

		if (cl_may_place(p, n) && cl_loc_read(p, n, &loc) != CL_LOC_NONE &&
		    loc.file_len && loc.line > 0 &&
		    !cl_foreign_path(p + loc.file, loc.file_len)) {
			if (file_known(s, p, loc.file, loc.file_len) ||
			    !s->opts->file_exists) {
				free(el->file);
				el->file = xstrndup(p + loc.file, loc.file_len);
				el->line = loc.line;
				el->col = loc.col;
				free(weak);
				return;
			}
			if (!weak) {
				weak = xstrndup(p + loc.file, loc.file_len);
				wl = loc.line;
				wc = loc.col;
			}
		}
		p += n + 1;
	}
	if (weak) {
		free(el->file);
		el->file = weak;
		el->line = wl;
		el->col = wc;
	}
}

/* One problem element, closed: its diagnostic. body[0..blen) its
 * content (a JUnit failure's trace), raw. */
static void xml_emit(struct scan *s, struct xml_el *el, const char *body,
		     size_t blen, bool in_test)
{
	struct buf text = BUF_INIT, msg = BUF_INIT;
	struct cl_words w;
	const char *cat, *first = NULL;
	size_t fl = 0;
	int sev;

	xml_text(&text, body, blen);
	if (!el->line && text.len)
		xml_body_place(s, text.ptr, text.len, el);
	/* the message: its attribute, else the content's first line */
	if (el->msg && *el->msg) {
		first = el->msg;
		fl = strcspn(el->msg, "\n");
	} else if (text.len) {
		first = text.ptr + strspn(text.ptr, " \t\n");
		fl = strcspn(first, "\n");
	}
	if (el->test)
		buf_addf(&msg, "%s: ", el->test);
	buf_add(&msg, first ? first : el->name, first ? fl : strlen(el->name));
	cl_words_read(first ? first : "", first ? fl : 0, &w);
	cat = w.category;
	if (!cat && el->type) {
		struct cl_words tw;

		cl_words_read(el->type, strlen(el->type), &tw);
		cat = tw.category;
	}
	sev = el->sev ? cl_prefix_sev(el->sev, strlen(el->sev)) :
	      !strcmp(el->name, "warning") ? DIAG_WARNING : DIAG_ERROR;
	if (!cat)
		cat = in_test ? CAT_TEST_FAILURE :
		      el->rule || sev == DIAG_WARNING || sev == DIAG_NOTE ?
		      CAT_LINT_VIOLATION : CAT_UNKNOWN;
	general_emit(s, el->file ? xstrdup(el->file) : NULL, el->line, el->col,
		     sev, el->rule ? el->rule : "", el->rule ? strlen(el->rule) : 0,
		     msg.ptr, msg.len, cat);
	buf_release(&text);
	buf_release(&msg);
}

static void xml_el_release(struct xml_el *e)
{
	free(e->file);
	free(e->msg);
	free(e->sev);
	free(e->rule);
	free(e->type);
	free(e->test);
	memset(e, 0, sizeof(*e));
}

/* text[0..len) as an XML report: every problem element (checkstyle's and
 * cppcheck's <error>, PMD's <violation>, JUnit's <failure> and <error>
 * in a <testcase>) is one diagnostic, placed by its line attributes, a
 * <location> inside it, or the trace it holds; its file from itself or
 * the element around it (<file name>, <testcase file>). A hand-written
 * scanner: reports are flat, and no library reads them for us. */
static size_t xml_reporter(struct scan *s, const char *t, size_t len)
{
	static const char *const problems[] = { "error", "warning", "failure",
		"violation", "issue", "problem", NULL };
	static const char *const files[] = { "file", "filename", "path",
					     "sourcefile", NULL };
	struct xml_el st[32];
	size_t depth = 0, found = 0, i = 0, k;

	memset(st, 0, sizeof(st));
	while (i < len) {
		const char *lt = memchr(t + i, '<', len - i);
		struct xml_el el;
		bool closing, self = false;
		size_t j, ns;

		if (!lt)
			break;
		i = (size_t)(lt - t);
		closing = i + 1 < len && t[i + 1] == '/';
		j = i + 1 + closing;

		if (i + 1 < len && (t[i + 1] == '?' || t[i + 1] == '!')) {
			const char *e = t[i + 1] == '!' && len - i > 4 &&
					!memcmp(t + i, "<!--", 4) ?
					memmem(t + i, len - i, "-->", 3) :
					memchr(t + i, '>', len - i);

			i = e ? (size_t)(e - t) + 1 : len;
			continue;
		}
		memset(&el, 0, sizeof(el));
		for (ns = j; j < len && !strchr(" \t\r\n/>", t[j]); j++)
			;
		for (k = 0; ns + k < j && k + 1 < sizeof(el.name); k++)
			el.name[k] = (char)(t[ns + k] >= 'A' && t[ns + k] <= 'Z' ?
					    t[ns + k] + 32 : t[ns + k]);
		if (closing) {
			const char *e = memchr(t + j, '>', len - j);

			if (depth && !strcmp(st[depth - 1].name, el.name)) {
				struct xml_el *top = &st[depth - 1];

				if (top->problem) {
					xml_emit(s, top, t + top->body, i - top->body,
						 depth > 1 && !strcmp(st[depth - 2].name,
								      "testcase"));
					found++;
				}
				xml_el_release(top);
				depth--;
			}
			i = e ? (size_t)(e - t) + 1 : len;
			continue;
		}
		/* attributes: name="value" | name='value' */
		while (j < len && t[j] != '>') {
			size_t an, ae, vs, ve;
			char q;

			if (t[j] == '/' && j + 1 < len && t[j + 1] == '>') {
				self = true;
				j++;
				break;
			}
			if (strchr(" \t\r\n", t[j])) {
				j++;
				continue;
			}
			for (an = j; j < len && !strchr("= \t\r\n/>", t[j]); j++)
				;
			ae = j;
			if (j >= len || t[j] != '=' || j + 1 >= len ||
			    (t[j + 1] != '"' && t[j + 1] != '\'')) {
				if (j == an)
					j++; /* a stray '=' or '/': step over it */
				continue;
			}
			q = t[j + 1];
			vs = j + 2;
			for (ve = vs; ve < len && t[ve] != q; ve++)
				;
			j = ve + 1;
#define ATTR(lit) (ae - an == sizeof(lit) - 1 && !memcmp(t + an, lit, sizeof(lit) - 1))
			if (ATTR("line") || ATTR("beginline") || ATTR("startLine")) {
				long v = strtol(t + vs, NULL, 10);

				el.line = v > 0 && v < INT_MAX ? (int)v : 0;
			} else if (ATTR("column") || ATTR("begincolumn") || ATTR("col")) {
				long v = strtol(t + vs, NULL, 10);

				el.col = v > 0 && v < INT_MAX ? (int)v : 0;
			} else if (ATTR("message") || ATTR("msg")) {
				free(el.msg);
				el.msg = xml_dup(t + vs, ve - vs);
			} else if (ATTR("severity")) {
				free(el.sev); /* a repeated attribute: the last */
				el.sev = xml_dup(t + vs, ve - vs);
			} else if (ATTR("source") || ATTR("rule") || ATTR("id") ||
				   ATTR("ruleId")) {
				free(el.rule);
				el.rule = xml_dup(t + vs, ve - vs);
			} else if (ATTR("type")) {
				free(el.type);
				el.type = xml_dup(t + vs, ve - vs);
			} else if (ATTR("name") && (!strcmp(el.name, "file") ||
						   !strcmp(el.name, "testcase"))) {
				if (!strcmp(el.name, "file")) {
					free(el.file);
					el.file = xml_dup(t + vs, ve - vs);
				} else {
					free(el.test);
					el.test = xml_dup(t + vs, ve - vs);
				}
			} else {
				for (k = 0; files[k]; k++)
					if (ae - an == strlen(files[k]) &&
					    !memcmp(t + an, files[k], ae - an))
						break;
				if (files[k]) {
					free(el.file);
					el.file = xml_dup(t + vs, ve - vs);
				}
			}
#undef ATTR
		}
		i = j < len ? j + 1 : len;
		/* a <location> inside a problem places it (cppcheck) */
		if (!strcmp(el.name, "location") && depth && st[depth - 1].problem &&
		    !st[depth - 1].line && el.line) {
			struct xml_el *top = &st[depth - 1];

			free(top->file);
			top->file = el.file;
			el.file = NULL;
			top->line = el.line;
			top->col = el.col;
		}
		el.problem = xml_is(&el, problems) &&
			     (el.msg || el.line || el.sev || el.type ||
			      (depth && !strcmp(st[depth - 1].name, "testcase")));
		if (!el.file)
			for (k = depth; k-- > 0;)
				if (st[k].file) {
					el.file = xstrdup(st[k].file);
					break;
				}
		if (el.problem && !el.test && depth && st[depth - 1].test)
			el.test = xstrdup(st[depth - 1].test);
		if (self || depth == sizeof(st) / sizeof(*st)) {
			if (el.problem) {
				xml_emit(s, &el, "", 0, depth &&
					 !strcmp(st[depth - 1].name, "testcase"));
				found++;
			}
			xml_el_release(&el);
			continue;
		}
		el.body = i;
		st[depth++] = el;
	}
	while (depth)
		xml_el_release(&st[--depth]);
	return found;
}

static bool is_xml_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_xml_name_byte(char c)
{
	return is_xml_name_start(c) || c == '-' || c == ':' || c == '.' ||
	       (c >= '0' && c <= '9');
}

/* Is p[0..n), blanks aside, an XML document (or element)? */
static bool xml_shaped(const char *p, size_t n)
{
	while (n && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++, n--;
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\n' ||
		     p[n - 1] == '\r'))
		n--;
	return n >= 4 && p[0] == '<' && p[n - 1] == '>' &&
	       (p[1] == '?' || is_xml_name_start(p[1]));
}

/* Where a JSON value opening at t[0] ('{' or '[') closes: one past its
 * last byte, or 0 when it does not within len (strings and escapes
 * skipped; nesting capped as the parser caps it). */
static size_t js_close(const char *t, size_t len)
{
	size_t i, depth = 0;
	bool str = false;

	for (i = 0; i < len; i++) {
		char c = t[i];

		if (str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				str = false;
		} else if (c == '"') {
			str = true;
		} else if (c == '{' || c == '[') {
			if (++depth > 64)
				return 0;
		} else if (c == '}' || c == ']') {
			if (--depth == 0)
				return i + 1;
		}
	}
	return 0;
}

/* Just past the '>' of a start tag whose name ends at t[i]: its attributes
 * (name="value", over lines if need be), and after it the line's end or
 * another tag; 0 for what only looks like one ("<frozen runpy>", "<read
 * *>", "<markuplint> error: x"), so no search for its end tag runs over
 * the rest of the log. */
static size_t xml_start_tag_end(const char *t, size_t len, size_t i)
{
	const char *q;

	for (;;) {
		size_t a = i;

		while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' ||
				   t[i] == '\r'))
			i++;
		if (i < len && t[i] == '>')
			break;
		if (i + 1 < len && t[i] == '/' && t[i + 1] == '>') {
			i++;
			break;
		}
		if (i == a || i >= len || !is_xml_name_start(t[i]))
			return 0;
		while (i < len && is_xml_name_byte(t[i]))
			i++;
		if (i + 1 >= len || t[i] != '=' || (t[i + 1] != '"' && t[i + 1] != '\''))
			return 0;
		if (!(q = memchr(t + i + 2, t[i + 1], len - i - 2)))
			return 0;
		i = (size_t)(q - t) + 1;
	}
	for (q = t + ++i; q < t + len && (*q == ' ' || *q == '\t' || *q == '\r'); q++)
		;
	return q < t + len && *q != '\n' && *q != '<' ? 0 : i;
}

/* Where an XML document opening at t[0] closes: past "</root>" of its
 * root element (after a "<?xml ...?>" declaration and comments), or 0. */
static size_t xml_close(const char *t, size_t len)
{
	size_t i = 0, name, nlen;
	const char *end;
	char close[72];

	for (;;) {
		while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' ||
				   t[i] == '\r'))
			i++;
		if (i + 1 < len && t[i] == '<' && (t[i + 1] == '?' || t[i + 1] == '!')) {
			end = memchr(t + i, '>', len - i);
			if (!end)
				return 0;
			i = (size_t)(end - t) + 1;
			continue;
		}
		break;
	}
	if (i + 1 >= len || t[i] != '<' || !is_xml_name_start(t[i + 1]))
		return 0;
	for (name = ++i; i < len && is_xml_name_byte(t[i]); i++)
		;
	nlen = i - name;
	if (nlen + 3 > sizeof(close) || !(i = xml_start_tag_end(t, len, i)))
		return 0;
	if (t[i - 2] == '/') /* "<testsuites/>": the whole document */
		return i;
	close[0] = '<';
	close[1] = '/';
	memcpy(close + 2, t + name, nlen);
	close[2 + nlen] = '>';
	end = memmem(t + i, len - i, close, nlen + 3);
	return end ? (size_t)(end - t) + nlen + 3 : 0;
}

/* A report that opens at line i amid other text (npm's "> x@1 test"
 * header over mocha's xunit XML, pyright's pretty JSON between two
 * lines of a script): its problems, its lines taken. How many lines it
 * spans, 0 when there is none. *tries counts the openings that did not
 * close, so a log full of "{" lines costs a few scans, not one each. */
static size_t embedded_report(struct scan *s, size_t i, unsigned *tries)
{
	const char *t = s->text + s->start[i]; /* the raw line: offsets below
						* are into the text */
	size_t k = 0, n = line_len(s, i), len, end, j;
	bool json;

	while (k < n && (t[k] == ' ' || t[k] == '\t'))
		k++;
	while (n > k && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	if (k == n || *tries >= CL_EMBED_TRIES)
		return 0;
	/* pretty JSON opens with a bracket alone on its line; XML with
	 * "<?xml" or an element */
	json = (t[k] == '{' || t[k] == '[') && k + 1 == n;
	if (!json && !(t[k] == '<' && k + 1 < n &&
		       (t[k + 1] == '?' || is_xml_name_start(t[k + 1]))))
		return 0;
	/* to the text's end (start[nlines] is one past a last '\n', real
	 * or supposed) */
	len = s->start[s->nlines] - 1 - s->start[i];
	if (len > CL_EMBED_MAX)
		len = CL_EMBED_MAX;
	end = json ? js_close(t + k, len - k) : xml_close(t, len);
	if (!end) {
		++*tries;
		return 0;
	}
	if (json)
		end += k;
	/* the document ends its line */
	for (j = end; j < len && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r'); j++)
		;
	if (j < len && t[j] != '\n')
		return 0;
	if (!(json ? js_reporter(s, t, end) : xml_reporter(s, t, end)))
		return 0;
	for (j = i; j < s->nlines && s->start[j] < s->start[i] + end; j++)
		s->used[j] |= L_TAKEN;
	return j - i;
}

/* Line j opening with a run of carets after its blanks ("  ^~~~", "  ^
 * msg"): where the run ends (the line's view in *l, *n), or 0. */
static size_t caret_run(struct scan *s, size_t j, const char **l, size_t *n)
{
	size_t k;

	*l = line_view(s, j, n);
	for (k = 0; k < *n && ((*l)[k] == ' ' || (*l)[k] == '\t'); k++)
		;
	if (k == *n || (*l)[k] != '^')
		return 0;
	while (k < *n && ((*l)[k] == '^' || (*l)[k] == '~'))
		k++;
	return k;
}

/* Is the line under j carets alone ("    ^^^^^", "  ^~~~")? */
static bool carets_under(struct scan *s, size_t j)
{
	const char *l;
	size_t n, k;

	if (j + 1 >= s->nlines)
		return false;
	k = caret_run(s, j + 1, &l, &n);
	return k && k == n;
}

/* Is p[0..n) one word a program is named by ("hledger", "luac"), the
 * prefix a tool puts before the place it reports ("hledger: a.journal:
 * 1:1:")? */
static bool program_name(const char *p, size_t n)
{
	size_t k;

	if (!n || n > 32)
		return false;
	for (k = 0; k < n; k++)
		if (!is_alnum_byte(p[k]) && p[k] != '-' && p[k] != '_' && p[k] != '.')
			return false;
	return true;
}

/* Does line j open with a code in brackets and a message ("[XPST0003]
 * Calculation is incomplete.")? */
static bool bracketed_code_line(struct scan *s, size_t j)
{
	const char *l, *c;
	size_t n, k;

	if (j >= s->nlines || (s->used[j] & L_USED))
		return false;
	l = line_view(s, j, &n);
	if (n < 6 || l[0] != '[' || !(c = memchr(l, ']', n < 24 ? n : 24)) ||
	    (size_t)(c - l) + 2 >= n || c[1] != ' ')
		return false;
	for (k = 1; l + k < c; k++)
		if (!isupper((unsigned char)l[k]) && !isdigit((unsigned char)l[k]))
			return false;
	return k >= 4;
}

/* Is line j a place alone ("    a.rb:20:")? */
static bool alone_place(struct scan *s, size_t j)
{
	struct cl_loc loc;
	const char *l;
	size_t n;

	l = line_view(s, j, &n);
	return line_place(s, j, l, n, &loc) == CL_LOC_ALONE;
}

/* A place alone on its line, no severity, right over a paragraph whose
 * words name a problem (Agda's "a.agda:7,12-16" over "Not in scope:",
 * or over "Bool !=< N" and "when checking that the expression b has
 * type N"): one finding at the place, the paragraph its message. The
 * paragraph, right under the place, ends at a blank line, a place or a
 * used line; words that name nothing leave the place to the readers
 * after. */
static bool worded_paragraph(struct scan *s, size_t j, const char *l,
			     const struct cl_loc *loc)
{
	struct buf m = BUF_INIT;
	struct cl_words w;
	struct cl_loc at;
	size_t k, e, ln;

	for (e = j; e < s->nlines && e < j + 6 && !(s->used[e] & L_USED); e++) {
		const char *q = line_view(s, e, &ln);

		for (k = 0; k < ln && (q[k] == ' ' || q[k] == '\t'); k++)
			;
		/* (nor the next failure's heading, HUnit's "### Failure in:
		 * 1:nothing", nor the run's counts under it) */
		if (k == ln || (e == j && k) ||
		    line_place(s, e, q, ln, &at) != CL_LOC_NONE ||
		    (e > j && ((ln - k > 4 && !memcmp(q + k, "### ", 4)) ||
			       cl_summary(q + k, ln - k, !lacks(s, e, CL_T_SUMMARY)))))
			break;
		if (m.len)
			buf_addch(&m, ' ');
		buf_add(&m, q + k, ln - k);
	}
	if (!m.len) {
		buf_release(&m);
		return false;
	}
	cl_words_read(m.ptr, m.len, &w);
	if (!w.category || w.note) {
		buf_release(&m);
		return false;
	}
	for (k = j; k < e; k++)
		s->used[k] |= L_FOLDED;
	general_emit(s, xstrndup(l + loc->file, loc->file_len), loc->line,
		     loc->col, w.sev >= 0 ? w.sev : DIAG_ERROR, m.ptr + w.code,
		     w.code_len, m.ptr + w.text, m.len - w.text, w.category);
	buf_release(&m);
	return true;
}

/* "ERROR in ./src/a.js 2:0-32" over its message: the severity said
 * before the place, what went wrong on the line under it. */
static bool general_lone_sev(struct scan *s, const char *l, size_t n,
			     const struct cl_loc *loc)
{
	struct buf more = BUF_INIT;
	struct cl_words w, pw;
	int sev = loc->pre_len ? cl_prefix_sev(l + loc->pre, loc->pre_len) : -1;
	size_t j = s->cur + 1, k, ln;
	bool framed = false;

	/* "!! Input index error (file = a.idx, line = 2):" (makeindex's): a
	 * severity among the words before the place */
	if (sev < 0 && loc->pre_len && l[n - 1] == ':')
		sev = cl_sev_among(l + loc->pre, loc->pre_len);
	/* "ParseError: a.styl:4:1": an error's name says error */
	memset(&pw, 0, sizeof(pw));
	if (loc->pre + loc->pre_len < n && l[loc->pre + loc->pre_len] == ':') {
		cl_words_read(l + loc->pre, loc->pre_len + 1, &pw);
		if (sev < 0)
			sev = pw.sev;
	}
	/* no severity: "a.pug:1:4" alone over a code frame quoting the
	 * source, its message under the frame (pug-lint's console), is a
	 * problem reported there all the same */
	if (sev < 0 && loc->pre_len && !program_name(l + loc->pre, loc->pre_len))
		return false;
	/* the message is under the code frame quoting the source, if any */
	for (k = 0; k < 12 && j < s->nlines; k++, j++) {
		const char *q = line_view(s, j, &ln);
		size_t b;

		/* the message after the carets under the quoted line
		 * (Hegel's, Flow's "> 5 | x" over "  |  ^^^ msg") */
		if (framed && (b = cl_caret_message(q, ln))) {
			buf_add(&more, q + b, ln - b);
			s->used[j] |= L_FOLDED;
			break;
		}
		b = 0;
		while (b < ln && (q[b] == ' ' || q[b] == '\t'))
			b++;
		/* the quoted line, bare, over its carets (ecj's "\tint x =
		 * y;" over "\t        ^"), under a place a severity told:
		 * the frame's too */
		if (b < ln && !cl_source_line(q, ln) &&
		    !(sev >= 0 && carets_under(s, j)))
			break;
		framed |= b < ln;
		/* no frame right under the place, or a blank line over it
		 * (ReScript's place, a blank, then its frame) */
		if (sev < 0 && !framed && k > 0)
			return false;
	}
	/* a heading place over a message its code opens in brackets
	 * (BaseX's "Stopped at a.xq, 3/1:" over "[XPST0003] Calculation
	 * is incomplete."): an error */
	if (sev < 0 && !framed && n && l[n - 1] == ':' && bracketed_code_line(s, j))
		sev = DIAG_ERROR;
	if (sev < 0 && !framed)
		return !loc->pre_len && !loc->file && j == s->cur + 1 &&
		       worded_paragraph(s, j, l, loc);
	if (!more.len && !announced(s, j, &more)) {
		buf_release(&more);
		return false;
	}
	/* "Got `String` originating from:" over "    a.rb:20:" under the
	 * frame (Sorbet's notes to the error above): a heading of the place
	 * under it, and this place a step the error's note named */
	if (sev < 0 && more.ptr[more.len - 1] == ':' && j + 1 < s->nlines &&
	    alone_place(s, j + 1)) {
		buf_release(&more);
		return true;
	}
	cl_words_read(more.ptr, more.len, &w);
	if (!w.category && pw.category && !cl_cat_is(pw.category, CAT_LINT_VIOLATION))
		w.category = pw.category;
	if (sev < 0) {
		char *file = xstrndup(l + loc->file, loc->file_len);

		/* "References:" under a place told already (Flow's second
		 * frame): words that name nothing, no problem of their own */
		if (!w.category && general_at(s, file, loc->line, 0)) {
			free(file);
			buf_release(&more);
			return true;
		}
		/* the severity the message opens with, not in its text */
		general_emit(s, file, loc->line, loc->col, w.sev,
			     more.ptr + w.code, w.code_len, more.ptr + w.text,
			     more.len - w.text, w.category ? w.category :
			     w.sev == DIAG_WARNING || w.sev == DIAG_NOTE ?
			     CAT_LINT_VIOLATION : CAT_UNKNOWN);
		buf_release(&more);
		return true;
	}
	general_emit(s, xstrndup(l + loc->file, loc->file_len), loc->line,
		     loc->col, sev, more.ptr + w.code, w.code_len, more.ptr,
		     more.len, w.category ? w.category :
		     sev == DIAG_ERROR ? CAT_UNKNOWN : CAT_LINT_VIOLATION);
	buf_release(&more);
	return true;
}

/* The place a sentence's message is at when the tool tells it on its own
 * line just under it, or one line further ("Symbol not found: 'x'" over
 * varnish VCC's "('/a.vcl' Line 12 Pos 25)", Tcl's message over its
 * "(file "a.tcl" line 3)", a message over rustc's "--> a.rs:3:5"): a
 * frame or a lone place of the project, nothing else between. */
static bool place_under(struct scan *s, size_t i, struct place *p)
{
	bool strong;
	size_t j, n;

	for (j = i + 1; j < s->nlines && j <= i + 2; j++) {
		line_view(s, j, &n);
		if (!n || (s->used[j] & L_USED))
			return false;
		if (!place_of(s, j, p, &strong, false))
			continue;
		if (strong || !s->opts->file_exists)
			return true;
		free(p->file);
		p->file = NULL;
		return false;
	}
	return false;
}

/* The place alone right over line i (line lone), ending in a colon: the
 * sentence's own, before any under it (why3's and OCaml's 'File "a.mlw",
 * line 5, characters 0-0:' over "syntax error", the next report's place
 * under it). */
static bool place_over(struct scan *s, size_t i, long lone, struct place *p)
{
	const char *l;
	size_t n;
	bool strong;

	if (lone < 0 || (size_t)lone + 1 != i)
		return false;
	l = line_view(s, (size_t)lone, &n);
	while (n && (l[n - 1] == ' ' || l[n - 1] == '\r'))
		n--;
	if (!n || l[n - 1] != ':' || !place_of(s, (size_t)lone, p, &strong, true))
		return false;
	if (strong || !s->opts->file_exists)
		return true;
	free(p->file);
	p->file = NULL;
	return false;
}

/* The file of the project a heading right over line i quotes, the
 * heading ending in a colon, or names alone after a label: the sentence's
 * file, no line (docker-compose's "The Compose file './a.yml' is invalid
 * because:" over "Unsupported config option for services.web: 'imagee'"). */
static bool file_heading_over(struct scan *s, size_t i, struct place *p)
{
	const char *l, *c;
	size_t n, f, words = 1, k;

	if (!i || !s->opts->file_exists || (s->used[i - 1] & L_USED))
		return false;
	l = line_view(s, i - 1, &n);
	while (n && (l[n - 1] == ' ' || l[n - 1] == '\r'))
		n--;
	/* ... or a label of a few words, then the file alone (sort-package-
	 * json's "Error on: package.json" over the JSON error in it) */
	if (n > 4 && (c = memchr(l, ':', n)) && (f = (size_t)(c - l) + 2) < n &&
	    c[1] == ' ' && !memchr(l + f, ' ', n - f) &&
	    file_known(s, l, f, n - f)) {
		for (k = 0; k < f - 2; k++)
			words += l[k] == ' ';
		if (f > 2 && words <= 3 && l[0] >= 'A' && l[0] <= 'Z') {
			p->file = xstrndup(l + f, n - f);
			p->line = p->col = 0;
			p->at = i - 1;
			return true;
		}
	}
	if (n < 8 || l[n - 1] != ':' || !(p->file = quoted_project_file(s, l, n)))
		return false;
	p->line = p->col = 0;
	p->at = i - 1;
	return true;
}

/* The file a sentence names right before a colon and a blank, after its
 * first word ("Cannot read /s/a.pri: No such file"): one shaped as a
 * file (it may be the one missing), not the runtime's; or NULL. */
static char *named_file(const char *l, size_t n)
{
	const char *c = memchr(l, ' ', n), *e;
	size_t t;

	if (!c || !(e = cl_find(c, n - (size_t)(c - l), ": ", 2)))
		return NULL;
	for (t = (size_t)(e - l); t > 0 && l[t - 1] != ' '; t--)
		;
	if (!t || (size_t)(e - l) == t || !cl_path_line(l + t, (size_t)(e - l) - t) ||
	    cl_foreign_path(l + t, (size_t)(e - l) - t))
		return NULL;
	return xstrndup(l + t, (size_t)(e - l) - t);
}

/* Does l[0..n) end in a file's name, after a blank ("... file shop.inc")? */
static bool ends_in_file(const char *l, size_t n)
{
	size_t t = n;

	while (t > 0 && l[t - 1] != ' ')
		t--;
	return t > 0 && t < n && cl_path_line(l + t, n - t) &&
	       !cl_foreign_path(l + t, n - t);
}

/* "missing.peg: No such file or directory" (a tool's perror of the input
 * it was given): a file that is not there, no place of the project's,
 * unless a report above named it. True if read. */
static bool general_missing_input(struct scan *s, const char *l, size_t n)
{
	char *f;
	bool told;

	if (n < 29 || memcmp(l + n - 27, ": No such file or directory", 27) ||
	    memchr(l, ' ', n - 27) ||
	    (!memchr(l, '.', n - 27) && !memchr(l, '/', n - 27)) ||
	    !s->opts->failed || !s->opts->file_exists ||
	    known_file(s, l, n - 27))
		return false;
	f = xstrndup(l, n - 27);
	told = file_named_before(s, f);
	/* ... or the report under it that says who asked for it (rxp's
	 * "Couldn't open dtd entity file://nosuch.dtd", xmlwf's "doc.xml:2:30:
	 * error in processing external entity reference"): that one's */
	if (s->cur + 1 < s->nlines) {
		struct cl_loc loc;
		size_t nn;
		const char *nl = line_view(s, s->cur + 1, &nn);

		if (cl_find(nl, nn, f, strlen(f)) ||
		    line_place(s, s->cur + 1, nl, nn, &loc) != CL_LOC_NONE) {
			free(f);
			return false;
		}
	}
	free(f);
	if (!told)
		general_emit(s, NULL, 0, 0, DIAG_ERROR, NULL, 0, l, n,
			     CAT_IMPORT_RESOLUTION);
	return true;
}

/* Does l[0..n) open with a word in lower case and the name it is of,
 * quoted ("rule 'Numb' used but not defined", peg's)? */
static bool lower_quoted_name(const char *l, size_t n)
{
	size_t k;

	for (k = 0; k < n && l[k] >= 'a' && l[k] <= 'z'; k++)
		;
	return k >= 3 && k + 2 < n && l[k] == ' ' &&
	       (l[k + 1] == '\'' || l[k + 1] == '"' || l[k + 1] == '`');
}

/* The file of the project the line right under line i names, that line
 * no place of its own: the file of a report that told only its line
 * ("Unexpected end-of-file at line 3 while reading location." over
 * "\"loc.conf\" contains errors.", cupsd's; "Line 3: unknown item 'x'"
 * over "1 errors found in configuration file 'a.conf'", hostapd's). The
 * line under is folded into the report; NULL if there is none. */
static char *file_named_under(struct scan *s, size_t i)
{
	size_t nn, off, len, j = i + 1;
	const char *nl;
	int line, col;

	if (!s->repo)
		return NULL;
	/* under the rest of a list of such reports, each told by its line
	 * ("Line 1: invalid number" ... "Line 7: invalid key_mgmt" over
	 * "Failed to read or parse configuration 'wpa.conf'.",
	 * wpa_supplicant's): the list's file; the last folds it */
	while (j < s->nlines && j - i < 64 && !(s->used[j] & L_USED) &&
	       (nl = line_view(s, j, &nn), cl_line_col_opening(nl, nn, &line, &col)))
		j++;
	if (j >= s->nlines || (s->used[j] & L_USED))
		return NULL;
	nl = line_view(s, j, &nn);
	if (!cl_repo_token(nl, nn, known_file, s, &off, &len) ||
	    cl_may_place(nl, nn))
		return NULL;
	if (j == i + 1)
		s->used[j] |= L_FOLDED;
	return xstrndup(nl + off, len);
}

/* A sentence alone on a line of a failed run, opening with a capitalised
 * word (not pytest's "E   x"), no place and no severity, that names a
 * cause with a quoted name (Thrift's 'Type "T" not defined',
 * a generator's 'Unknown type "x"', 'Module "y" not found'): a problem of
 * the run, placeless, once a category. A quote is looked for first: most
 * lines have none. Placed when a frame or place is right under it, or
 * when it names the file it could not read. */
static bool general_sentence(struct scan *s, const char *l, size_t n,
			     long lone)
{
	struct cl_words w;
	struct place p;
	bool placed, quoted, lower, acronym, named = false, worded = false;
	bool missing = false, named_lint;
	size_t k;

	if (general_missing_input(s, l, n))
		return true;
	/* a list's dash before it (ngIRCd's " - Can't read MOTD file
	 * \"shop.motd\": No such file or directory"; not the "* " of Go's
	 * multierror, which restates the report above it) */
	for (k = 0; k < n && l[k] == ' '; k++)
		;
	if (k + 2 < n && l[k] == '-' && l[k + 1] == ' ' &&
	    l[k + 2] >= 'A' && l[k + 2] <= 'Z') {
		l += k + 2;
		n -= k + 2;
	}
	/* a capitalised word first; or a lower-case one with its frame right
	 * under it (an exception's message printed without its name: ospec's
	 * "greet is not defined" over "    at /s/tests/calc.js:13:3") */
	lower = l[0] >= 'a' && l[0] <= 'z';
	/* ... or a name in capitals ("YAML parse exception at line 3",
	 * "ASN.1 grammar parse error near line 5"), with its line in words
	 * only (not a banner in capitals) */
	for (k = 0; k < n && k < 8 && l[k] >= 'A' && l[k] <= 'Z'; k++)
		;
	if (k >= 2 && k + 2 < n && l[k] == '.' && isdigit((unsigned char)l[k + 1]))
		for (k += 2; k < n && isdigit((unsigned char)l[k]); k++)
			;
	acronym = k >= 2 && k < n && l[k] == ' ';
	if (n < 12 || n > 160 || ((l[0] < 'A' || l[0] > 'Z') && !lower) ||
	    ((l[1] < 'a' || l[1] > 'z') && !acronym) || l[n - 1] == ':')
		return false;
	memset(&p, 0, sizeof(p));
	/* an unquoted sentence only with its place under it; a quoted one
	 * asks for the place once its words name a cause */
	quoted = (!lower || lower_quoted_name(l, n)) &&
		 (memchr(l, '"', n) || memchr(l, '\'', n) || memchr(l, '`', n));
	placed = !quoted && (place_over(s, s->cur, lone, &p) ||
			     file_heading_over(s, s->cur, &p) ||
			     place_under(s, s->cur, &p));
	/* the file it names before a colon: "Cannot read /s/a.pri: No such
	 * file or directory" (qmake), "cannot open x.h: ..." */
	if (!quoted && !placed && (p.file = named_file(l, n)))
		placed = named = true;
	/* ... or its line in words, no file ("YAML parse exception at line
	 * 3, column 0,", pandoc's; quoting its token: 'ASN.1 grammar parse
	 * error near line 5 (token "qty")', asn1c's) */
	if (!placed && !lower && (p.line = cl_line_in_words(l, n)) > 0)
		worded = true;
	/* ... or the file it could not open last, no place of the
	 * project's ("Cannot open file shop.inc", f2c's) */
	if (!quoted && !placed && !worded && !lower && !acronym &&
	    ends_in_file(l, n)) {
		/* (one the repository has failed in what it holds: "Failed
		 * to load tax.aug" over the reports on tax.aug, augparse's) */
		for (k = n; l[k - 1] != ' '; k--)
			;
		if (s->repo && failed_before(l, k) && known_file(s, l + k, n - k))
			return false;
		worded = missing = true;
	}
	if ((!quoted && !placed && !worded) || (acronym && !worded)) {
		free(p.file);
		return false;
	}
	cl_words_read(l, n, &w);
	/* a checker's finding on a name it quotes ("rule 'Extra' defined
	 * but not used", peg's): a lint's, told once */
	named_lint = lower && w.category &&
		     cl_cat_is(w.category, CAT_LINT_VIOLATION) && !w.code_len &&
		     !restates_last(s, l, n);
	if (w.code_len || w.note || w.sev >= 0 || !w.category ||
	    (!cause_category(w.category) && !named_lint) ||
	    /* the file named is the one missing, or no place at all */
	    ((named || missing) && !cl_cat_is(w.category, CAT_IMPORT_RESOLUTION) &&
	     !cl_cat_is(w.category, CAT_MISSING_DEPENDENCY))) {
		free(p.file);
		return false;
	}
	if (quoted)
		placed = file_heading_over(s, s->cur, &p) ||
			 place_under(s, s->cur, &p);
	/* "Checking 'a.yml'  FAILED: not a valid duration string" (amtool,
	 * promtool): the file of the project it quotes, at the place told
	 * after it ("Can't parse 'a.yml': 6:4: msg") */
	if (quoted && !placed && s->opts->file_exists &&
	    (p.file = quoted_project_file(s, l, n))) {
		if (!place_after_quoted(l, n, p.file, &p.line, &p.col))
			p.line = cl_line_in_words(l, n);
		placed = named = true;
	}
	/* a file it could not open, quoted, none of the project's: the
	 * file whose reading failed, if the line under names it */
	if (quoted && !placed && !worded && s->opts->file_exists &&
	    cl_cat_is(w.category, CAT_IMPORT_RESOLUTION) &&
	    (p.file = file_alone_below(s, s->cur)))
		placed = named = true;
	if (!placed && !worded && !named_lint && !own_cause(s, w.category))
		return false;
	/* its line in words, its file on the line right under */
	if (worded && !placed && !missing)
		p.file = file_named_under(s, s->cur);
	if (placed && !named) {
		s->used[p.at] |= L_FOLDED;
		frame_caret(s, &p);
	}
	general_emit(s, p.file, p.line, p.col,
		     named_lint ? DIAG_WARNING : DIAG_ERROR, NULL, 0, l, n,
		     w.category);
	return true;
}

/* The file of a unified diff's header line "--- F" or "+++ F" (l[0..n)),
 * without what follows a tab (a time stamp), git's "a/" or "b/" (or a
 * label's folder the repository lacks) and a label after the name
 * ("a.py:before", isort's): a file the repository has, or with no
 * repository to ask, the cleaned name; NULL if none. */
static char *diff_header_file(struct scan *s, const char *l, size_t n)
{
	const char *p = l + 4, *t = memchr(p, '\t', n - 4);
	size_t len = t ? (size_t)(t - p) : n - 4, k;

	while (len && p[len - 1] == ' ')
		len--;
	if (len > 2 && (p[0] == 'a' || p[0] == 'b') && p[1] == '/' &&
	    (!s->opts->file_exists || !known_file(s, p, len))) {
		p += 2;
		len -= 2;
	}
	if (len && s->opts->file_exists && known_file(s, p, len))
		return xstrndup(p, len);
	/* ... or another label's folder, the repository's files under it
	 * (autopep8's "--- original/a.py" over "+++ fixed/a.py") */
	if (len && s->opts->file_exists && p[0] != '/' &&
	    (t = memchr(p, '/', len)) && (k = (size_t)(t - p) + 1) < len &&
	    known_file(s, p + k, len - k))
		return xstrndup(p + k, len - k);
	/* "a.py:before": a label after the name */
	for (k = len; k > 0 && isalpha((unsigned char)p[k - 1]); k--)
		;
	if (k > 1 && k < len && p[k - 1] == ':')
		len = k - 1;
	if (!len || !memchr(p, '.', len) || (s->opts->file_exists &&
					      !known_file(s, p, len)))
		return NULL;
	return xstrndup(p, len);
}

/* A hunk of a test transcript's diff ("--- calc.t" over "+++ calc.t.err",
 * cram and the transcript runners like it): each run of changed lines
 * is a command whose output was not the one expected, a failed test at
 * the run's first line, of the kind the output it got names ("+  /bin/sh:
 * 10: helper: not found"). Owns file. */
static bool transcript_hunk(struct scan *s, size_t i, char *file, int a)
{
	struct buf got = BUF_INIT;
	struct cl_words w;
	const char *q;
	size_t j, ln;
	int at = a, first = 0;

	for (j = i + 1; j <= s->nlines; j++) {
		q = j < s->nlines ? line_view(s, j, &ln) : NULL;
		if (q && ln && (q[0] == '-' || q[0] == '+')) {
			if (!first)
				first = at;
			if (q[0] == '+') {
				size_t b = 1;

				while (b < ln && (q[b] == ' ' || q[b] == '\t'))
					b++;
				buf_adds(&got, got.len ? " " : "got: ");
				buf_add(&got, q + b, ln - b);
			} else {
				at++;
			}
			s->used[j] |= L_FOLDED;
			continue;
		}
		if (first) {
			cl_words_read(got.ptr ? got.ptr : "", got.len, &w);
			/* the shell's "sh: 10: helper: not found": a name the
			 * transcript calls that nothing defines */
			if (!w.category && got.len &&
			    (cl_find(got.ptr, got.len, ": not found", 11) ||
			     cl_find(got.ptr, got.len, "command not found", 17)))
				w.category = CAT_UNDEFINED_SYMBOL;
			s->cur = j - 1;
			general_emit(s, xstrdup(file), first, 0, DIAG_ERROR, NULL, 0,
				     got.len ? got.ptr : "output missing",
				     got.len ? got.len : 14,
				     w.category && cause_category(w.category) ?
				     w.category : CAT_TEST_FAILURE);
			buf_reset(&got);
			first = 0;
		}
		if (!q || !ln || q[0] != ' ')
			break;
		at++;
	}
	buf_release(&got);
	free(file);
	return true;
}

/* "@@ -A,B +C,D @@" at line i of a unified diff a formatter printed in
 * check mode (isort --diff, black --diff, gofmt -d, clang-format's diff,
 * prettier's, rustfmt's, git diff): a finding at the first line the hunk
 * changes (A and the context lines before it), in the file of the "+++ "
 * (or "--- ") header above. A placeless finding about that file told
 * before it ("ERROR: a.py Imports are incorrectly sorted") takes that
 * line instead. Only lines starting "@@ -" get here. */
static bool general_hunk(struct scan *s, size_t i, const char *l, size_t n)
{
	size_t j, k, ln, back;
	int a = 0, ctx = 0;
	char *file = NULL;
	const char *q;
	bool transcript = false;

	k = 4;
	if (n < 10 || memcmp(l, "@@ -", 4) || !cl_read_int(l, n, &k, &a))
		return false;
	if (a <= 0 || !memmem(l + k, n - k, " @@", 3))
		return false;
	/* the header above, past this file's earlier hunks */
	for (j = i, back = 0; j-- > 0 && back < 2000; back++) {
		q = line_view(s, j, &ln);
		if (ln > 4 && (!memcmp(q, "+++ ", 4) || !memcmp(q, "--- ", 4))) {
			char *f = diff_header_file(s, q, ln);

			/* "+++ calc.t.err": the output a test transcript
			 * got, against the one it expects */
			if (q[0] == '+' && ln > 8 && !memcmp(q + ln - 4, ".err", 4))
				transcript = true;

			if (f) {
				free(file);
				file = f;
			}
			if (!memcmp(q, "--- ", 4))
				break;
			continue;
		}
		if (file)
			break;
		if (ln && q[0] != ' ' && q[0] != '+' && q[0] != '-' &&
		    q[0] != '@' && q[0] != '\\')
			return false; /* no diff's line: no header */
	}
	if (!file)
		return false;
	if (transcript)
		return transcript_hunk(s, i, file, a);
	for (j = i + 1; j < s->nlines; j++, ctx++) {
		q = line_view(s, j, &ln);
		if (!ln || q[0] != ' ')
			break;
	}
	picks_update(s, &s->placeless, placeless);
	for (k = 0; k < s->placeless.n; k++) {
		struct diag *d = &s->out->v[s->placeless.v[k]];

		if (!d->line && same_file(d->file, file)) {
			line_set(s, d, a + ctx);
			if (cl_cat_is(d->category, CAT_UNKNOWN))
				d->category = CAT_LINT_VIOLATION;
			free(file);
			return true;
		}
	}
	general_emit(s, file, a + ctx, 0, DIAG_WARNING, NULL, 0, l, n,
		     CAT_LINT_VIOLATION);
	return true;
}

/* The few lines under a numbered item, up to a blank line or the next
 * item: what its failure says. */
static void item_words(struct scan *s, size_t i, struct buf *words)
{
	size_t j, ln, off;
	const char *q;

	for (j = i + 1; j < s->nlines && j <= i + 4; j++) {
		q = line_view(s, j, &ln);
		for (off = 0; off < ln && q[off] == ' '; off++)
			;
		if (off == ln || (q[off] >= '0' && q[off] <= '9'))
			break;
		if (words->len)
			buf_addch(words, ' ');
		buf_add(words, q + off, ln - off);
	}
}

/* A link checker's row for a link that failed, indented under the page
 * that has it ("index.html" over "  [404] missing.html", linkinator's):
 * an HTTP status of 400 or more in brackets at l[k], the link after it.
 * A link to a page or file of the site that is not there is a file that
 * does not resolve; one to another host, a reference to nothing. Rows
 * not under a page of the project (its stream of links as it checks
 * them, unindented; a folder's own index, ".") are told again under their
 * page or say no place. True if line i was one and was read. */
static bool general_status_row(struct scan *s, size_t i, const char *l,
			       size_t n, size_t k)
{
	const char *r, *t;
	size_t j, rn, e, tn;
	bool remote;
	int status;

	if (k + 7 >= n || l[k + 4] != ']' || l[k + 5] != ' ' ||
	    !isdigit((unsigned char)l[k + 1]) || !isdigit((unsigned char)l[k + 2]) ||
	    !isdigit((unsigned char)l[k + 3]))
		return false;
	status = (l[k + 1] - '0') * 100 + (l[k + 2] - '0') * 10 + (l[k + 3] - '0');
	if (status < 400 || status > 599)
		return false;
	t = l + k + 6; /* the link */
	tn = n - k - 6;
	remote = (tn > 7 && !memcmp(t, "http://", 7)) ||
		 (tn > 8 && !memcmp(t, "https://", 8));
	for (j = i; j-- > 0 && j + 256 > i;) {
		r = line_view(s, j, &rn);
		if (rn && (r[0] == ' ' || r[0] == '\t'))
			continue; /* another row of the page */
		for (e = rn; e && (r[e - 1] == ' ' || r[e - 1] == '\t'); e--)
			;
		if (!e || memchr(r, ' ', e) || !known_file(s, r, e))
			return false;
		general_emit(s, xstrndup(r, e), 0, 0, DIAG_ERROR, NULL, 0, l + k,
			     n - k, remote ? CAT_UNDEFINED_SYMBOL : CAT_IMPORT_RESOLUTION);
		return true;
	}
	return false;
}

/* A numbered row of a table drawn with box bars (cli-table's, unimported's
 * "   1 │ ./nosuch at src/index.js") under the table's heading row
 * ("     │ 2 unresolved imports"): a finding for each row, the heading's
 * words its kind (or, naming none, words saying what is wrong: "unused",
 * "unimported"), at the file the row ends in after " at " or is. A bare
 * name that does not resolve is a package not installed. True if line i
 * was one and was read. */
static bool general_boxed_row(struct scan *s, size_t i, const char *l, size_t n)
{
	struct buf m = BUF_INIT;
	const char *r, *t, *at, *cat;
	size_t j, k, rn, tn, h, f = 0, fl = 0;

	for (k = 0; k < n && l[k] == ' '; k++)
		;
	while (k < n && isdigit((unsigned char)l[k]))
		k++;
	while (k < n && l[k] == ' ')
		k++;
	if (k + 5 > n || memcmp(l + k, "\xe2\x94\x82 ", 4))
		return false;
	t = l + k + 4;
	tn = n - k - 4;
	while (tn && t[tn - 1] == ' ')
		tn--;
	/* the heading: a bar first, words after it, over the rows and the
	 * rules between them */
	for (j = i; j-- > 0 && j + 64 > i;) {
		r = line_view(s, j, &rn);
		for (h = 0; h < rn && r[h] == ' '; h++)
			;
		if (h + 4 < rn && !memcmp(r + h, "\xe2\x94\x82 ", 4))
			break;
		if (h < rn && !isdigit((unsigned char)r[h]) &&
		    memcmp(r + h, "\xe2\x94\x80", 3))
			return false;
	}
	if (j == (size_t)-1 || j + 64 <= i || !tn)
		return false;
	r += h + 4;
	rn -= h + 4;
	while (rn && r[rn - 1] == ' ')
		rn--;
	if (!rn || !(cat = heading_kind(r, rn)))
		return false;
	/* where: the file after " at ", or the row itself */
	if ((at = cl_find(t, tn, " at ", 4)) && known_file(s, at + 4, (size_t)(t + tn - at - 4))) {
		f = (size_t)(at + 4 - t);
		fl = tn - f;
	} else if (!memchr(t, ' ', tn) && known_file(s, t, tn)) {
		fl = tn;
	}
	if (cl_cat_is(cat, CAT_IMPORT_RESOLUTION) && t[0] != '.' && t[0] != '/' && fl != tn)
		cat = CAT_MISSING_DEPENDENCY;
	buf_add(&m, r, rn);
	buf_adds(&m, ": ");
	buf_add(&m, t, tn);
	general_emit(s, fl ? xstrndup(t + f, fl) : NULL, 0, 0, DIAG_ERROR, NULL, 0,
		     m.ptr, m.len, cat);
	buf_release(&m);
	return true;
}

/* "2. missing id="x" in a.html" (a numbered finding, indented or not):
 * where its words start, or 0. */
static size_t dotted_item(const char *l, size_t n)
{
	size_t k = 0;

	while (k < n && l[k] == ' ')
		k++;
	if (k == n || !isdigit((unsigned char)l[k]))
		return 0;
	while (k < n && k < 8 && isdigit((unsigned char)l[k]))
		k++;
	if (k + 2 >= n || l[k] != '.' || l[k + 1] != ' ' || !isalpha((unsigned char)l[k + 2]))
		return 0;
	return k + 2;
}

/* Is the line right under line i a frame at a file of the project (a
 * numbered finding's "from index.html:5:9 via href=...",
 * check-html-links')? */
static bool framed_right_below(struct scan *s, size_t i)
{
	struct cl_loc loc;
	const char *l;
	size_t n;

	if (i + 1 >= s->nlines || (s->used[i + 1] & L_USED))
		return false;
	l = line_view(s, i + 1, &n);
	return line_place(s, i + 1, l, n, &loc) == CL_LOC_FRAME && loc.file_len &&
	       file_known(s, l, loc.file, loc.file_len);
}

/* "1) name" (a runner's numbered failure, indented or not): where its ')'
 * is, its number in *num; 0 if l[0..n) is not one. */
static size_t numbered_item(const char *l, size_t n, unsigned *num)
{
	size_t k = 0;

	*num = 0;
	while (k < n && l[k] == ' ')
		k++;
	while (k < n && l[k] >= '0' && l[k] <= '9' && *num < 100000)
		*num = *num * 10 + (unsigned)(l[k++] - '0');
	if (k + 2 >= n || l[k] != ')' || l[k + 1] != ' ' || l[k + 2] == ' ')
		return 0;
	return k;
}

/* How long the arrow at l[k..n) is between two files of a chain (" -> ",
 * " > ", " → "); 0 if none. */
static size_t chain_arrow(const char *l, size_t n, size_t k)
{
	if (k + 4 <= n && !memcmp(l + k, " -> ", 4))
		return 4;
	if (k + 3 <= n && !memcmp(l + k, " > ", 3))
		return 3;
	if (k + 5 <= n && !memcmp(l + k, " \xe2\x86\x92 ", 5))
		return 5;
	return 0;
}

/* "1) src/a.ts -> src/b.ts" (dpdm's, madge's "a.js > b.js > c.js"): a
 * numbered row of the project's files, each importing the next, is an
 * import graph checker's finding (a cycle, a path its rule forbids), at
 * the first. "1) miss "./x" in "src/a.ts"" (dpdm's warnings): a row whose
 * words name a kind, at the file they name after " in ". k: where the
 * item's ')' is (numbered_item). */
static bool general_chain_row(struct scan *s, const char *l, size_t n, size_t k)
{
	struct cl_words w;
	size_t b = k + 2, e, a = 0, first = 0;
	char *file;

	if (!s->opts->file_exists)
		return false;
	for (e = b; e <= n; e++) {
		if (e < n && !(a = chain_arrow(l, n, e)) && l[e] != ' ')
			continue;
		if (e < n && !a)
			break; /* a blank that joins no two files: words */
		if (e == b || !memchr(l + b, '.', e - b) || !known_file(s, l + b, e - b))
			break;
		if (!first)
			first = e;
		else if (e == n) {
			general_emit(s, xstrndup(l + k + 2, first - k - 2), 0, 0,
				     DIAG_ERROR, NULL, 0, l + k + 2, n - k - 2,
				     CAT_LINT_VIOLATION);
			return true;
		}
		if (e == n)
			break; /* one file alone */
		b = e + a;
		e = b - 1;
	}
	cl_words_read(l + k + 2, n - k - 2, &w);
	if (!w.category || !(file = file_after_in(s, l + k + 2, n - k - 2)))
		return false;
	general_emit(s, file, 0, 0, w.sev >= 0 ? w.sev : DIAG_ERROR, NULL, 0,
		     l + k + 2, n - k - 2, w.category);
	return true;
}

/* "1) add adds" over "Message:", "Expected -1 to be 3.", "Stack:" and its
 * frames: a failed test in a runner's numbered list (jasmine, mocha,
 * RSpec), at the first frame in the project below it. An error report
 * between them (a "ReferenceError: x") speaks for itself instead. */
/* Is the line right over line i a place alone ("  Spec.hs:8:23: "), in
 * the project when we can ask? Then *p is it. */
static bool place_alone_over(struct scan *s, size_t i, struct place *p)
{
	struct cl_loc loc;
	const char *q;
	size_t qn;
	bool strong;

	q = line_view(s, i - 1, &qn);
	if (line_place(s, i - 1, q, qn, &loc) != CL_LOC_ALONE || loc.pre_len ||
	    !place_of(s, i - 1, p, &strong, false))
		return false;
	if (strong || !s->opts->file_exists)
		return true;
	free(p->file);
	return false;
}

static bool general_numbered(struct scan *s, size_t i, const char *l, size_t n)
{
	struct buf words = BUF_INIT, msg = BUF_INIT;
	struct place p;
	struct cl_words w;
	size_t j, k = 0, ln, off;
	bool strong, alone, found = false;
	const char *q;
	size_t nested = 0; /* the indent of "with backtrace:", or 0 */
	unsigned num = 0;

	if (!(k = numbered_item(l, n, &num)))
		return false;
	buf_add(&msg, l + k + 2, n - k - 2);
	/* the place on the item's own line, its line in words: CppUnit's
	 * "1) test: T::t (F) line: 15 a.cpp" */
	if (s->opts->file_exists && cl_repo_token(l, n, known_file, s, &off, &ln) &&
	    (p.line = cl_line_in_words(l, n)) > 0) {
		p.file = xstrndup(l + off, ln);
		p.col = 0;
		p.at = i;
		found = true;
		item_words(s, i, &words);
	}
	/* ... or a place alone right over it, no blank between: hspec's
	 * "  Spec.hs:8:23: " over "  1) total adds prices" */
	if (!found && i > 0 && !(s->used[i - 1] & L_USED) && place_alone_over(s, i, &p)) {
		found = true;
		item_words(s, i, &words);
	}
	for (j = i + 1; j < s->nlines && j <= i + CL_AHEAD && !found; j++) {
		struct cl_loc loc;

		if (s->used[j] & L_USED)
			break;
		if (other_trace(s, j, &nested))
			continue;
		/* a place alone right under the title is the test's own
		 * ("math_test.exs:4"), the frame below it the failure's; one
		 * after the failure's words is where it failed (PHPUnit's
		 * trace, "/w/tests/AddTest.php:10") */
		q = line_view(s, j, &ln);
		alone = line_place(s, j, q, ln, &loc) == CL_LOC_ALONE;
		if (alone && j == i + 1)
			continue;
		if (place_of(s, j, &p, &strong, false)) {
			if (strong || !s->opts->file_exists)
				found = true;
			else
				free(p.file);
			continue;
		}
		if (alone)
			continue; /* a step of the trace in a library's code */
		q = line_view(s, j, &ln);
		if (!lacks(s, j, CL_T_HEADLINE) &&
		    cl_headline(q, ln, &off, !lacks(s, j, CL_T_SUMMARY)))
			break;
		/* not a label ("Message:", "Stack:") nor a frame outside
		 * the project ("at <Jasmine>") */
		for (off = 0; off < ln && (q[off] == ' ' || q[off] == '\t'); off++)
			;
		if (off == ln || cl_frame_prefix(q, ln) ||
		    (q[ln - 1] == ':' && !memchr(q + off, ' ', ln - off)))
			continue;
		if (words.len)
			buf_addch(&words, ' ');
		buf_add(&words, q + off, ln - off);
	}
	/* no place, next after a failure of the same list that told its
	 * place on its line ("2) test: T::load (E)" under "1) test: T::add
	 * (F) line: 15 a.cpp"): a failure too, which told no place (an
	 * exception's) */
	if (!found && num && num == s->numbered + 1 && s->numbered &&
	    i - s->numbered_at <= 40) {
		buf_reset(&words);
		item_words(s, i, &words);
		cl_words_read(words.ptr ? words.ptr : "", words.len, &w);
		if (words.len) {
			buf_adds(&msg, ": ");
			buf_add(&msg, words.ptr, words.len < 200 ? words.len : 200);
		}
		general_emit(s, NULL, 0, 0, DIAG_ERROR, NULL, 0, msg.ptr, msg.len,
			     w.category && !cl_cat_is(w.category, CAT_LINT_VIOLATION) ?
			     w.category : CAT_TEST_FAILURE);
		s->numbered = num;
		s->numbered_at = i;
		buf_release(&words);
		buf_release(&msg);
		return true;
	}
	if (found) {
		/* a list whose items tell their places on their own lines:
		 * a next one without is placeless */
		s->numbered = p.at == i ? num : 0;
		s->numbered_at = i;
		if (p.at != i)
			s->used[p.at] |= L_FOLDED;
		cl_words_read(words.ptr ? words.ptr : "", words.len, &w);
		/* what failed, after the test's title */
		if (words.len) {
			buf_adds(&msg, ": ");
			buf_add(&msg, words.ptr, words.len < 200 ? words.len : 200);
		}
		general_emit(s, p.file, p.line, p.col, DIAG_ERROR, NULL, 0,
			     msg.ptr, msg.len,
			     w.category && !cl_cat_is(w.category, CAT_LINT_VIOLATION) ?
			     w.category : CAT_TEST_FAILURE);
	}
	buf_release(&words);
	buf_release(&msg);
	return found;
}

/* The line and column of a box under line i that names no file ("╭─[2:17]"
 * under rspack's and rsbuild's "× msg", the file told by "File: a.js:1:1"
 * above; its cause "╰─▶ × Syntax Error: x" between), into *line, *col. */
static bool box_position(struct scan *s, size_t i, int *line, int *col)
{
	const char *l;
	size_t n, k, j;

	for (j = i + 1; j < s->nlines && j <= i + 2; j++) {
		l = line_view(s, j, &n);
		for (k = 0; k < n && l[k] == ' '; k++)
			;
		if (n - k > 9 && !memcmp(l + k, "\xe2\x95\xb0\xe2\x94\x80\xe2\x96\xb6", 9))
			continue; /* "╰─▶ × cause" */
		if (n - k < 11 || memcmp(l + k, "\xe2\x95\xad\xe2\x94\x80[", 7))
			return false;
		k += 7;
		*line = *col = 0;
		if (!cl_read_int(l, n, &k, line) || k >= n || l[k] != ':')
			return false;
		k++;
		return cl_read_int(l, n, &k, col) && k < n && l[k] == ']' &&
		       *line > 0;
	}
	return false;
}

/* Is the line under i the top of a box pointing at a place ("╭─[a.js:1:7]",
 * "┌─ a.x:3:5")? */
static bool boxed_below(struct scan *s, size_t i)
{
	struct cl_loc loc;
	const char *l;
	size_t n, k;
	int bl, bc;

	if (i + 1 >= s->nlines)
		return false;
	l = line_view(s, i + 1, &n);
	for (k = 0; k < n && l[k] == ' '; k++)
		;
	return (k + 3 < n && ((unsigned char)l[k] == 0xe2 || l[k] == ',') &&
		cl_loc_read(l, n, &loc) == CL_LOC_FRAME) ||
	       box_position(s, i, &bl, &bc);
}

/* A frame in the project's code a few lines under line i, before any
 * other report: where a test reporter's marked failure happened
 * ("⨯ should be strictly equal" over "Expected 6 but got 7" and "At:
 * Test.<anonymous> (a.test.js:5:5)", tap-difflet's). */
static bool frame_below(struct scan *s, size_t i)
{
	struct cl_loc loc;
	const char *l;
	size_t j, n, msg;

	for (j = i + 1; j < s->nlines && j <= i + 8; j++) {
		if (s->used[j] & L_USED)
			return false;
		l = line_view(s, j, &n);
		if (cl_marked_message(l, n, &msg) ||
		    (!lacks(s, j, CL_T_HEADLINE) && cl_headline(l, n, &msg, true)))
			return false;
		if (line_place(s, j, l, n, &loc) == CL_LOC_FRAME)
			return loc.file_len && file_known(s, l, loc.file, loc.file_len);
	}
	return false;
}

/* After a rule's code, ruff's "[*]" (a fix is at hand) and its blanks:
 * where the message starts (k if there is none). */
static size_t skip_fix_mark(const char *l, size_t n, size_t k)
{
	if (k + 3 < n && !memcmp(l + k, "[*] ", 4))
		k += 4;
	while (k < n && l[k] == ' ')
		k++;
	return k;
}

/* A message right over its place behind an arrow (" --> a.py:1:8"), no
 * severity said: ruff's "F401 [*] `os` imported but unused", the reports
 * that took rustc's shape. A rule's code opening it ("F401", "RUF100")
 * is its code; its words or the code say the kind. */
static bool general_arrowed(struct scan *s, size_t i, const char *l, size_t n)
{
	struct cl_words w;
	struct place p;
	const char *q;
	size_t qn, k, c = 0, cl = 0;
	bool strong;

	q = line_view(s, i + 1, &qn);
	for (k = 0; k < qn && q[k] == ' '; k++)
		;
	if (qn - k < 6 || memcmp(q + k, "--> ", 4) || (s->used[i + 1] & L_USED) ||
	    !place_of(s, i + 1, &p, &strong, false))
		return false;
	if (p.line <= 0 || (s->opts->file_exists && !strong)) {
		free(p.file);
		return false;
	}
	for (k = 0; k < n && l[k] == ' '; k++)
		;
	/* the rule's code: capitals then digits ("F401", "RUF100") */
	for (c = k; c < n && l[c] >= 'A' && l[c] <= 'Z'; c++)
		;
	for (cl = c; cl < n && l[cl] >= '0' && l[cl] <= '9'; cl++)
		;
	if (c > k && cl > c && cl < n && l[cl] == ' ') {
		c = k;
		cl -= k;
		k = skip_fix_mark(l, n, k + cl + 1);
	} else {
		cl = 0;
	}
	cl_words_read(l + k, n - k, &w);
	/* a severity said ("error: x", "note: y") is the headlines' to read */
	if (w.sev >= 0 || w.note || (!w.category && !cl)) {
		free(p.file);
		return false;
	}
	s->used[i + 1] |= L_FOLDED;
	general_emit(s, p.file, p.line, p.col, DIAG_ERROR, cl ? l + c : NULL, cl,
		     l + k, n - k, w.category ? w.category : CAT_LINT_VIOLATION);
	return true;
}

/* "yaml[truthy]: Truthy value should be one of [false, true]" over
 * "playbook.yml:3" (ansible-lint's): a rule's name in lower case (no
 * '.': no file's), its detail in brackets or not, a colon and the
 * message, over a line that opens with the place of a file the project
 * has. */
static bool general_rule_over_place(struct scan *s, size_t i, const char *l,
				    size_t n)
{
	struct cl_words w;
	struct cl_loc loc;
	const char *q;
	size_t qn, k;

	for (k = 0; k < n && ((l[k] >= 'a' && l[k] <= 'z') ||
			      (l[k] >= '0' && l[k] <= '9') || l[k] == '-' ||
			      l[k] == '_'); k++)
		;
	if (k < 2 || k >= n)
		return false;
	if (l[k] == '[') {
		while (k < n && l[k] != ']' && l[k] != ' ')
			k++;
		if (k >= n || l[k] != ']')
			return false;
		k++;
	}
	if (k + 3 >= n || l[k] != ':' || l[k + 1] != ' ' || (s->used[i + 1] & L_USED))
		return false;
	q = line_view(s, i + 1, &qn);
	if (!qn || q[0] == ' ' || q[0] == '\t' ||
	    cl_loc_read(q, qn, &loc) == CL_LOC_NONE || loc.file != 0 ||
	    loc.line <= 0 || !file_known(s, q, loc.file, loc.file_len))
		return false;
	cl_words_read(l + k + 2, n - k - 2, &w);
	if (w.note)
		return false;
	/* "load-failure: Failed to load YAML file" over "broken.yml:1 while
	 * parsing a block collection": the file could not be read, as the
	 * place's own words say */
	if (loc.msg_len) {
		struct cl_words pw;

		cl_words_read(q + loc.msg, loc.msg_len, &pw);
		/* a report of its own under a program's summary
		 * ("checkmodule:  error(s) encountered ..." over
		 * "a.te:8:ERROR 'unknown type x'", "slaptest: bad
		 * configuration file!" over "a.conf: line 2: msg"): no
		 * rule's place */
		if (pw.sev >= 0 || (loc.msg >= 2 && q[loc.msg - 1] == ' ' &&
				    q[loc.msg - 2] == ':'))
			return false;
		if (pw.category && cl_cat_is(pw.category, CAT_SYNTAX_ERROR))
			w.category = pw.category;
	}
	s->used[i + 1] |= L_FOLDED;
	general_emit(s, xstrndup(q + loc.file, loc.file_len), loc.line, loc.col,
		     w.sev >= 0 ? w.sev : DIAG_ERROR, l, k, l + k + 2 + w.text,
		     n - k - 2 - w.text, w.category ? w.category : CAT_LINT_VIOLATION);
	return true;
}

/* "-- NAMING ERROR --------- src/Main.elm" (Elm's; elm-review's with
 * ":5:5" after the file): a report's title in capitals ruled off to the
 * file it is about. What it reports is the paragraph under it, its line
 * the first the code frame below quotes ("5|     foo"); the report runs
 * to the next such title or two blank lines, and is read whole here. */
static bool general_banner(struct scan *s, size_t i, const char *l, size_t n)
{
	struct buf msg = BUF_INIT;
	struct cl_words w;
	const char *q;
	size_t k = 3, t, f, e, j, qn, b, d, head;
	int line = 0, col = 0, blanks = 0;
	bool para = false, framed = false;

	while (k < n && ((l[k] >= 'A' && l[k] <= 'Z') || l[k] == ' ' ||
			 l[k] == '\'' || (l[k] == '-' && k + 1 < n &&
					   l[k + 1] >= 'A' && l[k + 1] <= 'Z')))
		k++;
	for (t = k; t > 3 && l[t - 1] == ' '; t--)
		;
	for (d = k; d < n && l[d] == '-'; d++)
		;
	if (t < 6 || d - k < 3 || d >= n || l[d] != ' ')
		return false;
	f = d + 1;
	for (e = n; e > f && (l[e - 1] == ' ' || l[e - 1] == '\t'); e--)
		;
	/* elm-review's ":5:5" after the file */
	for (j = e; j > f && (isdigit((unsigned char)l[j - 1]) || l[j - 1] == ':'); j--)
		;
	if (j < e && l[j] == ':') {
		line = atoi(l + j + 1);
		q = memchr(l + j + 1, ':', e - j - 1);
		col = q ? atoi(q + 1) : 0;
		e = j;
	}
	if (e <= f || memchr(l + f, ' ', e - f) || !file_known(s, l, f, e - f))
		return false;
	buf_add(&msg, l + 3, t - 3);
	buf_adds(&msg, ": ");
	head = msg.len; /* the title; the paragraph after it */
	for (j = i + 1; j < s->nlines && j < i + 80; j++) {
		q = line_view(s, j, &qn);
		for (b = 0; b < qn && (q[b] == ' ' || q[b] == '\t'); b++)
			;
		if (b == qn) {
			if (++blanks == 2 && para)
				break;
			para = para || msg.len > head;
			continue;
		}
		blanks = 0;
		if (qn > 3 && q[0] == '-' && q[1] == '-' && q[2] == ' ')
			break; /* the next report */
		if (!para) {
			if (msg.len > head)
				buf_addch(&msg, ' ');
			buf_add(&msg, q + b, qn - b);
		} else if (!framed && isdigit((unsigned char)q[b]) &&
			   cl_source_line(q, qn)) {
			framed = true;
			if (!line)
				line = atoi(q + b);
		}
		s->used[j] |= L_FOLDED;
	}
	cl_words_read(msg.ptr, msg.len, &w);
	general_emit(s, xstrndup(l + f, e - f), line, col,
		     w.sev >= 0 ? w.sev : DIAG_ERROR, NULL, 0, msg.ptr, msg.len,
		     w.category ? w.category : CAT_UNKNOWN);
	buf_release(&msg);
	return true;
}

/*
 * Scala 3's report: "-- [E006] Not Found Error: a.scala:3:10 -------" (the
 * code, a title ending in its severity, the place, a rule to the line's
 * end), then its box: the source (" 3 |  x"), the carets ("   |   ^^^")
 * and the message ("   |   Not found: foo"). The message is the box's
 * words after the carets, or the title when it has none.
 */
static bool general_titled_place(struct scan *s, size_t i, const char *l,
				 size_t n)
{
	struct buf msg = BUF_INIT;
	struct cl_loc loc;
	struct cl_words w, tw;
	const char *q, *colon;
	size_t k = 3, code = 0, code_len = 0, title, title_len, j, qn, b;
	int sev;
	bool caret = false;

	if (l[k] == '[') {
		for (code = ++k; k < n && k - code < 16 && l[k] != ']'; k++)
			;
		if (k + 1 >= n || l[k] != ']' || l[k + 1] != ' ')
			return false;
		code_len = k - code;
		k += 2;
	}
	title = k;
	if (!(colon = cl_find(l + k, n - k, ": ", 2)))
		return false;
	title_len = (size_t)(colon - l) - title;
	/* "Error", "Not Found Error", "Unused Symbol Warning" */
	for (j = title_len; j > 0 && l[title + j - 1] != ' '; j--)
		;
	if (title_len > 48 ||
	    (sev = cl_prefix_sev(l + title + j, title_len - j)) < 0)
		return false;
	k = (size_t)(colon - l) + 2;
	if (cl_loc_read(l + k, n - k, &loc) == CL_LOC_NONE || !loc.line ||
	    loc.file != 0 || !file_known(s, l + k, 0, loc.file_len))
		return false;
	for (j = i + 1; j < s->nlines && j < i + 64; j++) {
		q = line_view(s, j, &qn);
		for (b = 0; b < qn && (q[b] == ' ' || isdigit((unsigned char)q[b])); b++)
			;
		if (b >= qn || q[b] != '|')
			break;
		s->used[j] |= L_FOLDED;
		for (b++; b < qn && (q[b] == ' ' || q[b] == '\t'); b++)
			;
		if (b < qn && (q[b] == '^' || q[b] == '~')) {
			caret = true;
			continue;
		}
		/* what comes after the carets, but Scala's pointer to
		 * -explain */
		if (!caret || b == qn ||
		    cl_find(q + b, qn - b, "longer explanation available", 28))
			continue;
		if (msg.len)
			buf_addch(&msg, ' ');
		buf_add(&msg, q + b, qn - b);
	}
	if (!msg.len)
		buf_add(&msg, l + title, title_len);
	cl_words_read(msg.ptr, msg.len, &w);
	if (!w.category) {
		cl_words_read(l + title, title_len, &tw);
		w.category = tw.category;
	}
	general_emit(s, xstrndup(l + k, loc.file_len), loc.line, loc.col, sev,
		     l + code, code_len, msg.ptr, msg.len,
		     w.category ? w.category : CAT_UNKNOWN);
	buf_release(&msg);
	return true;
}

/* A failed test's tag opening the line ("[Fail] Calc [It] adds",
 * "[FAILED] x"), its place alone right under it (Ginkgo's summary): the
 * test failed there. */
static bool general_fail_tag(struct scan *s, size_t i, const char *l,
			     size_t n)
{
	static const char *const tags[] = { "[Fail] ", "[FAIL] ", "[Failed] ",
					    "[FAILED] " };
	struct place p;
	struct cl_loc loc;
	const char *q;
	size_t k, len, qn;
	bool strong;

	for (k = 0; k < sizeof(tags) / sizeof(*tags); k++)
		if (n > (len = strlen(tags[k])) + 2 && !memcmp(l, tags[k], len))
			break;
	if (k == sizeof(tags) / sizeof(*tags) || i + 1 >= s->nlines ||
	    (s->used[i + 1] & L_USED))
		return false;
	q = line_view(s, i + 1, &qn);
	if (line_place(s, i + 1, q, qn, &loc) != CL_LOC_ALONE || loc.pre_len ||
	    !place_of(s, i + 1, &p, &strong, true))
		return false;
	if (!strong || p.line <= 0) {
		free(p.file);
		return false;
	}
	s->used[i + 1] |= L_FOLDED;
	general_emit(s, p.file, p.line, p.col, DIAG_ERROR, NULL, 0, l + len,
		     n - len, CAT_TEST_FAILURE);
	return true;
}

/* QtTest's failure (C++ tests' and qmltestrunner's): "FAIL!  :
 * Suite::Case::test_add() msg" over indented details ("   Actual   ():
 * -1", "   Expected (): 3") and "   Loc: [/w/tst_calc.qml(10)]", its
 * place. One finding there, the details in its message; the lines read,
 * or 0. */
static size_t general_qtest_fail(struct scan *s, size_t i, const char *l,
				 size_t n)
{
	struct buf m = BUF_INIT;
	struct cl_words w;
	const char *q = NULL, *t, *o;
	size_t k, j, qn = 0, b, from = 0, path = 0;
	long line = 0;

	if (n < 12 || (memcmp(l, "FAIL!  : ", 9) && memcmp(l, "XPASS  : ", 9)) ||
	    !(t = memmem(l + 9, n - 9, "() ", 3)))
		return 0;
	/* its details, indented, down to "Loc: [F(L)]" */
	for (j = i + 1; j < s->nlines && j <= i + 8 && !line; j++) {
		q = line_view(s, j, &qn);
		for (b = 0; b < qn && q[b] == ' '; b++)
			;
		if (!b || b == qn)
			return 0;
		if (qn - b < 10 || memcmp(q + b, "Loc: [", 6) ||
		    q[qn - 1] != ']' || q[qn - 2] != ')')
			continue;
		for (o = q + qn - 2; o > q + b + 6 && o[-1] >= '0' && o[-1] <= '9'; o--)
			;
		if (o < q + qn - 2 && o > q + b + 7 && o[-1] == '(') {
			line = strtol(o, NULL, 10);
			from = b + 6;
			path = (size_t)(o - 1 - q);
		}
	}
	if (line <= 0 || line > INT_MAX)
		return 0;
	j--;
	t += 3;
	buf_add(&m, t, (size_t)(l + n - t));
	for (k = i + 1; k < j; k++) {
		const char *d = line_view(s, k, &b);

		while (b && *d == ' ')
			d++, b--;
		buf_addch(&m, '\n');
		buf_add(&m, d, b);
		s->used[k] |= L_FOLDED;
	}
	s->used[j] |= L_FOLDED;
	cl_words_read(t, (size_t)(l + n - t), &w);
	general_emit(s, xstrndup(q + from, path - from), (int)line, 0,
		     DIAG_ERROR, NULL, 0, m.ptr, m.len,
		     w.category ? w.category : CAT_TEST_FAILURE);
	buf_release(&m);
	return j - i + 1;
}

/* How deep a placed line's message sits: the blanks before its place and
 * those before its message. */
static size_t place_depth(const char *l, const struct cl_loc *loc)
{
	size_t d = 0, k = loc->msg;

	while (l[d] == ' ' || l[d] == '\t')
		d++;
	while (k > 0 && l[k - 1] == ' ')
		k--, d++;
	return d;
}

/* Does the placed line i (loc) only tell what the finding under it is
 * inside of, its message the heading of a deeper one? A checker's outline
 * of where it was, the same file's places nested line under line, the
 * finding the deepest: Eclipse Titan's " B.ttcn:2.3-24: In import
 * definition:" over "  B.ttcn:2.3-24: error: There is no module ...",
 * schema-salad's "a.cwl:4:1: checking field `inputs`" over "a.cwl:5:3:
 * checking object `a.cwl#msg`" (cwltool's). A message ending in a colon
 * is such a heading whatever comes under it. */
static bool nests_next(struct scan *s, size_t i, const char *l, size_t n,
		       const struct cl_loc *loc)
{
	struct cl_loc next;
	struct cl_words w;
	const char *q;
	size_t qn;

	if (!loc->file_len || !loc->msg_len || i + 1 >= s->nlines ||
	    (s->used[i + 1] & L_USED))
		return false;
	q = line_view(s, i + 1, &qn);
	if (line_place(s, i + 1, q, qn, &next) != CL_LOC_INLINE ||
	    next.file_len != loc->file_len ||
	    memcmp(q + next.file, l + loc->file, loc->file_len) ||
	    next.line < loc->line || !next.msg_len || q[next.msg] == '(' ||
	    place_depth(q, &next) <= place_depth(l, loc))
		return false;
	/* (a finding of its own, a note under it: "Error: unable to read
	 * module `mod`" over "  Expected 'mod.d' in ...", ldc2's) */
	cl_words_read(l + loc->msg, loc->msg_len, &w);
	(void)n;
	return w.sev < 0 && (l[loc->msg + loc->msg_len - 1] == ':' || !w.category ||
			     /* PyYAML's context mark over its problem mark */
			     (loc->msg_len > 6 && !memcmp(l + loc->msg, "while ", 6)));
}

/* A file of the project alone on an indented line, the line right under
 * it indented as much saying in words of a kind what is wrong with it:
 * size-limit's "  dist/app.js" over "  Package size limit has exceeded by
 * 1 kB" (the lines after it its figures). Asked where a repository says
 * which files it has: a name's shape alone would take any indented word
 * with a dot. */
static bool general_indented_file_over(struct scan *s, size_t i, const char *l,
				       size_t n)
{
	struct cl_words w;
	const char *q;
	size_t b, e, qb, qn;

	for (b = 0; b < n && l[b] == ' '; b++)
		;
	for (e = n; e > b && l[e - 1] == ' '; e--)
		;
	if (!b || e == b || memchr(l + b, ' ', e - b) || !memchr(l + b, '.', e - b) ||
	    i + 1 >= s->nlines || (s->used[i + 1] & L_USED) ||
	    !file_known(s, l, b, e - b))
		return false;
	q = line_view(s, i + 1, &qn);
	for (qb = 0; qb < qn && q[qb] == ' '; qb++)
		;
	if (qb != b || qb == qn)
		return false;
	cl_words_read(q + qb, qn - qb, &w);
	if (!w.category)
		return false;
	s->used[i + 1] |= L_FOLDED;
	general_emit(s, xstrndup(l + b, e - b), 0, 0, w.sev, NULL, 0, q + qb,
		     qn - qb, w.category);
	return true;
}

/* Is l[0..n) a frame of a native stack, its address told: "at 0x109161:
 * work (race.c:6)", "by 0x10914B: main (unlock.c:5)" (Valgrind's tools)? */
static bool address_frame(const char *l, size_t n)
{
	size_t k = 0;

	while (k < n && l[k] == ' ')
		k++;
	return k > 0 && n - k > 6 && (!memcmp(l + k, "at 0x", 5) ||
				      !memcmp(l + k, "by 0x", 5));
}

/* A record of a native checker's report (its lines up to a blank one): a
 * finding on its first line, unindented, over a stack of addressed frames,
 * a line or two between ("Locks held: none"): Valgrind's tools' ("Invalid
 * write of size 4", Helgrind's "Possible data race during read of size 4
 * at 0x10C02C by thread #3", DRD's "Conflicting load by thread 3"). Its
 * place is the stack's first frame in the project's code (without the
 * file list, the first with a line: a library's tells none). A record
 * under Helgrind's "---Thread-Announcement---" tells where a thread began,
 * no finding; "Thread 3:" over a record (DRD's) names whose it is; a
 * record opening "This " ("This conflicts with a previous write of size 4
 * by thread #2") tells more of the finding above. The words of a running
 * program's report name its kind or none: a checker's words near them do
 * not lend theirs. */
static bool general_native_stack(struct scan *s, size_t i, const char *l,
				 size_t n)
{
	struct cl_words w;
	struct place p = { 0 };
	const char *q;
	size_t j, qn, top = 0;
	bool strong, any = false;

	if (l[n - 1] == ':' || i + 1 >= s->nlines)
		return false;
	/* (most logs hold no such stack: one look at the text says so) */
	if (!s->addressed) {
		/* (the raw text's end: a line's view may be its de-coloured
		 * copy) */
		size_t len = s->start[s->nlines - 1] + line_len(s, s->nlines - 1);

		s->addressed = memmem(s->text, len, "at 0x", 5) ||
			       memmem(s->text, len, "by 0x", 5) ? 2 : 1;
	}
	if (s->addressed == 1)
		return false;
	if (i > 0) {
		q = line_view(s, i - 1, &qn);
		if (qn && q[0] != ' ' && q[qn - 1] != ':')
			return false; /* not the record's first line */
		if (!qn && i > 1 &&
		    (q = line_view(s, i - 2, &qn), qn > 24) &&
		    cl_find(q, qn, "Thread-Announcement", 19))
			return false;
	}
	for (j = i + 1; j < s->nlines && j <= i + 3 && !top; j++) {
		q = line_view(s, j, &qn);
		if (!qn || (s->used[j] & L_USED))
			return false;
		if (address_frame(q, qn))
			top = j;
		else if (q[0] == ' ')
			return false;
	}
	if (!top)
		return false;
	for (j = top; j < s->nlines; j++) {
		q = line_view(s, j, &qn);
		if (!qn || !address_frame(q, qn))
			break;
		if (!any && place_of(s, j, &p, &strong, false)) {
			if (p.line > 0 && (strong || !s->opts->file_exists))
				any = true;
			else
				free(p.file);
		}
	}
	if (!any)
		return false;
	while (j < s->nlines && (q = line_view(s, j, &qn), qn))
		j++;
	for (top = i + 1; top < j; top++)
		s->used[top] |= L_FOLDED;
	if (n > 5 && !memcmp(l, "This ", 5) && s->out->n > s->first) {
		free(p.file);
		return true;
	}
	cl_words_read(l, n, &w);
	s->runtime_report = true;
	general_emit(s, p.file, p.line, p.col, DIAG_ERROR, NULL, 0, l, n,
		     w.category ? w.category : CAT_UNKNOWN);
	s->runtime_report = false;
	return true;
}

/* "error no-circular: src/a.js → src/b.js" (cl_sev_rule_file) at a file
 * the project has: its finding there, no line; the rule's words say what
 * it is when the message's do not ("not-to-unresolvable"). */
static bool general_rule_file(struct scan *s, const char *l, size_t n)
{
	struct cl_rule_file f;
	struct cl_words w;
	const char *cat;
	char rule[64];
	size_t k, m;

	if (!cl_sev_rule_file(l, n, &f) || f.rule_len >= sizeof(rule) ||
	    !file_known(s, l, f.file, f.file_len))
		return false;
	m = f.rule + f.rule_len + 1;
	while (m < n && (l[m] == ' ' || l[m] == '\t'))
		m++;
	cl_words_read(l + m, n - m, &w);
	cat = w.category;
	if (!cat) {
		for (k = 0; k < f.rule_len; k++)
			rule[k] = l[f.rule + k] == '-' || l[f.rule + k] == '_' ? ' ' :
				  l[f.rule + k];
		cl_words_read(rule, f.rule_len, &w);
		cat = w.category && !cl_cat_is(w.category, CAT_LINT_VIOLATION) ?
		      w.category : CAT_LINT_VIOLATION;
	}
	general_emit(s, xstrndup(l + f.file, f.file_len), 0, 0, f.sev,
		     l + f.rule, f.rule_len, l + m, n - m, cat);
	return true;
}

/* Where the file a compiler's banner names starts ("===SORRY!=== Error
 * while compiling a.raku"; the file ends the line), 0 if l is none. */
static size_t compiling_file(struct scan *s, const char *l, size_t n,
			     size_t *len)
{
	const char *at = cl_find(l, n, "rror while compiling ", 21);
	size_t k = 0;

	if (at) {
		k = (size_t)(at - l) + 21;
	} else {
		/* Lisp compilers' own lines, behind comment marks: ";;
		 * Compiling file a.lisp ..." (CLISP), ";;; Compiling a.lisp."
		 * (ECL) */
		while (k < n && (l[k] == ';' || l[k] == ' '))
			k++;
		if (!k || n - k < 11 || memcmp(l + k, "Compiling ", 10))
			return 0;
		k += 10;
		if (n - k > 5 && !memcmp(l + k, "file ", 5))
			k += 5;
		while (n > k && (l[n - 1] == '.' || l[n - 1] == ' '))
			n--;
	}
	*len = n - k;
	return k < n && !memchr(l + k, ' ', n - k) && known_file(s, l + k, n - k) ?
	       k : 0;
}

/* The kind a heading over a list or a table's rows gives them: its words'
 * kind, or, naming none, a checker's when words say what is wrong with
 * them ("missing from sdist:", "1 unimported files"); NULL if neither. */
static const char *heading_kind(const char *h, size_t n)
{
	static const char *const wrong[] = { "missing", "not ", "unused", "unlisted",
					     "untracked", "unexpected", "invalid",
					     "unimported", "unreferenced" };
	struct cl_words w;
	char low[96];
	size_t k;

	cl_words_read(h, n, &w);
	if (w.category)
		return w.category;
	if (n > sizeof(low))
		return NULL;
	for (k = 0; k < n; k++)
		low[k] = (char)tolower((unsigned char)h[k]);
	for (k = 0; k < sizeof(wrong) / sizeof(*wrong); k++)
		if (cl_find(low, n, wrong[k], strlen(wrong[k])))
			return CAT_LINT_VIOLATION;
	return NULL;
}

/* Is r[0..rn) an indented row of a list holding one token, a bullet
 * before it maybe ("  NOTES.txt", "  - a.c")? The token is r[*b..*e). */
static bool list_row(const char *r, size_t rn, size_t *b, size_t *e)
{
	for (*b = 0; *b < rn && (r[*b] == ' ' || r[*b] == '\t'); (*b)++)
		;
	if (!*b || *b == rn)
		return false;
	if (rn - *b > 2 && (r[*b] == '-' || r[*b] == '*') && r[*b + 1] == ' ')
		*b += 2;
	for (*e = rn; *e > *b && r[*e - 1] == ' '; (*e)--)
		;
	return *e > *b && !memchr(r + *b, ' ', *e - *b);
}

/* Files of the project listed one a line, indented (a bullet maybe),
 * under a heading whose words say what is wrong with them: check-manifest's
 * "missing from sdist:" over "  NOTES.txt", "Files not formatted:". A
 * finding at each, the heading its message. How many lines it took after
 * line i, or 0 if l is no such heading. */
static size_t general_file_list(struct scan *s, size_t i, const char *l, size_t n)
{
	struct cl_words w;
	struct cl_loc loc;
	const char *r, *cat;
	size_t j, k, rn, b, e;

	if (n < 6 || n > 80 || l[0] == ' ' || l[0] == '\t' ||
	    l[n - 2] == ':')
		return 0;
	/* the rows first: most lines ending in ':' head none */
	for (j = i + 1; j < s->nlines && j - i <= CL_LIST_ROWS; j++) {
		if (s->used[j] & L_USED)
			break;
		r = line_view(s, j, &rn);
		if (!list_row(r, rn, &b, &e) || !file_known(s, r, b, e - b))
			break;
	}
	if (j == i + 1)
		return 0;
	if (!(cat = heading_kind(l, n - 1)))
		return 0;
	cl_words_read(l, n - 1, &w); /* (its severity, if it says one) */
	/* (a heading of its own, not a place's message the file under it
	 * ends: clingo's "team.lp:1:1-22: error: file could not be opened:"
	 * over "  people.lp") */
	if (line_place(s, i, l, n, &loc) != CL_LOC_NONE)
		return 0;
	for (k = i + 1; k < j; k++) {
		r = line_view(s, k, &rn);
		list_row(r, rn, &b, &e);
		general_emit(s, xstrndup(r + b, e - b), 0, 0,
			     w.sev >= 0 ? w.sev : DIAG_ERROR, NULL, 0, l, n - 1, cat);
		s->used[k] |= L_FOLDED;
	}
	return j - i - 1;
}

/* "  context...:" over Racket's stack, "  location...:" and
 * "  compilation context...:" over what they list: the lines indented
 * deeper under such a label are its items, no findings. Returns the
 * lines it heads, 0 if l is no such label. */
static size_t ellipsis_field(struct scan *s, size_t i, const char *l,
			     size_t n)
{
	size_t in, j, k, m;
	const char *r;

	if (n < 5 || memcmp(l + n - 4, "...:", 4))
		return 0;
	for (in = 0; in < n && l[in] == ' '; in++)
		;
	for (j = i + 1; j < s->nlines; j++) {
		r = line_view(s, j, &m);
		for (k = 0; k < m && r[k] == ' '; k++)
			;
		if (k <= in || k == m)
			break;
		s->used[j] |= L_FOLDED;
	}
	return j - i;
}

/* Is line i, indented, one of the "label: value" fields under a finding
 * told on the last line indented less ("  system error: no such file or
 * directory; rkt_err=3" under "cart.rkt:2:9: cannot open module file",
 * with "  module path: pricing.rkt" between)? */
static bool field_of_reported(struct scan *s, size_t i)
{
	const char *r;
	size_t j, k, m, c;

	for (j = i; j + 8 > i && j > 0; j--) {
		r = line_view(s, j, &m);
		for (k = 0; k < m && r[k] == ' '; k++)
			;
		if (!k)
			break;
		/* "label: value", the label in lower-case words */
		for (c = k; c < m && ((r[c] >= 'a' && r[c] <= 'z') || r[c] == ' '); c++)
			;
		if (c == k || c + 1 >= m || r[c] != ':' || r[c + 1] != ' ')
			return false;
	}
	r = line_view(s, j, &m);
	if (j == i || !m || r[0] == ' ')
		return false;
	for (k = s->nat; k-- > 0 && s->at[k] + 8 >= i;)
		if (s->at[k] == j)
			return true;
	return false;
}

/* A test's report as fields under its verdict alone on a line, to a rule
 * of dashes or a blank (RackUnit's "FAILURE" over "name: check-equal?",
 * "location: a-test.rkt:4:0", "actual: 4", "expected: 5"; its "ERROR"
 * over the fields and the error's own message): one finding at the
 * location field, a failed test's, or what the error's words say.
 * Returns the lines read, 0 if line i heads no such report. */
static size_t general_field_report(struct scan *s, size_t i, const char *l,
				   size_t n)
{
	struct buf text = BUF_INIT;
	struct cl_loc loc;
	struct cl_words w;
	const char *r, *cat;
	char *file = NULL;
	size_t j, m, c;
	int line = 0, col = 0;
	bool error = n == 5 && !memcmp(l, "ERROR", 5);

	if (!error && !(n == 7 && !memcmp(l, "FAILURE", 7)))
		return 0;
	for (j = i + 1; j < s->nlines && j < i + 40; j++) {
		r = line_view(s, j, &m);
		if (m >= 3 && r[0] == '-' && r[1] == '-' && r[2] == '-')
			break;
		for (c = 0; c < m && r[c] >= 'a' && r[c] <= 'z'; c++)
			;
		if (!file && c == 8 && !memcmp(r, "location", 8) && c < m &&
		    r[c] == ':' && cl_loc_read(r, m, &loc) != CL_LOC_NONE &&
		    loc.file_len) {
			file = xstrndup(r + loc.file, loc.file_len);
			line = loc.line;
			col = loc.col;
		} else if (m) {
			/* the values compared, or the error's own lines */
			if (text.len)
				buf_addch(&text, '\n');
			buf_add(&text, r, m);
		}
	}
	if (!file) {
		buf_release(&text);
		return 0;
	}
	cl_words_read(text.ptr, text.len, &w);
	cat = error && w.category ? w.category : CAT_TEST_FAILURE;
	general_emit(s, file, line, col, DIAG_ERROR, NULL, 0, text.ptr, text.len,
		     cat);
	buf_release(&text);
	for (m = i + 1; m < j; m++)
		s->used[m] |= L_FOLDED;
	return j - i;
}

/* "Label : value" on l[0..n), indented maybe, blanks around the colon
 * maybe: the label's length (it starts after the indent) and *v where the
 * value starts; 0 if l is no such field (up to three words of letters,
 * then the colon). */
static size_t field_of(const char *l, size_t n, size_t *v)
{
	size_t k = 0, b, e, words = 0;

	while (k < n && l[k] == ' ')
		k++;
	b = e = k;
	while (k < n && k - b < 32 && words < 4) {
		if (!isalpha((unsigned char)l[k]))
			break;
		while (k < n && isalpha((unsigned char)l[k]))
			k++;
		words++;
		e = k;
		while (k < n && l[k] == ' ')
			k++;
	}
	if (e == b || words > 3 || k >= n || l[k] != ':')
		return 0;
	for (k++; k < n && l[k] == ' '; k++)
		;
	*v = k;
	return e - b;
}

/* A finding told in fields, one a line, "Message : x" first, then its
 * "Rule", "Line", "Column" (IBM's lint-openapi: "  Message :   x" over
 * "  Rule    :   path-params", "  Path    :   paths./a.get", "  Line    :
 * 7"), its file the one the heading above names ("Validation Results for
 * api.yaml:"). How many lines it took after line i, or 0. */
static size_t general_message_fields(struct scan *s, size_t i, const char *l,
				     size_t n)
{
	struct cl_words w;
	const char *r, *code = NULL, *cat;
	char *file = NULL;
	size_t j, rn, v, lab, k, code_len = 0, off, len;
	int line = 0, col = 0;

	if (!(lab = field_of(l, n, &v)) || v >= n)
		return 0;
	for (k = 0; k < n && l[k] == ' '; k++)
		;
	if (lab != 7 || memcmp(l + k, "Message", 7))
		return 0;
	for (j = i + 1; j < s->nlines && j <= i + 8; j++) {
		size_t b, vv;

		if (s->used[j] & L_USED)
			break;
		r = line_view(s, j, &rn);
		if (!(lab = field_of(r, rn, &vv)))
			break;
		for (b = 0; r[b] == ' '; b++)
			;
		if (lab == 4 && !memcmp(r + b, "Rule", 4)) {
			code = r + vv;
			code_len = rn - vv;
		} else if (lab == 4 && !memcmp(r + b, "Line", 4)) {
			cl_read_int(r, rn, &vv, &line);
		} else if (lab == 6 && !memcmp(r + b, "Column", 6)) {
			cl_read_int(r, rn, &vv, &col);
		}
	}
	if (line <= 0)
		return 0;
	/* the file the heading over the list names */
	for (k = i; k-- > 0 && i - k <= 200 && !file;) {
		r = line_view(s, k, &rn);
		if (rn && r[rn - 1] == ':' && !(s->used[k] & L_USED) &&
		    cl_repo_token(r, rn, known_file, s, &off, &len))
			file = xstrndup(r + off, len);
	}
	cl_words_read(l + v, n - v, &w);
	cat = w.category ? w.category : code_len ? CAT_LINT_VIOLATION : CAT_UNKNOWN;
	general_emit(s, file, line, col, DIAG_ERROR, code, code_len, l + v, n - v, cat);
	for (k = i + 1; k < j; k++)
		s->used[k] |= L_FOLDED;
	return j - i - 1;
}

/* "rule: msg at a.js :" over a code frame whose caret line, dashes up to
 * the '^', marks the column on the numbered line right over it (JSCS's
 * default reporter): one finding there, the rule its code. How many lines
 * it took after line i, or 0. */
static size_t general_at_file_frame(struct scan *s, size_t i, const char *l,
				    size_t n)
{
	struct cl_words w;
	const char *r, *at, *bar, *c;
	size_t e = n, f, j, rn, code_len = 0, k;
	int line = 0, col = 0;

	while (e > 0 && l[e - 1] == ' ')
		e--;
	if (e < 8 || l[e - 1] != ':')
		return 0;
	for (f = e - 1; f > 0 && l[f - 1] == ' '; f--)
		;
	for (k = f; k > 0 && l[k - 1] != ' '; k--)
		;
	if (k < 5 || f == k || memcmp(l + k - 4, " at ", 4) ||
	    !file_known(s, l, k, f - k))
		return 0;
	at = l + k - 4;
	/* the frame: numbered lines, the caret's under the one it marks */
	for (j = i + 1; j < s->nlines && j <= i + 8; j++) {
		r = line_view(s, j, &rn);
		if (rn && r[0] == '-' && (c = memchr(r, '^', rn)) &&
		    (size_t)(c - r) + 1 == rn && j > i + 1) {
			const char *q;
			size_t qn;

			q = line_view(s, j - 1, &qn);
			if (!(bar = memchr(q, '|', qn)))
				return 0;
			k = 0;
			while (k < qn && q[k] == ' ')
				k++;
			if (!cl_read_int(q, qn, &k, &line))
				return 0;
			while (k < qn && q[k] == ' ')
				k++;
			if (q + k != bar)
				return 0;
			col = (int)(c - r) - (int)(bar + 1 - q) + 1;
			break;
		}
		/* "     1 |var a = 1": a number, then the bar */
		for (k = 0; k < rn && r[k] == ' '; k++)
			;
		if (k == rn || !isdigit((unsigned char)r[k]))
			return 0;
		while (k < rn && isdigit((unsigned char)r[k]))
			k++;
		while (k < rn && r[k] == ' ')
			k++;
		if (k == rn || r[k] != '|')
			return 0;
	}
	if (line <= 0)
		return 0;
	/* the rule before the message: "requireSemicolons: Missing ..." */
	for (k = 0; k < n && isalnum((unsigned char)l[k]); k++)
		;
	if (k > 2 && k + 2 < n && l[k] == ':' && l[k + 1] == ' ' && islower((unsigned char)l[0]))
		code_len = k;
	k = code_len ? code_len + 2 : 0;
	cl_words_read(l + k, (size_t)(at - l) - k, &w);
	general_emit(s, xstrndup(l + (at + 4 - l), f - (size_t)(at + 4 - l)), line,
		     col > 0 ? col : 0, DIAG_ERROR, code_len ? l : NULL, code_len,
		     l + k, (size_t)(at - l) - k,
		     w.category ? w.category : code_len ? CAT_LINT_VIOLATION : CAT_UNKNOWN);
	/* the frame's lines under the caret too, to the blank after it */
	for (j++; j < s->nlines && line_len(s, j) && j <= i + 16; j++)
		;
	for (k = i + 1; k < j; k++)
		s->used[k] |= L_FOLDED;
	return j - i - 1;
}

/* Line i a place and the code at it ("syn.c:3:   return x;"), the
 * line under it a caret with the message ("           ^ expected ','",
 * chibicc's): one finding at the place, in the caret's words. */
static bool caret_message_below(struct scan *s, size_t i, const char *l,
				const struct cl_loc *loc)
{
	struct cl_words w;
	const char *c;
	size_t cn, k;

	size_t at = i + 1;

	if (!loc->file_len || loc->line <= 0 || i + 1 >= s->nlines ||
	    (s->used[i + 1] & L_USED))
		return false;
	/* the line quoted between, its number in a gutter ("    3 |
	 * total: (.price * 2}", gojq's) */
	c = line_view(s, i + 1, &cn);
	if (i + 2 < s->nlines && !(s->used[i + 2] & L_USED) &&
	    cl_code_frame_line(c, cn, 0))
		at = i + 2;
	k = caret_run(s, at, &c, &cn);
	if (!k || k + 3 >= cn || c[k] != ' ')
		return false;
	while (k < cn && c[k] == ' ')
		k++;
	/* the place's own words name a problem: the caret's are more */
	cl_words_read(l + loc->msg, loc->msg_len, &w);
	if (w.category || w.sev >= 0)
		return false;
	cl_words_read(c + k, cn - k, &w);
	general_emit(s, xstrndup(l + loc->file, loc->file_len), loc->line, 0,
		     w.sev >= 0 ? w.sev : DIAG_ERROR, c + k + w.code, w.code_len,
		     c + k, cn - k, w.category ? w.category : CAT_UNKNOWN);
	while (at > i)
		s->used[at--] |= L_FOLDED;
	return true;
}

/* Line i an indented place whose words are only the function it is in
 * ("  lib/shop.ex:3: Shop.total/1" under "warning: variable \"discount\"
 * is unused", Elixir's): the place of the severity's message on the line
 * above, if nothing took that. */
static bool general_place_of_above(struct scan *s, size_t i, const char *l,
				   const struct cl_loc *loc)
{
	struct cl_loc above;
	struct cl_words w;
	const char *a;
	size_t an;

	if (l[0] != ' ' || !loc->file_len || loc->line <= 0 || !loc->msg_len ||
	    memchr(l + loc->msg, ' ', loc->msg_len) || i == 0 ||
	    (s->used[i - 1] & L_USED))
		return false;
	a = line_view(s, i - 1, &an);
	if (!an || a[0] == ' ' || a[0] == '\t')
		return false;
	cl_words_read(a, an, &w);
	if (w.sev < 0 || w.note || w.sev == DIAG_NOTE || w.text >= an ||
	    line_place(s, i - 1, a, an, &above) != CL_LOC_NONE)
		return false;
	s->cur = i - 1;
	general_emit(s, xstrndup(l + loc->file, loc->file_len), loc->line,
		     loc->col, w.sev, a + w.code, w.code_len, a + w.text,
		     an - w.text, w.category ? w.category :
		     w.sev == DIAG_WARNING ? CAT_LINT_VIOLATION : CAT_UNKNOWN);
	s->cur = i;
	s->used[i - 1] |= L_FOLDED;
	return true;
}

/* "Warning was generated by the operation-operationId rule." under a
 * report (Redocly's): the severity and rule of the finding just made
 * above it; a warning whose words named nothing is a linter's finding.
 * True if l is such a line. */
static bool rule_told_after(struct scan *s, size_t i, const char *l,
			    size_t n)
{
	static const char said[] = " was generated by the ";
	const size_t sn = sizeof(said) - 1;
	struct diag *d;
	size_t k, e;
	bool warning = l[0] == 'W';

	k = warning ? 7 : 5;
	if (n < k + sn + 7 || memcmp(l, warning ? "Warning" : "Error", k) ||
	    memcmp(l + k, said, sn) || memcmp(l + n - 6, " rule.", 6))
		return false;
	k += sn;
	e = n - 6;
	if (e <= k || memchr(l + k, ' ', e - k) || s->out->n <= s->first ||
	    s->out->n - s->first != s->nat || s->at[s->nat - 1] >= i ||
	    s->at[s->nat - 1] + 40 < i)
		return true;
	d = &s->out->v[s->out->n - 1];
	if (!d->code)
		d->code = xstrndup(l + k, e - k);
	if (warning) {
		d->severity = DIAG_WARNING;
		if (cl_cat_is(d->category, CAT_UNKNOWN))
			d->category = CAT_LINT_VIOLATION;
	}
	return true;
}

/* SMT-LIB's error response ('(error "line 5 column 16: unknown constant
 * z")', Z3's, cvc5's): the message in the quotes, no file named. */
static bool general_smt_error(struct scan *s, const char *l, size_t n)
{
	struct cl_words w;
	struct cl_loc loc;

	if (n < 12 || memcmp(l, "(error \"", 8) || l[n - 1] != ')' ||
	    l[n - 2] != '"')
		return false;
	/* the place inside, after the solver's label: cvc5's "(error
	 * \"Parse Error: a.smt2:4.10: Unexpected token: '('.\")" */
	if (((cl_loc_read(l + 8, n - 10, &loc) == CL_LOC_INLINE && loc.file_len) ||
	     cl_loose_place(l + 8, n - 10, known_file, s, &loc) != CL_LOC_NONE) &&
	    loc.line > 0) {
		cl_words_read(l + 8 + loc.msg, loc.msg_len, &w);
		general_emit(s, xstrndup(l + 8 + loc.file, loc.file_len), loc.line,
			     loc.col, DIAG_ERROR, NULL, 0, l + 8 + loc.msg,
			     loc.msg_len, w.category ? w.category : CAT_UNKNOWN);
		return true;
	}
	cl_words_read(l + 8, n - 10, &w);
	general_emit(s, NULL, 0, 0, DIAG_ERROR, NULL, 0, l + 8, n - 10,
		     w.category ? w.category : CAT_UNKNOWN);
	return true;
}

/* The file of the project TeX has open at line i: the nearest "(./"
 * above it whose ')' has not come yet ("(./report.tex", MetaPost's
 * "Preloading the plain mem file, version 1.005) ) (./fig.mp"; not the
 * "(./paper.aux)" read and closed since). The caller frees it; NULL if
 * none. */
static char *tex_file_above(struct scan *s, size_t i)
{
	const char *r;
	size_t j, rn, k, e, shut = 0; /* shut: ')' not yet matched */

	/* right to left: a '(' whose ')' came before line i is a file TeX
	 * read and closed ("(./a.aux)"), or words in parentheses */
	for (j = i; j-- > 0 && j + 2000 > i;) {
		r = line_view(s, j, &rn);
		for (k = rn; k-- > 0;) {
			if (r[k] == ')') {
				shut++;
				continue;
			}
			if (r[k] != '(')
				continue;
			if (shut) {
				shut--;
				continue;
			}
			if (k + 2 >= rn || r[k + 1] != '.' || r[k + 2] != '/')
				continue;
			for (e = k + 1; e < rn && r[e] != ' ' && r[e] != ')' &&
			     r[e] != '('; e++)
				;
			if (known_file(s, r + k + 1, e - k - 1))
				return xstrndup(r + k + 1, e - k - 1);
		}
	}
	return NULL;
}

/* "LaTeX Warning: Reference `x' on page 1 undefined on input line 4."
 * (and a package's warnings): its line in words, its file the one TeX
 * opened last above it ("(./report.tex"). */
static bool general_tex_input_line(struct scan *s, size_t i, const char *l,
				   size_t n)
{
	struct cl_words w;
	size_t j, d = n - 1;
	int line;
	char *file;

	/* the words end the line ("... on input line 4."): read from the
	 * end, most lines are none */
	while (d > 0 && l[d - 1] >= '0' && l[d - 1] <= '9')
		d--;
	if (d == n - 1 || d < 16 || n - 1 - d > 7 ||
	    memcmp(l + d - 15, " on input line ", 15))
		return false;
	j = d;
	line = 0;
	cl_read_int(l, n, &j, &line);
	if (!(file = tex_file_above(s, i)))
		return false;
	cl_words_read(l, n, &w);
	general_emit(s, file, line, 0, w.sev >= 0 ? w.sev : DIAG_WARNING, NULL, 0,
		     l + w.text, n - w.text, w.category ? w.category : CAT_LINT_VIOLATION);
	return true;
}

/* TeX's error as it prints it without -file-line-error (pdflatex's way by
 * default, MetaPost's, Metafont's): "! Undefined control sequence." over
 * the lines of its context and "l.5 \foo", the line of the file it opened
 * last above. The context and the source's rest under "l.5" are the
 * report's. True if line i was one and was read. */
static bool general_tex_error(struct scan *s, size_t i, const char *l, size_t n)
{
	struct cl_words w;
	const char *r;
	size_t j, k, rn;
	int line = 0;
	char *file;

	if (n < 4 || !isalpha((unsigned char)l[2]))
		return false;
	for (j = i + 1; j < s->nlines && j <= i + CL_TRACE && !line; j++) {
		if (s->used[j] & L_USED)
			return false;
		r = line_view(s, j, &rn);
		if (rn > 2 && r[0] == '!' && r[1] == ' ')
			return false; /* the next error's */
		k = 2;
		if (rn > 2 && r[0] == 'l' && r[1] == '.' &&
		    (!cl_read_int(r, rn, &k, &line) || (k < rn && r[k] != ' ')))
			line = 0;
	}
	if (line <= 0 || !(file = tex_file_above(s, i)))
		return false;
	cl_words_read(l + 2, n - 2, &w);
	general_emit(s, file, line, 0, DIAG_ERROR, NULL, 0, l + 2 + w.text,
		     n - 2 - w.text, w.category ? w.category : CAT_UNKNOWN);
	for (k = i + 1; k < j; k++)
		s->used[k] |= L_FOLDED;
	/* (the source's rest, right under where TeX stopped reading it) */
	if (j < s->nlines && (r = line_view(s, j, &rn), rn && r[0] == ' '))
		s->used[j] |= L_FOLDED;
	return true;
}

/* BibTeX's places and warnings: "---line 7 of file paper.aux" under the
 * message it places ("I couldn't open database file extra.bib"), and
 * "Warning--empty year in wirth76", a finding with no place. True if
 * line i is one of them and was read. */
static bool general_bibtex(struct scan *s, size_t i, const char *l, size_t n)
{
	struct cl_words w;
	const char *a;
	size_t an, k, f;
	int line;

	if (n > 9 && !memcmp(l, "Warning--", 9)) {
		cl_words_read(l + 9, n - 9, &w);
		general_emit(s, NULL, 0, 0, DIAG_WARNING, NULL, 0, l + 9, n - 9,
			     w.category ? w.category : CAT_LINT_VIOLATION);
		return true;
	}
	if (n < 20 || memcmp(l, "---line ", 8) || i == 0 ||
	    (s->used[i - 1] & L_USED))
		return false;
	k = 8;
	line = 0;
	cl_read_int(l, n, &k, &line);
	f = k + 9;
	if (!line || f >= n || memcmp(l + k, " of file ", 9) ||
	    !known_file(s, l + f, n - f))
		return false;
	a = line_view(s, i - 1, &an);
	if (!an || a[0] == ' ')
		return false;
	cl_words_read(a, an, &w);
	s->cur = i - 1;
	general_emit(s, xstrndup(l + f, n - f), line, 0, DIAG_ERROR, NULL, 0,
		     a, an, w.category ? w.category : CAT_UNKNOWN);
	s->cur = i;
	s->used[i - 1] |= L_FOLDED;
	return true;
}

/* A workflow command's value, %-escaped ("%3A" for ':', "%2C" for ',',
 * "%0A" for a line break, "%25" for '%'), into out (reset). */
static void workflow_value(struct buf *out, const char *p, size_t n)
{
	static const struct {
		char code[3], c;
	} esc[] = { { "25", '%' }, { "0A", '\n' }, { "0D", '\r' },
		    { "3A", ':' }, { "2C", ',' }, { "3B", ';' }, { "5D", ']' } };
	const size_t nesc = sizeof(esc) / sizeof(*esc);
	size_t k, e;

	buf_reset(out);
	for (k = 0; k < n; k++) {
		e = nesc;
		if (p[k] == '%' && n - k >= 3)
			for (e = 0; e < nesc &&
				    strncasecmp(p + k + 1, esc[e].code, 2); e++)
				;
		if (e < nesc) {
			if (esc[e].c != '\r')
				buf_addch(out, esc[e].c);
			k += 2;
		} else {
			buf_addch(out, p[k]);
		}
	}
}

/* "3:14 " opening a message: its length, or 0. */
static size_t line_col_prefix(const char *p, size_t n)
{
	size_t k = 0, d;

	for (d = 0; d < 2; d++) {
		size_t at = k;

		while (k < n && p[k] >= '0' && p[k] <= '9')
			k++;
		if (k == at || k >= n || p[k] != (d ? ' ' : ':'))
			return 0;
		k++;
	}
	return k;
}

/* The value of a logfmt field at l[k] (quoted, with its escapes, or bare
 * up to a blank) added to b, a newline or tab as a blank; where it ends. */
static size_t logfmt_value(const char *l, size_t n, size_t k, struct buf *b)
{
	if (k >= n || l[k] != '"') {
		for (; k < n && l[k] != ' '; k++)
			if (b)
				buf_addch(b, l[k]);
		return k;
	}
	for (k++; k < n && l[k] != '"'; k++) {
		if (l[k] == '\\' && k + 1 < n) {
			k++;
			if (b)
				buf_addch(b, l[k] == 'n' || l[k] == 't' ? ' ' : l[k]);
		} else if (b) {
			buf_addch(b, l[k]);
		}
	}
	return k < n ? k + 1 : k;
}

/* A logfmt record (go-kit's and logrus' text: Prometheus and its
 * exporters, Alertmanager, Loki, Grafana's "lvl="): 'ts=... caller=main.go:82
 * level=error msg="Error loading config" err="yaml: line 1: ..."'. The
 * caller is the program's own source, never a place of the project's; a
 * record below a warning says nothing; an error's or a warning's message is
 * its msg and err unquoted, no place. Taken when a level is one of its
 * fields. */
static bool general_logfmt(struct scan *s, const char *l, size_t n)
{
	struct buf msg = BUF_INIT, err = BUF_INIT;
	struct cl_words w;
	size_t k = 0, key;
	int sev = -1;
	bool level = false;

	while (k < n) {
		for (key = k; k < n && ((l[k] >= 'a' && l[k] <= 'z') || l[k] == '_'); k++)
			;
		if (k == key || k >= n || l[k] != '=')
			break;
		k++;
		if ((k - key == 6 && !memcmp(l + key, "level=", 6)) ||
		    (k - key == 4 && !memcmp(l + key, "lvl=", 4))) {
			/* by its first letter, in any spelling: error, eror
			 * (log15's), err, crit, fatal, panic, alert, emerg;
			 * warn, warning; the rest (info, debug, dbug, trace)
			 * below a warning */
			size_t v = k + (k < n && l[k] == '"');
			char c = v < n ? (char)tolower((unsigned char)l[v]) : 0;

			k = logfmt_value(l, n, k, NULL);
			level = true;
			sev = c && strchr("ecfpa", c) ? DIAG_ERROR :
			      c == 'w' ? DIAG_WARNING : DIAG_NOTE;
		} else if (k - key == 4 && !memcmp(l + key, "msg=", 4)) {
			k = logfmt_value(l, n, k, &msg);
		} else if ((k - key == 4 && !memcmp(l + key, "err=", 4)) ||
			   (k - key == 6 && !memcmp(l + key, "error=", 6))) {
			k = logfmt_value(l, n, k, &err);
		} else {
			k = logfmt_value(l, n, k, NULL);
		}
		while (k < n && l[k] == ' ')
			k++;
	}
	if (!level) {
		buf_release(&msg);
		buf_release(&err);
		return false;
	}
	if (sev == DIAG_ERROR || sev == DIAG_WARNING) {
		/* the error's own words first: the message is what was being
		 * done ("Error loading config") */
		const char *e = err.len ? strrchr(err.ptr, ':') : NULL;

		w.category = NULL;
		if (e)
			cl_words_read(e + 1, err.len - (size_t)(e + 1 - err.ptr), &w);
		if (!w.category && err.len)
			cl_words_read(err.ptr, err.len, &w);
		if (err.len) {
			if (msg.len)
				buf_adds(&msg, ": ");
			buf_add(&msg, err.ptr, err.len);
		}
		if (!w.category)
			cl_words_read(msg.ptr ? msg.ptr : "", msg.len, &w);
		if (msg.len)
			general_emit(s, NULL, 0, 0, sev, NULL, 0, msg.ptr, msg.len,
				     w.category ? w.category :
				     sev == DIAG_WARNING ? CAT_LINT_VIOLATION :
				     CAT_UNKNOWN);
	}
	buf_release(&msg);
	buf_release(&err);
	return true;
}

/*
 * GitHub Actions' workflow commands, which linters and test reporters print
 * for CI ("::error file=a.py,line=3,col=5,title=Ruff (F401)::msg"), and
 * Azure Pipelines' ("##vso[task.logissue type=error;sourcepath=a.ts;
 * linenumber=3;columnnumber=5;code=TS2304;]msg"): the properties place the
 * message and may name its rule (a title ending in "(F401)", Azure's code).
 */
static bool general_workflow_command(struct scan *s, const char *l, size_t n)
{
	struct buf v = BUF_INIT, msg = BUF_INIT, code = BUF_INIT;
	const char *end, *m;
	char *file = NULL;
	size_t k, props, pend;
	int sev = -1, line = 0, col = 0;
	char sep;
	struct cl_words w;
	struct cl_loc loc;

	if (n > 8 && l[0] == ':' && l[1] == ':') {
		k = 2;
		if (!memcmp(l + k, "error", 5))
			sev = DIAG_ERROR, k += 5;
		else if (n > 10 && !memcmp(l + k, "warning", 7))
			sev = DIAG_WARNING, k += 7;
		else if (n > 9 && !memcmp(l + k, "notice", 6))
			sev = DIAG_NOTE, k += 6;
		if (sev < 0 || (l[k] != ' ' && l[k] != ':'))
			return false;
		props = k + (l[k] == ' ');
		if (!(m = cl_find(l + k, n - k, "::", 2)))
			return false;
		pend = (size_t)(m - l);
		m += 2;
		sep = ',';
	} else if (n > 24 && !memcmp(l, "##vso[task.logissue ", 20) &&
		   (m = memchr(l, ']', n))) {
		props = 20;
		pend = (size_t)(m - l);
		m++;
		sep = ';';
	} else {
		return false;
	}
	for (k = props; k < pend;) {
		const char *eq = memchr(l + k, '=', pend - k);
		const char *stop = memchr(l + k, sep, pend - k);
		size_t key = k, klen, vend;

		vend = stop ? (size_t)(stop - l) : pend;
		k = vend + 1;
		if (!eq || eq > l + vend)
			continue;
		klen = (size_t)(eq - l) - key;
		workflow_value(&v, eq + 1, vend - (size_t)(eq + 1 - l));
#define KEY(lit) (klen == sizeof(lit) - 1 && !memcmp(l + key, lit, klen))
		if ((KEY("file") || KEY("sourcepath")) && v.len && !file)
			file = xstrndup(v.ptr, v.len);
		else if (KEY("line") || KEY("linenumber"))
			line = atoi(v.ptr);
		else if (KEY("col") || KEY("columnnumber"))
			col = atoi(v.ptr);
		else if (KEY("type"))
			sev = !strcmp(v.ptr, "error") ? DIAG_ERROR : DIAG_WARNING;
		else if (KEY("code"))
			buf_add(&code, v.ptr, v.len);
		else if (KEY("title") && !code.len && v.len > 2 &&
			 v.ptr[v.len - 1] == ')' &&
			 (end = memrchr(v.ptr, '(', v.len)) &&
			 !memchr(end, ' ', (size_t)(v.ptr + v.len - end)))
			buf_add(&code, end + 1, (size_t)(v.ptr + v.len - end) - 2);
#undef KEY
	}
	workflow_value(&msg, m, n - (size_t)(m - l));
	/* the runner's "::error::Process completed with exit code 1.": the
	 * failure told above, or the fallback's */
	if (!file && cl_summary(msg.ptr, msg.len, true))
		goto out;
	/* the message may repeat the place (ruff's "a.py:1:8: F401 ...",
	 * yamllint's "1:1 [document-start] ...") and open with its rule */
	k = 0;
	if (file && cl_loc_read(msg.ptr, msg.len, &loc) == CL_LOC_INLINE &&
	    loc.file == 0)
		k = loc.msg;
	else if (line > 0)
		k = line_col_prefix(msg.ptr, msg.len);
	if (!code.len && k + 2 < msg.len && msg.ptr[k] == '[' &&
	    (end = memchr(msg.ptr + k, ']', msg.len - k)) &&
	    end + 1 < msg.ptr + msg.len && end[1] == ' ' &&
	    !memchr(msg.ptr + k, ' ', (size_t)(end - msg.ptr) - k)) {
		buf_add(&code, msg.ptr + k + 1, (size_t)(end - msg.ptr) - k - 1);
		k = (size_t)(end - msg.ptr) + 2;
	}
	cl_words_read(msg.ptr + k, msg.len - k, &w);
	if (!code.len && w.code_len)
		buf_add(&code, msg.ptr + k + w.code, w.code_len);
	general_emit(s, file, line, col, sev, code.ptr, code.len,
		     msg.ptr + k, msg.len - k,
		     w.category ? w.category :
		     code.len ? CAT_LINT_VIOLATION : CAT_UNKNOWN);
out:
	buf_release(&v);
	buf_release(&msg);
	buf_release(&code);
	return true;
}

/* Is l[0..n) "    used in 2 files:", "    referenced from:": the line a
 * link checker puts under a target that is not there, over the pages that
 * link to it? */
static bool used_in_line(const char *l, size_t n)
{
	static const char *const says[] = { "used in", "referenced in",
					    "referenced from", "linked from" };
	size_t k, a, len;

	for (k = 0; k < n && (l[k] == ' ' || l[k] == '\t'); k++)
		;
	if (!k || l[n - 1] != ':')
		return false;
	for (a = 0; a < sizeof(says) / sizeof(*says); a++) {
		len = strlen(says[a]);
		if (n - k > len && !memcmp(l + k, says[a], len))
			return true;
	}
	return false;
}

/* A link checker's target that is not there ("/missing.html", a page's
 * "/index.html#top"), over "    used in 2 files:" and the pages that link
 * to it, indented (linklint's, under its "# ERROR  1 missing html file"
 * banner): a finding at each page the project has, a file, directory or
 * image that does not resolve, or an anchor no page defines. The lines it
 * took past line i (0: not that). */
static size_t general_used_in(struct scan *s, size_t i, const char *l, size_t n)
{
	const char *q, *hash;
	size_t j, qn, k;
	struct buf m = BUF_INIT;
	const char *cat;
	bool any = false;

	if (!s->opts->failed || i + 2 >= s->nlines || n < 2 || memchr(l, ' ', n) ||
	    (s->used[i + 1] & L_USED))
		return 0;
	q = line_view(s, i + 1, &qn);
	if (!used_in_line(q, qn))
		return 0;
	hash = memchr(l, '#', n);
	cat = hash && hash > l && hash + 1 < l + n ? CAT_UNDEFINED_SYMBOL :
	      CAT_IMPORT_RESOLUTION;
	buf_add(&m, l, n);
	buf_adds(&m, hash ? ": no such anchor" : ": not found");
	for (j = i + 2; j < s->nlines; j++) {
		q = line_view(s, j, &qn);
		for (k = 0; k < qn && (q[k] == ' ' || q[k] == '\t'); k++)
			;
		if (!k || k == qn || memchr(q + k, ' ', qn - k))
			break;
		/* the site's root is the project's ("/index.html") */
		if (q[k] == '/' && k + 1 < qn && known_file(s, q + k + 1, qn - k - 1))
			k++;
		if (known_file(s, q + k, qn - k)) {
			general_emit(s, xstrndup(q + k, qn - k), 0, 0, DIAG_ERROR,
				     NULL, 0, m.ptr, m.len, cat);
			any = true;
		}
		s->used[j] |= L_FOLDED;
	}
	buf_release(&m);
	if (!any)
		return 0;
	s->used[i + 1] |= L_FOLDED;
	return j - i - 1;
}

/* The file the nearest notice above line i names ("[notice] Read
 * configuration file \"a.conf\"", Tor's, over its warnings), up to
 * another error or warning; NULL if none. Owned by the caller. */
static char *notice_file_above(struct scan *s, size_t i)
{
	size_t j, n, off, len;
	struct cl_words w;
	const char *l;

	for (j = i; j-- > 0 && i - j <= CL_TRACE;) {
		if (s->used[j] & L_USED)
			break;
		l = line_view(s, j, &n);
		cl_words_read(l, n, &w);
		if (w.sev == DIAG_ERROR || w.sev == DIAG_WARNING)
			break;
		if (cl_repo_token(l, n, known_file, s, &off, &len))
			return xstrndup(l + off, len);
	}
	return NULL;
}

/* A daemon's warning, its process id before it or not: "warn: config:
 * invalid regexp for MY_RULE", "[20914] warn: plugin: msg" (SpamAssassin's
 * lint, its time taken off by prefix.c; an id the lines around share is
 * taken off as their tag, a run's lone line keeps it): where the message
 * starts, or 0. */
static size_t daemon_warning(const char *l, size_t n)
{
	size_t k = 0;

	if (n && l[0] == '[') {
		for (k = 1; k < n && isdigit((unsigned char)l[k]); k++)
			;
		if (k < 2 || k + 2 >= n || l[k] != ']' || l[k + 1] != ' ')
			return 0;
		k += 2;
	}
	return n - k > 6 && !memcmp(l + k, "warn: ", 6) ? k + 6 : 0;
}

/* htslib's log line ("[W::vcf_parse] Contig 'chr2' is not defined in the
 * header", "[E::hts_open_format] Failed to open file", samtools' and
 * bcftools'): where its message starts, *sev its level; 0 if l is none or
 * says less than a warning. */
static size_t hts_log_tag(const char *l, size_t n, int *sev)
{
	size_t k;

	if (n < 8 || l[0] != '[' || (l[1] != 'E' && l[1] != 'W') || l[2] != ':' ||
	    l[3] != ':')
		return 0;
	for (k = 4; k < n && (isalnum((unsigned char)l[k]) || l[k] == '_'); k++)
		;
	if (k == 4 || k + 2 >= n || l[k] != ']' || l[k + 1] != ' ')
		return 0;
	*sev = l[1] == 'E' ? DIAG_ERROR : DIAG_WARNING;
	return k + 2;
}

/* "[WARNING] Citeproc: citation smith99 not found" (pandoc's; Maven's
 * tag), "WARN - x" (a log's level): a warning whose words name a cause (a
 * name, a file, a package, a kind or the grammar) is a finding, at the
 * file its words name if any; any other is a tool's remark ("Deprecated:
 * --self-contained"). htslib's errors likewise. A daemon's "warn:" only
 * when late (no other reader took the line). True if read. */
static bool general_tagged_warning(struct scan *s, const char *l, size_t n,
				   bool late)
{
	struct cl_words w;
	size_t k;
	char *file = NULL;
	/* a daemon's or htslib's log line: its notices head no file */
	bool log_line = false;
	int sev = DIAG_WARNING;

	if (n > 10 && (!memcmp(l, "[WARNING] ", 10) || !memcmp(l, "[warning] ", 10)))
		k = 10;
	else if (n > 7 && (!memcmp(l, "[WARN] ", 7) || !memcmp(l, "[warn] ", 7)))
		k = 7;
	/* a log's level, a dash, the message (Log4perl's and Python
	 * logging's "%p - %m": Biber's "WARN - Entry 'b' (refs.bib):
	 * Invalid format ...") */
	else if (n > 10 && (!memcmp(l, "WARN - ", 7) || !memcmp(l, "WARNING - ", 10)))
		k = l[4] == ' ' ? 7 : 10;
	else if ((k = hts_log_tag(l, n, &sev)))
		log_line = true;
	/* a daemon's, asked late: with a place in its words ("... in a.cf
	 * (line 2)") it is a placed reader's */
	else if (late && (k = daemon_warning(l, n)))
		log_line = true;
	else
		return false;
	cl_words_read(l + k, n - k, &w);
	if (!w.category || w.note || !cause_category(w.category))
		return false;
	/* the file its words name ("Entry 'b' (refs.bib): x"), or else the
	 * one a notice above names */
	if (s->opts->file_exists && !(file = quoted_project_file(s, l + k, n - k)) &&
	    !log_line)
		file = notice_file_above(s, s->cur);
	general_emit(s, file, 0, 0, sev, l + k + w.code, w.code_len,
		     l + k + w.text, n - k - w.text, w.category);
	return true;
}

/* A checker's row on file l[0..e) whose words name no kind, told wrong by
 * a severity all the same: a column of the row ("trunc.jpg  0 x 0  0bit N
 * 150 ERROR   Bogus marker length", jpeginfo's), or the line right under
 * it naming the file alone ("crc.png  CRC error in chunk IHDR" over
 * "ERROR: crc.png", pngcheck's). */
static bool file_row_verdict(struct scan *s, const char *l, size_t n, size_t e)
{
	struct cl_words w;
	const char *at, *nl;
	size_t m, nn;
	int sev = DIAG_ERROR;

	at = cl_find(l + e, n - e, " ERROR ", 7);
	if (!at && (at = cl_find(l + e, n - e, " WARNING ", 9)))
		sev = DIAG_WARNING;
	if (at) {
		for (m = (size_t)(at - l) + (sev == DIAG_ERROR ? 7 : 9);
		     m < n && l[m] == ' '; m++)
			;
		if (m + 3 >= n)
			return false;
		cl_words_read(l + m, n - m, &w);
		general_emit(s, xstrndup(l, e), 0, 0, sev, NULL, 0, l + m, n - m,
			     w.category ? w.category : sev == DIAG_ERROR ?
			     CAT_UNKNOWN : CAT_LINT_VIOLATION);
		return true;
	}
	if (s->cur + 1 >= s->nlines || (s->used[s->cur + 1] & L_USED))
		return false;
	nl = line_view(s, s->cur + 1, &nn);
	if (nn != e + 7 || memcmp(nl, "ERROR: ", 7) || memcmp(nl + 7, l, e))
		return false;
	for (m = e; m < n && l[m] == ' '; m++)
		;
	general_emit(s, xstrndup(l, e), 0, 0, DIAG_ERROR, NULL, 0, l + m, n - m,
		     CAT_UNKNOWN);
	s->used[s->cur + 1] |= L_FOLDED;
	return true;
}

/* "src/api_client.ts failed for `.ts` rules: kebabcase" (ls-lint): a
 * file the project has opening its line (a colon after it maybe), and
 * words saying what is wrong with it (a rule named, or a category's
 * words): its finding there, no line. A file listed with a size or a count
 * says nothing. */
static bool general_file_first(struct scan *s, const char *l, size_t n)
{
	struct cl_words w;
	const char *cat;
	size_t e, k;
	bool dot = false; /* a '.' or a '/' in the token */

	for (e = 0; e < n && l[e] != ' ' && l[e] != ':' && l[e] != '\t'; e++)
		dot |= l[e] == '.' || l[e] == '/';
	/* ... or the file and a colon: "app.gresource.xml: Failed to locate
	 * “x” in current directory" (in a repository: a name like
	 * "python3.11: " is no file) */
	k = e + (e < n && l[e] == ':' && s->repo);
	if (!dot || e < 3 || k + 4 >= n || l[k] != ' ' || !file_known(s, l, 0, e))
		return false;
	cl_words_read(l + k + 1, n - k - 1, &w);
	cat = cl_find(l + e, n - e, " rule", 5) ? CAT_LINT_VIOLATION : w.category;
	if (!cat && !w.note && w.sev != DIAG_NOTE)
		return file_row_verdict(s, l, n, e);
	if (!cat || w.note || w.sev == DIAG_NOTE)
		return false;
	general_emit(s, xstrndup(l, e), 0, 0, w.sev >= 0 ? w.sev : DIAG_ERROR,
		     NULL, 0, l, n, cat);
	return true;
}

/* "tally.c should remove these lines:" over "- #include <ctype.h>  //
 * lines 4-4" (include-what-you-use): each line to remove is a finding at
 * its line of that file. Returns the lines read, 0 if l is no such
 * heading. */
static size_t general_removals(struct scan *s, size_t i, const char *l,
			       size_t n)
{
	static const char tail[] = " should remove these lines:";
	const size_t tn = sizeof(tail) - 1;
	const char *r, *at;
	size_t j, k, rn, f = n - tn;
	int line;

	if (n <= tn || memcmp(l + f, tail, tn) || memchr(l, ' ', f) ||
	    !file_known(s, l, 0, f))
		return 0;
	for (j = i + 1; j < s->nlines; j++) {
		r = line_view(s, j, &rn);
		if (rn < 3 || r[0] != '-' || r[1] != ' ' ||
		    !(at = cl_find(r, rn, "  // lines ", 11)))
			break;
		k = (size_t)(at - r) + 11;
		line = 0;
		cl_read_int(r, rn, &k, &line);
		s->cur = j;
		general_emit(s, xstrndup(l, f), line, 0, DIAG_WARNING, NULL, 0,
			     r, (size_t)(at - r), CAT_LINT_VIOLATION);
		s->used[j] |= L_FOLDED;
	}
	s->cur = i;
	return j - i;
}

/* "1: T1 Title exceeds max length (84>72)" (gitlint's, "12: E501 line
 * too long"): a line number and a rule's code opening a finding, in a
 * text no file is named for. Where the code is in l, 0 if it is no such
 * row. */
static size_t line_code_row(const char *l, size_t n, size_t *code_len)
{
	size_t i = 0, c, d;

	while (i < n && l[i] >= '0' && l[i] <= '9')
		i++;
	if (!i || i + 4 >= n || l[i] != ':' || l[i + 1] != ' ')
		return 0;
	for (i += 2, c = i; i < n && l[i] >= 'A' && l[i] <= 'Z'; i++)
		;
	if (i == c || i - c > 4)
		return 0;
	for (d = i; i < n && l[i] >= '0' && l[i] <= '9'; i++)
		;
	if (i == d || i - d > 5 || i + 1 >= n || l[i] != ' ')
		return 0;
	*code_len = i - c;
	return c;
}

/* "[warn] b.js": the file, no line; a warning's is a linter's finding. */
static bool general_tagged_file(struct scan *s, const char *l, size_t n)
{
	size_t off, len;
	int sev;

	if (!cl_tagged_path(l, n, &off, &len, &sev) || !file_known(s, l, off, len))
		return false;
	general_emit(s, xstrndup(l + off, len), 0, 0, sev, NULL, 0, l, n,
		     sev == DIAG_ERROR ? CAT_UNKNOWN : CAT_LINT_VIOLATION);
	return true;
}

/* A stack frame's code offset after its place, and nothing else: Go's
 * goroutine dump ("\t/src/a.go:20 +0x1d"), a frame, not an error. */
static bool code_offset(const char *m, size_t n)
{
	size_t j = 0;

	while (j < n && (m[j] == ' ' || m[j] == '\t'))
		j++;
	/* "0x2119c0 in expectEqual (test)": a frame's address and function
	 * (Zig's traces, and any "ADDR in FN" frame after a place) */
	if (n - j > 6 && m[j] == '0' && m[j + 1] == 'x') {
		for (j += 2; j < n && ((m[j] >= '0' && m[j] <= '9') ||
				       (m[j] >= 'a' && m[j] <= 'f')); j++)
			;
		return n - j > 4 && !memcmp(m + j, " in ", 4);
	}
	if (n - j < 4 || m[j] != '+' || m[j + 1] != '0' || m[j + 2] != 'x')
		return false;
	for (j += 3; j < n && ((m[j] >= '0' && m[j] <= '9') ||
			       (m[j] >= 'a' && m[j] <= 'f')); j++)
		;
	return j == n;
}

/* Does m[0..n) open with a verb of work being done ("installing
 * './compile'", "creating x.h", "copying file 'm4/libtool.m4'",
 * "generating y.c", "writing z")? The progress a generator or an
 * installer tells at the line that asked for it (automake, libtoolize,
 * autoreconf, gettextize, config.status): nothing went wrong there. */
static bool progress_note(const char *m, size_t n)
{
	static const char *const verbs[] = { "installing ", "creating ",
					     "copying ", "generating ",
					     "writing ", "removing " };
	size_t k;

	while (n && (*m == ' ' || *m == '\t'))
		m++, n--;
	/* most messages open with none of the verbs' first bytes */
	if (!n || !strchr("icgwrICGWR", *m))
		return false;
	for (k = 0; k < sizeof(verbs) / sizeof(*verbs); k++) {
		size_t len = strlen(verbs[k]), i;

		if (n <= len)
			continue;
		for (i = 0; i < len && (m[i] | 0x20) == (verbs[k][i] | 0x20); i++)
			;
		if (i == len)
			return true;
	}
	return false;
}

/* Is m[0..n) only a duration ("0.000s", "12 ms", "(0.01 sec)")? A test
 * runner's step told with its place and its time (behave's "Given x  #
 * steps/a.py:4 0.000s") says nothing went wrong there. */
static bool duration_only(const char *m, size_t n)
{
	size_t j = 0, d;

	while (j < n && (m[j] == ' ' || m[j] == '('))
		j++;
	for (d = j; j < n && ((m[j] >= '0' && m[j] <= '9') || m[j] == '.'); j++)
		;
	if (j == d)
		return false;
	while (j < n && m[j] == ' ')
		j++;
	if (j + 3 <= n && !memcmp(m + j, "sec", 3))
		j += 3;
	else if (j + 2 <= n && !memcmp(m + j, "ms", 2))
		j += 2;
	else if (j < n && m[j] == 's')
		j++;
	else
		return false;
	while (j < n && (m[j] == ' ' || m[j] == ')'))
		j++;
	return j == n;
}

/* Does message m[0..n) open with the file it is about ("a.asn::
 * identifier 'x' not found", "a.json: Expected ...")? It needs no place
 * from the lines under it. */
static bool names_own_file(const char *m, size_t n)
{
	char *f = cl_file_heading(m, n);

	free(f);
	return f != NULL;
}

/* Does the line after line i open with the same program's name, l[0..k),
 * and the line before it not ("mk: don't know how to make 'a.o'" over
 * "mk: mkfile:2: syntax error", two runs)? Then line i is a report of its
 * own, no heading of the next; one under the same name is the rest of the
 * report above ("eprover: Cannot stat file x" over "eprover: No such file
 * or directory"). */
/* Is m[0..n) only the system's words for an errno ("No such file or
 * directory", "Permission denied"): the detail of the line above? */
static bool strerror_only(const char *m, size_t n)
{
	static const char *const said[] = { "No such file or directory",
					    "Permission denied", "Is a directory",
					    "Not a directory", "File exists" };
	size_t k;

	while (n && (m[n - 1] == ' ' || m[n - 1] == '.'))
		n--;
	for (k = 0; k < sizeof(said) / sizeof(*said); k++)
		if (n == strlen(said[k]) && !memcmp(m, said[k], n))
			return true;
	return false;
}

/* Does line j open with l's first k bytes (the same tool's name)? */
static bool same_tool_line(struct scan *s, size_t j, const char *l, size_t k)
{
	const char *nl;
	size_t nn;

	if (j >= s->nlines)
		return false;
	nl = line_view(s, j, &nn);
	return nn > k && !memcmp(nl, l, k);
}

static bool same_tool_next(struct scan *s, size_t i, const char *l, size_t k)
{
	return !(i > 0 && same_tool_line(s, i - 1, l, k)) &&
	       same_tool_line(s, i + 1, l, k);
}

/* Is one of the few lines under line i, before a blank one, a message at
 * a file ("lookup: function f not found" over "XPath error" over "runtime
 * error: file a.xsl line 4")? Then line i says what went wrong there, and
 * that message reads it (from the words above it). */
static bool placed_next(struct scan *s, size_t i)
{
	struct cl_loc loc;
	const char *l;
	size_t n, j;

	for (j = i + 1; j < s->nlines && j <= i + 3; j++) {
		l = line_view(s, j, &n);
		if (!n)
			return false;
		if (line_place(s, j, l, n, &loc) == CL_LOC_INLINE && loc.file_len)
			return true;
	}
	return false;
}

/* Is the message at a file right under line i (the tool's next line) one
 * whose own words name a kind ("gojq: invalid json: bad.json:3" under
 * "gojq: ascii_downcase cannot be applied to: number (1)")? Then it tells
 * its own problem, not line i's. */
static bool placed_next_says(struct scan *s, size_t i)
{
	struct cl_loc loc;
	struct cl_words w;
	const char *l;
	size_t n;

	if (i + 1 >= s->nlines)
		return false;
	l = line_view(s, i + 1, &n);
	if (!n || line_place(s, i + 1, l, n, &loc) != CL_LOC_INLINE ||
	    !loc.file_len || !loc.msg_len)
		return false;
	cl_words_read(l + loc.msg, loc.msg_len, &w);
	return w.category != NULL;
}

/* Does the failure a test runner's verdict (line i) announces come with
 * its own report in the lines under it, before the next verdict (a place,
 * a frame, a headline)? Then that report tells it. */
static bool told_below(struct scan *s, size_t i)
{
	struct cl_loc loc;
	enum cl_loc_kind kind;
	const char *l;
	size_t n, j, msg;

	for (j = i + 1; j < s->nlines && j <= i + CL_AHEAD; j++) {
		l = line_view(s, j, &n);
		if (!lacks(s, j, CL_T_VERDICT) && cl_test_verdict(l, n))
			return false;
		/* (a place alone, "    Tests.hs:7:" under tasty's "adds
		 * prices: FAIL", tells no report: the verdict's own place) */
		if ((kind = line_place(s, j, l, n, &loc)) == CL_LOC_ALONE && !loc.pre_len)
			return false;
		if (kind != CL_LOC_NONE ||
		    (!lacks(s, j, CL_T_HEADLINE) &&
		     cl_headline(l, n, &msg, !lacks(s, j, CL_T_SUMMARY))))
			return true;
	}
	return false;
}

/* 'File "a.py", line 4, in f' over a label ("Failed example:",
 * "Failure:"): not a frame but the head of a report (Python's doctest,
 * which prints a traceback's place shape over each failed example). The
 * report runs to a line of '*' or '=' or the next such head; its words
 * name the category ("NameError: name 'x' is not defined"), else a failed
 * test; its lines are taken. */
static bool general_report_head(struct scan *s, size_t i, const char *l,
				size_t n)
{
	struct cl_loc loc;
	const char *q, *cat = NULL;
	size_t j, ln, b;

	if (i + 1 >= s->nlines || line_place(s, i, l, n, &loc) == CL_LOC_NONE ||
	    !loc.file_len ||
	    loc.line <= 0 || !file_known(s, l, loc.file, loc.file_len))
		return false;
	q = line_view(s, i + 1, &ln);
	if (ln < 4 || q[ln - 1] != ':' || !isupper((unsigned char)q[0]) ||
	    memchr(q, '/', ln) || memchr(q, '"', ln))
		return false;
	for (j = i + 1; j < s->nlines && j <= i + 4 * CL_AHEAD; j++) {
		struct cl_words w;

		q = line_view(s, j, &ln);
		if (ln && (q[0] == '*' || q[0] == '=' || (ln > 6 && !memcmp(q, "File \"", 6))))
			break;
		s->used[j] |= L_FOLDED;
		for (b = 0; b < ln && (q[b] == ' ' || q[b] == '\t'); b++)
			;
		if (cat || b == ln || q[ln - 1] == ':')
			continue;
		cl_words_read(q + b, ln - b, &w);
		if (w.category && !cl_cat_is(w.category, CAT_LINT_VIOLATION))
			cat = w.category;
	}
	general_emit(s, xstrndup(l + loc.file, loc.file_len), loc.line, loc.col,
		     DIAG_ERROR, NULL, 0, l, n, cat ? cat : CAT_TEST_FAILURE);
	return true;
}

/* Does l[0..n) hold a digit? (a frame's line needs one) */
static bool any_digit_in(const char *l, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (isdigit((unsigned char)l[k]))
			return true;
	return false;
}

/* A test's verdict that said nothing we read ("add_tests: adds_test...
 * *failed*", EUnit's) placed by the first frame of its report naming a
 * line of a project's file in any spelling ("in function m:f/0 (FILE,
 * line 7)", Erlang's; "(FILE:7)"), up to a blank line or the next
 * verdict; its category from the report's words ("**error:undef" an
 * undefined function), else a failed test. False if no frame places it. */
static bool verdict_frame(struct scan *s, size_t i, const char *l, size_t n)
{
	struct cl_loc loc;
	const char *q, *cat = NULL;
	char *file = NULL;
	size_t j, ln;
	int line = 0;

	if (!s->opts->file_exists)
		return false;
	for (j = i + 1; j < s->nlines && j <= i + CL_AHEAD; j++) {
		struct cl_words w;

		q = line_view(s, j, &ln);
		if (!ln || (!lacks(s, j, CL_T_VERDICT) && cl_test_verdict(q, ln)))
			break;
		if (!file && any_digit_in(q, ln) &&
		    cl_loose_place(q, ln, known_file, s, &loc) != CL_LOC_NONE &&
		    loc.file_len && loc.line > 0 &&
		    !cl_foreign_path(q + loc.file, loc.file_len)) {
			file = xstrndup(q + loc.file, loc.file_len);
			line = loc.line;
			continue;
		}
		cl_words_read(q, ln, &w);
		if (!cat && w.category && !cl_cat_is(w.category, CAT_LINT_VIOLATION))
			cat = w.category;
	}
	if (!file)
		return false;
	general_emit(s, file, line, 0, DIAG_ERROR, NULL, 0, l, n,
		     cat ? cat : CAT_TEST_FAILURE);
	return true;
}

/* The file heading the findings under it that name only a line (a
 * stylish report's path line, "== a.rb ==", a failure's heading naming
 * its file), kept while general_pass reads on. */
struct header {
	struct buf text;
	size_t at;      /* its line */
	bool on;        /* it still heads the lines read */
	bool decorated; /* "== a.rb ==" or a heading, not a bare path line */
	size_t last;    /* the last line read as a row under it */
};

/* Does l[0..n) hold a '.' or a '/'? Every file token cl_loose_place takes
 * has one; most lines of prose have neither. Eight bytes a step: '.' and
 * '/' differ in their low bit only, so one compare finds both. */
static bool has_file_byte(const char *l, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, top = 0x8080808080808080u;
	size_t j = 0;

	for (; j + 8 <= n; j += 8) {
		uint64_t x, v;

		memcpy(&x, l + j, 8);
		v = (x | ones) ^ ('/' * ones); /* a zero byte: '.' or '/' */
		if ((v - ones) & ~v & top)
			return true;
	}
	for (; j < n; j++)
		if (l[j] == '.' || l[j] == '/')
			return true;
	return false;
}

/* Is line j a stylish row with no file ("  ✖  4:19  msg", "  3:5  error
 * msg")? */
static bool rows_under(struct scan *s, size_t j)
{
	struct cl_loc loc;
	const char *l;
	size_t n;

	l = line_view(s, j, &n);
	return line_place(s, j, l, n, &loc) == CL_LOC_INLINE && !loc.file_len &&
	       loc.line > 0;
}

/* Is line j a row a severity opens, its place a line and a column alone
 * ("ERROR: 1:5   prefer-const  msg")? */
static bool sev_rows_under(struct scan *s, size_t j)
{
	struct cl_loc loc;
	const char *l;
	size_t n;

	l = line_view(s, j, &n);
	return cl_header_place(l, n, &loc) != CL_LOC_NONE && loc.pre_len &&
	       loc.col > 0 && cl_prefix_sev(l + loc.pre, loc.pre_len) >= 0;
}

/* Does l[0..n) open, after its indent, with a kind's letter and a number
 * ("    F 1:0 grade - C (13)": radon's rows under their file)? */
static bool kind_letter_row(const char *l, size_t n)
{
	size_t k = 0;

	while (k < n && (l[k] == ' ' || l[k] == '\t'))
		k++;
	return k + 2 < n && l[k] >= 'A' && l[k] <= 'Z' && l[k + 1] == ' ' &&
	       l[k + 2] >= '0' && l[k + 2] <= '9';
}

static void header_set(struct header *h, size_t at, const char *p, size_t n,
		       bool decorated)
{
	buf_reset(&h->text);
	buf_add(&h->text, p, n);
	h->at = h->last = at;
	h->on = true;
	h->decorated = decorated;
}

static bool frame_line(struct scan *s, size_t j);

/* The length of a tag "[Name] " opening l[0..n) that the line above or
 * under opens with too, Name no severity ("[VerboseTestNG] ": a runner
 * tagging everything it prints); 0 if none. */
static size_t shared_tag(struct scan *s, size_t i, const char *l, size_t n)
{
	const char *o;
	size_t k, on;

	for (k = 1; k < n && k < 32 && l[k] != ']' && l[k] != ' '; k++)
		;
	if (k < 2 || k + 1 >= n || l[k] != ']' || l[k + 1] != ' ' ||
	    cl_prefix_sev(l, k + 1) >= 0)
		return 0;
	k++;
	if (i > 0 && (o = line_view(s, i - 1, &on)) && on > k && !memcmp(o, l, k))
		return k + 1;
	if (i + 1 < s->nlines && (o = line_view(s, i + 1, &on)) && on > k &&
	    !memcmp(o, l, k))
		return k + 1;
	return 0;
}

/*
 * The end of a report drawn in a box, its place ("    └─ lib/a.ex:5:9:
 * A.f/1", Elixir 1.15's; miette's) under its source lines ("  5 │ x",
 * "    │   ~"): the report's first line above the box ("warning: variable
 * \"x\" is unused") is the problem, at that place, when nothing read it.
 */
static bool general_box_end(struct scan *s, size_t i, const char *l,
			    size_t n, const struct cl_loc *loc)
{
	struct cl_words w;
	const char *h;
	size_t j, hn, k;

	for (k = 0; k < n && l[k] == ' '; k++)
		;
	if (n - k < 8 || memcmp(l + k, "\xe2\x94\x94\xe2\x94\x80 ", 7) ||
	    loc->file < k + 7 || !loc->line ||
	    !file_known(s, l, loc->file, loc->file_len))
		return false;
	for (j = i; j-- > 0 && i - j < 32;) {
		h = line_view(s, j, &hn);
		for (k = 0; k < hn && (h[k] == ' ' || isdigit((unsigned char)h[k])); k++)
			;
		if (hn - k >= 3 && !memcmp(h + k, "\xe2\x94\x82", 3))
			continue; /* "│", "  5 │ x": the box */
		break;
	}
	if (j == SIZE_MAX || i - j >= 32 || (s->used[j] & L_USED) ||
	    (s->nat && s->at[s->nat - 1] == j))
		return false;
	h = line_view(s, j, &hn);
	for (k = 0; k < hn && h[k] == ' '; k++)
		;
	cl_words_read(h + k, hn - k, &w);
	if (w.sev < 0 || w.note || w.text >= hn - k)
		return false;
	s->used[j] |= L_FOLDED;
	general_emit(s, xstrndup(l + loc->file, loc->file_len), loc->line,
		     loc->col, w.sev, h + k + w.code, w.code_len,
		     h + k + w.text, hn - k - w.text,
		     w.category ? w.category :
		     w.sev == DIAG_WARNING ? CAT_LINT_VIOLATION : CAT_UNKNOWN);
	return true;
}

/* Line i is a place told in words alone ("    in file `lib/calc.rb'
 * near line 7", YARD's; HCL's "  on main.tf line 1:", a blank line
 * between): the message on the line above it that no reader took, when
 * its words say what it is ("[warn]: @param tag has unknown parameter
 * name: c", "Warning: x (rule)"), is reported there. */
static void general_place_under(struct scan *s, size_t i, const char *l,
				size_t n)
{
	struct cl_loc loc, above;
	struct cl_words w;
	const char *a;
	size_t an, k, m = i - 1;
	bool hcl = false;

	for (k = 0; k < n && l[k] == ' '; k++)
		;
	if (cl_place_in_words(l, n, &loc)) {
		/* "in file `a.rb' near line 7" */
	} else if (k && n - k > 8 && (!memcmp(l + k, "--> ", 4) ||
				      !memcmp(l + k, "\xe2\x94\x8c\xe2\x94\x80 ", 7)) &&
		   cl_loc_read(l, n, &loc) == CL_LOC_FRAME) {
		/* an arrow's or a box's place right under its message
		 * ("  ┌─ a.js:3:10" under "warning[no-eval]: msg", a
		 * codespan report's) */
	} else {
		/* HCL's "  on main.tf line 1:" under "Warning: msg (rule)"
		 * and a blank line (TFLint's, Terraform's warnings) */
		if (!k || n - k < 4 || memcmp(l + k, "on ", 3) ||
		    cl_loc_read(l, n, &loc) != CL_LOC_FRAME)
			return;
		hcl = true;
		if (m > 0 && blank_line(s, m))
			m--;
	}
	if ((s->used[m] & L_USED) || !file_known(s, l, loc.file, loc.file_len))
		return;
	a = line_view(s, m, &an);
	for (k = 0; k < an && (a[k] == ' ' || a[k] == '\t'); k++)
		;
	if (k == an || line_place(s, m, a, an, &above) != CL_LOC_NONE ||
	    (s->out->n > s->first && s->at[s->nat - 1] == m))
		return;
	cl_words_read(a + k, an - k, &w);
	if (w.sev < 0 || (!w.category && !w.code_len && !(hcl && w.sev == DIAG_WARNING)) ||
	    w.text >= an - k)
		return;
	s->cur = m;
	general_emit(s, xstrndup(l + loc.file, loc.file_len), loc.line,
		     loc.col > 0 ? loc.col : 0, w.sev,
		     a + k + w.code, w.code_len, a + k + w.text, an - k - w.text,
		     w.category ? w.category : CAT_LINT_VIOLATION);
	s->cur = i;
	s->used[m] |= L_FOLDED;
	s->used[i] |= L_FOLDED;
	box_fold(s, i);
}

/* "Tax.hs:1:1" alone over the lines it indents, "  The GHC parser (in
 * Haddock mode) failed:" and "  Unsupported extension: Bogus" (ormolu's,
 * fourmolu's): those lines are the message at that place, when the place
 * has its column (or a colon for its message) and the lines words that
 * name a kind. Not a runtime's
 * "a.js:267" over the source line it quotes and a caret, nor a code
 * frame's lines (continuation stops at a frame's gutter). */
static bool general_place_over_indented(struct scan *s, size_t i,
					const char *l, size_t n,
					const struct cl_loc *loc)
{
	struct buf more = BUF_INIT;
	struct cl_words w;
	size_t last = 0;

	/* (or its column's place a colon ends, no message after it, in a
	 * file the repository has: "[kernel] a.c:2: " over "  syntax
	 * error:", Frama-C's; not "In JsonFile.php line 347:", the tool's
	 * own source, Symfony's) */
	while (n && (l[n - 1] == ' ' || l[n - 1] == '\t'))
		n--;
	if ((loc->col <= 0 &&
	     (!n || l[n - 1] != ':' || loc->line <= 0 ||
	      (s->repo && !file_known(s, l, loc->file, loc->file_len)))) ||
	    i + 2 >= s->nlines || carets_under(s, i + 1) ||
	    !continuation(s, i, &more, &last)) {
		buf_release(&more);
		return false;
	}
	cl_words_read(more.ptr, more.len, &w);
	if (!w.category) {
		buf_release(&more);
		return false;
	}
	general_emit(s, xstrndup(l + loc->file, loc->file_len), loc->line,
		     loc->col, DIAG_ERROR, NULL, 0, more.ptr, more.len,
		     w.category);
	buf_release(&more);
	return true;
}

/* The lines under line i that quote file[0..len) line by line ("a.conf(3):
 * x = 1", Icinga 2's), and the carets among them, folded: the last of
 * them (i if none). */
static size_t quoted_file_lines(struct scan *s, size_t i, const char *file,
				size_t len)
{
	size_t j, n, k;
	const char *l;

	for (j = i + 1; j < s->nlines; j++) {
		l = line_view(s, j, &n);
		for (k = 0; k < n && l[k] == ' '; k++)
			;
		if (k < n && l[k] == '^') {
			s->used[j] |= L_FOLDED;
			continue;
		}
		if (n <= len + 2 || memcmp(l, file, len) || l[len] != '(' ||
		    l[len + 1] < '0' || l[len + 1] > '9')
			break;
		s->used[j] |= L_FOLDED;
	}
	return j - 1;
}

/* Does b[0..bn) hold a word of four letters or more that a[0..an) holds
 * ("key_mgmt", "maybe")? */
static bool shares_a_word(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, e, k;

	while (i < an) {
		for (e = i; e < an && (isalnum((unsigned char)a[e]) || a[e] == '_'); e++)
			;
		for (k = 0; e - i >= 4 && k + (e - i) <= bn; k++)
			if (!memcmp(b + k, a + i, e - i) &&
			    (!k || !isalnum((unsigned char)b[k - 1])) &&
			    (k + (e - i) == bn ||
			     !isalnum((unsigned char)b[k + (e - i)])))
				return true;
		i = e + 1;
	}
	return false;
}

/* The reports right under line i told at the same line, of what its
 * message (msg[0..msg_len)) names (wpa_supplicant's "Line 1: invalid number \"maybe\"" over
 * "Line 1: failed to parse 'update_config=maybe'." and "Line 1: Invalid
 * configuration line ..."): the first's cause restated on the way out,
 * folded into it. Not another finding at that line of another file
 * (hunspell's "Line 2: pakage -> package" under "Line 2: Recieve ->
 * Receive"). */
static void fold_same_line_openings(struct scan *s, size_t i, int line,
				    const char *msg, size_t msg_len)
{
	size_t j, n, m;
	const char *l;
	int jl, jc;

	for (j = i + 1; j < s->nlines && !(s->used[j] & L_USED); j++) {
		l = line_view(s, j, &n);
		if (!(m = cl_line_col_opening(l, n, &jl, &jc)) || jl != line ||
		    !shares_a_word(msg, msg_len, l + m, n - m))
			break;
		s->used[j] |= L_FOLDED;
	}
}

/* "-- line 8 col 29: \"}\" expected" (Coco/R's): a problem at a line of
 * the file the tool was given, which it does not name. */
static bool general_line_opening(struct scan *s, const char *l, size_t n)
{
	struct cl_words w;
	int line, col;
	size_t m = cl_line_col_opening(l, n, &line, &col);

	if (!m)
		return false;
	cl_words_read(l + m, n - m, &w);
	if (w.note || w.text >= n - m)
		return false;
	/* the text quoted at the line ("line 5: peer-as sixty ;") right
	 * under a line whose words say what is wrong with it ("syntax error
	 * in section neighbor", ExaBGP's): that kind */
	if (!w.category && w.sev < 0 && s->cur > 0 && s->cur < s->nlines &&
	    !(s->used[s->cur - 1] & L_USED)) {
		size_t an;
		const char *al = line_view(s, s->cur - 1, &an);
		struct cl_words aw;
		int al_line, al_col;

		cl_words_read(al, an, &aw);
		/* (not a report of the list's own above it: "Line 6:
		 * failed to parse psk" over "Line 7: invalid key_mgmt") */
		if (an && !aw.note && aw.category && aw.text < an &&
		    !cl_line_col_opening(al, an, &al_line, &al_col)) {
			struct buf both = BUF_INIT;

			buf_add(&both, al + aw.text, an - aw.text);
			buf_adds(&both, ": ");
			buf_add(&both, l + m + w.text, n - m - w.text);
			general_emit(s, file_named_under(s, s->cur), line, col,
				     aw.sev >= 0 ? aw.sev : DIAG_ERROR, NULL, 0,
				     both.ptr, both.len, aw.category);
			buf_release(&both);
			fold_same_line_openings(s, s->cur, line, l + m, n - m);
			return true;
		}
	}
	general_emit(s, file_named_under(s, s->cur), line, col,
		     w.sev >= 0 ? w.sev : DIAG_ERROR,
		     l + m + w.code, w.code_len, l + m + w.text, n - m - w.text,
		     w.category ? w.category :
		     w.sev == DIAG_WARNING ? CAT_LINT_VIOLATION : CAT_UNKNOWN);
	fold_same_line_openings(s, s->cur, line, l + m, n - m);
	return true;
}

/*
 * A row telling only a line ("line    2:") between a heading that ends in
 * the file and the message under it: Vim's and Neovim's "Error detected
 * while processing command line..script /p/a.vim:" over "line    2:" over
 * "E492: Not an editor command: x". A heading heads every such row under
 * it; one naming no file of the project (a function's "processing
 * function F[3]..G:", whose lines are the function's) places nothing.
 */
static bool general_line_row(struct scan *s, size_t i, const char *l,
			     size_t n)
{
	struct cl_words w;
	const char *h, *m;
	size_t k, hn, mn, b, j;
	int line;

	while (n && (l[n - 1] == ' ' || l[n - 1] == '\r'))
		n--;
	if (n < 7 || memcmp(l, "line ", 5) || l[n - 1] != ':' ||
	    i + 1 >= s->nlines || (s->used[i + 1] & L_USED))
		return false;
	for (k = 5; k < n && l[k] == ' '; k++)
		;
	if (!cl_read_int(l, n, &k, &line) || k + 1 != n)
		return false;
	m = line_view(s, i + 1, &mn);
	while (mn && (m[mn - 1] == ' ' || m[mn - 1] == '\r'))
		mn--;
	if (!mn)
		return false;
	/* the heading, up over the rows and messages it heads */
	for (j = i; j-- > 0 && i - j <= 32;) {
		h = line_view(s, j, &hn);
		while (hn && (h[hn - 1] == ' ' || h[hn - 1] == '\r'))
			hn--;
		if (hn < 2 || h[hn - 1] != ':' || (hn > 5 && !memcmp(h, "line ", 5)))
			continue;
		/* (the message of a row above, ending in its own colon: "E15:
		 * Invalid expression: " under "line    2:") */
		if (j > 0) {
			size_t rn;
			const char *r = line_view(s, j - 1, &rn);

			if (rn > 5 && !memcmp(r, "line ", 5))
				continue;
		}
		for (b = hn - 1; b > 0 && h[b - 1] != ' '; b--)
			;
		if (!known_file(s, h + b, hn - 1 - b))
			return false;
		cl_words_read(m, mn, &w);
		if (w.note || w.text >= mn)
			return false;
		general_emit(s, xstrndup(h + b, hn - 1 - b), line, 0,
			     w.sev >= 0 ? w.sev : DIAG_ERROR, m + w.code,
			     w.code_len, m + w.text, mn - w.text,
			     w.category ? w.category : CAT_UNKNOWN);
		s->used[i + 1] |= L_FOLDED;
		return true;
	}
	return false;
}

static bool is_hex(char c)
{
	return (unsigned)(c - '0') < 10 || (unsigned)((c | 0x20) - 'a') < 6;
}

/* A line of OpenSSL's error stack: [thread or process id:]error:CODE:
 * library:function:reason:file:line:data ("40B7C3:error:07000065:
 * configuration file routines:def_load_bio:missing equal sign:
 * ../crypto/conf/conf_def.c:529:HERE-->noline 3", 3.x; 1.1's
 * "140...:error:0E065068:..."). Sets the reason's span and where the
 * data after OpenSSL's own source place starts (n: none); false for any
 * other line. */
static bool openssl_error_line(const char *l, size_t n, size_t *r,
			       size_t *rn, size_t *data)
{
	size_t k = 0, e;

	if (n < 24)
		return false;
	while (k < 24 && is_hex(l[k]))
		k++;
	if (k && l[k] == ':')
		k++;
	if (!(e = cl_openssl_reason(l + k, n - k)))
		return false;
	*r = k + e;
	for (e = *r; e < n && l[e] != ':'; e++)
		;
	if (e >= n || e == *r)
		return false;
	*rn = e - *r;
	/* past OpenSSL's file and its line: the data, if any */
	for (e++; e < n && l[e] != ':'; e++)
		;
	for (e += e < n; e < n && isdigit((unsigned char)l[e]); e++)
		;
	*data = e < n && l[e] == ':' ? e + 1 : n;
	return true;
}

/*
 * OpenSSL's error stack under a tool's report (openssl req's "Error on
 * line 3 of config file \"a.cnf\"" over it) or alone. Its first line
 * tells the reason, whose words are the kind; the place is the line above
 * when that quotes a file of the project and its line in words, and never
 * the place in OpenSSL's own source the line names. The rest of the stack
 * adds nothing. A stack under a report already made gives that report
 * its kind, when its own words gave none.
 */
static bool general_openssl_stack(struct scan *s, size_t i, const char *l,
				  size_t n)
{
	struct cl_words w;
	struct buf m = BUF_INIT;
	const char *a;
	size_t r, rn, data, an, k;
	char *file = NULL;
	int line = 0;

	if (!openssl_error_line(l, n, &r, &rn, &data))
		return false;
	a = i ? line_view(s, i - 1, &an) : NULL;
	if (a && openssl_error_line(a, an, &k, &k, &k))
		return true; /* the stack's next line */
	buf_add(&m, l + r, rn);
	if (data < n) {
		buf_adds(&m, ": ");
		buf_add(&m, l + data, n - data);
	}
	cl_words_read(m.ptr, m.len, &w);
	k = s->out->n;
	if (k > s->first && s->at[k - 1 - s->first] + 1 == i) {
		struct diag *t = &s->out->v[k - 1];

		if (w.category && cl_cat_is(t->category, CAT_UNKNOWN))
			t->category = w.category;
		buf_release(&m);
		return true;
	}
	if (a && !(s->used[i - 1] & L_USED) &&
	    (file = quoted_project_file(s, a, an))) {
		line = cl_line_in_words(a, an);
		s->used[i - 1] |= L_FOLDED;
	}
	general_emit(s, file, line > 0 ? line : 0, 0, DIAG_ERROR, NULL, 0,
		     m.ptr, m.len, w.category ? w.category : CAT_UNKNOWN);
	buf_release(&m);
	return true;
}

/*
 * A caret under the line the tool echoed, the message after it (gnucap's
 * "R1 1 2 (1k" over "           ^ ? need )"), no place told: a problem
 * of the run, placeless, once its words name a kind. Not the carets of a
 * report read just above (a compiler's quoted line under its place).
 */
static bool general_caret_alone(struct scan *s, size_t i, const char *l,
				size_t n)
{
	struct cl_words w;
	size_t k = 0, b, an;
	const char *a;

	while (k < n && (l[k] == ' ' || l[k] == '\t'))
		k++;
	if (i == 0 || k >= n || l[k] != '^' ||
	    (s->nat && s->at[s->nat - 1] + 4 > i))
		return false;
	for (b = k + 1; b < n && (l[b] == '^' || l[b] == '~' || l[b] == '-'); b++)
		;
	if (b >= n || l[b] != ' ')
		return false;
	while (b < n && l[b] == ' ')
		b++;
	/* a mark of its own before the words: "? ", "! " */
	if (b + 1 < n && (l[b] == '?' || l[b] == '!') && l[b + 1] == ' ')
		for (b++; b < n && l[b] == ' '; b++)
			;
	if (b >= n || !isalpha((unsigned char)l[b]))
		return false;
	a = line_view(s, i - 1, &an);
	for (k = 0; k < an && (a[k] == ' ' || a[k] == '\t'); k++)
		;
	if (k == an)
		return false;
	cl_words_read(l + b, n - b, &w);
	if (!w.category || w.note)
		return false;
	general_emit(s, NULL, 0, 0, DIAG_ERROR, NULL, 0, l + b, n - b,
		     w.category);
	return true;
}

/* Reads the lines the patterns left: located messages, headlines placed
 * from the lines around them. */
/* A place alone on line i right under a status in brackets and what it
 * is about, nothing read there ("[Survived] ArithmeticOperator" over
 * "calc.js:1:29" over the mutant's diff, Stryker's and PIT's): a finding
 * there, the status line its message, its words its kind. */
static bool general_tag_over_place(struct scan *s, size_t i, const char *l,
				   const struct cl_loc *loc)
{
	const char *a, *c;
	size_t an;
	struct cl_words w;

	if (!i || (s->used[i - 1] & L_USED))
		return false;
	a = line_view(s, i - 1, &an);
	if (an < 5 || a[0] != '[' || !(c = memchr(a, ']', an < 24 ? an : 24)) ||
	    c == a + 1 || (size_t)(c - a) + 2 >= an || c[1] != ' ')
		return false;
	/* the status's words, or the line's */
	cl_words_read(a + 1, (size_t)(c - a) - 1, &w);
	if (!w.category)
		cl_words_read(a, an, &w);
	if (!w.category)
		return false;
	s->used[i] |= L_FOLDED;
	general_emit(s, xstrndup(l + loc->file, loc->file_len), loc->line, loc->col,
		     w.sev >= 0 ? w.sev : DIAG_ERROR, NULL, 0, a, an, w.category);
	return true;
}

/* Is line i the first frame of its stack that has a place: none above it,
 * or only the runner's placeless ones (Karma's "at <Jasmine>" over "at
 * UserContext.<anonymous> (test/a.spec.js:3:23)")? */
static bool first_placed_frame(struct scan *s, size_t i)
{
	struct cl_loc loc;
	const char *l;
	size_t j, n;

	for (j = i; j > 0 && frame_line(s, j - 1); j--) {
		const char *c;

		l = line_view(s, j - 1, &n);
		/* (a colon before a digit: a place, most frames have one;
		 * read it only then) */
		for (c = l; (c = memchr(c, ':', n - (size_t)(c - l))) &&
			    (c + 1 == l + n || !isdigit((unsigned char)c[1]));
		     c++)
			;
		if (c && cl_loc_read(l, n, &loc) != CL_LOC_NONE && loc.file_len)
			return false;
	}
	return true;
}

static size_t list_marker(const char *l, size_t n, size_t k);

/* A link checker's record of padded fields whose result is an error
 * (LinkChecker's "URL        `logo.png'", "Parent URL file:///w/a.html,
 * line 6, col 4", ..., "Result     Error: URLError: ... No such file or
 * directory: '/w/logo.png'"): a link that leads nowhere, at its place in
 * the page that has it. True if line i (l[0..n)) was such a result. */
static bool general_link_record(struct scan *s, size_t i, const char *l,
				size_t n)
{
	struct cl_words w;
	const char *q, *c;
	size_t k, j, qn, f, e;
	int line = 0, col = 0;

	for (k = 6; k < n && l[k] == ' '; k++)
		;
	if (k < 8 || n - k < 10 || memcmp(l, "Result", 6) ||
	    memcmp(l + k, "Error: ", 7))
		return false;
	k += 7;
	/* the page that links, a few fields up the record */
	for (j = i; j-- > 0 && i - j <= 6;) {
		q = line_view(s, j, &qn);
		if (!qn)
			return false;
		if (qn > 20 && !memcmp(q, "Parent URL ", 11))
			break;
	}
	if (j == SIZE_MAX || i - j > 6)
		return false;
	f = cl_url_path(q, qn, 11);
	for (e = f; e < qn && q[e] != ','; e++)
		;
	if (f == 11 || e + 7 >= qn || memcmp(q + e, ", line ", 7))
		return false;
	line = atoi(q + e + 7);
	if ((c = memmem(q + e, qn - e, ", col ", 6)))
		col = atoi(c + 6);
	cl_words_read(l + k, n - k, &w);
	s->used[j] |= L_FOLDED;
	general_emit(s, xstrndup(q + f, e - f), line > 0 ? line : 0,
		     col > 0 ? col : 0, DIAG_ERROR, NULL, 0, l + k, n - k,
		     w.category ? w.category : CAT_IMPORT_RESOLUTION);
	return true;
}

/* A frame in words at l[0..n): "at line 2 of function total ( /w/calc.sce
 * line 6 )" (the function's line in its file) or "at line 10 of executed
 * file /w/calc.sce" (Scilab's): the file's offset and length, its line in
 * *line; 0 if none. */
static size_t line_of_frame(const char *l, size_t n, size_t *len, int *line)
{
	size_t k = 8, f, e;
	long at = 0;

	if (n < 24 || memcmp(l, "at line ", 8))
		return 0;
	while (k < n && l[k] == ' ')
		k++;
	for (; k < n && l[k] >= '0' && l[k] <= '9' && at < 1000000; k++)
		at = at * 10 + (l[k] - '0');
	if (!at || n - k < 16 || memcmp(l + k, " of ", 4))
		return 0;
	k += 4;
	while (n > k && (l[n - 1] == ' ' || l[n - 1] == '\r'))
		n--;
	if (n - k > 14 && !memcmp(l + k, "executed file ", 14)) {
		*len = n - k - 14;
		*line = (int)at;
		return k + 14;
	}
	/* "function NAME ( PATH line M )" */
	if (n - k < 16 || memcmp(l + k, "function ", 9) || l[n - 1] != ')')
		return 0;
	for (f = k + 9; f < n && l[f] != '('; f++)
		;
	for (f++; f < n && l[f] == ' '; f++)
		;
	for (e = n - 1; e > f && l[e - 1] == ' '; e--)
		;
	while (e > f && l[e - 1] >= '0' && l[e - 1] <= '9')
		e--;
	if (e < f + 7 || memcmp(l + e - 6, " line ", 6))
		return 0;
	at = strtol(l + e, NULL, 10);
	if (at <= 0 || at > INT_MAX)
		return 0;
	*len = e - 6 - f;
	*line = (int)at;
	return f;
}

/* A stack told innermost first in words, then a blank line and the error
 * (Scilab's "at line 2 of function total ( /w/calc.sce line 6 )" over "at
 * line 10 of executed file /w/calc.sce", then "Undefined variable:
 * offset"; a parser's quoted line and caret before its "Error: syntax
 * error, unexpected ="): one finding, at the innermost frame in the
 * project. The lines it read, or 0. */
static size_t general_frames_over_error(struct scan *s, size_t i)
{
	const char *l, *m = NULL, *fl = NULL;
	size_t n, j, fo = 0, flen = 0, len, mn = 0, lines;
	int line, fline = 0;
	struct cl_words w;
	bool caret = false;

	for (j = i; j < s->nlines; j++) {
		size_t off;

		l = line_view(s, j, &n);
		if (!(off = line_of_frame(l, n, &len, &line)))
			break;
		if (!fl && !cl_foreign_path(l + off, len) &&
		    (!s->opts->file_exists || file_known(s, l, off, len))) {
			fl = l;
			fo = off;
			flen = len;
			fline = line;
		}
	}
	if (j == i || !fl || j + 1 >= s->nlines || line_len(s, j))
		return 0;
	/* the error: its first line, or the one under a caret */
	for (j++, lines = 0; j < s->nlines && line_len(s, j) && lines < 4;
	     j++, lines++) {
		size_t b = 0;

		l = line_view(s, j, &n);
		if (!m || caret)
			m = l, mn = n;
		while (b < n && l[b] == ' ')
			b++;
		caret = b < n && l[b] == '^';
	}
	if (!m)
		return 0;
	cl_words_read(m, mn, &w);
	general_emit(s, xstrndup(fl + fo, flen), fline, 0,
		     w.sev >= 0 ? w.sev : DIAG_ERROR, NULL, 0, m + w.text,
		     mn - w.text, w.category ? w.category : CAT_UNKNOWN);
	return j - i;
}

/* Where a tree's branch opens its text ("   ├── html", "   └── x", "   │
 * x"), or 0 if l[0..n) is none. */
static size_t tree_branch(const char *l, size_t n)
{
	size_t k = 0;

	while (k < n && (l[k] == ' ' || l[k] == '\t'))
		k++;
	/* "├", "└", "│" (U+251C, U+2514, U+2502), then "─" or blanks */
	if (k + 4 >= n || l[k] != '\xe2' || l[k + 1] != '\x94' ||
	    (l[k + 2] != '\x9c' && l[k + 2] != '\x94' && l[k + 2] != '\x82'))
		return 0;
	for (k += 3; k + 2 < n && l[k] == '\xe2' && l[k + 1] == '\x94' &&
		     l[k + 2] == '\x80'; k += 3)
		;
	while (k < n && l[k] == ' ')
		k++;
	return k < n ? k : 0;
}

/* A rule's code on the tree branch right under line i ("   ├──
 * WCAG2AA.Principle1.Guideline1_1.1_1_1.H37"): a word of letters,
 * digits, dots and '_' holding a dot or a digit; its length in *len, or
 * NULL. */
static const char *tree_code_under(struct scan *s, size_t i, size_t *len)
{
	const char *l;
	size_t n, k, e;
	bool mark = false;

	if (i + 1 >= s->nlines)
		return NULL;
	l = line_view(s, i + 1, &n);
	if (!(k = tree_branch(l, n)))
		return NULL;
	for (e = k; e < n && (is_alnum_byte(l[e]) || l[e] == '.' || l[e] == '_' ||
			      l[e] == '-'); e++)
		mark |= l[e] == '.' || (l[e] >= '0' && l[e] <= '9');
	while (n > e && (l[n - 1] == ' ' || l[n - 1] == '\r'))
		n--;
	if (e != n || e - k < 3 || !mark)
		return NULL;
	*len = e - k;
	return l + k;
}

/* The run's count under a file's quoted rows (">> 2 spelling errors
 * found in 1 file", mdspell's), from line j past more files' rows and
 * blanks (512 lines at most): the
 * words it names its findings by before "error" ("spelling") into
 * *kind, *kind_len (0 if none); false if there is no such count. */
static bool rows_counted(struct scan *s, size_t j, const char **kind,
			 size_t *kind_len)
{
	const char *l, *e;
	size_t n, k, b, end = j + 512;
	int v;

	for (; j < s->nlines && j < end; j++) {
		l = line_view(s, j, &n);
		for (k = 0; k < n && l[k] == ' '; k++)
			;
		if (k == n || quoted_line_row(l, n, &v) ||
		    (k && !memchr(l + k, ' ', n - k)))
			continue; /* a blank, a row, another file's heading */
		while (k < n && !isdigit((unsigned char)l[k]))
			k++;
		if (k == n || !cl_read_int(l, n, &k, &v) || v <= 0 || k >= n ||
		    l[k] != ' ' || !(e = cl_find(l + k, n - k, " error", 6)))
			return false;
		b = k + 1;
		*kind = l + b;
		*kind_len = (size_t)(e - l) > b ? (size_t)(e - l) - b : 0;
		return true;
	}
	return false;
}

/* A file alone on line i, indented maybe ("    README.md"), over rows
 * that each quote one of its lines ("        3 | We recieve orders
 * daily."), a count of the run's findings under them (">> 2 spelling
 * errors found in 1 file", mdspell's): each row a finding at its line, of
 * the kind the count names (a checker's, a lint's, when its words say no
 * other). Not rows with no such count: a code frame quotes lines too.
 * How many lines it took (0: none). */
static size_t general_quoted_rows(struct scan *s, size_t i, const char *l,
				  size_t n)
{
	struct cl_words w;
	const char *nl, *kind;
	size_t k, e, nn, q, j, kind_len;
	int line;

	for (k = 0; k < n && l[k] == ' '; k++)
		;
	while (n > k && (l[n - 1] == ' ' || l[n - 1] == '\r'))
		n--;
	e = n;
	if (i + 1 >= s->nlines || k == e || memchr(l + k, ' ', e - k))
		return 0;
	nl = line_view(s, i + 1, &nn);
	if (!quoted_line_row(nl, nn, &line) || !file_known(s, l, k, e - k))
		return 0;
	for (j = i + 1; j < s->nlines && !(s->used[j] & L_USED); j++) {
		nl = line_view(s, j, &nn);
		if (!quoted_line_row(nl, nn, &line))
			break;
	}
	if (!rows_counted(s, j, &kind, &kind_len))
		return 0;
	cl_words_read(kind, kind_len, &w);
	for (j = i + 1; j < s->nlines && !(s->used[j] & L_USED); j++) {
		struct buf m = BUF_INIT;

		nl = line_view(s, j, &nn);
		if (!(q = quoted_line_row(nl, nn, &line)))
			break;
		while (nn > q && nl[nn - 1] == ' ')
			nn--;
		if (kind_len) {
			buf_add(&m, kind, kind_len);
			buf_adds(&m, " error: ");
		}
		buf_add(&m, nl + q, nn - q);
		general_emit(s, xstrndup(l + k, e - k), line, 0, DIAG_ERROR,
			     NULL, 0, m.ptr, m.len,
			     w.category ? w.category : CAT_LINT_VIOLATION);
		buf_release(&m);
		s->used[j] |= L_FOLDED;
	}
	return j - i;
}

static void general_pass(struct scan *s)
{
	struct header h = { BUF_INIT, 0, false, false, 0 };
	size_t specific = s->out->n - s->first, i, n, msg;
	size_t col, k;
	long lone = -1;
	unsigned tries = 0, num;
	int qline; /* a quoted row's line, unused */
	size_t item; /* numbered_item of the line */
	char lead; /* the line's first byte after blanks, or 0 */
	bool under; /* the line is one h heads */
	bool row_next; /* a digit opens it, right under the header's last row */

	/* A JSON or SARIF report as the whole output: its problems, and no
	 * reading of its lines as text. */
	s->cur = 0;
	if (!specific && js_shaped(s->text, text_len(s)) &&
	    js_reporter(s, s->text, text_len(s)))
		return;
	if (!specific && xml_shaped(s->text, text_len(s)) &&
	    xml_reporter(s, s->text, text_len(s)))
		return;
	s->nspec = specific;
	/* a placeless error of the patterns' right over the mark a YAML
	 * reader prints ('  in "a.yaml", line 3, column 6': ruamel's and
	 * PyYAML's, under the Python traceback the patterns read): there */
	for (k = 0; k < specific && k < s->nat && s->opts->file_exists; k++) {
		struct diag *d = &s->out->v[s->first + k];
		struct cl_loc mark;
		const char *ml;
		size_t j = s->at[k] + 1, mn;

		if (d->file || j >= s->nlines)
			continue;
		ml = line_view(s, j, &mn);
		if (mn > 8 && ml[0] == ' ' && cl_place_in_words(ml, mn, &mark) &&
		    mark.line > 0 && file_known(s, ml, mark.file, mark.file_len)) {
			d->file = xstrndup(ml + mark.file, mark.file_len);
			d->line = mark.line;
			d->column = mark.col;
			s->used[j] |= L_FOLDED;
		}
	}
	s->spec_line = xmalloc((specific ? specific : 1) * sizeof(*s->spec_line));
	for (k = 0; k < specific; k++)
		s->spec_line[k] = s->out->v[s->first + k].line;
	for (i = 0; i < s->nlines; i++) {
		struct cl_loc loc;
		const char *l;
		bool head, summary;

		s->cur = i;
		/* Icinga 2's "Location: in a.conf: 4:3-4:30" (read by the
		 * error above it) over the file's lines it quotes,
		 * "a.conf(3):   x = 1", and carets: no findings of their own */
		if (line_len(s, i) > 13 && s->text[s->start[i]] == 'L' &&
		    (l = line_view(s, i, &n), n > 13 && !memcmp(l, "Location: in ", 13)) &&
		    line_place(s, i, l, n, &loc) == CL_LOC_FRAME) {
			i = quoted_file_lines(s, i, l + loc.file, loc.file_len);
			continue;
		}
		/* a header reaches the next 1000 lines at most */
		if (h.on && i - h.at >= 1000)
			h.on = false;
		/* (only a budget stops a scan: no call a line without one) */
		if (s->deadline && out_of_time(s, i))
			break;
		if (s->used[i] & L_USED) {
			/* a test the patterns reported ("not ok 1 - adds",
			 * node:test's): its YAML block is its report, the
			 * stack's frames and the error's lines too */
			l = line_view(s, i, &n);
			for (k = 0; k < n && l[k] == ' '; k++)
				;
			if (n - k > 7 && !memcmp(l + k, "not ok ", 7) &&
			    (k = yaml_block_end(s, i)))
				while (i < k)
					s->used[++i] |= L_FOLDED;
			continue;
		}
		l = line_view(s, i, &n);
		head = !lacks(s, i, CL_T_HEADLINE);
		summary = !lacks(s, i, CL_T_SUMMARY);
		/* a runner's tag before each of its lines ("[VerboseTestNG]
		 * java.lang.AssertionError: x"): what it tags is the line */
		if (n && l[0] == '[' && (k = shared_tag(s, i, l, n))) {
			l += k;
			n -= k;
		}
		/* a report amid other lines */
		for (k = 0; k < n && (l[k] == ' ' || l[k] == '\t'); k++)
			;
		lead = k < n ? l[k] : 0;
		/* a blank line says nothing: no reader below takes one */
		if (!lead)
			continue;
		if ((l[0] == ':' || l[0] == '#') && general_workflow_command(s, l, n))
			continue;
		if ((l[0] == 't' || l[0] == 'l') && n > 8 &&
		    memchr(l, '=', 6) && general_logfmt(s, l, n))
			continue;
		if (k < n && (l[k] == '<' || ((l[k] == '{' || l[k] == '[') &&
					      k + 3 > n)) &&
		    (k = embedded_report(s, i, &tries))) {
			i += k - 1;
			continue;
		}
		if (lead == '[' && k > 0 && general_status_row(s, i, l, n, k))
			continue;
		if (l[0] == 'R' && general_link_record(s, i, l, n))
			continue;
		if (l[0] == 'a' && (k = general_frames_over_error(s, i))) {
			i += k - 1;
			continue;
		}
		if (lead >= '0' && lead <= '9' && general_boxed_row(s, i, l, n))
			continue;
		if (s->repo && lead != l[0] && (k = general_quoted_rows(s, i, l, n))) {
			i += k - 1;
			continue;
		}
		/* one report a line (mypy -O json, JSON lines) */
		if (n && (l[0] == '{' || l[0] == '[') && js_shaped(l, n) &&
		    js_reporter(s, s->text + s->start[i], line_len(s, i)))
			continue;
		if (l[0] == 'F' && s->opts->file_exists && n > 6 && !memcmp(l, "File \"", 6) &&
		    general_report_head(s, i, l, n))
			continue;
		/* (a stack's line opens with an id in hex or "error:") */
		if (lead == l[0] && n > 24 &&
		    ((is_hex(lead) && is_hex(l[1])) || (lead == 'e' && l[1] == 'r')) &&
		    general_openssl_stack(s, i, l, n))
			continue;
		if (lead == l[0] && s->opts->file_exists && (k = general_used_in(s, i, l, n))) {
			i += k;
			continue;
		}
		if (l[0] == '-' && n > 12 && l[1] == '-' && l[2] == ' ' &&
		    (general_banner(s, i, l, n) || general_titled_place(s, i, l, n)))
			continue;
		/* a frame opens with one of these (cl_frame_prefix): most
		 * lines are not asked */
		if ((lead == 'a' || lead == 'F' || lead == '-' || lead == '=' ||
		     lead == '#' || lead == '\xe2' || lead == 'A' || lead == 's') &&
		    cl_frame_prefix(l, n)) {
			/* read by the error above it, if any; a stack's
			 * first frame is kept for orphan_test_frames */
			if (lead == 'a' && s->norphan < 16 && i > 0 &&
			    !(s->used[i] & L_USED) && first_placed_frame(s, i))
				s->orphan[s->norphan++] = i;
			continue;
		}
		if (i > 1 && n > 3 && (l[0] < '0' || l[0] > '9') &&
		    general_trace_end(s, i, l, n))
			continue;
		if (l[0] == '@' && general_hunk(s, i, l, n))
			continue;
		if ((l[0] == 'E' || l[0] == 'W') && l[n - 1] == '.' &&
		    rule_told_after(s, i, l, n))
			continue;
		if (l[0] == '(' && general_smt_error(s, l, n))
			continue;
		if ((l[0] == '-' || l[0] == 'W') && general_bibtex(s, i, l, n))
			continue;
		if ((l[0] == '[' || l[0] == 'W') && general_tagged_warning(s, l, n, false))
			continue;
		if (n > 20 && l[n - 1] == '.' && general_tex_input_line(s, i, l, n))
			continue;
		if (n > 3 && l[0] == '!' && l[1] == ' ' && general_tex_error(s, i, l, n))
			continue;
		if (l[n - 1] == ':' && (k = ellipsis_field(s, i, l, n))) {
			i += k - 1;
			continue;
		}
		if (l[n - 1] == ':' && (k = general_file_list(s, i, l, n))) {
			i += k;
			continue;
		}
		if (l[n - 1] == ':' || l[n - 1] == ' ') {
			if ((k = general_at_file_frame(s, i, l, n))) {
				i += k;
				continue;
			}
		}
		if (lead == 'M' && (k = general_message_fields(s, i, l, n))) {
			i += k;
			continue;
		}
		if ((l[0] == 'F' || l[0] == 'E') && (k = general_field_report(s, i, l, n))) {
			i += k - 1;
			continue;
		}
		switch (line_place(s, i, l, n, &loc)) {
		case CL_LOC_INLINE:
			/* a frame, or TeX's stop: read by the error above */
			if (code_offset(l + loc.msg, loc.msg_len) ||
			    tex_stop(l + loc.msg, loc.msg_len))
				continue;
			/* where the finding under it is, no finding */
			if (nests_next(s, i, l, n, &loc))
				continue;
			if (general_place_of_above(s, i, l, &loc) ||
			    caret_message_below(s, i, l, &loc))
				continue;
			general_inline(s, l, n, &loc,
				       h.on ? h.text.ptr : NULL, h.text.len);
			continue;
		case CL_LOC_ALONE:
			/* a place alone over stylish rows ("  a.ts:4:19" over
			 * "  ✖  4:19  msg", tsd): the rows' file */
			if (loc.file_len && !loc.pre_len && i + 1 < s->nlines &&
			    rows_under(s, i + 1)) {
				header_set(&h, i, l + loc.file, loc.file_len, false);
				continue;
			}
			/* ... or over rows a severity opens ("ERROR: 1:5
			 * prefer-const  msg", TSLint's stylish) */
			if (loc.file_len && !loc.pre_len && i + 1 < s->nlines &&
			    sev_rows_under(s, i + 1)) {
				header_set(&h, i, l + loc.file, loc.file_len, true);
				continue;
			}
			if ((loc.pre_len || (loc.line > 0 && i + 1 < s->nlines)) &&
			    general_lone_sev(s, l, n, &loc))
				continue;
			if (loc.file_len && loc.line > 0 && !loc.pre_len &&
			    test_box_place(s, i, &loc))
				continue;
			if (loc.file_len && loc.line > 0 && !loc.pre_len &&
			    general_place_over_indented(s, i, l, n, &loc))
				continue;
			if (loc.file_len && loc.line > 0 && !loc.pre_len &&
			    general_tag_over_place(s, i, l, &loc))
				continue;
			lone = (long)i;
			continue;
		case CL_LOC_FRAME:
			if (general_box_end(s, i, l, n, &loc))
				continue;
			/* "in file `a.rb' near line 7" under "[warn]: msg":
			 * the place of the message above, if nothing took it */
			k = s->out->n;
			if (i > 0 && s->opts->file_exists)
				general_place_under(s, i, l, n);
			/* a stack's first frame in its own spelling (Dart's
			 * "test/a_test.dart 6:5  main.<fn>") */
			if (s->out->n == k && s->norphan < 16 && i > 0 &&
			    loc.file_len && loc.file + loc.file_len + 1 < n &&
			    l[loc.file + loc.file_len] == ' ' &&
			    l[loc.file + loc.file_len + 1] >= '0' &&
			    l[loc.file + loc.file_len + 1] <= '9' &&
			    !frame_line(s, i - 1))
				s->orphan[s->norphan++] = i;
			continue;
		case CL_LOC_NONE:
			break;
		}
		/* a numbered failure telling its place in words on its line
		 * ("1) test: T::t (F) line: 15 a.cpp") before the loose place
		 * that line also is */
		/* asked twice below; an item's number (or its ')') is the
		 * first byte after its indent, which has no tab */
		item = (lead >= '0' && lead <= '9') || lead == ')' ?
		       numbered_item(l, n, &num) : 0;
		if (item && cl_line_in_words(l, n) > 0 && general_numbered(s, i, l, n))
			continue;
		/* "shop.opam: Errors." over "  error 23: Missing field
		 * 'x'": the file of the rows under it */
		if (lead == l[0] && (k = cl_verdict_header(l, n)) &&
		    i + 1 < s->nlines) {
			size_t nn;
			const char *nl = line_view(s, i + 1, &nn);

			if (cl_sev_row(nl, nn)) {
				header_set(&h, i, l, k, true);
				continue;
			}
		}
		/* any spelling of a place around a file the repository has */
		if (s->opts->file_exists && n > 4 && has_file_byte(l, n) &&
		    cl_loose_place(l, n, known_file, s, &loc) != CL_LOC_NONE &&
		    !in_object_dump(l, loc.file) && !quoted_code(l, n) &&
		    !((lead == '>' || (lead >= '0' && lead <= '9')) &&
		      quoted_line_row(l, n, &qline)) &&
		    !carets_under(s, i) &&
		    /* (not a file a finding under a file's heading names,
		     * its line told in words: "- site/index.html" over "*
		     * image logo.png does not have an alt attribute (line
		     * 8)", HTML-Proofer's) */
		    !(h.on && h.decorated && lead != l[0] &&
		      cl_line_in_words(l, n) > 0)) {
			general_inline(s, l, n, &loc, NULL, 0);
			continue;
		}
		if (lone >= 0 && i - (size_t)lone < 40 &&
		    (msg = cl_caret_code(l, n, &col))) {
			general_caret(s, l, n, msg, col, (size_t)lone);
			continue;
		}
		/* "[warn] b.js": a finding about a file of the project, no
		 * line (prettier --check) */
		if (s->opts->file_exists && n > 4 && l[0] == '[' &&
		    general_tagged_file(s, l, n))
			continue;
		/* "error no-circular: src/a.js → src/b.js" */
		if (s->opts->file_exists && lead >= 'a' && lead <= 'z' &&
		    general_rule_file(s, l, n))
			continue;
		if (s->opts->file_exists && lead == l[0] &&
		    general_file_first(s, l, n))
			continue;
		if (s->opts->file_exists && lead == l[0] && l[n - 1] == ':' &&
		    (k = general_removals(s, i, l, n))) {
			i += k - 1;
			continue;
		}
		if ((l[0] == 'F' || l[0] == 'X') && (k = general_qtest_fail(s, i, l, n))) {
			i += k - 1;
			continue;
		}
		/* "[Fail] Calc [It] adds" over its place alone (Ginkgo's
		 * summary of failures) */
		if (lead == '[' && s->opts->file_exists && general_fail_tag(s, i, l, n))
			continue;
		/* "F401 [*] `os` imported but unused" over " --> a.py:1:8"
		 * (ruff's, and the reports rustc's shape taught) */
		if (lead && lead != ' ' && i + 1 < s->nlines &&
		    general_arrowed(s, i, l, n))
			continue;
		if (lead != l[0] && s->repo &&
		    general_indented_file_over(s, i, l, n))
			continue;
		/* "Invalid write of size 4" over "   at 0x109167: main
		 * (heap.c:5)" (Valgrind's) */
		if (lead == l[0] && lead >= 'A' && lead <= 'Z' &&
		    general_native_stack(s, i, l, n))
			continue;
		/* "name[missing]: All tasks should be named." over
		 * "playbook.yml:7" */
		if (lead >= 'a' && lead <= 'z' && l[0] == lead &&
		    s->opts->file_exists && i + 1 < s->nlines &&
		    general_rule_over_place(s, i, l, n))
			continue;
		/* "ERROR in ./src/util.js" over "× Module parse failed:" */
		if (s->opts->file_exists && lead >= 'A' && lead <= 'Z' &&
		    cl_sev_in_file(l, n, &loc) &&
		    file_known(s, l, loc.file, loc.file_len) &&
		    general_lone_sev(s, l, n, &loc))
			continue;
		if (cl_path_line(l, n)) {
			header_set(&h, i, l, n, false);
			continue;
		}
		/* "===SORRY!=== Error while compiling a.raku" (Raku's), ";;
		 * Compiling file a.lisp ..." (CLISP's): the file of the
		 * findings under it */
		if ((lead == '=' || lead == ';') &&
		    (k = compiling_file(s, l, n, &msg))) {
			header_set(&h, i, l + k, msg, true);
			continue;
		}
		/* "== a.rb ==" over "C:  1:  1: msg": a decorated header
		 * counts when the repository has its file */
		if (cl_header_path(l, n, &col, &msg)) {
			/* one the repository does not have ends the one before */
			if (s->opts->file_exists && !file_known(s, l, col, msg)) {
				h.on = false;
				continue;
			}
			header_set(&h, i, l + col, msg, true);
			continue;
		}
		/* "a.frag" over "ERROR: 0:4: msg": a source string's line */
		if (h.on &&
		    cl_string_place(l, n, &loc) != CL_LOC_NONE) {
			general_inline(s, l, n, &loc, h.text.ptr, h.text.len);
			continue;
		}
		/* a bare path line heads rows right under it too, with one
		 * blank: "18:11 Unknown type" (graphql-schema-linter), "7
		 * duplicates warning msg" (stylint), indented "  3    msg"
		 * (gherkin-lint) */
		row_next = i == h.last + 1 &&
			   ((lead >= '0' && lead <= '9') || kind_letter_row(l, n));
		if (h.on && (h.decorated || row_next) &&
		    (cl_header_place(l, n, &loc) != CL_LOC_NONE ||
		     (row_next && cl_row_line(l, n, &loc)))) {
			general_inline(s, l, n, &loc, h.text.ptr, h.text.len);
			h.last = i;
			continue;
		}
		/* under it, a finding whose place is told in words ("\"So\"
		 * adds no meaning on line 5 at column 0") */
		/* (a bare path line: the indented line right under it,
		 * "syn.py" over "    ERROR: msg (<unknown>, line 4)",
		 * radon's) */
		under = h.on && (h.decorated || (i == h.last + 1 && lead != l[0]));
		if (under && n > 8 &&
		    (k = (size_t)cl_line_in_words(l, n)) > 0) {
			struct cl_words w;
			int c = cl_col_in_words(l, n);
			size_t b = 0, off;

			/* not the caret under the quoted line before it */
			while (b < n && (l[b] == ' ' || l[b] == '\t' || l[b] == '^'))
				b++;
			/* nor a list's mark ("  *  image x.png ...") */
			if ((off = list_marker(l, n, b)))
				for (b += off; b < n && l[b] == ' '; b++)
					;
			/* (its severity said apart: "ERROR: msg") */
			if (b && b < n && l[b] >= 'A' && (off = cl_sev_row(l, n)))
				b = off;
			cl_words_read(l + b, n - b, &w);
			/* "Undeclared routine:" over "    gret used at line
			 * 6": the kind the line above says */
			if (!w.category && i > h.at + 1 && !(s->used[i - 1] & L_USED)) {
				const char *a = line_view(s, i - 1, &msg);
				struct cl_words aw;

				if (msg > 1 && a[msg - 1] == ':') {
					cl_words_read(a, msg, &aw);
					w.category = aw.category;
				}
			}
			general_emit(s, xstrndup(h.text.ptr, h.text.len), (int)k,
				     c > 0 ? c : 0, w.sev, NULL, 0, l + b, n - b,
				     w.category ? w.category : CAT_UNKNOWN);
			h.last = i;
			continue;
		}
		/* ... or a row a severity opens, no place in it */
		if (under && i - h.last <= 2 && (k = cl_sev_row(l, n))) {
			struct cl_words w;
			size_t b = 0, cn = 0;
			const char *code = tree_code_under(s, i, &cn);

			while (l[b] == ' ' || l[b] == '\t')
				b++;
			cl_words_read(l + b, n - b, &w);
			/* (a rule's code under it: a rule's finding) */
			general_emit(s, xstrndup(h.text.ptr, h.text.len), 0, 0,
				     w.sev >= 0 ? w.sev : DIAG_ERROR, code, cn,
				     l + k, n - k, w.category ? w.category :
				     w.sev == DIAG_WARNING || code ?
				     CAT_LINT_VIOLATION : CAT_UNKNOWN);
			h.last = i;
			continue;
		}
		/* a tree's branch under the row above ("   ├── html >
		 * body > img", pa11y's): that row's details */
		if (under && lead == '\xe2' && i - h.last <= 1 && tree_branch(l, n)) {
			s->used[i] |= L_FOLDED;
			h.last = i;
			continue;
		}
		if (item && (general_chain_row(s, l, n, item) ||
			     general_numbered(s, i, l, n)))
			continue;
		if (lead == 'l' && l[0] == 'l' && general_line_row(s, i, l, n))
			continue;
		if (!h.on && (lead == '-' || lead == '*' || lead == 'l' ||
			      lead == 'L') && general_line_opening(s, l, n))
			continue;
		if (lead == '^' && s->opts->failed && general_caret_alone(s, i, l, n))
			continue;
		/* "1:0: 'grade' 9": a metric's row at a line and column of
		 * the one file the tool was given (mccabe's) */
		if (!h.on && lead >= '1' && lead <= '9' && lead == l[0] &&
		    cl_header_place(l, n, &loc) != CL_LOC_NONE && !loc.pre_len &&
		    metric_row(l + loc.msg, loc.msg_len, l, 0)) {
			general_emit(s, NULL, loc.line, loc.col, DIAG_ERROR, NULL, 0,
				     l + loc.msg, loc.msg_len, CAT_UNKNOWN);
			continue;
		}
		if (!h.on && lead >= '1' && lead <= '9' && lead == l[0] &&
		    (k = line_code_row(l, n, &msg))) {
			general_emit(s, NULL, 0, 0, DIAG_ERROR, l + k, msg,
				     l + k + msg + 1, n - k - msg - 1,
				     CAT_LINT_VIOLATION);
			continue;
		}

		/* "FAILED: parsing YAML file a.yml: yaml: unmarshal errors:"
		 * over "  line 7: msg" (Go's YAML and JSON decoders, Ansible's
		 * and Kubernetes' "error in file a.yml:"): a heading naming
		 * the file the places under it are in, saying it failed (a
		 * backtrace's "In a.scm:" over its frames does not) */
		if (n > 1 && l[n - 1] == ':' && s->opts->file_exists &&
		    i + 1 < s->nlines && !(s->used[i + 1] & L_USED) &&
		    (cl_sev_among(l, n) >= 0 || cl_find(l, n, "FAIL", 4) ||
		     cl_find(l, n, "rror", 4))) {
			const char *nl;
			size_t nn, off, len;
			struct cl_loc nloc;

			nl = line_view(s, i + 1, &nn);
			if (cl_header_place(nl, nn, &nloc) != CL_LOC_NONE &&
			    cl_repo_token(l, n, known_file, s, &off, &len)) {
				header_set(&h, i, l + off, len, true);
				continue;
			}
		}
		/* "MultipleCompilationErrorsException: startup failed:" over
		 * "a.groovy: 3: msg": a heading of the reports under it */
		if (head && n > 1 && l[n - 1] == ':' && cl_headline(l, n, &msg, summary) &&
		    placed_next(s, i))
			continue;
		if ((head && cl_headline(l, n, &msg, summary)) ||
		    (lead >= '0' && lead <= '9' && (msg = dotted_item(l, n)) &&
		     framed_right_below(s, i)) ||
		    (cl_marked_message(l, n, &msg) &&
		     /* (a marked count: "❌ Found 4 missing reference
		      * targets ... while checking 4 files:") */
		     !cl_summary(l + msg, n - msg, summary) &&
		     (boxed_below(s, i) ||
		      /* (a TAP verdict is read with its YAML block) */
		      ((n - msg < 7 || memcmp(l + msg, "not ok ", 7)) &&
		       frame_below(s, i)))) ||
		    (cl_tool_says(l, n, &msg, summary) &&
		     (!placed_next(s, i) || names_own_file(l + msg, n - msg) ||
		      /* (make's fatal error, whatever follows: "remake: ***
		       * No rule to make target 'x', needed by 'y'.  Stop.") */
		      (n > 5 && !memcmp(l + n - 5, "Stop.", 5)) ||
		      same_tool_next(s, i, l, msg) ||
		      /* (not an errno's words detailing the line above:
		       * "eprover: No such file or directory") */
		      (same_tool_line(s, i + 1, l, msg) && placed_next_says(s, i) &&
		       !strerror_only(l + msg, n - msg))))) {
			if (l[0] == ' ' && field_of_reported(s, i))
				continue;
			general_headline(s, i, l, n, msg, lone, specific);
			lone = -1;
		} else if (!specific && !lacks(s, i, CL_T_VERDICT) &&
			   cl_test_verdict(l, n) && !told_below(s, i)) {
			/* a test that failed and said nothing we read */
			for (k = 0; k < n && (l[k] == ' ' || l[k] == '\t'); k++)
				;
			if (!verdict_frame(s, i, l + k, n - k))
				general_emit(s, NULL, 0, 0, DIAG_ERROR, NULL, 0,
					     l + k, n - k, CAT_TEST_FAILURE);
		} else if (s->opts->failed && general_sentence(s, l, n, lone)) {
			/* a placeless sentence naming a cause */
		} else if ((l[0] == 'w' || l[0] == '[') &&
			   general_tagged_warning(s, l, n, true)) {
			/* "warn: config: msg", no reader above placing it */
		} else if (!lacks(s, i, CL_T_LINK) &&
			   (k = link_words(l, n)) < n && !reported(s, CAT_LINK_ERROR)) {
			/* a linker's complaint at an object file or a section,
			 * no place of the project ("(.text+0x21): undefined
			 * reference to `f'"): the first one, placeless */
			general_emit(s, NULL, 0, 0, DIAG_ERROR, NULL, 0, l + k, n - k,
				     CAT_LINK_ERROR);
		}
	}
	buf_release(&h.text);
	free(s->spec_line);
	s->spec_line = NULL;
	s->nspec = 0;
}

/* ---- a test run's verdict ---- */

static bool is_alnum_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* Does text[0..len) hold a test runner's verdict that tests failed? The
 * words runners share: an upper-case FAIL/FAILED word (pytest's "FAILED
 * a.py::t", go's "--- FAIL:" and "FAIL\tpkg", jest's and vitest's "FAIL
 * file", cargo's "test result: FAILED.", JUnit's "FAILURES!!!", unittest's
 * "FAILED (failures=1)"; not ninja's "FAILED: target", a build step), or a
 * count of failures ("2 failed", "1 failing", "3 failures", JUnit's
 * "Failures: 2", Criterion's "Failing: 1"), TAP's "not ok 3" at a line's
 * start, or "tests failed" (Dart's "Some tests failed."). */
static bool test_verdict(const char *text, size_t len)
{
	const char *p = text, *end = text + len, *hit;

	for (; p < end && (hit = memmem(p, (size_t)(end - p), "not ok ", 7)); p = hit + 7)
		if ((hit == text || hit[-1] == '\n') && hit + 7 < end &&
		    hit[7] >= '1' && hit[7] <= '9')
			return true;
	if (memmem(text, len, "tests failed", 12))
		return true;
	p = text;

	while (p < end && (hit = memmem(p, (size_t)(end - p), "FAIL", 4))) {
		const char *w = hit + 4;
		bool word_start = hit == text || !is_alnum_byte(hit[-1]);

		p = w;
		if (!word_start)
			continue;
		if (w + 2 <= end && !memcmp(w, "ED", 2))
			w += 2;
		else if (w + 4 <= end && !memcmp(w, "URES", 4))
			w += 4;
		if (w < end && is_alnum_byte(*w))
			continue;
		if (w < end && *w == ':' && !(hit - text >= 4 && !memcmp(hit - 4, "--- ", 4)))
			continue; /* "FAILED: out.o": a build step's */
		/* "BUILD FAILED" (Ant), "BUILD FAILURE" (Maven): a build's */
		if (hit - text >= 6 && !memcmp(hit - 6, "BUILD ", 6))
			continue;
		return true;
	}
	for (p = text; p < end && (hit = memmem(p, (size_t)(end - p), "ail", 3));) {
		const char *b = hit - 1, *w = hit + 3;

		p = w;
		if (hit == text || (*b != 'f' && *b != 'F'))
			continue;
		if (*b == 'F' && ((w + 5 <= end && !memcmp(w, "ures:", 5)) ||
				  (w + 5 <= end && !memcmp(w, "ing: ", 5)))) {
			/* "Failures: 2", "Failing: 1" */
			for (w += 5; w < end && *w == ' '; w++)
				;
			if (w < end && *w >= '1' && *w <= '9')
				return true;
			continue;
		}
		/* "<N> failed", "<N> failing", "<N> failure(s)", bun's
		 * "<N> fail" */
		if (b - text < 2 || b[-1] != ' ' || b[-2] < '0' || b[-2] > '9')
			continue;
		if ((w + 2 <= end && !memcmp(w, "ed", 2)) ||
		    (w + 3 <= end && !memcmp(w, "ing", 3)) ||
		    (w + 3 <= end && !memcmp(w, "ure", 3)) ||
		    w == end || !is_alnum_byte(*w)) {
			const char *d = b - 2;

			while (d > text && d[-1] >= '0' && d[-1] <= '9')
				d--;
			/* "0 failed" says nothing failed */
			if (!(d == b - 2 && *d == '0'))
				return true;
		}
	}
	return false;
}

/* Is code the name of an exception raised at run time ("KeyError",
 * "RuntimeException", "TypeError")? Compilers' codes (E0308, TS2322) are
 * not. */
static bool runtime_exception(const char *code)
{
	size_t n = code ? strlen(code) : 0;

	return (n > 5 && !strcmp(code + n - 5, "Error")) ||
	       (n > 9 && !strcmp(code + n - 9, "Exception"));
}

/* In a test run that failed, an error the code raised while a test ran
 * (a problem nothing else named, placed or not, or a run-time exception
 * such as a KeyError) is that test's failure: what to fix is the code
 * under test or the test. Problems with a category of their own (a syntax
 * error, an undefined name, an import) keep it. */
static void test_run_pass(struct scan *s)
{
	size_t i, len = text_len(s);
	bool any = false;

	for (i = s->first; i < s->out->n && !any; i++) {
		const struct diag *d = &s->out->v[i];

		any = cl_cat_is(d->category, CAT_UNKNOWN) ||
		      (d->file && cl_cat_is(d->category, CAT_TYPE_ERROR) &&
		       runtime_exception(d->code));
	}
	if (!any || !test_verdict(s->text, len))
		return;
	for (i = s->first; i < s->out->n; i++) {
		struct diag *d = &s->out->v[i];

		if (cl_cat_is(d->category, CAT_UNKNOWN) ||
		    (d->file && cl_cat_is(d->category, CAT_TYPE_ERROR) &&
		     runtime_exception(d->code)))
			d->category = CAT_TEST_FAILURE;
	}
}

/* ---- output of tests that passed ---- */

/* A test's name in a verdict or header line: bytes up to a blank. */
struct test_name {
	const char *p;
	size_t n;
};

static int test_name_cmp(const void *a, const void *b)
{
	const struct test_name *x = a, *y = b;
	int c = memcmp(x->p, y->p, x->n < y->n ? x->n : y->n);

	return c ? c : (x->n > y->n) - (x->n < y->n);
}

/* l[0..n) after its indentation: "--- PASS: name (", "--- SKIP: name (" or
 * "--- FAIL: name (" (go test's verdict on a test): the name, and whether
 * it passed. */
static bool test_verdict_line(const char *l, size_t n, struct test_name *t,
			      bool *passed)
{
	const char *end = l + n, *p;

	while (l < end && (*l == ' ' || *l == '\t'))
		l++;
	if (end - l < 12 || memcmp(l, "--- ", 4) || memcmp(l + 8, ": ", 2) ||
	    (memcmp(l + 4, "PASS", 4) && memcmp(l + 4, "SKIP", 4) &&
	     memcmp(l + 4, "FAIL", 4)))
		return false;
	*passed = memcmp(l + 4, "FAIL", 4) != 0;
	for (p = l + 10; p < end && *p != ' '; p++)
		;
	if (p == l + 10 || end - p < 2 || p[1] != '(')
		return false;
	t->p = l + 10;
	t->n = (size_t)(p - t->p);
	return true;
}

/* go test -v prints what a test logs (t.Log, and t.Error alike) as it
 * runs, under "=== RUN   name" (or "=== CONT"/"=== NAME" when it resumes),
 * and its verdict later: "--- PASS: name (0.00s)", a subtest's among its
 * parent's at the end. Without -v, and before Go 1.14, the lines sit under
 * the verdict instead. The indented lines of a test that passed are a log,
 * not a failure: they are retired before any pattern sees them. Costs one
 * memmem on output holding no "--- PASS: ". */
static void passed_test_output(struct scan *s, size_t len)
{
	struct test_name *passed = NULL, t;
	size_t npassed = 0, alloc = 0, i;
	bool ok, in_passed = false; /* the lines are a passed test's */
	/* every verdict's line and whether it passed, for the second walk:
	 * each line is read for one once */
	struct verdict_at {
		size_t line;
		bool ok;
	} *verdicts = NULL;
	size_t nv = 0, valloc = 0, v = 0;

	if (!memmem(s->text, len, "--- PASS: ", 10))
		return;
	for (i = 0; i < s->nlines; i++) {
		if (!test_verdict_line(s->text + s->start[i], line_len(s, i), &t,
				       &ok))
			continue;
		if (nv == valloc) {
			valloc = valloc ? 2 * valloc : 16;
			verdicts = xrealloc(verdicts, valloc * sizeof(*verdicts));
		}
		verdicts[nv].line = i;
		verdicts[nv++].ok = ok;
		if (!ok)
			continue;
		if (npassed == alloc) {
			alloc = alloc ? 2 * alloc : 16;
			passed = xrealloc(passed, alloc * sizeof(*passed));
		}
		passed[npassed++] = t;
	}
	if (!npassed) {
		free(verdicts);
		return; /* "--- PASS: " in words, no verdict */
	}
	qsort(passed, npassed, sizeof(*passed), test_name_cmp);
	for (i = 0; i < s->nlines; i++) {
		const char *l = s->text + s->start[i], *end, *p;
		size_t n = line_len(s, i);

		end = l + n;
		if (v < nv && verdicts[v].line == i) {
			in_passed = verdicts[v++].ok;
			continue;
		}
		if (n && l[0] != ' ' && l[0] != '\t') {
			/* "=== RUN   name": the lines below are name's until
			 * the next header; any other unindented line ends them */
			in_passed = false;
			if (n > 8 && (!memcmp(l, "=== RUN ", 8) ||
				      !memcmp(l, "=== CONT ", 9) ||
				      !memcmp(l, "=== NAME ", 9))) {
				for (p = l + 4; p < end && *p != ' '; p++)
					;
				while (p < end && *p == ' ')
					p++;
				t.p = p;
				t.n = (size_t)(end - p);
				in_passed = t.n && bsearch(&t, passed, npassed,
							   sizeof(*passed),
							   test_name_cmp);
			}
			continue;
		}
		if (in_passed && n)
			s->used[i] |= L_FOLDED;
	}
	free(passed);
	free(verdicts);
}

/* A list item's marker at l[k]: "* ", "- ", "• ", "✖ ", "✗ ", "✘ ", "× ",
 * "⚠ ": the length up to the item's text, or 0. */
static size_t list_marker(const char *l, size_t n, size_t k)
{
	static const char *const marks[] = { "*", "-", "\xe2\x80\xa2",
					     "\xe2\x9c\x96", "\xe2\x9c\x97",
					     "\xe2\x9c\x98", "\xc3\x97",
					     "\xe2\x9a\xa0",
					     /* arrows: skott's "➡️ src/a.js" */
					     "\xe2\x9e\xa1\xef\xb8\x8f",
					     "\xe2\x9e\xa1", "\xe2\x86\x92" };
	size_t m, len;

	for (m = 0; m < sizeof(marks) / sizeof(*marks); m++) {
		len = strlen(marks[m]);
		if (k + len < n && !memcmp(l + k, marks[m], len) &&
		    (l[k + len] == ' ' || l[k + len] == '\t'))
			return len + 1;
	}
	return 0;
}

/* A file the list names: one the repository has, or with no repository
 * to ask, one shaped as a file. */
static bool listed_file(struct scan *s, const char *p, size_t n)
{
	if (n > 2 && p[0] == '.' && p[1] == '/')
		p += 2, n -= 2;
	if (!cl_path_line(p, n) || cl_foreign_path(p, n))
		return false;
	return s->opts->file_exists ? file_known(s, p, 0, n) : true;
}

/* A list finding of file (once a file when `once`: a file two headings
 * list is one finding); a linter's when its words name nothing else. */
static void list_emit(struct scan *s, const char *file, size_t fn,
		      const char *msg, size_t mn, bool once)
{
	struct cl_words w;
	size_t j;

	if (fn > 2 && file[0] == '.' && file[1] == '/')
		file += 2, fn -= 2;
	/* the last few findings: a long list stays linear */
	j = s->out->n - s->first > 256 ? s->out->n - 256 : s->first;
	for (; once && j < s->out->n; j++)
		if (s->out->v[j].file && !s->out->v[j].line &&
		    strlen(s->out->v[j].file) == fn &&
		    !memcmp(s->out->v[j].file, file, fn))
			return;
	cl_words_read(msg, mn, &w);
	general_emit(s, xstrndup(file, fn), 0, 0, w.sev, NULL, 0, msg, mn,
		     w.category ? w.category : CAT_LINT_VIOLATION);
}

/* The indent of line j, and whether what follows it is TAP's "not ok N". */
static size_t tap_not_ok(struct scan *s, size_t j, bool *not_ok)
{
	const char *l;
	size_t n, k;

	l = line_view(s, j, &n);
	for (k = 0; k < n && (l[k] == ' ' || l[k] == '\t'); k++)
		;
	*not_ok = n - k > 7 && !memcmp(l + k, "not ok ", 7) &&
		  l[k + 7] >= '0' && l[k + 7] <= '9';
	return k < n ? k : SIZE_MAX;
}

/* Does m[0..n) end in "N subtest(s) failed" (node:test's error for a test
 * whose own subtests failed)? */
static bool subtests_failed_n(const char *m, size_t n)
{
	return (n > 15 && !memcmp(m + n - 15, " subtest failed", 15)) ||
	       (n > 16 && !memcmp(m + n - 16, " subtests failed", 16));
}

static bool subtests_failed(const char *m)
{
	return subtests_failed_n(m, strlen(m));
}

/* If line i is a suite's verdict, "\u2716 NAME (T)" (node:test's spec and
 * dot reporters), where the failures in it start: after the line that
 * opened it ("\u25b6 NAME", at its indent), or anywhere above when
 * nothing is told under it (a test that failed says why); else SIZE_MAX. */
static size_t suite_opening(struct scan *s, size_t i)
{
	const char *l, *q;
	size_t n, ln, k, name, j;

	l = line_view(s, i, &n);
	for (k = 0; k < n && l[k] == ' '; k++)
		;
	if (n - k < 8 || memcmp(l + k, "\xe2\x9c\x96 ", 4) || l[n - 1] != ')')
		return SIZE_MAX;
	q = memmem(l + k + 4, n - k - 4, " (", 2);
	if (!q)
		return SIZE_MAX;
	name = (size_t)(q - (l + k + 4));
	for (j = i; j-- > 0 && i - j <= 400;) {
		q = line_view(s, j, &ln);
		if (ln == k + 4 + name && !memcmp(q, l, k) &&
		    !memcmp(q + k, "\xe2\x96\xb6 ", 4) &&
		    !memcmp(q + k + 4, l + k + 4, name))
			return j;
	}
	/* what is told under it: nothing, or that its subtests failed
	 * ("'1 subtest failed'", the dot reporter's) */
	if (i + 1 < s->nlines) {
		q = line_view(s, i + 1, &ln);
		for (j = 0; j < ln && q[j] == ' '; j++)
			;
		if (j < ln && j > k &&
		    !(q[j] == '\'' && q[ln - 1] == '\'' && ln - j > 2 &&
		      subtests_failed_n(q + j + 1, ln - j - 2)))
			return SIZE_MAX;
	}
	return 0;
}

/* TAP's subtests: a test's "not ok 1 - adds" closing the block of its
 * own assertions, indented under it ("    not ok 1 - should be equal",
 * node-tap, brittle, node:test's nested tests), is their verdict (as it is
 * of findings placed in its comment block under it). When one
 * of them was reported, the verdict with no place of its own is no
 * problem of its own. */
static void drop_subtest_verdicts(struct scan *s)
{
	size_t n = s->out->n - s->first, k, w = 0, j, c, ind, cind;
	struct diag *v;
	bool not_ok, child_ok, *drop;

	/* (as drop_lineless_repeats: each asks the others) */
	if (n < 2 || n > 256 || n != s->nat)
		return;
	v = s->out->v + s->first; /* (v is NULL while nothing was found) */
	drop = xcalloc(n, sizeof(*drop));
	for (k = 0; k < n; k++) {
		/* "\u2716 suite (2ms)" closing "\u25b6 suite" (node:test's spec
		 * reporter): the suite failed by the failures found in it */
		if (!v[k].file && s->at[k] < s->nlines &&
		    (j = suite_opening(s, s->at[k])) != SIZE_MAX) {
			for (c = 0; c < n && !drop[k]; c++)
				drop[k] = c != k && s->at[c] >= j &&
					  s->at[c] < s->at[k];
			continue;
		}
		/* placeless, or what node:test says of a suite at its place
		 * ("suite: 1 subtest failed") */
		if ((v[k].file && v[k].line > 0 && !subtests_failed(v[k].message)) ||
		    !cl_cat_is(v[k].category, CAT_TEST_FAILURE) ||
		    s->at[k] >= s->nlines ||
		    (ind = tap_not_ok(s, s->at[k], &not_ok)) == SIZE_MAX || !not_ok)
			continue;
		/* up the block indented deeper than it, to a reported "not
		 * ok" there */
		for (j = s->at[k]; j-- > 0 && s->at[k] - j <= 400 && !drop[k];) {
			cind = tap_not_ok(s, j, &child_ok);
			if (cind == SIZE_MAX)
				continue; /* a blank line */
			if (cind <= ind)
				break;
			for (c = 0; child_ok && c < n && !drop[k]; c++)
				drop[k] = c != k && s->at[c] == j;
		}
		/* down its comment block, or the lines indented under it, to
		 * a finding placed there ("# lib/A.pm (8): msg" under "not ok
		 * 1 - POD test", Test::Pod's; mocha's TAP, the error and its
		 * stack under "not ok 2 calc parses"): the verdict's failure
		 * is that finding */
		for (j = s->at[k] + 1; j < s->nlines && j - s->at[k] <= 64 && !drop[k]; j++) {
			const char *l;
			size_t ln, b;

			l = line_view(s, j, &ln);
			for (b = 0; b < ln && (l[b] == ' ' || l[b] == '\t'); b++)
				;
			if (b == ln) {
				if (j == s->at[k] + 1)
					break;
				continue;
			}
			if (l[b] == '#' ? b < ind : b <= ind)
				break;
			for (c = 0; c < n && !drop[k]; c++)
				drop[k] = c != k && s->at[c] == j && v[c].file && v[c].line > 0;
		}
	}
	for (k = 0; k < n; k++) {
		if (drop[k]) {
			diag_release(&v[k]);
			continue;
		}
		v[w] = v[k];
		s->at[w++] = s->at[k];
	}
	free(drop);
	s->out->n = s->first + w;
	s->nat = w;
}

/* A finding with no line in a file another finding of its kind (or of
 * any, when its words name none; of its rule, when both name one) has a
 * line of: the same problem told
 * again without its place (DejaGnu's
 * "ERROR: invalid command name" after the one at helper.exp line 2, a
 * runner's closing recap of an error, a compiler's "in file a.c" line).
 * Small lists only: a pair test each. */
static void drop_lineless_repeats(struct scan *s)
{
	size_t n = s->out->n - s->first, k, j, w = 0;
	struct diag *v;

	if (n < 2 || n > 256 || n != s->nat)
		return;
	v = s->out->v + s->first; /* (v is NULL while nothing was found) */
	for (k = 0; k < n; k++) {
		bool again = false;

		for (j = 0; !v[k].line && v[k].file && j < n && !again; j++)
			again = v[j].line > 0 && v[j].file &&
				(!strcmp(v[j].category, v[k].category) ||
				 cl_cat_is(v[k].category, CAT_UNKNOWN)) &&
				/* (not another rule's: Bootlint's "index.html:
				 * W002 ..." of the page's head after its E004
				 * at a line; nor pytest's "XPASS(strict)" of a
				 * test the summary names after another's
				 * assertion) */
				(!v[k].code || !strcmp(v[k].code, v[j].code ? v[j].code : "")) &&
				same_file(v[j].file, v[k].file);
		if (again) {
			diag_release(&v[k]);
			continue;
		}
		v[w] = v[k];
		s->at[w++] = s->at[k];
	}
	s->out->n = s->first + w;
	s->nat = w;
}

/* Does line j end with name[0..nn), after a blank or a '/' (a block's
 * heading naming a test: "❯ default / adds two numbers")? */
static bool heading_names(struct scan *s, size_t j, const char *name,
			  size_t nn)
{
	const char *l;
	size_t n;

	l = line_view(s, j, &n);
	while (n && (l[n - 1] == ' ' || l[n - 1] == '\t'))
		n--;
	/* (the last bytes first: a walk over 2000 lines asks this) */
	return n > nn + 1 && l[n - 1] == name[nn - 1] &&
	       !memcmp(l + n - nn, name, nn) &&
	       (l[n - nn - 1] == ' ' || l[n - nn - 1] == '/');
}

/* A test's verdict told with no place in a list first ("✖ adds two
 * numbers (3.84ms)"), then a block further down headed by its name ("❯
 * default / adds two numbers": Japa, and the runners that list first and
 * explain after): the failure is at the block's first frame in the
 * project, of the kind the block's error names. A block ends at the
 * heading of another such verdict. */
static void verdicts_placed_by_blocks(struct scan *s)
{
	size_t k, c, j, n, nn, end, nd = s->out->n;
	size_t names[32], lens[32], nv = 0;
	const char *m;

	for (k = s->first; k < nd && k - s->first < s->nat && nv < 32; k++) {
		const struct diag *d = &s->out->v[k];

		if (d->file || !cl_cat_is(d->category, CAT_TEST_FAILURE))
			continue;
		m = strstr(d->message, ": ");
		nn = m ? (size_t)(m - d->message) : strlen(d->message);
		if (nn < 4)
			continue;
		names[nv] = k;
		lens[nv++] = nn;
	}
	for (c = 0; c < nv; c++) {
		struct diag *d = &s->out->v[names[c]];
		const char *cat = NULL;
		size_t at = s->at[names[c] - s->first], h;

		nn = lens[c];
		end = s->nlines < at + 2000 ? s->nlines : at + 2000;
		for (h = at + 1; h < end && !heading_names(s, h, d->message, nn); h++)
			;
		if (h >= end)
			continue;
		for (j = h + 1; j < s->nlines && j <= h + 60; j++) {
			struct place p;
			struct cl_words w;
			bool strong, other = false;
			size_t o;
			const char *l = line_view(s, j, &n);

			for (o = 0; o < nv && !other; o++)
				other = o != c &&
					heading_names(s, j, s->out->v[names[o]].message,
						      lens[o]);
			if (other)
				break;
			if (cl_frame_prefix(l, n)) {
				if (!place_of(s, j, &p, &strong, false))
					continue;
				if (!strong || p.line <= 0 ||
				    cl_foreign_path(p.file, strlen(p.file))) {
					free(p.file);
					continue;
				}
				d->file = p.file;
				line_set(s, d, p.line);
				d->column = p.col;
				if (cat)
					d->category = cat;
				break;
			}
			if (!cat && n) {
				cl_words_read(l, n, &w);
				if (w.category && cause_category(w.category))
					cat = w.category;
			}
		}
	}
}

/* A failed test placed at its own line by its heading ("FAIL:
 * calc_test.go:15: CalcSuite.TestAdd", gocheck), the place of the
 * assertion that failed alone a few lines under it, in the same file
 * further down ("calc_test.go:16:"): the failure is there. */
static void failures_at_their_assertion(struct scan *s)
{
	size_t k, j, n, end;
	struct cl_loc loc;
	const char *l;

	for (k = s->first + s->nspec; k < s->out->n && k - s->first < s->nat; k++) {
		struct diag *d = &s->out->v[k];
		size_t at = s->at[k - s->first];

		if (!d->file || d->line <= 0 || !cl_cat_is(d->category, CAT_TEST_FAILURE))
			continue;
		/* the heading a verdict opens: "FAIL: a.go:15: T.t" */
		l = line_view(s, at, &n);
		if (n < 6 || memcmp(l, "FAIL", 4))
			continue;
		end = k + 1 < s->out->n && k + 1 - s->first < s->nat ?
		      s->at[k + 1 - s->first] : s->nlines;
		for (j = at + 1; j < end && j <= at + 8; j++) {
			char *f;

			if (s->used[j] & L_USED)
				continue;
			l = line_view(s, j, &n);
			if (line_place(s, j, l, n, &loc) != CL_LOC_ALONE || loc.pre_len ||
			    loc.line <= d->line || loc.line - d->line > 200)
				continue;
			f = xstrndup(l + loc.file, loc.file_len);
			if (same_file(f, d->file)) {
				line_set(s, d, loc.line);
				d->column = loc.col;
				s->used[j] |= L_FOLDED;
				free(f);
				break;
			}
			free(f);
		}
	}
}

/* Is line j a frame of a stack ("at fn (a.js:3:5)")? */
static bool frame_line(struct scan *s, size_t j)
{
	const char *l;
	size_t n;

	l = line_view(s, j, &n);
	return cl_frame_prefix(l, n);
}

/* Is l[0..n) only a label over what follows it, a word or two and a
 * colon ("Error Message:", "Stack Trace:", "Message:")? */
static bool field_label(const char *l, size_t n)
{
	size_t k, words = 0;

	if (n < 2 || l[n - 1] != ':')
		return false;
	for (k = 0; k + 1 < n; k++)
		if (l[k] == ' ')
			words++;
		else if (!is_alnum_byte(l[k]))
			return false;
	return words <= 1;
}

/* The words of lines [top, bottom) over a test's frame, into m: what
 * failed, from the runner's verdict on (not labels, frames or packages). */
static void orphan_words(struct scan *s, size_t top, size_t bottom,
			 struct buf *m)
{
	size_t j, n;

	buf_reset(m);
	for (j = top; j < bottom; j++) {
		const char *l = line_view(s, j, &n);
		size_t b = 0;

		while (b < n && (l[b] == ' ' || l[b] == '\t'))
			b++;
		/* not a label, nor a frame under the words (Dart's
		 * "package:matcher  expect" too, a package's) */
		if (b == n || field_label(l + b, n - b) ||
		    (b && (frame_line(s, j) || !memcmp(l + b, "package:", n - b < 8 ? n - b : 8) ||
			   !memcmp(l + b, "dart:", n - b < 5 ? n - b : 5))))
			continue;
		/* the runner's verdict on the test opens its report
		 * (.NET's "  Failed NS.C.M [12 ms]" under its progress,
		 * Dart's "00:01 +0 -1: adds [E]", Karma's "Chrome Headless
		 * 120.0 (Linux x86_64) math adds FAILED") */
		if ((n - b > 7 && (!memcmp(l + b, "Failed ", 7) ||
				   !memcmp(l + b, "FAILED ", 7) ||
				   !memcmp(l + b, "FAIL ", 5) ||
				   !memcmp(l + n - 7, " FAILED", 7))) ||
		    (n > 4 && !memcmp(l + n - 4, " [E]", 4)))
			buf_reset(m);
		if (m->len)
			buf_addch(m, ' ');
		buf_add(m, l + b, n - b);
	}
}

/* The first frame of a stack in a test's file that no diagnostic took,
 * under a paragraph no reader took either (ospec's "calc > add:" over
 * "-1", "should equal", "5", then "    at /s/tests/calc.js:7:16"): a
 * test's failure there, told by that paragraph. */
static void orphan_test_frames(struct scan *s)
{
	size_t c, n, top, bottom, para, first;
	struct buf m = BUF_INIT;
	struct cl_words w;
	struct place p;
	bool strong;

	for (c = 0; c < s->norphan; c++) {
		size_t i = s->orphan[c];

		if (s->used[i] & L_USED || !place_of(s, i, &p, &strong, false))
			continue;
		if (!strong || p.line <= 0 || !test_file(p.file) ||
		    cl_foreign_path(p.file, strlen(p.file)) ||
		    general_at(s, p.file, p.line, 0)) {
			free(p.file);
			continue;
		}
		/* the paragraph over it, up to a blank line: none of it read;
		 * the one over that too when this one is the stack's (Dart's
		 * "package:matcher  expect" over the test's frame, the
		 * expectation a blank line above) */
		buf_reset(&m);
		top = i;
		first = SIZE_MAX;
		for (bottom = i, para = 0; para < 2 && !m.len; para++) {
			for (top = bottom; top > 0 && bottom - top < 8; top--) {
				line_view(s, top - 1, &n);
				if (!n || (s->used[top - 1] & L_USED))
					break;
			}
			if (top == bottom || (top > 0 && (s->used[top - 1] & L_USED)))
				break;
			if (!para)
				first = top;
			orphan_words(s, top, bottom, &m);
			if (top < 2 || !blank_line(s, top - 1))
				break;
			bottom = top - 1;
		}
		if (first == SIZE_MAX) {
			free(p.file);
			continue;
		}
		if (!m.len) {
			top = first;
			buf_adds(&m, "the test failed here");
		}
		cl_words_read(m.ptr, m.len, &w);
		s->cur = top;
		s->used[i] |= L_FOLDED;
		general_emit(s, p.file, p.line, p.col, DIAG_ERROR, NULL, 0, m.ptr,
			     m.len, w.category && cause_category(w.category) ?
			     w.category : CAT_TEST_FAILURE);
	}
	buf_release(&m);
}

/* A heading counting the items under it, "Unused files (2)": its words
 * in [0, *wn), the count returned (0: none). Words only before the count
 * ("Unused devDependencies", "Unresolved imports"). */
static unsigned counted_heading(const char *l, size_t n, size_t *wn)
{
	size_t k, d;
	unsigned v = 0;
	bool letter = false;

	if (n < 5 || l[n - 1] != ')' || l[0] == ' ' || l[0] == '\t')
		return 0;
	for (k = n - 1; k > 0 && l[k - 1] >= '0' && l[k - 1] <= '9'; k--)
		;
	if (k == n - 1 || n - 1 - k > 4 || k < 3 || l[k - 1] != '(' ||
	    l[k - 2] != ' ')
		return 0;
	for (d = 0; d < k - 2; d++) {
		if (is_alnum_byte(l[d]))
			letter = true;
		else if (l[d] != ' ' && l[d] != '-' && l[d] != '_')
			return 0;
	}
	for (d = k; d < n - 1; d++)
		v = v * 10 + (unsigned)(l[d] - '0');
	*wn = k - 2;
	return letter ? v : 0;
}

/* A row of a counted list naming a file of the project, at a place
 * ("left-pad  package.json:7:6") or alone ("src/old.js"): one finding
 * with the heading's words, unless one was read there already. */
static void counted_row(struct scan *s, const char *head, size_t hn,
			const char *l, size_t n)
{
	struct cl_loc loc;
	struct buf m = BUF_INIT;
	struct cl_words w;
	size_t k, e;
	char *file = NULL;
	int line = 0, col = 0;

	if (cl_loose_place(l, n, known_file, s, &loc) != CL_LOC_NONE &&
	    loc.line > 0) {
		file = xstrndup(l + loc.file, loc.file_len);
		line = loc.line;
		col = loc.col;
	} else {
		for (k = 0; k < n && !file; k = e) {
			while (k < n && (l[k] == ' ' || l[k] == '\t'))
				k++;
			for (e = k; e < n && l[e] != ' ' && l[e] != '\t'; e++)
				;
			if (e > k && listed_file(s, l + k, e - k))
				file = xstrndup(l + k, e - k);
		}
	}
	if (!file)
		return;
	if (general_at(s, file, line, 0)) {
		free(file);
		return;
	}
	buf_add(&m, head, hn);
	buf_adds(&m, ": ");
	for (k = 0; k < n; k++)
		if (l[k] != ' ' || (k && l[k - 1] != ' '))
			buf_add(&m, l + k, 1);
	cl_words_read(head, hn, &w);
	general_emit(s, file, line, col, w.sev, NULL, 0, m.ptr, m.len,
		     w.category ? w.category : CAT_LINT_VIOLATION);
	buf_release(&m);
}

/* Lists under headings that count them ("Unused files (1)" over
 * "src/old.js", "Unused dependencies (1)" over "left-pad
 * package.json:7:6": knip, and the like of depcheck's and linters'
 * summaries): when the rows under the heading are as many as it counts
 * and its words say what is wrong, each row naming a file of the
 * project is a finding there. */
static void counted_lists(struct scan *s)
{
	size_t i, n, wn, j, rn, count;
	struct cl_words w;
	const char *l;

	for (i = 0; i + 1 < s->nlines; i++) {
		l = line_view(s, i, &n);
		if (!(count = counted_heading(l, n, &wn)) || i + count >= s->nlines)
			continue;
		for (j = i + 1; j <= i + count; j++) {
			const char *r = line_view(s, j, &rn);

			if (!rn || counted_heading(r, rn, &rn))
				break;
		}
		if (j <= i + count)
			continue; /* fewer rows than it counts */
		cl_words_read(l, wn, &w);
		if (!w.category && w.sev < 0)
			continue;
		for (j = i + 1; j <= i + count; j++) {
			const char *r = line_view(s, j, &rn);

			s->cur = j;
			counted_row(s, l, wn, r, rn);
		}
		i += count;
	}
}

/* A heading with no colon whose words say what is wrong ("Missing
 * dependencies", "Unused dependencies"): a few words, no place. */
static bool naming_heading(const char *l, size_t n)
{
	struct cl_words w;
	size_t k, words = 1;

	if (n > 48 || l[0] < 'A' || l[0] > 'Z')
		return false;
	for (k = 0; k < n; k++) {
		if (l[k] == ' ')
			words++;
		else if (!is_alnum_byte(l[k]) && l[k] != '-')
			return false;
	}
	if (words > 5)
		return false;
	cl_words_read(l, n, &w);
	return w.category != NULL;
}

/* An item under a heading that names its kind: "lodash: ./src/index.js"
 * (a name, then the file it is in) is a finding in that file, "left-pad"
 * one with no place; the heading's words, then the item's. */
static void list_item(struct scan *s, const char *head, size_t hn,
		      const char *it, size_t n)
{
	struct buf m = BUF_INIT;
	struct cl_words w;
	const char *c = memchr(it, ':', n);
	char *file = NULL;
	size_t f;

	if (c && (size_t)(c - it) + 2 < n && c[1] == ' ') {
		f = (size_t)(c - it) + 2;
		if (n - f > 2 && it[f] == '.' && it[f + 1] == '/')
			f += 2;
		if (listed_file(s, it + f, n - f))
			file = xstrndup(it + f, n - f);
	}
	buf_add(&m, head, hn);
	buf_adds(&m, ": ");
	buf_add(&m, it, file ? (size_t)(c - it) : n);
	cl_words_read(head, hn, &w);
	general_emit(s, file, 0, 0, w.sev, NULL, 0, m.ptr, m.len,
		     w.category ? w.category : CAT_LINT_VIOLATION);
	buf_release(&m);
}

/* A checker's report as lists, no line anywhere, read when nothing else
 * was (before the one finding of a failed run's output). Two shapes:
 * a file alone on a line over its items, each a finding of that file
 * (npm-package-json-lint's "./package.json" over "✖ rule - msg",
 * editorconfig-checker's "a.txt:" over indented findings, lychee's, a
 * stylish formatter's with no line); a heading ending in ':' over the
 * files it lists as marked items, each a finding with the heading's
 * words (reuse's "The following files have no copyright ...:" over "*
 * src/b.py", a formatter's "Files that would be reformatted:" over "-
 * a.py"; not a build's "Compiling:" over indented files). */
static void list_report(struct scan *s)
{
	const char *file = NULL, *head = NULL;
	size_t fn = 0, hn = 0, i, n, k, m, e;
	bool blank_ok = false, named = false;

	for (i = 0; i < s->nlines && s->out->n - s->first < 4096; i++) {
		const char *l = line_view(s, i, &n);

		while (n && (l[n - 1] == ' ' || l[n - 1] == '\t' ||
			     l[n - 1] == '\r'))
			n--;
		if (!n) {
			/* one blank line may part a heading from its list */
			if (!blank_ok)
				file = head = NULL;
			blank_ok = false;
			continue;
		}
		for (k = 0; k < n && (l[k] == ' ' || l[k] == '\t'); k++)
			;
		m = list_marker(l, n, k);
		/* (a heading a blank or two in, as its items: skott's "
		 * Unused files found:" over " ➡️ src/dead.js") */
		if ((!k || (k <= 2 && l[n - 1] == ':')) && !m) {
			e = l[n - 1] == ':' ? n - 1 : n;
			file = head = NULL;
			named = false;
			if (listed_file(s, l, e)) {
				file = l;
				fn = e;
			} else if (e < n || (named = naming_heading(l, n))) {
				head = l;
				hn = n;
				blank_ok = true;
				continue;
			}
			blank_ok = false;
			continue;
		}
		blank_ok = false;
		if (head && m && listed_file(s, l + k + m, n - k - m)) {
			list_emit(s, l + k + m, n - k - m, head, hn, true);
			continue;
		}
		/* under a heading its words name ("Missing dependencies"
		 * over "* lodash: ./src/index.js", "* left-pad": depcheck):
		 * an item and the file it is in, or the item alone */
		if (head && m && named) {
			list_item(s, head, hn, l + k + m, n - k - m);
			continue;
		}
		head = NULL;
		if (file && n - k - m > 2)
			list_emit(s, file, fn, l + k + m, n - k - m, false);
		else
			file = NULL;
	}
}

/* Where line l[0..n) goes on after the mark that opens a message of its
 * own at the line's start, a severity and a colon ("Warning: ",
 * "ERROR: ") or a sign and a blank ("% ", IDL's and GDL's), with the
 * severity told; 0 if none. */
static size_t told_mark(const char *l, size_t n, int *sev)
{
	const char *c;

	if (n > 3 && (l[0] == '%' || l[0] == '!' || l[0] == '?') && l[1] == ' ' &&
	    l[2] != ' ') {
		*sev = DIAG_ERROR;
		return 2;
	}
	if (n < 8 || (l[0] | 0x20) < 'a' || (l[0] | 0x20) > 'z' ||
	    !(c = memchr(l, ':', n < 16 ? n : 16)) || (size_t)(c - l) + 2 >= n ||
	    c[1] != ' ')
		return 0;
	*sev = cl_prefix_sev(l, (size_t)(c - l));
	if (*sev != DIAG_ERROR && *sev != DIAG_WARNING)
		return 0;
	return (size_t)(c - l) + 2;
}

/* The kind of mark told_mark found k bytes long at l: its sign, or 0 for
 * a severity's. */
static int mark_kind(const char *l, size_t k)
{
	return k == 2 ? l[0] : 0;
}

/* A failed run nothing else read, whose messages are told a line each
 * behind the same kind of mark, two or more of them in words that name a
 * kind (Sollya's "Warning: the expression given does not evaluate to a
 * machine integer.", GDL's "% Variable is undefined: TOTAL"): each is a
 * problem of its own, where it was told (no place). True if read so. */
static bool told_lines(struct scan *s)
{
	struct cl_words w;
	size_t i, n, k, named = 0;
	int sev, first = -1;
	const char *l;

	for (i = 0; i < s->nlines && i < 4096; i++) {
		l = line_view(s, i, &n);
		if (!(k = told_mark(l, n, &sev)))
			continue;
		cl_words_read(l + k, n - k, &w);
		if (!w.category)
			continue;
		/* (one kind of mark: a severity's, or one sign) */
		if (first < 0)
			first = mark_kind(l, k);
		else if (mark_kind(l, k) != first)
			continue;
		named++;
	}
	if (named < 2)
		return false;
	for (i = 0; i < s->nlines && i < 4096; i++) {
		l = line_view(s, i, &n);
		if (!(k = told_mark(l, n, &sev)))
			continue;
		if (mark_kind(l, k) != first)
			continue;
		/* (the others in words like other tools' too) */
		cl_words_read(l + k, n - k, &w);
		if (!w.category &&
		    !(w.category = cl_learned_category(s->db->learned, l + k,
						       n - k)))
			continue;
		s->cur = i;
		/* "WARNING: report.pdf: file is damaged": in that file */
		general_emit(s, file_after_label(s, l, n), 0, 0, sev, NULL, 0,
			     l, n, w.category);
	}
	s->cur = s->nlines;
	return s->out->n > s->first;
}

/* A failed run in which nothing was recognised: one diagnostic with the
 * output's tail, at the first place in the project the output names. */
static void fallback(struct scan *s)
{
	struct place p = { NULL, 0, 0, 0 }, weak = { NULL, 0, 0, 0 };
	struct buf tail = BUF_INIT;
	struct diag *d;
	size_t i, k, start;
	bool strong;
	const char *cat = NULL;

	for (i = 0; i < s->nlines && !p.file; i++) {
		struct place q;

		if (!place_of(s, i, &q, &strong, false))
			continue;
		if (strong || !s->opts->file_exists)
			p = q;
		else if (!weak.file)
			weak = q;
		else
			free(q.file);
	}
	if (!p.file)
		p = weak;
	else
		free(weak.file);
	/* no place at all: the first file of the project the output names,
	 * without a line (black's "would reformat a.py") */
	for (i = 0; i < s->nlines && i < CL_FALLBACK_WORDS && !p.file &&
		    s->opts->file_exists; i++) {
		size_t n, off, len;
		const char *l = line_view(s, i, &n);

		/* "Writing to file v.fst.": the run's output; a table's row
		 * ("calc.py  6  3  50%  5-7", coverage.py's under its gate's
		 * failure): data about the file, no place of a problem */
		if (output_notice(l, n) || data_row(l, n))
			continue;
		if (cl_repo_token(l, n, known_file, s, &off, &len)) {
			struct cl_words w;

			p.file = xstrndup(l + off, len);
			/* its line told in words on the same line (CppUnit's
			 * "line: 15 test_add.cpp", "at line 3 of file x") */
			p.line = cl_line_in_words(l, n);
			/* what the line says of its file, a linter's words too
			 * (a formatter's "would reformat a.py") */
			cl_words_read(l, n, &w);
			cat = w.category;
		}
	}
	/* the last CL_TAIL_LINES lines that hold something */
	for (start = s->nlines, k = 0; start > 0 && k < CL_TAIL_LINES; start--)
		if (line_len(s, start - 1))
			k++;
	for (i = start; i < s->nlines; i++) {
		size_t n;
		const char *l = line_view(s, i, &n);

		if (!n)
			continue;
		if (tail.len)
			buf_addch(&tail, '\n');
		buf_add(&tail, l, n);
	}
	if (tail.len > CL_TAIL_MAX) {
		struct buf cut = BUF_INIT;

		buf_add(&cut, tail.ptr + tail.len - CL_TAIL_MAX, CL_TAIL_MAX);
		buf_release(&tail);
		tail = cut;
	}
	if (!tail.len)
		buf_adds(&tail, "the check failed and printed nothing");
	/* the category the output's own words name first, if any (Tcl's
	 * "can't read "x": no such variable" over its trace, Python's
	 * json.tool "Expecting value: line 3 column 1"); a linter's word in
	 * a failed run's output says nothing */
	for (i = 0; i < s->nlines && i < CL_FALLBACK_WORDS && !cat; i++) {
		size_t n;
		const char *l = line_view(s, i, &n);
		struct cl_words w;

		cl_words_read(l, n, &w);
		if (w.category && !cl_cat_is(w.category, CAT_LINT_VIOLATION))
			cat = w.category;
	}
	/* a gate's or a policy's words in the run's last lines: the tool's
	 * own last word on why it failed (coverage.py's "Coverage failure:
	 * total of 62 is less than fail-under=90", license-checker's 'is
	 * licensed under "GPL-3.0" which is not permitted ... Exiting.') */
	for (i = start; i < s->nlines && !cat; i++) {
		size_t n;
		const char *l = line_view(s, i, &n);
		struct cl_words w;

		cl_words_read(l, n, &w);
		cat = w.category;
	}
	/* nothing named, in a test run that failed: a test failed */
	if (!cat && test_verdict(s->text, s->start[s->nlines] ?
				 s->start[s->nlines] - 1 : 0))
		cat = CAT_TEST_FAILURE;
	d = push(s);
	d->file = p.file;
	d->line = p.line;
	d->column = p.col;
	d->severity = DIAG_ERROR;
	d->category = cat ? cat : CAT_UNKNOWN;
	d->message = buf_detach(&tail, NULL);
	d->hint = cat ? xstrdup("read from the output's words: see its end") :
		  xstrdup("the check failed without a message this agent "
			  "recognises: read the output's end (a crash, a "
			  "sanitizer or resource limit, a tool that died early)");
	d->tool = xstrdup(s->opts->tool_hint ? s->opts->tool_hint : "generic");
	if (s->outcome)
		s->outcome->fallback = true;
}

int classify_text(const struct classify_db *db, const char *tool_hint,
		  const char *text, size_t len, struct diag_list *out,
		  struct err *e)
{
	struct classify_opts o;

	memset(&o, 0, sizeof(o));
	o.tool_hint = tool_hint;
	return classify_text_opts(db, &o, text, len, out, NULL, e);
}

int classify_text_opts(const struct classify_db *db,
		       const struct classify_opts *opts, const char *text,
		       size_t len, struct diag_list *out,
		       struct classify_outcome *outcome, struct err *e)
{
	static const struct classify_opts none;
	struct classify_opts shaped;
	const char *tool_hint;
	struct buf relayed = BUF_INIT; /* the text without its runner's prefixes */
	struct cl_task_dirs tasks = CL_TASK_DIRS_INIT;
	struct scan s;
	size_t i, k, m = 0;

	if (!db || !out)
		return err_set(e, ERR_INTERNAL, "classify_text: no database");
	if (!opts)
		opts = &none;
	if (!opts->file_exists) {
		shaped = *opts;
		shaped.file_exists = file_plausible;
		shaped.ctx = NULL;
		opts = &shaped;
	}
	tool_hint = opts->tool_hint;
	if (outcome)
		memset(outcome, 0, sizeof(*outcome));
	memset(&s, 0, sizeof(s));
	s.db = db;
	s.opts = opts;
	s.repo = opts->file_exists != file_plausible;
	s.outcome = outcome;
	s.first = out->n;
	if (opts->budget > 0)
		s.deadline = now_seconds() + opts->budget;
	s.text = text ? text : "";
	s.out = out;
	if (!text)
		len = 0;
	if (cl_relay(s.text, len, &relayed, &tasks)) {
		s.text = relayed.ptr;
		len = relayed.len;
	}
	buf_init(&s.plain, 0);
	buf_init(&s.vals, 0);
	split_lines(&s, s.text, len);
	plain_lines(&s);
	s.memo = xcalloc(db->nmemo ? db->nmemo : 1, sizeof(*s.memo));
	for (k = 0; k < db->nmemo; k++)
		s.memo[k].found = -1;
	s.md = pcre2_match_data_create(db->max_group + 1, NULL);
	if (!s.md)
		abort(); /* out of memory, as xmalloc does */
	s.order = xmalloc(db->n * sizeof(*s.order));
	for (k = 0; tool_hint && k < db->n; k++)
		if (!strcmp(db->pats[k].tool, tool_hint))
			s.order[m++] = &db->pats[k];
	for (k = 0; k < db->n; k++)
		if (!tool_hint || strcmp(db->pats[k].tool, tool_hint))
			s.order[m++] = &db->pats[k];
	s.words = (db->n + 63) / 64;
	s.cand = xmalloc(s.words * sizeof(*s.cand));
	s.guarded = xcalloc((db->nneedles + 1) * s.words, sizeof(*s.guarded));
	for (k = 0; k < db->n; k++) {
		const uint64_t *nb = s.order[k]->needles;
		uint64_t bit = (uint64_t)1 << (k % 64), b;
		bool guarded = false;
		size_t w;

		for (w = 0; w < CL_NEEDLE_WORDS; w++)
			for (b = nb[w]; b; b &= b - 1) {
				s.guarded[(w * 64 + (size_t)__builtin_ctzll(b)) *
					  s.words + k / 64] |= bit;
				guarded = true;
			}
		if (!guarded)
			s.guarded[db->nneedles * s.words + k / 64] |= bit;
	}

	passed_test_output(&s, len);
	for (i = 0; i < s.nlines; i++) {
		const char *l;
		size_t n;
		uint64_t mask[CL_NEEDLE_WORDS];

		s.cur = i;
		if (s.deadline && out_of_time(&s, i))
			break;
		if (s.used[i] & L_USED)
			continue;
		/* With every pattern behind a needle, a line holding none can
		 * match nothing: most lines of a big log end here. */
		if (!line_needles(&s, i, mask) && !db->unguarded &&
		    s.text[s.start[i]] != '[')
			continue;
		l = line_view(&s, i, &n);
		if (looks_like_gcc_json(l, n) && classify_gcc_json(&s, i)) {
			s.used[i] |= L_TAKEN;
			continue;
		}
		if (looks_like_eslint_json(l, n) && classify_eslint_json(&s, i)) {
			s.used[i] |= L_TAKEN;
			continue;
		}
		classify_line(&s, i, l, n, mask, NULL);
	}
	s.dirs = dirs_of(&s, &tasks);
	if (!s.stopped)
		general_pass(&s);
	if (!s.stopped)
		test_run_pass(&s);
	if (!s.stopped)
		verdicts_placed_by_blocks(&s);
	if (!s.stopped)
		failures_at_their_assertion(&s);
	if (opts->failed && !s.stopped)
		orphan_test_frames(&s);
	if (opts->failed && !s.stopped)
		counted_lists(&s);
	s.cur = s.nlines; /* what comes now belongs to the whole text */
	own_modules(&s);
	drop_subtest_verdicts(&s);
	drop_lineless_repeats(&s);
	if (opts->failed && out->n == s.first && !s.stopped)
		list_report(&s);
	if (opts->failed && out->n == s.first && (s.stopped || !told_lines(&s)))
		fallback(&s);
	files_in_their_dirs(&s);
	input_order(&s);

	pcre2_match_data_free(s.md);
	cl_dirs_free(s.dirs);
	free(s.order);
	free(s.guarded);
	free(s.cand);
	free(s.memo);
	free(s.used);
	free(s.start);
	free(s.seen);
	free(s.at);
	free(s.tf.v);
	free(s.unplaced.v);
	free(s.placeless.v);
	free(s.plain_at);
	buf_release(&s.plain);
	buf_release(&s.vals);
	buf_release(&relayed);
	cl_task_dirs_release(&tasks);
	return 0;
}

void diag_release(struct diag *d)
{
	free(d->file);
	free(d->code);
	free(d->message);
	free(d->hint);
	free(d->tool);
	memset(d, 0, sizeof(*d));
}

struct diag *diag_list_push(struct diag_list *l)
{
	if (l->n == l->alloc) {
		l->alloc = l->alloc ? l->alloc * 2 : 16;
		l->v = xrealloc(l->v, l->alloc * sizeof(*l->v));
	}
	memset(&l->v[l->n], 0, sizeof(l->v[0]));
	return &l->v[l->n++];
}

void diag_list_release(struct diag_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		diag_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

const char *diag_severity_name(enum diag_severity sev)
{
	switch (sev) {
	case DIAG_ERROR:
		return "error";
	case DIAG_WARNING:
		return "warning";
	case DIAG_NOTE:
		return "note";
	}
	return "error";
}

static void kv_pos(struct json_writer *w, const char *key, int v)
{
	json_key(w, key);
	if (v > 0)
		json_w_int(w, v);
	else
		json_w_null(w);
}

void diag_write_json(struct json_writer *w, const struct diag *d)
{
	json_obj_begin(w);
	json_kv_str(w, "file", d->file);
	kv_pos(w, "line", d->line);
	kv_pos(w, "column", d->column);
	json_kv_str(w, "severity", diag_severity_name(d->severity));
	json_kv_str(w, "code", d->code);
	json_kv_str(w, "message", d->message);
	json_kv_str(w, "category", d->category ? d->category : CAT_UNKNOWN);
	json_kv_str(w, "hint", d->hint);
	json_kv_str(w, "tool", d->tool);
	json_obj_end(w);
}
