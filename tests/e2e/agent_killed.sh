#!/bin/bash
# An agent stopped mid-verification leaves nothing behind: on SIGTERM or
# `shutdown {daemon: true}` the check is killed and the temporary checkout
# of the index removed; after a SIGKILL, the next agent to start kills the
# check the dead one left running and removes its checkout. Folders that are
# not a dead agent's (a live process's, a symlink, another name) stay.
. "$(dirname "$0")/lib/hooklib.sh"

A=$AIRUNNER_BIN
export TMPDIR=$T/tmp
mkdir -p "$TMPDIR"

# A partially staged file, so the staged content is checked in a checkout
# of the index; the check records its pid and then waits.
new_repo "$T/repo"
cat >.airunner <<CFG
[check "slow"]
	command = "sh -c 'echo \$\$ >$T/check.pid; exec sleep 300'"
	files = *.txt
	timeout = 600
CFG
echo staged >a.txt && git add .airunner a.txt && git commit -qm base
echo "staged change" >a.txt && git add a.txt && echo "not staged" >>a.txt

checkouts() { ls -d "$TMPDIR"/airunner-verify-* 2>/dev/null; }

# start_verification: an agent on our socket, a staged verify/run in the
# background; returns once the check runs in its checkout.
start_verification() {
	rm -f "$T/check.pid"
	"$A" serve >"$T/agent.log" 2>&1 &
	AGENT=$!
	for _ in $(seq 200); do "$A" call --no-start status >/dev/null 2>&1 && break; sleep 0.05; done
	"$A" call --no-start status >/dev/null 2>&1 || fail "the agent did not listen"
	"$A" call --no-start verify/run "{\"root\":\"$T/repo\",\"staged\":true}" >/dev/null 2>&1 &
	for _ in $(seq 400); do [ -s "$T/check.pid" ] && break; sleep 0.05; done
	[ -s "$T/check.pid" ] || fail "the check did not start"
	CHECK=$(cat "$T/check.pid")
	[ -n "$(checkouts)" ] || fail "no checkout of the index was made"
}

gone() { # gone PID: within 5 s
	for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.05; done
	return 1
}

# SIGTERM: an orderly stop ends the check and removes the checkout.
start_verification
kill -TERM "$AGENT"
wait "$AGENT" 2>/dev/null
gone "$CHECK" || fail "SIGTERM: the check $CHECK outlived the agent"
[ -z "$(checkouts)" ] || fail "SIGTERM: the checkout stayed: $(checkouts)"

# shutdown {daemon: true}: the same.
start_verification
"$A" call --no-start shutdown '{"daemon":true}' >/dev/null || fail "shutdown"
wait "$AGENT" 2>/dev/null
gone "$CHECK" || fail "shutdown: the check $CHECK outlived the agent"
[ -z "$(checkouts)" ] || fail "shutdown: the checkout stayed: $(checkouts)"

# SIGKILL: nothing can clean up then; the next agent does, and leaves alone
# what is not a dead agent's.
start_verification
left=$(checkouts)
kill -KILL "$AGENT"
wait "$AGENT" 2>/dev/null
kill -0 "$CHECK" 2>/dev/null || fail "SIGKILL: the check died with the agent (the test proves nothing)"
[ -n "$(checkouts)" ] || fail "SIGKILL: the checkout is already gone (the test proves nothing)"
mkdir -p "$TMPDIR/airunner-verify-$$-live" "$T/target"
echo keep >"$T/target/file"
ln -s "$T/target" "$TMPDIR/airunner-verify-999999-link"
mkdir -p "$TMPDIR/airunner-verify-notapid"
# Every agent sweeps the checks of any dead agent of its user: another
# test's agent, started now, may be the one that kills ours.
kill -0 "$CHECK" 2>/dev/null && ours=1 || ours=0
"$A" serve >"$T/agent2.log" 2>&1 &
AGENT=$!
# The dead agent's socket file is still there: wait for an answer, not it.
for _ in $(seq 200); do "$A" call --no-start status >/dev/null 2>&1 && break; sleep 0.05; done
"$A" call --no-start status >/dev/null || fail "the new agent does not answer"
gone "$CHECK" || fail "the new agent left the dead one's check $CHECK running"
[ ! -e "$left" ] || fail "the new agent left the dead one's checkout $left"
[ -d "$TMPDIR/airunner-verify-$$-live" ] || fail "a live process's folder was removed"
[ -L "$TMPDIR/airunner-verify-999999-link" ] || fail "a symlink was removed"
[ -f "$T/target/file" ] || fail "a symlink was followed"
[ -d "$TMPDIR/airunner-verify-notapid" ] || fail "a folder of another name was removed"
# Another test's agent may also start between the look above and ours and
# kill the check first: then ours still tells of the dead agent's checkout
# and run, which only it sweeps from this test's folders.
grep -q "killed 1 check process" "$T/agent2.log" || [ "$ours" = 0 ] ||
	grep -q "left by dead processes" "$T/agent2.log" ||
	{ cat "$T/agent2.log"; fail "the new agent did not say what it cleaned"; }
kill -TERM "$AGENT"
wait "$AGENT" 2>/dev/null
echo "ok: agent_killed"
