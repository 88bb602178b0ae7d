#!/bin/sh
# centralino audit: filters, newest first, Italian local time in tables and
# UTC ISO in TSV, supervisore and up; the log is append-only even for sqlite3.
. tests/lib.sh

export CENTRALINO_NOW=2019-06-01T09:00:00
db=$(fresh_db audit)
unset CENTRALINO_NOW
at() { t=$1; shift; run "$CN" --db "$db" --now "$t" "$@"; }

at 2019-06-30T10:00:00 staff add mario --name "Mario Rossi" --role operatore
at 2019-06-30T10:05:00 staff add luisa --name "Luisa Bianchi" --role supervisore
at 2019-06-30T10:06:00 staff add carla --name "Carla Neri" --role admin
at 2019-07-01T09:30:00 staff set-role mario supervisore
at 2019-07-02T15:00:00 --as carla staff disable mario
check "setup: five changes after init" 6 "$(sqlite3 "$db" "SELECT count(*) FROM audit_log")"

run "$CN" --db "$db" --user luisa audit --format tsv
check "tsv: header and rows, newest first, UTC ISO" \
"at	login	as_login	action	object_kind	object_id
2019-07-02T13:00:00Z	tester	carla	staff.disable	staff	mario
2019-07-01T07:30:00Z	tester		staff.set_role	staff	mario
2019-06-30T08:06:00Z	tester		staff.add	staff	carla
2019-06-30T08:05:00Z	tester		staff.add	staff	luisa
2019-06-30T08:00:00Z	tester		staff.add	staff	mario
2019-06-01T07:00:00Z	tester		init	database	$db" \
	"$(printf '%s\n' "$OUT" | cut -f2-7)"
check "tsv: details" "details|role=supervisore|role=supervisore was=operatore|role=admin name=\"Carla Neri\"" \
	"$(printf '%s\n' "$OUT" | head -n 4 | cut -f8 | tr '\n' '|' | sed 's/|$//')"
check "tsv: the first column is each row's uuid" 7 \
	"$(printf '%s\n' "$OUT" | cut -f1 | grep -c -E '^(uuid|[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$')"

run "$CN" --db "$db" --user luisa audit
check "table: exit 0" 0 "$RC"
check "table: header" "WHEN              WHO              ACTION          OBJECT" \
	"$(printf '%s\n' "$OUT" | head -n 1 | cut -c1-62 | sed 's/ *$//')"
check "table: Italian local time, --as shown" \
	"02/07/2019 15:00  tester as carla  staff.disable   staff mario" \
	"$(printf '%s\n' "$OUT" | sed -n 2p | cut -c1-62 | sed 's/ *$//')"
check "table: oldest last" "01/06/2019 09:00  tester           init" \
	"$(printf '%s\n' "$OUT" | tail -n 1 | cut -c1-39)"

run "$CN" --db "$db" --user luisa audit --since 2019-07-01 --format tsv
check "--since a date (local midnight)" "staff.disable staff.set_role" \
	"$(printf '%s\n' "$OUT" | sed 1d | cut -f5 | tr '\n' ' ' | sed 's/ $//')"
run "$CN" --db "$db" --user luisa audit --since "30/06/2019 10:05" --format tsv
check "--since DD/MM/YYYY HH:MM" 4 "$(printf '%s\n' "$OUT" | sed 1d | wc -l)"
run "$CN" --db "$db" --user luisa audit --since yesterday
check "--since not a date: exit 64" 64 "$RC"
check_contains "--since not a date: message" "--since: 'yesterday' is not a date" "$ERR"

# --user after the command is the filter; before it, who runs the command
run "$CN" --db "$db" --user luisa audit --user carla --format tsv
check "--user matches the --as login" "staff.disable" "$(printf '%s\n' "$OUT" | sed 1d | cut -f5)"
run "$CN" --db "$db" --user luisa audit --user tester --format tsv
check "--user matches the login at the keyboard" 6 "$(printf '%s\n' "$OUT" | sed 1d | wc -l)"
run "$CN" --db "$db" --user luisa audit --user mario --format tsv
check "--user with no rows: header only" "uuid	at	login	as_login	action	object_kind	object_id	details" "$OUT"

run "$CN" --db "$db" --user luisa audit --object mario --format tsv
check "--object" "staff.disable staff.set_role staff.add" \
	"$(printf '%s\n' "$OUT" | sed 1d | cut -f5 | tr '\n' ' ' | sed 's/ $//')"
run "$CN" --db "$db" --user luisa audit --action staff --format tsv
check "--action family" 5 "$(printf '%s\n' "$OUT" | sed 1d | wc -l)"
run "$CN" --db "$db" --user luisa audit --action staff.add --object luisa --format tsv
check "--action and --object together" "luisa" "$(printf '%s\n' "$OUT" | sed 1d | cut -f7)"
run "$CN" --db "$db" --user luisa audit --limit 2 --format tsv
check "--limit keeps the newest" "staff.disable staff.set_role" \
	"$(printf '%s\n' "$OUT" | sed 1d | cut -f5 | tr '\n' ' ' | sed 's/ $//')"
run "$CN" --db "$db" --user luisa audit --limit x
check "--limit not a number: exit 64" 64 "$RC"
run "$CN" --db "$db" --user luisa audit --format csv
check "--format csv: exit 64" 64 "$RC"
run "$CN" --db "$db" --user luisa audit extra
check "unexpected argument: exit 64" 64 "$RC"
run "$CN" --db "$db" audit --help
check_contains "--help" "usage: centralino audit [--since DATE]" "$OUT"

# details are stored as JSON (json_extract reads them); a row written
# before, key=value, stays as it was and reads alike
check "stored as JSON" "operatore|Mario Rossi|1" \
	"$(sqlite3 "$db" "SELECT json_extract(details, '$.role'), json_extract(details, '$.name'), json_valid(details)
		FROM audit_log WHERE action = 'staff.add' AND object_id = 'mario'")"
sqlite3 "$db" "INSERT INTO audit_log (uuid, at, login, action, object_kind, object_id, details) VALUES
	('old-row', '2019-07-02T16:00:00Z', 'tester', 'staff.add', 'staff', 'gino', 'role=operatore name=\"Gino Bo\"')"
run "$CN" --db "$db" --user luisa audit --object gino --format tsv
check "an older key=value row: shown as stored" "old-row|role=operatore name=\"Gino Bo\"" \
	"$(printf '%s\n' "$OUT" | sed 1d | cut -f1,8 | tr '\t' '|')"
run "$CN" --db "$db" --user luisa audit --object mario --action staff.add
check_contains "table: JSON details shown as key=value" "staff mario  role=operatore name=\"Mario Rossi\"" "$OUT"

# reading the log is for supervisors and up
run "$CN" --db "$db" --user carla --as mario audit
check "a disabled account may not be acted for" 67 "$RC"
at 2019-07-03T09:00:00 staff add anna --name "Anna Verdi" --role operatore
run "$CN" --db "$db" --user anna audit
check "operatore: refused" "77|centralino: anna (operatore) may not read the audit log|" "$RC|$ERR|$OUT"

# reading writes nothing
n=$(sqlite3 "$db" "SELECT count(*) FROM audit_log")
run "$CN" --db "$db" --user luisa audit
check "reading the log adds no row" "$n" "$(sqlite3 "$db" "SELECT count(*) FROM audit_log")"

# append-only, whoever writes
run sqlite3 "$db" "UPDATE audit_log SET login = 'someone' WHERE action = 'init'"
check "UPDATE through sqlite3 fails" "1" "$([ "$RC" -ne 0 ] && echo 1)"
check_contains "UPDATE through sqlite3: the trigger's message" "audit_log is append-only" "$ERR"
run sqlite3 "$db" "DELETE FROM audit_log"
check "DELETE through sqlite3 fails" "1" "$([ "$RC" -ne 0 ] && echo 1)"
check_contains "DELETE through sqlite3: the trigger's message" "audit_log is append-only" "$ERR"
check "the log is unchanged" "$n|tester" \
	"$(sqlite3 "$db" "SELECT count(*) FROM audit_log")|$(sqlite3 "$db" "SELECT login FROM audit_log WHERE action = 'init'")"
