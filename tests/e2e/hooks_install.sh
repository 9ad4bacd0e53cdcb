#!/bin/bash
# `airunner hooks install|uninstall` on real repositories: where the hook
# goes (core.hooksPath), a hook that was there kept, chained and restored
# byte for byte, idempotence, and the refusals. The hook's verdict itself is
# in hook_commit.sh; here AIRUNNER_SKIP=1 keeps airunner's part out of it.
. "$(dirname "$0")/lib/hooklib.sh"

A=$AIRUNNER_BIN
snap() { # the exact state of a file: mode, type, bytes
	stat -c '%A %F' "$1" && sha256sum <"$1"
}

# 1. A fresh repo: the hook is written, executable, and run by the hook
# client beside the binary with no shell between ("#!" names it).
new_repo "$T/fresh"
"$A" hooks install >"$T/msg" || fail "install in a fresh repo"
expect_in "$T/msg" "installed the pre-commit hook in $T/fresh/.git/hooks/pre-commit"
h=.git/hooks/pre-commit
[ -x $h ] || fail "hook not executable"
expect_in $h "airunner-managed-hook"
[ "$(head -n1 $h)" = "#!$(dirname "$(realpath "$A")")/airunner-hook" ] ||
	fail "the hook's first line does not name the client: $(head -n1 $h)"
# The rest is the script, for whoever runs the file with sh.
expect_in $h "installed_bin='$(realpath "$A")'"
cmp -s <(tail -n +2 $h | sed "s|^installed_bin=.*|installed_bin=''|") <(tail -n +2 "$AIRUNNER_SRC/hooks/pre-commit") ||
	fail "installed hook differs from hooks/pre-commit after its first line"
before=$(snap $h)
"$A" hooks install >"$T/msg" || fail "second install"
expect_in "$T/msg" "up to date"
[ "$(snap $h)" = "$before" ] || fail "second install changed the hook"
[ ! -e $h.airunner-orig ] || fail "second install moved our own hook aside"
"$A" hooks uninstall >"$T/msg" || fail "uninstall"
[ ! -e $h ] && [ ! -L $h ] || fail "uninstall left the hook"
expect_in "$T/msg" "removed the pre-commit hook"
"$A" hooks uninstall >"$T/msg" || fail "uninstall when not installed"
expect_in "$T/msg" "no airunner hook"
[ -e .git/hooks/pre-commit.sample ] || fail "the sample hooks were touched"

# An airunner with no client beside it (or one whose path cannot stand in
# a "#!" line) installs the script, recording where it is, and the script
# runs it.
mkdir -p "$T/solo bin"
cp "$(realpath "$A")" "$T/solo bin/airunner"
"$T/solo bin/airunner" hooks install >/dev/null || fail "install by an airunner alone"
expect_in $h "installed_bin='$T/solo bin/airunner'"
cmp -s <(sed "s|^installed_bin=.*|installed_bin=''|" $h) "$AIRUNNER_SRC/hooks/pre-commit" ||
	fail "installed hook differs from hooks/pre-commit"
mkdir -p "$T/a b" && cp "$(realpath "$A")" "$(dirname "$(realpath "$A")")/airunner-hook" "$T/a b/"
"$T/a b/airunner" hooks install >/dev/null || fail "install from a path with a blank"
[ "$(head -n1 $h)" = "#!/bin/sh" ] || fail "a client path with a blank went into a #! line"
echo s >s.txt && git add s.txt
(unset AIRUNNER_BIN && PATH=/usr/bin:/bin commit_ok "through the script, the recorded binary") || exit 1
"$A" call --no-start shutdown '{"daemon": true}' >/dev/null 2>&1
"$A" hooks install >/dev/null || fail "back to the client's hook"
[ "$(head -n1 $h)" != "#!/bin/sh" ] || fail "reinstall did not bring the client's hook back"

# 2. A hook that was there: kept, run first with its verdict respected,
# restored byte for byte with its mode.
new_repo "$T/foreign"
cat >.git/hooks/pre-commit <<'HOOK'
#!/bin/sh
# the user's own hook
echo "foreign hook ran with $# args" >>"$FOREIGN_LOG"
[ ! -e "$FOREIGN_FAIL" ] || { echo "foreign hook says no" >&2; exit 3; }
HOOK
printf '\n\n#  trailing bytes\t' >>.git/hooks/pre-commit
chmod 750 .git/hooks/pre-commit
before=$(snap .git/hooks/pre-commit)
export FOREIGN_LOG=$T/foreign.log FOREIGN_FAIL=$T/foreign.fail
"$A" hooks install --repo "$T/foreign" >"$T/msg" || fail "install over a foreign hook"
expect_in "$T/msg" "kept as pre-commit.airunner-orig"
[ "$(snap .git/hooks/pre-commit.airunner-orig)" = "$before" ] || fail "foreign hook altered when kept"
expect_in .git/hooks/pre-commit "airunner-managed-hook"
"$A" hooks install >/dev/null || fail "reinstall over a chained hook"
[ "$(snap .git/hooks/pre-commit.airunner-orig)" = "$before" ] || fail "reinstall altered the kept hook"

echo a >a.txt && git add a.txt
AIRUNNER_SKIP=1 commit_ok "foreign hook passes"
expect_in "$FOREIGN_LOG" "foreign hook ran with 0 args"
touch "$FOREIGN_FAIL"
echo b >b.txt && git add b.txt
AIRUNNER_SKIP=1 commit_blocked "foreign hook fails"
expect_in "$T/out" "foreign hook says no"
# --no-verify: git itself skips every hook.
commit_ok "no verify" --no-verify
[ "$(wc -l <"$FOREIGN_LOG")" = 2 ] || fail "the foreign hook ran under --no-verify"

"$A" hooks uninstall >"$T/msg" || fail "uninstall with a kept hook"
expect_in "$T/msg" "restored"
[ "$(snap .git/hooks/pre-commit)" = "$before" ] || fail "foreign hook not restored byte for byte"
[ ! -e .git/hooks/pre-commit.airunner-orig ] || fail "the kept copy was left behind"

# 3. A symlinked hook stays a symlink, pointing where it did.
new_repo "$T/link"
printf '#!/bin/sh\nexit 0\n' >"$T/shared-hook" && chmod +x "$T/shared-hook"
ln -s "$T/shared-hook" .git/hooks/pre-commit
"$A" hooks install >/dev/null || fail "install over a symlink"
[ -L .git/hooks/pre-commit.airunner-orig ] || fail "symlink not kept as a symlink"
[ ! -L .git/hooks/pre-commit ] || fail "wrote through the symlink"
"$A" hooks uninstall >/dev/null || fail "uninstall over a symlink"
[ "$(readlink .git/hooks/pre-commit)" = "$T/shared-hook" ] || fail "symlink not restored"
[ "$(cat "$T/shared-hook")" = "$(printf '#!/bin/sh\nexit 0')" ] || fail "symlink target altered"

# 4. core.hooksPath, relative to the top of the work tree, honoured from a
# subfolder; the folder is created when missing.
new_repo "$T/hookspath"
git config core.hooksPath .githooks
mkdir -p sub/deeper
(cd sub/deeper && "$A" hooks install >"$T/msg") || fail "install under core.hooksPath"
[ -x .githooks/pre-commit ] || fail "hook not in core.hooksPath"
[ ! -e .git/hooks/pre-commit ] || fail "hook put in .git/hooks despite core.hooksPath"
cat >.githooks/pre-commit.airunner-orig <<'HOOK'
#!/bin/sh
echo ran >"$HOOKSPATH_LOG"
HOOK
chmod +x .githooks/pre-commit.airunner-orig
export HOOKSPATH_LOG=$T/hookspath.log
echo x >sub/deeper/x.txt && git add sub/deeper/x.txt
(cd sub/deeper && AIRUNNER_SKIP=1 git commit -qm "from a subfolder") || fail "commit under core.hooksPath"
[ -e "$HOOKSPATH_LOG" ] || fail "git did not run the hook from core.hooksPath"
# An absolute core.hooksPath, and ~ expanded as git does.
git config core.hooksPath "~/global-hooks"
"$A" hooks install >/dev/null || fail "install to ~/global-hooks"
[ -x "$HOME/global-hooks/pre-commit" ] || fail "~ in core.hooksPath not expanded"

# 5. Worktrees share the common dir's hooks.
cd "$T/fresh"
git worktree add -q "$T/fresh-wt" 2>/dev/null || git worktree add -q -b wt "$T/fresh-wt" || fail "worktree add"
(cd "$T/fresh-wt" && "$A" hooks install >/dev/null) || fail "install from a worktree"
[ -x "$T/fresh/.git/hooks/pre-commit" ] || fail "worktree install not in the common hooks dir"
"$A" hooks uninstall >/dev/null || fail "uninstall from the main work tree"

# 6. Refusals: nothing is clobbered, nothing changes.
new_repo "$T/conflict"
printf '#!/bin/sh\nexit 0\n' >.git/hooks/pre-commit
printf '#!/bin/sh\nexit 1\n' >.git/hooks/pre-commit.airunner-orig
chmod +x .git/hooks/pre-commit .git/hooks/pre-commit.airunner-orig
s1=$(snap .git/hooks/pre-commit) s2=$(snap .git/hooks/pre-commit.airunner-orig)
if "$A" hooks install 2>"$T/msg"; then fail "install clobbered a kept hook"; fi
expect_in "$T/msg" "already exists"
if "$A" hooks uninstall 2>"$T/msg"; then fail "uninstall removed a foreign hook"; fi
expect_in "$T/msg" "is not airunner's"
[ "$(snap .git/hooks/pre-commit)" = "$s1" ] && [ "$(snap .git/hooks/pre-commit.airunner-orig)" = "$s2" ] ||
	fail "a refused install/uninstall changed files"

mkdir -p "$T/plain" && cd "$T/plain"
if "$A" hooks install 2>"$T/msg"; then fail "install outside a repository"; fi
expect_in "$T/msg" "hooks install"
"$A" hooks frobnicate 2>/dev/null
[ $? -eq 2 ] || fail "an unknown verb must be a usage error (exit 2)"
git init -q --bare "$T/bare.git"
if "$A" hooks install --repo "$T/bare.git" 2>"$T/msg"; then fail "install into a bare repo"; fi
expect_in "$T/msg" "bare"

echo "ok: hooks install/uninstall"
