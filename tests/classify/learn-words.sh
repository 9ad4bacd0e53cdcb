#!/bin/sh
# Makes data/patterns/learned-words, the general layer's categories by
# likeness (agent/classify/learned.h), from a fixture folder that
# make-fixtures.sh made: every expected problem the scorer finds at its
# place gives its category and its message's words. Batches named in SKIP
# are left out, so that they still measure what the others taught.
#
#   tests/classify/learn-words.sh FIXTURES ["held16 held17"]
#
# BUILD (default build) is the build tree whose test_classify runs.
set -eu
SRC=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -ge 1 ] || { echo "usage: $0 FIXTURES [SKIP_BATCHES]" >&2; exit 2; }
fx=$(cd "$1" && pwd)
skip=${2:-}
build=${BUILD:-$SRC/build}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

# the scorer's verdict does not matter here, only what it finds where
(cd "$SRC/tests" && CLASSIFY_FIXTURES="$fx" CLASSIFY_LEARN_OUT="$tmp" \
	CLASSIFY_LEARN_SKIP="$skip" "$build/tests/test_classify" >/dev/null 2>&1) || :
[ -s "$tmp" ] || { echo "$0: no examples from $fx" >&2; exit 1; }
out="$SRC/data/patterns/learned-words"
{
	echo "# Made by tests/classify/learn-words.sh from the classification"
	echo "# fixtures (do not edit): category, tab, the words of one message."
	[ -z "$skip" ] || echo "# Left out, to measure what the others taught: $skip."
	LC_ALL=C sort -u "$tmp"
} >"$out.new"
mv "$out.new" "$out"
echo "$out: $(grep -vc '^#' "$out") examples"
