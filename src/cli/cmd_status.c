/* centralino status: `import` of LimeSurvey's participant export lives
 * here; `set`, `show` and `import --generic` belong to progress
 * (cmd_status_generic.c), which sees the arguments first. */
#include <getopt.h>
#include <string.h>

#include "centralino/import_job.h"
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

static int status_import_limesurvey(struct cli *cli, int argc, char **argv)
{
	static const char cmd[] = "status import";
	static const struct option opts[] = {
		{"campaign", required_argument, 0, 'c'}, {"dry-run", no_argument, 0, 'n'},
		{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	struct import_job j = {.kind = IMPORT_LIMESURVEY};
	int opt, dry = 0;

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
	return cli_import_job(cli, dry, &j);
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
