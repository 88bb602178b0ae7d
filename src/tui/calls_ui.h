/* Shared by the call screens (view_calls, view_call, view_call_pick,
 * view_call_form, card_calls, status_calls). */
#ifndef CENTRALINO_TUI_CALLS_UI_H
#define CENTRALINO_TUI_CALLS_UI_H

#include <time.h>

#include "centralino/callflow.h"
#include "centralino/calls.h"
#include "widget.h"

/* What the call form starts from: the argument of view_call_form. */
struct call_start {
	char mode;             /* 'n' new, 'e' edit */
	time_t started;        /* new: when the operator took the call */
	char respondent[80];   /* new: id, "" unidentified */
	char follows[37];      /* new: the earlier call; edit: the call */
	char phone[64];
	char caller[128];
	int outbound;
	int back;              /* after saving, go back (else open the comune's card) */
};
/* Opens the call form on s. Reactions. */
int calls_ui_form(struct app *app, const struct call_start *s);

/* A new call: the timer starts now; the respondent picker opens unless
 * `istat` (a respondent id) is given, then the form. Reactions. */
int calls_ui_new(struct app *app, const char *respondent);
/* The same for a call that began at `started` (a card opened for it). */
int calls_ui_new_at(struct app *app, const char *respondent, time_t started);
/* A new outbound call following up `call_id` (calling back). */
int calls_ui_follow(struct app *app, const char *call_id);
int calls_ui_edit(struct app *app, const char *call_id);
/* At start: a new call left unsaved when the terminal closed (its draft)
 * is opened again, filled in. Reactions. */
int calls_ui_restore_draft(struct app *app);
/* The screen of one call. */
int calls_ui_open(struct app *app, const char *call_id);
/* Closing: asks the outcome when the call has none. */
int calls_ui_close(struct app *app, const struct call *c);

/* The global call keys (F2/n new call, F3 calls screen) for whoever gets
 * them first: reactions, or R_PASS for any other action. The main loop's
 * global handler should call it (see the report to the lead). */
int calls_global_action(struct app *app, int action);

/* One call on one line: when, respondent (unless hide_respondent), category,
 * state, callback, caller/notes. Open calls highlighted, due callbacks warned. */
void calls_ui_row(struct app *app, const struct call *c, int y, int x, int w,
		  int selected, int hide_respondent);

/* What was done during a call in progress, saved with it (call_actions.c).
 * The call form fills the first block; the rest is the actions' own. */
#define CALL_ACTIONS_MAX 6
struct call_actions {
	struct form *form;                 /* the call form */
	size_t f_caller, f_office, f_phone, f_category;
	const struct call_categories *cats;
	const char *respondent;            /* id, "" when not identified */
	const char *who;                   /* as shown */
	/* the call form's campaign field when it has one (more than one
	 * campaign open for the respondent): f_campaign's choice i is
	 * camp_keys[i], the last choice none */
	size_t f_campaign, ncamp;
	const char *const *camp_keys;
	size_t n;
	struct callflow_action v[CALL_ACTIONS_MAX];
	char campaigns[CALL_ACTIONS_MAX][41], verified[CALL_ACTIONS_MAX][256];
	char reason[CALL_ACTIONS_MAX][310], code[CALL_ACTIONS_MAX][CODE_BUFSZ];
	char done[CALL_ACTIONS_MAX][300];
	char until[CALL_ACTIONS_MAX][11], value[CALL_ACTIONS_MAX][256], name[CALL_ACTIONS_MAX][200];
	char campaign[41];                 /* of the action being done */
	int reissue;
};
/* The call form's keys for codes (give, re-issue, read out again):
 * reactions, R_PASS for any other action. */
int call_actions_key(struct app *app, struct call_actions *ca, int action);
/* "code re-issued (fam2019) · ...": what the call will save with it. */
void call_actions_done(const struct call_actions *ca, char *out, size_t outsz);

#endif
