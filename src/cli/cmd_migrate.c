/* centralino migrate */
#include <string.h>

#include "centralino/schema.h"
#include "cli.h"

int cmd_migrate(struct cli *cli, int argc, char **argv)
{
	struct schema_migrate_result r;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0) {
			printf(_("usage: centralino migrate\n"
				 "Brings the database's schema up to this program's (see --version):\n"
				 "first a verified backup in the backups folder, then every pending\n"
				 "migration in one transaction, and an audit row naming both versions.\n"
				 "Other commands refuse a database with pending migrations. The Debian\n"
				 "package runs it at every upgrade. Root or an administrator.\n"));
			return 0;
		}
		return cli_usage("migrate", _("unexpected argument '%s'"), argv[i]);
	}
	cli->open.schema_pending_ok = 1;
	cli->open.root_ok = 1;
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = schema_migrate(cli->ctx, &r)))
		return cli_fail(cli, rc);
	if (r.from == r.to)
		printf(_("%s: schema version %d, the program's: nothing to migrate\n"), cn_db_path(cli->ctx), r.to);
	else
		printf(_("%s: migrated from schema version %d to %d (backup first: %s)\n"),
		       cn_db_path(cli->ctx), r.from, r.to, r.backup);
	return 0;
}
