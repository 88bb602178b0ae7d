/* The state a screen allocates when it opens. */
#include <stdlib.h>

#include "tui.h"

void *screen_state_new(struct app *app, size_t size, enum cn_role role, const char *what)
{
	void *st;
	if (cn_require(app->ctx, role, what)) {
		app_error(app);
		return NULL;
	}
	if (!(st = calloc(1, size)))
		app_msg(app, MSG_ERROR, "%s", _("out of memory"));
	return st;
}
