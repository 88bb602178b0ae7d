/* Whom to chase, most useful first (the rule is in progress.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_internal.h"
#include "centralino/clock.h"
#include "centralino/phone.h"
#include "centralino/xalloc.h"

/* Overdue callbacks per respondent: the oldest due one (sqlite takes the
 * other columns from the row holding the min). The index holds every
 * column: no read of the (large) call table. */
static const char overdue_sql[] =
	"SELECT respondent_id, min(callback_due), id, callback_owner FROM call INDEXED BY call_callback_open"
	" WHERE callback_due IS NOT NULL AND state <> 'chiusa' AND callback_due <= ?2"
	"   AND respondent_id IS NOT NULL AND (campaign_id = ?1 OR campaign_id IS NULL)"
	" GROUP BY respondent_id";

static const char last_call_sql[] =
	"SELECT id, started_at, outcome, category FROM call"
	" WHERE respondent_id = ?1 AND (campaign_id = ?2 OR campaign_id IS NULL)"
	" ORDER BY started_at DESC, rowid DESC LIMIT 1";
static const char contact_phone_sql[] =
	"SELECT value FROM contact WHERE respondent_id = ? AND kind = 'telefono' AND removed_at IS NULL"
	" ORDER BY noted_on DESC, added_at DESC, id DESC LIMIT 1";
static const char call_phone_sql[] =
	"SELECT phone FROM call WHERE respondent_id = ? AND phone IS NOT NULL"
	" ORDER BY started_at DESC, rowid DESC LIMIT 1";

static char *col_or_null(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NULL : db_col_dup(st, i);
}

/* The stored key, so both sources show the same way (phone_display). */
static char *phone_key(const char *value)
{
	char key[PHONE_KEY_MAX];
	const char *why;
	return xstrdup(phone_normalise(value, key, &why) == 0 ? key : value);
}

/* 1 a row, 0 none, -1 an error. */
static int step_row(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static int contact_info(struct cn_ctx *ctx, long long campaign_id, sqlite3_stmt *last,
			sqlite3_stmt *cphone, sqlite3_stmt *lphone, struct progress_reminder *r)
{
	int got;

	sqlite3_reset(last);
	sqlite3_bind_text(last, 1, r->respondent_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(last, 2, campaign_id);
	if ((got = step_row(last)) < 0)
		return db_fail(ctx, _("reading the last contacts"));
	if (got) {
		r->last_call_id = db_col_dup(last, 0);
		snprintf(r->last_contact, sizeof r->last_contact, "%s", db_col(last, 1));
		r->last_outcome = col_or_null(last, 2);
		r->last_category = col_or_null(last, 3);
	}
	sqlite3_reset(cphone);
	sqlite3_bind_text(cphone, 1, r->respondent_id, -1, SQLITE_TRANSIENT);
	if ((got = step_row(cphone)) < 0)
		return db_fail(ctx, _("reading the contacts"));
	if (got) {
		r->phone = phone_key(db_col(cphone, 0));
		r->phone_source = "contatto";
		return CN_OK;
	}
	sqlite3_reset(lphone);
	sqlite3_bind_text(lphone, 1, r->respondent_id, -1, SQLITE_TRANSIENT);
	if ((got = step_row(lphone)) < 0)
		return db_fail(ctx, _("reading the last contacts"));
	if (got) {
		r->phone = db_col_dup(lphone, 0);
		r->phone_source = "chiamata";
	}
	return CN_OK;
}

/* A respondent to chase, before the limit, with its place in the ranking
 * as one number (see rank_key). */
struct cand {
	uint64_t key;
	int row;
	int tier;
	int overdue;       /* index into the overdue list, -1 */
};

struct overdue {
	char due[21];
	char *call_id, *owner;
	int rank;          /* by due time, oldest first */
};

/* The ranking rule of progress.h packed into 64 bits, most significant
 * first: tier (2 bits), the callback's rank by due time (16), not capofila
 * (1), population from the largest (25; unknown last), name (16). A
 * dashboard refresh ranks thousands of respondents: comparing integers is
 * what keeps it fast. */
static uint64_t rank_key(int tier, int due_rank, const struct place *p)
{
	const uint64_t popmax = (1u << 25) - 1;
	uint64_t pop = p->population < 0 ? popmax
		       : popmax - 1 - ((uint64_t)p->population < popmax - 1 ? (uint64_t)p->population : popmax - 1);
	uint64_t name = p->name_rank < 0xffff ? (uint64_t)p->name_rank : 0xffff;
	return (uint64_t)tier << 58 | (uint64_t)(due_rank & 0xffff) << 42 |
	       (uint64_t)!p->capofila << 41 | pop << 16 | name;
}

static int cmp_cand(const void *a, const void *b)
{
	uint64_t x = ((const struct cand *)a)->key, y = ((const struct cand *)b)->key;
	return (x > y) - (x < y);
}

static int cmp_due(const void *a, const void *b)
{
	return strcmp((*(const struct overdue *const *)a)->due, (*(const struct overdue *const *)b)->due);
}

/* The first `take` candidates in order, in cand[0..take): a full sort only
 * when the whole list is asked for. */
static void rank(struct cand *cand, size_t n, size_t take)
{
	if (take >= n || take > 64) {
		qsort(cand, n, sizeof *cand, cmp_cand);
		return;
	}
	for (size_t i = 0; i < take; i++) {
		size_t best = i;
		for (size_t j = i + 1; j < n; j++)
			if (cand[j].key < cand[best].key)
				best = j;
		struct cand t = cand[i];
		cand[i] = cand[best];
		cand[best] = t;
	}
}

static int load_overdue(struct cn_ctx *ctx, const struct snapshot *s, struct overdue **out, int *at_row)
{
	sqlite3_stmt *st;
	char now[21];
	size_t n = 0, cap = 0;
	int rc;

	*out = NULL;
	if ((rc = db_prepare(ctx, &st, overdue_sql)))
		return rc;
	cn_fmt_iso(s->now, now);
	sqlite3_bind_int64(st, 1, s->campaign.id);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int p = progress_places_find(s->pl, db_col(st, 0));
		int row = p >= 0 ? s->row_of_place[p] : -1;
		if (row < 0)
			continue;
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct overdue *o = xrealloc(*out, ncap * sizeof *o);
			*out = o;
			cap = ncap;
		}
		snprintf((*out)[n].due, sizeof (*out)[n].due, "%s", db_col(st, 1));
		(*out)[n].call_id = db_col_dup(st, 2);
		(*out)[n].owner = db_col_dup(st, 3);
		at_row[row] = (int)n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(ctx, _("reading the callbacks"));
	if (n) {
		struct overdue **by_due = xmalloc(n * sizeof *by_due);
		for (size_t i = 0; i < n; i++)
			by_due[i] = &(*out)[i];
		qsort(by_due, n, sizeof *by_due, cmp_due);
		for (size_t i = 0; i < n; i++)
			by_due[i]->rank = (int)i;
		free(by_due);
	}
	return (int)n;
}

static const char *const kind_names[] = {"comune", "ambito", "regione"};

static void fill(const struct snapshot *s, const struct cand *c, const struct overdue *due,
		 struct progress_reminder *r)
{
	const struct snap_row *x = &s->v[c->row];
	const struct place *p = &s->pl->v[x->place];
	int prov = p->grp[PROGRESS_BY_PROVINCIA];

	r->tier = (enum progress_tier)c->tier;
	r->respondent_id = xstrdup(p->id);
	r->name = xstrdup(p->name);
	snprintf(r->kind, sizeof r->kind, "%s", kind_names[p->kind == 'c' ? 0 : p->kind == 'a' ? 1 : 2]);
	if (prov >= 0 && s->pl->groups[PROGRESS_BY_PROVINCIA][prov].sigla)
		snprintf(r->sigla, sizeof r->sigla, "%s", s->pl->groups[PROGRESS_BY_PROVINCIA][prov].sigla);
	r->status = x->status;
	r->capofila = p->capofila;
	r->population = p->population;
	r->late = x->late;
	snprintf(r->deadline, sizeof r->deadline, "%s", x->deadline);
	if (c->overdue >= 0) {
		snprintf(r->callback_due, sizeof r->callback_due, "%s", due[c->overdue].due);
		r->callback_call_id = due[c->overdue].call_id ? xstrdup(due[c->overdue].call_id) : NULL;
		r->callback_owner = due[c->overdue].owner ? xstrdup(due[c->overdue].owner) : NULL;
	}
}

int progress_reminders_build(struct cn_ctx *ctx, const struct snapshot *s, int limit,
		    struct progress_reminders *out)
{
	struct overdue *due = NULL;
	struct cand *cand = NULL;
	int *due_at = NULL, ndue = 0;
	sqlite3_stmt *last = NULL, *cphone = NULL, *lphone = NULL;
	size_t n = 0, take;
	int rc;

	memset(out, 0, sizeof *out);
	cand = xmalloc((s->n + 1) * sizeof *cand);
	due_at = xmalloc((s->n + 1) * sizeof *due_at);
	memset(due_at, 0xff, (s->n + 1) * sizeof *due_at); /* -1 */
	if ((rc = db_exec(ctx, "BEGIN")))
		goto done;
	if ((ndue = load_overdue(ctx, s, &due, due_at)) < 0) {
		rc = ndue;
		ndue = 0;
		goto done;
	}
	for (size_t i = 0; i < s->n; i++) {
		const struct snap_row *x = &s->v[i];
		struct cand *c;
		if (x->status == PROGRESS_INVIATO || x->status == PROGRESS_ESONERATO || x->screened)
			continue;
		c = &cand[n++];
		c->row = (int)i;
		c->overdue = due_at[i];
		c->tier = c->overdue >= 0 ? PROGRESS_TIER_CALLBACK
			: x->status == PROGRESS_CODICE_EMESSO || x->status == PROGRESS_IN_COMPILAZIONE
			? PROGRESS_TIER_CODE : PROGRESS_TIER_NO_CODE;
		c->key = rank_key(c->tier, c->overdue >= 0 ? due[c->overdue].rank : 0, &s->pl->v[x->place]);
	}
	out->total = (long)n;
	take = limit > 0 && (size_t)limit < n ? (size_t)limit : n;
	rank(cand, n, take);
	if (take)
		out->v = xcalloc(take, sizeof *out->v);
	if ((rc = db_prepare(ctx, &last, last_call_sql)) ||
	    (rc = db_prepare(ctx, &cphone, contact_phone_sql)) ||
	    (rc = db_prepare(ctx, &lphone, call_phone_sql)))
		goto done;
	for (size_t i = 0; i < take && !rc; i++) {
		struct progress_reminder *r = &out->v[out->n++];
		fill(s, &cand[i], due, r);
		r->rank = (int)i + 1;
		rc = contact_info(ctx, s->campaign.id, last, cphone, lphone, r);
	}
done:
	sqlite3_finalize(last);
	sqlite3_finalize(cphone);
	sqlite3_finalize(lphone);
	db_rollback(ctx);
	for (int i = 0; i < ndue; i++) {
		free(due[i].call_id);
		free(due[i].owner);
	}
	free(due);
	free(due_at);
	free(cand);
	if (rc)
		progress_reminders_free(out);
	return rc;
}

int progress_reminders(struct cn_ctx *ctx, const char *campaign_key, int limit,
		       struct progress_reminders *out)
{
	struct snapshot s;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("read the reminders list"))) ||
	    (rc = progress_snapshot_load(ctx, campaign_key, 1, &s)))
		return rc;
	rc = progress_reminders_build(ctx, &s, limit, out);
	progress_snapshot_free(&s);
	return rc;
}

void progress_reminders_free(struct progress_reminders *r)
{
	for (size_t i = 0; i < r->n; i++) {
		struct progress_reminder *x = &r->v[i];
		free(x->respondent_id);
		free(x->name);
		free(x->callback_call_id);
		free(x->callback_owner);
		free(x->last_call_id);
		free(x->last_outcome);
		free(x->last_category);
		free(x->phone);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}
