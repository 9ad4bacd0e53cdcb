#!/bin/bash
# Work that needs a model, asked of an agent that has no provider key:
# one message that says so and where the key comes from, nothing else.
# (:AIFix after a staged verification failed; no ANTHROPIC_API_KEY or
# OPENAI_API_KEY anywhere.)
. "$(dirname "$0")/lib/vimlib.sh"
unset ANTHROPIC_API_KEY OPENAI_API_KEY ANTHROPIC_BASE_URL OPENAI_BASE_URL

new_repo "$T/repo"
printf '[check "broken"]\n\tcommand = sh broken.sh\n' >.airunner
printf 'echo "a.txt:1: error: broken on purpose"\nexit 1\n' >broken.sh
echo x >a.txt
git add -A
start_agent

cat >"$T/test.vim" <<'VIM'
try
  edit a.txt
  AIVerify!
  call Idle(60)
  call assert_equal(1, len(filter(getqflist(), 'v:val.valid')), string(getqflist()))
  if !airunner#rpc#supports('subtask/execute')
    call Skip('the agent does not serve subtask/execute')
  endif
  messages clear
  AIFix
  call Idle(60)
  let msgs = Messages()
  call assert_equal(1, len(msgs), string(msgs))
  call assert_match('^airunner: fix\%( (run \d\+)\)\=: .*no API key.*\%(ANTHROPIC\|OPENAI\)_API_KEY', get(msgs, 0, ''))
  call assert_equal(['x'], getline(1, '$'), 'nothing changed')
catch
  call Fatal()
endtry
call Done()
VIM
run_vim "$T/test.vim"
echo "ok: vim says when the agent has no API key"
