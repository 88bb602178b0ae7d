/* centralino import KIND FILE: one row per kind in `kinds` below; each
 * handler gets argv from the kind's name on and parses its own options. */
#include <getopt.h>
#include <string.h>

#include "centralino/numfmt.h"
#include "centralino/preview.h"
#include "centralino/registry.h"
#include "cli.h"

static int import_istat(struct cli *cli, int argc, char **argv);
static int import_ambiti(struct cli *cli, int argc, char **argv);
int cmd_import_contacts(struct cli *cli, int argc, char **argv); /* cmd_contact.c */

static const struct import_kind {
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

/* After an import: comuni and ambiti new to the registry join the campaigns
 * that are open. */
static void print_joined(long joined)
{
	char n[NUMFMT_LEN];
	if (joined)
		printf(ngettext("%s new respondent joined the open campaigns\n",
				"%s new respondents joined the open campaigns\n", (unsigned long)joined),
		       numfmt_int(joined, n, sizeof n));
}

struct istat_job {
	const char *file;
	int force;
	struct registry_import_summary s;
};

static int istat_run(struct cn_ctx *ctx, void *arg)
{
	struct istat_job *j = arg;
	return j->force ? registry_import_istat_force(ctx, j->file, &j->s)
			: registry_import_istat(ctx, j->file, &j->s);
}

static int import_istat(struct cli *cli, int argc, char **argv)
{
	struct istat_job j = {0};
	struct preview pv = {0};
	int rc, dry;

	if ((rc = one_file("import istat", argc, argv, &j.force, &dry)) >= 0)
		return rc;
	j.file = argv[optind];
	if ((rc = cli_import_run(cli, dry, PREVIEW_REGISTRY, NULL, istat_run, &j, &pv)) >= 0)
		return rc;
	{
		const struct registry_import_summary *s = &j.s;
		char n[6][NUMFMT_LEN];
		printf(_("%s: %s read, %s added, %s suppressed, %s renamed, %s updated, %s unchanged\n"), j.file,
		       numfmt_int(s->read, n[0], NUMFMT_LEN), numfmt_int(s->added, n[1], NUMFMT_LEN),
		       numfmt_int(s->suppressed, n[2], NUMFMT_LEN), numfmt_int(s->renamed, n[3], NUMFMT_LEN),
		       numfmt_int(s->updated, n[4], NUMFMT_LEN), numfmt_int(s->unchanged, n[5], NUMFMT_LEN));
	}
	print_joined(j.s.joined);
	if (dry)
		cli_preview_print(PREVIEW_REGISTRY, &pv);
	preview_free(&pv);
	return 0;
}

struct ambiti_job {
	const char *file;
	struct registry_ambiti_summary s;
};

static int ambiti_run(struct cn_ctx *ctx, void *arg)
{
	struct ambiti_job *j = arg;
	return registry_import_ambiti(ctx, j->file, &j->s);
}

static int import_ambiti(struct cli *cli, int argc, char **argv)
{
	struct ambiti_job j = {0};
	struct preview pv = {0};
	int rc, dry;

	if ((rc = one_file("import ambiti", argc, argv, NULL, &dry)) >= 0)
		return rc;
	j.file = argv[optind];
	if ((rc = cli_import_run(cli, dry, PREVIEW_AMBITI, NULL, ambiti_run, &j, &pv)) >= 0)
		return rc;
	{
		const struct registry_ambiti_summary *s = &j.s;
		char n[6][NUMFMT_LEN];
		printf(_("%s: %s rows read, %s ambiti (%s added, %s updated, %s unchanged), %s member comuni\n"), j.file,
		       numfmt_int(s->read, n[0], NUMFMT_LEN), numfmt_int(s->ambiti, n[1], NUMFMT_LEN),
		       numfmt_int(s->added, n[2], NUMFMT_LEN), numfmt_int(s->updated, n[3], NUMFMT_LEN),
		       numfmt_int(s->unchanged, n[4], NUMFMT_LEN), numfmt_int(s->members, n[5], NUMFMT_LEN));
	}
	print_joined(j.s.joined);
	if (dry)
		cli_preview_print(PREVIEW_AMBITI, &pv);
	preview_free(&pv);
	return 0;
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
