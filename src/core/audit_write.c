/* The one way a change leaves its trace. */
#include <string.h>
#include <uuid/uuid.h>

#include "core.h"

void cn_uuid(char out[37])
{
	uuid_t u;
	uuid_generate_random(u);
	uuid_unparse_lower(u, out);
}

int audit_write(struct cn_ctx *ctx, const char *action, const char *object_kind,
		const char *object_id, const char *details)
{
	static const char sql[] =
		"INSERT INTO audit_log (uuid, at, login, as_login, action, object_kind, object_id, details)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st;
	char id[37], at[21];
	int rc;

	if ((rc = db_prepare(ctx, &st, sql)))
		return rc;
	cn_uuid(id);
	cn_now_iso(ctx, at);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, ctx->real_login, -1, SQLITE_TRANSIENT);
	if (ctx->acting_as)
		sqlite3_bind_text(st, 4, ctx->login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, action, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 6, object_kind);
	db_bind_text(st, 7, object_id);
	db_bind_text(st, 8, details);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(ctx, _("writing the audit log"));
	return CN_OK;
}

int audit_kv(struct cn_buf *b, const char *key, const char *value)
{
	if (!value)
		value = "";
	if (b->len && buf_puts(b, " "))
		return -1;
	if (!*value || strpbrk(value, " \t\n\"\\=")) {
		if (buf_printf(b, "%s=\"", key))
			return -1;
		for (const char *p = value; *p; p++) {
			char esc[3] = {'\\', *p, 0};
			if (*p == '\n')
				esc[1] = 'n';
			if ((*p == '"' || *p == '\\' || *p == '\n') ? buf_puts(b, esc) : buf_add(b, p, 1))
				return -1;
		}
		return buf_puts(b, "\"");
	}
	return buf_printf(b, "%s=%s", key, value);
}

int audit_kv_long(struct cn_buf *b, const char *key, long long value)
{
	return buf_printf(b, "%s%s=%lld", b->len ? " " : "", key, value);
}
