" airunner: runs and metrics in scratch buffers.

" "7d", "24h", "30m", "90s", "2w" or plain seconds, as `airunner metrics
" --since`: how far back, in seconds; -1 if it is none of those.
function! airunner#view#age(text) abort
  let m = matchlist(a:text, '^\(\d\+\%(\.\d\+\)\=\)\([smhdw]\=\)$')
  if empty(m)
    return -1
  endif
  return float2nr(str2float(m[1]) * #{s: 1, m: 60, h: 3600, d: 86400, w: 604800}[empty(m[2]) ? 's' : m[2]])
endfunction

" 830 ms, 12.3 s, 4 m, 2 h 5 m, 3 d.
function! airunner#view#duration(ms) abort
  let ms = type(a:ms) == v:t_float ? float2nr(a:ms) : a:ms
  if type(ms) != v:t_number
    return '-'
  elseif ms < 1000
    return ms . ' ms'
  elseif ms < 60000
    return printf('%.1f s', ms / 1000.0)
  elseif ms < 3600000
    return (ms / 60000) . ' m'
  elseif ms < 86400000
    return (ms / 3600000) . ' h ' . (ms % 3600000 / 60000) . ' m'
  endif
  return (ms / 86400000) . ' d'
endfunction

function! s:str(v) abort
  return type(a:v) == v:t_string ? a:v : ''
endfunction

function! s:when(t) abort
  return type(a:t) == v:t_number || type(a:t) == v:t_float
        \ ? strftime('%Y-%m-%d %H:%M:%S', float2nr(a:t)) : '-'
endfunction

" One run (the store's Run) on one line.
function! airunner#view#run_line(r) abort
  let what = join(filter([s:str(get(a:r, 'issueKey', v:null)), s:str(get(a:r, 'subtask', v:null))],
        \ '!empty(v:val)'), ' ')
  let outcome = s:str(get(a:r, 'outcome', v:null))
  let category = s:str(get(a:r, 'errorCategory', v:null))
  let cost = get(a:r, 'cost', v:null)
  return printf('%5d  %-8s %-11s %s %9s %5s %8s  %s%s%s',
        \ a:r.id, a:r.kind, a:r.state . (type(get(a:r, 'position', v:null)) == v:t_number
        \   ? ' #' . a:r.position : ''),
        \ s:when(get(a:r, 'created', v:null)), airunner#view#duration(get(a:r, 'durationMs', v:null)),
        \ get(a:r, 'attempts', 0) ? a:r.attempts . 'x' : '',
        \ (type(cost) == v:t_float || type(cost) == v:t_number) && cost > 0 ? printf('$%.4f', cost) : '',
        \ outcome, empty(category) ? '' : ' ' . category, empty(what) ? '' : '  ' . what)
endfunction

function! airunner#view#runs(runs, root) abort
  let lines = ['# airunner runs' . (empty(a:root) ? ' (every work tree)' : ' of ' . a:root),
        \ '#   id  kind     state       created               duration  att     cost  outcome']
  call extend(lines, map(copy(a:runs), 'airunner#view#run_line(v:val)'))
  if empty(a:runs)
    call add(lines, '(no runs yet)')
  endif
  call add(lines, '# <CR> on a run: its attempts, verification and events; :AIRollback ID undoes one')
  call airunner#ui#scratch('runs', lines, 'airunnerruns')
  nnoremap <buffer> <silent> <CR> :<C-U>call <SID>open_run()<CR>
endfunction

function! s:open_run() abort
  let id = matchstr(getline('.'), '^\s*\zs\d\+')
  if !empty(id)
    call airunner#run_detail(str2nr(id))
  endif
endfunction

function! airunner#view#run(detail, events) abort
  let r = a:detail.run
  let lines = ['# run ' . r.id . ': ' . r.kind . ' ' . r.state
        \ . (empty(s:str(get(r, 'workTree', v:null))) ? '' : ' in ' . r.workTree),
        \ airunner#view#run_line(r)]
  let msg = s:str(get(r, 'errorMessage', v:null))
  if !empty(msg)
    call add(lines, 'error: ' . msg)
  endif
  let attempts = get(a:detail, 'attempts', [])
  if !empty(attempts)
    call extend(lines, ['', '## attempts'])
    for a in attempts
      call add(lines, '- ' . json_encode(a))
    endfor
  endif
  let v = get(a:detail, 'verification', v:null)
  if type(v) == v:t_dict
    call extend(lines, ['', '## verification: ' . (get(v, 'ok', v:false) ? 'ok' : 'failed')])
    for c in get(v, 'checks', [])
      call add(lines, printf('- %s %s %s', c.name, get(c, 'status', ''),
            \ airunner#view#duration(get(c, 'durationMs', v:null))))
    endfor
  endif
  if !empty(a:events)
    call extend(lines, ['', '## events'])
    for e in a:events
      let data = get(e, 'data', v:null)
      call add(lines, printf('%3d %s %-10s %s%s', e.seq, strftime('%H:%M:%S', float2nr(e.time)),
            \ e.phase, s:str(get(e, 'message', v:null)),
            \ data is v:null ? '' : ' ' . json_encode(data)))
    endfor
  endif
  call airunner#ui#scratch('run/' . r.id, lines, 'airunnerrun')
endfunction

" --- metrics ----------------------------------------------------------------

function! s:rate(v) abort
  return type(a:v) == v:t_float || type(a:v) == v:t_number ? printf('%.1f%%', a:v * 100.0) : '-'
endfunction

function! s:ms(v) abort
  return type(a:v) == v:t_float || type(a:v) == v:t_number ? airunner#view#duration(a:v) : '-'
endfunction

function! s:row(name, runs) abort
  let d = get(a:runs, 'duration', {})
  return printf('%-10s %6d %6d %6d %9d %11d %8s %9s %9s', a:name, get(a:runs, 'total', 0),
        \ get(a:runs, 'succeeded', 0), get(a:runs, 'failed', 0), get(a:runs, 'cancelled', 0),
        \ get(a:runs, 'interrupted', 0), s:rate(get(a:runs, 'successRate', v:null)),
        \ s:ms(get(d, 'p50Ms', v:null)), s:ms(get(d, 'p95Ms', v:null)))
endfunction

" metrics/summary's result, as `airunner metrics` prints it.
function! airunner#view#metrics_lines(m, since) abort
  let lines = ['airunner runs since ' . strftime('%Y-%m-%d %H:%M', a:since), '',
        \ printf('%-10s %6s %6s %6s %9s %11s %8s %9s %9s', 'kind', 'runs', 'ok', 'failed',
        \ 'cancelled', 'interrupted', 'success', 'p50', 'p95')]
  for k in get(a:m, 'byKind', [])
    call add(lines, s:row(k.kind, k))
  endfor
  call add(lines, s:row('all', get(a:m, 'runs', {})))
  let t = get(a:m, 'tokens', {})
  call add(lines, '')
  call add(lines, printf('tokens: %d in, %d out, %d read from the prompt cache (%s of the prompt), %d written to it; cost $%.4f',
        \ get(t, 'input', 0), get(t, 'output', 0), get(t, 'cacheRead', 0),
        \ s:rate(get(a:m, 'cacheReadShare', v:null)), get(t, 'cacheWrite', 0),
        \ 0.0 + get(a:m, 'cost', 0)))
  let v = get(a:m, 'verification', {})
  let lat = get(v, 'hookLatency', {})
  call add(lines, printf('verification: %d runs, %d passed (%s); the hook waited p50 %s, p95 %s',
        \ get(v, 'runs', 0), get(v, 'passed', 0), s:rate(get(v, 'passRate', v:null)),
        \ s:ms(get(lat, 'p50Ms', v:null)), s:ms(get(lat, 'p95Ms', v:null))))
  let h = get(a:m, 'healing', {})
  call add(lines, printf('self-healing: %d runs needed more than one attempt, %d healed (%s)',
        \ get(h, 'runs', 0), get(h, 'healed', 0), s:rate(get(h, 'rate', v:null))))
  let top = get(a:m, 'topErrorCategories', [])
  if !empty(top)
    call add(lines, 'top error categories: ' . join(map(copy(top),
          \ 'v:val.category . " (" . get(v:val, "runs", 0) . ")"'), ', '))
  endif
  return lines
endfunction

function! airunner#view#metrics(m, since) abort
  call airunner#ui#scratch('metrics', airunner#view#metrics_lines(a:m, a:since), 'airunnermetrics')
endfunction
