" Helpers of the vim plugin tests (tests/e2e/vim_*.sh), sourced before the
" test's own script. Checks go to v:errors (vim's assert_* functions);
" Done() writes them and DONE to $OUT and quits: the shell judges.

" Waits (processing channel messages) until expr is true or secs pass;
" returns whether it became true.
function! Wait(expr, secs) abort
  let start = reltime()
  while !eval(a:expr)
    if reltimefloat(reltime(start)) > a:secs
      return 0
    endif
    sleep 20m
  endwhile
  return 1
endfunction

" The plugin's requests all answered.
function! Idle(secs) abort
  if !Wait('airunner#rpc#busy() == 0', a:secs)
    call add(v:errors, 'still waiting after ' . a:secs . ' s: '
          \ . string(map(airunner#rpc#pending(), 'v:val.title . " " . v:val.progress')))
    return 0
  endif
  return 1
endfunction

" The message history since the last :messages clear, line by line.
function! Messages() abort
  return filter(split(execute('messages'), "\n"), 'v:val !~# "^\\s*$"')
endfunction

function! Done() abort
  call writefile(v:errors + ['DONE'], $OUT)
  qa!
endfunction

" The test cannot run here (the agent lacks what it tests): the shell
" prints SKIP and the reason, and exits 77 (ctest: skipped, never passed).
" Checks made before still count.
function! Skip(reason) abort
  call writefile(v:errors + ['SKIP ' . a:reason], $OUT)
  qa!
endfunction

" Any vim error in the test script itself fails the test, and still writes.
function! Fatal() abort
  call add(v:errors, 'exception: ' . v:exception . ' at ' . v:throwpoint)
  call Done()
endfunction
