#!/bin/sh
# centralino contact add|list|remove and import contacts: values checked per
# kind, duplicates, history kept on removal, all-or-nothing import with
# FILE:LINE errors, roles, audit.
. tests/lib.sh

db=$(fresh_db contacts)
cn() { run "$CN" --db "$db" --now 2019-06-03T10:30:00 "$@"; }

cn staff add ass --name "Aldo Assistenza" --role assistenza
cn staff add sup --name "Sara Supervisora" --role supervisore

# ---- add ----
n=$(audit_n)
cn --user ass contact add forlì --kind referente --value "Anna  Bianchi " --office "Servizi sociali" --source "telefonata" --date 28/05/2019
check "add referent by name: exit 0" 0 "$RC"
check "add: says the id" "contact 1 added" "$OUT"
check "add: stored tidy" "040012|referente|Anna Bianchi||Servizi sociali|telefonata|2019-05-28|ass" \
	"$(q "SELECT respondent_id, kind, value, ifnull(name, ''), office, source, noted_on, added_by FROM contact WHERE id = 1")"
check "add: audit row" "$((n + 1))|ass|contact.add|contact|1|{\"respondent\":\"040012\",\"kind\":\"referente\",\"value\":\"Anna Bianchi\"}" "$(audit_n)|$(last_audit)"
cn --user ass contact add 040012 --kind email --value "Sociali@Comune.Forli.FC.it" --name "Anna Bianchi"
check "add e-mail: lower-cased" "sociali@comune.forli.fc.it|inserito a mano|2019-06-03" \
	"$(q "SELECT value, source, noted_on FROM contact WHERE kind = 'email'")"
cn --user ass contact add 040012 --kind pec --value "comune.forli@pec.comune.forli.fc.it"
cn --user ass contact add 040012 --kind telefono --value "+39 0543 712111" --office "Centralino"
cn --user ass contact add 040012 --kind ufficio --value "Ufficio di Piano"
check "four kinds added" 5 "$(q "SELECT count(*) FROM contact")"
n=$(audit_n)
cn --user ass contact add 040012 --kind email --value "sociali@comune.forli.fc.it"
check "duplicate: exit 65" 65 "$RC"
check "duplicate: message" "centralino: email sociali@comune.forli.fc.it is already on file for 040012" "$ERR"
cn --user ass contact add 040012 --kind email --value "sociali.comune.forli.fc.it"
check "bad e-mail: exit 65" 65 "$RC"
check "bad e-mail: message" "centralino: email 'sociali.comune.forli.fc.it': not an address like nome@comune.it" "$ERR"
cn --user ass contact add 040012 --kind pec --value "x@localhost"
check "bad PEC domain: exit 65" 65 "$RC"
cn --user ass contact add 040012 --kind telefono --value "0543"
check "short phone: exit 65" 65 "$RC"
check_contains "short phone: why" "a phone number has 6 to 15 digits" "$ERR"
cn --user ass contact add 040012 --kind fax --value "0543 712111"
check "bad kind: exit 64" 64 "$RC"
cn --user ass contact add 040012 --kind email
check "no value: exit 64" 64 "$RC"
cn --user ass contact add 999999 --kind email --value a@b.it
check "unknown respondent: exit 66" 66 "$RC"
cn --user ass contact add 040012 --kind email --value a@b.it --date 2019-13-01
check "bad date: exit 64" 64 "$RC"
check "refusals write nothing" "$n|5" "$(audit_n)|$(q "SELECT count(*) FROM contact")"
cn --user ass contact add REG:08 --kind pec --value "politichesociali@postacert.regione.emilia-romagna.it"
check "a region's contact" "REG:08" "$(q "SELECT respondent_id FROM contact WHERE id = 6")"

# ---- list ----
cn --user ass contact list 040012
check "list: exit 0" 0 "$RC"
check "list: by kind" "ID  KIND       VALUE                                NAME          OFFICE           SOURCE           DATE
 1  referente  Anna Bianchi                                       Servizi sociali  telefonata       28/05/2019
 5  ufficio    Ufficio di Piano                                                    inserito a mano  03/06/2019
 2  email      sociali@comune.forli.fc.it           Anna Bianchi                   inserito a mano  03/06/2019
 3  pec        comune.forli@pec.comune.forli.fc.it                                 inserito a mano  03/06/2019
 4  telefono   +39 0543 712111                                    Centralino       inserito a mano  03/06/2019" "$OUT"

# ---- remove: kept for history ----
n=$(audit_n)
cn --user ass contact remove 3 --reason "PEC cambiata"
check "remove: exit 0" 0 "$RC"
check "remove: kept, marked" "ass|PEC cambiata" "$(q "SELECT removed_by, remove_reason FROM contact WHERE id = 3")"
check "remove: audit" "$((n + 1))|ass|contact.remove|contact|3|{\"respondent\":\"040012\",\"value\":\"comune.forli@pec.comune.forli.fc.it\",\"reason\":\"PEC cambiata\"}" "$(audit_n)|$(last_audit)"
cn contact list 040012 --format tsv
check "list: removed ones hidden" 4 "$(printf '%s\n' "$OUT" | sed 1d | wc -l)"
cn contact list 040012 --all
check_contains "list --all: shows the removed one" "pec (removed)" "$OUT"
cn --user ass contact remove 3
check "remove twice: exit 66" 66 "$RC"
cn --user ass contact remove 99
check "remove unknown: exit 66" 66 "$RC"
cn --user ass contact add 040012 --kind pec --value "comune.forli@pec.comune.forli.fc.it"
check "the same value may come back after removal" 0 "$RC"

# ---- import contacts ----
cat >"$T/contatti.csv" <<'EOF'
Codice ISTAT;Tipo;Valore;Nome;Ufficio;Fonte;Data
1272;email;politichesociali@comune.torino.it;;Politiche sociali;sito del comune;15/05/2019
001272;telefono;011 01123456;Marco Neri;Politiche sociali;;
Forlì;email;sociali@comune.forli.fc.it;;;;
AMB:x;email;a@b.it;;;;
EOF
n=$(audit_n)
cn --user sup import contacts "$T/contatti.csv"
check "import as supervisore: exit 77" 77 "$RC"
cn import contacts "$T/contatti.csv"
check "import with an unknown respondent: exit 65" 65 "$RC"
check "import error: FILE:LINE: field" "centralino: $T/contatti.csv:5: respondent: no comune, ambito or regione 'AMB:x' (give the ISTAT code, AMB:code or REG:code)" "$ERR"
check "import error: nothing changed" "$n|7" "$(audit_n)|$(q "SELECT count(*) FROM contact")"
sed -i '$d' "$T/contatti.csv"
cn import contacts "$T/contatti.csv"
check "import: exit 0" 0 "$RC"
check "import: summary" "$T/contatti.csv: 3 contacts read: 2 added, 1 already on file" "$OUT"
check "import: padded ISTAT code, source and date" "001272|email|politichesociali@comune.torino.it|sito del comune|2019-05-15" \
	"$(q "SELECT respondent_id, kind, value, source, noted_on FROM contact WHERE respondent_id = '001272' AND kind = 'email'")"
check "import: default source names the file" "import contatti.csv|2019-06-03" \
	"$(q "SELECT source, noted_on FROM contact WHERE respondent_id = '001272' AND kind = 'telefono'")"
check "import: one audit row" "$((n + 1))|tester|contact.import|contact||{\"file\":\"contatti.csv\",\"read\":3,\"added\":2}" "$(audit_n)|$(last_audit)"
before=$(db_dump "$db")
cn import contacts "$T/contatti.csv"
check "import again: all on file" "$T/contatti.csv: 3 contacts read: 0 added, 3 already on file" "$OUT"
check "import again: nothing changed" "$before" "$(db_dump "$db")"
printf 'respondent,kind,value\n040012,telefono,abc\n' >"$T/bad.csv"
cn import contacts "$T/bad.csv"
check "import bad phone: FILE:LINE: field" "centralino: $T/bad.csv:2: value: 'abc': a phone number has only digits, spaces and + . / - ( )" "$ERR"
printf 'respondent,value\n040012,a@b.it\n' >"$T/nokind.csv"
cn import contacts "$T/nokind.csv"
check "import without kind column: exit 65" 65 "$RC"
check_contains "import without kind column: header error" "$T/nokind.csv:1: header: no column 'kind'" "$ERR"
printf 'respondent,kind,value\n040012,email,a@b.it,extra\n' >"$T/extra.csv"
cn import contacts "$T/extra.csv"
check "import row with extra field: FILE:LINE" "centralino: $T/extra.csv:2: columns: 4 fields where the header has 3" "$ERR"

cn contact --help
check "contact --help: exit 0" 0 "$RC"
check_contains "contact --help: kinds" "KIND: referente" "$OUT"
