#!/bin/bash
# `cpack -G DEB`: a Debian package of the build, its Depends computed by
# dpkg-shlibdeps; unpacked with `dpkg-deb -x` into a scratch root, its
# binary runs a commit through the hook end to end.
. "$(dirname "$0")/lib/hooklib.sh"
. "$(dirname "$0")/lib/installlib.sh"
build=$(dirname "$AIRUNNER_BIN")
command -v dpkg-shlibdeps >/dev/null || fail "dpkg-shlibdeps (dpkg-dev) is missing"

# The package of the tree already built: cpack installs it into its own
# staging folder under -B, so the build is not redone.
(cd "$build" && cpack -G DEB -B "$T/pkg") >"$T/cpack.log" 2>&1 || { cat "$T/cpack.log" >&2; fail "cpack -G DEB"; }
deb=$(ls "$T"/pkg/airunner_*.deb 2>/dev/null)
[ -f "$deb" ] || fail "no .deb in $T/pkg"

dpkg-deb -f "$deb" Package Version Architecture Section Maintainer Description >"$T/control" || fail "dpkg-deb -f"
expect_in "$T/control" "Package: airunner"
expect_in "$T/control" "Section: devel"
expect_in "$T/control" "Maintainer: "
expect_in "$T/control" "Architecture: $(dpkg --print-architecture)"
# Depends names the libraries the binary links, with the packages
# dpkg-shlibdeps found them in.
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libc6 libcurl libev libgit2 libpcre2-8; do
	grep -q "\b$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
[ "$(dpkg-deb -f "$deb" Recommends)" = git ] || fail "Recommends is not git"

dpkg-deb -c "$deb" | awk '{print $6}' >"$T/contents"
for f in ./usr/bin/airunner ./usr/bin/airunner-hook ./usr/share/airunner/patterns/30-gcc.conf ./usr/share/airunner/resident/worker.mjs ./usr/share/man/man1/airunner.1 \
	./usr/share/bash-completion/completions/airunner ./usr/share/zsh/vendor-completions/_airunner \
	./usr/share/vim/vimfiles/plugin/airunner.vim ./usr/share/vim/vimfiles/doc/airunner.txt; do
	grep -qx -- "$f" "$T/contents" || fail "$f is not in the package"
done

root=$T/root
dpkg-deb -x "$deb" "$root" || fail "dpkg-deb -x"
patterns_from_prefix "$root/usr/bin/airunner" "$root/usr/share"
hook_round_trip "$root/usr/bin"
echo ok
