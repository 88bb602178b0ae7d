/* Calls: finding one, listing with filters, earlier calls from a number,
 * callbacks due. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calls_internal.h"
#include "centralino/clock.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"

static int may_read(struct cn_ctx *ctx)
{
	return cn_require(ctx, CN_ROLE_ASSISTENZA, _("read the call log"));
}

int calls_resolve_id(struct cn_ctx *ctx, const char *in, char out[37])
{
	char prefix[40];
	sqlite3_stmt *st;
	size_t n = 0;
	int rows = 0, rc;

	while (in && isspace((unsigned char)*in))
		in++;
	for (; in && *in && !isspace((unsigned char)*in) && n < 36; in++)
		prefix[n++] = (char)tolower((unsigned char)*in);
	prefix[n] = '\0';
	if (n < 4 || strspn(prefix, "0123456789abcdef-") != n || (in && *in && !isspace((unsigned char)*in)))
		return cn_set_error(ctx, CN_EUSAGE,
			_("'%s' is not a call id (the id, or at least its first 4 characters)"), prefix);
	prefix[n] = '*';
	prefix[n + 1] = '\0';
	if ((rc = db_prepare(ctx, &st, "SELECT id FROM call WHERE id GLOB ? ORDER BY id LIMIT 2")))
		return rc;
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (rows++ == 0)
			snprintf(out, 37, "%s", db_col(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(ctx, _("finding the call"));
	prefix[n] = '\0';
	if (rows == 0)
		return cn_set_error(ctx, CN_ENOINPUT, _("no call %s"), prefix);
	if (rows > 1)
		return cn_set_error(ctx, CN_EDATA, _("%s is the start of several calls: give more of the id"), prefix);
	return CN_OK;
}

int calls_get(struct cn_ctx *ctx, const char *id_or_prefix, struct call *out)
{
	sqlite3_stmt *st;
	char id[37];
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = may_read(ctx)) || (rc = calls_resolve_id(ctx, id_or_prefix, id)))
		return rc;
	if ((rc = db_prepare(ctx, &st, CALLS_SELECT " WHERE c.id = ?")))
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = calls_read_row(st, out);
	else
		rc = rc == SQLITE_DONE ? cn_set_error(ctx, CN_ENOINPUT, _("no call %s"), id)
				       : db_fail(ctx, _("reading the call"));
	sqlite3_finalize(st);
	if (rc)
		call_free(out);
	return rc;
}

/* The text and integer values a list query binds, numbered ?1, ?2 ... */
struct binds {
	int n;
	struct { const char *text; long long num; int is_num; } v[12];
	char own[12][80];
};

static void bind_text(struct binds *b, const char *s)
{
	snprintf(b->own[b->n], sizeof b->own[b->n], "%s", s);
	b->v[b->n].text = b->own[b->n];
	b->v[b->n].is_num = 0;
	b->n++;
}

static void bind_num(struct binds *b, long long v)
{
	b->v[b->n].num = v;
	b->v[b->n].is_num = 1;
	b->n++;
}

static int run_list(struct cn_ctx *ctx, const char *where, struct binds *b, size_t limit,
		    struct call_list *out)
{
	struct cn_buf sql = {0};
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	buf_puts(&sql, CALLS_SELECT);
	buf_puts(&sql, where);
	bind_num(b, limit ? (long long)limit : -1LL);
	buf_printf(&sql, " ORDER BY c.started_at DESC, c.rowid DESC LIMIT ?%d", b->n);
	rc = db_prepare(ctx, &st, buf_str(&sql));
	buf_free(&sql);
	if (rc)
		return rc;
	for (int i = 0; i < b->n; i++) {
		if (b->v[i].is_num)
			sqlite3_bind_int64(st, i + 1, b->v[i].num);
		else
			sqlite3_bind_text(st, i + 1, b->v[i].text, -1, SQLITE_TRANSIENT);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 32;
			out->v = xrealloc(out->v, ncap * sizeof *out->v);
			cap = ncap;
		}
		if (calls_read_row(st, &out->v[out->n])) {
			call_free(&out->v[out->n]);
			rc = SQLITE_NOMEM;
			break;
		}
		out->n++;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_NOMEM) {
		call_list_free(out);
		return cn_set_error(ctx, CN_EOSERR, _("out of memory"));
	}
	if (rc != SQLITE_DONE) {
		call_list_free(out);
		return db_fail(ctx, _("reading the call log"));
	}
	return CN_OK;
}

int calls_list(struct cn_ctx *ctx, const struct call_filter *f, struct call_list *out)
{
	struct binds b = {0};
	struct cn_buf where = {0};
	const char *me = f->login && *f->login ? f->login : cn_login(ctx);
	char now[21], iso[21];
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = may_read(ctx)))
		return rc;
	buf_puts(&where, " WHERE 1");
	if (f->open)
		buf_puts(&where, " AND c.state <> 'chiusa'");
	if (f->callbacks_due) {
		cn_now_iso(ctx, now);
		bind_text(&b, now);
		buf_printf(&where, " AND c.state <> 'chiusa' AND c.callback_due IS NOT NULL"
				   " AND c.callback_due <= ?%d", b.n);
	}
	if (f->mine) {
		bind_text(&b, me);
		if (f->callbacks_due)
			buf_printf(&where, " AND c.callback_owner = ?%d", b.n);
		else
			buf_printf(&where, " AND (c.operator = ?%d OR c.callback_owner = ?%d)", b.n, b.n);
	}
	if (f->respondent && *f->respondent) {
		char id[80];
		if ((rc = calls_find_respondent(ctx, f->respondent, id, sizeof id)))
			goto out;
		bind_text(&b, id);
		buf_printf(&where, " AND c.respondent_id = ?%d", b.n);
	}
	if (f->campaign && *f->campaign) {
		long long id;
		if ((rc = calls_find_campaign(ctx, f->campaign, &id)))
			goto out;
		bind_num(&b, id);
		buf_printf(&where, " AND c.campaign_id = ?%d", b.n);
	}
	if (f->since) {
		cn_fmt_iso(f->since, iso);
		bind_text(&b, iso);
		buf_printf(&where, " AND c.started_at >= ?%d", b.n);
	}
	if (f->until) {
		cn_fmt_iso(f->until, iso);
		bind_text(&b, iso);
		buf_printf(&where, " AND c.started_at < ?%d", b.n);
	}
	if (f->category && *f->category) {
		long long n;
		if ((rc = db_scalar_int(ctx, &n, "SELECT count(*) FROM call_category WHERE name = ?",
					f->category, (char *)NULL)))
			goto out;
		if (!n) {
			rc = cn_set_error(ctx, CN_ENOINPUT, _("no category '%s' (see 'centralino call category list')"),
					  f->category);
			goto out;
		}
		bind_text(&b, f->category);
		buf_printf(&where, " AND c.category = ?%d", b.n);
	}
	if (f->phone && *f->phone) {
		char key[PHONE_KEY_MAX];
		const char *why;
		if (phone_normalise(f->phone, key, &why)) {
			rc = cn_set_error(ctx, CN_EUSAGE, _("phone: '%s': %s"), f->phone, why);
			goto out;
		}
		bind_text(&b, key);
		buf_printf(&where, " AND c.phone = ?%d", b.n);
	}
	if (f->follows && *f->follows) {
		bind_text(&b, f->follows);
		buf_printf(&where, " AND c.follows_call = ?%d", b.n);
	}
	rc = run_list(ctx, buf_str(&where), &b, f->limit, out);
out:
	buf_free(&where);
	return rc;
}

int calls_by_phone(struct cn_ctx *ctx, const char *phone, size_t limit, struct call_list *out)
{
	struct call_filter f = {.phone = phone, .limit = limit};
	memset(out, 0, sizeof *out);
	if (!phone || !phone[strspn(phone, " \t")])
		return cn_set_error(ctx, CN_EUSAGE, _("no phone number given"));
	return calls_list(ctx, &f, out);
}

int calls_callbacks_due_count(struct cn_ctx *ctx, const char *login, long *count)
{
	char now[21];
	long long n = 0;
	int rc;
	*count = 0;
	if ((rc = may_read(ctx)))
		return rc;
	cn_now_iso(ctx, now);
	rc = db_scalar_int(ctx, &n,
		"SELECT count(*) FROM call WHERE callback_owner = ? AND callback_due IS NOT NULL"
		" AND state <> 'chiusa' AND callback_due <= ?",
		login && *login ? login : cn_login(ctx), now, (char *)NULL);
	*count = (long)n;
	return rc;
}
