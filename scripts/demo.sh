#!/bin/bash
# airunner's main job, shown on the bundled example TypeScript project:
# a commit with a type error is blocked with the classified report, the fix
# is committed. Exits 0 only if the broken commit was blocked and the fixed
# one passed.
#   usage: sh scripts/demo.sh [SCRATCH-DIR]
#   env:   AIRUNNER_BIN (default: build/airunner, built by scripts/setup.sh)
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${AIRUNNER_BIN:-}" ]; then
	sh "$src/scripts/setup.sh" || exit 2
fi
bin=$(realpath "${AIRUNNER_BIN:-$src/build/airunner}")
[ -x "$bin" ] || { echo "demo: no airunner binary at $bin" >&2; exit 2; }
scratch=${1:-$(mktemp -d "${TMPDIR:-/tmp}/airunner-demo.XXXXXX")}
repo=$scratch/example-ts

if [ -t 1 ]; then b=$'\033[1m' g=$'\033[32m' r=$'\033[31m' o=$'\033[0m'; else b= g= r= o=; fi
step() { printf '\n%s==> %s%s\n' "$b" "$*" "$o"; }
show() { printf '    $ %s\n' "$*"; }
die() { printf '%sdemo failed: %s%s\n' "$r" "$*" "$o"; exit 1; }

# A private agent for the demo, stopped at the end: the user's own agent
# (if any) is left alone.
export AIRUNNER_BIN=$bin AIRUNNER_SOCKET=$scratch/.agent/agent.sock
export XDG_STATE_HOME=$scratch/.agent/state
mkdir -p -m 700 "$scratch/.agent"
stop_agent() {
	"$bin" call --no-start shutdown '{"daemon":true}' >/dev/null 2>&1
}
trap stop_agent EXIT

step "1. copy the example project to $repo"
rm -rf "$repo" && mkdir -p "$repo" &&
	tar -C "$src/tests/fixtures/example-ts" --exclude=node_modules -cf - . |
	tar -C "$repo" -xf - || die "copy"
cd "$repo" || die "cd $repo"
ls src

step "2. install its dev dependencies (typescript, eslint) from npm"
show "npm ci   (cached in $src/.cache/npm)"
npm ci --cache "$src/.cache/npm" --prefer-offline --no-audit --no-fund \
	--loglevel=error || die "npm ci"

step "3. make it a git repository and install airunner's pre-commit hook"
git init -q -b main . && git config user.name "airunner demo" &&
	git config user.email demo@example.com || die "git init"
git add -A && git commit -qm "the example project" || die "first commit"
show "airunner hooks install"
"$bin" hooks install || die "hooks install"

step "4. stage a change with a type error and commit it"
sed -i 's/formatPrice(total(items))/formatPrice(String(total(items)))/' src/cart.ts
git --no-pager diff --stat && git --no-pager diff -U0 | sed -n '/^@@/,$p'
git add src/cart.ts
show 'git commit -m "receipt: show the total"'
if git commit -qm "receipt: show the total"; then
	die "the commit with a type error was NOT blocked"
fi
printf '%s    -> blocked, as it should be%s\n' "$g" "$o"

step "5. fix the error and commit again"
sed -i 's/formatPrice(String(total(items)))/formatPrice(total(items))/' src/cart.ts
sed -i 's/total: /total due: /' src/cart.ts
git --no-pager diff -U0 HEAD | sed -n '/^@@/,$p'
git add src/cart.ts
show 'git commit -m "receipt: say total due"'
git commit -qm "receipt: say total due" || die "the fixed commit was blocked"
git --no-pager log --oneline -1
printf '%s    -> committed%s\n' "$g" "$o"

step "done: the broken commit was blocked, the fixed one passed"
echo "    the scratch project stays in $repo"
