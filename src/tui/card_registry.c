/* Card section "Anagrafica": everything the registry knows of the comune,
 * its ambito and the ambito's capofila. */
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

/* The rows shown, most useful first: when the card is short the tail goes. */
static int fields(const struct registry_comune *c, struct field *f, int max)
{
	int n = 0;
#define ADD(lbl, a, ...) do { if (n < max) { f[n].label = lbl; f[n].attr = a; \
	snprintf(f[n].value, sizeof f[n].value, __VA_ARGS__); n++; } } while (0)
	char pop[32], day[11];

	ADD(_("ISTAT code"), TA_ACCENT, "%s", c->istat);
	ADD(_("Cadastral code"), TA_ACCENT, "%s", c->cadastral ? c->cadastral : "—");
	ADD(_("Provincia"), TA_NORMAL, "%s (%s)", c->provincia ? c->provincia : "", c->sigla);
	ADD(_("Regione"), TA_NORMAL, "%s", c->regione ? c->regione : "");
	ADD(_("Ripartizione"), TA_NORMAL, "%s", c->ripartizione ? c->ripartizione : "");
	ADD(_("Capoluogo"), TA_NORMAL, "%s", c->capoluogo ? _("yes, of its provincia") : _("no"));
	if (c->population >= 0)
		numfmt_int(c->population, pop, sizeof pop);
	ADD(_("Population"), TA_NORMAL, "%s", c->population >= 0 ? pop : "—");
	ADD(_("Other language"), TA_NORMAL, "%s", c->name_other && *c->name_other ? c->name_other : "—");
	if (c->ambito_code) {
		ADD(_("Ambito"), TA_NORMAL, "%s (%s)", c->ambito_name ? c->ambito_name : "", c->ambito_code);
		if (c->capofila)
			ADD(_("Capofila"), TA_OK, "%s", _("this comune leads the ambito"));
		else
			ADD(_("Capofila"), TA_NORMAL, "%s (%s)", c->capofila_name ? c->capofila_name : "—",
			    c->capofila_istat);
	} else {
		ADD(_("Ambito"), TA_MUTED, "%s", _("in no ambito"));
	}
	if (c->nformer) {
		char names[512] = "";
		size_t used = 0;
		for (size_t i = 0; i < c->nformer && used < sizeof names; i++)
			used += (size_t)snprintf(names + used, sizeof names - used, "%s%s",
						 i ? ", " : "", c->former_names[i]);
		ADD(_("Former names"), TA_NORMAL, "%s", names);
	}
	if (c->suppressed_on) {
		cn_date_display(c->suppressed_on, day);
		ADD(_("Suppressed"), TA_ERROR, _("since %s (no longer in ISTAT's list)"), day);
	}
	if (c->successor_istat[0]) {
		cn_date_display(c->successor_since, day);
		ADD(_("Became"), TA_ERROR, _("%s → %s (%s), since %s"), c->name, c->successor_name,
		    c->successor_istat, day);
	}
	if (c->npredecessors) {
		char names[512] = "";
		size_t used = 0;
		for (size_t i = 0; i < c->npredecessors && used < sizeof names; i++) {
			cn_date_display(c->predecessors[i].since, day);
			used += (size_t)snprintf(names + used, sizeof names - used, "%s%s (%s)", i ? ", " : "",
						 c->predecessors[i].name, day);
		}
		ADD(_("Merged from"), TA_NORMAL, "%s", names);
	}
	if (c->added_on) {
		cn_date_display(c->added_on, day);
		ADD(_("In the registry"), TA_MUTED, _("since %s"), day);
	}
#undef ADD
	return n;
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
	struct field f[16];
	int n = fields(st, f, 16);
	(void)app;
	/* Ambito, capofila and later rows can be long: they take whole lines. */
	return two_columns(width) ? 4 + (n - 8) : n;
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

static void reg_draw(struct app *app, void *st, struct rect r, int focused)
{
	struct field f[16];
	int n = fields(st, f, 16), y = r.y;
	(void)focused;
	if (two_columns(r.w)) {
		/* rows 0..7 in pairs (left: even, right: odd), the rest full width */
		int half = r.w / 2 > 60 ? 60 : r.w / 2, lw1 = label_width(f, 0, 8, 2), lw2 = label_width(f, 1, 8, 2);
		int lw3 = label_width(f, 8, n, 1);
		if (lw3 > lw1)
			lw1 = lw3;
		lw3 = lw1;
		for (int i = 0; i < 8 && y < r.y + r.h; i += 2, y++) {
			put_field(app, &f[i], y, r.x, lw1, half - 2);
			put_field(app, &f[i + 1], y, r.x + half, lw2, half);
		}
		for (int i = 8; i < n && y < r.y + r.h; i++, y++)
			put_field(app, &f[i], y, r.x, lw3, r.w);
		return;
	}
	for (int i = 0; i < n && y < r.y + r.h; i++, y++)
		put_field(app, &f[i], y, r.x, label_width(f, 0, n, 1), r.w);
}

const struct card_section card_registry = {
	.title = N_("Registry"),
	.open = reg_open,
	.height = reg_height,
	.draw = reg_draw,
};
