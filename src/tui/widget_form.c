/* A form in a box: labelled text fields and pick lists. Tab/Shift-Tab (or
 * the arrows) move between fields, F2 or Enter on the last field saves,
 * Esc cancels (asking first when something was typed). */
#include <stdlib.h>
#include <string.h>

#include "centralino/text.h"
#include "widget.h"

struct field {
	enum field_kind kind;
	char *label, *note, *initial;
	char **choices;
	size_t nchoices;
	int choice, initial_choice;
	int required;
	struct input in;
	char err[256];
	char out[INPUT_MAX]; /* trimmed text for form_text */
};

struct form {
	char *title;
	struct field *f;
	size_t n, focus;
	int (*submit)(struct app *app, struct form *f, void *arg);
	void (*cancelled)(struct app *app, void *arg);
	void (*free_arg)(void *arg);
	void *arg;
};

const char *form_text(const struct form *f, size_t i)
{
	struct field *fl;
	const char *s;
	size_t n;
	if (i >= f->n)
		return "";
	fl = &f->f[i];
	s = fl->in.buf;
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

void form_error(struct form *f, size_t i, const char *msg)
{
	if (i >= f->n)
		return;
	snprintf(f->f[i].err, sizeof f->f[i].err, "%s", msg ? msg : "");
	f->focus = i;
}

static int modified(const struct form *f)
{
	for (size_t i = 0; i < f->n; i++) {
		const struct field *fl = &f->f[i];
		if (fl->kind == FIELD_TEXT && strcmp(fl->in.buf, fl->initial ? fl->initial : ""))
			return 1;
		if (fl->kind == FIELD_PICK && fl->choice != fl->initial_choice)
			return 1;
	}
	return 0;
}

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

static int field_rows(const struct field *fl)
{
	return 1 + (fl->err[0] || fl->note);
}

static void form_draw(struct app *app, void *st)
{
	struct form *f = st;
	int lw = label_width(f), rows = 0, w, y;
	struct rect r;

	for (size_t i = 0; i < f->n; i++)
		rows += field_rows(&f->f[i]) + 1;
	w = app->cols - 8 < 76 ? app->cols - 8 : 76;
	r = box_center(app, rows + 3, w);
	tui_frame(app, r, f->title);
	y = r.y + 2;
	for (size_t i = 0; i < f->n && y < r.y + r.h - 1; i++) {
		struct field *fl = &f->f[i];
		int focused = i == f->focus;
		int vx = r.x + 3 + lw + 2, vw = r.x + r.w - 3 - vx;
		tui_put(y, r.x + 3, lw, _(fl->label), ALIGN_RIGHT,
			tui_attr(app, focused ? TA_ACCENT : TA_LABEL));
		if (fl->kind == FIELD_TEXT) {
			input_draw(app, &fl->in, y, vx, vw, focused ? tui_attr(app, TA_INPUT) : A_UNDERLINE, focused);
		} else {
			char v[512];
			const char *c = fl->nchoices ? fl->choices[fl->choice] : "";
			snprintf(v, sizeof v, focused ? "‹ %s ›" : "  %s  ", c);
			tui_put(y, vx, vw, v, ALIGN_LEFT, tui_attr(app, focused ? TA_SELECTED : TA_NORMAL));
		}
		y++;
		if (fl->err[0])
			tui_put(y++, vx, vw, fl->err, ALIGN_LEFT, tui_attr(app, TA_ERROR));
		else if (fl->note)
			tui_put(y++, vx, vw, _(fl->note), ALIGN_LEFT, tui_attr(app, TA_MUTED));
		y++;
	}
}

static void form_free(struct app *app, void *st)
{
	struct form *f = st;
	(void)app;
	if (f->free_arg)
		f->free_arg(f->arg);
	for (size_t i = 0; i < f->n; i++) {
		free(f->f[i].label);
		free(f->f[i].note);
		free(f->f[i].initial);
		for (size_t k = 0; k < f->f[i].nchoices; k++)
			free(f->f[i].choices[k]);
		free(f->f[i].choices);
	}
	free(f->f);
	free(f->title);
	free(f);
}

static int do_submit(struct app *app, struct form *f)
{
	int r;
	for (size_t i = 0; i < f->n; i++)
		f->f[i].err[0] = '\0';
	for (size_t i = 0; i < f->n; i++)
		if (f->f[i].kind == FIELD_TEXT && f->f[i].required && !*form_text(f, i)) {
			form_error(f, i, _("required"));
			return R_REDRAW;
		}
	r = f->submit ? f->submit(app, f, f->arg) : R_NONE;
	if (r & R_KEEP)
		return (r & ~R_KEEP) | R_REDRAW;
	app_close_layer(app, f);
	return r | R_REDRAW;
}

static int do_cancel(struct app *app, void *arg)
{
	struct form *f = arg;
	if (f->cancelled)
		f->cancelled(app, f->arg);
	app_close_layer(app, f);
	return R_REDRAW;
}

static int form_key(struct app *app, void *st, int key)
{
	struct form *f = st;
	struct field *fl = &f->f[f->focus];
	switch (action_in_scope(SCOPE_form, key)) {
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
		if (modified(f))
			return box_confirm(app, _("Cancel"), _("Discard what you typed in this form?"),
					   do_cancel, f, NULL);
		return do_cancel(app, f);
	}
	if (fl->kind == FIELD_PICK) {
		int n = (int)fl->nchoices;
		switch (n ? action_in_scope(SCOPE_pick, key) : ACT_NONE) {
		case ACT_PICK_NEXT:
			fl->choice = (fl->choice + 1) % n;
			break;
		case ACT_PICK_PREV:
			fl->choice = (fl->choice + n - 1) % n;
			break;
		default:
			/* quit (asks: the form is unsaved) and redraw act past it */
			return tui_key_char(key) ? R_NONE : R_PASS;
		}
		fl->err[0] = '\0';
		return R_REDRAW;
	}
	if (input_key(&fl->in, key)) {
		fl->err[0] = '\0';
		return R_REDRAW;
	}
	return tui_key_char(key) ? R_NONE : R_PASS;
}

static int form_unsaved(struct app *app, void *st)
{
	(void)app;
	return modified(st);
}

static const struct layer_ops form_ops = {
	.draw = form_draw, .key = form_key, .close = form_free,
	.unsaved = form_unsaved, .scope = SCOPE_form,
};

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

int form_open(struct app *app, const struct form_spec *spec)
{
	struct form *f = calloc(1, sizeof *f);
	if (!f || !spec->nfields)
		goto fail;
	f->free_arg = spec->free_arg;
	f->arg = spec->arg;
	f->title = strdup(spec->title ? _(spec->title) : "");
	f->f = calloc(spec->nfields, sizeof *f->f);
	if (!f->title || !f->f)
		goto fail;
	f->n = spec->nfields;
	f->submit = spec->submit;
	f->cancelled = spec->cancelled;
	for (size_t i = 0; i < f->n; i++) {
		const struct form_field *src = &spec->fields[i];
		struct field *fl = &f->f[i];
		fl->kind = src->kind;
		fl->label = strdup(src->label ? src->label : "");
		fl->note = dup_or_null(src->note);
		fl->initial = dup_or_null(src->initial);
		fl->required = src->required;
		fl->in.max = src->max ? src->max : 255;
		input_set(&fl->in, src->initial);
		if (src->nchoices) {
			fl->choices = calloc(src->nchoices, sizeof *fl->choices);
			if (!fl->choices)
				goto fail;
			for (size_t k = 0; k < src->nchoices; k++)
				fl->choices[fl->nchoices++] = strdup(src->choices[k] ? src->choices[k] : "");
		}
		if (src->initial_choice >= 0 && (size_t)src->initial_choice < fl->nchoices)
			fl->choice = fl->initial_choice = src->initial_choice;
	}
	if (app_push_layer(app, &form_ops, f))
		goto fail;
	return R_REDRAW;
fail:
	if (f) {
		if (!f->f)
			f->n = 0;
		form_free(app, f);
	} else if (spec->free_arg) {
		spec->free_arg(spec->arg);
	}
	app_msg(app, MSG_ERROR, "%s", _("cannot open the form (out of memory)"));
	return R_REDRAW;
}
