/* The comune card: a header, then the sections listed in card_sections.def
 * one under the other. This file knows no section: add one by writing
 * card_<name>.c and one line in card_sections.def. A card is opened for a
 * call: its timer starts with it, and the new-call key opens the call form
 * for this comune with the call begun when the card opened. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/calls.h"
#include "centralino/clock.h"
#include "centralino/registry.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"
#include "calls_ui.h"
#include "widget.h"

static const struct card_section *const sections[] = {
#define CARD_SECTION(name) &card_##name,
#include "card_sections.def"
#undef CARD_SECTION
};
#define NSECTIONS (int)(sizeof sections / sizeof sections[0])

struct card {
	struct registry_comune c;
	void *st[NSECTIONS];  /* NULL: the section has nothing for this comune */
	int focus;            /* focused section, -1 when none can take focus */
	char istat[7];
	char title[300];
	time_t call_started;  /* the call the card was opened for; 0 once taken on */
};

static int focusable(const struct card *k, int i)
{
	return k->st[i] && sections[i]->key;
}

static void first_focus(struct card *k)
{
	k->focus = -1;
	for (int i = 0; i < NSECTIONS && k->focus < 0; i++)
		if (focusable(k, i))
			k->focus = i;
}

void *card_part_new(struct app *app, size_t size, const struct registry_comune *c)
{
	struct card_part *p;
	if (!cn_may(app->ctx, CN_ROLE_ASSISTENZA))
		return NULL;
	p = xcalloc(1, size);
	snprintf(p->istat, sizeof p->istat, "%s", c->istat);
	snprintf(p->name, sizeof p->name, "%s", c->name);
	return p;
}

int card_part_move(struct card_part *p, size_t n, int action)
{
	if (!p->focused || n < 2)
		return R_PASS;
	if (action == ACT_MOVE_UP && p->sel > 0)
		p->sel--;
	else if (action == ACT_MOVE_DOWN && p->sel + 1 < (int)n)
		p->sel++;
	else if (action == ACT_FIRST || action == ACT_PAGE_UP)
		p->sel = 0;
	else if (action == ACT_LAST || action == ACT_PAGE_DOWN)
		p->sel = (int)n - 1;
	else if (action != ACT_MOVE_UP && action != ACT_MOVE_DOWN)
		return R_PASS;
	return R_REDRAW;
}

/* arg: the ISTAT code (const char *). */
static int card_open(struct app *app, void *st, const void *arg)
{
	struct card *k = st;
	const char *istat = arg;
	if (registry_get(app->ctx, istat ? istat : "", &k->c)) {
		app_error(app);
		return -1;
	}
	snprintf(k->istat, sizeof k->istat, "%s", k->c.istat);
	snprintf(k->title, sizeof k->title, "%s", k->c.name);
	k->call_started = cn_now(app->ctx);
	for (int i = 0; i < NSECTIONS; i++)
		k->st[i] = sections[i]->open ? sections[i]->open(app, &k->c) : NULL;
	first_focus(k);
	return 0;
}

static void card_close(struct app *app, void *st)
{
	struct card *k = st;
	for (int i = 0; i < NSECTIONS; i++)
		if (k->st[i] && sections[i]->close)
			sections[i]->close(app, k->st[i]);
	registry_comune_free(&k->c);
}

static void draw_header(struct app *app, struct card *k, struct rect r)
{
	char name[512], where[512], right[128], d[16];
	int x = r.x + 2, w, rw = 14;

	if (k->c.name_other && *k->c.name_other)
		snprintf(name, sizeof name, "%s/%s", k->c.name, k->c.name_other);
	else
		snprintf(name, sizeof name, "%s", k->c.name);
	if (k->call_started) {
		call_duration_text(k->call_started, cn_now(app->ctx), d, sizeof d);
		snprintf(right, sizeof right, _("in progress %s"), d[0] ? d : "0:00");
		rw = text_width(right);
		tui_put(r.y + 1, r.x + r.w - 18 - rw, rw, right, ALIGN_RIGHT, tui_attr(app, TA_WARN));
		rw += 18 - 2;
	}
	snprintf(right, sizeof right, "ISTAT %s", k->c.istat);
	w = tui_puts(r.y + 1, x, r.w - 6 - rw, name, tui_attr(app, TA_ACCENT) | A_BOLD);
	snprintf(where, sizeof where, "  %s (%s) · %s", k->c.provincia ? k->c.provincia : "",
		 k->c.sigla, k->c.regione ? k->c.regione : "");
	x += w;
	x += tui_puts(r.y + 1, x, r.w - 6 - rw - (x - r.x), where, tui_attr(app, TA_MUTED));
	if (k->c.suppressed_on) {
		char day[11], badge[64];
		cn_date_display(k->c.suppressed_on, day);
		snprintf(badge, sizeof badge, _("  SUPPRESSED since %s"), day);
		tui_puts(r.y + 1, x, r.w - 6 - rw - (x - r.x), badge, tui_attr(app, TA_ERROR));
	}
	tui_put(r.y + 1, r.x + r.w - 16, 14, right, ALIGN_RIGHT, A_BOLD);
}

/* From this width the card stands in two columns. */
#define CARD_WIDE 120

/* The sections of one column, one under the other in r: each gets what it
 * wants, in order, but leaves a title and one line for every section after
 * it. column -1: all of them. */
static void draw_column(struct app *app, struct card *k, struct rect r, int column, int shown)
{
	int want[NSECTIONS], y = r.y, avail = r.h;

	for (int i = 0; i < NSECTIONS; i++) {
		want[i] = k->st[i] && (column < 0 || sections[i]->column == column);
		if (want[i])
			want[i] = sections[i]->height ? sections[i]->height(app, k->st[i], r.w - 2) : 1;
	}
	for (int i = 0; i < NSECTIONS && avail > 1; i++) {
		int later = 0, h;
		struct rect sr;
		if (!want[i])
			continue;
		for (int j = i + 1; j < NSECTIONS; j++)
			later += want[j] ? 2 : 0;
		h = want[i];
		if (h > avail - 1 - later)
			h = avail - 1 - later;
		if (h < 1)
			h = 1;
		tui_rule(app, y, r.x, r.w, _(sections[i]->title), i == k->focus && shown > 1);
		sr.y = y + 1;
		sr.x = r.x + 1;
		sr.w = r.w - 2;
		sr.h = h;
		sections[i]->draw(app, k->st[i], sr, i == k->focus);
		/* a blank line between sections when the card has rows to spare */
		y += h + 1 + (r.h > 30);
		avail = r.y + r.h - y;
	}
}

static void card_draw(struct app *app, void *st, struct rect r)
{
	struct card *k = st;
	int shown = 0;
	struct rect body = {r.y + 3, r.x + 1, r.h - 3, r.w - 2};

	draw_header(app, k, r);
	for (int i = 0; i < NSECTIONS; i++)
		shown += k->st[i] != NULL;
	if (r.w < CARD_WIDE) {
		draw_column(app, k, body, -1, shown);
		return;
	}
	/* the call's matters on the left, who the comune is on the right */
	struct rect left = body, right = body;
	left.w = body.w * 11 / 20;
	right.x = body.x + left.w + 1;
	right.w = body.w - left.w - 1;
	draw_column(app, k, left, 0, shown);
	draw_column(app, k, right, 1, shown);
}

static void move_focus(struct card *k, int dir)
{
	if (k->focus < 0)
		return;
	for (int step = 1; step <= NSECTIONS; step++) {
		int i = (k->focus + dir * step + NSECTIONS * 2) % NSECTIONS;
		if (focusable(k, i)) {
			k->focus = i;
			return;
		}
	}
}

static int card_key(struct app *app, void *st, int key, int action)
{
	struct card *k = st;
	int r;
	if (action == ACT_NEW_CALL) {
		time_t t = k->call_started ? k->call_started : cn_now(app->ctx);
		k->call_started = 0; /* the call form has it now: saved or given up there */
		return calls_ui_new_at(app, k->istat, t);
	}
	if (action == ACT_NEXT_SECTION || action == ACT_PREV_SECTION) {
		move_focus(k, action == ACT_NEXT_SECTION ? 1 : -1);
		return R_REDRAW;
	}
	/* The focused section first, then the others (for their own keys). */
	if (k->focus >= 0) {
		r = sections[k->focus]->key(app, k->st[k->focus], key, action);
		if (!(r & R_PASS))
			return r;
	}
	for (int i = 0; i < NSECTIONS; i++) {
		if (i == k->focus || !focusable(k, i))
			continue;
		r = sections[i]->key(app, k->st[i], key, action);
		if (!(r & R_PASS))
			return r;
	}
	return R_PASS;
}

static void card_reload(struct app *app, void *st)
{
	struct card *k = st;
	struct registry_comune fresh;
	if (registry_get(app->ctx, k->istat, &fresh) == 0) {
		registry_comune_free(&k->c);
		k->c = fresh;
		snprintf(k->title, sizeof k->title, "%s", k->c.name);
	}
	for (int i = 0; i < NSECTIONS; i++)
		if (k->st[i] && sections[i]->reload)
			sections[i]->reload(app, k->st[i]);
}

static const char *card_title(struct app *app, void *st)
{
	(void)app;
	return ((struct card *)st)->title;
}

const struct view_ops view_card = {
	.name = "card",
	.title = N_("Comune"),
	.state_size = sizeof(struct card),
	.timer = 1,
	.open = card_open,
	.close = card_close,
	.draw = card_draw,
	.key = card_key,
	.reload = card_reload,
	.title_of = card_title,
};
