#!/bin/bash
# Shell completion as a user gets it: bash loads completions/airunner.bash
# (`complete -p airunner`) and offers the commands, each command's options,
# and for `call` the methods the running agent advertises (nothing, quickly,
# when none runs); zsh finds _airunner on its fpath through compinit.
. "$(dirname "$0")/lib/hooklib.sh"
A=$AIRUNNER_BIN
BASH_COMPLETION=$AIRUNNER_SRC/completions/airunner.bash

# complete WORDS...: the words bash offers for the command line WORDS (the
# last one is the word being completed), sorted, on one line.
complete_words() {
	bash --norc --noprofile -c '
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
		_airunner airunner "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
		[ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}" | LC_ALL=C sort | tr "\n" " "' _ "$BASH_COMPLETION" "$@"
}

expect_words() {
	local want=$1 got
	shift
	got=$(complete_words "$@")
	[ "$got" = "$want" ] || fail "completing '$*': got '$got', want '$want'"
}

bash --norc --noprofile -c ". '$BASH_COMPLETION' && complete -p airunner" >"$T/spec" ||
	fail "the bash completion does not load"
expect_in "$T/spec" "complete -o default -F _airunner airunner"

expect_words "--help --version call classify fix hook hooks metrics plan runs serve verify " airunner ""
expect_words "verify " airunner ve
expect_words "--all --json --staged " airunner verify --
expect_words "--format --json --tool " airunner classify --
expect_words "gnu json report sarif " airunner classify --format ""
expect_words "sarif " airunner classify --format s
expect_words "install uninstall " airunner hooks ""
expect_words "pre-commit " airunner hook ""
expect_words "--no-start --socket --stdio --timeout " airunner call --

# `call`: no agent runs, so no method is offered, and none is started.
export PATH=$(dirname "$A"):$PATH
[ -z "$(agent_pid)" ] || fail "an agent runs before the test starts one"
start=$(date +%s%N)
expect_words "" airunner call ""
[ $(( ($(date +%s%N) - start) / 1000000 )) -lt 5000 ] || fail "completion waited for a missing agent"
[ -e "$AIRUNNER_SOCKET" ] && fail "completing started an agent"
# With an agent running: its methods.
"$A" call status >/dev/null || fail "starting the agent"
"$A" __complete-methods >"$T/methods"
expect_in "$T/methods" "verify/run"
expect_in "$T/methods" "errors/classify"
expect_words "verify/checks verify/run " airunner call verify/
expect_words "errors/classify " airunner call --timeout 100 err
# Only the method is completed, not the params after it.
expect_words "" airunner call status ""

# zsh: compinit finds _airunner on the fpath and binds it to airunner.
if command -v zsh >/dev/null; then
	zsh -n "$AIRUNNER_SRC/completions/_airunner" || fail "_airunner does not parse"
	got=$(zsh -f -c "fpath=('$AIRUNNER_SRC/completions' \$fpath); autoload -Uz compinit; compinit -u -D; print -r -- \$_comps[airunner]")
	[ "$got" = _airunner ] || fail "zsh binds '$got' to airunner, not _airunner"
else
	echo "zsh is not installed: its completion is not tested" >&2
fi
echo ok
