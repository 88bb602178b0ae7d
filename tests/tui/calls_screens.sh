#!/bin/sh
# The phone request log in the full-screen interface, as whole screens
# (headless script mode, tests/tui/lib_script.sh), with the keyboard only: a
# call for Agliè logged from its card in a handful of keys (it then shows on
# the card and in the Calls screen); a new call from the Calls screen
# through the "who is calling?" step, where a known phone number says whom
# it called for; opening, closing and calling back; the status bar counting
# my callbacks due, announced once; the form kept as a draft when the
# terminal goes away.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_script.sh

db=$(screen_db tuicalls)
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
# call ids are random: masked before screens are compared (also when the
# status line cuts one short: "(4…")
mask_ids() {
	# shellcheck disable=SC2046
	screen_mask_ids $(sql "SELECT id FROM call")
}
# The mask leaves alone text that holds an id's first letters: notes of
# a's and b's once lost "abbbbbbb" to a call whose id began "abbb".
screen_mask_ids abbbbbbb-0000-4000-8000-000000000000
check "mask: an id alone, in a title and cut in a message" "Call ######## — x (########… (########)" \
	"$(echo "Call abbbbbbb — x (abb… (abbbbbbb)" | sed -E "$SCREEN_MASK")"
check "mask: not inside other text" "aaaaaaaaabbbbbbbbbb 1abbbbbbb abbbbbbbc" \
	"$(echo "aaaaaaaaabbbbbbbbbb 1abbbbbbb abbbbbbbc" | sed -E "$SCREEN_MASK")"

# ---- a call for Agliè from its card: n, 1, Tab, notes, F2 ----
n=$(calls_n)
a=$(audit_n)
tui_script card "$CN" --db "$db" --now "$NOW" tui <<'EOF'
!screen start
aglie
!screen found
<Enter>
!screen card
<F2>
!screen form
1
!screen category
<Tab>Chiede il codice; dice "urgente", città
!screen notes
<F2>
!screen saved
EOF
mask_ids
for shot in start found card form category notes saved; do screen_is "card/$shot"; done
screen_has "status bar: my callbacks due" card/start "1 callback due"
screen_has "a due callback is announced" card/start "Callback due now: Torino (TO) — Lucia Bianchi"
screen_has "lookup finds Agliè" card/found "Agliè"
screen_has "the card opens" card/card "── Calls ──"
screen_has "the card lists the earlier call" card/card "1 call.  F2: new call for this comune"
screen_has_not "the callback is announced once only" card/card "Callback due now"
screen_has "F2 on the card: a new call for Agliè" card/form "New call — Agliè (TO)"
screen_has "the timer runs" card/form "in progress 0:00"
screen_has "1 picks the first category" card/category "‹ Richiesta del codice di accesso ›"
screen_has "saved: said on the status line" card/saved "call saved: Agliè (TO), Richiesta del codice di accesso"
screen_has "back on the card: two calls, one open" card/saved "2 calls, 1 open."
screen_has "the new call on the card" card/saved "Chiede il codice"
check "one call stored" $((n + 1)) "$(calls_n)"
check "one audit row" $((a + 1)) "$(audit_n)"
check "stored: every field the form set" "001001|richiesta_codice|Chiede il codice; dice \"urgente\", città|aperta|tester|fam2019|2019-07-12T08:30:00Z|2019-07-12T08:30:00Z|inbound" \
	"$(sql "SELECT c.respondent_id, c.category, c.notes, c.state, c.operator, k.key, c.started_at, c.ended_at, c.direction
	        FROM call c JOIN campaign k ON k.id = c.campaign_id ORDER BY c.rowid DESC LIMIT 1")"
new=$(sql "SELECT id FROM call ORDER BY rowid DESC LIMIT 1")
line=$(grep -F -m1 "Chiede il codice" "$(screen_file card/saved)")
check_contains "card row: time" "12/07 10:30" "$line"
check_contains "card row: state" "open" "$line"

# ---- the Calls screen; open, close, call back ----
tui_script log "$CN" --db "$db" --now "$NOW" tui <<'EOF'
:calls<Enter>
!screen calls
<C-o>
!screen open
<C-d>
!screen due
<C-a>
!screen all
<Up><Up><Up><Up><Enter>
!screen call
<C-x>
!screen close
Codice inviato via PEC<F2>
!screen closed
<C-r>
!screen back
<Tab>Richiamato: tutto a posto<F2>
!screen back-saved
<Esc>
!screen log
EOF
mask_ids
for shot in calls open due all call close closed back back-saved log; do screen_is "log/$shot"; done
screen_has "the Calls screen" log/calls "3 calls"
screen_has "filters shown" log/calls "^O open"
check_contains "Calls: the new call first (newest)" "12/07 10:30  Agliè (TO)" "$(screen_line log/calls 6)"
check_contains "Calls: the newest first, then the 11/07 one" "11/07 16:00  Torino (TO)" "$(screen_line log/calls 7)"
screen_has "^O: only open calls" log/open "2 calls"
screen_has "^D: callbacks due (and open)" log/due "1 call"
screen_has "^D: it is Torino's" log/due "Torino (TO)"
screen_has "^A: every filter off" log/all "3 calls"
screen_has "Enter opens the newest call" log/call "Chiede il codice; dice \"urgente\", città"
screen_has "the call's screen shows its respondent" log/call "Agliè (TO)  [001001]"
screen_has "^X asks the outcome" log/close "Close call"
screen_has "closed: said so" log/closed "closed"
check "closed: stored" "chiusa|Codice inviato via PEC|tester" \
	"$(sql "SELECT state, outcome, closed_by FROM call WHERE id = '$new'")"
screen_has "^R: calling back, a new call following this one" log/back "Calling back — Agliè (TO)"
screen_has "^R: the category of the earlier call" log/back "Richiesta del codice di accesso"
screen_has "call back saved" log/back-saved "call saved: Agliè (TO)"
check "call back: follows, outbound" "$new|outbound|001001" \
	"$(sql "SELECT follows_call, direction, respondent_id FROM call ORDER BY rowid DESC LIMIT 1")"
screen_has "the call's screen lists its follow-up" log/back-saved "Followed by"
screen_has "back to the Calls screen" log/log "4 calls"

# ---- a new call from the Calls screen: who is calling? by phone number ----
tui_script phone "$CN" --db "$db" --now "$NOW" tui <<'EOF'
:calls<Enter><F2>
!screen who
011/987 65 43
!screen known
<Enter>
!screen form
p
!screen letter
<Tab>Non riesce a entrare<Tab><Tab>+2h
!screen callback
<F2>
!screen saved
EOF
mask_ids
for shot in who known form letter callback saved; do screen_is "phone/$shot"; done
screen_has "F2: who is calling?" phone/who "Who is calling?"
screen_has "a known number says whom it called for" phone/known "called on 10/07 09:00 for Agliè (TO) — Mario Rossi"
screen_has "picked from the number: the form" phone/form "New call — Agliè (TO)"
screen_has "the caller comes with the number" phone/form "Mario Rossi"
screen_has "a letter moves to a category" phone/letter "‹ Problema di accesso al questionario ›"
screen_has "the callback time is read back" phone/callback "→ 12/07/2019 12:30"
screen_has "saved, the card of the comune opens" phone/saved "call saved: Agliè (TO), Problema di accesso al questionario"
screen_has "the card shows it, with its callback" phone/saved "waiting    ↻ 12/07 12:30  Mario Rossi"
check "stored: phone, caller, callback, waiting" "+390119876543|Mario Rossi|2019-07-12T10:30:00Z|tester|in_attesa" \
	"$(sql "SELECT phone, caller_name, callback_due, callback_owner, state FROM call ORDER BY rowid DESC LIMIT 1")"

# ---- an unidentified caller: Enter with nothing typed; Esc leaves without saving ----
n=$(calls_n)
tui_script unknown "$CN" --db "$db" --now "$NOW" tui <<'EOF'
:call<Enter>
!screen who
<Enter>
!screen form
<F2>
!screen refused
<Esc>
!screen leave
y
!screen left
:quit<Enter>
EOF
mask_ids
for shot in who form refused leave left; do screen_is "unknown/$shot"; done
screen_has ":call: who is calling?" unknown/who "Who is calling?"
screen_has "nothing typed: not identified" unknown/form "New call — (not identified)"
screen_has "no category: the form says so" unknown/refused "choose a category"
screen_has "leaving asks first" unknown/leave "Leave it unsaved?"
screen_has "not saved" unknown/left "not saved"
check "nothing stored" "$n" "$(calls_n)"

# ---- the terminal goes away during a new call: the form comes back ----
n=$(calls_n)
tui_script hangup "$CN" --db "$db" --now "$NOW" tui <<'EOF'
<F2><Enter>3<Tab>Cade la linea
!hangup
EOF
check "hangup: nothing stored" "$n" "$(calls_n)"
tui_script restored "$CN" --db "$db" --now "$NOW" tui <<'EOF'
!screen form
EOF
mask_ids
screen_is restored/form
screen_has "hangup: with what was typed" restored/form "Cade la linea"

# ---- long notes: the field holds what the core allows, and says when over ----
long=$(head -c 19995 /dev/zero | tr '\0' 'a')
id=$(cn call add --respondent 001272 --category altro --notes "$long")
tui_script long "$CN" --db "$db" --now "$NOW" tui <<EOF
:call $id<Enter><C-e><C-e>bbbbbbbbbb<F2>
!screen over
<BS><BS><BS><BS><BS><F2>
!screen saved
EOF
mask_ids
screen_is long/over
screen_has "long notes: the core's refusal under the notes" long/over "notes: longer than 20000 characters (20005)"
screen_has "long notes: saved once within the limit" long/saved "saved"
check "long notes: all 20,000 characters stored" 20000 "$(sql "SELECT length(notes) FROM call WHERE id = '$id'")"

# ---- a script types the same keys on every host: no inputrc is read ----
printf '"a": "z"\n' >"$T/inputrc"
tui_script inputrc INPUTRC="$T/inputrc" "$CN" --db "$db" --now "$NOW" tui <<'EOF2'
:cal
!screen line
EOF2
check "script mode: readline reads no inputrc (a bound to z there)" ":cal" "$(screen_line inputrc/line 24)"
