/* Access codes on screen: the issue form, the large code box with its
 * spelling, reveal, revoke and "whose code is this?". Core calls only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/campaign.h"
#include "centralino/clock.h"
#include "centralino/code.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"
#include "codes_ui.h"

/* ---- the large code box ---- */

struct code_box {
	char title[300];
	char spaced[CODE_BUFSZ * 3];  /* "K F D N   T 6 R R   U A M 8   5" */
	struct cn_buf spelling;
	char note[400];
};


static int box_lines(const char *text, int width)
{
	return *text ? tui_wrap(text, width, NULL, NULL) : 0;
}

struct paint {
	struct app *app;
	int y, x, w;
	attr_t attr;
};

static void paint_line(void *arg, int i, const char *s, size_t n)
{
	struct paint *p = arg;
	char line[512];
	snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1), s);
	tui_put(p->y + i, p->x, p->w, line, ALIGN_LEFT, p->attr);
}

static void code_box_draw(struct app *app, void *st)
{
	struct code_box *b = st;
	int w = app->cols - 4 < 78 ? app->cols - 4 : 78, inner = w - 6;
	int nspell = box_lines(buf_str(&b->spelling), inner), nnote = box_lines(b->note, inner);
	int h = 6 + nspell + (nnote ? nnote + 1 : 0);
	struct rect r = box_center(app, h, w);
	struct paint p = {app, 0, r.x + 3, inner, A_NORMAL};

	tui_frame(app, r, b->title);
	tui_put(r.y + 2, r.x + 3, inner, b->spaced, ALIGN_CENTER, tui_attr(app, TA_ACCENT) | A_BOLD);
	p.y = r.y + 4;
	tui_wrap(buf_str(&b->spelling), inner, paint_line, &p);
	if (nnote) {
		p.y = r.y + 5 + nspell;
		p.attr = tui_attr(app, TA_MUTED);
		tui_wrap(b->note, inner, paint_line, &p);
	}
}

static int code_box_key(struct app *app, void *st, int key)
{
	if (action_in_scope(&app->keymap, SCOPE_global, key) == ACT_QUIT && !tui_key_char(key))
		return R_PASS;
	app_close_layer(app, st);
	return R_REDRAW;
}

static void code_box_close(struct app *app, void *st)
{
	struct code_box *b = st;
	(void)app;
	buf_free(&b->spelling);
	free(b);
}

static const struct layer_ops code_box_ops = {
	.draw = code_box_draw, .key = code_box_key, .close = code_box_close, .scope = SCOPE_message,
};

int codes_ui_box(struct app *app, const char *title, const char *code, const char *note)
{
	struct code_box *b = xcalloc(1, sizeof *b);
	size_t o = 0;
	snprintf(b->title, sizeof b->title, "%s", title);
	snprintf(b->note, sizeof b->note, "%s", note ? note : "");
	for (size_t i = 0; code[i] && o + 4 < sizeof b->spaced; i++) {
		if (i) {
			b->spaced[o++] = ' ';
			if (i % 4 == 0) {
				b->spaced[o++] = ' ';
				b->spaced[o++] = ' ';
			}
		}
		b->spaced[o++] = code[i];
	}
	b->spaced[o] = '\0';
	code_spell(code, &b->spelling);
	if (app_push_layer(app, &code_box_ops, b)) {
		code_box_close(app, b);
		return R_NONE;
	}
	return R_REDRAW;
}

/* ---- issue / re-issue ---- */

struct issue_arg {
	char campaign[41];
	char respondent[RESPONDENT_ID_BUFSZ];
	char name[256];
	int reissue;
};

enum { F_CALLER, F_OFFICE, F_PHONE, F_METHOD, F_OTHER, F_SAVE, F_REASON };

/* In the order of code_verified_methods (altro last). */
const char *codes_ui_method_label(int i)
{
	static const char *const labels[] = {
		N_("called back the switchboard"), N_("known referent"), N_("request by PEC"), N_("other (say how)"),
	};
	return _(labels[i]);
}

static int issue_submit(struct app *app, struct form *f, void *arg)
{
	struct issue_arg *a = arg;
	struct code_issue_req req = {0};
	struct code_issued out;
	char method[300], title[400], note[400];
	int m = form_choice(f, F_METHOD), rc;

	if (m < 0) {
		/* never assumed: an unchecked caller must not be recorded as checked */
		form_error(f, F_METHOD, _("how was the caller checked? choose one"));
		return R_KEEP;
	}
	if (code_verified_methods[m] && strcmp(code_verified_methods[m], "altro:") == 0) {
		if (!*form_text(f, F_OTHER)) {
			form_error(f, F_OTHER, _("say how the caller was checked"));
			return R_KEEP;
		}
		snprintf(method, sizeof method, "altro:%s", form_text(f, F_OTHER));
	} else {
		snprintf(method, sizeof method, "%s", code_verified_methods[m]);
	}
	req.campaign_key = a->campaign;
	req.respondent = a->respondent;
	req.caller_name = form_text(f, F_CALLER);
	req.caller_office = form_text(f, F_OFFICE);
	req.caller_phone = form_text(f, F_PHONE);
	req.verified = method;
	req.save_contact = form_choice(f, F_SAVE) == 0;
	req.reissue = a->reissue;
	req.reason = a->reissue ? form_text(f, F_REASON) : NULL;
	rc = code_issue(app->ctx, &req, &out);
	if (rc == CN_ENOPERM) {
		code_issued_free(&out);
		return app_error(app);
	}
	if (rc) {
		code_issued_free(&out);
		return form_core_error(app, f) | R_KEEP;
	}
	snprintf(title, sizeof title, _("Access code for %s — %s"), out.respondent_name, a->campaign);
	note[0] = '\0';
	if (out.revoked[0]) {
		char g[CODE_GROUPED_BUFSZ];
		code_group(out.revoked, g, sizeof g);
		snprintf(note, sizeof note, _("The previous code %s is revoked. "), g);
	}
	if (out.upload_needed)
		snprintf(note + strlen(note), sizeof note - strlen(note), "%s",
			 _("LimeSurvey does not know this code yet: it goes with the next participants export."));
	app_msg(app, MSG_OK, _("code given to %s for %s"), req.caller_name, out.respondent_name);
	codes_ui_box(app, title, out.code, note);
	code_issued_free(&out);
	return R_DATA;
}

int codes_ui_issue(struct app *app, const char *campaign_key, const char *respondent_id,
		   const char *respondent_name, int reissue)
{
	/* the form copies its choices: translated here, for this form only */
	const char *methods[4] = {codes_ui_method_label(0), codes_ui_method_label(1), codes_ui_method_label(2),
				  codes_ui_method_label(3)};
	const char *yes_no[2] = {_("yes"), _("no")};
	struct form_field fields[] = {
		[F_CALLER] = {.kind = FIELD_TEXT, .label = N_("Caller"), .max = 200, .required = 1, .note = N_("name and surname"), .name = "caller_name"},
		[F_OFFICE] = {.kind = FIELD_TEXT, .label = N_("Office"), .max = 200, .required = 1, .name = "caller_office"},
		[F_PHONE] = {.kind = FIELD_TEXT, .label = N_("Phone"), .max = 40, .required = 1, .note = N_("where the caller can be reached"), .name = "caller_phone"},
		[F_METHOD] = {.kind = FIELD_PICK, .label = N_("Checked by"), .choices = methods, .nchoices = 4, .initial_choice = -1, .digits = 1, .note = N_("no default: pick how the caller was checked")},
		[F_OTHER] = {.kind = FIELD_TEXT, .label = N_("How"), .max = 200, .note = N_("only for \"other\""), .name = "verified"},
		[F_SAVE] = {.kind = FIELD_PICK, .label = N_("Save as contacts"), .choices = yes_no, .nchoices = 2, .note = N_("caller, office and phone")},
		[F_REASON] = {.kind = FIELD_TEXT, .label = N_("Reason"), .max = 300, .required = 1, .note = N_("why the old code is replaced"), .name = "reason"},
	};
	struct form_spec spec = {.fields = fields, .nfields = reissue ? 7 : 6, .submit = issue_submit, .free_arg = free};
	struct issue_arg *a;
	char title[400];

	if (cn_require(app->ctx, CN_ROLE_OPERATORE, _("issue access codes")))
		return app_error(app);
	a = xcalloc(1, sizeof *a);
	snprintf(a->campaign, sizeof a->campaign, "%s", campaign_key);
	snprintf(a->respondent, sizeof a->respondent, "%s", respondent_id);
	snprintf(a->name, sizeof a->name, "%s", respondent_name);
	a->reissue = reissue;
	snprintf(title, sizeof title, reissue ? _("New code for %s (the old one is revoked) — %s")
					      : _("Access code for %s — %s"), respondent_name, campaign_key);
	spec.title = title;
	spec.arg = a;
	return form_open(app, &spec);
}

/* ---- reveal ---- */

int codes_ui_reveal(struct app *app, const char *campaign_key, const char *respondent_id)
{
	struct code_info info;
	char title[400], note[600], when[17] = "";
	time_t t;

	if (code_reveal(app->ctx, campaign_key, respondent_id, &info))
		return app_error(app);
	snprintf(title, sizeof title, _("Access code for %s — %s"), info.respondent_name, campaign_key);
	if (info.given_at[0] && cn_parse_time(info.given_at, &t) == 0) {
		cn_fmt_display(t, when);
		snprintf(note, sizeof note, _("Given by %s on %s to %s (%s). Shown to you now: recorded in the audit log."),
			 info.given_by, when, info.caller_name, code_verified_text(info.verified));
	} else {
		snprintf(note, sizeof note, "%s", _("Made in bulk, not yet given to anyone. Shown to you now: recorded in the audit log."));
	}
	codes_ui_box(app, title, info.code, note);
	code_info_free(&info);
	return R_REDRAW;
}

/* ---- revoke ---- */

struct revoke_arg {
	char campaign[41];
	char respondent[RESPONDENT_ID_BUFSZ];
};

static int revoke_submit(struct app *app, struct form *f, void *arg)
{
	struct revoke_arg *a = arg;
	struct code_info info;
	int rc = code_revoke_active(app->ctx, a->campaign, a->respondent, form_text(f, 0), &info);
	if (rc == CN_ENOPERM)
		return app_error(app);
	if (rc)
		return form_core_error(app, f) | R_KEEP;
	app_msg(app, MSG_OK, _("the code of %s for %s is revoked"), info.respondent_name, a->campaign);
	code_info_free(&info);
	return R_DATA;
}

int codes_ui_revoke(struct app *app, const char *campaign_key, const char *respondent_id,
		    const char *respondent_name)
{
	struct form_field field = {.kind = FIELD_TEXT, .label = N_("Reason"), .max = 300, .required = 1, .note = N_("the code stops working at once"), .name = "reason"};
	struct form_spec spec = {.fields = &field, .nfields = 1, .submit = revoke_submit, .free_arg = free};
	struct revoke_arg *a;
	char title[400];

	if (cn_require(app->ctx, CN_ROLE_SUPERVISORE, _("revoke access codes")))
		return app_error(app);
	a = xcalloc(1, sizeof *a);
	snprintf(a->campaign, sizeof a->campaign, "%s", campaign_key);
	snprintf(a->respondent, sizeof a->respondent, "%s", respondent_id);
	snprintf(title, sizeof title, _("Revoke the code of %s — %s"), respondent_name, campaign_key);
	spec.title = title;
	spec.arg = a;
	return form_open(app, &spec);
}

/* ---- whose code is this? ---- */

static void describe(struct cn_buf *b, const struct code_info *c)
{
	char g[CODE_GROUPED_BUFSZ], when[17] = "";
	time_t t;
	buf_printf(b, _("%s  %s (%s), campaign %s: %s\n"), code_info_shown(c, g, sizeof g), c->respondent_name, c->respondent_id,
		   c->campaign_key, strcmp(c->state, "active") == 0 ? _("active") : _("revoked"));
	if (c->given_at[0] && cn_parse_time(c->given_at, &t) == 0) {
		cn_fmt_display(t, when);
		buf_printf(b, _("    given by %s on %s to %s, %s\n"), c->given_by, when, c->caller_name, c->caller_office);
	} else if (!c->given_at[0]) {
		buf_printf(b, "    %s\n", _("made in bulk, not yet given to anyone"));
	}
	if (c->revoked_at[0] && cn_parse_time(c->revoked_at, &t) == 0) {
		cn_fmt_display(t, when);
		buf_printf(b, _("    revoked by %s on %s: %s\n"), c->revoked_by, when, c->revoke_reason);
	}
}

static int find_submit(struct app *app, struct form *f, void *arg)
{
	(void)arg;
	return codes_ui_find(app, form_text(f, 0));
}

int codes_ui_find(struct app *app, const char *text)
{
	struct code_find_result r;
	struct cn_buf b = {0};
	const struct code_typed *t = &r.typed;
	int rx;

	if (!text || !*text) {
		struct form_field field = {.kind = FIELD_TEXT, .label = N_("Code"), .max = 80, .required = 1, .note = N_("as the caller reads it: any case, spaces and hyphens ignored")};
		struct form_spec spec = {.title = N_("Whose code is this?"), .fields = &field, .nfields = 1, .submit = find_submit};
		return form_open(app, &spec);
	}
	if (code_find(app->ctx, text, &r))
		return app_error(app);
	switch (t->state) {
	case CODE_TYPED_INVALID:
		if (t->bad && (unsigned char)t->bad < 0x80 && t->nlookalike <= 2)
			buf_printf(&b, _("'%c' is never part of a code (symbols: %s)."), t->bad, CODE_ALPHABET);
		else if (t->nlookalike > 2)
			buf_printf(&b, "%s", _("Too many of 0 O 1 I L, which are never part of a code: read it again."));
		else if (t->bad)
			buf_printf(&b, _("Only letters and digits are part of a code (symbols: %s)."), CODE_ALPHABET);
		else
			buf_printf(&b, ngettext("%zu symbol: a code has %d to %d.", "%zu symbols: a code has %d to %d.",
						(unsigned long)t->len),
				   t->len, CODE_MIN_LENGTH + 1, CODE_MAX_LENGTH + 1);
		break;
	case CODE_TYPED_OK:
		if (!code_find_is_exact(&r)) {
			char g[CODE_GROUPED_BUFSZ];
			code_group(t->norm, g, sizeof g);
			buf_printf(&b, _("%s is a well-formed code, but not one given by this desk."), g);
			if (r.n)
				buf_puts(&b, "\n");
		}
		break;
	case CODE_TYPED_LOOKALIKE:
		for (int i = 0; i < t->nlookalike; i++)
			buf_printf(&b, _("'%c' at place %zu is never part of a code (no 0 O 1 I L): probably mistyped.\n"),
				   t->norm[t->lookalike_at[i]], t->lookalike_at[i] + 1);
		break;
	case CODE_TYPED_MISTYPED:
		buf_printf(&b, _("%s fails its check symbol: probably mistyped.\n"), t->norm);
		break;
	}
	if (t->state == CODE_TYPED_LOOKALIKE || t->state == CODE_TYPED_MISTYPED ||
	    (t->state == CODE_TYPED_OK && r.n && !code_find_is_exact(&r)))
		buf_printf(&b, "%s\n", r.n ? _("Codes one slip away:")
					   : _("No code given by this desk is one slip away from it: read it again."));
	for (size_t i = 0; i < r.n; i++) {
		if (r.v[i].how == CODE_SLIP)
			buf_printf(&b, "(%s)\n", code_repair_text(r.v[i].how));
		else if (r.v[i].how != CODE_EXACT)
			buf_printf(&b, _("(%s, place %zu)\n"), code_repair_text(r.v[i].how), r.v[i].pos + 1);
		describe(&b, &r.v[i].info);
	}
	rx = box_message(app, _("Whose code is this?"), buf_str(&b));
	buf_free(&b);
	code_find_result_free(&r);
	return rx;
}
