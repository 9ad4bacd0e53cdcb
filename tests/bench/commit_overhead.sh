#!/bin/bash
# What a `git commit` costs with airunner's pre-commit hook installed and
# nothing to check (the agent running), against the pre-commit framework
# running one no-op `repo: local` hook, and against no hook at all: the same
# repository, the same run, N commits each, each commit staging a fresh
# change. Targets (DESIGN.md): airunner's overhead under 20 ms and at least
# 10x below pre-commit's. Not run by ctest (timings on a shared machine).
#   usage: tests/bench/commit_overhead.sh [N]     (default 30)
#   env:   AIRUNNER_BIN (default: build/airunner)
set -u
src=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "${AIRUNNER_BIN:-$src/build/airunner}")
n=${1:-30}
[ -x "$bin" ] || { echo "no airunner binary at $bin" >&2; exit 2; }
command -v pre-commit >/dev/null || { echo "needs the pre-commit package (apt-get install pre-commit)" >&2; exit 2; }

T=$(mktemp -d "${TMPDIR:-/tmp}/airunner-bench.XXXXXX")
export HOME=$T/home XDG_RUNTIME_DIR=$T/run XDG_STATE_HOME=$T/state
export AIRUNNER_SOCKET=$T/run/airunner/agent.sock AIRUNNER_BIN=$bin
export PRE_COMMIT_HOME=$T/pre-commit-cache GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
mkdir -p "$HOME" && mkdir -p -m 700 "$XDG_RUNTIME_DIR"
cleanup() {
	"$bin" call --no-start shutdown '{"daemon":true}' >/dev/null 2>&1
	rm -rf "$T"
}
trap cleanup EXIT

repo=$T/repo
mkdir -p "$repo" && cd "$repo" || exit 1
git init -q -b main .
for i in $(seq 1 50); do printf 'line %s\n' "$i" >"notes-$i.txt"; done
cat >.pre-commit-config.yaml <<'YAML'
repos:
  - repo: local
    hooks:
      - id: noop
        name: no-op
        entry: "true"
        language: system
        always_run: true
        pass_filenames: false
YAML
git add -A && git commit -qm init

# pre-commit's hook goes where git looks by default (.git/hooks); airunner's
# into a folder of its own, chosen per command with core.hooksPath; no hook
# at all is a folder with nothing in it.
pre-commit install >/dev/null || exit 1
mkdir -p "$T/no-hooks" "$T/airunner-hooks"
git config core.hooksPath "$T/airunner-hooks"
"$bin" hooks install >/dev/null || exit 1
git config --unset core.hooksPath
"$bin" call status >/dev/null || { echo "cannot start the agent" >&2; exit 1; }

stage='date +%N >>notes-1.txt && git add notes-1.txt'
names=("git commit, no hook" "airunner hook (agent up)" "pre-commit, 1 no-op hook")
cmds=("git -c core.hooksPath=$T/no-hooks commit -qm bench"
	"git -c core.hooksPath=$T/airunner-hooks commit -qm bench"
	"git commit -qm bench")

# Checks that each variant's hook really runs before timing it.
bash -c "$stage" && AIRUNNER_SKIP= git -c core.hooksPath="$T/airunner-hooks" commit -qm probe 2>"$T/probe" ||
	{ cat "$T/probe"; echo "airunner's hook failed" >&2; exit 1; }
bash -c "$stage" && git commit -m probe >"$T/probe" 2>&1 && grep -q "no-op" "$T/probe" ||
	{ cat "$T/probe"; echo "pre-commit's hook did not run" >&2; exit 1; }

medians=()
if command -v hyperfine >/dev/null; then
	hyperfine --warmup 3 --runs "$n" --prepare "$stage" --style basic \
		--export-json "$T/h.json" "${cmds[@]}" >&2 || exit 1
	mapfile -t medians < <(python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("%.2f" % (r["median"] * 1000))' "$T/h.json")
else
	for c in "${cmds[@]}"; do
		: >"$T/times"
		for i in $(seq 1 $((n + 3))); do
			bash -c "$stage"
			t0=$(date +%s%N)
			bash -c "$c" || exit 1
			t1=$(date +%s%N)
			[ "$i" -gt 3 ] && echo $(((t1 - t0) / 1000)) >>"$T/times"
		done
		medians+=("$(sort -n "$T/times" | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m/1000}')")
	done
fi

echo
printf '%-28s %12s %14s\n' "git commit ($n runs each)" "median ms" "overhead ms"
base=${medians[0]}
for i in 0 1 2; do
	over=$(awk -v a="${medians[$i]}" -v b="$base" 'BEGIN {printf "%.2f", a - b}')
	printf '%-28s %12s %14s\n' "${names[$i]}" "${medians[$i]}" "$([ $i = 0 ] && echo - || echo "$over")"
done
awk -v base="$base" -v ours="${medians[1]}" -v pc="${medians[2]}" 'BEGIN {
	o = ours - base; p = pc - base; if (o < 0.01) o = 0.01
	printf "\npre-commit overhead / airunner overhead: %.1fx (target >= 10x)\n", p / o
	printf "airunner overhead: %.2f ms (target < 20 ms): %s\n", ours - base,
		(ours - base < 20 && p / o >= 10) ? "met" : "NOT met"
}'
