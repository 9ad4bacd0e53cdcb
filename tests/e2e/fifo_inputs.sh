#!/bin/bash
# Files named by a repo or a client that are not regular files are refused at
# once, by name, through the real binary: a FIFO as `.airunner`, as a pattern
# file named in it, and as verify/run's `index` (before, open() waited for a
# writer and the agent answered nobody), and an `index` naming a missing file
# (before, the empty tree was verified and the answer was ok). Each call runs
# under `timeout`, so a regression fails here instead of hanging.
set -euo pipefail
: "${AIRUNNER_BIN:?}"
work=$(mktemp -d)
# On a regression, an agent is left waiting in open() on a FIFO: opening it
# for writing lets that agent go before the folder is removed.
unblock() {
	local f
	for f in "$work"/.airunner "$work"/pats "$work"/idx; do
		[ -p "$f" ] && timeout 2 sh -c ': >"$1"' sh "$f" || true
	done
	rm -rf "$work"
}
trap unblock EXIT
cd "$work"
export AIRUNNER_SOCKET="$work/agent.sock" XDG_CONFIG_HOME="$work/xdg" HOME="$work"
git init -q
git config user.email t@example.com
git config user.name t
echo 'hello' >a.txt
git add a.txt
git commit -qm base

# refused METHOD PARAMS KIND TEXT: the call fails within 20 s, with the error
# kind KIND and a message holding TEXT.
refused() {
	local rc=0
	timeout 20 "$AIRUNNER_BIN" call --stdio "$1" "$2" >out.json 2>err.txt || rc=$?
	if [ "$rc" = 124 ]; then
		echo "$1 $2: blocked (killed after 20 s)" >&2
		exit 1
	fi
	if [ "$rc" = 0 ]; then
		echo "$1 $2: accepted: $(cat out.json)" >&2
		exit 1
	fi
	grep -q "\"kind\":\"$3\"" err.txt || { cat err.txt >&2; exit 1; }
	grep -qF -- "$4" err.txt || { cat err.txt >&2; exit 1; }
}

mkfifo .airunner
refused verify/checks "{\"root\":\"$work\"}" config "$work/.airunner is a FIFO"
rm .airunner

mkdir .airunner
refused verify/checks "{\"root\":\"$work\"}" config "$work/.airunner is a folder"
rmdir .airunner

mkfifo pats
printf '[classify]\n\tpatterns = pats\n' >.airunner
refused errors/classify '{"output": "x.c:1:1: error: boom\n"}' io \
	"$work/pats is a FIFO"
rm .airunner

mkfifo idx
refused verify/run "{\"root\":\"$work\",\"staged\":true,\"index\":\"$work/idx\"}" \
	invalid_params "index: $work/idx is a FIFO"
refused verify/run "{\"root\":\"$work\",\"staged\":true,\"index\":\"$work/none\"}" \
	invalid_params "index: $work/none: no such file"

# The real index as `index` still works.
timeout 20 "$AIRUNNER_BIN" call --stdio verify/run \
	"{\"root\":\"$work\",\"staged\":true,\"index\":\"$work/.git/index\"}" >ok.json
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["ok"] is True, r' ok.json
echo "fifo inputs e2e: ok"
