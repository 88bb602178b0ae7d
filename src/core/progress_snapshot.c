/* A campaign's statuses at one moment, joined in memory with the cached
 * places: one scan of campaign_respondent (by its primary key) and one of
 * the proroghe in force, inside one read transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_internal.h"
#include "centralino/clock.h"
#include "centralino/xalloc.h"

void progress_snapshot_free(struct snapshot *s)
{
	free(s->v);
	free(s->row_of_place);
	s->v = NULL;
	s->row_of_place = NULL;
	s->n = 0;
}

static int read_rows(struct cn_ctx *ctx, struct snapshot *s)
{
	static const char sql[] =
		"SELECT respondent_id, status, submitted_at, screened_out FROM campaign_respondent"
		" WHERE campaign_id = ? ORDER BY respondent_id";
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, p = 0;

	if ((rc = db_prepare(ctx, &st, sql)))
		return rc;
	sqlite3_bind_int64(st, 1, s->campaign.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = db_col(st, 0);
		struct snap_row *r;
		/* both in id order: walk the places forward */
		while ((size_t)p < s->pl->n && strcmp(s->pl->v[p].id, id) < 0)
			p++;
		if ((size_t)p >= s->pl->n || strcmp(s->pl->v[p].id, id) != 0)
			continue; /* cannot happen: campaign_respondent references respondent */
		if (s->n == cap) {
			size_t ncap = cap ? cap * 2 : 8192;
			struct snap_row *nv = xrealloc(s->v, ncap * sizeof *nv);
			s->v = nv;
			cap = ncap;
		}
		r = &s->v[s->n];
		memset(r, 0, sizeof *r);
		r->place = p;
		progress_status_parse(db_col(st, 1), &r->status);
		strncpy(r->submitted_at, db_col(st, 2), sizeof r->submitted_at - 1);
		r->screened = sqlite3_column_int(st, 3) &&
			      r->status != PROGRESS_INVIATO && r->status != PROGRESS_ESONERATO;
		s->row_of_place[p] = (int)s->n++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the campaign's statuses"));
}

static int read_extensions(struct cn_ctx *ctx, struct snapshot *s)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_prepare(ctx, &st,
		"SELECT respondent_id, until FROM extension WHERE campaign_id = ? AND revoked_at IS NULL")))
		return rc;
	sqlite3_bind_int64(st, 1, s->campaign.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int p = progress_places_find(s->pl, db_col(st, 0));
		if (p >= 0 && s->row_of_place[p] >= 0)
			snprintf(s->v[s->row_of_place[p]].until, 11, "%s", db_col(st, 1));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the proroghe"));
}

int progress_snapshot_load(struct cn_ctx *ctx, const char *campaign_key, int names, struct snapshot *out)
{
	int rc;

	memset(out, 0, sizeof *out);
	out->now = cn_now(ctx);
	cn_today_ymd(ctx, out->today);
	if ((rc = db_exec(ctx, "BEGIN")))
		return rc;
	if ((rc = campaign_load(ctx, campaign_key, &out->campaign)) ||
	    (rc = progress_places_get(ctx, names, &out->pl)))
		goto done;
	out->row_of_place = xmalloc((out->pl->n + 1) * sizeof *out->row_of_place);
	memset(out->row_of_place, 0xff, (out->pl->n + 1) * sizeof *out->row_of_place); /* -1 */
	if ((rc = read_rows(ctx, out)) || (rc = read_extensions(ctx, out)))
		goto done;
	for (size_t i = 0; i < out->n; i++) {
		struct snap_row *r = &out->v[i];
		snprintf(r->deadline, sizeof r->deadline, "%s", r->until[0] ? r->until : out->campaign.deadline);
		r->late = r->status != PROGRESS_INVIATO && r->status != PROGRESS_ESONERATO &&
			  !r->screened && strcmp(out->today, r->deadline) > 0;
	}
done:
	db_rollback(ctx);
	if (rc)
		progress_snapshot_free(out);
	return rc;
}

void progress_snapshot_pace(const struct snapshot *s, struct progress_pace *out)
{
	char from[21], to[21];
	long n = 0, exc = 0, scr = 0, sub = 0, win = 0;

	cn_fmt_iso(s->now - 7 * 86400, from);
	cn_fmt_iso(s->now, to);
	for (size_t i = 0; i < s->n; i++) {
		const struct snap_row *r = &s->v[i];
		n++;
		exc += r->status == PROGRESS_ESONERATO;
		scr += r->screened;
		if (r->status != PROGRESS_INVIATO)
			continue;
		sub++;
		win += strcmp(r->submitted_at, from) > 0 && strcmp(r->submitted_at, to) <= 0;
	}
	progress_pace_compute(&s->campaign, s->now, sub, n - exc - scr, win, out);
}
