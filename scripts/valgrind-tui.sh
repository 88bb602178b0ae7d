#!/bin/sh
# The TUI tests' key flows under valgrind: every full-screen
# process of tests/tui/*.sh runs under `valgrind --leak-check=full`; the
# CLI calls the tests make for their set-up run as usual. Passes when each
# valgrind log says "definitely lost: 0 bytes" (or "no leaks are possible")
# and reports no memory error, and the suites' own checks pass (with
# TUI_TIMEOUT raised: valgrind is ~20x slower).
# usage: scripts/valgrind-tui.sh [BUILD_DIR] [SUITE...]   (default: build, all of tests/tui)
# Needs valgrind (Debian package `valgrind`).
set -u
cd "$(dirname "$0")/.." || exit 1
SRC_BUILD=${1:-build}
[ $# -gt 0 ] && shift
SUITES=${*:-$(ls tests/tui/*.sh | grep -v '/lib')}
command -v valgrind >/dev/null || { echo "valgrind-tui: valgrind is missing (apt-get install valgrind)" >&2; exit 1; }
[ -x "$SRC_BUILD/centralino" ] || { echo "valgrind-tui: no $SRC_BUILD/centralino (run make)" >&2; exit 1; }

# A build folder whose "centralino" runs the real one, under valgrind when
# it starts the full-screen interface. The catalogue is found beside it.
VB=build/valgrind
LOGS="$PWD/$VB/logs"
rm -rf "$VB"
mkdir -p "$LOGS"
ln -s "$PWD/$SRC_BUILD/locale" "$VB/locale" 2>/dev/null
cat >"$VB/centralino" <<EOF
#!/bin/sh
for a in "\$@"; do
	if [ "\$a" = tui ]; then
		exec valgrind --leak-check=full --show-leak-kinds=definite \\
			--errors-for-leak-kinds=definite --track-origins=yes \\
			--log-file="$LOGS/vg.%p.log" "$PWD/$SRC_BUILD/centralino" "\$@"
	fi
done
exec "$PWD/$SRC_BUILD/centralino" "\$@"
EOF
chmod +x "$VB/centralino"

status=0
for s in $SUITES; do
	out=$(BUILD=$VB TUI_TIMEOUT=60 TUI_CPU_BOUND=10000 sh "$s" 2>&1)
	p=$(printf '%s\n' "$out" | grep -c '^ok ')
	f=$(printf '%s\n' "$out" | grep -c '^not ok ')
	printf 'valgrind-tui %s: %d checks passed, %d failed\n' "$s" "$p" "$f"
	[ "$f" -eq 0 ] || { status=1; printf '%s\n' "$out" | grep -A4 '^not ok' | head -20 | sed 's/^/    /'; }
done

# A test ends by killing its tmux server; valgrind then still writes its
# leak summary for a moment. Wait (up to 60 s) until no run is left.
i=0
while pgrep -f "log-file=$LOGS/" >/dev/null 2>&1 && [ "$i" -lt 600 ]; do
	sleep 0.1
	i=$((i + 1))
done

# The verdict of every valgrind run (one log per TUI process).
n=0
lost=0
errs=0
noverdict=0
for l in "$LOGS"/vg.*.log; do
	[ -f "$l" ] || continue
	n=$((n + 1))
	d=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$l" | tr -d ',')
	e=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$l")
	if [ -z "$d" ] && ! grep -q 'no leaks are possible' "$l"; then
		# the process never reached its end (killed): no leak verdict
		noverdict=$((noverdict + 1))
		echo "valgrind-tui: no leak summary in $l (the program did not end normally)"
	fi
	lost=$((lost + ${d:-0}))
	if [ "${e:-0}" -gt 0 ]; then
		errs=$((errs + 1))
		echo "valgrind-tui: problems in $l:"
		grep -B2 -A12 'Invalid \|uninitialised\|Mismatched\|definitely lost in' "$l" | head -40 | sed 's/^/    /'
	fi
done
printf 'valgrind-tui: %d TUI processes under valgrind, %d bytes definitely lost, %d with errors, %d without a verdict\n' \
	"$n" "$lost" "$errs" "$noverdict"
[ "$n" -gt 0 ] && [ "$lost" -eq 0 ] && [ "$errs" -eq 0 ] && [ "$noverdict" -eq 0 ] || status=1
exit $status
