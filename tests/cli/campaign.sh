#!/bin/sh
# centralino campaign add|list|show|set|sync, the sample campaign of
# `init --sample-campaign`, and who may do what.
. tests/lib.sh

db=$(fresh_db campaign)
cn() { run "$CN" --db "$db" --now 2019-06-01T10:00:00 "$@"; }

cn staff add op --name "Olga Operatrice" --role operatore
cn staff add sup --name "Sara Supervisora" --role supervisore
comuni=$(q "SELECT count(*) FROM respondent WHERE kind = 'comune' AND active = 1")
check "the shipped list has 7914 active comuni" 7914 "$comuni"

# ---- add ----
n=$(audit_n)
cn campaign add famiglia-2019 --name "Monitoraggio politiche per la famiglia — buone pratiche" \
	--opens 2019-06-01 --deadline 31/07/2019 --respondents comune --survey-id 857929
check "add: exit 0" 0 "$RC"
check "add: says how many" "campaign famiglia-2019 created: 7,914 respondents" "$OUT"
check "add: stored" "famiglia-2019|2019-06-01|2019-07-31|comune|857929|12|1" \
	"$(q "SELECT key, opens_on, deadline, kinds, survey_id, code_length, uses_codes FROM campaign")"
check "add: every active comune, nessun_codice" "7914|7914" \
	"$(q "SELECT count(*), sum(status = 'nessun_codice') FROM campaign_respondent")"
check "add: one audit row" $((n + 1)) "$(audit_n)"
check "add: audit row" 'tester|campaign.add|campaign|famiglia-2019|{"name":"Monitoraggio politiche per la famiglia — buone pratiche","opens":"2019-06-01","deadline":"2019-07-31","kinds":"comune","respondents":7914}' "$(last_audit)"

# suppressed comuni are not asked
q "UPDATE comune SET suppressed_on = '2019-05-01' WHERE istat = '001001'"
cn campaign add covid --name "Buone pratiche Covid-19" --opens 2020-04-20 --deadline 2020-05-15 \
	--respondents ambito,comune,regione --codes no --code-length 10
check "add all kinds: exit 0" 0 "$RC"
check "add all kinds: 7913 comuni (one suppressed) + 20 regioni" "comune|7913 regione|20" \
	"$(q "SELECT r.kind, count(*) FROM campaign_respondent cr JOIN respondent r ON r.id = cr.respondent_id
	      JOIN campaign c ON c.id = cr.campaign_id WHERE c.key = 'covid' GROUP BY r.kind" | tr '\n' ' ' | sed 's/ $//')"
check "add all kinds: kinds in order, no codes" "comune,ambito,regione|0|10" \
	"$(q "SELECT kinds, uses_codes, code_length FROM campaign WHERE key = 'covid'")"
check "region ids" "REG:01|Piemonte" "$(q "SELECT id, name FROM respondent WHERE id = 'REG:01'")"

n=$(audit_n)
cn campaign add famiglia-2019 --name X --opens 2019-06-01 --deadline 2019-07-31 --respondents comune
check "add twice: exit 65" 65 "$RC"
check "add twice: message" "centralino: campaign 'famiglia-2019' already exists (see 'centralino campaign show famiglia-2019')" "$ERR"
cn campaign add Famiglia --name X --opens 2019-06-01 --deadline 2019-07-31 --respondents comune
check "add bad key: exit 64" 64 "$RC"
check_contains "add bad key: message" "campaign key 'Famiglia': use 1 to 40 lower-case letters" "$ERR"
cn campaign add x --name X --opens 2019-08-01 --deadline 2019-07-31 --respondents comune
check "deadline before opening: exit 64" 64 "$RC"
check "deadline before opening: message" "centralino: the deadline (2019-07-31) is before the opening date (2019-08-01)" "$ERR"
cn campaign add x --name X --opens 2019-02-30 --deadline 2019-07-31 --respondents comune
check "impossible date: exit 64" 64 "$RC"
cn campaign add x --name X --opens 2019-06-01 --deadline 2019-07-31 --respondents comuni,province
check "bad kinds: exit 64" 64 "$RC"
check_contains "bad kinds: message" "--respondents: 'comuni,province' is not a list of comune, ambito, regione" "$ERR"
cn campaign add x --opens 2019-06-01 --deadline 2019-07-31 --respondents comune
check "no name: exit 64" 64 "$RC"
cn campaign add x --name X --opens 2019-06-01 --deadline 2019-07-31 --respondents comune --code-length 7
check "code length 7: exit 64" 64 "$RC"
cn --user op campaign add x --name X --opens 2019-06-01 --deadline 2019-07-31 --respondents comune
check "operatore may not create: exit 77" 77 "$RC"
check "operatore may not create: message" "centralino: op (operatore) may not create campaigns" "$ERR"
check "refusals write nothing" "$n" "$(audit_n)"
check "refusals create nothing" 2 "$(q "SELECT count(*) FROM campaign")"

# ---- list / show ----
cn --user op campaign list
check "list: exit 0 for any staff" 0 "$RC"
check "list: header" "KEY            NAME                                                     OPENS       DEADLINE    PHASE     RESPONDENTS  CODES  SUBMITTED" "$(printf '%s\n' "$OUT" | sed -n 1p)"
check_contains "list: famiglia open on 1 June 2019" "famiglia-2019  Monitoraggio politiche per la famiglia — buone pratiche  01/06/2019  31/07/2019  open            7,914      0          0" "$OUT"
check_contains "list: covid not yet open, no codes" "20/04/2020  15/05/2020  upcoming        7,933      -          0" "$OUT"
cn campaign list --format tsv
check "list tsv" "key	name	opens_on	deadline	phase	kinds	respondents	codes_active	submitted	survey_id	uses_codes
covid	Buone pratiche Covid-19	2020-04-20	2020-05-15	da aprire	comune,ambito,regione	7933	0	0		0
famiglia-2019	Monitoraggio politiche per la famiglia — buone pratiche	2019-06-01	2019-07-31	aperta	comune	7914	0	0	857929	1" "$OUT"
run "$CN" --db "$db" --now 2019-08-01T10:00:00 campaign list --format csv
check_contains "list after the deadline: chiusa" "famiglia-2019,Monitoraggio politiche per la famiglia — buone pratiche,2019-06-01,2019-07-31,chiusa" "$OUT"
cn campaign show famiglia-2019
check "show: exit 0" 0 "$RC"
check_contains "show: deadline" "deadline:        31/07/2019 (open)" "$OUT"
check_contains "show: LimeSurvey survey" "LimeSurvey:      857929" "$OUT"
check_contains "show: codes" "codes:           12 symbols + 1 check symbol" "$OUT"
check_contains "show: count per status" "  nessun_codice    7,914" "$OUT"
cn campaign show nessuna
check "show unknown: exit 66" 66 "$RC"
check "show unknown: message" "centralino: no campaign 'nessuna' (see 'centralino campaign list')" "$ERR"

# ---- set ----
n=$(audit_n)
cn campaign set famiglia-2019 --deadline 2019-09-30 --name "Famiglia 2019"
check "set: exit 0" 0 "$RC"
check "set: stored" "Famiglia 2019|2019-06-01|2019-09-30" "$(q "SELECT name, opens_on, deadline FROM campaign WHERE key = 'famiglia-2019'")"
check "set: audit row" 'tester|campaign.set|campaign|famiglia-2019|{"name":"Famiglia 2019","opens":"2019-06-01","deadline":"2019-09-30"}' "$(last_audit)"
cn campaign set famiglia-2019 --opens 2019-10-01
check "set opening after deadline: exit 64" 64 "$RC"
cn campaign set famiglia-2019
check "set nothing: exit 64" 64 "$RC"
cn --user sup campaign set famiglia-2019 --name Y
check "supervisore may not change: exit 77" 77 "$RC"
check "one audit row for one change" $((n + 1)) "$(audit_n)"

cn import ambiti tests/data/ambiti-sample.csv
cn campaign set famiglia-2019 --respondents comune,ambito,regione
check "set kinds: exit 0" 0 "$RC"
check "set kinds: says what changed" "campaign famiglia-2019 changed: 21 respondents added, 0 removed" "$OUT"
check "ambito ids" "AMB:CIDIS|ambito" "$(q "SELECT r.id, r.kind FROM campaign_respondent cr JOIN respondent r ON r.id = cr.respondent_id JOIN campaign c ON c.id = cr.campaign_id WHERE r.kind = 'ambito' AND c.key = 'famiglia-2019'")"
cn campaign set famiglia-2019 --respondents comune,ambito
check "drop regioni (nothing started): exit 0" 0 "$RC"
check "drop regioni: removed" "campaign famiglia-2019 changed: 0 respondents added, 20 removed" "$OUT"
q "UPDATE campaign_respondent SET status = 'inviato', status_source = 'manuale' WHERE respondent_id = 'AMB:CIDIS'"
cn campaign set famiglia-2019 --respondents comune
check "drop a kind that has started: exit 65" 65 "$RC"
check "drop a kind that has started: message" "centralino: cannot drop ambito from campaign famiglia-2019: 1 of those respondents already have codes or statuses" "$ERR"
check "drop refused: still there" 1 "$(q "SELECT count(*) FROM campaign_respondent cr JOIN campaign c ON c.id = cr.campaign_id WHERE respondent_id = 'AMB:CIDIS' AND c.key = 'famiglia-2019'")"

# ---- sync: a new comune joins open campaigns of its kind ----
q "INSERT INTO comune (istat, name, folded, regione_code, provincia_code, added_on, updated_on)
   VALUES ('040099', 'Comune Nuovo', 'comune nuovo', '08', '040', '2019-06-01', '2019-06-01')"
run "$CN" --db "$db" --now 2019-08-15T10:00:00 campaign sync
check "sync: exit 0" 0 "$RC"
# the new comune joins both (the ambito joined covid when it was imported)
check "sync: adds to the open campaigns only" "2 respondents added to open campaigns" "$OUT"
check "sync: the ambito imported later is in covid" 1 \
	"$(q "SELECT count(*) FROM campaign_respondent cr JOIN campaign c ON c.id = cr.campaign_id WHERE c.key = 'covid' AND cr.respondent_id = 'AMB:CIDIS'")"
check "sync: both open campaigns have it" "covid famiglia-2019" \
	"$(q "SELECT group_concat(c.key, ' ') FROM (SELECT c.key FROM campaign_respondent cr JOIN campaign c ON c.id = cr.campaign_id WHERE cr.respondent_id = '040099' ORDER BY 1) c")"
n=$(audit_n)
run "$CN" --db "$db" --now 2019-08-15T10:00:00 campaign sync
check "sync again: nothing" "0 respondents added to open campaigns" "$OUT"
check "sync again: no audit row" "$n" "$(audit_n)"
q "INSERT INTO comune (istat, name, folded, regione_code, provincia_code, added_on, updated_on)
   VALUES ('040098', 'Altro Nuovo', 'altro nuovo', '08', '040', '2019-06-01', '2019-06-01')"
run "$CN" --db "$db" --now 2019-10-15T10:00:00 campaign sync
check "sync after famiglia closed: only covid" "1 respondent added to open campaigns" "$OUT"

# ---- the sample campaign of a new desk ----
sdb="$T/sample.db"
run "$CN" --db "$sdb" --now 2025-03-10T09:00:00 init --sample-campaign
check "init --sample-campaign: exit 0" 0 "$RC"
check_contains "init --sample-campaign: says so" "sample campaign famiglia-2025: 7,914 respondents" "$OUT"
check "sample: live, 60 days" "famiglia-2025|Monitoraggio politiche per la famiglia — buone pratiche|2025-03-10|2025-05-09|comune|857929" \
	"$(sqlite3 "$sdb" "SELECT key, name, opens_on, deadline, kinds, survey_id FROM campaign")"
check "sample: nothing invented (no codes, contacts, statuses)" "0|0|7914" \
	"$(sqlite3 "$sdb" "SELECT (SELECT count(*) FROM access_code), (SELECT count(*) FROM contact),
	                          (SELECT count(*) FROM campaign_respondent WHERE status = 'nessun_codice')")"
run "$CN" --db "$sdb" --now 2025-03-11T09:00:00 init --sample-campaign
check "init again: nothing changed" 1 "$(sqlite3 "$sdb" "SELECT count(*) FROM campaign")"
run "$CN" --db "$T/nosample.db" init
check "plain init: no campaign" 0 "$(sqlite3 "$T/nosample.db" "SELECT count(*) FROM campaign")"

cn campaign --help
check "campaign --help: exit 0" 0 "$RC"
check_contains "campaign --help: usage" "centralino campaign add KEY --name TEXT --opens DATE --deadline DATE" "$OUT"
cn campaign frob
check "unknown subcommand: exit 64" 64 "$RC"
