/* Parsing and showing times and dates. */
#include <stdio.h>
#include <string.h>
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

void cn_date_display(const char *ymd, char out[11])
{
	if (ymd && strlen(ymd) >= 10 && ymd[4] == '-' && ymd[7] == '-')
		snprintf(out, 11, "%.2s/%.2s/%.4s", ymd + 8, ymd + 5, ymd);
	else
		snprintf(out, 11, "%s", ymd ? ymd : "");
}

/* Days since 1970-01-01 of a civil date, independent of time zones. */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int cn_days_until(time_t now, const char *ymd)
{
	struct tm tm;
	int y, m, d;
	localtime_r(&now, &tm);
	if (!ymd || sscanf(ymd, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return 0;
	return (int)(days_from_civil(y, m, d) -
		     days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday));
}
