/* The Staff screen (admin): who may use the program, with which role; add
 * (form), change role, disable (asks first), enable. The core checks every
 * change again: the keys are only hidden for roles below admin. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/staff.h"
#include "centralino/text.h"
#include "widget.h"

struct staff_view {
	struct staff_list l;
	struct list list;
	char target[STAFF_LOGIN_MAX + 1]; /* the login a form or a box acts on */
};

/* In the order of enum cn_role from CN_ROLE_ASSISTENZA: the names stay Italian. */
static const char *const role_choices[] = {"assistenza", "operatore", "supervisore", "admin"};
#define NROLES (sizeof role_choices / sizeof role_choices[0])

struct columns {
	int login, name, role, status;
};

static struct columns layout(int w)
{
	struct columns c = {.login = 16, .role = 11, .status = 22};
	if (w >= 110)
		c.login = 24;
	c.name = w - c.login - c.role - c.status - 8;
	return c;
}

static const struct staff_member *selected(struct staff_view *s)
{
	return s->list.sel >= 0 && (size_t)s->list.sel < s->l.n ? &s->l.v[s->list.sel] : NULL;
}

/* Reads the list again, keeping `keep` selected when given. */
static void load(struct app *app, struct staff_view *s, const char *keep)
{
	staff_list_free(&s->l);
	if (staff_list(app->ctx, &s->l))
		app_error(app);
	list_reset(&s->list, (int)s->l.n);
	for (size_t i = 0; keep && *keep && i < s->l.n; i++)
		if (strcmp(s->l.v[i].login, keep) == 0)
			list_select(&s->list, (int)i);
}

/* arg: the login to select (const char *), or NULL. */
static int staff_open(struct app *app, void *st, const void *arg)
{
	if (screen_require(app, CN_ROLE_ADMIN, _("manage staff")))
		return -1;
	load(app, st, arg);
	return 0;
}

static void staff_close(struct app *app, void *st)
{
	struct staff_view *s = st;
	(void)app;
	staff_list_free(&s->l);
}

static void status_text(const struct staff_member *m, char *out, size_t len)
{
	time_t t;
	char day[11];
	if (m->active) {
		snprintf(out, len, "%s", _("active"));
	} else if (cn_parse_time(m->disabled_at, &t) == 0) {
		cn_fmt_day(t, day);
		snprintf(out, len, _("disabled %s"), day);
	} else {
		snprintf(out, len, "%s", _("disabled"));
	}
}

static void row(struct app *app, void *arg, int i, int y, int x, int w, int sel)
{
	struct staff_view *s = arg;
	const struct staff_member *m = &s->l.v[i];
	struct columns c = layout(w);
	attr_t base = sel ? tui_attr(app, TA_SELECTED) : m->active ? A_NORMAL : tui_attr(app, TA_MUTED);
	char status[64];

	status_text(m, status, sizeof status);
	tui_fill(y, x, w, ' ', base);
	x += 1;
	tui_put(y, x, c.login, m->login, ALIGN_LEFT, base | (sel || !m->active ? 0 : A_BOLD));
	x += c.login + 2;
	tui_put(y, x, c.name, m->name, ALIGN_LEFT, base);
	x += c.name + 2;
	tui_put(y, x, c.role, cn_role_name(m->role), ALIGN_LEFT, base);
	x += c.role + 2;
	tui_put(y, x, c.status, status, ALIGN_LEFT, base);
}

static void staff_draw(struct app *app, void *st, struct rect r)
{
	struct staff_view *s = st;
	struct columns c = layout(r.w);
	size_t active = 0;
	char summary[128];
	int x = r.x + 1;

	for (size_t i = 0; i < s->l.n; i++)
		active += s->l.v[i].active != 0;
	snprintf(summary, sizeof summary, _("%zu active, %zu disabled"), active, s->l.n - active);
	tui_put(r.y + 1, r.x + 2, r.w - 4, summary, ALIGN_LEFT, tui_attr(app, TA_MUTED));

	tui_put(r.y + 3, x, c.login, _("Login"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	x += c.login + 2;
	tui_put(r.y + 3, x, c.name, _("Name"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	x += c.name + 2;
	tui_put(r.y + 3, x, c.role, _("Role"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	x += c.role + 2;
	tui_put(r.y + 3, x, c.status, _("Status"), ALIGN_LEFT, tui_attr(app, TA_HEADER));
	{
		struct rect lr = {r.y + 4, r.x, r.h - 4, r.w};
		list_draw(app, &s->list, lr, row, s);
	}
}

/* ---- add ---- */

enum { ADD_LOGIN, ADD_NAME, ADD_ROLE };

static int add_submit(struct app *app, struct form *f, void *arg)
{
	struct staff_view *s = arg;
	const char *login = form_text(f, ADD_LOGIN);
	int role = form_choice(f, ADD_ROLE) + CN_ROLE_ASSISTENZA;
	int rc = staff_add(app->ctx, login, form_text(f, ADD_NAME), (enum cn_role)role);

	if (rc == CN_ENOPERM)
		return app_error(app);
	if (rc)
		return form_core_error(app, f) | R_KEEP;
	snprintf(s->target, sizeof s->target, "%s", login);
	app_msg(app, MSG_OK, _("%s added to the staff as %s"), login, cn_role_name((enum cn_role)role));
	return R_DATA;
}

static int open_add(struct app *app, struct staff_view *s)
{
	static const struct form_field fields[] = {
		[ADD_LOGIN] = {.kind = FIELD_TEXT, .label = N_("Login"), .max = STAFF_LOGIN_MAX, .required = 1, .note = N_("the person's system login name"), .name = "login"},
		[ADD_NAME] = {.kind = FIELD_TEXT, .label = N_("Name"), .max = STAFF_NAME_MAX, .required = 1, .note = N_("name and surname"), .name = "name"},
		[ADD_ROLE] = {.kind = FIELD_PICK, .label = N_("Role"), .choices = role_choices, .nchoices = NROLES, .name = "role"},
	};
	struct form_spec spec = {.title = N_("Add to the staff"), .fields = fields, .nfields = 3, .submit = add_submit, .arg = s};
	return form_open(app, &spec);
}

/* ---- change role ---- */

static int role_submit(struct app *app, struct form *f, void *arg)
{
	struct staff_view *s = arg;
	enum cn_role role = (enum cn_role)(form_choice(f, 0) + CN_ROLE_ASSISTENZA), old;
	int rc = staff_set_role(app->ctx, s->target, role, &old);

	if (rc == CN_ENOPERM)
		return app_error(app);
	if (rc)
		return form_core_error(app, f) | R_KEEP;
	if (old == role) {
		app_msg(app, MSG_INFO, _("%s already is %s: nothing changed"), s->target, cn_role_name(role));
		return R_NONE;
	}
	app_msg(app, MSG_OK, _("%s is now %s (was %s)"), s->target, cn_role_name(role), cn_role_name(old));
	return R_DATA;
}

static int open_role(struct app *app, struct staff_view *s, const struct staff_member *m)
{
	struct form_field field = {.kind = FIELD_PICK, .label = N_("Role"), .choices = role_choices, .nchoices = NROLES, .initial_choice = (int)m->role - CN_ROLE_ASSISTENZA, .name = "role"};
	char title[160];
	struct form_spec spec = {.title = title, .fields = &field, .nfields = 1, .submit = role_submit, .arg = s};
	snprintf(title, sizeof title, _("Role of %s"), m->login);
	snprintf(s->target, sizeof s->target, "%s", m->login);
	return form_open(app, &spec);
}

/* ---- disable, enable ---- */

static int disable_yes(struct app *app, void *arg)
{
	struct staff_view *s = arg;
	int changed;
	if (staff_disable(app->ctx, s->target, &changed))
		return app_error(app);
	app_msg(app, MSG_OK, _("%s disabled: their records stay attributed to them"), s->target);
	return R_DATA;
}

static int ask_disable(struct app *app, struct staff_view *s, const struct staff_member *m)
{
	char text[400];
	if (!m->active) {
		app_msg(app, MSG_INFO, _("%s already is disabled: nothing changed"), m->login);
		return R_REDRAW;
	}
	snprintf(s->target, sizeof s->target, "%s", m->login);
	snprintf(text, sizeof text,
		 _("Disable %s (%s)?\nThey will no longer be able to use centralino. Nothing they did is deleted."),
		 m->login, m->name);
	return box_confirm(app, _("Disable account"), text, disable_yes, s, NULL);
}

static int do_enable(struct app *app, const struct staff_member *m)
{
	int changed;
	char login[STAFF_LOGIN_MAX + 1];
	snprintf(login, sizeof login, "%s", m->login);
	if (staff_enable(app->ctx, login, &changed))
		return app_error(app);
	if (!changed) {
		app_msg(app, MSG_INFO, _("%s already is active: nothing changed"), login);
		return R_REDRAW;
	}
	app_msg(app, MSG_OK, _("%s enabled"), login);
	return R_DATA;
}

static int staff_key(struct app *app, void *st, int key, int action)
{
	struct staff_view *s = st;
	const struct staff_member *m = selected(s);
	(void)key;

	if (list_move(&s->list, action))
		return R_REDRAW;
	switch (action) {
	case ACT_STAFF_ADD:
		return open_add(app, s);
	case ACT_STAFF_ROLE:
		return m ? open_role(app, s, m) : R_NONE;
	case ACT_STAFF_DISABLE:
		return m ? ask_disable(app, s, m) : R_NONE;
	case ACT_STAFF_ENABLE:
		return m ? do_enable(app, m) : R_NONE;
	}
	return R_PASS;
}

static void staff_reload(struct app *app, void *st)
{
	struct staff_view *s = st;
	char keep[STAFF_LOGIN_MAX + 1] = "";
	const struct staff_member *m = selected(s);
	/* after an add, the new person; else whoever was selected */
	snprintf(keep, sizeof keep, "%s", s->target[0] ? s->target : m ? m->login : "");
	s->target[0] = '\0';
	load(app, s, keep);
}

const struct view_ops view_staff = {
	.name = "staff",
	.title = N_("Staff"),
	.state_size = sizeof(struct staff_view),
	.open = staff_open,
	.close = staff_close,
	.draw = staff_draw,
	.key = staff_key,
	.reload = staff_reload,
};

/* :staff [LOGIN] */
int tcmd_staff(struct app *app, const char *args)
{
	app_push(app, &view_staff, args); /* a refusal leaves its message */
	return R_REDRAW;
}
