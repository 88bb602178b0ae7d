/* `check`: the database's tables, indexes, triggers and views against the
 * ones the migrations create, so that a dropped audit trigger or a changed
 * constraint does not pass for a sound database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "centralino/migrations.h"
#include "maint_internal.h"

/* The schema the migrations up to `version` make, in a private in-memory
 * database. */
static int reference(struct cn_ctx *ctx, long long version, sqlite3 **out)
{
	sqlite3 *ref = NULL;
	*out = NULL;
	if (sqlite3_open_v2(":memory:", &ref, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(ref);
		return cn_set_error(ctx, CN_EOSERR, _("out of memory"));
	}
	for (const struct cn_migration *m = cn_migrations; m->sql && m->version <= version; m++) {
		char *msg = NULL;
		if (sqlite3_exec(ref, m->sql, NULL, NULL, &msg) != SQLITE_OK) {
			int rc = cn_set_error(ctx, CN_ESOFTWARE, _("schema migration %s failed: %s"), m->name,
					      msg ? msg : "?");
			sqlite3_free(msg);
			sqlite3_close(ref);
			return rc;
		}
	}
	*out = ref;
	return CN_OK;
}

static const char *kind_word(const char *type)
{
	return strcmp(type, "table") == 0 ? _("table") : strcmp(type, "index") == 0 ? _("index")
		: strcmp(type, "trigger") == 0 ? _("trigger") : strcmp(type, "view") == 0 ? _("view") : type;
}

#define SCHEMA_SQL "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY name"

/* Every object of `a` looked up in `b`: missing or changed (b_is_live
 * says which side is the database). */
static int compare(sqlite3 *a, sqlite3 *b, int a_is_ref, struct maint_problems *out)
{
	sqlite3_stmt *sa, *sb;

	if (sqlite3_prepare_v2(a, SCHEMA_SQL, -1, &sa, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(b, "SELECT sql FROM sqlite_schema WHERE type = ? AND name = ?", -1, &sb, NULL) != SQLITE_OK) {
		sqlite3_finalize(sa);
		return -1;
	}
	while (sqlite3_step(sa) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(sa, 0);
		const char *name = (const char *)sqlite3_column_text(sa, 1);
		const char *sql = (const char *)sqlite3_column_text(sa, 2);
		sqlite3_bind_text(sb, 1, type, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(sb, 2, name, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(sb) != SQLITE_ROW) {
			if (a_is_ref)
				maint_add_problem(out, _("schema: %s %s is missing"), kind_word(type), name);
			else
				maint_add_problem(out, _("schema: %s %s is not one of centralino's"), kind_word(type), name);
		} else if (a_is_ref && strcmp(sql, (const char *)sqlite3_column_text(sb, 0)) != 0) {
			maint_add_problem(out, _("schema: %s %s differs from the one the migrations create"),
					  kind_word(type), name);
		}
		sqlite3_reset(sb);
	}
	sqlite3_finalize(sa);
	sqlite3_finalize(sb);
	return 0;
}

int maint_check_schema(struct cn_ctx *ctx, struct maint_problems *out)
{
	long long version = 0;
	sqlite3 *ref;
	int rc;

	if ((rc = db_scalar_int(ctx, &version, "PRAGMA user_version", (char *)NULL)) ||
	    (rc = reference(ctx, version, &ref)))
		return rc;
	if (compare(ref, ctx->db, 1, out) || compare(ctx->db, ref, 0, out))
		rc = cn_set_error(ctx, CN_EIO, _("%s: comparing the schema: %s"), ctx->db_path, sqlite3_errmsg(ctx->db));
	sqlite3_close(ref);
	return rc;
}
