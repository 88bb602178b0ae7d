#!/bin/sh
# `make fuzz`: builds the libFuzzer targets of tests/fuzz/ (clang,
# -fsanitize=fuzzer,address,undefined, the core library rebuilt in
# build/fuzz with the same sanitizers) and runs each for SECONDS (default
# 60) from its seeds (tests/fuzz/seeds/TARGET) and what earlier runs found
# (build/fuzz/corpus/TARGET). A crash, leak or hang stops with the
# reproducer in build/fuzz/artifacts/: fix it, then keep the file in
# tests/fuzz/regress/TARGET/ (tests/unit/test_fuzz_regress.c replays it).
# usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -eu
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
[ $# -gt 0 ] && shift
TARGETS=${*:-$(ls tests/fuzz/fuzz_*.c | sed 's|.*/fuzz_\(.*\)\.c|\1|')}
B=build/fuzz
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
PKGS="ncursesw sqlite3 uuid readline libutf8proc"

command -v clang >/dev/null || { echo "fuzz: clang is missing (scripts/install-deps.sh fuzz)" >&2; exit 1; }
make -s BUILD=$B CC=clang \
	CFLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link $SAN" "$B/libcentralino.a"
mkdir -p "$B/bin" "$B/artifacts"
status=0
for t in $TARGETS; do
	clang -std=gnu11 -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer $SAN -Iinclude \
		-o "$B/bin/fuzz_$t" "tests/fuzz/fuzz_$t.c" "$B/libcentralino.a" \
		$(pkg-config --libs $PKGS) -lm
	mkdir -p "$B/corpus/$t"
	echo "fuzz $t: ${SECONDS_EACH}s"
	# -timeout: an input taking 10 s is a hang; -rss_limit_mb: a blow-up
	if ! ASAN_OPTIONS=detect_leaks=1 "$B/bin/fuzz_$t" -max_total_time="$SECONDS_EACH" \
		-timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
		-artifact_prefix="$B/artifacts/$t-" "$B/corpus/$t" "tests/fuzz/seeds/$t" \
		>"$B/fuzz_$t.log" 2>&1; then
		echo "fuzz $t: FOUND SOMETHING: see $B/fuzz_$t.log and $B/artifacts/"
		status=1
	fi
	# executions and coverage of this run
	grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec|^stat::peak_rss_mb' "$B/fuzz_$t.log" |
		sed "s/^/fuzz $t: /"
	grep -E '^#[0-9]+.*(DONE|cov:)' "$B/fuzz_$t.log" | tail -n 1 | sed "s/^/fuzz $t: last: /"
	# edges reached by the whole corpus, per source file of the core that it
	# enters (files the target never reaches are left out)
	"$B/bin/fuzz_$t" -runs=0 -print_coverage=1 "$B/corpus/$t" "tests/fuzz/seeds/$t" 2>&1 |
		sed -n 's|^\(UN\)\{0,1\}COVERED_FUNC: hits: [0-9]* edges: \([0-9]*\)/\([0-9]*\) [^ ]* .*/\(src/core/[a-z_]*\.c\):.*|\4 \2 \3|p' |
		awk -v t="$t" '{ c[$1] += $2; n[$1] += $3 }
			END { for (f in c) if (c[f] > 0) printf "fuzz %s: coverage %s %d/%d edges (%.0f%%)\n", t, f, c[f], n[f], 100 * c[f] / n[f] }' | sort -t '(' -k 2 -rn
done
exit $status
