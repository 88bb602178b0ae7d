# Shared by the shell test suites (CLI and TUI). Each check prints one TAP
# line, "ok - NAME" or "not ok - NAME" with what differed; tests/run.sh counts.
# Usage: . tests/lib.sh   (from the project root; BUILD may be set)

: "${BUILD:=build}"
case "$BUILD" in
/*) CN="$BUILD/centralino" ;;
*) CN="$PWD/$BUILD/centralino" ;;
esac
export LC_ALL=C.UTF-8 TZ=Europe/Rome
export CENTRALINO_USER=tester
unset CENTRALINO_NOW CENTRALINO_DB XDG_DATA_HOME XDG_STATE_HOME XDG_CONFIG_HOME
# Nor the caller's language, readline or terminal description: the same
# messages, keys and screens on every host.
unset LANGUAGE INPUTRC TERMINFO TERMINFO_DIRS TERMCAP
T=$(mktemp -d "${TMPDIR:-/tmp}/cn-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home"
mkdir -p "$HOME"
# The host's /etc/centralino.conf never reaches a test: the system file is
# one of the suite's own (absent unless a test writes it).
export CENTRALINO_SYSTEM_CONFIG="$T/etc/centralino.conf"

ok() { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; shift; for l in "$@"; do printf '%s\n' "$l" | sed 's/^/#   /'; done; }

# check NAME EXPECTED ACTUAL
check() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "expected: $2" "actual:   $3"; fi
}
# check_contains NAME NEEDLE HAYSTACK
check_contains() {
	case "$3" in *"$2"*) ok "$1" ;; *) not_ok "$1" "expected to contain: $2" "actual: $3" ;; esac
}
check_not_contains() {
	case "$3" in *"$2"*) not_ok "$1" "expected not to contain: $2" "actual: $3" ;; *) ok "$1" ;; esac
}
# run CMD...: sets OUT, ERR, RC
run() {
	"$@" >"$T/.out" 2>"$T/.err"
	RC=$?
	OUT=$(cat "$T/.out")
	ERR=$(cat "$T/.err")
}
# skip_suite NAME WHY: a suite that cannot run here says so in one line
# ("ok - NAME # SKIP WHY", counted apart by tests/run.sh) and ends.
skip_suite() {
	echo "ok - $1 # SKIP $2"
	exit 0
}
# need_root NAME COMMAND...: skips the suite unless run as root with every
# COMMAND at hand.
need_root() {
	_name=$1
	shift
	[ "$(id -u)" = 0 ] || skip_suite "$_name" "needs root (CI runs it as root)"
	for _c in "$@"; do
		command -v "$_c" >/dev/null 2>&1 || skip_suite "$_name" "needs $_c"
	done
}
# A fresh database initialised by `tester` in $T/NAME.db; prints its path.
fresh_db() {
	db="$T/${1:-cn}.db"
	rm -f "$db" "$db-wal" "$db-shm"
	"$CN" --db "$db" init >/dev/null 2>&1 || echo "init failed for $db" >&2
	echo "$db"
}
# A byte-for-byte comparable dump of a database's content.
db_dump() { sqlite3 "$1" .dump; }

# On the suite's database $db: q SQL prints what the query returns; audit_n
# counts the audit rows; last_audit prints the newest (login, action, object
# kind and id, details).
q() { sqlite3 "$db" "$1"; }
audit_n() { q "SELECT count(*) FROM audit_log"; }
last_audit() { q "SELECT login, action, object_kind, object_id, details FROM audit_log ORDER BY seq DESC LIMIT 1"; }
