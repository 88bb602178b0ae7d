/* Campaign helpers for other core modules (codes, contacts, LimeSurvey,
 * registry imports), used inside the caller's transaction. */
#ifndef CENTRALINO_CAMPAIGN_INTERNAL_H
#define CENTRALINO_CAMPAIGN_INTERNAL_H

#include "core.h"
#include "centralino/campaign.h"
#include "centralino/text.h"

/* The one loader of a campaign (its facts, without the counts and without
 * a permission check: the caller has made its own). CN_ENOINPUT "no
 * campaign KEY (see 'centralino campaign list')". */
int campaign_load(struct cn_ctx *ctx, const char *key, struct campaign *out);

/* Steps st, a query for the campaign KEY: CN_OK on its row, else
 * CN_ENOINPUT "no campaign KEY (see ...)" or the database error. */
int campaign_step_key(struct cn_ctx *ctx, sqlite3_stmt *st, const char *key);

/* CN_EDATA "campaign KEY collects answers without access codes (an open
 * form)" unless c uses codes. */
int campaign_require_codes(struct cn_ctx *ctx, const struct campaign *c);

/* The respondent's status in the campaign into status (16 bytes);
 * CN_EDATA "NAME (ID) is not among the respondents of campaign KEY". */
int campaign_member_status(struct cn_ctx *ctx, const struct campaign *c,
			   const char *respondent_id, char status[16]);

/* campaign_sync_respondents without permission check, transaction or audit. */
int campaign_sync_in_tx(struct cn_ctx *ctx, long *added);


#endif
