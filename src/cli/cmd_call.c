/* centralino call add|show|update|close|list|category */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/callflow.h"
#include "centralino/calls.h"
#include "centralino/clock.h"
#include "centralino/numfmt.h"
#include "centralino/text.h"
#include "cli.h"
#include "out.h"
#include "centralino/xalloc.h"

/* The whole command's help, or `command`'s ("call add"). */
static void call_help(FILE *f, const char *command)
{
	struct cli_help h = cli_help_of(f, command);

	cli_help_usage(&h, "add", _("centralino call add (--respondent ID | --unidentified | --follows CALL) [FIELDS]\n"));
	cli_help_usage(&h, "show", _("centralino call show CALL [--format text|tsv]\n"));
	cli_help_usage(&h, "update", _("centralino call update CALL FIELDS\n"));
	cli_help_usage(&h, "close", _("centralino call close CALL [--outcome TEXT]\n"));
	cli_help_usage(&h, "list", _(
"centralino call list [--open] [--mine] [--callbacks-due] [--today]\n"
"                  [--respondent ID] [--campaign KEY] [--since DATE] [--until DATE]\n"
"                  [--category NAME] [--phone NUMBER] [--limit N] [--format table|tsv|csv]\n"));
	cli_help_usage(&h, "callbacks", _("centralino call callbacks [--all] [--format table|tsv|csv]\n"));
	cli_help_usage(&h, "category|category list", _("centralino call category list [--all] [--format table|tsv|csv]\n"));
	cli_help_usage(&h, "category|category add", _("centralino call category add NAME --label TEXT      (admin)\n"));
	cli_help_usage(&h, "category|category disable|category enable",
		       _("centralino call category disable|enable NAME         (admin)\n"));
	cli_help_text(&h, "add|show|update|close|list|callbacks", _(
"The desk's phone request log. 'call add' prints the new call's id; CALL is\n"
"that id or its first characters (at least 4, enough to be unique).\n"));
	cli_help_text(&h, "category|category list|category add|category disable|category enable", _(
"Categories sort the calls (call add --category). A disabled one is no\n"
"longer offered for new calls; 'altro', where calls without one go, cannot\n"
"be disabled.\n"));
	cli_help_text(&h, "add|update", _(
"\n"
"Fields (add and update):\n"
"  --respondent ID      comune ISTAT code (001272, or 1272), cadastral code\n"
"                       (L219), AMB:CODE, REG:01, or a name only one respondent has\n"
"  --unidentified       the caller could not be tied to a respondent\n"
"  --campaign KEY       default for a new call: the open campaign the respondent\n"
"                       has business with; none when it has several\n"
"  --no-campaign        the call is about no campaign\n"
"  --caller NAME        who called;  --office TEXT  their role or office\n"
"  --phone NUMBER       stored normalised (+390552037349), shown 055 203 7349\n"
"  --email ADDRESS\n"
"  --direction inbound|outbound            (default inbound)\n"
"  --category NAME      see 'call category list' (default altro)\n"
"  --notes TEXT         several lines allowed; '--notes -' reads standard input\n"
"  --outcome TEXT       what was done\n"
"  --state aperta|in_attesa|chiusa   default: in_attesa with a callback,\n"
"                       chiusa with an outcome, else aperta\n"
"  --callback WHEN      call back then; 'none' removes it. WHEN: a time\n"
"                       (2019-07-31 10:30, 31/07/2019 10:30), HH:MM today,\n"
"                       'tomorrow HH:MM', or +30m / +2h / +1d from now\n"
"  --callback-owner LOGIN  who calls back (default: who sets the callback)\n"
"  --follows CALL       an earlier call this one follows up; a new call takes\n"
"                       respondent, campaign, caller, office, phone and e-mail\n"
"                       from it unless given\n"
"  --started TIME, --ended TIME   (default start: now; '' clears the end)\n"
"An empty value ('') clears a field in 'update'.\n"));
	cli_help_text(&h, "add", _(
"\n"
"What was done during the call ('add' only), saved with it in one transaction;\n"
"codes and proroghe are for the call's campaign, told to its caller, office\n"
"and phone:\n"
"  --code issue|reissue|reveal   give the code (a batch code nobody was told\n"
"                       yet, else a new one), re-issue it (the old one is\n"
"                       revoked), or read the active one out again\n"
"  --verified METHOD    how the caller was checked (no default): richiamata_centralino,\n"
"                       referente_noto, richiesta_pec or altro:TEXT\n"
"  --reason TEXT        why the code is re-issued\n"
"  --save-contact       keep the caller and the phone as contacts\n"
"  --proroga DATE --proroga-reason TEXT    grant a proroga (supervisore)\n"
"  --contact KIND:VALUE note a contact (referente, ufficio, email, pec, telefono)\n"
"A call that follows one waiting for a callback answers it: the earlier call\n"
"is closed and shows by which call it was called back.\n"));
	cli_help_text(&h, "list", _(
"\n"
"List: newest first. --open: not closed; --mine: taken by me or my callback;\n"
"--callbacks-due: callbacks due by now (with --mine: mine); --since/--until:\n"
"days, both included; --phone: calls from that number in any spelling.\n"));
	cli_help_text(&h, "callbacks", _(
"Callbacks: today's, not answered yet, soonest first: those due (also from\n"
"earlier days) and those coming later today; mine, or everyone's with --all.\n"));
	cli_help_text(&h, "add|show|update|list|callbacks",
		      _("Dates are shown as 31/07/2019 10:30 (local time) and stored in UTC.\n"));
}

/* Standard input, whole, for --notes -: at most CLI_STDIN_MAX bytes (an
 * endless stream is cut off there, not read until memory runs out), no
 * NUL (it would silently cut the notes short). 0, or the exit code after
 * the message. */
static int read_stdin(char **out)
{
	struct cn_buf b = {0};
	char chunk[4096];
	size_t n;

	*out = NULL;
	while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
		if (b.len + n > CLI_STDIN_MAX) {
			buf_free(&b);
			return cli_error(65, _("--notes -: more than %d KiB on standard input"), CLI_STDIN_MAX / 1024);
		}
		if (memchr(chunk, '\0', n)) {
			buf_free(&b);
			return cli_error(65, _("--notes -: a NUL byte on standard input (not text?)"));
		}
		buf_add(&b, chunk, n);
	}
	*out = b.p ? b.p : xstrdup("");
	return 0;
}

enum {
	O_RESPONDENT = 256, O_UNIDENTIFIED, O_CAMPAIGN, O_NO_CAMPAIGN, O_CALLER, O_OFFICE,
	O_PHONE, O_EMAIL, O_DIRECTION, O_CATEGORY, O_NOTES, O_OUTCOME, O_STATE,
	O_CALLBACK, O_CALLBACK_OWNER, O_FOLLOWS, O_STARTED, O_ENDED,
	O_OPEN, O_MINE, O_DUE, O_TODAY, O_SINCE, O_UNTIL, O_LIMIT, O_FORMAT, O_ALL,
	O_CODE, O_VERIFIED, O_REASON, O_SAVE_CONTACT, O_PROROGA, O_PROROGA_REASON, O_CONTACT,
};

static const struct option field_opts[] = {
	{"respondent", required_argument, 0, O_RESPONDENT},
	{"unidentified", no_argument, 0, O_UNIDENTIFIED},
	{"campaign", required_argument, 0, O_CAMPAIGN},
	{"no-campaign", no_argument, 0, O_NO_CAMPAIGN},
	{"caller", required_argument, 0, O_CALLER},
	{"office", required_argument, 0, O_OFFICE},
	{"phone", required_argument, 0, O_PHONE},
	{"email", required_argument, 0, O_EMAIL},
	{"direction", required_argument, 0, O_DIRECTION},
	{"category", required_argument, 0, O_CATEGORY},
	{"notes", required_argument, 0, O_NOTES},
	{"outcome", required_argument, 0, O_OUTCOME},
	{"state", required_argument, 0, O_STATE},
	{"callback", required_argument, 0, O_CALLBACK},
	{"callback-owner", required_argument, 0, O_CALLBACK_OWNER},
	{"follows", required_argument, 0, O_FOLLOWS},
	{"started", required_argument, 0, O_STARTED},
	{"ended", required_argument, 0, O_ENDED},
	{"code", required_argument, 0, O_CODE},
	{"verified", required_argument, 0, O_VERIFIED},
	{"reason", required_argument, 0, O_REASON},
	{"save-contact", no_argument, 0, O_SAVE_CONTACT},
	{"proroga", required_argument, 0, O_PROROGA},
	{"proroga-reason", required_argument, 0, O_PROROGA_REASON},
	{"contact", required_argument, 0, O_CONTACT},
	{"help", no_argument, 0, 'h'},
	{0, 0, 0, 0},
};

#define MAX_CALL_CONTACTS 4

/* Times are parsed after the database is open (HH:MM and +2h need the clock). */
struct field_args {
	struct call_input in;
	const char *callback, *started, *ended;
	char *notes_stdin;
	/* what was done during the call */
	const char *code, *verified, *reason, *proroga, *proroga_reason;
	int save_contact;
	size_t ncontacts;
	const char *contacts[MAX_CALL_CONTACTS];
};

/* The actions given to 'call add', in a fixed order: code, proroga,
 * contacts. -1 to go on, else the exit code. */
static int build_actions(const char *cmd, const struct field_args *a, struct callflow_action *v,
			 size_t *n)
{
	*n = 0;
	if (a->code) {
		struct callflow_action *x = &v[(*n)++];
		memset(x, 0, sizeof *x);
		if (strcmp(a->code, "issue") == 0)
			x->kind = CALLFLOW_CODE;
		else if (strcmp(a->code, "reissue") == 0)
			x->kind = CALLFLOW_CODE_REISSUE;
		else if (strcmp(a->code, "reveal") == 0)
			x->kind = CALLFLOW_CODE_REVEAL;
		else
			return cli_usage(cmd, _("--code: '%s' is not issue, reissue or reveal"), a->code);
		if (x->kind != CALLFLOW_CODE_REVEAL && !a->verified)
			return cli_usage(cmd, _("--code %s: how was the caller checked? give --verified METHOD"), a->code);
		if (x->kind == CALLFLOW_CODE_REISSUE && !a->reason)
			return cli_usage(cmd, _("--code reissue needs its --reason TEXT"));
		x->verified = a->verified;
		x->reason = a->reason;
		x->save_contact = a->save_contact;
	} else if (a->verified || a->reason || a->save_contact) {
		return cli_usage(cmd, _("--verified, --reason and --save-contact go with --code"));
	}
	if (a->proroga || a->proroga_reason) {
		struct callflow_action *x = &v[(*n)++];
		memset(x, 0, sizeof *x);
		if (!a->proroga || !a->proroga_reason)
			return cli_usage(cmd, _("--proroga DATE and --proroga-reason TEXT go together"));
		x->kind = CALLFLOW_EXTENSION;
		x->until = a->proroga;
		x->reason = a->proroga_reason;
	}
	for (size_t i = 0; i < a->ncontacts; i++) {
		struct callflow_action *x = &v[(*n)++];
		const char *colon = strchr(a->contacts[i], ':');
		char kind[16];
		memset(x, 0, sizeof *x);
		snprintf(kind, sizeof kind, "%.*s", colon ? (int)(colon - a->contacts[i]) : 0, a->contacts[i]);
		if (!colon || contact_kind_parse(kind, &x->contact_kind))
			return cli_usage(cmd, _("--contact: '%s' is not KIND:VALUE (referente, ufficio, email, pec, telefono)"),
					 a->contacts[i]);
		x->kind = CALLFLOW_CONTACT;
		x->value = colon + 1;
	}
	return -1;
}

/* Reads the field options into a; -1 to go on, else the exit code. */
static int parse_fields(const char *cmd, int argc, char **argv, struct field_args *a)
{
	struct call_input *in = &a->in;
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", field_opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			call_help(stdout, cmd);
			return 0;
		case O_RESPONDENT:
			if (!*optarg)
				return cli_usage(cmd, _("--respondent needs an id (or use --unidentified)"));
			in->set |= CALL_F_RESPONDENT;
			in->respondent = optarg;
			break;
		case O_UNIDENTIFIED:
			in->set |= CALL_F_RESPONDENT;
			in->respondent = NULL;
			break;
		case O_CAMPAIGN:
			in->set |= CALL_F_CAMPAIGN;
			in->campaign = optarg;
			break;
		case O_NO_CAMPAIGN:
			in->set |= CALL_F_CAMPAIGN;
			in->campaign = NULL;
			break;
		case O_CALLER: in->set |= CALL_F_CALLER; in->caller_name = optarg; break;
		case O_OFFICE: in->set |= CALL_F_OFFICE; in->caller_office = optarg; break;
		case O_PHONE: in->set |= CALL_F_PHONE; in->phone = optarg; break;
		case O_EMAIL: in->set |= CALL_F_EMAIL; in->email = optarg; break;
		case O_DIRECTION:
			if (call_direction_parse(optarg, &in->direction))
				return cli_usage(cmd, _("--direction: '%s' is not inbound or outbound"), optarg);
			in->set |= CALL_F_DIRECTION;
			break;
		case O_CATEGORY: in->set |= CALL_F_CATEGORY; in->category = optarg; break;
		case O_NOTES:
			in->set |= CALL_F_NOTES;
			in->notes = optarg;
			if (strcmp(optarg, "-") == 0) {
				int rc;
				free(a->notes_stdin);
				if ((rc = read_stdin(&a->notes_stdin)))
					return rc;
				in->notes = a->notes_stdin;
			}
			break;
		case O_OUTCOME: in->set |= CALL_F_OUTCOME; in->outcome = optarg; break;
		case O_STATE:
			if (call_state_parse(optarg, &in->state))
				return cli_usage(cmd, _("--state: '%s' is not aperta, in_attesa or chiusa"), optarg);
			in->set |= CALL_F_STATE;
			break;
		case O_CALLBACK: in->set |= CALL_F_CALLBACK; a->callback = optarg; break;
		case O_CALLBACK_OWNER:
			in->set |= CALL_F_CALLBACK_OWNER;
			in->callback_owner = optarg;
			break;
		case O_FOLLOWS: in->set |= CALL_F_FOLLOWS; in->follows = optarg; break;
		case O_STARTED: in->set |= CALL_F_STARTED; a->started = optarg; break;
		case O_ENDED: in->set |= CALL_F_ENDED; a->ended = optarg; break;
		case O_CODE: a->code = optarg; break;
		case O_VERIFIED: a->verified = optarg; break;
		case O_REASON: a->reason = optarg; break;
		case O_SAVE_CONTACT: a->save_contact = 1; break;
		case O_PROROGA: a->proroga = optarg; break;
		case O_PROROGA_REASON: a->proroga_reason = optarg; break;
		case O_CONTACT:
			if (a->ncontacts == MAX_CALL_CONTACTS)
				return cli_usage(cmd, _("at most %d --contact options"), MAX_CALL_CONTACTS);
			a->contacts[a->ncontacts++] = optarg;
			break;
		default:
			return cli_bad_option(cmd, c, argv);
		}
	}
	return -1;
}

/* The time options, now that the clock is known. */
static int parse_times(struct cli *cli, const char *cmd, struct field_args *a)
{
	struct call_input *in = &a->in;
	if (a->callback) {
		in->callback_due = 0;
		if (*a->callback && strcmp(a->callback, "none") != 0 &&
		    cn_parse_when(cn_now(cli->ctx), a->callback, &in->callback_due))
			return cli_usage(cmd, _("--callback: '%s' is not a time (31/07/2019 10:30, 10:30, tomorrow 9:00, +2h)"),
					 a->callback);
	}
	if (a->started && cn_parse_when(cn_now(cli->ctx), a->started, &in->started))
		return cli_usage(cmd, _("--started: '%s' is not a time (2019-07-31 10:30 or 31/07/2019 10:30)"), a->started);
	in->ended = 0;
	if (a->ended && *a->ended && cn_parse_when(cn_now(cli->ctx), a->ended, &in->ended))
		return cli_usage(cmd, _("--ended: '%s' is not a time (2019-07-31 10:30 or 31/07/2019 10:30)"), a->ended);
	return 0;
}

/* What 'call add' did beyond the call: the code to read out, the proroga,
 * the callback answered. */
static void print_done(const struct callflow_result *r)
{
	if (r->callback_closed[0])
		printf(_("callback of call %.8s answered: that call is closed\n"), r->callback_closed);
	for (size_t i = 0; i < r->n; i++) {
		const struct callflow_done *d = &r->v[i];
		char shown[11];
		if (d->code[0]) {
			printf(d->kind == CALLFLOW_CODE_REVEAL ? _("The active code:\n") : _("The code to read out:\n"));
			cli_print_code(d->code);
		}
		if (d->revoked[0]) {
			char g[CODE_GROUPED_BUFSZ];
			code_group(d->revoked, g, sizeof g);
			printf(_("The previous code %s is revoked.\n"), g);
		}
		if (d->until[0]) {
			cn_date_display(d->until, shown);
			printf(_("proroga until %s\n"), shown);
		}
		if (d->kind == CALLFLOW_CONTACT)
			printf(_("contact %lld added\n"), d->object_id);
	}
}

static int call_cmd_add(struct cli *cli, int argc, char **argv)
{
	struct field_args a = {0};
	struct callflow_action actions[2 + MAX_CALL_CONTACTS];
	struct callflow_result res;
	size_t n = 0;
	int rc;

	if ((rc = parse_fields("call add", argc, argv, &a)) >= 0 ||
	    (rc = build_actions("call add", &a, actions, &n)) >= 0)
		goto out;
	if (optind < argc) {
		rc = cli_usage("call add", _("unexpected argument '%s'"), argv[optind]);
		goto out;
	}
	if (!(a.in.set & (CALL_F_RESPONDENT | CALL_F_FOLLOWS))) {
		rc = cli_usage("call add", _("who called? give --respondent ID or --unidentified (or --follows CALL)"));
		goto out;
	}
	if ((rc = cli_open(cli, 0, 0)) || (rc = parse_times(cli, "call add", &a)))
		goto out;
	if ((rc = callflow_save(cli->ctx, &a.in, actions, n, &res))) {
		rc = cli_fail(cli, rc);
		goto out;
	}
	printf("%s\n", res.call_id);
	print_done(&res);
	callflow_result_free(&res);
out:
	free(a.notes_stdin);
	return rc;
}

static int call_cmd_update(struct cli *cli, int argc, char **argv)
{
	struct field_args a = {0};
	struct call c;
	int rc, changed;

	if ((rc = parse_fields("call update", argc, argv, &a)) >= 0)
		goto out;
	if (argc - optind != 1) {
		rc = cli_usage("call update", _("give one CALL id"));
		goto out;
	}
	if (!a.in.set) {
		rc = cli_usage("call update", _("nothing to change: give the fields to change"));
		goto out;
	}
	if (a.code || a.verified || a.reason || a.save_contact || a.proroga || a.proroga_reason || a.ncontacts) {
		rc = cli_usage("call update", _("codes, proroghe and contacts are saved with a new call ('call add')"));
		goto out;
	}
	if ((rc = cli_open(cli, 0, 0)) || (rc = parse_times(cli, "call update", &a)))
		goto out;
	if ((rc = calls_update(cli->ctx, argv[optind], &a.in, &changed)) ||
	    (rc = calls_get(cli->ctx, argv[optind], &c))) {
		rc = cli_fail(cli, rc);
		goto out;
	}
	printf(changed ? _("call %.8s changed (%s)\n") : _("call %.8s already so: nothing changed (%s)\n"),
	       c.id, call_state_label(c.state));
	call_free(&c);
out:
	free(a.notes_stdin);
	return rc;
}

/* For the subcommands whose only option besides --help is --NAME VALUE
 * (the value into *value): -1 to go on, else the exit code. */
static int one_option(const char *cmd, int argc, char **argv, const char *name, const char **value)
{
	const struct option opts[] = {
		{name, required_argument, 0, 1}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'h') {
			call_help(stdout, cmd);
			return 0;
		}
		if (c != 1)
			return cli_bad_option(cmd, c, argv);
		*value = optarg;
	}
	return -1;
}

static int call_cmd_close(struct cli *cli, int argc, char **argv)
{
	const char *outcome = NULL;
	char id[37];
	int rc;

	if ((rc = one_option("call close", argc, argv, "outcome", &outcome)) >= 0)
		return rc;
	if (argc - optind != 1)
		return cli_usage("call close", _("give one CALL id"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = calls_resolve_id(cli->ctx, argv[optind], id)) || (rc = calls_close(cli->ctx, id, outcome)))
		return cli_fail(cli, rc);
	printf(_("call %.8s closed\n"), id);
	return 0;
}

static void fmt_time(time_t t, char out[17])
{
	if (t)
		cn_fmt_display(t, out);
	else
		out[0] = '\0';
}

/* One "label  value" line of `call show`; multi-line values indented. */
static void show_line(const char *label, const char *value)
{
	int pad = 14 - text_width(label);
	if (!value || !*value)
		return;
	printf("%s%*s", label, pad > 1 ? pad : 1, "");
	for (const char *p = value; *p; p++) {
		putchar(*p);
		if (*p == '\n')
			printf("%14s", "");
	}
	putchar('\n');
}

/* The fields of a call as (machine name, value) pairs, shared by show and list. */
struct call_cells {
	char started[17], ended[17], dur[16], callback[17], created[17], updated[17], closed[17];
	char phone[PHONE_DISPLAY_MAX], respondent[300], version[24];
};

static void call_cells(const struct call *c, struct call_cells *k)
{
	fmt_time(c->started, k->started);
	fmt_time(c->ended, k->ended);
	call_duration_text(c->started, c->ended, k->dur, sizeof k->dur);
	fmt_time(c->callback_due, k->callback);
	fmt_time(c->created, k->created);
	fmt_time(c->updated, k->updated);
	fmt_time(c->closed, k->closed);
	phone_display(c->phone ? c->phone : "", k->phone);
	call_respondent_label(c, k->respondent, sizeof k->respondent);
	snprintf(k->version, sizeof k->version, "%ld", c->version);
}

static void show_tsv(const char *key, const char *value)
{
	out_cell(stdout, OUT_TSV, key);
	putchar('\t');
	out_cell(stdout, OUT_TSV, value);
	putchar('\n');
}

/* What was done during the call and the call that answered its callback. */
static int call_story(struct cli *cli, const struct call *c, struct callflow_steps *steps,
		      char back[37], time_t *back_at)
{
	int rc;
	if ((rc = callflow_steps_of(cli->ctx, c->id, steps)))
		return cli_fail(cli, rc);
	if ((rc = callflow_called_back(cli->ctx, c->id, back, back_at))) {
		callflow_steps_free(steps);
		return cli_fail(cli, rc);
	}
	return 0;
}

static void show_call_tsv(const struct call *c, const struct call_cells *k, const struct callflow_steps *sp,
			  const char *back, const char *back_when)
{
	const char *rows[][2] = {
		{"id", c->id}, {"started", k->started}, {"ended", k->ended}, {"duration", k->dur},
		{"operator", c->operator_login}, {"direction", call_direction_name(c->direction)},
		{"campaign", c->campaign_key}, {"respondent_id", c->respondent_id},
		{"respondent", k->respondent}, {"unidentified", c->unidentified ? "1" : "0"},
		{"caller", c->caller_name}, {"office", c->caller_office}, {"phone", k->phone},
		{"email", c->email}, {"category", c->category}, {"category_label", c->category_label},
		{"notes", c->notes}, {"outcome", c->outcome}, {"state", call_state_name(c->state)},
		{"callback_due", k->callback}, {"callback_owner", c->callback_owner},
		{"follows", c->follows}, {"created", k->created}, {"updated", k->updated},
		{"closed", k->closed}, {"closed_by", c->closed_by}, {"version", k->version},
	};
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
		show_tsv(rows[i][0], rows[i][1]);
	if (back[0]) {
		show_tsv("called_back", back_when);
		show_tsv("called_back_call", back);
	}
	for (size_t i = 0; i < sp->n; i++)
		show_tsv("action", sp->v[i].text);
}

/* The calls that follow this one, oldest last. */
static void show_followers(struct cli *cli, const struct call *c)
{
	struct call_filter f = {.follows = c->id};
	struct call_list l;
	char buf[512];
	if (calls_list(cli->ctx, &f, &l) != CN_OK)
		return;
	for (size_t i = l.n; i-- > 0;) {
		char when[17];
		fmt_time(l.v[i].started, when);
		snprintf(buf, sizeof buf, "%.8s %s %s", l.v[i].id, when, l.v[i].category);
		show_line(_("Followed by"), buf);
	}
	call_list_free(&l);
}

static void show_call_text(struct cli *cli, const struct call *c, const struct call_cells *k,
			   const struct callflow_steps *sp, const char *back, const char *back_when)
{
	char buf[512];
	show_line(_("Call"), c->id);
	snprintf(buf, sizeof buf, "%s%s%s%s", k->started, k->ended[0] ? " - " : "",
		 k->ended[0] ? k->ended + 11 : "", "");
	if (k->dur[0])
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), _(" (%s)"), k->dur);
	show_line(_("Time"), buf);
	snprintf(buf, sizeof buf, "%s (%s)", c->operator_login, c->operator_name ? c->operator_name : "");
	show_line(_("Operator"), buf);
	show_line(_("Direction"), call_direction_label(c->direction));
	show_line(_("Campaign"), c->campaign_key);
	if (c->respondent_id)
		snprintf(buf, sizeof buf, "%s  [%s]", k->respondent, c->respondent_id);
	else
		snprintf(buf, sizeof buf, "%s", k->respondent);
	show_line(_("Respondent"), buf);
	show_line(_("Caller"), c->caller_name);
	show_line(_("Office"), c->caller_office);
	if (c->phone) {
		snprintf(buf, sizeof buf, "%s  (%s)", k->phone, c->phone);
		show_line(_("Phone"), buf);
	}
	show_line(_("E-mail"), c->email);
	snprintf(buf, sizeof buf, "%s (%s)", c->category_label, c->category);
	show_line(_("Category"), buf);
	show_line(_("State"), call_state_label(c->state));
	if (c->callback_due) {
		snprintf(buf, sizeof buf, _("%s by %s%s"), k->callback, c->callback_owner,
			 c->state != CALL_CHIUSA && c->callback_due <= cn_now(cli->ctx) ? _(" - DUE") : "");
		show_line(_("Callback"), buf);
	}
	show_line(_("Follows"), c->follows);
	if (back[0]) {
		snprintf(buf, sizeof buf, _("called back at %s, call %.8s"), back_when, back);
		show_line(_("Callback"), buf);
	}
	for (size_t i = 0; i < sp->n; i++)
		show_line(_("Done"), sp->v[i].text);
	show_line(_("Notes"), c->notes);
	show_line(_("Outcome"), c->outcome);
	if (c->closed) {
		snprintf(buf, sizeof buf, _("%s by %s"), k->closed, c->closed_by);
		show_line(_("Closed"), buf);
	}
	show_followers(cli, c);
}

static int call_cmd_show(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, 0, O_FORMAT}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	struct callflow_steps steps;
	char back[37], back_when[17];
	time_t back_at;
	struct call c;
	struct call_cells k;
	int tsv = 0, opt, rc;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (opt == 'h') {
			call_help(stdout, "call show");
			return 0;
		}
		if (opt != O_FORMAT)
			return cli_bad_option("call show", opt, argv);
		if (strcmp(optarg, "tsv") == 0)
			tsv = 1;
		else if (strcmp(optarg, "text") != 0)
			return cli_usage("call show", _("--format: '%s' is not text or tsv"), optarg);
	}
	if (argc - optind != 1)
		return cli_usage("call show", _("give one CALL id"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = calls_get(cli->ctx, argv[optind], &c)))
		return cli_fail(cli, rc);
	call_cells(&c, &k);
	if ((rc = call_story(cli, &c, &steps, back, &back_at))) {
		call_free(&c);
		return rc;
	}
	fmt_time(back_at, back_when);
	if (tsv)
		show_call_tsv(&c, &k, &steps, back, back_when);
	else
		show_call_text(cli, &c, &k, &steps, back, back_when);
	callflow_steps_free(&steps);
	call_free(&c);
	return 0;
}

/* A date bound: a day (whole, local) or an exact time. */
static int parse_bound(const char *s, int upper, time_t *out)
{
	time_t start, end;
	if (strlen(s) == 10 && cn_day_bounds(s, &start, &end) == CN_OK) {
		*out = upper ? end : start;
		return 0;
	}
	return cn_parse_time(s, out) ? -1 : 0;
}

/* The calls as `call list` prints them: a narrow table, or every field
 * (tsv, csv). */
static struct out_table *calls_table(enum out_format fmt, const struct call_list *l)
{
	struct out_table *t;
	if (fmt == OUT_TABLE) {
		const char *h[] = {_("CALL"), _("STARTED"), _("DURATION"), _("OPERATOR"), _("RESPONDENT"),
				   _("CATEGORY"), _("STATE"), _("CALLBACK"), _("CALLER"), _("NOTES")};
		t = out_new(fmt, 10, h);
	} else {
		static const char *const h[] = {
			"id", "started", "duration", "operator", "direction", "campaign", "respondent_id",
			"respondent", "caller", "office", "phone", "email", "category", "state",
			"callback_due", "callback_owner", "follows", "notes", "outcome"};
		t = out_new(fmt, 19, h);
	}
	for (size_t i = 0; i < l->n; i++) {
		const struct call *x = &l->v[i];
		struct call_cells k;
		call_cells(x, &k);
		if (fmt == OUT_TABLE) {
			char id[9], who[40], notes[160], first[400];
			snprintf(id, sizeof id, "%.8s", x->id);
			text_fit(k.respondent, 28, who, sizeof who);
			snprintf(first, sizeof first, "%s", x->notes ? x->notes : "");
			first[strcspn(first, "\n")] = '\0';
			text_fit(first, 40, notes, sizeof notes);
			const char *row[] = {id, k.started, k.dur, x->operator_login, who, x->category,
					     call_state_label(x->state), k.callback, x->caller_name, notes};
			out_row(t, row);
		} else {
			const char *row[] = {
				x->id, k.started, k.dur, x->operator_login, call_direction_name(x->direction),
				x->campaign_key, x->respondent_id, k.respondent, x->caller_name,
				x->caller_office, k.phone, x->email, x->category, call_state_name(x->state),
				k.callback, x->callback_owner, x->follows, x->notes, x->outcome};
			out_row(t, row);
		}
	}
	return t;
}

static int call_cmd_list(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"open", no_argument, 0, O_OPEN}, {"mine", no_argument, 0, O_MINE},
		{"callbacks-due", no_argument, 0, O_DUE}, {"today", no_argument, 0, O_TODAY},
		{"respondent", required_argument, 0, O_RESPONDENT},
		{"campaign", required_argument, 0, O_CAMPAIGN},
		{"since", required_argument, 0, O_SINCE}, {"until", required_argument, 0, O_UNTIL},
		{"category", required_argument, 0, O_CATEGORY}, {"phone", required_argument, 0, O_PHONE},
		{"limit", required_argument, 0, O_LIMIT}, {"format", required_argument, 0, O_FORMAT},
		{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	struct call_filter f = {0};
	enum out_format fmt = OUT_TABLE;
	const char *since = NULL, *until = NULL;
	struct call_list l;
	struct out_table *t;
	int c, rc, today = 0;
	long limit;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'h': call_help(stdout, "call list"); return 0;
		case O_OPEN: f.open = 1; break;
		case O_MINE: f.mine = 1; break;
		case O_DUE: f.callbacks_due = 1; break;
		case O_TODAY: today = 1; break;
		case O_RESPONDENT: f.respondent = optarg; break;
		case O_CAMPAIGN: f.campaign = optarg; break;
		case O_SINCE: since = optarg; break;
		case O_UNTIL: until = optarg; break;
		case O_CATEGORY: f.category = optarg; break;
		case O_PHONE: f.phone = optarg; break;
		case O_LIMIT:
			if ((rc = cli_int_arg("call list", "--limit", optarg, 1, 1000000000, &limit)))
				return rc;
			f.limit = (size_t)limit;
			break;
		case O_FORMAT:
			if ((rc = cli_format_arg("call list", optarg, 1u << OUT_TABLE | 1u << OUT_TSV | 1u << OUT_CSV, &fmt)))
				return rc;
			break;
		default:
			return cli_bad_option("call list", c, argv);
		}
	}
	if (optind < argc)
		return cli_usage("call list", _("unexpected argument '%s'"), argv[optind]);
	if (since && parse_bound(since, 0, &f.since))
		return cli_usage("call list", _("--since: '%s' is not a date (2019-07-31 or 31/07/2019)"), since);
	if (until && parse_bound(until, 1, &f.until))
		return cli_usage("call list", _("--until: '%s' is not a date (2019-07-31 or 31/07/2019)"), until);
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if (today) {
		char ymd[11];
		time_t start, end;
		cn_fmt_ymd(cn_now(cli->ctx), ymd);
		cn_day_bounds(ymd, &start, &end);
		if (!f.since || f.since < start)
			f.since = start;
		if (!f.until || f.until > end)
			f.until = end;
	}
	if ((rc = calls_list(cli->ctx, &f, &l)))
		return cli_fail(cli, rc);
	t = calls_table(fmt, &l);
	call_list_free(&l);
	cli_print_table(t);
	return 0;
}

/* The options of the lists that take --all and --format only, then the
 * database opened: -1 to go on, else the exit code. */
static int all_format_options(struct cli *cli, const char *cmd, int argc, char **argv, int *all,
			      enum out_format *fmt)
{
	static const struct option opts[] = {
		{"all", no_argument, 0, O_ALL}, {"format", required_argument, 0, O_FORMAT},
		{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	int c, rc;

	*all = 0;
	*fmt = OUT_TABLE;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'h') {
			call_help(stdout, cmd);
			return 0;
		} else if (c == O_ALL) {
			*all = 1;
		} else if (c == O_FORMAT) {
			if ((rc = cli_format_arg(cmd, optarg, 1u << OUT_TABLE | 1u << OUT_TSV | 1u << OUT_CSV, fmt)))
				return rc;
		} else {
			return cli_bad_option(cmd, c, argv);
		}
	}
	if (optind < argc)
		return cli_usage(cmd, _("unexpected argument '%s'"), argv[optind]);
	return (rc = cli_open(cli, 0, 0)) ? rc : -1;
}

static int call_cmd_callbacks(struct cli *cli, int argc, char **argv)
{
	enum out_format fmt;
	struct call_list l;
	struct out_table *t;
	int rc, all;

	if ((rc = all_format_options(cli, "call callbacks", argc, argv, &all, &fmt)) >= 0)
		return rc;
	if ((rc = callflow_callbacks_today(cli->ctx, all, &l)))
		return cli_fail(cli, rc);
	if (fmt == OUT_TABLE) {
		const char *h[] = {_("WHEN"), _("CALLBACK"), _("CALL"), _("RESPONDENT"), _("CALLER"),
				   _("PHONE"), _("OWNER"), _("CATEGORY")};
		t = out_new(fmt, 8, h);
	} else {
		static const char *const h[] = {"when", "callback_due", "id", "respondent_id", "respondent",
						"caller", "phone", "owner", "category"};
		t = out_new(fmt, 9, h);
	}
	for (size_t i = 0; i < l.n; i++) {
		const struct call *x = &l.v[i];
		struct call_cells k;
		int due = x->callback_due <= cn_now(cli->ctx);
		const char *when = fmt == OUT_TABLE ? (due ? _("due") : _("coming")) : (due ? "due" : "coming");
		char id[9];
		call_cells(x, &k);
		snprintf(id, sizeof id, "%.8s", x->id);
		if (fmt == OUT_TABLE) {
			const char *row[] = {when, k.callback, id, k.respondent, x->caller_name, k.phone,
					     x->callback_owner, x->category};
			out_row(t, row);
		} else {
			const char *row[] = {when, k.callback, x->id, x->respondent_id, k.respondent,
					     x->caller_name, k.phone, x->callback_owner, x->category};
			out_row(t, row);
		}
	}
	call_list_free(&l);
	cli_print_table(t);
	return 0;
}

static int category_list(struct cli *cli, int argc, char **argv)
{
	enum out_format fmt;
	struct call_categories k;
	struct out_table *t;
	int rc, all;

	if ((rc = all_format_options(cli, "call category list", argc, argv, &all, &fmt)) >= 0)
		return rc;
	if ((rc = call_categories_list(cli->ctx, all, &k)))
		return cli_fail(cli, rc);
	if (fmt == OUT_TABLE) {
		const char *h[] = {_("NAME"), _("LABEL"), _("CALLS")};
		t = out_new(fmt, 3, h);
		out_align_right(t, 2);
	} else {
		static const char *const h[] = {"name", "label", "calls", "active"};
		t = out_new(fmt, 4, h);
	}
	for (size_t i = 0; i < k.n; i++) {
		char n[NUMFMT_LEN];
		if (fmt == OUT_TABLE)
			numfmt_int(k.v[i].calls, n, sizeof n);
		else
			snprintf(n, sizeof n, "%ld", k.v[i].calls);
		const char *row[] = {k.v[i].name, k.v[i].label, n, k.v[i].active ? "1" : "0"};
		out_row(t, row);
	}
	call_categories_free(&k);
	cli_print_table(t);
	return 0;
}

static int category_add(struct cli *cli, int argc, char **argv)
{
	const char *label = NULL;
	int rc;

	if ((rc = one_option("call category add", argc, argv, "label", &label)) >= 0)
		return rc;
	if (argc - optind != 1)
		return cli_usage("call category add", _("give one category NAME"));
	if (!label)
		return cli_usage("call category add", _("give --label TEXT (the name people see)"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = call_category_add(cli->ctx, argv[optind], label)))
		return cli_fail(cli, rc);
	printf(_("category %s added\n"), argv[optind]);
	return 0;
}

/* disable|enable NAME */
static int category_active(struct cli *cli, int argc, char **argv, int active)
{
	const char *cmd = active ? "call category enable" : "call category disable";
	int rc;
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		call_help(stdout, cmd);
		return 0;
	}
	if (argc != 2 || argv[1][0] == '-')
		return cli_usage(cmd, _("give one category NAME"));
	if ((rc = cli_open(cli, 0, 0)))
		return rc;
	if ((rc = call_category_set_active(cli->ctx, argv[1], active)))
		return cli_fail(cli, rc);
	printf(active ? _("category %s enabled\n") : _("category %s disabled: no longer offered for new calls\n"),
	       argv[1]);
	return 0;
}

static int call_cmd_category(struct cli *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : NULL;
	if (!sub)
		return cli_usage("call category", _("give list, add, disable or enable"));
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		call_help(stdout, "call category");
		return 0;
	}
	if (strcmp(sub, "list") == 0)
		return category_list(cli, argc - 1, argv + 1);
	if (strcmp(sub, "add") == 0)
		return category_add(cli, argc - 1, argv + 1);
	if (strcmp(sub, "disable") == 0 || strcmp(sub, "enable") == 0)
		return category_active(cli, argc - 1, argv + 1, sub[0] == 'e');
	return cli_usage("call category", _("'%s' is not a category command: list, add, disable, enable"), sub);
}

int cmd_call(struct cli *cli, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(struct cli *, int, char **);
	} subs[] = {
		{"add", call_cmd_add}, {"show", call_cmd_show}, {"update", call_cmd_update},
		{"close", call_cmd_close}, {"list", call_cmd_list}, {"category", call_cmd_category},
		{"callbacks", call_cmd_callbacks},
	};
	const char *sub = argc > 1 ? argv[1] : NULL;

	if (!sub) {
		call_help(stderr, "call");
		return 64;
	}
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		call_help(stdout, "call");
		return 0;
	}
	for (size_t i = 0; i < sizeof subs / sizeof *subs; i++)
		if (strcmp(sub, subs[i].name) == 0)
			return subs[i].fn(cli, argc - 1, argv + 1);
	return cli_usage("call", _("'%s' is not a call command: add, show, update, close, list, callbacks, category"), sub);
}
