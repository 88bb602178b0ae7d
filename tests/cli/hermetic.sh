#!/bin/sh
# The suite does not depend on the host's /etc/centralino.conf: the system
# file's path can be overridden (CENTRALINO_SYSTEM_CONFIG, which tests/lib.sh
# points at a file of the suite's own), and with a hostile /etc file in
# place (in a private mount namespace, the real /etc untouched) the
# program run as the tests run it reads none of it.
. tests/lib.sh

db=$(fresh_db)
hostile='lingua = it
database = /srv/centralino/desk.db'

# the override is the file the program reads
mkdir -p "$T/etc"
printf '%s\n' "$hostile" >"$CENTRALINO_SYSTEM_CONFIG"
run "$CN" search torino
check "the overriding file is read: its database" 66 "$RC"
check_contains "the overriding file is read: its language and path" \
	"/srv/centralino/desk.db: qui non c'è un database" "$ERR"
rm -f "$CENTRALINO_SYSTEM_CONFIG"
run "$CN" search torino
check_contains "without it: the default database, in English" \
	"$HOME/.local/share/centralino/centralino.db: no database here" "$ERR"
run "$CN" --db "$db" search torino
check "without it: a search works" 0 "$RC"
check_contains "without it: a search finds Torino" "001272" "$OUT"

# A hostile /etc/centralino.conf, seen only inside a private mount
# namespace through an overlay whose upper layer is the suite's folder.
hermetic_ns() { # CMD...: runs CMD with the hostile file at /etc/centralino.conf
	mkdir -p "$T/upper" "$T/work"
	printf '%s\n' "$hostile" >"$T/upper/centralino.conf"
	unshare -m sh -c 'mount --make-rprivate / && mount -t overlay overlay -o "lowerdir=/etc,upperdir=$1,workdir=$2" /etc && shift 2 && exec "$@"' \
		sh "$T/upper" "$T/work" "$@"
}
etc_before=$(cksum /etc/centralino.conf 2>&1)
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null 2>&1 &&
	hermetic_ns cat /etc/centralino.conf 2>/dev/null | grep -q '^lingua = it$'; then
	run hermetic_ns env -u CENTRALINO_SYSTEM_CONFIG "$CN" search torino
	check_contains "hostile /etc: read without the override (the namespace works)" \
		"/srv/centralino/desk.db: qui non c'è un database" "$ERR"
	run hermetic_ns "$CN" search torino
	check_contains "hostile /etc: not read by the suite's runs" \
		"$HOME/.local/share/centralino/centralino.db: no database here" "$ERR"
	run hermetic_ns "$CN" --db "$db" search torino
	check "hostile /etc: a search works" 0 "$RC"
	check_contains "hostile /etc: a search finds Torino, in English" "001272" "$OUT"
	check "hostile /etc: the real /etc untouched" "$etc_before" "$(cksum /etc/centralino.conf 2>&1)"
else
	ok "hostile /etc in a mount namespace # SKIP needs root, unshare and overlayfs"
fi
