/* One import of a file, whatever its kind, as the command line and the
 * Imports screen both run it: the same core importer, the same summary
 * line, the same list of rows that were not applied. With preview_import
 * (preview.h) the job is first run as a dry run, then for real. */
#ifndef CENTRALINO_IMPORT_JOB_H
#define CENTRALINO_IMPORT_JOB_H

#include <stddef.h>

#include "centralino/contact.h"
#include "centralino/limesurvey.h"
#include "centralino/preview.h"
#include "centralino/progress.h"
#include "centralino/registry.h"
#include "centralino/text.h"

struct cn_ctx;

enum import_kind {
	IMPORT_ISTAT,       /* ISTAT's list of comuni (admin) */
	IMPORT_AMBITI,      /* social districts (admin) */
	IMPORT_CONTACTS,    /* contacts of respondents (admin) */
	IMPORT_LIMESURVEY,  /* a campaign's statuses from LimeSurvey (supervisore) */
	IMPORT_GENERIC,     /* a campaign's statuses from any form's responses (supervisore) */
	IMPORT_NKINDS
};

struct import_job {
	enum import_kind kind;
	const char *file;
	const char *campaign;              /* LimeSurvey and generic */
	int force;                         /* ISTAT: a list suppressing many comuni */
	struct progress_import_opts generic;
	/* what the last run did (import_job_run fills the kind's own) */
	struct registry_import_summary istat;
	struct registry_ambiti_summary ambiti;
	struct contact_import_summary contacts;
	struct limesurvey_import_summary status;
	struct progress_import_summary form;
};

/* "istat", "ambiti", "contacts", "limesurvey", "generic". */
const char *import_kind_name(enum import_kind k);
/* What it is, for people ("ISTAT list of comuni"), translated. */
const char *import_kind_label(enum import_kind k);
/* What preview_import reads back after this kind of import. */
enum preview_subject import_kind_subject(enum import_kind k);

/* Runs the importer of j->kind on j->file (results of an earlier run are
 * freed first). The signature preview_import takes (arg: the job). */
int import_job_run(struct cn_ctx *ctx, void *job);
/* Frees the results of the last run (the job itself is the caller's). */
void import_job_free(struct import_job *j);

/* What the run did, as the command line prints it on standard output:
 * the summary line ("FILE: 7,917 read, 6 added ..."), and the respondents
 * that joined the open campaigns; each line ends with '\n'. dry: worded
 * as what would happen, where the wording differs. */
void import_job_summary(const struct import_job *j, int dry, struct cn_buf *out);

/* A row of the file that was not applied, the rest being applied: a
 * LimeSurvey token unknown here, a name of the generic import that
 * matches nobody or several respondents. */
struct import_refusal {
	long line;
	const char *field;   /* the column: "token", or the id column */
	const char *value;
	const char *why;
};
/* The number of such rows of the last run; fills *out with row i when
 * i is below it (out may be NULL). Pointers into the job. */
size_t import_job_refusal(const struct import_job *j, size_t i, struct import_refusal *out);

#endif
