/* A call saved with what was done during it, in one transaction: each
 * module's own function runs inside the outer change (db_hold), writes its
 * own rows and audit row, and a call_action row ties it to the call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calls_internal.h"
#include "centralino/callflow.h"
#include "centralino/clock.h"
#include "centralino/extension.h"
#include "centralino/xalloc.h"

void callflow_result_free(struct callflow_result *r)
{
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

static int action_insert(struct cn_ctx *ctx, const char *call_id, int seq, const char *kind,
			 const char *object_id)
{
	char now[21], n[16];
	cn_now_iso(ctx, now);
	snprintf(n, sizeof n, "%d", seq);
	return db_exec_binds(ctx, _("saving the call"),
			     "INSERT INTO call_action (call_id, seq, kind, object_id, at)"
			     " VALUES (?, CAST(? AS INTEGER), ?, ?, ?)",
			     call_id, n, kind, object_id, now, (char *)NULL);
}

static int action_insert_id(struct cn_ctx *ctx, const char *call_id, int seq, const char *kind,
			    long long object_id)
{
	char idtxt[24];
	snprintf(idtxt, sizeof idtxt, "%lld", object_id);
	return action_insert(ctx, call_id, seq, kind, idtxt);
}

/* When the new call follows one whose callback is still open, that callback
 * is answered: the earlier call is closed and says by which call. */
static int answer_callback(struct cn_ctx *ctx, const struct call *c, int *seq, char closed[37])
{
	struct audit_details details = {0};
	char now[21];
	long long open = 0;
	int rc;

	closed[0] = '\0';
	if (!c->follows)
		return CN_OK;
	if ((rc = db_scalar_int(ctx, &open, "SELECT count(*) FROM call WHERE id = ?"
				" AND callback_due IS NOT NULL AND state <> 'chiusa'", c->follows, (char *)NULL)))
		return rc;
	if (!open)
		return CN_OK;
	cn_now_iso(ctx, now);
	if ((rc = db_exec_binds(ctx, _("closing the callback"),
		"UPDATE call SET state = 'chiusa', closed_at = ?, closed_by = ?, updated_at = ?,"
		" version = version + 1 WHERE id = ?", now, cn_login(ctx), now, c->follows, (char *)NULL)))
		return rc;
	audit_kv(&details, "called_back_by", c->id);
	rc = audit_write(ctx, "call.callback_close", "call", c->follows, &details);
	audit_details_free(&details);
	if (rc || (rc = action_insert(ctx, c->id, ++*seq, "callback_close", c->follows)))
		return rc;
	snprintf(closed, 37, "%s", c->follows);
	return CN_OK;
}

static const char *action_campaign(const struct callflow_action *a, const struct call *c)
{
	return a->campaign && *a->campaign ? a->campaign : c->campaign_key;
}

static int code_action(struct cn_ctx *ctx, const struct call *c, const struct callflow_action *a,
		       int seq, struct callflow_done *d)
{
	struct code_issue_req req = {
		.campaign_key = action_campaign(a, c), .respondent = c->respondent_id,
		.caller_name = c->caller_name, .caller_office = c->caller_office,
		.caller_phone = c->phone, .verified = a->verified, .call_id = c->id,
		.reissue = a->kind == CALLFLOW_CODE_REISSUE, .reason = a->reason,
		.save_contact = a->save_contact, .code = a->code,
	};
	struct code_issued out;
	int rc;

	if (!req.campaign_key)
		return cn_set_error(ctx, CN_EUSAGE, _("which campaign is the code for? give the call's campaign"));
	if ((rc = code_issue(ctx, &req, &out))) {
		code_issued_free(&out);
		return rc;
	}
	snprintf(d->code, sizeof d->code, "%s", out.code);
	snprintf(d->revoked, sizeof d->revoked, "%s", out.revoked);
	d->from_batch = out.from_batch;
	d->object_id = out.code_id;
	code_issued_free(&out);
	return action_insert_id(ctx, c->id, seq,
				d->from_batch ? "code_give" : d->revoked[0] ? "code_reissue" : "code_issue",
				d->object_id);
}

/* Reading the code out again: revealed now (audited), or linked when the
 * operator already revealed it during the call. */
static int reveal_action(struct cn_ctx *ctx, const struct call *c, const struct callflow_action *a,
			 int seq, struct callflow_done *d)
{
	const char *campaign = action_campaign(a, c);
	struct code_info info;
	long long id = 0;
	int rc;

	if (!campaign)
		return cn_set_error(ctx, CN_EUSAGE, _("which campaign is the code for? give the call's campaign"));
	if (!a->revealed) {
		if ((rc = code_reveal(ctx, campaign, c->respondent_id, &info)))
			return rc;
		for (size_t i = 0, o = 0; info.code[i] && o + 1 < sizeof d->code; i++)
			if (info.code[i] != ' ')
				d->code[o++] = info.code[i];
		id = info.id;
		code_info_free(&info);
	} else {
		if ((rc = db_scalar_int(ctx, &id, "SELECT a.id FROM access_code a JOIN campaign k"
					" ON k.id = a.campaign_id WHERE k.key = ? AND a.respondent_id = ?"
					" AND a.state = 'active'", campaign, c->respondent_id, (char *)NULL)))
			return rc;
		if (!id)
			return cn_set_error(ctx, CN_ENOINPUT, _("%s has no active code for campaign %s"),
					    c->respondent_id, campaign);
	}
	d->object_id = id;
	return action_insert_id(ctx, c->id, seq, "code_reveal", id);
}

static int extension_action(struct cn_ctx *ctx, const struct call *c, const struct callflow_action *a,
			    int seq, struct callflow_done *d)
{
	const char *campaign = action_campaign(a, c);
	struct extension e;
	int rc;

	if (!campaign)
		return cn_set_error(ctx, CN_EUSAGE, _("which campaign is the proroga for? give the call's campaign"));
	memset(&e, 0, sizeof e);
	if ((rc = extension_grant(ctx, campaign, c->respondent_id, a->until, a->reason, &e, NULL)))
		return rc;
	snprintf(d->until, sizeof d->until, "%s", e.until);
	d->object_id = e.id;
	extension_free(&e);
	return action_insert_id(ctx, c->id, seq, "extension_grant", d->object_id);
}

static int contact_action(struct cn_ctx *ctx, const struct call *c, const struct callflow_action *a,
			  int seq, struct callflow_done *d)
{
	struct contact_new n = {
		.respondent = c->respondent_id, .kind = a->contact_kind, .value = a->value,
		.name = a->name, .office = a->office, .source = "telefonata",
	};
	int rc;
	if ((rc = contact_add(ctx, &n, &d->object_id)))
		return rc;
	return action_insert_id(ctx, c->id, seq, "contact_add", d->object_id);
}

static int run_action(struct cn_ctx *ctx, const struct call *c, const struct callflow_action *a,
		      int seq, struct callflow_done *d)
{
	memset(d, 0, sizeof *d);
	d->kind = a->kind;
	if (!c->respondent_id)
		return cn_set_error(ctx, CN_EUSAGE,
			_("codes, proroghe and contacts need the respondent: the call is unidentified"));
	switch (a->kind) {
	case CALLFLOW_CODE:
	case CALLFLOW_CODE_REISSUE:
		return code_action(ctx, c, a, seq, d);
	case CALLFLOW_CODE_REVEAL:
		return reveal_action(ctx, c, a, seq, d);
	case CALLFLOW_EXTENSION:
		return extension_action(ctx, c, a, seq, d);
	case CALLFLOW_CONTACT:
		return contact_action(ctx, c, a, seq, d);
	}
	return cn_set_error(ctx, CN_EUSAGE, _("unknown call action"));
}

int callflow_save(struct cn_ctx *ctx, const struct call_input *in,
		  const struct callflow_action *actions, size_t n, struct callflow_result *out)
{
	struct call c;
	int rc, seq = 0;

	memset(out, 0, sizeof *out);
	memset(&c, 0, sizeof c);
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("log calls"))))
		return rc;
	if (n)
		out->v = xcalloc(n, sizeof *out->v);
	if ((rc = db_hold(ctx))) {
		callflow_result_free(out);
		return rc;
	}
	if ((rc = calls_add(ctx, in, out->call_id)) || (rc = calls_get(ctx, out->call_id, &c)) ||
	    (rc = answer_callback(ctx, &c, &seq, out->callback_closed)))
		goto fail;
	for (size_t i = 0; i < n; i++, out->n++)
		if ((rc = run_action(ctx, &c, &actions[i], ++seq, &out->v[i])))
			goto fail;
	call_free(&c);
	if ((rc = db_release(ctx, 1))) {
		/* the commit failed and rolled back: nothing was saved */
		callflow_result_free(out);
		out->call_id[0] = out->callback_closed[0] = '\0';
	}
	return rc;
fail:
	db_release(ctx, 0);
	call_free(&c);
	callflow_result_free(out);
	out->call_id[0] = out->callback_closed[0] = '\0';
	return rc;
}

void callflow_steps_free(struct callflow_steps *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].text);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

/* The sentence for one step, from what the query joined to it. */
static char *step_text(const char *kind, const char *object, const char *code,
		       const char *campaign, const char *more)
{
	char masked[CODE_GROUPED_BUFSZ * 3], shown[11], buf[512];
	code_mask(code, masked, sizeof masked);
	if (strcmp(kind, "code_issue") == 0)
		snprintf(buf, sizeof buf, _("code %s issued (%s)"), masked, campaign);
	else if (strcmp(kind, "code_give") == 0)
		snprintf(buf, sizeof buf, _("code %s given (%s)"), masked, campaign);
	else if (strcmp(kind, "code_reissue") == 0)
		snprintf(buf, sizeof buf, _("code %s re-issued (%s)"), masked, campaign);
	else if (strcmp(kind, "code_reveal") == 0)
		snprintf(buf, sizeof buf, _("code %s read out again (%s)"), masked, campaign);
	else if (strcmp(kind, "extension_grant") == 0) {
		cn_date_display(more, shown);
		snprintf(buf, sizeof buf, _("proroga until %s (%s)"), shown, campaign);
	} else if (strcmp(kind, "contact_add") == 0)
		snprintf(buf, sizeof buf, _("contact added: %s"), more);
	else
		snprintf(buf, sizeof buf, _("answered the callback of call %.8s"), object);
	return xstrdup(buf);
}

int callflow_steps_of(struct cn_ctx *ctx, const char *call_id, struct callflow_steps *out)
{
	sqlite3_stmt *st;
	char id[37];
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = calls_resolve_id(ctx, call_id, id)) ||
	    (rc = db_prepare(ctx, &st,
		"SELECT a.kind, a.object_id, a.at, coalesce(ac.code, ''),"
		"       coalesce(k1.key, k2.key, ''), coalesce(e.until, ct.value, '')"
		"  FROM call_action a"
		"  LEFT JOIN access_code ac ON a.kind GLOB 'code_*' AND ac.id = a.object_id"
		"  LEFT JOIN campaign k1 ON k1.id = ac.campaign_id"
		"  LEFT JOIN extension e ON a.kind = 'extension_grant' AND e.id = a.object_id"
		"  LEFT JOIN campaign k2 ON k2.id = e.campaign_id"
		"  LEFT JOIN contact ct ON a.kind = 'contact_add' AND ct.id = a.object_id"
		" WHERE a.call_id = ? ORDER BY a.seq")))
		return rc;
	db_bind_text(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct callflow_step *s;
		out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
		s = &out->v[out->n++];
		snprintf(s->kind, sizeof s->kind, "%s", db_col(st, 0));
		snprintf(s->object_id, sizeof s->object_id, "%s", db_col(st, 1));
		s->at = calls_iso_time(db_col(st, 2));
		s->text = step_text(s->kind, s->object_id, db_col(st, 3), db_col(st, 4), db_col(st, 5));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		callflow_steps_free(out);
		return db_fail(ctx, _("reading the call"));
	}
	return CN_OK;
}

int callflow_called_back(struct cn_ctx *ctx, const char *call_id, char by[37], time_t *at)
{
	sqlite3_stmt *st;
	int rc;

	by[0] = '\0';
	*at = 0;
	if ((rc = db_prepare(ctx, &st, "SELECT a.call_id, c.started_at FROM call_action a"
				       " JOIN call c ON c.id = a.call_id"
				       " WHERE a.kind = 'callback_close' AND a.object_id = ?")))
		return rc;
	db_bind_text(st, 1, call_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(by, 37, "%s", db_col(st, 0));
		*at = calls_iso_time(db_col(st, 1));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the call"));
}

int callflow_callbacks_today(struct cn_ctx *ctx, int everyone, struct call_list *out)
{
	char ymd[11], end_iso[21];
	time_t start, end;
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("read the call log"))))
		return rc;
	cn_fmt_ymd(cn_now(ctx), ymd);
	if ((rc = cn_day_bounds(ymd, &start, &end)))
		return cn_set_error(ctx, CN_ESOFTWARE, _("no day bounds for %s"), ymd);
	cn_fmt_iso(end, end_iso);
	if ((rc = db_prepare(ctx, &st, CALLS_SELECT
		" WHERE c.callback_due IS NOT NULL AND c.state <> 'chiusa' AND c.callback_due < ?1"
		" AND (?2 OR c.callback_owner = ?3) ORDER BY c.callback_due, c.rowid")))
		return rc;
	db_bind_text(st, 1, end_iso);
	sqlite3_bind_int(st, 2, everyone != 0);
	db_bind_text(st, 3, cn_login(ctx));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
		if (calls_read_row(st, &out->v[out->n])) {
			call_free(&out->v[out->n]);
			break;
		}
		out->n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		call_list_free(out);
		return rc == SQLITE_ROW ? cn_set_error(ctx, CN_EOSERR, _("out of memory"))
					: db_fail(ctx, _("reading the call log"));
	}
	return CN_OK;
}
