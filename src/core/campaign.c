/* Campaigns: creating, changing, listing, and keeping their respondents in
 * step with the registry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "campaign_internal.h"
#include "centralino/text.h"
#include "centralino/clock.h"
#include "centralino/xalloc.h"

const char *const campaign_status_names[5] = {
	"nessun_codice", "codice_emesso", "in_compilazione", "inviato", "esonerato",
};

static const char *const kind_names[3] = {"comune", "ambito", "regione"};

int campaign_kinds_parse(const char *s, unsigned *out)
{
	static const char *const plural[3] = {"comuni", "ambiti", "regioni"};
	unsigned kinds = 0;
	const char *p = s ? s : "";

	*out = 0;
	while (*p) {
		size_t n = strcspn(p, ",");
		unsigned bit = 0;
		while (n && *p == ' ')
			p++, n--;
		for (int k = 0; k < 3; k++)
			if ((strlen(kind_names[k]) == n && strncmp(p, kind_names[k], n) == 0) ||
			    (strlen(plural[k]) == n && strncmp(p, plural[k], n) == 0))
				bit = 1u << k;
		if (!bit || (kinds & bit))
			return CN_EUSAGE;
		kinds |= bit;
		p += n;
		if (*p == ',')
			p++;
	}
	if (!kinds)
		return CN_EUSAGE;
	*out = kinds;
	return CN_OK;
}

void campaign_kinds_format(unsigned kinds, char *out, size_t outsz)
{
	size_t o = 0;
	out[0] = '\0';
	for (int k = 0; k < 3; k++)
		if (kinds & (1u << k)) {
			int n = snprintf(out + o, outsz - o, "%s%s", o ? "," : "", kind_names[k]);
			if (n < 0 || (size_t)n >= outsz - o)
				return;
			o += (size_t)n;
		}
}

int campaign_key_check(const char *key)
{
	size_t n = key ? strlen(key) : 0;
	if (n < 1 || n > 40)
		return CN_EUSAGE;
	for (size_t i = 0; i < n; i++) {
		char c = key[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return CN_EUSAGE;
	}
	return CN_OK;
}

const char *campaign_phase_name(enum campaign_phase p)
{
	switch (p) {
	case CAMPAIGN_NOT_OPEN: return "da aprire";
	case CAMPAIGN_OPEN: return "aperta";
	case CAMPAIGN_CLOSED: return "chiusa";
	}
	return "?";
}

const char *campaign_phase_label(enum campaign_phase p)
{
	switch (p) {
	case CAMPAIGN_NOT_OPEN: return C_("campaign", "upcoming");
	case CAMPAIGN_OPEN: return C_("campaign", "open");
	case CAMPAIGN_CLOSED: return C_("campaign", "closed");
	}
	return "?";
}

static enum campaign_phase phase_of(struct cn_ctx *ctx, const char *opens, const char *deadline)
{
	char today[11];
	cn_today_ymd(ctx, today);
	if (strcmp(today, opens) < 0)
		return CAMPAIGN_NOT_OPEN;
	if (strcmp(today, deadline) > 0)
		return CAMPAIGN_CLOSED;
	return CAMPAIGN_OPEN;
}

/* Adds the missing campaign_respondent rows of the given kinds. */
static int add_members(struct cn_ctx *ctx, long long campaign_id, unsigned kinds, long *added)
{
	sqlite3_stmt *st;
	int rc;
	if ((rc = db_prepare(ctx, &st,
		"INSERT OR IGNORE INTO campaign_respondent (campaign_id, respondent_id)"
		" SELECT ?1, id FROM respondent WHERE active = 1 AND"
		" ((kind = 'comune' AND ?2) OR (kind = 'ambito' AND ?3) OR (kind = 'regione' AND ?4))")))
		return rc;
	sqlite3_bind_int64(st, 1, campaign_id);
	for (int k = 0; k < 3; k++)
		sqlite3_bind_int(st, 2 + k, (kinds >> k) & 1);
	rc = sqlite3_step(st) == SQLITE_DONE ? CN_OK : db_fail(ctx, _("adding the campaign's respondents"));
	sqlite3_finalize(st);
	if (!rc && added)
		*added = sqlite3_changes(ctx->db);
	return rc;
}

static int check_dates(struct cn_ctx *ctx, const char *opens_in, const char *deadline_in,
		       char opens[11], char deadline[11])
{
	if (cn_parse_date(opens_in, opens))
		return cn_set_error_field(ctx, CN_EUSAGE, "opens_on", _("opening date: '%s' is not a date (YYYY-MM-DD)"),
				    opens_in ? opens_in : "");
	if (cn_parse_date(deadline_in, deadline))
		return cn_set_error_field(ctx, CN_EUSAGE, "deadline", _("deadline: '%s' is not a date (YYYY-MM-DD)"),
				    deadline_in ? deadline_in : "");
	if (strcmp(deadline, opens) < 0)
		return cn_set_error_field(ctx, CN_EUSAGE, "deadline", _("the deadline (%s) is before the opening date (%s)"),
				    deadline, opens);
	return CN_OK;
}

static int campaign_add_checked(struct cn_ctx *ctx, const struct campaign_new *c, long *respondents)
{
	char opens[11], deadline[11], kinds[32], now[21];
	struct audit_details details = {0};
	sqlite3_stmt *st;
	long long exists = 0, id;
	long added = 0;
	int rc, length = c->code_length ? c->code_length : CODE_DEFAULT_LENGTH;

	if (respondents)
		*respondents = 0;
	if ((rc = cn_require(ctx, CN_ROLE_ADMIN, _("create campaigns"))))
		return rc;
	if (campaign_key_check(c->key))
		return cn_set_error_field(ctx, CN_EUSAGE, "key",
			_("campaign key '%s': use 1 to 40 lower-case letters, digits, '-' or '_'"),
			c->key ? c->key : "");
	if (!c->name || !*c->name)
		return cn_set_error_field(ctx, CN_EUSAGE, "name", _("the campaign needs a name (--name)"));
	if ((rc = check_dates(ctx, c->opens_on, c->deadline, opens, deadline)))
		return rc;
	if (!c->kinds || c->kinds > 7)
		return cn_set_error_field(ctx, CN_EUSAGE, "kinds", _("respondents: name comune, ambito and/or regione"));
	if (length < CODE_MIN_LENGTH || length > CODE_MAX_LENGTH)
		return cn_set_error_field(ctx, CN_EUSAGE, "code_length", _("code length: %d is not from %d to %d"),
				    length, CODE_MIN_LENGTH, CODE_MAX_LENGTH);
	if (c->survey_id < 0)
		return cn_set_error_field(ctx, CN_EUSAGE, "survey_id", _("survey id: must be a positive number"));
	campaign_kinds_format(c->kinds, kinds, sizeof kinds);
	cn_now_iso(ctx, now);

	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = db_scalar_int(ctx, &exists, "SELECT count(*) FROM campaign WHERE key = ?", c->key, (char *)NULL)))
		goto fail;
	if (exists) {
		rc = cn_set_error_field(ctx, CN_EDATA, "key", _("campaign '%s' already exists (see 'centralino campaign show %s')"),
				  c->key, c->key);
		goto fail;
	}
	if ((rc = db_prepare(ctx, &st,
		"INSERT INTO campaign (key, name, opens_on, deadline, kinds, survey_id, code_length, uses_codes, created_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")))
		goto fail;
	db_bind_text(st, 1, c->key);
	db_bind_text(st, 2, c->name);
	db_bind_text(st, 3, opens);
	db_bind_text(st, 4, deadline);
	db_bind_text(st, 5, kinds);
	if (c->survey_id > 0)
		sqlite3_bind_int64(st, 6, c->survey_id);
	sqlite3_bind_int(st, 7, length);
	sqlite3_bind_int(st, 8, c->uses_codes ? 1 : 0);
	db_bind_text(st, 9, now);
	rc = sqlite3_step(st) == SQLITE_DONE ? CN_OK : db_fail(ctx, _("creating the campaign"));
	sqlite3_finalize(st);
	if (rc)
		goto fail;
	id = sqlite3_last_insert_rowid(ctx->db);
	if ((rc = add_members(ctx, id, c->kinds, &added)))
		goto fail;
	audit_kv(&details, "name", c->name);
	audit_kv(&details, "opens", opens);
	audit_kv(&details, "deadline", deadline);
	audit_kv(&details, "kinds", kinds);
	audit_kv_long(&details, "respondents", added);
	if ((rc = audit_write(ctx, "campaign.add", "campaign", c->key, &details)))
		goto fail;
	if ((rc = db_commit(ctx)))
		goto out;
	if (respondents)
		*respondents = added;
	goto out;
fail:
	db_rollback(ctx);
out:
	audit_details_free(&details);
	return rc;
}

/* Seed 000: the Dipartimento per le politiche della famiglia's survey of
 * good practices, answered by comuni (LimeSurvey survey 857929). */
#define SAMPLE_NAME "Monitoraggio politiche per la famiglia \xe2\x80\x94 buone pratiche"
#define SAMPLE_SURVEY 857929

int campaign_add_sample(struct cn_ctx *ctx, char key_out[41], long *respondents)
{
	struct campaign_new c = {0};
	char opens[11], deadline[11], key[41];
	int rc;

	cn_fmt_ymd(cn_now(ctx), opens);
	cn_ymd_add_days(opens, 60, deadline);
	snprintf(key, sizeof key, "famiglia-%.4s", opens);
	c.key = key;
	c.name = SAMPLE_NAME;
	c.opens_on = opens;
	c.deadline = deadline;
	c.kinds = CAMPAIGN_COMUNE;
	c.survey_id = SAMPLE_SURVEY;
	c.uses_codes = 1;
	if ((rc = campaign_add(ctx, &c, respondents)))
		return rc;
	if (key_out)
		snprintf(key_out, 41, "%s", key);
	return CN_OK;
}

int campaign_sample_untouched(struct cn_ctx *ctx, char key_out[41])
{
	sqlite3_stmt *st;
	int found = 0;

	key_out[0] = '\0';
	if (db_prepare(ctx, &st,
		"SELECT key FROM campaign WHERE name = ? AND survey_id = ?"
		" AND (SELECT count(*) FROM campaign) = 1"
		" AND NOT EXISTS (SELECT 1 FROM call) AND NOT EXISTS (SELECT 1 FROM access_code)"))
		return 0;
	sqlite3_bind_text(st, 1, SAMPLE_NAME, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, SAMPLE_SURVEY);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(key_out, 41, "%s", db_col(st, 0));
		found = 1;
	}
	sqlite3_finalize(st);
	return found;
}

static void count_into(struct cn_ctx *ctx, struct campaign *c)
{
	sqlite3_stmt *st;
	if (db_prepare(ctx, &st,
		"SELECT status, count(*) FROM campaign_respondent WHERE campaign_id = ? GROUP BY status") == CN_OK) {
		sqlite3_bind_int64(st, 1, c->id);
		while (sqlite3_step(st) == SQLITE_ROW) {
			long n = sqlite3_column_int(st, 1);
			c->respondents += n;
			for (int i = 0; i < 5; i++)
				if (strcmp(db_col(st, 0), campaign_status_names[i]) == 0)
					c->by_status[i] = n;
		}
		sqlite3_finalize(st);
	}
	if (db_prepare(ctx, &st,
		"SELECT state, given_at IS NULL, count(*) FROM access_code WHERE campaign_id = ? GROUP BY 1, 2") == CN_OK) {
		sqlite3_bind_int64(st, 1, c->id);
		while (sqlite3_step(st) == SQLITE_ROW) {
			long n = sqlite3_column_int(st, 2);
			if (strcmp(db_col(st, 0), "active") == 0) {
				c->codes_active += n;
				if (sqlite3_column_int(st, 1))
					c->codes_undelivered += n;
			} else {
				c->codes_revoked += n;
			}
		}
		sqlite3_finalize(st);
	}
}

#define CAMPAIGN_COLS "id, key, name, opens_on, deadline, kinds, survey_id, code_length, uses_codes, created_at"

static void from_row(struct cn_ctx *ctx, sqlite3_stmt *st, struct campaign *c)
{
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	snprintf(c->key, sizeof c->key, "%s", db_col(st, 1));
	snprintf(c->name, sizeof c->name, "%s", db_col(st, 2));
	snprintf(c->opens_on, sizeof c->opens_on, "%s", db_col(st, 3));
	snprintf(c->deadline, sizeof c->deadline, "%s", db_col(st, 4));
	campaign_kinds_parse(db_col(st, 5), &c->kinds);
	c->survey_id = (long)sqlite3_column_int64(st, 6);
	c->code_length = sqlite3_column_int(st, 7);
	c->uses_codes = sqlite3_column_int(st, 8);
	snprintf(c->created_at, sizeof c->created_at, "%s", db_col(st, 9));
	c->phase = phase_of(ctx, c->opens_on, c->deadline);
}

void campaigns_free(struct campaigns *l)
{
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

int campaign_load(struct cn_ctx *ctx, const char *key, struct campaign *out)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = db_prepare(ctx, &st, "SELECT " CAMPAIGN_COLS " FROM campaign WHERE key = ?")))
		return rc;
	db_bind_text(st, 1, key);
	if ((rc = campaign_step_key(ctx, st, key)) == CN_OK)
		from_row(ctx, st, out);
	sqlite3_finalize(st);
	return rc;
}

int campaign_get(struct cn_ctx *ctx, const char *key, struct campaign *out)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("see campaigns"))) ||
	    (rc = campaign_load(ctx, key, out)))
		return rc;
	count_into(ctx, out);
	return CN_OK;
}

int campaign_list(struct cn_ctx *ctx, struct campaigns *out)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("see campaigns"))))
		return rc;
	if ((rc = db_prepare(ctx, &st, "SELECT " CAMPAIGN_COLS " FROM campaign ORDER BY opens_on DESC, id DESC")))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			out->v = xrealloc(out->v, ncap * sizeof *out->v);
			cap = ncap;
		}
		from_row(ctx, st, &out->v[out->n++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		campaigns_free(out);
		return db_fail(ctx, _("reading the campaigns"));
	}
	for (size_t i = 0; i < out->n; i++)
		count_into(ctx, &out->v[i]);
	return CN_OK;
}

/* Respondents of the kinds being dropped that already took part somehow. */
static int busy_members(struct cn_ctx *ctx, long long id, unsigned dropped, long long *n)
{
	sqlite3_stmt *st;
	int rc;
	*n = 0;
	if ((rc = db_prepare(ctx, &st,
		"SELECT count(*) FROM campaign_respondent cr JOIN respondent r ON r.id = cr.respondent_id"
		" WHERE cr.campaign_id = ?1"
		"   AND ((r.kind = 'comune' AND ?2) OR (r.kind = 'ambito' AND ?3) OR (r.kind = 'regione' AND ?4))"
		"   AND (cr.status <> 'nessun_codice' OR EXISTS (SELECT 1 FROM access_code a"
		"        WHERE a.campaign_id = cr.campaign_id AND a.respondent_id = cr.respondent_id))")))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	for (int k = 0; k < 3; k++)
		sqlite3_bind_int(st, 2 + k, (dropped >> k) & 1);
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return CN_OK;
}

static int drop_members(struct cn_ctx *ctx, long long id, unsigned dropped, long *removed)
{
	sqlite3_stmt *st;
	int rc;
	if ((rc = db_prepare(ctx, &st,
		"DELETE FROM campaign_respondent WHERE campaign_id = ?1 AND respondent_id IN"
		" (SELECT id FROM respondent WHERE (kind = 'comune' AND ?2) OR (kind = 'ambito' AND ?3)"
		"  OR (kind = 'regione' AND ?4))")))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	for (int k = 0; k < 3; k++)
		sqlite3_bind_int(st, 2 + k, (dropped >> k) & 1);
	rc = sqlite3_step(st) == SQLITE_DONE ? CN_OK : db_fail(ctx, _("removing respondents"));
	sqlite3_finalize(st);
	if (!rc)
		*removed = sqlite3_changes(ctx->db);
	return rc;
}

static int update_text(struct cn_ctx *ctx, long long id, const char *sql, const char *v)
{
	sqlite3_stmt *st;
	int rc;
	if ((rc = db_prepare(ctx, &st, sql)))
		return rc;
	db_bind_text(st, 1, v);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st) == SQLITE_DONE ? CN_OK : db_fail(ctx, _("changing the campaign"));
	sqlite3_finalize(st);
	return rc;
}

static int update_int(struct cn_ctx *ctx, long long id, const char *sql, long long v, int null)
{
	sqlite3_stmt *st;
	int rc;
	if ((rc = db_prepare(ctx, &st, sql)))
		return rc;
	if (null)
		sqlite3_bind_null(st, 1);
	else
		sqlite3_bind_int64(st, 1, v);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st) == SQLITE_DONE ? CN_OK : db_fail(ctx, _("changing the campaign"));
	sqlite3_finalize(st);
	return rc;
}

static int change_uses_codes(struct cn_ctx *ctx, const struct campaign *cur, int uses_codes,
			     struct audit_details *details)
{
	int rc;
	if (!uses_codes && cur->codes_active)
		return cn_set_error_field(ctx, CN_EDATA, "uses_codes",
			ngettext("campaign %s has %ld active code: revoke it before turning codes off",
				 "campaign %s has %ld active codes: revoke them before turning codes off",
				 (unsigned long)cur->codes_active),
			cur->key, cur->codes_active);
	if ((rc = update_int(ctx, cur->id, "UPDATE campaign SET uses_codes = ? WHERE id = ?", uses_codes ? 1 : 0, 0)))
		return rc;
	audit_kv(details, "codes", uses_codes ? "yes" : "no");
	return CN_OK;
}

/* New respondent kinds: members of the kinds dropped go (refused when
 * they have codes or statuses), members of the kinds added come. */
static int change_kinds(struct cn_ctx *ctx, const struct campaign *cur, unsigned new_kinds,
			struct audit_details *details, long *nadd, long *nrem)
{
	unsigned dropped = cur->kinds & ~new_kinds;
	char kinds[32];
	long long busy = 0;
	int rc;
	if (dropped && (rc = busy_members(ctx, cur->id, dropped, &busy)))
		return rc;
	if (busy) {
		campaign_kinds_format(dropped, kinds, sizeof kinds);
		return cn_set_error_field(ctx, CN_EDATA, "kinds",
			_("cannot drop %s from campaign %s: %lld of those respondents already have codes or statuses"),
			kinds, cur->key, busy);
	}
	if ((dropped && (rc = drop_members(ctx, cur->id, dropped, nrem))) ||
	    (rc = add_members(ctx, cur->id, new_kinds & ~cur->kinds, nadd)))
		return rc;
	campaign_kinds_format(new_kinds, kinds, sizeof kinds);
	if ((rc = update_text(ctx, cur->id, "UPDATE campaign SET kinds = ? WHERE id = ?", kinds)))
		return rc;
	audit_kv(details, "kinds", kinds);
	audit_kv_long(details, "added", *nadd);
	audit_kv_long(details, "removed", *nrem);
	return CN_OK;
}

static int campaign_set_checked(struct cn_ctx *ctx, const char *key, const struct campaign_change *ch,
				long *added, long *removed)
{
	struct campaign cur;
	struct audit_details details = {0};
	char opens[11], deadline[11];
	long nadd = 0, nrem = 0;
	int rc;

	if (added)
		*added = 0;
	if (removed)
		*removed = 0;
	if ((rc = cn_require(ctx, CN_ROLE_ADMIN, _("change campaigns"))))
		return rc;
	if (ch->name && !*ch->name)
		return cn_set_error_field(ctx, CN_EUSAGE, "name", _("the campaign needs a name"));
	if (ch->code_length && (ch->code_length < CODE_MIN_LENGTH || ch->code_length > CODE_MAX_LENGTH))
		return cn_set_error_field(ctx, CN_EUSAGE, "code_length", _("code length: %d is not from %d to %d"),
				    ch->code_length, CODE_MIN_LENGTH, CODE_MAX_LENGTH);
	if (ch->kinds > 7)
		return cn_set_error_field(ctx, CN_EUSAGE, "kinds", _("respondents: name comune, ambito and/or regione"));
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = campaign_get(ctx, key, &cur)))
		goto fail;
	if ((rc = check_dates(ctx, ch->opens_on ? ch->opens_on : cur.opens_on,
			      ch->deadline ? ch->deadline : cur.deadline, opens, deadline)))
		goto fail;
	if (ch->name) {
		if ((rc = update_text(ctx, cur.id, "UPDATE campaign SET name = ? WHERE id = ?", ch->name)))
			goto fail;
		audit_kv(&details, "name", ch->name);
	}
	if (strcmp(opens, cur.opens_on) || strcmp(deadline, cur.deadline)) {
		if ((rc = update_text(ctx, cur.id, "UPDATE campaign SET opens_on = ? WHERE id = ?", opens)) ||
		    (rc = update_text(ctx, cur.id, "UPDATE campaign SET deadline = ? WHERE id = ?", deadline)))
			goto fail;
		audit_kv(&details, "opens", opens);
		audit_kv(&details, "deadline", deadline);
	}
	if (ch->survey_id >= 0) {
		if ((rc = update_int(ctx, cur.id, "UPDATE campaign SET survey_id = ? WHERE id = ?",
				     ch->survey_id, ch->survey_id == 0)))
			goto fail;
		audit_kv_long(&details, "survey_id", ch->survey_id);
	}
	if (ch->code_length) {
		if ((rc = update_int(ctx, cur.id, "UPDATE campaign SET code_length = ? WHERE id = ?",
				     ch->code_length, 0)))
			goto fail;
		audit_kv_long(&details, "code_length", ch->code_length);
	}
	if (ch->uses_codes >= 0 && ch->uses_codes != cur.uses_codes &&
	    (rc = change_uses_codes(ctx, &cur, ch->uses_codes, &details)))
		goto fail;
	if (ch->kinds && ch->kinds != cur.kinds && (rc = change_kinds(ctx, &cur, ch->kinds, &details, &nadd, &nrem)))
		goto fail;
	if (!details.n) {
		/* nothing asked to change: leave no trace */
		db_rollback(ctx);
		goto out;
	}
	if ((rc = audit_write(ctx, "campaign.set", "campaign", cur.key, &details)) ||
	    (rc = db_commit(ctx)))
		goto fail;
	if (added)
		*added = nadd;
	if (removed)
		*removed = nrem;
	goto out;
fail:
	db_rollback(ctx);
out:
	audit_details_free(&details);
	return rc;
}

int campaign_sync_in_tx(struct cn_ctx *ctx, long *added)
{
	sqlite3_stmt *st;
	char today[11];
	int rc;

	*added = 0;
	cn_today_ymd(ctx, today);
	if ((rc = db_prepare(ctx, &st,
		"INSERT OR IGNORE INTO campaign_respondent (campaign_id, respondent_id)"
		" SELECT c.id, r.id FROM campaign c JOIN respondent r"
		"   ON r.active = 1 AND instr(',' || c.kinds || ',', ',' || r.kind || ',') > 0"
		" WHERE c.deadline >= ?")))
		return rc;
	db_bind_text(st, 1, today);
	rc = sqlite3_step(st) == SQLITE_DONE ? CN_OK : db_fail(ctx, _("adding new respondents to campaigns"));
	sqlite3_finalize(st);
	if (!rc)
		*added = sqlite3_changes(ctx->db);
	return rc;
}

int campaign_sync_respondents(struct cn_ctx *ctx, long *added)
{
	struct audit_details details = {0};
	long n = 0;
	int rc;

	if (added)
		*added = 0;
	if ((rc = cn_require(ctx, CN_ROLE_ADMIN, _("change campaigns"))))
		return rc;
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = campaign_sync_in_tx(ctx, &n)))
		goto fail;
	if (!n) {
		db_rollback(ctx);
		return CN_OK;
	}
	audit_kv_long(&details, "added", n);
	if ((rc = audit_write(ctx, "campaign.sync", "campaign", NULL, &details)) ||
	    (rc = db_commit(ctx)))
		goto fail;
	audit_details_free(&details);
	if (added)
		*added = n;
	return CN_OK;
fail:
	db_rollback(ctx);
	audit_details_free(&details);
	return rc;
}

/* The name by the text policy (text.h), then the creation. */
int campaign_add(struct cn_ctx *ctx, const struct campaign_new *c, long *respondents)
{
	struct campaign_new clean = *c;
	char *name;
	int rc = text_clean_ctx(ctx, "--name", c->name, TEXT_TITLE, &name);

	if (rc)
		return cn_error_on_field(ctx, rc, "name");
	clean.name = name;
	rc = campaign_add_checked(ctx, &clean, respondents);
	free(name);
	return rc;
}

int campaign_set(struct cn_ctx *ctx, const char *key, const struct campaign_change *ch,
		 long *added, long *removed)
{
	struct campaign_change clean = *ch;
	char *name = NULL;
	int rc = text_clean_ctx(ctx, "--name", ch->name, TEXT_TITLE, &name);

	if (rc)
		return cn_error_on_field(ctx, rc, "name");
	if (ch->name)
		clean.name = name ? name : "";
	rc = campaign_set_checked(ctx, key, &clean, added, removed);
	free(name);
	return rc;
}
