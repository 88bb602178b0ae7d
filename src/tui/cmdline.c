/* The ':' command line: GNU readline's callback interface fed from curses
 * with its own terminal handling off. readline never touches the terminal: its input
 * comes from the keys the main loop reads, and its "redisplay" only asks
 * the main loop to paint the line. History is kept per user in
 * $XDG_STATE_HOME/centralino/history. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <wchar.h>

#include <readline/readline.h>
#include <readline/history.h>

#include "centralino/desk.h"
#include "centralino/registry.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"
#include "widget.h"

#define HISTORY_KEEP 1000
/* The byte readline completes on (complete_key): the completion action's
 * keys are fed to it as this byte, and the byte never reaches it alone. */
#define COMPLETE_BYTE "\t"
#define POPUP_MAX 10

struct cmdline {
	struct app *app;
	unsigned char queue[64]; /* bytes waiting for readline */
	int qhead, qtail;
	int got_line;
	char *line;              /* the accepted line (readline's malloc) */
	char history[4096];      /* "" when there is no home to keep it in */
	FILE *devnull;
	char *popup[POPUP_MAX];  /* completion candidates shown above the line */
	int npopup;
	char popup_title[128];
};

/* readline's hooks take no argument: the one command line of the process. */
static struct cmdline *the;

static const struct command {
	const char *name;
	int (*fn)(struct app *app, const char *args);
	int role;
	enum cmdline_completion cmpl;
	const char *args, *help;
} commands[] = {
#define CMDLINE(name, fn, role, cmpl, args, help) {name, fn, role, cmpl, args, help},
#include "cmdline.def"
#undef CMDLINE
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

/* ---- readline plumbing ------------------------------------------------ */

static int getc_hook(FILE *f)
{
	(void)f;
	if (the->qhead != the->qtail) {
		int c = the->queue[the->qhead];
		the->qhead = (the->qhead + 1) % (int)sizeof the->queue;
		return c;
	}
	/* readline wants another byte than the key gave (never seen): block. */
	{
		int c;
		wtimeout(stdscr, -1);
		c = wgetch(stdscr);
		wtimeout(stdscr, TUI_POLL_MS);
		return c == ERR || c >= KEY_MIN ? EOF : c;
	}
}

static int input_available_hook(void)
{
	return the->qhead != the->qtail;
}

static void redisplay_hook(void)
{
	/* Painted by the main loop after the key (cmdline_draw). */
}

static void line_handler(char *line)
{
	the->got_line = 1;
	the->line = line;
	rl_callback_handler_remove();
}

static void popup_clear(struct cmdline *c)
{
	for (int i = 0; i < c->npopup; i++)
		free(c->popup[i]);
	c->npopup = 0;
	c->popup_title[0] = '\0';
}

static void popup_add(struct cmdline *c, const char *s)
{
	if (c->npopup < POPUP_MAX)
		c->popup[c->npopup++] = xstrdup(s);
}

/* Replaces line[start, rl_end) with text. */
static void replace_tail(int start, const char *text)
{
	rl_delete_text(start, rl_end);
	rl_point = start;
	rl_insert_text(text);
}

/* Longest common byte prefix of the strings, cut on a character boundary. */
static size_t common_prefix(char **v, int n)
{
	size_t len = strlen(v[0]);
	for (int i = 1; i < n; i++) {
		size_t k = 0;
		while (k < len && v[i][k] == v[0][k])
			k++;
		len = k;
	}
	while (len > 0 && ((unsigned char)v[0][len] & 0xc0) == 0x80)
		len--;
	return len;
}

/* Inserts the candidates' common part when it extends what was typed
 * (compared folded: "forli" may become "Forlì"). */
static void complete_with(int start, char **cand, int n, const char *suffix)
{
	const char *typed = rl_line_buffer + start;
	char *typed_fold, *lcp_fold, lcp[512];
	size_t len;

	if (n == 1) {
		char one[600];
		snprintf(one, sizeof one, "%s%s", cand[0], suffix);
		replace_tail(start, one);
		return;
	}
	len = common_prefix(cand, n);
	if (len == 0 || len >= sizeof lcp)
		return;
	memcpy(lcp, cand[0], len);
	lcp[len] = '\0';
	typed_fold = text_fold(typed);
	lcp_fold = text_fold(lcp);
	if (typed_fold && lcp_fold && strlen(lcp_fold) > strlen(typed_fold) &&
	    strncmp(lcp_fold, typed_fold, strlen(typed_fold)) == 0)
		replace_tail(start, lcp);
	free(typed_fold);
	free(lcp_fold);
}

static const struct command *find_command(const char *name, size_t len, int *ambiguous);

static void complete_command(int start)
{
	char *cand[NCOMMANDS];
	int n = 0;
	size_t len = (size_t)(rl_point - start);
	if (rl_point != rl_end)
		return; /* only at the end of what was typed */
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (cn_may(the->app->ctx, (enum cn_role)commands[i].role) &&
		    strncmp(commands[i].name, rl_line_buffer + start, len) == 0)
			cand[n++] = (char *)commands[i].name;
	if (n == 0) {
		snprintf(the->popup_title, sizeof the->popup_title, "%s", _("no command starts like this"));
		return;
	}
	complete_with(start, cand, n, " ");
	if (n > 1) {
		snprintf(the->popup_title, sizeof the->popup_title, "%s", _("Commands"));
		for (int i = 0; i < n; i++) {
			const struct command *c = find_command(cand[i], strlen(cand[i]), NULL);
			char line[256];
			snprintf(line, sizeof line, ":%-8s %s", c->name, _(c->help));
			popup_add(the, line);
		}
	}
}

static void complete_comune(int start)
{
	struct registry_hits hits = {0};
	char *cand[POPUP_MAX];
	int n = 0;
	if (!rl_line_buffer[start])
		return;
	if (registry_search(the->app->ctx, rl_line_buffer + start, POPUP_MAX, &hits)) {
		snprintf(the->popup_title, sizeof the->popup_title, "%s", cn_error(the->app->ctx));
		return;
	}
	for (size_t i = 0; i < hits.n && n < POPUP_MAX; i++)
		cand[n++] = hits.v[i].name;
	if (n == 0) {
		snprintf(the->popup_title, sizeof the->popup_title, "%s", _("no comune matches"));
	} else {
		complete_with(start, cand, n, "");
		if (n > 1) {
			snprintf(the->popup_title, sizeof the->popup_title, "%s", _("Comuni"));
			for (size_t i = 0; i < hits.n; i++) {
				char line[512];
				snprintf(line, sizeof line, "%s (%s) %s%s", hits.v[i].name, hits.v[i].sigla,
					 hits.v[i].istat, hits.v[i].suppressed ? _(" suppressed") : "");
				popup_add(the, line);
			}
		}
	}
	registry_hits_free(&hits);
}

/* The argument's last word as a file name, by readline's own completion
 * of the names in a folder ("/" after a folder). */
static void complete_path(int start)
{
	char *cand[POPUP_MAX], word[4096], *m;
	int ws = rl_end, n = 0;

	while (ws > start && rl_line_buffer[ws - 1] != ' ')
		ws--;
	snprintf(word, sizeof word, "%.*s", rl_end - ws, rl_line_buffer + ws);
	while (n < POPUP_MAX && (m = rl_filename_completion_function(word, n)))
		cand[n++] = m;
	if (n == 0) {
		snprintf(the->popup_title, sizeof the->popup_title, "%s", _("no such file"));
		return;
	}
	if (n == 1) {
		struct stat st;
		char one[4200];
		int dir = stat(cand[0], &st) == 0 && S_ISDIR(st.st_mode) && cand[0][strlen(cand[0]) - 1] != '/';
		snprintf(one, sizeof one, "%s%s", cand[0], dir ? "/" : "");
		replace_tail(ws, one);
	} else {
		complete_with(ws, cand, n, "");
		snprintf(the->popup_title, sizeof the->popup_title, "%s", _("Files"));
		for (int i = 0; i < n; i++)
			popup_add(the, cand[i]);
	}
	for (int i = 0; i < n; i++)
		free(cand[i]);
}

/* Tab: the command name, or the argument of a command that completes. */
static int complete_key(int count, int key)
{
	int ws = 0, we;
	(void)count;
	(void)key;
	popup_clear(the);
	while (rl_line_buffer[ws] == ' ' || rl_line_buffer[ws] == ':')
		ws++;
	we = ws;
	while (we < rl_end && rl_line_buffer[we] != ' ')
		we++;
	if (rl_point <= we) {
		complete_command(ws);
	} else {
		const struct command *c = find_command(rl_line_buffer + ws, (size_t)(we - ws), NULL);
		int as = we;
		while (rl_line_buffer[as] == ' ')
			as++;
		if (c && c->cmpl == CMPL_COMUNE)
			complete_comune(as);
		else if (c && c->cmpl == CMPL_PATH)
			complete_path(as);
	}
	return 0;
}

/* ---- history ---------------------------------------------------------- */

static void history_path(struct cmdline *c)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char dir[4000];
	int n;
	if (state && *state)
		n = snprintf(dir, sizeof dir, "%s/centralino", state);
	else if (home && *home)
		n = snprintf(dir, sizeof dir, "%s/.local/state/centralino", home);
	else
		return;
	if (n < 0 || (size_t)n >= sizeof dir)
		return;
	snprintf(c->history, sizeof c->history, "%s/history", dir);
}

/* mkdir -p for the history's folder (private: it holds what was typed). */
static int make_dirs(const char *file)
{
	char p[4096];
	snprintf(p, sizeof p, "%s", file);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) && errno != EEXIST)
			return -1;
		*s = '/';
	}
	return 0;
}

static void history_save(struct cmdline *c)
{
	struct stat sb;
	int rc;
	if (!c->history[0])
		return;
	/* the history is the person's file: written with her own ids */
	desk_user_begin();
	if (make_dirs(c->history)) {
		rc = errno;
		desk_user_end();
		app_msg(c->app, MSG_WARN, _("cannot keep the command history in %s: %s"), c->history, strerror(rc));
		return;
	}
	/* append_history does not create the file: the first time, write it. */
	rc = stat(c->history, &sb) == 0 ? append_history(1, c->history) : write_history(c->history);
	if (rc == 0)
		rc = history_truncate_file(c->history, HISTORY_KEEP);
	desk_user_end();
	if (rc)
		app_msg(c->app, MSG_WARN, _("cannot keep the command history in %s: %s"), c->history, strerror(rc));
}

/* ---- the layer -------------------------------------------------------- */

/* Columns of the first `n` bytes of s (mbrtowc + wcwidth). */
static int columns(const char *s, int n)
{
	mbstate_t ps;
	int i = 0, w = 0;
	memset(&ps, 0, sizeof ps);
	while (i < n) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s + i, (size_t)(n - i), &ps);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			memset(&ps, 0, sizeof ps);
			k = 1;
			w++;
		} else {
			int cw = wcwidth(wc);
			w += cw > 0 ? cw : 0;
		}
		i += (int)k;
	}
	return w;
}

static void cmdline_draw(struct app *app, void *st)
{
	struct cmdline *c = st;
	int y = app->rows - 1, width = app->cols - 2, from = 0;
	const char *prompt = rl_display_prompt && *rl_display_prompt ? rl_display_prompt : ":";
	int pw = text_width(prompt), cur;

	if (c->npopup || c->popup_title[0]) {
		int h = c->npopup + 2, w = 20;
		struct rect r;
		for (int i = 0; i < c->npopup; i++)
			if (text_width(c->popup[i]) + 4 > w)
				w = text_width(c->popup[i]) + 4;
		if (text_width(c->popup_title) + 6 > w)
			w = text_width(c->popup_title) + 6;
		if (w > app->cols - 2)
			w = app->cols - 2;
		r.h = h;
		r.w = w;
		r.y = y - h;
		r.x = 1;
		tui_frame(app, r, c->popup_title);
		for (int i = 0; i < c->npopup; i++)
			tui_put(r.y + 1 + i, r.x + 2, r.w - 4, c->popup[i], ALIGN_LEFT, A_NORMAL);
	}
	/* Scroll sideways so the cursor stays visible. */
	width -= pw;
	cur = columns(rl_line_buffer, rl_point);
	while (cur - columns(rl_line_buffer, from) >= width && from < rl_point) {
		from++;
		while (((unsigned char)rl_line_buffer[from] & 0xc0) == 0x80)
			from++;
	}
	tui_fill(y, 0, app->cols, ' ', A_NORMAL);
	tui_puts(y, 0, pw, prompt, tui_attr(app, TA_ACCENT));
	tui_puts(y, pw, width, rl_line_buffer + from, A_NORMAL);
	app_set_cursor(app, y, pw + cur - columns(rl_line_buffer, from));
}

static void feed(struct cmdline *c, const char *bytes, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int next = (c->qtail + 1) % (int)sizeof c->queue;
		if (next == c->qhead)
			break;
		c->queue[c->qtail] = (unsigned char)bytes[i];
		c->qtail = next;
	}
	while (c->qhead != c->qtail && !c->got_line)
		rl_callback_read_char();
	c->qhead = c->qtail = 0;
}

static void cancel(struct cmdline *c)
{
	rl_replace_line("", 1);
	rl_free_line_state();
	rl_callback_sigcleanup();
	rl_callback_handler_remove();
	popup_clear(c);
}

/* A key as readline reads it: the actions of actions.def as readline's
 * own editing keys (and completion), typed text as UTF-8, other control
 * keys (^R, ^W, ^U...) as they are, for readline's key map. */
static void feed_key(struct cmdline *c, int key)
{
	static const struct {
		int scope, action;
		const char *bytes;
	} to_readline[] = {
		{SCOPE_cmdline, ACT_CMDLINE_RUN, "\r"}, {SCOPE_edit, ACT_EDIT_BACKSPACE, "\x7f"},
		{SCOPE_edit, ACT_EDIT_LEFT, "\x02"}, {SCOPE_edit, ACT_EDIT_RIGHT, "\x06"},
		{SCOPE_edit, ACT_EDIT_START, "\x01"}, {SCOPE_edit, ACT_EDIT_END, "\x05"},
		{SCOPE_global, ACT_MOVE_UP, "\x10"}, {SCOPE_global, ACT_MOVE_DOWN, "\x0e"},
		{SCOPE_cmdline, ACT_CMDLINE_COMPLETE, COMPLETE_BYTE},
	};
	char bytes[4];
	int ch = tui_key_char(key);

	for (size_t i = 0; i < sizeof to_readline / sizeof to_readline[0]; i++)
		if (action_in_scope(&c->app->keymap, to_readline[i].scope, key) == to_readline[i].action) {
			feed(c, to_readline[i].bytes, 1);
			return;
		}
	if (action_in_scope(&c->app->keymap, SCOPE_edit, key) == ACT_EDIT_DELETE) {
		if (rl_point < rl_end)
			feed(c, "\x04", 1);
	} else if (ch) {
		feed(c, bytes, (size_t)tui_utf8(ch, bytes));
	} else if (key > 0 && key < 32 && key != COMPLETE_BYTE[0]) {
		bytes[0] = (char)key;
		feed(c, bytes, 1);
	}
}

static int cmdline_key(struct app *app, void *st, int key)
{
	struct cmdline *c = st;
	int r;
	char *line;

	if (action_in_scope(&app->keymap, SCOPE_cmdline, key) != ACT_CMDLINE_COMPLETE)
		popup_clear(c);
	if (action_in_scope(&app->keymap, SCOPE_cmdline, key) == ACT_CMDLINE_CANCEL ||
	    (action_in_scope(&app->keymap, SCOPE_edit, key) == ACT_EDIT_BACKSPACE && rl_end == 0)) {
		cancel(c);
		app_pop_layer(app);
		return R_REDRAW;
	}
	feed_key(c, key);
	if (!c->got_line)
		return R_REDRAW;
	/* Enter (or ^D on an empty line): run it. */
	line = c->line;
	c->line = NULL;
	c->got_line = 0;
	app_pop_layer(app);
	if (!line)
		return R_REDRAW;
	if (*line) {
		HIST_ENTRY *last = history_length ? history_get(history_base + history_length - 1) : NULL;
		if (!last || strcmp(last->line, line)) {
			add_history(line);
			history_save(c);
		}
	}
	r = cmdline_exec(app, line);
	free(line);
	return r | R_REDRAW;
}

static void layer_close(struct app *app, void *st)
{
	(void)app;
	(void)st; /* the state lives as long as the app */
}


static const struct layer_ops cmdline_ops = {
	.draw = cmdline_draw, .key = cmdline_key, .close = layer_close, .scope = SCOPE_cmdline,
};

int cmdline_open(struct app *app, const char *initial)
{
	struct cmdline *c = app->cmdline;
	if (!c) {
		app_msg(app, MSG_ERROR, "%s", _("the command line is not available"));
		return R_REDRAW;
	}
	c->got_line = 0;
	popup_clear(c);
	history_set_pos(history_length);
	rl_callback_handler_install(":", line_handler);
	if (initial)
		rl_insert_text(initial);
	if (app_push_layer(app, &cmdline_ops, c)) {
		cancel(c);
		return R_NONE;
	}
	return R_REDRAW;
}

void cmdline_init(struct app *app)
{
	struct cmdline *c = xcalloc(1, sizeof *c);
	c->app = app;
	the = c;
	app->cmdline = c;
	/* readline must not touch signals, the environment or the terminal. */
	rl_readline_name = "centralino";
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_change_environment = 0;
	rl_prep_term_function = NULL;
	rl_deprep_term_function = NULL;
	rl_getc_function = getc_hook;
	rl_input_available_hook = input_available_hook;
	rl_redisplay_function = redisplay_hook;
	rl_completion_query_items = -1; /* its "y or n" prompt cannot work here */
	c->devnull = fopen("/dev/null", "w");
	if (c->devnull)
		rl_outstream = c->devnull;
	rl_initialize();
	rl_variable_bind("bell-style", "none");
	rl_bind_key(COMPLETE_BYTE[0], complete_key);
	using_history();
	history_path(c);
	if (c->history[0]) {
		int rc;
		desk_user_begin();
		rc = read_history(c->history);
		desk_user_end();
		if (rc && rc != ENOENT) /* no file yet is the first run */
			app_msg(app, MSG_WARN, _("cannot read the command history %s: %s"), c->history, strerror(rc));
	}
}

void cmdline_done(struct app *app)
{
	struct cmdline *c = app->cmdline;
	if (!c)
		return;
	popup_clear(c);
	clear_history();
	if (c->devnull)
		fclose(c->devnull);
	rl_outstream = NULL;
	free(c);
	app->cmdline = NULL;
	the = NULL;
}

/* ---- running a line --------------------------------------------------- */

/* The command named exactly, else the only one the name starts. */
static const struct command *find_command(const char *name, size_t len, int *ambiguous)
{
	const struct command *found = NULL;
	int n = 0;
	if (ambiguous)
		*ambiguous = 0;
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (strncmp(commands[i].name, name, len) != 0)
			continue;
		if (strlen(commands[i].name) == len)
			return &commands[i];
		found = &commands[i];
		n++;
	}
	if (n > 1) {
		if (ambiguous)
			*ambiguous = 1;
		return NULL;
	}
	return found;
}

int cmdline_exec(struct app *app, const char *line)
{
	const struct command *c;
	char args[INPUT_MAX];
	size_t ws = 0, we, n;
	int ambiguous;

	while (line[ws] == ' ' || line[ws] == ':')
		ws++;
	we = ws;
	while (line[we] && line[we] != ' ')
		we++;
	if (we == ws)
		return R_REDRAW;
	c = find_command(line + ws, we - ws, &ambiguous);
	if (c && !cn_may(app->ctx, (enum cn_role)c->role)) {
		/* the command exists: say why it is refused rather than deny it */
		app_msg(app, MSG_WARN, _(":%s is for the role %s and up; you are %s"), c->name,
			cn_role_name((enum cn_role)c->role), cn_role_name(cn_role(app->ctx)));
		return R_REDRAW;
	}
	if (!c) {
		app_msg(app, MSG_ERROR, ambiguous ? _(":%.*s is ambiguous (:help lists the commands)")
						  : _("no command :%.*s (:help lists the commands)"),
			(int)(we - ws), line + ws);
		return R_REDRAW;
	}
	while (line[we] == ' ')
		we++;
	snprintf(args, sizeof args, "%s", line + we);
	n = strlen(args);
	while (n > 0 && args[n - 1] == ' ')
		args[--n] = '\0';
	return c->fn(app, args);
}
