/* Proroghe: a respondent's own deadline in one campaign.
 *
 * At most one proroga is in force per respondent and campaign. Granting
 * while one is in force replaces it (the old row is kept, marked replaced).
 * The new date must be after the campaign deadline. A proroga moves the
 * respondent's effective deadline (progress.h), so it stops being late
 * until the new date has passed. Grant and revoke: supervisore and up;
 * list: any staff (the desk tells callers their date). */
#ifndef CENTRALINO_EXTENSION_H
#define CENTRALINO_EXTENSION_H

#include <stddef.h>

struct cn_ctx;

struct extension {
	long long id;
	char uuid[37];
	char campaign_key[65];
	char campaign_deadline[11];
	char respondent_id[48];
	char respondent_name[256];
	char until[11];
	char *reason;
	char granted_by[65];
	char granted_at[21];
	char revoked_at[21];     /* "" while in force */
	char revoked_by[65];
	char *revoke_reason;     /* NULL when replaced or in force */
	long long replaced_by;   /* 0 unless replaced by a later grant */
};

/* until: any date spelling cn_parse_date accepts. RESPONDENT as in
 * progress.h. out (may be NULL) gets the new proroga; *replaced (may be
 * NULL) the date of the one it replaced, "" when none. */
int extension_grant(struct cn_ctx *ctx, const char *campaign_key,
		    const char *respondent, const char *until, const char *reason,
		    struct extension *out, char replaced[11]);

/* Ends the proroga in force; CN_ENOINPUT when there is none. */
int extension_revoke(struct cn_ctx *ctx, const char *campaign_key,
		     const char *respondent, const char *reason,
		     struct extension *out);

struct extension_list {
	size_t n;
	struct extension *v;
};

/* campaign_key NULL: every campaign. all = 0: only those in force. Ordered
 * by campaign, then respondent name, newest grant first. */
int extension_list(struct cn_ctx *ctx, const char *campaign_key, int all,
		   struct extension_list *out);
void extension_list_free(struct extension_list *l);
void extension_free(struct extension *e);

#endif
