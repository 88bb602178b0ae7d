# Helpers for the TUI tests, driven through tmux (a private -L socket per test).
# Usage, from the project root:  . tests/lib.sh; . tests/tui/lib_tui.sh
#   tui_start 80 24 "$CN" --db "$db" tui     start at WxH (env VAR=x allowed first)
#   tui_keys 'forli'                          type literally
#   tui_key Enter                             named keys (Escape, Tab, F10, BSpace...)
#   tui_wait 'Forlì'                          wait for text (10 s), 1 if it never shows
#   tui_check NAME 'text'                     TAP line: the screen shows text
#   tui_check_not NAME 'text'                 TAP line: the screen does not show it
#   tui_check_line NAME N 'text'              TAP line: line N shows text (waits)
#   tui_resize 120 40; tui_screen; tui_stop
# Each tui_start uses its own tmux server on a private socket in $T (tmux -S,
# like -L but removed with $T: tmux leaves its socket file behind), killed by
# tui_stop and on exit, even when a check fails. tests/run.sh skips lib*.sh.

TUI_N=0
TUI_SOCK=""
TUI_TIMEOUT=${TUI_TIMEOUT:-10}
SCREEN=""
unset TMUX

tui_tmux() { tmux -S "$TUI_SOCK" "$@"; }

tui_alive() { for p; do kill -0 "$p" 2>/dev/null && return 0; done; return 1; }

tui_stop() {
	if [ -n "$TUI_SOCK" ]; then
		# The program gets its SIGHUP while its terminal is still there, and
		# has ended before tmux closes the terminal: closing it also sends
		# SIGCONT, which can cancel the stop LeakSanitizer (ASan build)
		# makes of a program that is exiting, and leave it spinning for ever.
		tui_pane=$(tui_tmux display-message -p -t t '#{pane_pid}' 2>/dev/null)
		tui_pids=$([ -n "$tui_pane" ] && pgrep -P "$tui_pane")
		if [ -n "$tui_pids" ]; then
			kill -HUP $tui_pids 2>/dev/null
			tui_i=0
			while [ $tui_i -lt $((TUI_TIMEOUT * 20)) ] && tui_alive $tui_pids; do
				sleep 0.05
				tui_i=$((tui_i + 1))
			done
		fi
		tui_tmux kill-server 2>/dev/null
		rm -f "$TUI_SOCK"
	fi
	TUI_SOCK=""
}
trap 'tui_stop; rm -rf "$T"' EXIT

# Single-quotes a word for sh.
tui_quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

tui_start() {
	w=$1
	h=$2
	shift 2
	tui_stop
	TUI_N=$((TUI_N + 1))
	TUI_SOCK="$T/tmux-$TUI_N.sock"
	script="$T/tui-$TUI_N.sh"
	{
		echo '#!/bin/sh'
		# tmux sets its own TERM: ours is set inside the command.
		echo 'export LC_ALL=C.UTF-8 TERM=xterm-256color'
		printf 'env'
		for a in "$@"; do printf ' %s' "$(tui_quote "$a")"; done
		echo
		echo 'echo "[exited $?]"'
		echo 'exec sleep 600'
	} >"$script"
	tui_tmux -f /dev/null new-session -d -s t -x "$w" -y "$h" "sh $script"
}

tui_screen() {
	SCREEN=$(tui_tmux capture-pane -p -t t 2>/dev/null)
	printf '%s\n' "$SCREEN"
}

# Polls every 50 ms until the screen shows the text; sets SCREEN.
tui_wait() {
	i=0
	limit=$((TUI_TIMEOUT * 20))
	while [ $i -lt $limit ]; do
		SCREEN=$(tui_tmux capture-pane -p -t t 2>/dev/null)
		case "$SCREEN" in
		*"$1"*) return 0 ;;
		*"[exited "*) return 1 ;; # the program is gone: no use waiting
		esac
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# Waits until the screen no longer shows the text.
tui_wait_gone() {
	i=0
	limit=$((TUI_TIMEOUT * 20))
	while [ $i -lt $limit ]; do
		SCREEN=$(tui_tmux capture-pane -p -t t 2>/dev/null)
		case "$SCREEN" in *"$1"*) ;; *) return 0 ;; esac
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# Waits until screen line N (1-based) contains the text: after a resize,
# tmux crops the old picture at once; this tells when the app redrew.
tui_wait_line() {
	i=0
	limit=$((TUI_TIMEOUT * 20))
	while [ $i -lt $limit ]; do
		SCREEN=$(tui_tmux capture-pane -p -t t 2>/dev/null)
		case "$(printf '%s\n' "$SCREEN" | sed -n "$1p")" in *"$2"*) return 0 ;; esac
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
tui_check_line() {
	if tui_wait_line "$2" "$3"; then ok "$1"; else not_ok "$1" "expected on line $2: $3" "screen:" "$SCREEN"; fi
}

tui_keys() { tui_tmux send-keys -t t -l "$1"; }
tui_key() { tui_tmux send-keys -t t "$@"; }
tui_resize() { tui_tmux resize-window -t t -x "$1" -y "$2"; }

tui_check() {
	if tui_wait "$2"; then ok "$1"; else not_ok "$1" "expected on screen: $2" "screen:" "$SCREEN"; fi
}
tui_check_not() {
	SCREEN=$(tui_tmux capture-pane -p -t t 2>/dev/null)
	case "$SCREEN" in
	*"$2"*) not_ok "$1" "expected NOT on screen: $2" "screen:" "$SCREEN" ;;
	*) ok "$1" ;;
	esac
}

# The first screen line containing the text (after a wait).
tui_line() { printf '%s\n' "$SCREEN" | grep -F -m1 -- "$1"; }

# Display column (0-based) where NEEDLE starts in LINE: characters, not
# bytes (the names in these tests are one column per character).
tui_col() {
	case "$1" in *"$2"*) ;; *) echo -1; return ;; esac
	prefix=${1%%"$2"*}
	printf '%s' "$prefix" | LC_ALL=C.UTF-8 wc -m | tr -d ' '
}
