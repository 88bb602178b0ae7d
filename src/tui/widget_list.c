/* A list with a selection: the arithmetic of scrolling, and drawing through
 * a row callback so each screen decides its columns. */
#include "widget.h"

void list_reset(struct list *l, int n)
{
	l->n = n;
	l->sel = n > 0 ? 0 : -1;
	l->top = 0;
}

void list_select(struct list *l, int i)
{
	if (l->n <= 0) {
		l->sel = -1;
		return;
	}
	if (i < 0)
		i = 0;
	if (i >= l->n)
		i = l->n - 1;
	l->sel = i;
}

int list_is_move(int action)
{
	return action == ACT_MOVE_UP || action == ACT_MOVE_DOWN || action == ACT_PAGE_UP ||
	       action == ACT_PAGE_DOWN || action == ACT_FIRST || action == ACT_LAST;
}

int list_move(struct list *l, int action)
{
	int page = l->page > 1 ? l->page - 1 : 1;
	if (!list_is_move(action))
		return 0;
	if (l->n <= 0)
		return 1;
	switch (action) {
	case ACT_MOVE_UP: list_select(l, l->sel - 1); break;
	case ACT_MOVE_DOWN: list_select(l, l->sel + 1); break;
	case ACT_PAGE_UP: list_select(l, l->sel - page); break;
	case ACT_PAGE_DOWN: list_select(l, l->sel + page); break;
	case ACT_FIRST: list_select(l, 0); break;
	default: list_select(l, l->n - 1); break;
	}
	return 1; /* used, even at the ends of the list */
}

void list_draw(struct app *app, struct list *l, struct rect r, list_row_fn row, void *arg)
{
	int scrollbar = l->n > r.h;
	int w = scrollbar ? r.w - 1 : r.w;

	l->page = r.h;
	if (r.h <= 0)
		return;
	if (l->sel >= 0) {
		if (l->sel < l->top)
			l->top = l->sel;
		if (l->sel >= l->top + r.h)
			l->top = l->sel - r.h + 1;
	}
	if (l->top > l->n - r.h)
		l->top = l->n - r.h;
	if (l->top < 0)
		l->top = 0;
	for (int i = 0; i < r.h; i++) {
		int idx = l->top + i;
		if (idx < l->n)
			row(app, arg, idx, r.y + i, r.x, w, idx == l->sel);
		else
			tui_fill(r.y + i, r.x, w, ' ', A_NORMAL);
	}
	if (scrollbar) {
		/* A thumb proportional to the visible part. */
		int thumb = r.h * r.h / l->n, pos;
		if (thumb < 1)
			thumb = 1;
		pos = (int)((long)(r.h - thumb) * l->top / (l->n - r.h));
		for (int i = 0; i < r.h; i++) {
			int on = i >= pos && i < pos + thumb;
			tui_glyphs(r.y + i, r.x + w, 1, on ? "█" : "│", 0, tui_attr(app, on ? TA_ACCENT : TA_MUTED));
		}
	}
}
