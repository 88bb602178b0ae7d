/* The Campaigns screen: every campaign with its dates, respondents and how
 * far it has got; Enter opens its dashboard. Admins create ('a') and change
 * ('e') campaigns through a form; the core checks the role again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/campaign.h"
#include "centralino/clock.h"
#include "centralino/numfmt.h"
#include "centralino/text.h"
#include "widget.h"

struct camp_view {
	struct campaigns l;
	struct list list;
	char target[41];     /* the campaign a form acts on, or the new one */
	int off;             /* 1 in the change form, which has no Key field */
};

/* The respondent kinds a campaign can ask, as the pick list offers them. */
static const char *const kind_choices[] = {
	"comune", "comune,ambito", "comune,ambito,regione", "comune,regione",
	"ambito", "ambito,regione", "regione",
};
#define NKINDS (sizeof kind_choices / sizeof kind_choices[0])

static void load(struct app *app, struct camp_view *v, const char *keep)
{
	campaigns_free(&v->l);
	if (campaign_list(app->ctx, &v->l)) {
		app_error(app);
		memset(&v->l, 0, sizeof v->l);
	}
	list_reset(&v->list, (int)v->l.n);
	for (size_t i = 0; keep && *keep && i < v->l.n; i++)
		if (strcmp(v->l.v[i].key, keep) == 0)
			list_select(&v->list, (int)i);
}

static const struct campaign *selected(struct camp_view *v)
{
	return v->list.sel >= 0 && (size_t)v->list.sel < v->l.n ? &v->l.v[v->list.sel] : NULL;
}

/* arg: the key of the campaign to select (const char *), or NULL. */
static int camp_open(struct app *app, void *st, const void *arg)
{
	if (screen_require(app, CN_ROLE_SUPERVISORE, _("read the campaigns")))
		return -1;
	load(app, st, arg);
	return 0;
}

static void camp_close(struct app *app, void *st)
{
	struct camp_view *v = st;
	(void)app;
	campaigns_free(&v->l);
}

struct ccols {
	int key, name, dates, phase, kinds, resp, pct;
};

/* The key column as wide as the longest key (up to 24): a key is typed
 * elsewhere, so it is never cut short when the screen allows; dates always
 * with the four-digit year; the counts of respondents only when wide. */
static struct ccols layout(const struct camp_view *v, int w)
{
	struct ccols c = {.key = text_width(_("Key")), .dates = 23, .phase = 9, .kinds = 21, .resp = 7, .pct = 6};
	for (size_t i = 0; i < v->l.n; i++)
		if (text_width(v->l.v[i].key) > c.key)
			c.key = text_width(v->l.v[i].key);
	if (c.key > 24)
		c.key = 24;
	if (w < 110)
		c.kinds = 0;
	if (w < 100)
		c.resp = 0;
	c.name = w - c.key - c.dates - c.phase - c.kinds - c.resp - c.pct - 6 - (c.kinds ? 1 : 0) -
		 (c.resp ? 1 : 0);
	if (c.name < 10)
		c.name = 10;
	return c;
}

static void row(struct app *app, void *arg, int i, int y, int x, int w, int sel)
{
	struct camp_view *v = arg;
	const struct campaign *c = &v->l.v[i];
	struct ccols k = layout(v, w);
	attr_t base = sel ? tui_attr(app, TA_SELECTED) : A_NORMAL;
	char dates[40], a[11], b[11], kinds[40], n[NUMFMT_LEN], p[NUMFMT_LEN];
	long denom = c->respondents - c->by_status[4];

	tui_fill(y, x, w, ' ', base);
	x += 1;
	tui_put(y, x, k.key, c->key, ALIGN_LEFT, base | (sel ? 0 : A_BOLD));
	x += k.key + 1;
	tui_put(y, x, k.name, c->name, ALIGN_LEFT, base);
	x += k.name + 1;
	cn_date_display(c->opens_on, a);
	cn_date_display(c->deadline, b);
	snprintf(dates, sizeof dates, "%s → %s", a, b);
	tui_put(y, x, k.dates, dates, ALIGN_LEFT, base);
	x += k.dates + 1;
	tui_put(y, x, k.phase, campaign_phase_label(c->phase), ALIGN_LEFT,
		base | (c->phase == CAMPAIGN_OPEN ? tui_attr(app, TA_OK) : tui_attr(app, TA_MUTED)));
	x += k.phase + 1;
	if (k.kinds) {
		campaign_kinds_format(c->kinds, kinds, sizeof kinds);
		if (!c->uses_codes)
			snprintf(kinds + strlen(kinds), sizeof kinds - strlen(kinds), " %s", _("(no codes)"));
		tui_put(y, x, k.kinds, kinds, ALIGN_LEFT, base);
		x += k.kinds + 1;
	}
	if (k.resp) {
		tui_put(y, x, k.resp, numfmt_int(c->respondents, n, sizeof n), ALIGN_RIGHT, base);
		x += k.resp + 1;
	}
	tui_put(y, x, k.pct, numfmt_pct(denom > 0 ? 100.0 * (double)c->by_status[3] / (double)denom : -1, 1, p, sizeof p),
		ALIGN_RIGHT, base);
}

static void camp_draw(struct app *app, void *st, struct rect r)
{
	struct camp_view *v = st;
	struct ccols k = layout(v, r.w - 2);
	int x = r.x + 2;
	attr_t h = tui_attr(app, TA_HEADER);

	{
		char line[200], ko[32], ka[32], ke[32];
		action_key_label(&app->keymap, ACT_CAMPAIGNS_OPEN, ko, sizeof ko);
		action_key_label(&app->keymap, ACT_CAMPAIGN_ADD, ka, sizeof ka);
		action_key_label(&app->keymap, ACT_CAMPAIGN_EDIT, ke, sizeof ke);
		if (cn_may(app->ctx, CN_ROLE_ADMIN))
			snprintf(line, sizeof line, _("%s: the campaign's progress · %s: new campaign · %s: change it"),
				 ko, ka, ke);
		else
			snprintf(line, sizeof line, _("%s: the campaign's progress"), ko);
		tui_put(r.y + 1, r.x + 2, r.w - 4, line, ALIGN_LEFT, tui_attr(app, TA_MUTED));
	}
	tui_put(r.y + 3, x, k.key, _("Key"), ALIGN_LEFT, h);
	x += k.key + 1;
	tui_put(r.y + 3, x, k.name, _("Name"), ALIGN_LEFT, h);
	x += k.name + 1;
	tui_put(r.y + 3, x, k.dates, _("Opens → deadline"), ALIGN_LEFT, h);
	x += k.dates + 1;
	tui_put(r.y + 3, x, k.phase, _("Phase"), ALIGN_LEFT, h);
	x += k.phase + 1;
	if (k.kinds) {
		tui_put(r.y + 3, x, k.kinds, _("Respondents"), ALIGN_LEFT, h);
		x += k.kinds + 1;
	}
	if (k.resp) {
		tui_put(r.y + 3, x, k.resp, _("Resp."), ALIGN_RIGHT, h);
		x += k.resp + 1;
	}
	tui_put(r.y + 3, x, k.pct, _("Subm."), ALIGN_RIGHT, h);
	if (v->l.n) {
		struct rect lr = {r.y + 4, r.x + 1, r.h - 4, r.w - 2};
		list_draw(app, &v->list, lr, row, v);
	} else {
		tui_put(r.y + r.h / 3, r.x, r.w, _("No campaign yet"), ALIGN_CENTER, tui_attr(app, TA_MUTED));
	}
}

/* ---- the form ------------------------------------------------------------ */

enum { F_KEY, F_NAME, F_OPENS, F_DEADLINE, F_KINDS, F_SURVEY, F_CODES, F_N };

static int kinds_choice(unsigned kinds)
{
	char s[40];
	campaign_kinds_format(kinds, s, sizeof s);
	for (size_t i = 0; i < NKINDS; i++)
		if (strcmp(kind_choices[i], s) == 0)
			return (int)i;
	return 0;
}

/* A field of the open form (the change form starts at the name). */
#define FI(v, field) ((size_t)((field) - (v)->off))

/* The survey id field: "" = none, else a positive number. */
static int survey_value(struct camp_view *v, struct form *f, long *out)
{
	const char *s = form_text(f, FI(v, F_SURVEY));
	char *end;
	*out = 0;
	if (!*s)
		return 0;
	*out = strtol(s, &end, 10);
	if (*end || *out <= 0) {
		form_error(f, FI(v, F_SURVEY), _("a LimeSurvey survey number, or nothing"));
		return -1;
	}
	return 0;
}

static int add_submit(struct app *app, struct form *f, void *arg)
{
	struct camp_view *v = arg;
	struct campaign_new n = {0};
	unsigned kinds = 0;
	long respondents = 0, survey;
	int rc;

	if (survey_value(v, f, &survey))
		return R_KEEP;
	campaign_kinds_parse(kind_choices[form_choice(f, F_KINDS)], &kinds);
	n.key = form_text(f, F_KEY);
	n.name = form_text(f, F_NAME);
	n.opens_on = form_text(f, F_OPENS);
	n.deadline = form_text(f, F_DEADLINE);
	n.kinds = kinds;
	n.survey_id = survey;
	n.uses_codes = form_choice(f, F_CODES) == 0;
	if ((rc = campaign_add(app->ctx, &n, &respondents))) {
		if (rc == CN_ENOPERM)
			return app_error(app);
		return form_core_error(app, f) | R_KEEP;
	}
	snprintf(v->target, sizeof v->target, "%s", n.key);
	{
		char num[NUMFMT_LEN];
		app_msg(app, MSG_OK,
			ngettext("campaign %s created: %s respondent", "campaign %s created: %s respondents",
				 (unsigned long)respondents),
			n.key, numfmt_int(respondents, num, sizeof num));
	}
	return R_DATA;
}

static int edit_submit(struct app *app, struct form *f, void *arg)
{
	struct camp_view *v = arg;
	struct campaign c;
	struct campaign_change ch = {.survey_id = -1, .uses_codes = -1};
	unsigned kinds = 0;
	long added = 0, removed = 0, survey;
	int rc;

	if (survey_value(v, f, &survey))
		return R_KEEP;
	if (campaign_get(app->ctx, v->target, &c))
		return app_error(app);
	campaign_kinds_parse(kind_choices[form_choice(f, FI(v, F_KINDS))], &kinds);
	/* only what was changed, so the audit row says what changed */
	if (strcmp(form_text(f, FI(v, F_NAME)), c.name))
		ch.name = form_text(f, FI(v, F_NAME));
	ch.opens_on = form_text(f, FI(v, F_OPENS));
	ch.deadline = form_text(f, FI(v, F_DEADLINE));
	if (kinds != c.kinds)
		ch.kinds = kinds;
	if (survey != c.survey_id)
		ch.survey_id = survey;
	if ((form_choice(f, FI(v, F_CODES)) == 0) != (c.uses_codes != 0))
		ch.uses_codes = form_choice(f, FI(v, F_CODES)) == 0;
	if ((rc = campaign_set(app->ctx, v->target, &ch, &added, &removed))) {
		if (rc == CN_ENOPERM)
			return app_error(app);
		return form_core_error(app, f) | R_KEEP;
	}
	if (added || removed) {
		char n1[NUMFMT_LEN], n2[NUMFMT_LEN];
		app_msg(app, MSG_OK, _("campaign %s changed: %s respondents added, %s removed"), v->target,
			numfmt_int(added, n1, sizeof n1), numfmt_int(removed, n2, sizeof n2));
	} else
		app_msg(app, MSG_OK, _("campaign %s changed"), v->target);
	return R_DATA;
}

static int open_form(struct app *app, struct camp_view *v, const struct campaign *c)
{
	/* the form copies its choices: translated here, for this form only */
	const char *yes_no[2] = {_("yes"), _("no")};
	struct form_field fields[F_N] = {
		[F_KEY] = {.kind = FIELD_TEXT, .label = N_("Key"), .max = 40, .required = 1, .note = N_("lower-case letters, digits, - and _ (e.g. famiglia-2019)"), .name = "key"},
		[F_NAME] = {.kind = FIELD_TEXT, .label = N_("Name"), .max = 200, .required = 1, .name = "name"},
		[F_OPENS] = {.kind = FIELD_TEXT, .label = N_("Opens on"), .max = 20, .required = 1, .note = N_("DD/MM/YYYY or YYYY-MM-DD"), .name = "opens_on"},
		[F_DEADLINE] = {.kind = FIELD_TEXT, .label = N_("Deadline"), .max = 20, .required = 1, .note = N_("DD/MM/YYYY or YYYY-MM-DD"), .name = "deadline"},
		[F_KINDS] = {.kind = FIELD_PICK, .label = N_("Respondents"), .choices = kind_choices, .nchoices = NKINDS, .note = N_("who the campaign asks"), .name = "kinds"},
		[F_SURVEY] = {.kind = FIELD_TEXT, .label = N_("LimeSurvey survey"), .max = 12, .note = N_("its number, or nothing"), .name = "survey_id"},
		[F_CODES] = {.kind = FIELD_PICK, .label = N_("Access codes"), .choices = yes_no, .nchoices = 2, .note = N_("no: answers come from an open form (status import --generic)"), .name = "uses_codes"},
	};
	char opens[11], deadline[11], survey[24] = "", today[11];
	struct form_spec spec = {.title = N_("New campaign"), .fields = fields, .nfields = F_N, .submit = add_submit, .arg = v};

	v->off = c ? 1 : 0;
	if (!c) {
		cn_fmt_day(cn_now(app->ctx), today);
		fields[F_OPENS].initial = today;
		return form_open(app, &spec);
	}
	/* editing: the key stays */
	snprintf(v->target, sizeof v->target, "%s", c->key);
	cn_date_display(c->opens_on, opens);
	cn_date_display(c->deadline, deadline);
	if (c->survey_id > 0)
		snprintf(survey, sizeof survey, "%ld", c->survey_id);
	fields[F_NAME].initial = c->name;
	fields[F_OPENS].initial = opens;
	fields[F_DEADLINE].initial = deadline;
	fields[F_KINDS].initial_choice = kinds_choice(c->kinds);
	fields[F_SURVEY].initial = survey;
	fields[F_CODES].initial_choice = c->uses_codes ? 0 : 1;
	spec.title = N_("Change campaign");
	spec.fields = fields + 1;
	spec.nfields = F_N - 1;
	spec.submit = edit_submit;
	return form_open(app, &spec);
}

static int camp_key(struct app *app, void *st, int key, int action)
{
	struct camp_view *v = st;
	const struct campaign *c = selected(v);
	(void)key;

	if (list_move(&v->list, action))
		return R_REDRAW;
	switch (action) {
	case ACT_CAMPAIGNS_OPEN:
		if (!c)
			return R_NONE;
		app_push(app, &view_dashboard, c->key);
		return R_REDRAW;
	case ACT_CAMPAIGN_ADD:
		v->target[0] = '\0';
		return open_form(app, v, NULL);
	case ACT_CAMPAIGN_EDIT:
		return c ? open_form(app, v, c) : R_NONE;
	}
	return R_PASS;
}

static void camp_reload(struct app *app, void *st)
{
	struct camp_view *v = st;
	char keep[41];
	const struct campaign *c = selected(v);
	snprintf(keep, sizeof keep, "%s", v->target[0] ? v->target : c ? c->key : "");
	load(app, v, keep);
}

const struct view_ops view_campaigns = {
	.name = "campaigns",
	.title = N_("Campaigns"),
	.state_size = sizeof(struct camp_view),
	.open = camp_open,
	.close = camp_close,
	.draw = camp_draw,
	.key = camp_key,
	.reload = camp_reload,
};

/* ":campaigns" */
int tcmd_campaigns(struct app *app, const char *args)
{
	app_push(app, &view_campaigns, args);
	return R_REDRAW;
}
