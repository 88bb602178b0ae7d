#!/bin/sh
# Keys rebound from the configuration file (`bind = SCOPE KEY ACTION`, as
# tig's bind): the key does the action, the hints and the help show it, the
# action's own key no longer does; a wrong line names its file, line and
# field, and no line of the file is used. Whole screens in script mode.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_script.sh

db=$(screen_db keys)
NOW=2019-07-12T10:30:00
cn() { "$CN" --db "$db" --now "$NOW" "$@"; }
id=$(cn call add --respondent 001272 --category altro --notes "Chiede la scadenza")
screen_mask_ids "$id"
conf="$HOME/.config/centralino/config"
mkdir -p "$(dirname "$conf")"

# ---- ^K closes a call instead of ^X; F12 opens the Calls screen too ----
cat >"$conf" <<'CONF'
# the desk's own keys
bind = call C-k call-close
bind = global F12 calls
CONF
run cn stats
check "bind lines: the commands read the file as before" 0 "$RC"
tui_script keys-bound "$CN" --db "$db" --now "$NOW" tui <<KEYS
:call $id<Enter>
!screen call
<C-x>
!screen ctrl-x
<C-k>
!screen close
<Esc><?>
!screen help
<Esc><Esc><F12>
!screen f12
KEYS
for shot in call ctrl-x close help f12; do screen_is "keys-bound/$shot"; done
check_contains "bound: the hint shows ^K" "^K  close" "$(screen_line keys-bound/call 24)"
check_not_contains "bound: ^X not in the hints" "^X" "$(screen_line keys-bound/call 24)"
screen_has_not "bound: ^X closes nothing" keys-bound/ctrl-x "Close call"
screen_has "bound: ^K asks the outcome" keys-bound/close "Close call"
screen_has "bound: the help lists ^K" keys-bound/help "^K"
screen_has "bound: another key for a global action" keys-bound/f12 "^O open"

# ---- a wrong line: file, line and field named; no line is used ----
bad() {
	printf 'bind = call C-k call-close\n%s\n' "$2" >"$conf"
	tui_script "keys-$1" "$CN" --db "$db" --now "$NOW" tui <<KEYS
!screen told
<Enter>:call $id<Enter>
!screen call
KEYS
	# (the folder of the file varies with the host's TMPDIR: its end only)
	screen_has "$1: the file and line" "keys-$1/told" "centralino/config:2: bind:"
	screen_has "$1: the field" "keys-$1/told" "$3"
	check_contains "$1: no line used, ^X as before" "^X  close" "$(screen_line "keys-$1/call" 24)"
}
bad scope "bind = calls-screen C-k call-close" "SCOPE: 'calls-screen' is not a"
bad key "bind = call Ctrl-K call-close" "KEY: 'Ctrl-K' is not a key"
bad action "bind = call C-k close-call" "ACTION: 'close-call' is not an"
bad scope-of-action "bind = calls C-k call-close" "ACTION: 'call-close' is not an"
bad words "bind = call C-k" "three words"
