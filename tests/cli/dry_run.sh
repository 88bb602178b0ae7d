#!/bin/sh
# --dry-run of the registry and contact importers (LimeSurvey's is checked in
# limesurvey.sh, the generic status import in progress.sh): the database is
# left byte-identical, the summary line is the one the real import then
# prints, and the names listed are what the real import then changes.
. tests/lib.sh

db=$(fresh_db dry_run)
cn() { run "$CN" --db "$db" --now 2019-06-03T10:30:00 "$@"; }
files() { cat "$db" "$db-wal" 2>/dev/null | md5sum; }
# dry_then_real WHAT ARGS...: the dry run, its checks, then the same import for real
dry_then_real() {
	what=$1
	shift
	before=$(db_dump "$db")
	sum=$(files)
	audit=$(audit_n)
	cn "$@" --dry-run
	check "$what: dry run exit 0" 0 "$RC"
	DRY=$OUT
	check "$what: dry run leaves the content unchanged" "$before" "$(db_dump "$db")"
	check "$what: dry run leaves the files byte-identical" "$sum" "$(files)"
	check "$what: dry run writes no audit row" "$audit" "$(audit_n)"
	check "$what: dry run ends saying so" "dry run: nothing changed" "$(printf '%s\n' "$DRY" | tail -n 1)"
	cn "$@"
	check "$what: real import exit 0" 0 "$RC"
	check "$what: the dry run's summary is the import's" "$OUT" "$(printf '%s\n' "$DRY" | sed -n 1p)"
}
# listed HEADING: the ids under "HEADING (N):" in the dry run's output
listed() {
	printf '%s\n' "$DRY" | awk -v h="$1" 'index($0, h " (") == 1 { on = 1; next } /^[^ ]/ { on = 0 } on { print $1 }'
}

cn staff add anna --name "Anna Verdi" --role supervisore

# ---- ISTAT: going back to February's list adds 6, suppresses 3, renames 1 ----
q "CREATE TABLE before_comune AS SELECT istat, name, suppressed_on FROM comune"
cn --user anna import istat --dry-run tests/data/comuni-2019-02-15.csv
check "istat: supervisore refused: exit 77" 77 "$RC"
dry_then_real istat import istat tests/data/comuni-2019-02-15.csv
check "istat: dry run names them" "tests/data/comuni-2019-02-15.csv: 7,917 read, 6 added, 3 suppressed, 1 renamed, 1 updated, 7,909 unchanged
added (6):
  024033 Conco
  024054 Lusiana
  024058 Mason Vicentino
  024059 Molvena
  075001 Acquarica del Capo
  075062 Presicce
suppressed (3):
  024126 Colceresa
  024127 Lusiana Conco
  075098 Presicce-Acquarica
renamed (1):
  023052 Negrar (was Negrar di Valpolicella)
dry run: nothing changed" "$DRY"
check "istat: added as listed" "$(listed added)" \
	"$(q "SELECT istat FROM comune WHERE istat NOT IN (SELECT istat FROM before_comune) ORDER BY istat")"
check "istat: suppressed as listed" "$(listed suppressed)" \
	"$(q "SELECT c.istat FROM comune c JOIN before_comune b USING (istat) WHERE b.suppressed_on IS NULL AND c.suppressed_on IS NOT NULL ORDER BY 1")"
check "istat: renamed as listed" "$(listed renamed)" \
	"$(q "SELECT c.istat FROM comune c JOIN before_comune b USING (istat) WHERE b.name <> c.name ORDER BY 1")"
# and back to May's list: the suppressed ones come back
dry_then_real "istat back" import istat db/comuni-2019-05-15.csv
check "istat back: the three back on the list" "024126
024127
075098" "$(listed 'back on the list')"

# ---- ambiti: one new, one changed ----
printf 'codice_ambito;denominazione;codice_istat;capofila\nRUB;Rubicone;040012;1\nRUB;Rubicone;040003;0\n' >"$T/a1.csv"
cn import ambiti "$T/a1.csv"
check "ambiti: setup" 0 "$RC"
printf 'codice_ambito;denominazione;codice_istat;capofila\nRUB;Rubicone;040012;1\nRUB;Rubicone;040003;0\nRUB;Rubicone;040005;0\nFOR;Forlivese;040001;1\n' >"$T/a2.csv"
dry_then_real ambiti import ambiti "$T/a2.csv"
check "ambiti: dry run names new and changed ambiti with their members" "added (1):
  AMB:FOR Forlivese: 1 comuni
members change (1):
  AMB:RUB Rubicone: 3 comuni (were 2)
dry run: nothing changed" "$(printf '%s\n' "$DRY" | sed 1d)"
check "ambiti: the import did it" "FOR|1
RUB|3" "$(q "SELECT ambito_code, count(*) FROM ambito_member WHERE ambito_code IN ('FOR', 'RUB') GROUP BY 1 ORDER BY 1")"
printf 'codice_ambito;denominazione;codice_istat;capofila\nX;X;040007;1\nX;X;999999;0\n' >"$T/bad.csv"
before=$(db_dump "$db")
cn import ambiti --dry-run "$T/bad.csv"
check "ambiti: a bad file refused by the dry run: exit 65" 65 "$RC"
check_contains "ambiti: with the import's message" "$T/bad.csv:3: codice_istat" "$ERR"
check "ambiti: and nothing changed" "$before" "$(db_dump "$db")"

# ---- contacts ----
printf 'respondent,kind,value,name\n040012,email,sociali@comune.forli.fc.it,Ufficio\n040003,telefono,0543 469111,\n' >"$T/c.csv"
dry_then_real contacts import contacts "$T/c.csv"
check "contacts: dry run lists each contact" "added (2):
  040003 Bertinoro: telefono: 0543 469111
  040012 Forlì: email: sociali@comune.forli.fc.it
dry run: nothing changed" "$(printf '%s\n' "$DRY" | sed 1d)"
check "contacts: the import added them" 2 "$(q "SELECT count(*) FROM contact WHERE respondent_id IN ('040012', '040003')")"
dry_then_real "contacts again" import contacts "$T/c.csv"
check "contacts again: nothing to add" "dry run: nothing changed" "$(printf '%s\n' "$DRY" | sed 1d)"
