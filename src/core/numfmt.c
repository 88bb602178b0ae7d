/* Numbers for people: grouping and decimal separators from the catalogue. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "centralino/i18n.h"
#include "centralino/numfmt.h"

/* Appends s to out (capacity cap, used *o), never past its end. */
static void put(char *out, size_t cap, size_t *o, const char *s)
{
	size_t n = strlen(s);
	if (*o + n >= cap)
		n = *o + 1 < cap ? cap - 1 - *o : 0;
	memcpy(out + *o, s, n);
	*o += n;
	out[*o] = '\0';
}

/* Integer arithmetic throughout: printf's %f would follow LC_NUMERIC, which
 * a front end might have changed. */
static char *format(int negative, unsigned long long whole, unsigned long frac,
		    int decimals, char *buf, size_t len)
{
	/* TRANSLATORS: the separator of thousands in numbers for people:
	 * 1,234 in English, 1.234 in Italian. */
	const char *group = C_("number", ",");
	/* TRANSLATORS: the decimal separator: 12.5 in English, 12,5 in Italian. */
	const char *point = C_("number", ".");
	char digits[24], fraction[24], one[2] = "";
	size_t o = 0;
	int n = snprintf(digits, sizeof digits, "%llu", whole);

	if (!len)
		return buf;
	buf[0] = '\0';
	if (negative)
		put(buf, len, &o, "-");
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			put(buf, len, &o, group);
		one[0] = digits[i];
		put(buf, len, &o, one);
	}
	if (decimals > 0) {
		snprintf(fraction, sizeof fraction, "%0*lu", decimals, frac);
		put(buf, len, &o, point);
		put(buf, len, &o, fraction);
	}
	return buf;
}

char *numfmt_int(long v, char *buf, size_t len)
{
	unsigned long long m = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	return format(v < 0, m, 0, 0, buf, len);
}

char *numfmt_dec(double v, int decimals, char *buf, size_t len)
{
	double scale, scaled;
	unsigned long long units, p = 1;

	if (!isfinite(v) || fabs(v) >= 1e15) {
		if (len)
			snprintf(buf, len, "-");
		return buf;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	for (int i = 0; i < decimals; i++)
		p *= 10;
	scale = (double)p;
	scaled = round(fabs(v) * scale);
	units = (unsigned long long)scaled;
	return format(v < 0 && units > 0, units / p, (unsigned long)(units % p), decimals, buf, len);
}

char *numfmt_pct(double pct, int decimals, char *buf, size_t len)
{
	size_t n;
	numfmt_dec(pct, decimals, buf, len);
	n = strlen(buf);
	if (isfinite(pct) && fabs(pct) < 1e15 && n + 1 < len)
		snprintf(buf + n, len - n, "%%");
	return buf;
}
