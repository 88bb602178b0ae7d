/* What the call screens share: starting the new-call flow, closing a call,
 * one call drawn on one line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"
#include "calls_ui.h"

int calls_ui_form(struct app *app, const struct call_start *s)
{
	app_push(app, &view_call_form, s);
	return R_REDRAW;
}

int calls_ui_new(struct app *app, const char *respondent)
{
	return calls_ui_new_at(app, respondent, cn_now(app->ctx));
}

int calls_ui_new_at(struct app *app, const char *respondent, time_t started)
{
	struct call_start s = {.mode = 'n', .started = started};
	if (respondent && *respondent) {
		snprintf(s.respondent, sizeof s.respondent, "%s", respondent);
		s.back = 1;
		return calls_ui_form(app, &s);
	}
	app_push(app, &view_call_pick, &s.started);
	return R_REDRAW;
}

int calls_global_action(struct app *app, int action)
{
	if (action == ACT_NEW_CALL)
		return calls_ui_new(app, NULL);
	if (action == ACT_CALLS) {
		struct view_inst *top = app_top(app);
		if (top && top->ops == &view_calls)
			return R_NONE;
		app_push(app, &view_calls, NULL);
		return R_REDRAW;
	}
	return R_PASS;
}

int calls_ui_follow(struct app *app, const char *call_id)
{
	struct call_start s = {.mode = 'n', .started = cn_now(app->ctx), .outbound = 1, .back = 1};
	snprintf(s.follows, sizeof s.follows, "%s", call_id);
	return calls_ui_form(app, &s);
}

int calls_ui_edit(struct app *app, const char *call_id)
{
	struct call_start s = {.mode = 'e', .back = 1};
	snprintf(s.follows, sizeof s.follows, "%s", call_id);
	return calls_ui_form(app, &s);
}

int calls_ui_open(struct app *app, const char *call_id)
{
	app_push(app, &view_call, call_id);
	return R_REDRAW;
}

/* A refusal goes under the form's field it names (f: the outcome form). */
static int close_done(struct app *app, const char *id, struct form *f)
{
	if (calls_close(app->ctx, id, f ? form_text(f, 0) : NULL))
		return f ? form_core_error(app, f) | R_KEEP : app_error(app);
	app_msg(app, MSG_OK, _("call %.8s closed"), id);
	return R_REDRAW | R_DATA;
}

static int close_yes(struct app *app, void *arg)
{
	return close_done(app, arg, NULL);
}

static int close_submit(struct app *app, struct form *f, void *arg)
{
	return close_done(app, arg, f);
}

int calls_ui_close(struct app *app, const struct call *c)
{
	char *id = xstrdup(c->id), text[300];
	if (c->outcome && *c->outcome) {
		snprintf(text, sizeof text, _("Close the call with its outcome \"%.200s\"?"), c->outcome);
		return box_confirm(app, _("Close call"), text, close_yes, id, free);
	}
	{
		static const struct form_field fields[] = {
			{.kind = FIELD_TEXT, .label = N_("Outcome"), .required = 1, .max = 500,
			 .note = N_("what was done: closing a call needs it"), .name = "outcome"},
		};
		struct form_spec spec = {
			.title = N_("Close call"), .fields = fields, .nfields = 1,
			.submit = close_submit, .free_arg = free, .arg = id,
		};
		return form_open(app, &spec);
	}
}

void calls_ui_row(struct app *app, const struct call *c, int y, int x, int w,
		  int selected, int hide_respondent)
{
	char when[20], who[300], cb[20] = "", rest[700], first[400];
	int open = c->state != CALL_CHIUSA;
	int due = open && c->callback_due && c->callback_due <= cn_now(app->ctx);
	attr_t base = selected ? tui_attr(app, TA_SELECTED) : open ? A_BOLD : A_NORMAL;
	attr_t state_attr = selected ? base : due ? tui_attr(app, TA_WARN) | A_BOLD
				: open ? tui_attr(app, TA_ACCENT) | A_BOLD : tui_attr(app, TA_MUTED);
	/* narrow: no callback column, the callback leads the last column */
	int wide = w >= 100, end = x + w;
	int rw = hide_respondent ? 0 : (w >= 110 ? 26 : 20);
	int cw = w >= 110 ? 24 : hide_respondent ? 22 : 16;

	tui_fill(y, x, w, ' ', base);
	cn_fmt_when(cn_now(app->ctx), c->started, when);
	x += 1;
	tui_put(y, x, 11, when, ALIGN_LEFT, base);
	x += 13;
	if (rw) {
		call_respondent_label(c, who, sizeof who);
		tui_put(y, x, rw, who, ALIGN_LEFT, base);
		x += rw + 2;
	}
	tui_put(y, x, cw, c->category_label ? c->category_label : c->category, ALIGN_LEFT, base);
	x += cw + 2;
	tui_put(y, x, 9, call_state_label(c->state), ALIGN_LEFT, state_attr);
	x += 11;
	if (c->callback_due && open)
		cn_fmt_when(cn_now(app->ctx), c->callback_due, cb);
	if (wide) {
		tui_put(y, x, 11, cb, ALIGN_LEFT, selected ? base : due ? tui_attr(app, TA_WARN) : base);
		x += 13;
	}
	snprintf(first, sizeof first, "%s", c->notes ? c->notes : "");
	first[strcspn(first, "\n")] = '\0';
	snprintf(rest, sizeof rest, "%s%s%s%s%s", !wide && cb[0] ? "↻ " : "", !wide ? cb : "",
		 !wide && cb[0] ? "  " : "", c->caller_name ? c->caller_name : "",
		 c->caller_name && first[0] ? " — " : "");
	snprintf(rest + strlen(rest), sizeof rest - strlen(rest), "%s", first);
	if (x < end)
		tui_put(y, x, end - x, rest, ALIGN_LEFT, selected ? base : due ? tui_attr(app, TA_WARN)
										: tui_attr(app, TA_MUTED));
}
