/* Option errors, --format and table printing, the same for every command. */
#include <getopt.h>

#include <string.h>

#include "centralino/code.h"
#include "centralino/text.h"
#include "cli.h"

int cli_bad_option(const char *command, int c, char **argv)
{
	if (c == ':')
		return cli_usage(command, _("%s needs a value"), argv[optind - 1]);
	return cli_usage(command, _("unknown option '%s'"), argv[optind - 1]);
}

int cli_format_arg(const char *command, const char *value, unsigned allowed, enum out_format *fmt)
{
	if (out_parse_format(value, allowed, fmt) == 0)
		return 0;
	if (!(allowed & 1u << OUT_TABLE))
		return cli_usage(command, _("--format: '%s' is not csv or tsv"), value);
	if (!(allowed & 1u << OUT_CSV))
		return cli_usage(command, _("--format: '%s' is not table or tsv"), value);
	return cli_usage(command, _("--format: '%s' is not table, tsv or csv"), value);
}

int cli_print_table(struct out_table *t)
{
	if (!t)
		return cli_error(71, _("out of memory"));
	out_print(t, stdout);
	out_free(t);
	return 0;
}

void cli_print_code(const char *code)
{
	char grouped[CODE_GROUPED_BUFSZ];
	struct cn_buf spelled = {0};
	const char *p;

	code_group(code, grouped, sizeof grouped);
	code_spell(code, &spelled);
	printf("\n    %s\n\n", grouped);
	p = buf_str(&spelled);
	while (*p) {
		size_t n = strcspn(p, "\n");
		printf("  %.*s\n", (int)n, p);
		p += n + (p[n] == '\n');
	}
	buf_free(&spelled);
}
