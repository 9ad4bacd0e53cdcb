#!/bin/sh
# Every test: set-up, the normal build's suite, the same suite under
# ASan+UBSan, and each fuzz target for a bounded time on its corpus.
# FUZZ_SECONDS (default 60) bounds each fuzz target; 0 skips fuzzing.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh

jobs=$(nproc)
echo "== tests (build/)"
# A test that fails is run once more before it counts (--repeat
# until-pass:2): the end-to-end suites drive real editors and compilers on
# shared machines; a failure that repeats is a failure.
(cd build && ctest --output-on-failure --repeat until-pass:2 -j "$jobs")

echo "== tests under ASan+UBSan (build-asan/)"
cmake -S . -B build-asan -DAIRUNNER_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-asan -j "$jobs" >/dev/null
ASAN_OPTIONS=abort_on_error=0:detect_leaks=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 AIRUNNER_TEST_TIMEOUT_MS=20000 \
	sh -c 'cd build-asan && ctest --output-on-failure --repeat until-pass:2 -j "$0"' "$jobs"

seconds=${FUZZ_SECONDS:-60}
if [ "$seconds" -gt 0 ]; then
	echo "== fuzzing (build-fuzz/), ${seconds}s a target"
	cmake -S . -B build-fuzz -DAIRUNNER_FUZZ=ON -DCMAKE_C_COMPILER=clang \
		-DCMAKE_BUILD_TYPE=Debug >/dev/null
	cmake --build build-fuzz -j "$jobs" >/dev/null
	for target in build-fuzz/tests/fuzz_*; do
		name=$(basename "$target" | sed 's/^fuzz_//')
		work=$(mktemp -d)
		"$target" -max_total_time="$seconds" -max_len=65536 \
			"$work" "tests/fuzz/corpus/$name" >"$work.log" 2>&1 || {
			tail -40 "$work.log"
			echo "fuzz_$name: FAILED (crash input and log above)"
			exit 1
		}
		echo "fuzz_$name: $(grep -o 'Done [0-9]* runs' "$work.log" | tail -1), no crash"
		rm -rf "$work" "$work.log"
	done
fi
echo "== all tests passed"
