#!/bin/sh
# scripts/install-deps.sh: `make run` needs only the run set (a toolchain,
# the libraries, gettext), never the test tools; the run set holds the
# packages that provide what the build uses; plain `make` builds no test.
. tests/lib.sh

run sh scripts/install-deps.sh --list run
check "--list run: exit 0" 0 "$RC"
runset=" $(echo $OUT) "
run sh scripts/install-deps.sh --list test
testset=" $(echo $OUT) "
for p in libcmocka-dev tmux sqlite3 lintian debhelper valgrind clang; do
	check_not_contains "run set: no $p" " $p " "$runset"
done
for p in $runset; do
	check_contains "test set includes the run set: $p" " $p " "$testset"
done
for p in libcmocka-dev tmux sqlite3 lintian debhelper dpkg-dev devscripts; do
	check_contains "test set: $p" " $p " "$testset"
done
check_contains "run set: bash-completion (the installed program's completion)" " bash-completion " "$runset"
run sh scripts/install-deps.sh --list bogus
check "an unknown set: usage, exit 64" 64 "$RC"

# The packages that provide what the program is built with must be in the
# run set: the .pc file of every library the Makefile asks pkg-config for,
# and msgfmt (the catalogue).
owner() { dpkg -S "$1" 2>/dev/null | head -n 1 | cut -d: -f1; }
for m in $(sed -n 's/^PKGS *:= *//p' Makefile); do
	pc=$(pkg-config --path "$m" 2>/dev/null)
	pkg=$(owner "$(readlink -f "$pc")")
	check_contains "run set provides pkg-config $m ($pkg)" " ${pkg:-?} " "$runset"
done
pkg=$(owner "$(readlink -f "$(command -v msgfmt)")")
check_contains "run set provides msgfmt ($pkg)" " ${pkg:-?} " "$runset"

# What `make run` would do on a clean tree: install the run set only, and
# build nothing that links cmocka.
plan=$(make -n -B run BUILD="$T/b" 2>&1)
check_contains "make run installs the run set" "install-deps.sh run" "$plan"
check_not_contains "make run does not install the test set" "install-deps.sh test" "$plan"
check_not_contains "make run links nothing with cmocka" "cmocka" "$plan"
check_not_contains "plain make links nothing with cmocka" "cmocka" "$(make -n -B BUILD="$T/b" 2>&1)"
check_contains "make test builds the unit tests" "cmocka" "$(make -n -B test BUILD="$T/b" 2>&1)"
