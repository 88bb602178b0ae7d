/* Parsing and showing times and dates (Europe/Rome as at the desk). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "centralino/clock.h"
#include "centralino/ctx.h"

static int setup(void **state)
{
	(void)state;
	setenv("TZ", "Europe/Rome", 1);
	tzset();
	return 0;
}

static void test_parse_and_iso(void **state)
{
	time_t t;
	char iso[21];
	(void)state;
	/* local summer time is UTC+2 */
	assert_int_equal(cn_parse_time("2019-07-31T10:30:00", &t), 0);
	cn_fmt_iso(t, iso);
	assert_string_equal(iso, "2019-07-31T08:30:00Z");
	assert_int_equal(cn_parse_time("2019-07-31 10:30", &t), 0);
	cn_fmt_iso(t, iso);
	assert_string_equal(iso, "2019-07-31T08:30:00Z");
	assert_int_equal(cn_parse_time("2019-07-31T08:30:00Z", &t), 0);
	cn_fmt_iso(t, iso);
	assert_string_equal(iso, "2019-07-31T08:30:00Z");
	/* winter: UTC+1; a bare date is its local midnight */
	assert_int_equal(cn_parse_time("31/01/2019", &t), 0);
	cn_fmt_iso(t, iso);
	assert_string_equal(iso, "2019-01-30T23:00:00Z");
	assert_int_equal(cn_parse_time("31/01/2019 09:05", &t), 0);
	cn_fmt_iso(t, iso);
	assert_string_equal(iso, "2019-01-31T08:05:00Z");
}

static void test_parse_refuses(void **state)
{
	time_t t;
	(void)state;
	const char *bad[] = {"", "2019-02-29", "2019-13-01", "2019-04-31", "2019-7-1",
			     "2019-07-31T25:00", "2019-07-31T10", "2019-07-31T10:30:00+02",
			     "31/07/19", "yesterday", "2019-07-31x", NULL};
	for (int i = 0; bad[i]; i++)
		assert_int_equal(cn_parse_time(bad[i], &t), CN_EUSAGE);
	assert_int_equal(cn_parse_time(NULL, &t), CN_EUSAGE);
	assert_int_equal(cn_parse_time("2020-02-29", &t), 0); /* leap year */
}

static void test_dates(void **state)
{
	char ymd[11], disp[17], day[11];
	time_t t;
	(void)state;
	assert_int_equal(cn_parse_date("31/07/2019", ymd), 0);
	assert_string_equal(ymd, "2019-07-31");
	assert_int_equal(cn_parse_date("2019-07-31T23:59", ymd), 0);
	assert_string_equal(ymd, "2019-07-31");
	assert_int_equal(cn_parse_date("2019-02-30", ymd), CN_EUSAGE);
	cn_date_display("2019-07-31", day);
	assert_string_equal(day, "31/07/2019");
	cn_date_display("soon", day);
	assert_string_equal(day, "soon");
	cn_date_display(NULL, day);
	assert_string_equal(day, "");

	assert_int_equal(cn_parse_time("2019-07-31T08:30:00Z", &t), 0);
	cn_fmt_display(t, disp);
	assert_string_equal(disp, "31/07/2019 10:30");
	cn_fmt_day(t, day);
	assert_string_equal(day, "31/07/2019");
	/* 23:30 UTC is already the next day in Rome */
	assert_int_equal(cn_parse_time("2019-07-31T23:30:00Z", &t), 0);
	cn_fmt_ymd(t, ymd);
	assert_string_equal(ymd, "2019-08-01");
}

static void test_days_until(void **state)
{
	time_t t;
	(void)state;
	assert_int_equal(cn_parse_time("2019-07-25T18:00:00", &t), 0);
	assert_int_equal(cn_days_until(t, "2019-07-31"), 6);
	assert_int_equal(cn_days_until(t, "2019-07-25"), 0);
	assert_int_equal(cn_days_until(t, "2019-07-24"), -1);
	/* across the change to winter time and a year end */
	assert_int_equal(cn_parse_time("2019-10-26T12:00:00", &t), 0);
	assert_int_equal(cn_days_until(t, "2019-10-28"), 2);
	assert_int_equal(cn_days_until(t, "2020-01-01"), 67);
	assert_int_equal(cn_days_until(t, "garbage"), 0);
}

static time_t at(const char *s)
{
	time_t t = 0;
	assert_int_equal(cn_parse_time(s, &t), 0);
	return t;
}

static void test_civil_days(void **state)
{
	int y, m, d;
	(void)state;
	assert_int_equal(cn_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(cn_days_from_civil(1969, 12, 31), -1);
	assert_int_equal(cn_days_from_civil(2000, 3, 1) - cn_days_from_civil(2000, 2, 28), 2);
	assert_int_equal(cn_days_from_civil(1900, 3, 1) - cn_days_from_civil(1900, 2, 28), 1);
	assert_int_equal(cn_days_from_civil(2019, 7, 31), 18108);
	/* and back, over every day of four years around a leap day */
	for (long z = cn_days_from_civil(2018, 1, 1); z < cn_days_from_civil(2022, 1, 1); z++) {
		cn_civil_from_days(z, &y, &m, &d);
		assert_int_equal(cn_days_from_civil(y, m, d), z);
	}
	cn_civil_from_days(cn_days_from_civil(2020, 2, 29), &y, &m, &d);
	assert_int_equal(y * 10000 + m * 100 + d, 20200229);
}

static void test_ymd_split(void **state)
{
	int y, m, d;
	(void)state;
	assert_int_equal(cn_ymd_split("2020-02-29", &y, &m, &d), 0);
	assert_int_equal(y * 10000 + m * 100 + d, 20200229);
	assert_int_equal(cn_ymd_split("2019-02-29", &y, &m, &d), CN_EUSAGE);
	assert_int_equal(cn_ymd_split("2019-04-31", &y, &m, &d), CN_EUSAGE);
	assert_int_equal(cn_ymd_split("2019-07-31T10:00", &y, &m, &d), CN_EUSAGE);
	assert_int_equal(cn_ymd_split("31/07/2019", &y, &m, &d), CN_EUSAGE);
	assert_int_equal(cn_ymd_split(NULL, &y, &m, &d), CN_EUSAGE);
}

static void test_ymd_add_days(void **state)
{
	char out[11];
	(void)state;
	assert_int_equal(cn_ymd_add_days("2020-02-28", 1, out), 0);
	assert_string_equal(out, "2020-02-29");
	assert_int_equal(cn_ymd_add_days("2020-02-29", 1, out), 0);
	assert_string_equal(out, "2020-03-01");
	assert_int_equal(cn_ymd_add_days("2019-02-28", 1, out), 0);
	assert_string_equal(out, "2019-03-01");
	assert_int_equal(cn_ymd_add_days("2020-03-01", -1, out), 0);
	assert_string_equal(out, "2020-02-29");
	/* the days of the changes of summer time are days like the others */
	assert_int_equal(cn_ymd_add_days("2019-03-30", 1, out), 0);
	assert_string_equal(out, "2019-03-31");
	assert_int_equal(cn_ymd_add_days("2019-03-31", 1, out), 0);
	assert_string_equal(out, "2019-04-01");
	assert_int_equal(cn_ymd_add_days("2019-10-27", 1, out), 0);
	assert_string_equal(out, "2019-10-28");
	assert_int_equal(cn_ymd_add_days("2019-12-31", 60, out), 0);
	assert_string_equal(out, "2020-02-29");
	assert_int_equal(cn_ymd_add_days("2019-02-30", 1, out), CN_EUSAGE);
	assert_string_equal(out, "");
}

static void test_ymd_diff(void **state)
{
	(void)state;
	assert_int_equal(cn_ymd_diff("2019-05-01", "2019-07-31"), 91);
	assert_int_equal(cn_ymd_diff("2019-07-31", "2019-05-01"), -91);
	assert_int_equal(cn_ymd_diff("2020-02-28", "2020-03-01"), 2);
	assert_int_equal(cn_ymd_diff("2019-02-28", "2019-03-01"), 1);
	assert_int_equal(cn_ymd_diff("2019-03-30", "2019-04-01"), 2);  /* spring forward */
	assert_int_equal(cn_ymd_diff("2019-10-26", "2019-10-28"), 2);  /* fall back */
	assert_int_equal(cn_ymd_diff("2019-07-31", "2019-07-31"), 0);
	assert_int_equal(cn_ymd_diff("garbage", "2019-07-31"), 0);
}

static void test_day_start(void **state)
{
	char iso[21];
	(void)state;
	cn_fmt_iso(cn_day_start("2019-07-31"), iso);
	assert_string_equal(iso, "2019-07-30T22:00:00Z");
	cn_fmt_iso(cn_day_start("2019-03-31"), iso); /* the night is still winter */
	assert_string_equal(iso, "2019-03-30T23:00:00Z");
	cn_fmt_iso(cn_day_start("2020-02-29"), iso);
	assert_string_equal(iso, "2020-02-28T23:00:00Z");
	assert_int_equal(cn_day_start("2019-02-29"), 0);
}

static void test_day_bounds(void **state)
{
	time_t s, e;
	char iso[21];
	(void)state;
	assert_int_equal(cn_day_bounds("2019-07-11", &s, &e), 0);
	assert_int_equal(e - s, 24 * 3600);
	cn_fmt_iso(s, iso);
	assert_string_equal(iso, "2019-07-10T22:00:00Z");
	/* 31 March 2019 in Rome lasts 23 hours, 27 October 25 */
	assert_int_equal(cn_day_bounds("2019-03-31", &s, &e), 0);
	assert_int_equal(e - s, 23 * 3600);
	assert_int_equal(cn_day_bounds("27/10/2019", &s, &e), 0);
	assert_int_equal(e - s, 25 * 3600);
	assert_int_equal(cn_day_bounds("2020-02-29", &s, &e), 0);
	cn_fmt_iso(e, iso);
	assert_string_equal(iso, "2020-02-29T23:00:00Z");
	assert_int_equal(cn_day_bounds("2019-02-29", &s, &e), CN_EUSAGE);
}

static void test_iso_day(void **state)
{
	char day[11];
	(void)state;
	cn_iso_day("2019-07-31T21:59:59Z", day);
	assert_string_equal(day, "2019-07-31");
	cn_iso_day("2019-07-31T22:00:00Z", day);
	assert_string_equal(day, "2019-08-01");
	/* either side of the changes of summer time */
	cn_iso_day("2019-03-30T22:59:59Z", day);
	assert_string_equal(day, "2019-03-30");
	cn_iso_day("2019-03-31T22:00:00Z", day);
	assert_string_equal(day, "2019-04-01");
	cn_iso_day("2019-10-26T22:00:00Z", day);
	assert_string_equal(day, "2019-10-27");
	cn_iso_day("2019-10-27T22:59:59Z", day);
	assert_string_equal(day, "2019-10-27");
	cn_iso_day("2020-02-29T12:00:00Z", day);
	assert_string_equal(day, "2020-02-29");
	/* other spellings take the slow path */
	cn_iso_day("2019-07-31 23:30", day);
	assert_string_equal(day, "2019-07-31");
	cn_iso_day("2019-13-31T10:00:00Z", day);
	assert_string_equal(day, "");
	cn_iso_day(NULL, day);
	assert_string_equal(day, "");
}

static void test_parse_when(void **state)
{
	time_t now = at("2019-07-12T10:30:00"), t;
	(void)state;
	assert_int_equal(cn_parse_when(now, "+30m", &t), CN_OK);
	assert_int_equal(t, at("2019-07-12T11:00:00"));
	assert_int_equal(cn_parse_when(now, "+2h", &t), CN_OK);
	assert_int_equal(t, at("2019-07-12T12:30:00"));
	assert_int_equal(cn_parse_when(now, "+1d", &t), CN_OK);
	assert_int_equal(t, at("2019-07-13T10:30:00"));
	assert_int_equal(cn_parse_when(now, "15:45", &t), CN_OK);
	assert_int_equal(t, at("2019-07-12T15:45:00"));
	assert_int_equal(cn_parse_when(now, "9:05", &t), CN_OK);
	assert_int_equal(t, at("2019-07-12T09:05:00"));
	assert_int_equal(cn_parse_when(now, "domani 9:30", &t), CN_OK);
	assert_int_equal(t, at("2019-07-13T09:30:00"));
	assert_int_equal(cn_parse_when(now, "Domani 09:30", &t), CN_OK);
	assert_int_equal(t, at("2019-07-13T09:30:00"));
	assert_int_equal(cn_parse_when(now, "25:00", &t), CN_EUSAGE);
	assert_int_equal(cn_parse_when(now, "domani", &t), CN_OK);
	assert_int_equal(t, at("2019-07-13T09:00:00"));
	assert_int_equal(cn_parse_when(now, "31/07/2019 10:30", &t), CN_OK);
	assert_int_equal(t, at("2019-07-31T10:30:00"));
	assert_int_equal(cn_parse_when(now, "dopodomani", &t), CN_EUSAGE);
	assert_int_equal(cn_parse_when(now, "+5x", &t), CN_EUSAGE);
	/* tomorrow is the next calendar day, also when it is 23 hours away */
	now = at("2019-03-30T10:30:00");
	assert_int_equal(cn_parse_when(now, "domani 10:30", &t), CN_OK);
	assert_int_equal(t, at("2019-03-31T08:30:00Z"));
	assert_int_equal(t - now, 23 * 3600);
	now = at("2020-02-28T18:00:00");
	assert_int_equal(cn_parse_when(now, "tomorrow", &t), CN_OK);
	assert_int_equal(t, at("2020-02-29T09:00:00"));
}

/* the order of a slashed date left to the cell itself */
static int cn_parse_form_time_u(const char *s, time_t *t)
{
	return cn_parse_form_time(s, CN_DM_UNSETTLED, t);
}

static void test_parse_form_time(void **state)
{
	time_t t;
	(void)state;
	assert_int_equal(cn_parse_form_time_u("2019-07-31 10:30:15", &t), 0);
	assert_int_equal(t, at("2019-07-31T08:30:15Z"));
	assert_int_equal(cn_parse_form_time_u("31/07/2019 10.30", &t), 0);
	assert_int_equal(t, at("2019-07-31T08:30:00Z"));
	assert_int_equal(cn_parse_form_time_u("2019/07/31 9:05:00 PM GMT+2", &t), 0);
	assert_int_equal(t, at("2019-07-31T19:05:00Z"));
	assert_int_equal(cn_parse_form_time_u("2019-07-31T10:30:00+0100", &t), 0);
	assert_int_equal(t, at("2019-07-31T09:30:00Z"));
	assert_int_equal(cn_parse_form_time_u("2019-07-31T10:30:00-05:30", &t), 0);
	assert_int_equal(t, at("2019-07-31T16:00:00Z"));
	assert_int_equal(cn_parse_form_time_u("  29/02/2020", &t), 0);
	assert_int_equal(t, at("2020-02-29"));
	assert_int_equal(cn_parse_form_time_u("29/02/2019", &t), CN_EUSAGE);
	assert_int_equal(cn_parse_form_time_u("31/02/2019 10:00 UTC", &t), CN_EUSAGE);
	assert_int_equal(cn_parse_form_time_u("2019-07-31 13:00 PM", &t), CN_EUSAGE);
	assert_int_equal(cn_parse_form_time_u("ieri", &t), CN_EUSAGE);
	/* the hour that does not exist in Rome moves on, as mktime does */
	assert_int_equal(cn_parse_form_time_u("31/03/2019 02:30", &t), 0);
	assert_int_equal(t, at("2019-03-31T01:30:00Z"));
	/* Google Forms' CSV download: AM/PM and a zone name */
	assert_int_equal(cn_parse_form_time_u("2020/05/12 10:31:22 AM CEST", &t), 0);
	assert_int_equal(t, at("2020-05-12T08:31:22Z"));
	assert_int_equal(cn_parse_form_time_u("2020/01/12 12:05:00 PM CET", &t), 0);
	assert_int_equal(t, at("2020-01-12T11:05:00Z"));
	assert_int_equal(cn_parse_form_time_u("2020/05/12 12:05:00 AM GMT+2", &t), 0);
	assert_int_equal(t, at("2020-05-11T22:05:00Z"));
	/* the file's zone wins over Rome's: GMT in summer is not local time */
	assert_int_equal(cn_parse_form_time_u("2020/05/12 10:31:22 AM GMT", &t), 0);
	assert_int_equal(t, at("2020-05-12T10:31:22Z"));
	/* ISO with a fraction and an offset */
	assert_int_equal(cn_parse_form_time_u("2020-05-12T10:31:22.250+02:00", &t), 0);
	assert_int_equal(t, at("2020-05-12T08:31:22Z"));
	/* spreadsheets in an Italian locale */
	assert_int_equal(cn_parse_form_time_u("13/05/2020 10:31:22", &t), 0);
	assert_int_equal(t, at("2020-05-13T08:31:22Z"));
	assert_int_equal(cn_parse_form_time_u("12/05/2020 10.31.22", &t), 0);
	assert_int_equal(t, at("2020-05-12T08:31:22Z"));
	/* 12/05 with a colon: 12 May or 5 December? not guessed */
	assert_int_equal(cn_parse_form_time_u("12/05/2020 10:31:22", &t), CN_EDATA);
	assert_int_equal(cn_parse_form_time("12/05/2020 10:31:22", CN_DM_DAY_FIRST, &t), 0);
	assert_int_equal(t, at("2020-05-12T08:31:22Z"));
	assert_int_equal(cn_parse_form_time("05/12/2020 10:31:22", CN_DM_MONTH_FIRST, &t), 0);
	assert_int_equal(t, at("2020-05-12T08:31:22Z"));
	assert_int_equal(cn_parse_form_time("13/05/2020", CN_DM_MONTH_FIRST, &t), CN_EUSAGE);
	assert_int_equal(cn_form_time_order("12/05/2020 10:31:22"), CN_DM_UNSETTLED);
	assert_int_equal(cn_form_time_order("13/05/2020"), CN_DM_DAY_FIRST);
	assert_int_equal(cn_form_time_order("05/13/2020 1:00 PM"), CN_DM_MONTH_FIRST);
	assert_int_equal(cn_form_time_order("12/05/2020 10.31"), CN_DM_DAY_FIRST);
	assert_int_equal(cn_form_time_order("2020/05/12 10:31:22 AM CEST"), CN_DM_NONE);
}

static void test_parse_time_format(void **state)
{
	time_t t;
	(void)state;
	assert_int_equal(cn_parse_time_format("12-05-2020 ore 10:31", "%d-%m-%Y ore %H:%M", &t), 0);
	assert_int_equal(t, at("2020-05-12T08:31:00Z"));
	assert_int_equal(cn_parse_time_format("May 12 2020 10:31 +0000", "%b %d %Y %H:%M %z", &t), 0);
	assert_int_equal(t, at("2020-05-12T10:31:00Z"));
	assert_int_equal(cn_parse_time_format("12-05-2020 10:31 CEST", "%d-%m-%Y %H:%M", &t), 0);
	assert_int_equal(t, at("2020-05-12T08:31:00Z"));
	assert_int_equal(cn_parse_time_format("12-05-2020 10:31 e poi", "%d-%m-%Y %H:%M", &t), CN_EUSAGE);
	assert_int_equal(cn_parse_time_format("31-02-2020 10:31", "%d-%m-%Y %H:%M", &t), CN_EUSAGE);
}

static void test_fmt_when(void **state)
{
	char out[20];
	(void)state;
	cn_fmt_when(at("2019-07-12T10:30:00"), at("2019-07-31T08:05:00Z"), out);
	assert_string_equal(out, "31/07 10:05");
	cn_fmt_when(at("2020-01-02T10:30:00"), at("2019-12-31T22:59:00Z"), out);
	assert_string_equal(out, "31/12/2019 23:59");
}

static void test_stamp(void **state)
{
	char s[16];
	(void)state;
	cn_fmt_stamp(at("2019-10-27T01:30:00Z"), s); /* 02:30 the second time */
	assert_string_equal(s, "20191027-023000");
	assert_int_equal(cn_parse_stamp("20200229-235959.db"), at("2020-02-29T23:59:59"));
	assert_int_equal(cn_parse_stamp("20190731-1030"), -1);
	assert_int_equal(cn_parse_stamp(NULL), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_and_iso),
		cmocka_unit_test(test_parse_refuses),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_days_until),
		cmocka_unit_test(test_civil_days),
		cmocka_unit_test(test_ymd_split),
		cmocka_unit_test(test_ymd_add_days),
		cmocka_unit_test(test_ymd_diff),
		cmocka_unit_test(test_day_start),
		cmocka_unit_test(test_day_bounds),
		cmocka_unit_test(test_iso_day),
		cmocka_unit_test(test_parse_when),
		cmocka_unit_test(test_parse_form_time),
		cmocka_unit_test(test_parse_time_format),
		cmocka_unit_test(test_fmt_when),
		cmocka_unit_test(test_stamp),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
