#!/bin/bash
# airunner's main job, shown on the bundled example TypeScript project:
# a commit with a type error is blocked with the classified report,
# `airunner fix` heals it (the model edits, the checks verify, the fixed file
# is staged again), and the commit passes. Exits 0 only if the broken commit
# was blocked, the fix verified, and the commit then passed.
# With ANTHROPIC_API_KEY set the model is Claude; without one it is the
# bundled provider test server (tests/llm-server) playing a recorded session
# (scripts/demo-session.json), and the demo says so.
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
llm_pid=
stop_agent() {
	"$bin" call --no-start shutdown '{"daemon":true}' >/dev/null 2>&1
	[ -n "$llm_pid" ] && kill "$llm_pid" 2>/dev/null
}
trap stop_agent EXIT

# The model, settled before anything starts the agent (it inherits this).
if [ -n "${ANTHROPIC_API_KEY:-}" ]; then
	model_note="Claude (ANTHROPIC_API_KEY is set)"
else
	node "$src/tests/llm-server/server.mjs" --port 0 \
		--port-file "$scratch/.agent/llm.port" >/dev/null 2>&1 &
	llm_pid=$!
	for _ in $(seq 100); do [ -s "$scratch/.agent/llm.port" ] && break; sleep 0.1; done
	[ -s "$scratch/.agent/llm.port" ] || die "the provider test server did not start"
	llm=http://127.0.0.1:$(cat "$scratch/.agent/llm.port")
	node -e 'fetch(process.argv[1], { method: "POST",
		headers: { "content-type": "application/json" },
		body: require("fs").readFileSync(process.argv[2]) }).then((r) =>
		process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
		"$llm/__control/script" "$src/scripts/demo-session.json" ||
		die "loading the recorded session"
	export ANTHROPIC_BASE_URL=$llm OPENAI_BASE_URL=$llm/v1
	export ANTHROPIC_API_KEY=offline-demo OPENAI_API_KEY=offline-demo
	model_note="NOT Claude: no ANTHROPIC_API_KEY, so the model is airunner's provider test server playing a recorded session (scripts/demo-session.json)"
fi

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

step "4. stage a change (with a type error) and commit it"
sed -i 's/formatPrice(total(items))/formatPrice(String(total(items)))/' src/cart.ts
sed -i 's/total: /total due: /' src/cart.ts
git --no-pager diff --stat && git --no-pager diff -U0 | sed -n '/^@@/,$p'
git add src/cart.ts
show 'git commit -m "receipt: say total due"'
if git commit -qm "receipt: say total due"; then
	die "the commit with a type error was NOT blocked"
fi
printf '%s    -> blocked, as it should be%s\n' "$g" "$o"

step "5. let airunner fix it"
printf '    model: %s\n' "$model_note"
show "airunner fix"
"$bin" fix || die "airunner fix did not heal the commit"
git --no-pager diff --cached -U0 HEAD | sed -n '/^@@/,$p'

step "6. commit again"
show 'git commit -m "receipt: say total due"'
git commit -qm "receipt: say total due" || die "the fixed commit was blocked"
git --no-pager log --oneline -1
printf '%s    -> committed%s\n' "$g" "$o"

step "done: the broken commit was blocked, airunner fix healed it, the commit passed"
echo "    the scratch project stays in $repo"
