/* Tabular output of the CLI: aligned table, TSV or CSV. TSV and CSV cells
 * starting with = + - @ get a leading ' so spreadsheets do not run them. */
#ifndef CENTRALINO_OUT_H
#define CENTRALINO_OUT_H

#include <stdio.h>

enum out_format { OUT_TABLE, OUT_TSV, OUT_CSV };

/* "table", "tsv", "csv" (allowed: bitmask of 1<<OUT_*). 0 or -1. */
int out_parse_format(const char *s, unsigned allowed, enum out_format *out);

struct out_table;
struct out_table *out_new(enum out_format fmt, int ncols, const char *const *headers);
/* Copies the cells; NULL cells print empty. */
void out_row(struct out_table *t, const char *const *cells);
/* Right-align a column in table format (numbers). */
void out_align_right(struct out_table *t, int col);
/* Writes everything (table format needs all rows to size the columns). */
void out_print(struct out_table *t, FILE *f);
void out_free(struct out_table *t);

/* One cell escaped for TSV (\t \n \r \\ as escapes) or CSV (quoted when
 * needed), formula-neutralised; written to f. */
void out_cell(FILE *f, enum out_format fmt, const char *s);

#endif
