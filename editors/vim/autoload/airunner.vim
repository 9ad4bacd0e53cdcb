" airunner: the commands. See :help airunner.
"
" Each command asks the agent for the method it needs only when the agent's
" capabilities (initialize) list it; otherwise it says, once, that this
" agent does not support it. Long requests are asynchronous: vim stays
" usable, progress goes to the message area and airunner#statusline().

let s:last_plan = {}       " the last plan shown: the Plan object
let s:last_plan_root = ''
let s:last_run = 0         " the last execute / fix run, for :AIRollback

" --- the workspace ---------------------------------------------------------

" The git work tree of the current buffer (or of dir), else the current
" folder: .git is a folder in a repository, a file in a worktree.
function! airunner#root(...) abort
  if a:0
    let dir = a:1
  elseif exists('b:airunner_root')
    return b:airunner_root
  elseif &buftype ==# '' && !empty(expand('%:p'))
    let dir = expand('%:p:h')
  else
    let dir = getcwd()
  endif
  let dir = fnamemodify(dir, ':p')
  let where = escape(dir, ' ,;') . ';'
  let d = finddir('.git', where)
  let f = findfile('.git', where)
  let d = empty(d) ? '' : fnamemodify(d, ':p:h:h')
  let f = empty(f) ? '' : fnamemodify(f, ':p:h')
  let top = len(f) > len(d) ? f : d
  return empty(top) ? fnamemodify(getcwd(), ':p:s?/$??') : top
endfunction

" The channel, connected, with method served: else one message and 0.
function! s:require(method, command, root) abort
  if airunner#rpc#ensure(a:root) is v:null
    return 0
  endif
  if !airunner#rpc#supports(a:method)
    let ver = get(get(airunner#rpc#info(), 'serverInfo', {}), 'version', '?')
    call airunner#ui#error(':' . a:command . ' is not supported by this agent (airunner '
          \ . ver . ' does not serve ' . a:method . ')')
    return 0
  endif
  return 1
endfunction

" An error answer as one message; the kinds a user can act on say how.
function! s:rpc_error(title, err) abort
  let kind = get(get(a:err, 'data', {}), 'kind', '')
  let msg = get(a:err, 'message', 'error ' . get(a:err, 'code', '?'))
  if kind ==# 'cancelled'
    call airunner#ui#info(a:title . ': cancelled')
  elseif kind ==# 'method_not_found'
    call airunner#ui#error(a:title . ': not supported by this agent')
  elseif kind ==# 'auth'
    " The agent's words name the key when they can; else say which.
    let text = msg =~? 'api.key' ? msg : 'no API key: ' . msg
    if text !~# '_API_KEY'
      let text .= ' (the agent reads ANTHROPIC_API_KEY or OPENAI_API_KEY from its environment)'
    endif
    call airunner#ui#error(a:title . ': ' . text)
  else
    call airunner#ui#error(a:title . ': ' . msg)
  endif
endfunction

function! s:plural(n, word) abort
  return a:n . ' ' . a:word . (a:n == 1 ? '' : 's')
endfunction

function! s:secs(ms) abort
  return type(a:ms) == v:t_number || type(a:ms) == v:t_float
        \ ? printf('%.1f s', a:ms / 1000.0) : '-'
endfunction

" --- :AIVerify, :AIClassify ------------------------------------------------

function! airunner#verify(staged, ...) abort
  let root = airunner#root()
  if !s:require('verify/run', 'AIVerify', root)
    return
  endif
  let params = #{root: root, origin: 'editor'}
  if a:staged
    let params.staged = v:true
  endif
  let title = a:staged ? 'verify --staged' : 'verify'
  call airunner#rpc#start('verify/run', params, title,
        \ function('s:verified', [root, a:staged]), root)
endfunction

function! s:verified(root, staged, resp, p) abort
  if has_key(a:resp, 'error')
    return s:rpc_error(a:p.title, a:resp.error)
  endif
  let r = a:resp.result
  let items = airunner#qf#verify_items(r, a:root)
  call airunner#qf#set(items, 'airunner ' . a:p.title)
  let sum = get(r, 'summary', {})
  let failed = map(filter(copy(get(r, 'checks', [])),
        \ 'index(["failed", "timeout", "error"], get(v:val, "status", "")) >= 0'),
        \ 'v:val.name . " " . v:val.status')
  let text = a:p.title . ': ' . s:plural(get(sum, 'errors', 0), 'error') . ', '
        \ . s:plural(get(sum, 'warnings', 0), 'warning') . ' in '
        \ . s:plural(get(sum, 'checks', len(get(r, 'checks', []))), 'check')
        \ . (empty(failed) ? '' : ' (' . join(failed, ', ') . ')')
        \ . (get(r, 'cached', v:false) ? ', cached' : ', ' . s:secs(get(r, 'durationMs', v:null)))
  if get(r, 'ok', v:false)
    call airunner#ui#info(text . ' — ok')
  else
    call airunner#ui#error(text)
  endif
endfunction

function! airunner#classify(line1, line2, tool) abort
  let root = airunner#root()
  if !s:require('errors/classify', 'AIClassify', root)
    return
  endif
  let params = #{output: join(getline(a:line1, a:line2), "\n") . "\n"}
  if !empty(a:tool)
    let params.tool = a:tool
  endif
  " Paths in a log are relative to where the build ran: vim's folder.
  call airunner#rpc#start('errors/classify', params, 'classify',
        \ function('s:classified', [getcwd(), bufname('%')]), root)
endfunction

function! s:classified(base, name, resp, p) abort
  if has_key(a:resp, 'error')
    return s:rpc_error(a:p.title, a:resp.error)
  endif
  let diags = get(a:resp.result, 'diagnostics', [])
  call airunner#qf#set(airunner#qf#items(diags, a:base),
        \ 'airunner classify ' . (empty(a:name) ? '[No Name]' : a:name))
  let sum = get(a:resp.result, 'summary', {})
  call airunner#ui#info('classify: ' . s:plural(get(sum, 'errors', 0), 'error') . ', '
        \ . s:plural(get(sum, 'warnings', 0), 'warning') . ' in ' . s:plural(len(diags), 'diagnostic'))
endfunction

" :AIPlan's completion: file names (without -complete=file, which would
" expand a lone % before :AIPlan sees it).
function! airunner#complete_issue(lead, line, pos) abort
  return getcompletion(a:lead, 'file')
endfunction

" The tools errors/classify knows patterns for, for completion.
function! airunner#complete_tool(lead, line, pos) abort
  let tools = ['tsc', 'eslint', 'gcc', 'ld', 'python', 'node', 'jest', 'vitest',
        \ 'node:test', 'rustc', 'go', 'javac', 'tailwind']
  return filter(tools, 'stridx(v:val, a:lead) == 0')
endfunction

" --- :AIPlan, :AIExecute, :AIFix, :AIRollback ------------------------------

" What :AIPlan was given, as plan/generate's issue: a Jira key, a GitHub
" owner/repo#N, a URL, a file, or % (the current buffer, inline).
function! s:inline(lines, name, root) abort
  let title = get(filter(copy(a:lines), 'v:val =~# "\\S"'), 0, '')
  let title = substitute(title, '^\s*#*\s*', '', '')
  " A file of the work tree is named by its path there.
  let key = !empty(a:name) && stridx(a:name, a:root . '/') == 0 ? a:name[len(a:root) + 1:] : v:null
  return #{source: 'inline', key: key,
        \ title: empty(title) ? 'untitled' : title, description: join(a:lines, "\n"),
        \ url: v:null, status: v:null, labels: [], fields: {}}
endfunction

function! airunner#issue_of(arg, root) abort
  let arg = trim(a:arg)
  if empty(arg) || arg ==# '%'
    return s:inline(getline(1, '$'), expand('%:p'), a:root)
  elseif arg =~# '^https\=://'
    return #{url: arg}
  elseif arg =~# '^[A-Za-z][A-Za-z0-9_]*-\d\+$'
    return #{source: 'jira', key: arg}
  elseif arg =~# '^[A-Za-z0-9_.-]\+/[A-Za-z0-9_.-]\+#\d\+$'
    return #{source: 'github', key: arg}
  endif
  let path = fnamemodify(expand(arg), ':p')
  if filereadable(path) && stridx(path, a:root . '/') == 0
    return #{source: 'file', path: path, root: a:root}
  elseif filereadable(path)
    " The agent reads issue files of the work tree only: one from
    " elsewhere goes as its text.
    return s:inline(readfile(path), path, a:root)
  endif
  throw 'airunner: ' . arg . ' is not an issue key (PROJ-12, owner/repo#12), a URL, a file or %'
endfunction

function! airunner#plan(arg) abort
  let root = airunner#root()
  try
    let issue = airunner#issue_of(a:arg, root)
  catch /^airunner: /
    return airunner#ui#error(v:exception[10:])
  endtry
  if !s:require('plan/generate', 'AIPlan', root)
    return
  endif
  call airunner#rpc#start('plan/generate', #{root: root, issue: issue}, 'plan',
        \ function('s:planned', [root]), root)
endfunction

function! s:planned(root, resp, p) abort
  if has_key(a:resp, 'error')
    return s:rpc_error(a:p.title, a:resp.error)
  endif
  let r = a:resp.result
  call airunner#plan#show(r.plan, a:root, r)
  let s:last_plan = r.plan
  let s:last_plan_root = a:root
  call airunner#ui#info(printf('plan %d (revision %d): %s, $%.4f',
        \ r.plan.id, get(r.plan, 'revision', 1),
        \ s:plural(len(get(r.plan, 'subtasks', [])), 'subtask'), get(r, 'costUsd', 0.0)))
endfunction

" The last plan: the one shown in this vim, else the newest stored one of
" the work tree (when the agent serves plan/list and plan/get).
function! s:plan_for(root) abort
  if !empty(s:last_plan) && s:last_plan_root ==# a:root
    return s:last_plan
  endif
  if airunner#rpc#supports('plan/list') && airunner#rpc#supports('plan/get')
    let l = airunner#rpc#call('plan/list', #{root: a:root, limit: 1}, a:root)
    let plans = l is v:null ? [] : get(get(l, 'result', {}), 'plans', [])
    if !empty(plans)
      let g = airunner#rpc#call('plan/get', #{planId: plans[0].id}, a:root)
      if g isnot v:null && has_key(g, 'result')
        let s:last_plan = g.result
        let s:last_plan_root = a:root
        return g.result
      endif
    endif
  endif
  return {}
endfunction

function! airunner#complete_subtask(lead, line, pos) abort
  let plan = exists('b:airunner_plan') ? b:airunner_plan : s:last_plan
  if empty(plan) && airunner#rpc#connected()
    " The newest stored plan; never an agent started for a <Tab>.
    let plan = s:plan_for(airunner#root())
  endif
  let ids = map(copy(get(plan, 'subtasks', [])), 'v:val.id')
  return filter(ids, 'stridx(v:val, a:lead) == 0')
endfunction

function! airunner#last_plan() abort
  return s:last_plan
endfunction

function! airunner#execute(arg) abort
  let root = exists('b:airunner_plan') ? b:airunner_root : airunner#root()
  let id = trim(a:arg)
  if empty(id) && exists('b:airunner_plan')
    let id = airunner#plan#subtask_at(line('.'))
  endif
  if empty(id)
    return airunner#ui#error(':AIExecute needs a subtask id (S1, S2, ...: <Tab> completes)')
  endif
  if !s:require('subtask/execute', 'AIExecute', root)
    return
  endif
  let plan = exists('b:airunner_plan') ? b:airunner_plan : s:plan_for(root)
  if empty(plan)
    return airunner#ui#error(':AIExecute: no plan for ' . root . ' (make one with :AIPlan)')
  endif
  let subtask = get(filter(copy(get(plan, 'subtasks', [])), 'v:val.id ==# id'), 0, {})
  if empty(subtask)
    return airunner#ui#error(':AIExecute: plan ' . plan.id . ' has no subtask ' . id)
  endif
  " The agent reads the subtask from its plan store, at this revision.
  let params = #{root: root, planId: plan.id, subtaskId: id,
        \ revision: get(plan, 'revision', 1)}
  call airunner#rpc#start('subtask/execute', params, 'execute ' . id,
        \ function('s:executed', [root]), root)
endfunction

function! airunner#fix() abort
  let root = airunner#root()
  if !s:require('subtask/execute', 'AIFix', root)
    return
  endif
  " As `airunner fix`: the fixed files are staged again, never committed;
  " the user commits.
  let params = #{root: root, fix: #{staged: v:true}, priority: 'high'}
  call airunner#rpc#start('subtask/execute', params, 'fix',
        \ function('s:executed', [root]), root)
endfunction

" The files a run wrote, from its edit events (success or not: a failed
" run restored them, and the buffers follow the disk either way).
function! s:edited(p, result) abort
  let files = copy(get(a:result, 'files', []))
  for ev in a:p.events
    let data = get(ev, 'data', v:null)
    if type(data) == v:t_dict && type(get(data, 'path', v:null)) == v:t_string
      call add(files, data.path)
    endif
    if type(data) == v:t_dict && type(get(data, 'files', v:null)) == v:t_list
      call extend(files, data.files)
    endif
  endfor
  return uniq(sort(filter(files, 'type(v:val) == v:t_string')))
endfunction

function! s:executed(root, resp, p) abort
  let data = has_key(a:resp, 'error') ? get(a:resp.error, 'data', {}) : a:resp.result
  if type(data) != v:t_dict
    let data = {}
  endif
  if type(get(data, 'runId', v:null)) == v:t_number
    let s:last_run = data.runId
  endif
  let reloaded = airunner#ui#reload(a:root, s:edited(a:p, data))
  if has_key(a:resp, 'error')
    let diags = get(data, 'diagnostics', [])
    if type(diags) == v:t_list && !empty(diags)
      call airunner#qf#set(airunner#qf#items(diags, a:root), 'airunner ' . a:p.title)
    endif
    return s:rpc_error(a:p.title . (has_key(data, 'runId') ? ' (run ' . data.runId . ')' : ''),
          \ a:resp.error)
  endif
  let commit = get(data, 'commit', v:null)
  call airunner#ui#info(printf('%s: %s in %s, %s%s, $%.4f (run %d; :AIRollback undoes it)',
        \ a:p.title, get(data, 'state', 'done'), s:plural(get(data, 'attempts', 1), 'attempt'),
        \ s:plural(len(get(data, 'files', [])), 'file'),
        \ (type(commit) == v:t_string ? ', commit ' . commit[:9] : '')
        \ . (get(data, 'staged', v:false) is v:true ? ', staged again' : ''),
        \ get(data, 'costUsd', 0.0), get(data, 'runId', 0)))
endfunction

function! airunner#rollback(reset, arg) abort
  let root = airunner#root()
  let run = empty(trim(a:arg)) ? s:last_run : str2nr(trim(a:arg))
  if run <= 0
    return airunner#ui#error(':AIRollback needs a run id: no run was executed from this vim (see :AIRuns)')
  endif
  if !s:require('run/rollback', 'AIRollback', root)
    return
  endif
  let params = #{runId: run}
  if a:reset
    let params.mode = 'reset'
  endif
  call airunner#rpc#start('run/rollback', params, 'rollback ' . run,
        \ function('s:rolled_back', [root]), root)
endfunction

function! s:rolled_back(root, resp, p) abort
  if has_key(a:resp, 'error')
    return s:rpc_error(a:p.title, a:resp.error)
  endif
  let r = a:resp.result
  call airunner#ui#reload(a:root, s:edited(a:p, r))
  let commit = get(r, 'commit', v:null)
  call airunner#ui#info(printf('%s: %s (%s%s), %s', a:p.title,
        \ get(r, 'rolledBack', v:true) ? 'rolled back' : 'nothing to roll back',
        \ get(r, 'mode', '?'), type(commit) == v:t_string ? ' ' . commit[:9] : '',
        \ s:plural(len(get(r, 'files', [])), 'file')))
endfunction

" --- :AIRuns, :AIMetrics, :AIStatus, :AICancel ------------------------------

function! airunner#runs(all) abort
  let root = airunner#root()
  if !s:require('run/list', 'AIRuns', root)
    return
  endif
  let params = #{limit: 100}
  if !a:all
    let params.workTree = root
  endif
  let resp = airunner#rpc#call('run/list', params, root)
  if resp is v:null
    return
  elseif has_key(resp, 'error')
    return s:rpc_error('runs', resp.error)
  endif
  call airunner#view#runs(resp.result.runs, a:all ? '' : root)
endfunction

function! airunner#run_detail(run) abort
  let resp = airunner#rpc#call('run/get', #{run: a:run})
  if resp is v:null
    return
  elseif has_key(resp, 'error')
    return s:rpc_error('run ' . a:run, resp.error)
  endif
  let ev = airunner#rpc#supports('run/events')
        \ ? airunner#rpc#call('run/events', #{run: a:run}) : v:null
  call airunner#view#run(resp.result, ev is v:null ? [] : get(get(ev, 'result', {}), 'events', []))
endfunction

function! airunner#metrics(since) abort
  let root = airunner#root()
  if !s:require('metrics/summary', 'AIMetrics', root)
    return
  endif
  let age = airunner#view#age(empty(a:since) ? '7d' : a:since)
  if age < 0
    return airunner#ui#error(':AIMetrics takes an age: 7d, 24h, 30m, 90s (not ' . a:since . ')')
  endif
  let since = localtime() - age
  let resp = airunner#rpc#call('metrics/summary', #{since: since}, root)
  if resp is v:null
    return
  elseif has_key(resp, 'error')
    return s:rpc_error('metrics', resp.error)
  endif
  call airunner#view#metrics(resp.result, since)
endfunction

function! airunner#status() abort
  let root = airunner#root()
  if !s:require('status', 'AIStatus', root)
    return
  endif
  let resp = airunner#rpc#call('status', {}, root)
  if resp is v:null
    return
  elseif has_key(resp, 'error')
    return s:rpc_error('status', resp.error)
  endif
  let st = resp.result
  let lines = [printf('airunner %s, pid %d, up %s, %s%s, %s, %s',
        \ st.version, st.pid, airunner#view#duration(get(st, 'uptimeMs', 0)),
        \ get(st, 'transport', '?'), has_key(st, 'socket') ? ' ' . st.socket : '',
        \ s:plural(get(st, 'connections', 0), 'connection'),
        \ s:plural(get(st, 'requestsInFlight', 0), 'request') . ' in flight')]
  let jobs = get(st, 'jobs', {})
  call add(lines, printf('queue: %d running, %d queued', get(jobs, 'running', 0), get(jobs, 'queued', 0)))
  if airunner#rpc#supports('run/list')
    let l = airunner#rpc#call('run/list', #{limit: 20}, root)
    for r in l is v:null ? [] : get(get(l, 'result', {}), 'runs', [])
      if index(['queued', 'running'], r.state) >= 0
        call add(lines, '  ' . airunner#view#run_line(r))
      endif
    endfor
  endif
  for p in airunner#rpc#pending()
    call add(lines, 'this vim waits for: ' . p.title . (empty(p.progress) ? '' : ' (' . p.progress . ')'))
  endfor
  echo join(lines, "\n")
endfunction

" Cancels the newest request this vim waits for (or the run given).
function! airunner#cancel(arg) abort
  let arg = trim(a:arg)
  if !empty(arg)
    if !s:require('run/cancel', 'AICancel', airunner#root())
      return
    endif
    let resp = airunner#rpc#call('run/cancel', #{run: str2nr(arg)})
    if resp isnot v:null && has_key(resp, 'error')
      return s:rpc_error('cancel run ' . arg, resp.error)
    elseif resp isnot v:null
      call airunner#ui#info('run ' . arg . ' cancelled')
    endif
    return
  endif
  let pending = airunner#rpc#pending()
  if empty(pending)
    return airunner#ui#info('nothing to cancel: no request of this vim is running')
  endif
  let p = pending[-1]
  call airunner#rpc#cancel(p.id)
  call airunner#ui#progress(p.title . ': cancelling')
endfunction

" --- statusline --------------------------------------------------------------

" For 'statusline': '' when idle, else what this vim waits for, e.g.
" 'AI: verify: tsc failed (66%)'. Cheap: it reads state, never the agent.
function! airunner#statusline() abort
  let n = airunner#rpc#busy()
  if n == 0
    return ''
  endif
  let text = airunner#ui#progress_text()
  return 'AI: ' . (empty(text) ? n . ' running' : strcharpart(text, 0, 40))
        \ . (n > 1 ? ' +' . (n - 1) : '')
endfunction

" --- on save ----------------------------------------------------------------

let s:save_req = 0

" :AIVerify of the work tree after a write, when g:airunner_verify_on_save
" is set; a newer write cancels the verification of an older one.
function! airunner#on_save() abort
  if !get(g:, 'airunner_verify_on_save', 0) || &buftype !=# ''
    return
  endif
  let root = airunner#root()
  if !isdirectory(root . '/.git') && !filereadable(root . '/.git')
    return
  endif
  if s:save_req
    call airunner#rpc#cancel(s:save_req)
  endif
  if !s:require('verify/run', 'AIVerify', root)
    return
  endif
  let s:save_req = airunner#rpc#start('verify/run', #{root: root, origin: 'editor'},
        \ 'verify', function('s:verified_on_save', [root]), root)
endfunction

function! s:verified_on_save(root, resp, p) abort
  if a:p.id == s:save_req
    let s:save_req = 0
  endif
  if get(get(get(a:resp, 'error', {}), 'data', {}), 'kind', '') ==# 'cancelled'
    return
  endif
  call s:verified(a:root, 0, a:resp, a:p)
endfunction
