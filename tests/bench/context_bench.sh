#!/bin/sh
# Repo context (agent/context) figures, in one run:
#  1. speed on a generated repository of FILES source files (default 50000:
#     TypeScript, Python, C, Go and Markdown, each file defining a few
#     functions and calling ones from other files, with imports): cold (empty
#     outline cache), cold from the disk cache (a restarted agent), warm
#     (nothing changed) and after one file changed, against the floor
#     `git ls-files` + `ctags -R` on the same tree (universal-ctags).
#     Targets: warm under 5 ms, one change under 50 ms.
#  2. ranking quality on real codebases (this repository, and ESLint's
#     source from the npm registry): for CASES symbols drawn at random
#     (defined in one file), with a file that uses the symbol as the focus,
#     the share where the defining file is in a 4,000-token view; the same
#     for filling in path order (the baseline).
#  3. the token estimate against a real tokenizer (tests/bench/context,
#     @anthropic-ai/tokenizer) on the views of 2.
#
#   sh tests/bench/context_bench.sh [FILES]       (not run by ctest)
set -eu
SRC=$(cd "$(dirname "$0")/../.." && pwd)
FILES=${1:-50000}
CASES=${CASES:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake -S "$SRC" -B "$SRC/build-bench" -DAIRUNNER_BENCH=ON \
	-DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$SRC/build-bench" --target context_bench -j 2 >/dev/null
bench="$SRC/build-bench/tests/context_bench"
[ -d "$SRC/tests/bench/context/node_modules" ] ||
	(cd "$SRC/tests/bench/context" && npm install --no-audit --no-fund \
		--loglevel=error >/dev/null)

echo "== generating $FILES files"
python3 - "$work/gen" "$FILES" <<'PY'
import os, random, sys
root, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(7)
langs = ["ts", "ts", "py", "c", "go", "md"]
files = []
for i in range(n):
    d = "pkg%03d/mod%02d" % (i // 500, (i // 50) % 10)
    files.append((d, "f%05d" % i, langs[i % len(langs)]))
def fn(i, k): return "fn_%05d_%d" % (i, k)
for i, (d, base, ext) in enumerate(files):
    os.makedirs(os.path.join(root, d), exist_ok=True)
    peers = [rnd.randrange(n) for _ in range(3)]
    peers = [p for p in peers if files[p][2] == ext] or [i]
    lines = []
    if ext == "ts":
        for p in peers:
            pd, pb, _ = files[p]
            rel = os.path.relpath(os.path.join(pd, pb), d)
            rel = rel if rel.startswith(".") else "./" + rel
            lines.append("import { %s } from '%s';" % (fn(p, 0), rel))
        for k in range(4):
            lines += ["", "export function %s(a: number, b: string): number {" % fn(i, k),
                      "  const x = %s(a, b);" % fn(peers[k % len(peers)], 0),
                      "  return x + a;", "}"]
        lines += ["", "export class C%05d {" % i, "  run(): number { return %s(1, 'x'); }" % fn(i, 0), "}"]
    elif ext == "py":
        for p in peers:
            pd, pb, _ = files[p]
            lines.append("from %s import %s" % ((pd + "/" + pb).replace("/", "."), fn(p, 0)))
        for k in range(4):
            lines += ["", "def %s(a, b):" % fn(i, k),
                      "    return %s(a, b) + a" % fn(peers[k % len(peers)], 0)]
        lines += ["", "class C%05d:" % i, "    def run(self):", "        return %s(1, 2)" % fn(i, 0)]
    elif ext == "c":
        lines.append('#include "%s.h"' % base)
        for k in range(4):
            lines += ["", "int %s(int a, const char *b)" % fn(i, k), "{",
                      "\treturn %s(a, b) + a;" % fn(peers[k % len(peers)], 0), "}"]
        with open(os.path.join(root, d, base + ".h"), "w") as h:
            h.write("struct s%05d { int a; };\n" % i)
    elif ext == "go":
        lines += ["package mod", ""]
        for k in range(4):
            lines += ["func %s(a int, b string) int {" % fn(i, k).replace("fn", "Fn"),
                      "\treturn %s(a, b) + a" % fn(peers[k % len(peers)], 0).replace("fn", "Fn"), "}", ""]
    else:
        lines += ["# Notes %d" % i, "", "Plain text, no grammar."]
    with open(os.path.join(root, d, base + "." + ext), "w") as f:
        f.write("\n".join(lines) + "\n")
PY
(cd "$work/gen" && git init -q && git add -A &&
	git -c user.name=b -c user.email=b@b commit -qm gen)
tracked=$(git -C "$work/gen" ls-files | wc -l)
changed=$(cd "$work/gen" && git ls-files '*.ts' | sed -n 100p)

echo "== floor: git ls-files + ctags -R ($tracked tracked files)"
floor_ms=$(python3 - "$work/gen" <<'PY'
import subprocess, sys, time
root = sys.argv[1]
best = None
for _ in range(3):
    t = time.monotonic()
    subprocess.run(["git", "-C", root, "ls-files"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["ctags", "-R", "-f", "-", root], check=True, stdout=subprocess.DEVNULL)
    ms = (time.monotonic() - t) * 1e3
    best = ms if best is None else min(best, ms)
print("%.0f" % best)
PY
)
echo "floor_ms	$floor_ms"
echo "== context_get on the same tree"
"$bench" timing "$work/gen" "$work/state-gen" "$changed" 20 | tee "$work/timing.tsv"

echo "== ranking quality, $CASES cases, 4000 tokens"
git -C "$SRC" archive --format=tar HEAD | (mkdir "$work/self" && cd "$work/self" && tar xf -)
(cd "$work/self" && git init -q && git add -A &&
	git -c user.name=b -c user.email=b@b commit -qm self)
mkdir -p "$work/dump-self" "$work/dump-eslint"
echo "-- this repository"
"$bench" ranking "$work/self" "$work/state-self" "$CASES" 4000 42 "$work/dump-self"
(cd "$work" && npm pack eslint@8.57.0 --silent >/dev/null && tar xzf eslint-8.57.0.tgz &&
	mv package eslint && cd eslint && git init -q && git add -A &&
	git -c user.name=b -c user.email=b@b commit -qm eslint)
echo "-- eslint 8.57.0 (npm)"
"$bench" ranking "$work/eslint" "$work/state-eslint" "$CASES" 4000 42 "$work/dump-eslint"

echo "== token estimate against @anthropic-ai/tokenizer"
node "$SRC/tests/bench/context/tokens.mjs" "$work/dump-self"
node "$SRC/tests/bench/context/tokens.mjs" "$work/dump-eslint"

echo "== ratios"
awk -v floor="$floor_ms" -F'\t' '
	$1 == "cold_ms" { printf "cold / floor\t%.2f\n", $2 / floor }
	$1 == "cold_from_disk_ms" { printf "cold from disk / floor\t%.3f\n", $2 / floor }
	$1 == "warm_ms" { printf "warm / floor\t%.5f (target: warm under 5 ms)\n", $2 / floor }
	$1 == "change_ms" { printf "one change / floor\t%.4f (target: under 50 ms)\n", $2 / floor }
' "$work/timing.tsv"
