/* A respondent's standing in each of its campaigns: what the card shows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "centralino/campaign_standing.h"
#include "centralino/code.h"
#include "centralino/xalloc.h"

void campaign_standings_free(struct campaign_standings *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct campaign_standing *s = &l->v[i];
		free(s->name);
		free(s->status_at);
		free(s->status_reason);
		free(s->submitted_at);
		free(s->issued_at);
		free(s->issued_by);
		free(s->caller_name);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static char *dup(sqlite3_stmt *st, int i)
{
	return xstrdup(db_col(st, i));
}

int campaign_standings_of(struct cn_ctx *ctx, const char *respondent, struct campaign_standings *out)
{
	char id[RESPONDENT_ID_BUFSZ], today[11];
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("see campaigns"))))
		return rc;
	if ((rc = campaign_resolve_respondent(ctx, respondent, id)))
		return rc;
	if ((rc = db_prepare(ctx, &st,
		"SELECT c.key, c.name, c.opens_on, c.deadline, c.uses_codes,"
		"       cr.status, cr.status_at, cr.status_reason, cr.submitted_at, cr.screened_out,"
		"       a.code, a.given_at IS NOT NULL, coalesce(a.given_at, a.issued_at),"
		"       coalesce(a.given_by, a.issued_by), a.caller_name, coalesce(e.until, '')"
		"  FROM campaign_respondent cr JOIN campaign c ON c.id = cr.campaign_id"
		"  LEFT JOIN extension e ON e.campaign_id = cr.campaign_id"
		"       AND e.respondent_id = cr.respondent_id AND e.revoked_at IS NULL"
		"  LEFT JOIN access_code a ON a.campaign_id = cr.campaign_id"
		"       AND a.respondent_id = cr.respondent_id AND a.state = 'active'"
		" WHERE cr.respondent_id = ? ORDER BY c.opens_on DESC, c.id DESC")))
		return rc;
	db_bind_text(st, 1, id);
	cn_today_ymd(ctx, today);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct campaign_standing *s;
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 4;
			out->v = xrealloc(out->v, ncap * sizeof *out->v);
			cap = ncap;
		}
		s = &out->v[out->n++];
		memset(s, 0, sizeof *s);
		snprintf(s->key, sizeof s->key, "%s", db_col(st, 0));
		s->name = dup(st, 1);
		snprintf(s->campaign_deadline, sizeof s->campaign_deadline, "%s", db_col(st, 3));
		snprintf(s->extended_until, sizeof s->extended_until, "%s", db_col(st, 15));
		snprintf(s->deadline, sizeof s->deadline, "%s",
			 s->extended_until[0] ? s->extended_until : s->campaign_deadline);
		s->phase = strcmp(today, db_col(st, 2)) < 0 ? CAMPAIGN_NOT_OPEN
			 : strcmp(today, s->campaign_deadline) > 0 ? CAMPAIGN_CLOSED : CAMPAIGN_OPEN;
		s->uses_codes = sqlite3_column_int(st, 4);
		snprintf(s->status, sizeof s->status, "%s", db_col(st, 5));
		s->status_at = dup(st, 6);
		s->status_reason = dup(st, 7);
		s->submitted_at = dup(st, 8);
		s->screened_out = sqlite3_column_int(st, 9);
		s->has_code = sqlite3_column_type(st, 10) != SQLITE_NULL;
		if (s->has_code)
			code_mask(db_col(st, 10), s->code_masked, sizeof s->code_masked);
		s->code_given = s->has_code && sqlite3_column_int(st, 11);
		s->issued_at = dup(st, 12);
		s->issued_by = dup(st, 13);
		s->caller_name = dup(st, 14);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		campaign_standings_free(out);
		return rc == SQLITE_NOMEM ? cn_set_error(ctx, CN_EOSERR, _("out of memory"))
					  : db_fail(ctx, _("reading the campaigns"));
	}
	return CN_OK;
}
