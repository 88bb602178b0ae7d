/* Text on the screen by display width: "Forlì" is 6 bytes and 5 columns.
 * Every text reaches the screen through tui_draw. */
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/text.h"
#include "widget.h"

int tui_term_utf8(void)
{
	const char *codeset = nl_langinfo(CODESET);
	return codeset && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/* s as the terminal may show it, fitted into cols columns (into buf): any
 * control character that got into the data shown escaped (\x1b), never
 * sent (a CR in a name would move the cursor); line breaks and tabs as
 * spaces; on a terminal that is not UTF-8, ASCII of the same width. */
static int fit_for_screen(const char *s, int cols, char *buf, size_t bufsz)
{
	char *safe = text_escaped(s ? s : "", TEXT_ESC_SPACES);
	int w, ascii = !tui_term_utf8();

	if (ascii) {
		char *a = text_ascii(safe);
		free(safe);
		safe = a;
	}
	w = text_fit(safe, cols, buf, bufsz);
	free(safe);
	if (ascii) {
		/* the only non-ASCII left is text_fit's own "…" */
		size_t n = strlen(buf);
		if (n >= 3 && memcmp(buf + n - 3, "\xe2\x80\xa6", 3) == 0)
			memcpy(buf + n - 3, "~", 2);
	}
	return w;
}

int tui_draw(int y, int x, int cols, const char *s, attr_t attr)
{
	char buf[1024];
	int w;
	if (cols <= 0 || !s)
		return 0;
	w = fit_for_screen(s, cols, buf, sizeof buf);
	attrset(attr);
	mvaddstr(y, x, buf);
	attrset(A_NORMAL);
	return w;
}

int tui_puts(int y, int x, int cols, const char *s, attr_t attr)
{
	return tui_draw(y, x, cols, s, attr);
}

void tui_fill(int y, int x, int cols, chtype ch, attr_t attr)
{
	if (cols <= 0)
		return;
	attrset(attr);
	mvhline(y, x, ch, cols);
	attrset(A_NORMAL);
}

/* Box drawing as UTF-8 text: the terminal's alternate character set is
 * not needed (and tmux's captures show it as letters). */
void tui_glyphs(int y, int x, int n, const char *glyph, int vertical, attr_t attr)
{
	for (int i = 0; i < n; i++)
		tui_draw(vertical ? y + i : y, vertical ? x : x + i, 1, glyph, attr);
}

int tui_put(int y, int x, int cols, const char *s, int align, attr_t attr)
{
	char buf[1024];
	int w, left = 0;
	if (cols <= 0)
		return 0;
	w = fit_for_screen(s, cols, buf, sizeof buf);
	if (align == ALIGN_RIGHT)
		left = cols - w;
	else if (align == ALIGN_CENTER)
		left = (cols - w) / 2;
	tui_fill(y, x, cols, ' ', attr);
	attrset(attr);
	mvaddstr(y, x + left, buf);
	attrset(A_NORMAL);
	return w;
}

void tui_rule(struct app *app, int y, int x, int cols, const char *title, int focused)
{
	attr_t frame = tui_attr(app, focused ? TA_ACCENT : TA_FRAME);
	tui_glyphs(y, x, cols, "─", 0, frame);
	if (title && *title && cols > 6) {
		char t[512];
		snprintf(t, sizeof t, " %s ", title);
		tui_puts(y, x + 2, cols - 4, t, tui_attr(app, focused ? TA_ACCENT : TA_HEADER));
	}
}

void tui_frame(struct app *app, struct rect r, const char *title)
{
	attr_t frame = tui_attr(app, TA_FRAME);
	for (int i = 0; i < r.h; i++)
		tui_fill(r.y + i, r.x, r.w, ' ', A_NORMAL);
	tui_glyphs(r.y, r.x, 1, "┌", 0, frame);
	tui_glyphs(r.y, r.x + 1, r.w - 2, "─", 0, frame);
	tui_glyphs(r.y, r.x + r.w - 1, 1, "┐", 0, frame);
	tui_glyphs(r.y + 1, r.x, r.h - 2, "│", 1, frame);
	tui_glyphs(r.y + 1, r.x + r.w - 1, r.h - 2, "│", 1, frame);
	tui_glyphs(r.y + r.h - 1, r.x, 1, "└", 0, frame);
	tui_glyphs(r.y + r.h - 1, r.x + 1, r.w - 2, "─", 0, frame);
	tui_glyphs(r.y + r.h - 1, r.x + r.w - 1, 1, "┘", 0, frame);
	if (title && *title) {
		char t[512];
		snprintf(t, sizeof t, " %s ", title);
		tui_puts(r.y, r.x + 2, r.w - 4, t, tui_attr(app, TA_HEADER));
	}
}
