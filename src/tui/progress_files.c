/* Files written for the people outside the desk, from the dashboard (a key,
 * a file name proposed) or the ':' line: the progress report (HTML, as
 * `report progress --format html --output FILE`) and the public map (CSV,
 * as `export map`). The same core calls, checks and messages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/numfmt.h"
#include "centralino/progress.h"
#include "centralino/report_html.h"
#include "centralino/xalloc.h"
#include "widget.h"

struct campaign_file {
	const char *title;     /* N_() */
	const char *note;      /* N_() */
	/* writes it; on success the message for the status line in msg */
	int (*write)(struct app *app, const char *key, const char *path, char *msg, size_t len);
};

static int write_report(struct app *app, const char *key, const char *path, char *msg, size_t len)
{
	int rc = report_html_write(app->ctx, key, path);
	if (!rc)
		snprintf(msg, len, _("%s: progress report of campaign %s written"), path, key);
	return rc;
}

static int write_map(struct app *app, const char *key, const char *path, char *msg, size_t len)
{
	char n[NUMFMT_LEN];
	long rows = 0;
	int rc = progress_map_write(app->ctx, key, 0, path, &rows);
	if (!rc)
		snprintf(msg, len, ngettext("%s: the map of campaign %s, %s comune", "%s: the map of campaign %s, %s comuni",
					    (unsigned long)rows), path, key, numfmt_int(rows, n, sizeof n));
	return rc;
}

static const struct campaign_file files[] = {
	[PROGRESS_FILE_REPORT] = {N_("Progress report"),
				  N_("one HTML file that prints on A4; in the folder centralino was started from unless a path is given"),
				  write_report},
	[PROGRESS_FILE_MAP] = {N_("Map of practices"),
			       N_("CSV, one row per comune: status and day of submission (export map)"), write_map},
};

struct file_job {
	enum progress_file which;
	char key[65];
};

static int write_now(struct app *app, const struct file_job *j, const char *path)
{
	char msg[1400];
	if (files[j->which].write(app, j->key, path, msg, sizeof msg))
		return -1;
	app_msg(app, MSG_INFO, "%s", msg);
	return 0;
}

static int file_submit(struct app *app, struct form *f, void *arg)
{
	if (write_now(app, arg, form_text(f, 0)))
		return form_core_error(app, f);
	return R_REDRAW;
}

/* The proposed name: what, the campaign's key and the day. */
static void proposed(struct app *app, const struct file_job *j, char *name, size_t len)
{
	char day[11];
	cn_fmt_ymd(cn_now(app->ctx), day);
	if (j->which == PROGRESS_FILE_REPORT)
		/* TRANSLATORS: the proposed file name of the HTML report: campaign key and date */
		snprintf(name, len, _("progress-%s-%s.html"), j->key, day);
	else
		/* TRANSLATORS: the proposed file name of the map export: campaign key and date */
		snprintf(name, len, _("map-%s-%s.csv"), j->key, day);
}

int progress_file_form(struct app *app, enum progress_file which, const char *campaign)
{
	struct file_job *j = xcalloc(1, sizeof *j);
	char name[200];

	j->which = which;
	snprintf(j->key, sizeof j->key, "%s", campaign);
	proposed(app, j, name, sizeof name);
	{
		struct form_field fields[] = {
			{.kind = FIELD_TEXT, .label = N_("File"), .required = 1, .max = 1024, .name = "file",
			 .initial = name, .note = files[which].note, .path = 1},
		};
		struct form_spec spec = {.title = files[which].title, .fields = fields, .nfields = 1,
					 .submit = file_submit, .free_arg = free, .arg = j};
		return form_open(app, &spec);
	}
}

/* ":map CAMPAIGN [FILE]", ":report CAMPAIGN [FILE]": the form with the
 * proposed name, or the file written at once. */
static int file_command(struct app *app, enum progress_file which, const char *args, const char *usage)
{
	struct file_job j = {.which = which};
	int at = 0;

	if (sscanf(args, "%64s %n", j.key, &at) != 1) {
		app_msg(app, MSG_WARN, "%s", usage);
		return R_REDRAW;
	}
	if (!args[at])
		return progress_file_form(app, which, j.key);
	if (write_now(app, &j, args + at))
		return app_error(app);
	return R_REDRAW;
}

int tcmd_map(struct app *app, const char *args)
{
	return file_command(app, PROGRESS_FILE_MAP, args, _("usage: :map CAMPAIGN [FILE]"));
}

int tcmd_report(struct app *app, const char *args)
{
	return file_command(app, PROGRESS_FILE_REPORT, args, _("usage: :report CAMPAIGN [FILE]"));
}
