#!/bin/sh
# The man pages, English and Italian: valid roff, every command of
# `centralino --help` documented with its current --help text (`make man`),
# and the sections a Debian user looks for, with the ISTAT credit.
. tests/lib.sh

for page in man/centralino.1 man/it/centralino.1; do
	check "$page renders without warnings" "" "$(groff -k -man -ww -z "$page" 2>&1)"
done

commands=$("$CN" --lang en --help | awk '/^[A-Za-z].*:$/ { s = $0; next } s == "Commands:" && /^  [a-z]/ { print $1 }')
for c in $commands; do
	missing=""
	for page in man/centralino.1 man/it/centralino.1; do
		grep -qx ".SS $c" "$page" || missing="$missing $page"
	done
	check "command $c in both man pages" "" "$missing"
done

if out=$(sh scripts/man.sh check "$CN" 2>&1); then
	ok "man pages current with every --help (make man)"
else
	not_ok "man pages current with every --help (make man)" "$(printf '%s\n' "$out" | head -n 20)"
fi

en=$(groff -k -man -Tutf8 -P-cbou man/centralino.1 2>/dev/null)
it=$(groff -k -man -Tutf8 -P-cbou man/it/centralino.1 2>/dev/null)
for s in NAME SYNOPSIS DESCRIPTION "GLOBAL OPTIONS" COMMANDS CONFIGURATION ENVIRONMENT FILES "EXIT STATUS" EXAMPLES "DATA SOURCES"; do
	check_contains "man (en): section $s" "
$s
" "$en"
done
for s in NOME SINTASSI DESCRIZIONE "OPZIONI GENERALI" COMANDI CONFIGURAZIONE AMBIENTE FILE "STATO DI USCITA" ESEMPI "FONTI DEI DATI"; do
	check_contains "man (it): section $s" "
$s
" "$it"
done
for v in CENTRALINO_DB CENTRALINO_LANG CENTRALINO_NOW CENTRALINO_USER /etc/centralino.conf "Fonte: ISTAT" "CC BY 3.0 IT"; do
	check_contains "man (en) mentions $v" "$v" "$en"
	check_contains "man (it) mentions $v" "$v" "$it"
done
check_contains "man (it) is in Italian" "sportello telefonico della rilevazione" "$it"
check_contains "man (it): init in Italian" "Crea il database" "$it"
check_contains "man (en): init in English" "Creates the database" "$en"
