#!/bin/sh
# Hostile text on screen: control characters that got into the database
# are drawn escaped, never sent (the screen is not cleared, the cursor not
# moved); under a locale that is not UTF-8 every screen is ASCII with the
# right widths (Forlì -> Forli, frames of - and |).
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_tui.sh

db=$(fresh_db tui)
NOW=2019-07-31T10:30:00
E=$(printf '\033[2J\033]0;pwn\007')
CR=$(printf '\r')
q "UPDATE comune SET name = 'Forl${E}${CR}ì' WHERE istat = '040012';
   UPDATE respondent SET name = 'Forl${E}${CR}ì' WHERE id = '040012';"

tui_start 80 24 "$CN" --db "$db" --now "$NOW" tui
tui_wait "F10"
tui_keys 'forl'
tui_check "lookup: ESC drawn escaped" 'Forl\x1b[2J\x1b]0;pwn\x07 ì'
tui_check "lookup: the screen was not cleared" "tester (admin)"
tui_key Enter
tui_check "card: ESC drawn escaped in the title" 'Forl\x1b[2J'
tui_check "card: still the registry section" "Registry"
tui_stop

db2=$(fresh_db ascii)
tui_start 80 24 LC_ALL=C "$CN" --db "$db2" --now "$NOW" tui
tui_wait "F10"
tui_keys 'forli'
tui_check "C locale: Forlì as Forli" "Forli "
tui_check "C locale: Forlì del Sannio" "Forli del Sannio"
line=$(tui_line "Forli del Sannio")
check_contains "C locale: columns aligned (province after the name)" "Forli del Sannio                             IS  Molise" "$line"
tui_key Enter
tui_check "C locale: rule drawn with -" "-- Registry ---"
tui_check "C locale: province name transliterated" "Forli-Cesena (FC)"
tui_screen > "$T/screen"
check "C locale: the screen is ASCII" 0 "$(LC_ALL=C grep -c '[^ -~]' "$T/screen")"
tui_stop

# a function key the terminal description does not know (F5 under vt100
# sends \e[15~): dropped, never typed into the search; Esc alone still
# clears; a new call without function keys (^N)
tui_start 80 24 TERM=vt100 "$CN" --db "$db2" --now "$NOW" tui
tui_wait "Comune:"
tui_keys 'forl'
tui_key F5
tui_keys 'i'
tui_check "vt100: the unknown F5 is dropped" "Comune: forli "
tui_check_not "vt100: nothing of the sequence typed" "[15~"
tui_key Escape
tui_wait_gone "Comune: forli"
tui_check_not "vt100: Esc alone clears the search" "Comune: forli"
tui_keys 'forl'
tui_key C-n
tui_check "vt100: ^N starts a new call for the highlighted comune" "New call"
tui_stop
