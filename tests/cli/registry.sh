#!/bin/sh
# The registry through the CLI, on ISTAT's real lists: counts after init,
# per region, search, show, stats, February -> May merges, the UTF-8 copy
# with a BOM, broken copies (message, exit code, database unchanged),
# renames, ambiti, usage errors.
. tests/lib.sh

MAY=$PWD/db/comuni-2019-05-15.csv
FEB=$PWD/tests/data/comuni-2019-02-15.csv
TAB=$(printf '\t')
CR=$(printf '\r')

# stat DB KEY: one value of `stats --format tsv`
stat() { "$CN" --db "$1" stats --format tsv | awk -F'\t' -v k="$2" '$1 == k {print $2}'; }
# show_field DB ISTAT KEY
show_field() { "$CN" --db "$1" show "$2" --format tsv | awk -F'\t' -v k="$3" '$1 == k {print $2}'; }
# The registry's tables, for "nothing changed" and "imports the same".
registry_dump() {
	for t in regione provincia comune comune_former_name ambito ambito_member; do
		sqlite3 "$1" "SELECT * FROM $t ORDER BY 1, 2"
	done
	sqlite3 "$1" "SELECT id, kind, name, folded, active FROM respondent ORDER BY id"
}
# A database with its staff but an empty registry (test set-up only).
empty_registry_db() {
	d=$(fresh_db "$1")
	sqlite3 "$d" "DELETE FROM respondent WHERE kind IN ('comune', 'regione');
		DELETE FROM comune_former_name; DELETE FROM ambito_member; DELETE FROM comune;
		DELETE FROM provincia; DELETE FROM regione;"
	echo "$d"
}

# ---- init loads the May 2019 list ----
db=$(fresh_db main)
check "init: comuni_active" 7914 "$(stat "$db" comuni_active)"
check "init: comuni_suppressed" 0 "$(stat "$db" comuni_suppressed)"
check "init: regions" 20 "$(stat "$db" regions)"
check "init: provinces" 107 "$(stat "$db" provinces)"
check "init: bilingual names" 124 "$(stat "$db" bilingual)"
check "init: capoluoghi" 109 "$(stat "$db" capoluoghi)"
check "init: ambiti" 0 "$(stat "$db" ambiti)"
run "$CN" --db "$db" stats --format tsv
check "stats tsv: the keys in order" "comuni_active comuni_suppressed regions provinces ambiti bilingual capoluoghi former_names" \
	"$(printf '%s\n' "$OUT" | cut -f1 | tr '\n' ' ' | sed 's/ $//')"
run "$CN" --db "$db" stats
check_contains "stats table" "7,914" "$OUT"

run "$CN" --db "$db" stats --by-region --format tsv
check "per-region counts (README of the data)" "code	regione	comuni_active
01	Piemonte	1181
02	Valle d'Aosta/Vallée d'Aoste	74
03	Lombardia	1507
04	Trentino-Alto Adige/Südtirol	291
05	Veneto	563
06	Friuli-Venezia Giulia	215
07	Liguria	234
08	Emilia-Romagna	328
09	Toscana	273
10	Umbria	92
11	Marche	228
12	Lazio	378
13	Abruzzo	305
14	Molise	136
15	Campania	550
16	Puglia	257
17	Basilicata	131
18	Calabria	404
19	Sicilia	390
20	Sardegna	377" "$(printf '%s\n' "$OUT" | cut -f1-3)"
check "per-region: provinces of Piemonte" "8" "$(printf '%s\n' "$OUT" | awk -F'\t' '$1 == "01" {print $5}')"

# ---- search ----
run "$CN" --db "$db" search forli --format tsv
check "search tsv header" "istat${TAB}name${TAB}sigla${TAB}region${TAB}status" "$(printf '%s\n' "$OUT" | head -n 1)"
check "search forli" "040012${TAB}Forlì${TAB}FC${TAB}Emilia-Romagna${TAB}active" "$(printf '%s\n' "$OUT" | sed -n 2p)"
for q in "Forli'" "FORLÌ" "forlì" "Forli\`"; do
	run "$CN" --db "$db" search "$q" --format tsv
	check "search $q finds Forlì first" "040012" "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f1)"
done
first() { "$CN" --db "$db" search "$@" --format tsv | sed -n 2p | cut -f1,2; }
check "search sant agata li" "087045${TAB}Sant'Agata li Battiati" "$(first sant agata li)"
check "search 's g pers'" "037053${TAB}San Giovanni in Persiceto" "$(first 's g pers')"
check "search bozen" "021008${TAB}Bolzano" "$(first bozen)"
check "search eppan (other-language name)" "021004${TAB}Appiano sulla strada del vino" "$(first eppan)"
check "search 001272" "001272${TAB}Torino" "$(first 001272)"
check "search L219" "001272${TAB}Torino" "$(first L219)"
check "search l219 (any case)" "001272${TAB}Torino" "$(first l219)"
check "search pr:TO moncalieri" "001156${TAB}Moncalieri" "$(first pr:TO moncalieri)"
check "search 'TO: monc'" "001156${TAB}Moncalieri" "$(first 'TO: monc')"
check "search santagata (no spaces)" "083084${TAB}Sant'Agata di Militello" "$(first santagata)"
run "$CN" --db "$db" search reggio em --format tsv --limit 0
check "search reggio em: Reggio nell'Emilia first" "035033" "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f1)"
check_not_contains "search reggio em: no Reggio di Calabria before it" "080063" "$(printf '%s\n' "$OUT" | sed -n 1,2p)"
run "$CN" --db "$db" search reggio --format tsv
check "search reggio: by population" "080063 035033" "$(printf '%s\n' "$OUT" | sed -n 2,3p | cut -f1 | tr '\n' ' ' | sed 's/ $//')"
run "$CN" --db "$db" search pr:BZ --format tsv --limit 0
check "search pr:BZ lists the province" 116 "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l | tr -d ' ')"
check "search pr:BZ: largest first" "021008" "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f1)"
run "$CN" --db "$db" search san --limit 3 --format tsv
check "search --limit 3" 4 "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')"
run "$CN" --db "$db" search san
check "search: default limit 20 (table + header)" 21 "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')"
run "$CN" --db "$db" search bolzano
check_contains "search table: bilingual name" "Bolzano/Bozen" "$OUT"
check_contains "search table: header" "ISTAT" "$(printf '%s\n' "$OUT" | head -n 1)"
run "$CN" --db "$db" search xyzzy
check "search nothing found: exit 0" 0 "$RC"
check_contains "search nothing found: says so" 'No comune matches "xyzzy"' "$OUT"
run "$CN" --db "$db" search xyzzy --format tsv
check "search nothing found tsv: header only" "istat${TAB}name${TAB}sigla${TAB}region${TAB}status" "$OUT"
run "$CN" --db "$db" search
check "search without a query: 64" 64 "$RC"
run "$CN" --db "$db" search roma --limit x
check "search --limit x: 64" 64 "$RC"
run "$CN" --db "$db" search roma --format csv
check "search --format csv: 64" 64 "$RC"
run "$CN" --db "$db" search --help
check "search --help: 0" 0 "$RC"
check_contains "search --help: province filter" "pr:TO" "$OUT"

# ---- show ----
run "$CN" --db "$db" show 001272 --format tsv
check "show 001272: exit 0" 0 "$RC"
check_contains "show: name" "name${TAB}Torino" "$OUT"
check_contains "show: sigla" "sigla${TAB}TO" "$OUT"
check_contains "show: provincia" "provincia${TAB}Torino" "$OUT"
check_contains "show: regione" "regione${TAB}Piemonte" "$OUT"
check_contains "show: ripartizione" "ripartizione${TAB}Nord-ovest" "$OUT"
check_contains "show: cadastral" "cadastral${TAB}L219" "$OUT"
check_contains "show: capoluogo" "capoluogo${TAB}1" "$OUT"
check_contains "show: population" "population${TAB}872367" "$OUT"
check_contains "show: status" "status${TAB}active" "$OUT"
check "show 1272 = show 001272" "$OUT" "$("$CN" --db "$db" show 1272 --format tsv)"
check "show: other-language name" "Bozen" "$(show_field "$db" 021008 name_other)"
check "show: Agliè keeps its accent" "Agliè" "$(show_field "$db" 001001 name)"
check "show: Števerjan (Windows-1252 in ISTAT's file)" "Števerjan" "$(show_field "$db" 031019 name_other)"
run "$CN" --db "$db" show 001272
check_contains "show table: Provincia" "Torino (TO, 001), capoluogo" "$OUT"
check_contains "show table: credit" "Fonte: ISTAT" "$OUT"
run "$CN" --db "$db" show 999999
check "show unknown: 66" 66 "$RC"
check "show unknown: message" "centralino: no comune with ISTAT code '999999'" "$ERR"
run "$CN" --db "$db" show torino
check "show not a code: 64" 64 "$RC"
run "$CN" --db "$db" show
check "show without a code: 64" 64 "$RC"

# ---- init (May) -> February -> May ----
run "$CN" --db "$db" --now 2019-06-01T10:00:00 import istat "$FEB"
check "import Feb after May: exit 0" 0 "$RC"
check "import Feb after May: summary" \
	"$FEB: 7,917 read, 6 added, 3 suppressed, 1 renamed, 1 updated, 7,909 unchanged" "$OUT"
run "$CN" --db "$db" --now 2019-06-02T10:00:00 import istat "$MAY"
check "import May again: summary" \
	"$MAY: 7,914 read, 0 added, 6 suppressed, 1 renamed, 4 updated, 7,909 unchanged" "$OUT"
check "after Feb -> May: active" 7914 "$(stat "$db" comuni_active)"
check "after Feb -> May: suppressed" 6 "$(stat "$db" comuni_suppressed)"
check "after Feb -> May: former names" 1 "$(stat "$db" former_names)"
check "Conco: suppressed" suppressed "$(show_field "$db" 024033 status)"
check "Conco: since" 2019-06-02 "$(show_field "$db" 024033 suppressed_on)"
run "$CN" --db "$db" import istat "$MAY"
check "import May a third time: unchanged" \
	"$MAY: 7,914 read, 0 added, 0 suppressed, 0 renamed, 0 updated, 7,914 unchanged" "$OUT"
check "import writes one audit row each" 3 \
	"$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE action = 'import_istat'")"

# ---- February then May on an empty registry ----
e=$(empty_registry_db empty)
run "$CN" --db "$e" --now 2019-03-01T10:00:00 import istat "$FEB"
check "empty + Feb: summary" "$FEB: 7,917 read, 7,917 added, 0 suppressed, 0 renamed, 0 updated, 0 unchanged" "$OUT"
run "$CN" --db "$e" --now 2019-05-20T10:00:00 import istat "$MAY"
check "Feb -> May: 6 suppressed, 3 added" \
	"$MAY: 7,914 read, 3 added, 6 suppressed, 1 renamed, 1 updated, 7,909 unchanged" "$OUT"
check "Feb -> May: the six" "024033 024054 024058 024059 075001 075062" \
	"$(sqlite3 "$e" "SELECT group_concat(istat, ' ') FROM (SELECT istat FROM comune WHERE suppressed_on = '2019-05-20' ORDER BY istat)")"
check "Feb -> May: the three" "024126 Colceresa|024127 Lusiana Conco|075098 Presicce-Acquarica" \
	"$(sqlite3 "$e" "SELECT group_concat(istat || ' ' || name, '|') FROM (SELECT * FROM comune WHERE added_on = '2019-05-20' ORDER BY istat)")"
run "$CN" --db "$e" search conco --format tsv
check_contains "suppressed Conco still found, marked" "024033${TAB}Conco${TAB}VI${TAB}Veneto${TAB}suppressed" "$OUT"
check_contains "Lusiana Conco found" "024127${TAB}Lusiana Conco${TAB}VI${TAB}Veneto${TAB}active" "$OUT"
check "suppressed after the active ones" "024033" "$(printf '%s\n' "$OUT" | tail -n 1 | cut -f1)"
run "$CN" --db "$e" search lusiana --format tsv
check "lusiana: the active merger first, the old comune after" "024127 024054" \
	"$(printf '%s\n' "$OUT" | tail -n +2 | cut -f1 | tr '\n' ' ' | sed 's/ $//')"
for n in "mason vicentino:024058" "molvena:024059" "acquarica del capo:075001" "presicce:075062"; do
	q=${n%:*}
	run "$CN" --db "$e" search "$q" --format tsv --limit 0
	check_contains "suppressed $q still searchable" "${n#*:}" "$OUT"
done
run "$CN" --db "$e" search conco
check_contains "search table marks suppressed" "suppressed" "$(printf '%s\n' "$OUT" | grep Conco | grep -v Lusiana)"
run "$CN" --db "$e" search negrar --format tsv
check "former name Negrar finds Negrar di Valpolicella" "023052${TAB}Negrar di Valpolicella" "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f1,2)"
run "$CN" --db "$e" search negrar
check_contains "search table: former name shown" "formerly Negrar" "$OUT"
check "show: former_name" "Negrar" "$(show_field "$e" 023052 former_name)"

# ---- the UTF-8 copy with a BOM imports exactly like the original ----
iconv -f WINDOWS-1252 -t UTF-8 "$FEB" >"$T/feb-utf8.csv"
{ printf '\357\273\277'; cat "$T/feb-utf8.csv"; } >"$T/feb-bom.csv"
iconv -f WINDOWS-1252 -t UTF-8 "$MAY" >"$T/may-utf8.csv"
{ printf '\357\273\277'; cat "$T/may-utf8.csv"; } >"$T/may-bom.csv"
a=$(empty_registry_db latin1)
b=$(empty_registry_db bom)
c=$(empty_registry_db utf8)
for f in FEB MAY; do
	eval "orig=\$$f"
	low=$(echo "$f" | tr A-Z a-z)
	run "$CN" --db "$a" --now 2019-05-20T10:00:00 import istat "$orig"
	sa=$(printf '%s\n' "$OUT" | sed 's/^[^:]*: //')
	run "$CN" --db "$b" --now 2019-05-20T10:00:00 import istat "$T/$low-bom.csv"
	sb=$(printf '%s\n' "$OUT" | sed 's/^[^:]*: //')
	run "$CN" --db "$c" --now 2019-05-20T10:00:00 import istat "$T/$low-utf8.csv"
	sc=$(printf '%s\n' "$OUT" | sed 's/^[^:]*: //')
	check "$f: BOM copy, same summary" "$sa" "$sb"
	check "$f: UTF-8 copy, same summary" "$sa" "$sc"
done
check "BOM copy: same registry" "$(registry_dump "$a")" "$(registry_dump "$b")"
check "UTF-8 copy: same registry" "$(registry_dump "$a")" "$(registry_dump "$c")"
check "BOM copy: same stats" "$("$CN" --db "$a" stats --format tsv)" "$("$CN" --db "$b" stats --format tsv)"

# ---- broken copies: message, exit code, nothing changed ----
before=$(db_dump "$db")
# broken NAME FILE CODE MESSAGE
broken() {
	run "$CN" --db "$db" import istat "$2"
	check "$1: exit $3" "$3" "$RC"
	check "$1: message" "centralino: $4" "$ERR"
	check "$1: database unchanged" "$before" "$(db_dump "$db")"
}
{ head -n 99 "$MAY"; sed -n 100p "$MAY" | cut -d';' -f1-10; } >"$T/truncated.csv"
broken "truncated row" "$T/truncated.csv" 65 "$T/truncated.csv:100: columns: 10 fields where the header has 23"
sed "500s/$CR\$/;extra$CR/" "$MAY" >"$T/extra.csv"
broken "extra column" "$T/extra.csv" 65 "$T/extra.csv:500: columns: 24 fields where the header has 23"
sed '1234s/;/;\xff/' "$T/may-utf8.csv" >"$T/badbyte-utf8.csv"
broken "invalid byte in a UTF-8 copy" "$T/badbyte-utf8.csv" 65 \
	"$T/badbyte-utf8.csv:1234: encoding: invalid UTF-8 byte 0xFF in a file that is otherwise UTF-8"
sed '2000s/;/;\xff/' "$T/may-bom.csv" >"$T/badbyte-bom.csv"
broken "invalid byte in a copy with BOM" "$T/badbyte-bom.csv" 65 \
	"$T/badbyte-bom.csv:2000: encoding: invalid UTF-8 byte 0xFF in a file marked UTF-8 (BOM)"
sed '777s/;/;\x81/' "$MAY" >"$T/badbyte-latin1.csv"
broken "byte Latin-1 does not have" "$T/badbyte-latin1.csv" 65 \
	"$T/badbyte-latin1.csv:777: encoding: byte 0x81 is neither UTF-8 nor Latin-1 text"
sed '50s/;/;\x00/' "$MAY" >"$T/nul.csv"
broken "NUL byte" "$T/nul.csv" 65 "$T/nul.csv:50: encoding: NUL byte in the file (not a text file?)"
: >"$T/empty.csv"
broken "empty file" "$T/empty.csv" 65 "$T/empty.csv:1: header: the file is empty"
head -n 3 "$MAY" >"$T/header-only.csv"
broken "header only" "$T/header-only.csv" 65 "$T/header-only.csv:1: rows: no comuni after the header"
broken "missing file" "$T/nowhere.csv" 66 "$T/nowhere.csv: No such file or directory"
broken "a folder" "$T" 66 "$T: not a regular file (a folder): give the file itself"
{ head -n 20 "$MAY"; sed -n 10p "$MAY"; } >"$T/dup.csv"
broken "duplicate ISTAT code" "$T/dup.csv" 65 "$T/dup.csv:21: codice comune: 001008 already on line 10"
sed '42s/;[0-9.]* *;ITC/;12a;ITC/' "$MAY" >"$T/pop.csv"
broken "population not a number" "$T/pop.csv" 65 "$T/pop.csv:42: popolazione legale: '12a' is not a number"
sed '60s/;TO;/;T1;/' "$MAY" >"$T/sigla.csv"
broken "bad car-plate code" "$T/sigla.csv" 65 "$T/sigla.csv:60: sigla automobilistica: 'T1' is not a 2-letter car-plate code"
sed '4s/;001001;/;01001;/' "$MAY" >"$T/code.csv"
broken "5-digit ISTAT code" "$T/code.csv" 65 "$T/code.csv:4: codice comune: '01001' is not a 6-digit ISTAT code"
tail -n +4 "$MAY" >"$T/no-header.csv"
broken "no header" "$T/no-header.csv" 65 \
	"$T/no-header.csv:1: header: no column \"Codice Regione\": this is not ISTAT's list of comuni (Elenco dei comuni italiani)"
sqlite3 "$db" "INSERT INTO staff (login, name, role, active, created_at) VALUES ('op', 'Operatrice', 'operatore', 1, '2019-01-01T00:00:00Z')"
before=$(db_dump "$db")
run env CENTRALINO_USER=op "$CN" --db "$db" import istat "$MAY"
check "operatore may not import: 77" 77 "$RC"
check "operatore may not import: message" "centralino: op (operatore) may not import the ISTAT list" "$ERR"
check "operatore may not import: unchanged" "$before" "$(db_dump "$db")"
run env CENTRALINO_USER=op "$CN" --db "$db" search forli --format tsv
check "operatore may search" "040012" "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f1)"

# ---- a renamed comune ----
sed 's/;Airasca;Airasca;/;Airasca Nuova;Airasca Nuova;/' "$T/may-utf8.csv" >"$T/renamed.csv"
r=$(fresh_db renamed)
run "$CN" --db "$r" import istat "$T/renamed.csv"
check "rename: summary" "$T/renamed.csv: 7,914 read, 0 added, 0 suppressed, 1 renamed, 0 updated, 7,913 unchanged" "$OUT"
run "$CN" --db "$r" search airasca --format tsv
check "rename: the old name finds it" "001002${TAB}Airasca Nuova" "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f1,2)"
check "rename: former name kept" "Airasca" "$(show_field "$r" 001002 former_name)"
run "$CN" --db "$r" import istat "$MAY"
check "renamed back: summary" "$MAY: 7,914 read, 0 added, 0 suppressed, 1 renamed, 0 updated, 7,913 unchanged" "$OUT"
check "renamed back: former names" "Airasca Nuova" "$(show_field "$r" 001002 former_name)"

# ---- ambiti ----
run "$CN" --db "$e" import ambiti tests/data/ambiti-sample.csv
check "ambiti: exit 0" 0 "$RC"
check "ambiti: summary" "tests/data/ambiti-sample.csv: 6 rows read, 1 ambiti (1 added, 0 updated, 0 unchanged), 6 member comuni" "$OUT"
check "ambiti: stats" 1 "$(stat "$e" ambiti)"
run "$CN" --db "$e" show 001214 --format tsv
check_contains "ambiti: Rivalta's ambito" "ambito_code${TAB}CIDIS" "$OUT"
check_contains "ambiti: Rivalta is not capofila" "capofila${TAB}0" "$OUT"
check_contains "ambiti: its capofila" "capofila_name${TAB}Orbassano" "$OUT"
check "ambiti: Orbassano is capofila" 1 "$(show_field "$e" 001171 capofila)"
run "$CN" --db "$e" show 001171
check_contains "ambiti: show table" "CIdiS - Consorzio intercomunale di servizi (CIDIS)" "$OUT"
before=$(db_dump "$e")
abroken() {
	printf "$2" >"$T/amb.csv"
	run "$CN" --db "$e" import ambiti "$T/amb.csv"
	check "ambiti $1: exit $3" "$3" "$RC"
	check "ambiti $1: message" "centralino: $T/amb.csv:$4" "$ERR"
	check "ambiti $1: unchanged" "$before" "$(db_dump "$e")"
}
H='codice_ambito;denominazione;codice_istat;capofila\n'
abroken "two capofila" "${H}X;Ics;001001;1\nX;Ics;001002;1\n" 65 "3: capofila: ambito X already has its capofila on line 2"
abroken "no capofila" "${H}X;Ics;001001;0\nX;Ics;001002;0\n" 65 "2: capofila: ambito X has no capofila (one member must have 1)"
abroken "unknown code" "${H}X;Ics;001001;1\nX;Ics;123456;0\n" 65 "3: codice_istat: no comune with ISTAT code 123456"
abroken "comune in two ambiti" "${H}X;Ics;001001;1\nY;Ipsilon;001001;1\n" 65 "3: codice_istat: 001001 is already on line 2 (ambito X)"
abroken "comune of another ambito" "${H}X;Ics;001024;1\n" 65 "2: codice_istat: 001024 (Beinasco) belongs to ambito CIDIS, which is not in this file"
abroken "suppressed comune" "${H}X;Ics;024033;1\n" 65 "2: codice_istat: 024033 (Conco) was suppressed on 2019-05-20"
abroken "wrong header" "ambito,nome,istat,capofila\nX,Ics,001001,1\n" 65 '1: header: expected "codice_ambito;denominazione;codice_istat;capofila"'
run "$CN" --db "$e" import ambiti "$T/none.csv"
check "ambiti missing file: 66" 66 "$RC"
check "ambiti missing file: message" "centralino: $T/none.csv: No such file or directory" "$ERR"
printf 'codice_ambito,denominazione,codice_istat,capofila\r\nCIDIS,CIdiS,1171,1\r\nCIDIS,CIdiS,1024,0\r\n' >"$T/amb2.csv"
run "$CN" --db "$e" import ambiti "$T/amb2.csv"
check "ambiti with ',' and lost leading zeros" "$T/amb2.csv: 2 rows read, 1 ambiti (0 added, 1 updated, 0 unchanged), 2 member comuni" "$OUT"
check "ambiti: the file replaced the members" "" "$(show_field "$e" 001214 ambito_code)"

# ---- import usage ----
run "$CN" --db "$db" import
check "import without kind: 64" 64 "$RC"
run "$CN" --db "$db" import bananas x.csv
check "import unknown kind: 64" 64 "$RC"
run "$CN" --db "$db" import istat
check "import istat without file: 64" 64 "$RC"
run "$CN" --db "$db" import istat a b
check "import istat two files: 64" 64 "$RC"
run "$CN" --db "$db" import --help
check "import --help: 0" 0 "$RC"
check_contains "import --help: ambiti header" "codice_ambito;denominazione;codice_istat;capofila" "$OUT"
run "$CN" --db "$db" stats --help
check "stats --help: 0" 0 "$RC"
run "$CN" --db "$db" show --help
check "show --help: 0" 0 "$RC"

# ---- a list cut at a line boundary (truncated download) suppresses nothing ----
db=$(fresh_db cut)
head -n 4000 "$MAY" > "$T/cut.csv"
before=$(db_dump "$db")
run "$CN" --db "$db" import istat "$T/cut.csv"
check "truncated list: refused with 65" 65 "$RC"
check "truncated list: says why" "centralino: $T/cut.csv: this list lacks 3,917 of the 7,914 active comuni: a truncated download or the wrong file? Nothing changed; if those comuni really are gone, import it again with --force" "$ERR"
check "truncated list: database unchanged" "$before" "$(db_dump "$db")"
run "$CN" --db "$db" import istat --force "$T/cut.csv"
check "truncated list --force: exit 0" 0 "$RC"
check_contains "truncated list --force: suppressed" "3,917 suppressed" "$OUT"
check "truncated list --force: active left" "3997" "$(sqlite3 "$db" "SELECT count(*) FROM comune WHERE suppressed_on IS NULL")"
run "$CN" --db "$db" import ambiti --force tests/data/ambiti-sample.csv
check "import ambiti --force: not an option (64)" 64 "$RC"
