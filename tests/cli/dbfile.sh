#!/bin/sh
# The database file itself: a foreign sqlite file and an empty file are
# refused and left byte for byte as they were, whatever the command; the
# desk's database says it is one (application_id).
. tests/lib.sh

db=$(fresh_db dbfile)
check "the database carries centralino's application_id" 1129206866 "$(sqlite3 "$db" "PRAGMA application_id")"

foreign="$T/foreign.db"
sqlite3 "$foreign" "CREATE TABLE note (x TEXT); INSERT INTO note VALUES ('mine');"
cp "$foreign" "$T/foreign.orig"
: >"$T/empty.db"
for cmd in "search forli" "check" "init" "staff list" "backup" "call list"; do
	# shellcheck disable=SC2086
	run "$CN" --db "$foreign" $cmd
	check "foreign sqlite file, $cmd: refused" \
		"65 centralino: $foreign: not a centralino database (an sqlite file of another program): nothing was changed" "$RC $ERR"
	check "foreign sqlite file, $cmd: byte-identical" yes "$(cmp -s "$foreign" "$T/foreign.orig" && echo yes)"
	# shellcheck disable=SC2086
	run "$CN" --db "$T/empty.db" $cmd
	check "empty file, $cmd: refused" \
		"65 centralino: $T/empty.db is an empty file, not a centralino database: nothing was changed (remove it, or give the desk's database)" "$RC $ERR"
	check "empty file, $cmd: still empty" 0 "$(stat -c %s "$T/empty.db")"
done
check "no -wal or -shm left beside them" "" "$(ls "$T" | grep -E '(foreign|empty)\.db-(wal|shm)')"
check "the foreign file has its one table only" "note" "$(sqlite3 "$foreign" "SELECT group_concat(name) FROM sqlite_schema")"

# ---- check: the schema against the migrations' ----
run "$CN" --db "$db" check
check "check on a sound database" "0 ok" "$RC $OUT"
sqlite3 "$db" "DROP TRIGGER audit_log_no_delete;
	DROP TRIGGER audit_log_no_update;
	CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT 1; END;
	CREATE TABLE loot (x);"
run "$CN" --db "$db" check
check "check: a dropped trigger, a changed one, a table of someone else's" "65
schema: trigger audit_log_no_delete is missing
schema: trigger audit_log_no_update differs from the one the migrations create
schema: table loot is not one of centralino's" "$RC
$OUT"
check "check: the count on stderr" "centralino: $db: 3 problem(s) found" "$ERR"

# ---- check on a corrupt file: every line, exit 65 ----
db2=$(fresh_db corrupt)
sqlite3 "$db2" "PRAGMA journal_mode=DELETE" >/dev/null
pages=$(sqlite3 "$db2" "PRAGMA page_count")
size=$(sqlite3 "$db2" "PRAGMA page_size")
# scribble over a page in the middle (the comuni), far from the staff list
dd if=/dev/urandom of="$db2" bs="$size" seek=$((pages / 2)) count=3 conv=notrunc 2>/dev/null
run "$CN" --db "$db2" check
check "corrupt: exit 65" 65 "$RC"
check "corrupt: one line per problem" yes "$([ "$(printf '%s\n' "$OUT" | wc -l)" -ge 1 ] && echo yes)"
check_contains "corrupt: the count on stderr" "problem(s) found" "$ERR"
