/* Modal boxes: a message, and a yes/no question. */
#include <stdlib.h>
#include <string.h>

#include "centralino/text.h"
#include "centralino/xalloc.h"
#include "widget.h"

struct box {
	char *title, *text;
	int confirm;
	int (*yes)(struct app *app, void *arg);
	void *arg;
	void (*free_arg)(void *arg);
};

struct rect box_center(struct app *app, int h, int w)
{
	struct rect r;
	if (w > app->cols - 2)
		w = app->cols - 2;
	if (h > app->rows - 2)
		h = app->rows - 2;
	r.h = h;
	r.w = w;
	r.y = (app->rows - h) / 2;
	r.x = (app->cols - w) / 2;
	return r;
}

int tui_wrap(const char *text, int width, void (*line)(void *arg, int i, const char *s, size_t n), void *arg)
{
	const char *p = text;
	int count = 0;
	while (*p) {
		const char *end = p, *space = NULL, *next;
		int w = 0;
		while (*end && *end != '\n') {
			char ch[8];
			size_t n = 1;
			int cw;
			while (n < 4 && ((unsigned char)end[n] & 0xc0) == 0x80)
				n++;
			memcpy(ch, end, n);
			ch[n] = '\0';
			cw = text_width(ch);
			if (w + cw > width && end > p)
				break;
			if (*end == ' ')
				space = end;
			w += cw;
			end += n;
		}
		if (*end && *end != '\n' && space) {
			end = space;
			next = space + 1;
		} else {
			next = *end == '\n' ? end + 1 : end;
		}
		if (line)
			line(arg, count, p, (size_t)(end - p));
		count++;
		p = next;
	}
	return count;
}

struct wrap_draw {
	int y, x, w;
};

static void draw_line(void *arg, int i, const char *s, size_t n)
{
	struct wrap_draw *d = arg;
	char tmp[1024];
	if (n >= sizeof tmp)
		n = sizeof tmp - 1;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	tui_put(d->y + i, d->x, d->w, tmp, ALIGN_LEFT, A_NORMAL);
}

static void box_draw(struct app *app, void *st)
{
	struct box *b = st;
	int w = text_width(b->text) + 6, lines;
	struct rect r;
	struct wrap_draw d;
	char keys[128], yes[32], no[32];
	if (w < 40)
		w = 40;
	if (w > 70)
		w = 70;
	lines = tui_wrap(b->text, w - 6, NULL, NULL);
	r = box_center(app, lines + 5, w);
	tui_frame(app, r, b->title);
	d.y = r.y + 2;
	d.x = r.x + 3;
	d.w = r.w - 6;
	tui_wrap(b->text, d.w, draw_line, &d);
	if (b->confirm)
		snprintf(keys, sizeof keys, _("[%s] yes    [%s] no"), action_key_label(&app->keymap, ACT_CONFIRM_YES, yes, sizeof yes),
			 action_key_label(&app->keymap, ACT_CONFIRM_NO, no, sizeof no));
	else
		snprintf(keys, sizeof keys, _("[%s] OK"), action_key_label(&app->keymap, ACT_MESSAGE_CLOSE, yes, sizeof yes));
	tui_put(r.y + r.h - 2, r.x + 3, r.w - 6, keys, ALIGN_RIGHT, tui_attr(app, TA_ACCENT));
}

static void box_close(struct app *app, void *st)
{
	struct box *b = st;
	(void)app;
	if (b->free_arg)
		b->free_arg(b->arg);
	free(b->title);
	free(b->text);
	free(b);
}

static int box_key(struct app *app, void *st, int key)
{
	struct box *b = st;
	int action = action_in_scope(&app->keymap, SCOPE_confirm, key);
	if (!b->confirm) {
		app_pop_layer(app);
		return R_REDRAW;
	}
	if (action == ACT_CONFIRM_YES) {
		int (*yes)(struct app *, void *) = b->yes;
		void *arg = b->arg;
		void (*free_arg)(void *) = b->free_arg;
		int r;
		b->free_arg = NULL; /* freed after yes() has used it */
		app_pop_layer(app);
		r = yes ? yes(app, arg) : R_NONE;
		if (free_arg)
			free_arg(arg);
		return r | R_REDRAW;
	}
	if (action == ACT_CONFIRM_NO) {
		app_pop_layer(app);
		return R_REDRAW;
	}
	return R_NONE;
}


static const struct layer_ops msg_ops = {
	.draw = box_draw, .key = box_key, .close = box_close, .scope = SCOPE_message,
};
static const struct layer_ops confirm_ops = {
	.draw = box_draw, .key = box_key, .close = box_close, .scope = SCOPE_confirm,
};

static struct box *box_new(const char *title, const char *text)
{
	struct box *b = xcalloc(1, sizeof *b);
	b->title = xstrdup(title ? title : "");
	b->text = xstrdup(text ? text : "");
	return b;
}

int box_message(struct app *app, const char *title, const char *text)
{
	struct box *b = box_new(title, text);
	if (app_push_layer(app, &msg_ops, b)) {
		box_close(app, b);
		return R_NONE;
	}
	return R_REDRAW;
}

int box_confirm(struct app *app, const char *title, const char *text,
		int (*yes)(struct app *app, void *arg), void *arg, void (*free_arg)(void *arg))
{
	struct box *b = box_new(title, text);
	b->confirm = 1;
	b->yes = yes;
	b->arg = arg;
	b->free_arg = free_arg;
	if (app_push_layer(app, &confirm_ops, b)) {
		box_close(app, b);
		return R_NONE;
	}
	return R_REDRAW;
}
