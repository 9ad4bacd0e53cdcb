" Driven by vim_lsp.sh: vim's own channel in lsp mode against the agent's
" socket. Writes one JSON line per exchange to $OUT; the shell test judges.
let s:lines = []
function s:Out(what, val) abort
  call add(s:lines, json_encode(#{what: a:what, val: a:val}))
endfunction

try
  let ch = ch_open('unix:' . $SOCK, #{mode: 'lsp', timeout: 5000})
  call s:Out('open', ch_status(ch))

  " Before initialize: the error reaches vim as a response.
  call s:Out('early', ch_evalexpr(ch, #{method: 'status'}))

  call s:Out('initialize', ch_evalexpr(ch, #{method: 'initialize', params: #{
        \ processId: getpid(), rootUri: 'file://' . $ROOT,
        \ clientInfo: #{name: 'vim', version: string(v:version)}, capabilities: {}}}))
  call ch_sendexpr(ch, #{method: 'initialized', params: {}})
  call s:Out('status', ch_evalexpr(ch, #{method: 'status'}))

  " A slow request with a callback, then cancelled as vim cancels: by the id
  " ch_sendexpr returns, in a $/cancelRequest notification.
  let s:cancelled = {}
  function s:OnSleep(ch, resp) abort
    let s:cancelled = a:resp
  endfunction
  let req = ch_sendexpr(ch, #{method: 'test/sleep', params: #{ms: 30000}},
        \ #{callback: function('s:OnSleep')})
  call ch_sendexpr(ch, #{method: '$/cancelRequest', params: #{id: req.id}})
  let s:deadline = reltime()
  while empty(s:cancelled) && reltimefloat(reltime(s:deadline)) < 5.0
    sleep 10m
  endwhile
  call s:Out('cancelled', s:cancelled)

  call s:Out('shutdown', ch_evalexpr(ch, #{method: 'shutdown'}))
  call ch_sendexpr(ch, #{method: 'exit'})
  let s:deadline = reltime()
  while ch_status(ch) ==# 'open' && reltimefloat(reltime(s:deadline)) < 5.0
    sleep 10m
  endwhile
  call s:Out('after_exit', ch_status(ch))
catch
  call s:Out('exception', v:exception)
endtry
call writefile(s:lines, $OUT)
qa!
