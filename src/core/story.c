/* A respondent's whole story: gathered from the modules that own each part,
 * plus the ambito, capofila and suppression that only the card needs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign_internal.h"
#include "centralino/story.h"
#include "centralino/xalloc.h"

void story_free(struct story *s)
{
	free(s->name);
	free(s->ambito_name);
	free(s->capofila_name);
	free(s->successor_name);
	if (s->is_comune)
		registry_comune_free(&s->comune);
	campaign_standings_free(&s->campaigns);
	code_infos_free(&s->codes);
	contacts_free(&s->contacts);
	call_list_free(&s->open_calls);
	memset(s, 0, sizeof *s);
}

/* Kind and name of the respondent, its ambito and the ambito's capofila. */
static int story_who(struct cn_ctx *ctx, struct story *s)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_prepare(ctx, &st,
		"SELECT r.kind, r.name, coalesce(a.code, ''), a.name, coalesce(cf.istat, ''), cfc.name,"
		"       coalesce(substr(co.suppressed_on, 1, 10), '')"
		"  FROM respondent r"
		"  LEFT JOIN comune co ON co.istat = r.id"
		"  LEFT JOIN ambito_member m ON m.istat = r.id"
		"  LEFT JOIN ambito a ON a.code = coalesce(m.ambito_code,"
		"       CASE WHEN r.kind = 'ambito' THEN substr(r.id, 5) END)"
		"  LEFT JOIN ambito_member cf ON cf.ambito_code = a.code AND cf.capofila = 1"
		"  LEFT JOIN comune cfc ON cfc.istat = cf.istat"
		" WHERE r.id = ?")))
		return rc;
	db_bind_text(st, 1, s->id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(s->kind, sizeof s->kind, "%s", db_col(st, 0));
		s->name = xstrdup(db_col(st, 1));
		snprintf(s->ambito_code, sizeof s->ambito_code, "%s", db_col(st, 2));
		s->ambito_name = db_col_dup(st, 3);
		snprintf(s->capofila_istat, sizeof s->capofila_istat, "%s", db_col(st, 4));
		s->capofila_name = db_col_dup(st, 5);
		snprintf(s->suppressed_on, sizeof s->suppressed_on, "%s", db_col(st, 6));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? CN_OK : db_fail(ctx, _("reading the respondent"));
}

int story_get(struct cn_ctx *ctx, const char *respondent, struct story *out)
{
	struct call_filter f = {.open = 1};
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("see respondents"))) ||
	    (rc = campaign_resolve_respondent(ctx, respondent, out->id)) ||
	    (rc = story_who(ctx, out)))
		goto fail;
	if (strcmp(out->kind, "comune") == 0) {
		if ((rc = registry_get(ctx, out->id, &out->comune)))
			goto fail;
		out->is_comune = 1;
		if (out->comune.successor_istat[0]) {
			snprintf(out->successor_istat, sizeof out->successor_istat, "%s", out->comune.successor_istat);
			out->successor_name = xstrdup(out->comune.successor_name);
		}
	}
	f.respondent = out->id;
	if ((rc = campaign_standings_of(ctx, out->id, &out->campaigns)) ||
	    (rc = code_of_respondent(ctx, out->id, &out->codes)) ||
	    (rc = contact_list(ctx, out->id, 0, &out->contacts)) ||
	    (rc = calls_list(ctx, &f, &out->open_calls)))
		goto fail;
	return CN_OK;
fail:
	story_free(out);
	return rc;
}
