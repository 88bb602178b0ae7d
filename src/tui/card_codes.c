/* Card section "Codes": the comune's standing in each campaign — status,
 * submission, effective deadline (with its proroga), the active access
 * code masked with who gave it to whom, and every revoked one with who,
 * when and why. Keys for the selected campaign (↑ ↓ choose when there are
 * several) from actions.def: give, re-issue, revoke, read out again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/campaign_standing.h"
#include "centralino/clock.h"
#include "centralino/code.h"
#include "centralino/progress.h"
#include "centralino/registry.h"
#include "centralino/text.h"
#include "codes_ui.h"

#define SHOW_MAX 3   /* campaigns asked room for before scrolling */
#define DETAIL_W 80  /* from this width, how the caller was checked and the call */

struct card_codes {
	struct card_part p;
	struct campaign_standings l;
	struct code_infos codes;   /* every campaign, newest first */
	int top;
};

static void load(struct app *app, void *st)
{
	struct card_codes *s = st;
	campaign_standings_free(&s->l);
	code_infos_free(&s->codes);
	if (campaign_standings_of(app->ctx, s->p.istat, &s->l))
		memset(&s->l, 0, sizeof s->l);
	if (code_of_respondent(app->ctx, s->p.istat, &s->codes))
		memset(&s->codes, 0, sizeof s->codes);
	if (s->p.sel >= (int)s->l.n)
		s->p.sel = s->l.n ? (int)s->l.n - 1 : 0;
}

static void *cc_open(struct app *app, const struct registry_comune *c)
{
	struct card_codes *s = card_part_new(app, sizeof *s, c);
	if (!s)
		return NULL;
	load(app, s);
	if (!s->l.n) { /* in no campaign: nothing to show */
		code_infos_free(&s->codes);
		free(s);
		return NULL;
	}
	/* start on the first open campaign that uses codes */
	for (size_t i = 0; i < s->l.n; i++)
		if (s->l.v[i].phase == CAMPAIGN_OPEN && s->l.v[i].uses_codes) {
			s->p.sel = (int)i;
			break;
		}
	return s;
}

static void cc_close(struct app *app, void *st)
{
	struct card_codes *s = st;
	(void)app;
	campaign_standings_free(&s->l);
	code_infos_free(&s->codes);
	free(s);
}

static int is_revoked_of(const struct code_info *k, const struct campaign_standing *c)
{
	return strcmp(k->state, "active") != 0 && strcmp(k->campaign_key, c->key) == 0;
}

/* The active code of campaign c, NULL when none. */
static const struct code_info *active_of(const struct card_codes *s, const struct campaign_standing *c)
{
	for (size_t j = 0; j < s->codes.n; j++)
		if (strcmp(s->codes.v[j].state, "active") == 0 && strcmp(s->codes.v[j].campaign_key, c->key) == 0)
			return &s->codes.v[j];
	return NULL;
}

/* A wide section gives the active code a line of its own for how the
 * caller was checked and on which call. */
static int has_detail(const struct card_codes *s, int i, int width)
{
	const struct code_info *a = active_of(s, &s->l.v[i]);
	return width >= DETAIL_W && a && a->given_at[0] && (a->verified[0] || a->call_id[0]);
}

/* Lines of campaign i: its standing, its code (and its detail), one per
 * revoked code. */
static int rows_of(const struct card_codes *s, int i, int width)
{
	int n = 2 + has_detail(s, i, width);
	for (size_t j = 0; j < s->codes.n; j++)
		n += is_revoked_of(&s->codes.v[j], &s->l.v[i]);
	return n;
}

static int cc_height(struct app *app, void *st, int width)
{
	struct card_codes *s = st;
	int h = 0;
	(void)app;
	for (int i = 0; i < (int)s->l.n && i < SHOW_MAX; i++)
		h += rows_of(s, i, width);
	return h;
}

static const char *status_label(const char *stored)
{
	enum progress_status p;
	return progress_status_parse(stored, &p) == 0 ? progress_status_label(p) : stored;
}

static void when_of(const char *iso, char out[17])
{
	time_t t;
	out[0] = '\0';
	if (iso && *iso && cn_parse_time(iso, &t) == 0)
		cn_fmt_display(t, out);
}

/* "code issued, sent 05/07/2019 · deadline 15/09/2019 (proroga)" */
static void standing_text(const struct campaign_standing *c, int wide, char *out, size_t size)
{
	char dl[11], cdl[11], sent[17], st[160];
	cn_date_display(c->deadline, dl);
	cn_date_display(c->campaign_deadline, cdl);
	when_of(c->submitted_at, sent);
	sent[10] = '\0';
	if (sent[0])
		snprintf(st, sizeof st, _("%s, sent %s"), status_label(c->status), sent);
	else
		snprintf(st, sizeof st, "%s", status_label(c->status));
	if (c->extended_until[0] && wide)
		snprintf(out, size, _("%s · deadline %s (proroga; was %s)"), st, dl, cdl);
	else if (c->extended_until[0])
		snprintf(out, size, _("%s · deadline %s (proroga)"), st, dl);
	else if (c->phase == CAMPAIGN_OPEN)
		snprintf(out, size, _("%s · deadline %s"), st, dl);
	else
		snprintf(out, size, _("%s · deadline %s (%s)"), st, dl, campaign_phase_label(c->phase));
}

/* The active code's line. */
static void code_text(const struct keymap *km, const struct campaign_standing *c, char *out, size_t size)
{
	char when[17], k[32];
	if (!c->uses_codes) {
		snprintf(out, size, "%s", _("no access codes in this campaign (open form)"));
	} else if (c->has_code && c->code_given) {
		when_of(c->issued_at, when);
		snprintf(out, size, _("Code %s  given on %s by %s to %s"), c->code_masked, when, c->issued_by,
			 c->caller_name);
	} else if (c->has_code) {
		snprintf(out, size, _("Code %s  made in bulk, not yet given  (%s: give it)"), c->code_masked,
			 action_key_label(km, ACT_CODE_ISSUE, k, sizeof k));
	} else {
		snprintf(out, size, _("No access code  (%s: issue one)"), action_key_label(km, ACT_CODE_ISSUE, k, sizeof k));
	}
}

static void detail_text(const struct code_info *a, char *out, size_t size)
{
	if (a->verified[0] && a->call_id[0])
		snprintf(out, size, _("call %.8s · checked: %s"), a->call_id, code_verified_text(a->verified));
	else if (a->verified[0])
		snprintf(out, size, _("checked: %s"), code_verified_text(a->verified));
	else
		snprintf(out, size, _("call %.8s"), a->call_id);
}

/* Campaign i from row y, at most h rows: its lines drawn. */
static void draw_one(struct app *app, struct card_codes *s, int i, int y, int x, int w, int h)
{
	const struct campaign_standing *c = &s->l.v[i];
	int mark = s->l.n > 1 && i == s->p.sel, rw, lw, wide = w >= DETAIL_W, line = 2;
	attr_t base = mark && s->p.focused ? tui_attr(app, TA_SELECTED) : A_NORMAL;
	char left[512], right[300], text[700], when[17];

	snprintf(left, sizeof left, "%s%s — %s", mark ? "▸ " : s->l.n > 1 ? "  " : "", c->key, c->name);
	standing_text(c, wide, right, sizeof right);
	tui_fill(y, x, w, ' ', base);
	/* the campaign's name gives way to the standing, its key does not */
	rw = text_width(right);
	lw = text_width(c->key) + 8;
	if (rw > w - lw - 2)
		rw = w - lw - 2;
	tui_put(y, x, w - rw - 2, left, ALIGN_LEFT, base | A_BOLD);
	tui_put(y, x + w - rw, rw, right, ALIGN_RIGHT,
		base | tui_attr(app, strcmp(c->status, "inviato") == 0 ? TA_OK : TA_NORMAL));
	if (h < 2)
		return;
	code_text(&app->keymap, c, text, sizeof text);
	tui_put(y + 1, x + 2, w - 2, text, ALIGN_LEFT, tui_attr(app, c->has_code ? TA_NORMAL : TA_MUTED));
	if (has_detail(s, i, w) && line < h) {
		detail_text(active_of(s, c), text, sizeof text);
		tui_put(y + line++, x + 2 + 5, w - 7, text, ALIGN_LEFT, tui_attr(app, TA_MUTED));
	}
	for (size_t j = 0; j < s->codes.n && line < h; j++) {
		const struct code_info *k = &s->codes.v[j];
		if (!is_revoked_of(k, c))
			continue;
		when_of(k->revoked_at, when);
		snprintf(text, sizeof text, _("Revoked %s  %s by %s: %s"), k->code, when, k->revoked_by,
			 k->revoke_reason);
		tui_put(y + line++, x + 2, w - 2, text, ALIGN_LEFT, tui_attr(app, TA_MUTED));
	}
}

static void cc_draw(struct app *app, void *st, struct rect r, int focused)
{
	struct card_codes *s = st;
	int used = 0;
	s->p.focused = focused;
	if (s->p.sel < s->top)
		s->top = s->p.sel;
	/* the selected campaign whole on screen when it fits */
	for (;;) {
		used = 0;
		for (int i = s->top; i <= s->p.sel; i++)
			used += rows_of(s, i, r.w);
		if (used <= r.h || s->top == s->p.sel)
			break;
		s->top++;
	}
	for (int i = s->top, y = r.y; i < (int)s->l.n && y < r.y + r.h; i++) {
		int h = rows_of(s, i, r.w);
		draw_one(app, s, i, y, r.x, r.w, r.y + r.h - y);
		y += h;
	}
}

static int cc_key(struct app *app, void *st, int key, int action)
{
	struct card_codes *s = st;
	const struct campaign_standing *c = s->l.n ? &s->l.v[s->p.sel] : NULL;
	(void)key;

	if (!c)
		return R_PASS;
	switch (action) {
	case ACT_CODE_ISSUE:
		return codes_ui_issue(app, c->key, s->p.istat, s->p.name, 0);
	case ACT_CODE_REISSUE:
		if (!c->has_code) {
			char k[32];
			app_msg(app, MSG_INFO, _("%s has no code for %s: %s issues one"), s->p.name, c->key,
				action_key_label(&app->keymap, ACT_CODE_ISSUE, k, sizeof k));
			return R_REDRAW;
		}
		return codes_ui_issue(app, c->key, s->p.istat, s->p.name, 1);
	case ACT_CODE_REVOKE:
		return codes_ui_revoke(app, c->key, s->p.istat, s->p.name);
	case ACT_CODE_REVEAL:
		return codes_ui_reveal(app, c->key, s->p.istat);
	}
	return card_part_move(&s->p, s->l.n, action);
}

const struct card_section card_codes = {
	.title = N_("Codes"),
	.column = 0,
	.open = cc_open,
	.close = cc_close,
	.reload = load,
	.height = cc_height,
	.draw = cc_draw,
	.key = cc_key,
};
