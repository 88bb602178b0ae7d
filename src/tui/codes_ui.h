/* Access codes in the full-screen interface: shared by the card section
 * (card_codes.c) and the Codes screen (view_codes.c). */
#ifndef CENTRALINO_TUI_CODES_UI_H
#define CENTRALINO_TUI_CODES_UI_H

#include "widget.h"

/* The form for giving a code to a caller (caller, office, phone, how the
 * caller was checked, save as contacts; with reissue also the reason).
 * On success the code is shown large, grouped and spelled. Reactions. */
int codes_ui_issue(struct app *app, const char *campaign_key, const char *respondent_id,
		   const char *respondent_name, int reissue);

/* Shows the active code (audited as a reveal) in the large box. */
int codes_ui_reveal(struct app *app, const char *campaign_key, const char *respondent_id);

/* Asks the reason, then revokes the active code. Reactions. */
int codes_ui_revoke(struct app *app, const char *campaign_key, const char *respondent_id,
		    const char *respondent_name);

/* "Whose code is this?": with text, looks it up at once; else asks for it
 * in a form. The answer (or "probably mistyped" with the codes one slip
 * away) is shown in a box. Reactions. */
int codes_ui_find(struct app *app, const char *text);

/* How a caller was checked, for people, in the order of
 * code_verified_methods (0 called back the switchboard ... 3 other). */
const char *codes_ui_method_label(int i);

/* The box with a code large, grouped, and spelled in the Italian telephone
 * alphabet; note (optional) goes under it. Any key closes it. Reactions. */
int codes_ui_box(struct app *app, const char *title, const char *code, const char *note);

#endif
