#!/bin/sh
# The phone request log in the full-screen interface, through tmux, with the
# keyboard only: a call for Agliè logged from its card in a handful of keys
# (it then shows on the card and in the Calls screen); a new call from the
# Calls screen through the "who is calling?" step, where a known phone
# number says whom it called for; opening, closing and calling back; the
# status bar counting my callbacks due, announced once.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_tui.sh

db=$(fresh_db tuicalls)
NOW=2019-07-12T10:30:00
sql() { sqlite3 "$db" "$1"; }
cn() { "$CN" --db "$db" --now "$NOW" "$@"; }
sql "INSERT INTO campaign (key, name, opens_on, deadline, kinds, created_at) VALUES
	('fam2019', 'Politiche per la famiglia 2019', '2019-05-01', '2019-07-31', 'comune', '2019-01-01T00:00:00Z')"
# an earlier call from Agliè, closed; a callback of mine due at 10:00 for Torino
old=$(cn call add --respondent 001001 --category problema_tecnico --phone "011 9876543" \
	--caller "Mario Rossi" --started "2019-07-10 09:00" --outcome "Risolto")
due=$(cn call add --respondent 001272 --category richiesta_proroga --caller "Lucia Bianchi" \
	--phone "333 1234567" --started "2019-07-11 16:00" --callback "2019-07-12 10:00")
calls_n() { sql "SELECT count(*) FROM call"; }

tui_start 80 24 "$CN" --db "$db" --now "$NOW" tui
tui_check "status bar: my callbacks due" "1 callback due"
tui_check "a due callback is announced" "Callback due now: Torino (TO) — Lucia Bianchi"

# ---- a call for Agliè from its card: n, 1, Tab, notes, F2 ----
tui_keys 'aglie'
tui_check "lookup finds Agliè" "Agliè"
tui_key Enter
tui_check "the card opens" "── Calls ──"
tui_check "the card lists the earlier call" "1 call.  F2 or n: new call for this comune"
tui_check_not "the callback is announced once only" "Callback due now"
n=$(calls_n)
a=$(audit_n)
tui_keys n
tui_check "n on the card: a new call for Agliè" "New call — Agliè (TO)"
tui_check "the timer runs" "in progress 0:00"
tui_keys 1
tui_check "1 picks the first category" "‹ Richiesta del codice di accesso ›"
tui_key Tab
tui_keys 'Chiede il codice; dice "urgente", città'
tui_key F2
tui_check "saved: said on the status line" "call saved: Agliè (TO), Richiesta del codice di accesso"
tui_check "back on the card: two calls, one open" "2 calls, 1 open."
tui_check "the new call on the card" "Chiede il codice"
check "one call stored" $((n + 1)) "$(calls_n)"
check "one audit row" $((a + 1)) "$(audit_n)"
check "stored: every field the form set" "001001|richiesta_codice|Chiede il codice; dice \"urgente\", città|aperta|tester|fam2019|2019-07-12T08:30:00Z|2019-07-12T08:30:00Z|inbound" \
	"$(sql "SELECT c.respondent_id, c.category, c.notes, c.state, c.operator, k.key, c.started_at, c.ended_at, c.direction
	        FROM call c JOIN campaign k ON k.id = c.campaign_id ORDER BY c.rowid DESC LIMIT 1")"
new=$(sql "SELECT id FROM call ORDER BY rowid DESC LIMIT 1")
line=$(tui_line "Chiede il codice")
check_contains "card row: time" "12/07 10:30" "$line"
check_contains "card row: state" "open" "$line"

# ---- the Calls screen ----
tui_keys ':calls'
tui_key Enter
tui_check "the Calls screen" "3 calls"
tui_check "filters shown" "o open"
tui_screen >/dev/null
check_contains "Calls: the new call first (newest)" "12/07 10:30  Agliè (TO)" "$(printf '%s\n' "$SCREEN" | sed -n 6p)"
check_contains "Calls: the newest first, then the 11/07 one" "11/07 16:00  Torino (TO)" "$(printf '%s\n' "$SCREEN" | sed -n 7p)"
tui_keys o
tui_check "o: only open calls" "2 calls"
tui_keys d
tui_check "d: callbacks due (and open)" "1 call"
tui_check "d: it is Torino's" "Torino (TO)"
tui_keys a
tui_check "a: every filter off" "3 calls"

# ---- open, close, call back ----
tui_key Up Up Up Up
tui_key Enter
tui_check "Enter opens the newest call" "Chiede il codice; dice \"urgente\", città"
tui_check "the call's screen shows its respondent" "Agliè (TO)  [001001]"
tui_keys x
tui_check "x asks the outcome" "Close call"
tui_keys 'Codice inviato via PEC'
tui_key F2
tui_check "closed: said so" "closed"
check "closed: stored" "chiusa|Codice inviato via PEC|tester" \
	"$(sql "SELECT state, outcome, closed_by FROM call WHERE id = '$new'")"
tui_keys r
tui_check "r: calling back, a new call following this one" "Calling back — Agliè (TO)"
tui_check "r: the category of the earlier call" "Richiesta del codice di accesso"
tui_keys 'Richiamato: tutto a posto'
tui_key F2
tui_check "call back saved" "call saved: Agliè (TO)"
check "call back: follows, outbound" "$new|outbound|001001" \
	"$(sql "SELECT follows_call, direction, respondent_id FROM call ORDER BY rowid DESC LIMIT 1")"
tui_check "the call's screen lists its follow-up" "Followed by"
tui_key Escape
tui_check "back to the Calls screen" "4 calls"

# ---- a new call from the Calls screen: who is calling? by phone number ----
tui_key F2
tui_check "F2: who is calling?" "Who is calling?"
tui_keys '011/987 65 43'
tui_check "a known number says whom it called for" "called on 10/07 09:00 for Agliè (TO) — Mario Rossi"
tui_key Enter
tui_check "picked from the number: the form" "New call — Agliè (TO)"
tui_check "the caller comes with the number" "Mario Rossi"
tui_keys p
tui_check "a letter moves to a category" "‹ Problema di accesso al questionario ›"
tui_key Tab
tui_keys 'Non riesce a entrare'
tui_key Tab
tui_key Tab
tui_keys '+2h'
tui_check "the callback time is read back" "→ 12/07/2019 12:30"
tui_key F2
tui_check "saved, the card of the comune opens" "call saved: Agliè (TO), Problema di accesso al questionario"
tui_check "the card shows it, with its callback" "waiting    ↻ 12/07 12:30  Mario Rossi"
check "stored: phone, caller, callback, waiting" "+390119876543|Mario Rossi|2019-07-12T10:30:00Z|tester|in_attesa" \
	"$(sql "SELECT phone, caller_name, callback_due, callback_owner, state FROM call ORDER BY rowid DESC LIMIT 1")"

# an unidentified caller: Enter with nothing typed; Esc leaves without saving
n=$(calls_n)
tui_keys ':call'
tui_key Enter
tui_check ":call: who is calling?" "Who is calling?"
tui_key Enter
tui_check "nothing typed: not identified" "New call — (not identified)"
tui_key F2
tui_check "no category: the form says so" "choose a category"
tui_key Escape
tui_check "leaving asks first" "Leave it unsaved?"
tui_keys y
tui_check "not saved" "not saved"
check "nothing stored" "$n" "$(calls_n)"

tui_keys ':quit'
tui_key Enter
tui_check "quits" "[exited 0]"
tui_stop
