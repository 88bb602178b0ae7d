/* The registry of comuni (ISTAT list), their social districts (ambiti), and
 * the search the desk runs while the caller is still spelling the name. */
#ifndef CENTRALINO_REGISTRY_H
#define CENTRALINO_REGISTRY_H

#include <stddef.h>

struct cn_ctx;

struct registry_import_summary {
	long read, added, suppressed, renamed, updated, unchanged;
	long joined;        /* respondents added to campaigns still open */
};

/* ISTAT's "Elenco dei comuni italiani" exactly as published (Latin-1 or
 * UTF-8, BOM or not, ';', CRLF, multi-line quoted header). A merge: new
 * comuni added, missing ones marked suppressed (with today's date), renamed
 * ones keep their former names. One transaction; any error changes nothing
 * and the message reads "FILE:LINE: field: what is wrong". Admin only. */
int registry_import_istat(struct cn_ctx *ctx, const char *path,
			  struct registry_import_summary *out);
/* A list that would suppress more than 50 comuni and more than 5% of the
 * active ones is refused (a truncated download?) unless forced. */
int registry_import_istat_force(struct cn_ctx *ctx, const char *path,
				struct registry_import_summary *out);
/* The same from memory (the list shipped in the binary); `name` is used in
 * messages in place of a file name. */
int registry_import_istat_mem(struct cn_ctx *ctx, const char *name,
			      const char *data, size_t len,
			      struct registry_import_summary *out);

struct registry_ambiti_summary {
	long read, ambiti, members, added, updated;
	long unchanged;     /* ambiti in the file identical to what was there */
	long joined;        /* respondents added to campaigns still open */
};
/* codice_ambito;denominazione;codice_istat;capofila (',' also accepted). */
int registry_import_ambiti(struct cn_ctx *ctx, const char *path,
			   struct registry_ambiti_summary *out);
/* The same from memory (tests, fuzzing); `name` stands for the file. */
int registry_import_ambiti_mem(struct cn_ctx *ctx, const char *name, const char *bytes,
			       size_t n, struct registry_ambiti_summary *out);

struct registry_hit {
	char istat[7];
	char *name;         /* display name (Italian; bilingual shown in name_other) */
	char *name_other;   /* NULL when the comune has one name */
	char *matched;      /* the former name, or the name of a comune merged
			     * into this one, that matched; NULL otherwise */
	char *since;        /* with matched: since when (YYYY-MM-DD), or NULL */
	int merged;         /* matched is a comune merged into this one */
	char sigla[3];
	char *regione;
	int suppressed;
	long population;
	int rank;           /* 0 exact, 1 name prefix, 2 word prefix, 3 substring,
			     * 4 code, 5 one slip, 6 a suggestion (registry_suggest) */
};

struct registry_hits {
	size_t n;
	struct registry_hit *v;
};

/* Query forms: words matched by prefix against the words of the name, in
 * order ("s g pers"); a 6-digit ISTAT code; a cadastral code ("L219");
 * "pr:TO" (or "TO:") restricts to a province. Understood too: a leading
 * "comune di"; a trailing car-plate code ("Cervia RA", "forli (FC)",
 * "Lucera - FG") or a province or region named among the words ("samone
 * torino") as a filter; S., S, S.to, S.ta, Sant for San/Santo/Santa/Sant';
 * words run together or split; bilingual names in either order; one slip
 * (a letter wrong, missing, doubled, or two swapped) per word of 5+
 * letters; the names of comuni merged into another find that one.
 * Ranking: exact name, name prefix, word prefix (as typed, then with a
 * filter from the words), substring, one slip; among equals the comuni
 * with an open call, then those called in the last 7 days, then by
 * population; suppressed comuni after the others, but before slip
 * matches. */
int registry_search(struct cn_ctx *ctx, const char *query, int limit,
		    struct registry_hits *out);
/* When registry_search found nothing: the `limit` comuni whose names come
 * closest to the query (edit distance), for a "did you mean" line. */
int registry_suggest(struct cn_ctx *ctx, const char *query, int limit,
		     struct registry_hits *out);
void registry_hits_free(struct registry_hits *h);
/* The one comune in force the search puts alone at the top for `query`
 * (no other with as good a match), into istat. CN_EDATA listing them when
 * several tie; CN_ENOINPUT with the closest names when none matches. */
int registry_resolve(struct cn_ctx *ctx, const char *query, char istat[7]);

struct registry_comune {
	char istat[7];
	char *name, *name_other; /* name_other NULL when none */
	char regione_code[3];
	char *regione;
	char ripartizione_code[2];
	char *ripartizione;
	char provincia_code[4];
	char *provincia;
	char sigla[3];
	char *cadastral;
	int capoluogo;
	long population;      /* -1 unknown */
	char *added_on, *updated_on;
	char *suppressed_on;  /* NULL while active */
	char *ambito_code, *ambito_name; /* NULL when in no ambito */
	int capofila;         /* this comune leads its ambito */
	char capofila_istat[7];
	char *capofila_name;
	size_t nformer;
	char **former_names;
	/* a merged (suppressed) comune: what it became, since when (YYYY-MM-DD) */
	char successor_istat[7];        /* "" when not known */
	char *successor_name, *successor_since;
	/* the comuni merged into this one */
	size_t npredecessors;
	struct registry_predecessor {
		char istat[7];
		char *name, *since;
	} *predecessors;
};

/* Records that the suppressed comune `old` became `successor` (a merger)
 * from `since` (a date; NULL: the day `old` was suppressed). old and
 * successor: ISTAT codes or names that name one comune each. Replaces what
 * a re-import guessed. Admin only; audited. */
int registry_set_successor(struct cn_ctx *ctx, const char *old, const char *successor,
			   const char *since);

/* The mergers the registry knows: a suppressed comune, what it became,
 * since when and who said it. */
struct registry_merger {
	char istat[7], successor_istat[7];
	char *name, *successor_name;
	char since[11];   /* YYYY-MM-DD */
	char source[7];   /* "import" (learnt at a re-import) or "admin" */
};
struct registry_mergers {
	size_t n;
	struct registry_merger *v;
};
/* All of them (comune NULL), or those where `comune` (an ISTAT code or a
 * name that names one comune) is the merged one or the successor; by
 * date, then name. */
int registry_list_successors(struct cn_ctx *ctx, const char *comune, struct registry_mergers *out);
void registry_mergers_free(struct registry_mergers *l);
void registry_merger_free(struct registry_merger *m);

/* Forgets what `old` (an ISTAT code or a name that names one comune)
 * became, learnt at an import or set by an admin: searching it then finds
 * it alone again. `was` gets the pair removed (registry_merger_free).
 * CN_ENOINPUT when none is recorded. Admin only; audited. */
int registry_remove_successor(struct cn_ctx *ctx, const char *old, struct registry_merger *was);

/* CN_ENOINPUT when the code is unknown. */
int registry_get(struct cn_ctx *ctx, const char *istat, struct registry_comune *out);
void registry_comune_free(struct registry_comune *c);

struct registry_stats {
	long comuni_active, comuni_suppressed, regions, provinces, ambiti,
	     bilingual, capoluoghi, former_names;
};
int registry_stats(struct cn_ctx *ctx, struct registry_stats *out);

/* Per region (by code): active and suppressed comuni, provinces. */
struct registry_region_stat {
	char code[3];
	char *name;
	long active, suppressed, provinces;
};
int registry_region_stats(struct cn_ctx *ctx, struct registry_region_stat **out, size_t *n);
void registry_region_stats_free(struct registry_region_stat *v, size_t n);

#endif
