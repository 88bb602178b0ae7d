/* Every date and time the program reads, shows or counts: parsing,
 * formats, calendar arithmetic. Calendar days are counted on the civil
 * date (cn_days_from_civil), never by dividing seconds by 86400, so a day
 * of 23 or 25 hours (summer time) counts as one. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "centralino/clock.h"
#include "centralino/ctx.h"

static int valid_tm(const struct tm *tm)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y = tm->tm_year + 1900;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1900 || y > 9999 || tm->tm_mon < 0 || tm->tm_mon > 11)
		return 0;
	if (tm->tm_mday < 1 || tm->tm_mday > mdays[tm->tm_mon])
		return 0;
	if (tm->tm_mon == 1 && tm->tm_mday == 29 && !leap)
		return 0;
	return tm->tm_hour >= 0 && tm->tm_hour < 24 && tm->tm_min >= 0 &&
	       tm->tm_min < 60 && tm->tm_sec >= 0 && tm->tm_sec < 61;
}

/* Fills tm from any accepted spelling; *utc set when it ends in Z. */
static int parse_tm(const char *s, struct tm *tm, int *utc)
{
	int y, mo, d, h = 0, mi = 0, se = 0, n = 0;
	char sep;

	memset(tm, 0, sizeof *tm);
	*utc = 0;
	if (!s)
		return CN_EUSAGE;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3 && n == 10) {
		s += n;
	} else if (sscanf(s, "%2d/%2d/%4d%n", &d, &mo, &y, &n) == 3 && n == 10) {
		s += n;
	} else {
		return CN_EUSAGE;
	}
	if (*s == 'T' || *s == ' ') {
		sep = *s++;
		(void)sep;
		if (sscanf(s, "%2d:%2d%n", &h, &mi, &n) != 2 || n != 5)
			return CN_EUSAGE;
		s += n;
		if (*s == ':') {
			if (sscanf(s, ":%2d%n", &se, &n) != 1 || n != 3)
				return CN_EUSAGE;
			s += n;
		}
	}
	if (*s == 'Z') {
		*utc = 1;
		s++;
	}
	if (*s)
		return CN_EUSAGE;
	tm->tm_year = y - 1900;
	tm->tm_mon = mo - 1;
	tm->tm_mday = d;
	tm->tm_hour = h;
	tm->tm_min = mi;
	tm->tm_sec = se;
	tm->tm_isdst = -1;
	return valid_tm(tm) ? CN_OK : CN_EUSAGE;
}

int cn_parse_time(const char *s, time_t *out)
{
	struct tm tm;
	int utc;
	if (parse_tm(s, &tm, &utc))
		return CN_EUSAGE;
	*out = utc ? timegm(&tm) : mktime(&tm);
	return *out == (time_t)-1 ? CN_EUSAGE : CN_OK;
}

int cn_parse_date(const char *s, char out[11])
{
	struct tm tm;
	int utc;
	if (parse_tm(s, &tm, &utc))
		return CN_EUSAGE;
	strftime(out, 11, "%Y-%m-%d", &tm);
	return CN_OK;
}

void cn_fmt_iso(time_t t, char out[21])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void cn_fmt_display(time_t t, char out[17])
{
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 17, "%d/%m/%Y %H:%M", &tm);
}

void cn_fmt_day(time_t t, char out[11])
{
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 11, "%d/%m/%Y", &tm);
}

void cn_fmt_ymd(time_t t, char out[11])
{
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

void cn_iso_display(const char *iso, char out[17])
{
	time_t t;
	out[0] = '\0';
	if (iso && *iso && cn_parse_time(iso, &t) == CN_OK)
		cn_fmt_display(t, out);
}

void cn_date_display(const char *ymd, char out[11])
{
	if (ymd && strlen(ymd) >= 10 && ymd[4] == '-' && ymd[7] == '-')
		snprintf(out, 11, "%.2s/%.2s/%.4s", ymd + 8, ymd + 5, ymd);
	else
		snprintf(out, 11, "%s", ymd ? ymd : "");
}

/* Howard Hinnant's days_from_civil / civil_from_days: exact for every
 * proleptic Gregorian date. */
long cn_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void cn_civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int cn_ymd_split(const char *ymd, int *y, int *m, int *d)
{
	struct tm tm = {0};
	int n = 0;
	if (!ymd || sscanf(ymd, "%4d-%2d-%2d%n", y, m, d, &n) != 3 || n != 10 || ymd[n])
		return CN_EUSAGE;
	tm.tm_year = *y - 1900;
	tm.tm_mon = *m - 1;
	tm.tm_mday = *d;
	return valid_tm(&tm) ? CN_OK : CN_EUSAGE;
}

int cn_ymd_add_days(const char *ymd, int days, char out[11])
{
	int y, m, d;
	/* out may be ymd itself */
	if (cn_ymd_split(ymd, &y, &m, &d)) {
		out[0] = '\0';
		return CN_EUSAGE;
	}
	cn_civil_from_days(cn_days_from_civil(y, m, d) + days, &y, &m, &d);
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
	return CN_OK;
}

int cn_ymd_diff(const char *a, const char *b)
{
	int ya, ma, da, yb, mb, db;
	if (cn_ymd_split(a, &ya, &ma, &da) || cn_ymd_split(b, &yb, &mb, &db))
		return 0;
	return (int)(cn_days_from_civil(yb, mb, db) - cn_days_from_civil(ya, ma, da));
}

int cn_days_until(time_t now, const char *ymd)
{
	struct tm tm;
	int y, m, d;
	localtime_r(&now, &tm);
	if (!ymd || sscanf(ymd, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return 0;
	return (int)(cn_days_from_civil(y, m, d) -
		     cn_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday));
}

time_t cn_day_start(const char *ymd)
{
	time_t t = 0;
	cn_parse_time(ymd, &t);
	return t;
}

int cn_day_bounds(const char *date, time_t *start, time_t *end)
{
	char ymd[11], next[11];
	if (cn_parse_date(date, ymd) || cn_parse_time(ymd, start) ||
	    cn_ymd_add_days(ymd, 1, next) || cn_parse_time(next, end))
		return CN_EUSAGE;
	return CN_OK;
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Called for every submission of a campaign on each dashboard refresh:
 * the stored form "YYYY-MM-DDTHH:MM:SSZ" is read by hand (sscanf and
 * timegm cost more than the rest of the refresh); anything else goes
 * through cn_parse_time. */
void cn_iso_day(const char *iso, char out[11])
{
	struct tm tm;
	time_t t;
	out[0] = '\0';
	if (!iso || !*iso)
		return;
	if (strlen(iso) == 20 && iso[4] == '-' && iso[7] == '-' && iso[10] == 'T' && iso[19] == 'Z') {
		int y = digits(iso, 4), mo = digits(iso + 5, 2), d = digits(iso + 8, 2);
		int h = digits(iso + 11, 2), mi = digits(iso + 14, 2), se = digits(iso + 17, 2);
		if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || mi < 0 || se < 0)
			return;
		t = (time_t)cn_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
	} else if (cn_parse_time(iso, &t) != CN_OK) {
		return;
	}
	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* The local date of now + days, at HH:MM local. */
static int at_time(time_t now, int days, const char *hhmm, time_t *out)
{
	int h, m, n = 0;
	char today[11], day[11], when[17];
	if (sscanf(hhmm, "%2d:%2d%n", &h, &m, &n) != 2 || hhmm[n] || h < 0 || h > 23 || m < 0 || m > 59)
		return CN_EUSAGE;
	cn_fmt_ymd(now, today);
	if (cn_ymd_add_days(today, days, day))
		return CN_EUSAGE;
	snprintf(when, sizeof when, "%s %02d:%02d", day, h, m);
	return cn_parse_time(when, out);
}

int cn_parse_when(time_t now, const char *s, time_t *out)
{
	static const struct { const char *word; int days; } words[] = {
		{"oggi", 0}, {"today", 0}, {"domani", 1}, {"tomorrow", 1},
	};
	if (!s)
		return CN_EUSAGE;
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '+') {
		char *end;
		long v = strtol(s + 1, &end, 10);
		long unit = *end == 'm' ? 60 : *end == 'h' ? 3600 : *end == 'd' || *end == 'g' ? 86400 : 0;
		if (end == s + 1 || v < 0 || v > 100000 || !unit || end[1])
			return CN_EUSAGE;
		*out = now + (time_t)(v * unit);
		return CN_OK;
	}
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		size_t n = strlen(words[i].word);
		const char *rest = s + n;
		if (strncasecmp(s, words[i].word, n) != 0 || (*rest && *rest != ' '))
			continue;
		while (*rest == ' ')
			rest++;
		return at_time(now, words[i].days, *rest ? rest : "09:00", out);
	}
	if (strlen(s) <= 5 && strchr(s, ':') && isdigit((unsigned char)*s))
		return at_time(now, 0, s, out);
	return cn_parse_time(s, out);
}

/* A zone after a form's time: "Z", "GMT+2", "UTC+02:00", "+0200", "-05".
 * *s moves past it; *zone in seconds east of UTC. 0, or -1 when garbled. */
static int parse_zone(const char **sp, int *has_zone, int *zone)
{
	const char *s = *sp;
	int n;
	*has_zone = 0;
	*zone = 0;
	if (*s == 'Z') {
		*has_zone = 1;
		s++;
	} else if (strncasecmp(s, "CEST", 4) == 0 || strncasecmp(s, "CET", 3) == 0) {
		/* Central European (summer) time, as Google Forms names Rome's */
		int summer = toupper((unsigned char)s[2]) == 'S';
		*has_zone = 1;
		*zone = summer ? 7200 : 3600;
		s += summer ? 4 : 3;
	} else if (strncasecmp(s, "GMT", 3) == 0 || strncasecmp(s, "UTC", 3) == 0 || *s == '+' || *s == '-') {
		int zh = 0, zm = 0, sign;
		if (isalpha((unsigned char)*s))
			s += 3;
		*has_zone = 1;
		if (*s == '+' || *s == '-') {
			sign = *s++ == '-' ? -1 : 1;
			n = 0;
			if (sscanf(s, "%d%n", &zh, &n) != 1)
				return -1;
			if (n == 4) { /* +0200 */
				zm = zh % 100;
				zh /= 100;
			}
			s += n;
			if (*s == ':') {
				n = 0;
				if (sscanf(s + 1, "%d%n", &zm, &n) != 1)
					return -1;
				s += 1 + n;
			}
			*zone = sign * (zh * 3600 + zm * 60);
		}
	}
	*sp = s;
	return 0;
}

/* A form's time of day after its date: "10:30", "10.30.15", "9:05 PM". */
static int parse_form_clock(const char **sp, int *h, int *mi, int *se)
{
	const char *s = *sp;
	char sep1, sep2;
	int n = 0;
	if (sscanf(s, "%d%c%d%n", h, &sep1, mi, &n) != 3 || (sep1 != ':' && sep1 != '.'))
		return -1;
	s += n;
	if ((*s == ':' || *s == '.') && isdigit((unsigned char)s[1])) {
		n = 0;
		if (sscanf(s, "%c%d%n", &sep2, se, &n) != 2)
			return -1;
		s += n;
		/* ISO's fraction of a second: "10:31:22.250" */
		if (sep2 == ':' && (*s == '.' || *s == ',') && isdigit((unsigned char)s[1]))
			for (s++; isdigit((unsigned char)*s); s++)
				;
	}
	while (*s == ' ')
		s++;
	if (strncasecmp(s, "AM", 2) == 0 || strncasecmp(s, "PM", 2) == 0) {
		if (*h < 1 || *h > 12)
			return -1;
		*h = *h % 12 + (toupper((unsigned char)*s) == 'P' ? 12 : 0);
		s += 2;
		while (*s == ' ')
			s++;
	}
	*sp = s;
	return 0;
}

/* A slashed date with the year last: "12/05/2020", its two first numbers. */
static int slashed_year_last(const char *s, int *a, int *b, int *c, int *n)
{
	while (isspace((unsigned char)*s))
		s++;
	*n = 0;
	return sscanf(s, "%d/%d/%d%n", a, b, c, n) == 3 && *n >= 6 && *a <= 999;
}

enum cn_dm_order cn_form_time_order(const char *s)
{
	int a, b, c, n, h, mi;
	const char *lead = s;
	if (!slashed_year_last(s, &a, &b, &c, &n))
		return CN_DM_NONE;
	if (a > 12 && b <= 12)
		return CN_DM_DAY_FIRST;
	if (b > 12 && a <= 12)
		return CN_DM_MONTH_FIRST;
	while (isspace((unsigned char)*lead))
		lead++;
	/* 10.31.22: only the Italian locale writes times with dots */
	if (sscanf(lead + n, " %d.%d", &h, &mi) == 2)
		return CN_DM_DAY_FIRST;
	return CN_DM_UNSETTLED;
}

/* Y, M, D of a form's date; *s moves past it. CN_EDATA when the order of a
 * slashed date is needed and unsettled. */
static int form_date(const char **sp, enum cn_dm_order order, int *y, int *mo, int *d)
{
	const char *s = *sp;
	int a, b, c, n = 0;

	if (sscanf(s, "%d-%d-%d%n", &a, &b, &c, &n) == 3 && n >= 8 && a > 999) {
		*y = a; *mo = b; *d = c;
	} else if (n = 0, sscanf(s, "%d/%d/%d%n", &a, &b, &c, &n) == 3 && n >= 6) {
		enum cn_dm_order own = cn_form_time_order(s);
		if (a > 999) {
			*y = a; *mo = b; *d = c;
		} else {
			if (order == CN_DM_UNSETTLED || order == CN_DM_NONE)
				order = own;
			if (order == CN_DM_UNSETTLED)
				return CN_EDATA;
			*y = c;
			*d = order == CN_DM_DAY_FIRST ? a : b;
			*mo = order == CN_DM_DAY_FIRST ? b : a;
		}
	} else {
		return CN_EUSAGE;
	}
	*sp = s + n;
	return CN_OK;
}

int cn_parse_form_time(const char *in, enum cn_dm_order order, time_t *out)
{
	struct tm tm = {0};
	int h = 0, mi = 0, se = 0, y, mo, d, zone = 0, has_zone = 0, rc;
	const char *s = in;

	while (isspace((unsigned char)*s))
		s++;
	if ((rc = form_date(&s, order, &y, &mo, &d)))
		return rc;
	if (*s == 'T' || *s == ' ' || *s == ',') {
		while (*s == 'T' || *s == ' ' || *s == ',')
			s++;
		if (*s && parse_form_clock(&s, &h, &mi, &se))
			return CN_EUSAGE;
	}
	if (parse_zone(&s, &has_zone, &zone))
		return CN_EUSAGE;
	while (*s == ' ')
		s++;
	if (*s || y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 ||
	    h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60)
		return CN_EUSAGE;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = se;
	tm.tm_isdst = -1;
	*out = has_zone ? timegm(&tm) - zone : mktime(&tm);
	/* 31/02 rolls over: refuse it */
	if (has_zone) {
		struct tm back;
		time_t local = *out + zone;
		gmtime_r(&local, &back);
		return back.tm_mday == d ? CN_OK : CN_EUSAGE;
	}
	return tm.tm_mday == d ? CN_OK : CN_EUSAGE;
}

int cn_parse_time_format(const char *in, const char *fmt, time_t *out)
{
	struct tm tm = {0};
	int zone = 0, has_zone = 0, d;
	const char *s;

	tm.tm_isdst = -1;
	tm.tm_mday = 1;
	if (!(s = strptime(in, fmt, &tm)))
		return CN_EUSAGE;
	if (strstr(fmt, "%z")) {
		has_zone = 1;
		zone = (int)tm.tm_gmtoff;
	}
	while (*s == ' ')
		s++;
	if (!has_zone && parse_zone(&s, &has_zone, &zone))
		return CN_EUSAGE;
	while (*s == ' ')
		s++;
	if (*s || tm.tm_year < 0)
		return CN_EUSAGE;
	d = tm.tm_mday;
	tm.tm_isdst = -1;
	if (has_zone) {
		struct tm back;
		time_t local;
		*out = timegm(&tm) - zone;
		local = *out + zone;
		gmtime_r(&local, &back);
		return back.tm_mday == d ? CN_OK : CN_EUSAGE;
	}
	*out = mktime(&tm);
	return tm.tm_mday == d ? CN_OK : CN_EUSAGE;
}

void cn_fmt_stamp(time_t t, char out[16])
{
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 16, "%Y%m%d-%H%M%S", &tm);
}

time_t cn_parse_stamp(const char *s)
{
	struct tm tm = {0};
	int n = 0;
	if (!s || sscanf(s, "%4d%2d%2d-%2d%2d%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
			 &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) != 6 || n != 15)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

void cn_fmt_when(time_t now, time_t t, char out[20])
{
	char full[17], today[17];
	cn_fmt_display(t, full);
	cn_fmt_display(now, today);
	if (strncmp(full + 6, today + 6, 4) == 0)
		snprintf(out, 20, "%.5s %s", full, full + 11);
	else
		snprintf(out, 20, "%s", full);
}
