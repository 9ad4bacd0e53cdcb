" airunner: the connection to the agent.
"
" One channel per vim, in vim's own 'lsp' mode (the agent's framing is LSP's,
" so no shim sits between them), to the user's agent on its Unix socket. The
" agent is started with `airunner call status` when none answers: that is the
" command line's own start-up (a lock decides who serves, the log goes to the
" state folder), so vim follows the same rules as the hook and the CLI.
"
" Everything here reports failure as one clear message (airunner#ui#error)
" and returns v:null; callers never see a stack of vim errors.

let s:ch = v:null          " the channel, once initialized
let s:init = {}            " initialize's result
let s:pending = {}         " request id -> {method, title, token, cb, run, progress}
let s:runs = {}            " run id -> the request id that started it
let s:seq = 0              " for progress tokens
let s:gen = 0              " the connection's number: a closed one's news is its own
let s:uid = ''

" --- where the agent is -------------------------------------------------

" The binary: g:airunner_bin, $AIRUNNER_BIN, then PATH. '' when none.
function! airunner#rpc#bin() abort
  let bin = get(g:, 'airunner_bin', '')
  if empty(bin)
    let bin = $AIRUNNER_BIN
  endif
  if empty(bin)
    return exepath('airunner')
  endif
  return executable(bin) ? exepath(bin) : ''
endfunction

function! s:bin_name() abort
  return get(g:, 'airunner_bin', empty($AIRUNNER_BIN) ? 'airunner' : $AIRUNNER_BIN)
endfunction

" The socket, by the agent's rules: g:airunner_socket, $AIRUNNER_SOCKET,
" $XDG_RUNTIME_DIR/airunner/agent.sock, /tmp/airunner-UID/agent.sock.
function! airunner#rpc#socket() abort
  if !empty(get(g:, 'airunner_socket', ''))
    return g:airunner_socket
  elseif !empty($AIRUNNER_SOCKET)
    return $AIRUNNER_SOCKET
  elseif !empty($XDG_RUNTIME_DIR)
    return $XDG_RUNTIME_DIR . '/airunner/agent.sock'
  endif
  if empty(s:uid)
    let s:uid = trim(system('id -u'))
  endif
  return '/tmp/airunner-' . s:uid . '/agent.sock'
endfunction

" Vim cannot read SO_PEERCRED, so it checks what it can before it sends a
" byte: the socket's folder is a real folder (not a symlink) closed to
" others. A folder of mode 0700 that we can reach into is ours (or we are
" root), and nobody else can have put a socket in it. '' when safe (or
" absent: the agent creates it), else why not.
function! s:unsafe_dir(sock) abort
  let dir = fnamemodify(a:sock, ':h')
  let type = getftype(dir)
  if type ==# ''
    return ''
  elseif type !=# 'dir'
    return dir . ' is not a folder (' . type . ')'
  elseif getfperm(dir) !=# 'rwx------'
    return dir . ' is open to others (' . getfperm(dir) . '); it must be 0700'
  endif
  return ''
endfunction

" --- connecting ------------------------------------------------------------

function! airunner#rpc#connected() abort
  return s:ch isnot v:null && ch_status(s:ch) ==# 'open'
endfunction

function! airunner#rpc#info() abort
  return s:init
endfunction

" The methods the agent serves (initialize's capabilities).
function! airunner#rpc#methods() abort
  return get(get(s:init, 'capabilities', {}), 'methods', [])
endfunction

function! airunner#rpc#supports(method) abort
  return index(airunner#rpc#methods(), a:method) >= 0
endfunction

function! s:try_open(sock) abort
  if getftype(a:sock) !=# 'socket'
    return v:null
  endif
  try
    let ch = ch_open('unix:' . a:sock, #{mode: 'lsp',
          \ callback: function('s:on_message'), close_cb: function('s:on_close', [s:gen + 1])})
  catch
    return v:null
  endtry
  return ch_status(ch) ==# 'open' ? ch : v:null
endfunction

" Starts the agent the way the command line does, and waits (bounded) for
" the command to end. '' on success, else the reason.
function! s:start_agent(bin, sock) abort
  let out = tempname()
  let env = {'AIRUNNER_SOCKET': a:sock}
  try
    let job = job_start([a:bin, 'call', 'status'], #{in_io: 'null',
          \ out_io: 'file', out_name: out, err_io: 'out', env: env,
          \ stoponexit: ''})
  catch
    return 'cannot run ' . a:bin . ': ' . v:exception
  endtry
  if job_status(job) ==# 'fail'
    return 'cannot run ' . a:bin
  endif
  let start = reltime()
  while job_status(job) ==# 'run' && reltimefloat(reltime(start)) < 15.0
    sleep 10m
  endwhile
  if job_status(job) ==# 'run'
    call job_stop(job, 'kill')
    call delete(out)
    return a:bin . ' did not start the agent within 15 s'
  endif
  let lines = filereadable(out) ? readfile(out) : []
  call delete(out)
  if job_info(job).exitval == 0
    return ''
  endif
  " `airunner call` says why on its last line ("airunner: call: ...").
  call filter(lines, 'v:val =~# "\\S"')
  let why = empty(lines) ? 'exit ' . job_info(job).exitval : lines[-1]
  return substitute(why, '^airunner: \%(call: \)\=', '', '')
endfunction

" The channel, connected and initialized, or v:null after one message
" saying why not. root: the workspace named at initialize.
function! airunner#rpc#ensure(root) abort
  if airunner#rpc#connected()
    return s:ch
  endif
  " A connection vim has not seen close yet: its requests are lost.
  call s:lost(s:gen)
  let sock = airunner#rpc#socket()
  let unsafe = s:unsafe_dir(sock)
  if !empty(unsafe)
    call airunner#ui#error('refusing the agent''s socket: ' . unsafe)
    return v:null
  endif
  let ch = s:try_open(sock)
  if ch is v:null
    let bin = airunner#rpc#bin()
    if empty(bin)
      call airunner#ui#error('the agent is not installed: no ''' . s:bin_name()
            \ . ''' on PATH (install airunner, or set g:airunner_bin)')
      return v:null
    endif
    let why = s:start_agent(bin, sock)
    if !empty(why)
      call airunner#ui#error('the agent is not running and could not be started: ' . why)
      return v:null
    endif
    let ch = s:try_open(sock)
    if ch is v:null
      call airunner#ui#error('the agent was started but does not answer on ' . sock)
      return v:null
    endif
  endif
  try
    let resp = ch_evalexpr(ch, #{method: 'initialize', params: #{
          \ processId: getpid(), rootPath: a:root,
          \ clientInfo: #{name: 'vim', version: string(v:version)},
          \ capabilities: {}}}, #{timeout: 10000})
  catch
    let resp = v:null
  endtry
  if type(resp) != v:t_dict || !has_key(resp, 'result')
    call ch_close(ch)
    call airunner#ui#error('the agent did not initialize: '
          \ . s:error_text(type(resp) == v:t_dict ? get(resp, 'error', {}) : {}))
    return v:null
  endif
  call ch_sendexpr(ch, #{method: 'initialized', params: {}})
  let s:gen += 1
  let s:ch = ch
  let s:init = resp.result
  return ch
endfunction

" Closes this vim's connection (the agent serves on).
function! airunner#rpc#disconnect() abort
  if airunner#rpc#connected()
    call ch_close(s:ch)
  endif
  call s:lost(s:gen)
endfunction

" --- requests ------------------------------------------------------------

function! s:error_text(err) abort
  if type(a:err) != v:t_dict || empty(a:err)
    return 'no answer'
  endif
  return get(a:err, 'message', 'error ' . get(a:err, 'code', '?'))
endfunction

" A short request answered at once (status, lists, metrics): the response
" dict ({result} or {error}), or v:null after one message.
function! airunner#rpc#call(method, params, ...) abort
  let root = a:0 ? a:1 : airunner#root()
  let resp = v:null
  " Twice at most: a channel whose agent just went fails the first write,
  " and the second goes to a new agent.
  for attempt in [1, 2]
    let ch = airunner#rpc#ensure(root)
    if ch is v:null
      return v:null
    endif
    try
      let resp = ch_evalexpr(ch, #{method: a:method, params: a:params}, #{timeout: 30000})
      break
    catch /^Vim\%((\a\+)\)\=:E\%(630\|631\|906\|912\):/
      call airunner#rpc#disconnect()
    endtry
  endfor
  if type(resp) != v:t_dict || empty(resp)
    call airunner#ui#error(a:method . ': no answer from the agent')
    return v:null
  endif
  return resp
endfunction

" A long request: answered later through cb(response) (a dict with result
" or error; a lost agent is an error of kind agent_unavailable). Progress
" and run events go to the message area and the statusline under title.
" Returns the request id, or 0 after one message.
function! airunner#rpc#start(method, params, title, cb, ...) abort
  let ch = airunner#rpc#ensure(a:0 ? a:1 : airunner#root())
  if ch is v:null
    return 0
  endif
  let s:seq += 1
  let token = 'vim-' . getpid() . '-' . s:seq
  let params = extend(copy(a:params), #{workDoneToken: token})
  let req = v:null
  for attempt in [1, 2]
    try
      let req = ch_sendexpr(ch, #{method: a:method, params: params},
            \ #{callback: function('s:on_response')})
      break
    catch /^Vim\%((\a\+)\)\=:E\%(630\|631\|906\|912\):/
      " The agent went since the last request: once more, to a new one.
      call airunner#rpc#disconnect()
      let ch = attempt == 1 ? airunner#rpc#ensure(a:0 ? a:1 : airunner#root()) : v:null
      if ch is v:null
        return 0
      endif
    endtry
  endfor
  if type(req) != v:t_dict || !has_key(req, 'id')
    call airunner#ui#error(a:method . ': the request could not be sent')
    return 0
  endif
  let s:pending[req.id] = #{id: req.id, gen: s:gen, method: a:method, title: a:title,
        \ token: token, cb: a:cb, run: 0, progress: '', started: reltime(),
        \ events: []}
  call airunner#ui#progress(a:title . ': started')
  return req.id
endfunction

" The requests of this vim still waiting for their answer, oldest first.
function! airunner#rpc#pending() abort
  return sort(values(s:pending), {a, b -> a.id - b.id})
endfunction

" Cancels a pending request the way LSP does ($/cancelRequest); the agent
" answers it cancelled, kills its children and restores the workspace.
function! airunner#rpc#cancel(id) abort
  if !has_key(s:pending, a:id) || !airunner#rpc#connected()
    return 0
  endif
  call ch_sendexpr(s:ch, #{method: '$/cancelRequest', params: #{id: a:id}})
  return 1
endfunction

function! s:on_response(ch, resp) abort
  let id = get(a:resp, 'id', -1)
  if !has_key(s:pending, id)
    return " ended already: its connection was given up
  endif
  let p = remove(s:pending, id)
  if p.run && has_key(s:runs, p.run)
    call remove(s:runs, p.run)
  endif
  call s:finish(p, a:resp)
endfunction

function! s:finish(p, resp) abort
  call airunner#ui#progress('')
  try
    call call(a:p.cb, [a:resp, a:p])
  catch
    call airunner#ui#error(a:p.title . ': ' . v:exception . ' (in ' . v:throwpoint . ')')
  endtry
  call airunner#ui#redraw_status()
endfunction

" A notification: $/progress for one of our tokens, or a run/event.
function! s:on_message(ch, msg) abort
  if type(a:msg) != v:t_dict
    return
  endif
  let method = get(a:msg, 'method', '')
  let params = get(a:msg, 'params', {})
  try
    if method ==# '$/progress'
      call s:on_progress(params)
    elseif method ==# 'run/event'
      call s:on_event(params)
    endif
  catch
    " A malformed notification must not become a stack of errors.
  endtry
endfunction

function! s:by_token(token) abort
  for p in values(s:pending)
    if p.token ==# a:token
      return p
    endif
  endfor
  return {}
endfunction

function! s:on_progress(params) abort
  let p = s:by_token(get(a:params, 'token', ''))
  let v = get(a:params, 'value', {})
  if empty(p) || type(v) != v:t_dict
    return
  endif
  if has_key(v, 'delta') && type(v.delta) == v:t_string
    " A model streaming (thinking or text): the tail of what it says.
    let what = get(v, 'type', get(v, 'kind', ''))
    let p.stream = (get(p, 'stream_type', '') ==# what ? get(p, 'stream', '') : '') . v.delta
    let p.stream = strcharpart(p.stream, strchars(p.stream) - 200)
    let p.stream_type = what
    let p.progress = (what =~# 'thinking' ? 'thinking: ' : '')
          \ . substitute(p.stream, '\_s\+', ' ', 'g')
  elseif has_key(v, 'message')
    let p.progress = v.message . (has_key(v, 'percentage') ? ' (' . v.percentage . '%)' : '')
  else
    return
  endif
  call airunner#ui#progress(p.title . ': ' . p.progress)
endfunction

" The request a run belongs to: known by its id, else the oldest pending
" request of the run's kind that has no run yet.
let s:kinds = {'verify/run': ['verify'], 'plan/generate': ['plan'],
      \ 'subtask/execute': ['execute', 'fix'], 'run/rollback': ['rollback']}

function! s:on_event(ev) abort
  let run = get(a:ev, 'run', 0)
  if !has_key(s:runs, run)
    for p in airunner#rpc#pending()
      if !p.run && index(get(s:kinds, p.method, []), get(a:ev, 'kind', '')) >= 0
        let p.run = run
        let s:runs[run] = p.id
        break
      endif
    endfor
  endif
  if !has_key(s:runs, run) || !has_key(s:pending, s:runs[run])
    return
  endif
  let p = s:pending[s:runs[run]]
  call add(p.events, a:ev)
  let phase = get(a:ev, 'phase', '')
  if phase ==# 'check' || phase ==# 'ended'
    " A verification's $/progress says the same, with how far it is.
    return
  endif
  let text = s:event_text(phase, get(a:ev, 'message', v:null), get(a:ev, 'data', v:null))
  let p.progress = phase ==# 'started' ? 'run ' . run . ' started' : text
  call airunner#ui#progress(p.title . ': ' . p.progress)
endfunction

" A run event in a few words: what an execution is doing now.
function! s:event_text(phase, msg, data) abort
  let d = type(a:data) == v:t_dict ? a:data : {}
  let msg = type(a:msg) == v:t_string ? a:msg : ''
  let Str = {k -> type(get(d, k, v:null)) == v:t_string ? d[k] : ''}
  if a:phase ==# 'attempt' && has_key(d, 'attempt')
    return 'attempt ' . d.attempt . (has_key(d, 'of') ? '/' . d.of : '')
          \ . (empty(Str('model')) ? '' : ' (' . Str('provider') . ' ' . Str('model') . ')')
  elseif a:phase ==# 'tool'
    return Str('name') . ' ' . Str('path')
  elseif a:phase ==# 'edit'
    return (empty(Str('action')) ? 'edit' : Str('action')) . ' ' . Str('path')
  elseif a:phase ==# 'verify' && has_key(d, 'attempt')
    return 'verifying attempt ' . d.attempt
  elseif a:phase ==# 'verified' && has_key(d, 'attempt')
    return 'attempt ' . d.attempt . (get(d, 'passed', v:false) is v:true ? ' passed'
          \ : ' failed' . (empty(Str('category')) ? '' : ' (' . Str('category') . ')'))
  elseif a:phase ==# 'commit'
    return 'committed ' . Str('sha')[:9]
  elseif a:phase ==# 'model_failed'
    return 'the model failed: ' . (empty(msg) ? Str('kind') : msg)
  endif
  return a:phase . (empty(msg) ? '' : ' ' . msg)
endfunction

" The agent went (exited, or closed this connection): every pending request
" of that connection ends with one error, and the next command reconnects.
function! s:on_close(gen, ch) abort
  call s:lost(a:gen)
endfunction

function! s:lost(gen) abort
  if a:gen == s:gen
    let s:ch = v:null
    let s:init = {}
  endif
  let lost = filter(values(s:pending), 'v:val.gen == a:gen')
  for p in sort(lost, {a, b -> a.id - b.id})
    call remove(s:pending, p.id)
    if p.run && has_key(s:runs, p.run)
      call remove(s:runs, p.run)
    endif
    call s:finish(p, #{id: p.id, error: #{code: -32020,
          \ message: 'lost the agent (it exited or closed the connection)',
          \ data: #{kind: 'agent_unavailable'}}})
  endfor
endfunction

" The status of this vim's side, for :AIStatus and the statusline.
function! airunner#rpc#busy() abort
  return len(s:pending)
endfunction
