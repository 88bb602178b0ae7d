#!/bin/sh
# A terminal that goes away without SIGHUP (the TUI started outside the
# terminal's session, as `su - user -c centralino` does, and the window
# closed): the process writes its draft and is gone within 2 s, without
# spinning. Two windows of the same person hung up mid-call: two drafts,
# both restored at the next start, one form over the other.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_tui.sh

db=$(fresh_db hangup)
NOW=2019-07-31T10:30:00
export XDG_STATE_HOME="$T/state"
cc -std=gnu11 -O1 -o "$T/pty_close" tests/tui/pty_close.c -lutil || echo "not ok - pty helper builds"
drafts() { ls "$XDG_STATE_HOME/centralino/drafts" 2>/dev/null | grep -c '\.draft$'; }

# one window: F2 new call, category 3, a note; then the terminal closes
out=$(TERM=xterm-256color LC_ALL=C.UTF-8 "$T/pty_close" '\eOQ' '\r' 3 '\t' 'Finestra uno' -- \
	"$CN" --db "$db" --now "$NOW" tui)
ms=$(printf '%s' "$out" | sed -n 's/^gone after \([0-9]*\) ms.*/\1/p')
check_contains "no SIGHUP: the process is gone" "gone after" "$out"
check "no SIGHUP: gone within 2 s ($out)" 1 "$([ -n "$ms" ] && [ "$ms" -lt 2000 ] && echo 1)"
cpu=$(printf '%s' "$out" | sed -n 's/.*cpu \([0-9]*\) ms$/\1/p')
# the CPU of the whole process, start included: valgrind's start alone
# takes more than a second, so its runs give a bound of their own
bound=${TUI_CPU_BOUND:-1500}
check "no SIGHUP: no spinning (cpu ${cpu} ms, bound $bound)" 1 "$([ -n "$cpu" ] && [ "$cpu" -lt "$bound" ] && echo 1)"
check "no SIGHUP: the draft is written" 1 "$(drafts)"
check_contains "no SIGHUP: the draft holds the note" "Finestra uno" "$(cat "$XDG_STATE_HOME"/centralino/drafts/*.draft)"

# two windows of the same person at the same time (the first draft is
# set aside: a window that starts takes the drafts there are)
mkdir "$T/aside"
mv "$XDG_STATE_HOME"/centralino/drafts/*.draft "$T/aside/"
TERM=xterm-256color LC_ALL=C.UTF-8 "$T/pty_close" '\eOQ' '\r' 3 '\t' 'Finestra due' -- \
	"$CN" --db "$db" --now "$NOW" tui > "$T/w2" &
TERM=xterm-256color LC_ALL=C.UTF-8 "$T/pty_close" '\eOQ' '\r' 3 '\t' 'Finestra tre' -- \
	"$CN" --db "$db" --now "$NOW" tui > "$T/w3" &
wait
check_contains "two windows: the first gone" "gone after" "$(cat "$T/w2")"
check_contains "two windows: the second gone" "gone after" "$(cat "$T/w3")"
check "two windows: two drafts, none overwritten" 2 "$(drafts)"
all=$(cat "$XDG_STATE_HOME"/centralino/drafts/*.draft)
for w in due tre; do
	check_contains "drafts: window $w kept" "Finestra $w" "$all"
done

# the next start brings all three back, one form over the other
mv "$T"/aside/*.draft "$XDG_STATE_HOME"/centralino/drafts/
tui_start 80 24 XDG_STATE_HOME="$XDG_STATE_HOME" "$CN" --db "$db" --now "$NOW" tui
tui_check "restore: the forms are back" "their forms are back"
tui_check "restore: the first form" "Finestra"
check "restore: the drafts are taken" 0 "$(drafts)"
for i in 1 2 3; do
	tui_wait "Finestra"
	tui_key F2
	tui_wait_gone "$(printf '%s\n' "$SCREEN" | grep -o 'Finestra [a-z]*' | head -1)"
done
check "restore: each form saved in turn, three calls" "Finestra due|Finestra tre|Finestra uno" \
	"$(q "SELECT group_concat(notes, '|') FROM (SELECT notes FROM call WHERE notes LIKE 'Finestra %' ORDER BY notes)")"
tui_stop
