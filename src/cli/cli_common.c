/* Option errors, --format, help and table printing, the same for every command. */
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

struct cli_help cli_help_of(FILE *f, const char *command)
{
	const char *space = strchr(command, ' ');
	struct cli_help h = {f, space ? space + 1 : NULL, 0};
	return h;
}

int cli_help_for(const struct cli_help *h, const char *subs)
{
	size_t n = h->sub ? strlen(h->sub) : 0;

	if (!h->sub || !subs)
		return 1;
	for (const char *p = subs; *p; p += strcspn(p, "|"), p += *p == '|')
		if (strncmp(p, h->sub, n) == 0 && (p[n] == '|' || p[n] == '\0'))
			return 1;
	return 0;
}

void cli_help_usage(struct cli_help *h, const char *subs, const char *text)
{
	const char *usage = _("usage: ");
	int width = 0;

	if (!cli_help_for(h, subs))
		return;
	if (h->usage_lines++ == 0) {
		fputs(usage, h->f);
	} else {
		/* the same width as "usage: ", counted in characters */
		for (const char *p = usage; *p; p++)
			width += ((unsigned char)*p & 0xC0) != 0x80;
		fprintf(h->f, "%*s", width, "");
	}
	fputs(text, h->f);
}

void cli_help_text(struct cli_help *h, const char *subs, const char *text)
{
	if (cli_help_for(h, subs))
		fputs(text, h->f);
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

void cli_print_table(struct out_table *t)
{
	out_print(t, stdout);
	out_free(t);
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
