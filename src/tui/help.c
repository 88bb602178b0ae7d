/* The help overlay: every key the user may press on the current screen,
 * the global keys, and the ':' commands, straight from the tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/text.h"
#include "centralino/xalloc.h"
#include "widget.h"

struct help_line {
	char keys[64];
	char text[512]; /* translated, naming the keys in force */
	int heading;
};

/* A screen row: the help lines wrapped to the box's width. */
struct help_row {
	int line;         /* index into v */
	const char *text; /* the part of the line's text on this row */
	size_t len;
	int first;        /* shows the keys */
};

struct help {
	struct help_line *v;
	int n, cap;
	struct help_row *rows;
	int nrows, rows_cap, rows_width; /* rows_width: text width they were cut for */
	struct list list;
	int keyw;        /* width of the keys column */
};

static const struct command_row {
	const char *name;
	int role;
	const char *args, *help;
} commands[] = {
#define CMDLINE(name, fn, role, cmpl, args, help) {name, role, args, help},
#include "cmdline.def"
#undef CMDLINE
};

static struct help_line *add(struct help *h)
{
	if (h->n == h->cap) {
		int cap = h->cap ? h->cap * 2 : 32;
		h->v = xrealloc(h->v, (size_t)cap * sizeof *h->v);
		h->cap = cap;
	}
	memset(&h->v[h->n], 0, sizeof h->v[0]);
	return &h->v[h->n++];
}

static void heading(struct help *h, const char *text)
{
	struct help_line *l;
	if (h->n)
		add(h); /* a blank line */
	l = add(h);
	snprintf(l->text, sizeof l->text, "%s", text);
	l->heading = 1;
}

/* Whether the help lists this key of action a on screen v: the screen's
 * and the global usable keys, and, on a typing screen (or a form), the
 * editing (and choosing) keys the screen leaves to its text field. */
static int listed(const struct app *app, int a, int key, const struct view_inst *v)
{
	int scope = action_info(a)->scope;
	if (scope == SCOPE_edit || scope == SCOPE_pick)
		return (scope == SCOPE_edit ? v->ops->typing : v->ops->form) &&
		       action_for_key(app, v, key) == ACT_NONE;
	return action_usable(app, a, key, v);
}

/* The keys of one action the user may use here, added to line l (created
 * when NULL and something is listed); returns the line. */
static struct help_line *action_line(struct app *app, struct help *h, const struct view_inst *v,
				     int a, struct help_line *l)
{
	int keys[8], n = action_keys(&app->keymap, a, keys, 8);
	int used = l ? (int)strlen(l->keys) : 0;
	for (int k = 0; k < n; k++) {
		char label[32];
		if (!listed(app, a, keys[k], v))
			continue;
		if (!l)
			l = add(h);
		used += snprintf(l->keys + used, sizeof l->keys - (size_t)used, "%s%s",
				 used ? " " : "", tui_key_label(keys[k], label, sizeof label));
		if ((size_t)used >= sizeof l->keys)
			used = (int)sizeof l->keys - 1;
	}
	if (l)
		action_help(&app->keymap, a, l->text, sizeof l->text);
	return l;
}

/* The actions of one scope the user may use here, one line each; actions
 * in a row with the same help text (the list moves) share one line. */
static void scope_lines(struct app *app, struct help *h, const struct view_inst *v, int global)
{
	const char *prev = NULL;
	int prev_line = -1;
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		const struct action_info *ai = action_info(a);
		struct help_line *l = NULL;
		int before = h->n;
		if ((ai->scope == SCOPE_global) != global || !ai->help)
			continue;
		if (prev && prev_line == h->n - 1 && !strcmp(prev, ai->help))
			l = &h->v[prev_line];
		l = action_line(app, h, v, a, l);
		if (l && h->n > before)
			prev_line = h->n - 1;
		if (l)
			prev = ai->help;
	}
}

static void add_row(void *arg, int i, const char *text, size_t len)
{
	struct help *h = arg;
	struct help_row *r;
	if (h->nrows == h->rows_cap) {
		int cap = h->rows_cap ? h->rows_cap * 2 : 64;
		h->rows = xrealloc(h->rows, (size_t)cap * sizeof *h->rows);
		h->rows_cap = cap;
	}
	r = &h->rows[h->nrows++];
	r->line = 0; /* set by wrap_rows */
	r->text = text;
	r->len = len;
	r->first = i == 0;
}

/* Wraps every line to `width` columns of text (on open and on resize). */
static void wrap_rows(struct help *h, int width)
{
	int n = h->n;
	h->nrows = 0;
	h->rows_width = width;
	for (int i = 0; i < n; i++) {
		int before = h->nrows;
		const char *t = h->v[i].text;
		if (h->v[i].heading || !*t)
			add_row(h, 0, t, strlen(t));
		else
			tui_wrap(t, width, add_row, h);
		for (int k = before; k < h->nrows; k++)
			h->rows[k].line = i;
	}
	h->list.n = h->nrows;
}

static void row(struct app *app, void *arg, int i, int y, int x, int w, int selected)
{
	struct help *h = arg;
	struct help_row *r = &h->rows[i];
	struct help_line *l = &h->v[r->line];
	char text[512];
	size_t n = r->len < sizeof text ? r->len : sizeof text - 1;
	(void)selected;
	memcpy(text, r->text, n);
	text[n] = '\0';
	if (l->heading) {
		tui_put(y, x, w, text, ALIGN_LEFT, tui_attr(app, TA_HEADER));
		return;
	}
	tui_put(y, x, h->keyw, r->first ? l->keys : "", ALIGN_LEFT, tui_attr(app, TA_ACCENT));
	tui_put(y, x + h->keyw + 1, w - h->keyw - 1, text, ALIGN_LEFT, A_NORMAL);
}

static void help_draw(struct app *app, void *st)
{
	struct help *h = st;
	int w = app->cols - 4 > 100 ? 100 : app->cols - 4;
	/* text width: the box's inside, the keys, a gap and the scroll bar */
	int tw = w - 5 - h->keyw - 1 - 1;
	struct rect r, in;
	if (tw != h->rows_width)
		wrap_rows(h, tw);
	r = box_center(app, h->nrows + 4, w);
	tui_frame(app, r, _("Keys"));
	in.y = r.y + 2;
	in.x = r.x + 3;
	in.h = r.h - 3;
	in.w = r.w - 5;
	list_draw(app, &h->list, in, row, h);
}

static int help_key(struct app *app, void *st, int key)
{
	struct help *h = st;
	int page = h->list.page > 1 ? h->list.page - 1 : 1;
	/* Nothing to select: the keys scroll the text (list_draw clamps). */
	switch (action_in_scope(&app->keymap, SCOPE_global, key)) {
	case ACT_MOVE_UP: h->list.top--; break;
	case ACT_MOVE_DOWN: h->list.top++; break;
	case ACT_PAGE_UP: h->list.top -= page; break;
	case ACT_PAGE_DOWN: h->list.top += page; break;
	case ACT_FIRST: h->list.top = 0; break;
	case ACT_LAST: h->list.top = h->list.n; break;
	default:
		app_pop_layer(app);
		return R_REDRAW;
	}
	if (h->list.top < 0)
		h->list.top = 0;
	if (h->list.top > h->list.n - h->list.page)
		h->list.top = h->list.n - h->list.page > 0 ? h->list.n - h->list.page : 0;
	return R_REDRAW;
}

static void help_close(struct app *app, void *st)
{
	struct help *h = st;
	(void)app;
	free(h->rows);
	free(h->v);
	free(h);
}

static const struct layer_ops help_ops = {
	.draw = help_draw, .key = help_key, .close = help_close, .scope = SCOPE_help,
};

int help_open(struct app *app)
{
	struct view_inst *v = app_top(app);
	struct help *h = xcalloc(1, sizeof *h);
	const char *title;
	char text[256], kc[32], kt[32];

	title = v->ops->title_of ? v->ops->title_of(app, v->st) : _(v->ops->title);
	snprintf(text, sizeof text, _("On this screen (%s)"), title);
	heading(h, text);
	scope_lines(app, h, v, 0);
	heading(h, _("Everywhere"));
	scope_lines(app, h, v, 1);
	snprintf(text, sizeof text, _("Commands (type '%s' then the command; %s completes)"),
		 action_key_label(&app->keymap, ACT_COMMAND, kc, sizeof kc),
		 action_key_label(&app->keymap, ACT_CMDLINE_COMPLETE, kt, sizeof kt));
	heading(h, text);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		struct help_line *l;
		if (!cn_may(app->ctx, (enum cn_role)commands[i].role))
			continue;
		l = add(h);
		snprintf(l->keys, sizeof l->keys, ":%s %s", commands[i].name,
			 commands[i].args[0] ? _(commands[i].args) : "");
		snprintf(l->text, sizeof l->text, "%s", _(commands[i].help));
	}
	for (int i = 0; i < h->n; i++)
		if (!h->v[i].heading && text_width(h->v[i].keys) > h->keyw)
			h->keyw = text_width(h->v[i].keys);
	if (h->keyw > 26)
		h->keyw = 26;
	list_reset(&h->list, 0);
	h->list.sel = -1;
	h->rows_width = -1;
	if (app_push_layer(app, &help_ops, h)) {
		help_close(app, h);
		return R_NONE;
	}
	return R_REDRAW;
}
