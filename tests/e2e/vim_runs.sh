#!/bin/bash
# The vim plugin's views of the agent: :AIStatus (the agent and its queue),
# :AICancel (the running request), :AIRuns (a run list, <CR> for one run's
# story) and :AIMetrics (the summary `airunner metrics` prints), against a
# real agent on the private socket and a repository with two checks: one
# that passes at once and one that sleeps.
. "$(dirname "$0")/lib/vimlib.sh"

new_repo "$T/repo"
printf '[check "quick"]\n\tcommand = true\n' >.airunner
git add .airunner && git commit -qm checks
echo x >a.txt
start_agent

cat >"$T/test.vim" <<'VIM'
try
  edit a.txt
  messages clear
  " The agent: its pid, its queue, the socket it serves.
  let out = execute('AIStatus')
  call assert_match('^\nairunner \S\+, pid ' . $AGENT . ', up .*, socket ' . $AIRUNNER_SOCKET, out)
  call assert_match('\nqueue: 0 running, 0 queued', out)

  " A verification that passes: recorded as a run.
  AIVerify
  call Idle(60)
  call assert_match('^airunner: verify: 0 errors, 0 warnings in 1 check, .* — ok$', get(Messages(), -1, ''))

  " One that waits, cancelled by :AICancel.
  call writefile(['[check "quick"]', "\tcommand = true", '[check "slow"]', "\tcommand = sleep 60"], '.airunner')
  messages clear
  AIVerify
  call assert_true(Wait('airunner#statusline() =~# "^AI: verify"', 10), 'statusline: ' . airunner#statusline())
  let out = execute('AIStatus')
  call assert_match('\nqueue: \%(1 running, 0\|0 running, 1\) queued', out)
  call assert_match('\n\s*\d\+  verify\s\+running', out)
  call assert_match('\nthis vim waits for: verify', out)
  AICancel
  call Idle(20)
  call assert_equal(['airunner: verify: cancelled'], Messages())
  call assert_equal('', airunner#statusline())
  " The agent records the cancellation as the run winds down.
  call assert_true(Wait('empty(filter(airunner#rpc#call("run/list", {}).result.runs, "v:val.state ==# ''running''"))', 10))

  " :AIRuns: both runs of this work tree, newest first.
  AIRuns
  call assert_equal('airunner://runs', bufname('%'))
  let runs = filter(getline(1, '$'), 'v:val =~# "^\\s*\\d"')
  call assert_equal(2, len(runs), string(getline(1, '$')))
  call assert_match('^\s*\d\+  verify\s\+cancelled ', get(runs, 0, ''))
  call assert_match('^\s*\d\+  verify\s\+succeeded .* passed', get(runs, 1, ''))
  " <CR> on the passed one: its checks and its events.
  call search('succeeded')
  execute "normal \<CR>"
  call assert_match('^airunner://run/\d\+$', bufname('%'))
  let detail = join(getline(1, '$'), "\n")
  call assert_match('^# run \d\+: verify succeeded in ' . $ROOT, detail)
  call assert_match('\n## verification: ok\n- quick passed', detail)
  call assert_match('\n## events\n.*started.*\n.*check \+quick passed', detail)

  " :AIMetrics: the summary of the last 7 days (2 verify runs: 1 passed).
  AIMetrics
  call assert_equal('airunner://metrics', bufname('%'))
  let m = getline(1, '$')
  call assert_match('^airunner runs since \d\{4}-', m[0])
  call assert_match('^verify\s\+2\s\+1\s\+0\s\+1\s', get(filter(copy(m), 'v:val =~# "^verify "'), 0, ''))
  call assert_match('^verification: \d\+ runs, 1 passed', get(filter(copy(m), 'v:val =~# "^verification:"'), 0, ''))
  " On save, when asked: a verification of the work tree.
  call writefile(['[check "quick"]', "\tcommand = true"], '.airunner')
  edit a.txt
  let g:airunner_verify_on_save = 1
  messages clear
  call setline(1, 'y')
  write
  call assert_equal(1, airunner#rpc#busy(), 'a write starts a verification')
  call Idle(60)
  call assert_match('^airunner: verify: 0 errors, 0 warnings in 1 check, .* — ok$', get(Messages(), -1, ''))
  unlet g:airunner_verify_on_save

  " Commands that need what this vim has not got say so, once.
  messages clear
  AIRollback
  call assert_equal(['airunner: :AIRollback needs a run id: no run was executed from this vim (see :AIRuns)'], Messages())
  messages clear
  AIExecute
  call assert_equal(['airunner: :AIExecute needs a subtask id (S1, S2, ...: <Tab> completes)'], Messages())
  messages clear
  AIMetrics yesterday
  call assert_equal(['airunner: :AIMetrics takes an age: 7d, 24h, 30m, 90s (not yesterday)'], Messages())
catch
  call Fatal()
endtry
call Done()
VIM
ROOT=$PWD AGENT=$AGENT run_vim "$T/test.vim"
echo "ok: vim status, cancel, runs and metrics"
