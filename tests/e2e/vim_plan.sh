#!/bin/bash
# A plan and its execution from vim, against the provider test server
# (tests/llm-server) playing a scripted model, the real agent, real git and
# real tsc on the bundled TypeScript example:
#   :AIPlan %        the issue in the current buffer: the plan in a scratch
#                    buffer, one subtask a fold;
#   :AIExecute S1    the model edits src/format.ts and src/index.ts; the
#                    checks pass; a commit; the buffer of format.ts is
#                    reloaded, the one of index.ts (unsaved changes) is not
#                    and the user is told;
#   :AIRollback      the run undone: format.ts's buffer as it was.
# Until the agent serves plan/generate, the test checks that :AIPlan says
# "not supported by this agent" in one message, then prints SKIP (exit 77).
. "$(dirname "$0")/lib/vimlib.sh"
. "$(dirname "$0")/lib/llmlib.sh"

example_repo "$T/ex"
ROOT=$PWD
printf '# Prices in euros\n\nShow every price as "EUR 3.50" rather than "$3.50", and sell muffins.\n' >"$T/issue.md"
start_agent

# The model's plan (a JSON object as its text, after its thinking), then the
# execution: two edits in one turn, and its closing words.
plan='{"summary":"Format prices in euros and add a muffin to the example.",
 "subtasks":[{"id":"S1","title":"Prices in euros, and a muffin",
   "description":"Change formatPrice to print EUR and add a muffin item in index.ts.",
   "files":["src/format.ts","src/index.ts"],"newFiles":[],
   "acceptanceCriteria":["formatPrice(350) returns \"EUR 3.50\""],
   "estimateHours":0.5,"dependsOn":[]}],
 "risks":["Callers that parse the dollar sign"],"openQuestions":[]}'
llm_control POST /__control/script "$(node -e '
	const plan = JSON.parse(process.argv[1]);
	const think = (t) => ({ type: "thinking", thinking: t, signature: "auto" });
	console.log(JSON.stringify({ anthropic: [
		{ content: [think("The issue asks for euros."), { type: "text", text: JSON.stringify(plan) }] },
		{ content: [think("Two small edits."),
			{ type: "tool_use", name: "replace_in_file", input: { path: "src/format.ts",
				old_text: "return `$${(cents / 100).toFixed(2)}`;",
				new_text: "return `EUR ${(cents / 100).toFixed(2)}`;" } },
			{ type: "tool_use", name: "replace_in_file", input: { path: "src/index.ts",
				old_text: "  { name: \"bagel\", price: 225, quantity: 1 },\n",
				new_text: "  { name: \"bagel\", price: 225, quantity: 1 },\n  { name: \"muffin\", price: 300, quantity: 1 },\n" } }] },
		{ content: [think("Both edits are in."), { type: "text", text: "Prices are in euros; a muffin is sold." }] },
	] }));' "$plan")" >/dev/null

cat >"$T/test.vim" <<'VIM'
set hidden
try
  " The user's files: format.ts as on disk, index.ts with unsaved changes.
  edit src/format.ts
  let format_orig = getline(1, '$')
  edit src/index.ts
  %s/coffee/tea/
  let index_user = getline(1, '$')
  execute 'edit' fnameescape($ISSUE)
  messages clear
  call assert_notequal(v:null, airunner#rpc#ensure($ROOT), 'connected')
  if !airunner#rpc#supports('plan/generate')
    AIPlan %
    call assert_equal(['airunner: :AIPlan is not supported by this agent (airunner '
          \ . airunner#rpc#info().serverInfo.version . ' does not serve plan/generate)'], Messages())
    call Skip('the agent does not serve plan/generate yet (its capabilities: '
          \ . join(airunner#rpc#methods(), ' ') . ')')
  endif

  let win = win_getid()
  AIPlan %
  call Idle(120)
  call assert_equal(win, win_getid(), 'the plan does not take the cursor')
  let plan = airunner#last_plan()
  call assert_false(empty(plan), 'a plan: ' . string(Messages()))
  call assert_equal(['S1'], map(copy(get(plan, 'subtasks', [])), 'v:val.id'))
  let pbuf = bufnr('^airunner://plan/' . get(plan, 'id', 0) . '$')
  call assert_true(pbuf > 0 && bufwinid(pbuf) > 0, 'the plan is shown')
  let lines = getbufline(pbuf, 1, '$')
  call assert_match('^# Plan \d\+, revision 1: .*Prices in euros', lines[0])
  call assert_notequal(-1, index(lines, '## S1 Prices in euros, and a muffin  (0.5 h)'), string(lines))
  call assert_notequal(-1, index(lines, '  files: src/format.ts, src/index.ts'))
  call assert_notequal(-1, index(lines, '## Risks'))
  call win_gotoid(bufwinid(pbuf))
  call cursor(index(lines, '## S1 Prices in euros, and a muffin  (0.5 h)') + 1, 1)
  call assert_equal([1, 1], [foldlevel('.'), foldclosed('.') == line('.')], 'S1 is a closed fold')
  call assert_equal(['S1'], airunner#complete_subtask('', 'AIExecute ', 10))
  call win_gotoid(win)

  messages clear
  AIExecute S1
  call Idle(300)
  let msgs = Messages()
  call assert_match('^airunner: execute S1: succeeded in 1 attempt, 2 files, commit \x\{10}', get(filter(copy(msgs), 'v:val =~# "execute S1:"'), 0, string(msgs)))
  call assert_match('not reloaded (unsaved changes here.*): src/index.ts', join(msgs, "\n"))
  call assert_equal(['export function formatPrice(cents: number): string {',
        \ '  return `EUR ${(cents / 100).toFixed(2)}`;', '}'], getbufline(bufnr('src/format.ts'), 1, '$'),
        \ 'format.ts reloaded')
  call assert_equal(index_user, getbufline(bufnr('src/index.ts'), 1, '$'), 'index.ts kept as the user has it')
  call assert_equal(1, getbufvar(bufnr('src/index.ts'), '&modified'))
  call assert_match('muffin', system('git -C ' . shellescape($ROOT) . ' show HEAD:src/index.ts'))

  messages clear
  AIRollback
  call Idle(120)
  call assert_match('^airunner: rollback \d\+: rolled back', get(filter(Messages(), 'v:val =~# "rollback"'), 0, ''))
  call assert_equal(format_orig, getbufline(bufnr('src/format.ts'), 1, '$'), 'format.ts back')
  call assert_equal(index_user, getbufline(bufnr('src/index.ts'), 1, '$'), 'index.ts still the user''s')
  call assert_notmatch('muffin', system('git -C ' . shellescape($ROOT) . ' show HEAD:src/index.ts'))
catch
  call Fatal()
endtry
call Done()
VIM
ROOT=$ROOT ISSUE=$T/issue.md run_vim "$T/test.vim"
echo "ok: vim plan, execute and rollback"
