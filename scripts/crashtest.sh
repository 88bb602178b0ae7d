#!/bin/bash
# Crash consistency: SIGKILL the program at random moments during
# an ISTAT import, a bulk code generation (code generate --all) and a
# LimeSurvey status import. After each kill the database must open
# (`centralino check`), pass integrity_check, and hold either all of that
# operation or none of it: its fingerprint equals the one before the
# operation or the one after an uninterrupted run.
#
# usage: scripts/crashtest.sh [--kills N] [--dir DIR] [--bin PATH]
#   --kills N   kills per operation (default 50)
# Prints one line per operation "crash OP: N kills, B before, A after,
# 0 torn, 0 unreadable" and exits 0 when no kill left a torn or unreadable
# database (tests/cli/crash.sh reads these lines).
set -u
KILLS=50
DIR=
BIN=${CENTRALINO_BIN:-${BUILD:-build}/centralino}
while [ $# -gt 0 ]; do
	case $1 in
	--kills) KILLS=$2; shift 2 ;;
	--dir) DIR=$2; shift 2 ;;
	--bin) BIN=$2; shift 2 ;;
	-h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "crashtest.sh: unknown option $1" >&2; exit 64 ;;
	esac
done
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
[ -x "$BIN" ] || { echo "crashtest.sh: no program at $BIN (run make)" >&2; exit 66; }
if [ -z "$DIR" ]; then
	DIR=$(mktemp -d "${TMPDIR:-/tmp}/cn-crash.XXXXXX")
	trap 'rm -rf "$DIR"' EXIT
fi
mkdir -p "$DIR"
export LC_ALL=C.UTF-8 TZ=Europe/Rome CENTRALINO_USER=admin HOME="$DIR"
unset CENTRALINO_DB CENTRALINO_LANG XDG_DATA_HOME XDG_STATE_HOME XDG_CONFIG_HOME
# a fixed clock: the same operation writes the same rows every time
export CENTRALINO_NOW=2019-06-20T10:00:00
RANDOM=$$

# A database, checkpointed into one file, as the starting point.
settle() { sqlite3 "$1" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null && rm -f "$1-wal" "$1-shm"; }
fresh() { # NAME: a fresh database with the May list, returns its path
	local db="$DIR/$1.db"
	rm -f "$db" "$db-wal" "$db-shm"
	"$BIN" --db "$db" init >/dev/null || exit 70
	echo "$db"
}

# What "all of it" and "none of it" look like: the whole dump, but for
# what is random by design: uuids (audit rows, the registry's generation
# stamp) and the codes themselves.
fingerprint() {
	sqlite3 "$1" .dump | sed -e 's/[0-9a-f]\{8\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{12\}/UUID/g' \
		-e "s/INSERT INTO access_code VALUES([0-9]*,'[2-9A-Z]*'/INSERT INTO access_code VALUES(#,'CODE'/" | cksum
}

FAILED=0
# crash NAME BASE_DB CMD...: runs CMD once to learn its duration and the
# "after" fingerprint, then KILLS times: restore, start, SIGKILL after a
# random part of that duration, check.
crash() {
	local name=$1 base=$2 work="$DIR/work.db" t0 t1 dur_ms fp_before fp_after fp
	local nbefore=0 nafter=0 ntorn=0 nbad=0 pid delay k
	shift 2
	settle "$base"
	fp_before=$(fingerprint "$base")
	restore() { rm -f "$work" "$work-wal" "$work-shm"; cp "$base" "$work"; }
	restore
	t0=$(date +%s%N)
	"$BIN" --db "$work" "$@" >/dev/null 2>"$DIR/err" || { echo "crash $name: the operation fails on its own: $(cat "$DIR/err")"; FAILED=1; return; }
	t1=$(date +%s%N)
	dur_ms=$(((t1 - t0) / 1000000))
	fp_after=$(fingerprint "$work")
	if [ "$fp_after" = "$fp_before" ]; then
		echo "crash $name: the operation changes nothing: no test"
		FAILED=1
		return
	fi
	for k in $(seq 1 "$KILLS"); do
		restore
		# anywhere from the start of the process to a little past its end
		delay=$((RANDOM % (dur_ms * 11 / 10 + 1)))
		"$BIN" --db "$work" "$@" >/dev/null 2>&1 &
		pid=$!
		sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		if ! "$BIN" --db "$work" check >"$DIR/check" 2>&1 ||
		   [ "$(sqlite3 "$work" 'PRAGMA integrity_check')" != ok ]; then
			nbad=$((nbad + 1))
			echo "  kill $k after ${delay} ms: the database does not pass its check: $(head -n 3 "$DIR/check")"
			cp "$work" "$DIR/unreadable-$name-$k.db"
			continue
		fi
		fp=$(fingerprint "$work")
		if [ "$fp" = "$fp_before" ]; then
			nbefore=$((nbefore + 1))
		elif [ "$fp" = "$fp_after" ]; then
			nafter=$((nafter + 1))
		else
			ntorn=$((ntorn + 1))
			echo "  kill $k after ${delay} ms: neither before nor after (kept as $DIR/torn-$name-$k.db)"
			cp "$work" "$DIR/torn-$name-$k.db"
		fi
	done
	printf 'crash %s: %d kills, %d before, %d after, %d torn, %d unreadable (the operation alone: %d ms)\n' \
		"$name" "$KILLS" "$nbefore" "$nafter" "$ntorn" "$nbad" "$dur_ms"
	[ $ntorn -eq 0 ] && [ $nbad -eq 0 ] || FAILED=1
}

# 1. ISTAT: the February list merged over May (3 added back, 6 suppressed
#    undone, renames, the audit row) — one transaction.
db=$(fresh istat)
crash istat "$db" import istat "$ROOT/tests/data/comuni-2019-02-15.csv"

# 2. code generate --all: a code for every comune, ambito and regione.
db=$(fresh generate)
"$BIN" --db "$db" import ambiti "$ROOT/tests/data/ambiti-sample.csv" >/dev/null || exit 70
"$BIN" --db "$db" campaign add crash --name Crash --opens 2019-06-01 --deadline 2019-07-31 \
	--respondents comune,ambito,regione >/dev/null || exit 70
crash generate "$db" code generate --campaign crash --all

# 3. LimeSurvey: a participant export of every code, with submissions,
#    times, screened-out and e-mailed rows.
db=$(fresh limesurvey)
"$BIN" --db "$db" campaign add crash --name Crash --opens 2019-06-01 --deadline 2019-07-31 \
	--respondents comune >/dev/null || exit 70
"$BIN" --db "$db" code generate --campaign crash --all >/dev/null || exit 70
{
	printf '\357\273\277tid,firstname,lastname,email,emailstatus,token,language,validfrom,validuntil,invited,reminded,remindercount,completed,usesleft, attribute_1 <Codice>\n'
	sqlite3 "$db" "SELECT printf('\"%d\",\"Comune di\",\"%s\",\"\",\"OK\",\"%s\",\"it\",\"\",\"\",\"%s\",\"N\",\"0\",\"%s\",\"1\",\"%s\"',
		a.id, replace(c.name, '\"', '\"\"'), a.code, CASE a.id % 3 WHEN 0 THEN 'Y' ELSE 'N' END,
		CASE a.id % 5 WHEN 0 THEN 'Y' WHEN 1 THEN '2019-06-1' || (a.id % 9) || ' 09:30' WHEN 2 THEN 'Q' ELSE 'N' END, c.istat)
		FROM access_code a JOIN comune c ON c.istat = a.respondent_id ORDER BY a.id"
} >"$DIR/participants.csv"
crash limesurvey "$db" status import --campaign crash "$DIR/participants.csv"

[ $FAILED -eq 0 ] && echo "crashtest: every kill left all or nothing" || echo "crashtest: FAILED"
exit $FAILED
