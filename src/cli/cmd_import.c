/* centralino import KIND FILE: one row per kind in `kinds` below; each
 * handler gets argv from the kind's name on and parses its own options. */
#include <getopt.h>
#include <string.h>

#include "centralino/import_job.h"
#include "cli.h"

static int import_istat(struct cli *cli, int argc, char **argv);
static int import_ambiti(struct cli *cli, int argc, char **argv);
int cmd_import_contacts(struct cli *cli, int argc, char **argv); /* cmd_contact.c */

static const struct import_cmd {
	const char *name;
	int (*fn)(struct cli *cli, int argc, char **argv);
	const char *usage;   /* after "centralino import " */
	const char *help;    /* what the kind reads */
} kinds[] = {
	{"istat", import_istat, "istat [--force] [--dry-run] FILE",
	 N_("ISTAT's list of comuni as published (Elenco dei comuni italiani:\n"
	    "      Latin-1 or UTF-8, ';', multi-line header). A merge: new comuni are\n"
	    "      added, missing ones marked suppressed, renamed ones keep their former\n"
	    "      names. Prints: read, added, suppressed, renamed, updated, unchanged.\n"
	    "      A list that would suppress more than 50 comuni and more than one in\n"
	    "      twenty of the active ones is refused (a truncated download?) unless\n"
	    "      --force.")},
	{"ambiti", import_ambiti, "ambiti [--dry-run] FILE",
	 N_("social districts, UTF-8 CSV with the header\n"
	    "      codice_ambito;denominazione;codice_istat;capofila (',' also accepted),\n"
	    "      one row per member comune, capofila 1 or 0: exactly one capofila per\n"
	    "      ambito, a comune in at most one ambito. The file replaces the members\n"
	    "      of the ambiti it names; other ambiti are left as they are.")},
	{"contacts", cmd_import_contacts, "contacts [--dry-run] FILE",
	 N_("contacts of respondents, CSV with a header naming the columns\n"
	    "      respondent,kind,value[,name,office,source,date] (see 'contact --help').")},
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

void cli_import_help(FILE *f, const char *command)
{
	struct cli_help h = cli_help_of(f, command);
	char line[128];

	for (size_t i = 0; i < NKINDS; i++) {
		snprintf(line, sizeof line, "centralino import %s\n", kinds[i].usage);
		cli_help_usage(&h, kinds[i].name, line);
	}
	for (size_t i = 0; i < NKINDS; i++)
		if (cli_help_for(&h, kinds[i].name))
			fprintf(f, "  %s: %s\n", kinds[i].name, _(kinds[i].help));
	fprintf(f, "%s", _("The whole file is checked in one transaction: any error prints\n"
			   "FILE:LINE: field: what is wrong, exits 65 (66 for a missing file)\n"
			   "and changes nothing. Imports are for admins.\n"
			   "--dry-run: the same checks and summary, then what would change by\n"
			   "name (comuni added, suppressed, renamed; ambiti added or changed;\n"
			   "contacts added); nothing is changed.\n"));
}

/* The common case: KIND FILE, --dry-run, and --force where `force` is
 * given. Returns -1 to go on, else the exit code. */
static int one_file(const char *cmd, int argc, char **argv, int *force, int *dry_run)
{
	static const struct option opts[] = {
		{"help", no_argument, 0, 'h'}, {"force", no_argument, 0, 'f'},
		{"dry-run", no_argument, 0, 'n'}, {0, 0, 0, 0}};
	int c;
	optind = 0;
	opterr = 0;
	*dry_run = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'h') {
			cli_import_help(stdout, cmd);
			return 0;
		}
		if (c == 'n') {
			*dry_run = 1;
			continue;
		}
		if (c == 'f' && force) {
			*force = 1;
			continue;
		}
		return cli_bad_option(cmd, c == 'f' ? '?' : c, argv);
	}
	if (argc - optind != 1)
		return cli_usage(cmd, _("give one FILE"));
	return -1;
}

static int import_istat(struct cli *cli, int argc, char **argv)
{
	struct import_job j = {.kind = IMPORT_ISTAT};
	int rc, dry;

	if ((rc = one_file("import istat", argc, argv, &j.force, &dry)) >= 0)
		return rc;
	j.file = argv[optind];
	return cli_import_job(cli, dry, &j);
}

static int import_ambiti(struct cli *cli, int argc, char **argv)
{
	struct import_job j = {.kind = IMPORT_AMBITI};
	int rc, dry;

	if ((rc = one_file("import ambiti", argc, argv, NULL, &dry)) >= 0)
		return rc;
	j.file = argv[optind];
	return cli_import_job(cli, dry, &j);
}

int cmd_import(struct cli *cli, int argc, char **argv)
{
	const char *kind = argc > 1 ? argv[1] : NULL;

	if (!kind) {
		cli_import_help(stderr, "import");
		return 64;
	}
	if (strcmp(kind, "--help") == 0 || strcmp(kind, "-h") == 0) {
		cli_import_help(stdout, "import");
		return 0;
	}
	for (size_t i = 0; i < NKINDS; i++)
		if (strcmp(kind, kinds[i].name) == 0)
			return kinds[i].fn(cli, argc - 1, argv + 1);
	{
		char names[256] = "";
		for (size_t i = 0; i < NKINDS; i++)
			snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
				 i ? ", " : "", kinds[i].name);
		return cli_usage("import", _("'%s' is not something to import: %s"), kind, names);
	}
}
