/* centralino code issue|revoke|reveal|find|spell|list|generate|export */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "centralino/clock.h"
#include "centralino/code.h"
#include "centralino/limesurvey.h"
#include "centralino/numfmt.h"
#include "cli.h"
#include "out.h"

/* The whole command's help, or `command`'s ("code issue"). */
static void code_help(FILE *f, const char *command)
{
	struct cli_help h = cli_help_of(f, command);

	cli_help_usage(&h, "issue", _(
		"centralino code issue --campaign KEY RESPONDENT --caller \"Nome Cognome\"\n"
		"                 --office TEXT --phone N --verified METHOD [--call CALL_ID]\n"
		"                 [--reissue --reason TEXT] [--save-contact]\n"));
	cli_help_usage(&h, "revoke", _("centralino code revoke CODE --reason TEXT\n"));
	cli_help_usage(&h, "reveal", _("centralino code reveal --campaign KEY RESPONDENT\n"));
	cli_help_usage(&h, "find", _("centralino code find CODE\n"));
	cli_help_usage(&h, "spell", _("centralino code spell CODE\n"));
	cli_help_usage(&h, "list", _(
		"centralino code list (--campaign KEY | --respondent RESPONDENT)\n"
		"                 [--status active|revoked|all] [--format table|tsv|csv] [--reveal]\n"));
	cli_help_usage(&h, "generate", _("centralino code generate --campaign KEY --all\n"));
	cli_help_usage(&h, "export", _("centralino code export --campaign KEY --format limesurvey [--output FILE]\n"));
	cli_help_text(&h, NULL, _(
		"Access codes open a respondent's questionnaire in LimeSurvey (its tokens).\n"
		"A code is 12 random symbols (the campaign's code length) plus a check\n"
		"symbol, from 23456789ABCDEFGHJKMNPQRSTUVWXYZ (no 0 O 1 I L), shown in\n"
		"groups of four and spelled in the Italian telephone alphabet.\n"));
	cli_help_text(&h, "issue|reveal|list", _("RESPONDENT: ISTAT code (040012), AMB:code, REG:08, or an exact name.\n"));
	cli_help_text(&h, "issue", _(
		"issue (operatore): gives a code to a caller whose identity was checked;\n"
		"  METHOD: richiamata_centralino (we called back the respondent's\n"
		"  switchboard), referente_noto, richiesta_pec or altro:TEXT. Refused when\n"
		"  the respondent already holds a code, unless --reissue --reason TEXT,\n"
		"  which revokes it and issues a new one at once. A code made by 'generate'\n"
		"  and not yet given is given as it is (LimeSurvey already has it).\n"
		"  --save-contact keeps the caller's name, office and phone as contacts.\n"));
	cli_help_text(&h, "revoke", _("revoke (supervisore): the code stops being valid; typed exactly.\n"));
	cli_help_text(&h, "reveal", _("reveal (operatore): shows the active code again; recorded in the audit log.\n"));
	cli_help_text(&h, "find", _(
		"find: whose code is this? Any case, spaces and hyphens ignored; a code\n"
		"  that fails its check symbol is probably mistyped: the existing codes one\n"
		"  slip away (a wrong, missing, extra or swapped symbol; a look-alike\n"
		"  0 O 1 I L) are listed. To assistenza the codes are masked, a code\n"
		"  one slip away wholly, and the slip's place is not said.\n"));
	cli_help_text(&h, "list", _(
		"list: codes masked but for the last three symbols; --reveal shows them\n"
		"  (supervisore, audited).\n"));
	cli_help_text(&h, "generate", _(
		"generate (supervisore): a code for every respondent without one, for\n"
		"  upload to LimeSurvey before the campaign opens.\n"));
	cli_help_text(&h, "export", _(
		"export (supervisore, audited): the participants CSV for LimeSurvey's\n"
		"  \"Import participants from CSV\", to standard output or to --output FILE,\n"
		"  made readable by you alone (0600: it holds every code). Rows without an\n"
		"  e-mail address are listed on standard error: LimeSurvey skips them unless\n"
		"  \"Filter blank email addresses\" is turned off in its import dialog.\n"));
}

/* The code big and spelled, as the operator reads it out. */
enum {
	O_CAMPAIGN = 1, O_CALLER, O_OFFICE, O_PHONE, O_VERIFIED, O_CALL, O_REISSUE, O_REASON,
	O_SAVE, O_STATUS, O_FORMAT, O_REVEAL, O_ALL, O_RESPONDENT, O_OUTPUT,
};

static int code_cmd_issue(struct cli *cli, int argc, char **argv)
{
	static const char cmd[] = "code issue";
	static const struct option opts[] = {
		{"campaign", required_argument, 0, O_CAMPAIGN},
		{"caller", required_argument, 0, O_CALLER},
		{"office", required_argument, 0, O_OFFICE},
		{"phone", required_argument, 0, O_PHONE},
		{"verified", required_argument, 0, O_VERIFIED},
		{"call", required_argument, 0, O_CALL},
		{"reissue", no_argument, 0, O_REISSUE},
		{"reason", required_argument, 0, O_REASON},
		{"save-contact", no_argument, 0, O_SAVE},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0},
	};
	struct code_issue_req r = {0};
	struct code_issued out;
	int opt, rc;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (opt) {
		case 'h': code_help(stdout, "code issue"); return 0;
		case O_CAMPAIGN: r.campaign_key = optarg; break;
		case O_CALLER: r.caller_name = optarg; break;
		case O_OFFICE: r.caller_office = optarg; break;
		case O_PHONE: r.caller_phone = optarg; break;
		case O_VERIFIED: r.verified = optarg; break;
		case O_CALL: r.call_id = optarg; break;
		case O_REISSUE: r.reissue = 1; break;
		case O_REASON: r.reason = optarg; break;
		case O_SAVE: r.save_contact = 1; break;
		default: return cli_bad_option(cmd, opt, argv);
		}
	}
	if (argc - optind != 1)
		return cli_usage(cmd, _("give one RESPONDENT"));
	r.respondent = argv[optind];
	if (!r.campaign_key)
		return cli_usage(cmd, _("--campaign KEY is required"));
	if (!r.caller_name || !r.caller_office || !r.caller_phone || !r.verified)
		return cli_usage(cmd, _("--caller, --office, --phone and --verified are required"));
	if (r.reason && !r.reissue)
		return cli_usage(cmd, _("--reason goes with --reissue (or use 'code revoke')"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = code_issue(cli->ctx, &r, &out))) {
		code_issued_free(&out);
		return cli_fail(cli, rc);
	}
	printf(_("Access code for %s (%s), campaign %s:\n"), out.respondent_name, out.respondent_id,
	       r.campaign_key);
	cli_print_code(out.code);
	if (out.revoked[0]) {
		char g[CODE_GROUPED_BUFSZ];
		code_group(out.revoked, g, sizeof g);
		printf(_("\nThe previous code %s is revoked.\n"), g);
	}
	if (out.contacts_saved)
		printf(ngettext("%d contact saved for %s.\n", "%d contacts saved for %s.\n",
				(unsigned long)out.contacts_saved),
		       out.contacts_saved, out.respondent_name);
	if (out.upload_needed)
		fprintf(stderr, _("centralino: note: LimeSurvey does not know this code yet: add it as a"
				  " participant (see 'code export')\n"));
	code_issued_free(&out);
	return 0;
}

static int code_cmd_revoke(struct cli *cli, int argc, char **argv)
{
	static const char cmd[] = "code revoke";
	static const struct option opts[] = {
		{"reason", required_argument, 0, O_REASON}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *reason = NULL;
	struct code_info info;
	char g[CODE_GROUPED_BUFSZ];
	int opt, rc;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (opt == 'h') {
			code_help(stdout, "code revoke");
			return 0;
		}
		if (opt != O_REASON)
			return cli_bad_option(cmd, opt, argv);
		reason = optarg;
	}
	if (argc - optind < 1)
		return cli_usage(cmd, _("give the CODE"));
	if (!reason)
		return cli_usage(cmd, _("--reason TEXT is required"));
	{
		/* "ABCD EFGH JKMN P" may arrive as several arguments */
		struct cn_buf code = {0};
		for (int i = optind; i < argc; i++)
			buf_puts(&code, argv[i]);
		if ((rc = cli_open(cli, 0, 0))) {
			buf_free(&code);
			return rc;
		}
		rc = code_revoke(cli->ctx, buf_str(&code), reason, &info);
		buf_free(&code);
	}
	if (rc)
		return cli_fail(cli, rc);
	code_group(info.code, g, sizeof g);
	printf(_("code %s of %s (%s), campaign %s, revoked\n"), g, info.respondent_name,
	       info.respondent_id, info.campaign_key);
	code_info_free(&info);
	return 0;
}

static int code_cmd_reveal(struct cli *cli, int argc, char **argv)
{
	static const char cmd[] = "code reveal";
	static const struct option opts[] = {
		{"campaign", required_argument, 0, O_CAMPAIGN}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *campaign = NULL;
	struct code_info info;
	char when[17];
	int opt, rc;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (opt == 'h') {
			code_help(stdout, "code reveal");
			return 0;
		}
		if (opt != O_CAMPAIGN)
			return cli_bad_option(cmd, opt, argv);
		campaign = optarg;
	}
	if (argc - optind != 1)
		return cli_usage(cmd, _("give one RESPONDENT"));
	if (!campaign)
		return cli_usage(cmd, _("--campaign KEY is required"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = code_reveal(cli->ctx, campaign, argv[optind], &info)))
		return cli_fail(cli, rc);
	printf(_("Access code for %s (%s), campaign %s:\n"), info.respondent_name, info.respondent_id,
	       info.campaign_key);
	cli_print_code(info.code);
	if (info.given_at[0]) {
		time_t t;
		when[0] = '\0';
		if (cn_parse_time(info.given_at, &t) == CN_OK)
			cn_fmt_display(t, when);
		printf(_("\nGiven by %s on %s to %s (%s).\n"), info.given_by, when, info.caller_name,
		       code_verified_text(info.verified));
	} else {
		printf(_("\nMade in bulk; not yet given to anyone.\n"));
	}
	code_info_free(&info);
	return 0;
}

static void describe(const struct code_info *c)
{
	char g[CODE_GROUPED_BUFSZ], when[17] = "";
	time_t t;
	printf(_("%s  %s (%s), campaign %s: %s\n"), code_info_shown(c, g, sizeof g), c->respondent_name, c->respondent_id,
	       c->campaign_key, strcmp(c->state, "active") == 0 ? _("active") : _("revoked"));
	if (c->given_at[0] && cn_parse_time(c->given_at, &t) == CN_OK) {
		cn_fmt_display(t, when);
		printf(_("    given by %s on %s to %s, %s\n"), c->given_by, when, c->caller_name, c->caller_office);
	} else if (c->given_at[0] == '\0') {
		printf("    %s\n", _("made in bulk, not yet given to anyone"));
	}
	if (c->revoked_at[0] && cn_parse_time(c->revoked_at, &t) == CN_OK) {
		cn_fmt_display(t, when);
		printf(_("    revoked by %s on %s: %s\n"), c->revoked_by, when, c->revoke_reason);
	}
}

/* Joins the arguments: a code read out may come as "ABCD EFGH JKMN P". */
static void join_args(int argc, char **argv, int from, struct cn_buf *b)
{
	for (int i = from; i < argc; i++)
		buf_puts(b, argv[i]);
}

static int only_help(const char *cmd, int argc, char **argv)
{
	optind = 0;
	opterr = 0;
	static const struct option opts[] = {{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	int opt;
	while ((opt = getopt_long(argc, argv, "+:h", opts, NULL)) != -1) {
		if (opt == 'h') {
			code_help(stdout, cmd);
			return 0;
		}
		return cli_bad_option(cmd, opt, argv);
	}
	if (optind >= argc)
		return cli_usage(cmd, _("give the CODE"));
	return -1;
}

static int code_cmd_find(struct cli *cli, int argc, char **argv)
{
	struct code_find_result r;
	struct cn_buf input = {0};
	int rc;

	if ((rc = only_help("code find", argc, argv)) >= 0)
		return rc;
	join_args(argc, argv, optind, &input);
	if ((rc = cli_open(cli, 0, 0))) {
		buf_free(&input);
		return rc;
	}
	rc = code_find(cli->ctx, buf_str(&input), &r);
	buf_free(&input);
	if (rc)
		return cli_fail(cli, rc);
	switch (r.typed.state) {
	case CODE_TYPED_INVALID:
		if (r.typed.bad && (unsigned char)r.typed.bad < 0x80 && r.typed.nlookalike <= 2)
			rc = cli_error(65, _("'%c' is never part of a code (symbols: %s)"), r.typed.bad, CODE_ALPHABET);
		else if (r.typed.nlookalike > 2)
			rc = cli_error(65, _("too many of 0 O 1 I L, which are never part of a code: read it again"));
		else if (r.typed.bad)
			rc = cli_error(65, _("only letters and digits are part of a code (symbols: %s)"), CODE_ALPHABET);
		else
			rc = cli_error(65, ngettext("%zu symbol: a code has %d to %d", "%zu symbols: a code has %d to %d",
						    (unsigned long)r.typed.len),
				       r.typed.len, CODE_MIN_LENGTH + 1, CODE_MAX_LENGTH + 1);
		code_find_result_free(&r);
		return rc;
	case CODE_TYPED_OK:
		if (!code_find_is_exact(&r)) {
			char g[CODE_GROUPED_BUFSZ];
			code_group(r.typed.norm, g, sizeof g);
			if (!r.n) {
				code_find_result_free(&r);
				return cli_error(66, _("%s is a well-formed code, but not one given by this desk"), g);
			}
			printf(_("%s is a well-formed code, but not one given by this desk."), g);
			putchar('\n');
		}
		break;
	case CODE_TYPED_LOOKALIKE:
		for (int i = 0; i < r.typed.nlookalike; i++)
			printf(_("'%c' at place %zu is never part of a code (no 0 O 1 I L): probably mistyped.\n"),
			       r.typed.norm[r.typed.lookalike_at[i]], r.typed.lookalike_at[i] + 1);
		break;
	case CODE_TYPED_MISTYPED:
		printf(_("%s fails its check symbol: probably mistyped.\n"), r.typed.norm);
		break;
	}
	if (!code_find_is_exact(&r)) {
		if (!r.n) {
			code_find_result_free(&r);
			return cli_error(66, _("no code given by this desk is one slip away from it: read it again"));
		}
		printf(_("Codes one slip away:\n"));
	}
	for (size_t i = 0; i < r.n; i++) {
		if (r.v[i].how == CODE_SLIP)
			printf("  (%s)\n", code_repair_text(r.v[i].how));
		else if (r.v[i].how != CODE_EXACT)
			printf(_("  (%s, place %zu)\n"), code_repair_text(r.v[i].how), r.v[i].pos + 1);
		describe(&r.v[i].info);
	}
	/* what was typed is not a code: a script must not take the list for
	 * a match */
	rc = code_find_is_exact(&r) ? 0 : 65;
	code_find_result_free(&r);
	return rc;
}

static int code_cmd_spell(struct cli *cli, int argc, char **argv)
{
	struct code_typed t;
	struct cn_buf input = {0};
	int rc;
	(void)cli;

	if ((rc = only_help("code spell", argc, argv)) >= 0)
		return rc;
	join_args(argc, argv, optind, &input);
	code_typed_parse(buf_str(&input), &t);
	buf_free(&input);
	if (t.state == CODE_TYPED_INVALID && t.bad)
		return cli_error(65, _("'%c' is never part of a code (symbols: %s)"), t.bad, CODE_ALPHABET);
	cli_print_code(t.norm);
	if (t.state != CODE_TYPED_OK)
		fprintf(stderr, _("centralino: warning: this is not a valid code (probably mistyped):"
				  " see 'centralino code find'\n"));
	return 0;
}

static int code_cmd_list(struct cli *cli, int argc, char **argv)
{
	static const char cmd[] = "code list";
	static const struct option opts[] = {
		{"campaign", required_argument, 0, O_CAMPAIGN},
		{"respondent", required_argument, 0, O_RESPONDENT},
		{"status", required_argument, 0, O_STATUS},
		{"format", required_argument, 0, O_FORMAT},
		{"reveal", no_argument, 0, O_REVEAL},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0},
	};
	const char *campaign = NULL, *respondent = NULL;
	enum code_state_filter f = CODE_ALL;
	enum out_format fmt = OUT_TABLE;
	struct code_infos l;
	struct out_table *t;
	int opt, rc, reveal = 0;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (opt) {
		case 'h': code_help(stdout, "code list"); return 0;
		case O_CAMPAIGN: campaign = optarg; break;
		case O_RESPONDENT: respondent = optarg; break;
		case O_REVEAL: reveal = 1; break;
		case O_STATUS:
			if (strcmp(optarg, "active") == 0)
				f = CODE_ACTIVE;
			else if (strcmp(optarg, "revoked") == 0)
				f = CODE_REVOKED;
			else if (strcmp(optarg, "all") == 0)
				f = CODE_ALL;
			else
				return cli_usage(cmd, _("--status: '%s' is not active, revoked or all"), optarg);
			break;
		case O_FORMAT:
			if ((rc = cli_format_arg(cmd, optarg, 7, &fmt)))
				return rc;
			break;
		default: return cli_bad_option(cmd, opt, argv);
		}
	}
	if (optind < argc)
		return cli_usage(cmd, _("unexpected argument '%s'"), argv[optind]);
	if (!campaign == !respondent)
		return cli_usage(cmd, _("give --campaign KEY or --respondent RESPONDENT"));
	if (respondent && reveal)
		return cli_usage(cmd, _("--reveal goes with --campaign (for one code: 'code reveal')"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	rc = campaign ? code_list(cli->ctx, campaign, f, reveal, &l) : code_of_respondent(cli->ctx, respondent, &l);
	if (rc)
		return cli_fail(cli, rc);
	if (fmt == OUT_TABLE) {
		const char *h[] = {_("CODE"), _("RESPONDENT"), _("NAME"), _("CAMPAIGN"), _("STATE"),
				   _("GIVEN"), _("BY"), _("CALLER")};
		t = out_new(fmt, 8, h);
	} else {
		static const char *const h[] = {
			"code", "respondent", "name", "kind", "campaign", "state", "origin", "issued_at",
			"issued_by", "given_at", "given_by", "caller_name", "caller_office", "caller_phone",
			"verified", "call_id", "revoked_at", "revoked_by", "revoke_reason"};
		t = out_new(fmt, 19, h);
	}
	for (size_t i = 0; i < l.n; i++) {
		const struct code_info *c = &l.v[i];
		if (fmt == OUT_TABLE) {
			char g[CODE_GROUPED_BUFSZ], when[17] = "";
			time_t at;
			const char *shown = code_info_shown(c, g, sizeof g);
			if (c->given_at[0] && cn_parse_time(c->given_at, &at) == CN_OK)
				cn_fmt_display(at, when);
			const char *row[] = {shown, c->respondent_id, c->respondent_name, c->campaign_key,
					     strcmp(c->state, "active") ? _("revoked") :
					     c->given_at[0] ? _("active") : _("not given"),
					     when, c->given_by, c->caller_name};
			out_row(t, row);
		} else {
			const char *row[] = {
				c->code, c->respondent_id, c->respondent_name, c->respondent_kind,
				c->campaign_key, c->state, c->origin, c->issued_at, c->issued_by,
				c->given_at, c->given_by, c->caller_name, c->caller_office, c->caller_phone,
				c->verified, c->call_id, c->revoked_at, c->revoked_by, c->revoke_reason};
			out_row(t, row);
		}
	}
	code_infos_free(&l);
	cli_print_table(t);
	return 0;
}

static int code_cmd_generate(struct cli *cli, int argc, char **argv)
{
	static const char cmd[] = "code generate";
	static const struct option opts[] = {
		{"campaign", required_argument, 0, O_CAMPAIGN}, {"all", no_argument, 0, O_ALL},
		{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *campaign = NULL;
	struct timespec t0, t1;
	long created;
	int opt, rc, all = 0;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (opt) {
		case 'h': code_help(stdout, "code generate"); return 0;
		case O_CAMPAIGN: campaign = optarg; break;
		case O_ALL: all = 1; break;
		default: return cli_bad_option(cmd, opt, argv);
		}
	}
	if (optind < argc)
		return cli_usage(cmd, _("unexpected argument '%s'"), argv[optind]);
	if (!campaign || !all)
		return cli_usage(cmd, _("give --campaign KEY --all"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((rc = code_generate_all(cli->ctx, campaign, &created)))
		return cli_fail(cli, rc);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	char n[NUMFMT_LEN];
	printf(ngettext("%s code made for campaign %s in %.3f s\n", "%s codes made for campaign %s in %.3f s\n",
			(unsigned long)created),
	       numfmt_int(created, n, sizeof n), campaign,
	       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return 0;
}

/* The participants file to --output (created 0600: it holds every code)
 * or to standard output. 0 or an exit status; csv is freed. */
static int write_export(const char *output, struct cn_buf *csv)
{
	char err[4400];
	int rc = 0;

	if (output && (rc = text_save_file(output, buf_str(csv), csv->len, 1, err, sizeof err)))
		rc = cli_error(rc, "%s", err);
	else if (!output && (fwrite(buf_str(csv), 1, csv->len, stdout) != csv->len || fflush(stdout) != 0))
		rc = cli_error(74, _("writing the export failed"));
	buf_free(csv);
	return rc;
}

static int code_cmd_export(struct cli *cli, int argc, char **argv)
{
	static const char cmd[] = "code export";
	static const struct option opts[] = {
		{"campaign", required_argument, 0, O_CAMPAIGN}, {"format", required_argument, 0, O_FORMAT},
		{"output", required_argument, 0, O_OUTPUT}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *campaign = NULL, *format = NULL, *output = NULL;
	struct limesurvey_export_summary s;
	struct cn_buf csv = {0};
	int opt, rc;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (opt) {
		case 'h': code_help(stdout, "code export"); return 0;
		case O_CAMPAIGN: campaign = optarg; break;
		case O_FORMAT: format = optarg; break;
		case O_OUTPUT: output = optarg; break;
		default: return cli_bad_option(cmd, opt, argv);
		}
	}
	if (optind < argc)
		return cli_usage(cmd, _("unexpected argument '%s'"), argv[optind]);
	if (!campaign)
		return cli_usage(cmd, _("--campaign KEY is required"));
	if (!format || strcmp(format, "limesurvey") != 0)
		return cli_usage(cmd, _("--format limesurvey is the one export format (for a list: 'code list')"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = limesurvey_export(cli->ctx, campaign, &csv, &s))) {
		buf_free(&csv);
		return cli_fail(cli, rc);
	}
	if ((rc = write_export(output, &csv))) {
		limesurvey_export_summary_free(&s);
		return rc;
	}
	if (s.without_email) {
		char n1[NUMFMT_LEN], n2[NUMFMT_LEN];
		fprintf(stderr, _("centralino: warning: %s of %s participants have no e-mail address;"
				  " LimeSurvey skips them unless \"Filter blank email addresses\" is turned off"
				  " in its import dialog:\n"),
			numfmt_int(s.without_email, n1, sizeof n1), numfmt_int(s.rows, n2, sizeof n2));
		for (size_t i = 0; i < s.nmissing; i++)
			fprintf(stderr, "  %s\n", s.missing[i]);
	}
	{
		char n[NUMFMT_LEN];
		fprintf(stderr, ngettext("centralino: %s participant exported for campaign %s\n",
					 "centralino: %s participants exported for campaign %s\n", (unsigned long)s.rows),
			numfmt_int(s.rows, n, sizeof n), campaign);
	}
	limesurvey_export_summary_free(&s);
	return 0;
}

int cmd_code(struct cli *cli, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(struct cli *, int, char **);
	} subs[] = {
		{"issue", code_cmd_issue}, {"revoke", code_cmd_revoke}, {"reveal", code_cmd_reveal},
		{"find", code_cmd_find}, {"spell", code_cmd_spell}, {"list", code_cmd_list},
		{"generate", code_cmd_generate}, {"export", code_cmd_export},
	};
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		code_help(argc < 2 ? stderr : stdout, "code");
		return argc < 2 ? 64 : 0;
	}
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].fn(cli, argc - 1, argv + 1);
	return cli_usage("code", _("'%s' is not issue, revoke, reveal, find, spell, list, generate or export"),
			 argv[1]);
}
