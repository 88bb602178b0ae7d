#!/bin/sh
# The Staff screen (admin) and the Audit screen (supervisore), driven through
# tmux at 80x24 and larger: listing, the add form, role change, disable and
# enable, filters; keys hidden from roles that may not use them, and a role
# change made elsewhere reaching an open session.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_tui.sh

db=$(fresh_db tuistaff)
NOW=2019-07-31T10:30:00
cn() { "$CN" --db "$db" --now "$NOW" "$@" >/dev/null; }
cn staff add luisa --name "Luisa Bianchi" --role supervisore
cn staff add mario --name "Mario Rossi" --role operatore
cn staff add carla --name "Carla Neri" --role admin
sql() { sqlite3 "$db" "$1"; }

# ---- Staff screen, admin, 80x24 ----
tui_start 80 24 "$CN" --db "$db" --now "$NOW" tui
tui_check "status bar: login and role" "tester (admin)"
tui_keys ':staff'
tui_key Enter
tui_check "staff: the screen opens" "4 active, 0 disabled"
tui_check "staff: header" "Login"
line=$(tui_line "luisa")
check_contains "staff: a row with name" "Luisa Bianchi" "$line"
check_contains "staff: a row with role" "supervisore" "$line"
check_contains "staff: a row with status" "active" "$line"
tui_check "staff: add key offered" "add"
tui_check "staff: disable key offered" "disable"
rows=$(printf '%s\n' "$SCREEN" | wc -l | tr -d ' ')
check "staff: fits 24 lines" 24 "$rows"

# add through the form
n=$(audit_n)
tui_key C-a
tui_check "add: the form" "Add to the staff"
tui_keys 'anna'
tui_key Tab
tui_keys 'Anna  Verdi'
tui_key Tab
tui_key Right
tui_key F2
tui_check "add: confirmed" "anna added to the staff as operatore"
tui_check "add: listed" "5 active, 0 disabled"
check "add: stored, name cleaned" "anna|Anna Verdi|operatore|1" "$(sql "SELECT login, name, role, active FROM staff WHERE login = 'anna'")"
check "add: one audit row" $((n + 1)) "$(audit_n)"

# a wrong login keeps the form open with the reason
tui_key C-a
tui_check "add again: the form" "Add to the staff"
tui_keys 'bad login'
tui_key Tab
tui_keys 'X'
tui_key F2
tui_check "add: a bad login is shown in the form" "is not a login name"
tui_key Escape
tui_check "add: cancelling asks first" "Discard what you typed"
tui_keys y
tui_wait_gone "Add to the staff"
check "add: nothing written for the bad login" $((n + 1)) "$(audit_n)"

# select mario: active first, then by login (anna carla luisa mario tester)
tui_key PPage
tui_key Down
tui_key Down
tui_key Down
tui_key C-r
tui_check "role: the form for mario" "Role of mario"
tui_key Right
tui_key F2
tui_check "role: changed" "mario is now supervisore (was operatore)"
check "role: stored" "supervisore" "$(sql "SELECT role FROM staff WHERE login = 'mario'")"

n=$(audit_n)
tui_key C-d
tui_check "disable: asks first" "Disable mario (Mario Rossi)?"
tui_keys y
tui_check "disable: done" "mario disabled: their records stay attributed to them"
tui_check "disable: counted" "4 active, 1 disabled"
line=$(tui_line "mario")
check_contains "disable: the row shows the date" "disabled 31/07/2019" "$line"
check "disable: stored" "0" "$(sql "SELECT active FROM staff WHERE login = 'mario'")"
check "disable: one audit row" $((n + 1)) "$(audit_n)"
tui_key C-e
tui_check "enable: done" "mario enabled"
tui_check "enable: counted" "5 active, 0 disabled"
check "enable: one audit row" $((n + 2)) "$(audit_n)"

# the last admin cannot be disabled (carla disabled first from the CLI)
cn staff disable carla
tui_check "another desk's change shows up" "4 active, 1 disabled"
tui_key PPage
tui_key Down
tui_key Down
tui_key Down
tui_key C-d
tui_check "last admin: asked" "Disable tester (tester)?"
tui_keys y
tui_check "last admin: refused with the reason" "last active administrator"
cn staff enable carla

tui_resize 120 40
tui_check_line "staff 120x40: redrawn to the bottom" 40 "add"
tui_check "staff 120x40: rows" "Luisa Bianchi"
tui_check "staff 120x40: title" "Staff"
tui_resize 80 24
tui_check_line "staff 80x24 again" 24 "add"

# a role change made elsewhere reaches the open session: keys disappear
cn --user carla staff set-role tester supervisore
tui_check "demoted elsewhere: status bar follows" "tester (supervisore)"
hints=$(printf '%s\n' "$SCREEN" | sed -n 24p)
check_not_contains "demoted elsewhere: no add key any more" "add" "$hints"
check_not_contains "demoted elsewhere: no disable key any more" "disable" "$hints"
tui_key C-a
tui_check "demoted elsewhere: ^A says why not" "is for the role admin and up, you are supervisore"
tui_check_not "demoted elsewhere: ^A does nothing" "Add to the staff"
cn --user carla staff set-role tester admin
tui_stop

# ---- Audit screen, supervisore, 80x24 ----
tui_start 80 24 env CENTRALINO_USER=luisa "$CN" --db "$db" --now "$NOW" tui
tui_check "audit: supervisore in the status bar" "luisa (supervisore)"
tui_keys ':audit'
tui_key Enter
tui_check "audit: the screen opens" "No filter: the whole log"
tui_check "audit: newest first, in words" "role changed"
line=$(printf '%s\n' "$SCREEN" | sed -n 6p)
check_contains "audit: the newest row is carla's role change back" "carla" "$line"
check_contains "audit: local time" "31/07/2019 10:30" "$line"
tui_check "audit: filter key offered" "filter"
tui_key C-f
tui_check "audit filter: the form" "Filter the audit log"
tui_key Tab
tui_keys anna
tui_key F2
tui_check "audit filter: object shown" "object anna"
tui_check "audit filter: one entry" "1 entry"
tui_check "audit filter: the add, in words" "person added"
tui_key Enter
tui_check "audit details: the box" "Audit entry"
tui_check "audit details: whole details" 'name="Anna Verdi"'
tui_key Escape
tui_wait_gone "Audit entry"
tui_key C-x
tui_check "audit: filters cleared" "No filter: the whole log"
tui_key C-f
tui_check "audit filter: form again" "Filter the audit log"
tui_keys carla
tui_key Tab
tui_key Tab
tui_key Tab
tui_keys 31/07/2019
tui_key F2
tui_check "audit filter: user and since" "user carla  ·  since 31/07/2019"
tui_check "audit filter: carla's two role changes" "2 entries"
tui_key C-f
tui_key Tab
tui_key Tab
tui_key Tab
tui_key BSpace
tui_keys x
tui_key F2
tui_check "audit filter: a bad date stays in the form" "not a date"
tui_key Escape
tui_keys y
tui_resize 120 40
tui_check_line "audit 120x40: redrawn" 40 "filter"
tui_check "audit 120x40: details column" "Details"
tui_keys ':staff'
tui_key Enter
tui_check "supervisore: :staff says why not" ":staff is for the role admin and up; you are supervisore"
tui_stop

# ---- operatore: neither screen ----
tui_start 80 24 env CENTRALINO_USER=anna "$CN" --db "$db" --now "$NOW" tui
tui_check "operatore in the status bar" "anna (operatore)"
tui_keys ':audit'
tui_key Enter
tui_check "operatore: :audit says why not" ":audit is for the role supervisore and up; you are operatore"
tui_stop

# ---- Audit screen: a row written before the details were JSON ----
sqlite3 "$db" "INSERT INTO audit_log (uuid, at, login, action, object_kind, object_id, details) VALUES
	('old-row', '2019-07-01T08:00:00Z', 'tester', 'staff.add', 'staff', 'gino', 'role=operatore name=\"Gino Bo\"')"
tui_start 80 24 env CENTRALINO_USER=luisa "$CN" --db "$db" --now "$NOW" tui
tui_keys ':audit'
tui_key Enter
tui_check "audit, older row: the screen opens" "No filter: the whole log"
tui_key C-f
tui_check "audit, older row: the filter form" "Filter the audit log"
tui_key Tab
tui_keys gino
tui_key F2
tui_check "audit, older row: one entry" "1 entry"
tui_key Enter
tui_check "audit, older row: the box" "Audit entry"
tui_check "audit, older row: details as stored" 'name="Gino Bo"'
tui_stop
