/* A campaign day by day (`report daily` on the screen): codes given out,
 * calls by category, submissions and their running total, one row a day,
 * the newest selected; the totals under the table. From the dashboard
 * (its key) or ":daily [CAMPAIGN]". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/numfmt.h"
#include "centralino/progress.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"
#include "widget.h"

struct daily {
	char key[65];
	char title[120];
	struct progress_daily d;
	int loaded;
	struct list list;
	long total_codes, total_calls, *total_cat;
};

enum { W_DATE = 10, W_NUM = 7, W_CAT = 11 };

/* The number columns as wide as their headings (they differ by language). */
struct dcols {
	int codes, calls, sub, total;
};

static int heading_width(const char *h)
{
	return text_width(h) > W_NUM ? text_width(h) : W_NUM;
}

static struct dcols dcols(void)
{
	struct dcols c = {heading_width(_("CODES")), heading_width(_("CALLS")), heading_width(_("SUBMITTED")),
			  heading_width(_("TOTAL SUBM."))};
	return c;
}

static void unload(struct daily *s)
{
	if (s->loaded)
		progress_daily_free(&s->d);
	free(s->total_cat);
	s->total_cat = NULL;
	s->loaded = 0;
}

static void load(struct app *app, struct daily *s)
{
	unload(s);
	if (progress_daily(app->ctx, s->key, PROGRESS_DAILY_FULL, &s->d)) {
		app_error(app);
		return;
	}
	s->loaded = 1;
	s->total_cat = xcalloc(s->d.ncat + 1, sizeof *s->total_cat);
	s->total_codes = s->total_calls = 0;
	for (size_t i = 0; i < s->d.n; i++) {
		s->total_codes += s->d.days[i].codes;
		s->total_calls += s->d.days[i].calls_total;
		for (size_t c = 0; c < s->d.ncat; c++)
			s->total_cat[c] += s->d.days[i].calls[c];
	}
	list_reset(&s->list, (int)s->d.n);
	list_select(&s->list, (int)s->d.n - 1);
}

/* arg: the campaign's key (const char *), or NULL: the default one. */
static int daily_open(struct app *app, void *st, const void *arg)
{
	struct daily *s = st;
	const char *key = arg;

	if (screen_require(app, CN_ROLE_SUPERVISORE, _("read the progress reports")))
		return -1;
	if (key && *key)
		snprintf(s->key, sizeof s->key, "%s", key);
	else if (progress_default_campaign(app, s->key))
		return -1;
	load(app, s);
	return s->loaded ? 0 : -1;
}

static void daily_close(struct app *app, void *st)
{
	(void)app;
	unload(st);
}

static const char *daily_title(struct app *app, void *st)
{
	struct daily *s = st;
	snprintf(s->title, sizeof s->title, _("Day by day — %s"), s->key);
	/* the key whole rather than the words when the bar is short */
	if (text_width(s->title) > app->cols - 65)
		snprintf(s->title, sizeof s->title, "%s", s->key);
	return s->title;
}

/* The calls by category only when every category fits beside the rest. */
static int show_categories(const struct daily *s, int w)
{
	struct dcols c = dcols();
	return W_DATE + c.codes + c.calls + c.sub + c.total + 4 + (int)s->d.ncat * (W_CAT + 1) <= w;
}

/* One row of numbers: codes, [categories], calls, submitted, total. */
static void numbers(const struct daily *s, int y, int x, int cats, long codes, const long *cat, long calls,
		    long subm, long total, attr_t a)
{
	struct dcols w = dcols();
	char n[NUMFMT_LEN];
	tui_put(y, x, w.codes, numfmt_int(codes, n, sizeof n), ALIGN_RIGHT, a);
	x += w.codes + 1;
	for (size_t c = 0; cats && cat && c < s->d.ncat; c++, x += W_CAT + 1)
		tui_put(y, x, W_CAT, numfmt_int(cat[c], n, sizeof n), ALIGN_RIGHT, a);
	tui_put(y, x, w.calls, numfmt_int(calls, n, sizeof n), ALIGN_RIGHT, a);
	x += w.calls + 1;
	tui_put(y, x, w.sub, subm >= 0 ? numfmt_int(subm, n, sizeof n) : "", ALIGN_RIGHT, a);
	x += w.sub + 1;
	tui_put(y, x, w.total, numfmt_int(total, n, sizeof n), ALIGN_RIGHT, a);
}

static void row(struct app *app, void *arg, int i, int y, int x, int w, int sel)
{
	struct daily *s = arg;
	const struct progress_day *d = &s->d.days[i];
	attr_t a = sel ? tui_attr(app, TA_SELECTED) : A_NORMAL;
	char date[11];

	tui_fill(y, x, w, ' ', a);
	cn_date_display(d->date, date);
	tui_put(y, x + 1, W_DATE, date, ALIGN_LEFT, a);
	numbers(s, y, x + 2 + W_DATE, show_categories(s, w), d->codes, d->calls, d->calls_total, d->submitted,
		d->cumulative, a);
}

/* A category's name on two header rows, split at its first '_'
 * (richiesta / codice), so names sharing a first word stay apart. */
static void category_head(struct app *app, const char *name, int y, int x)
{
	const char *us = strchr(name, '_');
	char first[64];
	attr_t h = tui_attr(app, TA_HEADER);

	snprintf(first, sizeof first, "%.*s", us ? (int)(us - name) : 0, name);
	tui_put(y - 1, x, W_CAT, first, ALIGN_RIGHT, h);
	tui_put(y, x, W_CAT, us ? us + 1 : name, ALIGN_RIGHT, h);
}

static void header(struct app *app, const struct daily *s, int y, int x, int cats)
{
	attr_t h = tui_attr(app, TA_HEADER);
	struct dcols w = dcols();
	tui_put(y, x, W_DATE, _("DATE"), ALIGN_LEFT, h);
	x += W_DATE + 1;
	tui_put(y, x, w.codes, _("CODES"), ALIGN_RIGHT, h);
	x += w.codes + 1;
	for (size_t c = 0; cats && c < s->d.ncat; c++, x += W_CAT + 1)
		category_head(app, s->d.categories[c], y, x);
	tui_put(y, x, w.calls, _("CALLS"), ALIGN_RIGHT, h);
	x += w.calls + 1;
	tui_put(y, x, w.sub, _("SUBMITTED"), ALIGN_RIGHT, h);
	x += w.sub + 1;
	tui_put(y, x, w.total, _("TOTAL SUBM."), ALIGN_RIGHT, h);
}

static void daily_draw(struct app *app, void *st, struct rect r)
{
	struct daily *s = st;
	const struct campaign *c = &s->d.campaign;
	char a[11], b[11], n[NUMFMT_LEN], line[600];
	int x = r.x + 2, w = r.w - 4, cats;
	long last = s->d.n ? s->d.days[s->d.n - 1].cumulative : 0;

	if (!s->loaded)
		return;
	cats = show_categories(s, w);
	cn_date_display(c->opens_on, a);
	cn_date_display(c->deadline, b);
	snprintf(line, sizeof line, _("%s · %s → %s · 100%% = %s"), c->name, a, b,
		 numfmt_int(s->d.denominator, n, sizeof n));
	tui_put(r.y + 1, x, w, line, ALIGN_LEFT, A_BOLD);
	if (!cats)
		tui_put(r.y + 2, x, w, _("calls by category: on a wider terminal"), ALIGN_LEFT, tui_attr(app, TA_MUTED));
	header(app, s, r.y + 3, x, cats);
	{
		struct rect lr = {r.y + 4, r.x + 1, r.h - 6, r.w - 2};
		list_draw(app, &s->list, lr, row, s);
	}
	tui_put(r.y + r.h - 1, x, W_DATE, _("total"), ALIGN_LEFT, A_BOLD);
	numbers(s, r.y + r.h - 1, x + 1 + W_DATE, cats, s->total_codes, s->total_cat, s->total_calls, -1, last,
		A_BOLD);
}

static int daily_key(struct app *app, void *st, int key, int action)
{
	struct daily *s = st;
	(void)app;
	(void)key;
	return list_move(&s->list, action) ? R_REDRAW : R_PASS;
}

static void daily_reload(struct app *app, void *st)
{
	load(app, st);
}

const struct view_ops view_daily = {
	.name = "daily",
	.title = N_("Day by day"),
	.state_size = sizeof(struct daily),
	.open = daily_open,
	.close = daily_close,
	.draw = daily_draw,
	.key = daily_key,
	.reload = daily_reload,
	.title_of = daily_title,
};

/* ":daily [CAMPAIGN]" */
int tcmd_daily(struct app *app, const char *args)
{
	app_push(app, &view_daily, args); /* a refusal leaves its message */
	return R_REDRAW;
}
