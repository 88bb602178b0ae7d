/* Card section "Registry": everything the registry knows of the comune:
 * what it became or was merged from, its ambito and the ambito's capofila
 * first, then its codes, places and names. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/numfmt.h"
#include "centralino/registry.h"
#include "centralino/text.h"
#include "widget.h"

struct field {
	const char *label; /* translated */
	char value[512];
	int attr;          /* enum tui_attr of the value */
};

/* Rows of whole width first (what the comune became or merged from, its
 * ambito), then PAIRED rows that stand two by two on a wide enough section,
 * then the rest: when the card is short the tail goes. */
#define PAIRED 8

struct rows {
	struct field f[18];
	int n, lead;   /* lead: the whole-width rows before the paired ones */
};

static void add(struct rows *r, const char *label, int attr, const char *fmt, ...)
{
	va_list ap;
	if (r->n >= (int)(sizeof r->f / sizeof r->f[0]))
		return;
	r->f[r->n].label = label;
	r->f[r->n].attr = attr;
	va_start(ap, fmt);
	vsnprintf(r->f[r->n].value, sizeof r->f[r->n].value, fmt, ap);
	va_end(ap);
	r->n++;
}

/* A merged comune's story and its ambito: the rows a call may need. */
static void story_rows(const struct registry_comune *c, struct rows *r)
{
	char day[11], names[512] = "";
	size_t used = 0;

	if (c->suppressed_on) {
		cn_date_display(c->suppressed_on, day);
		add(r, _("Suppressed"), TA_ERROR, _("since %s (no longer in ISTAT's list)"), day);
	}
	if (c->successor_istat[0]) {
		cn_date_display(c->successor_since, day);
		add(r, _("Became"), TA_ERROR, _("%s → %s (%s), since %s"), c->name, c->successor_name,
		    c->successor_istat, day);
	}
	for (size_t i = 0; i < c->npredecessors && used < sizeof names; i++) {
		cn_date_display(c->predecessors[i].since, day);
		used += (size_t)snprintf(names + used, sizeof names - used, "%s%s (%s)", i ? ", " : "",
					 c->predecessors[i].name, day);
	}
	if (c->npredecessors)
		add(r, _("Merged from"), TA_NORMAL, "%s", names);
	if (!c->ambito_code) {
		add(r, _("Ambito"), TA_MUTED, "%s", _("in no ambito"));
		return;
	}
	add(r, _("Ambito"), TA_NORMAL, "%s (%s)", c->ambito_name ? c->ambito_name : "", c->ambito_code);
	if (c->capofila)
		add(r, _("Capofila"), TA_OK, "%s", _("this comune leads the ambito"));
	else
		add(r, _("Capofila"), TA_NORMAL, "%s (%s)", c->capofila_name ? c->capofila_name : "—",
		    c->capofila_istat);
}

static void fields(const struct registry_comune *c, struct rows *r)
{
	char pop[32], day[11], names[512] = "";
	size_t used = 0;

	r->n = 0;
	story_rows(c, r);
	r->lead = r->n;
	add(r, _("ISTAT code"), TA_ACCENT, "%s", c->istat);
	add(r, _("Cadastral code"), TA_ACCENT, "%s", c->cadastral ? c->cadastral : "—");
	add(r, _("Provincia"), TA_NORMAL, "%s (%s)", c->provincia ? c->provincia : "", c->sigla);
	add(r, _("Regione"), TA_NORMAL, "%s", c->regione ? c->regione : "");
	add(r, _("Ripartizione"), TA_NORMAL, "%s", c->ripartizione ? c->ripartizione : "");
	add(r, _("Capoluogo"), TA_NORMAL, "%s", c->capoluogo ? _("yes, of its provincia") : _("no"));
	if (c->population >= 0)
		numfmt_int(c->population, pop, sizeof pop);
	add(r, _("Population"), TA_NORMAL, "%s", c->population >= 0 ? pop : "—");
	add(r, _("Other language"), TA_NORMAL, "%s", c->name_other && *c->name_other ? c->name_other : "—");
	for (size_t i = 0; i < c->nformer && used < sizeof names; i++)
		used += (size_t)snprintf(names + used, sizeof names - used, "%s%s", i ? ", " : "",
					 c->former_names[i]);
	if (c->nformer)
		add(r, _("Former names"), TA_NORMAL, "%s", names);
	if (c->added_on) {
		cn_date_display(c->added_on, day);
		add(r, _("In the registry"), TA_MUTED, _("since %s"), day);
	}
}

/* Two columns when there is room: label widths are shared per column. */
static int two_columns(int width)
{
	return width >= 76;
}

static void *reg_open(struct app *app, const struct registry_comune *c)
{
	(void)app;
	return (void *)c; /* the card keeps c at the same address while open */
}

static int reg_height(struct app *app, void *st, int width)
{
	struct rows r;
	(void)app;
	fields(st, &r);
	return two_columns(width) ? r.n - PAIRED / 2 : r.n;
}

static int label_width(const struct field *f, int from, int to, int step)
{
	int w = 0;
	for (int i = from; i < to; i += step) {
		int lw = text_width(f[i].label);
		if (lw > w)
			w = lw;
	}
	return w;
}

static void put_field(struct app *app, const struct field *f, int y, int x, int lw, int w)
{
	tui_put(y, x, lw, f->label, ALIGN_LEFT, tui_attr(app, TA_LABEL));
	tui_put(y, x + lw + 2, w - lw - 2, f->value, ALIGN_LEFT, tui_attr(app, (enum tui_attr)f->attr));
}

static void reg_draw(struct app *app, void *st, struct rect rc, int focused)
{
	struct rows r;
	int y = rc.y, pairs, lw, lw2, half;
	(void)focused;
	fields(st, &r);
	pairs = r.lead + PAIRED;
	if (!two_columns(rc.w)) {
		lw = label_width(r.f, 0, r.n, 1);
		for (int i = 0; i < r.n && y < rc.y + rc.h; i++, y++)
			put_field(app, &r.f[i], y, rc.x, lw, rc.w);
		return;
	}
	/* the paired rows: left the even ones, right the odd ones */
	half = rc.w / 2 > 60 ? 60 : rc.w / 2;
	lw = label_width(r.f, r.lead, pairs, 2);
	lw2 = label_width(r.f, r.lead + 1, pairs, 2);
	if (label_width(r.f, 0, r.lead, 1) > lw)
		lw = label_width(r.f, 0, r.lead, 1);
	if (label_width(r.f, pairs, r.n, 1) > lw)
		lw = label_width(r.f, pairs, r.n, 1);
	for (int i = 0; i < r.lead && y < rc.y + rc.h; i++, y++)
		put_field(app, &r.f[i], y, rc.x, lw, rc.w);
	for (int i = r.lead; i < pairs && y < rc.y + rc.h; i += 2, y++) {
		put_field(app, &r.f[i], y, rc.x, lw, half - 2);
		put_field(app, &r.f[i + 1], y, rc.x + half, lw2, half);
	}
	for (int i = pairs; i < r.n && y < rc.y + rc.h; i++, y++)
		put_field(app, &r.f[i], y, rc.x, lw, rc.w);
}

const struct card_section card_registry = {
	.title = N_("Registry"),
	.column = 1,
	.open = reg_open,
	.height = reg_height,
	.draw = reg_draw,
};
