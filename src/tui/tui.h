/* The full-screen interface: framework shared by every screen.
 *
 * HOW TO EXTEND (read this first)
 * ===============================
 * The main loop (app.c) owns the terminal. Screens and widgets never call
 * refresh()/doupdate() and never redraw on their own: key handlers change
 * state and return reaction flags (R_REDRAW, R_QUIT, R_DATA, R_PASS ...);
 * the loop then redraws everything with werase + wnoutrefresh + doupdate.
 * Never call sqlite3 here: only core functions (include/centralino/).
 * Every string a person reads goes through _() (N_() in static tables).
 *
 * A screen ("view")
 *   1. Write src/tui/view_<name>.c exporting
 *        const struct view_ops view_<name> = { .name = "<name>", ... };
 *      .state_size = sizeof (struct <name>): the framework allocates the
 *      state; open(app, st, arg) fills it (0, or -1 = refused after
 *      app_msg) from an argument of the screen's own type; draw() paints inside the rectangle it is given; key()
 *      gets the key and the action it is bound to (ACT_NONE if none) and
 *      returns reactions, R_PASS when it does not use the key; reload()
 *      runs when the data changed (another desk committed, or R_DATA).
 *      Set .typing = 1 when a text field has the focus: printable keys are
 *      then text (only '?' and the .passthrough keys keep their action).
 *   2. Add one line VIEW(<name>) to src/tui/views.def.
 *   3. Open it with app_push(app, &view_<name>, &argument); Esc/Backspace
 *      (ACT_BACK, when key() passes) closes it. app_open_card(app, istat)
 *      and lookup_search(app, text) reach the two basic screens.
 *
 * An action (a key)
 *   Add a row to src/tui/actions.def:
 *     ACTION(key, NAME, scope, min_role, N_("hint"), N_("help text"))
 *   It yields ACT_NAME, the default key, the hint-line label (NULL: only in
 *   the help overlay) and the help overlay line. scope is `global` or a
 *   view name from views.def (card sections use `card`). Extra keys for the
 *   same action: ACTION_KEY(key, NAME). Keys the role may not use
 *   (cn_may(ctx, min_role) false) are neither shown nor delivered. The
 *   permission check in the core stays the real guard.
 *   This table is the only place a key is bound: screens and widgets test
 *   the action they get (or action_in_scope() for a widget's own scope:
 *   form, pick, edit, confirm, message, help), never key codes; only typed
 *   text (tui_key_char) is read as characters. List moves: list_move().
 *
 * A section of the comune card (no need to touch view_card.c)
 *   Write src/tui/card_<name>.c exporting const struct card_section
 *   card_<name>, and add CARD_SECTION(<name>) to card_sections.def (order
 *   = order on the card). Its actions are ACTION rows with scope `card`;
 *   the card offers each key to the focused section first, then the others
 *   (Tab moves the focus among sections that have key()). open() gets the
 *   card's registry_comune, which stays at the same address while the card
 *   is open (reload() passes it again, refreshed). draw() gets a height
 *   that may be less than height() asked for: show the most useful rows.
 *
 * A status-bar segment ("2 richiamate in scadenza")
 *   Write int fn(struct app *, char *buf, size_t len) returning SEG_NONE,
 *   SEG_NORMAL or SEG_ALERT, and add STATUS_SEGMENT(fn) to
 *   status_segments.def. It runs on every redraw: cache by app->data_gen
 *   (the cache is a member of struct app, as app->calls_due).
 *
 * A ':' command
 *   Add CMDLINE("name", fn, min_role, completion, N_("ARGS"), N_("help"))
 *   to src/tui/cmdline.def; fn is int fn(struct app *, const char *args)
 *   returning reactions. completion: CMPL_NONE, CMPL_COMUNE or CMPL_PATH
 *   (the argument's last word as a file name).
 *
 * A form ("issue code", "new call", "add staff")
 *   Fill a struct form_spec (widget.h: fields with label, text of one or
 *   several rows, pick lists with or without digit shortcuts, the core's
 *   field name, a live note callback, the submit callback) and call
 *   form_open(app, &spec) for a box over the screen. A form that is a
 *   whole screen (the call form) keeps form_new()'s form in its state,
 *   draws it with form_draw_in() under its own header, gives it the keys
 *   with form_key() and sets .form = 1 in its view_ops. The keys are the
 *   actions of scope form, pick and edit in actions.def: next/previous
 *   field, save (also Enter on the last field), cancel (asking first when
 *   something was typed); F10 quits (asking first). submit() reads
 *   form_text()/form_choice()/form_changed(); return R_KEEP after
 *   form_error() (or form_core_error(), which puts the core's error under
 *   the field cn_error_field names) to keep the form open; R_DATA when it
 *   changed data.
 *
 * Modal boxes: box_message(), box_confirm() (widget.h). Lists: struct
 * list + list_move(action) + list_draw() with a row callback (widget.h). Text:
 * tui_put()/tui_puts() pad and cut by display width (never by bytes),
 * tui_wrap() wraps, tui_rule()/tui_frame() draw lines; numbers for people
 * go through numfmt.h (7,914 / 7.914). Colours: tui_attr(app, TA_...) only
 * (NO_COLOR honoured). Anything else drawn over the screen (a popup) is a
 * layer: struct layer_ops + app_push_layer().
 *
 * Tests: whole screens from a script of keys, tests/tui/lib_script.sh and
 * docs/TUI_SCRIPT.md (see tests/tui/lookup_screens.sh); tmux only for the
 * real terminal, tests/tui/lib_tui.sh (see tests/tui/lookup.sh).
 */
#ifndef CENTRALINO_TUI_H
#define CENTRALINO_TUI_H

#include <curses.h>
#include <stddef.h>
#include <time.h>

#include "centralino/ctx.h"
#include "centralino/i18n.h"

struct app;

/* ---- Keys -------------------------------------------------------------
 * A key is an int: a function key is ncurses' KEY_xxx; a typed character
 * is its code point, except that code points from KEY_MIN up carry
 * TUI_CHAR_FLAG (ncurses' KEY_ codes overlap with them: "č" = KEY_F(5)).
 * Enter is '\n', Backspace is KEY_BACKSPACE, Esc is TUI_ESC, Tab is '\t'. */
#define TUI_CHAR_FLAG 0x2000000
#define TUI_ESC 27
#define TUI_CTRL(c) ((c) & 0x1f)
/* The typed character, or 0 for a function/control key. */
int tui_key_char(int key);
/* UTF-8 bytes of a code point into out (4 bytes room); returns the count. */
int tui_utf8(int cp, char *out);
/* "F10", "Enter", "Esc", "PgDn", "?", "^W": for hints and help. */
const char *tui_key_label(int key, char *buf, size_t len);

/* ---- Reactions: what a handler asks the main loop to do -------------- */
enum {
	R_NONE = 0,
	R_REDRAW = 1 << 0, /* something visible changed */
	R_QUIT = 1 << 1,   /* leave (asks first if something is unsaved) */
	R_DATA = 1 << 2,   /* we changed data: every view's reload() runs */
	R_PASS = 1 << 3,   /* not mine: the next handler may take the key */
	R_KEEP = 1 << 4,   /* form submit: keep the form open */
};

/* ---- Screens ----------------------------------------------------------- */
struct rect {
	int y, x, h, w;
};

struct view_ops {
	const char *name;   /* as in views.def */
	const char *title;  /* N_(): title bar when title_of is NULL */
	/* Printable keys are text for this screen (a search field has the
	 * focus); bound printable keys other than '?' reach key() with
	 * ACT_NONE, except those listed in `passthrough`, which reach key()
	 * with their action (the view returns R_PASS to let them act). */
	int typing;
	const char *passthrough;
	/* A form widget has the keys: the actions of scope form (save, next
	 * field...) come first, and of the global ones only help, quit and
	 * redraw remain (key() returns R_PASS for them). */
	int form;
	/* The screen shows a running timer (a call in progress): the main loop
	 * redraws it every second, not only every minute. */
	int timer;
	/* The screen's state: state_size bytes, zeroed, allocated by the
	 * framework before open() and freed after close(). */
	size_t state_size;
	/* Fills st from arg (its type is the screen's own, documented where the
	 * screen is opened); 0, or -1 when refused (after app_msg/app_error).
	 * On -1 close() still runs, on what open() filled in so far. */
	int (*open)(struct app *app, void *st, const void *arg);
	void (*close)(struct app *app, void *st); /* frees what st holds */
	void (*draw)(struct app *app, void *st, struct rect r);
	int (*key)(struct app *app, void *st, int key, int action);
	void (*reload)(struct app *app, void *st);
	int (*unsaved)(struct app *app, void *st);            /* optional */
	const char *(*title_of)(struct app *app, void *st);   /* optional */
	/* Optional: the terminal went away (SIGHUP, SIGTERM) and the program
	 * ends: keep what is unsaved as a draft (centralino/draft.h), restored
	 * at the next start. No drawing, no questions. */
	void (*hangup)(struct app *app, void *st);
};

/* Where an action of actions.def applies: everywhere, on one screen, or
 * inside one of the framework's widgets (the widget looks its keys up). */
enum tui_scope {
	SCOPE_global = 0,
#define VIEW(name) SCOPE_##name,
#include "views.def"
#undef VIEW
	SCOPE_form,    /* any form: save, next/previous field, cancel */
	SCOPE_pick,    /* a pick field of a form has the focus */
	SCOPE_edit,    /* a text field or search box has the focus */
	SCOPE_confirm, /* a yes/no box */
	SCOPE_message, /* a message box */
	SCOPE_help,    /* the help overlay */
	SCOPE_cmdline, /* the ':' command line */
	SCOPE_COUNT
};

#define VIEW(name) extern const struct view_ops view_##name;
#include "views.def"
#undef VIEW

/* ---- Actions ----------------------------------------------------------- */
enum tui_action {
	ACT_NONE = 0,
#define ACTION(key, name, scope, role, hint, help) ACT_##name,
#define ACTION_KEY(key, name)
#define ACTION_HELP_KEY(name, other)
#include "actions.def"
#undef ACTION
#undef ACTION_KEY
#undef ACTION_HELP_KEY
	ACT_COUNT
};

/* The keys in force: actions.def's rows as the configuration's bind lines
 * changed them (actions_configure, once, before the first key). The app
 * owns it (app->keymap); a widget gets it from its caller. n == 0 means
 * actions.def's rows unchanged. */
struct key_binding {
	int action, key;
};
enum {
	KEYMAP_DEFAULTS = 0
#define ACTION(key, name, scope, role, hint, help) + 1
#define ACTION_KEY(key, name) + 1
#define ACTION_HELP_KEY(name, other)
#include "actions.def"
#undef ACTION
#undef ACTION_KEY
#undef ACTION_HELP_KEY
};
#define KEYMAP_BIND_MAX 64
struct keymap {
	struct key_binding v[KEYMAP_DEFAULTS + KEYMAP_BIND_MAX];
	size_t n;
};

/* ---- Layers: things drawn over the screen that take the keys first
 * (help overlay, message boxes, forms, the ':' command line). ----------- */
struct layer_ops {
	void (*draw)(struct app *app, void *st);
	/* Reactions; R_PASS lets the global Quit (F10) and Redraw (^L) act. */
	int (*key)(struct app *app, void *st, int key);
	void (*close)(struct app *app, void *st);            /* frees st */
	int (*unsaved)(struct app *app, void *st);            /* optional */
	/* The key-hint line shows the hints of this scope's actions
	 * (SCOPE_global: no hints). */
	int scope;
};

/* ---- Colours and attributes (NO_COLOR honoured) ----------------------- */
enum tui_attr {
	TA_NORMAL, TA_TITLE, TA_TITLE_DIM, TA_HEADER, TA_SELECTED, TA_LABEL,
	TA_MUTED, TA_KEY, TA_HINT, TA_INPUT, TA_ACCENT, TA_OK, TA_WARN,
	TA_ERROR, TA_FRAME, TA_COUNT
};
attr_t tui_attr(const struct app *app, enum tui_attr a);

/* ---- Status segments (status_segments.def) ---------------------------- */
enum { SEG_NONE = 0, SEG_NORMAL = 1, SEG_ALERT = 2 };
#define STATUS_SEGMENT(fn) int fn(struct app *app, char *buf, size_t len);
#include "status_segments.def"
#undef STATUS_SEGMENT

/* ---- ':' commands (cmdline.def) --------------------------------------- */
enum cmdline_completion { CMPL_NONE, CMPL_COMUNE, CMPL_PATH };
#define CMDLINE(name, fn, role, cmpl, argv, help) int fn(struct app *app, const char *args);
#include "cmdline.def"
#undef CMDLINE

/* ---- Card sections (card_sections.def) -------------------------------- */
struct registry_comune;
struct card_section {
	const char *title; /* N_() */
	/* On a wide card the sections stand in two columns: 0 left, 1 right.
	 * On a narrow one they follow card_sections.def's order. */
	int column;
	/* State for this comune (may return a non-NULL dummy); NULL = skip. */
	void *(*open)(struct app *app, const struct registry_comune *c);
	void (*close)(struct app *app, void *st);
	/* Data changed: reload what the section shows. Optional. */
	void (*reload)(struct app *app, void *st);
	/* Rows the section would like at this width (title line excluded). */
	int (*height)(struct app *app, void *st, int width);
	/* Paint in r (r.h may be less than wanted: show the most useful part). */
	void (*draw)(struct app *app, void *st, struct rect r, int focused);
	/* Optional: reactions or R_PASS. Sections with key() can take focus. */
	int (*key)(struct app *app, void *st, int key, int action);
};
#define CARD_SECTION(name) extern const struct card_section card_##name;
#include "card_sections.def"
#undef CARD_SECTION
/* What a section of rows about the comune starts its state with. */
struct card_part {
	char istat[7];
	char name[256];
	int sel;     /* the selected row */
	int focused; /* as the section was last drawn */
};
/* A section's state of `size` bytes (zeroed) starting with a card_part of
 * comune c; NULL (the section is skipped) below the role assistenza. */
void *card_part_new(struct app *app, size_t size, const struct registry_comune *c);
/* The list moves of a focused section of n rows on p->sel: reactions, or
 * R_PASS when the section does not take them (not focused, one row). */
int card_part_move(struct card_part *p, size_t n, int action);

/* ---- The application: the only mutable state of the interface -------- */
#define APP_MAX_VIEWS 16
#define APP_MAX_LAYERS 8

struct view_inst {
	const struct view_ops *ops;
	void *st;
	int scope;
};

struct layer_inst {
	const struct layer_ops *ops;
	void *st;
};

enum msg_level { MSG_INFO, MSG_OK, MSG_WARN, MSG_ERROR };

struct cmdline;

/* What the status bar's callbacks-due segment keeps between redraws
 * (status_calls.c): the count, and the callbacks already announced. */
#define CALLS_ANNOUNCED_MAX 256
struct calls_due {
	int valid;
	unsigned long gen;
	time_t minute;
	long due;
	char announced[CALLS_ANNOUNCED_MAX][37]; /* a ring of the ids already told */
	int next;
};

struct app {
	struct cn_ctx *ctx;
	struct view_inst stack[APP_MAX_VIEWS];
	int depth;
	struct layer_inst layers[APP_MAX_LAYERS];
	int nlayers;
	char msg[512];             /* status line message, cleared by the next key */
	enum msg_level msg_level;
	int color;                 /* 0 under NO_COLOR or on a monochrome terminal */
	int rows, cols;            /* the terminal */
	int too_small;             /* below 80x24: only a notice is drawn */
	unsigned long data_gen;    /* bumped whenever the data changed */
	int cur_y, cur_x;          /* text cursor set by draw(), -1 = hidden */
	int quit;
	struct cmdline *cmdline;   /* readline state (cmdline.c) */
	attr_t attrs[TA_COUNT];
	char db_name[256];
	struct tui_script *script; /* keys from a file (CENTRALINO_SCRIPT) */
	struct keymap keymap;      /* the keys in force (actions.c) */
	struct calls_due calls_due; /* status_calls.c */
	char keys_err[2048];       /* a wrong bind line of the configuration */
	int restart_told;          /* the schema changed under us: drafts kept, restart asked */
};

#define TUI_MIN_COLS 80
#define TUI_MIN_ROWS 24
/* How often the main loop wakes to look for other desks' changes. */
#define TUI_POLL_MS 400
/* At most this many drafts come back at one start (the rest at the next). */
#define TUI_MAX_DRAFTS 8

/* Runs the interface on an open context; returns an exit code. With a
 * script (a file path, see docs/TUI_SCRIPT.md) the keys come from the file
 * and no terminal is needed. */
int tui_run(struct cn_ctx *ctx, const char *script);

/* Paints the whole screen (the main loop does it after every key). */
void app_draw(struct app *app);

/* ---- Headless script mode (script.c) ---------------------------------- */
/* Not keys: what script_key returns when the script ends or hangs up. */
#define TUI_KEY_END (-2)
#define TUI_KEY_HANGUP (-3)
struct tui_script;
/* Reads and checks a whole script; on error err says "FILE:LINE: why". */
int script_load(const char *path, struct tui_script **out, char *err, size_t errlen);
void script_free(struct tui_script *s);
/* Where the script's terminal writes: its !terminal FILE, or /dev/null. */
const char *script_terminal(const struct tui_script *s);
/* The next key (KEY_RESIZE after a resize), TUI_KEY_END or
 * TUI_KEY_HANGUP; writes the screens asked for on the way. */
int script_key(struct app *app, struct tui_script *s);

/* Screens: app_push opens view with arg (of the type the view takes) on
 * top (0, or -1 when open() refused); app_pop closes the top one (never
 * the last). */
int app_push(struct app *app, const struct view_ops *view, const void *arg);
void app_pop(struct app *app);
struct view_inst *app_top(struct app *app);
/* Opens the comune card for an ISTAT code. Reactions. */
int app_open_card(struct app *app, const char *istat);

int app_push_layer(struct app *app, const struct layer_ops *ops, void *st);
void app_pop_layer(struct app *app);
/* Closes the layer whose state is st, wherever it is in the stack. */
void app_close_layer(struct app *app, void *st);

/* The status line message (printf format). */
void app_msg(struct app *app, enum msg_level level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Shows the core's last error; returns R_REDRAW. */
int app_error(struct app *app);

/* For a screen's open(): 0, or -1 with the message shown when the role
 * may not `what` (cn_require) (screen_state.c). */
int screen_require(struct app *app, enum cn_role role, const char *what);

/* Helpers for drawing in the main loop: where the text cursor goes. */
void app_set_cursor(struct app *app, int y, int x);

/* The lookup screen (always at the bottom of the stack): closes the screens
 * above it and searches text. Reactions. */
int lookup_search(struct app *app, const char *text);
/* A letter or digit typed on a screen without a text field starts a search
 * with it on the lookup, as the next letters of the name will follow.
 * Reactions; R_PASS for any other key. */
int lookup_type_anywhere(struct app *app, int key);
/* "Did you mean: A (XX), B (YY)?" for a query nothing matched ("" when the
 * registry is empty); the mark of a hit found by a former name or the
 * name of a comune merged into it ("" when neither). */
struct registry_hit;
void lookup_did_you_mean(struct app *app, const char *query, char *out, size_t size);
void lookup_hit_note(const struct registry_hit *h, char *out, size_t size);

/* A campaign's files for people outside the desk (progress_files.c): a
 * form with a proposed file name, then the core writes it. Reactions. */
enum progress_file { PROGRESS_FILE_REPORT, PROGRESS_FILE_MAP };
int progress_file_form(struct app *app, enum progress_file which, const char *campaign);
/* The campaign a progress screen opens on when none is named: the first
 * open one, else the first; -1 (message shown) when there is none
 * (view_dashboard.c). */
int progress_default_campaign(struct app *app, char out[41]);

/* Help overlay (help.c), for the current screen and the global keys. */
int help_open(struct app *app);

/* Command line (cmdline.c). */
void cmdline_init(struct app *app);
void cmdline_done(struct app *app);
int cmdline_open(struct app *app, const char *initial);
/* Runs one command line as if typed after ':' (reactions). */
int cmdline_exec(struct app *app, const char *line);

/* Actions (actions.c). */
struct action_info {
	int scope, role;
	const char *hint, *help; /* N_() */
};
const struct action_info *action_info(int action);
/* The keys bound to an action, in actions.def order; returns how many. */
int action_keys(const struct keymap *km, int action, int *keys, int max);
/* 1 when this binding is usable (and shown) on screen v for this user:
 * role, scope (global or v's) and the typing rule. */
int action_usable(const struct app *app, int action, int key, const struct view_inst *v);
/* The action bound to key on screen v for this user (v's scope first, then
 * global); ACT_NONE if none. */
int action_for_key(const struct app *app, const struct view_inst *v, int key);
/* The label of the action's first key ("F2"), for texts that name it. */
const char *action_key_label(const struct keymap *km, int action, char *buf, size_t len);
/* The action's help line, translated, naming the keys in force; "" when
 * it has none. */
const char *action_help(const struct keymap *km, int action, char *buf, size_t len);
/* A key bound, on screen v, to an action this user's role may not take:
 * says so on the message line (who may) and returns 1; else 0. */
int action_refused_say(struct app *app, const struct view_inst *v, int key);
/* For widgets and layers: the action bound to key in one scope (no role
 * check: framework scopes are for everyone); ACT_NONE if none. */
int action_in_scope(const struct keymap *km, int scope, int key);
/* The key of a name, as scripts and bind lines write it: Enter, Tab,
 * S-Tab, Esc, BS, Del, Ins, Up, Down, Left, Right, PgUp, PgDn, Home, End,
 * Space, lt, F1..F24, C-a..C-z, or one printable ASCII character; 0 when
 * it is none of them. */
int tui_key_named(const char *name, size_t len);
/* The configuration's `bind = SCOPE KEY ACTION` lines over actions.def,
 * into *km (origin[i] is line i's "FILE:LINE"): all of them, or, when one
 * is wrong, none (*km unchanged), and err says "FILE:LINE: bind: which field, why"; -1. A
 * bound key replaces the action's own keys (hints and help show it) and
 * leaves whatever else it meant in that scope. */
int actions_configure(struct keymap *km, char *const *line, char *const *origin, size_t n, char *err,
		      size_t errlen);

/* Theme (theme.c). */
void theme_init(struct app *app);

#endif
