#!/bin/bash
# `cmake --install build --prefix P`: the binaries, the pattern database, the
# resident checks' worker, the man page and the completions in their usual
# places under P; the installed binary finds its patterns under P (not in the
# source tree), and runs the hook end to end from there.
. "$(dirname "$0")/lib/hooklib.sh"
. "$(dirname "$0")/lib/installlib.sh"
build=$(dirname "$AIRUNNER_BIN")
P=$T/prefix

cmake --install "$build" --prefix "$P" >"$T/install.log" 2>&1 || { cat "$T/install.log" >&2; fail "cmake --install"; }
for f in bin/airunner bin/airunner-hook share/airunner/patterns/10-tsc.conf share/airunner/patterns/README \
	share/airunner/resident/worker.mjs \
	share/man/man1/airunner.1 share/bash-completion/completions/airunner \
	share/zsh/vendor-completions/_airunner; do
	[ -f "$P/$f" ] || fail "$f is not installed"
done
[ -x "$P/bin/airunner" ] && [ -x "$P/bin/airunner-hook" ] || fail "the binaries are not executable"
# Only what a user needs: no test binaries, no static library, no headers.
extra=$(cd "$P" && find . -type f | grep -vE '^\./(bin/airunner|bin/airunner-hook|share/airunner/patterns/|share/airunner/resident/worker\.mjs|share/man/man1/airunner\.1|share/bash-completion/completions/airunner|share/zsh/vendor-completions/_airunner|share/vim/vimfiles/)')
[ -z "$extra" ] || fail "unexpected files installed: $extra"
# The vim plugin is installed when editors/vim/ exists.
if [ -d "$AIRUNNER_SRC/editors/vim" ]; then
	[ -n "$(find "$P/share/vim/vimfiles" -type f)" ] || fail "editors/vim/ is not installed"
fi

"$P/bin/airunner" --version | grep -q "^airunner " || fail "the installed binary does not run"
MANWIDTH=80 man --warnings -l "$P/share/man/man1/airunner.1" >/dev/null 2>"$T/warn" && [ ! -s "$T/warn" ] ||
	fail "the installed man page"
bash --norc -c ". '$P/share/bash-completion/completions/airunner' && complete -p airunner" >/dev/null ||
	fail "the installed bash completion"

patterns_from_prefix "$P/bin/airunner" "$P/share"
# Moved elsewhere, the tree still finds its own patterns.
mv "$P" "$T/moved" && P=$T/moved
patterns_from_prefix "$P/bin/airunner" "$P/share"

hook_round_trip "$P/bin"
echo ok
