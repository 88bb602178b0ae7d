/* One import of a file, whatever its kind (import_job.h). */
#include <string.h>

#include "core.h"
#include "centralino/import_job.h"
#include "centralino/numfmt.h"

const char *import_kind_name(enum import_kind k)
{
	static const char *const names[IMPORT_NKINDS] = {"istat", "ambiti", "contacts", "limesurvey", "generic"};
	return k < IMPORT_NKINDS ? names[k] : "?";
}

const char *import_kind_label(enum import_kind k)
{
	switch (k) {
	case IMPORT_ISTAT: return _("ISTAT list of comuni");
	case IMPORT_AMBITI: return _("ambiti (social districts)");
	case IMPORT_CONTACTS: return _("contacts of respondents");
	case IMPORT_LIMESURVEY: return _("statuses from LimeSurvey");
	case IMPORT_GENERIC: return _("statuses from a form's responses");
	default: return "?";
	}
}

enum preview_subject import_kind_subject(enum import_kind k)
{
	static const enum preview_subject s[IMPORT_NKINDS] = {PREVIEW_REGISTRY, PREVIEW_AMBITI, PREVIEW_CONTACTS,
							      PREVIEW_STATUSES, PREVIEW_STATUSES};
	return k < IMPORT_NKINDS ? s[k] : PREVIEW_REGISTRY;
}

void import_job_free(struct import_job *j)
{
	limesurvey_import_summary_free(&j->status);
	progress_import_summary_free(&j->form);
	memset(&j->istat, 0, sizeof j->istat);
	memset(&j->ambiti, 0, sizeof j->ambiti);
	memset(&j->contacts, 0, sizeof j->contacts);
}

int import_job_run(struct cn_ctx *ctx, void *job)
{
	struct import_job *j = job;

	import_job_free(j);
	switch (j->kind) {
	case IMPORT_ISTAT:
		return j->force ? registry_import_istat_force(ctx, j->file, &j->istat)
				: registry_import_istat(ctx, j->file, &j->istat);
	case IMPORT_AMBITI: return registry_import_ambiti(ctx, j->file, &j->ambiti);
	case IMPORT_CONTACTS: return contact_import(ctx, j->file, &j->contacts);
	case IMPORT_LIMESURVEY: return limesurvey_import(ctx, j->campaign, j->file, &j->status);
	case IMPORT_GENERIC: return progress_import_generic(ctx, j->campaign, j->file, &j->generic, &j->form);
	default: return cn_set_error(ctx, CN_ESOFTWARE, "%s", _("no importer for this kind of file"));
	}
}

static void joined(long n, struct cn_buf *b)
{
	char s[NUMFMT_LEN];
	if (n)
		buf_printf(b, ngettext("%s new respondent joined the open campaigns\n",
				       "%s new respondents joined the open campaigns\n", (unsigned long)n),
			   numfmt_int(n, s, sizeof s));
}

static void registry_summary(const struct import_job *j, struct cn_buf *b)
{
	const struct registry_import_summary *i = &j->istat;
	const struct registry_ambiti_summary *a = &j->ambiti;
	char n[6][NUMFMT_LEN];

	if (j->kind == IMPORT_ISTAT) {
		buf_printf(b, _("%s: %s read, %s added, %s suppressed, %s renamed, %s updated, %s unchanged\n"), j->file,
			   numfmt_int(i->read, n[0], NUMFMT_LEN), numfmt_int(i->added, n[1], NUMFMT_LEN),
			   numfmt_int(i->suppressed, n[2], NUMFMT_LEN), numfmt_int(i->renamed, n[3], NUMFMT_LEN),
			   numfmt_int(i->updated, n[4], NUMFMT_LEN), numfmt_int(i->unchanged, n[5], NUMFMT_LEN));
		joined(i->joined, b);
	} else if (j->kind == IMPORT_AMBITI) {
		buf_printf(b, _("%s: %s rows read, %s ambiti (%s added, %s updated, %s unchanged), %s member comuni\n"),
			   j->file, numfmt_int(a->read, n[0], NUMFMT_LEN), numfmt_int(a->ambiti, n[1], NUMFMT_LEN),
			   numfmt_int(a->added, n[2], NUMFMT_LEN), numfmt_int(a->updated, n[3], NUMFMT_LEN),
			   numfmt_int(a->unchanged, n[4], NUMFMT_LEN), numfmt_int(a->members, n[5], NUMFMT_LEN));
		joined(a->joined, b);
	} else {
		buf_printf(b, ngettext("%s: %s contact read: %s added, %s already on file\n",
				       "%s: %s contacts read: %s added, %s already on file\n",
				       (unsigned long)j->contacts.read),
			   j->file, numfmt_int(j->contacts.read, n[0], NUMFMT_LEN),
			   numfmt_int(j->contacts.added, n[1], NUMFMT_LEN),
			   numfmt_int(j->contacts.unchanged, n[2], NUMFMT_LEN));
	}
}

static void status_summary(const struct import_job *j, int dry, struct cn_buf *b)
{
	const struct limesurvey_import_summary *s = &j->status;
	const struct progress_import_summary *g = &j->form;
	char n[9][NUMFMT_LEN];

	if (j->kind == IMPORT_LIMESURVEY) {
		buf_printf(b, _("%s: %s participants: %s newly submitted, %s submission times, %s screened out,"
				" %s codes issued, %s unchanged, %s kept (set by hand), %s unknown tokens,"
				" %s without token\n"),
			   j->file, numfmt_int(s->rows, n[0], NUMFMT_LEN), numfmt_int(s->submitted, n[1], NUMFMT_LEN),
			   numfmt_int(s->times, n[2], NUMFMT_LEN), numfmt_int(s->screened, n[3], NUMFMT_LEN),
			   numfmt_int(s->issued, n[4], NUMFMT_LEN), numfmt_int(s->unchanged, n[5], NUMFMT_LEN),
			   numfmt_int(s->kept, n[6], NUMFMT_LEN), numfmt_int((long)s->nunknown, n[7], NUMFMT_LEN),
			   numfmt_int(s->no_token, n[8], NUMFMT_LEN));
		return;
	}
	buf_printf(b, dry
		   ? _("%s: %s rows, %s matched (%s respondents): %s would become inviato, %s already were; %s to resolve, %s blank (dry run: nothing changed)\n")
		   : _("%s: %s rows, %s matched (%s respondents): %s now inviato, %s already were; %s to resolve, %s blank\n"),
		   j->file, numfmt_int(g->rows, n[0], NUMFMT_LEN), numfmt_int(g->matched, n[1], NUMFMT_LEN),
		   numfmt_int(g->respondents, n[2], NUMFMT_LEN), numfmt_int(g->updated, n[3], NUMFMT_LEN),
		   numfmt_int(g->unchanged, n[4], NUMFMT_LEN), numfmt_int((long)g->nunresolved, n[5], NUMFMT_LEN),
		   numfmt_int(g->blank, n[6], NUMFMT_LEN));
}

void import_job_summary(const struct import_job *j, int dry, struct cn_buf *out)
{
	if (j->kind == IMPORT_LIMESURVEY || j->kind == IMPORT_GENERIC)
		status_summary(j, dry, out);
	else
		registry_summary(j, out);
}

size_t import_job_refusal(const struct import_job *j, size_t i, struct import_refusal *out)
{
	if (j->kind == IMPORT_LIMESURVEY) {
		if (out && i < j->status.nunknown)
			*out = (struct import_refusal){j->status.unknown[i].line, "token", j->status.unknown[i].token,
						       j->status.unknown[i].note};
		return j->status.nunknown;
	}
	if (j->kind == IMPORT_GENERIC) {
		if (out && i < j->form.nunresolved)
			*out = (struct import_refusal){j->form.unresolved[i].line, j->generic.id_column,
						       j->form.unresolved[i].value, j->form.unresolved[i].why};
		return j->form.nunresolved;
	}
	return 0;
}
