#!/bin/sh
# Bash completion (scripts/completion.bash): commands, subcommands, options,
# their choices, campaign keys and ISTAT codes read from the program; nothing
# and no noise when the database is absent.
. tests/lib.sh

# complete WORDS...: what bash would offer for the last word (may be "").
complete_words() {
	PROG="$CN" bash -c '
		. scripts/completion.bash
		COMP_WORDS=("$PROG" "$@")
		COMP_CWORD=$#
		COMP_LINE="$PROG $*"
		_centralino
		printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " " | sed "s/ $//"
	' bash "$@" 2>&1
}

check "the first word: commands" "search show staff stats status" "$(complete_words s)"
check "global options before the command" "--db" "$(complete_words --d)"
check "--lang values" "en it" "$(complete_words --lang '')"
check "subcommands of staff" "add disable enable list set-role" "$(complete_words staff '')"
check "subcommands after a global option" "add" "$(complete_words --lang it staff a)"
check "options of search" "--format" "$(complete_words search --f)"
check "choices of --format" "table tsv" "$(complete_words search --format '')"
check "--role values" "admin assistenza operatore supervisore" "$(complete_words staff add mario --role '')"
kinds=" $(complete_words import '') "
check "import kinds: istat and ambiti" "yes yes" \
	"$(case $kinds in *" istat "*) echo yes ;; esac) $(case $kinds in *" ambiti "*) echo yes ;; esac)"

check "no database: no ISTAT codes, no noise" "" "$(complete_words --db "$T/none.db" show 00127)"
check "no database: still the commands" "staff stats status" "$(complete_words --db "$T/none.db" sta)"

db=$(fresh_db comp)
check "ISTAT codes from the database" \
	"$(sqlite3 "$db" "SELECT istat FROM comune WHERE istat LIKE '00127%' ORDER BY istat" | tr '\n' ' ' | sed 's/ $//')" \
	"$(complete_words --db "$db" show 00127)"
check "ISTAT codes for --respondent" "001272" "$(complete_words --db "$db" call list --respondent 001272)"
check "--db=PATH form is used for the queries" "001272" "$(complete_words --db="$db" show 001272)"
check "--db = PATH as bash splits it" "001272" "$(complete_words --db = "$db" show 001272)"
check "logins for --user after the command" "tester" "$(complete_words --db "$db" audit --user te)"
if "$CN" campaign --help >/dev/null 2>&1; then
	"$CN" --db "$db" campaign add famiglia-2019 --name "Famiglia" --opens 2019-06-01 \
		--deadline 2019-07-31 --respondents comune >/dev/null 2>&1
	check "campaign keys for --campaign" "famiglia-2019" "$(complete_words --db "$db" report progress --campaign fam)"
fi
