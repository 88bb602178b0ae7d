#!/bin/sh
# The smaller hardening cases: an option value that looks like a global
# option stays the value; a header with the same column twice is refused
# by every importer; a symbolic link loop is a missing file (66).
. tests/lib.sh

db=$(fresh_db smaller)
cn() { run "$CN" --db "$db" --now 2019-06-03T10:30:00 "$@"; }

cn call add --respondent 040012 --category altro --notes "--now=2020-01-01T00:00:00" --outcome "--db" 
check "value like a global option: exit 0" 0 "$RC"
check "value like a global option: kept as the notes and outcome" "--now=2020-01-01T00:00:00|--db|2019-06-03T08:30:00Z" \
	"$(q "SELECT notes, outcome, started_at FROM call")"
cn call list --open --now 2019-06-03T10:30:00
check "a global option after a flag is still global: exit 0" 0 "$RC"

before=$(db_dump "$db" | md5sum)
printf 'respondent,kind,value,kind\n040012,email,a@b.it,pec\n' > "$T/contacts.csv"
cn import contacts "$T/contacts.csv"
check "contacts: a column twice: exit 65" 65 "$RC"
check "contacts: a column twice: message" "centralino: $T/contacts.csv:1: header: column 'kind' twice" "$ERR"
LC_ALL=C sed 's/;Denominazione altra lingua;/;Denominazione in italiano;/' db/comuni-2019-05-15.csv > "$T/istat.csv"
cn import istat "$T/istat.csv"
check "istat: a column twice: exit 65" 65 "$RC"
check "istat: a column twice: message" "centralino: $T/istat.csv:1: header: column \"Denominazione in italiano\" twice" "$ERR"
ln -s "$T/b" "$T/a"
ln -s "$T/a" "$T/b"
cn import contacts "$T/a"
check "symlink loop: exit 66" 66 "$RC"
check "nothing changed" "$before" "$(db_dump "$db" | md5sum)"
