#!/bin/sh
# report reminders (the documented ranking: overdue callbacks, then codes
# issued, then capofila, then population; last contact, outcome, best
# phone), report daily (codes given out, calls by category, cumulative
# submissions) and export map (one CSV row per comune), through the CLI.
. tests/lib.sh

db=$(fresh_db reports)
as() { u=$1; now=$2; shift 2; run env CENTRALINO_USER="$u" "$CN" --db "$db" --now "$now" "$@"; }
row() { printf '%s\n' "$OUT" | sed -n "$1p"; }

as tester 2019-05-20T09:00:00 staff add sara --name "Sara Rossi" --role supervisore
as tester 2019-05-20T09:00:00 staff add olga --name "Olga Neri" --role operatore
as tester 2019-05-20T09:00:00 staff add anna --name "Anna Verdi" --role assistenza
printf 'codice_ambito;denominazione;codice_istat;capofila\nFC1;Distretto Forlì;040012;1\nFC1;Distretto Forlì;040001;0\nFC2;Distretto Cesena Valle Savio;040007;1\n' >"$T/ambiti.csv"
as tester 2019-05-20T09:00:00 import ambiti "$T/ambiti.csv"
as tester 2019-05-20T09:00:00 campaign add fam --name "Politiche per la famiglia 2019" --opens 2019-06-01 --deadline 2019-07-31 --respondents comune
check "setup: campaign" 0 "$RC"

# codes told by phone to Agliè (10/07) and Bagno di Romagna (11/07)
as olga 2019-07-10T11:00:00 code issue --campaign fam 001001 --caller "Mario Rossi" --office Segreteria --phone "011 9876543" --verified referente_noto
check "setup: code for Agliè" 0 "$RC"
as olga 2019-07-11T11:00:00 code issue --campaign fam 040001 --caller "Lia Bianchi" --office Sociale --phone "0543 911111" --verified richiamata_centralino
check "setup: code for Bagno di Romagna" 0 "$RC"
# Castro (LE) asked to be called back on 24/07; Roma was called and closed
as anna 2019-07-23T10:00:00 call add --respondent "075096" --campaign fam --caller "Ugo Neri" --phone "0832 123456" \
	--category problema_accesso --outcome "manca il segretario" --state in_attesa --callback "2019-07-24 10:00" \
	--started "2019-07-23 10:00"
check "setup: call with a callback" 0 "$RC"
as anna 2019-07-22T16:00:00 call add --respondent 058091 --campaign fam --caller "Ufficio stampa" --phone "06 67101" \
	--category chiarimento_contenuti --outcome "richiamare a settembre" --started "2019-07-22 16:00"
check "setup: call for Roma" 0 "$RC"
as anna 2019-07-22T16:00:00 contact add 040012 --kind telefono --value "0543 712111" --source "sito del comune"
check "setup: Forlì's phone" 0 "$RC"
as sara 2019-07-20T12:00:00 status set --campaign fam Torino inviato --reason PEC --at "2019-07-20 10:00"
check "setup: Torino submitted" 0 "$RC"

# ---- reminders on 25/07 ----
N=2019-07-25T12:00:00
as anna $N report reminders --campaign fam --limit 6 --format tsv
check "reminders: any staff, exit 0" 0 "$RC"
check "reminders: header" "rank	tier	respondent_id	name	kind	sigla	status	capofila	population	late	deadline	callback_due	callback_owner	last_contact	last_category	last_outcome	phone	phone_source" "$(row 1)"
check "reminders: 1 the overdue callback" "1	1	075096	Castro	comune	LE	nessun_codice	0	2473	0	2019-07-31	2019-07-24T08:00:00Z	anna	2019-07-23T08:00:00Z	problema_accesso	manca il segretario	0832 123 456	chiamata" "$(row 2)"
check "reminders: 2 a code, larger population" "2	2	040001	codice_emesso" "$(row 3 | cut -f1-3,7)"
check "reminders: 3 a code, smaller population" "3	2	001001	codice_emesso" "$(row 4 | cut -f1-3,7)"
check "reminders: 4 no code, capofila, with its contact phone" "4	3	040012	Forlì	1	116434	0543 712 111	contatto" \
	"$(row 5 | cut -f1-4,8,9,17,18)"
check "reminders: 5 the other capofila" "5	3	040007	1" "$(row 6 | cut -f1-3,8)"
check "reminders: 6 the largest comune, with its last call" "6	3	058091	Roma	0	2019-07-22T14:00:00Z	richiamare a settembre	06 67101" \
	"$(row 7 | cut -f1-4,8,14,16,17)"
check "reminders: the limit" 7 "$(printf '%s\n' "$OUT" | wc -l)"
as anna $N report reminders --campaign fam --limit 3
check "reminders table: how many to chase" "7,913 respondents to chase in campaign fam; the first 3:" "$(row 1)"
check_contains "reminders table: why now" "callback due 24/07/2019 10:00" "$(row 3)"
check_contains "reminders table: phone shown the Italian way" "0832 123 456" "$(row 3)"
check_contains "reminders table: capofila marked" "Forlì (FC) - capofila" "$(as anna $N report reminders --campaign fam --limit 4; row 6)"
# after the deadline everyone left is late
as anna 2019-08-02T09:00:00 report reminders --campaign fam --limit 1 --format csv
check "reminders: late after the deadline" 1 "$(row 2 | cut -d, -f10)"
as anna $N report reminders --campaign fam --limit 0
check "reminders: --limit 0 refused" 64 "$RC"
as anna $N report reminders --campaign nope
check "reminders: unknown campaign: exit 66" 66 "$RC"
as anna $N report reminders
check "reminders: --campaign required: exit 64" 64 "$RC"

# ---- daily ----
as sara $N report daily --campaign fam --format tsv
check "daily: exit 0" 0 "$RC"
check "daily: header" "date	codes	calls_richiesta_codice	calls_codice_smarrito	calls_problema_accesso	calls_problema_tecnico	calls_chiarimento_contenuti	calls_richiesta_proroga	calls_invio_completato	calls_altro	calls	submitted	cumulative" "$(row 1)"
check "daily: 01/06 to 25/07 = 55 days" 56 "$(printf '%s\n' "$OUT" | wc -l)"
check "daily: 10/07 one code" "2019-07-10	1	0	0	0	0	0	0	0	0	0	0	0" "$(printf '%s\n' "$OUT" | grep '^2019-07-10')"
check "daily: 20/07 Torino" "2019-07-20	0	0	0	0	0	0	0	0	0	0	1	1" "$(printf '%s\n' "$OUT" | grep '^2019-07-20')"
check "daily: 22/07 a call" "2019-07-22	0	0	0	0	0	1	0	0	0	1	0	1" "$(printf '%s\n' "$OUT" | grep '^2019-07-22')"
check "daily: 23/07 a call" "2019-07-23	0	0	0	1	0	0	0	0	0	1	0	1" "$(printf '%s\n' "$OUT" | grep '^2019-07-23')"
check "daily: the last day" "2019-07-25	0	0	0	0	0	0	0	0	0	0	0	1" "$(printf '%s\n' "$OUT" | tail -1)"
as sara $N report daily --campaign fam
check_contains "daily table: Italian dates" "10/07/2019" "$OUT"
as anna $N report daily --campaign fam
check "daily: assistenza refused: exit 77" 77 "$RC"

# ---- export map ----
as sara $N export map --campaign fam
check "map: exit 0" 0 "$RC"
check "map: header" "codice_istat,comune,provincia,sigla,regione,stato,data_invio" "$(row 1)"
check "map: one row per comune" 7915 "$(printf '%s\n' "$OUT" | wc -l)"
check "map: Torino submitted" "001272,Torino,Torino,TO,Piemonte,inviato,2019-07-20" "$(printf '%s\n' "$OUT" | grep '^001272')"
check "map: Agliè with a code" "001001,Agliè,Torino,TO,Piemonte,codice_emesso," "$(printf '%s\n' "$OUT" | grep '^001001')"
check "map: ordered by ISTAT code" "$(printf '%s\n' "$OUT" | sed 1d | cut -d, -f1 | sort | head -3 | tr '\n' ' ')" \
	"$(printf '%s\n' "$OUT" | sed 1d | cut -d, -f1 | head -3 | tr '\n' ' ')"
printf '%s\n' "$OUT" >"$T/map.csv"
check "map: sqlite reads it back as 7914 rows" 7914 \
	"$(sqlite3 :memory: ".import --csv $T/map.csv m" "SELECT count(*) FROM m")"
check "map: the accents survive" "Forlì-Cesena" \
	"$(sqlite3 :memory: ".import --csv $T/map.csv m" "SELECT provincia FROM m WHERE codice_istat = '040012'")"
as sara $N export map --campaign fam --format tsv
check "map tsv: Bagno di Romagna" "040001	Bagno di Romagna	Forlì-Cesena	FC	Emilia-Romagna	codice_emesso	" "$(printf '%s\n' "$OUT" | grep '^040001')"
as anna $N export map --campaign fam
check "map: assistenza refused: exit 77" 77 "$RC"
check "map: a refusal writes nothing" "" "$OUT"
as tester $N campaign add reg --name "Regioni" --opens 2019-06-01 --deadline 2019-07-31 --respondents regione
as sara $N export map --campaign reg
check "map: a campaign without comuni: exit 65" 65 "$RC"
as sara $N export map
check "map: --campaign required: exit 64" 64 "$RC"
