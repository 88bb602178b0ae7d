/* Revoking a code, showing it again (audited), and making codes in bulk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "code_internal.h"
#include "centralino/text.h"
#include "registry_internal.h"
#include "centralino/clock.h"
#include "centralino/xalloc.h"

/* One code by its exact text, inside the transaction. */
static int load_code(struct cn_ctx *ctx, const char *code, struct code_info *out, long long *campaign_id)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_prepare(ctx, &st, "SELECT " CODE_COLS ", a.campaign_id" CODE_FROM " WHERE a.code = ?")))
		return rc;
	db_bind_text(st, 1, code);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		code_info_read(st, out, 1);
		rc = CN_OK;
		*campaign_id = sqlite3_column_int64(st, 21);
	} else if (rc == SQLITE_DONE) {
		char g[CODE_GROUPED_BUFSZ];
		code_group(code, g, sizeof g);
		rc = cn_set_error(ctx, CN_ENOINPUT, _("no code %s here (see 'centralino code find')"), g);
	} else {
		rc = db_fail(ctx, _("reading the codes"));
	}
	sqlite3_finalize(st);
	return rc;
}

/* Revokes the code (exact text) inside the caller's transaction, with its
 * audit row; info gets the code's details. The reason is already clean. */
static int revoke_row_in_tx(struct cn_ctx *ctx, const char *code, const char *reason,
			    struct code_info *info)
{
	struct audit_details details = {0};
	long long campaign_id = 0;
	char idtxt[24];
	int rc;

	if ((rc = load_code(ctx, code, info, &campaign_id)))
		return rc;
	if (strcmp(info->state, "active") != 0) {
		char when[17];
		cn_iso_display(info->revoked_at, when);
		return cn_set_error(ctx, CN_EDATA, _("that code was already revoked on %s by %s (%s)"),
				    when, info->revoked_by, info->revoke_reason);
	}
	if ((rc = code_revoke_row(ctx, info->id, reason)) ||
	    (rc = code_status_follow(ctx, campaign_id, info->respondent_id, "codice_emesso", "nessun_codice")))
		return rc;
	audit_kv(&details, "campaign", info->campaign_key);
	audit_kv(&details, "respondent", info->respondent_id);
	audit_kv(&details, "reason", reason);
	snprintf(idtxt, sizeof idtxt, "%lld", info->id);
	rc = audit_write(ctx, "code.revoke", "access_code", idtxt, &details);
	audit_details_free(&details);
	return rc;
}

/* revoke_row_in_tx with the reason passed through the text policy. */
static int revoke_in_tx(struct cn_ctx *ctx, const char *code, const char *reason_in, struct code_info *info)
{
	char *reason;
	int rc;

	if ((rc = text_clean_ctx(ctx, "--reason", reason_in, TEXT_REASON, &reason)))
		return cn_error_on_field(ctx, rc, "reason");
	if (!reason)
		return cn_set_error_field(ctx, CN_EUSAGE, "reason", _("a revocation needs its reason (--reason TEXT)"));
	rc = revoke_row_in_tx(ctx, code, reason, info);
	free(reason);
	return rc;
}

static int revoke_finish(struct cn_ctx *ctx, int rc, struct code_info *info, struct code_info *out)
{
	if (!rc)
		rc = db_commit(ctx);
	if (rc) {
		db_rollback(ctx);
		code_info_free(info);
		return rc;
	}
	if (out)
		*out = *info;
	else
		code_info_free(info);
	return CN_OK;
}

int code_revoke(struct cn_ctx *ctx, const char *input, const char *reason, struct code_info *out)
{
	struct code_typed t;
	struct code_info info;
	int rc;

	memset(&info, 0, sizeof info);
	if (out)
		memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_SUPERVISORE, _("revoke access codes"))))
		return rc;
	if (!reason || !*reason)
		return cn_set_error(ctx, CN_EUSAGE, _("a revocation needs its reason (--reason TEXT)"));
	code_typed_parse(input, &t);
	if (t.state != CODE_TYPED_OK)
		return cn_set_error(ctx, CN_EUSAGE,
			_("'%s' is not a valid code (probably mistyped): look it up with 'centralino code find' first"),
			input ? input : "");
	if ((rc = db_begin(ctx)))
		return rc;
	return revoke_finish(ctx, revoke_in_tx(ctx, t.norm, reason, &info), &info, out);
}

int code_revoke_active(struct cn_ctx *ctx, const char *campaign_key, const char *respondent,
		       const char *reason, struct code_info *out)
{
	struct campaign c;
	struct code_info info;
	char id[RESPONDENT_ID_BUFSZ], code[CODE_BUFSZ] = "";
	sqlite3_stmt *st;
	int rc;

	memset(&info, 0, sizeof info);
	if (out)
		memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_SUPERVISORE, _("revoke access codes"))))
		return rc;
	if (!reason || !*reason)
		return cn_set_error(ctx, CN_EUSAGE, _("a revocation needs its reason"));
	if ((rc = campaign_resolve_respondent(ctx, respondent, id)))
		return rc;
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = campaign_load(ctx, campaign_key, &c)) ||
	    (rc = db_prepare(ctx, &st,
		"SELECT code FROM access_code WHERE campaign_id = ? AND respondent_id = ? AND state = 'active'")))
		return revoke_finish(ctx, rc, &info, out);
	sqlite3_bind_int64(st, 1, c.id);
	db_bind_text(st, 2, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(code, sizeof code, "%s", db_col(st, 0));
	sqlite3_finalize(st);
	if (!code[0]) {
		char *name = registry_respondent_name(ctx, id);
		rc = cn_set_error(ctx, CN_ENOINPUT, _("%s (%s) has no active code for campaign %s"), name, id, c.key);
		free(name);
		return revoke_finish(ctx, rc, &info, out);
	}
	return revoke_finish(ctx, revoke_in_tx(ctx, code, reason, &info), &info, out);
}

int code_reveal(struct cn_ctx *ctx, const char *campaign_key, const char *respondent,
		struct code_info *out)
{
	struct campaign c;
	struct audit_details details = {0};
	char id[RESPONDENT_ID_BUFSZ], idtxt[24];
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_OPERATORE, _("see access codes"))) ||
	    (rc = campaign_resolve_respondent(ctx, respondent, id)))
		return rc;
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = campaign_load(ctx, campaign_key, &c)))
		goto fail;
	if ((rc = db_prepare(ctx, &st,
		"SELECT " CODE_COLS CODE_FROM " WHERE a.campaign_id = ? AND a.respondent_id = ? AND a.state = 'active'")))
		goto fail;
	sqlite3_bind_int64(st, 1, c.id);
	db_bind_text(st, 2, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		code_info_read(st, out, 1);
		rc = CN_OK;
	} else if (rc == SQLITE_DONE) {
		char *name = registry_respondent_name(ctx, id);
		rc = cn_set_error(ctx, CN_ENOINPUT, _("%s (%s) has no active code for campaign %s"),
				  name, id, c.key);
		free(name);
	} else {
		rc = db_fail(ctx, _("reading the codes"));
	}
	sqlite3_finalize(st);
	if (rc)
		goto fail;
	audit_kv(&details, "campaign", c.key);
	audit_kv(&details, "respondent", id);
	snprintf(idtxt, sizeof idtxt, "%lld", out->id);
	if ((rc = audit_write(ctx, "code.reveal", "access_code", idtxt, &details)) ||
	    (rc = db_commit(ctx)))
		goto fail;
	audit_details_free(&details);
	return CN_OK;
fail:
	db_rollback(ctx);
	audit_details_free(&details);
	code_info_free(out);
	return rc;
}

/* The respondents of the campaign without an active code. */
static int without_code(struct cn_ctx *ctx, long long campaign_id, char ***ids, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	if ((rc = db_prepare(ctx, &st,
		"SELECT respondent_id FROM campaign_respondent cr WHERE campaign_id = ?1 AND NOT EXISTS"
		" (SELECT 1 FROM access_code a WHERE a.campaign_id = ?1 AND a.respondent_id = cr.respondent_id"
		"  AND a.state = 'active') ORDER BY respondent_id")))
		return rc;
	sqlite3_bind_int64(st, 1, campaign_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 1024;
			*ids = xrealloc(*ids, ncap * sizeof **ids);
			cap = ncap;
		}
		if (!((*ids)[*n] = db_col_dup(st, 0)))
			break;
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return CN_OK;
	for (size_t i = 0; i < *n; i++)
		free((*ids)[i]);
	free(*ids);
	*ids = NULL;
	*n = 0;
	return rc == SQLITE_ROW ? cn_set_error(ctx, CN_EOSERR, _("out of memory"))
				: db_fail(ctx, _("reading the campaign's respondents"));
}

int code_generate_all(struct cn_ctx *ctx, const char *campaign_key, long *created)
{
	struct campaign c;
	struct audit_details details = {0};
	sqlite3_stmt *ins = NULL;
	char now[21], code[CODE_BUFSZ];
	char **ids = NULL;
	size_t n = 0, done = 0;
	int rc;

	*created = 0;
	if ((rc = cn_require(ctx, CN_ROLE_SUPERVISORE, _("make codes in bulk"))))
		return rc;
	cn_now_iso(ctx, now);
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = campaign_load(ctx, campaign_key, &c)) || (rc = campaign_require_codes(ctx, &c)))
		goto fail;
	if ((rc = without_code(ctx, c.id, &ids, &n)))
		goto fail;
	if ((rc = db_prepare(ctx, &ins,
		"INSERT INTO access_code (code, campaign_id, respondent_id, state, origin, issued_at, issued_by)"
		" VALUES (?, ?, ?, 'active', 'lotto', ?, ?)")))
		goto fail;
	sqlite3_bind_int64(ins, 2, c.id);
	db_bind_text(ins, 4, now);
	db_bind_text(ins, 5, cn_login(ctx));
	for (done = 0; done < n; done++) {
		int tries = 0, step;
		sqlite3_reset(ins);
		db_bind_text(ins, 3, ids[done]);
		do {
			if (code_random(code, c.code_length)) {
				rc = cn_set_error(ctx, CN_EOSERR, _("no random numbers from the system (getrandom)"));
				goto fail;
			}
			sqlite3_reset(ins);
			sqlite3_bind_text(ins, 1, code, -1, SQLITE_TRANSIENT);
			step = sqlite3_step(ins);
			/* a code drawn twice (about 1 in 10^17): draw again */
		} while (step == SQLITE_CONSTRAINT && ++tries < 8 &&
			 strstr(sqlite3_errmsg(ctx->db), "access_code.code"));
		if (step != SQLITE_DONE) {
			rc = db_fail(ctx, _("saving the codes"));
			goto fail;
		}
	}
	if (!n) {
		db_rollback(ctx); /* nothing to make: no trace */
		goto out;
	}
	audit_kv(&details, "campaign", c.key);
	audit_kv_long(&details, "created", (long long)n);
	if ((rc = audit_write(ctx, "code.generate", "campaign", c.key, &details)) ||
	    (rc = db_commit(ctx)))
		goto fail;
	*created = (long)n;
	goto out;
fail:
	db_rollback(ctx);
out:
	sqlite3_finalize(ins);
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	audit_details_free(&details);
	return rc;
}
