/* The parts of `centralino status` that belong to progress:
 * `status set`, `status show` and `status import --generic`. cmd_status.c
 * hands its arguments here first. */
#ifndef CENTRALINO_STATUS_GENERIC_H
#define CENTRALINO_STATUS_GENERIC_H

#include "cli.h"

/* argv[0] = "status". Handles `set`, `show` and `import ... --generic`
 * and returns the exit code; -1 when the line is not one of those. */
int status_generic_dispatch(struct cli *cli, int argc, char **argv);

/* The help parts of these subcommands, for status_help. */
void status_generic_help(struct cli_help *h);

/* `status --help` whole, or `command`'s ("status set",
 * "status import --generic"); in cmd_status.c. */
void status_help(FILE *f, const char *command);

#endif
