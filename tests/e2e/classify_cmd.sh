#!/bin/bash
# `airunner classify` as a person or a CI job uses it: a real build log from
# a pipe and from a file, in each format, with no agent and no repository;
# the gnu format read back by vim's :cfile into the quickfix list.
. "$(dirname "$0")/lib/hooklib.sh"
A=$AIRUNNER_BIN

# A folder that is no git repository (as a CI job's log folder can be).
mkdir -p "$T/ci" && cd "$T/ci" || fail "cd"
export GIT_CEILING_DIRECTORIES=$T
git rev-parse --git-dir >/dev/null 2>&1 && fail "the scratch folder is inside a repository"

printf 'int main(void)\n{\n\tint unused;\n\treturn counter;\n}\n' >bad.c
printf 'import os\nimport notamodule_xyz\n' >bad.py
{ gcc -Wall -c bad.c -o /dev/null; python3 bad.py; } >build.log 2>&1 &&
	fail "the broken build passed"

# From a pipe, the report: file:line:col: category: message, the hint, a count.
gcc -Wall -c bad.c -o /dev/null 2>&1 | "$A" classify >"$T/pipe.txt" 2>"$T/err"
[ "${PIPESTATUS[1]}" = 1 ] || { cat "$T/pipe.txt" "$T/err" >&2; fail "classify of errors did not exit 1"; }
expect_in "$T/pipe.txt" "bad.c:4:16: undefined_symbol: ‘counter’ undeclared"
expect_in "$T/pipe.txt" "    hint: 'counter' is not declared here"
expect_in "$T/pipe.txt" "bad.c:3:13: lint_violation (warning): unused variable ‘unused’"
expect_in "$T/pipe.txt" "airunner: 1 error, 1 warning"
grep -q $'\033' "$T/pipe.txt" && fail "colours in a pipe"
[ -s "$T/err" ] && { cat "$T/err" >&2; fail "classify wrote to stderr"; }
# No agent was started for it, and none was needed.
[ -e "$AIRUNNER_SOCKET" ] && fail "classify started an agent"

# From a file: the same report as from standard input (`-`).
"$A" classify build.log >"$T/file.txt" && fail "exit 0 on errors"
"$A" classify - <build.log >"$T/stdin.txt"
cmp -s "$T/file.txt" "$T/stdin.txt" || fail "a file and stdin classify differently"
expect_in "$T/file.txt" "bad.py:2: missing_dependency: No module named 'notamodule_xyz'"
expect_in "$T/file.txt" "airunner: 2 errors, 1 warning"

# --tool hint takes the tool's patterns first; same findings here.
"$A" classify --tool gcc build.log >"$T/tool.txt"
cmp -s "$T/file.txt" "$T/tool.txt" || fail "--tool gcc changed the findings"

# --format json (and --json) is errors/classify's result, byte for byte what
# the agent answers for the same output.
"$A" classify --format json build.log >"$T/cli.json"
"$A" classify --json <build.log >"$T/cli2.json"
cmp -s "$T/cli.json" "$T/cli2.json" || fail "--json and --format json differ"
params=$(python3 -c 'import json; print(json.dumps({"output": open("build.log").read()}))')
"$A" call --stdio errors/classify "$params" >"$T/rpc.json" || fail "errors/classify"
cmp -s "$T/cli.json" "$T/rpc.json" || { diff "$T/cli.json" "$T/rpc.json" >&2; fail "classify --json differs from errors/classify"; }
python3 - "$T/cli.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["summary"]["errors"] == 2 and r["summary"]["warnings"] == 1, r["summary"]
assert [d["category"] for d in r["diagnostics"]] == \
    ["undefined_symbol", "lint_violation", "missing_dependency"], r
PY

# --format gnu: one line per diagnostic in GCC's own shape.
"$A" classify --format gnu build.log >"$T/errors.gnu" && fail "gnu: exit 0 on errors"
cat >"$T/expected.gnu" <<EOF2
bad.c:4:16: error: [undefined_symbol] ‘counter’ undeclared (first use in this function)
bad.c:3:13: warning: [lint_violation] unused variable ‘unused’
$T/ci/bad.py:2: error: [missing_dependency] No module named 'notamodule_xyz'
EOF2
diff "$T/expected.gnu" "$T/errors.gnu" >&2 || fail "gnu format"

# vim's :cfile with its default 'errorformat' reads it: three valid entries
# at the right places, errors and the warning told apart by their text.
vim -Nu NONE -i NONE -es -c "cfile $T/errors.gnu" \
	-c 'call writefile(map(getqflist(), {_, e -> printf("%d|%s|%d|%d|%s", e.valid, bufname(e.bufnr), e.lnum, e.col, trim(e.text))}), "'"$T/qf.txt"'")' \
	-c 'qa!' </dev/null || fail "vim :cfile"
cat >"$T/expected.qf" <<EOF2
1|bad.c|4|16|error: [undefined_symbol] ‘counter’ undeclared (first use in this function)
1|bad.c|3|13|warning: [lint_violation] unused variable ‘unused’
1|$T/ci/bad.py|2|0|error: [missing_dependency] No module named 'notamodule_xyz'
EOF2
diff "$T/expected.qf" "$T/qf.txt" >&2 || fail "quickfix list from :cfile"

# --format sarif is JSON (its schema is checked in tests/cli/sarif.test.mjs).
"$A" classify --format sarif build.log | python3 -c 'import json,sys; assert json.load(sys.stdin)["version"] == "2.1.0"' ||
	fail "sarif"

# A clean log: exit 0; warnings alone do not fail.
echo "all 12 tests passed" | "$A" classify >"$T/clean.txt" || fail "clean log: not exit 0"
expect_in "$T/clean.txt" "airunner: 0 errors, 0 warnings"
gcc -Wall -c -x c - -o /dev/null <<<'int main(void){int unused;return 0;}' 2>&1 |
	"$A" classify --format gnu >"$T/warn.gnu" || fail "warnings alone: not exit 0"
expect_in "$T/warn.gnu" "warning: [lint_violation] unused variable"

# A failed run is never zero problems, even when nothing in its log is
# recognised: one unknown diagnostic with the log's tail. Whether it failed
# is read from the log (a fatal line here) unless --failed/--passed say.
python3 -c 'import sys; print("loading settings"); sys.exit("the config went missing")' >died.log 2>&1 &&
	fail "the dying program exited 0"
"$A" classify --passed died.log >"$T/died.txt" || fail "--passed: not exit 0"
expect_in "$T/died.txt" "airunner: 0 errors, 0 warnings"
"$A" classify --failed died.log >"$T/died.txt" && fail "--failed: exit 0"
expect_in "$T/died.txt" "unknown: loading settings"
expect_in "$T/died.txt" "the config went missing"
expect_in "$T/died.txt" "airunner: 1 error, 0 warnings"
printf 'Segmentation fault (core dumped)\n' | "$A" classify >"$T/segv.txt" && fail "a crash: exit 0"
expect_in "$T/segv.txt" "unknown: Segmentation fault (core dumped)"
# A passing log whose tests mention errors is no failure.
printf '  ok 1 returns an error on bad input\n\n  12 passing (9ms)\n' |
	"$A" classify >"$T/pass.txt" || fail "a passing suite: not exit 0"
expect_in "$T/pass.txt" "airunner: 0 errors, 0 warnings"
# errors/classify takes the same word as `failed`; absent or null, the log
# decides (this one shows no sign of failure: none).
for f in true false null; do
	params=$(python3 -c 'import json,sys; print(json.dumps({"output": open("died.log").read(), "failed": json.loads(sys.argv[1])}))' "$f")
	"$A" call --stdio errors/classify "$params" >"$T/died-$f.json" || fail "errors/classify failed=$f"
done
python3 - "$T" <<'PY' || fail "errors/classify's failed"
import json, sys
n = lambda f: len(json.load(open(f"{sys.argv[1]}/died-{f}.json"))["diagnostics"])
assert (n("true"), n("false"), n("null")) == (1, 0, 0), (n("true"), n("false"), n("null"))
PY
"$A" call --stdio errors/classify '{"output": "x", "failed": "yes"}' >/dev/null 2>"$T/err" &&
	fail "failed: a string accepted"
expect_in "$T/err" "failed"

# On a terminal (script(1) gives it one): colours, unless NO_COLOR is set.
TERM=xterm script -qec "'$A' classify build.log" /dev/null >"$T/tty.txt" </dev/null
grep -q $'\033\\[31m' "$T/tty.txt" || { cat -v "$T/tty.txt" >&2; fail "no colours on a terminal"; }
expect_in "$T/tty.txt" "undefined_symbol"
TERM=xterm NO_COLOR=1 script -qec "'$A' classify build.log" /dev/null >"$T/tty.txt" </dev/null
grep -q $'\033' "$T/tty.txt" && { cat -v "$T/tty.txt" >&2; fail "colours with NO_COLOR"; }
expect_in "$T/tty.txt" "undefined_symbol"

# Bad input: a clear message and exit 2.
"$A" classify no-such.log >/dev/null 2>"$T/err"; [ $? = 2 ] || fail "missing file: not exit 2"
expect_in "$T/err" "airunner: classify: cannot read no-such.log"
"$A" classify --format xml build.log >/dev/null 2>"$T/err"; [ $? = 2 ] || fail "bad format: not exit 2"
expect_in "$T/err" "unknown format xml"
"$A" classify a.log b.log >/dev/null 2>"$T/err"; [ $? = 2 ] || fail "two logs: not exit 2"
echo "ok"
