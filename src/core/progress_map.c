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
	struct campaign c;
	sqlite3_stmt *st;
	int rc, stop = 0;

	if ((rc = cn_require(ctx, CN_ROLE_SUPERVISORE, _("export the map"))))
		return rc;
	if ((rc = campaign_load(ctx, campaign_key, &c)))
		return rc;
	if (!(c.kinds & CAMPAIGN_COMUNE)) {
		char kinds[32];
		campaign_kinds_format(c.kinds, kinds, sizeof kinds);
		return cn_set_error(ctx, CN_EDATA, _("campaign %s asks no comuni (respondents: %s): no map to export"),
				    c.key, kinds);
	}
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

struct map_sink {
	struct cn_buf *out;
	int tsv;
	long rows;
};

static void put_cells(const struct map_sink *s, const char *const cells[7])
{
	for (int i = 0; i < 7; i++) {
		if (i)
			buf_add(s->out, s->tsv ? "\t" : ",", 1);
		text_cell(s->out, cells[i], s->tsv);
	}
	buf_add(s->out, "\n", 1);
}

static int put_row(void *arg, const struct progress_map_row *r)
{
	const char *cells[] = {r->istat, r->name, r->provincia, r->sigla, r->regione, r->status, r->submitted_on};
	struct map_sink *s = arg;
	s->rows++;
	put_cells(s, cells);
	return 0;
}

int progress_map_csv(struct cn_ctx *ctx, const char *campaign_key, int tsv, struct cn_buf *out, long *rows)
{
	static const char *const header[] = {"codice_istat", "comune", "provincia", "sigla", "regione",
					     "stato", "data_invio"};
	struct map_sink s = {out, tsv, 0};
	size_t start = out->len;
	int rc;

	put_cells(&s, header);
	rc = progress_map(ctx, campaign_key, put_row, &s);
	if (rc) {
		/* a refused export writes nothing */
		out->len = start;
		if (out->p)
			out->p[start] = '\0';
	}
	if (rows)
		*rows = s.rows;
	return rc;
}

int progress_map_write(struct cn_ctx *ctx, const char *campaign_key, int tsv, const char *path, long *rows)
{
	struct cn_buf b = {0};
	int rc;

	if (!(rc = progress_map_csv(ctx, campaign_key, tsv, &b, rows)))
		rc = text_file_replace(ctx, path, b.p, b.len);
	buf_free(&b);
	return rc;
}
