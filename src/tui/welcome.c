/* A new desk's first screen says that a sample campaign is there to look
 * at, and how: until somebody logs a call or issues a code. */
#include "centralino/campaign.h"
#include "tui.h"

int welcome_sample_campaign(struct app *app)
{
	char key[41], kc[32], kd[32];

	if (app->msg[0] || !campaign_sample_untouched(app->ctx, key))
		return R_NONE; /* a restored draft speaks first */
	app_msg(app, MSG_INFO, _("Sample campaign %s is ready to try: %s campaigns, %s its dashboard"), key,
		action_key_label(&app->keymap, ACT_CAMPAIGNS_SCREEN, kc, sizeof kc),
		action_key_label(&app->keymap, ACT_DASHBOARD_SCREEN, kd, sizeof kd));
	return R_REDRAW;
}
