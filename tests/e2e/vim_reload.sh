#!/bin/bash
# Buffers of files a run changed (airunner#ui#reload, what :AIExecute,
# :AIFix and :AIRollback call when their run ends), without an agent: the
# files are changed on disk behind vim's back, as a run changes them.
#   a buffer without unsaved changes is reloaded, with no question asked;
#   a buffer with unsaved changes is kept as it is, and the user is told;
#   a file deleted on disk leaves its buffer, and the user is told;
#   a file with no buffer, or a buffer of another file, is left alone.
. "$(dirname "$0")/lib/vimlib.sh"

new_repo "$T/repo"
for f in clean edited gone other; do echo "$f as it was" >"$f.txt"; done
# Vim reaches the files through a symlink; the run names their real paths.
ln -s "$T/repo" "$T/link"

cat >"$T/test.vim" <<'VIM'
set hidden
try
  for f in ['clean', 'edited', 'gone', 'other']
    execute 'edit' fnameescape($LINK . '/' . f . '.txt')
  endfor
  call setbufline(bufnr('edited.txt'), 1, 'the user''s words')
  " The run, behind vim's back (longer content: a new size and time).
  sleep 1100m
  call writefile(['clean as the run left it', 'two lines'], $REPO . '/clean.txt')
  call writefile(['edited as the run left it'], $REPO . '/edited.txt')
  call delete($REPO . '/gone.txt')
  call writefile(['other as the run left it'], $REPO . '/other.txt')
  messages clear
  let res = airunner#ui#reload($REPO, ['clean.txt', 'edited.txt', 'gone.txt', 'never-opened.txt'])
  call assert_equal(['clean as the run left it', 'two lines'], getbufline(bufnr('clean.txt'), 1, '$'))
  call assert_equal(0, getbufvar(bufnr('clean.txt'), '&modified'))
  call assert_equal(['the user''s words'], getbufline(bufnr('edited.txt'), 1, '$'))
  call assert_equal(1, getbufvar(bufnr('edited.txt'), '&modified'))
  call assert_equal(['gone as it was'], getbufline(bufnr('gone.txt'), 1, '$'))
  call assert_equal(['other as it was'], getbufline(bufnr('other.txt'), 1, '$'), 'not the run''s file')
  call assert_equal(['edited.txt'], res.kept)
  call assert_equal(1, len(res.reloaded))
  call assert_equal(1, len(res.deleted))
  call assert_equal(['airunner: not reloaded (unsaved changes here; the file changed on disk): edited.txt',
        \ 'airunner: deleted on disk, buffer kept: ' . res.deleted[0]], Messages())
  " Vim's own question is still asked for other files: nothing of ours is left.
  call assert_false(exists('#airunner_reload'))
catch
  call Fatal()
endtry
call Done()
VIM
REPO=$T/repo LINK=$T/link run_vim "$T/test.vim"
echo "ok: vim reloads what a run changed, never unsaved work"
