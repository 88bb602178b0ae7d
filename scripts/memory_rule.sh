#!/bin/sh
# The memory rule of docs/STYLE.md, as scripts/lint.sh holds it: every
# allocation goes through xalloc.h, and nothing checks an x-allocation's
# result for NULL (it never is). Prints one line per finding, FILE:LINE.
# Usage: scripts/memory_rule.sh FILE.c...
set -u
dir=$(dirname "$0")
grep -nE '(^|[^A-Za-z0-9_.>])(malloc|calloc|realloc|strdup|strndup)\(' "$@" /dev/null |
	grep -v '/xalloc\.c:' | sed 's/$/  (use xalloc.h)/'
awk -f "$dir/dead_alloc_check.awk" "$@"
