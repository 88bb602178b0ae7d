/* The database's schema: the numbered migrations of db/ embedded in the
 * program. A new database gets the whole schema when it is created; an
 * existing one is brought forward only by schema_migrate (`centralino
 * migrate`), never implicitly by an ordinary command. */
#ifndef CENTRALINO_SCHEMA_H
#define CENTRALINO_SCHEMA_H

#include <limits.h>

#include "centralino/ctx.h"

/* The program's schema version: the number of its newest migration. */
int schema_latest(void);

/* The open database's schema version (PRAGMA user_version). */
int schema_version(struct cn_ctx *ctx, int *out);

struct schema_migrate_result {
	int from, to;             /* equal when nothing was pending */
	char backup[PATH_MAX];    /* the backup taken first ("" when none) */
};

/* Root or admin (open the context with schema_pending_ok and root_ok).
 * When migrations are pending: a verified backup in the backups folder
 * (maint_backup_dated) first, then every pending migration in one
 * transaction with one audit row ("schema.migrate", from and to). A
 * database newer than the program is refused (CN_ECONFIG). */
int schema_migrate(struct cn_ctx *ctx, struct schema_migrate_result *out);

#endif
