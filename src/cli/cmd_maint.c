/* centralino backup FILE, centralino check */
#include <getopt.h>
#include <string.h>

#include "centralino/maint.h"
#include "centralino/numfmt.h"
#include "cli.h"

int cmd_backup(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"force", no_argument, 0, 'f'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	struct maint_backup_result r;
	int c, rc, force = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":fh", opts, NULL)) != -1) {
		if (c == 'h') {
			printf(_("usage: centralino backup FILE [--force]\n"
				 "A consistent copy of the database at FILE, taken while others keep\n"
				 "working (sqlite's online backup), checked with integrity_check before\n"
				 "it is put in place; mode 0660 like the database. An existing FILE is\n"
				 "replaced only with --force. Admin only; recorded in the audit log.\n"));
			return 0;
		}
		if (c != 'f')
			return cli_bad_option("backup", c, argv);
		force = 1;
	}
	if (argc - optind != 1)
		return cli_usage("backup", _("give the FILE to write"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = maint_backup(cli->ctx, argv[optind], force, &r)))
		return cli_fail(cli, rc);
	{
		char n1[NUMFMT_LEN], n2[NUMFMT_LEN];
		printf(_("%s written: %s pages, %s bytes, integrity check ok\n"), argv[optind],
		       numfmt_int(r.pages, n1, sizeof n1), numfmt_int((long)r.bytes, n2, sizeof n2));
	}
	return 0;
}

int cmd_check(struct cli *cli, int argc, char **argv)
{
	struct maint_problems p;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0) {
			printf(_("usage: centralino check\n"
				 "Runs sqlite's integrity_check and foreign_key_check on the database.\n"
				 "Prints \"ok\", or one line per problem and exits 65 (supervisore and up).\n"));
			return 0;
		}
		return cli_usage("check", _("unexpected argument '%s'"), argv[i]);
	}
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	rc = maint_check(cli->ctx, &p);
	for (size_t i = 0; i < p.n; i++)
		printf("%s\n", p.v[i]);
	maint_problems_free(&p);
	if (rc)
		return cli_fail(cli, rc);
	printf("ok\n");
	return 0;
}
