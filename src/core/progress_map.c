/* One row per comune for the public map of practices. */
#include <string.h>

#include "progress_internal.h"

int progress_map(struct cn_ctx *ctx, const char *campaign_key,
		 int (*row)(void *arg, const struct progress_map_row *r), void *arg)
{
	static const char sql[] =
		"SELECT c.istat, c.name, pv.name, pv.sigla, rg.name, cr.status,"
		"       CASE WHEN cr.status = 'inviato' THEN date(cr.submitted_at, 'localtime') END"
		"  FROM campaign_respondent cr JOIN comune c ON c.istat = cr.respondent_id"
		"  JOIN provincia pv ON pv.code = c.provincia_code"
		"  JOIN regione rg ON rg.code = c.regione_code"
		" WHERE cr.campaign_id = ? ORDER BY c.istat";
	struct progress_campaign c;
	sqlite3_stmt *st;
	int rc, stop = 0;

	if ((rc = cn_require(ctx, CN_ROLE_SUPERVISORE, _("export the map"))))
		return rc;
	if ((rc = progress_campaign_get(ctx, campaign_key, &c)))
		return rc;
	if (!strstr(c.kinds, "comune"))
		return cn_set_error(ctx, CN_EDATA, _("campaign %s asks no comuni (respondents: %s): no map to export"),
				    c.key, c.kinds);
	if ((rc = db_prepare(ctx, &st, sql)))
		return rc;
	sqlite3_bind_int64(st, 1, c.id);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct progress_map_row r = {
			.istat = db_col(st, 0), .name = db_col(st, 1), .provincia = db_col(st, 2),
			.sigla = db_col(st, 3), .regione = db_col(st, 4), .status = db_col(st, 5),
			.submitted_on = db_col(st, 6),
		};
		stop = row(arg, &r);
	}
	sqlite3_finalize(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the campaign's comuni"));
}
