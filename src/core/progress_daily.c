/* The day-by-day series: codes given out, calls by category, submissions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_internal.h"
#include "centralino/clock.h"
#include "centralino/xalloc.h"

/* Counts per local day (and call category). The queries count by UTC
 * hour, turned into local days here: sqlite's date(x, 'localtime') on each
 * of 200,000 calls costs ten times more. */
struct ev {
	char day[11];
	int cat;        /* index into categories, -1 none */
	long n;
};
struct evs {
	size_t n, cap;
	struct ev *v;
};

static void evs_add(struct evs *e, const char *day, int cat, long n)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 64;
		e->v = xrealloc(e->v, e->cap * sizeof *e->v);
	}
	snprintf(e->v[e->n].day, sizeof e->v[e->n].day, "%s", day);
	e->v[e->n].cat = cat;
	e->v[e->n++].n = n;
}

static int cat_index(const struct progress_daily *d, const char *name)
{
	for (size_t i = 0; i < d->ncat; i++)
		if (strcmp(d->categories[i], name) == 0)
			return (int)i;
	return -1;
}

static int load_events(struct cn_ctx *ctx, struct progress_daily *d, const char *sql, struct evs *out)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_prepare(ctx, &st, sql)))
		return rc;
	sqlite3_bind_int64(st, 1, d->campaign.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char iso[21], day[11];
		/* the UTC hour to its local day (Italy's offsets are whole hours) */
		snprintf(iso, sizeof iso, "%.13s:00:00Z", db_col(st, 0));
		cn_iso_day(iso, day);
		if (day[0])
			evs_add(out, day, -1, (long)sqlite3_column_int64(st, 1));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the daily series"));
}

/* Calls per local day and category: the campaign's calls read in time
 * order from an index that holds the category, counted here (a GROUP BY
 * over 200,000 calls costs ten times more). */
static int load_calls(struct cn_ctx *ctx, struct progress_daily *d, struct evs *out)
{
	sqlite3_stmt *st;
	char hour[14] = "", day[11] = "";
	long *n = xcalloc(d->ncat + 1, sizeof *n);
	int rc;

	if ((rc = db_prepare(ctx, &st,
		"SELECT started_at, category FROM call INDEXED BY call_campaign_category"
		" WHERE campaign_id = ? ORDER BY started_at"))) {
		free(n);
		return rc;
	}
	sqlite3_bind_int64(st, 1, d->campaign.id);
	for (;;) {
		int row = (rc = sqlite3_step(st)) == SQLITE_ROW, cat;
		const char *at = row ? db_col(st, 0) : "";
		char nday[11] = "";
		if (row && strncmp(at, hour, 13) == 0) {
			if ((cat = cat_index(d, db_col(st, 1))) >= 0)
				n[cat]++;
			continue;
		}
		if (row) {
			char iso[21];
			snprintf(hour, sizeof hour, "%.13s", at);
			snprintf(iso, sizeof iso, "%s:00:00Z", hour);
			cn_iso_day(iso, nday);
		}
		/* a new day (or the end): what was counted goes out */
		if (!row || strcmp(nday, day) != 0) {
			for (size_t c = 0; day[0] && c < d->ncat; c++)
				if (n[c])
					evs_add(out, day, (int)c, n[c]);
			memset(n, 0, d->ncat * sizeof *n);
			snprintf(day, sizeof day, "%s", nday);
		}
		if (!row)
			break;
		if ((cat = cat_index(d, db_col(st, 1))) >= 0)
			n[cat]++;
	}
	sqlite3_finalize(st);
	free(n);
	return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the daily series"));
}

static int load_categories(struct cn_ctx *ctx, struct progress_daily *d)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	if ((rc = db_prepare(ctx, &st, "SELECT name FROM call_category ORDER BY position, name")))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (d->ncat == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			char **p = xrealloc(d->categories, ncap * sizeof *p);
			d->categories = p;
			cap = ncap;
		}
		if (!(d->categories[d->ncat] = db_col_dup(st, 0)))
			break;
		d->ncat++;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return cn_set_error(ctx, CN_EOSERR, _("out of memory"));
	return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the call categories"));
}

static void span(const struct evs *e, char first[11], char last[11])
{
	for (size_t i = 0; i < e->n; i++) {
		if (strcmp(e->v[i].day, first) < 0)
			snprintf(first, 11, "%s", e->v[i].day);
		if (strcmp(e->v[i].day, last) > 0)
			snprintf(last, 11, "%s", e->v[i].day);
	}
}

static void build_days(struct progress_daily *d, const char *first, const char *last)
{
	size_t cap = 0;
	char day[11];

	for (snprintf(day, sizeof day, "%s", first); day[0] && strcmp(day, last) <= 0; cn_ymd_add_days(day, 1, day)) {
		struct progress_day *x;
		if (d->n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct progress_day *p = xrealloc(d->days, ncap * sizeof *p);
			d->days = p;
			cap = ncap;
		}
		x = &d->days[d->n];
		memset(x, 0, sizeof *x);
		snprintf(x->date, sizeof x->date, "%s", day);
		d->n++;
		if (d->ncat)
			x->calls = xcalloc(d->ncat, sizeof *x->calls);
	}
}

static struct progress_day *find_day(struct progress_daily *d, const char *day)
{
	size_t lo = 0, hi = d->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(d->days[mid].date, day);
		if (c == 0)
			return &d->days[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Submissions per local day, from the snapshot (a day may come more than
 * once: the days are added up when they are placed). */
static void submissions(const struct snapshot *s, struct evs *out)
{
	for (size_t i = 0; i < s->n; i++) {
		char day[11];
		if (s->v[i].status != PROGRESS_INVIATO)
			continue;
		cn_iso_day(s->v[i].submitted_at, day);
		if (!day[0])
			continue;
		if (out->n && strcmp(out->v[out->n - 1].day, day) == 0)
			out->v[out->n - 1].n++;
		else
			evs_add(out, day, -1, 1);
	}
}

int progress_daily_build(struct cn_ctx *ctx, const struct snapshot *s, int what,
		struct progress_daily *out)
{
	static const char code_sql[] =
		"SELECT substr(given_at, 1, 13), count(*) FROM access_code"
		" WHERE campaign_id = ? AND given_at IS NOT NULL GROUP BY 1";
	struct evs subs = {0}, codes = {0}, calls = {0};
	struct progress_pace pace;
	char first[11], last[11];
	long cum = 0;
	int rc;

	memset(out, 0, sizeof *out);
	out->campaign = s->campaign;
	progress_snapshot_pace(s, &pace);
	out->denominator = pace.denominator;
	submissions(s, &subs);
	if (what == PROGRESS_DAILY_FULL) {
		if ((rc = db_exec(ctx, "BEGIN")))
			goto done;
		if (!(rc = load_events(ctx, out, code_sql, &codes)) &&
		    !(rc = load_categories(ctx, out)))
			rc = load_calls(ctx, out, &calls);
		db_rollback(ctx);
		if (rc)
			goto done;
	}
	/* from the opening (or the first event) to today, or the deadline
	 * when past it (or the last event, when later) */
	snprintf(first, sizeof first, "%s", out->campaign.opens_on);
	snprintf(last, sizeof last, "%s", strcmp(s->today, out->campaign.deadline) < 0 ? s->today : out->campaign.deadline);
	span(&subs, first, last);
	span(&codes, first, last);
	span(&calls, first, last);
	build_days(out, first, last);
	for (size_t i = 0; i < subs.n; i++) {
		struct progress_day *x = find_day(out, subs.v[i].day);
		if (x)
			x->submitted += subs.v[i].n;
	}
	for (size_t i = 0; i < codes.n; i++) {
		struct progress_day *x = find_day(out, codes.v[i].day);
		if (x)
			x->codes += codes.v[i].n;
	}
	for (size_t i = 0; i < calls.n; i++) {
		struct progress_day *x = find_day(out, calls.v[i].day);
		if (!x)
			continue;
		x->calls_total += calls.v[i].n;
		if (calls.v[i].cat >= 0)
			x->calls[calls.v[i].cat] += calls.v[i].n;
	}
	for (size_t i = 0; i < out->n; i++) {
		cum += out->days[i].submitted;
		out->days[i].cumulative = cum;
	}
done:
	free(subs.v);
	free(codes.v);
	free(calls.v);
	if (rc)
		progress_daily_free(out);
	return rc;
}

int progress_daily(struct cn_ctx *ctx, const char *campaign_key, int what,
		   struct progress_daily *out)
{
	struct snapshot s;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_SUPERVISORE, _("read the progress reports"))) ||
	    (rc = progress_snapshot_load(ctx, campaign_key, 0, &s)))
		return rc;
	rc = progress_daily_build(ctx, &s, what, out);
	progress_snapshot_free(&s);
	return rc;
}

void progress_daily_free(struct progress_daily *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->days[i].calls);
	for (size_t i = 0; i < d->ncat; i++)
		free(d->categories[i]);
	free(d->days);
	free(d->categories);
	d->days = NULL;
	d->categories = NULL;
	d->n = d->ncat = 0;
}
