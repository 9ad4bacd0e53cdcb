#!/bin/bash
# `airunner metrics` and `airunner runs`: the runs the agent recorded, read
# from the store with no agent needed: the figures as a table, as
# metrics/summary's JSON, and as OpenMetrics text that Prometheus's own
# parser accepts; the runs one a line or as run/list's JSON.
. "$(dirname "$0")/lib/hooklib.sh"

A=$AIRUNNER_BIN
new_repo "$T/repo"
cat >.airunner <<'CFG'
[check "no-bad"]
	command = sh check.sh {files}
	files = *.txt
CFG
printf '! grep -q bad "$@"\n' >check.sh
echo good >a.txt && git add .airunner check.sh a.txt && git commit -qm base
"$A" hooks install >/dev/null || fail "install"

# Two commits through the hook: one passes, one is blocked.
echo better >a.txt && git add a.txt
commit_ok "passes"
echo bad >a.txt && git add a.txt
commit_blocked "blocked"
"$A" call --no-start shutdown '{"daemon":true}' >/dev/null || fail "stop the agent"
for _ in $(seq 100); do [ -S "$AIRUNNER_SOCKET" ] || break; sleep 0.05; done

# JSON: the numbers of those two runs, and no agent was started for it.
"$A" metrics --repo "$T/repo" --format json >"$T/m.json" 2>"$T/err" || { cat "$T/err"; fail "metrics --format json"; }
[ ! -S "$AIRUNNER_SOCKET" ] || fail "metrics started an agent"
/usr/bin/python3 - "$T/m.json" <<'PY' || fail "metrics JSON: $(cat "$T/m.json")"
import json, sys
m = json.load(open(sys.argv[1]))
v = m["verification"]
assert m["runs"]["total"] == 2, m["runs"]
assert (v["runs"], v["passed"], v["failed"], v["passRate"]) == (2, 1, 1, 0.5), v
assert v["hookLatency"]["count"] == 2, v
assert [k["kind"] for k in m["byKind"]] == ["verify"], m["byKind"]
PY

# The table, for people.
"$A" metrics --repo "$T/repo" >"$T/table" || fail "metrics"
expect_in "$T/table" "verify"
expect_in "$T/table" "50.0%"
expect_in "$T/table" "the hook waited"

# OpenMetrics, checked by Prometheus's parser where it is installed.
"$A" metrics --format openmetrics >"$T/om" || fail "metrics --format openmetrics"
tail -n 1 "$T/om" | grep -qx '# EOF' || fail "OpenMetrics text ends in # EOF"
grep -q '^airunner_verifications_total{result="passed"} 1$' "$T/om" || { cat "$T/om"; fail "passed verifications"; }
if command -v promtool >/dev/null; then
	promtool check metrics <"$T/om" >"$T/promtool" 2>&1
	# promtool knows the Prometheus text format: it parses OpenMetrics
	# and only says its counters lack the older format's help lines.
	! grep -v 'no help text' "$T/promtool" | grep -q . || { cat "$T/promtool"; fail "promtool"; }
fi

# The runs themselves, newest first: the blocked one, then the one that
# passed; as run/list's JSON too.
"$A" runs --repo "$T/repo" >"$T/runs" || fail "runs"
[ "$(grep -c ' verify ' "$T/runs")" = 2 ] || { cat "$T/runs"; fail "two verify runs listed"; }
head -n 1 "$T/runs" | grep -q ' verify   failed ' || { cat "$T/runs"; fail "the newest is the blocked commit"; }
"$A" runs --repo "$T/repo" --state succeeded --json >"$T/runs.json" || fail "runs --json"
/usr/bin/python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["runs"]; assert [x["outcome"] for x in r]==["passed"] and r[0]["origin"]=="hook" and r[0]["priority"]=="urgent", r' "$T/runs.json" || fail "runs --json: $(cat "$T/runs.json")"
"$A" runs --state sleeping >/dev/null 2>&1; [ $? = 2 ] || fail "--state sleeping: not exit 2"

# Bad use is a usage error.
"$A" metrics --since yesterday >/dev/null 2>"$T/err"; [ $? = 2 ] || fail "--since yesterday: not exit 2"
expect_in "$T/err" "bad --since"
echo "ok: metrics_cmd"
