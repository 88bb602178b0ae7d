/* Replays every seed (tests/fuzz/seeds/TARGET/) and every reproducer
 * the fuzzers found (tests/fuzz/regress/TARGET/) through the fuzz targets
 * of tests/fuzz/, without libFuzzer: under `make asan` each input runs
 * with AddressSanitizer and UBSan, so a fixed crash, leak or overflow stays
 * fixed. Plus the limits the hostile-input work added to the readers. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "centralino/csv.h"
#include "centralino/progress.h"

#define FUZZ_ENTRY fuzz_one_istat
#include "../fuzz/fuzz_istat.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_one_ambiti
#include "../fuzz/fuzz_ambiti.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_one_contacts
#include "../fuzz/fuzz_contacts.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_one_limesurvey
#include "../fuzz/fuzz_limesurvey.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_one_code
#include "../fuzz/fuzz_code.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_one_fold
#include "../fuzz/fuzz_fold.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_one_textpolicy
#include "../fuzz/fuzz_textpolicy.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_one_escape
#include "../fuzz/fuzz_escape.c"
#undef FUZZ_ENTRY

/* Every file of tests/fuzz/{seeds,regress}/TARGET through fn; the count. */
static int replay(const char *target, int (*fn)(const uint8_t *, size_t))
{
	static const char *const kinds[] = {"seeds", "regress"};
	int n = 0;
	for (int k = 0; k < 2; k++) {
		char dir[256];
		DIR *d;
		struct dirent *e;
		snprintf(dir, sizeof dir, "tests/fuzz/%s/%s", kinds[k], target);
		if (!(d = opendir(dir)))
			continue;
		while ((e = readdir(d))) {
			char path[512];
			FILE *f;
			char *buf = NULL;
			size_t len = 0, cap = 0, got;
			if (e->d_name[0] == '.')
				continue;
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			if (!(f = fopen(path, "rb")))
				continue;
			do {
				if (len + 4096 > cap) {
					cap = cap ? cap * 2 : 65536;
					buf = realloc(buf, cap);
					assert_non_null(buf);
				}
				got = fread(buf + len, 1, cap - len, f);
				len += got;
			} while (got > 0);
			fclose(f);
			assert_int_equal(fn((const uint8_t *)buf, len), 0);
			free(buf);
			n++;
		}
		closedir(d);
	}
	return n;
}

static void replay_code(void **state)
{
	(void)state;
	assert_true(replay("code", fuzz_one_code) >= 5);
}

static void replay_fold(void **state)
{
	(void)state;
	assert_true(replay("fold", fuzz_one_fold) >= 5);
}

static void replay_textpolicy(void **state)
{
	(void)state;
	assert_true(replay("textpolicy", fuzz_one_textpolicy) >= 5);
}

static void replay_escape(void **state)
{
	(void)state;
	assert_true(replay("escape", fuzz_one_escape) >= 5);
}

static void replay_contacts(void **state)
{
	(void)state;
	assert_true(replay("contacts", fuzz_one_contacts) >= 2);
}

static void replay_ambiti(void **state)
{
	(void)state;
	assert_true(replay("ambiti", fuzz_one_ambiti) >= 2);
}

static void replay_limesurvey(void **state)
{
	(void)state;
	assert_true(replay("limesurvey", fuzz_one_limesurvey) >= 2);
	/* the seed's fixed codes were found: Agliè's submission is recorded */
	long long n = 0;
	assert_int_equal(db_scalar_int(fuzz_db(), &n,
		"SELECT count(*) FROM campaign_respondent WHERE respondent_id = '001001' AND status = 'inviato'",
		(char *)NULL), 0);
	assert_int_equal(n, 1);
}

/* Found by `make asan`: a campaign without ambiti has no index of ambito
 * codes, and qsort/bsearch were handed its NULL array (UBSan aborts). */
static void generic_import_without_ambiti(void **state)
{
	struct progress_import_opts o = {.id_column = "codice"};
	struct progress_import_summary s;
	char path[] = "/tmp/cn-generic.XXXXXX";
	int fd = mkstemp(path);
	(void)state;
	assert_true(fd >= 0);
	const char *csv = "codice\n001272\nTorino (TO)\nnessuno\n";
	assert_int_equal(write(fd, csv, strlen(csv)), (ssize_t)strlen(csv));
	close(fd);
	if (progress_import_generic(fuzz_db(), "fuzz", path, &o, &s))
		fail_msg("%s", cn_error(fuzz_db()));
	assert_int_equal(s.matched, 2);
	assert_int_equal(s.nunresolved, 1);
	progress_import_summary_free(&s);
	unlink(path);
}

/* Last: a seed that imports replaces the registry the others need. */
static void replay_istat(void **state)
{
	(void)state;
	assert_true(replay("istat", fuzz_one_istat) >= 2);
}

/* ---- the readers' limits (tests/data/bad/ covers them through the CLI) ---- */

static int csv_error_of(const char *data, size_t len, long *line, const char **msg)
{
	struct csv_reader *r = csv_open(data, len, ',');
	struct csv_record rec;
	int got;
	while ((got = csv_next(r, &rec)) == 1)
		;
	*msg = got < 0 ? csv_error(r, line) : NULL;
	csv_close(r);
	return got;
}

static void csv_limits(void **state)
{
	size_t n = 70 * 1024;
	char *big = malloc(n + 64);
	const char *msg;
	long line;
	(void)state;
	assert_non_null(big);

	/* a field over 64 KiB, plain and quoted; a quote left open */
	memcpy(big, "a,b\nx,", 6);
	memset(big + 6, 'y', n);
	assert_int_equal(csv_error_of(big, n + 6, &line, &msg), -1);
	assert_string_equal(msg, "a field longer than 64 KiB");
	assert_int_equal(line, 2);
	memcpy(big, "a,b\n\"", 5);
	memset(big + 5, 'y', n);
	memcpy(big + 5 + n, "\",z\n", 4);
	assert_int_equal(csv_error_of(big, n + 9, &line, &msg), -1);
	assert_string_equal(msg, "a quoted field longer than 64 KiB (a quote never closed?)");
	/* doubled quotes count too */
	memcpy(big, "\"", 1);
	memset(big + 1, '"', n);
	assert_int_equal(csv_error_of(big, n + 1, &line, &msg), -1);
	assert_int_equal(line, 1);
	/* 64 KiB exactly is still a field */
	memset(big, 'y', 64 * 1024);
	assert_int_equal(csv_error_of(big, 64 * 1024, &line, &msg), 0);

	/* 10,000 fields pass, 10,001 do not */
	memset(big, ',', 9999);
	assert_int_equal(csv_error_of(big, 9999, &line, &msg), 0);
	memset(big, ',', 10000);
	assert_int_equal(csv_error_of(big, 10000, &line, &msg), -1);
	assert_string_equal(msg, "more than 10000 fields in a row");
	free(big);
}

static void bom_inside(void **state)
{
	char *d, err[256];
	size_t len;
	enum text_encoding enc;
	(void)state;
	/* at the start: dropped */
	assert_int_equal(text_load_mem("f", "\xef\xbb\xbf" "a;b\n", 7, &d, &len, &enc, err, sizeof err), 0);
	assert_string_equal(d, "a;b\n");
	assert_int_equal(enc, TEXT_UTF8_BOM);
	free(d);
	/* twice, or inside: two files joined */
	assert_int_equal(text_load_mem("f", "\xef\xbb\xbf\xef\xbb\xbf" "a\n", 8, &d, &len, &enc, err, sizeof err), CN_EDATA);
	assert_string_equal(err, "f:1: encoding: a byte order mark (BOM) inside the file (two files joined?)");
	assert_int_equal(text_load_mem("f", "a\nb\r\nc\xef\xbb\xbf\n", 9, &d, &len, &enc, err, sizeof err), CN_EDATA);
	assert_string_equal(err, "f:3: encoding: a byte order mark (BOM) inside the file (two files joined?)");
	assert_int_equal(text_load_mem("f", "x\xef\xbb\xbf", 4, &d, &len, &enc, err, sizeof err), CN_EDATA);
	/* Latin-1 "ï»" without the third byte is text */
	assert_int_equal(text_load_mem("f", "\xef\xbb" "a", 3, &d, &len, &enc, err, sizeof err), 0);
	assert_int_equal(enc, TEXT_LATIN1);
	free(d);
	/* empty */
	assert_int_equal(text_load_mem("f", "", 0, &d, &len, &enc, err, sizeof err), 0);
	assert_int_equal(len, 0);
	free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_limits),
		cmocka_unit_test(bom_inside),
		cmocka_unit_test(replay_code),
		cmocka_unit_test(replay_fold),
		cmocka_unit_test(replay_textpolicy),
		cmocka_unit_test(replay_escape),
		cmocka_unit_test(replay_contacts),
		cmocka_unit_test(replay_ambiti),
		cmocka_unit_test(replay_limesurvey),
		cmocka_unit_test(generic_import_without_ambiti),
		cmocka_unit_test(replay_istat),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
