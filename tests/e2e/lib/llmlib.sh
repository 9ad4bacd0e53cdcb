# shellcheck shell=bash
# The provider test server (tests/llm-server) for the vim tests that need a
# model: started on a free port, both providers' base URLs and keys
# pointed at it in the environment (the agent started after this inherits
# them). Source after vimlib.sh (or hooklib.sh).
#   llm_control METHOD PATH [JSON]   its control API (script, requests...)
node "$AIRUNNER_SRC/tests/llm-server/server.mjs" --port 0 --port-file "$T/llm.port" \
	--log "$T/llm.log" >/dev/null 2>"$T/llm.err" &
disown $! # ended by the cleanup (hooklib.sh)
for _ in $(seq 500); do [ -s "$T/llm.port" ] && break; sleep 0.01; done
[ -s "$T/llm.port" ] || { cat "$T/llm.err"; fail "the provider test server did not start"; }
LLM=http://127.0.0.1:$(cat "$T/llm.port")
export ANTHROPIC_API_KEY=sk-ant-test-vim OPENAI_API_KEY=sk-openai-test-vim
export ANTHROPIC_BASE_URL=$LLM OPENAI_BASE_URL=$LLM/v1

llm_control() {
	node -e '
		const [method, url, body] = process.argv.slice(1);
		fetch(url, { method, headers: { "content-type": "application/json" }, body: body || undefined })
			.then(async (r) => { const t = await r.text(); if (!r.ok) { console.error(t); process.exit(1); } console.log(t); });
	' "$1" "$LLM$2" "${3:-}"
}
