" airunner: what the user sees: messages, progress, scratch buffers, and
" buffers reloaded after a run.

let s:progress = ''

" One error, in the message history, never a stack of vim errors: a
" plain echomsg in ErrorMsg colours (echoerr inside a function would add
" "Error detected while processing" lines).
function! airunner#ui#error(msg) abort
  echohl ErrorMsg
  echomsg 'airunner: ' . a:msg
  echohl None
endfunction

function! airunner#ui#warn(msg) abort
  echohl WarningMsg
  echomsg 'airunner: ' . a:msg
  echohl None
endfunction

function! airunner#ui#info(msg) abort
  echomsg 'airunner: ' . a:msg
endfunction

" A line cut to the screen's width, so that no message asks for Enter.
function! s:fit(text) abort
  let width = &columns - 12
  let text = substitute(a:text, '[[:cntrl:]]', ' ', 'g')
  if strdisplaywidth(text) <= width
    return text
  endif
  while strdisplaywidth(text) > width - 1 && !empty(text)
    let text = strcharpart(text, 0, strchars(text) - 8)
  endwhile
  return text . '…'
endfunction

" Progress: the message area and the statusline. It never moves the cursor
" or changes windows: echo writes the message line only, and nothing is
" kept in the message history. Empty text clears the statusline part.
function! airunner#ui#progress(text) abort
  let s:progress = a:text
  if !empty(a:text) && get(g:, 'airunner_progress', 1)
    " Not over the command line the user is typing, nor in -es mode.
    if mode() !~# '^c' && mode() !=# 'ce'
      echo s:fit('airunner ' . a:text)
    endif
  endif
  call airunner#ui#redraw_status()
endfunction

function! airunner#ui#redraw_status() abort
  if &laststatus > 0 && mode() !~# '^c'
    redrawstatus!
  endif
endfunction

function! airunner#ui#progress_text() abort
  return s:progress
endfunction

" A scratch buffer named airunner://NAME in a split (reused when it is
" shown), holding lines; the cursor goes to it (the user asked for it).
function! airunner#ui#scratch(name, lines, filetype) abort
  let bufname = 'airunner://' . a:name
  let nr = bufnr('^' . bufname . '$')
  let win = nr > 0 ? bufwinid(nr) : -1
  if win > 0
    call win_gotoid(win)
  else
    execute 'silent botright' min([len(a:lines) + 1, 20]) 'split'
    if nr > 0
      execute 'silent buffer' nr
    else
      execute 'silent edit' fnameescape(bufname)
    endif
  endif
  setlocal buftype=nofile bufhidden=hide noswapfile nobuflisted
  setlocal modifiable noreadonly nolist nospell
  silent %delete _
  call setline(1, a:lines)
  setlocal nomodifiable nomodified
  execute 'setlocal filetype=' . a:filetype
  return bufnr('%')
endfunction

" --- buffers of files a run changed ----------------------------------------

let s:reload = {}

function! s:on_changed() abort
  let nr = str2nr(expand('<abuf>'))
  if !has_key(s:reload, nr)
    " Not ours to decide: the user's settings (or vim's question) apply.
    let v:fcs_choice = 'ask'
    return
  endif
  if v:fcs_reason ==# 'deleted'
    let v:fcs_choice = ''
    call add(s:reload[nr], 'deleted')
  else
    let v:fcs_choice = 'reload'
    call add(s:reload[nr], 'reloaded')
  endif
endfunction

" Brings the buffers of files a run wrote (paths relative to root, or
" absolute) up to date with the disk, as :checktime does, but without a
" question: a buffer with no unsaved changes is reloaded; one with unsaved
" changes is never overwritten, and the user is told. Returns
" {reloaded: [paths], kept: [paths], deleted: [paths]}.
function! airunner#ui#reload(root, files) abort
  let res = #{reloaded: [], kept: [], deleted: []}
  let s:reload = {}
  " Loaded buffers by their file's real path (the agent's paths may be
  " the real ones where vim's go through a symlink, or the other way).
  let loaded = {}
  for b in getbufinfo(#{bufloaded: 1})
    if !empty(b.name) && getbufvar(b.bufnr, '&buftype') ==# ''
      let loaded[resolve(fnamemodify(b.name, ':p'))] = b.bufnr
    endif
  endfor
  for f in a:files
    let path = resolve(fnamemodify(f =~# '^/' ? f : a:root . '/' . f, ':p'))
    let nr = get(loaded, path, -1)
    if nr < 0
      continue
    endif
    if getbufvar(nr, '&modified')
      call add(res.kept, f)
      continue
    endif
    let s:reload[nr] = []
  endfor
  if !empty(s:reload)
    augroup airunner_reload
      autocmd!
      autocmd FileChangedShell * call s:on_changed()
    augroup END
    try
      for nr in keys(s:reload)
        execute 'silent checktime' nr
      endfor
    finally
      autocmd! airunner_reload
      augroup! airunner_reload
    endtry
    for [nr, what] in items(s:reload)
      let name = fnamemodify(bufname(str2nr(nr)), ':.')
      if index(what, 'deleted') >= 0
        call add(res.deleted, name)
      elseif index(what, 'reloaded') >= 0
        call add(res.reloaded, name)
      endif
    endfor
  endif
  if !empty(res.kept)
    call airunner#ui#warn('not reloaded (unsaved changes here; the file changed on disk): '
          \ . join(res.kept, ', '))
  endif
  if !empty(res.deleted)
    call airunner#ui#warn('deleted on disk, buffer kept: ' . join(res.deleted, ', '))
  endif
  return res
endfunction
