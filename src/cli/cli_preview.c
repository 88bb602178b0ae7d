/* Every import command's run (import_job.h): the rows not applied on
 * stderr, the summary line, and for `--dry-run` what would change, by
 * name. */
#include <stdio.h>
#include <stdlib.h>

#include "centralino/import_job.h"
#include "centralino/numfmt.h"
#include "centralino/text.h"
#include "cli.h"


static void print_item(enum preview_subject what, const struct preview_item *it)
{
	char *id = text_escaped(it->id, TEXT_ESC_SPACES), *name = text_escaped(it->name, TEXT_ESC_SPACES);
	char *now = text_escaped(it->now, TEXT_ESC_SPACES), *was = text_escaped(it->was, TEXT_ESC_SPACES);
	char a[NUMFMT_LEN], b[NUMFMT_LEN];

	printf("  %s %s", id, name);
	if (what == PREVIEW_AMBITI && it->now && it->was)
		printf(_(": %s comuni (were %s)"), numfmt_int(atol(it->now), a, sizeof a),
		       numfmt_int(atol(it->was), b, sizeof b));
	else if (what == PREVIEW_AMBITI && it->now)
		printf(_(": %s comuni"), numfmt_int(atol(it->now), a, sizeof a));
	else if (it->now)
		printf(": %s", now);
	if (it->was && what != PREVIEW_AMBITI)
		printf(_(" (was %s)"), was);
	putchar('\n');
	free(id);
	free(name);
	free(now);
	free(was);
}

static void preview_print(enum preview_subject what, const struct preview *pv)
{
	char n[NUMFMT_LEN];
	for (int l = 0; l < PREVIEW_NLISTS; l++) {
		if (!pv->n[l])
			continue;
		printf("%s (%s):\n", preview_list_title((enum preview_list)l), numfmt_int((long)pv->n[l], n, sizeof n));
		for (size_t i = 0; i < pv->n[l]; i++)
			print_item(what, &pv->v[l][i]);
	}
	printf("%s\n", _("dry run: nothing changed"));
}

/* The rows not applied and the warnings, on stderr, as each importer's
 * command has always worded them. */
static void print_refusals(const struct import_job *j)
{
	size_t n = import_job_refusal(j, 0, NULL);
	struct import_refusal r;
	char num[NUMFMT_LEN];

	for (size_t i = 0; i < n && import_job_refusal(j, i, &r); i++)
		if (j->kind == IMPORT_LIMESURVEY)
			fprintf(stderr, _("centralino: %s:%ld: token %s is unknown here (%s)\n"), j->file, r.line, r.value,
				r.why);
		else
			fprintf(stderr, _("centralino: %s:%ld: %s: '%s': %s\n"), j->file, r.line, r.field, r.value, r.why);
	if (j->kind == IMPORT_LIMESURVEY && j->status.revoked_used)
		fprintf(stderr, ngettext("centralino: warning: %s row carries a revoked code: remove that"
					 " participant from LimeSurvey\n",
					 "centralino: warning: %s rows carry revoked codes: remove those"
					 " participants from LimeSurvey\n", (unsigned long)j->status.revoked_used),
			numfmt_int(j->status.revoked_used, num, sizeof num));
	if (j->kind == IMPORT_GENERIC && n)
		fprintf(stderr, ngettext("centralino: %s row was not applied (listed above): put the ISTAT code in the file and import it again, or use 'status set'\n",
					 "centralino: %s rows were not applied (listed above): put the ISTAT code in the file and import it again, or use 'status set'\n",
					 (unsigned long)n),
			numfmt_int((long)n, num, sizeof num));
}

int cli_import_job(struct cli *cli, int dry_run, struct import_job *j)
{
	enum preview_subject what = import_kind_subject(j->kind);
	struct preview pv = {0};
	struct cn_buf b = {0};
	int rc;

	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	rc = dry_run ? preview_import(cli->ctx, what, j->campaign, import_job_run, j, &pv)
		     : import_job_run(cli->ctx, j);
	if (rc) {
		import_job_free(j);
		return cli_fail(cli, rc);
	}
	print_refusals(j);
	import_job_summary(j, dry_run, &b);
	fputs(buf_str(&b), stdout);
	buf_free(&b);
	if (dry_run)
		preview_print(what, &pv);
	preview_free(&pv);
	import_job_free(j);
	return 0;
}
