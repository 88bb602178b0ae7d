/* The progress report as one self-contained HTML file (report_html.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core.h"
#include "centralino/clock.h"
#include "centralino/extension.h"
#include "centralino/numfmt.h"
#include "centralino/progress.h"
#include "centralino/report_html.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"

/* Everything one document needs, read before anything is written. */
struct doc {
	struct progress_report regions;
	struct progress_report people;   /* one row per respondent: the late list */
	struct progress_daily daily;
	struct extension_list proroghe;
	time_t start;                    /* local midnight of the chart's first day */
	int ndays;                       /* days on the chart's axis */
};

/* Colours of the statuses, in enum order, shared by bars and legend. */
static const char *const status_colour[PROGRESS_NSTATUS] = {
	"#c9ccd1", "#7fa7d9", "#f2c14e", "#2e8b57", "#a58fc9",
};

static const char css[] =
	"@page{size:A4;margin:14mm 12mm}"
	"body{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;font-size:10pt;color:#222;"
	"max-width:186mm;margin:1em auto}"
	"h1{font-size:16pt;margin:0 0 2pt}h2{font-size:12pt;border-bottom:1px solid #888;"
	"margin:16pt 0 6pt;padding-bottom:2pt}p.sub{margin:0;color:#555}"
	".figs{display:flex;flex-wrap:wrap;gap:6pt;margin-top:8pt}"
	".fig{border:1px solid #bbb;border-radius:3pt;padding:4pt 8pt;min-width:36mm}"
	".fig b{display:block;font-size:15pt}.fig span{color:#555;font-size:8.5pt}"
	"table{border-collapse:collapse;width:100%;font-size:8.5pt}"
	"th,td{border-bottom:1px solid #ddd;padding:1.5pt 4pt;text-align:left;vertical-align:top}"
	"th{border-bottom:1px solid #444;font-weight:bold}"
	"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}td.n{white-space:nowrap}"
	"tr.total td{font-weight:bold;border-top:1.5px solid #444}"
	"svg{width:100%;height:auto;display:block}svg text{font-family:inherit}"
	".legend{font-size:8.5pt;color:#333}.legend i{display:inline-block;width:9pt;height:9pt;"
	"margin:0 3pt 0 10pt;vertical-align:-1pt}"
	".keep{break-inside:avoid;page-break-inside:avoid}"
	"@media print{body{max-width:none;margin:0}.pb{break-before:page;page-break-before:always}"
	"thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}"
	"h2{break-after:avoid;page-break-after:avoid}}";

static void esc(struct cn_buf *b, const char *s)
{
	text_escape(b, s ? s : "", s ? strlen(s) : 0, TEXT_ESC_HTML | TEXT_ESC_SPACES);
}

static const char *num(long v, char buf[NUMFMT_LEN])
{
	return numfmt_int(v, buf, NUMFMT_LEN);
}

/* Days from the chart's first day to a YYYY-MM-DD date. */
static int day_index(const struct doc *d, const char *ymd)
{
	return cn_days_until(d->start, ymd);
}

static int doc_load(struct cn_ctx *ctx, const char *key, struct doc *d)
{
	int rc;
	memset(d, 0, sizeof *d);
	if ((rc = progress_report(ctx, key, PROGRESS_BY_REGIONE, NULL, &d->regions)))
		return rc;
	if ((rc = progress_report(ctx, key, PROGRESS_BY_RESPONDENT, NULL, &d->people)) ||
	    (rc = progress_daily(ctx, key, PROGRESS_DAILY_FULL, &d->daily)) ||
	    (rc = extension_list(ctx, key, 0, &d->proroghe)))
		return rc;
	const char *first = d->daily.n && strcmp(d->daily.days[0].date, d->regions.campaign.opens_on) < 0
				    ? d->daily.days[0].date : d->regions.campaign.opens_on;
	if (cn_parse_time(first, &d->start))
		return cn_set_error(ctx, CN_ESOFTWARE, "campaign %s: bad date '%s'", key, first);
	d->ndays = day_index(d, d->regions.campaign.deadline) + 1;
	if (d->daily.n && day_index(d, d->daily.days[d->daily.n - 1].date) + 1 > d->ndays)
		d->ndays = day_index(d, d->daily.days[d->daily.n - 1].date) + 1;
	if (d->ndays < 1)
		d->ndays = 1;
	return CN_OK;
}

static void doc_free(struct doc *d)
{
	progress_report_free(&d->regions);
	progress_report_free(&d->people);
	progress_daily_free(&d->daily);
	extension_list_free(&d->proroghe);
}

/* A section's heading; page_break: printed on a new page. */
static void heading(struct cn_buf *b, const char *text, int page_break)
{
	buf_puts(b, page_break ? "<h2 class=\"pb\">" : "<h2>");
	esc(b, text);
	buf_puts(b, "</h2>\n");
}

static void fig(struct cn_buf *b, const char *value, const char *label)
{
	buf_puts(b, "<div class=\"fig\"><b>");
	esc(b, value);
	buf_puts(b, "</b><span>");
	esc(b, label);
	buf_puts(b, "</span></div>");
}

static void head(struct cn_buf *b, struct cn_ctx *ctx, const struct progress_report *r)
{
	char open[11], dl[11], when[17], title[600];
	cn_date_display(r->campaign.opens_on, open);
	cn_date_display(r->campaign.deadline, dl);
	cn_fmt_display(r->now, when);
	buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
		   i18n_lang_code());
	snprintf(title, sizeof title, _("Progress of %s"), r->campaign.name);
	buf_puts(b, "<title>");
	esc(b, title);
	buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", css);
	esc(b, title);
	buf_puts(b, "</h1>\n<p class=\"sub\">");
	snprintf(title, sizeof title, _("Campaign %s, open from %s, deadline %s."), r->campaign.key, open, dl);
	esc(b, title);
	buf_puts(b, " ");
	snprintf(title, sizeof title, _("Situation on %s, from the help desk's records (%s)."), when,
		 cn_user_name(ctx));
	esc(b, title);
	buf_puts(b, "</p>\n");
}

static void headline(struct cn_buf *b, const struct progress_report *r)
{
	const struct progress_pace *p = &r->pace;
	char v[NUMFMT_LEN], w[NUMFMT_LEN], x[NUMFMT_LEN], s[160];
	double pct = p->denominator > 0 ? 100.0 * (double)p->submitted / (double)p->denominator : -1;

	buf_puts(b, "<div class=\"figs keep\" id=\"headline\">");
	snprintf(s, sizeof s, _("submitted of %s expected"), num(p->denominator, w));
	fig(b, num(p->submitted, v), s);
	fig(b, numfmt_pct(pct, 1, v, sizeof v), _("submitted"));
	fig(b, num(r->total.late, v), _("late"));
	if (p->phase < 0)
		snprintf(s, sizeof s, "%s", _("days to the deadline (not open yet)"));
	else if (p->days_left >= 0)
		snprintf(s, sizeof s, "%s", _("days left to the deadline"));
	else
		snprintf(s, sizeof s, "%s", _("days since the deadline"));
	fig(b, num(p->days_left < 0 ? -p->days_left : p->days_left, v), s);
	snprintf(s, sizeof s, _("submissions a day, last 7 days (%s)"), num(p->window_submissions, w));
	fig(b, numfmt_dec(p->per_day, 1, v, sizeof v), s);
	snprintf(s, sizeof s, _("projected at the deadline (%s)"),
		 numfmt_pct(p->denominator > 0 ? 100.0 * (double)p->projected / (double)p->denominator : -1, 0,
			    x, sizeof x));
	fig(b, num(p->projected, v), s);
	if (p->needed_per_day >= 0)
		/* xgettext:no-c-format */
		fig(b, numfmt_dec(p->needed_per_day, 1, v, sizeof v), _("submissions a day needed for 100%"));
	else
		fig(b, num(p->denominator - p->submitted, v), _("still to submit, no time left"));
	buf_puts(b, "</div>\n");
}

/* Chart geometry: the plot area inside a 700 x 290 view box. */
enum { CX0 = 52, CX1 = 684, CY0 = 14, CY1 = 250 };

static double cx(const struct doc *d, double day)
{
	return CX0 + (CX1 - CX0) * day / d->ndays;
}

static double cy(const struct doc *d, double v)
{
	double den = d->daily.denominator > 0 ? (double)d->daily.denominator : 1;
	return CY1 - (CY1 - CY0) * (v > den ? den : v) / den;
}

static void chart_axes(struct cn_buf *b, const struct doc *d)
{
	char lab[NUMFMT_LEN], ymd[11], day[11];
	int step = d->ndays <= 10 ? 1 : (d->ndays + 7) / 8;

	for (int q = 0; q <= 4; q++) {
		double y = cy(d, (double)d->daily.denominator * q / 4.0);
		buf_printf(b, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>", CX0, y, CX1, y);
		buf_printf(b, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">", CX0 - 4, y + 3.5);
		esc(b, numfmt_pct(25.0 * q, 0, lab, sizeof lab));
		buf_puts(b, "</text>");
	}
	for (int i = 0; i <= d->ndays; i += step) {
		if (d->ndays - i < step / 2 && i != d->ndays && i)
			continue;
		cn_fmt_ymd(d->start + (time_t)i * 86400 + 43200, ymd);
		cn_date_display(ymd, day);
		buf_printf(b, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\"/>",
			   cx(d, i), CY1, cx(d, i), CY1 + 4);
		buf_printf(b, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%.5s</text>",
			   cx(d, i), CY1 + 16, day);
	}
	buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>", CX0, CY1, CX1, CY1);
	buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>", CX0, CY0, CX0, CY1);
}

/* The line to 100% at the end of the deadline day, today, the projection. */
static void chart_guides(struct cn_buf *b, const struct doc *d)
{
	const struct progress_report *r = &d->regions;
	double t0 = day_index(d, r->campaign.opens_on), t1 = day_index(d, r->campaign.deadline) + 1;
	double today = (double)(r->now - d->start) / 86400.0;

	buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#c0392b\" "
		      "stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>",
		   cx(d, t0), cy(d, 0), cx(d, t1), cy(d, (double)d->daily.denominator));
	if (today > 0 && today < d->ndays) {
		buf_printf(b, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#555\" "
			      "stroke-dasharray=\"2 3\"/>", cx(d, today), CY0, cx(d, today), CY1);
		buf_printf(b, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">", cx(d, today),
			   CY0 - 3);
		esc(b, _("today"));
		buf_puts(b, "</text>");
	}
	if (r->pace.phase == 0 && today < t1)
		buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#2e8b57\" "
			      "stroke-width=\"1.5\" stroke-dasharray=\"1 3\"/>",
			   cx(d, today), cy(d, (double)r->pace.submitted), cx(d, t1), cy(d, (double)r->pace.projected));
}

static void legend_item(struct cn_buf *b, const char *colour, const char *label)
{
	buf_printf(b, "<i style=\"background:%s\"></i>", colour);
	esc(b, label);
}

static void chart(struct cn_buf *b, const struct doc *d)
{
	char title[200];
	heading(b, _("Submissions, cumulative"), 0);
	buf_puts(b, "<div class=\"keep\"><svg id=\"chart\" "
		    "viewBox=\"0 0 700 270\" role=\"img\"><title>");
	snprintf(title, sizeof title, _("Cumulative submissions against the line to 100%% at the deadline"));
	esc(b, title);
	buf_puts(b, "</title>");
	chart_axes(b, d);
	chart_guides(b, d);
	buf_printf(b, "<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2.2\" points=\"%.1f,%.1f",
		   cx(d, d->daily.n ? day_index(d, d->daily.days[0].date) : 0), cy(d, 0));
	for (size_t i = 0; i < d->daily.n; i++) {
		int day = day_index(d, d->daily.days[i].date);
		double v = (double)d->daily.days[i].cumulative;
		buf_printf(b, " %.1f,%.1f %.1f,%.1f", cx(d, day), cy(d, v), cx(d, day + 1), cy(d, v));
	}
	buf_puts(b, "\"/></svg>\n<div class=\"legend\">");
	legend_item(b, "#1f5fa8", _("submitted, cumulative"));
	/* xgettext:no-c-format */
	legend_item(b, "#c0392b", _("line to 100% at the deadline"));
	if (d->regions.pace.phase == 0)
		legend_item(b, "#2e8b57", _("projection at the pace of the last 7 days"));
	buf_puts(b, "</div></div>\n");
}

static void status_legend(struct cn_buf *b)
{
	buf_puts(b, "<div class=\"legend\">");
	for (int s = 0; s < PROGRESS_NSTATUS; s++)
		legend_item(b, status_colour[s], progress_status_label((enum progress_status)s));
	buf_puts(b, "</div>\n");
}

/* One stacked bar per regione: its respondents by status, % submitted. */
static void region_bars(struct cn_buf *b, const struct progress_report *r)
{
	const int h = 17, x0 = 170, w = 440;
	char pct[NUMFMT_LEN];

	buf_printf(b, "<div class=\"keep\"><svg id=\"bars\" "
		      "viewBox=\"0 0 700 %d\" role=\"img\">", (int)r->n * h + 6);
	for (size_t i = 0; i < r->n; i++) {
		const struct progress_counts *k = &r->rows[i].n;
		double x = x0, y = 3 + (double)i * h;
		buf_printf(b, "<text x=\"%d\" y=\"%.1f\" font-size=\"10.5\" text-anchor=\"end\">", x0 - 6, y + 11);
		esc(b, r->rows[i].label);
		buf_puts(b, "</text>");
		for (int s = 0; k->respondents > 0 && s < PROGRESS_NSTATUS; s++) {
			double len = (double)w * (double)k->status[s] / (double)k->respondents;
			if (len > 0)
				buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
					   x, y, len, h - 4, status_colour[s]);
			x += len;
		}
		buf_printf(b, "<text x=\"%d\" y=\"%.1f\" font-size=\"10.5\">", x0 + w + 8, y + 11);
		esc(b, numfmt_pct(progress_pct(k), 1, pct, sizeof pct));
		buf_puts(b, "</text>");
	}
	buf_puts(b, "</svg>\n");
	status_legend(b);
	buf_puts(b, "</div>\n");
}

static void th(struct cn_buf *b, const char *label, int numeric)
{
	buf_puts(b, numeric ? "<th class=\"n\">" : "<th>");
	esc(b, label);
	buf_puts(b, "</th>");
}

static void td(struct cn_buf *b, const char *text, int numeric)
{
	buf_puts(b, numeric ? "<td class=\"n\">" : "<td>");
	esc(b, text);
	buf_puts(b, "</td>");
}

static void td_num(struct cn_buf *b, long v)
{
	char n[NUMFMT_LEN];
	td(b, num(v, n), 1);
}

/* A table up to its body: the columns after the first `ntext` are numbers. */
static void table_head(struct cn_buf *b, const char *id, const char *const *labels, int n, int ntext)
{
	buf_printf(b, "<table id=\"%s\"><thead><tr>", id);
	for (int i = 0; i < n; i++)
		th(b, labels[i], i >= ntext);
	buf_puts(b, "</tr></thead>\n<tbody>\n");
}

/* The columns of `report progress --format tsv`, in its order. */
static void region_row(struct cn_buf *b, const struct progress_row *row, const struct progress_counts *k)
{
	char pct[NUMFMT_LEN];
	if (row) {
		buf_puts(b, "<tr data-key=\"");
		esc(b, row->key ? row->key : "");
		buf_puts(b, "\">");
	} else {
		buf_puts(b, "<tr class=\"total\">");
	}
	td(b, row && row->key ? row->key : "", 0);
	td(b, row ? row->label : _("Total"), 0);
	td_num(b, k->respondents);
	for (int s = 0; s < PROGRESS_NSTATUS; s++)
		td_num(b, k->status[s]);
	td_num(b, k->screened);
	td_num(b, k->late);
	td(b, numfmt_pct(progress_pct(k), 1, pct, sizeof pct), 1);
	buf_puts(b, "</tr>\n");
}

static void regions(struct cn_buf *b, const struct progress_report *r)
{
	const char *labels[PROGRESS_NSTATUS + 6] = {_("Code"), _("Regione"), _("Respondents")};
	int n = 3;
	for (int s = 0; s < PROGRESS_NSTATUS; s++)
		labels[n++] = progress_status_label((enum progress_status)s);
	labels[n++] = _("screened out");
	labels[n++] = _("late");
	/* xgettext:no-c-format */
	labels[n++] = _("% submitted");
	heading(b, _("By regione"), 0);
	region_bars(b, r);
	table_head(b, "regions", labels, n, 2);
	for (size_t i = 0; i < r->n; i++)
		region_row(b, &r->rows[i], &r->rows[i].n);
	region_row(b, NULL, &r->total);
	buf_puts(b, "</tbody></table>\n");
}

static void late_list(struct cn_buf *b, const struct doc *d)
{
	const struct progress_report *p = &d->people;
	char dl[11], n[NUMFMT_LEN], line[200];

	heading(b, _("Late respondents"), 1);
	buf_puts(b, "<p>");
	snprintf(line, sizeof line, ngettext("%s respondent is past its deadline and has not submitted.",
					     "%s respondents are past their deadline and have not submitted.",
					     (unsigned long)p->total.late), num(p->total.late, n));
	esc(b, line);
	buf_puts(b, "</p>\n");
	if (!p->total.late)
		return;
	const char *labels[] = {_("ID"), _("Respondent"), _("Prov."), _("Status"), _("Deadline"), _("Days late")};
	table_head(b, "late", labels, 6, 5);
	for (size_t i = 0; i < p->n; i++) {
		const struct progress_row *row = &p->rows[i];
		if (!row->n.late)
			continue;
		cn_date_display(row->deadline, dl);
		if (row->extended)
			snprintf(line, sizeof line, _("%s (proroga)"), dl);
		else
			snprintf(line, sizeof line, "%s", dl);
		buf_puts(b, "<tr>");
		td(b, row->key, 0);
		td(b, row->label, 0);
		td(b, row->sigla, 0);
		td(b, progress_status_label(row->status), 0);
		td(b, line, 0);
		td_num(b, -cn_days_until(p->now, row->deadline));
		buf_puts(b, "</tr>\n");
	}
	buf_puts(b, "</tbody></table>\n");
}

static void proroghe(struct cn_buf *b, const struct extension_list *l)
{
	char until[11], at[17];
	heading(b, _("Proroghe in force"), 0);
	if (!l->n) {
		buf_puts(b, "<p>");
		esc(b, _("No proroga is in force."));
		buf_puts(b, "</p>\n");
		return;
	}
	const char *labels[] = {_("ID"), _("Respondent"), _("Until"), _("Reason"), _("Granted by"), _("Granted on")};
	table_head(b, "proroghe", labels, 6, 6);
	for (size_t i = 0; i < l->n; i++) {
		const struct extension *e = &l->v[i];
		time_t t;
		cn_date_display(e->until, until);
		at[0] = '\0';
		if (cn_parse_time(e->granted_at, &t) == 0)
			cn_fmt_display(t, at);
		buf_puts(b, "<tr>");
		td(b, e->respondent_id, 0);
		td(b, e->respondent_name, 0);
		td(b, until, 0);
		td(b, e->reason, 0);
		td(b, e->granted_by, 0);
		td(b, at, 0);
		buf_puts(b, "</tr>\n");
	}
	buf_puts(b, "</tbody></table>\n");
}

static void daily_table(struct cn_buf *b, const struct progress_daily *d)
{
	char date[11], pct[NUMFMT_LEN];
	const char *labels[] = {_("Date"), _("Codes given out"), _("Calls"), _("Submissions"), _("Submitted, cumulative"),
				/* xgettext:no-c-format */
				_("% submitted")};
	heading(b, _("Day by day"), 1);
	table_head(b, "daily", labels, 6, 1);
	for (size_t i = 0; i < d->n; i++) {
		const struct progress_day *x = &d->days[i];
		cn_date_display(x->date, date);
		buf_puts(b, "<tr>");
		td(b, date, 0);
		td_num(b, x->codes);
		td_num(b, x->calls_total);
		td_num(b, x->submitted);
		td_num(b, x->cumulative);
		td(b, numfmt_pct(d->denominator > 0 ? 100.0 * (double)x->cumulative / (double)d->denominator : -1, 1,
				 pct, sizeof pct), 1);
		buf_puts(b, "</tr>\n");
	}
	buf_puts(b, "</tbody></table>\n");
}

int report_html_build(struct cn_ctx *ctx, const char *campaign_key, struct cn_buf *out)
{
	struct doc d;
	int rc;

	if ((rc = cn_require(ctx, CN_ROLE_SUPERVISORE, _("write the progress report"))))
		return rc;
	if ((rc = doc_load(ctx, campaign_key, &d))) {
		doc_free(&d);
		return rc;
	}
	head(out, ctx, &d.regions);
	headline(out, &d.regions);
	chart(out, &d);
	regions(out, &d.regions);
	late_list(out, &d);
	proroghe(out, &d.proroghe);
	daily_table(out, &d.daily);
	buf_puts(out, "</body>\n</html>\n");
	doc_free(&d);
	return CN_OK;
}

int report_html_write(struct cn_ctx *ctx, const char *campaign_key, const char *path)
{
	struct cn_buf b = {0};
	int rc;

	if (!(rc = report_html_build(ctx, campaign_key, &b)))
		rc = text_file_replace(ctx, path, b.p, b.len);
	buf_free(&b);
	return rc;
}
