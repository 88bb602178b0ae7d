/* centralino init */
#include <string.h>

#include "centralino/setup.h"
#include "cli.h"

int cmd_init(struct cli *cli, int argc, char **argv)
{
	struct setup_summary s;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0) {
			printf(_("usage: centralino init\n"
				 "Creates the database (see --db) with you as its first administrator\n"
				 "and loads the ISTAT list of comuni shipped with the program.\n"
				 "On an existing database it changes nothing.\n"));
			return 0;
		}
		return cli_usage("init", _("unexpected argument '%s'"), argv[i]);
	}
	if ((rc = cli_open(cli, 1, 1)))
		return rc;
	if ((rc = setup_init(cli->ctx, &s)))
		return cli_fail(cli, rc);
	if (s.already) {
		printf(_("%s is already set up: nothing changed\n"), cn_db_path(cli->ctx));
		return 0;
	}
	printf(_("%s created: %s is its administrator; %ld comuni loaded (Fonte: ISTAT)\n"),
	       cn_db_path(cli->ctx), cn_real_login(cli->ctx), s.istat.added);
	return 0;
}
