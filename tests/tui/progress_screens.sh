#!/bin/sh
# `report daily` and `export map` from the interface, headless
# (tests/tui/lib_script.sh), whole screens at 80x24 and 160x48, in English
# and Italian: the Day by day screen (dashboard ^D, :daily) with the same
# figures as `report daily --format tsv`; the map of practices (dashboard
# ^E with a proposed name, :map CAMPAIGN FILE) the same file as `export map`;
# :report writes the HTML report as the dashboard's ^W does. An assistenza
# gets none of them.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_script.sh

db=$(screen_db progress)
NOW=2019-07-21T12:00:00
cn() { "$CN" --db "$db" "$@"; }
cn --now 2019-05-20T09:00:00 campaign add fam --name "Politiche per la famiglia 2019" --opens 2019-05-23 \
	--deadline 2019-07-31 --respondents comune >/dev/null
cn --now "$NOW" staff add sara --name "Sara Rossi" --role supervisore >/dev/null
cn --now "$NOW" staff add anna --name "Anna Verdi" --role assistenza >/dev/null
cn --now 2019-07-19T10:00:00 code issue --campaign fam 001003 --caller "Mario Bianchi" --office Segreteria \
	--phone "011 1234567" --verified referente_noto >/dev/null 2>&1
cn --now 2019-07-20T10:00:00 status set --campaign fam 040012 inviato --reason PEC --at "2019-07-18 10:00" >/dev/null
cn --now 2019-07-20T11:00:00 call add --respondent 040012 --category richiesta_proroga --caller "Lucia Forlì" >/dev/null
cn --now 2019-07-21T09:00:00 call add --respondent 001272 --category codice_smarrito --caller "Niccolò Bà" >/dev/null

# ---- supervisore, English: the dashboard's keys at 80x24, then 160x48 ----
tui_script daily CENTRALINO_USER=sara "$CN" --db "$db" --now "$NOW" tui <<'KEYS'
<F5><C-d>
!screen day80
<Esc><C-e>
!screen map_form
<F2>
!screen map_written
!resize 160x48
<C-d>
!screen day160
<Up><Up>
!screen moved
KEYS
for s in day80 map_form map_written day160 moved; do screen_is daily/$s; done
# the rows of the screen are report daily's: date, codes, the categories, calls, submitted, total
cli_rows=$(cn --now "$NOW" --user sara report daily --campaign fam --format tsv | awk -F '\t' 'NR > 1 && ($2 + $11 + $12) > 0 { $1 = substr($1, 9, 2) "/" substr($1, 6, 2) "/" substr($1, 1, 4); print }' OFS=' ')
screen_rows=$(awk '/^  [0-9][0-9]\/[0-9][0-9]\/2019/ { $NF = ""; print }' "$SCREENS/daily/day160" | sed 's/ *$//' | awk '($2 + $11 + $12) > 0')
check "daily: the screen's figures are report daily's" "$cli_rows" "$screen_rows"
check "map: the file is export map's" "$(cn --now "$NOW" --user sara export map --campaign fam | md5sum)" \
	"$(md5sum <"$SCREENS/daily/map-fam-2019-07-21.csv")"

# ---- supervisore, Italian, 160x48: :daily, :map and :report from the ':' line ----
tui_script giorni CENTRALINO_USER=sara "$CN" --db "$db" --now "$NOW" --lang it tui <<'KEYS'
!resize 160x48
:daily fam<Enter>
!screen giorni
:map fam mappa.csv<Enter>
!screen mappa
:report fam<Enter>
!screen report_form
<F2>
!screen report
KEYS
for s in giorni mappa report_form report; do screen_is giorni/$s; done
check ":map: the file is export map's" "$(cn --now "$NOW" --user sara export map --campaign fam | md5sum)" \
	"$(md5sum <"$SCREENS/giorni/mappa.csv")"
check ":report: an HTML report" "<!DOCTYPE html>" "$(head -n 1 "$SCREENS/giorni/avanzamento-fam-2019-07-21.html" 2>/dev/null)"

# ---- assistenza: no day by day, no map ----
tui_script anna_daily CENTRALINO_USER=anna "$CN" --db "$db" --now "$NOW" --lang it tui <<'KEYS'
:daily fam<Enter>
!screen daily
:map fam mappa.csv<Enter>
!screen map
KEYS
screen_is anna_daily/daily
screen_is anna_daily/map
check "assistenza: no map written" "" "$(ls "$SCREENS/anna_daily/"*.csv 2>/dev/null)"
