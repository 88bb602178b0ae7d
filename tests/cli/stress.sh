#!/bin/sh
# A short run of scripts/stress.sh (4 processes, 10 s and at least 50
# operations each, however slow the machine; the long one is
# `scripts/stress.sh` with its defaults, 8 x 60 s): operators racing on one
# database lose nothing, double nothing, and never see "busy" as an error.
. tests/lib.sh

run bash scripts/stress.sh --procs 4 --seconds 10 --ops 50 --bin "$CN" --dir "$T/stress"
printf '%s\n' "$OUT" | sed 's/^/# /'
check "stress: exit 0" 0 "$RC"
check "stress: nothing on stderr" "" "$ERR"
total=$(printf '%s\n' "$OUT" | sed -n 's/^total //p')
check_contains "stress: errors that are not rule refusals" "errors=0" "$total"
succeeded=$(printf '%s\n' "$total" | sed -n 's/.*succeeded=\([0-9]*\).*/\1/p')
check "stress: a real load (over 100 operations succeeded, even under ASan)" yes "$([ "${succeeded:-0}" -gt 100 ] && echo yes || echo "no: $total")"
for op in issue reissue revoke call close lsimport extension report; do
	line=$(printf '%s\n' "$OUT" | awk -v op="$op" '$1 == op')
	check "stress: $op attempted and succeeded at least once" yes \
		"$(printf '%s\n' "$line" | awk '$2 > 0 && $3 > 0 && $5 == 0 {print "yes"}')"
done
check "stress: some refusals by rule (the races happened)" yes \
	"$(printf '%s\n' "$total" | awk -F 'refused=' '{split($2, a, " "); print (a[1] > 0) ? "yes" : "no"}')"
for name in "errors that are not rule refusals" integrity_check foreign_key_check \
	"every logged call in the database exactly once" "every closed call is chiusa" \
	"every code given is in the database exactly once" "every revoked code is revoked" \
	"every code a re-issue replaced is revoked" \
	"never two active codes for one respondent" "every re-issue revoked the code before it" \
	"one audit row per change" "audit rows name existing objects"; do
	check_contains "stress: $name" "check $name: ok" "$OUT"
done
