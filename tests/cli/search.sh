#!/bin/sh
# The search through the CLI on ISTAT's real 2019 lists: February then May
# (Conco -> Lusiana Conco learnt by the re-import, Molvena -> Colceresa told
# by an admin, audited), `show` of both ends of a merger, the forms callers
# use, "did you mean", and the same search in `call add --respondent`.
. tests/lib.sh

MAY=$PWD/db/comuni-2019-05-15.csv
FEB=$PWD/tests/data/comuni-2019-02-15.csv
TAB=$(printf '\t')

# A database with its staff and an empty registry, then February and May.
db=$(fresh_db search)
sqlite3 "$db" "DELETE FROM respondent WHERE kind IN ('comune', 'regione');
	DELETE FROM comune_former_name; DELETE FROM ambito_member; DELETE FROM comune;
	DELETE FROM provincia; DELETE FROM regione;"
CENTRALINO_NOW=2019-02-20T09:00:00 "$CN" --db "$db" import istat "$FEB" >/dev/null
run env CENTRALINO_NOW=2019-05-20T09:00:00 "$CN" --db "$db" import istat "$MAY"
check "import May: exit 0" 0 "$RC"

# learnt by the re-import: the added comune's name contains the old one's
check "learnt: Conco -> Lusiana Conco" "024127|2019-05-20|import" \
	"$(q "SELECT successor, since, source FROM comune_successor WHERE istat = (SELECT istat FROM comune WHERE name = 'Conco')")"
check "learnt: Presicce -> Presicce-Acquarica" "075098" \
	"$(q "SELECT successor FROM comune_successor WHERE istat = (SELECT istat FROM comune WHERE name = 'Presicce')")"
check "not learnt: Molvena (Colceresa does not contain it)" "" \
	"$(q "SELECT successor FROM comune_successor WHERE istat = (SELECT istat FROM comune WHERE name = 'Molvena')")"

run "$CN" --db "$db" search conco --format tsv
check "search conco: Lusiana Conco first" "024127" "$(echo "$OUT" | sed -n 2p | cut -f1)"
run "$CN" --db "$db" search conco
check_contains "search conco: marked" "Conco → Lusiana Conco, since 20/05/2019" "$OUT"

# before the successor is known, molvena finds the suppressed comune only
run "$CN" --db "$db" search molvena --format tsv
check "molvena before: the suppressed comune" "024059${TAB}Molvena${TAB}VI${TAB}Veneto${TAB}suppressed" "$(echo "$OUT" | sed -n 2p)"

n=$(audit_n)
run "$CN" --db "$db" registry successor molvena Colceresa --since 2019-02-20
check "registry successor: exit 0" 0 "$RC"
check "registry successor: says it" "Molvena → Colceresa, since 20/02/2019" "$OUT"
check "registry successor: audited" "$((n + 1))" "$(audit_n)"
check "registry successor: audit row" "tester|registry_successor|comune|024059|{\"successor\":\"024126\",\"since\":\"2019-02-20\"}" "$(last_audit)"

run "$CN" --db "$db" search molvena --format tsv
check "molvena after: Colceresa first" "024126${TAB}Colceresa${TAB}VI${TAB}Veneto${TAB}active" "$(echo "$OUT" | sed -n 2p)"
check "molvena after: then the suppressed one" "024059" "$(echo "$OUT" | sed -n 3p | cut -f1)"
run "$CN" --db "$db" search molvena
check_contains "molvena after: marked" "Molvena → Colceresa, since 20/02/2019" "$OUT"
LC_ALL=C.UTF-8 LANGUAGE=it run "$CN" --db "$db" search molvena
check_contains "molvena after: marked in Italian" "Molvena → Colceresa, dal 20/02/2019" "$OUT"

run "$CN" --db "$db" show 024059 --format tsv
check_contains "show old: successor" "successor${TAB}Colceresa" "$OUT"
check_contains "show old: since" "successor_since${TAB}2019-02-20" "$OUT"
run "$CN" --db "$db" show 024059
check_contains "show old table: became" "Molvena → Colceresa (024126), since 20/02/2019" "$OUT"
run "$CN" --db "$db" card 024059
check_contains "card old: what it became" "; it became Colceresa (024126)" "$OUT"
run "$CN" --db "$db" card 024059 --format tsv
check "card old tsv: successor column" "respondent${TAB}024059${TAB}comune${TAB}Molvena${TAB}${TAB}${TAB}2019-05-20${TAB}024126" \
	"$(echo "$OUT" | sed -n 1p)"
run "$CN" --db "$db" show 024126 --format tsv
check_contains "show new: merged_from" "merged_from${TAB}024059 2019-02-20 Molvena" "$OUT"
run "$CN" --db "$db" show 024126
check_contains "show new table: merged from" "Molvena → Colceresa (024059), since 20/02/2019" "$OUT"

# refusals change nothing
n=$(audit_n)
run "$CN" --db "$db" registry successor Colceresa Molvena
check "successor of an active comune: refused" 65 "$RC"
check_contains "successor of an active comune: says why" "only a suppressed comune has a successor" "$ERR"
run "$CN" --db "$db" registry successor molvena samone
check "ambiguous name: refused" 65 "$RC"
check_contains "ambiguous name: lists them" "001235 Samone, 022165 Samone" "$ERR"
run "$CN" --db "$db" registry successor nowhere Colceresa
check "unknown name: exit 66" 66 "$RC"
run "$CN" --db "$db" registry successor molvena Colceresa --since yesterday-ish
check "bad date: exit 64" 64 "$RC"
check "refusals: no audit row" "$n" "$(audit_n)"
run env CENTRALINO_USER=nobody "$CN" --db "$db" registry successor molvena Colceresa
check "not on the staff: refused" 67 "$RC"

# the forms callers use
first() { "$CN" --db "$db" search "$@" --format tsv | sed -n 2p | cut -f1; }
check "slip: battiatti" 087045 "$(first battiatti)"
check "slip: grottammrae" 044023 "$(first grottammrae)"
check "comune di forli" 040012 "$(first comune di forli)"
check "plate: Cervia RA" 039007 "$(first 'Cervia RA')"
check "plate: forli (FC)" 040012 "$(first 'forli (FC)')"
check "saint: S. Giorgio a Cremano" 063067 "$(first 'S. Giorgio a Cremano')"
check "homonym: castro lecce" 075096 "$(first castro lecce)"
check "joined: castelsanpietro" 037020 "$(first castelsanpietro)"
check "bilingual: Bolzano/Bozen" 021008 "$(first Bolzano/Bozen)"

# never an empty answer
run "$CN" --db "$db" search grotamrae
check "did you mean: exit 0" 0 "$RC"
check_contains "did you mean: the closest" 'No comune matches "grotamrae". Did you mean: Grottammare (AP)' "$OUT"

# the same search in call add
run "$CN" --db "$db" call add --respondent 'castro lecce' --category altro
check "call add castro lecce: exit 0" 0 "$RC"
check "call add castro lecce: Castro (LE)" "075096" "$(q "SELECT respondent_id FROM call ORDER BY created_at DESC, rowid DESC LIMIT 1")"
run "$CN" --db "$db" call add --respondent molvena --category altro
check "call add molvena: Colceresa" "024126" "$(q "SELECT respondent_id FROM call ORDER BY rowid DESC LIMIT 1")"
run "$CN" --db "$db" call add --respondent samone --category altro
check "call add samone: ambiguous" 65 "$RC"
check_contains "call add samone: lists both" "Samone (TO)" "$ERR"
run "$CN" --db "$db" call add --respondent grotamrae --category altro
check "call add grotamrae: nothing" 66 "$RC"
check_contains "call add grotamrae: did you mean" "Grottammare (AP)" "$ERR"

# the mergers known: listed, and a wrong one forgotten
"$CN" --db "$db" staff add op1 --name "Op Uno" --role operatore >/dev/null
"$CN" --db "$db" registry successor "Mason Vicentino" Colceresa >/dev/null
run "$CN" --db "$db" registry successor --list --format tsv
check "list: exit 0" 0 "$RC"
check "list: header" "istat${TAB}name${TAB}successor_istat${TAB}successor${TAB}since${TAB}source" "$(echo "$OUT" | sed -n 1p)"
check "list: Molvena by an admin first (earliest)" "024059${TAB}Molvena${TAB}024126${TAB}Colceresa${TAB}2019-02-20${TAB}admin" \
	"$(echo "$OUT" | sed -n 2p)"
check_contains "list: Conco learnt" "024033${TAB}Conco${TAB}024127${TAB}Lusiana Conco${TAB}2019-05-20${TAB}import" "$OUT"
check "list: one line per known pair" "$(($(q "SELECT count(*) FROM comune_successor") + 1))" "$(echo "$OUT" | wc -l)"
run "$CN" --db "$db" registry successor --list colceresa --format tsv
check "list colceresa: its predecessors only" "024058 024059" "$(echo "$OUT" | sed 1d | cut -f1 | sort | tr '\n' ' ' | sed 's/ $//')"
run "$CN" --db "$db" registry successor --list 024059
check_contains "list table: the merged one" "Molvena" "$OUT"
check_contains "list table: since, who" "20/02/2019" "$OUT"
check_contains "list table: by an admin" "an admin" "$OUT"
run env CENTRALINO_USER=op1 "$CN" --db "$db" registry successor --list --format tsv
check "list: for everyone on the staff" 0 "$RC"
run "$CN" --db "$db" registry successor --list samone
check "list: ambiguous comune refused" 65 "$RC"
run "$CN" --db "$db" registry successor --list --format csv
check "list: csv refused" 64 "$RC"

n=$(audit_n)
run env CENTRALINO_USER=op1 "$CN" --db "$db" registry successor --remove molvena
check "remove: not an admin, refused" 77 "$RC"
run "$CN" --db "$db" registry successor --remove colceresa
check "remove: nothing recorded, exit 66" 66 "$RC"
check_contains "remove: nothing recorded, says so" "no successor is recorded for 'colceresa' (024126)" "$ERR"
run "$CN" --db "$db" registry successor --remove molvena Colceresa
check "remove: one comune only" 64 "$RC"
run "$CN" --db "$db" registry successor --remove molvena --since 2019-01-01
check "remove: --since refused" 64 "$RC"
check "remove refusals: no audit row" "$n" "$(audit_n)"
run "$CN" --db "$db" registry successor --remove molvena
check "remove: exit 0" 0 "$RC"
check "remove: says what" "Removed: Molvena → Colceresa, since 20/02/2019; Molvena is found alone again" "$OUT"
check "remove: gone" "" "$(q "SELECT successor FROM comune_successor WHERE istat = '024059'")"
check "remove: audited" "$((n + 1))" "$(audit_n)"
check "remove: audit row keeps the pair" \
	"tester|registry_successor_remove|comune|024059|{\"successor\":\"024126\",\"since\":\"2019-02-20\",\"source\":\"admin\"}" "$(last_audit)"
run "$CN" --db "$db" search molvena --format tsv
check "molvena removed: the suppressed comune alone" "024059${TAB}Molvena${TAB}VI${TAB}Veneto${TAB}suppressed" \
	"$(echo "$OUT" | sed -n 2p)"
check_not_contains "molvena removed: no marker" "→" "$("$CN" --db "$db" search molvena)"
run "$CN" --db "$db" show 024126 --format tsv
check_not_contains "show Colceresa: Molvena no longer merged into it" "Molvena" "$OUT"

# a re-import's guess removed stays removed at the next re-import
run "$CN" --db "$db" registry successor --remove Conco
check "remove learnt: exit 0" 0 "$RC"
check_contains "remove learnt: audit source" '"source":"import"' "$(last_audit)"
CENTRALINO_NOW=2019-06-01T09:00:00 "$CN" --db "$db" import istat "$MAY" >/dev/null
check "remove learnt: not learnt again" "" "$(q "SELECT successor FROM comune_successor WHERE istat = '024033'")"
LC_ALL=C.UTF-8 LANGUAGE=it run "$CN" --db "$db" registry successor --list --format tsv
check "list after removals: the pairs left" "024054 024058 075062" "$(echo "$OUT" | sed 1d | cut -f1 | sort | tr '\n' ' ' | sed 's/ $//')"
