/* The phone request log through the core: every field stored and read
 * back, defaults, checks, updates and closing, filters and ordering,
 * callbacks due against the clock, permissions, one audit row per change. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "centralino/calls.h"
#include "centralino/campaign.h"
#include "centralino/code.h"
#include "centralino/clock.h"
#include "centralino/ctx.h"
#include "fixture.h"

#define NOW "2019-07-12T10:30:00"

static struct cn_ctx *open_as(struct fx *f, const char *user)
{
	return open_at(f, user, NOW);
}

/* A small registry of its own: the tests do not depend on the ISTAT import. */
static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);

	setenv("TZ", "Europe/Rome", 1);
	fx_create(f, "calls", "t.db", "tester", NULL);
	raw(f,
	    "INSERT INTO staff (login, name, role, active, created_at, disabled_at) VALUES"
	    " ('tester', 'Tessa Ter', 'admin', 1, '2019-01-01T00:00:00Z', NULL),"
	    " ('anna', 'Anna Assi', 'assistenza', 1, '2019-01-01T00:00:00Z', NULL),"
	    " ('olga', 'Olga Oper', 'operatore', 1, '2019-01-01T00:00:00Z', NULL),"
	    " ('ex', 'Ex Collega', 'assistenza', 0, '2019-01-01T00:00:00Z', '2019-02-01T00:00:00Z');"
	    "INSERT INTO regione VALUES ('01', 'Piemonte', '1', 'Nord-ovest');"
	    "INSERT INTO provincia VALUES ('001', '201', 'Torino', 'TO', '01');"
	    "INSERT INTO comune (istat, name, folded, regione_code, provincia_code, cadastral, added_on, updated_on) VALUES"
	    " ('001001', 'Agliè', 'aglie', '01', '001', 'A074', '2019-01-01', '2019-01-01'),"
	    " ('001272', 'Torino', 'torino', '01', '001', 'L219', '2019-01-01', '2019-01-01');"
	    "INSERT INTO ambito (code, name, folded) VALUES ('TO1', 'Distretto Torino Nord', 'distretto torino nord');"
	    "INSERT INTO campaign (key, name, opens_on, deadline, kinds, created_at) VALUES"
	    " ('fam2019', 'Politiche per la famiglia 2019', '2019-05-01', '2019-07-31', 'comune', '2019-01-01T00:00:00Z');");
	*state = f;
	return 0;
}

static const char NOTES[] = "Prima riga; con \"virgolette\"\nseconda riga: città, perché\n\tterza";

static void every_field_round_trip(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_as(f, "anna");
	struct call_input in = {
		.set = CALL_F_RESPONDENT | CALL_F_CAMPAIGN | CALL_F_CALLER | CALL_F_OFFICE |
		       CALL_F_PHONE | CALL_F_EMAIL | CALL_F_DIRECTION | CALL_F_CATEGORY |
		       CALL_F_NOTES | CALL_F_OUTCOME | CALL_F_STATE | CALL_F_CALLBACK |
		       CALL_F_CALLBACK_OWNER | CALL_F_STARTED | CALL_F_ENDED,
		.respondent = "001001", .campaign = "fam2019", .caller_name = "  Maria Lucia D'Angelo ",
		.caller_office = "Ufficio Servizi Sociali", .phone = "+39 011-9876543",
		.email = "servizi.sociali@comune.aglie.to.it", .direction = CALL_OUTBOUND,
		.category = "problema_accesso", .notes = NOTES, .outcome = "Spiegata la procedura",
		.state = CALL_IN_ATTESA, .callback_due = when("2019-07-13T09:30:00"),
		.callback_owner = "olga", .started = when("2019-07-12T10:00:00"),
		.ended = when("2019-07-12T10:04:05"),
	};
	char id[37], dur[16], label[100];
	struct call c;
	long long before = audit_rows(f);

	assert_int_equal(calls_add(ctx, &in, id), CN_OK);
	assert_int_equal(strlen(id), 36);
	assert_int_equal(audit_rows(f), before + 1);
	assert_int_equal(calls_get(ctx, id, &c), CN_OK);
	assert_string_equal(c.id, id);
	assert_int_equal(c.started, when("2019-07-12T10:00:00"));
	assert_int_equal(c.ended, when("2019-07-12T10:04:05"));
	call_duration_text(c.started, c.ended, dur, sizeof dur);
	assert_string_equal(dur, "4:05");
	assert_string_equal(c.operator_login, "anna");
	assert_string_equal(c.operator_name, "Anna Assi");
	assert_string_equal(c.campaign_key, "fam2019");
	assert_string_equal(c.respondent_id, "001001");
	assert_string_equal(c.respondent_name, "Agliè");
	call_respondent_label(&c, label, sizeof label);
	assert_string_equal(label, "Agliè (TO)");
	assert_int_equal(c.unidentified, 0);
	assert_string_equal(c.caller_name, "Maria Lucia D'Angelo");
	assert_string_equal(c.caller_office, "Ufficio Servizi Sociali");
	assert_string_equal(c.phone, "+390119876543");
	assert_string_equal(c.email, "servizi.sociali@comune.aglie.to.it");
	assert_int_equal(c.direction, CALL_OUTBOUND);
	assert_string_equal(c.category, "problema_accesso");
	assert_string_equal(c.category_label, "Problema di accesso al questionario");
	assert_string_equal(c.notes, NOTES);
	assert_string_equal(c.outcome, "Spiegata la procedura");
	assert_int_equal(c.state, CALL_IN_ATTESA);
	assert_int_equal(c.callback_due, when("2019-07-13T09:30:00"));
	assert_string_equal(c.callback_owner, "olga");
	assert_null(c.follows);
	assert_int_equal(c.version, 1);
	assert_int_equal(c.closed, 0);
	/* stored in UTC ISO */
	assert_int_equal(raw_int(f, "SELECT count(*) FROM call WHERE started_at = '2019-07-12T08:00:00Z'"
				    " AND callback_due = '2019-07-13T07:30:00Z'"), 1);
	call_free(&c);
	cn_ctx_close(ctx);
}

static void defaults(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_as(f, "anna");
	struct call_input in = {.set = CALL_F_RESPONDENT, .respondent = "001272"};
	char id[37];
	struct call c;

	assert_int_equal(calls_add(ctx, &in, id), CN_OK);
	assert_int_equal(calls_get(ctx, id, &c), CN_OK);
	assert_int_equal(c.started, when(NOW));
	assert_int_equal(c.ended, 0);
	assert_int_equal(c.direction, CALL_INBOUND);
	assert_string_equal(c.category, "altro");
	assert_string_equal(c.campaign_key, "fam2019"); /* the only one running */
	assert_int_equal(c.state, CALL_APERTA);
	call_free(&c);

	/* an outcome closes it; a callback puts it on hold, owned by the operator */
	in.set |= CALL_F_OUTCOME;
	in.outcome = "risolto";
	assert_int_equal(calls_add(ctx, &in, id), CN_OK);
	assert_int_equal(calls_get(ctx, id, &c), CN_OK);
	assert_int_equal(c.state, CALL_CHIUSA);
	assert_int_equal(c.closed, when(NOW));
	assert_string_equal(c.closed_by, "anna");
	call_free(&c);
	in.set |= CALL_F_CALLBACK;
	in.callback_due = when("2019-07-12T15:00:00");
	assert_int_equal(calls_add(ctx, &in, id), CN_OK);
	assert_int_equal(calls_get(ctx, id, &c), CN_OK);
	assert_int_equal(c.state, CALL_IN_ATTESA);
	assert_string_equal(c.callback_owner, "anna");
	call_free(&c);
	cn_ctx_close(ctx);

	/* after the deadline no campaign runs: none by default */
	ctx = open_at(f, "anna", "2019-09-01T10:00:00");
	in.set = CALL_F_RESPONDENT;
	assert_int_equal(calls_add(ctx, &in, id), CN_OK);
	assert_int_equal(calls_get(ctx, id, &c), CN_OK);
	assert_null(c.campaign_key);
	call_free(&c);
	cn_ctx_close(ctx);
}

static void respondent_spellings(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_as(f, "anna");
	static const struct { const char *in, *id; } cases[] = {
		{"001001", "001001"}, {"1001", "001001"}, {"a074", "001001"}, {"Agliè", "001001"},
		{"AGLIE", "001001"}, {"L219", "001272"}, {"amb:TO1", "AMB:TO1"}, {"REG:1", "REG:01"},
		{"reg:01", "REG:01"},
	};
	char id[37];
	struct call c;

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct call_input in = {.set = CALL_F_RESPONDENT, .respondent = cases[i].in};
		if (calls_add(ctx, &in, id))
			fail_msg("%s: %s", cases[i].in, cn_error(ctx));
		assert_int_equal(calls_get(ctx, id, &c), CN_OK);
		assert_string_equal(c.respondent_id, cases[i].id);
		call_free(&c);
	}
	{
		struct call_input in = {.set = CALL_F_RESPONDENT, .respondent = "Atlantide"};
		assert_int_equal(calls_add(ctx, &in, id), CN_ENOINPUT);
		assert_non_null(strstr(cn_error(ctx), "Atlantide"));
	}
	{
		/* nobody named: refused; unidentified: stored so */
		struct call_input in = {.set = CALL_F_CALLER, .caller_name = "Qualcuno"};
		char label[64];
		assert_int_equal(calls_add(ctx, &in, id), CN_EUSAGE);
		in.set |= CALL_F_RESPONDENT;
		in.respondent = NULL;
		assert_int_equal(calls_add(ctx, &in, id), CN_OK);
		assert_int_equal(calls_get(ctx, id, &c), CN_OK);
		assert_int_equal(c.unidentified, 1);
		assert_null(c.respondent_id);
		call_respondent_label(&c, label, sizeof label);
		assert_string_equal(label, "(not identified)");
		call_free(&c);
	}
	cn_ctx_close(ctx);
}

static void checks(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_as(f, "anna");
	long long before = audit_rows(f), calls = raw_int(f, "SELECT count(*) FROM call");
	char id[37];
	struct call_input in = {.set = CALL_F_RESPONDENT, .respondent = "001001"};
	struct call_input bad;

	bad = in; bad.set |= CALL_F_PHONE; bad.phone = "055 2037349 int 4";
	assert_int_equal(calls_add(ctx, &bad, id), CN_EDATA);
	assert_non_null(strstr(cn_error(ctx), "phone"));
	assert_string_equal(cn_error_field(ctx), "phone");
	bad = in; bad.set |= CALL_F_EMAIL; bad.email = "mario.rossi";
	assert_int_equal(calls_add(ctx, &bad, id), CN_EDATA);
	assert_string_equal(cn_error_field(ctx), "email");
	bad = in; bad.set |= CALL_F_CATEGORY; bad.category = "chiacchiere";
	assert_int_equal(calls_add(ctx, &bad, id), CN_ENOINPUT);
	assert_string_equal(cn_error_field(ctx), "category");
	bad = in; bad.set |= CALL_F_CAMPAIGN; bad.campaign = "nessuna";
	assert_int_equal(calls_add(ctx, &bad, id), CN_ENOINPUT);
	assert_string_equal(cn_error_field(ctx), "campaign");
	bad = in; bad.set |= CALL_F_STARTED | CALL_F_ENDED;
	bad.started = when("2019-07-12T10:00:00"); bad.ended = when("2019-07-12T09:59:00");
	assert_int_equal(calls_add(ctx, &bad, id), CN_EDATA);
	assert_string_equal(cn_error_field(ctx), "ended");
	bad = in; bad.set |= CALL_F_STARTED; bad.started = when("2019-07-13T10:00:00");
	assert_int_equal(calls_add(ctx, &bad, id), CN_EDATA);
	assert_non_null(strstr(cn_error(ctx), "future"));
	assert_string_equal(cn_error_field(ctx), "started");
	bad = in; bad.set |= CALL_F_NOTES; bad.notes = "caff\xe8";
	assert_int_equal(calls_add(ctx, &bad, id), CN_EDATA);
	assert_string_equal(cn_error_field(ctx), "notes");
	bad = in; bad.set |= CALL_F_CALLBACK | CALL_F_CALLBACK_OWNER;
	bad.callback_due = when("2019-07-13T10:00:00"); bad.callback_owner = "ex";
	assert_int_equal(calls_add(ctx, &bad, id), CN_EDATA);
	assert_string_equal(cn_error_field(ctx), "callback_owner");
	bad.callback_owner = "nessuno";
	assert_int_equal(calls_add(ctx, &bad, id), CN_ENOINPUT);
	bad = in; bad.set |= CALL_F_FOLLOWS; bad.follows = "ffffffff";
	assert_int_equal(calls_add(ctx, &bad, id), CN_ENOINPUT);
	assert_string_equal(cn_error_field(ctx), "follows");
	bad = in; bad.set |= CALL_F_RESPONDENT; bad.respondent = "Atlantide";
	assert_int_equal(calls_add(ctx, &bad, id), CN_ENOINPUT);
	assert_string_equal(cn_error_field(ctx), "respondent");
	/* an error about no one field clears the field of the one before */
	assert_int_equal(calls_close(ctx, "ffffffff", "x"), CN_ENOINPUT);
	assert_null(cn_error_field(ctx));
	/* nothing written by any refusal */
	assert_int_equal(audit_rows(f), before);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM call"), calls);
	cn_ctx_close(ctx);
}

/* The other modules' checks name their field too, so a form can put the
 * message under it. */
static void error_fields(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_as(f, "tester");
	struct code_issue_req req = {.campaign_key = "fam2019", .respondent = "001001",
				     .caller_name = "Mario Rossi", .caller_office = "Anagrafe",
				     .caller_phone = "", .verified = "referente_noto"};
	struct code_issued out = {0};
	struct campaign_new n = {.key = "nuova", .name = "Nuova", .opens_on = "2019-05-01",
				 .deadline = "31 luglio", .kinds = 1};

	assert_int_equal(code_issue(ctx, &req, &out), CN_EUSAGE);
	assert_string_equal(cn_error_field(ctx), "caller_phone");
	code_issued_free(&out);
	req.caller_phone = "011 123456";
	req.caller_office = NULL;
	assert_int_equal(code_issue(ctx, &req, &out), CN_EUSAGE);
	assert_string_equal(cn_error_field(ctx), "caller_office");
	code_issued_free(&out);
	assert_int_equal(campaign_add(ctx, &n, NULL), CN_EUSAGE);
	assert_string_equal(cn_error_field(ctx), "deadline");
	n.deadline = "2019-07-31";
	n.key = "Nuova Campagna";
	assert_int_equal(campaign_add(ctx, &n, NULL), CN_EUSAGE);
	assert_string_equal(cn_error_field(ctx), "key");
	cn_ctx_close(ctx);
}

static void update_and_close(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_as(f, "anna");
	struct call_input in = {.set = CALL_F_RESPONDENT | CALL_F_PHONE | CALL_F_NOTES,
				.respondent = "001001", .phone = "333 1234567", .notes = "prima"};
	struct call_input up = {0};
	char id[37], prefix[9];
	struct call c;
	int changed = -1;
	long long before;

	assert_int_equal(calls_add(ctx, &in, id), CN_OK);
	snprintf(prefix, sizeof prefix, "%.8s", id);
	before = audit_rows(f);

	/* same values: nothing written */
	up.set = CALL_F_NOTES | CALL_F_PHONE;
	up.notes = "prima\n";
	up.phone = "+39 333 123 4567";
	assert_int_equal(calls_update(ctx, prefix, &up, &changed), CN_OK);
	assert_int_equal(changed, 0);
	assert_int_equal(audit_rows(f), before);

	up.set = CALL_F_NOTES | CALL_F_CATEGORY | CALL_F_PHONE | CALL_F_RESPONDENT;
	up.notes = "seconda\nversione";
	up.category = "richiesta_proroga";
	up.phone = "";
	up.respondent = NULL; /* it was not Agliè after all */
	assert_int_equal(calls_update(ctx, prefix, &up, &changed), CN_OK);
	assert_int_equal(changed, 1);
	assert_int_equal(audit_rows(f), before + 1);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit_log WHERE action = 'call.update'"
				    " AND json_extract(details, '$.changed') = 'respondent,phone,category,notes'"), 1);
	assert_int_equal(calls_get(ctx, id, &c), CN_OK);
	assert_string_equal(c.notes, "seconda\nversione");
	assert_string_equal(c.category, "richiesta_proroga");
	assert_null(c.phone);
	assert_int_equal(c.unidentified, 1);
	assert_int_equal(c.version, 2);
	call_free(&c);

	/* a screen that opened version 1 may not save over version 2 */
	up.set = CALL_F_OUTCOME;
	up.outcome = "x";
	up.expect_version = 1;
	assert_int_equal(calls_update(ctx, id, &up, &changed), CN_EDATA);
	assert_int_equal(audit_rows(f), before + 1);

	/* close needs an outcome; then it is closed once */
	assert_int_equal(calls_close(ctx, id, NULL), CN_EUSAGE);
	assert_int_equal(calls_close(ctx, id, "Proroga concessa fino al 15/09"), CN_OK);
	assert_int_equal(audit_rows(f), before + 2);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit_log WHERE action = 'call.close'"), 1);
	assert_int_equal(calls_get(ctx, id, &c), CN_OK);
	assert_int_equal(c.state, CALL_CHIUSA);
	assert_string_equal(c.outcome, "Proroga concessa fino al 15/09");
	assert_string_equal(c.closed_by, "anna");
	call_free(&c);
	assert_int_equal(calls_close(ctx, id, "ancora"), CN_EDATA);
	assert_non_null(strstr(cn_error(ctx), "already closed"));

	/* reopening clears the closing */
	up.set = CALL_F_STATE;
	up.state = CALL_APERTA;
	up.expect_version = 0;
	assert_int_equal(calls_update(ctx, id, &up, &changed), CN_OK);
	assert_int_equal(calls_get(ctx, id, &c), CN_OK);
	assert_int_equal(c.closed, 0);
	assert_null(c.closed_by);
	call_free(&c);
	cn_ctx_close(ctx);
}

static void follows(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_as(f, "anna");
	struct call_input in = {
		.set = CALL_F_RESPONDENT | CALL_F_CALLER | CALL_F_PHONE | CALL_F_EMAIL | CALL_F_CAMPAIGN,
		.respondent = "001001", .caller_name = "Mario Rossi", .phone = "0119876543",
		.email = "m@comune.aglie.to.it", .campaign = NULL};
	char a[37], b[37];
	struct call c;
	struct call_input up = {.set = CALL_F_FOLLOWS};
	struct call_list l;
	struct call_filter flt = {0};

	assert_int_equal(calls_add(ctx, &in, a), CN_OK);
	in = (struct call_input){.set = CALL_F_FOLLOWS | CALL_F_DIRECTION, .follows = a,
				 .direction = CALL_OUTBOUND};
	assert_int_equal(calls_add(ctx, &in, b), CN_OK);
	assert_int_equal(calls_get(ctx, b, &c), CN_OK);
	assert_string_equal(c.follows, a);
	assert_string_equal(c.respondent_id, "001001");
	assert_string_equal(c.caller_name, "Mario Rossi");
	assert_string_equal(c.phone, "+390119876543");
	assert_string_equal(c.email, "m@comune.aglie.to.it");
	assert_null(c.campaign_key); /* taken from the followed call, not today's */
	call_free(&c);
	/* no loops */
	up.follows = b;
	assert_int_equal(calls_update(ctx, a, &up, NULL), CN_EDATA);
	up.follows = a;
	assert_int_equal(calls_update(ctx, a, &up, NULL), CN_EDATA);
	flt.follows = a;
	assert_int_equal(calls_list(ctx, &flt, &l), CN_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].id, b);
	call_list_free(&l);
	cn_ctx_close(ctx);
}

/* Adds a call started at `started` (local) with extra fields. */
static void add_at(struct cn_ctx *ctx, const char *started, const char *resp, const char *cat,
		   const char *phone, const char *callback, const char *owner, char id[37])
{
	struct call_input in = {.set = CALL_F_RESPONDENT | CALL_F_STARTED | CALL_F_CATEGORY,
				.respondent = resp, .started = when(started), .category = cat};
	if (phone) {
		in.set |= CALL_F_PHONE;
		in.phone = phone;
	}
	if (callback) {
		in.set |= CALL_F_CALLBACK;
		in.callback_due = when(callback);
	}
	if (owner) {
		in.set |= CALL_F_CALLBACK_OWNER;
		in.callback_owner = owner;
	}
	if (calls_add(ctx, &in, id))
		fail_msg("add: %s", cn_error(ctx));
}

static void filters_and_order(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *anna = open_as(f, "anna"), *olga = open_as(f, "olga");
	char c1[37], c2[37], c3[37], c4[37], c5[37];
	struct call_list l;
	long n;

	raw(f, "DELETE FROM call");
	add_at(anna, "2019-07-10T09:00:00", "001001", "richiesta_codice", "055 203 7349", NULL, NULL, c1);
	add_at(olga, "2019-07-11T16:00:00", "001272", "problema_tecnico", "+39 055-2037349",
	       "2019-07-12T11:00:00", "anna", c2);
	add_at(anna, "2019-07-11T08:00:00", "001001", "richiesta_proroga", "333 1234567",
	       "2019-07-12T10:00:00", NULL, c3);
	add_at(olga, "2019-07-12T10:15:00", "001272", "richiesta_codice", "0039 0552037349", NULL, NULL, c4);
	/* two calls in the same second: the later entry first */
	add_at(olga, "2019-07-12T10:15:00", "AMB:TO1", "altro", NULL, NULL, NULL, c5);
	assert_int_equal(calls_close(anna, c1, "codice dato"), CN_OK);

	{
		struct call_filter flt = {0};
		const char *order[] = {c5, c4, c2, c3, c1};
		assert_int_equal(calls_list(anna, &flt, &l), CN_OK);
		assert_int_equal(l.n, 5);
		for (size_t i = 0; i < 5; i++)
			assert_string_equal(l.v[i].id, order[i]);
		call_list_free(&l);
		flt.limit = 2;
		assert_int_equal(calls_list(anna, &flt, &l), CN_OK);
		assert_int_equal(l.n, 2);
		call_list_free(&l);
	}
	{
		struct call_filter flt = {.open = 1};
		assert_int_equal(calls_list(anna, &flt, &l), CN_OK);
		assert_int_equal(l.n, 4);
		call_list_free(&l);
	}
	{
		/* mine: taken by anna, or a callback she owns */
		struct call_filter flt = {.mine = 1};
		assert_int_equal(calls_list(anna, &flt, &l), CN_OK);
		assert_int_equal(l.n, 3);
		assert_string_equal(l.v[0].id, c2);
		call_list_free(&l);
	}
	{
		struct call_filter flt = {.respondent = "Agliè"};
		assert_int_equal(calls_list(anna, &flt, &l), CN_OK);
		assert_int_equal(l.n, 2);
		assert_string_equal(l.v[0].id, c3);
		assert_string_equal(l.v[1].id, c1);
		call_list_free(&l);
	}
	{
		struct call_filter flt = {.category = "richiesta_codice"};
		assert_int_equal(calls_list(anna, &flt, &l), CN_OK);
		assert_int_equal(l.n, 2);
		call_list_free(&l);
		flt.category = "nessuna";
		assert_int_equal(calls_list(anna, &flt, &l), CN_ENOINPUT);
	}
	{
		time_t s, e;
		struct call_filter flt = {0};
		assert_int_equal(cn_day_bounds("2019-07-11", &s, &e), CN_OK);
		flt.since = s;
		flt.until = e;
		assert_int_equal(calls_list(anna, &flt, &l), CN_OK);
		assert_int_equal(l.n, 2);
		assert_string_equal(l.v[0].id, c2);
		assert_string_equal(l.v[1].id, c3);
		call_list_free(&l);
	}
	{
		struct call_filter flt = {.campaign = "fam2019"};
		assert_int_equal(calls_list(anna, &flt, &l), CN_OK);
		assert_int_equal(l.n, 5);
		call_list_free(&l);
	}
	{
		/* the same number in three spellings, newest first, with its respondents */
		assert_int_equal(calls_by_phone(anna, "055/203 73 49", 0, &l), CN_OK);
		assert_int_equal(l.n, 3);
		assert_string_equal(l.v[0].id, c4);
		assert_string_equal(l.v[0].respondent_name, "Torino");
		assert_string_equal(l.v[2].id, c1);
		assert_string_equal(l.v[2].respondent_name, "Agliè");
		call_list_free(&l);
		assert_int_equal(calls_by_phone(anna, "055 2037349 int", 0, &l), CN_EUSAGE);
	}
	/* callbacks due at 10:30 on the 12th: c3 (10:00, anna); c2 (11:00) not yet */
	{
		struct call_filter flt = {.callbacks_due = 1};
		assert_int_equal(calls_list(anna, &flt, &l), CN_OK);
		assert_int_equal(l.n, 1);
		assert_string_equal(l.v[0].id, c3);
		call_list_free(&l);
		assert_int_equal(calls_callbacks_due_count(anna, NULL, &n), CN_OK);
		assert_int_equal(n, 1);
		assert_int_equal(calls_callbacks_due_count(olga, NULL, &n), CN_OK);
		assert_int_equal(n, 0);
	}
	cn_ctx_close(anna);
	cn_ctx_close(olga);
	/* at 11:00 both of anna's are due; before 10:00 none */
	anna = open_at(f, "anna", "2019-07-12T11:00:00");
	assert_int_equal(calls_callbacks_due_count(anna, NULL, &n), CN_OK);
	assert_int_equal(n, 2);
	{
		struct call_filter flt = {.callbacks_due = 1, .mine = 1};
		assert_int_equal(calls_list(anna, &flt, &l), CN_OK);
		assert_int_equal(l.n, 2);
		call_list_free(&l);
	}
	cn_ctx_close(anna);
	anna = open_at(f, "anna", "2019-07-12T09:59:00");
	assert_int_equal(calls_callbacks_due_count(anna, NULL, &n), CN_OK);
	assert_int_equal(n, 0);
	/* a closed call's callback is no longer due */
	cn_ctx_close(anna);
	anna = open_at(f, "anna", "2019-07-12T11:00:00");
	assert_int_equal(calls_close(anna, c3, "richiamato"), CN_OK);
	assert_int_equal(calls_callbacks_due_count(anna, NULL, &n), CN_OK);
	assert_int_equal(n, 1);
	cn_ctx_close(anna);
}

static void ids(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_as(f, "anna");
	char id[37], got[37];
	struct call_input in = {.set = CALL_F_RESPONDENT, .respondent = "001001"};

	raw(f, "DELETE FROM call");
	raw(f, "INSERT INTO call (id, started_at, operator, respondent_id, category, created_at, updated_at) VALUES"
	       " ('abcd0000-0000-4000-8000-000000000001', '2019-07-01T08:00:00Z', 'anna', '001001', 'altro', 'x', 'x'),"
	       " ('abcd0000-0000-4000-8000-000000000002', '2019-07-01T08:00:00Z', 'anna', '001001', 'altro', 'x', 'x')");
	assert_int_equal(calls_resolve_id(ctx, "ABCD0000-0000-4000-8000-000000000002", got), CN_OK);
	assert_string_equal(got, "abcd0000-0000-4000-8000-000000000002");
	assert_int_equal(calls_resolve_id(ctx, "abcd", got), CN_EDATA);
	assert_int_equal(calls_resolve_id(ctx, "abc", got), CN_EUSAGE);
	assert_int_equal(calls_resolve_id(ctx, "zzzz", got), CN_EUSAGE);
	assert_int_equal(calls_resolve_id(ctx, "ffff", got), CN_ENOINPUT);
	assert_int_equal(calls_add(ctx, &in, id), CN_OK);
	id[8] = '\0';
	assert_int_equal(calls_resolve_id(ctx, id, got), CN_OK);
	cn_ctx_close(ctx);
}

static void permissions(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx;
	struct cn_open_opts o = {.db_path = f->db, .now = NOW, .user = "ex"};
	char err[1024], id[37];
	struct call_input in = {.set = CALL_F_RESPONDENT, .respondent = "001001"};
	struct call_categories k;
	long long before;

	/* a disabled login opens nothing */
	assert_int_equal(cn_ctx_open(&o, &ctx, err, sizeof err), CN_ENOUSER);
	assert_null(ctx);

	ctx = open_as(f, "anna");
	assert_int_equal(calls_add(ctx, &in, id), CN_OK);
	before = audit_rows(f);
	assert_int_equal(call_category_add(ctx, "sollecito", "Sollecito"), CN_ENOPERM);
	assert_non_null(strstr(cn_error(ctx), "anna (assistenza) may not"));
	assert_int_equal(audit_rows(f), before);
	cn_ctx_close(ctx);

	ctx = open_as(f, "tester");
	assert_int_equal(call_category_add(ctx, "sollecito", "Sollecito di invio"), CN_OK);
	assert_int_equal(audit_rows(f), before + 1);
	assert_int_equal(call_category_add(ctx, "sollecito", "Ancora"), CN_EDATA);
	assert_int_equal(call_category_add(ctx, "Sollecito!", "x"), CN_EUSAGE);
	assert_int_equal(call_category_add(ctx, "vuota", "  "), CN_EUSAGE);
	assert_int_equal(call_categories_list(ctx, 0, &k), CN_OK);
	assert_int_equal(k.n, 9);
	assert_string_equal(k.v[0].name, "richiesta_codice");
	assert_string_equal(k.v[8].name, "sollecito");
	assert_string_equal(k.v[8].label, "Sollecito di invio");
	call_categories_free(&k);
	in.set |= CALL_F_CATEGORY;
	in.category = "sollecito";
	assert_int_equal(calls_add(ctx, &in, id), CN_OK);
	cn_ctx_close(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_field_round_trip),
		cmocka_unit_test(defaults),
		cmocka_unit_test(respondent_spellings),
		cmocka_unit_test(checks),
		cmocka_unit_test(error_fields),
		cmocka_unit_test(update_and_close),
		cmocka_unit_test(follows),
		cmocka_unit_test(filters_and_order),
		cmocka_unit_test(ids),
		cmocka_unit_test(permissions),
	};
	return cmocka_run_group_tests_name("calls", tests, setup, fx_teardown);
}
