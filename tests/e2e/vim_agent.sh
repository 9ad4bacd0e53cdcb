#!/bin/bash
# When the agent cannot be had, each vim command says so in one clear
# message (in the message history, as `airunner: ...`), never a stack of
# vim errors:
#   not installed          no airunner on PATH (nor g:airunner_bin);
#   not startable          the socket's folder cannot be made;
#   refused                the socket's folder is open to others;
#   lost                   the agent dies while a verification runs: the
#                          request ends with one message, and the next
#                          command starts a new agent.
. "$(dirname "$0")/lib/vimlib.sh"

new_repo "$T/repo"
# A check that takes its time, so the agent can die while it runs.
printf '[check "slow"]\n\tcommand = sleep 60\n' >.airunner
echo 'x' >a.txt

cat >"$T/test.vim" <<'VIM'
" Exactly one message, matching pattern, and no vim error (E123:).
function! OneMessage(what, pattern) abort
  let msgs = Messages()
  call assert_equal(1, len(msgs), a:what . ': ' . string(msgs))
  call assert_match(a:pattern, get(msgs, 0, ''), a:what)
  call assert_equal([], filter(copy(msgs), 'v:val =~# "^E\\d\\+:\\|Error detected"'), a:what)
  messages clear
endfunction

try
  messages clear
  " Not installed: no binary by that name anywhere.
  let g:airunner_bin = 'airunner-not-installed'
  AIStatus
  call OneMessage('not installed', '^airunner: the agent is not installed: no ''airunner-not-installed'' on PATH')
  AIVerify!
  call OneMessage('not installed, verify', '^airunner: the agent is not installed')
  unlet g:airunner_bin

  " Installed, but it cannot start: its socket's folder cannot be made.
  let g:airunner_socket = '/proc/airunner-nowhere/agent.sock'
  AIStatus
  call OneMessage('not startable', '^airunner: the agent is not running and could not be started: cannot create /proc/airunner-nowhere')

  " A socket folder others may enter is refused before a byte is sent.
  let g:airunner_socket = $OPENDIR . '/agent.sock'
  AIRuns
  call OneMessage('unsafe', '^airunner: refusing the agent''s socket: .* is open to others (rwxr-xr-x)')
  unlet g:airunner_socket

  " Lost while working.
  edit a.txt
  AIStatus
  messages clear
  AIVerify
  call assert_true(Wait('airunner#statusline() =~# "slow\\|verify"', 10), 'progress in the statusline: ' . airunner#statusline())
  " Killed as a crash kills it (SIGTERM would stop it in order, answering
  " its requests cancelled).
  call system('kill -9 ' . airunner#rpc#call('status', {}).result.pid)
  call Idle(20)
  call OneMessage('lost', '^airunner: verify: lost the agent')
  call assert_equal('', airunner#statusline(), 'idle again')
  " The next command has a new agent.
  let out = execute('AIStatus')
  call assert_match('^\nairunner \S\+, pid \d\+, up ', out)
  call assert_equal([], Messages(), 'no message but the status')
catch
  call Fatal()
endtry
call Done()
VIM
mkdir -m 755 "$T/open"
OPENDIR=$T/open run_vim "$T/test.vim"
echo "ok: vim without an agent"
