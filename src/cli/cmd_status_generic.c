/* centralino status set|show, and status import --generic */
#include <getopt.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/import_job.h"
#include "status_generic.h"

void status_generic_help(struct cli_help *h)
{
	cli_help_usage(h, "set", _("centralino status set --campaign KEY RESPONDENT STATUS --reason TEXT [--at TIME]\n"));
	cli_help_usage(h, "show", _("centralino status show --campaign KEY RESPONDENT\n"));
	cli_help_usage(h, "import --generic", _(
"centralino status import --campaign KEY FILE --generic --id-column NAME\n"
"                  [--time-column NAME [--time-format FORMAT]] [--dry-run]\n"));
	cli_help_text(h, "set|show|import --generic", "\n");
	if (cli_help_for(h, "set"))
		fprintf(h->f, _(
"set     (supervisore) a status by hand, audited: STATUS is nessun_codice,\n"
"        codice_emesso, in_compilazione, inviato (e.g. sent by PEC; --at gives\n"
"        the submission time, default now) or esonerato (excused: leaves the\n"
"        denominator of %% submitted). Automatic sources (codes, LimeSurvey)\n"
"        never undo an inviato or esonerato set by hand.\n"));
	cli_help_text(h, "show", _(
"show    the respondent's status, effective deadline (proroga or campaign)\n"
"        and whether it is late.\n"));
	if (cli_help_for(h, "import --generic"))
		fprintf(h->f, _(
"import --generic  (supervisore) any CSV of a form's responses: the column\n"
"        NAME holds each respondent's ISTAT code (leading zeros optional),\n"
"        AMB:code or ambito code, REG:nn, or name (\"Comune di X\" and\n"
"        \"X (PR)\" understood); matched respondents become inviato at the\n"
"        earliest time of their rows (--time-column; default now). Times\n"
"        as the form tools write them: Google Forms' CSV (2020/05/12\n"
"        10:31:22 AM CEST, GMT+2 ...), spreadsheets (12/05/2020 10:31:22 or\n"
"        10.31.22), ISO 8601 with an offset; the zone in the file wins over\n"
"        the local one. Day and month of 12/05/2020 are read in the order\n"
"        the file settles (a day over 12 somewhere, or times with dots);\n"
"        a file that does not settle it is refused, never guessed: give\n"
"        --time-format, a strptime(3) format such as '%%d/%%m/%%Y %%H:%%M:%%S'.\n"
"        Names that match nobody, or several respondents, are listed to\n"
"        resolve (put the code in the file, or use 'status set'), never\n"
"        guessed; the rest is applied in one transaction. Importing the same\n"
"        file again changes nothing. --dry-run: the same summary, then who\n"
"        would become inviato, by name; nothing is changed.\n"));
	cli_help_text(h, "set|show", _(
"RESPONDENT: ISTAT code, AMB:CODE, REG:01, or a name only one respondent of\n"
"the campaign has.\n"));
}

static void print_state(const struct progress_state *s, const char *campaign)
{
	char dl[11], cdl[11], when[17] = "";
	time_t t;

	cn_date_display(s->deadline, dl);
	cn_date_display(s->campaign_deadline, cdl);
	printf(_("%s %s in campaign %s: %s"), s->respondent_id, s->name, campaign,
	       progress_status_name(s->status));
	if (s->submitted_at[0] && cn_parse_time(s->submitted_at, &t) == 0) {
		cn_fmt_display(t, when);
		printf(_(" on %s"), when);
	}
	if (s->screened_out)
		printf(_(" (screened out)"));
	putchar('\n');
	if (s->extended_until[0])
		printf(_("deadline %s (proroga; the campaign's is %s)\n"), dl, cdl);
	else
		printf(_("deadline %s\n"), dl);
	if (s->late)
		printf(ngettext("late: the deadline passed %d day ago\n",
				"late: the deadline passed %d days ago\n", (unsigned long)-s->days_left),
		       -s->days_left);
	if (s->reason[0])
		printf(_("reason: %s\n"), s->reason);
}

static int status_set(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"campaign", required_argument, 0, 'c'}, {"reason", required_argument, 0, 'r'},
		{"at", required_argument, 0, 'a'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *campaign = NULL, *reason = NULL, *at = NULL;
	enum progress_status status, was;
	struct progress_state s;
	time_t when = 0;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":c:r:a:h", opts, NULL)) != -1) {
		switch (c) {
		case 'h': status_help(stdout, "status set"); return 0;
		case 'c': campaign = optarg; break;
		case 'r': reason = optarg; break;
		case 'a': at = optarg; break;
		default: return cli_bad_option("status set", c, argv);
		}
	}
	if (argc - optind != 2)
		return cli_usage("status set", _("give RESPONDENT and STATUS"));
	if (!campaign)
		return cli_usage("status set", _("which campaign? (--campaign KEY)"));
	if (progress_status_parse(argv[optind + 1], &status))
		return cli_usage("status set", _("'%s' is not nessun_codice, codice_emesso, in_compilazione, inviato or esonerato"),
				 argv[optind + 1]);
	if (!reason || !*reason)
		return cli_usage("status set", _("why? (--reason TEXT)"));
	if (at && (status != PROGRESS_INVIATO || cn_parse_time(at, &when)))
		return cli_usage("status set", status != PROGRESS_INVIATO
			? _("--at is the submission time: only with inviato")
			: _("--at: '%s' is not a time (YYYY-MM-DD HH:MM or DD/MM/YYYY HH:MM)"), at);
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = progress_status_set(cli->ctx, campaign, argv[optind], status, reason, when, &was, &s)))
		return cli_fail(cli, rc);
	printf(_("%s %s: %s -> %s\n"), s.respondent_id, s.name, progress_status_name(was),
	       progress_status_name(s.status));
	return 0;
}

static int status_show(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"campaign", required_argument, 0, 'c'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *campaign = NULL;
	struct progress_state s;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'h': status_help(stdout, "status show"); return 0;
		case 'c': campaign = optarg; break;
		default: return cli_bad_option("status show", c, argv);
		}
	}
	if (argc - optind != 1)
		return cli_usage("status show", _("give one RESPONDENT"));
	if (!campaign)
		return cli_usage("status show", _("which campaign? (--campaign KEY)"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = progress_state_get(cli->ctx, campaign, argv[optind], &s)))
		return cli_fail(cli, rc);
	print_state(&s, campaign);
	return 0;
}

static int status_import_generic(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"campaign", required_argument, 0, 'c'}, {"generic", no_argument, 0, 'g'},
		{"id-column", required_argument, 0, 'i'}, {"time-column", required_argument, 0, 't'},
		{"time-format", required_argument, 0, 'F'},
		{"dry-run", no_argument, 0, 'n'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	struct import_job j = {.kind = IMPORT_GENERIC};
	struct progress_import_opts *io = &j.generic;
	int c, dry = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":c:gi:t:F:nh", opts, NULL)) != -1) {
		switch (c) {
		case 'h': status_help(stdout, "status import --generic"); return 0;
		case 'c': j.campaign = optarg; break;
		case 'g': break;
		case 'i': io->id_column = optarg; break;
		case 't': io->time_column = optarg; break;
		case 'F': io->time_format = optarg; break;
		case 'n': dry = 1; break;
		default: return cli_bad_option("status import", c, argv);
		}
	}
	if (argc - optind != 1)
		return cli_usage("status import", _("give one FILE"));
	if (!j.campaign)
		return cli_usage("status import", _("which campaign? (--campaign KEY)"));
	if (!io->id_column || !*io->id_column)
		return cli_usage("status import", _("which column names the respondent? (--id-column NAME)"));
	if (io->time_format && !io->time_column)
		return cli_usage("status import", _("--time-format is for the --time-column"));
	j.file = argv[optind];
	return cli_import_job(cli, dry, &j);
}

int status_generic_dispatch(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return -1;
	if (strcmp(argv[1], "set") == 0)
		return status_set(cli, argc - 1, argv + 1);
	if (strcmp(argv[1], "show") == 0)
		return status_show(cli, argc - 1, argv + 1);
	if (strcmp(argv[1], "import") == 0)
		for (int i = 2; i < argc && strcmp(argv[i], "--") != 0; i++)
			if (strcmp(argv[i], "--generic") == 0)
				return status_import_generic(cli, argc - 1, argv + 1);
	return -1;
}
