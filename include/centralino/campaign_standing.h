/* A respondent's standing in each of its campaigns, as the card and the
 * story show it: the campaign's facts, the respondent's status and its
 * active code, masked. A module of its own, above the campaign and the
 * code modules, so that neither of those needs the other. */
#ifndef CENTRALINO_CAMPAIGN_STANDING_H
#define CENTRALINO_CAMPAIGN_STANDING_H

#include "centralino/campaign.h"

struct cn_ctx;

/* A respondent's standing in each campaign it belongs to, newest campaign
 * first: for the card. The active code is masked (code_reveal shows it). */
struct campaign_standing {
	char key[41];
	char *name;
	char deadline[11];            /* effective: the proroga in force, else the campaign's */
	char campaign_deadline[11];
	char extended_until[11];      /* the proroga in force, "" when none */
	enum campaign_phase phase;    /* of the campaign (its own deadline) */
	int uses_codes;
	char status[16];
	char *status_at, *status_reason, *submitted_at;
	int screened_out;
	int has_code;                 /* an active code */
	int code_given;               /* ... told to someone (not just batch) */
	char code_masked[64];
	char *issued_at, *issued_by, *caller_name;
};
struct campaign_standings {
	size_t n;
	struct campaign_standing *v;
};
int campaign_standings_of(struct cn_ctx *ctx, const char *respondent, struct campaign_standings *out);
void campaign_standings_free(struct campaign_standings *l);

#endif
