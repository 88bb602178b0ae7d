# bash completion for centralino                            -*- shell-script -*-
# Installed as share/bash-completion/completions/centralino; to try it from
# the source tree: `. scripts/completion.bash`.
#
# Everything is read from the program itself, so new commands complete as
# soon as they exist: commands from `centralino --help`, subcommands and
# options from `centralino COMMAND --help` (its "usage:" lines and every
# --option it mentions), choices from "--opt a|b|c" in those lines. Campaign
# keys come from `centralino campaign list --format tsv`, ISTAT codes from
# `centralino search DIGITS --format tsv`, logins from `centralino staff list
# --format tsv` (first column, after the header row). Any failure (no
# database, no permission, busy) just completes nothing.

# The program to ask: the word the user typed (./build/centralino...) when it
# runs, else centralino on PATH. Runs in English so the help can be parsed.
_centralino_run()
{
	local prog=${_centralino_prog:-centralino}
	timeout 3 "$prog" "${_centralino_db[@]}" --lang en "$@" 2>/dev/null </dev/null
}

_centralino_commands()
{
	_centralino_run --help | awk '
		/^[A-Za-z].*:$/ { section = $0; next }
		section == "Commands:" && /^  [a-z][a-z-]* / { print $1 }'
}

# The help of one command (a few milliseconds: no need to cache it).
_centralino_help()
{
	_centralino_run "$1" --help
}

# The usage lines of COMMAND with "usage:" and "centralino" taken off:
# "staff add LOGIN --name ..." one per line.
_centralino_usages()
{
	_centralino_help "$1" | awk '
		/^usage: centralino / { sub(/^usage: centralino /, ""); print; next }
		/^ +centralino / { sub(/^ +centralino /, ""); print }'
}

# Literal words that may follow COMMAND WORDS... on a usage line of COMMAND.
_centralino_next_words()
{
	_centralino_usages "$1" | awk -v typed="$*" '
		{
			n = split(typed, t, " ")
			ok = 1
			for (i = 1; i <= n; i++) if ($i != t[i]) { ok = 0; break }
			if (ok && $(n + 1) ~ /^[a-z][a-z-]*$/) print $(n + 1)
		}' | sort -u
}

_centralino_options()
{
	_centralino_help "$1" | grep -o -- '--[a-z][a-z-]*' | sort -u
}

# "--format table|tsv" in the usage -> table tsv
_centralino_choices()
{
	_centralino_help "$1" | grep -o -- "$2 [a-z_]*|[a-z_|]*" |
		sed "s/^$2 //" | tr '|' '\n' | sort -u
}

_centralino_first_column()
{
	awk -F '\t' 'NR > 1 && $1 != "" { print $1 }'
}

_centralino_campaigns() { _centralino_run campaign list --format tsv | _centralino_first_column; }
_centralino_logins() { _centralino_run staff list --format tsv | _centralino_first_column; }
_centralino_istat()
{
	_centralino_run search "$1" --limit 100 --format tsv | _centralino_first_column |
		grep -E '^[0-9]{6}$'
}

_centralino()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
	local i w cmd="" words=() global="--db --lang --now --user --as --help --version"
	local _centralino_prog=${COMP_WORDS[0]} _centralino_db=()
	COMPREPLY=()
	type -P "$_centralino_prog" >/dev/null 2>&1 || _centralino_prog=centralino

	# The command and its literal words so far; global options are skipped
	# (with their values) wherever they stand, --db is kept for the queries.
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		=) ((i++)); continue ;; # "--opt=value" split by COMP_WORDBREAKS
		--db | --lang | --now | --user | --as)
			((i++))
			[[ ${COMP_WORDS[i]} == = ]] && ((i++))
			[[ $w == --db ]] && _centralino_db=(--db "${COMP_WORDS[i]}")
			continue ;;
		--db=*) _centralino_db=("$w"); continue ;;
		-*) continue ;;
		esac
		if [[ -z $cmd ]]; then
			cmd=$w
		elif [[ ${COMP_WORDS[i - 1]} != --* || ${COMP_WORDS[i - 1]} == *=* ]]; then
			words+=("$w")
		fi
	done

	# Values of options (also --opt=value)
	local opt=$prev val=$cur
	if [[ $cur == --*=* ]]; then
		opt=${cur%%=*}
		val=${cur#*=}
	elif [[ $cur == = ]]; then
		val=""
	elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
		opt=${COMP_WORDS[COMP_CWORD - 2]}
	fi
	case $opt in
	--db) COMPREPLY=($(compgen -f -- "$val")); return ;;
	--lang) COMPREPLY=($(compgen -W "it en" -- "$val")); return ;;
	--now | --since | --until | --started | --ended | --callback | --limit | --name | \
		--label | --notes | --outcome | --reason | --caller | --office | --phone | --email)
		return ;;
	--user | --as | --callback-owner)
		COMPREPLY=($(compgen -W "$(_centralino_logins)" -- "$val")); return ;;
	--campaign)
		COMPREPLY=($(compgen -W "$(_centralino_campaigns)" -- "$val")); return ;;
	--role) COMPREPLY=($(compgen -W "assistenza operatore supervisore admin" -- "$val")); return ;;
	--respondent)
		[[ $val =~ ^[0-9]+$ ]] && COMPREPLY=($(compgen -W "$(_centralino_istat "$val")" -- "$val"))
		return ;;
	esac
	if [[ -n $cmd && $opt == --* && ($opt != "$cur" || $val != "$cur") ]]; then
		local choices
		choices=$(_centralino_choices "$cmd" "$opt")
		if [[ -n $choices ]]; then
			COMPREPLY=($(compgen -W "$choices" -- "$val"))
			return
		fi
	fi

	if [[ -z $cmd ]]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "$global" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$(_centralino_commands)" -- "$cur"))
		fi
		return
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_centralino_options "$cmd") $global" -- "$cur"))
		return
	fi
	case $cmd in
	import)
		if ((${#words[@]} == 0)); then
			COMPREPLY=($(compgen -W "$(_centralino_next_words "$cmd")" -- "$cur"))
		else
			COMPREPLY=($(compgen -f -- "$cur"))
		fi
		return ;;
	backup) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	esac
	local next
	next=$(_centralino_next_words "$cmd" "${words[@]}")
	if [[ -n $next ]]; then
		COMPREPLY=($(compgen -W "$next" -- "$cur"))
	elif [[ $cur =~ ^[0-9]+$ ]]; then
		COMPREPLY=($(compgen -W "$(_centralino_istat "$cur")" -- "$cur"))
	fi
	if [[ $cmd == campaign && ${#COMPREPLY[@]} -eq 0 && ${#words[@]} -ge 1 ]]; then
		COMPREPLY=($(compgen -W "$(_centralino_campaigns)" -- "$cur"))
	fi
} &&
	complete -F _centralino -o bashdefault -o default centralino
