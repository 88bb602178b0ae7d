/* centralino doctor */
#include <string.h>

#include "centralino/doctor.h"
#include "cli.h"

int cmd_doctor(struct cli *cli, int argc, char **argv)
{
	struct doctor_paths paths;
	struct doctor_report r;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0) {
			printf(_("usage: centralino doctor\n"
				 "Checks the desk's installation and prints one line per finding,\n"
				 "\"error: ...\" or \"warning: ...\", each saying what to do: the program's\n"
				 "owner and mode (root:centralino 2755), the group centralino and that\n"
				 "nobody is in it, the modes of the desk's folder, database and backups,\n"
				 "/etc/centralino.conf, the schema version and what 'centralino check'\n"
				 "finds (integrity, foreign keys, a missing, changed or foreign table,\n"
				 "index, trigger or view, by name), WAL mode, the newest backup (over 2\n"
				 "days old: warning; it must open), the daily backup timer (a host\n"
				 "without systemd: warning) and the free disk space. Prints \"ok\" when\n"
				 "there is nothing to say. Exit 65 when there is an error, 0 otherwise.\n"
				 "Root or an administrator.\n"));
			return 0;
		}
		return cli_usage("doctor", _("unexpected argument '%s'"), argv[i]);
	}
	cli->open.schema_pending_ok = 1;
	cli->open.root_ok = 1;
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	doctor_default_paths(&paths);
	rc = doctor_run(cli->ctx, &paths, &r);
	for (size_t i = 0; i < r.n; i++)
		printf("%s %s\n", r.v[i].level == DOCTOR_ERROR ? _("error:") : _("warning:"), r.v[i].text);
	if (rc == CN_OK && r.n == 0)
		printf("ok\n");
	doctor_report_free(&r);
	if (rc == CN_EDATA)
		return 65;
	return rc ? cli_fail(cli, rc) : 0;
}
