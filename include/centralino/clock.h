/* Times: stored as UTC ISO-8601 ("2019-07-31T08:30:00Z"), dates as
 * "YYYY-MM-DD", shown the Italian way ("31/07/2019 10:30") in local time. */
#ifndef CENTRALINO_CLOCK_H
#define CENTRALINO_CLOCK_H

#include <time.h>

/* Accepts YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS], YYYY-MM-DD HH:MM[:SS] (local
 * time, or UTC with a trailing Z), DD/MM/YYYY [HH:MM]. A bare date means
 * its midnight. Returns 0 or CN_EUSAGE. */
int cn_parse_time(const char *s, time_t *out);
/* A calendar date in any accepted spelling, normalised to YYYY-MM-DD. */
int cn_parse_date(const char *s, char out[11]);

void cn_fmt_iso(time_t t, char out[21]);      /* 2019-07-31T08:30:00Z */
void cn_fmt_display(time_t t, char out[17]);  /* 31/07/2019 10:30 (local) */
void cn_fmt_day(time_t t, char out[11]);      /* 31/07/2019 (local) */
void cn_fmt_ymd(time_t t, char out[11]);      /* 2019-07-31 (local) */
/* "2019-07-31" -> "31/07/2019"; copies anything else unchanged. */
void cn_date_display(const char *ymd, char out[11]);

/* Whole days from the local date of `now` to `ymd` (negative when past). */
int cn_days_until(time_t now, const char *ymd);

#endif
