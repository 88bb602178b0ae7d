#!/bin/sh
# The comune card tells the whole story, compared whole in the headless
# script mode: at 80x24 one column, what a call needs first (standing and
# code, the open callback and the last calls, contacts, then the registry);
# at 160x48 two columns. Each card is seen at one size, then again after a
# resize to the other, in English and Italian, for comuni with accents in
# their names: Forlì (two campaigns, a revoked code, a proroga, an open
# callback, contacts, capofila of its ambito), Agliè (sent, a due callback,
# the comune Alpette merged into it), Alpette (suppressed, what it became; reached by its ISTAT code, as its name
# finds Agliè first),
# Sant'Agata li Battiati (in campaigns, nothing done yet). The cards are
# reached by typing the next name on the card itself.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_script.sh
# the codes and call ids are random: their visible ends are masked
SCREEN_MASK='s/••[A-Z0-9]{2} [A-Z0-9]/••## #/g; s/(call|chiamata) [0-9a-f]{8}/\1 ########/g'

NOW=2019-07-12T10:30:00
db=$(screen_db card-story)
cn() { "$CN" --db "$db" "$@" >/dev/null 2>"$T/card-setup.err" || { echo "setup failed: $*" >&2; cat "$T/card-setup.err" >&2; }; }
sql() { sqlite3 "$db" "$1"; }

cn staff add op --name "Olga Operatrice" --role operatore
printf 'codice_ambito;denominazione;codice_istat;capofila\nFO1;Ambito di Forlì;040012;1\nFO1;Ambito di Forlì;040013;0\nTO1;Distretto Torino Nord;001272;1\nTO1;Distretto Torino Nord;001001;0\n' >"$T/ambiti.csv"
cn import ambiti "$T/ambiti.csv"
cn --now 2019-06-01T09:00:00 campaign add fam2019 --name "Famiglia 2019" --opens 2019-06-01 \
	--deadline 2019-07-31 --respondents comune
cn --now 2019-06-01T09:00:00 campaign add scu2019 --name "Scuole 2019" --opens 2019-06-01 \
	--deadline 2019-09-30 --respondents comune
# Forlì
cn --now 2019-07-01T10:00:00 code issue --campaign fam2019 040012 --caller "Rita Neri" \
	--office "Servizi sociali" --phone "0543 712111" --verified referente_noto
cn --now 2019-07-10T10:00:00 --user op call add --respondent 040012 --campaign fam2019 --caller "Rita Neri" \
	--office "Servizi sociali" --phone "0543 712111" --category codice_smarrito --code reissue \
	--reason "codice smarrito" --verified richiamata_centralino --callback "2019-07-12 15:00" --save-contact
cn --now 2019-07-11T10:00:00 extension grant --campaign fam2019 040012 --until 2019-09-15 --reason "giunta in ritardo"
cn --now 2019-07-11T11:00:00 call add --respondent 040012 --campaign scu2019 --caller "Ugo Bassi" \
	--category chiarimento_contenuti --notes "domanda 4"
# Agliè, and Alpette merged into it
cn --now 2019-07-02T09:00:00 code issue --campaign fam2019 001001 --caller "Anna Bianchi" \
	--office "Anagrafe" --phone "0124 330111" --verified referente_noto
cn --now 2019-07-05T16:00:00 status set --campaign fam2019 001001 inviato --reason "inviato per PEC" \
	--at 2019-07-05T15:00:00
cn --now 2019-07-11T09:00:00 --user op call add --respondent 001001 --campaign scu2019 --caller "Anna Bianchi" \
	--category richiesta_codice --callback "2019-07-12 09:00"
sql "UPDATE comune SET suppressed_on = '2019-06-30T00:00:00Z' WHERE istat = '001007'"
cn registry successor 001007 001001 --since 2019-07-01
# Sant'Agata li Battiati: in the campaigns only
check "setup: nothing refused" "" "$(cat "$T/card-setup.err")"

for lang in en it; do
	for size in 80x24 160x48; do
		other=160x48
		[ "$size" = 160x48 ] && other=80x24
		run="card-$lang-$size"
		tui_script "$run" "$CN" --db "$db" --now "$NOW" --user op --lang "$lang" tui <<EOF
!resize $size
forli
<Enter>
!screen forli-$size
!resize $other
!screen forli-$other
aglie
<Enter>
!screen aglie-$other
!resize $size
!screen aglie-$size
001007
<Enter>
!screen alpette-$size
sant'agata li battiati
<Enter>
!screen santagata-$size
!resize $other
!screen santagata-$other
EOF
		for shot in forli-$size forli-$other aglie-$size aglie-$other alpette-$size santagata-$size \
			santagata-$other; do
			screen_is "$run/$shot"
		done
	done
done
