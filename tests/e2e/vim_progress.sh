#!/bin/bash
# Progress without stealing anything, on a real screen: vim under tmux with
# the plugin, a verification of two checks (one passes at once, one fails
# after 4 s). While it runs, its progress shows in the message line and the
# statusline, and the user goes on typing in insert mode; when it ends, the
# quickfix window opens, and the typing goes on where it was: the text is
# in the file's buffer, the cursor in the file's window, in insert mode.
. "$(dirname "$0")/lib/vimlib.sh"
command -v tmux >/dev/null || fail "tmux is not installed (scripts/debian-packages.txt has it)"

new_repo "$T/repo"
printf '[check "quick"]\n\tcommand = true\n[check "slow"]\n\tcommand = sh slow.sh\n' >.airunner
printf 'sleep 4\necho "slow.sh:1: error: too slow"\nexit 1\n' >slow.sh
printf 'first line\nsecond line\n' >notes.txt
start_agent

TMUX_SOCK=$T/tmux.sock
tm() { tmux -S "$TMUX_SOCK" "$@"; }
screen() { tm capture-pane -p -t vim; }
# wait_screen TEXT SECS: until the screen shows TEXT.
wait_screen() {
	for _ in $(seq $(($2 * 20))); do
		screen | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	screen >&2
	fail "the screen never showed '$1'"
}
tm -f /dev/null new-session -d -s vim -x 100 -y 30 \
	"vim -N -u NONE -i NONE --cmd 'set rtp^=$PLUGIN' --cmd 'runtime plugin/airunner.vim' \
	  --cmd 'set laststatus=2 statusline=%f%=%{airunner#statusline()}' notes.txt"
wait_screen "first line" 10

tm send-keys -t vim ':AIVerify' Enter
# The quick check's report arrives while the slow one runs.
wait_screen "airunner verify: quick passed (50%)" 10
screen | grep -q "AI: verify: quick passed" || { screen >&2; fail "no progress in the statusline"; }
# The user types on meanwhile, in insert mode.
tm send-keys -t vim 'gg' 'A' ' one'
sleep 0.3
screen | grep -q "first line one" || { screen >&2; fail "typing did not go to the buffer"; }
# The verification ends (the slow check fails): the list opens. (Its
# summary goes to the message history; in insert mode vim's -- INSERT --
# takes the line back at once.)
wait_screen "[Quickfix List]" 15
screen | grep -q "slow.sh|1 error| unknown: too slow" || { screen >&2; fail "no quickfix entry"; }
# Still typing where it was.
tm send-keys -t vim ' two' Escape
tm send-keys -t vim ":call writefile([getline(1), bufname('%'), win_gettype(), string(getqflist(#{winid: 1}).winid != 0), string(getpos('.')[1:2]), split(execute('messages'), '\\n')[-1]], '$T/state')" Enter
for _ in $(seq 100); do [ -s "$T/state" ] && break; sleep 0.05; done
[ -s "$T/state" ] || { screen >&2; fail "vim did not write its state"; }
tm send-keys -t vim ':qa!' Enter
expected="first line one two
notes.txt

1
[1, 18]
airunner: verify: 1 error, 0 warnings in 2 checks (slow failed)"
[ "$(sed -E '$s/, [0-9.]+ s$//' "$T/state")" = "$expected" ] || { printf 'got:\n%s\nwant:\n%s\n' "$(cat "$T/state")" "$expected" >&2; fail "the typing or the cursor was disturbed"; }
echo "ok: vim progress on a real screen"
