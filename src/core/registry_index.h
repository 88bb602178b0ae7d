/* The in-memory search index of the registry, shared by the files that
 * build and search it (registry_search.c: index and exact passes;
 * registry_query.c: what the operator typed; registry_slip.c: one slip per
 * word and "did you mean"). */
#ifndef CENTRALINO_REGISTRY_INDEX_H
#define CENTRALINO_REGISTRY_INDEX_H

#include <stdint.h>

#include "registry_internal.h"

enum { KEY_NAME, KEY_OTHER, KEY_BOTH, KEY_FORMER, KEY_SUCCESSOR };

/* How good a match is, best first. A query can be read several ways: as
 * typed, or with a province or region said in it taken as a filter
 * ("castro lecce"); a reading with a filter ranks after every match as
 * typed of the same kind of match, below exact, prefix and word prefix as
 * typed. A slip match ranks after all of those and after substrings. */
enum {
	LV_EXACT, LV_PREFIX, LV_WORD,
	LV_EXACT_F, LV_PREFIX_F, LV_WORD_F,
	LV_SUBSTRING, LV_SUBSTRING_F,
	LV_SLIP, LV_SLIP_F,
	LV_CODE, NLEVELS
};

struct rx_comune {
	char istat[7], sigla[3], cad[5];
	unsigned char suppressed;
	unsigned char tier;          /* 0 open call, 1 called lately, 2 neither */
	uint16_t prov;               /* provincia code as a number */
	uint8_t reg;                 /* regione code as a number */
	long population;
	size_t name, other, regione; /* offsets into strings ("" = none) */
};

struct rx_key {
	uint64_t mask;               /* letters and digits present (letter_mask) */
	uint64_t pairs;              /* adjacent letters, spaces skipped (pair_mask) */
	uint32_t comune;
	uint32_t kind;
	size_t display;              /* former name as written (KEY_FORMER, KEY_SUCCESSOR) */
	size_t since;                /* and since when, YYYY-MM-DD (offset, 0 = unknown) */
	uint32_t word0, nwords;      /* its words in kwords */
};

/* A name a caller may say for a province or region ("lecce", "trento",
 * "bozen", "emilia romagna"), folded. */
struct rx_area {
	size_t text;                 /* offset into strings */
	int prov, reg;               /* what it names (-1 = not that) */
};

struct rx_index {
	struct rx_comune *c;         /* by population, largest first */
	size_t nc;
	struct rx_key *k;            /* each comune's keys together, in comune order */
	size_t nk;
	char *keys;                  /* "key\n" for every key, in the same order */
	uint32_t *kstart;            /* nk + 1 offsets into keys */
	uint32_t *alpha;             /* key numbers sorted by folded key */
	uint32_t *byistat;           /* comune numbers sorted by ISTAT code */
	char *strings;
	struct rx_area *areas;
	size_t nareas;
	char (*sigla)[3];            /* by provincia code number (1000) */
	/* the words of every key, for slips: distinct words, and per key its
	 * word numbers */
	char *vocab;                 /* "word\0" each */
	uint32_t *voff, *vmask;
	uint8_t *vlen;
	size_t nv;
	uint32_t *kwords;
	uint32_t *vkeys0, *vkeys;    /* per word, the keys holding it (CSR) */
	uint16_t *vhit, *vslip;      /* per word: which query words reach it */
	/* per-search scratch, one slot per comune */
	uint32_t *stamp, gen;
	unsigned char *best;
	uint32_t *bestkey;
	uint32_t *cand, *tmp;        /* tmp: radix sort buffer */
	size_t ncand, nactive;       /* candidates, those not suppressed */
	size_t ntiered;              /* comuni with tier < 2 */
	/* validity */
	sqlite3_stmt *dv;
	long long data_version;
	unsigned long long write_gen;
	char regen[40];
};

#define QWORDS 16

/* One reading of what was typed. */
struct query {
	char sigla[3];               /* province filter by car-plate prefix, "" = none */
	int prov, reg;               /* province / region filter, -1 = none */
	int filtered;                /* a reading with a filter taken from the words */
	char q[256];                 /* folded text */
	size_t qlen;
	const char *w[QWORDS];       /* its words (pointers into words) */
	size_t wl[QWORDS];
	int nw;
	char words[256];
	char compact[256];           /* q without its spaces */
	size_t clen;
	uint64_t mask, word_pairs, all_pairs;
};

#define MAX_READINGS 10

/* registry_query.c */
uint64_t rx_letter_mask(const char *s);
uint64_t rx_pair_mask(const char *s, int across);
void rx_query_set(struct query *q, const char *folded);
/* The query as typed (pr:XX, "comune di", S./S.ta...): CN_OK, or CN_EDATA
 * when not UTF-8. */
int rx_query_parse(const char *in, struct query *q);
/* Other readings: "s" spelt out as san, santo, santa, sant' (as typed,
 * not filtered); a trailing car-plate code, a province or region named
 * among the words (filtered). Returns how many were written to alt. */
int rx_query_readings(const struct rx_index *x, const struct query *q, struct query *alt, int max);
int rx_filter_ok(const struct rx_comune *c, const struct query *q);

/* registry_slip.c */
int rx_vocab_build(struct rx_index *x);
/* The distinct words of all the readings of a query, marked together. */
struct slip_words {
	const char *w[QWORDS];
	size_t wl[QWORDS], count[QWORDS]; /* count: vocabulary words reached */
	int n;
};
/* The number of the word in sw (added when new), -1 when sw is full. */
int rx_slip_word(struct slip_words *sw, const char *w, size_t wl);
int rx_slip_mark(struct rx_index *x, struct slip_words *sw);
/* The keys the reading q takes with one slip at least, its word i being
 * word map[i] of sw. */
void rx_slip_pass(struct rx_index *x, const struct query *q, const struct slip_words *sw,
		  const int *map, int level);
/* A new search whose candidates are the comuni closest to the query, their
 * level the edit distance. */
void rx_closest(struct rx_index *x, const struct query *q);

/* registry_index.c: the index, current (rebuilt if the registry changed,
 * the desk's work re-read after any commit); rx_unchanged is 1 when
 * nothing was committed since it was last checked. */
int rx_index_get(struct cn_ctx *ctx, struct rx_index **out);
int rx_unchanged(struct cn_ctx *ctx);
/* The comune with that ISTAT code, -1 if none. */
long rx_find_istat(const struct rx_index *x, const char *istat);

/* registry_search.c */
void rx_consider(struct rx_index *x, uint32_t ci, int level, uint32_t key);
void rx_new_search(struct rx_index *x);

#endif
