#!/bin/sh
# A full-screen session left open across an upgrade: the database is
# migrated under it. At its next poll it says so, keeps the unsaved form as
# a draft, refuses to save anything into the new schema, and quits without
# losing the form; the next start offers the form again.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_tui.sh

db=$(fresh_db upgrade)
NOW=2019-07-12T10:30:00
sql() { sqlite3 -cmd '.timeout 10000' "$db" "$1"; }
drafts="$HOME/.local/state/centralino/drafts"
latest=$(sql 'PRAGMA user_version')

tui_start 80 24 "$CN" --db "$db" --now "$NOW" tui
tui_wait "F10"
tui_keys 'aglie'
tui_wait "Agliè"
tui_key Enter
tui_check "the card opens" "ISTAT 001001"
tui_key F2
tui_check "a new call for Agliè" "New call — Agliè (TO)"
tui_keys 1
tui_key Tab
tui_keys 'Chiede una proroga'
tui_check "the form holds what was typed" "Chiede una proroga"

# the upgrade: a newer program migrates the database (here: its version moves on)
sql "PRAGMA user_version = $((latest + 1))"
tui_check "the next poll says the schema changed and to restart" "restart centralino"
draft=$(ls "$drafts"/tester-call-*.draft 2>/dev/null)
check "the unsaved form is kept as a draft at once" yes "$([ -f "$draft" ] && echo yes)"
check_contains "the draft holds what was typed" "Chiede una proroga" "$(cat "$draft" 2>/dev/null)"
tui_check "the form is still on screen" "Chiede una proroga"
tui_key F2
tui_check "saving is refused, saying why" "restart centralino"
check "nothing was written into the new schema" 0 "$(sql 'SELECT count(*) FROM call')"
check "no audit row either" 1 "$(sql "SELECT count(*) FROM audit_log")"
tui_key BTab
tui_key F10
tui_check "quitting: no question, the program ends" "[exited 0]"
check "the draft is still there for the next start" yes "$([ -f "$draft" ] && echo yes)"

# the restart with the program of the new schema: the form comes back
sql "PRAGMA user_version = $latest"
tui_start 80 24 "$CN" --db "$db" --now "$NOW" tui
tui_check "after the restart the call form is back" "New call — Agliè (TO)"
tui_check "with what was typed" "Chiede una proroga"
tui_stop
