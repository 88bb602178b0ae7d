/* centralino campaign add|list|show|set|sync */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/campaign.h"
#include "centralino/clock.h"
#include "centralino/code.h"
#include "centralino/numfmt.h"
#include "cli.h"
#include "out.h"

/* The whole command's help, or `command`'s ("campaign add"). */
static void campaign_help(FILE *f, const char *command)
{
	struct cli_help h = cli_help_of(f, command);

	cli_help_usage(&h, "add", _("centralino campaign add KEY --name TEXT --opens DATE --deadline DATE\n"
				   "                 --respondents comune[,ambito,regione] [--survey-id N]\n"
				   "                 [--code-length N] [--codes yes|no]\n"));
	cli_help_usage(&h, "list", _("centralino campaign list [--format table|tsv|csv]\n"));
	cli_help_usage(&h, "show", _("centralino campaign show KEY\n"));
	cli_help_usage(&h, "set", _("centralino campaign set KEY [--name TEXT] [--opens DATE] [--deadline DATE]\n"
				   "                 [--respondents KINDS] [--survey-id N|none] [--code-length N]\n"
				   "                 [--codes yes|no]\n"));
	cli_help_usage(&h, "sync", _("centralino campaign sync\n"));
	cli_help_text(&h, "add|set|list|show", _(
		"A campaign asks every active respondent of the kinds named: comuni (id:\n"
		"ISTAT code, e.g. 040012), ambiti (AMB:code) and/or regioni (REG:08).\n"
		"KEY: lower-case letters, digits, '-' and '_' (e.g. famiglia-2019).\n"));
	if (cli_help_for(&h, "add|set"))
		fprintf(f, _("Dates YYYY-MM-DD or DD/MM/YYYY. --code-length: random symbols per code\n"
			     "(%d-%d, default %d; one check symbol is added). --codes no: answers come\n"
			     "from an open form, without access codes (see 'status import --generic').\n"
			     "--survey-id: the LimeSurvey survey number.\n"),
			CODE_MIN_LENGTH, CODE_MAX_LENGTH, CODE_DEFAULT_LENGTH);
	cli_help_text(&h, "set", _(
		"set: adding kinds adds their respondents; a kind can be dropped only while\n"
		"none of its respondents has a code or a status.\n"));
	cli_help_text(&h, "sync", _(
		"sync: after a new ISTAT list or new ambiti, adds the new respondents to\n"
		"campaigns not yet closed.\n"));
	cli_help_text(&h, "add|set|sync", _("Creating and changing campaigns is for admins.\n"));
}

static int parse_yes_no(const char *cmd, const char *s, int *out)
{
	if (strcmp(s, "yes") == 0 || strcmp(s, "si") == 0 || strcmp(s, "sì") == 0) {
		*out = 1;
		return 0;
	}
	if (strcmp(s, "no") == 0) {
		*out = 0;
		return 0;
	}
	return cli_usage(cmd, _("--codes: '%s' is not yes or no"), s);
}

enum { O_NAME = 1, O_OPENS, O_DEADLINE, O_RESP, O_SURVEY, O_LENGTH, O_CODES, O_FORMAT };

static const struct option edit_opts[] = {
	{"name", required_argument, 0, O_NAME},
	{"opens", required_argument, 0, O_OPENS},
	{"deadline", required_argument, 0, O_DEADLINE},
	{"respondents", required_argument, 0, O_RESP},
	{"survey-id", required_argument, 0, O_SURVEY},
	{"code-length", required_argument, 0, O_LENGTH},
	{"codes", required_argument, 0, O_CODES},
	{"help", no_argument, 0, 'h'},
	{0, 0, 0, 0},
};

static int campaign_cmd_add(struct cli *cli, int argc, char **argv)
{
	static const char cmd[] = "campaign add";
	struct campaign_new c = {0};
	long n, respondents;
	int opt, rc;

	c.uses_codes = 1;
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":h", edit_opts, NULL)) != -1) {
		switch (opt) {
		case 'h': campaign_help(stdout, "campaign add"); return 0;
		case O_NAME: c.name = optarg; break;
		case O_OPENS: c.opens_on = optarg; break;
		case O_DEADLINE: c.deadline = optarg; break;
		case O_RESP:
			if (campaign_kinds_parse(optarg, &c.kinds))
				return cli_usage(cmd, _("--respondents: '%s' is not a list of comune, ambito, regione"), optarg);
			break;
		case O_SURVEY:
			if ((rc = cli_int_arg(cmd, "--survey-id", optarg, 1, 999999999, &n)))
				return rc;
			c.survey_id = n;
			break;
		case O_LENGTH:
			if ((rc = cli_int_arg(cmd, "--code-length", optarg, CODE_MIN_LENGTH, CODE_MAX_LENGTH, &n)))
				return rc;
			c.code_length = (int)n;
			break;
		case O_CODES:
			if ((rc = parse_yes_no(cmd, optarg, &c.uses_codes)))
				return rc;
			break;
		default: return cli_bad_option(cmd, opt, argv);
		}
	}
	if (argc - optind != 1)
		return cli_usage(cmd, _("give one KEY"));
	c.key = argv[optind];
	if (!c.name)
		return cli_usage(cmd, _("--name is required"));
	if (!c.opens_on || !c.deadline)
		return cli_usage(cmd, _("--opens and --deadline are required"));
	if (!c.kinds)
		return cli_usage(cmd, _("--respondents is required (comune, ambito and/or regione)"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = campaign_add(cli->ctx, &c, &respondents)))
		return cli_fail(cli, rc);
	{
		char n1[NUMFMT_LEN];
		printf(ngettext("campaign %s created: %s respondent\n", "campaign %s created: %s respondents\n",
				(unsigned long)respondents),
		       c.key, numfmt_int(respondents, n1, sizeof n1));
	}
	return 0;
}

static int campaign_cmd_set(struct cli *cli, int argc, char **argv)
{
	static const char cmd[] = "campaign set";
	struct campaign_change ch = {0};
	long n, added, removed;
	int opt, rc;

	ch.survey_id = -1;
	ch.uses_codes = -1;
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":h", edit_opts, NULL)) != -1) {
		switch (opt) {
		case 'h': campaign_help(stdout, "campaign set"); return 0;
		case O_NAME: ch.name = optarg; break;
		case O_OPENS: ch.opens_on = optarg; break;
		case O_DEADLINE: ch.deadline = optarg; break;
		case O_RESP:
			if (campaign_kinds_parse(optarg, &ch.kinds))
				return cli_usage(cmd, _("--respondents: '%s' is not a list of comune, ambito, regione"), optarg);
			break;
		case O_SURVEY:
			if (strcmp(optarg, "none") == 0) {
				ch.survey_id = 0;
				break;
			}
			if ((rc = cli_int_arg(cmd, "--survey-id", optarg, 1, 999999999, &n)))
				return rc;
			ch.survey_id = n;
			break;
		case O_LENGTH:
			if ((rc = cli_int_arg(cmd, "--code-length", optarg, CODE_MIN_LENGTH, CODE_MAX_LENGTH, &n)))
				return rc;
			ch.code_length = (int)n;
			break;
		case O_CODES:
			if ((rc = parse_yes_no(cmd, optarg, &ch.uses_codes)))
				return rc;
			break;
		default: return cli_bad_option(cmd, opt, argv);
		}
	}
	if (argc - optind != 1)
		return cli_usage(cmd, _("give one KEY"));
	if (!ch.name && !ch.opens_on && !ch.deadline && !ch.kinds && ch.survey_id < 0 &&
	    !ch.code_length && ch.uses_codes < 0)
		return cli_usage(cmd, _("nothing to change: give at least one option"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = campaign_set(cli->ctx, argv[optind], &ch, &added, &removed)))
		return cli_fail(cli, rc);
	printf(_("campaign %s changed"), argv[optind]);
	if (added || removed) {
		char n1[NUMFMT_LEN], n2[NUMFMT_LEN];
		printf(_(": %s respondents added, %s removed"), numfmt_int(added, n1, sizeof n1),
		       numfmt_int(removed, n2, sizeof n2));
	}
	putchar('\n');
	return 0;
}

static void fmt_long(char *out, size_t n, long v)
{
	snprintf(out, n, "%ld", v);
}

static int campaign_cmd_list(struct cli *cli, int argc, char **argv)
{
	static const char cmd[] = "campaign list";
	static const struct option opts[] = {
		{"format", required_argument, 0, O_FORMAT}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	enum out_format fmt = OUT_TABLE;
	struct campaigns l;
	struct out_table *t;
	int opt, rc;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (opt == 'h') {
			campaign_help(stdout, "campaign list");
			return 0;
		}
		if (opt != O_FORMAT)
			return cli_bad_option(cmd, opt, argv);
		if ((rc = cli_format_arg(cmd, optarg, 7, &fmt)))
			return rc;
	}
	if (optind < argc)
		return cli_usage(cmd, _("unexpected argument '%s'"), argv[optind]);
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = campaign_list(cli->ctx, &l)))
		return cli_fail(cli, rc);
	if (fmt == OUT_TABLE) {
		const char *h[] = {_("KEY"), _("NAME"), _("OPENS"), _("DEADLINE"), _("PHASE"),
				   _("RESPONDENTS"), _("CODES"), _("SUBMITTED")};
		t = out_new(fmt, 8, h);
		for (int i = 5; i < 8; i++)
			out_align_right(t, i);
	} else {
		static const char *const h[] = {"key", "name", "opens_on", "deadline", "phase", "kinds",
						"respondents", "codes_active", "submitted", "survey_id", "uses_codes"};
		t = out_new(fmt, 11, h);
	}
	for (size_t i = 0; i < l.n; i++) {
		const struct campaign *c = &l.v[i];
		char opens[11], deadline[11], resp[NUMFMT_LEN], codes[NUMFMT_LEN], sub[NUMFMT_LEN], kinds[32], survey[24];
		fmt_long(resp, sizeof resp, c->respondents);
		fmt_long(codes, sizeof codes, c->codes_active);
		fmt_long(sub, sizeof sub, c->by_status[3]);
		if (fmt == OUT_TABLE) {
			numfmt_int(c->respondents, resp, sizeof resp);
			numfmt_int(c->codes_active, codes, sizeof codes);
			numfmt_int(c->by_status[3], sub, sizeof sub);
			cn_date_display(c->opens_on, opens);
			cn_date_display(c->deadline, deadline);
			const char *row[] = {c->key, c->name, opens, deadline, campaign_phase_label(c->phase),
					     resp, c->uses_codes ? codes : "-", sub};
			out_row(t, row);
		} else {
			campaign_kinds_format(c->kinds, kinds, sizeof kinds);
			survey[0] = '\0';
			if (c->survey_id)
				fmt_long(survey, sizeof survey, c->survey_id);
			const char *row[] = {c->key, c->name, c->opens_on, c->deadline, campaign_phase_name(c->phase),
					     kinds, resp, codes, sub, survey, c->uses_codes ? "1" : "0"};
			out_row(t, row);
		}
	}
	campaigns_free(&l);
	cli_print_table(t);
	return 0;
}

static int campaign_cmd_show(struct cli *cli, int argc, char **argv)
{
	struct campaign c;
	char opens[11], deadline[11], kinds[32];
	int rc;

	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			campaign_help(stdout, "campaign show");
			return 0;
		}
	if (argc != 2 || argv[1][0] == '-')
		return cli_usage("campaign show", _("give one KEY"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = campaign_get(cli->ctx, argv[1], &c)))
		return cli_fail(cli, rc);
	cn_date_display(c.opens_on, opens);
	cn_date_display(c.deadline, deadline);
	campaign_kinds_format(c.kinds, kinds, sizeof kinds);
	printf("%-16s %s\n", _("campaign:"), c.key);
	printf("%-16s %s\n", _("name:"), c.name);
	printf("%-16s %s\n", _("opens:"), opens);
	printf("%-16s %s (%s)\n", _("deadline:"), deadline, campaign_phase_label(c.phase));
	printf("%-16s %s\n", _("respondents:"), kinds);
	if (c.survey_id)
		printf("%-16s %ld\n", _("LimeSurvey:"), c.survey_id);
	if (c.uses_codes)
		printf(_("%-16s %d symbols + 1 check symbol\n"), _("codes:"), c.code_length);
	else
		printf("%-16s %s\n", _("codes:"), _("none (open form)"));
	{
		char n1[NUMFMT_LEN], n2[NUMFMT_LEN], n3[NUMFMT_LEN];
		printf("%-16s %s\n", _("total:"), numfmt_int(c.respondents, n1, sizeof n1));
		for (int i = 0; i < 5; i++)
			printf("  %-16s %s\n", campaign_status_names[i], numfmt_int(c.by_status[i], n1, sizeof n1));
		if (c.uses_codes)
			printf(_("%-16s %s active (%s not yet given), %s revoked\n"), _("access codes:"),
			       numfmt_int(c.codes_active, n1, sizeof n1), numfmt_int(c.codes_undelivered, n2, sizeof n2),
			       numfmt_int(c.codes_revoked, n3, sizeof n3));
	}
	return 0;
}

static int campaign_cmd_sync(struct cli *cli, int argc, char **argv)
{
	long added;
	int rc;
	if (argc > 1) {
		if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
			campaign_help(stdout, "campaign sync");
			return 0;
		}
		return cli_usage("campaign sync", _("unexpected argument '%s'"), argv[1]);
	}
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = campaign_sync_respondents(cli->ctx, &added)))
		return cli_fail(cli, rc);
	{
		char n[NUMFMT_LEN];
		printf(ngettext("%s respondent added to open campaigns\n", "%s respondents added to open campaigns\n",
				(unsigned long)added),
		       numfmt_int(added, n, sizeof n));
	}
	return 0;
}

int cmd_campaign(struct cli *cli, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(struct cli *, int, char **);
	} subs[] = {
		{"add", campaign_cmd_add}, {"list", campaign_cmd_list}, {"show", campaign_cmd_show},
		{"set", campaign_cmd_set}, {"sync", campaign_cmd_sync},
	};
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		campaign_help(argc < 2 ? stderr : stdout, "campaign");
		return argc < 2 ? 64 : 0;
	}
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].fn(cli, argc - 1, argv + 1);
	return cli_usage("campaign", _("'%s' is not add, list, show, set or sync"), argv[1]);
}
