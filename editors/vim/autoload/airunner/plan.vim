" airunner: a plan in a scratch buffer, one subtask a fold.
"
" The buffer is airunner://plan/ID; its head (issue, summary) stays open,
" each `## S1 title` section is a fold, closed, so the plan reads as its list
" of subtasks first. In it, X (or :AIExecute with no argument) executes the
" subtask under the cursor.

function! s:list(label, values) abort
  let vals = filter(copy(type(a:values) == v:t_list ? a:values : []),
        \ 'type(v:val) == v:t_string')
  return empty(vals) ? [] : ['  ' . a:label . ': ' . join(vals, ', ')]
endfunction

function! s:para(text, indent) abort
  if type(a:text) != v:t_string || empty(a:text)
    return []
  endif
  return map(split(a:text, "\n", 1), 'empty(v:val) ? "" : a:indent . v:val')
endfunction

" The plan (plan/generate's Plan) as lines.
function! airunner#plan#lines(plan, ...) abort
  let extra = a:0 ? a:1 : {}
  let issue = get(a:plan, 'issue', {})
  let key = get(issue, 'key', v:null)
  let lines = [printf('# Plan %d, revision %d: %s%s', a:plan.id, get(a:plan, 'revision', 1),
        \ type(key) == v:t_string ? key . ' ' : '', get(issue, 'title', ''))]
  if type(get(issue, 'url', v:null)) == v:t_string
    call add(lines, issue.url)
  endif
  call add(lines, '')
  call extend(lines, s:para(get(a:plan, 'summary', ''), ''))
  let facts = []
  if has_key(a:plan, 'model')
    call add(facts, 'model ' . a:plan.model)
  endif
  if has_key(extra, 'costUsd')
    call add(facts, printf('$%.4f', extra.costUsd))
  endif
  if has_key(a:plan, 'runId')
    call add(facts, 'run ' . a:plan.runId)
  endif
  call extend(lines, ['', join(facts, ', ') . (empty(facts) ? '' : '. ')
        \ . 'X on a subtask executes it (:AIExecute ID); zo opens, zR opens all.'])
  for t in get(a:plan, 'subtasks', [])
    let hours = get(t, 'estimateHours', v:null)
    call add(lines, '')
    call add(lines, '## ' . t.id . ' ' . get(t, 'title', '')
          \ . (type(hours) == v:t_number || type(hours) == v:t_float
          \    ? printf('  (%s h)', substitute(string(hours), '\.0$', '', '')) : ''))
    call extend(lines, s:list('files', get(t, 'files', [])))
    call extend(lines, s:list('new files', get(t, 'newFiles', [])))
    call extend(lines, s:list('depends on', get(t, 'dependsOn', [])))
    let desc = s:para(get(t, 'description', ''), '  ')
    if !empty(desc)
      call extend(lines, [''] + desc)
    endif
    let crit = get(t, 'acceptanceCriteria', [])
    if type(crit) == v:t_list && !empty(crit)
      call extend(lines, ['', '  acceptance criteria:'])
      call extend(lines, map(copy(crit), '"  - " . v:val'))
    endif
  endfor
  for [label, key] in [['Risks', 'risks'], ['Open questions', 'openQuestions']]
    let vals = get(a:plan, key, [])
    if type(vals) == v:t_list && !empty(vals)
      call extend(lines, ['', '## ' . label] + map(copy(vals), '"- " . v:val'))
    endif
  endfor
  return lines
endfunction

function! airunner#plan#foldexpr(lnum) abort
  return getline(a:lnum) =~# '^## ' ? '>1' : '='
endfunction

function! airunner#plan#show(plan, root, ...) abort
  let win = win_getid()
  let nr = airunner#ui#scratch('plan/' . a:plan.id,
        \ airunner#plan#lines(a:plan, a:0 ? a:1 : {}), 'airunnerplan')
  let b:airunner_plan = a:plan
  let b:airunner_root = a:root
  setlocal foldmethod=expr foldexpr=airunner#plan#foldexpr(v:lnum) foldlevel=0
  setlocal foldtext=getline(v:foldstart)
  nnoremap <buffer> <silent> X :<C-U>call airunner#execute('')<CR>
  normal! gg
  " The plan arrives while the user works on: the cursor goes back.
  if !get(g:, 'airunner_plan_focus', 0)
    call win_gotoid(win)
  endif
  return nr
endfunction

" The subtask whose section holds line lnum, or ''.
function! airunner#plan#subtask_at(lnum) abort
  let l = a:lnum
  while l > 0
    let m = matchlist(getline(l), '^## \(\S\+\)')
    if !empty(m)
      return index(map(copy(get(b:airunner_plan, 'subtasks', [])), 'v:val.id'), m[1]) >= 0
            \ ? m[1] : ''
    endif
    let l -= 1
  endwhile
  return ''
endfunction
