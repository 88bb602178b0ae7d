/* centralino backup [FILE | --scheduled], centralino restore BACKUP,
 * centralino check */
#include <getopt.h>
#include <string.h>

#include "centralino/config.h"
#include "centralino/desk.h"
#include "centralino/maint.h"
#include "centralino/numfmt.h"
#include "cli.h"

static int backup_help(void)
{
	printf(_("usage: centralino backup [FILE [--force] | --scheduled [--keep DAYS]]\n"
		 "A consistent copy of the database, taken while others keep working\n"
		 "(sqlite's online backup) and checked with integrity_check before it is\n"
		 "put in place; mode 0660 like the database. Recorded in the audit log.\n"
		 "FILE: the copy goes there; an existing FILE is replaced only with --force.\n"
		 "Without FILE: into the backups folder beside the database\n"
		 "(/var/lib/centralino/backups for the installed desk), named\n"
		 "centralino-YYYYMMDD-HHMMSS.db (-2, -3... for more in the same second).\n"
		 "--scheduled: the same, then the dated backups older than DAYS are removed\n"
		 "(--keep, else the setting backup_keep, else 14); one line on stdout.\n"
		 "The daily centralino-backup.timer runs it. Root or an administrator.\n"));
	return 0;
}

static int print_backup(const char *path, const struct maint_backup_result *r, int keep)
{
	char n1[NUMFMT_LEN], n2[NUMFMT_LEN];
	printf(_("%s written: %s pages, %s bytes, integrity check ok"), path,
	       numfmt_int(r->pages, n1, sizeof n1), numfmt_int((long)r->bytes, n2, sizeof n2));
	if (keep > 0)
		printf(ngettext("; %d backup older than %d days removed", "; %d backups older than %d days removed",
				(unsigned long)r->removed), r->removed, keep);
	putchar('\n');
	return 0;
}

int cmd_backup(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"force", no_argument, 0, 'f'}, {"scheduled", no_argument, 0, 's'},
		{"keep", required_argument, 0, 'k'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	struct maint_backup_result r;
	const char *keep_arg = NULL;
	int c, rc, force = 0, scheduled = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":fsk:h", opts, NULL)) != -1) {
		if (c == 'h')
			return backup_help();
		if (c == 'f')
			force = 1;
		else if (c == 's')
			scheduled = 1;
		else if (c == 'k')
			keep_arg = optarg;
		else
			return cli_bad_option("backup", c, argv);
	}
	if (argc - optind > 1)
		return cli_usage("backup", _("give one FILE to write (or none)"));
	if (argc - optind == 1 && (scheduled || keep_arg))
		return cli_usage("backup", _("--scheduled writes into the backups folder: give no FILE"));
	if ((force && argc == optind) || (keep_arg && !scheduled))
		return cli_usage("backup", _("--force goes with FILE, --keep with --scheduled"));
	if (keep_arg && config_days(keep_arg, &cli->backup_keep))
		return cli_usage("backup", _("--keep: '%s' is not a number of days from 1 to %d"),
				 keep_arg, CN_BACKUP_KEEP_MAX);
	if (argc - optind == 1 && desk_privileged())
		return cli_usage("backup", _("the desk's backups go into its backups folder only: run 'centralino backup' without FILE"));
	cli->open.root_ok = argc == optind;
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if (argc - optind == 1) {
		if ((rc = maint_backup(cli->ctx, argv[optind], force, &r)))
			return cli_fail(cli, rc);
		return print_backup(argv[optind], &r, 0);
	}
	rc = maint_backup_dated(cli->ctx, scheduled ? "scheduled" : "manual",
				scheduled ? cli->backup_keep : 0, &r);
	if (rc)
		return cli_fail(cli, rc);
	return print_backup(r.path, &r, scheduled ? cli->backup_keep : 0);
}

static int restore_help(void)
{
	printf(_("usage: centralino restore BACKUP\n"
		 "Puts a backup back into the database while others keep working: first\n"
		 "a dated backup of the present state into the backups folder, then the\n"
		 "backup's contents into the database through sqlite's online backup\n"
		 "API. The database file stays the same file: every program that has it\n"
		 "open keeps working and shows the restored data at once. Recorded in\n"
		 "the audit log, naming the backup and the backup of the state before.\n"
		 "BACKUP: a name in the backups folder (centralino-YYYYMMDD-HHMMSS.db) or\n"
		 "a path; the installed desk restores only from its backups folder.\n"
		 "Refused, changing nothing, when BACKUP is not a centralino database, is\n"
		 "at another schema version, or fails its integrity check.\n"
		 "An administrator.\n"));
	return 0;
}

int cmd_restore(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	struct maint_restore_result r;
	char n[NUMFMT_LEN];
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'h')
			return restore_help();
		return cli_bad_option("restore", c, argv);
	}
	if (argc - optind != 1)
		return cli_usage("restore", _("give one BACKUP: a name in the backups folder, or its path"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = maint_restore(cli->ctx, argv[optind], &r)))
		return cli_fail(cli, rc);
	printf(_("%s restored into %s (%s pages); the state before is kept in %s\n"), r.path,
	       cn_db_path(cli->ctx), numfmt_int(r.pages, n, sizeof n), r.safety);
	return 0;
}

int cmd_check(struct cli *cli, int argc, char **argv)
{
	struct maint_problems p;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0) {
			printf(_("usage: centralino check\n"
				 "Runs sqlite's integrity_check and foreign_key_check on the database, and\n"
				 "compares every table, index, trigger and view with what the migrations\n"
				 "create (a missing, changed or foreign one is named).\n"
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
