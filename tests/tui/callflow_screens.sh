#!/bin/sh
# The call as one flow, in the headless script mode, at 80x24 and 160x48,
# in English and Italian, screens compared whole (the read-out code, random,
# is checked by its text): "we lost our code" from the lookup to saved, with
# a re-issue and its read-out, and a plain question call. The keystroke
# targets are checked by counting the keys of the scripts: one key per line
# (<Name> or a digit); the other lines are typed text (the comune's name,
# the caller, the reason, the question).
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_script.sh

NOW=2019-07-12T10:30:00
sql() { sqlite3 "$db" "$1"; }
# keys SCRIPT: the keys of a script beyond the typed text
keys() { grep -Ec '^(<[A-Za-z0-9-]+>|[0-9])$' "$SCREENS/$1.keys"; }

for size in 80x24 160x48; do
	for lang in en it; do
		run="lost-$size-$lang"
		db=$(screen_db "flow-$size-$lang")
		"$CN" --db "$db" staff add op --name "Olga Operatrice" --role operatore >/dev/null
		"$CN" --db "$db" --now "$NOW" campaign add fam2019 --name "Famiglia 2019" \
			--opens 2019-06-01 --deadline 2019-07-31 --respondents comune >/dev/null
		"$CN" --db "$db" --now 2019-07-01T10:00:00 code issue --campaign fam2019 035033 --caller "Rita Neri" \
			--office "Servizi sociali" --phone "0522 456111" --verified referente_noto >/dev/null 2>&1
		old=$(sql "SELECT id FROM access_code")
		calls=$(sql "SELECT count(*) FROM call")
		audit=$(sql "SELECT count(*) FROM audit_log")
		tui_script "$run" "$CN" --db "$db" --now "$NOW" --user op --lang "$lang" tui <<EOF
!resize $size
reggio em
!screen found
<F2>
!screen form
<C-r>
!screen reissue
Rita Neri
<Tab>
codice smarrito
<Tab>
2
<F2>
!screen readout
<Enter>
!screen back
<F2>
!screen saved
EOF
		check "$run: 'we lost our code' in at most 8 keys beyond the typed text" yes \
			"$([ "$(keys "$run")" -le 8 ] && echo yes)"
		new=$(sql "SELECT id FROM call ORDER BY rowid DESC LIMIT 1")
		check "$run: one call row" $((calls + 1)) "$(sql "SELECT count(*) FROM call")"
		check "$run: the call: codice_smarrito, caller, office and phone typed once" \
			"codice_smarrito|Rita Neri|Servizi sociali|+390522456111|fam2019" \
			"$(sql "SELECT c.category, c.caller_name, c.caller_office, c.phone, k.key FROM call c JOIN campaign k ON k.id = c.campaign_id WHERE c.id = '$new'")"
		check "$run: one new code whose call_id is the call" "1|$new|referente_noto" \
			"$(sql "SELECT count(*), call_id, verified FROM access_code WHERE state = 'active'")"
		check "$run: the old code revoked with the reason" "revoked|codice smarrito" \
			"$(sql "SELECT state, revoke_reason FROM access_code WHERE id = $old")"
		check "$run: audit rows call.add and code.reissue" "$((audit + 2))|call.add code.reissue" \
			"$(sql "SELECT count(*) FROM audit_log")|$(sql "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit_log WHERE seq > $audit ORDER BY seq)")"
		code=$(sql "SELECT code FROM access_code WHERE state = 'active'")
		spaced=$(printf '%s' "$code" | sed 's/./& /g; s/ $//; s/\(. . . .\) /\1   /g')
		screen_has "$run: the code read out before saving" "$run/readout" "$spaced"
		for shot in found form reissue back; do screen_is "$run/$shot"; done
		if [ "$lang" = en ]; then
			screen_has "$run: F2 on the highlighted row starts its call" "$run/form" "New call — Reggio nell'Emilia (RE)"
			screen_has "$run: the re-issue form asks how the caller was checked" "$run/reissue" "Checked by"
			screen_has "$run: the call shows what was done" "$run/back" "done during the call: code re-issued (fam2019)"
			screen_has "$run: saved" "$run/saved" "call saved: Reggio nell'Emilia (RE), Codice smarrito"
		else
			screen_has "$run: F2 on the highlighted row starts its call" "$run/form" "Nuova chiamata — Reggio nell'Emilia (RE)"
			screen_has "$run: the re-issue form asks how the caller was checked" "$run/reissue" "Verificato tramite"
			screen_has "$run: the call shows what was done" "$run/back" "fatto durante la chiamata: codice riemesso (fam2019)"
			screen_has "$run: saved" "$run/saved" "chiamata salvata: Reggio nell'Emilia (RE), Codice smarrito"
		fi

		run="question-$size-$lang"
		tui_script "$run" "$CN" --db "$db" --now "$NOW" --user op --lang "$lang" tui <<EOF
!resize $size
aglie
<F2>
5
<Tab>
Come si compila la domanda 4?
<F2>
!screen saved
EOF
		check "$run: a plain question call in at most 5 keys" yes "$([ "$(keys "$run")" -le 5 ] && echo yes)"
		check "$run: saved with its category and question" "chiarimento_contenuti|Come si compila la domanda 4?|fam2019" \
			"$(sql "SELECT c.category, c.notes, k.key FROM call c JOIN campaign k ON k.id = c.campaign_id ORDER BY c.rowid DESC LIMIT 1")"
	done
done

# ---- today's callbacks at a glance on the lookup; '?' in a form ----
db=$(screen_db flow-callbacks)
"$CN" --db "$db" staff add op --name "Olga Operatrice" --role operatore >/dev/null
"$CN" --db "$db" --now "$NOW" --user op call add --respondent 001002 --callback 09:00 --caller "Mario Rossi" >/dev/null
"$CN" --db "$db" --now "$NOW" --user op call add --respondent 001003 --callback 16:00 --caller "Anna Bianchi" >/dev/null
"$CN" --db "$db" --now "$NOW" --user op call add --respondent 001004 --callback "tomorrow 9:00" >/dev/null
for size in 80x24 160x48; do
	tui_script "today-$size" "$CN" --db "$db" --now "$NOW" --user op tui <<EOF
!resize $size
!screen start
aglie
<F2>
?
!screen help
<Esc><Tab>Quando scade?
!screen question
EOF
	for shot in start help question; do screen_is "today-$size/$shot"; done
	screen_has "today-$size: the lookup shows today's callbacks" "today-$size/start" "Your callbacks today (2)"
	screen_has "today-$size: the due one" "today-$size/start" "Airasca (TO)"
	screen_has "today-$size: the coming one" "today-$size/start" "Ala di Stura (TO)"
	screen_has_not "today-$size: not tomorrow's" "today-$size/start" "Albiano"
	screen_has "today-$size: '?' on a choice of a form is help" "today-$size/help" "Keys"
	screen_has "today-$size: in text being typed '?' is a question mark" "today-$size/question" "Quando scade?"
done
tui_script today-it "$CN" --db "$db" --now "$NOW" --user op --lang it tui <<EOF
!screen start
EOF
screen_is today-it/start
screen_has "today (it): the lookup shows today's callbacks" today-it/start "Le tue richiamate di oggi (2)"

# ---- the campaign field: with several campaigns open, a new call chooses
# one; the default is the one the comune has business with, else none ----
db=$(screen_db flow-campaigns)
"$CN" --db "$db" staff add op --name "Olga Operatrice" --role operatore >/dev/null
for k in fam2019 scu2019; do
	"$CN" --db "$db" --now 2019-06-01T09:00:00 campaign add $k --name "Campagna $k" \
		--opens 2019-06-01 --deadline 2019-09-30 --respondents comune >/dev/null
done
# Agliè has sent fam2019: its business is with scu2019; Forlì has both open
"$CN" --db "$db" --now 2019-07-05T16:00:00 status set --campaign fam2019 001001 inviato \
	--reason "inviato per PEC" >/dev/null
last_campaign() { sql "SELECT coalesce(k.key, 'none') FROM call c LEFT JOIN campaign k ON k.id = c.campaign_id ORDER BY c.rowid DESC LIMIT 1"; }
for lang in en it; do
	run="campaign-$lang"
	tui_script "$run" "$CN" --db "$db" --now "$NOW" --user op --lang "$lang" tui <<EOF
aglie
<F2>
!screen aglie
5
<Tab>
Quando scade?
<F2>
EOF
	screen_is "$run/aglie"
	check "$run: the default campaign saved with the call" scu2019 "$(last_campaign)"
	tui_script "$run-none" "$CN" --db "$db" --now "$NOW" --user op --lang "$lang" tui <<EOF
forli
<F2>
!screen forli
5
<F2>
EOF
	screen_is "$run-none/forli"
	check "$run: no business with one of them: no campaign" none "$(last_campaign)"
	tui_script "$run-refused" "$CN" --db "$db" --now "$NOW" --user op --lang "$lang" tui <<EOF
forli
<F2>
<C-r>
!screen refused
EOF
	screen_is "$run-refused/refused"
	tui_script "$run-pick" "$CN" --db "$db" --now "$NOW" --user op --lang "$lang" tui <<EOF
forli
<F2>
5
<S-Tab>
<Right>
<Right>
!screen picked
<F2>
EOF
	screen_is "$run-pick/picked"
	check "$run: the campaign picked (the first, after none)" fam2019 "$(last_campaign)"
done

# ---- a proroga and a contact during the call, saved with it ----
db=$(screen_db flow-actions)
"$CN" --db "$db" staff add op --name "Olga Operatrice" --role operatore >/dev/null
"$CN" --db "$db" staff add sup --name "Sara Supervisora" --role supervisore >/dev/null
"$CN" --db "$db" --now 2019-06-01T09:00:00 campaign add fam2019 --name "Famiglia 2019" \
	--opens 2019-06-01 --deadline 2019-07-31 --respondents comune >/dev/null
for lang in en it; do
	run="actions-$lang"
	calls=$(sql "SELECT count(*) FROM call")
	tui_script "$run" "$CN" --db "$db" --now "$NOW" --user sup --lang "$lang" tui <<EOF
aglie
<F2>
<C-p>
!screen proroga
15/09/2019<Tab>giunta rinviata<F2>
<C-o>
!screen contact
4<Tab>protocollo@pec.comune.aglie.to.it<F2>
!screen done
<F2>
EOF
	for shot in proroga contact done; do screen_is "$run/$shot"; done
	new=$(sql "SELECT id FROM call ORDER BY rowid DESC LIMIT 1")
	check "$run: one call, its category from the proroga" "$((calls + 1))|richiesta_proroga" \
		"$(sql "SELECT count(*) FROM call")|$(sql "SELECT category FROM call WHERE id = '$new'")"
	check "$run: the proroga and the contact on the call" "extension_grant contact_add" \
		"$(sql "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM call_action WHERE call_id = '$new' ORDER BY seq)")"
	check "$run: the proroga" "2019-09-15|giunta rinviata" \
		"$(sql "SELECT until, reason FROM extension ORDER BY id DESC LIMIT 1")"
	check "$run: the contact" "pec|protocollo@pec.comune.aglie.to.it" \
		"$(sql "SELECT kind, value FROM contact ORDER BY id DESC LIMIT 1")"
	sql "DELETE FROM extension; DELETE FROM contact"
	tui_script "$run-op" "$CN" --db "$db" --now "$NOW" --user op --lang "$lang" tui <<EOF
aglie
<F2>
<C-p>
!screen refused
EOF
	screen_is "$run-op/refused"
done

# The figures, for the README: keys beyond the typed text.
echo "# keys: we lost our code $(keys lost-80x24-en), plain question $(keys question-80x24-en)"
