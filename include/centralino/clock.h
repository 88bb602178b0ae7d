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
/* A stored UTC ISO time -> "31/07/2019 10:30" (local); "" for "" or
 * anything unparsable. */
void cn_iso_display(const char *iso, char out[17]);
/* "2019-07-31" -> "31/07/2019"; copies anything else unchanged. */
void cn_date_display(const char *ymd, char out[11]);

/* Times as people type them at the desk: any cn_parse_time spelling,
 * "HH:MM" (today, local), "+N" with m, h or d ("+30m", "+2h", "+1d": that
 * many seconds from now), "oggi/today/domani/tomorrow [HH:MM]" (09:00 when
 * no time). CN_EUSAGE otherwise. */
int cn_parse_when(time_t now, const char *s, time_t *out);
/* The order of day and month in a slashed date with the year last. */
enum cn_dm_order {
	CN_DM_NONE,        /* not such a date: no order needed */
	CN_DM_UNSETTLED,   /* both numbers 12 or less: could be either */
	CN_DM_DAY_FIRST,   /* 12/05/2020 = 12 May */
	CN_DM_MONTH_FIRST, /* 05/12/2020 = 12 May */
};
/* What one cell says of that order: DAY_FIRST when its first number is
 * over 12, or its time is written with dots (10.31.22: only the Italian
 * locale does), MONTH_FIRST when the second is over 12, else UNSETTLED;
 * NONE for any other spelling. */
enum cn_dm_order cn_form_time_order(const char *s);
/* A time as forms and spreadsheets write it:
 *   ISO 8601: 2020-05-12T10:31:22[.250][Z|+02:00|+0200] or with a space;
 *   Google Forms' CSV: 2020/05/12 10:31:22 AM CEST (AM/PM; zones CET,
 *   CEST, GMT, GMT+2, UTC, UTC+02:00, Z, +0200, -05);
 *   spreadsheets: 12/05/2020 10:31:22 or 10.31.22 (time optional);
 *   a bare date. The zone written in the cell wins; local time without one.
 * A slashed date with the year last is read in `order`; with NONE or
 * UNSETTLED it must settle itself (cn_form_time_order), otherwise
 * CN_EDATA: the order is never guessed. CN_EUSAGE when not a time. */
int cn_parse_form_time(const char *s, enum cn_dm_order order, time_t *out);
/* s read with a strptime(3) format (e.g. "%d/%m/%Y %H:%M"), the whole of
 * it; the zone from %z, or one written after what the format reads (as
 * above), else local time. CN_EUSAGE when it does not match. */
int cn_parse_time_format(const char *s, const char *fmt, time_t *out);

/* Short when `t` falls in the year of `now`: "31/07 10:30", else as
 * cn_fmt_display. */
void cn_fmt_when(time_t now, time_t t, char out[20]);
/* The local time as a file-name stamp "20190731-103000", and back (-1
 * when `s` does not start with one). */
void cn_fmt_stamp(time_t t, char out[16]);
time_t cn_parse_stamp(const char *s);

/* ---- calendar arithmetic: on civil dates, immune to summer time ---- */

/* Days since 1970-01-01 of the civil date y-m-d (proleptic Gregorian;
 * month 1-12), and back. */
long cn_days_from_civil(int y, int m, int d);
void cn_civil_from_days(long days, int *y, int *m, int *d);
/* "YYYY-MM-DD" exactly, a real date -> its parts; CN_EUSAGE otherwise. */
int cn_ymd_split(const char *ymd, int *y, int *m, int *d);
/* ymd + days (may be negative) into out; CN_EUSAGE ("" in out) when ymd is
 * not a date. */
int cn_ymd_add_days(const char *ymd, int days, char out[11]);
/* Calendar days from a to b (negative when b is before a); 0 when either
 * is not a date. */
int cn_ymd_diff(const char *a, const char *b);
/* Whole days from the local date of `now` to `ymd` (negative when past). */
int cn_days_until(time_t now, const char *ymd);
/* Local midnight starting the day (any cn_parse_date spelling); 0 when not
 * a date. */
time_t cn_day_start(const char *ymd);
/* The day (any cn_parse_date spelling) -> [its local midnight, the next
 * day's), 23 or 25 hours long on a change of summer time. */
int cn_day_bounds(const char *date, time_t *start, time_t *end);
/* The local day (YYYY-MM-DD) of a stored UTC ISO time; "" when unparsable. */
void cn_iso_day(const char *iso, char out[11]);

#endif
