#!/bin/sh
# The progress dashboard and the Campaigns screen, driven through tmux at
# 80x24 and 200x50: the headline's figures against numbers worked out by
# hand, the chart, the table by regione and its drill-down to the comune
# card, whom to chase and the outbound call; another process issues a code
# and sets a status, and the numbers change without a key press; the ASCII
# chart outside UTF-8; roles; creating and changing a campaign.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_tui.sh

db=$(fresh_db tuidash)
NOW=2019-07-21T12:00:00
cn() { "$CN" --db "$db" --now "$NOW" "$@" >/dev/null; }
sql() { sqlite3 "$db" "$1"; }
cn staff add sara --name "Sara Rossi" --role supervisore
cn staff add anna --name "Anna Verdi" --role assistenza
"$CN" --db "$db" --now 2019-05-20T09:00:00 campaign add fam --name "Politiche per la famiglia 2019" \
	--opens 2019-05-23 --deadline 2019-07-31 --respondents comune >/dev/null
cn --user sara status set --campaign fam 001272 inviato --reason PEC --at "2019-07-15 10:00"
cn --user sara status set --campaign fam 040012 inviato --reason PEC --at "2019-07-18 10:00"
cn --user sara status set --campaign fam 040007 inviato --reason PEC --at "2019-07-20 10:00"
cn --user sara status set --campaign fam 001002 esonerato --reason "commissariato"
check "setup: 3 submitted, 1 excused" "3|1" \
	"$(sql "SELECT sum(status = 'inviato'), sum(status = 'esonerato') FROM campaign_respondent")"

# ---- 80x24, supervisore ----
# 21/07 12:00: 3 of 7,914 - 1 = 7,913; 3 in the last 7 days = 0.4 a day;
# 10.5 days to the end of 31/07: 7,910 / 10.5 = 753.3 a day needed
tui_start 80 24 CENTRALINO_USER=sara "$CN" --db "$db" --now "$NOW" tui
tui_wait "sara (supervisore)"
tui_keys ':dashboard fam'
tui_key Enter
tui_check "headline: campaign" "Politiche per la famiglia 2019"
tui_check "headline: days left" "deadline 31/07/2019 · 10 days left"
tui_check "headline: submitted of the denominator" "3/7,913 submitted 0.0%"
tui_check "headline: pace and pace needed" "pace 0.4/day, needed 753.3"
tui_check "headline: late" "late 0"
tui_check "chart: legend" "Submitted so far (█), the line to 100% at the deadline (⠂)"
tui_check "chart: the target line in braille" "⠁"
tui_check "chart: dates" "23/05"
tui_check "table: by regione" "── Regioni"
line=$(tui_line "Piemonte")
check_contains "table: Piemonte's respondents" "1,181" "$line"
check_contains "table: Piemonte's submitted" "     1 " "$line"
check_contains "table: an empty bar for 0.1%" "················" "$line"
tui_check "reminders: how many to chase" "Whom to chase (7,910)"
line=$(tui_line "Roma (RM)")
check_contains "reminders: the largest comune first" "   1 Roma (RM)" "$line"
rows=$(printf '%s\n' "$SCREEN" | wc -l | tr -d ' ')
check "fits 24 lines" 24 "$rows"
tui_check_line "hints" 24 "Enter"

# another process issues a code and sets a status: no key pressed here
cn code issue --campaign fam 001001 --caller "Mario Bianchi" --office Segreteria --phone "011 1234567" --verified referente_noto 2>/dev/null
tui_check "refresh: a code issued elsewhere moves Agliè to the top" "   1 Agliè (TO)"
cn --user sara status set --campaign fam 058091 inviato --reason PEC
tui_check "refresh: a submission elsewhere changes the headline" "4/7,913 submitted 0.1%"
tui_check "refresh: and whom to chase" "Whom to chase (7,909)"

# drill down: regione -> province -> comuni -> card, and back
tui_key Enter
tui_check "drill: Piemonte's province" "Piemonte: Province"
line=$(tui_line "Torino (TO)")
check_contains "drill: Torino's comuni" "312" "$line"
tui_key Enter
tui_check "drill: Torino's respondents" "Torino: Respondents"
tui_check "drill: late first, then status and population: Moncalieri on top" " Moncalieri (TO)"
tui_key C-o
tui_check "drill: ^O orders them by name" "respondents by name"
tui_check "drill: a comune and its status" "Agliè (TO)"
line=$(tui_line "Airasca")
check_contains "drill: excused shown" "excused" "$line"
tui_key Enter
tui_check "drill: the comune card" "ISTAT 001001"
tui_key Escape
tui_check "back from the card" "Torino: Respondents"
tui_key Escape
tui_check "back one level" "Piemonte: Province"
tui_key Escape
tui_check "back to the top" "── Regioni"
tui_key C-g
tui_check "group by ripartizione" "── Ripartizioni"
tui_check "ripartizione row" "Nord-ovest"
tui_key C-g
tui_check "group by ambito" "── Ambiti"
tui_key C-g
tui_check "group by regione again" "── Regioni"

# the reminders: Tab, then ^T starts the outbound call
tui_key Tab
tui_key C-t
tui_check "call: the form for the first to chase" "New call — Agliè (TO)"
tui_check "call: outbound" "outbound"
tui_key Escape
tui_check "call: leaving asks first" "Leave it unsaved?"
tui_keys s
tui_wait_gone "New call"
tui_check "call: back on the dashboard" "Whom to chase"

# ---- 200x50: side by side ----
tui_resize 200 50
tui_check_line "200x50: redrawn to the bottom" 50 "Enter"
# 4 in the last 7 days (Roma just now): 4/7 * 10.5 = 6 more -> 10
tui_check "200x50: the projection shown" "projected 10"
line=$(tui_line "── Regioni")
check_contains "200x50: table and list side by side" "Whom to chase" "$line"
tui_check "200x50: every regione" "Sardegna"
tui_check "200x50: a longer list" "  20 "
tui_stop

# ---- after the deadline: late ----
tui_start 80 24 CENTRALINO_USER=sara "$CN" --db "$db" --now 2019-08-02T09:00:00 tui
tui_wait "sara (supervisore)"
tui_keys ':dashboard fam'
tui_key Enter
tui_check "after: passed" "deadline 31/07/2019 · passed 2 days ago"
tui_check "after: no time left" "no time left"
tui_check "after: late (7,914 - 4 - 1)" "late 7,909"
tui_stop

# ---- not UTF-8: an ASCII chart ----
tui_start 80 24 LC_ALL=C CENTRALINO_USER=sara "$CN" --db "$db" --now "$NOW" tui
tui_wait "sara (supervisore)"
tui_keys ':dashboard fam'
tui_key Enter
tui_check "ascii: legend" "Submitted so far (#), the line to 100% at the deadline (.)"
tui_check_not "ascii: no braille" "⠁"
tui_stop

# ---- roles ----
tui_start 80 24 CENTRALINO_USER=anna "$CN" --db "$db" --now "$NOW" tui
tui_wait "anna (assistenza)"
tui_keys ':dashboard fam'
tui_key Enter
tui_check "assistenza: :dashboard says why not" ":dashboard is for the role supervisore and up; you are assistenza"
tui_check_not "assistenza: no dashboard" "Whom to chase"
tui_stop

# ---- Campaigns screen (admin) ----
tui_start 80 24 "$CN" --db "$db" --now "$NOW" tui
tui_wait "tester (admin)"
tui_keys ':campaigns'
tui_key Enter
tui_check "campaigns: listed" "Politiche per"
check_contains "campaigns: the phase" " open " "$(tui_line "Politiche per")"
tui_check "campaigns: new key offered" "new"
n=$(sql "SELECT count(*) FROM audit_log")
tui_key C-a
tui_check "campaigns: the form" "New campaign"
tui_keys 'covid-2020'
tui_key Tab
tui_keys 'Pratiche Covid-19'
tui_key Tab
tui_key C-u
tui_keys '20/04/2020'
tui_key Tab
tui_keys '15/05/2020'
tui_key Tab
tui_key Right
tui_key Right
tui_key Tab
tui_key Tab
tui_key Right
tui_key F2
tui_check "campaigns: created" "campaign covid-2020 created: 7,934 respondents"
check "campaigns: stored" "covid-2020|2020-04-20|2020-05-15|comune,ambito,regione|0" \
	"$(sql "SELECT key, opens_on, deadline, kinds, uses_codes FROM campaign WHERE key = 'covid-2020'")"
check "campaigns: one audit row" $((n + 1)) "$(sql "SELECT count(*) FROM audit_log")"
tui_check "campaigns: listed too" "covid-2020"
tui_key C-e
tui_check "campaigns: the change form" "Change campaign"
tui_key C-u
tui_keys 'Pratiche Covid-19 (prima raccolta)'
tui_key F2
tui_check "campaigns: changed" "campaign covid-2020 changed"
check "campaigns: name stored" "Pratiche Covid-19 (prima raccolta)" "$(sql "SELECT name FROM campaign WHERE key = 'covid-2020'")"
tui_key Enter
tui_check "campaigns: Enter opens the dashboard" "Pratiche Covid-19 (prima raccolta)      opens"
tui_check "campaigns: before it opens" "opens 20/04/2020"
tui_stop

tui_start 80 24 CENTRALINO_USER=sara "$CN" --db "$db" --now "$NOW" tui
tui_wait "sara (supervisore)"
tui_keys ':campaigns'
tui_key Enter
tui_check "campaigns: supervisore sees the list" "covid-2020"
hints=$(printf '%s\n' "$SCREEN" | sed -n 24p)
check_not_contains "campaigns: no 'new' for a supervisore" " ^A  new" "$hints"
tui_key C-a
tui_check "campaigns: ^A says why not for a supervisore" "is for the role admin and up, you are supervisore"
tui_check_not "campaigns: ^A opens nothing for a supervisore" "New campaign"
tui_stop
