/* Card section "Contacts": the comune's current contacts (↑ ↓ choose one),
 * and the supervisor's changes on the card, on keys from actions.def: a
 * contact added or removed; a proroga granted or revoked and a status set by
 * hand, each in one of the comune's campaigns, chosen in the form. The same
 * core calls as `contact add/remove`, `extension grant/revoke`, `status set`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/campaign_standing.h"
#include "centralino/clock.h"
#include "centralino/contact.h"
#include "centralino/extension.h"
#include "centralino/phone.h"
#include "centralino/progress.h"
#include "centralino/registry.h"
#include "centralino/xalloc.h"
#include "widget.h"

#define SHOW_MAX 4

struct card_contacts {
	struct card_part p;
	struct contacts l;
	int top;
};

/* What a form needs after the section may have gone (a reload). */
struct job {
	char istat[7];
	long long contact;
	size_t ncamp;
	char **camp;         /* the comune's campaign keys, the form's choices */
};

static void load(struct app *app, void *st)
{
	struct card_contacts *s = st;
	contacts_free(&s->l);
	if (contact_list(app->ctx, s->p.istat, 0, &s->l))
		memset(&s->l, 0, sizeof s->l);
	if (s->p.sel >= (int)s->l.n)
		s->p.sel = s->l.n ? (int)s->l.n - 1 : 0;
}

static void *ct_open(struct app *app, const struct registry_comune *c)
{
	struct card_contacts *s = card_part_new(app, sizeof *s, c);
	if (s)
		load(app, s);
	return s;
}

static void ct_close(struct app *app, void *st)
{
	struct card_contacts *s = st;
	(void)app;
	contacts_free(&s->l);
	free(s);
}

static int ct_height(struct app *app, void *st, int width)
{
	struct card_contacts *s = st;
	(void)app;
	(void)width;
	return s->l.n ? (s->l.n < SHOW_MAX ? (int)s->l.n : SHOW_MAX) : 1;
}

static void ct_draw(struct app *app, void *st, struct rect r, int focused)
{
	struct card_contacts *s = st;
	s->p.focused = focused;
	if (!s->l.n) {
		char k[32], line[200];
		snprintf(line, sizeof line, _("No contact on file  (%s: add one)"),
			 action_key_label(&app->keymap, ACT_CONTACT_ADD, k, sizeof k));
		tui_put(r.y, r.x, r.w, line, ALIGN_LEFT, tui_attr(app, TA_MUTED));
		return;
	}
	if (s->p.sel < s->top)
		s->top = s->p.sel;
	if (s->p.sel >= s->top + r.h)
		s->top = s->p.sel - r.h + 1;
	for (int i = s->top, y = r.y; i < (int)s->l.n && y < r.y + r.h; i++, y++) {
		const struct contact *c = &s->l.v[i];
		attr_t base = focused && i == s->p.sel ? tui_attr(app, TA_SELECTED) : A_NORMAL;
		char line[800], day[11], phone[PHONE_DISPLAY_MAX];
		cn_date_display(c->noted_on, day);
		if (c->kind == CONTACT_TELEFONO)
			phone_display(c->value, phone);
		snprintf(line, sizeof line, "%-10s %s%s%s%s · %s, %s", contact_kind_name(c->kind),
			 c->kind == CONTACT_TELEFONO ? phone : c->value,
			 c->name && *c->name ? " (" : "", c->name ? c->name : "", c->name && *c->name ? ")" : "",
			 c->source ? c->source : "", day);
		tui_fill(y, r.x, r.w, ' ', base);
		tui_put(y, r.x, r.w, line, ALIGN_LEFT, base);
	}
}

static void job_free(void *arg)
{
	struct job *j = arg;
	for (size_t i = 0; i < j->ncamp; i++)
		free(j->camp[i]);
	free(j->camp);
	free(j);
}

/* A job for this comune with its campaigns (open ones first); NULL and a
 * message when it is in none. */
static struct job *job_new(struct app *app, const char *istat, const char *name, int campaigns)
{
	struct job *j = xcalloc(1, sizeof *j);
	struct campaign_standings l = {0};

	snprintf(j->istat, sizeof j->istat, "%s", istat);
	if (!campaigns)
		return j;
	if (campaign_standings_of(app->ctx, istat, &l) == 0 && l.n && (j->camp = xcalloc(l.n, sizeof *j->camp))) {
		for (int pass = 0; pass < 2; pass++)
			for (size_t i = 0; i < l.n; i++)
				if ((l.v[i].phase == CAMPAIGN_OPEN) == !pass)
					j->camp[j->ncamp++] = xstrdup(l.v[i].key);
	}
	campaign_standings_free(&l);
	if (!j->ncamp) {
		app_msg(app, MSG_INFO, _("%s is in no campaign"), name);
		job_free(j);
		return NULL;
	}
	return j;
}

/* ---- proroga, status ---- */

enum { P_CAMPAIGN, P_UNTIL, P_REASON };

static int grant_submit(struct app *app, struct form *f, void *arg)
{
	struct job *j = arg;
	const char *key = j->camp[form_choice(f, P_CAMPAIGN) < 0 ? 0 : form_choice(f, P_CAMPAIGN)];
	struct extension e;
	char replaced[11] = "", until[11];

	if (extension_grant(app->ctx, key, j->istat, form_text(f, P_UNTIL), form_text(f, P_REASON), &e, replaced))
		return form_core_error(app, f);
	cn_date_display(e.until, until);
	app_msg(app, MSG_OK, _("proroga for %s %s in campaign %s until %s"), e.respondent_id, e.respondent_name,
		key, until);
	extension_free(&e);
	return R_REDRAW;
}

static int revoke_submit(struct app *app, struct form *f, void *arg)
{
	struct job *j = arg;
	const char *key = j->camp[form_choice(f, P_CAMPAIGN) < 0 ? 0 : form_choice(f, P_CAMPAIGN)];
	struct extension e;

	if (extension_revoke(app->ctx, key, j->istat, form_text(f, P_UNTIL), &e))
		return form_core_error(app, f);
	app_msg(app, MSG_OK, _("proroga revoked for %s %s in campaign %s"), e.respondent_id, e.respondent_name, key);
	extension_free(&e);
	return R_REDRAW;
}

static int proroga(struct app *app, const char *istat, const char *name, int revoke)
{
	struct job *j;
	if (cn_require(app->ctx, CN_ROLE_SUPERVISORE, revoke ? _("revoke a proroga") : _("grant a proroga")))
		return app_error(app), R_REDRAW;
	if (!(j = job_new(app, istat, name, 1)))
		return R_REDRAW;
	struct form_field grant[] = {
		[P_CAMPAIGN] = {.kind = FIELD_PICK, .label = N_("Campaign"), .choices = (const char *const *)j->camp,
				.nchoices = j->ncamp, .initial_choice = 0, .digits = 1},
		[P_UNTIL] = {.kind = FIELD_TEXT, .label = N_("Until"), .required = 1, .max = 31, .name = "until",
			     .note = N_("DD/MM/YYYY, after the campaign's deadline")},
		[P_REASON] = {.kind = FIELD_TEXT, .label = N_("Reason"), .required = 1, .max = 1000, .name = "reason"},
	};
	struct form_field rev[] = {
		[P_CAMPAIGN] = grant[P_CAMPAIGN],
		{.kind = FIELD_TEXT, .label = N_("Reason"), .required = 1, .max = 1000, .name = "reason"},
	};
	struct form_spec spec = {.title = revoke ? N_("Revoke the proroga") : N_("Grant a proroga"),
				 .fields = revoke ? rev : grant, .nfields = revoke ? 2 : 3,
				 .submit = revoke ? revoke_submit : grant_submit, .free_arg = job_free, .arg = j};
	return form_open(app, &spec);
}

enum { S_CAMPAIGN, S_STATUS, S_REASON, S_AT };

static int status_submit(struct app *app, struct form *f, void *arg)
{
	struct job *j = arg;
	const char *key = j->camp[form_choice(f, S_CAMPAIGN) < 0 ? 0 : form_choice(f, S_CAMPAIGN)];
	const char *at = form_text(f, S_AT);
	enum progress_status st = (enum progress_status)form_choice(f, S_STATUS), was;
	struct progress_state out;
	time_t when = 0;

	if (form_choice(f, S_STATUS) < 0) {
		form_error(f, S_STATUS, _("which status?"));
		return R_KEEP;
	}
	if (*at && (st != PROGRESS_INVIATO || cn_parse_time(at, &when))) {
		form_error(f, S_AT, _("only for inviato: DD/MM/YYYY HH:MM"));
		return R_KEEP;
	}
	if (progress_status_set(app->ctx, key, j->istat, st, form_text(f, S_REASON), when, &was, &out))
		return form_core_error(app, f);
	app_msg(app, MSG_OK, "%s %s: %s -> %s", out.respondent_id, out.name, progress_status_name(was),
		progress_status_name(st));
	return R_REDRAW;
}

static int set_status(struct app *app, const char *istat, const char *name)
{
	const char *statuses[PROGRESS_NSTATUS];
	struct job *j;

	if (cn_require(app->ctx, CN_ROLE_SUPERVISORE, _("set a status by hand")))
		return app_error(app), R_REDRAW;
	if (!(j = job_new(app, istat, name, 1)))
		return R_REDRAW;
	for (int i = 0; i < PROGRESS_NSTATUS; i++)
		statuses[i] = progress_status_label((enum progress_status)i);
	struct form_field fields[] = {
		[S_CAMPAIGN] = {.kind = FIELD_PICK, .label = N_("Campaign"), .choices = (const char *const *)j->camp,
				.nchoices = j->ncamp, .initial_choice = 0, .digits = 1},
		[S_STATUS] = {.kind = FIELD_PICK, .label = N_("Status"), .choices = statuses,
			      .nchoices = PROGRESS_NSTATUS, .initial_choice = -1, .digits = 1,
			      .placeholder = N_("choose (1-5)")},
		[S_REASON] = {.kind = FIELD_TEXT, .label = N_("Reason"), .required = 1, .max = 1000, .name = "reason",
			      .note = N_("e.g. sent by PEC on 12/05; recorded in the audit log")},
		[S_AT] = {.kind = FIELD_TEXT, .label = N_("Submitted"), .max = 31, .name = "at",
			  .note = N_("for inviato: when (DD/MM/YYYY HH:MM); empty: now")},
	};
	struct form_spec spec = {.title = N_("Set the status by hand"), .fields = fields, .nfields = 4,
				 .submit = status_submit, .free_arg = job_free, .arg = j};
	return form_open(app, &spec);
}

/* ---- contacts ---- */

enum { C_KIND, C_VALUE, C_NAME, C_OFFICE };

static int add_submit(struct app *app, struct form *f, void *arg)
{
	struct job *j = arg;
	struct contact_new c = {.respondent = j->istat, .value = form_text(f, C_VALUE),
				.name = form_text(f, C_NAME), .office = form_text(f, C_OFFICE)};
	long long id;

	if (form_choice(f, C_KIND) < 0) {
		form_error(f, C_KIND, _("which kind of contact?"));
		return R_KEEP;
	}
	c.kind = (enum contact_kind)form_choice(f, C_KIND);
	if (contact_add(app->ctx, &c, &id))
		return form_core_error(app, f);
	app_msg(app, MSG_OK, _("contact added: %s %s"), contact_kind_name(c.kind), c.value);
	return R_REDRAW;
}

static int add_contact(struct app *app, const char *istat)
{
	const char *kinds[CONTACT_NKINDS];
	struct job *j = job_new(app, istat, NULL, 0);

	if (!j)
		return R_NONE;
	for (int i = 0; i < CONTACT_NKINDS; i++)
		kinds[i] = contact_kind_name((enum contact_kind)i);
	struct form_field fields[] = {
		[C_KIND] = {.kind = FIELD_PICK, .label = N_("Kind"), .choices = kinds, .nchoices = CONTACT_NKINDS,
			    .initial_choice = -1, .digits = 1, .placeholder = N_("choose (1-5)")},
		[C_VALUE] = {.kind = FIELD_TEXT, .label = N_("Value"), .required = 1, .max = 254, .name = "value",
			     .note = N_("the address, the number, or the person's or office's name")},
		[C_NAME] = {.kind = FIELD_TEXT, .label = N_("Name"), .max = 200, .name = "name"},
		[C_OFFICE] = {.kind = FIELD_TEXT, .label = N_("Office"), .max = 200, .name = "office"},
	};
	struct form_spec spec = {.title = N_("Add a contact"), .fields = fields, .nfields = 4,
				 .submit = add_submit, .free_arg = job_free, .arg = j};
	return form_open(app, &spec);
}

static int remove_submit(struct app *app, struct form *f, void *arg)
{
	struct job *j = arg;
	if (contact_remove(app->ctx, j->contact, form_text(f, 0)))
		return form_core_error(app, f);
	app_msg(app, MSG_OK, "%s", _("contact removed (kept in its history)"));
	return R_REDRAW;
}

static int remove_contact(struct app *app, struct card_contacts *s)
{
	struct job *j;
	if (!s->l.n || !s->p.focused) {
		char ks[3][32];
		app_msg(app, MSG_INFO, _("choose a contact first (%s to the Contacts section, %s %s)"),
			action_key_label(&app->keymap, ACT_NEXT_SECTION, ks[0], sizeof ks[0]),
			action_key_label(&app->keymap, ACT_MOVE_UP, ks[1], sizeof ks[1]),
			action_key_label(&app->keymap, ACT_MOVE_DOWN, ks[2], sizeof ks[2]));
		return R_REDRAW;
	}
	if (!(j = job_new(app, s->p.istat, s->p.name, 0)))
		return R_NONE;
	j->contact = s->l.v[s->p.sel].id;
	struct form_field fields[] = {
		{.kind = FIELD_TEXT, .label = N_("Reason"), .max = 1000, .name = "reason",
		 .note = N_("the contact is kept in the history, marked removed")},
	};
	struct form_spec spec = {.title = N_("Remove the contact"), .fields = fields, .nfields = 1,
				 .submit = remove_submit, .free_arg = job_free, .arg = j};
	return form_open(app, &spec);
}

static int ct_key(struct app *app, void *st, int key, int action)
{
	struct card_contacts *s = st;
	(void)key;
	switch (action) {
	case ACT_CONTACT_ADD:
		return add_contact(app, s->p.istat);
	case ACT_CONTACT_REMOVE:
		return remove_contact(app, s);
	case ACT_PROROGA_GRANT:
		return proroga(app, s->p.istat, s->p.name, 0);
	case ACT_PROROGA_REVOKE:
		return proroga(app, s->p.istat, s->p.name, 1);
	case ACT_STATUS_SET:
		return set_status(app, s->p.istat, s->p.name);
	}
	return card_part_move(&s->p, s->l.n, action);
}

const struct card_section card_contacts = {
	.title = N_("Contacts"),
	.column = 1,
	.open = ct_open,
	.close = ct_close,
	.reload = load,
	.height = ct_height,
	.draw = ct_draw,
	.key = ct_key,
};

/* ---- the same from the ':' line: the comune's card, then the form ---- */

enum { CMD_PROROGA, CMD_REVOKE, CMD_STATUS, CMD_CONTACT };

static int card_then_form(struct app *app, const char *args, int which)
{
	struct registry_hits hits = {0};
	struct registry_comune c;
	int r;

	if (!*args) {
		char k[32];
		app_msg(app, MSG_WARN, _("which comune? (its ISTAT code or name; %s completes)"),
			action_key_label(&app->keymap, ACT_CMDLINE_COMPLETE, k, sizeof k));
		return R_REDRAW;
	}
	if (registry_search(app->ctx, args, 2, &hits))
		return app_error(app);
	if (hits.n != 1 && !(hits.n && hits.v[0].rank == 0)) {
		app_msg(app, MSG_WARN, hits.n ? _("several comuni match \"%s\": give its ISTAT code")
					      : _("no comune matches \"%s\""), args);
		registry_hits_free(&hits);
		return R_REDRAW;
	}
	r = registry_get(app->ctx, hits.v[0].istat, &c);
	registry_hits_free(&hits);
	if (r)
		return app_error(app);
	r = app_open_card(app, c.istat);
	if (which == CMD_CONTACT)
		r |= add_contact(app, c.istat);
	else if (which == CMD_STATUS)
		r |= set_status(app, c.istat, c.name);
	else
		r |= proroga(app, c.istat, c.name, which == CMD_REVOKE);
	registry_comune_free(&c);
	return r;
}

int tcmd_proroga(struct app *app, const char *args)
{
	return card_then_form(app, args, CMD_PROROGA);
}

int tcmd_proroga_revoke(struct app *app, const char *args)
{
	return card_then_form(app, args, CMD_REVOKE);
}

int tcmd_status(struct app *app, const char *args)
{
	return card_then_form(app, args, CMD_STATUS);
}

int tcmd_contact(struct app *app, const char *args)
{
	return card_then_form(app, args, CMD_CONTACT);
}
