/* Reading the audit log with the desk's filters, newest first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "centralino/audit.h"
#include "centralino/clock.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"

void audit_entries_free(struct audit_entries *e)
{
	for (size_t i = 0; i < e->n; i++) {
		struct audit_entry *a = &e->v[i];
		free(a->login);
		free(a->as_login);
		free(a->action);
		free(a->object_kind);
		free(a->object_id);
		free(a->details);
	}
	free(e->v);
	e->v = NULL;
	e->n = 0;
}

/* One pair of the shown form, "key=value": a value that is empty or holds
 * a blank, '"', '\\' or '=' is "quoted" with \", \\ and \n escaped, as the
 * rows written before the details were JSON. */
static void shown_pair(struct cn_buf *b, const char *key, const char *value)
{
	if (b->len)
		buf_puts(b, " ");
	if (*value && !strpbrk(value, " \t\n\"\\=")) {
		buf_printf(b, "%s=%s", key, value);
		return;
	}
	buf_printf(b, "%s=\"", key);
	for (const char *p = value; *p; p++) {
		char esc[3] = {'\\', *p == '\n' ? 'n' : *p, 0};
		if (*p == '"' || *p == '\\' || *p == '\n')
			buf_puts(b, esc);
		else
			buf_add(b, p, 1);
	}
	buf_puts(b, "\"");
}

/* Details stored as a JSON object (audit_write) are shown as the older
 * rows were stored, "key=value ...", so both read alike; anything else
 * (an older row) is shown as it is. */
static void show_details(sqlite3_stmt *pairs, char **details)
{
	struct cn_buf b = {0};
	int rc;

	if (!*details || **details != '{')
		return;
	sqlite3_reset(pairs);
	sqlite3_bind_text(pairs, 1, *details, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(pairs)) == SQLITE_ROW)
		shown_pair(&b, db_col(pairs, 0), db_col(pairs, 1));
	sqlite3_reset(pairs);
	if (rc == SQLITE_DONE) {
		free(*details);
		*details = xstrdup(buf_str(&b));
	}
	buf_free(&b);
}

static int fill_entry(sqlite3_stmt *st, sqlite3_stmt *pairs, struct audit_entry *a)
{
	memset(a, 0, sizeof *a);
	a->seq = sqlite3_column_int64(st, 0);
	snprintf(a->uuid, sizeof a->uuid, "%s", db_col(st, 1));
	snprintf(a->at, sizeof a->at, "%s", db_col(st, 2));
	a->login = db_col_dup(st, 3);
	a->as_login = db_col_dup(st, 4);
	a->action = db_col_dup(st, 5);
	a->object_kind = db_col_dup(st, 6);
	a->object_id = db_col_dup(st, 7);
	a->details = db_col_dup(st, 8);
	show_details(pairs, &a->details);
	return a->login && a->action ? 0 : -1;
}

int audit_query(struct cn_ctx *ctx, const struct audit_filter *f, struct audit_entries *out)
{
	struct cn_buf sql = {0};
	const char *binds[6];
	char since[21], family[128];
	sqlite3_stmt *st, *pairs;
	size_t cap = 0;
	int nb = 0, rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_SUPERVISORE, _("read the audit log"))))
		return rc;
	/* Only the filters in use go into the statement, so sqlite can pick
	 * the index that fits; values are always bound. */
	buf_puts(&sql, "SELECT seq, uuid, at, login, as_login, action, object_kind, object_id, details"
		       " FROM audit_log WHERE 1");
	if (f->since) {
		cn_fmt_iso(f->since, since);
		buf_puts(&sql, " AND at >= ?");
		binds[nb++] = since;
	}
	if (f->user && *f->user) {
		buf_puts(&sql, " AND (login = ? OR as_login = ?)");
		binds[nb++] = f->user;
		binds[nb++] = f->user;
	}
	if (f->object && *f->object) {
		buf_puts(&sql, " AND object_id = ?");
		binds[nb++] = f->object;
	}
	if (f->action && *f->action) {
		/* "staff" also finds "staff.add", "staff.disable", ... */
		snprintf(family, sizeof family, "%s.", f->action);
		buf_puts(&sql, " AND (action = ? OR substr(action, 1, length(?)) = ?)");
		binds[nb++] = f->action;
		binds[nb++] = family;
		binds[nb++] = family;
	}
	buf_puts(&sql, " ORDER BY seq DESC LIMIT ?");
	rc = db_prepare(ctx, &st, buf_str(&sql));
	buf_free(&sql);
	if (rc)
		return rc;
	if ((rc = db_prepare(ctx, &pairs, "SELECT key, value FROM json_each(?)"))) {
		sqlite3_finalize(st);
		return rc;
	}
	for (int i = 0; i < nb; i++)
		sqlite3_bind_text(st, i + 1, binds[i], -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, nb + 1, f->limit > 0 ? f->limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			out->v = xrealloc(out->v, ncap * sizeof *out->v);
			cap = ncap;
		}
		if (fill_entry(st, pairs, &out->v[out->n++]))
			goto oom;
	}
	sqlite3_finalize(st);
	sqlite3_finalize(pairs);
	if (rc != SQLITE_DONE) {
		audit_entries_free(out);
		return db_fail(ctx, _("reading the audit log"));
	}
	return CN_OK;
oom:
	sqlite3_finalize(st);
	sqlite3_finalize(pairs);
	audit_entries_free(out);
	return cn_set_error(ctx, CN_EOSERR, _("out of memory"));
}
