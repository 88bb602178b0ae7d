/* The supervisor's dashboard: where a campaign stands against its
 * deadline, at a glance, refreshing by itself when another desk commits.
 *   - headline: submitted / total, %, days left, pace against the pace
 *     needed, projection, late;
 *   - chart: cumulative submissions per day (bars) against the straight
 *     line to 100% at the deadline (braille dots; ASCII when the terminal
 *     is not UTF-8);
 *   - table by regione with a bar per row; Enter drills down to province,
 *     comuni, then the comune card ('g' groups by ripartizione or ambito);
 *   - whom to chase (progress_reminders), 'c' starts the outbound call.
 * Everything comes from one progress_dashboard() call per refresh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/campaign.h"
#include "centralino/clock.h"
#include "centralino/numfmt.h"
#include "centralino/phone.h"
#include "centralino/progress.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"
#include "calls_ui.h"
#include "widget.h"

#define DASH_REMINDERS 100
#define DASH_DEPTH 4

/* One step of the drill-down: what the table groups by, within which group. */
struct level {
	enum progress_by by;
	int filtered;
	struct progress_filter filter;
	char fkey[64];
	char label[200];    /* "Piemonte", shown in the table's title */
	char sel[64];       /* the row selected when we went deeper */
};

struct dash {
	char key[41];
	struct level path[DASH_DEPTH];
	int depth;
	struct progress_dashboard d;
	int loaded;
	struct list table, rem;
	int focus;          /* 0 the table, 1 the reminders */
	int by_name;        /* respondents by name, not late first */
	int utf8;
	char title[120];
};

static struct level *cur(struct dash *s)
{
	return &s->path[s->depth - 1];
}

static const char *row_key(const struct progress_row *r)
{
	return r->key ? r->key : "";
}

/* Respondents first late, then by status (those still to submit first),
 * then larger population, then name (the order the core gives). */
static int status_rank(const struct progress_row *r)
{
	if (r->n.late)
		return 0;
	return 1 + (int)r->status;
}

static int cmp_late_first(const void *a, const void *b)
{
	const struct progress_row *x = a, *y = b;
	int d = status_rank(x) - status_rank(y);
	if (d)
		return d;
	if (x->population != y->population)
		return x->population < y->population ? 1 : -1;
	if ((d = strcoll(x->label, y->label)))
		return d;
	return strcmp(x->key ? x->key : "", y->key ? y->key : "");
}

static void order_rows(struct dash *s, struct progress_dashboard *d)
{
	if (d->report.by == PROGRESS_BY_RESPONDENT && !s->by_name && d->report.n > 1)
		qsort(d->report.rows, d->report.n, sizeof *d->report.rows, cmp_late_first);
}

/* Reads everything again, keeping the selected rows where they still are. */
static void load(struct app *app, struct dash *s)
{
	struct level *l = cur(s);
	char keep[64] = "", keep_rem[64] = "";
	struct progress_dashboard d;

	if (s->loaded && s->table.sel >= 0 && (size_t)s->table.sel < s->d.report.n)
		snprintf(keep, sizeof keep, "%s", row_key(&s->d.report.rows[s->table.sel]));
	if (s->loaded && s->rem.sel >= 0 && (size_t)s->rem.sel < s->d.reminders.n)
		snprintf(keep_rem, sizeof keep_rem, "%s", s->d.reminders.v[s->rem.sel].respondent_id);
	if (l->filtered)
		l->filter.key = l->fkey[0] ? l->fkey : NULL;
	if (progress_dashboard(app->ctx, s->key, l->by, l->filtered ? &l->filter : NULL, DASH_REMINDERS, &d)) {
		app_error(app);
		return;
	}
	if (s->loaded)
		progress_dashboard_free(&s->d);
	order_rows(s, &d);
	s->d = d;
	s->loaded = 1;
	list_reset(&s->table, (int)d.report.n);
	list_reset(&s->rem, (int)d.reminders.n);
	for (size_t i = 0; keep[0] && i < d.report.n; i++)
		if (strcmp(row_key(&d.report.rows[i]), keep) == 0)
			list_select(&s->table, (int)i);
	for (size_t i = 0; keep_rem[0] && i < d.reminders.n; i++)
		if (strcmp(d.reminders.v[i].respondent_id, keep_rem) == 0)
			list_select(&s->rem, (int)i);
}

/* The campaign open today, else the newest. */
int progress_default_campaign(struct app *app, char out[41])
{
	struct campaigns l;
	out[0] = '\0';
	if (campaign_list(app->ctx, &l))
		return app_error(app), -1;
	for (size_t i = 0; i < l.n && !out[0]; i++)
		if (l.v[i].phase == CAMPAIGN_OPEN)
			snprintf(out, 41, "%s", l.v[i].key);
	if (!out[0] && l.n)
		snprintf(out, 41, "%s", l.v[0].key);
	campaigns_free(&l);
	if (!out[0]) {
		app_msg(app, MSG_WARN, "%s", _("no campaign yet: an administrator creates one (:campaigns)"));
		return -1;
	}
	return 0;
}

/* arg: the campaign's key (const char *), or NULL: the default one. */
static int dash_open(struct app *app, void *st, const void *args)
{
	struct dash *s = st;
	const char *arg = args;

	if (screen_require(app, CN_ROLE_SUPERVISORE, _("read the progress reports")))
		return -1;
	if (arg && *arg)
		snprintf(s->key, sizeof s->key, "%s", arg);
	else if (progress_default_campaign(app, s->key))
		return -1;
	s->utf8 = tui_term_utf8();
	s->depth = 1;
	s->path[0].by = PROGRESS_BY_REGIONE;
	load(app, s);
	return s->loaded ? 0 : -1;
}

static void dash_close(struct app *app, void *st)
{
	struct dash *s = st;
	(void)app;
	if (s->loaded)
		progress_dashboard_free(&s->d);
}

static const char *dash_title(struct app *app, void *st)
{
	struct dash *s = st;
	snprintf(s->title, sizeof s->title, _("Progress — %s"), s->key);
	/* the key whole rather than the word (the bar keeps 50 columns for
	 * the program's name, the login and role, the time) */
	if (text_width(s->title) > app->cols - 50)
		snprintf(s->title, sizeof s->title, "%s", s->key);
	return s->title;
}

/* ---- headline ------------------------------------------------------------ */

static void draw_headline(struct app *app, struct dash *s, struct rect r)
{
	const struct progress_report *rep = &s->d.report;
	const struct progress_pace *p = &rep->pace;
	char line[CAMPAIGN_NAME_BUFSZ + 512], right[200], dl[11], open[11], a[NUMFMT_LEN], b[NUMFMT_LEN], c[NUMFMT_LEN];
	int rw, behind = p->needed_per_day > 0 && p->per_day + 1e-9 < p->needed_per_day;

	cn_date_display(rep->campaign.deadline, dl);
	cn_date_display(rep->campaign.opens_on, open);
	if (p->phase < 0)
		snprintf(right, sizeof right, _("opens %s · deadline %s"), open, dl);
	else if (p->days_left > 0)
		snprintf(right, sizeof right, ngettext("deadline %s · %d day left", "deadline %s · %d days left",
						       (unsigned long)p->days_left), dl, p->days_left);
	else if (p->days_left == 0)
		snprintf(right, sizeof right, _("deadline %s · last day"), dl);
	else
		snprintf(right, sizeof right, ngettext("deadline %s · passed %d day ago",
						       "deadline %s · passed %d days ago",
						       (unsigned long)-p->days_left), dl, -p->days_left);
	rw = text_width(right);
	tui_fill(r.y, r.x, r.w, ' ', A_NORMAL);
	tui_put(r.y, r.x + r.w - rw - 1, rw, right, ALIGN_RIGHT,
		tui_attr(app, p->days_left < 0 ? TA_WARN : TA_NORMAL));
	if (s->depth > 1)
		snprintf(line, sizeof line, "%s · %s", cur(s)->label, rep->campaign.name);
	else
		snprintf(line, sizeof line, "%s", rep->campaign.name);
	tui_put(r.y, r.x + 1, r.w - rw - 4, line, ALIGN_LEFT, tui_attr(app, TA_ACCENT));

	/* submitted / total and %; the pace against the pace needed */
	{
		int x = r.x + 1, end = r.x + r.w;
		double pct = p->denominator > 0 ? 100.0 * (double)p->submitted / (double)p->denominator : -1;
		char n1[NUMFMT_LEN], n2[NUMFMT_LEN], n3[NUMFMT_LEN];
		tui_fill(r.y + 1, r.x, r.w, ' ', A_NORMAL);
		snprintf(line, sizeof line, _("%s/%s submitted"), numfmt_int(p->submitted, n1, sizeof n1),
			 numfmt_int(p->denominator, n2, sizeof n2));
		x += tui_puts(r.y + 1, x, end - x, line, A_BOLD) + 1;
		x += tui_puts(r.y + 1, x, end - x, numfmt_pct(pct, 1, n3, sizeof n3), tui_attr(app, TA_ACCENT)) + 2;
		if (p->needed_per_day < 0)
			snprintf(line, sizeof line, _("pace %s/day, no time left"), numfmt_dec(p->per_day, 1, a, sizeof a));
		else
			snprintf(line, sizeof line, _("pace %s/day, needed %s"), numfmt_dec(p->per_day, 1, a, sizeof a),
				 numfmt_dec(p->needed_per_day, 1, b, sizeof b));
		x += tui_puts(r.y + 1, x, end - x, line, tui_attr(app, behind ? TA_WARN : TA_OK)) + 2;
		snprintf(line, sizeof line, s->depth > 1 ? _("late %s here") : _("late %s"),
			 numfmt_int(rep->total.late, a, sizeof a));
		x += tui_puts(r.y + 1, x, end - x, line, tui_attr(app, rep->total.late ? TA_WARN : TA_NORMAL)) + 2;
		/* the projection when there is room */
		snprintf(line, sizeof line, _("projected %s"), numfmt_int(p->projected, c, sizeof c));
		if (x + text_width(line) < end)
			tui_puts(r.y + 1, x, end - x, line, tui_attr(app, TA_MUTED));
	}
}

/* ---- chart ------------------------------------------------------------------ */

static const char *const blocks[9] = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};

/* Cumulative submissions per campaign day (opening .. deadline), -1 for
 * days still to come; returns the number of days (at least 1). */
static int series(const struct dash *s, long **out)
{
	const struct progress_daily *d = &s->d.series;
	const char *today = s->d.report.today;
	int n = cn_ymd_diff(d->campaign.opens_on, d->campaign.deadline) + 1;
	long before = 0, *v;

	if (n < 1)
		n = 1;
	v = xmalloc((size_t)n * sizeof *v);
	for (int i = 0; i < n; i++)
		v[i] = -1;
	for (size_t i = 0; i < d->n; i++) {
		int k = cn_ymd_diff(d->campaign.opens_on, d->days[i].date);
		if (k < 0)
			before = d->days[i].cumulative; /* submitted before the opening */
		else if (k < n && strcmp(d->days[i].date, today) <= 0)
			v[k] = d->days[i].cumulative;
	}
	/* days with no row (before the series starts) carry the last value */
	for (int i = 0; i < n; i++) {
		char day[11];
		if (v[i] >= 0) {
			before = v[i];
			continue;
		}
		cn_ymd_add_days(d->campaign.opens_on, i, day);
		if (strcmp(day, today) <= 0)
			v[i] = before;
	}
	*out = v;
	return n;
}

static void draw_chart(struct app *app, struct dash *s, struct rect r)
{
	const struct progress_pace *p = &s->d.report.pace;
	long denom = p->denominator, *v = NULL;
	int ndays = series(s, &v), lw, h = r.h - 2, w;
	char top[NUMFMT_LEN], lab[64];

	tui_rule(app, r.y, r.x, r.w,
		 s->utf8 ? /* xgettext:no-c-format */ _("Submitted so far (█), the line to 100% at the deadline (⠂)")
			 : /* xgettext:no-c-format */ _("Submitted so far (#), the line to 100% at the deadline (.)"),
		 0);
	numfmt_int(denom, top, sizeof top);
	lw = text_width(top) + 1;
	w = r.w - lw - 2;
	if (h < 2 || w < 10 || denom <= 0) {
		if (h >= 1)
			tui_put(r.y + 1, r.x + 1, r.w - 2, _("(nothing to draw yet)"), ALIGN_LEFT, tui_attr(app, TA_MUTED));
		free(v);
		return;
	}
	tui_put(r.y + 1, r.x, lw, top, ALIGN_RIGHT, tui_attr(app, TA_MUTED));
	tui_put(r.y + h, r.x, lw, "0", ALIGN_RIGHT, tui_attr(app, TA_MUTED));
	for (int c = 0; c < w; c++) {
		int d = (int)((long)c * ndays / w);
		/* the column ends with the last day it covers */
		int dlast = (int)((long)(c + 1) * ndays / w) - 1;
		long val, target;
		int eighths, tgt_cell, tgt_sub;
		if (dlast < d)
			dlast = d;
		val = v[dlast] >= 0 ? v[dlast] : v[d];
		target = denom * (dlast + 1) / ndays;
		eighths = val >= 0 ? (int)((double)val / (double)denom * h * 8 + 0.5) : 0;
		tgt_cell = (int)((double)target / (double)denom * h - 1e-9);
		tgt_sub = (int)(((double)target / (double)denom * h - tgt_cell) * 4);
		if (tgt_cell < 0)
			tgt_cell = 0;
		if (tgt_sub > 3)
			tgt_sub = 3;
		for (int k = 0; k < h; k++) {
			int y = r.y + h - k, x = r.x + lw + 1 + c;
			int fill = eighths - k * 8;
			if (fill > 8)
				fill = 8;
			if (fill > 0) {
				attr_t a = tui_attr(app, val >= target ? TA_OK : TA_ACCENT);
				tui_puts(y, x, 1, s->utf8 ? blocks[fill] : fill >= 4 ? "#" : "_", a);
			} else if (k == tgt_cell) {
				/* braille: one dot of the left column, bottom to top */
				static const int dots[4] = {0x40, 0x04, 0x02, 0x01};
				char g[8];
				g[tui_utf8(0x2800 + dots[tgt_sub], g)] = '\0';
				tui_puts(y, x, 1, s->utf8 ? g : ".", tui_attr(app, TA_WARN));
			} else {
				tui_puts(y, x, 1, " ", A_NORMAL);
			}
		}
	}
	{
		char a[11], b[11];
		cn_date_display(s->d.series.campaign.opens_on, a);
		cn_date_display(s->d.series.campaign.deadline, b);
		snprintf(lab, sizeof lab, "%.5s", a);
		tui_put(r.y + h + 1, r.x + lw + 1, 5, lab, ALIGN_LEFT, tui_attr(app, TA_MUTED));
		snprintf(lab, sizeof lab, "%.5s", b);
		tui_put(r.y + h + 1, r.x + lw + 1 + w - 5, 5, lab, ALIGN_RIGHT, tui_attr(app, TA_MUTED));
		if (p->phase == 0) {
			int today = cn_ymd_diff(s->d.series.campaign.opens_on, s->d.report.today);
			int col = (int)((long)today * w / ndays);
			const char *t = _("today");
			int tw = text_width(t);
			if (col > 6 && col + tw < w - 6)
				tui_put(r.y + h + 1, r.x + lw + 1 + col, tw, t, ALIGN_LEFT, tui_attr(app, TA_MUTED));
		}
	}
	free(v);
}

/* ---- table ---------------------------------------------------------------- */

static const char *const bar8[9] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"};

static void draw_bar(struct app *app, struct dash *s, int y, int x, int w, double pct, attr_t a)
{
	int eighths = pct < 0 ? 0 : (int)(pct / 100.0 * w * 8 + 0.5);
	for (int i = 0; i < w; i++) {
		int fill = eighths - i * 8;
		if (fill > 8)
			fill = 8;
		if (fill <= 0)
			tui_puts(y, x + i, 1, s->utf8 ? "·" : ".", tui_attr(app, TA_MUTED));
		else
			tui_puts(y, x + i, 1, s->utf8 ? bar8[fill] : fill >= 4 ? "#" : " ", a);
	}
}

struct tcols {
	int name, num, pct, bar;
};

static struct tcols table_cols(int w, int leaf)
{
	struct tcols c = {.num = 7, .pct = 7};
	c.bar = leaf ? 0 : w >= 100 ? 30 : w >= 70 ? 16 : 10;
	c.name = w - 3 * (c.num + 1) - (c.pct + 1) - (c.bar ? c.bar + 1 : 0) - 2;
	if (leaf)
		c.name = w - 2 - 11 - 17 - 11 - 4;
	if (c.name < 8)
		c.name = 8;
	return c;
}

static void table_row(struct app *app, void *arg, int i, int y, int x, int w, int sel)
{
	struct dash *s = arg;
	const struct progress_row *row = &s->d.report.rows[i];
	int leaf = s->d.report.by == PROGRESS_BY_RESPONDENT;
	struct tcols c = table_cols(w, leaf);
	attr_t base = sel && s->focus == 0 ? tui_attr(app, TA_SELECTED) : A_NORMAL;
	char name[300], n1[NUMFMT_LEN], n2[NUMFMT_LEN], n3[NUMFMT_LEN], n4[NUMFMT_LEN];
	double pct = progress_pct(&row->n);

	tui_fill(y, x, w, ' ', base);
	snprintf(name, sizeof name, "%s%s%s%s", row->label, row->sigla ? " (" : "", row->sigla ? row->sigla : "",
		 row->sigla ? ")" : "");
	if (leaf && row->capofila)
		snprintf(name + strlen(name), sizeof name - strlen(name), " %s", _("· capofila"));
	tui_put(y, x + 1, c.name, name, ALIGN_LEFT, base);
	x += c.name + 2;
	if (leaf) {
		char when[17] = "", dl[11];
		time_t t;
		int late = row->n.late;
		tui_put(y, x, 11, progress_status_label(row->status), ALIGN_LEFT,
			base | (row->status == PROGRESS_INVIATO ? tui_attr(app, TA_OK) : late ? tui_attr(app, TA_WARN) : 0));
		x += 12;
		if (row->submitted_at[0] && cn_parse_time(row->submitted_at, &t) == 0)
			cn_fmt_display(t, when);
		tui_put(y, x, 17, when, ALIGN_LEFT, base);
		x += 18;
		cn_date_display(row->deadline, dl);
		tui_put(y, x, 11, row->extended ? dl : late ? _("late") : "", ALIGN_LEFT,
			base | (late ? tui_attr(app, TA_WARN) : 0));
		return;
	}
	tui_put(y, x, c.num, numfmt_int(row->n.respondents, n1, sizeof n1), ALIGN_RIGHT, base);
	x += c.num + 1;
	tui_put(y, x, c.num, numfmt_int(row->n.status[PROGRESS_INVIATO], n2, sizeof n2), ALIGN_RIGHT, base);
	x += c.num + 1;
	tui_put(y, x, c.pct, numfmt_pct(pct, 1, n3, sizeof n3), ALIGN_RIGHT, base);
	x += c.pct + 1;
	tui_put(y, x, c.num, numfmt_int(row->n.late, n4, sizeof n4), ALIGN_RIGHT,
		base | (row->n.late ? tui_attr(app, TA_WARN) : 0));
	x += c.num + 2;
	draw_bar(app, s, y, x, c.bar, pct, tui_attr(app, TA_ACCENT));
}

static const char *level_name(enum progress_by by)
{
	switch (by) {
	case PROGRESS_BY_REGIONE: return _("Regioni");
	case PROGRESS_BY_PROVINCIA: return _("Province");
	case PROGRESS_BY_AMBITO: return _("Ambiti");
	case PROGRESS_BY_RIPARTIZIONE: return _("Ripartizioni");
	default: return _("Respondents");
	}
}

static void draw_table(struct app *app, struct dash *s, struct rect r)
{
	const struct level *l = cur(s);
	int leaf = s->d.report.by == PROGRESS_BY_RESPONDENT;
	struct tcols c = table_cols(r.w - 1, leaf);
	char title[300];
	int x = r.x + 1;

	if (l->filtered)
		snprintf(title, sizeof title, "%s: %s", l->label, level_name(l->by));
	else
		snprintf(title, sizeof title, "%s", level_name(l->by));
	tui_rule(app, r.y, r.x, r.w, title, s->focus == 0);
	if (r.h < 3)
		return;
	tui_fill(r.y + 1, r.x, r.w, ' ', A_NORMAL);
	tui_put(r.y + 1, x + 1, c.name, leaf ? _("Respondent") : _("Name"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	x += c.name + 2;
	if (leaf) {
		tui_put(r.y + 1, x, 11, _("Status"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
		tui_put(r.y + 1, x + 12, 17, _("Submitted"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
		tui_put(r.y + 1, x + 30, 11, _("Deadline"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	} else {
		tui_put(r.y + 1, x, c.num, _("Resp."), ALIGN_RIGHT, tui_attr(app, TA_HEADER));
		tui_put(r.y + 1, x + c.num + 1, c.num, _("Subm."), ALIGN_RIGHT, tui_attr(app, TA_HEADER));
		tui_put(r.y + 1, x + 2 * (c.num + 1), c.pct, "%", ALIGN_RIGHT, tui_attr(app, TA_HEADER));
		tui_put(r.y + 1, x + 2 * (c.num + 1) + c.pct + 1, c.num, _("Late"), ALIGN_RIGHT, tui_attr(app, TA_HEADER));
	}
	{
		struct rect lr = {r.y + 2, r.x, r.h - 2, r.w};
		if (s->d.report.n)
			list_draw(app, &s->table, lr, table_row, s);
		else
			tui_put(lr.y, r.x + 2, r.w - 4, _("no respondents here"), ALIGN_LEFT, tui_attr(app, TA_MUTED));
	}
}

/* ---- reminders -------------------------------------------------------------- */

static void rem_row(struct app *app, void *arg, int i, int y, int x, int w, int sel)
{
	struct dash *s = arg;
	const struct progress_reminder *m = &s->d.reminders.v[i];
	attr_t base = sel && s->focus == 1 ? tui_attr(app, TA_SELECTED) : A_NORMAL;
	char name[300], why[80], last[40] = "", phone[PHONE_DISPLAY_MAX] = "", rank[12];
	int namew = w >= 100 ? 28 : 22, whyw = w >= 100 ? 24 : 17, lastw = 11, phonew = 14, end = x + w;
	time_t t;

	tui_fill(y, x, w, ' ', base);
	snprintf(rank, sizeof rank, "%d", m->rank);
	tui_put(y, x, 4, rank, ALIGN_RIGHT, base | tui_attr(app, TA_MUTED));
	x += 5;
	snprintf(name, sizeof name, "%s%s%s%s%s", m->name, m->sigla[0] ? " (" : "", m->sigla, m->sigla[0] ? ")" : "",
		 m->capofila ? " ★" : "");
	tui_put(y, x, namew, name, ALIGN_LEFT, base);
	x += namew + 1;
	if (m->tier == PROGRESS_TIER_CALLBACK && cn_parse_time(m->callback_due, &t) == 0) {
		char when[20];
		cn_fmt_when(cn_now(app->ctx), t, when);
		snprintf(why, sizeof why, _("callback %s"), when);
	} else {
		snprintf(why, sizeof why, "%s", m->tier == PROGRESS_TIER_CODE ? progress_status_label(m->status)
									   : _("no code"));
	}
	tui_put(y, x, whyw, why, ALIGN_LEFT, base | (m->tier == PROGRESS_TIER_CALLBACK ? tui_attr(app, TA_WARN) : 0));
	x += whyw + 1;
	if (m->last_contact[0] && cn_parse_time(m->last_contact, &t) == 0)
		cn_fmt_when(cn_now(app->ctx), t, last);
	tui_put(y, x, lastw, last[0] ? last : "—", ALIGN_LEFT, base | tui_attr(app, TA_MUTED));
	x += lastw + 1;
	if (m->phone)
		phone_display(m->phone, phone);
	tui_put(y, x, phonew, phone, ALIGN_LEFT, base);
	x += phonew + 1;
	if (m->last_outcome && x < end)
		tui_puts(y, x, end - x, m->last_outcome, base | tui_attr(app, TA_MUTED));
}

static void draw_reminders(struct app *app, struct dash *s, struct rect r)
{
	char title[160], n[NUMFMT_LEN];
	snprintf(title, sizeof title, _("Whom to chase (%s)"), numfmt_int(s->d.reminders.total, n, sizeof n));
	tui_rule(app, r.y, r.x, r.w, title, s->focus == 1);
	if (r.h < 2)
		return;
	{
		struct rect lr = {r.y + 1, r.x, r.h - 1, r.w};
		if (s->d.reminders.n)
			list_draw(app, &s->rem, lr, rem_row, s);
		else
			tui_put(lr.y, r.x + 2, r.w - 4, _("nobody: everyone has submitted or is excused"), ALIGN_LEFT,
				tui_attr(app, TA_OK));
	}
}

static void dash_draw(struct app *app, void *st, struct rect r)
{
	struct dash *s = st;
	int chart_h, rest;
	struct rect head = {r.y, r.x, 2, r.w};

	if (!s->loaded)
		return;
	draw_headline(app, s, head);
	chart_h = r.h >= 40 ? r.h / 3 : r.h >= 30 ? 9 : 6;
	{
		struct rect ch = {r.y + 2, r.x, chart_h, r.w};
		draw_chart(app, s, ch);
	}
	rest = r.h - 2 - chart_h;
	if (r.w >= 150) {
		/* side by side */
		int tw = r.w * 11 / 20;
		struct rect t = {r.y + 2 + chart_h, r.x, rest, tw - 1};
		struct rect m = {r.y + 2 + chart_h, r.x + tw, rest, r.w - tw};
		draw_table(app, s, t);
		draw_reminders(app, s, m);
	} else {
		int th = rest * 3 / 5;
		struct rect t = {r.y + 2 + chart_h, r.x, th, r.w};
		struct rect m = {r.y + 2 + chart_h + th, r.x, rest - th, r.w};
		draw_table(app, s, t);
		draw_reminders(app, s, m);
	}
}

/* ---- keys ------------------------------------------------------------------- */

static enum progress_by deeper(enum progress_by by)
{
	switch (by) {
	case PROGRESS_BY_RIPARTIZIONE: return PROGRESS_BY_REGIONE;
	case PROGRESS_BY_REGIONE: return PROGRESS_BY_PROVINCIA;
	default: return PROGRESS_BY_RESPONDENT;
	}
}

static int open_card(struct app *app, const char *id)
{
	if (strlen(id) != 6 || strspn(id, "0123456789") != 6) {
		app_msg(app, MSG_INFO, "%s", _("ambiti and regioni have no card: their calls are on the Calls screen"));
		return R_REDRAW;
	}
	return app_open_card(app, id);
}

static int drill(struct app *app, struct dash *s)
{
	const struct progress_row *row;
	struct level *l = cur(s), *n;

	if (s->table.sel < 0 || (size_t)s->table.sel >= s->d.report.n)
		return R_NONE;
	row = &s->d.report.rows[s->table.sel];
	if (l->by == PROGRESS_BY_RESPONDENT)
		return open_card(app, row->key);
	if (!row->key) {
		app_msg(app, MSG_INFO, "%s", _("these respondents belong to no group of this kind"));
		return R_REDRAW;
	}
	if (s->depth == DASH_DEPTH)
		return R_NONE;
	snprintf(l->sel, sizeof l->sel, "%s", row->key);
	n = &s->path[s->depth++];
	memset(n, 0, sizeof *n);
	n->by = deeper(l->by);
	n->filtered = 1;
	n->filter.level = l->by;
	snprintf(n->fkey, sizeof n->fkey, "%s", row->key);
	snprintf(n->label, sizeof n->label, "%s", row->label);
	progress_dashboard_free(&s->d);
	s->loaded = 0;
	load(app, s);
	if (!s->loaded) {
		/* could not read the deeper level: stay where we were */
		s->depth--;
		load(app, s);
	}
	list_select(&s->table, 0);
	return R_REDRAW;
}

static int back(struct app *app, struct dash *s)
{
	char sel[64];
	if (s->depth <= 1)
		return R_PASS;
	s->depth--;
	snprintf(sel, sizeof sel, "%s", cur(s)->sel);
	progress_dashboard_free(&s->d);
	s->loaded = 0;
	load(app, s);
	for (size_t i = 0; s->loaded && i < s->d.report.n; i++)
		if (strcmp(row_key(&s->d.report.rows[i]), sel) == 0)
			list_select(&s->table, (int)i);
	return R_REDRAW;
}

/* 'g': the top level by regione, ripartizione or ambito. */
static int regroup(struct app *app, struct dash *s)
{
	static const enum progress_by cycle[] = {PROGRESS_BY_REGIONE, PROGRESS_BY_RIPARTIZIONE, PROGRESS_BY_AMBITO};
	enum progress_by by = s->path[0].by;
	int i = 0;
	while (i < 3 && cycle[i] != by)
		i++;
	memset(s->path, 0, sizeof s->path);
	s->path[0].by = cycle[(i + 1) % 3];
	s->depth = 1;
	progress_dashboard_free(&s->d);
	s->loaded = 0;
	load(app, s);
	return R_REDRAW;
}

/* 'c': the outbound reminder call, following up the overdue callback when
 * there is one. */
static int call_selected(struct app *app, struct dash *s)
{
	const struct progress_reminder *m;
	struct call_start c = {.mode = 'n', .outbound = 1, .back = 1};

	if (s->rem.sel < 0 || (size_t)s->rem.sel >= s->d.reminders.n)
		return R_NONE;
	m = &s->d.reminders.v[s->rem.sel];
	c.started = cn_now(app->ctx);
	snprintf(c.respondent, sizeof c.respondent, "%s", m->respondent_id);
	if (m->callback_call_id)
		snprintf(c.follows, sizeof c.follows, "%s", m->callback_call_id);
	if (m->phone)
		phone_display(m->phone, c.phone);
	return calls_ui_form(app, &c);
}

/* 'o': late first (status, population) or by name. */
static int reorder(struct app *app, struct dash *s)
{
	s->by_name = !s->by_name;
	progress_dashboard_free(&s->d);
	s->loaded = 0;
	load(app, s);
	app_msg(app, MSG_INFO, "%s", s->by_name ? _("respondents by name")
					 : _("respondents late first, then by status and population"));
	return R_REDRAW;
}

/* 'k': the next campaign, from the top. */
static int next_campaign(struct app *app, struct dash *s)
{
	struct campaigns l;
	size_t i = 0;

	if (campaign_list(app->ctx, &l))
		return app_error(app), R_REDRAW;
	while (i < l.n && strcmp(l.v[i].key, s->key) != 0)
		i++;
	if (l.n)
		snprintf(s->key, sizeof s->key, "%s", l.v[i < l.n ? (i + 1) % l.n : 0].key);
	campaigns_free(&l);
	memset(s->path, 0, sizeof s->path);
	s->path[0].by = PROGRESS_BY_REGIONE;
	s->depth = 1;
	s->focus = 0;
	progress_dashboard_free(&s->d);
	s->loaded = 0;
	load(app, s);
	list_select(&s->table, 0);
	list_select(&s->rem, 0);
	return R_REDRAW;
}

static int dash_key(struct app *app, void *st, int key, int action)
{
	struct dash *s = st;
	(void)key;
	if (!s->loaded)
		return R_PASS;
	if (list_move(s->focus ? &s->rem : &s->table, action))
		return R_REDRAW;
	switch (action) {
	case ACT_DASH_FOCUS:
		s->focus = !s->focus;
		return R_REDRAW;
	case ACT_DASH_OPEN:
		if (s->focus == 1)
			return s->rem.sel >= 0 ? open_card(app, s->d.reminders.v[s->rem.sel].respondent_id) : R_NONE;
		return drill(app, s);
	case ACT_DASH_CALL:
		return call_selected(app, s);
	case ACT_DASH_GROUP:
		return regroup(app, s);
	case ACT_DASH_ORDER:
		return reorder(app, s);
	case ACT_DASH_CAMPAIGN:
		return next_campaign(app, s);
	case ACT_DASH_REPORT:
		return progress_file_form(app, PROGRESS_FILE_REPORT, s->key);
	case ACT_DASH_MAP:
		return progress_file_form(app, PROGRESS_FILE_MAP, s->key);
	case ACT_DASH_DAILY:
		app_push(app, &view_daily, s->key);
		return R_REDRAW;
	case ACT_BACK:
		return back(app, s);
	}
	return calls_global_action(app, action);
}

static void dash_reload(struct app *app, void *st)
{
	load(app, st);
}

const struct view_ops view_dashboard = {
	.name = "dashboard",
	.title = N_("Progress"),
	.state_size = sizeof(struct dash),
	.open = dash_open,
	.close = dash_close,
	.draw = dash_draw,
	.key = dash_key,
	.reload = dash_reload,
	.title_of = dash_title,
};

/* ":dashboard [KEY]" */
int tcmd_dashboard(struct app *app, const char *args)
{
	app_push(app, &view_dashboard, args); /* a refusal leaves its message */
	return R_REDRAW;
}
