#!/bin/sh
# The desk on a shared host: `make install-desk` into a scratch tree, the
# program setgid to a group nobody joins, real Unix users (created here and
# removed at the end) working through it as assistenza, operatore,
# supervisore and admin, and refused by sqlite3, cat and cp on every file of
# the desk; the test hooks refused; the audit row of each action with the
# real login and time; two operators writing at once. Runs in its own mount
# namespace whose /etc is a copy and /var/lib a scratch folder, so the host
# is left as it was. Needs root and
# `unshare -m` (CI has both); elsewhere it is skipped, and says so.
. tests/lib.sh

skip() { skip_suite "the desk on a shared host" "$1"; }

if [ -z "${CN_DESK_INSIDE:-}" ]; then
	need_root "the desk on a shared host" unshare useradd userdel groupdel runuser sqlite3
	unshare -m true 2>/dev/null || skip "unshare -m is not possible here"
	# LeakSanitizer stops the world through ptrace and reads its options
	# from /proc/self/environ, both closed to a set-id process (it stays
	# non-dumpable, on purpose): the plain build (make test) runs this suite
	case "${CFLAGS:-}" in *sanitize=address*) skip "a set-id program cannot run under LeakSanitizer" ;; esac
	CN_DESK_INSIDE=1 unshare -m sh "$0"
	exit $?
fi

# ---- inside the namespace ----
. tests/tui/lib_tui.sh
unset CENTRALINO_USER
SFX=$$
G=cndesk$SFX
ADM=cnadm$SFX
ASS=cnass$SFX
OP=cnop$SFX
OP2=cnopb$SFX
SUP=cnsup$SFX
USERS="$ADM $ASS $OP $OP2 $SUP"
cleanup() {
	for u in $USERS; do userdel "$u" >/dev/null 2>&1; done
	groupdel "$G" >/dev/null 2>&1
	umount /var/lib/centralino /var/lib /etc "$T/inst" 2>/dev/null
	rm -rf "$T"
}
trap 'tui_stop; cleanup' EXIT
chmod 755 "$T"
mkdir "$T/inst"
mount -t tmpfs -o mode=755 cndesk "$T/inst"
# this namespace's /etc is a copy, and its /var/lib a scratch one: the
# group, the users and the desk's files never reach the host's
cp -a /etc "$T/inst/etc-copy"
mount --bind "$T/inst/etc-copy" /etc
mount -t tmpfs -o mode=755 cnvar /var/lib

# ---- make install-desk ----
mk() { make -s --no-print-directory install-desk BUILD="$BUILD" PREFIX=/usr/local DESTDIR="$T/inst" DESKGROUP="$G"; }
if mk >"$T/make.log" 2>&1 && mk >>"$T/make.log" 2>&1; then
	ok "make install-desk, twice"
else
	not_ok "make install-desk, twice" "$(tail -n 5 "$T/make.log")"
	exit 0
fi
CN=$T/inst/usr/local/bin/centralino
VAR=$T/inst/var/lib/centralino
check "the program: root:GROUP 2755" "root $G 2755" "$(stat -c '%U %G %a' "$CN")"
check "the desk's folder: root:GROUP 2770" "root $G 2770" "$(stat -c '%U %G %a' "$VAR")"
check "the backups folder: root:GROUP 2770" "root $G 2770" "$(stat -c '%U %G %a' "$VAR/backups")"
check "/etc/centralino.conf names the database" "database = /var/lib/centralino/centralino.db" \
	"$(grep '^database' "$T/inst/etc/centralino.conf")"
check "nobody is in the group" "" "$(getent group "$G" | cut -d: -f4)"
mkdir /var/lib/centralino
mount --bind "$VAR" /var/lib/centralino
cp "$T/inst/etc/centralino.conf" /etc/centralino.conf
DB=/var/lib/centralino/centralino.db
BK=/var/lib/centralino/backups

for u in $USERS; do
	useradd --no-create-home --shell /bin/sh --comment "Persona $u" "$u"
	mkdir -p "$T/home/$u"
	chown "$u" "$T/home/$u"
	chmod 700 "$T/home/$u"
done
# as USER CMD...: CMD run by USER, with her own HOME
as() {
	u=$1
	shift
	run runuser -u "$u" -- env HOME="$T/home/$u" "$@"
}
cn() { u=$1; shift; as "$u" "$CN" "$@"; }

# ---- init by root ----
run "$CN" init --admin root
check "init --admin root: refused" 64 "$RC"
check "init --admin root: says why" "centralino: --admin: the first administrator is a person, not root" "$ERR"
run "$CN" init --admin "$ADM" --name "Ada Amministratrice"
check "init --admin: exit 0" 0 "$RC"
check_contains "init --admin: names the administrator" "$ADM is its administrator" "$OUT"
check "the database: root:GROUP 0660" "root $G 660" "$(stat -c '%U %G %a' "$DB")"
check "the first administrator" "admin|Ada Amministratrice" \
	"$(sqlite3 "$DB" "SELECT role, name FROM staff WHERE login = '$ADM'")"
check "root is not on the staff list" 0 "$(sqlite3 "$DB" "SELECT count(*) FROM staff WHERE login = 'root'")"

cn "$ADM" staff add "$ASS" --name "Aldo Assistenza" --role assistenza
check "admin adds assistenza through the program" 0 "$RC"
cn "$ADM" staff add "$OP" --name "Olga Operatrice" --role operatore
cn "$ADM" staff add "$OP2" --name "Otto Operatore" --role operatore
cn "$ADM" staff add "$SUP" --name "Sara Supervisora" --role supervisore
check "four people on the staff list" 5 "$(sqlite3 "$DB" "SELECT count(*) FROM staff")"
cn "$ADM" campaign add fam --name "Famiglia" --opens 2019-06-01 --deadline 2099-07-31 --respondents comune
check "admin adds a campaign" 0 "$RC"

# ---- each works through the program ----
for u in $ASS $OP $SUP; do
	cn "$u" search forli
	check "$u: search" "0 040012" "$RC $(printf '%s\n' "$OUT" | grep -o 040012 | head -n 1)"
done
before=$(date -u +%Y-%m-%dT%H:%M:%S)
cn "$ASS" call add --respondent 040012 --campaign fam --category problema_accesso --caller "Maria Rossi"
check "assistenza logs a call" 0 "$RC"
cn "$OP" code issue --campaign fam 040012 --caller "Mario Rossi" --office "Servizi sociali" \
	--phone "0543 712111" --verified richiamata_centralino
check "operatore issues a code" 0 "$RC"
code=$(sqlite3 "$DB" "SELECT code FROM access_code WHERE respondent_id = '040012' AND state = 'active'")
cn "$SUP" report --help
cn "$SUP" check
check "supervisore checks the database" "0 ok" "$RC $OUT"
cn "$ADM" backup
check "admin: backup into the backups folder" 0 "$RC"
after=$(date -u +%Y-%m-%dT%H:%M:%S)
backup=$(ls "$BK"/centralino-*.db | head -n 1)
check "backup: a dated name" yes \
	"$(basename "$backup" | grep -qE '^centralino-[0-9]{8}-[0-9]{6}\.db$' && echo yes)"

# ---- codes at rest ----
# assistenza finds whose a code is, never the code: not from 12 of its 13
# symbols, not from the whole of it
cn "$ASS" code find "$(printf '%s' "$code" | cut -c1-12)"
check "assistenza: find from 12 of 13 symbols: a slip, hidden" "65 •••• •••• •••• •  Forlì (040012), campaign fam: active" \
	"$RC $(printf '%s\n' "$OUT" | grep Forl)"
cn "$ASS" code find "$code"
check "assistenza: find the whole code: masked" "•••• •••• ••$(printf '%s' "$code" | cut -c11-12) $(printf '%s' "$code" | cut -c13)  Forlì (040012), campaign fam: active" \
	"$(printf '%s\n' "$OUT" | grep Forl)"
for q in "$(printf '%s' "$code" | cut -c1-12)" "$code"; do
	cn "$ASS" code find "$q"
	check "assistenza: no code in clear for $(printf '%s' "$q" | wc -c) symbols" "" "$(printf '%s' "$OUT" | tr -d ' ' | grep "$code")"
done
# the LimeSurvey file: the person's, 0600, never through a link
cn "$SUP" code export --campaign fam --format limesurvey --output "$T/home/$SUP/p.csv"
check "supervisore: export --output" "0 $SUP 600" "$RC $(stat -c '%U %a' "$T/home/$SUP/p.csv")"
check_contains "export --output: the code in it" "\"$code\"" "$(cat "$T/home/$SUP/p.csv")"
ln -s "$DB" "$T/home/$SUP/db.csv"
cn "$SUP" code export --campaign fam --format limesurvey --output "$T/home/$SUP/db.csv"
check "export --output through a link to the database: refused" 73 "$RC"
cn "$SUP" code export --campaign fam --format limesurvey --output "$BK/p.csv"
check "export --output into the backups folder: refused" "73 no" "$RC $([ -e "$BK/p.csv" ] && echo yes || echo no)"
cn "$SUP" report progress --campaign fam --format html --output "$DB"
check "report --output over the database: refused" 73 "$RC"
cn "$SUP" check
check "the database whole after the refused exports" "SQLite format 3|0 ok" "$(head -c 15 "$DB")|$RC $OUT"

# ---- the audit rows: real login, real time ----
rows=$(sqlite3 "$DB" "SELECT login || ' ' || action FROM audit_log WHERE at >= '$before' AND at <= '${after}Z' ORDER BY seq")
for want in "$ASS call.add" "$OP code.issue" "$ADM backup"; do
	check_contains "audit: $want, at the real time" "$want" "$rows"
done

# ---- nobody reaches the files outside the program ----
# an operator's full-screen interface keeps the database open: -wal and -shm stay
tui_start 160 30 runuser -u "$OP" -- env HOME="$T/home/$OP" "$CN" tui
tui_check "the operator's full-screen interface" "centralino.db"
# the program stays non-dumpable: the files of /proc/PID are root's, so
# its open files (the database among them), memory and environment are
# closed to her; a plain process of hers is not (else this means nothing)
pid=$(pgrep -u "$OP" -x centralino | head -n 1)
check "non-dumpable: /proc/PID/status of the operator's program is root's" "root" "$(stat -c %U "/proc/$pid/status" 2>&1)"
as "$OP" ls "/proc/$pid/fd"
check "non-dumpable: /proc/PID/fd closed to the operator" 1 "$([ "$RC" -ne 0 ] && echo 1 || echo 0)"
for f in mem environ maps; do
	as "$OP" head -c 1 "/proc/$pid/$f"
	check "non-dumpable: /proc/PID/$f closed to the operator" 1 "$([ "$RC" -ne 0 ] && echo 1 || echo 0)"
done
as "$OP" sh -c 'sleep 5 & p=$!; ls /proc/$p/fd >/dev/null && head -c 1 /proc/$p/environ >/dev/null && stat -c %U /proc/$p/status; r=$?; kill $p; exit $r'
check "a plain process of hers: /proc/PID open to her" "0 $OP" "$RC $OUT"
for f in "$DB" "$DB-wal" "$DB-shm" "$backup"; do
	[ -e "$f" ] || { not_ok "$f exists" "missing"; continue; }
	for u in $ASS $OP $SUP $ADM; do
		as "$u" cat "$f"
		r1=$RC
		as "$u" cp "$f" "$T/home/$u/copy"
		r2=$RC
		as "$u" sqlite3 "$f" "SELECT count(*) FROM sqlite_schema"
		r3=$RC
		check "$u: cat, cp and sqlite3 refused on $(basename "$f")" "no no no" \
			"$([ $r1 -ne 0 ] && echo no || echo yes) $([ $r2 -ne 0 ] && echo no || echo yes) $([ $r3 -ne 0 ] && echo no || echo yes)"
	done
done

# ---- the file replaced or deleted under an open program ----
calls_n() { sqlite3 "$1" "SELECT count(*) FROM call"; }
new_call_form() { # on the open TUI: a call for Agliè, not yet saved
	tui_keys aglie
	tui_wait "Agliè"
	tui_key Enter
	tui_wait "ISTAT 001001"
	tui_key F2
	tui_check "$1: the call form" "New call — Agliè (TO)"
	tui_keys 1
	tui_key Tab
	tui_keys 'Chiede il codice'
}
n=$(calls_n "$DB")
new_call_form "replaced"
cp -p "$DB" "$T/copy.db"
mv "$T/copy.db" "$DB"
tui_check "replaced: said without a key" "was replaced by another file while centralino had it open"
tui_key F2
tui_check "replaced: F2 refused, restart asked" "was replaced by another file while centralino had it open: nothing was saved; restart centralino"
tui_check "replaced: the form stays" "Chiede il codice"
check "replaced: nothing written" "$n" "$(calls_n "$DB")"
tui_stop
# the other operator: the first one's unsaved call waits as her draft
tui_start 160 30 runuser -u "$OP2" -- env HOME="$T/home/$OP2" "$CN" tui
tui_wait "centralino.db"
new_call_form "deleted"
mv "$DB" "$T/kept.db"
tui_check "deleted: said without a key" "was deleted while centralino had it open"
tui_key F2
tui_check "deleted: F2 refused, restart asked" "was deleted while centralino had it open: nothing was saved; restart centralino"
tui_check "deleted: the form stays" "Chiede il codice"
tui_stop
mv "$T/kept.db" "$DB"
check "deleted: nothing written" "$n" "$(calls_n "$DB")"

# ---- the test hooks are refused ----
refusal="is for tests and single-user use; this is the desk's installed program"
cn "$OP" --now 2019-01-01T00:00:00 search forli
check "--now: exit 64, one line" "64 centralino: --now $refusal" "$RC $ERR"
cn "$OP" --user "$ADM" staff list
check "--user: exit 64, one line" "64 centralino: --user $refusal" "$RC $ERR"
cn "$OP" --db "$T/home/$OP/mine.db" search forli
check "--db: exit 64, one line" "64 centralino: --db $refusal" "$RC $ERR"
as "$OP" env CENTRALINO_NOW=2019-01-01T00:00:00 "$CN" search forli
check "CENTRALINO_NOW: exit 64" "64 centralino: CENTRALINO_NOW $refusal" "$RC $ERR"
as "$OP" env CENTRALINO_USER="$ADM" "$CN" search forli
check "CENTRALINO_USER: exit 64" "64 centralino: CENTRALINO_USER $refusal" "$RC $ERR"
as "$OP" env CENTRALINO_DB=/tmp/x.db "$CN" search forli
check "CENTRALINO_DB: exit 64" "64 centralino: CENTRALINO_DB $refusal" "$RC $ERR"
mkdir -p "$T/home/$OP/.config/centralino"
echo "database = $T/home/$OP/mine.db" >"$T/home/$OP/.config/centralino/config"
chown -R "$OP" "$T/home/$OP/.config"
cn "$OP" search forli
check "a person's own 'database =': exit 64" \
	"64 centralino: database ($T/home/$OP/.config/centralino/config:1) $refusal" "$RC $ERR"
rm -rf "$T/home/$OP/.config"
cn "$OP" backup "$T/home/$OP/copy.db"
check "backup FILE: refused" 64 "$RC"
cn "$ADM" --as "$OP" search forli
check "--as keeps working for an administrator" 0 "$RC"
cn "$OP" --as "$ADM" search forli
check "--as: refused to an operatore" 77 "$RC"

# ---- two operators at once, nobody in the group ----
for u in $OP $OP2; do
	(
		i=0
		while [ $i -lt 15 ]; do
			runuser -u "$u" -- env HOME="$T/home/$u" "$CN" call add --respondent 001272 --campaign fam \
				--category altro --caller "Chiamata $u $i" >/dev/null 2>>"$T/race-$u" || echo "exit $?" >>"$T/race-$u"
			i=$((i + 1))
		done
	) &
done
wait
check "two operators at once: no error" "" "$(cat "$T/race-$OP" "$T/race-$OP2")"
check "two operators at once: every call saved" 30 \
	"$(sqlite3 "$DB" "SELECT count(*) FROM call WHERE respondent_id = '001272'")"
check "nobody is in the group, still" "" "$(getent group "$G" | cut -d: -f4)"

# ---- restore, in the installed desk ----
# the backup taken above, put back while an operator's interface is open
tui_start 160 30 runuser -u "$OP" -- env HOME="$T/home/$OP" "$CN" tui
tui_check "restore: an operator's interface is open" "centralino.db"
inode=$(stat -c %i "$DB")
cn "$OP" restore "$(basename "$backup")"
check "restore: refused to an operatore" 77 "$RC"
cp "$backup" "$T/home/$ADM/mine.db"
chown "$ADM" "$T/home/$ADM/mine.db"
cn "$ADM" restore "$T/home/$ADM/mine.db"
check "restore: a file outside the backups folder refused" \
	"64 centralino: $T/home/$ADM/mine.db: the desk restores only its own backups, from $BK: give the name of one" "$RC $ERR"
cn "$ADM" restore "$(basename "$backup")"
check "restore by name: exit 0" 0 "$RC"
check "restore: the race's calls are gone" 0 "$(sqlite3 "$DB" "SELECT count(*) FROM call WHERE respondent_id = '001272'")"
check "restore: the same file" "$inode" "$(stat -c %i "$DB")"
check "restore: audited with the real login" "$ADM|restore|$backup" \
	"$(sqlite3 "$DB" "SELECT login, action, object_id FROM audit_log ORDER BY seq DESC LIMIT 1")"
tui_check_not "restore: the open interface was not cut off" "replaced"
tui_stop
for u in $ASS $OP $SUP $ADM; do
	as "$u" cat "$(ls -t "$BK"/centralino-*.db | head -n 1)"
	check "$u: the backup of the state before is closed to her" 1 "$([ "$RC" -ne 0 ] && echo 1 || echo 0)"
done
