#!/bin/sh
# make test-deb: the Debian package on this host, as root. Lintian, then
# install, files and modes, doctor, the backup service's command and its
# retention, a full disk, an upgrade that migrates an older database,
# remove, purge, and a second install purged empty. Meant for a throwaway
# machine (CI); it refuses a host where centralino is already installed and
# leaves the host as it found it. Usage: tests/deb/run.sh build/centralino_V_A.deb
set -u
DEB=${1:?usage: tests/deb/run.sh PACKAGE.deb}
cd "$(dirname "$0")/../.." || exit 1
export LC_ALL=C.UTF-8 TZ=Europe/Rome
unset CENTRALINO_USER CENTRALINO_DB CENTRALINO_NOW CENTRALINO_BACKUP_KEEP CENTRALINO_SYSTEM_CONFIG XDG_CONFIG_HOME
T=$(mktemp -d "${TMPDIR:-/tmp}/cn-deb.XXXXXX")
export HOME="$T/home" # no personal configuration of whoever runs it
mkdir -p "$HOME"
VAR=/var/lib/centralino
BK=$VAR/backups
DB=$VAR/centralino.db
ADMIN=cndebadmin
PASSED=0
FAILED=0

ok() { echo "ok - $1"; PASSED=$((PASSED + 1)); }
not_ok() {
	echo "not ok - $1"
	FAILED=$((FAILED + 1))
	shift
	for l in "$@"; do printf '%s\n' "$l" | sed 's/^/#   /'; done
}
check() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "expected: $2" "actual:   $3"; fi; }
check_contains() { case "$3" in *"$2"*) ok "$1" ;; *) not_ok "$1" "expected to contain: $2" "actual: $3" ;; esac; }
run() {
	"$@" >"$T/.out" 2>"$T/.err"
	RC=$?
	OUT=$(cat "$T/.out")
	ERR=$(cat "$T/.err")
}
sq() { sqlite3 -cmd ".timeout 5000" "$DB" "$1"; }
owner_mode() { stat -c '%U %G %a' "$1"; }
finish() {
	echo "$PASSED passed, $FAILED failed"
	[ "$FAILED" -eq 0 ]
	exit $?
}

# Whatever happens, the host is left as found.
cleanup() {
	mountpoint -q "$BK" 2>/dev/null && umount "$BK"
	if dpkg-query -W -f='${Status}' centralino 2>/dev/null | grep -qv 'not-installed'; then
		dpkg --purge centralino >/dev/null 2>&1
	fi
	dpkg-statoverride --list /usr/bin/centralino >/dev/null 2>&1 && dpkg-statoverride --remove /usr/bin/centralino
	rm -rf "$VAR" "$T"
	getent passwd "$ADMIN" >/dev/null && userdel "$ADMIN"
	getent group centralino >/dev/null && delgroup --system --quiet centralino
}

if [ "$(id -u)" -ne 0 ]; then
	not_ok "make test-deb runs as root (it installs the package on this host)"
	finish
fi
for thing in /usr/bin/centralino /etc/centralino.conf "$VAR"; do
	if [ -e "$thing" ]; then
		not_ok "the host is clean" "$thing exists: this suite installs and purges centralino; run it on a throwaway machine"
		rm -rf "$T"
		finish
	fi
done
if getent group centralino >/dev/null || getent passwd "$ADMIN" >/dev/null; then
	not_ok "the host is clean" "the group centralino or the user $ADMIN exists already"
	rm -rf "$T"
	finish
fi
trap cleanup EXIT
trap 'exit 1' INT TERM

# ---- lintian ----
run lintian --fail-on error --info "$DEB"
if [ "$RC" -eq 0 ]; then ok "lintian: no errors"; else not_ok "lintian: no errors" "$OUT" "$ERR"; fi
printf '%s\n' "$OUT" | grep -E '^[EW]: ' | sed 's/^/# lintian: /'
# The source package too: debian/copyright is checked as DEP-5 there.
v=$(dpkg-parsechangelog -S Version)
mkdir -p "$T/src/centralino-$v"
tar -cf - --exclude=./build --exclude=./.git . | tar -xf - -C "$T/src/centralino-$v"
run sh -c "cd '$T/src' && dpkg-source -b centralino-$v && lintian --fail-on error centralino_$v.dsc"
if [ "$RC" -eq 0 ]; then ok "lintian of the source package: no errors"; else not_ok "lintian of the source package: no errors" "$OUT" "$ERR"; fi
printf '%s\n' "$OUT" | grep -E '^[EW]: ' | sed 's/^/# lintian (source): /'

# ---- install ----
run dpkg -i "$DEB"
check "dpkg -i: exit 0" 0 "$RC"
check_contains "postinst says how to create the database" "centralino init" "$OUT"
check "the program: setgid root:centralino 2755" "root centralino 2755" "$(owner_mode /usr/bin/centralino)"
check "the statoverride" "root centralino 2755 /usr/bin/centralino" "$(dpkg-statoverride --list /usr/bin/centralino)"
check "the system group, nobody in it" "centralino::" "$(getent group centralino | cut -d: -f1,2,4 | sed 's/:x:/::/')"
check "the group is a system group" yes "$([ "$(getent group centralino | cut -d: -f3)" -lt 1000 ] && echo yes)"
check "the desk's folder: root:centralino 2770" "root centralino 2770" "$(owner_mode "$VAR")"
check "the backups folder: root:centralino 2770" "root centralino 2770" "$(owner_mode "$BK")"
check "/etc/centralino.conf is a conffile" yes \
	"$(dpkg-query -W -f='${Conffiles}\n' centralino | grep -q '^ /etc/centralino.conf ' && echo yes)"
check "/etc/centralino.conf names the desk's database" "database = $DB" "$(grep '^database' /etc/centralino.conf)"
check "/etc/centralino.conf has comments" yes "$([ "$(grep -c '^#' /etc/centralino.conf)" -ge 5 ] && echo yes)"
for f in /usr/share/man/man1/centralino.1.gz /usr/share/man/it/man1/centralino.1.gz \
	/usr/share/bash-completion/completions/centralino /usr/share/locale/it/LC_MESSAGES/centralino.mo \
	/lib/systemd/system/centralino-backup.service /lib/systemd/system/centralino-backup.timer \
	/usr/share/doc/centralino/copyright; do
	if [ -s "$f" ]; then ok "installed: $f"; else not_ok "installed: $f" "missing or empty"; fi
done
check_contains "the copyright credits ISTAT" 'Fonte: ISTAT. "Elenco dei comuni italiani"' \
	"$(cat /usr/share/doc/centralino/copyright)"
check "the timer is enabled (daily)" "yes OnCalendar=daily" \
	"$([ -L /etc/systemd/system/timers.target.wants/centralino-backup.timer ] && echo yes) $(grep '^OnCalendar' /lib/systemd/system/centralino-backup.timer)"
if command -v systemd-analyze >/dev/null; then
	run systemd-analyze verify /lib/systemd/system/centralino-backup.service /lib/systemd/system/centralino-backup.timer
	check "systemd-analyze verify: the units are sound" "0" "$RC$(printf '%s' "$ERR" | grep -v 'man centralino')"
else
	echo "# systemd-analyze is not installed here: the units' syntax is not verified"
fi
check "depends on run-time libraries (and adduser for the group)" "" \
	"$(dpkg-query -W -f='${Depends}\n' centralino | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -v '^lib\|^adduser$')"
run centralino --version
check "the installed program runs" 0 "$RC"

# ---- the desk's database ----
i=0 # another program may hold /etc/passwd's lock for a moment
until useradd --no-create-home --shell /usr/sbin/nologin "$ADMIN" 2>"$T/.err" || [ $i -ge 20 ]; do
	sleep 0.5
	i=$((i + 1))
done
check "a person to be the desk's administrator" yes "$(getent passwd "$ADMIN" >/dev/null && echo yes)"
run centralino init --admin "$ADMIN"
check "init --admin as root: exit 0" 0 "$RC"
run runuser -u "$ADMIN" -- centralino staff list --format tsv
check_contains "the person is the desk's administrator" "$ADMIN	" "$OUT"
run runuser -u "$ADMIN" -- centralino --db "$T/mine.db" search forli
check "the installed program is the desk's: --db refused" 64 "$RC"
check "the database: group centralino, 0660" "centralino 660" "$(stat -c '%G %a' "$DB")"
run centralino doctor
check "doctor on a fresh install: exit 0" 0 "$RC"
check "doctor: warnings only" "" "$(printf '%s\n' "$OUT" | grep -v '^warning: ')"
printf '%s\n' "$OUT" | sed 's/^/# doctor: /'
check_contains "doctor: no backup yet is a warning" "warning: $BK: no backup yet" "$OUT"

# ---- the backup service's command, twice; retention ----
exec_start=$(sed -n 's/^ExecStart=//p' /lib/systemd/system/centralino-backup.service)
check "the service runs backup --scheduled" "/usr/bin/centralino backup --scheduled" "$exec_start"
run $exec_start
check "scheduled backup 1: exit 0, one line" "0 1" "$RC $(printf '%s\n' "$OUT" | wc -l)"
first=$(printf '%s' "$OUT" | sed 's/ written: .*//')
run $exec_start
check "scheduled backup 2: exit 0, one line" "0 1" "$RC $(printf '%s\n' "$OUT" | wc -l)"
second=$(printf '%s' "$OUT" | sed 's/ written: .*//')
check "two backups, two files" "2 yes" "$(ls "$BK" | wc -l) $([ "$first" != "$second" ] && echo yes)"
check "backups: group centralino, closed to others" "centralino 660" "$(stat -c '%G %a' "$second")"
check "two audit rows by root" "2" "$(sq "SELECT count(*) FROM audit_log WHERE action = 'backup' AND login = 'root' AND json_extract(details, '$.why') = 'scheduled'")"
old=$(date -d '20 days ago' +%Y%m%d-%H%M%S)
young=$(date -d '10 days ago' +%Y%m%d-%H%M%S)
cp "$second" "$BK/centralino-$old.db"
cp "$second" "$BK/centralino-$young.db"
run $exec_start
check_contains "retention: the 20-day-old backup removed" "; 1 backup older than 14 days removed" "$OUT"
check "retention: 20 days gone, 10 days kept" "no yes" \
	"$([ -e "$BK/centralino-$old.db" ] && echo yes || echo no) $([ -e "$BK/centralino-$young.db" ] && echo yes || echo no)"
run centralino doctor
check "doctor after the backups: exit 0, no backup warning" "0" "$RC$(printf '%s' "$OUT" | grep 'no backup yet')"
check "backups stay single files (nothing beside them)" "" "$(ls "$BK" | grep -v '^centralino-[0-9-]*\.db$')"

# ---- a full disk leaves the earlier backups intact and fails loudly ----
newest=$(ls "$BK" | sort | tail -n 1)
cp -p "$BK/$newest" "$T/newest.db"
mount -t tmpfs -o size=4m,mode=2770,gid="$(getent group centralino | cut -d: -f3)" tmpfs "$BK"
cp -p "$T/newest.db" "$BK/$newest"
dd if=/dev/zero of="$BK/filler" bs=64k 2>/dev/null
sum=$(md5sum "$BK/$newest" | cut -d' ' -f1)
run $exec_start
check "full disk: exit 74" 74 "$RC"
check_contains "full disk: said on stderr" "the disk is full: the backup was not written" "$ERR"
check "full disk: the earlier backup untouched" "$sum" "$(md5sum "$BK/$newest" | cut -d' ' -f1)"
check "full disk: no partial file" "$newest filler" "$(ls -A "$BK" | sort | tr '\n' ' ' | sed 's/ $//')"
umount "$BK"

# ---- an upgrade migrates a database of the previous schema ----
latest=$(ls db/[0-9]*.sql | sed -n '$s|^db/0*\([0-9]*\)_.*|\1|p')
prev=$((latest - 1))
mv "$DB" "$T/current.db"
rm -f "$DB-wal" "$DB-shm"
for f in db/[0-9]*.sql; do
	v=$(basename "$f" | sed 's/^0*\([0-9]*\)_.*/\1/')
	[ "$v" -le "$prev" ] && cat "$f"
done | sqlite3 "$DB"
sqlite3 "$DB" "PRAGMA user_version = $prev; PRAGMA journal_mode = WAL;
	INSERT INTO staff (login, name, role, created_at) VALUES ('$ADMIN', 'Ada Admin', 'admin', '2019-05-01T08:00:00Z');" >/dev/null
chgrp centralino "$DB"
chmod 660 "$DB"
nbk=$(ls "$BK" | wc -l)
run centralino search forli
check "an ordinary command on the older schema: refused" "78" "$RC"
check_contains "... saying to run migrate" "run 'centralino migrate'" "$ERR"
run dpkg -i "$DEB"
check "the upgrade (dpkg -i again): exit 0" 0 "$RC"
check_contains "postinst ran migrate" "migrated from schema version $prev to $latest" "$OUT"
check "migrate: the schema is the program's" "$latest" "$(sqlite3 "$DB" 'PRAGMA user_version')"
check "migrate: one more backup" "$((nbk + 1))" "$(ls "$BK" | wc -l)"
mig_bk=$(sq "SELECT object_id FROM audit_log WHERE action = 'backup' ORDER BY seq DESC LIMIT 1")
check "migrate: the backup holds the older schema" "$prev" "$(sqlite3 "$mig_bk" 'PRAGMA user_version')"
check "migrate: audit rows by root" "root|backup|migrate
root|schema.migrate|{\"from\":$prev,\"to\":$latest}" \
	"$(sq "SELECT login, action, CASE action WHEN 'backup' THEN json_extract(details, '$.why') ELSE details END FROM audit_log ORDER BY seq")"
run runuser -u "$ADMIN" -- centralino search forli
check "after the upgrade: ordinary commands work" 0 "$RC"

# ---- remove keeps the data; purge says what it does ----
run dpkg -r centralino
check "dpkg -r: exit 0" 0 "$RC"
check "dpkg -r: the program is gone" no "$([ -e /usr/bin/centralino ] && echo yes || echo no)"
check "dpkg -r: the database and backups stay" "yes yes" "$([ -s "$DB" ] && echo yes) $([ -n "$(ls "$BK")" ] && echo yes)"
check "dpkg -r: the settings stay" yes "$([ -e /etc/centralino.conf ] && echo yes)"
run dpkg --purge centralino
check "dpkg --purge: exit 0" 0 "$RC"
check_contains "purge says it keeps the data" "kept /var/lib/centralino" "$OUT"
check "purge: the settings are gone" no "$([ -e /etc/centralino.conf ] && echo yes || echo no)"
check "purge: the statoverride is gone" "" "$(dpkg-statoverride --list /usr/bin/centralino)"
check "purge: the timer link is gone" no "$([ -e /etc/systemd/system/timers.target.wants/centralino-backup.timer ] && echo yes || echo no)"
check "purge: the data and its group stay" "yes yes" "$([ -s "$DB" ] && echo yes) $(getent group centralino >/dev/null && echo yes)"
rm -rf "$VAR"
delgroup --system --quiet centralino

# ---- install and purge with no data: nothing left ----
run dpkg -i "$DEB"
check "second install: exit 0" 0 "$RC"
run dpkg --purge centralino
check "purge without data: exit 0" 0 "$RC"
check_contains "purge says it removed the folder" "removed the empty /var/lib/centralino" "$OUT"
check_contains "purge says it removed the group" "removed the system group centralino" "$OUT"
check "nothing left: folder, group, settings, statoverride, package" "no no no no" \
	"$([ -e "$VAR" ] && echo yes || echo no) $(getent group centralino >/dev/null && echo yes || echo no) $([ -e /etc/centralino.conf ] && echo yes || echo no) $(dpkg-statoverride --list /usr/bin/centralino >/dev/null && echo yes || echo no)"
check "dpkg forgot the package" "" "$(dpkg-query -W -f='${Status}' centralino 2>/dev/null | grep -v 'not-installed')"
finish
