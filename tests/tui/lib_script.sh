# Screen tests without a terminal: the interface runs in its headless script
# mode (CENTRALINO_SCRIPT, docs/TUI_SCRIPT.md), reads its keys from a script
# and writes the screens the script asks for; the checks compare them with
# expected text files. No tmux, no waiting: the same keys give the same
# screens on every host.
# Usage, from the project root:  . tests/lib.sh; . tests/tui/lib_script.sh
#   db=$(screen_db NAME)                    a database initialised at a fixed
#                                           time (dates on screen never move)
#   tui_script RUN [VAR=x...] CMD... <<'EOF'    runs CMD (env VARs first, as
#   forli                                   tui_start takes them) with the
#   !screen found                           script on stdin; "!screen SHOT"
#   EOF                                     keeps the screen as RUN/SHOT; one
#                                           TAP line: it ran to its end, exit
#                                           0, nothing on stderr
#   screen_is RUN/SHOT                      TAP: the screen equals
#                                           tests/tui/expected/RUN/SHOT.txt
#   SCREEN_MASK='s/a1b2c3d4/########/g'     sed script applied to a screen
#                                           before screen_is compares it
#                                           (random ids, times of the host)
#   screen_mask_ids ID...                   SCREEN_MASK for random ids shown
#                                           as their first 8 characters:
#                                           each becomes ######## where it
#                                           stands alone (not inside other
#                                           text such as notes), also cut
#                                           short as "(abc…"
#   screen_has NAME RUN/SHOT 'text'         TAP: the screen shows text
#   screen_has_not NAME RUN/SHOT 'text'     TAP: it does not
#   screen_line RUN/SHOT N                  prints line N (1-based)
#   screen_col LINE 'text'                  display column (0-based) of text
# UPDATE_SCREENS=1 sh tests/tui/X.sh writes the expected files from what the
# screens are now (read the diff before committing it).
# tests/run.sh skips lib*.sh.

SCREENS="$T/screens"
EXPECTED=tests/tui/expected

screen_db() {
	db="$T/${1:-cn}.db"
	rm -f "$db" "$db-wal" "$db-shm"
	"$CN" --db "$db" --now 2019-07-01T09:00:00 init >/dev/null 2>&1 || echo "init failed for $db" >&2
	echo "$db"
}

tui_script() {
	run_name=$1
	shift
	mkdir -p "$SCREENS/$run_name"
	cat >"$SCREENS/$run_name.keys"
	# env first: VAR=x arguments before the command, as tui_start takes them
	(cd "$SCREENS/$run_name" && CENTRALINO_SCRIPT="$SCREENS/$run_name.keys" \
		env "$@" >"$SCREENS/$run_name.out" 2>"$SCREENS/$run_name.err")
	rc=$?
	if [ "$rc" -eq 0 ] && [ ! -s "$SCREENS/$run_name.err" ]; then
		ok "$run_name: the script ran"
	else
		not_ok "$run_name: the script ran" "exit $rc" "stderr:" "$(cat "$SCREENS/$run_name.err")"
	fi
}

screen_file() { printf '%s/%s' "$SCREENS" "$1"; }

# An id is masked only as a word of its own: a mask of its first letters
# anywhere would also hit text that happens to hold them ("abbb" inside
# notes of a's and b's), so a screen would differ only for some ids.
screen_mask_ids() {
	SCREEN_MASK=""
	for mask_id in "$@"; do
		mask_p=$(printf '%s' "$mask_id" | cut -c1-8)
		SCREEN_MASK="${SCREEN_MASK}s/(^|[^0-9a-f])$mask_p([^0-9a-f]|\$)/\\1########\\2/g;"
		mask_k=7
		while [ "$mask_k" -ge 1 ]; do
			SCREEN_MASK="${SCREEN_MASK}s/\\($(printf '%s' "$mask_p" | cut -c1-$mask_k)…/(########…/g;"
			mask_k=$((mask_k - 1))
		done
	done
}

screen_is() {
	f="$SCREENS/$1.masked"
	want="$EXPECTED/$1.txt"
	if [ -f "$(screen_file "$1")" ]; then
		sed -E "${SCREEN_MASK:-}" "$(screen_file "$1")" >"$f"
	else
		rm -f "$f"
	fi
	if [ -n "$UPDATE_SCREENS" ] && [ -f "$f" ]; then
		mkdir -p "$(dirname "$want")"
		cp "$f" "$want"
	fi
	if [ ! -f "$f" ]; then
		not_ok "screen $1" "the script wrote no screen $1"
	elif [ ! -f "$want" ]; then
		not_ok "screen $1" "no expected screen $want (UPDATE_SCREENS=1 writes it)" "screen:" "$(cat "$f")"
	elif cmp -s "$want" "$f"; then
		ok "screen $1"
	else
		not_ok "screen $1" "differs from $want:" "$(diff -u "$want" "$f" | tail -n +3)"
	fi
}

screen_has() {
	s=$(cat "$(screen_file "$2")" 2>/dev/null)
	case "$s" in
	*"$3"*) ok "$1" ;;
	*) not_ok "$1" "expected on screen $2: $3" "screen:" "$s" ;;
	esac
}

screen_has_not() {
	s=$(cat "$(screen_file "$2")" 2>/dev/null)
	case "$s" in
	*"$3"*) not_ok "$1" "expected NOT on screen $2: $3" "screen:" "$s" ;;
	*) ok "$1" ;;
	esac
}

screen_line() { sed -n "$2p" "$(screen_file "$1")"; }

# Display column (0-based) where NEEDLE starts in LINE (characters, not bytes).
screen_col() {
	case "$1" in *"$2"*) ;; *) echo -1; return ;; esac
	prefix=${1%%"$2"*}
	printf '%s' "$prefix" | LC_ALL=C.UTF-8 wc -m | tr -d ' '
}
