/* The main loop: reads keys, hands them to the top layer or screen, applies
 * the reactions, polls the database for other desks' changes, and is the
 * only place that paints the terminal. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "centralino/clock.h"
#include "centralino/config.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"
#include "widget.h"

static const struct view_ops *const all_views[] = {
#define VIEW(name) &view_##name,
#include "views.def"
#undef VIEW
};

typedef int (*segment_fn)(struct app *app, char *buf, size_t len);
static const segment_fn segments[] = {
#define STATUS_SEGMENT(fn) fn,
#include "status_segments.def"
#undef STATUS_SEGMENT
	NULL,
};

/* ---- Screens and layers ------------------------------------------------ */

struct view_inst *app_top(struct app *app)
{
	return app->depth ? &app->stack[app->depth - 1] : NULL;
}

static void close_view(struct app *app, struct view_inst *v);

int app_push(struct app *app, const struct view_ops *view, const void *arg)
{
	struct view_inst *v;
	void *st;
	if (app->depth == APP_MAX_VIEWS) {
		char back[32];
		app_msg(app, MSG_WARN, _("too many screens open: go back first (%s)"),
			action_key_label(&app->keymap, ACT_BACK, back, sizeof back));
		return -1;
	}
	st = xcalloc(1, view->state_size ? view->state_size : 1);
	if (view->open && view->open(app, st, arg)) {
		/* a screen that failed to open releases what it took, as on close */
		if (view->close)
			view->close(app, st);
		free(st);
		return -1;
	}
	v = &app->stack[app->depth++];
	v->ops = view;
	v->st = st;
	v->scope = SCOPE_global;
	for (size_t i = 0; i < sizeof all_views / sizeof all_views[0]; i++)
		if (all_views[i] == view)
			v->scope = (int)i + 1; /* SCOPE_ values follow views.def */
	return 0;
}

static void close_view(struct app *app, struct view_inst *v)
{
	if (v->ops->close)
		v->ops->close(app, v->st);
	free(v->st);
	v->ops = NULL;
	v->st = NULL;
}

void app_pop(struct app *app)
{
	if (app->depth <= 1)
		return;
	close_view(app, &app->stack[--app->depth]);
}

int app_open_card(struct app *app, const char *istat)
{
	struct view_inst *top = app_top(app);
	int replace = top && top->ops == &view_card;
	if (app_push(app, &view_card, istat))
		return R_REDRAW;
	if (replace) {
		/* A card opened from a card takes its place: Esc goes back to the list. */
		close_view(app, &app->stack[app->depth - 2]);
		app->stack[app->depth - 2] = app->stack[app->depth - 1];
		app->depth--;
	}
	return R_REDRAW;
}

int app_push_layer(struct app *app, const struct layer_ops *ops, void *st)
{
	if (app->nlayers == APP_MAX_LAYERS)
		return -1;
	app->layers[app->nlayers].ops = ops;
	app->layers[app->nlayers].st = st;
	app->nlayers++;
	return 0;
}

static void remove_layer(struct app *app, int i)
{
	struct layer_inst l = app->layers[i];
	memmove(&app->layers[i], &app->layers[i + 1], (size_t)(app->nlayers - i - 1) * sizeof l);
	app->nlayers--;
	if (l.ops->close)
		l.ops->close(app, l.st);
}

void app_pop_layer(struct app *app)
{
	if (app->nlayers > 0)
		remove_layer(app, app->nlayers - 1);
}

void app_close_layer(struct app *app, void *st)
{
	for (int i = app->nlayers - 1; i >= 0; i--)
		if (app->layers[i].st == st) {
			remove_layer(app, i);
			return;
		}
}

void app_msg(struct app *app, enum msg_level level, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->msg, sizeof app->msg, fmt, ap);
	va_end(ap);
	/* One line: the status bar has no room for more. */
	for (char *p = app->msg; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	app->msg_level = level;
}

int app_error(struct app *app)
{
	app_msg(app, MSG_ERROR, "%s", cn_error(app->ctx));
	return R_REDRAW;
}

void app_set_cursor(struct app *app, int y, int x)
{
	app->cur_y = y;
	app->cur_x = x;
}

/* Someone changed the data: every screen reloads what it shows. */
static void data_changed(struct app *app)
{
	app->data_gen++;
	for (int i = 0; i < app->depth; i++)
		if (app->stack[i].ops->reload)
			app->stack[i].ops->reload(app, app->stack[i].st);
}

static int anything_unsaved(struct app *app)
{
	for (int i = 0; i < app->nlayers; i++)
		if (app->layers[i].ops->unsaved && app->layers[i].ops->unsaved(app, app->layers[i].st))
			return 1;
	for (int i = 0; i < app->depth; i++)
		if (app->stack[i].ops->unsaved && app->stack[i].ops->unsaved(app, app->stack[i].st))
			return 1;
	return 0;
}

static int quit_anyway(struct app *app, void *arg)
{
	(void)arg;
	app->quit = 1;
	return R_NONE;
}

static void keep_drafts(struct app *app);

static int request_quit(struct app *app)
{
	if (cn_restart_needed(app->ctx)) {
		keep_drafts(app); /* nothing more can be saved here: all of it waits for the restart */
		app->quit = 1;
		return R_NONE;
	}
	if (!anything_unsaved(app)) {
		app->quit = 1;
		return R_NONE;
	}
	return box_confirm(app, _("Quit"), _("Something you typed is not saved yet. Quit anyway?"),
			   quit_anyway, NULL, NULL);
}

/* ---- Drawing ------------------------------------------------------------ */

static void draw_title(struct app *app)
{
	struct view_inst *v = app_top(app);
	char right[256], when[17], left[300];
	const char *title = v->ops->title_of ? v->ops->title_of(app, v->st) : _(v->ops->title);
	int lw, rw;

	cn_fmt_display(cn_now(app->ctx), when);
	if (strcmp(cn_login(app->ctx), cn_real_login(app->ctx)))
		snprintf(right, sizeof right, _("%s as %s (%s)  %s "), cn_real_login(app->ctx),
			 cn_login(app->ctx), cn_role_name(cn_role(app->ctx)), when);
	else
		snprintf(right, sizeof right, "%s (%s)  %s ", cn_login(app->ctx),
			 cn_role_name(cn_role(app->ctx)), when);
	/* a long title (a campaign's key) takes the database name's room */
	if (title && text_width(title) > app->cols - text_width(right) - 2 - text_width(app->db_name) - 14)
		snprintf(left, sizeof left, " centralino");
	else
		snprintf(left, sizeof left, " centralino  %s", app->db_name);
	tui_fill(0, 0, app->cols, ' ', tui_attr(app, TA_TITLE_DIM));
	rw = text_width(right);
	lw = tui_puts(0, 0, app->cols - rw - 1, left, tui_attr(app, TA_TITLE_DIM));
	tui_puts(0, 1, 10, "centralino", tui_attr(app, TA_TITLE));
	tui_put(0, app->cols - rw, rw, right, ALIGN_RIGHT, tui_attr(app, TA_TITLE_DIM));
	if (title && *title) {
		/* The screen's title centred on the bar, or in the room between. */
		int tw = text_width(title), from = lw + 2, to = app->cols - rw - 2;
		int x = (app->cols - tw) / 2;
		if (x + tw > to)
			x = to - tw;
		if (x < from)
			x = from;
		tui_puts(0, x, to - x, title, tui_attr(app, TA_TITLE));
	}
}

static void draw_status(struct app *app, int y)
{
	static const enum tui_attr level_attr[] = {
		[MSG_INFO] = TA_NORMAL, [MSG_OK] = TA_OK, [MSG_WARN] = TA_WARN, [MSG_ERROR] = TA_ERROR,
	};
	char segs[512] = "";
	int alert = 0, sw;
	size_t used = 0;

	for (const segment_fn *f = segments; *f; f++) {
		char buf[128] = "";
		int r = (*f)(app, buf, sizeof buf);
		if (r == SEG_NONE || !buf[0])
			continue;
		alert |= r == SEG_ALERT;
		used += (size_t)snprintf(segs + used, sizeof segs - used, "%s%s", used ? "  │  " : "", buf);
		if (used >= sizeof segs)
			used = sizeof segs - 1;
	}
	tui_fill(y, 0, app->cols, ' ', A_NORMAL);
	sw = segs[0] ? text_width(segs) + 1 : 0;
	if (sw > app->cols / 2)
		sw = app->cols / 2;
	if (segs[0])
		tui_put(y, app->cols - sw, sw, segs, ALIGN_LEFT, tui_attr(app, alert ? TA_WARN : TA_MUTED));
	if (app->msg[0])
		tui_puts(y, 1, app->cols - sw - 2, app->msg, tui_attr(app, level_attr[app->msg_level]));
}

/* One "KEY label" pair of the hint line; returns the new x (or -1: full). */
static int hint(struct app *app, int y, int x, const char *key, const char *label)
{
	char text[128];
	int kw = text_width(key), need;
	snprintf(text, sizeof text, " %s", label);
	need = kw + 2 + text_width(text) + 1;
	if (x + need > app->cols)
		return -1;
	tui_put(y, x, kw + 2, key, ALIGN_CENTER, tui_attr(app, TA_KEY));
	x += kw + 2;
	x += tui_puts(y, x, app->cols - x, text, tui_attr(app, TA_HINT));
	return x + 2;
}

/* The hints of one scope's actions (the first usable key of each). */
static int scope_hints(struct app *app, int y, int x, int scope, const struct view_inst *v)
{
	for (int a = ACT_NONE + 1; a < ACT_COUNT && x >= 0; a++) {
		const struct action_info *ai = action_info(a);
		int keys[8], n = action_keys(&app->keymap, a, keys, 8);
		char label[32];
		if (!ai->hint || (scope == SCOPE_global) != (ai->scope == SCOPE_global))
			continue;
		if (!v && ai->scope != scope)
			continue;
		for (int k = 0; k < n; k++)
			if (!v || action_usable(app, a, keys[k], v)) {
				x = hint(app, y, x, tui_key_label(keys[k], label, sizeof label), _(ai->hint));
				break;
			}
	}
	return x;
}

static void draw_hints(struct app *app, int y)
{
	int x = 0;
	tui_fill(y, 0, app->cols, ' ', A_NORMAL);
	if (app->nlayers) {
		int scope = app->layers[app->nlayers - 1].ops->scope;
		if (scope != SCOPE_global)
			scope_hints(app, y, 0, scope, NULL);
		return;
	}
	/* The screen's keys first, then the global ones. */
	x = scope_hints(app, y, x, -1, app_top(app));
	if (x >= 0)
		scope_hints(app, y, x, SCOPE_global, app_top(app));
}

static void draw_too_small(struct app *app)
{
	char line[128], quit[32];
	int y = app->rows / 2 - 1;
	snprintf(line, sizeof line, _("Terminal too small: %dx%d"), app->cols, app->rows);
	tui_put(y < 0 ? 0 : y, 0, app->cols, line, ALIGN_CENTER, tui_attr(app, TA_WARN));
	snprintf(line, sizeof line, _("centralino needs at least %dx%d (%s quits)"), TUI_MIN_COLS, TUI_MIN_ROWS,
		 action_key_label(&app->keymap, ACT_QUIT, quit, sizeof quit));
	if (y + 1 < app->rows)
		tui_put(y + 1, 0, app->cols, line, ALIGN_CENTER, A_NORMAL);
}

void app_draw(struct app *app)
{
	getmaxyx(stdscr, app->rows, app->cols);
	app->too_small = app->cols < TUI_MIN_COLS || app->rows < TUI_MIN_ROWS;
	app->cur_y = app->cur_x = -1;
	werase(stdscr);
	if (app->too_small) {
		draw_too_small(app);
	} else {
		struct view_inst *v = app_top(app);
		struct rect body = {1, 0, app->rows - 3, app->cols};
		draw_title(app);
		v->ops->draw(app, v->st, body);
		draw_status(app, app->rows - 2);
		draw_hints(app, app->rows - 1);
		if (app->nlayers)
			app->cur_y = app->cur_x = -1; /* the screen below has no cursor */
		for (int i = 0; i < app->nlayers; i++)
			app->layers[i].ops->draw(app, app->layers[i].st);
	}
	if (app->cur_y >= 0) {
		curs_set(1);
		move(app->cur_y, app->cur_x);
	} else {
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* ---- Keys ----------------------------------------------------------------- */

/* After an Esc: 1 when it began an escape sequence the terminal
 * description does not know (F5 under TERM=vt100 sends \e[15~), which is
 * then read to its end and dropped, never typed into a field. A sequence
 * arrives whole, so its next byte is already waiting; an Esc pressed alone
 * is followed by nothing. */
static int unknown_sequence(void)
{
	wint_t wc;
	int rc, csi, n = 0;

	wtimeout(stdscr, 0);
	rc = wget_wch(stdscr, &wc);
	if (rc == OK && (wc == '[' || wc == 'O')) {
		csi = wc == '[';
		/* CSI: parameters and intermediates, then a final byte 0x40-0x7E;
		 * SS3: one byte */
		wtimeout(stdscr, 10);
		while (n++ < 32 && (rc = wget_wch(stdscr, &wc)) == OK && csi && !(wc >= 0x40 && wc <= 0x7E))
			;
		wtimeout(stdscr, TUI_POLL_MS);
		return 1;
	}
	if (rc == OK)
		unget_wch((wchar_t)wc);
	else if (rc == KEY_CODE_YES)
		ungetch((int)wc);
	wtimeout(stdscr, TUI_POLL_MS);
	return 0;
}

static int read_key(void)
{
	wint_t wc;
	int rc = wget_wch(stdscr, &wc);
	while (rc == OK && wc == 27 && unknown_sequence())
		rc = wget_wch(stdscr, &wc);
	if (rc == ERR)
		return ERR;
	if (rc == KEY_CODE_YES)
		return wc == KEY_ENTER ? '\n' : (int)wc;
	if (wc == '\r')
		return '\n';
	if (wc == 127 || wc == 8)
		return KEY_BACKSPACE;
	if (wc >= KEY_MIN)
		return (int)wc | TUI_CHAR_FLAG;
	return (int)wc;
}

/* Home/End and friends as terminals other than the terminfo entry's send
 * them (tmux and screen \e[1~ \e[4~, rxvt \e[7~ \e[8~, xterm in normal
 * cursor mode \e[H \e[F): without these, Esc arrives alone and the rest
 * is typed into the search. */
static void define_alternate_keys(void)
{
	static const struct {
		const char *seq;
		int key;
	} alt[] = {
		{"\033[1~", KEY_HOME}, {"\033[7~", KEY_HOME}, {"\033[H", KEY_HOME}, {"\033OH", KEY_HOME},
		{"\033[4~", KEY_END}, {"\033[8~", KEY_END}, {"\033[F", KEY_END}, {"\033OF", KEY_END},
		{"\033[3~", KEY_DC}, {"\033[2~", KEY_IC}, {"\033[5~", KEY_PPAGE}, {"\033[6~", KEY_NPAGE},
		{"\033[Z", KEY_BTAB}, {"\033[A", KEY_UP}, {"\033[B", KEY_DOWN}, {"\033[C", KEY_RIGHT},
		{"\033[D", KEY_LEFT}, {"\033OA", KEY_UP}, {"\033OB", KEY_DOWN}, {"\033OC", KEY_RIGHT},
		{"\033OD", KEY_LEFT}, {"\033OP", KEY_F(1)}, {"\033[11~", KEY_F(1)}, {"\033[21~", KEY_F(10)},
	};
	for (size_t i = 0; i < sizeof alt / sizeof alt[0]; i++)
		if (key_defined(alt[i].seq) <= 0)
			define_key(alt[i].seq, alt[i].key);
}

#define GLOBAL_ACTIONS(fn) int fn(struct app *app, int action);
#include "global_actions.def"
#undef GLOBAL_ACTIONS

static int (*const feature_actions[])(struct app *, int) = {
#define GLOBAL_ACTIONS(fn) fn,
#include "global_actions.def"
#undef GLOBAL_ACTIONS
};

static int global_action(struct app *app, int action)
{
	switch (action) {
	case ACT_HELP: return help_open(app);
	case ACT_COMMAND: return cmdline_open(app, NULL);
	case ACT_QUIT: return R_QUIT;
	case ACT_REDRAW: clearok(curscr, TRUE); return R_REDRAW;
	case ACT_BACK:
		if (app->depth > 1) {
			app_pop(app);
			return R_REDRAW;
		}
		return R_NONE;
	}
	for (size_t i = 0; i < sizeof feature_actions / sizeof feature_actions[0]; i++) {
		int r = feature_actions[i](app, action);
		if (!(r & R_PASS))
			return r;
	}
	return R_NONE;
}

static int dispatch(struct app *app, int key)
{
	struct view_inst *v = app_top(app);
	int action, r;

	if (app->too_small) {
		return key == KEY_F(10) || key == TUI_CTRL('q') || key == TUI_CTRL('c') ? R_QUIT : R_NONE;
	}
	if (app->nlayers) {
		/* A layer may pass a key on: only quitting and redrawing go past it. */
		struct layer_inst *l = &app->layers[app->nlayers - 1];
		r = l->ops->key(app, l->st, key);
		if (r & R_PASS) {
			action = action_for_key(app, v, key);
			r &= ~R_PASS;
			if (action == ACT_QUIT || action == ACT_REDRAW)
				r |= global_action(app, action);
		}
		return r;
	}
	action = action_for_key(app, v, key);
	if (action == ACT_NONE && !v->ops->typing && (r = lookup_type_anywhere(app, key)) != R_PASS)
		return r;
	if (action == ACT_NONE && action_refused_say(app, v, key))
		return R_REDRAW;
	r = v->ops->key ? v->ops->key(app, v->st, key, action) : R_PASS;
	if (r & R_PASS)
		r = (r & ~R_PASS) | global_action(app, action);
	return r;
}

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* 1 when another key is already waiting (typed ahead, or a paste): the
 * loop handles it before painting, so 10 KB pasted cost one redraw, not
 * ten thousand. The key is put back. */
static int key_waiting(struct app *app)
{
	wint_t wc;
	int rc;
	if (app->script)
		return 0; /* a script paints after every key, as a person sees it */
	wtimeout(stdscr, 0);
	rc = wget_wch(stdscr, &wc);
	wtimeout(stdscr, TUI_POLL_MS);
	if (rc == ERR)
		return 0;
	if (rc == KEY_CODE_YES)
		ungetch((int)wc);
	else
		unget_wch((wchar_t)wc);
	return 1;
}

/* The terminal closed (SIGHUP) or we are told to stop (SIGTERM): the loop
 * lets every screen keep its unsaved work, then ends. Outside the app: a
 * signal handler gets no argument, and may only set such a flag. */
static volatile sig_atomic_t hung_up;

static void on_hangup(int sig)
{
	(void)sig;
	hung_up = 1;
}

/* Every screen keeps its unsaved work as a draft, offered at the next start. */
static void keep_drafts(struct app *app)
{
	for (int i = app->depth - 1; i >= 0; i--)
		if (app->stack[i].ops->hangup)
			app->stack[i].ops->hangup(app, app->stack[i].st);
}

static void hangup(struct app *app)
{
	keep_drafts(app);
	app->quit = 1;
}

/* The database was migrated under this program: the unsaved work is kept
 * as drafts at once, writes are refused by the core, and the status line
 * keeps asking for a restart. 1 when it must be redrawn. */
static int restart_notice(struct app *app)
{
	if (!cn_restart_needed(app->ctx))
		return 0;
	if (!app->restart_told) {
		keep_drafts(app);
		app->restart_told = 1;
	}
	if (app->msg[0])
		return 0;
	app_msg(app, MSG_ERROR, "%s", cn_restart_needed(app->ctx));
	return 1;
}

/* The terminal went away without a SIGHUP (the window of an `su - user -c
 * centralino` closed, the process being outside the terminal's session):
 * reads then fail at once, forever. A hang-up or error on the input, or
 * several "no key" answers in a row long before the poll interval, mean
 * the same as SIGHUP. */
static int terminal_gone(long waited_ms, int *fast_errs)
{
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};

	if (poll(&p, 1, 0) < 0 ? errno != EINTR : (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0)
		return 1;
	if (waited_ms >= TUI_POLL_MS / 4) {
		*fast_errs = 0;
		return 0;
	}
	return ++*fast_errs >= 8;
}

/* Other desks' changes and the clock (each minute; each second while the
 * screen shows a running timer): 1 when a redraw is due. */
static int poll_changes(struct app *app, long *last_poll, time_t *last_tick)
{
	int redraw = 0;
	if (app->script || now_ms() - *last_poll < TUI_POLL_MS)
		return 0; /* a script is alone and its clock stands still */
	*last_poll = now_ms();
	if (cn_db_file_ok(app->ctx)) {
		/* said again at every poll: a key press clears the message line */
		app_msg(app, MSG_ERROR, "%s", cn_error(app->ctx));
		return 1;
	}
	if (cn_data_changed(app->ctx)) {
		data_changed(app);
		redraw = 1;
	}
	redraw |= restart_notice(app);
	{
		time_t now = cn_now(app->ctx);
		int timer = app_top(app)->ops->timer;
		if (now / 60 != *last_tick / 60 || (timer && now != *last_tick))
			redraw = 1;
		*last_tick = now;
	}
	return redraw;
}

/* One key: its reactions applied. */
static void handle_key(struct app *app, int key)
{
	int r;
	app->msg[0] = '\0';
	r = dispatch(app, key);
	if (r & R_QUIT)
		r |= request_quit(app);
	if (r & R_DATA)
		data_changed(app);
}

static void loop(struct app *app)
{
	long last_poll = now_ms();
	time_t last_tick = cn_now(app->ctx);
	struct sigaction sa = {.sa_handler = on_hangup};

	/* no SA_RESTART: the wait for a key ends at once */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	int fast_errs = 0;

	app_draw(app);
	while (!app->quit) {
		long asked = now_ms();
		int key = app->script ? script_key(app, app->script) : read_key(), redraw = 0;
		if (key == ERR && !app->script && !hung_up && terminal_gone(now_ms() - asked, &fast_errs))
			key = TUI_KEY_HANGUP;
		if (hung_up || key == TUI_KEY_HANGUP) {
			hangup(app);
			break;
		}
		if (key == TUI_KEY_END)
			break; /* the script is over: leave as it is, no questions */
		if (key != ERR && key != KEY_RESIZE) {
			handle_key(app, key);
			redraw = 1;
		} else if (key == KEY_RESIZE) {
			redraw = 1;
		}
		redraw |= poll_changes(app, &last_poll, &last_tick);
		if (redraw && !app->quit && !key_waiting(app))
			app_draw(app);
	}
}

/* Run once the home screen is open (startup.def). */
#define STARTUP(fn) int fn(struct app *app);
#include "startup.def"
#undef STARTUP

static int (*const startup_hooks[])(struct app *) = {
#define STARTUP(fn) fn,
#include "startup.def"
#undef STARTUP
};

/* The terminal, or for a script a screen of its own that no one sees. */
static SCREEN *open_screen(struct app *app, FILE **null_out, FILE **null_in)
{
	SCREEN *scr;
	if (!app->script)
		return newterm(NULL, stdout, stdin);
	*null_out = fopen(script_terminal(app->script), "w");
	/* two streams on purpose: curses reads one and writes the other */
	// cppcheck-suppress incompatibleFileOpen
	*null_in = fopen("/dev/null", "r");
	if (!*null_out || !*null_in)
		return NULL;
	/* a fixed terminal type and size: the same screens on every host */
	if (!(scr = newterm("xterm", *null_out, *null_in)))
		return NULL;
	resize_term(TUI_MIN_ROWS, TUI_MIN_COLS);
	return scr;
}

static void setup_terminal(void)
{
	set_escdelay(25);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	define_alternate_keys();
	wtimeout(stdscr, TUI_POLL_MS);
}

static void app_done(struct app *app)
{
	while (app->nlayers)
		app_pop_layer(app);
	while (app->depth)
		close_view(app, &app->stack[--app->depth]);
	cmdline_done(app);
	script_free(app->script);
}

static int run(struct app *app)
{
	FILE *null_out = NULL, *null_in = NULL;
	SCREEN *scr = open_screen(app, &null_out, &null_in);
	int rc = 0;

	if (!scr) {
		fprintf(stderr, _("centralino: cannot start the full-screen interface (TERM=%s)\n"),
			app->script ? "xterm" : getenv("TERM") ? getenv("TERM") : "");
		rc = 69;
	} else {
		setup_terminal();
		theme_init(app);
		if (app_push(app, &view_lookup, NULL)) {
			rc = 70;
		} else {
			for (size_t i = 0; i < sizeof startup_hooks / sizeof startup_hooks[0]; i++)
				startup_hooks[i](app);
			if (app->keys_err[0]) /* the keys as actions.def has them: say why */
				box_message(app, _("The keys of the configuration are not used"), app->keys_err);
			loop(app);
		}
		endwin();
		delscreen(scr);
		if (rc)
			fprintf(stderr, "centralino: %s\n", app->msg);
	}
	if (null_out)
		fclose(null_out);
	if (null_in)
		fclose(null_in);
	return rc;
}

/* The configuration files' bind lines (the files themselves were checked
 * when the program started). */
static void configure_keys(struct app *app)
{
	struct cn_config cfg = {0};
	char err[sizeof app->keys_err];
	if (config_load(&cfg, err, sizeof err) == CN_OK &&
	    actions_configure(&app->keymap, cfg.bind, cfg.bind_origin, cfg.nbind, err, sizeof err))
		snprintf(app->keys_err, sizeof app->keys_err, "%s", err);
	config_free(&cfg);
}

int tui_run(struct cn_ctx *ctx, const char *script)
{
	struct app app;
	const char *slash;
	char err[512];
	int rc;

	memset(&app, 0, sizeof app);
	app.ctx = ctx;
	if (script && script_load(script, &app.script, err, sizeof err)) {
		fprintf(stderr, "centralino: %s\n", err);
		return 64;
	}
	slash = strrchr(cn_db_path(ctx), '/');
	snprintf(app.db_name, sizeof app.db_name, "%s", slash ? slash + 1 : cn_db_path(ctx));
	configure_keys(&app);
	/* A script types the same keys on every host: readline then reads no
	 * key bindings of the host's (/etc/inputrc) or the person's. */
	if (app.script && setenv("INPUTRC", "/dev/null", 1)) {
		script_free(app.script);
		return 71;
	}
	/* readline reads the terminal description first, so that curses'
	 * own terminal stays the current one. */
	cmdline_init(&app);
	rc = run(&app);
	app_done(&app);
	return rc;
}
