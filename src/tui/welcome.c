/* A new desk's first screen says that a sample campaign is there to look
 * at, and how: until somebody logs a call or issues a code. */
#include "centralino/campaign.h"
#include "tui.h"

int welcome_sample_campaign(struct app *app)
{
	char key[41];

	if (app->msg[0] || !campaign_sample_untouched(app->ctx, key))
		return R_NONE; /* a restored draft speaks first */
	app_msg(app, MSG_INFO, _("Sample campaign %s is ready to try: F6 campaigns, F5 its dashboard"), key);
	return R_REDRAW;
}
