/* Applying the embedded migrations: at creation, and by `centralino migrate`. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "centralino/maint.h"
#include "centralino/migrations.h"
#include "centralino/schema.h"

int schema_latest(void)
{
	int latest = 0;
	for (const struct cn_migration *m = cn_migrations; m->sql; m++)
		latest = m->version;
	return latest;
}

int schema_version(struct cn_ctx *ctx, int *out)
{
	long long v;
	int rc = db_scalar_int(ctx, &v, "PRAGMA user_version", (char *)NULL);
	*out = rc ? 0 : (int)v;
	return rc;
}

int schema_still_ours(struct cn_ctx *ctx)
{
	int v;
	if (ctx->restart[0])
		return cn_set_error(ctx, CN_ECONFIG, "%s", ctx->restart);
	if (!ctx->schema || schema_version(ctx, &v) || v == ctx->schema)
		return CN_OK;
	snprintf(ctx->restart, sizeof ctx->restart,
		 _("database upgraded to schema %d (this program: %d): restart centralino; forms are kept as drafts"),
		 v, ctx->schema);
	return cn_set_error(ctx, CN_ECONFIG, "%s", ctx->restart);
}

int schema_apply(struct cn_ctx *ctx, int *from)
{
	int latest = schema_latest(), rc;
	char sql[64];

	/* Inside the caller's transaction: another process may have migrated
	 * while we waited for the lock. */
	if ((rc = schema_version(ctx, from)))
		return rc;
	if (*from > latest)
		return cn_set_error(ctx, CN_ECONFIG,
			_("%s: the database is at schema version %d, newer than this program (%d): update centralino"),
			ctx->db_path, *from, latest);
	for (const struct cn_migration *m = cn_migrations; m->sql; m++) {
		char *msg = NULL;
		if (m->version <= *from)
			continue;
		if (sqlite3_exec(ctx->db, m->sql, NULL, NULL, &msg) != SQLITE_OK) {
			rc = cn_set_error(ctx, CN_ESOFTWARE, _("schema migration %s failed: %s"),
					  m->name, msg ? msg : "?");
			sqlite3_free(msg);
			return rc;
		}
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", latest);
	return db_exec(ctx, sql);
}

int schema_create(struct cn_ctx *ctx)
{
	int from, rc;
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = schema_apply(ctx, &from))) {
		db_rollback(ctx);
		return rc;
	}
	return db_commit(ctx);
}

int schema_migrate(struct cn_ctx *ctx, struct schema_migrate_result *out)
{
	struct maint_backup_result b;
	struct audit_details details = {0};
	char where[PATH_MAX];
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ADMIN, _("migrate the database"))))
		return rc;
	if ((rc = schema_version(ctx, &out->from)))
		return rc;
	out->to = schema_latest();
	if (out->from > out->to)
		return cn_set_error(ctx, CN_ECONFIG,
			_("%s: the database is at schema version %d, newer than this program (%d): update centralino"),
			ctx->db_path, out->from, out->to);
	if (out->from == out->to)
		return CN_OK;
	if ((rc = maint_backup_dated(ctx, "migrate", 0, &b)))
		return rc;
	snprintf(out->backup, sizeof out->backup, "%s", b.path);
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = schema_apply(ctx, &out->from)))
		goto fail;
	if (out->from == out->to) { /* another migrate ran while we took the backup */
		db_rollback(ctx);
		return CN_OK;
	}
	audit_kv_long(&details, "from", out->from);
	audit_kv_long(&details, "to", out->to);
	if (!realpath(ctx->db_path, where))
		snprintf(where, sizeof where, "%s", ctx->db_path);
	rc = audit_write(ctx, "schema.migrate", "database", where, &details);
	audit_details_free(&details);
	if (rc || (rc = db_commit(ctx)))
		goto fail;
	ctx->schema = out->to;
	return CN_OK;
fail:
	db_rollback(ctx);
	return rc;
}
