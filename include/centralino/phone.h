/* Phone numbers as the desk hears them: stored as one normalised key so
 * that "055 203 7349", "+39 055-2037349" and "0039 0552037349" are the same
 * number, and shown back the Italian way.
 *
 * The key: "+" and the digits (E.164) for international numbers and for
 * Italian-looking national ones (first digit 0 landline, 3 mobile, 5 or 8
 * non-geographic, 6 to 11 digits): "+390552037349", "+393331234567";
 * "00" in front means "+". Anything else (short service numbers) is kept as
 * bare digits. Spaces, hyphens, dots, slashes and brackets are ignored;
 * letters (an extension "int. 12") are refused: they belong in the notes. */
#ifndef CENTRALINO_PHONE_H
#define CENTRALINO_PHONE_H

#include <stddef.h>

/* "+" + at most 15 digits + NUL */
#define PHONE_KEY_MAX 17
/* the grouped form: at most 15 digits, 4 spaces, "+" + NUL */
#define PHONE_DISPLAY_MAX 24

/* 0 and the key in out, or -1 with *why (a translated sentence) saying
 * what is wrong. Empty input is an error too. */
int phone_normalise(const char *in, char out[PHONE_KEY_MAX], const char **why);

/* The key shown in Italian grouping: landlines after their area code
 * ("055 203 7349", "02 1234 5678", "0125 123 456"), mobiles and
 * non-geographic numbers 3-3-4 ("333 123 4567", "800 123 456"), both
 * without +39. Foreign numbers and short numbers as stored. Input that is
 * not a key is copied unchanged. */
void phone_display(const char *key, char out[PHONE_DISPLAY_MAX]);

#endif
