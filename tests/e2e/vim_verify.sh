#!/bin/bash
# The vim plugin's verification and classification, as a vim user meets
# them: real vim (headless), the real agent (started by the plugin itself,
# as for a user with none running), real git and real tsc on the bundled
# TypeScript example.
#   :AIVerify!   the staged content: a staged type error fills the quickfix
#                list with one entry at src/cart.ts:15:36, type E, text
#                `type_error: message`, the hint as its continuation;
#                the window opens but the cursor stays where it was.
#   :AIVerify    the work tree's changes (fixed there): passes, empty list.
#   :AIClassify  a buffer holding a real tsc log (and a range of it).
. "$(dirname "$0")/lib/vimlib.sh"

example_repo "$T/ex"
ROOT=$PWD
sed -i 's/formatPrice(total(items))/formatPrice(String(total(items)))/' src/cart.ts
git add src/cart.ts
{ echo '> tsc --noEmit --pretty false'; node_modules/.bin/tsc --noEmit --pretty false; } >"$T/tsc.log" || true
grep -q 'src/cart.ts(15,36): error TS2345' "$T/tsc.log" || { cat "$T/tsc.log"; fail "tsc did not report the error"; }
# The work tree fixed, the index still broken.
git show HEAD:src/cart.ts >src/cart.ts
[ "$(agent_pid)" = "" ] || fail "an agent runs before the test"

cat >"$T/test.vim" <<'VIM'
try
  edit src/cart.ts
  call cursor(3, 5)
  let win = win_getid()
  messages clear

  AIVerify!
  call assert_equal(1, airunner#rpc#busy(), ':AIVerify! answers later: vim is not blocked')
  call Idle(120)
  let qf = getqflist(#{all: 1})
  call assert_match('verify --staged', qf.title)
  let valid = filter(copy(qf.items), 'v:val.valid')
  call assert_equal(1, len(valid), 'one entry: ' . string(qf.items))
  let e = get(valid, 0, {})
  call assert_equal($ROOT . '/src/cart.ts', fnamemodify(bufname(get(e, 'bufnr', 0)), ':p'))
  call assert_equal(15, get(e, 'lnum'))
  call assert_equal(36, get(e, 'col'))
  call assert_equal('E', get(e, 'type'))
  let [msg, hint] = (split(get(e, 'text', ''), "\n") + ['', ''])[:1]
  call assert_equal("type_error: Argument of type 'string' is not assignable to parameter of type 'number'.", msg)
  call assert_match("^hint: .*'string'.*'number'", hint)
  " The list opened, the cursor did not move.
  call assert_notequal(0, getqflist(#{winid: 1}).winid, 'the quickfix window is open')
  call assert_equal(win, win_getid(), 'still in the window the user was in')
  call assert_equal([3, 5], [line('.'), col('.')], 'the cursor did not move')
  call assert_match('^airunner: verify --staged: 1 error, 0 warnings in \d\+ checks (tsc failed', join(Messages(), "\n"))

  " The work tree's changes (cart.ts as committed): nothing to report.
  cclose
  messages clear
  AIVerify
  call Idle(120)
  call assert_match('^airunner verify$', getqflist(#{title: 1}).title)
  call assert_equal([], getqflist())
  call assert_equal(0, getqflist(#{winid: 1}).winid, 'no window for an empty list')
  call assert_match('verify: 0 errors, 0 warnings in \d\+ checks.* — ok', join(Messages(), "\n"))

  " A real tsc log in a buffer.
  execute 'edit' fnameescape($TSCLOG)
  AIClassify
  call Idle(60)
  let qf = getqflist(#{all: 1})
  call assert_match('classify', qf.title)
  let valid = filter(copy(qf.items), 'v:val.valid')
  call assert_equal(1, len(valid), string(qf.items))
  let e = get(valid, 0, {})
  call assert_equal($ROOT . '/src/cart.ts', fnamemodify(bufname(get(e, 'bufnr', 0)), ':p'))
  call assert_equal([15, 36, 'E'], [get(e, 'lnum'), get(e, 'col'), get(e, 'type')])
  call assert_match("^type_error: Argument of type 'string'.*\nhint: ", get(e, 'text', ''))
  " A range: the first line only holds no error.
  1AIClassify tsc
  call Idle(60)
  call assert_equal([], getqflist())
catch
  call Fatal()
endtry
call Done()
VIM
ROOT=$ROOT TSCLOG=$T/tsc.log run_vim "$T/test.vim"
[ -n "$(agent_pid)" ] || fail "the plugin did not start an agent"
echo "ok: vim verify and classify"
