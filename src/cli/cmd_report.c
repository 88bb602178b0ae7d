/* centralino report progress|reminders|daily */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/clock.h"
#include "centralino/numfmt.h"
#include "centralino/phone.h"
#include "centralino/progress.h"
#include "centralino/report_html.h"
#include "centralino/text.h"
#include "cli.h"
#include "out.h"
#include "centralino/xalloc.h"

/* The whole command's help, or `command`'s ("report daily"). */
static void report_help(FILE *f, const char *command)
{
	struct cli_help h = cli_help_of(f, command);

	cli_help_usage(&h, "progress", _(
"centralino report progress --campaign KEY [--by GROUP] [--format table|tsv|csv]\n"));
	cli_help_usage(&h, "progress", _(
"centralino report progress --campaign KEY --format html --output FILE\n"));
	cli_help_usage(&h, "reminders", _(
"centralino report reminders --campaign KEY [--limit N] [--format table|tsv|csv]\n"));
	cli_help_usage(&h, "daily", _("centralino report daily --campaign KEY [--format table|tsv|csv]\n"));
	cli_help_text(&h, NULL, "\n");
	if (cli_help_for(&h, "progress"))
		fprintf(f, _(
"progress   one row per group (GROUP: regione (default), provincia, ambito,\n"
"           ripartizione, comune) with respondents, each status, late and\n"
"           %% submitted, then the total. Above the table: days left, the\n"
"           submissions per day over the last 7 days, the count projected at\n"
"           the deadline at that pace, and the pace needed for 100%%\n"
"           (tsv/csv: as '# name=value' lines before the header).\n"
"           %% submitted = submitted / (respondents - excused - screened out).\n"
"           Late: past the respondent's deadline (its proroga, else the\n"
"           campaign's) and neither submitted nor excused.\n"
"           By ambito each comune counts once in its ambito, the capofila too;\n"
"           the row names the capofila and its status.\n"
"           --format html --output FILE: the report for the people who\n"
"           commissioned the survey, one self-contained file that prints on\n"
"           A4: the figures above, the cumulative chart against the line to\n"
"           the deadline, a bar and a row per regione, the late respondents,\n"
"           the proroghe in force and the day-by-day table (--lang it: in\n"
"           Italian).\n"));
	cli_help_text(&h, "reminders", _(
"reminders  whom to chase, most useful first: overdue callbacks, then those\n"
"           holding a code, then those without; capofila first, then larger\n"
"           population. With the last contact, its outcome and the best phone.\n"
"           Any staff may read it (supervisore for the others).\n"));
	cli_help_text(&h, "daily", _(
"daily      per day: codes given out, calls by category, submissions and the\n"
"           running total (the series behind the dashboard's chart).\n"));
}

struct opts {
	const char *campaign;
	enum progress_by by;
	enum out_format fmt;
	long limit;
	int html;
	const char *output;
};

/* Options shared by the three reports; `which` says which are allowed. */
static int parse(const char *cmd, int argc, char **argv, int with_by, int with_limit, struct opts *o)
{
	static const struct option longopts[] = {
		{"campaign", required_argument, 0, 'c'}, {"by", required_argument, 0, 'b'},
		{"format", required_argument, 0, 'f'}, {"limit", required_argument, 0, 'n'},
		{"output", required_argument, 0, 'o'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	int c, rc;

	memset(o, 0, sizeof *o);
	o->by = PROGRESS_BY_REGIONE;
	o->fmt = OUT_TABLE;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":c:b:f:n:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			report_help(stdout, cmd);
			return 0;
		case 'c':
			o->campaign = optarg;
			break;
		case 'b':
			if (!with_by)
				return cli_usage(cmd, _("--by is for 'report progress'"));
			if (progress_by_parse(optarg, &o->by))
				return cli_usage(cmd, _("--by: '%s' is not regione, provincia, ambito, ripartizione or comune"), optarg);
			break;
		case 'f':
			/* html: only the progress report has a document form */
			o->html = with_by && strcmp(optarg, "html") == 0;
			if (!o->html && (rc = cli_format_arg(cmd, optarg, 7u, &o->fmt)))
				return rc;
			break;
		case 'o':
			if (!with_by)
				return cli_usage(cmd, _("--output is for 'report progress --format html'"));
			o->output = optarg;
			break;
		case 'n':
			if (!with_limit)
				return cli_usage(cmd, _("--limit is for 'report reminders'"));
			if ((rc = cli_int_arg(cmd, "--limit", optarg, 1, 1000000, &o->limit)))
				return rc;
			break;
		default:
			return cli_bad_option(cmd, c, argv);
		}
	}
	if (optind < argc)
		return cli_usage(cmd, _("unexpected argument '%s'"), argv[optind]);
	if (!o->campaign)
		return cli_usage(cmd, _("which campaign? (--campaign KEY)"));
	if (o->html && !o->output)
		return cli_usage(cmd, _("--format html writes a file: --output FILE"));
	if (o->output && !o->html)
		return cli_usage(cmd, _("--output is for --format html"));
	if (o->html && o->by != PROGRESS_BY_REGIONE)
		return cli_usage(cmd, _("--by is not used by --format html (it shows the regioni)"));
	return -1;
}

static int report_progress_html(struct cli *cli, const struct opts *o)
{
	int rc;
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = report_html_write(cli->ctx, o->campaign, o->output)))
		return cli_fail(cli, rc);
	printf(_("%s: progress report of campaign %s written\n"), o->output, o->campaign);
	return 0;
}

static const char *int_cell(long v, enum out_format fmt, char buf[NUMFMT_LEN])
{
	if (fmt == OUT_TABLE)
		return numfmt_int(v, buf, NUMFMT_LEN);
	snprintf(buf, NUMFMT_LEN, "%ld", v);
	return buf;
}

static const char *pct_cell(double v, enum out_format fmt, char buf[NUMFMT_LEN])
{
	if (fmt == OUT_TABLE)
		return numfmt_pct(v, 1, buf, NUMFMT_LEN);
	if (v < 0)
		return "";
	snprintf(buf, NUMFMT_LEN, "%.1f", v);
	return buf;
}

/* The lines above the table: where the campaign stands against the clock. */
static void print_summary(const struct progress_report *r, enum out_format fmt)
{
	const struct progress_pace *p = &r->pace;
	char a[NUMFMT_LEN], b[NUMFMT_LEN], c[NUMFMT_LEN], d[NUMFMT_LEN];
	char open[11], dl[11];

	if (fmt != OUT_TABLE) {
		printf("# campaign=%s\n# today=%s\n# opens_on=%s\n# deadline=%s\n# days_left=%d\n",
		       r->campaign.key, r->today, r->campaign.opens_on, r->campaign.deadline, p->days_left);
		printf("# submitted=%ld\n# denominator=%ld\n# late=%ld\n", p->submitted, p->denominator, r->total.late);
		printf("# submissions_7d=%ld\n# per_day_7d=%.2f\n# projected=%ld\n", p->window_submissions,
		       p->per_day, p->projected);
		if (p->needed_per_day >= 0)
			printf("# needed_per_day=%.2f\n", p->needed_per_day);
		else
			printf("# needed_per_day=\n");
		return;
	}
	cn_date_display(r->campaign.opens_on, open);
	cn_date_display(r->campaign.deadline, dl);
	printf(_("Campaign %s: %s\n"), r->campaign.key, r->campaign.name);
	if (p->phase < 0)
		printf(ngettext("Opens on %s; deadline %s, %d day from today\n", "Opens on %s; deadline %s, %d days from today\n",
				(unsigned long)p->days_left),
		       open, dl, p->days_left);
	else if (p->days_left > 0)
		printf(ngettext("Deadline %s: %d day left\n", "Deadline %s: %d days left\n",
				(unsigned long)p->days_left), dl, p->days_left);
	else if (p->days_left == 0)
		printf(_("Deadline %s: today is the last day\n"), dl);
	else
		printf(ngettext("Deadline %s: passed %d day ago\n", "Deadline %s: passed %d days ago\n",
				(unsigned long)-p->days_left), dl, -p->days_left);
	printf(_("Submitted %s of %s (%s); late %s\n"), numfmt_int(p->submitted, a, sizeof a),
	       numfmt_int(p->denominator, b, sizeof b),
	       numfmt_pct(p->denominator > 0 ? 100.0 * (double)p->submitted / (double)p->denominator : -1, 1, c, sizeof c),
	       numfmt_int(r->total.late, d, sizeof d));
	printf(_("Pace over the last 7 days: %s submissions a day (%s in 7 days); projected at the deadline: %s\n"),
	       numfmt_dec(p->per_day, 1, a, sizeof a), numfmt_int(p->window_submissions, b, sizeof b),
	       numfmt_int(p->projected, c, sizeof c));
	if (p->needed_per_day < 0)
		printf(_("Pace needed for 100%%: no time left (%s still to submit)\n"),
		       numfmt_int(p->denominator - p->submitted, a, sizeof a));
	else
		printf(_("Pace needed for 100%%: %s submissions a day\n"), numfmt_dec(p->needed_per_day, 1, a, sizeof a));
	putchar('\n');
}

static const char *group_header(enum progress_by by)
{
	switch (by) {
	case PROGRESS_BY_REGIONE: return _("REGIONE");
	case PROGRESS_BY_PROVINCIA: return _("PROVINCIA");
	case PROGRESS_BY_AMBITO: return _("AMBITO");
	case PROGRESS_BY_RIPARTIZIONE: return _("RIPARTIZIONE");
	default: return _("RESPONDENT");
	}
}

struct report_shape {
	int sigla, by_ambito, by_resp;
};

/* The table of `report progress` with its header: key, name, [sigla], 8
 * counts, pct, [capofila x2 | status, submitted, deadline]. */
static struct out_table *progress_table(const struct opts *o, const struct report_shape *sh)
{
	const char *th[16], *mh[16];
	int n = 0, sigla = sh->sigla, by_ambito = sh->by_ambito, by_resp = sh->by_resp;
	struct out_table *t;

	th[n] = by_resp ? _("ID") : _("CODE");
	mh[n++] = "key";
	th[n] = group_header(o->by);
	mh[n++] = "name";
	if (sigla) {
		th[n] = _("PROV");
		mh[n++] = "sigla";
	}
	th[n] = _("RESP."); mh[n++] = "respondents";
	th[n] = _("NO CODE"); mh[n++] = "nessun_codice";
	th[n] = _("ISSUED"); mh[n++] = "codice_emesso";
	/* TRANSLATORS: respondents who have started filling in the questionnaire */
	th[n] = C_("report", "STARTED"); mh[n++] = "in_compilazione";
	th[n] = _("SUBMITTED"); mh[n++] = "inviato";
	th[n] = _("EXCUSED"); mh[n++] = "esonerato";
	th[n] = _("SCREENED"); mh[n++] = "screened_out";
	th[n] = _("LATE"); mh[n++] = "late";
	/* xgettext:no-c-format */
	th[n] = _("% SUBM."); mh[n++] = "pct_inviato";
	if (by_ambito) {
		th[n] = _("CAPOFILA"); mh[n++] = "capofila";
		th[n] = _("CAPOFILA STATUS"); mh[n++] = "capofila_status";
	}
	if (by_resp) {
		th[n] = _("STATUS"); mh[n++] = "status";
		th[n] = _("SUBMITTED AT"); mh[n++] = "submitted_at";
		th[n] = _("DEADLINE"); mh[n++] = "deadline";
	}
	t = out_new(o->fmt, n, o->fmt == OUT_TABLE ? th : mh);
	/* the counts and the percentage */
	for (int i = 2 + sigla; i < 11 + sigla; i++)
		out_align_right(t, i);
	return t;
}

/* Row i of the report, or the total when i is r->n. */
static void progress_table_row(struct out_table *t, const struct opts *o, const struct progress_report *r,
			       size_t i, const struct report_shape *sh)
{
	int sigla = sh->sigla, by_ambito = sh->by_ambito, by_resp = sh->by_resp;
	const struct progress_row *row = i < r->n ? &r->rows[i] : NULL;
	const struct progress_counts *k = row ? &row->n : &r->total;
	char num[10][NUMFMT_LEN], when[17] = "", dl[11] = "", capo[300] = "";
	const char *cells[16];
	int m = 0;
	cells[m++] = row ? row->key : "";
	cells[m++] = row ? row->label : (o->fmt == OUT_TABLE ? _("Total") : "TOTAL");
	if (sigla)
		cells[m++] = row ? row->sigla : "";
	cells[m++] = int_cell(k->respondents, o->fmt, num[0]);
	for (int s = 0; s < PROGRESS_NSTATUS; s++)
		cells[m++] = int_cell(k->status[s], o->fmt, num[1 + s]);
	cells[m++] = int_cell(k->screened, o->fmt, num[6]);
	cells[m++] = int_cell(k->late, o->fmt, num[7]);
	cells[m++] = pct_cell(progress_pct(k), o->fmt, num[8]);
	if (by_ambito) {
		if (row && row->capofila_name)
			snprintf(capo, sizeof capo, "%s %s", row->capofila_id, row->capofila_name);
		cells[m++] = capo;
		cells[m++] = row && row->capofila_name ? progress_status_name(row->capofila_status) : "";
	}
	if (by_resp) {
		if (row && row->submitted_at[0]) {
			time_t tt;
			if (o->fmt == OUT_TABLE && cn_parse_time(row->submitted_at, &tt) == 0)
				cn_fmt_display(tt, when);
			else
				snprintf(when, sizeof when, "%.16s", row->submitted_at);
		}
		if (row)
			cn_date_display(row->deadline, dl);
		if (row && o->fmt != OUT_TABLE)
			snprintf(dl, sizeof dl, "%s", row->deadline);
		cells[m++] = row ? progress_status_name(row->status) : "";
		cells[m++] = o->fmt == OUT_TABLE || !row ? when : row->submitted_at;
		cells[m++] = dl;
	}
	out_row(t, cells);
}

static int report_progress(struct cli *cli, int argc, char **argv)
{
	struct opts o;
	struct progress_report r;
	struct out_table *t;
	struct report_shape sh;
	int rc;

	if ((rc = parse("report progress", argc, argv, 1, 0, &o)) >= 0)
		return rc;
	if (o.html)
		return report_progress_html(cli, &o);
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = progress_report(cli->ctx, o.campaign, o.by, NULL, &r)))
		return cli_fail(cli, rc);
	sh.by_ambito = o.by == PROGRESS_BY_AMBITO;
	sh.by_resp = o.by == PROGRESS_BY_RESPONDENT;
	sh.sigla = o.by == PROGRESS_BY_PROVINCIA || sh.by_resp;
	t = progress_table(&o, &sh);
	for (size_t i = 0; i <= r.n; i++)
		progress_table_row(t, &o, &r, i, &sh);
	print_summary(&r, o.fmt);
	out_print(t, stdout);
	out_free(t);
	progress_report_free(&r);
	return 0;
}

static const char *tier_text(const struct progress_reminder *x, char *buf, size_t len)
{
	if (x->tier == PROGRESS_TIER_CALLBACK) {
		time_t t;
		char when[17] = "";
		if (cn_parse_time(x->callback_due, &t) == 0)
			cn_fmt_display(t, when);
		snprintf(buf, len, _("callback due %s"), when);
		return buf;
	}
	return x->tier == PROGRESS_TIER_CODE ? _("holds a code") : _("no code");
}

static int report_reminders(struct cli *cli, int argc, char **argv)
{
	struct opts o;
	struct progress_reminders r;
	struct out_table *t;
	int rc;

	if ((rc = parse("report reminders", argc, argv, 0, 1, &o)) >= 0)
		return rc;
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = progress_reminders(cli->ctx, o.campaign, (int)o.limit, &r)))
		return cli_fail(cli, rc);
	if (o.fmt == OUT_TABLE) {
		const char *h[] = {_("#"), _("ID"), _("RESPONDENT"), _("STATUS"), _("WHY NOW"), _("POPULATION"),
				   _("LAST CONTACT"), _("OUTCOME"), _("PHONE")};
		t = out_new(o.fmt, 9, h);
		out_align_right(t, 0);
		out_align_right(t, 5);
	} else {
		static const char *const h[] = {
			"rank", "tier", "respondent_id", "name", "kind", "sigla", "status", "capofila",
			"population", "late", "deadline", "callback_due", "callback_owner", "last_contact",
			"last_category", "last_outcome", "phone", "phone_source"};
		t = out_new(o.fmt, 18, h);
	}
	for (size_t i = 0; i < r.n; i++) {
		const struct progress_reminder *x = &r.v[i];
		char rank[16], tier[16], pop[NUMFMT_LEN], why[64], name[300], last[17] = "",
		     phone[PHONE_DISPLAY_MAX] = "", outcome[200] = "";
		snprintf(rank, sizeof rank, "%d", x->rank);
		snprintf(tier, sizeof tier, "%d", (int)x->tier);
		if (x->population >= 0)
			int_cell(x->population, o.fmt, pop);
		else
			pop[0] = '\0';
		/* as the calls log shows numbers, in every format */
		if (x->phone)
			phone_display(x->phone, phone);
		if (o.fmt == OUT_TABLE) {
			time_t tt;
			snprintf(name, sizeof name, "%s%s%s%s%s", x->name, x->sigla[0] ? " (" : "", x->sigla,
				 x->sigla[0] ? ")" : "", x->capofila ? _(" - capofila") : "");
			if (x->last_contact[0] && cn_parse_time(x->last_contact, &tt) == 0)
				cn_fmt_display(tt, last);
			text_fit(x->last_outcome ? x->last_outcome : "", 30, outcome, sizeof outcome);
			const char *row[] = {rank, x->respondent_id, name,
					     progress_status_name(x->status), tier_text(x, why, sizeof why), pop,
					     last, outcome, phone};
			out_row(t, row);
		} else {
			const char *row[] = {
				rank, tier, x->respondent_id, x->name, x->kind, x->sigla,
				progress_status_name(x->status), x->capofila ? "1" : "0", pop,
				x->late ? "1" : "0", x->deadline, x->callback_due, x->callback_owner,
				x->last_contact, x->last_category, x->last_outcome, phone,
				x->phone_source};
			out_row(t, row);
		}
	}
	if (o.fmt == OUT_TABLE) {
		char a[NUMFMT_LEN], b[NUMFMT_LEN];
		printf(ngettext("%s respondent to chase in campaign %s; the first %s:\n",
				"%s respondents to chase in campaign %s; the first %s:\n", (unsigned long)r.total),
		       numfmt_int(r.total, a, sizeof a), o.campaign, numfmt_int((long)r.n, b, sizeof b));
	}
	out_print(t, stdout);
	out_free(t);
	progress_reminders_free(&r);
	return 0;
}

static int report_daily(struct cli *cli, int argc, char **argv)
{
	struct opts o;
	struct progress_daily d;
	struct out_table *t;
	const char **h;
	int rc, ncols;

	if ((rc = parse("report daily", argc, argv, 0, 0, &o)) >= 0)
		return rc;
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = progress_daily(cli->ctx, o.campaign, PROGRESS_DAILY_FULL, &d)))
		return cli_fail(cli, rc);
	ncols = 5 + (int)d.ncat;
	h = xcalloc((size_t)ncols, sizeof *h);
	char **own = xcalloc(d.ncat + 1, sizeof *own);
	h[0] = o.fmt == OUT_TABLE ? _("DATE") : "date";
	h[1] = o.fmt == OUT_TABLE ? _("CODES") : "codes";
	for (size_t c = 0; c < d.ncat; c++) {
		size_t len = strlen(d.categories[c]) + 8;
		own[c] = xmalloc(len);
		snprintf(own[c], len, o.fmt == OUT_TABLE ? "%s" : "calls_%s", d.categories[c]);
		h[2 + c] = own[c];
	}
	h[2 + d.ncat] = o.fmt == OUT_TABLE ? _("CALLS") : "calls";
	h[3 + d.ncat] = o.fmt == OUT_TABLE ? _("SUBMITTED") : "submitted";
	h[4 + d.ncat] = o.fmt == OUT_TABLE ? _("TOTAL SUBM.") : "cumulative";
	t = out_new(o.fmt, ncols, h);
	for (int c = 1; c < ncols; c++)
		out_align_right(t, c);
	for (size_t i = 0; i < d.n; i++) {
		const struct progress_day *x = &d.days[i];
		char (*num)[NUMFMT_LEN] = xcalloc((size_t)ncols, NUMFMT_LEN);
		const char **row = xcalloc((size_t)ncols, sizeof *row);
		char date[11];
		if (o.fmt == OUT_TABLE)
			cn_date_display(x->date, date);
		else
			snprintf(date, sizeof date, "%s", x->date);
		row[0] = date;
		row[1] = int_cell(x->codes, o.fmt, num[1]);
		for (size_t c = 0; c < d.ncat; c++)
			row[2 + c] = int_cell(x->calls[c], o.fmt, num[2 + c]);
		row[2 + d.ncat] = int_cell(x->calls_total, o.fmt, num[2 + d.ncat]);
		row[3 + d.ncat] = int_cell(x->submitted, o.fmt, num[3 + d.ncat]);
		row[4 + d.ncat] = int_cell(x->cumulative, o.fmt, num[4 + d.ncat]);
		out_row(t, row);
		free(num);
		free(row);
	}
	out_print(t, stdout);
	out_free(t);
	for (size_t c = 0; c < d.ncat; c++)
		free(own[c]);
	free(own);
	free(h);
	progress_daily_free(&d);
	return 0;
}

int cmd_report(struct cli *cli, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		report_help(argc < 2 ? stderr : stdout, "report");
		return argc < 2 ? 64 : 0;
	}
	if (strcmp(argv[1], "progress") == 0)
		return report_progress(cli, argc - 1, argv + 1);
	if (strcmp(argv[1], "reminders") == 0)
		return report_reminders(cli, argc - 1, argv + 1);
	if (strcmp(argv[1], "daily") == 0)
		return report_daily(cli, argc - 1, argv + 1);
	return cli_usage("report", _("'%s' is not progress, reminders or daily"), argv[1]);
}
