/* Progress against the deadline through the core: the pace figures and
 * late counts at several dates, checked against numbers worked out by hand;
 * proroghe; excused respondents and the denominator; grouping totals and
 * capofila counting; the reminders ranking; the generic status import; the
 * daily series and the map; permissions. */
#include <math.h>
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

#include "centralino/clock.h"
#include "centralino/ctx.h"
#include "centralino/extension.h"
#include "centralino/preview.h"
#include "centralino/progress.h"
#include "fixture.h"

static void check_text(struct fx *f, const char *sql, const char *want)
{
	char *got = raw_text(f, sql);
	if (strcmp(got, want) != 0)
		fail_msg("%s: expected '%s', got '%s'", sql, want, got);
	free(got);
}

/* Eight comuni in four regions, three ambiti; campaign fam (comuni, 2019)
 * and covid (comuni, ambiti and regioni, 2020, no codes). */
static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);

	setenv("TZ", "Europe/Rome", 1);
	fx_create(f, "progress", "t.db", "tester", NULL);
	raw(f,
	    "INSERT INTO staff (login, name, role, active, created_at) VALUES"
	    " ('tester', 'Tessa Ter', 'admin', 1, '2019-01-01T00:00:00Z'),"
	    " ('sara', 'Sara Super', 'supervisore', 1, '2019-01-01T00:00:00Z'),"
	    " ('anna', 'Anna Assi', 'assistenza', 1, '2019-01-01T00:00:00Z');"
	    "INSERT INTO regione VALUES ('01', 'Piemonte', '1', 'Nord-ovest'), ('03', 'Lombardia', '1', 'Nord-ovest'),"
	    " ('08', 'Emilia-Romagna', '2', 'Nord-est'), ('16', 'Puglia', '4', 'Sud');"
	    "INSERT INTO provincia VALUES ('001', '201', 'Torino', 'TO', '01'), ('016', '016', 'Bergamo', 'BG', '03'),"
	    " ('040', '040', 'Forlì-Cesena', 'FC', '08'), ('075', '075', 'Lecce', 'LE', '16');"
	    "INSERT INTO comune (istat, name, folded, regione_code, provincia_code, population, added_on, updated_on) VALUES"
	    " ('001272', 'Torino', 'torino', '01', '001', 870000, '2019-01-01', '2019-01-01'),"
	    " ('001003', 'Agliè', 'aglie', '01', '001', 2600, '2019-01-01', '2019-01-01'),"
	    " ('001004', 'Airasca', 'airasca', '01', '001', 3800, '2019-01-01', '2019-01-01'),"
	    " ('016065', 'Castro', 'castro', '03', '016', 1400, '2019-01-01', '2019-01-01'),"
	    " ('040012', 'Forlì', 'forli', '08', '040', 118000, '2019-01-01', '2019-01-01'),"
	    " ('040007', 'Cesena', 'cesena', '08', '040', 97000, '2019-01-01', '2019-01-01'),"
	    " ('040001', 'Bagno di Romagna', 'bagno di romagna', '08', '040', 6000, '2019-01-01', '2019-01-01'),"
	    " ('075096', 'Castro', 'castro', '16', '075', 2400, '2019-01-01', '2019-01-01');"
	    "INSERT INTO ambito (code, name, folded) VALUES ('TOE', 'Ambito To Est', 'ambito to est'),"
	    " ('FC1', 'Distretto Forlì', 'distretto forli'), ('FC2', 'Distretto Cesena Valle Savio', 'distretto cesena valle savio');"
	    "INSERT INTO ambito_member VALUES ('001004', 'TOE', 1), ('001003', 'TOE', 0),"
	    " ('040012', 'FC1', 1), ('040001', 'FC1', 0), ('040007', 'FC2', 1);"
	    "INSERT INTO campaign (id, key, name, opens_on, deadline, kinds, created_at) VALUES"
	    " (1, 'fam', 'Politiche per la famiglia 2019', '2019-06-01', '2019-07-31', 'comune', '2019-01-01T00:00:00Z');"
	    "INSERT INTO campaign (id, key, name, opens_on, deadline, kinds, uses_codes, created_at) VALUES"
	    " (2, 'covid', 'Pratiche Covid-19', '2020-04-20', '2020-05-15', 'comune,ambito,regione', 0, '2020-04-01T00:00:00Z');"
	    "INSERT INTO campaign_respondent (campaign_id, respondent_id) SELECT 1, id FROM respondent WHERE kind = 'comune';"
	    "INSERT INTO campaign_respondent (campaign_id, respondent_id) SELECT 2, id FROM respondent;"
	    "UPDATE campaign_respondent SET status = 'inviato', status_source = 'limesurvey', status_at = '2019-07-15T08:00:00Z',"
	    " submitted_at = '2019-07-15T08:00:00Z' WHERE campaign_id = 1 AND respondent_id = '001272';"
	    "UPDATE campaign_respondent SET status = 'inviato', status_source = 'limesurvey', status_at = '2019-07-18T08:00:00Z',"
	    " submitted_at = '2019-07-18T08:00:00Z' WHERE campaign_id = 1 AND respondent_id = '040012';"
	    "UPDATE campaign_respondent SET status = 'inviato', status_source = 'limesurvey', status_at = '2019-07-20T08:00:00Z',"
	    " submitted_at = '2019-07-20T08:00:00Z' WHERE campaign_id = 1 AND respondent_id = '040007';"
	    "UPDATE campaign_respondent SET status = 'esonerato', status_source = 'manuale', status_at = '2019-07-01T08:00:00Z',"
	    " status_reason = 'chiuso per lavori' WHERE campaign_id = 1 AND respondent_id = '001003';"
	    "UPDATE campaign_respondent SET status = 'codice_emesso', status_source = 'codice', status_at = '2019-07-10T09:00:00Z'"
	    " WHERE campaign_id = 1 AND respondent_id = '001004';"
	    "UPDATE campaign_respondent SET status = 'in_compilazione', status_source = 'limesurvey', status_at = '2019-07-11T09:00:00Z'"
	    " WHERE campaign_id = 1 AND respondent_id = '040001';");
	*state = f;
	return 0;
}

static void assert_near(double got, double want)
{
	if (fabs(got - want) > 1e-6)
		fail_msg("expected %.9f, got %.9f", want, got);
}

static const struct campaign FAM = {
	.id = 1, .key = "fam", .opens_on = "2019-06-01", .deadline = "2019-07-31", .kinds = CAMPAIGN_COMUNE,
};

/* Every figure worked out by hand; Europe/Rome is UTC+2 in summer. */
static void pace_by_hand(void **state)
{
	struct progress_pace p;
	(void)state;

	/* 21/07 12:00: 10 days left; 10.5 days to the end of 31/07; 3 in the
	 * last 7 days -> 3/7 a day, 3/7 * 10.5 = 4.5 more -> 3 + 4 = 7;
	 * 4 still to submit over 10.5 days */
	progress_pace_compute(&FAM, when("2019-07-21T12:00:00"), 3, 7, 3, &p);
	assert_int_equal(p.phase, 0);
	assert_int_equal(p.days_left, 10);
	assert_near(p.time_left, 10.5);
	assert_near(p.per_day, 3.0 / 7.0);
	assert_int_equal(p.projected, 7);
	assert_near(p.needed_per_day, 4.0 / 10.5);

	/* 25/07 12:00: 1 in 7 days; 6.5 days left -> 6.5/7 = 0.93 more -> 3 */
	progress_pace_compute(&FAM, when("2019-07-25T12:00:00"), 3, 7, 1, &p);
	assert_int_equal(p.days_left, 6);
	assert_near(p.time_left, 6.5);
	assert_int_equal(p.projected, 3);
	assert_near(p.needed_per_day, 4.0 / 6.5);

	/* before opening (20/05): 72 calendar days to 31/07 (11 + 30 + 31);
	 * the time counts from the opening: 1/6 to 1/8 = 61 days */
	progress_pace_compute(&FAM, when("2019-05-20T10:00:00"), 0, 7, 0, &p);
	assert_int_equal(p.phase, -1);
	assert_int_equal(p.days_left, 72);
	assert_near(p.time_left, 61.0);
	assert_int_equal(p.projected, 0);
	assert_near(p.needed_per_day, 7.0 / 61.0);

	/* the deadline day at 18:00: 0 days left, 6 hours = 0.25 days */
	progress_pace_compute(&FAM, when("2019-07-31T18:00:00"), 3, 7, 1, &p);
	assert_int_equal(p.phase, 0);
	assert_int_equal(p.days_left, 0);
	assert_near(p.time_left, 0.25);
	assert_int_equal(p.projected, 3);
	assert_near(p.needed_per_day, 16.0);

	/* the day after: no time left, the pace needed cannot be computed */
	progress_pace_compute(&FAM, when("2019-08-01T09:00:00"), 3, 7, 1, &p);
	assert_int_equal(p.phase, 1);
	assert_int_equal(p.days_left, -1);
	assert_near(p.time_left, 0);
	assert_int_equal(p.projected, 3);
	assert_near(p.needed_per_day, -1);

	/* the projection stops at the denominator: 5 + 2 * 10.5 = 26 -> 7 */
	progress_pace_compute(&FAM, when("2019-07-21T12:00:00"), 5, 7, 14, &p);
	assert_int_equal(p.projected, 7);
	/* nobody left: nothing needed */
	progress_pace_compute(&FAM, when("2019-07-21T12:00:00"), 7, 7, 0, &p);
	assert_near(p.needed_per_day, 0);
}

static const struct progress_row *row_of(const struct progress_report *r, const char *key)
{
	for (size_t i = 0; i < r->n; i++)
		if ((key == NULL && r->rows[i].key == NULL) ||
		    (key && r->rows[i].key && strcmp(r->rows[i].key, key) == 0))
			return &r->rows[i];
	fail_msg("no row %s", key ? key : "(none)");
	return NULL;
}

/* Rows add up to the total, column by column. */
static void assert_sums(const struct progress_report *r)
{
	struct progress_counts s = {0};
	for (size_t i = 0; i < r->n; i++) {
		s.respondents += r->rows[i].n.respondents;
		s.late += r->rows[i].n.late;
		s.screened += r->rows[i].n.screened;
		for (int k = 0; k < PROGRESS_NSTATUS; k++)
			s.status[k] += r->rows[i].n.status[k];
	}
	assert_int_equal(s.respondents, r->total.respondents);
	assert_int_equal(s.late, r->total.late);
	assert_int_equal(s.screened, r->total.screened);
	for (int k = 0; k < PROGRESS_NSTATUS; k++)
		assert_int_equal(s.status[k], r->total.status[k]);
	long each = 0;
	for (int k = 0; k < PROGRESS_NSTATUS; k++)
		each += r->total.status[k];
	assert_int_equal(each, r->total.respondents);
}

static void report_at(struct fx *f, const char *now, struct progress_report *r)
{
	struct cn_ctx *ctx = open_at(f, "sara", now);
	if (progress_report(ctx, "fam", PROGRESS_BY_REGIONE, NULL, r))
		fail_msg("report: %s", cn_error(ctx));
	cn_ctx_close(ctx);
	assert_sums(r);
}

static void late_and_pace_at_dates(void **state)
{
	struct fx *f = *state;
	struct progress_report r;

	/* mid-campaign, 21/07 12:00: 3 submitted of 8 - 1 excused */
	report_at(f, "2019-07-21T12:00:00", &r);
	assert_int_equal(r.total.respondents, 8);
	assert_int_equal(r.total.status[PROGRESS_INVIATO], 3);
	assert_int_equal(r.total.status[PROGRESS_ESONERATO], 1);
	assert_int_equal(r.total.status[PROGRESS_CODICE_EMESSO], 1);
	assert_int_equal(r.total.status[PROGRESS_IN_COMPILAZIONE], 1);
	assert_int_equal(r.total.status[PROGRESS_NESSUN_CODICE], 2);
	assert_int_equal(r.total.late, 0);
	assert_near(progress_pct(&r.total), 300.0 / 7.0);
	assert_int_equal(r.pace.denominator, 7);
	assert_int_equal(r.pace.submitted, 3);
	assert_int_equal(r.pace.window_submissions, 3);   /* 15/07, 18/07, 20/07 */
	assert_int_equal(r.pace.days_left, 10);
	assert_int_equal(r.pace.projected, 7);
	/* ISTAT order: 01, 03, 08, 16 */
	assert_int_equal(r.n, 4);
	assert_string_equal(r.rows[0].label, "Piemonte");
	assert_string_equal(r.rows[3].label, "Puglia");
	assert_int_equal(row_of(&r, "01")->n.respondents, 3);
	assert_near(progress_pct(&row_of(&r, "01")->n), 50.0);  /* 1 of 3 - 1 */
	assert_near(progress_pct(&row_of(&r, "08")->n), 200.0 / 3.0);
	progress_report_free(&r);

	/* 25/07 12:00: 18/07 08:00Z is just outside the 7 days */
	report_at(f, "2019-07-25T12:00:00", &r);
	assert_int_equal(r.pace.window_submissions, 1);
	assert_int_equal(r.pace.projected, 3);
	progress_report_free(&r);

	/* the deadline day: nobody is late yet */
	report_at(f, "2019-07-31T23:59:00", &r);
	assert_int_equal(r.total.late, 0);
	assert_int_equal(r.pace.days_left, 0);
	progress_report_free(&r);

	/* the day after: Airasca, Bagno and both Castro are late; the
	 * excused Agliè and those who submitted are not */
	report_at(f, "2019-08-01T00:00:01", &r);
	assert_int_equal(r.total.late, 4);
	assert_int_equal(row_of(&r, "01")->n.late, 1);
	assert_int_equal(row_of(&r, "03")->n.late, 1);
	assert_int_equal(row_of(&r, "08")->n.late, 1);
	assert_int_equal(row_of(&r, "16")->n.late, 1);
	assert_int_equal(r.pace.phase, 1);
	assert_int_equal(r.pace.days_left, -1);
	assert_near(r.pace.needed_per_day, -1);
	progress_report_free(&r);

	/* before the opening */
	report_at(f, "2019-05-20T10:00:00", &r);
	assert_int_equal(r.total.late, 0);
	assert_int_equal(r.pace.phase, -1);
	assert_int_equal(r.pace.days_left, 72);
	assert_int_equal(r.pace.window_submissions, 0);
	progress_report_free(&r);
}

static void extensions_move_out_of_late(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_at(f, "sara", "2019-08-01T09:00:00");
	struct progress_report r;
	struct progress_state s;
	struct extension e;
	struct extension_list l;
	char replaced[11];
	long long audit = audit_rows(f);

	assert_int_equal(progress_state_get(ctx, "fam", "001004", &s), CN_OK);
	assert_int_equal(s.late, 1);
	assert_string_equal(s.deadline, "2019-07-31");

	assert_int_equal(extension_grant(ctx, "fam", "Airasca", "10/08/2019", "alluvione", &e, replaced), CN_OK);
	assert_string_equal(e.until, "2019-08-10");
	assert_string_equal(e.respondent_id, "001004");
	assert_string_equal(e.granted_by, "sara");
	assert_string_equal(replaced, "");
	extension_free(&e);
	assert_int_equal(audit_rows(f), audit + 1);
	check_text(f, "SELECT details FROM audit_log ORDER BY seq DESC LIMIT 1",
		   "{\"campaign\":\"fam\",\"until\":\"2019-08-10\",\"reason\":\"alluvione\"}");

	assert_int_equal(progress_state_get(ctx, "fam", "001004", &s), CN_OK);
	assert_int_equal(s.late, 0);
	assert_string_equal(s.deadline, "2019-08-10");
	assert_string_equal(s.extended_until, "2019-08-10");
	assert_int_equal(progress_report(ctx, "fam", PROGRESS_BY_REGIONE, NULL, &r), CN_OK);
	assert_int_equal(r.total.late, 3);
	assert_int_equal(row_of(&r, "01")->n.late, 0);
	progress_report_free(&r);
	cn_ctx_close(ctx);

	/* once its own date has passed it is late again */
	report_at(f, "2019-08-11T08:00:00", &r);
	assert_int_equal(r.total.late, 4);
	progress_report_free(&r);

	ctx = open_at(f, "sara", "2019-08-01T09:00:00");
	/* not before the campaign deadline; not for who submitted or was excused */
	assert_int_equal(extension_grant(ctx, "fam", "001004", "2019-07-30", "x", NULL, NULL), CN_EDATA);
	assert_int_equal(extension_grant(ctx, "fam", "Torino", "2019-08-30", "x", NULL, NULL), CN_EDATA);
	assert_int_equal(extension_grant(ctx, "fam", "Agliè", "2019-08-30", "x", NULL, NULL), CN_EDATA);
	assert_int_equal(extension_grant(ctx, "fam", "001004", "2019-08-30", "", NULL, NULL), CN_EUSAGE);
	assert_int_equal(extension_grant(ctx, "fam", "001004", "31/13/2019", "x", NULL, NULL), CN_EUSAGE);
	assert_int_equal(audit_rows(f), audit + 1);

	/* granting again replaces the one in force */
	assert_int_equal(extension_grant(ctx, "fam", "001004", "2019-08-20", "seconda proroga", NULL, replaced), CN_OK);
	assert_string_equal(replaced, "2019-08-10");
	assert_int_equal(extension_list(ctx, "fam", 0, &l), CN_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].until, "2019-08-20");
	extension_list_free(&l);
	assert_int_equal(extension_list(ctx, NULL, 1, &l), CN_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].until, "2019-08-20");
	assert_string_equal(l.v[1].until, "2019-08-10");
	assert_true(l.v[1].replaced_by == l.v[0].id);
	assert_string_not_equal(l.v[1].revoked_at, "");
	extension_list_free(&l);

	/* revoked: late again on 01/08 */
	assert_int_equal(extension_revoke(ctx, "fam", "001004", "concessa per errore", NULL), CN_OK);
	assert_int_equal(progress_state_get(ctx, "fam", "001004", &s), CN_OK);
	assert_int_equal(s.late, 1);
	assert_int_equal(extension_revoke(ctx, "fam", "001004", "ancora", NULL), CN_ENOINPUT);
	assert_int_equal(audit_rows(f), audit + 3);
	cn_ctx_close(ctx);

	/* assistenza reads the list but may not grant */
	ctx = open_at(f, "anna", "2019-08-01T09:00:00");
	assert_int_equal(extension_grant(ctx, "fam", "001004", "2019-08-30", "x", NULL, NULL), CN_ENOPERM);
	assert_int_equal(extension_list(ctx, "fam", 1, &l), CN_OK);
	assert_int_equal(l.n, 2);
	extension_list_free(&l);
	assert_int_equal(extension_list(ctx, "nope", 1, &l), CN_ENOINPUT);
	cn_ctx_close(ctx);
}

static void excused_leave_the_denominator(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_at(f, "sara", "2019-07-21T12:00:00");
	struct progress_report r;
	struct progress_state s;
	enum progress_status was;
	long long audit = audit_rows(f);

	/* "Castro" is two comuni: refused, both named */
	assert_int_equal(progress_status_set(ctx, "fam", "Castro", PROGRESS_ESONERATO, "x", 0, NULL, NULL), CN_EDATA);
	assert_non_null(strstr(cn_error(ctx), "016065"));
	assert_non_null(strstr(cn_error(ctx), "075096"));
	assert_int_equal(progress_status_set(ctx, "fam", "Castro (LE)", PROGRESS_ESONERATO, "", 0, NULL, NULL), CN_EUSAGE);
	assert_int_equal(progress_status_set(ctx, "fam", "Castro (LE)", PROGRESS_ESONERATO,
					     "comune commissariato", 0, &was, &s), CN_OK);
	assert_int_equal(was, PROGRESS_NESSUN_CODICE);
	assert_string_equal(s.respondent_id, "075096");
	assert_int_equal(s.status, PROGRESS_ESONERATO);
	assert_string_equal(s.source, "manuale");
	assert_string_equal(s.reason, "comune commissariato");
	assert_int_equal(audit_rows(f), audit + 1);
	check_text(f, "SELECT action || ' ' || object_id || ' ' || details FROM audit_log ORDER BY seq DESC LIMIT 1",
		   "status.set 075096 {\"campaign\":\"fam\",\"from\":\"nessun_codice\",\"to\":\"esonerato\","
		   "\"reason\":\"comune commissariato\"}");
	/* the same status again is refused: the log holds only changes */
	assert_int_equal(progress_status_set(ctx, "fam", "075096", PROGRESS_ESONERATO, "x", 0, NULL, NULL), CN_EDATA);

	/* 3 submitted of 8 - 2 excused = 50%; Puglia has nobody left to ask */
	assert_int_equal(progress_report(ctx, "fam", PROGRESS_BY_REGIONE, NULL, &r), CN_OK);
	assert_sums(&r);
	assert_int_equal(progress_denominator(&r.total), 6);
	assert_near(progress_pct(&r.total), 50.0);
	assert_int_equal(r.pace.denominator, 6);
	assert_near(progress_pct(&row_of(&r, "16")->n), -1);
	progress_report_free(&r);

	/* submitted by PEC, with its time; then corrected back */
	assert_int_equal(progress_status_set(ctx, "fam", "1400", PROGRESS_INVIATO, "x", 0, NULL, NULL), CN_ENOINPUT);
	assert_int_equal(progress_status_set(ctx, "fam", "16065", PROGRESS_INVIATO, "inviato via PEC",
					     when("2019-07-19T10:00:00"), NULL, &s), CN_OK);
	assert_string_equal(s.submitted_at, "2019-07-19T08:00:00Z");
	assert_int_equal(progress_status_set(ctx, "fam", "016065", PROGRESS_INVIATO, "x",
					     when("2019-07-20T10:00:00"), NULL, NULL), CN_EDATA);
	assert_int_equal(progress_status_set(ctx, "fam", "075096", PROGRESS_INVIATO, "x",
					     when("2019-07-29T10:00:00"), NULL, NULL), CN_EUSAGE);
	assert_int_equal(progress_status_set(ctx, "fam", "016065", PROGRESS_NESSUN_CODICE, "PEC di un altro comune",
					     0, NULL, &s), CN_OK);
	assert_string_equal(s.submitted_at, "");
	cn_ctx_close(ctx);

	ctx = open_at(f, "anna", "2019-07-21T12:00:00");
	assert_int_equal(progress_status_set(ctx, "fam", "016065", PROGRESS_INVIATO, "x", 0, NULL, NULL), CN_ENOPERM);
	assert_int_equal(progress_report(ctx, "fam", PROGRESS_BY_REGIONE, NULL, &r), CN_ENOPERM);
	cn_ctx_close(ctx);
}

/* A person's inviato/esonerato is not undone by the codes module or
 * LimeSurvey; a submission always gets a time. */
static void automatic_sources_keep_decisions(void **state)
{
	struct fx *f = *state;
	raw(f, "UPDATE campaign_respondent SET status = 'codice_emesso', status_source = 'codice'"
	       " WHERE campaign_id = 1 AND respondent_id = '001003'");
	check_text(f, "SELECT status FROM campaign_respondent WHERE campaign_id = 1 AND respondent_id = '001003'",
		   "esonerato");
	raw(f, "UPDATE campaign_respondent SET status = 'inviato', status_source = 'limesurvey',"
	       " status_at = '2019-07-22T10:00:00Z' WHERE campaign_id = 1 AND respondent_id = '001003'");
	check_text(f, "SELECT status || ' ' || submitted_at FROM campaign_respondent"
		      " WHERE campaign_id = 1 AND respondent_id = '001003'", "inviato 2019-07-22T10:00:00Z");
	/* an automatic status is not protected */
	raw(f, "UPDATE campaign_respondent SET status = 'nessun_codice', status_source = 'codice'"
	       " WHERE campaign_id = 1 AND respondent_id = '001004'");
	check_text(f, "SELECT status FROM campaign_respondent WHERE campaign_id = 1 AND respondent_id = '001004'",
		   "nessun_codice");
}

static void by_ambito_counts_capofila_once(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_at(f, "sara", "2019-07-21T12:00:00");
	struct progress_report r;
	const struct progress_row *x;

	assert_int_equal(progress_report(ctx, "fam", PROGRESS_BY_AMBITO, NULL, &r), CN_OK);
	assert_sums(&r);
	assert_int_equal(r.total.respondents, 8);
	assert_int_equal(r.n, 4);
	/* by name, the comuni in no ambito last */
	assert_string_equal(r.rows[0].label, "Ambito To Est");
	assert_string_equal(r.rows[1].label, "Distretto Cesena Valle Savio");
	assert_string_equal(r.rows[2].label, "Distretto Forlì");
	assert_null(r.rows[3].key);
	x = row_of(&r, "TOE");
	assert_int_equal(x->n.respondents, 2);           /* Airasca (capofila) + Agliè */
	assert_string_equal(x->capofila_id, "001004");
	assert_int_equal(x->capofila_status, PROGRESS_CODICE_EMESSO);
	x = row_of(&r, "FC1");
	assert_int_equal(x->n.respondents, 2);
	assert_int_equal(x->n.status[PROGRESS_INVIATO], 1);
	assert_string_equal(x->capofila_name, "Forlì");
	assert_int_equal(x->capofila_status, PROGRESS_INVIATO);
	assert_int_equal(row_of(&r, "FC2")->n.respondents, 1);
	assert_int_equal(row_of(&r, NULL)->n.respondents, 3); /* Torino, both Castro */
	assert_null(row_of(&r, NULL)->capofila_id);
	progress_report_free(&r);

	/* with ambiti and regioni as respondents too: 8 + 3 + 4 = 15 */
	assert_int_equal(progress_report(ctx, "covid", PROGRESS_BY_AMBITO, NULL, &r), CN_OK);
	assert_sums(&r);
	assert_int_equal(r.total.respondents, 15);
	assert_int_equal(row_of(&r, "TOE")->n.respondents, 3);  /* + AMB:TOE */
	assert_int_equal(row_of(&r, "FC1")->n.respondents, 3);
	assert_int_equal(row_of(&r, "FC2")->n.respondents, 2);
	assert_int_equal(row_of(&r, NULL)->n.respondents, 7);   /* Torino, 2 Castro, 4 regioni */
	progress_report_free(&r);

	/* an ambito counts in its capofila's regione; a regione in itself */
	assert_int_equal(progress_report(ctx, "covid", PROGRESS_BY_REGIONE, NULL, &r), CN_OK);
	assert_sums(&r);
	assert_int_equal(row_of(&r, "01")->n.respondents, 5);
	assert_int_equal(row_of(&r, "08")->n.respondents, 6);
	progress_report_free(&r);
	assert_int_equal(progress_report(ctx, "covid", PROGRESS_BY_PROVINCIA, NULL, &r), CN_OK);
	assert_sums(&r);
	assert_int_equal(row_of(&r, NULL)->n.respondents, 4);
	assert_string_equal(row_of(&r, "040")->sigla, "FC");
	progress_report_free(&r);
	assert_int_equal(progress_report(ctx, "covid", PROGRESS_BY_RIPARTIZIONE, NULL, &r), CN_OK);
	assert_sums(&r);
	assert_int_equal(row_of(&r, "1")->n.respondents, 7);    /* Piemonte 5 + Lombardia 2 */
	assert_string_equal(row_of(&r, "1")->label, "Nord-ovest");
	progress_report_free(&r);

	/* drill-down: the comuni of a provincia, by name */
	{
		struct progress_filter fl = {PROGRESS_BY_PROVINCIA, "040"};
		assert_int_equal(progress_report(ctx, "fam", PROGRESS_BY_RESPONDENT, &fl, &r), CN_OK);
		assert_int_equal(r.n, 3);
		assert_string_equal(r.rows[0].label, "Bagno di Romagna");
		assert_string_equal(r.rows[1].label, "Cesena");
		assert_string_equal(r.rows[2].label, "Forlì");
		assert_int_equal(r.rows[2].status, PROGRESS_INVIATO);
		assert_int_equal(r.rows[2].capofila, 1);
		assert_string_equal(r.rows[2].submitted_at, "2019-07-18T08:00:00Z");
		assert_int_equal(r.total.respondents, 3);
		assert_int_equal(r.pace.denominator, 7);  /* the pace stays campaign-wide */
		progress_report_free(&r);
	}
	cn_ctx_close(ctx);
}

static void reminders_ranking(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx;
	struct progress_reminders r;

	raw(f,
	    "INSERT INTO call (id, started_at, operator, campaign_id, respondent_id, phone, category, state,"
	    " outcome, callback_due, callback_owner, created_at, updated_at) VALUES"
	    " ('00000000-0000-4000-8000-000000000001', '2019-07-23T08:00:00Z', 'anna', 1, '016065', '+39035123456',"
	    "  'problema_accesso', 'in_attesa', 'richiamare il segretario', '2019-07-24T08:00:00Z', 'anna',"
	    "  '2019-07-23T08:00:00Z', '2019-07-23T08:00:00Z'),"
	    " ('00000000-0000-4000-8000-000000000002', '2019-07-26T08:00:00Z', 'anna', 1, '001004', '+39011555666',"
	    "  'altro', 'in_attesa', NULL, '2019-07-27T08:00:00Z', 'anna',"
	    "  '2019-07-26T08:00:00Z', '2019-07-26T08:00:00Z');"
	    "INSERT INTO contact (respondent_id, kind, value, source, noted_on, added_at, added_by) VALUES"
	    " ('075096', 'telefono', '0832 123456', 'sito del comune', '2019-06-01', '2019-06-01T08:00:00Z', 'anna');");
	/* 25/07: Castro BG's callback (24/07) is overdue, Airasca's (27/07) not */
	ctx = open_at(f, "anna", "2019-07-25T12:00:00");
	assert_int_equal(progress_reminders(ctx, "fam", 0, &r), CN_OK);
	assert_int_equal(r.total, 4);
	assert_int_equal(r.n, 4);
	assert_string_equal(r.v[0].respondent_id, "016065");  /* overdue callback */
	assert_int_equal(r.v[0].tier, PROGRESS_TIER_CALLBACK);
	assert_string_equal(r.v[0].callback_due, "2019-07-24T08:00:00Z");
	assert_string_equal(r.v[0].callback_owner, "anna");
	assert_string_equal(r.v[0].last_contact, "2019-07-23T08:00:00Z");
	assert_string_equal(r.v[0].last_outcome, "richiamare il segretario");
	assert_string_equal(r.v[0].phone, "+39035123456");
	assert_string_equal(r.v[0].phone_source, "chiamata");
	assert_string_equal(r.v[1].respondent_id, "001004");  /* code, capofila, 3,800 */
	assert_int_equal(r.v[1].tier, PROGRESS_TIER_CODE);
	assert_int_equal(r.v[1].capofila, 1);
	assert_string_equal(r.v[2].respondent_id, "040001");  /* code, 6,000 */
	assert_int_equal(r.v[2].population, 6000);
	assert_null(r.v[2].phone);
	assert_string_equal(r.v[2].last_contact, "");
	assert_string_equal(r.v[3].respondent_id, "075096");  /* no code, 2,400 */
	assert_int_equal(r.v[3].tier, PROGRESS_TIER_NO_CODE);
	assert_string_equal(r.v[3].phone, "+390832123456");
	assert_string_equal(r.v[3].phone_source, "contatto");
	progress_reminders_free(&r);
	cn_ctx_close(ctx);

	/* 28/07: Airasca's callback is overdue too, and older ones come first;
	 * the closed call no longer counts */
	raw(f, "UPDATE call SET state = 'chiusa', closed_at = '2019-07-27T08:00:00Z', closed_by = 'anna'"
	       " WHERE id = '00000000-0000-4000-8000-000000000001'");
	ctx = open_at(f, "anna", "2019-07-28T12:00:00");
	assert_int_equal(progress_reminders(ctx, "fam", 2, &r), CN_OK);
	assert_int_equal(r.total, 4);
	assert_int_equal(r.n, 2);
	assert_string_equal(r.v[0].respondent_id, "001004");
	assert_int_equal(r.v[0].tier, PROGRESS_TIER_CALLBACK);
	assert_string_equal(r.v[1].respondent_id, "040001");
	progress_reminders_free(&r);

	/* ambiti and regioni weigh the population of their comuni */
	assert_int_equal(progress_reminders(ctx, "covid", 0, &r), CN_OK);
	assert_int_equal(r.total, 15);
	for (size_t i = 0; i < r.n; i++) {
		if (strcmp(r.v[i].respondent_id, "AMB:FC1") == 0)
			assert_int_equal(r.v[i].population, 124000);
		if (strcmp(r.v[i].respondent_id, "REG:01") == 0)
			assert_int_equal(r.v[i].population, 876400);
	}
	/* calls of another campaign do not count: capofila first, then population */
	assert_string_equal(r.v[0].respondent_id, "040012");
	assert_string_equal(r.v[2].respondent_id, "001004");
	assert_string_equal(r.v[3].respondent_id, "REG:01");
	assert_string_equal(r.v[4].respondent_id, "001272");
	progress_reminders_free(&r);
	cn_ctx_close(ctx);
}

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/* progress_import_generic as an import for preview_import */
struct generic_job {
	const char *key, *path;
	const struct progress_import_opts *o;
	struct progress_import_summary *s;
};

static int generic_run(struct cn_ctx *ctx, void *arg)
{
	struct generic_job *j = arg;
	return progress_import_generic(ctx, j->key, j->path, j->o, j->s);
}

static void generic_import(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_at(f, "sara", "2020-05-20T12:00:00");
	struct progress_import_opts o = {.id_column = "comune", .time_column = "Informazioni cronologiche"};
	struct progress_import_summary s;
	char path[200], bad[200];
	long long audit = audit_rows(f);

	snprintf(path, sizeof path, "%s/risposte.csv", f->dir);
	write_file(path,
		"Informazioni cronologiche;Comune;Note\n"
		"15/05/2020 10.32.11;Comune di Forlì;\"prima riga\nseconda riga\"\n"
		"15/05/2020 11:00:00;1272;\n"
		"16/05/2020 09:00:00;Castro;quale?\n"
		"16/05/2020 09:30:00;castro (le);\n"
		"17/05/2020 08:00:00;Paperopoli;\n"
		"14/05/2020 08:00:00;FORLI;prima volta\n"
		";;\n"
		"2020/05/18 10:00:00 AM GMT+2;amb:fc1;\n"
		"2020-05-18 11:00;Emilia-Romagna;\n");
	assert_int_equal(progress_import_generic(ctx, "covid", path, &o, &s), CN_OK);
	assert_int_equal(s.rows, 9);
	assert_int_equal(s.blank, 1);
	assert_int_equal(s.matched, 6);
	assert_int_equal(s.respondents, 5);
	assert_int_equal(s.updated, 5);
	assert_int_equal(s.unchanged, 0);
	assert_int_equal(s.nunresolved, 2);
	assert_int_equal(s.unresolved[0].line, 5);   /* the quoted note spans lines 2-3 */
	assert_string_equal(s.unresolved[0].value, "Castro");
	assert_non_null(strstr(s.unresolved[0].why, "016065"));
	assert_non_null(strstr(s.unresolved[0].why, "075096"));
	assert_int_equal(s.unresolved[1].line, 7);
	assert_string_equal(s.unresolved[1].value, "Paperopoli");
	progress_import_summary_free(&s);
	assert_int_equal(audit_rows(f), audit + 1);
	/* the earliest row wins: 14/05 08:00 in Rome */
	check_text(f, "SELECT status || ' ' || submitted_at || ' ' || status_source FROM campaign_respondent"
		      " WHERE campaign_id = 2 AND respondent_id = '040012'", "inviato 2020-05-14T06:00:00Z generico");
	check_text(f, "SELECT submitted_at FROM campaign_respondent WHERE campaign_id = 2 AND respondent_id = '001272'",
		   "2020-05-15T09:00:00Z");
	check_text(f, "SELECT submitted_at FROM campaign_respondent WHERE campaign_id = 2 AND respondent_id = 'AMB:FC1'",
		   "2020-05-18T08:00:00Z");
	check_text(f, "SELECT status FROM campaign_respondent WHERE campaign_id = 2 AND respondent_id = 'REG:08'",
		   "inviato");
	check_text(f, "SELECT count(*) FROM campaign_respondent WHERE campaign_id = 2 AND status = 'inviato'", "5");
	check_text(f, "SELECT count(*) FROM campaign_respondent WHERE campaign_id = 1 AND status = 'inviato'", "3");

	/* again: nothing changes, no audit row */
	assert_int_equal(progress_import_generic(ctx, "covid", path, &o, &s), CN_OK);
	assert_int_equal(s.updated, 0);
	assert_int_equal(s.unchanged, 5);
	progress_import_summary_free(&s);
	assert_int_equal(audit_rows(f), audit + 1);

	/* a bad time anywhere: nothing at all changes */
	snprintf(bad, sizeof bad, "%s/bad.csv", f->dir);
	write_file(bad, "Informazioni cronologiche,comune\n16/05/2020 09:30,Cesena\n31/02/2020 10:00,Agliè\n");
	assert_int_equal(progress_import_generic(ctx, "covid", bad, &o, &s), CN_EDATA);
	assert_non_null(strstr(cn_error(ctx), "bad.csv:3: Informazioni cronologiche: '31/02/2020 10:00'"));
	check_text(f, "SELECT status FROM campaign_respondent WHERE campaign_id = 2 AND respondent_id = '040007'",
		   "nessun_codice");
	/* a column that is not there */
	o.id_column = "Codice ISTAT";
	assert_int_equal(progress_import_generic(ctx, "covid", path, &o, &s), CN_EUSAGE);
	assert_non_null(strstr(cn_error(ctx), "no column 'Codice ISTAT'"));
	/* previewed: counted and named, not applied */
	o.id_column = "COMUNE";
	o.time_column = NULL;
	{
		struct generic_job j = {"covid", bad, &o, &s};
		struct preview pv;
		assert_int_equal(preview_import(ctx, PREVIEW_STATUSES, "covid", generic_run, &j, &pv), CN_OK);
		assert_int_equal(s.updated, 2);
		assert_int_equal(pv.n[PREVIEW_INVIATO], 2);
		assert_string_equal(pv.v[PREVIEW_INVIATO][0].was, "nessun_codice");
		preview_free(&pv);
	}
	progress_import_summary_free(&s);
	check_text(f, "SELECT status FROM campaign_respondent WHERE campaign_id = 2 AND respondent_id = '040007'",
		   "nessun_codice");
	assert_int_equal(audit_rows(f), audit + 1);
	cn_ctx_close(ctx);

	ctx = open_at(f, "anna", "2020-05-20T12:00:00");
	assert_int_equal(progress_import_generic(ctx, "covid", bad, &o, &s), CN_ENOPERM);
	cn_ctx_close(ctx);
}

static void daily_series(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx;
	struct progress_daily d;
	const struct progress_day *x;
	int rc = -1;

	raw(f,
	    "INSERT INTO access_code (code, campaign_id, respondent_id, origin, issued_at, issued_by, given_at, given_by,"
	    " caller_name, verified) VALUES ('ABCDEFGHJKMN2', 1, '001004', 'telefono', '2019-07-10T09:00:00Z', 'anna',"
	    " '2019-07-10T09:00:00Z', 'anna', 'Mario Rossi', 'referente_noto'),"
	    " ('ABCDEFGHJKMN3', 1, '040001', 'lotto', '2019-05-30T09:00:00Z', 'anna', NULL, NULL, NULL, NULL);"
	    "INSERT INTO call (id, started_at, operator, campaign_id, respondent_id, category, created_at, updated_at) VALUES"
	    " ('00000000-0000-4000-8000-000000000003', '2019-07-10T08:55:00Z', 'anna', 1, '001004', 'richiesta_codice',"
	    "  '2019-07-10T08:55:00Z', '2019-07-10T08:55:00Z'),"
	    " ('00000000-0000-4000-8000-000000000004', '2019-07-10T22:30:00Z', 'anna', 1, '001272', 'altro',"
	    "  '2019-07-10T22:30:00Z', '2019-07-10T22:30:00Z');");
	ctx = open_at(f, "sara", "2019-07-21T12:00:00");
	assert_int_equal(progress_daily(ctx, "fam", PROGRESS_DAILY_FULL, &d), CN_OK);
	assert_int_equal(d.denominator, 7);
	assert_int_equal(d.n, 51);                       /* 01/06 .. 21/07 */
	assert_string_equal(d.days[0].date, "2019-06-01");
	assert_string_equal(d.days[50].date, "2019-07-21");
	assert_int_equal(d.ncat, 8);
	assert_string_equal(d.categories[0], "richiesta_codice");
	x = &d.days[39];                                 /* 10/07 */
	assert_string_equal(x->date, "2019-07-10");
	assert_int_equal(x->codes, 1);                   /* the batch code is not counted */
	assert_int_equal(x->calls[0], 1);
	assert_int_equal(x->calls_total, 1);             /* 22:30Z is 11/07 in Rome */
	assert_int_equal(d.days[40].calls[7], 1);
	assert_int_equal(d.days[44].submitted, 1);       /* 15/07 */
	assert_int_equal(d.days[44].cumulative, 1);
	assert_int_equal(d.days[47].cumulative, 2);
	assert_int_equal(d.days[49].cumulative, 3);
	assert_int_equal(d.days[50].cumulative, 3);
	progress_daily_free(&d);
	cn_ctx_close(ctx);

	/* after the deadline the series stops at it */
	ctx = open_at(f, "sara", "2019-09-01T12:00:00");
	rc = progress_daily(ctx, "fam", PROGRESS_DAILY_SUBMISSIONS, &d);
	assert_int_equal(rc, CN_OK);
	assert_int_equal(d.n, 61);
	assert_string_equal(d.days[60].date, "2019-07-31");
	assert_int_equal(d.ncat, 0);
	progress_daily_free(&d);
	cn_ctx_close(ctx);
}

struct map_rows {
	int n;
	char first[200], torino[200];
};

static int collect(void *arg, const struct progress_map_row *r)
{
	struct map_rows *m = arg;
	char line[200];
	snprintf(line, sizeof line, "%s|%s|%s|%s|%s|%s|%s", r->istat, r->name, r->provincia, r->sigla,
		 r->regione, r->status, r->submitted_on);
	if (m->n++ == 0)
		snprintf(m->first, sizeof m->first, "%s", line);
	if (strcmp(r->istat, "001272") == 0)
		snprintf(m->torino, sizeof m->torino, "%s", line);
	return 0;
}

static void map_rows(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_at(f, "sara", "2019-07-21T12:00:00");
	struct map_rows m = {0};

	assert_int_equal(progress_map(ctx, "fam", collect, &m), CN_OK);
	assert_int_equal(m.n, 8);
	assert_string_equal(m.first, "001003|Agliè|Torino|TO|Piemonte|esonerato|");
	assert_string_equal(m.torino, "001272|Torino|Torino|TO|Piemonte|inviato|2019-07-15");
	raw(f, "INSERT INTO campaign (key, name, opens_on, deadline, kinds, created_at) VALUES"
	       " ('reg', 'Solo regioni', '2020-01-01', '2020-02-01', 'regione', '2020-01-01T00:00:00Z')");
	assert_int_equal(progress_map(ctx, "reg", collect, &m), CN_EDATA);
	assert_int_equal(progress_map(ctx, "nope", collect, &m), CN_ENOINPUT);
	cn_ctx_close(ctx);
	ctx = open_at(f, "anna", "2019-07-21T12:00:00");
	assert_int_equal(progress_map(ctx, "fam", collect, &m), CN_ENOPERM);
	cn_ctx_close(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pace_by_hand),
		cmocka_unit_test_setup_teardown(late_and_pace_at_dates, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(extensions_move_out_of_late, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(excused_leave_the_denominator, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(automatic_sources_keep_decisions, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(by_ambito_counts_capofila_once, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(reminders_ranking, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(generic_import, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(daily_series, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(map_rows, setup, fx_teardown),
	};
	return cmocka_run_group_tests_name("progress", tests, NULL, NULL);
}
