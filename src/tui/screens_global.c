/* Global keys that open a screen from anywhere (one action per screen). */
#include "tui.h"

static int open_once(struct app *app, const struct view_ops *view)
{
	struct view_inst *top = app_top(app);
	if (top && top->ops == view)
		return R_NONE;
	app_push(app, view, NULL);
	return R_REDRAW;
}

int screens_global_action(struct app *app, int action)
{
	switch (action) {
	case ACT_CODES_SCREEN: return open_once(app, &view_codes);
	case ACT_STAFF_SCREEN: return open_once(app, &view_staff);
	case ACT_AUDIT_SCREEN: return open_once(app, &view_audit);
	case ACT_DASHBOARD_SCREEN: return open_once(app, &view_dashboard);
	case ACT_CAMPAIGNS_SCREEN: return open_once(app, &view_campaigns);
	}
	return R_PASS;
}
