/* Restrained colours with the same hierarchy in monochrome: every role of
 * text has an attribute that still reads right under NO_COLOR. */
#include <stdlib.h>

#include "tui.h"

enum { P_TITLE = 1, P_SELECTED, P_KEY, P_ACCENT, P_OK, P_WARN, P_ERROR, P_FRAME };

void theme_init(struct app *app)
{
	const char *no_color = getenv("NO_COLOR");
	attr_t mono[TA_COUNT] = {
		[TA_NORMAL] = A_NORMAL,
		[TA_TITLE] = A_REVERSE | A_BOLD,
		[TA_TITLE_DIM] = A_REVERSE,
		[TA_HEADER] = A_BOLD | A_UNDERLINE,
		[TA_SELECTED] = A_REVERSE,
		[TA_LABEL] = A_DIM,
		[TA_MUTED] = A_DIM,
		[TA_KEY] = A_REVERSE,
		[TA_HINT] = A_NORMAL,
		[TA_INPUT] = A_UNDERLINE,
		[TA_ACCENT] = A_BOLD,
		[TA_OK] = A_BOLD,
		[TA_WARN] = A_BOLD,
		[TA_ERROR] = A_BOLD | A_REVERSE,
		[TA_FRAME] = A_NORMAL,
	};

	for (int i = 0; i < TA_COUNT; i++)
		app->attrs[i] = mono[i];
	app->color = has_colors() && !(no_color && *no_color);
	if (!app->color)
		return;
	start_color();
	use_default_colors();
	init_pair(P_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(P_SELECTED, COLOR_BLACK, COLOR_CYAN);
	init_pair(P_KEY, COLOR_BLACK, COLOR_CYAN);
	init_pair(P_ACCENT, COLOR_CYAN, -1);
	init_pair(P_OK, COLOR_GREEN, -1);
	init_pair(P_WARN, COLOR_YELLOW, -1);
	init_pair(P_ERROR, COLOR_RED, -1);
	init_pair(P_FRAME, COLOR_BLUE, -1);
	app->attrs[TA_TITLE] = COLOR_PAIR(P_TITLE) | A_BOLD;
	app->attrs[TA_TITLE_DIM] = COLOR_PAIR(P_TITLE);
	app->attrs[TA_HEADER] = A_BOLD;
	app->attrs[TA_SELECTED] = COLOR_PAIR(P_SELECTED);
	app->attrs[TA_LABEL] = A_DIM;
	app->attrs[TA_KEY] = COLOR_PAIR(P_KEY);
	app->attrs[TA_INPUT] = A_UNDERLINE | A_BOLD;
	app->attrs[TA_ACCENT] = COLOR_PAIR(P_ACCENT) | A_BOLD;
	app->attrs[TA_OK] = COLOR_PAIR(P_OK) | A_BOLD;
	app->attrs[TA_WARN] = COLOR_PAIR(P_WARN) | A_BOLD;
	app->attrs[TA_ERROR] = COLOR_PAIR(P_ERROR) | A_BOLD;
	app->attrs[TA_FRAME] = COLOR_PAIR(P_FRAME);
}

attr_t tui_attr(const struct app *app, enum tui_attr a)
{
	return app->attrs[a];
}
