#!/bin/sh
# The memory rule as make lint holds it (scripts/memory_rule.sh): a plain
# allocation and a NULL check of an x-allocation are found, with their
# file and line; the checks that guard something else (a result of
# sqlite, of fopen, a pointer handed in) are not; and src/ has none.
. tests/lib.sh

cat >"$T/bad.c" <<'C'
static char *a(const char *s)
{
	char *p = strdup(s);
	return p;
}
static int b(struct row *r, const char *s)
{
	r->name = xstrdup(s);
	if (!r->name)
		return -1;
	char *q = xmalloc(10);
	if (q == NULL)
		return -1;
	if (!(r->v = xcalloc(4, 8)))
		return -1;
	char *x = xstrndup(s, 2), *y = xstrdup(s);
	if (!x || !y)
		return -1;
	return 0;
}
C
cat >"$T/good.c" <<'C'
static int c(sqlite3_stmt *st, const char *path, char *given)
{
	char *p = xstrdup(path);
	FILE *f = fopen(p, "r");
	if (!f)
		return -1;
	const unsigned char *t = sqlite3_column_text(st, 0);
	if (!t)
		return -1;
	if (!given)
		return -1;
	free(p);
	return 0;
}
C
out=$(sh scripts/memory_rule.sh "$T/bad.c" "$T/good.c" | sed "s|$T/||")
check "each finding by file and line" "bad.c:3:	char *p = strdup(s);  (use xalloc.h)
bad.c:9:	if (!r->name)  (an x-allocation cannot fail: drop the check)
bad.c:12:	if (q == NULL)  (an x-allocation cannot fail: drop the check)
bad.c:14:	if (!(r->v = xcalloc(4, 8)))  (an x-allocation cannot fail: drop the check)
bad.c:17:	if (!x || !y)  (an x-allocation cannot fail: drop the check)" "$out"
check "the sources keep the rule" "" "$(sh scripts/memory_rule.sh src/core/*.c src/cli/*.c src/tui/*.c)"
