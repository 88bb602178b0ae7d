/* What an import would change, shown before anything is changed (the
 * `--dry-run` of every import command and the TUI's Imports screen).
 *
 * The import runs for real, with all its checks and messages, inside an
 * outer transaction (db_hold); the differences it made are read back by
 * name; then everything is rolled back. So the preview is exactly what the
 * same import does a moment later on the same database, and a file the
 * import refuses is refused by the preview with the same message. The
 * database is left as it was (nothing is committed, no audit row). */
#ifndef CENTRALINO_PREVIEW_H
#define CENTRALINO_PREVIEW_H

#include <stddef.h>

struct cn_ctx;

/* What the import touches, so the right differences are read back. */
enum preview_subject {
	PREVIEW_REGISTRY,   /* ISTAT list: comuni added, suppressed, renamed */
	PREVIEW_AMBITI,     /* ambiti new or with other members */
	PREVIEW_CONTACTS,   /* contacts added */
	PREVIEW_STATUSES,   /* a campaign's statuses (LimeSurvey, generic import) */
};

enum preview_list {
	PREVIEW_ADDED,      /* comuni, ambiti or contacts added */
	PREVIEW_SUPPRESSED, /* comuni marked suppressed */
	PREVIEW_RENAMED,    /* comuni renamed: was = the former name */
	PREVIEW_RESTORED,   /* suppressed comuni back on the list */
	PREVIEW_CHANGED,    /* ambiti whose members change: now/was = member counts */
	PREVIEW_INVIATO,    /* respondents becoming inviato: was = status before */
	PREVIEW_SCREENED,   /* respondents newly screened out */
	PREVIEW_ISSUED,     /* respondents raised to codice_emesso */
	PREVIEW_NLISTS
};

struct preview_item {
	char *id;       /* ISTAT code, AMB:code, respondent id */
	char *name;
	char *now;      /* what it becomes (a count, "kind: value"), or NULL */
	char *was;      /* what it was, or NULL */
};

struct preview {
	size_t n[PREVIEW_NLISTS];
	struct preview_item *v[PREVIEW_NLISTS];
};

/* Runs import(ctx, arg) as described above and fills out with the
 * differences (each list ordered by id). campaign_key: the campaign of a
 * PREVIEW_STATUSES import, else NULL. Returns what the import returned
 * (its message left in the context), or a database error. */
int preview_import(struct cn_ctx *ctx, enum preview_subject what, const char *campaign_key,
		   int (*import)(struct cn_ctx *ctx, void *arg), void *arg, struct preview *out);
void preview_free(struct preview *p);

/* A heading for people: "comuni added", "become inviato" ... (translated). */
const char *preview_list_title(enum preview_list l);

#endif
