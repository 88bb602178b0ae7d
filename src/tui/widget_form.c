/* Forms: labelled text fields (one line or several) and pick lists, as a
 * box over the screen (form_open) or as the body of a screen (form_new,
 * the call form). The keys are the actions of scope form, pick and edit
 * in actions.def; the error of a field shows under it. */
#include <ctype.h>
#include <readline/readline.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "centralino/text.h"
#include "centralino/xalloc.h"
#include "widget.h"

struct field {
	enum field_kind kind;
	char *label, *note, *initial, *name, *placeholder;
	char **choices;
	size_t nchoices;
	int choice, initial_choice;
	int required, digits, rows, path;
	struct text_edit t;  /* TEXT: its own buffer of t.max + 1 bytes */
	char *out;           /* TEXT: the trimmed text for form_text */
	char err[256];
	char live[300];      /* the spec's note() for this field, "" none */
};

struct form {
	char *title, *cancel_title, *cancel_text;
	struct field *f;
	size_t n, focus;
	int layer; /* a box over the screen (closes itself) or a screen's body */
	int dirty;
	int (*submit)(struct app *app, struct form *f, void *arg);
	void (*cancelled)(struct app *app, void *arg);
	void (*free_arg)(void *arg);
	void (*note)(struct app *app, struct form *f, size_t i, char *buf, size_t len, void *arg);
	void *arg;
	const struct keymap *keymap; /* the app's, for the texts that name keys */
};

/* ---- Values ------------------------------------------------------------ */

const char *form_text(const struct form *f, size_t i)
{
	const struct field *fl;
	const char *s;
	size_t n;
	if (i >= f->n || f->f[i].kind != FIELD_TEXT)
		return "";
	fl = &f->f[i];
	s = fl->t.buf;
	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	memcpy(fl->out, s, n);
	fl->out[n] = '\0';
	return fl->out;
}

int form_choice(const struct form *f, size_t i)
{
	return i < f->n ? f->f[i].choice : -1;
}

static void refresh_note(struct app *app, struct form *f, size_t i)
{
	f->f[i].live[0] = '\0';
	if (f->note)
		f->note(app, f, i, f->f[i].live, sizeof f->f[i].live, f->arg);
}

void form_set_text(struct app *app, struct form *f, size_t i, const char *s)
{
	if (i >= f->n || f->f[i].kind != FIELD_TEXT)
		return;
	text_edit_set(&f->f[i].t, s);
	refresh_note(app, f, i);
}

void form_set_choice(struct form *f, size_t i, int choice)
{
	if (i < f->n && choice >= -1 && choice < (int)f->f[i].nchoices)
		f->f[i].choice = choice;
}

void form_focus(struct form *f, size_t i)
{
	if (i < f->n)
		f->focus = i;
}

void form_error(struct form *f, size_t i, const char *msg)
{
	if (i >= f->n)
		return;
	snprintf(f->f[i].err, sizeof f->f[i].err, "%s", msg ? msg : "");
	f->focus = i;
}

int form_core_error(struct app *app, struct form *f)
{
	const char *field = cn_error_field(app->ctx);
	for (size_t i = 0; field && i < f->n; i++)
		if (f->f[i].name && !strcmp(f->f[i].name, field)) {
			form_error(f, i, cn_error(app->ctx));
			return R_REDRAW;
		}
	return app_error(app);
}

int form_changed(const struct form *f, size_t i)
{
	const struct field *fl;
	if (i >= f->n)
		return 0;
	fl = &f->f[i];
	if (fl->kind == FIELD_PICK)
		return fl->choice != fl->initial_choice;
	return strcmp(fl->t.buf, fl->initial ? fl->initial : "") != 0;
}

static int modified(const struct form *f)
{
	for (size_t i = 0; i < f->n; i++)
		if (form_changed(f, i))
			return 1;
	return 0;
}

int form_unsaved(const struct form *f)
{
	return f->dirty || modified(f);
}

/* ---- Drawing ------------------------------------------------------------ */

static int label_width(const struct form *f)
{
	int w = 0;
	for (size_t i = 0; i < f->n; i++) {
		int lw = text_width(_(f->f[i].label));
		if (lw > w)
			w = lw;
	}
	return w;
}

/* "←/→": the keys of the pick actions, for the texts that name them. */
static void pick_keys(const struct keymap *km, char *buf, size_t len)
{
	char prev[32], next[32];
	snprintf(buf, len, "%s/%s", action_key_label(km, ACT_PICK_PREV, prev, sizeof prev),
		 action_key_label(km, ACT_PICK_NEXT, next, sizeof next));
}

/* What shows under a field: its error, its live note, its note, or how to
 * pick when a digit-pick field has the focus. */
static const char *below(const struct form *f, size_t i, char *buf, size_t len)
{
	const struct field *fl = &f->f[i];
	char keys[80];
	if (fl->err[0])
		return fl->err;
	if (fl->live[0])
		return fl->live;
	if (fl->note)
		return _(fl->note);
	if (fl->digits && i == f->focus) {
		pick_keys(f->keymap, keys, sizeof keys);
		snprintf(buf, len, _("1-9 picks, %s or a letter moves"), keys);
		return buf;
	}
	if (fl->kind == FIELD_PICK && !fl->digits && f->layer) {
		pick_keys(f->keymap, keys, sizeof keys);
		snprintf(buf, len, _("%s to choose"), keys);
		return buf;
	}
	return NULL;
}

static const char *pick_value(const struct keymap *km, const struct field *fl, char *buf, size_t len)
{
	char keys[80];
	if (fl->choice >= 0 && (size_t)fl->choice < fl->nchoices)
		return fl->choices[fl->choice];
	if (fl->placeholder)
		return _(fl->placeholder);
	pick_keys(km, keys, sizeof keys);
	snprintf(buf, len, _("— choose: 1-9 or %s —"), keys);
	return buf;
}

/* Where the cursor's row starts, as tui_wrap cuts the text. */
struct wrap_at {
	const char *text;
	size_t cur;
	int row;             /* of the cursor */
	const char *start;   /* of the cursor's row */
};

static void wrap_row(void *arg, int i, const char *s, size_t n)
{
	struct wrap_at *w = arg;
	(void)n;
	if ((size_t)(s - w->text) <= w->cur) {
		w->row = i;
		w->start = s;
	}
}

/* Rows a text field takes at this width (several only when it allows
 * them and its text needs them); the cursor's row in *at when given. */
static int text_rows(const struct field *fl, int w, struct wrap_at *at)
{
	struct wrap_at local = {0};
	struct wrap_at *a = at ? at : &local;
	int n;
	a->text = a->start = fl->t.buf;
	a->cur = fl->t.cur;
	a->row = 0;
	if (fl->rows <= 1 || w < 2 || !fl->t.len)
		return 1;
	n = tui_wrap(fl->t.buf, w - 1, at ? wrap_row : NULL, a);
	return n <= 1 ? 1 : n < fl->rows ? n : fl->rows;
}

struct paint_rows {
	int first, shown, y, x, w;
	attr_t attr;
};

static void paint_row(void *arg, int i, const char *s, size_t n)
{
	struct paint_rows *p = arg;
	char *line;
	if (i < p->first || i >= p->first + p->shown)
		return;
	line = xstrndup(s, n);
	tui_put(p->y + i - p->first, p->x, p->w, line, ALIGN_LEFT, p->attr);
	free(line);
}

/* A text of several rows: the rows around the cursor. */
static void draw_rows(struct app *app, struct field *fl, int y, int x, int w, attr_t attr, int focused)
{
	struct wrap_at at;
	struct paint_rows p = {0, text_rows(fl, w, &at), y, x, w, attr};
	p.first = at.row >= p.shown ? at.row - p.shown + 1 : 0;
	tui_wrap(fl->t.buf, w - 1, paint_row, &p);
	if (focused)
		app_set_cursor(app, y + at.row - p.first,
			       x + text_cols(at.start, (size_t)(fl->t.buf + fl->t.cur - at.start)));
}

/* The value of field i at (y, x) in w columns; returns the rows used. */
static int draw_value(struct app *app, struct form *f, size_t i, int y, int x, int w)
{
	struct field *fl = &f->f[i];
	int focused = i == f->focus;
	char v[512], shown[600];
	if (fl->kind == FIELD_PICK) {
		const char *c = pick_value(&app->keymap, fl, v, sizeof v);
		snprintf(shown, sizeof shown, focused ? "‹ %s ›" : "  %s", c);
		tui_put(y, x, w, shown, ALIGN_LEFT,
			tui_attr(app, focused ? TA_SELECTED : fl->choice < 0 ? TA_MUTED : TA_NORMAL));
		return 1;
	}
	attr_t a = focused ? tui_attr(app, TA_INPUT) : f->layer ? A_UNDERLINE : tui_attr(app, TA_NORMAL);
	if (text_rows(fl, w, NULL) > 1) {
		draw_rows(app, fl, y, x, w, a, focused);
		return text_rows(fl, w, NULL);
	}
	text_edit_draw(app, &fl->t, y, x, w, a, focused);
	return 1;
}

/* One field: label, value, what shows under it; returns the next row. */
static int draw_field(struct app *app, struct form *f, size_t i, int y, int lx, int lw, int vx, int vw,
		      int bottom)
{
	char buf[300];
	const char *b = below(f, i, buf, sizeof buf);
	tui_put(y, lx, lw, _(f->f[i].label), ALIGN_RIGHT, tui_attr(app, i == f->focus ? TA_ACCENT : TA_LABEL));
	y += draw_value(app, f, i, y, vx, vw);
	if (b && y < bottom)
		tui_put(y++, vx, vw, b, ALIGN_LEFT, tui_attr(app, f->f[i].err[0] ? TA_ERROR : TA_MUTED));
	return y;
}

static void form_draw(struct app *app, void *st)
{
	struct form *f = st;
	int lw = label_width(f), rows = 0, w, y, vx, vw;
	char buf[300];
	struct rect r;

	w = app->cols - 8 < 76 ? app->cols - 8 : 76;
	vw = w - 3 - lw - 2 - 3;
	for (size_t i = 0; i < f->n; i++)
		rows += (f->f[i].kind == FIELD_TEXT ? text_rows(&f->f[i], vw, NULL) : 1) +
			(below(f, i, buf, sizeof buf) != NULL) + 1;
	r = box_center(app, rows + 3, w);
	tui_frame(app, r, f->title);
	vx = r.x + 3 + lw + 2;
	vw = r.x + r.w - 3 - vx;
	y = r.y + 2;
	for (size_t i = 0; i < f->n && y < r.y + r.h - 1; i++)
		y = draw_field(app, f, i, y, r.x + 3, lw, vx, vw, r.y + r.h - 1) + 1;
}

/* The numbered choices of a digit-pick field, in two columns. */
static void draw_choices(struct app *app, const struct field *fl, struct rect r, int y)
{
	int n = (int)fl->nchoices, rows = (n + 1) / 2, colw = (r.w - 6) / 2;
	for (int i = 0; i < n && i < 18; i++) {
		char item[200];
		int cy = y + i % rows, cx = r.x + 4 + (i / rows) * colw;
		if (cy >= r.y + r.h - 1)
			continue;
		if (i < 9)
			snprintf(item, sizeof item, "%d  %s", i + 1, fl->choices[i]);
		else
			snprintf(item, sizeof item, "   %s", fl->choices[i]);
		tui_put(cy, cx, colw - 2, item, ALIGN_LEFT, tui_attr(app, i == fl->choice ? TA_ACCENT : TA_MUTED));
	}
}

void form_draw_in(struct app *app, struct form *f, struct rect r)
{
	int lw = label_width(f), y = r.y, bottom = r.y + r.h - 1;
	int vx = r.x + 4 + lw, vw = r.w - (vx - r.x) - 3;
	char foot[200], ks[3][32];

	if (vw > 72)
		vw = 72;
	for (size_t i = 0; i < f->n && y < bottom; i++)
		y = draw_field(app, f, i, y, r.x + 2, lw, vx, vw, bottom);
	if (f->f[f->focus].digits && y + 2 < bottom)
		draw_choices(app, &f->f[f->focus], r, y + 1);
	snprintf(foot, sizeof foot, _("%s save   %s next field   %s cancel"),
		 action_key_label(&app->keymap, ACT_FORM_SAVE, ks[0], sizeof ks[0]),
		 action_key_label(&app->keymap, ACT_FORM_NEXT, ks[1], sizeof ks[1]),
		 action_key_label(&app->keymap, ACT_FORM_CANCEL, ks[2], sizeof ks[2]));
	tui_put(bottom, r.x + 2, r.w - 4, foot, ALIGN_RIGHT, tui_attr(app, TA_MUTED));
}

/* ---- Keys ------------------------------------------------------------------ */

static void form_close_layer(struct app *app, struct form *f)
{
	app_close_layer(app, f);
}

static int do_submit(struct app *app, struct form *f)
{
	int r, layer = f->layer;
	for (size_t i = 0; i < f->n; i++)
		f->f[i].err[0] = '\0';
	for (size_t i = 0; i < f->n; i++)
		if (f->f[i].kind == FIELD_TEXT && f->f[i].required && !*form_text(f, i)) {
			form_error(f, i, _("required"));
			return R_REDRAW;
		}
	r = f->submit ? f->submit(app, f, f->arg) : R_NONE;
	/* inside a screen, submit may have closed the screen and f with it */
	if ((r & R_KEEP) || !layer)
		return (r & ~R_KEEP) | R_REDRAW;
	form_close_layer(app, f);
	return r | R_REDRAW;
}

static int do_cancel(struct app *app, void *arg)
{
	struct form *f = arg;
	int layer = f->layer;
	if (f->cancelled)
		f->cancelled(app, f->arg);
	if (layer)
		form_close_layer(app, f);
	return R_REDRAW;
}

static int cancel(struct app *app, struct form *f)
{
	if (!form_unsaved(f))
		return do_cancel(app, f);
	return box_confirm(app, f->cancel_title, f->cancel_text, do_cancel, f, NULL);
}

/* A letter moves to the next choice whose label starts with it. */
static void pick_letter(struct field *fl, int c)
{
	char typed[8] = {0};
	int n = (int)fl->nchoices;
	char *ft;
	tui_utf8(c, typed);
	ft = text_fold(typed);
	for (int step = 1; ft && *ft && step <= n; step++) {
		int i = (fl->choice + step + n) % n;
		char *fl_label = text_fold(fl->choices[i]);
		int hit = fl_label && !strncmp(fl_label, ft, strlen(ft));
		free(fl_label);
		if (hit) {
			fl->choice = i;
			break;
		}
	}
	free(ft);
}

/* 1 when the key changed (or was for) the pick field. */
static int pick_key(const struct keymap *km, struct field *fl, int key)
{
	int n = (int)fl->nchoices, c = tui_key_char(key);
	if (!n)
		return 0;
	switch (action_in_scope(km, SCOPE_pick, key)) {
	case ACT_PICK_NEXT:
		fl->choice = (fl->choice + 1 + n) % n;
		return 1;
	case ACT_PICK_PREV:
		fl->choice = fl->choice < 0 ? n - 1 : (fl->choice + n - 1) % n;
		return 1;
	}
	if (!fl->digits || !c)
		return 0;
	if (c >= '1' && c <= '9') {
		if (c - '1' < n)
			fl->choice = c - '1';
		return 1;
	}
	if (c != ' ' && (c >= 128 || isalpha(c)))
		pick_letter(fl, c);
	return c != ' ' && (c >= 128 || isalpha(c));
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A file-name field: the typed name as far as every file it may name
 * agrees (readline's file-name completion), "/" after a folder. */
static int complete_path(struct app *app, struct form *f)
{
	struct field *fl = &f->f[f->focus];
	char *cand[256], *m, out[4096];
	size_t common;
	struct stat st;
	int n = 0;

	if (fl->kind != FIELD_TEXT || !fl->path)
		return R_NONE;
	while (n < 256 && (m = rl_filename_completion_function(fl->t.buf, n)))
		cand[n++] = m;
	if (!n)
		return R_NONE;
	qsort(cand, (size_t)n, sizeof *cand, cmp_name);
	common = strlen(cand[0]);
	for (int i = 1; i < n; i++)
		while (common && strncmp(cand[0], cand[i], common) != 0)
			common--;
	snprintf(out, sizeof out, "%.*s", (int)common, cand[0]);
	if (n == 1 && stat(out, &st) == 0 && S_ISDIR(st.st_mode) && common && out[common - 1] != '/')
		snprintf(out + common, sizeof out - common, "/");
	if (strlen(out) > fl->t.len && strlen(out) <= fl->t.max)
		form_set_text(app, f, f->focus, out);
	for (int i = 0; i < n; i++)
		free(cand[i]);
	return R_REDRAW;
}

static int move_key(struct app *app, struct form *f, int action)
{
	switch (action) {
	case ACT_FORM_COMPLETE:
		return complete_path(app, f);
	case ACT_FORM_NEXT:
		f->focus = (f->focus + 1) % f->n;
		return R_REDRAW;
	case ACT_FORM_PREV:
		f->focus = (f->focus + f->n - 1) % f->n;
		return R_REDRAW;
	case ACT_FORM_ENTER:
		if (f->focus + 1 < f->n) {
			f->focus++;
			return R_REDRAW;
		}
		return do_submit(app, f);
	case ACT_FORM_SAVE:
		return do_submit(app, f);
	case ACT_FORM_CANCEL:
		return cancel(app, f);
	}
	return R_PASS;
}

int form_key(struct app *app, struct form *f, int key)
{
	struct field *fl = &f->f[f->focus];
	int r = move_key(app, f, action_in_scope(&app->keymap, SCOPE_form, key)), used;
	if (!(r & R_PASS))
		return r;
	/* '?' is help on a choice and in an empty field, as everywhere; in
	 * text being typed it is a question mark (F1 is help anywhere) */
	if (action_in_scope(&app->keymap, SCOPE_global, key) == ACT_HELP &&
	    (!tui_key_char(key) || fl->kind == FIELD_PICK || !fl->t.len))
		return help_open(app);
	used = fl->kind == FIELD_PICK ? pick_key(&app->keymap, fl, key) : text_edit_key(&app->keymap, &fl->t, key);
	if (!used)
		/* quit, redraw (and help inside a screen) act past the form */
		return tui_key_char(key) ? R_NONE : R_PASS;
	fl->err[0] = '\0';
	if (fl->kind == FIELD_TEXT)
		refresh_note(app, f, f->focus);
	return R_REDRAW;
}

/* ---- Life ------------------------------------------------------------------- */

void form_free(struct form *f)
{
	if (!f)
		return;
	if (f->free_arg)
		f->free_arg(f->arg);
	for (size_t i = 0; f->f && i < f->n; i++) {
		struct field *fl = &f->f[i];
		free(fl->label);
		free(fl->note);
		free(fl->initial);
		free(fl->name);
		free(fl->placeholder);
		free(fl->t.buf);
		free(fl->out);
		for (size_t k = 0; k < fl->nchoices; k++)
			free(fl->choices[k]);
		free(fl->choices);
	}
	free(f->f);
	free(f->title);
	free(f->cancel_title);
	free(f->cancel_text);
	free(f);
}

static void layer_draw(struct app *app, void *st)
{
	form_draw(app, st);
}

static int layer_key(struct app *app, void *st, int key)
{
	return form_key(app, st, key);
}

static void layer_close(struct app *app, void *st)
{
	(void)app;
	form_free(st);
}

static int layer_unsaved(struct app *app, void *st)
{
	(void)app;
	return form_unsaved(st);
}

static const struct layer_ops form_ops = {
	.draw = layer_draw, .key = layer_key, .close = layer_close,
	.unsaved = layer_unsaved, .scope = SCOPE_form,
};


/* Copies one field of the spec. */
static void copy_field(struct field *fl, const struct form_field *src)
{
	fl->kind = src->kind;
	fl->required = src->required;
	fl->digits = src->digits;
	fl->path = src->path;
	fl->rows = src->rows;
	fl->label = xstrdup(src->label ? src->label : "");
	fl->note = src->note ? xstrdup(src->note) : NULL;
	fl->name = src->name ? xstrdup(src->name) : NULL;
	fl->placeholder = src->placeholder ? xstrdup(src->placeholder) : NULL;
	fl->t.max = src->max ? src->max : 255;
	if (src->kind == FIELD_TEXT) {
		fl->t.buf = xmalloc(fl->t.max + 1);
		fl->out = xmalloc(fl->t.max + 1);
		text_edit_set(&fl->t, src->initial);
		/* the initial text as the field holds it (cut to max) */
		fl->initial = xstrdup(fl->t.buf);
	} else if (src->initial) {
		fl->initial = xstrdup(src->initial);
	}
	if (src->nchoices)
		fl->choices = xcalloc(src->nchoices, sizeof *fl->choices);
	for (size_t k = 0; k < src->nchoices; k++)
		fl->choices[fl->nchoices++] = xstrdup(src->choices[k] ? src->choices[k] : "");
	if (src->initial_choice >= 0 && (size_t)src->initial_choice < fl->nchoices)
		fl->choice = src->initial_choice;
	else if (fl->placeholder || fl->digits)
		fl->choice = -1; /* nothing chosen yet */
	fl->initial_choice = fl->choice;
}

struct form *form_new(struct app *app, const struct form_spec *spec)
{
	struct form *f = xcalloc(1, sizeof *f);
	f->f = xcalloc(spec->nfields, sizeof *f->f);
	f->n = spec->nfields;
	f->submit = spec->submit;
	f->cancelled = spec->cancelled;
	f->note = spec->note;
	f->dirty = spec->dirty;
	f->arg = spec->arg;
	f->keymap = &app->keymap;
	f->title = xstrdup(spec->title ? _(spec->title) : "");
	f->cancel_title = xstrdup(_(spec->cancel_title ? spec->cancel_title : N_("Cancel")));
	f->cancel_text = xstrdup(_(spec->cancel_text ? spec->cancel_text
						     : N_("Discard what you typed in this form?")));
	for (size_t i = 0; i < f->n; i++)
		copy_field(&f->f[i], &spec->fields[i]);
	f->free_arg = spec->free_arg;
	for (size_t i = 0; i < f->n; i++)
		refresh_note(app, f, i);
	return f;
}

int form_open(struct app *app, const struct form_spec *spec)
{
	struct form *f = form_new(app, spec);
	f->layer = 1;
	if (app_push_layer(app, &form_ops, f))
		form_free(f); /* too many layers open, as a box: nothing opens */
	return R_REDRAW;
}
