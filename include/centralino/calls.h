/* The phone request log: who called, from which respondent, about what,
 * what was done, and whether someone must call back.
 *
 * Any staff member (assistenza and up) may log, change and close calls and
 * read the log; adding a category is for admins. Every change writes one
 * audit row (actions call.add, call.update, call.close, call_category.add,
 * call_category.disable, call_category.enable).
 * Times are time_t here, stored as UTC ISO, shown with cn_fmt_display. */
#ifndef CENTRALINO_CALLS_H
#define CENTRALINO_CALLS_H

#include <stddef.h>
#include <time.h>

#include "centralino/phone.h"

struct cn_ctx;

enum call_state { CALL_APERTA, CALL_IN_ATTESA, CALL_CHIUSA };
enum call_direction { CALL_INBOUND, CALL_OUTBOUND };

/* "aperta", "in_attesa", "chiusa" / "inbound", "outbound" (stored names). */
const char *call_state_name(enum call_state s);
int call_state_parse(const char *s, enum call_state *out);
const char *call_direction_name(enum call_direction d);
int call_direction_parse(const char *s, enum call_direction *out);
/* Shown to people, in the interface's language: "open", "waiting", "closed";
 * "inbound", "outbound" (Italian: "aperta", "in attesa", "chiusa"; "in
 * entrata", "in uscita"). */
const char *call_state_label(enum call_state s);
const char *call_direction_label(enum call_direction d);

/* One call as read back (strings malloc'd, NULL when empty). */
struct call {
	char id[37];
	time_t started, ended;       /* ended 0: not recorded */
	char *operator_login, *operator_name;
	char *campaign_key;
	char *respondent_id;         /* NULL when unidentified */
	char *respondent_name;
	char *respondent_kind;       /* "comune", "ambito", "regione" */
	char sigla[3];               /* a comune's province, else "" */
	int unidentified;
	char *caller_name, *caller_office;
	char *phone;                 /* the key; phone_display() to show it */
	char *email;
	enum call_direction direction;
	char *category, *category_label;
	char *notes, *outcome;
	enum call_state state;
	time_t callback_due;         /* 0: none */
	char *callback_owner;
	char *follows;               /* the earlier call's id */
	time_t created, updated, closed;
	char *closed_by;
	long version;
};
void call_free(struct call *c);

/* What a caller knows: "Agliè (TO)", "Ambito X", "Regione Piemonte", or
 * "(non identificato)". */
void call_respondent_label(const struct call *c, char *out, size_t outsz);
/* "4:05", "1:02:10"; "" when the end is not recorded. */
void call_duration_text(time_t started, time_t ended, char *out, size_t outsz);

/* The fields given for calls_add / calls_update: set the CALL_F_ bit of
 * each one given. Strings are taken as typed (trimmed, NFC, checked). */
enum {
	CALL_F_RESPONDENT   = 1u << 0,  /* respondent (NULL/"" = unidentified) */
	CALL_F_CAMPAIGN     = 1u << 1,  /* campaign key, NULL/"" = none */
	CALL_F_CALLER       = 1u << 2,
	CALL_F_OFFICE       = 1u << 3,
	CALL_F_PHONE        = 1u << 4,  /* anything phone_normalise takes; "" clears */
	CALL_F_EMAIL        = 1u << 5,
	CALL_F_DIRECTION    = 1u << 6,
	CALL_F_CATEGORY     = 1u << 7,
	CALL_F_NOTES        = 1u << 8,
	CALL_F_OUTCOME      = 1u << 9,
	CALL_F_STATE        = 1u << 10,
	CALL_F_CALLBACK     = 1u << 11, /* callback_due; 0 clears the callback */
	CALL_F_CALLBACK_OWNER = 1u << 15, /* who calls back (needs a callback) */
	CALL_F_FOLLOWS      = 1u << 12, /* id or unique prefix; NULL/"" clears */
	CALL_F_STARTED      = 1u << 13,
	CALL_F_ENDED        = 1u << 14, /* 0 clears */
};

struct call_input {
	unsigned set;
	/* an id ("001272", "AMB:<code>", "REG:01"), an ISTAT code without its
	 * leading zeros, a cadastral code, or a respondent's exact name when
	 * only one has it */
	const char *respondent;
	const char *campaign;
	const char *caller_name, *caller_office, *phone, *email;
	enum call_direction direction;
	const char *category;
	const char *notes, *outcome;
	enum call_state state;
	time_t callback_due;
	/* when not given with a new callback: the owner it had, else the
	 * acting user */
	const char *callback_owner;
	const char *follows;
	time_t started, ended;
	long expect_version;         /* calls_update: refuse if the call changed since (0: no check) */
};

/* Logs a new call; its id in id_out. Defaults: started now, direction
 * inbound, category altro, campaign calls_default_campaign; the respondent is required (or given as
 * unidentified) unless the call follows an earlier one, from which it
 * takes respondent, campaign, caller, office, phone and e-mail not given.
 * State when not given: in_attesa with a callback, chiusa with an
 * outcome, else aperta. */
int calls_add(struct cn_ctx *ctx, const struct call_input *in, char id_out[37]);

/* Changes the fields given. *changed (may be NULL) is set to 0 when every
 * value was already so (then nothing is written). */
int calls_update(struct cn_ctx *ctx, const char *id, const struct call_input *in, int *changed);

/* State chiusa with this outcome (NULL/"": keep the outcome it has, which
 * must then exist). Closing a closed call is refused. */
int calls_close(struct cn_ctx *ctx, const char *id, const char *outcome);

/* A full uuid, or a unique prefix of at least 4 characters -> the id. */
int calls_resolve_id(struct cn_ctx *ctx, const char *id_or_prefix, char out[37]);

int calls_get(struct cn_ctx *ctx, const char *id_or_prefix, struct call *out);

struct call_list {
	size_t n;
	struct call *v;
};
void call_list_free(struct call_list *l);

struct call_filter {
	int open;            /* state aperta or in_attesa */
	int mine;            /* taken by me, or my callback (with callbacks_due: my callbacks) */
	int callbacks_due;   /* not closed, callback due at or before now */
	const char *login;   /* whose calls `mine` means; NULL: the acting user */
	const char *respondent; /* as in call_input */
	const char *campaign;   /* key */
	time_t since, until; /* started in [since, until); 0: unbounded */
	const char *category;
	const char *phone;   /* any spelling; matched on the key */
	const char *follows; /* calls that follow this one (full id) */
	size_t limit;        /* 0: all */
};

/* Newest first (by start time, then by entry order). */
int calls_list(struct cn_ctx *ctx, const struct call_filter *f, struct call_list *out);

/* Earlier calls from this number, newest first, at most `limit` (0: all):
 * "this number called on 12/07 for Comune X". An unusable number is
 * CN_EUSAGE with the reason. */
int calls_by_phone(struct cn_ctx *ctx, const char *phone, size_t limit, struct call_list *out);

/* The callbacks `login` (NULL: the acting user) owns that are due at or
 * before now. */
int calls_callbacks_due_count(struct cn_ctx *ctx, const char *login, long *count);

/* A respondent as typed (any spelling call_input.respondent takes) -> its
 * id and how it is shown ("Agliè (TO)", "Regione Piemonte"). */
int calls_respondent_find(struct cn_ctx *ctx, const char *in, char *id, size_t idsz,
			  char *label, size_t labelsz);

/* The campaign a new call is about unless the operator says otherwise (key
 * in out, else ""): of the campaigns open today (running, or extended for
 * this respondent by a proroga), the one the respondent has business with —
 * the only one it belongs to, else the only one where it has not yet
 * submitted nor been excused. None when that leaves zero or several: the
 * operator chooses. Without a respondent (NULL or ""), or for one that
 * belongs to none of them: the only campaign open today, if one. */
int calls_default_campaign(struct cn_ctx *ctx, const char *respondent_id, char *out, size_t outsz);

/* The campaigns open today for this respondent (NULL: running today), in
 * the order a form offers them: the default first, then newest first. */
struct calls_campaign_choice {
	char key[41];
	char name[256];
};
int calls_open_campaigns(struct cn_ctx *ctx, const char *respondent_id,
			 struct calls_campaign_choice **out, size_t *n);

/* Categories, in pick-list order. */
struct call_category {
	char *name, *label;
	int active;
	long calls;          /* how many calls have it */
};
struct call_categories {
	size_t n;
	struct call_category *v;
};
/* all = 0: active ones only. */
int call_categories_list(struct cn_ctx *ctx, int all, struct call_categories *out);
void call_categories_free(struct call_categories *c);
/* Admin: a new category NAME ([a-z0-9_], up to 40) with its Italian label. */
int call_category_add(struct cn_ctx *ctx, const char *name, const char *label);
/* Admin: a category out of the pick lists (active = 0) or back in (1).
 * Calls keep their category; 'altro', the default, stays. Audited
 * call_category.disable / call_category.enable. */
int call_category_set_active(struct cn_ctx *ctx, const char *name, int active);

#endif
