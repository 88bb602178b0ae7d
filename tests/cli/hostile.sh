#!/bin/sh
# Hostile text: every free-text field of every command and importer given
# ESC/OSC, CR, backspace, NUL, C1, U+202E, U+200B and 100 KB is refused
# (exit 65, nothing changed) or stored clean; then control characters put
# into the database behind the program's back (older rows) reach no output
# raw: every read path is grepped byte by byte.
. tests/lib.sh

db=$(fresh_db hostile)
cn() { run "$CN" --db "$db" --now 2019-06-03T10:30:00 "$@"; }

cn staff add op --name "Olga Operatrice" --role operatore
cn campaign add fam --name "Famiglia" --opens 2019-06-01 --deadline 2019-07-31 --respondents comune,ambito
cn code issue --campaign fam 040012 --caller "Mario Rossi" --office "Servizi sociali" --phone "0543 712111" \
	--verified richiamata_centralino
cn extension grant --campaign fam 040012 --until 2019-08-31 --reason "ok"
cn contact add 040012 --kind referente --value "Anna Bianchi"
code=$(q "SELECT code FROM access_code WHERE state = 'active' LIMIT 1")

ESC=$(printf 'A\033]0;pwn\007\033[2JB')
BS=$(printf 'ab\010c')
C1=$(printf 'a\302\233c')
RLO=$(printf 'a\342\200\256c')
ZW=$(printf 'a\342\200\213c')
BIG=$(head -c 102400 /dev/zero | tr '\0' x)

# A byte that must never be stored nor printed: C0 but tab and line feed,
# DEL, C1, bidi controls, zero-width characters.
raw_ctrl() { LC_ALL=C grep -caP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8b-\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$1"; }

# field NAME 'ARGS' (@ in an argument stands for the payload): each hostile
# payload is refused with 65, the database unchanged, the message clean.
field() {
	name=$1 tmpl=$2
	for p in ESC BS C1 RLO ZW BIG; do
		eval "v=\$$p"
		eval "set -- $tmpl"
		k=$#
		while [ "$k" -gt 0 ]; do
			a=$1
			shift
			case $a in *@*) a="${a%%@*}$v${a#*@}" ;; esac
			set -- "$@" "$a"
			k=$((k - 1))
		done
		before=$(audit_n) # every change writes one audit row
		cn "$@"
		if [ "$RC" = 65 ] && [ "$(audit_n)" = "$before" ]; then
			ok "$name $p: refused, nothing changed"
		else
			not_ok "$name $p: refused, nothing changed" "exit $RC" "$ERR"
		fi
		printf '%s' "$ERR" > "$T/err"
		check "$name $p: message shows no raw control" 0 "$(raw_ctrl "$T/err")"
	done
}

field "call add --caller" 'call add --respondent 040012 --caller @'
field "call add --office" 'call add --respondent 040012 --office @'
field "call add --notes" 'call add --respondent 040012 --notes @'
field "call add --outcome" 'call add --respondent 040012 --outcome @'
field "call add --email" 'call add --respondent 040012 --email @'
field "call category add --label" 'call category add nuova --label @'
field "code issue --caller" 'code issue --campaign fam 001272 --caller @ --office Uff --phone 0111234567 --verified richiamata_centralino'
field "code issue --office" 'code issue --campaign fam 001272 --caller Mario --office @ --phone 0111234567 --verified richiamata_centralino'
field "code issue --verified altro:" 'code issue --campaign fam 001272 --caller Mario --office Uff --phone 0111234567 --verified altro:@'
field "code issue --reissue --reason" 'code issue --campaign fam 040012 --caller Mario --office Uff --phone 0111234567 --verified referente_noto --reissue --reason @'
field "code revoke --reason" "code revoke $code --reason @"
field "campaign add --name" 'campaign add nuova --name @ --opens 2019-06-01 --deadline 2019-07-31 --respondents comune'
field "campaign set --name" 'campaign set fam --name @'
field "staff add --name" 'staff add nuovo --name @ --role assistenza'
field "contact add --value" 'contact add 040012 --kind referente --value @'
field "contact add --name" 'contact add 040012 --kind ufficio --value Uff --name @'
field "contact add --office" 'contact add 040012 --kind ufficio --value Uff --office @'
field "contact add --source" 'contact add 040012 --kind ufficio --value Uff --source @'
field "contact remove --reason" 'contact remove 1 --reason @'
field "extension grant --reason" 'extension grant --campaign fam 001272 --until 2019-08-31 --reason @'
field "extension revoke --reason" 'extension revoke --campaign fam 040012 --reason @'
field "status set --reason" 'status set --campaign fam 001272 esonerato --reason @'

# CR (and a CRLF) in a one-line field: stored clean, as one space.
cn call add --respondent 040012 --caller "$(printf 'Mario\rRoot\r\nX')" --notes "$(printf 'uno\r\ndue')"
check "call add: CR stored clean" "Mario Root X|uno
due" "$(q "SELECT caller_name, notes FROM call ORDER BY rowid DESC LIMIT 1")"

# NUL: on standard input, and in every importer.
before=$(db_dump "$db" | md5sum)
printf 'uno\0due' > "$T/nul.txt"
cn call add --respondent 040012 --notes - < "$T/nul.txt"
check "--notes - with NUL: exit 65" 65 "$RC"
check "--notes - with NUL: message" "centralino: --notes -: a NUL byte on standard input (not text?)" "$ERR"
check "--notes - with NUL: nothing changed" "$before" "$(db_dump "$db" | md5sum)"

# Importers: a hostile name in each is refused with FILE:LINE: column.
imp() { # NAME EXPECTED-MESSAGE-PART CMD...
	name=$1 want=$2
	shift 2
	before=$(db_dump "$db" | md5sum)
	cn "$@"
	check "$name: exit 65" 65 "$RC"
	check_contains "$name: message" "$want" "$ERR"
	check "$name: nothing changed" "$before" "$(db_dump "$db" | md5sum)"
	printf '%s' "$ERR" > "$T/err"
	check "$name: message shows no raw control" 0 "$(raw_ctrl "$T/err")"
}
LC_ALL=C sed "5s/;Airasca;Airasca;/;Airasca;Aira$(printf '\033')[2Jsca;/" tests/data/comuni-2019-02-15.csv > "$T/istat-esc.csv"
imp "import istat ESC in a name" "istat-esc.csv:" import istat "$T/istat-esc.csv"
check_contains "import istat ESC: escaped in the message" '\x1b' "$ERR"
printf 'codice_ambito;denominazione;codice_istat;capofila\nA1;Ambito\342\200\256 uno;001272;1\n' > "$T/amb-rlo.csv"
imp "import ambiti U+202E in a name" "amb-rlo.csv:2: denominazione: contains the invisible or formatting character U+202E" \
	import ambiti "$T/amb-rlo.csv"
printf 'codice_ambito;denominazione;codice_istat;capofila\nA1;Ambito\302\233 uno;001272;1\n' > "$T/amb-c1.csv"
imp "import ambiti C1 in a name" "amb-c1.csv:2: denominazione: contains the control character U+009B" \
	import ambiti "$T/amb-c1.csv"
printf 'respondent,kind,value,name\n040012,referente,Anna\010Bianchi,\n' > "$T/contacts-bs.csv"
imp "import contacts backspace in a value" "contacts-bs.csv:2: value:" import contacts "$T/contacts-bs.csv"
printf 'respondent,kind,value,name\n040012,referente,Anna Bianchi,Anna\342\200\213B\n' > "$T/contacts-zw.csv"
imp "import contacts U+200B in a name" "contacts-zw.csv:2: name:" import contacts "$T/contacts-zw.csv"

check "database: no raw control character stored" 0 "$(db_dump "$db" > "$T/dump"; raw_ctrl "$T/dump")"

# ---- read paths: rows written behind the program's back ----
E=$(printf '\033]0;pwn\007\033[2J')
CR=$(printf '\r')
q "UPDATE comune SET name = 'Forl$E${CR}ì' WHERE istat = '040012';
   UPDATE respondent SET name = 'Forl$E${CR}ì' WHERE id = '040012';
   UPDATE campaign SET name = 'Fam$E' WHERE key = 'fam';
   UPDATE staff SET name = 'Olga$(printf '\r')tester' WHERE login = 'op';
   UPDATE call SET caller_name = 'Mario$E', notes = 'n$(printf '\342\200\256')x', outcome = 'o$(printf '\302\233')' ;
   UPDATE access_code SET caller_name = 'C$E', caller_office = 'O$(printf '\010')', verified = 'altro:$E';
   UPDATE extension SET reason = 'r$E';
   UPDATE contact SET value = 'Anna$E';
   UPDATE campaign_respondent SET status_reason = 's$E';"
# The audit log is append-only: a detail with ESC comes in through a file name.
cp tests/data/ambiti-sample.csv "$T/amb$(printf '\033')[2J.csv"
cn import ambiti "$T/amb$(printf '\033')[2J.csv"
check "import with ESC in the file name: exit 0" 0 "$RC"
callid=$(q "SELECT id FROM call LIMIT 1")
n=0
while IFS= read -r line; do
	[ -n "$line" ] || continue
	eval "set -- $line"
	"$CN" --db "$db" --now 2019-06-03T10:30:00 "$@" > "$T/read.out" 2>&1
	n=$((n + 1))
	check "read $line: no raw control" 0 "$(raw_ctrl "$T/read.out")"
done <<EOF
search forl
search forl --format tsv
show 040012
show 040012 --format tsv
staff list
staff list --format tsv
audit --limit 0
audit --limit 0 --format tsv
call list
call list --format tsv
call list --format csv
call show $callid
call show $callid --format tsv
campaign list
campaign show fam
code reveal --campaign fam 040012
code find $code
code list --campaign fam --reveal
code list --campaign fam --format tsv --reveal
code list --campaign fam --format csv --reveal
code export --campaign fam --format limesurvey
status show --campaign fam 040012
extension list --campaign fam --all
extension list --campaign fam --all --format csv
report progress --campaign fam --by comune
report progress --campaign fam --by comune --format tsv
report reminders --campaign fam
report reminders --campaign fam --format csv
report daily --campaign fam
export map --campaign fam
export map --campaign fam --format tsv
contact list 040012 --all
forl$(printf '\033')[2J
EOF
check "read paths tried" 33 "$n"
"$CN" --db "$db" show 040012 > "$T/read.out"
check_contains "show: ESC shown escaped, CR as a space" 'Forl\x1b]0;pwn\x07\x1b[2J ì' "$(cat "$T/read.out")"
