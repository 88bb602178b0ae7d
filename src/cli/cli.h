/* Shared by the CLI commands: global options, opening the database, errors. */
#ifndef CENTRALINO_CLI_H
#define CENTRALINO_CLI_H

#include <stdio.h>

#include "centralino/ctx.h"
#include "centralino/i18n.h"
#include "centralino/preview.h"
#include "out.h"

struct cli {
	struct cn_open_opts open; /* from --db, --now, --user, --as */
	struct cn_ctx *ctx;       /* opened by cli_open */
	int backup_keep;          /* days, from the setting backup_keep */
	const char *lang;         /* --lang */
	char db_path[4096];       /* the database a settings file names */
};

/* Opens the database for a command (create/no_staff_check as in
 * cn_open_opts). On failure prints the message and returns the exit code. */
int cli_open(struct cli *cli, int create, int no_staff_check);

/* Prints "centralino: MESSAGE" to stderr; returns the sysexits code. */
int cli_error(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The core's last error for a failed status: printed, exit code returned. */
int cli_fail(struct cli *cli, int status);
/* Wrong usage of COMMAND: the message, a pointer to --help, exit 64. */
int cli_usage(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parses a non-negative integer option; exit code on failure, else 0. */
int cli_int_arg(const char *command, const char *option, const char *s, long min, long max, long *out);

/* What getopt_long (optstring starting with ':') returned for an option
 * the command does not take, c being ':' (value missing) or '?': the usage
 * message, exit 64. */
int cli_bad_option(const char *command, int c, char **argv);

/* A command's help, whole (`centralino call --help`) or one subcommand's
 * (`centralino call add --help`, `centralino help call add`): each part
 * names the subcommands it is about. */
struct cli_help {
	FILE *f;
	const char *sub; /* "add", "category add"; NULL: the whole command */
	int usage_lines; /* printed so far: the first one says "usage:" */
};
/* The help for `command` as cli_usage names it ("call", "call add",
 * "call category add"): whole for the bare command. */
struct cli_help cli_help_of(FILE *f, const char *command);
/* Is a part about `subs` printed? subs: "add|update"; NULL: every
 * subcommand; "": the whole command's help only. */
int cli_help_for(const struct cli_help *h, const char *subs);
/* A usage line, translated, without the "usage:" the first one gets. */
void cli_help_usage(struct cli_help *h, const char *subs, const char *text);
/* A paragraph, translated. */
void cli_help_text(struct cli_help *h, const char *subs, const char *text);
/* `centralino import`'s help, or one kind's ("import contacts"). */
void cli_import_help(FILE *f, const char *command);

/* --format VALUE, allowed being a bitmask of 1 << OUT_* (see out.h): 0, or
 * the usage message naming the allowed formats and exit 64. */
int cli_format_arg(const char *command, const char *value, unsigned allowed, enum out_format *fmt);

/* Prints the table to stdout and frees it. */
void cli_print_table(struct out_table *t);

/* Opens the database and runs the import job (import_job.h); with dry_run
 * as a preview (preview.h): nothing is changed, and what would change is
 * listed by name after the summary, then "dry run: nothing changed". The
 * rows not applied go to stderr. Returns the exit code. */
struct import_job;
int cli_import_job(struct cli *cli, int dry_run, struct import_job *j);

/* A code to read out: grouped in fours, then spelled (A come Ancona...),
 * one group per line. */
void cli_print_code(const char *code);

/* The most a command reads from standard input (--notes -): far above
 * any text the desk stores (notes: 20,000 characters). */
#define CLI_STDIN_MAX (1024 * 1024)

/* Puts stderr (and stdout unless with_stdout is 0: the full-screen
 * interface draws its own way) behind the output escaper (text.h), so no
 * control character read from the database or the command line reaches
 * the terminal raw. 0, or -1 when the C library cannot set the streams up
 * (fopencookie, atexit: they allocate on their own, outside xalloc.h). */
int cli_safe_streams(int with_stdout);

/* The command table: see commands.def. */
typedef int (*cli_cmd_fn)(struct cli *cli, int argc, char **argv);
#define CMD(name, fn, summary) int fn(struct cli *cli, int argc, char **argv);
#include "commands.def"
#undef CMD

#endif
