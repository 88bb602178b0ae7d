#!/bin/sh
# A short run of scripts/crashtest.sh (5 kills per operation; the long one
# is 50): SIGKILL during an ISTAT import, `code generate --all` and a
# LimeSurvey status import leaves a database that opens, passes its
# integrity check and holds all of the operation or none of it.
. tests/lib.sh

run bash scripts/crashtest.sh --kills 5 --bin "$CN" --dir "$T/crash"
printf '%s\n' "$OUT" | sed 's/^/# /'
check "crashtest: exit 0" 0 "$RC"
check "crashtest: nothing on stderr" "" "$ERR"
for op in istat generate limesurvey; do
	line=$(printf '%s\n' "$OUT" | grep "^crash $op: ")
	check_contains "crash $op: 5 kills, none torn, none unreadable" "5 kills" "$line"
	check "crash $op: every kill left all or nothing" "0 torn, 0 unreadable" \
		"$(printf '%s\n' "$line" | sed -n 's/.*after, \([0-9]* torn, [0-9]* unreadable\).*/\1/p')"
	check "crash $op: before + after = kills" 5 \
		"$(printf '%s\n' "$line" | sed -n 's/.*kills, \([0-9]*\) before, \([0-9]*\) after.*/\1 \2/p' | awk '{print $1 + $2}')"
done
