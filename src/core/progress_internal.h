/* Shared by the progress, extension and generic-import modules. */
#ifndef CENTRALINO_PROGRESS_INTERNAL_H
#define CENTRALINO_PROGRESS_INTERNAL_H

#include "core.h"
#include "campaign_internal.h"
#include "centralino/progress.h"
#include "centralino/text.h"

/* The respondents of one campaign, indexed for resolving what people type
 * or forms contain (ids, ISTAT codes, ambito codes, names). */
struct resp_entry {
	char *id, *name, *kind;
	char sigla[3];
};
struct resp_key {
	char *key;      /* folded name, bilingual half or former name; or ambito code */
	size_t entry;
};
struct resp_index {
	size_t n;
	struct resp_entry *v;     /* sorted by id */
	size_t nnames;
	struct resp_key *names;   /* sorted by key */
	size_t ncodes;
	struct resp_key *codes;   /* ambito codes, sorted */
};

int progress_resp_load(struct cn_ctx *ctx, long long campaign_id, struct resp_index *ix);
void progress_resp_free(struct resp_index *ix);

/* Up to `max` matching entries into found[]; returns how many matched in
 * all (may exceed max). */
size_t progress_resp_match(const struct resp_index *ix, const char *value,
			size_t *found, size_t max);

/* "Castro (BG) 016065, Castro (LE) 075096" for the message of an ambiguous
 * value (malloc'd). */
char *progress_resp_describe(const struct resp_index *ix, const size_t *found, size_t n);

/* One respondent of the campaign from a RESPONDENT argument: id and name
 * filled, or CN_ENOINPUT / CN_EDATA (ambiguous) with the message set. */
int progress_resolve(struct cn_ctx *ctx, const struct campaign *c,
		     const char *arg, char id[48], char name[256]);



/* ---- where each respondent stands (progress_place.c) --------------------
 * Every respondent of the registry with what the reports group and rank
 * by, cached on the context and rebuilt when the registry changes (meta
 * 'registry_gen'): the reports then only read the campaign's statuses. */
enum { PLACE_NGROUPINGS = 4 };   /* regione, provincia, ambito, ripartizione */

struct place {
	char *id, *name, *folded;
	char kind;                /* 'c' comune, 'a' ambito, 'r' regione */
	int capofila;             /* a comune leading its ambito */
	long population;          /* an ambito/regione: its active comuni; -1 unknown */
	int grp[PLACE_NGROUPINGS];/* index into places.groups[by], -1: the "none" group */
	int name_rank;            /* position by (folded name, id), once ranked */
};

struct place_group {
	char *key, *label, *sigla, *order;
	int capofila;             /* ambiti: the place of the capofila comune, -1 */
};

struct places {
	char stamp[64];
	int ranked;               /* name_rank filled */
	size_t n;
	struct place *v;          /* sorted by id */
	size_t ngroups[PLACE_NGROUPINGS];
	struct place_group *groups[PLACE_NGROUPINGS]; /* in display order */
};

/* The cached places, rebuilt when stale; with names: name_rank filled
 * (sorting 8,000 names is left out when a report does not need it).
 * Valid until the next call. */
int progress_places_get(struct cn_ctx *ctx, int names, const struct places **out);
/* Index of the place with this id, -1 when none. */
int progress_places_find(const struct places *pl, const char *id);
/* Index of the group with this key (NULL: the none group, -1), -2 unknown. */
int progress_places_group(const struct places *pl, enum progress_by by, const char *key);

/* ---- a campaign's statuses at one moment (progress_snapshot.c) ---------- */
struct snap_row {
	int place;
	enum progress_status status;
	int screened;             /* screened out and not inviato/esonerato */
	int late;
	char submitted_at[21];
	char until[11];           /* the proroga in force, "" none */
	char deadline[11];        /* effective: until, or the campaign's */
};

struct snapshot {
	const struct places *pl;
	struct campaign campaign;
	time_t now;
	char today[11];
	size_t n;
	struct snap_row *v;       /* in place (id) order */
	int *row_of_place;        /* place index -> row, -1 not in the campaign */
};

/* Reads the campaign and its statuses in one read transaction; names as
 * in progress_places_get. */
int progress_snapshot_load(struct cn_ctx *ctx, const char *campaign_key, int names, struct snapshot *out);
void progress_snapshot_free(struct snapshot *s);
/* The rows of s that a drill-down filter selects, as a snapshot of their
 * own (sharing s's places): its pace, series and reminders are the
 * group's. Free with progress_snapshot_free. */
void progress_snapshot_narrow(const struct snapshot *s, const struct progress_filter *filter,
			      struct snapshot *out);
/* Pace figures of a snapshot's rows (the whole campaign, or a narrowed one). */
void progress_snapshot_pace(const struct snapshot *s, struct progress_pace *out);

/* The reports from a snapshot (the public functions load one and check
 * the role; the dashboard shares one between the three). */
int progress_report_build(struct cn_ctx *ctx, const struct snapshot *s, enum progress_by by,
		 const struct progress_filter *filter, struct progress_report *out);
int progress_daily_build(struct cn_ctx *ctx, const struct snapshot *s, int what,
		struct progress_daily *out);
int progress_reminders_build(struct cn_ctx *ctx, const struct snapshot *s, int limit,
		    struct progress_reminders *out);

#endif
