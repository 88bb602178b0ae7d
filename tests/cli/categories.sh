#!/bin/sh
# Call categories: an admin disables one (no longer offered for new calls,
# calls keep it) and enables it again; 'altro' stays; refusals; audited.
. tests/lib.sh

db=$(fresh_db categories)
cn() { run "$CN" --db "$db" --now 2019-07-01T10:00:00 "$@"; }
cn staff add sara --name "Sara Rossi" --role supervisore
cn call add --respondent 001272 --category codice_smarrito --caller "Mario Rossi"
check "setup: a call with the category" 0 "$RC"
n=$(audit_n)
cn --user sara call category disable codice_smarrito
check "supervisore may not: exit 77" 77 "$RC"
cn call category disable codice_smarrito
check "disable: exit 0" 0 "$RC"
check "disable: says so" "category codice_smarrito disabled: no longer offered for new calls" "$OUT"
check "disable: audited" "$((n + 1))|tester|call_category.disable|call_category|codice_smarrito|{\"name\":\"codice_smarrito\"}" "$(audit_n)|$(last_audit)"
cn call category list --format tsv
check_not_contains "disable: not in the list" "codice_smarrito" "$OUT"
cn call category list --all --format tsv
check "disable: in --all, inactive, its call kept" "codice_smarrito	Codice smarrito	1	0" "$(printf '%s\n' "$OUT" | grep '^codice_smarrito')"
cn call category disable codice_smarrito
check "disable twice: exit 65" 65 "$RC"
cn call category disable altro
check "altro stays: exit 65" 65 "$RC"
cn call category disable nessuna
check "unknown: exit 66" 66 "$RC"
cn call category enable codice_smarrito
check "enable: exit 0" 0 "$RC"
cn call category list --format tsv
check_contains "enable: offered again" "codice_smarrito" "$OUT"
