#!/bin/sh
# The forgiving search on screen: a slip found, "did you mean" when nothing
# matches, a merged comune's successor marked, the card's registry section
# and ':open' with a name nothing matches.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_tui.sh

db=$(fresh_db tuisearch)
NOW=2019-07-31T10:30:00
# Molvena as a suppressed comune merged into Colceresa (in the shipped May list)
sqlite3 "$db" "INSERT INTO comune (istat, name, folded, regione_code, provincia_code, cadastral,
	population, added_on, updated_on, suppressed_on) VALUES ('024059', 'Molvena', 'molvena', '05',
	'024', 'F306', 2596, '2019-01-01', '2019-02-20', '2019-02-20');
	INSERT INTO comune_successor VALUES ('024059', '024126', '2019-02-20', 'admin');
	INSERT INTO meta (key, value) VALUES ('registry_gen', 'tui-search')
	ON CONFLICT (key) DO UPDATE SET value = 'tui-search';"

tui_start 100 30 "$CN" --db "$db" --now "$NOW" tui
tui_check "shell: up" "centralino  tuisearch.db"

tui_keys grottammrae
tui_check "slip: Grottammare found" "Grottammare"

tui_key C-u
tui_keys grotamrae
tui_check "nothing: says so" 'No comune matches "grotamrae"'
tui_check "nothing: did you mean" "Did you mean: Grottammare (AP)"

tui_key C-u
tui_keys molvena
tui_check "merged: Colceresa found" "Colceresa"
tui_check "merged: marked" "(Molvena → Colceresa, since 20/02/2019)"

tui_key Enter
tui_check "card: Colceresa's card" "ISTAT 024126"
tui_check "card: merged from" "Molvena (20/02/2019)"
tui_key Escape
tui_wait_gone "ISTAT 024126"

tui_key C-u
tui_keys :open\ grotamrae
tui_key Enter
tui_check ":open nothing: did you mean" "Did you mean: Grottammare (AP)"
