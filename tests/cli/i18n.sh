#!/bin/sh
# Italian and English: the catalogue is complete and current, every command's
# --help exists in both languages, the language follows --lang, the
# environment, the settings files and the locale (even C.UTF-8 and an
# it_IT.UTF-8 the host has not generated), numbers are Italian in Italian,
# and the settings files choose the database.
. tests/lib.sh

# --- the catalogue --------------------------------------------------------
if out=$(sh scripts/po.sh check 2>&1); then
	ok "po/it.po: every message of the sources translated, none fuzzy"
else
	not_ok "po/it.po: every message of the sources translated, none fuzzy" \
		"run 'make po', translate what 'make po-check' lists in po/it.po, then 'make man':" \
		"$(printf '%s\n' "$out" | cut -c1-160 | head -n 30)"
fi

# --- --help of every command, in both languages ---------------------------
run "$CN" --lang en --help
check "--help: exit 0" 0 "$RC"
check_contains "--help in English: commands" "Commands:" "$OUT"
check_contains "--help in English: global options" "Global options" "$OUT"
commands=$(printf '%s\n' "$OUT" | awk '/^[A-Za-z].*:$/ { s = $0; next } s == "Commands:" && /^  [a-z]/ { print $1 }')
check_contains "--help lists init" "init" "$commands"
run "$CN" --lang it --help
check "--lang it --help: exit 0" 0 "$RC"
check_contains "--help in Italian: commands" "Comandi:" "$OUT"
check_contains "--help in Italian: global options" "Opzioni generali" "$OUT"
check_contains "--help in Italian: the init summary" "crea il database" "$OUT"
check_not_contains "--help in Italian: no English heading" "Commands:" "$OUT"
check_not_contains "--help in Italian: no English option text" "database file" "$OUT"

# One line per command: both exit 0, English says "usage:", Italian "uso:"
# and never "usage:", and the two texts differ.
for c in $commands; do
	run "$CN" --lang en "$c" --help
	en_rc=$RC en_out=$OUT
	run "$CN" --lang it "$c" --help
	why=""
	[ "$en_rc $RC" = "0 0" ] || why="$why exit codes $en_rc $RC;"
	case "$en_out" in *"usage:"*) ;; *) why="$why no 'usage:' in English;" ;; esac
	case "$OUT" in *"uso:"*) ;; *) why="$why no 'uso:' in Italian;" ;; esac
	case "$OUT" in *"usage:"*) why="$why 'usage:' in Italian;" ;; esac
	[ "$OUT" != "$en_out" ] || why="$why Italian same as English;"
	if [ -z "$why" ]; then
		ok "$c --help in English and in Italian"
	else
		not_ok "$c --help in English and in Italian" "$why" "$(printf '%s\n' "$OUT" | head -n 2)"
	fi
done
run "$CN" --lang it init --help
check_contains "init --help in Italian: known text" "Crea il database" "$OUT"
check_not_contains "init --help in Italian: English absent" "Creates the database" "$OUT"

# --- which language ----------------------------------------------------------
# The first three words of the first line: "usage: centralino init"
first_line() { "$@" 2>&1 | head -n 1 | cut -d ' ' -f 1-3; }
EN="usage: centralino init"
IT="uso: centralino init"
check "C.UTF-8: English" "$EN" "$(first_line "$CN" init --help)"
check "C.UTF-8 + LANGUAGE=it: Italian" "$IT" "$(first_line env LANGUAGE=it "$CN" init --help)"
check "LANG=it_IT.UTF-8: Italian" "$IT" "$(first_line env -u LC_ALL LANG=it_IT.UTF-8 "$CN" init --help)"
check "LC_MESSAGES=it_CH.UTF-8 (not generated here): Italian" "$IT" \
	"$(first_line env -u LC_ALL LANG=C.UTF-8 LC_MESSAGES=it_CH.UTF-8 "$CN" init --help)"
check "LANG=it_IT.UTF-8 --lang en: English" "$EN" "$(first_line env -u LC_ALL LANG=it_IT.UTF-8 "$CN" --lang en init --help)"
check "--lang after the command" "$IT" "$(first_line "$CN" init --help --lang it)"
check "--lang=it" "$IT" "$(first_line "$CN" --lang=it init --help)"
check "LC_ALL=C + LANGUAGE=it: English, as gettext does" "$EN" "$(first_line env LC_ALL=C LANGUAGE=it "$CN" init --help)"
check_contains "LC_ALL=C --lang it: Italian, accents in UTF-8" "Su un database già esistente non cambia nulla." \
	"$(LC_ALL=C "$CN" --lang it init --help)"
check "CENTRALINO_LANG=it" "$IT" "$(first_line env CENTRALINO_LANG=it "$CN" init --help)"
check "CENTRALINO_LANG=it --lang en: the option wins" "$EN" "$(first_line env CENTRALINO_LANG=it "$CN" --lang en init --help)"

run "$CN" --lang fr --help
check "--lang fr: exit 64" 64 "$RC"
check_contains "--lang fr: message" "--lang: 'fr' is not a language (it or en)" "$ERR"
run env CENTRALINO_LANG=de "$CN" --help
check "CENTRALINO_LANG=de: exit 78" 78 "$RC"
check_contains "CENTRALINO_LANG=de: message" "CENTRALINO_LANG: 'de' is not a language (it or en)" "$ERR"
run "$CN" --lang it frobnicate
check "unknown command in Italian: exit 64" 64 "$RC"
check_contains "unknown command in Italian: message" "centralino: 'frobnicate' non è un comando" "$ERR"

# --- settings files ---------------------------------------------------------
conf="$HOME/.config/centralino/config"
mkdir -p "$(dirname "$conf")"
printf '# my settings\nlingua = it\n' >"$conf"
check "config lingua = it: Italian" "$IT" "$(first_line "$CN" init --help)"
check "config lingua = it, CENTRALINO_LANG=en: English" "$EN" "$(first_line env CENTRALINO_LANG=en "$CN" init --help)"
check "config lingua = it, --lang en: English" "$EN" "$(first_line "$CN" --lang en init --help)"
mkdir -p "$T/xdg/centralino"
printf 'lingua = en\n' >"$T/xdg/centralino/config"
check "XDG_CONFIG_HOME/centralino/config is the user's file" "$EN" \
	"$(first_line env XDG_CONFIG_HOME="$T/xdg" "$CN" init --help)"

printf 'lingua = it\ncolore = blu\n' >"$conf"
run "$CN" init --help
check "unknown setting: exit 78" 78 "$RC"
check "unknown setting: FILE:LINE" "centralino: $conf:2: colore: unknown setting (known: database, lingua, backup_keep, bind)" "$ERR"
printf 'database = relative.db\n' >"$conf"
run "$CN" stats
check "relative database path: exit 78" 78 "$RC"
check_contains "relative database path: FILE:LINE" "$conf:1: database: 'relative.db' is not an absolute path" "$ERR"

printf 'database = ~/desk.db   # the desk\n' >"$conf"
run "$CN" init
check "config database: init creates it there" "0 yes" "$RC $(test -f "$HOME/desk.db" && echo yes)"
check_contains "config database: named in the output" "$HOME/desk.db created" "$OUT"
run env CENTRALINO_DB="$T/env.db" "$CN" init
check "CENTRALINO_DB beats the config file" "0 yes" "$RC $(test -f "$T/env.db" && echo yes)"
run env CENTRALINO_DB="$T/env.db" "$CN" --db "$T/opt.db" init
check "--db beats CENTRALINO_DB" "0 yes" "$RC $(test -f "$T/opt.db" && echo yes)"
rm -f "$conf"

# --- numbers --------------------------------------------------------------------
run "$CN" --db "$T/n-en.db" init
check_contains "English: 7,914 comuni" "; 7,914 comuni loaded (Fonte: ISTAT)" "$OUT"
run "$CN" --lang it --db "$T/n-it.db" init
check_contains "Italian: 7.914 comuni" "tester ne è l'amministratore; 7.914 comuni caricati (Fonte: ISTAT)" "$OUT"
run "$CN" --lang it --db "$T/n-it.db" init
check_contains "Italian: nothing changed" "è già pronto: nulla è cambiato" "$OUT"
