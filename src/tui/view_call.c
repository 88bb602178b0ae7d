/* One call, all of it: e changes it, x closes it, r calls back (a new
 * outbound call that follows it), Enter on a follow-up opens that. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/text.h"
#include "calls_ui.h"

struct one {
	char id[37];
	struct call c;
	struct call_list next;   /* calls that follow this one */
	int loaded;
	char title[64];
};

static int load(struct app *app, struct one *o)
{
	struct call_filter f = {.follows = o->id};
	struct call c;
	if (calls_get(app->ctx, o->id, &c))
		return -1;
	if (o->loaded) {
		call_free(&o->c);
		call_list_free(&o->next);
	}
	o->c = c;
	o->loaded = 1;
	if (calls_list(app->ctx, &f, &o->next))
		memset(&o->next, 0, sizeof o->next);
	snprintf(o->title, sizeof o->title, _("Call %.8s"), o->id);
	return 0;
}

/* arg: the call's id, or the start of it (const char *). */
static int one_open(struct app *app, void *st, const void *arg)
{
	struct one *o = st;
	if (calls_resolve_id(app->ctx, arg ? (const char *)arg : "", o->id) || load(app, o)) {
		app_error(app);
		return -1;
	}
	return 0;
}

static void one_close(struct app *app, void *st)
{
	struct one *o = st;
	(void)app;
	call_free(&o->c);
	call_list_free(&o->next);
}

struct wrap_ctx {
	int y, x, w, max;
	attr_t attr;
};

static void wrap_line(void *arg, int i, const char *s, size_t n)
{
	struct wrap_ctx *w = arg;
	char buf[1024];
	if (i >= w->max)
		return;
	snprintf(buf, sizeof buf, "%.*s", (int)n, s);
	tui_put(w->y + i, w->x, w->w, buf, ALIGN_LEFT, w->attr);
}

/* label + value; multi-line values wrapped; returns the rows used. */
static int line(struct app *app, int y, int x, int lw, int w, int maxy, const char *label,
		const char *value, attr_t attr)
{
	struct wrap_ctx wc = {y, x + lw + 2, w - lw - 2, maxy - y, attr};
	int n;
	if (!value || !*value || y >= maxy)
		return 0;
	tui_put(y, x, lw, label, ALIGN_LEFT, tui_attr(app, TA_LABEL));
	n = tui_wrap(value, wc.w, wrap_line, &wc);
	return n < wc.max ? n : wc.max;
}

static void one_draw(struct app *app, void *st, struct rect r)
{
	struct one *o = st;
	const struct call *c = &o->c;
	char buf[600], a[17], b[17], d[16], who[300], shown[PHONE_DISPLAY_MAX];
	int y = r.y + 1, x = r.x + 2, w = r.w - 4, maxy = r.y + r.h - 1, lw = 0;
	int due = c->state != CALL_CHIUSA && c->callback_due && c->callback_due <= cn_now(app->ctx);

	call_respondent_label(c, who, sizeof who);
	snprintf(buf, sizeof buf, "%s — %s", who, c->category_label);
	tui_put(y, x, w - 12, buf, ALIGN_LEFT, tui_attr(app, TA_ACCENT) | A_BOLD);
	tui_put(y, x + w - 11, 11, call_state_label(c->state), ALIGN_RIGHT,
		tui_attr(app, c->state == CALL_CHIUSA ? TA_MUTED : due ? TA_WARN : TA_ACCENT) | A_BOLD);
	y += 2;
	{
		const char *names[] = {_("Time"), _("Operator"), _("Respondent"), _("Campaign"), _("Caller"),
				       _("Phone"), _("E-mail"), _("Callback"), _("Follows"), _("Notes"),
				       _("Outcome"), _("Closed")};
		for (size_t i = 0; i < sizeof names / sizeof *names; i++)
			if (text_width(names[i]) > lw)
				lw = text_width(names[i]);
	}
	cn_fmt_display(c->started, a);
	call_duration_text(c->started, c->ended, d, sizeof d);
	if (c->ended) {
		cn_fmt_display(c->ended, b);
		snprintf(buf, sizeof buf, "%s - %s (%s)", a, b + 11, d);
	} else {
		snprintf(buf, sizeof buf, "%s", a);
	}
	y += line(app, y, x, lw, w, maxy, _("Time"), buf, A_NORMAL);
	snprintf(buf, sizeof buf, "%s (%s) · %s", c->operator_name ? c->operator_name : "",
		 c->operator_login, call_direction_label(c->direction));
	y += line(app, y, x, lw, w, maxy, _("Operator"), buf, A_NORMAL);
	if (c->respondent_id)
		snprintf(buf, sizeof buf, "%s  [%s]", who, c->respondent_id);
	else
		snprintf(buf, sizeof buf, "%s", who);
	y += line(app, y, x, lw, w, maxy, _("Respondent"), buf, A_NORMAL);
	y += line(app, y, x, lw, w, maxy, _("Campaign"), c->campaign_key, A_NORMAL);
	snprintf(buf, sizeof buf, "%s%s%s", c->caller_name ? c->caller_name : "",
		 c->caller_name && c->caller_office ? " — " : "", c->caller_office ? c->caller_office : "");
	y += line(app, y, x, lw, w, maxy, _("Caller"), buf, A_NORMAL);
	if (c->phone) {
		phone_display(c->phone, shown);
		y += line(app, y, x, lw, w, maxy, _("Phone"), shown, A_NORMAL);
	}
	y += line(app, y, x, lw, w, maxy, _("E-mail"), c->email, A_NORMAL);
	if (c->callback_due) {
		cn_fmt_display(c->callback_due, a);
		snprintf(buf, sizeof buf, _("%s by %s%s"), a, c->callback_owner,
			 due ? _(" — due now") : c->state == CALL_CHIUSA ? _(" (call closed)") : "");
		y += line(app, y, x, lw, w, maxy, _("Callback"), buf, tui_attr(app, due ? TA_WARN : TA_NORMAL));
	}
	if (c->follows) {
		snprintf(buf, sizeof buf, "%.8s", c->follows);
		y += line(app, y, x, lw, w, maxy, _("Follows"), buf, A_NORMAL);
	}
	y += line(app, y, x, lw, w, maxy, _("Notes"), c->notes, A_NORMAL);
	y += line(app, y, x, lw, w, maxy, _("Outcome"), c->outcome, A_NORMAL);
	if (c->closed) {
		cn_fmt_display(c->closed, a);
		snprintf(buf, sizeof buf, _("%s by %s"), a, c->closed_by ? c->closed_by : "");
		y += line(app, y, x, lw, w, maxy, _("Closed"), buf, tui_attr(app, TA_MUTED));
	}
	if (o->next.n && y + 2 < maxy) {
		tui_rule(app, ++y, r.x + 1, r.w - 2, _("Followed by"), 0);
		y++;
		for (size_t i = 0; i < o->next.n && y < maxy; i++)
			calls_ui_row(app, &o->next.v[i], y++, r.x + 1, r.w - 2, 0, 1);
	}
}

static int one_key(struct app *app, void *st, int key, int action)
{
	struct one *o = st;
	(void)key;
	switch (action) {
	case ACT_CALL_EDIT:
		return calls_ui_edit(app, o->id);
	case ACT_CALL_CLOSE:
		if (o->c.state == CALL_CHIUSA) {
			app_msg(app, MSG_INFO, "%s", _("this call is closed already (e changes its state)"));
			return R_REDRAW;
		}
		return calls_ui_close(app, &o->c);
	case ACT_CALL_BACK:
		return calls_ui_follow(app, o->id);
	case ACT_NEW_CALL:
		/* a new call from here is most likely the same respondent again */
		return calls_ui_new(app, o->c.respondent_id);
	}
	return calls_global_action(app, action);
}

static void one_reload(struct app *app, void *st)
{
	load(app, st);
}

static const char *one_title(struct app *app, void *st)
{
	(void)app;
	return ((struct one *)st)->title;
}

const struct view_ops view_call = {
	.name = "call",
	.title = N_("Call"),
	.state_size = sizeof(struct one),
	.open = one_open,
	.close = one_close,
	.draw = one_draw,
	.key = one_key,
	.reload = one_reload,
	.title_of = one_title,
};
