/* Allocation that cannot fail: on exhaustion the program stops (abort),
 * as htop's xMalloc does. This is the memory rule of the whole program
 * (docs/STYLE.md): a write in progress is inside a sqlite transaction, and
 * a process that stops rolls it back, so nothing half-written survives;
 * carrying NULL up through every caller instead buys nothing a person at
 * the phone could use. Every allocation in src/core, src/cli and src/tui
 * goes through these (scripts/lint.sh holds it). */
#ifndef CENTRALINO_XALLOC_H
#define CENTRALINO_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
