#!/bin/sh
# centralino call: every field through add and back out of show (notes with
# line breaks, quotes, semicolons, accents; from stdin too); CSV and TSV
# escaping read back by sqlite3's own CSV parser; filters and newest-first
# order; --callbacks-due before and after the due time; one number in three
# spellings; update, close, follow-ups; categories; roles; exit codes; one
# audit row per change.
. tests/lib.sh

db=$(fresh_db calls)
NOW=2019-07-12T10:30:00
calls_n() { sqlite3 "$db" "SELECT count(*) FROM call"; }
cn() { run "$CN" --db "$db" --now "$NOW" "$@"; }
as() { u=$1; shift; run env CENTRALINO_USER="$u" "$CN" --db "$db" --now "$NOW" "$@"; }
# field NAME: the value of one line of `call show --format tsv` in $OUT
field() { printf '%s\n' "$OUT" | awk -F '\t' -v k="$1" '$1 == k { print $2 }'; }

cn staff add anna --name "Anna Verdi" --role assistenza
cn staff add olga --name "Olga Neri" --role operatore
cn staff add ex --name "Ex Collega" --role assistenza
cn staff disable ex
printf 'codice_ambito;denominazione;codice_istat;capofila\nTO1;Distretto Torino Nord;001272;1\nTO1;Distretto Torino Nord;001001;0\n' >"$T/ambiti.csv"
cn import ambiti "$T/ambiti.csv"
check "setup: ambiti imported" 0 "$RC"
sqlite3 "$db" "INSERT INTO campaign (key, name, opens_on, deadline, kinds, created_at) VALUES
	('fam2019', 'Politiche per la famiglia 2019', '2019-05-01', '2019-07-31', 'comune', '2019-01-01T00:00:00Z')"

NOTES='Il sindaco chiede; "dove" si trova il codice?
Seconda riga: città, perché, àèìòù — ok'

# ---- add: every field, and back ----
n=$(audit_n)
as anna call add --respondent 001001 --campaign fam2019 --caller "Maria D'Angelo" \
	--office "Ufficio Servizi Sociali; 2° piano" --phone "+39 055-2037349" \
	--email "servizi.sociali@comune.aglie.to.it" --direction outbound \
	--category problema_accesso --notes "$NOTES" --outcome 'Spiegato "come" entrare' \
	--state in_attesa --callback "2019-07-13 09:30" --callback-owner olga \
	--started "2019-07-12 10:00" --ended "2019-07-12 10:04:05"
check "add: exit 0" 0 "$RC"
A=$OUT
check "add: prints the call id" 1 "$(printf '%s' "$A" | grep -Ec '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$')"
check "add: one audit row" $((n + 1)) "$(audit_n)"
check "add: audit row" "anna|call.add|call|$A|{\"respondent\":\"001001\",\"campaign\":\"fam2019\",\"category\":\"problema_accesso\",\"state\":\"in_attesa\",\"direction\":\"outbound\",\"callback\":\"2019-07-13T07:30:00Z\",\"owner\":\"olga\"}" \
	"$(sqlite3 "$db" "SELECT login, action, object_kind, object_id, details FROM audit_log ORDER BY seq DESC LIMIT 1")"

cn call show "$A" --format tsv
check "show tsv: exit 0" 0 "$RC"
check "round trip: id" "$A" "$(field id)"
check "round trip: started" "12/07/2019 10:00" "$(field started)"
check "round trip: ended" "12/07/2019 10:04" "$(field ended)"
check "round trip: duration" "4:05" "$(field duration)"
check "round trip: operator" "anna" "$(field operator)"
check "round trip: direction" "outbound" "$(field direction)"
check "round trip: campaign" "fam2019" "$(field campaign)"
check "round trip: respondent id" "001001" "$(field respondent_id)"
check "round trip: respondent" "Agliè (TO)" "$(field respondent)"
check "round trip: unidentified" "0" "$(field unidentified)"
check "round trip: caller" "Maria D'Angelo" "$(field caller)"
check "round trip: office" "Ufficio Servizi Sociali; 2° piano" "$(field office)"
check "round trip: phone shown Italian" "055 203 7349" "$(field phone)"
check "round trip: e-mail" "servizi.sociali@comune.aglie.to.it" "$(field email)"
check "round trip: category" "problema_accesso" "$(field category)"
check "round trip: category label" "Problema di accesso al questionario" "$(field category_label)"
check "round trip: notes (TSV-escaped)" 'Il sindaco chiede; "dove" si trova il codice?\nSeconda riga: città, perché, àèìòù — ok' "$(field notes)"
check "round trip: outcome" 'Spiegato "come" entrare' "$(field outcome)"
check "round trip: state" "in_attesa" "$(field state)"
check "round trip: callback" "13/07/2019 09:30" "$(field callback_due)"
check "round trip: callback owner" "olga" "$(field callback_owner)"
check "round trip: version" "1" "$(field version)"
check "stored: UTC ISO times, E.164 phone" "2019-07-12T08:00:00Z|2019-07-12T08:04:05Z|+390552037349|2019-07-13T07:30:00Z" \
	"$(sqlite3 "$db" "SELECT started_at, ended_at, phone, callback_due FROM call WHERE id = '$A'")"
check "stored: notes exactly as typed" "$NOTES" "$(sqlite3 "$db" "SELECT notes FROM call WHERE id = '$A'")"

cn call show "$(printf '%.6s' "$A")"
check "show by prefix: exit 0" 0 "$RC"
check_contains "show text: time and duration" "12/07/2019 10:00 - 10:04 (4:05)" "$OUT"
check_contains "show text: respondent" "Agliè (TO)  [001001]" "$OUT"
check_contains "show text: phone and key" "055 203 7349  (+390552037349)" "$OUT"
check_contains "show text: second notes line indented" "              Seconda riga: città" "$OUT"
check_contains "show text: callback" "13/07/2019 09:30 by olga" "$OUT"

# notes from standard input
printf 'da stdin; "uno"\r\ndue, tre\n\n' | "$CN" --db "$db" --now "$NOW" call add --unidentified \
	--caller "Anonimo" --category altro --notes - >"$T/id" 2>"$T/err"
B=$(cat "$T/id")
check "notes from stdin: CRLF made LF, trailing blank lines dropped" "$(printf 'da stdin; "uno"\ndue, tre')" \
	"$(sqlite3 "$db" "SELECT notes FROM call WHERE id = '$B'")"
cn call show "$B" --format tsv
check "unidentified: flag" "1" "$(field unidentified)"
check "unidentified: respondent" "(not identified)" "$(field respondent)"
check "unidentified: default campaign is the running one" "fam2019" "$(field campaign)"
check "unidentified: state aperta without outcome or callback" "aperta" "$(field state)"

# ---- CSV and TSV: read back with sqlite3's CSV parser ----
cn call add --respondent 001272 --category altro --caller '=HYPERLINK("http://x")' \
	--notes "$(printf -- '-2+3\nriga; "due"')" --started "2019-07-12 09:00"
F=$OUT
cn call list --format csv
check "list csv: exit 0" 0 "$RC"
printf '%s\n' "$OUT" >"$T/calls.csv"
check "csv: header" "id,started,duration,operator,direction,campaign,respondent_id,respondent,caller,office,phone,email,category,state,callback_due,callback_owner,follows,notes,outcome" \
	"$(head -n 1 "$T/calls.csv")"
sqlite3 "$T/csv.db" ".import --csv $T/calls.csv t"
check "csv: three rows read back" 3 "$(sqlite3 "$T/csv.db" "SELECT count(*) FROM t")"
check "csv: notes survive newlines, quotes, semicolons, accents" "$NOTES" \
	"$(sqlite3 "$T/csv.db" "SELECT notes FROM t WHERE id = '$A'")"
check "csv: office with ; and °" "Ufficio Servizi Sociali; 2° piano" \
	"$(sqlite3 "$T/csv.db" "SELECT office FROM t WHERE id = '$A'")"
check "csv: quotes in the outcome" 'Spiegato "come" entrare' "$(sqlite3 "$T/csv.db" "SELECT outcome FROM t WHERE id = '$A'")"
check "csv: formulas neutralised" "'=HYPERLINK(\"http://x\")|'-2+3
riga; \"due\"" "$(sqlite3 "$T/csv.db" "SELECT caller, notes FROM t WHERE id = '$F'")"
check "csv: Italian dates" "12/07/2019 10:00" "$(sqlite3 "$T/csv.db" "SELECT started FROM t WHERE id = '$A'")"

cn call list --format tsv
check "tsv: one line per call plus header" 4 "$(printf '%s\n' "$OUT" | wc -l)"
check "tsv: notes escaped" 'Il sindaco chiede; "dove" si trova il codice?\nSeconda riga: città, perché, àèìòù — ok' \
	"$(printf '%s\n' "$OUT" | awk -F '\t' -v id="$A" '$1 == id { print $18 }')"
check "tsv: formula neutralised" "'=HYPERLINK(\"http://x\")" \
	"$(printf '%s\n' "$OUT" | awk -F '\t' -v id="$F" '$1 == id { print $9 }')"
check "tsv: 19 columns on every line" "19" "$(printf '%s\n' "$OUT" | awk -F '\t' '{ print NF }' | sort -u)"

cn call list
check "table: newest first" "$(printf '%.8s\n%.8s\n%.8s' "$B" "$A" "$F")" "$(printf '%s\n' "$OUT" | sed 1d | cut -c1-8)"
check_contains "table: notes on one line" "Il sindaco chiede; \"dove\" si trova il c…" "$OUT"

# ---- filters and order ----
sqlite3 "$db" "DELETE FROM call"
add() { cn call add "$@"; printf '%s' "$OUT"; }
c1=$(add --respondent 001001 --category richiesta_codice --phone "055 203 7349" --started "2019-07-10 09:00" --outcome "codice dato")
c2=$(as olga call add --respondent 001272 --category problema_tecnico --phone "+39 055-2037349" \
	--started "2019-07-11 16:00" --callback "2019-07-12 11:00" --callback-owner anna; printf '%s' "$OUT")
c3=$(as anna call add --respondent Agliè --category richiesta_proroga --phone "333 123 4567" \
	--started "2019-07-11 08:00" --callback "2019-07-12 10:00"; printf '%s' "$OUT")
c4=$(as olga call add --respondent L219 --category richiesta_codice --phone "0039 0552037349" --started "2019-07-12 10:15"; printf '%s' "$OUT")
c5=$(add --respondent amb:TO1 --category altro --started "2019-07-12 10:15")
ids() { printf '%s\n' "$OUT" | sed 1d | cut -f1 | tr '\n' ' '; }
cn call list --format tsv
all="$c5 $c4 $c2 $c3 $c1 "
check "list: newest first, same second by entry order" "$all" "$(ids)"
cn call list --open --format tsv
check "list --open" "$(echo "$all" | sed "s/$c1 //")" "$(ids)"
as anna call list --mine --format tsv
check "list --mine: taken by me or my callback" "$c2 $c3 " "$(ids)"
cn call list --respondent 1001 --format tsv
check "list --respondent (ISTAT without zeros)" "$c3 $c1 " "$(ids)"
cn call list --respondent "Torino" --format tsv
check "list --respondent by name" "$c4 $c2 " "$(ids)"
cn call list --category richiesta_codice --format tsv
check "list --category" "$c4 $c1 " "$(ids)"
cn call list --since 2019-07-11 --until 11/07/2019 --format tsv
check "list --since/--until: whole days" "$c2 $c3 " "$(ids)"
cn call list --since 2019-07-12 --format tsv
check "list --since" "$(echo "$all" | sed "s/$c2 $c3 $c1 //")" "$(ids)"
cn call list --today --format tsv
check "list --today (at --now)" "$(echo "$all" | sed "s/$c2 $c3 $c1 //")" "$(ids)"
cn call list --campaign fam2019 --limit 2 --format tsv
check "list --campaign --limit" "$(echo "$all" | cut -d' ' -f1-2) " "$(ids)"
cn call list --phone "055/2037349" --format tsv
check "list --phone: one number in three spellings" "$c4 $c2 $c1 " "$(ids)"
check "list --phone: and whose it was" "Torino (TO)|Torino (TO)|Agliè (TO)" \
	"$(printf '%s\n' "$OUT" | sed 1d | cut -f8 | paste -sd '|')"
cn call list --phone "+39 333 1234567" --format tsv
check "list --phone: a mobile" "$c3 " "$(ids)"

# callbacks: c3 due 10:00 (anna), c2 due 11:00 (anna)
cn call list --callbacks-due --format tsv
check "--callbacks-due at 10:30: only the 10:00 one" "$c3 " "$(ids)"
run "$CN" --db "$db" --now 2019-07-12T09:59:00 call list --callbacks-due --format tsv
check "--callbacks-due at 09:59: none" "" "$(ids)"
run env CENTRALINO_USER=anna "$CN" --db "$db" --now 2019-07-12T11:00:00 call list --callbacks-due --mine --format tsv
check "--callbacks-due --mine at 11:00: both of anna's" "$c2 $c3 " "$(ids)"
run env CENTRALINO_USER=olga "$CN" --db "$db" --now 2019-07-12T11:00:00 call list --callbacks-due --mine --format tsv
check "--callbacks-due --mine for olga: none" "" "$(ids)"

# ---- update, close, follow-ups ----
n=$(audit_n)
as anna call update "$c3" --notes "$(printf 'nuove\nnote')" --phone "" --email "a@b.it"
check "update: exit 0" 0 "$RC"
check "update: says so" "call $(printf '%.8s' "$c3") changed (waiting)" "$OUT"
check "update: one audit row" $((n + 1)) "$(audit_n)"
check "update: audit details" "call.update|{\"changed\":\"phone,email,notes\",\"state\":\"in_attesa\"}" \
	"$(sqlite3 "$db" "SELECT action, details FROM audit_log ORDER BY seq DESC LIMIT 1")"
check "update: stored" "|a@b.it|nuove
note|2" "$(sqlite3 "$db" "SELECT phone, email, notes, version FROM call WHERE id = '$c3'")"
as anna call update "$c3" --email "a@b.it"
check "update with the same value: nothing changed" "call $(printf '%.8s' "$c3") already so: nothing changed (waiting)" "$OUT"
check "update with the same value: no audit row" $((n + 1)) "$(audit_n)"
cn call update "$c3" --callback none
check "update --callback none: cleared" "|" "$(sqlite3 "$db" "SELECT callback_due, callback_owner FROM call WHERE id = '$c3'" | sed 's/^$/|/')"
cn call update "$c3"
check "update without fields: exit 64" 64 "$RC"
cn call update "$c3" --callback-owner olga
check "update: an owner needs a callback: exit 64" 64 "$RC"

cn call close "$c3"
check "close without outcome (none stored): exit 64" 64 "$RC"
n=$(audit_n)
cn call close "$c3" --outcome "Proroga concessa"
check "close: exit 0" 0 "$RC"
check "close: says so" "call $(printf '%.8s' "$c3") closed" "$OUT"
check "close: stored" "chiusa|Proroga concessa|tester|2019-07-12T08:30:00Z" \
	"$(sqlite3 "$db" "SELECT state, outcome, closed_by, closed_at FROM call WHERE id = '$c3'")"
check "close: one audit row" "$((n + 1))|call.close" "$(audit_n)|$(sqlite3 "$db" "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1")"
cn call close "$c3" --outcome "di nuovo"
check "close twice: exit 65" 65 "$RC"
check_contains "close twice: message" "is already closed (12/07/2019 10:30, tester)" "$ERR"

cn call add --follows "$(printf '%.8s' "$c2")" --direction outbound --category problema_tecnico --outcome "Risolto"
check "follow-up: exit 0" 0 "$RC"
fu=$OUT
cn call show "$fu" --format tsv
check "follow-up: takes respondent and phone of the earlier call" "001272|055 203 7349|$c2|chiusa" \
	"$(field respondent_id)|$(field phone)|$(field follows)|$(field state)"
cn call show "$c2"
check_contains "show: lists the calls that follow" "Followed by   $(printf '%.8s' "$fu") 12/07/2019 10:30 problema_tecnico" "$OUT"

# ---- categories ----
cn call category list --format tsv
check "category list: the seeded eight" "richiesta_codice codice_smarrito problema_accesso problema_tecnico chiarimento_contenuti richiesta_proroga invio_completato altro " \
	"$(printf '%s\n' "$OUT" | sed 1d | cut -f1 | tr '\n' ' ')"
check "category list: Italian labels and counts" "richiesta_codice	Richiesta del codice di accesso	2	1" "$(printf '%s\n' "$OUT" | sed -n 2p)"
n=$(audit_n)
as anna call category add sollecito --label "Sollecito"
check "category add by assistenza: exit 77" 77 "$RC"
check "category add by assistenza: message" "centralino: anna (assistenza) may not add call categories" "$ERR"
cn call category add sollecito --label "Sollecito di invio"
check "category add by admin: exit 0" 0 "$RC"
check "category add: one audit row" $((n + 1)) "$(audit_n)"
cn call category add sollecito --label "Ancora"
check "category add twice: exit 65" 65 "$RC"
cn call category add "Con Spazi" --label "x"
check "category add bad name: exit 64" 64 "$RC"
cn call category add nolabel
check "category add without label: exit 64" 64 "$RC"
cn call category list
check_contains "category list: the new one last" "sollecito              Sollecito di invio" "$(printf '%s\n' "$OUT" | tail -n 1)"
as anna call add --respondent 001001 --category sollecito --direction outbound
check "new category usable by assistenza" 0 "$RC"

# ---- roles and refusals ----
n=$(audit_n)
k=$(calls_n)
as ex call add --respondent 001001
check "disabled staff cannot log: exit 67" 67 "$RC"
check_contains "disabled staff: message" "ex was disabled on" "$ERR"
as nobody call list
check "unknown login: exit 67" 67 "$RC"
cn call add --respondent 999999
check "unknown respondent: exit 66" 66 "$RC"
check_contains "unknown respondent: message" "no comune, ambito or regione '999999'" "$ERR"
cn call add --respondent 001001 --phone "055 2037349 int. 12"
check "bad phone: exit 65" 65 "$RC"
check_contains "bad phone: message" "phone: '055 2037349 int. 12': only digits" "$ERR"
cn call add --respondent 001001 --email "non-un-indirizzo"
check "bad e-mail: exit 65" 65 "$RC"
cn call add --respondent 001001 --category chiacchiere
check "unknown category: exit 66" 66 "$RC"
cn call add --respondent 001001 --campaign nessuna
check "unknown campaign: exit 66" 66 "$RC"
cn call add --respondent 001001 --started "2019-07-12 10:00" --ended "2019-07-12 09:00"
check "end before start: exit 65" 65 "$RC"
cn call add --respondent 001001 --callback "dopodomani"
check "bad callback time: exit 64" 64 "$RC"
cn call add --respondent 001001 --direction sideways
check "bad direction: exit 64" 64 "$RC"
cn call add --respondent 001001 --state finita
check "bad state: exit 64" 64 "$RC"
cn call add --caller "Qualcuno"
check "no respondent, not unidentified: exit 64" 64 "$RC"
cn call add --respondent 001001 --callback +1h --callback-owner ex
check "callback owner disabled: exit 65" 65 "$RC"
cn call add --respondent 001001 extra
check "stray argument: exit 64" 64 "$RC"
cn call show ffffffff
check "unknown call: exit 66" 66 "$RC"
cn call show xy
check "not a call id: exit 64" 64 "$RC"
cn call list --format xml
check "bad format: exit 64" 64 "$RC"
cn call list --since ieri
check "bad date: exit 64" 64 "$RC"
cn call frob
check "unknown subcommand: exit 64" 64 "$RC"
check "refusals write nothing" "$n|$k" "$(audit_n)|$(calls_n)"

cn call --help
check "call --help: exit 0" 0 "$RC"
check_contains "call --help: usage" "centralino call add (--respondent ID | --unidentified | --follows CALL)" "$OUT"
cn call add --help
check "call add --help: exit 0" 0 "$RC"
