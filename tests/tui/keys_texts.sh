#!/bin/sh
# The sentences that name a key follow the configuration's bind lines: with
# the keys moved, the welcome notice, the lookup's callbacks, the command
# line's messages and completion, the card's contact hint, the call pick's
# notes, the code read-out box, the Campaigns screen and the help overlay
# name the new keys, in English and in Italian (script mode).
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_script.sh

NOW=2019-07-12T10:30:00
conf="$HOME/.config/centralino/config"
mkdir -p "$(dirname "$conf")"
cat >"$conf" <<'CONF'
bind = global F11 campaigns-screen
bind = global F12 dashboard-screen
bind = global F13 calls
bind = global F15 move-up
bind = global F16 move-down
bind = global ; command
bind = global : command
bind = lookup C-o open
bind = card C-b next-section
bind = call_pick C-b call-pick
bind = form C-b form-save
bind = campaigns C-o campaigns-open
bind = cmdline C-t cmdline-complete
CONF

# a new desk with its sample campaign: the welcome notice, the Campaigns
# screen and the help overlay
fresh=$T/fresh.db
"$CN" --db "$fresh" --now "$NOW" init --sample-campaign >/dev/null
# a working desk: more callbacks today than the lookup shows, a code to
# re-issue during a call
db=$(screen_db keys-texts)
cn() { "$CN" --db "$db" --now "$NOW" "$@"; }
cn campaign add fam2019 --name "Famiglia 2019" --opens 2019-06-01 --deadline 2019-07-31 \
	--respondents comune >/dev/null
"$CN" --db "$db" --now 2019-07-01T10:00:00 code issue --campaign fam2019 035033 --caller "Rita Neri" \
	--office "Servizi sociali" --phone "0522 456111" --verified referente_noto >/dev/null 2>&1
for istat in 001001 001002 001003 001004 001006 001007 001008 001009 001010 001011 001012 001013; do
	cn call add --respondent "$istat" --category altro --caller "Mario Rossi" --callback +2h >/dev/null
done

for lang in en it; do
	tui_script "texts-fresh-$lang" "$CN" --db "$fresh" --now "$NOW" --lang "$lang" tui <<'KEYS'
!resize 100x90
!screen welcome
<F11>
!screen campaigns
<?>
!screen help
KEYS
	tui_script "texts-$lang" "$CN" --db "$db" --now "$NOW" --lang "$lang" tui <<'KEYS'
!screen lookup
:open reggio<Enter>
!screen several
<C-o>
<C-d>
!screen card
<Esc><Esc>:contact<Enter>
!screen contact
:ope<Tab>
!screen tab
<C-u>ope<C-t>
!screen complete
<Esc><Esc><F2>
!screen pick-empty
zzqqzz
!screen pick-none
<Esc><Esc>reggio em
<F2>
<C-r>
Rita Neri
<Tab>
codice smarrito
<Tab>
2
<C-b>
!screen readout
<Enter><C-b>
!screen saved
KEYS
done

# msg RUN/SHOT TEXT: the message line (the last but one) is exactly TEXT
msg() { check "$1: the message line" " $2" "$(screen_line "$1" "$(($(wc -l <"$(screen_file "$1")") - 1))")"; }

msg texts-fresh-en/welcome "Sample campaign famiglia-2019 is ready to try: F11 campaigns, F12 its dashboard"
msg texts-fresh-it/welcome "La campagna di prova famiglia-2019 è pronta: F11 campagne, F12 il suo cruscotto"
screen_has "Campaigns (en): the open key" texts-fresh-en/campaigns \
	"^O: the campaign's progress · ^A: new campaign · ^E: change it"
screen_has "Campaigns (it): the open key" texts-fresh-it/campaigns \
	"^O: avanzamento della campagna · ^A: nuova campagna · ^E: modificala"
screen_has "help (en): the command line's completion key" texts-fresh-en/help \
	"; :                        Command line: :open, :search, :help, :quit (^T completes)"
screen_has "help (it): the command line's completion key" texts-fresh-it/help \
	"; :                        Riga di comando: :open, :search, :help, :quit (^T completa)"
screen_has "help (en): the commands' heading" texts-fresh-en/help "Commands (type ';' then the command; ^T completes)"
screen_has "help (it): the commands' heading" texts-fresh-it/help "Comandi (scrivi ';' e poi il comando; ^T completa)"

screen_has "lookup (en): the Calls key for more callbacks" texts-en/lookup "… 10 more: F13, then the callbacks filter"
screen_has "lookup (it): the Calls key for more callbacks" texts-it/lookup "… altre 10: F13, poi il filtro delle richiamate"
msg texts-en/several "several comuni match: pick one and press ^O"
msg texts-it/several "corrispondono più comuni: scegline uno e premi ^O"
msg texts-en/card "choose a contact first (^B to the Contacts section, F15 F16)"
msg texts-it/card "prima scegli un contatto (^B fino alla sezione Contatti, F15 F16)"
msg texts-en/contact "which comune? (its ISTAT code or name; ^T completes)"
msg texts-it/contact "quale comune? (il codice ISTAT o il nome; ^T completa)"
for lang in en it; do
	check "command line ($lang): Tab no longer completes" ":ope" "$(tail -n 1 "$(screen_file "texts-$lang/tab")")"
	check "command line ($lang): ^T completes" ":open" "$(tail -n 1 "$(screen_file "texts-$lang/complete")" | sed 's/ *$//')"
done
screen_has "call pick (en): nothing typed" texts-en/pick-empty "^B with nothing typed: the caller is not identified"
screen_has "call pick (it): nothing typed" texts-it/pick-empty "^B senza scrivere nulla: chi chiama non è identificato"
screen_has "call pick (en): nothing found" texts-en/pick-none "Nothing found: ^B tries it as a respondent code"
screen_has "call pick (it): nothing found" texts-it/pick-none "Nessun risultato: ^B lo prova come codice di rispondente"
screen_has "read-out (en): the form's save key" texts-en/readout "Read it out. It is saved with the call: save the call (^B)."
screen_has "read-out (it): the form's save key" texts-it/readout "Leggilo a chi chiama. Si salva con la chiamata: salvare la chiamata"
screen_has "read-out (it): the form's save key, wrapped" texts-it/readout "(^B)."
screen_has "saved (en) with the bound key" texts-en/saved "call saved: Reggio nell'Emilia (RE), Codice smarrito"
screen_has "saved (it) with the bound key" texts-it/saved "chiamata salvata: Reggio nell'Emilia (RE), Codice smarrito"
