#!/bin/bash
# `airunner fix` as a person meets it: `git commit` is blocked by a type
# error, the report names `airunner fix`, the fix heals the staged content
# with a model (the provider test server playing the demo's recorded
# session), stages it, and `git commit` passes. When every attempt fails, the
# files and the index are as they were; when the failing file has unstaged
# changes too, no fix starts.
. "$(dirname "$0")/lib/hooklib.sh"

node "$AIRUNNER_SRC/tests/llm-server/server.mjs" --port 0 --port-file "$T/llm.port" >/dev/null 2>&1 &
for _ in $(seq 100); do [ -s "$T/llm.port" ] && break; sleep 0.1; done
[ -s "$T/llm.port" ] || fail "the provider test server did not start"
llm=http://127.0.0.1:$(cat "$T/llm.port")
ctl() { # ctl PATH [JSON-FILE]: the server's control API
	node -e 'const [u, f] = process.argv.slice(1);
		fetch(u, { method: f ? "POST" : "GET", headers: { "content-type": "application/json" },
			body: f ? require("fs").readFileSync(f) : undefined })
		.then(async (r) => { process.stdout.write(await r.text()); process.exit(r.ok ? 0 : 1); },
			() => process.exit(1))' "$llm$1" ${2:+"$2"}
}
# The agent the hook starts inherits these: its models are the server.
export ANTHROPIC_BASE_URL=$llm OPENAI_BASE_URL=$llm/v1
export ANTHROPIC_API_KEY=sk-ant-e2e-SECRET OPENAI_API_KEY=sk-oa-e2e-SECRET

example_repo "$T/ex"
sed -i 's/formatPrice(total(items))/formatPrice(String(total(items)))/' src/cart.ts
sed -i 's/total: /total due: /' src/cart.ts
git add src/cart.ts
echo "work in progress" >>README.md # unstaged, not the fix's business
commit_blocked "type error"
expect_in "$T/out" "type_error"
expect_in "$T/out" "airunner fix"

# Nothing scripted for this one: every answer is the server's default text,
# no edit is made, so every attempt fails and the staged content stays.
index_before=$(git ls-files -s)
diff_before=$(git diff)
"$AIRUNNER_BIN" fix >"$T/fail.out" 2>&1 && { cat "$T/fail.out" >&2; fail "a fix that changed nothing passed"; }
[ "$(git ls-files -s)" = "$index_before" ] || fail "a failed fix changed the index"
[ "$(git diff)" = "$diff_before" ] || fail "a failed fix changed the work tree"
expect_in "$T/fail.out" "attempt 1 of 3: anthropic"
expect_in "$T/fail.out" "attempt 3 of 3: openai"

# The failing file also has unstaged changes: a fix would stage them with
# it, so none starts (no model call), says what to do, and changes nothing.
echo '{}' >"$T/empty.json"
ctl /__control/reset "$T/empty.json" >/dev/null || fail "resetting the provider test server"
echo "// not ready to commit" >>src/cart.ts
diff_before=$(git diff)
"$AIRUNNER_BIN" fix >"$T/partial.out" 2>&1 && fail "a fix over unstaged changes of the failing file passed"
expect_in "$T/partial.out" "src/cart.ts: staged with unstaged changes besides"
expect_in "$T/partial.out" "git stash --keep-index"
[ "$(git ls-files -s)" = "$index_before" ] || fail "the refused fix changed the index"
[ "$(git diff)" = "$diff_before" ] || fail "the refused fix changed the work tree"
[ "$(ctl /__control/requests)" = "[]" ] || fail "the refused fix called a model"
git checkout -q -- src/cart.ts # the unstaged line put away

ctl /__control/script "$AIRUNNER_SRC/scripts/demo-session.json" >/dev/null || fail "scripting the model"
"$AIRUNNER_BIN" fix >"$T/fix.out" 2>&1 || { cat "$T/fix.out" >&2; fail "airunner fix failed"; }
expect_in "$T/fix.out" "replace src/cart.ts"
expect_in "$T/fix.out" "verified: passed"
expect_in "$T/fix.out" "staged again: src/cart.ts"
git diff --cached | grep -q '^+.*total due: ${formatPrice(total(items))}' ||
	{ git diff --cached >&2; fail "the fix is not staged"; }
# The developer's unstaged edit is still theirs, unstaged.
[ "$(git diff --name-only)" = README.md ] || fail "the unstaged change moved"
commit_ok "receipt: say total due"
git show HEAD:src/cart.ts | grep -q 'total due: ${formatPrice(total(items))}' || fail "the commit lacks the fix"

# Nothing left to fix: said plainly, exit 1.
"$AIRUNNER_BIN" fix >"$T/none.out" 2>&1 && fail "fix with nothing to fix passed"
expect_in "$T/none.out" "nothing to fix"

ctl /__control/requests >"$T/requests.json"
grep -q sk-ant-e2e-SECRET "$T/fix.out" "$T/fail.out" && fail "an API key reached the output"
"$AIRUNNER_BIN" call --no-start shutdown '{"daemon":true}' >/dev/null 2>&1
echo "ok"
