/* The dashboard's data in one call. */
#include <string.h>

#include "progress_internal.h"

int progress_dashboard(struct cn_ctx *ctx, const char *campaign_key, enum progress_by by,
		       const struct progress_filter *filter, int reminders,
		       struct progress_dashboard *out)
{
	struct snapshot s, g;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_SUPERVISORE, _("read the progress reports"))) ||
	    (rc = progress_snapshot_load(ctx, campaign_key, 1, &s)))
		return rc;
	/* one snapshot: the table, the chart and the list agree; in a
	 * drill-down the figures, the chart and the list are the group's */
	progress_snapshot_narrow(&s, filter, &g);
	if ((rc = progress_report_build(ctx, &s, by, filter, &out->report)) ||
	    (rc = progress_daily_build(ctx, &g, PROGRESS_DAILY_SUBMISSIONS, &out->series)) ||
	    (reminders > 0 && (rc = progress_reminders_build(ctx, &g, reminders, &out->reminders))))
		progress_dashboard_free(out);
	else
		progress_snapshot_pace(&g, &out->report.pace);
	progress_snapshot_free(&g);
	progress_snapshot_free(&s);
	return rc;
}

void progress_dashboard_free(struct progress_dashboard *d)
{
	progress_report_free(&d->report);
	progress_daily_free(&d->series);
	progress_reminders_free(&d->reminders);
}
