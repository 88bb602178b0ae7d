/* Access codes: the keys that open a respondent's questionnaire in
 * LimeSurvey (its participant tokens), and how the desk gives them out.
 *
 * Format. Symbols: "23456789ABCDEFGHJKMNPQRSTUVWXYZ" — digits and capitals
 * without the look-alikes 0 O 1 I L. That is 31 symbols, a prime, so a
 * weighted check symbol mod 31 catches every single wrong symbol and every
 * swap of two neighbours: position i (1-based, the check symbol last) has
 * weight ((i - 1) mod 30) + 1, never 0 mod 31 and always different from its
 * neighbour's, and the symbol values (index in the alphabet) weighted this
 * way sum to 0 mod 31. A code is N random symbols (campaign.code_length,
 * default 12, about 59 bits) drawn from getrandom(2) by rejection sampling
 * (no modulo bias), plus the check symbol: 13 symbols by default. Stored and
 * exported without separators (valid LimeSurvey tokens: [0-9A-Za-z_~], at
 * most 36, case-sensitive); shown to people in groups of four:
 * "ABCD EFGH JKMN P".
 *
 * Reading a code typed by someone (the issue asks: "O read as 0, I/L as 1"):
 * since neither 0/O nor 1/I/L is ever part of a code, mapping one look-alike
 * onto another would still be wrong. Instead input is upper-cased, spaces,
 * hyphens, dots and slashes are dropped, and each 0 O 1 I L is taken as a
 * symbol misread at a known place: with one such place the check symbol
 * alone says what it must be (mod 31 has one solution), with two every
 * filling that passes the check is tried. A code failing its check is
 * "probably mistyped": the candidates one substitution, one swap of
 * neighbours, one missing or one extra symbol away that pass the check are
 * looked up, and the ones that exist are offered. */
#ifndef CENTRALINO_CODE_H
#define CENTRALINO_CODE_H

#include <stddef.h>

#include "centralino/campaign.h"
#include "centralino/text.h"

struct cn_ctx;

#define CODE_ALPHABET "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
#define CODE_RADIX 31
#define CODE_BUFSZ (CODE_MAX_LENGTH + 2)              /* + check + NUL */
#define CODE_GROUPED_BUFSZ (CODE_BUFSZ + CODE_BUFSZ / 4 + 1)

/* ---- pure functions (code_format.c) ---- */

/* The symbol's value 0..30, or -1 when it is not a code symbol. */
int code_symbol_value(int c);
/* The check symbol for n symbols (n >= 1; all must be code symbols). */
char code_check_symbol(const char *body, size_t n);
/* 1 when s is only code symbols, 9..33 long, and its check symbol is right. */
int code_is_valid(const char *s);
/* "ABCDEFGHJKMNP" -> "ABCD EFGH JKMN P". */
void code_group(const char *code, char *out, size_t outsz);
/* Every symbol hidden but the last three, grouped: "•••• •••• ••MN P".
 * Two random symbols and the check symbol: what a caller can confirm,
 * nine random symbols short of the code. */
void code_mask(const char *code, char *out, size_t outsz);
/* The same keeping the last `keep` symbols (0: every symbol hidden). */
void code_mask_keep(const char *code, size_t keep, char *out, size_t outsz);
/* The telephone-alphabet word for one symbol: "A come Ancona", "7 sette". */
const char *code_spell_symbol(int c);
/* The whole code spelled, one group of four per line, words separated by
 * ", ": "A come Ancona, B come Bologna, ...\nE come Empoli, ...". */
void code_spell(const char *code, struct cn_buf *out);

/* New random code: `length` random symbols + check symbol, NUL-terminated
 * (out holds CODE_BUFSZ). 0, or -1 when getrandom fails. */
int code_random(char *out, int length);

/* What a person typed, normalised. */
enum code_typed_state {
	CODE_TYPED_OK,        /* only code symbols and the check passes */
	CODE_TYPED_MISTYPED,  /* only code symbols, the check fails */
	CODE_TYPED_LOOKALIKE, /* one or two of 0 O 1 I L: misread symbols */
	CODE_TYPED_INVALID,   /* other characters, too short/long, or 3+ look-alikes */
};
struct code_typed {
	enum code_typed_state state;
	char norm[CODE_BUFSZ + 8];  /* upper-cased, separators dropped */
	size_t len;
	int nlookalike;
	size_t lookalike_at[2];     /* 0-based positions in norm */
	char bad;                   /* the offending character (INVALID) */
};
void code_typed_parse(const char *input, struct code_typed *out);

/* The codes that `t` may have been meant to be, each passing the check:
 * for LOOKALIKE the fillings of the misread places; for MISTYPED one
 * substitution, one swap of neighbours, one symbol missing or one extra;
 * for OK the code itself first, then one symbol missing or extra (a slip
 * that passes the check by chance, 1 in 31). `how` and `pos` (0-based)
 * name the repair. Calls fn for each; stops when fn returns non-zero. */
enum code_repair { CODE_EXACT, CODE_LOOKALIKE_FIXED, CODE_SUBSTITUTION,
		   CODE_SWAP, CODE_MISSING, CODE_EXTRA,
		   CODE_SLIP /* one of those, not said which (code_find, masked) */ };
typedef int (*code_candidate_fn)(const char *code, enum code_repair how, size_t pos, void *arg);
void code_candidates(const struct code_typed *t, code_candidate_fn fn, void *arg);
const char *code_repair_text(enum code_repair how);

/* ---- verification methods ---- */

/* "richiamata_centralino", "referente_noto", "richiesta_pec" or
 * "altro:TEXT" (TEXT not empty). 0, or CN_EUSAGE. */
int code_verified_check(const char *s);
/* The list for help texts and forms, NULL-terminated ("altro:" last). */
extern const char *const code_verified_methods[];
/* A sentence for the method: "called back the comune's switchboard". */
const char *code_verified_text(const char *method);

/* ---- codes in the database ---- */

/* One code as stored. `code` is masked (see code_mask) unless the call that
 * filled it says otherwise. All strings malloc'd ("" when NULL in the db). */
struct code_info {
	long long id;
	char code[CODE_GROUPED_BUFSZ * 3];  /* masked uses 3-byte "•" */
	int revealed;                        /* code holds the code itself */
	char *campaign_key, *campaign_name;
	char *respondent_id, *respondent_name, *respondent_kind;
	char *state;          /* active | revoked */
	char *origin;         /* telefono | lotto */
	char *issued_at, *issued_by;
	char *given_at, *given_by;    /* "" for a batch code not yet told */
	char *caller_name, *caller_office, *caller_phone, *verified, *call_id;
	char *revoked_at, *revoked_by, *revoke_reason;
};
void code_info_free(struct code_info *c);
/* The code as shown to people: grouped into g when in clear, else the
 * masked code (masks come grouped). */
const char *code_info_shown(const struct code_info *c, char *g, size_t gsz);

struct code_infos {
	size_t n;
	struct code_info *v;
};
void code_infos_free(struct code_infos *l);

struct code_issue_req {
	const char *campaign_key;
	const char *respondent;     /* id ("040012", "AMB:x", "REG:08") or exact name */
	const char *caller_name;    /* required */
	const char *caller_office;  /* required */
	const char *caller_phone;   /* required */
	const char *verified;       /* see code_verified_check */
	const char *call_id;        /* optional: the call's uuid */
	int reissue;                /* revoke the active code and issue a new one */
	const char *reason;         /* required with reissue */
	int save_contact;           /* keep caller, office and phone as contacts */
	/* optional: the new code, drawn earlier with code_issue_draw and
	 * already read out to the caller; NULL draws one now */
	const char *code;
};

struct code_issued {
	char code[CODE_BUFSZ];          /* the code itself, to be read out */
	char respondent_id[64];
	char *respondent_name;
	char *campaign_name;
	char revoked[CODE_BUFSZ];       /* with reissue: the old code */
	int from_batch;                 /* an undelivered batch code was given */
	int contacts_saved;
	int upload_needed;              /* a new token LimeSurvey does not have yet */
	long long code_id;              /* the code given (access_code.id) */
};
void code_issued_free(struct code_issued *c);

/* Gives a code to a verified caller (operatore and up), in one BEGIN
 * IMMEDIATE transaction with one audit row. When the respondent holds a
 * batch code nobody was told yet, that code is given (LimeSurvey already
 * has it); otherwise a new one is made. Refused (CN_EDATA) when a code was
 * already given, saying by whom and when, unless reissue (with reason),
 * which revokes it and makes a new one in the same transaction. Raises the
 * respondent's status to codice_emesso (never lowers it). */
int code_issue(struct cn_ctx *ctx, const struct code_issue_req *req, struct code_issued *out);

/* A code drawn in advance, so that it can be read out before the call it
 * belongs to is saved (callflow.h): the batch code nobody was told yet when
 * the respondent holds one and reissue is 0 (*from_batch = 1; audited as
 * code.reveal, since it already opens the questionnaire), else a fresh
 * random code of the campaign's length that nothing stores until
 * code_issue is given it. Refused as code_issue would refuse the issue. */
int code_issue_draw(struct cn_ctx *ctx, const char *campaign_key, const char *respondent,
		    int reissue, char code[CODE_BUFSZ], int *from_batch);

/* Revokes the active code (typed forgivingly; must be exact after
 * normalisation) — supervisore. Status codice_emesso falls back to
 * nessun_codice. out (optional) gets the revoked code's details. */
int code_revoke(struct cn_ctx *ctx, const char *code, const char *reason, struct code_info *out);

/* The same for the active code of a respondent in a campaign (the card). */
int code_revoke_active(struct cn_ctx *ctx, const char *campaign_key, const char *respondent,
		       const char *reason, struct code_info *out);

/* The active code of a respondent in a campaign, in clear, for reading it
 * out again (operatore and up); audited as 'code.reveal'. */
int code_reveal(struct cn_ctx *ctx, const char *campaign_key, const char *respondent,
		struct code_info *out);

/* Batch: a code for every respondent of the campaign without an active one
 * (supervisore), one transaction, one audit row. */
int code_generate_all(struct cn_ctx *ctx, const char *campaign_key, long *created);

enum code_state_filter { CODE_ALL, CODE_ACTIVE, CODE_REVOKED };
/* Codes of a campaign ordered by respondent then issue time. Masked unless
 * reveal (supervisore; one audit row 'code.list_reveal'). */
int code_list(struct cn_ctx *ctx, const char *campaign_key, enum code_state_filter f,
	      int reveal, struct code_infos *out);

/* The codes (active and revoked) of one respondent in every campaign, masked. */
int code_of_respondent(struct cn_ctx *ctx, const char *respondent, struct code_infos *out);

/* "Whose code is this?": input typed forgivingly. out->state says what the
 * input looked like; matches holds the codes found (exact, or the existing
 * candidates when mistyped) with their respondent. Not an error when
 * nothing is found. For a role that may reveal codes (operatore and up)
 * the codes are in clear. For the others (out->masked) nothing said can
 * complete a code: an exact match is masked as in lists, and a code one
 * slip away is wholly hidden with its repair given as CODE_SLIP, since its
 * place and the check symbol would give the missing symbol. */
struct code_find_match {
	struct code_info info;
	enum code_repair how;
	size_t pos;                  /* 0-based place of the repair */
};
struct code_find_result {
	struct code_typed typed;
	int masked;                  /* the codes are masked (see above) */
	size_t n;
	struct code_find_match *v;
};
int code_find(struct cn_ctx *ctx, const char *input, struct code_find_result *out);
/* 1 when the result is the code as typed; 0 when it holds only codes one
 * slip away, or none. A well-formed input (its check symbol passes) can
 * still be a slip: a code one symbol short passes by chance 1 time in 31,
 * and then the codes found are repairs, not a match. */
int code_find_is_exact(const struct code_find_result *r);
void code_find_result_free(struct code_find_result *r);

#endif
