/* centralino status: `import` of LimeSurvey's participant export lives
 * here; `set`, `show` and `import --generic` belong to progress
 * (cmd_status_generic.c), which sees the arguments first. */
#include <getopt.h>
#include <string.h>

#include "centralino/limesurvey.h"
#include "centralino/numfmt.h"
#include "cli.h"
#include "status_generic.h"

void status_help(FILE *f, const char *command)
{
	struct cli_help h = cli_help_of(f, command);

	cli_help_usage(&h, "import", _("centralino status import --campaign KEY [--dry-run] FILE\n"));
	status_generic_help(&h);
	cli_help_text(&h, "import", _(
"import  (supervisore) LimeSurvey's participant export of the survey (Survey\n"
"        participants > Export: UTF-8 with BOM, every value quoted): each\n"
"        token's `completed` sets its respondent's status: Y or a time =\n"
"        inviato (with that time), Q = screened out (kept apart), N = code\n"
"        issued when it was told by phone or LimeSurvey e-mailed it (invited).\n"
"        Statuses are never lowered; one set by hand stands unless the file\n"
"        shows a submission. Unknown tokens are listed, not fatal; importing\n"
"        the same file again changes nothing. One transaction; a malformed\n"
"        file changes nothing (FILE:LINE: field: what is wrong).\n"
"        --dry-run: the same summary, then who would become inviato, screened\n"
"        out or codice_emesso, by name; nothing is changed.\n"));
}

struct limesurvey_job {
	const char *campaign, *file;
	struct limesurvey_import_summary s;
};

static int limesurvey_run(struct cn_ctx *ctx, void *arg)
{
	struct limesurvey_job *j = arg;
	return limesurvey_import(ctx, j->campaign, j->file, &j->s);
}

static void limesurvey_print(const char *file, const struct limesurvey_import_summary *s);

static int status_import_limesurvey(struct cli *cli, int argc, char **argv)
{
	static const char cmd[] = "status import";
	static const struct option opts[] = {
		{"campaign", required_argument, 0, 'c'}, {"dry-run", no_argument, 0, 'n'},
		{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	struct limesurvey_job j = {0};
	struct preview pv = {0};
	int opt, rc, dry = 0;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (opt) {
		case 'h': status_help(stdout, cmd); return 0;
		case 'c': j.campaign = optarg; break;
		case 'n': dry = 1; break;
		default: return cli_bad_option(cmd, opt, argv);
		}
	}
	if (argc - optind != 1)
		return cli_usage(cmd, _("give one FILE"));
	if (!j.campaign)
		return cli_usage(cmd, _("--campaign KEY is required"));
	j.file = argv[optind];
	if ((rc = cli_import_run(cli, dry, PREVIEW_STATUSES, j.campaign, limesurvey_run, &j, &pv)) >= 0) {
		limesurvey_import_summary_free(&j.s);
		return rc;
	}
	limesurvey_print(j.file, &j.s);
	if (dry)
		cli_preview_print(PREVIEW_STATUSES, &pv);
	preview_free(&pv);
	limesurvey_import_summary_free(&j.s);
	return 0;
}

static void limesurvey_print(const char *file, const struct limesurvey_import_summary *s)
{
	for (size_t i = 0; i < s->nunknown; i++)
		fprintf(stderr, _("centralino: %s:%ld: token %s is unknown here (%s)\n"), file,
			s->unknown[i].line, s->unknown[i].token, s->unknown[i].note);
	if (s->revoked_used) {
		char n[NUMFMT_LEN];
		fprintf(stderr, ngettext("centralino: warning: %s row carries a revoked code: remove that"
					 " participant from LimeSurvey\n",
					 "centralino: warning: %s rows carry revoked codes: remove those"
					 " participants from LimeSurvey\n", (unsigned long)s->revoked_used),
			numfmt_int(s->revoked_used, n, sizeof n));
	}
	{
		char n[9][NUMFMT_LEN];
		printf(_("%s: %s participants: %s newly submitted, %s submission times, %s screened out,"
			 " %s codes issued, %s unchanged, %s kept (set by hand), %s unknown tokens,"
			 " %s without token\n"),
		       file, numfmt_int(s->rows, n[0], NUMFMT_LEN), numfmt_int(s->submitted, n[1], NUMFMT_LEN),
		       numfmt_int(s->times, n[2], NUMFMT_LEN), numfmt_int(s->screened, n[3], NUMFMT_LEN),
		       numfmt_int(s->issued, n[4], NUMFMT_LEN), numfmt_int(s->unchanged, n[5], NUMFMT_LEN),
		       numfmt_int(s->kept, n[6], NUMFMT_LEN), numfmt_int((long)s->nunknown, n[7], NUMFMT_LEN),
		       numfmt_int(s->no_token, n[8], NUMFMT_LEN));
	}
}

int cmd_status(struct cli *cli, int argc, char **argv)
{
	int rc;
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		status_help(argc < 2 ? stderr : stdout, "status");
		return argc < 2 ? 64 : 0;
	}
	if ((rc = status_generic_dispatch(cli, argc, argv)) >= 0)
		return rc;
	if (strcmp(argv[1], "import") == 0)
		return status_import_limesurvey(cli, argc - 1, argv + 1);
	return cli_usage("status", _("'%s' is not import, set or show"), argv[1]);
}
