#!/bin/sh
# Configuration loading, the code before the config table (per-key libgit2
# lookups that scanned every entry: quadratic) against this tree's, on the
# same .airunner files in the same run:
#   - in process: verify_checks_load() (config_load.c, built against each
#     tree's libairunner_core.a), the config's own cost;
#   - as a user sees it: `airunner call --stdio verify/checks`, which starts
#     an agent, reads the config and lists the checks (the listed checks of
#     both must be the same).
# Files: 1,000 checks (the most a team file may hold now: both load them)
# and BIG (default 3,000, the issue's case: the old code loads them, once,
# as it takes minutes; the new one refuses the file, over
# CONFIG_SUBSECTIONS_MAX). Each check has a command, files, timeout and env.
#
#   tests/bench/config_bench.sh        (not run by ctest)
#
# The old code is built from OLD_REV (default c89288f, the last commit before
# the table) into build-config-old/ (once; later runs reuse it). This tree is
# built in build/. RUNS (default 5): runs per case, the median is kept.
# Numbers and ratios only, no pass/fail on time.
set -eu
SRC=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${RUNS:-5}
BIG=${BIG:-3000}
OLD_REV=${OLD_REV:-c89288f}
old="$SRC/build-config-old"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

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
[ -f "$SRC/build/CMakeCache.txt" ] ||
	cmake -S "$SRC" -B "$SRC/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$SRC/build" --target airunner -j 2 >/dev/null
libs="$(pkg-config --libs libcurl libgit2 libpcre2-8) -lev -lm"
for t in old new; do
	if [ $t = old ]; then tree="$old/src" lib="$old/build"
	else tree="$SRC" lib="$SRC/build"; fi
	# shellcheck disable=SC2086
	cc -O2 -D_GNU_SOURCE -I"$tree/agent" "$SRC/tests/bench/config_load.c" \
		"$lib/libairunner_core.a" $libs -o "$work/load-$t"
done

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

python3 - "$old/build/airunner" "$SRC/build/airunner" "$work" "$RUNS" "$BIG" <<'PY'
import json, os, statistics, subprocess, sys, time
old_bin, new_bin, work = sys.argv[1], sys.argv[2], sys.argv[3]
runs, big = int(sys.argv[4]), int(sys.argv[5])
env = dict(os.environ, HOME=work, XDG_CONFIG_HOME=work + "/xdg",
           AIRUNNER_SOCKET=work + "/agent.sock")

def load(code, n, k):
    out = subprocess.run([work + "/load-" + code, "%s/r%d" % (work, n),
                          str(k)], env=env, capture_output=True, text=True,
                         check=True).stdout
    return json.loads(out)

def call(binary, n):
    times, p = [], None
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.run([binary, "call", "--stdio", "verify/checks",
                            json.dumps({"root": "%s/r%d" % (work, n)})],
                           env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times), p

print("verify_checks_load in process, median of %d (the old code at %d "
      "checks: 1 run)" % (runs, big))
print("%-7s %-4s %11s  %s" % ("checks", "code", "seconds", "outcome"))
res = {}
for n in (1000, big):
    print("        (.airunner of %d bytes)"
          % os.path.getsize("%s/r%d/.airunner" % (work, n)))
    for code in ("old", "new"):
        r = load(code, n, 1 if (n == big and code == "old") else runs)
        res[(n, code)] = r
        if "error" in r:
            print("%-7d %-4s %11s  refused: %s" % (n, code, "-", r["error"]))
        else:
            print("%-7d %-4s %11.6f  loaded %d checks"
                  % (n, code, r["median_s"], r["checks"]))
o, nw = res[(1000, "old")], res[(1000, "new")]
print("1,000 checks: old/new = %.0fx" % (o["median_s"] / nw["median_s"]))
o, nw = res[(big, "old")], res[(big, "new")]
if "error" in nw:
    print("%d checks: the old code loads them in %.1f s; the new one refuses "
          "the file" % (big, o["median_s"]))
else:
    print("%d checks: old/new = %.0fx" % (big, o["median_s"] / nw["median_s"]))

print()
print("`airunner call --stdio verify/checks` (agent start-up included), "
      "1,000 checks, median of %d" % runs)
to, po = call(old_bin, 1000)
tn, pn = call(new_bin, 1000)
same = po.returncode == 0 and pn.returncode == 0 and \
    json.loads(po.stdout) == json.loads(pn.stdout)
print("old %.3f s, new %.3f s: old/new = %.1fx; same checks listed: %s"
      % (to, tn, to / tn, "yes" if same else "NO"))
PY
