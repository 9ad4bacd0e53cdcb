#!/bin/sh
# Installs what airunner needs on a fresh Debian 12 machine (as root) and
# builds it into build/. Idempotent: a second run installs nothing and only
# rebuilds what changed.
set -eu
cd "$(dirname "$0")/.."

missing=""
for line in $(grep -v '^#' scripts/debian-packages.txt); do
	pkg=${line%%:*}
	cmd=${line#*:}
	[ "$cmd" != "$line" ] && command -v "$cmd" >/dev/null 2>&1 && continue
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $pkg"
done
if [ -n "$missing" ]; then
	echo "setup: installing Debian packages:$missing"
	if [ "$(id -u)" != 0 ]; then
		echo "setup: not root; run: sudo apt-get install$missing" >&2
		exit 1
	fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

# Node packages for the tests and fixtures (from the npm registry).
for dir in $(find tests -name package.json -not -path '*/node_modules/*' \
		-exec dirname {} \; | sort); do
	if [ ! -d "$dir/node_modules" ] || [ "$dir/package.json" -nt "$dir/node_modules" ]; then
		echo "setup: npm install in $dir"
		(cd "$dir" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
		touch "$dir/node_modules"
	fi
done

# The tree-sitter grammars compiled into the agent (agent/context): their C
# sources and tag queries, from the npm registry at the versions pinned in
# grammars/package-lock.json (grammars/.npmrc: no install scripts run).
if [ ! -d grammars/node_modules ] ||
		[ grammars/package-lock.json -nt grammars/node_modules ]; then
	echo "setup: npm ci in grammars"
	(cd grammars && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
	touch grammars/node_modules
fi

# The VS Code extension's build tools and bundled libraries (esbuild,
# TypeScript, @vscode/vsce, chart.js, vscode-jsonrpc) at the versions of
# editors/vscode/package-lock.json; and code-server, the real VS Code its
# end-to-end tests run in (scripts/code-server-deps.sh: .cache/code-server).
if [ ! -d editors/vscode/node_modules ] ||
		[ editors/vscode/package-lock.json -nt editors/vscode/node_modules ]; then
	echo "setup: npm ci in editors/vscode"
	(cd editors/vscode && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
	touch editors/vscode/node_modules
fi
bash scripts/code-server-deps.sh >/dev/null

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" >/dev/null
echo "setup: built build/airunner"
