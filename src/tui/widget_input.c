/* Text being typed: the one-line input of search boxes and the editable
 * text of form fields. The cursor is a byte offset kept on character
 * boundaries; columns come from mbrtowc + wcwidth, never from bytes. */
#include <string.h>
#include <wchar.h>

#include "widget.h"

static size_t limit(const struct input *in)
{
	return in->max && in->max < INPUT_MAX ? in->max : INPUT_MAX - 1;
}

/* The input seen as an editable text of its own buffer. */
static struct text_edit as_edit(struct input *in)
{
	struct text_edit t = {in->buf, in->len, in->cur, limit(in), in->scroll};
	return t;
}

static void from_edit(struct input *in, const struct text_edit *t)
{
	in->len = t->len;
	in->cur = t->cur;
	in->scroll = t->scroll;
}

void text_edit_set(struct text_edit *t, const char *s)
{
	const char *src = s ? s : "";
	size_t n = strlen(src);
	if (n > t->max)
		n = t->max;
	/* never cut a character in half */
	while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
		n--;
	memcpy(t->buf, src, n);
	t->buf[n] = '\0';
	t->len = t->cur = n;
	t->scroll = 0;
}

void input_set(struct input *in, const char *s)
{
	struct text_edit t = as_edit(in);
	text_edit_set(&t, s);
	from_edit(in, &t);
}

static size_t prev_char(const struct text_edit *t, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && ((unsigned char)t->buf[at] & 0xc0) == 0x80)
		at--;
	return at;
}

static size_t next_char(const struct text_edit *t, size_t at)
{
	if (at >= t->len)
		return t->len;
	at++;
	while (at < t->len && ((unsigned char)t->buf[at] & 0xc0) == 0x80)
		at++;
	return at;
}

static void cut(struct text_edit *t, size_t from, size_t to)
{
	memmove(t->buf + from, t->buf + to, t->len - to + 1);
	t->len -= to - from;
	if (t->cur > to)
		t->cur -= to - from;
	else if (t->cur > from)
		t->cur = from;
}

static int type_char(struct text_edit *t, int c)
{
	char mb[4];
	int n = tui_utf8(c, mb);
	if (t->len + (size_t)n > t->max)
		return 1; /* full: swallow the key */
	memmove(t->buf + t->cur + n, t->buf + t->cur, t->len - t->cur + 1);
	memcpy(t->buf + t->cur, mb, (size_t)n);
	t->len += (size_t)n;
	t->cur += (size_t)n;
	return 1;
}

int text_edit_key(const struct keymap *km, struct text_edit *t, int key)
{
	int c = tui_key_char(key);
	if (c)
		return type_char(t, c);
	switch (action_in_scope(km, SCOPE_edit, key)) {
	case ACT_EDIT_BACKSPACE:
		if (t->cur == 0)
			return 0;
		cut(t, prev_char(t, t->cur), t->cur);
		return 1;
	case ACT_EDIT_DELETE:
		if (t->cur < t->len)
			cut(t, t->cur, next_char(t, t->cur));
		return 1;
	case ACT_EDIT_LEFT:
		t->cur = prev_char(t, t->cur);
		return 1;
	case ACT_EDIT_RIGHT:
		t->cur = next_char(t, t->cur);
		return 1;
	case ACT_EDIT_START:
		t->cur = 0;
		return 1;
	case ACT_EDIT_END:
		t->cur = t->len;
		return 1;
	case ACT_EDIT_CLEAR:
		text_edit_set(t, "");
		return 1;
	case ACT_EDIT_KILL:
		t->buf[t->cur] = '\0';
		t->len = t->cur;
		return 1;
	case ACT_EDIT_DEL_WORD: {
		size_t p = t->cur;
		while (p > 0 && t->buf[p - 1] == ' ')
			p--;
		while (p > 0 && t->buf[p - 1] != ' ')
			p--;
		cut(t, p, t->cur);
		return 1;
	}
	}
	return 0;
}

int input_key(const struct keymap *km, struct input *in, int key)
{
	struct text_edit t = as_edit(in);
	int r = text_edit_key(km, &t, key);
	from_edit(in, &t);
	return r;
}

/* Columns of the bytes [0, n) of s. */
static int cols_of(const char *s, size_t n)
{
	mbstate_t ps;
	size_t i = 0;
	int w = 0;
	memset(&ps, 0, sizeof ps);
	while (i < n) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s + i, n - i, &ps);
		if (k == (size_t)-1 || k == (size_t)-2) {
			memset(&ps, 0, sizeof ps);
			k = 1;
			w++;
		} else if (k == 0) {
			break;
		} else {
			int cw = wcwidth(wc);
			w += cw > 0 ? cw : 0;
		}
		i += k;
	}
	return w;
}

/* The byte offset where column `col` starts. */
static size_t byte_at_col(const char *s, size_t n, int col)
{
	size_t i = 0;
	while (i < n && cols_of(s, i) < col) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
	}
	return i;
}

void text_edit_draw(struct app *app, struct text_edit *t, int y, int x, int cols, attr_t attr, int focused)
{
	int cursor_col = cols_of(t->buf, t->cur);
	size_t from;
	if (cols <= 1)
		return;
	if (cursor_col < t->scroll)
		t->scroll = cursor_col;
	if (cursor_col >= t->scroll + cols)
		t->scroll = cursor_col - cols + 1;
	from = byte_at_col(t->buf, t->len, t->scroll);
	tui_put(y, x, cols, t->buf + from, ALIGN_LEFT, attr);
	/* The field's tail is cut by tui_put with "…"; the cursor stays right. */
	if (focused)
		app_set_cursor(app, y, x + cursor_col - cols_of(t->buf, from));
}

void input_draw(struct app *app, struct input *in, int y, int x, int cols, attr_t attr, int focused)
{
	struct text_edit t = as_edit(in);
	text_edit_draw(app, &t, y, x, cols, attr, focused);
	from_edit(in, &t);
}

int text_cols(const char *s, size_t n)
{
	return cols_of(s, n);
}
