/* The call form: a new call (after the respondent is picked) or a change
 * to one. A form spec on widget_form (category first, a digit picks it;
 * then notes, outcome and callback, then who called) and its submit; this
 * screen adds the header (who, the timer) and the draft kept when the
 * terminal closes. A typed phone number says whom it called for before;
 * a typed callback time is read back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/draft.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"
#include "calls_ui.h"

enum { F_CATEGORY, F_NOTES, F_OUTCOME, F_CALLBACK, F_CALLER, F_OFFICE, F_PHONE,
       F_EMAIL, F_DIRECTION, F_STATE, F_CAMPAIGN, F_COUNT };

struct cform {
	struct call_start s;
	struct call orig;            /* edit: the call as opened */
	int editing;
	char who[300];               /* the respondent as shown */
	char respondent[80];         /* its id, "" unidentified */
	struct call_categories cats;
	struct form *form;
	struct draft draft;          /* the draft this form came from or was kept as: claimed */
	int kept;                    /* kept as a draft: it stays when the form closes */
	struct call_actions acts;    /* done during the call, saved with it */
	/* a new call's campaigns open today for the respondent, the default
	 * first; the form has a campaign field when there are several */
	struct calls_campaign_choice *camps;
	size_t ncamps;
	int camp_default;            /* the default is camps[0] */
	const char **camp_keys, **camp_labels;
	char (*camp_text)[320];
};

static int has_campaign(const struct cform *k)
{
	return !k->editing && !k->s.follows[0] && k->ncamps > 1;
}

/* What the fields start with, gathered from the call (edit), the call
 * followed (calling back) and what the call was started with. */
struct start_values {
	const char *text[F_COUNT];
	int cat, dir, state;
	char phone[PHONE_DISPLAY_MAX], callback[17];
};

static int nstates(const struct cform *k)
{
	return k->editing ? 3 : 4;
}

static void phone_note(struct app *app, struct cform *k, const char *typed, char *buf, size_t len)
{
	char key[PHONE_KEY_MAX], shown[PHONE_DISPLAY_MAX];
	const char *why;
	struct call_list l;
	if (phone_normalise(typed, key, &why)) {
		snprintf(buf, len, "%s", why);
		return;
	}
	phone_display(key, shown);
	snprintf(buf, len, "%s", shown);
	if (calls_by_phone(app->ctx, key, 5, &l) != CN_OK)
		return;
	for (size_t i = 0; i < l.n; i++) {
		char who[300], when[20];
		if (k->editing && !strcmp(l.v[i].id, k->orig.id))
			continue;
		call_respondent_label(&l.v[i], who, sizeof who);
		cn_fmt_when(cn_now(app->ctx), l.v[i].started, when);
		snprintf(buf, len, _("%s: called on %s for %s"), shown, when, who);
		break;
	}
	call_list_free(&l);
}

/* The notes under the phone and callback fields follow what is typed. */
static void field_note(struct app *app, struct form *f, size_t i, char *buf, size_t len, void *arg)
{
	const char *typed = form_text(f, i);
	time_t t;
	char when[17];
	if (!*typed)
		return;
	if (i == F_PHONE) {
		phone_note(app, arg, typed, buf, len);
	} else if (i == F_CALLBACK) {
		if (cn_parse_when(cn_now(app->ctx), typed, &t)) {
			snprintf(buf, len, "%s", _("15:30, tomorrow 9:00, +2h, 31/07/2019 10:30"));
		} else {
			cn_fmt_display(t, when);
			snprintf(buf, len, "→ %s", when);
		}
	}
}

static int find_category(const struct cform *k, const char *name)
{
	for (size_t i = 0; name && i < k->cats.n; i++)
		if (!strcmp(k->cats.v[i].name, name))
			return (int)i;
	return -1;
}

/* From the call being changed or followed: who called and about what. */
static void from_call(struct cform *k, const struct call *from, struct start_values *sv)
{
	snprintf(k->respondent, sizeof k->respondent, "%s", from->respondent_id ? from->respondent_id : "");
	call_respondent_label(from, k->who, sizeof k->who);
	sv->cat = find_category(k, from->category);
	sv->text[F_CALLER] = from->caller_name;
	sv->text[F_OFFICE] = from->caller_office;
	if (from->phone) {
		phone_display(from->phone, sv->phone);
		sv->text[F_PHONE] = sv->phone;
	}
	sv->text[F_EMAIL] = from->email;
}

static void from_edit(struct cform *k, struct start_values *sv)
{
	const struct call *c = &k->orig;
	sv->dir = c->direction == CALL_OUTBOUND;
	sv->state = (int)c->state;
	sv->text[F_NOTES] = c->notes;
	sv->text[F_OUTCOME] = c->outcome;
	if (c->callback_due) {
		cn_fmt_display(c->callback_due, sv->callback);
		sv->text[F_CALLBACK] = sv->callback;
	}
}

static int submit(struct app *app, struct form *f, void *arg);
static void cancelled(struct app *app, void *arg);

/* The form of this call, on the values gathered. */
static void make_form(struct app *app, struct cform *k, const struct start_values *sv)
{
	static const char *const labels[F_COUNT] = {
		N_("Category"), N_("Notes"), N_("Outcome"), N_("Callback"), N_("Caller"),
		N_("Office"), N_("Phone"), N_("E-mail"), N_("Direction"), N_("State"), N_("Campaign"),
	};
	/* as the core names them in its errors (cn_error_field) */
	static const char *const names[F_COUNT] = {
		"category", "notes", "outcome", "callback_due", "caller_name", "caller_office", "phone",
		"email", "direction", "state", "campaign",
	};
	const char *cats[64], *dirs[2], *states[4];
	struct form_field fl[F_COUNT] = {{0}};
	struct form_spec spec = {
		.fields = fl, .nfields = has_campaign(k) ? F_COUNT : F_COUNT - 1, .submit = submit, .cancelled = cancelled,
		.arg = k, .note = field_note, .dirty = !k->editing,
		.cancel_title = k->editing ? N_("Discard changes") : N_("Discard the call"),
		.cancel_text = k->editing ? N_("Leave without saving the changes?")
					  : N_("The call is not saved. Leave it unsaved?"),
	};
	size_t ncats = k->cats.n < 64 ? k->cats.n : 64;

	for (size_t i = 0; i < ncats; i++)
		cats[i] = k->cats.v[i].label;
	for (int i = 0; i < 2; i++)
		dirs[i] = call_direction_label((enum call_direction)i);
	for (int i = 0; i < nstates(k); i++)
		states[i] = !k->editing && i == 0
			? _("automatic (closed with an outcome, waiting with a callback)")
			: call_state_label((enum call_state)(i - (k->editing ? 0 : 1)));
	for (int i = 0; i < F_COUNT; i++) {
		fl[i].kind = i == F_CATEGORY || i == F_DIRECTION || i == F_STATE ? FIELD_PICK : FIELD_TEXT;
		fl[i].label = labels[i];
		fl[i].name = names[i];
		fl[i].initial = sv->text[i];
		fl[i].max = 200;
	}
	/* notes and outcome: as long as the core allows, on several rows */
	fl[F_NOTES].max = text_limit(TEXT_NOTES) * 4;
	fl[F_NOTES].rows = 6;
	fl[F_OUTCOME].max = text_limit(TEXT_OUTCOME) * 4;
	fl[F_OUTCOME].rows = 3;
	fl[F_CATEGORY] = (struct form_field){.kind = FIELD_PICK, .label = labels[F_CATEGORY],
		.name = names[F_CATEGORY], .choices = cats, .nchoices = ncats,
		.initial_choice = sv->cat, .digits = 1};
	fl[F_DIRECTION].choices = dirs;
	fl[F_DIRECTION].nchoices = 2;
	fl[F_DIRECTION].initial_choice = sv->dir;
	fl[F_STATE].choices = states;
	fl[F_STATE].nchoices = (size_t)nstates(k);
	fl[F_STATE].initial_choice = sv->state;
	fl[F_CAMPAIGN] = (struct form_field){.kind = FIELD_PICK, .label = labels[F_CAMPAIGN],
		.name = names[F_CAMPAIGN], .choices = k->camp_labels, .nchoices = k->ncamps + 1,
		.initial_choice = k->camp_default ? 0 : (int)k->ncamps,
		.note = N_("the one the comune has business with, when there is one")};
	k->form = form_new(app, &spec);
	/* a new call starts on the category, a follow-up too (its category
	 * the followed call's, one key to keep); a change on the notes */
	form_focus(k->form, k->editing ? F_NOTES : F_CATEGORY);
}

/* The campaigns a new call may be about, as the campaign field offers
 * them: "key — name", then none. */
static int load_campaigns(struct app *app, struct cform *k)
{
	char def[41];
	if (calls_default_campaign(app->ctx, k->respondent, def, sizeof def) ||
	    calls_open_campaigns(app->ctx, k->respondent, &k->camps, &k->ncamps))
		return -1;
	k->camp_default = def[0] != '\0';
	if (!has_campaign(k))
		return 0;
	k->camp_keys = xcalloc(k->ncamps + 1, sizeof *k->camp_keys);
	k->camp_labels = xcalloc(k->ncamps + 1, sizeof *k->camp_labels);
	k->camp_text = xcalloc(k->ncamps, sizeof *k->camp_text);
	for (size_t i = 0; i < k->ncamps; i++) {
		snprintf(k->camp_text[i], sizeof k->camp_text[i], "%s — %s", k->camps[i].key, k->camps[i].name);
		k->camp_keys[i] = k->camps[i].key;
		k->camp_labels[i] = k->camp_text[i];
	}
	k->camp_labels[k->ncamps] = _("none");
	return 0;
}

static int load(struct app *app, struct cform *k)
{
	struct start_values sv = {.cat = -1, .dir = k->s.outbound};
	struct call followed = {0};
	char id[80];

	if (call_categories_list(app->ctx, 0, &k->cats))
		return -1;
	if (k->editing) {
		if (calls_get(app->ctx, k->s.follows, &k->orig))
			return -1;
		from_call(k, &k->orig, &sv);
	} else if (k->s.follows[0]) {
		if (calls_get(app->ctx, k->s.follows, &followed))
			return -1;
		from_call(k, &followed, &sv);
	} else if (k->s.respondent[0]) {
		if (calls_respondent_find(app->ctx, k->s.respondent, id, sizeof id, k->who, sizeof k->who))
			return -1;
		snprintf(k->respondent, sizeof k->respondent, "%s", id);
	} else {
		snprintf(k->who, sizeof k->who, "%s", _("(not identified)"));
	}
	if (!k->editing && !k->s.follows[0] && load_campaigns(app, k))
		return -1;
	if (k->s.phone[0])
		sv.text[F_PHONE] = k->s.phone;
	if (k->s.caller[0])
		sv.text[F_CALLER] = k->s.caller;
	if (k->editing)
		from_edit(k, &sv);
	make_form(app, k, &sv);
	call_free(&followed);
	k->acts.form = k->form;
	k->acts.f_caller = F_CALLER;
	k->acts.f_office = F_OFFICE;
	k->acts.f_phone = F_PHONE;
	k->acts.f_category = F_CATEGORY;
	k->acts.cats = &k->cats;
	k->acts.respondent = k->respondent;
	k->acts.who = k->who;
	if (has_campaign(k)) {
		k->acts.f_campaign = F_CAMPAIGN;
		k->acts.ncamp = k->ncamps;
		k->acts.camp_keys = k->camp_keys;
	}
	return 0;
}

/* arg: what the call starts from (const struct call_start *). */
static int form_open_view(struct app *app, void *st, const void *arg)
{
	struct cform *k = st;
	k->s = *(const struct call_start *)arg;
	k->editing = k->s.mode == 'e';
	if (load(app, k)) {
		if (!k->form)
			app_error(app);
		return -1;
	}
	return 0;
}

static void form_close_view(struct app *app, void *st)
{
	struct cform *k = st;
	(void)app;
	form_free(k->form);
	call_categories_free(&k->cats);
	call_free(&k->orig);
	free(k->camps);
	free(k->camp_keys);
	free(k->camp_labels);
	free(k->camp_text);
	/* saved or given up: its draft goes; kept: it waits for the next start */
	if (!k->kept)
		draft_discard(app->ctx, &k->draft);
	draft_free(&k->draft);
}

static void form_draw_view(struct app *app, void *st, struct rect r)
{
	struct cform *k = st;
	char head[400], sub[300] = "", t[32], d[16], when[20];
	struct rect body = {r.y + 4, r.x, r.h - 4, r.w};

	if (k->editing)
		snprintf(head, sizeof head, _("Call %.8s — %s"), k->orig.id, k->who);
	else
		snprintf(head, sizeof head, "%s — %s", k->s.follows[0] ? _("Calling back") : _("New call"), k->who);
	tui_put(r.y + 1, r.x + 2, r.w - 30, head, ALIGN_LEFT, tui_attr(app, TA_ACCENT) | A_BOLD);
	if (!k->editing) {
		call_duration_text(k->s.started, cn_now(app->ctx), d, sizeof d);
		snprintf(t, sizeof t, _("in progress %s"), d[0] ? d : "0:00");
		tui_put(r.y + 1, r.x + r.w - 26, 24, t, ALIGN_RIGHT, tui_attr(app, TA_WARN));
	}
	if (k->editing) {
		cn_fmt_when(cn_now(app->ctx), k->orig.started, when);
		snprintf(sub, sizeof sub, _("taken %s by %s · %s"), when, k->orig.operator_login,
			 call_state_label(k->orig.state));
	} else if (k->s.follows[0]) {
		snprintf(sub, sizeof sub, _("follows call %.8s"), k->s.follows);
	}
	if (k->acts.n) {
		char done[600];
		call_actions_done(&k->acts, done, sizeof done);
		snprintf(sub, sizeof sub, _("done during the call: %s"), done);
	} else if (!k->editing && k->respondent[0] && !sub[0] && cn_may(app->ctx, CN_ROLE_OPERATORE)) {
		/* the code keys of a call, where the operator looks (the hint line
		 * keeps save, cancel, help and quit) */
		char kg[32], kr[32], kv[32];
		snprintf(sub, sizeof sub, _("%s give the code · %s re-issue it · %s read it out again"),
			 action_key_label(&app->keymap, ACT_CALL_GIVE_CODE, kg, sizeof kg),
			 action_key_label(&app->keymap, ACT_CALL_REISSUE_CODE, kr, sizeof kr),
			 action_key_label(&app->keymap, ACT_CALL_REREAD_CODE, kv, sizeof kv));
	}
	tui_put(r.y + 2, r.x + 2, r.w - 4, sub, ALIGN_LEFT, tui_attr(app, k->acts.n ? TA_OK : TA_MUTED));
	form_draw_in(app, k->form, body);
}

/* After saving: back where the call was started, or to the comune's card. */
static int leave(struct app *app, struct cform *k)
{
	char istat[7] = "";
	int to_card = !k->s.back && strlen(k->respondent) == 6;
	if (to_card)
		snprintf(istat, sizeof istat, "%.6s", k->respondent);
	app_pop(app); /* k and its form are freed here */
	if (to_card)
		app_open_card(app, istat);
	return R_REDRAW | R_DATA;
}

/* Checks that need no database; 0 or the reactions of the refusal. */
static int check(struct app *app, struct form *f, time_t *cb)
{
	char key[PHONE_KEY_MAX], keys[2][32];
	const char *why;
	if (form_choice(f, F_CATEGORY) < 0) {
		char msg[200];
		snprintf(msg, sizeof msg, _("choose a category: 1-9 or %s/%s"),
			 action_key_label(&app->keymap, ACT_PICK_PREV, keys[0], sizeof keys[0]),
			 action_key_label(&app->keymap, ACT_PICK_NEXT, keys[1], sizeof keys[1]));
		form_error(f, F_CATEGORY, msg);
		return R_KEEP;
	}
	if (*form_text(f, F_PHONE) && phone_normalise(form_text(f, F_PHONE), key, &why)) {
		form_error(f, F_PHONE, why);
		return R_KEEP;
	}
	if (*form_text(f, F_CALLBACK) && cn_parse_when(cn_now(app->ctx), form_text(f, F_CALLBACK), cb)) {
		form_error(f, F_CALLBACK, _("not a time: 15:30, tomorrow 9:00, +2h, 31/07/2019 10:30"));
		return R_KEEP;
	}
	return 0;
}

/* What the form says, as the core's input: every field for a new call,
 * the changed ones for a change. */
static void gather(struct cform *k, struct form *f, time_t cb, struct call_input *in)
{
	static const struct { int field; unsigned bit; } texts[] = {
		{F_CALLER, CALL_F_CALLER}, {F_OFFICE, CALL_F_OFFICE}, {F_PHONE, CALL_F_PHONE},
		{F_EMAIL, CALL_F_EMAIL}, {F_OUTCOME, CALL_F_OUTCOME}, {F_NOTES, CALL_F_NOTES},
	};
	const char **member[] = {&in->caller_name, &in->caller_office, &in->phone, &in->email,
				 &in->outcome, &in->notes};
	int state = form_choice(f, F_STATE);

	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		const char *v = form_text(f, (size_t)texts[i].field);
		if (k->editing ? form_changed(f, (size_t)texts[i].field) : *v != '\0') {
			in->set |= texts[i].bit;
			*member[i] = v;
		}
	}
	if (k->editing ? form_changed(f, F_CALLBACK) : cb != 0) {
		in->set |= CALL_F_CALLBACK;
		in->callback_due = cb;
	}
	if (!k->editing || form_changed(f, F_CATEGORY)) {
		in->set |= CALL_F_CATEGORY;
		in->category = k->cats.v[form_choice(f, F_CATEGORY)].name;
	}
	if (!k->editing || form_changed(f, F_DIRECTION)) {
		in->set |= CALL_F_DIRECTION;
		in->direction = (enum call_direction)form_choice(f, F_DIRECTION);
	}
	if (has_campaign(k)) {
		int c = form_choice(f, F_CAMPAIGN);
		in->set |= CALL_F_CAMPAIGN;
		in->campaign = c >= 0 && (size_t)c < k->ncamps ? k->camps[c].key : NULL;
	}
	if (k->editing ? form_changed(f, F_STATE) : state > 0) {
		in->set |= CALL_F_STATE;
		in->state = (enum call_state)(state - (k->editing ? 0 : 1));
	}
}

static int save_new(struct app *app, struct cform *k, struct form *f, struct call_input *in)
{
	char id[37];
	in->set |= CALL_F_RESPONDENT | CALL_F_STARTED | CALL_F_ENDED;
	in->respondent = k->respondent[0] ? k->respondent : NULL;
	in->started = k->s.started;
	in->ended = cn_now(app->ctx) >= k->s.started ? cn_now(app->ctx) : k->s.started;
	if (k->s.follows[0]) {
		in->set |= CALL_F_FOLLOWS;
		in->follows = k->s.follows;
	}
	{
		struct callflow_result res;
		if (callflow_save(app->ctx, in, k->acts.v, k->acts.n, &res))
			return form_core_error(app, f) | R_KEEP;
		snprintf(id, sizeof id, "%s", res.call_id);
		callflow_result_free(&res);
	}
	app_msg(app, MSG_OK, _("call saved: %s, %s (%.8s)"), k->who,
		k->cats.v[form_choice(f, F_CATEGORY)].label, id);
	return leave(app, k);
}

static int submit(struct app *app, struct form *f, void *arg)
{
	struct cform *k = arg;
	struct call_input in = {0};
	time_t cb = 0;
	int changed = 1, r;

	if ((r = check(app, f, &cb)))
		return r;
	gather(k, f, cb, &in);
	if (!k->editing)
		return save_new(app, k, f, &in);
	if (!in.set) {
		app_msg(app, MSG_INFO, "%s", _("nothing changed"));
		return leave(app, k);
	}
	in.expect_version = k->orig.version;
	if (calls_update(app->ctx, k->orig.id, &in, &changed))
		return form_core_error(app, f) | R_KEEP;
	app_msg(app, MSG_OK, _("call %.8s saved"), k->orig.id);
	return leave(app, k);
}

static void cancelled(struct app *app, void *arg)
{
	struct view_inst *v = app_top(app);
	if (v && v->st == arg) {
		app_msg(app, MSG_INFO, "%s", _("not saved"));
		app_pop(app);
	}
}

static int form_key_view(struct app *app, void *st, int key, int action)
{
	struct cform *k = st;
	int r;
	if (!k->editing && (r = call_actions_key(app, &k->acts, action)) != R_PASS)
		return r;
	r = form_key(app, k->form, key);
	/* '?' on a pick field is for the help; F10 and ^L pass the form */
	if (r == R_NONE && action != ACT_NONE)
		return R_PASS;
	return r;
}

static int form_unsaved_view(struct app *app, void *st)
{
	struct cform *k = st;
	(void)app;
	return form_unsaved(k->form);
}

/* ---- the draft kept when the terminal closes on a new call ---- */

/* What the call was started with, as the draft keeps it: fields separated
 * by TAB (ids may hold ':'); TABs inside are dropped. */
static void put_field(char *out, size_t outsz, size_t *used, const char *s)
{
	for (; s && *s && *used + 2 < outsz; s++)
		if (*s != '\t')
			out[(*used)++] = *s;
	out[(*used)++] = '\t';
	out[*used] = '\0';
}

static void start_text(const struct call_start *s, char *out, size_t outsz)
{
	char t[32], mode[2] = {s->mode, 0};
	size_t used = 0;
	snprintf(t, sizeof t, "%lld", (long long)s->started);
	out[0] = '\0';
	put_field(out, outsz, &used, mode);
	put_field(out, outsz, &used, t);
	put_field(out, outsz, &used, s->respondent);
	put_field(out, outsz, &used, s->follows);
	put_field(out, outsz, &used, s->phone);
	put_field(out, outsz, &used, s->caller);
	put_field(out, outsz, &used, s->outbound ? "1" : "0");
	put_field(out, outsz, &used, s->back ? "1" : "0");
}

static void start_read(const char *arg, struct call_start *s)
{
	char buf[512], *f[8] = {0}, *p;
	int n = 0;
	memset(s, 0, sizeof *s);
	snprintf(buf, sizeof buf, "%s", arg ? arg : "");
	for (p = buf; n < 8; n++) {
		char *tab = strchr(p, '\t');
		f[n] = p;
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	s->mode = f[0] && *f[0] ? f[0][0] : 'n';
	s->started = f[1] ? (time_t)strtoll(f[1], NULL, 10) : 0;
	snprintf(s->respondent, sizeof s->respondent, "%s", f[2] ? f[2] : "");
	snprintf(s->follows, sizeof s->follows, "%s", f[3] ? f[3] : "");
	snprintf(s->phone, sizeof s->phone, "%s", f[4] ? f[4] : "");
	snprintf(s->caller, sizeof s->caller, "%s", f[5] ? f[5] : "");
	s->outbound = f[6] && f[6][0] == '1';
	s->back = f[7] && f[7][0] == '1';
}

/* Field names in the draft file: fixed, never translated. */
static const char *const draft_keys[F_COUNT] = {
	"category", "notes", "outcome", "callback", "caller", "office", "phone",
	"email", "direction", "state", "campaign",
};

static void form_hangup_view(struct app *app, void *st)
{
	struct cform *k = st;
	struct draft *d = &k->draft;
	char arg[512], num[16];
	int cat = form_choice(k->form, F_CATEGORY);

	if (k->editing)
		return; /* the call is saved; only its changes would be lost */
	start_text(&k->s, arg, sizeof arg);
	draft_set(d, "arg", arg);
	for (int f = 0; f < F_COUNT; f++) {
		if (f == F_CAMPAIGN) {
			int c = has_campaign(k) ? form_choice(k->form, F_CAMPAIGN) : -1;
			if (has_campaign(k))
				draft_set(d, draft_keys[f], c >= 0 && (size_t)c < k->ncamps ? k->camps[c].key : "");
		} else if (f == F_CATEGORY) {
			draft_set(d, draft_keys[f], cat >= 0 ? k->cats.v[cat].name : "");
		} else if (f == F_DIRECTION || f == F_STATE) {
			snprintf(num, sizeof num, "%d", form_choice(k->form, (size_t)f));
			draft_set(d, draft_keys[f], num);
		} else {
			draft_set(d, draft_keys[f], form_text(k->form, (size_t)f));
		}
	}
	/* a draft restored or kept before (the database was migrated) is
	 * replaced in place */
	if (!draft_save(app->ctx, "call", d))
		k->kept = 1;
}

static void restore_campaign(struct cform *k, const char *key)
{
	size_t i = 0;
	if (!has_campaign(k))
		return;
	while (i < k->ncamps && strcmp(k->camps[i].key, key))
		i++;
	form_set_choice(k->form, F_CAMPAIGN, (int)i); /* not open any more: none */
}

/* The draft's values into the form just opened. */
static void restore_fields(struct app *app, struct cform *k, const struct draft *d)
{
	const char *s;
	for (int f = 0; f < F_COUNT; f++) {
		if (!(s = draft_get(d, draft_keys[f])))
			continue;
		if (f == F_CAMPAIGN)
			restore_campaign(k, s);
		else if (f == F_CATEGORY)
			form_set_choice(k->form, F_CATEGORY, find_category(k, s));
		else if (f == F_DIRECTION)
			form_set_choice(k->form, F_DIRECTION, atoi(s) == 1);
		else if (f == F_STATE)
			form_set_choice(k->form, F_STATE, atoi(s) >= 0 && atoi(s) < nstates(k) ? atoi(s) : 0);
		else
			form_set_text(app, k->form, (size_t)f, s);
	}
	form_focus(k->form, form_choice(k->form, F_CATEGORY) >= 0 ? F_NOTES : F_CATEGORY);
}

/* The oldest draft no other window holds back as a form on top, which
 * keeps it claimed until the call is saved or given up: 1 when one was
 * restored. */
static int restore_one(struct app *app)
{
	struct draft d;
	struct view_inst *v;
	struct call_start s;
	struct cform *k;
	const char *arg;

	if (draft_load(app->ctx, "call", &d))
		return 0;
	arg = draft_get(&d, "arg");
	if (arg)
		start_read(arg, &s);
	if (!arg || app_push(app, &view_call_form, &s) || !(v = app_top(app)) || v->ops != &view_call_form) {
		draft_free(&d); /* kept on disk: nothing is thrown away */
		return 0;
	}
	k = v->st;
	k->draft = d;
	restore_fields(app, k, &k->draft);
	return 1;
}

/* Every window's draft comes back, one form over the other: saving or
 * leaving one shows the next. */
int calls_ui_restore_draft(struct app *app)
{
	char key[32];
	int n = 0;

	while (n < TUI_MAX_DRAFTS && restore_one(app))
		n++;
	if (!n)
		return R_NONE;
	action_key_label(&app->keymap, ACT_FORM_SAVE, key, sizeof key);
	if (n == 1)
		app_msg(app, MSG_WARN, _("The terminal closed during this call: its form is back as it was (%s saves it)"), key);
	else
		app_msg(app, MSG_WARN, _("The terminal closed during calls: their forms are back as they were, one over the other (%s saves each)"), key);
	return R_REDRAW;
}

static const char *form_title(struct app *app, void *st)
{
	struct cform *k = st;
	(void)app;
	return k->editing ? _("Call") : _("New call");
}

const struct view_ops view_call_form = {
	.name = "call_form",
	.title = N_("New call"),
	.typing = 1,
	.form = 1,
	.timer = 1,
	.state_size = sizeof(struct cform),
	.open = form_open_view,
	.close = form_close_view,
	.draw = form_draw_view,
	.key = form_key_view,
	.unsaved = form_unsaved_view,
	.title_of = form_title,
	.hangup = form_hangup_view,
};
