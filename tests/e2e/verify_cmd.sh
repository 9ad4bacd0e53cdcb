#!/bin/bash
# `airunner verify` as a person runs it in a terminal or CI: the hook's
# checks (real tsc and eslint on the bundled example) on the work tree, the
# staged content, every file or the files named; the hook's report and exit
# statuses; --json; through the agent, and in-process when none can be had.
. "$(dirname "$0")/lib/hooklib.sh"
A=$AIRUNNER_BIN

example_repo "$T/ex"
TYPE_ERROR="src/cart.ts:15:36: type_error: Argument of type 'string' is not assignable to parameter of type 'number'"
break_cart() { sed -i 's/formatPrice(total(items))/formatPrice(String(total(items)))/' src/cart.ts; }

# verify_status ARGS...: runs `airunner verify ARGS` (stdout in $T/out,
# stderr in $T/err) and prints its exit status.
verify_status() {
	"$A" verify "$@" >"$T/out" 2>"$T/err"
	echo $?
}

# A staged type error: the report, "failed", exit 1.
break_cart
git add src/cart.ts
[ "$(verify_status --staged)" = 1 ] || { cat "$T/out" "$T/err" >&2; fail "staged type error: not exit 1"; }
expect_in "$T/out" "tsc failed (exit 2,"
expect_in "$T/out" "$TYPE_ERROR"
expect_in "$T/out" "    hint: "
expect_in "$T/out" "(tsc failed)"
expect_in "$T/out" "— failed"
expect_not_in "$T/out" "commit blocked"
grep -q $'\033' "$T/out" && fail "colours in a file"
[ -s "$T/err" ] && { cat "$T/err" >&2; fail "verify wrote to stderr without a terminal"; }
# It went through an agent, started for it, so the cache is shared.
[ -n "$(agent_pid)" ] || fail "no agent was started"

# --json: verify/run's result as the protocol gives it, same exit status.
[ "$(verify_status --staged --json)" = 1 ] || fail "--json: not exit 1"
python3 - "$T/out" <<'PY' || fail "--json result"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["ok"] is False, r
tsc = [c for c in r["checks"] if c["name"] == "tsc"][0]
assert tsc["status"] == "failed" and tsc["blocking"], tsc
d = tsc["diagnostics"][0]
assert (d["file"], d["line"], d["column"], d["category"]) == ("src/cart.ts", 15, 36, "type_error"), d
PY

# The same staged content again: answered from the agent's cache.
[ "$(verify_status --staged)" = 1 ] || fail "second run: not exit 1"
expect_in "$T/out" ", cached"

# No agent to be had (its socket cannot be made: the folder above it is
# missing): the same checks run in-process, with the same report.
AIRUNNER_SOCKET=$T/missing/sub/agent.sock verify_status --staged >"$T/rc"
[ "$(cat "$T/rc")" = 1 ] || { cat "$T/out" "$T/err" >&2; fail "in-process: not exit 1"; }
expect_in "$T/out" "$TYPE_ERROR"
[ -e "$T/missing/sub/agent.sock" ] && fail "an agent was started where none could be"

# A socket folder that is not safely ours (open to others) is refused, not
# used and not worked around: verify says so and exits 2.
mkdir -p -m 755 "$T/open" && chmod 755 "$T/open"
AIRUNNER_SOCKET=$T/open/agent.sock verify_status --staged >"$T/rc"
[ "$(cat "$T/rc")" = 2 ] || { cat "$T/out" "$T/err" >&2; fail "unsafe socket: not exit 2"; }
expect_in "$T/err" "open to other users"
[ -e "$T/open/agent.sock" ] && fail "an agent was started on the refused socket"

# The work tree (the default) against the index: broken work tree, clean
# index: verify fails, verify --staged passes.
git reset -q
[ "$(verify_status)" = 1 ] || fail "broken work tree: not exit 1"
expect_in "$T/out" "$TYPE_ERROR"
[ "$(verify_status --staged)" = 0 ] || { cat "$T/out" >&2; fail "nothing staged: not exit 0"; }

# FILE arguments, relative to where the user stands.
[ "$(verify_status src/cart.ts)" = 1 ] || fail "verify FILE: not exit 1"
expect_in "$T/out" "$TYPE_ERROR"
(cd src && "$A" verify cart.ts >"$T/out" 2>&1)
[ $? = 1 ] || fail "verify FILE from a subfolder: not exit 1"
expect_in "$T/out" "$TYPE_ERROR"
# A file outside the work tree is refused, exit 2.
[ "$(verify_status /etc/hostname)" = 2 ] || fail "outside the work tree: not exit 2"
expect_in "$T/err" "airunner: verify:"

# After the fix: exit 0, the summary says ok.
git checkout -q -- src/cart.ts
[ "$(verify_status --all)" = 0 ] || { cat "$T/out" >&2; fail "--all on the fixed tree: not exit 0"; }
expect_in "$T/out" "— ok"
break_cart
git add src/cart.ts
[ "$(verify_status --staged)" = 1 ] || fail "re-broken: not exit 1"
git checkout -q HEAD -- src/cart.ts
sed -i 's/total: /total due: /' src/cart.ts
git add src/cart.ts
[ "$(verify_status --staged)" = 0 ] || { cat "$T/out" >&2; fail "fixed and staged: not exit 0"; }
[ "$(verify_status --staged --json)" = 0 ] || fail "fixed, --json: not exit 0"
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["ok"] is True' "$T/out" || fail "--json ok"
commit_ok "the fix"

# Usage errors: exit 2 with a message.
[ "$(verify_status --bogus)" = 2 ] || fail "unknown option: not exit 2"
expect_in "$T/err" "unknown option --bogus"
[ "$(verify_status --staged --all)" = 2 ] || fail "--staged --all: not exit 2"
cd "$T" && [ "$(GIT_CEILING_DIRECTORIES=$T verify_status)" = 2 ] || fail "outside a repository: not exit 2"
expect_in "$T/err" "not inside a git repository"
echo ok
