/* Calls: reading what the operator typed — respondents, campaigns, times,
 * free text. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calls_internal.h"
#include "centralino/clock.h"
#include "centralino/registry.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"

static int respondent_exists(struct cn_ctx *ctx, const char *id, int *found)
{
	long long n;
	int rc = db_scalar_int(ctx, &n, "SELECT count(*) FROM respondent WHERE id = ?", id, (char *)NULL);
	*found = n > 0;
	return rc;
}

/* Several respondents fold to the same name: list a few for the message. */
static int ambiguous(struct cn_ctx *ctx, const char *in, const char *folded)
{
	sqlite3_stmt *st;
	char list[512] = "";
	size_t used = 0;
	int rc;
	if ((rc = db_prepare(ctx, &st,
		"SELECT r.id, r.name, coalesce(p.sigla, '') FROM respondent r"
		" LEFT JOIN comune co ON co.istat = r.id"
		" LEFT JOIN provincia p ON p.code = co.provincia_code"
		" WHERE r.folded = ? AND r.active = 1 ORDER BY r.id LIMIT 6")))
		return rc;
	sqlite3_bind_text(st, 1, folded, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW && used + 2 < sizeof list) {
		int n = snprintf(list + used, sizeof list - used, "%s%s %s%s%s%s", used ? ", " : "",
				 db_col(st, 0), db_col(st, 1), *db_col(st, 2) ? " (" : "",
				 db_col(st, 2), *db_col(st, 2) ? ")" : "");
		if (n < 0)
			break;
		used += (size_t)n;
	}
	sqlite3_finalize(st);
	return cn_set_error(ctx, CN_EDATA, _("'%s' names several respondents: %s; give the code"), in, list);
}

int calls_find_respondent(struct cn_ctx *ctx, const char *in, char *out, size_t outsz)
{
	char id[80];
	size_t n;
	int found = 0, rc;
	sqlite3_stmt *st;

	while (in && isspace((unsigned char)*in))
		in++;
	snprintf(id, sizeof id, "%s", in ? in : "");
	n = strlen(id);
	while (n && isspace((unsigned char)id[n - 1]))
		id[--n] = '\0';
	if (!n)
		return cn_set_error(ctx, CN_EUSAGE, _("no respondent given"));
	if (strncasecmp(id, "amb:", 4) == 0 || strncasecmp(id, "reg:", 4) == 0) {
		for (int i = 0; i < 3; i++)
			id[i] = (char)toupper((unsigned char)id[i]);
		if (id[0] == 'R' && strlen(id) == 5 && isdigit((unsigned char)id[4])) {
			/* REG:1 -> REG:01 */
			id[6] = '\0';
			id[5] = id[4];
			id[4] = '0';
		}
	} else if (strspn(id, "0123456789") == n && n < 6) {
		/* an ISTAT code that lost its leading zeros in a spreadsheet */
		char padded[8];
		snprintf(padded, sizeof padded, "%06ld", strtol(id, NULL, 10));
		snprintf(id, sizeof id, "%s", padded);
	}
	if ((rc = respondent_exists(ctx, id, &found)))
		return rc;
	if (found) {
		snprintf(out, outsz, "%s", id);
		return CN_OK;
	}
	/* a cadastral code, L219 */
	if (n == 4 && isalpha((unsigned char)id[0]) && strspn(id + 1, "0123456789") == 3) {
		char cad[5];
		for (int i = 0; i < 5; i++)
			cad[i] = (char)toupper((unsigned char)id[i]);
		if ((rc = db_prepare(ctx, &st, "SELECT istat FROM comune WHERE cadastral = ?"
					       " ORDER BY suppressed_on IS NOT NULL, istat LIMIT 1")))
			return rc;
		sqlite3_bind_text(st, 1, cad, -1, SQLITE_TRANSIENT);
		found = sqlite3_step(st) == SQLITE_ROW;
		if (found)
			snprintf(out, outsz, "%s", db_col(st, 0));
		sqlite3_finalize(st);
		if (found)
			return CN_OK;
	}
	/* an exact name, when only one active respondent has it */
	{
		char *folded = text_fold(id);
		long long count = 0;
		if (!folded)
			return cn_set_error(ctx, CN_EDATA, _("respondent: not valid UTF-8"));
		rc = db_scalar_int(ctx, &count, "SELECT count(*) FROM respondent WHERE folded = ? AND active = 1",
				   folded, (char *)NULL);
		if (!rc && count > 1)
			rc = ambiguous(ctx, id, folded);
		if (!rc && count == 1) {
			rc = db_prepare(ctx, &st, "SELECT id FROM respondent WHERE folded = ? AND active = 1");
			if (!rc) {
				sqlite3_bind_text(st, 1, folded, -1, SQLITE_TRANSIENT);
				if (sqlite3_step(st) == SQLITE_ROW)
					snprintf(out, outsz, "%s", db_col(st, 0));
				sqlite3_finalize(st);
			}
		}
		free(folded);
		if (rc || count == 1)
			return rc;
	}
	/* a name: the comune the search would show first, when alone there */
	if (strspn(id, "0123456789") != n && strncasecmp(id, "amb:", 4) != 0 && strncasecmp(id, "reg:", 4) != 0) {
		char istat[7];
		if ((rc = registry_resolve(ctx, id, istat)))
			return rc;
		snprintf(out, outsz, "%s", istat);
		return CN_OK;
	}
	return cn_set_error(ctx, CN_ENOINPUT,
		_("no comune, ambito or regione '%s' (give an ISTAT code such as 001272, AMB:CODE or REG:01)"), id);
}

int calls_respondent_find(struct cn_ctx *ctx, const char *in, char *id, size_t idsz,
			  char *label, size_t labelsz)
{
	struct call c;
	sqlite3_stmt *st;
	int rc;

	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("read the call log"))) ||
	    (rc = calls_find_respondent(ctx, in, id, idsz)))
		return rc;
	if ((rc = db_prepare(ctx, &st,
		"SELECT r.name, r.kind, coalesce(p.sigla, '') FROM respondent r"
		" LEFT JOIN comune co ON co.istat = r.id"
		" LEFT JOIN provincia p ON p.code = co.provincia_code WHERE r.id = ?")))
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	memset(&c, 0, sizeof c);
	if (sqlite3_step(st) == SQLITE_ROW) {
		c.respondent_id = id;
		c.respondent_name = (char *)db_col(st, 0);
		c.respondent_kind = (char *)db_col(st, 1);
		snprintf(c.sigla, sizeof c.sigla, "%s", db_col(st, 2));
		call_respondent_label(&c, label, labelsz);
	} else {
		snprintf(label, labelsz, "%s", id);
	}
	sqlite3_finalize(st);
	return CN_OK;
}

int calls_find_campaign(struct cn_ctx *ctx, const char *key, long long *id)
{
	long long n = 0;
	int rc;
	if ((rc = db_scalar_int(ctx, &n, "SELECT count(*) FROM campaign WHERE key = ?", key, (char *)NULL)))
		return rc;
	if (!n)
		return cn_set_error(ctx, CN_ENOINPUT, _("no campaign '%s' (see 'centralino campaign list')"), key);
	return db_scalar_int(ctx, id, "SELECT id FROM campaign WHERE key = ?", key, (char *)NULL);
}

/* Open today for the respondent: running, or extended for it by a proroga.
 * ?1 today, ?2 the respondent ("" for none). Columns: key, name, member,
 * pending (member and neither submitted nor excused). */
#define OPEN_CAMPAIGNS \
	"SELECT k.key, k.name, cr.respondent_id IS NOT NULL," \
	"       cr.respondent_id IS NOT NULL AND cr.status NOT IN ('inviato', 'esonerato')" \
	"  FROM campaign k LEFT JOIN campaign_respondent cr" \
	"       ON cr.campaign_id = k.id AND cr.respondent_id = ?2" \
	"  LEFT JOIN extension e ON e.campaign_id = k.id AND e.respondent_id = ?2" \
	"       AND e.revoked_at IS NULL" \
	" WHERE k.opens_on <= ?1 AND (k.deadline >= ?1 OR e.until >= ?1)" \
	" ORDER BY k.opens_on DESC, k.id DESC"

int calls_default_campaign(struct cn_ctx *ctx, const char *respondent_id, char *out, size_t outsz)
{
	char today[11], member[41] = "", pending[41] = "", any[41] = "";
	int nmember = 0, npending = 0, nany = 0;
	sqlite3_stmt *st;
	int rc;

	out[0] = '\0';
	cn_today_ymd(ctx, today);
	if ((rc = db_prepare(ctx, &st, OPEN_CAMPAIGNS)))
		return rc;
	sqlite3_bind_text(st, 1, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, respondent_id ? respondent_id : "", -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = db_col(st, 0);
		if (nany++ == 0)
			snprintf(any, sizeof any, "%s", key);
		if (sqlite3_column_int(st, 2) && nmember++ == 0)
			snprintf(member, sizeof member, "%s", key);
		if (sqlite3_column_int(st, 3) && npending++ == 0)
			snprintf(pending, sizeof pending, "%s", key);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(ctx, _("reading the campaigns"));
	if (!respondent_id || !*respondent_id || !nmember)
		snprintf(out, outsz, "%s", nany == 1 ? any : "");
	else if (nmember == 1)
		snprintf(out, outsz, "%s", member);
	else if (npending == 1)
		snprintf(out, outsz, "%s", pending);
	return CN_OK;
}

int calls_open_campaigns(struct cn_ctx *ctx, const char *respondent_id,
			 struct calls_campaign_choice **out, size_t *n)
{
	char def[41], today[11];
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = calls_default_campaign(ctx, respondent_id, def, sizeof def)))
		return rc;
	cn_today_ymd(ctx, today);
	if ((rc = db_prepare(ctx, &st, OPEN_CAMPAIGNS)))
		return rc;
	sqlite3_bind_text(st, 1, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, respondent_id ? respondent_id : "", -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct calls_campaign_choice *v = *out = xrealloc(*out, (*n + 1) * sizeof *v), c;
		snprintf(c.key, sizeof c.key, "%s", db_col(st, 0));
		snprintf(c.name, sizeof c.name, "%s", db_col(st, 1));
		if (strcmp(c.key, def) == 0) {
			memmove(v + 1, v, *n * sizeof *v);
			v[0] = c;
		} else {
			v[*n] = c;
		}
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_fail(ctx, _("reading the campaigns"));
	}
	return CN_OK;
}
