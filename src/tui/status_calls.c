/* Status-bar segment: how many of my callbacks are due now. Each callback
 * is announced once, on the status line, when it falls due (or at start
 * when it already is). */
#include <stdio.h>
#include <string.h>

#include "calls_ui.h"

static int announced(const struct calls_due *cache, const char *id)
{
	for (int i = 0; i < CALLS_ANNOUNCED_MAX; i++)
		if (!strcmp(cache->announced[i], id))
			return 1;
	return 0;
}

static void announce(struct app *app)
{
	struct calls_due *cache = &app->calls_due;
	struct call_filter f = {.callbacks_due = 1, .mine = 1, .limit = 50};
	struct call_list l;
	const struct call *first = NULL;
	int fresh = 0;

	if (calls_list(app->ctx, &f, &l))
		return;
	for (size_t i = 0; i < l.n; i++) {
		if (announced(cache, l.v[i].id))
			continue;
		if (!first)
			first = &l.v[i];
		fresh++;
		snprintf(cache->announced[cache->next], 37, "%s", l.v[i].id);
		cache->next = (cache->next + 1) % CALLS_ANNOUNCED_MAX;
	}
	if (first) {
		char who[300], phone[PHONE_DISPLAY_MAX] = "";
		call_respondent_label(first, who, sizeof who);
		if (first->phone)
			phone_display(first->phone, phone);
		if (fresh == 1)
			app_msg(app, MSG_WARN, _("Callback due now: %s%s%s%s%s (:calls due)"), who,
				first->caller_name ? " — " : "", first->caller_name ? first->caller_name : "",
				phone[0] ? " " : "", phone);
		else
			app_msg(app, MSG_WARN, _("%d callbacks due now, first %s (:calls due)"), fresh, who);
		beep();
	}
	call_list_free(&l);
}

int calls_status(struct app *app, char *buf, size_t len)
{
	struct calls_due *cache = &app->calls_due;
	time_t minute = cn_now(app->ctx) / 60;
	if (!cn_may(app->ctx, CN_ROLE_ASSISTENZA))
		return SEG_NONE;
	if (!cache->valid || cache->gen != app->data_gen || cache->minute != minute) {
		cache->valid = 1;
		cache->gen = app->data_gen;
		cache->minute = minute;
		if (calls_callbacks_due_count(app->ctx, NULL, &cache->due))
			cache->due = 0;
		if (cache->due)
			announce(app);
	}
	if (!cache->due)
		return SEG_NONE;
	if (cache->due == 1)
		snprintf(buf, len, "%s", _("1 callback due"));
	else
		snprintf(buf, len, _("%ld callbacks due"), cache->due);
	return SEG_ALERT;
}
