#!/bin/bash
# .pre-commit-hooks.yaml: a pre-commit framework user adopts airunner with
# one entry. `pre-commit try-repo` reads the manifest from this tree (with
# its uncommitted changes) and runs the hook the way the framework does:
# airunner from PATH, no file names, from the top of the repo.
. "$(dirname "$0")/lib/hooklib.sh"

command -v pre-commit >/dev/null ||
	fail "needs the pre-commit framework (Debian package pre-commit, in scripts/debian-packages.txt)"
export PRE_COMMIT_HOME=$T/pre-commit-home
mkdir -p "$T/bin" && ln -s "$(realpath "$AIRUNNER_BIN")" "$T/bin/airunner"
export PATH=$T/bin:$PATH
unset AIRUNNER_BIN # the framework finds airunner on PATH, as a user's would be

new_repo "$T/adopter"
cat >.airunner <<'CFG'
[check "fail"]
	command = "sh -c 'echo framework-run-says-no; exit 5'"
	files = *
CFG
git add .airunner
if pre-commit try-repo "$AIRUNNER_SRC" airunner >"$T/out" 2>&1; then
	cat "$T/out"
	fail "a failing check passed under the pre-commit framework"
fi
expect_in "$T/out" "airunner verify"
expect_in "$T/out" "framework-run-says-no"
expect_in "$T/out" "commit blocked"

git rm -q --cached .airunner && rm .airunner
echo fine >fine.txt && git add fine.txt
pre-commit try-repo "$AIRUNNER_SRC" airunner >"$T/out" 2>&1 ||
	{ cat "$T/out"; fail "nothing to check failed under the pre-commit framework"; }
expect_in "$T/out" "Passed"

echo "ok: the pre-commit framework runs airunner"
