/* centralino stats [--by-region] [--format table|tsv] */
#include <getopt.h>
#include <string.h>

#include "centralino/numfmt.h"
#include "centralino/registry.h"
#include "centralino/text.h"
#include "cli.h"
#include "out.h"

static void stats_help(FILE *f)
{
	fprintf(f, "%s", _("usage: centralino stats [--by-region] [--format table|tsv]\n"
		"The registry's counts. TSV: key<TAB>value lines: comuni_active,\n"
		"comuni_suppressed, regions, provinces, ambiti, bilingual (active comuni\n"
		"with an other-language name), capoluoghi, former_names.\n"
		"  --by-region   one row per regione: code, regione, comuni_active,\n"
		"                comuni_suppressed, provinces\n"));
}

static int by_region(struct cli *cli, enum out_format fmt)
{
	struct registry_region_stat *v;
	struct out_table *t;
	size_t n;
	int rc;

	if ((rc = registry_region_stats(cli->ctx, &v, &n)))
		return cli_fail(cli, rc);
	if (fmt == OUT_TSV) {
		static const char *const h[] = {"code", "regione", "comuni_active", "comuni_suppressed", "provinces"};
		t = out_new(fmt, 5, h);
	} else {
		const char *h[] = {_("CODE"), _("REGIONE"), _("COMUNI"), _("SUPPRESSED"), _("PROVINCE")};
		t = out_new(fmt, 5, h);
		for (int c = 2; c < 5; c++)
			out_align_right(t, c);
	}
	for (size_t i = 0; i < n; i++) {
		char a[NUMFMT_LEN], s[NUMFMT_LEN], p[NUMFMT_LEN];
		if (fmt == OUT_TSV) {
			snprintf(a, sizeof a, "%ld", v[i].active);
			snprintf(s, sizeof s, "%ld", v[i].suppressed);
			snprintf(p, sizeof p, "%ld", v[i].provinces);
		} else {
			numfmt_int(v[i].active, a, sizeof a);
			numfmt_int(v[i].suppressed, s, sizeof s);
			numfmt_int(v[i].provinces, p, sizeof p);
		}
		const char *row[] = {v[i].code, v[i].name, a, s, p};
		out_row(t, row);
	}
	registry_region_stats_free(v, n);
	cli_print_table(t);
	return 0;
}

int cmd_stats(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, 0, 'f'},
		{"by-region", no_argument, 0, 'r'},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0}};
	enum out_format fmt = OUT_TABLE;
	struct registry_stats s;
	int c, rc, regions = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:rh", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			stats_help(stdout);
			return 0;
		case 'r':
			regions = 1;
			break;
		case 'f':
			if ((rc = cli_format_arg("stats", optarg, 1u << OUT_TABLE | 1u << OUT_TSV, &fmt)))
				return rc;
			break;
		default:
			return cli_bad_option("stats", c, argv);
		}
	}
	if (optind < argc)
		return cli_usage("stats", _("unexpected argument '%s'"), argv[optind]);
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if (regions)
		return by_region(cli, fmt);
	if ((rc = registry_stats(cli->ctx, &s)))
		return cli_fail(cli, rc);
	const struct {
		const char *key, *label;
		long v;
	} rows[] = {
		{"comuni_active", N_("Comuni (active)"), s.comuni_active},
		{"comuni_suppressed", N_("Comuni suppressed"), s.comuni_suppressed},
		{"regions", N_("Regioni"), s.regions},
		{"provinces", N_("Province"), s.provinces},
		{"ambiti", N_("Ambiti"), s.ambiti},
		{"bilingual", N_("Bilingual names"), s.bilingual},
		{"capoluoghi", N_("Capoluoghi"), s.capoluoghi},
		{"former_names", N_("Former names"), s.former_names},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		if (fmt == OUT_TSV) {
			printf("%s\t%ld\n", rows[i].key, rows[i].v);
		} else {
			char n[NUMFMT_LEN];
			const char *label = _(rows[i].label);
			fputs(label, stdout);
			for (int k = text_width(label); k < 20; k++)
				fputc(' ', stdout);
			printf(" %8s\n", numfmt_int(rows[i].v, n, sizeof n));
		}
	}
	return 0;
}
