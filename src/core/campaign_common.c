/* Small helpers shared by campaigns, codes, contacts and LimeSurvey:
 * looking up a campaign or a respondent, audit details, shown times. */
#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "campaign_internal.h"
#include "centralino/clock.h"
#include "registry_internal.h"

int campaign_step_key(struct cn_ctx *ctx, sqlite3_stmt *st, const char *key)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return CN_OK;
	if (rc == SQLITE_DONE)
		return cn_set_error(ctx, CN_ENOINPUT, _("no campaign '%s' (see 'centralino campaign list')"),
				    key ? key : "");
	return db_fail(ctx, _("reading the campaign"));
}

int campaign_require_codes(struct cn_ctx *ctx, const struct campaign *c)
{
	if (c->uses_codes)
		return CN_OK;
	return cn_set_error(ctx, CN_EDATA,
		_("campaign %s collects answers without access codes (an open form)"), c->key);
}

int campaign_member_status(struct cn_ctx *ctx, const struct campaign *c,
			   const char *respondent_id, char status[16])
{
	sqlite3_stmt *st;
	int rc;

	status[0] = '\0';
	if ((rc = db_prepare(ctx, &st,
		"SELECT status FROM campaign_respondent WHERE campaign_id = ? AND respondent_id = ?")))
		return rc;
	sqlite3_bind_int64(st, 1, c->id);
	db_bind_text(st, 2, respondent_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(status, 16, "%s", db_col(st, 0));
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return CN_OK;
	if (rc != SQLITE_DONE)
		return db_fail(ctx, _("reading the campaign's respondents"));
	{
		char *name = registry_respondent_name(ctx, respondent_id);
		rc = cn_set_error(ctx, CN_EDATA, _("%s (%s) is not among the respondents of campaign %s"),
				  name, respondent_id, c->key);
		free(name);
	}
	return rc;
}

/* Canonical id spellings: "40012" -> "040012", "reg:8" -> "REG:08",
 * "amb:x" -> "AMB:x". */
static void canonical_id(const char *in, char *out, size_t outsz)
{
	size_t n = strlen(in);
	int digits = n > 0 && n <= 6;
	for (size_t i = 0; i < n && digits; i++)
		digits = isdigit((unsigned char)in[i]) != 0;
	if (digits) {
		snprintf(out, outsz, "%06ld", strtol(in, NULL, 10));
		return;
	}
	if (strncasecmp(in, "reg:", 4) == 0 && n == 5 && isdigit((unsigned char)in[4])) {
		snprintf(out, outsz, "REG:0%c", in[4]);
		return;
	}
	if (strncasecmp(in, "reg:", 4) == 0 || strncasecmp(in, "amb:", 4) == 0) {
		snprintf(out, outsz, "%.3s%s", in, in + 3);
		for (int i = 0; i < 3; i++)
			out[i] = (char)toupper((unsigned char)out[i]);
		return;
	}
	snprintf(out, outsz, "%s", in);
}

static int find_by_id(struct cn_ctx *ctx, const char *id, char out[RESPONDENT_ID_BUFSZ])
{
	sqlite3_stmt *st;
	int rc, found = 0;
	/* Ambito codes may be typed in any case. */
	if ((rc = db_prepare(ctx, &st,
		"SELECT id FROM respondent WHERE id = ?1 UNION ALL "
		"SELECT id FROM respondent WHERE id = ?1 COLLATE NOCASE AND id <> ?1 LIMIT 1")))
		return rc;
	db_bind_text(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(out, RESPONDENT_ID_BUFSZ, "%s", db_col(st, 0));
		found = 1;
	}
	sqlite3_finalize(st);
	return found;
}

int campaign_resolve_respondent(struct cn_ctx *ctx, const char *input, char out[RESPONDENT_ID_BUFSZ])
{
	char id[256], trimmed[256];
	char *folded;
	sqlite3_stmt *st;
	struct cn_buf many = {0};
	int rc, n = 0, nactive = 0;
	char first_active[RESPONDENT_ID_BUFSZ] = "";

	out[0] = '\0';
	snprintf(trimmed, sizeof trimmed, "%s", input ? input : "");
	{
		char *s = trimmed, *e;
		while (*s == ' ' || *s == '\t')
			s++;
		memmove(trimmed, s, strlen(s) + 1);
		e = trimmed + strlen(trimmed);
		while (e > trimmed && (e[-1] == ' ' || e[-1] == '\t'))
			*--e = '\0';
	}
	if (!trimmed[0])
		return cn_set_error(ctx, CN_EUSAGE, _("which respondent? give the ISTAT code, AMB:code or REG:code"));
	canonical_id(trimmed, id, sizeof id);
	if ((rc = find_by_id(ctx, id, out)) > 0)
		return CN_OK;
	if (rc < 0)
		return rc;
	if (!(folded = text_fold(trimmed)))
		return cn_set_error(ctx, CN_EDATA, _("'%s' is not valid UTF-8 text"), trimmed);
	if ((rc = db_prepare(ctx, &st,
		"SELECT id, name, active FROM respondent WHERE folded = ? ORDER BY active DESC, id"))) {
		free(folded);
		return rc;
	}
	db_bind_text(st, 1, folded);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n++ == 0)
			snprintf(out, RESPONDENT_ID_BUFSZ, "%s", db_col(st, 0));
		if (sqlite3_column_int(st, 2) && nactive++ == 0)
			snprintf(first_active, sizeof first_active, "%s", db_col(st, 0));
		buf_printf(&many, "%s%s", many.len ? ", " : "", db_col(st, 0));
	}
	sqlite3_finalize(st);
	free(folded);
	/* A name shared with suppressed comuni means the active one. */
	if (n > 1 && nactive == 1) {
		snprintf(out, RESPONDENT_ID_BUFSZ, "%s", first_active);
		n = 1;
	}
	if (n == 1) {
		buf_free(&many);
		return CN_OK;
	}
	out[0] = '\0';
	if (n == 0)
		rc = cn_set_error(ctx, CN_ENOINPUT,
			_("no comune, ambito or regione '%s' (give the ISTAT code, AMB:code or REG:code)"), trimmed);
	else
		rc = cn_set_error(ctx, CN_EDATA, _("'%s' is the name of several respondents (%s): give the code"),
				  trimmed, buf_str(&many));
	buf_free(&many);
	return rc;
}
