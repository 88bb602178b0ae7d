/* centralino contact add|list|remove */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/contact.h"
#include "centralino/import_job.h"
#include "cli.h"
#include "out.h"

/* The whole command's help, or `command`'s ("contact add"). */
static void contact_help(FILE *f, const char *command)
{
	struct cli_help h = cli_help_of(f, command);

	cli_help_usage(&h, "add", _(
		"centralino contact add RESPONDENT --kind KIND --value TEXT [--name TEXT]\n"
		"                 [--office TEXT] [--source TEXT] [--date DATE]\n"));
	cli_help_usage(&h, "list", _("centralino contact list RESPONDENT [--all] [--format table|tsv|csv]\n"));
	cli_help_usage(&h, "remove", _("centralino contact remove ID [--reason TEXT]\n"));
	cli_help_usage(&h, "", _("centralino import contacts FILE\n"));
	cli_help_text(&h, "add|list", _("How to reach a respondent (ISTAT code, AMB:code, REG:08 or exact name).\n"));
	cli_help_text(&h, "add", _(
		"KIND: referente (value: the person's name, --office their office),\n"
		"ufficio (value: the office), email, pec, telefono. --name/--office say\n"
		"whose address or number it is. --source: where it came from (default\n"
		"\"inserito a mano\"); --date: when it was learnt (default today).\n"));
	cli_help_text(&h, "list|remove", _("Removed contacts are kept for history (list --all shows them).\n"));
	cli_help_text(&h, "", _(
		"import contacts (admin): CSV with a header naming the columns respondent,\n"
		"kind, value and optionally name, office, source, date (Italian names too:\n"
		"istat, tipo, valore, nome, ufficio, fonte, data); one transaction, any\n"
		"error FILE:LINE: field: what is wrong and nothing changed; values already\n"
		"on file are counted as unchanged.\n"));
}

enum { O_KIND = 1, O_VALUE, O_NAME, O_OFFICE, O_SOURCE, O_DATE, O_ALL, O_FORMAT, O_REASON };

static int contact_cmd_add(struct cli *cli, int argc, char **argv)
{
	static const char cmd[] = "contact add";
	static const struct option opts[] = {
		{"kind", required_argument, 0, O_KIND}, {"value", required_argument, 0, O_VALUE},
		{"name", required_argument, 0, O_NAME}, {"office", required_argument, 0, O_OFFICE},
		{"source", required_argument, 0, O_SOURCE}, {"date", required_argument, 0, O_DATE},
		{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	struct contact_new c = {0};
	long long id;
	int opt, rc, have_kind = 0;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (opt) {
		case 'h': contact_help(stdout, "contact add"); return 0;
		case O_KIND:
			if (contact_kind_parse(optarg, &c.kind))
				return cli_usage(cmd, _("--kind: '%s' is not referente, ufficio, email, pec or telefono"), optarg);
			have_kind = 1;
			break;
		case O_VALUE: c.value = optarg; break;
		case O_NAME: c.name = optarg; break;
		case O_OFFICE: c.office = optarg; break;
		case O_SOURCE: c.source = optarg; break;
		case O_DATE: c.noted_on = optarg; break;
		default: return cli_bad_option(cmd, opt, argv);
		}
	}
	if (argc - optind != 1)
		return cli_usage(cmd, _("give one RESPONDENT"));
	if (!have_kind || !c.value)
		return cli_usage(cmd, _("--kind and --value are required"));
	c.respondent = argv[optind];
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = contact_add(cli->ctx, &c, &id)))
		return cli_fail(cli, rc);
	printf(_("contact %lld added\n"), id);
	return 0;
}

static int contact_cmd_list(struct cli *cli, int argc, char **argv)
{
	static const char cmd[] = "contact list";
	static const struct option opts[] = {
		{"all", no_argument, 0, O_ALL}, {"format", required_argument, 0, O_FORMAT},
		{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	enum out_format fmt = OUT_TABLE;
	struct contacts l;
	struct out_table *t;
	int opt, rc, all = 0;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (opt) {
		case 'h': contact_help(stdout, "contact list"); return 0;
		case O_ALL: all = 1; break;
		case O_FORMAT:
			if ((rc = cli_format_arg(cmd, optarg, 7, &fmt)))
				return rc;
			break;
		default: return cli_bad_option(cmd, opt, argv);
		}
	}
	if (argc - optind != 1)
		return cli_usage(cmd, _("give one RESPONDENT"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = contact_list(cli->ctx, argv[optind], all, &l)))
		return cli_fail(cli, rc);
	if (fmt == OUT_TABLE) {
		const char *h[] = {_("ID"), _("KIND"), _("VALUE"), _("NAME"), _("OFFICE"), _("SOURCE"), _("DATE")};
		t = out_new(fmt, 7, h);
		out_align_right(t, 0);
	} else {
		static const char *const h[] = {"id", "respondent", "kind", "value", "name", "office", "source",
						"date", "added_at", "added_by", "removed_at", "removed_by",
						"remove_reason"};
		t = out_new(fmt, 13, h);
	}
	for (size_t i = 0; i < l.n; i++) {
		const struct contact *c = &l.v[i];
		char id[24], day[11];
		snprintf(id, sizeof id, "%lld", c->id);
		if (fmt == OUT_TABLE) {
			char kind[64];
			cn_date_display(c->noted_on, day);
			snprintf(kind, sizeof kind, "%s%s", contact_kind_name(c->kind),
				 c->removed_at[0] ? _(" (removed)") : "");
			const char *row[] = {id, kind, c->value, c->name, c->office, c->source, day};
			out_row(t, row);
		} else {
			const char *row[] = {id, c->respondent_id, contact_kind_name(c->kind), c->value, c->name,
					     c->office, c->source, c->noted_on, c->added_at, c->added_by,
					     c->removed_at, c->removed_by, c->remove_reason};
			out_row(t, row);
		}
	}
	contacts_free(&l);
	cli_print_table(t);
	return 0;
}

static int contact_cmd_remove(struct cli *cli, int argc, char **argv)
{
	static const char cmd[] = "contact remove";
	static const struct option opts[] = {
		{"reason", required_argument, 0, O_REASON}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *reason = NULL;
	long id;
	int opt, rc;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (opt == 'h') {
			contact_help(stdout, "contact remove");
			return 0;
		}
		if (opt != O_REASON)
			return cli_bad_option(cmd, opt, argv);
		reason = optarg;
	}
	if (argc - optind != 1)
		return cli_usage(cmd, _("give one contact ID (see 'contact list')"));
	if ((rc = cli_int_arg(cmd, "ID", argv[optind], 1, 2147483647L, &id)))
		return rc;
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = contact_remove(cli->ctx, id, reason)))
		return cli_fail(cli, rc);
	printf(_("contact %ld removed\n"), id);
	return 0;
}

/* `import contacts FILE`, dispatched from cmd_import.c. */
int cmd_import_contacts(struct cli *cli, int argc, char **argv)
{
	struct import_job j = {.kind = IMPORT_CONTACTS};
	int dry = 0, nargs = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			cli_import_help(stdout, "import contacts");
			return 0;
		}
		if (strcmp(argv[i], "--dry-run") == 0)
			dry = 1;
		else if (argv[i][0] == '-' || nargs++)
			return cli_usage("import contacts", _("give one FILE"));
		else
			j.file = argv[i];
	}
	if (!j.file)
		return cli_usage("import contacts", _("give one FILE"));
	return cli_import_job(cli, dry, &j);
}

int cmd_contact(struct cli *cli, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(struct cli *, int, char **);
	} subs[] = {
		{"add", contact_cmd_add}, {"list", contact_cmd_list}, {"remove", contact_cmd_remove},
	};
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		contact_help(argc < 2 ? stderr : stdout, "contact");
		return argc < 2 ? 64 : 0;
	}
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].fn(cli, argc - 1, argv + 1);
	return cli_usage("contact", _("'%s' is not add, list or remove"), argv[1]);
}
