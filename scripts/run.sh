#!/bin/sh
# `make run`: opens the desk's full-screen interface, creating the database
# on the first run. Usage: scripts/run.sh [PATH/TO/centralino] [global options]
# The program itself chooses the database (--db, $CENTRALINO_DB, the
# configuration files, the XDG default): `init` creates it when missing and
# says which file it is in both cases.
set -u
CN=${1:-build/centralino}
[ $# -gt 0 ] && shift

"$CN" "$@" init --sample-campaign || exit $?
if [ ! -t 0 ] || [ ! -t 1 ]; then
	echo "run.sh: the full-screen interface needs a terminal (stdin and stdout);" >&2
	echo "run.sh: without one use the commands: $CN --help" >&2
	exit 0
fi
exec "$CN" "$@" tui
