/* The registry through the core: the ISTAT merge (February -> May 2019 on an
 * empty registry, re-import, reactivation, renames), refused lists that
 * change nothing, search ranking (synthetic and real names), the index
 * noticing changes, ambiti rules. Run from the project root (tests/run.sh). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "../../src/core/core.h"
#include "../../src/core/registry_internal.h"
#include "centralino/registry.h"
#include "centralino/setup.h"
#include "centralino/text.h"
#include "registry_fixture.h"

#define FEB "tests/data/comuni-2019-02-15.csv"
#define NOW "2019-05-20T10:00:00"

static int setup(void **state)
{
	*state = rfx_new("test-registry", NOW);
	return 0;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *p;
	long n;
	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	p = malloc((size_t)n + 1);
	assert_int_equal(fread(p, 1, (size_t)n, fp), (size_t)n);
	p[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return p;
}

/* The internal merge in its own transaction, as init does it. */
static int merge(struct cn_ctx *ctx, const char *name, const char *data, size_t len,
		 struct registry_import_summary *s)
{
	int rc;
	assert_int_equal(db_begin(ctx), 0);
	rc = registry_merge_istat(ctx, name, data, len, s);
	if (rc) {
		db_rollback(ctx);
		return rc;
	}
	assert_int_equal(db_commit(ctx), 0);
	return 0;
}

static void merge_feb(struct cn_ctx *ctx, struct registry_import_summary *s)
{
	size_t len;
	char *data = slurp(FEB, &len);
	assert_int_equal(merge(ctx, "feb.csv", data, len, s), 0);
	free(data);
}

static void merge_may(struct cn_ctx *ctx, struct registry_import_summary *s)
{
	size_t len;
	const char *name;
	const char *data = setup_shipped_istat(&len, &name);
	assert_int_equal(merge(ctx, name, data, len, s), 0);
}

#define assert_summary(s, r, a, su, re, up, un) do { \
	assert_int_equal((s).read, r); assert_int_equal((s).added, a); \
	assert_int_equal((s).suppressed, su); assert_int_equal((s).renamed, re); \
	assert_int_equal((s).updated, up); assert_int_equal((s).unchanged, un); } while (0)

static long long scalar(struct cn_ctx *ctx, const char *sql)
{
	long long v;
	assert_int_equal(db_scalar_int(ctx, &v, sql, (char *)NULL), 0);
	return v;
}

/* Everything the registry holds, as one string: "nothing changed" checks. */
static char *registry_text(struct cn_ctx *ctx)
{
	static const char *const sql[] = {
		"SELECT * FROM comune ORDER BY istat", "SELECT * FROM comune_former_name ORDER BY istat, name",
		"SELECT * FROM provincia ORDER BY code", "SELECT * FROM regione ORDER BY code",
		"SELECT * FROM ambito ORDER BY code", "SELECT * FROM ambito_member ORDER BY istat",
		"SELECT count(*) FROM audit_log"};
	struct cn_buf b = {0};
	for (size_t q = 0; q < sizeof sql / sizeof sql[0]; q++) {
		sqlite3_stmt *st;
		assert_int_equal(db_prepare(ctx, &st, sql[q]), 0);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(st); c++)
				buf_printf(&b, "%s|", db_col(st, c));
			buf_puts(&b, "\n");
		}
		sqlite3_finalize(st);
	}
	return b.p ? b.p : strdup("");
}

/* Fails unless the registry holds what it held when `before` was taken
 * (registry_text); frees it. */
static void assert_unchanged(struct cn_ctx *ctx, char *before)
{
	char *after = registry_text(ctx);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

/* ---- the real lists ---- */

static void test_feb_then_may_on_empty_registry(void **state)
{
	struct rfx *f = *state;
	struct registry_import_summary s;
	struct registry_stats st;
	struct registry_comune c;

	merge_feb(f->ctx, &s);
	assert_summary(s, 7917, 7917, 0, 0, 0, 0);
	merge_may(f->ctx, &s);
	/* Conco, Lusiana, Mason Vicentino, Molvena, Acquarica del Capo and
	 * Presicce merged into Lusiana Conco, Colceresa, Presicce-Acquarica;
	 * Negrar became Negrar di Valpolicella; Cadrezzate con Osmate got its
	 * cadastral code */
	assert_summary(s, 7914, 3, 6, 1, 1, 7909);
	assert_int_equal(registry_stats(f->ctx, &st), 0);
	assert_int_equal(st.comuni_active, 7914);
	assert_int_equal(st.comuni_suppressed, 6);
	assert_int_equal(st.regions, 20);
	assert_int_equal(st.bilingual, 124);
	assert_int_equal(st.capoluoghi, 109);
	assert_int_equal(st.former_names, 1);
	assert_int_equal(scalar(f->ctx, "SELECT count(*) FROM comune WHERE suppressed_on = '2019-05-20'"
		" AND istat IN ('024033','024054','024058','024059','075001','075062')"), 6);
	assert_int_equal(scalar(f->ctx, "SELECT count(*) FROM comune WHERE suppressed_on IS NULL"
		" AND istat IN ('024126','024127','075098')"), 3);
	/* the suppressed keep their respondent rows, inactive */
	assert_int_equal(scalar(f->ctx, "SELECT count(*) FROM respondent WHERE kind = 'comune' AND active = 0"), 6);

	assert_int_equal(registry_get(f->ctx, "023052", &c), 0);
	assert_string_equal(c.name, "Negrar di Valpolicella");
	assert_int_equal(c.nformer, 1);
	assert_string_equal(c.former_names[0], "Negrar");
	registry_comune_free(&c);
	assert_int_equal(registry_get(f->ctx, "012143", &c), 0);
	assert_string_equal(c.cadastral, "M425");
	assert_string_equal(c.updated_on, "2019-05-20");
	registry_comune_free(&c);
	assert_int_equal(registry_get(f->ctx, "024033", &c), 0);
	assert_string_equal(c.name, "Conco");
	assert_string_equal(c.suppressed_on, "2019-05-20");
	registry_comune_free(&c);
}

static void test_reimport_changes_nothing(void **state)
{
	struct rfx *f = *state;
	struct registry_import_summary s;
	char *before;

	merge_may(f->ctx, &s);
	assert_summary(s, 7914, 7914, 0, 0, 0, 0);
	before = registry_text(f->ctx);
	merge_may(f->ctx, &s);
	assert_summary(s, 7914, 0, 0, 0, 0, 7914);
	assert_unchanged(f->ctx, before);
}

/* init (May), then February, then May again: what the desk would see. */
static void test_may_feb_may_reactivates(void **state)
{
	struct rfx *f = *state;
	struct registry_import_summary s;
	struct registry_comune c;

	merge_may(f->ctx, &s);
	merge_feb(f->ctx, &s);
	assert_summary(s, 7917, 6, 3, 1, 1, 7909);
	merge_may(f->ctx, &s);
	/* the 3 merged comuni come back: updated, not added */
	assert_summary(s, 7914, 0, 6, 1, 4, 7909);
	assert_int_equal(scalar(f->ctx, "SELECT count(*) FROM comune WHERE suppressed_on IS NULL"), 7914);
	/* renamed there and back: the current name is not a former name */
	assert_int_equal(registry_get(f->ctx, "023052", &c), 0);
	assert_string_equal(c.name, "Negrar di Valpolicella");
	assert_int_equal(c.nformer, 1);
	assert_string_equal(c.former_names[0], "Negrar");
	registry_comune_free(&c);
}

static void test_bom_utf8_equals_latin1(void **state)
{
	struct rfx *f = *state;
	struct registry_import_summary s;
	size_t len, ulen;
	char *raw = slurp(FEB, &len), *u = text_latin1_to_utf8(raw, len, &ulen);
	char *bom = malloc(ulen + 3), *a, *b;

	memcpy(bom, "\xef\xbb\xbf", 3);
	memcpy(bom + 3, u, ulen);
	assert_int_equal(merge(f->ctx, "feb.csv", raw, len, &s), 0);
	a = registry_text(f->ctx);
	/* a second database from the UTF-8 copy */
	cn_ctx_close(f->ctx);
	snprintf(f->fx.db, sizeof f->fx.db, "%s/u.db", f->fx.dir);
	f->ctx = rfx_open(&f->fx, NOW, CN_ROLE_ADMIN);
	assert_int_equal(merge(f->ctx, "feb.csv", bom, ulen + 3, &s), 0);
	assert_summary(s, 7917, 7917, 0, 0, 0, 0);
	b = registry_text(f->ctx);
	assert_string_equal(a, b);
	assert_non_null(strstr(b, "San Floriano del Collio|\xc5\xa0teverjan|"));
	free(a);
	free(b);
	free(raw);
	free(u);
	free(bom);
}

/* ---- synthetic lists ---- */

static const char header[] =
	"Codice Regione;\"Codice dell'Unit\xc3\xa0 territoriale sovracomunale \r\n(valida a fini statistici)\";"
	"Codice Provincia (Storico)(1);Progressivo del Comune (2);Codice Comune formato alfanumerico;"
	"Denominazione (Italiana e straniera);Denominazione in italiano;Denominazione altra lingua;"
	"Codice Ripartizione Geografica;Ripartizione geografica;Denominazione regione;"
	"\"Denominazione dell'Unit\xc3\xa0 territoriale sovracomunale \r\n(valida a fini statistici)\";"
	"Flag Comune capoluogo di provincia/citt\xc3\xa0 metropolitana/libero consorzio;Sigla automobilistica;"
	"Codice Comune formato numerico;Codice Comune numerico con 110 province (dal 2010 al 2016);"
	"Codice Comune numerico con 107 province (dal 2006 al 2009);"
	"Codice Comune numerico con 103 province (dal 1995 al 2005);Codice Catastale del comune;"
	"Popolazione legale 2011 (09/10/2011);NUTS1;NUTS2(3) ;NUTS3\r\n";

/* One ISTAT row; prov "001" is TO, anything else VC. */
static void row(struct cn_buf *b, const char *istat, const char *name, const char *other,
		const char *pop, const char *cad)
{
	int to = strncmp(istat, "001", 3) == 0;
	buf_printf(b, "01;%s;%.3s; %s ;%s;%s%s%s;%s;%s;1;Nord-ovest;Piemonte;%s;0;%s;%d;%d;%d;%d;%s;%s;ITC;ITC1;ITC11\r\n",
		   to ? "201" : "002", istat, istat + 3, istat, name, *other ? "/" : "", other, name, other,
		   to ? "Torino" : "Vercelli", to ? "TO" : "VC", atoi(istat), atoi(istat), atoi(istat),
		   atoi(istat), cad, pop);
}

static void merge_buf(struct cn_ctx *ctx, struct cn_buf *b, struct registry_import_summary *s)
{
	assert_int_equal(merge(ctx, "x.csv", b->p, b->len, s), 0);
	buf_free(b);
}

/* A comune of the synthetic list: ISTAT code, name, other-language name,
 * population, cadastral code. */
struct crow {
	const char *istat, *name, *other, *pop, *cad;
};

static const struct crow ranking_rows[] = {
	{"001001", "Roma", "", "100", "A001"},         {"001002", "Romano Canavese", "", "500", "A002"},
	{"001003", "Romagnano", "", "900", "A003"},    {"001004", "Santa Roma", "", "1.000", "A004"},
	{"001005", "Aroma", "", "2.000", "A005"},      {"001006", "Roma Vecchia", "", "5.000", "A006"},
	{"002001", "Romanico", "", "700", "B001"},     {"002002", "Borgo San Romano", "Burg Sankt Roman", "50", "B002"},
};

/* The synthetic list of the ranking tests into b, header first: Roma
 * Vecchia (001006) only when with_vecchia; a row of `changes` in place of
 * the one with its ISTAT code. */
static void ranking_list(struct cn_buf *b, int with_vecchia, const struct crow *changes, size_t nchanges)
{
	buf_puts(b, header);
	for (size_t i = 0; i < sizeof ranking_rows / sizeof ranking_rows[0]; i++) {
		const struct crow *r = &ranking_rows[i];
		if (!with_vecchia && strcmp(r->istat, "001006") == 0)
			continue;
		for (size_t k = 0; k < nchanges; k++)
			if (strcmp(changes[k].istat, r->istat) == 0)
				r = &changes[k];
		row(b, r->istat, r->name, r->other, r->pop, r->cad);
	}
}

static void load_ranking_list(struct cn_ctx *ctx)
{
	struct cn_buf b = {0};
	struct registry_import_summary s;
	ranking_list(&b, 1, NULL, 0);
	merge_buf(ctx, &b, &s);
	assert_summary(s, 8, 8, 0, 0, 0, 0);
	/* Roma Vecchia leaves the list: suppressed */
	ranking_list(&b, 0, NULL, 0);
	merge_buf(ctx, &b, &s);
	assert_summary(s, 7, 0, 1, 0, 0, 7);
}

static void test_ranking(void **state)
{
	struct rfx *f = *state;
	load_ranking_list(f->ctx);
	/* exact, then name prefixes by population (Romagnano 900, Romanico
	 * 700, Romano Canavese 500), then word prefixes (Santa Roma 1000,
	 * Borgo San Romano 50), then substrings (Aroma), suppressed last */
	assert_string_equal(search_hits(f->ctx, "roma", 0),
			    "001001:0 001003:1 002001:1 001002:1 001004:2 002002:2 001005:3 !001006:1");
	assert_string_equal(search_hits(f->ctx, "roma", 3), "001001:0 001003:1 002001:1");
	/* the same through the fast path (enough name prefixes for the limit) */
	assert_string_equal(search_hits(f->ctx, "rom", 2), "001003:1 002001:1");
	assert_string_equal(search_hits(f->ctx, "rom", 0),
			    "001003:1 002001:1 001002:1 001001:1 001004:2 002002:2 001005:3 !001006:1");
	/* words in order, each a prefix of a word */
	assert_string_equal(search_hits(f->ctx, "b s rom", 0), "002002:2");
	/* a name prefix is the whole query: this is a word prefix */
	assert_string_equal(search_hits(f->ctx, "rom can", 0), "001002:2");
	assert_string_equal(search_hits(f->ctx, "can rom", 0), "");
	/* other-language name, exact */
	assert_string_equal(search_hits(f->ctx, "Burg Sankt Roman", 0), "002002:0");
	/* substring inside a word */
	assert_string_equal(search_hits(f->ctx, "agna", 0), "001003:3");
	/* typed without spaces, from a word start only */
	assert_string_equal(search_hits(f->ctx, "santaroma", 0), "001004:3");
	assert_string_equal(search_hits(f->ctx, "aroma", 1), "001005:0");
	/* province filter, both spellings, and alone */
	assert_string_equal(search_hits(f->ctx, "pr:VC rom", 0), "002001:1 002002:2");
	assert_string_equal(search_hits(f->ctx, "vc: rom", 0), "002001:1 002002:2");
	assert_string_equal(search_hits(f->ctx, "VC:rom", 0), "002001:1 002002:2");
	assert_string_equal(search_hits(f->ctx, "pr:vc", 0), "002001:1 002002:1");
	assert_string_equal(search_hits(f->ctx, "pr:XX roma", 0), "");
	/* codes */
	assert_string_equal(search_hits(f->ctx, "001004", 0), "001004:4");
	assert_string_equal(search_hits(f->ctx, "00200", 0), "002001:4 002002:4");
	assert_string_equal(search_hits(f->ctx, "b002", 0), "002002:4");
	assert_string_equal(search_hits(f->ctx, "A006", 0), "!001006:4");
	/* nothing typed, nothing found */
	assert_string_equal(search_hits(f->ctx, "", 0), "");
	assert_string_equal(search_hits(f->ctx, "  '- ", 0), "");
	assert_string_equal(search_hits(f->ctx, "zzz", 0), "");
}

static void test_hit_fields(void **state)
{
	struct rfx *f = *state;
	struct registry_hits h;
	load_ranking_list(f->ctx);
	assert_int_equal(registry_search(f->ctx, "borgo", 5, &h), 0);
	assert_int_equal(h.n, 1);
	assert_string_equal(h.v[0].istat, "002002");
	assert_string_equal(h.v[0].name, "Borgo San Romano");
	assert_string_equal(h.v[0].name_other, "Burg Sankt Roman");
	assert_null(h.v[0].matched);
	assert_string_equal(h.v[0].sigla, "VC");
	assert_string_equal(h.v[0].regione, "Piemonte");
	assert_int_equal(h.v[0].population, 50);
	assert_int_equal(h.v[0].suppressed, 0);
	registry_hits_free(&h);
	assert_int_equal(registry_search(f->ctx, "roma", 1, &h), 0);
	assert_null(h.v[0].name_other);
	registry_hits_free(&h);
	assert_null(h.v);
	assert_int_equal(h.n, 0);
}

static void test_rename_keeps_former_name(void **state)
{
	struct rfx *f = *state;
	struct cn_buf b = {0};
	struct registry_import_summary s;
	struct registry_hits h;

	load_ranking_list(f->ctx);
	static const struct crow changes[] = {{"001001", "Roma Capitale", "", "100", "A001"},
					      {"001005", "Aroma", "", "2.100", "A005"}};
	ranking_list(&b, 0, changes, 2);
	merge_buf(f->ctx, &b, &s);
	assert_summary(s, 7, 0, 0, 1, 1, 5);
	/* the old name still finds it, and says so */
	assert_int_equal(registry_search(f->ctx, "roma", 1, &h), 0);
	assert_int_equal(h.n, 1);
	assert_string_equal(h.v[0].istat, "001001");
	assert_string_equal(h.v[0].name, "Roma Capitale");
	assert_string_equal(h.v[0].matched, "Roma");
	assert_int_equal(h.v[0].rank, 0);
	registry_hits_free(&h);
	/* found by its new name: nothing "matched" */
	assert_int_equal(registry_search(f->ctx, "roma capitale", 1, &h), 0);
	assert_null(h.v[0].matched);
	registry_hits_free(&h);
}

static void test_refused_lists_change_nothing(void **state)
{
	struct rfx *f = *state;
	static const struct {
		const char *rows, *msg;
	} cases[] = {
		{"01;201;001; 001 ;00100;X;X;;1;Nord-ovest;Piemonte;Torino;0;TO;1;1;1;1;A001;10;ITC;ITC1;ITC11\r\n",
		 "x.csv:4: codice comune: '00100' is not a 6-digit ISTAT code"},
		{"01;201;001; 001 ;001001;;;;1;Nord-ovest;Piemonte;Torino;0;TO;1;1;1;1;A001;10;ITC;ITC1;ITC11\r\n",
		 "x.csv:4: denominazione: empty"},
		{"01;201;001; 001 ;001001;X;X;;1;Nord-ovest;Piemonte;Torino;0;T0;1;1;1;1;A001;10;ITC;ITC1;ITC11\r\n",
		 "x.csv:4: sigla automobilistica: 'T0' is not a 2-letter car-plate code"},
		{"01;201;001; 001 ;001001;X;X;;1;Nord-ovest;Piemonte;Torino;0;TO;1;1;1;1;A001;2.64;ITC;ITC1;ITC11\r\n",
		 "x.csv:4: popolazione legale: '2.64' is not a number"},
		{"01;201;001; 001 ;001001;X;X;;1;Nord-ovest;Piemonte;Torino;2;TO;1;1;1;1;A001;10;ITC;ITC1;ITC11\r\n",
		 "x.csv:4: capoluogo: '2' is neither 0 nor 1"},
		{"01;201;001; 001 ;001001;X;X;;1;Nord-ovest;Piemonte;Torino;0;TO;1;1;1;1;A001;10;ITC;ITC1;ITC11;extra\r\n",
		 "x.csv:4: columns: 24 fields where the header has 23"},
		{"01;201;001; 001 ;001001;X;X;;1;Nord-ovest;Piemonte;Torino;0;TO;1;1;1;1;A001;10;ITC;ITC1;ITC11\r\n"
		 "01;201;001; 001 ;001001;Y;Y;;1;Nord-ovest;Piemonte;Torino;0;TO;1;1;1;1;A002;10;ITC;ITC1;ITC11\r\n",
		 "x.csv:5: codice comune: 001001 already on line 4"},
		{"01;201;001; 001 ;001001;X;X;;1;Nord-ovest;Piemonte;Torino;0;TO;1;1;1;1;A001;10;ITC;ITC1;ITC11\r\n"
		 "01;201;001; 002 ;001002;Y;Y;;1;Nord-ovest;Piemont;Torino;0;TO;1;1;1;1;A002;10;ITC;ITC1;ITC11\r\n",
		 "x.csv:5: regione: region 01 is 'Piemont' here and 'Piemonte' on line 4"},
		{"01;201;001; 001 ;001001;X;X;;1;Nord-ovest;Piemonte;Torino;0;TO;1;1;1;1;A0;10;ITC;ITC1;ITC11\r\n",
		 "x.csv:4: codice catastale: 'A0' is not a cadastral code (letter and 3 digits)"},
		{"01;201;001; 001 ;001001;X;X;;1;Nord-ovest;Piemonte;Torino;0;TO;1;1;1;1;A001;10;ITC;ITC1;\"ITC11\r\n",
		 "x.csv:4: csv: quote opened here is never closed"},
		{"", "x.csv:1: rows: no comuni after the header"},
	};
	struct registry_import_summary s;
	char *before;

	load_ranking_list(f->ctx);
	before = registry_text(f->ctx);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct cn_buf b = {0};
		buf_puts(&b, header);
		buf_puts(&b, cases[i].rows);
		assert_int_equal(registry_import_istat_mem(f->ctx, "x.csv", b.p, b.len, &s), CN_EDATA);
		assert_string_equal(cn_error(f->ctx), cases[i].msg);
		assert_int_equal(s.read, 0);
		buf_free(&b);
	}
	/* not ISTAT's list at all, or nothing */
	assert_int_equal(registry_import_istat_mem(f->ctx, "x.csv", "a;b;c\r\n1;2;3\r\n", 14, &s), CN_EDATA);
	assert_string_equal(cn_error(f->ctx), "x.csv:1: header: no column \"Codice Regione\": "
			    "this is not ISTAT's list of comuni (Elenco dei comuni italiani)");
	assert_int_equal(registry_import_istat_mem(f->ctx, "x.csv", "", 0, &s), CN_EDATA);
	assert_string_equal(cn_error(f->ctx), "x.csv:1: header: the file is empty");
	assert_int_equal(registry_import_istat_mem(f->ctx, "x.csv", "\r\n\r\n", 4, &s), CN_EDATA);
	assert_string_equal(cn_error(f->ctx), "x.csv:1: header: the file is empty");
	assert_unchanged(f->ctx, before);
}

static void test_import_writes_one_audit_row(void **state)
{
	struct rfx *f = *state;
	struct registry_import_summary s;
	struct cn_buf b = {0};
	load_ranking_list(f->ctx);
	buf_puts(&b, header);
	row(&b, "001001", "Roma", "", "100", "A001");
	assert_int_equal(registry_import_istat_mem(f->ctx, "x.csv", b.p, b.len, &s), 0);
	assert_summary(s, 1, 0, 6, 0, 0, 1);
	assert_int_equal(scalar(f->ctx, "SELECT count(*) FROM audit_log WHERE action = 'import_istat'"
		" AND object_id = 'x.csv' AND details = '{\"read\":1,\"added\":0,\"suppressed\":6,\"renamed\":0,\"updated\":0,\"unchanged\":1,\"joined\":0}'"), 1);
	assert_int_equal(scalar(f->ctx, "SELECT count(*) FROM audit_log"), 1);
	buf_free(&b);
}

static void test_permissions(void **state)
{
	struct rfx *f = *state;
	struct registry_import_summary s;
	struct registry_ambiti_summary as;
	struct registry_hits h;
	struct registry_stats st;

	load_ranking_list(f->ctx);
	f->ctx->role = CN_ROLE_SUPERVISORE;
	assert_int_equal(registry_import_istat(f->ctx, FEB, &s), CN_ENOPERM);
	assert_int_equal(registry_import_ambiti(f->ctx, "tests/data/ambiti-sample.csv", &as), CN_ENOPERM);
	f->ctx->role = CN_ROLE_ASSISTENZA;
	assert_int_equal(registry_search(f->ctx, "roma", 5, &h), 0);
	registry_hits_free(&h);
	assert_int_equal(registry_stats(f->ctx, &st), 0);
	f->ctx->role = CN_ROLE_NONE;
	assert_int_equal(registry_search(f->ctx, "roma", 5, &h), CN_ENOPERM);
}

/* ---- search on the real list ---- */

static void test_real_queries(void **state)
{
	struct rfx *f = *state;
	struct registry_import_summary s;
	struct registry_hits h;

	merge_may(f->ctx, &s);
	assert_string_equal(search_first(f->ctx, "forli"), "040012");
	assert_string_equal(search_first(f->ctx, "Forli'"), "040012");
	assert_string_equal(search_first(f->ctx, "FORL\xc3\x8c"), "040012");
	assert_string_equal(search_first(f->ctx, "sant agata li"), "087045");
	assert_string_equal(search_first(f->ctx, "s g pers"), "037053");
	assert_string_equal(search_first(f->ctx, "bozen"), "021008");
	assert_string_equal(search_first(f->ctx, "001272"), "001272");
	assert_string_equal(search_first(f->ctx, "L219"), "001272");
	assert_string_equal(search_first(f->ctx, "pr:TO moncalieri"), "001156");
	assert_string_equal(search_first(f->ctx, "torino"), "001272");
	assert_string_equal(search_first(f->ctx, "aglie"), "001001");
	assert_string_equal(search_first(f->ctx, "eppan"), "021004");
	/* Reggio nell'Emilia before Reggio di Calabria */
	assert_int_equal(registry_search(f->ctx, "reggio em", 0, &h), 0);
	assert_true(h.n >= 1);
	assert_string_equal(h.v[0].istat, "035033");
	for (size_t i = 1; i < h.n; i++)
		assert_string_not_equal(h.v[i].istat, "035033");
	registry_hits_free(&h);
	assert_int_equal(registry_search(f->ctx, "reggio", 0, &h), 0);
	assert_true(h.n >= 2);
	assert_string_equal(h.v[0].istat, "080063"); /* Reggio di Calabria: larger */
	assert_string_equal(h.v[1].istat, "035033");
	registry_hits_free(&h);
}

/* The fast path (enough name prefixes for the limit) must give exactly the
 * head of the full ranking, for every short prefix people type. */
static void test_limit_is_head_of_full_ranking(void **state)
{
	struct rfx *f = *state;
	struct registry_import_summary s;
	static const char *const qs[] = {"a", "b", "c", "ca", "cas", "s", "sa", "san", "san g", "m", "mo",
		"mon", "p", "pi", "r", "ro", "v", "vi", "t", "to", "x", "z", "za", "l", "la", "co", "mont"};
	merge_may(f->ctx, &s);
	for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
		char full[4096];
		snprintf(full, sizeof full, "%s", search_hits(f->ctx, qs[i], 0));
		for (int limit = 1; limit <= 64; limit *= 4) {
			const char *head = search_hits(f->ctx, qs[i], limit);
			size_t n = strlen(head);
			if (strncmp(full, head, n) != 0 || (full[n] != ' ' && full[n] != '\0'))
				fail_msg("'%s' limit %d: %s is not the head of the full ranking", qs[i], limit, head);
		}
	}
}

static void test_index_sees_other_process(void **state)
{
	struct rfx *f = *state;
	struct registry_import_summary s;
	struct cn_ctx *other;
	struct cn_buf b = {0};

	load_ranking_list(f->ctx);
	assert_string_equal(search_hits(f->ctx, "aroma", 1), "001005:0");
	/* another connection renames Aroma */
	other = rfx_open(&f->fx, NOW, CN_ROLE_ADMIN);
	static const struct crow aromatica = {"001005", "Aromatica", "", "2.000", "A005"};
	ranking_list(&b, 0, &aromatica, 1);
	assert_int_equal(registry_import_istat_mem(other, "y.csv", b.p, b.len, &s), 0);
	assert_int_equal(s.renamed, 1);
	buf_free(&b);
	cn_ctx_close(other);
	assert_string_equal(search_hits(f->ctx, "aromatica", 0), "001005:0");
	/* a commit elsewhere that is not the registry keeps the index */
	other = rfx_open(&f->fx, NOW, CN_ROLE_ADMIN);
	assert_int_equal(db_exec(other, "INSERT INTO meta (key, value) VALUES ('x', 'y')"), 0);
	cn_ctx_close(other);
	assert_string_equal(search_hits(f->ctx, "aromatica", 0), "001005:0");
}

/* ---- ambiti ---- */

static const char *write_file(struct rfx *f, const char *name, const char *text)
{
	static char path[192];
	FILE *fp;
	snprintf(path, sizeof path, "%s/%s", f->fx.dir, name);
	fp = fopen(path, "wb");
	fputs(text, fp);
	fclose(fp);
	return path;
}

static void test_ambiti(void **state)
{
	struct rfx *f = *state;
	struct registry_import_summary s;
	struct registry_ambiti_summary a;
	struct registry_comune c;
	struct registry_stats st;
	const char *p;

	merge_may(f->ctx, &s);
	assert_int_equal(registry_import_ambiti(f->ctx, "tests/data/ambiti-sample.csv", &a), 0);
	assert_int_equal(a.read, 6);
	assert_int_equal(a.ambiti, 1);
	assert_int_equal(a.members, 6);
	assert_int_equal(a.added, 1);
	assert_int_equal(registry_get(f->ctx, "001214", &c), 0); /* Rivalta di Torino */
	assert_string_equal(c.ambito_code, "CIDIS");
	assert_string_equal(c.ambito_name, "CIdiS - Consorzio intercomunale di servizi");
	assert_int_equal(c.capofila, 0);
	assert_string_equal(c.capofila_istat, "001171");
	assert_string_equal(c.capofila_name, "Orbassano");
	registry_comune_free(&c);
	assert_int_equal(registry_get(f->ctx, "001171", &c), 0);
	assert_int_equal(c.capofila, 1);
	registry_comune_free(&c);
	assert_int_equal(registry_get(f->ctx, "001272", &c), 0);
	assert_null(c.ambito_code);
	registry_comune_free(&c);

	/* again: unchanged */
	assert_int_equal(registry_import_ambiti(f->ctx, "tests/data/ambiti-sample.csv", &a), 0);
	assert_int_equal(a.unchanged, 1);
	assert_int_equal(a.updated, 0);

	/* the file replaces the members of the ambiti it names; ',' works,
	 * leading zeros may be lost to a spreadsheet */
	p = write_file(f, "a2.csv",
		"codice_ambito,denominazione,codice_istat,capofila\r\n"
		"CIDIS,CIdiS,1171,1\r\n"
		"CIDIS,CIdiS,1024,0\r\n"
		"TO-1,Torino,001272,1\r\n");
	assert_int_equal(registry_import_ambiti(f->ctx, p, &a), 0);
	assert_int_equal(a.added, 1);
	assert_int_equal(a.updated, 1);
	assert_int_equal(registry_get(f->ctx, "001214", &c), 0);
	assert_null(c.ambito_code);
	registry_comune_free(&c);
	assert_int_equal(registry_stats(f->ctx, &st), 0);
	assert_int_equal(st.ambiti, 2);
	assert_int_equal(scalar(f->ctx, "SELECT count(*) FROM ambito_member"), 3);
	assert_int_equal(scalar(f->ctx, "SELECT count(*) FROM respondent WHERE id = 'AMB:TO-1'"), 1);
}

static void test_ambiti_rules(void **state)
{
	struct rfx *f = *state;
	static const struct {
		const char *text, *msg;
	} cases[] = {
		{"codice_ambito;denominazione;codice_istat;capofila\nA;Uno;001001;1\nA;Uno;999999;0\n",
		 "%s:3: codice_istat: no comune with ISTAT code 999999"},
		{"codice_ambito;denominazione;codice_istat;capofila\nA;Uno;001001;1\nA;Uno;001002;1\n",
		 "%s:3: capofila: ambito A already has its capofila on line 2"},
		{"codice_ambito;denominazione;codice_istat;capofila\nA;Uno;001001;1\nB;Due;001002;0\n",
		 "%s:3: capofila: ambito B has no capofila (one member must have 1)"},
		{"codice_ambito;denominazione;codice_istat;capofila\nA;Uno;001001;1\nB;Due;001001;1\n",
		 "%s:3: codice_istat: 001001 is already on line 2 (ambito A)"},
		{"codice_ambito;denominazione;codice_istat;capofila\nA;Uno;001001;1\nA;Un altro;001002;0\n",
		 "%s:3: denominazione: ambito A is called 'Uno' on line 2"},
		{"codice_ambito;denominazione;codice_istat;capofila\nA;Uno;001001;si\n",
		 "%s:2: capofila: 'si' is neither 1 nor 0"},
		{"codice_ambito;denominazione;codice_istat;capofila\nA;Uno;Torino;1\n",
		 "%s:2: codice_istat: 'Torino' is not an ISTAT code (6 digits)"},
		{"codice_ambito;denominazione;codice_istat;capofila\n;Uno;001001;1\n",
		 "%s:2: codice_ambito: empty"},
		{"codice_ambito;denominazione;codice_istat;capofila\nA;Uno;001001;1;x\n",
		 "%s:2: columns: 5 fields where the header has 4"},
		{"ambito;nome;istat;capofila\nA;Uno;001001;1\n",
		 "%s:1: header: expected \"codice_ambito;denominazione;codice_istat;capofila\""},
		{"codice_ambito;denominazione;codice_istat;capofila\n",
		 "%s:1: rows: no ambiti after the header"},
		{"", "%s:1: header: the file is empty"},
		/* Conco was suppressed before this list */
		{"codice_ambito;denominazione;codice_istat;capofila\nA;Uno;024033;1\n",
		 "%s:2: codice_istat: 024033 (Conco) was suppressed on 2019-05-20"},
		/* Orbassano is in CIDIS, which this file does not name */
		{"codice_ambito;denominazione;codice_istat;capofila\nA;Uno;001171;1\n",
		 "%s:2: codice_istat: 001171 (Orbassano) belongs to ambito CIDIS, which is not in this file"},
	};
	struct registry_import_summary s;
	struct registry_ambiti_summary a;
	char *before, want[512];

	merge_feb(f->ctx, &s);
	merge_may(f->ctx, &s);
	assert_int_equal(registry_import_ambiti(f->ctx, "tests/data/ambiti-sample.csv", &a), 0);
	before = registry_text(f->ctx);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *p = write_file(f, "bad.csv", cases[i].text);
		assert_int_equal(registry_import_ambiti(f->ctx, p, &a), CN_EDATA);
		snprintf(want, sizeof want, cases[i].msg, p);
		assert_string_equal(cn_error(f->ctx), want);
	}
	assert_int_equal(registry_import_ambiti(f->ctx, "/nonexistent/ambiti.csv", &a), CN_ENOINPUT);
	assert_unchanged(f->ctx, before);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, rfx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_feb_then_may_on_empty_registry),
		T(test_reimport_changes_nothing),
		T(test_may_feb_may_reactivates),
		T(test_bom_utf8_equals_latin1),
		T(test_ranking),
		T(test_hit_fields),
		T(test_rename_keeps_former_name),
		T(test_refused_lists_change_nothing),
		T(test_import_writes_one_audit_row),
		T(test_permissions),
		T(test_real_queries),
		T(test_limit_is_head_of_full_ranking),
		T(test_index_sees_other_process),
		T(test_ambiti),
		T(test_ambiti_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
