#!/bin/sh
# The full-screen interface in Italian: with --lang it (and with lingua = it
# in the settings) the lookup screen, its results, the help overlay, the
# comune card and its sections, the Calls, Codes, Campaigns and Staff
# screens, the dashboard and the forms show Italian text (numbers 7.914,
# 0,0%) and none of the English; without, English (7,914).
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_tui.sh

db=$(fresh_db tui-i18n)
NOW=2019-07-31T10:30:00
# a campaign on its last day and a call waiting for its callback, so that
# the dashboard, the card's sections and the Calls screen have content
"$CN" --db "$db" --now 2019-05-20T09:00:00 campaign add fam --name "Famiglia 2019" \
	--opens 2019-06-01 --deadline 2019-07-31 --respondents comune >/dev/null
"$CN" --db "$db" --now "$NOW" call add --respondent 040012 --category altro \
	--caller "Mario Rossi" --callback +2h >/dev/null

tui_start 80 24 "$CN" --db "$db" --now "$NOW" --lang it tui
tui_check "lookup (it): the prompt" "Scrivi il nome del comune, come lo dice chi chiama"
tui_check "lookup (it): the ISTAT credit" "Anagrafe dei comuni: Fonte ISTAT (CC BY 3.0 IT)"
tui_check "lookup (it): key hints" "esci"
tui_check "lookup (it): the screen title" "Trova un comune"
tui_check_not "lookup (it): no English prompt" "Type the name"
tui_check_not "lookup (it): no English hint" "quit"

tui_keys forli
tui_check "lookup (it): results" "Forlì "
tui_check "lookup (it): the Enter hint" "Invio  scheda"
tui_check_not "lookup (it): no English hint" "Enter  card"

tui_key Enter
tui_check "card (it): opens" "Codice catastale"
tui_check "card (it): capoluogo" "sì, della provincia"
tui_check "card (it): Italian digits" "116.434"
tui_check_not "card (it): no English label" "Cadastral code"
tui_check_not "card (it): no English capoluogo" "yes, of its"
tui_key Escape
tui_wait_gone "Codice catastale"

tui_keys '?'
tui_check "help (it): overlay title" "Tasti"
tui_check "help (it): everywhere heading" "Ovunque"
tui_check "help (it): a key's help" "Mostra tutti i tasti di questa schermata"
tui_check_not "help (it): no English heading" "Everywhere"
tui_check_not "help (it): no English help line" "Show every key of this screen"
tui_key Escape
tui_stop

# ---- more screens in Italian -------------------------------------------------
tui_start 80 24 "$CN" --db "$db" --now "$NOW" --lang it tui
tui_wait "Scrivi il nome"
tui_keys forli
tui_wait "Forlì "
tui_key Enter
tui_check "card (it): the Anagrafica section" "── Anagrafica ──"
tui_check "card (it): the Codici section" "── Codici ──"
tui_check "card (it): the Chiamate section" "── Chiamate ──"
tui_check "card (it): the campaign's standing" "nessun codice · scadenza 31/07/2019"
tui_check "card (it): no code yet" "Nessun codice di accesso  (^G: emettine uno)"
tui_check "card (it): the call count" "1 chiamata, aperta.  F2: nuova chiamata per questo comune"
tui_check "card (it): the call, waiting" "in attesa  ↻ 31/07 12:30  Mario Rossi"
tui_check "card (it): key hints" "Tab  sezione   ^G  dai codice"
for en in "Registry" "── Codes" "── Calls" "deadline" "No access code" "1 call," "waiting" "give code"; do
	tui_check_not "card (it): no English '$en'" "$en"
done

tui_key F3
tui_check "Calls (it): the title" "Chiamate"
tui_check "Calls (it): the filters" "^O aperte ^Y mie ^D da richiamare ^T oggi ^G categoria: tutte"
tui_check "Calls (it): the headers" "Inizio       Rispondente           Categoria         Stato"
tui_check "Calls (it): the count" "1 chiamata"
tui_check "Calls (it): the row" "Forlì (FC)            Altro             in attesa"
for en in "callbacks due" "category:" "Started" "Respondent" "waiting" "1 call"; do
	tui_check_not "Calls (it): no English '$en'" "$en"
done
tui_key Escape
tui_wait_gone "^D da richiamare"

tui_key F4
tui_check "Codes (it): the campaign" "Campagna fam — Famiglia 2019"
tui_check "Codes (it): what is shown" "Mostrati: tutti (0 di 0 codici)   ^P: campagna  ^F: filtro  /: di chi è?"
tui_check "Codes (it): the headers" "Codice             Id       Rispondente        Stato       Consegnato  Da"
tui_check "Codes (it): empty" "Nessun codice qui."
tui_check "Codes (it): key hints" "/  di chi è?"
for en in "Showing" "codes)" "Given" "No codes here" "whose code"; do
	tui_check_not "Codes (it): no English '$en'" "$en"
done
tui_key Escape
tui_wait_gone "Mostrati:"

tui_key F5
tui_check "dashboard (it): the title" "Avanzamento — fam"
tui_check "dashboard (it): the last day" "scadenza 31/07/2019 · ultimo giorno"
tui_check "dashboard (it): submitted, Italian digits" "0/7.914 inviati 0,0%"
tui_check "dashboard (it): the chart" "Inviati finora (█), la linea fino al 100% alla scadenza (⠂)"
tui_check "dashboard (it): the table" "Nome                           Risp.   Invii       % Ritardi"
tui_check "dashboard (it): whom to chase" "Da sollecitare (7.914)"
tui_check "dashboard (it): key hints" "Tab  tabella/elenco   ^T  chiama   ^G  raggruppa"
for en in "Progress" "submitted" "last day" "pace" "Whom to chase" "7,914" "0.0%" "Late" "group by"; do
	tui_check_not "dashboard (it): no English '$en'" "$en"
done
tui_key Escape
tui_wait_gone "Da sollecitare"

tui_key F6
tui_check "Campaigns (it): what the keys do" "Invio: avanzamento della campagna · ^A: nuova campagna · ^E: modificala"
tui_check "Campaigns (it): the headers" "Chiave Nome                         Apertura → scadenza     Fase"
tui_check "Campaigns (it): the phase" "aperta"
tui_key C-a
tui_check "campaign form (it): the title" "Nuova campagna"
tui_check "campaign form (it): a label" "Questionario"
tui_check "campaign form (it): a note" "GG/MM/AAAA o AAAA-MM-GG"
tui_check "campaign form (it): the hints" "Tab  campo successivo   F2  salva   Esc  annulla"
for en in "New campaign" "Opens on" "DD/MM/YYYY" "next field" "Key "; do
	tui_check_not "campaign form (it): no English '$en'" "$en"
done
tui_key Escape
tui_wait_gone "Nuova campagna"
tui_key Escape
tui_wait_gone "Apertura → scadenza"

tui_key F7
tui_check "Staff (it): the title" "Personale"
tui_check "Staff (it): the summary" "attivi: 1, disattivati: 0"
tui_check "Staff (it): the headers" "Login             Nome                     Ruolo        Stato"
tui_check "Staff (it): a status" "attivo"
tui_key C-a
tui_check "staff form (it): the title" "Aggiungi al personale"
tui_check "staff form (it): a note" "nome e cognome"
for en in "Staff" "active" "Role" "name and surname" "next field"; do
	tui_check_not "Staff (it): no English '$en'" "$en"
done
tui_key Escape
tui_wait_gone "Aggiungi al personale"
tui_key Escape
tui_wait_gone "disattivati"
tui_key Escape
tui_wait_gone "── Anagrafica"
tui_key Escape

tui_key F2
tui_check "new call (it): who is calling" "Chi sta chiamando?"
tui_key Enter
tui_check "call form (it): not identified" "Nuova chiamata — (non identificato)"
tui_check "call form (it): the direction" "in entrata"
tui_check "call form (it): the state" "automatico (chiusa con esito, in attesa con richiamata)"
for en in "(not identified)" "inbound" "automatic (" "Category" "Outcome"; do
	tui_check_not "call form (it): no English '$en'" "$en"
done
tui_key Escape
tui_check "call form (it): leaving asks first" "La chiamata non è salvata. Lasciarla non salvata?"
tui_keys s
tui_wait_gone "Nuova chiamata —"
tui_stop

# lingua = it in the user's settings, no option
mkdir -p "$HOME/.config/centralino"
printf 'lingua = it\n' >"$HOME/.config/centralino/config"
tui_start 80 24 "$CN" --db "$db" --now "$NOW" tui
tui_check "lookup (lingua = it): Italian prompt" "Scrivi il nome del comune"
tui_stop
rm -f "$HOME/.config/centralino/config"

# English by default under C.UTF-8
tui_start 80 24 "$CN" --db "$db" --now "$NOW" tui
tui_check "lookup (en): English prompt" "Type the name of the comune, as the caller spells it"
tui_check_not "lookup (en): no Italian prompt" "Scrivi il nome"
tui_keys '?'
tui_check "help (en): everywhere heading" "Everywhere"
tui_key Escape
tui_wait_gone "Everywhere"
tui_keys forli
tui_wait "Forlì "
tui_key Enter
tui_check "card (en): the Registry section" "── Registry ──"
tui_check "card (en): the Codes section" "── Codes ──"
tui_check "card (en): the Calls section" "── Calls ──"
tui_check "card (en): English digits" "116,434"
tui_check "card (en): the call, waiting" "waiting    ↻ 31/07 12:30  Mario Rossi"
tui_check_not "card (en): no Italian section" "Anagrafica"
tui_check_not "card (en): no Italian digits" "116.434"
tui_stop
