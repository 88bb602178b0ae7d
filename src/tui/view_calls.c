/* The Calls screen: the log, newest first, with filters that toggle on one
 * key each (open, mine, callbacks due, today, category). Enter opens a call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/text.h"
#include "calls_ui.h"

#define CALLS_LIMIT 500

struct calls_view {
	int open, mine, due, today;
	int cat;                       /* index in cats, -1 all */
	struct call_categories cats;
	struct call_list l;
	struct list list;
};

static void load(struct app *app, struct calls_view *v, const char *keep)
{
	struct call_filter f = {.open = v->open, .mine = v->mine, .callbacks_due = v->due,
				.limit = CALLS_LIMIT};
	if (v->today) {
		char ymd[11];
		cn_fmt_ymd(cn_now(app->ctx), ymd);
		cn_day_bounds(ymd, &f.since, &f.until);
	}
	if (v->cat >= 0 && (size_t)v->cat < v->cats.n)
		f.category = v->cats.v[v->cat].name;
	call_list_free(&v->l);
	if (calls_list(app->ctx, &f, &v->l)) {
		app_error(app);
		memset(&v->l, 0, sizeof v->l);
	}
	list_reset(&v->list, (int)v->l.n);
	for (size_t i = 0; keep && i < v->l.n; i++)
		if (!strcmp(v->l.v[i].id, keep))
			list_select(&v->list, (int)i);
}

/* arg: the filters to start with, "open" and/or "due" (const char *), or NULL. */
static int calls_open(struct app *app, void *st, const void *args)
{
	struct calls_view *v = st;
	const char *arg = args;
	v->cat = -1;
	if (call_categories_list(app->ctx, 1, &v->cats)) {
		app_error(app);
		return -1;
	}
	/* ":calls due" and the status bar open the callbacks due */
	if (arg && strstr(arg, "due")) {
		v->due = 1;
		v->mine = 1;
	}
	if (arg && strstr(arg, "open"))
		v->open = 1;
	load(app, v, NULL);
	return 0;
}

static void calls_close_view(struct app *app, void *st)
{
	struct calls_view *v = st;
	(void)app;
	call_list_free(&v->l);
	call_categories_free(&v->cats);
}

static void row(struct app *app, void *arg, int i, int y, int x, int w, int selected)
{
	struct calls_view *v = arg;
	calls_ui_row(app, &v->l.v[i], y, x, w, selected, 0);
}

/* "^O open" drawn on when the filter is on; returns the new x. What does
 * not fit is cut (tui_put marks it), never left out: at 80 columns the
 * category filter stays visible. */
static int toggle(struct app *app, int y, int x, int maxx, const char *key, const char *label, int on)
{
	char text[128];
	int w;
	snprintf(text, sizeof text, "%s %s", key, label);
	w = text_width(text);
	if (x + w > maxx)
		w = maxx - x;
	if (w < 4)
		return x;
	tui_put(y, x, w, text, ALIGN_LEFT, tui_attr(app, on ? TA_SELECTED : TA_MUTED));
	return x + w + 1;
}

static void calls_draw(struct app *app, void *st, struct rect r)
{
	struct calls_view *v = st;
	char count[64], cat[160], k[32];
	int x = r.x + 2, maxx = r.x + r.w - 15, hx = r.x + 1, wide = r.w - 2 >= 110, cbcol = r.w - 2 >= 100;

	/* TRANSLATORS: a filter of the Calls screen: only the calls still open */
	x = toggle(app, r.y + 1, x, maxx, action_key_label(&app->keymap, ACT_CALLS_OPEN_FILTER, k, sizeof k),
		   C_("calls", "open"), v->open);
	x = toggle(app, r.y + 1, x, maxx, action_key_label(&app->keymap, ACT_CALLS_MINE, k, sizeof k), _("mine"), v->mine);
	x = toggle(app, r.y + 1, x, maxx, action_key_label(&app->keymap, ACT_CALLS_DUE, k, sizeof k), _("callbacks due"), v->due);
	x = toggle(app, r.y + 1, x, maxx, action_key_label(&app->keymap, ACT_CALLS_TODAY, k, sizeof k), _("today"), v->today);
	snprintf(cat, sizeof cat, _("category: %s"), v->cat >= 0 ? v->cats.v[v->cat].label : _("all"));
	toggle(app, r.y + 1, x, maxx, action_key_label(&app->keymap, ACT_CALLS_CATEGORY, k, sizeof k), cat, v->cat >= 0);
	if (v->l.n >= CALLS_LIMIT)
		snprintf(count, sizeof count, _("latest %d"), CALLS_LIMIT);
	else
		snprintf(count, sizeof count, v->l.n == 1 ? _("%zu call") : _("%zu calls"), v->l.n);
	tui_put(r.y + 1, r.x + r.w - 15, 13, count, ALIGN_RIGHT, tui_attr(app, TA_MUTED));

	/* headers as calls_ui_row lays them out */
	tui_put(r.y + 3, hx + 1, 11, _("Started"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	hx += 14;
	tui_put(r.y + 3, hx, wide ? 26 : 20, _("Respondent"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	hx += (wide ? 26 : 20) + 2;
	tui_put(r.y + 3, hx, wide ? 24 : 16, _("Category"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	hx += (wide ? 24 : 16) + 2;
	tui_put(r.y + 3, hx, 9, _("State"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	hx += 11;
	if (cbcol) {
		tui_put(r.y + 3, hx, 11, _("Callback"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
		hx += 13;
	}
	tui_put(r.y + 3, hx, r.x + r.w - hx, cbcol ? _("Caller — notes") : _("Callback, caller — notes"),
		ALIGN_LEFT, tui_attr(app, TA_HEADER));
	if (v->l.n) {
		struct rect lr = {r.y + 4, r.x + 1, r.h - 4, r.w - 2};
		list_draw(app, &v->list, lr, row, v);
	} else {
		tui_put(r.y + r.h / 3, r.x, r.w, _("No call matches these filters"), ALIGN_CENTER,
			tui_attr(app, TA_MUTED));
	}
}

static int calls_key(struct app *app, void *st, int key, int action)
{
	struct calls_view *v = st;
	char keep[37] = "";
	(void)key;
	if (v->list.sel >= 0)
		snprintf(keep, sizeof keep, "%s", v->l.v[v->list.sel].id);
	if (list_move(&v->list, action))
		return R_REDRAW;
	switch (action) {
	case ACT_CALLS_OPEN_FILTER: v->open = !v->open; break;
	case ACT_CALLS_MINE: v->mine = !v->mine; break;
	case ACT_CALLS_DUE: v->due = !v->due; break;
	case ACT_CALLS_TODAY: v->today = !v->today; break;
	case ACT_CALLS_CATEGORY:
		v->cat = v->cat + 1 >= (int)v->cats.n ? -1 : v->cat + 1;
		break;
	case ACT_CALLS_ALL:
		v->open = v->mine = v->due = v->today = 0;
		v->cat = -1;
		break;
	case ACT_CALL_OPEN:
		if (v->list.sel < 0)
			return R_NONE;
		return calls_ui_open(app, keep);
	default:
		return calls_global_action(app, action);
	}
	load(app, v, keep);
	return R_REDRAW;
}

static void calls_reload(struct app *app, void *st)
{
	struct calls_view *v = st;
	char keep[37] = "";
	if (v->list.sel >= 0)
		snprintf(keep, sizeof keep, "%s", v->l.v[v->list.sel].id);
	load(app, v, keep);
}

const struct view_ops view_calls = {
	.name = "calls",
	.title = N_("Calls"),
	.state_size = sizeof(struct calls_view),
	.open = calls_open,
	.close = calls_close_view,
	.draw = calls_draw,
	.key = calls_key,
	.reload = calls_reload,
};

/* ":calls [open|due]" */
int tcmd_calls(struct app *app, const char *args)
{
	app_push(app, &view_calls, args);
	return R_REDRAW;
}

/* ":call" starts a new call, ":call ID" opens one. */
int tcmd_call(struct app *app, const char *args)
{
	if (!*args)
		return calls_ui_new(app, NULL);
	return calls_ui_open(app, args);
}
