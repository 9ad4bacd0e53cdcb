#!/bin/sh
# The main job, offline: start the agent on a private socket and show an
# `initialize` and a `status` exchange through the real client.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
bin=$PWD/build/airunner
tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT INT TERM
mkdir -m 700 "$tmp/run"
sock="$tmp/run/agent.sock"
"$bin" serve --socket "$sock" 2>"$tmp/agent.log" &
pid=$!
for i in $(seq 100); do [ -S "$sock" ] && break; sleep 0.05; done
echo "\$ airunner call initialize"
"$bin" call --socket "$sock" --no-start initialize
echo "\$ airunner call status"
"$bin" call --socket "$sock" --no-start status
"$bin" call --socket "$sock" --no-start shutdown '{"daemon":true}' >/dev/null
wait "$pid"
echo "agent stopped cleanly"
