/* The headless script mode (CENTRALINO_SCRIPT=FILE): the interface reads
 * its keys from a file instead of the terminal and writes the whole screen
 * where the script asks, so screen tests compare text files and never wait
 * for a terminal. The syntax is in docs/TUI_SCRIPT.md:
 *   # comment                 a line of keys: text as typed, <Name> keys
 *   !screen [FILE]            the screen as text, to FILE or stdout
 *   !resize WxH               the terminal's new size
 *   !hangup                   the terminal goes away (as SIGHUP)
 *   !terminal FILE            the bytes sent to the terminal, into FILE */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui.h"
#include "centralino/xalloc.h"

enum ev_kind { EV_KEY, EV_SCREEN, EV_RESIZE, EV_HANGUP };

struct event {
	enum ev_kind kind;
	int key, w, h;
	char *file; /* EV_SCREEN: NULL = stdout */
};

struct tui_script {
	struct event *v;
	size_t n, cap, next;
	char *terminal; /* !terminal: where the terminal's bytes go (NULL: nowhere) */
};

static void add(struct tui_script *s, struct event e)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = xrealloc(s->v, s->cap * sizeof *s->v);
	}
	s->v[s->n++] = e;
}

/* A line of keys: UTF-8 text typed as is, <Name> for the other keys. */
static int parse_keys(struct tui_script *s, const char *line, char *err, size_t errlen)
{
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	while (*line) {
		struct event e = {EV_KEY, 0, 0, 0, NULL};
		const char *close = *line == '<' ? strchr(line + 1, '>') : NULL;
		if (close && close == line + 1 && close[1] == '>')
			close++; /* <>>: the character '>' */
		if (close && (e.key = tui_key_named(line + 1, (size_t)(close - line - 1)))) {
			line = close + 1;
		} else if (*line == '<') {
			snprintf(err, errlen, _("unknown key %.*s"), close ? (int)(close - line + 1) : 20, line);
			return -1;
		} else {
			wchar_t wc;
			size_t k = mbrtowc(&wc, line, strlen(line), &ps);
			if (k == (size_t)-1 || k == (size_t)-2 || wc < 32 || wc == 127) {
				snprintf(err, errlen, "%s", _("not UTF-8 text or a control character (use <Name>)"));
				return -1;
			}
			e.key = wc >= KEY_MIN ? (int)wc | TUI_CHAR_FLAG : (int)wc;
			line += k;
		}
		add(s, e);
	}
	return 0;
}

static int parse_directive(struct tui_script *s, const char *line, char *err, size_t errlen)
{
	struct event e = {EV_SCREEN, 0, 0, 0, NULL};
	char extra;
	if (!strcmp(line, "!screen") || (!strncmp(line, "!screen ", 8) && line[8])) {
		e.file = line[7] ? xstrdup(line + 8) : NULL; /* the script holds it */
	} else if (sscanf(line, "!resize %dx%d%c", &e.w, &e.h, &extra) == 2 && e.w > 0 && e.h > 0 &&
		   e.w <= 1000 && e.h <= 1000) {
		e.kind = EV_RESIZE;
	} else if (!strcmp(line, "!hangup")) {
		e.kind = EV_HANGUP;
	} else if (!strncmp(line, "!terminal ", 10) && line[10] && !s->terminal) {
		s->terminal = xstrdup(line + 10);
		return 0;
	} else {
		snprintf(err, errlen, _("unknown directive '%s' (!screen [FILE], !resize WxH, !hangup, !terminal FILE once)"), line);
		return -1;
	}
	add(s, e);
	return 0;
}

void script_free(struct tui_script *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].file);
	free(s->v);
	free(s->terminal);
	free(s);
}

int script_load(const char *path, struct tui_script **out, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	struct tui_script *s;
	char *line = NULL, why[200] = "";
	size_t cap = 0;
	ssize_t got;
	int lineno = 0, rc = 0;

	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	s = xcalloc(1, sizeof *s);
	while (!rc && (got = getline(&line, &cap, f)) >= 0) {
		size_t n = (size_t)got;
		lineno++;
		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (!n || line[0] == '#')
			continue;
		rc = line[0] == '!' ? parse_directive(s, line, why, sizeof why)
				    : parse_keys(s, line, why, sizeof why);
		if (rc)
			snprintf(err, errlen, "%s:%d: %s", path, lineno, why);
	}
	fclose(f);
	free(line);
	if (rc) {
		script_free(s);
		return -1;
	}
	*out = s;
	return 0;
}

const char *script_terminal(const struct tui_script *s)
{
	return s->terminal ? s->terminal : "/dev/null";
}

/* The screen as text: one line per row, trailing blanks cut. */
static int dump(const char *file)
{
	FILE *f = file ? fopen(file, "w") : stdout;
	int rows, cols;
	if (!f)
		return -1;
	getmaxyx(stdscr, rows, cols);
	for (int y = 0; y < rows; y++) {
		wchar_t w[1024];
		char mb[MB_LEN_MAX], line[4096];
		size_t used = 0;
		int n = mvwinnwstr(stdscr, y, 0, w, cols < 1023 ? cols : 1023);
		mbstate_t ps;
		memset(&ps, 0, sizeof ps);
		for (int i = 0; i < n && w[i]; i++) {
			size_t k = wcrtomb(mb, w[i], &ps);
			if (k == (size_t)-1 || used + k >= sizeof line)
				break;
			memcpy(line + used, mb, k);
			used += k;
		}
		while (used && line[used - 1] == ' ')
			used--;
		fprintf(f, "%.*s\n", (int)used, line);
	}
	if (file)
		return fclose(f) ? -1 : 0;
	return fflush(f) ? -1 : 0;
}

int script_key(struct app *app, struct tui_script *s)
{
	while (s->next < s->n) {
		struct event *e = &s->v[s->next++];
		switch (e->kind) {
		case EV_KEY:
			return e->key;
		case EV_RESIZE:
			resize_term(e->h, e->w);
			return KEY_RESIZE;
		case EV_HANGUP:
			return TUI_KEY_HANGUP;
		case EV_SCREEN:
			app_draw(app);
			if (dump(e->file))
				fprintf(stderr, "centralino: %s: %s\n", e->file ? e->file : "stdout",
					strerror(errno));
			break;
		}
	}
	return TUI_KEY_END;
}
