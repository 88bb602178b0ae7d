#!/bin/sh
# The lookup screen and the comune card as whole screens (headless script
# mode, tests/tui/lib_script.sh): typing, opening the card, moving in a long
# list, alignment by display width, the province filter, the help overlay,
# the ':' command line and its history. The real terminal (resize, another
# desk's change, NO_COLOR) stays in lookup.sh.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_script.sh

db=$(screen_db tui)
NOW=2019-07-31T10:30:00

tui_script lookup "$CN" --db "$db" --now "$NOW" tui <<'EOF'
!screen home
forli
!screen forli
<Enter>
!screen card
<Esc>
!screen back
!resize 120x40
!screen wide
!resize 80x24
<C-u>san
!screen san
<End>
!screen san-end
<Home>
!screen san-home
<PgUp><PgDn>
!screen san-pgdn
<C-u>agli
!screen agli
<C-u>sant agata li
!screen santagata
<C-u>pr:TO monc
!screen province
?
!screen help
<Esc>
!screen help-closed
:open 001272
!screen cmdline
<Enter>
!screen torino
:search bozen<Enter>
!screen bozen
<C-u>:he<Tab>
!screen complete-command
<Esc>:open forlimp<Tab>
!screen complete-comune
<Esc>:quit<Enter>
EOF

for shot in home forli card back wide san san-end san-home san-pgdn agli santagata province \
	help help-closed cmdline torino bozen complete-command complete-comune; do
	screen_is "lookup/$shot"
done

# What lookup.sh asserted on these screens, kept as named checks.
screen_has "shell: title bar with the database" lookup/home "centralino  tui.db"
screen_has "shell: login and role" lookup/home "tester (admin)"
screen_has "shell: the date from --now" lookup/home "31/07/2019 10:30"
screen_has "shell: key hints" lookup/home "F10"
screen_has_not "shell: no back key on the home screen" lookup/home "Esc  back"
line=$(grep -F -m1 "Forlì " "$(screen_file lookup/forli)")
check_contains "lookup: Forlì is in FC" " FC " "$line"
check_contains "lookup: Forlì is in Emilia-Romagna" "Emilia-Romagna" "$line"
check_contains "lookup: Forlì's ISTAT code" "040012" "$line"
screen_has "lookup: Forlimpopoli too" lookup/forli "Forlimpopoli"
screen_has "lookup: count" lookup/forli "3 comuni"
screen_has "card: opens with the ISTAT code" lookup/card "ISTAT 040012"
screen_has "card: cadastral code" lookup/card "D704"
screen_has "card: provincia" lookup/card "Forlì-Cesena (FC)"
screen_has "card: ripartizione" lookup/card "Nord-est"
screen_has "card: capoluogo" lookup/card "yes, of its provincia"
screen_has "card: population, English digits" lookup/card "116,434"
screen_has "card: back key shown" lookup/card "Esc  back"
screen_has "card: Esc goes back to the list" lookup/back "3 comuni"
screen_has_not "card: Esc closed the card" lookup/back "D704"
screen_has "resize 120x40: population column appears" lookup/wide "Residents"
check "resize 120x40: hint line at the bottom (line 40)" "F10" \
	"$(screen_line lookup/wide 40 | grep -o F10)"
check "resize 120x40: count right-aligned to the new width" 110 \
	"$(screen_col "$(grep -F -m1 "3 comuni" "$(screen_file lookup/wide)")" "3 comuni")"

screen_has "move: a long list" lookup/san "+ comuni"
screen_has_not "move: End fetched every match" lookup/san-end "+ comuni"
top=$(screen_line lookup/san 6)
check_contains "move: End scrolled the list" "no" "$([ "$(screen_line lookup/san-end 6)" != "$top" ] && echo no)"
check "move: Home is back at the top" "$top" "$(screen_line lookup/san-home 6)"
check_contains "move: PgDn keeps the list on screen" "$(printf '%s' "$top" | cut -c1-20)" \
	"$(screen_line lookup/san-pgdn 6)"

# Alignment by display width: the sigla column starts at the same column
# for accented and plain names.
agli=$(screen_file lookup/agli)
pr_col=$(screen_col "$(grep -F -m1 "Regione" "$agli")" " Pr ")
check "align: sigla column of Agliè" "$pr_col" "$(screen_col "$(grep -F -m1 "Agliè" "$agli")" " TO ")"
plain=$(grep -v 'Agliè' "$agli" | grep -E '^ Agli[a-z]' | head -n1)
case "$plain" in
"") not_ok "align: a plain name to compare" "screen:" "$(cat "$agli")" ;;
*) sigla=$(printf '%s' "$plain" | sed -E 's/^ .*  ([A-Z][A-Z])  .*/\1/')
   check "align: sigla column of a plain name" "$pr_col" "$(screen_col "$plain" " $sigla ")" ;;
esac
line=$(grep -F -m1 "Sant'Agata li Battiati" "$(screen_file lookup/santagata)")
check "align: Sant'Agata li Battiati's sigla column" "$pr_col" "$(screen_col "$line" " CT ")"
check_contains "lookup: Sant'Agata li Battiati's ISTAT code" "087045" "$line"

screen_has "lookup: pr:TO monc finds Moncalieri" lookup/province "Moncalieri"
screen_has_not "lookup: pr:TO keeps out other provinces" lookup/province " CN  "
screen_has "lookup: the filter stays in the field" lookup/province "pr:TO monc"

screen_has "help: overlay opens" lookup/help "Everywhere"
screen_has "help: lists the quit key" lookup/help "F10"
screen_has "help: lists the commands" lookup/help ":open"
screen_has_not "help: Esc closes it" lookup/help-closed "Everywhere"

screen_has "cmdline: echoes what is typed" lookup/cmdline ":open 001272"
screen_has "cmdline: :open ISTAT opens Torino's card" lookup/torino "ISTAT 001272"
screen_has "cmdline: Torino's cadastral code" lookup/torino "L219"
screen_has "cmdline: :search bozen finds Bolzano" lookup/bozen "Bolzano/Bozen"
screen_has_not "cmdline: :search left the card" lookup/bozen "L219"
screen_has "cmdline: Tab completes the command" lookup/complete-command ":help"
screen_has "cmdline: Tab completes a comune name" lookup/complete-comune ":open Forlimpopoli"
hist="$HOME/.local/state/centralino/history"
check_contains "history: written after :quit" "open 001272" "$(cat "$hist" 2>/dev/null)"
check_contains "history: keeps every command" "search bozen" "$(cat "$hist" 2>/dev/null)"

# A script that does not parse is refused before anything starts.
printf 'forli\n<Foo>\n' >"$T/bad.keys"
run env CENTRALINO_SCRIPT="$T/bad.keys" "$CN" --db "$db" tui
check "script: a bad key name is refused" 64 "$RC"
check "script: the error names file, line and key" "centralino: $T/bad.keys:2: unknown key <Foo>" "$ERR"
printf '!resize 0x10\n' >"$T/bad.keys"
run env CENTRALINO_SCRIPT="$T/bad.keys" "$CN" --db "$db" tui
check_contains "script: a bad directive is refused" "bad.keys:1: unknown directive '!resize 0x10'" "$ERR"

# The history comes back in the next session (Up in the command line).
tui_script history "$CN" --db "$db" --now "$NOW" tui <<'EOF'
:<Up>
!screen recalled
EOF
screen_has "history: read back in a new session" history/recalled ":quit"
