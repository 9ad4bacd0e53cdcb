#!/bin/bash
# The hook and the agent: no checks at all, a hanging check killed at its
# timeout, the agent not running (started on demand, or the checks run
# in-process when it cannot be), the agent dying mid-verification
# (hook.onError), and a hook that was there before running with ours.
. "$(dirname "$0")/lib/hooklib.sh"

A=$AIRUNNER_BIN

# No checks apply: the commit passes, quietly; the agent was started.
new_repo "$T/plain"
[ -z "$(agent_pid)" ] || fail "an agent runs before the test started one"
"$A" hooks install >/dev/null || fail "install"
echo hello >hello.txt && git add hello.txt
commit_ok "nothing to check"
[ ! -s "$T/out" ] || { cat "$T/out"; fail "a commit with nothing to check printed something"; }
[ -n "$(agent_pid)" ] || fail "the hook did not start the agent"

# git's variables for the hook (GIT_INDEX_FILE, GIT_DIR in a worktree) stay
# out of the agent it started and out of every check: a test suite running
# git would act on the wrong index or repository.
cat >.airunner <<'CFG'
[check "env"]
	command = "sh -c 'test -z \"$GIT_INDEX_FILE$GIT_DIR$GIT_PREFIX\" || { env | grep ^GIT_; exit 1; }'"
	files = *
CFG
git add .airunner
commit_ok "no git variables in checks"
git worktree add -q -b side "$T/plain-wt" && cd "$T/plain-wt" || fail "worktree"
echo side >side.txt && git add side.txt
commit_ok "no git variables in checks, from a worktree"
cd "$T/plain" && git rm -q --cached .airunner && rm .airunner

# A failing configured check blocks and shows its output.
cat >.airunner <<'CFG'
[check "fail"]
	command = "sh -c 'echo the-check-said-no; exit 3'"
	files = *
CFG
git add .airunner
commit_blocked "failing check"
expect_in "$T/out" "fail failed (exit 3"
expect_in "$T/out" "the-check-said-no"
expect_in "$T/out" "(fail failed)"

# A hanging check is killed at its timeout and reported as such.
cat >.airunner <<'CFG'
[check "hang"]
	command = sleep 100
	files = *
	timeout = 2
CFG
git add .airunner
commit_blocked "hanging check"
expect_in "$T/out" "hang timed out after"
expect_in "$T/out" "(hang timed out)"
for p in $(pgrep -x sleep); do
	tr '\0' '\n' <"/proc/$p/environ" 2>/dev/null | grep -qx "AIRUNNER_TEST_TAG=$T" &&
		fail "the timed-out check (pid $p) is still running"
done

# The agent dies while verifying: hook.onError decides, default block, and
# the message says how to bypass.
cat >.airunner <<'CFG'
[check "crash"]
	command = "sh -c 'kill -9 $PPID; sleep 5'"
	files = *
CFG
git add .airunner
commit_blocked "agent crash"
expect_in "$T/out" "hook.onError = block"
expect_in "$T/out" "git commit --no-verify"
expect_in "$T/out" "AIRUNNER_SKIP=1"
git config airunner.hook.onError allow
commit_ok "agent crash, allowed"
expect_in "$T/out" "commit allowed without verification"
git config --unset airunner.hook.onError
git rm -q --cached .airunner && rm .airunner

# A socket folder that is not safely ours (open to others here; another
# user's, or a symlink, in tests/protocol/hostile.test.mjs) is refused by the
# client before it sends a byte, and hook.onError decides, default block.
mkdir -p -m 755 "$T/open" && chmod 755 "$T/open"
new_repo "$T/refused"
"$A" hooks install >/dev/null || fail "install"
echo fine >fine.txt && git add fine.txt
AIRUNNER_SOCKET=$T/open/agent.sock commit_blocked "socket folder open to others"
expect_in "$T/out" "refusing the agent's socket $T/open/agent.sock"
expect_in "$T/out" "open to other users"
expect_in "$T/out" "hook.onError = block"
[ ! -e "$T/open/agent.sock" ] || fail "an agent was started on the refused socket"

# In-process when no agent can be reached or started (its folder cannot
# be made: the folder above it is missing), with the same verdicts.
new_repo "$T/inproc"
"$A" hooks install >/dev/null || fail "install"
cat >.airunner <<'CFG'
[check "fail"]
	command = "sh -c 'echo in-process-no; exit 4'"
	files = *
CFG
git add .airunner
AIRUNNER_SOCKET=$T/missing/sub/agent.sock commit_blocked "in-process failing check"
expect_in "$T/out" "in-process-no"
expect_in "$T/out" "fail failed (exit 4"
git rm -q --cached .airunner && rm .airunner
echo fine >fine.txt && git add fine.txt
AIRUNNER_SOCKET=$T/missing/sub/agent.sock commit_ok "in-process, nothing to check"

# No process outlives its check: a check that passes at once leaves a
# background child with its output closed, and one in a session of its own;
# both are gone when the commit is.
new_repo "$T/leftovers"
"$A" hooks install >/dev/null || fail "install"
cat >"$T/leave.sh" <<SH
sleep 300 >/dev/null 2>&1 &
echo \$! >"$T/bg.pid"
setsid sh -c 'echo \$\$ >"\$1"; exec sleep 300' sh "$T/sid.pid" >/dev/null 2>&1 &
sleep 0.2
SH
cat >.airunner <<CFG
[check "leave"]
	command = sh $T/leave.sh
	files = *
CFG
git add .airunner
commit_ok "a check that leaves children behind"
for f in bg sid; do
	[ -s "$T/$f.pid" ] || fail "the check did not record its $f child"
	p=$(cat "$T/$f.pid")
	for _ in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.05; done
	! kill -0 "$p" 2>/dev/null || fail "the check's $f child (pid $p) outlived it"
done

# A hook that was there runs first, with airunner after it.
new_repo "$T/chained"
printf '#!/bin/sh\necho previous-hook-ran >&2\n' >.git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
"$A" hooks install >/dev/null || fail "install over a hook"
cat >.airunner <<'CFG'
[check "fail"]
	command = false
	files = *
CFG
git add .airunner
commit_blocked "previous hook passes, airunner blocks"
expect_in "$T/out" "previous-hook-ran"
expect_in "$T/out" "fail failed"

echo "ok: hook and agent"
