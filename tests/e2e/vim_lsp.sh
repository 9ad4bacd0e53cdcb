#!/bin/bash
# vim's own channel in lsp mode (ch_open('unix:PATH', {'mode': 'lsp'})) against
# the agent on a private socket, headless: initialize, status, an error before
# initialize, a cancelled request, shutdown and exit. vim_lsp.vim writes what
# vim received; this script judges it.
set -euo pipefail

BIN=${AIRUNNER_BIN:-$(dirname "$0")/../../build/airunner}
HERE=$(cd "$(dirname "$0")" && pwd)
command -v vim >/dev/null || { echo "vim is not installed"; exit 1; }

tmp=$(mktemp -d)
agent=
cleanup() {
	if [ -n "$agent" ] && kill -0 "$agent" 2>/dev/null; then
		kill "$agent"
		wait "$agent" || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT

export XDG_RUNTIME_DIR=$tmp/run XDG_STATE_HOME=$tmp/state
unset AIRUNNER_SOCKET
mkdir -m 700 "$XDG_RUNTIME_DIR"
sock=$XDG_RUNTIME_DIR/airunner/agent.sock
AIRUNNER_TEST_METHODS=1 "$BIN" serve --socket "$sock" 2>"$tmp/agent.log" &
agent=$!
for _ in $(seq 500); do
	[ -S "$sock" ] && break
	kill -0 "$agent" || { cat "$tmp/agent.log"; exit 1; }
	sleep 0.01
done
[ -S "$sock" ] || { echo "the agent did not listen on $sock"; exit 1; }

mkdir "$tmp/root"
SOCK=$sock ROOT=$tmp/root OUT=$tmp/out.jsonl \
	timeout 30 vim -N -u NONE -i NONE -es -S "$HERE/vim_lsp.vim" </dev/null
[ -s "$tmp/out.jsonl" ] || { echo "vim wrote nothing"; exit 1; }
cat "$tmp/out.jsonl"

python3 - "$tmp/out.jsonl" "$agent" "$tmp/root" <<'PY'
import json, sys
got = {}
for line in open(sys.argv[1]):
    m = json.loads(line)
    got[m["what"]] = m["val"]
pid, root = int(sys.argv[2]), sys.argv[3]
assert "exception" not in got, got["exception"]
assert got["open"] == "open", got["open"]
early = got["early"]["error"]
assert (early["code"], early["data"]["kind"]) == (-32002, "not_initialized"), early
init = got["initialize"]["result"]
assert init["serverInfo"]["name"] == "airunner", init
assert init["protocolVersion"] == "1.0", init
assert init["workspace"] == root, init
assert "status" in init["capabilities"]["methods"], init
st = got["status"]["result"]
assert st["pid"] == pid, (st, pid)
assert st["transport"] == "socket" and st["connections"] == 1, st
c = got["cancelled"]["error"]
assert (c["code"], c["data"]["kind"]) == (-32800, "cancelled"), got["cancelled"]
assert got["shutdown"]["result"] is None and "error" not in got["shutdown"], got["shutdown"]
assert got["after_exit"] == "closed", got["after_exit"]
print("vim lsp channel: ok")
PY

# exit on the socket closed vim's connection only: the agent serves on.
kill -0 "$agent"
[ -S "$sock" ]
kill "$agent"
status=0
wait "$agent" || status=$?
agent=
[ "$status" -eq 0 ] || { echo "the agent exited $status on SIGTERM"; exit 1; }
[ ! -e "$sock" ] || { echo "socket left behind"; exit 1; }
echo ok
