/* The registry search on the real 2019 lists (February, then May), one
 * test per way callers say a name: one slip, "comune di", the car-plate
 * code, S./S.ta, a province or region said aloud, words joined or split,
 * bilingual names; the traps (a correct name never below a slip match,
 * names that contain a province's name, homonyms); "did you mean"; the
 * desk's work first among equals. Run from the project root. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/core/core.h"
#include "registry_fixture.h"

#define FEB "tests/data/comuni-2019-02-15.csv"
#define MAY "db/comuni-2019-05-15.csv"
#define NOW "2019-05-20T10:00:00"

/* The February list, then May's, on an empty registry: its mergers learnt. */
static int setup(void **state)
{
	struct rfx *f = rfx_new("test-search", NOW);
	struct registry_import_summary s;

	assert_int_equal(db_exec(f->ctx, "DELETE FROM respondent WHERE kind IN ('comune', 'regione');"
				 " DELETE FROM comune; DELETE FROM provincia; DELETE FROM regione"), 0);
	assert_int_equal(registry_import_istat(f->ctx, FEB, &s), 0);
	assert_int_equal(registry_import_istat(f->ctx, MAY, &s), 0);
	*state = f;
	return 0;
}

static void test_one_slip(void **state)
{
	struct rfx *f = *state;
	assert_string_equal(search_hits(f->ctx, "battiatti", 1), "087045:5");   /* doubled */
	assert_string_equal(search_hits(f->ctx, "regio emilia", 1), "035033:5"); /* missing */
	assert_string_equal(search_hits(f->ctx, "grottammrae", 1), "044023:5");  /* swapped */
	assert_string_equal(search_hits(f->ctx, "grottanmare", 1), "044023:5");  /* wrong */
	assert_string_equal(search_hits(f->ctx, "grottammarre", 1), "044023:5"); /* one too many */
	/* while typing: the slip in an unfinished word */
	assert_string_equal(search_first(f->ctx, "grottamr"), "044023");
	/* words under 5 letters take none ("bar" is not "bra"), two slips none */
	assert_string_equal(search_hits(f->ctx, "grotamrae", 5), "");
}

/* Every match as typed (exact, prefix, word prefix, substring) comes
 * before every slip match. */
static void test_slip_never_above_a_correct_name(void **state)
{
	struct rfx *f = *state;
	static const char *const qs[] = {"calliano", "castro", "forli", "sarno", "rovigo", "bari"};
	for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
		struct registry_hits h;
		int seen_slip = 0;
		assert_int_equal(registry_search(f->ctx, qs[i], 0, &h), 0);
		assert_true(h.n > 0);
		assert_int_equal(h.v[0].rank, 0);
		for (size_t j = 0; j < h.n; j++) {
			if (h.v[j].suppressed)
				continue;
			if (h.v[j].rank == 5)
				seen_slip = 1;
			else if (seen_slip)
				fail_msg("'%s': %s (rank %d) after a slip match", qs[i], h.v[j].name, h.v[j].rank);
		}
		registry_hits_free(&h);
	}
	/* both Callianos, exact, before Galliano */
	assert_string_equal(search_hits(f->ctx, "calliano", 2), "022035:0 005014:0");
}

static void test_comune_di(void **state)
{
	struct rfx *f = *state;
	assert_string_equal(search_hits(f->ctx, "comune di forli", 1), "040012:0");
	assert_string_equal(search_first(f->ctx, "Comune di San Donà"), "027033");
	assert_string_equal(search_first(f->ctx, "comune cervia"), "039007");
}

static void test_plate_code(void **state)
{
	struct rfx *f = *state;
	assert_string_equal(search_hits(f->ctx, "forli (FC)", 1), "040012:0");
	assert_string_equal(search_hits(f->ctx, "Cervia RA", 1), "039007:0");
	assert_string_equal(search_hits(f->ctx, "Lucera - FG", 1), "071028:0");
	/* not a province's code: no filter, nothing found as typed */
	assert_string_equal(search_first(f->ctx, "Lucera - XY"), "");
}

static void test_saint_abbreviations(void **state)
{
	struct rfx *f = *state;
	assert_string_equal(search_hits(f->ctx, "S. Giorgio a Cremano", 1), "063067:0");
	assert_string_equal(search_hits(f->ctx, "s.bonifacio", 1), "023069:0");
	assert_string_equal(search_hits(f->ctx, "S Bonifacio", 1), "023069:0");
	assert_string_equal(search_hits(f->ctx, "Sant Agata li Battiati", 1), "087045:0");
	assert_string_equal(search_hits(f->ctx, "S.Agata li Battiati", 1), "087045:0");
	struct registry_hits h;
	assert_int_equal(registry_search(f->ctx, "S.ta Cristina", 5, &h), 0);
	assert_true(h.n > 0);
	assert_int_equal(strncmp(h.v[0].name, "Santa Cristina", 14), 0);
	registry_hits_free(&h);
	assert_int_equal(registry_search(f->ctx, "S.to Stefano", 5, &h), 0);
	assert_true(h.n > 0);
	assert_int_equal(strncmp(h.v[0].name, "Santo Stefano", 13), 0);
	registry_hits_free(&h);
}

/* Homonyms: the province or region said aloud picks one. */
static void test_homonyms_with_province(void **state)
{
	struct rfx *f = *state;
	assert_string_equal(search_hits(f->ctx, "samone", 2), "001235:0 022165:0");
	assert_string_equal(search_first(f->ctx, "samone torino"), "001235");
	assert_string_equal(search_first(f->ctx, "samone trento"), "022165");
	assert_string_equal(search_first(f->ctx, "torino samone"), "001235");
	assert_string_equal(search_first(f->ctx, "castro lecce"), "075096");
	assert_string_equal(search_first(f->ctx, "castro bergamo"), "016065");
	assert_string_equal(search_first(f->ctx, "calliano trento"), "022035");
	assert_string_equal(search_first(f->ctx, "calliano asti"), "005014");
	assert_string_equal(search_first(f->ctx, "calliano piemonte"), "005014");
	assert_string_equal(search_first(f->ctx, "samone TO"), "001235");
}

/* A province's name inside a comune's name is the name, not a filter. */
static void test_names_containing_a_province(void **state)
{
	struct rfx *f = *state;
	assert_string_equal(search_hits(f->ctx, "Reggio nell'Emilia", 1), "035033:0");
	assert_string_equal(search_hits(f->ctx, "cuneo", 1), "004078:0");
	assert_string_equal(search_hits(f->ctx, "Monte San Pietro", 1), "037042:0");
	assert_string_equal(search_hits(f->ctx, "lucca", 1), "046017:0");
	assert_string_equal(search_hits(f->ctx, "lodi vecchio", 1), "098032:0");
}

static void test_joined_or_split(void **state)
{
	struct rfx *f = *state;
	assert_string_equal(search_first(f->ctx, "sangiovanni in persiceto"), "037053");
	assert_string_equal(search_first(f->ctx, "castelsanpietro"), "037020");
	assert_string_equal(search_first(f->ctx, "castel san pietro"), "037020");
	assert_string_equal(search_first(f->ctx, "grottam mare"), "044023");
}

static void test_bilingual(void **state)
{
	struct rfx *f = *state;
	assert_string_equal(search_hits(f->ctx, "Bolzano/Bozen", 1), "021008:0");
	assert_string_equal(search_hits(f->ctx, "Bozen Bolzano", 1), "021008:0");
	assert_string_equal(search_hits(f->ctx, "Malles Venosta/Mals", 1), "021046:0");
	assert_string_equal(search_hits(f->ctx, "Mals Malles Venosta", 1), "021046:0");
	assert_string_equal(search_hits(f->ctx, "Valle Aurina Ahrntal", 1), "021108:0");
	assert_string_equal(search_hits(f->ctx, "ahrntal", 1), "021108:0");
}

static void test_did_you_mean(void **state)
{
	struct rfx *f = *state;
	struct registry_hits h;
	/* two slips: no match, but the closest names */
	assert_string_equal(search_hits(f->ctx, "grotamrae", 5), "");
	assert_int_equal(registry_suggest(f->ctx, "grotamrae", 3, &h), 0);
	assert_int_equal(h.n, 3);
	assert_string_equal(h.v[0].istat, "044023");
	assert_int_equal(h.v[0].rank, 6);
	registry_hits_free(&h);
	assert_int_equal(registry_suggest(f->ctx, "xqzwv kjh", 3, &h), 0);
	assert_int_equal(h.n, 3); /* something, however far */
	registry_hits_free(&h);
}

/* Among equally good matches, the comune with an open call first, then
 * the one called lately, then population. */
static void test_desk_work_first(void **state)
{
	struct rfx *f = *state;
	/* by population: Samone (TO) 1,600, Samone (TN) 550 */
	assert_string_equal(search_hits(f->ctx, "samone", 2), "001235:0 022165:0");
	assert_int_equal(db_exec(f->ctx,
		"INSERT INTO staff (login, name, role, created_at) VALUES ('op', 'Op', 'assistenza', '2019-01-01T00:00:00Z');"
		"INSERT INTO call (id, started_at, operator, respondent_id, category, state, created_at, updated_at,"
		" closed_at, closed_by) VALUES ('00000000-0000-0000-0000-000000000001', '2019-05-19T09:00:00Z', 'op',"
		" '022165', 'altro', 'chiusa', '2019-05-19T09:00:00Z', '2019-05-19T09:00:00Z', '2019-05-19T09:05:00Z', 'op');"), 0);
	f->ctx->write_gen++; /* db_exec commits outside db_commit */
	/* closed, yesterday: called lately */
	assert_string_equal(search_hits(f->ctx, "samone", 2), "022165:0 001235:0");
	/* an open call (from April) on the other one beats it */
	assert_int_equal(db_exec(f->ctx,
		"INSERT INTO call (id, started_at, operator, respondent_id, category, state, created_at, updated_at)"
		" VALUES ('00000000-0000-0000-0000-000000000002', '2019-04-01T09:00:00Z', 'op', '001235',"
		" 'altro', 'aperta', '2019-04-01T09:00:00Z', '2019-04-01T09:00:00Z');"), 0);
	f->ctx->write_gen++;
	assert_string_equal(search_hits(f->ctx, "samone", 2), "001235:0 022165:0");
	/* a better match still wins over the desk's work */
	assert_string_equal(search_first(f->ctx, "samone trento"), "022165");
}

/* Mergers: learnt at the re-import, recorded by an admin, listed, and a
 * wrong one removed; the search follows each change. */
static void test_successors_listed_and_removed(void **state)
{
	struct rfx *f = *state;
	struct registry_mergers l;
	struct registry_merger was;

	assert_string_equal(search_first(f->ctx, "molvena"), "024059"); /* not learnt */
	assert_int_equal(registry_set_successor(f->ctx, "Molvena", "colceresa", "20/02/2019"), 0);
	assert_string_equal(search_first(f->ctx, "molvena"), "024126");
	assert_int_equal(registry_list_successors(f->ctx, NULL, &l), 0);
	assert_int_equal(l.n, 4); /* Molvena first (earliest), then Conco, Lusiana, Presicce */
	assert_string_equal(l.v[0].istat, "024059");
	assert_string_equal(l.v[0].name, "Molvena");
	assert_string_equal(l.v[0].successor_istat, "024126");
	assert_string_equal(l.v[0].successor_name, "Colceresa");
	assert_string_equal(l.v[0].since, "2019-02-20");
	assert_string_equal(l.v[0].source, "admin");
	assert_string_equal(l.v[1].name, "Conco");
	assert_string_equal(l.v[1].source, "import");
	registry_mergers_free(&l);
	/* one comune: where it is either end */
	assert_int_equal(registry_list_successors(f->ctx, "024127", &l), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].name, "Conco");
	assert_string_equal(l.v[1].name, "Lusiana");
	registry_mergers_free(&l);
	assert_int_equal(registry_list_successors(f->ctx, "samone", &l), CN_EDATA); /* two of them */
	assert_int_equal(l.n, 0);

	/* a supervisor may list, not remove */
	f->ctx->role = CN_ROLE_SUPERVISORE;
	assert_int_equal(registry_list_successors(f->ctx, "conco", &l), 0);
	assert_int_equal(l.n, 1);
	registry_mergers_free(&l);
	assert_int_equal(registry_remove_successor(f->ctx, "conco", &was), CN_ENOPERM);
	assert_null(was.name);
	f->ctx->role = CN_ROLE_ADMIN;

	assert_int_equal(registry_remove_successor(f->ctx, "conco", &was), 0);
	assert_string_equal(was.istat, "024033");
	assert_string_equal(was.successor_name, "Lusiana Conco");
	assert_string_equal(was.source, "import");
	registry_merger_free(&was);
	/* no longer marked nor put first: the suppressed comune after those in force */
	struct registry_hits h;
	assert_int_equal(registry_search(f->ctx, "conco", 60, &h), 0);
	assert_string_not_equal(h.v[0].istat, "024127");
	for (size_t i = 0; i < h.n; i++)
		assert_false(h.v[i].merged);
	registry_hits_free(&h);
	assert_int_equal(registry_remove_successor(f->ctx, "conco", &was), CN_ENOINPUT);
	assert_int_equal(registry_list_successors(f->ctx, NULL, &l), 0);
	assert_int_equal(l.n, 3);
	registry_mergers_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_slip),
		cmocka_unit_test(test_slip_never_above_a_correct_name),
		cmocka_unit_test(test_comune_di),
		cmocka_unit_test(test_plate_code),
		cmocka_unit_test(test_saint_abbreviations),
		cmocka_unit_test(test_homonyms_with_province),
		cmocka_unit_test(test_names_containing_a_province),
		cmocka_unit_test(test_joined_or_split),
		cmocka_unit_test(test_bilingual),
		cmocka_unit_test(test_did_you_mean),
		cmocka_unit_test(test_desk_work_first),
		cmocka_unit_test(test_successors_listed_and_removed),
	};
	return cmocka_run_group_tests(tests, setup, rfx_teardown);
}
