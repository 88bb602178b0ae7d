#!/bin/sh
# How briefly the importers hold the write lock, and whether the desk can
# keep working while they run (not a test: prints figures).
# 1. Each importer on a file about 10 times a real one (contacts: 80,000
#    rows; LimeSurvey: 79,000 participants; form responses: 80,000 rows;
#    ambiti: every comune in 790 ambiti, the national size; ISTAT: the
#    February list merged over the May one, the real size: ISTAT codes
#    leave no room for ten times as many comuni), while lock_probe tries
#    the write lock every 2 ms: the longest wait is the longest write
#    transaction.
# 2. The largest import again while another process logs a call every
#    100 ms with `centralino call add`: the worst time a call add took,
#    and how many failed (a "busy" would be one).
# usage: scripts/lock-brief.sh [BUILD]
set -u
cd "$(dirname "$0")/.."
CN="$PWD/${1:-build}/centralino"
T=$(mktemp -d "${TMPDIR:-/tmp}/cn-lock.XXXXXX")
trap 'rm -rf "$T"' EXIT
export CENTRALINO_DB="$T/desk.db" LC_ALL=C.UTF-8 HOME="$T"
cc -O2 -o "$T/lock_probe" scripts/lock_probe.c -lsqlite3 || exit 1
"$CN" init >/dev/null 2>&1
"$CN" campaign add fam --name Famiglia --opens 2019-06-01 --deadline 2019-07-31 --respondents comune >/dev/null
"$CN" campaign add form --name Form --opens 2019-06-01 --deadline 2019-07-31 --respondents comune --codes no >/dev/null
"$CN" code generate --campaign fam --all >/dev/null
sqlite3 "$CENTRALINO_DB" "SELECT istat FROM comune WHERE suppressed_on IS NULL ORDER BY istat" > "$T/istat"

# the files
awk 'BEGIN { print "respondent,kind,value,name" }
	{ for (i = 0; i < 10; i++) printf "%s,email,ufficio%d.%s@comune.example.it,Nome %d\n", $1, i, $1, i }' \
	"$T/istat" > "$T/contacts.csv"
{
	printf '"tid","firstname","lastname","email","emailstatus","token","language","validfrom","validuntil","invited","reminded","remindercount","completed","usesleft"\n'
	sqlite3 "$CENTRALINO_DB" "SELECT code FROM access_code WHERE state = 'active'" |
		awk '{ for (i = 0; i < 10; i++) { t = i ? sprintf("X%dX%s", i, $1) : $1
			printf "\"%d\",\"\",\"\",\"a@b.it\",\"OK\",\"%s\",\"it\",\"\",\"\",\"N\",\"N\",\"0\",\"%s\",\"1\"\n", NR * 10 + i, t, (NR % 3 ? "N" : "2019-06-02 10:00") } }'
} > "$T/limesurvey.csv"
awk 'BEGIN { print "id,quando" } { for (i = 0; i < 10; i++) printf "%s,2019-06-0%d 10:00\n", $1, 1 + i % 2 }' "$T/istat" > "$T/generic.csv"
awk 'BEGIN { print "codice_ambito;denominazione;codice_istat;capofila" }
	{ a = int((NR - 1) / 10); printf "A%03d;Ambito numero %d;%s;%d\n", a, a, $1, (NR - 1) % 10 == 0 }' "$T/istat" > "$T/ambiti.csv"
echo "files: contacts $(($(wc -l < "$T/contacts.csv") - 1)) rows, limesurvey $(($(wc -l < "$T/limesurvey.csv") - 1)), generic $(($(wc -l < "$T/generic.csv") - 1)), ambiti $(($(wc -l < "$T/ambiti.csv") - 1)), istat $(($(wc -l < tests/data/comuni-2019-02-15.csv) - 1))"

ms() { date +%s%N | cut -c1-13; }
probe() { # LABEL CMD...: the importer with the probe running
	label=$1
	shift
	"$T/lock_probe" "$CENTRALINO_DB" > "$T/probe.out" &
	p=$!
	sleep 0.3
	t0=$(ms)
	"$@" >/dev/null 2>"$T/err" || { echo "$label: failed: $(head -c 300 "$T/err")"; }
	took=$(($(ms) - t0))
	sleep 0.1
	kill "$p"
	wait "$p"
	printf '%-34s %6d ms in all; %s\n' "$label" "$took" "$(cat "$T/probe.out")"
}
echo "== longest write transaction per importer (the probe's longest wait)"
probe "import contacts (80,000 rows)" "$CN" import contacts "$T/contacts.csv"
probe "status import (79,000 participants)" "$CN" status import --campaign fam "$T/limesurvey.csv"
probe "status import --generic (80,000 rows)" "$CN" status import --campaign form --generic --id-column id --time-column quando "$T/generic.csv"
probe "import ambiti (7,900 members)" "$CN" import ambiti "$T/ambiti.csv"
probe "import istat (Feb list over May)" "$CN" import istat --force tests/data/comuni-2019-02-15.csv
probe "import istat (back to May)" "$CN" import istat --force db/comuni-2019-05-15.csv

echo "== a call logged every 100 ms during the largest import"
sqlite3 "$CENTRALINO_DB" "DELETE FROM contact" 2>/dev/null
"$CN" init >/dev/null 2>&1
rm -f "$T/calls"
(
	while [ ! -e "$T/stop" ]; do
		t0=$(ms)
		if "$CN" call add --respondent 040012 --category altro --notes "durante l'import" >/dev/null 2>"$T/call.err"; then
			echo "ok $(($(ms) - t0))" >> "$T/calls"
		else
			echo "failed $(($(ms) - t0)) $(head -c 200 "$T/call.err")" >> "$T/calls"
		fi
		sleep 0.1
	done
) &
logger=$!
sleep 0.5
t0=$(ms)
"$CN" import contacts "$T/contacts.csv" >/dev/null 2>&1
echo "import contacts took $(($(ms) - t0)) ms"
touch "$T/stop"
wait "$logger"
echo "calls logged: $(grep -c '^ok' "$T/calls"), failed: $(grep -c '^failed' "$T/calls")"
echo "worst call add: $(awk '{ print $2 }' "$T/calls" | sort -n | tail -n 1) ms (median $(awk '{ print $2 }' "$T/calls" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }') ms)"
grep '^failed' "$T/calls" | head -n 3
