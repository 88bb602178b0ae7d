#!/bin/sh
# The lookup screen and the comune card, driven through tmux: typing,
# opening the card, resizing, alignment by display width, the help overlay,
# the ':' command line and its history, NO_COLOR.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_tui.sh

db=$(fresh_db tui)
NOW=2019-07-31T10:30:00

tui_start 80 24 "$CN" --db "$db" --now "$NOW" tui
tui_check "shell: title bar with the database" "centralino  tui.db"
tui_check "shell: login and role" "tester (admin)"
tui_check "shell: the date from --now" "31/07/2019 10:30"
tui_check "shell: key hints" "F10"
tui_check_not "shell: no back key on the home screen" "Esc  back"

tui_keys forli
tui_check "lookup: forli finds Forlì" "Forlì "
line=$(tui_line "Forlì ")
check_contains "lookup: Forlì is in FC" " FC " "$line"
check_contains "lookup: Forlì is in Emilia-Romagna" "Emilia-Romagna" "$line"
check_contains "lookup: Forlì's ISTAT code" "040012" "$line"
tui_check "lookup: Forlimpopoli too" "Forlimpopoli"
tui_check "lookup: count" "3 comuni"

tui_key Enter
tui_check "card: opens with the ISTAT code" "ISTAT 040012"
tui_check "card: cadastral code" "D704"
tui_check "card: provincia" "Forlì-Cesena (FC)"
tui_check "card: ripartizione" "Nord-est"
tui_check "card: capoluogo" "yes, of its provincia"
tui_check "card: population, English digits" "116,434"
tui_check "card: back key shown" "Esc  back"

tui_key Escape
tui_wait_gone "D704"
tui_check "card: Esc goes back to the list" "3 comuni"
tui_check_not "card: Esc closed the card" "D704"

# Resizes: larger, then back to a middle size; nothing left over.
tui_resize 120 40
tui_check_line "resize 120x40: hint line moved to the bottom" 40 "F10"
tui_check "resize 120x40: population column appears" "Residents"
tui_check "resize 120x40: rows still there" "Forlimpopoli"
rows=$(printf '%s\n' "$SCREEN" | wc -l | tr -d ' ')
check "resize 120x40: screen is 40 lines" 40 "$rows"
count=$(tui_line "3 comuni")
check "resize 120x40: count right-aligned to the new width" 110 "$(tui_col "$count" "3 comuni")"
tui_resize 100 30
tui_check_line "resize 100x30: hint line moved to the bottom" 30 "F10"
tui_check "resize 100x30: redrawn" "Forlimpopoli"
tui_check_not "resize 100x30: no population column left over" "Residents"
first=$(printf '%s\n' "$SCREEN" | sed -n 1p)
check_contains "resize 100x30: title bar on the first line" "centralino  tui.db" "$first"
count=$(tui_line "3 comuni")
check "resize 100x30: count right-aligned to the new width" 90 "$(tui_col "$count" "3 comuni")"
tui_resize 60 20
tui_check "resize 60x20: too small notice" "Terminal too small"
tui_resize 80 24
tui_check_line "resize back to 80x24: hint line at the bottom" 24 "F10"
tui_check "resize back to 80x24: list again" "Forlimpopoli"

# Moving in a long list: End fetches the rest, Home comes back.
tui_key C-u
tui_keys san
tui_check "move: a long list" "+ comuni"
top=$(printf '%s\n' "$SCREEN" | sed -n 6p)
tui_key End
tui_wait_gone "+ comuni"
tui_check_not "move: End fetched every match" "+ comuni"
check_contains "move: End scrolled the list" "no" "$([ "$(printf '%s\n' "$SCREEN" | sed -n 6p)" != "$top" ] && echo no)"
tui_key Home
tui_check_line "move: Home is back at the top" 6 "$top"
tui_key PPage
tui_key NPage
tui_check_line "move: PgDn keeps the list on screen" 6 "$(printf '%s' "$top" | cut -c1-20)"

# Alignment by display width: the sigla column starts at the same column
# for accented and plain names.
tui_key C-u
tui_keys agli
tui_check "lookup: agli finds Agliè" "Agliè"
header=$(tui_line "Regione")
pr_col=$(tui_col "$header" " Pr ")
accented=$(tui_line "Agliè")
plain=$(printf '%s\n' "$SCREEN" | grep -v 'Agliè' | grep -E '^ Agli[a-z]' | head -n1)
check "align: sigla column of Agliè" "$pr_col" "$(tui_col "$accented" " TO ")"
case "$plain" in
"") not_ok "align: a plain name to compare" "screen:" "$SCREEN" ;;
*) sigla=$(printf '%s' "$plain" | sed -E 's/^ .*  ([A-Z][A-Z])  .*/\1/')
   check "align: sigla column of a plain name" "$pr_col" "$(tui_col "$plain" " $sigla ")" ;;
esac

tui_key C-u
tui_keys "sant agata li"
tui_check "lookup: sant agata li finds Sant'Agata li Battiati" "Sant'Agata li Battiati"
line=$(tui_line "Sant'Agata li Battiati")
check "align: Sant'Agata li Battiati's sigla column" "$pr_col" "$(tui_col "$line" " CT ")"
check_contains "lookup: Sant'Agata li Battiati's ISTAT code" "087045" "$line"

# The province filter keeps its ':' in the search field.
tui_key C-u
tui_keys 'pr:TO monc'
tui_check "lookup: pr:TO monc finds Moncalieri" "Moncalieri"
tui_check_not "lookup: pr:TO keeps out other provinces" " CN  "
tui_check "lookup: the filter stays in the field" "pr:TO monc"

# Help overlay.
tui_keys '?'
tui_check "help: overlay opens" "Everywhere"
tui_check "help: lists the quit key" "F10"
tui_check "help: lists the commands" ":open"
tui_key Escape
tui_wait_gone "Everywhere"
tui_check_not "help: Esc closes it" "Everywhere"

# The command line (':' works with text in the search field too).
tui_keys ':open 001272'
tui_check "cmdline: echoes what is typed" ":open 001272"
tui_key Enter
tui_check "cmdline: :open ISTAT opens Torino's card" "ISTAT 001272"
tui_check "cmdline: Torino's cadastral code" "L219"
tui_keys ':search bozen'
tui_key Enter
tui_check "cmdline: :search bozen finds Bolzano" "Bolzano/Bozen"
tui_check_not "cmdline: :search left the card" "L219"
tui_key C-u
tui_keys ':he'
tui_key Tab
tui_check "cmdline: Tab completes the command" ":help"
tui_key Escape
tui_keys ':open forlimp'
tui_key Tab
tui_check "cmdline: Tab completes a comune name" ":open Forlimpopoli"
tui_key Escape
tui_keys ':quit'
tui_key Enter
tui_check "cmdline: :quit leaves" "[exited 0]"
hist="$HOME/.local/state/centralino/history"
check_contains "history: written after :quit" "open 001272" "$(cat "$hist" 2>/dev/null)"
check_contains "history: keeps every command" "search bozen" "$(cat "$hist" 2>/dev/null)"

# The history comes back in the next session (Up in the command line).
tui_start 80 24 "$CN" --db "$db" --now "$NOW" tui
tui_wait "F10"
tui_keys ':'
tui_key Up
tui_check "history: read back in a new session" ":quit"
tui_key Escape
tui_key F10
tui_check "quit: F10 leaves" "[exited 0]"

# Another desk's change reaches an open card (PRAGMA data_version polling).
tui_start 80 24 "$CN" --db "$db" --now "$NOW" tui
tui_wait "F10"
tui_keys ':open 040013'
tui_key Enter
tui_check "refresh: Forlimpopoli's card" "ISTAT 040013"
tui_check "refresh: no ambito yet" "in no ambito"
printf 'codice_ambito;denominazione;codice_istat;capofila\nFO1;Ambito di Forlì;040012;1\nFO1;Ambito di Forlì;040013;0\n' >"$T/ambiti.csv"
run "$CN" --db "$db" import ambiti "$T/ambiti.csv"
check "refresh: another process imports ambiti" 0 "$RC"
tui_check "refresh: the card shows the new ambito" "Ambito di Forlì (FO1)"
tui_check "refresh: and its capofila" "Forlì (040012)"
tui_key F10
tui_check "refresh: quits" "[exited 0]"

# NO_COLOR.
tui_start 80 24 NO_COLOR=1 "$CN" --db "$db" --now "$NOW" tui
tui_check "NO_COLOR: starts" "Find a comune"
tui_keys forli
tui_check "NO_COLOR: search works" "Forlimpopoli"
colors=$(tui_tmux capture-pane -p -e -t t | grep -c -E '\[([0-9]+;)*(3[0-7]|4[0-7]|38;5;[0-9]+)(;[0-9]+)*m')
check "NO_COLOR: no colour on screen" 0 "$colors"
tui_key F10
tui_check "NO_COLOR: quits" "[exited 0]"
tui_stop
