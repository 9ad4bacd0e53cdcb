#!/bin/bash
# Prints the folder of the code-server (VS Code for the browser, from the npm
# registry) the VS Code extension's end-to-end tests run in, installing it
# when missing: .cache/code-server (gitignored), npm's cache in .cache/npm.
#
# Offline except for the npm registry, as root on Debian 12 with the packages
# of scripts/debian-packages.txt (build-essential, python3, pkg-config,
# libkrb5-dev, ripgrep; chromium for the tests):
# - code-server 4.100.3 (VS Code 1.100.3) is the newest whose engines.node is
#   20, the Node of Debian 12's era; its postinstall refuses another major;
# - its postinstall compiles node-pty, kerberos, spdlog and native-watchdog
#   with node-gyp: Node's headers come from the machine (nodedir), not a
#   download; node-pty runs `npx node-gyp` (yes=true); as root npm needs
#   unsafe_perm;
# - @vscode/ripgrep's postinstall looks in $TMPDIR/vscode-ripgrep-cache-V/
#   for its archive before it downloads one: we put Debian's rg there.
# A lock keeps parallel tests from installing twice. Progress on stderr, the
# folder on stdout; exit 1 when the install failed.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
version=4.100.3
rg_pkg=1.15.11                     # @vscode/ripgrep as VS Code 1.100 pins it
rg_asset=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
prefix=$src/.cache/code-server
cs=$prefix/node_modules/code-server
vs=$cs/lib/vscode

mkdir -p "$prefix"
exec 9>"$src/.cache/code-server.lock"
flock 9

installed() {
	[ -x "$prefix/node_modules/.bin/code-server" ] &&
	[ "$(node -p "require('$cs/package.json').version" 2>/dev/null)" = "$version" ] &&
	[ -f "$vs/node_modules/node-pty/build/Release/pty.node" ] &&
	[ -f "$vs/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] &&
	[ -x "$vs/node_modules/@vscode/ripgrep/bin/rg" ]
}

if ! installed; then
	echo "installing code-server $version from npm (compiles native modules; a minute or more)" >&2
	command -v rg >/dev/null || { echo "code-server-deps: no rg (Debian's ripgrep)" >&2; exit 1; }
	node_root=$(dirname "$(dirname "$(command -v node)")")
	[ -f "$node_root/include/node/node_version.h" ] ||
		{ echo "code-server-deps: no Node headers in $node_root/include/node" >&2; exit 1; }
	tmp=$prefix/tmp
	mkdir -p "$tmp/vscode-ripgrep-cache-$rg_pkg" "$tmp/rg"
	cp "$(command -v rg)" "$tmp/rg/rg"
	tar -czf "$tmp/vscode-ripgrep-cache-$rg_pkg/$rg_asset" -C "$tmp/rg" rg
	printf '{"private":true,"dependencies":{"code-server":"%s"}}\n' "$version" >"$prefix/package.json"
	(cd "$prefix" &&
		TMPDIR=$tmp npm_config_nodedir=$node_root npm_config_unsafe_perm=true \
		npm_config_yes=true npm_config_update_notifier=false \
		npm install --cache "$src/.cache/npm" --prefer-offline --no-audit \
			--no-fund --loglevel=error >&2)
	installed || { echo "code-server-deps: the install is incomplete" >&2; exit 1; }
fi
echo "$prefix"
