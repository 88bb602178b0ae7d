/* centralino COMMAND ...: global options, then one command from commands.def. */
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
	fprintf(stderr, _("\n(see 'centralino %s --help')\n"), command ? command : "");
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
	return 0;
}

static void usage(FILE *f)
{
	fprintf(f, _("usage: centralino [--db PATH] [--now TIME] [--as LOGIN] COMMAND [ARGS]\n"
		     "       centralino            (the full-screen interface)\n\n"
		     "Commands:\n"));
	for (const struct command *c = commands; c->name; c++)
		fprintf(f, "  %-10s %s\n", c->name, _(c->summary));
	fprintf(f, _("\nGlobal options (anywhere on the line):\n"
		     "  --db PATH     database file (else $CENTRALINO_DB, else $XDG_DATA_HOME/centralino/centralino.db)\n"
		     "  --now TIME    pretend the time is TIME, YYYY-MM-DDTHH:MM:SS (else $CENTRALINO_NOW)\n"
		     "  --user LOGIN  act as LOGIN (root or the database owner only; else $CENTRALINO_USER)\n"
		     "  --as LOGIN    an administrator acting for LOGIN (both are recorded)\n"
		     "  --help, --version\n"
		     "Each command has its own --help.\n"));
}

/* Takes the global options out of argv wherever they stand (up to "--"). */
static int take_global_options(struct cli *cli, int *argc, char **argv)
{
	static const char *const names[] = {"--db", "--now", "--user", "--as"};
	const char **slots[] = {&cli->open.db_path, &cli->open.now, &cli->open.user, &cli->open.as_login};
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		int taken = 0;
		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		for (int k = 0; k < 4 && !taken; k++) {
			size_t n = strlen(names[k]);
			if (strncmp(argv[i], names[k], n) != 0)
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
		if (!taken)
			argv[out++] = argv[i];
	}
	argv[out] = NULL;
	*argc = out;
	return 0;
}

int main(int argc, char **argv)
{
	struct cli cli = {0};
	const struct command *cmd = NULL;
	int rc;

	setlocale(LC_ALL, "");
	bindtextdomain("centralino", CN_LOCALEDIR);
	textdomain("centralino");

	if ((rc = take_global_options(&cli, &argc, argv)))
		return rc;
	if (argc < 2) {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			usage(stderr);
			return 64;
		}
		static char *tui_argv[] = {"centralino", "tui", NULL};
		argv = tui_argv;
		argc = 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("centralino %s\n", CN_VERSION);
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
