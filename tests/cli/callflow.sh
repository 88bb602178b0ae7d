#!/bin/sh
# The call as one flow: 'call add' saves the call with what was done during
# it (a code given, re-issued or read out again, a proroga, a contact) in
# one transaction with an audit row for each; a refusal of any part saves
# nothing; a follow-up answers the callback it follows; today's callbacks;
# the default campaign of a call; no code for a suppressed comune.
. tests/lib.sh

db=$(fresh_db callflow)
NOW=2019-07-12T10:30:00
cn() { run "$CN" --db "$db" --now "$NOW" "$@"; }
as() { u=$1; shift; run env CENTRALINO_USER="$u" "$CN" --db "$db" --now "$NOW" "$@"; }
field() { printf '%s\n' "$OUT" | awk -F '\t' -v k="$1" '$1 == k { print $2 }'; }

cn staff add anna --name "Anna Verdi" --role assistenza
cn staff add olga --name "Olga Neri" --role operatore
printf 'codice_ambito;denominazione;codice_istat;capofila\nTO1;Distretto Torino Nord;001272;1\nTO1;Distretto Torino Nord;001001;0\n' >"$T/ambiti.csv"
cn import ambiti "$T/ambiti.csv"
check "setup: ambiti" 0 "$RC"
cn campaign add fam2019 --name "Famiglia 2019" --opens 2019-05-01 --deadline 2019-07-31 --respondents comune
check "setup: campaign" 0 "$RC"

# ---- a code given on a call: the code's call_id is the call ----
n=$(audit_n)
as olga call add --respondent 001001 --caller "Mario Rossi" --office "Segreteria" --phone "0125 123456" \
	--category richiesta_codice --code issue --verified referente_noto
check "issue on a call: exit 0" 0 "$RC"
first=$(printf '%s\n' "$OUT" | sed -n 1p)
check_contains "issue on a call: the code is spelled" "come" "$OUT"
check "issue on a call: one call, one code tied to it" "1|1|$first" \
	"$(q "SELECT count(*) FROM call; SELECT count(*) FROM access_code; SELECT call_id FROM access_code" | paste -sd '|')"
check "issue on a call: audit call.add then code.issue" "$((n + 2))|call.add code.issue" \
	"$(audit_n)|$(q "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit_log WHERE seq > $n ORDER BY seq)")"

# ---- "we lost our code": a re-issue inside the call ----
n=$(audit_n)
as olga call add --respondent 001001 --caller "Mario Rossi" --office "Segreteria" --phone "0125 123456" \
	--category codice_smarrito --code reissue --reason "codice smarrito" --verified richiamata_centralino \
	--callback "+1h" --save-contact
check "re-issue on a call: exit 0" 0 "$RC"
lost=$(printf '%s\n' "$OUT" | sed -n 1p)
check_contains "re-issue on a call: says the old code is revoked" "is revoked." "$OUT"
check "re-issue: one more call row" 2 "$(q "SELECT count(*) FROM call")"
check "re-issue: one new active code whose call_id is the call" "1|$lost" \
	"$(q "SELECT count(*), call_id FROM access_code WHERE state = 'active'")"
check "re-issue: the old code revoked, replaced by the new one" "revoked|codice smarrito|1" \
	"$(q "SELECT o.state, o.revoke_reason, o.replaced_by = n.id FROM access_code o, access_code n WHERE o.call_id = '$first' AND n.call_id = '$lost'")"
check "re-issue: audit rows call.add and code.reissue naming the call" "$((n + 2))|call.add|code.reissue|1" \
	"$(audit_n)|$(q "SELECT action FROM audit_log WHERE seq = $((n + 1))")|$(q "SELECT action FROM audit_log WHERE seq = $((n + 2))")|$(q "SELECT count(*) FROM audit_log WHERE seq = $((n + 2)) AND json_extract(details, '$.call') = '$lost'")"
check "re-issue: verified as chosen" "richiamata_centralino" "$(q "SELECT verified FROM access_code WHERE call_id = '$lost'")"
cn call show "$lost"
check_contains "show: what was done during the call" "Done          code •••• •••• ••" "$OUT"
check_contains "show: re-issued" "re-issued (fam2019)" "$OUT"

# ---- identity check has no default ----
before=$(db_dump "$db")
as olga call add --respondent 001001 --caller "Mario Rossi" --office "Segreteria" --phone "0125 123456" --code reissue --reason x
check "code without --verified: exit 64" 64 "$RC"
check_contains "code without --verified: asks how" "how was the caller checked?" "$ERR"
as olga call add --respondent 001001 --caller "Mario Rossi" --office "Segreteria" --phone "0125 123456" --code issue --verified referente_noto
check "issue while a code is given: exit 65" 65 "$RC"
check_contains "issue while a code is given: names the holder" "already holds an active code" "$ERR"
check "refused: nothing saved, not even the call" "$before" "$(db_dump "$db")"

# ---- one refused part refuses the whole call ----
as anna call add --respondent 001001 --caller "Mario Rossi" --office "Segreteria" --phone "0125 123456" --code reveal
check "reveal by assistenza: exit 77" 77 "$RC"
check "reveal by assistenza: nothing saved" "$before" "$(db_dump "$db")"
cn call add --respondent 001001 --contact email:segreteria@comune.aglie.to.it --contact email:segreteria@comune.aglie.to.it
check "a contact twice: exit 65" 65 "$RC"
check "a contact twice: nothing saved" "$before" "$(db_dump "$db")"

# ---- read out again, proroga, contact: one call ----
n=$(audit_n)
cn call add --respondent 001001 --caller "Mario Rossi" --office "Segreteria" --phone "0125 123456" \
	--category richiesta_proroga --code reveal --proroga 2019-09-15 --proroga-reason "giunta rinviata" \
	--contact pec:protocollo@pec.comune.aglie.to.it
check "reveal + proroga + contact: exit 0" 0 "$RC"
third=$(printf '%s\n' "$OUT" | sed -n 1p)
check_contains "reveal: the active code in clear" "The active code:" "$OUT"
check_contains "proroga: date shown" "proroga until 15/09/2019" "$OUT"
check "reveal + proroga + contact: four audit rows" "call.add code.reveal extension.grant contact.add" \
	"$(q "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit_log WHERE seq > $n ORDER BY seq)")"
check "the steps tied to the call, in order" "code_reveal extension_grant contact_add" \
	"$(q "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM call_action WHERE call_id = '$third' ORDER BY seq)")"
cn call show "$third" --format tsv
check "show tsv: actions" "proroga until 15/09/2019 (fam2019)|contact added: protocollo@pec.comune.aglie.to.it" \
	"$(printf '%s\n' "$OUT" | awk -F '\t' '$1 == "action" { print $2 }' | sed -n '2,3p' | paste -sd '|')"
cn status show --campaign fam2019 001001
check_contains "proroga in force after the call" "15/09/2019" "$OUT"

# ---- callbacks: today's, and answered by a follow-up ----
cn call add --respondent 001002 --callback "09:00" --category problema_accesso
due=$OUT
cn call add --respondent 001003 --callback "16:00"
coming=$OUT
cn call add --respondent 001004 --callback "tomorrow 9:00"
cn call callbacks --format tsv
check "callbacks today: due first, then coming, not tomorrow's" "due 001002|coming 001003" \
	"$(printf '%s\n' "$OUT" | sed 1d | awk -F '\t' '{ print $1, $4 }' | paste -sd '|')"
as olga call callbacks --format tsv
check "callbacks today: only mine" "coming 001001 olga" "$(printf '%s\n' "$OUT" | sed 1d | awk -F '\t' '{ print $1, $4, $8 }')"
as olga call callbacks --all --format tsv
check "callbacks today --all: everyone's" 3 "$(printf '%s\n' "$OUT" | sed 1d | wc -l)"

n=$(audit_n)
run "$CN" --db "$db" --now 2019-07-12T11:05:00 call add --follows "$due" --direction outbound --outcome "Risolto"
check "follow-up: exit 0" 0 "$RC"
fu=$(printf '%s\n' "$OUT" | sed -n 1p)
check_contains "follow-up: says the callback is answered" "callback of call $(printf '%.8s' "$due") answered" "$OUT"
check "follow-up: the callback's call is closed" "chiusa|2019-07-12T09:05:00Z|tester" \
	"$(q "SELECT state, closed_at, closed_by FROM call WHERE id = '$due'")"
check "follow-up: audit call.add and call.callback_close" "$((n + 2))|call.callback_close|$due|{\"called_back_by\":\"$fu\"}" \
	"$(audit_n)|$(q "SELECT action, object_id, details FROM audit_log ORDER BY seq DESC LIMIT 1")"
cn call show "$due"
check_contains "the original call: called back at, call X" "called back at 12/07/2019 11:05, call $(printf '%.8s' "$fu")" "$OUT"
cn call callbacks --format tsv
check "callbacks today: the answered one is gone" "001003" "$(printf '%s\n' "$OUT" | sed 1d | cut -f4 | paste -sd ' ')"
cn call add --follows "$fu" --outcome "altro"
check "a follow-up of a call without callback closes nothing" "" "$(printf '%s\n' "$OUT" | sed -n 2p)"

# ---- the campaign of a call ----
cn campaign add cov2020 --name "Covid 2020" --opens 2019-06-01 --deadline 2019-08-31 --respondents comune,regione
cn call add --respondent 001008
check "two open campaigns, business with both: no campaign chosen" "" "$(q "SELECT campaign_id FROM call WHERE id = '$OUT'")"
cn status set --campaign fam2019 001008 inviato --reason "PEC"
check "setup: status set" 0 "$RC"
cn call add --respondent 001008
check "submitted in one: the other is the default" "cov2020" \
	"$(q "SELECT k.key FROM call c JOIN campaign k ON k.id = c.campaign_id WHERE c.id = '$OUT'")"
cn call add --respondent REG:01
check "member of one open campaign only: that one" "cov2020" \
	"$(q "SELECT k.key FROM call c JOIN campaign k ON k.id = c.campaign_id WHERE c.id = '$OUT'")"
cn call add --respondent 001008 --campaign fam2019
check "the operator's choice wins" "fam2019" \
	"$(q "SELECT k.key FROM call c JOIN campaign k ON k.id = c.campaign_id WHERE c.id = '$OUT'")"
cn call add --respondent 001006 --code issue --verified referente_noto --caller "X Y" --office Z --phone "011 654321"
check "a code on a call without campaign: exit 64" 64 "$RC"
check_contains "a code on a call without campaign: asks which" "which campaign is the code for?" "$ERR"

# ---- no code for a suppressed comune ----
q "UPDATE comune SET suppressed_on = '2019-06-30T00:00:00Z' WHERE istat = '001007'"
before=$(db_dump "$db")
cn code issue --campaign fam2019 001007 --caller "X Y" --office Z --phone "011 654321" --verified referente_noto
check "code issue to a suppressed comune: exit 65" 65 "$RC"
check_contains "code issue to a suppressed comune: since when" "was suppressed on 30/06/2019: no code can be given to it" "$ERR"
cn call add --respondent 001007 --campaign fam2019 --code issue --verified referente_noto --caller "X Y" --office Z --phone "011 654321"
check "the same inside a call: exit 65, nothing saved" "65|$before" "$RC|$(db_dump "$db")"

# ---- usage ----
cn call add --respondent 001001 --code give
check "--code with a wrong action: exit 64" 64 "$RC"
cn call add --respondent 001001 --verified referente_noto
check "--verified without --code: exit 64" 64 "$RC"
cn call add --respondent 001001 --proroga 2019-09-01
check "--proroga without its reason: exit 64" 64 "$RC"
cn call update "$fu" --code reveal
check "update does not take actions: exit 64" 64 "$RC"

# ---- the card: the whole story ----
n=$(audit_n)
cn card 001001
check "card: exit 0" 0 "$RC"
check "card: reading it writes no audit row" "$n" "$(audit_n)"
check_contains "card: ambito and capofila" "Ambito TO1 Distretto Torino Nord · capofila Torino (001272)" "$OUT"
check_contains "card: the effective deadline with its proroga" "deadline     15/09/2019 (proroga; the campaign's: 31/07/2019)" "$OUT"
check_contains "card: the revoked code, who, when, why" "revoked 12/07/2019 10:30 by olga: codice smarrito" "$OUT"
check_contains "card: the active code masked, with its call" "active, given 12/07/2019 10:30, call $(printf '%.8s' "$lost")" "$OUT"
check_contains "card: given by whom to whom, how checked" "by olga to Mario Rossi (richiamata_centralino)" "$OUT"
check_contains "card: contacts saved with the code" "telefono     0125 123 456 (Mario Rossi) · Segreteria
               [telefonata (codice), 12/07/2019]" "$OUT"
check_contains "card: contacts added on a call" "pec          protocollo@pec.comune.aglie.to.it  [telefonata, 12/07/2019]" "$OUT"
check_contains "card: open calls and their callbacks" "$(printf '%.8s' "$lost")  12/07/2019 10:30  codice_smarrito  waiting
               callback 12/07/2019 11:30 (olga)" "$OUT"
check_not_contains "card: codes never in clear" "$(q "SELECT substr(code, 1, 4) FROM access_code WHERE state = 'active' AND respondent_id = '001001'")" "$OUT"
cn card 001001 --format tsv
check "card tsv: campaign status and deadlines" "campaign	fam2019	codice_emesso		2019-09-15	2019-07-31	2019-09-15" \
	"$(printf '%s\n' "$OUT" | grep '^campaign	fam2019')"
check "card tsv: two codes" 2 "$(printf '%s\n' "$OUT" | grep -c '^code	')"
cn card 001007
check_contains "card of a suppressed comune: since when" "SUPPRESSED since 30/06/2019: no code can be given to it" "$OUT"
cn registry successor 001007 001001 --since 2019-07-01
check "setup: Alpette became Agliè" 0 "$RC"
cn card 001007
check_contains "card of a merged comune: what it became" "SUPPRESSED since 30/06/2019; it became Agliè (001001): no code can be given to it" "$OUT"
cn card 001007 --format tsv
check "card tsv: the successor" "respondent	001007	comune	Alpette			2019-06-30	001001" "$(printf '%s\n' "$OUT" | grep '^respondent')"
cn card 001001
check_contains "card of the comune it became: what merged into it" "Merged into it: Alpette (001007) since 01/07/2019" "$OUT"
cn card 001001 --format tsv
check "card tsv: the predecessor" "predecessor	001007	Alpette	2019-07-01" "$(printf '%s\n' "$OUT" | grep '^predecessor')"
cn card 001001 >/dev/null; "$CN" --db "$db" --now "$NOW" card 001001 >"$T/card.txt"
check "card: fits 80 columns" yes "$([ "$(wc -L <"$T/card.txt")" -le 80 ] && echo yes)"
cn card 999999
check "card of nobody: exit 66" 66 "$RC"
