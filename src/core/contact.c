/* Contacts of respondents: adding, listing, removing (kept for history). */
#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "campaign_internal.h"
#include "centralino/text.h"
#include "contact_internal.h"
#include "centralino/clock.h"
#include "centralino/xalloc.h"

static const char *const kind_names[CONTACT_NKINDS] = {
	"referente", "ufficio", "email", "pec", "telefono",
};

const char *contact_kind_name(enum contact_kind k)
{
	return k >= 0 && k < CONTACT_NKINDS ? kind_names[k] : "?";
}

int contact_kind_parse(const char *s, enum contact_kind *out)
{
	for (int k = 0; k < CONTACT_NKINDS; k++)
		if (s && strcasecmp(s, kind_names[k]) == 0) {
			*out = (enum contact_kind)k;
			return CN_OK;
		}
	if (s && (strcasecmp(s, "e-mail") == 0 || strcasecmp(s, "mail") == 0)) {
		*out = CONTACT_EMAIL;
		return CN_OK;
	}
	if (s && (strcasecmp(s, "phone") == 0 || strcasecmp(s, "tel") == 0)) {
		*out = CONTACT_TELEFONO;
		return CN_OK;
	}
	return CN_EUSAGE;
}

static int check_email(char *v, const char **why)
{
	char *at = strchr(v, '@');
	for (char *p = v; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (strchr(v, ' ')) {
		*why = _("an address has no spaces");
		return CN_EDATA;
	}
	if (!at || at == v || strchr(at + 1, '@')) {
		*why = _("not an address like nome@comune.it");
		return CN_EDATA;
	}
	if (!strchr(at + 1, '.') || at[1] == '.' || v[strlen(v) - 1] == '.') {
		*why = _("the part after @ is not a domain like comune.it");
		return CN_EDATA;
	}
	return CN_OK;
}

static int check_phone(const char *v, const char **why)
{
	int digits = 0;
	for (const char *p = v; *p; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (!strchr(" +./-()", *p) || (*p == '+' && p != v)) {
			*why = _("a phone number has only digits, spaces and + . / - ( )");
			return CN_EDATA;
		}
	}
	if (digits < 6 || digits > 15) {
		*why = _("a phone number has 6 to 15 digits");
		return CN_EDATA;
	}
	return CN_OK;
}

int contact_value_check(enum contact_kind k, const char *value, char *out, size_t outsz,
			char *why, size_t whylen)
{
	const char *rule = NULL;
	char *clean = NULL;
	int rc;

	out[0] = '\0';
	rc = text_clean(value ? value : "", value ? strlen(value) : 0,
			k == CONTACT_REFERENTE ? TEXT_PERSON : k == CONTACT_UFFICIO ? TEXT_OFFICE : TEXT_VALUE,
			&clean, why, whylen);
	if (rc)
		return rc == CN_EOSERR ? rc : CN_EDATA;
	if (!clean) {
		snprintf(why, whylen, "%s", _("empty"));
		return CN_EDATA;
	}
	if (strlen(clean) >= outsz) {
		free(clean);
		snprintf(why, whylen, "%s", _("too long"));
		return CN_EDATA;
	}
	memcpy(out, clean, strlen(clean) + 1);
	free(clean);
	if (k == CONTACT_EMAIL || k == CONTACT_PEC)
		rc = check_email(out, &rule);
	else if (k == CONTACT_TELEFONO)
		rc = check_phone(out, &rule);
	if (rc)
		snprintf(why, whylen, "%s", rule);
	return rc;
}

int contact_insert_in_tx(struct cn_ctx *ctx, const char *respondent_id, enum contact_kind kind,
			 const char *value, const char *name, const char *office,
			 const char *source, const char *noted_on, int *added)
{
	sqlite3_stmt *st;
	char now[21];
	int rc;

	*added = 0;
	cn_now_iso(ctx, now);
	if ((rc = db_prepare(ctx, &st,
		"INSERT OR IGNORE INTO contact (respondent_id, kind, value, name, office, source, noted_on,"
		" added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")))
		return rc;
	db_bind_text(st, 1, respondent_id);
	db_bind_text(st, 2, kind_names[kind]);
	db_bind_text(st, 3, value);
	db_bind_text(st, 4, name);
	db_bind_text(st, 5, office);
	db_bind_text(st, 6, source);
	db_bind_text(st, 7, noted_on);
	db_bind_text(st, 8, now);
	db_bind_text(st, 9, cn_login(ctx));
	rc = sqlite3_step(st) == SQLITE_DONE ? CN_OK : db_fail(ctx, _("saving the contact"));
	if (!rc)
		*added = sqlite3_changes(ctx->db) > 0;
	sqlite3_finalize(st);
	return rc;
}

int contact_add(struct cn_ctx *ctx, const struct contact_new *c, long long *id)
{
	char rid[RESPONDENT_ID_BUFSZ], value[512], name[256] = "", office[256] = "", date[11], idtxt[24];
	char source[256] = "";
	struct audit_details details = {0};
	char why[256];
	int rc, added = 0;

	if (id)
		*id = 0;
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("add contacts"))) ||
	    (rc = campaign_resolve_respondent(ctx, c->respondent, rid)))
		return cn_error_on_field(ctx, rc, "respondent");
	if (c->kind < 0 || c->kind >= CONTACT_NKINDS)
		return cn_set_error_field(ctx, CN_EUSAGE, "kind", _("kind: referente, ufficio, email, pec or telefono"));
	if (contact_value_check(c->kind, c->value, value, sizeof value, why, sizeof why))
		return cn_set_error_field(ctx, CN_EDATA, "value", _("%s '%s': %s"), kind_names[c->kind],
				    c->value ? c->value : "", why);
	if (c->name && *c->name && contact_value_check(CONTACT_REFERENTE, c->name, name, sizeof name, why, sizeof why))
		return cn_set_error_field(ctx, CN_EDATA, "name", _("name '%s': %s"), c->name, why);
	if (c->office && *c->office && contact_value_check(CONTACT_UFFICIO, c->office, office, sizeof office, why, sizeof why))
		return cn_set_error_field(ctx, CN_EDATA, "office", _("office '%s': %s"), c->office, why);
	if (c->source && *c->source && contact_value_check(CONTACT_UFFICIO, c->source, source, sizeof source, why, sizeof why))
		return cn_set_error_field(ctx, CN_EDATA, "source", _("source '%s': %s"), c->source, why);
	if (c->noted_on && *c->noted_on) {
		if (cn_parse_date(c->noted_on, date))
			return cn_set_error_field(ctx, CN_EUSAGE, "noted_on", _("date: '%s' is not a date (YYYY-MM-DD)"),
						  c->noted_on);
	} else {
		cn_today_ymd(ctx, date);
	}
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = contact_insert_in_tx(ctx, rid, c->kind, value, name, office,
				       *source ? source : "inserito a mano", date, &added)))
		goto fail;
	if (!added) {
		rc = cn_set_error_field(ctx, CN_EDATA, "value", _("%s %s is already on file for %s"), kind_names[c->kind], value, rid);
		goto fail;
	}
	snprintf(idtxt, sizeof idtxt, "%lld", (long long)sqlite3_last_insert_rowid(ctx->db));
	audit_kv(&details, "respondent", rid);
	audit_kv(&details, "kind", kind_names[c->kind]);
	audit_kv(&details, "value", value);
	if ((rc = audit_write(ctx, "contact.add", "contact", idtxt, &details)) ||
	    (rc = db_commit(ctx)))
		goto fail;
	if (id)
		*id = strtoll(idtxt, NULL, 10);
	audit_details_free(&details);
	return CN_OK;
fail:
	db_rollback(ctx);
	audit_details_free(&details);
	return rc;
}

void contacts_free(struct contacts *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct contact *c = &l->v[i];
		free(c->respondent_id);
		free(c->value);
		free(c->name);
		free(c->office);
		free(c->source);
		free(c->added_at);
		free(c->added_by);
		free(c->removed_at);
		free(c->removed_by);
		free(c->remove_reason);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

int contact_list(struct cn_ctx *ctx, const char *respondent, int with_removed, struct contacts *out)
{
	char rid[RESPONDENT_ID_BUFSZ];
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("see contacts"))) ||
	    (rc = campaign_resolve_respondent(ctx, respondent, rid)))
		return rc;
	if ((rc = db_prepare(ctx, &st,
		"SELECT id, respondent_id, kind, value, name, office, source, noted_on, added_at, added_by,"
		"       removed_at, removed_by, remove_reason FROM contact"
		" WHERE respondent_id = ? AND (? OR removed_at IS NULL)"
		" ORDER BY removed_at IS NOT NULL,"
		"  CASE kind WHEN 'referente' THEN 0 WHEN 'ufficio' THEN 1 WHEN 'email' THEN 2"
		"  WHEN 'pec' THEN 3 ELSE 4 END, noted_on DESC, id DESC")))
		return rc;
	db_bind_text(st, 1, rid);
	sqlite3_bind_int(st, 2, with_removed ? 1 : 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct contact *c;
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			out->v = xrealloc(out->v, ncap * sizeof *out->v);
			cap = ncap;
		}
		c = &out->v[out->n++];
		memset(c, 0, sizeof *c);
		c->id = sqlite3_column_int64(st, 0);
		c->respondent_id = xstrdup(db_col(st, 1));
		contact_kind_parse(db_col(st, 2), &c->kind);
		c->value = xstrdup(db_col(st, 3));
		c->name = xstrdup(db_col(st, 4));
		c->office = xstrdup(db_col(st, 5));
		c->source = xstrdup(db_col(st, 6));
		snprintf(c->noted_on, sizeof c->noted_on, "%s", db_col(st, 7));
		c->added_at = xstrdup(db_col(st, 8));
		c->added_by = xstrdup(db_col(st, 9));
		c->removed_at = xstrdup(db_col(st, 10));
		c->removed_by = xstrdup(db_col(st, 11));
		c->remove_reason = xstrdup(db_col(st, 12));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		contacts_free(out);
		return rc == SQLITE_NOMEM ? cn_set_error(ctx, CN_EOSERR, _("out of memory"))
					  : db_fail(ctx, _("reading the contacts"));
	}
	return CN_OK;
}

static int contact_remove_checked(struct cn_ctx *ctx, long long id, const char *reason)
{
	struct audit_details details = {0};
	sqlite3_stmt *st;
	char now[21], idtxt[24], rid[RESPONDENT_ID_BUFSZ] = "", value[512] = "";
	int rc, found = 0, removed = 0;

	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("remove contacts"))))
		return rc;
	cn_now_iso(ctx, now);
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = db_prepare(ctx, &st, "SELECT respondent_id, value, removed_at IS NOT NULL FROM contact WHERE id = ?")))
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		found = 1;
		snprintf(rid, sizeof rid, "%s", db_col(st, 0));
		snprintf(value, sizeof value, "%s", db_col(st, 1));
		removed = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	if (!found || removed) {
		rc = cn_set_error(ctx, CN_ENOINPUT, found ? _("contact %lld was already removed")
							  : _("no contact %lld (see 'centralino contact list')"), id);
		goto fail;
	}
	if ((rc = db_prepare(ctx, &st,
		"UPDATE contact SET removed_at = ?, removed_by = ?, remove_reason = ? WHERE id = ?")))
		goto fail;
	db_bind_text(st, 1, now);
	db_bind_text(st, 2, cn_login(ctx));
	db_bind_text(st, 3, reason);
	sqlite3_bind_int64(st, 4, id);
	rc = sqlite3_step(st) == SQLITE_DONE ? CN_OK : db_fail(ctx, _("removing the contact"));
	sqlite3_finalize(st);
	if (rc)
		goto fail;
	snprintf(idtxt, sizeof idtxt, "%lld", id);
	audit_kv(&details, "respondent", rid);
	audit_kv(&details, "value", value);
	if (reason && *reason)
		audit_kv(&details, "reason", reason);
	if ((rc = audit_write(ctx, "contact.remove", "contact", idtxt, &details)) ||
	    (rc = db_commit(ctx)))
		goto fail;
	audit_details_free(&details);
	return CN_OK;
fail:
	db_rollback(ctx);
	audit_details_free(&details);
	return rc;
}

/* contact_remove with the reason passed through the text policy (text.h). */
int contact_remove(struct cn_ctx *ctx, long long id, const char *reason)
{
	char *clean;
	int rc = text_clean_ctx(ctx, "--reason", reason, TEXT_REASON, &clean);

	if (rc)
		return rc;
	rc = contact_remove_checked(ctx, id, clean);
	free(clean);
	return rc;
}
