#!/bin/sh
# The call as one flow, through tmux, at 80x24 and 160x48, in English and
# Italian: typing a comune's name on a card only searches (no audit row, the
# program stays); F2 on the lookup's highlighted row starts a call for that
# comune; keys a role may not use say so; the identity check of a code has
# no default; the card shows the effective deadline with its proroga.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_tui.sh

db=$(fresh_db tuiflow)
NOW=2019-07-12T10:30:00
q() { sqlite3 "$db" "$1"; }
"$CN" --db "$db" staff add op --name "Olga Operatrice" --role operatore >/dev/null
"$CN" --db "$db" staff add ass --name "Aldo Assistenza" --role assistenza >/dev/null
"$CN" --db "$db" --now "$NOW" campaign add fam2019 --name "Famiglia 2019" \
	--opens 2019-06-01 --deadline 2019-07-31 --respondents comune >/dev/null
"$CN" --db "$db" --now "$NOW" code issue --campaign fam2019 035033 --caller "Rita Neri" \
	--office "Servizi sociali" --phone "0522 456111" --verified referente_noto >/dev/null 2>&1
"$CN" --db "$db" --now "$NOW" extension grant --campaign fam2019 035033 --until 2019-09-30 \
	--reason "giunta rinviata" >/dev/null

for size in "80 24" "160 48"; do
	for lang in en it; do
		set -- $size
		tag="${1}x$2 $lang"
		tui_start "$1" "$2" "$CN" --db "$db" --now "$NOW" --user op --lang "$lang" tui
		tui_wait "F10"
		tui_keys 'reggio em'
		tui_wait "Reggio"
		tui_key Enter
		tui_check "$tag: Reggio's card" "ISTAT 035033"
		if [ "$lang" = en ]; then
			tui_check "$tag: the effective deadline, with its proroga" "deadline 30/09/2019 (proroga"
		else
			tui_check "$tag: the effective deadline, with its proroga" "scadenza 30/09/2019 (proroga"
		fi
		n=$(audit_n)
		# the next caller's comune typed on the card: it only searches
		tui_keys 'sassari'
		tui_check "$tag: typing a name on a card searches it" "Sassari"
		tui_check_not "$tag: the card is gone" "ISTAT 035033"
		check "$tag: typing on the card wrote no audit row" "$n" "$(audit_n)"
		tui_key Enter
		tui_check "$tag: Sassari's card" "ISTAT 090064"
		tui_keys 'qrsvi'
		sleep 0.3
		tui_check_not "$tag: q, r, s, v, i never leave the program" "[exited"
		check "$tag: nor write an audit row" "$n" "$(audit_n)"
		tui_key Escape
		tui_keys 'aglie'
		tui_wait "Agliè"
		tui_key F2
		if [ "$lang" = en ]; then
			tui_check "$tag: F2 on the highlighted row: a call for it" "New call — Agliè (TO)"
		else
			tui_check "$tag: F2 on the highlighted row: a call for it" "Nuova chiamata — Agliè (TO)"
		fi
		tui_key Escape
		sleep 0.2
		tui_keys s
		sleep 0.2
		tui_key F10
		tui_check "$tag: F10 quits once nothing is unsaved" "[exited 0]"
		tui_stop
	done
done

# ---- a role without a key: the refusal is on the message line ----
tui_start 80 24 "$CN" --db "$db" --now "$NOW" --user ass tui
tui_wait "F10"
tui_keys ':open 035033'
tui_key Enter
tui_wait "ISTAT 035033"
n=$(audit_n)
tui_key C-v
tui_check "assistenza: ^V says who may" "^V is for the role operatore and up, you are assistenza: reread"
check "assistenza: nothing revealed" "$n" "$(audit_n)"
tui_keys ':dashboard'
tui_key Enter
tui_check "assistenza: :dashboard says why not" ":dashboard is for the role supervisore and up; you are assistenza"
tui_stop

# ---- the identity check has no default ----
tui_start 80 24 "$CN" --db "$db" --now "$NOW" --user op tui
tui_wait "F10"
tui_keys ':open 035033'
tui_key Enter
tui_wait "ISTAT 035033"
tui_key C-r
tui_check "re-issue: the form" "New code for Reggio"
tui_keys 'Rita Neri'
tui_key Tab
tui_keys 'Servizi sociali'
tui_key Tab
tui_keys '0522 456111'
tui_key Tab
tui_check "re-issue: nothing chosen for how the caller was checked" "— choose: 1-9"
tui_key Tab Tab Tab
tui_keys 'codice smarrito'
tui_key F2
tui_check "re-issue: refused until it is chosen" "how was the caller checked? choose one"
check "re-issue: nothing changed" 1 "$(q "SELECT count(*) FROM access_code")"
tui_key Escape
tui_wait "Discard"
tui_keys s
tui_stop

# ---- opening a card starts the call: its timer runs on the card (real
# time, no --now), and the call form one key away began when the card opened
tui_start 80 24 "$CN" --db "$db" --user op tui
tui_wait "F10"
tui_keys 'aglie'
tui_wait "Agliè"
tui_key Enter
tui_check "card: the call's timer starts with the card" "in progress 0:0"
sleep 2.5
# at least two seconds on the timer (a loaded host may show more)
running() { tui_screen | grep -Eq "in progress 0:(0[2-9]|[1-5][0-9])" && echo yes; }
check "card: ... and runs" yes "$(running)"
tui_key F2
tui_check "F2 on the card: the call form for this comune" "New call — Agliè (TO)"
check "... its timer goes on from the card's" yes "$(running)"
tui_keys '5'
tui_key F2
tui_wait "call saved"
check "the call began when the card opened" yes \
	"$(q "SELECT CASE WHEN strftime('%s', ended_at) - strftime('%s', started_at) >= 2 THEN 'yes' ELSE strftime('%s', ended_at) - strftime('%s', started_at) END FROM call ORDER BY rowid DESC LIMIT 1")"
tui_stop
