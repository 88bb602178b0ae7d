#!/bin/sh
# Importers read only regular files, at once and within a size limit: a
# device (/dev/zero), a FIFO without a writer, a folder, a 300 MB file and a
# symbolic link loop each get a clear message within a second or two, and
# the database is unchanged. The big file is sparse, made and removed here.
. tests/lib.sh

db=$(fresh_db bounded)
cn() { run "$CN" --db "$db" --now 2019-06-03T10:30:00 "$@"; }
cn campaign add fam --name "Famiglia" --opens 2019-06-01 --deadline 2019-07-31 --respondents comune
cn campaign add form --name "Form" --opens 2019-06-01 --deadline 2019-07-31 --respondents comune --codes no

mkfifo "$T/fifo"
mkdir "$T/folder"
ln -s "$T/loop-b" "$T/loop-a"
ln -s "$T/loop-a" "$T/loop-b"
truncate -s 300M "$T/big.csv"
before=$(db_dump "$db" | md5sum)

ms() { date +%s%N | cut -c1-13; }
try() { # LABEL FILE EXIT MESSAGE
	label=$1 file=$2 want=$3 msg=$4
	for imp in "import istat" "import ambiti" "import contacts" "status import --campaign fam" \
		"status import --campaign form --generic --id-column id"; do
		t0=$(ms)
		# shellcheck disable=SC2086
		cn $imp "$file"
		took=$(($(ms) - t0))
		check "$imp $label: exit $want" "$want" "$RC"
		check_contains "$imp $label: message" "$msg" "$ERR"
		check "$imp $label: answered within 2 s (${took} ms)" 1 "$([ "$took" -lt 2000 ] && echo 1)"
	done
}
try "/dev/zero" /dev/zero 66 "/dev/zero: not a regular file (a device): give the file itself"
try "FIFO" "$T/fifo" 66 "fifo: not a regular file (a pipe): give the file itself"
try "folder" "$T/folder" 66 "folder: not a regular file (a folder): give the file itself"
try "300 MB" "$T/big.csv" 65 "big.csv: 300 MiB, more than the"
try "symlink loop" "$T/loop-a" 66 "loop-a: Too many levels of symbolic links"
check "database unchanged" "$before" "$(db_dump "$db" | md5sum)"
rm -f "$T/big.csv"

# the limits per kind
truncate -s 33M "$T/istat.csv"
cn import istat "$T/istat.csv"
check "ISTAT over 32 MiB: refused" "centralino: $T/istat.csv: 33 MiB, more than the 32 MiB such a file may have" "$ERR"
truncate -s 17M "$T/ambiti.csv"
cn import ambiti "$T/ambiti.csv"
check_contains "ambiti over 16 MiB: refused" "more than the 16 MiB" "$ERR"
rm -f "$T/istat.csv" "$T/ambiti.csv"
check "database still unchanged" "$before" "$(db_dump "$db" | md5sum)"
