/* A respondent's whole story, for the card and `centralino card`: who it
 * is (for a comune its registry record, ambito and capofila; when
 * suppressed, since when and what it became), and in every campaign its
 * status, submission date and effective deadline with its proroga, every
 * code (active and revoked, masked, with who/when/why), its contacts (the
 * ones saved with a code too), and its calls still open, callbacks among
 * them. Any staff member may read it. */
#ifndef CENTRALINO_STORY_H
#define CENTRALINO_STORY_H

#include "centralino/calls.h"
#include "centralino/campaign_standing.h"
#include "centralino/code.h"
#include "centralino/contact.h"
#include "centralino/registry.h"

struct cn_ctx;

struct story {
	char id[RESPONDENT_ID_BUFSZ];
	char kind[10];                 /* comune, ambito, regione */
	char *name;
	int is_comune;
	struct registry_comune comune; /* when is_comune */
	/* the ambito it belongs to (a comune) or is (an ambito), and its
	 * capofila; "" when none */
	char ambito_code[64], capofila_istat[7];
	char *ambito_name, *capofila_name;
	/* a suppressed comune: YYYY-MM-DD, and the comune it became when known */
	char suppressed_on[11];
	char successor_istat[7];
	char *successor_name;
	struct campaign_standings campaigns;
	struct code_infos codes;       /* every campaign, newest first, masked */
	struct contacts contacts;      /* current ones */
	struct call_list open_calls;   /* not closed, newest first */
};

/* RESPONDENT as campaign_resolve_respondent takes it. */
int story_get(struct cn_ctx *ctx, const char *respondent, struct story *out);
void story_free(struct story *s);

#endif
