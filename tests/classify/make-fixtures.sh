#!/bin/sh
# Runs the real tools on small broken sources and keeps what they print, one
# file per case in OUT (default: a fresh temp folder, printed at the end).
# The classification tests read these; nothing here is hand-written output.
# A tool that is not installed is skipped (its fixtures are simply absent).
#
#   tests/classify/make-fixtures.sh [OUT]
#
# tsc, eslint, jest, vitest and tailwindcss come from tests/classify's
# package.json (installed here from the npm registry on first use); gcc, clang,
# python3, node, javac, rustc and go from the machine. OUT/skipped names the
# tools that were not there, so a test can tell "absent" from "broken".
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$(mktemp -d)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
W="$OUT/src"
rm -rf "$W"
mkdir -p "$W"
cd "$W" || exit 1
BIN="$HERE/node_modules/.bin"
: >"$OUT/skipped"
if [ ! -x "$BIN/tsc" ] && command -v npm >/dev/null 2>&1; then
	(cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error) >"$OUT/npm.log" 2>&1
fi
[ -d "$HERE/node_modules" ] && ln -s "$HERE/node_modules" node_modules
export NO_COLOR=1 CI=true

# have TOOL: is it installed? (records the ones that are not)
have() {
	command -v "$1" >/dev/null 2>&1 && return 0
	echo "${1##*/}" >>"$OUT/skipped"
	return 1
}
# run NAME CMD...: stdout and stderr of CMD (exit status ignored: they fail)
run() { name=$1; shift; "$@" >"$OUT/$name.out" 2>&1; :; }

# Each tool family runs in its own subshell and folder, in parallel.
# ---- TypeScript ----
(
if have "$BIN/tsc"; then
	mkdir ts && cd ts
	cat >lib.ts <<'X'
export const foo = 1;
export function greet(name: string): string { return "hi " + name; }
X
	cat >missing_export.ts <<'X'
import { baz } from './lib';
import { fooo } from './lib';
console.log(baz, fooo);
X
	cat >unresolved.ts <<'X'
import { thing } from './nowhere';
console.log(thing);
X
	cat >types.ts <<'X'
import { greet } from './lib';
const n: number = "seven";
greet(42);
console.log(n, undefinedThing);
X
	cat >syntax.ts <<'X'
const x = ;
console.log(x);
X
	# "types": [] keeps tsc from loading every @types package around
	cat >tsconfig.json <<'X'
{ "compilerOptions": { "strict": true, "noEmit": true, "types": [], "skipLibCheck": true },
  "files": ["lib.ts", "missing_export.ts", "unresolved.ts", "types.ts"] }
X
	cat >tsconfig.syntax.json <<'X'
{ "compilerOptions": { "noEmit": true, "types": [] }, "files": ["syntax.ts"] }
X
	run tsc "$BIN/tsc" -p tsconfig.json --pretty false
	run tsc-syntax "$BIN/tsc" -p tsconfig.syntax.json --pretty false
	run tsc-pretty "$BIN/tsc" -p tsconfig.json --pretty true
	cd ..
fi
) &

# ---- ESLint (flat config, stylish and unix formats) ----
(
if have "$BIN/eslint"; then
	mkdir lint && cd lint
	cat >eslint.config.js <<'X'
export default [{
	languageOptions: { sourceType: "module", globals: { console: "readonly" } },
	rules: { "no-unused-vars": "error", "no-undef": "error", "eqeqeq": "warn" },
}];
X
	cat >bad.js <<'X'
const unusedThing = 1;
export function check(a) {
	if (a == 2) return missingFn(a);
	return 0;
}
X
	cat >broken.js <<'X'
export const x = {;
X
	ln -s ../node_modules node_modules
	echo '{"type":"module"}' >package.json
	run eslint "$BIN/eslint" bad.js broken.js
	run eslint-unix "$BIN/eslint" -f unix bad.js broken.js
	cd ..
fi
) &

# ---- gcc and clang ----
(
mkdir c && cd c
cat >undeclared.c <<'X'
int main(void)
{
	return counter;
}
X
cat >syntax.c <<'X'
int main(void)
{
	int a = 1
	return a;
}
X
cat >types.c <<'X'
struct point { int x, y; };
int main(void)
{
	struct point p = { 1, 2 };
	int *q = p;
	return *q;
}
X
cat >header.c <<'X'
#include "nothere.h"
int main(void) { return 0; }
X
cat >link.c <<'X'
void frobnicate(int);
int main(void)
{
	frobnicate(3);
	return 0;
}
X
cat >implicit.c <<'X'
int main(void)
{
	return do_magic(2);
}
X
for cc in gcc clang; do
	have $cc || continue
	run $cc-undeclared $cc -c undeclared.c -o /dev/null
	run $cc-syntax $cc -c syntax.c -o /dev/null
	run $cc-types $cc -c types.c -o /dev/null
	run $cc-header $cc -c header.c -o /dev/null
	run $cc-link $cc -g link.c -o link.bin
	run $cc-implicit $cc -Wall implicit.c -o implicit.bin
done
if have gcc; then
	for f in undeclared types link; do
		gcc -fdiagnostics-format=json -Wall -c $f.c -o /dev/null 2>&1
	done >"$OUT/gcc-json.out"
fi
cd ..
) &

# ---- Python ----
(
if have python3; then
	mkdir py && cd py
	printf 'def show():\n    print(undefined_name)\n\nshow()\n' >name.py
	printf 'import os\nimport notamodule_xyz\n' >mod.py
	printf 'def size(v):\n    return len(v)\n\nsize(5)\n' >typ.py
	printf 'def f(:\n    pass\n' >syn.py
	printf 'from os import notthere\n' >imp.py
	run py-name python3 name.py
	run py-mod python3 mod.py
	run py-type python3 typ.py
	run py-syntax python3 syn.py
	run py-compile python3 -m py_compile syn.py
	run py-import python3 imp.py
	cd ..
fi
) &

# ---- Node, node:test, jest, vitest ----
(
if have node; then
	mkdir nodejs && cd nodejs
	echo 'export const x = 1;' >lib.mjs
	printf "import { y } from './lib.mjs';\nconsole.log(y);\n" >export.mjs
	printf "import './nope.mjs';\n" >relative.mjs
	printf "const pad = require('left-pad-nope');\npad();\n" >dep.cjs
	printf "function go() {\n  return notDefinedHere + 1;\n}\ngo();\n" >ref.cjs
	run node-export node export.mjs
	run node-relative node relative.mjs
	run node-dep node dep.cjs
	run node-ref node ref.cjs
	cat >sum.test.mjs <<'X'
import test from 'node:test';
import assert from 'node:assert';
test('adds numbers', () => {
  assert.strictEqual(1 + 2, 4);
});
test('passes', () => {});
X
	run nodetest-spec node --test --test-reporter=spec sum.test.mjs
	run nodetest-tap node --test --test-reporter=tap sum.test.mjs
	cat >slow.test.mjs <<'X'
import test from 'node:test';
test('sleeps too long', { timeout: 50 }, async () => {
  await new Promise((r) => setTimeout(r, 300));
});
X
	run nodetest-timeout-spec node --test --test-reporter=spec slow.test.mjs
	run nodetest-timeout-tap node --test --test-reporter=tap slow.test.mjs
	cd ..
	if have "$BIN/jest"; then
		mkdir jest && cd jest
		printf 'function sum(a, b) { return a + b; }\nmodule.exports = sum;\n' >sum.js
		cat >sum.test.js <<'X'
const sum = require('./sum');
test('adds 1 + 2 to equal 4', () => {
  expect(sum(1, 2)).toBe(4);
});
X
		echo '{"name":"j","private":true}' >package.json
		cat >slow.test.js <<'X'
test('waits forever', (done) => {
  expect(1).toBe(1);
}, 50);
X
		run jest "$BIN/jest" --ci --rootDir . sum.test.js
		run jest-timeout "$BIN/jest" --ci --rootDir . slow.test.js
		cd ..
	fi
	if have "$BIN/vitest"; then
		mkdir vit && cd vit
		ln -s ../node_modules node_modules
		echo '{"name":"v","private":true,"type":"module"}' >package.json
		cat >sum.test.js <<'X'
import { test, expect } from 'vitest';
test('multiplies', () => {
  expect(2 * 3).toBe(7);
});
X
		run vitest "$BIN/vitest" run --root .
		cd ..
	fi
fi
) &

# ---- Tailwind ----
(
if have "$BIN/tailwindcss"; then
	mkdir tw && cd tw
	printf '@tailwind utilities;\n.btn {\n  @apply px-4 bg-nope-500;\n}\n' >in.css
	echo 'module.exports = { content: ["./*.html"] };' >tailwind.config.js
	echo '<div class="btn"></div>' >index.html
	run tailwind "$BIN/tailwindcss" -i in.css -o out.css
	cd ..
fi
) &

# ---- Rust ----
(
if have rustc; then
	mkdir rs && cd rs
	cat >main.rs <<'X'
use std::collections::HashMapp;
fn main() {
    let n: i32 = "seven";
    println!("{}", missing_value);
}
X
	run rustc rustc --edition 2021 main.rs
	if have cargo; then
		mkdir -p crate/src
		printf '[package]\nname = "broken"\nversion = "0.1.0"\nedition = "2021"\n' >crate/Cargo.toml
		cp main.rs crate/src/main.rs
		(cd crate && run cargo cargo build --offline --quiet)
	fi
	cd ..
fi
) &

# ---- Go ----
(
if have go; then
	mkdir gosrc && cd gosrc
	cat >main.go <<'X'
package main

import "fmt"

func main() {
	var s string = 5
	fmt.Println(s, missing)
}
X
	export GOPROXY=off GOFLAGS=-mod=mod GOCACHE="$W/.gocache" GOTOOLCHAIN=local
	printf 'module example.com/broken\n\ngo 1.19\n' >go.mod
	run go-build go build ./...
	mkdir vet && cat >vet/v.go <<'X'
package vet

import "fmt"

func Show(n int) {
	fmt.Printf("%s\n", n)
}
X
	run go-vet go vet ./vet
	mkdir dep && printf 'package dep\n\nimport _ "github.com/nope/nothing"\n' >dep/d.go
	run go-dep go build ./dep
	cd ..
fi
) &

# ---- Java ----
(
if have javac; then
	mkdir java && cd java
	cat >Sym.java <<'X'
public class Sym {
    public static void main(String[] args) {
        int n = counter + 1;
        String s = 5;
    }
}
X
	cat >Syn.java <<'X'
public class Syn {
    int x = 1
}
X
	run javac-symbol javac -d out Sym.java
	run javac-syntax javac -d out Syn.java
	cd ..
fi
) &

wait

echo "$OUT"
