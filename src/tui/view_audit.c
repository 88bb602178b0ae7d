/* The Audit screen (supervisore and up): the audit log newest first, with
 * filters by user, object, action and date; Enter shows a whole entry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/audit.h"
#include "centralino/clock.h"
#include "centralino/text.h"
#include "widget.h"

#define AUDIT_PAGE 200
#define AUDIT_MAX_LIMIT 200000

struct audit_view {
	struct audit_entries e;
	struct list list;
	long limit;         /* rows asked for: grows when the end is reached */
	char user[65];
	char object[128];
	char action[64];
	char since_text[32]; /* as typed, for the filter line */
	time_t since;
};

struct columns {
	int when, who, action, object, details;
};

static struct columns layout(int w)
{
	struct columns c = {.when = 16, .who = 10, .action = 19, .object = 17};
	if (w >= 120) {
		c.who = 20;
		c.action = 18;
		c.object = 24;
	}
	c.details = w - c.when - c.who - c.action - c.object - 10;
	return c;
}

static const struct audit_entry *selected(struct audit_view *a)
{
	return a->list.sel >= 0 && (size_t)a->list.sel < a->e.n ? &a->e.v[a->list.sel] : NULL;
}

/* Queries again with the filters, keeping the entry `keep_seq` selected. */
static void load(struct app *app, struct audit_view *a, long long keep_seq)
{
	struct audit_filter f = {a->since, a->user, a->object, a->action, a->limit};
	audit_entries_free(&a->e);
	if (audit_query(app->ctx, &f, &a->e))
		app_error(app);
	list_reset(&a->list, (int)a->e.n);
	for (size_t i = 0; keep_seq && i < a->e.n; i++)
		if (a->e.v[i].seq == keep_seq)
			list_select(&a->list, (int)i);
}

/* arg: the object whose history to show (const char *), or NULL. */
static int audit_open(struct app *app, void *st, const void *arg)
{
	struct audit_view *a = st;
	if (screen_require(app, CN_ROLE_SUPERVISORE, _("read the audit log")))
		return -1;
	a->limit = AUDIT_PAGE;
	snprintf(a->object, sizeof a->object, "%s", arg ? (const char *)arg : "");
	load(app, a, 0);
	return 0;
}

static void audit_close(struct app *app, void *st)
{
	struct audit_view *a = st;
	(void)app;
	audit_entries_free(&a->e);
}

static void when_text(const struct audit_entry *e, char out[17])
{
	time_t t;
	if (cn_parse_time(e->at, &t) == 0)
		cn_fmt_display(t, out);
	else
		snprintf(out, 17, "%.16s", e->at);
}

static void who_text(const struct audit_entry *e, char *out, size_t len)
{
	if (e->as_login)
		snprintf(out, len, _("%s as %s"), e->login, e->as_login);
	else
		snprintf(out, len, "%s", e->login);
}

static void object_text(const struct audit_entry *e, char *out, size_t len)
{
	snprintf(out, len, "%s%s%s", e->object_kind ? audit_kind_words(e->object_kind) : "",
		 e->object_kind && e->object_id ? " " : "", e->object_id ? e->object_id : "");
}

static void row(struct app *app, void *arg, int i, int y, int x, int w, int sel)
{
	struct audit_view *a = arg;
	const struct audit_entry *e = &a->e.v[i];
	struct columns c = layout(w);
	attr_t base = sel ? tui_attr(app, TA_SELECTED) : A_NORMAL;
	attr_t dim = sel ? base : tui_attr(app, TA_MUTED);
	char when[17], who[160], object[300];

	when_text(e, when);
	who_text(e, who, sizeof who);
	object_text(e, object, sizeof object);
	tui_fill(y, x, w, ' ', base);
	x += 1;
	tui_put(y, x, c.when, when, ALIGN_LEFT, dim);
	x += c.when + 2;
	tui_put(y, x, c.who, who, ALIGN_LEFT, base);
	x += c.who + 2;
	tui_put(y, x, c.action, audit_action_words(e->action), ALIGN_LEFT, base | (sel ? 0 : A_BOLD));
	x += c.action + 2;
	tui_put(y, x, c.object, object, ALIGN_LEFT, base);
	x += c.object + 2;
	if (c.details > 0)
		tui_put(y, x, c.details, e->details ? e->details : "", ALIGN_LEFT, dim);
}

static void add_filter(char *out, size_t len, const char *fmt, const char *v)
{
	size_t used = strlen(out);
	if (!*v || used + 6 >= len)
		return;
	if (used)
		used += (size_t)snprintf(out + used, len - used, "  ·  ");
	snprintf(out + used, len - used, fmt, v);
}

static void filter_line(const struct keymap *km, struct audit_view *a, char *out, size_t len)
{
	out[0] = '\0';
	add_filter(out, len, _("user %s"), a->user);
	add_filter(out, len, _("object %s"), a->object);
	add_filter(out, len, _("action %s"), a->action);
	add_filter(out, len, _("since %s"), a->since_text);
	if (!out[0]) {
		char k[32];
		snprintf(out, len, _("No filter: the whole log (%s to filter)"),
			 action_key_label(km, ACT_AUDIT_FILTER, k, sizeof k));
	}
}

static void audit_draw(struct app *app, void *st, struct rect r)
{
	struct audit_view *a = st;
	struct columns c = layout(r.w);
	char filters[512], count[64];
	int x = r.x + 1;

	filter_line(&app->keymap, a, filters, sizeof filters);
	if ((long)a->e.n >= a->limit)
		snprintf(count, sizeof count, _("%zu+ entries"), a->e.n);
	else if (a->e.n == 1)
		snprintf(count, sizeof count, "%s", _("1 entry"));
	else
		snprintf(count, sizeof count, _("%zu entries"), a->e.n);
	tui_put(r.y + 1, r.x + 2, r.w - 22, filters, ALIGN_LEFT, tui_attr(app, TA_ACCENT));
	tui_put(r.y + 1, r.w - 18, 16, count, ALIGN_RIGHT, tui_attr(app, TA_MUTED));

	tui_put(r.y + 3, x, c.when, _("When"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	x += c.when + 2;
	tui_put(r.y + 3, x, c.who, _("Who"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	x += c.who + 2;
	tui_put(r.y + 3, x, c.action, _("Action"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	x += c.action + 2;
	tui_put(r.y + 3, x, c.object, _("Object"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	x += c.object + 2;
	if (c.details > 0)
		tui_put(r.y + 3, x, c.details, _("Details"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	{
		struct rect lr = {r.y + 4, r.x, r.h - 4, r.w};
		if (a->e.n)
			list_draw(app, &a->list, lr, row, a);
		else
			tui_put(lr.y + lr.h / 3, r.x, r.w, _("No entry matches these filters"), ALIGN_CENTER,
				tui_attr(app, TA_MUTED));
	}
}

/* ---- filters ---- */

enum { F_USER, F_OBJECT, F_ACTION, F_SINCE };

static int filter_submit(struct app *app, struct form *f, void *arg)
{
	struct audit_view *a = arg;
	const char *since = form_text(f, F_SINCE);
	time_t t = 0;

	if (*since && cn_parse_time(since, &t)) {
		form_error(f, F_SINCE, _("not a date: DD/MM/YYYY or YYYY-MM-DD, optionally HH:MM"));
		return R_KEEP;
	}
	snprintf(a->user, sizeof a->user, "%s", form_text(f, F_USER));
	snprintf(a->object, sizeof a->object, "%s", form_text(f, F_OBJECT));
	snprintf(a->action, sizeof a->action, "%s", form_text(f, F_ACTION));
	snprintf(a->since_text, sizeof a->since_text, "%s", since);
	a->since = t;
	a->limit = AUDIT_PAGE;
	load(app, a, 0);
	return R_REDRAW;
}

static int open_filters(struct app *app, struct audit_view *a)
{
	struct form_field fields[] = {
		[F_USER] = {.kind = FIELD_TEXT, .label = N_("User"), .initial = a->user, .max = 64, .note = N_("login at the keyboard or acted for (--as)")},
		[F_OBJECT] = {.kind = FIELD_TEXT, .label = N_("Object"), .initial = a->object, .max = 127, .note = N_("a login, an ISTAT code, a file...")},
		[F_ACTION] = {.kind = FIELD_TEXT, .label = N_("Action"), .initial = a->action, .max = 63, .note = N_("e.g. staff (all staff.*), backup")},
		[F_SINCE] = {.kind = FIELD_TEXT, .label = N_("Since"), .initial = a->since_text, .max = 31, .note = N_("DD/MM/YYYY or YYYY-MM-DD, optionally HH:MM")},
	};
	struct form_spec spec = {.title = N_("Filter the audit log"), .fields = fields, .nfields = 4, .submit = filter_submit, .arg = a};
	return form_open(app, &spec);
}

static void details(struct app *app, const struct audit_entry *e)
{
	char when[17], who[160], object[300], text[2048];
	when_text(e, when);
	who_text(e, who, sizeof who);
	object_text(e, object, sizeof object);
	snprintf(text, sizeof text, _("When:    %s (%s)\nWho:     %s\nAction:  %s (%s)\nObject:  %s\nDetails: %s\nId:      %s"),
		 when, e->at, who, audit_action_words(e->action), e->action, object, e->details ? e->details : "",
		 e->uuid);
	box_message(app, _("Audit entry"), text);
}

static int audit_key(struct app *app, void *st, int key, int action)
{
	struct audit_view *a = st;
	const struct audit_entry *e = selected(a);
	(void)key;

	if (list_move(&a->list, action)) {
		/* at the end of what was read: read more */
		if ((long)a->e.n >= a->limit && a->list.sel >= a->list.n - a->list.page &&
		    a->limit < AUDIT_MAX_LIMIT) {
			long long keep = e ? a->e.v[a->list.sel].seq : 0;
			a->limit *= 4;
			load(app, a, keep);
			if (action == ACT_LAST || action == ACT_PAGE_DOWN)
				list_move(&a->list, action);
		}
		return R_REDRAW;
	}
	switch (action) {
	case ACT_AUDIT_DETAILS:
		if (e)
			details(app, e);
		return R_REDRAW;
	case ACT_AUDIT_FILTER:
		return open_filters(app, a);
	case ACT_AUDIT_SAME_USER:
		if (!e)
			return R_NONE;
		snprintf(a->user, sizeof a->user, "%s", e->as_login ? e->as_login : e->login);
		break;
	case ACT_AUDIT_SAME_OBJECT:
		if (!e || !e->object_id)
			return R_NONE;
		snprintf(a->object, sizeof a->object, "%s", e->object_id);
		break;
	case ACT_AUDIT_CLEAR:
		a->user[0] = a->object[0] = a->action[0] = a->since_text[0] = '\0';
		a->since = 0;
		break;
	default:
		return R_PASS;
	}
	a->limit = AUDIT_PAGE;
	load(app, a, 0);
	return R_REDRAW;
}

static void audit_reload(struct app *app, void *st)
{
	struct audit_view *a = st;
	const struct audit_entry *e = selected(a);
	load(app, a, e ? e->seq : 0);
}

const struct view_ops view_audit = {
	.name = "audit",
	.title = N_("Audit log"),
	.state_size = sizeof(struct audit_view),
	.open = audit_open,
	.close = audit_close,
	.draw = audit_draw,
	.key = audit_key,
	.reload = audit_reload,
};

/* :audit [OBJECT] */
int tcmd_audit(struct app *app, const char *args)
{
	app_push(app, &view_audit, args); /* a refusal leaves its message */
	return R_REDRAW;
}
