/* Card section "Chiamate": the comune's calls, newest first, open ones
 * highlighted; F2 or n here is a new call for this comune; with the
 * section focused (Tab), the arrows choose a call and Enter opens it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/registry.h"
#include "calls_ui.h"

#define CARD_CALLS_MAX 100

struct card_calls {
	struct card_part p; /* its focus: keys for the list only then */
	struct call_list l;
	struct list list;
	int open;          /* how many are not closed */
};

static void load(struct app *app, void *st)
{
	struct card_calls *s = st;
	struct call_filter f = {.respondent = s->p.istat, .limit = CARD_CALLS_MAX};
	int sel = s->list.sel;
	call_list_free(&s->l);
	if (calls_list(app->ctx, &f, &s->l))
		memset(&s->l, 0, sizeof s->l);
	s->open = 0;
	for (size_t i = 0; i < s->l.n; i++)
		s->open += s->l.v[i].state != CALL_CHIUSA;
	list_reset(&s->list, (int)s->l.n);
	if (sel > 0 && sel < s->list.n)
		list_select(&s->list, sel);
}

static void *cc_open(struct app *app, const struct registry_comune *c)
{
	struct card_calls *s = card_part_new(app, sizeof *s, c);
	if (!s)
		return NULL;
	list_reset(&s->list, 0);
	load(app, s);
	return s;
}

static void cc_close(struct app *app, void *st)
{
	struct card_calls *s = st;
	(void)app;
	call_list_free(&s->l);
	free(s);
}

/* The open call with the next callback, NULL when none. */
static const struct call *next_callback(const struct card_calls *s)
{
	const struct call *next = NULL;
	for (size_t i = 0; i < s->l.n; i++) {
		const struct call *c = &s->l.v[i];
		if (c->state != CALL_CHIUSA && c->callback_due && (!next || c->callback_due < next->callback_due))
			next = c;
	}
	return next;
}

static int cc_height(struct app *app, void *st, int width)
{
	struct card_calls *s = st;
	(void)app;
	(void)width;
	return 1 + (next_callback(s) != NULL) + (int)(s->l.n < 8 ? s->l.n : 8);
}

static void row(struct app *app, void *arg, int i, int y, int x, int w, int selected)
{
	struct card_calls *s = arg;
	calls_ui_row(app, &s->l.v[i], y, x, w, selected && s->p.focused, 1);
}

/* The next callback on a line of its own, above the calls: it is what the
 * operator must not miss. */
static void draw_callback(struct app *app, const struct call *c, int y, int x, int w)
{
	char when[20], line[600];
	time_t now = cn_now(app->ctx);
	int due = c->callback_due <= now;
	cn_fmt_when(now, c->callback_due, when);
	snprintf(line, sizeof line, due ? _("Callback DUE %s (%s): %s, %s") : _("Callback %s (%s): %s, %s"), when,
		 c->callback_owner ? c->callback_owner : "", c->caller_name && *c->caller_name ? c->caller_name : "—",
		 c->category_label ? c->category_label : c->category);
	tui_put(y, x, w, line, ALIGN_LEFT, tui_attr(app, due ? TA_WARN : TA_ACCENT) | A_BOLD);
}

static void cc_draw(struct app *app, void *st, struct rect r, int focused)
{
	struct card_calls *s = st;
	char line[200], k[32];
	s->p.focused = focused;
	action_key_label(&app->keymap, ACT_NEW_CALL, k, sizeof k);
	if (!s->l.n)
		snprintf(line, sizeof line, _("No calls yet.  %s: new call for this comune"), k);
	else if (s->l.n == 1)
		snprintf(line, sizeof line, s->open ? _("1 call, open.  %s: new call for this comune")
						    : _("1 call.  %s: new call for this comune"), k);
	else if (s->open)
		snprintf(line, sizeof line, _("%zu calls, %d open.  %s: new call for this comune"), s->l.n, s->open, k);
	else
		snprintf(line, sizeof line, _("%zu calls.  %s: new call for this comune"), s->l.n, k);
	if (next_callback(s)) {
		draw_callback(app, next_callback(s), r.y, r.x, r.w);
		if (r.h < 2)
			return;
		r.y++;
		r.h--;
	}
	tui_put(r.y, r.x, r.w, line, ALIGN_LEFT, tui_attr(app, TA_MUTED));
	if (s->l.n && r.h > 1) {
		struct rect lr = {r.y + 1, r.x, r.h - 1, r.w};
		list_draw(app, &s->list, lr, row, s);
	}
}

static int cc_key(struct app *app, void *st, int key, int action)
{
	struct card_calls *s = st;
	(void)key;
	if (action == ACT_CALLS)
		return calls_global_action(app, action);
	if (!s->p.focused || !s->l.n)
		return R_PASS;
	if (list_move(&s->list, action))
		return R_REDRAW;
	if (action == ACT_CARD_CALL_OPEN && s->list.sel >= 0)
		return calls_ui_open(app, s->l.v[s->list.sel].id);
	return R_PASS;
}

const struct card_section card_calls = {
	.title = N_("Calls"),
	.column = 0,
	.open = cc_open,
	.close = cc_close,
	.reload = load,
	.height = cc_height,
	.draw = cc_draw,
	.key = cc_key,
};
