# shellcheck shell=bash
# Shared set-up of the vim plugin tests (tests/e2e/vim_*.sh): the hook
# tests' private scratch folder, socket and cleanup (hooklib.sh), plus
#   run_vim SCRIPT [vim args]   real vim, headless (`vim -Nu NONE -i NONE -es`)
#                               with the plugin from the tree on its runtimepath
#                               and tests/e2e/lib/vimtest.vim's helpers; the
#                               script's checks must all pass; a script
#                               that calls Skip() makes the test print SKIP
#                               and why, and exit 77 (ctest: not run).
#   start_agent                 the real agent on the private socket; $AGENT
#                               its pid. (The plugin can also start it.)
. "$(dirname "${BASH_SOURCE[0]}")/hooklib.sh"
command -v vim >/dev/null || fail "vim is not installed (scripts/debian-packages.txt has it)"

PLUGIN=$AIRUNNER_SRC/editors/vim
VIMTEST=$AIRUNNER_SRC/tests/e2e/lib/vimtest.vim
# The plugin finds the binary on PATH, as a user's vim would.
PATH=$(dirname "$AIRUNNER_BIN"):$PATH
export PATH

# run_vim SCRIPT [ARGS...]: SCRIPT (vim script) uses vimtest.vim's
# Check*/Wait/Done; what it reports lands in $T/vim.out, judged here.
run_vim() {
	local script=$1 status=0
	shift
	rm -f "$T/vim.out"
	OUT=$T/vim.out timeout 300 vim -N -u NONE -i NONE -es \
		--cmd "set rtp^=$PLUGIN" --cmd "runtime plugin/airunner.vim" \
		--cmd "source $VIMTEST" -S "$script" "$@" </dev/null >"$T/vim.stdout" 2>&1 || status=$?
	if [ ! -f "$T/vim.out" ]; then
		cat "$T/vim.stdout" >&2
		fail "vim ended (status $status) before its script said Done"
	fi
	if [ "$(wc -l <"$T/vim.out")" -eq 1 ] && grep -q '^SKIP ' "$T/vim.out"; then
		echo "SKIP: $(basename "$0"): $(cut -c6- "$T/vim.out")"
		exit 77
	fi
	if [ "$(tail -n 1 "$T/vim.out")" != DONE ] || [ "$(wc -l <"$T/vim.out")" -ne 1 ]; then
		cat "$T/vim.out" >&2
		[ ! -s "$T/agent.log" ] || { echo "--- the agent's log, last lines:"; tail -n 30 "$T/agent.log"; } >&2
		fail "checks failed in $(basename "$script")"
	fi
}

start_agent() {
	AIRUNNER_LOG=${AIRUNNER_LOG:-info} "$AIRUNNER_BIN" serve --socket "$AIRUNNER_SOCKET" 2>"$T/agent.log" &
	AGENT=$!
	disown "$AGENT" # ended by the cleanup (hooklib.sh), without a "Killed" line
	for _ in $(seq 500); do
		[ -S "$AIRUNNER_SOCKET" ] && return 0
		kill -0 "$AGENT" 2>/dev/null || { cat "$T/agent.log" >&2; fail "the agent exited"; }
		sleep 0.01
	done
	fail "the agent did not listen on $AIRUNNER_SOCKET"
}
