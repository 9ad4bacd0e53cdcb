/*
 * The general layer's readers: places, severities, rule codes and categories
 * in the spellings most tools share. Hand-written scanners rather than
 * regexes: they run on every line the pattern database leaves, so they must
 * cost about as much as a memchr, and they never backtrack.
 */
#include "classify/general.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "classify/classify.h"
#include "util/mem.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* p[0..n) starts with the string literal lit (its length known at compile
 * time: these run on every line). */
#define STARTS(p, n, lit) \
	((n) >= sizeof(lit) - 1 && !memcmp((p), (lit), sizeof(lit) - 1))

static bool starts(const char *p, size_t n, const char *lit)
{
	size_t k = strlen(lit);

	return n >= k && !memcmp(p, lit, k);
}

bool cl_read_int(const char *p, size_t n, size_t *i, int *v)
{
	long x = 0;
	size_t j = *i;

	while (j < n && is_digit(p[j])) {
		if (x < 100000000)
			x = x * 10 + (p[j] - '0');
		j++;
	}
	if (j == *i || x > 100000000)
		return false;
	*i = j;
	*v = (int)x;
	return true;
}

/* The characters that end a path token: blanks, quotes, brackets, colons
 * (a drive letter's aside). A table: every token of a log's unread lines
 * goes through it. */
static const bool path_stop[256] = {
	[':'] = 1, ['('] = 1, [')'] = 1, ['"'] = 1, ['\''] = 1, [','] = 1,
	['['] = 1, [']'] = 1, ['`'] = 1, ['<'] = 1, ['>'] = 1, ['|'] = 1,
	['='] = 1, [' '] = 1, ['\t'] = 1,
};

/* End of a path token starting at p[i]. */
static size_t path_end(const char *p, size_t n, size_t i)
{
	size_t j = i;

	if (j + 2 < n && is_alpha(p[j]) && p[j + 1] == ':' &&
	    (p[j + 2] == '\\' || p[j + 2] == '/'))
		j += 2;
	while (j < n && !path_stop[(unsigned char)p[j]])
		j++;
	return j;
}

/* A test run's progress marks (plausible_path): a table, not strchr, as
 * every token of every line that may place is asked. */
static const bool progress_mark[256] = {
	['.'] = 1, ['F'] = 1, ['E'] = 1, ['s'] = 1, ['S'] = 1, ['x'] = 1,
	['X'] = 1, ['*'] = 1,
};

/* Does p[0..n) look like a file: a letter in it, and a folder separator
 * or an extension; not a URL scheme, not a version or time. */
static bool plausible_path(const char *p, size_t n)
{
	bool letter = false, sep = false, ext = false;
	size_t i;

	if (!n || n > 1024)
		return false;
	/* a test run's progress, one mark a test (unittest's and CppUnit's
	 * ".F.E", pytest's "..Fs", minitest's "..F", RSpec's "..F*", OUnit's
	 * "F.FE"): no file, which has a name before its extension or two
	 * dots, or is shorter ("x.s") */
	for (i = 0; i < n && progress_mark[(unsigned char)p[i]]; i++)
		;
	if (i == n && (p[0] == '.' || n >= 4 || memchr(p + 1, '.', n - 1) !=
		       memrchr(p, '.', n)))
		return false;
	for (i = 0; i < n; i++) {
		if (is_alpha(p[i]))
			letter = true;
		else if (p[i] == '/' || p[i] == '\\')
			sep = true, ext = false;
		else if (p[i] == '.' && i + 1 < n && is_alpha(p[i + 1]) &&
			 i > 0 && p[i - 1] != '.' && p[i - 1] != '/')
			ext = true;
	}
	/* a build or container file named by convention, no extension:
	 * "Dockerfile", "Makefile", "Jenkinsfile", "Vagrantfile"; the ones
	 * spelt in lower case by their tools' convention (Plan 9's mk reads
	 * "mkfile", just its "justfile"), not any word ending in "file" */
	if (letter && !sep && !ext && n >= 7 && p[0] >= 'A' && p[0] <= 'Z' &&
	    !memcmp(p + n - 4, "file", 4)) {
		for (i = 1; i < n - 4 && p[i] >= 'a' && p[i] <= 'z'; i++)
			;
		return i == n - 4;
	}
	if ((n == 6 && !memcmp(p, "mkfile", 6)) ||
	    (n == 8 && (!memcmp(p, "makefile", 8) || !memcmp(p, "justfile", 8))))
		return true;
	if (!letter || (!sep && !ext))
		return false;
	if (p[n - 1] == '.' || p[n - 1] == '/')
		return false;
	/* an extension in camel case is a member or a class, not a file's
	 * kind: "AppTest.testAdd" (a JVM runner's test), "com.ex.AppTest",
	 * "java.lang.NullPointerException" */
	if (ext) {
		for (i = n - 1; i > 0 && p[i] != '.'; i--)
			if (p[i] >= 'A' && p[i] <= 'Z' && p[i - 1] >= 'a' &&
			    p[i - 1] <= 'z')
				return false;
	}
	return true;
}

static size_t skip_blanks(const char *p, size_t n, size_t i)
{
	while (i < n && is_blank(p[i]))
		i++;
	return i;
}

static void set_msg(struct cl_loc *loc, const char *l, size_t n, size_t i)
{
	i = skip_blanks(l, n, i);
	if (i + 1 < n && (l[i] == ':' || l[i] == '-') && is_blank(l[i + 1]))
		i = skip_blanks(l, n, i + 1);
	else if (i + 2 < n && l[i] == '-' && l[i + 1] == '-' && is_blank(l[i + 2]))
		i = skip_blanks(l, n, i + 2);
	else if (i < n && l[i] == ':')
		i = skip_blanks(l, n, i + 1);
	while (n > i && is_blank(l[n - 1]))
		n--;
	loc->msg = i;
	loc->msg_len = n - i;
}

/* "line[,col]" at l[j] closed by close ("(3,5)", maven's "[3,5]"): the
 * offset after close, or 0. */
static size_t bracketed_line_col(const char *l, size_t n, size_t j, char close,
				 struct cl_loc *loc)
{
	/* "(-1,-1)": the file, no line in it (EPUBCheck's) */
	if (STARTS(l + j, n - j, "-1,-1") && j + 5 < n && l[j + 5] == close) {
		loc->line = loc->col = 0;
		return j + 6;
	}
	if (!cl_read_int(l, n, &j, &loc->line))
		return 0;
	if (j < n && l[j] == ',') {
		/* nim's "a.nim(2, 16)": a blank after the comma */
		j = skip_blanks(l, n, j + 1);
		if (!cl_read_int(l, n, &j, &loc->col))
			return 0;
	}
	return j < n && l[j] == close ? j + 1 : 0;
}

static bool span_end(const char *l, size_t n, size_t *i);

/* SpotBugs' "[line 7]" or "[lines 7-9]" at l[j] (after "App.java:"):
 * the offset after it, or 0. */
static size_t bracketed_line_words(const char *l, size_t n, size_t j,
				   struct cl_loc *loc)
{
	int last;

	if (STARTS(l + j, n - j, "[line "))
		j += 6;
	else if (STARTS(l + j, n - j, "[lines "))
		j += 7;
	else
		return 0;
	if (!cl_read_int(l, n, &j, &loc->line))
		return 0;
	if (j + 1 < n && l[j] == '-' && is_digit(l[j + 1])) {
		j++;
		cl_read_int(l, n, &j, &last);
	}
	if (j < n && l[j] == ']')
		return j + 1;
	loc->line = 0;
	return 0;
}

/* Where the path of a URL naming a file at l[i] starts: "file:///s/A.kt"
 * (kotlinc's "e: ..."), a bundler's source map "webpack:///./src/a.js" or
 * "webpack://app/./src/a.js" (Cypress', Karma's frames); i if none. */
size_t cl_url_path(const char *l, size_t n, size_t i)
{
	size_t k;

	if (STARTS(l + i, n - i, "file:///"))
		return i + 7;
	/* Godot's resources, from the project's root: "res://player.gd" */
	if (STARTS(l + i, n - i, "res://"))
		return i + 6;
	if (!STARTS(l + i, n - i, "webpack://"))
		return i;
	/* the bundle's name, then the path in it */
	for (k = i + 10; k < n && l[k] != '/' && !path_stop[(unsigned char)l[k]]; k++)
		;
	return k < n && l[k] == '/' ? k + 1 : i;
}

/* The line and column at l[j], after a path and its ':': "3", "3:5",
 * "3:5-3:13" and other spans, "3.5" and "3.5-3.9" (bison, the Nu HTML
 * checker); sets loc's line and col and returns the offset after them, or
 * 0 when no line is there. */
static size_t line_col_at(const char *l, size_t n, size_t j, struct cl_loc *loc)
{
	if (!cl_read_int(l, n, &j, &loc->line))
		return 0;
	if (j + 1 < n && (l[j] == ':' || l[j] == '.') && is_digit(l[j + 1])) {
		bool dot = l[j] == '.';

		j++;
		cl_read_int(l, n, &j, &loc->col);
		/* a span after it: "a.res:3:19-22" (ReScript),
		 * "a.md:3:5-3:13", "a.rbs:3:28...3:33", "a.html:9.1-9.20" */
		if (j + 1 < n && (l[j] == '-' || (!dot && l[j] == '.')) &&
		    (is_digit(l[j + 1]) || l[j + 1] == '.'))
			span_end(l, n, &j);
	} else if (j + 1 < n && l[j] == ',' && is_digit(l[j + 1])) {
		/* Agda's "a.agda:7,12-16" and "a.agda:7,12-8,3": a column
		 * after a comma, then its span, ending the place */
		size_t k = j + 1;
		int col = 0, end;

		cl_read_int(l, n, &k, &col);
		if (k + 1 < n && l[k] == '-' && is_digit(l[k + 1])) {
			k++;
			cl_read_int(l, n, &k, &end);
			if (k + 1 < n && l[k] == ',' && is_digit(l[k + 1])) {
				k++;
				cl_read_int(l, n, &k, &end);
			}
		}
		if (k == n || l[k] == ':' || is_blank(l[k])) {
			loc->col = col;
			j = k;
		}
	}
	return j;
}

/* The closing quote of a path quoted from l[i] (i past the opening '"'),
 * or 0: a plausible path, no blank in it. */
static size_t quoted_path_end(const char *l, size_t n, size_t i)
{
	size_t k = i;

	while (k < n && l[k] != '"' && !is_blank(l[k]))
		k++;
	return k < n && l[k] == '"' && k > i && plausible_path(l + i, k - i) ? k : 0;
}

/* path:line[:col] or path(line[,col]) at l[i]; sets file, line, col and
 * returns the offset after the place, or 0. */
static size_t place_at(const char *l, size_t n, size_t i, struct cl_loc *loc)
{
	size_t e, j, k;

	if (i >= n)
		return 0;
	/* a quoted path: '"index.html":9.1-9.20: error: x' (the Nu HTML
	 * checker's) */
	if (l[i] == '"' && (e = quoted_path_end(l, n, i + 1)) &&
	    e + 2 < n && l[e + 1] == ':' && is_digit(l[e + 2])) {
		loc->file = i + 1;
		loc->file_len = e - i - 1;
		return line_col_at(l, n, e + 2, loc);
	}
	if (l[i] == 'f' || l[i] == 'w' || l[i] == 'r')
		i = cl_url_path(l, n, i);
	e = path_end(l, n, i);
	if (l[i] == '.' && i + 1 < n && l[i + 1] == '/' && e == i + 1)
		return 0;
	if (e >= n || !plausible_path(l + i, e - i))
		return 0;
	loc->file = i;
	loc->file_len = e - i;
	loc->line = loc->col = 0;
	j = e + 1;
	/* "A.java:[3,5]" (maven) */
	if (l[e] == ':' && j < n && l[j] == '[') {
		if ((k = bracketed_line_words(l, n, j, loc)))
			return k;
		return bracketed_line_col(l, n, j + 1, ']', loc);
	}
	/* Kotlin before 1.8 (Gradle's "e: /p/A.kt: (4, 9): msg") */
	if (l[e] == ':' && j + 3 < n && l[j] == ' ' && l[j + 1] == '(' &&
	    is_digit(l[j + 2])) {
		if ((k = bracketed_line_col(l, n, j + 2, ')', loc)) && k < n &&
		    l[k] == ':')
			return k;
		loc->line = loc->col = 0;
		return 0;
	}
	/* "a.sh: line 6: x" (bash, mawk), "a.sh: 6: x" (dash) */
	if (l[e] == ':' && j + 1 < n && l[j] == ' ') {
		j++;
		if (STARTS(l + j, n - j, "line "))
			j += 5;
		if (!cl_read_int(l, n, &j, &loc->line))
			return 0;
		/* JSHint's "a.js: line 2, col 12, msg" */
		if (j + 6 < n &&
		    (STARTS(l + j, n - j, ", col ") || STARTS(l + j, n - j, ", column "))) {
			size_t c = j + (l[j + 5] == ' ' ? 6 : 9);

			if (cl_read_int(l, n, &c, &loc->col) && c + 1 < n &&
			    (l[c] == ',' || l[c] == ':') && is_blank(l[c + 1]))
				return c + 1;
			loc->col = 0;
		}
		/* Asymptote's "a.asy: 3.14: msg": the column after a dot */
		if (j + 1 < n && l[j] == '.' && is_digit(l[j + 1])) {
			size_t c = j + 1;

			cl_read_int(l, n, &c, &loc->col);
			if (c < n && l[c] == ':')
				return c;
			loc->col = 0;
		}
		if (j >= n || l[j] != ':')
			return 0;
		return j;
	}
	if (l[e] == ':')
		return line_col_at(l, n, j, loc);
	if (l[e] == '(')
		return bracketed_line_col(l, n, j, ')', loc);
	/* "a.dsp : 3 : ERROR : msg" (Faust's): a blank on each side of the
	 * colons */
	if (l[e] == ' ' && e + 3 < n && l[e + 1] == ':' && l[e + 2] == ' ' &&
	    is_digit(l[e + 3])) {
		j = e + 3;
		if (cl_read_int(l, n, &j, &loc->line) && j + 2 < n && l[j] == ' ' &&
		    l[j + 1] == ':' && l[j + 2] == ' ')
			return j + 1;
		loc->line = 0;
	}
	/* Rollup's "src/a.ts (1:17): msg": the line and column in
	 * parentheses after a blank, then the colon (typescript-json-schema's
	 * "a.ts (1,25): msg", a comma between); Pod::Checker's "lib/A.pm (8):
	 * msg", the line alone */
	if (l[e] == ' ' && e + 2 < n && l[e + 1] == '(' && is_digit(l[e + 2])) {
		j = e + 2;
		if (cl_read_int(l, n, &j, &loc->line) && j + 1 < n &&
		    ((l[j] != ':' && l[j] != ',') ||
		     (j++, cl_read_int(l, n, &j, &loc->col))) &&
		    j + 1 < n && l[j] == ')' && l[j + 1] == ':')
			return j + 1;
		loc->line = loc->col = 0;
	}
	/* the line alone after a blank, in brackets or bare, then the
	 * colon: fasm's "sum.asm [13]:" over its error, bc's "a.bc 4:
	 * syntax error" */
	if (l[e] == ' ' && e + 2 < n && (l[e + 1] == '[' || is_digit(l[e + 1]))) {
		bool bracket = l[e + 1] == '[';

		j = e + 1 + bracket;
		if (cl_read_int(l, n, &j, &loc->line) &&
		    (!bracket || (j < n && l[j++] == ']')) && j < n &&
		    l[j] == ':' && (j + 1 == n || is_blank(l[j + 1])))
			return j;
		loc->line = 0;
	}
	return 0;
}

/* A frame's place: the last "path:line[:col]" of l[i..n), with an optional
 * closing parenthesis after it. */
static bool frame_place(const char *l, size_t n, size_t i, struct cl_loc *loc)
{
	size_t end = n, start, j;
	const char *w;

	/* .NET's "at NS.C.M() in /w/tests/CalcTests.cs:line 12" */
	if (n > i + 12 && is_digit(l[n - 1]) &&
	    (w = cl_find(l + i, n - i, ":line ", 6)) &&
	    (j = (size_t)(w - l) + 6, cl_read_int(l, n, &j, &loc->line)) &&
	    skip_blanks(l, n, j) == n && loc->line > 0) {
		for (start = (size_t)(w - l); start > i && !is_blank(l[start - 1]);
		     start--)
			;
		if (start < (size_t)(w - l) &&
		    plausible_path(l + start, (size_t)(w - l) - start)) {
			loc->file = start;
			loc->file_len = (size_t)(w - l) - start;
			loc->col = 0;
			return true;
		}
		loc->line = 0;
	}
	/* flags after the place, in lower case: Duktape's "at global
	 * (a.js:8) preventsyield", "at [anon] (a.js:2) internal strict" */
	if (l[n - 1] >= 'a' && l[n - 1] <= 'z' && (w = memrchr(l + i, ')', n - i))) {
		for (j = (size_t)(w - l) + 1; j < n && (l[j] == ' ' || (l[j] >= 'a' && l[j] <= 'z')); j++)
			;
		if (j == n && (size_t)(w - l) + 2 < n && l[(size_t)(w - l) + 1] == ' ')
			end = (size_t)(w - l) + 1;
	}
	while (end > i && (is_blank(l[end - 1]) || l[end - 1] == ')' ||
			   l[end - 1] == ']' || l[end - 1] == ':'))
		end--;
	start = end;
	while (start > i && !is_blank(l[start - 1]) && l[start - 1] != '(' &&
	       l[start - 1] != '[')
		start--;
	if (start >= end)
		return false;
	j = place_at(l, end, start, loc);
	return j == end && loc->line > 0;
}

/* The end of a prefix before a place at l[i]: "[ERROR] ", "[warn] ",
 * "prog: " (a program's name, no folder in it); 0 if none. */
static size_t skip_sev_mark(const char *l, size_t n, size_t i);

static size_t prefix_end(const char *l, size_t n, size_t i)
{
	size_t j;

	/* a severity's mark before it: "⨯ Error [RollupError]: " */
	i = skip_sev_mark(l, n, i);
	j = i;

	if (j < n && l[j] == '[') {
		for (j++; j < n && is_alpha(l[j]); j++)
			;
		/* a count after the word: flexc++'s "[Error 1] " */
		if (j > i + 1 && j + 2 < n && l[j] == ' ' && is_digit(l[j + 1]))
			for (j++; j < n && is_digit(l[j]); j++)
				;
		if (j == i + 1 || j + 1 >= n || l[j] != ']' || !is_blank(l[j + 1]))
			return 0;
		return skip_blanks(l, n, j + 1);
	}
	/* verilator's "%Warning-WIDTH: " */
	if (j + 1 < n && l[j] == '%' && is_alpha(l[j + 1]))
		j++;
	for (; j < n && (is_alpha(l[j]) || is_digit(l[j]) || l[j] == '.' ||
			 l[j] == '_' || l[j] == '-' || l[j] == '+'); j++)
		;
	/* a code or a class in brackets after the word: "Error
	 * [RollupError]: ", Node's "Error [ERR_X]: " */
	if (j > i && j + 2 < n && l[j] == ' ' && l[j + 1] == '[') {
		size_t b = j + 2;

		while (b < n && b - j < 40 && (is_alpha(l[b]) || is_digit(l[b]) ||
					       l[b] == '_'))
			b++;
		if (b > j + 2 && b < n && l[b] == ']')
			j = b + 1;
	}
	/* a version after the program's name, and what it ran on:
	 * "iptables-restore v1.8.9 (nf_tables): " */
	if (j > i && j + 3 < n && l[j] == ' ' && l[j + 1] == 'v' &&
	    is_digit(l[j + 2])) {
		size_t b = j + 2;
		const char *c;

		while (b < n && (is_digit(l[b]) || l[b] == '.'))
			b++;
		if (b + 2 < n && l[b] == ' ' && l[b + 1] == '(' &&
		    (c = memchr(l + b + 2, ')', n - b - 2 < 32 ? n - b - 2 : 32)))
			b = (size_t)(c - l) + 1;
		if (b < n && l[b] == ':')
			j = b;
	}
	/* ... or in parentheses right after it: EPUBCheck's
	 * "ERROR(RSC-005): " */
	if (j > i && j + 2 < n && l[j] == '(' && is_alpha(l[j + 1])) {
		size_t b = j + 1;

		while (b < n && b - j < 40 && (is_alpha(l[b]) || is_digit(l[b]) ||
					       l[b] == '_' || l[b] == '-'))
			b++;
		if (b < n && l[b] == ')')
			j = b + 1;
	}
	if (j == i || j - i > 48 || j + 1 >= n || l[j] != ':' || !is_blank(l[j + 1]))
		return 0;
	return skip_blanks(l, n, j + 1);
}

/* A field's label naming a place, with no colon, at l[i]: "File",
 * "Location", "Source", then blanks. Where the place starts, or 0. */
static size_t place_label_end(const char *l, size_t n, size_t i)
{
	static const char *const labels[] = { "File ", "Location ", "Source " };
	size_t k, len;

	if (l[i] != 'F' && l[i] != 'L' && l[i] != 'S')
		return 0;
	for (k = 0; k < sizeof(labels) / sizeof(*labels); k++) {
		len = strlen(labels[k]);
		if (n - i > len && !memcmp(l + i, labels[k], len) &&
		    l[i + len] != '"')
			return skip_blanks(l, n, i + len);
	}
	return 0;
}

/* A place that ends the line after " at ", " in " or a tab: "CMake Error
 * at CMakeLists.txt:3 (find_package):", "... undefined_fn() in
 * /s/a.php:2", "... in a.php on line 3". The message is what comes
 * before it. */
static bool trailing_place(const char *l, size_t n, size_t i, struct cl_loc *loc)
{
	size_t end = n, k;

	while (end > i && (l[end - 1] == ':' || l[end - 1] == '.' ||
			   is_blank(l[end - 1])))
		end--;
	/* "(find_package)" after the place */
	if (end > i && l[end - 1] == ')') {
		for (k = end - 1; k > i && l[k] != '(' && !is_blank(l[k]); k--)
			;
		if (l[k] == '(' && k > i && is_blank(l[k - 1]))
			end = k - 1;
	}
	/* every such place ends in its line number: most lines stop here */
	if (end <= i || !is_digit(l[end - 1]))
		return false;
	for (k = end; k > i + 4; k--) {
		size_t s = k - 4, j, e;

		/* ... or after a tab, a column of its own ("Typescript →
		 * TypeScript \t ./README.md:3:12", case-police's) */
		if (l[k - 1] == '\t' || (l[k - 1] == ' ' && l[k - 2] == '\t'))
			for (s = k - 1; s > i && is_blank(l[s - 1]); s--)
				;
		else if (l[k - 1] == ' ' && l[k - 2] == ':' && k - 2 > i)
			/* ... or after the words' colon: gojq's "invalid
			 * query: a.jq:3" over its code frame */
			s = k - 2;
		else if (!(STARTS(l + s, 4, " at ") || STARTS(l + s, 4, " in ")))
			continue;
		e = path_end(l, end, k);
		if (e == k || !plausible_path(l + k, e - k))
			continue;
		memset(loc, 0, sizeof(*loc));
		j = e;
		if (j + 1 < end && l[j] == ':' && is_digit(l[j + 1])) {
			j++;
			cl_read_int(l, end, &j, &loc->line);
			if (j + 1 < end && l[j] == ':' && is_digit(l[j + 1])) {
				j++;
				cl_read_int(l, end, &j, &loc->col);
			}
		} else if (STARTS(l + j, end - j, " on line ")) {
			j += 9;
			cl_read_int(l, end, &j, &loc->line);
		}
		if (j != end || !loc->line || cl_find(l + i, s - i, "panicked", 8)) {
			loc->line = loc->col = 0;
			return false; /* the last " at "/" in " decides */
		}
		loc->file = k;
		loc->file_len = e - k;
		loc->msg = i;
		loc->msg_len = s - i;
		return true;
	}
	return false;
}

/* The line and column in parentheses, then the file ending the line:
 * "Unexpected token (7:13) in page.ejs" (ejs-lint; acorn's position
 * with the file after it). The message is what comes before. */
static bool line_col_in_file(const char *l, size_t n, size_t i,
			     struct cl_loc *loc)
{
	size_t end = n, k, j, p;
	const char *in;

	while (end > i && is_blank(l[end - 1]))
		end--;
	if (end < i + 12 || !(in = cl_find(l + i, end - i, ") in ", 5)))
		return false;
	k = (size_t)(in - l) + 5;
	if (path_end(l, end, k) != end || !plausible_path(l + k, end - k) ||
	    !memchr(l + k, '.', end - k))
		return false;
	for (p = (size_t)(in - l); p > i && l[p - 1] != '('; p--)
		;
	if (p <= i + 1 || !is_blank(l[p - 2]))
		return false;
	memset(loc, 0, sizeof(*loc));
	j = p;
	if (!cl_read_int(l, n, &j, &loc->line) ||
	    (j < n && l[j] == ':' && (j++, !cl_read_int(l, n, &j, &loc->col))) ||
	    l + j != in) {
		loc->line = loc->col = 0;
		return false;
	}
	loc->file = k;
	loc->file_len = end - k;
	loc->msg = i;
	loc->msg_len = p - 2 - i;
	return true;
}

/* A place in brackets ending the line after its message: minitest's
 * "AddTest#test_adds [test/a_test.rb:6]:", "msg [src/a.c:12]"; in
 * parentheses, clojure.test's "FAIL in (t) (a_test.clj:7)", Elixir's and
 * Gradle's "msg (a.ex:12)". */
static bool bracketed_place(const char *l, size_t n, size_t i, struct cl_loc *loc)
{
	size_t end = n, k, j, e;
	char open;

	while (end > i && (l[end - 1] == ':' || is_blank(l[end - 1])))
		end--;
	if (end < i + 6 || !is_digit(l[end - 2]))
		return false;
	open = l[end - 1] == ']' ? '[' : l[end - 1] == ')' ? '(' : 0;
	if (!open)
		return false;
	for (k = end - 1; k > i && l[k] != open && !is_blank(l[k]); k--)
		;
	if (l[k] != open || k == i || !is_blank(l[k - 1]))
		return false;
	/* "calc_test/fn (a.clj:15)": a frame's function, one word (told as
	 * a frame by the caller) */
	if (open == '(' && !memchr(l + skip_blanks(l, n, i), ' ',
				   k - 1 - skip_blanks(l, n, i)))
		loc->kind = CL_LOC_FRAME;
	e = path_end(l, end - 1, k + 1);
	if (e == k + 1 || e + 1 >= end || l[e] != ':' ||
	    !plausible_path(l + k + 1, e - k - 1))
		return false;
	j = e + 1;
	if (!cl_read_int(l, end, &j, &loc->line) ||
	    (j < end - 1 && (l[j] != ':' || (j++, !cl_read_int(l, end, &j, &loc->col)))) ||
	    j != end - 1) {
		loc->line = loc->col = 0;
		loc->kind = CL_LOC_NONE;
		return false;
	}
	loc->file = k + 1;
	loc->file_len = e - k - 1;
	loc->msg = i;
	loc->msg_len = k - 1 - i;
	return true;
}

/* A file heading its message and the place ending it in parentheses:
 * "a.js: Unexpected token (4:1)" (acorn, babel, prettier, postcss), after
 * an error's name or a severity tag ("SyntaxError: /s/a.js: x (3:2):",
 * "[error] a.js: x (4:1)", "Error parsing a.yaml: x (4:3)"). The message
 * is what lies between. */
static bool paren_line_col(const char *l, size_t n, size_t i, struct cl_loc *loc)
{
	size_t end = n, k, e, j = i, pre = 0;
	int line = 0, col = 0;

	while (end > i && (l[end - 1] == ':' || is_blank(l[end - 1])))
		end--;
	/* most lines stop here: the place ends in "digit)" */
	if (end < i + 6 || l[end - 1] != ')' || !is_digit(l[end - 2]))
		return false;
	for (k = end - 2; k > i && (is_digit(l[k - 1]) || l[k - 1] == ':'); k--)
		;
	if (k < i + 2 || l[k - 1] != '(' || l[k - 2] != ' ')
		return false;
	e = k;
	if (!cl_read_int(l, end, &e, &line) || e >= end || l[e] != ':' ||
	    (e++, !cl_read_int(l, end, &e, &col)) || e != end - 1)
		return false;
	/* the file: at the start, or after an error's name or a tag, and
	 * there after a few words of what was being done ("Error: Parsing
	 * file /s/a.js: Unexpected token (2:24)": browserify, module-deps) */
	e = path_end(l, n, j);
	if (!(e + 1 < n && l[e] == ':' && l[e + 1] == ' ' &&
	      plausible_path(l + j, e - j))) {
		size_t words;

		/* or an error's words with no colon: "Error parsing /w/a.yaml:
		 * missed comma between flow collection entries (4:3)"
		 * (swagger-cli, js-yaml's callers) */
		if (!(j = prefix_end(l, n, i)) &&
		    (STARTS(l + i, n - i, "Error ") || STARTS(l + i, n - i, "error ")))
			j = i + 6;
		if (!j)
			return false;
		pre = j;
		for (words = 0;; words++) {
			e = path_end(l, n, j);
			if (e + 1 < n && l[e] == ':' && l[e + 1] == ' ' &&
			    plausible_path(l + j, e - j))
				break;
			/* only words of letters lead up to the file */
			for (e = j; e < n && is_alpha(l[e]); e++)
				;
			if (words == 3 || e == j || e >= k || l[e] != ' ')
				return false;
			j = e + 1;
		}
	}
	if (e + 2 >= k - 2)
		return false;
	memset(loc, 0, sizeof(*loc));
	loc->file = j;
	loc->file_len = e - j;
	loc->line = line;
	loc->col = col;
	loc->msg = e + 2;
	loc->msg_len = k - 2 - loc->msg;
	if (pre) {
		loc->pre = i;
		loc->pre_len = pre - i;
		while (loc->pre_len && (l[i + loc->pre_len - 1] == ' ' ||
					l[i + loc->pre_len - 1] == ':'))
			loc->pre_len--;
	}
	return true;
}

static int sev_word(const char *m, size_t n, size_t *len, bool *note);

/* A severity's label at l[*k], then the place (after a program's name:
 * "asciidoc: WARNING: a.txt: line 3: x"): where the place ends, *k moved
 * past the label; or 0. */
static size_t sev_then_place(const char *l, size_t n, size_t *k,
			     struct cl_loc *loc)
{
	size_t len, p, j;
	bool note;

	if (*k >= n || !is_alpha(l[*k]) || sev_word(l + *k, n - *k, &len, &note) < 0 ||
	    !(p = prefix_end(l, n, *k)) || p != skip_blanks(l, n, *k + len + 1) ||
	    !(j = place_at(l, n, p, loc)))
		return 0;
	*k = p;
	return j;
}

/* A severity, then the place alone, its message on the line under it:
 * "ERROR in ./src/a.js 2:0-32", "WARNING in src/b.ts 4:12" (webpack and
 * the bundlers that copied its stats). The severity word is loc's pre. */
static bool sev_in_place(const char *l, size_t n, size_t i, struct cl_loc *loc)
{
	size_t len, k, e, j, p, t;
	bool note;

	/* a loader's tag first, after an error's name or not: ts-loader's
	 * "[tsl] ERROR in /s/a.ts(2,27)", ncc's "Error: [tsl] ERROR in" */
	if (cl_find(l + i, n - i < 24 ? n - i : 24, "] ", 2))
		for (t = 0; t < 2 && (p = prefix_end(l, n, i)); t++)
			i = p;
	/* a numbered report: "2. ERROR in a.java (at line 8)" (ecj) */
	if (i < n && is_digit(l[i])) {
		for (p = i; p < n && is_digit(l[p]); p++)
			;
		if (p + 2 < n && (l[p] == '.' || l[p] == ')') && l[p + 1] == ' ')
			i = p + 2;
	}
	/* most lines stop here: a short word, then " in " */
	if (i >= n || !is_alpha(l[i]) ||
	    !cl_find(l + i, n - i < 16 ? n - i : 16, " in ", 4))
		return false;
	if (sev_word(l + i, n - i, &len, &note) < 0 ||
	    !STARTS(l + i + len, n - i - len, " in "))
		return false;
	while (n > i && is_blank(l[n - 1]))
		n--;
	k = i + len + 4;
	e = path_end(l, n, k);
	if (e == k || !plausible_path(l + k, e - k))
		return false;
	memset(loc, 0, sizeof(*loc));
	/* the file alone: "ERROR in ./src/util.js" over "Module parse
	 * failed" (no digit: cl_loc_read never sees it; cl_sev_in_file) */
	if (e == n)
		goto found;
	/* the place as a compiler of .NET's or TypeScript's tells it,
	 * ending the line: "path(2,27)" */
	if (e + 4 < n && l[e] == '(' && l[n - 1] == ')') {
		j = e + 1;
		if (cl_read_int(l, n, &j, &loc->line) && j < n && l[j] == ',' &&
		    (j++, cl_read_int(l, n, &j, &loc->col)) && j == n - 1)
			goto found;
		goto no;
	}
	/* its line in words after it: "ERROR in a.java (at line 8)" */
	if (l[n - 1] == ')' &&
	    (STARTS(l + e, n - e, " (at line ") || STARTS(l + e, n - e, " (line "))) {
		j = e + (l[e + 2] == 'a' ? 10 : 7);
		if (cl_read_int(l, n, &j, &loc->line) && j == n - 1)
			goto found;
		goto no;
	}
	if (e + 3 >= n || l[e] != ' ' || !is_digit(l[e + 1]))
		return false;
	j = e + 1;
	if (!cl_read_int(l, n, &j, &loc->line) || j >= n || l[j] != ':' ||
	    (j++, !cl_read_int(l, n, &j, &loc->col)))
		goto no;
	/* a span: "2:0-32", "2:0-3:5" */
	if (j < n && l[j] == '-') {
		int end;

		j++;
		if (!cl_read_int(l, n, &j, &end) ||
		    (j < n && l[j] == ':' && (j++, !cl_read_int(l, n, &j, &end))))
			goto no;
	}
	if (j != n)
		goto no;
found:
	loc->file = k;
	loc->file_len = e - k;
	loc->pre = i;
	loc->pre_len = len;
	return true;
no:
	loc->line = loc->col = 0;
	return false;
}

/* A severity-led message whose place ends the line after a blank, the
 * tool's name in angle brackets or brackets before it: "<markuplint>
 * error: msg (rule) /src/a.html:6:4", "[tool] warning: msg src/a.c:3:5".
 * The place must give line and column; the message runs from the
 * severity to it. */
static bool sev_trailing_place(const char *l, size_t n, size_t i,
			       struct cl_loc *loc)
{
	size_t end = n, k, j = i, len;
	bool note;

	while (end > i && is_blank(l[end - 1]))
		end--;
	/* every such place ends in its column: most lines stop here */
	if (end <= i + 8 || !is_digit(l[end - 1]))
		return false;
	if (l[j] == '<' || l[j] == '[') {
		char close = l[j] == '<' ? '>' : ']';

		for (j++; j < end && (is_alpha(l[j]) || l[j] == '-' || l[j] == '_'); j++)
			;
		if (j >= end || l[j] != close || j + 1 >= end || !is_blank(l[j + 1]))
			return false;
		j = skip_blanks(l, end, j + 1);
	}
	if (sev_word(l + j, end - j, &len, &note) < 0 || j + len >= end ||
	    l[j + len] != ':')
		return false;
	for (k = end; k > j + len && !is_blank(l[k - 1]); k--)
		;
	memset(loc, 0, sizeof(*loc));
	if (k <= j + len + 1 || place_at(l, end, k, loc) != end || !loc->line ||
	    !loc->col) {
		memset(loc, 0, sizeof(*loc));
		return false;
	}
	loc->msg = j;
	loc->msg_len = k - 1 - j;
	return true;
}

/* A quoted file and its place, after a few words (a time stamp, a
 * severity): '1796 ERROR "a.svelte" 2:7 "msg"' (svelte-check's machine
 * output), '"a.c", line 3: msg' and '"a.c", line 3.5: msg' (the Unix
 * compilers' old shape), BSD make's '"Makefile" line 6: msg', '"a.c":3:5:
 * msg'. A quoted message is unquoted. */
static bool quoted_place(const char *l, size_t n, size_t i, struct cl_loc *loc)
{
	size_t q, e, j, lim;
	const char *qp;

	/* a banner's stars before the words ("*** ERROR IN", Gambit's) */
	while (i < n && l[i] == '*')
		i++;
	i = skip_blanks(l, n, i);
	lim = n - i < 64 ? n - i : 64;
	if (!(qp = memchr(l + i, '"', lim)))
		return false;
	q = (size_t)(qp - l);
	for (j = i; j < q; j++)
		if (!is_alpha(l[j]) && !is_digit(l[j]) && !is_blank(l[j]))
			return false;
	for (e = q + 1; e < n && l[e] != '"'; e++)
		;
	if (e + 3 >= n || !plausible_path(l + q + 1, e - q - 1))
		return false;
	memset(loc, 0, sizeof(*loc));
	j = e + 1;
	if ((l[j] == ' ' || l[j] == ':') && is_digit(l[j + 1])) {
		j++;
		if (!cl_read_int(l, n, &j, &loc->line))
			goto no;
		if (j + 1 < n && l[j] == ':' && is_digit(l[j + 1]) && (j++, 1) &&
		    !cl_read_int(l, n, &j, &loc->col))
			goto no;
	} else if (l[j] == '@' && is_digit(l[j + 1])) {
		/* Gambit's '"a.scm"@2.15' */
		j++;
		if (!cl_read_int(l, n, &j, &loc->line) ||
		    (j + 1 < n && l[j] == '.' && is_digit(l[j + 1]) && (j++, 1) &&
		     !cl_read_int(l, n, &j, &loc->col)))
			goto no;
	} else if (STARTS(l + j, n - j, ", line ") ||
		   STARTS(l + j, n - j, " line ")) {
		j += l[j] == ',' ? 7 : 6;
		if (!cl_read_int(l, n, &j, &loc->line))
			goto no;
		if (j + 1 < n && l[j] == '.' && is_digit(l[j + 1]) && (j++, 1) &&
		    !cl_read_int(l, n, &j, &loc->col))
			goto no;
	} else {
		return false;
	}
	/* its column, then what it is about: tic's '"a.ti", line 3, col
	 * 19, terminal 'foo': msg' (the message keeps what it is about) */
	if (j + 6 < n && STARTS(l + j, n - j, ", col ") && is_digit(l[j + 6])) {
		j += 6;
		if (!cl_read_int(l, n, &j, &loc->col))
			goto no;
	}
	if (j + 2 < n && l[j] == ',' && l[j + 1] == ' ' && is_alpha(l[j + 2]) &&
	    memchr(l + j, ':', n - j < 48 ? n - j : 48))
		j++;
	/* an aside in parentheses before the colon: Maude's '"a.maude",
	 * line 3 (fmod NAT-ADD): msg' */
	if (j + 2 < n && l[j] == ' ' && l[j + 1] == '(') {
		const char *c = memchr(l + j + 2, ')', n - j - 2 < 64 ? n - j - 2 : 64);

		if (c && (size_t)(c - l) + 1 < n && c[1] == ':')
			j = (size_t)(c - l) + 1;
	}
	if (j >= n || (l[j] != ':' && !is_blank(l[j])))
		goto no;
	loc->file = q + 1;
	loc->file_len = e - q - 1;
	set_msg(loc, l, n, j);
	if (loc->msg_len >= 2 && l[loc->msg] == '"' &&
	    l[loc->msg + loc->msg_len - 1] == '"')
		loc->msg++, loc->msg_len -= 2;
	if (q > i) {
		loc->pre = i;
		loc->pre_len = q - i;
		while (loc->pre_len && is_blank(l[i + loc->pre_len - 1]))
			loc->pre_len--;
	}
	return true;
no:
	loc->line = loc->col = 0;
	return false;
}

/* "PATH line N" at l[j], then nothing or a '.': the rest of Perl's "at
 * t/a.t line 5." (Test::More's and Carp's place of a failure), and with
 * its column and a ':' ("at a.blp line 4 column 7:", blueprint-compiler's
 * under its message). */
static bool path_line_at(const char *l, size_t n, size_t j, struct cl_loc *loc)
{
	size_t k = path_end(l, n, j), m = k + 6;

	if (k == j || !STARTS(l + k, n - k, " line ") ||
	    !plausible_path(l + j, k - j) || !cl_read_int(l, n, &m, &loc->line))
		goto no;
	if (STARTS(l + m, n - m, ", column ") || STARTS(l + m, n - m, " column ")) {
		m += l[m] == ',' ? 9 : 8;
		if (!cl_read_int(l, n, &m, &loc->col))
			goto no;
	}
	if (!(m == n || (m + 1 == n && (l[m] == '.' || l[m] == ':')))) {
no:
		loc->line = loc->col = 0;
		return false;
	}
	loc->file = j;
	loc->file_len = k - j;
	return true;
}

/* "File a.conf line 2 (drive /dev/sda): msg" (smartd's), "File a.conf
 * line 2: msg", "File 'a.pov' line 3: msg" (POV-Ray's): the place in
 * words at a line's start, an aside in parentheses after it, then the
 * message; in lower case after the program's name ("sed: file a.sed line
 * 2: msg"). */
static bool file_line_words(const char *l, size_t n, size_t i,
			    struct cl_loc *loc)
{
	size_t j, k, m, q = 0, pre = i;
	const char *c;

	if (l[i] != 'F') {
		for (k = i; k < n && (is_alpha(l[k]) || is_digit(l[k]) ||
				      l[k] == '-' || l[k] == '_'); k++)
			;
		if (k == i || !STARTS(l + k, n - k, ": file "))
			return false;
		i = k + 2;
	} else if (!STARTS(l + i, n - i, "File ")) {
		return false;
	}
	j = i + 5;
	if (j < n && l[j] == '\'') {
		const char *e = memchr(l + j + 1, '\'', n - j - 1);

		if (!e)
			return false;
		j++;
		k = (size_t)(e - l);
		q = 1;
	} else {
		k = path_end(l, n, j);
	}
	if (k == j || !STARTS(l + k + q, n - k - q, " line ") ||
	    !plausible_path(l + j, k - j))
		return false;
	m = k + q + 6;
	if (!cl_read_int(l, n, &m, &loc->line))
		goto no;
	if (m + 1 < n && l[m] == ' ' && l[m + 1] == '(' &&
	    (c = memchr(l + m, ')', n - m)))
		m = (size_t)(c - l) + 1;
	if (m + 1 >= n || l[m] != ':' || !is_blank(l[m + 1]))
		goto no;
	loc->file = j;
	loc->file_len = k - j;
	if (i > pre) {
		loc->pre = pre;
		loc->pre_len = i - 2 - pre;
	}
	set_msg(loc, l, n, m);
	return true;
no:
	loc->line = 0;
	return false;
}

/* A test runner's comment line (TAP's "# ...") holding the place of the
 * failure told above it: Test::More's "#   at t/a.t line 5.", bats'
 * "# (in test file a.bats, line 3)": "(in ... file PATH, line N)". */
static bool tap_comment_place(const char *l, size_t n, size_t i,
			      struct cl_loc *loc)
{
	const char *f;
	size_t j = skip_blanks(l, n, i), k, m;

	if (STARTS(l + j, n - j, "at "))
		return path_line_at(l, n, j + 3, loc);
	if (!STARTS(l + j, n - j, "(in ") || l[n - 1] != ')' ||
	    !(f = cl_find(l + j, n - j < 32 ? n - j : 32, "file ", 5)))
		return false;
	j = (size_t)(f - l) + 5;
	k = path_end(l, n, j);
	m = k + 7;
	if (k == j || !STARTS(l + k, n - k, ", line ") ||
	    !plausible_path(l + j, k - j) || !cl_read_int(l, n, &m, &loc->line) ||
	    m + 1 != n) {
		loc->line = 0;
		return false;
	}
	loc->file = j;
	loc->file_len = k - j;
	return true;
}

/* 'File "a.mly", line 6: unterminated action' (ocamlyacc, ocamllex, the
 * OCaml tools' own errors): the Python frame's spelling with a message of
 * its own after the line. Where that message starts, or 0. */
static size_t file_line_message(const char *l, size_t n)
{
	const char *q;
	size_t k;
	int line;

	if (!STARTS(l, n, "File \"") || !(q = memchr(l + 6, '"', n - 6)))
		return 0;
	k = (size_t)(q - l);
	/* MPW's spelling, as Inform 6 -E2 and Apple's old tools print it:
	 * 'File "demo.inf"; Line 7\t# Error:  No such constant as "x"' */
	if (STARTS(l + k, n - k, "\"; Line ")) {
		k += 8;
		if (!cl_read_int(l, n, &k, &line))
			return 0;
		k = skip_blanks(l, n, k);
		if (k < n && l[k] == '#')
			k = skip_blanks(l, n, k + 1);
		return k < n ? k : 0;
	}
	if (!STARTS(l + k, n - k, "\", line "))
		return 0;
	k += 8;
	if (!cl_read_int(l, n, &k, &line) || k + 2 >= n || l[k] != ':' ||
	    !is_blank(l[k + 1]))
		return 0;
	k = skip_blanks(l, n, k + 1);
	return k < n ? k : 0;
}

/* A severity's mark opening a finding at l[i] ("× msg", "✘ msg", "✗ msg",
 * "✖ msg", "⚠ msg"; tsd's "✖  4:19  msg" row): the offset after it and its
 * blanks, or i. */
static size_t skip_sev_mark(const char *l, size_t n, size_t i)
{
	if (i + 3 < n && l[i] == '\xc3' && l[i + 1] == '\x97' && l[i + 2] == ' ')
		return skip_blanks(l, n, i + 3);
	if (i + 4 < n && l[i] == '\xe2' && l[i + 3] == ' ' &&
	    ((l[i + 1] == '\x9c' && (l[i + 2] == '\x98' || l[i + 2] == '\x96' ||
				  l[i + 2] == '\x97')) ||
	     (l[i + 1] == '\x9a' && l[i + 2] == '\xa0') ||
	     /* ⨯ (Next.js, bunchee, Turborepo), ❌ (eclint) */
	     (l[i + 1] == '\xa8' && l[i + 2] == '\xaf') ||
	     (l[i + 1] == '\x9d' && l[i + 2] == '\x8c')))
		return skip_blanks(l, n, i + 4);
	return i;
}

/* A bullet a runner sets before each frame of a trace (Japa's "⁃ at
 * fn (a.js:8:10)"; "•", "‣", "◦"): the offset after it and its blanks,
 * or i. The ASCII "-" and "*" are not taken: "- at least one" is prose. */
static size_t skip_frame_bullet(const char *l, size_t n, size_t i)
{
	if (i + 4 < n && l[i] == '\xe2' &&
	    ((l[i + 1] == '\x81' && l[i + 2] == '\x83') ||
	     (l[i + 1] == '\x80' && (l[i + 2] == '\xa2' || l[i + 2] == '\xa3')) ||
	     (l[i + 1] == '\x97' && l[i + 2] == '\xa6')) &&
	    l[i + 3] == ' ')
		return skip_blanks(l, n, i + 4);
	return i;
}

/* A tag a runner sets before every line it prints ("[VerboseTestNG]
 * \tat C.t(C.java:12)": TestNG's verbose log), over a frame: the offset of
 * the frame's "at ", or i. */
static size_t skip_frame_tag(const char *l, size_t n, size_t i)
{
	size_t k;

	if (i >= n || l[i] != '[')
		return i;
	for (k = i + 1; k < n && k - i < 32 && (is_alpha(l[k]) || is_digit(l[k]) ||
						 l[k] == '_' || l[k] == '-' ||
						 l[k] == '.'); k++)
		;
	if (k == i + 1 || k + 1 >= n || l[k] != ']' || !is_blank(l[k + 1]))
		return i;
	k = skip_blanks(l, n, k + 1);
	return STARTS(l + k, n - k, "at ") ? k : i;
}

bool cl_frame_prefix(const char *l, size_t n)
{
	size_t i = skip_frame_tag(l, n, skip_frame_bullet(l, n, skip_blanks(l, n, 0)));

	l += i;
	n -= i;
	/* OCaml's 'File "a.ml", line 3, characters 0-4:' is a lone place
	 * heading the error below it, not a frame; 'File "a.mly", line 6:
	 * msg' a report */
	if (STARTS(l, n, "File \"") && (l[n - 1] == ':' || file_line_message(l, n)))
		return false;
	return STARTS(l, n, "at ") || STARTS(l, n, "at: ") || STARTS(l, n, "File \"") ||
	       STARTS(l, n, "At: ") || STARTS(l, n, "source: at ") ||
	       STARTS(l, n, "--> ") ||
	       /* vitest's "❯ a.test.ts:16:12" under its failure */
	       STARTS(l, n, "\xe2\x9d\xaf ") ||
	       /* valgrind's "==12==", not a header's "== a.rb ==", and its
	        * callers' "by 0x10914B: main (a.c:5)" */
	       (STARTS(l, n, "==") && n > 2 && is_digit(l[2])) ||
	       STARTS(l, n, "by 0x") ||
	       (n > 1 && l[0] == '#' && is_digit(l[1]));
}

/* The digits among the eight bytes of x: 0x80 in each byte that is one.
 * Each byte is taken without its top bit first, so no sum carries into
 * the next; a byte with the top bit set is no digit. */
static uint64_t digit_bytes(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101u, top = 0x8080808080808080u;
	uint64_t y = x & ~top;

	return (y + 0x50 * ones) & ~(y + 0x46 * ones) & ~x & top;
}

/* Does l[0..n) hold a digit? */
static bool any_digit(const char *l, size_t n)
{
	size_t j = 0;

	for (; j + 8 <= n; j += 8) {
		uint64_t x;

		memcpy(&x, l + j, 8);
		if (digit_bytes(x))
			return true;
	}
	for (; j < n; j++)
		if (is_digit(l[j]))
			return true;
	return false;
}

/* Can the digit at l[j] (j > 0) be a place's line: after ':', '(', '[',
 * ' ', ',', '@' (Gambit's '"a.scm"@2.15') or "(-"? */
static bool place_before_digit(const char *l, size_t j)
{
	char c = l[j - 1];

	return c == ':' || c == '(' || c == '[' || c == ' ' || c == ',' || c == '@' ||
	       (c == '-' && j > 1 && l[j - 2] == '(');
}

bool cl_may_place(const char *l, size_t n)
{
	size_t j = 1;

	/* eight bytes a step while none is a digit: most of a line is not */
	while (j + 8 <= n) {
		uint64_t x, d;

		memcpy(&x, l + j, 8);
		if (!(d = digit_bytes(x))) {
			j += 8;
			continue;
		}
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		j += (size_t)__builtin_clzll(d) / 8; /* the first digit */
#else
		j += (size_t)__builtin_ctzll(d) / 8;
#endif
		if (place_before_digit(l, j))
			return true;
		j++;
	}
	for (; j < n; j++)
		if ((unsigned)(l[j] - '0') < 10u && place_before_digit(l, j))
			return true;
	return false;
}

/* A place's span after its line:col, "-3:13" or "-13" (vfile's, capnp's):
 * skipped, *i past it; false if there is none. */
static bool span_end(const char *l, size_t n, size_t *i)
{
	size_t j = *i + 1;
	int v;

	/* Ruby's range: "3:28...3:33" (RBS, Steep), "3:28..3:33" */
	if (*i + 2 < n && l[*i] == '.' && l[*i + 1] == '.')
		j = *i + (l[*i + 2] == '.' ? 3 : 2);
	else if (*i >= n || l[*i] != '-')
		return false;
	if (!cl_read_int(l, n, &j, &v))
		return false;
	if (j + 1 < n && (l[j] == ':' || l[j] == '.') && is_digit(l[j + 1])) {
		j++;
		cl_read_int(l, n, &j, &v);
	}
	*i = j;
	return true;
}

bool cl_file_label(const char *l, size_t n, struct cl_loc *loc)
{
	size_t i, e, j;

	if (n < 8 || l[0] != 'f' || !STARTS(l, n, "file: "))
		return false;
	while (n && is_blank(l[n - 1]))
		n--;
	i = skip_blanks(l, n, 6);
	memset(loc, 0, sizeof(*loc));
	e = path_end(l, n, i);
	if (e == n && e > i && plausible_path(l + i, e - i) &&
	    memchr(l + i, '.', e - i)) {
		loc->file = i;
		loc->file_len = e - i;
		return (loc->kind = CL_LOC_FRAME), true;
	}
	j = place_at(l, n, i, loc);
	if (j != n || !loc->line) {
		memset(loc, 0, sizeof(*loc));
		return false;
	}
	return (loc->kind = CL_LOC_FRAME), true;
}

/* SpiderMonkey's and JavaScriptCore's frame, a line each (gjs, Firefox,
 * Safari): "fn@path:L:C", "@path:L:C", the function's name before the '@'
 * ("outer/<", "Foo.prototype.bar"), none for top-level code. A version
 * after the '@' is a package's ("lodash@4.17.21/a.js"), a '/' before it
 * a scope's folder: no frame. */
static bool at_sign_frame(const char *l, size_t n, size_t i, struct cl_loc *loc)
{
	const char *a = memchr(l + i, '@', n - i);
	size_t k, j;

	if (!a || (size_t)(a - l) - i > 128 || memchr(l + i, ' ', n - i))
		return false;
	k = (size_t)(a - l) + 1;
	/* (a scope's folder: "node_modules/@scope/pkg/a.js:3") */
	if (k >= n || is_digit(l[k]) || l[k] == '/' || (a > l + i && a[-1] == '/'))
		return false;
	j = place_at(l, n, k, loc);
	if (!j || loc->line <= 0 || j != n) {
		memset(loc, 0, sizeof(*loc));
		return false;
	}
	return true;
}

/* "pkg.Class.method(File.java:17)" from l[i] to the line's end, a dotted
 * name with no blank before its place in parentheses: sets loc's file and
 * line. */
static bool bare_jvm_frame(const char *l, size_t n, size_t i, struct cl_loc *loc)
{
	size_t k, e;
	bool dot = false;

	for (k = i; k < n && (is_alpha(l[k]) || is_digit(l[k]) || l[k] == '.' ||
			      l[k] == '_' || l[k] == '$' || l[k] == '/' ||
			      l[k] == '<' || l[k] == '>'); k++)
		dot |= l[k] == '.';
	if (!dot || k == i || k >= n || l[k] != '(' || l[k - 1] == '.')
		return false;
	e = place_at(l, n, k + 1, loc);
	if (!e || e + 1 != n || l[e] != ')' || loc->line <= 0) {
		memset(loc, 0, sizeof(*loc));
		return false;
	}
	return true;
}

size_t cl_ocaml_step(const char *l, size_t n)
{
	size_t i = skip_blanks(l, n, 0);
	const char *f;

	if (!STARTS(l + i, n - i, "Raised ") && !STARTS(l + i, n - i, "Re-raised ") &&
	    !STARTS(l + i, n - i, "Called from "))
		return 0;
	f = cl_find(l + i, n - i, " in file \"", 10);
	return f ? (size_t)(f - l) + 10 : 0;
}

/* A quoted or bare path at l[f..n): its end (the closing quote's offset
 * for a quoted one: `a.rb', "a.rb", 'a.rb'), 0 if none. */
static size_t words_path_end(const char *l, size_t n, size_t f, size_t *start)
{
	size_t k;

	*start = f;
	if (f < n && (l[f] == '`' || l[f] == '\'' || l[f] == '"')) {
		*start = ++f;
		for (k = f; k < n && l[k] != '\'' && l[k] != '`' && l[k] != '"'; k++)
			;
		return k < n && k > f && plausible_path(l + f, k - f) ? k : 0;
	}
	k = path_end(l, n, f);
	return k > f && plausible_path(l + f, k - f) ? k : 0;
}

bool cl_place_in_words(const char *l, size_t n, struct cl_loc *loc)
{
	size_t i = skip_blanks(l, n, 0), j = i, k, m, f, e;
	const char *fw;

	/* a label before it: "Stub: " */
	for (k = i; k < n && k - i < 12 && is_alpha(l[k]); k++)
		;
	if (k > i && k + 1 < n && l[k] == ':' && l[k + 1] == ' ')
		j = k + 2;
	memset(loc, 0, sizeof(*loc));
	/* "at line 7 in file a.pyi" (mypy stubtest), "at line 3 of file a.x" */
	if (STARTS(l + j, n - j, "at line ")) {
		m = j + 8;
		if (!cl_read_int(l, n, &m, &loc->line) ||
		    !(STARTS(l + m, n - m, " in file ") || STARTS(l + m, n - m, " of file ")) ||
		    !(e = words_path_end(l, n, m + 9, &f)))
			goto none;
		m = e + (e < n && l[e] != ' ' && l[e] != '.' && l[e] != ':');
	} else if (STARTS(l + j, n - j, "in \"")) {
		/* PyYAML's and ruamel's mark under a message: 'in
		 * "compose.yml", line 5, column 4' */
		if (!(e = words_path_end(l, n, j + 3, &f)) ||
		    !STARTS(l + e, n - e, "\", line "))
			goto none;
		m = e + 8;
		if (!cl_read_int(l, n, &m, &loc->line))
			goto none;
		if (STARTS(l + m, n - m, ", column ")) {
			m += 9;
			if (!cl_read_int(l, n, &m, &loc->col))
				goto none;
		}
	} else if (STARTS(l + j, n - j, "in ") &&
		   (fw = cl_find(l + j, n - j < 48 ? n - j : 48, " at line ", 9)) &&
		   !STARTS(l + j, n - j, "in file ")) {
		/* RXP's "in unnamed entity at line 3 char 12 of
		 * file://a.xml" under its message: the entity's place in the
		 * file (a URL) after "of" */
		m = (size_t)(fw - l) + 9;
		if (!cl_read_int(l, n, &m, &loc->line))
			goto none;
		if (STARTS(l + m, n - m, " char ") || STARTS(l + m, n - m, " column ")) {
			m += l[m + 2] == 'h' ? 6 : 8;
			if (!cl_read_int(l, n, &m, &loc->col))
				goto none;
		}
		if (!STARTS(l + m, n - m, " of "))
			goto none;
		m += 4;
		if (STARTS(l + m, n - m, "file://"))
			m += 7;
		if (!(e = words_path_end(l, n, m, &f)))
			goto none;
		m = e;
	} else if (STARTS(l + j, n - j, "in file ")) {
		/* "in file `lib/calc.rb' near line 7" (YARD) */
		if (!(e = words_path_end(l, n, j + 8, &f)))
			goto none;
		m = e + (e < n && l[e] != ' ' && l[e] != ',');
		if (STARTS(l + m, n - m, " near line "))
			m += 11;
		else if (STARTS(l + m, n - m, " at line "))
			m += 9;
		else if (STARTS(l + m, n - m, ", line "))
			m += 7;
		else
			goto none;
		if (!cl_read_int(l, n, &m, &loc->line))
			goto none;
	} else {
		return false;
	}
	/* nothing after it but a full stop or a colon */
	while (m < n && (l[m] == '.' || l[m] == ':' || is_blank(l[m])))
		m++;
	if (m < n)
		goto none;
	loc->file = f;
	loc->file_len = e - f;
	return true;
none:
	memset(loc, 0, sizeof(*loc));
	return false;
}

/* Lua's chunk of a loaded file, anywhere on the line: '[string
 * "a.rockspec"]:5: msg' (luarocks, Neovim's "E5108: Error executing lua
 * [string ...]"). */
static bool lua_chunk_place(const char *l, size_t n, size_t i, struct cl_loc *loc)
{
	const char *fw;
	size_t k;

	for (fw = memchr(l + i, '[', n - i); fw;
	     fw = memchr(fw + 1, '[', n - (size_t)(fw + 1 - l))) {
		size_t f = (size_t)(fw - l) + 9, e;

		if (!STARTS(fw, (size_t)(l + n - fw), "[string \""))
			continue;
		for (e = f; e < n && l[e] != '"'; e++)
			;
		k = e + 3;
		if (e <= f || !STARTS(l + e, n - e, "\"]:") ||
		    !cl_read_int(l, n, &k, &loc->line) || k + 1 >= n || l[k] != ':' ||
		    l[k + 1] != ' ') {
			loc->line = 0;
			continue;
		}
		/* a long name Lua cut short ("/w/src/held32/luarocks/acme-1...."):
		 * the whole path where the line names it before */
		if (e - f > 3 && !memcmp(l + e - 3, "...", 3)) {
			const char *whole = cl_find(l, (size_t)(fw - l), l + f, e - f - 3);

			if (!whole) {
				loc->line = 0;
				continue;
			}
			f = (size_t)(whole - l);
			e = path_end(l, n, f);
		}
		if (plausible_path(l + f, e - f)) {
			loc->file = f;
			loc->file_len = e - f;
			set_msg(loc, l, n, k + 1);
			return true;
		}
		loc->line = 0;
	}
	return false;
}

/* "a.json: error parsing file: <data>:3:20: msg" (json-glib's; a parser
 * handed the file's bytes names them "<data>", "<stdin>", "<string>"): the
 * place in the stand-in, the file the one the line named before it, a
 * path or a file URL closed by ':'. */
static bool stand_in_place(const char *l, size_t n, size_t i, struct cl_loc *loc)
{
	const char *lt;

	for (lt = memchr(l + i, '<', n - i); lt;
	     lt = memchr(lt + 1, '<', n - (size_t)(lt + 1 - l))) {
		size_t a = (size_t)(lt - l), e = a + 1, k, p, f, fe;

		while (e < n && (is_alpha(l[e]) || l[e] == ' ' || l[e] == '-' ||
				 l[e] == '_'))
			e++;
		k = e + 2;
		if (e == a + 1 || e + 2 >= n || l[e] != '>' || l[e + 1] != ':' ||
		    !cl_read_int(l, n, &k, &loc->line))
			continue;
		if (k + 1 < n && l[k] == ':' && is_digit(l[k + 1])) {
			k++;
			cl_read_int(l, n, &k, &loc->col);
		}
		if (k >= n || l[k] != ':') {
			loc->line = loc->col = 0;
			continue;
		}
		/* the first path before it that a ':' closes */
		for (p = i; p < a; p++) {
			if (p > i && l[p - 1] != ' ')
				continue;
			f = cl_url_path(l, a, p);
			fe = path_end(l, a, f);
			if (fe > f && fe < a && l[fe] == ':' &&
			    plausible_path(l + f, fe - f)) {
				loc->file = f;
				loc->file_len = fe - f;
				set_msg(loc, l, n, k + 1);
				return true;
			}
		}
		loc->line = loc->col = 0;
	}
	return false;
}

/* "[a.ck]:line(3).char(1): msg" (ChucK's): the file in brackets, its line
 * and column each in parentheses after its word. */
static bool bracketed_file_line(const char *l, size_t n, size_t i,
				struct cl_loc *loc)
{
	const char *c = memchr(l + i + 1, ']', n - i - 1);
	size_t k;

	if (!c || !STARTS(c, (size_t)(l + n - c), "]:line(") ||
	    !plausible_path(l + i + 1, (size_t)(c - l) - i - 1))
		return false;
	k = (size_t)(c - l) + 7;
	if (!cl_read_int(l, n, &k, &loc->line) || k >= n || l[k++] != ')')
		goto no;
	if (STARTS(l + k, n - k, ".char(")) {
		k += 6;
		if (!cl_read_int(l, n, &k, &loc->col) || k >= n || l[k++] != ')')
			goto no;
	}
	if (k + 1 >= n || l[k] != ':' || !is_blank(l[k + 1]))
		goto no;
	loc->file = i + 1;
	loc->file_len = (size_t)(c - l) - i - 1;
	set_msg(loc, l, n, k);
	return true;
no:
	loc->line = loc->col = 0;
	return false;
}

/* "[a.l:4] msg": the place in brackets opening the line, the message
 * after it (PicoLisp's "[a.l:4] !? (nosuch 3)"). */
static bool place_in_brackets(const char *l, size_t n, size_t i, struct cl_loc *loc)
{
	size_t j = place_at(l, n, i + 1, loc);

	if (!j || loc->line <= 0 || j + 2 >= n || l[j] != ']' || !is_blank(l[j + 1])) {
		memset(loc, 0, sizeof(*loc));
		return false;
	}
	set_msg(loc, l, n, j + 1);
	return true;
}

/* "!! Input index error (file = a.idx, line = 2):" (makeindex's), "(file:
 * a.x, line: 2)": the place in fields inside parentheses, what went wrong
 * before them; a place alone when nothing follows but a colon (the
 * message is on the line under it). */
static bool fields_in_parens(const char *l, size_t n, struct cl_loc *loc)
{
	const char *f = cl_find(l, n, "(file", 5), *c;
	size_t j, k, e;

	/* ... or "(line 6 in a.bib):" (BibTool's "*** BibTool WARNING (line
	 * 6 in dup.bib): msg") */
	if (!f && (f = cl_find(l, n, "(line ", 6)) && f > l) {
		k = (size_t)(f - l) + 6;
		if (!cl_read_int(l, n, &k, &loc->line) || !STARTS(l + k, n - k, " in "))
			goto no;
		j = k + 4;
		if (STARTS(l + j, n - j, "./"))
			j += 2;
		for (e = j; e < n && l[e] != ')' && l[e] != ' '; e++)
			;
		if (e >= n || l[e] != ')' || e + 1 >= n || l[e + 1] != ':' ||
		    !plausible_path(l + j, e - j))
			goto no;
		k = e;
		goto found;
	}
	if (!f || f == l)
		return false;
	j = (size_t)(f - l) + 5;
	j = skip_blanks(l, n, j);
	if (j >= n || (l[j] != '=' && l[j] != ':'))
		return false;
	j = skip_blanks(l, n, j + 1);
	if (!(c = memchr(l + j, ',', n - j)))
		return false;
	e = (size_t)(c - l);
	k = skip_blanks(l, n, e + 1);
	if (!STARTS(l + k, n - k, "line"))
		return false;
	k = skip_blanks(l, n, k + 4);
	if (k >= n || (l[k] != '=' && l[k] != ':'))
		return false;
	k = skip_blanks(l, n, k + 1);
	if (!cl_read_int(l, n, &k, &loc->line) || k >= n || l[k] != ')' ||
	    !plausible_path(l + j, e - j))
		goto no;
found:
	loc->file = j;
	loc->file_len = e - j;
	loc->pre = skip_blanks(l, n, 0);
	for (e = (size_t)(f - l); e > loc->pre && is_blank(l[e - 1]); e--)
		;
	loc->pre_len = e - loc->pre;
	set_msg(loc, l, n, k + 1);
	return true;
no:
	loc->line = 0;
	return false;
}

/* 'While parsing file "a.ledger", line 6:' (Ledger's, "While <doing>
 * file"), "Stopped at a.xq, 3/1:" (BaseX's): at l[i], a line ending in
 * its colon. */
static bool heading_place(const char *l, size_t n, size_t i,
			  struct cl_loc *loc)
{
	const char *f;
	size_t j, e, m;

	if (STARTS(l + i, n - i, "While ") &&
	    (f = cl_find(l + i, n - i < 40 ? n - i : 40, " file \"", 7))) {
		j = (size_t)(f - l) + 7;
		for (e = j; e < n && l[e] != '"'; e++)
			;
		m = e + 8;
		if (e + 8 >= n || !STARTS(l + e, n - e, "\", line ") ||
		    !plausible_path(l + j, e - j) || !cl_read_int(l, n, &m, &loc->line) ||
		    m + 1 != n)
			goto no;
	} else if (STARTS(l + i, n - i, "Stopped at ")) {
		j = i + 11;
		e = path_end(l, n, j);
		m = e + 2;
		if (e == j || !STARTS(l + e, n - e, ", ") ||
		    !plausible_path(l + j, e - j) || !cl_read_int(l, n, &m, &loc->line) ||
		    m >= n || l[m] != '/' || (++m, !cl_read_int(l, n, &m, &loc->col)) ||
		    m + 1 != n)
			goto no;
	} else {
		return false;
	}
	loc->file = j;
	loc->file_len = e - j;
	return true;
no:
	loc->line = loc->col = 0;
	return false;
}

/* 'file "a.scm", line 4' alone at l[i], after "*** " or not. */
static bool quoted_file_line(const char *l, size_t n, size_t i,
			     struct cl_loc *loc)
{
	size_t j, e, m;

	if (STARTS(l + i, n - i, "*** "))
		i += 4;
	if (!STARTS(l + i, n - i, "file \""))
		return false;
	j = i + 6;
	for (e = j; e < n && l[e] != '"'; e++)
		;
	m = e + 8;
	if (e == j || e + 8 >= n || !STARTS(l + e, n - e, "\", line ") ||
	    !cl_read_int(l, n, &m, &loc->line) || skip_blanks(l, n, m) != n) {
		loc->line = 0;
		return false;
	}
	loc->file = j;
	loc->file_len = e - j;
	return true;
}

/* The length of the progress words opening l[i..n), their last glued to
 * what follows ("Root...1 N...a.lexc:4.10: msg", hfst-lexc naming each
 * lexicon as it reads it, the error after the last with no break): words
 * each ending in "...", a count after it maybe; 0 if none. */
static size_t progress_len(const char *l, size_t n, size_t i)
{
	const char *d;
	size_t k = i, last = 0;

	/* a word opens it, and its dots are the line's first: one look
	 * rules out the lines with none (most, asked at every place read) */
	if (i >= n || !(is_alpha(l[i]) || is_digit(l[i])) ||
	    !(d = memchr(l + i, '.', n - i < 64 ? n - i : 64)) ||
	    (size_t)(d - l) + 3 > n || d[1] != '.' || d[2] != '.')
		return 0;

	for (;;) {
		size_t w = k;

		while (k < n && (is_alpha(l[k]) || is_digit(l[k]) || l[k] == '_'))
			k++;
		if (k == w || k + 3 > n || memcmp(l + k, "...", 3))
			break;
		last = k += 3;
		while (k < n && is_digit(l[k]))
			k++;
		if (k < n && l[k] == ',')
			k++;
		if (k >= n || l[k] != ' ')
			break;
		k++;
	}
	return last && last == k && last < n && l[last] != '.' &&
	       l[last] != '/' && l[last] != ' ' ? last : 0;
}

static enum cl_loc_kind loc_read(const char *l, size_t n, struct cl_loc *loc);

/* Macaulay2's marks after its place, "(3):[7]: " (the file's load depth
 * and the frame's): their length at m[0..n), or 0. */
static size_t m2_marks(const char *m, size_t n)
{
	size_t k = 1;

	if (n < 8 || m[0] != '(' || !is_digit(m[1]))
		return 0;
	while (k < n && is_digit(m[k]))
		k++;
	if (k + 3 >= n || m[k] != ')' || m[k + 1] != ':' || m[k + 2] != '[')
		return 0;
	for (k += 3; k < n && is_digit(m[k]); k++)
		;
	if (k + 1 >= n || m[k] != ']' || m[k + 1] != ':')
		return 0;
	return skip_blanks(m, n, k + 2);
}

enum cl_loc_kind cl_loc_read(const char *l, size_t n, struct cl_loc *loc)
{
	enum cl_loc_kind kind = loc_read(l, n, loc);
	size_t k;

	/* "gb.m2:4:7:(3):[7]: --back trace--": a frame of Macaulay2's
	 * trace, its marks none of the message */
	if (kind == CL_LOC_INLINE && loc->msg_len && l[loc->msg] == '(' &&
	    (k = m2_marks(l + loc->msg, loc->msg_len))) {
		loc->msg += k;
		loc->msg_len -= k;
		if (STARTS(l + loc->msg, loc->msg_len, "--back"))
			kind = loc->kind = CL_LOC_FRAME;
	}
	return kind;
}

static enum cl_loc_kind loc_read(const char *l, size_t n, struct cl_loc *loc)
{
	size_t i = skip_blanks(l, n, 0), j, k;
	const char *fw;

	memset(loc, 0, sizeof(*loc));
	if (i >= n)
		return CL_LOC_NONE;
	/* progress glued before the place: read after it */
	if ((k = progress_len(l, n, i))) {
		enum cl_loc_kind kind = cl_loc_read(l + k, n - k, loc);

		if (kind != CL_LOC_NONE) {
			loc->file += k;
			loc->msg += k;
			loc->pre += k;
		}
		return kind;
	}
	/* inside a box drawn around the report (Terraform's "│   on main.tf
	 * line 3, in resource ...:"): its side is not part of the line */
	if (l[i] == '\xe2' && STARTS(l + i, n - i, "\xe2\x94\x82") &&
	    (i = skip_blanks(l, n, i + 3)) >= n)
		return CL_LOC_NONE; /* the side alone */
	/* rollup's and vite's "file: /src/a.js:1:9" under the error */
	if (i == 0 && l[0] == 'f' && cl_file_label(l, n, loc))
		return CL_LOC_FRAME;
	/* Icinga 2's "Location: in a.conf: 4:3-4:30" under the error */
	if (i == 0 && l[0] == 'L' && STARTS(l, n, "Location: in ")) {
		const char *c = cl_find(l + 13, n - 13, ": ", 2);

		k = c ? (size_t)(c - l) + 2 : n;
		if (c && plausible_path(l + 13, (size_t)(c - l) - 13) &&
		    cl_read_int(l, n, &k, &loc->line) && k < n && l[k] == ':' &&
		    (++k, cl_read_int(l, n, &k, &loc->col)) &&
		    (k == n || l[k] == '-')) {
			loc->file = 13;
			loc->file_len = (size_t)(c - l) - 13;
			return CL_LOC_FRAME;
		}
		memset(loc, 0, sizeof(*loc));
		return CL_LOC_NONE;
	}
	if ((l[i] == 'F' ||
	     (l[i] >= 'a' && l[i] <= 'z' &&
	      (fw = memchr(l + i, ':', n - i < 24 ? n - i : 24)) &&
	      STARTS(fw, n - (size_t)(fw - l), ": file "))) &&
	    file_line_words(l, n, i, loc))
		return loc->kind = CL_LOC_INLINE;
	/* Scheme 9's '*** file "a.scm", line 4' under its "*** error: msg",
	 * the place alone, in lower case */
	if ((l[i] == '*' || l[i] == 'f') && quoted_file_line(l, n, i, loc))
		return loc->kind = CL_LOC_FRAME;
	/* Ansible's pointer under its "ERROR! msg": "The error appears to be
	 * in 'a.yml': line 6, column 6, but may" (the sentence goes on on
	 * the next line) */
	if (l[i] == 'T' && STARTS(l + i, n - i, "The error appears to be in '")) {
		size_t m;

		j = i + 28;
		for (k = j; k < n && l[k] != '\''; k++)
			;
		m = k + 8;
		if (k > j && STARTS(l + k, n - k, "': line ") &&
		    cl_read_int(l, n, &m, &loc->line)) {
			if (STARTS(l + m, n - m, ", column ")) {
				m += 9;
				if (!cl_read_int(l, n, &m, &loc->col))
					loc->col = 0;
			}
			loc->file = j;
			loc->file_len = k - j;
			return loc->kind = CL_LOC_FRAME;
		}
		memset(loc, 0, sizeof(*loc));
		return CL_LOC_NONE;
	}
	/* Python: File "path", line N[, in fn] */
	if (STARTS(l + i, n - i, "File \"")) {
		j = i + 6;
		k = j;
		while (k < n && l[k] != '"')
			k++;
		/* "<string>", "<frozen importlib._bootstrap>", "<stdin>":
		 * code that has no file */
		if (j < k && l[j] == '<' && l[k - 1] == '>')
			return CL_LOC_NONE;
		if (k < n && (STARTS(l + k, n - k, "\", line ") ||
			      STARTS(l + k, n - k, "\"; Line "))) {
			size_t m = k + 8;

			if (cl_read_int(l, n, &m, &loc->line)) {
				loc->file = j;
				loc->file_len = k - j;
				/* OCaml: 'File "a.ml", line 3, characters 4-9:'
				 * heads the error under it */
				if (STARTS(l + m, n - m, ", characters ")) {
					size_t c = m + 13;

					if (cl_read_int(l, n, &c, &loc->col))
						loc->col++;
				}
				if (l[n - 1] == ':')
					return loc->kind = CL_LOC_ALONE;
				if ((m = file_line_message(l + i, n - i))) {
					set_msg(loc, l, n, i + m);
					return loc->kind = CL_LOC_INLINE;
				}
				return loc->kind = CL_LOC_FRAME;
			}
		}
		return CL_LOC_NONE;
	}
	/* Neko's and Haxe's stack: "Called from load.neko line 2" */
	if (l[i] == 'C' && STARTS(l + i, n - i, "Called from ") &&
	    path_line_at(l, n, i + 12, loc))
		return loc->kind = CL_LOC_FRAME;
	memset(loc, 0, sizeof(*loc));
	/* OCaml's backtrace: 'Raised at M.f in file "a.ml", line 3,
	 * characters 4-9', "Called from", "Re-raised at", "Raised by
	 * primitive operation at" (dune, Alcotest, OUnit) */
	if ((j = cl_ocaml_step(l, n))) {
		for (k = j; k < n && l[k] != '"'; k++)
			;
		if (k > j && STARTS(l + k, n - k, "\", line ")) {
			size_t m = k + 8;

			if (cl_read_int(l, n, &m, &loc->line)) {
				if (STARTS(l + m, n - m, ", characters ")) {
					size_t c = m + 13;

					if (cl_read_int(l, n, &c, &loc->col))
						loc->col++;
				}
				loc->file = j;
				loc->file_len = k - j;
				return loc->kind = CL_LOC_FRAME;
			}
		}
		memset(loc, 0, sizeof(*loc));
		return CL_LOC_NONE;
	}
	/* A quoted path and its line in parentheses: Tcl's (file "t.tcl"
	 * line 4), varnish VCC's "('/a.vcl' Line 9 Pos 31)" (after "At: "
	 * too), a position after the line ("Pos", "col", "column") */
	if (STARTS(l + i, n - i, "At: ("))
		i += 4;
	if (i + 2 < n && l[i] == '(') {
		char q;

		j = i + 1;
		if (STARTS(l + j, n - j, "file "))
			j += 5;
		q = j < n ? l[j] : 0;
		if (q == '"' || q == '\'')
			j++;
		for (k = j; q && k < n && l[k] != q; k++)
			;
		if ((q == '"' || q == '\'') && k + 6 < n && l[k + 1] == ' ' &&
		    (l[k + 2] == 'l' || l[k + 2] == 'L') &&
		    STARTS(l + k + 3, n - k - 3, "ine ")) {
			size_t m = k + 7;

			if (cl_read_int(l, n, &m, &loc->line) && m < n &&
			    plausible_path(l + j, k - j)) {
				size_t c = m;

				if (STARTS(l + c, n - c, " Pos "))
					c += 5;
				else if (STARTS(l + c, n - c, " col "))
					c += 5;
				else if (STARTS(l + c, n - c, " column "))
					c += 8;
				if (c > m && cl_read_int(l, n, &c, &loc->col))
					m = c;
				else
					loc->col = 0;
				if (m < n && l[m] == ')') {
					loc->file = j;
					loc->file_len = k - j;
					return loc->kind = CL_LOC_FRAME;
				}
			}
		}
		loc->line = 0;
		loc->col = 0;
		i = skip_blanks(l, n, 0);
	}
	/* TinyScheme's "Error: (a.scm : 4) eval: unbound variable: x": the
	 * file and line in parentheses, blanks around the colon, the message
	 * after (a severity before it, or none) */
	{
		size_t b = i, len;
		bool note;

		if (sev_word(l + b, n - b, &len, &note) >= 0 &&
		    STARTS(l + b + len, n - b - len, ": "))
			b = skip_blanks(l, n, b + len + 1);
		if (b + 2 < n && l[b] == '(' &&
		    (k = path_end(l, n, b + 1)) > b + 1 && k + 5 < n &&
		    STARTS(l + k, n - k, " : ") && plausible_path(l + b + 1, k - b - 1)) {
			size_t m = k + 3;

			if (cl_read_int(l, n, &m, &loc->line) && m + 2 < n &&
			    l[m] == ')' && l[m + 1] == ' ') {
				loc->file = b + 1;
				loc->file_len = k - b - 1;
				if (b > i) {
					loc->pre = i;
					loc->pre_len = len;
				}
				set_msg(loc, l, n, m + 1);
				return loc->kind = CL_LOC_INLINE;
			}
			loc->line = 0;
		}
	}
	/* Ruby's frames: "from a.rb:4:in `<main>'", RSpec's "# ./a_spec.rb:5:in
	 * `block'" */
	if ((l[i] == '#' && i + 1 < n && l[i + 1] == ' ') || STARTS(l + i, n - i, "from ")) {
		/* (Bundler's "#  from /w/Gemfile:2", a comment's "from") */
		k = l[i] == '#' ? skip_blanks(l, n, i + 1) : i;
		if (STARTS(l + k, n - k, "from "))
			k += 5;
		j = place_at(l, n, k, loc);
		if (j && loc->line > 0 && (STARTS(l + j, n - j, ":in `") ||
					   STARTS(l + j, n - j, ":in '")))
			return loc->kind = CL_LOC_FRAME;
		/* ... or the place alone after "from", ending the line:
		 * Bundler's over the Gemfile's lines it quotes */
		if (j && loc->line > 0 && k > i + 2 && skip_blanks(l, n, j) == n)
			return loc->kind = CL_LOC_FRAME;
		/* ... or what there used it after the place: a link
		 * checker's "from index.html:5:9 via href="x.html"" under
		 * the target it did not find (check-html-links) */
		if (j && loc->line > 0 && l[i] == 'f' && j + 1 < n && l[j] == ' ' &&
		    is_alpha(l[j + 1]))
			return loc->kind = CL_LOC_FRAME;
		/* a checker's finding a test prints as its comment ("# lib/A.pm
		 * (8): Unknown directive: =hed2", Test::Pod's) */
		if (l[i] == '#' && j && loc->line > 0 && j + 2 < n && l[j] == ':' &&
		    is_blank(l[j + 1]) && skip_blanks(l, n, j + 1) < n) {
			set_msg(loc, l, n, j + 1);
			return loc->kind = CL_LOC_INLINE;
		}
		memset(loc, 0, sizeof(*loc));
		if (l[i] == '#')
			return tap_comment_place(l, n, i + 2, loc) ?
			       (loc->kind = CL_LOC_FRAME) : CL_LOC_NONE;
	}
	/* JavaScript, Java, C# frames: at fn (path:line:col) | at path:line:col */
	/* ... and TAP's YAML block: "at: Test.<anonymous> (path:4:5)" */
	if (l[i] == '\xe2' && (j = skip_frame_bullet(l, n, i)) > i &&
	    STARTS(l + j, n - j, "at "))
		i = j;
	if (l[i] == '[' && (bracketed_file_line(l, n, i, loc) ||
			    place_in_brackets(l, n, i, loc)))
		return loc->kind = CL_LOC_INLINE;
	if (l[i] == '[')
		i = skip_frame_tag(l, n, i);
	/* a reporter's label for it: tap-difflet's "At: Test.<anonymous>
	 * (a.js:5:5)", tap-nirvana's "source: at Test.<anonymous> (...)" */
	if (l[i] == 's' && STARTS(l + i, n - i, "source: at "))
		i += 8;
	if (STARTS(l + i, n - i, "at ") || STARTS(l + i, n - i, "at: ") ||
	    (l[i] == 'A' && STARTS(l + i, n - i, "At: "))) {
		if (frame_place(l, n, i + 3, loc))
			return loc->kind = CL_LOC_FRAME;
		/* the place first, then what ran there: TSTyche's "at
		 * ./a.tst.ts:5:31 ❭ test name", Bun's and Deno's "at
		 * a.ts:3:5 (anonymous)" */
		memset(loc, 0, sizeof(*loc));
		j = place_at(l, n, i + 3, loc);
		if (j && loc->line > 0 && j < n && is_blank(l[j]))
			return loc->kind = CL_LOC_FRAME;
		/* ... or the place alone, a full stop after it: Godot's
		 * "   At: res://player.gd:7." */
		if (l[i] == 'A') {
			memset(loc, 0, sizeof(*loc));
			j = place_at(l, n, i + 4, loc);
			if (j && loc->line > 0 && j + 1 == n && l[j] == '.')
				return loc->kind = CL_LOC_FRAME;
		}
		/* Perl's "at t/a.t line 5." on its own */
		memset(loc, 0, sizeof(*loc));
		if (path_line_at(l, n, i + 3, loc))
			return loc->kind = CL_LOC_FRAME;
		return CL_LOC_NONE;
	}
	/* SpiderMonkey's "fn@a.js:3:3" (its lines end in the column) */
	if (is_digit(l[n - 1]) && at_sign_frame(l, n, i, loc))
		return loc->kind = CL_LOC_FRAME;
	/* a JVM frame told without "at", indented (JUnit 5's console
	 * launcher: "CalcTest.mul(CalcTest.java:17)") */
	if (i > 0 && l[n - 1] == ')' && bare_jvm_frame(l, n, i, loc))
		return loc->kind = CL_LOC_FRAME;
	/* rustc and friends: --> path:line:col; miette/codespan boxes */
	if (STARTS(l + i, n - i, "--> ") || STARTS(l + i, n - i, "\xe2\x95\xad\xe2\x94\x80[") ||
	    STARTS(l + i, n - i, "\xe2\x94\x8c\xe2\x94\x80 ") ||
	    /* miette's and ariadne's box in ASCII (no terminal) */
	    STARTS(l + i, n - i, ",-[")) {
		j = l[i] == '-' ? i + 4 : l[i] == ',' ? i + 3 : i + 7;
		j = skip_blanks(l, n, j);
		if (place_at(l, n, j, loc) && loc->line > 0)
			return loc->kind = CL_LOC_FRAME;
		return CL_LOC_NONE;
	}
	/* a frame's closing corner pointing at the place: "└─ in a.ts(2,19)"
	 * (AssemblyScript), "└─ at a.x:3:5" */
	if (STARTS(l + i, n - i, "\xe2\x94\x94\xe2\x94\x80 ")) {
		j = skip_blanks(l, n, i + 7);
		if (STARTS(l + j, n - j, "in ") || STARTS(l + j, n - j, "at "))
			j += 3;
		if (place_at(l, n, j, loc) && loc->line > 0)
			return loc->kind = CL_LOC_FRAME;
		return CL_LOC_NONE;
	}
	/* sanitizers: "#3 0x4011d6 in main /src/a.c:12:5" */
	if (l[i] == '#' && i + 1 < n && is_digit(l[i + 1])) {
		if (cl_find(l + i, n - i, " in ", 4) && frame_place(l, n, i, loc))
			return loc->kind = CL_LOC_FRAME;
		return CL_LOC_NONE;
	}
	/* valgrind: "==12==    at 0x1091: main (a.c:12)", "by 0x1091: ..."
	 * under it (its process's prefix taken off) */
	if ((l[i] == '=' && i + 1 < n && l[i + 1] == '=') ||
	    STARTS(l + i, n - i, "by 0x")) {
		if (l[n - 1] == ')' && frame_place(l, n, i, loc))
			return loc->kind = CL_LOC_FRAME;
		return CL_LOC_NONE;
	}
	/* shellcheck: "In path line N:" */
	if (STARTS(l + i, n - i, "In ")) {
		const char *w = cl_find(l + i, n - i, " line ", 6);

		if (w && l[n - 1] == ':') {
			size_t m = (size_t)(w - l) + 6;

			if (cl_read_int(l, n, &m, &loc->line) && m == n - 1 &&
			    plausible_path(l + i + 3, (size_t)(w - l) - i - 3)) {
				loc->file = i + 3;
				loc->file_len = (size_t)(w - l) - i - 3;
				return loc->kind = CL_LOC_ALONE;
			}
		}
		/* Crystal's "In a.cr:2:7" over its code frame and "Error: x" */
		j = place_at(l, n, i + 3, loc);
		if (j && loc->line > 0 && (j == n || (j + 1 == n && l[j] == ':')))
			return loc->kind = CL_LOC_ALONE;
		memset(loc, 0, sizeof(*loc));
	}
	/* Terraform's and HCL's under "Error: x": "on main.tf line 3, in
	 * resource "a" "b":" */
	if (STARTS(l + i, n - i, "on ") && !STARTS(l + i, n - i, "on line ")) {
		const char *w = cl_find(l + i, n - i, " line ", 6);
		size_t m;

		if (w && plausible_path(l + i + 3, (size_t)(w - l) - i - 3) &&
		    path_end(l, n, i + 3) == (size_t)(w - l) &&
		    (m = (size_t)(w - l) + 6, cl_read_int(l, n, &m, &loc->line)) &&
		    (m == n || l[m] == ',' || l[m] == ':')) {
			loc->file = i + 3;
			loc->file_len = (size_t)(w - l) - i - 3;
			return loc->kind = CL_LOC_FRAME;
		}
		memset(loc, 0, sizeof(*loc));
	}
	/* lezer-generator's "Reference to undefined rule 'x' (a.grammar
	 * 2:16)": the file, its line and column in parentheses ending the
	 * message */
	if (n - i > 8 && l[n - 1] == ')' && is_digit(l[n - 2]) &&
	    (fw = memrchr(l + i, '(', n - i)) && fw > l + i + 2 && fw[-1] == ' ') {
		size_t f = (size_t)(fw - l) + 1, e = f, m;

		while (e < n && l[e] != ' ' && l[e] != ')')
			e++;
		m = e + 1;
		if (e > f && e + 4 < n && l[e] == ' ' && plausible_path(l + f, e - f) &&
		    cl_read_int(l, n, &m, &loc->line) && m + 1 < n && l[m] == ':' &&
		    (m++, cl_read_int(l, n, &m, &loc->col)) && m == n - 1) {
			loc->file = f;
			loc->file_len = e - f;
			/* its column counts from 0 */
			loc->col++;
			loc->msg = i;
			loc->msg_len = (size_t)(fw - l) - 1 - i;
			return loc->kind = CL_LOC_INLINE;
		}
		memset(loc, 0, sizeof(*loc));
	}
	/* R Markdown's "Quitting from lines 13-15 (a.Rmd)" over R's error:
	 * a chunk's lines, its file after them in parentheses (asked of a
	 * line ending in a file's name in parentheses only) */
	if (l[n - 1] == ')' || l[n - 1] == ' ') {
		const char *w = NULL, *o;
		size_t m = 0, e = n;
		int last;

		while (e > i && l[e - 1] == ' ')
			e--;
		if (e > i + 9 && l[e - 1] == ')' && is_alpha(l[e - 2]) &&
		    (o = memrchr(l + i, '(', e - i)) && o > l + i + 7 && o[-1] == ' ' &&
		    is_digit(o[-2]) && memchr(o, '.', (size_t)(l + e - o)) &&
		    (w = cl_find(l + i, (size_t)(o - l) - i, " line", 5))) {
			size_t after = (size_t)(w - l) + 5;

			if (after + 1 >= e ||
			    (l[after] != ' ' && (l[after] != 's' || l[after + 1] != ' ')))
				w = NULL;
		}
		if (w) {
			m = (size_t)(w - l) + (w[5] == 's' ? 7 : 6);
			if (!cl_read_int(l, n, &m, &loc->line))
				m = 0;
			else if (m + 1 < n && l[m] == '-' && is_digit(l[m + 1]) &&
				 (m++, !cl_read_int(l, n, &m, &last)))
				m = 0;
		}
		if (m && m + 3 < e && l[m] == ' ' && l[m + 1] == '(' &&
		    path_end(l, e - 1, m + 2) == e - 1 &&
		    plausible_path(l + m + 2, e - 1 - m - 2)) {
			loc->file = m + 2;
			loc->file_len = e - 1 - m - 2;
			loc->pre = i;
			loc->pre_len = (size_t)(w - l) - i;
			return loc->kind = CL_LOC_ALONE;
		}
		memset(loc, 0, sizeof(*loc));
	}
	/* a heading in words over what went wrong there, the message some
	 * lines under it: Ledger's 'While parsing file "a.ledger", line 6:',
	 * BaseX's "Stopped at a.xq, 3/1:" over "[XPST0003] msg" */
	if (l[n - 1] == ':' && (l[i] == 'W' || l[i] == 'S') &&
	    heading_place(l, n, i, loc))
		return loc->kind = CL_LOC_ALONE;
	/* the place in words alone under the message */
	if (cl_place_in_words(l, n, loc))
		return loc->kind = CL_LOC_FRAME;
	memset(loc, 0, sizeof(*loc));
	if (fields_in_parens(l, n, loc))
		return loc->kind = loc->msg_len ? CL_LOC_INLINE : CL_LOC_ALONE;
	/* libsass under its message: "on line 3:10 of a.scss", "line 3 of
	 * a.scss"; MJML's "Line 5 of a.mjml (mj-text) — msg", the message
	 * after the place */
	if (STARTS(l + i, n - i, "on line ") || STARTS(l + i, n - i, "line ") ||
	    STARTS(l + i, n - i, "Line ")) {
		j = i + (l[i] == 'o' ? 8 : 5);
		if (cl_read_int(l, n, &j, &loc->line) &&
		    (j >= n || l[j] != ':' || (j++, cl_read_int(l, n, &j, &loc->col))) &&
		    STARTS(l + j, n - j, " of ") && (k = path_end(l, n, j + 4)) > j + 4 &&
		    plausible_path(l + j + 4, k - j - 4)) {
			loc->file = j + 4;
			loc->file_len = k - j - 4;
			if (k == n)
				return loc->kind = CL_LOC_ALONE;
			/* what it is about, in parentheses, then a dash or
			 * a colon and the message */
			if (STARTS(l + k, n - k, " (") && (fw = memchr(l + k, ')', n - k)))
				k = (size_t)(fw - l) + 1;
			k = skip_blanks(l, n, k);
			if (STARTS(l + k, n - k, "\xe2\x80\x94 ") || STARTS(l + k, n - k, "- ") ||
			    STARTS(l + k, n - k, ": ")) {
				k = skip_blanks(l, n, k + (l[k] == '\xe2' ? 4 : 2));
				if (k < n) {
					set_msg(loc, l, n, k);
					return loc->kind = CL_LOC_INLINE;
				}
			}
			loc->file = loc->file_len = 0;
		}
		loc->line = loc->col = 0;
	}
	/* Dart's stack (dart-sass's trace, "  path 2:10  root stylesheet",
	 * the test runner's "  test/a_test.dart 6:5  main.<fn>") */
	if (i > 0 && (j = path_end(l, n, i)) > i && j + 3 < n && l[j] == ' ' &&
	    is_digit(l[j + 1]) && plausible_path(l + i, j - i)) {
		k = j + 1;
		if (cl_read_int(l, n, &k, &loc->line) && k + 1 < n && l[k] == ':' &&
		    (k++, cl_read_int(l, n, &k, &loc->col)) &&
		    (k == n || (k + 1 < n && l[k] == ' ' && l[k + 1] == ' '))) {
			loc->file = i;
			loc->file_len = j - i;
			return loc->kind = CL_LOC_FRAME;
		}
		loc->line = loc->col = 0;
	}
	/* stylish: "  3:5  error  message  rule" under a file header; the
	 * unified tools (remark-lint, retext, alex, rehype) give the span,
	 * "3:5-3:13 warning message rule", indented or not; a severity's
	 * mark may open the row (tsd's "  ✖  4:19  msg") */
	k = is_digit(l[i]) ? i : l[i] == '\xe2' || l[i] == '\xc3' ?
		skip_sev_mark(l, n, i) : n;
	if (k < n && is_digit(l[k])) {
		bool span;

		j = k;
		if (cl_read_int(l, n, &j, &loc->line) && j + 1 < n && l[j] == ':' &&
		    is_digit(l[j + 1])) {
			j++;
			cl_read_int(l, n, &j, &loc->col);
			span = span_end(l, n, &j);
			/* two blanks after it, or one and a severity's mark
			 * (eclint's "    02:01 ❌ msg") */
			if (j + 1 < n && is_blank(l[j]) &&
			    (span || (k > 0 && (is_blank(l[j + 1]) ||
						skip_sev_mark(l, n, j + 1) > j + 1)))) {
				set_msg(loc, l, n, j);
				return loc->kind = CL_LOC_INLINE;
			}
		}
		loc->line = loc->col = 0;
	}
	/* tidy and friends: "line 6 column 3 - Warning: x", no file */
	if (STARTS(l + i, n - i, "line ") && is_digit(l[i + 5 < n ? i + 5 : i])) {
		j = i + 5;
		if (cl_read_int(l, n, &j, &loc->line) &&
		    STARTS(l + j, n - j, " column ") &&
		    (j += 8, cl_read_int(l, n, &j, &loc->col)) && j + 2 < n &&
		    l[j] == ' ' && l[j + 1] == '-' && l[j + 2] == ' ') {
			set_msg(loc, l, n, j);
			return loc->kind = CL_LOC_INLINE;
		}
		loc->line = loc->col = 0;
	}
	/* '"a.c", line 3: x', 'make: "Makefile" line 6: x' */
	if (memchr(l + i, '"', n - i < 40 ? n - i : 40)) {
		k = l[i] == '"' ? i : prefix_end(l, n, i);
		if (k && k < n && l[k] == '"' && quoted_place(l, n, k, loc)) {
			if (k > i) {
				loc->pre = i;
				loc->pre_len = k - i;
			}
			return loc->kind = loc->msg_len ? CL_LOC_INLINE : CL_LOC_ALONE;
		}
		memset(loc, 0, sizeof(*loc));
	}
	/* a label with no colon over the place alone, in a runner's block of
	 * fields (Poku's "        File a.test.js:6:10" under its failed
	 * assertion, with "Code", "Operator" under it) */
	if (i && (k = place_label_end(l, n, i)) && (j = place_at(l, n, k, loc)) &&
	    loc->line > 0 && skip_blanks(l, n, j) == n) {
		loc->pre = i;
		loc->pre_len = k - i;
		while (loc->pre_len && is_blank(l[i + loc->pre_len - 1]))
			loc->pre_len--;
		return loc->kind = CL_LOC_ALONE;
	}
	memset(loc, 0, sizeof(*loc));
	/* a program's name or a severity before the place: "luac: a.lua:3:
	 * x", "[ERROR] /src/A.java:3:5: x" */
	if (!(j = place_at(l, n, i, loc)) && (k = prefix_end(l, n, i)) &&
	    ((j = place_at(l, n, k, loc)) || (j = sev_then_place(l, n, &k, loc)))) {
		size_t m = j;

		while (m < n && (l[m] == ':' || is_blank(l[m])))
			m++;
		if (m >= n && loc->line > 0) {
			/* bandit's "Location: bd.py:3" under its report;
			 * "ParseError: a.styl:4:1" over its (the prefix kept) */
			loc->pre = i;
			loc->pre_len = k - i;
			while (loc->pre_len && (l[i + loc->pre_len - 1] == ' ' ||
						l[i + loc->pre_len - 1] == ':'))
				loc->pre_len--;
			return loc->kind = CL_LOC_ALONE;
		} else if (m >= n || (l[j] != ':' && !is_blank(l[j]))) {
			loc->line = loc->col = 0;
			loc->file = loc->file_len = 0;
			j = 0;
		} else {
			loc->pre = i;
			loc->pre_len = k - i;
		}
	}
	/* path:line[:col][:] message | path(line,col)[:] message */
	if (j) {
		if (STARTS(l + loc->file, loc->file_len, "file://")) {
			loc->file += 7;
			loc->file_len -= 7;
		}
		k = j;
		while (k < n && (l[k] == ':' || is_blank(l[k])))
			k++;
		if (k >= n)
			return loc->kind = CL_LOC_ALONE;
		/* the place must end where the message starts */
		if (l[j] != ':' && !is_blank(l[j]))
			return loc->kind = CL_LOC_NONE;
		set_msg(loc, l, n, j);
		return loc->kind = CL_LOC_INLINE;
	}
	/* libxslt: "runtime error: file a.xsl line 4 element value-of" (after the
	 * common shapes: most lines have returned by here) */
	if ((fw = cl_find(l + i, n - i, ": file ", 7))) {
		j = (size_t)(fw - l) + 7;
		k = path_end(l, n, j);
		if (k > j && STARTS(l + k, n - k, " line ") &&
		    plausible_path(l + j, k - j)) {
			size_t m = k + 6;

			if (cl_read_int(l, n, &m, &loc->line) && (m == n || is_blank(l[m]))) {
				loc->file = j;
				loc->file_len = k - j;
				loc->msg = i;
				loc->msg_len = (size_t)(fw - l) - i;
				return loc->kind = CL_LOC_INLINE;
			}
			loc->line = 0;
		}
	}
	/* rollup: "path (line:col)" on its own */
	if (l[n - 1] == ')') {
		j = path_end(l, n, i);
		if (j + 2 < n && l[j] == ' ' && l[j + 1] == '(' &&
		    plausible_path(l + i, j - i)) {
			k = j + 2;
			if (cl_read_int(l, n, &k, &loc->line) && k < n && l[k] == ':' &&
			    (k++, cl_read_int(l, n, &k, &loc->col)) && k == n - 1) {
				loc->file = i;
				loc->file_len = j - i;
				return loc->kind = CL_LOC_ALONE;
			}
			loc->line = loc->col = 0;
		}
	}
	/* Raku's backtrace: "  in block <unit> at a.raku line 1", "in sub
	 * total at lib/a.rakumod (A) line 3": a frame */
	if (STARTS(l + i, n - i, "in ") && is_digit(l[n - 1])) {
		const char *w = l + n, *at;
		size_t m, s, d;

		while (w > l + i && is_digit(w[-1]))
			w--;
		m = (size_t)(w - l);
		if (m > i + 10 && STARTS(w - 6, 6, " line ") &&
		    (at = cl_find(l + i, m - 6 - i, " at ", 4))) {
			s = (size_t)(at - l) + 4;
			for (m = s; m < n && !is_blank(l[m]); m++)
				;
			d = (size_t)(w - l);
			if (plausible_path(l + s, m - s) &&
			    cl_read_int(l, n, &d, &loc->line)) {
				loc->file = s;
				loc->file_len = m - s;
				loc->msg = i;
				loc->msg_len = (size_t)(at - l) - i;
				return loc->kind = CL_LOC_FRAME;
			}
		}
	}
	/* Perl and friends: "message at path line N." (or "..., near
	 * "x"", "..., <STDIN> line 1."): such a line ends in '.' or '"' */
	if (l[n - 1] == '.' || l[n - 1] == '"') {
		const char *w = l + i;
		size_t left = n - i;

		while ((w = cl_find(w, left, " line ", 6))) {
			size_t at = (size_t)(w - l), m = at + 6, s;

			left = n - (at + 6);
			w += 6;
			if (!cl_read_int(l, n, &m, &loc->line))
				continue;
			s = at;
			while (s > i && !is_blank(l[s - 1]))
				s--;
			if (s >= i + 4 && STARTS(l + s - 4, 4, " at ") &&
			    plausible_path(l + s, at - s)) {
				loc->file = s;
				loc->file_len = at - s;
				loc->msg = i;
				loc->msg_len = s - 4 - i;
				return loc->kind = CL_LOC_INLINE;
			}
		}
		loc->line = 0;
	}
	if (trailing_place(l, n, i, loc) || line_col_in_file(l, n, i, loc))
		return loc->kind = CL_LOC_INLINE;
	if (sev_trailing_place(l, n, i, loc))
		return loc->kind = CL_LOC_INLINE;
	if (bracketed_place(l, n, i, loc))
		return loc->kind = loc->kind == CL_LOC_FRAME ? CL_LOC_FRAME :
				   CL_LOC_INLINE;
	if (paren_line_col(l, n, i, loc))
		return loc->kind = CL_LOC_INLINE;
	if (sev_in_place(l, n, i, loc) && loc->line > 0)
		return loc->kind = CL_LOC_ALONE;
	memset(loc, 0, sizeof(*loc));
	if (quoted_place(l, n, i, loc) || lua_chunk_place(l, n, i, loc) ||
	    stand_in_place(l, n, i, loc))
		return loc->kind = CL_LOC_INLINE;
	memset(loc, 0, sizeof(*loc));
	return CL_LOC_NONE;
}

/* ---- words ---- */

/* The bytes of a message its words are read in. */
#define CL_WORDS_MAX 512

struct phrase {
	const char *text; /* lower case */
	const char *category;
};

/* First match wins: the more specific phrases come first. */
static const struct phrase phrases[] = {
	/* an expectation on what was raised: RSpec's "expected
	 * RuntimeError, got #<ArgumentError: x>" */
	{ ", got #<", CAT_TEST_FAILURE },
	/* a portability rule's, whatever its words: ShellCheck's "In POSIX
	 * sh, == in place of = is undefined." */
	{ "in posix sh", CAT_LINT_VIOLATION },
	/* a checked exception the method neither catches nor declares
	 * (javac's "unreported exception FileNotFoundException; must be
	 * caught or declared to be thrown"): its type lacks it */
	{ "must be caught or declared", CAT_TYPE_ERROR },
	/* MySQL's and MariaDB's parse error, whatever the advice after it
	 * ("You have an error in your SQL syntax; check the manual that
	 * corresponds to your MariaDB server version ...") */
	{ "in your sql syntax", CAT_SYNTAX_ERROR },
	/* a namespace the project does not have (nbb's and SCI's "Could not
	 * find namespace: shop.rates") */
	{ "could not find namespace", CAT_IMPORT_RESOLUTION },
	/* Node's SyntaxError on ESM syntax in a file it reads as CommonJS
	 * (jest's "Jest encountered an unexpected token" over it) */
	{ "cannot use import statement", CAT_SYNTAX_ERROR },
	/* a reserved word where the grammar forbids it (acorn's "Cannot use
	 * keyword 'await' outside an async function") */
	{ "cannot use keyword", CAT_SYNTAX_ERROR },
	/* make's prerequisite that no rule makes and no file is */
	{ "no rule to make target", CAT_IMPORT_RESOLUTION },
	/* a module or system no one installed, asked for by Common Lisp's
	 * REQUIRE (ABCL's "Don't know how to REQUIRE SHOP-UTILS.") */
	{ "know how to require", CAT_MISSING_DEPENDENCY },
	/* Common Lisp's condition types, as a debugger names them ("...
	 * invoked on condition of type END-OF-FILE") */
	{ "type end-of-file", CAT_SYNTAX_ERROR },
	{ "type reader-error", CAT_SYNTAX_ERROR },
	{ "type unbound-variable", CAT_UNDEFINED_SYMBOL },
	/* an exception raised by a test of the module's own (Augeas'
	 * "exception thrown in test") */
	{ "thrown in test", CAT_TEST_FAILURE },
	/* a value a type cannot read, whatever "syntax" says: PostgreSQL's
	 * "invalid input syntax for type numeric: \"ten\"" */
	{ "input syntax for type", CAT_TYPE_ERROR },
	/* ISO Prolog's error terms, as GNU, SWI and others print them
	 * ("error(existence_error(procedure,price/2),main/0)") */
	{ "existence_error(procedure", CAT_UNDEFINED_SYMBOL },
	{ "existence_error(source_sink", CAT_IMPORT_RESOLUTION },
	{ "instantiation_error", CAT_TYPE_ERROR },
	{ "type_error(", CAT_TYPE_ERROR },
	{ "domain_error(", CAT_TYPE_ERROR },
	{ "representation_error(", CAT_TYPE_ERROR },
	{ "evaluation_error(", CAT_TYPE_ERROR },
	{ "syntax_error(", CAT_SYNTAX_ERROR },
	/* LLVM's FileCheck under lit: "CHECK-NEXT: expected string not found
	 * in input", "CHECK-NOT: excluded string found in input", "no check
	 * strings found with prefix 'FOO:'" (a test's expectation, not a
	 * grammar's "expected") */
	{ "string not found in input", CAT_TEST_FAILURE },
	{ "string found in input", CAT_TEST_FAILURE },
	{ "no check strings found", CAT_TEST_FAILURE },
	/* an element a schema has no place for: libxml2's Relax-NG
	 * "Expecting element section, got frob", Jing's 'element "blink"
	 * not allowed here' (epubcheck's, trang's); a name the schema does
	 * not define there, not the text's grammar */
	{ "expecting element ", CAT_UNDEFINED_SYMBOL },
	{ "did not expect element ", CAT_UNDEFINED_SYMBOL },
	{ "\" not allowed here", CAT_UNDEFINED_SYMBOL },
	/* FOP's '"fo:blok" is not a valid child of "fo:flow"!' */
	{ "\" is not a valid child", CAT_UNDEFINED_SYMBOL },
	{ "\" not allowed anywhere", CAT_UNDEFINED_SYMBOL },
	{ "undefined reference", CAT_LINK_ERROR },
	{ "multiple definition", CAT_LINK_ERROR },
	{ "undefined symbol", CAT_LINK_ERROR },
	{ "unresolved external", CAT_LINK_ERROR },
	{ "ld returned", CAT_LINK_ERROR },
	/* an assertion retried until it gave up (Cypress' "Timed out
	 * retrying after 4000ms: expected '<h1>' to have text '5'"): the
	 * test's expectation failed, nothing hung */
	{ "timed out retrying", CAT_TEST_FAILURE },
	{ "timed out", CAT_TIMEOUT },
	{ "timeout of", CAT_TIMEOUT },
	{ "exceeded timeout", CAT_TIMEOUT },
	/* a test or a step over its time ("Test took longer than 10s",
	 * "step took longer than 300s"), before later_phrases' line length */
	{ "took longer than", CAT_TIMEOUT },
	/* "Method A::f() should return int but returns string." (PHPStan),
	 * a value of another type than declared */
	{ "but returns ", CAT_TYPE_ERROR },
	{ "does not provide an export", CAT_MISSING_EXPORT },
	{ "has no exported member", CAT_MISSING_EXPORT },
	{ "is not exported", CAT_MISSING_EXPORT },
	/* 'No matching export in "a.js" for import "b"' */
	{ "no matching export", CAT_MISSING_EXPORT },
	{ "cannot import name", CAT_MISSING_EXPORT },
	/* SpiderMonkey's (Firefox's, gjs') "SyntaxError: import not found:
	 * helper": the name imported, not the module (Caddy's "File to
	 * import not found: x" is a file) */
	{ ": import not found: ", CAT_MISSING_EXPORT },
	{ "no module named", CAT_IMPORT_RESOLUTION },
	/* R's "there is no package called 'x'" */
	{ "no package called", CAT_MISSING_DEPENDENCY },
	/* Titan's "There is no module with identifier `x'", YARA's
	 * 'unknown module "x"' */
	{ "no module with", CAT_IMPORT_RESOLUTION },
	{ "unknown module", CAT_IMPORT_RESOLUTION },
	{ "cannot find module", CAT_IMPORT_RESOLUTION },
	{ "can't find module", CAT_IMPORT_RESOLUTION },
	{ "cannot find package", CAT_IMPORT_RESOLUTION },
	{ "module not found", CAT_IMPORT_RESOLUTION },
	/* a name, not a module: Clojure's "Unable to resolve symbol: x",
	 * IntelliJ's "Cannot resolve symbol 'x'", "cannot resolve method" */
	/* Flow's "Cannot resolve name `x`", Hack's and Pyre's "Unbound
	 * name", "unbound identifier" (Racket) */
	{ "resolve name", CAT_UNDEFINED_SYMBOL },
	{ "unbound name", CAT_UNDEFINED_SYMBOL },
	{ "unbound identifier", CAT_UNDEFINED_SYMBOL },
	/* a JSON reference to nothing: Redocly's "Can't resolve $ref",
	 * before "can't resolve" (a module's) */
	{ "resolve $ref", CAT_UNDEFINED_SYMBOL },
	/* Coq's "Cannot find a physical path bound to logical path
	 * Shop.Prices": a library of the project's load path */
	{ "bound to logical path", CAT_IMPORT_RESOLUTION },
	/* pandoc's "Could not fetch resource img/a.png": a file the
	 * document names */
	{ "could not fetch resource", CAT_IMPORT_RESOLUTION },
	/* BibTeX's "I didn't find a database entry for \"smith99\"": a
	 * citation's key no entry defines */
	{ "find a database entry", CAT_UNDEFINED_SYMBOL },
	/* an operation the values' kinds do not have, before any name
	 * undefined below (clingo's "operation undefined: (1+"two")") */
	{ "operation undefined", CAT_TYPE_ERROR },
	/* LaTeX's "Reference `tab:x' on page 1 undefined on input line 4",
	 * "Citation `k' ... undefined" */
	{ "undefined on input line", CAT_UNDEFINED_SYMBOL },
	/* OCaml's "Unbound module Stats": a module nothing provides */
	{ "unbound module", CAT_IMPORT_RESOLUTION },
	{ "resolve symbol", CAT_UNDEFINED_SYMBOL },
	{ "resolve method", CAT_UNDEFINED_SYMBOL },
	{ "resolve variable", CAT_UNDEFINED_SYMBOL },
	/* a name looked up that nothing answered: hidl-gen's "Failed to
	 * lookup type 'Money'" (the kind it names is no type error) */
	{ "failed to lookup", CAT_UNDEFINED_SYMBOL },
	{ "failed to look up", CAT_UNDEFINED_SYMBOL },
	{ "unable to lookup", CAT_UNDEFINED_SYMBOL },
	{ "unable to look up", CAT_UNDEFINED_SYMBOL },
	/* a jump to a label nothing defines: makensis's "could not resolve
	 * label "done"" */
	{ "resolve label", CAT_UNDEFINED_SYMBOL },
	{ "resolve function", CAT_UNDEFINED_SYMBOL },
	{ "resolve identifier", CAT_UNDEFINED_SYMBOL },
	/* Eclipse's compiler: "count cannot be resolved to a variable",
	 * "Foo cannot be resolved to a type", "x cannot be resolved or is
	 * not a field" (its imports' "The import x cannot be resolved" stay
	 * unresolved imports) */
	{ "be resolved to a", CAT_UNDEFINED_SYMBOL },
	{ "resolved or is not a field", CAT_UNDEFINED_SYMBOL },
	/* a call no overload takes: TypeProf's "failed to resolve
	 * overload", Kotlin's "Overload resolution ambiguity", C#'s "No
	 * overload for method", TypeScript's "No overload matches this
	 * call": the arguments' types, not a module that does not resolve */
	{ "resolve overload", CAT_TYPE_ERROR },
	{ "overload resolution", CAT_TYPE_ERROR },
	/* a value a reader could not make into the type it wanted: GLib's
	 * JSON-GLib "Failed to deserialize "x" property of type "gchararray"",
	 * serde's "failed to deserialize" */
	{ "to deserialize", CAT_TYPE_ERROR },
	{ "no overload", CAT_TYPE_ERROR },
	{ "matching overload", CAT_TYPE_ERROR },
	{ "could not resolve", CAT_IMPORT_RESOLUTION },
	/* Maven's "Plugin x:y:2.6 or one of its dependencies could not be
	 * resolved": a package to fetch */
	{ "dependencies could not be resolved", CAT_MISSING_DEPENDENCY },
	{ "could not be resolved", CAT_IMPORT_RESOLUTION },
	{ "cannot resolve", CAT_IMPORT_RESOLUTION },
	{ "can't resolve", CAT_IMPORT_RESOLUTION },
	{ "failed to resolve", CAT_IMPORT_RESOLUTION },
	{ "unresolved import", CAT_IMPORT_RESOLUTION },
	{ "unable to resolve", CAT_IMPORT_RESOLUTION },
	/* "unresolvable import", dependency-cruiser's "not-to-unresolvable" */
	{ "unresolvable", CAT_IMPORT_RESOLUTION },
	/* modules that import each other: Go's "import cycle not allowed",
	 * Python's "circular import", GHC's "imports form a cycle", bundlers'
	 * "Circular dependency" */
	{ "import cycle", CAT_IMPORT_RESOLUTION },
	{ "circular import", CAT_IMPORT_RESOLUTION },
	{ "cyclic import", CAT_IMPORT_RESOLUTION },
	{ "imports form a cycle", CAT_IMPORT_RESOLUTION },
	{ "circular dependency", CAT_IMPORT_RESOLUTION },
	/* Godot's "Can't preload resource at path: res://missing.tscn" */
	{ "preload resource", CAT_IMPORT_RESOLUTION },
	/* a PEM file whose base64 is broken (certtool's "Base64
	 * unexpected header error") */
	{ "unexpected header", CAT_SYNTAX_ERROR },
	/* a mutation test's score under its gate (Stryker's "Final
	 * mutation score 62.50 under breaking threshold 75"), a mutant the
	 * tests let live ("[Survived] ArithmeticOperator") */
	{ "breaking threshold", CAT_LINT_VIOLATION },
	/* an accessibility rule's (HTML-Proofer's "image x.png does not
	 * have an alt attribute", pa11y's "insufficient contrast", "should
	 * have a lang or xml:lang attribute") */
	{ "alt attribute", CAT_LINT_VIOLATION },
	{ "alt text", CAT_LINT_VIOLATION },
	{ "lang attribute", CAT_LINT_VIOLATION },
	{ "insufficient contrast", CAT_LINT_VIOLATION },
	{ "contrast ratio", CAT_LINT_VIOLATION },
	{ "survived", CAT_LINT_VIOLATION },
	/* a build graph's steps that wait on each other (Wireit's "Cycle
	 * detected in dependencies of "build"") */
	{ "cycle detected", CAT_IMPORT_RESOLUTION },
	{ "dependency cycle", CAT_IMPORT_RESOLUTION },
	{ "cyclic dependenc", CAT_IMPORT_RESOLUTION },
	{ "import-error", CAT_IMPORT_RESOLUTION },
	{ "import-untyped", CAT_MISSING_DEPENDENCY },
	{ "import-not-found", CAT_IMPORT_RESOLUTION },
	{ "not installed", CAT_MISSING_DEPENDENCY },
	/* Emacs package-lint's "Package x is not installable" */
	{ "not installable", CAT_MISSING_DEPENDENCY },
	/* a module to install: Perl's "Can't locate X.pm in @INC (you may
	 * need to install the X module)", installers' "you need to install" */
	{ "need to install", CAT_MISSING_DEPENDENCY },
	/* a dependency told missing or unmet: apt's "unmet dependencies",
	 * "Missing dependency: x", "required dependency", Go's "no required
	 * module provides package" (every Go tool that loads packages) */
	{ "unmet dependenc", CAT_MISSING_DEPENDENCY },
	/* dpkg-checkbuilddeps' "Unmet build dependencies: x" */
	{ "unmet build dependenc", CAT_MISSING_DEPENDENCY },
	{ "missing dependenc", CAT_MISSING_DEPENDENCY },
	/* Mix's "Unchecked dependencies for environment dev:" over "the
	 * dependency is not available, run \"mix deps.get\"" */
	{ "unchecked dependenc", CAT_MISSING_DEPENDENCY },
	{ "dependency is not available", CAT_MISSING_DEPENDENCY },
	/* the same in other words: pip-missing-reqs' "Missing
	 * requirements", knip's "Unlisted dependencies", eslint-plugin-
	 * import's "'x' should be listed in the project's dependencies" */
	{ "missing requirement", CAT_MISSING_DEPENDENCY },
	{ "unlisted dependenc", CAT_MISSING_DEPENDENCY },
	{ "listed in the project's dependenc", CAT_MISSING_DEPENDENCY },
	{ "required dependenc", CAT_MISSING_DEPENDENCY },
	{ "required module provides", CAT_MISSING_DEPENDENCY },
	/* but Perl's "Can't locate object method "f" via package "P"" is a
	 * method no package defines */
	{ "locate object method", CAT_UNDEFINED_SYMBOL },
	/* a tool or package older than the one asked for: Autoconf's
	 * "Autoconf version 2.80 or higher is required", CMake's "CMake 3.20
	 * or higher is required", "Python 3.10 or later is required", "Node.js
	 * 18 or newer is required" */
	{ "higher is required", CAT_MISSING_DEPENDENCY },
	{ "later is required", CAT_MISSING_DEPENDENCY },
	{ "newer is required", CAT_MISSING_DEPENDENCY },
	{ "command not found", CAT_MISSING_DEPENDENCY },
	{ "missing library", CAT_MISSING_DEPENDENCY },
	{ "could not find a package", CAT_MISSING_DEPENDENCY },
	{ "package configuration file", CAT_MISSING_DEPENDENCY },
	{ "file not found", CAT_IMPORT_RESOLUTION },
	/* a make's missing prerequisite: BSD make's and NMAKE's "don't know
	 * how to make x.c", GNU make's "No rule to make target", makepp's
	 * "No rule to make x.o" */
	{ "don't know how to make", CAT_IMPORT_RESOLUTION },
	{ "no rule to make ", CAT_IMPORT_RESOLUTION },
	{ "to import", CAT_IMPORT_RESOLUTION },
	/* the other order: Cap'n Proto's "Import failed: x.capnp", Python
	 * tools' "import failed for x" */
	{ "import failed", CAT_IMPORT_RESOLUTION },
	{ "syntax error", CAT_SYNTAX_ERROR },
	/* a decoder that could not read its input (Go's: Hugo's "unmarshal
	 * failed: toml: x", "failed to unmarshal YAML: x") */
	{ "unmarshal failed", CAT_SYNTAX_ERROR },
	{ "failed to unmarshal", CAT_SYNTAX_ERROR },
	/* Go's text/template at a field the value lacks (Hugo's, Helm's
	 * "can't evaluate field Nosuch in type T") */
	{ "can't evaluate field", CAT_UNDEFINED_SYMBOL },
	/* a name or number given twice, as a duplicate definition is
	 * (buf's "field number `1` used more than once") */
	{ "used more than once", CAT_SYNTAX_ERROR },
	{ "defined more than once", CAT_SYNTAX_ERROR },
	{ "declared more than once", CAT_SYNTAX_ERROR },
	/* a keyword given nothing: sshd's "no argument after keyword
	 * \"Subsystem\"", smartd's "Missing argument to -m Directive" */
	{ "no argument after", CAT_SYNTAX_ERROR },
	/* a keyword nobody defined: ssh's and sshd's "Bad configuration
	 * option: PermitRootLogn" */
	{ "bad configuration option", CAT_UNDEFINED_SYMBOL },
	{ "missing argument to", CAT_SYNTAX_ERROR },
	/* gperf's "missing argument in %define lookup-function-name ARG
	 * declaration" */
	{ "missing argument in ", CAT_SYNTAX_ERROR },
	/* quotes that do not pair: sshd's "invalid quotes", "unbalanced
	 * quotes" */
	{ "invalid quotes", CAT_SYNTAX_ERROR },
	/* a line or a literal not in the shape it must have: dpkg's "badly
	 * formatted trailer line" */
	{ "badly formatted", CAT_SYNTAX_ERROR },
	/* po4a's "Unparsable command 'x'", msgfmt's "end-of-line within
	 * string" (a string left open) */
	{ "unparsable", CAT_SYNTAX_ERROR },
	{ "unparseable", CAT_SYNTAX_ERROR },
	{ "end-of-line within", CAT_SYNTAX_ERROR },
	{ "unbalanced quote", CAT_SYNTAX_ERROR },
	/* the input stopped inside a form: CLISP's "input stream ... ends
	 * within an object", Gambit's "Incomplete form, EOF reached" */
	{ "ends within", CAT_SYNTAX_ERROR },
	{ "eof reached", CAT_SYNTAX_ERROR },
	/* a form the grammar cannot take: Scheme's "Ill-formed binding",
	 * "ill-formed special form" */
	{ "ill-formed", CAT_SYNTAX_ERROR },
	/* a token the parser met alone: Neko's "Unexpected ;", "unexpected
	 * )" */
	{ "unexpected ;", CAT_SYNTAX_ERROR },
	{ "unexpected )", CAT_SYNTAX_ERROR },
	{ "unexpected }", CAT_SYNTAX_ERROR },
	{ "unexpected ]", CAT_SYNTAX_ERROR },
	/* a parser that gave up: "Failed to parse source" (vite), "could not
	 * parse" (cargo's manifests, Go's), "unable to parse", "cannot parse" */
	{ "failed to parse", CAT_SYNTAX_ERROR },
	{ "could not parse", CAT_SYNTAX_ERROR },
	{ "unable to parse", CAT_SYNTAX_ERROR },
	{ "cannot parse", CAT_SYNTAX_ERROR },
	/* Privoxy's "can't completely parse the action section" */
	{ "can't parse", CAT_SYNTAX_ERROR },
	{ "couldn't parse", CAT_SYNTAX_ERROR },
	{ "completely parse", CAT_SYNTAX_ERROR },
	{ "syntaxerror", CAT_SYNTAX_ERROR },
	{ "parseerror", CAT_SYNTAX_ERROR },
	{ "parsererror", CAT_SYNTAX_ERROR },
	{ "invalid syntax", CAT_SYNTAX_ERROR },
	{ "parse error", CAT_SYNTAX_ERROR },
	{ "parsing error", CAT_SYNTAX_ERROR },
	{ "parser error", CAT_SYNTAX_ERROR },
	/* an INI file's text before its first "[section]": Python's
	 * configparser's "File contains no section headers." */
	{ "no section header", CAT_SYNTAX_ERROR },
	/* lighttpd's "parser failed somehow near here", config readers'
	 * "parsing failed", webpack's "Module parse failed" */
	{ "parser failed", CAT_SYNTAX_ERROR },
	{ "parsing failed", CAT_SYNTAX_ERROR },
	{ "parse failed", CAT_SYNTAX_ERROR },
	{ "unexpected token", CAT_SYNTAX_ERROR },
	/* a pattern that does not compile: SpamAssassin's "invalid regexp
	 * for MY_RULE '/viagra'", "invalid regular expression" */
	{ "invalid regex", CAT_SYNTAX_ERROR },
	{ "invalid regular expression", CAT_SYNTAX_ERROR },
	/* a field's value its checker did not take (bibclean's "Unexpected
	 * value in ``month = "Smarch"''"): a value's, not the grammar's */
	{ "unexpected value", CAT_TYPE_ERROR },
	{ "unexpected end", CAT_SYNTAX_ERROR },
	/* the input stopped inside something: libxml2's "Premature end of
	 * data in tag", bison's and flex's "premature end of file", Tcl's,
	 * PostScript readers' "premature EOF" */
	{ "premature end", CAT_SYNTAX_ERROR },
	{ "premature eof", CAT_SYNTAX_ERROR },
	{ "unexpected eof", CAT_SYNTAX_ERROR },
	/* whitespace the style wants gone, before "end of input": mandoc's
	 * "whitespace at end of input line", chktex's and editors' "at end
	 * of line" (flake8 and git say "trailing whitespace", below) */
	{ "whitespace at end", CAT_LINT_VIOLATION },
	/* a file's last line with no line break is a style rule's (clang's
	 * -Wnewline-eof "no newline at end of file", eslint's eol-last
	 * "Newline required at end of file", "missing final newline") */
	{ "newline at end", CAT_LINT_VIOLATION },
	{ "final newline", CAT_LINT_VIOLATION },
	{ "end of file", CAT_SYNTAX_ERROR },
	{ "end of input", CAT_SYNTAX_ERROR },
	/* ... or a function's with a block still open: GNU complexity's
	 * "end of f() in a.c reached with open control blocks" */
	{ "reached with open", CAT_SYNTAX_ERROR },
	/* JSON.parse in every Node tool: "... in JSON at position 15" */
	{ "in json at position", CAT_SYNTAX_ERROR },
	{ "eof encountered", CAT_SYNTAX_ERROR },
	{ "without end", CAT_SYNTAX_ERROR },
	{ "not terminated", CAT_SYNTAX_ERROR },
	/* XML parsers: "The element type "b" must be terminated by the
	 * matching end-tag" (Xerces, jing), "Opening and ending tag
	 * mismatch" (libxml2) */
	{ "must be terminated", CAT_SYNTAX_ERROR },
	{ "matching end-tag", CAT_SYNTAX_ERROR },
	{ "never closed", CAT_SYNTAX_ERROR },
	{ "semicolon needed", CAT_SYNTAX_ERROR },
	{ "semicolon expected", CAT_SYNTAX_ERROR },
	{ "expected semicolon", CAT_SYNTAX_ERROR },
	/* bibclean's "Expected comma after last field ``title''" */
	{ "expected comma", CAT_SYNTAX_ERROR },
	{ "comma expected", CAT_SYNTAX_ERROR },
	{ "unexpected character", CAT_SYNTAX_ERROR },
	{ "unexpected symbol", CAT_SYNTAX_ERROR },
	{ "unexpected keyword", CAT_SYNTAX_ERROR },
	{ "unexpected \"", CAT_SYNTAX_ERROR },
	/* the token the parser met, quoted or named: "Unexpected input: '('"
	 * (Groovy), "unexpected '}'", "Unexpected identifier", "unexpected
	 * newline" */
	{ "unexpected '", CAT_SYNTAX_ERROR },
	{ "unexpected `", CAT_SYNTAX_ERROR },
	{ "unexpected input", CAT_SYNTAX_ERROR },
	{ "unexpected identifier", CAT_SYNTAX_ERROR },
	{ "unexpected newline", CAT_SYNTAX_ERROR },
	{ "unexpected string", CAT_SYNTAX_ERROR },
	{ "unexpected number", CAT_SYNTAX_ERROR },
	/* the token after a colon: Jsonnet's 'unexpected: "}"', parsers'
	 * "Unexpected: EOF" */
	{ "unexpected: ", CAT_SYNTAX_ERROR },
	/* a character no token starts with: GHC's, OCaml's, Coq's and
	 * JavaCC's "lexical error", V8's "Invalid or unexpected token",
	 * Python's "invalid token" */
	{ "lexical error", CAT_SYNTAX_ERROR },
	{ "invalid token", CAT_SYNTAX_ERROR },
	{ "unterminated", CAT_SYNTAX_ERROR },
	/* hindent's (haskell-src-exts') "Improperly terminated string" */
	{ "improperly terminated", CAT_SYNTAX_ERROR },
	/* HCL's (Terraform's, Packer's) "Argument or block definition
	 * required" where neither was written */
	{ "block definition required", CAT_SYNTAX_ERROR },
	{ "unclosed", CAT_SYNTAX_ERROR },
	/* gnuplot's "unfinished range", "unfinished string" */
	{ "unfinished", CAT_SYNTAX_ERROR },
	/* the text ended inside a construct: NSD's "EOF inside quoted
	 * string" */
	{ "eof inside", CAT_SYNTAX_ERROR },
	/* a construct the input stopped in the middle of: BaseX's
	 * "Calculation is incomplete", "incomplete statement" (SQL shells,
	 * PSPP), "incomplete expression" */
	{ "is incomplete", CAT_SYNTAX_ERROR },
	{ "incomplete statement", CAT_SYNTAX_ERROR },
	/* bcc's "need ';'": a token the parser had to have */
	{ "need ';'", CAT_SYNTAX_ERROR },
	{ "need ')'", CAT_SYNTAX_ERROR },
	{ "need ']'", CAT_SYNTAX_ERROR },
	{ "need '}'", CAT_SYNTAX_ERROR },
	{ "need ':'", CAT_SYNTAX_ERROR },
	{ "need '='", CAT_SYNTAX_ERROR },
	/* squid's "Bungled a.conf line 2: acl ...", icmake's "error in
	 * expression" */
	{ "bungled", CAT_SYNTAX_ERROR },
	{ "error in expression", CAT_SYNTAX_ERROR },
	{ "incomplete expression", CAT_SYNTAX_ERROR },
	{ "unmatched", CAT_SYNTAX_ERROR },
	/* a conditional's directive where none is open (unifdef's
	 * "Inappropriate #endif", gpp's "#endif without #if"; not a
	 * linter's "#endif line should be ...") */
	{ "inappropriate #", CAT_SYNTAX_ERROR },
	{ "unexpected #", CAT_SYNTAX_ERROR },
	{ "#endif without", CAT_SYNTAX_ERROR },
	{ "#else without", CAT_SYNTAX_ERROR },
	{ "#elif without", CAT_SYNTAX_ERROR },
	/* perltidy's "The most recent un-matched '{' is on line 3" */
	{ "un-matched", CAT_SYNTAX_ERROR },
	{ "tag mismatch", CAT_SYNTAX_ERROR },
	{ "expected ';'", CAT_SYNTAX_ERROR },
	{ "expected \";\"", CAT_SYNTAX_ERROR },
	{ "expected expression", CAT_SYNTAX_ERROR },
	/* the other order (TypeScript, Pascal, Go's "expression expected") */
	{ "expression expected", CAT_SYNTAX_ERROR },
	/* "Expected an identifier and instead saw ';'" */
	{ "expected an identifier", CAT_SYNTAX_ERROR },
	{ "expected an expression", CAT_SYNTAX_ERROR },
	{ "illegal character", CAT_SYNTAX_ERROR },
	/* a lexer's in other words: Go's "invalid character U+0040" and its
	 * JSON reader's "invalid character 'x' looking for beginning of
	 * value" (every Go tool), TOML's and JSON5's */
	{ "invalid character", CAT_SYNTAX_ERROR },
	/* GCC's front ends (C, C++, Objective-C, D): "expected identifier or
	 * '(' before '}' token", "stray '@' in program" */
	{ "expected identifier", CAT_SYNTAX_ERROR },
	{ "' token", CAT_SYNTAX_ERROR },
	/* a statement where the grammar does not allow it: Python's
	 * "'return' outside function", "'break' outside loop", javac's
	 * "illegal start of expression" */
	{ "outside function", CAT_SYNTAX_ERROR },
	{ "outside loop", CAT_SYNTAX_ERROR },
	{ "illegal start of", CAT_SYNTAX_ERROR },
	/* libyaml's scanner and parser, in every tool reading YAML through it
	 * (PyYAML, Psych, yamllint, Ansible; go-yaml says the same):
	 * "mapping values are not allowed here", "did not find expected
	 * key", "could not find expected ':'", "found character that cannot
	 * start any token", "while scanning a quoted scalar" */
	{ "mapping values", CAT_SYNTAX_ERROR },
	{ "find expected", CAT_SYNTAX_ERROR },
	{ "start any token", CAT_SYNTAX_ERROR },
	{ "while scanning", CAT_SYNTAX_ERROR },
	/* make's "*** missing separator.  Stop." (a recipe line without its
	 * tab), HCL's and bc's "Invalid expression" */
	{ "missing separator", CAT_SYNTAX_ERROR },
	/* the input ended where the grammar wanted more: yapps2's "Trying
	 * to find RP: ..., got EOF" */
	{ "got eof", CAT_SYNTAX_ERROR },
	/* blocks that do not close as they open: indent's "Stmt nesting
	 * error.", and "nesting error" in other formatters' words */
	{ "nesting error", CAT_SYNTAX_ERROR },
	{ "invalid expression", CAT_SYNTAX_ERROR },
	/* Python's "expected an indented block": its grammar's, not the
	 * style checker's indentation expected_got reads */
	{ "indented block", CAT_SYNTAX_ERROR },
	/* a line indented where the grammar does not allow it: Python's
	 * "unexpected indent", docutils' "unexpected unindent" */
	{ "unexpected indent", CAT_SYNTAX_ERROR },
	{ "unexpected unindent", CAT_SYNTAX_ERROR },
	{ "unindent does not match", CAT_SYNTAX_ERROR },
	/* YAML's grammar, as js-yaml (in most Node tools) and PyYAML tell
	 * it: "missed comma between flow collection entries", "bad
	 * indentation of a mapping entry", "while parsing a block mapping",
	 * "end of the stream or a document separator is expected" */
	{ "flow collection", CAT_SYNTAX_ERROR },
	{ "mapping entry", CAT_SYNTAX_ERROR },
	{ "block mapping", CAT_SYNTAX_ERROR },
	/* PyYAML's "while parsing a block collection ... did not find
	 * expected '-' indicator" (ansible-lint's load-failure) */
	{ "block collection", CAT_SYNTAX_ERROR },
	/* pandoc's "YAML parse exception at line 3, column 0" */
	{ "parse exception", CAT_SYNTAX_ERROR },
	{ "did not find expected", CAT_SYNTAX_ERROR },
	{ "document separator", CAT_SYNTAX_ERROR },
	/* Python's TabError: the grammar's, not a style rule's */
	{ "inconsistent use of tabs", CAT_SYNTAX_ERROR },
	/* what is left over after a statement the parser read: GNU as's
	 * "junk at end of line", cpp's "extra tokens at end of #include",
	 * sed's "extra characters after command", gdb's and assemblers'
	 * "garbage at end of", "trailing garbage" */
	{ "junk at end", CAT_SYNTAX_ERROR },
	{ "junk `", CAT_SYNTAX_ERROR },
	{ "junk after", CAT_SYNTAX_ERROR },
	{ "extra characters", CAT_SYNTAX_ERROR },
	{ "garbage at end", CAT_SYNTAX_ERROR },
	{ "garbage at the end", CAT_SYNTAX_ERROR },
	{ "garbage after", CAT_SYNTAX_ERROR },
	{ "garbage following", CAT_SYNTAX_ERROR },
	{ "trailing garbage", CAT_SYNTAX_ERROR },
	{ "extra tokens", CAT_SYNTAX_ERROR },
	{ "trailing characters", CAT_SYNTAX_ERROR },
	/* an input cut short, or in no format the tool reads: mp3val's "It seems
	 * that file is truncated", "Unknown file format" */
	{ "file is truncated", CAT_SYNTAX_ERROR },
	{ "truncated file", CAT_SYNTAX_ERROR },
	{ "unknown file format", CAT_SYNTAX_ERROR },
	{ "unrecognized file format", CAT_SYNTAX_ERROR },
	/* a bracket that does not close: "Couldn't find closing bracket",
	 * "expected closing brace", "unbalanced parentheses" */
	{ "closing bracket", CAT_SYNTAX_ERROR },
	{ "closing brace", CAT_SYNTAX_ERROR },
	{ "closing paren", CAT_SYNTAX_ERROR },
	{ "unbalanced", CAT_SYNTAX_ERROR },
	/* an assembler's mnemonic it does not know (llvm-mc's "invalid
	 * instruction mnemonic", yasm's "unrecognized instruction"; GNU as's
	 * "no such instruction" is read with "not found" below) */
	{ "invalid instruction", CAT_SYNTAX_ERROR },
	{ "unknown instruction", CAT_SYNTAX_ERROR },
	{ "unrecognized instruction", CAT_SYNTAX_ERROR },
	{ "unknown opcode", CAT_SYNTAX_ERROR },
	{ "invalid opcode", CAT_SYNTAX_ERROR },
	{ "indentationerror", CAT_SYNTAX_ERROR },
	/* a name declared twice, as "duplicate ... definition" below: C's
	 * "redefinition of 'x'", Go's "x redeclared in this block", Swift's
	 * "invalid redeclaration", Java's "is already defined in", Rust's
	 * "defined multiple times", TypeScript's "Duplicate identifier" */
	{ "redefinition of", CAT_SYNTAX_ERROR },
	/* aidl's "attempt to redefine method add" */
	{ "to redefine", CAT_SYNTAX_ERROR },
	{ "redeclared", CAT_SYNTAX_ERROR },
	/* cflow's "f/1 redefined", gengetopt's "short option redefined
	 * 'c'", gob2's "symbol 'add' redefined", cpp's '"X" redefined';
	 * yapps2's "token NUM defined more than once" */
	{ "redefined", CAT_SYNTAX_ERROR },
	{ "defined more than once", CAT_SYNTAX_ERROR },
	{ "defined twice", CAT_SYNTAX_ERROR },
	{ "redeclaration", CAT_SYNTAX_ERROR },
	/* (VISL CG-3's "Set N already defined at line 2") */
	{ "already defined", CAT_SYNTAX_ERROR },
	{ "defined multiple times", CAT_SYNTAX_ERROR },
	{ "duplicate identifier", CAT_SYNTAX_ERROR },
	/* and a name declared twice, in the words of IDL and ASN.1
	 * compilers: omniidl's "Declaration of operation 'x' clashes with
	 * operation 'x'", asn1c's 'Clash detected: "id" at line 3' */
	{ "clashes with", CAT_SYNTAX_ERROR },
	/* a grammar's nonterminal with no rules: Coco/R's "No production
	 * for Term", bisonc++'s "No production rules for non-terminal",
	 * ebnflint's "missing production Faktor" */
	{ "no production", CAT_UNDEFINED_SYMBOL },
	{ "missing production", CAT_UNDEFINED_SYMBOL },
	/* a link checker's target that is not there: a page or file of
	 * the site (check-html-links' "missing reference target x.html",
	 * "missing file img/logo.png"), an anchor no element has ("missing
	 * id="x" in a.html") */
	{ "missing reference target", CAT_IMPORT_RESOLUTION },
	{ "missing file ", CAT_IMPORT_RESOLUTION },
	{ "missing id=", CAT_UNDEFINED_SYMBOL },
	/* a name an elaborator could not tie to a declaration: Icarus
	 * Verilog's "Unable to bind wire/reg/memory `x' in `t'" */
	{ "unable to bind", CAT_UNDEFINED_SYMBOL },
	/* a macro nothing defines: Yodl's "No macro: x(...)" */
	{ "no macro", CAT_UNDEFINED_SYMBOL },
	/* a key or section misspelt: sssctl's "Attribute 'x' is not allowed
	 * in section 'y'. Check for typos." */
	{ "not allowed in section", CAT_UNDEFINED_SYMBOL },
	{ "check for typos", CAT_UNDEFINED_SYMBOL },
	{ "clash detected", CAT_SYNTAX_ERROR },
	{ "is already declared", CAT_SYNTAX_ERROR },
	{ "already been declared", CAT_SYNTAX_ERROR },
	{ "already been defined", CAT_SYNTAX_ERROR },
	{ "undeclared", CAT_UNDEFINED_SYMBOL },
	{ "not declared", CAT_UNDEFINED_SYMBOL },
	/* a name nothing binds: CLISP's "Y is neither declared nor bound",
	 * Scheme's "variable x is not bound" */
	{ "neither declared nor bound", CAT_UNDEFINED_SYMBOL },
	/* GAP's "Unbound global variable" */
	{ "unbound global", CAT_UNDEFINED_SYMBOL },
	{ "is not bound", CAT_UNDEFINED_SYMBOL },
	/* Poly/ML's and g++'s "has not been declared" */
	{ "not been declared", CAT_UNDEFINED_SYMBOL },
	{ "is not defined", CAT_UNDEFINED_SYMBOL },
	/* contracted: Dart's "The method 'f' isn't defined for the type",
	 * "'x' wasn't declared" */
	{ "isn't defined", CAT_UNDEFINED_SYMBOL },
	/* dtc's "Reference to non-existent node or label", Sphinx's and
	 * LaTeX's references to a label nothing defines */
	{ "reference to non-existent", CAT_UNDEFINED_SYMBOL },
	{ "reference to nonexistent", CAT_UNDEFINED_SYMBOL },
	{ "aren't defined", CAT_UNDEFINED_SYMBOL },
	{ "isn't declared", CAT_UNDEFINED_SYMBOL },
	{ "wasn't declared", CAT_UNDEFINED_SYMBOL },
	/* "'x' is used but never defined" (Bison, GraphQL fragments) */
	{ "never defined", CAT_UNDEFINED_SYMBOL },
	/* a name a stub or an interface declares that the code lacks: mypy
	 * stubtest's "calc.missing is not present at runtime" */
	{ "not present at runtime", CAT_UNDEFINED_SYMBOL },
	/* a component, element or plugin no registry holds (MJML's
	 * "Element mj-buton doesn't exist or is not registered", Vue's and
	 * web components') */
	{ "is not registered", CAT_UNDEFINED_SYMBOL },
	/* a tag or a name no one knows: JSDoc's "The @retuns tag is not a
	 * known tag" */
	{ "is not a known ", CAT_UNDEFINED_SYMBOL },
	/* qmake's "'isEmpy' is not a recognized test function" */
	{ "is not a recognized ", CAT_UNDEFINED_SYMBOL },
	{ "is not a recognised ", CAT_UNDEFINED_SYMBOL },
	/* a name a module or namespace lacks: blueprint-compiler's
	 * "Namespace Gtk does not contain a type called X", C#'s "'T' does
	 * not contain a definition for 'x'"; a namespace used that nothing
	 * imported ("Namespace Shop was not imported") */
	{ "does not contain a type", CAT_UNDEFINED_SYMBOL },
	{ "does not contain a definition", CAT_UNDEFINED_SYMBOL },
	{ "was not imported", CAT_UNDEFINED_SYMBOL },
	/* Saxon's "No template exists named x" */
	{ "exists named", CAT_UNDEFINED_SYMBOL },
	/* a name an interpolation has no value for: supervisord's "contains
	 * names ('ENV_X') which cannot be expanded" */
	{ "cannot be expanded", CAT_UNDEFINED_SYMBOL },
	/* JSON Schema's (Python's jsonschema, as cloud-init and
	 * check-jsonschema print it): "Additional properties are not
	 * allowed ('x' was unexpected)", a key the schema lacks */
	{ "additional properties are not allowed", CAT_UNDEFINED_SYMBOL },
	/* ... ajv's "must NOT have additional properties",
	 * fastjsonschema's (validate-pyproject's) "`project` must not
	 * contain {'x'} properties" */
	{ "have additional propert", CAT_UNDEFINED_SYMBOL },
	{ "must not contain {", CAT_UNDEFINED_SYMBOL },
	/* ... and what an object must have or a value be: jsonschema's
	 * "'name' is a required property" and "2 is not valid under any of
	 * the given schemas" (Poetry's check), ajv's "must have required
	 * property 'x'" */
	{ "is a required property", CAT_TYPE_ERROR },
	{ "have required property", CAT_TYPE_ERROR },
	{ "valid under any of the given schemas", CAT_TYPE_ERROR },
	/* ... and a config's or a record's field that must be there:
	 * Biber's "Missing mandatory field 'author'", "Missing required
	 * field 'x'", supervisord's "program section x does not specify a
	 * command" */
	{ "mandatory field", CAT_TYPE_ERROR },
	{ "required field", CAT_TYPE_ERROR },
	{ "does not specify a", CAT_TYPE_ERROR },
	/* a value its reader cannot take as its type: Python's "invalid
	 * literal for int() with base 10: 'four'" */
	{ "invalid literal for", CAT_TYPE_ERROR },
	/* a module whose types do not resolve (arethetypeswrong's "Import
	 * resolved to JavaScript files, but no type declarations were
	 * found") */
	{ "no type declarations", CAT_IMPORT_RESOLUTION },
	/* dpdm's "miss "./x" in "a.ts"": an import it could not find */
	{ "miss \"", CAT_IMPORT_RESOLUTION },
	/* a module whose import failed (qmllint's "Failed to import
	 * Shop.Checkout", "Warnings occurred while importing module") */
	{ "failed to import", CAT_IMPORT_RESOLUTION },
	{ "while importing module", CAT_IMPORT_RESOLUTION },
	/* a bare name after the word, as squid says it: "unrecognized:
	 * 'http_acces'" */
	{ "unrecognized: ", CAT_UNDEFINED_SYMBOL },
	{ "unrecognised: ", CAT_UNDEFINED_SYMBOL },
	/* an option nobody defined: getopt's "option --x not recognized"
	 * (Python's, txt2tags'), "option '--x' not recognized" */
	{ "not recognized (try", CAT_UNDEFINED_SYMBOL },
	/* a shell's variable nothing set, under set -u: mksh's and ksh's
	 * "VERSON: parameter not set", POSIX sh's "parameter null or not
	 * set" */
	{ "parameter not set", CAT_UNDEFINED_SYMBOL },
	{ "parameter null or not set", CAT_UNDEFINED_SYMBOL },
	/* a directive given too few words: chronyd's "Missing arguments
	 * for driftfile directive", gpasm's "Missing argument(s)" */
	{ "missing arguments for", CAT_SYNTAX_ERROR },
	{ "missing argument(s)", CAT_SYNTAX_ERROR },
	/* a construct where the grammar has no place for it: ifupdown's
	 * "misplaced option", Texinfo's "misplaced {" */
	{ "misplaced", CAT_SYNTAX_ERROR },
	/* a line of a key file that is none of its three kinds (GLib's, as
	 * dconf and desktop files are read: "Key file contains line \"[x\"
	 * which is not a key-value pair, group, or comment") */
	{ "which is not a key-value pair", CAT_SYNTAX_ERROR },
	/* the text ending inside a construct (odoc's "End of text is not
	 * allowed in '{1 ...}' (section heading)") */
	{ "end of text", CAT_SYNTAX_ERROR },
	/* an operator whose precedence the parser could not settle (ATS2's
	 * "operator fixity cannot be resolved"), a block statement never
	 * closed (REXX's "Incomplete DO/SELECT/IF") */
	{ "operator fixity", CAT_SYNTAX_ERROR },
	{ "incomplete do", CAT_SYNTAX_ERROR },
	/* a function no script or library defines (FontForge's "No built-in
	 * function or script file: SetWidht") */
	{ "no built-in function", CAT_UNDEFINED_SYMBOL },
	/* ... or said after (mbsync's "parameter missing") */
	{ "parameter missing", CAT_SYNTAX_ERROR },
	{ "argument missing", CAT_SYNTAX_ERROR },
	/* a configuration's include that failed (syslog-ng's "Error
	 * including conf.d/x.conf") */
	{ "error including ", CAT_IMPORT_RESOLUTION },
	/* operands whose shapes or kinds do not go together: Octave's and
	 * MATLAB's "nonconformant arguments (op1 is 1x3, op2 is 1x2)",
	 * OpenSCAD's "undefined operation (string - number)" */
	{ "nonconformant", CAT_TYPE_ERROR },
	{ "undefined operation", CAT_TYPE_ERROR },
	/* Scilab's "Inconsistent row/column dimensions.", MATLAB's "Matrix
	 * dimensions must agree." */
	{ "column dimensions", CAT_TYPE_ERROR },
	{ "dimensions must agree", CAT_TYPE_ERROR },
	{ "dimension mismatch", CAT_TYPE_ERROR },
	/* Sollya's "not correctly typed", and "incorrectly typed" */
	{ "correctly typed", CAT_TYPE_ERROR },
	/* an argument of the wrong kind, as newLISP names the kind it
	 * wanted: "value expected in function mul : p", "list expected in
	 * function first" */
	{ " expected in function ", CAT_TYPE_ERROR },
	/* a value outside a schema's enum (Spectral's and ajv's "must be
	 * equal to one of the allowed values") */
	{ "one of the allowed values", CAT_TYPE_ERROR },
	/* a yes or no that is neither: cupsd's "Unknown boolean value maybe
	 * on line 2", "invalid boolean", "bad boolean value" */
	{ "unknown boolean", CAT_TYPE_ERROR },
	{ "invalid boolean", CAT_TYPE_ERROR },
	{ "bad boolean", CAT_TYPE_ERROR },
	/* an operand an assembler's instruction cannot take: 64tass's "no
	 * indirect z indexed addressing mode for opcode 'lda'", "invalid
	 * addressing mode", "illegal addressing mode" */
	{ "addressing mode", CAT_SYNTAX_ERROR },
	/* an instruction or expression short of a part: AVRA's "add needs a
	 * second operand", "missing operand"; BSD make's "Need an operator"
	 * in a conditional */
	{ "second operand", CAT_SYNTAX_ERROR },
	{ "missing operand", CAT_SYNTAX_ERROR },
	{ "need an operator", CAT_SYNTAX_ERROR },
	{ "not defined", CAT_UNDEFINED_SYMBOL },
	/* GLib's "<enum id='x'> not (yet) defined" */
	{ "not (yet) defined", CAT_UNDEFINED_SYMBOL },
	{ "not yet defined", CAT_UNDEFINED_SYMBOL },
	{ "undefined variable", CAT_UNDEFINED_SYMBOL },
	{ "undefined name", CAT_UNDEFINED_SYMBOL },
	{ "undefined function", CAT_UNDEFINED_SYMBOL },
	{ "undefined identifier", CAT_UNDEFINED_SYMBOL },
	/* YARA's 'undefined string "$b"' (a rule's string identifier) */
	{ "undefined string", CAT_UNDEFINED_SYMBOL },
	{ "undefined procedure", CAT_UNDEFINED_SYMBOL },
	/* Perl's "Undefined subroutine &main::f called" */
	{ "undefined subroutine", CAT_UNDEFINED_SYMBOL },
	/* a document's or an assembler's label, PHP's and Ruby's constants,
	 * a preprocessor's macro */
	{ "undefined label", CAT_UNDEFINED_SYMBOL },
	/* Fortran's GO TO a label no statement has: f2c's "missing
	 * statement label 30" */
	{ "missing statement label", CAT_UNDEFINED_SYMBOL },
	/* a name used before any declaration: C's "implicit declaration of
	 * function", Verilog's "is implicitly declared" */
	{ "implicit declaration", CAT_UNDEFINED_SYMBOL },
	{ "implicitly declared", CAT_UNDEFINED_SYMBOL },
	{ "undefined constant", CAT_UNDEFINED_SYMBOL },
	{ "undefined macro", CAT_UNDEFINED_SYMBOL },
	{ "undefined class", CAT_UNDEFINED_SYMBOL },
	{ "unknown procedure", CAT_UNDEFINED_SYMBOL },
	/* a Forth's "Undefined word", VHDL's "no declaration for "x"" */
	{ "undefined word", CAT_UNDEFINED_SYMBOL },
	{ "no declaration for", CAT_UNDEFINED_SYMBOL },
	/* C#'s and Vala's "The name `y' does not exist in the current
	 * context" */
	{ "does not exist in the current context", CAT_UNDEFINED_SYMBOL },
	{ "does not exist in the context", CAT_UNDEFINED_SYMBOL },
	{ "unknown predicate", CAT_UNDEFINED_SYMBOL },
	{ "undefined:", CAT_UNDEFINED_SYMBOL },
	{ "name-defined", CAT_UNDEFINED_SYMBOL },
	{ "cannot find name", CAT_UNDEFINED_SYMBOL },
	{ "cannot find symbol", CAT_UNDEFINED_SYMBOL },
	{ "cannot find value", CAT_UNDEFINED_SYMBOL },
	{ "not found in this scope", CAT_UNDEFINED_SYMBOL },
	{ "identifier not found", CAT_UNDEFINED_SYMBOL },
	{ "unknown identifier", CAT_UNDEFINED_SYMBOL },
	{ "unresolved reference", CAT_UNDEFINED_SYMBOL },
	/* an assembler's "--- 1 Unresolved Symbol" (dasm), "unresolved
	 * symbol 'x'" (a linker says "undefined reference": link_words) */
	{ "unresolved symbol", CAT_UNDEFINED_SYMBOL },
	/* a name or an alias nothing defines by another word (YAML's
	 * "Unresolved alias", "unresolved identifier", "unresolved name"),
	 * and JavaScript's ReferenceError, the class of "x is not defined" */
	{ "unresolved alias", CAT_UNDEFINED_SYMBOL },
	{ "unresolved identifier", CAT_UNDEFINED_SYMBOL },
	{ "unresolved name", CAT_UNDEFINED_SYMBOL },
	{ "unresolved variable", CAT_UNDEFINED_SYMBOL },
	{ "referenceerror", CAT_UNDEFINED_SYMBOL },
	{ "use of undefined", CAT_UNDEFINED_SYMBOL },
	{ "requires explicit package name", CAT_UNDEFINED_SYMBOL },
	{ "has no implicit type", CAT_UNDEFINED_SYMBOL },
	{ "referenced before assignment", CAT_UNDEFINED_SYMBOL },
	{ "undefined method", CAT_UNDEFINED_SYMBOL },
	{ "undefined local variable", CAT_UNDEFINED_SYMBOL },
	{ "is unbound", CAT_UNDEFINED_SYMBOL },
	{ "unbound variable", CAT_UNDEFINED_SYMBOL },
	{ "unbound value", CAT_UNDEFINED_SYMBOL },
	/* OCaml's other kinds of name, why3's "unbound function or
	 * predicate symbol 'x'" */
	{ "unbound function", CAT_UNDEFINED_SYMBOL },
	{ "unbound symbol", CAT_UNDEFINED_SYMBOL },
	{ "unbound type", CAT_UNDEFINED_SYMBOL },
	{ "unbound constructor", CAT_UNDEFINED_SYMBOL },
	/* ACSL's (Frama-C's) "unbound logic variable totl" */
	{ "unbound logic", CAT_UNDEFINED_SYMBOL },
	{ "unbound record field", CAT_UNDEFINED_SYMBOL },
	{ "unbound class", CAT_UNDEFINED_SYMBOL },
	{ "unknown variable", CAT_UNDEFINED_SYMBOL },
	{ "unknown function", CAT_UNDEFINED_SYMBOL },
	/* SMT-LIB's "unknown constant z", "unknown sort" (Z3) */
	{ "unknown constant", CAT_UNDEFINED_SYMBOL },
	{ "unknown sort", CAT_UNDEFINED_SYMBOL },
	{ "unknown command", CAT_UNDEFINED_SYMBOL },
	{ "unknown cmake command", CAT_UNDEFINED_SYMBOL },
	{ "no such function", CAT_UNDEFINED_SYMBOL },
	/* Erlang's "**error:undef" and "error:undef": a function no module
	 * exports */
	{ "error:undef", CAT_UNDEFINED_SYMBOL },
	/* a name no scope has: Tcl's and Expect's 'invalid command name
	 * "x"' (as a shell's "command not found" in a script), GHC's,
	 * Agda's and PureScript's "Variable not in scope: x", Swift's
	 * "cannot find 'x' in scope", C's "unknown type name 'T'" */
	{ "invalid command name", CAT_UNDEFINED_SYMBOL },
	/* ... and Vim's E492 "Not an editor command: x" */
	{ "not an editor command", CAT_UNDEFINED_SYMBOL },
	/* ... but a known command given a value it cannot take: OpenOCD's
	 * "Invalid command argument" */
	{ "invalid command argument", CAT_TYPE_ERROR },
	{ "not in scope", CAT_UNDEFINED_SYMBOL },
	{ "' in scope", CAT_UNDEFINED_SYMBOL },
	{ "unknown type name", CAT_UNDEFINED_SYMBOL },
	/* a type named bare: SELinux checkmodule's "unknown type x_t" */
	{ "unknown type", CAT_UNDEFINED_SYMBOL },
	/* XML's entity nothing declares (xmlwf's "undefined entity") */
	{ "undefined entity", CAT_UNDEFINED_SYMBOL },
	{ "assertionerror", CAT_TEST_FAILURE },
	/* R's assertions: stopifnot's "x == 6 is not TRUE", "are not all
	 * TRUE"; all.equal's (RUnit's checkEquals, testthat's) "Mean
	 * relative difference: 0.17" */
	{ "is not true", CAT_TEST_FAILURE },
	{ "are not all true", CAT_TEST_FAILURE },
	{ "mean relative difference", CAT_TEST_FAILURE },
	{ "assertion", CAT_TEST_FAILURE },
	/* Asymptote's "assert FAILED: total is 5" */
	{ "assert failed", CAT_TEST_FAILURE },
	{ "assert_", CAT_TEST_FAILURE },
	{ "expected values to be", CAT_TEST_FAILURE },
	{ "to equal", CAT_TEST_FAILURE },
	{ "received:", CAT_TEST_FAILURE },
	{ "test failed", CAT_TEST_FAILURE },
	/* TAP's "# Failed test 'x'", "1 failed test" */
	{ "failed test", CAT_TEST_FAILURE },
	{ "tests failed", CAT_TEST_FAILURE },
	{ "incompatible", CAT_TYPE_ERROR },
	/* a value that has no members where one was asked: JavaScriptCore's
	 * "x is not an object", Gambas' "Not an object" */
	{ "not an object", CAT_TYPE_ERROR },
	/* a member asked of what has none: chibicc's "not a struct nor a
	 * union", gcc's "request for member 'a' in something not a
	 * structure or union" */
	{ "not a struct", CAT_TYPE_ERROR },
	/* a value not of the kind its setting takes: ngIRCd's "Value of
	 * \"MaxConnections\" is not a number!" */
	{ "not a number", CAT_TYPE_ERROR },
	{ "not an integer", CAT_TYPE_ERROR },
	{ "not a string", CAT_TYPE_ERROR },
	{ "not a boolean", CAT_TYPE_ERROR },
	/* Privoxy's "Directive 'debug' used with non-numerical value", R's
	 * "non-numeric argument to binary operator" */
	{ "non-numeric", CAT_TYPE_ERROR },
	{ "not assignable", CAT_TYPE_ERROR },
	{ "type mismatch", CAT_TYPE_ERROR },
	{ "mismatched types", CAT_TYPE_ERROR },
	{ "cannot convert", CAT_TYPE_ERROR },
	/* Icinga 2's "Can't convert 'three' to a floating point number" */
	{ "can't convert", CAT_TYPE_ERROR },
	{ "cannot implicitly convert", CAT_TYPE_ERROR },
	{ "implicit conversion", CAT_TYPE_ERROR },
	{ "cannot be converted", CAT_TYPE_ERROR },
	{ "invalid conversion", CAT_TYPE_ERROR },
	/* f2c's "impossible conversion" */
	{ "impossible conversion", CAT_TYPE_ERROR },
	{ "wrong type", CAT_TYPE_ERROR },
	{ "invalid type", CAT_TYPE_ERROR },
	/* what an expression is against what it must be: varnish VCC's
	 * "Expression has type STRING, expected DURATION", OCaml's "This
	 * expression has type int but ...", Elm's and Idris' "has type" */
	{ "has type", CAT_TYPE_ERROR },
	{ "has no attribute", CAT_TYPE_ERROR },
	{ "cannot access attribute", CAT_TYPE_ERROR },
	{ "no overloads for", CAT_TYPE_ERROR },
	{ "positional argument", CAT_TYPE_ERROR },
	/* a call's arity, as a byte compiler warns of it: Emacs's "f called
	 * with 2 arguments, but accepts only 1" (or "but requires 2") */
	{ "but accepts only", CAT_TYPE_ERROR },
	/* Dialyzer's "will never return since the success typing is" */
	{ "success typing", CAT_TYPE_ERROR },
	/* Racket's "*: contract violation / expected: number? / given:
	 * \"a\"": a value of the wrong kind for a function's contract */
	{ "contract violation", CAT_TYPE_ERROR },
	{ "arguments, but requires", CAT_TYPE_ERROR },
	/* a name nothing binds, warned of: Lisp compilers' "reference to
	 * free variable 'x'", "the function 'f' is not known to be
	 * defined", an API document's "does not define the path parameter" */
	{ "free variable", CAT_UNDEFINED_SYMBOL },
	{ "not known to be defined", CAT_UNDEFINED_SYMBOL },
	{ "does not define", CAT_UNDEFINED_SYMBOL },
	{ "cannot be assigned to", CAT_TYPE_ERROR },
	/* the same in contractions: Dart's "The argument type 'String'
	 * can't be assigned to the parameter type 'int'" */
	{ "can't be assigned", CAT_TYPE_ERROR },
	/* a write to what cannot change: quick-lint-js's "cannot assign to
	 * a const variable", V8's "Assignment to constant variable", gcc's
	 * "assignment of read-only variable", rustc's "cannot assign twice
	 * to immutable variable" */
	{ "assign to a const", CAT_TYPE_ERROR },
	{ "assignment to constant", CAT_TYPE_ERROR },
	{ "read-only variable", CAT_TYPE_ERROR },
	{ "immutable variable", CAT_TYPE_ERROR },
	{ "has no member", CAT_TYPE_ERROR },
	/* clang's "no member named 'x' in 'struct s'", before not_found's
	 * "no X named" */
	{ "no member named", CAT_TYPE_ERROR },
	/* a member the type lacks, before not_found's "does not exist":
	 * TypeScript's and Flow's "Property 'x' does not exist on type 'Y'",
	 * Hack's "does not exist on object" */
	{ "does not exist on", CAT_TYPE_ERROR },
	/* overload resolution that found nothing: "no matching (member)
	 * function for call", "no matching constructor", clang's "no viable
	 * conversion" */
	/* but Asymptote's "no matching variable 'x'" is a name nothing
	 * defines */
	{ "no matching variable", CAT_UNDEFINED_SYMBOL },
	/* and a step nothing implements (yarn's "step \"THEN x\" has no matching
	 * implementation") */
	{ "no matching implementation", CAT_UNDEFINED_SYMBOL },
	{ "no matching step", CAT_UNDEFINED_SYMBOL },
	{ "no matching", CAT_TYPE_ERROR },
	/* a value of one type that cannot become another (Asymptote's
	 * "cannot cast 'string' to 'int'") */
	{ "cannot cast", CAT_TYPE_ERROR },
	/* dpic's "File not readable" under a copy of a file nobody wrote */
	{ "file not readable", CAT_IMPORT_RESOLUTION },
	/* PostScript's errors by their names, as Ghostscript prints them
	 * ("Error: /typecheck in --add--"): the file first, before the
	 * name */
	{ "/undefinedfilename", CAT_IMPORT_RESOLUTION },
	{ "/undefined in ", CAT_UNDEFINED_SYMBOL },
	{ "/typecheck", CAT_TYPE_ERROR },
	{ "/rangecheck", CAT_TYPE_ERROR },
	{ "/syntaxerror", CAT_SYNTAX_ERROR },
	/* but an ANTLR-made parser's "no viable alternative at input 'x'"
	 * (Spark SQL, Presto, Cypher, every grammar ANTLR builds) is its
	 * grammar's, as its "mismatched input" and "extraneous input" */
	{ "no viable alternative", CAT_SYNTAX_ERROR },
	{ "mismatched input", CAT_SYNTAX_ERROR },
	{ "extraneous input", CAT_SYNTAX_ERROR },
	/* markup's end tag that closes another element (RXP's "Mismatched
	 * end tag: expected </p>, got </q>", before expected_got's types) */
	{ "mismatched end tag", CAT_SYNTAX_ERROR },
	{ "mismatched tag", CAT_SYNTAX_ERROR },
	{ "no viable", CAT_TYPE_ERROR },
	{ "is not a function", CAT_TYPE_ERROR },
	{ "is not callable", CAT_TYPE_ERROR },
	{ "argument of type", CAT_TYPE_ERROR },
	/* "cannot assign value of type 'String' to type 'Int'" (Swift,
	 * Groovy), "a value of type 'x' cannot be used to initialize" (clang),
	 * "cannot convert value of type" */
	{ "value of type", CAT_TYPE_ERROR },
	{ "arg-type", CAT_TYPE_ERROR },
	{ "[assignment]", CAT_TYPE_ERROR },
	{ "[return-value]", CAT_TYPE_ERROR },
	{ "[attr-defined]", CAT_TYPE_ERROR },
	{ "[operator]", CAT_TYPE_ERROR },
	{ "typeerror", CAT_TYPE_ERROR },
	/* "Type error:" (Elm, Flow, Hack, Pyre), GHC's "Couldn't match
	 * expected type" and "No instance for (Num Bool)", Scala's "value x
	 * is not a member of Int", "object is not iterable" (Python, JS) */
	{ "type error", CAT_TYPE_ERROR },
	{ "couldn't match", CAT_TYPE_ERROR },
	{ "no instance for", CAT_TYPE_ERROR },
	{ "not a member of", CAT_TYPE_ERROR },
	{ "not iterable", CAT_TYPE_ERROR },
	{ "unsupported operand", CAT_TYPE_ERROR },
	/* "Operator '+' cannot be applied to types", Swift's "binary
	 * operator '+' cannot be applied to operands of type" */
	{ "cannot be applied to", CAT_TYPE_ERROR },
	/* a pointer made of what is none, or the other way: gcc's and tcc's
	 * "makes pointer from integer without a cast", "cast to pointer from
	 * integer of different size", SDCC's "non-pointer type cast to
	 * generic pointer" */
	{ "pointer from integer", CAT_TYPE_ERROR },
	{ "integer from pointer", CAT_TYPE_ERROR },
	{ "cast to pointer", CAT_TYPE_ERROR },
	{ "cast from pointer", CAT_TYPE_ERROR },
	{ "non-pointer", CAT_TYPE_ERROR },
	/* "too many arguments" (C, Go), "too many args" (Jsonnet, Janet),
	 * "too few arguments to function" */
	{ "too many arg", CAT_TYPE_ERROR },
	{ "too few arg", CAT_TYPE_ERROR },
	/* a call with the wrong arity: Lisp's and Ruby's "wrong number of
	 * arguments", Clojure's "Wrong number of args (1) passed to" */
	{ "wrong number of arg", CAT_TYPE_ERROR },
	/* ... or of what a header counts: MiniSat's "DIMACS header
	 * mismatch: wrong number of variables" */
	{ "wrong number of", CAT_TYPE_ERROR },
	/* and in other words, before later_phrases' "invalid number":
	 * nginx's "invalid number of arguments in "listen" directive",
	 * "incorrect number of arguments", "unexpected number of arguments" */
	{ "number of arguments", CAT_TYPE_ERROR },
	/* a value told larger than another: genometools' "start '900' is larger
	 * then end '100'" (its spelling); a quoted value, not a text's size
	 * ("ensure that the size is larger than the maximum", Flawfinder's
	 * advice) */
	{ "' is larger th", CAT_TYPE_ERROR },
	{ "\" is larger th", CAT_TYPE_ERROR },
	{ "' is greater th", CAT_TYPE_ERROR },
	{ "\" is greater th", CAT_TYPE_ERROR },
	{ "was expected of type", CAT_TYPE_ERROR },
	{ "attempt to index", CAT_TYPE_ERROR },
	{ "attempt to call", CAT_TYPE_ERROR },
	{ "attempt to perform arithmetic", CAT_TYPE_ERROR },
	{ "attempt to compare", CAT_TYPE_ERROR },
	{ "attempt to concatenate", CAT_TYPE_ERROR },
	{ "expected type", CAT_TYPE_ERROR },
	/* a value that cannot be made the type wanted: Cython's "do not
	 * support coercion to C types", Idris' and Lean's "Can't coerce",
	 * "cannot be coerced" */
	{ "coercion", CAT_TYPE_ERROR },
	{ "coerce", CAT_TYPE_ERROR },
	/* a parser's "syntax error, unexpected X, expecting Y", "Expecting
	 * value" */
	{ "expecting", CAT_SYNTAX_ERROR },
	/* after "typeerror": "TypeError: x is undefined" is a type error */
	{ "is undefined", CAT_UNDEFINED_SYMBOL },
	{ "must be followed by", CAT_SYNTAX_ERROR },
	/* a tag or bracket never closed, before not_found's "could not
	 * find" (EJS's 'Could not find matching close tag for "<%="') */
	{ "matching close", CAT_SYNTAX_ERROR },
	{ "matching end", CAT_SYNTAX_ERROR },
	/* last: a linter's words, when nothing above names the problem */
	{ "unused", CAT_LINT_VIOLATION },
	{ "never used", CAT_LINT_VIOLATION },
	/* gcc's and peg's "rule 'Extra' defined but not used" */
	{ "defined but not used", CAT_LINT_VIOLATION },
	{ "trailing whitespace", CAT_LINT_VIOLATION },
	{ "line too long", CAT_LINT_VIOLATION },
	/* JUnit 5's assertion: "mul 2 3 ==> expected: <6> but was: <5>" */
	{ "==> expected", CAT_TEST_FAILURE },
	/* a suggested replacement: "teh ==> the", "should be", "consider
	 * using" */
	{ "==>", CAT_LINT_VIOLATION },
	/* Python's jsonschema and the validators that copied it: "'yes' is
	 * not of type 'boolean'", "80000 is greater than the maximum of
	 * 65535", "is less than the minimum of" */
	{ "is not of type", CAT_TYPE_ERROR },
	{ "than the maximum of", CAT_TYPE_ERROR },
	{ "than the minimum of", CAT_TYPE_ERROR },
	/* but a value's kind a schema wants (ajv 6 and the JSON Schema
	 * validators of its time: "should be integer", "should be equal to
	 * one of the allowed values"; ajv 8 says "must be", wrong_kind), as
	 * a type checker's "X should be Y" names it (Haxe's "Int should be
	 * String") */
	{ "should be integer", CAT_TYPE_ERROR },
	{ "should be number", CAT_TYPE_ERROR },
	{ "should be string", CAT_TYPE_ERROR },
	{ "should be boolean", CAT_TYPE_ERROR },
	{ "should be array", CAT_TYPE_ERROR },
	{ "should be object", CAT_TYPE_ERROR },
	{ "should be of type", CAT_TYPE_ERROR },
	{ "should be equal to one of", CAT_TYPE_ERROR },
	/* an assertion's own words (tape's and node-tap's defaults, "should
	 * be strictly equal", "should be deeply equivalent", "should
	 * throw"), not a style rule's "should be" */
	{ "should be strictly", CAT_TEST_FAILURE },
	{ "should be deeply", CAT_TEST_FAILURE },
	{ "should be loosely", CAT_TEST_FAILURE },
	{ "should be equal", CAT_TEST_FAILURE },
	{ "should be equivalent", CAT_TEST_FAILURE },
	{ "should be truthy", CAT_TEST_FAILURE },
	{ "should be falsy", CAT_TEST_FAILURE },
	{ "should not be equal", CAT_TEST_FAILURE },
	{ "should not be strictly", CAT_TEST_FAILURE },
	{ "should throw", CAT_TEST_FAILURE },
	{ "should not throw", CAT_TEST_FAILURE },
	{ "should be", CAT_LINT_VIOLATION },
	{ "should start with", CAT_LINT_VIOLATION },
	{ "should end with", CAT_LINT_VIOLATION },
	{ "is not a registered", CAT_LINT_VIOLATION },
	/* a style rule's ban or spelling: "ID literals must not be used",
	 * "All tags must be written in lower case" */
	{ "must not be used", CAT_LINT_VIOLATION },
	{ "must be written", CAT_LINT_VIOLATION },
	/* a formatter's verdict: "would reformat a.py", "Code style issues" */
	{ "would reformat", CAT_LINT_VIOLATION },
	{ "would be reformatted", CAT_LINT_VIOLATION },
	{ "code style issues", CAT_LINT_VIOLATION },
	/* ... and a fixer's, which changed the file (pyupgrade's
	 * "Rewriting a.py") */
	{ "rewriting ", CAT_LINT_VIOLATION },
	/* a coverage gate: c8's and nyc's "Coverage for lines (50%) does
	 * not meet global threshold (90%)", Jest's "coverage threshold for
	 * lines (90%) not met" */
	{ "does not meet global threshold", CAT_LINT_VIOLATION },
	{ "does not meet threshold", CAT_LINT_VIOLATION },
	{ "coverage threshold", CAT_LINT_VIOLATION },
	/* ... gcovr's "failed minimum line coverage (got 62.5%, minimum
	 * 90.0%)" */
	{ "minimum line coverage", CAT_LINT_VIOLATION },
	{ "minimum branch coverage", CAT_LINT_VIOLATION },
	{ "minimum function coverage", CAT_LINT_VIOLATION },
	/* a catalog's message nobody translated (gettext's msgcmp: "this
	 * message is untranslated") */
	{ "is untranslated", CAT_LINT_VIOLATION },
	/* isort's "Imports are incorrectly sorted and/or formatted",
	 * dprint's and others' "not formatted" */
	{ "incorrectly sorted", CAT_LINT_VIOLATION },
	{ "incorrectly formatted", CAT_LINT_VIOLATION },
	{ "not formatted", CAT_LINT_VIOLATION },
	/* ... a list out of its order (manypkg's "x's dependencies are
	 * unsorted", "keys are not sorted") */
	{ "are unsorted", CAT_LINT_VIOLATION },
	{ "is unsorted", CAT_LINT_VIOLATION },
	{ "are not sorted", CAT_LINT_VIOLATION },
	{ "is not sorted", CAT_LINT_VIOLATION },
	{ "consider using", CAT_LINT_VIOLATION },
	/* a bare "Missing semicolon." is a style checker's (a parser says
	 * "expected ';'", caught above) */
	{ "missing semicolon", CAT_LINT_VIOLATION },
	/* a finding that says how to switch it off is a checker's: splint's
	 * "(Use -usedef to inhibit warning)", "use --suppress=x to suppress
	 * this" */
	{ "to inhibit", CAT_LINT_VIOLATION },
	{ "to suppress", CAT_LINT_VIOLATION },
};
/* Words of many ecosystems that name a problem when nothing else in a
 * message did: they lose to every phrase above and to the word readers
 * (cl_words_read asks them last), in this order. */
static const struct phrase later_phrases[] = {
	/* a JSON reference quoted in the message, when nothing else is
	 * said of it: what it points at is missing ("'#/components/schemas/
	 * X' does not exist", lint-openapi's) */
	{ "'#/", CAT_UNDEFINED_SYMBOL },
	{ "\"#/", CAT_UNDEFINED_SYMBOL },
	/* a lexer's bad escape: C's and Go's "unknown escape
	 * sequence", Python's "invalid escape sequence", Java's
	 * "illegal escape character", Rust's "unknown character
	 * escape", mandoc's, JSON readers' */
	{ "escape sequence", CAT_SYNTAX_ERROR },
	{ "escape character", CAT_SYNTAX_ERROR },
	{ "character escape", CAT_SYNTAX_ERROR },
	/* a line break where a token may not hold one: Go's
	 * "newline in string", C#'s "Newline in constant", a regex
	 * or lexer generator's "newline in character class" */
	{ "newline in ", CAT_SYNTAX_ERROR },
	/* a document of a data format its reader refuses: "invalid
	 * TOML" (taplo), "Invalid JSON", "invalid YAML", "not valid
	 * XML"; the same key twice in it (PyYAML's "found duplicate
	 * key", serde's "duplicate key", taplo's "conflicting keys") */
	{ "invalid toml", CAT_SYNTAX_ERROR },
	{ "invalid json", CAT_SYNTAX_ERROR },
	{ "invalid yaml", CAT_SYNTAX_ERROR },
	{ "invalid xml", CAT_SYNTAX_ERROR },
	{ "valid xml", CAT_SYNTAX_ERROR },
	{ "not valid yaml", CAT_SYNTAX_ERROR },
	{ "not valid json", CAT_SYNTAX_ERROR },
	/* GLib's markup parser (GtkBuilder, glib-compile-resources):
	 * "Element "x" was closed, but the currently open element is "y"" */
	{ "currently open element", CAT_SYNTAX_ERROR },
	{ "duplicate key", CAT_SYNTAX_ERROR },
	{ "conflicting key", CAT_SYNTAX_ERROR },
	/* what a function must give back: "function with void return
	 * type" (spirv-val), "return type mismatch", "incompatible
	 * return type", Swift's "non-void return value in void
	 * function" */
	/* ... but an annotation a style asks for is a linter's:
	 * "Missing return type on function" (typescript-eslint) */
	{ "missing return type", CAT_LINT_VIOLATION },
	{ "return type", CAT_TYPE_ERROR },
	{ "return value in void", CAT_TYPE_ERROR },
	/* a security checker's finding (bandit, gosec, npm audit's
	 * "vulnerabilities", lockfile-lint's "security issues") */
	{ "security issue", CAT_LINT_VIOLATION },
	{ "vulnerabilit", CAT_LINT_VIOLATION },
	/* a rule that forbids a construct: htmllint's "the `style`
	 * attribute is banned", a banned word or type */
	{ " is banned", CAT_LINT_VIOLATION },
	{ " are banned", CAT_LINT_VIOLATION },
	/* a value told its range, however it was spelt (Dante's "bad IPv4
	 * address netmask: 33.  Legal range is 0 - 32"): out of range, not
	 * malformed */
	{ "legal range is", CAT_TYPE_ERROR },
	/* a JSON Schema's bounds (z-schema's "Value 99999 is greater than
	 * maximum 65535") */
	{ "than maximum", CAT_TYPE_ERROR },
	{ "than minimum", CAT_TYPE_ERROR },
	{ "valid range is", CAT_TYPE_ERROR },
	/* a literal malformed for its kind: BIND's "bad dotted quad" and
	 * "not a valid number", Lua's "malformed number near", awk's and
	 * shells' "invalid number", ssh's and resolvers' "bad address", Go's
	 * "invalid IP address" */
	{ "dotted quad", CAT_SYNTAX_ERROR },
	{ "malformed", CAT_SYNTAX_ERROR },
	/* git apply's "corrupt patch at line 7": a text that could not be
	 * read, as patch's "malformed patch" */
	{ "corrupt patch", CAT_SYNTAX_ERROR },
	/* a file its reader could not take apart: flac's "ERROR while
	 * decoding metadata", qpdf's "file is damaged", "not a FLAC file or
	 * is corrupted" (a heap's corruption is a crash's words, not these) */
	{ "while decoding", CAT_SYNTAX_ERROR },
	{ "failed to decode", CAT_SYNTAX_ERROR },
	{ "could not decode", CAT_SYNTAX_ERROR },
	{ "unable to decode", CAT_SYNTAX_ERROR },
	{ "file is damaged", CAT_SYNTAX_ERROR },
	{ "file is corrupt", CAT_SYNTAX_ERROR },
	{ "or is corrupted", CAT_SYNTAX_ERROR },
	/* a string never closed, told by what it holds (hjson's "Bad string
	 * containing newline") */
	{ "bad string", CAT_SYNTAX_ERROR },
	{ "bad number", CAT_SYNTAX_ERROR },
	{ "invalid number", CAT_SYNTAX_ERROR },
	{ "valid number", CAT_SYNTAX_ERROR },
	{ "invalid integer", CAT_SYNTAX_ERROR },
	{ "valid integer", CAT_SYNTAX_ERROR },
	{ "bad address", CAT_SYNTAX_ERROR },
	{ "invalid address", CAT_SYNTAX_ERROR },
	{ "invalid ip", CAT_SYNTAX_ERROR },
	{ "bad ip", CAT_SYNTAX_ERROR },
	/* a setting given a value outside the ones it takes: haproxy's
	 * "balance only supports 'roundrobin', ...", "only accepts", ajv's
	 * and Terraform's "must be one of" / "to be one of", Kubernetes'
	 * "Unsupported value" */
	{ "only supports", CAT_TYPE_ERROR },
	{ "only accepts", CAT_TYPE_ERROR },
	{ "must be one of", CAT_TYPE_ERROR },
	{ "to be one of", CAT_TYPE_ERROR },
	/* a value outside its bounds: MathProg's "price[t] = -3 not >= 0" */
	{ " not >= ", CAT_TYPE_ERROR },
	{ " not <= ", CAT_TYPE_ERROR },
	/* Binaryen's "function body type must match, if function returns" */
	{ "type must match", CAT_TYPE_ERROR },
	/* Redocly's "`type` can be one of the following only: ..." */
	{ "one of the following only", CAT_TYPE_ERROR },
	{ "unsupported value", CAT_TYPE_ERROR },
	/* Terraform's and HCL's name nothing in the schema defines: an
	 * "Unsupported argument", "Unsupported block type" ("Unsupported
	 * attribute" is unknown_key's) */
	{ "unsupported argument", CAT_UNDEFINED_SYMBOL },
	{ "unsupported block type", CAT_UNDEFINED_SYMBOL },
	/* a value of the wrong kind for its setting: sudoers' 'value "x"
	 * is invalid for option "y"', ssh's and systemd's "invalid value
	 * for", Apache's "X has wrong format", Go's and Prometheus' "not a
	 * valid duration" / "invalid duration" */
	{ "is invalid for", CAT_TYPE_ERROR },
	/* two types that do not fit: Standard ML's "operator and operand
	 * don't agree", "types of rules don't agree" */
	{ "don't agree", CAT_TYPE_ERROR },
	{ "do not agree", CAT_TYPE_ERROR },
	/* a markup parser's misnested element: OpenSP's "end tag for
	 * element "X" which is not open", "end tag for "X" omitted" */
	{ "end tag for ", CAT_SYNTAX_ERROR },
	{ "wrong format", CAT_TYPE_ERROR },
	/* ploticus' "range hi value has invalid format (ten)" */
	{ "has invalid format", CAT_TYPE_ERROR },
	{ "valid duration", CAT_TYPE_ERROR },
	{ "invalid duration", CAT_TYPE_ERROR },
	/* a value out of its field's range: assemblers' "too large for a 8
	 * bit unsigned integer" (64tass), gcc's "integer constant is too
	 * large for its type", "value too big for field" */
	{ "too large for", CAT_TYPE_ERROR },
	{ "too big for", CAT_TYPE_ERROR },
	/* boolector's "binary constant '0000000001' exceeds bit width 8",
	 * CaDiCaL's "literal 5 exceeds maximum variable 3", xa65's
	 * "Overflow error" */
	{ "exceeds bit width", CAT_TYPE_ERROR },
	/* a budget gone over, a gate's like a coverage threshold:
	 * size-limit's "Package size limit has exceeded by 1 kB" */
	{ "limit has exceeded", CAT_LINT_VIOLATION },
	/* a program too large for its chip's memory: GNU ld's "section
	 * `.data' will not fit in region `text'", "region `text' overflowed
	 * by 1118 bytes" */
	{ "will not fit in region", CAT_LINK_ERROR },
	{ "overflowed by", CAT_LINK_ERROR },
	/* a manifest's field that must be there (fixpack's "package.json
	 * files must have a name") */
	{ "must have a name", CAT_TYPE_ERROR },
	{ "must have a version", CAT_TYPE_ERROR },
	/* a design's timing that misses its clock (icetime's "Checking
	 * 2.50 ns (400.00 MHz) clock constraint: FAILED.", "Timing
	 * constraints are not met"): a rule of the design's, as a gate */
	{ "clock constraint", CAT_LINT_VIOLATION },
	{ "timing constraint", CAT_LINT_VIOLATION },
	/* coverage.py's "total of 62 is less than fail-under=90" */
	{ "fail-under", CAT_LINT_VIOLATION },
	/* a dependency's license a policy forbids (license-checker's
	 * 'Package "x" is licensed under "GPL-3.0" which is not permitted') */
	{ "is licensed under", CAT_LINT_VIOLATION },
	/* an assembler's value too large for its field (crasm's "Operand
	 * overflow") */
	{ "operand overflow", CAT_TYPE_ERROR },
	{ "exceeds maximum", CAT_TYPE_ERROR },
	{ "overflow error", CAT_TYPE_ERROR },
	/* and told by its range: "value out of range" (assemblers, gpasm's
	 * "Argument out of range"), "number '300' outside range [1, 255]"
	 * (keepalived), "not in range" (sysctl, config checkers), "outside
	 * the allowed range"; a run's index past its array's end says no
	 * kind (a test's failure or a crash: the run tells which) */
	{ "index out of range", NULL },
	{ "out of range", CAT_TYPE_ERROR },
	{ "outside range", CAT_TYPE_ERROR },
	{ "outside the range", CAT_TYPE_ERROR },
	{ "outside the allowed range", CAT_TYPE_ERROR },
	{ "outside of the range", CAT_TYPE_ERROR },
	{ "not in range", CAT_TYPE_ERROR },
	{ "not within range", CAT_TYPE_ERROR },
	/* ... or by its bounds: mosquitto's "max_qos must be between 0 and
	 * 2 inclusive", "port must be between 1 and 65535" */
	{ "must be between", CAT_TYPE_ERROR },
	/* a byte the reader refuses where it stands: knotc's "tabulator
	 * character is not allowed", YAML's "found character that cannot
	 * start any token" */
	{ "character is not allowed", CAT_SYNTAX_ERROR },
	/* a block's keyword without its partner: gcc's "'else' without a
	 * previous 'if'" (unpaired_keyword reads BASIC's "FOR without
	 * NEXT") */
	{ "without a previous", CAT_SYNTAX_ERROR },
	{ "character not allowed", CAT_SYNTAX_ERROR },
	/* two values an assertion found unlike, with no "expected" label
	 * (assertion_words reads those): testify's "Not equal:", unittest's
	 * "Lists differ" kin "values not equal", NUnit's and Catch's "are not
	 * equal", chai's "expected [1] to deeply equal [2]", node's
	 * "deep-equal" */
	{ "not equal", CAT_TEST_FAILURE },
	{ "should equal", CAT_TEST_FAILURE },
	/* a golden file's comparison: "output does not match expected",
	 * "differs from expected", unittest's "Lists differ:" */
	{ "match expected", CAT_TEST_FAILURE },
	{ "from expected", CAT_TEST_FAILURE },
	{ "differ:", CAT_TEST_FAILURE },
	{ "deeply equal", CAT_TEST_FAILURE },
	{ "deep equal", CAT_TEST_FAILURE },
	/* a style checker's words for a name's or a line's layout when no
	 * rule names it: "is not in camel case" (jscs, checkstyle's kin),
	 * "snake case", pylint's "naming convention", "Trailing spaces not
	 * allowed" (yamllint's kin), "missing space after comma", "extra
	 * space", and what can go: "redundant parentheses", clippy's
	 * "redundant clone", rustc's "unnecessary parentheses", "superfluous
	 * semicolon" */
	{ "camel case", CAT_LINT_VIOLATION },
	{ "camelcase", CAT_LINT_VIOLATION },
	{ "snake case", CAT_LINT_VIOLATION },
	{ "naming convention", CAT_LINT_VIOLATION },
	{ "trailing space", CAT_LINT_VIOLATION },
	{ "missing space", CAT_LINT_VIOLATION },
	{ "extra space", CAT_LINT_VIOLATION },
	{ "redundant", CAT_LINT_VIOLATION },
	{ "unnecessary", CAT_LINT_VIOLATION },
	{ "superfluous", CAT_LINT_VIOLATION },
	/* blank lines counted (pycodestyle's "too many blank lines (3)"),
	 * prose linters' words (write-good, proselint, vale, alex: "may be
	 * passive voice", "is a weasel word", "is wordy") */
	{ "blank line", CAT_LINT_VIOLATION },
	{ "passive voice", CAT_LINT_VIOLATION },
	{ "weasel word", CAT_LINT_VIOLATION },
	{ "wordy", CAT_LINT_VIOLATION },
	/* a line's length and a linter's advice: "Line is longer than 80
	 * characters", "line length of 91 exceeds", "Avoid using 'var'",
	 * "Prefer template literals" */
	{ "longer than", CAT_LINT_VIOLATION },
	{ "line length", CAT_LINT_VIOLATION },
	{ "avoid ", CAT_LINT_VIOLATION },
	{ "prefer ", CAT_LINT_VIOLATION },
	/* a directive nobody defines: Apache's "Invalid command 'X',
	 * perhaps misspelled", gdb's and lighttpd's "unknown directive" */
	{ "invalid command", CAT_UNDEFINED_SYMBOL },
	{ "unknown directive", CAT_UNDEFINED_SYMBOL },
	/* a configuration's option nobody knows (docker-compose's
	 * "Unsupported config option for services.web: 'imagee'") */
	{ "unsupported config option", CAT_UNDEFINED_SYMBOL },
	{ "unknown config option", CAT_UNDEFINED_SYMBOL },
	{ "unsupported configuration option", CAT_UNDEFINED_SYMBOL },
	{ "unknown configuration option", CAT_UNDEFINED_SYMBOL },
	/* a configuration reader's "bad option" (dnsmasq's, getopt-style
	 * files'): a name it does not know */
	{ "bad option", CAT_UNDEFINED_SYMBOL },
	/* last, after Apache's "perhaps misspelled": a word misspelt
	 * (misspell's "is a misspelling of", spell checkers') */
	{ "misspell", CAT_LINT_VIOLATION },
	/* a line not in the shape its format has: hostapd's "invalid
	 * line 'ssid x'", git's "bad config line 3 in file F" (after "line
	 * length", a style rule's) */
	{ "invalid line", CAT_SYNTAX_ERROR },
	{ "bad line", CAT_SYNTAX_ERROR },
	{ "bad config line", CAT_SYNTAX_ERROR },
	/* a section of settings the reader has no name for (foot's
	 * "[nosuch]: invalid section name") */
	{ "invalid section", CAT_UNDEFINED_SYMBOL },
};

#define CL_NPHRASES (sizeof(phrases) / sizeof(*phrases))
#define CL_NLATER (sizeof(later_phrases) / sizeof(*later_phrases))

/* Both tables as one: phrases first, so the lower index wins. */
static const struct phrase *phrase_at(size_t k)
{
	return k < CL_NPHRASES ? &phrases[k] : &later_phrases[k - CL_NPHRASES];
}

/* a bucket holds 1 + a phrase's index in 16 bits, its length a byte */
_Static_assert(CL_NPHRASES + CL_NLATER < 65535,
	       "phrase_in's buckets hold an index in 16 bits");

#define CL_PHRASE_KEYS 1024
/* The fullest bucket of the tables above holds 31 ("not ...": one more
 * such phrase needs a bucket of 40, or words of its own to open it, as
 * GLib's "which is not a key-value pair" has); one slot stays 0 to end
 * it, and phrase_index refuses to overflow one. */
#define CL_PHRASE_BUCKET 32

/* Every phrase has three bytes or more: they make the key. */
static unsigned phrase_key(const char *p)
{
	return ((unsigned)(unsigned char)p[0] * 961u +
		(unsigned)(unsigned char)p[1] * 31u + (unsigned char)p[2]) %
	       CL_PHRASE_KEYS;
}

/* The phrases by their first three bytes (1 + index, 0 ends a bucket) and
 * their lengths: built once, on first use, by whichever thread classifies
 * first (errors/classify and verify run on worker threads). */
static uint16_t phrase_first[CL_PHRASE_KEYS][CL_PHRASE_BUCKET];
static unsigned char phrase_len[CL_NPHRASES + CL_NLATER];
/* Each phrase's first four bytes (fewer for a shorter one, the mask says
 * which), as one load of the message reads them: a bucket's phrases are
 * told apart without a call to memcmp for each. */
static uint32_t phrase_head[CL_NPHRASES + CL_NLATER];
static uint32_t phrase_mask[CL_NPHRASES + CL_NLATER];
/* For each two bytes (as one 16-bit load reads them): W_PHRASE if they
 * start a phrase (most positions of a message stop at this test), and the
 * W_* groups of the word readers whose words hold them, so the one pass of
 * phrase_in also tells which of those readers can find anything. */
static uint16_t phrase_pair[65536];

/* A word reader's group is set when the message holds one of its pairs:
 * a pair every word it looks for contains (lower case). */
enum {
	W_PHRASE = 1,
	W_EXPECT = 2,   /* "xp": expected_token, expected_got */
	W_ASSERT = 4,   /* "xp", "wa", "ss": assertion_words */
	W_MISSING = 8,  /* "mi", "fo", "ee": missing_token */
	W_DUP = 16,     /* "du": duplicate_definition */
	W_FOUND = 32,   /* "no", "fi", "op", "re", "lo", "xi": not_found */
	W_DOC = 64,     /* "@" and any byte, "do": doc_comment */
	W_UNKNOWN = 128, /* "nk": unknown_name */
	W_KEY = 256,     /* "nk", "gn", "pp", "uc", "ef", "nv": unknown_key,
			  * quoted_undefined */
	W_BRACKET = 512, /* "oo", "xt", "sm", "gh": bracket_count */
	W_HEADING = 1024, /* "rr": place_heading */
	W_FAULT = 2048,  /* "nv", "ga", "ba", "wr", "nc": wrong_kind's faults */
	W_VALUE = 4096,  /* "mu", "pa", "id": wrong_kind's other shapes */
	W_SSL = 8192,    /* "r:": OpenSSL's "error:80000002:" (openssl_blank) */
	W_LAYOUT = 16384, /* "ta", "sp", "li": layout_named */
};

static void word_pairs_build(void)
{
	static const struct {
		const char *pair;
		uint16_t groups;
	} pairs[] = {
		{ "xp", W_EXPECT | W_ASSERT }, { "wa", W_ASSERT }, { "ss", W_ASSERT },
		{ "mi", W_MISSING }, { "fo", W_MISSING }, { "ee", W_MISSING },
		{ "du", W_DUP },
		{ "no", W_FOUND }, { "fi", W_FOUND }, { "op", W_FOUND },
		{ "re", W_FOUND }, { "lo", W_FOUND }, { "xi", W_FOUND },
		{ "do", W_DOC },
		{ "nk", W_UNKNOWN | W_KEY }, { "gn", W_KEY }, { "pp", W_KEY },
		{ "uc", W_KEY }, { "ef", W_KEY }, { "oo", W_BRACKET },
		{ "xt", W_BRACKET }, { "sm", W_BRACKET }, { "gh", W_BRACKET },
		{ "rr", W_HEADING },
		{ "nv", W_FAULT | W_KEY }, { "ga", W_FAULT }, { "ba", W_FAULT },
		{ "wr", W_FAULT }, { "nc", W_FAULT }, { "mu", W_VALUE },
		{ "pa", W_VALUE }, { "id", W_VALUE }, { "r:", W_SSL },
		{ "ta", W_LAYOUT }, { "sp", W_LAYOUT }, { "li", W_LAYOUT },
	};
	unsigned char at[2] = { '@', 0 };
	size_t k;

	for (k = 0; k < sizeof(pairs) / sizeof(*pairs); k++)
		phrase_pair[cl_pair((const unsigned char *)pairs[k].pair)] |=
			pairs[k].groups;
	for (k = 0; k < 256; k++) {
		at[1] = (unsigned char)k;
		phrase_pair[cl_pair(at)] |= W_DOC;
	}
}

static void phrase_index_build(void)
{
	size_t k;

	for (k = 0; k < CL_NPHRASES + CL_NLATER; k++) {
		const char *text = phrase_at(k)->text;
		uint16_t *b = phrase_first[phrase_key(text)];
		size_t j = 0;

		phrase_len[k] = (unsigned char)strlen(text);
		for (j = 0; j < 4 && j < phrase_len[k]; j++) {
			phrase_head[k] |= (uint32_t)(unsigned char)text[j] << (8 * j);
			phrase_mask[k] |= (uint32_t)0xff << (8 * j);
		}
		j = 0;
		phrase_pair[cl_pair((const unsigned char *)text)] |= W_PHRASE;
		while (j < CL_PHRASE_BUCKET - 1 && b[j])
			j++;
		/* a phrase with no room would be lost silently: a table
		 * grown past CL_PHRASE_BUCKET fails every test */
		if (j == CL_PHRASE_BUCKET - 1)
			abort();
		b[j] = (uint16_t)(k + 1); /* 1 + index; 0 ends */
	}
	word_pairs_build();
}

_Static_assert(W_PHRASE == 1, "phrase_in adds the W_PHRASE bit as a count");
_Static_assert(CL_WORDS_MAX <= 65536, "phrase_in notes places in 16 bits");

/* The first phrase of the table that low[0..n) holds, or NULL; the first
 * of later_phrases it holds in *later when no phrase is there (NULL if
 * none); the W_* groups of the pairs it holds in *groups. One pass: each
 * position only meets the phrases that start with its three bytes. */
static const char *phrase_in(const char *low, size_t n, unsigned *groups,
			     const char **later)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	size_t best = CL_NPHRASES + CL_NLATER, i, k;
	unsigned g = 0;

	uint16_t at[CL_WORDS_MAX];
	size_t nat = 0, c;
	unsigned alpha = 0; /* is low[i - 1] a letter? */

	pthread_once(&once, phrase_index_build);
	if (n >= 2) /* the last pair, which starts no phrase of three bytes */
		g = phrase_pair[cl_pair((const unsigned char *)low + n - 2)];
	/* where a phrase may start, noted with no branch (as needles_in
	 * does): its first two bytes, at the start of a word, not the
	 * middle of a name ('noUnusedLocals' says nothing about an unused
	 * name) */
	for (i = 0; i + 2 < n; i++) {
		unsigned v = phrase_pair[cl_pair((const unsigned char *)low + i)];
		/* low is lower case: a letter is 'a'..'z' */
		unsigned here = (unsigned char)(low[i] - 'a') < 26;

		g |= v;
		at[nat] = (uint16_t)i;
		nat += v & W_PHRASE & ~(alpha & here);
		alpha = here;
	}
	for (c = 0; c < nat; c++) {
		const uint16_t *b = phrase_first[phrase_key(low + at[c])];
		const unsigned char *u = (const unsigned char *)low + at[c];
		uint32_t head;

		i = at[c];
		/* (a phrase starts where its pair is: 3 bytes at least here) */
		head = (uint32_t)u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16 |
		       (i + 3 < n ? (uint32_t)u[3] << 24 : 0);
		for (k = 0; k < CL_PHRASE_BUCKET && b[k]; k++) {
			size_t p = b[k] - 1u, len = phrase_len[p];

			if (p < best && len <= n - i &&
			    (head & phrase_mask[p]) == phrase_head[p] &&
			    (len <= 4 || !memcmp(low + i + 4, phrase_at(p)->text + 4,
						 len - 4)))
				best = p;
		}
	}
	*groups = g;
	*later = best >= CL_NPHRASES && best < CL_NPHRASES + CL_NLATER ?
		 later_phrases[best - CL_NPHRASES].category : NULL;
	return best < CL_NPHRASES ? phrases[best].category : NULL;
}

/* Does low[0..n) speak of a text's layout (spaces, indentation, blank
 * lines): a style checker's numbers, not an assertion's values? */
static bool layout_words(const char *low, size_t n)
{
	return cl_find(low, n, " space", 6) || cl_find(low, n, "indent", 6) ||
	       cl_find(low, n, "blank line", 10);
}

/* Does low[0..n) name a layout a style checker rules on, by itself
 * ("Unexpected tabs found", "Line contains tab indentation", "trailing
 * spaces")? "space" alone is not one: "No space left on device". */
static bool layout_named(const char *low, size_t n)
{
	const char *t = cl_find(low, n, "tab", 3);

	/* "tab", "tabs" as a word ("Tabs identified": KWStyle), not
	 * "table" or "stable" */
	for (; t; t = cl_find(t + 3, n - (size_t)(t + 3 - low), "tab", 3))
		if ((t == low || !is_alpha(t[-1])) &&
		    (t + 3 == low + n || !is_alpha(t[3]) ||
		     (t[3] == 's' && (t + 4 == low + n || !is_alpha(t[4])))))
			return true;
	return cl_find(low, n, " spaces", 7) || cl_find(low, n, "whitespace", 10) ||
	       cl_find(low, n, "indentation", 11) ||
	       cl_find(low, n, "blank line", 10) || cl_find(low, n, "empty line", 10) ||
	       cl_find(low, n, "line length", 11) || cl_find(low, n, "line too long", 13);
}

/* "expected X, got Y": a type error (an assertion's "expected ...
 * received" is caught above); "expected X but found Y", and "';'
 * expected" or "instruction expected" (a parser's idiom: what it wanted
 * first, then "expected"), a syntax error. */
static const char *expected_got(const char *low, size_t n)
{
	static const char *const wanted[] = { "' expected", "\" expected",
		"` expected", "instruction expected", "expression expected",
		"identifier expected", "statement expected",
		"declaration expected", "operand expected" };
	const char *e = cl_find(low, n, "expected", 8), *f;
	size_t k;

	/* (a command's: "the fileinto command expects a string as argument
	 * 1 (folder), but a number was found", sievec's) */
	if (!e && !(e = cl_find(low, n, "expects ", 8)))
		return NULL;
	/* the layout a style checker wants: "Expected 1 space after IF",
	 * "expected at least 4 spaces, found 2", "Expected indentation of
	 * 2 spaces", pycodestyle's "expected 2 blank lines, found 1" */
	if (layout_words(low, n))
		return CAT_LINT_VIOLATION;
	for (k = 0; k < sizeof(wanted) / sizeof(*wanted); k++)
		if (cl_find(low, n, wanted[k], strlen(wanted[k])))
			return CAT_SYNTAX_ERROR;
	/* what it got was the end of the text: "Expected name, got end of
	 * ff_statement" (FontForge's), "expected ')', got EOF" */
	if ((f = cl_find(e, n - (size_t)(e - low), " got ", 5)) &&
	    (STARTS(f + 5, n - (size_t)(f + 5 - low), "end") ||
	     STARTS(f + 5, n - (size_t)(f + 5 - low), "eof")))
		return CAT_SYNTAX_ERROR;
	/* " got ", and Crystal's "expected argument #1 to be Int32, not
	 * String" */
	if (f ||
	    cl_find(e, n - (size_t)(e - low), ", not ", 6) ||
	    /* Aeson's "expected String, but encountered Number" (hpack's) */
	    cl_find(e, n - (size_t)(e - low), " but encountered ", 17))
		return CAT_TYPE_ERROR;
	f = cl_find(e, n - (size_t)(e - low), " found", 6);
	if (f && (f + 6 == low + n || !is_alpha(f[6]))) {
		/* what a value passed or returned should have been
		 * ("Expected `Integer` but found `String` for argument `n`",
		 * Sorbet's): a type */
		if (cl_find(e, n - (size_t)(e - low), " for argument", 13) ||
		    cl_find(e, n - (size_t)(e - low), " as argument", 12) ||
		    cl_find(e, n - (size_t)(e - low), " for parameter", 14) ||
		    cl_find(e, n - (size_t)(e - low), " for return", 11))
			return CAT_TYPE_ERROR;
		return CAT_SYNTAX_ERROR;
	}
	return NULL;
}

/* Is c a byte of a grammar's punctuation token (';', '}', '=>', ':=')? */
static bool token_punct(char c)
{
	return c && strchr(";:,.{}[]()<>=+-*/|&!?#@$%^~", c) != NULL;
}

/* "Expected RBRACE at line 7" (csslint), "found: ']' - expected:
 * 'STRING', 'NUMBER'" (jsonlint and every Jison parser), ANTLR's
 * "expecting ID", "expected ';' or '}'": a parser naming the token it
 * wanted, a grammar's token name in capitals or quoted punctuation. A
 * syntax error. One quoted word in capitals alone may be an assertion's
 * value ("expected 'FOO' to equal 'BAR'"): it counts in a list of them or
 * when the message says what came instead ("found", "got"). Quoted
 * punctuation under a linter's rule is its style ("Expected '===' and
 * instead saw '=='. (eqeqeq)"): ruled says there is one. m is low in its
 * own case. */
/* What a parser wanted, closing the message: "MX exchange expected"
 * (validns), "identifier expected" (Pascal's); not "did not panic as
 * expected", "slower than expected". */
static bool closing_expected(const char *low, size_t n)
{
	static const char *const not_a_noun[] = { "as", "than", "is", "was",
						  "were", "be", "been", "are",
						  "not" };
	size_t k = n, b, i;

	while (k > 0 && (low[k - 1] == ' ' || low[k - 1] == '.'))
		k--;
	if (k <= 10 || memcmp(low + k - 9, " expected", 9) || !is_alpha(low[k - 10]))
		return false;
	for (b = k - 10; b > 0 && is_alpha(low[b - 1]); b--)
		;
	for (i = 0; i < sizeof(not_a_noun) / sizeof(*not_a_noun); i++)
		if (k - 9 - b == strlen(not_a_noun[i]) &&
		    !memcmp(low + b, not_a_noun[i], k - 9 - b))
			return false;
	return true;
}

static bool word_of(const char *low, size_t n, size_t j,
		    const char *const *list, size_t nl);

/* The kinds of value a setting or an argument takes: the first
 * SCALAR_KINDS of them a scalar's (a number, a truth, a span). */
static const char *const value_kinds[] = {
	"number", "integer", "int", "boolean", "bool", "float", "decimal",
	"positive", "non-negative", "unsigned", "duration", "percentage",
	"port", "real", "arithmetic", "numeric",
	"string", "list", "array", "object", "map", "value", "valid",
	"single", "non-empty", "bit-vector", "bitvector",
};
#define SCALAR_KINDS 16
_Static_assert(SCALAR_KINDS <= sizeof(value_kinds) / sizeof(*value_kinds),
	       "value_kinds holds its scalars");

/* Is low[0..n) a construct's end, named in a word or two before "end"
 * ("variable end", "block end") and nothing after it? */
static bool construct_end(const char *low, size_t n)
{
	size_t k, words = 0;

	while (n && (low[n - 1] == ' ' || low[n - 1] == '.'))
		n--;
	if (n < 5 || memcmp(low + n - 4, " end", 4))
		return false;
	for (k = 0; k < n - 4; k++) {
		if (low[k] == ' ')
			words++;
		else if (!is_alpha(low[k]) && low[k] != '-')
			return false;
	}
	return words < 2;
}

static const char *expected_token(const char *m, const char *low, size_t n,
				  bool ruled)
{
	const char *e = low;
	size_t k, j;
	char q;

	if (!ruled && closing_expected(low, n))
		return CAT_SYNTAX_ERROR;
	/* a name where a command goes: cvc4's "expected SMT-LIBv2 command,
	 * got `chek-sat'" names a command nothing defines */
	if (!ruled && cl_find(low, n, " command, got ", 14))
		return CAT_UNDEFINED_SYMBOL;
	/* a keyword in capitals the grammar wanted: iptables-restore's
	 * "COMMIT expected at line 4" */
	if (!ruled && (e = cl_find(low, n, " expected", 9))) {
		size_t a = k = (size_t)(e - low);

		while (a > 0 && m[a - 1] >= 'A' && m[a - 1] <= 'Z')
			a--;
		if (k - a >= 2 && (a == 0 || m[a - 1] == ' '))
			return CAT_SYNTAX_ERROR;
	}
	e = low;
	while ((e = cl_find(e, n - (size_t)(e - low), "expect", 6)) &&
	       e > low && is_alpha(e[-1]))
		e += 6;
	if (!e)
		return NULL;
	k = (size_t)(e - low) + 6;
	if (starts(low + k, n - k, "ed"))
		k += 2;
	else if (starts(low + k, n - k, "ing"))
		k += 3;
	else
		return NULL;
	if (k < n && low[k] == ':')
		k++;
	k = skip_blanks(m, n, k);
	if (k >= n)
		return NULL;
	/* the end of a construct the grammar wanted: nunjucks' "expected
	 * variable end", "expected block end", "expected end of input" */
	if (!ruled && (STARTS(low + k, n - k, "end of ") ||
		       construct_end(low + k, n - k)))
		return CAT_SYNTAX_ERROR;
	/* what the grammar wanted, by its name, nothing said of what came
	 * instead: halibut's "expected a paragraph keyword", recfix's
	 * "expected a record" (a value's kind, "expected a string", and
	 * "expected a number" are wrong_kind's; an assertion's "Expected: a
	 * sequence ..." is a label's) */
	/* a token wanted before or after a quoted one: boolector's
	 * "expected hexa-decimal digit after '#x'", pasmo's "Value
	 * expected but '(eol)'found" */
	if (!ruled && (cl_find(low + k, n - k, " after '", 8) ||
		       cl_find(low + k, n - k, " before '", 9) ||
		       STARTS(low + k, n - k, "but '")) &&
	    !cl_find(low, n, " got", 4))
		return CAT_SYNTAX_ERROR;
	if (!ruled && low[k - 1] == ' ' && low[k - 2] != ':' &&
	    (starts(low + k, n - k, "a ") || starts(low + k, n - k, "an ")) &&
	    !word_of(low, n, k + (low[k + 1] == 'n' ? 3 : 2), value_kinds,
		     sizeof(value_kinds) / sizeof(*value_kinds)) &&
	    !cl_find(low, n, " got", 4) && !cl_find(low, n, " but ", 5) &&
	    !cl_find(low, n, "found", 5) && !cl_find(low, n, " to ", 4))
		return CAT_SYNTAX_ERROR;
	if (m[k] >= 'A' && m[k] <= 'Z') {
		for (j = k; j < n && ((m[j] >= 'A' && m[j] <= 'Z') || m[j] == '_'); j++)
			;
		return j - k >= 2 && (j == n || (!is_alpha(m[j]) && !is_digit(m[j]))) ?
		       CAT_SYNTAX_ERROR : NULL;
	}
	/* the token bare, a word after it: sparse's "Expected ; at end of
	 * statement", "Expected } at end of function", yacc-made parsers'
	 * "expected ) before x" */
	if (token_punct(m[k]) && !ruled) {
		for (j = k; j < n && j - k < 3 && token_punct(m[j]); j++)
			;
		/* a clause's comma is no token: Lua's "(table expected, got
		 * nil)" is expected_got's */
		if (j == k + 1 && (m[k] == ',' || m[k] == '.'))
			return NULL;
		if (j + 1 < n && m[j] == ' ' && is_alpha(m[j + 1]))
			return CAT_SYNTAX_ERROR;
	}
	if (m[k] != '\'' && m[k] != '"' && m[k] != '`')
		return NULL;
	q = m[k];
	for (j = k + 1; j < n && j - k <= 3 && token_punct(m[j]); j++)
		;
	if (j < n && j > k + 1 && m[j] == q)
		return ruled ? NULL : CAT_SYNTAX_ERROR; /* "expected ';'" */
	for (j = k + 1; j < n && ((m[j] >= 'A' && m[j] <= 'Z') || m[j] == '_'); j++)
		;
	if (j >= n || j - k < 3 || m[j] != q)
		return NULL;
	/* a list ("'STRING', 'NUMBER'"), or what came instead */
	if ((j + 3 < n && m[j + 1] == ',' && m[j + 2] == ' ' && m[j + 3] == q) ||
	    cl_find(low, n, "found", 5) || cl_find(low, n, " got ", 5))
		return CAT_SYNTAX_ERROR;
	return NULL;
}

/* Does low[0..n) compare values twice, " == " then " != " (or "==" again,
 * or the other way), blanks around each: an assertion's expression and
 * what it came to, not a parser's quoted token ("expected '=='")? */
static bool compared(const char *low, size_t n)
{
	const char *a = cl_find(low, n, " == ", 4), *b;

	if (!a)
		return false;
	a += 4;
	b = cl_find(a, n - (size_t)(a - low), " != ", 4);
	return b || cl_find(a, n - (size_t)(a - low), " == ", 4);
}

/* Is what follows "expected" (or "expecting") at low[e] a value, not a
 * type or a token: a number ("expected 3 but was -1"), or a number,
 * string or list in
 * brackets ("expected [3] but found [4]" (TestNG), "Expected <3>, actual
 * <4>" (kotlin.test)), with what came after it ("but", "got", "actual",
 * "found")? Parsers name tokens quoted ("expected ';' but found '}'") or
 * by their grammar's names ("expected <identifier>"). */
static bool expected_value(const char *low, size_t n, const char *e)
{
	/* and a matcher's verb: "expected 3 to be 4" (expect.js, should),
	 * Unity's "Expected 4 Was 3" */
	static const char *const came[] = { "but ", "got ", "actual",
					    "found ", "instead ", "received",
					    "was ", "to be ", "to have ",
					    "to contain", "to include",
					    "to match" };
	/* past "expected" or "expecting" */
	size_t j = (size_t)(e - low) + (e[6] == 'i' ? 9 : 8), v, k;
	char c;

	if ((e > low && is_alpha(e[-1])) || layout_words(low, n))
		return false;
	j = skip_blanks(low, n, j);
	if (j + 1 >= n)
		return false;
	c = low[j];
	v = c == '-' || c == '[' || c == '<' ? j + 1 : j;
	/* a string in double quotes is a value when it came "received" or
	 * "but ..." ("Expected "foo" but received "bar""): a parser's token
	 * is quoted punctuation (expected_token), a type checker's type
	 * comes with "got" */
	if (c == '"' && j + 2 < n && is_alpha(low[j + 1]) &&
	    (cl_find(low + j, n - j, "received", 8) ||
	     cl_find(low + j, n - j, " but ", 5)))
		c = '[', v = j; /* read it to its close as a bracket */
	else if (!is_digit(low[v]) &&
		 !((c == '[' || c == '<') && strchr("-'\"]>", low[v])))
		return false;
	/* past the value (a bracket's to its close), then what came: "2
	 * arguments, but got 1" counts things, a type checker's arity */
	if (c == '[' || c == '<') {
		const char *close = memchr(low + j + 1, low[j] == '"' ? '"' :
					   c == '[' ? ']' : '>', n - j - 1);

		if (!close)
			return false;
		j = (size_t)(close - low) + 1;
	} else {
		while (j < n && !is_blank(low[j]) && low[j] != ',')
			j++;
	}
	while (j < n && (is_blank(low[j]) || low[j] == ',' || low[j] == ';'))
		j++;
	for (k = 0; k < sizeof(came) / sizeof(*came); k++)
		if (starts(low + j, n - j, came[k]))
			return true;
	return false;
}

/* An assertion's report in any test framework's words: what was expected
 * and what came, as labels ("Expected: 3" and "Actual: -1", "got:",
 * "received:", JUnit's "expected:<3> but was:<4>"), Go's "got 4, want 5",
 * PHPUnit's "Failed asserting that", "expectation failed". A test's
 * failure (a type checker says "expected X, got Y" without the labels). */
static const char *assertion_words(const char *low, size_t n)
{
	static const char *const got[] = { "actual:", "actual :", "got:",
					   "received:", "but was", "result:" };
	const char *e;
	size_t k;

	/* each holds "xpect", "want" or "sserting": one pass rules out the
	 * many messages that have none */
	for (k = 0; k + 4 <= n; k++)
		if ((low[k] == 'x' && low[k + 1] == 'p' && low[k + 2] == 'e') ||
		    (low[k] == 'w' && low[k + 1] == 'a' && low[k + 2] == 'n') ||
		    (low[k] == 's' && low[k + 1] == 's' && low[k + 2] == 'e'))
			break;
	if (k + 4 > n)
		return NULL;
	if (cl_find(low, n, "failed asserting", 16) ||
	    cl_find(low, n, "expectation", 11))
		return CAT_TEST_FAILURE;
	/* what was expected and what came as comparisons of values:
	 * CxxTest's "Expected (a == 5), found (-1 != 5)", Boost.Test's
	 * "check a == b has failed [1 != 2]", doctest's and Catch's
	 * "CHECK( a == b )" over "1 == 2" */
	if (compared(low, n) && (cl_find(low, n, "found", 5) ||
				 cl_find(low, n, "failed", 6) ||
				 cl_find(low, n, " got ", 5)))
		return CAT_TEST_FAILURE;
	if (cl_find(low, n, "expected:", 9) || cl_find(low, n, "expected :", 10)) {
		for (k = 0; k < sizeof(got) / sizeof(*got); k++)
			if (cl_find(low, n, got[k], strlen(got[k])))
				return CAT_TEST_FAILURE;
		return NULL;
	}
	/* "got 4, want 5", "= 4; want 5" */
	if (cl_find(low, n, "got ", 4) && cl_find(low, n, "want ", 5))
		return CAT_TEST_FAILURE;
	/* a value expected, and what came */
	if ((e = cl_find(low, n, "expected ", 9)) && expected_value(low, n, e))
		return CAT_TEST_FAILURE;
	/* an assert statement's comparison, as pytest and power-assert
	 * libraries print it: "assert 3 == 4", "assert x != y" */
	if ((e = cl_find(low, n, "assert ", 7)) && (e == low || !is_alpha(e[-1])) &&
	    (cl_find(e, n - (size_t)(e - low), " == ", 4) ||
	     cl_find(e, n - (size_t)(e - low), " != ", 4)))
		return CAT_TEST_FAILURE;
	/* two values unlike ("not equal: expected 3, got 4": testify) */
	if (cl_find(low, n, "not equal", 9))
		return CAT_TEST_FAILURE;
	return NULL;
}

static int sev_word(const char *m, size_t n, size_t *len, bool *note)
{
#define SEV(w, sev) { w, sizeof(w) - 1, sev }
	static const struct {
		const char *w;
		size_t len;
		int sev;
	} words[] = {
		SEV("fatal error", DIAG_ERROR), SEV("error", DIAG_ERROR),
		SEV("fatal", DIAG_ERROR),       SEV("failure", DIAG_ERROR),
		SEV("warning", DIAG_WARNING),   SEV("warn", DIAG_WARNING),
		SEV("note", DIAG_NOTE),         SEV("info", DIAG_NOTE),
		SEV("hint", DIAG_NOTE),         SEV("style", DIAG_NOTE),
		SEV("convention", DIAG_WARNING), SEV("refactor", DIAG_WARNING),
		SEV("\xe2\x9c\x96", DIAG_ERROR), /* ✖ */
		SEV("\xe2\x9c\x98", DIAG_ERROR), /* ✘ */
		SEV("\xc3\x97", DIAG_ERROR),     /* × */
		SEV("\xe2\x9a\xa0", DIAG_WARNING), /* ⚠ */
		/* syslog's levels above error, as servers' and daemons'
		 * checkers tag their lines (nginx's "[emerg]", haproxy's
		 * "[ALERT]", "CRITICAL:") */
		SEV("emerg", DIAG_ERROR),       SEV("alert", DIAG_ERROR),
		SEV("critical", DIAG_ERROR),    SEV("crit", DIAG_ERROR),
		/* "ERR: invalid function" (newLISP): in capitals only, not
		 * a program's "err" */
		SEV("err", DIAG_ERROR),
	};
#undef SEV
	/* The words by their first byte (lower case): 1 + their index, in
	 * the order of words (the first that matches wins), 0 ends. Every
	 * message's words are asked: most start with none of these bytes,
	 * and the others meet only the words they could be. A word added
	 * above is added here (the count below says so). */
	static const unsigned char by_first[256][4] = {
		['f'] = { 1, 3, 4 }, ['e'] = { 2, 17, 21 }, ['w'] = { 5, 6 },
		['n'] = { 7 }, ['i'] = { 8 }, ['h'] = { 9 }, ['s'] = { 10 },
		['c'] = { 11, 19, 20 }, ['r'] = { 12 }, ['a'] = { 18 },
		[0xe2] = { 13, 14, 16 }, [0xc3] = { 15 },
	};
	_Static_assert(sizeof(words) / sizeof(*words) == 21,
		       "sev_word's by_first lists every word");
	size_t k, i, j;
	char c = n ? lower(m[0]) : 0;
	const unsigned char *at = by_first[(unsigned char)c];

	*note = false;
	for (j = 0; j < 4 && at[j]; j++) {
		size_t wl;

		k = at[j] - 1u;
		wl = words[k].len;
		if (n < wl)
			continue;
		for (i = 1; i < wl && lower(m[i]) == words[k].w[i]; i++)
			;
		if (i < wl)
			continue;
		/* a whole word: "errors found" is not a severity */
		if (wl < n && (is_alpha(m[wl]) || m[wl] == '_' || m[wl] == '-'))
			continue;
		if (k == 20 && memcmp(m, "ERR", 3))
			continue;
		*len = wl;
		*note = words[k].sev == DIAG_NOTE && c == 'n';
		return words[k].sev;
	}
	return -1;
}

static bool quoted_file(const char *low, size_t n, size_t q);

/* "not found" and its kin name what was not found: a dependency or
 * package (missing_dependency), an import or include (import_resolution),
 * a variable, function or command (undefined_symbol). */
bool cl_errno_report(const char *m, size_t n)
{
	/* (either case: low or as printed) */
	return cl_find(m, n, "ENOENT", 6) || cl_find(m, n, "enoent", 6) ||
	       cl_find(m, n, "[Errno ", 7) || cl_find(m, n, "[errno ", 7);
}

/* Is low[j..) a file's name, unquoted, up to the message's end or a
 * blank, ',' or ':' ("shop.cfg", "conf/a.ini"): a dot and an extension
 * of one to five letters? */
static bool unquoted_file(const char *low, size_t n, size_t j)
{
	size_t e = j, dot = 0, k;

	while (e < n && (is_alpha(low[e]) || is_digit(low[e]) || low[e] == '_' ||
			 low[e] == '-' || low[e] == '.' || low[e] == '/'))
		e++;
	/* (a sentence's full stop is none of the name) */
	if (e == n && e > j && low[e - 1] == '.')
		e--;
	for (k = j; k < e; k++)
		if (low[k] == '.')
			dot = k;
	if (e == j || !dot || dot == j || e - dot < 2 || e - dot > 6 ||
	    (e < n && low[e] != ' ' && low[e] != ',' && low[e] != ':' &&
	     !(low[e] == '.' && e + 1 == n)))
		return false;
	/* a letter first, digits after it maybe ("x.j2", "a.f90", "m.mp3") */
	if (!is_alpha(low[++dot]))
		return false;
	for (; dot < e; dot++)
		if (!is_alpha(low[dot]) && !is_digit(low[dot]))
			return false;
	return true;
}

static const char *not_found(const char *low, size_t n)
{
	/* the ways of saying it, by a word each holds (its anchor: a
	 * message without the anchor skips the forms that share it) */
	static const char *const anchors[] = { "found", "find", "no such ",
					       "locate", "open", "read",
					       "exist", "load", "named ",
					       "fetch", "stat" };
	static const struct {
		unsigned char anchor; /* in anchors */
		const char *text;
		bool exist; /* "does not exist": see below */
	} what[] = {
		{ 0, "not found", false },
		/* "could not be found", "cannot be found", "can't be found" */
		{ 0, "not be found", false },
		{ 0, "n't be found", false },
		{ 1, "could not find", false },
		{ 1, "cannot find", false },
		{ 1, "can't find", false },
		{ 1, "couldn't find", false },
		{ 1, "unable to find", false },
		{ 1, "can not find", false },
		/* Agda's "Failed to find source of module X" */
		{ 1, "failed to find", false },
		{ 2, "no such ", false },
		{ 3, "failed to locate", false },
		{ 3, "unable to locate", false },
		{ 3, "could not locate", false },
		{ 3, "can't locate", false },
		{ 3, "cannot locate", false },
		/* a file that is not there: "cannot open file: x" (nim),
		 * "unable to read module `x`" (D), "nonexisting document" */
		{ 4, "cannot open", false },
		{ 4, "can't open", false },
		{ 4, "could not open", false },
		{ 4, "unable to open", false },
		{ 4, "couldn't open", false },
		{ 4, "failed to open", false },
		/* (picosat's "can not read input file 'x'", spelt apart) */
		{ 4, "can not open", false },
		/* gengetopt's "Error opening input file: x.ggo", "error
		 * opening file" in many tools' words */
		{ 4, "error opening", false },
		{ 5, "unable to read", false },
		/* txt2tags' "Cannot read file: x.conf" */
		{ 5, "cannot read file", false },
		{ 5, "can't read file", false },
		{ 5, "could not read file", false },
		{ 5, "can not read", false },
		{ 5, "read input file", false },
		{ 6, "nonexist", false },
		{ 6, "non-existent", false },
		/* javac's "package x does not exist", PostgreSQL's 'relation
		 * "t" does not exist', "file 'x' doesn't exist" */
		{ 6, "does not exist", true },
		{ 6, "doesn't exist", true },
		{ 6, "do not exist", true },
		/* "unable to load include file: x.fbs" */
		{ 7, "unable to load", false },
		{ 7, "could not load", false },
		{ 7, "cannot load", false },
		{ 7, "can't load", false },
		{ 7, "failed to load", false },
		{ 7, "can not load", false },
		/* "no X named y": see below */
		{ 8, " named ", false },
		/* quicktype's "Could not fetch schema x.json" */
		{ 9, "could not fetch", false },
		{ 9, "cannot fetch", false },
		/* a file stat(2) did not find: VISL CG-3's "Cannot stat x.cg3 due
		 * to error -1" */
		{ 10, "cannot stat", false },
		{ 10, "could not stat", false },
	};
	static const struct phrase kinds[] = {
		/* an assembler's "no such instruction: `x'" is its grammar's */
		{ "instruction", CAT_SYNTAX_ERROR },
		{ "mnemonic", CAT_SYNTAX_ERROR },
		{ "opcode", CAT_SYNTAX_ERROR },
		/* "export 'x' (imported as 'x') was not found in './y'" */
		{ "export", CAT_MISSING_EXPORT },
		/* a task runner's task nothing defines (Grunt's 'Task "x" not
		 * found', doit's "Task dependency 'x' does not exist"), before
		 * "dependency" */
		{ "task ", CAT_UNDEFINED_SYMBOL },
		/* a script of package.json nothing defines (Wireit's "Cannot
		 * find script named "x" in package"; not ld's "cannot open
		 * linker script file x") */
		{ " script named", CAT_UNDEFINED_SYMBOL },
		{ "dependency", CAT_MISSING_DEPENDENCY },
		{ "package", CAT_MISSING_DEPENDENCY },
		{ "library", CAT_MISSING_DEPENDENCY },
		/* what an ecosystem installs by its own name (Bundler's "Could
		 * not find gem", rustc's "can't find crate"), or a program
		 * a build runs (Meson's "Program 'x' not found"); whole words
		 * ("management", "programming" are none) */
		{ " gem ", CAT_MISSING_DEPENDENCY },
		{ "crate", CAT_MISSING_DEPENDENCY },
		{ "program ", CAT_MISSING_DEPENDENCY },
		{ "executable", CAT_MISSING_DEPENDENCY },
		/* a version asked for is a package's, not a project's file
		 * (gjs's "Typelib file for namespace 'Gtk', version '9.0'
		 * not found", the loader's "version `GLIBC_2.34' not found") */
		{ "version", CAT_MISSING_DEPENDENCY },
		{ "import", CAT_IMPORT_RESOLUTION },
		{ "include", CAT_IMPORT_RESOLUTION },
		{ "module", CAT_IMPORT_RESOLUTION },
		{ "variable", CAT_UNDEFINED_SYMBOL },
		{ "function", CAT_UNDEFINED_SYMBOL },
		{ "symbol", CAT_UNDEFINED_SYMBOL },
		{ "command", CAT_UNDEFINED_SYMBOL },
		{ "method", CAT_UNDEFINED_SYMBOL },
		/* Icinga 2's "Attribute 'adress' does not exist" */
		{ "attribute", CAT_UNDEFINED_SYMBOL },
		/* a template language's tag or filter nothing defines
		 * (Liquid's 'tag "endfr" not found', Jinja's "No filter named
		 * 'x'") */
		{ "tag ", CAT_UNDEFINED_SYMBOL },
		{ "filter", CAT_UNDEFINED_SYMBOL },
		/* PHP's "Class "Foo" not found", Puppet's "Could not find
		 * class", Pascal's and SQL's procedures */
		{ "class ", CAT_UNDEFINED_SYMBOL },
		{ "procedure", CAT_UNDEFINED_SYMBOL },
		/* SQL's "no such column: x", PostgreSQL's "relation" */
		{ "column", CAT_UNDEFINED_SYMBOL },
		{ "table", CAT_UNDEFINED_SYMBOL },
		{ "relation", CAT_UNDEFINED_SYMBOL },
		/* a LaTeX package or class, installed as one ("File
		 * `fancychart.sty' not found") */
		{ ".sty", CAT_MISSING_DEPENDENCY },
		{ ".cls", CAT_MISSING_DEPENDENCY },
		/* a file or document the project names (Sphinx's toctree), a
		 * resource it refers to (EPUBCheck's "Referenced resource
		 * "x" could not be found") */
		{ "file", CAT_IMPORT_RESOLUTION },
		{ "resource", CAT_IMPORT_RESOLUTION },
		{ "document", CAT_IMPORT_RESOLUTION },
		{ "directory", CAT_IMPORT_RESOLUTION },
		/* a reference nothing defines: javadoc's "reference not
		 * found", pandoc's "citation smith99 not found" (after a
		 * document's: Sphinx's "reference to nonexisting
		 * document") */
		{ "reference", CAT_UNDEFINED_SYMBOL },
		{ "citation", CAT_UNDEFINED_SYMBOL },
		/* Scala's "not found: value x", "not found: type T" */
		{ "value", CAT_UNDEFINED_SYMBOL },
		{ "type", CAT_UNDEFINED_SYMBOL },
	};
	const char *nf, *said = NULL; /* where the words say it */
	size_t k, said_len = 0, anchor = sizeof(anchors) / sizeof(*anchors);
	bool there = false, exist, nosuch;

	/* each of `what` holds "not ", "no ", "non", "fin", "ope", "read",
	 * "loc", "loa" or "exi": one pass rules out the many messages that
	 * have none (and W_FOUND's pairs are in them: cl_words_read asks
	 * only messages with one) */
	for (k = 0; k + 3 < n; k++)
		if ((low[k] == 'n' && low[k + 1] == 'o' &&
		     (low[k + 2] == ' ' || low[k + 2] == 'n' ||
		      (low[k + 2] == 't' && low[k + 3] == ' '))) ||
		    (low[k] == 'f' && low[k + 1] == 'i' && low[k + 2] == 'n') ||
		    (low[k] == 'o' && low[k + 1] == 'p' && low[k + 2] == 'e') ||
		    (low[k] == 'l' && low[k + 1] == 'o' &&
		     (low[k + 2] == 'c' || low[k + 2] == 'a')) ||
		    (low[k] == 'r' && low[k + 1] == 'e' && low[k + 2] == 'a' &&
		     low[k + 3] == 'd') ||
		    (low[k] == 'e' && low[k + 1] == 'x' && low[k + 2] == 'i'))
			break;
	if (k + 3 >= n)
		return NULL;
	for (k = 0; k < sizeof(what) / sizeof(*what); k++) {
		if (what[k].anchor != anchor) {
			anchor = what[k].anchor;
			there = cl_find(low, n, anchors[anchor],
					strlen(anchors[anchor])) != NULL;
		}
		if (there &&
		    (said = cl_find(low, n, what[k].text, strlen(what[k].text)))) {
			said_len = strlen(what[k].text);
			break;
		}
	}
	if (k == sizeof(what) / sizeof(*what))
		return NULL;
	/* a runtime's errno ("[Errno 2] No such file or directory: 'x'",
	 * "ENOENT: no such file or directory, open 'x'") says no kind; the
	 * tool's own words before it may ("Failed to load stylesheet at
	 * file:///a/x.css: URLError: <urlopen error [Errno 2] ...>",
	 * WeasyPrint's): those */
	if (cl_errno_report(low, n)) {
		const char *e1 = cl_find(low, n, "[errno ", 7), *e2 = cl_find(low, n, "enoent", 6);
		size_t e = (size_t)((e1 && (!e2 || e1 < e2) ? e1 : e2) - low);

		return e > 8 ? not_found(low, e) : NULL;
	}
	nosuch = what[k].anchor == 2;
	/* "a X named y" alone: the kind is X's, the word right before
	 * " named" ("package does not have a pin named '999'", nextpnr's: a
	 * pin, not a package), a name nothing defines when X is no kind */
	if (what[k].anchor == 8) {
		size_t e = (size_t)(said - low), b = e, j;

		while (b > 0 && is_alpha(low[b - 1]))
			b--;
		for (j = 0; b < e && j < sizeof(kinds) / sizeof(*kinds); j++) {
			const char *t = kinds[j].text;
			size_t kl;

			while (*t == ' ')
				t++;
			for (kl = strlen(t); kl && t[kl - 1] == ' '; kl--)
				;
			if (kl == e - b && !memcmp(low + b, t, kl))
				return kinds[j].category;
		}
		return b < e ? CAT_UNDEFINED_SYMBOL : NULL;
	}
	/* a package that "does not exist" is a name the code imports (javac's
	 * "package x does not exist"), one not installed is "not found" */
	exist = what[k].exist;
	for (k = 0; k < sizeof(kinds) / sizeof(*kinds); k++)
		if (cl_find(low, n, kinds[k].text, strlen(kinds[k].text)))
			return exist && !strcmp(kinds[k].text, "package") ?
			       CAT_IMPORT_RESOLUTION : kinds[k].category;
	/* what was not found is a file by its name ("Unable to find
	 * 'nosuch.i'", "'x.pxd' not found"): one the project names */
	for (k = 0; k + 1 < n; k++)
		if ((low[k] == '\'' || low[k] == '"' || low[k] == '`') &&
		    quoted_file(low, n, k))
			return CAT_IMPORT_RESOLUTION;
	/* ... or unquoted right after them: "Can't find shop.cfg" (Tcl's
	 * find, OpenOCD's), "template not found: x.njk" (Nunjucks') */
	k = (size_t)(said - low) + said_len;
	if (k < n && low[k] == ' ' && unquoted_file(low, n, k + 1))
		return CAT_IMPORT_RESOLUTION;
	if (k + 2 < n && low[k] == ':' && low[k + 1] == ' ' &&
	    unquoted_file(low, n, k + 2))
		return CAT_IMPORT_RESOLUTION;
	/* ... or unquoted right before the words: "lib/util.gyp not found"
	 * (a folder and a file with its extension) */
	if ((nf = cl_find(low, n, " not found", 10))) {
		size_t e = (size_t)(nf - low), b = e, dot = 0, slash = 0;

		for (; b > 0 && low[b - 1] != ' '; b--)
			if (!dot && low[b - 1] == '.')
				dot = b - 1;
			else if (!slash && low[b - 1] == '/')
				slash = b;
		if (slash && dot > slash && e - dot >= 2 && e - dot <= 6 &&
		    is_alpha(low[dot + 1]))
			return CAT_IMPORT_RESOLUTION;
	}
	/* ... or the word before "does not exist", the subject: a file by
	 * its name ("internal image banner.png does not exist", "linking
	 * to pricing.html, which does not exist": HTML-Proofer's), a page's
	 * anchor ("linking to internal hash #contact that does not exist") */
	if (exist) {
		size_t e = (size_t)(said - low), b;

		/* (past a relative pronoun: ", which", " that") */
		for (k = 0; k < 2; k++) {
			while (e > 0 && (low[e - 1] == ' ' || low[e - 1] == ','))
				e--;
			for (b = e; b > 0 && low[b - 1] != ' '; b--)
				;
			if (k || !((e - b == 5 && STARTS(low + b, 5, "which")) ||
				   (e - b == 4 && STARTS(low + b, 4, "that"))))
				break;
			e = b;
		}
		if (e > b + 1 && low[b] == '#' && is_alpha(low[b + 1]))
			return CAT_UNDEFINED_SYMBOL;
		if (e > b && unquoted_file(low, e, b))
			return CAT_IMPORT_RESOLUTION;
	}
	/* "no template named 'x'" (clang), "There is no mixin named x"
	 * (Sass), whatever the kind: a name nothing defines */
	if ((nf = cl_find(low, n, " named ", 7)) && nf - low >= 4) {
		for (k = (size_t)(nf - low); k > 0 && is_alpha(low[k - 1]); k--)
			;
		if (k >= 3 && k < (size_t)(nf - low) && low[k - 1] == ' ' &&
		    low[k - 3] == 'n' && low[k - 2] == 'o' &&
		    (k == 3 || !is_alpha(low[k - 4])))
			return CAT_UNDEFINED_SYMBOL;
	}
	/* "Not found: x" (Scala 3, and "error: not found: x"): the name
	 * after the colon is what was looked up, an identifier */
	if ((nf = cl_find(low, n, "not found: ", 11))) {
		k = (size_t)(nf - low) + 11;
		if (k < n && (is_alpha(low[k]) || low[k] == '_')) {
			while (k < n && (is_alpha(low[k]) || is_digit(low[k]) ||
					 low[k] == '_'))
				k++;
			if (k == n || is_blank(low[k]))
				return CAT_UNDEFINED_SYMBOL;
		}
	}
	/* "no such peer: 10.0.0.3" (bgpd's), "no such host": a name of no
	 * kind above, none of a file's */
	return nosuch ? CAT_UNDEFINED_SYMBOL : NULL;
}

/* "Line number 900 not found", "could not find pattern q", "unable to
 * locate 'x'": something looked up by name that nothing answered, and
 * no word of not_found's kinds says what it was. A name the tool was
 * to find among the definitions it has read, as most such messages
 * mean (a file or package says so and not_found has read it); asked
 * last, when no other words said anything. Not an HTTP status ("404
 * Not Found"), a count ("no tests found") nor a value missing from a
 * collection. */
static bool looked_up_name(const char *low, size_t n)
{
	static const char *const words[] = { "not found", "not be found",
					     "n't be found", "could not find",
					     "cannot find", "can't find",
					     "couldn't find", "unable to find",
					     "unable to locate", "could not locate",
					     "cannot locate", "can't locate",
					     "failed to locate" };
	const char *at = NULL;
	size_t k, len = 0;

	/* each holds "found", "find" or "locat": one pass rules out the
	 * many messages with none */
	for (k = 0; k + 4 <= n; k++)
		if ((low[k] == 'f' && (!memcmp(low + k + 1, "ind", 3) ||
				       (k + 5 <= n && !memcmp(low + k + 1, "ound", 4)))) ||
		    (low[k] == 'l' && k + 5 <= n && !memcmp(low + k + 1, "ocat", 4)))
			break;
	if (k + 4 > n)
		return false;
	for (k = 0; k < sizeof(words) / sizeof(*words) && !at; k++)
		at = cl_find(low, n, words[k], len = strlen(words[k]));
	if (!at || cl_find(low, n, "404", 3) || cl_errno_report(low, n))
		return false;
	/* "'bob' not found in ['alice', 'carol']": an assertion's (a
	 * value looked for in a collection) */
	if (at + len + 4 < low + n && !memcmp(at + len, " in ", 4) &&
	    (at[len + 4] == '[' || at[len + 4] == '(' || at[len + 4] == '{'))
		return false;
	/* "no tests found", "0 files found", "nothing found" */
	if (cl_find(low, n, "no ", 3) == low || cl_find(low, n, "nothing", 7) ||
	    (n && is_digit(low[0])))
		return false;
	/* a name is there: a word of more than the phrase before or
	 * after it */
	for (k = 0; k < n; k++)
		if (is_alpha(low[k]) && (low + k < at || low + k >= at + len))
			break;
	return k < n;
}

/* Is low[0..k) one name alone ("y" of pcc's "y undefined")? */
static bool name_alone(const char *low, size_t k)
{
	size_t j;

	for (j = 0; j < k; j++)
		if (!is_alpha(low[j]) && !is_digit(low[j]) && low[j] != '_' &&
		    low[j] != '$')
			return false;
	return k > 0 && !is_digit(low[0]);
}

/* Is low[0..k) names alone after where the clause opens: "pnumb and
 * tnumb" after "[9,26] " (SableCC's "[9,26] PNumb and TNumb undefined."),
 * "a, b" after ": "? */
static bool names_opening(const char *low, size_t k)
{
	size_t e = k, b;

	for (;;) {
		for (b = e; b && (is_alpha(low[b - 1]) || is_digit(low[b - 1]) ||
				  low[b - 1] == '_');
		     b--)
			;
		if (b == e || is_digit(low[b]))
			return false;
		if (b == 0)
			return true;
		if (b >= 5 && !memcmp(low + b - 5, " and ", 5))
			e = b - 5;
		else if (b >= 2 && low[b - 2] == ',' && low[b - 1] == ' ')
			e = b - 2;
		else
			return b >= 2 && low[b - 1] == ' ' &&
			       (low[b - 2] == ']' || low[b - 2] == ')' ||
				low[b - 2] == ':');
	}
}

/* "'x' undefined" or "'x' is undefined" (w), then nothing or where: a
 * quoted name nothing defines; or the name bare, the whole of what comes
 * before ("y undefined", pcc's). */
static bool quoted_then(const char *low, size_t n, const char *w)
{
	const char *u = low;
	size_t k, e, len = strlen(w);

	/* (found by its word, not the blank before it: blanks are many) */
	while ((u = cl_find(u, n - (size_t)(u - low), w + 1, len - 1))) {
		if (u == low || u[-1] != ' ') {
			u++;
			continue;
		}
		u--;
		k = (size_t)(u - low);
		u += len;
		e = (size_t)(u - low);
		/* (and "'x' is undefined", pasmo's) */
		if (k >= 3 && !memcmp(low + k - 3, " is", 3))
			k -= 3;
		if (k == 0 || (low[k - 1] != '\'' && low[k - 1] != '"' &&
			       !name_alone(low, k) && !names_opening(low, k)))
			continue;
		if (e == n || STARTS(low + e, n - e, " near ") ||
		    STARTS(low + e, n - e, " at ") || STARTS(low + e, n - e, " in ") ||
		    (e + 1 == n && low[e] == '.'))
			return true;
	}
	return false;
}

/* ... undefined, or unknown (Exim's 'main option "bogus_option"
 * unknown') */
static bool quoted_undefined(const char *low, size_t n)
{
	return quoted_then(low, n, " undefined") || quoted_then(low, n, " unknown");
}

/* A documentation comment that does not match its code: "@param c is
 * not found in the argument list" (Doxygen, javadoc, JSDoc, phpDocumentor
 * tags), "parameter 'b' is not documented", "Missing doc comment",
 * "undocumented". A linter's finding, whatever else the words say. */
static const char *doc_comment(const char *low, size_t n)
{
	static const char *const words[] = { "@param", "@return", "@throws",
					     "not documented", "undocumented",
					     "doc comment", "docstring",
					     "missing documentation" };
	size_t k;

	const char *d = memchr(low, '@', n);

	/* most messages have neither an '@' nor "doc" */
	for (k = 0; !d && k + 2 < n; k++)
		if (low[k] == 'd' && low[k + 1] == 'o' && low[k + 2] == 'c')
			d = low + k;
	if (!d)
		return NULL;
	for (k = 0; k < sizeof(words) / sizeof(*words); k++)
		if (cl_find(low, n, words[k], strlen(words[k])))
			return CAT_LINT_VIOLATION;
	return NULL;
}

/* Does low[0..k) end with the word w? */
static bool ends_word(const char *low, size_t k, const char *w)
{
	size_t len = strlen(w);

	return k >= len && !memcmp(low + k - len, w, len) &&
	       (k == len || !is_alpha(low[k - len - 1]));
}

static bool word_of(const char *low, size_t n, size_t j,
		    const char *const *list, size_t nl);
static size_t next_word(const char *low, size_t n, size_t j);

/* Does low[k..n) hold one word of what kind of name, then the name bare,
 * and end there ("specifier frobnicate." after makeindex's "Unknown")?
 * Not an option or a flag (a command line's). */
static bool bare_name_closes(const char *low, size_t n, size_t k)
{
	size_t w = k, e;

	while (w < n && is_alpha(low[w]))
		w++;
	if (w < k + 3 || w + 2 >= n || low[w] != ' ' || ends_word(low, w, "option") ||
	    ends_word(low, w, "flag") || ends_word(low, w, "argument"))
		return false;
	for (e = w + 1; e < n && (is_alpha(low[e]) || is_digit(low[e]) ||
				  low[e] == '_' || low[e] == '-'); e++)
		;
	if (e < w + 3 || !is_alpha(low[w + 1]))
		return false;
	while (e < n && (low[e] == '.' || low[e] == ' '))
		e++;
	return e == n;
}

/* "unknown build rule 'x'", "Unknown key `y`", "Unknown target name:
 * "x"": a name the tool does not know, quoted within a few words of
 * "unknown". */
static const char *unknown_name(const char *low, size_t n)
{
	/* a value outside the set a setting takes, not a name: "unknown
	 * state 'MASTRE'" (keepalived), "unknown unit 'Q'" (logrotate),
	 * "unknown mode", "unknown log level", "unknown encoding" */
	static const char *const value_nouns[] = {
		"value", "unit", "state", "mode", "level", "format",
		"encoding", "protocol", "facility", "priority", "severity",
		"scheme", "algorithm", "policy",
	};
	const char *u = cl_find(low, n, "unknown ", 8);
	size_t k, words = 0;

	if (!u)
		return NULL;
	k = (size_t)(u - low) + 8;
	if (word_of(low, n, k, value_nouns,
		    sizeof(value_nouns) / sizeof(*value_nouns)))
		return CAT_TYPE_ERROR;
	if (bare_name_closes(low, n, k))
		return CAT_UNDEFINED_SYMBOL;
	for (k = (size_t)(u - low) + 8; k < n && words < 4; k++) {
		/* (a TeX-like command's backslash too: LilyPond's "unknown
		 * escaped string: `\bogus'"; not a lexer's escape, '\q') */
		if (low[k] == '\'' || low[k] == '`' || low[k] == '"') {
			size_t v;

			/* "Unknown length unit 'pz'" (FOP's): a value in a
			 * unit of none, the noun right before it */
			if (k > 1 && low[k - 1] == ' ' &&
			    (ends_word(low, k - 1, "unit") ||
			     ends_word(low, k - 1, "value")))
				return CAT_TYPE_ERROR;
			for (v = k + 1; v < n && (is_alpha(low[v]) || is_digit(low[v]) ||
						  low[v] == '_' || low[v] == '-'); v++)
				;
			/* (a name of digits after its noun: arachne-pnr's
			 * "unknown pin `999' on package `tq144'"; not an
			 * address, "unknown first address in '10.0.0.300/8'") */
			return k + 1 < n && (is_alpha(low[k + 1]) ||
					     (words && is_digit(low[k + 1]) && v < n &&
					      low[v] == (low[k] == '`' ? '\'' : low[k])) ||
					     (low[k + 1] == '\\' && k + 3 < n &&
					      is_alpha(low[k + 2]) &&
					      is_alpha(low[k + 3]))) ?
			       CAT_UNDEFINED_SYMBOL : NULL;
		}
		/* "unknown compiler option 'x'", "unknown flag": a command
		 * line's or a configuration's, not a name in the code */
		if (low[k] == ' ' && (ends_word(low, k, "option") ||
				      ends_word(low, k, "flag") ||
				      ends_word(low, k, "argument") ||
				      ends_word(low, k, "switch")))
			return NULL;
		/* "unknown macro: .BOGUS", "Unknown variable: $x": the name
		 * after a colon, bare */
		if (low[k] == ' ' && k > 0 && low[k - 1] == ':' && k + 1 < n &&
		    (is_alpha(low[k + 1]) || strchr("._$@%", low[k + 1])) &&
		    k + 2 < n && (is_alpha(low[k + 2]) || low[k + 2] == '_' ||
				  /* "unknown subckt: x1 in out amp"
				   * (ngspice): a name with digits */
				  (is_alpha(low[k + 1]) && is_digit(low[k + 2]))))
			return CAT_UNDEFINED_SYMBOL;
		if (low[k] == ' ')
			words++;
		else if (!is_alpha(low[k]) && low[k] != '-' && low[k] != '_' &&
			 low[k] != ':')
			return NULL;
	}
	return NULL;
}

/* "No interface "org.x.Nope"" (gdbus-codegen), "No target 'x'": the
 * message opens with "no", one word of what is looked for, then the name
 * quoted, nothing defining it. Not a file, a module or a package (not
 * found, an import's) nor what is given ("no input 'x'"). */
static bool no_such_named(const char *low, size_t n)
{
	static const char *const not_names[] = {
		"file", "module", "package", "library", "header", "such",
		"input", "output", "data", "space", "match", "rule", "directory",
		"source", "permission", "access",
	};
	size_t e;

	if (n < 8 || memcmp(low, "no ", 3))
		return false;
	for (e = 3; e < n && is_alpha(low[e]); e++)
		;
	return e > 5 && e + 2 < n && low[e] == ' ' &&
	       (low[e + 1] == '"' || low[e + 1] == '\'' || low[e + 1] == '`') &&
	       !word_of(low, n, 3, not_names, sizeof(not_names) / sizeof(*not_names));
}

/* A name's noun, then that it is not known: ploticus' "procedure name
 * unrecognized (frob)", "areadef attribute not recognized (x)" (the
 * name in parentheses is no rule's code). */
static bool unrecognized_noun(const char *low, size_t n)
{
	static const char *const after[] = { " unrecognized", " unrecognised",
					     " not recognized", " not recognised" };
	static const char *const named[] = { "name", "attribute", "key",
					     "field", "option", "command",
					     "keyword", "directive", "property",
					     "parameter", "identifier", "tag",
					     "element", "setting", "function",
					     "variable" };
	size_t a, b, j, e;
	const char *at;

	for (a = 0; a < sizeof(after) / sizeof(*after); a++) {
		if (!(at = cl_find(low, n, after[a], strlen(after[a]))))
			continue;
		e = (size_t)(at - low);
		for (j = e; j > 0 && is_alpha(low[j - 1]); j--)
			;
		for (b = 0; b < sizeof(named) / sizeof(*named); b++)
			if (e - j == strlen(named[b]) &&
			    !memcmp(low + j, named[b], e - j))
				return true;
	}
	return false;
}

/* A value past the bounds told by number: as31's "Relative offset
 * exceeds -128 / +127", "constant exceeds 255" (a type error); not a
 * length of the text ("line exceeds 80 characters", a style rule's). */
static bool exceeds_number(const char *low, size_t n)
{
	/* ("char" holds "characters") */
	static const char *const layout[] = { "char", "column", "line",
					      "width", "length" };
	const char *at = cl_find(low, n, "exceeds ", 8);
	size_t j, k;

	if (!at)
		return false;
	j = (size_t)(at - low) + 8;
	if (j < n && (low[j] == '-' || low[j] == '+'))
		j++;
	if (j >= n || !is_digit(low[j]))
		return false;
	for (k = 0; k < sizeof(layout) / sizeof(*layout); k++)
		if (cl_find(low, n, layout[k], strlen(layout[k])))
			return false;
	return true;
}

/* Text a parser would not take: Graph::Easy's "' -> [ Ulm' not
 * recognized by Graph::Easy::Parser" (what it could not read, a syntax
 * error; an option or a command not recognized by a program is
 * unrecognized_noun's and unknown_key's). */
static bool parser_refused(const char *low, size_t n)
{
	const char *at = cl_find(low, n, " not recognized by ", 19);
	size_t j, e;

	if (!at)
		at = cl_find(low, n, " not recognised by ", 19);
	if (!at)
		return false;
	j = (size_t)(at - low) + 19;
	e = j + 40 < n ? j + 40 : n;
	return cl_find(low + j, e - j, "pars", 4) ||
	       cl_find(low + j, e - j, "lexer", 5) ||
	       cl_find(low + j, e - j, "grammar", 7);
}

/* A key of a configuration or a manifest the tool does not know (or a
 * name nothing defines), bare or quoted: dune's "Unknown field
 * librarys", systemd's "Unknown key 'ExecStat'", nginx's "unknown
 * directive", serde's and Cargo's "unknown field `x`", JSON Schema's
 * "unknown property", "unrecognized key", "no such field". A command
 * line's option or flag is no key of the project (unknown_name leaves
 * them too). */
static const char *unknown_key(const char *low, size_t n)
{
	/* ("invalid" last: see below) */
	static const char *const adj[] = { "unknown ", "unrecognized ",
					   "unrecognised ", "unsupported ",
					   "no such ", "undefined ", "invalid " };
	const size_t invalid = sizeof(adj) / sizeof(*adj) - 1, named_nouns = 8;
	/* and a document's or a pipeline's names: a markup's tag or element
	 * (XML schemas, appstream, HTML checkers), PHP's "Undefined index"
	 * and "Undefined property", TeX's "Undefined control sequence",
	 * Sass' "Undefined mixin", a BDD runner's "undefined step"
	 * (cucumber, behave), a compose file's "undefined service", a
	 * template's "undefined filter: money" (Liquid, Jinja), a Forth's
	 * "unrecognized word". The first
	 * named_nouns are names after "invalid" too; the rest may name a
	 * value there. */
	static const char *const noun[] = { "key", "field", "directive",
					    "property", "attribute", "keyword",
					    "element", "tag", "setting",
					    "section", "parameter", "entry",
					    "index", "offset",
					    "control sequence", "mixin",
					    "step", "service", "template",
					    "filter", "word" };
	static const char *const more[] = { "type", "command" };
	size_t a, b, j;
	const char *at;

	for (a = 0; a < sizeof(adj) / sizeof(*adj); a++) {
		if (!(at = cl_find(low, n, adj[a], strlen(adj[a]))))
			continue;
		j = (size_t)(at - low) + strlen(adj[a]);
		for (b = 0; b < sizeof(noun) / sizeof(*noun); b++) {
			size_t e = j + strlen(noun[b]);

			if (!starts(low + j, n - j, noun[b]))
				continue;
			/* "invalid" names a name only when the name follows,
			 * and only a name's noun: GtkBuilder's "Invalid
			 * property: GtkWindow.titel" (an "invalid property
			 * value" is a value's, trang's "invalid parameter:
			 * "zero" is not allowed" a value's too) */
			if (a == invalid) {
				if (b < named_nouns &&
				    (e == n || STARTS(low + e, n - e, " at ") ||
				     STARTS(low + e, n - e, ": ") ||
				    STARTS(low + e, n - e, " '") ||
				    STARTS(low + e, n - e, " \"") ||
				     STARTS(low + e, n - e, " `")))
					return CAT_UNDEFINED_SYMBOL;
				continue;
			}
			/* "key", "keys", "field:" but not "keyboard" */
			if (e == n || !is_alpha(low[e]) ||
			    (low[e] == 's' && (e + 1 == n || !is_alpha(low[e + 1]))))
				return CAT_UNDEFINED_SYMBOL;
		}
		/* one word of where before the noun, the name quoted after
		 * it: gdnsd's "Invalid options key 'frobnicate'", "unknown
		 * config key \"x\"" */
		j = next_word(low, n, j);
		/* (no quote after it, no name: most messages stop here) */
		if (!memchr(low + j, '\'', n - j) && !memchr(low + j, '"', n - j))
			j = n;
		for (b = 0; b < named_nouns + 2 && j < n; b++) {
			const char *w = b < named_nouns ? noun[b] :
					more[b - named_nouns];
			size_t e = j + strlen(w);

			/* (a type or a command unknown, not invalid: NSD's
			 * "unrecognized RR type 'FROB'") */
			if (b >= named_nouns && a == invalid)
				break;
			if (starts(low + j, n - j, w) &&
			    (STARTS(low + e, n - e, " '") ||
			     STARTS(low + e, n - e, " \"")))
				return CAT_UNDEFINED_SYMBOL;
		}
		j = (size_t)(at - low) + strlen(adj[a]);
		if (a == invalid)
			continue;
		/* an option a configuration names or a command line's:
		 * named-checkconf's "unknown option 'x'", sshd's 'unsupported
		 * option "x"', "unrecognized option 'y' in section [z]",
		 * getopt's "unrecognized option '--frob'" (the check's command
		 * asks for what the tool does not have) */
		if (starts(low + j, n - j, "option ") ||
		    starts(low + j, n - j, "option: ")) {
			j += low[j + 6] == ':' ? 8 : 7;
			if (j < n && (low[j] == '\'' || low[j] == '"' || low[j] == '`'))
				j++;
			while (j < n && low[j] == '-')
				j++;
			if (j < n && is_alpha(low[j]))
				return CAT_UNDEFINED_SYMBOL;
		}
	}
	return NULL;
}

/* Brackets that do not pair, counted: ACME's "Too many '('", TeX's "Too
 * many }'s" and "Extra }", awk's "extra ')'", Lisp readers' "too many
 * closing parentheses", "mismatched brackets" (missing_token reads
 * "missing )"). */
static const char *bracket_count(const char *low, size_t n)
{
	static const char *const lead[] = { "too many ", "too few ", "extra ",
					    "mismatched ", "not enough " };
	static const char *const word[] = { "paren", "bracket", "brace",
					    "closing", "opening" };
	size_t a, b, j;
	const char *at;

	for (a = 0; a < sizeof(lead) / sizeof(*lead); a++) {
		if (!(at = cl_find(low, n, lead[a], strlen(lead[a]))))
			continue;
		j = (size_t)(at - low) + strlen(lead[a]);
		if (j < n && (low[j] == '\'' || low[j] == '"' || low[j] == '`'))
			j++;
		if (j < n && low[j] && strchr("()[]{}", low[j]))
			return CAT_SYNTAX_ERROR;
		for (b = 0; b < sizeof(word) / sizeof(*word); b++)
			if (starts(low + j, n - j, word[b]))
				return CAT_SYNTAX_ERROR;
	}
	return NULL;
}

/* A part the parser wanted and did not get: "missing ]", "Missing end to
 * balance this loop", "missing 'msgstr' section", "You forgot a '=back'",
 * "No '=' found" (a quoted or bracketing token, or an end or closing
 * one). */
static const char *missing_token(const char *low, size_t n)
{
	/* (Raku's "Missing block": a statement's braces) */
	static const char *const ends[] = { "end", "closing", "terminating",
					    "delimiter", "block", "comma",
					    "colon", "equal", "close",
					    /* "missing parenthesis" (newLISP),
					     * "missing brace", "missing
					     * bracket": the token by its name */
					    "parenthes", "brace", "bracket",
					    "semicolon", "quote" };
	/* a block's closing keyword by its name: remind's "Missing ENDIF",
	 * "missing endfor", "Missing END-IF" */
	static const char *const end_words[] = { "endif", "end-if", "endfor",
						 "endwhile", "endloop",
						 "endcase", "endfunction",
						 "endmodule", "endmacro",
						 "endforeach", "endswitch",
						 "endsub", "endm" };
	const char *at;
	size_t j, e;

	/* stunnel's "No '=' found": a quoted punctuation token not there */
	if ((at = cl_find(low, n, "no '", 4)) &&
	    (j = (size_t)(at - low) + 4) + 8 <= n && low[j] &&
	    strchr("=:;,()[]{}<>", low[j]) && low[j + 1] == '\'' &&
	    !memcmp(low + j + 2, " found", 6))
		return CAT_SYNTAX_ERROR;
	if ((at = cl_find(low, n, "missing ", 8))) {
		j = (size_t)(at - low) + 8;
	} else if ((at = cl_find(low, n, "need ", 5))) {
		/* gnucap's "? need )" */
		j = (size_t)(at - low) + 5;
		return j < n && strchr("'\"`([{)]};,", low[j]) ?
		       CAT_SYNTAX_ERROR : NULL;
	} else if ((at = cl_find(low, n, "forgot ", 7))) {
		/* "forgot a", "forgot an", "forgot the" */
		j = (size_t)(at - low) + 7;
		if (starts(low + j, n - j, "the "))
			j += 4;
		else if (starts(low + j, n - j, "an "))
			j += 3;
		else if (starts(low + j, n - j, "a "))
			j += 2;
		else
			return NULL;
	} else {
		return NULL;
	}
	/* (an opening bracket with words right inside it is an aside, not
	 * the token: blhc's "CFLAGS missing (-fstack-protector-strong)") */
	if (j < n && strchr("'\"`([{)]};,", low[j]) &&
	    !(strchr("([{", low[j]) && j + 1 < n && low[j + 1] != ' '))
		return CAT_SYNTAX_ERROR;
	for (e = 0; e < sizeof(ends) / sizeof(*ends); e++)
		if (starts(low + j, n - j, ends[e]) &&
		    (j + strlen(ends[e]) == n || !is_alpha(low[j + strlen(ends[e])]) ||
		     /* the names' plurals and long forms */
		     e >= 9))
			return CAT_SYNTAX_ERROR;
	/* (named as its command: Vim's "Missing :endfunction") */
	if (j + 1 < n && low[j] == ':')
		j++;
	if (word_of(low, n, j, end_words, sizeof(end_words) / sizeof(*end_words)))
		return CAT_SYNTAX_ERROR;
	return NULL;
}

/* A record without a mark or the fields its format has: genometools'
 * "token \"Foo\" on line 3 ... does not contain exactly one '='", "line 2
 * ... does not contain 9 tab (\t) separated fields" (the layout's words
 * there are the format's, not a style rule's). */
static bool lacks_format_part(const char *low, size_t n)
{
	const char *at = cl_find(low, n, "does not contain ", 17);
	size_t j;

	if (!at)
		return false;
	j = (size_t)(at - low) + 17;
	if (starts(low + j, n - j, "exactly one "))
		j += 12;
	if (j + 2 < n && strchr("'\"`", low[j]) && low[j + 1] &&
	    strchr("=:;,()[]{}<>|", low[j + 1]) && low[j + 2] == low[j])
		return true;
	return j < n && is_digit(low[j]) && cl_find(low + j, n - j, " fields", 7);
}

/* "FOR without NEXT", "NEXT without FOR", "WEND without WHILE" (BASIC
 * dialects), "ELSE without IF": a keyword in capitals opening the
 * message, its partner in capitals after "without": a block the parser
 * could not close. */
static const char *unpaired_keyword(const char *m, size_t n)
{
	size_t k = 0, e;

	while (k < n && m[k] >= 'A' && m[k] <= 'Z')
		k++;
	if (k < 2 || !STARTS(m + k, n - k, " without "))
		return NULL;
	for (e = k + 9; e < n && m[e] >= 'A' && m[e] <= 'Z'; e++)
		;
	return e >= k + 11 && (e == n || !is_alpha(m[e])) ? CAT_SYNTAX_ERROR : NULL;
}

/* "duplicate message definition", "duplicate key definition", ncgen's
 * "Duplicate dimension declaration for time": the same thing defined
 * twice, which the tool's reader refuses. */
static const char *duplicate_definition(const char *low, size_t n)
{
	const char *at = cl_find(low, n, "duplicate ", 10);
	size_t j, end;

	if (!at)
		return NULL;
	j = (size_t)(at - low) + 10;
	end = j + 32 < n ? j + 32 : n;
	if (cl_find(low + j, end - j, "definition", 10) ||
	    cl_find(low + j, end - j, "declaration", 11))
		return CAT_SYNTAX_ERROR;
	return NULL;
}

/* Does low[j..n) start with one of the words of list (a whole word, or
 * one of its plural)? */
static bool word_of(const char *low, size_t n, size_t j,
		    const char *const *list, size_t nl)
{
	size_t k, e;

	for (k = 0; k < nl; k++) {
		e = j + strlen(list[k]);
		if (starts(low + j, n - j, list[k]) &&
		    (e == n || !is_alpha(low[e]) ||
		     (low[e] == 's' && (e + 1 == n || !is_alpha(low[e + 1])))))
			return true;
	}
	return false;
}

/* Where the word after the one at low[j] starts (n: none). */
static size_t next_word(const char *low, size_t n, size_t j)
{
	while (j < n && !is_blank(low[j]))
		j++;
	return skip_blanks(low, n, j);
}

/* One word of what a setting is at low[j..n), then the value given to
 * it, quoted or a number in parentheses: "Invalid direction "sideways""
 * (gdbus-codegen), "Bad weight (-1)" (update-mime-database), "Bad
 * protocol: 'udpp'" (OpenVPN), "Invalid target 'htm'" (txt2tags). Not a
 * kind of name or of text: "invalid command 'x'" is one nothing defines,
 * "invalid escape '\\q'" the grammar's. */
static bool given_value_of(const char *low, size_t n, size_t j)
{
	static const char *const names[] = {
		"command", "option", "flag", "name", "file", "filename", "path",
		"directory", "key", "identifier", "symbol", "reference",
		"character", "char", "token", "syntax", "escape", "directive",
		"keyword", "variable", "function", "label", "module", "package",
		"field", "property", "element", "attribute", "tag",
		"instruction", "opcode", "mnemonic", "expression", "statement",
		"section", "url", "uri", "regex", "regular", "pattern", "macro",
		"class", "method", "include", "import", "sequence", "input",
	};
	size_t e;

	size_t k, len;

	for (e = j; e < n && (is_alpha(low[e]) || low[e] == '-' || low[e] == '_'); e++)
		;
	if (e < j + 3)
		return false;
	/* (the whole word: "key_mgmt" is a setting, "key" a kind of name) */
	for (k = 0; k < sizeof(names) / sizeof(*names); k++) {
		len = strlen(names[k]);
		if ((e - j == len || (e - j == len + 1 && low[e - 1] == 's')) &&
		    !memcmp(low + j, names[k], len))
			return false;
	}
	if (e < n && low[e] == ':')
		e++;
	if (e + 2 >= n || low[e] != ' ')
		return false;
	e++;
	if (low[e] == '\'' || low[e] == '"' || low[e] == '`')
		return true;
	return low[e] == '(' && (is_digit(low[e + 1]) ||
				 (low[e + 1] == '-' && e + 2 < n && is_digit(low[e + 2])));
}

/* A value of the wrong kind for what takes it, in the words the checkers
 * of settings, schemas and arguments share (a type error):
 * - a word of fault within three words of a word of kind: "invalid
 *   value" (clap, systemd, Kubernetes), "Illegal value", "bad value for
 *   option" (Samba, ssh), "invalid boolean value", sparse's "incorrect
 *   type in assignment", Lua's "wrong argument type", "bad operand type";
 * - the kind a value must be: ajv's and every JSON Schema validator's
 *   "must be string", "must be >= 1", "must be an integer" (Joi, Yup,
 *   OpenAPI linters), Node's "must be of type function" (not a length or
 *   a count: "must be at least 3 characters long" is a style rule's);
 * - "not a valid X" ("not a valid boolean", "'x' is not a valid port
 *   number"; later_phrases read a number's and a document's as their
 *   grammar's first);
 * - a value a parse of it refused: systemd's "Failed to parse boolean
 *   value", "Failed to parse service type, ignoring", "cannot parse
 *   \"5x\" as a duration" (parsed is set when the words said only a
 *   syntax error: a parse of a value, not of a document, says more).
 * A value told by errno alone ("open: Invalid argument") is no kind. */
static const char *wrong_kind(const char *low, size_t n, bool parsed,
			      unsigned groups)
{
	/* each holds one of W_FAULT's pairs, each shape below one of
	 * W_VALUE's: groups says which can be there */
	static const char *const fault[] = { "invalid ", "illegal ", "bad ",
					     "wrong ", "incorrect " };
	/* (a quantity a setting takes: "Invalid prefix length 33" (BIRD),
	 * "invalid port 80000"; not "size": valgrind's "Invalid write of
	 * size 4" is a crash's) */
	static const char *const kind[] = { "value", "type", "format",
					    "argument", "arg", "boolean", "bool",
					    "duration", "count", "level",
					    "mode", "unit", "date", "length",
					    "port", "timeout", "interval",
					    "index", "checksum", "offset",
					    "spec" };
	static const char *const must[] = { "string", "number", "numeric", "integer",
					    "int", "boolean", "bool", "array",
					    "list", "object", "map", "float",
					    "double", "decimal", "positive",
					    "negative",
					    "non-negative", "valid", "null",
					    "type", "pair", "symbol",
					    "procedure", "function", "vector",
					    "char" };
	static const char *const name_noun[] = { "attribute", "option", "key",
						 "field", "property",
						 "directive", "keyword",
						 "setting", "parameter",
						 "command", "element", "tag" };
	static const char *const parsed_as[] = { "value", "type", "boolean",
						 "bool", "duration", "size",
						 "time", "timespan", "as a",
						 "as an" };
	const char *at;
	size_t a, j, w;
	bool said_syntax;

	/* the kind, then the fault: kconfig's "'BAR': number is invalid" */
	if ((groups & W_FAULT) && (at = cl_find(low, n, " is invalid", 11))) {
		for (j = (size_t)(at - low); j > 0 && is_alpha(low[j - 1]); j--)
			;
		if (word_of(low, n, j, kind, sizeof(kind) / sizeof(*kind)) ||
		    word_of(low, n, j, value_kinds, SCALAR_KINDS))
			return CAT_TYPE_ERROR;
	}
	if ((groups & W_VALUE) && (at = cl_find(low, n, "parse ", 6))) {
		j = (size_t)(at - low) + 6;
		for (w = 0; w < 3 && j < n; w++, j = next_word(low, n, j))
			if (word_of(low, n, j, parsed_as,
				    sizeof(parsed_as) / sizeof(*parsed_as)))
				return CAT_TYPE_ERROR;
	}
	/* "value 'maybe' cannot be parsed as a boolean value" (GLib's):
	 * the kind named after it, not "as a" alone ("could not be parsed
	 * as a JSON document" is a document's syntax) */
	if ((groups & W_VALUE) && (at = cl_find(low, n, "parsed as ", 10))) {
		j = (size_t)(at - low) + 10;
		for (w = 0; w < 3 && j < n; w++, j = next_word(low, n, j))
			if (word_of(low, n, j, parsed_as,
				    sizeof(parsed_as) / sizeof(*parsed_as) - 2))
				return CAT_TYPE_ERROR;
	}
	/* what a setting's reader wanted in its place: "expected a
	 * number" (nsd-checkconf), "expected yes or no" (unbound), "expected
	 * an integer", "expected boolean" (TOML and INI readers, argument
	 * parsers), a solver's "Expecting a real term as the second
	 * argument", and the other order, a syntax error's words or not
	 * ("Number expected, xs:string found" (BaseX), Yodl's "Number
	 * expected at `many'"), unless the tool said it was its grammar's
	 * ("syntax error: number expected"); a token a parser wanted ("expected ';'",
	 * "expected expression") is expected_token's */
	said_syntax = cl_find(low, n, "syntax", 6) || cl_find(low, n, "pars", 4);
	if ((groups & W_EXPECT) && !said_syntax &&
	    ((at = cl_find(low, n, "expected ", 9)) ||
	     (at = cl_find(low, n, "expecting ", 10)))) {
		j = (size_t)(at - low) + (at[6] == 'e' ? 9 : 10);
		if (starts(low + j, n - j, "a "))
			j += 2;
		else if (starts(low + j, n - j, "an "))
			j += 3;
		if (word_of(low, n, j, value_kinds, SCALAR_KINDS) ||
		    starts(low + j, n - j, "yes or no") ||
		    starts(low + j, n - j, "true or false") ||
		    starts(low + j, n - j, "'true' or 'false'") ||
		    starts(low + j, n - j, "\"true\" or \"false\"") ||
		    starts(low + j, n - j, "on or off"))
			return CAT_TYPE_ERROR;
	}
	/* a value outside the few words a setting takes: xkbcomp's
	 * "Illegal identifier maybe (expected one of: true, yes, on, false,
	 * no, off, default)" (a parser's tokens are quoted or marks:
	 * "expected one of `,` or `}`", and come with what was unexpected) */
	if ((groups & W_EXPECT) && !said_syntax &&
	    (at = cl_find(low, n, "expected one of: ", 17)) &&
	    !cl_find(low, n, "unexpected", 10) && !cl_find(low, n, "token", 5)) {
		for (j = w = (size_t)(at - low) + 17; w < n && is_alpha(low[w]); w++)
			;
		if (w > j && w + 2 < n && low[w] == ',' && low[w + 1] == ' ' &&
		    is_alpha(low[w + 2]))
			return CAT_TYPE_ERROR;
	}
	/* corosync's "is expected to be integer in range (0..4294967295)"
	 * (not "expected x to be": a test's assertion) */
	if ((groups & W_EXPECT) && (at = cl_find(low, n, "is expected to be ", 18))) {
		j = (size_t)(at - low) + 18;
		if (starts(low + j, n - j, "a "))
			j += 2;
		else if (starts(low + j, n - j, "an "))
			j += 3;
		if (word_of(low, n, j, value_kinds, SCALAR_KINDS))
			return CAT_TYPE_ERROR;
	}
	if ((groups & W_EXPECT) && !said_syntax &&
	    (at = cl_find(low, n, " expected", 9))) {
		for (j = (size_t)(at - low); j > 0 && is_alpha(low[j - 1]); j--)
			;
		if (word_of(low, n, j, value_kinds, SCALAR_KINDS))
			return CAT_TYPE_ERROR;
	}
	if (parsed)
		return NULL;
	for (a = 0; (groups & W_FAULT) && a < sizeof(fault) / sizeof(*fault);
	     a++) {
		if (!(at = cl_find(low, n, fault[a], strlen(fault[a]))) ||
		    (at > low && is_alpha(at[-1])))
			continue;
		j = (size_t)(at - low) + strlen(fault[a]);
		/* strerror's EINVAL ends the message: no kind was told */
		if (starts(low + j, n - j, "argument") && j + 8 >= n - 1)
			continue;
		for (w = 0; w < 3 && j < n; w++, j = next_word(low, n, j))
			if (word_of(low, n, j, kind, sizeof(kind) / sizeof(*kind)))
				return CAT_TYPE_ERROR;
		if (given_value_of(low, n, (size_t)(at - low) + strlen(fault[a])))
			return CAT_TYPE_ERROR;
	}
	if (!(groups & W_VALUE))
		return NULL;
	if ((at = cl_find(low, n, "must be", 7)) && at + 8 < low + n &&
	    (at[7] == ' ' || at[7] == ':')) {
		/* (TinyScheme's "car: argument 1 must be: pair") */
		j = skip_blanks(low, n, (size_t)(at - low) + 8);
		if (starts(low + j, n - j, "of type "))
			return CAT_TYPE_ERROR;
		if (starts(low + j, n - j, "a "))
			j += 2;
		else if (starts(low + j, n - j, "an "))
			j += 3;
		if ((j < n && (low[j] == '<' || low[j] == '>' || low[j] == '=')) ||
		    word_of(low, n, j, must, sizeof(must) / sizeof(*must)))
			return CAT_TYPE_ERROR;
	}
	if (!(at = cl_find(low, n, "not a valid ", 12)))
		return NULL;
	/* a name's noun, no value's: "'colour' is not a valid attribute
	 * name for a node" (Graph::Easy), "not a valid option": a name
	 * nothing defines ("not a valid option value" is a value's) */
	j = (size_t)(at - low) + 12;
	w = next_word(low, n, j);
	if (word_of(low, n, j, name_noun, sizeof(name_noun) / sizeof(*name_noun)) &&
	    !word_of(low, n, w, kind, sizeof(kind) / sizeof(*kind)))
		return CAT_UNDEFINED_SYMBOL;
	return CAT_TYPE_ERROR;
}

/* Does low[i..n) open with a linter's rule name before its message: a
 * token joined by '-' or '/' then ": " or " - " (RuboCop's
 * "Naming/MethodParameterName: ...", npm-package-json-lint's
 * "valid-values-license - ...", ansible-lint's "name[casing]: ...")? Its
 * words are that rule's finding, whatever kind of value they name. */
static bool lead_rule(const char *low, size_t n, size_t i)
{
	size_t j = i;
	bool joined = false;

	for (; j < n && j - i < 64 && (is_alpha(low[j]) || is_digit(low[j]) ||
				       strchr("-_/[]", low[j])); j++)
		joined |= low[j] == '-' || low[j] == '/' || low[j] == '[';
	return joined && j > i + 2 &&
	       (starts(low + j, n - j, ": ") || starts(low + j, n - j, " - "));
}

/* A code like E302, SC2086, C0114, TS2322, W0611 at m[i]: its length. */
static size_t code_at(const char *m, size_t n, size_t i)
{
	size_t j = i, letters, digits;

	while (j < n && m[j] >= 'A' && m[j] <= 'Z')
		j++;
	letters = j - i;
	while (j < n && is_digit(m[j]))
		j++;
	digits = j - i - letters;
	if (letters < 1 || letters > 4 || digits < 2 || digits > 5)
		return 0;
	if (j < n && !is_blank(m[j]) && m[j] != ':' && m[j] != ']' && m[j] != ')')
		return 0;
	return j - i;
}

/* A rule named by its group at m[i]: "MD001/heading-increment",
 * "lint/style/useConst" (letters, digits, '-' and '_' around one '/' or
 * more, no '.' as a path would have), then a blank or the end, two blanks
 * if `wide`. Its length, or 0. */
static size_t group_rule_at(const char *m, size_t n, size_t i, bool wide)
{
	size_t j = i, slashes = 0;

	if (i >= n || !is_alpha(m[i]))
		return 0;
	for (; j < n && j - i < 64 && (is_alpha(m[j]) || is_digit(m[j]) ||
				       m[j] == '-' || m[j] == '_' || m[j] == '/'); j++)
		if (m[j] == '/') {
			if (m[j - 1] == '/')
				return 0;
			slashes++;
		}
	if (!slashes || m[j - 1] == '/' || j - i >= 64)
		return 0;
	if (j == n)
		return j - i;
	if (!is_blank(m[j]) || (wide && (j + 1 >= n || !is_blank(m[j + 1]))))
		return 0;
	return j - i;
}

/* A check's name opening the message, the whole of it or before its
 * detail: "setup-not-quiet", "macro-in-%changelog %install" (rpmlint),
 * "binary-without-manpage usr/bin/x" (lintian): lower case words joined
 * by '-', two joins at least unless the name is all there is. */
static void leading_check(const char *m, size_t n, size_t i,
			  struct cl_words *w)
{
	size_t k = i, dashes = 0;

	if (i >= n || m[i] < 'a' || m[i] > 'z')
		return;
	for (; k < n && ((m[k] >= 'a' && m[k] <= 'z') || is_digit(m[k]) ||
			 m[k] == '-' || m[k] == '%' || m[k] == '_'); k++)
		dashes += m[k] == '-' && m[k - 1] != '-';
	while (n > k && is_blank(m[n - 1]))
		n--;
	if (m[k - 1] == '-' || (k < n && !is_blank(m[k])) ||
	    !(dashes >= 2 || (dashes == 1 && k == n)))
		return;
	/* words English joins so, not a check: msgfmt's "end-of-line
	 * within string", "end-of-file in comment" */
	if (STARTS(m + i, n - i, "end-of-") || STARTS(m + i, n - i, "out-of-"))
		return;
	w->code = i;
	w->code_len = k - i;
	w->lead_check = true;
}

/* Is u[0..n) a unit of time after a number ("s", "ms", "m", "min", "h",
 * "us", "ns", "sec")? */
static bool time_unit(const char *u, size_t n)
{
	static const char *const units[] = { "s", "ms", "m", "min", "h", "us",
					     "ns", "\xc2\xb5s", "sec", "secs" };
	size_t k;

	for (k = 0; k < sizeof(units) / sizeof(*units); k++)
		if (n == strlen(units[k]) && !memcmp(u, units[k], n))
			return true;
	return false;
}

/* Is t[0..n) a file's name: a word, a dot, an extension of a few letters
 * (no '-' nor '/': a rule's)? */
static bool file_named(const char *t, size_t n)
{
	size_t k, dot = 0;

	for (k = 0; k < n; k++) {
		if (t[k] == '.')
			dot = k;
		else if (!is_alpha(t[k]) && !is_digit(t[k]) && t[k] != '_')
			return false;
	}
	if (!dot || n - dot - 1 < 1 || n - dot - 1 > 5)
		return false;
	for (k = dot + 1; k < n; k++)
		if (!is_alpha(t[k]))
			return false;
	return is_alpha(t[0]);
}

/* A trailing rule name: "... [rule-name]", "... (rule-name)" or "...  rule/name". */
static void trailing_code(const char *m, size_t n, struct cl_words *w)
{
	size_t end = n, s, k;
	bool dash = false;

	while (end && is_blank(m[end - 1]))
		end--;
	if (end < 3)
		return;
	if (m[end - 1] == ']' || m[end - 1] == ')') {
		char open = m[end - 1] == ']' ? '[' : '(';

		for (s = end - 1; s > 0 && m[s - 1] != open; s--)
			if (is_blank(m[s - 1]))
				return;
		if (!s || s + 1 >= end)
			return;
		/* "(/typ:x)": a path in the document (libyang's schema
		 * node), no rule */
		if (m[s] == '/')
			return;
		/* "FAIL in (add-test)", "ERROR in [suite]": what failed, not
		 * a rule (clojure.test, ExUnit's and Catch's sections) */
		if (s >= 5 && !memcmp(m + s - 5, " in ", 4))
			return;
		for (k = s; k < end - 1 && !is_alpha(m[k]); k++)
			;
		if (k == end - 1)
			return; /* "[-1]", "(3.5)": a value, no rule */
		/* "(0.01s)", "(12ms)", "(4.8m)": a duration, no rule */
		if (k > s && (is_digit(m[k - 1]) || m[k - 1] == '.') &&
		    time_unit(m + k, end - 1 - k))
			return;
		for (k = s; k < end - 1; k++) {
			if (m[k] == '-' || m[k] == '/' || m[k] == '.')
				dash = true;
			/* "existence_error(procedure,price/2)": a term's or a
			 * call's arguments, no rule (clang-tidy's brackets
			 * list its check and "-warnings-as-errors") */
			if (m[k] == ',' && open == '(')
				return;
		}
		/* "(a.Rmd)": a file's name, no rule (R Markdown's "Quitting
		 * from lines 13-15 (a.Rmd)") */
		if (open == '(' && file_named(m + s, end - 1 - s))
			return;
		/* "[x]" is an index: a rule in brackets has a '-' or is a
		 * word (cppcheck's camelCase) */
		if (!dash && open == '[' && end - 1 - s <= 4)
			return;
		/* in parentheses, one word: "(colons)", "(reportMissingImports)";
		 * but "(info)" is a severity and "(3)" a count */
		if (!dash && open == '(') {
			size_t sl, b;
			bool note, letter = false;

			/* "(test)" alone is a frame's function, not a rule
			 * after a message */
			for (b = 0; b + 1 < s && is_blank(m[b]); b++)
				;
			if (b + 1 >= s)
				return;
			/* glued to a name, a call or a test's class:
			 * "test_add(CalcTest)" (JUnit, Test::Unit) */
			if (s >= 2 && !is_blank(m[s - 2]))
				return;

			for (k = s; k < end - 1; k++) {
				if (!is_alpha(m[k]) && !is_digit(m[k]) && m[k] != '_')
					return;
				letter |= is_alpha(m[k]);
			}
			if (!letter || end - 1 - s < 3 ||
			    (sev_word(m + s, end - 1 - s, &sl, &note) >= 0 &&
			     sl == end - 1 - s))
				return;
		}
		w->code = s;
		w->code_len = end - 1 - s;
		return;
	}
	/* two blanks, then one token with a '-' or '/' (stylish), or a
	 * lower-case word after a sentence's full stop ("Expected === and
	 * instead saw ==.   eqeqeq": ESLint's and XO's rules of one word) */
	for (s = end; s > 0 && !is_blank(m[s - 1]); s--)
		if (m[s - 1] == '-' || m[s - 1] == '/')
			dash = true;
	if (!dash && s >= 3 && end - s >= 3 && is_blank(m[s - 1]) &&
	    is_blank(m[s - 2])) {
		size_t b = s - 2, t;

		while (b > 0 && is_blank(m[b - 1]))
			b--;
		for (t = s; t < end && m[t] >= 'a' && m[t] <= 'z'; t++)
			;
		dash = b > 0 && m[b - 1] == '.' && t == end;
	}
	if (dash && s >= 2 && is_blank(m[s - 1]) && is_blank(m[s - 2]) &&
	    is_alpha(m[s]) && end - s < 64) {
		w->code = s;
		w->code_len = end - s;
		return;
	}
	/* "Undefined name 'foo'. - undefined_identifier" (dart analyze's):
	 * a snake_case rule after the sentence and a dash */
	if (s >= 4 && m[s - 1] == ' ' && m[s - 2] == '-' && m[s - 3] == ' ' &&
	    m[s - 4] == '.' && end - s < 64 && is_alpha(m[s]) &&
	    memchr(m + s, '_', end - s)) {
		size_t t;

		for (t = s; t < end && ((m[t] >= 'a' && m[t] <= 'z') ||
					is_digit(m[t]) || m[t] == '_'); t++)
			;
		if (t == end) {
			w->code = s;
			w->code_len = end - s;
		}
	}
}

/* A linter's rating of its finding ending m[0..n): cpplint's confidence
 * "[5]", perlcritic's "(Severity: 5)", "(severity 3)". Where the message
 * ends without it, or n if there is none. */
static size_t trailing_rating(const char *m, size_t n)
{
	size_t end = n, k;

	while (end && is_blank(m[end - 1]))
		end--;
	if (end < 4 || (m[end - 1] != ']' && m[end - 1] != ')'))
		return n;
	for (k = end - 1; k > 0 && is_digit(m[k - 1]); k--)
		;
	if (k == end - 1 || k == 0)
		return n;
	/* "[5]": digits alone in brackets, after a blank */
	if (m[end - 1] == ']' && m[k - 1] == '[') {
		k--;
	} else if (m[end - 1] == ')') {
		/* "(Severity: 5)", "(severity 5)" */
		while (k > 0 && (is_blank(m[k - 1]) || m[k - 1] == ':'))
			k--;
		if (k < 9 || lower(m[k - 9]) != '(' || lower(m[k - 8]) != 's' ||
		    memcmp("everity", m + k - 7, 7) != 0)
			return n;
		k -= 9;
	} else {
		return n;
	}
	if (k == 0 || !is_blank(m[k - 1]))
		return n;
	while (k && is_blank(m[k - 1]))
		k--;
	return k;
}

/* Does m[0..n) open with a CamelCase name ending in what (`Error`,
 * `Warning`) and a ':' ("ParseError:", "DeprecationWarning:")? */
static bool is_named(const char *m, size_t n, const char *what)
{
	size_t j = 0, k = strlen(what);

	if (!n || m[0] < 'A' || m[0] > 'Z')
		return false;
	while (j < n && j < 48 && (is_alpha(m[j]) || is_digit(m[j])))
		j++;
	return j > k && j < n && m[j] == ':' && !memcmp(m + j - k, what, k);
}

/* Up to two capitalised words and a severity word ending the message or
 * followed by ':' at m[i]: "PHP Parse error:", "CMake Error", "Uncaught
 * Error:". Sets w->sev; returns where the message goes on, or 0. */
static size_t lead_sev(const char *m, size_t n, size_t i, struct cl_words *w)
{
	size_t j = i, words, len;
	bool note;
	int sev;

	for (words = 0; words < 3; words++) {
		if ((sev = sev_word(m + j, n - j, &len, &note)) >= 0 && words &&
		    (j + len == n || m[j + len] == ':')) {
			w->sev = sev;
			w->note = note;
			j += len;
			while (j < n && (m[j] == ':' || is_blank(m[j])))
				j++;
			return j < n ? j : n;
		}
		if (j >= n || m[j] < 'A' || m[j] > 'Z')
			return 0;
		while (j < n && is_alpha(m[j]))
			j++;
		if (j >= n || m[j] != ' ')
			return 0;
		j++;
	}
	return 0;
}

/* Is the name quoted at low[q] a file ("missing.proto", "x.h"): a dot and
 * an extension of letters before the closing quote? */
static bool quoted_file(const char *low, size_t n, size_t q)
{
	size_t k = q + 1, dot = 0;

	for (; k < n && low[k] != low[q] && !is_blank(low[k]); k++)
		if (low[k] == '.')
			dot = k;
	if (k >= n || low[k] != low[q] || !dot || k - dot < 2 || k - dot > 6)
		return false;
	for (dot++; dot < k; dot++)
		if (!is_alpha(low[dot]))
			return false;
	return true;
}

int cl_prefix_sev(const char *p, size_t n)
{
	size_t len;
	bool note;

	const char *d;
	int sev;

	while (n && (*p == '[' || *p == '%' || is_blank(*p)))
		p++, n--;
	if ((sev = sev_word(p, n, &len, &note)) >= 0)
		return sev;
	/* "Warning-WIDTH": a severity, then its rule's name */
	if ((d = memchr(p, '-', n)) && d > p &&
	    sev_word(p, (size_t)(d - p), &len, &note) >= 0 && len == (size_t)(d - p))
		return sev_word(p, len, &len, &note);
	return -1;
}

void cl_trailing_code(const char *m, size_t n, struct cl_words *w)
{
	struct cl_words t;

	memset(&t, 0, sizeof(t));
	trailing_code(m, n, &t);
	/* "detail (reportX)", never "call(arg)": a blank before the code */
	if (t.code_len && t.code >= 2 && is_blank(m[t.code - 2])) {
		w->code = t.code;
		w->code_len = t.code_len;
	}
}

/* A heading that only says where an error is, ending in ": " with a
 * message after it: Apache httpd's "Syntax error on line 9 of a.conf:
 * Invalid command 'X'", "Error on line 3 of x.cfg: ...", "error at line
 * 5: ..." (Tcl's bgerror, m4 front ends, INI readers). Where the message
 * starts (n: on the lines under it), or 0. */
static size_t place_heading(const char *low, size_t n)
{
	static const char *const at[] = { "error on line ", "error at line ",
					  "error in line " };
	const char *h = NULL, *c;
	size_t k;

	for (k = 0; k < sizeof(at) / sizeof(*at) && !h; k++)
		h = cl_find(low, n, at[k], strlen(at[k]));
	if (!h || !is_digit(h[14]))
		return 0;
	c = cl_find(h, n - (size_t)(h - low), ": ", 2);
	if (!c)
		return low[n - 1] == ':' ? n : 0; /* the message under it */
	return skip_blanks(low, n, (size_t)(c - low) + 2);
}

bool cl_place_heading(const char *m, size_t n)
{
	char low[CL_WORDS_MAX];
	size_t k;

	if (n > sizeof(low))
		n = sizeof(low);
	for (k = 0; k < n; k++)
		low[k] = lower(m[k]);
	return place_heading(low, n) != 0;
}

/* A rule's name in kebab case at m[i], then a column's two blanks or more
 * before the message ("no-console      Calls to ..."): its length, or 0. */
static size_t column_rule_at(const char *m, size_t n, size_t i)
{
	size_t k, e;
	bool dash = false;

	for (k = i; k < n && ((m[k] >= 'a' && m[k] <= 'z') || is_digit(m[k]) ||
			      m[k] == '-'); k++)
		dash |= m[k] == '-';
	if (!dash || k == i || m[k - 1] == '-' || k + 3 >= n ||
	    !is_blank(m[k]) || !is_blank(m[k + 1]))
		return 0;
	e = k;
	k = skip_blanks(m, n, k);
	/* a message of words after it, not a place ("left-pad
	 * package.json:7:6": knip's item and where it is) */
	return k < n && memchr(m + k, ' ', n - k) ? e - i : 0;
}

/* Does low[0..n) end in "no module named NAME", NAME one bare word (no
 * dot: a package's, not a module of one)? */
static bool bare_module_named(const char *low, size_t n)
{
	const char *c = cl_find(low, n, "no module named ", 16), *e = low + n;

	if (!c || c + 16 >= e || !is_alpha(c[16]))
		return false;
	for (c += 16; c < e; c++)
		if (*c == '.' || *c == ' ')
			return false;
	return true;
}

/* Where the cause starts after one of wrappers opening low[0..n), a
 * severity at most before it, then the thing it names in reach bytes and
 * its colon: the offset after ": ", or 0 if none. */
static size_t wrapper_end(const char *low, size_t n,
			  const char *const *wrappers, size_t nw, size_t reach)
{
	const char *at, *colon;
	size_t k, len;

	for (k = 0; k < nw; k++) {
		len = strlen(wrappers[k]);
		if (!(at = cl_find(low, n < 24 + len ? n : 24 + len, wrappers[k], len)))
			continue;
		at += len;
		colon = memchr(at, ':', (size_t)(low + n - at) < reach ?
				       (size_t)(low + n - at) : reach);
		if (!colon || (size_t)(colon - low) + 2 >= n || colon[1] != ' ')
			return 0;
		return (size_t)(colon - low) + 2;
	}
	return 0;
}

/* ... a failed parse's words ("failed to parse config: x", "could not
 * parse MaxDirtiness: x", "parser error : x"), the thing parsed a few
 * words */
static size_t parse_wrapper_end(const char *low, size_t n)
{
	static const char *const wrappers[] = {
		"failed to parse", "could not parse", "unable to parse",
		"cannot parse", "error while parsing", "error parsing",
		/* libxml2's "parser error : Entity 'x' not defined",
		 * POV-Ray's "Parse Error: Cannot find file 'x'" */
		"parser error", "parse error",
	};

	return wrapper_end(low, n, wrappers, sizeof(wrappers) / sizeof(*wrappers), 48);
}

/* Does low[0..n), a parse's cause, say a token was not found: a tag's
 * or a block's end ("Couldn't find end of Start Tag rect", libxml2's
 * through rsvg-convert), a quoted punctuation ("Start tag expected, '<'
 * not found")? A parse's fault still, no name nothing defines. */
static bool token_not_found(const char *low, size_t n)
{
	const char *at = cl_find(low, n, "' not found", 11);

	if (at && at - low >= 2 && at[-2] == '\'' && token_punct(at[-1]))
		return true;
	return cl_find(low, n, "find end", 8) || cl_find(low, n, "find the end", 12) ||
	       cl_find(low, n, "find closing", 12);
}

/* ... a load that failed, the file it named ("can't load actions file
 * 'a.action': x", "failed to load a.conf: x") */
static size_t load_wrapper_end(const char *low, size_t n)
{
	static const char *const wrappers[] = {
		"can't load ", "cannot load ", "failed to load ",
		"unable to load ", "could not load ", "error loading ",
	};

	return wrapper_end(low, n, wrappers, sizeof(wrappers) / sizeof(*wrappers), 96);
}

/* Is cat a cause a message's words may name over a file's load: a
 * syntax, type or name error? */
static bool cause_category_word(const char *cat)
{
	return cl_cat_is(cat, CAT_SYNTAX_ERROR) || cl_cat_is(cat, CAT_TYPE_ERROR) ||
	       cl_cat_is(cat, CAT_UNDEFINED_SYMBOL);
}

/* "pkg: a-tag-name[ info]" at m[i] (lintian's, after its "E: "): where
 * the tag starts, or 0. */
static size_t lintian_tag(const char *m, size_t n, size_t i)
{
	size_t k = i, t;

	while (k < n && (is_alpha(m[k]) || is_digit(m[k]) || m[k] == '.' ||
			 m[k] == '+' || m[k] == '-'))
		k++;
	if (k == i || k + 2 >= n || m[k] != ':' || m[k + 1] != ' ')
		return 0;
	for (t = k + 2; t < n && ((m[t] >= 'a' && m[t] <= 'z') || is_digit(m[t]) ||
				  m[t] == '-'); t++)
		;
	return t > k + 4 && (t == n || m[t] == ' ') && memchr(m + k + 2, '-', t - k - 2) ?
	       k + 2 : 0;
}

size_t cl_openssl_reason(const char *m, size_t n)
{
	size_t e, colons = 0;

	if (n < 16 || memcmp(m, "error:", 6))
		return 0;
	for (e = 6; e < 14; e++)
		if (!is_digit(m[e]) && (lower(m[e]) < 'a' || lower(m[e]) > 'f'))
			return 0;
	if (m[e] != ':')
		return 0;
	for (e++; e < n && colons < 2; e++)
		colons += m[e] == ':';
	return colons == 2 ? e : 0;
}

/* OpenSSL's queued error in low[0..n): its code, library and function
 * blanked, the reason left to be read (a "system library" is no
 * package); false if there is none. */
static bool openssl_blank(char *low, size_t n)
{
	const char *c = low, *end = low + n;
	size_t r;

	/* by its colon, a rarer byte than the e of "error:" */
	while ((c = memchr(c, ':', (size_t)(end - c)))) {
		if (c - low >= 5 && !memcmp(c - 5, "error", 5) &&
		    (r = cl_openssl_reason(c - 5, (size_t)(end - c) + 5))) {
			memset(low + (c - 5 - low), ' ', r);
			return true;
		}
		c++;
	}
	return false;
}

/* Where the innermost cause of an error wrapped by each caller on its way
 * up starts (Go's way: Hugo's "load resources: loading templates: parse
 * failed: template: a.html:2: function \"f\" not defined"): after the
 * last ": " of four clauses or more, each before it a few words (quotes
 * aside), none inside quotes; 0 if m is no such chain ("[main]: syntax
 * error: no closing ']'" is a kind and its detail; a dump of an object,
 * "#<T @a=[#<E: x>]>", no chain), or its last clause is a name and no
 * words ("x: y: z: a.txt"). */
static size_t wrapped_cause(const char *m, size_t n)
{
	size_t k, seps = 0, last = 0, clause = 0; /* its bytes, quotes aside */
	char q = 0; /* the quote open, if one is */
	const char *c = m;

	/* three colons before a blank at least, found at memchr's pace:
	 * most messages have fewer (every message is asked) */
	while (seps < 3 && (c = memchr(c, ':', n - (size_t)(c - m))) && ++c < m + n)
		seps += *c == ' ';
	if (seps < 3)
		return 0;
	for (seps = 0, k = 0; k + 1 < n; k++) {
		if (q) {
			/* Ruby's and m4's `x' close on either */
			if (m[k] == q || (q == '`' && m[k] == '\''))
				q = 0;
		} else if (m[k] == '"' || m[k] == '`') {
			q = m[k];
		} else if (m[k] == ':' && m[k + 1] == ' ') {
			seps++;
			last = k + 2;
			clause = 0;
		} else if (++clause > 48) {
			return 0;
		}
	}
	if (seps < 3 || last >= n || !memchr(m + last, ' ', n - last))
		return 0;
	return last;
}

/* The words of an exception's class opening m[0..n) and its colon, its
 * last part's in lower case and apart ("template not found"), added to
 * *out; false, *out untouched, if m opens with none. */
static bool class_words(const char *m, size_t n, struct buf *out)
{
	size_t k, j, last = 0, caps = 0;

	for (k = 0; k < n && (is_alpha(m[k]) || is_digit(m[k]) || m[k] == '_' ||
			      m[k] == '.' || (m[k] == ':' && k + 1 < n && m[k + 1] == ':'));
	     k++)
		if (m[k] == '.' || m[k] == ':') {
			if (m[k] == ':')
				k++;
			last = k + 1;
		}
	if (k + 2 >= n || m[k] != ':' || m[k + 1] != ' ' || last >= k)
		return false;
	for (j = last; j < k; j++)
		caps += m[j] >= 'A' && m[j] <= 'Z';
	if (caps < 2 || m[last] < 'A' || m[last] > 'Z')
		return false;
	for (j = last; j < k; j++) {
		if (j > last && m[j] >= 'A' && m[j] <= 'Z' && m[j - 1] >= 'a' &&
		    m[j - 1] <= 'z')
			buf_addch(out, ' ');
		buf_addch(out, lower(m[j]));
	}
	return true;
}

const char *cl_class_category(const char *m, size_t n)
{
	struct buf said = BUF_INIT;
	struct cl_words cw;
	size_t k;

	cw.category = NULL;
	if (n && is_alpha(m[0]) && class_words(m, n, &said)) {
		/* (the class's colon: the first ": ", "::" aside) */
		for (k = 0; m[k] != ':' || m[k + 1] != ' '; k++)
			;
		if (!memchr(m + k + 2, ' ', n - k - 2)) {
			buf_add(&said, m + k, n - k);
			cl_words_read(said.ptr, said.len, &cw);
		}
	}
	buf_release(&said);
	return cw.category;
}

static void words_read(const char *m, size_t n, struct cl_words *w)
{
	char low[CL_WORDS_MAX];
	size_t i = 0, k, len, ln;
	unsigned groups; /* W_*: which word readers below can find anything */
	const char *later; /* what later_phrases say, if nothing else does */

	memset(w, 0, sizeof(*w));
	w->sev = -1;
	/* "[ERROR]", "error:", "Error -", "E302 ", "SC2086 (info):" */
	while (i < n && (m[i] == '[' || is_blank(m[i])))
		i++;
	/* docutils' "(ERROR/3) x" */
	if (i + 1 < n && m[i] == '(' && sev_word(m + i + 1, n - i - 1, &len,
						 &w->note) >= 0)
		i++;
	if ((w->sev = sev_word(m + i, n - i, &len, &w->note)) >= 0) {
		i += len;
		if (i < n && m[i] == '/')
			while (++i < n && is_digit(m[i]))
				;
		/* a count inside its brackets: flexc++'s "[Error 1] x" */
		if (i + 2 < n && m[i] == ' ' &&
		    is_digit(m[i + 1])) {
			for (k = i + 1; k < n && is_digit(m[k]); k++)
				;
			if (k < n && m[k] == ']')
				i = k;
		}
		/* its code in brackets, rustc's "error[E0425]: x" (a number
		 * alone, gpasm's "Error[113]", is a message's number: the
		 * words say more) */
		if (i + 2 < n && m[i] == '[' && is_alpha(m[i + 1])) {
			for (k = i + 1; k < n && (is_alpha(m[k]) || is_digit(m[k]) ||
						  m[k] == '_' || m[k] == '-' ||
						  m[k] == ':'); k++)
				;
			if (k < n && m[k] == ']') {
				w->code = i + 1;
				w->code_len = k - i - 1;
				i = k + 1;
			}
			k = 0;
		}
		while (i < n && (m[i] == ']' || m[i] == ':' || is_blank(m[i]) ||
				 m[i] == '-' || m[i] == ')' || m[i] == '|'))
			i++;
		if (w->code_len)
			k = 0;
		else if (!(k = code_at(m, n, i)) && (k = group_rule_at(m, n, i, false))) {
			/* "error MD001/heading-increment Heading ..." */
			w->code = i;
			w->code_len = k;
			i = skip_blanks(m, n, i + k);
			k = 0;
		}
	} else if (i + 2 < n && i == 0 && strchr("CWERFIP", m[0]) && m[1] == ':' &&
		   is_blank(m[2])) {
		/* rubocop's "C: [Correctable] Style/Foo: x"; lintian's "P: pkg: tag" */
		w->sev = m[0] == 'E' || m[0] == 'F' ? DIAG_ERROR :
			 m[0] == 'I' ? DIAG_NOTE : DIAG_WARNING;
		i = skip_blanks(m, n, 2);
		if (STARTS(m + i, n - i, "[Correctable] "))
			i += 14;
		for (k = i; k < n && (is_alpha(m[k]) || is_digit(m[k]) || m[k] == '/'); k++)
			;
		if (k < n && m[k] == ':' && memchr(m + i, '/', k - i)) {
			w->code = i;
			w->code_len = k - i;
			i = skip_blanks(m, n, k + 1);
		} else if ((k = lintian_tag(m, n, i))) {
			/* lintian's "E: pkg: no-copyright-file": the package,
			 * then its tag, which is the finding */
			w->code = k;
			for (w->code_len = 0; k + w->code_len < n &&
			     m[k + w->code_len] != ' '; w->code_len++)
				;
		}
		k = 0;
	} else if (i > 0 && m[i - 1] == '[') {
		/* "[rawtypes] found raw type" (javac -Xlint), bandit's
		 * "[B602:subprocess_popen]" */
		for (k = i; k < n && (is_alpha(m[k]) || is_digit(m[k]) || m[k] == '-' ||
				      m[k] == '_' || m[k] == ':'); k++)
			/* the tool, then its rule: "[sql-lint: missing-where]" */
			if (m[k] == ':' && k + 2 < n && m[k + 1] == ' ' &&
			    is_alpha(m[k + 2]) && k > i)
				i = ++k + 1;
		/* (not a section before its key or its colon: foot's
		 * "[main].font: x", "[nosuch]: invalid section name") */
		k = k < n && m[k] == ']' && k > i &&
		    (k + 1 == n || (m[k + 1] != '.' && m[k + 1] != ':')) ?
		    k - i : 0;
		if (k) {
			w->code = i;
			w->code_len = k;
			i = skip_blanks(m, n, i + k + 1);
			k = 0;
			w->sev = -1;
		} else {
			i--; /* the bracket is the message's */
		}
	} else if ((k = lead_sev(m, n, i, w))) {
		/* "PHP Parse error:  x", "CMake Error" */
		i = k;
		k = 0;
	} else {
		k = code_at(m, n, i);
		/* "ParseError: x", "NameError: x": an exception's name says
		 * error (the message keeps it); Python's warning classes
		 * ("DeprecationWarning: x", "UserWarning: x") warning */
		if (!k && i == 0 && is_named(m, n, "Error"))
			w->sev = DIAG_ERROR;
		else if (!k && i == 0 && is_named(m, n, "Warning"))
			w->sev = DIAG_WARNING;
		/* "lint/style/useConst  FIXABLE": a rule heading its report;
		 * a kebab-case rule in a column before its message
		 * ("prefer-const    Identifier 'x' is never reassigned",
		 * TSLint's stylish rows) */
		if (!k && ((k = group_rule_at(m, n, i, true)) ||
			   (k = column_rule_at(m, n, i)))) {
			w->code = i;
			w->code_len = k;
			i = skip_blanks(m, n, i + k);
			k = 0;
		}
	}
	if (k) {
		w->code = i;
		w->code_len = k;
		i += k;
		i = skip_blanks(m, n, i);
		if (i < n && m[i] == '(') {
			int s = sev_word(m + i + 1, n - i - 1, &len, &w->note);

			if (s >= 0 && i + 1 + len < n && m[i + 1 + len] == ')') {
				w->sev = s;
				i += len + 2;
			}
		} else if (w->sev < 0) {
			/* "DL3008 warning: msg" (hadolint): the severity after
			 * the code */
			int s = sev_word(m + i, n - i, &len, &w->note);

			if (s >= 0 && i + len < n && m[i + len] == ':') {
				w->sev = s;
				i += len + 1;
			}
		}
		/* "L010 | msg": a table's column after the code */
		while (i < n && (m[i] == ':' || m[i] == '|' || is_blank(m[i])))
			i++;
		if (w->sev < 0) {
			char c = m[w->code];

			w->sev = c == 'W' || c == 'C' || c == 'R' ? DIAG_WARNING :
				 DIAG_ERROR;
		}
	}
	/* a second severity right after the first, graver: Xerces' "XML
	 * warning: Fatal Error: expected end of tag 'b'" (Xalan's) */
	if (w->sev == DIAG_WARNING && i < n && (m[i] == 'F' || m[i] == 'E')) {
		bool note2;
		int s2 = sev_word(m + i, n - i, &len, &note2);

		if (s2 == DIAG_ERROR && i + len + 1 < n && m[i + len] == ':') {
			w->sev = s2;
			i = skip_blanks(m, n, i + len + 1);
		}
	}
	w->text = i;
	if (!w->code_len) {
		size_t rated = trailing_rating(m, n);

		trailing_code(m, rated, w);
		/* a finding rated by its tool and no severity word: a
		 * linter's */
		if (rated < n && w->sev < 0)
			w->sev = DIAG_WARNING;
	}
	if (!w->code_len)
		leading_check(m, n, i, w);
	ln = n < sizeof(low) ? n : sizeof(low);
	for (k = 0; k < ln; k++)
		low[k] = lower(m[k]);
	/* the words are the message's, not its rule's name ("[B101:assert_used]") */
	for (k = w->code; k < w->code + w->code_len && k < ln; k++)
		low[k] = ' ';
	w->category = phrase_in(low, ln, &groups, &later);
	/* OpenSSL's code and library are no words of the problem: read
	 * again without them */
	if ((groups & W_SSL) && openssl_blank(low, ln))
		w->category = phrase_in(low, ln, &groups, &later);
	/* a parser's "expecting" names a token; a value expected and another
	 * got is an assertion's: alcotest's "Error int: expecting 4, got 3." */
	if (w->category && (groups & W_ASSERT) &&
	    cl_cat_is(w->category, CAT_SYNTAX_ERROR)) {
		const char *e = cl_find(low, ln, "expecting ", 10);

		if (e && expected_value(low, ln, e))
			w->category = CAT_TEST_FAILURE;
	}
	/* Lua's "attempt to call global 'f' (a nil value)" (5.1) and
	 * "attempt to call a nil value (global 'f')" (5.3 on), "attempt to
	 * index ...": a global that nothing defines, not a value of the
	 * wrong type */
	if (w->category && cl_cat_is(w->category, CAT_TYPE_ERROR) &&
	    cl_find(low, ln, "nil value", 9) &&
	    cl_find(low, ln, "global '", 8))
		w->category = CAT_UNDEFINED_SYMBOL;
	/* (a linter's finding may say what it expected: "[Expected: h2;
	 * Actual: h3]" after its rule is the rule's) */
	if (!w->category && !w->code_len && (groups & W_ASSERT))
		w->category = assertion_words(low, ln);
	if (!w->category && (groups & W_MISSING))
		w->category = missing_token(low, ln);
	if (!w->category && (groups & W_MISSING) && exceeds_number(low, ln))
		w->category = CAT_TYPE_ERROR;
	if (!w->category && (groups & W_DUP))
		w->category = duplicate_definition(low, ln);
	/* the token a parser wanted before "expected X, got Y"'s types:
	 * "Expected ',', got ';'" is swc's syntax error */
	if (!w->category && (groups & W_EXPECT))
		w->category = expected_token(m, low, ln, w->code_len != 0);
	if (!w->category && !w->code_len && (groups & W_EXPECT))
		w->category = expected_got(low, ln);
	if ((groups & W_FOUND) &&
	    (!w->category || cl_cat_is(w->category, CAT_LINT_VIOLATION))) {
		const char *nf = not_found(low, ln);

		if (nf)
			w->category = nf;
		else if (lacks_format_part(low, ln))
			w->category = CAT_SYNTAX_ERROR;
	}
	/* what "not found" would say of a doc comment's tag, or nothing */
	if ((groups & W_DOC) &&
	    (!w->category || cl_cat_is(w->category, CAT_UNDEFINED_SYMBOL) ||
	     cl_cat_is(w->category, CAT_IMPORT_RESOLUTION))) {
		const char *doc = doc_comment(low, ln);

		if (doc)
			w->category = doc;
	}
	/* a rule's code says a linter's ("Unexpected unknown property "x"
	 * property-no-unknown") */
	if (!w->category && !w->code_len && (groups & W_UNKNOWN))
		w->category = unknown_name(low, ln);
	if (!w->category && !w->code_len && (groups & W_KEY))
		w->category = unknown_key(low, ln);
	if (!w->category && (groups & W_KEY) && parser_refused(low, ln))
		w->category = CAT_SYNTAX_ERROR;
	if ((!w->category || cl_cat_is(w->category, CAT_LINT_VIOLATION)) &&
	    (groups & W_KEY) && unrecognized_noun(low, ln)) {
		w->category = CAT_UNDEFINED_SYMBOL;
		w->code = w->code_len = 0;
	}
	if (!w->category && !w->code_len && w->text < ln &&
	    no_such_named(low + w->text, ln - w->text))
		w->category = CAT_UNDEFINED_SYMBOL;
	if (!w->category)
		w->category = later;
	if (!w->category && i < n && m[i] >= 'A' && m[i] <= 'Z')
		w->category = unpaired_keyword(m + i, n - i);
	/* a quoted name and the word after it: 'element "B" undefined'
	 * (OpenSP's), "symbol 'x' undefined", Octave's "'itms' undefined
	 * near line 2, column 13" */
	if (!w->category && (groups & W_KEY) && quoted_undefined(low, ln))
		w->category = CAT_UNDEFINED_SYMBOL;
	/* a value of one type given where another goes: qmllint's "Cannot
	 * assign literal of type string to int" ("gn": W_KEY's) */
	if (!w->category && (groups & W_KEY) && cl_find(low, ln, "assign", 6) &&
	    cl_find(low, ln, " of type ", 9))
		w->category = CAT_TYPE_ERROR;
	/* nothing else said, the layout of the text: a style rule's */
	if (!w->category && (groups & W_LAYOUT) && layout_named(low, ln))
		w->category = CAT_LINT_VIOLATION;
	/* a value of the wrong kind, or a parse that refused a value; a
	 * fault told before the values allowed is the value's, not a style
	 * rule's "should be" (corosync's "Invalid cipher type. Should be
	 * none, aes256, aes192 or aes128"; a layout's "invalid line length"
	 * stays a style rule's) */
	if ((groups & (W_FAULT | W_VALUE | W_EXPECT)) && !w->code_len &&
	    (!w->category || cl_cat_is(w->category, CAT_SYNTAX_ERROR) ||
	     ((groups & W_FAULT) && cl_cat_is(w->category, CAT_LINT_VIOLATION)))) {
		bool lint = w->category && cl_cat_is(w->category, CAT_LINT_VIOLATION);
		const char *v = wrong_kind(low, ln, w->category &&
					   cl_cat_is(w->category, CAT_SYNTAX_ERROR),
					   groups);

		if (v && !lead_rule(low, ln, w->text) &&
		    !(lint && (groups & W_LAYOUT) && layout_named(low, ln)))
			w->category = v;
	}
	if (!w->category && (groups & W_BRACKET))
		w->category = bracket_count(low, ln);
	if (!w->category && (groups & W_FOUND) && looked_up_name(low, ln))
		w->category = CAT_UNDEFINED_SYMBOL;
	/* a test runner's verdict opening the message: clojure.test's "FAIL
	 * in (t)", Go's and jest's "FAIL x", ExUnit's and Perl's "FAILED" */
	if (!w->category && (STARTS(m, n, "FAIL ") || STARTS(m, n, "FAIL:") ||
			     STARTS(m, n, "FAILED ") || STARTS(m, n, "FAILED:")))
		w->category = CAT_TEST_FAILURE;
	/* A name that does not resolve: a relative or absolute one is the
	 * project's (import_resolution), a bare one a package that is not
	 * installed (missing_dependency). */
	if (w->category && cl_cat_is(w->category, CAT_IMPORT_RESOLUTION)) {
		for (k = 0; k < ln; k++)
			if ((low[k] == '\'' || low[k] == '"' || low[k] == '`') &&
			    /* not an apostrophe: "can't", "doesn't" */
			    !(k > 0 && is_alpha(low[k - 1]) && k + 1 < ln &&
			      is_alpha(low[k + 1])))
				break;
		/* "Could not find any host matching 'db'" (nagios), "no
		 * targets matching 'x'": a name looked up among the
		 * definitions, nothing to import */
		if (k + 1 < ln && k >= 9 && !memcmp(low + k - 9, "matching ", 9))
			w->category = CAT_UNDEFINED_SYMBOL;
		else if (k + 1 < ln && low[k + 1] != '.' && low[k + 1] != '/' &&
		    !quoted_file(low, ln, k) &&
		    !cl_find(low, ln, "file not found", 14) &&
		    /* "can't find file 'x'", "nonexisting document 'x'": a
		     * file of the project, not a package */
		    !cl_find(low, k, "file", 4) && !cl_find(low, k, "document", 8) &&
		    /* "'src' directory does not exist": never a package */
		    !cl_find(low, ln, "directory", 9) &&
		    /* a cycle's names are the project's own ('Cycle detected
		     * in dependencies of "build"') */
		    !cl_find(low, ln, "cycl", 4) &&
		    !cl_find(low, ln, "no module named", 15))
			w->category = CAT_MISSING_DEPENDENCY;
		if (k + 1 < ln && cl_find(low, ln, "no module named", 15) &&
		    !cl_cat_is(w->category, CAT_UNDEFINED_SYMBOL) &&
		    low[k + 1] != '.' && !memchr(low + k + 1, '.', ln - k - 1))
			w->category = CAT_MISSING_DEPENDENCY;
		/* unquoted, as `python -m x` says it: "python3: No module
		 * named pytest" */
		if (k == ln && bare_module_named(low, ln))
			w->category = CAT_MISSING_DEPENDENCY;
	}
	/* a heading that only places the error, over a message with words
	 * of its own: those words say what it is */
	if ((groups & W_HEADING) &&
	    (!w->category || cl_cat_is(w->category, CAT_SYNTAX_ERROR)) &&
	    (k = place_heading(low, ln)) && k < ln) {
		struct cl_words tail;

		cl_words_read(m + k, n - k, &tail);
		if (tail.category)
			w->category = tail.category;
	}
	/* a parse that failed, then its cause after a colon: Tor's "Failed
	 * to parse/validate config: Unknown option 'x'": the cause's kind */
	if (w->category && cl_cat_is(w->category, CAT_SYNTAX_ERROR) &&
	    (k = parse_wrapper_end(low, ln)) && k < n) {
		struct cl_words cause;

		cl_words_read(m + k, n - k, &cause);
		if (cause.category && !cl_cat_is(cause.category, CAT_LINT_VIOLATION) &&
		    !token_not_found(low + k, ln - k))
			w->category = cause.category;
	}
	/* a file that could not be loaded, then why after a colon:
	 * Privoxy's "can't load actions file './a.action': can't completely
	 * parse the action section": the cause's kind, when it names one
	 * other than a file not there */
	if (w->category && cl_cat_is(w->category, CAT_IMPORT_RESOLUTION) &&
	    (k = load_wrapper_end(low, ln)) && k < n) {
		struct cl_words cause;

		cl_words_read(m + k, n - k, &cause);
		if (cause.category && cause_category_word(cause.category))
			w->category = cause.category;
	}
	/* an error wrapped on its way up: its innermost cause says what it
	 * is, the callers' words ("parse failed", "render of \"page\"
	 * failed") only where it passed */
	if (!w->code_len && (k = wrapped_cause(m, n)) && k > w->text) {
		struct cl_words cause;

		cl_words_read(m + k, n - k, &cause);
		if (cause.category)
			w->category = cause.category;
	}
	/* an exception's class over a message that is only a name
	 * ("TemplateNotFound: x.j2"): the class's words say what it is */
	if (!w->category && w->text < n && n < CL_WORDS_MAX)
		w->category = cl_class_category(m + w->text, n - w->text);
}

/* cl_words_read's answers for the messages read last, by their bytes: a
 * message is read again and again (by the readers that try it, by the
 * reports that repeat it). Direct-mapped; a message longer than a slot's
 * bytes is read each time. One a thread. */
enum { WORDS_MEMO_SLOTS = 256, WORDS_MEMO_BYTES = 160 };
static _Thread_local struct {
	uint64_t hash; /* 0: empty */
	size_t n;
	char m[WORDS_MEMO_BYTES];
	struct cl_words w;
} words_memo[WORDS_MEMO_SLOTS];

void cl_words_read(const char *m, size_t n, struct cl_words *w)
{
	uint64_t h = 14695981039346656037u;
	size_t k;

	if (n > WORDS_MEMO_BYTES) {
		words_read(m, n, w);
		return;
	}
	for (k = 0; k < n; k++)
		h = (h ^ (unsigned char)m[k]) * 1099511628211u;
	h |= 1;
	k = (size_t)(h >> 32) & (WORDS_MEMO_SLOTS - 1);
	if (words_memo[k].hash == h && words_memo[k].n == n &&
	    !memcmp(words_memo[k].m, m, n)) {
		*w = words_memo[k].w;
		return;
	}
	words_read(m, n, w);
	words_memo[k].hash = h;
	words_memo[k].n = n;
	memcpy(words_memo[k].m, m, n);
	words_memo[k].w = *w;
}

/* ---- headlines ---- */

/* "2 errors found", "two errors found.", "1 error", "3 errors and 1
 * warning generated": a count of the problems told above (scalac's and
 * sbt's, Clang's, many checkers' last line), a number or its word, a
 * problem's noun, then a few words at most. */
static bool problem_count(const char *l, size_t n)
{
	static const char *const nums[] = { "one ", "two ", "three ", "four ",
					    "five ", "six ", "seven ", "eight ",
					    "nine ", "ten " };
	static const char *const nouns[] = { "error", "warning", "problem",
					     "failure", "issue" };
	size_t k = 0, j, words = 0;

	if (n && is_digit(l[0])) {
		while (k < n && is_digit(l[k]))
			k++;
		if (k >= n || l[k] != ' ')
			return false;
		k++;
	} else {
		for (j = 0; j < sizeof(nums) / sizeof(*nums) && !k; j++)
			if (n > strlen(nums[j]) && lower(l[0]) == nums[j][0] &&
			    !strncmp(l + 1, nums[j] + 1, strlen(nums[j]) - 1))
				k = strlen(nums[j]);
		if (!k)
			return false;
	}
	for (j = 0; j < sizeof(nouns) / sizeof(*nouns); j++)
		if (starts(l + k, n - k, nouns[j]))
			break;
	if (j == sizeof(nouns) / sizeof(*nouns))
		return false;
	k += strlen(nouns[j]);
	if (starts(l + k, n - k, "(s)"))
		k += 3;
	else if (k < n && l[k] == 's')
		k++;
	for (; k < n; k++) {
		if (l[k] == ' ')
			words++;
		else if (!is_alpha(l[k]) && !is_digit(l[k]) && l[k] != '.' &&
			 l[k] != ',' && l[k] != '!')
			return false;
	}
	return words <= 4;
}

/* "terminating, 1 bad configuration options" (ssh's and sshd's last
 * word on a file): a word of stopping, then a count of the bad or
 * invalid things it told one by one above. */
static bool stop_count(const char *l, size_t n)
{
	size_t k = 0;

	if (n > 80 || !n || (unsigned)(l[0] - 'a') >= 26)
		return false;
	while (k < n && is_alpha(l[k]))
		k++;
	if (k < 5 || k + 4 >= n || l[k] != ',' || l[k + 1] != ' ' ||
	    !is_digit(l[k + 2]) || strncmp(l + k - 3, "ing", 3))
		return false;
	for (k += 2; k < n && is_digit(l[k]); k++)
		;
	return STARTS(l + k, n - k, " bad ") || STARTS(l + k, n - k, " invalid ");
}

/* "1 chart(s) linted, 1 chart(s) failed", "3 file(s) checked": a number,
 * then a noun with its plural told as "(s)", a tool's tally of what it
 * went through (Helm's, many a script's), never a finding of its own. */
static bool unit_tally(const char *l, size_t n)
{
	size_t k = 0;

	while (k < n && is_digit(l[k]))
		k++;
	if (!k || k >= n || l[k] != ' ')
		return false;
	for (k++; k < n && is_alpha(l[k]); k++)
		;
	return k + 3 <= n && l[k - 1] != ' ' && starts(l + k, n - k, "(s)") &&
	       (k + 3 == n || l[k + 3] == ' ' || l[k + 3] == ',' ||
		l[k + 3] == '.');
}

static bool ends_ci(const char *w, size_t len, const char *lit);

/* "Errors parsing authorize section." (FreeRADIUS'), "Errors reading or
 * parsing ./a.conf", "Errors found in a.xml": a plural of errors, then
 * what was being done when they were told, not one of them. */
static bool errors_doing(const char *l, size_t n)
{
	size_t k;

	if (n < 12 || (l[0] != 'E' && l[0] != 'e') || memcmp(l + 1, "rrors ", 6))
		return false;
	for (k = 7; k < n && is_alpha(l[k]); k++)
		;
	return (k > 10 && !memcmp(l + k - 3, "ing", 3)) ||
	       (k == 12 && !memcmp(l + 7, "found", 5)) ||
	       (k == 15 && !memcmp(l + 7, "occurred", 8));
}

/* Does l[0..n) end "terminated with status N" or "exited with status N"
 * (or code N), after one word, the program's; or "exiting with status N"
 * after a program's name of a few words, perhaps with the place in its
 * own source ("Corosync Cluster Engine exiting with status 8 at
 * main.c:1417.")? */
bool cl_exit_status(const char *l, size_t n)
{
	static const char *const ends[] = { " terminated with status ",
					    " exited with status ",
					    " exited with code ",
					    " exiting with status " };
	const char *at;
	size_t e = n, k, len, words, b = 0;
	bool note;

	/* (every shape ends in a number, perhaps a place's and a full stop:
	 * most lines are out at once) */
	if (n < 20 || !is_digit(l[n - 1 - (l[n - 1] == '.')]) ||
	    (!cl_find(l, n, "with status ", 12) && !cl_find(l, n, "with code ", 10)))
		return false;
	/* its severity, and a log's tag for the part of the program that
	 * said it ("error   [MAIN  ] ") */
	if (sev_word(l, n, &len, &note) >= 0 && len < n &&
	    (l[len] == ' ' || l[len] == ':'))
		b = skip_blanks(l, n, len + 1);
	if (b < n && l[b] == '[' && (at = memchr(l + b, ']', n - b)))
		b = skip_blanks(l, n, (size_t)(at - l) + 1);
	if ((at = cl_find(l, n, " with status ", 13)) &&
	    (at = cl_find(at, (size_t)(l + n - at), " at ", 4)) &&
	    memchr(at, ':', (size_t)(l + n - at)))
		e = (size_t)(at - l);
	while (e && is_digit(l[e - 1]))
		e--;
	if (e == n || e < 12 || !is_digit(l[e]))
		return false;
	for (k = 0; k < sizeof(ends) / sizeof(*ends); k++) {
		len = strlen(ends[k]);
		if (e <= len || memcmp(l + e - len, ends[k], len))
			continue;
		for (words = 0, e -= len; e > b; e--)
			words += l[e - 1] == ' ';
		return words <= (k == 3 ? 3u : 0u);
	}
	return false;
}

/* A short sentence ending in a count of errors ("Compilation produced 2
 * syntax errors.", Rhino's; "There were 3 errors."): the number, at most
 * one word, then "errors" or "warnings" closing it. */
static bool count_closes(const char *l, size_t n)
{
	static const char *const nouns[] = { " errors", " warnings", " problems" };
	size_t e = n, k, w, len, words = 0;

	while (e && (l[e - 1] == '.' || l[e - 1] == ' '))
		e--;
	for (k = 0; k < sizeof(nouns) / sizeof(*nouns); k++) {
		len = strlen(nouns[k]);
		if (e > len && !memcmp(l + e - len, nouns[k], len))
			break;
	}
	if (k == sizeof(nouns) / sizeof(*nouns))
		return false;
	e -= len;
	/* the number, or a word and then the number */
	for (w = 0; w < 2; w++) {
		for (k = e; k && is_digit(l[k - 1]); k--)
			;
		if (k < e && (k == 0 || l[k - 1] == ' '))
			break;
		for (k = e; k && is_alpha(l[k - 1]); k--)
			;
		if (k == e || !k || l[k - 1] != ' ')
			return false;
		e = k - 1;
	}
	if (w == 2)
		return false;
	for (k = 0; k < n; k++)
		if (l[k] == ' ')
			words++;
	return words <= 6;
}

bool cl_summary(const char *l, size_t n, bool words)
{
	const char *c;
	static const char *const lits[] = {
		"make: ***", "make[", "npm ERR!", "npm error", "error Command failed",
		"ELIFECYCLE", "error: aborting", "error: could not compile",
		"Error: Process completed", "Process completed with exit code",
		/* sbt's last word, "[error] Total time: 3 s, completed ..." */
		"Total time: ",
		"errors generated", "error generated",
		"compilation terminated", "Compilation failed", "error: Recipe",
		"FAILED (", "error: script",
		"Error: Command failed", "Error: exit status", "error: linker",
		"Error: Cannot find module '/", "Error: Could not find or load",
		/* a build tool's verdict naming the step that failed (Maven's,
		 * Gradle's), and a runner's count of the tests run (JUnit's,
		 * NUnit's "Tests run: 2, Failures: 1", PHPUnit's "Tests: 2,
		 * Assertions: 1, Errors: 1.", Jest's "Tests:  1 failed") */
		"Failed to execute goal", "Execution failed for task",
		"Tests run: ", "Tests: ",
		/* nimble's verdicts on the package it built or the test
		 * program it ran, whose errors it printed above */
		"Build failed for package", "execution of an external program failed",
		"Execution failed with exit code",
	};
	size_t k;

	/* make's own fatal error, not its recap of a recipe's: "make: ***
	 * No rule to make target 'util.o', needed by 'app'.  Stop." */
	if (n > 14 && l[0] == 'm' && starts(l, n, "make") &&
	    !memcmp(l + n - 5, "Stop.", 5) && cl_find(l, n, ": *** ", 6))
		return false;
	for (k = 0; k < sizeof(lits) / sizeof(*lits); k++)
		if (n && l[0] == lits[k][0] && starts(l, n, lits[k]))
			return true;
	/* "Found 2 errors in the same file" (tsc's count), "Found errors
	 * in ...": not what a finding found ("Found a punctuator character
	 * '}' when expecting ...", hjson's) */
	if (n > 7 && l[0] == 'F' && starts(l, n, "Found ") &&
	    (is_digit(l[6]) || starts(l + 6, n - 6, "errors") ||
	     starts(l + 6, n - 6, "problems") || starts(l + 6, n - 6, "issues") ||
	     starts(l + 6, n - 6, "no ")))
		return true;
	if (problem_count(l, n) || stop_count(l, n) || unit_tally(l, n) ||
	    count_closes(l, n) ||
	    errors_doing(l, n))
		return true;
	/* a runner's last word, naming nothing ("error: Test failed", deno
	 * test's): the failures were told above */
	if ((n == 11 && !memcmp(l, "Test failed", 11)) ||
	    (n == 12 && !memcmp(l, "Tests failed", 12)))
		return true;
	/* ... and a checker's: "Type checking failed." (deno check's),
	 * "Lint check failed" */
	{
		size_t e = n && l[n - 1] == '.' ? n - 1 : n;

		if (e < 32 && (ends_ci(l, e, " checking failed") ||
			       ends_ci(l, e, " check failed")))
			return true;
	}
	/* Bazel's "Compiling a.cc failed: (Exit 1): gcc failed: error
	 * executing command ...": the action whose tool's errors follow */
	if (cl_find(l, n, "failed: (Exit ", 14))
		return true;
	/* a compiler driver's word on the pass it ran, whose errors came
	 * before ("error: /usr/bin/x86_64-linux-gnu-ccom terminated with
	 * status 1", pcc's; "cc1 exited with status 1") */
	if (cl_exit_status(l, n))
		return true;
	/* sbt's "(Compile / compileIncremental) Compilation failed" */
	if (n > 18 && !memcmp(l + n - 18, "Compilation failed", 18))
		return true;
	/* each test below needs one of CL_T_SUMMARY's words (cl_triggers) */
	if (!words)
		return false;
	/* most lines hold none of "rror", "-zero", "problems (" and
	 * "Compilation aborted": one look each rules them out */
	if (cl_find(l, n, "rror", 4) &&
	    (cl_find(l, n, " error(s)", 9) || cl_find(l, n, "errors compiling", 16) ||
	     /* "Error: Failed to compile 1 file with swc.": a count of
	      * the files whose errors were told */
	     ((c = cl_find(l, n, "to compile ", 11)) &&
	      c + 11 < l + n && is_digit(c[11])) ||
	     cl_find(l, n, "returned an error exitcode", 26) ||
	     cl_find(l, n, "had compilation errors", 22) ||
	     /* a count of the errors told above: "ES-Check: there were
	      * 2 ES version matching errors.", "There were 3 errors." */
	     ((c = cl_find(l, n, "here were ", 10)) && c > l &&
	      (c[-1] == 't' || c[-1] == 'T') && c + 10 < l + n && is_digit(c[10])) ||
	     /* dtc's "Input tree has errors, aborting" */
	     cl_find(l, n, " has errors", 11) || cl_find(l, n, "contains errors", 15)))
		return true;
	/* a count of the errors told ("2 compilation errors.  No code
	 * generated.", glslang's, Haxe's, dmd's), and a compiler that
	 * stopped after them ("'' : compilation terminated") */
	if ((c = cl_find(l, n, "ompilation ", 11)) &&
	    (cl_find(c, (size_t)(l + n - c), "ompilation terminated", 21) ||
	     (c - l >= 3 && c[-2] == ' ' && is_digit(c[-3]) &&
	      cl_find(c, (size_t)(l + n - c), "ompilation error", 16))))
		return true;
	/* a wrapper's verdict that sends the reader to the wrapped tool's
	 * own errors: Ant's and Gradle's "Compile failed; see the compiler
	 * error output for details", "Build failed, see the log above" */
	if ((c = cl_find(l, n, "ailed", 5)) &&
	    (cl_find(c, (size_t)(l + n - c), "see the ", 8) ||
	     cl_find(c, (size_t)(l + n - c), "see above", 9) ||
	     cl_find(c, (size_t)(l + n - c), "for details", 11)))
		return true;
	/* a runtime's word that the script it ran died of the exception
	 * told above, nothing after it (gjs's "Script a.js threw an
	 * exception", "Module file:///w/d.js threw an exception") */
	if (n > 19 && !memcmp(l + n - 19, " threw an exception", 19))
		return true;
	/* a link checker's count of what failed (linkinator's "ERROR:
	 * Detected 5 broken links. Scanned 9 links in 0.08 seconds.") */
	if ((c = cl_find(l, n, " broken link", 12)) && c > l && is_digit(c[-1]))
		return true;
	/* "shell command terminated with non-zero exit status" */
	if (cl_find(l, n, "-zero exit", 10) &&
	    (cl_find(l, n, "returned non-zero exit", 22) ||
	     cl_find(l, n, "with non-zero exit status", 25)))
		return true;
	return cl_find(l, n, "problems (", 10) ||
	       cl_find(l, n, "Compilation aborted", 19);
}

static bool ends_ci(const char *w, size_t len, const char *lit)
{
	size_t k = strlen(lit), t;

	if (len < k)
		return false;
	for (t = 0; t < k; t++)
		if (lower(w[len - k + t]) != lit[t])
			return false;
	return true;
}

bool cl_code_frame_line(const char *l, size_t n, size_t i)
{
	i = skip_blanks(l, n, i);
	if (i + 1 < n && l[i] == '>' && l[i + 1] == '>')
		i++;
	if (i < n && l[i] == '>')
		i = skip_blanks(l, n, i + 1);
	while (i < n && is_digit(l[i]))
		i++;
	i = skip_blanks(l, n, i);
	if (STARTS(l + i, n - i, "\xe2\x94\x82"))
		return i + 3 == n || is_blank(l[i + 3]);
	return i < n && l[i] == '|' && (i + 1 == n || is_blank(l[i + 1]));
}

/* l[i..n) is "error(s) during|while|when|in WORDS:", a few words of
 * letters ending the line. */
static bool during_heading(const char *l, size_t n, size_t i)
{
	static const char *const preps[] = { "during ", "while ", "when ", "in " };
	size_t j = i + 5, k, words = 0;

	if (n - i < 10 || !ends_ci(l + i, 5, "error"))
		return false;
	if (j < n && (l[j] == 's' || l[j] == 'S'))
		j++;
	if (j >= n || l[j] != ' ')
		return false;
	j++;
	for (k = 0; k < sizeof(preps) / sizeof(*preps); k++)
		if (starts(l + j, n - j, preps[k]))
			break;
	if (k == sizeof(preps) / sizeof(*preps))
		return false;
	for (j += strlen(preps[k]); j < n - 1; j++) {
		if (l[j] == ' ')
			words++;
		else if (!is_alpha(l[j]) && l[j] != '-')
			return false;
	}
	return words < 5;
}

/* Does l[i..n) end with a rule's name in brackets after a blank ("...
 * empty [subject-empty]", "[no-dupe-keys]"): lower case words joined by
 * '-', a '/' or '@' scope allowed? */
static bool ruled_finding(const char *l, size_t n, size_t i)
{
	size_t e = n, k;
	bool joined = false;

	while (e > i && is_blank(l[e - 1]))
		e--;
	if (e < i + 5 || l[e - 1] != ']')
		return false;
	for (k = e - 1; k > i && l[k - 1] != '['; k--) {
		char c = l[k - 1];

		if (c == '-')
			joined = true;
		else if (!((c >= 'a' && c <= 'z') || is_digit(c) || c == '/' ||
			   c == '@'))
			return false;
	}
	return joined && k > i + 1 && l[k - 1] == '[' && is_blank(l[k - 2]) &&
	       k + 1 < e;
}

size_t cl_reason_code(const char *m, size_t n, size_t *len)
{
	size_t e = n, k, caps = 0;

	while (e && is_blank(m[e - 1]))
		e--;
	if (e < 8 || m[e - 1] != ')')
		return 0;
	for (k = e - 1; k > 0 && is_alpha(m[k - 1]); k--)
		caps += m[k - 1] >= 'A' && m[k - 1] <= 'Z';
	if (k < 2 || m[k - 1] != '(' || m[k - 2] != ' ' || caps < 2 ||
	    m[k] < 'A' || m[k] > 'Z' || e - 1 - k < 6)
		return 0;
	*len = e - 1 - k;
	return k;
}

size_t cl_kebab_rule(const char *l, size_t n, size_t *len)
{
	size_t e = n, k;
	bool joined = false;

	while (e && is_blank(l[e - 1]))
		e--;
	for (k = e; k > 0 && !is_blank(l[k - 1]); k--) {
		char c = l[k - 1];

		if (c == '-')
			joined = true;
		else if (!((c >= 'a' && c <= 'z') || is_digit(c)))
			return 0;
	}
	if (!joined || k == 0 || e - k < 5 || l[k] == '-' || l[e - 1] == '-')
		return 0;
	*len = e - k;
	return k;
}

size_t cl_verdict_on_test(const char *l, size_t n)
{
	static const char *const verdicts[] = { "ERROR in ", "FAILURE in ",
						"FAILED in ", "FAIL in " };
	size_t k, j;

	if (n < 9 || l[0] < 'A' || l[0] > 'Z')
		return 0;
	for (k = 0; k < sizeof(verdicts) / sizeof(*verdicts); k++) {
		size_t vl = strlen(verdicts[k]);

		if (!STARTS(l, n, verdicts[k]))
			continue;
		for (j = vl; j < n && !is_blank(l[j]) && l[j] != ':' &&
		     l[j] != '(' && l[j] != '/'; j++)
			;
		if (j > vl && j + 2 < n && l[j] == ':' && is_blank(l[j + 1]))
			return skip_blanks(l, n, j + 1);
	}
	return 0;
}

/* A gerund at l[j] ("opening", "reading"), a few more words, then ": "
 * and a message: what a tool was doing when it failed. */
static bool during_colon(const char *l, size_t n, size_t j)
{
	size_t k = j, words = 1;

	while (k < n && is_alpha(l[k]))
		k++;
	if (k < j + 5 || memcmp(l + k - 3, "ing", 3) || k >= n || l[k] != ' ')
		return false;
	for (; k < n && k < j + 64 && l[k] != ':'; k++)
		if (l[k] == ' ' && ++words > 5)
			return false;
	return k + 2 < n && l[k] == ':' && l[k + 1] == ' ';
}

size_t cl_sev_line_commas(const char *l, size_t n, int *line)
{
	size_t len, k;
	bool note;
	int at = 0;

	if (!n || !is_alpha(l[0]) || sev_word(l, n, &len, &note) < 0 || note ||
	    !STARTS(l + len, n - len, ", line ") || (k = len + 7) >= n ||
	    !is_digit(l[k]) || !cl_read_int(l, n, &k, &at) ||
	    k + 2 >= n || l[k] != ',' || l[k + 1] != ' ')
		return 0;
	if (line)
		*line = at;
	return k + 2;
}

/* A verb in -ing after the severity at l[i] ("Error ", "ERROR "), in
 * lower case, and what it acted on, the line saying nothing more (no
 * colon), its words naming a kind: "Error opening file 'a.foma'" (not
 * testparm's "Error loading services.", the summary under the error it
 * told before). */
static bool step_failed(const char *l, size_t n, size_t i)
{
	struct cl_words w;
	size_t k = i + 6, e;

	for (e = k; e < n && l[e] >= 'a' && l[e] <= 'z'; e++)
		;
	if (e < k + 4 || memcmp(l + e - 3, "ing", 3) || e + 1 >= n ||
	    l[e] != ' ' || l[e + 1] == ' ' || memchr(l + e, ':', n - e))
		return false;
	cl_words_read(l + i, n - i, &w);
	return w.category != NULL;
}

static bool headline_shape(const char *l, size_t n, size_t i, size_t *msg)
{
	const char *c;
	size_t j, wend, k;

	/* ✘ [ERROR], × error, ✖; ⚠ a warning (oxlint, miette's reports) */
	if (STARTS(l + i, n - i, "\xe2\x9c\x98 ") || STARTS(l + i, n - i, "\xe2\x9c\x96 ") ||
	    STARTS(l + i, n - i, "\xc3\x97 ") || STARTS(l + i, n - i, "\xe2\x9a\xa0 ") ||
	    /* ⨯ (sherif's) */
	    STARTS(l + i, n - i, "\xe2\xa8\xaf ")) {
		/* ✖, ✘ and ⨯ (the cross marks, not × or ⚠) */
		bool cross = l[i] == '\xe2' && l[i + 2] != '\xa0';

		i = skip_blanks(l, n, i + (l[i] == '\xc3' ? 3 : 4));
		/* "✖   subject may not be empty [subject-empty]"
		 * (commitlint): a cross mark and a finding its rule ends,
		 * with no place; a linter's */
		if (cross && ruled_finding(l, n, i)) {
			*msg = i;
			return true;
		}
		/* "✘ 1.0.0 → 2.0.0 in a/package.json at .dependencies
		 * (DiffersToLocal)" (syncpack's): a cross mark and a row its
		 * reason ends */
		if (cross && cl_reason_code(l + i, n - i, &k)) {
			*msg = i;
			return true;
		}
		/* "⨯ error msg unordered-dependencies" (sherif's): a cross
		 * mark, a severity with no colon, the rule ending the line */
		if (cross && cl_kebab_rule(l, n, &k)) {
			size_t len;
			bool note;

			if (sev_word(l + i, n - i, &len, &note) >= 0 && i + len < n &&
			    l[i + len] == ' ') {
				*msg = skip_blanks(l, n, i + len);
				return true;
			}
		}
	}
	/* ❌ or a pictograph, then words that name a kind: a checker's
	 * finding marked its own way (arethetypeswrong's "💀 Import failed
	 * to resolve to type declarations or JavaScript files. URL"); not a
	 * mark over words that name none ("🚀 Build started"), nor over a
	 * test's verdict (supertape's "❌ not ok 3 ReferenceError: x", read
	 * with its YAML block) */
	if ((STARTS(l + i, n - i, "\xe2\x9d\x8c ") ||
	     (n - i > 5 && (unsigned char)l[i] == 0xf0 &&
	      (unsigned char)l[i + 1] == 0x9f && l[i + 4] == ' ')) &&
	    (k = skip_blanks(l, n, i + (l[i] == '\xe2' ? 4 : 5))) < n &&
	    !STARTS(l + k, n - k, "not ok ")) {
		struct cl_words w;

		cl_words_read(l + k, n - k, &w);
		if (w.category) {
			*msg = k;
			return true;
		}
	}
	/* a symbol of one character, then a severity with no colon, then
	 * the message: manypkg's "☔️ error @mono/b has a dependency on
	 * ...", consola's "✖ error x" (an error's word, the warnings a
	 * tool's remarks) */
	if (i < n && (unsigned char)l[i] >= 0xc0) {
		size_t len;
		bool note;

		for (k = i + 1; k < n && ((unsigned char)l[k] & 0xc0) == 0x80; k++)
			;
		if (STARTS(l + k, n - k, "\xef\xb8\x8f")) /* emoji style */
			k += 3;
		/* ("error" or "fatal": not Ginkgo's "• Failure [0.001
		 * seconds]", a test's verdict under a bullet) */
		if (k < n && l[k] == ' ' && (k = skip_blanks(l, n, k)) < n &&
		    sev_word(l + k, n - k, &len, &note) == DIAG_ERROR && len == 5 &&
		    (ends_ci(l + k, 5, "error") || ends_ci(l + k, 5, "fatal")) &&
		    k + len < n && l[k + len] == ' ' &&
		    (j = skip_blanks(l, n, k + len)) < n) {
			*msg = j;
			return true;
		}
	}
	/* "ERROR MutationTestReportHelper Final mutation score ..." (a
	 * log4js layout's level, then the logger's name in camel case) */
	if (STARTS(l + i, n - i, "ERROR ") && i + 8 < n && l[i + 6] >= 'A' &&
	    l[i + 6] <= 'Z') {
		size_t caps = 0;

		for (j = i + 6; j < n && is_alpha(l[j]); j++)
			caps += l[j] >= 'A' && l[j] <= 'Z';
		if (caps >= 3 && j + 2 < n && l[j] == ' ' && is_alpha(l[j + 1])) {
			*msg = j + 1;
			return true;
		}
	}
	/* " ERR src/b.js Transformation error (Unexpected token (2:7))"
	 * (jscodeshift's): a severity in capitals, the file, the message */
	if ((STARTS(l + i, n - i, "ERR ") || STARTS(l + i, n - i, "ERROR ")) &&
	    (j = cl_path_words(l + i + (l[i + 3] == ' ' ? 4 : 6),
			       n - i - (l[i + 3] == ' ' ? 4 : 6)))) {
		*msg = i + (l[i + 3] == ' ' ? 4 : 6);
		return true;
	}
	if (STARTS(l + i, n - i, "[!] ") || STARTS(l + i, n - i, "[ERROR] ") ||
	    STARTS(l + i, n - i, "[error] ") || STARTS(l + i, n - i, "[FATAL] ")) {
		*msg = skip_blanks(l, n, i + (l[i + 1] == '!' ? 4 : 8));
		/* "[error] > 4 | };": the code frame under the message */
		return !cl_code_frame_line(l, n, *msg);
	}
	/* ... in any case, a count after it: flexc++'s "[Fatal] msg",
	 * "[Error 1] msg" */
	if (i + 8 < n && l[i] == '[' && (STARTS(l + i + 1, n - i - 1, "Error") ||
					 STARTS(l + i + 1, n - i - 1, "Fatal"))) {
		j = i + 6;
		if (l[j] == ' ' && j + 1 < n && is_digit(l[j + 1]))
			for (j++; j < n && is_digit(l[j]); j++)
				;
		if (j + 2 < n && l[j] == ']' && l[j + 1] == ' ' && !is_blank(l[j + 2])) {
			*msg = j + 2;
			return !cl_code_frame_line(l, n, *msg);
		}
	}
	/* "[wasm-validator error in function f] msg": a tag naming the
	 * checker and saying error */
	if (i < n && l[i] == '[' && (c = memchr(l + i, ']', n - i < 64 ? n - i : 64)) &&
	    (size_t)(c - l) + 2 < n && c[1] == ' ' &&
	    cl_find(l + i, (size_t)(c - l) - i, " error ", 7)) {
		*msg = skip_blanks(l, n, (size_t)(c - l) + 1);
		return true;
	}
	if (STARTS(l + i, n - i, "thread '") && cl_find(l + i, n - i, " panicked at", 12)) {
		*msg = i;
		return true;
	}
	/* lintian's "E: pkg: no-copyright-file", "W: pkg: a-tag info": a
	 * severity's letter, the package, its tag */
	if (i + 3 < n && (l[i] == 'E' || l[i] == 'W' || l[i] == 'P') && l[i + 1] == ':' &&
	    l[i + 2] == ' ' && lintian_tag(l, n, i + 3)) {
		*msg = i;
		return true;
	}
	/* ">> Issue: x" (bandit) */
	if (STARTS(l + i, n - i, ">> "))
		i += 3;
	/* a severity in parentheses opening the line: gcovr's "(ERROR)
	 * failed minimum line coverage (got 62.5%, minimum 90.0%)" */
	if (STARTS(l + i, n - i, "(ERROR) ") && i + 9 < n) {
		*msg = skip_blanks(l, n, i + 8);
		return true;
	}
	/* a log's level in capitals, a dash, the message: Log4perl's and
	 * Python logging's "%p - %m" (Biber's "ERROR - BibTeX subsystem:
	 * x") */
	if (STARTS(l + i, n - i, "ERROR - ") || STARTS(l + i, n - i, "FATAL - ") ||
	    STARTS(l + i, n - i, "CRITICAL - ")) {
		*msg = skip_blanks(l, n, i + (l[i] == 'C' ? 11 : 8));
		return *msg < n;
	}
	/* two or three words, the last "error" or "exception": "parse
	 * error: x" (jq), "Fatal error: x", Jekyll's "Liquid Exception: x",
	 * "Unhandled exception: x" */
	{
		c = memchr(l + i, ':', n - i < 32 ? n - i : 32);
		j = c ? (size_t)(c - l) : i;
		/* (libyang's "libyang err : msg": "err", a blank before the
		 * colon; libxml2's "XPath error : msg" is the second line of
		 * a report) */
		for (k = j; k > i && l[k - 1] == ' '; k--)
			;
		if (j > i + 6 && j + 1 < n && (ends_ci(l + i, j - i, " error") ||
					       ends_ci(l + i, k - i, " err") ||
					       ends_ci(l + i, j - i, " exception"))) {
			for (wend = i; wend < j && (is_alpha(l[wend]) || l[wend] == ' ');
			     wend++)
				;
			if (wend == j) {
				*msg = skip_blanks(l, n, j + 1);
				return true;
			}
		}
		/* ... then a dash: the Template Toolkit's "undef error -
		 * x: filter not found" */
		{
			const char *d = cl_find(l + i, n - i < 32 ? n - i : 32,
						"rror - ", 7);
			size_t dash = d ? (size_t)(d - l) + 4 : 0;

			if (dash > i + 6 && dash + 4 < n &&
			    ends_ci(l + i, dash - i, " error")) {
				for (wend = i; wend < dash && (is_alpha(l[wend]) ||
							       l[wend] == ' ');
				     wend++)
					;
				if (wend == dash) {
					*msg = skip_blanks(l, n, dash + 3);
					return true;
				}
			}
		}
		/* "Parse error near line 2: x" (sqlite3): a place with no
		 * file between the words and the colon */
		if (c) {
			const char *w = cl_find(l + i, j - i, " error ", 7);

			if (w && (size_t)(w - l) > i && !is_blank(l[i]) &&
			    (cl_find(w, (size_t)(l + j - w), " line ", 6))) {
				for (wend = i; wend < (size_t)(w - l) &&
				     (is_alpha(l[wend]) || l[wend] == ' '); wend++)
					;
				if (wend == (size_t)(w - l) && is_digit(l[j - 1])) {
					*msg = skip_blanks(l, n, j + 1);
					return true;
				}
			}
		}
	}
	/* "ERROR! Could not open file: x", "PARSE ERROR! Unexpected char:
	 * x", "WARNING! DIMACS header mismatch: msg" (MiniSat's): a
	 * severity in capitals and its '!' (a warning only when its words
	 * name a kind: "WARNING! Your password will be stored unencrypted"
	 * is advice) */
	for (k = i; k < n && k - i < 24 && ((l[k] >= 'A' && l[k] <= 'Z') || l[k] == ' ');
	     k++)
		;
	if (k >= i + 5 && k + 2 < n && l[k] == '!' && l[k + 1] == ' ') {
		struct cl_words w;

		if (ends_ci(l + i, k - i, "error") || ends_ci(l + i, k - i, "fatal")) {
			*msg = skip_blanks(l, n, k + 1);
			return true;
		}
		if (ends_ci(l + i, k - i, "warning")) {
			const char *named = cl_find(l + k, n - k, ": ", 2);

			cl_words_read(l + k + 2, n - k - 2, &w);
			/* (or after what it names: "DIMACS header mismatch:
			 * wrong number of variables.") */
			if (!w.category && named)
				cl_words_read(named + 2,
					      (size_t)(l + n - named) - 2, &w);
			if (w.category) {
				*msg = skip_blanks(l, n, k + 1);
				return true;
			}
		}
	}
	if ((k = cl_sev_line_commas(l + i, n - i, NULL))) {
		*msg = i + k;
		return true;
	}
	/* "ERROR in line 60: msg" (bwBASIC), "Error on line 5 or its
	 * substitute:" over the line and its message (ngspice): a severity,
	 * then the line in words and no file before the colon */
	if (i < n && lower(l[i]) == 'e' && (STARTS(l + i, n - i, "ERROR ") ||
				   STARTS(l + i, n - i, "Error ") ||
				   STARTS(l + i, n - i, "error "))) {
		size_t d = 0; /* where the line's number starts */

		k = i + 6;
		if (STARTS(l + k, n - k, "in line ") || STARTS(l + k, n - k, "on line ") ||
		    STARTS(l + k, n - k, "at line "))
			d = k + 8;
		/* abc2midi's "Error in line-char 3-0 : msg": the line and its
		 * column joined by '-' */
		else if (STARTS(l + k, n - k, "in line-char "))
			d = k + 13;
		if (d && d < n && is_digit(l[d]) &&
		    (c = memchr(l + k, ':', n - k < 48 ? n - k : 48)) &&
		    !memchr(l + k, '/', (size_t)(c - l) - k)) {
			*msg = skip_blanks(l, n, (size_t)(c - l) + 1);
			if (*msg == n)
				*msg = i;
			return true;
		}
	}
	/* a severity and the step that failed, no colon, no more:
	 * "Error opening file 'a.foma'" (foma's), "Error loading module x" */
	if ((STARTS(l + i, n - i, "Error ") || STARTS(l + i, n - i, "ERROR ")) &&
	    step_failed(l, n, i)) {
		*msg = i;
		return true;
	}
	/* a severity and what the tool was doing, the message on the line
	 * under it: "error during build:" (vite), "Error while compiling:",
	 * "errors in build:", "Error when starting dev server:" */
	if (l[n - 1] == ':' && (l[i] == 'e' || l[i] == 'E') &&
	    during_heading(l, n, i)) {
		*msg = i;
		return true;
	}
	/* a place the tool says it does not know: googletest's "unknown
	 * file: Failure", "<unknown>: error: x" */
	if (STARTS(l + i, n - i, "unknown file: ") || STARTS(l + i, n - i, "<unknown>: ")) {
		*msg = skip_blanks(l, n, i + (l[i] == 'u' ? 14 : 11));
		return true;
	}
	/* TAP: "not ok 3 - name" (tape, node-tap, prove, bats) */
	if (STARTS(l + i, n - i, "not ok ") && i + 7 < n && is_digit(l[i + 7])) {
		*msg = i;
		return true;
	}
	if (STARTS(l + i, n - i, "FAIL ") || STARTS(l + i, n - i, "FAIL: ") ||
	    STARTS(l + i, n - i, "--- FAIL: ")) {
		*msg = i;
		return true;
	}
	/* R's "Error in f(x) : msg", the call that failed first (its
	 * message on the line under " :" when long) */
	if (STARTS(l + i, n - i, "Error in ") &&
	    (cl_find(l + i + 9, n - i - 9, " : ", 3) ||
	     (l[n - 1] == ':' && l[n - 2] == ' '))) {
		*msg = i;
		return true;
	}
	/* "Error in type 'x/y' (in a.xml): msg" (update-mime-database),
	 * "Error in file a.conf: msg", "Error in <match> element: msg": a
	 * severity, what the error was in, then the message */
	if ((STARTS(l + i, n - i, "Error in ") || STARTS(l + i, n - i, "ERROR in ") ||
	     STARTS(l + i, n - i, "error in ")) &&
	    (c = cl_find(l + i + 9, n - i - 9 < 96 ? n - i - 9 : 96, ": ", 2))) {
		*msg = skip_blanks(l, n, (size_t)(c - l) + 2);
		return *msg < n;
	}
	/* "Error opening input file: nofile.ggo" (gengetopt), "Error
	 * reading config: x": a severity, what the tool was doing, then
	 * the message; the whole line says what failed */
	if ((STARTS(l + i, n - i, "Error ") || STARTS(l + i, n - i, "ERROR ") ||
	     STARTS(l + i, n - i, "error ")) && during_colon(l, n, i + 6)) {
		struct cl_words w;

		/* (its words must name what: qmake's "Error processing
		 * project file: a.pro" only sums up the error above) */
		cl_words_read(l + i, n - i, &w);
		if (w.category) {
			*msg = i;
			return true;
		}
	}
	/* a runner's verdict on a test it names: the message is what the
	 * test raised */
	if ((k = cl_verdict_on_test(l + i, n - i))) {
		*msg = i + k;
		return true;
	}
	/* error: x | Error: x | ERROR: x | fatal: x | FooError: x |
	 * FooException: x | Error [ERR_X]: x | error[E0425]: x |
	 * Failure/Error: x (RSpec) */
	for (j = i; j < n && (is_alpha(l[j]) || is_digit(l[j]) || l[j] == '_' ||
			      l[j] == '.' || l[j] == '/'); j++)
		/* a namespace's "::" ("Minitest::UnexpectedError: x",
		 * "Foo::Bar::Error: x": Ruby, Perl, C++) */
		if (j + 3 < n && l[j + 1] == ':' && l[j + 2] == ':' &&
		    is_alpha(l[j + 3]))
			j += 2;
	wend = j;
	if (j == i || j >= n)
		return false;
	/* "error   [MAIN  ] msg" (corosync's and libqb's logs, "ERROR
	 * [main] msg"): the severity alone, the part of the program that
	 * said it in brackets, then the message */
	if (wend - i == 5 && ends_ci(l + i, 5, "error") && l[j] == ' ' &&
	    (k = skip_blanks(l, n, j)) < n && l[k] == '[' &&
	    (c = memchr(l + k, ']', n - k < 32 ? n - k : 32)) &&
	    (size_t)(c - l) + 2 < n && c[1] == ' ' && is_alpha(c[2])) {
		*msg = (size_t)(c - l) + 2;
		return true;
	}
	if (l[j] == ' ' && j + 1 < n && l[j + 1] == '[')
		j++;
	if (l[j] == '[') {
		while (j < n && l[j] != ']')
			j++;
		j++;
	}
	/* "ERROR TS2322: x", "error CS0103: x": a code after the word */
	else if (l[j] == ' ' && (k = code_at(l, n, j + 1)) && j + 1 + k < n &&
		 l[j + 1 + k] == ':')
		j += 1 + k;
	/* "error 101: x" (ploticus'): the error's number */
	else if (l[j] == ' ' && wend - i == 5 && ends_ci(l + i, 5, "error") &&
		 j + 2 < n && is_digit(l[j + 1])) {
		for (k = j + 1; k < n && k < j + 8 && is_digit(l[k]); k++)
			;
		if (k + 1 < n && l[k] == ':' && l[k + 1] == ' ')
			j = k;
	}
	/* "Error (warning 26 [unused-var]): x": OCaml's warning made an
	 * error, what it was in parentheses */
	else if (l[j] == ' ' && j + 2 < n && l[j + 1] == '(' &&
		 (c = memchr(l + j + 2, ')', n - j - 2 < 48 ? n - j - 2 : 48)) &&
		 (size_t)(c - l) + 1 < n && c[1] == ':')
		j = (size_t)(c - l) + 1;
	/* "ERROR (*main*) bad data type(s) in binary *" (yorick's): the
	 * severity alone, where it ran in parentheses, then the message */
	if (wend - i == 5 && ends_ci(l + i, 5, "error") && j + 2 < n &&
	    l[j] == ' ' && l[j + 1] == '(' &&
	    (c = memchr(l + j + 2, ')', n - j - 2 < 32 ? n - j - 2 : 32)) &&
	    (size_t)(c - l) + 2 < n && c[1] == ' ' && is_alpha(c[2])) {
		*msg = (size_t)(c - l) + 2;
		return true;
	}
	/* "Error : x" (CUP's, and French typography's blank before the
	 * colon): the severity alone */
	if (wend == j && j + 2 < n && l[j] == ' ' && l[j + 1] == ':' &&
	    l[j + 2] == ' ' && wend - i == 5 &&
	    (ends_ci(l + i, 5, "error") || ends_ci(l + i, 5, "fatal")))
		j++;
	if (j >= n || l[j] != ':')
		return false;
	if (ends_ci(l + i, wend - i, "error") || ends_ci(l + i, wend - i, "exception") ||
	    (wend - i == 5 && ends_ci(l + i, 5, "issue")) ||
	    (wend - i == 5 && ends_ci(l + i, 5, "fatal")) ||
	    (wend - i == 5 && ends_ci(l + i, 5, "panic")) ||
	    /* newLISP's "ERR: invalid function", in capitals */
	    (wend - i == 3 && !memcmp(l + i, "ERR", 3))) {
		*msg = skip_blanks(l, n, j + 1);
		return true;
	}
	/* "WARNING: Ignored `colr: red` at 2:3, unknown property."
	 * (WeasyPrint's, Python logging's level), no place: a warning in
	 * capitals is a finding of its own when its words name a kind other
	 * than a linter's (most placeless warnings are a tool's advice:
	 * "WARNING: Running pip as root"; "Warning: x" after a placed
	 * finding mostly tells it again) */
	if (wend - i == 7 && !memcmp(l + i, "WARNING", 7) && j + 2 < n &&
	    l[j + 1] == ' ' &&
	    /* (a sentence that ends on its line: not clean-css' wrapped
	     * "WARNING: Invalid selector '.card } border: 1px;" over the
	     * rest and its place) */
	    (l[n - 1] == '.' || l[n - 1] == ')' || is_alpha(l[n - 1]) ||
	     is_digit(l[n - 1]))) {
		struct cl_words w;

		k = skip_blanks(l, n, j + 1);
		cl_words_read(l + k, n - k, &w);
		/* (a name or a value wrong: "Couldn't find tool init file"
		 * is DejaGnu's remark) */
		if (w.category && (cl_cat_is(w.category, CAT_UNDEFINED_SYMBOL) ||
				   cl_cat_is(w.category, CAT_TYPE_ERROR) ||
				   cl_cat_is(w.category, CAT_SYNTAX_ERROR))) {
			*msg = k;
			return true;
		}
	}
	return false;
}

/* What cl_headline, cl_test_verdict and link_words read needs: the words
 * every shape of theirs holds, in the spellings tools print (lower case,
 * capitalised, upper case). */
const struct cl_trigger cl_triggers[] = {
	/* "error:", "TypeError:", "ERROR:", "[error] ", "Parse error near" */
	{ "rror", CL_T_HEADLINE },
	{ "RROR", CL_T_HEADLINE },
	{ "xception", CL_T_HEADLINE },
	{ "XCEPTION", CL_T_HEADLINE },
	{ "issue", CL_T_HEADLINE },
	{ "Issue", CL_T_HEADLINE },
	{ "ISSUE", CL_T_HEADLINE },
	{ "fatal", CL_T_HEADLINE },
	{ "Fatal", CL_T_HEADLINE },
	{ "FATAL", CL_T_HEADLINE },
	/* "panic:", and Rust's "thread 'x' panicked at" */
	{ "panic", CL_T_HEADLINE },
	{ "Panic", CL_T_HEADLINE },
	{ "PANIC", CL_T_HEADLINE },
	{ "[!] ", CL_T_HEADLINE },
	/* "WARNING: msg" whose words name a kind */
	{ "ARNING: ", CL_T_HEADLINE },
	/* "*** Unbound variable: x" (librep), "*** error: x" */
	{ "*** ", CL_T_HEADLINE },
	/* "libyang err : msg" */
	{ " err: ", CL_T_HEADLINE },
	{ " err : ", CL_T_HEADLINE },
	/* GLib's "Gtk-WARNING **: msg", "CRITICAL **: msg" */
	{ "WARNING **", CL_T_HEADLINE },
	/* as31's "Warning, line 3, msg" (a warning with its line, the run's
	 * error all the same: cl_sev_line_commas); MiniSat's "WARNING! msg" */
	{ "arning, line ", CL_T_HEADLINE },
	{ "ARNING, line ", CL_T_HEADLINE },
	{ "WARNING! ", CL_T_HEADLINE },
	{ "CRITICAL **", CL_T_HEADLINE },
	{ "ERR: ", CL_T_HEADLINE },
	/* lintian's "E: pkg: tag", "W: pkg: tag" */
	{ "E: ", CL_T_HEADLINE },
	{ "W: ", CL_T_HEADLINE },
	/* (and its pedantic "P: pkg: tag", i18nspector's too) */
	{ "P: ", CL_T_HEADLINE },
	{ "unknown file: ", CL_T_HEADLINE },
	{ "<unknown>: ", CL_T_HEADLINE },
	{ "not ok ", CL_T_HEADLINE },
	/* "✖ x [rule-id]", "✘ x [rule-id]": a linter's finding, no place */
	{ "\xe2\x9c\x96 ", CL_T_HEADLINE },
	{ "\xe2\x9c\x98 ", CL_T_HEADLINE },
	/* "❌ x", "💀 x": a marked finding whose words name a kind */
	{ "\xe2\x9d\x8c ", CL_T_HEADLINE },
	{ "\xf0\x9f", CL_T_HEADLINE },
	/* "FAIL x", "--- FAIL:", and "...  FAILED" after a test's name; TAP's
	 * "# Failed test" */
	{ "FAIL", CL_T_HEADLINE | CL_T_VERDICT },
	{ "Failed", CL_T_HEADLINE | CL_T_VERDICT },
	{ "failed", CL_T_VERDICT },
	/* "make[1]: Entering directory '/p/lib'", "Leaving directory" */
	{ "ing directory ", CL_T_DIR },
	/* npm's folder of a script that failed (dirs.c's cl_npm_dir) */
	{ "npm error path /", CL_T_DIR },
	{ "npm ERR! path /", CL_T_DIR },
	{ "npm error location /", CL_T_DIR },
	{ "at location: /", CL_T_DIR },
	{ "undefined reference to", CL_T_LINK },
	{ "multiple definition of", CL_T_LINK },
	{ "undefined symbol", CL_T_LINK },
	{ "unresolved external", CL_T_LINK },
	/* cl_summary's: a count of errors ("1 error(s)", "There were 1
	 * errors compiling", "Failed to compile 2 files", "2 problems (2
	 * errors, 0 warnings)", "Input tree has errors"), a compiler that
	 * stopped ("compilation terminated", "2 compilation errors",
	 * "Compilation aborted"), a
	 * wrapper's verdict that points elsewhere ("see the compiler error
	 * output", "see above", "for details"), a command's exit status */
	{ " error(s)", CL_T_SUMMARY },
	{ "here were ", CL_T_SUMMARY },
	{ "errors compiling", CL_T_SUMMARY },
	{ "to compile ", CL_T_SUMMARY },
	{ "returned an error exitcode", CL_T_SUMMARY },
	{ " has errors", CL_T_SUMMARY },
	{ "contains errors", CL_T_SUMMARY },
	{ "ompilation error", CL_T_SUMMARY },
	{ "ompilation terminated", CL_T_SUMMARY },
	{ "Compilation aborted", CL_T_SUMMARY },
	{ "see the ", CL_T_SUMMARY },
	{ "see above", CL_T_SUMMARY },
	{ "for details", CL_T_SUMMARY },
	{ "-zero exit", CL_T_SUMMARY },
	{ "problems (", CL_T_SUMMARY },
	{ " threw an exception", CL_T_SUMMARY },
	{ " broken link", CL_T_SUMMARY },
	{ NULL, 0 },
};

/* GLib's log line ("(gedit:4242): Gtk-WARNING **: 12:00:00.123: msg",
 * "** (app:7): CRITICAL **: msg", "GLib-GIO-ERROR **: msg", every GLib
 * and GTK program's): where its message starts past the level's stars and
 * the time, or 0 if l[i..n) is none or a level below a warning. */
static size_t glib_log(const char *l, size_t n, size_t i)
{
	static const char *const levels[] = { "ERROR", "CRITICAL", "WARNING" };
	const char *c;
	size_t k, b, lv;

	if (STARTS(l + i, n - i, "** "))
		i += 3;
	if (i < n && l[i] == '(') {
		if (!(c = cl_find(l + i, n - i < 64 ? n - i : 64, "): ", 3)))
			return 0;
		i = (size_t)(c - l) + 3;
	}
	if (!(c = cl_find(l + i, n - i < 64 ? n - i : 64, " **: ", 5)))
		return 0;
	k = (size_t)(c - l);
	for (b = k; b > i && l[b - 1] >= 'A' && l[b - 1] <= 'Z'; b--)
		;
	if (b > i && l[b - 1] != '-')
		return 0;
	for (lv = 0; lv < sizeof(levels) / sizeof(*levels); lv++)
		if (k - b == strlen(levels[lv]) && !memcmp(l + b, levels[lv], k - b))
			break;
	if (lv == sizeof(levels) / sizeof(*levels))
		return 0;
	for (; i < b; i++)
		if (!is_alpha(l[i]) && !is_digit(l[i]) && l[i] != '-' && l[i] != '_')
			return 0;
	k += 5;
	/* the time GLib 2.56 on prints: "12:00:00.123: " */
	if (k + 14 <= n && is_digit(l[k]) && l[k + 2] == ':' && l[k + 5] == ':' &&
	    l[k + 8] == '.' && l[k + 12] == ':' && l[k + 13] == ' ')
		k += 14;
	return k < n ? k : 0;
}

/* A capitalised label of at most four words at l[j], its colon, and a
 * message after it, their words naming a kind of problem: the label's
 * length, or 0. */
static size_t stars_label(const char *l, size_t n, size_t j)
{
	struct cl_words w;
	size_t k, words = 1;

	if (j >= n || l[j] < 'A' || l[j] > 'Z')
		return 0;
	for (k = j; k < n && (is_alpha(l[k]) || l[k] == ' ' || l[k] == '-'); k++)
		words += l[k] == ' ';
	if (k + 2 >= n || l[k] != ':' || l[k + 1] != ' ' || words > 4)
		return 0;
	cl_words_read(l + j, n - j, &w);
	return w.category ? k - j : 0;
}

bool cl_headline(const char *l, size_t n, size_t *msg, bool words)
{
	size_t i = skip_blanks(l, n, 0), e;

	/* A box drawn around the message ("│ Error: x", Tailwind v4, miette):
	 * its side is not part of it. */
	if (STARTS(l + i, n - i, "\xe2\x94\x82") || STARTS(l + i, n - i, "\xe2\x94\x83") ||
	    STARTS(l + i, n - i, "\xe2\x95\x91"))
		i = skip_blanks(l, n, i + 3);
	/* a test runner's comment naming a failed test: TAP's "#   Failed
	 * test 'adds'" (Test::More, Test2), its place on the lines under it */
	if (i + 1 < n && l[i] == '#' && is_blank(l[i + 1])) {
		size_t j = skip_blanks(l, n, i + 1);

		if (!STARTS(l + j, n - j, "Failed test"))
			return false;
		*msg = j;
		return true;
	}
	/* TeX's mark of an error: "! LaTeX Error: File `a.sty' not found.",
	 * "! Undefined control sequence." */
	if (STARTS(l + i, n - i, "! "))
		i = skip_blanks(l, n, i + 2);
	/* a log line's time and process, where too few lines carry them to
	 * be taken off as a prefix: "14:43:18 (20273) ERROR x" (log4js') */
	if (i + 9 < n && is_digit(l[i]) && is_digit(l[i + 1]) && l[i + 2] == ':' &&
	    is_digit(l[i + 3]) && is_digit(l[i + 4]) && l[i + 5] == ':' &&
	    is_digit(l[i + 6]) && is_digit(l[i + 7]) && l[i + 8] == ' ' &&
	    l[i + 9] == '(') {
		size_t j = i + 10;

		while (j < n && is_digit(l[j]))
			j++;
		if (j > i + 10 && j + 2 < n && l[j] == ')' && l[j + 1] == ' ')
			i = j + 2;
	}
	/* an assembler's listing marks its errors in the margin, with the
	 * line: crasm's ">>>>> 5 ERROR: Undefined label" */
	if (STARTS(l + i, n - i, ">>> ") || STARTS(l + i, n - i, ">>>>")) {
		size_t j = i;

		while (j < n && l[j] == '>')
			j++;
		j = skip_blanks(l, n, j);
		while (j < n && is_digit(l[j]))
			j++;
		i = skip_blanks(l, n, j);
	}
	if ((e = glib_log(l, n, i))) {
		*msg = e;
		return !cl_summary(l + e, n - e, words);
	}
	/* JUnit 5's console launcher: "=> org.x.AssertionFailedError: msg"
	 * under the failed test's name */
	if (STARTS(l + i, n - i, "=> "))
		i = skip_blanks(l, n, i + 3);
	/* stars before a severity: Scheme 9's "*** error: msg", "** Error:"
	 * (one star alone is a list's bullet) */
	if (STARTS(l + i, n - i, "** ") || STARTS(l + i, n - i, "*** ")) {
		size_t j = skip_blanks(l, n, i + (l[i + 2] == '*' ? 4 : 3)), len;
		bool note;

		if (sev_word(l + j, n - j, &len, &note) >= 0)
			i = j;
		/* ... or a label of a few words that names the kind, then the
		 * message: librep's "*** Unbound variable: x", "*** Premature
		 * end of stream: a.jl, 4" */
		else if ((len = stars_label(l, n, j))) {
			*msg = j;
			return true;
		}
	}
	/* a log's level and facility: Icinga 2's "critical/config: Error:
	 * x" (the message proper after them) */
	if (i < n && l[i] >= 'a' && l[i] <= 'z') {
		size_t k = i, f, len;
		bool note;

		while (k < n && l[k] >= 'a' && l[k] <= 'z')
			k++;
		for (f = k + 1; k < n && l[k] == '/' && f < n &&
				(is_alpha(l[f]) || l[f] == '_'); f++)
			;
		if (k < n && l[k] == '/' && f > k + 1 && f + 1 < n && l[f] == ':' &&
		    l[f + 1] == ' ' && sev_word(l + i, k - i, &len, &note) >= 0 &&
		    len == k - i)
			i = skip_blanks(l, n, f + 1);
	}
	/* a label of a few words, then "error" or "warning": ploticus' "pl
	 * proc areadef: error 205: msg" (the program and the step it was
	 * in; not gtest's "unknown file: Failure", a place none knows) */
	if (i < n && l[i] >= 'a' && l[i] <= 'z') {
		size_t k = i, nw = 1, sev;

		for (; k < n && k - i < 32 && (is_alpha(l[k]) || is_digit(l[k]) ||
					      l[k] == '_' || l[k] == ' '); k++)
			nw += l[k] == ' ';
		sev = k + 2 >= n ? n :
		    STARTS(l + k + 2, n - k - 2, "error") ? k + 7 :
		    STARTS(l + k + 2, n - k - 2, "warning") ? k + 9 : n;
		if (nw > 1 && nw <= 3 && sev < n && l[k] == ':' &&
		    l[k - 1] != ' ' && l[k + 1] == ' ' &&
		    (l[sev] == ' ' || l[sev] == ':'))
			i = k + 2;
	}
	/* every shape starts with a letter, '[', '(', '-', '>' or a UTF-8
	 * mark */
	if (i >= n || !(is_alpha(l[i]) || l[i] == '[' || l[i] == '(' || l[i] == '-' ||
			l[i] == '>' || (unsigned char)l[i] >= 0xc0))
		return false;
	if (!headline_shape(l, n, i, msg))
		return false;
	/* "Error:" alone heads a message told on the lines below: those
	 * are read for themselves */
	if (*msg >= n)
		return false;
	/* "[ERROR] Failures:": one word heading the rows under it, each
	 * read for itself */
	for (e = *msg; e < n && is_alpha(l[e]); e++)
		;
	if (e > *msg && e < n && l[e] == ':' && skip_blanks(l, n, e + 1) == n)
		return false;
	/* the line, and the message after its label ("[ERROR] Tests run:
	 * 2, Failures: 1", "[error] 2 errors found") */
	return !cl_summary(l + i, n - i, words) &&
	       !(*msg > i && cl_summary(l + *msg, n - *msg, words));
}

bool cl_tool_says(const char *l, size_t n, size_t *msg, bool words)
{
	struct cl_words w;
	const char *colon;
	size_t k, len;

	bool note;

	/* a program's name, not a file's ("a.proto: File not found.") nor a
	 * severity ("note: x", "warning: x": read as such elsewhere) */
	if (!n || !is_alpha(l[0]) || !(k = prefix_end(l, n, 0)) || k >= n ||
	    !(colon = memchr(l, ':', k)) || memchr(l, '/', k) ||
	    sev_word(l, (size_t)(colon - l), &len, &note) >= 0 ||
	    plausible_path(l, (size_t)(colon - l)) || cl_summary(l, n, words))
		return false;
	cl_words_read(l + k, n - k, &w);
	if (w.note || !w.category || cl_cat_is(w.category, CAT_LINT_VIOLATION))
		return false;
	*msg = k;
	return true;
}

bool cl_test_verdict(const char *l, size_t n)
{
	static const char *const words[] = { "FAILED", "Failed", "failed",
					     "FAIL" };
	const char *d = l;
	size_t k, s, dots, w;

	/* a property falsified: QuickCheck's "*** Failed! Falsified (after
	 * 2 tests):", qcheck's "Test total_append failed (14 shrink
	 * steps):" */
	if (STARTS(l, n, "*** Failed! "))
		return true;
	if (STARTS(l, n, "Test ") && n > 12) {
		for (k = 5; k < n && !is_blank(l[k]); k++)
			;
		if (k > 5 && (STARTS(l + k, n - k, " failed (") ||
			      STARTS(l + k, n - k, " errored (")))
			return true;
	}
	/* a test's name under its group, a colon, blanks to align, the
	 * verdict ending the line: tasty's "  adds prices: FAIL" (not a
	 * summary's "Result: FAIL", prove's) */
	while (n && is_blank(l[n - 1]))
		n--;
	/* ... its time after it when the test was slow: "  adds prices:
	 * FAIL (0.07s)" */
	if (n > 12 && l[n - 1] == ')') {
		const char *o = memrchr(l, '(', n);
		size_t u = o ? (size_t)(o - l) + 1 : n;

		while (u < n && (is_digit(l[u]) || l[u] == '.'))
			u++;
		if (o && o > l + 1 && o[-1] == ' ' && is_digit(o[1]) &&
		    time_unit(l + u, n - 1 - u))
			n = (size_t)(o - l) - 1;
	}
	if (n > 8 && is_blank(l[0]) && !memcmp(l + n - 4, "FAIL", 4) && l[n - 5] == ' ') {
		for (k = n - 5; k > 0 && l[k - 1] == ' '; k--)
			;
		if (k > 1 && l[k - 1] == ':' && (is_alpha(l[k - 2]) || is_digit(l[k - 2])))
			return true;
	}

	while ((d = memchr(d, '.', n - (size_t)(d - l)))) {
		s = (size_t)(d - l);
		for (k = s; k < n && l[k] == '.'; k++)
			;
		dots = k - s;
		d = l + k;
		/* a leader: three dots or more, or " .. " (prove) */
		if (dots < 2 || (dots == 2 && (!s || !is_blank(l[s - 1]) ||
					       k >= n || !is_blank(l[k]))))
			continue;
		while (k < n && (is_blank(l[k]) || l[k] == '*'))
			k++;
		for (w = 0; w < sizeof(words) / sizeof(*words); w++) {
			size_t len = strlen(words[w]);

			if (starts(l + k, n - k, words[w]) &&
			    (k + len == n || !is_alpha(l[k + len])))
				return true;
		}
		if (k >= n)
			break;
	}
	return false;
}

bool cl_path_line(const char *l, size_t n)
{
	while (n && is_blank(l[n - 1]))
		n--;
	if (!n || is_blank(l[0]))
		return false;
	return path_end(l, n, 0) == n && plausible_path(l, n) &&
	       memchr(l, '.', n) != NULL;
}

bool cl_foreign_path(const char *p, size_t n)
{
	/* a log a tool wrote of its run (OUnit's "oUnit-x.log", a test
	 * suite's "testsuite.log"): its record, no source of the project */
	if (n > 4 && !memcmp(p + n - 4, ".log", 4))
		return true;
	return STARTS(p, n, "node:") || STARTS(p, n, "/usr/") ||
	       STARTS(p, n, "/lib/") || STARTS(p, n, "/rustc/") ||
	       STARTS(p, n, "internal/") || STARTS(p, n, "<") ||
	       cl_find(p, n, "node_modules/", 13) || cl_find(p, n, "/.cargo/", 8) ||
	       cl_find(p, n, "site-packages/", 14) ||
	       cl_find(p, n, "/lib/python", 11) || cl_find(p, n, "/go/src/", 8) ||
	       cl_find(p, n, "/libexec/", 9);
}

size_t cl_caret_code(const char *l, size_t n, size_t *col)
{
	size_t i = skip_blanks(l, n, 0), j;

	if (i >= n || l[i] != '^')
		return 0;
	*col = i + 1;
	for (j = i; j < n && (l[j] == '^' || l[j] == '-' || l[j] == '~'); j++)
		;
	j = skip_blanks(l, n, j);
	return j < n && code_at(l, n, j) ? j : 0;
}

/* ---- places told loosely, confirmed by the repository ---- */

/* The number after a word anywhere on l[0..n): `first` (either case)
 * starting a word, then stem, then tail if it is there ("line 3", "Line:
 * 3", "line=3"; "col 9", "column: 9"); `none` if there is none. */
static int number_after_word(const char *l, size_t n, char first,
			     const char *stem, const char *tail, int none)
{
	size_t sl = strlen(stem), tl = tail ? strlen(tail) : 0, k;
	const char *w;
	int v;

	for (w = l; (w = cl_find(w, n - (size_t)(w - l), stem, sl)); w += sl) {
		k = (size_t)(w - l) + sl;
		if (w == l || lower(w[-1]) != first ||
		    (w - 1 > l && is_alpha(w[-2])))
			continue;
		if (tl && k + tl <= n && !memcmp(l + k, tail, tl))
			k += tl;
		/* a range's first: "in lines 4..5" (CLISP's) */
		else if (k + 2 < n && l[k] == 's' && l[k + 1] == ' ' &&
			 is_digit(l[k + 2]))
			k++;
		/* libyang's "(Line number 6.)", "column number: 5" */
		if (STARTS(l + k, n - k, " number"))
			k += 7;
		if (k < n && (l[k] == ' ' || l[k] == ':' || l[k] == '='))
			k++;
		/* a field's "line: 2" (PDepend's, phpmd's), "line = 2" */
		if (k + 1 < n && l[k] == ' ' && l[k - 1] != ' ')
			k++;
		/* Privoxy's "starting at line (1)": the number in parentheses */
		if (k + 2 < n && l[k] == '(' && is_digit(l[k + 1])) {
			size_t j = k + 1;

			if (cl_read_int(l, n, &j, &v) && j < n && l[j] == ')')
				return v;
		}
		if (k < n && is_digit(l[k]) && cl_read_int(l, n, &k, &v))
			return v;
	}
	return none;
}

/* A "line N" or "Line N" anywhere on l[0..n): N, or 0. */
static int line_anywhere(const char *l, size_t n)
{
	return number_after_word(l, n, 'l', "ine", NULL, 0);
}

/* A column told in words or fields after a line told so: "column 9",
 * "col: 18", "col=4", "Column 9" (XML parsers', JSON and YAML parsers',
 * PDepend's "line: 2, col: 18, file: x"): N, or -1 if none. */
static int column_anywhere(const char *l, size_t n)
{
	return number_after_word(l, n, 'c', "ol", "umn", -1);
}

int cl_line_in_words(const char *m, size_t n)
{
	return line_anywhere(m, n);
}

int cl_col_in_words(const char *m, size_t n)
{
	return column_anywhere(m, n);
}

size_t cl_line_col_opening(const char *l, size_t n, int *line, int *col)
{
	size_t k = 0;

	/* a marker before it ("-- ", "*** ") */
	while (k < n && k < 4 && (l[k] == '-' || l[k] == '*'))
		k++;
	k = skip_blanks(l, n, k);
	if (!STARTS(l + k, n - k, "line ") && !STARTS(l + k, n - k, "Line "))
		return 0;
	k += 5;
	*col = 0;
	if (!cl_read_int(l, n, &k, line))
		return 0;
	if (k < n && l[k] == ',')
		k++;
	if (STARTS(l + k, n - k, " col ") || STARTS(l + k, n - k, " column ")) {
		k += l[k + 4] == ' ' ? 5 : 8;
		if (!cl_read_int(l, n, &k, col))
			return 0;
	}
	if (k + 3 >= n || l[k] != ':' || !is_blank(l[k + 1]))
		return 0;
	return skip_blanks(l, n, k + 1);
}

/* The line number told right after a token ending at l[e] (":N[:M]",
 * ":N.M", "(N[,M])", "[N[,M]]", " N:M"): sets loc->line/col and returns
 * where the place ends, or 0. */
static size_t number_after(const char *l, size_t n, size_t e,
			   struct cl_loc *loc)
{
	size_t j = e + 1;
	char close;

	if (e + 2 < n && l[e] == ':' && l[j] == '[' && l[j + 1] == 'l')
		return bracketed_line_words(l, n, j, loc);
	/* dpkg's "debian/changelog(l5)" */
	if (e + 2 < n && l[e] == '(' && l[j] == 'l' && is_digit(l[j + 1]))
		j++;
	/* the line padded to a column: "syn.te:      4: (F): msg" (SELint's),
	 * its colon after it ("a.c: 12 bytes" is a count; one blank is no
	 * column: "/bin/sh: 1: x: not found" is dash's own, "a.json: 859:"
	 * Ruby's offset in the text) */
	if (e + 3 < n && l[e] == ':' && l[j] == ' ' && l[j + 1] == ' ') {
		size_t k = skip_blanks(l, n, j);

		if (k < n && is_digit(l[k]) && cl_read_int(l, n, &k, &loc->line)) {
			if (k < n && l[k] == ':')
				return k;
			loc->line = 0;
		}
	}
	if (e + 1 >= n || !is_digit(l[j]) ||
	    !(l[e] == ':' || l[e] == '(' || l[e] == '[' || l[e] == ' ') ||
	    !cl_read_int(l, n, &j, &loc->line))
		return 0;
	close = l[e] == '(' ? ')' : l[e] == '[' ? ']' : 0;
	if (j + 1 < n && (l[j] == ':' || l[j] == '.' || l[j] == ',') &&
	    is_digit(l[j + 1])) {
		j++;
		cl_read_int(l, n, &j, &loc->col);
	}
	/* " 12" alone is a count ("a.c 12 bytes"): " N:M" only */
	if ((close && (j >= n || l[j] != close)) || (l[e] == ' ' && !loc->col)) {
		loc->line = loc->col = 0;
		return 0;
	}
	return close ? j + 1 : j;
}

/* Where next_file_token is on a line: the next '.' and '/' at or after i
 * are looked for once each and kept (SIZE_MAX: not yet; n: none), so a line
 * of many tokens is read once. */
struct file_tokens {
	size_t i, dot, sep, named;
};
#define FILE_TOKENS_INIT { 0, (size_t)-1, (size_t)-1, (size_t)-1 }

static size_t next_of(const char *l, size_t n, size_t k, char c, size_t *at)
{
	if (*at == (size_t)-1 || *at < k) {
		const char *p = memchr(l + k, c, n - k);

		*at = p ? (size_t)(p - l) : n;
	}
	return *at;
}

/* The next build file named by its kind alone from k ("Makefile",
 * "Tupfile", "Dockerfile", "Jenkinsfile": a capitalised word ending in
 * "file"), cached in *at: where its "file" starts, or n. */
static size_t next_named(const char *l, size_t n, size_t k, size_t *at)
{
	const char *p;
	size_t w;

	if (*at != (size_t)-1 && *at >= k)
		return *at;
	for (; (p = cl_find(l + k, n - k, "file", 4)); k = (size_t)(p - l) + 4) {
		w = (size_t)(p - l);
		if (w + 4 < n && (is_alpha(l[w + 4]) || is_digit(l[w + 4])))
			continue;
		while (w > 0 && l[w - 1] >= 'a' && l[w - 1] <= 'z')
			w--;
		if (w > 0 && l[w - 1] >= 'A' && l[w - 1] <= 'Z' &&
		    (size_t)(p - l) - w >= 2 &&
		    (w == 1 || path_stop[(unsigned char)l[w - 2]]))
			return *at = (size_t)(p - l);
	}
	return *at = n;
}

/*
 * The next token from ft->i that could name a file: what path_end takes,
 * from a line's start or after a blank, quote, bracket, '=' or ':', without
 * a sentence's closing '.' or ';' ("in file x.pod."), with a letter and a
 * '.' or '/' in it, or a build file named by its kind. [*t, *e) is the token; false at the line's end.
 */
static bool next_file_token(const char *l, size_t n, struct file_tokens *ft,
			    size_t *t, size_t *e)
{
	size_t *i = &ft->i;

	while (*i < n) {
		bool letter = false;
		size_t k = *i, d, sl;

		/* a file token has a '.' or a '/': find one, then its token */
		d = next_of(l, n, k, '.', &ft->dot);
		sl = next_of(l, n, k, '/', &ft->sep);
		k = d < sl ? d : sl;
		if ((d = next_named(l, n, *i, &ft->named)) < k)
			k = d;
		if (k >= n)
			break;
		for (*t = k; *t > *i && !path_stop[(unsigned char)l[*t - 1]]; (*t)--)
			;
		/* a drive letter before the colon ("C:\x", "C:/x") */
		if (*t >= *i + 2 && l[*t - 1] == ':' && is_alpha(l[*t - 2]) &&
		    (l[*t] == '\\' || l[*t] == '/') &&
		    (*t - 2 == *i || path_stop[(unsigned char)l[*t - 3]]))
			*t -= 2;
		/* a file URL's path: "file:///w/a.html" is "/w/a.html" */
		if (*t >= 5 && n - *t > 3 && !memcmp(l + *t - 5, "file:///", 8))
			*t += 2;
		*e = path_end(l, n, *t);
		*i = *e > k ? *e : k + 1;
		while (*e > *t && (l[*e - 1] == '.' || l[*e - 1] == ';'))
			(*e)--;
		if (*e <= k) /* its only '.' ended a sentence */
			continue;
		for (k = *t; k < *e && !letter; k++)
			letter = is_alpha(l[k]);
		if (letter && *e - *t <= 1024)
			return true;
	}
	*i = n;
	return false;
}

/* Do the words of m[0..n) say what problem they tell, with no severity
 * word ("a.yml: not a valid duration string: x" (promtool), "a.ini:
 * unknown key 'x'", "a.json: Unexpected token")? */
static bool names_a_problem(const char *m, size_t n)
{
	struct cl_words w;

	cl_words_read(m, n, &w);
	/* "missing.proto: File not found.": the file is what is missing,
	 * not where a problem is */
	return w.category && !w.note && !cl_cat_is(w.category, CAT_LINT_VIOLATION) &&
	       !cl_cat_is(w.category, CAT_IMPORT_RESOLUTION) &&
	       !cl_cat_is(w.category, CAT_MISSING_DEPENDENCY);
}

/* Is l[0..n) marks and blanks alone, no letter or digit? */
static bool marks_only(const char *l, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (is_alpha(l[k]) || is_digit(l[k]))
			return false;
	return true;
}

/* Do l[0..t) hold only a few words of reading a file ("Failed to read
 * from ", "Error parsing ", "Could not load ")? */
static bool reading_lead(const char *l, size_t t)
{
	static const char *const verbs[] = { "from", "reading", "parsing",
					     "loading", "read", "parse", "load" };
	size_t k, w, words = 0;

	if (t < 2 || l[t - 1] != ' ')
		return false;
	for (w = t - 1; w > 0 && is_alpha(l[w - 1]); w--)
		;
	for (k = 0; k < sizeof(verbs) / sizeof(*verbs); k++)
		if (t - 1 - w == strlen(verbs[k]) &&
		    !memcmp(l + w, verbs[k], t - 1 - w))
			break;
	if (k == sizeof(verbs) / sizeof(*verbs))
		return false;
	for (k = 0; k < w; k++)
		if (l[k] == ' ')
			words++;
		else if (!is_alpha(l[k]))
			return false;
	return w > 0 && words <= 4;
}

/* A file l[t..e) after what opens the line, no line told, then the
 * message: in quotes after a severity that is no note ('SEV: "F": msg',
 * 'SEV: "F" (detail): msg', mp3val's; "SEV in 'F': msg"), or bare after a few words of
 * reading it ("Failed to read from a.vcf: could not parse header",
 * bcftools'). The offset of the colon before the message, or 0. */
static size_t file_after_lead(const char *l, size_t n, size_t t, size_t e)
{
	size_t len, k;
	bool note;

	if (!t)
		return 0;
	/* "RCC: Error in 'app.qrc': msg" (Qt's rcc), 'Error in "F": msg':
	 * quoted after a severity and "in" */
	if ((l[t - 1] == '"' || l[t - 1] == '\'') && t >= 10 &&
	    !memcmp(l + t - 5, " in ", 4) && e + 2 < n && l[e] == l[t - 1] &&
	    l[e + 1] == ':' && l[e + 2] == ' ') {
		size_t w = t - 5;

		while (w > 0 && is_alpha(l[w - 1]))
			w--;
		if (sev_word(l + w, t - 5 - w, &len, &note) >= 0 && !note &&
		    len == t - 5 - w)
			return e + 1;
	}
	if (l[t - 1] != '"')
		return reading_lead(l, t) && e + 2 < n && l[e] == ':' &&
		       l[e + 1] == ' ' ? e : 0;
	if (t < 3 || e >= n || l[e] != '"' ||
	    sev_word(l, n, &len, &note) < 0 || note || len + 3 != t ||
	    l[len] != ':' || l[len + 1] != ' ')
		return 0;
	k = e + 1;
	if (k + 1 < n && l[k] == ' ' && l[k + 1] == '(') {
		while (k < n && l[k] != ')')
			k++;
		k++;
	}
	return k + 1 < n && l[k] == ':' && l[k + 1] == ' ' ? k : 0;
}

/* ", line 3: " or " line 3: " right after a file ending at l[e]: the
 * index of that colon, or 0. */
static size_t line_words_colon(const char *l, size_t n, size_t e)
{
	size_t k = e;

	if (k < n && l[k] == ',')
		k++;
	if (k >= n || l[k] != ' ' || !STARTS(l + k + 1, n - k - 1, "line "))
		return 0;
	k += 6;
	if (k >= n || !is_digit(l[k]))
		return 0;
	while (k < n && is_digit(l[k]))
		k++;
	return k + 1 < n && l[k] == ':' && is_blank(l[k + 1]) ? k : 0;
}

/* The whole line is the message, from its first letter or digit ("***
 * ERROR: x at line 9 in file a.pod": the place is inside it). */
static void set_msg_whole(struct cl_loc *loc, const char *l, size_t n)
{
	size_t i = 0;

	while (i < n && !is_alpha(l[i]) && !is_digit(l[i]))
		i++;
	while (n > i && is_blank(l[n - 1]))
		n--;
	loc->msg = i;
	loc->msg_len = n - i;
}

/* "Invalid syntax in anacrontab on line 3" (anacron's): a file with no
 * extension and no folder, one the repository has, named in words right
 * before its line (" on line N", " at line N", ", line N", " line N").
 * No file token reads it: a bare word is a file only when known says so,
 * and only after "in ". Sets loc (the whole line its message) and returns
 * CL_LOC_INLINE, or NONE. */
static enum cl_loc_kind bare_file_in_words(const char *l, size_t n,
					   cl_known_fn known, const void *ctx,
					   struct cl_loc *loc)
{
	const char *p;
	size_t k, w, e, j;
	int line;

	/* "line " first: an 'l' is rarer than the blank before it */
	for (k = 1; (p = cl_find(l + k, n - k, "line ", 5)); k = (size_t)(p - l) + 5) {
		e = (size_t)(p - l) - 1;
		j = e + 6;
		if (l[e] != ' ' || !cl_read_int(l, n, &j, &line) || line <= 0)
			continue;
		if (e && l[e - 1] == ',')
			e--;
		else if (e >= 3 && (!memcmp(l + e - 3, " on", 3) ||
				    !memcmp(l + e - 3, " at", 3)))
			e -= 3;
		for (w = e; w > 0 && (is_alpha(l[w - 1]) || is_digit(l[w - 1]) ||
				      l[w - 1] == '_' || l[w - 1] == '-');)
			w--;
		if (e - w < 3 || w < 4 || memcmp(l + w - 4, " in ", 4) ||
		    !is_alpha(l[w]) || !known(ctx, l + w, e - w))
			continue;
		memset(loc, 0, sizeof(*loc));
		loc->file = w;
		loc->file_len = e - w;
		loc->line = line;
		if ((loc->col = column_anywhere(l, n)) < 0)
			loc->col = 0;
		set_msg_whole(loc, l, n);
		return loc->kind = CL_LOC_INLINE;
	}
	return CL_LOC_NONE;
}

/* The functions called under a place in brackets, each with its line in
 * the same file (ksh93's "deploy.sh[7]: publish[5]: x: not found"): the
 * colon after the last of them (the error's line into *line), or k, the
 * colon after the place, if none. */
static size_t bracket_frames(const char *l, size_t n, size_t k, int *line)
{
	size_t j, b;
	int v;

	for (;;) {
		j = skip_blanks(l, n, k + 1);
		for (b = j; b < n && (is_alpha(l[b]) || is_digit(l[b]) ||
				      l[b] == '_' || l[b] == '.'); b++)
			;
		if (b == j || b + 3 >= n || l[b] != '[' || !is_digit(l[b + 1]))
			return k;
		b++;
		if (!cl_read_int(l, n, &b, &v) || v <= 0 || b + 2 >= n ||
		    l[b] != ']' || l[b + 1] != ':' || !is_blank(l[b + 2]))
			return k;
		*line = v;
		k = b + 1;
	}
}

enum cl_loc_kind cl_loose_place(const char *l, size_t n, cl_known_fn known,
				const void *ctx, struct cl_loc *loc)
{
	struct file_tokens ft = FILE_TOKENS_INIT;
	size_t i, e, t, after, tried = 0;
	int anyline = -1; /* "line N" on the line: found on first need */
	bool digits;

	memset(loc, 0, sizeof(*loc));
	/* a stack frame (Ruby's "\tfrom a.rb:4:in `<main>'") is read by the
	 * error above it */
	i = skip_blanks(l, n, 0);
	if (STARTS(l + i, n - i, "from "))
		return CL_LOC_NONE;
	digits = any_digit(l, n);
	if (!digits && (!n || path_stop[(unsigned char)l[0]]))
		return CL_LOC_NONE; /* no token can open the line */
	while (tried < 4 && next_file_token(l, n, &ft, &t, &e)) {
		/* no digit, no line: only a file opening the line can be a
		 * place ("x.desktop: error: y"), and tokens come in order, or
		 * one after a severity or words of reading it */
		if (!digits && t && !file_after_lead(l, n, t, e))
			break;
		if (is_digit(l[t]))
			continue;
		if (!(after = number_after(l, n, e, loc))) {
			if (anyline < 0)
				anyline = line_anywhere(l, n);
			loc->line = anyline;
			if (anyline > 0 && (loc->col = column_anywhere(l, n)) < 0)
				loc->col = 0;
		}
		if (!loc->line) {
			/* "x.desktop: error: y": the file itself, no line;
			 * or line 0 ("./a.conf[0]: Invalid value", FreeRADIUS'
			 * for a setting of the file's whole) */
			size_t len, m, p = after ? after : e;
			bool note;

			/* ... or after a severity or words of reading it */
			if (t && (m = file_after_lead(l, n, t, e))) {
				tried++;
				if (!known(ctx, l + t, e - t))
					continue;
				loc->file = t;
				loc->file_len = e - t;
				loc->pre = 0;
				loc->pre_len = t - 1;
				set_msg(loc, l, n, m);
				return loc->kind = CL_LOC_INLINE;
			}
			if (t != 0 || p + 2 >= n || l[p] != ':' || !is_blank(l[p + 1]))
				continue;
			m = skip_blanks(l, n, p + 1);
			/* the line, a blank, then the message in a capital
			 * ("calc.pe: 3 Expected name, got end of ...",
			 * FontForge's; "a.c: 12 bytes" is a count) */
			if (m < n && is_digit(l[m])) {
				size_t c = m;
				int v;

				if (cl_read_int(l, n, &c, &v) && v > 0 && c + 1 < n &&
				    l[c] == ' ' && l[c + 1] >= 'A' && l[c + 1] <= 'Z') {
					tried++;
					if (!known(ctx, l + t, e - t))
						continue;
					loc->file = t;
					loc->file_len = e - t;
					loc->line = v;
					set_msg(loc, l, n, c);
					return loc->kind = CL_LOC_INLINE;
				}
			}
			/* ... or a rule's code opening the message ("index.html:
			 * W002 `<head>` is missing ...", Bootlint's) */
			if ((sev_word(l + m, n - m, &len, &note) < 0 || note ||
			     m + len >= n || l[m + len] != ':') &&
			    !names_a_problem(l + m, n - m) &&
			    !((len = code_at(l, n, m)) && m + len + 1 < n &&
			      l[m + len] == ' '))
				continue;
			tried++;
			if (!known(ctx, l + t, e - t))
				continue;
			loc->file = t;
			loc->file_len = e - t;
			set_msg(loc, l, n, p);
			return loc->kind = CL_LOC_INLINE;
		}
		/* "fn (file:///a.mjs:4:10)" ending the line: a frame too */
		if (after && t && (l[t - 1] == '(' || l[t - 1] == ':') &&
		    after < n && l[after] == ')' &&
		    skip_blanks(l, n, after + 1) == n) {
			loc->line = loc->col = 0;
			continue;
		}
		tried++;
		if (cl_foreign_path(l + t, e - t) || !known(ctx, l + t, e - t)) {
			loc->line = loc->col = 0;
			continue;
		}
		loc->file = t;
		loc->file_len = e - t;
		/* "prog: error: a.x:4: message": the message after the place,
		 * what stood before it read for a severity */
		if (after && skip_blanks(l, n, after) + 2 < n &&
		    (l[after] == ':' || is_blank(l[after]))) {
			if (l[e] == '[' && l[after] == ':')
				after = bracket_frames(l, n, after, &loc->line);
			set_msg(loc, l, n, after);
			if (t) {
				loc->pre = 0;
				loc->pre_len = t;
			}
			return loc->kind = CL_LOC_INLINE;
		}
		/* "amb.g, line 3: warning: msg" (PCCTS', rpcgen's): the file
		 * opening the line, its line in words, then the message with
		 * its severity */
		if (t == 0 && (after = line_words_colon(l, n, e))) {
			set_msg(loc, l, n, after);
			return loc->kind = CL_LOC_INLINE;
		}
		/* ... quoted, after the tool's marks ('?? "a.bib", line 3:
		 * msg', bibclean's) */
		if (t && l[t - 1] == '"' && e < n && l[e] == '"' &&
		    marks_only(l, t - 1) &&
		    (after = line_words_colon(l, n, e + 1))) {
			set_msg(loc, l, n, after);
			return loc->kind = CL_LOC_INLINE;
		}
		/* "anacron: b/anacrontab: Unknown named period on line 1":
		 * the message after the file, its line in its words */
		if (!after && e + 2 < n && l[e] == ':' && is_blank(l[e + 1])) {
			set_msg(loc, l, n, e);
			if (t) {
				loc->pre = 0;
				loc->pre_len = t;
			}
			return loc->kind = CL_LOC_INLINE;
		}
		/* "*** ERROR: x at line 9 in file a.pod", "Warning 11 in a.tex
		 * line 3: x" */
		set_msg_whole(loc, l, n);
		return loc->kind = CL_LOC_INLINE;
	}
	memset(loc, 0, sizeof(*loc));
	return digits ? bare_file_in_words(l, n, known, ctx, loc) : CL_LOC_NONE;
}

int cl_sev_among(const char *p, size_t n)
{
	size_t i, len;
	bool note;
	int sev;

	for (i = 0; i < n; i++) {
		if (i && (is_alpha(p[i - 1]) || p[i - 1] == '_'))
			continue;
		if (!is_alpha(p[i]))
			continue;
		sev = sev_word(p + i, n - i, &len, &note);
		if (sev >= 0 && !note && (i + len == n || p[i + len] == ':' ||
					  p[i + len] == ']' || is_blank(p[i + len])))
			return sev;
	}
	return -1;
}

/* ---- a file heading the places under it ---- */

static bool decoration(char c)
{
	return is_blank(c) || c == '=' || c == '-' || c == '*' || c == '#' ||
	       c == '>' || c == '<';
}

/* A label before a file heading its findings: a word and ':' ("FILE:
 * /src/a.php", PHP_CodeSniffer's; "File: calc.js", lintspaces') or a word
 * in brackets ("[log] ci.yml", yaml-lint's), no severity ("Error: a.js"
 * says something of the file): the offset after it and its blanks, or 0. */
static size_t file_label(const char *l, size_t n)
{
	size_t k = l[0] == '[' ? 1 : 0, w = k, len;
	bool note;

	while (k < n && is_alpha(l[k]) && k - w < 12)
		k++;
	if (k == w || k + 2 >= n || l[k] != (w ? ']' : ':') || !is_blank(l[k + 1]) ||
	    sev_word(l + w, k - w, &len, &note) >= 0)
		return 0;
	return skip_blanks(l, n, k + 1);
}

/* Where the path starts after a label of up to four words and a file's
 * URL ("Results for URL: file:///w/a.html"), or 0. */
static size_t url_label(const char *l, size_t n)
{
	const char *c = memchr(l, ':', n < 40 ? n : 40);
	size_t k, e, words = 1;

	if (!c || !is_alpha(l[0]) || (e = (size_t)(c - l)) + 10 >= n ||
	    c[1] != ' ' || !STARTS(c + 2, n - e - 2, "file:///"))
		return 0;
	for (k = 0; k < e; k++)
		if (!is_alpha(l[k]) && (l[k] != ' ' || ++words > 4))
			return 0;
	return cl_url_path(l, n, e + 2);
}

size_t cl_verdict_header(const char *l, size_t n)
{
	static const char *const verdicts[] = { "Errors", "Warnings", "Error",
						"Warning", "Failed", "FAILED" };
	size_t e = path_end(l, n, 0), k, vl;

	if (!e || e + 3 >= n || l[e] != ':' || l[e + 1] != ' ' ||
	    !plausible_path(l, e))
		return 0;
	for (k = 0; k < sizeof(verdicts) / sizeof(*verdicts); k++) {
		vl = strlen(verdicts[k]);
		if (n - e - 2 >= vl && !memcmp(l + e + 2, verdicts[k], vl) &&
		    (n == e + 2 + vl || (n == e + 3 + vl && l[n - 1] == '.')))
			return e;
	}
	return 0;
}

size_t cl_sev_row(const char *l, size_t n)
{
	size_t i = skip_blanks(l, n, 0), len;
	bool note;

	/* (behind a bullet: pa11y's " • Error: msg") */
	if (i)
		i = skip_frame_bullet(l, n, i);
	if (i == 0 || sev_word(l + i, n - i, &len, &note) < 0)
		return 0;
	i = skip_blanks(l, n, i + len);
	while (i < n && is_digit(l[i]))
		i++;
	if (i + 2 >= n || l[i] != ':' || !is_blank(l[i + 1]))
		return 0;
	return skip_blanks(l, n, i + 1);
}

bool cl_header_path(const char *l, size_t n, size_t *off, size_t *len)
{
	size_t i = 0, e = n;

	/* a label of words over a file's URL: "Results for URL:
	 * file:///w/index.html" (pa11y's) */
	if (n > 16 && (i = url_label(l, n))) {
		while (e > i && is_blank(l[e - 1]))
			e--;
		if (path_end(l, e, i) != e || !plausible_path(l + i, e - i))
			return false;
		*off = i;
		*len = e - i;
		return true;
	}
	/* a label: "File: a.js", "[log] a.yml" over the findings in it */
	if (n > 4 && (i = file_label(l, n))) {
		while (e > i && is_blank(l[e - 1]))
			e--;
		if (e <= i || path_end(l, e, i) != e || !plausible_path(l + i, e - i))
			return false;
		*off = i;
		*len = e - i;
		return true;
	}
	/* a table's column heads: "  Line   src/Foo.php" over "  12
	 * Call to an undefined method" rows (PHPStan) */
	i = skip_blanks(l, n, 0);
	if (n - i > 8 && STARTS(l + i, n - i, "Line ") && is_blank(l[i + 5])) {
		i = skip_blanks(l, n, i + 5);
		while (e > i && is_blank(l[e - 1]))
			e--;
		if (e <= i || path_end(l, e, i) != e || !plausible_path(l + i, e - i))
			return false;
		*off = i;
		*len = e - i;
		return true;
	}
	i = 0;
	/* "In guide.md" over findings placed in words (write-good's
	 * console reporter); not "In ice-9/eval.scm:" over a backtrace's
	 * frames (Guile's) */
	if (n > 4 && STARTS(l, n, "In ")) {
		while (e > 3 && is_blank(l[e - 1]))
			e--;
		if (path_end(l, e, 3) != e || !plausible_path(l + 3, e - 3))
			return false;
		*off = 3;
		*len = e - 3;
		return true;
	}
	while (i < n && decoration(l[i]))
		i++;
	/* "====> File calc.php:" (php-parse) */
	if (i > 0 && STARTS(l + i, n - i, "File "))
		i += 5;
	/* a severity's mark: "✗ app.coffee" over its rows (coffeelint) */
	i = skip_sev_mark(l, n, i);
	/* the file in brackets and the verdict on it: "== [a.sql] FAIL"
	 * (sqlfluff), "[a.py] FAILED" */
	if (i < n && l[i] == '[') {
		const char *b = memchr(l + i, ']', n - i);
		size_t k;

		if (!b)
			return false;
		e = (size_t)(b - l);
		for (k = e + 1; k < n && (decoration(l[k]) ||
					  (l[k] >= 'A' && l[k] <= 'Z')); k++)
			;
		if (k < n || e <= i + 1 || path_end(l, e, i + 1) != e ||
		    !plausible_path(l + i + 1, e - i - 1))
			return false;
		*off = i + 1;
		*len = e - i - 1;
		return true;
	}
	while (e > i && (decoration(l[e - 1]) || l[e - 1] == ':'))
		e--;
	/* decorated ("== a.rb ==", "--- a.py ---") or ending in ':' ("a.py:") */
	if (e <= i || (i == 0 && (e == n || l[e] != ':')))
		return false;
	if (path_end(l, e, i) != e || !plausible_path(l + i, e - i))
		return false;
	*off = i;
	*len = e - i;
	return true;
}

/* A finding whose span closes it: "Syntax error, unexpected '}' from 4:1
 * to 4:1" (PHP-Parser's), "... from 3:5 to 3:9". Sets loc's line, column
 * and message (from i); false if l[0..n) has none. */
static bool span_at_end(const char *l, size_t n, size_t i, struct cl_loc *loc)
{
	const char *f = NULL, *p;
	size_t j;
	int end;

	/* the span's end closes the line: most lines end in no digit */
	if (n < i + 16 || !is_digit(l[n - 1]))
		return false;
	for (p = l + i; (p = cl_find(p, (size_t)(l + n - p), " from ", 6)); p += 6)
		f = p;
	if (!f || (size_t)(f - l) < i + 3)
		return false;
	j = (size_t)(f - l) + 6;
	if (!cl_read_int(l, n, &j, &loc->line) || j + 1 >= n || l[j] != ':')
		goto none;
	j++;
	if (!cl_read_int(l, n, &j, &loc->col) || !STARTS(l + j, n - j, " to "))
		goto none;
	j += 4;
	/* the span's end, "4:1" or "4", closes the line */
	if (!cl_read_int(l, n, &j, &end))
		goto none;
	if (j < n && l[j] == ':') {
		j++;
		if (!cl_read_int(l, n, &j, &end))
			goto none;
	}
	if (j != n)
		goto none;
	set_msg(loc, l, (size_t)(f - l), i);
	return loc->msg_len >= 3;
none:
	loc->line = loc->col = 0;
	return false;
}

/* A finding whose place closes it: "[error] msg (5:1)" (yaml-lint's), or
 * its span (span_at_end). Sets loc's line, column and message (from i);
 * false if l has none. */
static bool place_at_end(const char *l, size_t n, size_t i, struct cl_loc *loc)
{
	size_t e = n, k;

	while (e > i && is_blank(l[e - 1]))
		e--;
	if (e > i && l[e - 1] != ')')
		return span_at_end(l, e, i, loc);
	if (e < i + 8 || l[e - 1] != ')')
		return false;
	for (k = e - 1; k > i && (is_digit(l[k - 1]) || l[k - 1] == ':'); k--)
		;
	if (k < i + 2 || l[k - 1] != '(' || !is_blank(l[k - 2]))
		return false;
	e = k - 2;
	if (!cl_read_int(l, n, &k, &loc->line) || l[k] != ':' ||
	    (k++, !cl_read_int(l, n, &k, &loc->col)) || l[k] != ')') {
		loc->line = loc->col = 0;
		return false;
	}
	set_msg(loc, l, e, i);
	return loc->msg_len >= 3;
}

enum cl_loc_kind cl_header_place(const char *l, size_t n, struct cl_loc *loc)
{
	size_t i = skip_blanks(l, n, 0), j, k;

	memset(loc, 0, sizeof(*loc));
	/* a severity's mark: "✗ #7: msg" */
	i = skip_sev_mark(l, n, i);
	/* a short prefix: "C:", "warning:" */
	for (j = i; j < n && is_alpha(l[j]); j++)
		;
	if (j > i && j - i <= 12 && j + 1 < n && l[j] == ':' && is_blank(l[j + 1])) {
		loc->pre = i;
		loc->pre_len = j - i;
		i = skip_blanks(l, n, j + 1);
	} else if (j == i + 1 && l[i] >= 'A' && l[i] <= 'Z' && j + 1 < n &&
		   l[j] == ' ' && is_digit(l[j + 1])) {
		/* a kind's letter: "F 1:0 grade - C (13)" (radon's F
		 * function, M method, C class) */
		i = j + 1;
	}
	if (STARTS(l + i, n - i, "line "))
		i += 5;
	else if (i + 1 < n && l[i] == '#' && is_digit(l[i + 1]))
		i++; /* "#7: msg", coffeelint's */
	j = i;
	if (!cl_read_int(l, n, &j, &loc->line)) {
		if (place_at_end(l, n, i, loc))
			return loc->kind = CL_LOC_INLINE;
		goto none;
	}
	/* the lines it spans: "#3-5: msg" */
	if (j + 1 < n && l[j] == '-' && is_digit(l[j + 1])) {
		int last;

		j++;
		cl_read_int(l, n, &j, &last);
	}
	/* a table's row: " 3 | ERROR | message" */
	if (j + 1 < n && is_blank(l[j]) && l[j + 1] == '|')
		j++;
	/* a column of lines, the message two blanks on: "  12     Call
	 * to an undefined method" (PHPStan), "  6    (6:7): msg" (a
	 * parser's place in the message, gherkin-lint's) */
	if (!loc->pre_len && j + 3 < n && is_blank(l[j]) && is_blank(l[j + 1]) &&
	    (k = skip_blanks(l, n, j)) < n &&
	    (is_alpha(l[k]) || (l[k] == '(' && k + 1 < n && is_digit(l[k + 1])))) {
		set_msg(loc, l, n, k);
		return loc->kind = CL_LOC_INLINE;
	}
	/* a table's row has a column after the line's; a code frame's
	 * " 4 |     branches: [main" is the source */
	if (j >= n || (l[j] != ':' && l[j] != '|') ||
	    (l[j] == '|' && !memchr(l + j + 1, '|', n - j - 1)))
		goto none;
	j++;
	k = skip_blanks(l, n, j);
	/* a labelled column: "L:   3 | P:  12 | rule | msg" (sqlfluff's
	 * position), "Line 3, Col 5" */
	if (k < n && is_alpha(l[k])) {
		size_t a = k;

		while (a < n && is_alpha(l[a]) && a - k < 9)
			a++;
		if (a < n && (l[a] == ':' || is_blank(l[a])) &&
		    (a = skip_blanks(l, n, a + 1)) < n && is_digit(l[a]))
			k = a;
	}
	if (k < n && is_digit(l[k])) {
		j = k;
		cl_read_int(l, n, &j, &loc->col);
		if (j < n && l[j] == ':')
			j++;
		/* the table's next column */
		k = skip_blanks(l, n, j);
		if (k < n && l[k] == '|')
			j = k + 1;
	}
	if (j >= n || !is_blank(l[j]))
		goto none;
	set_msg(loc, l, n, j);
	if (loc->msg_len < 3)
		goto none;
	return loc->kind = CL_LOC_INLINE;
none:
	memset(loc, 0, sizeof(*loc));
	return CL_LOC_NONE;
}

bool cl_row_line(const char *l, size_t n, struct cl_loc *loc)
{
	size_t i = skip_blanks(l, n, 0), j = i;

	memset(loc, 0, sizeof(*loc));
	if (!cl_read_int(l, n, &j, &loc->line) || loc->line <= 0 || j - i > 6 ||
	    j + 2 >= n || !is_blank(l[j]) || !is_alpha(l[j + 1])) {
		loc->line = 0;
		return false;
	}
	set_msg(loc, l, n, j + 1);
	if (loc->msg_len < 3) {
		memset(loc, 0, sizeof(*loc));
		return false;
	}
	loc->kind = CL_LOC_INLINE;
	return true;
}

/* Is the token l[t..e) a name that only looks like a file: a runtime's or
 * a tool's opening its version line ("Node.js v20.20.2", "Python 3.11.2",
 * "ruby 3.1.2p20 (...)", "clang version 14.0.0"), or a stack frame's
 * function ("at Object.prepareBlock (/x/a.js:3:5)")? */
static bool named_not_file(const char *l, size_t n, size_t t, size_t e)
{
	size_t k;

	/* ... or an address's path ("https://host/dep.git") */
	if (t > 0 && l[t - 1] == ':' && e - t > 2 && l[t] == '/' && l[t + 1] == '/')
		return true;
	/* ... or a JVM frame's method, its file in the parentheses ("at
	 * org.junit.Assert.fail(Assert.java:89)") */
	if (t >= 3 && STARTS(l + t - 3, 3, "at ") && e + 1 < n &&
	    (l[e] == '(' || (l[e] == ' ' && l[e + 1] == '(')))
		return true;
	if (t != skip_blanks(l, n, 0) || e >= n || l[e] != ' ')
		return false;
	k = skip_blanks(l, n, e);
	if (STARTS(l + k, n - k, "version "))
		k = skip_blanks(l, n, k + 8);
	if (k < n && (l[k] == 'v' || l[k] == 'V'))
		k++;
	if (k >= n || !is_digit(l[k]))
		return false;
	while (k < n && is_digit(l[k]))
		k++;
	return k + 1 < n && l[k] == '.' && is_digit(l[k + 1]);
}

enum cl_loc_kind cl_string_place(const char *l, size_t n, struct cl_loc *loc)
{
	size_t i = 0, j, len;
	int src, sev = -1;
	bool note;

	memset(loc, 0, sizeof(*loc));
	/* most lines open with neither a severity's letter nor a digit */
	if (n < 8 || !(is_alpha(l[0]) || is_digit(l[0])))
		return CL_LOC_NONE;
	if (is_alpha(l[0])) {
		if ((sev = sev_word(l, n, &len, &note)) < 0 || note ||
		    len + 1 >= n || l[len] != ':' || !is_blank(l[len + 1]))
			return CL_LOC_NONE;
		loc->pre = 0;
		loc->pre_len = len;
		i = skip_blanks(l, n, len + 1);
	}
	j = i;
	/* a source string's index, a few digits, then the line */
	if (!cl_read_int(l, n, &j, &src) || j - i > 3 || j + 1 >= n || l[j] != ':' ||
	    !is_digit(l[j + 1]))
		return CL_LOC_NONE;
	j++;
	cl_read_int(l, n, &j, &loc->line);
	if (j + 1 < n && l[j] == '(' && is_digit(l[j + 1])) {
		j++;
		cl_read_int(l, n, &j, &loc->col);
		if (j >= n || l[j] != ')')
			goto none;
		j++;
	}
	if (j + 1 >= n || l[j] != ':' || !is_blank(l[j + 1]) || !loc->line)
		goto none;
	set_msg(loc, l, n, j + 1);
	/* with no severity before it, one after it ("0:4(10): error: x") */
	if (sev < 0 && sev_word(l + loc->msg, loc->msg_len, &len, &note) < 0)
		goto none;
	return loc->kind = CL_LOC_INLINE;
none:
	memset(loc, 0, sizeof(*loc));
	return CL_LOC_NONE;
}

bool cl_repo_token(const char *l, size_t n, cl_known_fn known, const void *ctx,
		   size_t *off, size_t *len)
{
	struct file_tokens ft = FILE_TOKENS_INIT;
	size_t e, t, tried = 0;

	while (tried < 4 && next_file_token(l, n, &ft, &t, &e)) {
		if (!plausible_path(l + t, e - t) || named_not_file(l, n, t, e))
			continue;
		tried++;
		if (!cl_foreign_path(l + t, e - t) && known(ctx, l + t, e - t)) {
			*off = t;
			*len = e - t;
			return true;
		}
	}
	return false;
}

bool cl_paren_place_only(const char *m, size_t n)
{
	size_t k, e;
	int v;

	while (n && is_blank(m[n - 1]))
		n--;
	if (n < 3 || m[0] != '(' || !(e = path_end(m, n, 1)) || e >= n ||
	    m[e] != ')' || !plausible_path(m + 1, e - 1))
		return false;
	k = skip_blanks(m, n, e + 1);
	if (k == n)
		return true;
	/* "[Line 4, Column 4]", "[Line 4]" */
	if (n - k < 8 || m[k] != '[' || lower(m[k + 1]) != 'l' ||
	    memcmp(m + k + 2, "ine ", 4))
		return false;
	k += 6;
	if (!cl_read_int(m, n, &k, &v))
		return false;
	if (STARTS(m + k, n - k, ", Column ") || STARTS(m + k, n - k, ", column ")) {
		k += 9;
		if (!cl_read_int(m, n, &k, &v))
			return false;
	}
	return k + 1 == n && m[k] == ']';
}

bool cl_tagged_path(const char *l, size_t n, size_t *off, size_t *len,
		    int *sev)
{
	size_t i = skip_blanks(l, n, 0), k;

	if (i >= n || l[i] != '[' || !(k = prefix_end(l, n, i)))
		return false;
	if ((*sev = cl_prefix_sev(l + i, k - i)) < 0)
		return false;
	while (n > k && is_blank(l[n - 1]))
		n--;
	if (path_end(l, n, k) != n || !plausible_path(l + k, n - k))
		return false;
	*off = k;
	*len = n - k;
	return true;
}

bool cl_sev_rule_file(const char *l, size_t n, struct cl_rule_file *f)
{
	size_t i = skip_blanks(l, n, 0), len, k;
	bool note;

	if (i >= n || !is_alpha(l[i]) ||
	    (f->sev = sev_word(l + i, n - i, &len, &note)) < 0 || note ||
	    i + len >= n || l[i + len] != ' ')
		return false;
	i = skip_blanks(l, n, i + len);
	for (k = i; k < n && (is_alpha(l[k]) || is_digit(l[k]) || l[k] == '-' ||
			      l[k] == '/' || l[k] == '_' || l[k] == '@'); k++)
		;
	/* a rule's name has a joiner ("no-circular", "import/no-cycle"),
	 * a sentence's first word has none */
	if (k == i || k + 2 >= n || l[k] != ':' || !is_blank(l[k + 1]) ||
	    (!memchr(l + i, '-', k - i) && !memchr(l + i, '/', k - i)))
		return false;
	f->rule = i;
	f->rule_len = k - i;
	f->file = skip_blanks(l, n, k + 1);
	f->file_len = path_end(l, n, f->file) - f->file;
	return f->file_len && plausible_path(l + f->file, f->file_len);
}

bool cl_sev_in_file(const char *l, size_t n, struct cl_loc *loc)
{
	size_t i = skip_blanks(l, n, 0);

	if (sev_in_place(l, n, i, loc) && !loc->line)
		return (loc->kind = CL_LOC_ALONE), true;
	memset(loc, 0, sizeof(*loc));
	return false;
}

bool cl_marked_message(const char *l, size_t n, size_t *msg)
{
	size_t i = skip_blanks(l, n, 0), k;

	/* miette's "x msg" in ASCII, over its ",-[a.js:2:1]" box */
	if (i + 2 < n && l[i] == 'x' && l[i + 1] == ' ' && is_alpha(l[i + 2])) {
		*msg = i + 2;
		return true;
	}
	if ((k = skip_sev_mark(l, n, i)) == i)
		return false;
	*msg = k;
	return k < n && is_alpha(l[k]);
}

/* The column of l[0..at) in characters (UTF-8: a frame's bars are). */
static size_t chars_before(const char *l, size_t at)
{
	size_t k, c = 0;

	for (k = 0; k < at; k++)
		c += ((unsigned char)l[k] & 0xc0) != 0x80;
	return c;
}

/* Where a code frame's gutter ends on l[0..n): " 2 | x", "2 │ x" (its
 * number in *num), "   : ", "   · ", "   | " (no number: *num 0), in
 * characters (its byte in *at); 0 if l has no gutter. */
static size_t gutter_end(const char *l, size_t n, int *num, size_t *at)
{
	size_t i = skip_blanks(l, n, 0);

	*num = 0;
	if (i < n && is_digit(l[i]) && (!cl_read_int(l, n, &i, num) ||
					(i = skip_blanks(l, n, i)) >= n))
		return 0;
	if (i < n && (l[i] == '|' || l[i] == ':'))
		i++;
	else if (STARTS(l + i, n - i, "\xe2\x94\x82"))
		i += 3;
	else if (STARTS(l + i, n - i, "\xc2\xb7"))
		i += 2;
	else
		return 0;
	*at = i;
	return chars_before(l, i) + 1;
}

int cl_frame_caret_col(const char *src, size_t sn, const char *car, size_t cn,
		       int line)
{
	size_t g, k;
	int num, none;

	/* most lines: no caret at all */
	if (!cn || !memchr(car, '^', cn) || !(g = gutter_end(src, sn, &num, &k)) ||
	    num != line || gutter_end(car, cn, &none, &k) != g || none)
		return 0;
	/* blanks, then the caret */
	while (k < cn && (car[k] == ' ' || car[k] == '\t'))
		k++;
	return k < cn && car[k] == '^' ? (int)(chars_before(car, k) + 1 - g) : 0;
}

size_t cl_caret_message(const char *l, size_t n)
{
	size_t i = skip_blanks(l, n, 0), c;

	if (i < n && l[i] == '|')
		i = skip_blanks(l, n, i + 1);
	else if (STARTS(l + i, n - i, "\xe2\x94\x82"))
		i = skip_blanks(l, n, i + 3);
	for (c = i; c < n && (l[c] == '^' || l[c] == '~'); c++)
		;
	if (c == i || c >= n || !is_blank(l[c]))
		return 0;
	c = skip_blanks(l, n, c);
	return c < n && (is_alpha(l[c]) || l[c] == '"' || l[c] == '\'') ? c : 0;
}

bool cl_source_line(const char *l, size_t n)
{
	size_t i = skip_blanks(l, n, 0), j;

	if (cl_code_frame_line(l, n, 0))
		return true;
	/* "  3| x" (stylus), " 3 │ x" */
	for (j = i; j < n && is_digit(l[j]); j++)
		;
	if (j > i && j < n && (l[j] == '|' || STARTS(l + j, n - j, " \xe2\x94\x82") ||
			       STARTS(l + j, n - j, "\xe2\x94\x82")))
		return true;
	/* an underline: "------^", "   ^~~~" */
	for (j = i; j < n && (l[j] == '-' || l[j] == '^' || l[j] == '~'); j++)
		;
	return j > i && j == n && memchr(l + i, '^', n - i);
}

size_t cl_path_words(const char *m, size_t n)
{
	size_t e = path_end(m, n, 0);

	return e > 2 && e + 2 < n && m[e] == ' ' && is_alpha(m[e + 1]) &&
	       plausible_path(m, e) && memchr(m, '.', e) && memchr(m, '/', e) ? e : 0;
}

bool cl_paren_position(const char *m, size_t n, int *line, int *col)
{
	size_t k = n, j;
	int l = 0, c = 0;

	/* the last "(L:C)", maybe inside the message's own parentheses */
	while (k && m[k - 1] == ')')
		k--;
	if (k == n)
		return false;
	for (j = k; j > 0 && (is_digit(m[j - 1]) || m[j - 1] == ':'); j--)
		;
	if (j == 0 || m[j - 1] != '(' || j == k)
		return false;
	if (!cl_read_int(m, k, &j, &l) || j >= k || m[j] != ':')
		return false;
	j++;
	if (!cl_read_int(m, k, &j, &c) || j != k || l <= 0)
		return false;
	*line = l;
	*col = c + 1;
	return true;
}

char *cl_file_heading(const char *m, size_t n)
{
	size_t i = skip_blanks(m, n, 0), e = path_end(m, n, i), k;

	/* after what the tool was doing: Pelican's "Skipping /w/content/
	 * a.md: could not find information about 'title'", "Processing
	 * a.c: msg" (one word in -ing) */
	if (e < n && m[e] != ':' && i < n && m[i] >= 'A' && m[i] <= 'Z') {
		for (k = i + 1; k < n && k - i < 16 && is_alpha(m[k]); k++)
			;
		if (k - i > 4 && k + 1 < n && m[k] == ' ' && !memcmp(m + k - 3, "ing", 3) &&
		    (e = path_end(m, n, k + 1)) < n && m[e] == ':')
			i = k + 1;
		else
			e = path_end(m, n, i);
	}
	/* after a few words and their colon: "Failed loading rockspec:
	 * /w/a.rockspec: Unknown field x" (luarocks) */
	if (e < n && m[e] != ':' && e - i < 40) {
		for (k = i; k < n && k - i < 40 && (is_alpha(m[k]) || m[k] == ' '); k++)
			;
		if (k > i && k + 2 < n && m[k] == ':' && m[k + 1] == ' ' &&
		    (m[k + 2] == '/' || m[k + 2] == '.')) {
			i = k + 2;
			e = path_end(m, n, i);
		}
	}
	if (e + 2 >= n || m[e] != ':' ||
	    /* (an empty line field: asn1Parser's "a.asn:: identifier 'x'
	     * not found") */
	    (m[e + 1] != ' ' && (m[e + 1] != ':' || e + 3 >= n || m[e + 2] != ' ')) ||
	    !plausible_path(m + i, e - i) || !memchr(m + i, '.', e - i))
		return NULL;
	return xstrndup(m + i, e - i);
}
