/* A one-line text field. The cursor is a byte offset kept on character
 * boundaries; columns come from mbrtowc + wcwidth, never from bytes. */
#include <string.h>
#include <wchar.h>

#include "widget.h"

static size_t limit(const struct input *in)
{
	return in->max && in->max < INPUT_MAX ? in->max : INPUT_MAX - 1;
}

void input_set(struct input *in, const char *s)
{
	size_t n = strlen(s ? s : "");
	if (n > limit(in))
		n = limit(in);
	/* never cut a character in half */
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	memcpy(in->buf, s ? s : "", n);
	in->buf[n] = '\0';
	in->len = in->cur = n;
	in->scroll = 0;
}

static size_t prev_char(const struct input *in, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && ((unsigned char)in->buf[at] & 0xc0) == 0x80)
		at--;
	return at;
}

static size_t next_char(const struct input *in, size_t at)
{
	if (at >= in->len)
		return in->len;
	at++;
	while (at < in->len && ((unsigned char)in->buf[at] & 0xc0) == 0x80)
		at++;
	return at;
}

static void cut(struct input *in, size_t from, size_t to)
{
	memmove(in->buf + from, in->buf + to, in->len - to + 1);
	in->len -= to - from;
	if (in->cur > to)
		in->cur -= to - from;
	else if (in->cur > from)
		in->cur = from;
}

int input_key(struct input *in, int key)
{
	int c = tui_key_char(key);
	if (c) {
		char mb[4];
		int n = tui_utf8(c, mb);
		if (in->len + (size_t)n > limit(in))
			return 1; /* full: swallow the key */
		memmove(in->buf + in->cur + n, in->buf + in->cur, in->len - in->cur + 1);
		memcpy(in->buf + in->cur, mb, (size_t)n);
		in->len += (size_t)n;
		in->cur += (size_t)n;
		return 1;
	}
	switch (action_in_scope(SCOPE_edit, key)) {
	case ACT_EDIT_BACKSPACE:
		if (in->cur == 0)
			return 0;
		cut(in, prev_char(in, in->cur), in->cur);
		return 1;
	case ACT_EDIT_DELETE:
		if (in->cur < in->len)
			cut(in, in->cur, next_char(in, in->cur));
		return 1;
	case ACT_EDIT_LEFT:
		in->cur = prev_char(in, in->cur);
		return 1;
	case ACT_EDIT_RIGHT:
		in->cur = next_char(in, in->cur);
		return 1;
	case ACT_EDIT_START:
		in->cur = 0;
		return 1;
	case ACT_EDIT_END:
		in->cur = in->len;
		return 1;
	case ACT_EDIT_CLEAR:
		input_set(in, "");
		return 1;
	case ACT_EDIT_KILL:
		in->buf[in->cur] = '\0';
		in->len = in->cur;
		return 1;
	case ACT_EDIT_DEL_WORD: {
		size_t p = in->cur;
		while (p > 0 && in->buf[p - 1] == ' ')
			p--;
		while (p > 0 && in->buf[p - 1] != ' ')
			p--;
		cut(in, p, in->cur);
		return 1;
	}
	}
	return 0;
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

void input_draw(struct app *app, struct input *in, int y, int x, int cols, attr_t attr, int focused)
{
	int cursor_col = cols_of(in->buf, in->cur);
	size_t from;
	if (cols <= 1)
		return;
	if (cursor_col < in->scroll)
		in->scroll = cursor_col;
	if (cursor_col >= in->scroll + cols)
		in->scroll = cursor_col - cols + 1;
	from = byte_at_col(in->buf, in->len, in->scroll);
	tui_put(y, x, cols, in->buf + from, ALIGN_LEFT, attr);
	/* The field's tail is cut by tui_put with "…"; the cursor stays right. */
	if (focused)
		app_set_cursor(app, y, x + cursor_col - cols_of(in->buf, from));
}
