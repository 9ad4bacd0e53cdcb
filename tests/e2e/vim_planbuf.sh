#!/bin/bash
# The plan buffer, from a plan of the contract's shape (what plan/generate
# answers), with the real agent behind it:
#   the head (issue, summary) open, then one closed fold per subtask and
#   for the risks; each subtask's files, dependencies, criteria, estimate;
#   the cursor stays in the user's window when the plan arrives;
#   X on a subtask's fold executes that subtask: subtask/execute is sent
#   for it (the agent answers with an error, as it has no plan 7 or no
#   provider key here, shown as one message naming the subtask).
. "$(dirname "$0")/lib/vimlib.sh"

new_repo "$T/repo"
start_agent

cat >"$T/test.vim" <<'VIM'
try
  edit README.md
  let win = win_getid()
  let plan = #{id: 7, revision: 2, runId: 41,
        \ issue: #{source: 'jira', key: 'PROJ-12', title: 'Prices in euros', url: 'https://jira.example.com/browse/PROJ-12'},
        \ summary: "Format prices in euros.\nThen sell muffins.",
        \ subtasks: [
        \   #{id: 'S1', title: 'Euros', description: 'Change formatPrice.', files: ['src/format.ts'],
        \     newFiles: [], acceptanceCriteria: ['formatPrice(350) is "EUR 3.50"'], estimateHours: 1.5, dependsOn: []},
        \   #{id: 'S2', title: 'Muffins', description: 'Add a muffin.', files: ['src/index.ts'],
        \     newFiles: ['src/muffin.ts'], acceptanceCriteria: ['a muffin is sold', 'it costs 3.00'],
        \     estimateHours: 2, dependsOn: ['S1']}],
        \ risks: ['Parsers of "$"'], openQuestions: [], model: 'claude-test', created: '2026-11-30T05:00:00Z'}
  call airunner#plan#show(plan, $ROOT, #{costUsd: 0.0123})
  call assert_equal(win, win_getid(), 'the cursor stays in the user''s window')
  let nr = bufnr('airunner://plan/7')
  call assert_true(nr > 0 && bufwinid(nr) > 0, 'the plan is shown')
  call assert_equal([
        \ '# Plan 7, revision 2: PROJ-12 Prices in euros',
        \ 'https://jira.example.com/browse/PROJ-12',
        \ '',
        \ 'Format prices in euros.',
        \ 'Then sell muffins.',
        \ '',
        \ 'model claude-test, $0.0123, run 41. X on a subtask executes it (:AIExecute ID); zo opens, zR opens all.',
        \ '',
        \ '## S1 Euros  (1.5 h)',
        \ '  files: src/format.ts',
        \ '',
        \ '  Change formatPrice.',
        \ '',
        \ '  acceptance criteria:',
        \ '  - formatPrice(350) is "EUR 3.50"',
        \ '',
        \ '## S2 Muffins  (2 h)',
        \ '  files: src/index.ts',
        \ '  new files: src/muffin.ts',
        \ '  depends on: S1',
        \ '',
        \ '  Add a muffin.',
        \ '',
        \ '  acceptance criteria:',
        \ '  - a muffin is sold',
        \ '  - it costs 3.00',
        \ '',
        \ '## Risks',
        \ '- Parsers of "$"'], getbufline(nr, 1, '$'))

  call win_gotoid(bufwinid(nr))
  " Folds: the head open, each section closed.
  call assert_equal([0, -1], [foldlevel(4), foldclosed(4)])
  for [l, n] in [[9, 8], [17, 11], [28, 2]]
    call assert_equal([1, l, l + n - 1], [foldlevel(l), foldclosed(l + 1), foldclosedend(l)], 'fold at ' . l)
  endfor

  " X on S2: the request goes out for S2 of plan 7, revision 2.
  messages clear
  call cursor(17, 1)
  normal X
  call assert_equal(1, airunner#rpc#busy(), 'subtask/execute sent')
  call assert_equal('execute S2', get(get(airunner#rpc#pending(), 0, {}), 'title', ''))
  call Idle(30)
  call assert_match('^airunner: execute S2\%( (run \d\+)\)\=: ', get(Messages(), -1, ''))
catch
  call Fatal()
endtry
call Done()
VIM
ROOT=$PWD run_vim "$T/test.vim"
echo "ok: vim plan buffer"
