#!/bin/bash
# :AIFix after a blocked commit, and :AIRollback of the fix, from vim, with
# the provider test server playing a scripted model, the real agent, real
# git and real tsc on the bundled TypeScript example:
#   :AIVerify!   the staged type error in the quickfix list;
#   :AIFix       the model replaces the bad line; the checks pass; the file
#                is staged again (not committed) and its buffer reloaded;
#   :AIRollback  the fix undone: the file, and its buffer, as before.
. "$(dirname "$0")/lib/vimlib.sh"
. "$(dirname "$0")/lib/llmlib.sh"

example_repo "$T/ex"
sed -i 's/formatPrice(total(items))/formatPrice(String(total(items)))/' src/cart.ts
git add src/cart.ts
HEAD0=$(git rev-parse HEAD)
start_agent

# The model: one edit (after its thinking, as the ladder asks for it), then
# its closing words.
llm_control POST /__control/script "$(node -e '
	const think = (t) => ({ type: "thinking", thinking: t, signature: "auto" });
	console.log(JSON.stringify({ anthropic: [
		{ content: [think("total() already returns a number."),
			{ type: "tool_use", name: "replace_in_file", input: { path: "src/cart.ts",
				old_text: "formatPrice(String(total(items)))",
				new_text: "formatPrice(total(items))" } }] },
		{ content: [think("Fixed."), { type: "text", text: "formatPrice takes the number as it is." }] },
	] }));')" >/dev/null

cat >"$T/test.vim" <<'VIM'
try
  edit src/cart.ts
  let broken = getline(1, '$')
  AIVerify!
  call Idle(120)
  call assert_equal(1, len(filter(getqflist(), 'v:val.valid')), 'the staged error is listed')
  if !airunner#rpc#supports('subtask/execute')
    call Skip('the agent does not serve subtask/execute')
  endif

  messages clear
  AIFix
  call Idle(300)
  let msgs = Messages()
  call assert_match('^airunner: fix: succeeded in 1 attempt, 1 file, staged again, \$\d.* (run \d\+; :AIRollback undoes it)$',
        \ get(filter(copy(msgs), 'v:val =~# "fix:"'), 0, string(msgs)))
  call assert_equal(map(copy(broken), {_, l -> substitute(l, 'String(total(items))', 'total(items)', '')}), getline(1, '$'),
        \ 'the buffer shows the fix')
  call assert_equal(0, &modified)
  call assert_equal('', system('git diff --cached HEAD -- src/cart.ts'), 'the fix is staged')
  call assert_equal($HEAD0, trim(system('git rev-parse HEAD')), 'and not committed')

  messages clear
  AIRollback
  call Idle(120)
  let msgs = Messages()
  call assert_match('^airunner: rollback \d\+: rolled back (restore), 1 file$',
        \ get(filter(copy(msgs), 'v:val =~# "rollback"'), 0, string(msgs)))
  call assert_equal(broken, getline(1, '$'), 'the buffer as before the fix')
  call assert_match('String(total(items))', system('git show :src/cart.ts'), 'the index as before')
catch
  call Fatal()
endtry
call Done()
VIM
HEAD0=$HEAD0 run_vim "$T/test.vim"
echo "ok: vim fix and rollback"
