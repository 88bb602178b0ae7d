/* Phone numbers: every spelling of a number gives one key; keys are shown
 * in Italian grouping; what is not a number is refused with a reason. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "centralino/phone.h"

static void expect_key(const char *in, const char *key)
{
	char out[PHONE_KEY_MAX];
	const char *why = NULL;
	if (phone_normalise(in, out, &why) != 0)
		fail_msg("'%s' refused: %s", in, why);
	if (strcmp(out, key) != 0)
		fail_msg("'%s' -> '%s', expected '%s'", in, out, key);
}

static void expect_refused(const char *in)
{
	char out[PHONE_KEY_MAX];
	const char *why = NULL;
	if (phone_normalise(in, out, &why) == 0)
		fail_msg("'%s' accepted as '%s'", in, out);
	assert_non_null(why);
	assert_true(strlen(why) > 5);
}

static void expect_display(const char *key, const char *shown)
{
	char out[PHONE_DISPLAY_MAX];
	phone_display(key, out);
	if (strcmp(out, shown) != 0)
		fail_msg("'%s' shown '%s', expected '%s'", key, out, shown);
}

static void same_number_every_spelling(void **state)
{
	(void)state;
	expect_key("055 203 7349", "+390552037349");
	expect_key("+39 055-2037349", "+390552037349");
	expect_key("0039 0552037349", "+390552037349");
	expect_key("055/2037349", "+390552037349");
	expect_key("(055) 203.73.49", "+390552037349");
	expect_key("+39 (055) 2037349", "+390552037349");
	expect_key("  055 2037349  ", "+390552037349");
	expect_key("055\xC2\xA0" "2037349", "+390552037349"); /* no-break space */
	expect_key("0552037349", "+390552037349");
}

static void italian_kinds(void **state)
{
	(void)state;
	expect_key("333 123 4567", "+393331234567");
	expect_key("+39 333 1234567", "+393331234567");
	expect_key("02 1234 5678", "+390212345678");
	expect_key("06-12345678", "+390612345678");
	expect_key("0125 123456", "+390125123456");
	expect_key("800 123 456", "+39800123456");
}

static void foreign_and_short(void **state)
{
	(void)state;
	expect_key("+41 91 123 45 67", "+41911234567");
	expect_key("0041 91 123 45 67", "+41911234567");
	expect_key("+33 1 23 45 67 89", "+33123456789");
	expect_key("112", "112");
	expect_key("1500", "1500");
}

static void refused(void **state)
{
	(void)state;
	expect_refused("");
	expect_refused("   ");
	expect_refused("055 2037349 int. 12");
	expect_refused("055+2037349");
	expect_refused("+0552037349");
	expect_refused("12");
	expect_refused("0123");                 /* too short for an Italian number */
	expect_refused("+39 12345678");         /* not Italian after +39 */
	expect_refused("+1234567890123456");    /* 16 digits */
	expect_refused("abc");
	expect_refused(NULL);
}

static void italian_grouping(void **state)
{
	(void)state;
	expect_display("+390552037349", "055 203 7349");
	expect_display("+393331234567", "333 123 4567");
	expect_display("+39333123456", "333 123 456");
	expect_display("+390212345678", "02 1234 5678");
	expect_display("+390612345678", "06 1234 5678");
	expect_display("+390125123456", "0125 123 456");
	expect_display("+39012512345", "0125 12345");
	expect_display("+39011123456", "011 123 456");
	expect_display("+39800123456", "800 123 456");
	expect_display("+41911234567", "+41911234567");
	expect_display("112", "112");
	expect_display("", "");
	expect_display("not a key", "not a key");
}

static void display_then_normalise_round_trip(void **state)
{
	static const char *const keys[] = {
		"+390552037349", "+393331234567", "+390212345678", "+390125123456",
		"+39800123456", "+41911234567", "112",
	};
	(void)state;
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		char shown[PHONE_DISPLAY_MAX];
		phone_display(keys[i], shown);
		expect_key(shown, keys[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_number_every_spelling),
		cmocka_unit_test(italian_kinds),
		cmocka_unit_test(foreign_and_short),
		cmocka_unit_test(refused),
		cmocka_unit_test(italian_grouping),
		cmocka_unit_test(display_then_normalise_round_trip),
	};
	return cmocka_run_group_tests_name("phone", tests, NULL, NULL);
}
