/* centralino export map */
#include <getopt.h>
#include <string.h>

#include "centralino/progress.h"
#include "centralino/text.h"
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

static int export_map(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"campaign", required_argument, 0, 'c'}, {"format", required_argument, 0, 'f'},
		{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	enum out_format fmt = OUT_CSV;
	struct cn_buf b = {0};
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
			if ((rc = cli_format_arg("export map", optarg, 1u << OUT_CSV | 1u << OUT_TSV, &fmt)))
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
	if ((rc = progress_map_csv(cli->ctx, campaign, fmt == OUT_TSV, &b, NULL))) {
		buf_free(&b);
		return cli_fail(cli, rc);
	}
	rc = fwrite(b.p, 1, b.len, stdout) != b.len || fflush(stdout);
	buf_free(&b);
	return rc ? cli_error(74, _("writing the export failed")) : 0;
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
