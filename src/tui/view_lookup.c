/* The home screen: a search field and the comuni matching it, updated on
 * every key while the caller is still spelling the name. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "centralino/numfmt.h"
#include "centralino/clock.h"
#include "centralino/registry.h"
#include "centralino/text.h"
#include "calls_ui.h"
#include "centralino/callflow.h"
#include "centralino/clock.h"
#include "widget.h"

#define LOOKUP_MIN_LIMIT 40
#define LOOKUP_MAX_LIMIT 10000

struct columns {
	int name, sigla, region, istat, pop; /* widths; 0 = not shown */
};

struct lookup {
	struct input q;
	struct registry_hits hits;
	struct list list;
	int limit;       /* rows asked of the search: a few pages, grows on demand */
	struct columns cols; /* of the last draw: header and rows agree */
	int failed;      /* the last search failed (message shown) */
	char near[400];  /* nothing matched: "Did you mean ..." */
	char searched[INPUT_MAX];
	struct call_list callbacks; /* mine today, due and coming: shown while nothing is typed */
};

static void load_callbacks(struct app *app, struct lookup *l)
{
	call_list_free(&l->callbacks);
	if (!cn_may(app->ctx, CN_ROLE_ASSISTENZA) || callflow_callbacks_today(app->ctx, 0, &l->callbacks))
		memset(&l->callbacks, 0, sizeof l->callbacks);
}

void lookup_did_you_mean(struct app *app, const char *query, char *out, size_t size)
{
	struct registry_hits near;
	size_t used = 0;
	out[0] = '\0';
	if (registry_suggest(app->ctx, query, 3, &near))
		return;
	for (size_t i = 0; i < near.n && used < size; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%s (%s)", i ? ", " : "", near.v[i].name,
					 near.v[i].sigla);
	if (near.n) {
		char names[400];
		snprintf(names, sizeof names, "%s", out);
		snprintf(out, size, _("Did you mean: %s?"), names);
	}
	registry_hits_free(&near);
}

void lookup_hit_note(const struct registry_hit *h, char *out, size_t size)
{
	char day[11];
	out[0] = '\0';
	if (!h->matched || !*h->matched)
		return;
	if (h->merged) {
		cn_date_display(h->since ? h->since : "", day);
		snprintf(out, size, _("(%s → %s, since %s)"), h->matched, h->name, day);
	} else {
		snprintf(out, size, _("(formerly %s)"), h->matched);
	}
}

static void search(struct app *app, struct lookup *l, const char *keep_istat)
{
	registry_hits_free(&l->hits);
	memset(&l->hits, 0, sizeof l->hits);
	snprintf(l->searched, sizeof l->searched, "%s", l->q.buf);
	l->failed = 0;
	if (l->q.len && registry_search(app->ctx, l->q.buf, l->limit, &l->hits)) {
		l->failed = 1;
		app_error(app);
		memset(&l->hits, 0, sizeof l->hits);
	}
	l->near[0] = '\0';
	if (l->q.len && !l->failed && l->hits.n == 0)
		lookup_did_you_mean(app, l->q.buf, l->near, sizeof l->near);
	list_reset(&l->list, (int)l->hits.n);
	if (keep_istat)
		for (size_t i = 0; i < l->hits.n; i++)
			if (strcmp(l->hits.v[i].istat, keep_istat) == 0)
				list_select(&l->list, (int)i);
}

static int page_limit(struct app *app)
{
	int limit = (app->rows - 6) * 3;
	return limit < LOOKUP_MIN_LIMIT ? LOOKUP_MIN_LIMIT : limit;
}

/* arg: the text to search at once (const char *), or NULL. */
static int lookup_open(struct app *app, void *st, const void *arg)
{
	struct lookup *l = st;
	l->limit = page_limit(app);
	l->q.max = 100;
	list_reset(&l->list, 0);
	load_callbacks(app, l);
	if (arg) {
		input_set(&l->q, arg);
		search(app, l, NULL);
	}
	return 0;
}

static void lookup_close(struct app *app, void *st)
{
	struct lookup *l = st;
	(void)app;
	registry_hits_free(&l->hits);
	call_list_free(&l->callbacks);
}

static struct columns layout(int w)
{
	struct columns c = {0};
	c.sigla = 2;
	c.istat = 6;
	c.region = w >= 96 ? 28 : 20;
	c.pop = w >= 110 ? 9 : 0;
	/* a margin of 1 on each side, gaps of 2 between columns */
	c.name = w - c.sigla - c.istat - c.region - (c.pop ? c.pop + 2 : 0) - 6 - 2;
	/* On a wide terminal the eye should not travel: the table stays compact. */
	if (c.name > 64)
		c.name = 64;
	return c;
}

static void draw_name(struct app *app, const struct registry_hit *h, int y, int x, int w, attr_t base)
{
	char name[512], marker[64] = "";
	int mw = 0, used;
	if (h->name_other && *h->name_other)
		snprintf(name, sizeof name, "%s/%s", h->name, h->name_other);
	else
		snprintf(name, sizeof name, "%s", h->name);
	if (h->suppressed) {
		snprintf(marker, sizeof marker, "%s", _("suppressed"));
		mw = text_width(marker) + 1;
	}
	used = tui_put(y, x, w - mw, name, ALIGN_LEFT, base);
	if (h->matched && *h->matched && used + 4 < w - mw) {
		char was[400];
		lookup_hit_note(h, was, sizeof was);
		tui_puts(y, x + used + 1, w - mw - used - 1, was, base | tui_attr(app, TA_MUTED));
	}
	if (mw)
		tui_put(y, x + w - mw + 1, mw - 1, marker, ALIGN_RIGHT, base | tui_attr(app, TA_WARN));
}

static void row(struct app *app, void *arg, int i, int y, int x, int w, int selected)
{
	struct lookup *l = arg;
	const struct registry_hit *h = &l->hits.v[i];
	struct columns c = l->cols;
	attr_t base = selected ? tui_attr(app, TA_SELECTED) : A_NORMAL;
	attr_t dim = selected ? base : tui_attr(app, TA_MUTED);

	tui_fill(y, x, w, ' ', base);
	x += 1;
	draw_name(app, h, y, x, c.name, base);
	x += c.name + 2;
	tui_put(y, x, c.sigla, h->sigla, ALIGN_LEFT, base | (selected ? 0 : A_BOLD));
	x += c.sigla + 2;
	tui_put(y, x, c.region, h->regione, ALIGN_LEFT, base);
	x += c.region + 2;
	if (c.pop) {
		char pop[32] = "";
		if (h->population >= 0)
			numfmt_int(h->population, pop, sizeof pop);
		tui_put(y, x, c.pop, pop, ALIGN_RIGHT, dim);
		x += c.pop + 2;
	}
	tui_put(y, x, c.istat, h->istat, ALIGN_LEFT, dim);
}

/* One callback in a line that keeps its time whole at 80 columns: the
 * time, due or coming, then who and why, cut at the end. */
static void callback_row(struct app *app, const struct call *c, int y, int x, int w)
{
	char when[17], today[17], who[300], line[700];
	int due = c->callback_due <= cn_now(app->ctx);
	cn_fmt_display(c->callback_due, when);
	cn_fmt_display(cn_now(app->ctx), today);
	/* from an earlier day: its date too ("11/07 16:00") */
	if (strncmp(when, today, 10))
		memmove(when + 5, when + 10, 7);
	call_respondent_label(c, who, sizeof who);
	snprintf(line, sizeof line, "%s  %-7s  %s%s%s · %s", strncmp(when, today, 10) ? when : when + 11,
		 due ? _("due") : _("coming"), who,
		 c->caller_name ? " — " : "", c->caller_name ? c->caller_name : "", c->category_label);
	tui_put(y, x, w, line, ALIGN_LEFT, tui_attr(app, due ? TA_WARN : TA_NORMAL));
}

/* Today's callbacks at a glance, due first, under the prompt: as many as
 * fit above the credit line, then how many more. */
static void draw_callbacks(struct app *app, struct lookup *l, int y, struct rect r)
{
	int room = r.y + r.h - 2 - (y + 1);
	char head[120];
	size_t shown = 0;
	if (!l->callbacks.n || room < 1)
		return;
	snprintf(head, sizeof head, ngettext("Your callback today (%zu)", "Your callbacks today (%zu)",
					     l->callbacks.n), l->callbacks.n);
	tui_rule(app, y, r.x + 1, r.w - 2, head, 0);
	for (; shown < l->callbacks.n && (int)shown < room; shown++)
		callback_row(app, &l->callbacks.v[shown], y + 1 + (int)shown, r.x + 2, r.w - 4);
	if (shown < l->callbacks.n) {
		char more[120], k[32];
		snprintf(more, sizeof more, _("… %zu more: %s, then the callbacks filter"), l->callbacks.n - shown + 1,
			 action_key_label(&app->keymap, ACT_CALLS, k, sizeof k));
		tui_put(y + (int)shown, r.x + 2, r.w - 4, more, ALIGN_LEFT, tui_attr(app, TA_MUTED));
	}
}

static void draw_empty(struct app *app, struct lookup *l, struct rect r)
{
	int y = r.y + r.h / 3;
	if (l->q.len) {
		char msg[600];
		if (l->failed)
			return;
		snprintf(msg, sizeof msg, _("No comune matches \"%s\""), l->q.buf);
		tui_put(y, r.x, r.w, msg, ALIGN_CENTER, tui_attr(app, TA_WARN));
		if (l->near[0])
			tui_put(y + 2, r.x, r.w, l->near, ALIGN_CENTER, A_BOLD);
		tui_put(y + (l->near[0] ? 4 : 2), r.x, r.w, _("Try fewer letters, or the ISTAT or cadastral code"),
			ALIGN_CENTER, tui_attr(app, TA_MUTED));
		return;
	}
	tui_put(y, r.x, r.w, _("Type the name of the comune, as the caller spells it"), ALIGN_CENTER, A_BOLD);
	tui_put(y + 2, r.x, r.w, _("accents and apostrophes do not matter: forli, sant agata li, bozen"),
		ALIGN_CENTER, tui_attr(app, TA_MUTED));
	tui_put(y + 3, r.x, r.w, _("also an ISTAT code (001272), a cadastral code (L219),"),
		ALIGN_CENTER, tui_attr(app, TA_MUTED));
	tui_put(y + 4, r.x, r.w, _("or one province: pr:TO moncalieri"), ALIGN_CENTER, tui_attr(app, TA_MUTED));
	draw_callbacks(app, l, y + 6, r);
	tui_put(r.y + r.h - 1, r.x, r.w, _("Registry of comuni: Fonte ISTAT (CC BY 3.0 IT)"),
		ALIGN_CENTER, tui_attr(app, TA_MUTED));
}

static void lookup_draw(struct app *app, void *st, struct rect r)
{
	struct lookup *l = st;
	/* The last column is the list's scroll bar, drawn or not. */
	struct columns c = l->cols = layout(r.w - 1);
	const char *label = _("Comune:");
	int lw = text_width(label), x, fieldw;
	char count[64] = "";

	/* The search field. */
	tui_puts(r.y + 1, 2, lw, label, tui_attr(app, TA_ACCENT));
	x = 2 + lw + 1;
	if (l->hits.n) {
		if ((int)l->hits.n >= l->limit)
			snprintf(count, sizeof count, _("%d+ comuni"), (int)l->hits.n);
		else if (l->hits.n == 1)
			snprintf(count, sizeof count, "%s", _("1 comune"));
		else
			snprintf(count, sizeof count, _("%d comuni"), (int)l->hits.n);
	}
	fieldw = r.w - x - 16;
	if (fieldw > 50)
		fieldw = 50;
	input_draw(app, &l->q, r.y + 1, x, fieldw, tui_attr(app, TA_INPUT), 1);
	tui_put(r.y + 1, r.w - 16, 14, count, ALIGN_RIGHT, tui_attr(app, TA_MUTED));

	/* Column headers, aligned with the rows (x + 1 as in row()). */
	x = r.x + 1;
	tui_fill(r.y + 3, r.x, r.w, ' ', A_NORMAL);
	tui_put(r.y + 3, x, c.name, _("Comune"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	x += c.name + 2;
	tui_put(r.y + 3, x, c.sigla, _("Pr"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	x += c.sigla + 2;
	tui_put(r.y + 3, x, c.region, _("Regione"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	x += c.region + 2;
	if (c.pop) {
		tui_put(r.y + 3, x, c.pop, _("Residents"), ALIGN_RIGHT, tui_attr(app, TA_HEADER));
		x += c.pop + 2;
	}
	tui_put(r.y + 3, x, c.istat, "ISTAT", ALIGN_LEFT, tui_attr(app, TA_HEADER));

	{
		struct rect lr = {r.y + 4, r.x, r.h - 4, r.w};
		if (l->hits.n)
			list_draw(app, &l->list, lr, row, l);
		else
			draw_empty(app, l, lr);
	}
}

/* ':' right after two letters is the province filter being typed ("pr:TO",
 * "TO:"); anywhere else it opens the command line. */
static int province_colon(const struct lookup *l)
{
	size_t c = l->q.cur;
	if (c < 2 || !isalpha((unsigned char)l->q.buf[c - 1]) || !isalpha((unsigned char)l->q.buf[c - 2]))
		return 0;
	return c == 2 || l->q.buf[c - 3] == ' ';
}

static int lookup_key(struct app *app, void *st, int key, int action)
{
	struct lookup *l = st;

	if (action == ACT_HELP)
		return R_PASS;
	if (action == ACT_COMMAND && !province_colon(l))
		return R_PASS; /* the command line */
	if (action == ACT_CLEAR) {
		if (!l->q.len)
			return R_PASS;
		input_set(&l->q, "");
	} else if (action == ACT_OPEN) {
		if (l->list.sel < 0)
			return R_NONE;
		return app_open_card(app, l->hits.v[l->list.sel].istat);
	} else if (action == ACT_NEW_CALL && l->list.sel >= 0 && l->hits.n) {
		/* the call is from the comune the operator has found */
		return calls_ui_new(app, l->hits.v[l->list.sel].istat);
	} else if (list_move(&l->list, action)) {
		/* Near the end of what was fetched: ask for more. */
		if ((int)l->hits.n >= l->limit && l->list.sel >= l->list.n - l->list.page &&
		    l->limit < LOOKUP_MAX_LIMIT) {
			char keep[7];
			snprintf(keep, sizeof keep, "%s", l->hits.v[l->list.sel].istat);
			l->limit = action == ACT_LAST ? LOOKUP_MAX_LIMIT : l->limit * 4;
			search(app, l, keep);
			if (action == ACT_LAST || action == ACT_PAGE_DOWN)
				list_move(&l->list, action);
		}
		return R_REDRAW;
	} else if (!input_key(&app->keymap, &l->q, key)) {
		return R_PASS;
	}
	if (strcmp(l->q.buf, l->searched)) {
		l->limit = page_limit(app);
		search(app, l, NULL);
	}
	return R_REDRAW;
}

static void lookup_reload(struct app *app, void *st)
{
	struct lookup *l = st;
	load_callbacks(app, l);
	char keep[7] = "";
	if (l->list.sel >= 0 && (size_t)l->list.sel < l->hits.n)
		snprintf(keep, sizeof keep, "%s", l->hits.v[l->list.sel].istat);
	search(app, l, keep[0] ? keep : NULL);
}

int lookup_search(struct app *app, const char *text)
{
	struct lookup *l;
	while (app->depth > 1)
		app_pop(app);
	l = app->stack[0].st;
	input_set(&l->q, text);
	l->limit = page_limit(app);
	search(app, l, NULL);
	return R_REDRAW;
}

int lookup_type_anywhere(struct app *app, int key)
{
	int c = tui_key_char(key);
	char text[5];
	if (!c || !iswalnum((wint_t)c))
		return R_PASS;
	text[tui_utf8(c, text)] = '\0';
	return lookup_search(app, text);
}

const struct view_ops view_lookup = {
	.name = "lookup",
	.title = N_("Find a comune"),
	.typing = 1,
	.passthrough = ":",
	.state_size = sizeof(struct lookup),
	.open = lookup_open,
	.close = lookup_close,
	.draw = lookup_draw,
	.key = lookup_key,
	.reload = lookup_reload,
};
