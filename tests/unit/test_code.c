/* Access code format: the check symbol, randomness, grouping, spelling and
 * the forgiving reading of typed codes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "centralino/code.h"

static void test_alphabet(void **state)
{
	(void)state;
	assert_int_equal(strlen(CODE_ALPHABET), CODE_RADIX);
	/* prime: every non-zero weight and difference is invertible mod 31 */
	for (int d = 2; d * d <= CODE_RADIX; d++)
		assert_int_not_equal(CODE_RADIX % d, 0);
	for (const char *p = "0O1IL"; *p; p++)
		assert_int_equal(code_symbol_value(*p), -1);
	for (int i = 0; i < CODE_RADIX; i++)
		assert_int_equal(code_symbol_value(CODE_ALPHABET[i]), i);
	assert_int_equal(code_symbol_value('a'), -1); /* stored upper-case only */
}

/* Every code: valid, the right length, only code symbols. */
static void test_random_shape(void **state)
{
	char c[CODE_BUFSZ];
	(void)state;
	for (int len = CODE_MIN_LENGTH; len <= CODE_MAX_LENGTH; len++) {
		assert_int_equal(code_random(c, len), 0);
		assert_int_equal(strlen(c), (size_t)len + 1);
		assert_true(code_is_valid(c));
	}
	assert_int_equal(code_random(c, CODE_MIN_LENGTH - 1), -1);
	assert_int_equal(code_random(c, CODE_MAX_LENGTH + 1), -1);
}

/* Counts the single substitutions and adjacent swaps of c that still pass
 * the check (must be none). */
static long undetected(const char *c, long *tried)
{
	char m[CODE_BUFSZ];
	size_t n = strlen(c);
	long missed = 0;
	for (size_t i = 0; i < n; i++) {
		for (int s = 0; s < CODE_RADIX; s++) {
			if (CODE_ALPHABET[s] == c[i])
				continue;
			memcpy(m, c, n + 1);
			m[i] = CODE_ALPHABET[s];
			(*tried)++;
			missed += code_is_valid(m);
		}
		if (i + 1 < n && c[i] != c[i + 1]) {
			memcpy(m, c, n + 1);
			m[i] = c[i + 1];
			m[i + 1] = c[i];
			(*tried)++;
			missed += code_is_valid(m);
		}
	}
	return missed;
}

static void test_check_catches_every_slip(void **state)
{
	char c[CODE_BUFSZ];
	long tried = 0, missed = 0;
	(void)state;
	for (int k = 0; k < 10000; k++) {
		assert_int_equal(code_random(c, CODE_DEFAULT_LENGTH), 0);
		missed += undetected(c, &tried);
	}
	/* and at the longest length, where the weights wrap around */
	for (int k = 0; k < 1000; k++) {
		assert_int_equal(code_random(c, CODE_MAX_LENGTH), 0);
		missed += undetected(c, &tried);
	}
	assert_true(tried > 10000L * 13 * 30);
	assert_int_equal(missed, 0);
}

/* The same for all codes at once, from the weights themselves. A
 * substitution a->b at a place of weight w changes the sum by w(b-a), a
 * swap of neighbours by (w_i - w_i+1)(b-a): with 31 prime, neither is 0
 * mod 31 for any a != b exactly when every weight is non-zero and
 * neighbours differ. The weights are read through the public function:
 * for a body of zeros (symbol '2') with a 1 ('3') at place i, the check
 * symbol is c_i = -w_i / w_last, a one-to-one image of w_i; so
 * c_i != 0 <=> w_i != 0, c_i != c_i+1 <=> w_i != w_i+1, and
 * c_(last-1) != -1 <=> w_(last-1) != w_last. */
static void test_check_algebra(void **state)
{
	char body[CODE_MAX_LENGTH + 2];
	(void)state;
	for (int n = CODE_MIN_LENGTH + 1; n <= CODE_MAX_LENGTH + 1; n++) {
		int c[CODE_MAX_LENGTH + 1];
		for (int i = 0; i < n - 1; i++) {
			memset(body, '2', (size_t)n - 1);
			body[i] = '3';
			c[i] = code_symbol_value(code_check_symbol(body, (size_t)n - 1));
			assert_int_not_equal(c[i], 0);
			if (i > 0)
				assert_int_not_equal(c[i], c[i - 1]);
		}
		assert_int_not_equal(c[n - 2], CODE_RADIX - 1);
	}
}

static int cmp_code(const void *a, const void *b)
{
	return memcmp(a, b, CODE_DEFAULT_LENGTH + 1);
}

static void test_distribution(void **state)
{
	enum { N = 100000, L = CODE_DEFAULT_LENGTH + 1 };
	char (*codes)[L + 1] = malloc((size_t)N * sizeof *codes);
	long counts[L][CODE_RADIX];
	double expected = (double)N / CODE_RADIX;
	/* sd of one cell count: sqrt(N p (1-p)) ~ 55.9 */
	double sd = 55.9;
	(void)state;

	assert_non_null(codes);
	memset(counts, 0, sizeof counts);
	for (int k = 0; k < N; k++) {
		assert_int_equal(code_random(codes[k], CODE_DEFAULT_LENGTH), 0);
		for (int i = 0; i < L; i++)
			counts[i][code_symbol_value(codes[k][i])]++;
	}
	qsort(codes, N, sizeof codes[0], cmp_code);
	for (int k = 1; k < N; k++)
		assert_int_not_equal(memcmp(codes[k - 1], codes[k], L), 0);
	for (int i = 0; i < L; i++) {
		double chi2 = 0;
		for (int s = 0; s < CODE_RADIX; s++) {
			double d = (double)counts[i][s] - expected;
			chi2 += d * d / expected;
			/* each symbol at each place within 6 sd of N/31 */
			if (d > 6 * sd || d < -6 * sd)
				fail_msg("place %d symbol %c: %ld times, expected %.0f", i + 1,
					 CODE_ALPHABET[s], counts[i][s], expected);
		}
		/* 30 degrees of freedom: mean 30; P(chi2 > 80) ~ 2e-6 */
		if (chi2 > 80.0)
			fail_msg("place %d: chi-square %.1f over 30 degrees of freedom", i + 1, chi2);
	}
	free(codes);
}

static void test_group_mask(void **state)
{
	char out[CODE_GROUPED_BUFSZ * 3];
	(void)state;
	code_group("ABCDEFGHJKMNP", out, sizeof out);
	assert_string_equal(out, "ABCD EFGH JKMN P");
	code_group("ABCDEFGH", out, sizeof out);
	assert_string_equal(out, "ABCD EFGH");
	code_mask("ABCDEFGHJKMNP", out, sizeof out);
	assert_string_equal(out, "\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2 "
				 "\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2 "
				 "\xe2\x80\xa2\xe2\x80\xa2MN P");
	code_mask_keep("ABCDEFGHJKMNP", 0, out, sizeof out);
	assert_string_equal(out, "\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2 "
				 "\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2 "
				 "\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2 \xe2\x80\xa2");
}

static void test_spell(void **state)
{
	struct cn_buf b = {0};
	(void)state;
	assert_string_equal(code_spell_symbol('A'), "A come Ancona");
	assert_string_equal(code_spell_symbol('k'), "K come Kursaal");
	assert_string_equal(code_spell_symbol('W'), "W come Washington");
	assert_string_equal(code_spell_symbol('7'), "7 (sette)");
	assert_null(code_spell_symbol('-'));
	code_spell("ABC2DEFGH", &b);
	assert_string_equal(buf_str(&b),
		"A come Ancona, B come Bologna, C come Como, 2 (due)\n"
		"D come Domodossola, E come Empoli, F come Firenze, G come Genova\n"
		"H come Hotel");
	buf_free(&b);
}

static void test_typed_normalise(void **state)
{
	char c[CODE_BUFSZ], typed[64], g[CODE_GROUPED_BUFSZ];
	struct code_typed t;
	(void)state;
	assert_int_equal(code_random(c, CODE_DEFAULT_LENGTH), 0);
	code_group(c, g, sizeof g);
	/* lower case, hyphens, spaces, dots */
	snprintf(typed, sizeof typed, " %s ", g);
	for (char *p = typed; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
	typed[5] = typed[5] == ' ' ? '-' : typed[5];
	code_typed_parse(typed, &t);
	assert_int_equal(t.state, CODE_TYPED_OK);
	assert_string_equal(t.norm, c);
	code_typed_parse("ABCD!EFGH", &t);
	assert_int_equal(t.state, CODE_TYPED_INVALID);
	assert_int_equal(t.bad, '!');
	code_typed_parse("ABC", &t);
	assert_int_equal(t.state, CODE_TYPED_INVALID);
}

struct seen {
	const char *want;
	int found;
	int count;
	enum code_repair how;
};

static int collect(const char *code, enum code_repair how, size_t pos, void *arg)
{
	struct seen *s = arg;
	(void)pos;
	assert_true(code_is_valid(code));
	s->count++;
	if (strcmp(code, s->want) == 0) {
		s->found = 1;
		s->how = how;
	}
	return 0;
}

static void candidates_of(const char *typed, const char *want, struct seen *s)
{
	struct code_typed t;
	memset(s, 0, sizeof *s);
	s->want = want;
	code_typed_parse(typed, &t);
	code_candidates(&t, collect, s);
}

static void test_lookalikes_repaired(void **state)
{
	char c[CODE_BUFSZ], m[CODE_BUFSZ];
	struct seen s;
	(void)state;
	for (int k = 0; k < 500; k++) {
		assert_int_equal(code_random(c, CODE_DEFAULT_LENGTH), 0);
		/* one look-alike anywhere: the check symbol alone restores it */
		for (size_t i = 0; i < strlen(c); i++) {
			memcpy(m, c, sizeof m);
			m[i] = "0O1IL"[(i + (size_t)k) % 5];
			candidates_of(m, c, &s);
			assert_int_equal(s.count, 1);
			assert_true(s.found);
			assert_int_equal(s.how, CODE_LOOKALIKE_FIXED);
		}
		/* two: 31 candidates pass the check, the right one among them */
		memcpy(m, c, sizeof m);
		m[2] = 'O';
		m[9] = '1';
		candidates_of(m, c, &s);
		assert_int_equal(s.count, CODE_RADIX);
		assert_true(s.found);
	}
}

static void test_mistyped_candidates(void **state)
{
	char c[CODE_BUFSZ], m[CODE_BUFSZ + 1];
	struct seen s;
	(void)state;
	for (int k = 0; k < 300; k++) {
		size_t n, i;
		assert_int_equal(code_random(c, CODE_DEFAULT_LENGTH), 0);
		n = strlen(c);
		i = (size_t)k % n;
		/* one wrong symbol */
		memcpy(m, c, n + 1);
		m[i] = CODE_ALPHABET[(code_symbol_value(c[i]) + 1 + k % 30) % CODE_RADIX];
		candidates_of(m, c, &s);
		assert_true(s.found);
		assert_int_equal(s.how, CODE_SUBSTITUTION);
		/* two neighbours swapped */
		if (i + 1 < n && c[i] != c[i + 1]) {
			memcpy(m, c, n + 1);
			m[i] = c[i + 1];
			m[i + 1] = c[i];
			candidates_of(m, c, &s);
			assert_true(s.found);
		}
		/* one missing */
		memcpy(m, c, i);
		memcpy(m + i, c + i + 1, n - i);
		candidates_of(m, c, &s);
		assert_true(s.found);
		/* one extra */
		memcpy(m, c, i);
		m[i] = 'Z';
		memcpy(m + i + 1, c + i, n - i + 1);
		candidates_of(m, c, &s);
		assert_true(s.found);
		/* few candidates to look up: about one per place per kind */
		assert_true(s.count < 4 * (int)n + 4);
	}
}

static void test_verified(void **state)
{
	(void)state;
	assert_int_equal(code_verified_check("richiamata_centralino"), 0);
	assert_int_equal(code_verified_check("referente_noto"), 0);
	assert_int_equal(code_verified_check("richiesta_pec"), 0);
	assert_int_equal(code_verified_check("altro:conosciuto di persona"), 0);
	assert_int_not_equal(code_verified_check("altro:"), 0);
	assert_int_not_equal(code_verified_check("altro:  "), 0);
	assert_int_not_equal(code_verified_check("fiducia"), 0);
	assert_int_not_equal(code_verified_check(NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alphabet),
		cmocka_unit_test(test_random_shape),
		cmocka_unit_test(test_check_catches_every_slip),
		cmocka_unit_test(test_check_algebra),
		cmocka_unit_test(test_distribution),
		cmocka_unit_test(test_group_mask),
		cmocka_unit_test(test_spell),
		cmocka_unit_test(test_typed_normalise),
		cmocka_unit_test(test_lookalikes_repaired),
		cmocka_unit_test(test_mistyped_candidates),
		cmocka_unit_test(test_verified),
	};
	return cmocka_run_group_tests_name("code", tests, NULL, NULL);
}
