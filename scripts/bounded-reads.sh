#!/bin/sh
# Prints, for each importer given /dev/zero, a FIFO without a writer, a
# folder, a 300 MB file and a file just under its limit: the exit code, the
# time to answer and the peak memory (GNU time's maximum resident set;
# install the `time` package for it). Files are made in a temporary folder
# and removed.
# usage: scripts/bounded-reads.sh [BUILD]
set -u
cd "$(dirname "$0")/.."
CN="$PWD/${1:-build}/centralino"
T=$(mktemp -d "${TMPDIR:-/tmp}/cn-bounded.XXXXXX")
trap 'rm -rf "$T"' EXIT
export CENTRALINO_DB="$T/db" LC_ALL=C.UTF-8
"$CN" init >/dev/null 2>&1
"$CN" campaign add fam --name Famiglia --opens 2019-06-01 --deadline 2019-07-31 --respondents comune >/dev/null 2>&1
mkfifo "$T/fifo"
mkdir "$T/folder"
truncate -s 300M "$T/big.csv"
# just under the ISTAT limit (32 MiB), every byte read: a header and junk rows
{ head -n 3 db/comuni-2019-05-15.csv; yes '01;201;001;002;001002;Airasca;Airasca;;1;Nord-ovest;Piemonte;Torino;0;TO;1002;1002;1002;1002;A109;3.819;ITC;ITC1;ITC11' | head -c 33000000; } > "$T/under.csv"
ms() { date +%s%N | cut -c1-13; }
for imp in "import istat" "import ambiti" "import contacts" "status import --campaign fam"; do
	for f in /dev/zero "$T/fifo" "$T/folder" "$T/big.csv" "$T/under.csv"; do
		t0=$(ms)
		if [ -x /usr/bin/time ]; then
			# shellcheck disable=SC2086
			peak=$(/usr/bin/time -f %M "$CN" $imp "$f" 2>&1 >/dev/null | tail -n 1)
		else
			# shellcheck disable=SC2086
			"$CN" $imp "$f" >/dev/null 2>&1
			peak="?"
		fi
		printf '%-30s %-10s %5d ms  peak %s KiB\n' "$imp" "$(basename "$f")" "$(($(ms) - t0))" "$peak"
	done
done
