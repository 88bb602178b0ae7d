#!/bin/sh
# Hostile text on screen: control characters, bidi overrides and
# zero-width characters that got into the database (older rows, written
# before the text policy) are drawn escaped, never sent. Headless (script
# mode): each screen is compared whole, and the bytes the program sent to
# its terminal (!terminal) are read: no escape sequence but the terminal
# description's own, no BEL, no C1, no U+202E or U+200B. Under a locale that
# is not UTF-8 every screen is ASCII with the right widths (Forlì -> Forli,
# frames of - and |). Kept on a real terminal (tmux): the same hostile name
# in the lookup, and a function key the terminal description does not know.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_tui.sh
. tests/tui/lib_script.sh

db=$(screen_db hostile)
NOW=2019-07-31T10:30:00
E=$(printf '\033[2J\033]0;pwn\007')
CR=$(printf '\r')
BS=$(printf '\b')
C1=$(printf '\302\233')       # U+009B, the one-byte CSI
RLO=$(printf '\342\200\256')  # U+202E
ZW=$(printf '\342\200\213')   # U+200B
"$CN" --db "$db" --now 2019-07-01T09:00:00 campaign add fam --name Famiglia --opens 2019-06-01 \
	--deadline 2019-07-31 --respondents comune >/dev/null
id=$("$CN" --db "$db" --now 2019-07-31T10:00:00 call add --respondent 040012 --category altro \
	--caller Anna --notes nota)
q "UPDATE comune SET name = 'Forl${E}${CR}ì' WHERE istat = '040012';
   UPDATE respondent SET name = 'Forl${E}${CR}ì' WHERE id = '040012';
   UPDATE call SET caller_name = 'Anna${CR}admin   ', notes = 'a${BS}${BS}b ${C1}31m ${RLO}cba ${ZW}x' WHERE id = '$id';
   UPDATE campaign SET name = 'Fam${E}iglia' WHERE key = 'fam';
   UPDATE staff SET name = 'Tester${CR}${RLO}' WHERE login = 'tester';
   INSERT INTO audit_log (uuid, at, login, action, object_kind, object_id, details)
   VALUES ('abbbbbbb-0000-4000-8000-000000000001', '2019-07-31T08:00:00Z', 'tester', 'call.add', 'call', '$id',
           'caller=Anna${CR}root${E}');"
# the call's random id, whole or cut, as many #s as it has characters
short=$(printf '%s' "$id" | cut -c1-8)
# (and the database's path, in the host's temporary folder)
SCREEN_MASK="s/$short/@/g; :a; s/@(#*)[-0-9a-f]/@\1#/; ta; s/@/########/g; s#database /[^ ]+#database (path)#"

tui_script hostile "$CN" --db "$db" --now "$NOW" tui <<'EOF2'
!terminal terminal.bytes
forl
!screen lookup
<Enter>
!screen card
<Esc><Esc>:calls<Enter>
!screen calls
<Enter>
!screen call
<Esc><Esc>:audit<Enter>
!screen audit
<Enter>
!screen entry
<Esc><Esc>:campaigns<Enter>
!screen campaigns
<Esc>:staff<Enter>
!screen staff
EOF2
for s in lookup card calls call audit entry campaigns staff; do
	screen_is "hostile/$s"
done
screen_has "lookup: ESC drawn escaped" hostile/lookup 'Forl\x1b[2J\x1b]0;pwn\x07 ì'
screen_has "call: CR drawn as a blank" hostile/call 'Anna admin'
screen_has "call: backspace, C1, U+202E, U+200B drawn escaped" hostile/call 'a\x08\x08b \u009b31m \u202ecba \u200bx'
screen_has "audit: the entry's CR and ESC escaped" hostile/entry 'Anna root\x1b[2J\x1b]0;pwn\x07'
bytes="$SCREENS/hostile/terminal.bytes"
check "terminal: the bytes were kept" 1 "$([ -s "$bytes" ] && echo 1)"
check "terminal: no OSC (ESC ]) sent" 0 "$(LC_ALL=C grep -c "$(printf '\033')]" "$bytes")"
check "terminal: no BEL sent" 0 "$(LC_ALL=C tr -cd '\007' <"$bytes" | wc -c | tr -d ' ')"
# (xterm moves the cursor left with a backspace of its own)
check "terminal: the notes' backspaces not sent" 0 "$(LC_ALL=C grep -c "a$BS${BS}b" "$bytes")"
check "terminal: no C1 character sent" 0 "$(LC_ALL=C grep -c "$(printf '\302')[$(printf '\200-\237')]" "$bytes")"
check "terminal: no U+202E sent" 0 "$(LC_ALL=C grep -c "$RLO" "$bytes")"
check "terminal: no U+200B sent" 0 "$(LC_ALL=C grep -c "$ZW" "$bytes")"
# every ESC starts one of xterm's own sequences: CSI, a character set, a
# keypad mode, cursor save/restore
other=$(LC_ALL=C perl -ne 'while (/\e([^\[()=>78])/g) { printf "%02x\n", ord $1 }' "$bytes" | sort -u | tr '\n' ' ')
check "terminal: every ESC is the terminal's own sequence" "" "$other"
check_contains "terminal: the name went out escaped" 'Forl\x1b[2J\x1b]0;pwn\x07' "$(cat "$bytes")"

# a locale that is not UTF-8: ASCII screens, the right widths
db2=$(screen_db ascii)
tui_script ascii LC_ALL=C "$CN" --db "$db2" --now "$NOW" tui <<'EOF2'
!terminal terminal.bytes
forli
!screen lookup
<Down><Down><Enter>
!screen card
EOF2
screen_is ascii/lookup
screen_is ascii/card
screen_has "C locale: Forlì del Sannio as Forli" ascii/lookup "Forli del Sannio                             IS  Molise"
screen_has "C locale: rule drawn with -" ascii/card "-- Registry ---"
check "C locale: the screens are ASCII" 0 \
	"$(cat "$SCREENS/ascii/lookup" "$SCREENS/ascii/card" | LC_ALL=C grep -c '[^ -~]')"
check "C locale: the terminal got ASCII only" 0 \
	"$(LC_ALL=C tr -d '\000-\177' <"$SCREENS/ascii/terminal.bytes" | wc -c | tr -d ' ')"

# on a real terminal: the hostile name in the lookup
tui_start 80 24 "$CN" --db "$db" --now "$NOW" tui
tui_wait "F10"
tui_keys 'forl'
tui_check "tmux: ESC drawn escaped" 'Forl\x1b[2J\x1b]0;pwn\x07 ì'
tui_check "tmux: the screen was not cleared" "tester (admin)"
tui_stop

# a function key the terminal description does not know (F5 under vt100
# sends \e[15~): dropped, never typed into the search; Esc alone still
# clears; a new call without function keys (^N)
tui_start 80 24 TERM=vt100 "$CN" --db "$db2" --now "$NOW" tui
tui_wait "Comune:"
tui_keys 'forl'
tui_key F5
tui_keys 'i'
tui_check "vt100: the unknown F5 is dropped" "Comune: forli "
tui_check_not "vt100: nothing of the sequence typed" "[15~"
tui_key Escape
tui_wait_gone "Comune: forli"
tui_check_not "vt100: Esc alone clears the search" "Comune: forli"
tui_keys 'forl'
tui_key C-n
tui_check "vt100: ^N starts a new call for the highlighted comune" "New call"
tui_stop
