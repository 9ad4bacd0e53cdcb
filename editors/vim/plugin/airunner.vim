" airunner: the local developer agent, from vim. See :help airunner.
"
" Only commands are defined here; nothing talks to the agent until one is
" used (autoload/airunner.vim).

if exists('g:loaded_airunner')
  finish
endif
let g:loaded_airunner = 1

let s:commands = ['AIVerify', 'AIClassify', 'AIPlan', 'AIExecute', 'AIFix',
      \ 'AIRollback', 'AIRuns', 'AIMetrics', 'AICancel', 'AIStatus']

" The plugin speaks to the agent over vim's own channel in 'lsp' mode and
" its Unix sockets (ch_open('unix:...')): Vim 9.0. Neovim has neither; each
" command then says so once rather than failing on the first call.
if has('nvim') || v:version < 900 || !has('channel') || !has('job')
  function! s:unsupported() abort
    echohl ErrorMsg
    echomsg 'airunner: this plugin needs Vim 9.0 with +channel and +job'
          \ . (has('nvim') ? ' (Neovim is not supported)' : '')
    echohl None
  endfunction
  for s:c in s:commands
    execute 'command! -nargs=* -bang -range' s:c 'call s:unsupported()'
  endfor
  unlet s:c
  finish
endif

command! -bang -nargs=0 AIVerify call airunner#verify(<bang>0)
command! -range=% -nargs=? -complete=customlist,airunner#complete_tool AIClassify
      \ call airunner#classify(<line1>, <line2>, <q-args>)
command! -nargs=? -complete=customlist,airunner#complete_issue AIPlan call airunner#plan(<q-args>)
command! -nargs=? -complete=customlist,airunner#complete_subtask AIExecute
      \ call airunner#execute(<q-args>)
command! -nargs=0 AIFix call airunner#fix()
command! -bang -nargs=? AIRollback call airunner#rollback(<bang>0, <q-args>)
command! -bang -nargs=0 AIRuns call airunner#runs(<bang>0)
command! -nargs=? AIMetrics call airunner#metrics(<q-args>)
command! -nargs=? AICancel call airunner#cancel(<q-args>)
command! -nargs=0 AIStatus call airunner#status()

augroup airunner
  autocmd!
  autocmd BufWritePost * if get(g:, 'airunner_verify_on_save', 0) | call airunner#on_save() | endif
augroup END
