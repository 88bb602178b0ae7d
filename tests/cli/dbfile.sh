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
