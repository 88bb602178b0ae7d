/* New call, first step: who is calling? The timer runs from the key that
 * opened this screen. Typing searches comuni as on the lookup screen; a
 * phone number also shows whom it called for before. Enter picks; Enter
 * with nothing typed means the caller is not identified. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/phone.h"
#include "centralino/registry.h"
#include "centralino/text.h"
#include "calls_ui.h"

#define PICK_LIMIT 60
#define PICK_PHONE_ROWS 6

struct pick {
	time_t started;
	struct input q;
	char searched[INPUT_MAX];
	struct registry_hits hits;
	struct call_list earlier;          /* calls from the typed number */
	int phone_row[PICK_PHONE_ROWS];    /* rows: index into earlier.v, one per respondent */
	int nphone;
	struct list list;
	char near[400];                    /* nothing found: "Did you mean ..." */
};

static int digits_in(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += isdigit((unsigned char)*s) != 0;
	return n;
}

static void search(struct app *app, struct pick *p)
{
	char key[PHONE_KEY_MAX];
	const char *why;

	registry_hits_free(&p->hits);
	call_list_free(&p->earlier);
	memset(&p->hits, 0, sizeof p->hits);
	p->nphone = 0;
	snprintf(p->searched, sizeof p->searched, "%s", p->q.buf);
	if (p->q.len && digits_in(p->q.buf) >= 6 && phone_normalise(p->q.buf, key, &why) == 0 &&
	    calls_by_phone(app->ctx, key, 50, &p->earlier) == CN_OK) {
		/* one row per respondent the number called for, newest first */
		for (size_t i = 0; i < p->earlier.n && p->nphone < PICK_PHONE_ROWS; i++) {
			const struct call *c = &p->earlier.v[i];
			int seen = !c->respondent_id;
			for (int k = 0; k < p->nphone && !seen; k++)
				seen = !strcmp(p->earlier.v[p->phone_row[k]].respondent_id, c->respondent_id);
			if (!seen)
				p->phone_row[p->nphone++] = (int)i;
		}
	}
	/* a long number is no comune name: the search would only say so */
	if (p->q.len && digits_in(p->q.buf) <= 6 &&
	    registry_search(app->ctx, p->q.buf, PICK_LIMIT, &p->hits)) {
		app_error(app);
		memset(&p->hits, 0, sizeof p->hits);
	}
	p->near[0] = '\0';
	if (p->q.len && digits_in(p->q.buf) == 0 && p->nphone + p->hits.n == 0)
		lookup_did_you_mean(app, p->q.buf, p->near, sizeof p->near);
	list_reset(&p->list, p->nphone + (int)p->hits.n);
}

/* arg: when the call was taken (const time_t *), or NULL: now. */
static int pick_open(struct app *app, void *st, const void *arg)
{
	struct pick *p = st;
	p->started = arg ? *(const time_t *)arg : cn_now(app->ctx);
	p->q.max = 100;
	list_reset(&p->list, 0);
	return 0;
}

static void pick_close(struct app *app, void *st)
{
	struct pick *p = st;
	(void)app;
	registry_hits_free(&p->hits);
	call_list_free(&p->earlier);
}

static void timer(struct app *app, time_t started, char *out, size_t n)
{
	char d[16];
	call_duration_text(started, cn_now(app->ctx), d, sizeof d);
	snprintf(out, n, _("call in progress %s"), d[0] ? d : "0:00");
}

static void row(struct app *app, void *arg, int i, int y, int x, int w, int selected)
{
	struct pick *p = arg;
	attr_t base = selected ? tui_attr(app, TA_SELECTED) : A_NORMAL;
	char text[700];

	tui_fill(y, x, w, ' ', base);
	if (i < p->nphone) {
		const struct call *c = &p->earlier.v[p->phone_row[i]];
		char who[300], when[20], shown[PHONE_DISPLAY_MAX];
		call_respondent_label(c, who, sizeof who);
		cn_fmt_when(cn_now(app->ctx), c->started, when);
		phone_display(c->phone, shown);
		snprintf(text, sizeof text, _("%s called on %s for %s%s%s"), shown, when, who,
			 c->caller_name ? " — " : "", c->caller_name ? c->caller_name : "");
		tui_put(y, x + 1, w - 2, text, ALIGN_LEFT, selected ? base : tui_attr(app, TA_ACCENT));
		return;
	}
	{
		const struct registry_hit *h = &p->hits.v[i - p->nphone];
		int nw = w - 40;
		snprintf(text, sizeof text, "%s%s%s", h->name, h->name_other && *h->name_other ? "/" : "",
			 h->name_other ? h->name_other : "");
		tui_put(y, x + 1, nw, text, ALIGN_LEFT, base);
		tui_put(y, x + 2 + nw, 2, h->sigla, ALIGN_LEFT, base | A_BOLD);
		tui_put(y, x + 6 + nw, 24, h->regione, ALIGN_LEFT, base);
		tui_put(y, x + 32 + nw, 6, h->istat, ALIGN_LEFT, selected ? base : tui_attr(app, TA_MUTED));
		if (h->suppressed)
			tui_put(y, x + w - 11, 10, _("suppressed"), ALIGN_RIGHT, base | tui_attr(app, TA_WARN));
		else if (h->merged) {
			char note[400];
			lookup_hit_note(h, note, sizeof note);
			tui_put(y, x + 1 + text_width(text) + 1, nw - text_width(text) - 1, note, ALIGN_LEFT,
				base | tui_attr(app, TA_MUTED));
		}
	}
}

static void pick_draw(struct app *app, void *st, struct rect r)
{
	struct pick *p = st;
	const char *label = _("Who is calling?");
	char t[64], foot[200], ks[2][32];
	int lw = text_width(label), fw;

	timer(app, p->started, t, sizeof t);
	action_key_label(&app->keymap, ACT_CALL_PICK, ks[0], sizeof ks[0]);
	tui_puts(r.y + 1, r.x + 2, lw, label, tui_attr(app, TA_ACCENT) | A_BOLD);
	fw = r.w - lw - 8 - text_width(t);
	if (fw > 50)
		fw = 50;
	input_draw(app, &p->q, r.y + 1, r.x + 3 + lw, fw, tui_attr(app, TA_INPUT), 1);
	tui_put(r.y + 1, r.x + r.w - text_width(t) - 2, text_width(t), t, ALIGN_RIGHT, tui_attr(app, TA_WARN));
	tui_put(r.y + 2, r.x + 2, r.w - 4,
		_("comune name, ISTAT code, AMB:CODE, REG:01 or the caller's phone number"),
		ALIGN_LEFT, tui_attr(app, TA_MUTED));
	if (p->list.n) {
		struct rect lr = {r.y + 4, r.x, r.h - 5, r.w};
		list_draw(app, &p->list, lr, row, p);
	} else {
		int y = r.y + r.h / 3;
		if (p->q.len) {
			snprintf(foot, sizeof foot, _("Nothing found: %s tries it as a respondent code"), ks[0]);
			tui_put(y, r.x, r.w, foot, ALIGN_CENTER, tui_attr(app, TA_WARN));
			tui_put(y + 2, r.x, r.w, p->near, ALIGN_CENTER, A_BOLD);
		} else {
			snprintf(foot, sizeof foot, _("%s with nothing typed: the caller is not identified"), ks[0]);
			tui_put(y, r.x, r.w, foot, ALIGN_CENTER, tui_attr(app, TA_MUTED));
		}
	}
	snprintf(foot, sizeof foot, _("%s pick   %s cancel the call"), ks[0],
		 action_key_label(&app->keymap, ACT_BACK, ks[1], sizeof ks[1]));
	tui_put(r.y + r.h - 1, r.x + 2, r.w - 4, foot, ALIGN_RIGHT, tui_attr(app, TA_MUTED));
}

/* Picked: this screen gives its place to the form. */
static int picked(struct app *app, struct pick *p, const char *respondent, const char *phone,
		  const char *caller)
{
	struct call_start s = {.mode = 'n', .started = p->started};
	snprintf(s.respondent, sizeof s.respondent, "%s", respondent ? respondent : "");
	snprintf(s.phone, sizeof s.phone, "%s", phone ? phone : "");
	snprintf(s.caller, sizeof s.caller, "%s", caller ? caller : "");
	app_pop(app); /* p is freed here */
	return calls_ui_form(app, &s);
}

static int pick_enter(struct app *app, struct pick *p)
{
	char id[80], label[300], typed[INPUT_MAX];
	snprintf(typed, sizeof typed, "%s", p->q.buf);
	if (p->list.sel >= 0 && p->list.sel < p->nphone) {
		const struct call *c = &p->earlier.v[p->phone_row[p->list.sel]];
		char resp[80], caller[128];
		snprintf(resp, sizeof resp, "%s", c->respondent_id);
		snprintf(caller, sizeof caller, "%s", c->caller_name ? c->caller_name : "");
		return picked(app, p, resp, typed, caller);
	}
	if (p->list.sel >= 0) {
		snprintf(id, sizeof id, "%s", p->hits.v[p->list.sel - p->nphone].istat);
		return picked(app, p, id, NULL, NULL);
	}
	if (!p->q.len)
		return picked(app, p, NULL, NULL, NULL);
	if (digits_in(p->q.buf) > 6) {
		/* a number nobody called from: the caller is not known yet */
		return picked(app, p, NULL, typed, NULL);
	}
	if (calls_respondent_find(app->ctx, p->q.buf, id, sizeof id, label, sizeof label))
		return app_error(app);
	return picked(app, p, id, NULL, NULL);
}

static int pick_key(struct app *app, void *st, int key, int action)
{
	struct pick *p = st;

	if (action == ACT_HELP)
		return R_PASS;
	if (action == ACT_CALL_PICK)
		return pick_enter(app, p);
	if (list_move(&p->list, action))
		return R_REDRAW;
	if (!input_key(&app->keymap, &p->q, key)) {
		if (action != ACT_BACK)
			return R_PASS;
		if (!p->q.len) {
			app_msg(app, MSG_INFO, "%s", _("new call cancelled"));
			app_pop(app);
			return R_REDRAW;
		}
		input_set(&p->q, "");
	}
	if (strcmp(p->q.buf, p->searched))
		search(app, p);
	return R_REDRAW;
}

static void pick_reload(struct app *app, void *st)
{
	struct pick *p = st;
	int sel = p->list.sel;
	search(app, p);
	if (sel >= 0 && sel < p->list.n)
		list_select(&p->list, sel);
}

static int pick_unsaved(struct app *app, void *st)
{
	(void)app;
	(void)st;
	return 1; /* a call is in progress */
}

const struct view_ops view_call_pick = {
	.name = "call_pick",
	.title = N_("New call"),
	.typing = 1,
	.state_size = sizeof(struct pick),
	.open = pick_open,
	.close = pick_close,
	.draw = pick_draw,
	.key = pick_key,
	.reload = pick_reload,
	.unsaved = pick_unsaved,
};
