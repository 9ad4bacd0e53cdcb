# For the install and package tests: a repository whose check is `sh -n` on
# its shell scripts, committed through airunner's hook with the airunner
# found on PATH, as a user has it once installed.
#
# hook_round_trip BIN_DIR: with BIN_DIR first on PATH and no AIRUNNER_BIN,
# installs the hook with BIN_DIR/airunner, a broken script is blocked with
# the report, the fixed one is committed.
hook_round_trip() {
	local bindir=$1
	(
		unset AIRUNNER_BIN
		export PATH=$bindir:$PATH
		[ "$(command -v airunner)" = "$bindir/airunner" ] || fail "airunner on PATH is $(command -v airunner)"
		new_repo "$T/shrepo"
		cat >.airunner <<'X'
[check "sh"]
	command = sh -n {files}
	files = *.sh
X
		git add .airunner && git commit -qm "the sh check" || fail "committing .airunner"
		airunner hooks install >/dev/null || fail "hooks install"
		printf 'if then\n' >bad.sh
		git add bad.sh
		commit_blocked "a broken script"
		expect_in "$T/out" "sh failed (exit 2,"
		# dash's `bad.sh: 1: Syntax error: ...`, read by the general layer
		expect_in "$T/out" 'bad.sh:1: syntax_error: "then" unexpected'
		expect_in "$T/out" "commit blocked"
		printf 'if true; then echo fine; fi\n' >bad.sh
		git add bad.sh
		commit_ok "the fixed script"
		[ "$(git log -1 --format=%s)" = "the fixed script" ] || fail "the fix was not committed"
		# The agent the hook started is the installed one.
		pid=$(airunner call --no-start status | sed -n 's/.*"pid":\([0-9]*\).*/\1/p')
		[ -n "$pid" ] || fail "no agent runs after the commits"
		[ "$(readlink "/proc/$pid/exe")" = "$bindir/airunner" ] ||
			fail "the agent runs $(readlink "/proc/$pid/exe"), not $bindir/airunner"
		airunner call shutdown '{"daemon": true}' >/dev/null 2>&1
	) || exit 1
}

# patterns_from_prefix BIN SHARE: BIN classifies with the pattern folder of
# its own tree (SHARE/airunner/patterns), not the source tree's: a probe
# pattern put only there is used.
patterns_from_prefix() {
	local bin=$1 share=$2
	[ -f "$share/airunner/patterns/30-gcc.conf" ] || fail "no patterns under $share/airunner"
	cat >"$share/airunner/patterns/95-probe.conf" <<'X'
[pattern "probe.installed"]
tool = probe
category = test_failure
needle = PROBE-FROM-PREFIX
regex = ^(?<file>%{path}):(?<line>\d+): PROBE-FROM-PREFIX (?<msg>.+)$
hint = the installed pattern database answered
X
	(unset AIRUNNER_DATADIR; cd "$T" && echo "x.c:7: PROBE-FROM-PREFIX hello" | "$bin" classify --format gnu) >"$T/probe"
	[ $? = 1 ] || { cat "$T/probe" >&2; fail "the probe pattern did not match: not exit 1"; }
	expect_in "$T/probe" "x.c:7: error: [test_failure] hello"
	rm "$share/airunner/patterns/95-probe.conf"
}
