/* The CSV reader: quoting, line breaks inside quotes, line ends, separator
 * detection, line numbers, errors, trimming. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "centralino/csv.h"

/* Reads every record of `data`; returns them joined as "a|b|c\n" lines with
 * "@LINE " prefixes, so a whole parse is one string compare. */
static char *parse_all(const char *data, char sep, int *status)
{
	static char out[4096];
	struct csv_reader *r = csv_open(data, strlen(data), sep);
	struct csv_record rec;
	size_t o = 0;
	int got;

	assert_non_null(r);
	out[0] = '\0';
	while ((got = csv_next(r, &rec)) == 1) {
		o += (size_t)snprintf(out + o, sizeof out - o, "@%ld ", rec.line);
		for (size_t i = 0; i < rec.nfields; i++)
			o += (size_t)snprintf(out + o, sizeof out - o, "%s%s", i ? "|" : "", rec.fields[i]);
		o += (size_t)snprintf(out + o, sizeof out - o, "\n");
	}
	*status = got;
	csv_close(r);
	return out;
}

static void test_simple(void **state)
{
	int st;
	(void)state;
	assert_string_equal(parse_all("a;b;c\n1;2;3\n", ';', &st), "@1 a|b|c\n@2 1|2|3\n");
	assert_int_equal(st, 0);
}

static void test_quotes(void **state)
{
	int st;
	(void)state;
	assert_string_equal(parse_all("\"a;b\",\"say \"\"hi\"\"\",\"\"\n", ',', &st),
			    "@1 a;b|say \"hi\"|\n");
	assert_int_equal(st, 0);
}

static void test_multiline_header_line_numbers(void **state)
{
	int st;
	(void)state;
	/* ISTAT's header: quoted fields with CRLF inside */
	const char *data = "Codice;\"Codice dell'Unit\xc3\xa0 \r\n(valida)\";X;\"Y \r\n(z)\"\r\n"
			   "01;201;a;b\r\n"
			   "02;202;c;d\r\n";
	assert_string_equal(parse_all(data, 0, &st),
			    "@1 Codice|Codice dell'Unit\xc3\xa0 \r\n(valida)|X|Y \r\n(z)\n"
			    "@4 01|201|a|b\n"
			    "@5 02|202|c|d\n");
	assert_int_equal(st, 0);
}

static void test_line_ends(void **state)
{
	int st;
	(void)state;
	assert_string_equal(parse_all("a,b\r\nc,d\re,f\ng,h", ',', &st),
			    "@1 a|b\n@2 c|d\n@3 e|f\n@4 g|h\n");
	assert_int_equal(st, 0);
}

static void test_empty_fields_and_blank_lines(void **state)
{
	int st;
	(void)state;
	assert_string_equal(parse_all("a;;\n\n;b\n", ';', &st), "@1 a||\n@2 \n@3 |b\n");
	assert_int_equal(st, 0);
	assert_string_equal(parse_all("", ';', &st), "");
	assert_int_equal(st, 0);
}

static void test_detect_separator(void **state)
{
	struct csv_reader *r;
	(void)state;
	r = csv_open("a;b;c\n1,5;2;3\n", 14, 0);
	assert_int_equal(csv_separator(r), ';');
	csv_close(r);
	r = csv_open("a,b,c\n", 6, 0);
	assert_int_equal(csv_separator(r), ',');
	csv_close(r);
	r = csv_open("a\tb\tc\n", 6, 0);
	assert_int_equal(csv_separator(r), '\t');
	csv_close(r);
	/* separators inside a quoted (multi-line) header field do not count */
	r = csv_open("\"x,y,z\n,w\";b;c\n", 16, 0);
	assert_int_equal(csv_separator(r), ';');
	csv_close(r);
	/* no separator at all: one column, ',' */
	r = csv_open("abc\n", 4, 0);
	assert_int_equal(csv_separator(r), ',');
	csv_close(r);
}

static void test_unclosed_quote(void **state)
{
	struct csv_reader *r;
	struct csv_record rec;
	const char *data = "a;b\n1;2\n3;\"never\nclosed\n";
	long line = 0;
	(void)state;
	r = csv_open(data, strlen(data), ';');
	assert_int_equal(csv_next(r, &rec), 1);
	assert_int_equal(csv_next(r, &rec), 1);
	assert_int_equal(csv_next(r, &rec), -1);
	assert_non_null(csv_error(r, &line));
	assert_int_equal(line, 3);
	/* stays failed */
	assert_int_equal(csv_next(r, &rec), -1);
	csv_close(r);
}

static void test_text_after_closing_quote(void **state)
{
	int st;
	(void)state;
	assert_string_equal(parse_all("\"ab\"cd;e\n", ';', &st), "@1 abcd|e\n");
}

static void test_long_record_grows_buffers(void **state)
{
	char data[40000];
	struct csv_reader *r;
	struct csv_record rec;
	size_t o = 0;
	(void)state;
	for (int i = 0; i < 2000; i++)
		o += (size_t)snprintf(data + o, sizeof data - o, "%sfield%d", i ? ";" : "", i);
	data[o++] = '\n';
	data[o] = '\0';
	r = csv_open(data, o, ';');
	assert_int_equal(csv_next(r, &rec), 1);
	assert_int_equal(rec.nfields, 2000);
	assert_string_equal(rec.fields[0], "field0");
	assert_string_equal(rec.fields[1999], "field1999");
	assert_int_equal(csv_next(r, &rec), 0);
	csv_close(r);
}

static void test_trim(void **state)
{
	char a[] = " 001 ", b[] = "Borgocarbonara  ", c[] = "\t x y\t", d[] = "   ";
	(void)state;
	assert_string_equal(csv_trim(a), "001");
	assert_string_equal(csv_trim(b), "Borgocarbonara");
	assert_string_equal(csv_trim(c), "x y");
	assert_string_equal(csv_trim(d), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_multiline_header_line_numbers),
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_empty_fields_and_blank_lines),
		cmocka_unit_test(test_detect_separator),
		cmocka_unit_test(test_unclosed_quote),
		cmocka_unit_test(test_text_after_closing_quote),
		cmocka_unit_test(test_long_record_grows_buffers),
		cmocka_unit_test(test_trim),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
