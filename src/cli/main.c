/* centralino COMMAND ...: global options, then one command from commands.def. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "centralino/config.h"
#include "centralino/desk.h"
#include "centralino/schema.h"
#include "cli.h"

struct command {
	const char *name;
	cli_cmd_fn fn;
	const char *summary;
};

static const struct command commands[] = {
#define CMD(name, fn, summary) {name, fn, summary},
#include "commands.def"
#undef CMD
	{NULL, NULL, NULL},
};


int cli_error(int status, const char *fmt, ...)
{
	va_list ap;
	fputs("centralino: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return status < 0 ? -status : status;
}

int cli_fail(struct cli *cli, int status)
{
	return cli_error(status, "%s", cli->ctx ? cn_error(cli->ctx) : "?");
}

int cli_usage(const char *command, const char *fmt, ...)
{
	va_list ap;
	fputs("centralino: ", stderr);
	if (command)
		fprintf(stderr, "%s: ", command);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (command)
		fprintf(stderr, _("\n(see 'centralino %s --help')\n"), command);
	else
		fputs(_("\n(see 'centralino --help')\n"), stderr);
	return 64;
}

int cli_int_arg(const char *command, const char *option, const char *s, long min, long max, long *out)
{
	char *end;
	long v;
	if (!s || !*s)
		return cli_usage(command, _("%s needs a number"), option);
	v = strtol(s, &end, 10);
	if (*end || v < min || v > max)
		return cli_usage(command, _("%s: '%s' is not a number from %ld to %ld"), option, s, min, max);
	*out = v;
	return 0;
}

int cli_open(struct cli *cli, int create, int no_staff_check)
{
	char err[1024];
	int rc;
	cli->open.create = create;
	cli->open.no_staff_check = no_staff_check;
	rc = cn_ctx_open(&cli->open, &cli->ctx, err, sizeof err);
	if (rc)
		return cli_error(rc, "%s", err);
	if (cn_warning(cli->ctx))
		fprintf(stderr, "centralino: %s %s\n", _("warning:"), cn_warning(cli->ctx));
	return 0;
}

static void usage(FILE *f)
{
	fprintf(f, _("usage: centralino [--db PATH] [--lang it|en] [--now TIME] [--as LOGIN] COMMAND [ARGS]\n"
		     "       centralino            (the full-screen interface)\n\n"
		     "Commands:\n"));
	for (const struct command *c = commands; c->name; c++)
		fprintf(f, "  %-10s %s\n", c->name, _(c->summary));
	fprintf(f, _("\nGlobal options (anywhere on the line):\n"
		     "  --db PATH     database file (else $CENTRALINO_DB, else the setting 'database',\n"
		     "                else $XDG_DATA_HOME/centralino/centralino.db)\n"
		     "  --lang it|en  language (else $CENTRALINO_LANG, else the setting 'lingua', else the locale)\n"
		     "  --now TIME    pretend the time is TIME, YYYY-MM-DDTHH:MM:SS (else $CENTRALINO_NOW)\n"
		     "  --user LOGIN  act as LOGIN (before the command; root or the database owner only;\n"
		     "                else $CENTRALINO_USER)\n"
		     "  --as LOGIN    an administrator acting for LOGIN (both are recorded)\n"
		     "  --help, --version\n"
		     "Each command has its own --help.\n"
		     "Settings: ~/.config/centralino/config, /etc/centralino.conf (see 'man centralino').\n"));
}

/* 1 when arg is a command's option that takes its value from the next
 * argument ("--notes" in `--notes "--now=..."`): that next argument is the
 * value, never a global option. The options that take no value are the
 * commands' flags, listed here. */
static int wants_value(const char *arg)
{
	static const char *const flags[] = {
		"all", "by-region", "callbacks-due", "dry-run", "force", "generic", "help", "mine",
		"no-campaign", "open", "reissue", "reveal", "save-contact", "scheduled", "today",
		"unidentified", "version",
	};
	if (arg[0] != '-' || arg[1] != '-' || !arg[2] || strchr(arg, '='))
		return 0;
	for (size_t i = 0; i < sizeof flags / sizeof *flags; i++)
		if (strcmp(arg + 2, flags[i]) == 0)
			return 0;
	return 1;
}

/* Takes the global options out of argv wherever they stand (up to "--"),
 * except as the value of a command's option. */
static int take_global_options(struct cli *cli, int *argc, char **argv)
{
	static const char *const names[] = {"--db", "--now", "--user", "--as", "--lang"};
	const char **slots[] = {&cli->open.db_path, &cli->open.now, &cli->open.user, &cli->open.as_login, &cli->lang};
	int out = 1, seen_command = 0;
	for (int i = 1; i < *argc; i++) {
		int taken = 0;
		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		for (int k = 0; k < 5 && !taken && !(seen_command && wants_value(argv[i - 1])); k++) {
			size_t n = strlen(names[k]);
			/* after the command, --user is the command's own (audit --user LOGIN) */
			if (strncmp(argv[i], names[k], n) != 0 || (seen_command && k == 2))
				continue;
			if (argv[i][n] == '=') {
				*slots[k] = argv[i] + n + 1;
				taken = 1;
			} else if (argv[i][n] == '\0') {
				if (i + 1 >= *argc)
					return cli_usage(NULL, _("%s needs a value"), names[k]);
				*slots[k] = argv[++i];
				taken = 1;
			}
		}
		if (!taken) {
			argv[out++] = argv[i];
			seen_command = 1;
		}
	}
	argv[out] = NULL;
	*argc = out;
	return 0;
}

/* Privileged mode: the test hooks are refused, whoever gives them. */
static int refuse_test_hooks(const struct cli *cli)
{
	static const char *const envs[] = {"CENTRALINO_DB", "CENTRALINO_NOW", "CENTRALINO_USER"};
	const char *const options[] = {cli->open.db_path, cli->open.now, cli->open.user};
	static const char *const names[] = {"--db", "--now", "--user"};

	if (!desk_privileged())
		return 0;
	for (int i = 0; i < 3; i++) {
		const char *env = getenv(envs[i]);
		if (options[i])
			return cli_error(64, "%s %s", names[i], desk_hook_refusal());
		if (env && *env)
			return cli_error(64, "%s %s", envs[i], desk_hook_refusal());
	}
	return 0;
}

/* Privileged mode: the database of the system file, and only that one. */
static int desk_database(struct cli *cli, const struct cn_config *cfg)
{
	const char *sys = config_system_path(), *origin = cfg->origin[CN_SET_DATABASE];
	size_t n = strlen(sys);

	if (origin && (strncmp(origin, sys, n) != 0 || origin[n] != ':'))
		return cli_error(64, "%s (%s) %s", config_key_name(CN_SET_DATABASE), origin, desk_hook_refusal());
	if (!cfg->value[CN_SET_DATABASE])
		return cli_error(78, _("%s: no '%s = PATH' line: the desk's installed program takes its database from there (see 'man centralino')"),
				 sys, config_key_name(CN_SET_DATABASE));
	snprintf(cli->db_path, sizeof cli->db_path, "%s", cfg->value[CN_SET_DATABASE]);
	cli->open.db_path = cli->db_path;
	return 0;
}

/* The language and the database path from the settings: option >
 * environment > user's config file > /etc/centralino.conf > default. */
static int apply_settings(struct cli *cli)
{
	struct cn_config cfg = {0};
	char err[1024];
	const char *lang = config_value(&cfg, CN_SET_LINGUA, cli->lang); /* option or environment */
	const char *db;
	int rc;

	if (lang && i18n_setup(lang)) {
		if (cli->lang && *cli->lang)
			return cli_usage(NULL, _("--lang: '%s' is not a language (it or en)"), lang);
		return cli_error(78, _("CENTRALINO_LANG: '%s' is not a language (it or en)"), lang);
	}
	if ((rc = config_load(&cfg, err, sizeof err))) {
		config_free(&cfg);
		return cli_error(rc, "%s", err);
	}
	if (!lang && cfg.value[CN_SET_LINGUA])
		i18n_setup(cfg.value[CN_SET_LINGUA]);
	cli->backup_keep = CN_BACKUP_KEEP_DEFAULT;
	{
		const char *keep = config_value(&cfg, CN_SET_BACKUP_KEEP, NULL);
		/* the files' values were checked as they were read: this is the environment's */
		if (keep && config_days(keep, &cli->backup_keep)) {
			config_free(&cfg);
			return cli_error(78, _("%s: '%s' is not a number of days from 1 to %d"),
					 config_env_name(CN_SET_BACKUP_KEEP), keep, CN_BACKUP_KEEP_MAX);
		}
	}
	if (desk_privileged()) {
		rc = desk_database(cli, &cfg);
		config_free(&cfg);
		return rc;
	}
	db = config_value(&cfg, CN_SET_DATABASE, cli->open.db_path);
	if (db && db == cfg.value[CN_SET_DATABASE]) {
		snprintf(cli->db_path, sizeof cli->db_path, "%s", db);
		cli->open.db_path = cli->db_path;
	}
	config_free(&cfg);
	return 0;
}

/* the most arguments of `centralino help COMMAND SUBCOMMAND...` (4 words) */
#define HELP_WORDS 6

int main(int argc, char **argv)
{
	struct cli cli = {0};
	const struct command *cmd = NULL;
	char help_opt[] = "--help", *help_argv[HELP_WORDS + 1];
	char prog[] = "centralino", tui[] = "tui", *tui_argv[] = {prog, tui, NULL};
	int rc;

	if (desk_harden())
		return cli_error(71, "%s", _("cannot turn off core dumps: not going on with the desk's privileges"));
	i18n_setup(NULL); /* the locale's language until the settings are read */
	if ((rc = take_global_options(&cli, &argc, argv)) || (rc = refuse_test_hooks(&cli)))
		return rc;
	if (cli_safe_streams(argc >= 2 && strcmp(argv[1], "tui") != 0))
		return cli_error(71, "%s", _("out of memory"));
	if ((rc = apply_settings(&cli)))
		return rc;
	if (argc < 2) {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			usage(stderr);
			return 64;
		}
		argv = tui_argv;
		argc = 2;
	}
	if (strcmp(argv[1], "help") == 0 && argc > 2 && argc <= HELP_WORDS) {
		/* help COMMAND [SUBCOMMAND...]: `COMMAND SUBCOMMAND... --help` */
		for (int i = 2; i < argc; i++)
			help_argv[i - 1] = argv[i];
		help_argv[0] = argv[0];
		help_argv[argc - 1] = help_opt;
		help_argv[argc] = NULL;
		argv = help_argv;
	} else if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf(_("centralino %s, database schema %d\n"), CN_VERSION, schema_latest());
		return 0;
	}
	for (const struct command *c = commands; c->name; c++)
		if (strcmp(c->name, argv[1]) == 0)
			cmd = c;

	if (!cmd) {
		cli_error(64, _("'%s' is not a command"), argv[1]);
		usage(stderr);
		return 64;
	}
	rc = cmd->fn(&cli, argc - 1, argv + 1);
	cn_ctx_close(cli.ctx);
	return rc;
}
