/* Completion by group, with the pace against the deadline. */
#define _GNU_SOURCE /* qsort_r */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_internal.h"
#include "centralino/clock.h"
#include "centralino/xalloc.h"

void progress_pace_compute(const struct campaign *c, time_t now,
			   long submitted, long denominator, long window_submissions,
			   struct progress_pace *out)
{
	time_t open = cn_day_start(c->opens_on), start, end;
	time_t from = now > open ? now : open;
	long remaining = denominator - submitted;

	/* the deadline ends with its day */
	if (cn_day_bounds(c->deadline, &start, &end))
		end = 0;

	memset(out, 0, sizeof *out);
	out->phase = now < open ? -1 : now >= end ? 1 : 0;
	out->days_left = cn_days_until(now, c->deadline);
	out->time_left = end > from ? (double)(end - from) / 86400.0 : 0;
	out->window_submissions = window_submissions;
	out->per_day = (double)window_submissions / 7.0;
	out->submitted = submitted;
	out->denominator = denominator;
	/* the small epsilon keeps 3 * (10/3) from landing on 9.999... */
	out->projected = submitted + (long)floor(out->per_day * out->time_left + 1e-9);
	if (out->projected > denominator)
		out->projected = denominator > submitted ? denominator : submitted;
	if (remaining <= 0)
		out->needed_per_day = 0;
	else if (out->time_left > 0)
		out->needed_per_day = (double)remaining / out->time_left;
	else
		out->needed_per_day = -1;
}

/* none-group labels, by grouping */
static const char *none_label(enum progress_by by)
{
	switch (by) {
	case PROGRESS_BY_PROVINCIA: return _("(no provincia: regional respondents)");
	case PROGRESS_BY_AMBITO: return _("(in no ambito)");
	default: return _("(none)");
	}
}

static void count(struct progress_counts *c, const struct snap_row *r)
{
	c->respondents++;
	c->status[r->status]++;
	c->screened += r->screened;
	c->late += r->late;
}

static void add_counts(struct progress_counts *to, const struct progress_counts *c)
{
	to->respondents += c->respondents;
	for (int k = 0; k < PROGRESS_NSTATUS; k++)
		to->status[k] += c->status[k];
	to->screened += c->screened;
	to->late += c->late;
}

struct pass {
	int level;        /* -1: no filter */
	int group;        /* the group's index, -1 the none group, -2 no such group */
	const char *id;   /* level PROGRESS_BY_RESPONDENT */
};

static int passes(const struct pass *f, const struct place *p)
{
	if (f->level < 0)
		return 1;
	if (f->level == PROGRESS_BY_RESPONDENT)
		return strcmp(p->id, f->id) == 0;
	return f->group != -2 && p->grp[f->level] == f->group;
}

static struct progress_row *new_row(struct progress_report *r, size_t *cap)
{
	if (r->n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		r->rows = xrealloc(r->rows, *cap * sizeof *r->rows);
	}
	memset(&r->rows[r->n], 0, sizeof r->rows[r->n]);
	return &r->rows[r->n++];
}

static char *dup(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void by_group(const struct snapshot *s, const struct pass *f, struct progress_report *r)
{
	const struct places *pl = s->pl;
	size_t ng = pl->ngroups[r->by], cap = 0;
	struct progress_counts *c = xcalloc(ng + 1, sizeof *c);

	for (size_t i = 0; i < s->n; i++) {
		const struct place *p = &pl->v[s->v[i].place];
		int g = p->grp[r->by];
		if (passes(f, p))
			count(&c[g < 0 ? ng : (size_t)g], &s->v[i]);
	}
	for (size_t g = 0; g <= ng; g++) {
		const struct place_group *d = g < ng ? &pl->groups[r->by][g] : NULL;
		struct progress_row *row;
		if (!c[g].respondents)
			continue;
		row = new_row(r, &cap);
		row->n = c[g];
		row->key = d ? dup(d->key) : NULL;
		row->label = xstrdup(d ? d->label : none_label(r->by));
		row->sigla = d ? dup(d->sigla) : NULL;
		if (d && d->capofila >= 0 && s->row_of_place[d->capofila] >= 0) {
			const struct place *cp = &pl->v[d->capofila];
			row->capofila_id = xstrdup(cp->id);
			row->capofila_name = xstrdup(cp->name);
			row->capofila_status = s->v[s->row_of_place[d->capofila]].status;
		}
		add_counts(&r->total, &row->n);
	}
	free(c);
}

static int cmp_by_name(const void *a, const void *b, void *places)
{
	const struct places *pl = places;
	return pl->v[*(const int *)a].name_rank - pl->v[*(const int *)b].name_rank;
}

static void by_respondent(const struct snapshot *s, const struct pass *f, struct progress_report *r)
{
	const struct places *pl = s->pl;
	int *order = xmalloc((s->n + 1) * sizeof *order);
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < s->n; i++)
		if (passes(f, &pl->v[s->v[i].place]))
			order[n++] = s->v[i].place;
	qsort_r(order, n, sizeof *order, cmp_by_name, (void *)pl);
	for (size_t i = 0; i < n; i++) {
		const struct place *p = &pl->v[order[i]];
		const struct snap_row *x = &s->v[s->row_of_place[order[i]]];
		int prov = p->grp[PROGRESS_BY_PROVINCIA];
		struct progress_row *row = new_row(r, &cap);
		count(&row->n, x);
		row->key = xstrdup(p->id);
		row->label = xstrdup(p->name);
		row->sigla = prov >= 0 ? dup(pl->groups[PROGRESS_BY_PROVINCIA][prov].sigla) : NULL;
		row->status = x->status;
		snprintf(row->submitted_at, sizeof row->submitted_at, "%s", x->submitted_at);
		snprintf(row->deadline, sizeof row->deadline, "%s", x->deadline);
		row->extended = x->until[0] != 0;
		row->capofila = p->capofila;
		row->population = p->population;
		add_counts(&r->total, &row->n);
	}
	free(order);
}

static void make_pass(const struct snapshot *s, const struct progress_filter *filter, struct pass *f)
{
	f->level = -1;
	f->group = -1;
	f->id = NULL;
	if (filter) {
		f->level = (int)filter->level;
		f->id = filter->key ? filter->key : "";
		if (filter->level != PROGRESS_BY_RESPONDENT)
			f->group = progress_places_group(s->pl, filter->level, filter->key);
	}
}

void progress_snapshot_narrow(const struct snapshot *s, const struct progress_filter *filter,
			      struct snapshot *out)
{
	struct pass f;

	*out = *s;
	out->n = 0;
	out->v = xmalloc((s->n + 1) * sizeof *out->v);
	out->row_of_place = xmalloc((s->pl->n + 1) * sizeof *out->row_of_place);
	memset(out->row_of_place, 0xff, (s->pl->n + 1) * sizeof *out->row_of_place); /* -1 */
	make_pass(s, filter, &f);
	for (size_t i = 0; i < s->n; i++) {
		if (!passes(&f, &s->pl->v[s->v[i].place]))
			continue;
		out->row_of_place[s->v[i].place] = (int)out->n;
		out->v[out->n++] = s->v[i];
	}
}

int progress_report_build(struct cn_ctx *ctx, const struct snapshot *s, enum progress_by by,
		 const struct progress_filter *filter, struct progress_report *out)
{
	struct pass f;

	memset(out, 0, sizeof *out);
	if (by < 0 || by >= PROGRESS_NBY || (filter && (filter->level < 0 || filter->level >= PROGRESS_NBY)))
		return cn_set_error(ctx, CN_EUSAGE, _("unknown grouping"));
	out->campaign = s->campaign;
	out->by = by;
	out->now = s->now;
	snprintf(out->today, sizeof out->today, "%s", s->today);
	make_pass(s, filter, &f);
	if (by == PROGRESS_BY_RESPONDENT)
		by_respondent(s, &f, out);
	else
		by_group(s, &f, out);
	progress_snapshot_pace(s, &out->pace);
	return CN_OK;
}

int progress_report(struct cn_ctx *ctx, const char *campaign_key, enum progress_by by,
		    const struct progress_filter *filter, struct progress_report *out)
{
	struct snapshot s;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_SUPERVISORE, _("read the progress reports"))) ||
	    (rc = progress_snapshot_load(ctx, campaign_key, by == PROGRESS_BY_RESPONDENT, &s)))
		return rc;
	rc = progress_report_build(ctx, &s, by, filter, out);
	progress_snapshot_free(&s);
	return rc;
}

void progress_report_free(struct progress_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->rows[i].key);
		free(r->rows[i].label);
		free(r->rows[i].sigla);
		free(r->rows[i].capofila_id);
		free(r->rows[i].capofila_name);
	}
	free(r->rows);
	r->rows = NULL;
	r->n = 0;
}
