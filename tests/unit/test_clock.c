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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_and_iso),
		cmocka_unit_test(test_parse_refuses),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_days_until),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
