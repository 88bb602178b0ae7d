/* Numbers for people: English by default, Italian separators when the
 * Italian catalogue is in use. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "centralino/i18n.h"
#include "centralino/numfmt.h"


static void english(void **state)
{
	char b[NUMFMT_LEN];
	(void)state;
	assert_int_equal(i18n_setup("en"), 0);
	assert_string_equal(numfmt_int(0, b, sizeof b), "0");
	assert_string_equal(numfmt_int(999, b, sizeof b), "999");
	assert_string_equal(numfmt_int(1234, b, sizeof b), "1,234");
	assert_string_equal(numfmt_int(-7914, b, sizeof b), "-7,914");
	assert_string_equal(numfmt_int(59433744, b, sizeof b), "59,433,744");
	assert_string_equal(numfmt_int(LONG_MIN, b, sizeof b), "-9,223,372,036,854,775,808");
	assert_string_equal(numfmt_dec(1234.56, 1, b, sizeof b), "1,234.6");
	assert_string_equal(numfmt_dec(-0.04, 1, b, sizeof b), "0.0");
	assert_string_equal(numfmt_dec(2.5, 0, b, sizeof b), "3");
	assert_string_equal(numfmt_pct(12.5, 1, b, sizeof b), "12.5%");
	assert_string_equal(numfmt_pct(100, 0, b, sizeof b), "100%");
	assert_string_equal(numfmt_pct(NAN, 1, b, sizeof b), "-");
	/* cut, never overflowing */
	assert_string_equal(numfmt_int(1234567, b, 4), "1,2");
}

static void italian(void **state)
{
	char b[NUMFMT_LEN], exe[PATH_MAX], dir[PATH_MAX + 16];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	(void)state;
	assert_true(n > 0);
	exe[n] = '\0';
	/* BUILD/tests/test_numfmt: the catalogue is BUILD/locale */
	*strrchr(exe, '/') = '\0';
	*strrchr(exe, '/') = '\0';
	snprintf(dir, sizeof dir, "%s/locale", exe);
	if (access(dir, R_OK) != 0)
		skip();
	assert_int_equal(i18n_setup("it"), 0);
	bindtextdomain("centralino", dir);
	assert_int_equal(i18n_lang(), CN_LANG_IT);
	assert_string_equal(i18n_lang_code(), "it");
	assert_string_equal(numfmt_int(1234, b, sizeof b), "1.234");
	assert_string_equal(numfmt_int(7914, b, sizeof b), "7.914");
	assert_string_equal(numfmt_int(59433744, b, sizeof b), "59.433.744");
	assert_string_equal(numfmt_dec(1234.56, 2, b, sizeof b), "1.234,56");
	assert_string_equal(numfmt_pct(12.5, 1, b, sizeof b), "12,5%");
	assert_string_equal(numfmt_pct(0.04, 1, b, sizeof b), "0,0%");
	assert_int_equal(i18n_setup("en"), 0);
	assert_string_equal(numfmt_pct(12.5, 1, b, sizeof b), "12.5%");
}

static void language_names(void **state)
{
	enum cn_lang l;
	(void)state;
	assert_int_equal(i18n_parse_lang("it", &l), 0);
	assert_int_equal(l, CN_LANG_IT);
	assert_int_equal(i18n_parse_lang("EN", &l), 0);
	assert_int_equal(l, CN_LANG_EN);
	assert_int_not_equal(i18n_parse_lang("fr", &l), 0);
	assert_int_not_equal(i18n_parse_lang("", &l), 0);
	assert_int_not_equal(i18n_parse_lang(NULL, &l), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(english),
		cmocka_unit_test(italian),
		cmocka_unit_test(language_names),
	};
	return cmocka_run_group_tests_name("numfmt", tests, NULL, NULL);
}
