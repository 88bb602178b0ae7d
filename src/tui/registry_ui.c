/* Merged comuni from the ':' line (:successor): the mergers known, one
 * recorded, a wrong one removed. The same core calls, checks and messages
 * as `registry successor`. */
#include <stdio.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/registry.h"
#include "centralino/text.h"
#include "tui.h"

/* The mergers known, on the message line (as many as fit). */
static int successor_list(struct app *app)
{
	struct registry_mergers l;
	struct cn_buf b = {0};

	if (registry_list_successors(app->ctx, NULL, &l))
		return app_error(app);
	if (!l.n)
		app_msg(app, MSG_INFO, "%s", _("no merger is known: none learnt at an import, none recorded"));
	for (size_t i = 0; i < l.n; i++)
		buf_printf(&b, "%s%s → %s", i ? ", " : "", l.v[i].name, l.v[i].successor_name);
	if (l.n)
		app_msg(app, MSG_INFO, ngettext("%zu merger known: %s", "%zu mergers known: %s", (unsigned long)l.n), l.n,
			buf_str(&b));
	buf_free(&b);
	registry_mergers_free(&l);
	return R_REDRAW;
}

static int successor_remove(struct app *app, const char *old)
{
	struct registry_merger was;
	char day[11];

	if (registry_remove_successor(app->ctx, old, &was))
		return app_error(app);
	cn_date_display(was.since, day);
	app_msg(app, MSG_OK, _("Removed: %s → %s, since %s; %s is found alone again"), was.name, was.successor_name,
		day, was.name);
	registry_merger_free(&was);
	return R_REDRAW | R_DATA;
}

/* OLD -> NEW (or OLD → NEW): names may hold blanks, so an arrow parts them. */
static int successor_set(struct app *app, const char *args)
{
	const char *arrow = strstr(args, "->"), *utf8 = strstr(args, "→");
	struct registry_hits h;
	char old[128], day[11];
	size_t n;

	if (utf8 && (!arrow || utf8 < arrow))
		arrow = utf8;
	n = arrow ? (size_t)(arrow - args) : 0;
	while (n && args[n - 1] == ' ')
		n--;
	if (!arrow || !n || n >= sizeof old) {
		app_msg(app, MSG_WARN, "%s", _("usage: :successor OLD -> NEW, :successor remove OLD, :successor"));
		return R_REDRAW;
	}
	memcpy(old, args, n);
	old[n] = '\0';
	arrow += arrow == utf8 ? strlen("→") : 2;
	arrow += strspn(arrow, " ");
	if (registry_set_successor(app->ctx, old, arrow, NULL))
		return app_error(app);
	/* say what was recorded, as a search for OLD now shows it */
	if (registry_search(app->ctx, old, 5, &h) == CN_OK) {
		for (size_t i = 0; i < h.n; i++)
			if (h.v[i].merged) {
				cn_date_display(h.v[i].since ? h.v[i].since : "", day);
				app_msg(app, MSG_OK, _("%s → %s, since %s"), h.v[i].matched, h.v[i].name, day);
				break;
			}
		registry_hits_free(&h);
	}
	return R_REDRAW | R_DATA;
}

int tcmd_successor(struct app *app, const char *args)
{
	if (!*args || strcmp(args, "list") == 0)
		return successor_list(app);
	if (strncmp(args, "remove ", 7) == 0)
		return successor_remove(app, args + 7 + strspn(args + 7, " "));
	return successor_set(app, args);
}
