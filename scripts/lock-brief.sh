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
#    Also `code generate --all`, the other long write, and the dry run
#    of the contacts import.
# 2. The largest import again while another process logs a call every
#    100 ms with `centralino call add`: the worst time a call add took,
#    and how many failed (a "busy" would be one).
# Given several builds (say an older commit's, then this one), each runs
# on a database of its own, one after the other, and the figures are
# printed side by side, a column per build.
# usage: scripts/lock-brief.sh [BUILD...]      (default: build)
#   e.g. git archive OLD | tar -x -C /tmp/old && make -C /tmp/old &&
#        scripts/lock-brief.sh /tmp/old/build build
set -u
cd "$(dirname "$0")/.."
[ $# -eq 0 ] && set -- build
T=$(mktemp -d "${TMPDIR:-/tmp}/cn-lock.XXXXXX")
trap 'rm -rf "$T"' EXIT
export LC_ALL=C.UTF-8 HOME="$T"
cc -O2 -o "$T/lock_probe" scripts/lock_probe.c -lsqlite3 || exit 1
ms() { date +%s%N | cut -c1-13; }

# The files, from a database of the first build (the same for every build).
files() {
	CN=$1
	export CENTRALINO_DB="$T/files.db"
	"$CN" init >/dev/null 2>&1
	"$CN" campaign add fam --name Famiglia --opens 2019-06-01 --deadline 2019-07-31 --respondents comune >/dev/null
	"$CN" code generate --campaign fam --all >/dev/null
	sqlite3 "$CENTRALINO_DB" "SELECT istat FROM comune WHERE suppressed_on IS NULL ORDER BY istat" > "$T/istat"
	awk 'BEGIN { print "respondent,kind,value,name" }
		{ for (i = 0; i < 10; i++) printf "%s,email,ufficio%d.%s@comune.example.it,Nome %d\n", $1, i, $1, i }' \
		"$T/istat" > "$T/contacts.csv"
	awk 'BEGIN { print "id,quando" } { for (i = 0; i < 10; i++) printf "%s,2019-06-0%d 10:00\n", $1, 1 + i % 2 }' "$T/istat" > "$T/generic.csv"
	awk 'BEGIN { print "codice_ambito;denominazione;codice_istat;capofila" }
		{ a = int((NR - 1) / 10); printf "A%03d;Ambito numero %d;%s;%d\n", a, a, $1, (NR - 1) % 10 == 0 }' "$T/istat" > "$T/ambiti.csv"
	echo "files: contacts $(($(wc -l < "$T/contacts.csv") - 1)) rows, generic $(($(wc -l < "$T/generic.csv") - 1)), ambiti $(($(wc -l < "$T/ambiti.csv") - 1)), istat $(($(wc -l < tests/data/comuni-2019-02-15.csv) - 1))"
}

# The LimeSurvey file names the codes of the build's own database.
limesurvey_file() {
	printf '"tid","firstname","lastname","email","emailstatus","token","language","validfrom","validuntil","invited","reminded","remindercount","completed","usesleft"\n'
	sqlite3 "$CENTRALINO_DB" "SELECT code FROM access_code WHERE state = 'active'" |
		awk '{ for (i = 0; i < 10; i++) { t = i ? sprintf("X%dX%s", i, $1) : $1
			printf "\"%d\",\"\",\"\",\"a@b.it\",\"OK\",\"%s\",\"it\",\"\",\"\",\"N\",\"N\",\"0\",\"%s\",\"1\"\n", NR * 10 + i, t, (NR % 3 ? "N" : "2019-06-02 10:00") } }'
}

probe() { # OUT LABEL CMD...: the importer with the probe running
	out=$1
	label=$2
	shift 2
	"$T/lock_probe" "$CENTRALINO_DB" > "$T/probe.out" &
	p=$!
	sleep 0.3
	t0=$(ms)
	"$@" >/dev/null 2>"$T/err" || echo "$label: failed: $(head -c 300 "$T/err")" >&2
	took=$(($(ms) - t0))
	sleep 0.1
	kill "$p"
	wait "$p"
	printf '%s\t%s\n' "$label" "$(sed -n 's/.*longest wait \([0-9]*\) ms.*/\1/p' "$T/probe.out") ms (all: $took ms)" >> "$out"
}

# Every figure of one build into OUT, a "label<TAB>figure" line each.
measure() {
	CN=$1
	out=$2
	: > "$out"
	export CENTRALINO_DB="$T/desk-$(basename "$out").db"
	"$CN" init >/dev/null 2>&1
	"$CN" campaign add fam --name Famiglia --opens 2019-06-01 --deadline 2019-07-31 --respondents comune >/dev/null
	"$CN" campaign add form --name Form --opens 2019-06-01 --deadline 2019-07-31 --respondents comune --codes no >/dev/null
	probe "$out" "code generate --all (7,900 codes)" "$CN" code generate --campaign fam --all
	limesurvey_file > "$T/limesurvey.csv"
	probe "$out" "import contacts (80,000 rows)" "$CN" import contacts "$T/contacts.csv"
	probe "$out" "import contacts --dry-run" "$CN" import contacts --dry-run "$T/contacts.csv"
	probe "$out" "status import (79,000 participants)" "$CN" status import --campaign fam "$T/limesurvey.csv"
	probe "$out" "status import --generic (80,000)" "$CN" status import --campaign form --generic --id-column id --time-column quando "$T/generic.csv"
	probe "$out" "import ambiti (7,900 members)" "$CN" import ambiti "$T/ambiti.csv"
	probe "$out" "import istat (Feb list over May)" "$CN" import istat --force tests/data/comuni-2019-02-15.csv
	probe "$out" "import istat (back to May)" "$CN" import istat --force db/comuni-2019-05-15.csv

	# a call logged every 100 ms during the largest import, on a database
	# without those contacts
	sqlite3 "$CENTRALINO_DB" "DELETE FROM contact"
	rm -f "$T/calls" "$T/stop"
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
	took=$(($(ms) - t0))
	touch "$T/stop"
	wait "$logger"
	printf 'import contacts with calls: took\t%s ms\n' "$took" >> "$out"
	printf 'calls logged, failed\t%s, %s\n' "$(grep -c '^ok' "$T/calls")" "$(grep -c '^failed' "$T/calls")" >> "$out"
	printf 'worst call add (median)\t%s ms (%s ms)\n' "$(awk '{ print $2 }' "$T/calls" | sort -n | tail -n 1)" \
		"$(awk '{ print $2 }' "$T/calls" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')" >> "$out"
	grep '^failed' "$T/calls" | head -n 3 >&2
}

prog() { case "$1" in /*) echo "$1/centralino" ;; *) echo "$PWD/$1/centralino" ;; esac; }
files "$(prog "$1")"
n=0
for b in "$@"; do
	n=$((n + 1))
	measure "$(prog "$b")" "$T/fig$n"
done
echo "== longest write transaction per importer (the probe's longest wait), then a call every 100 ms during the contacts import"
{
	printf '%s' "measure"
	for b in "$@"; do printf '\t%s' "$b"; done
	echo
	cut -f1 "$T/fig1" | while IFS= read -r label; do
		printf '%s' "$label"
		i=0
		for b in "$@"; do
			i=$((i + 1))
			printf '\t%s' "$(grep -F "$label	" "$T/fig$i" | head -n 1 | cut -f2)"
		done
		echo
	done
} | awk -F '\t' '{ printf "%-38s", $1; for (i = 2; i <= NF; i++) printf " | %-26s", $i; print "" }'
