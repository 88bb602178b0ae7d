/* Numbers for people, in the interface's language: "1.234", "1.234,5" and
 * "12,5%" in Italian, "1,234", "1,234.5" and "12.5%" in English. The
 * separators are strings of the catalogue, so they follow i18n_setup.
 * Use them in tables and screens only: TSV, CSV and database values keep
 * plain numbers ("1234", "12.5"). Each returns buf; output that does not fit
 * is cut (NUMFMT_LEN is always enough). */
#ifndef CENTRALINO_NUMFMT_H
#define CENTRALINO_NUMFMT_H

#include <stddef.h>

#define NUMFMT_LEN 40

/* 1234567 -> "1.234.567" (grouped from 1.000 up). */
char *numfmt_int(long v, char *buf, size_t len);
/* 1234.56, 1 decimal -> "1.234,6" (decimals 0..6, rounded half away from 0). */
char *numfmt_dec(double v, int decimals, char *buf, size_t len);
/* A percentage already in percent: 12.5, 1 decimal -> "12,5%". Not a
 * number (0 of 0) -> "-". */
char *numfmt_pct(double pct, int decimals, char *buf, size_t len);

#endif
