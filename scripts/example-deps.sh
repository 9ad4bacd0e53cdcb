#!/bin/bash
# Prints the path of a node_modules folder holding the bundled example's dev
# dependencies (typescript, eslint, typescript-eslint), installing them from
# the npm registry the first time. The install is keyed by the lockfile's
# checksum and kept under .cache/ (gitignored), so the demo and the tests pay
# for it once; a lock keeps parallel tests from installing twice.
#   usage: scripts/example-deps.sh   (progress on stderr, the path on stdout)
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
example=$src/tests/fixtures/example-ts
key=$(cat "$example/package.json" "$example/package-lock.json" | sha256sum | cut -c1-16)
dir=$src/.cache/example-ts/$key
mkdir -p "$src/.cache/example-ts"
exec 9>"$src/.cache/example-ts/lock"
flock 9
if [ ! -e "$dir/.complete" ]; then
	echo "installing the example's dev dependencies from npm into $dir" >&2
	rm -rf "$dir" && mkdir -p "$dir"
	cp "$example/package.json" "$example/package-lock.json" "$dir/"
	(cd "$dir" && npm ci --cache "$src/.cache/npm" --prefer-offline \
		--no-audit --no-fund --loglevel=error >&2)
	touch "$dir/.complete"
fi
echo "$dir/node_modules"
