/* The basic ':' commands: open, search, help, quit (rows in cmdline.def). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/registry.h"
#include "centralino/text.h"
#include "widget.h"

static int is_istat(const char *s)
{
	if (strlen(s) != 6)
		return 0;
	for (int i = 0; i < 6; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

int tcmd_open(struct app *app, const char *args)
{
	struct registry_hits hits = {0};
	int r;
	if (!*args) {
		app_msg(app, MSG_WARN, "%s", _("usage: :open ISTAT or :open NAME"));
		return R_REDRAW;
	}
	if (is_istat(args))
		return app_open_card(app, args);
	if (registry_search(app->ctx, args, 2, &hits))
		return app_error(app);
	if (hits.n == 0) {
		char near[400];
		lookup_did_you_mean(app, args, near, sizeof near);
		app_msg(app, MSG_WARN, _("no comune matches \"%s\"%s%s"), args, near[0] ? " — " : "", near);
		r = R_REDRAW;
	} else if (hits.n == 1 || hits.v[0].rank == 0) {
		r = app_open_card(app, hits.v[0].istat);
	} else {
		/* Several: let the operator pick on the lookup screen. */
		r = lookup_search(app, args);
		char k[32];
		app_msg(app, MSG_INFO, _("several comuni match: pick one and press %s"),
			action_key_label(&app->keymap, ACT_OPEN, k, sizeof k));
	}
	registry_hits_free(&hits);
	return r;
}

int tcmd_search(struct app *app, const char *args)
{
	return lookup_search(app, args);
}

int tcmd_help(struct app *app, const char *args)
{
	(void)args;
	return help_open(app);
}

int tcmd_quit(struct app *app, const char *args)
{
	(void)app;
	(void)args;
	return R_QUIT;
}
