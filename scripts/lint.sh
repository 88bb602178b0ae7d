#!/bin/sh
# The static analyser CI runs (cppcheck): every finding fails, so each one
# is fixed or suppressed in the code, on its line, with a comment saying
# why (`// cppcheck-suppress ID`). Usage: scripts/lint.sh
set -u
cd "$(dirname "$0")/.." || exit 1
command -v cppcheck >/dev/null 2>&1 || { echo "lint: cppcheck is missing (scripts/install-deps.sh test lint)" >&2; exit 1; }
out=$(cppcheck -q --std=c11 --enable=warning,portability --inline-suppr --error-exitcode=0 \
	--suppress=missingIncludeSystem -Iinclude -Isrc/core -Isrc/cli -Isrc/tui \
	--template='{file}:{line}: {severity} {id}: {message}' src 2>&1 | grep -E '^src/')
# The memory rule (docs/STYLE.md), in every layer.
plain=$(sh scripts/memory_rule.sh src/core/*.c src/cli/*.c src/tui/*.c)
[ -n "$plain" ] && out=$(printf '%s\n%s' "$out" "$plain" | sed '/^$/d')
if [ -n "$out" ]; then
	printf '%s\n' "$out"
	echo "lint: $(printf '%s\n' "$out" | wc -l) findings"
	exit 1
fi
echo "lint: cppcheck and the memory rule, 0 findings"
