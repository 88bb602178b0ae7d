/* Database upkeep: hot backup and consistency check. */
#ifndef CENTRALINO_MAINT_H
#define CENTRALINO_MAINT_H

#include <stddef.h>

#include "centralino/ctx.h"

struct maint_backup_result {
	long pages;
	long long bytes;
};

/* Admin only. A consistent copy of the open database at `dest` through
 * sqlite's online backup API (in one step, so writers elsewhere cannot make
 * it restart), checked with PRAGMA integrity_check before it is put in
 * place. The copy gets mode 0660. An existing `dest` is refused
 * (CN_ECANTCREAT) unless `force`. One audit row. */
int maint_backup(struct cn_ctx *ctx, const char *dest, int force,
		 struct maint_backup_result *out);

struct maint_problems {
	size_t n;
	char **v; /* one line each */
};

/* Supervisore and up. PRAGMA integrity_check and foreign_key_check: CN_OK
 * with out->n == 0 when the database is sound; otherwise CN_EDATA and the
 * problems in `out`. Free with maint_problems_free. */
int maint_check(struct cn_ctx *ctx, struct maint_problems *out);
void maint_problems_free(struct maint_problems *p);

#endif
