#!/bin/bash
# What a `git commit` costs with airunner's pre-commit hook installed and
# nothing to check (the agent running), in one repository and one run:
#   - no hook at all, and a hook that is only `exit 0` (the floor);
#   - the hook script run by airunner itself (before: the full binary, as
#     with an airunner that has no airunner-hook beside it);
#   - the hook script handing over to airunner-hook (sh, then the client);
#   - the hook as `airunner hooks install` writes it (after: its "#!" line
#     names airunner-hook, so git runs the client with no shell);
#   - the pre-commit framework running one no-op `repo: local` hook.
# The variants take turns, round after round (a machine whose load drifts
# weighs on all of them alike); each commit stages a fresh change first,
# untimed. Prints each median, the overhead over the `exit 0` hook (the
# difference of the medians, and the median of the differences within a
# round), and the load average. Targets (DESIGN.md): airunner's hook within
# 3 ms of the `exit 0` hook, its overhead over no hook at least 10x under
# pre-commit's. Not run by ctest (timings on a shared machine).
#   usage: tests/bench/commit_overhead.sh [N]     (rounds, default 100)
#   env:   AIRUNNER_BIN (default: build/airunner; airunner-hook beside it)
set -u
src=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "${AIRUNNER_BIN:-$src/build/airunner}")
n=${1:-100}
warm=5
[ -x "$bin" ] || { echo "no airunner binary at $bin" >&2; exit 2; }
[ -x "${bin%/*}/airunner-hook" ] || { echo "no airunner-hook beside $bin" >&2; exit 2; }
command -v pre-commit >/dev/null || { echo "needs the pre-commit package (apt-get install pre-commit)" >&2; exit 2; }
[ -n "${EPOCHREALTIME:-}" ] || { echo "needs bash 5 (EPOCHREALTIME)" >&2; exit 2; }

T=$(mktemp -d "${TMPDIR:-/tmp}/airunner-bench.XXXXXX")
export HOME=$T/home XDG_RUNTIME_DIR=$T/run XDG_STATE_HOME=$T/state
export AIRUNNER_SOCKET=$T/run/airunner/agent.sock AIRUNNER_BIN=$bin
export PRE_COMMIT_HOME=$T/pre-commit-cache GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
unset AIRUNNER_SKIP
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

# pre-commit's hook goes where git looks by default (.git/hooks); the
# others into folders of their own, chosen per commit with core.hooksPath.
# "before" is the script (hooks/pre-commit) with an airunner that has no
# airunner-hook beside it (a symlink to the binary in a folder of its own).
pre-commit install >/dev/null || exit 1
mkdir -p "$T/no-hooks" "$T/exit0-hooks" "$T/airunner-hooks" "$T/alone" "$T/script-hooks"
printf '#!/bin/sh\nexit 0\n' >"$T/exit0-hooks/pre-commit"
chmod +x "$T/exit0-hooks/pre-commit"
cp "$src/hooks/pre-commit" "$T/script-hooks/pre-commit"
ln -s "$bin" "$T/alone/airunner"
git config core.hooksPath "$T/airunner-hooks"
"$bin" hooks install >/dev/null || exit 1
git config --unset core.hooksPath
"$bin" call status >/dev/null || { echo "cannot start the agent" >&2; exit 1; }

names=("git commit, no hook" "exit 0 hook" "airunner hook, before" "script + airunner-hook" "airunner hook, after" "pre-commit, 1 no-op")
V="0 1 2 3 4 5"
head -n1 "$T/airunner-hooks/pre-commit" | grep -q '^#!.*/airunner-hook$' ||
	{ echo "the installed hook does not name airunner-hook" >&2; exit 1; }
stage() { date +%N >>notes-1.txt && git add notes-1.txt; }
# One commit of variant $1; its hook's output goes to $T/err.
commit() {
	case $1 in
	0) git -c core.hooksPath="$T/no-hooks" commit -qm bench ;;
	1) git -c core.hooksPath="$T/exit0-hooks" commit -qm bench ;;
	2) AIRUNNER_BIN=$T/alone/airunner git -c core.hooksPath="$T/script-hooks" commit -qm bench ;;
	3) git -c core.hooksPath="$T/script-hooks" commit -qm bench ;;
	4) git -c core.hooksPath="$T/airunner-hooks" commit -qm bench ;;
	5) git commit -qm bench >/dev/null ;;
	esac 2>"$T/err"
}

# Each variant's hook really runs before it is timed. For "after", the
# client is probed alone: a copy of it whose airunner does not exist (and
# none on PATH) can only pass the commit by answering itself.
stage && commit 2 && [ ! -s "$T/err" ] || { cat "$T/err"; echo "airunner's hook (before) failed" >&2; exit 1; }
mkdir -p "$T/probe" && cp "${bin%/*}/airunner-hook" "$T/probe/airunner-hook"
stage && PATH=/usr/bin:/bin AIRUNNER_BIN=$T/probe/airunner git -c core.hooksPath="$T/airunner-hooks" commit -qm probe 2>"$T/err" &&
	[ ! -s "$T/err" ] || { cat "$T/err"; echo "airunner-hook did not answer alone" >&2; exit 1; }
stage && git commit -m probe >"$T/err" 2>&1 && grep -q "no-op" "$T/err" ||
	{ cat "$T/err"; echo "pre-commit's hook did not run" >&2; exit 1; }

load0=$(cut -d' ' -f1-3 /proc/loadavg)
for v in $V; do : >"$T/t$v"; done
: >"$T/d2" && : >"$T/d3" && : >"$T/d4"
for r in $(seq 1 $((n + warm))); do
	# A different variant goes first each round.
	for k in $V; do
		v=$(((k + r) % 6))
		stage
		t0=$EPOCHREALTIME
		commit $v || { cat "$T/err"; echo "commit failed (${names[$v]})" >&2; exit 1; }
		t1=$EPOCHREALTIME
		us[$v]=$(((${t1/./} - ${t0/./})))
	done
	[ "$r" -le "$warm" ] && continue
	for v in $V; do echo "${us[$v]}" >>"$T/t$v"; done
	for v in 2 3 4; do echo $((us[v] - us[1])) >>"$T/d$v"; done
done
load1=$(cut -d' ' -f1-3 /proc/loadavg)

median() { # of the numbers in file $1, in us, printed in ms
	sort -n "$1" | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m/1000}'
}
for v in $V; do med[$v]=$(median "$T/t$v"); done
pd2=$(median "$T/d2")
pd3=$(median "$T/d3")
pd4=$(median "$T/d4")

echo
printf '%-26s %10s %12s %14s\n' "git commit ($n rounds)" "median ms" "over no hook" "over exit 0"
for v in $V; do
	printf '%-26s %10s %12s %14s\n' "${names[$v]}" "${med[$v]}" \
		"$([ $v = 0 ] && echo - || awk -v a="${med[$v]}" -v b="${med[0]}" 'BEGIN {printf "%.2f", a - b}')" \
		"$([ $v -le 1 ] && echo - || awk -v a="${med[$v]}" -v b="${med[1]}" 'BEGIN {printf "%.2f", a - b}')"
done
echo
echo "airunner hook over the exit 0 hook, median of the per-round differences:"
echo "  before (script, airunner):        $pd2 ms"
echo "  script, then airunner-hook:        $pd3 ms"
echo "  after (airunner-hook as #!):       $pd4 ms"
awk -v base="${med[0]}" -v e0="${med[1]}" -v ours="${med[4]}" -v pc="${med[5]}" -v pd="$pd4" 'BEGIN {
	o = ours - base; p = pc - base; if (o < 0.01) o = 0.01
	printf "pre-commit overhead / airunner overhead (over no hook): %.1fx (target >= 10x)\n", p / o
	d = ours - e0
	printf "airunner (after) over the exit 0 hook: %.2f ms by medians, %.2f ms paired (target within 3 ms): %s\n",
		d, pd, (d <= 3 && pd <= 3 && p / o >= 10) ? "met" : "NOT met"
}'
echo "load average: $load0 before, $load1 after ($(nproc) cores)"
