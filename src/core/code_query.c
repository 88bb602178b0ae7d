/* Reading codes: lists, a respondent's codes, and "whose code is this?". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code_internal.h"
#include "centralino/xalloc.h"

void code_info_read(sqlite3_stmt *st, struct code_info *c, int reveal)
{
	char **fields[] = {
		&c->campaign_key, &c->campaign_name, &c->respondent_id, &c->respondent_name,
		&c->respondent_kind, &c->state, &c->origin, &c->issued_at, &c->issued_by,
		&c->given_at, &c->given_by, &c->caller_name, &c->caller_office,
		&c->caller_phone, &c->verified, &c->call_id, &c->revoked_at, &c->revoked_by,
		&c->revoke_reason,
	};
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	c->revealed = reveal;
	if (reveal)
		snprintf(c->code, sizeof c->code, "%s", db_col(st, 1));
	else
		code_mask(db_col(st, 1), c->code, sizeof c->code);
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		*fields[i] = xstrdup(db_col(st, (int)i + 2));
}

const char *code_info_shown(const struct code_info *c, char *g, size_t gsz)
{
	if (!c->revealed)
		return c->code;
	code_group(c->code, g, gsz);
	return g;
}

void code_info_free(struct code_info *c)
{
	char *fields[] = {
		c->campaign_key, c->campaign_name, c->respondent_id, c->respondent_name,
		c->respondent_kind, c->state, c->origin, c->issued_at, c->issued_by,
		c->given_at, c->given_by, c->caller_name, c->caller_office,
		c->caller_phone, c->verified, c->call_id, c->revoked_at, c->revoked_by,
		c->revoke_reason,
	};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		free(fields[i]);
	memset(c, 0, sizeof *c);
}

struct code_info *code_infos_push(struct code_infos *l)
{
	/* capacity: 16, then doubled each time n reaches a power of two */
	if (l->n == 0 || (l->n >= 16 && (l->n & (l->n - 1)) == 0)) {
		size_t ncap = l->n ? l->n * 2 : 16;
		l->v = xrealloc(l->v, ncap * sizeof *l->v);
	}
	memset(&l->v[l->n], 0, sizeof l->v[0]);
	return &l->v[l->n++];
}

void code_infos_free(struct code_infos *l)
{
	for (size_t i = 0; i < l->n; i++)
		code_info_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* Runs st and collects its rows. */
static int collect(struct cn_ctx *ctx, sqlite3_stmt *st, int reveal, struct code_infos *out)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		code_info_read(st, code_infos_push(out), reveal);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		code_infos_free(out);
		return db_fail(ctx, _("reading the codes"));
	}
	return CN_OK;
}

int code_list(struct cn_ctx *ctx, const char *campaign_key, enum code_state_filter f,
	      int reveal, struct code_infos *out)
{
	struct campaign c;
	struct audit_details details = {0};
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, reveal ? CN_ROLE_SUPERVISORE : CN_ROLE_ASSISTENZA,
			     reveal ? _("see all codes of a campaign in clear") : _("list codes"))))
		return rc;
	if ((rc = campaign_load(ctx, campaign_key, &c)))
		return rc;
	if ((rc = db_prepare(ctx, &st,
		"SELECT " CODE_COLS CODE_FROM
		" WHERE a.campaign_id = ?1 AND (?2 = 0 OR (?2 = 1 AND a.state = 'active')"
		"       OR (?2 = 2 AND a.state = 'revoked'))"
		" ORDER BY r.kind, r.id, a.issued_at, a.id")))
		return rc;
	sqlite3_bind_int64(st, 1, c.id);
	sqlite3_bind_int(st, 2, (int)f);
	if ((rc = collect(ctx, st, reveal, out)) || !reveal)
		return rc;
	/* Seeing every code in clear leaves a trace. */
	audit_kv(&details, "campaign", c.key);
	audit_kv(&details, "filter", f == CODE_ACTIVE ? "active" : f == CODE_REVOKED ? "revoked" : "all");
	audit_kv_long(&details, "codes", (long long)out->n);
	if ((rc = db_begin(ctx)))
		goto fail;
	if ((rc = audit_write(ctx, "code.list_reveal", "campaign", c.key, &details)) ||
	    (rc = db_commit(ctx))) {
		db_rollback(ctx);
		goto fail;
	}
	audit_details_free(&details);
	return CN_OK;
fail:
	audit_details_free(&details);
	code_infos_free(out);
	return rc;
}

int code_of_respondent(struct cn_ctx *ctx, const char *respondent, struct code_infos *out)
{
	char id[RESPONDENT_ID_BUFSZ];
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("list codes"))) ||
	    (rc = campaign_resolve_respondent(ctx, respondent, id)))
		return rc;
	if ((rc = db_prepare(ctx, &st,
		"SELECT " CODE_COLS CODE_FROM " WHERE a.respondent_id = ?"
		" ORDER BY c.opens_on DESC, c.id DESC, a.issued_at DESC, a.id DESC")))
		return rc;
	db_bind_text(st, 1, id);
	return collect(ctx, st, 0, out);
}

/* ---- whose code is this? ---- */

struct find_state {
	struct cn_ctx *ctx;
	sqlite3_stmt *st;
	struct code_find_result *out;
	int failed;
};

static int try_candidate(const char *code, enum code_repair how, size_t pos, void *arg)
{
	struct find_state *fs = arg;
	struct code_find_match *m;
	int rc;

	sqlite3_reset(fs->st);
	sqlite3_bind_text(fs->st, 1, code, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(fs->st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW) {
		fs->failed = db_fail(fs->ctx, _("looking up the code"));
		return 1;
	}
	/* The same code can come from two repairs ("AAB" missing an A). */
	for (size_t i = 0; i < fs->out->n; i++)
		if (fs->out->v[i].info.id == sqlite3_column_int64(fs->st, 0))
			return 0;
	fs->out->v = xrealloc(fs->out->v, (fs->out->n + 1) * sizeof *fs->out->v);
	m = &fs->out->v[fs->out->n];
	memset(m, 0, sizeof *m);
	code_info_read(fs->st, &m->info, 1);
	m->how = how;
	m->pos = pos;
	fs->out->n++;
	return how == CODE_EXACT; /* found as typed: no need for repairs */
}

/* For a role that may not reveal codes: an exact match as in lists (the
 * caller typed it), a repaired one hidden whole, with no place. */
static void mask_found(struct code_find_result *r)
{
	char clear[sizeof r->v[0].info.code];
	r->masked = 1;
	for (size_t i = 0; i < r->n; i++) {
		struct code_find_match *m = &r->v[i];
		snprintf(clear, sizeof clear, "%s", m->info.code);
		code_mask_keep(clear, m->how == CODE_EXACT ? 3 : 0, m->info.code, sizeof m->info.code);
		m->info.revealed = 0;
		if (m->how != CODE_EXACT) {
			m->how = CODE_SLIP;
			m->pos = 0;
		}
	}
}

int code_find(struct cn_ctx *ctx, const char *input, struct code_find_result *out)
{
	struct find_state fs;
	int rc;

	memset(out, 0, sizeof *out);
	fs = (struct find_state){ctx, NULL, out, 0};
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("look up codes"))))
		return rc;
	code_typed_parse(input, &out->typed);
	if (out->typed.state == CODE_TYPED_INVALID)
		return CN_OK;
	if ((rc = db_prepare(ctx, &fs.st, "SELECT " CODE_COLS CODE_FROM " WHERE a.code = ?")))
		return rc;
	code_candidates(&out->typed, try_candidate, &fs);
	sqlite3_finalize(fs.st);
	if (fs.failed) {
		code_find_result_free(out);
		return fs.failed;
	}
	if (!cn_may(ctx, CN_ROLE_OPERATORE))
		mask_found(out);
	return CN_OK;
}

int code_find_is_exact(const struct code_find_result *r)
{
	return r->n == 1 && r->v[0].how == CODE_EXACT;
}

void code_find_result_free(struct code_find_result *r)
{
	for (size_t i = 0; i < r->n; i++)
		code_info_free(&r->v[i].info);
	free(r->v);
	r->v = NULL;
	r->n = 0;
}
