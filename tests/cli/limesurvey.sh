#!/bin/sh
# LimeSurvey round trip: `code export --format limesurvey` as LimeSurvey's
# participant import wants it, then a participant export written the way
# LimeSurvey writes it (BOM, header with " attribute_N <desc>", every value
# quoted, completed N/Y/Q/time) read back by `status import`: statuses,
# times, unknown tokens, idempotence, malformed files, roles, audit.
. tests/lib.sh

db=$(fresh_db limesurvey)
cn() { run "$CN" --db "$db" --now 2019-06-03T10:30:00 "$@"; }
st() { q "SELECT status || '|' || ifnull(submitted_at, '-') || '|' || screened_out || '|' || ifnull(status_source, '-')
          FROM campaign_respondent cr JOIN campaign c ON c.id = cr.campaign_id WHERE c.key = '${2:-famiglia-2019}' AND respondent_id = '$1'"; }

cn staff add op --name "Olga Operatrice" --role operatore
cn staff add sup --name "Sara Supervisora" --role supervisore
# An ambito whose name has quotes, a comma and an accent: it must survive.
printf 'codice_ambito;denominazione;codice_istat;capofila\nRUB;"Distretto ""Rubicone"", Costa è Valle";040012;1\nRUB;"Distretto ""Rubicone"", Costa è Valle";040003;0\n' >"$T/ambiti.csv"
cn import ambiti "$T/ambiti.csv"
check "setup: ambito imported" 0 "$RC"
cn campaign add famiglia-2019 --name "Famiglia" --opens 2019-06-01 --deadline 2019-07-31 --respondents comune,ambito
cn campaign add altra --name "Altra" --opens 2019-06-01 --deadline 2019-07-31 --respondents comune
issue() { # CAMPAIGN RESPONDENT
	cn --user op code issue --campaign "$1" "$2" --caller "Mario Rossi" --office "Servizi sociali" \
		--phone "0543 712111" --verified richiamata_centralino
}
issue famiglia-2019 040012          # Forlì: told by phone
issue famiglia-2019 AMB:RUB         # the ambito
issue famiglia-2019 001272          # Torino: told, will be screened out
issue altra 040012                  # a code of another campaign
cn --user sup code generate --campaign famiglia-2019 --all
cn contact add 040012 --kind email --value "Sociali@Comune.Forli.FC.it"
cn contact add 040012 --kind pec --value "comune.forli@pec.comune.forli.fc.it"
cn contact add 040003 --kind pec --value "protocollo@pec.comune.bertinoro.fc.it"
code() { q "SELECT a.code FROM access_code a JOIN campaign c ON c.id = a.campaign_id WHERE c.key = '${2:-famiglia-2019}' AND a.respondent_id = '$1' AND a.state = 'active'"; }

# ---- export ----
n=$(audit_n)
cn --user op code export --campaign famiglia-2019 --format limesurvey
check "operatore may not export: exit 77" 77 "$RC"
run "$CN" --db "$db" --now 2019-06-03T10:30:00 --user sup code export --campaign famiglia-2019 --format limesurvey
printf '%s\n' "$OUT" >"$T/participants.csv"
check "export: exit 0" 0 "$RC"
check "export: header, lower-case, quoted" '"firstname","lastname","email","token","language","validfrom","validuntil","usesleft","attribute_1","attribute_2","attribute_3","attribute_4","attribute_5"' "$(sed -n 1p "$T/participants.csv")"
check "export: one row per active code" 7916 "$(wc -l <"$T/participants.csv")"
check "export: no BOM, no CR" "0|0" "$(head -c 3 "$T/participants.csv" | grep -c "$(printf '\357\273\277')")|$(grep -c "$(printf '\r')" "$T/participants.csv")"
check "export: Forlì's row (e-mail preferred to PEC, lower-cased)" "\"Comune di\",\"Forlì\",\"sociali@comune.forli.fc.it\",\"$(code 040012)\",\"it\",\"2019-06-01 00:00\",\"2019-07-31 23:59\",\"1\",\"040012\",\"Forlì\",\"Forlì-Cesena\",\"Emilia-Romagna\",\"Distretto \"\"Rubicone\"\", Costa è Valle\"" \
	"$(grep '"040012"' "$T/participants.csv")"
check "export: Bertinoro falls back to its PEC" 1 "$(grep -c '"protocollo@pec.comune.bertinoro.fc.it","[2-9A-Z]*","it"' "$T/participants.csv")"
check "export: every field quoted (13 per row)" 0 "$(grep -Evc '^"([^"]|"")*"(,"([^"]|"")*"){12}$' "$T/participants.csv")"
# read it back with a real CSV parser: names with quotes and commas survive
sqlite3 "$T/parse.db" ".import --csv $T/participants.csv p"
check "export parses: the ambito's name intact" "Ambito|Distretto \"Rubicone\", Costa è Valle|AMB:RUB|Emilia-Romagna" \
	"$(sqlite3 "$T/parse.db" "SELECT firstname, lastname, attribute_1, attribute_4 FROM p WHERE attribute_1 = 'AMB:RUB'")"
check "export parses: tokens are the active codes" "7915|7915" \
	"$(sqlite3 "$T/parse.db" "SELECT count(*), count(DISTINCT token) FROM p")"
check_contains "export: warns about rows without e-mail" "7,913 of 7,915 participants have no e-mail address; LimeSurvey skips them unless \"Filter blank email addresses\" is turned off in its import dialog:" "$ERR"
check_contains "export: lists them" "  001001 Agliè" "$ERR"
check_not_contains "export: Forlì has an address" "040012 Forlì" "$ERR"
check "export: audited" "$((n + 1))|sup|code.export|campaign|famiglia-2019|{\"campaign\":\"famiglia-2019\",\"format\":\"limesurvey\",\"rows\":7915,\"without_email\":7913}" "$(audit_n)|$(last_audit)"
cn --user sup code export --campaign famiglia-2019 --format csv
check "export other format: exit 64" 64 "$RC"
# --output: the same bytes, in a file only its owner reads, even when it
# existed readable by others; never through a symbolic link
n=$(audit_n)
printf 'old\n' >"$T/out.csv"
chmod 644 "$T/out.csv"
cn --user sup code export --campaign famiglia-2019 --format limesurvey --output "$T/out.csv"
check "export --output: exit 0, nothing on stdout" "0|" "$RC|$OUT"
check "export --output: the same bytes as on stdout" "$(md5sum <"$T/participants.csv")" "$(md5sum <"$T/out.csv")"
check "export --output: mode 0600" 600 "$(stat -c %a "$T/out.csv")"
check "export --output: audited" "$((n + 1))|code.export" "$(audit_n)|$(q "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1")"
rm -f "$T/new.csv"
(umask 022 && run "$CN" --db "$db" --now 2019-06-03T10:30:00 --user sup code export --campaign famiglia-2019 --format limesurvey --output "$T/new.csv")
check "export --output new file under umask 022: mode 0600" 600 "$(stat -c %a "$T/new.csv")"
printf 'kept\n' >"$T/target"
ln -s "$T/target" "$T/link.csv"
cn --user sup code export --campaign famiglia-2019 --format limesurvey --output "$T/link.csv"
check "export --output through a symbolic link: exit 73" 73 "$RC"
check "export --output through a symbolic link: says why" "centralino: $T/link.csv: a symbolic link: nothing is written through a link, give the file itself" "$ERR"
check "export --output through a symbolic link: target untouched" "kept" "$(cat "$T/target")"
cn --user sup code export --campaign famiglia-2019 --format limesurvey --output "$T"
check "export --output a folder: exit 73" 73 "$RC"

# ---- a participant export as LimeSurvey writes it ----
# completed: Forlì a time, the ambito Y, Torino Q, Agliè N + invited (LimeSurvey
# e-mailed its batch code), Airasca N not invited, a token from another
# campaign, one unknown, one blank.
lsfile="$T/tokens_857929.csv"
{
	printf '\357\273\277'
	printf 'tid,firstname,lastname,email,emailstatus,token,language,validfrom,validuntil,invited,reminded,remindercount,completed,usesleft, attribute_1 <Codice>, attribute_2 <Denominazione>\n'
	sqlite3 "$T/parse.db" "SELECT printf('\"%d\",\"%s\",\"%s\",\"%s\",\"OK\",\"%s\",\"it\",\"%s\",\"%s\",\"%s\",\"N\",\"0\",\"%s\",\"%s\",\"%s\",\"%s\"',
		rowid, replace(firstname, '\"', '\"\"'), replace(lastname, '\"', '\"\"'), email, token, validfrom, validuntil,
		CASE attribute_1 WHEN '001001' THEN '2019-06-02 09:00' ELSE 'N' END,
		CASE attribute_1 WHEN '040012' THEN '2019-06-02 11:45' WHEN 'AMB:RUB' THEN 'Y' WHEN '001272' THEN 'Q' ELSE 'N' END,
		CASE attribute_1 WHEN '040012' THEN '0' WHEN 'AMB:RUB' THEN '0' ELSE '1' END,
		attribute_1, replace(attribute_2, '\"', '\"\"'))
		FROM p WHERE attribute_1 IN ('040012', 'AMB:RUB', '001272', '001001', '001002') ORDER BY rowid"
	printf '"9001","Comune di","Forlì","","OK","%s","it","","","N","N","0","2019-06-02 10:00","0","040012","Forlì"\n' "$(code 040012 altra)"
	printf '"9002","Ignoto","Ignoto","","OK","ZZZZ9999ZZZZ2","it","","","N","N","0","Y","0","",""\n'
	printf '"9003","Senza","Token","","OK","","it","","","N","N","0","N","1","",""\n'
} >"$lsfile"
check "fixture: 8 participants + header" 9 "$(wc -l <"$lsfile")"

cn --user op status import --campaign famiglia-2019 "$lsfile"
check "operatore may not import: exit 77" 77 "$RC"
# the dry run first: what the import below then does, by name, and nothing changed
before=$(db_dump "$db")
files=$(cat "$db" "$db-wal" 2>/dev/null | md5sum)
cn --user sup status import --campaign famiglia-2019 --dry-run "$lsfile"
check "dry run: exit 0" 0 "$RC"
DRY=$OUT
DRYERR=$ERR
check "dry run: the database's content unchanged" "$before" "$(db_dump "$db")"
check "dry run: the database files byte-identical" "$files" "$(cat "$db" "$db-wal" 2>/dev/null | md5sum)"
check "dry run: who changes, by name" 'become inviato (2):
  040012 Forlì (was codice_emesso)
  AMB:RUB Distretto "Rubicone", Costa è Valle (was codice_emesso)
become screened out (1):
  001272 Torino (was codice_emesso)
become codice_emesso (1):
  001001 Agliè (was nessun_codice)
dry run: nothing changed' "$(printf '%s\n' "$DRY" | sed 1d)"
n=$(audit_n)
cn --user sup status import --campaign famiglia-2019 "$lsfile"
check "import: exit 0" 0 "$RC"
check "dry run: the same summary line as the import" "$OUT" "$(printf '%s\n' "$DRY" | sed -n 1p)"
check "dry run: the same unknown tokens as the import" "$ERR" "$DRYERR"
check "import: summary line" "$lsfile: 8 participants: 2 newly submitted, 0 submission times, 1 screened out, 1 codes issued, 1 unchanged, 0 kept (set by hand), 2 unknown tokens, 1 without token" "$OUT"
check "import: unknown tokens listed with their lines" "centralino: $lsfile:7: token $(code 040012 altra) is unknown here (a code of campaign altra)
centralino: $lsfile:8: token ZZZZ9999ZZZZ2 is unknown here (not a code given by the desk)" "$ERR"
check "Forlì: inviato at LimeSurvey's time (11:45 Rome = 09:45Z)" "inviato|2019-06-02T09:45:00Z|0|limesurvey" "$(st 040012)"
check "ambito (quotes, comma, accent): inviato (Y: no time given)" "inviato|2019-06-03T08:30:00Z|0|limesurvey" "$(st AMB:RUB)"
check "Torino: screened out, kept apart" "codice_emesso|-|1|limesurvey" "$(st 001272)"
check "Agliè: batch code e-mailed by LimeSurvey: codice_emesso" "codice_emesso|-|0|limesurvey" "$(st 001001)"
check "Airasca: batch code never sent: still nessun_codice" "nessun_codice|-|0|-" "$(st 001002)"
check "other campaign untouched" "codice_emesso|-|0|codice" "$(st 040012 altra)"
check "import: one audit row" "$((n + 1))|sup|status.import|campaign|famiglia-2019|{\"campaign\":\"famiglia-2019\",\"file\":\"tokens_857929.csv\",\"rows\":8,\"submitted\":2,\"screened\":1,\"issued\":1,\"unknown\":2}" "$(audit_n)|$(last_audit)"

# the same file again changes nothing at all
before=$(db_dump "$db")
cn --user sup status import --campaign famiglia-2019 "$lsfile"
check "re-import: exit 0" 0 "$RC"
check "re-import: summary" "$lsfile: 8 participants: 0 newly submitted, 0 submission times, 0 screened out, 0 codes issued, 5 unchanged, 0 kept (set by hand), 2 unknown tokens, 1 without token" "$OUT"
db_dump "$db" >"$T/after.sql"
check "re-import: database byte for byte the same" "" "$(printf '%s\n' "$before" | diff - "$T/after.sql")"

# a later export with the ambito's time: the stand-in time is replaced
sed 's/"0","Y","0","AMB:RUB"/"0","2019-06-03 08:00","0","AMB:RUB"/' "$lsfile" >"$T/later.csv"
cn --user sup status import --campaign famiglia-2019 "$T/later.csv"
check "later export: the real time replaces the stand-in" "inviato|2019-06-03T06:00:00Z|0|limesurvey" "$(st AMB:RUB)"
check_contains "later export: counted" "0 newly submitted, 1 submission times" "$OUT"

# a decision made by a person stands (except a submission)
q "UPDATE campaign_respondent SET status = 'esonerato', status_source = 'manuale', status_reason = 'commissariato' WHERE respondent_id = '001001'"
cn --user sup status import --campaign famiglia-2019 "$lsfile"
check "esonerato by hand: kept" "esonerato|-|0|manuale" "$(st 001001)"
check_contains "esonerato by hand: counted as kept" "1 kept (set by hand)" "$OUT"
sed 's/"2019-06-02 09:00","N","0","N","1","001001"/"2019-06-02 09:00","N","0","2019-06-03 09:00","0","001001"/' "$lsfile" >"$T/sub.csv"
cn --user sup status import --campaign famiglia-2019 "$T/sub.csv"
# completion times LimeSurvey cannot have written: refused, nothing changed
before=$(db_dump "$db")
sed 's/"2019-06-02 11:45"/"2019-06-04 11:45"/' "$lsfile" >"$T/future.csv"
cn --user sup status import --campaign famiglia-2019 "$T/future.csv"
check "completion in the future: exit 65" 65 "$RC"
check "completion in the future: message" "centralino: $T/future.csv:6: completed: '2019-06-04 11:45' is in the future" "$ERR"
sed 's/"2019-06-02 11:45"/"2019-05-31 23:59"/' "$lsfile" >"$T/early.csv"
cn --user sup status import --campaign famiglia-2019 "$T/early.csv"
check "completion before the opening: exit 65" 65 "$RC"
check "completion before the opening: message" "centralino: $T/early.csv:6: completed: '2019-05-31 23:59' is before the campaign opened (2019-06-01)" "$ERR"
sed '1s/,token,/,token,token,/; 2,$s/,"it",/,"it","it",/' "$lsfile" >"$T/twice.csv"
cn --user sup status import --campaign famiglia-2019 "$T/twice.csv"
check "a column twice in the header: exit 65" 65 "$RC"
check "a column twice in the header: message" "centralino: $T/twice.csv:1: header: column 'token' twice" "$ERR"
check "refused files: nothing changed" "$before" "$(db_dump "$db")"
check "esonerato by hand, then submitted: inviato" "inviato|2019-06-03T07:00:00Z|0|limesurvey" "$(st 001001)"

# a revoked code in the file still counts and is flagged
c1272=$(code 001272)
cn --user sup code revoke "$c1272" --reason "nuovo referente"
cn --user sup status import --campaign famiglia-2019 "$lsfile"
check_contains "revoked code in the file: warned" "1 row carries a revoked code: remove that participant from LimeSurvey" "$ERR"

# ---- malformed files: FILE:LINE, exit 65, nothing changed ----
before=$(db_dump "$db")
{ sed -n 1,3p "$lsfile"; sed -n 4p "$lsfile" | sed 's/,"[^"]*"$//'; } >"$T/short.csv"
cn --user sup status import --campaign famiglia-2019 "$T/short.csv"
check "short row: exit 65" 65 "$RC"
check "short row: FILE:LINE" "centralino: $T/short.csv:4: columns: 15 fields where the header has 16" "$ERR"
awk -F'","' 'NR == 3 { $13 = "maybe" } { print }' OFS='","' "$lsfile" >"$T/badcompleted.csv"
cn --user sup status import --campaign famiglia-2019 "$T/badcompleted.csv"
check "bad completed: exit 65" 65 "$RC"
check "bad completed: FILE:LINE: field" "centralino: $T/badcompleted.csv:3: completed: 'maybe' is not N, Y, Q or a time YYYY-MM-DD HH:MM" "$ERR"
printf '\357\273\277tid,firstname,lastname\n"1","a","b"\n' >"$T/notokens.csv"
cn --user sup status import --campaign famiglia-2019 "$T/notokens.csv"
check "no token column: exit 65" 65 "$RC"
check_contains "no token column: says what the file should be" "$T/notokens.csv:1: header: no 'token' column: is this LimeSurvey's participant export" "$ERR"
printf '\357\273\277tid,token,completed\n"1","AB\n' >"$T/open.csv"
cn --user sup status import --campaign famiglia-2019 "$T/open.csv"
check "unclosed quote: exit 65" 65 "$RC"
check_contains "unclosed quote: line" "$T/open.csv:2:" "$ERR"
cn --user sup status import --campaign famiglia-2019 "$T/missing.csv"
check "missing file: exit 66" 66 "$RC"
cn --user sup status import --campaign nessuna "$lsfile"
check "unknown campaign: exit 66" 66 "$RC"
db_dump "$db" >"$T/after.sql"
check "failures changed nothing" "" "$(printf '%s\n' "$before" | diff - "$T/after.sql")"

cn status --help
check "status --help: exit 0" 0 "$RC"
check_contains "status --help: import" "centralino status import --campaign KEY FILE" "$OUT"
