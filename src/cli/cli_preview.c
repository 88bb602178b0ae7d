/* The preview of an import on the terminal (`--dry-run` of every import
 * command): the import's own summary line comes first (printed by the
 * command), then what would change, by name. */
#include <stdio.h>
#include <stdlib.h>

#include "centralino/numfmt.h"
#include "centralino/preview.h"
#include "centralino/progress.h"
#include "centralino/text.h"
#include "cli.h"

int cli_import_run(struct cli *cli, int dry_run, enum preview_subject what, const char *campaign,
		   int (*import)(struct cn_ctx *ctx, void *arg), void *arg, struct preview *pv)
{
	int rc;
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	rc = dry_run ? preview_import(cli->ctx, what, campaign, import, arg, pv) : import(cli->ctx, arg);
	return rc ? cli_fail(cli, rc) : -1;
}

static void print_item(enum preview_subject what, const struct preview_item *it)
{
	char *id = text_escaped(it->id, TEXT_ESC_SPACES), *name = text_escaped(it->name, TEXT_ESC_SPACES);
	char *now = text_escaped(it->now, TEXT_ESC_SPACES), *was = text_escaped(it->was, TEXT_ESC_SPACES);
	char a[NUMFMT_LEN], b[NUMFMT_LEN];

	printf("  %s %s", id ? id : "", name ? name : "");
	if (what == PREVIEW_AMBITI && it->now && it->was)
		printf(_(": %s comuni (were %s)"), numfmt_int(atol(it->now), a, sizeof a),
		       numfmt_int(atol(it->was), b, sizeof b));
	else if (what == PREVIEW_AMBITI && it->now)
		printf(_(": %s comuni"), numfmt_int(atol(it->now), a, sizeof a));
	else if (it->now)
		printf(": %s", now ? now : "");
	if (it->was && what != PREVIEW_AMBITI)
		printf(_(" (was %s)"), was ? was : "");
	putchar('\n');
	free(id);
	free(name);
	free(now);
	free(was);
}

void cli_preview_print(enum preview_subject what, const struct preview *pv)
{
	char n[NUMFMT_LEN];
	for (int l = 0; l < PREVIEW_NLISTS; l++) {
		if (!pv->n[l])
			continue;
		printf("%s (%s):\n", preview_list_title((enum preview_list)l), numfmt_int((long)pv->n[l], n, sizeof n));
		for (size_t i = 0; i < pv->n[l]; i++)
			print_item(what, &pv->v[l][i]);
	}
	printf("%s\n", _("dry run: nothing changed"));
}
