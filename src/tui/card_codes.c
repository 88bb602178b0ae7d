/* Card section "Codici": the comune's standing in each campaign — status,
 * deadline, and the active access code masked (s shows it: audited). Keys
 * for the selected campaign (↑ ↓ choose when there are several): i gives a
 * code, r re-issues, v revokes, s shows it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/campaign.h"
#include "centralino/clock.h"
#include "centralino/progress.h"
#include "centralino/registry.h"
#include "centralino/text.h"
#include "codes_ui.h"

#define ROWS_PER 2   /* lines per campaign */
#define SHOW_MAX 3   /* campaigns shown before scrolling */

struct card_codes {
	char istat[7];
	char name[256];
	struct campaign_standings l;
	int sel, top;
	int focused;
};

static void load(struct app *app, struct card_codes *s)
{
	campaign_standings_free(&s->l);
	if (campaign_standings_of(app->ctx, s->istat, &s->l))
		memset(&s->l, 0, sizeof s->l);
	if (s->sel >= (int)s->l.n)
		s->sel = s->l.n ? (int)s->l.n - 1 : 0;
}

static void *cc_open(struct app *app, const struct registry_comune *c)
{
	struct card_codes *s;
	if (!cn_may(app->ctx, CN_ROLE_ASSISTENZA) || !(s = calloc(1, sizeof *s)))
		return NULL;
	snprintf(s->istat, sizeof s->istat, "%s", c->istat);
	snprintf(s->name, sizeof s->name, "%s", c->name);
	load(app, s);
	if (!s->l.n) { /* in no campaign: nothing to show */
		free(s);
		return NULL;
	}
	/* start on the first open campaign that uses codes */
	for (size_t i = 0; i < s->l.n; i++)
		if (s->l.v[i].phase == CAMPAIGN_OPEN && s->l.v[i].uses_codes) {
			s->sel = (int)i;
			break;
		}
	return s;
}

static void cc_close(struct app *app, void *st)
{
	struct card_codes *s = st;
	(void)app;
	campaign_standings_free(&s->l);
	free(s);
}

static void cc_reload(struct app *app, void *st, const struct registry_comune *c)
{
	(void)c;
	load(app, st);
}

static int cc_height(struct app *app, void *st, int width)
{
	struct card_codes *s = st;
	int n = s->l.n < SHOW_MAX ? (int)s->l.n : SHOW_MAX;
	(void)app;
	(void)width;
	return n * ROWS_PER;
}

static const char *status_label(const char *stored)
{
	enum progress_status p;
	return progress_status_parse(stored, &p) == 0 ? progress_status_label(p) : stored;
}

static void draw_one(struct app *app, struct card_codes *s, int i, int y, int x, int w)
{
	const struct campaign_standing *c = &s->l.v[i];
	int mark = s->l.n > 1 && i == s->sel;
	attr_t base = mark && s->focused ? tui_attr(app, TA_SELECTED) : A_NORMAL;
	char left[512], right[160], line2[600], dl[11], when[17] = "", k[32];
	time_t t;
	int rw;

	cn_date_display(c->deadline, dl);
	snprintf(left, sizeof left, "%s%s — %s", mark ? "▸ " : s->l.n > 1 ? "  " : "", c->key, c->name);
	if (c->extended_until[0])
		snprintf(right, sizeof right, _("%s · deadline %s (proroga)"), status_label(c->status), dl);
	else if (c->phase == CAMPAIGN_OPEN)
		snprintf(right, sizeof right, _("%s · deadline %s"), status_label(c->status), dl);
	else
		snprintf(right, sizeof right, _("%s · deadline %s (%s)"), status_label(c->status), dl,
			 campaign_phase_label(c->phase));
	tui_fill(y, x, w, ' ', base);
	rw = text_width(right);
	if (rw > w * 3 / 5)
		rw = w * 3 / 5;
	tui_put(y, x, w - rw - 2, left, ALIGN_LEFT, base | A_BOLD);
	tui_put(y, x + w - rw, rw, right, ALIGN_RIGHT,
		base | tui_attr(app, strcmp(c->status, "inviato") == 0 ? TA_OK : TA_NORMAL));
	if (!c->uses_codes) {
		snprintf(line2, sizeof line2, "%s", _("no access codes in this campaign (open form)"));
	} else if (c->has_code && c->code_given) {
		if (cn_parse_time(c->issued_at, &t) == 0)
			cn_fmt_display(t, when);
		snprintf(line2, sizeof line2, _("Code %s  given on %s by %s to %s"),
			 c->code_masked, when, c->issued_by, c->caller_name);
	} else if (c->has_code) {
		snprintf(line2, sizeof line2, _("Code %s  made in bulk, not yet given  (%s: give it)"), c->code_masked,
			 action_key_label(ACT_CODE_ISSUE, k, sizeof k));
	} else {
		snprintf(line2, sizeof line2, _("No access code  (%s: issue one)"),
			 action_key_label(ACT_CODE_ISSUE, k, sizeof k));
	}
	tui_put(y + 1, x + 2, w - 2, line2, ALIGN_LEFT, tui_attr(app, c->has_code ? TA_NORMAL : TA_MUTED));
}

static void cc_draw(struct app *app, void *st, struct rect r, int focused)
{
	struct card_codes *s = st;
	int fit = r.h / ROWS_PER;
	s->focused = focused;
	if (fit < 1) {
		draw_one(app, s, s->sel, r.y, r.x, r.w);
		return;
	}
	if (s->sel < s->top)
		s->top = s->sel;
	if (s->sel >= s->top + fit)
		s->top = s->sel - fit + 1;
	for (int i = s->top, y = r.y; i < (int)s->l.n && y + 1 < r.y + r.h + 1; i++, y += ROWS_PER)
		draw_one(app, s, i, y, r.x, r.w);
}

static int cc_key(struct app *app, void *st, int key, int action)
{
	struct card_codes *s = st;
	const struct campaign_standing *c = s->l.n ? &s->l.v[s->sel] : NULL;
	(void)key;

	if (!c)
		return R_PASS;
	switch (action) {
	case ACT_CODE_ISSUE:
		return codes_ui_issue(app, c->key, s->istat, s->name, 0);
	case ACT_CODE_REISSUE:
		if (!c->has_code) {
			char k[32];
			app_msg(app, MSG_INFO, _("%s has no code for %s: %s issues one"), s->name, c->key,
				action_key_label(ACT_CODE_ISSUE, k, sizeof k));
			return R_REDRAW;
		}
		return codes_ui_issue(app, c->key, s->istat, s->name, 1);
	case ACT_CODE_REVOKE:
		return codes_ui_revoke(app, c->key, s->istat, s->name);
	case ACT_CODE_REVEAL:
		return codes_ui_reveal(app, c->key, s->istat);
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
	case ACT_FIRST:
	case ACT_LAST:
		if (!s->focused || s->l.n < 2)
			return R_PASS;
		if (action == ACT_MOVE_UP && s->sel > 0)
			s->sel--;
		else if (action == ACT_MOVE_DOWN && s->sel + 1 < (int)s->l.n)
			s->sel++;
		else if (action == ACT_FIRST)
			s->sel = 0;
		else if (action == ACT_LAST)
			s->sel = (int)s->l.n - 1;
		return R_REDRAW;
	}
	return R_PASS;
}

const struct card_section card_codes = {
	.title = N_("Codes"),
	.open = cc_open,
	.close = cc_close,
	.reload = cc_reload,
	.height = cc_height,
	.draw = cc_draw,
	.key = cc_key,
};
