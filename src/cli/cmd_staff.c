/* centralino staff list|add|set-role|disable|enable */
#include <getopt.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/staff.h"
#include "cli.h"
#include "out.h"

/* The whole command's help, or `command`'s ("staff add"). */
static void staff_help(FILE *f, const char *command)
{
	struct cli_help h = cli_help_of(f, command);

	cli_help_usage(&h, "list", _("centralino staff list [--format table|tsv]\n"));
	cli_help_usage(&h, "add", _("centralino staff add LOGIN --name \"Nome Cognome\" --role ROLE\n"));
	cli_help_usage(&h, "set-role", _("centralino staff set-role LOGIN ROLE\n"));
	cli_help_usage(&h, "disable", _("centralino staff disable LOGIN\n"));
	cli_help_usage(&h, "enable", _("centralino staff enable LOGIN\n"));
	cli_help_text(&h, NULL, _("Who may use the program, and with which role. LOGIN is the person's\n"
				  "system login name.\n"));
	cli_help_text(&h, "list|add|set-role", _("Roles, each including the one before:\n"
		     "  assistenza   search, log calls\n"
		     "  operatore    + issue access codes\n"
		     "  supervisore  + revoke codes, extensions, statuses, reports, exports, audit\n"
		     "  admin        + staff, imports, backups\n"));
	cli_help_text(&h, "disable|enable", _("Staff are never deleted: 'disable' keeps their records attributed.\n"));
	cli_help_text(&h, "disable|set-role", _("The last active admin cannot be disabled or demoted.\n"));
	cli_help_text(&h, NULL, _("Changes are for admins; the list is for everyone on it.\n"));
}

/* Handles --help and rejects other options: for the subcommands that take
 * only positional arguments. Returns -1 to go on, else the exit code. */
static int no_options(const char *cmd, int argc, char **argv, int nargs)
{
	static const struct option opts[] = {{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'h') {
			staff_help(stdout, cmd);
			return 0;
		}
		return cli_bad_option(cmd, c, argv);
	}
	if (argc - optind != nargs)
		return cli_usage(cmd, nargs == 1 ? _("give one LOGIN") : _("give LOGIN and ROLE"));
	return -1;
}

static int parse_role(const char *cmd, const char *s, enum cn_role *role)
{
	if (cn_role_parse(s, role) == CN_OK)
		return 0;
	return cli_usage(cmd, _("'%s' is not a role: assistenza, operatore, supervisore or admin"), s);
}

static int staff_cmd_list(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, 0, 'f'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	enum out_format fmt = OUT_TABLE;
	struct staff_list l;
	struct out_table *t;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:h", opts, NULL)) != -1) {
		if (c == 'h') {
			staff_help(stdout, "staff list");
			return 0;
		}
		if (c != 'f')
			return cli_bad_option("staff list", c, argv);
		if ((rc = cli_format_arg("staff list", optarg, 1u << OUT_TABLE | 1u << OUT_TSV, &fmt)))
			return rc;
	}
	if (optind < argc)
		return cli_usage("staff list", _("unexpected argument '%s'"), argv[optind]);
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = staff_list(cli->ctx, &l)))
		return cli_fail(cli, rc);
	if (fmt == OUT_TSV) {
		static const char *const h[] = {"login", "name", "role", "active", "created_at", "disabled_at"};
		t = out_new(fmt, 6, h);
	} else {
		const char *h[] = {_("LOGIN"), _("NAME"), _("ROLE"), _("STATUS")};
		t = out_new(fmt, 4, h);
	}
	for (size_t i = 0; i < l.n; i++) {
		const struct staff_member *m = &l.v[i];
		if (fmt == OUT_TSV) {
			const char *row[] = {m->login, m->name, cn_role_name(m->role), m->active ? "1" : "0",
					     m->created_at, m->disabled_at};
			out_row(t, row);
		} else {
			char status[64], day[11];
			time_t at;
			if (m->active || cn_parse_time(m->disabled_at, &at))
				snprintf(status, sizeof status, "%s", m->active ? _("active") : _("disabled"));
			else {
				cn_fmt_day(at, day);
				snprintf(status, sizeof status, _("disabled %s"), day);
			}
			const char *row[] = {m->login, m->name, cn_role_name(m->role), status};
			out_row(t, row);
		}
	}
	staff_list_free(&l);
	cli_print_table(t);
	return 0;
}

static int staff_cmd_add(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"name", required_argument, 0, 'n'}, {"role", required_argument, 0, 'r'},
		{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *name = NULL, *role_s = NULL;
	enum cn_role role;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":n:r:h", opts, NULL)) != -1) {
		if (c == 'h') {
			staff_help(stdout, "staff add");
			return 0;
		} else if (c == 'n') {
			name = optarg;
		} else if (c == 'r') {
			role_s = optarg;
		} else {
			return cli_bad_option("staff add", c, argv);
		}
	}
	if (argc - optind != 1)
		return cli_usage("staff add", _("give one LOGIN"));
	if (!name || !role_s)
		return cli_usage("staff add", _("give --name \"Nome Cognome\" and --role ROLE"));
	if ((rc = parse_role("staff add", role_s, &role)))
		return rc;
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = staff_add(cli->ctx, argv[optind], name, role)))
		return cli_fail(cli, rc);
	printf(_("%s added to the staff as %s\n"), argv[optind], cn_role_name(role));
	return 0;
}

static int staff_cmd_set_role(struct cli *cli, int argc, char **argv)
{
	enum cn_role role, old;
	int rc;

	if ((rc = no_options("staff set-role", argc, argv, 2)) >= 0)
		return rc;
	if ((rc = parse_role("staff set-role", argv[optind + 1], &role)))
		return rc;
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = staff_set_role(cli->ctx, argv[optind], role, &old)))
		return cli_fail(cli, rc);
	if (old == role)
		printf(_("%s already is %s: nothing changed\n"), argv[optind], cn_role_name(role));
	else
		printf(_("%s is now %s (was %s)\n"), argv[optind], cn_role_name(role), cn_role_name(old));
	return 0;
}

static int staff_cmd_active(struct cli *cli, int argc, char **argv, int enable)
{
	const char *cmd = enable ? "staff enable" : "staff disable";
	int rc, changed;

	if ((rc = no_options(cmd, argc, argv, 1)) >= 0)
		return rc;
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	rc = enable ? staff_enable(cli->ctx, argv[optind], &changed)
		    : staff_disable(cli->ctx, argv[optind], &changed);
	if (rc)
		return cli_fail(cli, rc);
	if (!changed)
		printf(enable ? _("%s already is active: nothing changed\n")
			      : _("%s already is disabled: nothing changed\n"), argv[optind]);
	else
		printf(enable ? _("%s enabled\n")
			      : _("%s disabled: their records stay attributed to them\n"), argv[optind]);
	return 0;
}

int cmd_staff(struct cli *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : NULL;

	if (!sub) {
		staff_help(stderr, "staff");
		return 64;
	}
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		staff_help(stdout, "staff");
		return 0;
	}
	if (strcmp(sub, "list") == 0)
		return staff_cmd_list(cli, argc - 1, argv + 1);
	if (strcmp(sub, "add") == 0)
		return staff_cmd_add(cli, argc - 1, argv + 1);
	if (strcmp(sub, "set-role") == 0)
		return staff_cmd_set_role(cli, argc - 1, argv + 1);
	if (strcmp(sub, "disable") == 0)
		return staff_cmd_active(cli, argc - 1, argv + 1, 0);
	if (strcmp(sub, "enable") == 0)
		return staff_cmd_active(cli, argc - 1, argv + 1, 1);
	return cli_usage("staff", _("'%s' is not a staff command: list, add, set-role, disable, enable"), sub);
}
