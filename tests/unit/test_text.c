/* Text: folding for search, display widths, fitting, UTF-8 checks, Latin-1
 * (Windows-1252) conversion, decoding whole files, buffers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "centralino/ctx.h"
#include "centralino/text.h"

static void fold_is(const char *in, const char *want)
{
	char *f = text_fold(in);
	assert_non_null(f);
	assert_string_equal(f, want);
	free(f);
}

static void test_fold(void **state)
{
	(void)state;
	fold_is("Forl\xc3\xac", "forli");              /* Forlì */
	fold_is("FORL\xc3\x8c", "forli");              /* FORLÌ */
	fold_is("Forli'", "forli");
	fold_is("Forli\xcc\x80", "forli");             /* i + combining grave */
	fold_is("Sant'Agata li Battiati", "sant agata li battiati");
	fold_is("Sant\xe2\x80\x99" "Agata", "sant agata"); /* typographic apostrophe */
	fold_is("Bolzano/Bozen", "bolzano bozen");
	fold_is("Valle d'Aosta/Vall\xc3\xa9" "e d'Aoste", "valle d aosta vallee d aoste");
	fold_is("Appiano sulla strada del vino/Eppan an der Weinstra\xc3\x9f" "e",
		"appiano sulla strada del vino eppan an der weinstrasse");
	fold_is("Presicce-Acquarica", "presicce acquarica");
	fold_is("Trentino-Alto Adige/S\xc3\xbc" "dtirol", "trentino alto adige sudtirol");
	fold_is("San Floriano del Collio-\xc5\xa0teverjan", "san floriano del collio steverjan");
	fold_is("  --Reggio  nell'Emilia!!  ", "reggio nell emilia");
	fold_is("S. G. pers", "s g pers");
	fold_is("Cadrezzate con Osmate 2", "cadrezzate con osmate 2");
	fold_is("", "");
	fold_is("'-/.", "");
}

/* Plain ASCII takes a short cut: it must agree with the full Unicode path
 * (forced here by a combining accent, which folding strips). */
static void test_fold_ascii_fast_path(void **state)
{
	(void)state;
	for (int c = 1; c < 128; c++) {
		char plain[8], full[8];
		snprintf(plain, sizeof plain, "A%cb", c);
		snprintf(full, sizeof full, "A%cb\xcc\x81", c);
		char *a = text_fold(plain), *b = text_fold(full);
		assert_non_null(a);
		assert_non_null(b);
		if (strcmp(a, b) != 0)
			fail_msg("byte %d: fast '%s', full '%s'", c, a, b);
		free(a);
		free(b);
	}
}

static void test_fold_invalid_utf8(void **state)
{
	(void)state;
	assert_null(text_fold("Forl\xec"));
	assert_null(text_nfc("\xff"));
}

static void test_nfc(void **state)
{
	char *s = text_nfc("Forli\xcc\x80");
	(void)state;
	assert_string_equal(s, "Forl\xc3\xac");
	free(s);
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("Forl\xc3\xac"), 5);
	assert_int_equal(text_width("Forli\xcc\x80"), 5);              /* combining: 0 */
	assert_int_equal(text_width("\xe6\x97\xa5\xe6\x9c\xac"), 4);   /* 日本: wide */
	assert_int_equal(text_width("a\xff" "b"), 3);                  /* a bad byte counts 1 */
}

static void test_fit(void **state)
{
	char out[64];
	(void)state;
	assert_int_equal(text_fit("Forl\xc3\xac", 5, out, sizeof out), 5);
	assert_string_equal(out, "Forl\xc3\xac");
	/* cut: 4 columns of text and the ellipsis */
	assert_int_equal(text_fit("Reggio nell'Emilia", 5, out, sizeof out), 5);
	assert_string_equal(out, "Regg\xe2\x80\xa6");
	/* accents count by columns, not bytes */
	assert_int_equal(text_fit("\xc3\x80\xc3\x80\xc3\x80\xc3\x80\xc3\x80\xc3\x80", 4, out, sizeof out), 4);
	assert_string_equal(out, "\xc3\x80\xc3\x80\xc3\x80\xe2\x80\xa6");
	/* a wide character that would straddle the edge is left out */
	assert_int_equal(text_fit("a\xe6\x97\xa5\xe6\x9c\xac", 3, out, sizeof out), 2);
	assert_string_equal(out, "a\xe2\x80\xa6");
	assert_int_equal(text_fit("abc", 0, out, sizeof out), 0);
	assert_string_equal(out, "");
	/* a small buffer cuts too, and stays terminated */
	text_fit("abcdefghij", 20, out, 6);
	assert_true(strlen(out) < 6);
}

static void test_is_utf8(void **state)
{
	size_t bad = 99;
	(void)state;
	assert_true(text_is_utf8("Forl\xc3\xac", 6, &bad));
	assert_false(text_is_utf8("ab\xec" "cd", 5, &bad));
	assert_int_equal(bad, 2);
	assert_false(text_is_utf8("\xc3", 1, &bad));       /* cut sequence */
	assert_int_equal(bad, 0);
	assert_false(text_is_utf8("\xc0\xaf", 2, &bad));   /* overlong */
}

static void test_latin1(void **state)
{
	size_t n;
	char *u = text_latin1_to_utf8("Forl\xec Agli\xe8", 11, &n);
	(void)state;
	assert_string_equal(u, "Forl\xc3\xac Agli\xc3\xa8");
	assert_int_equal(n, strlen(u));
	free(u);
	/* ISTAT's list is really Windows-1252: 0x8A is Š, 0x9E is ž */
	u = text_latin1_to_utf8("\x8ateverjan Nabre\x9ein" "a", 19, &n);
	assert_string_equal(u, "\xc5\xa0teverjan Nabre\xc5\xbeina");
	free(u);
	/* 0x81 is not a character in it */
	assert_null(text_latin1_to_utf8("a\x81", 2, &n));
}

/* text_decode on a copy (it works in place). */
static int decode(const char *in, size_t n, char **out, enum text_encoding *enc, char *err)
{
	char *raw = malloc(n + 1);
	size_t len;
	int rc;
	memcpy(raw, in, n);
	raw[n] = '\0';
	rc = text_decode("f.csv", raw, n, out, &len, enc, err, 256);
	if (rc == 0 && *out != raw) {
		free(raw);
	} else if (rc) {
		free(raw);
		*out = NULL;
	}
	if (rc == 0)
		assert_int_equal(len, strlen(*out));
	return rc;
}

/* A string literal, embedded NULs included. */
#define DECODE(lit, ...) decode(lit, sizeof(lit) - 1, __VA_ARGS__)

static void test_decode(void **state)
{
	char *out, err[256];
	enum text_encoding enc;
	(void)state;

	assert_int_equal(DECODE("a;b\r\nForl\xc3\xac\r\n", &out, &enc, err), 0);
	assert_int_equal(enc, TEXT_UTF8);
	assert_string_equal(out, "a;b\r\nForl\xc3\xac\r\n");
	free(out);

	assert_int_equal(DECODE("\xef\xbb\xbf" "a;b\nForl\xc3\xac\n", &out, &enc, err), 0);
	assert_int_equal(enc, TEXT_UTF8_BOM);
	assert_string_equal(out, "a;b\nForl\xc3\xac\n");
	free(out);

	assert_int_equal(DECODE("a;b\nForl\xec\n", &out, &enc, err), 0);
	assert_int_equal(enc, TEXT_LATIN1);
	assert_string_equal(out, "a;b\nForl\xc3\xac\n");
	free(out);

	assert_int_equal(DECODE("", &out, &enc, err), 0);
	assert_string_equal(out, "");
	free(out);
}

static void test_decode_refuses(void **state)
{
	char *out, err[256];
	enum text_encoding enc;
	(void)state;

	/* BOM says UTF-8, a byte says otherwise */
	assert_int_equal(DECODE("\xef\xbb\xbf" "a\nb\xff\n", &out, &enc, err), CN_EDATA);
	assert_string_equal(err, "f.csv:2: encoding: invalid UTF-8 byte 0xFF in a file marked UTF-8 (BOM)");
	/* UTF-8 with a stray Latin-1 byte: reading it all as Latin-1 would
	 * store "ForlÃ¬", so it is refused */
	assert_int_equal(DECODE("Forl\xc3\xac\nAgli\xe8\n", &out, &enc, err), CN_EDATA);
	assert_string_equal(err, "f.csv:2: encoding: invalid UTF-8 byte 0xE8 in a file that is otherwise UTF-8");
	/* a Latin-1 file (ISTAT's) with one UTF-8 apostrophe pasted in: read
	 * as Latin-1 it would store "Santâ€™Agata"; a 4-byte sequence too */
	assert_int_equal(DECODE("Agli\xe8\nSant\xe2\x80\x99" "Agata\n", &out, &enc, err), CN_EDATA);
	assert_string_equal(err, "f.csv:1: encoding: invalid UTF-8 byte 0xE8 in a file that is otherwise UTF-8");
	assert_int_equal(DECODE("Agli\xe8 \xf0\x9f\x98\x80\n", &out, &enc, err), CN_EDATA);
	/* the reverse: a UTF-8 file whose only other non-ASCII is one Latin-1 byte */
	assert_int_equal(DECODE("Sant\xe2\x80\x99" "Agata\nForl\xec\n", &out, &enc, err), CN_EDATA);
	assert_string_equal(err, "f.csv:2: encoding: invalid UTF-8 byte 0xEC in a file that is otherwise UTF-8");
	/* a byte that no single-byte Western encoding has */
	assert_int_equal(DECODE("a\r\nb\r\nc\x81\r\n", &out, &enc, err), CN_EDATA);
	assert_string_equal(err, "f.csv:3: encoding: byte 0x81 is neither UTF-8 nor Latin-1 text");
	/* NUL: a binary or UTF-16 file */
	assert_int_equal(DECODE("a\nb\0c", &out, &enc, err), CN_EDATA);
	assert_string_equal(err, "f.csv:2: encoding: NUL byte in the file (not a text file?)");
}

static void test_load_file(void **state)
{
	char dir[] = "/tmp/cn-test-text.XXXXXX", path[64], err[512], *data;
	size_t len;
	enum text_encoding enc;
	FILE *f;
	(void)state;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/l1.csv", dir);
	f = fopen(path, "wb");
	fputs("Agli\xe8;Forl\xec\r\n", f);
	fclose(f);
	assert_int_equal(text_load_file(path, 0, &data, &len, &enc, err, sizeof err), 0);
	assert_int_equal(enc, TEXT_LATIN1);
	assert_string_equal(data, "Agli\xc3\xa8;Forl\xc3\xac\r\n");
	free(data);
	unlink(path);

	assert_int_equal(text_load_file(path, 0, &data, &len, &enc, err, sizeof err), CN_ENOINPUT);
	assert_null(data);
	assert_non_null(strstr(err, "l1.csv: No such file or directory"));
	/* a folder is not a file to read */
	assert_int_equal(text_load_file(dir, 0, &data, &len, &enc, err, sizeof err), CN_ENOINPUT);
	rmdir(dir);
}

static void test_buf(void **state)
{
	struct cn_buf b = {0};
	char big[1000];
	(void)state;
	assert_string_equal(buf_str(&b), "");
	buf_puts(&b, "ab");
	buf_add(&b, "cdef", 2);
	assert_int_equal(buf_printf(&b, "-%d-", 42), 0);
	assert_string_equal(buf_str(&b), "abcd-42-");
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(buf_printf(&b, "%s!", big), 0); /* longer than the stack buffer */
	assert_int_equal(b.len, 8 + 999 + 1);
	assert_int_equal(buf_str(&b)[b.len - 1], '!');
	buf_free(&b);
	assert_string_equal(buf_str(&b), "");
}

/* The one text policy: what is kept, normalised, refused. */
static void clean_is(const char *in, size_t n, enum text_kind k, const char *want)
{
	char *out, why[256];
	int rc = text_clean(in, n, k, &out, why, sizeof why);
	if (rc)
		fail_msg("'%s' refused: %s", in, why);
	if (!want)
		assert_null(out);
	else
		assert_string_equal(out, want);
	free(out);
}

static void clean_refused(const char *in, size_t n, enum text_kind k, const char *why_has)
{
	char *out, why[256];
	assert_int_equal(text_clean(in, n, k, &out, why, sizeof why), CN_EDATA);
	assert_null(out);
	if (!strstr(why, why_has))
		fail_msg("'%s': '%s' lacks '%s'", in, why, why_has);
}

#define S(lit) lit, sizeof(lit) - 1

static void test_clean(void **state)
{
	(void)state;
	clean_is(S("  Mario   Rossi "), TEXT_PERSON, "Mario Rossi");
	clean_is(S("Forli\xcc\x80"), TEXT_PLACE, "Forl\xc3\xac");   /* NFC */
	clean_is(S("Ufficio\r\nTributi"), TEXT_OFFICE, "Ufficio Tributi"); /* CRLF in a quoted cell */
	clean_is(S("a\tb\nc\rd"), TEXT_PERSON, "a b c d");
	clean_is(S("riga 1\r\nriga 2\rriga 3\t!  \n\n"), TEXT_NOTES, "riga 1\nriga 2\nriga 3\t!");
	clean_is(S("\n\n  testo"), TEXT_NOTES, "testo");
	clean_is(S("   "), TEXT_PERSON, NULL);
	clean_is(S(""), TEXT_REASON, NULL);
	clean_is(S("Sankt Martin in Passeier/San Martino in Passiria"), TEXT_PLACE,
		 "Sankt Martin in Passeier/San Martino in Passiria");
	clean_is(S("Sant\xe2\x80\x99" "Agata \xc2\xa0 \xc5\xa0teverjan"), TEXT_PLACE,
		 "Sant\xe2\x80\x99" "Agata \xc2\xa0 \xc5\xa0teverjan");
	clean_refused(S("a\x1b]0;x\x07"), TEXT_PERSON, "\\x1b");
	clean_refused(S("a\x08" "b"), TEXT_PERSON, "\\x08 (character 2)");
	clean_refused(S("a\0b"), TEXT_NOTES, "NUL");
	clean_refused(S("a\xc2\x85"), TEXT_NOTES, "U+0085");
	clean_refused(S("abc\xe2\x80\xae" "fdp.exe"), TEXT_PERSON, "U+202E");
	clean_refused(S("a\xe2\x80\x8b" "b"), TEXT_PLACE, "U+200B");
	clean_refused(S("a\xe2\x80\x8d" "b"), TEXT_PLACE, "U+200D");
	clean_refused(S("a\xef\xbb\xbf"), TEXT_PLACE, "U+FEFF");
	clean_refused(S("a\xe2\x80\xa8" "b"), TEXT_NOTES, "U+2028");
	clean_refused(S("a\xc3"), TEXT_PERSON, "UTF-8 (byte 2)");
	clean_refused(S("a\x7f"), TEXT_PERSON, "\\x7f");
	{
		char big[202];
		memset(big, 'x', sizeof big);
		clean_refused(big, 201, TEXT_PERSON, "longer than 200 characters (201)");
		big[200] = '\0';
		clean_is(big, 200, TEXT_PERSON, big);
		char *huge = malloc(100 * 1024);
		memset(huge, 'y', 100 * 1024);
		clean_refused(huge, 100 * 1024, TEXT_NOTES, "longer than 20000 characters");
		free(huge);
	}
}

static void escape_is(const char *in, unsigned flags, const char *want)
{
	char *e = text_escaped(in, flags);
	assert_non_null(e);
	assert_string_equal(e, want);
	free(e);
}

static void test_escape(void **state)
{
	(void)state;
	escape_is("Forl\xc3\xac", 0, "Forl\xc3\xac");
	escape_is("a\x1b]0;x\x07\x1b[2J", 0, "a\\x1b]0;x\\x07\\x1b[2J");
	escape_is("a\rb\x08", 0, "a\\x0db\\x08");
	escape_is("a\nb\tc", 0, "a\\x0ab\\x09c");
	escape_is("a\nb\tc", TEXT_ESC_KEEP_NL | TEXT_ESC_KEEP_TAB, "a\nb\tc");
	escape_is("a\nb\tc\r", TEXT_ESC_SPACES, "a b c ");
	escape_is("a\nb\tc\\", TEXT_ESC_TSV, "a\\nb\\tc\\\\");
	escape_is("x\xc2\x9b" "31m", 0, "x\\u009b31m");
	escape_is("abc\xe2\x80\xae" "fdp", 0, "abc\\u202efdp");
	escape_is("a\xe2\x80\x8b" "b", 0, "a\\u200bb");
	escape_is("a\xff" "b\xc3", 0, "a\\xffb\\xc3");
	escape_is("back\\slash", 0, "back\\slash");
	escape_is("", 0, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_fold_ascii_fast_path),
		cmocka_unit_test(test_fold_invalid_utf8),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_is_utf8),
		cmocka_unit_test(test_latin1),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_decode_refuses),
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_escape),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
