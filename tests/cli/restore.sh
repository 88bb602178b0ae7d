#!/bin/sh
# centralino restore BACKUP: checked before anything is locked, a backup of
# the present state first, then the backup's pages into the live database
# through sqlite's online backup API while another connection stays open
# (it sees the restored data; the file keeps its inode); audited; refused
# to a non-admin and for a foreign, damaged or other-version file, which
# leave the database byte-identical.
. tests/lib.sh

db=$(fresh_db restore)
BK=$T/backups
cn() { run "$CN" --db "$db" "$@"; }
staff_n() { sqlite3 "$1" "SELECT count(*) FROM staff"; }
files_sum() { cat "$db" "$db-wal" 2>/dev/null | md5sum; }
backups_n() { ls "$BK" | wc -l; }

cn staff add anna --name "Anna Operatrice" --role operatore
cn backup
check "a dated backup to restore" 0 "$RC"
b1=$(ls "$BK")
cn staff add bruno --name "Bruno Operatore" --role operatore
check "three on the staff list now" 3 "$(staff_n "$db")"
inode=$(stat -c %i "$db")

# another program keeps its connection open across the restore
mkfifo "$T/hold"
(sqlite3 "$db" "SELECT count(*) FROM staff;" ".shell touch $T/ready; cat $T/hold" \
	"SELECT group_concat(login) FROM staff;" >"$T/reader" 2>&1) &
reader=$!
i=0
while [ ! -e "$T/ready" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
cn restore "$b1"
check "restore by name: exit 0" 0 "$RC"
safety=$(ls "$BK" | grep -v "^$b1\$")
check_contains "restore: says what it did" "$BK/$b1 restored into $db (" "$OUT"
check_contains "restore: names the backup of the state before" "the state before is kept in $BK/$safety" "$OUT"
timeout 10 sh -c ": >'$T/hold'"
wait $reader
check "the open connection: before, then the restored data" "3|anna,tester" "$(tr '\n' '|' <"$T/reader" | sed 's/|$//')"
check "the database is the same file (same inode)" "$inode" "$(stat -c %i "$db")"
check "restored: bruno is gone" "2" "$(staff_n "$db")"
check "the backup of the state before holds bruno" 1 \
	"$(sqlite3 "$BK/$safety" "SELECT count(*) FROM staff WHERE login = 'bruno'")"
check "audit: one row naming the backup and the safety backup" \
	"tester|restore|file|$BK/$b1|$BK/$safety" \
	"$(sqlite3 "$db" "SELECT login, action, object_kind, object_id, json_extract(details, '$.safety') FROM audit_log ORDER BY seq DESC LIMIT 1")"
cn check
check "the restored database passes check" "0 ok" "$RC $OUT"
cn staff add carla --name "Carla" --role operatore
check "the restored database takes changes" 0 "$RC"

# refusals change nothing: no backup of the present state, same bytes
sum=$(files_sum)
n=$(backups_n)
cn --user anna restore "$b1"
check "an operatore may not restore: exit 77" 77 "$RC"
sqlite3 "$T/foreign.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
cn restore "$T/foreign.db"
check "a foreign sqlite file: refused" "65 centralino: $T/foreign.db: not a centralino database (an sqlite file of another program): nothing was restored" "$RC $ERR"
cp "$BK/$b1" "$T/damaged.db"
head -c 8192 /dev/zero | tr '\0' 'x' | dd of="$T/damaged.db" bs=4096 seek=1 conv=notrunc 2>/dev/null
cn restore "$T/damaged.db"
check "a damaged backup: refused" 65 "$RC"
check_contains "a damaged backup: says so" "nothing was restored" "$ERR"
cp "$BK/$b1" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 99"
cn restore "$T/newer.db"
check_contains "another schema version: refused" "a backup at schema version 99, the database is at" "$ERR"
: >"$T/empty.db"
cn restore "$T/empty.db"
check "an empty file: refused" 65 "$RC"
cn restore "$T/nothing.db"
check "no such file: exit 66" 66 "$RC"
cn restore "$db"
check "the database itself: refused" 64 "$RC"
cn restore
check "no BACKUP: usage" 64 "$RC"
check "refusals: the database byte-identical" "$sum" "$(files_sum)"
check "refusals: no backup taken" "$n" "$(backups_n)"
check "refusals: the source files untouched" "1" "$(sqlite3 "$T/foreign.db" "SELECT count(*) FROM t")"
