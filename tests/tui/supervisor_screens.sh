#!/bin/sh
# The supervisor's screens, headless (tests/tui/lib_script.sh): the
# dashboard's drill-down moves the headline, the chart and whom to chase to
# the group looked at; a province's comuni come late first, then by status
# and population (^O: by name); ^P the next campaign; ^W writes the HTML
# report under a proposed name; the Campaigns screen and the title bar keep
# a long campaign key whole at 80 columns, with four-digit years; the Audit
# screen says actions and objects in words, in Italian too.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_script.sh

db=$(screen_db supervisor)
NOW=2019-07-21T12:00:00
cn() { "$CN" --db "$db" --now "$NOW" "$@" >/dev/null; }
"$CN" --db "$db" --now 2019-05-20T09:00:00 campaign add fam --name "Politiche per la famiglia 2019" \
	--opens 2019-05-23 --deadline 2019-07-31 --respondents comune >/dev/null
"$CN" --db "$db" --now 2019-05-20T09:00:00 campaign add covid-19-pratiche-2020 --name "Pratiche Covid-19" \
	--opens 2020-04-20 --deadline 2020-05-15 --respondents comune,regione --codes no >/dev/null
cn staff add sara --name "Sara Rossi" --role supervisore
cn --user sara status set --campaign fam 001272 inviato --reason PEC --at "2019-07-15 10:00"
cn --user sara status set --campaign fam 001001 inviato --reason PEC --at "2019-07-19 10:00"
cn --user sara status set --campaign fam 040012 inviato --reason PEC --at "2019-07-18 10:00"
cn --user sara status set --campaign fam 001002 esonerato --reason "commissariato"
cn code issue --campaign fam 001003 --caller "Mario Bianchi" --office Segreteria --phone "011 1234567" \
	--verified referente_noto 2>/dev/null

tui_script dash CENTRALINO_USER=sara "$CN" --db "$db" --now "$NOW" tui <<'EOF'
:dashboard fam<Enter>
!screen all
<Enter>
!screen piemonte
<Enter>
!screen torino
<C-o>
!screen byname
<Esc><Esc>
!screen back
<C-p>
!screen next
<C-w>
!screen report
<F2>
!screen written
EOF
# the whole campaign: 3 of 7,914 - 1 excused
screen_has "campaign: headline" dash/all "3/7,913 submitted"
screen_has "campaign: whom to chase" dash/all "Whom to chase (7,910)"
# Piemonte: 1,182 comuni... Torino and Agliè submitted, Airasca excused
screen_has "piemonte: the group in the headline" dash/piemonte "Piemonte · Politiche per la famiglia 2019"
screen_has "piemonte: its figures" dash/piemonte "2/1,180 submitted"
screen_has "piemonte: the chart's 100% is the group's" dash/piemonte " 1,180 "
screen_has "piemonte: whom to chase, its own" dash/piemonte "Whom to chase (1,178)"
screen_has_not "piemonte: nobody from elsewhere" dash/piemonte "Roma (RM)"
screen_has "torino: its figures" dash/torino "2/311 submitted"
screen_has "torino: whom to chase" dash/torino "Whom to chase (309)"
# comuni: no code first by population (Moncalieri), the code issued next...
check "torino: the largest comune without a code first" " Moncalieri (TO)" \
	"$(screen_line dash/torino 12 | cut -c1-16)"
screen_has "torino: submitted ones last, not on the first page" dash/torino "Moncalieri"
screen_has_not "torino: Agliè (submitted) not first" dash/torino "Agliè (TO)                         submitted"
screen_has "o: by name, Agliè first" dash/byname " Agliè (TO)                         submitted"
screen_has "o: says so" dash/byname "respondents by name"
screen_has "back at the top: the whole campaign again" dash/back "3/7,913 submitted"
screen_has "k: the next campaign, key whole in the title at 80 columns" dash/next "covid-19-pratiche-2020"
screen_has "k: its headline" dash/next "Pratiche Covid-19"
screen_has "w: a file name proposed" dash/report "progress-covid-19-pratiche-2020-2019-07-21.html"
screen_has "w: written" dash/written "progress-covid-19-pratiche-2020-2019-07-21.html: progress report of campaign"
f="$SCREENS/dash/progress-covid-19-pratiche-2020-2019-07-21.html"
check "w: the file is the report" "<!DOCTYPE html>" "$(head -n 1 "$f" 2>/dev/null)"
check "w: the same as the command line's" \
	"$(cd "$T" && "$CN" --db "$db" --now "$NOW" --user sara report progress --campaign covid-19-pratiche-2020 --format html --output cli.html >/dev/null && sed 's/(Sara Rossi)/(X)/' cli.html | md5sum)" \
	"$(sed 's/(Sara Rossi)/(X)/' "$f" | md5sum)"

# ---- the Campaigns screen at 80 columns, in Italian ----
tui_script camps CENTRALINO_USER=sara "$CN" --db "$db" --now "$NOW" --lang it tui <<'EOF'
<F6>
!screen list
EOF
screen_has "campaigns: the long key whole" camps/list "covid-19-pratiche-2020 "
screen_has "campaigns: four-digit years" camps/list "20/04/2020 → 15/05/2020"
screen_has "campaigns: four-digit years (2)" camps/list "23/05/2019 → 31/07/2019"

# ---- the Audit screen in words, in both languages ----
tui_script audit CENTRALINO_USER=sara "$CN" --db "$db" --now "$NOW" tui <<'EOF'
<F8>
!screen en
EOF
screen_has "audit: the action in words" audit/en "code issued"
screen_has "audit: the object kind in words" audit/en "access code"
screen_has "audit: status set in words" audit/en "status set by hand"
screen_has_not "audit: no stored names" audit/en "code.issue"
screen_has_not "audit: no stored kinds" audit/en "access_code"
tui_script audit_it CENTRALINO_USER=sara "$CN" --db "$db" --now "$NOW" --lang it tui <<'EOF'
<F8>
!screen it
<Enter>
!screen details
EOF
screen_has "audit in Italian: the action" audit_it/it "codice emesso"
screen_has "audit in Italian: the object" audit_it/it "codice di access"
screen_has "audit in Italian: status set" audit_it/it "stato messo a mano"
screen_has "audit details: the words and the stored name" audit_it/details "codice emesso (code.issue)"

# ---- on the card: proroga, status, contacts; the same core calls as the CLI ----
cn staff add anna --name "Anna Verdi" --role assistenza
tui_script card CENTRALINO_USER=sara "$CN" --db "$db" --now "$NOW" tui <<'EOF2'
001004
<Enter>
<C-p>
!screen proroga
<Tab>10/08/2019<Tab>Sindaco appena eletto<F2>
!screen granted
<C-t>
<Tab>5<Tab>esonerato: fuso con Ivrea<F2>
!screen status_set
<C-n>
3<Tab>protocollo@comune.albiano.to.it<Tab>Segreteria<F2>
!screen contact
<C-k>
<Tab>Errore di inserimento<F2>
!screen revoked
EOF2
screen_has "card p: the proroga form, the comune's campaigns to pick" card/proroga "Grant a proroga"
check "card p: granted, then revoked (x), as 'extension list' shows it" "001004	2019-08-10	Sindaco appena eletto	Errore di inserimento" \
	"$("$CN" --db "$db" --now "$NOW" extension list --campaign fam --all --format tsv | awk -F '\t' '$2 == "001004" { print $2 "\t" $4 "\t" $7 "\t" $12 }')"
check "card t: the status set by hand, with its reason" "esonerato|manuale|esonerato: fuso con Ivrea" \
	"$(sqlite3 "$db" "SELECT status, status_source, status_reason FROM campaign_respondent WHERE respondent_id = '001004' AND campaign_id = (SELECT id FROM campaign WHERE key = 'fam')")"
screen_has "card a: said so" card/contact "contact added: email protocollo@comune.albiano.to.it"
check "card a: the contact, as 'contact list' shows it" "email	protocollo@comune.albiano.to.it" \
	"$("$CN" --db "$db" --now "$NOW" contact list 001004 --format tsv 2>/dev/null | awk -F '\t' 'NR > 1 { print $3 "\t" $4 }')"
check "card x: no proroga in force any more" "" \
	"$("$CN" --db "$db" --now "$NOW" extension list --campaign fam --format tsv | awk -F '\t' '$2 == "001004"')"
audit_before=$(sqlite3 "$db" "SELECT count(*) FROM audit_log")
tui_script card_anna CENTRALINO_USER=anna "$CN" --db "$db" --now "$NOW" tui <<'EOF2'
001004
<Enter>
<C-p>
<C-t>
!screen refused
EOF2
screen_has_not "assistenza: no proroga form" card_anna/refused "Grant a proroga"
screen_has_not "assistenza: no status form" card_anna/refused "Submitted"
screen_has "assistenza: the refusal said on the message line" card_anna/refused "^T is for the role supervisore and up, you are assistenza: Set the status"
check "assistenza: nothing written" "$audit_before" "$(sqlite3 "$db" "SELECT count(*) FROM audit_log")"

# ---- the same from the ':' line, with completion ----
tui_script colon CENTRALINO_USER=sara "$CN" --db "$db" --now "$NOW" tui <<'EOF2'
:prorog<Tab>
!screen completed
 001008<Enter>
!screen form
<Tab>12/08/2019<Tab>Chiesto per PEC<F2>
!screen done
:status 001008<Enter>
!screen status
EOF2
screen_has ":prorog Tab completes the command" colon/completed ":proroga"
screen_has ":proroga ISTAT: the card and the form" colon/form "Grant a proroga"
screen_has ":proroga ISTAT: on Alpignano's card" colon/form "Alpignano"
check ":proroga: granted" "2019-08-12	Chiesto per PEC" \
	"$("$CN" --db "$db" --now "$NOW" extension list --campaign fam --format tsv | awk -F '\t' '$2 == "001008" { print $4 "\t" $7 }')"
screen_has ":status ISTAT: the status form" colon/status "Set the status by hand"
tui_script colon_anna CENTRALINO_USER=anna "$CN" --db "$db" --now "$NOW" tui <<'EOF2'
:proroga 001008<Enter>
!screen refused
EOF2
screen_has_not "assistenza: no :proroga form" colon_anna/refused "Grant a proroga"

# ---- :import: path completion, the Imports screen's preview, then yes or no ----
data="$PWD/tests/data"
before=$(db_dump "$db")
tui_script import_no "$CN" --db "$db" --now "$NOW" tui <<EOF2
:import istat $data/comuni-2019-02<Tab>
!screen completed
<Enter>
!screen preview
<C-a>
!screen asks
n
!screen cancelled
EOF2
screen_has ":import: Tab completes the path" import_no/completed "$data/comuni-2019-02-15.csv"
screen_has ":import: the preview's lists" import_no/preview "added (6)"
screen_has ":import: comuni added by name" import_no/preview "024033 Conco"
screen_has ":import: comuni suppressed by name" import_no/preview "075098 Presicce-Acquarica"
screen_has ":import: renamed, with the former name" import_no/preview "023052 Negrar (was Negrar di Valpolicella)"
screen_has ":import: asks" import_no/asks "Import it now?"
check ":import, no: the database as it was" "$before" "$(db_dump "$db")"
tui_script import_yes "$CN" --db "$db" --now "$NOW" tui <<EOF2
:import istat $data/comuni-2019-02-15.csv<Enter>
<C-a>s
!screen done
EOF2
screen_has ":import, yes: the summary" import_yes/done "comuni-2019-02-15.csv: "
check ":import, yes: imported, as 'show' says" "Negrar" "$("$CN" --db "$db" show 023052 --format tsv | awk -F '\t' '$1 == "name" { print $2 }')"
tui_script import_sara CENTRALINO_USER=sara "$CN" --db "$db" --now "$NOW" tui <<EOF2
:import istat $data/comuni-2019-02-15.csv<Enter>
<C-a>
!screen refused
EOF2
screen_has "supervisore: the ISTAT import refused" import_sara/refused "may not import the ISTAT list"
screen_has_not "supervisore: nothing to confirm" import_sara/refused "Import it now?"

# ---- batch work from the ':' line: count first, then yes ----
tui_script batch CENTRALINO_USER=sara "$CN" --db "$db" --now "$NOW" tui <<'EOF2'
:generate fam<Enter>
!screen generate
s
!screen generated
:export fam participants.csv<Enter>
!screen export
s
!screen exported
:backup<Enter>
!screen backup_refused
EOF2
without=$(grep -o '[0-9,]* respondents of campaign fam have no access code' "$SCREENS/batch/generate" | cut -d' ' -f1 | tr -d ,)
check ":generate: the count shown is what was then generated" "$without" \
	"$(sqlite3 "$db" "SELECT count(*) FROM access_code a JOIN campaign c ON c.id = a.campaign_id WHERE c.key = 'fam' AND a.given_at IS NULL")"
screen_has ":generate: done" batch/generated "codes generated for campaign fam"
screen_has ":export: the count and the file" batch/export "participants of campaign fam"
check ":export: the file as 'code export' writes it" \
	"$("$CN" --db "$db" --now "$NOW" --user sara code export --campaign fam --format limesurvey 2>/dev/null | md5sum)" \
	"$(md5sum <"$SCREENS/batch/participants.csv")"
check ":export: the file readable by its owner alone" 600 "$(stat -c %a "$SCREENS/batch/participants.csv")"
screen_has ":backup: for admins only" batch/backup_refused "admin"
tui_script admin "$CN" --db "$db" --now "$NOW" tui <<'EOF2'
:backup<Enter>
!screen backup
:category disable codice_smarrito<Enter>
!screen category
EOF2
screen_has ":backup: written and checked" admin/backup "backup written and checked"
check ":backup: a dated copy in the backups folder" 1 "$(ls "$T"/backups/centralino-*.db 2>/dev/null | wc -l)"
screen_has ":category disable: said" admin/category "category codice_smarrito disabled"
check ":category disable: as 'call category list' shows it" "codice_smarrito	0" \
	"$("$CN" --db "$db" call category list --all --format tsv | awk -F '\t' '$1 == "codice_smarrito" { print $1 "\t" $4 }')"
# :restore puts the backup just taken back, after a yes: the category
# disabled after the backup is enabled again
name=$(basename "$(ls "$T"/backups/centralino-*.db | head -n 1)")
tui_script restore "$CN" --db "$db" --now "$NOW" tui <<EOF2
:restore $name<Enter>
!screen ask
s
!screen restored
EOF2
screen_has ":restore: asks first" restore/ask "Put the backup $name back into the"
screen_has ":restore: done, the state before kept" restore/restored "the state before is kept in"
check ":restore: the database as it was at the backup" "codice_smarrito	1" \
	"$("$CN" --db "$db" call category list --all --format tsv | awk -F '\t' '$1 == "codice_smarrito" { print $1 "\t" $4 }')"
check ":restore: audited" "restore|$(cd "$T"/backups && pwd -P)/$name" \
	"$(sqlite3 "$db" "SELECT action, object_id FROM audit_log ORDER BY seq DESC LIMIT 1")"
