#!/bin/sh
# The Imports screen, headless (tests/tui/lib_script.sh), whole screens at
# 80x24 and 160x48, in English and Italian, as each role: choose the kind
# and the file (a form), see everything the import would change with the
# rows it would not apply (line, column, value, why), then import it for
# real: the summary and the audit row shown, the effect checked through the
# CLI (ISTAT, contacts, a form's responses, LimeSurvey's participants).
# Refusals: a supervisore's ISTAT import (the core's role check), a bad
# file (its line and field), a list lacking many comuni until accepted,
# an assistenza's F9 and :import.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_script.sh

db=$(screen_db imports)
NOW=2019-07-21T12:00:00
cn() { "$CN" --db "$db" --now "$NOW" "$@"; }
cn campaign add fam --name "Politiche per la famiglia 2019" --opens 2019-05-23 --deadline 2019-07-31 \
	--respondents comune >/dev/null
cn staff add sara --name "Sara Rossi" --role supervisore >/dev/null
cn staff add anna --name "Anna Verdi" --role assistenza >/dev/null
# the files sit in the folder each run starts in (tui_script's), so the
# screens name them the same on every host

# ---- admin, English, 80x24: the ISTAT list of February ----
run=istat
mkdir -p "$SCREENS/$run"
cp tests/data/comuni-2019-02-15.csv "$SCREENS/$run/"
tui_script istat "$CN" --db "$db" --now "$NOW" tui <<'KEYS'
<F9>
!screen form
<Tab>comuni-2019
!screen typing
<C-f>
!screen completed
<F2>
!screen preview
<C-a>
!screen confirm
s
!screen done
KEYS
for s in form typing completed preview confirm done; do screen_is istat/$s; done
check "istat: renamed, as 'show' says" "Negrar" "$(cn show 023052 --format tsv | awk -F '\t' '$1 == "name" { print $2 }')"
check "istat: the audit row the screen shows" "import_istat" \
	"$(sqlite3 "$db" "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1")"

# ---- admin, Italian, 160x48: contacts with accents, then a bad ambiti file ----
run=contatti
mkdir -p "$SCREENS/$run"
printf 'respondent,kind,value,name\n040012,email,sociali@comune.forli.fc.it,Ufficio Servizi Sociali\n039017,pec,protocollo@pec.comune.santagatasulsanterno.ra.it,Segreteria\n001272,telefono,011 4421111,Città di Torino\n' >"$SCREENS/$run/contatti.csv"
printf 'codice_ambito;denominazione;codice_istat;capofila\nFOR;Forlì;040012;1\nFOR;Forlì;999999;0\n' >"$SCREENS/$run/ambiti.csv"
tui_script contatti "$CN" --db "$db" --now "$NOW" --lang it tui <<'KEYS'
!resize 160x48
<F9>
3<Tab>contatti.csv<F2>
!screen preview
<C-a>s
!screen done
<C-f>
2<Tab><C-u>ambiti.csv<F2>
!screen refused
KEYS
for s in preview done refused; do screen_is contatti/$s; done
check "contacts: added, as 'contact list' shows it" "pec	protocollo@pec.comune.santagatasulsanterno.ra.it" \
	"$(cn contact list 039017 --format tsv 2>/dev/null | awk -F '\t' 'NR > 1 { print $3 "\t" $4 }')"

# ---- supervisore, English, 80x24: a Google Forms download, then ISTAT refused ----
run=form
mkdir -p "$SCREENS/$run"
printf 'Informazioni cronologiche,Ente,Referente\n2019/07/10 10:31:22 AM CEST,Forlì,Anna\n2019/07/11 4:05:00 PM CEST,Comune di Sant'"'"'Agata sul Santerno,Lùcia\n2019/07/12 9:00:00 AM CEST,Forlimpopolo di Sopra,Zoë\n2019/07/12 9:10:00 AM CEST,Castro,Nicolò\n' >"$SCREENS/$run/risposte.csv"
mkdir -p "$SCREENS/form_yes" "$SCREENS/istat_sara"
cp tests/data/comuni-2019-02-15.csv "$SCREENS/istat_sara/"
cp "$SCREENS/$run/risposte.csv" "$SCREENS/form_yes/"
before=$(db_dump "$db")
tui_script form CENTRALINO_USER=sara "$CN" --db "$db" --now "$NOW" tui <<'KEYS'
:import generic fam risposte.csv<Enter>
!screen form
<Tab><Tab><Tab>Ente<Tab>Informazioni cronologiche<F2>
!screen preview
<Down><Down><Down><Down>
!screen selected
KEYS
for s in form preview selected; do screen_is form/$s; done
check "generic preview: the database as it was" "$before" "$(db_dump "$db")"
tui_script form_yes CENTRALINO_USER=sara "$CN" --db "$db" --now "$NOW" tui <<'KEYS'
<F9>
5<Tab>risposte.csv<Tab>fam<Tab>Ente<Tab>Informazioni cronologiche<F2><C-a>s
!screen done
KEYS
screen_is form_yes/done
check "generic: Forlì inviato at the form's time, as 'status show' says" "040012 Forlì in campaign fam: inviato on 10/07/2019 10:31" \
	"$(cn status show --campaign fam 040012 | sed -n 1p)"
tui_script istat_sara CENTRALINO_USER=sara "$CN" --db "$db" --now "$NOW" tui <<'KEYS'
:import istat comuni-2019-02-15.csv<Enter>
!screen refused
KEYS
screen_is istat_sara/refused

# ---- supervisore, Italian, 160x48: LimeSurvey's participant export ----
# Agliè completed, Torino not yet, one token the desk never gave
cn code generate --campaign fam --all >/dev/null
tok() { cn code list --campaign fam --reveal --format tsv | awk -F '\t' -v r="$1" '$2 == r { print $1 }'; }
run=lime
mkdir -p "$SCREENS/$run"
{
	printf 'tid,firstname,lastname,token,completed, attribute_1 <Codice>\n'
	printf '"1","Comune di","Agliè","%s","2019-07-15 09:00","001001"\n' "$(tok 001001)"
	printf '"2","Comune di","Torino","%s","N","001272"\n' "$(tok 001272)"
	printf '"3","Ignoto","Ignoto","ZZZZ9999ZZZZ2","Y",""\n'
} >"$SCREENS/$run/tokens_1.csv"
before=$(db_dump "$db")
tui_script lime CENTRALINO_USER=sara "$CN" --db "$db" --now "$NOW" --lang it tui <<'KEYS'
!resize 160x48
:import limesurvey fam tokens_1.csv<Enter>
!screen preview
KEYS
screen_is lime/preview
check "limesurvey preview: the database as it was" "$before" "$(db_dump "$db")"
mkdir -p "$SCREENS/lime_yes"
cp "$SCREENS/$run/tokens_1.csv" "$SCREENS/lime_yes/"
tui_script lime_yes CENTRALINO_USER=sara "$CN" --db "$db" --now "$NOW" --lang it tui <<'KEYS'
!resize 160x48
:import limesurvey fam tokens_1.csv<Enter>
<C-a>s
!screen done
KEYS
screen_is lime_yes/done
check "limesurvey: Agliè inviato, as 'status show' says" "001001 Agliè in campaign fam: inviato on 15/07/2019 09:00" \
	"$(cn status show --campaign fam 001001 | sed -n 1p)"
check "limesurvey: the audit row the screen shows" "status.import" \
	"$(sqlite3 "$db" "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1")"

# ---- admin, English, 80x24: a list lacking 400 comuni, refused, then accepted ----
run=force
mkdir -p "$SCREENS/$run"
head -n -400 db/comuni-2019-05-15.csv >"$SCREENS/$run/short.csv"
tui_script force "$CN" --db "$db" --now "$NOW" tui <<'KEYS'
<F9>
1<Tab>short.csv<F2>
!screen refused
<C-f>
<Tab><Tab><Tab><Tab><Tab><Tab>
!screen form
2<F2>
!screen preview
<C-a>s
!screen done
KEYS
for s in refused form preview done; do screen_is force/$s; done
check "force: Villaspeciosa suppressed, as 'search' says" "111107	Villaspeciosa	SU	Sardegna	suppressed" \
	"$(cn search villaspeciosa --format tsv | sed -n 2p)"

# ---- assistenza: no Imports screen ----
audit_before=$(sqlite3 "$db" "SELECT count(*) FROM audit_log")
tui_script anna CENTRALINO_USER=anna "$CN" --db "$db" --now "$NOW" --lang it tui <<'KEYS'
<F9>
!screen f9
:import istat x.csv<Enter>
!screen refused
KEYS
screen_is anna/f9
screen_is anna/refused
check "assistenza: nothing written" "$audit_before" "$(sqlite3 "$db" "SELECT count(*) FROM audit_log")"
