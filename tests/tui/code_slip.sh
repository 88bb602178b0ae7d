#!/bin/sh
# "Whose code is this?" with twelve symbols of a code whose check passes by
# chance (1 in 31): the box says it is no code of the desk and lists the
# code it is one symbol short of as a slip, never as the match; for
# assistenza the slip is hidden whole. Whole screens, English and Italian,
# 80x24 and 160x48 (script mode).
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_script.sh

NOW=2019-06-03T10:30:00
db=$(screen_db code-slip)
cn() { "$CN" --db "$db" --now "$NOW" "$@" >/dev/null 2>&1; }
cn staff add op --name "Olga Operatrice" --role operatore
cn staff add ass --name "Aldo Assistenza" --role assistenza
cn campaign add famiglia-2019 --name "Famiglia" --opens 2019-06-01 --deadline 2019-07-31 --respondents comune
cn --user op code issue --campaign famiglia-2019 001001 --caller "Mario Rossi" --office "Servizi sociali" \
	--phone "011 712111" --verified richiamata_centralino
sqlite3 "$db" "UPDATE access_code SET code = 'H3FMS6ASMETF2' WHERE respondent_id = '001001'"

for run in op-en-80x24 ass-it-160x48; do
	user=${run%%-*}
	lang=$(printf '%s' "$run" | cut -d- -f2)
	size=${run##*-}
	tui_script "slip-$run" "$CN" --db "$db" --now "$NOW" --user "$user" --lang "$lang" tui <<KEYS
!resize $size
:codes<Enter>
/
h3fm s6as metf<Enter>
!screen box
KEYS
	screen_is "slip-$run/box"
done
screen_has_not "assistenza: the code never in clear" slip-ass-it-160x48/box "H3FM S6AS METF 2"
