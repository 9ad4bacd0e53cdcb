#!/bin/bash
# airunner(1): man renders it without a warning, and it covers what the
# binary offers: every command and option --help lists, every environment
# variable the sources read, every exit status.
. "$(dirname "$0")/lib/hooklib.sh"
A=$AIRUNNER_BIN
page=$AIRUNNER_SRC/doc/airunner.1

MANWIDTH=80 man --warnings -l "$page" >"$T/page.txt" 2>"$T/warnings" || fail "man -l failed"
[ -s "$T/warnings" ] && { cat "$T/warnings" >&2; fail "man -l warns"; }
# The check above can fail: a page with an unknown request warns.
{ cat "$page"; echo ".zz bogus"; } >"$T/broken.1"
MANWIDTH=80 man --warnings -l "$T/broken.1" >/dev/null 2>"$T/warnings"
[ -s "$T/warnings" ] || fail "man --warnings does not report a broken page"

# man's rendering uses U+2010 for hyphens in some locales; compare ASCII.
LC_ALL=C MANWIDTH=200 man -l "$page" 2>/dev/null | col -b >"$T/page.txt"

# Every command and every --option of --help is in the page.
"$A" --help >"$T/help.txt" || fail "--help"
sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p; s/^  \([a-z][a-z-]*\)$/\1/p' "$T/help.txt" |
	sort -u >"$T/commands"
[ "$(wc -l <"$T/commands")" -ge 6 ] || fail "fewer commands than expected in --help: $(cat "$T/commands")"
while read -r c; do
	grep -qE "^ +$c( |$)" "$T/page.txt" || fail "command '$c' is not in the man page"
done <"$T/commands"
grep -o -- '--[a-z][a-z-]*' "$T/help.txt" | sort -u | while read -r o; do
	grep -qF -- "$o" "$T/page.txt" || fail "option $o is not in the man page"
done || exit 1

# Every environment variable the sources read, and the ones --help names.
{ grep -rhoE 'getenv\("[A-Z_]+"\)' "$AIRUNNER_SRC/agent" | sed 's/getenv("\(.*\)")/\1/'
  grep -oE '\b(AIRUNNER|NO)_[A-Z_]+' "$T/help.txt"; } | sort -u |
	grep -vxE 'HOME|PATH|TMPDIR|AIRUNNER_TEST_METHODS' >"$T/env"
while read -r v; do
	grep -qE "^ +$v\b|^ +.*\b$v," "$T/page.txt" || fail "environment variable $v is not in the man page's ENVIRONMENT"
done <"$T/env"

# Exit statuses 0-3, as --help lists them, and the hook.
for s in 0 1 2 3; do
	sed -n '/^EXIT STATUS/,/^ENVIRONMENT/p' "$T/page.txt" | grep -qE "^ +$s( |$)" ||
		fail "exit status $s is not in the man page"
	grep -qE "^  $s  " "$T/help.txt" || fail "exit status $s is not in --help"
done
grep -q "^THE HOOK" "$T/page.txt" || fail "the hook has no section"
echo ok
