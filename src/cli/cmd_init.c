/* centralino init */
#include <string.h>

#include "centralino/campaign.h"
#include "centralino/numfmt.h"
#include "centralino/setup.h"
#include "cli.h"

int cmd_init(struct cli *cli, int argc, char **argv)
{
	struct setup_summary s;
	char n[NUMFMT_LEN];
	const char *admin = NULL, *name = NULL;
	int rc, sample = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0) {
			printf(_("usage: centralino init [--admin LOGIN [--name \"Nome Cognome\"]] [--sample-campaign]\n"
				 "Creates the database (see --db) with you as its first administrator\n"
				 "and loads the ISTAT list of comuni shipped with the program.\n"
				 "On an existing database it changes nothing.\n"
				 "--admin LOGIN: root creates the desk's database and makes LOGIN (a user\n"
				 "  of this host, not root) its first administrator; --name gives the\n"
				 "  person's name (else the one of the account).\n"
				 "--sample-campaign: also a live campaign to look at, modelled on the\n"
				 "2019 family-policy survey: comuni, opening today, deadline in 60 days.\n"));
			return 0;
		}
		if (strcmp(argv[i], "--sample-campaign") == 0) {
			sample = 1;
			continue;
		}
		if ((strcmp(argv[i], "--admin") == 0 || strcmp(argv[i], "--name") == 0) && i + 1 < argc) {
			*(argv[i][2] == 'a' ? &admin : &name) = argv[i + 1];
			i++;
			continue;
		}
		return cli_usage("init", _("unexpected argument '%s'"), argv[i]);
	}
	if (name && !admin)
		return cli_usage("init", _("--name goes with --admin"));
	if ((rc = cli_open(cli, 1, 1)))
		return rc;
	if ((rc = setup_init_admin(cli->ctx, admin, name, &s)))
		return cli_fail(cli, rc);
	if (s.already) {
		printf(_("%s is already set up: nothing changed\n"), cn_db_path(cli->ctx));
		return 0;
	}
	printf(_("%s created: %s is its administrator; %s comuni loaded (Fonte: ISTAT)\n"),
	       cn_db_path(cli->ctx), admin ? admin : cn_real_login(cli->ctx), numfmt_int(s.istat.added, n, sizeof n));
	if (sample) {
		char key[41];
		long respondents;
		if ((rc = campaign_add_sample(cli->ctx, key, &respondents)))
			return cli_fail(cli, rc);
		printf(_("sample campaign %s: %s respondents\n"), key, numfmt_int(respondents, n, sizeof n));
	}
	return 0;
}
