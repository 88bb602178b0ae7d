#!/bin/sh
# Access codes in the full-screen interface, through tmux: issue a code for
# Forlì from its card (form: caller, office, phone, how checked); the code
# appears large with its spelling; the card then shows it masked; reveal is
# audited; keys a role may not use are not shown; re-issue and revoke; the
# Codes screen and "whose code is this?" with a mistyped code.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_tui.sh

db=$(fresh_db tuicodes)
NOW=2019-06-03T10:30:00
q() { sqlite3 "$db" "$1"; }
"$CN" --db "$db" staff add op --name "Olga Operatrice" --role operatore >/dev/null
"$CN" --db "$db" staff add ass --name "Aldo Assistenza" --role assistenza >/dev/null
"$CN" --db "$db" --now "$NOW" campaign add famiglia-2019 --name "Monitoraggio politiche per la famiglia" \
	--opens 2019-06-01 --deadline 2019-07-31 --respondents comune >/dev/null
spaced() { printf '%s' "$1" | sed 's/./& /g; s/ $//; s/\(. . . .\) /\1   /g'; }
masked() { printf '•••• •••• ••%s %s' "$(printf '%s' "$1" | cut -c11-12)" "$(printf '%s' "$1" | cut -c13)"; }

# ---- an operator issues a code from Forlì's card ----
tui_start 80 24 "$CN" --db "$db" --now "$NOW" --user op tui
tui_wait "Find a comune"
tui_keys forli
tui_wait "3 comuni"
tui_key Enter
tui_check "card: the Codes section" "── Codes ──"
tui_check "card: the campaign and its status" "famiglia-2019 — Monitoraggio politiche per l…  no code · deadline 31/07/2019"
tui_check "card: no code yet" "No access code  (^G: issue one)"
tui_check "card: the key is shown to an operatore" "^G  give code"
tui_key C-g
tui_check "form: opens for Forlì" "Access code for Forlì — famiglia-2019"
tui_check "form: asks how the caller was checked" "Checked by"
tui_keys "Mario Rossi"
tui_key Tab
tui_keys "Servizi sociali"
tui_key Tab
tui_keys "0543 712111"
tui_key Tab
tui_check "form: no method chosen for the operator" "— choose: 1-9"
tui_key F2
tui_check "form: refused until the operator picks how" "how was the caller checked? choose one"
check "form: nothing issued without a method" 0 "$(q "SELECT count(*) FROM access_code")"
tui_key Right Right
tui_check "form: method chosen with the arrows" "‹ known referent ›"
tui_key F2
tui_wait "come"
code=$(q "SELECT code FROM access_code WHERE respondent_id = '040012' AND state = 'active'")
check "issued: one active code" 13 "${#code}"
tui_check "issued: the code shown large, grouped" "$(spaced "$code")"
first=$(printf '%s' "$code" | cut -c1)
case "$first" in
[2-9]) tui_check "issued: spelled (a digit)" "$first (" ;;
*) tui_check "issued: spelled in the telephone alphabet" "$first come " ;;
esac
tui_check "issued: the LimeSurvey note" "LimeSurvey does not know this code yet"
check "stored: by op, to the caller, checked as known referent" "op|Mario Rossi|Servizi sociali|0543 712111|referente_noto" \
	"$(q "SELECT given_by, caller_name, caller_office, caller_phone, verified FROM access_code WHERE code = '$code'")"
check "stored: caller saved as contacts" 2 "$(q "SELECT count(*) FROM contact WHERE respondent_id = '040012'")"
check "stored: status codice_emesso" "codice_emesso" "$(q "SELECT status FROM campaign_respondent WHERE respondent_id = '040012'")"
tui_key Escape
tui_check "card: the code masked" "Code $(masked "$code")  given on 03/06/2019 10:30 by op to Mario Rossi"
tui_check_not "card: the code itself is not on the card" "$code"
tui_check_not "card: nor its spelling" "$(spaced "$code")"
tui_check "card: status issued" "code issued · deadline 31/07/2019"

# ---- reveal: shown on a key, audited ----
n=$(q "SELECT count(*) FROM audit_log WHERE action = 'code.reveal'")
tui_key C-v
tui_check "reveal: the code again" "$(spaced "$code")"
tui_check "reveal: says it is recorded" "recorded in the audit log"
check "reveal: one audit row" $((n + 1)) "$(q "SELECT count(*) FROM audit_log WHERE action = 'code.reveal' AND login = 'op'")"
tui_key Escape
tui_wait_gone "recorded in the audit log"

# ---- a second issue is refused, saying by whom ----
tui_key C-g
tui_wait "Access code for Forlì"
tui_keys "Luigi Verdi"
tui_key Tab
tui_keys "Sindaco"
tui_key Tab
tui_keys "0543 712000"
tui_key Tab Right
tui_key F2
tui_check "refused: who holds it" "already holds an active code"
tui_key Escape
tui_wait "Discard"
tui_keys s
tui_wait_gone "Discard"
check "refused: still one code" 1 "$(q "SELECT count(*) FROM access_code")"

# ---- re-issue: the reason, then a new code; the old one revoked ----
tui_key C-r
tui_check "re-issue: form" "New code for Forlì (the old one is revoked)"
tui_keys "Luigi Verdi"
tui_key Tab
tui_keys "Sindaco"
tui_key Tab
tui_keys "0543 712000"
tui_key Tab Right
tui_key Tab
tui_key Tab
tui_key Tab
tui_keys "codice smarrito"
tui_key F2
tui_wait "come"
code2=$(q "SELECT code FROM access_code WHERE respondent_id = '040012' AND state = 'active'")
tui_check "re-issue: the new code large" "$(spaced "$code2")"
tui_check "re-issue: says the old one is revoked" "is revoked"
check "re-issue: old revoked with the reason" "revoked|codice smarrito" "$(q "SELECT state, revoke_reason FROM access_code WHERE code = '$code'")"
tui_key Escape
tui_check "card: the new code masked" "Code $(masked "$code2")"
tui_check_not "card: no revoke key for an operatore" "revoke"
tui_stop

# ---- assistenza: no keys for codes ----
tui_start 80 24 "$CN" --db "$db" --now "$NOW" --user ass tui
tui_wait "Find a comune"
tui_keys forli
tui_wait "3 comuni"
tui_key Enter
tui_check "assistenza: sees the masked code" "Code $(masked "$code2")"
tui_check_not "assistenza: no issue key shown" "give code"
tui_check_not "assistenza: no show key shown" "reread"
tui_key C-g
tui_check "assistenza: the refusal is said" "^G is for the role operatore and up, you are assistenza: give code"
tui_key C-v
sleep 0.3
tui_check_not "assistenza: ^G opens nothing" "Access code for Forlì"
check "assistenza: no reveal happened" 0 "$(q "SELECT count(*) FROM audit_log WHERE action = 'code.reveal' AND login = 'ass'")"

# ---- the Codes screen and "whose code is this?" with a mistyped code ----
tui_key Escape
tui_key Escape
tui_keys ":codes"
tui_key Enter
tui_check "codes screen: the campaign" "Campaign famiglia-2019 — Monitoraggio politiche per la famiglia"
tui_check "codes screen: both codes" "(2 of 2 codes)"
tui_check "codes screen: masked rows" "$(masked "$code2")"
tui_key C-f
tui_check "codes screen: filter active" "Showing: active (1 of 2 codes)"
a=$(printf '%s' "$code2" | cut -c3)
b=$(printf '%s' "$code2" | cut -c4)
if [ "$a" = "$b" ]; then w=$( [ "$a" = A ] && echo B || echo A ); typo=$(printf '%s' "$code2" | sed "s/^\(..\)./\1$w/")
else typo=$(printf '%s' "$code2" | sed 's/^\(..\)\(.\)\(.\)/\1\3\2/'); fi
tui_keys /
tui_check "whose code: asks" "Whose code is this?"
tui_keys "$(printf '%s' "$typo" | tr 'A-Z' 'a-z' | sed 's/\(....\)/\1 /g')"
tui_key Enter
tui_check "whose code: probably mistyped" "fails its check symbol: probably mistyped."
# assistenza may not reveal codes: neither the code nor the slip's place
tui_check "whose code: one slip away, not where" "(one slip away)"
tui_check_not "whose code: not the slip's place" "place 3"
tui_check "whose code: Forlì, the code hidden" "•••• •••• •••• •  Forlì (040012), campaign famiglia-2019: active"
tui_check_not "whose code: never the code in clear" "$(printf '%s' "$code2" | sed 's/\(....\)/\1 /g')"
tui_key Enter
tui_wait_gone "probably mistyped"
tui_key Enter
tui_check "codes screen: Enter opens the card" "ISTAT 040012"
tui_stop

# ---- revoke from the card (supervisore and up) ----
tui_start 80 24 "$CN" --db "$db" --now "$NOW" tui
tui_wait "Find a comune"
tui_keys ":open 040012"
tui_key Enter
tui_wait "ISTAT 040012"
tui_key C-x
tui_check "revoke: asks the reason" "Revoke the code of Forlì — famiglia-2019"
tui_keys "il comune ha chiesto"
tui_key F2
tui_check "revoke: the card shows no code" "No access code  (^G: issue one)"
check "revoke: stored" "revoked|tester|il comune ha chiesto" "$(q "SELECT state, revoked_by, revoke_reason FROM access_code WHERE code = '$code2'")"
check "revoke: status back" "nessun_codice" "$(q "SELECT status FROM campaign_respondent WHERE respondent_id = '040012'")"
tui_stop
