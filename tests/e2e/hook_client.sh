#!/bin/bash
# airunner-hook, the hook's client on libc alone: it links none of the full
# binary's libraries, answers a commit through the running agent without
# running airunner at all, says what `airunner hook pre-commit` says byte for
# byte, and hands the rest to airunner (no agent, the agent failing,
# outside a commit, usage). Each airunner here is a wrapper that logs its
# arguments, so the test sees which binary did the work.
. "$(dirname "$0")/lib/hooklib.sh"

A=$(realpath "$AIRUNNER_BIN")
H=$(dirname "$A")/airunner-hook
[ -x "$H" ] || fail "no airunner-hook beside $A"

# 1. Static, or libc alone (and, in a sanitizer build, its runtimes): no
# curl, TLS, libgit2, SQLite, PCRE2, libev or tree-sitter to load on each
# commit.
command -v readelf >/dev/null || fail "readelf (binutils) is missing"
readelf -d "$H" >"$T/dynamic" || fail "readelf cannot read airunner-hook"
sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' "$T/dynamic" >"$T/needed"
bad=$(grep -vE '^(libc\.so|ld-linux|libasan|libubsan|libm\.so|libgcc_s|libpthread|libdl|librt)' "$T/needed")
[ -z "$bad" ] || fail "airunner-hook links more than libc: $bad"
readelf -d "$A" | grep -q 'libcurl' || fail "the check is blind: airunner itself shows no libcurl"

# The pair as installed: the client beside a (logging) airunner; and an
# airunner with no client beside it, the full binary alone.
mkdir -p "$T/pair" "$T/alone"
cp "$H" "$T/pair/airunner-hook"
for d in pair alone; do
	printf '#!/bin/sh\necho "$*" >>"%s"\nexec "%s" "$@"\n' "$T/$d.log" "$A" >"$T/$d/airunner"
	chmod +x "$T/$d/airunner"
	: >"$T/$d.log"
done
export AIRUNNER_BIN=$T/pair/airunner
same_report() {
	cmp -s "$1" "$2" || {
		diff "$1" "$2" >&2
		fail "$3: airunner-hook and airunner hook pre-commit said different things"
	}
}

new_repo "$T/repo"
"$A" hooks install >/dev/null || fail "install"
"$A" call status >/dev/null || fail "starting the agent"

# 2. The agent runs: the client answers, airunner never runs.
echo a >a.txt && git add a.txt
commit_ok "nothing to check"
[ ! -s "$T/out" ] || { cat "$T/out"; fail "a commit with nothing to check printed something"; }
[ ! -s "$T/pair.log" ] || fail "airunner ran though the agent was up: $(cat "$T/pair.log")"

# A failing check: blocked with the same report as the full binary's,
# compared on the cached verdict both give the second time (its durations
# are the first run's).
cat >.airunner <<'CFG'
[check "fail"]
	command = "sh -c 'echo the-check-said-no; echo second line >&2; exit 3'"
	files = *
[check "pass"]
	command = true
	files = *
CFG
git add .airunner
commit_blocked "a failing check, by the client"
[ ! -s "$T/pair.log" ] || fail "airunner ran for a verdict the agent gave: $(cat "$T/pair.log")"
expect_in "$T/out" "fail failed (exit 3"
expect_in "$T/out" "the-check-said-no"
expect_in "$T/out" "commit blocked"
commit_blocked "a failing check, by the client, cached"
cp "$T/out" "$T/client.out"
expect_in "$T/client.out" ", cached"
AIRUNNER_BIN=$T/alone/airunner commit_blocked "a failing check, by airunner"
grep -qx "hook pre-commit" "$T/alone.log" || fail "the full binary did not run without a client beside it"
same_report "$T/client.out" "$T/out" "a failing check"

# With the agent failing, hook.onError is applied by airunner, to the
# reason the client saw, the same words either way.
cat >.airunner <<'CFG'
[check "crash"]
	command = "sh -c 'kill -9 $PPID; sleep 5'"
	files = *
CFG
git add .airunner
commit_blocked "agent crash, by the client"
cp "$T/out" "$T/client.out"
grep -q -- "--agent-failed" "$T/pair.log" || fail "the client did not hand a failed agent to airunner: $(cat "$T/pair.log")"
expect_in "$T/client.out" "verification failed to run: the agent closed the connection"
expect_in "$T/client.out" "hook.onError = block"
"$A" call status >/dev/null || fail "restarting the agent"
AIRUNNER_BIN=$T/alone/airunner commit_blocked "agent crash, by airunner"
same_report "$T/client.out" "$T/out" "a crashed agent"
git config airunner.hook.onError allow
"$A" call status >/dev/null || fail "restarting the agent"
commit_ok "agent crash, allowed"
expect_in "$T/out" "commit allowed without verification"
git config --unset airunner.hook.onError
git rm -q --cached .airunner && rm .airunner

# 3. No agent: airunner runs, starts one, and the next commit is the
# client's again.
"$A" call --no-start shutdown '{"daemon": true}' >/dev/null 2>&1
for _ in $(seq 100); do [ -z "$(agent_pid)" ] && break; sleep 0.05; done
[ -z "$(agent_pid)" ] || fail "the agent did not stop"
: >"$T/pair.log"
echo b >b.txt && git add b.txt
commit_ok "no agent"
grep -qx "hook pre-commit" "$T/pair.log" || fail "no agent, and airunner did not run: $(cat "$T/pair.log")"
[ -n "$(agent_pid)" ] || fail "the fallback did not start the agent"
: >"$T/pair.log"
echo c >c.txt && git add c.txt
commit_ok "the agent started by the fallback"
[ ! -s "$T/pair.log" ] || fail "airunner ran though the agent was up: $(cat "$T/pair.log")"

# No agent to be had (its folder cannot be made): checked in-process by
# airunner, with the same verdict.
cat >.airunner <<'CFG'
[check "fail"]
	command = "sh -c 'echo in-process-no; exit 4'"
	files = *
CFG
git add .airunner
AIRUNNER_SOCKET=$T/missing/sub/agent.sock commit_blocked "in-process"
expect_in "$T/out" "in-process-no"
expect_in "$T/out" "fail failed (exit 4"
git rm -q --cached .airunner && rm .airunner

# 4. Found on PATH, with no AIRUNNER_BIN: the client beside the first
# airunner answers; an airunner with none beside it does the work itself.
: >"$T/pair.log"
: >"$T/alone.log"
echo d >d.txt && git add d.txt
(unset AIRUNNER_BIN && PATH=$T/pair:$PATH commit_ok "client on PATH") || exit 1
[ ! -s "$T/pair.log" ] || fail "airunner ran though its client is beside it on PATH"
echo e >e.txt && git add e.txt
(unset AIRUNNER_BIN && PATH=$T/alone:$T/pair:$PATH commit_ok "no client on PATH") || exit 1
grep -qx "hook pre-commit" "$T/alone.log" || fail "the first airunner on PATH did not run"
[ ! -s "$T/pair.log" ] || fail "a client beside a later airunner on PATH answered"

# The hook file names the installed client in its "#!" line: with no
# AIRUNNER_BIN and no airunner on PATH, that pair answers, and the kept
# hook runs first with git's arguments.
[ "$(head -n1 .git/hooks/pre-commit)" = "#!$H" ] || fail "the hook does not name $H"
printf '#!/bin/sh\necho "kept hook: $#" >>"%s"\n' "$T/kept.log" >.git/hooks/pre-commit.airunner-orig
chmod +x .git/hooks/pre-commit.airunner-orig
: >"$T/pair.log"
echo f >f.txt && git add f.txt
(unset AIRUNNER_BIN && PATH=/usr/bin:/bin commit_ok "the installed client") || exit 1
[ ! -s "$T/out" ] && [ ! -s "$T/pair.log" ] || fail "the installed client did not answer alone: $(cat "$T/out" "$T/pair.log")"
expect_in "$T/kept.log" "kept hook: 0"
printf '#!/bin/sh\necho kept-says-no >&2; exit 5\n' >.git/hooks/pre-commit.airunner-orig
echo g >g.txt && git add g.txt
commit_blocked "the kept hook says no"
expect_in "$T/out" "kept-says-no"
[ ! -s "$T/pair.log" ] || fail "airunner ran after the kept hook blocked the commit"
rm .git/hooks/pre-commit.airunner-orig

# 5. The client alone. AIRUNNER_SKIP: nothing runs. Outside a commit (no
# GIT_INDEX_FILE) and for a usage error, airunner does the work.
: >"$T/pair.log"
AIRUNNER_SKIP=yes GIT_INDEX_FILE=$PWD/.git/index "$T/pair/airunner-hook" pre-commit 2>"$T/out" ||
	fail "AIRUNNER_SKIP=yes did not pass"
[ ! -s "$T/out" ] && [ ! -s "$T/pair.log" ] || fail "AIRUNNER_SKIP=yes ran something"
"$T/pair/airunner-hook" pre-commit 2>"$T/out" || { cat "$T/out"; fail "outside a commit"; }
grep -qx "hook pre-commit" "$T/pair.log" || fail "outside a commit, airunner did not run"
"$T/pair/airunner-hook" pre-push 2>"$T/out"
[ $? = 2 ] || fail "a usage error must exit 2"
expect_in "$T/out" "usage: airunner hook pre-commit"

# With no airunner beside it nor on PATH and no agent, it says so and blocks.
mkdir -p "$T/lonely" && cp "$H" "$T/lonely/airunner-hook"
GIT_INDEX_FILE=$PWD/.git/index AIRUNNER_SOCKET=$T/missing/agent.sock PATH=/usr/bin:/bin \
	"$T/lonely/airunner-hook" pre-commit 2>"$T/out"
[ $? = 1 ] || fail "without an airunner to run, the commit must be blocked"
expect_in "$T/out" "cannot run $T/lonely/airunner"
expect_in "$T/out" "AIRUNNER_SKIP=1 git commit"

echo "ok: airunner-hook"
