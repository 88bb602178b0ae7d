#!/bin/sh
# Proroghe through the CLI: a grant moves a respondent out of the late ones
# until its own date passes; granting again replaces the proroga in force;
# revoking ends it; refusals (date not after the deadline, already
# submitted, wrong usage, role) with their exit codes; one audit row each.
. tests/lib.sh

db=$(fresh_db extensions)
as() { u=$1; now=$2; shift 2; run env CENTRALINO_USER="$u" "$CN" --db "$db" --now "$now" "$@"; }
late() { as sara "$1" report progress --campaign reg --format tsv; printf '%s\n' "$OUT" | sed -n 's/^# late=//p'; }

as tester 2020-04-01T09:00:00 staff add sara --name "Sara Rossi" --role supervisore
as tester 2020-04-01T09:00:00 staff add anna --name "Anna Verdi" --role assistenza
as tester 2020-04-01T09:00:00 campaign add reg --name "Regioni 2020" --opens 2020-04-20 --deadline 2020-05-15 --respondents regione
as tester 2020-04-01T09:00:00 campaign add altra --name "Altra" --opens 2020-04-20 --deadline 2020-06-30 --respondents regione
as sara 2020-05-10T09:00:00 status set --campaign reg REG:08 inviato --reason PEC
check "setup: one submitted" 0 "$RC"

A=2020-05-16T09:00:00
check "before any proroga: 19 late the day after the deadline" 19 "$(late $A)"

n=$(audit_n)
as sara $A extension grant --campaign reg Lazio --until 31/05/2020 --reason "sistema informativo fermo"
check "grant: exit 0" 0 "$RC"
check "grant: says what" "granted: proroga for REG:12 Lazio in campaign reg until 31/05/2020 (campaign deadline 15/05/2020)" "$OUT"
check "grant: one audit row" $((n + 1)) "$(audit_n)"
check "grant: audit row" 'extension.grant|REG:12|{"campaign":"reg","until":"2020-05-31","reason":"sistema informativo fermo"}' \
	"$(sqlite3 "$db" "SELECT action, object_id, details FROM audit_log ORDER BY seq DESC LIMIT 1")"
check "grant: Lazio is no longer late" 18 "$(late $A)"
as anna $A status show --campaign reg REG:12
check "show: the proroga's deadline, not late" "REG:12 Lazio in campaign reg: nessun_codice
deadline 31/05/2020 (proroga; the campaign's is 15/05/2020)" "$OUT"
check "the proroga's last day: still not late" 18 "$(late 2020-05-31T22:00:00)"
check "once the proroga has passed: late again" 19 "$(late 2020-06-01T08:00:00)"

# granting again replaces the one in force
as sara $A extension grant --campaign reg REG:12 --until 2020-06-15 --reason "seconda richiesta"
check "grant again: exit 0" 0 "$RC"
check_contains "grant again: names the one it replaces" "it replaces the proroga until 31/05/2020" "$OUT"
check "grant again: on 01/06 not late" 18 "$(late 2020-06-01T08:00:00)"
as anna $A extension list --campaign reg --format tsv
check "list: any staff" 0 "$RC"
check "list: the one in force" "reg	REG:12	Lazio	2020-06-15	2020-05-15	in_vigore	seconda richiesta	sara" \
	"$(printf '%s\n' "$OUT" | sed -n 2p | cut -f1-8)"
check "list: one row" 2 "$(printf '%s\n' "$OUT" | wc -l)"
as anna $A extension list --all --format csv
check "list --all: the replaced one too" "reg,REG:12,Lazio,2020-05-31,2020-05-15,sostituita,sistema informativo fermo,sara" \
	"$(printf '%s\n' "$OUT" | sed -n 3p | cut -d, -f1-8)"
as anna $A extension list
check_contains "list: table" "in_vigore" "$OUT"

# refusals
n=$(audit_n)
as sara $A extension grant --campaign reg REG:01 --until 2020-05-15 --reason x
check "grant on the deadline itself: exit 65" 65 "$RC"
check "grant on the deadline: says why" "centralino: the deadline of campaign reg is already 15/05/2020: a proroga must come after it" "$ERR"
as sara $A extension grant --campaign reg REG:08 --until 2020-05-31 --reason x
check "grant to a submitted respondent: exit 65" 65 "$RC"
check_contains "grant to a submitted respondent: says so" "'inviato'" "$ERR"
as sara $A extension grant --campaign reg REG:01 --reason x
check "grant without --until: exit 64" 64 "$RC"
as sara $A extension grant --campaign reg REG:01 --until 2020-05-31
check "grant without --reason: exit 64" 64 "$RC"
as sara $A extension grant --campaign reg REG:01 --until "fine mese" --reason x
check "grant with a bad date: exit 64" 64 "$RC"
as sara $A extension grant --campaign reg REG:77 --until 2020-05-31 --reason x
check "grant to an unknown respondent: exit 66" 66 "$RC"
as anna $A extension grant --campaign reg REG:01 --until 2020-05-31 --reason x
check "grant by assistenza: exit 77" 77 "$RC"
check "grant by assistenza: says so" "centralino: anna (assistenza) may not grant a proroga" "$ERR"
check "refusals leave no audit row" "$n" "$(audit_n)"

# revoke
as sara $A extension revoke --campaign reg REG:12 --reason "concessa per errore"
check "revoke: exit 0" 0 "$RC"
check "revoke: says what" "revoked: proroga for REG:12 Lazio in campaign reg until 15/06/2020 (campaign deadline 15/05/2020)" "$OUT"
check "revoke: one audit row" $((n + 1)) "$(audit_n)"
check "revoke: late again" 19 "$(late $A)"
as sara $A extension revoke --campaign reg REG:12 --reason "ancora"
check "revoke with none in force: exit 66" 66 "$RC"
as sara $A extension revoke --campaign reg REG:12
check "revoke without --reason: exit 64" 64 "$RC"
as anna $A extension list --campaign reg --all --format tsv
check "list --all: revoked, with who and why" "revocata|sara|concessa per errore" \
	"$(printf '%s\n' "$OUT" | sed -n 2p | awk -F '\t' '{ print $6 "|" $11 "|" $12 }')"
as anna $A extension list --campaign reg --format tsv
check "list: none in force" 1 "$(printf '%s\n' "$OUT" | wc -l)"

# another campaign's proroga is its own
as sara $A extension grant --campaign altra REG:12 --until 2020-07-31 --reason y
as anna $A extension list --format tsv
check "list without --campaign: every campaign" "altra	REG:12" "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f1-2)"
check "the other campaign's proroga does not help here" 19 "$(late $A)"
as anna $A extension list --campaign nope
check "list of an unknown campaign: exit 66" 66 "$RC"
as anna $A extension frobnicate
check "unknown subcommand: exit 64" 64 "$RC"
