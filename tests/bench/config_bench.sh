#!/bin/sh
# Configuration loading: `airunner call verify/checks` on a repo whose
# .airunner configures many checks, the code before the config table (the
# per-key libgit2 lookups that scanned every entry: quadratic) against this
# tree's, same files, same run. Each call starts an agent, reads the config
# and lists the checks, as an editor's first request does.
#
#   tests/bench/config_bench.sh        (not run by ctest)
#
# The old code is built from OLD_REV (default c89288f, the last commit before
# the table) into build-config-old/ (once; later runs reuse it), or taken from
# OLD_BIN if set. AIRUNNER_BIN: this tree's binary (default build/airunner).
# RUNS (default 3): calls per case, the median is kept. Cases:
#   - no .airunner: the cost of a call itself (starting an agent, detecting
#     the checks), subtracted from the others for the config's own cost;
#   - 1,000 checks, the most a team file may hold now: both load them, the
#     outputs must be the same, and the ratio is old/new, whole call and
#     config alone;
#   - BIG (default 3,000, the issue's case) checks: the old code loads them
#     (once: it takes minutes), the new one refuses the file at once
#     (CONFIG_SUBSECTIONS_MAX); both times shown.
# Not run by ctest: numbers and ratios, no pass/fail on time.
set -eu
SRC=$(cd "$(dirname "$0")/../.." && pwd)
NEW=${AIRUNNER_BIN:-$SRC/build/airunner}
RUNS=${RUNS:-3}
BIG=${BIG:-3000}
OLD_REV=${OLD_REV:-c89288f}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -z "${OLD_BIN:-}" ]; then
	old="$SRC/build-config-old"
	if [ ! -x "$old/build/airunner" ] ||
	   [ "$(cat "$old/rev" 2>/dev/null)" != "$OLD_REV" ]; then
		rm -rf "$old"
		mkdir -p "$old/src"
		git -C "$SRC" archive "$OLD_REV" | tar -x -C "$old/src"
		cmake -S "$old/src" -B "$old/build" \
			-DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
		cmake --build "$old/build" --target airunner -j 2 >/dev/null
		echo "$OLD_REV" >"$old/rev"
	fi
	OLD_BIN="$old/build/airunner"
fi
OLD=$OLD_BIN

mkdir "$work/r0"
git -C "$work/r0" init -q
for n in 1000 $BIG; do
	mkdir "$work/r$n"
	git -C "$work/r$n" init -q
	i=0
	while [ $i -lt $n ]; do
		printf '[check "c%d"]\n\tcommand = true %d\n\tfiles = src/*.c\n\ttimeout = %d\n\tenv = N=%d\n' \
			$i $i $((i % 100)) $i
		i=$((i + 1))
	done >"$work/r$n/.airunner"
done

python3 - "$OLD" "$NEW" "$work" "$RUNS" "$BIG" <<'PY'
import json, os, statistics, subprocess, sys, time
old, new, work = sys.argv[1], sys.argv[2], sys.argv[3]
runs, big = int(sys.argv[4]), int(sys.argv[5])
env = dict(os.environ, HOME=work, XDG_CONFIG_HOME=work + "/xdg",
           AIRUNNER_SOCKET=work + "/agent.sock")

def call(binary, root):
    t = time.perf_counter()
    p = subprocess.run([binary, "call", "--stdio", "verify/checks",
                        json.dumps({"root": root})], env=env,
                       capture_output=True, text=True)
    return time.perf_counter() - t, p

def case(binary, root, n):
    times, last = [], None
    for _ in range(n):
        t, last = call(binary, root)
        times.append(t)
    return statistics.median(times), last

print("verify/checks through `airunner call --stdio`, median of %d calls"
      % runs)
print("%-8s %-6s %10s  %s" % ("checks", "code", "seconds", "outcome"))
res = {}
for n in (0, 1000, big):
    root = "%s/r%d" % (work, n)
    for name, binary in (("old", old), ("new", new)):
        t, p = case(binary, root, 1 if (n == big and name == "old") else runs)
        if p.returncode == 0:
            k = len(json.loads(p.stdout)["checks"])
            outcome = "loaded, %d checks listed" % k
        else:
            outcome = "refused: " + p.stderr.strip().splitlines()[0]
        res[(n, name)] = (t, p)
        print("%-8d %-6s %10.3f  %s" % (n, name, t, outcome))
    if n:
        print("         (.airunner of %d bytes)"
              % os.path.getsize(root + "/.airunner"))

b0 = min(res[(0, "old")][0], res[(0, "new")][0])
(to, po), (tn, pn) = res[(1000, "old")], res[(1000, "new")]
same = po.returncode == 0 and pn.returncode == 0 and \
    json.loads(po.stdout) == json.loads(pn.stdout)
print("1,000 checks: whole call old/new = %.1fx; config alone (less the "
      "%.3f s of a call without .airunner) %.3f s vs %.3f s = %.0fx; "
      "same checks listed: %s"
      % (to / tn, b0, to - b0, max(tn - b0, 0.001),
         (to - b0) / max(tn - b0, 0.001), "yes" if same else "NO"))
(to, _), (tn, pn) = res[(big, "old")], res[(big, "new")]
print("%d checks: old loads in %.3f s; new %s in %.3f s (%.0fx sooner)"
      % (big, to, "refuses" if pn.returncode else "loads", tn, to / tn))
PY
