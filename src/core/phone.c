/* Phone numbers: one key per number, shown in Italian grouping. */
#include <stdio.h>
#include <string.h>

#include "centralino/i18n.h"
#include "centralino/phone.h"

/* Characters people put between digits. */
static size_t separator_len(const char *s)
{
	if (*s == ' ' || *s == '-' || *s == '.' || *s == '/' || *s == '(' ||
	    *s == ')' || *s == '\t')
		return 1;
	if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2; /* no-break space, pasted from web pages */
	return 0;
}

/* A national number that looks Italian: landline, mobile, non-geographic. */
static int italian_national(const char *d, size_t n)
{
	return n >= 6 && n <= 11 && (d[0] == '0' || d[0] == '3' || d[0] == '5' || d[0] == '8');
}

int phone_normalise(const char *in, char out[PHONE_KEY_MAX], const char **why)
{
	char d[64];
	size_t n = 0, sep;
	int plus = 0;
	const char *s = in ? in : "";

	*why = NULL;
	out[0] = '\0';
	while ((sep = separator_len(s)))
		s += sep;
	if (*s == '+') {
		plus = 1;
		s++;
	}
	for (; *s; s++) {
		if ((sep = separator_len(s))) {
			s += sep - 1;
			continue;
		}
		if (*s < '0' || *s > '9') {
			*why = *s == '+' ? _("a + can only stand in front of the number")
					 : _("only digits, spaces and + - . / ( ) are allowed (an extension goes in the notes)");
			return -1;
		}
		if (n + 1 >= sizeof d) {
			*why = _("too many digits for a phone number");
			return -1;
		}
		d[n++] = *s;
	}
	d[n] = '\0';
	if (n == 0) {
		*why = _("no digits in the phone number");
		return -1;
	}
	if (!plus && n > 2 && d[0] == '0' && d[1] == '0') {
		/* 0039 ... is +39 ... */
		plus = 1;
		memmove(d, d + 2, n - 1);
		n -= 2;
	}
	if (plus) {
		if (d[0] == '0') {
			*why = _("a country code never starts with 0");
			return -1;
		}
		if (n < 7 || n > 15) {
			*why = _("an international number has 7 to 15 digits");
			return -1;
		}
		if (d[0] == '3' && d[1] == '9' && !italian_national(d + 2, n - 2)) {
			*why = _("not an Italian number after +39 (6 to 11 digits, starting with 0, 3, 5 or 8)");
			return -1;
		}
		snprintf(out, PHONE_KEY_MAX, "+%s", d);
		return 0;
	}
	if (italian_national(d, n)) {
		snprintf(out, PHONE_KEY_MAX, "+39%s", d);
		return 0;
	}
	if (n < 3 || n > 15) {
		*why = n < 3 ? _("too few digits for a phone number") : _("too many digits for a phone number");
		return -1;
	}
	if (d[0] == '0' || d[0] == '3') {
		*why = _("an Italian number has 6 to 11 digits");
		return -1;
	}
	snprintf(out, PHONE_KEY_MAX, "%s", d);
	return 0;
}

/* Italian area codes of three digits; 02 and 06 have two, all other 0xxx four. */
static const char *const area3[] = {
	"010", "011", "015", "019", "030", "031", "035", "039", "040", "041",
	"045", "049", "050", "051", "055", "059", "070", "071", "075", "079",
	"080", "081", "085", "089", "090", "091", "095", "099",
};

static size_t area_len(const char *n)
{
	if (strncmp(n, "02", 2) == 0 || strncmp(n, "06", 2) == 0)
		return 2;
	for (size_t i = 0; i < sizeof area3 / sizeof *area3; i++)
		if (strncmp(n, area3[i], 3) == 0)
			return 3;
	return 4;
}

/* Appends " " + the subscriber digits grouped 3-3, 3-4 or 4-4. */
static void group_rest(const char *s, char *out, size_t outsz)
{
	size_t n = strlen(s), used = strlen(out);
	size_t first;
	switch (n) {
	case 6: first = 3; break;
	case 7: first = 3; break;
	case 8: first = 4; break;
	default: first = n > 8 ? 3 : n;
	}
	if (n > 8) {
		/* long numbers: threes, the last group taking what is left */
		snprintf(out + used, outsz - used, " %.3s", s);
		group_rest(s + 3, out, outsz);
		return;
	}
	snprintf(out + used, outsz - used, " %.*s", (int)first, s);
	used = strlen(out);
	if (first < n)
		snprintf(out + used, outsz - used, " %s", s + first);
}

void phone_display(const char *key, char out[PHONE_DISPLAY_MAX])
{
	const char *nat;
	size_t n, head;

	snprintf(out, PHONE_DISPLAY_MAX, "%s", key ? key : "");
	if (!key || strncmp(key, "+39", 3) != 0)
		return;
	nat = key + 3;
	n = strlen(nat);
	if (!italian_national(nat, n) || strspn(nat, "0123456789") != n)
		return;
	head = nat[0] == '0' ? area_len(nat) : 3;
	if (head >= n)
		return;
	snprintf(out, PHONE_DISPLAY_MAX, "%.*s", (int)head, nat);
	group_rest(nat + head, out, PHONE_DISPLAY_MAX);
}
