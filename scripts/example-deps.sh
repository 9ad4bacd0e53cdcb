#!/bin/bash
# Prints the path of the bundled example's node_modules (typescript, eslint,
# typescript-eslint), installing it from the npm registry when missing or
# older than the lockfile (npm's cache kept in .cache/npm, gitignored). The
# hook tests link it into their scratch repos; a lock keeps parallel tests
# from installing twice. Progress on stderr, the path on stdout.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
example=$src/tests/fixtures/example-ts
mods=$example/node_modules
mkdir -p "$src/.cache"
exec 9>"$src/.cache/example-deps.lock"
flock 9
if [ ! -x "$mods/.bin/tsc" ] || [ ! -x "$mods/.bin/eslint" ] ||
	[ "$example/package-lock.json" -nt "$mods/.package-lock.json" ]; then
	echo "installing the example's dev dependencies from npm" >&2
	(cd "$example" && npm ci --cache "$src/.cache/npm" --prefer-offline \
		--no-audit --no-fund --loglevel=error >&2)
fi
echo "$mods"
