/* One respondent's standing in a campaign, and the status a supervisor
 * sets by hand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_internal.h"
#include "centralino/text.h"
#include "centralino/clock.h"

static const char state_sql[] =
	"SELECT respondent_id, name, kind, status, status_at, status_source, status_reason,"
	"       submitted_at, campaign_deadline, extended_until, deadline, screened_out"
	"  FROM campaign_respondent_deadline WHERE campaign_id = ? AND respondent_id = ?";

static int read_state(struct cn_ctx *ctx, long long campaign_id, const char *id,
		      struct progress_state *out)
{
	sqlite3_stmt *st;
	char today[11];
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = db_prepare(ctx, &st, state_sql)))
		return rc;
	sqlite3_bind_int64(st, 1, campaign_id);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE
			? cn_set_error(ctx, CN_ENOINPUT, _("%s is not a respondent of this campaign"), id)
			: db_fail(ctx, _("reading the respondent's status"));
	}
	snprintf(out->respondent_id, sizeof out->respondent_id, "%s", db_col(st, 0));
	snprintf(out->name, sizeof out->name, "%s", db_col(st, 1));
	snprintf(out->kind, sizeof out->kind, "%s", db_col(st, 2));
	progress_status_parse(db_col(st, 3), &out->status);
	snprintf(out->status_at, sizeof out->status_at, "%s", db_col(st, 4));
	snprintf(out->source, sizeof out->source, "%s", db_col(st, 5));
	snprintf(out->reason, sizeof out->reason, "%s", db_col(st, 6));
	snprintf(out->submitted_at, sizeof out->submitted_at, "%s", db_col(st, 7));
	snprintf(out->campaign_deadline, sizeof out->campaign_deadline, "%s", db_col(st, 8));
	snprintf(out->extended_until, sizeof out->extended_until, "%s", db_col(st, 9));
	snprintf(out->deadline, sizeof out->deadline, "%s", db_col(st, 10));
	out->screened_out = sqlite3_column_int(st, 11);
	sqlite3_finalize(st);
	cn_today_ymd(ctx, today);
	out->days_left = cn_days_until(cn_now(ctx), out->deadline);
	out->late = out->status != PROGRESS_INVIATO && out->status != PROGRESS_ESONERATO &&
		    !out->screened_out && strcmp(today, out->deadline) > 0;
	return CN_OK;
}

int progress_state_get(struct cn_ctx *ctx, const char *campaign_key,
		       const char *respondent, struct progress_state *out)
{
	struct campaign c;
	char id[48], name[256];
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = campaign_load(ctx, campaign_key, &c)) ||
	    (rc = progress_resolve(ctx, &c, respondent, id, name)))
		return rc;
	return read_state(ctx, c.id, id, out);
}

static int progress_status_set_checked(struct cn_ctx *ctx, const char *campaign_key,
			const char *respondent, enum progress_status status,
			const char *reason, time_t submitted_at,
			enum progress_status *was, struct progress_state *out)
{
	static const char sql[] =
		"UPDATE campaign_respondent SET status = ?, status_at = ?, status_source = 'manuale',"
		" status_reason = ?, submitted_at = ? WHERE campaign_id = ? AND respondent_id = ?";
	struct campaign c;
	struct progress_state before;
	struct audit_details details = {0};
	char id[48], name[256], now[21], sub[21] = "";
	sqlite3_stmt *st;
	int rc;

	if ((rc = cn_require(ctx, CN_ROLE_SUPERVISORE, _("set a status by hand"))))
		return rc;
	if (status < 0 || status >= PROGRESS_NSTATUS)
		return cn_set_error(ctx, CN_EUSAGE, _("unknown status"));
	if (!reason || !*reason)
		return cn_set_error(ctx, CN_EUSAGE, _("a status set by hand needs a reason"));
	cn_now_iso(ctx, now);
	if (status == PROGRESS_INVIATO) {
		if (submitted_at > cn_now(ctx))
			return cn_set_error(ctx, CN_EUSAGE, _("the submission time is in the future"));
		cn_fmt_iso(submitted_at ? submitted_at : cn_now(ctx), sub);
	}
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = campaign_load(ctx, campaign_key, &c)) ||
	    (rc = progress_resolve(ctx, &c, respondent, id, name)) ||
	    (rc = read_state(ctx, c.id, id, &before)))
		goto fail;
	if (before.status == status) {
		rc = cn_set_error(ctx, CN_EDATA, _("%s %s is already '%s' in campaign %s: nothing changed"),
				  id, name, progress_status_name(status), c.key);
		goto fail;
	}
	if ((rc = db_prepare(ctx, &st, sql)))
		goto fail;
	sqlite3_bind_text(st, 1, progress_status_name(status), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, reason, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 4, sub);
	sqlite3_bind_int64(st, 5, c.id);
	sqlite3_bind_text(st, 6, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st) == SQLITE_DONE ? CN_OK : db_fail(ctx, _("setting the status"));
	sqlite3_finalize(st);
	if (rc)
		goto fail;
	audit_kv(&details, "campaign", c.key);
	audit_kv(&details, "from", progress_status_name(before.status));
	audit_kv(&details, "to", progress_status_name(status));
	if (sub[0])
		audit_kv(&details, "submitted_at", sub);
	audit_kv(&details, "reason", reason);
	if ((rc = audit_write(ctx, "status.set", "respondent", id, &details)))
		goto fail;
	if ((rc = db_commit(ctx)))
		goto out;
	if (was)
		*was = before.status;
	if (out)
		rc = read_state(ctx, c.id, id, out);
	goto out;
fail:
	db_rollback(ctx);
out:
	audit_details_free(&details);
	return rc;
}

/* progress_status_set with the reason passed through the text policy (text.h). */
int progress_status_set(struct cn_ctx *ctx, const char *campaign_key,
			const char *respondent, enum progress_status status,
			const char *reason, time_t submitted_at,
			enum progress_status *was, struct progress_state *out)
{
	char *clean;
	int rc = text_clean_ctx(ctx, "--reason", reason, TEXT_REASON, &clean);

	if (rc)
		return rc;
	rc = progress_status_set_checked(ctx, campaign_key, respondent, status, clean, submitted_at, was, out);
	free(clean);
	return rc;
}
