/* centralino card RESPONDENT [--format text|tsv]: a respondent's whole story. */
#include <getopt.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/phone.h"
#include "centralino/progress.h"
#include "centralino/story.h"
#include "centralino/text.h"
#include "cli.h"
#include "out.h"

static void card_help(FILE *f)
{
	fprintf(f, "%s", _("usage: centralino card RESPONDENT [--format text|tsv]\n"
		"A respondent's whole story, as the card of the full-screen interface shows it:\n"
		"who it is (ambito and capofila; a suppressed comune: since when and what it\n"
		"became), and in every campaign its status, submission date and effective\n"
		"deadline (with its proroga), every code (active and revoked, masked, with\n"
		"who, when and why), its contacts (those saved with a code too) and its calls\n"
		"still open, with their callbacks. RESPONDENT: ISTAT code, AMB:CODE, REG:NN\n"
		"or a name only one respondent has.\n"
		"  --format tsv  one line per item, its kind first: respondent, campaign,\n"
		"                predecessor, code, contact, call (see the README for the\n"
		"                columns)\n"));
}

/* A stored UTC ISO time as people read it; "" stays "". */
static void shown(const char *iso, char out[17])
{
	time_t t;
	out[0] = '\0';
	if (iso && *iso && cn_parse_time(iso, &t) == 0)
		cn_fmt_display(t, out);
}

static void tsv_row(size_t n, const char *const *cells)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc('\t', stdout);
		out_cell(stdout, OUT_TSV, cells[i] ? cells[i] : "");
	}
	fputc('\n', stdout);
}

static void print_tsv(const struct story *s)
{
	char when[21], back[21], due[65];
	const char *who[] = {"respondent", s->id, s->kind, s->name, s->ambito_code, s->capofila_istat,
			     s->suppressed_on, s->successor_istat};
	tsv_row(8, who);
	for (size_t i = 0; s->is_comune && i < s->comune.npredecessors; i++) {
		const struct registry_predecessor *p = &s->comune.predecessors[i];
		const char *row[] = {"predecessor", p->istat, p->name, p->since};
		tsv_row(4, row);
	}
	for (size_t i = 0; i < s->campaigns.n; i++) {
		const struct campaign_standing *c = &s->campaigns.v[i];
		const char *row[] = {"campaign", c->key, c->status, c->submitted_at, c->deadline,
				     c->campaign_deadline, c->extended_until};
		tsv_row(7, row);
	}
	for (size_t i = 0; i < s->codes.n; i++) {
		const struct code_info *c = &s->codes.v[i];
		const char *row[] = {"code", c->campaign_key, c->code, c->state, c->given_at, c->given_by,
				     c->caller_name, c->verified, c->call_id, c->revoked_at, c->revoked_by,
				     c->revoke_reason};
		tsv_row(12, row);
	}
	for (size_t i = 0; i < s->contacts.n; i++) {
		const struct contact *c = &s->contacts.v[i];
		const char *row[] = {"contact", contact_kind_name(c->kind), c->value, c->name, c->office,
				     c->source, c->noted_on};
		tsv_row(7, row);
	}
	for (size_t i = 0; i < s->open_calls.n; i++) {
		const struct call *c = &s->open_calls.v[i];
		cn_fmt_iso(c->started, when);
		back[0] = '\0';
		if (c->callback_due)
			cn_fmt_iso(c->callback_due, back);
		snprintf(due, sizeof due, "%s", c->callback_owner ? c->callback_owner : "");
		const char *row[] = {"call", c->id, when, c->category, call_state_name(c->state), back, due};
		tsv_row(7, row);
	}
}

static void print_who(const struct story *s)
{
	char day[11];
	printf("%s  [%s]", s->name, s->id);
	if (s->is_comune)
		printf("  %s (%s), %s", s->comune.provincia, s->comune.sigla, s->comune.regione);
	putchar('\n');
	if (s->ambito_code[0]) {
		printf(_("Ambito %s %s"), s->ambito_code, s->ambito_name ? s->ambito_name : "");
		if (s->capofila_istat[0])
			printf(_(" · capofila %s (%s)"), s->capofila_name ? s->capofila_name : "", s->capofila_istat);
		putchar('\n');
	}
	if (s->suppressed_on[0]) {
		cn_date_display(s->suppressed_on, day);
		printf(_("SUPPRESSED since %s"), day);
		if (s->successor_istat[0])
			printf(_("; it became %s (%s)"), s->successor_name ? s->successor_name : "", s->successor_istat);
		printf(_(": no code can be given to it\n"));
	}
	for (size_t i = 0; s->is_comune && i < s->comune.npredecessors; i++) {
		const struct registry_predecessor *p = &s->comune.predecessors[i];
		cn_date_display(p->since, day);
		printf(_("Merged into it: %s (%s) since %s\n"), p->name, p->istat, day);
	}
}

static void print_campaign(const struct story *s, const struct campaign_standing *c)
{
	char dl[11], cdl[11], sub[17];
	enum progress_status st;
	printf(_("\nCampaign %s, %s (%s)\n"), c->key, c->name, campaign_phase_label(c->phase));
	printf("  %-12s %s", _("status"),
	       progress_status_parse(c->status, &st) == 0 ? progress_status_label(st) : c->status);
	shown(c->submitted_at, sub);
	if (sub[0])
		printf(_(", submitted %s"), sub);
	putchar('\n');
	cn_date_display(c->deadline, dl);
	cn_date_display(c->campaign_deadline, cdl);
	printf("  %-12s ", _("deadline"));
	if (c->extended_until[0])
		printf(_("%s (proroga; the campaign's: %s)\n"), dl, cdl);
	else
		printf("%s\n", dl);
	for (size_t i = 0; i < s->codes.n; i++) {
		const struct code_info *k = &s->codes.v[i];
		char when[17], rev[17];
		if (strcmp(k->campaign_key, c->key) != 0)
			continue;
		shown(k->given_at[0] ? k->given_at : k->issued_at, when);
		printf("  %-12s %s  ", _("code"), k->code);
		printf(strcmp(k->state, "active") == 0 ? _("active, given %s") : _("revoked, given %s"), when);
		if (k->call_id[0])
			printf(_(", call %.8s"), k->call_id);
		printf("\n  %-12s ", "");
		printf(_("by %s to %s (%s)"), k->given_by[0] ? k->given_by : k->issued_by,
		       k->caller_name[0] ? k->caller_name : "-", k->verified[0] ? k->verified : "-");
		putchar('\n');
		if (strcmp(k->state, "active") != 0) {
			shown(k->revoked_at, rev);
			printf("  %-12s ", "");
			printf(_("revoked %s by %s: %s"), rev, k->revoked_by, k->revoke_reason);
			putchar('\n');
		}
	}
}

static void print_text(struct cli *cli, const struct story *s)
{
	print_who(s);
	for (size_t i = 0; i < s->campaigns.n; i++)
		print_campaign(s, &s->campaigns.v[i]);
	if (s->contacts.n)
		printf(_("\nContacts\n"));
	for (size_t i = 0; i < s->contacts.n; i++) {
		const struct contact *c = &s->contacts.v[i];
		char day[11], phone[PHONE_DISPLAY_MAX], line[600], from[300];
		cn_date_display(c->noted_on, day);
		if (c->kind == CONTACT_TELEFONO)
			phone_display(c->value, phone);
		snprintf(line, sizeof line, "  %-12s %s%s%s%s%s%s", contact_kind_name(c->kind),
			 c->kind == CONTACT_TELEFONO ? phone : c->value,
			 c->name && *c->name ? " (" : "", c->name && *c->name ? c->name : "",
			 c->name && *c->name ? ")" : "", c->office && *c->office ? " · " : "",
			 c->office && *c->office ? c->office : "");
		snprintf(from, sizeof from, "[%s, %s]", c->source, day);
		/* where it came from on the same line when the whole fits 80 columns */
		if (text_width(line) + 2 + text_width(from) <= 80)
			printf("%s  %s\n", line, from);
		else
			printf("%s\n  %-12s %s\n", line, "", from);
	}
	if (s->open_calls.n)
		printf(_("\nOpen calls\n"));
	for (size_t i = 0; i < s->open_calls.n; i++) {
		const struct call *c = &s->open_calls.v[i];
		char when[17], due[17];
		cn_fmt_display(c->started, when);
		printf("  %.8s  %s  %s  %s", c->id, when, c->category, call_state_label(c->state));
		if (c->callback_due) {
			cn_fmt_display(c->callback_due, due);
			printf("\n  %-12s ", "");
			printf(_("callback %s (%s)%s"), due, c->callback_owner,
			       c->callback_due <= cn_now(cli->ctx) ? _(" - DUE") : "");
		}
		putchar('\n');
	}
}

int cmd_card(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, 0, 'f'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	struct story s;
	int c, rc, tsv = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'h') {
			card_help(stdout);
			return 0;
		}
		if (c != 'f')
			return cli_bad_option("card", c, argv);
		if (strcmp(optarg, "tsv") == 0)
			tsv = 1;
		else if (strcmp(optarg, "text") != 0)
			return cli_usage("card", _("--format: '%s' is not text or tsv"), optarg);
	}
	if (argc - optind != 1)
		return cli_usage("card", _("give one RESPONDENT"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = story_get(cli->ctx, argv[optind], &s)))
		return cli_fail(cli, rc);
	if (tsv)
		print_tsv(&s);
	else
		print_text(cli, &s);
	story_free(&s);
	return 0;
}
