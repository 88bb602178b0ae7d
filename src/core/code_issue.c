/* Giving, re-issuing, revoking, revealing and bulk-making access codes.
 * Every change: permission, BEGIN IMMEDIATE, the change, one audit row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code_internal.h"
#include "centralino/text.h"
#include "contact_internal.h"
#include "centralino/clock.h"
#include "registry_internal.h"
#include "centralino/xalloc.h"

void code_issued_free(struct code_issued *c)
{
	free(c->respondent_name);
	free(c->campaign_name);
	c->respondent_name = c->campaign_name = NULL;
}

/* The active code of a respondent in a campaign, if any. */
struct active_code {
	int found;
	long long id;
	char code[CODE_BUFSZ];
	int given;
	char when[21], by[65], caller[256];
};

static int active_code_get(struct cn_ctx *ctx, long long campaign_id, const char *respondent_id,
			   struct active_code *a)
{
	sqlite3_stmt *st;
	int rc;

	memset(a, 0, sizeof *a);
	if ((rc = db_prepare(ctx, &st,
		"SELECT id, code, given_at IS NOT NULL, coalesce(given_at, issued_at),"
		"       coalesce(given_by, issued_by), coalesce(caller_name, '')"
		"  FROM access_code WHERE campaign_id = ? AND respondent_id = ? AND state = 'active'")))
		return rc;
	sqlite3_bind_int64(st, 1, campaign_id);
	db_bind_text(st, 2, respondent_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		a->found = 1;
		a->id = sqlite3_column_int64(st, 0);
		snprintf(a->code, sizeof a->code, "%s", db_col(st, 1));
		a->given = sqlite3_column_int(st, 2);
		snprintf(a->when, sizeof a->when, "%s", db_col(st, 3));
		snprintf(a->by, sizeof a->by, "%s", db_col(st, 4));
		snprintf(a->caller, sizeof a->caller, "%s", db_col(st, 5));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(ctx, _("reading the codes"));
	return CN_OK;
}

/* The refusal an operator sees when the respondent already has a code. */
static int refuse_active(struct cn_ctx *ctx, const char *name, const char *id,
			 const char *campaign, const struct active_code *a)
{
	char when[17];
	cn_iso_display(a->when, when);
	return cn_set_error(ctx, CN_EDATA,
		_("%s (%s) already holds an active code for campaign %s, given by %s on %s to %s;"
		  " to replace it: --reissue --reason TEXT"),
		name, id, campaign, a->by, when, a->caller[0] ? a->caller : "?");
}

int code_revoke_row(struct cn_ctx *ctx, long long id, const char *reason)
{
	sqlite3_stmt *st;
	char now[21];
	int rc;

	cn_now_iso(ctx, now);
	if ((rc = db_prepare(ctx, &st,
		"UPDATE access_code SET state = 'revoked', revoked_at = ?, revoked_by = ?, revoke_reason = ?"
		" WHERE id = ? AND state = 'active'")))
		return rc;
	db_bind_text(st, 1, now);
	db_bind_text(st, 2, cn_login(ctx));
	db_bind_text(st, 3, reason);
	sqlite3_bind_int64(st, 4, id);
	rc = sqlite3_step(st) == SQLITE_DONE ? CN_OK : db_fail(ctx, _("revoking the code"));
	sqlite3_finalize(st);
	return rc;
}

int code_status_follow(struct cn_ctx *ctx, long long campaign_id, const char *respondent_id,
			 const char *from, const char *to)
{
	sqlite3_stmt *st;
	char now[21];
	int rc;

	cn_now_iso(ctx, now);
	if ((rc = db_prepare(ctx, &st,
		"UPDATE campaign_respondent SET status = ?, status_at = ?, status_source = 'codice'"
		" WHERE campaign_id = ? AND respondent_id = ? AND status = ?")))
		return rc;
	db_bind_text(st, 1, to);
	db_bind_text(st, 2, now);
	sqlite3_bind_int64(st, 3, campaign_id);
	db_bind_text(st, 4, respondent_id);
	db_bind_text(st, 5, from);
	rc = sqlite3_step(st) == SQLITE_DONE ? CN_OK : db_fail(ctx, _("updating the status"));
	sqlite3_finalize(st);
	return rc;
}

/* Inserts a new code; a clash with an existing code (about 1 in 10^17)
 * just draws again. CN_EDATA via `race` when the one-active-code index
 * fires (cannot happen under BEGIN IMMEDIATE after the check, but the
 * index is the rule, so its refusal is turned into the normal message). */
static int insert_code(struct cn_ctx *ctx, sqlite3_stmt *st, int length, const char *preset,
		       char code[CODE_BUFSZ], long long *id, int *race)
{
	*race = 0;
	if (preset && (strlen(preset) != (size_t)length + 1 || !code_is_valid(preset)))
		return cn_set_error(ctx, CN_EUSAGE, _("'%s' is not a code of this campaign"), preset);
	for (int attempt = 0; attempt < (preset ? 1 : 8); attempt++) {
		int rc;
		if (preset)
			snprintf(code, CODE_BUFSZ, "%s", preset);
		else if (code_random(code, length))
			return cn_set_error(ctx, CN_EOSERR, _("no random numbers from the system (getrandom)"));
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
		if (rc == SQLITE_DONE) {
			*id = sqlite3_last_insert_rowid(ctx->db);
			return CN_OK;
		}
		if (sqlite3_extended_errcode(ctx->db) != SQLITE_CONSTRAINT_UNIQUE)
			return db_fail(ctx, _("saving the code"));
		if (strstr(sqlite3_errmsg(ctx->db), "access_code.code") == NULL) {
			*race = 1;
			return cn_set_error(ctx, CN_EDATA,
				_("another operator has just given this respondent a code"));
		}
	}
	if (preset)
		return cn_set_error(ctx, CN_EDATA, _("the code drawn for this call is already in use: draw another"));
	return cn_set_error(ctx, CN_ESOFTWARE, _("could not draw a code not used before"));
}

static int set_replaced(struct cn_ctx *ctx, long long old_id, long long new_id)
{
	sqlite3_stmt *st;
	int rc;
	if ((rc = db_prepare(ctx, &st, "UPDATE access_code SET replaced_by = ? WHERE id = ?")))
		return rc;
	sqlite3_bind_int64(st, 1, new_id);
	sqlite3_bind_int64(st, 2, old_id);
	rc = sqlite3_step(st) == SQLITE_DONE ? CN_OK : db_fail(ctx, _("saving the code"));
	sqlite3_finalize(st);
	return rc;
}

static int check_request(struct cn_ctx *ctx, const struct code_issue_req *r, char *phone, size_t phonesz)
{
	char why[256];
	if (!r->campaign_key || !*r->campaign_key)
		return cn_set_error_field(ctx, CN_EUSAGE, "campaign_key", _("which campaign? (--campaign KEY)"));
	if (!r->caller_name || !*r->caller_name)
		return cn_set_error_field(ctx, CN_EUSAGE, "caller_name",
					  _("who is calling? (--caller \"Nome Cognome\")"));
	if (!r->caller_office || !*r->caller_office)
		return cn_set_error_field(ctx, CN_EUSAGE, "caller_office", _("from which office? (--office TEXT)"));
	if (!r->caller_phone || !*r->caller_phone)
		return cn_set_error_field(ctx, CN_EUSAGE, "caller_phone",
					  _("the caller's phone number is needed (--phone N)"));
	if (contact_value_check(CONTACT_TELEFONO, r->caller_phone, phone, phonesz, why, sizeof why))
		return cn_set_error_field(ctx, CN_EUSAGE, "caller_phone", _("phone '%s': %s"), r->caller_phone, why);
	if (code_verified_check(r->verified))
		return cn_set_error_field(ctx, CN_EUSAGE, "verified",
			_("how was the caller checked? --verified richiamata_centralino, referente_noto,"
			  " richiesta_pec or altro:TEXT (got '%s')"), r->verified ? r->verified : "");
	if (r->reissue && (!r->reason || !*r->reason))
		return cn_set_error_field(ctx, CN_EUSAGE, "reason", _("a re-issue needs its reason (--reason TEXT)"));
	if (r->call_id && strlen(r->call_id) > 64)
		return cn_set_error_field(ctx, CN_EUSAGE, "call_id", _("--call: '%s' is not a call id"), r->call_id);
	return CN_OK;
}

static int give_batch_code(struct cn_ctx *ctx, const struct code_issue_req *r, const char *phone,
			   long long id)
{
	sqlite3_stmt *st;
	char now[21];
	int rc;

	cn_now_iso(ctx, now);
	if ((rc = db_prepare(ctx, &st,
		"UPDATE access_code SET given_at = ?, given_by = ?, caller_name = ?, caller_office = ?,"
		" caller_phone = ?, verified = ?, call_id = ? WHERE id = ?")))
		return rc;
	db_bind_text(st, 1, now);
	db_bind_text(st, 2, cn_login(ctx));
	db_bind_text(st, 3, r->caller_name);
	db_bind_text(st, 4, r->caller_office);
	db_bind_text(st, 5, phone);
	db_bind_text(st, 6, r->verified);
	db_bind_text(st, 7, r->call_id);
	sqlite3_bind_int64(st, 8, id);
	rc = sqlite3_step(st) == SQLITE_DONE ? CN_OK : db_fail(ctx, _("saving the code"));
	sqlite3_finalize(st);
	return rc;
}

static int save_caller(struct cn_ctx *ctx, const struct code_issue_req *r, const char *id,
		       const char *phone, int *saved)
{
	static const char source[] = "telefonata (codice)";
	char today[11];
	int added = 0, rc;

	cn_today_ymd(ctx, today);
	*saved = 0;
	if ((rc = contact_insert_in_tx(ctx, id, CONTACT_REFERENTE, r->caller_name, NULL,
				       r->caller_office, source, today, &added)))
		return rc;
	*saved += added;
	if ((rc = contact_insert_in_tx(ctx, id, CONTACT_TELEFONO, phone, r->caller_name,
				       r->caller_office, source, today, &added)))
		return rc;
	*saved += added;
	return CN_OK;
}

/* A suppressed comune gets no code: says since when and what it became. */
static int refuse_suppressed(struct cn_ctx *ctx, const char *respondent_id)
{
	sqlite3_stmt *st;
	char since[11] = "", name[256] = "", shown[11];
	int rc;

	if ((rc = db_prepare(ctx, &st, "SELECT substr(suppressed_on, 1, 10), name FROM comune"
				       " WHERE istat = ? AND suppressed_on IS NOT NULL")))
		return rc;
	db_bind_text(st, 1, respondent_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(since, sizeof since, "%s", db_col(st, 0));
		snprintf(name, sizeof name, "%s", db_col(st, 1));
	}
	sqlite3_finalize(st);
	if (!since[0])
		return CN_OK;
	cn_date_display(since, shown);
	return cn_set_error(ctx, CN_EDATA, _("%s (%s) was suppressed on %s: no code can be given to it"),
			    name, respondent_id, shown);
}

/* Checks what code_issue and code_issue_draw both check, inside the
 * transaction: the campaign, membership, and the code the respondent holds. */
static int issue_checks(struct cn_ctx *ctx, const char *campaign_key, const char *respondent_id,
			struct campaign *c, struct active_code *a)
{
	char status[16];
	int rc;
	if ((rc = campaign_load(ctx, campaign_key, c)) || (rc = refuse_suppressed(ctx, respondent_id)) ||
	    (rc = campaign_require_codes(ctx, c)) ||
	    (rc = campaign_member_status(ctx, c, respondent_id, status)) ||
	    (rc = active_code_get(ctx, c->id, respondent_id, a)))
		return rc;
	return CN_OK;
}

/* A new code in place of the active one (revoked first when reissuing). */
static int issue_new(struct cn_ctx *ctx, const struct code_issue_req *r, const char *phone,
		     const struct campaign *c, struct active_code *a, struct code_issued *out)
{
	sqlite3_stmt *ins = NULL;
	char now[21];
	int rc, race = 0;

	cn_now_iso(ctx, now);
	if (a->found && !r->reissue)
		return refuse_active(ctx, out->respondent_name, out->respondent_id, c->key, a);
	if (a->found) {
		if ((rc = code_revoke_row(ctx, a->id, r->reason)))
			return rc;
		snprintf(out->revoked, sizeof out->revoked, "%s", a->code);
	}
	if ((rc = db_prepare(ctx, &ins,
		"INSERT INTO access_code (code, campaign_id, respondent_id, state, origin, issued_at,"
		" issued_by, given_at, given_by, caller_name, caller_office, caller_phone, verified, call_id)"
		" VALUES (?, ?, ?, 'active', 'telefono', ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
		return rc;
	sqlite3_bind_int64(ins, 2, c->id);
	db_bind_text(ins, 3, out->respondent_id);
	db_bind_text(ins, 4, now);
	db_bind_text(ins, 5, cn_login(ctx));
	db_bind_text(ins, 6, now);
	db_bind_text(ins, 7, cn_login(ctx));
	db_bind_text(ins, 8, r->caller_name);
	db_bind_text(ins, 9, r->caller_office);
	db_bind_text(ins, 10, phone);
	db_bind_text(ins, 11, r->verified);
	db_bind_text(ins, 12, r->call_id);
	rc = insert_code(ctx, ins, c->code_length, r->code, out->code, &out->code_id, &race);
	sqlite3_finalize(ins);
	if (race && active_code_get(ctx, c->id, out->respondent_id, a) == CN_OK && a->found)
		rc = refuse_active(ctx, out->respondent_name, out->respondent_id, c->key, a);
	if (rc)
		return rc;
	if (a->found && (rc = set_replaced(ctx, a->id, out->code_id)))
		return rc;
	out->upload_needed = 1;
	return CN_OK;
}

static int issue_audit(struct cn_ctx *ctx, const struct code_issue_req *r, const char *phone,
		       const char *campaign, long long revoked_id, const struct code_issued *out)
{
	struct audit_details details = {0};
	const char *action = out->from_batch ? "code.give" : out->revoked[0] ? "code.reissue" : "code.issue";
	char idtxt[24];
	int rc;

	audit_kv(&details, "campaign", campaign);
	audit_kv(&details, "respondent", out->respondent_id);
	audit_kv(&details, "caller", r->caller_name);
	audit_kv(&details, "office", r->caller_office);
	audit_kv(&details, "phone", phone);
	audit_kv(&details, "verified", r->verified);
	if (r->call_id && *r->call_id)
		audit_kv(&details, "call", r->call_id);
	if (out->revoked[0]) {
		audit_kv_long(&details, "revoked_id", revoked_id);
		audit_kv(&details, "reason", r->reason);
	}
	if (out->contacts_saved)
		audit_kv_long(&details, "contacts_saved", out->contacts_saved);
	snprintf(idtxt, sizeof idtxt, "%lld", out->code_id);
	rc = audit_write(ctx, action, "access_code", idtxt, &details);
	audit_details_free(&details);
	return rc;
}

static int issue_clean(struct cn_ctx *ctx, const struct code_issue_req *r, struct code_issued *out)
{
	struct campaign c;
	struct active_code a;
	char phone[128];
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_OPERATORE, _("issue access codes"))) ||
	    (rc = check_request(ctx, r, phone, sizeof phone)) ||
	    (rc = campaign_resolve_respondent(ctx, r->respondent, out->respondent_id)))
		return rc;
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = issue_checks(ctx, r->campaign_key, out->respondent_id, &c, &a)))
		goto fail;
	out->respondent_name = registry_respondent_name(ctx, out->respondent_id);
	out->campaign_name = xstrdup(c.name);
	if (a.found && !a.given && !r->reissue) {
		/* A batch code LimeSurvey already holds: tell this one. */
		if ((rc = give_batch_code(ctx, r, phone, a.id)))
			goto fail;
		snprintf(out->code, sizeof out->code, "%s", a.code);
		out->from_batch = 1;
		out->code_id = a.id;
	} else if ((rc = issue_new(ctx, r, phone, &c, &a, out))) {
		goto fail;
	}
	if ((rc = code_status_follow(ctx, c.id, out->respondent_id, "nessun_codice", "codice_emesso")) ||
	    (r->save_contact && (rc = save_caller(ctx, r, out->respondent_id, phone, &out->contacts_saved))) ||
	    (rc = issue_audit(ctx, r, phone, c.key, a.id, out)) || (rc = db_commit(ctx)))
		goto fail;
	return CN_OK;
fail:
	db_rollback(ctx);
	out->code[0] = '\0';
	return rc;
}

/* The request's texts by the text policy, then the issue itself. */
int code_issue(struct cn_ctx *ctx, const struct code_issue_req *r, struct code_issued *out)
{
	struct code_issue_req c = *r;
	char *caller = NULL, *office = NULL, *verified = NULL, *reason = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	if (!(rc = cn_error_on_field(ctx, text_clean_ctx(ctx, "--caller", r->caller_name, TEXT_PERSON, &caller),
				     "caller_name")) &&
	    !(rc = cn_error_on_field(ctx, text_clean_ctx(ctx, "--office", r->caller_office, TEXT_OFFICE, &office),
				     "caller_office")) &&
	    !(rc = cn_error_on_field(ctx, text_clean_ctx(ctx, "--verified", r->verified, TEXT_REASON, &verified),
				     "verified")) &&
	    !(rc = cn_error_on_field(ctx, text_clean_ctx(ctx, "--reason", r->reason, TEXT_REASON, &reason),
				     "reason"))) {
		c.caller_name = caller;
		c.caller_office = office;
		c.verified = verified;
		c.reason = reason;
		rc = issue_clean(ctx, &c, out);
	}
	free(caller);
	free(office);
	free(verified);
	free(reason);
	return rc;
}

int code_issue_draw(struct cn_ctx *ctx, const char *campaign_key, const char *respondent,
		    int reissue, char code[CODE_BUFSZ], int *from_batch)
{
	struct campaign c;
	struct active_code a;
	char id[RESPONDENT_ID_BUFSZ], idtxt[24];
	int rc;

	code[0] = '\0';
	*from_batch = 0;
	if ((rc = cn_require(ctx, CN_ROLE_OPERATORE, _("issue access codes"))) ||
	    (rc = campaign_resolve_respondent(ctx, respondent, id)))
		return rc;
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = issue_checks(ctx, campaign_key, id, &c, &a)))
		goto fail;
	if (a.found && !a.given && !reissue) {
		struct audit_details details = {0};
		snprintf(code, CODE_BUFSZ, "%s", a.code);
		*from_batch = 1;
		audit_kv(&details, "campaign", c.key);
		audit_kv(&details, "respondent", id);
		snprintf(idtxt, sizeof idtxt, "%lld", a.id);
		rc = audit_write(ctx, "code.reveal", "access_code", idtxt, &details);
		audit_details_free(&details);
		if (rc || (rc = db_commit(ctx)))
			goto fail;
		return CN_OK;
	}
	if (a.found && !reissue) {
		char *name = registry_respondent_name(ctx, id);
		rc = refuse_active(ctx, name, id, c.key, &a);
		free(name);
		goto fail;
	}
	db_rollback(ctx);
	if (code_random(code, c.code_length))
		return cn_set_error(ctx, CN_EOSERR, _("no random numbers from the system (getrandom)"));
	return CN_OK;
fail:
	db_rollback(ctx);
	code[0] = '\0';
	return rc;
}
