/* Widgets of the full-screen interface: text drawing by display width, a
 * scrolling list, a one-line UTF-8 input, forms, message/confirm boxes.
 * Widgets hold state only; they draw when the main loop asks the screen to
 * draw, and their key functions say whether they used the key. */
#ifndef CENTRALINO_TUI_WIDGET_H
#define CENTRALINO_TUI_WIDGET_H

#include "tui.h"

/* ---- Text (widget_text.c): never pad or cut by bytes ----------------- */
enum { ALIGN_LEFT, ALIGN_RIGHT, ALIGN_CENTER };
/* The one way text reaches the screen: s at (y, x) in at most cols
 * columns, no padding; control characters shown escaped (\x1b), line
 * breaks as spaces, ASCII (Forli, - | +) when the terminal is not UTF-8.
 * Returns the width drawn. tui_put and tui_puts are built on it. */
int tui_draw(int y, int x, int cols, const char *s, attr_t attr);
/* 1 when the terminal's locale is UTF-8 (else screens draw ASCII). */
int tui_term_utf8(void);
/* Draws s in exactly `cols` columns at (y, x) of stdscr: cut with "…" or
 * padded with spaces. Returns the columns used by the text itself. */
int tui_put(int y, int x, int cols, const char *s, int align, attr_t attr);
/* Draws s at (y, x) with at most `cols` columns, no padding; returns width. */
int tui_puts(int y, int x, int cols, const char *s, attr_t attr);
/* Fills cols columns with ch (' ' to clear). */
void tui_fill(int y, int x, int cols, chtype ch, attr_t attr);
/* n copies of a one-column UTF-8 glyph ("─", "│"), across or down. */
void tui_glyphs(int y, int x, int n, const char *glyph, int vertical, attr_t attr);
/* A section rule "── Title ─────────". */
void tui_rule(struct app *app, int y, int x, int cols, const char *title, int focused);
/* A framed box (cleared inside). */
void tui_frame(struct app *app, struct rect r, const char *title);
/* Splits text into lines of at most `width` columns, at spaces when it can
 * and always at '\n'; calls line(arg, i, start, bytes) for each (when not
 * NULL); returns the number of lines (widget_box.c). */
int tui_wrap(const char *text, int width,
	     void (*line)(void *arg, int i, const char *s, size_t n), void *arg);

/* ---- List (widget_list.c): selection and scrolling -------------------- */
struct list {
	int n;    /* rows */
	int sel;  /* selected row, -1 when n == 0 */
	int top;  /* first row shown */
	int page; /* rows visible at the last draw */
};
void list_reset(struct list *l, int n);
/* 1 when the action is one of the list moves of actions.def (MOVE_UP,
 * MOVE_DOWN, PAGE_UP, PAGE_DOWN, FIRST, LAST). */
int list_is_move(int action);
/* Moves the selection for a list move; 1 when the action was one (even at
 * the ends of the list or on an empty one), 0 otherwise. */
int list_move(struct list *l, int action);
void list_select(struct list *l, int i);
/* Keeps sel visible in h rows; then draws row(i) for each visible row.
 * Shows a scroll marker in the last column when the list is longer. */
typedef void (*list_row_fn)(struct app *app, void *arg, int i, int y, int x, int w, int selected);
void list_draw(struct app *app, struct list *l, struct rect r, list_row_fn row, void *arg);

/* ---- One-line input (widget_input.c): UTF-8 aware editing ------------ */
#define INPUT_MAX 512
struct input {
	char buf[INPUT_MAX];
	size_t len;  /* bytes */
	size_t cur;  /* byte offset of the cursor, on a character boundary */
	size_t max;  /* byte limit (0: INPUT_MAX - 1) */
	int scroll;  /* first column shown */
};
void input_set(struct input *in, const char *s);
/* Typed characters and the editing actions of scope edit in actions.def
 * (cursor, delete, clear...): 1 if the key was for the input, 0 if not.
 * A screen gives it the keys its own actions did not take. */
int input_key(const struct keymap *km, struct input *in, int key);
/* Draws in cols columns and, when focused, sets the app's text cursor. */
void input_draw(struct app *app, struct input *in, int y, int x, int cols, attr_t attr, int focused);

/* The same editing on a buffer of the caller's (form fields: buf holds
 * max + 1 bytes, so a field may be as long as the core allows). */
struct text_edit {
	char *buf;
	size_t len, cur, max; /* bytes */
	int scroll;           /* first column shown (one-line drawing) */
};
void text_edit_set(struct text_edit *t, const char *s);
int text_edit_key(const struct keymap *km, struct text_edit *t, int key);
void text_edit_draw(struct app *app, struct text_edit *t, int y, int x, int cols, attr_t attr, int focused);
/* Columns of the first n bytes of s. */
int text_cols(const char *s, size_t n);

/* ---- Forms (widget_form.c) --------------------------------------------
 * One widget for every form: a box over the screen (form_open) or the body
 * of a screen (form_new + form_draw_in + form_key, the call form). Keys:
 * the actions of scope form, pick and edit (actions.def). */
enum field_kind { FIELD_TEXT, FIELD_PICK };
struct form;
struct form_field {
	enum field_kind kind;
	const char *label;              /* N_() */
	const char *initial;            /* TEXT: starting text */
	const char *const *choices;     /* PICK: shown as given (translate them) */
	size_t nchoices;
	int initial_choice;             /* PICK: -1 none yet (with placeholder or digits) */
	size_t max;                     /* TEXT: byte limit (0: 255) */
	int required;                   /* TEXT: may not be left empty */
	/* N_(): grey text under the field (in a box, a pick field without one
	 * says how to choose: "←/→ to choose") */
	const char *note;
	/* The field as the core names it in its errors (cn_error_field,
	 * "phone"): form_core_error puts such an error under this field. */
	const char *name;
	int rows;                       /* TEXT: up to this many rows as it grows */
	const char *placeholder;        /* PICK: N_(), shown while nothing is chosen */
	/* PICK: digits 1-9 pick, a letter jumps to a choice starting with it,
	 * and the numbered choices show under the form while it has the focus. */
	int digits;
	/* TEXT: a file name; the form's Complete key (^F) completes it */
	int path;
};
struct form_spec {
	const char *title;              /* N_() */
	const struct form_field *fields;
	size_t nfields;
	/* Save pressed and the required fields are filled: do the work. Return
	 * reactions; R_KEEP (after form_error) keeps the form open. Inside a
	 * screen, submit may close the screen (and the form with it). */
	int (*submit)(struct app *app, struct form *f, void *arg);
	/* Cancelled (after asking when something was typed). Optional for a
	 * box; a screen's form closes the screen here. */
	void (*cancelled)(struct app *app, void *arg);
	void (*free_arg)(void *arg);                    /* optional: on close */
	void *arg;
	/* Optional: the note under field i, written into buf ("" none), again
	 * after every change of the field (a preview of what was typed). */
	void (*note)(struct app *app, struct form *f, size_t i, char *buf, size_t len, void *arg);
	int dirty;                      /* unsaved from the start (a call in progress) */
	const char *cancel_title, *cancel_text; /* N_(): the question on cancel */
};
/* A box over the screen; copies the spec's strings; returns reactions. */
int form_open(struct app *app, const struct form_spec *spec);
/* A form for a screen of its own. */
struct form *form_new(struct app *app, const struct form_spec *spec);
void form_free(struct form *f);
/* Fields from r.y down, the numbered choices of a digit-pick field with
 * the focus under them, the form's keys on r's last row. */
void form_draw_in(struct app *app, struct form *f, struct rect r);
/* Reactions; R_PASS for keys the form does not use (quit, help...). */
int form_key(struct app *app, struct form *f, int key);
int form_unsaved(const struct form *f);

const char *form_text(const struct form *f, size_t i);   /* trimmed */
int form_choice(const struct form *f, size_t i);          /* -1: none */
/* 1 when field i differs from how the form started. */
int form_changed(const struct form *f, size_t i);
void form_set_text(struct app *app, struct form *f, size_t i, const char *s);
void form_set_choice(struct form *f, size_t i, int choice);
void form_focus(struct form *f, size_t i);
/* Shows msg under field i and moves the focus there. */
void form_error(struct form *f, size_t i, const char *msg);
/* The core's last error under the field it names (cn_error_field), else
 * on the status line; returns R_REDRAW. */
int form_core_error(struct app *app, struct form *f);

/* ---- Boxes (widget_box.c) --------------------------------------------- */
/* A message; any key closes it. */
int box_message(struct app *app, const char *title, const char *text);
/* Yes/No: 's'/'y'/Enter on Sì runs yes(app, arg) (its reactions are
 * returned), 'n'/Esc closes. free_arg (optional) runs on close. */
int box_confirm(struct app *app, const char *title, const char *text,
		int (*yes)(struct app *app, void *arg), void *arg,
		void (*free_arg)(void *arg));
/* A box of w x h columns centred on the screen. */
struct rect box_center(struct app *app, int h, int w);

#endif
