#!/bin/sh
# make install PREFIX=/usr/local DESTDIR=...: every file in its place, the
# installed program runs from there in both languages with the installed
# catalogue; make uninstall takes every file away again.
. tests/lib.sh

dest="$T/dest"
prefix=/usr/local
root="$dest$prefix"
if make -s --no-print-directory install BUILD="$BUILD" PREFIX="$prefix" DESTDIR="$dest" >"$T/make.log" 2>&1; then
	ok "make install into a DESTDIR"
else
	not_ok "make install into a DESTDIR" "$(tail -n 5 "$T/make.log")"
fi

for f in bin/centralino \
	share/man/man1/centralino.1 \
	share/man/it/man1/centralino.1 \
	share/locale/it/LC_MESSAGES/centralino.mo \
	share/bash-completion/completions/centralino \
	share/centralino/comuni-2019-05-15.csv \
	share/doc/centralino/README.md; do
	if [ -s "$root/$f" ]; then ok "installed: $f"; else not_ok "installed: $f" "missing or empty"; fi
done
check "the binary is executable" yes "$(test -x "$root/bin/centralino" && echo yes)"
check "the ISTAT list is the shipped one" yes \
	"$(cmp -s db/comuni-2019-05-15.csv "$root/share/centralino/comuni-2019-05-15.csv" && echo yes)"
check "nothing outside PREFIX" "usr" "$(ls "$dest")"

# The installed copy, moved away from the build tree: it must find its own
# catalogue under ../share/locale.
inst="$root/bin/centralino"
run "$inst" --version
check "installed --version" "0 centralino $(sed -n 's/^VERSION *:= *//p' Makefile), database schema $(ls db/[0-9]*.sql | sed -n '$s|^db/0*\([0-9]*\)_.*|\1|p')" "$RC $OUT"
run "$inst" --lang it --help
check "installed --lang it --help: exit 0" 0 "$RC"
check_contains "installed --lang it --help: Italian" "Comandi:" "$OUT"
check_contains "installed --lang it --help: Italian summary" "crea il database e carica l'elenco ISTAT" "$OUT"
run env -u LC_ALL LANG=it_IT.UTF-8 "$inst" init --help
check_contains "installed, LANG=it_IT.UTF-8: Italian" "uso: centralino init" "$OUT"
mv "$root/share/locale/it/LC_MESSAGES/centralino.mo" "$T/moved.mo"
run "$inst" --lang it --help
check_not_contains "without the installed catalogue: no Italian (so it was the one used)" "Comandi:" "$OUT"
mv "$T/moved.mo" "$root/share/locale/it/LC_MESSAGES/centralino.mo"
run "$inst" --db "$T/inst.db" init
check "installed init: exit 0" 0 "$RC"
check_contains "installed init: the built-in ISTAT list" "7,914 comuni loaded" "$OUT"

check "man page (en) renders without warnings" "" "$(groff -k -man -ww -z "$root/share/man/man1/centralino.1" 2>&1)"
check_contains "man page (en) is found by man" "help desk" \
	"$(MANPATH="$root/share/man" LANGUAGE= LC_ALL=C.UTF-8 man -P cat centralino 2>/dev/null | head -n 10)"
check_contains "man page (it) is found by man in Italian" "sportello" \
	"$(MANPATH="$root/share/man" LANGUAGE=it LC_ALL=C.UTF-8 man -L it -P cat centralino 2>/dev/null | head -n 10)"
check_contains "the completion loads in bash" "-F _centralino " \
	"$(bash -c ". '$root/share/bash-completion/completions/centralino' && complete -p centralino" 2>&1)"

if make -s --no-print-directory uninstall BUILD="$BUILD" PREFIX="$prefix" DESTDIR="$dest" >"$T/make.log" 2>&1; then
	ok "make uninstall"
else
	not_ok "make uninstall" "$(tail -n 5 "$T/make.log")"
fi
check "make uninstall leaves no file" "" "$(find "$dest" -type f)"
