/* Exchange with LimeSurvey, where the questionnaires live: codes go there as
 * participant tokens, completion comes back from its participant export.
 * Formats as LimeSurvey 6 reads and writes them (its participant import and
 * export, as the README describes them). */
#ifndef CENTRALINO_LIMESURVEY_H
#define CENTRALINO_LIMESURVEY_H

#include <stddef.h>

#include "centralino/text.h"

struct cn_ctx;

/* The participant attributes written after the fixed columns, in order;
 * LimeSurvey numbers them attribute_1..attribute_5. */
extern const char *const limesurvey_attributes[];
#define LIMESURVEY_NATTR 5

struct limesurvey_export_summary {
	long rows;
	long without_email;
	/* "040012 Forlì" per row without an e-mail address, for the warning */
	size_t nmissing;
	char **missing;
};
void limesurvey_export_summary_free(struct limesurvey_export_summary *s);

/* "Import participants from CSV": one row per active code of the campaign,
 * UTF-8 without BOM, comma-separated, every field double-quoted with inner
 * quotes doubled, line breaks in values turned into spaces, header
 *   firstname,lastname,email,token,language,validfrom,validuntil,usesleft,
 *   attribute_1,...,attribute_5
 * firstname "Comune di" / "Ambito" / "Regione", lastname the respondent's
 * name, email the newest e-mail contact (else the newest PEC), language
 * "it", validfrom the opening day 00:00, validuntil the deadline 23:59,
 * usesleft 1, attributes: respondent id (ISTAT code), name, province,
 * region, ambito. Supervisore; audited as 'code.export'. */
int limesurvey_export(struct cn_ctx *ctx, const char *campaign_key, struct cn_buf *csv,
		      struct limesurvey_export_summary *out);

struct limesurvey_unknown {
	long line;
	char *token;
	char *note;          /* e.g. "a code of campaign X" */
};
struct limesurvey_import_summary {
	long rows;           /* participant rows read */
	long no_token;       /* rows with an empty token: skipped */
	long submitted;      /* respondents now inviato by this import */
	long screened;       /* respondents newly marked screened out (Q) */
	long issued;         /* respondents raised to codice_emesso */
	long times;          /* submission times filled in */
	long unchanged;      /* known respondents nothing changed for */
	long kept;           /* a person's decision left alone (see below) */
	long revoked_used;   /* rows whose token is a revoked code */
	size_t nunknown;
	struct limesurvey_unknown *unknown;
};
void limesurvey_import_summary_free(struct limesurvey_import_summary *s);

/* Reads LimeSurvey's participant export (UTF-8 with BOM; header tid,...,
 * completed,usesleft then ", attribute_N <description>" columns; every
 * value quoted; completed N, Y, Q or "YYYY-MM-DD HH:MM") and updates the
 * statuses of the campaign's respondents, never lowering one:
 *   Y or a time -> inviato (with submitted_at when a time is given)
 *   Q           -> screened_out (status at least codice_emesso), kept apart
 *   N           -> codice_emesso, when the code was told by phone or the
 *                  file's `invited` column shows LimeSurvey e-mailed it
 *                  (a batch code nobody received is not "issued")
 * A respondent with several tokens (re-issued codes) takes the furthest;
 * a revoked code's row still counts (counted in revoked_used). A person's
 * decision (inviato or esonerato set by hand or by the generic import)
 * stands, except that a submission moves esonerato to inviato — the rule
 * of 004_progress.sql; an excused respondent stays excused otherwise.
 * LimeSurvey's time replaces the stand-in time a bare "Y" left. The
 * participant export says nothing of questionnaires started and not
 * submitted, so in_compilazione never comes from here. Unknown tokens are listed in out, not fatal; re-importing the same file
 * changes nothing. Supervisore; one transaction, one audit row
 * 'status.import'. Malformed file: "FILE:LINE: field: what is wrong". */
int limesurvey_import(struct cn_ctx *ctx, const char *campaign_key, const char *path,
		      struct limesurvey_import_summary *out);
/* The same from memory (tests, fuzzing); `name` stands for the file. */
int limesurvey_import_mem(struct cn_ctx *ctx, const char *campaign_key, const char *name,
			  const char *bytes, size_t n, struct limesurvey_import_summary *out);

#endif
