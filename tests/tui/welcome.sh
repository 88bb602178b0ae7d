#!/bin/sh
# make run's first experience: scripts/run.sh lets the program choose the
# database (configuration included) and says which; the first screen of a
# new desk says that a sample campaign is there and how to see it, until
# the desk starts working.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_tui.sh

mkdir -p "$HOME/.config/centralino"
echo "database = ~/desk/centralino.db" >"$HOME/.config/centralino/config"
run sh scripts/run.sh "$CN" </dev/null
check "run.sh: exit 0 without a terminal" 0 "$RC"
check_contains "run.sh: the program's own choice (the user's configuration), said" \
	"$HOME/desk/centralino.db created: tester is its administrator" "$OUT"
check_contains "run.sh: the sample campaign" "sample campaign famiglia-" "$OUT"
check_contains "run.sh: no terminal, said" "the full-screen interface needs a terminal" "$ERR"
run sh scripts/run.sh "$CN" </dev/null
check "run.sh again: the same database, nothing changed" \
	"$HOME/desk/centralino.db is already set up: nothing changed" "$OUT"
run sh scripts/run.sh "$CN" --db "$T/other.db" </dev/null
check_contains "run.sh --db: that one" "$T/other.db created" "$OUT"
db="$HOME/desk/centralino.db"
key=$(sqlite3 "$db" "SELECT key FROM campaign")

tui_start 80 24 "$CN" tui
tui_check "first screen: the sample campaign and how to see it" \
	"Sample campaign $key is ready to try: F6 campaigns, F5 its dashboard"
tui_key F6
tui_check "F6 lists it" "$key"
tui_stop

"$CN" call add --respondent 001272 --notes "prima chiamata" >/dev/null
tui_start 80 24 "$CN" tui
tui_wait "F10"
tui_check_not "once the desk works, the notice is gone" "Sample campaign"
tui_stop
