/* centralino export map */
#include <getopt.h>
#include <string.h>

#include "centralino/progress.h"
#include "cli.h"
#include "out.h"

static void export_help(FILE *f)
{
	fprintf(f, _(
"usage: centralino export map --campaign KEY [--format csv|tsv] > FILE\n"
"\n"
"For the people who publish the public map of practices: one row per comune\n"
"of the campaign, by ISTAT code, with the columns\n"
"  codice_istat,comune,provincia,sigla,regione,stato,data_invio\n"
"stato is the stored status (nessun_codice, codice_emesso, in_compilazione,\n"
"inviato, esonerato); data_invio the submission day (YYYY-MM-DD), empty\n"
"unless inviato. UTF-8, comma-separated (csv, the default) or tsv.\n"
"Supervisore and up.\n"));
}

struct sink {
	enum out_format fmt;
	int header_done;
};

static void put_cells(const struct sink *s, const char *const cells[7])
{
	for (int i = 0; i < 7; i++) {
		if (i)
			putchar(s->fmt == OUT_TSV ? '\t' : ',');
		out_cell(stdout, s->fmt, cells[i]);
	}
	putchar('\n');
}

/* Written with the first row, so a refused export writes nothing. */
static void put_header(struct sink *s)
{
	static const char *const h[] = {"codice_istat", "comune", "provincia", "sigla", "regione",
					"stato", "data_invio"};
	put_cells(s, h);
	s->header_done = 1;
}

static int put_row(void *arg, const struct progress_map_row *r)
{
	struct sink *s = arg;
	const char *cells[] = {r->istat, r->name, r->provincia, r->sigla, r->regione, r->status, r->submitted_on};
	if (!s->header_done)
		put_header(s);
	put_cells(s, cells);
	return ferror(stdout) ? 1 : 0; /* positive: not a core status */
}

static int export_map(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"campaign", required_argument, 0, 'c'}, {"format", required_argument, 0, 'f'},
		{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	struct sink s = {OUT_CSV, 0};
	const char *campaign = NULL;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":c:f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			export_help(stdout);
			return 0;
		case 'c':
			campaign = optarg;
			break;
		case 'f':
			if ((rc = cli_format_arg("export map", optarg, 1u << OUT_CSV | 1u << OUT_TSV, &s.fmt)))
				return rc;
			break;
		default:
			return cli_bad_option("export map", c, argv);
		}
	}
	if (optind < argc)
		return cli_usage("export map", _("unexpected argument '%s'"), argv[optind]);
	if (!campaign)
		return cli_usage("export map", _("which campaign? (--campaign KEY)"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	rc = progress_map(cli->ctx, campaign, put_row, &s);
	if (!rc && !s.header_done)
		put_header(&s);
	if (rc == 1)
		return cli_error(74, _("writing the export failed"));
	if (rc)
		return cli_fail(cli, rc);
	return fflush(stdout) ? cli_error(74, _("writing the export failed")) : 0;
}

int cmd_export(struct cli *cli, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		export_help(argc < 2 ? stderr : stdout);
		return argc < 2 ? 64 : 0;
	}
	if (strcmp(argv[1], "map") == 0)
		return export_map(cli, argc - 1, argv + 1);
	return cli_usage("export", _("'%s' is not map"), argv[1]);
}
