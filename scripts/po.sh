#!/bin/sh
# The translations in po/ (po/it.po; any po/LANG.po is picked up).
#   scripts/po.sh update   po/POTFILES and po/centralino.pot from the sources
#                          (src/ and include/: *.c *.h *.def), merged into
#                          every po/*.po (new messages empty, changed ones
#                          fuzzy, unused ones dropped). `make po` runs it.
#   scripts/po.sh check    lists every message a translator still has to do:
#                          new in the sources (not yet in the .po), untranslated,
#                          fuzzy; and bad format strings. Exit 1 when any.
#                          `make po-check` and tests/cli/i18n.sh run it.
# Keywords: _() N_() C_(context, s) and gettext's own (ngettext ...).
set -eu
cd "$(dirname "$0")/.."
VERSION=$(sed -n 's/^VERSION *:= *//p' Makefile)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/cn-po.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

sources() {
	find src include -type f \( -name '*.c' -o -name '*.h' -o -name '*.def' \) | LC_ALL=C sort
}

# extract FILE_LIST POT
extract() {
	xgettext --language=C --from-code=UTF-8 \
		--keyword=_ --keyword=N_ --keyword=C_:1c,2 \
		--add-comments=TRANSLATORS: --sort-by-file \
		--package-name=centralino --package-version="$VERSION" \
		--copyright-holder="the centralino authors" --no-wrap \
		--msgid-bugs-address="the centralino issue tracker" \
		--files-from="$1" -o "$2"
}

# One line per message of a PO file: "[context] msgid<TAB>first source line".
list() {
	awk '
	function unq(s) { sub(/^"/, "", s); sub(/"$/, "", s); return s }
	function flush() {
		if (id != "") {
			split(refs, r, " ")
			printf "%s%s\t%s\n", (ctx != "" ? "[" ctx "] " : ""), id, r[1]
		}
		id = ""; ctx = ""; refs = ""; state = ""
	}
	/^#~/ { next }
	/^#: / { refs = refs " " substr($0, 4); next }
	/^msgctxt / { ctx = unq(substr($0, 9)); state = "ctx"; next }
	/^msgid / { id = unq(substr($0, 7)); state = "id"; next }
	/^msgid_plural / { state = ""; next }
	/^msgstr/ { state = ""; next }
	/^"/ { if (state == "id") id = id unq($0); else if (state == "ctx") ctx = ctx unq($0); next }
	/^$/ { flush() }
	END { flush() }
	' "$1"
}

update() {
	sources >po/POTFILES
	extract po/POTFILES "$TMP/new.pot"
	# Only a real change rewrites the template: not its creation date.
	if [ -f po/centralino.pot ] &&
		grep -v '^"POT-Creation-Date:' po/centralino.pot >"$TMP/a" &&
		grep -v '^"POT-Creation-Date:' "$TMP/new.pot" >"$TMP/b" &&
		cmp -s "$TMP/a" "$TMP/b"; then
		:
	else
		mv "$TMP/new.pot" po/centralino.pot
	fi
	for po in po/*.po; do
		[ -f "$po" ] || continue
		msgmerge --quiet --no-wrap --previous "$po" po/centralino.pot -o "$TMP/merged.po"
		msgattrib --no-wrap --no-obsolete "$TMP/merged.po" -o "$po"
		printf '%s: ' "$po"
		msgfmt --statistics -o /dev/null "$po" 2>&1
	done
	echo "now translate what 'make po-check' lists, in po/LANG.po"
}

# show TITLE FILE: the list under a title, when not empty
show() {
	[ -s "$2" ] || return 0
	echo "$1 ($(wc -l <"$2")):"
	sed 's/^/    /' "$2"
}

check() {
	sources >"$TMP/POTFILES"
	extract "$TMP/POTFILES" "$TMP/centralino.pot"
	list "$TMP/centralino.pot" | cut -f1 | LC_ALL=C sort -u >"$TMP/wanted"
	status=0
	for po in po/*.po; do
		[ -f "$po" ] || continue
		if ! msgfmt --check -o /dev/null "$po" 2>"$TMP/fmt"; then
			echo "$po: msgfmt --check failed:"
			sed 's/^/    /' "$TMP/fmt"
			status=1
		fi
		list "$po" | cut -f1 | LC_ALL=C sort -u >"$TMP/have"
		msgmerge --quiet --no-fuzzy-matching "$po" "$TMP/centralino.pot" -o "$TMP/merged.po"
		msgattrib --untranslated --no-obsolete "$TMP/merged.po" | list /dev/stdin >"$TMP/untr"
		msgattrib --only-fuzzy --no-obsolete "$TMP/merged.po" | list /dev/stdin >"$TMP/fuzzy"
		# new: in the sources but not in the .po at all
		awk -F '\t' 'NR == FNR { have[$1] = 1; next } !($1 in have)' "$TMP/have" "$TMP/untr" >"$TMP/new"
		awk -F '\t' 'NR == FNR { have[$1] = 1; next } ($1 in have)' "$TMP/have" "$TMP/untr" >"$TMP/empty"
		LC_ALL=C comm -23 "$TMP/have" "$TMP/wanted" >"$TMP/unused"
		printf '%s: ' "$po"
		msgfmt --statistics -o /dev/null "$TMP/merged.po" 2>&1
		show "  new in the sources, not yet in $po (run 'make po')" "$TMP/new"
		show "  untranslated" "$TMP/empty"
		show "  fuzzy (check the translation, then delete the '#, fuzzy' line)" "$TMP/fuzzy"
		show "  no longer in the sources ('make po' drops them)" "$TMP/unused"
		if [ -s "$TMP/new" ] || [ -s "$TMP/empty" ] || [ -s "$TMP/fuzzy" ]; then
			status=1
		fi
	done
	return $status
}

case "${1:-}" in
update) update ;;
check) check ;;
*) echo "usage: scripts/po.sh update|check" >&2; exit 64 ;;
esac
