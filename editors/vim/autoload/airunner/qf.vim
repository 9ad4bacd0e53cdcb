" airunner: diagnostics into the quickfix list.
"
" One entry a diagnostic: file, line, column, type (E, W, I), the text
" `category: message`, and the hint as the entry's continuation line (as
" errorformat's %C makes it: the text goes on after a newline, shown by
" :cc and joined in the quickfix window).

function! s:type(severity) abort
  return a:severity ==# 'error' ? 'E' : a:severity ==# 'warning' ? 'W' : 'I'
endfunction

" A diagnostic (errors/classify's and verify/run's shape) as a quickfix
" item; relative paths are taken from base.
function! airunner#qf#item(d, base) abort
  let text = get(a:d, 'category', 'unknown') . ': ' . get(a:d, 'message', '')
  let hint = get(a:d, 'hint', v:null)
  if type(hint) == v:t_string && !empty(hint)
    let text .= "\nhint: " . hint
  endif
  let item = #{text: text, type: s:type(get(a:d, 'severity', 'error'))}
  let file = get(a:d, 'file', v:null)
  if type(file) == v:t_string && !empty(file)
    let item.filename = file =~# '^/' ? file : a:base . '/' . file
  endif
  let line = get(a:d, 'line', v:null)
  if type(line) == v:t_number
    let item.lnum = line
  endif
  let col = get(a:d, 'column', v:null)
  if type(col) == v:t_number
    let item.col = col
  endif
  if !has_key(item, 'filename')
    " Nothing to jump to: shown, but :cnext passes over it.
    let item.valid = 0
  endif
  return item
endfunction

function! airunner#qf#items(diagnostics, base) abort
  return map(copy(a:diagnostics), 'airunner#qf#item(v:val, a:base)')
endfunction

" verify/run's result as items: every check's diagnostics; a check that
" failed without any it could read gets one entry saying so.
function! airunner#qf#verify_items(result, root) abort
  let items = []
  for c in get(a:result, 'checks', [])
    let diags = get(c, 'diagnostics', [])
    call extend(items, airunner#qf#items(diags, a:root))
    let status = get(c, 'status', '')
    if empty(diags) && index(['failed', 'timeout', 'error'], status) >= 0
      let out = filter(split(get(c, 'output', ''), "\n"), 'v:val =~# "\\S"')
      call add(items, #{valid: 0, type: get(c, 'blocking', v:true) ? 'E' : 'W',
            \ text: c.name . ' ' . status
            \ . (type(get(c, 'exitCode', v:null)) == v:t_number ? ' (exit ' . c.exitCode . ')' : '')
            \ . (empty(out) ? '' : ': ' . out[0])})
    endif
  endfor
  return items
endfunction

" A new quickfix list (the old ones stay in the stack, as :make does),
" opened when it has entries. The cursor stays where it is: the answer
" comes while the user works on.
function! airunner#qf#set(items, title) abort
  call setqflist([], ' ', #{title: a:title, items: a:items})
  if !empty(a:items) && get(g:, 'airunner_open_quickfix', 1)
    let win = win_getid()
    botright copen
    if !get(g:, 'airunner_quickfix_focus', 0)
      call win_gotoid(win)
    endif
  endif
endfunction
