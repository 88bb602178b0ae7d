/* centralino show ISTAT [--format table|tsv]: a comune's whole record. */
#include <ctype.h>
#include <getopt.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/numfmt.h"
#include "centralino/registry.h"
#include "centralino/text.h"
#include "cli.h"
#include "out.h"

static void show_help(FILE *f)
{
	fprintf(f, "%s", _("usage: centralino show ISTAT [--format table|tsv]\n"
		"Everything the registry knows about one comune: names (also in the other\n"
		"language and from before a rename), codes, provincia, regione, population,\n"
		"ambito and its capofila, whether it is suppressed (since when), and the\n"
		"comuni merged into it or the one it was merged into.\n"
		"ISTAT is the 6-digit code; leading zeros may be left out (1272 = 001272).\n"
		"  --format tsv  key<TAB>value lines (former_name once per former name;\n"
		"                successor_istat, successor, successor_since when merged;\n"
		"                merged_from \"ISTAT YYYY-MM-DD NAME\" once per comune merged in)\n"
		"Exits 66 when no comune has that code.\n"));
}

struct kv {
	const char *label;
	char value[512];
};

static void tsv(const char *key, const char *value)
{
	out_cell(stdout, OUT_TSV, key);
	fputc('\t', stdout);
	out_cell(stdout, OUT_TSV, value ? value : "");
	fputc('\n', stdout);
}

static void print_tsv(const struct registry_comune *c)
{
	char n[32];
	tsv("istat", c->istat);
	tsv("name", c->name);
	tsv("name_other", c->name_other);
	tsv("sigla", c->sigla);
	tsv("provincia_code", c->provincia_code);
	tsv("provincia", c->provincia);
	tsv("regione_code", c->regione_code);
	tsv("regione", c->regione);
	tsv("ripartizione_code", c->ripartizione_code);
	tsv("ripartizione", c->ripartizione);
	tsv("cadastral", c->cadastral);
	tsv("capoluogo", c->capoluogo ? "1" : "0");
	snprintf(n, sizeof n, "%ld", c->population);
	tsv("population", c->population >= 0 ? n : "");
	tsv("status", c->suppressed_on ? "suppressed" : "active");
	tsv("suppressed_on", c->suppressed_on);
	tsv("added_on", c->added_on);
	tsv("updated_on", c->updated_on);
	tsv("ambito_code", c->ambito_code);
	tsv("ambito", c->ambito_name);
	tsv("capofila", c->ambito_code ? (c->capofila ? "1" : "0") : "");
	tsv("capofila_istat", c->capofila_istat);
	tsv("capofila_name", c->capofila_name);
	for (size_t i = 0; i < c->nformer; i++)
		tsv("former_name", c->former_names[i]);
	if (c->successor_istat[0]) {
		tsv("successor_istat", c->successor_istat);
		tsv("successor", c->successor_name);
		tsv("successor_since", c->successor_since);
	}
	for (size_t i = 0; i < c->npredecessors; i++) {
		char line[300];
		snprintf(line, sizeof line, "%s %s %s", c->predecessors[i].istat, c->predecessors[i].since,
			 c->predecessors[i].name);
		tsv("merged_from", line);
	}
}

static void print_table(const struct registry_comune *c)
{
	struct kv v[26];
	int n = 0, w = 0;
	char day[11], pop[NUMFMT_LEN];

#define ROW(lbl, ...) do { v[n].label = (lbl); snprintf(v[n].value, sizeof v[n].value, __VA_ARGS__); n++; } while (0)
	ROW(_("Comune"), "%s", c->name);
	if (c->name_other)
		ROW(_("Other language"), "%s", c->name_other);
	for (size_t i = 0; i < c->nformer && n < 12; i++)
		ROW(i ? "" : _("Formerly"), "%s", c->former_names[i]);
	for (size_t i = 0; i < c->npredecessors && n < 16; i++) {
		cn_date_display(c->predecessors[i].since, day);
		ROW(i ? "" : _("Merged from"), _("%s → %s (%s), since %s"), c->predecessors[i].name, c->name,
		    c->predecessors[i].istat, day);
	}
	ROW(_("ISTAT code"), "%s", c->istat);
	ROW(_("Cadastral code"), "%s", c->cadastral ? c->cadastral : "-");
	ROW(_("Provincia"), "%s (%s, %s)%s", c->provincia, c->sigla, c->provincia_code,
	    c->capoluogo ? _(", capoluogo") : "");
	ROW(_("Regione"), "%s (%s), %s", c->regione, c->regione_code, c->ripartizione);
	ROW(_("Population"), "%s", c->population >= 0 ? numfmt_int(c->population, pop, sizeof pop) : "-");
	if (c->ambito_code) {
		ROW(_("Ambito"), "%s (%s)", c->ambito_name, c->ambito_code);
		if (c->capofila)
			ROW(_("Capofila"), "%s", _("this comune"));
		else
			ROW(_("Capofila"), "%s (%s)", c->capofila_name ? c->capofila_name : "-", c->capofila_istat);
	} else {
		ROW(_("Ambito"), "%s", "-");
	}
	if (c->suppressed_on) {
		cn_date_display(c->suppressed_on, day);
		ROW(_("Status"), _("suppressed since %s"), day);
		if (c->successor_istat[0]) {
			cn_date_display(c->successor_since, day);
			ROW(_("Became"), _("%s → %s (%s), since %s"), c->name, c->successor_name, c->successor_istat, day);
		}
	} else {
		ROW(_("Status"), "%s", _("active"));
	}
	cn_date_display(c->updated_on, day);
	ROW(_("Last changed"), "%s", day);
#undef ROW
	for (int i = 0; i < n; i++)
		if (text_width(v[i].label) > w)
			w = text_width(v[i].label);
	for (int i = 0; i < n; i++) {
		fputs(v[i].label, stdout);
		for (int k = text_width(v[i].label); k < w + 2; k++)
			fputc(' ', stdout);
		out_cell(stdout, OUT_TABLE, v[i].value);
		fputc('\n', stdout);
	}
	printf("%s\n", _("Fonte: ISTAT"));
}

int cmd_show(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, 0, 'f'},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0}};
	enum out_format fmt = OUT_TABLE;
	struct registry_comune c;
	char code[7];
	const char *arg;
	size_t len;
	int ch, rc;

	optind = 0;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":f:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			show_help(stdout);
			return 0;
		case 'f':
			if ((rc = cli_format_arg("show", optarg, 1u << OUT_TABLE | 1u << OUT_TSV, &fmt)))
				return rc;
			break;
		default:
			return cli_bad_option("show", ch, argv);
		}
	}
	if (argc - optind != 1)
		return cli_usage("show", _("give one ISTAT code"));
	arg = argv[optind];
	len = strlen(arg);
	if (len < 1 || len > 6 || strspn(arg, "0123456789") != len)
		return cli_usage("show", _("'%s' is not an ISTAT code (6 digits, e.g. 001272)"), arg);
	memset(code, '0', 6 - len);
	memcpy(code + 6 - len, arg, len + 1);
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = registry_get(cli->ctx, code, &c)))
		return cli_fail(cli, rc);
	if (fmt == OUT_TSV)
		print_tsv(&c);
	else
		print_table(&c);
	registry_comune_free(&c);
	return 0;
}
