/* centralino extension grant|revoke|list */
#include <getopt.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/extension.h"
#include "cli.h"
#include "out.h"

/* The whole command's help, or `command`'s ("extension grant"). */
static void extension_help(FILE *f, const char *command)
{
	struct cli_help h = cli_help_of(f, command);

	cli_help_usage(&h, "grant", _("centralino extension grant --campaign KEY RESPONDENT --until DATE --reason TEXT\n"));
	cli_help_usage(&h, "revoke", _("centralino extension revoke --campaign KEY RESPONDENT --reason TEXT\n"));
	cli_help_usage(&h, "list", _("centralino extension list [--campaign KEY] [--all] [--format table|tsv|csv]\n"));
	cli_help_text(&h, NULL, _(
"\n"
"A proroga gives one respondent its own deadline in a campaign (supervisore).\n"));
	cli_help_text(&h, "grant|revoke", _(
"DATE: 2019-08-31 or 31/08/2019, after the campaign deadline. Granting again\n"
"replaces the proroga in force; revoking ends it. A respondent with a proroga\n"
"is late only once its own date has passed.\n"
"RESPONDENT: ISTAT code (001272 or 1272), AMB:CODE, REG:01, or a name only\n"
"one respondent of the campaign has (\"Castro (LE)\" names the provincia).\n"));
	cli_help_text(&h, "list", _("list: the proroghe in force (--all: also revoked and replaced ones).\n"));
}

static void print_one(const struct extension *e, const char *verb)
{
	char until[11], dl[11];
	cn_date_display(e->until, until);
	cn_date_display(e->campaign_deadline, dl);
	printf(_("%s: proroga for %s %s in campaign %s until %s (campaign deadline %s)\n"),
	       verb, e->respondent_id, e->respondent_name, e->campaign_key, until, dl);
}

static int grant_or_revoke(struct cli *cli, int argc, char **argv, int grant)
{
	static const struct option opts[] = {
		{"campaign", required_argument, 0, 'c'}, {"until", required_argument, 0, 'u'},
		{"reason", required_argument, 0, 'r'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *cmd = grant ? "extension grant" : "extension revoke";
	const char *campaign = NULL, *until = NULL, *reason = NULL;
	struct extension e;
	char replaced[11] = "";
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":c:u:r:h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			extension_help(stdout, cmd);
			return 0;
		case 'c': campaign = optarg; break;
		case 'u':
			if (!grant)
				return cli_usage(cmd, _("--until is for 'extension grant'"));
			until = optarg;
			break;
		case 'r': reason = optarg; break;
		default: return cli_bad_option(cmd, c, argv);
		}
	}
	if (argc - optind != 1)
		return cli_usage(cmd, _("give one RESPONDENT"));
	if (!campaign)
		return cli_usage(cmd, _("which campaign? (--campaign KEY)"));
	if (grant && !until)
		return cli_usage(cmd, _("until when? (--until DATE)"));
	if (!reason || !*reason)
		return cli_usage(cmd, _("why? (--reason TEXT)"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	rc = grant ? extension_grant(cli->ctx, campaign, argv[optind], until, reason, &e, replaced)
		   : extension_revoke(cli->ctx, campaign, argv[optind], reason, &e);
	if (rc)
		return cli_fail(cli, rc);
	print_one(&e, grant ? _("granted") : C_("proroga", "revoked"));
	if (replaced[0]) {
		char old[11];
		cn_date_display(replaced, old);
		printf(_("it replaces the proroga until %s\n"), old);
	}
	extension_free(&e);
	return 0;
}

static int list(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"campaign", required_argument, 0, 'c'}, {"all", no_argument, 0, 'a'},
		{"format", required_argument, 0, 'f'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *campaign = NULL;
	enum out_format fmt = OUT_TABLE;
	struct extension_list l;
	struct out_table *t;
	int c, rc, all = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":c:af:h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			extension_help(stdout, "extension list");
			return 0;
		case 'c': campaign = optarg; break;
		case 'a': all = 1; break;
		case 'f':
			if ((rc = cli_format_arg("extension list", optarg, 7u, &fmt)))
				return rc;
			break;
		default: return cli_bad_option("extension list", c, argv);
		}
	}
	if (optind < argc)
		return cli_usage("extension list", _("unexpected argument '%s'"), argv[optind]);
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = extension_list(cli->ctx, campaign, all, &l)))
		return cli_fail(cli, rc);
	if (fmt == OUT_TABLE) {
		const char *h[] = {_("CAMPAIGN"), _("ID"), _("RESPONDENT"), _("UNTIL"), _("STATE"),
				   _("GRANTED BY"), _("GRANTED"), _("REASON")};
		t = out_new(fmt, 8, h);
	} else {
		static const char *const h[] = {
			"campaign", "respondent_id", "respondent", "until", "campaign_deadline", "state",
			"reason", "granted_by", "granted_at", "ended_at", "ended_by", "revoke_reason"};
		t = out_new(fmt, 12, h);
	}
	for (size_t i = 0; i < l.n; i++) {
		const struct extension *e = &l.v[i];
		const char *state = !e->revoked_at[0] ? "in_vigore" : e->replaced_by ? "sostituita" : "revocata";
		if (fmt == OUT_TABLE) {
			char until[11], at[17] = "";
			time_t tt;
			cn_date_display(e->until, until);
			if (cn_parse_time(e->granted_at, &tt) == 0)
				cn_fmt_display(tt, at);
			const char *row[] = {e->campaign_key, e->respondent_id, e->respondent_name, until,
					     state, e->granted_by, at, e->reason};
			out_row(t, row);
		} else {
			const char *row[] = {e->campaign_key, e->respondent_id, e->respondent_name, e->until,
					     e->campaign_deadline, state, e->reason, e->granted_by,
					     e->granted_at, e->revoked_at, e->revoked_by, e->revoke_reason};
			out_row(t, row);
		}
	}
	extension_list_free(&l);
	cli_print_table(t);
	return 0;
}

int cmd_extension(struct cli *cli, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		extension_help(argc < 2 ? stderr : stdout, "extension");
		return argc < 2 ? 64 : 0;
	}
	if (strcmp(argv[1], "grant") == 0)
		return grant_or_revoke(cli, argc - 1, argv + 1, 1);
	if (strcmp(argv[1], "revoke") == 0)
		return grant_or_revoke(cli, argc - 1, argv + 1, 0);
	if (strcmp(argv[1], "list") == 0)
		return list(cli, argc - 1, argv + 1);
	return cli_usage("extension", _("'%s' is not grant, revoke or list"), argv[1]);
}
