#!/bin/sh
# `make` and `make run` on a host that has only the run set of
# scripts/install-deps.sh: in a private mount namespace, /usr is an overlay
# in which every file of the test-only packages (cmocka, tmux, sqlite3,
# lintian, debhelper ...) is gone, so a build that reached for one of them
# fails. There, from a fresh build folder, `make` builds the program and
# its catalogue, `make run` sets up the database the program chooses and
# opens the full-screen interface, whose first screen tells about the
# sample campaign; `make test` is what needs cmocka. The host's /usr is
# untouched. Needs root, `unshare -m` and overlayfs (CI has them); elsewhere
# it is skipped, and says so.
. tests/lib.sh

skip() { skip_suite "make and make run with the run set only" "$1"; }

if [ -z "${CN_RUNSET_INSIDE:-}" ]; then
	need_root "make and make run with the run set only" unshare dpkg-query apt-cache script
	# a build test: the plain build (make test) runs it, a sanitised one
	# would only repeat it, three times slower
	case "${CFLAGS:-}" in *sanitize=*) skip "the plain build runs it (make test)" ;; esac
	unshare -m sh -c 'mount --make-rprivate / && mount -t tmpfs t /mnt && mkdir /mnt/u /mnt/w &&
		mount -t overlay o -o lowerdir=/usr,upperdir=/mnt/u,workdir=/mnt/w /usr' 2>/dev/null ||
		skip "no overlay mount in a private namespace here"
	# What the test set adds, and what nothing in the run set depends on.
	runset=$(sh scripts/install-deps.sh --list run)
	needed=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
		--no-replaces --no-enhances $runset 2>/dev/null | grep -v '^ ' | sort -u)
	hide=""
	for p in $(sh scripts/install-deps.sh --list test) libcmocka0; do
		printf '%s\n' "$needed" | grep -qx "$p" && continue
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" && hide="$hide $p"
	done
	CN_RUNSET_INSIDE=1 CN_HIDE="$hide" unshare -m sh "$0"
	exit $?
fi

# ---- inside the namespace ----
mount --make-rprivate /
mkdir "$T/.ovl"
mount -t tmpfs cnrunset "$T/.ovl"
mkdir "$T/.ovl/up" "$T/.ovl/work"
n=0
for p in $CN_HIDE; do
	for f in $(dpkg -L "$p" | grep '^/usr/'); do
		[ -d "$f" ] && [ ! -L "$f" ] && continue
		[ -e "$f" ] || [ -L "$f" ] || continue
		w="$T/.ovl/up/${f#/usr/}"
		mkdir -p "$(dirname "$w")"
		mknod "$w" c 0 0 && n=$((n + 1))
	done
done
mount -t overlay cnrunset -o "lowerdir=/usr,upperdir=$T/.ovl/up,workdir=$T/.ovl/work" /usr
trap 'umount /usr "$T/.ovl" 2>/dev/null; rm -rf "$T"' EXIT

check "hidden: cmocka.h, libcmocka, tmux, sqlite3 ($n files of:$CN_HIDE)" \
	"absent absent absent absent" \
	"$(for f in /usr/include/cmocka.h /usr/lib/x86_64-linux-gnu/libcmocka.so.0 /usr/bin/tmux /usr/bin/sqlite3; do
		[ -e "$f" ] && echo present || echo absent; done | tr '\n' ' ' | sed 's/ $//')"
check "hidden: pkg-config knows no cmocka" 1 "$(pkg-config --exists cmocka; echo $?)"

# -O0: what is checked is what the build needs, not the program's speed
B="$T/build"
export CFLAGS="-O0"
run make -s -j2 BUILD="$B"
check "make: exit 0 without the test tools" 0 "$RC"
[ "$RC" = 0 ] || printf '%s\n' "$ERR" | tail -n 5 | sed 's/^/#   /'
check "make: the program and the Italian catalogue" "yes yes" \
	"$([ -x "$B/centralino" ] && echo yes || echo no) $([ -f "$B/locale/it/LC_MESSAGES/centralino.mo" ] && echo yes || echo no)"
check "make: no unit test built" "" "$(ls "$B/tests" 2>/dev/null)"

run make -s run BUILD="$B" </dev/null
check "make run: exit 0 (no terminal: it says how to go on)" 0 "$RC"
check_contains "make run: the database the program chooses, named" \
	"$HOME/.local/share/centralino/centralino.db created: tester is its administrator" "$OUT"
check_contains "make run: the sample campaign" "sample campaign famiglia-" "$OUT"
check_contains "make run: no terminal, said" "the full-screen interface needs a terminal" "$ERR"

# With a terminal (script(1)'s pty), the interface opens; its keys come from
# a script and its first screen goes to a file.
printf '!screen %s\n' "$T/first.txt" >"$T/keys"
key=$(cd "$T" && "$B/centralino" campaign list --format tsv | sed -n '2s/\t.*//p')
run env CENTRALINO_SCRIPT="$T/keys" script -qec "make -s run BUILD='$B'" /dev/null </dev/null
check "make run with a terminal: exit 0" 0 "$RC"
check_contains "make run: the first screen tells about the sample campaign" \
	"Sample campaign $key is ready to try: F6 campaigns, F5 its dashboard" "$(cat "$T/first.txt" 2>/dev/null)"

run make -s BUILD="$B" unit
check "make unit: needs cmocka (so it was hidden)" 2 "$RC"
check_contains "make unit: says cmocka.h is missing" "cmocka.h: No such file or directory" "$ERR"
