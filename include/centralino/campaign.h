/* Campaigns: one questionnaire sent to every active respondent of some
 * kinds (comuni, ambiti, regioni), with an opening date and a deadline.
 *
 * Respondent ids are uniform across kinds: a comune is its ISTAT code
 * ("040012"), an ambito "AMB:" + its code ("AMB:RER-FO1"), a region "REG:" +
 * its two-digit ISTAT code ("REG:08"). Each respondent of a campaign has a
 * row in campaign_respondent with its status (nessun_codice, codice_emesso,
 * in_compilazione, inviato, esonerato). */
#ifndef CENTRALINO_CAMPAIGN_H
#define CENTRALINO_CAMPAIGN_H

#include <stddef.h>

/* The length of a campaign's codes (campaign.code_length): random
 * symbols, without the check symbol. The code module draws them. */
#define CODE_MIN_LENGTH 8
#define CODE_MAX_LENGTH 32
#define CODE_DEFAULT_LENGTH 12

struct cn_ctx;

enum campaign_kind {
	CAMPAIGN_COMUNE = 1,
	CAMPAIGN_AMBITO = 2,
	CAMPAIGN_REGIONE = 4,
};

/* "comune,ambito" (singular or plural, any order, no repeats) -> bits.
 * 0, or CN_EUSAGE. */
int campaign_kinds_parse(const char *s, unsigned *out);
/* bits -> "comune,ambito,regione" in that order. */
void campaign_kinds_format(unsigned kinds, char *out, size_t outsz);

/* Lower-case letters, digits, '-' and '_', 1..40 characters. */
int campaign_key_check(const char *key);

enum campaign_phase { CAMPAIGN_NOT_OPEN, CAMPAIGN_OPEN, CAMPAIGN_CLOSED };
/* For files (TSV, CSV): "da aprire", "aperta", "chiusa", in every language. */
const char *campaign_phase_name(enum campaign_phase p);
/* For people, in the interface's language: "upcoming", "open", "closed". */
const char *campaign_phase_label(enum campaign_phase p);

/* The campaign name's room: 200 characters (the text policy's bound) of
 * up to 4 bytes each, and the NUL. */
#define CAMPAIGN_NAME_BUFSZ 801

/* A campaign, the one shape every module reads (a value: copy it freely).
 * campaign_get and campaign_list fill the counts too. */
struct campaign {
	long long id;
	char key[41];
	char name[CAMPAIGN_NAME_BUFSZ];
	char opens_on[11], deadline[11];    /* YYYY-MM-DD */
	unsigned kinds;
	long survey_id;                     /* 0: not set */
	int code_length;
	int uses_codes;
	char created_at[21];
	enum campaign_phase phase;          /* from today's date (cn_now) */
	/* counts */
	long respondents;
	long by_status[5];                  /* in the order of campaign_status_names */
	long codes_active, codes_revoked, codes_undelivered;
};

/* nessun_codice, codice_emesso, in_compilazione, inviato, esonerato */
extern const char *const campaign_status_names[5];

struct campaigns {
	size_t n;
	struct campaign *v;
};
void campaigns_free(struct campaigns *l);

struct campaign_new {
	const char *key, *name;
	const char *opens_on, *deadline;    /* any date spelling cn_parse_date takes */
	unsigned kinds;
	long survey_id;                     /* 0: none */
	int code_length;                    /* 0: default (12) */
	int uses_codes;                     /* 1, or 0 for an open form without codes */
};

/* Admin. Creates the campaign and a campaign_respondent row (nessun_codice)
 * for every active respondent of its kinds; *respondents gets their number. */
int campaign_add(struct cn_ctx *ctx, const struct campaign_new *c, long *respondents);

/* The sample campaign a new desk starts with, modelled on the
 * family-policy good practices survey of 2019: respondents comuni, opening
 * today, deadline 60 days later, key "famiglia-YYYY". Admin. */
int campaign_add_sample(struct cn_ctx *ctx, char key_out[41], long *respondents);

/* 1 with its key in key_out when the desk is still new: its only campaign
 * is the sample one and nobody has logged a call or issued a code yet (the
 * interface then says how to look at it); 0 otherwise. */
int campaign_sample_untouched(struct cn_ctx *ctx, char key_out[41]);

/* Changes: NULL / 0 / -1 leave a field as it is. Adding kinds adds their
 * respondents; removing a kind is refused while any of its respondents
 * holds a code or a status other than nessun_codice. Admin. */
struct campaign_change {
	const char *name, *opens_on, *deadline;
	unsigned kinds;          /* 0: unchanged */
	long survey_id;          /* -1: unchanged, 0: clear */
	int code_length;         /* 0: unchanged */
	int uses_codes;          /* -1: unchanged */
};
int campaign_set(struct cn_ctx *ctx, const char *key, const struct campaign_change *ch,
		 long *added, long *removed);

int campaign_get(struct cn_ctx *ctx, const char *key, struct campaign *out);
/* Newest opening first. */
int campaign_list(struct cn_ctx *ctx, struct campaigns *out);

/* After the registry changed (a new ISTAT list, new ambiti): every active
 * respondent of a not yet closed campaign's kinds that is missing from it
 * joins it with status nessun_codice. Admin; one transaction, one audit row
 * (none when nothing was added). Registry imports may call the internal
 * campaign_sync_in_tx (campaign_internal.h) inside their own transaction. */
int campaign_sync_respondents(struct cn_ctx *ctx, long *added);

/* Resolves what a person typed for a respondent: an id ("040012", "40012",
 * "amb:x", "reg:8") or an exact name ("forlì", folded as search folds).
 * out holds RESPONDENT_ID_BUFSZ bytes. CN_ENOINPUT (unknown) or CN_EDATA (a name shared by
 * several respondents: the message lists their ids). */
#define RESPONDENT_ID_BUFSZ 64
int campaign_resolve_respondent(struct cn_ctx *ctx, const char *input, char out[RESPONDENT_ID_BUFSZ]);

#endif
