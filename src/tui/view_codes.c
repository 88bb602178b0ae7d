/* The Codes screen: the access codes of a campaign (masked), filtered by
 * state; c changes campaign, f the filter, / asks "whose code is this?"
 * (a mistyped code is recognised and the codes one slip away offered),
 * Enter opens the card of the selected comune. Opened with :codes [CODE]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/campaign.h"
#include "centralino/clock.h"
#include "centralino/code.h"
#include "centralino/numfmt.h"
#include "centralino/xalloc.h"
#include "codes_ui.h"

enum filter { FILTER_ALL, FILTER_ACTIVE, FILTER_NOT_GIVEN, FILTER_REVOKED, FILTER_N };

struct codes_view {
	struct campaigns campaigns;   /* those that use codes */
	int campaign;                 /* index, -1 when none */
	enum filter filter;
	struct code_infos all;        /* the campaign's codes */
	size_t *shown;                /* indexes into all.v after the filter */
	size_t nshown;
	struct list list;
};

static const char *filter_label(enum filter f)
{
	/* TRANSLATORS: which codes the Codes screen shows ("Showing: active") */
	switch (f) {
	case FILTER_ALL: return C_("codes", "all");
	case FILTER_ACTIVE: return C_("codes", "active");
	case FILTER_NOT_GIVEN: return C_("codes", "made, not yet given");
	case FILTER_REVOKED: return C_("codes", "revoked");
	default: return "?";
	}
}

static int passes(const struct code_info *c, enum filter f)
{
	int active = strcmp(c->state, "active") == 0;
	switch (f) {
	case FILTER_ACTIVE: return active;
	case FILTER_NOT_GIVEN: return active && !c->given_at[0];
	case FILTER_REVOKED: return !active;
	default: return 1;
	}
}

static void apply_filter(struct codes_view *v)
{
	v->nshown = 0;
	for (size_t i = 0; i < v->all.n; i++)
		if (passes(&v->all.v[i], v->filter))
			v->shown[v->nshown++] = i;
	list_reset(&v->list, (int)v->nshown);
}

static void load_codes(struct app *app, struct codes_view *v)
{
	int sel = v->list.sel;
	code_infos_free(&v->all);
	free(v->shown);
	v->shown = NULL;
	v->nshown = 0;
	if (v->campaign >= 0 && code_list(app->ctx, v->campaigns.v[v->campaign].key, CODE_ALL, 0, &v->all))
		app_error(app);
	if (v->all.n)
		v->shown = xcalloc(v->all.n, sizeof *v->shown);
	apply_filter(v);
	if (sel > 0 && sel < v->list.n)
		list_select(&v->list, sel);
}

/* The campaigns that use codes; the first open one is chosen. */
static void load_campaigns(struct app *app, struct codes_view *v)
{
	struct campaigns all;
	size_t o = 0;
	v->campaign = -1;
	if (campaign_list(app->ctx, &all)) {
		app_error(app);
		return;
	}
	for (size_t i = 0; i < all.n; i++)
		if (all.v[i].uses_codes)
			all.v[o++] = all.v[i];
	all.n = o;
	v->campaigns = all;
	for (size_t i = 0; i < o && v->campaign < 0; i++)
		if (all.v[i].phase == CAMPAIGN_OPEN)
			v->campaign = (int)i;
	if (v->campaign < 0 && o)
		v->campaign = 0;
}

/* arg: none. */
static int codes_open(struct app *app, void *st, const void *arg)
{
	struct codes_view *v = st;
	(void)arg;
	if (screen_require(app, CN_ROLE_ASSISTENZA, _("list codes")))
		return -1;
	list_reset(&v->list, 0);
	load_campaigns(app, v);
	load_codes(app, v);
	return 0;
}

static void codes_close(struct app *app, void *st)
{
	struct codes_view *v = st;
	(void)app;
	campaigns_free(&v->campaigns);
	code_infos_free(&v->all);
	free(v->shown);
}

struct columns {
	int code, id, name, state, given, by, caller;
};

/* At 80 columns: code, id, name, state, day, by; wider: the time of day,
 * longer ids (AMB:...) and the caller. */
static struct columns layout(int w)
{
	int wide = w >= 100;
	struct columns c = {.code = 17, .id = wide ? 10 : 7, .state = 10, .given = wide ? 16 : 10,
			    .by = wide ? 10 : 8};
	int rest = w - 1 - c.code - c.id - c.state - c.given - c.by - 10;
	c.caller = w >= 110 ? rest / 3 : 0;
	c.name = rest - c.caller - (c.caller ? 2 : 0);
	if (c.name < 8)
		c.name = 8;
	return c;
}

static const char *state_text(const struct code_info *c)
{
	if (strcmp(c->state, "active") != 0)
		return _("revoked");
	return c->given_at[0] ? _("active") : _("not given");
}

static void row(struct app *app, void *arg, int i, int y, int x, int w, int sel)
{
	struct codes_view *v = arg;
	const struct code_info *c = &v->all.v[v->shown[i]];
	struct columns k = layout(w);
	attr_t base = sel ? tui_attr(app, TA_SELECTED) : strcmp(c->state, "active") ? tui_attr(app, TA_MUTED) : A_NORMAL;
	char when[17] = "";
	time_t t;

	if (c->given_at[0] && cn_parse_time(c->given_at, &t) == 0) {
		if (k.given >= 16)
			cn_fmt_display(t, when);
		else
			cn_fmt_day(t, when);
	}
	tui_fill(y, x, w, ' ', base);
	x += 1;
	tui_put(y, x, k.code, c->code, ALIGN_LEFT, base);
	x += k.code + 2;
	tui_put(y, x, k.id, c->respondent_id, ALIGN_LEFT, base);
	x += k.id + 2;
	tui_put(y, x, k.name, c->respondent_name, ALIGN_LEFT, base | (sel ? 0 : A_BOLD));
	x += k.name + 2;
	tui_put(y, x, k.state, state_text(c), ALIGN_LEFT, base);
	x += k.state + 2;
	tui_put(y, x, k.given, when, ALIGN_LEFT, base);
	x += k.given + 2;
	tui_put(y, x, k.by, c->given_by, ALIGN_LEFT, base);
	x += k.by + 2;
	if (k.caller > 0)
		tui_put(y, x, k.caller, c->caller_name, ALIGN_LEFT, base);
}

static void codes_draw(struct app *app, void *st, struct rect r)
{
	struct codes_view *v = st;
	struct columns k = layout(r.w);
	char line[600], n1[32], n2[32];
	int x = r.x + 1;

	if (v->campaign < 0) {
		tui_put(r.y + 1, r.x + 2, r.w - 4, _("No campaign uses access codes yet."), ALIGN_LEFT,
			tui_attr(app, TA_MUTED));
		return;
	}
	snprintf(line, sizeof line, _("Campaign %s — %s"), v->campaigns.v[v->campaign].key,
		 v->campaigns.v[v->campaign].name);
	tui_put(r.y + 1, r.x + 2, r.w - 4, line, ALIGN_LEFT, tui_attr(app, TA_ACCENT) | A_BOLD);
	numfmt_int((long)v->nshown, n1, sizeof n1);
	numfmt_int((long)v->all.n, n2, sizeof n2);
	{
		char kc[32], kf[32];
		action_key_label(&app->keymap, ACT_CODES_CAMPAIGN, kc, sizeof kc);
		action_key_label(&app->keymap, ACT_CODES_FILTER, kf, sizeof kf);
		snprintf(line, sizeof line, _("Showing: %s (%s of %s codes)   %s: campaign  %s: filter  /: whose code is this?"),
			 filter_label(v->filter), n1, n2, kc, kf);
	}
	tui_put(r.y + 2, r.x + 2, r.w - 4, line, ALIGN_LEFT, tui_attr(app, TA_MUTED));

	tui_put(r.y + 4, x, k.code, _("Code"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	x += k.code + 2;
	tui_put(r.y + 4, x, k.id, _("Id"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	x += k.id + 2;
	tui_put(r.y + 4, x, k.name, _("Respondent"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	x += k.name + 2;
	tui_put(r.y + 4, x, k.state, _("State"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	x += k.state + 2;
	tui_put(r.y + 4, x, k.given, _("Given"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	x += k.given + 2;
	tui_put(r.y + 4, x, k.by, _("By"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	x += k.by + 2;
	if (k.caller > 0)
		tui_put(r.y + 4, x, k.caller, _("Caller"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	if (!v->nshown) {
		tui_put(r.y + 6, r.x + 2, r.w - 4, _("No codes here."), ALIGN_LEFT, tui_attr(app, TA_MUTED));
		return;
	}
	{
		struct rect lr = {r.y + 5, r.x, r.h - 5, r.w};
		list_draw(app, &v->list, lr, row, v);
	}
}

static int codes_key(struct app *app, void *st, int key, int action)
{
	struct codes_view *v = st;
	(void)key;
	if (list_move(&v->list, action))
		return R_REDRAW;
	switch (action) {
	case ACT_CODES_CAMPAIGN:
		if (v->campaigns.n > 1) {
			v->campaign = (v->campaign + 1) % (int)v->campaigns.n;
			list_reset(&v->list, 0);
			load_codes(app, v);
		}
		return R_REDRAW;
	case ACT_CODES_FILTER:
		v->filter = (v->filter + 1) % FILTER_N;
		apply_filter(v);
		return R_REDRAW;
	case ACT_CODES_FIND:
		return codes_ui_find(app, NULL);
	case ACT_CODES_OPEN:
		if (v->list.sel >= 0 && (size_t)v->list.sel < v->nshown) {
			const struct code_info *c = &v->all.v[v->shown[v->list.sel]];
			if (strcmp(c->respondent_kind, "comune") == 0)
				return app_open_card(app, c->respondent_id);
			app_msg(app, MSG_INFO, _("%s is not a comune: it has no card"), c->respondent_name);
			return R_REDRAW;
		}
		return R_NONE;
	}
	return R_PASS;
}

static void codes_reload(struct app *app, void *st)
{
	load_codes(app, st);
}

const struct view_ops view_codes = {
	.name = "codes",
	.title = N_("Codes"),
	.state_size = sizeof(struct codes_view),
	.open = codes_open,
	.close = codes_close,
	.draw = codes_draw,
	.key = codes_key,
	.reload = codes_reload,
};

/* :codes [CODE] — the Codes screen; with a code, whose it is. */
int tcmd_codes(struct app *app, const char *args)
{
	struct view_inst *top = app_top(app);
	if (!top || top->ops != &view_codes)
		app_push(app, &view_codes, NULL); /* a refusal leaves its message */
	if (args && *args)
		return codes_ui_find(app, args);
	return R_REDRAW;
}
