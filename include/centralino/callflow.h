/* The phone call as one flow: a call saved together with what the operator
 * did during it, in one transaction.
 *
 * During a call the operator may give the respondent its access code,
 * re-issue it, read it out again, grant a proroga or note a new contact.
 * callflow_save writes the call and each of these in one BEGIN IMMEDIATE
 * transaction: the call row, the code (its call_id is the call; a
 * re-issued code's predecessor revoked), the proroga, the contact, one
 * audit row per change as each module writes it, and a call_action row
 * tying each to the call. When the call follows an earlier one whose
 * callback is still open, that callback is answered: the earlier call is
 * closed (audited 'call.callback_close') and shows "called back at ...,
 * call X". Either everything is saved or nothing is.
 *
 * Caller, office and phone are typed once, on the call: the code actions
 * take them from there. The campaign of a code or proroga action is the
 * call's unless the action names one. How the caller was verified has no
 * default: a code action without it is refused. */
#ifndef CENTRALINO_CALLFLOW_H
#define CENTRALINO_CALLFLOW_H

#include <stddef.h>
#include <time.h>

#include "centralino/calls.h"
#include "centralino/code.h"
#include "centralino/contact.h"

struct cn_ctx;

enum callflow_kind {
	CALLFLOW_CODE,          /* give the code: a batch code nobody was told yet, else a new one */
	CALLFLOW_CODE_REISSUE,  /* revoke the active code, give a new one (reason required) */
	CALLFLOW_CODE_REVEAL,   /* read the active code out again (audited code.reveal) */
	CALLFLOW_EXTENSION,     /* grant a proroga (supervisore) */
	CALLFLOW_CONTACT,       /* note a contact of the respondent */
};

struct callflow_action {
	enum callflow_kind kind;
	const char *campaign;   /* code and proroga: campaign key; NULL: the call's campaign */
	const char *verified;   /* code, re-issue: see code_verified_check; required */
	const char *reason;     /* re-issue, proroga */
	const char *until;      /* proroga: a date as cn_parse_date takes it */
	int save_contact;       /* code, re-issue: keep the caller and phone as contacts */
	/* code, re-issue: the new code drawn in advance (code_issue_draw) and
	 * already read out; NULL draws it at save time */
	const char *code;
	/* reveal: already revealed (and audited) during the call; only linked */
	int revealed;
	enum contact_kind contact_kind;   /* contact */
	const char *value, *name, *office;
};

/* What one action did. */
struct callflow_done {
	enum callflow_kind kind;
	char code[CODE_BUFSZ];     /* code actions: the code itself, to be read out */
	char revoked[CODE_BUFSZ];  /* re-issue: the old code */
	int from_batch;            /* a batch code was given */
	char until[11];            /* proroga: YYYY-MM-DD */
	long long object_id;       /* access_code.id, extension.id or contact.id */
};

struct callflow_result {
	char call_id[37];
	char callback_closed[37];  /* the earlier call whose callback this one answered, or "" */
	size_t n;
	struct callflow_done *v;
};
void callflow_result_free(struct callflow_result *r);

/* Saves the call (as calls_add) and the actions, in order. Refused as a
 * whole, with the message of the action that failed, when any part is. */
int callflow_save(struct cn_ctx *ctx, const struct call_input *in,
		  const struct callflow_action *actions, size_t n, struct callflow_result *out);

/* What was done during a call, in order. */
struct callflow_step {
	char kind[16];            /* as stored: code_issue, code_give, ... callback_close */
	char object_id[40];
	time_t at;
	char *text;               /* for people: "code ••••  •••• ••MN P re-issued (campaign fam2019)" */
};
struct callflow_steps {
	size_t n;
	struct callflow_step *v;
};
void callflow_steps_free(struct callflow_steps *s);
int callflow_steps_of(struct cn_ctx *ctx, const char *call_id, struct callflow_steps *out);

/* The call that answered this call's callback: its id in by (37 bytes,
 * "" when none) and its start in *at. */
int callflow_called_back(struct cn_ctx *ctx, const char *call_id, char by[37], time_t *at);

/* Today's callbacks at a glance: those not answered yet that are due (also
 * from earlier days) or coming later today, soonest first; mine, or
 * everyone's. A callback is due when its time is at or before now. */
int callflow_callbacks_today(struct cn_ctx *ctx, int everyone, struct call_list *out);

#endif
