/* ":import KIND [CAMPAIGN] FILE" (admin): the file is first imported as a
 * preview (preview.h: the import runs and is rolled back), what it would
 * change is shown by name, and only "yes" imports it for real. The same
 * core calls, checks and messages as `centralino import` and `status
 * import`; Tab completes the file's path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/contact.h"
#include "centralino/limesurvey.h"
#include "centralino/numfmt.h"
#include "centralino/preview.h"
#include "centralino/registry.h"
#include "widget.h"

enum import_kind { IMP_ISTAT, IMP_AMBITI, IMP_CONTACTS, IMP_STATUS };

static const char *const kind_names[] = {"istat", "ambiti", "contacts", "status"};
static const enum preview_subject subjects[] = {PREVIEW_REGISTRY, PREVIEW_AMBITI, PREVIEW_CONTACTS,
						 PREVIEW_STATUSES};

struct import_job {
	enum import_kind kind;
	char campaign[64];
	char file[4096];
	struct registry_import_summary istat;
	struct registry_ambiti_summary ambiti;
	struct contact_import_summary contacts;
	struct limesurvey_import_summary status;
};

static int run(struct cn_ctx *ctx, void *arg)
{
	struct import_job *j = arg;
	switch (j->kind) {
	case IMP_ISTAT: return registry_import_istat(ctx, j->file, &j->istat);
	case IMP_AMBITI: return registry_import_ambiti(ctx, j->file, &j->ambiti);
	case IMP_CONTACTS: return contact_import(ctx, j->file, &j->contacts);
	default:
		limesurvey_import_summary_free(&j->status);
		return limesurvey_import(ctx, j->campaign, j->file, &j->status);
	}
}

/* The import's one-line summary, as the command line prints it. */
static void summary(const struct import_job *j, struct cn_buf *b)
{
	char n[9][NUMFMT_LEN];
	const struct registry_import_summary *i = &j->istat;
	const struct registry_ambiti_summary *a = &j->ambiti;
	const struct limesurvey_import_summary *s = &j->status;

	if (j->kind == IMP_ISTAT)
		buf_printf(b, _("%s: %s read, %s added, %s suppressed, %s renamed, %s updated, %s unchanged\n"), j->file,
			   numfmt_int(i->read, n[0], NUMFMT_LEN), numfmt_int(i->added, n[1], NUMFMT_LEN),
			   numfmt_int(i->suppressed, n[2], NUMFMT_LEN), numfmt_int(i->renamed, n[3], NUMFMT_LEN),
			   numfmt_int(i->updated, n[4], NUMFMT_LEN), numfmt_int(i->unchanged, n[5], NUMFMT_LEN));
	else if (j->kind == IMP_AMBITI)
		buf_printf(b, _("%s: %s rows read, %s ambiti (%s added, %s updated, %s unchanged), %s member comuni\n"),
			   j->file, numfmt_int(a->read, n[0], NUMFMT_LEN), numfmt_int(a->ambiti, n[1], NUMFMT_LEN),
			   numfmt_int(a->added, n[2], NUMFMT_LEN), numfmt_int(a->updated, n[3], NUMFMT_LEN),
			   numfmt_int(a->unchanged, n[4], NUMFMT_LEN), numfmt_int(a->members, n[5], NUMFMT_LEN));
	else if (j->kind == IMP_CONTACTS)
		buf_printf(b, ngettext("%s: %s contact read: %s added, %s already on file\n",
				       "%s: %s contacts read: %s added, %s already on file\n",
				       (unsigned long)j->contacts.read),
			   j->file, numfmt_int(j->contacts.read, n[0], NUMFMT_LEN),
			   numfmt_int(j->contacts.added, n[1], NUMFMT_LEN), numfmt_int(j->contacts.unchanged, n[2], NUMFMT_LEN));
	else
		buf_printf(b, _("%s: %s participants: %s newly submitted, %s submission times, %s screened out,"
				" %s codes issued, %s unchanged, %s kept (set by hand), %s unknown tokens,"
				" %s without token\n"),
			   j->file, numfmt_int(s->rows, n[0], NUMFMT_LEN), numfmt_int(s->submitted, n[1], NUMFMT_LEN),
			   numfmt_int(s->times, n[2], NUMFMT_LEN), numfmt_int(s->screened, n[3], NUMFMT_LEN),
			   numfmt_int(s->issued, n[4], NUMFMT_LEN), numfmt_int(s->unchanged, n[5], NUMFMT_LEN),
			   numfmt_int(s->kept, n[6], NUMFMT_LEN), numfmt_int((long)s->nunknown, n[7], NUMFMT_LEN),
			   numfmt_int(s->no_token, n[8], NUMFMT_LEN));
}

/* What would change, by name: a few of each list (the box is not a pager). */
#define SHOW_EACH 3

static void describe(const struct import_job *j, const struct preview *pv, struct cn_buf *b)
{
	char n[NUMFMT_LEN];
	summary(j, b);
	for (int l = 0; l < PREVIEW_NLISTS; l++) {
		if (!pv->n[l])
			continue;
		buf_printf(b, "\n%s (%s):", preview_list_title((enum preview_list)l),
			   numfmt_int((long)pv->n[l], n, sizeof n));
		for (size_t i = 0; i < pv->n[l] && i < SHOW_EACH; i++) {
			const struct preview_item *it = &pv->v[l][i];
			buf_printf(b, "\n  %s %s", it->id ? it->id : "", it->name ? it->name : "");
			if (it->was && subjects[j->kind] != PREVIEW_AMBITI)
				buf_printf(b, _(" (was %s)"), it->was);
		}
		if (pv->n[l] > SHOW_EACH)
			buf_puts(b, "\n  …");
	}
	for (size_t i = 0; j->kind == IMP_STATUS && i < j->status.nunknown && i < SHOW_EACH; i++)
		buf_printf(b, _("\nline %ld: token %s is unknown here (%s)"), j->status.unknown[i].line,
			   j->status.unknown[i].token, j->status.unknown[i].note);
	buf_printf(b, "\n\n%s", _("Import it now?"));
}

static void job_free(void *arg)
{
	struct import_job *j = arg;
	limesurvey_import_summary_free(&j->status);
	free(j);
}

static int import_now(struct app *app, void *arg)
{
	struct import_job *j = arg;
	struct cn_buf b = {0};
	if (run(app->ctx, j))
		return app_error(app);
	summary(j, &b);
	app_msg(app, MSG_OK, "%s", buf_str(&b));
	buf_free(&b);
	return R_REDRAW;
}

/* "istat FILE", "ambiti FILE", "contacts FILE", "status CAMPAIGN FILE". */
static int parse(struct app *app, const char *args, struct import_job *j)
{
	char kind[16] = "";
	int n = 0;
	if (sscanf(args, "%15s %n", kind, &n) != 1)
		n = 0;
	for (j->kind = IMP_ISTAT; j->kind <= IMP_STATUS; j->kind++)
		if (strcmp(kind, kind_names[j->kind]) == 0)
			break;
	if (j->kind > IMP_STATUS) {
		app_msg(app, MSG_WARN, "%s", _("usage: :import istat|ambiti|contacts FILE, or :import status CAMPAIGN FILE"));
		return -1;
	}
	args += n;
	if (j->kind == IMP_STATUS) {
		if (sscanf(args, "%63s %n", j->campaign, &n) != 1)
			n = 0;
		args += n;
	}
	snprintf(j->file, sizeof j->file, "%s", args);
	if (!j->file[0] || (j->kind == IMP_STATUS && !j->campaign[0])) {
		app_msg(app, MSG_WARN, "%s", _("usage: :import istat|ambiti|contacts FILE, or :import status CAMPAIGN FILE"));
		return -1;
	}
	return 0;
}

int tcmd_import(struct app *app, const char *args)
{
	struct import_job *j = calloc(1, sizeof *j);
	struct preview pv;
	struct cn_buf b = {0};
	int r;

	if (!j)
		return R_NONE;
	if (parse(app, args, j)) {
		job_free(j);
		return R_REDRAW;
	}
	if (preview_import(app->ctx, subjects[j->kind], j->kind == IMP_STATUS ? j->campaign : NULL, run, j, &pv)) {
		job_free(j);
		return app_error(app);
	}
	describe(j, &pv, &b);
	preview_free(&pv);
	r = box_confirm(app, _("What this import would change"), buf_str(&b), import_now, j, job_free);
	buf_free(&b);
	return r;
}
