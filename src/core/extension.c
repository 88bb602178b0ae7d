/* Proroghe: grant, revoke, list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_internal.h"
#include "centralino/text.h"
#include "centralino/clock.h"
#include "centralino/extension.h"
#include "centralino/xalloc.h"

static const char select_sql[] =
	"SELECT e.id, e.uuid, k.key, k.deadline, e.respondent_id, r.name, e.until, e.reason,"
	"       e.granted_by, e.granted_at, e.revoked_at, e.revoked_by, e.revoke_reason, e.replaced_by"
	"  FROM extension e JOIN campaign k ON k.id = e.campaign_id"
	"  JOIN respondent r ON r.id = e.respondent_id";

static void read_row(sqlite3_stmt *st, struct extension *e)
{
	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(st, 0);
	snprintf(e->uuid, sizeof e->uuid, "%s", db_col(st, 1));
	snprintf(e->campaign_key, sizeof e->campaign_key, "%s", db_col(st, 2));
	snprintf(e->campaign_deadline, sizeof e->campaign_deadline, "%s", db_col(st, 3));
	snprintf(e->respondent_id, sizeof e->respondent_id, "%s", db_col(st, 4));
	snprintf(e->respondent_name, sizeof e->respondent_name, "%s", db_col(st, 5));
	snprintf(e->until, sizeof e->until, "%s", db_col(st, 6));
	e->reason = db_col_dup(st, 7);
	snprintf(e->granted_by, sizeof e->granted_by, "%s", db_col(st, 8));
	snprintf(e->granted_at, sizeof e->granted_at, "%s", db_col(st, 9));
	snprintf(e->revoked_at, sizeof e->revoked_at, "%s", db_col(st, 10));
	snprintf(e->revoked_by, sizeof e->revoked_by, "%s", db_col(st, 11));
	e->revoke_reason = db_col_dup(st, 12);
	e->replaced_by = sqlite3_column_int64(st, 13);
}

void extension_free(struct extension *e)
{
	if (!e)
		return;
	free(e->reason);
	free(e->revoke_reason);
	e->reason = e->revoke_reason = NULL;
}

void extension_list_free(struct extension_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		extension_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static int read_by_id(struct cn_ctx *ctx, long long id, struct extension *out)
{
	sqlite3_stmt *st;
	char sql[sizeof select_sql + 32];
	int rc;

	snprintf(sql, sizeof sql, "%s WHERE e.id = ?", select_sql);
	if ((rc = db_prepare(ctx, &st, sql)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		read_row(st, out);
	else
		rc = db_fail(ctx, _("reading the proroga"));
	sqlite3_finalize(st);
	return rc;
}

/* The proroga in force: its id and date, 0 when none. */
static int in_force(struct cn_ctx *ctx, long long campaign_id, const char *id,
		    long long *ext_id, char until[11])
{
	sqlite3_stmt *st;
	int rc;

	*ext_id = 0;
	until[0] = '\0';
	if ((rc = db_prepare(ctx, &st,
		"SELECT id, until FROM extension WHERE campaign_id = ? AND respondent_id = ? AND revoked_at IS NULL")))
		return rc;
	sqlite3_bind_int64(st, 1, campaign_id);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*ext_id = sqlite3_column_int64(st, 0);
		snprintf(until, 11, "%s", db_col(st, 1));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the proroghe"));
}

static int step_done(struct cn_ctx *ctx, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st) == SQLITE_DONE ? CN_OK : db_fail(ctx, what);
	sqlite3_finalize(st);
	return rc;
}

static int extension_grant_checked(struct cn_ctx *ctx, const char *campaign_key,
		    const char *respondent, const char *until, const char *reason,
		    struct extension *out, char replaced[11])
{
	struct campaign c;
	struct audit_details details = {0};
	char id[48], name[256], date[11], old_until[11], now[21], uuid[37], shown[11];
	char status[16];
	long long old_id, new_id;
	sqlite3_stmt *st;
	int rc;

	if (replaced)
		replaced[0] = '\0';
	if ((rc = cn_require(ctx, CN_ROLE_SUPERVISORE, _("grant a proroga"))))
		return rc;
	if (!until || cn_parse_date(until, date))
		return cn_set_error_field(ctx, CN_EUSAGE, "until", _("--until: '%s' is not a date (YYYY-MM-DD or DD/MM/YYYY)"),
				    until ? until : "");
	if (!reason || !*reason)
		return cn_set_error_field(ctx, CN_EUSAGE, "reason", _("a proroga needs a reason"));
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = campaign_load(ctx, campaign_key, &c)) ||
	    (rc = progress_resolve(ctx, &c, respondent, id, name)))
		goto fail;
	if (strcmp(date, c.deadline) <= 0) {
		cn_date_display(c.deadline, shown);
		rc = cn_set_error_field(ctx, CN_EDATA, "until", _("the deadline of campaign %s is already %s: a proroga must come after it"),
				  c.key, shown);
		goto fail;
	}
	if ((rc = db_prepare(ctx, &st,
		"SELECT status FROM campaign_respondent WHERE campaign_id = ? AND respondent_id = ?")))
		goto fail;
	sqlite3_bind_int64(st, 1, c.id);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
	snprintf(status, sizeof status, "%s", sqlite3_step(st) == SQLITE_ROW ? db_col(st, 0) : "");
	sqlite3_finalize(st);
	if (strcmp(status, "inviato") == 0 || strcmp(status, "esonerato") == 0) {
		rc = cn_set_error(ctx, CN_EDATA, _("%s %s is '%s' in campaign %s: no deadline to extend"),
				  id, name, status, c.key);
		goto fail;
	}
	if ((rc = in_force(ctx, c.id, id, &old_id, old_until)))
		goto fail;
	cn_now_iso(ctx, now);
	cn_uuid(uuid);
	/* the old one ends first: the partial unique index allows one in force */
	if (old_id) {
		if ((rc = db_prepare(ctx, &st,
			"UPDATE extension SET revoked_at = ?, revoked_by = ? WHERE id = ?")))
			goto fail;
		sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, cn_login(ctx), -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 3, old_id);
		if ((rc = step_done(ctx, st, _("replacing the proroga"))))
			goto fail;
	}
	if ((rc = db_prepare(ctx, &st,
		"INSERT INTO extension (uuid, campaign_id, respondent_id, until, reason, granted_by, granted_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?)")))
		goto fail;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, c.id);
	sqlite3_bind_text(st, 3, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, reason, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, cn_login(ctx), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, now, -1, SQLITE_TRANSIENT);
	if ((rc = step_done(ctx, st, _("granting the proroga"))))
		goto fail;
	new_id = sqlite3_last_insert_rowid(ctx->db);
	if (old_id) {
		if ((rc = db_prepare(ctx, &st, "UPDATE extension SET replaced_by = ? WHERE id = ?")))
			goto fail;
		sqlite3_bind_int64(st, 1, new_id);
		sqlite3_bind_int64(st, 2, old_id);
		if ((rc = step_done(ctx, st, _("replacing the proroga"))))
			goto fail;
	}
	audit_kv(&details, "campaign", c.key);
	audit_kv(&details, "until", date);
	if (old_id)
		audit_kv(&details, "replaces", old_until);
	audit_kv(&details, "reason", reason);
	if ((rc = audit_write(ctx, "extension.grant", "respondent", id, &details)) ||
	    (rc = db_commit(ctx)))
		goto fail;
	audit_details_free(&details);
	if (replaced)
		snprintf(replaced, 11, "%s", old_until);
	return out ? read_by_id(ctx, new_id, out) : CN_OK;
fail:
	db_rollback(ctx);
	audit_details_free(&details);
	return rc;
}

static int extension_revoke_checked(struct cn_ctx *ctx, const char *campaign_key,
		     const char *respondent, const char *reason,
		     struct extension *out)
{
	struct campaign c;
	struct audit_details details = {0};
	char id[48], name[256], until[11], now[21];
	long long ext_id;
	sqlite3_stmt *st;
	int rc;

	if ((rc = cn_require(ctx, CN_ROLE_SUPERVISORE, _("revoke a proroga"))))
		return rc;
	if (!reason || !*reason)
		return cn_set_error_field(ctx, CN_EUSAGE, "reason", _("revoking a proroga needs a reason"));
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = campaign_load(ctx, campaign_key, &c)) ||
	    (rc = progress_resolve(ctx, &c, respondent, id, name)) ||
	    (rc = in_force(ctx, c.id, id, &ext_id, until)))
		goto fail;
	if (!ext_id) {
		rc = cn_set_error(ctx, CN_ENOINPUT, _("%s %s has no proroga in force in campaign %s"),
				  id, name, c.key);
		goto fail;
	}
	cn_now_iso(ctx, now);
	if ((rc = db_prepare(ctx, &st,
		"UPDATE extension SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ?")))
		goto fail;
	sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, cn_login(ctx), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, reason, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, ext_id);
	if ((rc = step_done(ctx, st, _("revoking the proroga"))))
		goto fail;
	audit_kv(&details, "campaign", c.key);
	audit_kv(&details, "until", until);
	audit_kv(&details, "reason", reason);
	if ((rc = audit_write(ctx, "extension.revoke", "respondent", id, &details)) ||
	    (rc = db_commit(ctx)))
		goto fail;
	audit_details_free(&details);
	return out ? read_by_id(ctx, ext_id, out) : CN_OK;
fail:
	db_rollback(ctx);
	audit_details_free(&details);
	return rc;
}

int extension_list(struct cn_ctx *ctx, const char *campaign_key, int all,
		   struct extension_list *out)
{
	char sql[sizeof select_sql + 256];
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("read the proroghe"))))
		return rc;
	if (campaign_key) {
		struct campaign c;
		if ((rc = campaign_load(ctx, campaign_key, &c)))
			return rc;
	}
	snprintf(sql, sizeof sql,
		 "%s WHERE (?1 IS NULL OR k.key = ?1) AND (?2 OR e.revoked_at IS NULL)"
		 " ORDER BY k.opens_on DESC, k.key, r.name, e.respondent_id, e.granted_at DESC, e.id DESC",
		 select_sql);
	if ((rc = db_prepare(ctx, &st, sql)))
		return rc;
	db_bind_text(st, 1, campaign_key);
	sqlite3_bind_int(st, 2, all != 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			out->v = xrealloc(out->v, ncap * sizeof *out->v);
			cap = ncap;
		}
		read_row(st, &out->v[out->n++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		extension_list_free(out);
		return db_fail(ctx, _("reading the proroghe"));
	}
	return CN_OK;
}

/* extension_grant with the reason passed through the text policy (text.h). */
int extension_grant(struct cn_ctx *ctx, const char *campaign_key,
		    const char *respondent, const char *until, const char *reason,
		    struct extension *out, char replaced[11])
{
	char *clean;
	int rc = text_clean_ctx(ctx, "--reason", reason, TEXT_REASON, &clean);

	if (rc)
		return rc;
	rc = extension_grant_checked(ctx, campaign_key, respondent, until, clean, out, replaced);
	free(clean);
	return rc;
}

/* extension_revoke with the reason passed through the text policy (text.h). */
int extension_revoke(struct cn_ctx *ctx, const char *campaign_key,
		     const char *respondent, const char *reason,
		     struct extension *out)
{
	char *clean;
	int rc = text_clean_ctx(ctx, "--reason", reason, TEXT_REASON, &clean);

	if (rc)
		return rc;
	rc = extension_revoke_checked(ctx, campaign_key, respondent, clean, out);
	free(clean);
	return rc;
}
