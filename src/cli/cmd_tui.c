/* centralino tui: the full-screen interface (also `centralino` alone on a
 * terminal). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "../tui/tui.h"

int cmd_tui(struct cli *cli, int argc, char **argv)
{
	const char *script;
	int rc;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0) {
			printf(_("usage: centralino tui\n"
				 "The full-screen interface of the desk: find a comune while the caller\n"
				 "spells it, open its card, and more. Press ? inside for every key.\n"
				 "Honours the global options (--db, --now, --as) and NO_COLOR.\n"));
			return 0;
		}
		return cli_usage("tui", _("unexpected argument '%s'"), argv[i]);
	}
	/* a test hook: the installed program (set-id) never reads it */
	script = secure_getenv("CENTRALINO_SCRIPT");
	if (script && !*script)
		script = NULL;
	if (!script && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)))
		return cli_error(64, "%s", _("the full-screen interface needs a terminal; "
					     "without one use the commands (centralino --help)"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	return tui_run(cli->ctx, script);
}
