#!/bin/sh
# centralino staff: add, list, set-role, disable, enable; every role against
# every guarded command (exit 77 and the exact message); --as; unknown and
# disabled logins; the last admin; one audit row per change.
. tests/lib.sh

db=$(fresh_db staff)
last_audit() {
	sqlite3 "$db" "SELECT login, ifnull(as_login, '-'), action, object_kind, object_id, ifnull(details, '-')
	               FROM audit_log ORDER BY seq DESC LIMIT 1"
}
cn() { run "$CN" --db "$db" --now 2019-07-01T10:00:00 "$@"; }

# ---- add ----
n=$(audit_n)
cn staff add mario --name "Mario Rossi" --role operatore
check "add: exit 0" 0 "$RC"
check "add: says so" "mario added to the staff as operatore" "$OUT"
check "add: one audit row" $((n + 1)) "$(audit_n)"
check "add: audit row" 'tester|-|staff.add|staff|mario|{"role":"operatore","name":"Mario Rossi"}' "$(last_audit)"
cn staff add luisa --name "  Luisa   Bianchi " --role supervisore
cn staff add anna --name "Anna Verdi" --role assistenza
cn staff add carla --name "Carla Neri" --role admin
cn staff add victim --name "Vito Prova" --role assistenza
check "add: five rows for five adds" $((n + 5)) "$(audit_n)"

n=$(audit_n)
cn staff add mario --name "Mario Due" --role admin
check "add twice: exit 65" 65 "$RC"
check "add twice: message" "centralino: mario is already on the staff list (Mario Rossi, operatore)" "$ERR"
cn staff add "-x" --name "X" --role admin
check "add bad login: exit 64" 64 "$RC"
cn staff add "mario rossi" --name "X" --role admin
check "add login with a space: exit 64" 64 "$RC"
check_contains "add bad login: message" "'mario rossi' is not a login name" "$ERR"
cn staff add "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" --name "X" --role admin
check "add 65-character login: exit 64" 64 "$RC"
cn staff add zeno --role admin
check "add without --name: exit 64" 64 "$RC"
cn staff add zeno --name "Zeno" --role capo
check "add with a bad role: exit 64" 64 "$RC"
check_contains "add with a bad role: message" "'capo' is not a role: assistenza, operatore, supervisore or admin" "$ERR"
cn staff add zeno --name "   " --role admin
check "add with an empty name: exit 64" 64 "$RC"
cn staff add zeno --name "Zeno" --role admin --colour blue
check "add with an unknown option: exit 64" 64 "$RC"
check_contains "add with an unknown option: message" "unknown option '--colour'" "$ERR"
cn staff frob
check "unknown subcommand: exit 64" 64 "$RC"
cn staff
check "no subcommand: exit 64" 64 "$RC"
check "refused and wrong commands write nothing" "$n" "$(audit_n)"

cn staff --help
check "staff --help: exit 0" 0 "$RC"
check_contains "staff --help: usage" "centralino staff add LOGIN --name" "$OUT"

# ---- list ----
cn staff list --format tsv
check "list tsv" "login	name	role	active	created_at	disabled_at
anna	Anna Verdi	assistenza	1	2019-07-01T08:00:00Z	
carla	Carla Neri	admin	1	2019-07-01T08:00:00Z	
luisa	Luisa Bianchi	supervisore	1	2019-07-01T08:00:00Z	
mario	Mario Rossi	operatore	1	2019-07-01T08:00:00Z	" "$(printf '%s\n' "$OUT" | grep -v '^tester	' | grep -v '^victim	')"
check "list tsv: the first admin from init" "tester	tester	admin	1" "$(printf '%s\n' "$OUT" | grep '^tester	' | cut -f1-4)"
cn staff list
check "list table: header" "LOGIN   NAME           ROLE         STATUS" "$(printf '%s\n' "$OUT" | head -n 1)"
check "list table: a row" "luisa   Luisa Bianchi  supervisore  active" "$(printf '%s\n' "$OUT" | grep '^luisa')"
cn staff list --format csv
check "list --format csv: exit 64" 64 "$RC"

# ---- set-role, disable, enable ----
n=$(audit_n)
cn staff set-role victim operatore
check "set-role: exit and message" "0 victim is now operatore (was assistenza)" "$RC $OUT"
check "set-role: one audit row" $((n + 1)) "$(audit_n)"
check "set-role: audit row" "tester|-|staff.set_role|staff|victim|{\"role\":\"operatore\",\"was\":\"assistenza\"}" "$(last_audit)"
cn staff set-role victim operatore
check "set-role to the same role: nothing changed" "0 victim already is operatore: nothing changed" "$RC $OUT"
check "set-role to the same role: no audit row" $((n + 1)) "$(audit_n)"
cn staff set-role nobody admin
check "set-role unknown login: exit 66" 66 "$RC"
check "set-role unknown login: message" "centralino: nobody is not on the staff list (see 'centralino staff list')" "$ERR"
cn staff set-role victim
check "set-role without ROLE: exit 64" 64 "$RC"

n=$(audit_n)
run "$CN" --db "$db" --now 2019-07-02T11:00:00 staff disable victim
check "disable: exit and message" "0 victim disabled: their records stay attributed to them" "$RC $OUT"
check "disable: one audit row" $((n + 1)) "$(audit_n)"
check "disable: audit row" "tester|-|staff.disable|staff|victim|{\"role\":\"operatore\"}" "$(last_audit)"
check "disable: kept, marked" "victim|0|2019-07-02T09:00:00Z" "$(sqlite3 "$db" "SELECT login, active, disabled_at FROM staff WHERE login = 'victim'")"
cn staff list
check "list table: disabled with its date" "victim  Vito Prova     operatore    disabled 02/07/2019" "$(printf '%s\n' "$OUT" | grep '^victim')"
cn staff disable victim
check "disable twice: nothing changed" "0 victim already is disabled: nothing changed" "$RC $OUT"
check "disable twice: no audit row" $((n + 1)) "$(audit_n)"

run "$CN" --db "$db" --user victim staff list
check "a disabled login is refused: exit 67" 67 "$RC"
check_contains "a disabled login is refused: says since when and whom to ask" \
	"victim was disabled on 2019-07-02: ask an administrator (carla, tester) to enable the account" "$ERR"
cn staff add victim --name "Vito Prova" --role assistenza
check "add a disabled login: exit 65" 65 "$RC"
check_contains "add a disabled login: points to enable" "use 'centralino staff enable victim'" "$ERR"

cn staff enable victim
check "enable: exit and message" "0 victim enabled" "$RC $OUT"
check "enable: one audit row" $((n + 2)) "$(audit_n)"
check "enable: audit row" "tester|-|staff.enable|staff|victim|{\"role\":\"operatore\"}" "$(last_audit)"
check "enable: active again" "1|" "$(sqlite3 "$db" "SELECT active, disabled_at FROM staff WHERE login = 'victim'")"
cn staff enable victim
check "enable twice: nothing changed" "0 victim already is active: nothing changed" "$RC $OUT"
run "$CN" --db "$db" --user victim staff list
check "enabled login works again" 0 "$RC"

run "$CN" --db "$db" --user nobody staff list
check "unknown login: exit 67" 67 "$RC"
check "unknown login: says whom to ask" \
	"centralino: nobody is not on the desk's staff list: ask an administrator (carla, tester) to run 'centralino staff add nobody'" "$ERR"

# ---- every role against every guarded command ----
level() {
	case $1 in assistenza) echo 1 ;; operatore) echo 2 ;; supervisore) echo 3 ;; admin) echo 4 ;; esac
}
# matrix LOGIN ROLE MIN_ROLE ACTION_TEXT AUDIT_ROWS COMMAND...
matrix() {
	u=$1 r=$2 min=$3 act=$4 rows=$5
	shift 5
	before=$(audit_n)
	run "$CN" --db "$db" --user "$u" "$@"
	if [ "$(level "$r")" -ge "$(level "$min")" ]; then
		check "$u ($r) $1 $2: allowed, $rows audit row(s)" "0 $((before + rows))" "$RC $(audit_n)"
	else
		check "$u ($r) $1 $2: refused" "77|centralino: $u ($r) may not $act|$before" "$RC|$ERR|$(audit_n)"
	fi
}
for who in anna:assistenza mario:operatore luisa:supervisore tester:admin; do
	u=${who%%:*}
	r=${who#*:}
	matrix "$u" "$r" assistenza "see the staff list" 0 staff list
	matrix "$u" "$r" admin "manage staff" 1 staff add "new-$u" --name "Nuovo $u" --role assistenza
	matrix "$u" "$r" admin "manage staff" 1 staff set-role victim supervisore
	matrix "$u" "$r" admin "manage staff" 1 staff disable victim
	matrix "$u" "$r" admin "manage staff" 1 staff enable victim
	matrix "$u" "$r" supervisore "read the audit log" 0 audit
	matrix "$u" "$r" supervisore "check the database" 0 check
	matrix "$u" "$r" admin "back up the database" 1 backup "$T/backup-$u.db"
done
check "only the admin's changes happened" "new-tester" "$(sqlite3 "$db" "SELECT login FROM staff WHERE login LIKE 'new-%'")"

# ---- --as ----
n=$(audit_n)
cn --as mario staff add zeno --name "Zeno" --role assistenza
check "admin --as an operatore: the operatore's rights" "77|centralino: mario (operatore) may not manage staff" "$RC|$ERR"
cn --as mario audit
check "admin --as an operatore: no audit log" "77|centralino: mario (operatore) may not read the audit log" "$RC|$ERR"
run "$CN" --db "$db" --user luisa --as mario staff list
check "non-admin --as: refused" "77|centralino: luisa (supervisore) may not act as another user (--as)" "$RC|$ERR"
cn --as nobody staff list
check "admin --as an unknown login: exit 67" 67 "$RC"
check "refused --as writes nothing" "$n" "$(audit_n)"
run "$CN" --db "$db" --as carla --now 2019-07-01T10:00:00 staff set-role mario supervisore
check "admin --as another admin: allowed" "0 mario is now supervisore (was operatore)" "$RC $OUT"
check "--as: both names recorded" "tester|carla|staff.set_role|staff|mario|{\"role\":\"supervisore\",\"was\":\"operatore\"}" "$(last_audit)"
check "--as: one audit row" $((n + 1)) "$(audit_n)"

# ---- the last active admin ----
db=$(fresh_db lastadmin)
cn staff add mario --name "Mario Rossi" --role operatore
n=$(audit_n)
cn staff disable tester
check "disable the last admin: exit 65" 65 "$RC"
check "disable the last admin: message" \
	"centralino: tester is the last active administrator: make someone else admin first ('centralino staff set-role LOGIN admin')" "$ERR"
cn staff set-role tester supervisore
check "demote the last admin: exit 65" 65 "$RC"
check_contains "demote the last admin: message" "tester is the last active administrator" "$ERR"
check "last admin: nothing written" "$n|tester|admin|1" "$(audit_n)|$(sqlite3 "$db" "SELECT login, role, active FROM staff WHERE role = 'admin'")"
run sqlite3 "$db" "UPDATE staff SET active = 0, disabled_at = 'x' WHERE login = 'tester'"
check_contains "last admin: the schema refuses it too" "last active administrator" "$ERR"
run sqlite3 "$db" "DELETE FROM staff WHERE login = 'mario'"
check_contains "staff rows are never deleted" "never deleted" "$ERR"
cn staff set-role mario admin
cn staff set-role tester supervisore
check "with another admin, the first may step down" "0 tester is now supervisore (was admin)" "$RC $OUT"
cn staff add zeno --name "Zeno" --role assistenza
check "the demoted admin has lost staff rights" "77|centralino: tester (supervisore) may not manage staff" "$RC|$ERR"
