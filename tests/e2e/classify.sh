#!/bin/bash
# errors/classify through the real binary, as an editor or a hook calls it:
# real gcc and python3 output in, structured diagnostics and a summary out;
# a repo's own patterns (.airunner `classify.patterns`) take part; bad
# params get invalid_params.
set -euo pipefail
: "${AIRUNNER_BIN:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export AIRUNNER_SOCKET="$work/agent.sock" XDG_CONFIG_HOME="$work/xdg" HOME="$work"

printf 'int main(void)\n{\n\treturn counter;\n}\n' >bad.c
printf 'import os\nimport notamodule_xyz\n' >bad.py
gcc -c bad.c -o /dev/null >out.txt 2>&1 || true
python3 bad.py >>out.txt 2>&1 || true
echo "bad.c:9: DEPRECATED old_api" >>out.txt

call() { "$AIRUNNER_BIN" call --stdio "$@" 2>/dev/null; }
params=$(python3 -c 'import json,sys; print(json.dumps({"output": open("out.txt").read(), "tool": "gcc"}))')

call errors/classify "$params" >r1.json
python3 - r1.json <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
d = r["diagnostics"]
assert len(d) == 3, d
# gcc counts columns as displayed, a tab to the next multiple of 8
assert (d[0]["file"], d[0]["line"], d[0]["column"]) == ("bad.c", 3, 16), d[0]
assert d[0]["category"] == "undefined_symbol" and "'counter'" in d[0]["hint"], d[0]
assert d[0]["tool"] == "gcc" and d[0]["severity"] == "error"
assert d[1]["file"].endswith("bad.py") and d[1]["line"] == 2, d[1]
assert d[1]["category"] == "missing_dependency" and "notamodule_xyz" in d[1]["hint"]
# no pattern knows the team's line: the general layer keeps its place
assert (d[2]["file"], d[2]["line"], d[2]["category"]) == ("bad.c", 9, "unknown"), d[2]
assert r["summary"] == {"errors": 3, "warnings": 0,
    "categories": {"undefined_symbol": 1, "missing_dependency": 1, "unknown": 1}}, r["summary"]
PY

# The repo's own pattern file, named in .airunner, relative to the workspace.
cat >team.conf <<'X'
[pattern "team.deprecated"]
tool = team
category = lint_violation
severity = warning
needle = DEPRECATED
regex = ^(?<file>%{path}):(?<line>\d+): DEPRECATED (?<name>\w+)$
hint = '{name}' is deprecated: use the v2 API
X
printf '[classify]\n\tpatterns = team.conf\n' >.airunner
call errors/classify "$params" >r2.json
python3 - r2.json <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
d = r["diagnostics"]
assert len(d) == 3, d
assert d[2]["tool"] == "team" and d[2]["line"] == 9 and d[2]["severity"] == "warning"
assert d[2]["hint"] == "'old_api' is deprecated: use the v2 API", d[2]
assert r["summary"]["warnings"] == 1 and r["summary"]["categories"]["lint_violation"] == 1
PY

# A broken repo pattern file is an error that names it, not a crash.
printf '[pattern "x"]\ntool = t\ncategory = unknown\nregex = (\n' >team.conf
if "$AIRUNNER_BIN" call --stdio errors/classify "$params" >r3.json 2>err.txt; then
	echo "a broken pattern file was accepted" >&2
	exit 1
fi
grep -q 'team.conf:4: regex: missing closing parenthesis' err.txt
rm .airunner

if "$AIRUNNER_BIN" call --stdio errors/classify '{"tool": "gcc"}' 2>err.txt; then
	echo "missing output was accepted" >&2
	exit 1
fi
grep -q invalid_params err.txt
echo "classify e2e: ok"
