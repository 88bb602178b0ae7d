#!/bin/sh
# The full-screen interface in Italian: with --lang it (and with lingua = it
# in the settings) the lookup screen, its results, the help overlay and the
# comune card show Italian text and none of the English; without, English.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_tui.sh

db=$(fresh_db tui-i18n)
NOW=2019-07-31T10:30:00

tui_start 80 24 "$CN" --db "$db" --now "$NOW" --lang it tui
tui_check "lookup (it): the prompt" "Scrivi il nome del comune, come lo dice chi chiama"
tui_check "lookup (it): the ISTAT credit" "Anagrafe dei comuni: Fonte ISTAT (CC BY 3.0 IT)"
tui_check "lookup (it): key hints" "esci"
tui_check "lookup (it): the screen title" "Trova un comune"
tui_check_not "lookup (it): no English prompt" "Type the name"
tui_check_not "lookup (it): no English hint" "quit"

tui_keys forli
tui_check "lookup (it): results" "Forlì "
tui_check "lookup (it): the Enter hint" "Invio  scheda"
tui_check_not "lookup (it): no English hint" "Enter  card"

tui_key Enter
tui_check "card (it): opens" "Codice catastale"
tui_check "card (it): capoluogo" "sì, della sua provi"
tui_check "card (it): Italian digits" "116.434"
tui_check_not "card (it): no English label" "Cadastral code"
tui_check_not "card (it): no English capoluogo" "yes, of its"
tui_key Escape
tui_wait_gone "Codice catastale"

tui_keys '?'
tui_check "help (it): overlay title" "Tasti"
tui_check "help (it): everywhere heading" "Ovunque"
tui_check "help (it): a key's help" "Mostra tutti i tasti di questa schermata"
tui_check_not "help (it): no English heading" "Everywhere"
tui_check_not "help (it): no English help line" "Show every key of this screen"
tui_key Escape
tui_stop

# lingua = it in the user's settings, no option
mkdir -p "$HOME/.config/centralino"
printf 'lingua = it\n' >"$HOME/.config/centralino/config"
tui_start 80 24 "$CN" --db "$db" --now "$NOW" tui
tui_check "lookup (lingua = it): Italian prompt" "Scrivi il nome del comune"
tui_stop
rm -f "$HOME/.config/centralino/config"

# English by default under C.UTF-8
tui_start 80 24 "$CN" --db "$db" --now "$NOW" tui
tui_check "lookup (en): English prompt" "Type the name of the comune, as the caller spells it"
tui_check_not "lookup (en): no Italian prompt" "Scrivi il nome"
tui_keys '?'
tui_check "help (en): everywhere heading" "Everywhere"
tui_stop
