#!/bin/sh
# Registry benchmark (prints figures; not a test):
#  1. `centralino import istat` of the May 2019 list into a database with an
#     empty registry, median of 5, beside sqlite3's own `.import` of the same
#     file (converted to UTF-8) into a bare table, in the same run: the ratio.
#     Targets: at most 3x.
#  2. Search latency per keystroke for 1,000 prefixes of real names, measured
#     in process (scripts/bench_search.c): median and p99. Target: p99 < 250 us.
#  3. Search quality (scripts/bench_quality.c) on a registry that imported
#     February then May 2019, with the mergers' successors known: the
#     variant queries of tests/gen-queries.sh for each seed of SEEDS
#     (default "2019 31337", side by side), per kind, right comune first /
#     in the first 5 (targets 90% / 97%). Seed 2019 was looked at while the
#     search was made; 31337 was not (held out: never tune on it); latency of the
#     queries that need the slip tolerance (target p99 < 1 ms); keystrokes
#     until the comune is in the first 5 over 300 random comuni (no worse
#     than before: median 4, p90 7). "before" is the same measure on the
#     search as it was before slips, readings and successors (commit 8c06301).
# Usage: scripts/bench-registry.sh   (BUILD=build/xx to use another build
# dir, SEEDS="2019 31337 ..." for other query sets, at most 8)
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
LIST=db/comuni-2019-05-15.csv
RUNS=5
PKGS="ncursesw sqlite3 uuid readline libutf8proc"

if ! make -s BUILD="$BUILD" "$BUILD/centralino" "$BUILD/libcentralino.a" >/dev/null 2>&1; then
	[ -x "$BUILD/centralino" ] && [ -f "$BUILD/libcentralino.a" ] ||
		{ echo "bench-registry: the build failed (make BUILD=$BUILD)" >&2; exit 70; }
	echo "bench-registry: warning: the build failed; using the existing $BUILD/centralino" >&2
fi
command -v sqlite3 >/dev/null || { echo "bench-registry: needs the sqlite3 program" >&2; exit 69; }
CN="$PWD/$BUILD/centralino"
W=$(mktemp -d "${TMPDIR:-/tmp}/cn-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
export LC_ALL=C.UTF-8 CENTRALINO_USER=bench HOME="$W"
unset CENTRALINO_DB CENTRALINO_NOW XDG_DATA_HOME

ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# A database with its staff but no registry, copied before every run.
"$CN" --db "$W/tpl.db" init >/dev/null
sqlite3 "$W/tpl.db" "DELETE FROM respondent WHERE kind IN ('comune', 'regione');
	DELETE FROM comune_former_name; DELETE FROM ambito_member; DELETE FROM comune;
	DELETE FROM provincia; DELETE FROM regione;"
iconv -f WINDOWS-1252 -t UTF-8 "$LIST" >"$W/list-utf8.csv"

: >"$W/ours"
: >"$W/theirs"
: >"$W/again"
i=0
while [ $i -lt $RUNS ]; do
	rm -f "$W/run.db" "$W/run.db-wal" "$W/run.db-shm" "$W/bare.db"
	cp "$W/tpl.db" "$W/run.db"
	t0=$(ms)
	"$CN" --db "$W/run.db" import istat "$LIST" >/dev/null
	t1=$(ms)
	sqlite3 "$W/bare.db" -cmd ".mode csv" -cmd ".separator ;" ".import '$W/list-utf8.csv' comuni"
	t2=$(ms)
	"$CN" --db "$W/run.db" import istat "$LIST" >/dev/null
	t3=$(ms)
	echo $((t1 - t0)) >>"$W/ours"
	echo $((t2 - t1)) >>"$W/theirs"
	echo $((t3 - t2)) >>"$W/again"
	i=$((i + 1))
done
ours=$(median <"$W/ours")
theirs=$(median <"$W/theirs")
again=$(median <"$W/again")
rows=$(sqlite3 "$W/bare.db" "SELECT count(*) FROM comuni")
active=$("$CN" --db "$W/run.db" stats --format tsv | awk -F'\t' '$1 == "comuni_active" {print $2}')
echo "import: centralino import istat $ours ms ($active comuni), sqlite3 .import $theirs ms ($rows rows): ratio $(awk -v a="$ours" -v b="$theirs" 'BEGIN {printf "%.2f", b ? a / b : 0}')x (target <= 3x); re-import with no change $again ms (median of $RUNS)"

# Search, in process.
cc -O2 -std=gnu11 -Iinclude -o "$W/bench_search" scripts/bench_search.c "$BUILD/libcentralino.a" \
	$(pkg-config --libs $PKGS) -lm
tail -n +4 "$W/list-utf8.csv" | cut -d';' -f7 | sed 's/ *$//' >"$W/names"
"$W/bench_search" "$W/run.db" "$W/names" 60
"$W/bench_search" "$W/run.db" "$W/names" 200

# Quality, on February then May with the successors an admin would give.
cp "$W/tpl.db" "$W/q.db"
"$CN" --db "$W/q.db" import istat tests/data/comuni-2019-02-15.csv >/dev/null
"$CN" --db "$W/q.db" import istat "$LIST" >/dev/null
"$CN" --db "$W/q.db" registry successor Molvena Colceresa >/dev/null
"$CN" --db "$W/q.db" registry successor "Mason Vicentino" Colceresa >/dev/null
"$CN" --db "$W/q.db" registry successor "Acquarica del Capo" Presicce-Acquarica >/dev/null
tail -n +4 "$W/list-utf8.csv" | awk -F';' '{gsub(/^ +| +$/, "", $5); gsub(/^ +| +$/, "", $7); print $5 ";" $7}' >"$W/codes"
sets=
for seed in ${SEEDS:-2019 31337}; do
	sh tests/gen-queries.sh "$seed" >"$W/queries-$seed"
	sets="$sets seed_$seed=$W/queries-$seed"
done
cc -O2 -std=gnu11 -Iinclude -o "$W/bench_quality" scripts/bench_quality.c "$BUILD/libcentralino.a" \
	$(pkg-config --libs $PKGS) -lm
# shellcheck disable=SC2086
"$W/bench_quality" "$W/q.db" "$W/codes" $sets
echo "before (search of commit 8c06301, seed 2019): first 25.7%, in the first 5 27.5%;" \
	"per kind first/first 5: merged 33/50, comune_di 0/0, plate 0/0, joined 100/100, slip 10/12.5," \
	"saint 90/95, bilingual 0/0, homonym 0/0; keystrokes median 4, p90 7;" \
	"search p99 66 us (limit 60), 113 us (limit 200)"
