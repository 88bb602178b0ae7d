/* What the operator does during a call in progress, from the call form:
 * give the code, re-issue it, read it out again, grant a proroga, note a
 * contact. Each is recorded on the
 * call and saved with it in one transaction (callflow.h) when the call is
 * saved; the code is drawn now so that it can be read out at once. The
 * caller is typed once, in the small form of the action or in the call
 * form, and fills both; office and phone, when not typed, are those the
 * respondent's code was last given to. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/code.h"
#include "centralino/contact.h"
#include "codes_ui.h"
#include "calls_ui.h"

enum { B_CALLER, B_REASON, B_METHOD, B_OTHER, B_COUNT };

/* Without a re-issue the form has no reason: the fields after it move up. */
static size_t field_at(const struct call_actions *ca, size_t b)
{
	return !ca->reissue && b > B_REASON ? b - 1 : b;
}

/* The active code's holder: office and phone to fill when not typed. */
static void known_holder(struct app *app, const char *campaign, const char *respondent,
			 char *office, size_t osz, char *phone, size_t psz)
{
	struct code_infos l;
	office[0] = phone[0] = '\0';
	if (code_of_respondent(app->ctx, respondent, &l))
		return;
	for (size_t i = 0; i < l.n; i++)
		if (!strcmp(l.v[i].campaign_key, campaign) && !strcmp(l.v[i].state, "active")) {
			snprintf(office, osz, "%s", l.v[i].caller_office);
			snprintf(phone, psz, "%s", l.v[i].caller_phone);
			break;
		}
	code_infos_free(&l);
}

/* Caller, office and phone into the call form; 0, or the field missing. */
static int fill_caller(struct app *app, struct call_actions *ca, const char *caller, const char *campaign)
{
	char office[256], phone[64];
	known_holder(app, campaign, ca->respondent, office, sizeof office, phone, sizeof phone);
	form_set_text(app, ca->form, ca->f_caller, caller);
	if (!*form_text(ca->form, ca->f_office) && office[0])
		form_set_text(app, ca->form, ca->f_office, office);
	if (!*form_text(ca->form, ca->f_phone) && phone[0])
		form_set_text(app, ca->form, ca->f_phone, phone);
	return !*form_text(ca->form, ca->f_office) || !*form_text(ca->form, ca->f_phone);
}

/* The category the call gets from what was done, unless one is chosen. */
static void category_from(struct call_actions *ca, const char *name)
{
	if (form_choice(ca->form, ca->f_category) >= 0)
		return;
	for (size_t i = 0; i < ca->cats->n; i++)
		if (!strcmp(ca->cats->v[i].name, name))
			form_set_choice(ca->form, ca->f_category, (int)i);
}

static struct callflow_action *next_slot(struct call_actions *ca, size_t *i)
{
	if (ca->n >= CALL_ACTIONS_MAX)
		return NULL;
	*i = ca->n;
	memset(&ca->v[*i], 0, sizeof ca->v[*i]);
	return &ca->v[*i];
}

static int method_of(const struct call_actions *ca, struct form *f, char *out, size_t outsz)
{
	int m = form_choice(f, field_at(ca, B_METHOD));
	if (m < 0) {
		/* never assumed: an unchecked caller must not be recorded as checked */
		form_error(f, field_at(ca, B_METHOD), _("how was the caller checked? choose one"));
		return -1;
	}
	if (!strcmp(code_verified_methods[m], "altro:")) {
		if (!*form_text(f, field_at(ca, B_OTHER))) {
			form_error(f, field_at(ca, B_OTHER), _("say how the caller was checked"));
			return -1;
		}
		snprintf(out, outsz, "altro:%s", form_text(f, field_at(ca, B_OTHER)));
	} else {
		snprintf(out, outsz, "%s", code_verified_methods[m]);
	}
	return 0;
}

static int code_submit(struct app *app, struct form *f, void *arg)
{
	struct call_actions *ca = arg;
	struct callflow_action *a;
	char title[300], note[300], key[32];
	size_t i;
	int batch = 0;

	if (!(a = next_slot(ca, &i)) || method_of(ca, f, ca->verified[i], sizeof ca->verified[i]))
		return R_KEEP;
	if (fill_caller(app, ca, form_text(f, B_CALLER), ca->campaign)) {
		form_error(f, B_CALLER, _("office and phone: type them in the call form first"));
		return R_KEEP;
	}
	if (code_issue_draw(app->ctx, ca->campaign, ca->respondent, ca->reissue, ca->code[i], &batch))
		return form_core_error(app, f) | R_KEEP;
	snprintf(ca->reason[i], sizeof ca->reason[i], "%s", ca->reissue ? form_text(f, B_REASON) : "");
	snprintf(ca->campaigns[i], sizeof ca->campaigns[i], "%s", ca->campaign);
	a->kind = ca->reissue ? CALLFLOW_CODE_REISSUE : CALLFLOW_CODE;
	a->campaign = ca->campaigns[i];
	a->verified = ca->verified[i];
	a->reason = ca->reason[i];
	a->code = batch ? NULL : ca->code[i];
	snprintf(ca->done[i], sizeof ca->done[i], ca->reissue ? _("code re-issued (%s)") : _("code given (%s)"),
		 ca->campaign);
	ca->n++;
	category_from(ca, ca->reissue ? "codice_smarrito" : "richiesta_codice");
	snprintf(title, sizeof title, _("Code for %s — %s"), ca->who, ca->campaign);
	snprintf(note, sizeof note, _("Read it out. It is saved with the call: save the call (%s)."),
		 action_key_label(&app->keymap, ACT_FORM_SAVE, key, sizeof key));
	codes_ui_box(app, title, ca->code[i], note);
	return R_REDRAW;
}

/* The small form of a code action: caller (typed once), reason for a
 * re-issue, how the caller was checked (no default). */
static int code_form(struct app *app, struct call_actions *ca, int reissue)
{
	const char *methods[4];
	struct form_field fields[B_COUNT] = {
		[B_CALLER] = {.kind = FIELD_TEXT, .label = N_("Caller"), .max = 200, .required = 1,
			      .initial = form_text(ca->form, ca->f_caller), .note = N_("name and surname")},
		[B_REASON] = {.kind = FIELD_TEXT, .label = N_("Reason"), .max = 300, .required = reissue,
			      .note = N_("why the old code is replaced")},
		[B_METHOD] = {.kind = FIELD_PICK, .label = N_("Checked by"), .choices = methods, .nchoices = 4,
			      .initial_choice = -1, .digits = 1, .note = N_("no default: pick how the caller was checked")},
		[B_OTHER] = {.kind = FIELD_TEXT, .label = N_("How"), .max = 200, .note = N_("only for \"other\"")},
	};
	struct form_spec spec = {.fields = fields, .nfields = B_COUNT, .submit = code_submit, .arg = ca};
	char title[300];

	for (int i = 0; i < 4; i++)
		methods[i] = codes_ui_method_label(i);
	if (!reissue) {
		fields[B_REASON] = fields[B_METHOD];
		fields[B_METHOD] = fields[B_OTHER];
		spec.nfields = B_COUNT - 1;
	}
	ca->reissue = reissue;
	snprintf(title, sizeof title, reissue ? _("Re-issue the code of %s — %s") : _("Give the code of %s — %s"),
		 ca->who, ca->campaign);
	spec.title = title;
	return form_open(app, &spec);
}

static int reread(struct app *app, struct call_actions *ca)
{
	struct callflow_action *a;
	size_t i;
	int r;
	if (!(a = next_slot(ca, &i)))
		return R_NONE;
	r = codes_ui_reveal(app, ca->campaign, ca->respondent);
	if (app->msg_level == MSG_ERROR)
		return r;
	snprintf(ca->campaigns[i], sizeof ca->campaigns[i], "%s", ca->campaign);
	a->kind = CALLFLOW_CODE_REVEAL;
	a->campaign = ca->campaigns[i];
	a->revealed = 1;
	snprintf(ca->done[i], sizeof ca->done[i], _("code read out again (%s)"), ca->campaign);
	ca->n++;
	return r;
}

/* ---- a proroga, a contact ---- */

enum { P_UNTIL, P_REASON };

static int proroga_submit(struct app *app, struct form *f, void *arg)
{
	struct call_actions *ca = arg;
	struct callflow_action *a;
	char day[11];
	size_t i;
	(void)app;
	if (!(a = next_slot(ca, &i)))
		return R_KEEP;
	if (cn_parse_date(form_text(f, P_UNTIL), ca->until[i])) {
		form_error(f, P_UNTIL, _("not a date: DD/MM/YYYY"));
		return R_KEEP;
	}
	snprintf(ca->reason[i], sizeof ca->reason[i], "%s", form_text(f, P_REASON));
	snprintf(ca->campaigns[i], sizeof ca->campaigns[i], "%s", ca->campaign);
	a->kind = CALLFLOW_EXTENSION;
	a->campaign = ca->campaigns[i];
	a->until = ca->until[i];
	a->reason = ca->reason[i];
	cn_date_display(ca->until[i], day);
	snprintf(ca->done[i], sizeof ca->done[i], _("proroga until %s (%s)"), day, ca->campaign);
	ca->n++;
	category_from(ca, "richiesta_proroga");
	return R_REDRAW;
}

static int proroga_form(struct app *app, struct call_actions *ca)
{
	struct form_field fields[] = {
		[P_UNTIL] = {.kind = FIELD_TEXT, .label = N_("Until"), .required = 1, .max = 31, .name = "until",
			     .note = N_("DD/MM/YYYY, after the campaign's deadline")},
		[P_REASON] = {.kind = FIELD_TEXT, .label = N_("Reason"), .required = 1, .max = 1000, .name = "reason"},
	};
	char title[300];
	struct form_spec spec = {.fields = fields, .nfields = 2, .submit = proroga_submit, .arg = ca, .title = title};
	snprintf(title, sizeof title, _("Proroga for %s — %s"), ca->who, ca->campaign);
	return form_open(app, &spec);
}

enum { K_KIND, K_VALUE, K_NAME };

static int contact_submit(struct app *app, struct form *f, void *arg)
{
	struct call_actions *ca = arg;
	struct callflow_action *a;
	char why[200];
	size_t i;
	int kind = form_choice(f, K_KIND);
	(void)app;
	if (!(a = next_slot(ca, &i)))
		return R_KEEP;
	if (kind < 0) {
		form_error(f, K_KIND, _("which kind of contact? choose one"));
		return R_KEEP;
	}
	if (contact_value_check((enum contact_kind)kind, form_text(f, K_VALUE), ca->value[i], sizeof ca->value[i],
				why, sizeof why)) {
		form_error(f, K_VALUE, why);
		return R_KEEP;
	}
	snprintf(ca->name[i], sizeof ca->name[i], "%s", form_text(f, K_NAME));
	a->kind = CALLFLOW_CONTACT;
	a->contact_kind = (enum contact_kind)kind;
	a->value = ca->value[i];
	a->name = ca->name[i][0] ? ca->name[i] : NULL;
	snprintf(ca->done[i], sizeof ca->done[i], _("contact added: %s %s"), contact_kind_name(a->contact_kind),
		 ca->value[i]);
	ca->n++;
	return R_REDRAW;
}

static int contact_form(struct app *app, struct call_actions *ca)
{
	const char *kinds[CONTACT_NKINDS];
	struct form_field fields[] = {
		[K_KIND] = {.kind = FIELD_PICK, .label = N_("Kind"), .choices = kinds, .nchoices = CONTACT_NKINDS,
			    .initial_choice = -1, .digits = 1},
		[K_VALUE] = {.kind = FIELD_TEXT, .label = N_("Value"), .required = 1, .max = 250, .name = "value"},
		[K_NAME] = {.kind = FIELD_TEXT, .label = N_("Name"), .max = 200, .name = "name",
			    .note = N_("whose it is, when it is a person's")},
	};
	char title[300];
	struct form_spec spec = {.fields = fields, .nfields = 3, .submit = contact_submit, .arg = ca, .title = title};
	for (int i = 0; i < CONTACT_NKINDS; i++)
		kinds[i] = contact_kind_name((enum contact_kind)i);
	snprintf(title, sizeof title, _("A contact of %s"), ca->who);
	return form_open(app, &spec);
}

/* The campaign of a code or proroga action: the call form's choice, else
 * the one the respondent has business with; 0, or the reactions of the
 * refusal. */
static int action_campaign(struct app *app, struct call_actions *ca)
{
	if (ca->ncamp) {
		int c = form_choice(ca->form, ca->f_campaign);
		snprintf(ca->campaign, sizeof ca->campaign, "%s",
			 c >= 0 && (size_t)c < ca->ncamp ? ca->camp_keys[c] : "");
		if (!ca->campaign[0]) {
			form_error(ca->form, ca->f_campaign, _("the code of which campaign? choose the call's campaign"));
			return R_REDRAW;
		}
	} else if (calls_default_campaign(app->ctx, ca->respondent, ca->campaign, sizeof ca->campaign)) {
		return app_error(app);
	}
	if (!ca->campaign[0]) {
		app_msg(app, MSG_WARN, "%s", _("no single open campaign for this respondent: use the card's code keys"));
		return R_REDRAW;
	}
	return 0;
}

int call_actions_key(struct app *app, struct call_actions *ca, int action)
{
	int r;
	if (action != ACT_CALL_GIVE_CODE && action != ACT_CALL_REISSUE_CODE && action != ACT_CALL_REREAD_CODE &&
	    action != ACT_CALL_PROROGA && action != ACT_CALL_CONTACT)
		return R_PASS;
	if (!ca->respondent[0]) {
		app_msg(app, MSG_WARN, "%s", _("codes are for an identified respondent: this call is not identified"));
		return R_REDRAW;
	}
	if (ca->n >= CALL_ACTIONS_MAX) {
		app_msg(app, MSG_WARN, "%s", _("save the call first: it holds all it can"));
		return R_REDRAW;
	}
	if (action == ACT_CALL_CONTACT)
		return contact_form(app, ca);
	if ((r = action_campaign(app, ca)))
		return r;
	if (action == ACT_CALL_PROROGA)
		return proroga_form(app, ca);
	if (action == ACT_CALL_REREAD_CODE)
		return reread(app, ca);
	return code_form(app, ca, action == ACT_CALL_REISSUE_CODE);
}

void call_actions_done(const struct call_actions *ca, char *out, size_t outsz)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < ca->n && used < outsz; i++)
		used += (size_t)snprintf(out + used, outsz - used, "%s%s", i ? " · " : "", ca->done[i]);
}
