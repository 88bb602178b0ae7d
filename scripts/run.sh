#!/bin/sh
# `make run`: opens the desk's full-screen interface, creating the database
# on the first run. Usage: scripts/run.sh [PATH/TO/centralino] [global options]
set -u
CN=${1:-build/centralino}
[ $# -gt 0 ] && shift

# The database the program will open: --db, else $CENTRALINO_DB, else XDG.
db=""
prev=""
for a in "$@"; do
	case "$a" in
	--db=*) db=${a#--db=} ;;
	*) [ "$prev" = "--db" ] && db=$a ;;
	esac
	prev=$a
done
[ -n "$db" ] || db=${CENTRALINO_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/centralino/centralino.db}

if [ ! -f "$db" ]; then
	echo "run.sh: first run: creating $db" >&2
	"$CN" "$@" init --sample-campaign || exit $?
fi
if [ ! -t 0 ] || [ ! -t 1 ]; then
	echo "run.sh: $db is ready, but the full-screen interface needs a terminal" >&2
	echo "run.sh: (stdin and stdout); without one use the commands: $CN --help" >&2
	exit 0
fi
exec "$CN" "$@" tui
