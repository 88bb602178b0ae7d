/* centralino audit: who did what, newest first. */
#include <getopt.h>
#include <string.h>

#include "centralino/audit.h"
#include "centralino/clock.h"
#include "cli.h"
#include "out.h"

enum { AUDIT_DEFAULT_LIMIT = 100 };

static void audit_help(void)
{
	printf(_("usage: centralino audit [--since DATE] [--user LOGIN] [--object ID] [--action ACTION]\n"
		 "                        [--limit N] [--format table|tsv]\n"
		 "The audit log, newest first (supervisore and up). Every change made\n"
		 "through the program leaves one row: when, who (and for whom, under --as),\n"
		 "what, on which object.\n"
		 "  --since DATE     from DATE (YYYY-MM-DD or DD/MM/YYYY, optionally HH:MM) on\n"
		 "  --user LOGIN     done by LOGIN, at the keyboard or through --as\n"
		 "  --object ID      on this object (a login, an ISTAT code, a file...)\n"
		 "  --action ACTION  this action, or a family: 'staff' finds staff.add, staff.disable...\n"
		 "  --limit N        at most N rows (default %d; 0 for all)\n"
		 "  --format F       table (Italian local time) or tsv (UTC ISO times, with a header)\n"),
	       AUDIT_DEFAULT_LIMIT);
}

static void print_entries(const struct audit_entries *e, enum out_format fmt)
{
	struct out_table *t;

	if (fmt == OUT_TSV) {
		static const char *const h[] = {"uuid", "at", "login", "as_login", "action",
						"object_kind", "object_id", "details"};
		t = out_new(fmt, 8, h);
	} else {
		const char *h[] = {_("WHEN"), _("WHO"), _("ACTION"), _("OBJECT"), _("DETAILS")};
		t = out_new(fmt, 5, h);
	}
	for (size_t i = 0; i < e->n; i++) {
		const struct audit_entry *a = &e->v[i];
		if (fmt == OUT_TSV) {
			const char *row[] = {a->uuid, a->at, a->login, a->as_login, a->action,
					     a->object_kind, a->object_id, a->details};
			out_row(t, row);
		} else {
			char when[17], who[160], object[512];
			time_t at;
			if (cn_parse_time(a->at, &at) == 0)
				cn_fmt_display(at, when);
			else
				snprintf(when, sizeof when, "%.16s", a->at);
			if (a->as_login)
				snprintf(who, sizeof who, _("%s as %s"), a->login, a->as_login);
			else
				snprintf(who, sizeof who, "%s", a->login);
			snprintf(object, sizeof object, "%s%s%s", a->object_kind ? a->object_kind : "",
				 a->object_kind && a->object_id ? " " : "", a->object_id ? a->object_id : "");
			const char *row[] = {when, who, a->action, object, a->details};
			out_row(t, row);
		}
	}
	out_print(t, stdout);
	out_free(t);
}

int cmd_audit(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"since", required_argument, 0, 's'}, {"user", required_argument, 0, 'u'},
		{"object", required_argument, 0, 'o'}, {"action", required_argument, 0, 'a'},
		{"limit", required_argument, 0, 'l'}, {"format", required_argument, 0, 'f'},
		{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	struct audit_filter f = {.limit = AUDIT_DEFAULT_LIMIT};
	struct audit_entries e;
	enum out_format fmt = OUT_TABLE;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":s:u:o:a:l:f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			audit_help();
			return 0;
		case 's':
			if (cn_parse_time(optarg, &f.since))
				return cli_usage("audit", _("--since: '%s' is not a date (YYYY-MM-DD or DD/MM/YYYY, optionally HH:MM)"), optarg);
			break;
		case 'u': f.user = optarg; break;
		case 'o': f.object = optarg; break;
		case 'a': f.action = optarg; break;
		case 'l':
			if ((rc = cli_int_arg("audit", "--limit", optarg, 0, 1000000000L, &f.limit)))
				return rc;
			break;
		case 'f':
			if ((rc = cli_format_arg("audit", optarg, 1u << OUT_TABLE | 1u << OUT_TSV, &fmt)))
				return rc;
			break;
		default:
			return cli_bad_option("audit", c, argv);
		}
	}
	if (optind < argc)
		return cli_usage("audit", _("unexpected argument '%s'"), argv[optind]);
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = audit_query(cli->ctx, &f, &e)))
		return cli_fail(cli, rc);
	print_entries(&e, fmt);
	if (fmt == OUT_TABLE && f.limit && e.n == (size_t)f.limit)
		fprintf(stderr, ngettext("centralino: the newest %ld row shown: --limit 0 shows all\n",
					 "centralino: the newest %ld rows shown: --limit 0 shows all\n", (unsigned long)f.limit),
			f.limit);
	audit_entries_free(&e);
	return 0;
}
