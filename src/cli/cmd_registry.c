/* centralino registry successor OLD NEW [--since DATE]
 *            registry successor --list [COMUNE] [--format table|tsv]
 *            registry successor --remove OLD */
#include <getopt.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/registry.h"
#include "cli.h"
#include "out.h"

static void registry_help(FILE *f)
{
	fprintf(f, "%s", _("usage: centralino registry successor OLD NEW [--since DATE]\n"
		"       centralino registry successor --list [COMUNE] [--format table|tsv]\n"
		"       centralino registry successor --remove OLD\n"
		"Records that the suppressed comune OLD was merged into NEW: searching for\n"
		"OLD then finds NEW, marked \"OLD → NEW, since DATE\", and both records show\n"
		"it. A re-import of ISTAT's list learns it by itself when an added comune\n"
		"of the same provincia has the suppressed one's name in its own (Conco ->\n"
		"Lusiana Conco); this is for the others (Molvena -> Colceresa). OLD, NEW\n"
		"and COMUNE: ISTAT codes or names. Recording and removing: admin only;\n"
		"audited. The list is for everyone on the staff.\n"
		"  --since DATE  when the merger took effect (default: the day OLD was\n"
		"                found missing from ISTAT's list)\n"
		"  --list        the mergers known, learnt or recorded; with COMUNE, those\n"
		"                where it is the merged comune or the successor\n"
		"  --remove      forget what OLD became (a wrong guess of a re-import, or\n"
		"                a slip): searching OLD then finds OLD alone\n"));
}

static int list(struct cli *cli, const char *comune, enum out_format fmt)
{
	struct registry_mergers l;
	struct out_table *t;
	char day[11];
	int rc;

	if ((rc = cli_open(cli, 0, 0)) || (rc = registry_list_successors(cli->ctx, comune, &l)))
		return rc ? cli_fail(cli, rc) : 0;
	if (fmt == OUT_TSV) {
		static const char *const h[] = {"istat", "name", "successor_istat", "successor", "since", "source"};
		t = out_new(fmt, 6, h);
	} else {
		const char *h[] = {_("ISTAT"), _("MERGED"), _("ISTAT"), _("BECAME"), _("SINCE"), _("FROM")};
		t = out_new(fmt, 6, h);
	}
	for (size_t i = 0; i < l.n; i++) {
		const struct registry_merger *m = &l.v[i];
		const char *source = strcmp(m->source, "admin") == 0 ? _("an admin") : _("a re-import");
		cn_date_display(m->since, day);
		const char *row[] = {m->istat, m->name, m->successor_istat, m->successor_name,
				     fmt == OUT_TSV ? m->since : day, fmt == OUT_TSV ? m->source : source};
		out_row(t, row);
	}
	registry_mergers_free(&l);
	cli_print_table(t);
	return 0;
}

static int remove_one(struct cli *cli, const char *old)
{
	struct registry_merger was;
	char day[11];
	int rc;

	if ((rc = cli_open(cli, 0, 0)) || (rc = registry_remove_successor(cli->ctx, old, &was)))
		return rc ? cli_fail(cli, rc) : 0;
	cn_date_display(was.since, day);
	printf(_("Removed: %s → %s, since %s; %s is found alone again\n"), was.name, was.successor_name, day,
	       was.name);
	registry_merger_free(&was);
	return 0;
}

static int record(struct cli *cli, const char *old, const char *new, const char *since)
{
	struct registry_hits h;
	char day[11];
	int rc;

	if ((rc = cli_open(cli, 0, 0)) || (rc = registry_set_successor(cli->ctx, old, new, since)))
		return rc ? cli_fail(cli, rc) : 0;
	/* say what was recorded, as a search for OLD now shows it */
	if (registry_search(cli->ctx, old, 5, &h) == CN_OK) {
		for (size_t i = 0; i < h.n; i++) {
			if (!h.v[i].merged)
				continue;
			cn_date_display(h.v[i].since ? h.v[i].since : "", day);
			printf(_("%s → %s, since %s\n"), h.v[i].matched, h.v[i].name, day);
			break;
		}
		registry_hits_free(&h);
	}
	return 0;
}

static int successor(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"since", required_argument, 0, 's'}, {"list", no_argument, 0, 'l'},
		{"remove", no_argument, 0, 'r'},      {"format", required_argument, 0, 'f'},
		{"help", no_argument, 0, 'h'},        {0, 0, 0, 0}};
	const char *since = NULL, *fmt_arg = NULL;
	enum out_format fmt = OUT_TABLE;
	int ch, rc, listing = 0, removing = 0;

	optind = 0;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":s:lrf:h", opts, NULL)) != -1) {
		if (ch == 'h') {
			registry_help(stdout);
			return 0;
		} else if (ch == 's') {
			since = optarg;
		} else if (ch == 'l' || ch == 'r') {
			*(ch == 'l' ? &listing : &removing) = 1;
		} else if (ch == 'f') {
			fmt_arg = optarg;
		} else {
			return cli_bad_option("registry successor", ch, argv);
		}
	}
	int nargs = argc - optind;
	if (listing && removing)
		return cli_usage("registry successor", _("--list and --remove go alone"));
	if ((listing || removing) && since)
		return cli_usage("registry successor", _("--since goes with OLD NEW only"));
	if (fmt_arg && !listing)
		return cli_usage("registry successor", _("--format goes with --list only"));
	if (listing) {
		if (nargs > 1)
			return cli_usage("registry successor", _("--list takes one comune at most"));
		if (fmt_arg && (rc = cli_format_arg("registry successor", fmt_arg, 1u << OUT_TABLE | 1u << OUT_TSV, &fmt)))
			return rc;
		return list(cli, nargs ? argv[optind] : NULL, fmt);
	}
	if (removing)
		return nargs == 1 ? remove_one(cli, argv[optind])
				  : cli_usage("registry successor", _("--remove takes the merged comune alone"));
	if (nargs != 2)
		return cli_usage("registry successor", _("give the merged comune and its successor"));
	return record(cli, argv[optind], argv[optind + 1], since);
}

int cmd_registry(struct cli *cli, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		registry_help(argc < 2 ? stderr : stdout);
		return argc < 2 ? 64 : 0;
	}
	if (strcmp(argv[1], "successor") == 0)
		return successor(cli, argc - 1, argv + 1);
	return cli_usage("registry", _("unknown subcommand '%s'"), argv[1]);
}
