#!/bin/sh
# The desk's upkeep: dated and scheduled backups with their retention,
# `migrate` (no implicit migration), `doctor`, --version, `help COMMAND`.
. tests/lib.sh

db=$(fresh_db desk)
bk="$T/backups"
"$CN" --db "$db" staff add luisa --name "Luisa Bianchi" --role supervisore >/dev/null
sq() { sqlite3 -cmd ".timeout 5000" "$db" "$1"; }
latest=$(ls db/[0-9]*.sql | sed -n '$s|^db/0*\([0-9]*\)_.*|\1|p')

# ---- dated backups: two in the same second do not collide ----
NOW=2026-03-10T09:15:00
run "$CN" --db "$db" --now $NOW backup --scheduled
check "scheduled backup: exit 0" 0 "$RC"
check_contains "scheduled backup: one line naming the file" \
	"$bk/centralino-20260310-091500.db written: " "$OUT"
check "scheduled backup: exactly one line" 1 "$(printf '%s\n' "$OUT" | wc -l)"
check_contains "scheduled backup: integrity checked, retention said" \
	"integrity check ok; 0 backups older than 14 days removed" "$OUT"
run "$CN" --db "$db" --now $NOW backup --scheduled
check "second backup in the same second: exit 0" 0 "$RC"
check_contains "second backup in the same second: its own name" "$bk/centralino-20260310-091500-2.db written" "$OUT"
check "both backups are there" "centralino-20260310-091500-2.db centralino-20260310-091500.db" "$(ls "$bk" | tr '\n' ' ' | sed 's/ $//')"
check "the backup opens and is sound" ok "$(sqlite3 "$bk/centralino-20260310-091500-2.db" 'PRAGMA integrity_check')"
check "the backup has the database's data" "$(sq 'SELECT count(*) FROM comune')" \
	"$(sqlite3 "$bk/centralino-20260310-091500.db" 'SELECT count(*) FROM comune')"
check "backups folder: not open to others" 770 "$(stat -c %a "$bk")"
check "backup file: 0660" 660 "$(stat -c %a "$bk/centralino-20260310-091500.db")"
check "audit row of a scheduled backup" \
	"tester|backup|file|$bk/centralino-20260310-091500-2.db|scheduled" \
	"$(sq "SELECT login, action, object_kind, object_id, json_extract(details, '$.why') FROM audit_log ORDER BY seq DESC LIMIT 1")"
run "$CN" --db "$db" --now $NOW backup
check "backup without FILE: dated, not scheduled" "0|$bk/centralino-20260310-091500-3.db written: " \
	"$RC|$(printf '%s' "$OUT" | sed 's/written: .*/written: /')"
check "backup without FILE: audited as manual" "manual" \
	"$(sq "SELECT json_extract(details, '$.why') FROM audit_log ORDER BY seq DESC LIMIT 1")"

# ---- four backups at once, in the same second: four files ----
mkdir "$T/four"
cp "$db" "$T/four/desk.db"
pids=""
for i in 1 2 3 4; do
	"$CN" --db "$T/four/desk.db" --now $NOW backup --scheduled >"$T/four/out$i" 2>&1 &
	pids="$pids $!"
done
rcs=""
for p in $pids; do
	wait "$p"
	rcs="$rcs$?"
done
check "four backups at once: all exit 0" 0000 "$rcs"
check "four backups at once: four files, none replaced" \
	"centralino-20260310-091500-2.db centralino-20260310-091500-3.db centralino-20260310-091500-4.db centralino-20260310-091500.db" \
	"$(ls "$T/four/backups" | tr '\n' ' ' | sed 's/ $//')"
check "four backups at once: each names its own file" 4 \
	"$(cat "$T/four"/out* | sed -n 's/ written: .*//p' | sort -u | wc -l)"
check "four backups at once: each sound" "ok ok ok ok" \
	"$(for f in "$T/four/backups"/*.db; do sqlite3 "$f" 'PRAGMA integrity_check'; done | tr '\n' ' ' | sed 's/ $//')"

# ---- retention: faked old backups, other files untouched ----
cp "$bk/centralino-20260310-091500.db" "$bk/centralino-20260220-091500.db"   # 18 days old
cp "$bk/centralino-20260310-091500.db" "$bk/centralino-20260224-091501-2.db" # 14 days less 1 s
cp "$bk/centralino-20260310-091500.db" "$bk/centralino-20260301-120000.db"   # 9 days old
echo note >"$bk/centralino-20200101-000000.db.txt"
echo note >"$bk/notes.txt"
run "$CN" --db "$db" --now $NOW backup --scheduled
check_contains "retention: one removed (14 days, default)" "; 1 backup older than 14 days removed" "$OUT"
check "retention: the old one is gone" no "$(test -e "$bk/centralino-20260220-091500.db" && echo yes || echo no)"
check "retention: the younger ones stay" "yes yes" \
	"$(test -e "$bk/centralino-20260224-091501-2.db" && echo yes) $(test -e "$bk/centralino-20260301-120000.db" && echo yes)"
check "retention: other files untouched" "yes yes" \
	"$(test -e "$bk/notes.txt" && echo yes) $(test -e "$bk/centralino-20200101-000000.db.txt" && echo yes)"
check "retention: in the audit row" "14|1" \
	"$(sq "SELECT json_extract(details, '$.keep_days'), json_extract(details, '$.removed') FROM audit_log ORDER BY seq DESC LIMIT 1")"
mkdir -p "$HOME/.config/centralino"
echo "backup_keep = 5" >"$HOME/.config/centralino/config"
run "$CN" --db "$db" --now $NOW backup --scheduled
check_contains "backup_keep = 5 from the configuration" "; 2 backups older than 5 days removed" "$OUT"
run env CENTRALINO_BACKUP_KEEP=30 "$CN" --db "$db" --now $NOW backup --scheduled
check_contains "CENTRALINO_BACKUP_KEEP over the file" "older than 30 days" "$OUT"
cp "$bk/centralino-20260310-091500.db" "$bk/centralino-20260308-091500.db"
run env CENTRALINO_BACKUP_KEEP=30 "$CN" --db "$db" --now $NOW backup --scheduled --keep 1
check_contains "--keep over everything" "; 1 backup older than 1 days removed" "$OUT"
rm "$HOME/.config/centralino/config"
run "$CN" --db "$db" backup --scheduled --keep 0
check "--keep 0: exit 64" "64|centralino: backup: --keep: '0' is not a number of days from 1 to 3650" \
	"$RC|$(printf '%s' "$ERR" | head -n 1)"
run env CENTRALINO_BACKUP_KEEP=many "$CN" --db "$db" backup --scheduled
check "CENTRALINO_BACKUP_KEEP=many: exit 78" \
	"78|centralino: CENTRALINO_BACKUP_KEEP: 'many' is not a number of days from 1 to 3650" "$RC|$ERR"
run "$CN" --db "$db" backup --scheduled "$T/x.db"
check "--scheduled with a FILE: exit 64" 64 "$RC"
run "$CN" --db "$db" --user luisa backup --scheduled
check "scheduled backup by a supervisore: refused" \
	"77|centralino: luisa (supervisore) may not back up the database" "$RC|$ERR"

# ---- a write that fails half-way (file size limit: as a full disk) ----
before=$(ls "$bk" | tr '\n' ' ')
n=$(sq "SELECT count(*) FROM audit_log")
run sh -c "trap '' XFSZ; ulimit -f 200; exec '$CN' --db '$db' backup --scheduled --keep 1"
check "a failed write: exit 74" 74 "$RC"
check_contains "a failed write: said loudly" "centralino: " "$ERR"
check "a failed write: earlier backups untouched, nothing half-written" "$before" "$(ls -A "$bk" | tr '\n' ' ')"
check "a failed write: no audit row" "$n" "$(sq "SELECT count(*) FROM audit_log")"

# ---- migrate: never implicit; a backup, one transaction, an audit row ----
old="$T/old.db"
prev=$((latest - 1))
for f in db/[0-9]*.sql; do
	v=$(basename "$f" | sed 's/^0*\([0-9]*\)_.*/\1/')
	[ "$v" -le "$prev" ] && cat "$f"
done | sqlite3 "$old"
sqlite3 "$old" "PRAGMA user_version = $prev; PRAGMA journal_mode = WAL;
	INSERT INTO staff (login, name, role, created_at) VALUES ('tester', 'Tina Test', 'admin', '2019-05-01T08:00:00Z'),
	('luisa', 'Luisa Bianchi', 'supervisore', '2019-05-01T08:00:00Z');" >/dev/null
run "$CN" --db "$old" search forli
check "an ordinary command on an older schema: refused" \
	"78|centralino: $old: the database is at schema version $prev, this program at $latest: run 'centralino migrate' (root or an administrator; it takes a backup first)" \
	"$RC|$ERR"
check "the refusal changed nothing" "$prev" "$(sqlite3 "$old" 'PRAGMA user_version')"
run "$CN" --db "$old" --user luisa migrate
check "migrate by a supervisore: refused" "77" "$RC"
run "$CN" --db "$old" --now 2026-03-10T10:00:00 migrate
check "migrate: exit 0" 0 "$RC"
check "migrate: says what it did" \
	"$old: migrated from schema version $prev to $latest (backup first: $bk/centralino-20260310-100000.db)" "$OUT"
check "migrate: schema at the program's" "$latest" "$(sqlite3 "$old" 'PRAGMA user_version')"
check "migrate: the backup is the older schema" "$prev" "$(sqlite3 "$bk/centralino-20260310-100000.db" 'PRAGMA user_version')"
check "migrate: audit rows (backup, then the migration)" \
	"tester|backup|migrate
tester|schema.migrate|{\"from\":$prev,\"to\":$latest}" \
	"$(sqlite3 "$old" "SELECT login, action, CASE action WHEN 'backup' THEN json_extract(details, '$.why') ELSE details END FROM audit_log ORDER BY seq")"
check "migrate: the row names the database" "$old" "$(sqlite3 "$old" "SELECT object_id FROM audit_log WHERE action = 'schema.migrate'")"
run "$CN" --db "$old" search forli
check "after migrate: ordinary commands work" 0 "$RC"
run "$CN" --db "$old" migrate
check "migrate again: nothing to do" "0|$old: schema version $latest, the program's: nothing to migrate" "$RC|$OUT"
check "migrate again: no new audit row" 2 "$(sqlite3 "$old" 'SELECT count(*) FROM audit_log')"
sqlite3 "$old" "PRAGMA user_version = $((latest + 1))"
run "$CN" --db "$old" migrate
check "migrate on a newer schema: refused" \
	"78|centralino: $old: the database is at schema version $((latest + 1)), newer than this program ($latest): update centralino" \
	"$RC|$ERR"

# ---- doctor: one line per finding, error or warning ----
mkdir -m 755 "$T/open"
cp "$db" "$T/open/desk.db"
chmod 664 "$T/open/desk.db"
run "$CN" --db "$T/open/desk.db" doctor
check "doctor finds errors: exit 65" 65 "$RC"
check "doctor: every line is an error or a warning" "" "$(printf '%s\n' "$OUT" | grep -v '^error: \|^warning: ')"
check_contains "doctor: the folder open to others" \
	"error: $T/open is open to every user of this host (mode 0755): run 'chmod o-rwx $T/open'" "$OUT"
check_contains "doctor: the file open to others" \
	"error: $T/open/desk.db is open to every user of this host (mode 0664): run 'chmod o-rwx $T/open/desk.db'" "$OUT"
check_contains "doctor: no backup yet is a warning" \
	"warning: $T/open/backups: no backup yet: run 'centralino backup --scheduled' (the daily timer does it)" "$OUT"
run "$CN" --db "$T/open/desk.db" --user luisa doctor
check "doctor by a supervisore: refused" "77" "$RC"
run "$CN" --db "$old" doctor
check_not_contains "doctor after a backup: no backup warning" "no backup yet" "$OUT"
check_not_contains "doctor on a sound schema: no schema line" "schema:" "$OUT"
cp "$db" "$T/open/changed.db"
sqlite3 "$T/open/changed.db" "DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_update;
	CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT 1; END"
run "$CN" --db "$T/open/changed.db" doctor
check "doctor, a trigger dropped and one changed: exit 65" 65 "$RC"
check "doctor: the schema errors, by name" \
	"error: $T/open/changed.db: schema: trigger audit_log_no_delete is missing: restore the last good backup or repair it
error: $T/open/changed.db: schema: trigger audit_log_no_update differs from the one the migrations create: restore the last good backup or repair it" \
	"$(printf '%s\n' "$OUT" | grep 'schema:')"
run "$CN" --db "$T/open/changed.db" check
check "check names the same two" "65|schema: trigger audit_log_no_delete is missing
schema: trigger audit_log_no_update differs from the one the migrations create" "$RC|$OUT"

# ---- versions and help ----
run "$CN" --version
check "--version: program and schema" "0|centralino $(sed -n 's/^VERSION *:= *//p' Makefile), database schema $latest" "$RC|$OUT"
run "$CN" help backup
help_out=$OUT
run "$CN" backup --help
check "help backup = backup --help" "$OUT" "$help_out"
run "$CN" help call add
help_out=$OUT
run "$CN" call add --help
check "help call add = call add --help" "$OUT" "$help_out"
run "$CN" help nothing
check "help of an unknown command: exit 64" 64 "$RC"
