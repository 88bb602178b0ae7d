#!/bin/sh
# centralino backup and check; the database's file modes and the warning
# about a world-readable file.
. tests/lib.sh

db=$(fresh_db backup)
# sqlite3 waits for locks like the program does (processes come and go below)
sq() { sqlite3 -cmd ".timeout 5000" "$@"; }
audit_n() { sq "$1" "SELECT count(*) FROM audit_log"; }
mode() { stat -c %a "$1"; }

# ---- file modes ----
check "database created 0660 (umask 022)" 660 "$(umask 022; mode "$db")"
db2="$T/deep/er/fresh.db"
(umask 000; "$CN" --db "$db2" init >/dev/null 2>&1)
check "database created 0660 even under umask 000" 660 "$(mode "$db2")"
check "its new folder is not world-accessible" 770 "$(mode "$T/deep/er")"
# hold a connection open: -wal and -shm exist while it lives
mkfifo "$T/hold"
(sqlite3 "$db" "BEGIN; SELECT count(*) FROM staff;" ".shell cat $T/hold" "COMMIT;" >/dev/null 2>&1) &
holder=$!
"$CN" --db "$db" staff add mario --name "Mario Rossi" --role operatore >/dev/null
i=0
# (up to 30 s: a loaded machine under ASan can take seconds to start it)
while { [ ! -e "$db-shm" ] || [ ! -e "$db-wal" ]; } && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
check "-wal is 0660 while a connection is open" 660 "$(mode "$db-wal")"
check "-shm is 0660 while a connection is open" 660 "$(mode "$db-shm")"
timeout 10 sh -c "echo >'$T/hold'"
wait $holder

run "$CN" --db "$db" staff list
check "no warning for a 0660 file" "" "$ERR"
chmod 664 "$db"
run "$CN" --db "$db" staff list
check "world-readable: still works" 0 "$RC"
check "world-readable: warning" \
	"centralino: warning: $db is readable by every user of this host (mode 0664): the desk shares it by group only: run 'chmod 660 $db'" "$ERR"
chmod 666 "$db"
run "$CN" --db "$db" staff list
check_contains "world-writable: warning" "centralino: warning: $db is writable by every user of this host (mode 0666)" "$ERR"
chmod 660 "$db"

# ---- backup ----
"$CN" --db "$db" staff add luisa --name "Luisa Bianchi" --role supervisore >/dev/null
n=$(audit_n "$db")
run "$CN" --db "$db" backup "$T/copy.db"
check "backup: exit 0" 0 "$RC"
check_contains "backup: says so" "$T/copy.db written:" "$OUT"
check_contains "backup: checked" "integrity check ok" "$OUT"
check "backup: mode 0660" 660 "$(umask 022; mode "$T/copy.db")"
check "backup: the copy passes integrity_check" ok "$(sqlite3 "$T/copy.db" "PRAGMA integrity_check")"
check "backup: the copy has the data" \
	"$(sq "$db" "SELECT count(*) FROM comune"):3" \
	"$(sqlite3 "$T/copy.db" "SELECT count(*) FROM comune"):$(sqlite3 "$T/copy.db" "SELECT count(*) FROM staff")"
check "backup: one audit row" $((n + 1)) "$(audit_n "$db")"
check "backup: the audit row" "tester|backup|file|$T/copy.db" \
	"$(sq "$db" "SELECT login, action, object_kind, object_id FROM audit_log ORDER BY seq DESC LIMIT 1")"
check "backup: no temporary files left" "copy.db" "$(ls "$T" | grep copy)"
run "$CN" --db "$T/copy.db" staff list
check "backup: the copy works as a database" 0 "$RC"

n=$(audit_n "$db")
run "$CN" --db "$db" backup "$T/copy.db"
check "backup onto an existing file: exit 73" 73 "$RC"
check "backup onto an existing file: message" \
	"centralino: $T/copy.db already exists: choose another name, or give --force to replace it" "$ERR"
run "$CN" --db "$db" backup "$db" --force
check "backup onto the database itself: exit 64" 64 "$RC"
run "$CN" --db "$db" backup "$T/nofolder/copy.db"
check "backup into a missing folder: exit 73" 73 "$RC"
run "$CN" --db "$db" backup "$T/a.db" "$T/b.db"
check "backup with two FILEs: exit 64" 64 "$RC"
check "failed backups write no audit row" "$n" "$(audit_n "$db")"
chmod 644 "$T/copy.db"
run "$CN" --db "$db" backup --force "$T/copy.db"
check "backup --force replaces" 0 "$RC"
check "backup --force: mode 0660 again" 660 "$(mode "$T/copy.db")"
check "backup --force: one audit row" $((n + 1)) "$(audit_n "$db")"
check "backup --force: recorded" "1|1" "$(sq "$db" "SELECT json_extract(details, '$.pages') > 0, json_extract(details, '$.force') FROM audit_log ORDER BY seq DESC LIMIT 1")"
n=$(audit_n "$db")
run "$CN" --db "$db" --user luisa backup "$T/sup.db"
check "backup by a supervisore: refused" "77|centralino: luisa (supervisore) may not back up the database" "$RC|$ERR"
check "refused backup: no file" "" "$(ls "$T" | grep sup.db)"

# ---- backup while another process keeps writing ----
: >"$T/writer.log"
(
	i=0
	while [ ! -e "$T/stop" ]; do
		i=$((i + 1))
		if "$CN" --db "$db" staff add "w$i" --name "Scrittore $i" --role assistenza >/dev/null 2>>"$T/writer.log"; then
			"$CN" --db "$db" staff set-role "w$i" operatore >/dev/null 2>>"$T/writer.log"
		fi
	done
	echo "$i" >"$T/writes"
) &
writer=$!
# let the writer get going
i=0
while [ "$(sq "$db" "SELECT count(*) FROM staff WHERE login GLOB 'w*'")" -lt 3 ] && [ $i -lt 100 ]; do
	sleep 0.05
	i=$((i + 1))
done
ok_all=1
counts=""
for k in 1 2 3 4 5; do
	if ! "$CN" --db "$db" backup "$T/hot$k.db" >/dev/null 2>"$T/hot$k.err"; then
		ok_all=0
		not_ok "hot backup $k" "$(cat "$T/hot$k.err")"
		continue
	fi
	ic=$(sqlite3 "$T/hot$k.db" "PRAGMA integrity_check" 2>&1)
	fk=$(sqlite3 "$T/hot$k.db" "PRAGMA foreign_key_check" 2>&1)
	# each staff change is one transaction with its audit row: a consistent
	# copy never has one without the other
	staff=$(sqlite3 "$T/hot$k.db" "SELECT count(*) FROM staff WHERE login GLOB 'w*'")
	adds=$(sqlite3 "$T/hot$k.db" "SELECT count(*) FROM audit_log WHERE action = 'staff.add' AND object_id GLOB 'w*'")
	ops=$(sqlite3 "$T/hot$k.db" "SELECT count(*) FROM staff WHERE login GLOB 'w*' AND role = 'operatore'")
	sets=$(sqlite3 "$T/hot$k.db" "SELECT count(*) FROM audit_log WHERE action = 'staff.set_role' AND object_id GLOB 'w*'")
	if [ "$ic" != ok ] || [ -n "$fk" ] || [ "$staff" != "$adds" ] || [ "$ops" != "$sets" ]; then
		ok_all=0
		not_ok "hot backup $k is consistent" "integrity: $ic" "fk: $fk" "staff $staff adds $adds ops $ops sets $sets"
	fi
	counts="$counts $staff"
done
touch "$T/stop"
wait $writer
check "5 backups during writes: each opens, passes integrity_check and is consistent" 1 "$ok_all"
first=$(echo $counts | cut -d' ' -f1)
last=$(echo $counts | awk '{print $NF}')
check "the writer kept writing between the backups" 1 "$([ "$last" -gt "$first" ] && echo 1)"
check "the writer never failed" "" "$(cat "$T/writer.log")"
check "the live database is sound after it all" ok "$(sq "$db" "PRAGMA integrity_check")"

# ---- check ----
run "$CN" --db "$db" check
check "check: ok" "0|ok|" "$RC|$OUT|$ERR"
run "$CN" --db "$db" --user mario check
check "check by an operatore: refused" "77|centralino: mario (operatore) may not check the database" "$RC|$ERR"
run "$CN" --db "$db" check --help
check_contains "check --help" "usage: centralino check" "$OUT"
# a broken reference written behind the program's back (foreign keys off)
sq "$db" "INSERT INTO comune_former_name VALUES ('999999', 'Nessuno', 'nessuno', '2019-01-01')"
run "$CN" --db "$db" check
check "check: problems exit 65" 65 "$RC"
check "check: the problem" "foreign key: a row of comune_former_name refers to a missing row of comune" "$OUT"
check "check: summary on stderr" "centralino: $db: 1 problem(s) found" "$ERR"
