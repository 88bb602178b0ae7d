#!/bin/sh
# The man pages' COMMANDS sections come from the program's own help, so they
# never fall behind it: between the BEGIN/END COMMANDS markers of
# man/centralino.1 (English) and man/it/centralino.1 (Italian, from the
# catalogue) one subsection per command of `centralino --help`, with its
# summary and its `--help` text. The rest of each page is written by hand.
#   scripts/man.sh update BIN   rewrite the sections (`make man`)
#   scripts/man.sh check BIN    exit 1, with a diff, when a section is stale
set -eu
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: scripts/man.sh update|check BIN" >&2; exit 64; }
MODE=$1
BIN=$2
TMP=$(mktemp -d "${TMPDIR:-/tmp}/cn-man.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
# A private home and no settings files: only --lang chooses the language.
export HOME="$TMP" XDG_CONFIG_HOME="$TMP" LC_ALL=C.UTF-8
unset CENTRALINO_LANG CENTRALINO_DB LANGUAGE

# Text -> roff that prints it as is.
roff_escape() {
	sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
}

# The generated section for one language.
commands_section() {
	lang=$1
	"$BIN" --lang en --help | awk '
		/^[A-Za-z].*:$/ { section = $0; next }
		section == "Commands:" && /^  [a-z][a-z-]* / { print $1 }' >"$TMP/commands"
	[ -s "$TMP/commands" ] || { echo "man.sh: no commands in '$BIN --help'" >&2; exit 1; }
	while read -r cmd; do
		summary=$("$BIN" --lang "$lang" --help |
			awk -v c="$cmd" '$1 == c && /^  / { sub(/^  [^ ]+ +/, ""); print; exit }')
		echo ".SS $cmd"
		printf '%s\n' "$summary" | roff_escape
		echo ".PP"
		echo ".EX"
		"$BIN" --lang "$lang" "$cmd" --help </dev/null | roff_escape
		echo ".EE"
	done <"$TMP/commands"
}

# page LANG: the page with its section regenerated, on stdout
page() {
	commands_section "$2" >"$TMP/section"
	awk -v section="$TMP/section" '
		/^\.\\" BEGIN COMMANDS/ { print; while ((getline l < section) > 0) print l; skip = 1; next }
		/^\.\\" END COMMANDS/ { skip = 0 }
		!skip' "$1"
}

status=0
for spec in man/centralino.1:en man/it/centralino.1:it; do
	file=${spec%:*}
	page "$file" "${spec#*:}" >"$TMP/page"
	if cmp -s "$TMP/page" "$file"; then
		continue
	fi
	case $MODE in
	update) cp "$TMP/page" "$file"; echo "$file updated" ;;
	check)
		echo "$file is out of date with the program's --help: run 'make man'"
		diff -u "$file" "$TMP/page" | head -n 40
		status=1 ;;
	*) echo "usage: scripts/man.sh update|check BIN" >&2; exit 64 ;;
	esac
done
exit $status
