#!/bin/sh
# The lookup screen on a real terminal, through tmux: resizing, another
# desk's change reaching an open card, NO_COLOR. The screens themselves
# (typing, the card, moving, alignment, help, the command line and its
# history) are compared whole in lookup_screens.sh.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_tui.sh

db=$(fresh_db tui)
NOW=2019-07-31T10:30:00

tui_start 80 24 "$CN" --db "$db" --now "$NOW" tui
tui_check "shell: title bar with the database" "centralino  tui.db"
tui_keys forli
tui_check "lookup: count" "3 comuni"

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

tui_key F10
tui_check "resize: quits" "[exited 0]"

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
