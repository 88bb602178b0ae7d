#!/bin/sh
# Progress against the deadline through the CLI: `status set/show` (audited,
# roles), `report progress` at several dates (before opening, mid-campaign,
# the deadline day, after it) against figures worked out by hand; excused
# respondents leave the denominator; group rows add up to the total; by
# ambito the capofila counts once; a campaign without codes fed by
# `status import --generic` (unmatched and ambiguous names listed, never
# guessed; importing again changes nothing).
. tests/lib.sh

db=$(fresh_db progress)
status_of() { sqlite3 "$db" "SELECT status FROM campaign_respondent cr JOIN campaign c ON c.id = cr.campaign_id WHERE c.key = '$1' AND respondent_id = '$2'"; }
at() { now=$1; shift; run "$CN" --db "$db" --now "$now" "$@"; }
as() { u=$1; now=$2; shift 2; run env CENTRALINO_USER="$u" "$CN" --db "$db" --now "$now" "$@"; }
# value NAME: a '# NAME=value' summary line of a tsv/csv report in $OUT
value() { printf '%s\n' "$OUT" | sed -n "s/^# $1=//p"; }
# col N ROW_KEY: column N of the tsv row whose first column is ROW_KEY
col() { printf '%s\n' "$OUT" | awk -F '\t' -v k="$2" -v n="$1" '$1 == k && $2 != "TOTAL" { print $n }'; }

at 2020-04-01T09:00:00 staff add sara --name "Sara Rossi" --role supervisore
at 2020-04-01T09:00:00 staff add anna --name "Anna Verdi" --role assistenza
# the 20 regioni: small enough to count by hand
at 2020-04-01T09:00:00 campaign add reg --name "Regioni 2020" --opens 2020-04-20 --deadline 2020-05-15 --respondents regione
check "setup: campaign of the 20 regioni" 0 "$RC"

# ---- status set / show ----
M=2020-05-12T12:00:00
n=$(audit_n)
as sara $M status set --campaign reg REG:08 inviato --reason "inviato per PEC" --at "2020-05-10 10:00"
check "set: exit 0" 0 "$RC"
check "set: says the change" "REG:08 Emilia-Romagna: nessun_codice -> inviato" "$OUT"
check "set: one audit row" $((n + 1)) "$(audit_n)"
check "set: audit row names campaign, statuses and reason" \
	'status.set|REG:08|{"campaign":"reg","from":"nessun_codice","to":"inviato","submitted_at":"2020-05-10T08:00:00Z","reason":"inviato per PEC"}' \
	"$(sqlite3 "$db" "SELECT action, object_id, details FROM audit_log ORDER BY seq DESC LIMIT 1")"
check "set: stored as manuale with the submission time" "inviato|manuale|2020-05-10T08:00:00Z" \
	"$(sqlite3 "$db" "SELECT status, status_source, submitted_at FROM campaign_respondent WHERE respondent_id = 'REG:08'")"
as sara $M status set --campaign reg toscana inviato --reason "PEC" --at "04/05/2020 09:00"
check "set: by name" "REG:09 Toscana: nessun_codice -> inviato" "$OUT"
as sara $M status set --campaign reg "Valle d'Aosta" esonerato --reason "accordo con la Regione"
check "set: excused by its Italian name" 0 "$RC"
as sara $M status set --campaign reg REG:02 esonerato --reason "ancora"
check "set: the same status again: exit 65" 65 "$RC"
check_contains "set: the same status again says so" "already 'esonerato'" "$ERR"
as sara $M status set --campaign reg REG:03 esonerato
check "set: without a reason: exit 64" 64 "$RC"
as sara $M status set --campaign reg REG:03 spedito --reason x
check "set: an unknown status: exit 64" 64 "$RC"
as sara $M status set --campaign reg REG:03 inviato --reason x --at "2020-05-20 10:00"
check "set: a submission in the future: exit 64" 64 "$RC"
as sara $M status set --campaign nope REG:03 inviato --reason x
check "set: unknown campaign: exit 66" 66 "$RC"
as sara $M status set --campaign reg REG:99 inviato --reason x
check "set: unknown respondent: exit 66" 66 "$RC"
n=$(audit_n)
as anna $M status set --campaign reg REG:03 inviato --reason x
check "set: assistenza refused: exit 77" 77 "$RC"
check "set: refusal says who and what" "centralino: anna (assistenza) may not set a status by hand" "$ERR"
check "set: refused changes leave no audit row" "$n" "$(audit_n)"
as anna $M status show --campaign reg REG:08
check "show: any staff" 0 "$RC"
check "show: status, time and deadline" "REG:08 Emilia-Romagna in campaign reg: inviato on 10/05/2020 10:00
deadline 15/05/2020
reason: inviato per PEC" "$OUT"

# ---- report progress, mid-campaign (12/05 12:00) ----
# 20 regioni, 2 inviato (10/05, 04/05), 1 esonerato -> denominator 19.
# Last 7 days (05/05 12:00 .. 12/05 12:00): only 10/05 -> 1/7 = 0.14 a day.
# Time left: 12/05 12:00 -> 16/05 00:00 = 3.5 days; 3.5/7 = 0.5 -> 2 + 0 = 2.
# Needed: 17 / 3.5 = 4.857...
as sara $M report progress --campaign reg --format tsv
check "progress: exit 0" 0 "$RC"
check "progress: days left" 3 "$(value days_left)"
check "progress: submitted" 2 "$(value submitted)"
check "progress: denominator without the excused" 19 "$(value denominator)"
check "progress: submissions in 7 days" 1 "$(value submissions_7d)"
check "progress: per day" 0.14 "$(value per_day_7d)"
check "progress: projected" 2 "$(value projected)"
check "progress: needed per day" 4.86 "$(value needed_per_day)"
check "progress: nobody late" 0 "$(value late)"
check "progress: header" "key	name	respondents	nessun_codice	codice_emesso	in_compilazione	inviato	esonerato	screened_out	late	pct_inviato" \
	"$(printf '%s\n' "$OUT" | grep -v '^#' | head -1)"
check "progress: total row" "	TOTAL	20	17	0	0	2	1	0	0	10.5" "$(printf '%s\n' "$OUT" | tail -1)"
check "progress: Emilia-Romagna row" "08	Emilia-Romagna	1	0	0	0	1	0	0	0	100.0" "$(printf '%s\n' "$OUT" | grep '^08')"
check "progress: an excused region has no percentage" "02	Valle d'Aosta/Vallée d'Aoste	1	0	0	0	0	1	0	0	" \
	"$(printf '%s\n' "$OUT" | grep '^02')"
check "progress: one row per regione + total" 21 "$(printf '%s\n' "$OUT" | grep -vc '^#\|^key')"

as sara $M report progress --campaign reg
check "progress table: deadline line" "Deadline 15/05/2020: 3 days left" "$(printf '%s\n' "$OUT" | sed -n 2p)"
check "progress table: submitted line" "Submitted 2 of 19 (10.5%); late 0" "$(printf '%s\n' "$OUT" | sed -n 3p)"
check "progress table: pace line" "Pace over the last 7 days: 0.1 submissions a day (1 in 7 days); projected at the deadline: 2" \
	"$(printf '%s\n' "$OUT" | sed -n 4p)"
check "progress table: needed line" "Pace needed for 100%: 4.9 submissions a day" "$(printf '%s\n' "$OUT" | sed -n 5p)"
check_contains "progress table: total row" "Total" "$(printf '%s\n' "$OUT" | tail -1)"

# grouped by ripartizione: 4 + 4 + 4 + 6 + 2, adding up to 20
as sara $M report progress --campaign reg --by ripartizione --format csv
check "ripartizione: csv rows" "1,Nord-ovest,4,3,0,0,0,1,0,0,0.0
2,Nord-est,4,3,0,0,1,0,0,0,25.0
3,Centro,4,3,0,0,1,0,0,0,25.0
4,Sud,6,6,0,0,0,0,0,0,0.0
5,Isole,2,2,0,0,0,0,0,0,0.0
,TOTAL,20,17,0,0,2,1,0,0,10.5" "$(printf '%s\n' "$OUT" | grep -v '^#\|^key')"
# regioni have no provincia: one "none" row
as sara $M report progress --campaign reg --by provincia --format tsv
check "provincia: regioni fall in the none row" "20" "$(col 4 '')"
as anna $M report progress --campaign reg
check "progress: assistenza refused: exit 77" 77 "$RC"
as sara $M report progress --campaign reg --by comuni
check "progress: bad --by: exit 64" 64 "$RC"

# ---- at other dates ----
# the deadline day, 20:00: nobody late; 4 hours = 1/6 day -> 17 * 6 = 102
as sara 2020-05-15T20:00:00 report progress --campaign reg --format tsv
check "deadline day: 0 days left" 0 "$(value days_left)"
check "deadline day: nobody late" 0 "$(value late)"
check "deadline day: needed 102 a day" 102.00 "$(value needed_per_day)"
# the day after: 20 - 2 inviato - 1 esonerato = 17 late; no time left
as sara 2020-05-16T09:00:00 report progress --campaign reg --format tsv
check "after: -1 days left" -1 "$(value days_left)"
check "after: 17 late" 17 "$(value late)"
check "after: Piemonte late" 1 "$(col 10 01)"
check "after: no pace needed" "" "$(value needed_per_day)"
check "after: projection stays" 2 "$(value projected)"
as sara 2020-05-16T09:00:00 report progress --campaign reg
check_contains "after: the table says it passed" "Deadline 15/05/2020: passed 1 day ago" "$OUT"
check_contains "after: no time left" "Pace needed for 100%: no time left (17 still to submit)" "$OUT"
as sara 2020-05-16T09:00:00 status show --campaign reg REG:12
check_contains "show: late" "late: the deadline passed 1 day ago" "$OUT"
# before opening: 1/4 -> 15/5 = 29 + 15 = 44 days
as sara 2020-04-01T09:00:00 report progress --campaign reg --format tsv
check "before opening: 44 days left" 44 "$(value days_left)"
check "before opening: nobody late" 0 "$(value late)"
as sara 2020-04-01T09:00:00 report progress --campaign reg
check_contains "before opening: says when it opens" "Opens on 20/04/2020; deadline 15/05/2020, 44 days from today" "$OUT"

# ---- by ambito: the capofila counts once, in its own ambito ----
printf 'codice_ambito;denominazione;codice_istat;capofila\nFC1;Distretto Forlì;040012;1\nFC1;Distretto Forlì;040001;0\nFC1;Distretto Forlì;040013;0\nFC2;Distretto Cesena Valle Savio;040007;1\n' >"$T/ambiti.csv"
at 2020-04-01T09:00:00 import ambiti "$T/ambiti.csv"
check "setup: ambiti" 0 "$RC"
at 2020-04-01T09:00:00 campaign add covid --name "Pratiche Covid-19" --opens 2020-04-20 --deadline 2020-05-15 --respondents comune,ambito,regione --codes no
check "setup: a campaign without codes" 0 "$RC"
check "setup: it asks every comune, ambito and regione" "7936" \
	"$(sqlite3 "$db" "SELECT count(*) FROM campaign_respondent WHERE campaign_id = (SELECT id FROM campaign WHERE key = 'covid')")"
as sara $M status set --campaign covid Forlì inviato --reason "PEC"
as sara $M report progress --campaign covid --by ambito --format tsv
check "ambito: FC1 = Forlì (capofila), Bagno, Forlimpopoli + AMB:FC1" \
	"FC1	Distretto Forlì	4	3	0	0	1	0	0	0	25.0	040012 Forlì	inviato" "$(printf '%s\n' "$OUT" | grep '^FC1')"
check "ambito: FC2 = Cesena (capofila) + AMB:FC2" \
	"FC2	Distretto Cesena Valle Savio	2	2	0	0	0	0	0	0	0.0	040007 Cesena	nessun_codice" "$(printf '%s\n' "$OUT" | grep '^FC2')"
check "ambito: the rest in the none row (7914 - 4 comuni + 20 regioni)" 7930 "$(col 3 '')"
check "ambito: rows add up to the total" \
	"$(printf '%s\n' "$OUT" | grep -v '^#\|^key\|TOTAL' | awk -F '\t' '{ s += $3; l += $7 } END { print s, l }')" \
	"$(printf '%s\n' "$OUT" | grep 'TOTAL' | awk -F '\t' '{ print $3, $7 }')"
as sara $M report progress --campaign covid --by provincia --format tsv
check "provincia: rows add up to the total" \
	"$(printf '%s\n' "$OUT" | grep -v '^#\|^key\|TOTAL' | awk -F '\t' '{ s += $4; i += $8 } END { print s, i }')" \
	"$(printf '%s\n' "$OUT" | grep 'TOTAL' | awk -F '\t' '{ print $4, $8 }')"
check "provincia: Forlì-Cesena has its 30 comuni and 2 ambiti" 32 "$(col 4 040)"

# ---- status import --generic (a form's responses) ----
cat >"$T/risposte.csv" <<'EOF'
Informazioni cronologiche;Ente compilatore;Tipo di ente;Esperienza
15/05/2020 10.32.11;Comune di Cesena;Comune;"Sportello telefonico; ""pronto"" per anziani
attivo 7 giorni su 7"
14/05/2020 18:02:40;7004;Comune;consegna spesa
15/05/2020 09:00:00;Castro;Comune;?
15/05/2020 09:30:00;Castro (LE);Comune;
13/05/2020 08:00:00;Paperopoli;Comune;
;;;
15/05/2020 12:00:00;AMB:FC2;Ambito;
15/05/2020 12:30:00;Regione Toscana;Regione;
EOF
n=$(audit_n)
sed '1s/;Esperienza$/;Ente compilatore/' "$T/risposte.csv" >"$T/twice.csv"
as sara 2020-05-20T12:00:00 status import --campaign covid "$T/twice.csv" --generic --id-column "Ente compilatore"
check "generic, a column twice: exit 65" 65 "$RC"
check "generic, a column twice: message" "centralino: $T/twice.csv:1: header: column 'Ente compilatore' twice" "$ERR"
check "generic, a column twice: nothing changed" "$n" "$(audit_n)"
as sara 2020-05-20T12:00:00 status import --campaign covid "$T/risposte.csv" --generic --id-column "Ente compilatore" --time-column "Informazioni cronologiche"
check "generic: exit 0" 0 "$RC"
check "generic: summary" "$T/risposte.csv: 8 rows, 5 matched (5 respondents): 5 now inviato, 0 already were; 2 to resolve, 1 blank" "$OUT"
check_contains "generic: the ambiguous name is listed with its candidates" \
	"risposte.csv:5: Ente compilatore: 'Castro': ambiguous: Castro (BG) 016065, Castro (LE) 075096" "$ERR"
check_contains "generic: the unknown name is listed" "risposte.csv:7: Ente compilatore: 'Paperopoli': no respondent of campaign covid" "$ERR"
check_contains "generic: says what to do" "put the ISTAT code in the file" "$ERR"
check "generic: one audit row" $((n + 1)) "$(audit_n)"
check "generic: Cesena inviato at the form's time" "inviato|generico|2020-05-15T08:32:11Z" \
	"$(sqlite3 "$db" "SELECT status, status_source, submitted_at FROM campaign_respondent WHERE respondent_id = '040007' AND campaign_id = (SELECT id FROM campaign WHERE key = 'covid')")"
check "generic: 7004 read as 007004" inviato "$(status_of covid 007004)"
check "generic: Castro (LE)" inviato "$(status_of covid 075096)"
check "generic: Castro (BG) not guessed" nessun_codice "$(status_of covid 016065)"
check "generic: AMB:FC2" inviato "$(status_of covid AMB:FC2)"
check "generic: Regione Toscana" inviato "$(status_of covid REG:09)"
check "generic: the other campaign untouched" 2 \
	"$(sqlite3 "$db" "SELECT count(*) FROM campaign_respondent WHERE campaign_id = (SELECT id FROM campaign WHERE key = 'reg') AND status = 'inviato'")"
before=$(db_dump "$db")
as sara 2020-05-20T12:00:00 status import --campaign covid "$T/risposte.csv" --generic --id-column "Ente compilatore" --time-column "Informazioni cronologiche"
check "generic again: nothing newly inviato" "$T/risposte.csv: 8 rows, 5 matched (5 respondents): 0 now inviato, 5 already were; 2 to resolve, 1 blank" "$OUT"
check "generic again: the database is unchanged" "$before" "$(db_dump "$db")"
printf 'ente,quando\nCesenatico,2020-05-14 10:00\nBertinoro,ieri\n' >"$T/bad.csv"
as sara 2020-05-20T12:00:00 status import --campaign covid "$T/bad.csv" --generic --id-column ente --time-column quando
check "generic: a bad time: exit 65" 65 "$RC"
check "generic: FILE:LINE: field" "centralino: $T/bad.csv:3: quando: 'ieri' is not a time (YYYY-MM-DD HH:MM, DD/MM/YYYY HH:MM:SS ...)" "$ERR"
check "generic: a bad file changes nothing" nessun_codice "$(status_of covid 040008)"
as sara 2020-05-20T12:00:00 status import --campaign covid "$T/bad.csv" --generic --id-column comune
check "generic: a missing column: exit 64" 64 "$RC"
check_contains "generic: the columns are listed" "no column 'comune' (the columns are: 'ente', 'quando')" "$ERR"
as sara 2020-05-20T12:00:00 status import --campaign covid "$T/bad.csv" --generic --id-column ente --dry-run
check_contains "generic: dry run counts" "2 would become inviato" "$OUT"
check "generic: dry run changes nothing" nessun_codice "$(status_of covid 040008)"
as sara 2020-05-20T12:00:00 status import --campaign covid "$T/bad.csv" --generic
check "generic: --id-column is required: exit 64" 64 "$RC"
as anna 2020-05-20T12:00:00 status import --campaign covid "$T/bad.csv" --generic --id-column ente
check "generic: assistenza refused: exit 77" 77 "$RC"
as sara 2020-05-20T12:00:00 status import --campaign covid "$T/none.csv" --generic --id-column ente
check "generic: a missing file: exit 66" 66 "$RC"
