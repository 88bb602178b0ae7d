/* centralino search QUERY [--limit N] [--format table|tsv] */
#include <getopt.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/numfmt.h"
#include "centralino/registry.h"
#include "centralino/text.h"
#include "cli.h"
#include "out.h"

static void search_help(FILE *f)
{
	fprintf(f, "%s", _("usage: centralino search QUERY... [--limit N] [--format table|tsv]\n"
		"Finds comuni however the name is spelt: case, accents and punctuation do\n"
		"not matter (forli, Forli', FORLÌ), other-language names (bozen) and former\n"
		"names (from before a rename) count too. Words match the starts of the\n"
		"name's words in order: 's g pers' finds San Giovanni in Persiceto.\n"
		"Also understood: 'comune di forli', 'forli (FC)', 'Cervia RA', 'samone torino'\n"
		"(a province or region said aloud), S./S.to/S.ta/Sant, words run together\n"
		"or split, 'Bolzano/Bozen', one slip per word of 5+ letters ('grottammrae'),\n"
		"and the name of a comune merged into another ('molvena' finds Colceresa).\n"
		"  001272        an ISTAT code (or its first digits)\n"
		"  L219          a cadastral code\n"
		"  pr:TO QUERY   only comuni of a province, by car-plate code (also 'TO: QUERY';\n"
		"                'pr:TO' alone lists the province)\n"
		"Order: exact name, name prefix, word prefix, substring; among\n"
		"equals comuni with an open call, then called in the last 7 days, then the\n"
		"largest; suppressed comuni after them (marked), one slip after all that.\n"
		"Nothing found: the closest names (\"Did you mean\").\n"
		"  --limit N     at most N comuni (default 20; 0 = all)\n"
		"  --format F    table (default) or tsv: istat, name, sigla, region, status\n"
		"                (active|suppressed), with a header row\n"));
}

/* One hit as a table row: the bilingual name whole, the notes. */
static void table_row(struct out_table *t, const struct registry_hit *h)
{
	struct cn_buf name = {0}, note = {0};
	char pop[NUMFMT_LEN] = "";
	buf_puts(&name, h->name);
	if (h->name_other) {
		buf_puts(&name, "/");
		buf_puts(&name, h->name_other);
	}
	if (h->suppressed)
		buf_puts(&note, _("suppressed"));
	if (h->matched) {
		if (note.len)
			buf_puts(&note, "; ");
		if (h->merged) {
			char day[11];
			cn_date_display(h->since ? h->since : "", day);
			/* TRANSLATORS: a comune merged into another: "Molvena → Colceresa, since 20/02/2019" */
			buf_printf(&note, _("%s → %s, since %s"), h->matched, h->name, day);
		} else {
			buf_printf(&note, _("formerly %s"), h->matched);
		}
	}
	if (h->population >= 0)
		numfmt_int(h->population, pop, sizeof pop);
	const char *row[] = {h->istat, buf_str(&name), h->sigla, h->regione, pop, buf_str(&note)};
	out_row(t, row);
	buf_free(&name);
	buf_free(&note);
}

/* Never an empty answer: the closest names. */
static int no_match(struct cli *cli, const char *query)
{
	struct registry_hits near;
	struct cn_buf line = {0};
	int rc = registry_suggest(cli->ctx, query, 3, &near);
	if (rc)
		return cli_fail(cli, rc);
	for (size_t i = 0; i < near.n; i++)
		buf_printf(&line, "%s%s (%s)", i ? ", " : "", near.v[i].name, near.v[i].sigla);
	if (near.n)
		printf(_("No comune matches \"%s\". Did you mean: %s?\n"), query, buf_str(&line));
	else
		printf(_("No comune matches \"%s\".\n"), query);
	buf_free(&line);
	registry_hits_free(&near);
	return 0;
}

int cmd_search(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"limit", required_argument, 0, 'n'},
		{"format", required_argument, 0, 'f'},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0}};
	enum out_format fmt = OUT_TABLE;
	long limit = 20;
	struct cn_buf query = {0};
	struct registry_hits hits;
	struct out_table *t;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":n:f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			search_help(stdout);
			return 0;
		case 'n':
			if ((rc = cli_int_arg("search", "--limit", optarg, 0, 100000, &limit)))
				return rc;
			break;
		case 'f':
			if ((rc = cli_format_arg("search", optarg, 1u << OUT_TABLE | 1u << OUT_TSV, &fmt)))
				return rc;
			break;
		default:
			return cli_bad_option("search", c, argv);
		}
	}
	/* the words of the query may come as separate arguments */
	for (int i = optind; i < argc; i++) {
		if (i > optind)
			buf_puts(&query, " ");
		buf_puts(&query, argv[i]);
	}
	if (!query.len || strspn(buf_str(&query), " \t") == query.len) {
		buf_free(&query);
		return cli_usage("search", _("give the text to search for"));
	}
	if ((rc = cli_open(cli, 0, 0))) {
		buf_free(&query);
		return rc;
	}
	rc = registry_search(cli->ctx, buf_str(&query), (int)limit, &hits);
	if (rc) {
		buf_free(&query);
		return cli_fail(cli, rc);
	}
	if (fmt == OUT_TSV) {
		static const char *const h[] = {"istat", "name", "sigla", "region", "status"};
		t = out_new(fmt, 5, h);
	} else {
		const char *h[] = {_("ISTAT"), _("COMUNE"), _("PR"), _("REGIONE"), _("POPULATION"), _("NOTE")};
		t = out_new(fmt, 6, h);
		out_align_right(t, 4);
	}
	for (size_t i = 0; i < hits.n; i++) {
		const struct registry_hit *h = &hits.v[i];
		if (fmt == OUT_TSV) {
			const char *row[] = {h->istat, h->name, h->sigla, h->regione,
					     h->suppressed ? "suppressed" : "active"};
			out_row(t, row);
		} else {
			table_row(t, h);
		}
	}
	if (fmt == OUT_TABLE && hits.n == 0)
		rc = no_match(cli, buf_str(&query));
	else
		out_print(t, stdout);
	out_free(t);
	registry_hits_free(&hits);
	buf_free(&query);
	return rc;
}
