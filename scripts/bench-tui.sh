#!/bin/sh
# Key-to-screen latency of the lookup screen ("the screen updated
# within 5 ms of the key"): types 200 real names into `centralino tui` on a
# pseudo-terminal and prints the median and p99. Not a test.
# Usage: scripts/bench-tui.sh [BUILD_DIR]
set -eu
BUILD=${1:-build}
CN="$PWD/$BUILD/centralino"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cn-bench-tui.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/bench_tui" scripts/bench_tui.c -lutil
export HOME="$tmp" CENTRALINO_USER="${USER:-$(id -un)}"
unset CENTRALINO_DB XDG_DATA_HOME XDG_STATE_HOME NO_COLOR
"$CN" --db "$tmp/bench.db" init >/dev/null
# 200 names spread over the list (a fixed order: the runs are comparable).
sqlite3 "$tmp/bench.db" "SELECT name FROM comune ORDER BY substr(istat, 4) || istat LIMIT 200" >"$tmp/names"
"$tmp/bench_tui" "$CN" "$tmp/bench.db" <"$tmp/names"
