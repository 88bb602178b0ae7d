#!/bin/sh
# Terminal abuse, through tmux: a terminal closed on an unsaved
# new call (SIGHUP: the form is kept as a draft and comes back, filled in,
# at the next start), resizing to 20x5 and back, 10 KB pasted into fields,
# and a comune name that is not UTF-8 in the database.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_tui.sh

db=$(fresh_db abuse)
NOW=2019-07-12T10:30:00
# the program may still be closing the database (a checkpoint): wait for it
sql() { sqlite3 -cmd '.timeout 10000' "$db" "$1"; }
gone() { # waits until the TUI process has ended
	i=0
	while pgrep -f "centralino --db $db" >/dev/null && [ $i -lt $((TUI_TIMEOUT * 20)) ]; do
		sleep 0.05
		i=$((i + 1))
	done
}
drafts="$HOME/.local/state/centralino/drafts"
alive() { case "$SCREEN" in *"[exited "*) echo "exited" ;; *) echo alive ;; esac; }

# ---- SIGHUP on an unsaved new call ----
tui_start 80 24 "$CN" --db "$db" --now "$NOW" tui
tui_wait "F10"
tui_keys 'aglie'
tui_check "lookup finds Agliè" "Agliè"
tui_key Enter
tui_check "its card opens" "ISTAT 001001"
tui_key F2
tui_check "F2: a new call for Agliè" "New call — Agliè (TO)"
tui_keys 1
tui_key Tab
tui_keys 'Chiede il codice; richiamare dopo le 15'
tui_key Tab Tab Tab
tui_keys 'Mario Rossi'
tui_check "the form holds what was typed" "Mario Rossi"
# the laptop lid closes: tmux closes the terminal (SIGHUP to the program)
tui_stop
gone
draft=$(ls "$drafts"/tester-call-*.draft 2>/dev/null)
check "SIGHUP: the form is kept as a draft" yes "$([ -f "$draft" ] && echo yes)"
check "SIGHUP: the draft is private (0600)" 600 "$(stat -c %a "$draft" 2>/dev/null)"
check_contains "SIGHUP: the draft holds the notes" "Chiede il codice; richiamare dopo le 15" "$(cat "$draft" 2>/dev/null)"
check "SIGHUP: nothing was saved as a call" 0 "$(sql 'SELECT count(*) FROM call')"
check "SIGHUP: the program ended (no orphan left)" "" "$(pgrep -f "centralino --db $db" || true)"

tui_start 80 24 "$CN" --db "$db" --now "$NOW" tui
tui_check "next start: the call form is back" "New call — Agliè (TO)"
tui_check "next start: says why" "The terminal closed during this call"
tui_check "next start: the notes are back" "Chiede il codice; richiamare dopo le 15"
tui_check "next start: the caller is back" "Mario Rossi"
check "next start: the draft stays, this window's, until the call is saved" yes "$([ -f "$draft" ] && echo yes || echo no)"

# ---- resizing to 20x5 and back, in the middle of the form ----
tui_resize 20 5
tui_check "20x5: a notice instead of the screen" "Terminal too"
tui_resize 80 24
tui_check "back to 80x24: the form is drawn again" "New call — Agliè (TO)"
tui_check "back to 80x24: nothing typed was lost" "Mario Rossi"
check "resize: the program is still running" alive "$(alive)"

# ---- 10 KB pasted into the notes field (the restored form's focus) ----
yes 'Lorem ipsum dolor sit amet xxx' | tr '\n' ' ' | head -c 10240 >"$T/paste"
check "the paste is 10 KB" 10240 "$(wc -c <"$T/paste" | tr -d ' ')"
tui_tmux load-buffer "$T/paste"
tui_tmux paste-buffer -t t
tui_keys ' FINE'
sleep 0.5
tui_key C-a
tui_check "10 KB paste: the notes field shows its start" "richiamare dopo le 15Lorem ipsum dolor sit"
check "10 KB paste: the program is still running" alive "$(alive)"
tui_key F2
tui_check "the restored call saves with F2" "call saved: Agliè (TO)"
check "one call saved, with the caller from before the hang-up" "1|Mario Rossi|richiesta_codice|inbound" \
	"$(sql "SELECT count(*), caller_name, category, direction FROM call")"
check "saved: the draft is gone (not offered twice)" no "$([ -f "$draft" ] && echo yes || echo no)"
notes=$(sql "SELECT notes FROM call")
check_contains "the notes hold the start of the paste" "Chiede il codice; richiamare dopo le 15Lorem ipsum dolor" "$notes"
# the notes field holds as much as the core allows (20,000 characters)
check_contains "the notes hold the whole paste, to its end" "Lorem ipsum dolor sit amet xxx Lorem ipsu FINE" "$notes"
check "the notes are the text typed, never more" 10284 "$(printf '%s' "$notes" | wc -c | tr -d ' ')"

# 10 KB into the lookup's search field: searched, no crash, still usable
tui_key Escape Escape Escape
tui_wait "Find a comune"
tui_tmux paste-buffer -t t
sleep 1
tui_key C-u
tui_keys 'torino'
tui_check "10 KB in the search field: the lookup still answers" "Torino "
check "10 KB in the search field: still running" alive "$(alive)"
tui_stop
gone

# ---- a comune name that is not UTF-8 (edited by hand with sqlite3) ----
sql "UPDATE comune SET name = CAST(X'466F726CEC20FF8020C3' AS TEXT), name_other = CAST(X'C328' AS TEXT) WHERE istat = '040012'"
"$CN" --db "$db" --now "$NOW" call add --respondent 040012 --caller "Anna" --category altro >/dev/null
tui_start 80 24 "$CN" --db "$db" --now "$NOW" tui
tui_wait "F10"
tui_keys 'forl'
tui_check "invalid UTF-8: the lookup still finds the others" "Forlimpopoli"
tui_check "invalid UTF-8: the broken name is shown escaped" 'Forl\xec \xff\x80 \xc3'
check_not_contains "invalid UTF-8: no error instead of results" "out of memory" "$SCREEN"
tui_key Enter
tui_check "invalid UTF-8: the card opens" "ISTAT 040012"
tui_check "invalid UTF-8: the card shows the name escaped" 'Forl\xec \xff\x80 \xc3'
tui_check "invalid UTF-8: and the call" "Anna"
tui_key F3
tui_check "invalid UTF-8: the Calls screen lists the call" "Anna"
tui_resize 20 5
tui_resize 100 30
tui_check "invalid UTF-8: redrawn after a resize" "Anna"
check "invalid UTF-8: the program is still running" alive "$(alive)"
tui_key F10
tui_stop
