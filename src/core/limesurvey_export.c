/* The participants CSV that LimeSurvey's "Import participants from CSV"
 * accepts: one row per active code of a campaign. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign_internal.h"
#include "centralino/limesurvey.h"
#include "centralino/xalloc.h"

const char *const limesurvey_attributes[LIMESURVEY_NATTR] = {
	"Codice", "Denominazione", "Provincia", "Regione", "Ambito",
};

void limesurvey_export_summary_free(struct limesurvey_export_summary *s)
{
	for (size_t i = 0; i < s->nmissing; i++)
		free(s->missing[i]);
	free(s->missing);
	s->missing = NULL;
	s->nmissing = 0;
}

/* One field: always quoted, inner quotes doubled, and no line breaks —
 * LimeSurvey reads each line on its own. People open this file in a
 * spreadsheet too: a value starting with = + - @ gets a leading ' so it is
 * never run as a formula (as src/cli/out.c does for every CSV/TSV). */
static void field(struct cn_buf *b, const char *s, int last)
{
	buf_puts(b, "\"");
	if (*s == '=' || *s == '+' || *s == '-' || *s == '@')
		buf_puts(b, "'");
	for (; *s; s++) {
		if (*s == '"')
			buf_puts(b, "\"\"");
		else if (*s == '\n' || *s == '\r' || *s == '\t')
			buf_puts(b, " ");
		else
			buf_add(b, s, 1);
	}
	buf_puts(b, last ? "\"\n" : "\",");
}

static const char export_sql[] =
	"SELECT a.code, r.id, r.kind, r.name, coalesce(p.name, ''),"
	"       coalesce(g.name, g2.name, g3.name, ''), coalesce(amb.name, amb2.name, ''),"
	"       coalesce((SELECT value FROM contact k WHERE k.respondent_id = r.id AND k.kind = 'email'"
	"                  AND k.removed_at IS NULL ORDER BY k.noted_on DESC, k.id DESC LIMIT 1),"
	"                (SELECT value FROM contact k WHERE k.respondent_id = r.id AND k.kind = 'pec'"
	"                  AND k.removed_at IS NULL ORDER BY k.noted_on DESC, k.id DESC LIMIT 1), '')"
	"  FROM access_code a JOIN respondent r ON r.id = a.respondent_id"
	"  LEFT JOIN comune co ON r.kind = 'comune' AND co.istat = r.id"
	"  LEFT JOIN provincia p ON p.code = co.provincia_code"
	"  LEFT JOIN regione g ON g.code = co.regione_code"
	"  LEFT JOIN regione g2 ON r.kind = 'regione' AND 'REG:' || g2.code = r.id"
	"  LEFT JOIN ambito_member am ON am.istat = co.istat"
	"  LEFT JOIN ambito amb ON amb.code = am.ambito_code"
	"  LEFT JOIN ambito amb2 ON r.kind = 'ambito' AND 'AMB:' || amb2.code = r.id"
	"  LEFT JOIN ambito_member cap ON cap.ambito_code = amb2.code AND cap.capofila = 1"
	"  LEFT JOIN comune cc ON cc.istat = cap.istat"
	"  LEFT JOIN regione g3 ON g3.code = cc.regione_code"
	" WHERE a.campaign_id = ? AND a.state = 'active'"
	" ORDER BY CASE r.kind WHEN 'regione' THEN 0 WHEN 'ambito' THEN 1 ELSE 2 END, r.id";

static const char *first_name(const char *kind)
{
	if (strcmp(kind, "comune") == 0)
		return "Comune di";
	if (strcmp(kind, "ambito") == 0)
		return "Ambito";
	return "Regione";
}

static void note_missing(struct limesurvey_export_summary *s, const char *id, const char *name)
{
	size_t n = strlen(id) + strlen(name) + 2;
	s->missing = xrealloc(s->missing, (s->nmissing + 1) * sizeof *s->missing);
	s->missing[s->nmissing] = xmalloc(n);
	snprintf(s->missing[s->nmissing++], n, "%s %s", id, name);
}

int limesurvey_export(struct cn_ctx *ctx, const char *campaign_key, struct cn_buf *csv,
		      struct limesurvey_export_summary *out)
{
	struct campaign c;
	struct audit_details details = {0};
	sqlite3_stmt *st;
	char from[17], until[17];
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_SUPERVISORE, _("export codes"))))
		return rc;
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = campaign_load(ctx, campaign_key, &c)) || (rc = campaign_require_codes(ctx, &c)))
		goto fail;
	snprintf(from, sizeof from, "%s 00:00", c.opens_on);
	snprintf(until, sizeof until, "%s 23:59", c.deadline);
	buf_puts(csv, "\"firstname\",\"lastname\",\"email\",\"token\",\"language\",\"validfrom\","
		      "\"validuntil\",\"usesleft\"");
	for (int i = 1; i <= LIMESURVEY_NATTR; i++)
		buf_printf(csv, ",\"attribute_%d\"", i);
	buf_puts(csv, "\n");
	if ((rc = db_prepare(ctx, &st, export_sql)))
		goto fail;
	sqlite3_bind_int64(st, 1, c.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *email = db_col(st, 7);
		field(csv, first_name(db_col(st, 2)), 0);
		field(csv, db_col(st, 3), 0);
		field(csv, email, 0);
		field(csv, db_col(st, 0), 0);
		field(csv, "it", 0);
		field(csv, from, 0);
		field(csv, until, 0);
		field(csv, "1", 0);
		field(csv, db_col(st, 1), 0);
		field(csv, db_col(st, 3), 0);
		field(csv, db_col(st, 4), 0);
		field(csv, db_col(st, 5), 0);
		field(csv, db_col(st, 6), 1);
		out->rows++;
		if (!*email) {
			out->without_email++;
			note_missing(out, db_col(st, 1), db_col(st, 3));
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rc = rc == SQLITE_NOMEM ? cn_set_error(ctx, CN_EOSERR, _("out of memory"))
					: db_fail(ctx, _("reading the codes"));
		goto fail;
	}
	audit_kv(&details, "campaign", c.key);
	audit_kv(&details, "format", "limesurvey");
	audit_kv_long(&details, "rows", out->rows);
	audit_kv_long(&details, "without_email", out->without_email);
	if ((rc = audit_write(ctx, "code.export", "campaign", c.key, &details)) ||
	    (rc = db_commit(ctx)))
		goto fail;
	audit_details_free(&details);
	return CN_OK;
fail:
	db_rollback(ctx);
	audit_details_free(&details);
	limesurvey_export_summary_free(out);
	return rc;
}
