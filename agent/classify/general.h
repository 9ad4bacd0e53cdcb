/*
 * The general layer: what almost every tool's output shares, read without
 * per-tool patterns. Private to classify/ (classify.c drives it over the
 * lines the pattern database left; these functions only read one line).
 */
#ifndef AIRUNNER_CLASSIFY_GENERAL_H
#define AIRUNNER_CLASSIFY_GENERAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Where lit[0..len) first occurs in h[0..n), or NULL (len > 0): memmem
 * for the haystacks of one line, where glibc's memmem spends more setting
 * up its shift table than searching. A whole log goes to memmem. */
static inline const char *cl_find(const char *h, size_t n, const char *lit,
				  size_t len)
{
	const char *p = h, *end = h + n;

	while (len <= (size_t)(end - p) &&
	       (p = memchr(p, lit[0], (size_t)(end - p) - len + 1))) {
		if (!memcmp(p + 1, lit + 1, len - 1))
			return p;
		p++;
	}
	return NULL;
}

/* Is category c the category id (a CAT_* of classify.h)? Asked of every
 * report read, most often of one that is not: the first letter settles
 * most, before strcmp. */
static inline bool cl_cat_is(const char *c, const char *id)
{
	return c[0] == id[0] && !strcmp(c, id);
}

/* Two bytes as one unaligned 16-bit load reads them: the index of the
 * tables that say which pairs start a needle or a phrase. */
static inline unsigned cl_pair(const unsigned char *p)
{
	uint16_t v;

	memcpy(&v, p, 2);
	return v;
}

/* Words a line must hold for one of the general layer's readers to find
 * anything in it, by reader (a group each): the pattern database indexes
 * them with its needles, so the scan every line gets anyway says which
 * readers can skip it. Case matters, as in the readers. */
enum {
	CL_T_HEADLINE = 1, /* cl_headline */
	CL_T_VERDICT = 2,  /* cl_test_verdict */
	CL_T_LINK = 4,     /* a linker's words (classify.c's link_words) */
	CL_T_SUMMARY = 8,  /* cl_summary's words (not its line starts) */
	CL_T_DIR = 16,     /* a builder's folder (dirs.c's cl_dirs_read) */
	CL_T_ALL = 31,
};

struct cl_trigger {
	const char *text; /* two bytes or more */
	unsigned groups;  /* CL_T_* */
};

/* The words, ending with a NULL text. */
extern const struct cl_trigger cl_triggers[];

enum cl_loc_kind {
	CL_LOC_NONE,
	CL_LOC_INLINE, /* a place and a message: "a.c:3:5: error: x" */
	CL_LOC_ALONE,  /* a place on its own: "a.c:3:5:", "In a.sh line 3:" */
	CL_LOC_FRAME,  /* a stack frame or pointer: "at f (a.js:3:5)", "--> a.rs:1:2" */
};

/* A place in one line; offsets into that line. file_len 0: the line gives a
 * position but no file (eslint/stylelint "stylish": "  3:5  error  msg"). */
struct cl_loc {
	enum cl_loc_kind kind;
	size_t file, file_len;
	int line, col; /* 0 when absent */
	size_t msg, msg_len; /* the message after (or before) the place */
	/* What stood before the place: a program's name or a severity
	 * ("luac: a.lua:3: x", "[ERROR] A.java:3:5: x"); pre_len 0: none. */
	size_t pre, pre_len;
};

/* What a message says about itself, from its own words. */
struct cl_words {
	const char *category; /* a CAT_* id, or NULL: the words do not say */
	int sev;              /* an enum diag_severity, or -1: not said */
	bool note;            /* "note:": adds nothing on its own */
	size_t code, code_len; /* a rule or error code in the message */
	bool lead_check;      /* the code is a check's name opening it */
	size_t text;          /* where the message proper starts (after sev/code) */
};

/* The place line l[0..n) names, if any, in the common shapes: path:line:col:,
 * path:line:, path(line,col), path:[line,col], File "path", line N, at fn
 * (path:line:col), --> path:line:col, path:line:col - severity, In path line
 * N:, "... at path line N.", a place ending the line after " at " or " in "
 * ("X Error at path:3 (fn):", "msg in path:3", "msg in path on line 3"), a
 * program's name or a bracketed severity before the place, "line N column
 * M - msg" (no file), a sanitizer's "#0 0x.. in fn path:line:col",
 * valgrind's "(path:line)", '"path", line N:' and 'make: "path" line N:',
 * "path: line N, col M, msg", "In path:line:col" alone, Ruby's "# path:N:in
 * `fn'" and "from path:N:in `fn'" frames. Returns loc->kind. */
enum cl_loc_kind cl_loc_read(const char *l, size_t n, struct cl_loc *loc);
/* rollup's and vite's "file: PATH[:L[:C]]" under an error: a frame (its
 * line 0 when it names only the file); false for any other line. */
bool cl_file_label(const char *l, size_t n, struct cl_loc *loc);

/* Reads the decimal digits at p[*i..n) into *v and moves *i past them;
 * false, *i and *v untouched, if there are none or they pass 10^8 (no line
 * or column is that large: such digits are an id, a size, a date). */
bool cl_read_int(const char *p, size_t n, size_t *i, int *v);

/* Could l[0..n) name a place? Every shape has a number after ':', '(',
 * ',', a blank or "(-" (EPUBCheck's "(-1,-1)", a file with no line): one
 * cheap pass rules out the lines that have none. */
bool cl_may_place(const char *l, size_t n);

/* Does l[0..n) start like a stack frame or a pointer to a place ("at ",
 * "File \"", "#3 ", "==12==", "--> ")? Such lines only place the error
 * above them. */
bool cl_frame_prefix(const char *l, size_t n);

/* Is m[0..n) a heading that only places an error ("Syntax error on line 9
 * of a.conf:"), the words under or after it saying what the error is? */
bool cl_place_heading(const char *m, size_t n);

/* Is m[0..n) the system's errno on a file the program itself opened as it
 * ran ("ENOENT: no such file or directory, open 'x'", "[Errno 2] No such
 * file or directory: 'x'")? A fault of the run: no import, whatever the
 * words "no such file" say elsewhere. */
bool cl_errno_report(const char *m, size_t n);

/* Is l[0..n) a place told in words alone, under the message it places
 * ("Stub: at line 7 in file calc.pyi", "in file `lib/a.rb' near line 7")?
 * Sets loc's file and line. */
bool cl_place_in_words(const char *l, size_t n, struct cl_loc *loc);

/* Is l[0..n) a step of an OCaml backtrace ('Raised at M.f in file "a.ml",
 * line 3, characters 4-9', "Called from", "Re-raised at")? Where its
 * file's name starts, or 0. */
size_t cl_ocaml_step(const char *l, size_t n);

/* Severity, rule code and category of the message m[0..n). */
void cl_words_read(const char *m, size_t n, struct cl_words *w);

/* The severity a place's prefix says ("[ERROR]", "error", "luac": none):
 * an enum diag_severity, or -1. */
int cl_prefix_sev(const char *p, size_t n);

/* A trailing rule code of a continuation line ("    detail (reportX)"):
 * sets w->code, w->code_len (offsets into m) when there is one. */
void cl_trailing_code(const char *m, size_t n, struct cl_words *w);

/* A runner's verdict in capitals on a test it names, "FAILURE in
 * test.mul: msg", "ERROR in test.err: msg" (RUnit): the offset of the
 * message, or 0. */
size_t cl_verdict_on_test(const char *l, size_t n);

/* Does l[0..n) open an error report without a place ("error: x",
 * "Error: x", "✘ [ERROR] x", "FooError: x", "FAIL x", "thread 'main'
 * panicked")? *msg is where its message starts. Summaries ("Found 3
 * errors", "make: *** ... Error 1") are not headlines. */
bool cl_headline(const char *l, size_t n, size_t *msg, bool words);

/* Is l[0..n) a summary of errors told before ("Found 3 errors", "make:
 * *** [all] Error 1", "There were 1 errors compiling")? words: false when
 * the line holds none of CL_T_SUMMARY's words (then only the ways a
 * summary starts are read); true when it does or nobody knows. */
bool cl_summary(const char *l, size_t n, bool words);
/* Does l[0..n) only tell how the program or a pass of it ended ("cc1
 * exited with status 1", "Corosync Cluster Engine exiting with status 8
 * at main.c:1417.")? A place on it is in the program's own source. */
bool cl_exit_status(const char *l, size_t n);
/* Where the reason starts in OpenSSL's queued error m[0..n) ("error:
 * 80000002:system library::No such file or directory": its code, library
 * and function before it), or 0 if m is none. */
size_t cl_openssl_reason(const char *m, size_t n);
/* The kind an exception's class opening m[0..n) names when the message
 * after its colon is only a name ("jinja2.exceptions.TemplateNotFound:
 * x.j2" reads as "template not found: x.j2"; "Nanoc::Core::X: y" too):
 * the category its words give, or NULL (no such class, two capitals at
 * least in its last part: "Error: x" is a severity's; a message of words,
 * "FileNotFoundError: [Errno 2] No such file", says it itself). */
const char *cl_class_category(const char *m, size_t n);
/* Where the reason a row ends with starts, in camel case in parentheses
 * ("... at .dependencies (DiffersToLocal)", syncpack's), its length in
 * *len; 0 if m[0..n) ends in none. */
size_t cl_reason_code(const char *m, size_t n, size_t *len);
/* Where the rule's name in kebab case that ends l[0..n) after a blank
 * starts ("... alphabetically. unordered-dependencies", sherif's), its
 * length in *len; 0 if there is none. */
size_t cl_kebab_rule(const char *l, size_t n, size_t *len);

/* A caret line with a rule code under a lone place (shellcheck's
 * "  ^-- SC2086 (info): msg"): offset of the code, 0 if not one; *col the
 * caret's column (1-based). */
size_t cl_caret_code(const char *l, size_t n, size_t *col);

/* Does l[0..n) open with a program's name and go on with a message whose
 * words name a problem ("bmake: don't know how to make x.c. Stop", "m4:
 * cannot open `x.m4'")? *msg is where the message starts. For lines no
 * other shape reads: a headline by another spelling. */
bool cl_tool_says(const char *l, size_t n, size_t *msg, bool words);

/* Is l[0..n) a test runner's verdict on one test, a leader of dots and a
 * failure ("1/2 Test #2: quiet .....***Failed  0.01 sec" (CTest),
 * "t/a.t .. Failed 1/2 subtests" (prove), "test_x (m.T) ... FAIL")? */
bool cl_test_verdict(const char *l, size_t n);

/* Where the path of a URL naming a file at l[i] starts ("file:///w/a.kt",
 * Godot's "res://a.gd", a bundler's "webpack:///./src/a.js"); i if none. */
size_t cl_url_path(const char *l, size_t n, size_t i);

/* Is l[0..n) a path on its own (an eslint/stylelint "stylish" file header)? */
bool cl_path_line(const char *l, size_t n);

/* Is the file a stack frame names somebody else's (the runtime, a
 * dependency, the standard library)? */
bool cl_foreign_path(const char *p, size_t n);

/* Does the repository have the file p[0..n)? (classify_opts.file_exists) */
typedef bool (*cl_known_fn)(const void *ctx, const char *p, size_t n);

/* A place told in any common spelling around a token naming a file the
 * repository has (known says which): "prog: a.x:4: msg", "a.x(4)", "x at
 * line 9 in file a.pod", "Warning in a.tex line 3: x", or "a.x: error: msg"
 * (the file, no line). Only for lines no other shape reads: it asks known
 * for up to four tokens. CL_LOC_INLINE with loc's message, or NONE. */
enum cl_loc_kind cl_loose_place(const char *l, size_t n, cl_known_fn known,
				const void *ctx, struct cl_loc *loc);
/* A file's verdict alone, heading the findings told under it ("shop.opam:
 * Errors.", "a.x: Warnings", opam lint's): the path's length, or 0. */
size_t cl_verdict_header(const char *l, size_t n);
/* An indented row a severity opens, a number maybe, then a colon ("
 * error 23: Missing field 'x'", "  warning 47: msg"): where its message
 * starts, or 0. */
size_t cl_sev_row(const char *l, size_t n);

/* A line that is a file heading the places under it, decorated or ending
 * in ':' ("== a.rb ==", "--- a.py ---", "a.py:"): the path's offset and
 * length. (A bare path line is cl_path_line's.) */
bool cl_header_path(const char *l, size_t n, size_t *off, size_t *len);

/* A place with no file, under such a header: "C:  1:  1: msg", "  12: msg",
 * "line 4: msg", "3:5: msg" (a short prefix in loc->pre). */
enum cl_loc_kind cl_header_place(const char *l, size_t n, struct cl_loc *loc);
/* A row under a file heading that names its line alone, one blank before
 * a word: "7 duplicates warning msg" (stylint's rows with no column).
 * Sets loc's line and message; false if l[0..n) is no such row. */
bool cl_row_line(const char *l, size_t n, struct cl_loc *loc);

/* A place in a source string under a file heading it: "ERROR: 0:4: msg"
 * (glslangValidator: string 0, line 4), "0:4(10): error: msg" (Mesa's
 * GLSL compiler), a severity before or after it; the severity word in
 * loc->pre. */
enum cl_loc_kind cl_string_place(const char *l, size_t n, struct cl_loc *loc);

/* The first token of l[0..n) naming a file the repository has (at most
 * four asks): black's "would reformat a.py". */
bool cl_repo_token(const char *l, size_t n, cl_known_fn known, const void *ctx,
		   size_t *off, size_t *len);

/* A "line N" or "(line N)" anywhere in a message m[0..n): N, or 0. */
int cl_line_in_words(const char *m, size_t n);
/* "Warning, line 3, Undefined symbol x." (as31's): a severity, its line
 * in words between commas, then the message. Where the message starts in
 * l[0..n) (0: not that shape), the line in *line (unless NULL). */
size_t cl_sev_line_commas(const char *l, size_t n, int *line);
/* The column "column 9", "col: 18" tells on m[0..n), or -1 if none. */
int cl_col_in_words(const char *m, size_t n);
/* A line that opens with its place in words and no file, a message after
 * the colon: "-- line 8 col 29: \"}\" expected" (Coco/R's), "line 3,
 * column 5: msg". Sets *line, *col (0 if none) and returns where the
 * message starts; 0 if the line is no such. */
size_t cl_line_col_opening(const char *l, size_t n, int *line, int *col);

/* The first severity word anywhere in p[0..n) ("ninja: error:"), or -1. */
int cl_sev_among(const char *p, size_t n);

/* A severity, a rule's name and the file it found fault with, no line:
 * "error no-circular: src/a.js → src/b.js → src/a.js", "warn
 * not-to-unresolvable: src/index.js → ./x.js" (dependency-cruiser, and
 * the checkers of a project's files and their links). Offsets in l. */
struct cl_rule_file {
	int sev;
	size_t rule, rule_len, file, file_len;
};
bool cl_sev_rule_file(const char *l, size_t n, struct cl_rule_file *f);

/* Is m[0..n) only a place: a file in parentheses, its line and column in
 * brackets after it if told ("(views/a.njk) [Line 4, Column 4]",
 * nunjucks')? The message it heads is then on the line under. */
bool cl_paren_place_only(const char *m, size_t n);

/* A severity tag and a file alone ("[warn] b.js": a formatter's file to
 * rewrite): the path's offset and length, the tag's severity. */
bool cl_tagged_path(const char *l, size_t n, size_t *off, size_t *len,
		    int *sev);

/* A severity, " in ", then a file alone ending the line: "ERROR in
 * ./src/util.js" over its message (webpack, rspack); loc names the file
 * (line 0) and the severity word (pre). */
bool cl_sev_in_file(const char *l, size_t n, struct cl_loc *loc);

/* A mark and a message ("× Unexpected token", "⚠ rule: msg"): miette's
 * and ariadne's reports, whose place is the box under them. */
bool cl_marked_message(const char *l, size_t n, size_t *msg);

/* A code frame's caret line that tells the message after its carets
 * ("    |     ^^^ Type "number" is incompatible", Hegel's and Flow's
 * frames): the message's offset, or 0. */
size_t cl_caret_message(const char *l, size_t n);

/* The column a caret line car[0..cn) marks under the quoted source line
 * src[0..sn) numbered `line` in a code frame (" 2 | const b = a +;" over
 * "   :              ^": 14; miette, ariadne, rustc, Elm, swc), counted
 * from the source's first character; 0 when car is no caret under src. */
int cl_frame_caret_col(const char *src, size_t sn, const char *car, size_t cn,
		       int line);
/* Is l[0..n) a line of a code frame quoting the source ("  3| x",
 * "> 4 | x", "------^")? */
bool cl_source_line(const char *l, size_t n);

/* Is l[i..n) a line of a code frame quoting the source under a message,
 * its gutter a line's number, marked or not, or none, then a bar: "  2 |
 * x", "> 4 | };", "    | ^" (babel, prettier, eslint's codeframe, rustc),
 * EJS's ">> 1| x", Biome's and codespan's "> 1 \u2502 x"? */
bool cl_code_frame_line(const char *l, size_t n, size_t i);

/* A path with a folder and an extension opening m[0..n), then a blank and
 * words ("src/b.js Transformation error (...)"): the path's length, or 0. */
size_t cl_path_words(const char *m, size_t n);
/* The position "(L:C)" ending m[0..n), inside its closing parentheses too
 * (Babel's and acorn's "Unexpected token (2:7)", the column from 0): the
 * line and the column from 1. */
bool cl_paren_position(const char *m, size_t n, int *line, int *col);

/* The file heading a message, no line ("a.json: Expected ..." after
 * "error:", or after a few words: "Failed loading rockspec: /w/a.rockspec:
 * Unknown field x"): a copy the caller frees, or NULL. */
char *cl_file_heading(const char *m, size_t n);

#endif
