/* The supervisor's and administrator's batch work from the ':' line, with
 * the count first and a confirmation: codes generated for a campaign
 * (:generate), the LimeSurvey participants file (:export), a backup
 * (:backup), call categories (:category). The same core calls, checks and
 * messages as `code generate`, `code export`, `backup`, `call category`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/calls.h"
#include "centralino/code.h"
#include "centralino/limesurvey.h"
#include "centralino/maint.h"
#include "centralino/numfmt.h"
#include "centralino/preview.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"
#include "widget.h"

struct batch {
	char campaign[64];
	char file[4096];
	long n;
	struct limesurvey_export_summary ex;
	struct cn_buf csv;
};

static void batch_free(void *arg)
{
	struct batch *b = arg;
	limesurvey_export_summary_free(&b->ex);
	buf_free(&b->csv);
	free(b);
}

/* ---- :generate CAMPAIGN ---- */

static int generate_run(struct cn_ctx *ctx, void *arg)
{
	struct batch *b = arg;
	return code_generate_all(ctx, b->campaign, &b->n);
}

static int generate_now(struct app *app, void *arg)
{
	struct batch *b = arg;
	char n[NUMFMT_LEN];
	if (generate_run(app->ctx, b))
		return app_error(app);
	app_msg(app, MSG_OK, ngettext("%s code generated for campaign %s", "%s codes generated for campaign %s",
				      (unsigned long)b->n), numfmt_int(b->n, n, sizeof n), b->campaign);
	return R_REDRAW;
}

int tcmd_generate(struct app *app, const char *args)
{
	struct batch *b = xcalloc(1, sizeof *b);
	struct preview pv;
	char n[NUMFMT_LEN], text[400];

	if (sscanf(args, "%63s", b->campaign) != 1) {
		app_msg(app, MSG_WARN, "%s", _("usage: :generate CAMPAIGN"));
		batch_free(b);
		return R_REDRAW;
	}
	/* the count is what the generation itself does, rolled back */
	if (preview_import(app->ctx, PREVIEW_STATUSES, b->campaign, generate_run, b, &pv)) {
		batch_free(b);
		return app_error(app);
	}
	preview_free(&pv);
	if (!b->n) {
		app_msg(app, MSG_INFO, _("every respondent of campaign %s has a code already"), b->campaign);
		batch_free(b);
		return R_REDRAW;
	}
	snprintf(text, sizeof text, ngettext("%s respondent of campaign %s has no access code. Generate it now?",
					     "%s respondents of campaign %s have no access code. Generate them now?",
					     (unsigned long)b->n), numfmt_int(b->n, n, sizeof n), b->campaign);
	return box_confirm(app, _("Generate access codes"), text, generate_now, b, batch_free);
}

/* ---- :export CAMPAIGN FILE ---- */

static int export_run(struct cn_ctx *ctx, void *arg)
{
	struct batch *b = arg;
	limesurvey_export_summary_free(&b->ex);
	buf_free(&b->csv);
	return limesurvey_export(ctx, b->campaign, &b->csv, &b->ex);
}

static int export_now(struct app *app, void *arg)
{
	struct batch *b = arg;
	char n[NUMFMT_LEN], err[sizeof b->file + 300];

	if (export_run(app->ctx, b))
		return app_error(app);
	/* 0600 and the person's own: it holds every code */
	if (text_save_file(b->file, buf_str(&b->csv), b->csv.len, 1, err, sizeof err))
		app_msg(app, MSG_ERROR, "%s", err);
	else
		app_msg(app, MSG_OK, ngettext("%s: %s participant of campaign %s for LimeSurvey",
					      "%s: %s participants of campaign %s for LimeSurvey", (unsigned long)b->ex.rows),
			b->file, numfmt_int(b->ex.rows, n, sizeof n), b->campaign);
	return R_REDRAW;
}

int tcmd_export(struct app *app, const char *args)
{
	struct batch *b = xcalloc(1, sizeof *b);
	struct preview pv;
	char n1[NUMFMT_LEN], n2[NUMFMT_LEN], text[600];
	int at = 0;

	if (sscanf(args, "%63s %n", b->campaign, &at) != 1 || !args[at]) {
		app_msg(app, MSG_WARN, "%s", _("usage: :export CAMPAIGN FILE"));
		batch_free(b);
		return R_REDRAW;
	}
	snprintf(b->file, sizeof b->file, "%s", args + at);
	/* counted by the export itself, rolled back (its audit row too) */
	if (preview_import(app->ctx, PREVIEW_STATUSES, b->campaign, export_run, b, &pv)) {
		batch_free(b);
		return app_error(app);
	}
	preview_free(&pv);
	snprintf(text, sizeof text,
		 _("%s participants of campaign %s (%s without an e-mail address: LimeSurvey skips them unless \"Filter blank email addresses\" is off) into %s. Write the file?"),
		 numfmt_int(b->ex.rows, n1, sizeof n1), b->campaign, numfmt_int(b->ex.without_email, n2, sizeof n2),
		 b->file);
	return box_confirm(app, _("LimeSurvey participants"), text, export_now, b, batch_free);
}

/* ---- :backup [FILE] ---- */

int tcmd_backup(struct app *app, const char *args)
{
	struct maint_backup_result r;
	char size[NUMFMT_LEN];
	int rc = *args ? maint_backup(app->ctx, args, 0, &r) : maint_backup_dated(app->ctx, "manual", 0, &r);

	if (rc)
		return app_error(app);
	app_msg(app, MSG_OK, _("backup written and checked: %s (%s KiB)"), r.path,
		numfmt_int((long)(r.bytes / 1024), size, sizeof size));
	return R_REDRAW;
}

/* ---- :restore BACKUP ---- */

static int restore_now(struct app *app, void *arg)
{
	struct maint_restore_result r;
	char text[2 * PATH_MAX + 100];

	if (maint_restore(app->ctx, arg, &r))
		return app_error(app);
	snprintf(text, sizeof text, _("%s restored; the state before is kept in %s"), r.path, r.safety);
	return box_message(app, _("Restore a backup"), text) | R_DATA;
}

int tcmd_restore(struct app *app, const char *args)
{
	char text[PATH_MAX + 300];

	if (!*args) {
		app_msg(app, MSG_WARN, "%s", _("usage: :restore BACKUP (a name in the backups folder)"));
		return R_REDRAW;
	}
	snprintf(text, sizeof text,
		 _("Put the backup %s back into the database? A backup of the present state is taken first;"
		   " every screen then shows the restored data."), args);
	return box_confirm(app, _("Restore a backup"), text, restore_now, xstrdup(args), free);
}

/* ---- :category add NAME LABEL | disable NAME | enable NAME ---- */

int tcmd_category(struct app *app, const char *args)
{
	char verb[16] = "", name[64] = "";
	int at = 0, rc;

	if (sscanf(args, "%15s %63s %n", verb, name, &at) < 2) {
		app_msg(app, MSG_WARN, "%s", _("usage: :category add NAME LABEL, :category disable NAME, :category enable NAME"));
		return R_REDRAW;
	}
	if (strcmp(verb, "add") == 0)
		rc = call_category_add(app->ctx, name, args + at);
	else if (strcmp(verb, "disable") == 0 || strcmp(verb, "enable") == 0)
		rc = call_category_set_active(app->ctx, name, verb[0] == 'e');
	else {
		app_msg(app, MSG_WARN, "%s", _("usage: :category add NAME LABEL, :category disable NAME, :category enable NAME"));
		return R_REDRAW;
	}
	if (rc)
		return app_error(app);
	app_msg(app, MSG_OK, verb[0] == 'a' ? _("category %s added") : verb[0] == 'd'
		? _("category %s disabled: no longer offered for new calls") : _("category %s enabled"), name);
	return R_REDRAW;
}
