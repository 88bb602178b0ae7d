/* centralino registry successor OLD NEW [--since DATE] */
#include <getopt.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/registry.h"
#include "cli.h"

static void registry_help(FILE *f)
{
	fprintf(f, "%s", _("usage: centralino registry successor OLD NEW [--since DATE]\n"
		"Records that the suppressed comune OLD was merged into NEW: searching for\n"
		"OLD then finds NEW, marked \"OLD → NEW, since DATE\", and both records show\n"
		"it. A re-import of ISTAT's list learns it by itself when an added comune\n"
		"of the same provincia has the suppressed one's name in its own (Conco ->\n"
		"Lusiana Conco); this is for the others (Molvena -> Colceresa). OLD and\n"
		"NEW: ISTAT codes or names. Admin only; audited.\n"
		"  --since DATE  when the merger took effect (default: the day OLD was\n"
		"                found missing from ISTAT's list)\n"));
}

static int successor(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"since", required_argument, 0, 's'},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0}};
	const char *since = NULL;
	char day[11];
	int ch, rc;

	optind = 0;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":s:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			registry_help(stdout);
			return 0;
		case 's':
			since = optarg;
			break;
		default:
			return cli_bad_option("registry successor", ch, argv);
		}
	}
	if (argc - optind != 2)
		return cli_usage("registry successor", _("give the merged comune and its successor"));
	if ((rc = cli_open(cli, 0, 0)) ||
	    (rc = registry_set_successor(cli->ctx, argv[optind], argv[optind + 1], since)))
		return rc ? cli_fail(cli, rc) : 0;
	/* say what was recorded, as a search for OLD now shows it */
	struct registry_hits h;
	if (registry_search(cli->ctx, argv[optind], 5, &h) == CN_OK) {
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
