/* What a screen's open() checks first: the user's role. */
#include "tui.h"

int screen_require(struct app *app, enum cn_role role, const char *what)
{
	if (cn_require(app->ctx, role, what)) {
		app_error(app);
		return -1;
	}
	return 0;
}
