#!/bin/sh
# Merged comuni from the ':' line: :successor lists the mergers known,
# records one (OLD -> NEW, names with blanks), removes one; each change
# audited as from the CLI, a refusal shown on the message line.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_script.sh

db=$(screen_db tuisuccessor)
NOW=2019-07-31T10:30:00
# Molvena and Mason Vicentino suppressed (merged into Colceresa, in the
# shipped May list); Molvena's successor known
sqlite3 "$db" "INSERT INTO comune (istat, name, folded, regione_code, provincia_code, cadastral,
	population, added_on, updated_on, suppressed_on) VALUES ('024059', 'Molvena', 'molvena', '05',
	'024', 'F306', 2596, '2019-01-01', '2019-02-20', '2019-02-20'),
	('024058', 'Mason Vicentino', 'mason vicentino', '05', '024', 'F019', 3510, '2019-01-01',
	'2019-02-20', '2019-02-20');
	INSERT INTO comune_successor VALUES ('024059', '024126', '2019-02-20', 'admin');
	INSERT INTO meta (key, value) VALUES ('registry_gen', 'tui-successor')
	ON CONFLICT (key) DO UPDATE SET value = 'tui-successor';"
"$CN" --db "$db" staff add op1 --name "Op Uno" --role operatore >/dev/null

n=$(audit_n)
tui_script successor "$CN" --db "$db" --now "$NOW" tui <<'KEYS'
:successor<Enter>
!screen list
:successor Mason Vicentino -> Colceresa<Enter>
!screen set
:successor<Enter>
!screen list2
:successor remove molvena<Enter>
!screen removed
:successor Molvena Colceresa<Enter>
!screen usage
:successor colceresa -> molvena<Enter>
!screen refused
KEYS
screen_has "list: the one known" successor/list "1 merger known: Molvena → Colceresa"
screen_has "set: says it" successor/set "Mason Vicentino → Colceresa, since 20/02/2019"
screen_has "list: both" successor/list2 "2 mergers known: Mason Vicentino → Colceresa, Molvena → Colceresa"
screen_has "remove: says it" successor/removed "Removed: Molvena → Colceresa, since 20/02/2019; Molvena is found alone again"
screen_has "no arrow: usage" successor/usage "usage: :successor OLD -> NEW, :successor remove OLD, :successor"
screen_has "active comune: refused, visibly" successor/refused "only a suppressed comune has a successor"
check "set and removed: the pair left" "024058|024126|2019-02-20|admin" "$(q "SELECT * FROM comune_successor")"
check "two audit rows" "$((n + 2))" "$(audit_n)"
check "audit: the removal" "tester|registry_successor_remove|comune|024059|{\"successor\":\"024126\",\"since\":\"2019-02-20\",\"source\":\"admin\"}" \
	"$(last_audit)"

# an operator may list, not change
n=$(audit_n)
tui_script successor_op env CENTRALINO_USER=op1 "$CN" --db "$db" --now "$NOW" tui <<'KEYS'
:successor<Enter>
!screen list
:successor remove mason vicentino<Enter>
!screen refused
KEYS
screen_has "operator: lists" successor_op/list "1 merger known: Mason Vicentino → Colceresa"
screen_has "operator: removal refused" successor_op/refused "remove a merged comune's successor"
check "operator: nothing changed" "$n" "$(audit_n)"
