/* The one way a change leaves its trace. */
#include <stdlib.h>
#include <uuid/uuid.h>

#include "core.h"
#include "centralino/xalloc.h"

void cn_uuid(char out[37])
{
	uuid_t u;
	uuid_generate_random(u);
	uuid_unparse_lower(u, out);
}

static void bind_details(sqlite3_stmt *st, int first, const struct audit_details *d)
{
	for (size_t i = 0; i < d->n; i++) {
		int k = first + 2 * (int)i;
		sqlite3_bind_text(st, k, d->v[i].key, -1, SQLITE_STATIC);
		if (d->v[i].text)
			sqlite3_bind_text(st, k + 1, d->v[i].text, -1, SQLITE_STATIC);
		else
			sqlite3_bind_int64(st, k + 1, d->v[i].num);
	}
}

int audit_write(struct cn_ctx *ctx, const char *action, const char *object_kind,
		const char *object_id, const struct audit_details *details)
{
	struct cn_buf sql = {0};
	sqlite3_stmt *st;
	char id[37], at[21];
	size_t n = details ? details->n : 0;
	int rc;

	buf_puts(&sql, "INSERT INTO audit_log (uuid, at, login, as_login, action, object_kind, object_id, details)"
		       " VALUES (?, ?, ?, ?, ?, ?, ?, ");
	if (n) {
		buf_puts(&sql, "json_object(");
		for (size_t i = 0; i < n; i++)
			buf_puts(&sql, i ? ", ?, ?" : "?, ?");
		buf_puts(&sql, "))");
	} else {
		buf_puts(&sql, "NULL)");
	}
	rc = db_prepare(ctx, &st, buf_str(&sql));
	buf_free(&sql);
	if (rc)
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
	if (n)
		bind_details(st, 8, details);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(ctx, _("writing the audit log"));
	return CN_OK;
}

static struct audit_pair *new_pair(struct audit_details *d, const char *key)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->v = xrealloc(d->v, d->cap * sizeof *d->v);
	}
	d->v[d->n] = (struct audit_pair){.key = xstrdup(key)};
	return &d->v[d->n++];
}

void audit_kv(struct audit_details *d, const char *key, const char *value)
{
	new_pair(d, key)->text = xstrdup(value ? value : "");
}

void audit_kv_long(struct audit_details *d, const char *key, long long value)
{
	new_pair(d, key)->num = value;
}

void audit_details_free(struct audit_details *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].key);
		free(d->v[i].text);
	}
	free(d->v);
	*d = (struct audit_details){0};
}
