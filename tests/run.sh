#!/bin/sh
# Runs every suite: unit (cmocka), CLI and TUI (shell), and ends with one
# line "N passed, N failed". Usage: tests/run.sh [BUILD_DIR]
BUILD=${1:-build}
export BUILD
# Unit tests too: the host's /etc/centralino.conf is never read.
CENTRALINO_SYSTEM_CONFIG=/nonexistent/centralino.conf
export CENTRALINO_SYSTEM_CONFIG
cd "$(dirname "$0")/.." || exit 1
LOG="$BUILD/test-log"
mkdir -p "$BUILD"
: >"$LOG"

run_suite() {
	name=$1
	shift
	out=$("$@" 2>&1)
	printf '%s\n' "$out" >>"$LOG"
	# "ok - NAME # SKIP why": a suite that could not run here, not a pass
	s=$(printf '%s\n' "$out" | grep -c '^ok .* # SKIP')
	p=$(($(printf '%s\n' "$out" | grep -c '^ok ') - s))
	f=$(printf '%s\n' "$out" | grep -c '^not ok ')
	SKIPPED=$((SKIPPED + s))
	if [ "$s" -gt 0 ]; then
		printf '%-40s skipped: %s\n' "$name" "$(printf '%s\n' "$out" | sed -n 's/^ok .* # SKIP //p' | head -n 1)"
		[ "$p" -eq 0 ] && [ "$f" -eq 0 ] && return
	fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		# a suite that checked nothing is itself a failure
		f=1
		printf '%s\n' "$out" | tail -n 5 | sed 's/^/    /'
	fi
	PASSED=$((PASSED + p))
	FAILED=$((FAILED + f))
	printf '%-40s %4d passed, %d failed\n' "$name" "$p" "$f"
	printf '%s\n' "$out" | grep -A6 '^not ok ' | sed 's/^/    /' | head -60
}

PASSED=0
FAILED=0
SKIPPED=0
for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	case "$t" in *.d|*.o) continue ;; esac
	run_suite "unit/$(basename "$t")" env CMOCKA_MESSAGE_OUTPUT=TAP "$t"
done
for s in tests/cli/*.sh tests/tui/*.sh; do
	[ -f "$s" ] || continue
	case "$s" in */lib*.sh) continue ;; esac
	run_suite "$s" sh "$s"
done
[ "$SKIPPED" -eq 0 ] || echo "$SKIPPED skipped"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
