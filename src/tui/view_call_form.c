/* The call form: a new call (after the respondent is picked) or a change
 * to one. Category first (a digit picks it), then notes, outcome and
 * callback, then who called. F2 saves from any field; Tab/Enter move on.
 * A typed phone number says whom it called for before. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/draft.h"
#include "centralino/text.h"
#include "calls_ui.h"

enum { F_CATEGORY, F_NOTES, F_OUTCOME, F_CALLBACK, F_CALLER, F_OFFICE, F_PHONE,
       F_EMAIL, F_DIRECTION, F_STATE, F_COUNT };

static const char *const labels[F_COUNT] = {
	N_("Category"), N_("Notes"), N_("Outcome"), N_("Callback"), N_("Caller"),
	N_("Office"), N_("Phone"), N_("E-mail"), N_("Direction"), N_("State"),
};

struct cform {
	struct call_start s;
	struct call orig;            /* edit: the call as opened */
	int editing;
	char who[300];               /* the respondent as shown */
	char respondent[80];         /* its id, "" unidentified */
	struct call_categories cats;
	int cat, dir, state;         /* picks; state 0 = automatic (new calls) */
	int init_cat, init_dir, init_state;
	struct input in[F_COUNT];
	char initial[F_COUNT][INPUT_MAX];
	char err[F_COUNT][256];
	char note[F_COUNT][300];
	int append_notes;            /* edit: long or multi-line notes get a line added */
	int focus;
};

static int is_pick(int f)
{
	return f == F_CATEGORY || f == F_DIRECTION || f == F_STATE;
}

static const char *state_choice(const struct cform *k, int i)
{
	if (!k->editing && i == 0)
		return _("automatic (closed with an outcome, waiting with a callback)");
	return call_state_label((enum call_state)(i - (k->editing ? 0 : 1)));
}

static int nstates(const struct cform *k)
{
	return k->editing ? 3 : 4;
}

static void set_text(struct cform *k, int f, const char *s)
{
	input_set(&k->in[f], s ? s : "");
	/* same size as the input's buffer, which is always terminated */
	memcpy(k->initial[f], k->in[f].buf, sizeof k->initial[f]);
}

/* The notes under the phone and callback fields follow what is typed. */
static void update_notes(struct app *app, struct cform *k, int f)
{
	k->note[f][0] = '\0';
	if (f == F_PHONE && k->in[F_PHONE].len) {
		char key[PHONE_KEY_MAX], shown[PHONE_DISPLAY_MAX];
		const char *why;
		struct call_list l;
		if (phone_normalise(k->in[F_PHONE].buf, key, &why)) {
			snprintf(k->note[f], sizeof k->note[f], "%s", why);
			return;
		}
		phone_display(key, shown);
		snprintf(k->note[f], sizeof k->note[f], "%s", shown);
		if (calls_by_phone(app->ctx, key, 5, &l) == CN_OK) {
			for (size_t i = 0; i < l.n; i++) {
				char who[300], when[20];
				if (k->editing && !strcmp(l.v[i].id, k->orig.id))
					continue;
				call_respondent_label(&l.v[i], who, sizeof who);
				calls_ui_when(app, l.v[i].started, when);
				snprintf(k->note[f], sizeof k->note[f], _("%s: called on %s for %s"), shown, when, who);
				break;
			}
			call_list_free(&l);
		}
	} else if (f == F_CALLBACK && k->in[F_CALLBACK].len) {
		time_t t;
		char when[17];
		if (calls_parse_when(app->ctx, k->in[F_CALLBACK].buf, &t)) {
			snprintf(k->note[f], sizeof k->note[f], "%s", _("15:30, tomorrow 9:00, +2h, 31/07/2019 10:30"));
		} else {
			cn_fmt_display(t, when);
			snprintf(k->note[f], sizeof k->note[f], "→ %s", when);
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

static int load(struct app *app, struct cform *k)
{
	const struct call *from = NULL;
	struct call followed;
	int have_followed = 0;
	char id[80];

	if (call_categories_list(app->ctx, 0, &k->cats))
		return -1;
	for (int f = 0; f < F_COUNT; f++)
		k->in[f].max = f == F_NOTES || f == F_OUTCOME ? INPUT_MAX - 1 : 200;
	k->cat = -1;
	k->dir = k->s.outbound;
	if (k->editing) {
		if (calls_get(app->ctx, k->s.follows, &k->orig))
			return -1;
		from = &k->orig;
	} else if (k->s.follows[0]) {
		if (calls_get(app->ctx, k->s.follows, &followed))
			return -1;
		have_followed = 1;
		from = &followed;
	}
	if (from) {
		snprintf(k->respondent, sizeof k->respondent, "%s", from->respondent_id ? from->respondent_id : "");
		call_respondent_label(from, k->who, sizeof k->who);
		k->cat = find_category(k, from->category);
		set_text(k, F_CALLER, from->caller_name);
		set_text(k, F_OFFICE, from->caller_office);
		if (from->phone) {
			char shown[PHONE_DISPLAY_MAX];
			phone_display(from->phone, shown);
			set_text(k, F_PHONE, shown);
		}
		set_text(k, F_EMAIL, from->email);
	} else if (k->s.respondent[0]) {
		if (calls_respondent_find(app->ctx, k->s.respondent, id, sizeof id, k->who, sizeof k->who))
			return -1;
		snprintf(k->respondent, sizeof k->respondent, "%s", id);
	} else {
		snprintf(k->who, sizeof k->who, "%s", _("(not identified)"));
	}
	if (k->s.phone[0])
		set_text(k, F_PHONE, k->s.phone);
	if (k->s.caller[0])
		set_text(k, F_CALLER, k->s.caller);
	if (k->editing) {
		const struct call *c = &k->orig;
		k->dir = c->direction == CALL_OUTBOUND;
		k->state = (int)c->state;
		k->append_notes = c->notes && (strchr(c->notes, '\n') || strlen(c->notes) >= INPUT_MAX - 1);
		if (!k->append_notes)
			set_text(k, F_NOTES, c->notes);
		set_text(k, F_OUTCOME, c->outcome);
		if (c->callback_due) {
			char when[17];
			cn_fmt_display(c->callback_due, when);
			set_text(k, F_CALLBACK, when);
		}
	}
	if (have_followed)
		call_free(&followed);
	k->init_cat = k->cat;
	k->init_dir = k->dir;
	k->init_state = k->state;
	update_notes(app, k, F_PHONE);
	update_notes(app, k, F_CALLBACK);
	/* a new call starts on the category; a change on the notes */
	k->focus = k->editing ? F_NOTES : (k->cat >= 0 ? F_NOTES : F_CATEGORY);
	return 0;
}

static void *form_open_view(struct app *app, const char *arg)
{
	struct cform *k = calloc(1, sizeof *k);
	if (!k) {
		app_msg(app, MSG_ERROR, "%s", _("out of memory"));
		return NULL;
	}
	calls_ui_form_parse(arg, &k->s);
	k->editing = k->s.mode == 'e';
	if (load(app, k)) {
		app_error(app);
		call_categories_free(&k->cats);
		call_free(&k->orig);
		free(k);
		return NULL;
	}
	return k;
}

static void form_close_view(struct app *app, void *st)
{
	struct cform *k = st;
	(void)app;
	call_categories_free(&k->cats);
	call_free(&k->orig);
	free(k);
}

static int modified(const struct cform *k)
{
	for (int f = 0; f < F_COUNT; f++)
		if (!is_pick(f) && strcmp(k->in[f].buf, k->initial[f]))
			return 1;
	return k->cat != k->init_cat || k->dir != k->init_dir || k->state != k->init_state;
}

static void pick_text(const struct cform *k, int f, char *out, size_t n)
{
	if (f == F_CATEGORY)
		snprintf(out, n, "%s", k->cat >= 0 ? k->cats.v[k->cat].label : _("— choose: 1-9 or ←/→ —"));
	else if (f == F_DIRECTION)
		snprintf(out, n, "%s", call_direction_label((enum call_direction)k->dir));
	else
		snprintf(out, n, "%s", state_choice(k, k->state));
}

static void form_draw_view(struct app *app, void *st, struct rect r)
{
	struct cform *k = st;
	char head[400], sub[300], t[32], foot[200], ks[3][32];
	int lw = 0, y = r.y + 4, vx, vw;

	if (k->editing)
		snprintf(head, sizeof head, _("Call %.8s — %s"), k->orig.id, k->who);
	else
		snprintf(head, sizeof head, "%s — %s", k->s.follows[0] ? _("Calling back") : _("New call"), k->who);
	tui_put(r.y + 1, r.x + 2, r.w - 30, head, ALIGN_LEFT, tui_attr(app, TA_ACCENT) | A_BOLD);
	if (!k->editing) {
		char d[16];
		call_duration_text(k->s.started, cn_now(app->ctx), d, sizeof d);
		snprintf(t, sizeof t, _("in progress %s"), d[0] ? d : "0:00");
		tui_put(r.y + 1, r.x + r.w - 26, 24, t, ALIGN_RIGHT, tui_attr(app, TA_WARN));
	}
	if (k->editing) {
		char when[20];
		calls_ui_when(app, k->orig.started, when);
		snprintf(sub, sizeof sub, _("taken %s by %s · %s"), when, k->orig.operator_login,
			 call_state_label(k->orig.state));
	} else if (k->s.follows[0]) {
		snprintf(sub, sizeof sub, _("follows call %.8s"), k->s.follows);
	} else {
		sub[0] = '\0';
	}
	tui_put(r.y + 2, r.x + 2, r.w - 4, sub, ALIGN_LEFT, tui_attr(app, TA_MUTED));
	for (int f = 0; f < F_COUNT; f++) {
		int w = text_width(_(labels[f]));
		lw = w > lw ? w : lw;
	}
	if (k->append_notes && text_width(_("Add to notes")) > lw)
		lw = text_width(_("Add to notes"));
	vx = r.x + 4 + lw;
	vw = r.w - (vx - r.x) - 3;
	if (vw > 72)
		vw = 72;
	for (int f = 0; f < F_COUNT && y < r.y + r.h - 1; f++) {
		int focused = f == k->focus;
		const char *label = f == F_NOTES && k->append_notes ? _("Add to notes") : _(labels[f]);
		const char *below = k->err[f][0] ? k->err[f] : k->note[f][0] ? k->note[f] : NULL;
		tui_put(y, r.x + 2, lw, label, ALIGN_RIGHT, tui_attr(app, focused ? TA_ACCENT : TA_LABEL));
		if (is_pick(f)) {
			char v[300], shown[320];
			pick_text(k, f, v, sizeof v);
			snprintf(shown, sizeof shown, focused ? "‹ %s ›" : "  %s", v);
			tui_put(y, vx, vw, shown, ALIGN_LEFT,
				tui_attr(app, focused ? TA_SELECTED : (f == F_CATEGORY && k->cat < 0 ? TA_MUTED : TA_NORMAL)));
			if (f == F_CATEGORY && focused && !below)
				below = _("1-9 picks, ←/→ or a letter moves");
		} else {
			input_draw(app, &k->in[f], y, vx, vw, tui_attr(app, focused ? TA_INPUT : TA_NORMAL), focused);
		}
		y++;
		if (below && y < r.y + r.h - 1)
			tui_put(y++, vx, vw, below, ALIGN_LEFT, tui_attr(app, k->err[f][0] ? TA_ERROR : TA_MUTED));
	}
	snprintf(foot, sizeof foot, _("%s save   %s next field   %s cancel"),
		 action_key_label(ACT_FORM_SAVE, ks[0], sizeof ks[0]),
		 action_key_label(ACT_FORM_NEXT, ks[1], sizeof ks[1]),
		 action_key_label(ACT_FORM_CANCEL, ks[2], sizeof ks[2]));
	/* the numbers of the categories, while choosing one */
	if (k->focus == F_CATEGORY && y + 2 < r.y + r.h - 1) {
		int rows = ((int)k->cats.n + 1) / 2, colw = (r.w - 6) / 2;
		y++;
		for (int i = 0; i < (int)k->cats.n && i < 18; i++) {
			char item[200];
			int cy = y + i % rows, cx = r.x + 4 + (i / rows) * colw;
			if (cy >= r.y + r.h - 1)
				continue;
			if (i < 9)
				snprintf(item, sizeof item, "%d  %s", i + 1, k->cats.v[i].label);
			else
				snprintf(item, sizeof item, "   %s", k->cats.v[i].label);
			tui_put(cy, cx, colw - 2, item, ALIGN_LEFT,
				tui_attr(app, i == k->cat ? TA_ACCENT : TA_MUTED));
		}
	}
	tui_put(r.y + r.h - 1, r.x + 2, r.w - 4, foot,
		ALIGN_RIGHT, tui_attr(app, TA_MUTED));
}

static int field_error(struct cform *k, int f, const char *msg)
{
	snprintf(k->err[f], sizeof k->err[f], "%s", msg);
	k->focus = f;
	return R_REDRAW;
}

/* The core's message under the field it names, else on the status line. */
static int core_error(struct app *app, struct cform *k)
{
	static const struct { const char *prefix; int field; } map[] = {
		{"phone", F_PHONE}, {"e-mail", F_EMAIL}, {"caller", F_CALLER},
		{"office", F_OFFICE}, {"notes", F_NOTES}, {"outcome", F_OUTCOME},
		{"callback", F_CALLBACK},
	};
	const char *e = cn_error(app->ctx);
	for (size_t i = 0; i < sizeof map / sizeof *map; i++) {
		const char *p = _(map[i].prefix);
		if (!strncmp(e, p, strlen(p)))
			return field_error(k, map[i].field, e);
	}
	return app_error(app);
}

/* After saving: back where the call was started, or to the comune's card. */
static int leave(struct app *app, struct cform *k)
{
	char istat[7] = "";
	int to_card = !k->s.back && strlen(k->respondent) == 6;
	if (to_card)
		snprintf(istat, sizeof istat, "%s", k->respondent);
	app_pop(app); /* k is freed here */
	if (to_card)
		app_open_card(app, istat);
	return R_REDRAW | R_DATA;
}

static int save(struct app *app, struct cform *k)
{
	struct call_input in = {0};
	char notes[INPUT_MAX * 2 + 20000], id[37];
	const char *why;
	char key[PHONE_KEY_MAX];
	time_t cb = 0;
	int changed = 1;

	for (int f = 0; f < F_COUNT; f++)
		k->err[f][0] = '\0';
	if (k->cat < 0)
		return field_error(k, F_CATEGORY, _("choose a category: 1-9 or ←/→"));
	if (k->in[F_PHONE].len && phone_normalise(k->in[F_PHONE].buf, key, &why))
		return field_error(k, F_PHONE, why);
	if (k->in[F_CALLBACK].len && calls_parse_when(app->ctx, k->in[F_CALLBACK].buf, &cb))
		return field_error(k, F_CALLBACK, _("not a time: 15:30, tomorrow 9:00, +2h, 31/07/2019 10:30"));
#define CHANGED(f) (!k->editing || strcmp(k->in[f].buf, k->initial[f]))
#define TEXT(f, bit, member) do { if (CHANGED(f) && (k->editing || k->in[f].len)) { \
	in.set |= bit; in.member = k->in[f].buf; } } while (0)
	TEXT(F_CALLER, CALL_F_CALLER, caller_name);
	TEXT(F_OFFICE, CALL_F_OFFICE, caller_office);
	TEXT(F_PHONE, CALL_F_PHONE, phone);
	TEXT(F_EMAIL, CALL_F_EMAIL, email);
	TEXT(F_OUTCOME, CALL_F_OUTCOME, outcome);
	if (k->append_notes) {
		if (k->in[F_NOTES].len) {
			snprintf(notes, sizeof notes, "%s\n%s", k->orig.notes, k->in[F_NOTES].buf);
			in.set |= CALL_F_NOTES;
			in.notes = notes;
		}
	} else {
		TEXT(F_NOTES, CALL_F_NOTES, notes);
	}
#undef TEXT
	if (CHANGED(F_CALLBACK) && (k->editing || cb)) {
		in.set |= CALL_F_CALLBACK;
		in.callback_due = cb;
	}
#undef CHANGED
	if (!k->editing || k->cat != k->init_cat) {
		in.set |= CALL_F_CATEGORY;
		in.category = k->cats.v[k->cat].name;
	}
	if (!k->editing || k->dir != k->init_dir) {
		in.set |= CALL_F_DIRECTION;
		in.direction = (enum call_direction)k->dir;
	}
	if (k->editing ? k->state != k->init_state : k->state > 0) {
		in.set |= CALL_F_STATE;
		in.state = (enum call_state)(k->state - (k->editing ? 0 : 1));
	}
	if (k->editing) {
		if (!in.set) {
			app_msg(app, MSG_INFO, "%s", _("nothing changed"));
			return leave(app, k);
		}
		in.expect_version = k->orig.version;
		if (calls_update(app->ctx, k->orig.id, &in, &changed))
			return core_error(app, k);
		app_msg(app, MSG_OK, _("call %.8s saved"), k->orig.id);
		return leave(app, k);
	}
	in.set |= CALL_F_RESPONDENT | CALL_F_STARTED | CALL_F_ENDED;
	in.respondent = k->respondent[0] ? k->respondent : NULL;
	in.started = k->s.started;
	in.ended = cn_now(app->ctx) >= k->s.started ? cn_now(app->ctx) : k->s.started;
	if (k->s.follows[0]) {
		in.set |= CALL_F_FOLLOWS;
		in.follows = k->s.follows;
	}
	if (calls_add(app->ctx, &in, id))
		return core_error(app, k);
	app_msg(app, MSG_OK, _("call saved: %s, %s (%.8s)"), k->who, k->cats.v[k->cat].label, id);
	return leave(app, k);
}

static int discard(struct app *app, void *arg)
{
	struct view_inst *v = app_top(app);
	if (v && v->st == arg) {
		app_msg(app, MSG_INFO, "%s", _("not saved"));
		app_pop(app);
	}
	return R_REDRAW;
}

/* A letter moves to the next category whose label starts with it. */
static int category_letter(struct cform *k, int c)
{
	char typed[8] = {0};
	int n = (int)k->cats.n;
	tui_utf8(c, typed);
	char *ft = text_fold(typed);
	int found = 0;
	for (int step = 1; ft && *ft && step <= n && !found; step++) {
		int i = (k->cat + step + n) % n;
		char *fl = text_fold(k->cats.v[i].label);
		if (fl && !strncmp(fl, ft, strlen(ft))) {
			k->cat = i;
			found = 1;
		}
		free(fl);
	}
	free(ft);
	return found;
}

static int pick_key(struct cform *k, int key)
{
	int c = tui_key_char(key), *v, n;
	if (k->focus == F_CATEGORY) {
		v = &k->cat;
		n = (int)k->cats.n;
		if (c >= '1' && c <= '9') {
			if (c - '1' < n)
				k->cat = c - '1';
			return 1;
		}
		if (c && isalpha(c < 128 ? c : 'a') && c != ' ')
			return category_letter(k, c) || 1;
	} else if (k->focus == F_DIRECTION) {
		v = &k->dir;
		n = 2;
	} else {
		v = &k->state;
		n = nstates(k);
	}
	if (!n)
		return 0;
	switch (action_in_scope(SCOPE_pick, key)) {
	case ACT_PICK_NEXT:
		*v = (*v + 1 + n) % n;
		break;
	case ACT_PICK_PREV:
		*v = *v < 0 ? n - 1 : (*v + n - 1) % n;
		break;
	default:
		return 0;
	}
	return 1;
}

static void move_focus(struct app *app, struct cform *k, int to)
{
	update_notes(app, k, k->focus);
	k->focus = (to + F_COUNT) % F_COUNT;
}

static int form_key_view(struct app *app, void *st, int key, int action)
{
	struct cform *k = st;

	switch (action_in_scope(SCOPE_form, key)) {
	case ACT_FORM_SAVE:
		return save(app, k);
	case ACT_FORM_CANCEL:
		if (!modified(k) && k->editing)
			return discard(app, k);
		return box_confirm(app, k->editing ? _("Discard changes") : _("Discard the call"),
				   k->editing ? _("Leave without saving the changes?")
					      : _("The call is not saved. Leave it unsaved?"),
				   discard, k, NULL);
	case ACT_FORM_ENTER:
		if (k->focus == F_COUNT - 1)
			return save(app, k);
		/* fall through */
	case ACT_FORM_NEXT:
		move_focus(app, k, k->focus + 1);
		return R_REDRAW;
	case ACT_FORM_PREV:
		move_focus(app, k, k->focus - 1);
		return R_REDRAW;
	}
	if (is_pick(k->focus)) {
		if (pick_key(k, key)) {
			k->err[k->focus][0] = '\0';
			return R_REDRAW;
		}
		return action != ACT_NONE ? R_PASS : R_NONE;
	}
	if (input_key(&k->in[k->focus], key)) {
		k->err[k->focus][0] = '\0';
		if (k->focus == F_PHONE || k->focus == F_CALLBACK)
			update_notes(app, k, k->focus);
		return R_REDRAW;
	}
	return action == ACT_HELP ? R_PASS : R_NONE;
}

static int form_unsaved_view(struct app *app, void *st)
{
	struct cform *k = st;
	(void)app;
	return !k->editing || modified(k);
}

/* ---- the draft kept when the terminal closes on a new call ---- */

/* Field names in the draft file: fixed, never translated. */
static const char *const draft_keys[F_COUNT] = {
	"category", "notes", "outcome", "callback", "caller", "office", "phone",
	"email", "direction", "state",
};

static void form_hangup_view(struct app *app, void *st)
{
	struct cform *k = st;
	struct draft d = {0};
	char arg[512], num[16];
	int rc;

	if (k->editing)
		return; /* the call is saved; only its changes would be lost */
	calls_ui_form_arg(&k->s, arg, sizeof arg);
	rc = draft_set(&d, "arg", arg);
	for (int f = 0; f < F_COUNT && !rc; f++) {
		if (f == F_CATEGORY) {
			rc = draft_set(&d, draft_keys[f], k->cat >= 0 ? k->cats.v[k->cat].name : "");
		} else if (is_pick(f)) {
			snprintf(num, sizeof num, "%d", f == F_DIRECTION ? k->dir : k->state);
			rc = draft_set(&d, draft_keys[f], num);
		} else {
			rc = draft_set(&d, draft_keys[f], k->in[f].buf);
		}
	}
	if (!rc)
		draft_save(app->ctx, "call", &d);
	draft_free(&d);
}

int calls_ui_restore_draft(struct app *app)
{
	struct draft d;
	struct view_inst *v;
	struct cform *k;
	const char *arg, *s;

	if (draft_load(app->ctx, "call", &d))
		return R_NONE;
	arg = draft_get(&d, "arg");
	if (!arg || app_push(app, &view_call_form, arg) || !(v = app_top(app)) || v->ops != &view_call_form) {
		draft_free(&d); /* kept on disk: nothing is thrown away */
		return R_REDRAW;
	}
	k = v->st;
	for (int f = 0; f < F_COUNT; f++) {
		if (!(s = draft_get(&d, draft_keys[f])))
			continue;
		if (f == F_CATEGORY)
			k->cat = find_category(k, s);
		else if (f == F_DIRECTION)
			k->dir = atoi(s) == 1;
		else if (f == F_STATE)
			k->state = atoi(s) >= 0 && atoi(s) < nstates(k) ? atoi(s) : 0;
		else
			input_set(&k->in[f], s);
	}
	update_notes(app, k, F_PHONE);
	update_notes(app, k, F_CALLBACK);
	k->focus = k->cat >= 0 ? F_NOTES : F_CATEGORY;
	draft_discard(app->ctx, "call");
	draft_free(&d);
	app_msg(app, MSG_WARN, "%s", _("The terminal closed during this call: its form is back as it was (F2 saves it)"));
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
	.open = form_open_view,
	.close = form_close_view,
	.draw = form_draw_view,
	.key = form_key_view,
	.unsaved = form_unsaved_view,
	.title_of = form_title,
	.hangup = form_hangup_view,
};
