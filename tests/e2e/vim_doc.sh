#!/bin/bash
# The vim plugin's help and its load: `:helptags` runs clean on
# editors/vim/doc; every command the plugin defines, every g:airunner_
# option it reads and every |link| in the help has its tag; and every file
# of the plugin sources without an error in a bare vim.
. "$(dirname "$0")/lib/vimlib.sh"

cp -r "$PLUGIN/doc" "$T/doc"
vim -N -u NONE -i NONE -es -c "redir! > $T/helptags.out" -c "helptags $T/doc" \
	-c 'redir END' -c 'qa!' </dev/null || fail ":helptags failed: $(cat "$T/helptags.out")"
if grep -q . "$T/helptags.out"; then
	cat "$T/helptags.out" >&2
	fail ":helptags said something (duplicate or bad tags?)"
fi
cut -f1 "$T/doc/tags" >"$T/tags"
grep -qx airunner.txt "$T/tags" || fail "no airunner.txt tag"

# Each command of plugin/airunner.vim, each option read anywhere.
cmds=$(grep -oE '^command! (-[^ ]+ )*AI[A-Za-z]+' "$PLUGIN/plugin/airunner.vim" | awk '{print $NF}' | sort -u)
[ "$(echo "$cmds" | wc -l)" -eq 10 ] || fail "expected 10 commands, found: $cmds"
for cmd in $cmds; do
	grep -qx ":$cmd" "$T/tags" || fail "the command $cmd has no tag in the help"
done
for opt in $(grep -rhoE "g:airunner_[a-z_]+|get\(g:, 'airunner_[a-z_]+'" "$PLUGIN/autoload" "$PLUGIN/plugin" |
	sed "s/get(g:, '/g:/; s/'\$//" | sort -u); do
	grep -qx "$opt" "$T/tags" || fail "the option $opt has no tag in the help"
done
# Every |link| of ours resolves.
for link in $(grep -o '|[^| ]*|' "$T/doc/airunner.txt" | tr -d '|' | sort -u); do
	case $link in
	airunner* | :AI* | g:airunner*) grep -qxF "$link" "$T/tags" || fail "|$link| has no tag" ;;
	esac
done

# A bare vim sources every file, the commands exist, nothing is said.
cat >"$T/test.vim" <<'VIM'
try
  messages clear
  for f in glob($PLUGIN . '/autoload/**/*.vim', 0, 1) + [$PLUGIN . '/autoload/airunner.vim']
    execute 'source' fnameescape(f)
  endfor
  for c in ['AIVerify', 'AIClassify', 'AIPlan', 'AIExecute', 'AIFix', 'AIRollback',
        \ 'AIRuns', 'AIMetrics', 'AICancel', 'AIStatus']
    call assert_equal(2, exists(':' . c), c)
  endfor
  call assert_equal([], Messages())
  call assert_equal('', airunner#statusline())
catch
  call Fatal()
endtry
call Done()
VIM
PLUGIN=$PLUGIN run_vim "$T/test.vim"
echo "ok: vim help and load"
